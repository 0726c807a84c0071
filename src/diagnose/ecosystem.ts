import semver from "semver";
import type { KubeVersion, TypedVersion, VersionRole } from "../model.js";
import { classifyVersion } from "../kube/versions.js";
import { genericDismissal, genericErrorContext, lineLevel } from "./area-generic.js";
import { listedVersions } from "./area-platform.js";
import { etcdctlRestoreFlag } from "./area-core14.js";
import { misspeltFlagDismissal } from "./area-core16.js";
import { captureRoles, type Diagnoser, type DiagnosisPart } from "./context.js";
import { ADDED_FLAGS, BUILTIN_GROUPS, DOCKER_API_RELEASES, EXEC_CREDENTIAL_APIS, KIND_API_VERSIONS, KIND_CONFIG_APIS, KUBE_COMPONENTS, KUSTOMIZE_FIELDS, REMOVED_APIS, REMOVED_FLAGS, TOOL_FLAGS, type ToolFlag } from "./tables.js";
import { CLI_TOOL_FLAGS, EARLY_REMOVED_APIS } from "./tables-client.js";
import { majorMinor, minorDelta, minorsText, parseKubeVersion, toSemver } from "./versions.js";

// Reasoning for the ecosystem around Kubernetes: component flags, kubectl's credential plugins and
// kustomize, kind, managed services, distributions, operators and Docker.

function tableRow(name: string, version: string, role: string, table: string): VersionRole {
  return { name, version, role, source: table };
}

/**
 * The Kubernetes component a line comes from: journald unit (`kube-apiserver[41463]:`, snap's
 * `kube-scheduler.daemon[…]`), static-pod or log-file name (`kube-apiserver-node1`, `kube-system_kube-apiserver-…`),
 * `kubectl logs` target, hyperkube sub-command. `kubelet` also names microk8s's kubelite and k3s's embedded agent.
 */
