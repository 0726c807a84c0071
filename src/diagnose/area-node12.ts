import { captureRoles, type Diagnoser, type DiagnoseInput } from "./context.js";
import type { VersionRole } from "../model.js";
import { parseKubeVersion } from "./versions.js";

// Diagnosers for src/signatures/node12.ts; merged into nodeDiagnosers (area-node.ts).

function row(name: string, version: string, role: string, source: string): VersionRole {
  return { name, version, role, source };
}

function around(input: DiagnoseInput): string {
  return [...input.finding.context.before, ...input.finding.context.after].map((l) => l.text).join("\n");
}

/**
 * kube-apiserver admission plugins by the release that added or removed them (Kubernetes changelogs and the
 * admission-controllers reference). Only plugins whose change is a common upgrade break are listed.
 */
const ADMISSION_PLUGINS: Record<string, { added?: string; removed?: string; instead?: string }> = {
  // Alpha in 1.7 (kubernetes/kubernetes#36721), removed with the initializers API in 1.14 (#72972).
  Initializers: { added: "1.7", removed: "1.14", instead: "mutating admission webhooks" },
  GenericAdmissionWebhook: { added: "1.7", removed: "1.9", instead: "ValidatingAdmissionWebhook" },
  MutatingAdmissionWebhook: { added: "1.9" },
  ValidatingAdmissionWebhook: { added: "1.9" },
  PVCProtection: { added: "1.9", removed: "1.10", instead: "StorageObjectInUseProtection" },
  StorageObjectInUseProtection: { added: "1.10" },
  Priority: { added: "1.8" },
  EventRateLimit: { added: "1.9" },
  ExtendedResourceToleration: { added: "1.9" },
  TaintNodesByCondition: { added: "1.12" },
  RuntimeClass: { added: "1.16" },
  CertificateApproval: { added: "1.18" },
  CertificateSigning: { added: "1.18" },
  CertificateSubjectRestriction: { added: "1.18" },
  DefaultIngressClass: { added: "1.18" },
  PodSecurity: { added: "1.22" },
  ValidatingAdmissionPolicy: { added: "1.26" },
  ClusterTrustBundleAttest: { added: "1.27" },
  DenyEscalatingExec: { removed: "1.18", instead: "a policy engine or Pod Security Admission" },
  DenyExecOnPrivileged: { removed: "1.18", instead: "a policy engine or Pod Security Admission" },
  PodPreset: { added: "1.6", removed: "1.20", instead: "a mutating admission webhook" },
  PodSecurityPolicy: { removed: "1.25", instead: "PodSecurity (Pod Security Admission)" },
  SecurityContextDeny: { removed: "1.30", instead: "PodSecurity (Pod Security Admission)" },
};

const minorBefore = (release: string) => {
  const v = parseKubeVersion(release);
  return v ? `${v.major}.${v.minor - 1}` : "an older release";
};

