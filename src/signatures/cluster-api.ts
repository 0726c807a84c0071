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
    anchors: ["current version of clusterctl", "detected contract version", "providers, detected", "management clusters,", " for provider infrastructure-", " for provider bootstrap-", " for provider control-plane-", " for provider cluster-api"],
    patterns: [
      String.raw`(?:current\s+version\s+of\s+clusterctl\s+(?:is\s+|could\s+install\s+)?)?only\s+(?:compatible\s+with\s+)?(?:providers\s+implementing\s+the\s+)?(?<supportedContract>${CONTRACT}(?:(?:\s*,\s*|\s+and\s+)${CONTRACT})*)\s+(?:contract\s+versions?|providers)\s*,\s*detected\s+(?:contract\s+version\s+)?(?<providerContract>${CONTRACT})\s+for\s+provider\s+${Q}(?<provider>[\w.-]+)`,
      // The same message wrapped after the comma (cluster-api#5425): each half on its own line.
      String.raw`current\s+version\s+of\s+clusterctl\s+is\s+only\s+compatible\s+with\s+(?:providers\s+implementing\s+the\s+)?(?<supportedContract>${CONTRACT}(?:(?:\s*,\s*|\s+and\s+)${CONTRACT})*)\s+(?:contract\s+versions?|providers)\s*,?\s*(?:detected\s+(?<providerContract>${CONTRACT}))?\s*$`,
      String.raw`(?:^|[\s:])detected\s+(?:contract\s+version\s+)?(?<providerContract>v1(?:alpha|beta)\d+)\s+for\s+provider\s+${Q}(?<provider>(?:infrastructure|bootstrap|control-plane)-[\w.-]+|cluster-api)\b`,
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
      {
        // kubernetes-retired/cluster-api-provider-nested#218 and #343 (clusterctl v1.x with the v1alpha4 nested provider)
        line: "Error: current version of clusterctl is only compatible with v1beta1 providers, detected v1alpha4 for provider cluster-api",
        captures: { supportedContract: "v1beta1", providerContract: "v1alpha4", provider: "cluster-api" },
      },
      {
        // kubernetes-sigs/cluster-api#5096
        line: "Error: current version of clusterctl is only compatible with v1alpha4 providers, detected v1alpha3 for provider infrastructure-aws",
        captures: { supportedContract: "v1alpha4", providerContract: "v1alpha3", provider: "infrastructure-aws" },
      },
      // kubernetes-sigs/cluster-api#5425: the console wrapped the message after the comma.
      { line: "Error: current version of clusterctl is only compatible with v1beta1 providers, ", captures: { supportedContract: "v1beta1" } },
      { line: "detected v1alpha4 for provider infrastructure-openstack", captures: { providerContract: "v1alpha4", provider: "infrastructure-openstack" } },
    ],
    nearMisses: [
      // An inventory line, not a contract check.
      String.raw`Fetching File="metadata.yaml" Provider="infrastructure-openstack" Type="InfrastructureProvider" Version="v0.4.0"`,
      "Error: current version of clusterctl is only compatible with",
    ],
  },
  {
    id: "clusterctl-upgrade-contract",
    title: "clusterctl cannot upgrade to that contract",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["current version of clusterctl", "contract, requested", "could only upgrade to", "while the management cluster is using", "while the management group is using", "while the core provider supports"],
    patterns: [
      // clusterctl printed an empty requested contract in some releases.
      String.raw`current\s+version\s+of\s+clusterctl\s+could\s+only\s+upgrade\s+to\s+(?<supportedContract>${CONTRACT})\s+contract\s*,\s*requested(?:\s+(?<requestedContract>${CONTRACT}))?`,
      String.raw`target\s+version\s+for\s+the\s+provider\s+(?<provider>[\w.-]+)\s+supports\s+the\s+(?<requestedContract>${CONTRACT})\s+API\s+Version\s+of\s+Cluster\s+API\s+\(contract\)\s*,\s*while\s+the\s+management\s+cluster\s+is\s+using\s+(?<supportedContract>${CONTRACT})`,
      // clusterctl init (v0.3.x–v0.4) installing a provider of another contract: "installing provider \"bootstrap-talos\" can
      // lead to a non functioning management cluster: the target version for the provider supports the v1alpha3 …".
      String.raw`(?:installing\s+provider\s+${Q}(?<provider>[\w.-]+)${Q}\s+can\s+lead\s+to\s+a\s+non\s+functioning\s+management\s+cluster\s*:\s*)?the\s+target\s+version\s+for\s+the\s+provider\s+supports\s+the\s+(?<requestedContract>${CONTRACT})\s+API\s+Version\s+of\s+Cluster\s+API\s+\(contract\)\s*,\s*while\s+the\s+management\s+(?:group|cluster)\s+is\s+using\s+(?<supportedContract>${CONTRACT})`,
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
      {
        // siderolabs/sidero#518 and #519 (docs pinned clusterctl v0.3.14 while the providers' latest was v1alpha4)
        line: String.raw`Error: installing provider "bootstrap-talos" can lead to a non functioning management cluster: the target version for the provider supports the v1alpha3 API Version of Cluster API (contract), while the management group is using v1alpha4`,
        captures: { provider: "bootstrap-talos", requestedContract: "v1alpha3", supportedContract: "v1alpha4" },
      },
    ],
    nearMisses: [
      // kubernetes-sigs/cluster-api#5414-style: a second instance of a provider, not a contract mismatch.
      String.raw`Error: installing provider "cluster-api" can lead to a non functioning management cluster: there is already an instance of the "cluster-api" provider installed in the "capi-system" namespace`,
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
  {
    id: "capi-crd-contract-label-missing",
    title: "Provider CRD has no label for the core's Cluster API contract",
    family: "cluster-api",
    severity: "warning",
    flake: true,
    anchors: ["cannot find any versions matching contract", "contract version label(s) are"],
    patterns: [
      // v0.3: `… contract "cluster.x-k8s.io/v1alpha3" for CRD x`; v0.4–1.9 add "as contract version label(s) are either
      // missing or empty"; 1.10+ list the compatible contracts: `… contract versions ["v1beta2" "v1beta1"] for CRD x`.
      String.raw`cannot\s+find\s+any\s+versions\s+matching\s+contract(?:\s+versions)?\s+\\?"?(?:cluster\.x-k8s\.io/)?\[?\\?"?(?<contract>${CONTRACT})\b(?:[^\n]*?\s+for\s+CRD\s+(?<crd>[\w.-]+))?`,
    ],
    versions: ["contract"],
    roles: { contract: "contract the core provider looks for", crd: "provider CRD without that contract label" },
    versionKinds: { contract: "contract" },
    priority: 50,
    meaning:
      "The Cluster API core controller looks up a provider CRD by its cluster.x-k8s.io/<contract> label to pick the API version it serves for the core's contract; the CRD has no such label. With a released provider this means the provider implements an older contract than the core (a v1alpha3 provider under a v1alpha4 core, a v1beta1-only provider under a core that needs v1beta2 labels); with a home-made provider, the label was never set.",
    causes: [
      "A core provider upgraded (or installed from 'latest') past the provider's contract: the provider release predates the core's contract.",
      "A provider under development whose CRDs lack the contract label (kubebuilder metadata label marker missing).",
    ],
    fixes: [
      "Install the provider release that implements the core's contract (see the provider's metadata.yaml), or pin the core provider to the provider's contract.",
      "For your own provider: label each CRD with cluster.x-k8s.io/<contract>: <api versions>, e.g. cluster.x-k8s.io/v1beta1: v1beta1.",
    ],
    references: ["https://cluster-api.sigs.k8s.io/developer/providers/contracts/overview.html#api-version-labels"],
    examples: [
      {
        // kubernetes-sigs/cluster-api-provider-ibmcloud#325 (latest core v1alpha4 with a v1alpha3-only IBM provider)
        line: String.raw`"error"="cannot find any versions matching contract \"cluster.x-k8s.io/v1alpha4\" for CRD ibmvpcclusters.infrastructure.cluster.x-k8s.io as contract version label(s) are either missing or empty"`,
        captures: { contract: "v1alpha4", crd: "ibmvpcclusters.infrastructure.cluster.x-k8s.io" },
      },
      {
        // kubernetes-sigs/cluster-api#4263
        line: String.raw`E0308 07:53:27.352172       1 controller.go:301] controller-runtime/manager/controller/cluster "msg"="Reconciler error" "error"="cannot find any versions matching contract \"cluster.x-k8s.io/v1alpha4\" for CRD zksclusters.infrastructure.cluster.x-k8s.io" "name"="work-cluster-zks" "namespace"="default"`,
        captures: { contract: "v1alpha4", crd: "zksclusters.infrastructure.cluster.x-k8s.io" },
      },
      {
        // cluster-api 1.10+ wording (the compatible contracts listed), as quoted in the beskar7 provider's e2e script
        line: "cannot find any versions matching contract versions [v1beta2 v1beta1]",
        captures: { contract: "v1beta2" },
      },
    ],
    nearMisses: [String.raw`failed to find a CustomResourceDefinition for infrastructure.cluster.x-k8s.io/v1alpha3, Kind=MailgunCluster`],
  },
];
