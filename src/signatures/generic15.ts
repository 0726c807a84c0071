import type { Signature } from "../model.js";

// The generic layer's versionless refusals (tenth tuning session). Their reasoning lives in src/diagnose/area-generic15.ts;
// real lines and near-misses in test/fixtures/real-world/lines-15generic.jsonl.

// What a refused version belongs to, as installers, operators and cloud APIs name it.
const SUBJECT = String.raw`(?<subject>[Kk]ubernetes|KUBERNETES|K8s|k8s|[Cc]luster|[Ss]erver|[Cc]ontrol[\s-]plane|[Kk]ubelet|[Kk]ubectl|[Kk]ubeadm|[Cc]lient|[Oo]rchestrator|[Nn]ode(?:[\s-]?pool|[\s-]?group)?|API[\s-]server|[Mm]aster|EKS|AKS|GKE|OpenShift|[Tt]alos|k3s|RKE2|[Hh]elm)`;
const REFUSED = String.raw`(?<relation>not\s+(?:yet\s+)?supported|no\s+longer\s+supported|unsupported|too\s+(?:old|new|low|high)|not\s+compatible|incompatible|out\s+of\s+support)`;

export const generic15Signatures: Signature[] = [
  {
    id: "generic-version-refused-unnamed",
    title: "Possible version skew: a version refused without naming it (unrecognised wording)",
    family: "generic",
    severity: "warning",
    flake: false,
    anchors: [
      "version is not supported", "version is no longer supported", "version is unsupported", "version is too old", "version is too new",
      "version is not compatible", "version is incompatible", "version not supported", "version no longer supported", "versions are not supported",
      "version is not yet supported", "version was not supported", "is no longer supported by", "version is out of support",
      "nsupported Kubernetes version", "nsupported kubernetes version", "nsupported k8s version", "nsupported K8s version", "nsupported cluster version",
      "nsupported server version", "nsupported control plane version", "nsupported kubelet version", "nsupported kubectl version", "nsupported client version",
      "nsupported orchestrator version", "nsupported node version", "ncompatible Kubernetes version", "ncompatible kubernetes version", "ncompatible k8s version",
      "ncompatible cluster version", "ncompatible server version", "ncompatible client version", "ncompatible kubelet version",
    ],
    patterns: [
      // "The current k8s version is not supported" (ks-installer), "The Kubernetes version on your cluster is no longer
      // supported by Amazon EKS", "downgrading cluster version is not supported", "kubernetes version is not supported for upgrade".
      String.raw`\b${SUBJECT}\s+(?:[a-z][\w-]{1,20}\s+)?[Vv]ersions?(?:\s+(?:on|of|in|for)\s+(?:your|the|this)\s+[\w-]{1,30})?\s+(?:is\s+|was\s+|are\s+|has\s+been\s+)?${REFUSED}\b`,
      // "unsupported Kubernetes version" with nothing after it (a version after it is the generic layer's own).
      String.raw`\b(?<relation>[Uu]nsupported|[Ii]ncompatible)\s+${SUBJECT}\s+(?:[a-z][\w-]{1,20}\s+)?[Vv]ersion\b(?!\s*:?\s*\\?["'\x60(\[]?[vV]?\d)`,
    ],
    versions: [],
    roles: { subject: "what the refused version belongs to" },
    // The versions the job printed elsewhere stand in for the ones the line leaves out.
    hintRoles: { cluster: ["cluster", "server", "kubernetes"], client: ["client", "kubectl"] },
    priority: 0,
    meaning:
      "An error says a Kubernetes, cluster, client or node version is not supported, too old or too new, without naming the version or the supported range. No signature knows the wording, and the line alone cannot tell which side is too old: the versions the job printed elsewhere (banners, `kubectl version`) are shown when there are any.",
    causes: [
      "The cluster (or node pool, or managed service's default) runs a Kubernetes release the tool, installer or operator does not support.",
      "The tool itself is older (or newer) than the release the job asked for, and its table of supported versions does not have it.",
    ],
    fixes: [
      "Look up the tool's supported Kubernetes versions for the release in the job, and pin the cluster (or the tool) to a pair it lists.",
      "Print both versions in the job (`kubectl version`, the tool's `version`) so that the next failure names them.",
    ],
    examples: [
      // aws-samples/unified-log-aggregation-and-analytics#8 (CDK asking EKS for a version it no longer offers)
      { line: `    "errorMessage": "unsupported Kubernetes version",`, captures: { relation: "unsupported", subject: "Kubernetes" } },
    ],
    nearMisses: [
      // Azure Advisor's recommendation title, not a failure
      "Unsupported Kubernetes version is detected",
    ],
  },
];