const diagnoseAdmissionPlugin: Diagnoser = (input) => {
  const plugin = input.capture("plugin") ?? "";
  const entry = ADMISSION_PLUGINS[plugin];
  const versions = captureRoles(input);
  const text = input.finding.text;
  // The apiserver's own wordings name it: its admission initialisation, a kube-apiserver unit or pod, or a banner.
  const named = /failed to initialize admission|kube-apiserver|apiserver\[/.test(text) || /kube-apiserver/.test(around(input));
  const server = input.hint("server", "kubernetes", "binary", "node-image");
  if (!entry) {
    return {
      verdict: "warning",
      headline: `kube-apiserver does not know the admission plugin ${plugin}: a plugin of another release, a plugin compiled out of this distribution's build, or a misspelt name.`,
      versions,
    };
  }
  const removed = entry.removed ? parseKubeVersion(entry.removed) : undefined;
  const added = entry.added ? parseKubeVersion(entry.added) : undefined;
  // Which side of the change the binary is on, when a banner says.
  const sv = server?.version;
  const beforeAdded = sv && added ? sv.major === added.major && sv.minor < added.minor : undefined;
  const pastRemoved = sv && removed ? sv.major === removed.major && sv.minor >= removed.minor : undefined;
  const rows = [...versions];
  if (entry.added) rows.push(row("pluginAddedIn", entry.added, `first release with the ${plugin} admission plugin`, "admission plugin table (Kubernetes changelogs)"));
  if (entry.removed) rows.push(row("pluginRemovedIn", entry.removed, `release that removed the ${plugin} admission plugin`, "admission plugin table (Kubernetes changelogs)"));
  if (server) rows.push(row("server", server.hint.version, "kube-apiserver version", server.hint.source));
  // A banner of the apiserver's release decides the side; without one, the table's only side (or both).
  const side = sv ? (beforeAdded ? "added" : pastRemoved ? "removed" : "neither") : entry.added && entry.removed ? "either" : entry.added ? "added" : "removed";
  // With no banner and no apiserver named, a distribution that compiles plugins out (k3s builds without
  // PodSecurityPolicy) says the same: a warning.
  const verdict = side === "neither" || !(named || sv) ? { verdict: "warning" as const } : {};
  if (side === "neither") {
    return { ...verdict, headline: `kube-apiserver ${server!.hint.version} should have the ${plugin} admission plugin by its release: this build leaves it out, or the name is misspelt.`, versions: rows };
  }
  if (side === "added") {
    return {
      ...verdict,
      headline: `The ${plugin} admission plugin exists from Kubernetes ${entry.added} on: the apiserver${server ? ` (${server.hint.version})` : ""} is older than the manifest that enables it.`,
      versions: rows,
      fixes: [`Run kube-apiserver ${entry.added} or newer, or drop ${plugin} from --enable-admission-plugins for this release.`],
    };
  }
  if (side === "removed") {
    return {
      ...verdict,
      headline: `The ${plugin} admission plugin was removed in Kubernetes ${entry.removed}: the apiserver's flags were written for ≤ ${minorBefore(entry.removed!)}${server ? ` and the apiserver is ${server.hint.version}` : " and the apiserver is newer"}.`,
      versions: rows,
      fixes: [`Remove ${plugin} from --enable-admission-plugins${entry.instead ? `; use ${entry.instead} instead` : ""}.`],
    };
  }
  return {
    ...verdict,
    headline: `The ${plugin} admission plugin existed only from Kubernetes ${entry.added} until ${entry.removed}: the apiserver is older than ${entry.added} or ${entry.removed} or newer, and the manifest was written for a release in between.`,
    versions: rows,
    fixes: [`Drop ${plugin} from --enable-admission-plugins${entry.instead ? ` (${entry.instead} replace it)` : ""}, or run an apiserver between ${entry.added} and ${minorBefore(entry.removed!)}.`],
  };
};

// API versions each component-config group has had (kubeadm reads one of them).
const COMPONENT_CONFIG_VERSIONS: Record<string, string[]> = {
  "kubelet.config.k8s.io": ["v1beta1"],
  "kubeproxy.config.k8s.io": ["v1alpha1", "v1alpha2"],
};

const diagnoseComponentConfigApi: Diagnoser = (input) => {
  const asked = input.capture("asked") ?? "";
  const supported = input.capture("supported") ?? "";
  const [group = "", version = ""] = asked.split("/");
  const known = COMPONENT_CONFIG_VERSIONS[group];
  const versions = captureRoles(input);
  if (known && !known.includes(version)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: no Kubernetes release has ever served ${asked} (${group} has only ${known.join(", ")}); the document's apiVersion is misspelt.`,
      versions,
    };
  }
  return {
    verdict: "warning",
    headline: `This kubeadm reads ${supported} and the document is ${asked}: it was written for another kubeadm release.`,
    versions,
  };
};