function componentOf(text: string): string | undefined {
  const named = KUBE_COMPONENTS.find((c) => new RegExp(`(?:^|[^A-Za-z0-9-])${c}(?![A-Za-z0-9])(?!-(?:operator|controller)\\b)`).test(text));
  if (named) return named;
  return /\bkubelite\[|\bdaemon-kubelite\b/.test(text) ? "kubelet" : undefined;
}

// What a component prints around its own refusal, once the log's prefixes (journald unit, CRI, file name) are
// gone: cobra's usage line and the command's Long description after "Error: unknown flag", systemd's unit
// description before it.
const COMPONENT_BANNERS: [RegExp, string][] = [
  [/^\s*(?:hyperkube\s+|\S*\/)?(kube-apiserver|kube-controller-manager|kube-scheduler|kube-proxy|kubelet|cloud-controller-manager)\s+\[flags\]/, ""],
  [/The Kubernetes API server validates and configures/, "kube-apiserver"],
  [/The Kubernetes controller manager is a daemon/, "kube-controller-manager"],
  [/The Kubernetes scheduler is a (?:control plane process|policy-rich)/, "kube-scheduler"],
  [/The Kubernetes network proxy runs on each/, "kube-proxy"],
  [/The kubelet (?:is the primary|binary is responsible)/, "kubelet"],
  [/The Cloud controller manager is a daemon/, "cloud-controller-manager"],
  [/Started (?:Kubernetes )?(?:API Server|Kubernetes API Server)\b/, "kube-apiserver"],
  [/Started Kubernetes Controller Manager\b/, "kube-controller-manager"],
  [/Started Kubernetes Scheduler\b/, "kube-scheduler"],
  [/Started Kubernetes Kube[- ]Proxy\b/, "kube-proxy"],
  [/Started kubelet: The Kubernetes Node Agent|Started Kubernetes Kubelet\b/, "kubelet"],
];

function componentFromBanners(lines: readonly { text: string }[]): string | undefined {
  for (const { text } of lines) {
    for (const [re, component] of COMPONENT_BANNERS) {
      const m = re.exec(text);
      if (m) return component || m[1];
    }
  }
  return undefined;
}

/** A client tool's flag from either table, if the refusal's wording is the one that tool's flag parser prints. */
function toolFlag(flag: string, parser: "pflag" | "goflag"): (ToolFlag & { alsoSince?: { command: string; release: string }[]; instead?: string }) | undefined {
  const own = TOOL_FLAGS[flag];
  if (own) return parser === "pflag" ? own : undefined;
  const cli = CLI_TOOL_FLAGS[flag];
  return cli && (cli.parser ?? "pflag") === parser ? cli : undefined;
}

export const diagnoseUnknownFlag: Diagnoser = (input) => {
  const flag = (input.capture("flag") ?? "").replace(/_/g, "-");
  // "unknown flag: --kubeconfig /var/lib/kubelet/kubeconfig.yml": pflag names the whole argv element, so the
  // value came in the same element as the flag (a quoting mistake in a unit or script), whatever the release.
  // A test asserting some program's own error text (a Python `assert "unknown flag: --x" in err`, a Go or JS
  // expectation) quotes the message; nothing was started with the flag.
  if (/\b(?:assert\w*|expect|toContain|toMatch|Contains|grep\s+-q)\b[^\n]{0,30}["'`][^"'`\n]{0,40}unknown\s+flag/.test(input.finding.text)) {
    return { verdict: "not-skew", headline: "Not a version skew: a test or script quotes the unknown-flag message (an assertion on some program's output), no component refused a flag." };
  }
  const glued = new RegExp(`unknown flag\\s*:\\s*--${flag.replace(/[-]/g, "[-_]")}[ \\t]+[^\\s"\\\\]`).test(input.finding.text);
  if (glued) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: the flag --${flag} and its value arrived as one argument (a space inside one quoted word), so no release would accept it.`,
    };
  }
  // Every Kubernetes command-line flag is lower-case kebab-case: a flag with capitals (minikube's
  // --extra-config=apiserver.Audit.LogOptions.Path turned into --Audit…) never existed in any release.
  if (/^[A-Z]/.test(flag) || /unknown flag\s*:\s*--[\w-]*[A-Z]/.test(input.finding.text)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: --${flag} has capital letters, and Kubernetes components never had such a flag (their flags are lower-case kebab-case); a configuration key was passed as a flag.`,
    };
  }
  const etcdctl = etcdctlRestoreFlag(input, flag);
  if (etcdctl) return etcdctl;
  const component =
    componentOf(input.finding.text) ??
    componentOf(input.finding.context.before.map((l) => l.text).join("\n")) ??
    componentFromBanners([...input.finding.context.after.slice(0, 12), ...input.finding.context.before.slice(-6)]);
  const misspelt = component ? misspeltFlagDismissal(flag, component) : undefined;
  if (misspelt) return misspelt;
  const removed = REMOVED_FLAGS[flag];
  const added = ADDED_FLAGS[flag];
  const who = component ?? removed?.components.join(" / ") ?? added?.components.join(" / ");
  // Go's flag package (one dash, "flag provided but not defined") is not what Kubernetes components parse with
  // (cobra/pflag print "unknown flag: --x"): a program that never registered klog's flags, not a removal.
  if (removed?.alsoIn && !component && /flag provided but not defined/.test(input.finding.text)) {
    return {
      verdict: "not-skew",
      headline: `Not a Kubernetes component's refusal: Go's flag package rejected -${flag} (components use pflag and say "unknown flag"), so the program never registered that flag; whether a release removed it from the components does not matter here.`,
    };
  }
  if (removed?.alsoIn && (!component || !removed.components.includes(component))) {
    // kube-scheduler never had --cloud-provider: a bare line cannot tell a 1.33 apiserver from a component that
    // never took the flag (puppetlabs-kubernetes#541 passed it to the scheduler).
    return {
      verdict: "warning",
      headline: `--${flag} was removed from ${removed.components.join(" / ")} in Kubernetes ${removed.release}; ${removed.alsoIn.join(", ")} still take it, and other components never did, so check which binary refused it.`,
      versions: [tableRow("flagRemovedIn", removed.release, `release that removed --${flag} from ${removed.components.join(" / ")}`, "flag removal table (Kubernetes changelogs)")],
    };
  }
  if (removed) {
    const last = parseKubeVersion(removed.release);
    const previous = last ? `${last.major}.${last.minor - 1}` : "";
    return {
      headline: `${who} was started with --${flag}, which was removed in Kubernetes ${removed.release}: the manifest was written for ${previous ? `≤ ${previous}` : "an older release"} and the binary is ${removed.release} or newer.`,
      versions: [tableRow("flagRemovedIn", removed.release, `release that removed --${flag}`, "flag removal table (Kubernetes changelogs)")],
      ...(removed.instead ? { fixes: [`Remove --${flag} from the manifest; use ${removed.instead} instead.`, ...input.signature.fixes] } : {}),
    };
  }
  if (added) {
    return {
      headline: `${who} was started with --${flag}, which exists from Kubernetes ${added.release} on: the manifest was written for a newer release than the binary.`,
      versions: [tableRow("flagAddedIn", added.release, `first release with --${flag}`, "flag addition table (Kubernetes changelogs)")],
      fixes: [`Run a ${added.release} or newer binary, or drop --${flag} for this release.`],
    };
  }
  const tool = toolFlag(flag, /flag provided but not defined/.test(input.finding.text) ? "goflag" : "pflag");
  if (tool && !component) {
    const nearby = [...input.finding.context.before, ...input.finding.context.after].map((l) => l.text).join("\n");
    // kubeadm names itself only through its error trailer (cmd/kubeadm/app/util/error.go).
    const named =
      new RegExp(`(?:^|[^\\w-])${tool.tool}(?:[^\\w-]|$)`, "i").test(`${input.finding.text}\n${nearby}`) ||
      (tool.tool === "kubeadm" && /To see the stack trace of this error execute with --v=5 or higher/.test(nearby));
    const older = tool.change === "added";
    const typed = classifyVersion(tool.release, tool.kind === "component" ? { kind: "component", component: tool.tool } : "kubernetes");
    const unnamed = tool.unique || named ? "" : ` (if the line is ${tool.tool}'s: the line names no program)`;
    const also = tool.alsoSince?.length ? `; ${tool.alsoSince.map((a) => `${a.command} from ${a.release}`).join(", ")}` : "";
    return {
      verdict: tool.unique || named ? "cause" : "warning",
      headline: older && tool.removedIn
        ? `${tool.command} has --${flag} only from ${tool.tool} ${tool.release} until ${tool.removedIn}: the ${tool.tool} that ran is older or newer than the script or manifest that passes the flag${unnamed}.`
        : older
        ? `${tool.command} has --${flag} from ${tool.tool} ${tool.release} on${also}: the ${tool.tool} that ran is older than the script or manifest that passes the flag${unnamed}.`
        : `--${flag} was removed from ${tool.command} in ${tool.tool} ${tool.release}: the script was written for an older ${tool.tool} than the one that ran${unnamed}.`,
      versions: [
        { name: older ? "flagAddedIn" : "flagRemovedIn", version: tool.release, role: `${tool.tool} release that ${older ? "added" : "removed"} --${flag}`, source: tool.source, ...(typed ? { typed } : {}) },
        ...(tool.alsoSince ?? []).map((a) => ({ name: "flagAddedIn", version: a.release, role: `${tool.tool} release that added --${flag} to ${a.command}`, source: tool.source })),
      ],
      fixes: older
        ? [`Upgrade ${tool.tool} to ${tool.release} or newer in the job (or the image), or drop --${flag} for the older release${tool.instead ? ` (${tool.instead})` : ""}.`]
        : [`Drop --${flag} from the script (${tool.tool} ${tool.release} and later)${tool.instead ? `, use ${tool.instead} instead` : ""}, or pin ${tool.tool} to the release the script was written for.`],
    };
  }
  // An aggregated API server built on k8s.io/apiserver (service-catalog, metrics-server forks) exits with
  // "server exited unexpectedly (<err>)": its flags come from the apiserver library of its release, so a chart
  // newer than the image passes flags the image lacks (kubernetes-retired/service-catalog#903).
  if (!component && /server exited unexpectedly \(unknown flag/.test(input.finding.text)) {
    return {
      verdict: "warning",
      headline: `An API server built on k8s.io/apiserver refused --${flag}: the manifest or chart passes a flag of a newer release than the server's image (or of another server).`,
      fixes: [`Run the image release the chart or manifest was written for, or drop --${flag} for this image.`],
    };
  }
  if (!component) {
    return {
      verdict: "not-skew",
      headline: `An unknown flag --${flag} of a program that is not recognisably a Kubernetes component: a typo or a tool's own usage error, not a version skew.`,
    };
  }
  return {
    headline: `${component} was started with --${flag}, which this ${component} does not have: removed in its release, or added after it.`,
    versions: [],
  };
};

export const diagnoseExecPlugin: Diagnoser = (input) => {
  const api = input.capture("apiVersion");
  const configured = input.capture("configured");
  const returned = input.capture("returned");
  if (configured && returned) {
    return {
      headline: `The kubeconfig asks the credential plugin for ${configured}, and the plugin answered ${returned}: the plugin (aws-cli, gcloud, kubelogin) is too old for the kubeconfig.`,
      versions: captureRoles(input),
      fixes: ["Upgrade the plugin, or regenerate the kubeconfig with the plugin that will run in the job."],
    };
  }
  if (configured && !api) {
    return {
      headline: `The kubeconfig asks the credential plugin for ${configured}, and the plugin answered another version: the plugin (aws-cli, gcloud, kubelogin) and the kubeconfig were written for different client-go releases.`,
      versions: captureRoles(input),
      fixes: ["Upgrade the plugin, or regenerate the kubeconfig with the plugin that will run in the job."],
    };
  }
  const row = api ? EXEC_CREDENTIAL_APIS[api] : undefined;
  const versions = captureRoles(input);
  if (row?.removedIn) {
    versions.push(tableRow("removedIn", row.removedIn, `kubectl/client-go release that stopped reading ${api}`, "ExecCredential API table"));
    return {
      headline: `The kubeconfig's credential plugin uses ${api}, which kubectl and client-go stopped reading in ${row.removedIn}: the kubeconfig was written by an older tool (aws eks update-kubeconfig before aws-cli 1.24.0 / 2.7.0) than the kubectl that reads it.`,
      versions,
    };
  }
  if (row) {
    versions.push(tableRow("since", row.since, `first kubectl/client-go release that reads ${api}`, "ExecCredential API table"));
    return {
      headline: `The kubeconfig's credential plugin uses ${api}, which kubectl and client-go read from ${row.since} on: the client (kubectl or a tool built on client-go) is older than the kubeconfig.`,
      versions,
      fixes: ["Upgrade kubectl or the tool that failed (its client-go), or write the kubeconfig with client.authentication.k8s.io/v1beta1."],
    };
  }
  return { headline: `The client does not read the credential plugin's API version ${api ?? ""}.`, versions };
};

export const diagnoseKustomize: Diagnoser = (input) => {
  const path = input.capture("path");
  if (path !== undefined) {
    // Only kustomize v2.0.x prints "(got d=…)"; it wants files under resources: (and directories under bases:).
    const resources = input.capture("resources") !== undefined || /\bResources\b/.test(input.finding.text);
    return {
      verdict: resources ? "cause" : "warning",
      headline: resources
        ? `The kustomization lists the directory ${path} under resources:, which kustomize reads from v2.1.0 on; the kustomize that ran is v2.0.x (the one embedded in kubectl 1.14–1.20).`
        : `kustomize v2.0.x (the one embedded in kubectl 1.14–1.20) was given the directory ${path} where it wants a file; kustomize v2.1.0 and later read directories under resources:.`,
      versions: [
        tableRow("kustomizeSince", "v2.1.0", "kustomize release that reads directories under resources:", "kustomize pkg/loader (v2.0.3 vs v2.1.0)"),
        tableRow("kubectlSince", "1.21", "first kubectl embedding a kustomize newer than v2.0.3", "kustomization field table"),
      ],
      fixes: ["Build with a standalone kustomize (kustomize build DIR | kubectl apply -f -) or a kubectl 1.21+, or list the directory under bases: for kustomize 2.0."],
    };
  }
  const field = input.capture("field") ?? "";
  const row = KUSTOMIZE_FIELDS[field];
  if (!row) return { headline: `kustomize does not know the field "${field}".` };
  return {
    headline: `The kustomization uses "${field}", added in kustomize ${row.kustomize}; the kustomize built into this kubectl is older (kubectl embeds a kustomize that new from ${row.kubectl} on).`,
    versions: [
      tableRow("kustomizeSince", row.kustomize, `kustomize release that added "${field}"`, "kustomization field table"),
      tableRow("kubectlSince", row.kubectl, `first kubectl embedding kustomize ${row.kustomize} or newer`, "kustomization field table"),
    ],
  };
};

export const diagnoseMinikubeSkew: Diagnoser = (input) => {
  const client = input.version("client");
  const cluster = input.version("cluster");
  const minors = client && cluster ? minorDelta(client, cluster) : undefined;
  // minikube logs the comparison on every start (start.go "kubectl: …, cluster: … (minor skew: N)"); it warns
  // only beyond one minor, and so does this.
  if (input.capture("minorSkew") !== undefined && client && cluster && client.major === cluster.major && minors !== undefined && Math.abs(minors) <= 1) {
    return {
      verdict: "not-skew",
      headline: `minikube compared kubectl ${input.capture("client")} with the cluster's ${input.capture("cluster")}: within the supported ±1 minor.`,
      versions: captureRoles(input),
    };
  }
  return {
    headline: `minikube: kubectl ${input.capture("client")} is ${minors === undefined ? "far" : `${minorsText(minors)} ${minors >= 0 ? "newer" : "older"}`} than the Kubernetes ${input.capture("cluster")} it deployed (supported: ±1).`,
    versions: captureRoles(input),
    ...(minors === undefined ? {} : { skew: { minors, policy: "kubectl is supported within ±1 minor of kube-apiserver", supported: Math.abs(minors) <= 1 } }),
  };
};

export const diagnoseKindConfig: Diagnoser = (input) => {
  const field = input.capture("field");
  if (field) {
    return {
      headline: `The kind config sets ${field} in ${input.capture("type")} (${input.capture("configVersion")}), a field this kind binary does not know: it was added in a later kind release than the one in the job.`,
      versions: captureRoles(input),
      fixes: ["Upgrade kind (pin the release the config was written for in the CI action), or drop the field for this kind release."],
    };
  }
  let api = input.capture("apiVersion") ?? "";
  const kind = input.capture("kind");
  // Some kind releases print "unknown kind <apiVersion> for apiVersion: <kind>".
  if (kind !== undefined && !api.includes("/") && kind.includes("/")) api = kind;
  if (!/^kind\.(?:sigs|x-k8s)\./.test(api)) {
    return { verdict: "not-skew", headline: `The configuration's apiVersion ${api} is not one of kind's: not a kind version mismatch.` };
  }
  if (kind === "") {
    return { verdict: "not-skew", headline: "The kind configuration has no kind: field (a configuration error, not a version mismatch)." };
  }
  const row = KIND_CONFIG_APIS[api];
  // The group was renamed at v1alpha3 (kind v0.6): kind.sigs.k8s.io stops at v1alpha3 and kind.x-k8s.io
  // starts there, so kind.sigs.k8s.io/v1alpha4 is a mistyped group no kind release ever read.
  const version = /\/v1alpha(\d+)$/.exec(api);
  if (!row && version && ((api.startsWith("kind.sigs.k8s.io/") && Number(version[1]) > 3) || (api.startsWith("kind.x-k8s.io/") && Number(version[1]) < 3))) {
    const group = api.startsWith("kind.sigs.") ? "kind.x-k8s.io" : "kind.sigs.k8s.io";
    return {
      verdict: "warning",
      headline: `Not a version skew: ${api} never existed in any kind release; the group is mistyped (${group}/v1alpha${version[1]} is the real one).`,
      versions: [{ name: "apiVersion", version: api, role: "kind configuration API version", source: `the failing line (${input.where})` }],
      causes: ["A typo in the config's apiVersion group (often copied from a document that mixed the old and new group names)."],
      fixes: [`Write apiVersion: ${group}/v1alpha${version[1]}.`],
    };
  }
  const versions: VersionRole[] = [{ name: "apiVersion", version: api, role: "kind configuration API version", source: `the failing line (${input.where})` }];
  if (row?.removedIn) versions.push(tableRow("removedIn", row.removedIn, `kind release that stopped reading ${api}`, "kind config API table"));
  if (row?.since) versions.push(tableRow("since", row.since, `first kind release that reads ${api}`, "kind config API table"));
  return {
    headline: row?.removedIn
      ? `The kind config uses ${api}, which kind stopped reading in ${row.removedIn}: the config was written for an older kind than the one in the job.`
      : row?.since
        ? `The kind config uses ${api}, which kind reads from ${row.since} on: the kind binary in the job is older than the config.`
        : `This kind binary does not read ${api}: the config was written for another kind release.`,
    versions,
  };
};

export const diagnoseNodePool: Diagnoser = (input) => {
  const pool = input.version("nodePool") ?? parseKubeVersion(`1.${input.capture("nodePoolMinor") ?? ""}`);
  const cp = input.version("controlPlane") ?? parseKubeVersion(`1.${input.capture("controlPlaneMinor") ?? ""}`);
  const minors = pool && cp ? minorDelta(pool, cp) : undefined;
  return {
    headline: `The node pool asks for ${input.capture("nodePool") ?? `minor ${input.capture("nodePoolMinor")}`}, ${minors === undefined ? "newer than" : `${minorsText(minors)} newer than`} the control plane ${input.capture("controlPlane") ?? `(minor ${input.capture("controlPlaneMinor")})`}: upgrade the control plane first.`,
    versions: captureRoles(input),
    ...(minors === undefined ? {} : { skew: { minors, policy: "node pools may lag the control plane, never lead it", supported: minors <= 0 } }),
  };
};

export const diagnoseNodegroupRelease: Diagnoser = (input) => {
  const requested = input.version("requested");
  const other = input.version("allowed") ?? input.version("kubernetes");
  const minors = requested && other ? minorDelta(requested, other) : undefined;
  return {
    headline:
      minors !== undefined && minors !== 0
        ? `The node group's AMI release ${input.capture("requested")} is for Kubernetes ${majorMinor(requested!)}, but the node group needs ${majorMinor(other!)} (${input.capture("allowed") ?? input.capture("kubernetes")}).`
        : `EKS does not accept the AMI release ${input.capture("requested")} for this node group${input.capture("allowed") ? `; it allows ${input.capture("allowed")}` : ""}.`,
    versions: captureRoles(input),
  };
};

export const diagnoseTalosPath: Diagnoser = (input) => {
  const from = input.version("from");
  const to = input.version("to");
  const minors = from && to ? minorDelta(to, from) : undefined;
  let headline = `talosctl does not know an upgrade path from ${input.capture("from")} to ${input.capture("to")}.`;
  if (minors !== undefined && minors > 1) {
    // The "from" side is the lowest version talosctl detected: a leftover static pod or stale machine config reads
    // older than the nodes really run (siderolabs/talos#4906, #12843), so a skip is not known to be two versions disagreeing.
    return {
      verdict: "warning",
      headline: `The upgrade from ${input.capture("from")} to ${input.capture("to")} skips ${minorsText(minors - 1)}: talosctl upgrades Kubernetes one minor at a time. Check that ${input.capture("from")} is really the cluster's lowest version (kubectl get nodes; the control-plane static pods): talosctl reads it from the machine config and pods, which can be stale.`,
      versions: captureRoles(input),
      skew: { minors, policy: "talosctl upgrades Kubernetes one minor at a time", supported: false },
      fixes: [
        `If the cluster really runs ${input.capture("from")}: upgrade one minor at a time (--to ${from!.major}.${from!.minor + 1}.x first).`,
        "If it already runs a newer version: find the component still reporting the old one (a stale kubelet image in the machine config, a leftover static pod) and fix it, or pass --from with the real version.",
      ],
    };
  } else if (minors === 1) headline = `The one-minor upgrade from ${input.capture("from")} to ${input.capture("to")} is not in this talosctl's list: talosctl is older than the Talos release that supports Kubernetes ${to ? majorMinor(to) : ""}.`;
  else if (minors !== undefined && minors <= 0) {
    // A target at or below the running version is a wrong target (1.3.1 typed for 1.30.1), not two versions that disagree.
    return {
      verdict: "warning",
      headline: `Not a version skew: the target ${input.capture("to")} is not newer than the cluster's lowest version ${input.capture("from")}; check the target version (a typo such as 1.3 for 1.30?).`,
      versions: captureRoles(input),
      skew: { minors, policy: "talosctl upgrades Kubernetes one minor at a time", supported: false },
      fixes: ["Pass the intended target, one minor above the version talosctl detected (e.g. --to 1.30.x from 1.29.x)."],
    };
  }
  return {
    headline,
    versions: captureRoles(input),
    ...(minors === undefined ? {} : { skew: { minors, policy: "talosctl upgrades Kubernetes one minor at a time", supported: minors === 1 } }),
  };
};

/** An operator, installer or distribution with a minimum Kubernetes version, and the cluster below it. */
export const diagnoseMinimum: Diagnoser = (input) => {
  const cluster = input.version("cluster") ?? input.version("requested");
  const minimum = input.version("minimum");
  const part: DiagnosisPart = { headline: `${input.signature.title}: the cluster${cluster ? ` (${cluster.raw})` : ""} is older than the minimum ${input.capture("minimum")}.`, versions: captureRoles(input) };
  if (cluster && minimum) {
    const minors = minorDelta(cluster, minimum);
    part.skew = { minors, policy: `supported from ${majorMinor(minimum)} on`, supported: minors >= 0 };
    if (minors >= 0) {
      // Same minor or newer and still rejected: a pre-release suffix (-eks-…, -gke.N) below an x.y.0 minimum.
      const c = toSemver(cluster);
      const m = toSemver(minimum);
      if (c && m && semver.lt(c, m) && c.prerelease.length > 0 && semver.eq(`${c.major}.${c.minor}.${c.patch}`, `${m.major}.${m.minor}.${m.patch}`)) {
        // tektoncd/pipeline#3335: "1.15.11-eks-065dce" is not compatible, need at least "1.15.11" — the very release
        // asked for, refused only because semver sorts a vendor suffix below the bare version: a comparison quirk.
        return {
          verdict: "not-skew",
          headline: `Not a version skew: the cluster ${cluster.raw} is the ${input.capture("minimum")} release itself; its vendor suffix sorts below the bare version in semver, so the check refused a supported cluster.`,
          versions: captureRoles(input),
          reasoning: ["Use a minimum of the form 1.x.0-0 (which admits -eks-…, -gke.N builds), or set the override the component offers."],
        };
      }
      if (c && m && semver.lt(c, m)) {
        part.headline = `The cluster version ${cluster.raw} carries a pre-release suffix, which sorts below ${input.capture("minimum")}: a vendor build of the supported minor is rejected.`;
        part.reasoning = ["Use a minimum of the form 1.x.0-0 (which admits -eks-…, -gke.N builds), or set the override the component offers."];
      }
    } else {
      part.headline = `The cluster runs ${cluster.raw}, ${minorsText(minors)} older than the ${input.capture("minimum")} this release requires.`;
    }
  }
  return part;
};

export const diagnoseDocker: Diagnoser = (input) => {
  const client = input.capture("client") ?? "";
  const daemon = input.capture("daemon") ?? "";
  const versions = captureRoles(input);
  const engine = (v: string) => DOCKER_API_RELEASES[v];
  for (const [name, v] of [["clientEngine", client], ["daemonEngine", daemon]] as const) {
    if (engine(v)) versions.push(tableRow(name, engine(v)!, `Docker Engine release that introduced API ${v}`, "Docker API version table"));
  }
  const tooOld = input.signature.id === "docker-api-version-too-old";
  return {
    headline: tooOld
      ? `The Docker client asks for API ${client}, below the ${daemon} that the daemon${engine(daemon) ? ` (Docker Engine ${engine(daemon)} or newer)` : ""} still serves: the client or tool is too old for the upgraded daemon.`
      : `The Docker client asks for API ${client}${engine(client) ? ` (Docker Engine ${engine(client)})` : ""}, but the daemon serves at most ${daemon}${engine(daemon) ? ` (Docker Engine ${engine(daemon)})` : ""}: the daemon is older than the client.`,
    versions,
  };
};

// Where the generic layer may speak: an error (klog E/F, "error", "failed", "fatal", JSON or logfmt level).
export const ERROR_LINE = /\b(?:error|Error|ERROR|err|FATAL|Fatal|fatal|FATA|failed|Failed|FAILED|failure|panic|ERRO|CRITICAL|[Tt]imed\s+out|[Uu]nable\s+to|[Cc]annot|[Rr]efused|[Rr]ejected|[Dd]enied|badRequest|BadRequest|InvalidParameter\w*|invalid)\b|[Ss]tatus\s*[Cc]ode\s*[:=]\s*4\d\d\b|level=(?:error|fatal)|"(?:level|severity)":"(?:error|fatal|EMERGENCY|ERROR|FATAL)"|✘|✗|❌|\[✖\]|\b(?:4\d\d)\s+(?:Bad\s+Request|Unprocessable\s+Entity)\b/;
// Relations that are a refusal on their own ("… is not supported", "can only be used …"), not a comparison.
const REFUSAL = /^(?:(?:not|no\s+longer)\s+(?:supported|compatible|available|served)|(?:is|are)n't\s+supported|uses?\s+an?\s+(?:old|older|outdated|legacy|unsupported)\b.*|(?:must|should|needs?\s+to)\s+be\s+(?:upgraded|updated)\b.*|or\s+(?:greater|newer|later|higher|above)|[Nn]o\s+(?:available|supported|compatible|matching)\b.*|(?:can|could)\s+(?:only\s+)?be\s+used\s+only\s+with|not\s+yet\s+supported|only\s+supported\s+(?:on|with|for|in)\b.*|[Uu]nsupported|[Ii]ncompatible|too\s+(?:old|new|low|high)|only\s+(?:supports?|supported|compatible|works)|can\s+only\s+be\s+used|cannot\s+(?:be\s+)?(?:upgraded?|downgraded?))$/;
// On a warning line (klog W, "WARN", level=warn) only these relations between two versions speak: a tool that
// says its own versions disagree ("version mismatch", "maximum supported … but the server version is …").
const WARNING_RELATION = /^(?:(?:version\s+)?(?:mismatch(?:ed)?|skew)|[Ii]ncompatible|incompatibilit(?:y|ies)|(?:not|no\s+longer)\s+(?:supported|compatible)|[Uu]nsupported|too\s+(?:old|new)|exceeds|[Mm]aximum|difference\s+between|(?:newer|older|greater|lower|less|higher)\s+(?:(?:minor|major)\s+)?(?:version\s+)?than|while|but|whereas|(?:versions?\s+)?(?:do|does)\s+not\s+match|are\s+(?:not\s+compatible|incompatible))$/;
// A line with no level at all (logfmt's level is gone once its msg is taken out) that states its own skew.
const STATED_SKEW = /^(?:(?:version\s+)?(?:mismatch(?:ed)?|skew)|(?:do|does)(?:\s+not|n't)\s+have\s+(?:the\s+)?same\s+versions?|[Ii]ncompatible|incompatibilit(?:y|ies)|(?:not|no\s+longer)\s+(?:supported|compatible)|[Uu]nsupported|too\s+(?:old|new)|exceeds|[Mm]aximum|(?:versions?\s+)?(?:do|does)\s+not\s+match|are\s+(?:not\s+compatible|incompatible))$/;
export const LIST_OR_DOC = /^\s*(?:[-*#|]|\d+\.)\s/;
export const WARNING_LINE = /\bWARN(?:ING)?\b|\bWarning\b|\bwarning:|level=warn(?:ing)?\b|"level":"warn(?:ing)?"|❗|⚠|\[!\]/;
// Where the numbers are versions: the text says "version", names Kubernetes, or a token is v-prefixed or a group/version.
const VERSION_CONTEXT = /[Vv]ersion|[Kk]ubernetes|\bk8s\b|\bK8s\b|\bAPI\b|\bapiVersion\b|kubeVersion/;
const STRONG_TOKEN = /^[vV]\d|\/v\d|^v\d+(?:alpha|beta)/;
// Versions that are not two components' releases: TLS/SSL, kernels, and language toolchains and package resolvers
// (go.mod's "requires go >= 1.22 (running go 1.21.12)", npm's peer ranges, pip's "from versions: …", Terraform's
// required_version), which a toolchain step settles, not an upgrade of one side of a cluster.
const NOT_COMPONENT = /\b(?:TLS|SSL|TLSv1|SSLv3|kernel|Kernel|KERNEL|glibc|GLIBC)\b/;
// The toolchain's name right before the version ("go >= 1.22", "running go 1.21.12", "Node.js 18", "Python 3.8") or
// right after it ("v1.21 of Go"); and the resolvers' own phrases anywhere near.
const TOOLCHAIN_BEFORE = /\b(?:go|Go|golang|node|Node\.js|nodejs|npm|yarn|pnpm|python|Python|pip|ruby|Ruby|rustc|Rust|java|Java|JDK|jdk|gradle|Gradle|kotlin|Kotlin|Terraform|terraform)(?:\s+(?:Core\s+)?version)?\s*(?:[<>~^=]=?|~>)?\s*["'`]?$/;
const KUBE_NODE_CONTEXT = /control[\s-]plane|kubelet|kube-apiserver|apiserver|API\s+server|node\s*pool|node\s*group|nodegroup|\bmaster\b|\bcluster\b/i;
const TOOLCHAIN_AFTER = /^["'`]?\s+of\s+(?:Go|Node(?:\.js)?|Python|Java|Ruby|Rust|Terraform)\b/;
const RESOLVER = /GOTOOLCHAIN|\bgo\.mod\b|\bpeer(?:Optional)?\s+[@\w/.-]+@|\bfrom\s+versions?:|\bsatisf(?:y|ies)\s+the\s+requirement\b|\bavailable\s+releases\s+match\b|\brequired_version\b/;
// Operating systems and their libraries: "requires macOS 12.0 or later", "needs Windows Server 10.0.17763 or newer".
const PLATFORM_BEFORE = /\b(?:macOS|OS\s+X|Windows(?:\s+Server)?|iOS|Android|Ubuntu|Debian|CentOS|RHEL|Fedora|Alpine|OpenSSL|openssl|libc|Xcode|Visual\s+Studio|CUDA|cuda)\s*["'`]?$/;

// Refusals that are an error by themselves, where the line has no error word: compose's bare Go error string
// "compose build requires buildx 0.17.0 or later" (docker/for-win#15045), Ansible's assert "msg": "Ansible must be
// between 2.9.0 and 2.11.0" (kubernetes-sigs/kubespray#7822), an upgrade "from X to Y is not supported", a version
// "older than the minimum", "not found version: 1.35.5" beside the list offered. Read on the match only.
const SELF_REFUSAL = /\b(?:[Rr]equires?|[Nn]eeds?)\s[^\n]{0,80}?[,;]\s*(?:but\s+)?(?:found|got|have|has|running|current(?:ly)?)\s*:?\s*v?\d|\b(?:[Rr]equires?|[Nn]eeds?|only\s+supports?|only\s+supported|supported\s+only|only\s+works|only\s+compatible)\s[^\n]{0,80}?\sor\s+(?:later|newer|higher|greater|above)\b|\bmust\s+be\s+(?:between|>=?|<=?|at\s+(?:least|most)\s+v?\d)|\bnot\s+found\s+version\b|\b[Vv]ersion\s+not\s+found\b|\b(?:[Uu]nable\s+to|[Cc]annot|[Cc]an't|[Cc]ould\s+not|[Cc]ouldn't|[Ff]ailed\s+to)\s+find\s+(?:a|an|any)\s+(?:compatible|matching|supported|suitable)\b|^(?:from|[Uu]pgrad\w*|[Dd]owngrad\w*|[Uu]pdat\w*|[Mm]igrat\w*)\s[^\n]{0,200}?\s(?:is|are)\s+(?:not\s+(?:supported|allowed|permitted|possible)|unsupported)\b|\b(?:older|newer|lower|higher|less|greater)\s+than\s+(?:the\s+)?(?:minimum|maximum|min|max|oldest|newest|lowest|highest)\b/;
// Where such a refusal may stand alone: a bare error string (lower-case, as Go's are), or the message field of an
// Ansible task or a logfmt/JSON record; never a YAML key's value (a preflight spec's "message:", apecloud/kubeblocks#927),
// a list item, a heading, a quote, an INFO/DEBUG/NOTE line.
const BARE_MESSAGE = /^\s*(?:\d{4}-\d\d-\d\d[T ][\d:.]+Z?\s+)?(?:[a-z](?![\w.-]*:\s)|\\?"msg\\?"\s*:\s*\\?"|msg=|"(?:message|error|err)"\s*:\s*")/;
const NOT_A_REFUSAL_LINE = /^\s*(?:[-*#|>+]|\d+\.|\/\/)\s|\b(?:INFO|DEBUG|Info|Debug|NOTE|Note|TIP|Tip|HINT|Hint)\b|level=(?:info|debug)|"level":"(?:info|debug)"|\b(?:if|when|whether|unless)\b/;
// What the line says succeeded: "version 1.29 meets the minimum 1.27", "satisfies >= 1.25", "✓".
const SUCCESS = /(?<!\bnot\s|n't\s)\b(?:meets|satisfies|is\s+within)\b|✓|✔|\[OK\]/;

// A range the line states, read as one: ">= 1.7 and <= 1.10" (cilium/cilium#5473), "between 2.9.0 and 2.11.0",
// "supports Kubernetes 1.26 to 1.29", "1.26 - 1.29". The version the line reports is checked against both ends.
const REL = String.raw`[vV]?\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?`;
const RB = String.raw`(?<![\w./-])`;
const RA = String.raw`(?![\w/%]|\.\d)`;
const Q = String.raw`\\?["'\x60]?`;
const RANGES: { re: RegExp; lo: number; hi: number; loOp?: number; hiOp?: number }[] = [
  { re: new RegExp(String.raw`(>=?)\s*${Q}${RB}(${REL})${RA}${Q}\s*(?:,|and|&&)?\s*(<=?)\s*${Q}${RB}(${REL})${RA}`), loOp: 1, lo: 2, hiOp: 3, hi: 4 },
  { re: new RegExp(String.raw`\bbetween\s+(?:[Vv]ersions?\s+)?${Q}${RB}(${REL})${RA}${Q}\s+and\s+${Q}${RB}(${REL})${RA}`), lo: 1, hi: 2 },
  { re: new RegExp(String.raw`\brange\s*:?\s*[\[(]\s*${Q}${RB}(${REL})${RA}${Q}\s*,\s*${Q}${RB}(${REL})${RA}${Q}\s*[\])]`), lo: 1, hi: 2 },
  {
    re: new RegExp(String.raw`\b(?:supports?|supported(?:\s+(?:on|with|for))?|compatible\s+with|works\s+with|requires?|required|range(?:\s+of)?|only)\s+(?:[\w-]+\s+){0,2}?(?:[Vv]ersions?\s+)?${Q}${RB}(${REL})${RA}${Q}\s*(?:to|through|thru|-|–|\.\.)\s*${Q}${RB}(${REL})${RA}`),
    lo: 1,
    hi: 2,
  },
];
const RELEASE_TOKEN = new RegExp(String.raw`${RB}${REL}${RA}`, "g");

// Fields of built-in objects by the release that added them to the API (alpha fields are in the schema from their
// first release, gate or not), each with the objects that hold it: the Go type kubectl's validation names ("in
// io.k8s.api.core.v1.Container"), or the end of the path before the field ("spec.template.spec.containers[0]"). A
// reader older than the release does not know the field; the same name in another object is a field in the wrong
// place ("terminationGracePeriodSeconds" in a DeploymentSpec, "restartPolicy" in a regular container), not a skew.
const CONTAINER = { types: ["Container"], path: /\.(?:containers|initContainers|ephemeralContainers)\[\d+\]$/ };
const POD_SPEC = { types: ["PodSpec"], path: /\.template\.spec$|^Pod\.spec$/ };
const SERVICE_SPEC = { types: ["ServiceSpec"], path: /^Service\.spec$/ };
const JOB_SPEC = { types: ["JobSpec"], path: /^Job\.spec$|\.jobTemplate\.spec$/ };
const WEBHOOK = { types: ["Webhook", "ValidatingWebhook", "MutatingWebhook"], path: /\.webhooks\[\d+\]$/ };
const PROBE = { types: ["Probe"], path: /(?:liveness|readiness|startup)Probe$/ };
const SPREAD = { types: ["TopologySpreadConstraint"], path: /topologySpreadConstraints\[\d+\]$/ };
type FieldHolder = { types: string[]; path: RegExp };
const FIELDS_ADDED: Record<string, { since: string; in: FieldHolder }[]> = {
  // kubectl 1.7 and older validate against the server's swagger ("found invalid field tolerations for v1.PodSpec"):
  // 1.6 made fields of the scheduling and init-container annotations (kops#2469, flannel#653, kubernetes#44715).
  fullyLabeledReplicas: [{ since: "1.2", in: { types: ["ReplicationControllerStatus"], path: /^ReplicationController\.status$/ } }],
  tolerations: [{ since: "1.6", in: POD_SPEC }],
  affinity: [{ since: "1.6", in: POD_SPEC }],
  initContainers: [{ since: "1.6", in: POD_SPEC }],
  schedulerName: [{ since: "1.6", in: POD_SPEC }],
  envFrom: [{ since: "1.6", in: CONTAINER }],
  hostAliases: [{ since: "1.7", in: POD_SPEC }],
  externalTrafficPolicy: [{ since: "1.7", in: SERVICE_SPEC }],
  healthCheckNodePort: [{ since: "1.7", in: SERVICE_SPEC }],
  backoffLimit: [{ since: "1.8", in: JOB_SPEC }],
  sideEffects: [{ since: "1.12", in: WEBHOOK }],
  ttlSecondsAfterFinished: [{ since: "1.12", in: JOB_SPEC }],
  runtimeClassName: [{ since: "1.12", in: POD_SPEC }],
  enableServiceLinks: [{ since: "1.13", in: POD_SPEC }],
  admissionReviewVersions: [{ since: "1.14", in: WEBHOOK }],
  timeoutSeconds: [{ since: "1.14", in: WEBHOOK }],
  scope: [{ since: "1.14", in: { types: ["RuleWithOperations"], path: /\.webhooks\[\d+\]\.rules\[\d+\]$/ } }],
  matchPolicy: [{ since: "1.15", in: WEBHOOK }],
  objectSelector: [{ since: "1.15", in: WEBHOOK }],
  preemptionPolicy: [{ since: "1.15", in: POD_SPEC }],
  startupProbe: [{ since: "1.16", in: CONTAINER }],
  topologySpreadConstraints: [{ since: "1.16", in: POD_SPEC }],
  ephemeralContainers: [{ since: "1.16", in: POD_SPEC }],
  overhead: [{ since: "1.16", in: POD_SPEC }],
  ingressClassName: [{ since: "1.18", in: { types: ["IngressSpec"], path: /^Ingress\.spec$/ } }],
  pathType: [{ since: "1.18", in: { types: ["HTTPIngressPath"], path: /paths\[\d+\]$/ } }],
  appProtocol: [{ since: "1.18", in: { types: ["ServicePort", "EndpointPort"], path: /ports\[\d+\]$/ } }],
  fsGroupChangePolicy: [{ since: "1.18", in: { types: ["PodSecurityContext"], path: /(?:\.template\.spec|^Pod\.spec)\.securityContext$/ } }],
  seccompProfile: [{ since: "1.19", in: { types: ["SecurityContext", "PodSecurityContext"], path: /securityContext$/ } }],
  setHostnameAsFQDN: [{ since: "1.19", in: POD_SPEC }],
  ipFamilyPolicy: [{ since: "1.20", in: SERVICE_SPEC }],
  ipFamilies: [{ since: "1.20", in: SERVICE_SPEC }],
  allocateLoadBalancerNodePorts: [{ since: "1.20", in: SERVICE_SPEC }],
  internalTrafficPolicy: [{ since: "1.21", in: SERVICE_SPEC }],
  loadBalancerClass: [{ since: "1.21", in: SERVICE_SPEC }],
  completionMode: [{ since: "1.21", in: JOB_SPEC }],
  suspend: [{ since: "1.21", in: JOB_SPEC }],
  terminationGracePeriodSeconds: [{ since: "1.21", in: PROBE }],
  minReadySeconds: [{ since: "1.22", in: { types: ["StatefulSetSpec"], path: /^StatefulSet\.spec$/ } }],
  persistentVolumeClaimRetentionPolicy: [{ since: "1.23", in: { types: ["StatefulSetSpec"], path: /^StatefulSet\.spec$/ } }],
  os: [{ since: "1.23", in: POD_SPEC }],
  grpc: [{ since: "1.23", in: PROBE }],
  timeZone: [{ since: "1.24", in: { types: ["CronJobSpec"], path: /^CronJob\.spec$/ } }],
  minDomains: [{ since: "1.24", in: SPREAD }],
  hostUsers: [{ since: "1.25", in: POD_SPEC }],
  podFailurePolicy: [{ since: "1.25", in: JOB_SPEC }],
  matchLabelKeys: [{ since: "1.25", in: SPREAD }],
  nodeAffinityPolicy: [{ since: "1.26", in: SPREAD }],
  schedulingGates: [{ since: "1.26", in: POD_SPEC }],
  resizePolicy: [{ since: "1.27", in: CONTAINER }],
  restartPolicy: [{ since: "1.28", in: { types: [], path: /\.initContainers\[\d+\]$/ } }],
  podReplacementPolicy: [{ since: "1.28", in: JOB_SPEC }],
  backoffLimitPerIndex: [{ since: "1.28", in: JOB_SPEC }],
  sleep: [{ since: "1.29", in: { types: ["LifecycleHandler"], path: /(?:postStart|preStop)$/ } }],
  trafficDistribution: [{ since: "1.30", in: SERVICE_SPEC }],
  managedBy: [{ since: "1.30", in: JOB_SPEC }],
  successPolicy: [{ since: "1.30", in: JOB_SPEC }],
};

/**
 * An unknown field of a built-in object, read against the table: where the field and the object it sits in are a
 * release's addition, the reader is older than that release (a warning: the line does not name the reader's version).
 */
function unknownFieldDiagnosis(input: Parameters<Diagnoser>[0]): ReturnType<Diagnoser> {
  const { finding } = input;
  const fieldPath = input.capture("field") ?? "";
  const type = input.capture("type");
  const at = fieldPath.lastIndexOf(".");
  const name = fieldPath.slice(at + 1).replace(/\[\d+\]$/, "");
  // The object holding the field: kubectl names it ("ValidationError(Deployment.spec.template.spec.containers[0])"),
  // the API server's strict decoding writes the whole path ("spec.template.spec.containers[0].resizePolicy").
  // Either way the path starts with the kind, as kubectl's does, so that "spec" is a Service's or a Job's spec.
  const validation = /ValidationError\(([\w.[\]]{1,300})\)\s*:\s*unknown\s+field/.exec(finding.text)?.[1];
  const kind = /cannot\s+be\s+handled\s+as\s+an?\s+(\w+)/.exec(finding.text)?.[1] ?? "?";
  const holder = validation ?? (at >= 0 ? `${kind}.${fieldPath.slice(0, at)}` : "");
  // A line cut inside the type name ("in io.k8s.api.core.v1.C") leaves the path to decide.
  // (kubectl 1.7's "found invalid field F for v1.T" ends many lines with a whole type: a cut one names no type of the table.)
  const typeCut = type !== undefined && finding.text.trimEnd().endsWith(type) && !/found\s+invalid\s+field/.test(finding.text);
  // kubectl names a custom resource's schema after its group ("in io.cnpg.postgresql.v1.Cluster.spec"): a CRD's field.
  const matchAt = finding.text.indexOf(finding.match);
  const crd = !type && matchAt >= 0 && /^\s+in\s+[a-z][\w-]*\.[\w.-]/.test(finding.text.slice(matchAt + finding.match.length));
  const added = crd ? undefined : (FIELDS_ADDED[name] ?? []).find((f) => (type && !typeCut ? f.in.types.includes(type) || (f.in.types.length === 0 && f.in.path.test(holder)) : f.in.path.test(holder)));
  const error = ERROR_LINE.test(finding.text) || finding.klog?.level === "E" || finding.klog?.level === "F" || /\bBadRequest\b|strict\s+decoding|ValidationError/.test(finding.text);
  if (!added || !error) {
    return { verdict: "not-skew", headline: `Unknown field "${fieldPath}": not a field that a Kubernetes release added to this object (a typo, a field in the wrong place, or a CRD's schema): not reported.` };
  }
  return {
    verdict: "warning",
    headline: `Possible version skew: "${name}"${type ? ` (${type})` : ""} was added in Kubernetes ${added.since}, and the reader (the API server, or kubectl validating against its schema) does not know it: the manifest is newer than the cluster.`,
    versions: [tableRow("fieldAddedIn", added.since, `release that added ${name}`, "field addition table (Kubernetes API changelogs)")],
    reasoning: ["Check the cluster's version (`kubectl version`); drop the field for clusters older than the release, or upgrade the cluster. A chart or operator that sets it may need a newer Kubernetes than its documentation says."],
  };
}

// Subcommands by the release that removed or added them: a script written for another release of the tool.
const COMMAND_CHANGES: Record<string, Record<string, { removedIn?: string; addedIn?: string; instead?: string }>> = {
  helm: { init: { removedIn: "3.0.0", instead: "nothing: Helm 3 has no Tiller to install" }, serve: { removedIn: "3.0.0" }, reset: { removedIn: "3.0.0" }, home: { removedIn: "3.0.0" } },
  kubectl: { "rolling-update": { removedIn: "1.18", instead: "kubectl rollout" }, debug: { addedIn: "1.18" }, events: { addedIn: "1.26" }, kustomize: { addedIn: "1.14" }, diff: { addedIn: "1.13" }, wait: { addedIn: "1.11" } },
  "kubeadm alpha": { certs: { removedIn: "1.21", instead: "kubeadm certs" }, phase: { removedIn: "1.13", instead: "kubeadm init phase" } },
  kubeadm: { certs: { addedIn: "1.20" } },
};

function commandDiagnosis(input: Parameters<Diagnoser>[0]): ReturnType<Diagnoser> {
  const tool = (input.capture("tool") ?? "").replace(/\s+/g, " ");
  const command = input.capture("command") ?? "";
  const change = COMMAND_CHANGES[tool]?.[command];
  if (!change) return { verdict: "not-skew", headline: `"${tool} ${command}" is not a command a release of ${tool} removed or added (a typo, or a plugin not installed): not reported.` };
  const release = (change.removedIn ?? change.addedIn)!;
  const component = tool.split(" ")[0]!;
  return {
    verdict: "warning",
    headline: change.removedIn
      ? `Possible version skew: ${component} ${release} removed "${tool} ${command}"${change.instead ? ` (use ${change.instead})` : ""}, and this ${component} is that release or newer: the script was written for an older ${component}.`
      : `Possible version skew: "${tool} ${command}" was added in ${component} ${release}, and this ${component} does not know it: the ${component} is older than the script expects.`,
    versions: [tableRow(change.removedIn ? "commandRemovedIn" : "commandAddedIn", release, `${component} release that ${change.removedIn ? "removed" : "added"} "${tool} ${command}"`, "command change table (release notes)")],
    reasoning: ["Check the tool's version in the job (`" + component + " version`) and pin the release the script was written for, or update the script."],
  };
}

/** Whether `a <op> b` holds for two releases (false where either is not a release). */
function satisfies(a: string, op: string, b: string): boolean {
  const x = parseKubeVersion(a);
  const y = parseKubeVersion(b);
  const sx = x && toSemver(x);
  const sy = y && toSemver(y);
  if (!sx || !sy) return false;
  return op === ">=" ? semver.gte(sx, sy) : op === ">" ? semver.gt(sx, sy) : op === "<=" ? semver.lte(sx, sy) : semver.lt(sx, sy);
}

/** Whether a captured version is a language toolchain's or a package resolver's (go.mod, npm, pip, Terraform core). */
function toolchainVersion(around: string, tokens: string[]): boolean {
  if (RESOLVER.test(around)) return true;
  // A Kubernetes node's version beside the control plane's is no Node.js ("node version v1.27.3 must not be newer than the
  // control plane version v1.26.9").
  const kubeNode = KUBE_NODE_CONTEXT.test(around);
  return tokens.some((t) => {
    const at = around.indexOf(t);
    if (at < 0) return false;
    const before = around.slice(Math.max(0, at - 28), at);
    return (TOOLCHAIN_BEFORE.test(before) && !(kubeNode && /\b[Nn]ode(?:\s+version)?\s*["'`]?$/.test(before))) || TOOLCHAIN_AFTER.test(around.slice(at + t.length, at + t.length + 16));
  });
}

interface StatedRange {
  lo: string;
  hi: string;
  loOp: string;
  hiOp: string;
  /** The releases the line names outside the range expression, of the range's major (the version under test). */
  values: string[];
}

/** The first range the line states and the releases it names besides (bounded: the first 40 release tokens). */
function statedRange(text: string): StatedRange | undefined {
  const line = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const r of RANGES) {
    const m = r.re.exec(line);
    if (!m) continue;
    const lo = m[r.lo]!;
    const hi = m[r.hi]!;
    const major = parseKubeVersion(lo)?.major;
    if (major === undefined || parseKubeVersion(hi)?.major !== major || !satisfies(hi, ">=", lo)) return undefined;
    const start = m.index;
    const end = m.index + m[0].length;
    const values: string[] = [];
    RELEASE_TOKEN.lastIndex = 0;
    let seen = 0;
    for (let t = RELEASE_TOKEN.exec(line); t && seen < 40; t = RELEASE_TOKEN.exec(line), seen++) {
      if (t.index >= start && t.index < end) continue;
      const v = parseKubeVersion(t[0]);
      if (v && v.major === major && t[0] !== lo && t[0] !== hi) values.push(t[0]);
    }
    return { lo, hi, loOp: r.loOp ? m[r.loOp]! : ">=", hiOp: r.hiOp ? m[r.hiOp]! : "<=", values };
  }
  return undefined;
}

/** Whether the list of versions the line offers ("Available versions: [1.33.13 1.34.10]") holds the version. */
function offeredListHolds(text: string, version: string): boolean {
  const lead = /(?:[Aa]vailable|[Ss]upported|[Vv]alid|[Aa]llowed)\s+versions?\s*(?:are|is)?\s*:?\s*\[([^\]]{0,4000})\]/.exec(text);
  if (!lead) return false;
  return lead[1]!.split(/[\s,"']+/).some((v) => v === version || v.replace(/^v/, "") === version.replace(/^v/, ""));
}

/** Whether a release is a patch of a listed minor ("1.29.4" against "1.29"). */
function withinMinor(value: string, listed: string): boolean {
  if (!/^[vV]?\d+\.\d+$/.test(listed)) return false;
  const v = parseKubeVersion(value);
  const l = parseKubeVersion(listed);
  return !!v && !!l && v.major === l.major && v.minor === l.minor;
}

/** Whether a release lies within a stated range; a range "1.26 to 1.29" holds every patch of 1.29. */
function withinRange(value: string, range: StatedRange): boolean {
  const hiOpen = /^[vV]?\d+\.\d+$/.test(range.hi) && range.hiOp === "<=";
  const v = parseKubeVersion(value);
  const hi = parseKubeVersion(range.hi);
  const belowHi = hiOpen && v && hi ? v.major === hi.major && v.minor <= hi.minor : satisfies(value, range.hiOp, range.hi);
  return satisfies(value, range.loOp, range.lo) && !!belowHi;
}

/**
 * Kubernetes has had only major 1: a release of another major named by an unknown wording is that tool's own. A bare
 * `v1beta1` is a contract unless the line speaks of API versions (a CRD's storedVersions, an apiVersion field).
 */
function genericRows(rows: VersionRole[], text: string): VersionRole[] {
  const apiWords = /storedVersions|spec\.versions|apiVersion|API\s+version/.test(text);
  const dockerApi = /Error response from daemon|\b[Dd]ocker\b[^\n]{0,40}\bAPI\b/.test(text);
  return rows.map((row) => {
    const typed = classifyVersion(row.version);
    if (typed?.kind === "kubernetes" && typed.major !== 1) return { ...row, typed: { ...typed, kind: "component" } };
    // Docker's daemon answers with its API versions (1.12 … 1.52), never a Kubernetes release.
    if (typed?.kind === "kubernetes" && typed.patch === undefined && dockerApi) return { ...row, typed: { ...typed, kind: "docker-api" } };
    if (typed?.kind === "contract" && apiWords) return { ...row, typed: { ...typed, kind: "api-version", group: "" } };
    return row;
  });
}

export const diagnoseGeneric: Diagnoser = (input) => {
  const { finding } = input;
  const relation = input.capture("relation") ?? "";
  if (input.capture("field") !== undefined) return unknownFieldDiagnosis(input);
  if (input.capture("command") !== undefined) return commandDiagnosis(input);
  const dismissed = genericDismissal(input);
  if (dismissed) return { verdict: "not-skew", headline: dismissed };
  const tokens = [input.capture("a"), input.capture("b")].filter((t): t is string => t !== undefined);
  // kubeadm's and installers' refusals often print the error word on the line above ("[ERROR …]:", "error
  // execution phase …") and the versions on their own line: an error just before counts, a refusal too.
  const level = lineLevel(finding);
  const before = finding.context.before.slice(-2).map((l) => l.text).join("\n");
  const warningLine = level === "W" || WARNING_LINE.test(finding.text);
  // The match and the few words after it ("k8sviz 0.3.3 or later only support k8s 1.21 or later", mkimuram/k8sviz#43).
  const matchAt = finding.text.indexOf(finding.match);
  const refusalTail = matchAt < 0 ? finding.match : finding.text.slice(matchAt, matchAt + finding.match.length + 24);
  const isError =
    genericErrorContext(input) ||
    level === "E" || level === "F" || ERROR_LINE.test(finding.text) || (level === undefined && ERROR_LINE.test(before)) ||
    (REFUSAL.test(relation) && (/[Vv]ersion/.test(finding.text) || (/\bAPI\b/.test(finding.text) && tokens.some((t) => t.includes("/")))) && level !== "I" && level !== "W" && !/^\s*(?:[-*#|]|\d+\.)\s|\bWARN(?:ING)?\b|\bWarning\b|level=warn/.test(finding.text)) ||
    // A tool's own warning that its versions disagree: two versions, a skew word, "version" on the line.
    (warningLine && tokens.length === 2 && WARNING_RELATION.test(relation) && (/[Vv]ersion/.test(finding.text) || tokens.every((t) => STRONG_TOKEN.test(t)))) ||
    (level === undefined && !warningLine && tokens.length === 2 && STATED_SKEW.test(relation) && /[Vv]ersion/.test(finding.text) && !LIST_OR_DOC.test(finding.text)) ||
    // A refusal statement on its own (a bare Go error string, an Ansible assert's msg), never a doc or INFO line.
    (SELF_REFUSAL.test(refusalTail) && level !== "I" && level !== "W" && !warningLine && BARE_MESSAGE.test(finding.text) && !NOT_A_REFUSAL_LINE.test(finding.text));
  if (!isError) return { verdict: "not-skew", headline: "Versions in a relation on a line that is not an error: not reported." };
  if (SUCCESS.test(finding.text)) return { verdict: "not-skew", headline: "The line says the version meets what is required: not a failure." };
  // "kubernetes version \"1.25.2\" is not compatible with …": the word that makes the numbers versions may sit just before the match.
  const at = finding.text.indexOf(finding.match);
  const around = at < 0 ? finding.match : finding.text.slice(Math.max(0, at - 40), at + finding.match.length);
  // A version "or later", an upgrade between two, a refusal statement's releases of three numbers: the numbers are versions.
  const versionWords = /\bor\s+(?:later|newer)\b|[Uu]pgrad|[Dd]owngrad|\b[Cc]lusters?\s+(?:older|newer|earlier|later)\s+than\b/.test(finding.match) || (SELF_REFUSAL.test(finding.match) && tokens.length > 0 && tokens.every((t) => /^[vV]?\d+\.\d+\.\d+/.test(t)));
  if (!VERSION_CONTEXT.test(around) && !versionWords && !tokens.some((t) => STRONG_TOKEN.test(t))) {
    return { verdict: "not-skew", headline: "The numbers in the relation do not read as versions: not reported." };
  }
  if (tokens.length === 2 && tokens[0] === tokens[1]) return { verdict: "not-skew", headline: "The same version on both sides: no skew." };
  // Two builds of one minor: a warning that a patch is newer than advised (kubeadm's "cluster version \"1.32.6\" is
  // greater than the desired version \"1.32.4\""), or one release refused for its vendor suffix ("1.15.11-eks-065dce is
  // not compatible, need at least 1.15.11"): no skew policy counts either.
  const releases = tokens.map((t) => classifyVersion(t)).filter((t): t is TypedVersion => t?.kind === "kubernetes");
  const sameMinor = releases.length === 2 && releases[0]!.major === releases[1]!.major && releases[0]!.minor === releases[1]!.minor && !/differ|match|skew/.test(relation);
  const onlyWarning = warningLine && !ERROR_LINE.test(finding.text) && level !== "E" && level !== "F";
  const vendorSuffix = (t: TypedVersion) => (t.prerelease ?? []).length > 0 && !/^(?:alpha|beta|rc)/.test(t.prerelease![0]!);
  if (sameMinor && (onlyWarning || (releases[0]!.patch === releases[1]!.patch && releases.some(vendorSuffix)))) {
    return { verdict: "not-skew", headline: "Two builds of the same minor: a patch or vendor-suffix difference, not a version skew." };
  }
  // "the kube-apiserver version is 1.10. We need a version >= 1.7 or <= 1.8" (cilium-sysdump#7): a version that meets the
  // comparison the line states is not what was refused.
  // Not a range's two bounds (">= 1.19.0-0 <= 1.24.0-0"): the value and the constraint with words between them.
  // A range is read as one (">= 1.7 and <= 1.10", cilium/cilium#5473): the version the line reports is checked against
  // both ends, and a version inside is not what was refused.
  const range = statedRange(finding.text);
  const rangeRows: VersionRole[] = [];
  if (range) {
    if (range.values.length > 0 && range.values.every((v) => withinRange(v, range))) {
      return { verdict: "not-skew", headline: `${range.values.join(", ")} lies within the range ${range.lo} … ${range.hi} the line states: not what was refused.` };
    }
    const named = new Set(tokens);
    for (const [name, version, role] of [["rangeLow", range.lo, "lowest version of the range the line states"], ["rangeHigh", range.hi, "highest version of the range the line states"]] as const) {
      if (!named.has(version)) rangeRows.push({ name, version, role, source: `the failing line (${input.where})` });
    }
    for (const v of range.values.filter((x) => !withinRange(x, range) && !named.has(x)).slice(0, 2)) rangeRows.push({ name: "outsideRange", version: v, role: "version outside the stated range", source: `the failing line (${input.where})` });
  }
  // "supports Kubernetes 1.27 through 1.29" is a doc unless a version on the line is outside the range.
  if (/^(?:supports?|supported(?:\s+(?:on|with|for))?|compatible\s+with|works\s+with)$/.test(relation) && !/\b(?:but|while|whereas)\b/.test(finding.match) && !(range && range.values.some((v) => !withinRange(v, range)))) {
    return { verdict: "not-skew", headline: "A supported range, with no version on the line outside it: not reported." };
  }
  const between = finding.match.slice(finding.match.indexOf(tokens[0] ?? "") + (tokens[0] ?? "").length, finding.match.lastIndexOf(relation));
  if (!range && /^[<>]=?$/.test(relation) && tokens.length === 2 && /[A-Za-z]{2}/.test(between) && satisfies(tokens[0]!, relation, tokens[1]!)) {
    return { verdict: "not-skew", headline: `${tokens[0]} ${relation} ${tokens[1]} holds: the version meets the constraint the line states.` };
  }
  // A version refused beside the list offered ("Available versions: [1.33.13 …]. err = not found version: 1.35.5"): a
  // version that is in the list was not refused for its version.
  const notFound = /not\s+found\s+version|[Vv]ersion\s+not\s+found|no\s+such\s+version/.test(relation);
  const offered = notFound ? listedVersions(input, /(?:[Aa]vailable|[Ss]upported|[Vv]alid|[Aa]llowed)\s+versions?/, "a version the line lists as offered") : [];
  // "supported versions are 1.27, 1.28, 1.29; got 1.29": the version got is one of those listed.
  if (/^[Ss]upported\s+versions?/.test(relation) && tokens.length === 2) {
    const listed = finding.match.slice(0, finding.match.lastIndexOf(tokens[1]!)).match(RELEASE_TOKEN) ?? [];
    if (listed.slice(0, 40).some((v) => v === tokens[1] || withinMinor(tokens[1]!, v))) {
      return { verdict: "not-skew", headline: `${tokens[1]} is among the versions the line lists as supported: not refused for its version.` };
    }
  }
  if (notFound && tokens.length === 1 && offeredListHolds(finding.text, tokens[0]!)) {
    return { verdict: "not-skew", headline: `${tokens[0]} is among the versions the line lists as offered: not refused for its version.` };
  }
  // Operating systems and native libraries are the host's, not a component's.
  if (tokens.some((t) => {
    const at = around.indexOf(t);
    return at >= 0 && PLATFORM_BEFORE.test(around.slice(Math.max(0, at - 24), at));
  })) {
    return { verdict: "not-skew", headline: "The version is an operating system's or a native library's, not a component's: not reported." };
  }
  // TLS/SSL protocol versions ("client wants v1.2, server only supports v1.3") are not releases of two components.
  if (NOT_COMPONENT.test(around)) return { verdict: "not-skew", headline: "The versions are TLS/SSL protocol or kernel versions, not component releases: not reported." };
  if (toolchainVersion(around, tokens)) {
    return { verdict: "not-skew", headline: "The versions are a language toolchain's or a package resolver's, not two components': not reported." };
  }
  return {
    verdict: "warning",
    headline: `Possible version skew (unrecognised wording): the ${warningLine && !ERROR_LINE.test(finding.text) ? "warning" : "error"} names ${tokens.join(" and ")} with "${relation}".`,
    versions: genericRows([...captureRoles(input), ...rangeRows, ...offered.slice(0, 12)], finding.text),
    reasoning: ["No specific signature knows this wording; the versions and the relation come from the line as written. Check which component printed it and which range it supports."],
  };
};

/** extensions/v1beta1 served these kinds until 1.16 (Ingress until 1.22): the deprecation guide's #v1-16 list. */
const EXTENSIONS_BETA_KINDS = new Set(["DaemonSet", "Deployment", "ReplicaSet", "NetworkPolicy", "PodSecurityPolicy"]);

/** A reflector's kind at a version, as the kind table or the extensions/v1beta1 workloads know it. */
function watchLifecycle(kind: string, version: string, resource: string | undefined): { group: string; since?: string; removedIn?: string } | undefined {
  const entry = KIND_API_VERSIONS[kind];
  if (resource?.endsWith(".extensions") && version === "v1beta1") {
    if (EXTENSIONS_BETA_KINDS.has(kind)) return { group: "extensions", removedIn: "1.16" };
    if (kind === "Ingress") return { group: "extensions", removedIn: "1.22" };
  }
  const life = entry?.versions[version];
  if (entry && life) return { group: entry.group, ...life };
  // *v1beta1.DaemonSet and the like: only extensions/v1beta1 ever served them at that version.
  if (version === "v1beta1" && EXTENSIONS_BETA_KINDS.has(kind)) return { group: "extensions", removedIn: "1.16" };
  return undefined;
}

/** A GA version every cluster since this release serves: its 404 is more likely an API proxy than an old cluster. */
const LONG_SERVED = "1.12";

/**
 * Discovery ("unable to retrieve the complete list of server APIs: <group>/<version>: …"): a built-in group/version
 * the cluster does not serve is a release difference; a CRD's reads the same when the CRD is not installed at all
 * (controller-runtime's mapper says "no matches for <gv>, Resource=" either way, kubernetes-sigs/controller-runtime
 * pkg/client/apiutil/restmapper.go), so that is a warning.
 */
function discoveryDiagnosis(input: Parameters<Diagnoser>[0], gv: string): ReturnType<Diagnoser> {
  const slash = gv.lastIndexOf("/");
  const group = gv.slice(0, slash);
  const version = gv.slice(slash + 1);
  const versions = captureRoles(input);
  const removed = REMOVED_APIS[gv] ?? EARLY_REMOVED_APIS[gv];
  if (removed) {
    versions.push(tableRow("removedIn", removed.removedIn, `release that stopped serving ${gv}`, "removal table"));
    return {
      headline: `API discovery failed for ${gv}, which Kubernetes stopped serving in ${removed.removedIn}: a client (or an APIService object left from an older release) asks for a group/version this cluster no longer serves.`,
      versions,
      fixes: [`Move the client to ${removed.replacement}; if an APIService for ${gv} is left over (kubectl get apiservices), delete it.`],
    };
  }
  if (BUILTIN_GROUPS.has(group)) {
    return {
      verdict: "warning",
      headline: `API discovery failed for ${gv}: the cluster does not serve this built-in group/version, so the client and the cluster are from Kubernetes releases that differ (or the version is alpha/beta and not enabled).`,
      versions,
    };
  }
  return {
    verdict: "warning",
    headline: `API discovery found no ${gv}: the CRDs installed for ${group} do not serve ${version} (another release of the project that owns them), or they are not installed at all.`,
    versions,
    reasoning: [`kubectl get crd -o custom-columns=NAME:.metadata.name,VERSIONS:.spec.versions[*].name | grep ${group} shows which versions the cluster's CRDs serve.`],
  };
}

export const diagnoseWatchNotServed: Diagnoser = (input) => {
  const discovered = input.capture("groupVersion");
  if (discovered) return discoveryDiagnosis(input, discovered);
  const kind = input.capture("kind") ?? "";
  const version = input.capture("apiVersion") ?? "";
  const resource = input.capture("resource");
  const life = watchLifecycle(kind, version, resource);
  if (!life) {
    return {
      verdict: "not-skew",
      headline: `The server does not serve ${kind} ${version}: with no lifecycle known for this kind (a CRD?), this reads as a missing CRD or aggregated API rather than a version skew.`,
    };
  }
  const gv = `${life.group}/${version}`;
  const versions = captureRoles(input);
  versions.push({ name: "groupVersion", version: gv, role: "API group/version the controller lists", source: "kind lifecycle table" });
  if (life.removedIn) versions.push(tableRow("removedIn", life.removedIn, `release that stopped serving ${gv}`, "kind lifecycle table"));
  if (life.since) versions.push(tableRow("since", life.since, `first release that serves ${gv}`, "kind lifecycle table"));
  const server = input.hint("server", "kubernetes", "cluster");
  const serverV = server?.version;
  // Served between two releases: the server's version (when a banner names it) says which side the cluster is on.
  const tooOld = life.since !== undefined && (!life.removedIn || (serverV !== undefined && minorDelta(serverV, parseKubeVersion(life.since)!) < 0));
  const part: DiagnosisPart = {
    headline:
      life.since && life.removedIn && !serverV
        ? `A controller lists ${kind} ${gv}, which Kubernetes served from ${life.since} until ${life.removedIn} only: the controller was built for an older Kubernetes than the cluster (or, for a cluster older than ${life.since}, a newer one).`
        : !tooOld && life.removedIn
          ? `A controller lists ${kind} ${gv}, which Kubernetes stopped serving in ${life.removedIn}: the controller was built for an older Kubernetes than the cluster.`
          : `A controller lists ${kind} ${gv}, which Kubernetes serves from ${life.since} on${life.removedIn ? ` (until ${life.removedIn})` : ""}: the cluster is older than the controller expects.`,
    versions,
  };
  if (tooOld && !life.removedIn && version === "v1" && minorDelta(parseKubeVersion(LONG_SERVED)!, parseKubeVersion(life.since!)!) >= 0) {
    part.verdict = "warning";
    part.headline = `A controller lists ${kind} ${gv}, which every Kubernetes from ${life.since} on serves: only a very old cluster lacks it, and an API proxy or a kubeconfig for another server reads the same.`;
  }
  if (server) {
    part.versions = [...versions, { name: "server", version: server.hint.version, role: "API server version", source: server.hint.source }];
    const edge = parseKubeVersion((tooOld ? life.since : life.removedIn) ?? "");
    if (edge) {
      const minors = minorDelta(server.version, edge);
      part.skew = !tooOld
        ? { minors, policy: `${gv} is served before ${life.removedIn} only`, supported: minors < 0 }
        : { minors, policy: `${gv} is served from ${life.since} on`, supported: minors >= 0 };
    }
  }
  return part;
};

export const diagnoseE2eVersions: Diagnoser = (input) => {
  const server = input.version("server");
  const client = input.version("client");
  const minors = server && client ? minorDelta(client, server) : undefined;
  return {
    headline:
      input.capture("server") && input.capture("client")
        ? `kubectl ${input.capture("client")} and the cluster ${input.capture("server")} differ${minors ? ` by ${minorsText(minors)}` : " (same minor, another build)"}, and the e2e harness requires them to match (--match-server-version).`
        : "The e2e harness found kubectl and the cluster at different versions, and requires them to match.",
    versions: captureRoles(input),
    ...(minors === undefined ? {} : { skew: { minors, policy: "the e2e harness requires kubectl and the cluster from the same build", supported: false } }),
  };
};

/**
 * "request to convert CR from an invalid group/version" means the CRDs are installed and no longer serve the
 * version; "no matches for kind … in version cert-manager.io/v1alpha2" reads the same when the CRDs are not
 * installed at all (cert-manager before 1.7 served v1alpha2), so it is a warning that says both.
 */
export const diagnoseCertManagerApi: Diagnoser = (input) => {
  const api = input.capture("apiVersion") ?? "";
  if (input.capture("kind") !== undefined) {
    return {
      verdict: "warning",
      headline: `${api} is not served: cert-manager 1.7 and later removed it, so with cert-manager ≥ 1.7 installed the manifest is older than the cluster's cert-manager (or cert-manager's CRDs are not installed at all).`,
      versions: captureRoles(input),
      reasoning: ["On its own line this reads the same as CRDs never installed; check `kubectl get crd certificates.cert-manager.io -o jsonpath='{.spec.versions[*].name}'`."],
    };
  }
  return {
    headline: `Objects at ${api} cannot be converted: the installed cert-manager (1.7 or later) no longer serves that version, and the CRDs still list it as stored.`,
    versions: captureRoles(input),
  };
};

/**
 * EKS's "InvalidParameterException: unsupported Kubernetes version" names no version: a retired or not yet
 * offered minor reads the same as a malformed one ("abc", "1.2O"), so without a version it is a warning.
 */
export const diagnoseManagedVersion: Diagnoser = (input) => {
  const from = input.version("from");
  const to = input.version("to");
  if (from && to) return upgradePath(input, from, to);
  const requested = input.capture("requested") ?? input.capture("newest");
  const text = input.finding.text;
  const slug = input.capture("requested");
  if (slug && /invalid\s+version\s+slug/.test(text) && !/-do\.\d+$/.test(slug)) {
    // Every DOKS slug is 1.x.y-do.N (doctl kubernetes options versions); digitalocean/terraform-provider-digitalocean#1443
    // shows the refusal with a made-up slug: a malformed string, not a version DigitalOcean retired.
    return {
      verdict: "not-skew",
      headline: `Not a version skew: "${slug}" is not a DigitalOcean Kubernetes slug (they read 1.x.y-do.N), so no release ever offered it; fix the version string.`,
      versions: captureRoles(input),
      fixes: ["Copy a slug from doctl kubernetes options versions (or the digitalocean_kubernetes_versions data source)."],
    };
  }
  if (/Kubernetes\/Orchestrator\s+Version/.test(text)) {
    // terraform-provider-azurerm checks orchestrator_version client-side against the cluster's upgrade profile; the list
    // comes back empty for versions outside standard support (LTS, a minor AKS deprecated) and for some pools (#16173,
    // #26804, #27245, #8147: the pool and the cluster on the same version), so the line alone does not prove two apart.
    return {
      verdict: "warning",
      headline: `The azurerm provider refused orchestrator_version ${requested ?? ""} for the node pool: the control plane does not offer it (a pool ahead of the cluster, or a version AKS retired), or the provider's check got an empty list from AKS, a known provider bug when pool and cluster already run that version.`,
      versions: captureRoles(input),
      reasoning: ["Compare the message's \"The Kubernetes Cluster is running version\" with the pool's version; an empty list of supported versions there is the provider's bug (pin the pool's orchestrator_version to the cluster's exact patch, or upgrade the provider)."],
    };
  }
  if (requested && /(?:Master|Node)\s+version\s+\\?"?[\w.+-]+\s*$/.test(text)) {
    return {
      verdict: "warning",
      headline: `GKE refused the ${/Node\s+version/.test(text) ? "node" : "master"} version ${requested}, and the line is cut after it: most often a retired version ("is unsupported"), but the reason is not on the line.`,
      versions: captureRoles(input),
    };
  }
  if (!requested && /message=Version\s+is\s+invalid/.test(text)) {
    // kelseyhightower/kubernetes-cluster-federation#40: GKE's 2017 API said "invalid" for a retired version without naming it.
    return {
      verdict: "warning",
      headline: "GKE refused the requested cluster version, which the line does not name: a version GKE no longer offers (its 2017–2018 API called those \"invalid\"), or a malformed one.",
      versions: captureRoles(input),
      reasoning: ["gcloud container get-server-config --zone <zone> lists validMasterVersions."],
    };
  }
  if (/A\s+previous\s+patch\s+was\s+specified/.test(text)) {
    return {
      headline: "IBM Cloud Kubernetes Service creates clusters only at the newest patch of each minor: the pinned patch has been superseded. Pin only the minor (1.x), or a patch from ibmcloud ks versions.",
      versions: captureRoles(input),
    };
  }
  if (!requested && /unsupported\s+Kubernetes\s+version/.test(input.finding.text)) {
    return {
      verdict: "warning",
      headline: "EKS refused the requested Kubernetes version, which the line does not name: a minor EKS no longer (or does not yet) offer, or a malformed version string.",
      versions: captureRoles(input),
      reasoning: ["Check the version the job passed (eksctl --version, the Terraform cluster_version) against aws eks describe-cluster-versions."],
    };
  }
  if (!requested && /Addon\s+version\s+specified\s+is\s+not\s+supported/.test(input.finding.text)) {
    // terraform-provider-aws#32238: the same refusal for an add-on version given to the wrong add-on (names swapped).
    return {
      verdict: "warning",
      headline: "EKS refused the add-on version, which the line does not name: most often a build made for another Kubernetes minor than the cluster's (after an upgrade), but a version given to the wrong add-on reads the same.",
      versions: captureRoles(input),
      reasoning: ["Compare the pinned add-on version with aws eks describe-addon-versions --kubernetes-version <cluster minor> --addon-name <addon>."],
    };
  }
  const asked = input.capture("requested");
  const newest = input.capture("newest");
  // Channel lists (GKE) and Civo's deprecation name what is offered, not what was asked for.
  if (!asked && newest) {
    return {
      headline: `${input.signature.title}: the newest version it offers${input.capture("channel") ? ` in the ${input.capture("channel")} channel` : ""} is ${newest}.`,
      versions: [...captureRoles(input), ...listedVersions(input, /channel\s+supported\s+versions/, "another version the channel offers")],
    };
  }
  return { headline: `${input.signature.title}${requested ? ` (${requested})` : ""}.`, versions: captureRoles(input) };
};

/**
 * EKS and AKS refuse an upgrade that skips a minor, and any downgrade. A skip is the job's version jumping ahead of
 * the cluster; a downgrade is a spec (Terraform default, Rancher's stored config) older than the cluster, which a
 * person wants to know but which is not two components disagreeing at run time; the same version is a tool's bug.
 */
function upgradePath(input: Parameters<Diagnoser>[0], from: KubeVersion, to: KubeVersion): DiagnosisPart {
  const minors = minorDelta(to, from);
  const policy = "managed control planes and node pools upgrade one minor at a time, never down";
  const versions = captureRoles(input);
  const a = input.capture("from");
  const b = input.capture("to");
  if (a === b) {
    return { verdict: "not-skew", headline: `Not a version skew: the update asked for ${b}, the version the cluster already runs (a tool re-sending a stale update).`, versions };
  }
  const fs = toSemver(from);
  const ts = toSemver(to);
  if (minors < 0 || (minors === 0 && fs && ts && semver.lt(ts, fs))) {
    return {
      verdict: "warning",
      headline: `The update asks to go down from ${a} to ${b}: managed Kubernetes never downgrades, so the version in the job's spec is older than the cluster (a default or stored config left behind by an upgrade made elsewhere).`,
      versions,
      skew: { minors, policy, supported: false },
      fixes: [`Set the version in the spec to the cluster's ${a} (or later); a cluster cannot be moved back to ${b}.`],
    };
  }
  return {
    headline:
      minors > 1
        ? `The upgrade from ${a} to ${b} skips ${minorsText(minors - 1)}: managed control planes (and AKS node pools) upgrade one minor at a time.`
        : `The upgrade from ${a} to ${b} is not offered: pick a version from the available upgrades (az aks get-upgrades, aws eks describe-cluster-versions).`,
    versions,
    skew: { minors, policy, supported: minors <= 1 },
    ...(minors > 1 ? { fixes: [`Upgrade one minor at a time: ${majorMinor(from)} → ${from.major}.${from.minor + 1} first, then on to ${majorMinor(to)}.`] } : {}),
  };
}
