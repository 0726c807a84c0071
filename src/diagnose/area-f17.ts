import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/f17.ts (rules from the fresh-17 tuning set).

/** plugin.yaml fields of later Helm releases, with the release that reads them. */
const HELM_PLUGIN_FIELDS: Record<string, { helm: string; what: string }> = {
  platformHooks: { helm: "3.18.0", what: "per-platform install/update hooks (platformHooks)" },
  args: { helm: "3.18.0", what: "argument lists of platformCommand/platformHooks (args)" },
  apiVersion: { helm: "4.0.0", what: "Helm 4's plugin format (apiVersion)" },
  runtime: { helm: "4.0.0", what: "Helm 4's plugin format (runtime)" },
  runtimeConfig: { helm: "4.0.0", what: "Helm 4's plugin format (runtimeConfig)" },
  type: { helm: "4.0.0", what: "Helm 4's plugin format (type)" },
};

/**
 * helm-plugin-manifest-field-unknown. The fields later Helm releases added to plugin.yaml date the Helm binary below
 * the plugin's; any other field Helm does not know is as likely the plugin author's mistake, so it only warns.
 */
const diagnoseHelmPluginField: Diagnoser = (input) => {
  const field = input.capture("field") ?? "";
  const plugin = input.capture("plugin");
  const which = plugin ? `the ${plugin} plugin` : "an installed plugin";
  const known = HELM_PLUGIN_FIELDS[field];
  if (!known) {
    return {
      verdict: "warning",
      headline: `Helm could not load ${which}: its plugin.yaml has a field "${field}" this Helm does not know, from a newer plugin.yaml format or a mistake in the plugin's manifest.`,
      versions: [],
      fixes: ["Compare the plugin's plugin.yaml with the Helm release's plugin documentation; pin the plugin to a release written for this Helm, or upgrade Helm."],
    };
  }
  const [major, minor, patch] = known.helm.split(".").map(Number);
  const helm4 = known.helm.startsWith("4");
  return {
    verdict: "cause",
    headline: `Helm could not load ${which}: its plugin.yaml uses ${known.what}, which Helm reads only from ${known.helm} on, so the job's Helm is older than the plugin release that was installed${helm4 ? "" : " (plugins install unpinned at their latest release)"}.${field === "args" ? " If this Helm is 3.18 or newer, the plugin release was written for Helm 4's plugin format instead." : ""}`,
    versions: [{ name: "helmNeeded", version: known.helm, role: `first Helm release that reads the plugin.yaml field ${field}`, source: helm4 ? "Helm 4 plugin format (HIP-0026)" : "helm/helm#12962 (Helm 3.18.0)", typed: { raw: known.helm, kind: "component", major: major!, minor: minor!, patch: patch!, component: "Helm" } }],
    fixes: [
      `Upgrade Helm to ${helm4 ? "4" : "3.18"} or later on the runner (azure/setup-helm version:, the CI image).`,
      helm4
        ? `Or pin ${which} to its last release in the Helm 3 plugin format (helm plugin install <url> --version <tag>).`
        : plugin === "helm-diff"
          ? "Or pin helm-diff to v3.12.5, its last release without platformHooks: helm plugin install https://github.com/databus23/helm-diff --version v3.12.5."
          : `Or pin ${which} to a release from before it adopted ${field} (helm plugin install <url> --version <tag>).`,
    ],
  };
};

/**
 * kubeadm-coredns-migration-blocked. What kubeadm cannot migrate says which side moved: a running CoreDNS outside its
 * table (a self-built tag, a release newer than kubeadm deployed), a Corefile with plugins the target release removed,
 * or kubeadm's own migration library behind the CoreDNS it deploys. kubeadm's WARNING level (the check ignored, or
 * kubeadm leaving CoreDNS as it is) is a warning, not the failure.
 */
