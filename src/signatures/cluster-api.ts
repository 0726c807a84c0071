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
      // kubernetes-sigs/cluster-api-ipam-provider-in-cluster#286: the provider's metadata.yaml lacked a release series (a
      // packaging bug of that release, not a skew: every clusterctl fails on it alike).
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
      {
        // metal3-io/cluster-api-provider-metal3#1633 (the e2e upgrade-from version left two minors behind), JSON-escaped
        line: String.raw`"admission webhook \"validation.kubeadmcontrolplane.controlplane.cluster.x-k8s.io\" denied the request: KubeadmControlPlane.cluster.x-k8s.io \"test1\" is invalid: spec.version: Forbidden: cannot update Kubernetes version from v1.28.1 to v1.30.0"`,
        captures: { from: "v1.28.1", to: "v1.30.0" },
      },
    ],
    nearMisses: [
      // KCP v0.3's refusal of one release for a kubeadm bug (cluster-api#3564), not a skipped minor.
      "spec.version: Forbidden: cannot update Kubernetes version to v1.19.0, for more information see https://github.com/kubernetes-sigs/cluster-api/issues/3564",
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
  {
    id: "capi-machineset-preflight-version-skew",
    title: "MachineSet (or MachinePool) preflight check: workers' version outside the skew allowed by the control plane",
    family: "cluster-api",
    severity: "error",
    flake: true,
    anchors: ["do not conform to the kubernetes version skew", "do not conform to kubeadm version skew", "version skew policy"],
    patterns: [
      // cluster-api 1.5+ (internal/controllers/machineset/machineset_preflight.go, later the MachinePool controller too);
      // the machines are not created ("on hold") until the check passes, so a test waits until it times out.
      String.raw`(?<owner>MachineSet|MachinePool)\s+version\s+\(\s*(?<workers>{V})\s*\)\s+and\s+ControlPlane\s+version\s+\(\s*(?<controlPlane>{V})\s*\)\s+do\s+not\s+conform\s+to\s+(?:the\s+)?(?<policy>kubernetes|kubeadm)\s+version\s+skew\s+policy`,
    ],
    versions: ["workers", "controlPlane"],
    roles: { workers: "MachineSet / MachinePool version", controlPlane: "control plane version", policy: "policy checked (kubernetes: kubelet skew; kubeadm: same minor to join)" },
    priority: 53,
    meaning:
      "Cluster API's preflight checks hold back creating (or remediating) Machines whose Kubernetes version breaks the skew policy against the control plane: KubernetesVersionSkew refuses workers newer than the control plane or more than three minors (two before 1.28) older, KubeadmVersionSkew refuses a kubeadm-bootstrapped worker whose minor differs from the control plane's. The MachineSet waits and retries, so the job usually fails by timeout.",
    causes: [
      "The workers' version (MachineDeployment spec.template.spec.version) bumped before, or further than, the control plane's.",
      "A test or template upgrading the control plane and the workers to different minors, or joining kubeadm workers of another minor.",
    ],
    fixes: [
      "Upgrade the control plane first and move the workers to its minor (kubeadm workers: exactly its minor); set the MachineDeployment version accordingly.",
      "If the mixed versions are deliberate, skip the check with the machineset.cluster.x-k8s.io/skip-preflight-checks annotation.",
    ],
    references: ["https://cluster-api.sigs.k8s.io/tasks/experimental-features/machineset-preflight-checks"],
    examples: [
      {
        // cluster-api#9222: the message as the check's unit test spells it (1.5+)
        line: String.raw`MachineSet version (1.27.0) and ControlPlane version (1.26.2) do not conform to the kubernetes version skew policy as MachineSet version is higher than ControlPlane version ("KubernetesVersionSkew" preflight check failed)`,
        captures: { owner: "MachineSet", workers: "1.27.0", controlPlane: "1.26.2", policy: "kubernetes" },
      },
      {
        // cluster-api#8595: the first wording of the kubeadm check (format string from the PR, example versions)
        line: "Pre-flight check failed: MachineSet version (v1.26.0) and ControlPlane version (v1.27.1) do not conform to kubeadm version skew policy: kubeadm bootstrap provider only supports joining with the same version as the control plane",
        captures: { workers: "v1.26.0", controlPlane: "v1.27.1", policy: "kubeadm" },
      },
      {
        // the MachinePool check (cluster-api#14089): its format string with example versions, as klog quotes it
        line: String.raw`I0815 10:01:02.123456       1 machinepool_controller.go:301] "Scale up on hold because MachinePool version (1.32.0) and ControlPlane version (1.28.3) do not conform to the kubernetes version skew policy as MachinePool version is more than 3 minor versions older than the ControlPlane version (\"KubernetesVersionSkew\" preflight check failed). The operation will continue after the preflight check(s) pass"`,
        captures: { owner: "MachinePool", workers: "1.32.0", controlPlane: "1.28.3" },
      },
    ],
    nearMisses: [
      // ControlPlaneVersionSkew: a topology upgrade still propagating, not a skew anyone chose.
      String.raw`MachineSet version (v1.31.0) is not yet the same as the ControlPlane version (v1.32.0), waiting for version to be propagated to the MachineSet ("ControlPlaneVersionSkew" preflight check failed)`,
      String.raw`KubeadmControlPlane default/cp1 is upgrading ("ControlPlaneIsStable" preflight check failed)`,
    ],
  },
  {
    id: "capi-provider-image-not-published",
    title: "No machine image published for the requested Kubernetes version",
    family: "cluster-api",
    severity: "warning",
    flake: true,
    anchors: ["found no AMIs with the name", "does not have a corresponding VM image", "no VM image found for publisher", "PlatformImageNotFound"],
    patterns: [
      // CAPA's default AMI lookup: capa-ami-<os>-?<k8s version>-* (older releases ??-?????????? suffixes).
      String.raw`found\s+no\s+AMIs\s+with\s+the\s+name\s*:\s*${Q}capa-ami-[\w.-]*?-\??(?<kubernetes>v?\d+\.\d+\.\d+)-`,
      // CAPZ's e2e suite checks the version against the offer's SKUs before creating anything.
      String.raw`Provided\s+Kubernetes\s+version\s+(?<kubernetes>{V})\s+does\s+not\s+have\s+a\s+corresponding\s+VM\s+image`,
      // CAPZ's default-image lookup in the Marketplace offer (azure/services/virtualmachineimages, before the community
      // gallery): no SKU version for the Machine's Kubernetes version.
      String.raw`no\s+VM\s+image\s+found\s+for\s+publisher\s+\\?"(?<publisher>[\w.-]+)\\?"\s+offer\s+\\?"(?<offer>[\w.-]+)\\?"\s+sku\s+\\?"(?<sku>[\w.-]+)\\?"\s+with\s+Kubernetes\s+version\s+\\?"(?<kubernetes>{V})`,
      // Older CAPZ (2019–2021) named the reference image by version itself (k8s-1dot22dot0-ubuntu-1804) and Azure
      // refused it as not published; a provider bug building a wrong name reads the same (cluster-api-provider-azure#384).
      String.raw`PlatformImageNotFound[^\n]{0,40}?The\s+platform\s+image\s+'(?<image>cncf-upstream:[\w.-]+:k8s-\d+dot\d+dot\d+[\w.-]*:[\w.-]+)'\s+is\s+not\s+available`,
    ],
    versions: ["kubernetes"],
    roles: { kubernetes: "Kubernetes version requested", publisher: "image publisher", offer: "image offer", sku: "image SKU", image: "image reference (its Kubernetes version spelled 1dotNdotM)" },
    priority: 45,
    meaning:
      "The infrastructure provider looks up its reference image (CAPA AMI, CAPZ Marketplace/gallery image) by the Machine's Kubernetes version, and none is published for that version: the provider's image pipeline only covers some patch releases, drops old ones, and older provider releases look in a place that newer images no longer go to.",
    causes: [
      "A Kubernetes patch newer than the latest image built for the provider (images lag releases), or older than the ones still published.",
      "An old provider release (e.g. CAPZ before the community gallery, CAPA's ubuntu-18.04 default) looking up images the project stopped publishing there.",
      "A version typo or prerelease that no image will ever match.",
    ],
    fixes: [
      "Pick a Kubernetes version with a published image (CAPA: the built-amis list; CAPZ: az vm image list for the offer), or set an explicit image/AMI built with image-builder.",
      "Upgrade the provider to a release whose default lookup finds the current images.",
    ],
    references: ["https://cluster-api-aws.sigs.k8s.io/topics/images/built-amis", "https://capz.sigs.k8s.io/self-managed/custom-images"],
    examples: [
      {
        // kubernetes-sigs/cluster-api-provider-aws#5118 (e2e asked for AMIs that were never built)
        line: String.raw`      message: 'failed to create AWSMachine instance: failed to find ami: found no AMIs with the name: "capa-ami-ubuntu-18.04-?1.25.0-*"'`,
        captures: { kubernetes: "1.25.0" },
      },
      {
        // kubernetes-sigs/cluster-api-provider-azure#4422 (v1.22.9 images deprecated in the offer)
        line: String.raw`Provided Kubernetes version v1.22.9 does not have a corresponding VM image in the "capi offer"`,
        captures: { kubernetes: "v1.22.9" },
      },
      {
        // kubernetes/test-infra#34752 (CAPZ v1.17's Marketplace lookup, no image for v1.30.8)
        line: String.raw`E0428 23:07:38.283612       1 controller.go:324] "Reconciler error" err="failed to init machine scope cache: failed to get default image: no VM image found for publisher \"cncf-upstream\" offer \"capi\" sku \"ubuntu-2204-gen1\" with Kubernetes version \"v1.30.8\"" controller="azuremachine"`,
        captures: { publisher: "cncf-upstream", offer: "capi", sku: "ubuntu-2204-gen1", kubernetes: "v1.30.8" },
      },
      {
        // kubernetes-sigs/cluster-api-provider-azure#1614 (quickstart asked for v1.22.0 before its images were published)
        line: String.raw`Original Error: Code=\"PlatformImageNotFound\" Message=\"The platform image 'cncf-upstream:capi:k8s-1dot22dot0-ubuntu-1804:latest' is not available. Verify that all fields in the storage profile are correct.`,
        captures: { image: "cncf-upstream:capi:k8s-1dot22dot0-ubuntu-1804:latest" },
      },
    ],
    nearMisses: [
      // nutanix-cloud-native/cluster-api-runtime-extensions-nutanix#345: an empty AMI ID, nothing to do with versions.
      "failed to create AWSMachine instance: failed to run instance: MissingParameter: The request must contain the parameter ImageId",
    ],
  },
  {
    id: "capi-manifest-other-api-shape",
    title: "Cluster API manifest shaped for another API version of its kind (v1beta1 vs v1beta2)",
    family: "cluster-api",
    severity: "warning",
    flake: true,
    anchors: ["cannot be handled as a", "in body should have at least 1"],
    patterns: [
      // The API server's strict decoding of a core Cluster API kind: fields that exist in another version only
      // (v1beta2, Cluster API 1.11: refs by apiGroup not apiVersion, ClusterClass refs under templateRef, drain/deletion
      // timeouts moved, extraArgs as lists).
      String.raw`(?<kind>\w+ControlPlane(?:Template)?|Cluster|ClusterClass|KubeadmConfig|KubeadmConfigTemplate|MachineDeployment|MachineSet|Machine|MachinePool|MachineHealthCheck|ClusterResourceSet|MachineDrainRule)\s+in\s+version\s+${Q}(?<apiVersion>v1(?:alpha|beta)\d+)${Q}\s+cannot\s+be\s+handled\s+as\s+a\s+\w+\s*:\s*strict\s+decoding\s+error\s*:\s*unknown\s+field\s+${Q}(?<field>[\w.\[\]-]+)`,
      // v1beta2's minimum-properties validation on kubeadm config objects left empty by templates of older releases.
      String.raw`(?<field>spec\.(?:template\.spec\.)?(?:kubeadmConfigSpec\.)?(?:clusterConfiguration|initConfiguration|joinConfiguration)\.[\w.]+)\s*:\s*Invalid\s+value\s*:\s*0\s*:\s*[\w.]+\s+in\s+body\s+should\s+have\s+at\s+least\s+1\s+(?:properties|items)`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API version the manifest declares", kind: "Cluster API kind", field: "field the API server does not know in that version" },
    versionKinds: { apiVersion: "api-version" },
    priority: 46,
    meaning:
      "The API server decoded a Cluster API object strictly and its fields do not fit the version the manifest declares: Cluster API 1.11 introduced v1beta2 with a new shape (references by apiGroup instead of apiVersion, ClusterClass templateRef, timeouts and extraArgs restructured, empty kubeadm config objects refused), so templates written for v1beta1 fail as v1beta2 and v1beta2 fields fail as v1beta1. A misspelt field reads the same, so this is a warning.",
    causes: [
      "Cluster templates or a chart bumped to apiVersion v1beta2 without converting their fields (or v1beta2 fields kept under v1beta1).",
      "Provider templates from a release older than the Cluster API version installed (a provider not yet updated for Cluster API 1.11).",
    ],
    fixes: [
      "Convert the manifest to the shape of the version it declares (the Cluster API v1.10-to-v1.11 migration guide lists the moved fields), or keep the apiVersion it was written for: the API server converts v1beta1 objects.",
      "Use provider templates released for the management cluster's Cluster API version.",
    ],
    references: ["https://cluster-api.sigs.k8s.io/developer/providers/migrations/v1.10-to-v1.11"],
    examples: [
      {
        // kubernetes-sigs/cluster-api-provider-ibmcloud#2414 (templates not yet updated for 1.11.0-alpha.2)
        line: String.raw`Error from server (BadRequest): error when creating "first.yaml": Cluster in version "v1beta2" cannot be handled as a Cluster: strict decoding error: unknown field "spec.controlPlaneRef.apiVersion", unknown field "spec.infrastructureRef.apiVersion"`,
        captures: { kind: "Cluster", apiVersion: "v1beta2", field: "spec.controlPlaneRef.apiVersion" },
      },
      {
        // kubernetes-sigs/cluster-api-provider-ibmcloud#2459 (ClusterClass templates after the bump to the release candidate)
        line: String.raw`Error from server (BadRequest): error when creating "vpc-cc.yaml": ClusterClass in version "v1beta2" cannot be handled as a ClusterClass: strict decoding error: unknown field "spec.controlPlane.machineInfrastructure.ref", unknown field "spec.controlPlane.ref"`,
        captures: { kind: "ClusterClass", apiVersion: "v1beta2", field: "spec.controlPlane.machineInfrastructure.ref" },
      },
      {
        // k3s-io/cluster-api-k3s#143 (a v1beta2 field under apiVersion v1beta1 of a control-plane provider)
        line: String.raw`Error from server (BadRequest): error when creating "k3s-cluster.yaml": KThreesControlPlane in version "v1beta1" cannot be handled as a KThreesControlPlane: strict decoding error: unknown field "spec.kthreesConfigSpec.serverConfig.disableCloudController"`,
        captures: { kind: "KThreesControlPlane", apiVersion: "v1beta1", field: "spec.kthreesConfigSpec.serverConfig.disableCloudController" },
      },
      {
        // kubernetes-sigs/cluster-api-provider-ibmcloud#2437 (templates with empty dns/scheduler objects under 1.11.0-beta.0)
        line: String.raw` KubeadmControlPlane.controlplane.cluster.x-k8s.io "capibm-e2e-4cosq8-control-plane" is invalid: [spec.kubeadmConfigSpec.clusterConfiguration.dns: Invalid value: 0: spec.kubeadmConfigSpec.clusterConfiguration.dns in body should have at least 1 properties, spec.kubeadmConfigSpec.clusterConfiguration.scheduler: Invalid value: 0: spec.kubeadmConfigSpec.clusterConfiguration.scheduler in body should have at least 1 properties]`,
        captures: { field: "spec.kubeadmConfigSpec.clusterConfiguration.dns" },
      },
    ],
    nearMisses: [
      // vyogotech/frappe-operator#31: a broken release manifest (RBAC kinds with spec fields), no Cluster API kind.
      String.raw`Error from server (BadRequest): error when creating "install.yaml": RoleBinding in version "v1" cannot be handled as a RoleBinding: strict decoding error: unknown field "resources", unknown field "rules", unknown field "spec"`,
      // kubernetes-sigs/cluster-api#13339: v1beta2-shaped args that repeat a name (a validation rule, not another version).
      String.raw`KubeadmControlPlane.controlplane.cluster.x-k8s.io "davinci-1" is invalid: [spec.kubeadmConfigSpec.initConfiguration.nodeRegistration.kubeletExtraArgs: Invalid value: "array": kubeletExtraArgs name must be unique]`,
    ],
  },
  {
    id: "crd-conversion-version-unsupported",
    title: "Conversion webhook cannot convert between these API versions of a custom resource",
    family: "api",
    severity: "warning",
    flake: true,
    anchors: ["is not convertible to *v", "is the highest known version", "conversion not supported for type", "cluster.x-k8s.io/v"],
    patterns: [
      // controller-runtime's webhook/conversion: "%T is not convertible to %T" when a version is neither the hub nor
      // implements Convertible (a template type whose old version was never given conversion functions).
      String.raw`\*(?<from>v\d+(?:alpha|beta)?\d*)\.(?<kind>[A-Z]\w*)\s+is\s+not\s+convertible\s+to\s+\*(?<to>v\d+(?:alpha|beta)?\d*)\.[A-Z]\w*`,
      // knative.dev/pkg's conversion webhook (Tekton, Knative): asked for a version newer than the webhook knows.
      String.raw`conversion\s+failed\s+to\s+version\s+(?<to>v\d\w*)\s+for\s+type\s+\[kind=(?<kind>\w+)\s+group=(?<group>[\w.-]+)\s+version=(?<from>v\d\w*)\]\s*-\s*(?<highest>v\d\w*)\s+is\s+the\s+highest\s+known\s+version`,
      String.raw`conversion\s+not\s+supported\s+for\s+type\s+\[kind=(?<kind>\w+)\s+group=(?<group>[\w.-]+)\s+version=(?<from>v\d\w*)\]`,
      // The API server's wrapper when the webhook server answers 404: a Cluster API controller (core or provider) whose
      // manager registered no /convert handler because its scheme lacks the old API version (kubernetes-sigs/cluster-api#4401,
      // #3958; cluster-api-provider-openstack#987). Only Cluster API's groups: an operator that never enabled conversion
      // reads the same (rajsinghtech/garage-operator#260, kubernetes-sigs/kubebuilder#2963) and has no older release to blame.
      String.raw`conversion\s+webhook\s+for\s+(?<group>(?:[\w-]+\.)?cluster\.x-k8s\.io)/(?<from>v1(?:alpha|beta)\d+)\s*,\s*Kind=(?<kind>\w+)\s+failed\s*:\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: ["from", "to", "highest"],
    roles: { from: "API version converted from", to: "API version asked for", highest: "newest version the webhook knows", kind: "kind" },
    versionKinds: { from: "api-version", to: "api-version", highest: "api-version" },
    priority: 45,
    meaning:
      "The CRD asks its conversion webhook for an API version the webhook's binary cannot convert to or from: the CRD (or a stored object, or a client) belongs to another release of the operator or provider than the running controller, or a release shipped a served version without conversion functions.",
    causes: [
      "CRDs upgraded (or left behind) apart from the controller that serves their conversion webhook, e.g. a provider upgraded with a ClusterClass still referencing templates of the old API version.",
      "A provider release that serves an old API version of a type (often a *Template kind) without implementing its conversion: a bug of that release.",
    ],
    fixes: [
      "Upgrade CRDs and controller together (clusterctl upgrade, the operator's own manifests), move references (ClusterClass templates) to the storage version, or take the provider release that adds the missing conversion.",
    ],
    examples: [
      {
        // kubernetes-sigs/cluster-api-provider-gcp#558 (ClusterClass with GCPClusterTemplate: v1alpha4 never got conversion)
        line: String.raw`E0321 04:15:16.676189       1 logr.go:265] conversion-webhook "msg"="failed to convert" "error"="*v1beta1.GCPClusterTemplate is not convertible to *v1alpha4.GCPClusterTemplate"  "request"="a486b407-3b5c-4924-bec2-b6d638fd1057"`,
        captures: { from: "v1beta1", to: "v1alpha4", kind: "GCPClusterTemplate" },
      },
      {
        // kubernetes-sigs/cluster-api-provider-openstack#1248 (CAPO v0.5 → v0.6.3 with ClusterClass)
        line: String.raw`E0525 08:51:34.722666       1 logr.go:265] conversion-webhook "msg"="failed to convert" "error"="*v1alpha4.OpenStackClusterTemplate is not convertible to *v1alpha5.OpenStackClusterTemplate"  "request"="56491161-28d4-4935-a4c0-4158e95bed44"`,
        captures: { from: "v1alpha4", to: "v1alpha5", kind: "OpenStackClusterTemplate" },
      },
      {
        // tektoncd/pipeline#6075 (something still asking for the v1alpha1 ResolutionRequest after v1beta1)
        line: String.raw`"desiredAPIVersion":"resolution.tekton.dev/v1alpha1","error":"conversion failed to version v1alpha1 for type [kind=ResolutionRequest group=resolution.tekton.dev version=v1beta1] -  v1beta1 is the highest known version, got: *v1alpha1.ResolutionRequest"`,
        captures: { to: "v1alpha1", from: "v1beta1", highest: "v1beta1", kind: "ResolutionRequest" },
      },
      {
        // knative/eventing#3804
        line: String.raw`{"level":"error","ts":"2020-08-08T09:55:13.320Z","logger":"eventing-webhook","caller":"conversion/conversion.go:59","msg":"Conversion failed: conversion not supported for type [kind=Subscription group=messaging.knative.dev version=v1alpha1]","commit":"acdd118"}`,
        captures: { from: "v1alpha1", kind: "Subscription", group: "messaging.knative.dev" },
      },
      {
        // kubernetes-sigs/cluster-api#4401 (v1alpha3 templates against a v1alpha4 management cluster whose manager lost the
        // v1alpha3 scheme)
        line: String.raw`Error from server (InternalError): error when creating "STDIN": Internal error occurred: conversion webhook for controlplane.cluster.x-k8s.io/v1alpha3, Kind=KubeadmControlPlane failed: the server could not find the requested resource`,
        captures: { group: "controlplane.cluster.x-k8s.io", from: "v1alpha3", kind: "KubeadmControlPlane" },
      },
    ],
    nearMisses: [
      // rajsinghtech/garage-operator#260: an operator chart that deploys no conversion handler, not a Cluster API group.
      String.raw`Error from server (InternalError): error when creating "cluster.yaml": Internal error occurred: Internal error occurred: conversion webhook for garage.rajsingh.info/v1beta2, Kind=GarageCluster failed: the server could not find the requested resource`,
      // An unreachable webhook service (a stopped or not yet deployed controller), not a version it cannot convert.
      String.raw`Error from server: conversion webhook for cluster.x-k8s.io/v1beta2, Kind=Cluster failed: Post "https://webhook-service.system.svc:443/convert?timeout=30s": service "webhook-service" not found`,
      // kyma-project/api-gateway#1606: a conversion that failed on the object's content, not on its version.
      String.raw`conversion-webhook failed to convert {"request": "3f1f", "error": "json: cannot unmarshal object into Go value of type string"}`,
      // Go generics helpers with the same format but no API versions.
      "request response of type map[string]interface {} is not convertible to *models.Cluster",
    ],
  },
  {
    id: "capi-infra-failure-domains-other-contract",
    title: "Cluster API cannot read the infrastructure cluster's failureDomains in its contract's shape",
    family: "cluster-api",
    severity: "warning",
    flake: false,
    anchors: ["from infrastructure provider for Cluster"],
    patterns: [
      // internal/controllers/cluster/cluster_controller_phases.go reads InfraCluster status.failureDomains by the
      // provider's contract (internal/contract/infrastructure_cluster.go): a map in v1beta1, a list from v1beta2
      // (kubernetes-sigs/cluster-api#12083, v1.11). An object of the other shape fails the accessor.
      String.raw`failed\s+to\s+retrieve\s+status\.failureDomains\s+from\s+infrastructure\s+provider\s+for\s+Cluster\b(?:[^\n]{0,200}?is\s+of\s+the\s+type\s+(?<found>map\[string\]interface\s*\{\}|\[\]interface\s*\{\})\s*,\s*expected\s+(?<expected>map\[string\]interface\s*\{\}|\[\]interface\s*\{\}))?`,
    ],
    versions: [],
    roles: { found: "shape the provider wrote", expected: "shape the contract reads" },
    priority: 40,
    meaning:
      "Cluster API v1.11 moved status.failureDomains from a map (v1beta1 contract) to a list (v1beta2) and reads each infrastructure cluster by the contract its CRD declares; a provider object in the other shape (a provider release of the other contract, or a CRD labelled for a contract whose shape the provider does not write yet) cannot be read, and the Cluster does not progress.",
    causes: [
      "Cluster API core v1.11+ with an infrastructure provider release that still writes v1beta1 failure domains while its CRD says v1beta2, or the reverse (kubernetes-sigs/cluster-api-provider-openstack#3041: CAPI v1.12 with CAPO's v1beta1 OpenStackCluster).",
    ],
    fixes: [
      "Use the provider release built for the core's contract (its metadata.yaml release series), or keep the core at v1.10 until the provider implements v1beta2.",
      "Check the contract labels on the provider's CRDs (cluster.x-k8s.io/<contract>: <api versions>) against the API version whose objects it serves.",
    ],
    references: ["https://cluster-api.sigs.k8s.io/developer/providers/contracts/infra-cluster"],
    examples: [
      {
        // kubernetes-sigs/cluster-api-provider-openstack#3041 (the excerpt cut after "failed to")
        line: String.raw` E0303 11:25:22.757223       1 controller.go:474] "Reconciler error" err="failed to retrieve status.failureDomains from infrastructure provider for Cluster \"xx\" in namespace \"default\": failed to`,
      },
      {
        // the accessor's own error under it (internal/contract, unstructured.NestedSlice)
        line: String.raw`err="failed to retrieve status.failureDomains from infrastructure provider for Cluster \"c1\" in namespace \"default\": failed to get .status.failureDomains from object: .status.failureDomains accessor error: map[az1:map[controlPlane:true]] is of the type map[string]interface {}, expected []interface{}"`,
        captures: { found: "map[string]interface {}", expected: "[]interface{}" },
      },
    ],
    nearMisses: [String.raw`"Reconciler error" err="failed to retrieve Secret \"c1-kubeconfig\" for Cluster default/c1: secrets \"c1-kubeconfig\" not found"`],
  },
];
