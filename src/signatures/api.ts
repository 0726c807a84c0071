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
];