const diagnoseCoreDNSMigration: Diagnoser = (input) => {
  const level = input.capture("level") ?? input.capture("level2") ?? input.capture("level3");
  const verdict = level === "WARNING" ? "warning" : "cause";
  const start = input.capture("start");
  const target = input.capture("target");
  const from = input.capture("from");
  const versions = [
    ...(start ? [{ name: "start", version: start, role: "CoreDNS release running in the cluster", source: "the preflight error" }] : []),
    ...(from ? [{ name: "from", version: from, role: "CoreDNS release running in the cluster", source: "the preflight error" }] : []),
    ...(target ? [{ name: "target", version: target, role: "CoreDNS release kubeadm upgrades to", source: "the preflight error" }] : []),
  ];
  if (start) {
    const selfBuilt = /^v?\d+\.\d+\.\d+[-+]/.test(start);
    return {
      verdict,
      headline: selfBuilt
        ? `kubeadm upgrade cannot migrate the CoreDNS Corefile: the running CoreDNS ${start} is a self-built tag, not a release in kubeadm's corefile-migration table, so kubeadm does not know which Corefile format it has.`
        : `kubeadm upgrade cannot migrate the CoreDNS Corefile: the running CoreDNS ${start} is not a release kubeadm's corefile-migration knows as a starting point, so CoreDNS was deployed or upgraded outside kubeadm (by hand, an installer or a chart) past the release kubeadm manages.`,
      versions,
      fixes: [
        selfBuilt
          ? "Run the upstream CoreDNS release your tag is built from (registry.k8s.io/coredns/coredns:v<release>) for the upgrade, or skip kubeadm's CoreDNS handling."
          : input.signature.fixes[0]!,
        input.signature.fixes[1]!,
      ],
    };
  }
  if (target) {
    return {
      verdict,
      headline: `kubeadm's corefile-migration library cannot migrate CoreDNS up to ${target} (from ${from ?? "the running release"}): the kubeadm build is older than the CoreDNS release it deploys (its vendored migration table lacks ${target}).`,
      versions,
      fixes: [
        `Use a kubeadm release whose corefile-migration knows CoreDNS ${target} (the released kubeadm of the target Kubernetes, not a pre-release build).`,
        input.signature.fixes[1]!,
      ],
    };
  }
  return {
    verdict,
    headline: "kubeadm upgrade's dry-run migration of the CoreDNS Corefile found plugins or options the target CoreDNS release no longer supports (proxy, replaced by forward in CoreDNS 1.6; the kubernetes plugin's upstream), which kubeadm 1.16 and 1.17 refuse before upgrading; their check also flagged plugins that were still valid (fixed in kubeadm 1.18, kubernetes/kubernetes#88482).",
    versions: [],
    fixes: [
      "Edit the coredns ConfigMap to the target release's syntax (proxy . /etc/resolv.conf → forward . /etc/resolv.conf, drop upstream from the kubernetes block), then upgrade.",
      "Or, once the Corefile is checked against the target CoreDNS, kubeadm upgrade apply <version> --ignore-preflight-errors=CoreDNSUnsupportedPlugins.",
    ],
  };
};

/** Edit distance of two short names, after case and - / _ are set aside. */
const nameDistance = (a: string, b: string): number => {
  const x = a.toLowerCase().replace(/[-_]/g, "");
  const y = b.toLowerCase().replace(/[-_]/g, "");
  const row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[y.length]!;
};

/**
 * actions-input-not-in-action-release. The runner only says the pinned release does not declare the input; a name one
 * or two letters from a declared one is a misspelling, and an action declaring no inputs at all is the action's own
 * manifest gap. Any other input is one of another release of the action, which the step ignores.
 */
const diagnoseActionInput: Diagnoser = (input) => {
  const name = input.capture("input") ?? "";
  const valid = [...(input.capture("valid") ?? "").matchAll(/'([^'\\]*)'/g)].map((m) => m[1]!).filter(Boolean);
  if (valid.length === 0) {
    return { verdict: "not-skew", headline: "The action's action.yml declares no inputs at all, so the runner flags every with: key: a gap in the action's manifest, not a release mismatch.", versions: [] };
  }
  const near = valid.find((v) => v !== name && nameDistance(v, name) <= (name.length >= 10 ? 2 : 1));
  if (near) {
    return { verdict: "not-skew", headline: `'${name}' is a misspelling of the action's input '${near}', not an input of another release.`, versions: [] };
  }
  const pinsVersion = /version|image|tag|release/i.test(name);
  return {
    verdict: "warning",
    headline: `The action release this step runs does not declare the input '${name}' (it declares ${valid.length} others), so the step ignores it: the input belongs to another release of the action, as documented on its default branch or in a newer major.${pinsVersion ? ` Since '${name}' pins a version, the action installed its default release instead of the one asked for.` : ""}`,
    versions: [],
    fixes: input.signature.fixes,
  };
};

export const f17Diagnosers: Record<string, Diagnoser> = {
  "actions-input-not-in-action-release": diagnoseActionInput,
  "kubeadm-coredns-migration-blocked": diagnoseCoreDNSMigration,
  "helm-plugin-manifest-field-unknown": diagnoseHelmPluginField,
};