const diagnoseServiceAccountIssuer: Diagnoser = (input) => {
  // kube-apiserver 1.13–1.19 with the BoundServiceAccountTokenVolume gate (or AllAlpha) switched on.
  if (input.capture("when") || /when\s+BoundServiceAccountTokenVolume\s+is\s+enabled/.test(input.finding.text)) {
    return {
      verdict: "not-skew",
      headline: "Not a version skew: a pre-1.20 apiserver was given the BoundServiceAccountTokenVolume gate (or AllAlpha), which needs --service-account-issuer and --service-account-signing-key-file; set them or drop the gate.",
      versions: [],
    };
  }
  return {
    headline: "kube-apiserver 1.20 or later requires --service-account-issuer and --service-account-signing-key-file: its unit or manifest was written for 1.19 or older.",
    versions: [row("requiredSince", "1.20", "first kube-apiserver release that requires both flags", "Kubernetes 1.20 changelog (TokenRequest GA)")],
  };
};

const diagnoseDynamicConfig: Diagnoser = () => ({
  headline: "The kubelet is 1.22 or 1.23 (DynamicKubeletConfig off by default) and is still passed --dynamic-config-dir: its flags were written for 1.21 or older.",
  versions: [
    row("gateOffIn", "1.22", "release that turned DynamicKubeletConfig off by default", "Kubernetes 1.22 changelog"),
    row("flagRemovedIn", "1.24", "release that removed --dynamic-config-dir", "flag removal table (Kubernetes changelogs)"),
  ],
});

const diagnoseEtcdctlCommand: Diagnoser = (input) => {
  const command = input.capture("command") ?? "";
  const snapshot = Boolean(input.capture("sub"));
  if (command === "migrate") {
    return {
      headline: "etcdctl 3.5 removed `migrate` (the v2-to-v3 store migration): the script was written for etcdctl 3.4 or older, and etcdutl's `migrate` (3.6) changes the storage version instead.",
      versions: [row("removedIn", "3.5", "etcdctl release that removed migrate", "etcd 3.5 upgrade notes")],
    };
  }
  if (snapshot && (command === "restore" || command === "status")) {
    return {
      headline: `etcdctl 3.6 removed \`snapshot ${command}\` (moved to etcdutl, deprecated in 3.5): the script was written for etcdctl 3.5 or older.`,
      versions: [row("removedIn", "3.6", `etcdctl release that removed snapshot ${command}`, "etcd 3.6 upgrade notes")],
      fixes: [`Run \`etcdutl snapshot ${command}\` instead (etcdutl ships with etcd 3.5+).`],
    };
  }
  return { verdict: "not-skew", headline: `etcdctl has no top-level ${command} command in any release; the command line is malformed.`, versions: [] };
};

// client-go registers the in-tree providers only where a program imports k8s.io/client-go/plugin/pkg/client/auth;
// from 1.26 that package keeps a stub per removed provider ("The gcp auth plugin has been removed"). "No Auth
// Provider found" therefore means a program that never imported the providers (a tool bug, fixed by an import),
// whatever its client-go release: public threads hold it for gcp, azure and oidc alike.
const diagnoseAuthProvider: Diagnoser = (input) => {
  if (/no\s+Auth\s+Provider\s+found/i.test(input.finding.match)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: the program was built without client-go's auth provider plugins (no import of k8s.io/client-go/plugin/pkg/client/auth), so it does not know ${input.capture("provider") ?? "the provider"}; kubectl 1.26+ would say the plugin "has been removed".`,
      versions: [],
    };
  }
  return { headline: `${input.signature.title}: ${input.signature.meaning}`, versions: captureRoles(input) };
};

// controller-runtime minors and the k8s.io (client-go, api, apimachinery) minor each is built for (its go.mod).
const CONTROLLER_RUNTIME_K8S: Record<number, number> = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i + 5, i + 17]));

