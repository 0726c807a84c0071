import type { VersionRole } from "../model.js";
import { captureRoles, type Diagnoser, type DiagnoseInput } from "./context.js";
import { lineLevel } from "./area-generic.js";
import { diagnoseNoKindMatch } from "./skew.js";
import { BUILTIN_GROUPS, KIND_API_VERSIONS, KIND_GROUPS, REMOVED_APIS } from "./tables.js";
import { CRD_FIELD_SINCE, CRD_VERSION_FIELD_SINCE, EARLY_REMOVED_APIS, KUBECTL_COMMANDS, KUBECTL_FLAGS } from "./tables-client.js";
import { minorDelta, parseKubeVersion } from "./versions.js";

const tableRow = (name: string, version: string, role: string, table: string): VersionRole => ({ name, version, role, source: `${table} (built in)` });

/** When (if ever) a release stopped or started serving group/version for kind, from the removal and kind tables. */
function lifecycle(group: string, version: string, kind: string): { removedIn?: string; since?: string; replacement?: string } | undefined {
  const removed = REMOVED_APIS[group ? `${group}/${version}` : version];
  const row = KIND_API_VERSIONS[kind];
  const own = row && row.group === group ? row.versions[version] : undefined;
  if (!removed && !own) return undefined;
  return { ...(own ?? {}), ...(removed ? { removedIn: own?.removedIn ?? removed.removedIn, replacement: removed.replacement } : {}) };
}

/** A kind that some built-in group serves, asked for in a built-in group that never served it (a manifest typo). */
function neverServed(group: string, kind: string): boolean {
  const groups = KIND_GROUPS[kind];
  return BUILTIN_GROUPS.has(group) && groups !== undefined && !groups.includes(group);
}

const API_VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

const diagnoseArgoSync: Diagnoser = (input) => {
  const version = input.capture("apiVersion");
  const group = input.capture("group") ?? "";
  const kind = input.capture("kind") ?? "";
  const served = input.capture("served");
  if (version === undefined) {
    return {
      verdict: "warning",
      headline: `Argo CD could not sync ${kind ? `a ${kind}` : "a resource"}: the cluster serves no such resource type at the manifest's API version, which a Kubernetes upgrade that removed the version causes, and so does a CRD that is not installed.`,
      reasoning: ["The line does not say which API version was asked for; `kubectl api-resources` on the destination cluster shows which versions it serves."],
    };
  }
  const gv = group ? `${group}/${version}` : version;
  const versions = captureRoles(input);
  if (BUILTIN_GROUPS.has(group)) {
    const life = lifecycle(group, version, kind);
    if (life?.removedIn) {
      versions.push(tableRow("removedIn", life.removedIn, `release that stopped serving ${gv} ${kind}`, "removal table"));
      return {
        headline: `${kind} ${gv} was removed in Kubernetes ${life.removedIn}; the destination cluster serves ${served ?? "another version"}: the manifests target an older Kubernetes than the cluster.`,
        versions,
        fixes: [`Move the manifests to ${group ? `${group}/` : ""}${served ?? life.replacement ?? "the served version"}, then invalidate Argo CD's cluster cache if the old version is still reported.`],
      };
    }
    if (life?.since) {
      versions.push(tableRow("since", life.since, `first release that serves ${gv} ${kind}`, "kind version table"));
      return { headline: `${kind} ${gv} is served from Kubernetes ${life.since} on; the destination cluster is older and serves ${served ?? "another version"}.`, versions };
    }
    if (group === "" || neverServed(group, kind) || !API_VERSION.test(version)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: no Kubernetes release serves ${kind} at ${gv}; the manifest's apiVersion is wrong (the cluster serves ${served ?? "another version"}).`,
        versions,
      };
    }
    return { headline: `The destination cluster serves ${kind} at ${served ?? "another version"}, not ${gv}: the manifests and the cluster's Kubernetes release differ.`, versions };
  }
  if (served && API_VERSION.test(version) && API_VERSION.test(served)) {
    return {
      headline: `The ${kind} CRD on the destination cluster serves ${group}/${served}, and the manifest asks for ${gv}: the operator that owns ${group} was upgraded past (or is older than) the version the manifests use.`,
      versions,
      fixes: [`Move the manifests to ${group}/${served}, or install the operator release whose CRD still serves ${version}.`],
    };
  }
  return { verdict: "warning", headline: `The destination cluster does not serve ${kind} at ${gv}.`, versions };
};

