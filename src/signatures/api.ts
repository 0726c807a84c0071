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
    ],
    versions: [],
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
];