const diagnoseGoModuleBuild: Diagnoser = (input) => {
  const module = (input.capture("module") ?? input.capture("dependency") ?? "").replace(/\\/g, "/");
  const version = input.capture("moduleVersion");
  const alias = input.capture("alias");
  const versions = captureRoles(input);
  // The other Kubernetes module the error names (a quoted package path), if any.
  const other = [...input.finding.text.matchAll(/"((?:sigs\.)?k8s\.io\/[\w.-]+)[\w./-]*"/g)].map((m) => m[1]!).find((m) => m !== module);
  const cr = module === "sigs.k8s.io/controller-runtime" && version ? /^v0\.(\d+)\./.exec(version) : null;
  const k8sMinor = cr ? CONTROLLER_RUNTIME_K8S[Number(cr[1])] : undefined;
  if (k8sMinor) versions.push(row("builtFor", `v0.${k8sMinor}`, `k8s.io/client-go (api, apimachinery) minor controller-runtime ${version} is built for`, "controller-runtime go.mod by release"));
  // A standard-library symbol the module's source needs (errors.Is, slices.Contains, atomic.Int64): the Go toolchain is
  // older than the module, not another k8s.io module (kubernetes/sample-controller#70: apimachinery of 1.18 on Go 1.11).
  const stdlib = /\bundefined:\s+(?:errors|slices|maps|cmp|atomic|slog|netip|strings|bytes|sync|context|io|os|fs|sort|math|rand|unicode|utf8|reflect|time|http|fmt)\.\w+/.test(input.finding.text);
  const needsGo = /note:\s+module\s+requires\s+Go\s+(\d+\.\d+)/.exec(input.finding.context.after.map((l) => l.text).join("\n"))?.[1];
  if (stdlib || needsGo) {
    return {
      headline: `${module}${version ? ` ${version}` : ""} uses a standard-library symbol the Go toolchain does not have${needsGo ? ` (the module requires Go ${needsGo})` : ""}: the CI's Go is older than the module's release needs.`,
      versions: needsGo ? [...versions, row("requiredGo", needsGo, "Go release the module requires", "the go command's note after the errors")] : versions,
      fixes: ["Build with the Go release the module's go directive names (or newer), or keep the k8s.io modules at a release the current Go can build."],
    };
  }
  if (alias) {
    return {
      verdict: "warning",
      headline: `The build uses ${alias}.${input.capture("symbol") ?? ""}, which the selected k8s.io package (by its usual import alias) does not have: the k8s.io modules in go.mod are older or newer than the code, or the alias stands for another package.`,
      versions,
    };
  }
  if (!version && !input.capture("module")) {
    return {
      headline: `The code uses ${module}'s ${input.capture("symbol") ?? "symbol"}, which the ${module} release go.mod (or vendor/) selected does not have: the code was written against another ${module} release.`,
      versions,
    };
  }
  // A vendored copy without a version may be the module's own tree (kubernetes/kubernetes' vendor/k8s.io links its
  // staging repositories): a broken change there fails the same way, so only a warning unless another module is named.
  const vendoredOnly = !version && !other;
  return {
    ...(vendoredOnly ? { verdict: "warning" as const } : {}),
    headline: `${module}${version ? ` ${version}` : " (vendored)"} does not compile against the k8s.io modules go.mod selected${other ? ` (${other} here)` : ""}${k8sMinor ? `: it is built for k8s.io v0.${k8sMinor}.x` : ""}; the Kubernetes modules in go.mod are of releases that do not fit together.`,
    versions,
  };
};

const diagnoseDiscoveryPanic: Diagnoser = (input) => {
  const raw = input.capture("clientGo");
  const v = raw ? parseKubeVersion(raw) : undefined;
  const versions = captureRoles(input);
  if (v && v.major === 0 && v.minor === 26 && (v.patch ?? 0) <= 3) {
    return {
      headline: `The program is built with client-go ${raw}, whose aggregated discovery panics on the nil kinds a 1.27+ apiserver relays from aggregated API servers (fixed in v0.26.4).`,
      versions: [...versions, row("fixedIn", "v0.26.4", "first client-go patch with the fix", "kubernetes/kubernetes#119840")],
    };
  }
  if (v) {
    return {
      verdict: "warning",
      headline: `A panic in client-go ${raw}'s aggregated discovery; the known version-skew panic there is client-go v0.26.0–v0.26.3 against a 1.27+ apiserver, and ${raw} is not one of them.`,
      versions,
    };
  }
  return {
    verdict: "warning",
    headline: "A panic in client-go's aggregated discovery (convertAPIResource): client-go v0.26.0–v0.26.3 panic there against 1.27+ apiservers that serve aggregated API servers with malformed discovery; the line does not say which client-go the program has.",
    versions,
  };
};