const diagnosePulumiRemoved: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "";
  const kind = input.capture("kind") ?? "";
  const slash = apiVersion.lastIndexOf("/");
  const life = lifecycle(slash >= 0 ? apiVersion.slice(0, slash) : "", apiVersion.slice(slash + 1), kind);
  const versions = captureRoles(input);
  if (life?.removedIn) versions.push(tableRow("removedIn", life.removedIn, `release that stopped serving ${apiVersion} ${kind}`, "removal table"));
  const server = input.capture("server");
  return {
    headline: `${kind} ${apiVersion} is not served by ${server ? `Kubernetes ${server}` : "the cluster's Kubernetes"}${life?.removedIn ? ` (removed in ${life.removedIn})` : ""}: the Pulumi program targets an older Kubernetes than the cluster.`,
    versions,
    ...(life?.replacement ? { fixes: [`Move the resource to ${life.replacement}.`] } : {}),
  };
};

const diagnoseCrdField: Diagnoser = (input) => {
  const name = input.capture("name") ?? "";
  const since = CRD_FIELD_SINCE[name]?.since ?? CRD_VERSION_FIELD_SINCE[name];
  const note = CRD_FIELD_SINCE[name]?.note;
  const versions = captureRoles(input);
  if (since) versions.push(tableRow("since", since, `first Kubernetes that accepts the CRD field ${name}`, "CRD field table"));
  const dropped = /\bWarning\s*:/i.test(input.finding.text);
  return {
    ...(dropped ? { verdict: "warning" as const } : {}),
    headline: `The CRD uses ${name}, which Kubernetes accepts from ${since ?? "a later release"} on${note ? ` (${note})` : ""}: the cluster is older than the CRDs were generated for.${dropped ? " The API server dropped the field and installed the CRD without it." : ""}`,
    versions,
  };
};

