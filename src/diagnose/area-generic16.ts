import type { VersionRole } from "../model.js";
import { captureRoles, type Diagnoser } from "./context.js";
import { REMOVED_APIS } from "./tables.js";

// Diagnosers for src/signatures/generic16.ts (the eleventh tuning session, area: generic).

// Source code, tests and notes that hold the runtime's message rather than a container start that hit it: crun's C
// (crun_make_error), youki's Rust (tracing::error!, format!), Go's fmt.Errorf, a comment, a list item or a condition. A
// bats test's "# " prefix is a run's output (containers/container-selinux#299), not a comment.
const CODE_OR_NOTE = /\b(?:crun_make_error|ERROR|tracing::\w+!|format!|bail!|fmt\.\w+|errors\.New|Errorf)\s*\(|\bstrstr\s*\(|%[sqv]|\{\d?\}|^\s*(?:\/\/|\/\*|<!--|[-*+>]\s)|\b(?:if|when|whether)\s+(?:the\s+)?(?:runtime|crun|spec|version)\b/;

/** The release of crun that accepts every 1.x ociVersion (containers/podman#27272; the check itself went in crun 1.16). */
const CRUN_FIXED = "1.14.3";

/**
 * oci-runtime-spec-version-unsupported. Each wording is a runtime's own check of the config.json's ociVersion, so a run
 * that prints it has an engine newer than its runtime: a cause. The message quoted in source code or a note is not a run.
 */
const diagnoseOciSpecVersion: Diagnoser = (input) => {
  const text = input.finding.text;
  if (CODE_OR_NOTE.test(text)) {
    return { verdict: "not-skew", headline: "An OCI runtime's spec-version check quoted in source code, a test or a note, not a container start that hit it.", versions: [] };
  }
  const spec = input.capture("spec");
  const supported = input.capture("supported");
  const runtime = input.capture("runtime");
  const versions = captureRoles(input);
  if (spec === undefined) {
    // crun's versionless refusal: the engine's ociVersion is not on the line, the fixed crun release is known.
    if (runtime === undefined || runtime === "crun") {
      versions.push({ name: "crunFixed", version: CRUN_FIXED, role: "first crun release that accepts runtime-spec 1.1 and 1.2", source: "containers/podman#27272" });
    }
    const who = runtime ?? "The OCI runtime (crun, by this wording)";
    return {
      verdict: "cause",
      headline: `${who} refused the container's config.json: its ociVersion (1.1 or 1.2, as Podman 5, CRI-O and containerd 1.7+ write) is newer than this runtime accepts. crun before ${CRUN_FIXED} only accepts 1.0.x: the runtime is older than the engine.`,
      versions,
      fixes: [
        `Upgrade crun to ${CRUN_FIXED} or later (or the runtime the engine ships with), and check which binary the engine runs: podman info --format '{{.Host.OCIRuntime.Path}}', the runtimes of daemon.json, or crio.conf's runtime_path. A runner image may keep an old /usr/bin/crun beside a newer one on PATH (actions/runner-images#14473).`,
        "Or pin the engine (Podman, CRI-O, containerd) back to a release whose runtime-spec the installed runtime accepts.",
      ],
    };
  }
  const accepts = supported ? `only accepts runtime-spec ${supported}` : "does not know that runtime-spec version";
  return {
    verdict: "cause",
    headline: `The OCI runtime ${accepts}, and the engine wrote the container's config.json at ociVersion ${spec}: the runtime is older than the engine that drives it.`,
    versions,
    fixes: [
      `Upgrade the runtime to a release that implements runtime-spec ${spec} (a current crun, runc, youki, runq or procd/ujail), or point the engine at the runtime it ships with.`,
      `Or pin the engine back to a release that writes ${supported ?? "a spec version the runtime knows"}.`,
    ],
  };
};

// The Python client's API classes, by the client majors that ship them (kubernetes-client/python's tags v1.0.0 … v36.0.3,
// kubernetes/client/api/*_api.py; majors 13-16 were never released, 12.x follows Kubernetes 1.16, 17.x and later 1.N).
const PYTHON_CLIENT_API_CLASSES: Record<string, number[][]> = {
  AdmissionregistrationV1Api: [[12, 36]],
  AdmissionregistrationV1alpha1Api: [[3, 9], [26, 36]],
  AdmissionregistrationV1beta1Api: [[5, 21], [28, 36]],
  ApiextensionsV1Api: [[12, 36]],
  ApiextensionsV1beta1Api: [[4, 21]],
  ApiregistrationV1Api: [[6, 36]],
  ApiregistrationV1beta1Api: [[3, 21]],
  AppsV1Api: [[5, 36]],
  AppsV1beta1Api: [[1, 17]],
  AppsV1beta2Api: [[4, 17]],
  AuditregistrationV1alpha1Api: [[9, 18]],
  AuthenticationV1Api: [[2, 36]],
  AuthenticationV1alpha1Api: [[26, 31]],
  AuthenticationV1beta1Api: [[1, 21], [27, 32]],
  AuthorizationV1Api: [[2, 36]],
  AuthorizationV1beta1Api: [[1, 21]],
  AutoscalingV1Api: [[1, 36]],
  AutoscalingV2Api: [[23, 36]],
  AutoscalingV2alpha1Api: [[2, 3]],
  AutoscalingV2beta1Api: [[4, 24]],
  AutoscalingV2beta2Api: [[8, 25]],
  BatchV1Api: [[1, 36]],
  BatchV1beta1Api: [[4, 24]],
  BatchV2alpha1Api: [[1, 20]],
  CertificatesV1Api: [[19, 36]],
  CertificatesV1alpha1Api: [[1, 1], [27, 36]],
  CertificatesV1beta1Api: [[2, 21], [33, 36]],
  CoordinationV1Api: [[10, 36]],
  CoordinationV1alpha1Api: [[31, 31]],
  CoordinationV1alpha2Api: [[32, 36]],
  CoordinationV1beta1Api: [[8, 21], [33, 36]],
  CoreV1Api: [[1, 36]],
  DiscoveryV1Api: [[21, 36]],
  DiscoveryV1alpha1Api: [[12, 12]],
  DiscoveryV1beta1Api: [[17, 24]],
  EventsV1Api: [[19, 36]],
  EventsV1beta1Api: [[5, 24]],
  ExtensionsV1beta1Api: [[1, 21]],
  FlowcontrolApiserverV1Api: [[29, 36]],
  FlowcontrolApiserverV1alpha1Api: [[17, 20]],
  FlowcontrolApiserverV1beta1Api: [[20, 25]],
  FlowcontrolApiserverV1beta2Api: [[23, 28]],
  FlowcontrolApiserverV1beta3Api: [[26, 31]],
  InternalApiserverV1alpha1Api: [[20, 36]],
  NetworkingV1Api: [[3, 36]],
  NetworkingV1alpha1Api: [[25, 30]],
  NetworkingV1beta1Api: [[10, 21], [31, 36]],
  NodeV1Api: [[20, 36]],
  NodeV1alpha1Api: [[10, 23]],
  NodeV1beta1Api: [[10, 24]],
  PolicyV1Api: [[21, 36]],
  PolicyV1beta1Api: [[1, 24]],
  RbacAuthorizationV1Api: [[4, 36]],
  RbacAuthorizationV1alpha1Api: [[1, 22]],
  RbacAuthorizationV1beta1Api: [[2, 21]],
  ResourceV1Api: [[34, 36]],
  ResourceV1alpha1Api: [[26, 26]],
  ResourceV1alpha2Api: [[27, 30]],
  ResourceV1alpha3Api: [[31, 36]],
  ResourceV1beta1Api: [[32, 36]],
  ResourceV1beta2Api: [[33, 36]],
  SchedulingV1Api: [[10, 36]],
  SchedulingV1alpha1Api: [[4, 22], [35, 35]],
  SchedulingV1alpha2Api: [[36, 36]],
  SchedulingV1beta1Api: [[7, 21]],
  SettingsV1alpha1Api: [[2, 19]],
  StorageV1Api: [[2, 36]],
  StorageV1alpha1Api: [[5, 23], [29, 34]],
  StorageV1beta1Api: [[1, 26], [31, 36]],
  StoragemigrationV1alpha1Api: [[30, 34]],
  StoragemigrationV1beta1Api: [[35, 36]],
};
const PYTHON_CLIENT_NEWEST = 36;
const API_CLASS = /\b(?:has\s+no\s+attribute|cannot\s+import\s+name)\s+\\?'([A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'/;

// The API group of a class's leading words (CamelCase of the group's name, as the client generator writes it).
const CLASS_GROUPS: Record<string, string> = {
  Core: "", Apps: "apps", Batch: "batch", Extensions: "extensions", Policy: "policy", Autoscaling: "autoscaling",
  Networking: "networking.k8s.io", RbacAuthorization: "rbac.authorization.k8s.io", Apiextensions: "apiextensions.k8s.io",
  Apiregistration: "apiregistration.k8s.io", Admissionregistration: "admissionregistration.k8s.io", Storage: "storage.k8s.io",
  Scheduling: "scheduling.k8s.io", Coordination: "coordination.k8s.io", Discovery: "discovery.k8s.io", Events: "events.k8s.io",
  Node: "node.k8s.io", FlowcontrolApiserver: "flowcontrol.apiserver.k8s.io", Certificates: "certificates.k8s.io",
  Authentication: "authentication.k8s.io", Authorization: "authorization.k8s.io", Resource: "resource.k8s.io",
  Settings: "settings.k8s.io", Auditregistration: "auditregistration.k8s.io", Storagemigration: "storagemigration.k8s.io",
  InternalApiserver: "internal.apiserver.k8s.io",
};

/** The client majors as release names: 12 → "12.x", and the Kubernetes minor each follows. */
function clientRelease(major: number): string {
  return `${major}.x (Kubernetes ${major === 12 ? "1.16" : major >= 17 ? `1.${major}` : `1.${major + 4}`})`;
}

/**
 * python-client-api-class-missing. The class table says which client releases have the class: one the newest client
 * lacks was removed with its API version (the client is newer than the code: a cause); one the newest client has is
 * missing only from old clients (or a stale install, user-cont/conu#240: a warning); one no release ever had is a typo.
 */
const diagnosePythonApiClass: Diagnoser = (input) => {
  const text = input.finding.text;
  if (CODE_OR_NOTE.test(text)) return { verdict: "not-skew", headline: "The client's AttributeError quoted in code or a note, not a run that raised it.", versions: [] };
  // A class name of 16+ letters and digits reads as base64 to the redactor, which masks the capture alone
  // ("ExtensionsV1beta1Api"): the line itself keeps it.
  const apiClass = API_CLASS.exec(text)?.[1] ?? input.capture("apiClass") ?? "";
  const ranges = PYTHON_CLIENT_API_CLASSES[apiClass];
  if (!ranges || ranges.length === 0) {
    return { verdict: "not-skew", headline: `No release of the Python kubernetes client has a class ${apiClass}: a misspelt class name, not a version skew.`, versions: [] };
  }
  const m = /^([A-Z][A-Za-z]*?)(V\d+(?:(?:alpha|beta)\d+)?)Api$/.exec(apiClass);
  const group = m ? CLASS_GROUPS[m[1]!] : undefined;
  const gv = m && group !== undefined ? (group === "" ? m[2]!.toLowerCase() : `${group}/${m[2]!.toLowerCase()}`) : undefined;
  const removed = gv ? REMOVED_APIS[gv] : undefined;
  const first = ranges[0]![0]!;
  const last = ranges[ranges.length - 1]![1]!;
  const span = ranges.map(([a, b]) => (a === b ? `${a}.x` : `${a}.x–${b}.x`)).join(", ");
  const versions: VersionRole[] = [];
  const source = "Python client class table (kubernetes-client/python tags)";
  if (last < PYTHON_CLIENT_NEWEST) {
    versions.push({ name: "lastClient", version: `${last}`, role: `last Python client major with ${apiClass}`, source });
    if (removed) versions.push({ name: "removedIn", version: removed.removedIn, role: `Kubernetes release that stopped serving ${gv}`, source: "removal table" });
    return {
      verdict: "cause",
      headline: `The installed kubernetes Python package is newer than the code: ${apiClass}${gv ? ` (${gv})` : ""} is only in client releases ${span}${removed ? `, and went when Kubernetes ${removed.removedIn} stopped serving ${gv}` : ""}. The code was written for an older Kubernetes API than the client it now runs with.`,
      versions,
      fixes: [
        removed ? `Move the code to ${removed.replacement} (the client's class for it), then unpin.` : `Move the code to the API version that replaced ${gv ?? apiClass}.`,
        `Meanwhile pin the client below its removal: pip install 'kubernetes<${last + 1}' (${clientRelease(last)} is the last with the class).`,
      ],
    };
  }
  // A class that went with its API version and came back with new kinds (networking.k8s.io/v1beta1 in Kubernetes 1.31):
  // the releases between lack it, and a client among them is newer than the code.
  const gaps = ranges.slice(1).map(([a], i) => [ranges[i]![1]! + 1, a! - 1] as const).map(([a, b]) => [a === 13 ? 17 : a, b] as const).filter(([a, b]) => a <= b);
  if (removed && gaps.length > 0) {
    const gapText = gaps.map(([a, b]) => (a === b ? `${a}.x` : `${a}.x–${b}.x`)).join(", ");
    versions.push({ name: "lastClient", version: `${gaps[0]![0] === 17 ? 12 : gaps[0]![0] - 1}`, role: `last Python client major with ${apiClass} before Kubernetes ${removed.removedIn} removed ${gv}`, source });
    versions.push({ name: "removedIn", version: removed.removedIn, role: `Kubernetes release that stopped serving ${gv}`, source: "removal table" });
    return {
      verdict: "cause",
      headline: `${apiClass} (${gv}) is missing from Python client releases ${gapText}: Kubernetes ${removed.removedIn} stopped serving ${gv}, and the clients that follow it dropped the class until a later release brought the group/version back for other kinds (client releases with it: ${span}). The installed client is newer than the code, which was written for the old ${gv} API.`,
      versions,
      fixes: [`Move the code to ${removed.replacement} (the client's class for it).`, `Or pin the client to the last release with the class before the removal (pip install 'kubernetes<${gaps[0]![0]}').`],
    };
  }
  versions.push({ name: "firstClient", version: `${first}`, role: `first Python client major with ${apiClass}`, source });
  return {
    verdict: "warning",
    headline: `${apiClass}${gv ? ` (${gv})` : ""} is in every Python client release since ${clientRelease(first)}${ranges.length > 1 ? ` (${span})` : ""}: the installed kubernetes package is older than the code expects, or the environment runs another installation than the one upgraded.`,
    versions,
    fixes: [
      `Check which kubernetes package the failing interpreter imports (python -c 'import kubernetes; print(kubernetes.__version__, kubernetes.__file__)') and upgrade it to ${first}.0 or later.`,
    ],
  };
};

export const generic16Diagnosers: Record<string, Diagnoser> = {
  "oci-runtime-spec-version-unsupported": diagnoseOciSpecVersion,
  "python-client-api-class-missing": diagnosePythonApiClass,
};
