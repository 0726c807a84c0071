import type { Signature } from "../model.js";
import { BUILTIN_GROUPS, KIND_API_VERSIONS, KIND_GROUPS } from "../diagnose/tables.js";
import { CRD_FIELD_SINCE, CRD_VERSION_FIELD_SINCE } from "../diagnose/tables-client.js";

const Q = String.raw`"?`;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * After `no matches for kind "`: a kind paired with a built-in group that never served it (Ingress in apps/v1,
 * a chart's typo), which no Kubernetes version would serve: a wrong apiVersion, not a version skew.
 */
const NEVER_SERVED = (() => {
  const named = [...BUILTIN_GROUPS].filter((g) => g !== "");
  const alternatives = Object.entries(KIND_GROUPS).map(([kind, groups]) => {
    const allowed = groups.filter((g) => g !== "").map(escape);
    const notAllowed = allowed.length > 0 ? `(?!(?:${allowed.join("|")})/)` : "";
    const groupOnly = !groups.includes("");
    const wrongGroup = `${kind}\\s?${Q}\\s+in\\s+(?:version|group|versions)\\s+${Q}${notAllowed}(?:${named.map(escape).join("|")})/`;
    // A bare version names the core group ("Ingress" in version "v1"): a kind only named groups serve is a typo there.
    return groupOnly ? `${wrongGroup}|${kind}\\s?${Q}\\s+in\\s+version\\s+${Q}v\\d\\w*${Q}(?![\\w/.-])` : wrongGroup;
  });
  return `(?!(?:${alternatives.join("|")}))`;
})();

/** The named built-in groups (not the core group), for resource.group suffixes. */
const NAMED_BUILTIN_GROUPS = [...BUILTIN_GROUPS]
  .filter((g) => g !== "")
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");

/** Built-in kinds a named group has served, for an excerpt cut after "in version" (a core-only kind is a typo then). */
const GROUP_KINDS = Object.entries(KIND_GROUPS)
  .filter(([, groups]) => groups.some((g) => g !== ""))
  .map(([kind]) => kind)
  .sort((a, b) => b.length - a.length)
  .join("|");

/**
 * The same kinds, each accepting any cut after its first six letters ("PodDisruptionBudg"): issue titles and journald
 * (which marks its cut with ">") stop mid-word. Six letters leave each prefix to one built-in kind family.
 */
const CUT_GROUP_KINDS = GROUP_KINDS.split("|")
  .map((kind) => kind.slice(0, 6) + [...kind.slice(6)].reduceRight((rest, ch) => `(?:${ch}${rest})?`, ""))
  .join("|");

/** Lower-case plurals of the built-in kinds some release stopped serving, as clients name them in errors. */
const REMOVED_RESOURCES = "cronjobs|ingresses|ingressclasses|poddisruptionbudgets|podsecuritypolicies|horizontalpodautoscalers|endpointslices|csistoragecapacities|runtimeclasses|flowschemas|prioritylevelconfigurations";

/** Built-in kinds with an API version some Kubernetes release stopped serving (KIND_API_VERSIONS). */
const REMOVED_KINDS = Object.entries(KIND_API_VERSIONS)
  .filter(([, row]) => Object.values(row.versions).some((v) => v.removedIn))
  .map(([kind]) => kind)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** CRD schema fields added after CustomResourceDefinitions went v1 (CRD_FIELD_SINCE), longest first. */
// x-kubernetes-map-type came in 1.17 (kubernetes/kubernetes#84113; elastic/cloud-on-k8s#4824 met it on 1.16 and older),
// which the shared CRD field table does not list yet: the diagnosis then names no release.
const CRD_FIELDS = [...Object.keys(CRD_FIELD_SINCE), "x-kubernetes-map-type"]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");

/** Built-in kinds (KIND_GROUPS) and the pre-1.5 name of CronJob, for kubectl's validation message. */
const BUILTIN_KINDS = [...Object.keys(KIND_GROUPS), "ScheduledJob"].sort((a, b) => b.length - a.length).join("|");

export const apiSignatures: Signature[] = [
  {
    id: "api-no-kind-match",
    title: "API version not served by the cluster",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["matches for kind", "no matches for", "Expected to find kind", "Failed to find exact match for"],
    patterns: [
      String.raw`[Nn]o\s+matches\s+for\s+kind\s+${Q}${NEVER_SERVED}(?<kind>\w+)\s?${Q}\s+in\s+(?:version|group|versions)\s+${Q}(?<apiVersion>[\w.-]+(?:/[\w.-]+)?)`,
      // kubectl before 1.19: "no matches for batch/, Kind=CronJob"
      String.raw`[Nn]o\s+matches\s+for\s+(?<apiVersion>[\w.-]*/[\w.-]*)\s*,\s*Kind=(?<kind>\w+)`,
      // An excerpt cut after "in version" for a built-in kind (the version that was asked for is lost).
      String.raw`[Nn]o\s+matches\s+for\s+kind\s+${Q}(?<kind>${GROUP_KINDS})${Q}\s+in\s+version\s*$`,
      // Cut inside the kind or inside "in version" (journald ends its cut with ">"): only built-in kinds' prefixes.
      String.raw`[Nn]o\s+matches\s+for\s+kind\s+${Q}(?<kind>${CUT_GROUP_KINDS})(?:"\s*(?:in(?:\s+v(?:e(?:r(?:s(?:i(?:on?)?)?)?)?)?)?)?)?\s*>?\s*$`,
      // kapp (carvel) looks the kind up in discovery itself: "Expected to find kind 'policy/v1beta1/PodDisruptionBudget',
      // but did not" (the core group is written "/v1/Pod").
      String.raw`Expected\s+to\s+find\s+kind\s+['"]?/?(?<apiVersion>(?:[\w.-]+/)?v\d\w*)/(?<kind>[A-Z]\w*)['"]?\s*,\s*but\s+did\s+not`,
      // Ansible kubernetes.core (openshift's dynamic client): "Failed to find exact match for policy/v1beta1.PodSecurityPolicy
      // by [kind, name, singularName, shortNames]".
      String.raw`Failed\s+to\s+find\s+exact\s+match\s+for\s+(?<apiVersion>(?:[\w.-]+/)?v\d\w*)\.(?<kind>[A-Z]\w*)\s+by\s+\[kind`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API group/version the manifest uses" },
    priority: 40,
    meaning: "A manifest uses a group/version the API server does not serve: removed in this Kubernetes version, not yet served by an older one, or a CRD that is not installed.",
    causes: [
      "The manifest or chart targets an older Kubernetes and uses an API removed since.",
      "The cluster is older than the API the manifest needs.",
    ],
    fixes: [
      "Move the manifests to the current apiVersion, or use a chart version that targets the cluster's version.",
      "Run the job against the Kubernetes version the manifests are written for.",
    ],
    examples: [
      {
        line: String.raw`error: resource mapping not found for name: "nightly-report" namespace: "" from "cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"`,
        captures: { kind: "CronJob", apiVersion: "batch/v1beta1" },
      },
    ],
    nearMisses: [
      // A core-only kind cut after "in version": whatever followed, no release moved Pod out of v1.
      'error: unable to recognize "pod.yaml": no matches for kind "Pod" in version',
      // aquasecurity/aqua-helm#66: a chart template put Ingress under apps/v1, which never served it.
      'Error: UPGRADE FAILED: unable to recognize "": no matches for kind "Ingress" in version "apps/v1"',
      'error: unable to recognize "svc.yaml": no matches for kind "Service" in version "apps/v1"',
    ],
  },
  {
    id: "kubectl-validation-type-not-served",
    title: "kubectl validation: the server publishes no schema for this kind at this version",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["find type: v"],
    patterns: [
      // kubectl (≤ 1.8) validated against the server's swagger document: a group/version the API server does not
      // serve has no type there. Only built-in kinds at alpha/beta versions (a CRD's type is the CRD's business).
      String.raw`couldn.t\s+find\s+type\s*:\s*(?<apiVersion>v\d+(?:alpha|beta)\d+)\.(?<kind>${BUILTIN_KINDS})(?![\w])`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API version the manifest uses (the server does not serve it)" },
    versionKinds: { apiVersion: "api-version" },
    priority: 40,
    meaning:
      "kubectl validates manifests against the schema the API server publishes; the server publishes none for this kind at this version, so it does not serve that group/version: an alpha API that this cluster does not enable (batch/v2alpha1 CronJob needed --runtime-config=batch/v2alpha1=true), a version newer than the cluster, or one it has removed.",
    causes: [
      "A manifest from docs for another Kubernetes release (CronJob in batch/v2alpha1 on a 1.6–1.7 cluster without the alpha API enabled; batch/v1beta1 from 1.8).",
      "A cluster older or newer than the API version the manifest was written for.",
    ],
    fixes: [
      "Use an apiVersion the cluster serves (kubectl api-versions lists them), or enable the alpha group in kube-apiserver's --runtime-config if that is intended.",
      "Do not turn validation off: the server would reject the object the same way.",
    ],
    references: ["https://github.com/kubernetes/website/issues/2325", "https://github.com/kubernetes/kubernetes/issues/50126"],
    examples: [
      // kubernetes/website#2325 (cluster 1.7.5)
      {
        line: String.raw`error: error validating "elastic/es-curator.yaml": error validating data: couldn't find type: v2alpha1.CronJob; if you choose to ignore these errors, turn validation off with --validate=false`,
        captures: { apiVersion: "v2alpha1", kind: "CronJob" },
      },
      // kubernetes-sigs/kubespray#1485 (server 1.6.7), kubernetes/kubernetes#50126 (1.6.4)
      { line: String.raw`error: error validating "my_app.yaml": error validating data: couldn't find type: v2alpha1.CronJob; if you choose to ignore these errors, turn validation off with --validate=false`, captures: { apiVersion: "v2alpha1" } },
      // kubernetes/kubernetes#50100
      { line: String.raw`          error validating "scheduled-job.yml": error validating data: couldn't find type: v2alpha1.ScheduledJob; if you choose to ignore these errors, turn validation off with --validate=false `, captures: { kind: "ScheduledJob" } },
    ],
    nearMisses: [String.raw`error: error validating "widget.yaml": error validating data: couldn't find type: v1alpha1.Widget; if you choose to ignore these errors, turn validation off with --validate=false`],
  },
  {
    id: "api-deprecation-warning",
    title: "Deprecated API in use",
    family: "api",
    severity: "warning",
    flake: false,
    anchors: ["is deprecated in v", "unavailable in v"],
    patterns: [
      String.raw`(?<apiVersion>(?:[\w.-]+/)?v\d\w*)\s+(?<kind>[A-Z]\w*)\s+is\s+deprecated\s+in\s+v(?<deprecatedIn>\d+\.\d+)\+(?:\s*,\s*unavailable\s+in\s+v(?<removedIn>\d+\.\d+)\+)?(?:\s*;\s*use\s+(?<replacement>[\w.-]+/\w+\s+\w+))?`,
    ],
    versions: ["deprecatedIn", "removedIn"],
    roles: { deprecatedIn: "deprecated since", removedIn: "no longer served from" },
    priority: 20,
    meaning: "The API server warned that a deprecated API is in use; it will fail once the cluster reaches the removal version.",
    causes: ["Manifests still use an API version scheduled for removal."],
    fixes: ["Move the manifests to the replacement API version before upgrading the cluster past the removal version."],
    examples: [
      {
        line: "Warning: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated in v1.29+, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1 FlowSchema",
        captures: { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kind: "FlowSchema", deprecatedIn: "1.29", removedIn: "1.32" },
      },
    ],
  },
  {
    id: "api-watch-version-not-served",
    title: "Controller lists an API version the cluster does not serve",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["Failed to list *v", "failed to list *v", "Failed to watch *v", "complete list of server APIs"],
    patterns: [
      // client-go reflectors: "Failed to watch *v1beta1.Ingress: failed to list *v1beta1.Ingress: the server could not find the requested resource (get ingresses.extensions)";
      // client-go 1.27+ logs it structured: "Failed to watch" err="failed to list *v1beta2.VolumeGroupSnapshotClass: the server …".
      String.raw`[Ff]ailed\s+to\s+(?:list|watch)\s+\*(?<apiVersion>v\d+(?:(?:alpha|beta)\d+)?)\.(?<kind>[A-Z]\w*)\s*:\s*(?:failed\s+to\s+list\s+\*[\w.]+\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource(?:\s+\(get\s+(?<resource>[\w.-]+)\))?`,
      // Discovery (client-go's ErrGroupDiscoveryFailed, controller-runtime's ErrResourceDiscoveryFailed): "unable to retrieve
      // the complete list of server APIs: <gv>: <error>, <gv>: <error>". A built-in group/version that 404s or has no
      // match is one this cluster's release does not serve (velero-io/velero#4027: APIServices restored for the betas
      // 1.22 removed). "metrics.k8s.io/v1beta1: the server is currently unable to handle the request" is an aggregated
      // API that is down, and matches neither pattern.
      String.raw`complete\s+list\s+of\s+server\s+APIs\s*:[^\n]{0,3000}?(?<![\w.-])(?<groupVersion>(?:${NAMED_BUILTIN_GROUPS})/v\d+(?:(?:alpha|beta)\d+)?)\s*:\s*(?:the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource|no\s+matches\s+for)`,
      // controller-runtime's lazy mapper for a CRD group: "no matches for ipam.cluster.x-k8s.io/v1beta2, Resource=", both when
      // the group's CRDs serve other versions and when they are not installed (pkg/client/apiutil/restmapper.go).
      String.raw`complete\s+list\s+of\s+server\s+APIs\s*:[^\n]{0,3000}?(?<![\w.-])(?<groupVersion>[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+/v\d+(?:(?:alpha|beta)\d+)?)\s*:\s*no\s+matches\s+for\s+\k<groupVersion>\s*,\s*Resource=`,
    ],
    versions: ["apiVersion", "groupVersion"],
    roles: { apiVersion: "API version the controller lists", groupVersion: "API group/version discovery asked for" },
    versionKinds: { apiVersion: "api-version", groupVersion: "api-version" },
    priority: 45,
    meaning:
      "A controller, operator or exporter (built on client-go) lists and watches a built-in kind at an API version that this cluster does not serve: removed since the controller was built, or newer than the cluster.",
    causes: [
      "An operator or controller release built for an older Kubernetes, running on a cluster that has removed that API version (policy/v1beta1 PodDisruptionBudget in 1.25, networking.k8s.io/v1beta1 Ingress in 1.22, …).",
      "A controller built for a newer Kubernetes on an older cluster (policy/v1 PodDisruptionBudget before 1.21).",
    ],
    fixes: ["Upgrade the operator or controller to a release built for the cluster's Kubernetes version (or, for the opposite case, upgrade the cluster)."],
    references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
    examples: [
      {
        line: String.raw`E0928 13:34:32.356720       1 reflector.go:138] k8s.io/client-go/informers/factory.go:134: Failed to watch *v1beta1.PodDisruptionBudget: failed to list *v1beta1.PodDisruptionBudget: the server could not find the requested resource`,
        captures: { apiVersion: "v1beta1", kind: "PodDisruptionBudget" },
      },
      // kubernetes/test-infra#21265 (a prometheus-operator on 1.16)
      {
        line: String.raw`E0309 19:52:19.844511       1 reflector.go:134] github.com/coreos/prometheus-operator/pkg/prometheus/operator.go:409: Failed to list *v1beta2.StatefulSet: the server could not find the requested resource`,
        captures: { apiVersion: "v1beta2", kind: "StatefulSet" },
      },
      // velero-io/velero#4027 (APIServices for the betas 1.22 removed, restored into a 1.22 cluster)
      {
        line: "error: unable to retrieve the complete list of server APIs: admissionregistration.k8s.io/v1beta1: the server could not find the requested resource, apiextensions.k8s.io/v1beta1: the server could not find the requested resource",
        captures: { groupVersion: "admissionregistration.k8s.io/v1beta1" },
      },
    ],
    nearMisses: [
      String.raw`E0223 10:08:26.331124      12 reflector.go:199] controller.go:1037: Failed to list *api.Node: the server could not find the requested resource`,
      // An aggregated API that is down, and a CRD group's 404 in discovery (a stale APIService): not a release difference.
      "E1012 08:23:25.396126       1 main.go:80] unable to retrieve the complete list of server APIs: external.metrics.k8s.io/v1beta1: the server is currently unable to handle the request",
      "unable to retrieve the complete list of server APIs: custom.metrics.k8s.io/v1beta1: the server could not find the requested resource",
      // RBAC: the type is served, the service account may not list it.
      String.raw`E0101 00:00:00.000000       1 reflector.go:138] Failed to watch *v1.IngressClass: failed to list *v1.IngressClass: ingressclasses.networking.k8s.io is forbidden: User "system:serviceaccount:x:y" cannot list resource "ingressclasses"`,
    ],
  },
  {
    id: "api-builtin-resource-not-served",
    title: "Client asks for a built-in API the cluster does not serve",
    family: "api",
    severity: "error",
    flake: false,
    // The REST-path patterns wake on a pre-GA version segment, not on "/apis/": every apiserver request log line
    // has that (7 % of the bench's log), and each woke all six patterns.
    anchors: ["could not find the requested resource", "/v1alpha1/", "/v1alpha2/", "/v1alpha3/", "/v1beta1/", "/v1beta2/", "/v1beta3/", "/v2alpha1/", "/v2beta1/", "/v2beta2/"],
    patterns: [
      // "the server could not find the requested resource" is the 404 of a whole group/version/resource, not of
      // one object (that is "<resource> \"name\" not found"): for a built-in kind it is served by other releases.
      String.raw`(?:getting|get|listing|list|watching|creating|create|verify)\s+(?<kind>IngressClass|Ingress|CronJob|PodSecurityPolicy|PodDisruptionBudget|HorizontalPodAutoscaler|EndpointSlice|CSIDriver|CSINode|CSIStorageCapacity|RuntimeClass|PriorityClass|FlowSchema|PriorityLevelConfiguration|CRD|CustomResourceDefinition)(?:\s+creation|\s+[\w.-]+)?\s*[:;]\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
      // client-go's "(get <resource>.<group>)" suffix, for groups no current release serves at any version:
      // extensions (its last resource, ingresses, removed in 1.22) and PodSecurityPolicy (policy, 1.25).
      String.raw`[Tt]he\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s*\(\s*(?:get|list|watch|post|patch|put|delete)\s+(?<resource>(?:ingresses|deployments|daemonsets|replicasets|networkpolicies|podsecuritypolicies)\.extensions|podsecuritypolicies\.policy)\s*\)`,
      // Any other resource of a built-in group: every release serves the type at some version, so a 404 for the
      // whole type says the client asks for a version this cluster does not serve (which one, the line does not say).
      String.raw`[Tt]he\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s*\(\s*(?:get|list|watch|post|patch|put|delete)\s+(?<servedResource>[a-z]+\.(?:${NAMED_BUILTIN_GROUPS}))\s*\)`,
      // Tools' own wording, with the resource's plural: "failed to get cronjobs in namespace "default": the server …".
      String.raw`(?:get|list|watch|creat|delet|updat|patch)\w{0,3}\s+(?<plural>${REMOVED_RESOURCES})(?:\s+in\s+(?:the\s+)?namespace\s+"?[\w.-]*"?|\s+"?[\w.-]+"?)?\s*[:;]\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
      // REST clients (fabric8, godaddy/kubernetes-client, curl) print the request path: a 404 for a whole resource
      // collection of a built-in group at a pre-GA version (an object's 404 has its name after the collection).
      String.raw`/apis/(?<apiVersion>(?:${NAMED_BUILTIN_GROUPS})/v\d+(?:alpha|beta)\d+)/(?:namespaces/[\w.-]+/)?(?<collection>[a-z]+)(?![\w/-])[^\n]{0,80}?(?:Not\s+Found|\b404\b|could\s+not\s+find\s+the\s+requested\s+resource)`,
      String.raw`(?:\b404\b|Not\s+Found)[^\n]{0,120}?/apis/(?<apiVersion>(?:${NAMED_BUILTIN_GROUPS})/v\d+(?:alpha|beta)\d+)/(?:namespaces/[\w.-]+/)?(?<collection>[a-z]+)(?![\w/-])`,
    ],
    versions: [],
    roles: {
      kind: "built-in kind asked for",
      plural: "built-in resource asked for",
      resource: "resource.group asked for (no longer served)",
      servedResource: "resource.group asked for (at a version this cluster does not serve)",
      apiVersion: "API group/version the client requests",
      collection: "resource collection requested",
    },
    versionKinds: { apiVersion: "api-version" },
    priority: 40,
    meaning:
      "A controller or installer asked for a built-in kind at an API version this cluster does not serve: the cluster removed it since the client was built (networking.k8s.io/v1beta1 IngressClass in 1.22), or is older than the client (apiextensions.k8s.io/v1 CRDs before 1.16).",
    causes: [
      "A controller (ingress-nginx, an operator) released for older Kubernetes, on a cluster upgraded past the removal of the API version it uses.",
      "An installer (istioctl, an operator) newer than the cluster: it needs an API version the cluster's release does not have yet.",
    ],
    fixes: ["Upgrade the controller to a release built for this Kubernetes version, or (for a too-old cluster) upgrade the cluster to the installer's supported range."],
    references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
    examples: [
      { line: "F0101 00:00:00.000000       1 main.go:288] Error when getting IngressClass nginx: the server could not find the requested resource" },
      { line: "✘ Istio core encountered an error: failed to wait for resource: failed to verify CRD creation: the server could not find the requested resource", captures: { kind: "CRD" } },
      // istio/istio#33200: the operator's installer joins the two with a semicolon.
      { line: "2021-06-01T12:02:29.509703Z\terror\tinstaller\tfailed to verify CRD creation; the server could not find the requested resource", captures: { kind: "CRD" } },
      // A Terraform kubernetes provider 1.x resource (batch/v1beta1 CronJob) on Kubernetes 1.25.
      { line: "Error from server (NotFound): the server could not find the requested resource (post cronjobs.batch)", captures: { servedResource: "cronjobs.batch" } },
      {
        // feloy/kubectl-service-tree#3, kj187/kubernetes-ingress-linklist#3, kubernetes-retired/dashboard#6650
        line: "The server could not find the requested resource (get ingresses.extensions)",
        captures: { resource: "ingresses.extensions" },
      },
    ],
    nearMisses: [
      'Error from server (NotFound): ingressclasses.networking.k8s.io "nginx" not found',
      // The core group's 404 for one named object, and a CRD's group: neither says a built-in API is gone.
      'Error from server (NotFound): the server could not find the requested resource (get services http:heapster:)',
      "the server could not find the requested resource (get widgets.example.io)",
      // An aggregated API whose server (metrics-server) is not installed: not a built-in group.
      "Error from server (NotFound): the server could not find the requested resource (get pods.metrics.k8s.io)",
    ],
  },
  {
    id: "api-not-found-near-removed-version",
    title: "A whole resource type is not found: an API version the cluster does not serve",
    family: "api",
    severity: "warning",
    flake: false,
    anchors: ["could not find the requested resource", "have a resource type"],
    patterns: [
      // Velero's CRD backup action (pkg/backup/remap_crd_version_action.go, fetchV1beta1CRD) reads every CRD again through
      // apiextensions.k8s.io/v1beta1, which 1.22 stopped serving (velero-io/velero#5501 on EKS 1.22).
      String.raw`error\s+fetching\s+v1beta1\s+version\s+of\s+(?<veleroCrd>[\w.-]+)\s*:\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
      // A CustomResourceDefinition file whose apply 404s for the whole type: the cluster does not serve the
      // apiextensions.k8s.io version in it (v1 from 1.16, v1beta1 until 1.22; open-cluster-management-io/clusteradm#106
      // applied v1 CRDs to 1.14). A file merely named like a CRD is no proof: a warning.
      String.raw`(?<crdFile>[\w./-]*(?:[._/-]crds?(?=[._/-])|\bcrds?(?=[._/-])|customresourcedefinitions?)[\w./-]*\.ya?ml)\\?"?[^\n]{0,60}?[Tt]he\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource(?!\s*\()`,
      // Terraform's error box with the bare message: the kubernetes provider's typed resources are built-in kinds only
      // (a CRD goes through kubernetes_manifest, which words a missing type otherwise), so its 404 is a resource bound to
      // an API version the cluster does not serve (hashicorp/terraform-provider-kubernetes#2125, batch/v1beta1 on 1.25;
      // DrFaust92/terraform-kubernetes-ebs-csi-driver#79, kubernetes_csi_driver on 1.22). With "(post namespaces)" after
      // it the provider talked to something that is not an API server (#894, #790): that is left to the rule below.
      String.raw`│\s*Error:\s*(?<terraformBox>the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource)\s*$`,
      // kubectl's "the server doesn't have a resource type" for a built-in resource some release removed or added.
      String.raw`the\s+server\s+doesn(?:'|\\'|&#39;|’)?t\s+have\s+a\s+resource\s+type\s+\\?"(?<resourceType>[a-z]+)\\?"`,
      // The bare 404 of a resource type, as Python and Java clients print its Status body or a tool wraps it. On its
      // own it names nothing; the diagnosis reads the line and its neighbours for a removed group/version (the
      // client's API class, the request path, a reflector's *v1beta1.Kind) and dismisses it when none is there.
      String.raw`(?<notFound>[Tt]he\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource)`,
    ],
    versions: [],
    roles: { apiVersion: "removed API group/version named nearby" },
    versionKinds: { apiVersion: "api-version" },
    // Below every signature that reads more of the same message.
    priority: 15,
    meaning:
      "The API server answered 404 for a whole resource type, not for one object: the client asks for a group/version the cluster does not serve, most often one that Kubernetes has stopped serving.",
    causes: ["A client, script or operator written against an API version (extensions/v1beta1, batch/v1beta1, policy/v1beta1, …) that the cluster's Kubernetes release removed."],
    fixes: ["Move the client to the API version the cluster serves (kubectl api-versions lists them): NetworkingV1Api instead of ExtensionsV1beta1Api, batch/v1 CronJobs, policy/v1 PodDisruptionBudgets."],
    references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
    examples: [
      // The shapes of groundcover-com/caretta#57 (a chart's policy/v1beta1 PodSecurityPolicy on 1.25) and
      // viralpoetry/kubesurveyor#7 (ExtensionsV1beta1Api on 1.22) when the tool names what it asked for.
      { line: `Error: failed to create resource: policy/v1beta1 PodSecurityPolicy "caretta-vm": the server could not find the requested resource` },
      { line: "ExtensionsV1beta1Api.list_namespaced_ingress failed: the server could not find the requested resource" },
      // velero-io/velero#5501, open-cluster-management-io/clusteradm#106, and kubectl on 1.25
      { line: "rpc error: code = Unknown desc = error fetching v1beta1 version of etcdrestores.etcd.database.coreos.com: the server could not find the requested resource", captures: { veleroCrd: "etcdrestores.etcd.database.coreos.com" } },
      { line: String.raw`Error: "join/klusterlets.crd.yaml" (string): the server could not find the requested resource`, captures: { crdFile: "join/klusterlets.crd.yaml" } },
      { line: String.raw`error: the server doesn't have a resource type "podsecuritypolicies"`, captures: { resourceType: "podsecuritypolicies" } },
    ],
    nearMisses: [
      // The Python client's Status body alone: a CRD that is not installed reads the same.
      String.raw`HTTP response body: {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}`,
      // rancher/kubewarden-ui#63: a cluster-scoped custom resource posted under a namespace.
      `  "message": "the server could not find the requested resource",`,
      // A CRD never installed, a probe that goes on, and Terraform talking to something that is not an API server.
      String.raw`error: the server doesn't have a resource type "servicemonitors"`,
      "3:52PM WRN failed to discover supported resources for policy/v1beta1: the server could not find the requested resource",
      "│ Error: the server could not find the requested resource (post namespaces)",
    ],
  },
  {
    id: "argocd-sync-api-version-not-served",
    title: "Argo CD: the destination cluster does not serve the manifest's API version",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["could not find version", "SyncFailed"],
    patterns: [
      // Argo CD 2.7+ (argoproj/argo-cd#12980) rewrites the 404 with the versions on both sides.
      String.raw`The\s+Kubernetes\s+API\s+could\s+not\s+find\s+version\s+${Q}(?<apiVersion>[\w.-]+)${Q}\s+of\s+(?<group>[\w.-]*)/(?<kind>\w+)(?:\s+for\s+requested\s+resource\s+\S{1,200}?\.\s+Version\s+${Q}(?<served>[\w.-]+)${Q}\s+of\s+[\w.-]*/\w+\s+is\s+installed)?`,
      // Older Argo CD: the controller's sync result with the API server's bare 404 for a whole resource type.
      String.raw`status\s*:\s*'SyncFailed'\s*,\s*phase\s*:\s*'\w*'\s*,\s*message\s*:\s*'the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource'`,
      // argocd app sync's table: GROUP KIND NAMESPACE NAME STATUS [HEALTH] MESSAGE, for a built-in kind.
      String.raw`(?<kind>${REMOVED_KINDS})\s+(?:[\w.-]+\s+){1,3}?(?:SyncFailed|Failed)\s+(?:SyncFailed\s+)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: ["apiVersion", "served"],
    roles: { apiVersion: "API version the manifest uses", served: "version the destination cluster serves" },
    versionKinds: { apiVersion: "api-version", served: "api-version" },
    priority: 45,
    meaning:
      "Argo CD could not sync a resource because the destination cluster does not serve the group/version the manifest asks for: a built-in API removed by a Kubernetes upgrade, a version not yet served by an older cluster, or an operator upgraded to a CRD that no longer serves the manifest's version.",
    causes: [
      "Manifests or a chart written for an older Kubernetes (autoscaling/v2beta1, batch/v1beta1, policy/v1beta1) synced to an upgraded cluster; Argo CD's bundled Helm may also render an old API version when it cannot see the cluster's.",
      "An operator upgraded past a CRD version the manifests still use (external-secrets.io/v1beta1 after ESO 0.17, kafka.strimzi.io/v1beta2 after Strimzi 1.0).",
    ],
    fixes: [
      "Move the manifests to the version the cluster serves (the message names it), or pin the chart/operator to the release the manifests were written for.",
      "After moving them, invalidate Argo CD's cluster cache (Settings → Clusters) if the old version is still reported.",
    ],
    references: ["https://github.com/argoproj/argo-cd/pull/12980", "https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
    examples: [
      {
        // tryretool/retool-helm#237
        line: `Fixes "The Kubernetes API could not find version "v1beta1" of external-secrets.io/ExternalSecret for requested resource retool-dev/vault-external-secrets. Version "v1" of external-secrets.io/ExternalSecret is installed on the destination cluster."`,
        captures: { apiVersion: "v1beta1", group: "external-secrets.io", kind: "ExternalSecret", served: "v1" },
      },
      {
        line: `time="2023-10-17T12:08:21Z" level=info msg="Adding resource result, status: 'SyncFailed', phase: '', message: 'the server could not find the requested resource'" application=argocd/app kind=HorizontalPodAutoscaler name=app-hpa`,
      },
    ],
    nearMisses: [
      // The CRD is not installed at all: Argo CD says so.
      `The Kubernetes API could not find monitoring.coreos.com/ServiceMonitor for requested resource default/app. Make sure the "ServiceMonitor" CRD is installed on the destination cluster.`,
      `ConfigMap                 argocd       test                           Failed     SyncFailed        configmaps "test" not found`,
    ],
  },
  {
    id: "pulumi-api-version-removed",
    title: "Pulumi: the manifest's apiVersion was removed in the cluster's Kubernetes",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["was removed in Kubernetes", "was removed in a previous version of Kubernetes"],
    patterns: [
      // pulumi-kubernetes RemovedAPIError: apiVersion "<group/version>/<Kind>", then the cluster's version.
      String.raw`apiVersion\s+${Q}(?<apiVersion>(?:[\w.-]+/)?v\d\w*)/(?<kind>[A-Z]\w*)${Q}\s+was\s+removed\s+in\s+(?:Kubernetes\s+(?<server>{V})|a\s+previous\s+version\s+of\s+Kubernetes)`,
    ],
    versions: ["server"],
    roles: { apiVersion: "API version the program uses", server: "Kubernetes version of the cluster (as Pulumi printed it)" },
    versionKinds: { apiVersion: "api-version" },
    priority: 45,
    meaning:
      "pulumi-kubernetes checked the resource's apiVersion against the cluster's version and found it removed there: the program (or the chart or YAML it renders) targets an older Kubernetes than the cluster.",
    causes: ["A Pulumi program, Helm chart or YAML file written for an older Kubernetes, deployed to a cluster upgraded past the API's removal."],
    fixes: ["Move the resource to the API version the message suggests (or the one the deprecation guide names: Pulumi's suggestion has been wrong for some kinds)."],
    references: ["https://github.com/pulumi/pulumi-kubernetes/pull/809", "https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
    examples: [
      {
        // pulumi/pulumi-kubernetes#3354
        line: `  warning: apiVersion "policy/v1beta1/PodDisruptionBudget" was removed in Kubernetes 1.25. Use "policy/v1beta1/PodDisruptionBudget" instead.`,
        captures: { apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", server: "1.25" },
      },
    ],
  },
  {
    id: "crd-field-needs-newer-kubernetes",
    title: "CustomResourceDefinition uses a schema field this Kubernetes does not know yet",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["unknown field", "field not declared in schema"],
    patterns: [
      // kubectl validation, the API server's strict decoding and its warnings: the field path ends in a CRD
      // field that later Kubernetes releases added. Any other unknown field is a typo or a wrong schema.
      String.raw`unknown\s+field\s+${Q}(?<field>(?:[\w.\[\]-]{0,120}\.)?(?<name>${CRD_FIELDS}))(?![\w-])`,
      // Names too common on their own (spec.versions[].deprecated, 1.19): only with the CRD version type named.
      String.raw`unknown\s+field\s+${Q}(?<name>${Object.keys(CRD_VERSION_FIELD_SINCE).join("|")})${Q}\s+in\s+io\.k8s\.apiextensions-apiserver\.pkg\.apis\.apiextensions\.v1(?:beta1)?\.CustomResourceDefinitionVersion`,
      // Server-side apply (helm 4, kubectl apply --server-side): the managed-fields schema lacks the field.
      String.raw`\.(?<field>(?:[\w.\[\]-]{0,120}\.)?(?<name>${CRD_FIELDS}))\s*:\s*field\s+not\s+declared\s+in\s+schema`,
    ],
    versions: [],
    roles: { field: "CRD schema field path", name: "CRD field the cluster does not know" },
    priority: 45,
    meaning:
      "The API server (or kubectl validating against its schema) does not know a CustomResourceDefinition field that a later Kubernetes release added: the CRDs were generated for a newer Kubernetes than the cluster runs. As a warning the field was dropped, so the CRD is installed without it.",
    causes: [
      "An operator or chart release whose CRDs use x-kubernetes-validations (CEL rules, Kubernetes 1.25+ by default), selectableFields (1.31+), messageExpression or other newer schema fields, installed on an older cluster.",
      "A kind node image or test cluster older than the operator's minimum Kubernetes version.",
    ],
    fixes: [
      "Upgrade the cluster to the operator's supported Kubernetes range, or install the operator release made for this cluster's version.",
      "Where the release supports it, use its CRDs for older clusters; dropping the field from the CRD by hand loses the validation it carries.",
    ],
    references: ["https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/"],
    examples: [
      {
        // awslabs/mountpoint-s3-csi-driver#554, kyverno/kyverno#14758 (Kubernetes 1.27)
        line: String.raw`I0729 14:24:39.116674    4077 warnings.go:110] "Warning: unknown field \"spec.versions[0].selectableFields\""`,
        captures: { field: "spec.versions[0].selectableFields", name: "selectableFields" },
      },
      {
        // cert-manager/cert-manager#8606 (Kubernetes 1.29)
        line: "Error: failed to create typed patch object (/orders.acme.cert-manager.io; apiextensions.k8s.io/v1, Kind=CustomResourceDefinition): .spec.versions[0].selectableFields: field not declared in schema",
        captures: { name: "selectableFields" },
      },
      { line: String.raw`unknown field "x-kubernetes-validations" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps`, captures: { name: "x-kubernetes-validations" } },
    ],
    nearMisses: [
      // kubernetes/kubernetes#82942: vendor extensions no Kubernetes release accepts.
      String.raw`ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.accessToken.properties.secretKeyRef): unknown field "x-cli-help" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps`,
      String.raw`error: error validating data: ValidationError(Service.spec): unknown field "foo" in io.k8s.api.core.v1.ServiceSpec`,
    ],
  },
  {
    id: "crd-stored-version-not-served",
    title: "Custom resources stored at a version their CRD no longer lists",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["convert CR from an invalid group/version", "convert CR to an invalid group/version"],
    patterns: [
      // apiextensions-apiserver's converter (pkg/apiserver/conversion/converter.go): the object's group/version (from) or
      // the one asked for (to) is not among the CRD's spec.versions. The CRDs were upgraded (or rolled back) past a
      // version that objects in etcd are still stored at: kubernetes-csi/external-snapshotter#646 (v1alpha1 snapshots
      // left for snapshot-controller 4.x), Strimzi 1.0 dropping kafka.strimzi.io/v1beta2. cert-manager's own rule reads
      // its groups first. Only a version-shaped version: a project's internal name ("vacuum") is not one.
      String.raw`request\s+to\s+convert\s+CR\s+(?<direction>from|to)\s+an\s+invalid\s+group/version\s*:\s*(?<apiVersion>[a-z0-9][\w.-]*\.[a-z]{2,}/v\d+(?:(?:alpha|beta)\d+)?)(?![\w.-])`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "group/version the objects are stored at (the CRD no longer lists it)" },
    versionKinds: { apiVersion: "api-version" },
    priority: 40,
    meaning:
      "The API server cannot convert custom resources because their stored group/version is not in the CRD's versions any more: the CRDs were upgraded to a release that dropped that version (or rolled back to one that never had it) before the stored objects were migrated, so the objects and the installed CRDs are from different releases of the operator.",
    causes: [
      "An operator or CSI sidecar upgraded across a release that removed an API version (its CRDs no longer list it) while objects were still stored at it.",
      "A chart rolled back to CRDs older than the version objects were written at.",
    ],
    fixes: [
      "Reinstall the CRDs of the release that still lists the version, migrate the stored objects (rewrite them, or kube-storage-version-migrator), then upgrade again.",
      "Check status.storedVersions of the CRD against spec.versions before removing a version.",
    ],
    references: ["https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definition-versioning/#upgrade-existing-objects-to-a-new-stored-version"],
    examples: [
      {
        // kubernetes-csi/external-snapshotter#646
        line: "E0118 09:25:32.577351       1 main.go:82] Failed to list v1 volumesnapshots with error=request to convert CR from an invalid group/version: snapshot.storage.k8s.io/v1alpha1",
        captures: { direction: "from", apiVersion: "snapshot.storage.k8s.io/v1alpha1" },
      },
    ],
    nearMisses: ["request to convert CR from an invalid group/version: composition.krateo.io/vacuum"],
  },
];
