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
      // clusterctl generate provider (1.10+) says "provider implementing" and spells it "conctract" in some releases.
      String.raw`(?:current\s+version\s+of\s+clusterctl\s+(?:is\s+|could\s+install\s+)?)?only\s+(?:compatible\s+with\s+)?(?:providers?\s+implementing\s+(?:the\s+)?)?(?<supportedContract>${CONTRACT}(?:(?:\s*,\s*|\s+and\s+)${CONTRACT})*)\s+(?:conc?tract\s+versions?|providers)\s*,\s*detected\s+(?:contract\s+version\s+)?(?<providerContract>${CONTRACT})\s+for\s+provider\s+${Q}(?<provider>[\w.-]+)`,
      // The same message wrapped after the comma (cluster-api#5425): each half on its own line.
      String.raw`current\s+version\s+of\s+clusterctl\s+is\s+only\s+compatible\s+with\s+(?:providers?\s+implementing\s+(?:the\s+)?)?(?<supportedContract>${CONTRACT}(?:(?:\s*,\s*|\s+and\s+)${CONTRACT})*)\s+(?:conc?tract\s+versions?|providers)\s*,?\s*(?:detected\s+(?<providerContract>${CONTRACT}))?\s*$`,
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
      {
        // kubernetes-sigs/cluster-api#4856 (clusterctl v0.3.19 fetching the newly released v0.4.0 core)
        line: "Error: current version of clusterctl could install only v1alpha3 providers, detected v1alpha4 for provider cluster-api",
        captures: { supportedContract: "v1alpha3", providerContract: "v1alpha4", provider: "cluster-api" },
      },
      {
        // kubernetes-sigs/cluster-api#5448: the same user's older clusterctl against a v1beta1 management cluster
        line: String.raw`Error: this version of clusterctl could be used only with "v1alpha4" management clusters, "v1beta1" detected`,
        captures: { supportedContract: "v1alpha4", providerContract: "v1beta1" },
      },
      {
        // kubernetes-sigs/cluster-api#13415 (clusterctl 1.11 move from a v1.10 management cluster)
        line: String.raw`Error: this version of clusterctl could be used only with "v1beta2" management clusters, "v1beta1" detected`,
        captures: { supportedContract: "v1beta2", providerContract: "v1beta1" },
      },
      {
        // clusterctl generate provider, cmd/clusterctl/client/generate_provider.go (1.10+)
        line: "Error: current version of clusterctl is only compatible with provider implementing v1beta2, v1beta1 contract versions, detected v1alpha4 for provider infrastructure-kubevirt",
        captures: { supportedContract: "v1beta2, v1beta1", providerContract: "v1alpha4", provider: "infrastructure-kubevirt" },
      },
      // kubernetes-sigs/cluster-api#5425: the console wrapped the message after the comma.
      { line: "Error: current version of clusterctl is only compatible with v1beta1 providers, ", captures: { supportedContract: "v1beta1" } },
      { line: "detected v1alpha4 for provider infrastructure-openstack", captures: { providerContract: "v1alpha4", provider: "infrastructure-openstack" } },
    ],
    nearMisses: [
      // An inventory line, not a contract check.
      String.raw`Fetching File="metadata.yaml" Provider="infrastructure-openstack" Type="InfrastructureProvider" Version="v0.4.0"`,
      "Error: current version of clusterctl is only compatible with",
      // k0rdent/kcm#586: the product's own (buggy) template validation, not clusterctl's contract check.
      String.raw`core CAPI contract version v1alpha4 does not support ProviderTemplate k0smotron-0-0-2`,
      // kubernetes-sigs/cluster-api-ipam-provider-in-cluster#286: the provider's metadata.yaml lacked a release series.
      "Error: invalid provider metadata: version v1.0.0-rc.0 (one of the available versions) for the provider capi-ipam-in-cluster-system/ipam-incluster does not match any release series",
    ],
  },
  {
    id: "clusterctl-upgrade-contract",
    title: "clusterctl cannot upgrade to that contract",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: [
      "current version of clusterctl",
      "contract, requested",
      "could only upgrade to",
      "could only upgrade the core provider",
      "while the management cluster is",
      "while the management group is",
      "while the core provider",
    ],
    patterns: [
      // clusterctl printed an empty requested contract in some releases; 1.11 names the core provider.
      String.raw`current\s+version\s+of\s+clusterctl\s+could\s+only\s+upgrade\s+(?:the\s+core\s+provider\s+)?to\s+(?<supportedContract>${CONTRACT})\s+contract(?:\s+version)?\s*,\s*requested(?:\s+(?<requestedContract>${CONTRACT}))?`,
      String.raw`target\s+version\s+for\s+the\s+provider\s+(?<provider>[\w.-]+)\s+supports\s+the\s+(?<requestedContract>${CONTRACT})\s+API\s+Version\s+of\s+Cluster\s+API\s+\(contract\)\s*,\s*while\s+the\s+management\s+(?:cluster|group)\s+is\s+using\s+(?<supportedContract>${CONTRACT})`,
      // A provider left out of an upgrade that moves the core to another contract (0.3–1.10, then 1.11's wording).
      String.raw`the\s+provider\s+(?<provider>[\w./-]+)\s+supports\s+the\s+(?<requestedContract>${CONTRACT})\s+API\s+Version\s+of\s+Cluster\s+API\s+\(contract\)\s*,\s*while\s+the\s+management\s+(?:cluster|group)\s+is\s+being\s+updated\s+to\s+(?<supportedContract>${CONTRACT})`,
      String.raw`the\s+provider\s+(?<provider>[\w./-]+)\s+implements\s+the\s+(?<requestedContract>${CONTRACT})\s+contract\s+version\s*,\s*while\s+the\s+core\s+provider\s+is\s+getting\s+updated\s+to\s+a\s+version\s+that\s+supports\s+(?<supportedContract>${CONTRACT}(?:\s*,\s*${CONTRACT})*)\s+contract\s+versions`,
      // clusterctl init 1.11+: "installing provider \"x\" could lead to …: … implements the v1alpha4 contract version, while the
      // core provider is compatible with v1beta2,v1beta1 contract versions".
      String.raw`(?:installing\s+provider\s+${Q}(?<provider>[\w.-]+)${Q}\s+could\s+lead\s+to\s+a\s+non\s+functioning\s+management\s+cluster\s*:\s*)?the\s+target\s+version\s+for\s+the\s+provider\s+implements\s+the\s+(?<requestedContract>${CONTRACT})\s+contract\s+version\s*,\s*while\s+the\s+core\s+provider\s+is\s+compatible\s+with\s+(?<supportedContract>${CONTRACT}(?:\s*,\s*${CONTRACT})*)\s+contract\s+versions`,
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
      {
        // kubernetes-sigs/cluster-api#5386 (a v1beta1 clusterctl, no --contract given: the requested contract is empty)
        line: "Error: current version of clusterctl could only upgrade to v1beta1 contract, requested",
        captures: { supportedContract: "v1beta1" },
      },
      {
        // cmd/clusterctl/client/cluster/upgrader.go, 0.3–1.10 (provider left at the old contract)
        line: "Error: unable to complete that upgrade: the provider capv-system/infrastructure-vsphere supports the v1alpha3 API Version of Cluster API (contract), while the management cluster is being updated to v1alpha4. Please include the capv-system/infrastructure-vsphere provider in the upgrade",
        captures: { provider: "capv-system/infrastructure-vsphere", requestedContract: "v1alpha3", supportedContract: "v1alpha4" },
      },
      {
        // the same check in 1.11+
        line: "Error: unable to perform upgrade: the provider capa-system/infrastructure-aws implements the v1alpha4 contract version, while the core provider is getting updated to a version that supports v1beta2, v1beta1 contract versions. Please include the capa-system/infrastructure-aws provider in the upgrade",
        captures: { provider: "capa-system/infrastructure-aws", requestedContract: "v1alpha4", supportedContract: "v1beta2, v1beta1" },
      },
      {
        // cmd/clusterctl/client/cluster/installer.go, 1.11+
        line: String.raw`Error: installing provider "infrastructure-openstack" could lead to a non functioning management cluster: the target version for the provider implements the v1alpha4 contract version, while the core provider is compatible with v1beta2,v1beta1 contract versions`,
        captures: { provider: "infrastructure-openstack", requestedContract: "v1alpha4", supportedContract: "v1beta2,v1beta1" },
      },
    ],
    nearMisses: [
      // vexxhost/magnum-cluster-api#109: clusterctl init re-run on an initialised cluster (another wording of the same check).
      String.raw`Error: installing provider \"infrastructure-openstack\" can lead to a non functioning management cluster: there is already an instance of the \"infrastructure-openstack\" provider installed in the \"capo-system\" namespace`,
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
  {
    id: "capi-api-version-not-served",
    title: "Cluster API or provider API version not served by the installed CRDs (components of different contracts)",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["cluster.x-k8s.io/v"],
    patterns: [
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>(?:(?:infrastructure|bootstrap|controlplane|addons|ipam|runtime)\.)?cluster\.x-k8s\.io/(?<contract>v1(?:alpha|beta)\d+))\b`,
    ],
    versions: ["contract"],
    roles: { apiVersion: "Cluster API group/version asked for", kind: "Cluster API kind", contract: "API version (contract) asked for" },
    versionKinds: { contract: "contract" },
    // Above api-no-kind-match, which reads a CRD group as "CRD not installed".
    priority: 55,
    meaning:
      "The Cluster API CRDs in the cluster do not serve this version: the manifest, provider controller or tool was written for another Cluster API contract than the installed core and providers (v1alpha2 → v1alpha3 in 0.3, v1alpha4 in 0.4, v1beta1 in 1.0, v1beta2 in 1.11; the alpha versions are no longer served). A v1beta version that is missing can also mean Cluster API is not installed at all, which is why those are only a warning.",
    causes: [
      "Cluster templates or a controller (Tanzu add-ons, a provider) built for an older or newer contract than the management cluster's Cluster API.",
      "A provider upgraded and started before the core provider it depends on (clusterctl upgrade order), or the core upgraded past a provider.",
    ],
    fixes: [
      "Use manifests and provider releases of the management cluster's contract (clusterctl upgrade plan lists them), upgrading the core provider first; or run clusterctl init on a cluster that has no Cluster API yet.",
    ],
    references: ["https://cluster-api.sigs.k8s.io/reference/versions.html"],
    examples: [
      {
        // kubernetes-sigs/cluster-api#2028 (Cluster API v0.2.8 serves v1alpha2; the quick start was for master's v1alpha3)
        line: String.raw`unable to recognize "cluster.yaml": no matches for kind "Cluster" in version "cluster.x-k8s.io/v1alpha3"`,
        captures: { kind: "Cluster", apiVersion: "cluster.x-k8s.io/v1alpha3", contract: "v1alpha3" },
      },
      {
        // kubernetes-sigs/cluster-api-provider-aws#1049 (a v1alpha2 CAPA controller against the v1alpha1 CRDs)
        line: String.raw`"error"="no matches for kind \"AWSMachine\" in version \"infrastructure.cluster.x-k8s.io/v1alpha2\"" "controller"="AWSMachine"`,
        captures: { kind: "AWSMachine", apiVersion: "infrastructure.cluster.x-k8s.io/v1alpha2", contract: "v1alpha2" },
      },
      {
        // kubernetes-sigs/cluster-api#5327 (CAPA v1alpha4 started before the core provider was upgraded)
        line: String.raw`E0927 10:21:26.680285       1 deleg.go:144] controller-runtime/source "msg"="if kind is a CRD, it should be installed before calling Start" "error"="no matches for kind \"Cluster\" in version \"cluster.x-k8s.io/v1alpha4\""  "kind"={"Group":"cluster.x-k8s.io","Kind":"Cluster"}`,
        captures: { kind: "Cluster", contract: "v1alpha4" },
      },
    ],
    nearMisses: [
      "apiVersion: cluster.x-k8s.io/v1alpha3",
      // Same-named kinds of other projects.
      String.raw`no matches for kind "Cluster" in version "postgresql.cnpg.io/v1"`,
    ],
  },
];
