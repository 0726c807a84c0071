import type { Signature } from "../model.js";

export const helmSignatures: Signature[] = [
  {
    id: "helm-kubeversion-incompatible",
    title: "Chart does not support this Kubernetes version",
    family: "helm",
    severity: "error",
    flake: true,
    anchors: ["which is incompatible with Kubernetes", "chart requires kubeVersion"],
    patterns: [
      String.raw`[Cc]hart\s+requires\s+kube(?:rnetes)?Version\s*:\s*(?<constraint>.+?)\s+which\s+is\s+incompatible\s+with\s+Kubernetes(?:\s+(?<cluster>{V}))?`,
    ],
    versions: ["cluster"],
    roles: { cluster: "cluster version", constraint: "chart's kubeVersion constraint" },
    priority: 50,
    meaning: "helm refused to install the chart: its kubeVersion constraint rejects the cluster's version.",
    causes: [
      "The job created a cluster of another version than intended (the version was not passed to the cluster-creation step).",
      "A vendor or CI version with a pre-release suffix, which a constraint without -0 rejects.",
    ],
    fixes: [
      "Use a chart version whose kubeVersion admits the cluster, or test against a supported cluster version.",
      "Write constraints as '>= 1.27.0-0' so that pre-release and vendor builds are admitted.",
    ],
    examples: [
      {
        line: "Error: chart requires kubeVersion: >= 1.27.0-0 which is incompatible with Kubernetes v1.26.15-gke.1090000",
        captures: { constraint: ">= 1.27.0-0", cluster: "v1.26.15-gke.1090000" },
      },
    ],
  },
];
