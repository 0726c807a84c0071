import { classifyVersion } from "../kube/versions.js";
import { captureRoles, type Diagnoser } from "./context.js";

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
  const helm4 = known.helm.startsWith("4");
  return {
    verdict: "cause",
    headline: `Helm could not load ${which}: its plugin.yaml uses ${known.what}, which Helm reads only from ${known.helm} on, so the job's Helm is older than the plugin release that was installed${helm4 ? "" : " (plugins install unpinned at their latest release)"}.${field === "args" ? " If this Helm is 3.18 or newer, the plugin release was written for Helm 4's plugin format instead." : ""}`,
    versions: [{ name: "helmNeeded", version: known.helm, role: `first Helm release that reads the plugin.yaml field ${field}`, source: helm4 ? "Helm 4 plugin format (HIP-0026)" : "helm/helm#12962 (Helm 3.18.0)", typed: classifyVersion(known.helm, { kind: "component", component: "Helm" }) }],
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

/** PostgreSQL's major release: the first number from 10 on, the first two before (9.6). */
function postgresMajor(version: string): number {
  const parts = version.split(".");
  return Number(parts[0] === "9" ? parts.slice(0, 2).join(".") : parts[0]);
}

/**
 * postgres-data-dir-major-mismatch. The DETAIL line names both majors (or catalog versions); the FATAL line alone is
 * shared with data directories of another architecture or build options (USE_FLOAT8_BYVAL, BLCKSZ), so on its own it
 * only warns, and its DETAIL line when the scanner kept it decides.
 */
const diagnosePostgresDataDir: Diagnoser = (input) => {
  const data = input.capture("data");
  const server = input.capture("server");
  if (data && server) {
    const dataMajor = postgresMajor(data);
    const serverMajor = postgresMajor(server);
    const upgrade = serverMajor > dataMajor;
    return {
      verdict: "cause",
      headline: upgrade
        ? `PostgreSQL ${server} refused a data directory initialised by PostgreSQL ${data}: the server image or package moved to a newer major release without the data being upgraded (pg_upgrade or dump and restore).`
        : `PostgreSQL ${server} refused a data directory initialised by the newer PostgreSQL ${data}: an older server image or package was started on the volume (a downgrade, or a backup restored from a newer cluster).`,
      versions: captureRoles(input),
      fixes: upgrade
        ? [`Pin the image to postgres:${data} to start the database again, then upgrade the data to ${serverMajor} with pg_upgrade or pg_dumpall/restore into a new volume.`, input.signature.fixes[1]!]
        : [`Run PostgreSQL ${data} on this volume (postgres:${data}); a data directory cannot be moved to an older major.`],
    };
  }
  const dataCatalog = input.capture("dataCatalog");
  const serverCatalog = input.capture("serverCatalog");
  if (dataCatalog && serverCatalog) {
    return {
      verdict: "cause",
      headline: `The data directory's catalog version ${dataCatalog} is not the server build's ${serverCatalog}: beta, release-candidate or development builds of one PostgreSQL major (the catalog versions are dates, ${dataCatalog.slice(0, 4)}-${dataCatalog.slice(4, 6)}-${dataCatalog.slice(6, 8)} and ${serverCatalog.slice(0, 4)}-${serverCatalog.slice(4, 6)}-${serverCatalog.slice(6, 8)}) do not share data directories.`,
      versions: [],
      fixes: ["Start the data directory with the build that created it and dump it, or initdb again with the new build; pin pre-release images to an exact tag."],
    };
  }
  const detail = input.finding.context.after.slice(0, 3).map((l) => l.text).join("\n");
  if (/USE_FLOAT8_BYVAL|BLCKSZ|MAXALIGN|NAMEDATALEN|INDEX_MAX_KEYS|TOAST_MAX_CHUNK_SIZE|LOBLKSIZE|XLOG_BLCKSZ|PG_CONTROL_VERSION/.test(detail)) {
    return { verdict: "not-skew", headline: "PostgreSQL refused the data directory for a build option or architecture mismatch (32-bit and 64-bit images, block size), not a release.", versions: [] };
  }
  return {
    verdict: "warning",
    headline: "PostgreSQL refused to start on its data directory (database files are incompatible with server): most often a data directory initialised by another major release than the server image's; the DETAIL line that follows names both.",
    versions: [],
    fixes: input.signature.fixes,
  };
};

/** gke-basic-auth-removed. The API's refusal is the skew itself: a cluster template older than GKE 1.19's defaults. */
const diagnoseGkeBasicAuth: Diagnoser = (input) => {
  const cluster = input.capture("cluster");
  return {
    verdict: "cause",
    headline: cluster
      ? `GKE refused to move the ${cluster} cluster, which still has basic authentication enabled, to a release channel: every channel's versions are 1.19 or later, where Kubernetes and GKE removed basic authentication.`
      : `GKE refused a cluster with basic authentication (master_auth username/password): GKE ${input.capture("removedIn") ?? "1.19"} and later no longer have it, and the template, Terraform module or script that asked for it was written for an older GKE default version.`,
    versions: captureRoles(input),
    fixes: cluster ? [input.signature.fixes[1]!, input.signature.fixes[0]!] : input.signature.fixes,
  };
};

export const f17Diagnosers: Record<string, Diagnoser> = {
  "gke-basic-auth-removed": diagnoseGkeBasicAuth,
  "postgres-data-dir-major-mismatch": diagnosePostgresDataDir,
  "actions-input-not-in-action-release": diagnoseActionInput,
  "kubeadm-coredns-migration-blocked": diagnoseCoreDNSMigration,
  "helm-plugin-manifest-field-unknown": diagnoseHelmPluginField,
};
