import type { Signature } from "../model.js";

const Q = String.raw`"?`;

export const apiSignatures: Signature[] = [
  {
    id: "api-no-kind-match",
    title: "API version not served by the cluster",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["matches for kind", "no matches for"],
    patterns: [
      String.raw`[Nn]o\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+(?:version|group|versions)\s+${Q}(?<apiVersion>[\w.-]+(?:/[\w.-]+)?)`,
      // kubectl before 1.19: "no matches for batch/, Kind=CronJob"
      String.raw`[Nn]o\s+matches\s+for\s+(?<apiVersion>[\w.-]*/[\w.-]*)\s*,\s*Kind=(?<kind>\w+)`,
      // An excerpt cut after "in version" for a built-in kind (the version that was asked for is lost).
      String.raw`[Nn]o\s+matches\s+for\s+kind\s+${Q}(?<kind>CSIDriver|CSINode|IngressClass|Ingress|CronJob|PodDisruptionBudget|PodSecurityPolicy|EndpointSlice|RuntimeClass|PriorityClass|CustomResourceDefinition|MutatingWebhookConfiguration|ValidatingWebhookConfiguration|HorizontalPodAutoscaler|FlowSchema|PriorityLevelConfiguration|CSIStorageCapacity)${Q}\s+in\s+version\s*$`,
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
    anchors: ["Failed to list *v", "failed to list *v", "Failed to watch *v"],
    patterns: [
      // client-go reflectors: "Failed to watch *v1beta1.Ingress: failed to list *v1beta1.Ingress: the server could not find the requested resource (get ingresses.extensions)"
      String.raw`[Ff]ailed\s+to\s+(?:list|watch)\s+\*(?<apiVersion>v\d+(?:(?:alpha|beta)\d+)?)\.(?<kind>[A-Z]\w*)\s*:\s*(?:failed\s+to\s+list\s+\*[\w.]+\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource(?:\s+\(get\s+(?<resource>[\w.-]+)\))?`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API version the controller lists" },
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
    ],
    nearMisses: [String.raw`E0223 10:08:26.331124      12 reflector.go:199] controller.go:1037: Failed to list *api.Node: the server could not find the requested resource`],
  },
  {
    id: "api-builtin-resource-not-served",
    title: "Client asks for a built-in API the cluster does not serve",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["could not find the requested resource"],
    patterns: [
      // "the server could not find the requested resource" is the 404 of a whole group/version/resource, not of
      // one object (that is "<resource> \"name\" not found"): for a built-in kind it is served by other releases.
      String.raw`(?:getting|get|listing|list|watching|creating|create|verify)\s+(?<kind>IngressClass|Ingress|CronJob|PodSecurityPolicy|PodDisruptionBudget|HorizontalPodAutoscaler|EndpointSlice|CSIDriver|CSINode|CSIStorageCapacity|RuntimeClass|PriorityClass|FlowSchema|PriorityLevelConfiguration|CRD|CustomResourceDefinition)(?:\s+creation|\s+[\w.-]+)?\s*[:;]\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
      // client-go's "(get <resource>.<group>)" suffix, for groups no current release serves at any version:
      // extensions (its last resource, ingresses, removed in 1.22) and PodSecurityPolicy (policy, 1.25).
      String.raw`[Tt]he\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s*\(\s*(?:get|list|watch|post|patch|put|delete)\s+(?<resource>(?:ingresses|deployments|daemonsets|replicasets|networkpolicies|podsecuritypolicies)\.extensions|podsecuritypolicies\.policy)\s*\)`,
    ],
    versions: [],
    roles: { kind: "built-in kind asked for", resource: "resource.group asked for (no longer served)" },
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
    ],
  },
];
