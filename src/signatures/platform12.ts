import type { Signature } from "../model.js";

// Platform rules of the sixth tuning session: managed Kubernetes (EKS/eksctl, AKS, Karpenter), distributions and their
// installers (EKS Anywhere, Talos/talhelper, openshift-ansible, Kubermatic) and clusterctl. Each is written from the
// source that prints the message, so its sibling wordings are covered too; the reasoning is in area-platform.ts.

// Quotes as printed, as JSON-escaped by Terraform/SDK error dumps, or absent.
const Q = String.raw`\\?"?`;
// A release of a component (not a Kubernetes release): 0.20.0, v0.18.7, v1.2.0-rc.0, v0.20.0-dev+build.22.
const REL = String.raw`v?\d+\.\d+\.\d+(?:[-+][\w.+-]*)?`;

export const platform12Signatures: Signature[] = [
  {
    id: "karpenter-kubernetes-version-incompatible",
    title: "Karpenter release outside its Kubernetes compatibility window",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["is not compatible with K8s version", "karpenter is not compatible with kubernetes version"],
    patterns: [
      // karpenter-provider-aws pkg/providers/version: fmt.Errorf("karpenter version is not compatible with K8s version %s"),
      // wrapped as "validating kubernetes version, …" (a panic at start from 1.1, a nodeclass/status error before).
      String.raw`karpenter\s+version\s+is\s+not\s+compatible\s+with\s+K8s\s+version\s+(?<kubernetes>\d+\.\d+(?:\.\d+)?)`,
      // kubernetes-sigs/karpenter#3089: the providers.version controller's later wording.
      String.raw`karpenter\s+is\s+not\s+compatible\s+with\s+kubernetes\s+version\s*\(\s*version\s*=\s*(?<kubernetes>\d+\.\d+(?:\.\d+)?)\s*\)`,
    ],
    versions: ["kubernetes"],
    roles: { kubernetes: "the cluster's Kubernetes minor" },
    versionKinds: { kubernetes: "kubernetes" },
    priority: 50,
    meaning:
      "Karpenter checks the cluster's Kubernetes minor against the window compiled into its release (MinK8sVersion..MaxK8sVersion) and refuses, or panics at start, outside it: almost always an EKS control plane upgraded past what the installed Karpenter supports.",
    causes: ["The EKS control plane was upgraded (often by a Terraform module bump or the console) before Karpenter was upgraded to a release that supports the new minor."],
    fixes: [
      "Upgrade Karpenter (chart and CRDs) to a release whose compatibility matrix includes the cluster's minor (karpenter.sh/docs/upgrading/compatibility), then upgrade the control plane.",
    ],
    references: ["https://karpenter.sh/docs/upgrading/compatibility/"],
    examples: [
      {
        // aws/karpenter-provider-aws#6271 (v0.36.2 after EKS 1.30)
        line: String.raw`{"level":"ERROR","time":"2024-05-25T22:28:52.312Z","logger":"controller.nodeclass","message":"karpenter version is not compatible with K8s version 1.30","commit":"e719109","ec2nodeclass":"xxxx"}`,
        captures: { kubernetes: "1.30" },
      },
      // aws/karpenter-provider-aws#7629 (chart 1.1.1 on EKS 1.32)
      { line: "panic: validating kubernetes version, karpenter version is not compatible with K8s version 1.32", captures: { kubernetes: "1.32" } },
      {
        // kubernetes-sigs/karpenter#3089
        line: String.raw`  "error": "updating version, validating kubernetes version, karpenter is not compatible with kubernetes version (version=1.34)"`,
        captures: { kubernetes: "1.34" },
      },
    ],
    nearMisses: ["Karpenter is not tied to a specific Kubernetes version, as the Cluster Autoscaler is."],
  },
  {
    id: "talhelper-talos-version-unsupported",
    title: "talhelper older than the Talos release its config names",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["is not a supported Talos version"],
    patterns: [
      // talhelper pkg/config/validator.go: fmt.Errorf("%q is not a supported Talos version", c.TalosVersion), an error
      // (InvalidTalosVersion) when talosVersion is not in the list of releases this talhelper build embeds.
      String.raw`${Q}(?<talos>v?\d+\.\d+\.\d+(?:-[\w.]+)?)${Q}\s+is\s+not\s+a\s+supported\s+Talos\s+version`,
    ],
    versions: ["talos"],
    roles: { talos: "talosVersion the config asks for" },
    versionKinds: { talos: { kind: "component", component: "Talos" } },
    priority: 45,
    meaning:
      "talhelper validates talconfig.yaml's talosVersion against the Talos releases compiled into its own build (its talos machinery dependency and extensions list); a Talos release newer than the talhelper build is refused.",
    causes: ["Talos was bumped (Renovate, a new minor) while the talhelper pinned in the CI image, mise/aqua or the AUR predates that Talos release."],
    fixes: ["Upgrade talhelper to a release that lists the Talos version (talhelper publishes one shortly after each Talos release), or keep talosVersion at a release this talhelper knows."],
    references: ["https://budimanjojo.github.io/talhelper/latest/reference/supported-version/"],
    examples: [
      // budimanjojo/talhelper#1594
      { line: String.raw`  * "v1.13.2" is not a supported Talos version`, captures: { talos: "v1.13.2" } },
      // budimanjojo/talhelper#406 (maintainer: update talhelper)
      { line: String.raw`field: "talosVersion" * "v1.5.6" is not a supported Talos version`, captures: { talos: "v1.5.6" } },
    ],
    nearMisses: [
      // budimanjojo/talhelper#1053: the newer wording is a warning and generation goes on.
      String.raw`  * WARNING: "v1.10.4" might not be compatible with this Talhelper version you're using`,
      String.raw`  * "siderolabs/amdgpu-firmware" is not a supported Talos extension`,
    ],
  },
  {
    id: "clusterctl-provider-components-older-contract",
    title: "clusterctl given provider components of an older contract (v1beta1 webhooks)",
    family: "cluster-api",
    severity: "error",
    flake: false,
    anchors: ["failed to set the TargetNamespace", "WebhookConfiguration) to (v1."],
    patterns: [
      // clusterctl v0.4.0/v0.4.1 (cmd/clusterctl/client/repository/components.go) rewrites the webhook and CRD namespaces
      // after converting them to admissionregistration/apiextensions v1; v1alpha3-era components still ship v1beta1 ones.
      String.raw`(?:failed\s+to\s+get\s+provider\s+components\s+for\s+the\s+${Q}(?<provider>[\w.:/-]+)${Q}\s+provider\s*:\s*)?(?:failed\s+to\s+set\s+the\s+TargetNamespace\s+on\s+the\s+components\s*:\s*)?converting\s+\((?<componentsApi>v1beta1)\.(?<kind>MutatingWebhookConfiguration|ValidatingWebhookConfiguration|CustomResourceDefinition)\)\s+to\s+\(v1\.(?:MutatingWebhookConfiguration|ValidatingWebhookConfiguration|CustomResourceDefinition)\)\s*:\s*unknown\s+conversion`,
    ],
    versions: ["componentsApi"],
    roles: { provider: "provider whose components were fetched", componentsApi: "API version of the components' webhook/CRD objects", kind: "object kind" },
    versionKinds: { componentsApi: "contract" },
    priority: 55,
    meaning:
      "clusterctl v0.4 fetched provider components still written for the v1alpha3 contract (admissionregistration.k8s.io/v1beta1 webhook configurations) and could not convert them to set the target namespace: the provider release is older than the contract this clusterctl serves. From clusterctl v0.4.2 the same mismatch reads \"current version of clusterctl is only compatible with v1alpha4 providers\".",
    causes: ["clusterctl upgraded to v0.4.x (or a provider pinned to an old release) so the provider's release predates the contract: its components.yaml still uses v1beta1 webhooks."],
    fixes: ["Install a provider release for this clusterctl's contract (clusterctl init --infrastructure <name>:<version of the same contract>), or use the clusterctl release of the provider's contract."],
    references: ["https://cluster-api.sigs.k8s.io/reference/versions", "https://github.com/kubernetes-sigs/cluster-api/pull/5096"],
    examples: [
      {
        // kubernetes-sigs/cluster-api#5171
        line: String.raw`Error: failed to get provider components for the "vsphere" provider: failed to set the TargetNamespace on the components: converting (v1beta1.MutatingWebhookConfiguration) to (v1.MutatingWebhookConfiguration): unknown conversion`,
        captures: { provider: "vsphere", componentsApi: "v1beta1", kind: "MutatingWebhookConfiguration" },
      },
      {
        // cluster-api-provider-hcloud#104
        line: String.raw`Error: failed to get provider components for the "hcloud:v0.1.4" provider: failed to set the TargetNamespace on the components: converting (v1beta1.ValidatingWebhookConfiguration) to (v1.ValidatingWebhookConfiguration): unknown conversion`,
        captures: { provider: "hcloud:v0.1.4", kind: "ValidatingWebhookConfiguration" },
      },
    ],
    // The API server's AdmissionReview conversion (the webhook server's API) is not this rule's: lines-12platform.jsonl.
  },
  {
    id: "eks-addon-version-step",
    title: "EKS add-on update skips a minor version",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["can only go up or down 1 minor version"],
    patterns: [
      // The EKS UpdateAddon API (InvalidParameterException): VPC-CNI moves one minor per update. Not in a comment.
      String.raw`(?<![#/]\s{0,4})Updating\s+(?<addon>[\w-]+)\s+can\s+only\s+go\s+up\s+or\s+down\s+1\s+minor\s+version\s+at\s+a\s+time`,
    ],
    versions: [],
    roles: { addon: "EKS add-on" },
    priority: 50,
    meaning: "EKS updates the VPC CNI managed add-on by at most one minor version per update; the requested addon_version is two or more minors away from the installed one.",
    causes: ["The add-on was left behind while the cluster was upgraded (or most_recent/latest resolved to a version several minors ahead), so the next update jumps more than one minor."],
    fixes: ["Step the add-on through each minor (aws eks update-addon --addon-version for each), or delete the add-on with --preserve and create it at the target version."],
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html"],
    examples: [
      // banzaicloud/pipeline#3562
      { line: "failed to update addon: Updating VPC-CNI can only go up or down 1 minor version at a time", captures: { addon: "VPC-CNI" } },
      // The SDK error dump, as a public Terraform module's docs quote it
      { line: String.raw`      Message_: "Updating VPC-CNI can only go up or down 1 minor version at a time"`, captures: { addon: "VPC-CNI" } },
    ],
    nearMisses: ["    # Updating VPC-CNI can only go up or down 1 minor version at a time."],
  },
  {
    id: "eksctl-config-api-version",
    title: "eksctl does not know the ClusterConfig apiVersion",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["is registered for version"],
    patterns: [
      String.raw`no\s+kind\s+${Q}(?<kind>ClusterConfig|NodeGroup)${Q}\s+is\s+registered\s+for\s+version\s+${Q}(?<apiVersion>eksctl\.io/[\w#]+)${Q}`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "ClusterConfig apiVersion", kind: "kind" },
    versionKinds: { apiVersion: "api-version" },
    // Above k8s-scheme-kind-not-registered, which dismisses dotted non-Kubernetes groups as unregistered types.
    priority: 60,
    meaning:
      "eksctl reads ClusterConfig only in the API versions its release registers: eksctl.io/v1alpha5 from eksctl 0.1.2x on, the older v1alpha4 (and before) dropped in the 0.1.3x releases. The config and the eksctl binary are from different eras.",
    causes: ["A workshop or example written for another eksctl (v1alpha4 configs with a current eksctl, or v1alpha5 configs with an eksctl from early 2019)."],
    fixes: ["Write the config as apiVersion: eksctl.io/v1alpha5 and use a current eksctl; or run the eksctl release the config was written for."],
    references: ["https://eksctl.io/usage/schema/"],
    examples: [
      {
        // eksctl-io/eksctl#1173 (maintainer: v1alpha5 is newer than eksctl 0.1.24)
        line: String.raw`[✖]  loading config file "eks-cluster.yaml": no kind "ClusterConfig" is registered for version "eksctl.io/v1alpha5" in scheme "k8s.io/client-go/kubernetes/scheme/register.go:60"`,
        captures: { apiVersion: "eksctl.io/v1alpha5", kind: "ClusterConfig" },
      },
      {
        // aws-samples/eks-workshop#335
        line: String.raw`[✖]  loading config file "eksworkshop.yml": no kind "ClusterConfig" is registered for version "eksctl.io/v1alpha4" in scheme "k8s.io/client-go/kubernetes/scheme/register.go:60"`,
        captures: { apiVersion: "eksctl.io/v1alpha4" },
      },
    ],
  },
  {
    id: "eksctl-config-field-unknown",
    title: "eksctl does not know a ClusterConfig field",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["while decoding JSON: json: unknown field"],
    patterns: [
      // eksctl loads ClusterConfig strictly (yaml.UnmarshalStrict, eksctl-io/eksctl#702): a field newer than the binary and
      // a mis-indented key read the same.
      String.raw`loading\s+config\s+file\s+${Q}(?<file>[^"\\\s]*)${Q}\s*:\s*error\s+unmarshaling\s+JSON\s*:\s*while\s+decoding\s+JSON\s*:\s*json\s*:\s*unknown\s+field\s+${Q}(?<field>\w+)${Q}`,
    ],
    versions: [],
    roles: { field: "field eksctl does not know", file: "config file" },
    priority: 50,
    meaning:
      "eksctl decodes ClusterConfig strictly and rejects any field its release does not define: a field added in a later eksctl (wellKnownPolicies, podIdentityAssociations, accessConfig, …) reads exactly like a mis-indented key.",
    causes: ["An example or docs page written for a newer eksctl than the one installed.", "A key indented under the wrong parent (name/region outside metadata), or an EKS Anywhere config given to plain eksctl."],
    fixes: ["Upgrade eksctl if the field is in the current schema (eksctl.io/usage/schema); otherwise fix the indentation, or use eksctl anywhere for an EKS Anywhere spec."],
    references: ["https://eksctl.io/usage/schema/"],
    examples: [
      {
        // eksctl-io/eksctl#3293 (0.36.0; 0.38.0 reads it)
        line: String.raw`"Error: loading config file "yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "wellKnownPolicies"`,
        captures: { field: "wellKnownPolicies", file: "yaml" },
      },
      {
        // aws/karpenter-provider-aws#5605
        line: String.raw`Error: loading config file "-": error unmarshaling JSON: while decoding JSON: json: unknown field "podIdentityAssociations"`,
        captures: { field: "podIdentityAssociations" },
      },
    ],
  },
  {
    id: "eksctl-stack-template-field-unknown",
    title: "eksctl older than the fields of the cluster's CloudFormation stack",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["failed to parse GetStackTemplate response"],
    patterns: [String.raw`failed\s+to\s+parse\s+GetStackTemplate\s+response\s*:\s*json\s*:\s*unknown\s+field\s+${Q}(?<field>\w+)${Q}`],
    versions: [],
    roles: { field: "template field eksctl does not know" },
    priority: 50,
    meaning:
      "eksctl decodes the cluster's CloudFormation stack template into its own types; a stack created or updated by a newer eksctl (or by EKS changes eksctl writes into the template, such as AccessConfig for access entries) carries fields this older eksctl cannot parse.",
    causes: ["The cluster was created or last touched by a newer eksctl than the one running now (an old eksctl in a workshop image or CI runner)."],
    fixes: ["Upgrade eksctl to at least the release that created the stack (eksctl-io/eksctl releases); 0.169+ reads AccessConfig."],
    references: ["https://github.com/eksctl-io/eksctl/releases"],
    examples: [
      {
        // aws-samples/eks-workshop-v2#802 (eksctl 0.164; 0.169.0 fixed it)
        line: String.raw`2024-01-31 14:12:52 [✖]  error getting cluster stack template: failed to parse GetStackTemplate response: json: unknown field "AccessConfig"`,
        captures: { field: "AccessConfig" },
      },
    ],
  },
  {
    id: "aks-version-not-offered",
    title: "AKS does not offer the requested Kubernetes version",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["Control plane version"],
    patterns: [String.raw`Control\s+plane\s+version\s+${Q}(?<requested>{V})${Q}\s+not\s+found`],
    versions: ["requested"],
    roles: { requested: "requested control plane version" },
    priority: 45,
    meaning:
      "AKS has no control plane build of the requested version for this cluster's region: a preview or new version not yet rolled out there, or one AKS has retired.",
    causes: ["A version taken from the release notes or release tracker before it reached the region (preview versions roll out region by region), or a retired patch pinned in Terraform/CI."],
    fixes: ["Pick a version from az aks get-versions --location <region> (or az aks get-upgrades for an existing cluster)."],
    references: ["https://learn.microsoft.com/azure/aks/supported-kubernetes-versions"],
    examples: [
      // Azure/AKS#4123
      { line: String.raw`        Message: rpc error: code = NotFound desc = Control plane version "1.29.0" not found`, captures: { requested: "1.29.0" } },
    ],
    nearMisses: ["Exception Details:\t(Unspecified) rpc error: code = NotFound desc = Control Plane not found"],
  },
  {
    id: "aks-node-configuration-version-unsupported",
    title: "AKS node configuration (AgentBaker) version out of support",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["is not supported for AgentBaker"],
    patterns: [
      // 2022 AgentBaker releases said "version v0.20211030.0 is not supported for AgentBaker" (Azure/AgentBaker#1759).
      String.raw`(?:Configuration)?[Vv]ersion\s+['"\\]*(?<configuration>v\d+\.\d{8}\.\d+)['"\\]*\s+is\s+not\s+supported\s+for\s+AgentBaker`,
    ],
    versions: ["configuration"],
    roles: { configuration: "node configuration (VHD) version of the pool or snapshot" },
    versionKinds: { configuration: { kind: "component", component: "AKS node image" } },
    priority: 45,
    meaning:
      "AgentBaker, which renders AKS node bootstrap for each node image release, no longer supports the configuration version the node pool (or the snapshot it was created from) is pinned to: the node image is older than the window AKS still provisions.",
    causes: ["A node pool created from an old node-image snapshot, or a pool whose node image was not upgraded for months."],
    fixes: ["Upgrade the node image (az aks nodepool upgrade --node-image-only) or take a fresh snapshot from a current pool."],
    references: ["https://learn.microsoft.com/azure/aks/node-image-upgrade"],
    examples: [
      // Azure/AgentBaker#6229
      { line: "Error: ConfigurationVersion 'v0.20241015.1' is not supported for AgentBaker.", captures: { configuration: "v0.20241015.1" } },
    ],
  },
  {
    id: "eksa-version-skew-refused",
    title: "EKS Anywhere refused a bundle or eksaVersion skew",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["is on older bundle spec.number", "EksaVersion upgrades must have a skew", "is not supported by bundles manifest", "can only be one minor version greater than cluster version"],
    patterns: [
      // pkg/validations (ValidateManagementClusterBundlesVersion): the workload cluster's bundle newer than the management cluster's.
      String.raw`cannot\s+upgrade\s+workload\s+cluster\s+with\s+bundle\s+spec\.number\s+(?<workloadBundle>\d+)\s+while\s+management\s+cluster\s+(?<management>\S+)\s+is\s+on\s+older\s+bundle\s+spec\.number\s+(?<managementBundle>\d+)`,
      // pkg/api/v1alpha1 cluster webhook (ValidateEksaVersionSkew): one minor per eksaVersion upgrade.
      String.raw`cannot\s+upgrade\s+to\s+(?<to>${REL})\s+from\s+(?<from>${REL})\s*:\s*EksaVersion\s+upgrades\s+must\s+have\s+a\s+skew\s+of\s+1\s+minor\s+version`,
      // pkg/validations (ValidateManagementComponentsVersionSkew, aws/eks-anywhere#7800): management components at most one
      // EKS-A minor ahead of a cluster's eksaVersion.
      String.raw`management\s+components\s+version\s+(?<managementComponents>${REL})\s+can\s+only\s+be\s+one\s+minor\s+version\s+greater\s+than\s+cluster\s+version\s+(?<clusterEksa>${REL})`,
      // pkg/cluster: the bundle (the EKS-A release's manifest) has no versions bundle for the cluster's Kubernetes version.
      String.raw`kubernetes\s+version\s+(?<kubernetes>\d+\.\d+)\s+is\s+not\s+supported\s+by\s+bundles\s+manifest\s+(?<bundle>\d+)`,
    ],
    versions: ["from", "to", "kubernetes", "managementComponents", "clusterEksa"],
    roles: {
      managementComponents: "management components' EKS-A version",
      clusterEksa: "cluster's eksaVersion",
      workloadBundle: "workload cluster's bundle number",
      managementBundle: "management cluster's bundle number",
      management: "management cluster",
      from: "current eksaVersion",
      to: "requested eksaVersion",
      kubernetes: "cluster's Kubernetes version",
      bundle: "bundles manifest number",
    },
    versionKinds: {
      from: { kind: "component", component: "EKS Anywhere" },
      to: { kind: "component", component: "EKS Anywhere" },
      managementComponents: { kind: "component", component: "EKS Anywhere" },
      clusterEksa: { kind: "component", component: "EKS Anywhere" },
      kubernetes: "kubernetes",
    },
    priority: 50,
    meaning:
      "EKS Anywhere enforces its own version skew: a workload cluster may not use a newer bundle than its management cluster, eksaVersion moves one minor per upgrade, and each EKS-A release (its bundles manifest) supports only certain Kubernetes minors.",
    causes: [
      "The workload cluster was upgraded with a newer eksctl-anywhere than the one that last upgraded the management cluster.",
      "An upgrade that skips an EKS-A minor (v0.18 to v0.20).",
      "A Kubernetes version the EKS-A release does not ship (too new for an old eksctl-anywhere, or dropped by a newer one).",
    ],
    fixes: ["Upgrade the management cluster first (eksctl anywhere upgrade management-components / cluster), step eksaVersion one minor at a time, and keep kubernetesVersion within the EKS-A release's supported list."],
    references: ["https://anywhere.eks.amazonaws.com/docs/concepts/support-versions/"],
    examples: [
      {
        // aws/eks-anywhere#6251
        line: String.raw`Validation failed	{"validation": "validate management cluster bundle version compatibility", "error": "cannot upgrade workload cluster with bundle spec.number 41 while management cluster mgmt is on older bundle spec.number 40", "remediation": "upgrade management cluster eksa-mgmt before creating workload cluster cluster_name"}`,
        captures: { workloadBundle: "41", managementBundle: "40", management: "mgmt" },
      },
      {
        // aws/eks-anywhere#7782
        line: String.raw`2024-03-04T08:35:52.563Z	V0	❌ Validation failed	{"validation": "validate eksaVersion skew is one minor version", "error": "spec.EksaVersion: Invalid value: \"v0.20.0-dev+build.22\": cannot upgrade to v0.20.0 from v0.18.7: EksaVersion upgrades must have a skew of 1 minor version", "remediation": "ensure eksaVersion upgrades are sequential by minor version"}`,
        captures: { to: "v0.20.0", from: "v0.18.7" },
      },
      // pkg/validations (the message of ValidateManagementComponentsVersionSkew, as its tests expect it)
      {
        line: "Validation failed: management components version v0.21.0 can only be one minor version greater than cluster version v0.19.0",
        captures: { managementComponents: "v0.21.0", clusterEksa: "v0.19.0" },
      },
    ],
  },
  {
    id: "openshift-ansible-version-mismatch",
    title: "openshift-ansible found another OpenShift version than openshift_release asks for",
    family: "distributions",
    severity: "error",
    flake: true,
    anchors: ["does not match requested openshift_release", "which is not matched by"],
    patterns: [
      // roles/openshift_version (3.3–3.6): the version the repositories/images provide against the inventory's pin.
      String.raw`Detected\s+OpenShift\s+version\s+(?<detected>v?\d+\.\d+(?:\.\d+)*(?:-[\w.]+)?)\s+does\s+not\s+match\s+requested\s+openshift_release\s+(?<requested>v?\d+\.\d+(?:\.\d+)*(?:-[\w.]+)?)`,
      // 3.6–3.10: "For an RPM install, abort when the release requested does not match the available version."
      String.raw`You\s+requested\s+openshift_release\s+(?<requested>v?\d+\.\d+(?:\.\d+)*(?:-[\w.]+)?)\s*,\s+which\s+is\s+not\s+matched\s+by\s+the\s+latest\s+OpenShift\s+RPM\s+we\s+detected\s+as\s+(?:origin|atomic-openshift)-(?<detected>\d+\.\d+(?:\.\d+)*)`,
    ],
    versions: ["detected", "requested"],
    roles: { detected: "OpenShift version the hosts' repositories provide", requested: "openshift_release in the inventory" },
    versionKinds: { detected: { kind: "component", component: "OpenShift" }, requested: { kind: "component", component: "OpenShift" } },
    priority: 45,
    meaning:
      "openshift-ansible compares openshift_release from the inventory with the OpenShift version the hosts' yum repositories (or images) provide, and aborts when they differ: it only installs the latest packages available.",
    causes: ["The repositories moved on to a newer release (or point to another one) while the inventory pins an older openshift_release; or openshift_release was given as a full version where only X.Y is expected."],
    fixes: ["Set openshift_release to the X.Y the repositories provide (and openshift_pkg_version for an exact build), or point the hosts at the repositories of the release you want."],
    references: ["https://docs.okd.io/3.11/install/configuring_inventory_file.html"],
    examples: [
      {
        // openshift/openshift-ansible#3357
        line: String.raw`fatal: [master]: FAILED! => {"changed": false, "failed": true, "msg": "Detected OpenShift version 1.3.0 does not match requested openshift_release 1.5.0-alpha.2. You may need to adjust your yum repositories, inventory, or run the appropriate OpenShift upgrade playbook."}`,
        captures: { detected: "1.3.0", requested: "1.5.0-alpha.2" },
      },
      {
        // openshift/openshift-ansible#7586
        line: "     Message:  You requested openshift_release 3.7.1, which is not matched by the latest OpenShift RPM we detected as origin-3.10.0",
        captures: { requested: "3.7.1", detected: "3.10.0" },
      },
    ],
  },
  {
    id: "kubermatic-cni-upgrade-step",
    title: "Kubermatic refused a CNI version change of more than one minor",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["cannot upgrade CNI from"],
    patterns: [String.raw`cannot\s+upgrade\s+CNI\s+from\s+(?<from>{V})\s+to\s+(?<to>{V})\s*,\s*only\s+one\s+minor\s+version\s+difference\s+is\s+allowed`],
    versions: ["from", "to"],
    roles: { from: "current CNI version", to: "requested CNI version" },
    versionKinds: { from: { kind: "component", component: "CNI plugin" }, to: { kind: "component", component: "CNI plugin" } },
    // Above the generic layer, which reads "cannot upgrade … from … to …" as a skew.
    priority: 40,
    meaning: "Kubermatic's cluster webhook allows the user cluster's CNI (Canal/Cilium) to move one minor version per change unless the cluster carries the unsafe-cni-upgrade label.",
    causes: ["A cluster spec that jumps the CNI version by two or more minors (a template or an old cluster upgraded in one step)."],
    fixes: ["Step cniPlugin.version one minor at a time, or label the cluster unsafe-cni-upgrade for a deliberate jump."],
    references: ["https://docs.kubermatic.com/kubermatic/main/tutorials-howtos/networking/cni-cluster-network/"],
    examples: [
      {
        line: "admission webhook \"clusters.kubermatic.io\" denied the request: spec.cniPlugin.version: Forbidden: cannot upgrade CNI from 1.11.0 to 1.13.0, only one minor version difference is allowed unless unsafe-cni-upgrade label is present",
        captures: { from: "1.11.0", to: "1.13.0" },
      },
    ],
  },
  {
    id: "rancher-etcd-restore-across-125",
    title: "Rancher refused to restore a pre-1.25 etcd snapshot into a 1.25+ cluster",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["recorded Kubernetes version on snapshot"],
    patterns: [
      // rancher pkg/provisioningv2/rke2/planner/etcdrestore.go (rancher/rancher#41320): PodSecurityPolicy objects in a
      // snapshot taken before 1.25 cannot come back into a cluster whose API server no longer serves them.
      String.raw`recorded\s+Kubernetes\s+version\s+on\s+snapshot\s+was\s+<=\s*(?<snapshot>v1\.25\.0)\s+and\s+current\s+cluster\s+version\s+was\s+(?<cluster>v1\.25\.0)\s+or\s+newer`,
    ],
    versions: ["snapshot", "cluster"],
    roles: { snapshot: "snapshot taken below", cluster: "cluster at or above" },
    versionKinds: { snapshot: "kubernetes", cluster: "kubernetes" },
    priority: 50,
    meaning:
      "Rancher (2.7.2+) will not restore an RKE2/K3s etcd snapshot taken on Kubernetes below 1.25 into a cluster that now runs 1.25 or newer: the snapshot's PodSecurityPolicies and other removed APIs cannot be served by the newer API server.",
    causes: [
      "An upgrade across 1.25 that Rancher tried to roll back (or a user restore) with a snapshot from before the upgrade.",
      "Rancher 2.8 dropped Kubernetes 1.23/1.24: clusters upgraded from 1.24 to 1.25 under it trip the same gate (rancher/rancher#44038).",
    ],
    fixes: ["Restore with the snapshot's Kubernetes version and configuration (restore mode \"all\") so the cluster goes back to the snapshot's release, or use a snapshot taken on 1.25+; move clusters to 1.25 before upgrading Rancher to 2.8."],
    references: ["https://github.com/rancher/rancher/releases/tag/v2.8.0"],
    examples: [
      {
        // rancher/rancher#44038
        line: "Unable to restore etcd snapshot – recorded Kubernetes version on snapshot was <= v1.25.0 and current cluster version was v1.25.0 or newer",
        captures: { snapshot: "v1.25.0", cluster: "v1.25.0" },
      },
    ],
  },
  {
    id: "webhook-admission-review-versions-unsupported",
    title: "Webhook configuration lists only AdmissionReview versions the API server does not accept",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["admissionReviewVersions: Invalid value"],
    patterns: [
      // k8s.io/kubernetes pkg/apis/admissionregistration/validation: AcceptedAdmissionReviewVersions is [v1beta1] up to
      // 1.16 and [v1, v1beta1] from 1.17 (kubernetes/kubernetes#82025): a v1-only webhook needs 1.17.
      String.raw`admissionReviewVersions\s*:\s*Invalid\s+value\s*:\s*\[\]string\{(?<listed>[^}]{0,200})\}\s*:\s*must\s+include\s+at\s+least\s+one\s+of\s+(?<accepted>v1(?:beta1)?(?:\s*,\s*v1(?:beta1)?)*)`,
    ],
    versions: ["accepted"],
    roles: { listed: "versions the webhook configuration lists", accepted: "versions the API server accepts" },
    versionKinds: { accepted: "contract" },
    // Above the generic layer, which reads "must include at least one of" as a skew without knowing the table.
    priority: 45,
    meaning:
      "The API server validates a webhook configuration's admissionReviewVersions against the AdmissionReview versions it can send: only v1beta1 up to Kubernetes 1.16, v1 and v1beta1 from 1.17. A chart that lists only v1 needs a 1.17+ cluster.",
    causes: ["A chart or operator (rancher-webhook, ingress-nginx 3.0) written for Kubernetes 1.17+ installed on a 1.16 or older cluster."],
    fixes: ["List both versions (admissionReviewVersions: [\"v1\", \"v1beta1\"]) or use the chart release that still supports the cluster; or upgrade the cluster to 1.17+."],
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/"],
    examples: [
      {
        // rancher/rancher#29420
        line: String.raw`Error: UPGRADE FAILED: failed to create resource: ValidatingWebhookConfiguration.admissionregistration.k8s.io "rancher.cattle.io" is invalid: webhooks[0].admissionReviewVersions: Invalid value: []string{"v1"}: must include at least one of v1beta1`,
        captures: { listed: `"v1"`, accepted: "v1beta1" },
      },
    ],
    nearMisses: [
      // intel/intel-device-plugins-for-kubernetes#547: a typo, refused by every release.
      String.raw`The MutatingWebhookConfiguration "intelfpgaplugin-mutating-webhook-configuration" is invalid: webhooks[0].admissionReviewVersions: Invalid value: []string{"v1beta"}: must include at least one of v1beta1`,
    ],
  },
  {
    id: "juju-charm-not-published-for-base",
    title: "Charm channel not published for the deployment's base",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["charm or bundle not found for channel"],
    patterns: [
      // juju core/charm/repository (charmhub): no release of the channel for the requested base; juju 2.9 says platform.
      String.raw`charm\s+or\s+bundle\s+not\s+found\s+for\s+channel\s+${Q}(?<channel>[\w./-]+)${Q}\s*,\s*(?:base|platform)\s+${Q}(?<base>[\w./@-]+)${Q}`,
    ],
    versions: [],
    roles: { channel: "charm channel", base: "base (architecture/OS/series)" },
    priority: 40,
    meaning:
      "Charmhub has no release of the charm in that channel for the base (Ubuntu series) or platform the application or model uses: the channel (a Charmed Kubernetes or OpenStack track) is published only for other bases, or not at all.",
    causes: ["A refresh to a newer track that dropped the old Ubuntu base (e.g. a 2/edge built only for 24.04 while the app runs on 20.04); Juju does not cross bases on refresh.", "A channel (track) the charm never published."],
    fixes: ["Check juju info <charm> for the channels and bases published; move the application to a supported base first, or pick a channel published for its base."],
    references: ["https://juju.is/docs/juju/charm-channel"],
    examples: [
      {
        // juju/juju#20830
        line: String.raw`ERROR selecting releases: charm or bundle not found for channel "2/edge", base "amd64/ubuntu/20.04"`,
        captures: { channel: "2/edge", base: "amd64/ubuntu/20.04" },
      },
      {
        // canonical/stsstack-bundles#54 (ussuri track not published)
        line: String.raw`ERROR cannot deploy bundle: cannot resolve charm or bundle "barbican-vault": selecting releases: charm or bundle not found for channel "ussuri/edge", platform "amd64"`,
        captures: { channel: "ussuri/edge", base: "amd64" },
      },
    ],
    // juju/juju#14106: no channel asked for, a charm without a stable release.
    nearMisses: [String.raw`ERROR selecting releases: charm or bundle not found for channel "", platform "amd64"`],
  },
  {
    id: "az-cli-aks-addon-unknown",
    title: "Azure CLI older than the AKS add-on it is asked to enable",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["is not a recognized addon option", "KeyError: "],
    patterns: [
      // azure-cli acs/_validators.py (and aks-preview): the addon is not in this CLI's ADDONS table.
      String.raw`The\s+addon\s+${Q}(?<addon>[\w-]+)${Q}\s+is\s+not\s+a\s+recognized\s+addon\s+option\.(?<suggested>\s+Did\s+you\s+mean)?`,
      // azure-cli before the table check (2.0.8x): the lookup itself raises (Azure/azure-cli#20742).
      String.raw`KeyError\s*:\s*'(?<addon>azure-keyvault-secrets-provider|open-service-mesh|gitops|web_application_routing|confcom|ingress-appgw|azure-policy|virtual-node|kube-dashboard)'`,
    ],
    versions: [],
    roles: { addon: "AKS add-on asked for" },
    priority: 45,
    meaning:
      "az aks (or the aks-preview extension) only knows the add-ons of its release; an add-on AKS added later (azure-keyvault-secrets-provider, open-service-mesh, gitops, web_application_routing, …) is refused or crashes the lookup in an older CLI.",
    causes: ["An azure-cli (or aks-preview extension) pinned in the CI image or agent that predates the add-on the docs or script use.", "A mistyped add-on name reads the same (az then suggests the closest name)."],
    fixes: ["Upgrade azure-cli (az upgrade) and the aks-preview extension (az extension update --name aks-preview), or check the name against az aks enable-addons -h."],
    references: ["https://learn.microsoft.com/cli/azure/aks#az-aks-enable-addons"],
    examples: [
      {
        // MicrosoftDocs/azure-docs#107934
        line: "The addon \"azure-keyvault-secrets-provider\" is not a recognized addon option. Possible options: 'http_application_routing', 'monitoring', 'virtual-node', 'azure-policy', 'kube-dashboard', 'ingress-appgw', 'confcom'",
        captures: { addon: "azure-keyvault-secrets-provider" },
      },
      // Azure/azure-cli#20742 (azure-cli 2.0.80)
      { line: "KeyError: 'azure-keyvault-secrets-provider'", captures: { addon: "azure-keyvault-secrets-provider" } },
    ],
  },
  {
    id: "openshift-installer-release-image-mismatch",
    title: "openshift-install and the release image are from different releases",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["bootkube.sh[", "-render[", "-operator-image"],
    patterns: [
      // The installer's bootkube.sh renders manifests with the release image's operators; a flag the script passes that
      // the operator image lacks (or dropped) means installer and release image differ (openshift/installer#3341, #5081).
      // The journald prefix (bootkube.sh[pid]:, kube-apiserver-render[pid]:) is stripped before matching; only the anchors
      // on the raw line say which script printed it.
      String.raw`(?:(?:bootkube\.sh|[\w-]+-render)\[\d+\]\s*:\s*|^)Error\s*:\s*unknown\s+flag\s*:\s*--(?<flag>[\w-]+)`,
      String.raw`unknown\s+flag\s*:\s*--(?<flag>[\w-]+-operator-image)\b`,
    ],
    versions: [],
    roles: { flag: "flag the installer's bootkube.sh passes" },
    // Above k8s-component-unknown-flag, which knows the Kubernetes components' flags, not the OpenShift render commands'.
    priority: 65,
    meaning:
      "The bootstrap node's bootkube.sh comes from the openshift-install binary, the operators it runs from the release image; a render flag one side does not know means the installer was built for another release than the release image (an installer from master, a RELEASE_IMAGE_OVERRIDE, a CI image of another stream).",
    causes: ["openshift-install built from source (master) with an older release image override, or an old installer with a newer release image.", "A CI job resolving the release image from another stream than the installer (openshift/installer#7178: a 4.13 image for a 4.14 installer)."],
    fixes: ["Use the openshift-install of the release image (oc adm release extract --command=openshift-install <release image>), or build the installer from the matching release branch."],
    references: ["https://github.com/openshift/installer/blob/master/docs/user/overview.md"],
    examples: [
      {
        // openshift/installer#5081 (maintainer: outdated release image)
        line: "Jul 14 12:24:08 ocp-whrb7-bootstrap bootkube.sh[2271]: Error: unknown flag: --infra-config-file",
        captures: { flag: "infra-config-file" },
      },
      // openshift/installer#3341
      { line: "Error: unknown flag: --cluster-etcd-operator-image", captures: { flag: "cluster-etcd-operator-image" } },
      {
        // okd-project/okd#2293
        line: "Dec 01 05:19:04 bootstrap kube-apiserver-render[60687]: Error: unknown flag: --operand-kubernetes-version",
        captures: { flag: "operand-kubernetes-version" },
      },
    ],
    nearMisses: ["Jul 14 12:24:01 ocp-whrb7-bootstrap bootkube.sh[2271]: Rendering Kubernetes API server core manifests..."],
  },
  {
    id: "clusterctl-cert-manager-version-mismatch",
    title: "clusterctl older than the cert-manager it installs or finds",
    family: "cluster-api",
    severity: "error",
    flake: false,
    anchors: ["failed to get cert-manager object", "failed to update cert-manager component"],
    patterns: [
      // clusterctl before v1.0.x/v1.1.1 reads the cert-manager v1.5.3+ manifest's empty documents as objects without a
      // kind (cluster-api book, troubleshooting: "failed to get cert-manager object").
      String.raw`failed\s+to\s+get\s+cert-manager\s+object\s+/,\s*Kind=,\s*/\s*:\s*Object\s+'Kind'\s+is\s+missing`,
      // clusterctl v0.3 installing its cert-manager (v1beta1 CRDs) over a cert-manager 1.0+ already storing v1.
      String.raw`failed\s+to\s+update\s+cert-manager\s+component\s+(?<crdApi>apiextensions\.k8s\.io/v1beta1),\s*Kind=CustomResourceDefinition`,
    ],
    versions: ["crdApi"],
    roles: { crdApi: "API version of clusterctl's cert-manager CRDs" },
    versionKinds: { crdApi: "api-version" },
    priority: 50,
    meaning:
      "clusterctl installs (or upgrades) its own pinned cert-manager and parses its manifest: an older clusterctl cannot read the manifest of a newer cert-manager (v1.5.3+), and clusterctl v0.3 cannot downgrade a cert-manager 1.0+ already in the cluster.",
    causes: ["A clusterctl pinned in CI or a Makefile that predates the cert-manager release it is asked to install (fixed in clusterctl v1.0.x/v1.1.1).", "A cert-manager installed separately (Helm) newer than the one this clusterctl ships."],
    fixes: ["Upgrade clusterctl (v1.1.1 or later reads the newer cert-manager manifests); with an existing cert-manager, let clusterctl detect it (labels) or upgrade clusterctl to a release whose cert-manager is not older."],
    references: ["https://cluster-api.sigs.k8s.io/user/troubleshooting.html#failed-clusterctl-init---failed-to-get-cert-manager-object"],
    examples: [
      {
        // kubernetes-sigs/cloud-provider-azure#1212
        line: "Error: action failed after 10 attempts: failed to get cert-manager object /, Kind=, /: Object 'Kind' is missing in 'unstructured object has no kind'",
      },
      {
        // kubernetes-sigs/cluster-api#3836 (clusterctl v0.3.10 over cert-manager v1.0.2)
        line: String.raw`Error: action failed after 10 attempts: failed to update cert-manager component apiextensions.k8s.io/v1beta1, Kind=CustomResourceDefinition, /certificaterequests.cert-manager.io: CustomResourceDefinition.apiextensions.k8s.io "certificaterequests.cert-manager.io" is invalid: status.storedVersions[0]: Invalid value: "v1": must appear in spec.versions`,
        captures: { crdApi: "apiextensions.k8s.io/v1beta1" },
      },
    ],
  },
  {
    id: "karpenter-api-version-removed",
    title: "Karpenter API version removed by the installed Karpenter (or Karpenter not installed)",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["karpenter.sh/v", "karpenter.k8s.aws/v"],
    patterns: [
      // (The Terraform kubectl provider's "isn't valid for cluster" form is api12's terraform-manifest-api-not-valid.)
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>Provisioner|AWSNodeTemplate|Machine|NodePool|NodeClaim|EC2NodeClass)${Q}\s+in\s+version\s+${Q}(?<apiVersion>karpenter\.(?:sh|k8s\.aws)/v\w+)${Q}`,
    ],
    gate: "karpenter\\.",
    versions: ["apiVersion"],
    roles: { apiVersion: "Karpenter API version of the manifest", kind: "kind" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-no-kind-match, which dismisses CRD groups as not installed.
    priority: 45,
    meaning:
      "The cluster serves no such Karpenter kind at that API version: Karpenter removed karpenter.sh/v1alpha5 (Provisioner) and karpenter.k8s.aws/v1alpha1 (AWSNodeTemplate) in v0.33, and the v1beta1 NodePool/EC2NodeClass in v1.1; or Karpenter's CRDs are not installed yet.",
    causes: ["Manifests or a module example written for an older Karpenter applied to a newer one.", "The manifests applied before the Karpenter chart (CRDs) was installed."],
    fixes: ["Rewrite the manifests for the installed Karpenter's API (karpenter.sh/v1 NodePool, karpenter.k8s.aws/v1 EC2NodeClass since 1.0), following the v1beta1/v1 migration guides; or install Karpenter (and its CRDs) first."],
    references: ["https://karpenter.sh/docs/upgrading/v1-migration/", "https://karpenter.sh/v0.32/upgrading/v1beta1-migration/"],
    examples: [
      {
        // aws/karpenter-provider-aws#2275 (Karpenter not installed yet)
        line: String.raw`unable to recognize "karpenter-provisioner.yaml": no matches for kind "Provisioner" in version "karpenter.sh/v1alpha5"`,
        captures: { apiVersion: "karpenter.sh/v1alpha5", kind: "Provisioner" },
      },
    ],
  },
];