const diagnoseHelmRemovedApi: Diagnoser = (input: DiagnoseInput) => {
  const apiVersion = input.capture("apiVersion");
  const kind = input.capture("kind");
  const base = {
    fixes: input.signature.fixes,
    references: input.signature.references ?? [],
  };
  if (!apiVersion || !kind) {
    return { headline: "helm could not rebuild the release as last deployed: its stored manifest uses an API version this Kubernetes no longer serves.", ...base };
  }
  const group = apiVersion.slice(0, apiVersion.lastIndexOf("/"));
  if (neverServed(group, kind)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: no Kubernetes release serves ${kind} in ${group}; the release was deployed from a chart with a wrong apiVersion (helm words every such failure as a removed API).`,
      versions: captureRoles(input),
    };
  }
  const part = diagnoseNoKindMatch(input);
  return { ...part, headline: `The release as last deployed holds ${kind} ${apiVersion}: ${part.headline}`, ...base };
};

const diagnoseTiller: Diagnoser = (input) => {
  const client = input.capture("client");
  const server = input.capture("server");
  if (!client || !server) return { headline: "The helm client and Tiller in the cluster are different helm 2 releases, which Tiller refuses." };
  const c = parseKubeVersion(client);
  const s = parseKubeVersion(server);
  const d = c && s ? minorDelta(c, s) : undefined;
  return {
    headline: `helm ${client} and Tiller ${server} are different releases${d ? ` (${Math.abs(d)} minor${Math.abs(d) === 1 ? "" : "s"} apart)` : ""}: Tiller only serves clients of its own minor.`,
    versions: captureRoles(input),
  };
};

const diagnoseChartTiller: Diagnoser = (input) => {
  const tiller = input.capture("tiller") ?? "";
  // A pre-release Tiller (v2.11.0-rc.2) fails any range without a pre-release part, the kubeVersion quirk again.
  if (/^v?\d+\.\d+\.\d+-/.test(tiller)) {
    return {
      verdict: "warning",
      headline: `Not a version skew: Tiller ${tiller} is a pre-release, which helm's semver leaves out of the chart's tillerVersion range even when its release is new enough.`,
      versions: captureRoles(input),
      fixes: ["Run a released Tiller (helm init --upgrade with a stable helm), or a chart whose tillerVersion has a -0 pre-release part."],
      references: ["https://github.com/helm/charts/issues/8058"],
    };
  }
  return { headline: `The chart requires a newer Tiller than the cluster's ${tiller}.`, versions: captureRoles(input) };
};

const diagnoseBuiltinNotServed: Diagnoser = (input) => {
  const served = input.capture("servedResource");
  const requested = input.capture("apiVersion");
  if (requested) {
    const slash = requested.lastIndexOf("/");
    const removed = removedApi(requested.slice(0, slash), requested.slice(slash + 1));
    const collection = input.capture("collection") ?? "resources";
    const versions = captureRoles(input);
    if (!removed) {
      return {
        verdict: "warning",
        headline: `The cluster does not serve ${collection} at ${requested}: the client and the cluster are from Kubernetes releases that share no version of this API.`,
        versions,
      };
    }
    versions.push(tableRow("removedIn", removed.removedIn, `release that stopped serving ${requested}`, "removal table"));
    return {
      headline: `The client requests ${collection} at ${requested}, which Kubernetes stopped serving in ${removed.removedIn}: it was written for an older Kubernetes than the cluster runs.`,
      versions,
      fixes: [`Move the client to ${removed.replacement}.`],
    };
  }
  if (!served) return { headline: `${input.signature.title}: ${input.signature.meaning}` };
  return {
    verdict: "warning",
    headline: `The cluster serves ${served} at no version the client asks for: the client (or its manifest) and the cluster are from Kubernetes releases that share no version of this API.`,
    versions: captureRoles(input),
    reasoning: ["The line names the resource and group, not the version: kubectl api-resources on the cluster shows the versions it serves."],
  };
};

/** A removed group/version: the shared removal table, and the workload betas that went in 1.16 (EARLY_REMOVED_APIS). */
function removedApi(group: string, version: string): { removedIn: string; replacement: string } | undefined {
  const gv = group ? `${group}/${version}` : version;
  return REMOVED_APIS[gv] ?? EARLY_REMOVED_APIS[gv];
}

/** The group/version of the Terraform kubernetes provider's unversioned resources (the _v1 ones use the GA APIs). */
const TERRAFORM_BETA_RESOURCES: Record<string, string> = {
  cron_job: "batch/v1beta1",
  ingress: "networking.k8s.io/v1beta1",
  pod_disruption_budget: "policy/v1beta1",
  pod_security_policy: "policy/v1beta1",
  // Provider 2.x: kubernetes_csi_driver is storage.k8s.io/v1beta1 (DrFaust92/terraform-kubernetes-ebs-csi-driver#79 on 1.22),
  // kubernetes_certificate_signing_request certificates.k8s.io/v1beta1 (both have _v1 resources).
  csi_driver: "storage.k8s.io/v1beta1",
  certificate_signing_request: "certificates.k8s.io/v1beta1",
};

/** A built-in group from a generated client's API class name part ("RbacAuthorization" → rbac.authorization.k8s.io). */
function groupOfClass(name: string): string | undefined {
  const flat = name.replace(/_/g, "").toLowerCase();
  return [...BUILTIN_GROUPS].find((g) => g !== "" && g.replace(/\.k8s\.io$/, "").replace(/\./g, "") === flat);
}

/**
 * Removed group/versions a line names: as written (extensions/v1beta1, also inside a request path), as a reflector's
 * *v1beta1.CronJob, or as a generated client's API class (ExtensionsV1beta1Api, extensions_v1beta1_api.py).
 */
export function removedApisNamed(text: string): { apiVersion: string; removedIn: string; replacement: string }[] {
  const found = new Map<string, { removedIn: string; replacement: string }>();
  const add = (group: string, version: string) => {
    const removed = removedApi(group, version);
    if (removed) found.set(group ? `${group}/${version}` : version, removed);
  };
  for (const m of text.matchAll(/(?<![\w.-])([a-z][a-z0-9.-]{1,60})\/(v\d+(?:alpha|beta)\d+)(?![\w])/g)) add(m[1] ?? "", m[2] ?? "");
  for (const m of text.matchAll(/\*(v\d+(?:alpha|beta)\d+)\.([A-Z]\w{1,60})/g)) {
    const row = KIND_API_VERSIONS[m[2] ?? ""];
    if (row?.versions[m[1] ?? ""]?.removedIn) add(row.group, m[1] ?? "");
  }
  for (const m of text.matchAll(/\b([A-Z][a-z]+(?:[A-Z][a-z]+){0,2})V(\d+(?:alpha|beta)\d+)Api\b|\b([a-z]+(?:_[a-z]+){0,2})_v(\d+(?:alpha|beta)\d+)_api\b/g)) {
    const group = groupOfClass(m[1] ?? m[3] ?? "");
    if (group) add(group, `v${m[2] ?? m[4] ?? ""}`);
  }
  // Terraform kubernetes provider resources without a _v1 suffix are bound to the beta APIs (provider 2.x).
  for (const m of text.matchAll(/\bkubernetes_(cron_job|ingress|pod_disruption_budget|pod_security_policy|csi_driver|certificate_signing_request)(?![\w])/g)) {
    const gv = TERRAFORM_BETA_RESOURCES[m[1] ?? ""];
    if (gv) add(gv.slice(0, gv.lastIndexOf("/")), gv.slice(gv.lastIndexOf("/") + 1));
  }
  return [...found].map(([apiVersion, removed]) => ({ apiVersion, ...removed }));
}

/**
 * Built-in resource types by the release that added them to a default cluster or removed them altogether, for
 * kubectl's "the server doesn't have a resource type": the deprecation guide and each type's first served beta or GA
 * version (CHANGELOG-1.N; ValidatingAdmissionPolicy and FlowSchema served earlier only when enabled).
 */
const RESOURCE_TYPES: Record<string, { kind: string; removedIn?: string; since?: string; gv: string; alphaFrom?: string }> = {
  podsecuritypolicies: { kind: "PodSecurityPolicy", removedIn: "1.25", gv: "policy/v1beta1" },
  psp: { kind: "PodSecurityPolicy", removedIn: "1.25", gv: "policy/v1beta1" },
  cronjobs: { kind: "CronJob", since: "1.8", gv: "batch/v1beta1", alphaFrom: "1.5" },
  priorityclasses: { kind: "PriorityClass", since: "1.11", gv: "scheduling.k8s.io/v1beta1" },
  leases: { kind: "Lease", since: "1.12", gv: "coordination.k8s.io/v1beta1" },
  runtimeclasses: { kind: "RuntimeClass", since: "1.14", gv: "node.k8s.io/v1beta1", alphaFrom: "1.12" },
  csidrivers: { kind: "CSIDriver", since: "1.14", gv: "storage.k8s.io/v1beta1" },
  csinodes: { kind: "CSINode", since: "1.14", gv: "storage.k8s.io/v1beta1" },
  endpointslices: { kind: "EndpointSlice", since: "1.17", gv: "discovery.k8s.io/v1beta1", alphaFrom: "1.16" },
  ingressclasses: { kind: "IngressClass", since: "1.18", gv: "networking.k8s.io/v1beta1" },
  flowschemas: { kind: "FlowSchema", since: "1.20", gv: "flowcontrol.apiserver.k8s.io/v1beta1", alphaFrom: "1.18" },
  prioritylevelconfigurations: { kind: "PriorityLevelConfiguration", since: "1.20", gv: "flowcontrol.apiserver.k8s.io/v1beta1", alphaFrom: "1.18" },
  csistoragecapacities: { kind: "CSIStorageCapacity", since: "1.21", gv: "storage.k8s.io/v1beta1", alphaFrom: "1.19" },
  validatingadmissionpolicies: { kind: "ValidatingAdmissionPolicy", since: "1.30", gv: "admissionregistration.k8s.io/v1", alphaFrom: "1.26" },
  validatingadmissionpolicybindings: { kind: "ValidatingAdmissionPolicyBinding", since: "1.30", gv: "admissionregistration.k8s.io/v1", alphaFrom: "1.26" },
};

/** "the server doesn't have a resource type": a built-in type this cluster's release lacks, or a CRD / typo (dismissed). */
function resourceTypeDiagnosis(input: Parameters<Diagnoser>[0], type: string): ReturnType<Diagnoser> {
  const row = RESOURCE_TYPES[type];
  if (!row) {
    return {
      verdict: "not-skew",
      headline: `The cluster has no resource type "${type}": no Kubernetes release this table knows added or removed it, so a CRD that is not installed (or not established yet) or a misspelt name is the likely reason.`,
    };
  }
  if (row.removedIn) {
    return {
      verdict: "cause",
      headline: `The cluster has no ${row.kind} at any version: Kubernetes ${row.removedIn} removed ${row.gv}, its last; the script or chart was written for an older Kubernetes than the cluster.`,
      versions: [tableRow("removedIn", row.removedIn, `release that removed ${row.kind} (${row.gv})`, "resource type table"), tableRow("apiVersion", row.gv, `last group/version that served ${row.kind}`, "resource type table")],
      fixes: [row.kind === "PodSecurityPolicy" ? "Drop the PodSecurityPolicy steps; use Pod Security Admission (namespace labels) instead." : "Drop the step for the removed type, or use its replacement."],
    };
  }
  // Before that release an alpha version could be enabled (batch/v2alpha1 CronJob in 1.5–1.7, kubernetes/kubernetes#49326):
  // on such a cluster the type is missing because an alpha API is not enabled, which the line cannot tell from an older
  // cluster. Without such an alpha, a warning.
  if (row.alphaFrom) {
    return {
      verdict: "not-skew",
      headline: `The cluster has no ${row.kind}: Kubernetes serves it by default from ${row.since} on, and from ${row.alphaFrom} only with an alpha (or off-by-default beta) API enabled, so an older cluster and an API left disabled read the same.`,
    };
  }
  return {
    verdict: "warning",
    headline: `The cluster has no ${row.kind} at any version: Kubernetes serves ${row.kind} from ${row.since} on (${row.gv}), so the cluster is older than the script or kubectl expects.`,
    versions: [tableRow("since", row.since!, `first release that serves ${row.kind} by default`, "resource type table"), tableRow("apiVersion", row.gv, `first group/version that served ${row.kind}`, "resource type table")],
    fixes: [`Run the job against Kubernetes ${row.since} or newer, or skip the ${row.kind} step on older clusters.`],
  };
}

/**
 * Built-in APIs that a line may name only by what the client was doing (a SubjectAccessReview, a leader-election
 * record, a webhook configuration), with the beta version Kubernetes removed: each is a built-in type that every
 * release serves at some version, so a 404 for the whole type says the client and the cluster disagree on which.
 */
const BUILTIN_WORK: { words: RegExp; apiVersion: string; removedIn: string; replacement: string }[] = [
  { words: /\bSubjectAccessReviews?\b|\bwebhook\s+authori[sz]er\b/i, apiVersion: "authorization.k8s.io/v1beta1", removedIn: "1.22", replacement: "authorization.k8s.io/v1 (served since 1.6)" },
  { words: /\bTokenReviews?\b|\bwebhook\s+(?:token\s+)?authenticator\b/i, apiVersion: "authentication.k8s.io/v1beta1", removedIn: "1.22", replacement: "authentication.k8s.io/v1 (served since 1.6)" },
  { words: /\bleader[\s-]?election\b|\bleases?\b.{0,40}\block\b/i, apiVersion: "coordination.k8s.io/v1beta1", removedIn: "1.22", replacement: "coordination.k8s.io/v1 Leases (served since 1.14)" },
  { words: /\b(?:validating|mutating)\s*webhook|\b(?:register|registering|get|getting|patch|patching|creat(?:e|ing))\s+(?:the\s+)?webhook\b/i, apiVersion: "admissionregistration.k8s.io/v1beta1", removedIn: "1.22", replacement: "admissionregistration.k8s.io/v1 (served since 1.16)" },
  { words: /\bpod\s*disruption\s*budget/i, apiVersion: "policy/v1beta1", removedIn: "1.25", replacement: "policy/v1 (served since 1.21)" },
  { words: /\bpriority\s*class/i, apiVersion: "scheduling.k8s.io/v1beta1", removedIn: "1.22", replacement: "scheduling.k8s.io/v1 (served since 1.14)" },
];

// What makes a bare 404 someone else's: a custom or aggregated group named (its CRD or APIService is not
// installed), one object's 404 ("scaler/podinfo not found: …"), a Status body or JSON field quoted on its own,
// and kubectl's client-side validation, which fetches the OpenAPI document rather than a resource type.
const NOT_A_TYPE_404 = [
  /\*v\d+(?:alpha|beta)?\d*\.(?!(?:Ingress|IngressClass|CronJob|PodDisruptionBudget|PodSecurityPolicy|HorizontalPodAutoscaler|EndpointSlice|CSIDriver|CSINode|CSIStorageCapacity|StorageClass|VolumeAttachment|RuntimeClass|PriorityClass|FlowSchema|PriorityLevelConfiguration|Lease|Event|CustomResourceDefinition|MutatingWebhookConfiguration|ValidatingWebhookConfiguration|CertificateSigningRequest|NetworkPolicy|Deployment|DaemonSet|ReplicaSet|StatefulSet)\b)[A-Z]/,
  /\b(?:error\s+)?restoring\s+[a-z0-9-]+(?:\.[a-z0-9-]+){2,}/,
  // A reflector of the unversioned internal types (*api.Node, pre-1.3 add-ons): it names no version to compare.
  /\*api\.[A-Z]/,
  /\bnot\s+found\s*:\s*the\s+server\s+could\s+not/i,
  /"message"\s*:\s*\\?"the\s+server\s+could\s+not/i,
  /\berror\s+validating\s+data\s*:/i,
  // A client that retries has not failed yet.
  /\bRetrying\b/i,
  // A core-group resource ("(post namespaces)"): every API server serves it, so the client reached something else
  // (hashicorp/terraform-provider-kubernetes#894, #790), as with a manifest file's own 404 or a conversion webhook's.
  /requested\s+resource\s*\(\s*(?:get|list|watch|post|patch|put|delete)\s+[a-z0-9]+(?:\s[^)]*)?\)/,
  /\.ya?ml\\?"?\s*(?:\(string\))?\s*:\s*the\s+server\s+could\s+not/i,
  /\bconversion\s+webhook\b/i,
];
/** A group/version or a "(get <resource>.<group>)" suffix naming a group that is not built into Kubernetes. */
function namesCustomGroup(text: string): boolean {
  const groups = [
    ...[...text.matchAll(/(?<![\w./-])([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)\/v\d+(?:alpha|beta)?\d*\b/g)].map((m) => m[1] ?? ""),
    ...[...text.matchAll(/\(\s*(?:get|list|watch|post|patch|put|delete)\s+[a-z0-9]+\.([a-z0-9-]+(?:\.[a-z0-9-]+)+)/g)].map((m) => m[1] ?? ""),
  ];
  return groups.some((g) => !BUILTIN_GROUPS.has(g));
}

// A failure marker: the 404 ended what the client was doing rather than being logged by a probe that goes on.
const FAILED_404 = /(?:^|[\s\]>|])(?:E|F)\d{4}\s|\b(?:ERRO|FATA|ERROR|FATAL|[Ee]rror)\b|\blevel=(?:error|fatal)\b|"level"\s*:\s*"(?:error|fatal)"|\b[Ee]rror(?:\s+from\s+server)?\s*[:(]|\bfail(?:ed|ure|s)?\b|💥|✘/;

/**
 * The API server's bare 404 for a whole resource type, with no removed group/version named on the line or around
 * it. A CRD or aggregated API that is not installed reads the same, so this is a warning at most, and none where
 * the line names a custom group or one object; where the line names what the client was doing with a built-in API
 * whose beta Kubernetes removed, the warning names that API.
 */
function unnamedResourceTypeNotServed(text: string, gaResourceNearby: boolean, failedLevel: boolean): ReturnType<Diagnoser> {
  const dismissed = {
    verdict: "not-skew" as const,
    headline: "A 404 for a resource type, with no removed API version named on the line or around it: a CRD or aggregated API that is not installed is as likely as a version skew.",
  };
  if (gaResourceNearby || namesCustomGroup(text) || NOT_A_TYPE_404.some((re) => re.test(text)) || !(failedLevel || FAILED_404.test(text))) return dismissed;
  const work = BUILTIN_WORK.find((w) => w.words.test(text));
  const advice = "Compare the API versions the cluster serves (kubectl api-versions) with the one the client requests (run it with -v=6 to see the request path), and check the client's release notes for the Kubernetes versions it supports.";
  if (work) {
    return {
      verdict: "warning",
      headline: `The API server does not serve the resource type the client asked for, a built-in one (${work.apiVersion.split("/")[0]}): the client and the cluster disagree on its API version, as when a client still on ${work.apiVersion} meets Kubernetes ${work.removedIn} or newer, or a client built for ${work.replacement.replace(/ \(.*$/, "")} meets an older cluster.`,
      versions: [
        { name: "apiVersion", version: work.apiVersion, role: "beta API version Kubernetes removed (the likelier one the client asks for)", source: "removal table" },
        { name: "removedIn", version: work.removedIn, role: `release that stopped serving ${work.apiVersion}`, source: "removal table" },
      ],
      reasoning: [advice],
      causes: [
        `A controller, operator or script built with a client that still uses ${work.apiVersion}, running on a cluster upgraded to ${work.removedIn} or newer.`,
        `A client newer than the cluster: it uses ${work.replacement}, which an older cluster does not serve.`,
      ],
      fixes: [`Upgrade the client (or the operator image) to a release built for the cluster's Kubernetes version, which uses ${work.replacement}.`],
    };
  }
  return {
    verdict: "warning",
    headline: "The API server answered 404 for a whole resource type, not for one object: the client asks for a group/version this cluster does not serve. A client, CLI or operator built for another Kubernetes release (an API removed by an upgrade, or one the cluster is too old to have) is the usual cause; a CRD or aggregated API that is not installed reads the same.",
    versions: [],
    reasoning: [advice],
    causes: [
      "A client, CLI or operator older than the cluster, still using a beta API version that the cluster's release removed (extensions/v1beta1, batch/v1beta1, policy/v1beta1, …).",
      "A client newer than the cluster, using an API version the cluster's release does not serve yet.",
      "The CRDs or the aggregated API server the client expects are not installed, or are of another release than the client.",
    ],
    fixes: ["Use the client release built for the cluster's Kubernetes version (or upgrade the cluster into the client's supported range), and install the CRDs of the client's own release."],
  };
}

const diagnoseNotFoundNearRemoved: Diagnoser = (input) => {
  const { finding } = input;
  const veleroCrd = input.capture("veleroCrd");
  if (veleroCrd) {
    return {
      verdict: "cause",
      headline: `Velero reads the CRD ${veleroCrd} through apiextensions.k8s.io/v1beta1, which Kubernetes stopped serving in 1.22: the Velero release is older than the cluster.`,
      versions: [tableRow("apiVersion", "apiextensions.k8s.io/v1beta1", "API group/version Velero fetches the CRD at", "Velero's CRD backup action"), tableRow("removedIn", "1.22", "release that stopped serving apiextensions.k8s.io/v1beta1", "removal table")],
      fixes: ["Upgrade Velero to a release that supports the cluster's Kubernetes version (its compatibility matrix)."],
      references: ["https://github.com/vmware-tanzu/velero#velero-compatibility-matrix"],
    };
  }
  const type = input.capture("resourceType");
  if (type) return resourceTypeDiagnosis(input, type);
  // A discovery probe: kubent and kubectl's memcache ask for every group/version they know and log the ones a newer
  // cluster no longer serves, then go on (doitintl/kube-no-trouble#544 on 1.25): nothing failed.
  if (/\b(?:failed\s+to\s+discover\s+supported\s+resources\s+for|couldn.t\s+get\s+resource\s+list\s+for)\s+[\w.-]+\/v\w+\s*:/.test(finding.text)) {
    return {
      verdict: "not-skew",
      headline: "A discovery probe found a group/version the cluster does not serve and went on: tools that scan for old APIs log this by design, and nothing failed.",
    };
  }
  const crdFile = input.capture("crdFile");
  if (crdFile) {
    return {
      verdict: "warning",
      headline: `Applying ${crdFile} met a 404 for the whole resource type: the cluster does not serve the apiextensions.k8s.io version the CRDs are written in (v1 is served from Kubernetes 1.16 on, v1beta1 until 1.22).`,
      versions: [tableRow("since", "1.16", "first release that serves apiextensions.k8s.io/v1", "kind lifecycle table"), tableRow("removedIn", "1.22", "release that stopped serving apiextensions.k8s.io/v1beta1", "removal table")],
      reasoning: ["Compare the CRD file's apiVersion with the cluster's version (kubectl version): v1 CRDs need 1.16+, v1beta1 CRDs a cluster older than 1.22."],
      fixes: ["Use the release of the tool whose CRDs match the cluster's Kubernetes version, or upgrade the cluster to the tool's supported range."],
    };
  }
  const nearby = [...finding.context.before, ...finding.context.after].map((l) => l.text);
  const own = removedApisNamed(finding.text);
  const named = own.length > 0 ? own : removedApisNamed(nearby.join("\n"));
  const first = named[0];
  // The box's "with kubernetes_cron_job_v1.x" names a resource bound to a GA version: not a removed API.
  const gaResource = nearby.some((l) => /\bkubernetes_[a-z_]+_v\d+\b/.test(l));
  if (!first && input.capture("terraformBox") && !gaResource) {
    return {
      verdict: "warning",
      headline: "Terraform's kubernetes provider met a 404 for a whole resource type: its typed resources are built-in kinds, so the resource is bound to an API version this cluster does not serve (the unversioned kubernetes_cron_job, kubernetes_ingress, kubernetes_pod_disruption_budget and kubernetes_csi_driver use betas that Kubernetes removed).",
      reasoning: ["The box's \"with kubernetes_<type>.<name>\" line names the resource: move it to its _v1 counterpart."],
      fixes: ["Use the provider's _v1 (or _v2) resource for the kind, e.g. kubernetes_cron_job_v1, kubernetes_ingress_v1, kubernetes_csi_driver_v1."],
    };
  }
  // klog's header (E/F) and a structured record's level are read off the line before the text is normalised.
  const level = lineLevel(finding);
  const failed = level === "E" || level === "F";
  if (!first) return unnamedResourceTypeNotServed(finding.text, gaResource, failed);
  return {
    verdict: "warning",
    headline: `The API server does not serve the requested resource type, and ${own.length > 0 ? "the line" : "a neighbouring line"} names ${first.apiVersion}, which Kubernetes stopped serving in ${first.removedIn}: the client asks for an API version the cluster removed.`,
    versions: [
      { name: "apiVersion", version: first.apiVersion, role: "removed API group/version named nearby", source: own.length > 0 ? `the failing line (${input.where})` : `the lines around ${input.where}` },
      tableRow("removedIn", first.removedIn, `release that stopped serving ${first.apiVersion}`, "removal table"),
    ],
    fixes: [`Move the client to ${first.replacement}.`],
  };
};

const diagnoseKubectlChange: Diagnoser = (input) => {
  const flag = input.capture("flag");
  const command = input.capture("command");
  const row = flag ? KUBECTL_FLAGS[flag] : command ? KUBECTL_COMMANDS[command] : undefined;
  const what = flag ? `--${flag}` : `${row?.command ?? "kubectl"} ${command ?? ""}`.trim();
  if (!row) return { verdict: "not-skew", headline: `kubectl has no ${what} in any release this table knows: a typo, not a version skew.` };
  const parent = input.capture("parent");
  // "token" for "kubectl" (not "kubectl create") is no kubectl command in any release.
  if (command === "token" && parent !== undefined && parent !== row.command) {
    return { verdict: "not-skew", headline: `No kubectl release has "${parent} ${command}" (kubectl's is ${row.command} ${command}): a plugin that is not installed, or a mistyped command.` };
  }
  const nearby = [...input.finding.context.before, ...input.finding.context.after].map((l) => l.text).join("\n");
  // pflag and cobra name no program; the usage hint cobra prints next ("See 'kubectl get --help'") or a parent does.
  const named = parent !== undefined || /(?:^|[^\w-])kubectl(?:[^\w-]|$)/i.test(`${input.finding.text}\n${nearby}`);
  const versions = captureRoles(input);
  const client = input.hint("client");
  if (client) versions.push({ name: "client", version: client.hint.version, role: "kubectl (client) version", source: client.hint.source });
  versions.push(tableRow(row.change === "removed" ? "removedIn" : "addedIn", row.release, `kubectl release that ${row.change} ${what}`, `kubectl change table (${row.source})`));
  const owner = flag ? ` of ${row.command}` : "";
  const headline =
    row.change === "removed"
      ? `kubectl ${row.release} removed ${what}${owner}: the script was written for an older kubectl than the one that ran${named ? "" : " (if the line is kubectl's: it names no program)"}.`
      : `${what}${owner} exists from kubectl ${row.release} on: the kubectl that ran is older than the script or docs it follows${named ? "" : " (if the line is kubectl's: it names no program)"}.`;
  return {
    verdict: named && !row.pluginNamesake ? "cause" : "warning",
    headline: row.pluginNamesake ? `${headline} The ${row.pluginNamesake} plugin has the same name: if the job meant the plugin, it is not installed.` : headline,
    versions,
    fixes: [
      row.change === "removed"
        ? `Use ${row.instead ?? "the replacement"} instead, or pin kubectl below ${row.release} for this script.`
        : `Install kubectl ${row.release} or newer in the job (within ±1 minor of the cluster)${row.instead ? `, or use ${row.instead}` : ""}.`,
    ],
  };
};

// Diagnosers for the client signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const clientDiagnosers: Record<string, Diagnoser> = {
  "argocd-sync-api-version-not-served": diagnoseArgoSync,
  "pulumi-api-version-removed": diagnosePulumiRemoved,
  "crd-field-needs-newer-kubernetes": diagnoseCrdField,
  "helm-release-manifest-removed-api": diagnoseHelmRemovedApi,
  "helm-tiller-version-incompatible": diagnoseTiller,
  "helm-chart-tiller-version": diagnoseChartTiller,
  "api-builtin-resource-not-served": diagnoseBuiltinNotServed,
  "api-not-found-near-removed-version": diagnoseNotFoundNearRemoved,
  "kubectl-command-or-flag-changed": diagnoseKubectlChange,
};
