import type { Signature } from "../model.js";

const Q = String.raw`"?`;
const CONTRACT = String.raw`v\d\w*`;

export const clusterApiSignatures: Signature[] = [
  {
    id: "clusterctl-provider-contract-mismatch",
    title: "Provider implements another Cluster API contract",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["current version of clusterctl", "detected contract version", "providers, detected", "management clusters,"],
    patterns: [
      String.raw`(?:current\s+version\s+of\s+clusterctl\s+(?:is\s+|could\s+install\s+)?)?only\s+(?:compatible\s+with\s+)?(?:providers\s+implementing\s+the\s+)?(?<supportedContract>${CONTRACT}(?:(?:\s*,\s*|\s+and\s+)${CONTRACT})*)\s+(?:contract\s+versions?|providers)\s*,\s*detected\s+(?:contract\s+version\s+)?(?<providerContract>${CONTRACT})\s+for\s+provider\s+${Q}(?<provider>[\w.-]+)`,
      // clusterctl against a management cluster of another contract (upgrade, move).
      String.raw`clusterctl\s+could\s+be\s+used\s+only\s+with\s+${Q}(?<supportedContract>${CONTRACT})${Q}\s+management\s+clusters\s*,\s*${Q}(?<providerContract>${CONTRACT})${Q}\s+detected`,
    ],
    versions: ["supportedContract", "providerContract"],
    roles: { supportedContract: "contract this clusterctl supports", providerContract: "contract found" },
    versionKinds: { supportedContract: "contract", providerContract: "contract" },
    priority: 55,
    meaning: "clusterctl and a provider release implement different Cluster API contracts.",
    causes: ["A provider version from another Cluster API minor than clusterctl (often 'latest' of one and a pinned other)."],
    fixes: ["Use a provider release that implements clusterctl's contract, or pin clusterctl to the provider's Cluster API minor."],
    examples: [
      {
        line: "Error: current version of clusterctl is only compatible with providers implementing the v1beta2 contract versions, detected contract version v1beta1 for provider infrastructure-vsphere",
        captures: { supportedContract: "v1beta2", providerContract: "v1beta1", provider: "infrastructure-vsphere" },
      },
    ],
  },
  {
    id: "clusterctl-upgrade-contract",
    title: "clusterctl cannot upgrade to that contract",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["current version of clusterctl", "contract, requested", "could only upgrade to", "while the management cluster is using", "while the core provider supports"],
    patterns: [
      // clusterctl printed an empty requested contract in some releases.
      String.raw`current\s+version\s+of\s+clusterctl\s+could\s+only\s+upgrade\s+to\s+(?<supportedContract>${CONTRACT})\s+contract\s*,\s*requested(?:\s+(?<requestedContract>${CONTRACT}))?`,
      String.raw`target\s+version\s+for\s+the\s+provider\s+(?<provider>[\w.-]+)\s+supports\s+the\s+(?<requestedContract>${CONTRACT})\s+API\s+Version\s+of\s+Cluster\s+API\s+\(contract\)\s*,\s*while\s+the\s+management\s+cluster\s+is\s+using\s+(?<supportedContract>${CONTRACT})`,
      String.raw`target\s+version\s+for\s+the\s+provider\s+(?<provider>[\w.-]+)\s+implements\s+the\s+(?<requestedContract>${CONTRACT})\s+contract\s+version\s*,\s*while\s+the\s+core\s+provider\s+supports\s+(?<supportedContract>${CONTRACT}(?:\s*,\s*${CONTRACT})*)\s+contract\s+versions`,
    ],
    versions: ["supportedContract", "requestedContract"],
    roles: { supportedContract: "contract supported", requestedContract: "contract requested" },
    versionKinds: { supportedContract: "contract", requestedContract: "contract" },
    priority: 54,
    meaning: "The requested upgrade crosses Cluster API contracts that this clusterctl (or the core provider) cannot handle.",
    causes: ["clusterctl from another Cluster API release than the upgrade target."],
    fixes: ["Use the clusterctl release for the target contract, and upgrade the core provider before the others."],
    examples: [
      {
        line: "Error: current version of clusterctl could only upgrade to v1alpha4 contract, requested v1beta1",
        captures: { supportedContract: "v1alpha4", requestedContract: "v1beta1" },
      },
    ],
  },
  {
    id: "capi-kcp-version-jump",
    title: "Control plane upgrade skips a minor",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["cannot update Kubernetes version from"],
    patterns: [String.raw`cannot\s+update\s+Kubernetes\s+version\s+from\s+${Q}(?<from>{V})${Q}\s+to\s+${Q}(?<to>{V})`],
    versions: ["from", "to"],
    roles: { from: "current control plane version", to: "requested version" },
    priority: 53,
    meaning: "The KubeadmControlPlane webhook rejected an upgrade that skips a minor version.",
    causes: ["The test's upgrade-from/upgrade-to versions are two or more minors apart."],
    fixes: ["Upgrade one minor at a time (set the intermediate version in the test configuration)."],
    references: ["https://github.com/kubernetes-sigs/cluster-api/pull/5935"],
    examples: [
      {
        line: "spec.version: Forbidden: cannot update Kubernetes version from v1.29.8 to v1.31.2",
        captures: { from: "v1.29.8", to: "v1.31.2" },
      },
    ],
  },
  {
    id: "capi-topology-version-change",
    title: "Cluster topology version change rejected",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["version cannot be decreased from", "version cannot be increased from", "workers cannot go from minor"],
    patterns: [
      String.raw`version\s+cannot\s+be\s+(?<direction>decreased|increased)\s+from\s+${Q}(?<from>{V})${Q}\s+to\s+${Q}(?<to>{V})`,
      String.raw`workers\s+cannot\s+go\s+from\s+minor\s+\d+\s+\(\s*(?<from>{V})\s*\)\s+to\s+minor\s+\d+\s+\(\s*(?<to>{V})\s*\)`,
    ],
    versions: ["from", "to"],
    roles: { from: "current topology version", to: "requested version" },
    priority: 52,
    meaning: "The Cluster webhook rejected a spec.topology.version change that downgrades or skips a minor.",
    causes: ["The test changes the topology version by more than one minor, or downwards."],
    fixes: ["Change the version one minor at a time; do not downgrade."],
    examples: [
      {
        line: String.raw`spec.topology.version: Invalid value: "v1.31.4": version cannot be decreased from "1.32.1" to "1.31.4"`,
        captures: { from: "1.32.1", to: "1.31.4" },
      },
    ],
  },
  {
    id: "capi-mgmt-cluster-too-old",
    title: "Management cluster too old for Cluster API",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["unsupported management cluster server version", "minimum required version is", "support Kubernetes version lower than"],
    patterns: [
      String.raw`unsupported\s+management\s+cluster\s+server\s+version\s*:\s*(?<server>{V})\s+-\s+minimum\s+required\s+version\s+is\s+(?<minimum>{V})`,
      String.raw`bootstrap\s+provider\s+for\s+kubeadm\s+doesn.t\s+support\s+Kubernetes\s+version\s+lower\s+than\s+(?<minimum>{V})`,
    ],
    versions: ["server", "minimum"],
    roles: { server: "management cluster version", minimum: "minimum Cluster API supports" },
    priority: 51,
    meaning: "The management cluster runs a Kubernetes version older than this Cluster API release supports.",
    causes: ["An old kind node image (or management cluster) used with a newer Cluster API."],
    fixes: ["Upgrade the management cluster, e.g. the kind node image used for it."],
    examples: [
      {
        line: "Error: unsupported management cluster server version: v1.21.14 - minimum required version is v1.22.0",
        captures: { server: "v1.21.14", minimum: "v1.22.0" },
      },
    ],
  },
];