// Options every containers/storage release of the last years has for its drivers: refused, they were given to
// another driver (a zfs or vfs store reading [storage.options.overlay]), not to an older release.
const LONG_STANDING_STORAGE_OPTIONS = new Set(["mountopt", "size", "override_kernel_check", "mount_program", "fsname", "min_space", "basesize", "directlvm_device"]);

const diagnoseStorageOption: Diagnoser = (input) => {
  const key = input.capture("key") ?? "";
  if (LONG_STANDING_STORAGE_OPTIONS.has(key)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: every containers/storage release has the ${key} option for its driver, so the refusal means the option was given to another storage driver than the one in use.`,
      versions: [],
    };
  }
  return { headline: `containers/storage in this runtime does not know the storage.conf option ${key}: storage.conf was written for a newer containers/storage (or for another driver).`, versions: captureRoles(input) };
};

// Eviction signals by the kubelet release that added them (pkg/kubelet/eviction/api/types.go).
const EVICTION_SIGNALS: Record<string, string> = {
  "memory.available": "1.3",
  "nodefs.available": "1.4",
  "nodefs.inodesFree": "1.4",
  "imagefs.available": "1.4",
  "imagefs.inodesFree": "1.4",
  "containerfs.available": "1.31",
  "containerfs.inodesFree": "1.31",
};

const diagnoseEvictionSignal: Diagnoser = (input) => {
  const signal = input.capture("signal") ?? "";
  const since = EVICTION_SIGNALS[signal];
  if (!since) {
    return {
      verdict: "warning",
      headline: `The kubelet does not know the eviction signal ${signal}: a signal of another kubelet release, or a misspelt one.`,
      versions: captureRoles(input),
    };
  }
  return {
    headline: `The kubelet has the eviction signal ${signal} only from Kubernetes ${since} on: the eviction flags were written for a newer kubelet than the one that ran.`,
    versions: [...captureRoles(input), row("signalAddedIn", since, `first kubelet release with ${signal}`, "kubelet eviction signal table")],
  };
};

export const node12Diagnosers: Record<string, Diagnoser> = {
  "apiserver-admission-plugin-unknown": diagnoseAdmissionPlugin,
  "kubeadm-component-config-api-unsupported": diagnoseComponentConfigApi,
  "apiserver-service-account-issuer-required": diagnoseServiceAccountIssuer,
  "kubelet-dynamic-config-gate-off": diagnoseDynamicConfig,
  "etcdctl-command-removed": diagnoseEtcdctlCommand,
  "kubectl-auth-provider-removed": diagnoseAuthProvider,
  "go-k8s-module-build-mismatch": diagnoseGoModuleBuild,
  "kubelet-eviction-signal-unknown": diagnoseEvictionSignal,
  // Go before 1.21 prints the note without naming the module or the running Go.
  "go-toolchain-too-old-for-k8s": (input) =>
    /note:\s+module\s+requires\s+Go/.test(input.finding.match)
      ? { verdict: "warning", headline: `A module of the build requires Go ${input.capture("required") ?? ""}, newer than the toolchain that compiled it: the compile errors above come from an older Go.`, versions: captureRoles(input) }
      : {
          headline: input.capture("running")
            ? `${input.capture("module")} ${input.capture("moduleVersion")} requires Go ${input.capture("required")}, and the job runs Go ${input.capture("running")}: the CI image's Go is older than the Kubernetes modules it builds.`
            : `This Kubernetes checkout requires Go ${input.capture("required")} or newer, and the build image's Go is older.`,
          versions: captureRoles(input),
        },
  "containers-storage-option-unknown": diagnoseStorageOption,
  "client-go-aggregated-discovery-panic": diagnoseDiscoveryPanic,
  // etcd-manager logs its refusal at W and retries for ever: the control plane never comes up.
  "etcd-manager-etcd-version-not-bundled": (input) => ({
    verdict: "cause",
    headline: `This etcd-manager image does not bundle etcd ${input.capture("etcd") ?? ""}, the version the cluster records: the image and the cluster's etcd version come from different kOps releases.`,
    versions: captureRoles(input),
  }),
};
