import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15platform.jsonl.

// Quotes as printed, or JSON/YAML-escaped in a ClusterVersion dump.
const Q = String.raw`\\?"`;

// ClusterVersionGiantHop's message: the release asked for and the current target.
const GIANT_HOP = String.raw`(?<target>\d+\.\d+\.\d+[\w.+-]{0,60})\s+is\s+more\s+than\s+one\s+minor\s+version\s+beyond\s+the\s+current\s+target\s+(?<current>\d+\.\d+\.\d+[\w.+-]{0,60})`;

export const platform15Signatures: Signature[] = [
  {
    id: "eksctl-aws-cli-lacks-get-token",
    title: "eksctl cannot use kubectl with the new EKS cluster: the aws CLI is older than `aws eks get-token`",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["unable to use kubectl with the EKS cluster"],
    patterns: [
      // eksctl pkg/utils/kubectl (CheckAllCommands): errors.Wrapf(err, "unable to use kubectl with the EKS cluster (check
      // '%s')", …) around kubectl version's stderr. The kubeconfig eksctl writes falls back to `aws eks get-token` when
      // aws-iam-authenticator is not on PATH; an aws CLI without that subcommand prints its usage text, which eksctl
      // appends. Any other tail (Unauthorized, kubectl's --short deprecation warning) is not this rule's.
      String.raw`unable\s+to\s+use\s+kubectl\s+with\s+the\s+EKS\s+cluster\s+\(check\s+'[^'\n]{1,200}'\)\s*:\s*usage\s*:\s*aws\s+\[options\]`,
    ],
    versions: [],
    roles: {},
    priority: 50,
    meaning:
      "eksctl created the cluster and wrote a kubeconfig whose credential plugin is `aws eks get-token` (used when aws-iam-authenticator is not on PATH). That subcommand arrived in aws-cli 1.16.156 (May 2019); an older aws CLI answers with its usage text (\"argument operation: Invalid choice\"), kubectl gets no token, and eksctl reports it cannot use kubectl with the cluster.",
    causes: [
      "An aws CLI older than 1.16.156 (v1) on the machine running eksctl or kubectl: distribution packages (Ubuntu's python3-awscli, old Amazon Linux and Cloud9 AMIs) lag far behind (eksctl-io/eksctl#1109, aws-samples/eks-workshop#734).",
    ],
    fixes: [
      "Upgrade the aws CLI (aws CLI v2, or `pip install --upgrade awscli` to 1.16.156 or later; EKS workshops ask for 1.18.15+), make sure that aws is first on PATH, then re-run `aws eks update-kubeconfig --name <cluster>`.",
      "Or install aws-iam-authenticator on PATH, which eksctl's kubeconfig uses instead of `aws eks get-token`.",
    ],
    references: ["https://github.com/eksctl-io/eksctl/issues/1109", "https://github.com/aws-samples/eks-workshop/issues/734", "https://github.com/aws/containers-roadmap/issues/292"],
    examples: [
      {
        // eksctl-io/eksctl#1109
        line: "[✖]  unable to use kubectl with the EKS cluster (check 'kubectl version'): usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]",
      },
    ],
    nearMisses: [
      // eksctl-io/eksctl#5689, #6995: kubectl's deprecation warning printed before the real error, not an aws CLI.
      "2022-09-09 17:18:07 [✖]  unable to use kubectl with the EKS cluster (check 'kubectl version'): WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.",
    ],
  },
  {
    id: "openshift-update-precondition-failed",
    title: "OpenShift's cluster-version operator refuses the update: a precondition (Upgradeable, minor-version hop) failed",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["failed because of", "more than one minor version beyond", "Upgradeable status condition is set to False"],
    patterns: [
      // cluster-version-operator pkg/payload/precondition: `Precondition %q failed because of %q: %v`, as the sync worker
      // logs it, in ReleaseAccepted=False's message (oc adm upgrade) and in the ClusterVersion's Failing condition.
      String.raw`Precondition\s+${Q}(?<precondition>ClusterVersion\w+|EtcdRecentBackup|\w+Upgradeable)${Q}\s+failed\s+because\s+of\s+${Q}(?<reason>[\w.-]+)${Q}(?:\s*:\s*${GIANT_HOP})?`,
      // ClusterVersionGiantHop's message (CVO 4.19+): the target skips a minor.
      GIANT_HOP,
      // Red Hat OpenShift on IBM Cloud: the master update refused because the ClusterVersion reports Upgradeable=False.
      String.raw`Cannot\s+complete\s+cluster\s+master\s+upgrade\s+because\s+the\s+Upgradeable\s+status\s+condition\s+is\s+set\s+to\s+False`,
    ],
    versions: ["target", "current"],
    roles: { precondition: "CVO precondition", reason: "Upgradeable=False reason", target: "OpenShift release asked for", current: "OpenShift release the cluster is on" },
    versionKinds: { target: { kind: "component", component: "OpenShift" }, current: { kind: "component", component: "OpenShift" } },
    priority: 40,
    meaning:
      "The cluster-version operator checks preconditions before it accepts a release: ClusterVersionUpgradeable (no Upgradeable=False condition for a minor update) and, from 4.19, ClusterVersionGiantHop (no update past the next minor). Upgradeable=False is often a version gate (APIs the next Kubernetes removes, awaiting an admin ack; kubelets too far behind; an operator's olm.maxOpenShiftVersion), but also configuration (CVO overrides, mutated default SCCs, TechPreviewNoUpgrade, manually maintained credentials), so the reason decides.",
    causes: [
      "AdminAckRequired: the next minor's Kubernetes removes APIs and nobody acknowledged it in openshift-config/admin-acks.",
      "KubeletMinorVersion…: nodes whose kubelets the next minor would leave too far behind.",
      "MultipleMinorVersionsUpdate: a target more than one minor beyond the current release.",
      "Configuration rather than versions: ClusterVersionOverridesSet, DefaultSecurityContextConstraints_Mutated, FeatureGates…TechPreviewNoUpgrade.",
    ],
    fixes: [
      "Read the reason (oc adm upgrade; oc get clusterversion version -o yaml) and clear it: check APIRequestCount for removed APIs and acknowledge the admin gate, finish updating the machine config pools, or update one minor at a time.",
    ],
    references: [
      "https://github.com/openshift/cluster-version-operator/pull/1276",
      "https://github.com/okd-project/okd/issues/1461",
      "https://cloud.ibm.com/docs/openshift?topic=openshift-ts-cluster-master-upgrade",
      "https://docs.openshift.com/container-platform/latest/updating/preparing_for_updates/updating-cluster-prepare.html",
    ],
    examples: [
      {
        // openshift/cluster-version-operator#1276 (oc adm upgrade, 4.19 to 4.21)
        line: `  * Precondition "ClusterVersionGiantHop" failed because of "MultipleMinorVersionsUpdate": 4.21.0-rc.1 is more than one minor version beyond the current target 4.19.0-0.nightly-2026-01-06-203205 (4.21 > 4.(19+1)), and only updates within the current minor version or to the next minor version are supported.`,
        captures: { precondition: "ClusterVersionGiantHop", reason: "MultipleMinorVersionsUpdate", target: "4.21.0-rc.1", current: "4.19.0-0.nightly-2026-01-06-203205" },
      },
      {
        // IBM Cloud docs, "Why do I see a Cannot complete cluster master upgrade message?"
        line: "Cannot complete cluster master upgrade because the Upgradeable status condition is set to False.",
      },
    ],
    nearMisses: [
      // okd-project/okd#1461: CVO overrides, a configuration the user set.
      `sync_worker.go:348] Precondition error (force false, block true): Precondition "ClusterVersionUpgradeable" failed because of "ClusterVersionOverridesSet": Disabling ownership via cluster version overrides prevents upgrades. Please remove overrides before continuing.`,
    ],
  },
  {
    id: "terraform-provider-block-not-in-schema",
    title: "Terraform: a block the provider's schema does not have (configuration written for another provider major)",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["are not expected here"],
    patterns: [
      // Terraform's HCL decoder (hcldec/gohcl): "Blocks of type %q are not expected here.", with the Plugin Framework's
      // nested-attribute hint when the schema has an argument of that name ("Did you mean to define argument %q? If so,
      // use the equals sign to assign it a value."), under "Error: Unsupported block type"; the hint may wrap after "define".
      String.raw`Blocks\s+of\s+type\s+\\?"(?<block>[\w-]{1,80})\\?"\s+are\s+not\s+expected\s+here\.?(?:\s*Did\s+you\s+mean\s+to\s+define(?:\s*[│|])?\s+argument\s+\\?"(?<argument>[\w-]{1,80})\\?")?`,
    ],
    versions: [],
    roles: { block: "block the configuration writes", argument: "argument of that name the schema has instead" },
    priority: 40,
    meaning:
      "Terraform checked the configuration against the installed provider's schema and found a nested block it does not define. For managed Kubernetes this is mostly a provider major version other than the one the configuration (or module) was written for: helm provider 3.0 turned kubernetes {}, set {} and the other SDKv2 blocks into arguments, azurerm 3.0 removed azurerm_kubernetes_cluster's addon_profile and role_based_access_control, and a block documented for an unreleased provider is not in the one installed. A misspelt or misplaced block (or a block given to a module call) reads the same.",
    causes: [
      "An unpinned provider that moved to a new major (helm >= 3.0, azurerm >= 3.0) under a configuration or module written for the previous one.",
      "A provider older than the documentation followed: the block arrived in a later release.",
      "Not a version matter: a typo, a block at the wrong nesting level, or a block passed to a module call (modules take arguments).",
    ],
    fixes: [
      "Pin the provider to the major the configuration was written for (required_providers { helm = { version = \"~> 2.17\" } }), or migrate the configuration with the provider's upgrade guide (helm v3: kubernetes = { … }, set = [ … ]; azurerm 3.0: addon_profile's add-ons as top-level blocks, role_based_access_control_enabled / azure_active_directory_role_based_access_control).",
      "For a block from the latest docs, upgrade the provider (terraform init -upgrade) to the release that added it.",
    ],
    references: [
      "https://registry.terraform.io/providers/hashicorp/helm/latest/docs/guides/v3-upgrade-guide",
      "https://github.com/hashicorp/terraform-provider-helm/issues/1637",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/3.0-upgrade-guide",
    ],
    examples: [
      {
        // rancher/tf-rancher-up#204 (helm provider 3.0)
        line: String.raw`│ Blocks of type "kubernetes" are not expected here. Did you mean to define argument "kubernetes"? If so, use the equals sign to assign it a value.`,
        captures: { block: "kubernetes", argument: "kubernetes" },
      },
      {
        // Azure-Terraform/terraform-azurerm-kubernetes#86 (azurerm 3.0)
        line: String.raw`│ Blocks of type "addon_profile" are not expected here.`,
        captures: { block: "addon_profile" },
      },
    ],
  },
  {
    id: "k3s-agent-server-config-other-release",
    title: "k3s agent and server on releases whose control config differs (Control.Skips changed shape in 1.18)",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["Go struct field Control.Skips"],
    patterns: [
      // The agent decodes the server's /v1-k3s/config (config.Control) with its own types. k3s 1.18 changed Skips from
      // []string to map[string]bool, so the two directions print the two type names.
      String.raw`cannot\s+unmarshal\s+(?<got>array|object)\s+into\s+Go\s+struct\s+field\s+Control\.Skips\s+of\s+type\s+(?<want>map\[string\]bool|\[\]string)`,
    ],
    versions: [],
    roles: { got: "JSON shape the server sent", want: "Go type the agent expects" },
    priority: 50,
    meaning:
      "A k3s agent fetches the control-plane config from its server and decodes it with its own release's types. k3s 1.18 changed Control.Skips from a list to a map, so an agent on one side of 1.18 cannot read the config of a server on the other side and never joins. k3s supports servers newer than agents only briefly during an upgrade, never agents newer than servers.",
    causes: [
      "An agent installed from the stable/latest channel (1.18+) joining a server still on 1.17 or older (k3s-io/k3s#2339, #1808).",
      "An old agent binary (1.17 or older) joining a server upgraded to 1.18+ (k3s-io/k3s#2294).",
    ],
    fixes: [
      "Install agents at the servers' release (INSTALL_K3S_VERSION=<server version>), and upgrade servers before agents.",
    ],
    references: ["https://github.com/k3s-io/k3s/issues/2339", "https://github.com/k3s-io/k3s/issues/1808", "https://github.com/k3s-io/k3s/issues/2294", "https://docs.k3s.io/upgrades"],
    examples: [
      {
        // k3s-io/k3s#2339 (agent v1.18.9+k3s1, older server)
        line: String.raw`Oct 04 13:48:56 worker2 k3s[3397]: time="2020-10-04T13:48:56.690614656Z" level=error msg="json: cannot unmarshal array into Go struct field Control.Skips of type map[string]bool"`,
        captures: { got: "array", want: "map[string]bool" },
      },
      {
        // k3s-io/k3s#2294 (agent v1.16.15+k3s1, newer server)
        line: "ERRO[2020-09-21T21:53:54.712690648+01:00] json: cannot unmarshal object into Go struct field Control.Skips of type []string",
        captures: { got: "object", want: "[]string" },
      },
    ],
  },
  {
    id: "eksctl-kubelet-extra-config-field-unknown",
    title: "eksctl: a kubeletExtraConfig field the KubeletConfiguration types eksctl was built with do not have",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["validating generated KubeletConfiguration object"],
    patterns: [
      // eksctl pkg/nodebootstrap: yaml.UnmarshalStrict(data, &kubeletapi.KubeletConfiguration{}) wrapped as
      // "validating generated KubeletConfiguration object".
      String.raw`validating\s+generated\s+KubeletConfiguration\s+object\s*:\s*error\s+unmarshaling\s+JSON\s*:\s*(?:while\s+decoding\s+JSON\s*:\s*)?json\s*:\s*unknown\s+field\s+\\?"(?<field>[\w.-]{1,100})\\?"`,
    ],
    versions: [],
    roles: { field: "kubeletExtraConfig field" },
    priority: 45,
    meaning:
      "eksctl merges nodeGroups[].kubeletExtraConfig into the kubelet configuration it generates and decodes the result strictly with the KubeletConfiguration types vendored in its own release. A real KubeletConfiguration field newer than those types is refused (eksctl too old for the field), but so is a misspelt field or a kubelet command-line flag written where config-file fields belong.",
    causes: [
      "An eksctl release whose vendored Kubernetes predates the KubeletConfiguration field (eksctl-io/eksctl#2128, allowedUnsafeSysctls with eksctl 0.15).",
      "Not a version matter: a flag name (enable-cadvisor-json-endpoints, read-only-port) instead of a config field (eksctl-io/eksctl#3329, #1707), or a typo.",
    ],
    fixes: [
      "Check the field against the KubeletConfiguration reference (camelCase, kubelet.config.k8s.io/v1beta1); if it is right, upgrade eksctl to a release built with a Kubernetes that has it.",
      "Kubelet flags go in kubeletExtraArgs-style bootstrap arguments (overrideBootstrapCommand / --kubelet-extra-args), not in kubeletExtraConfig.",
    ],
    references: ["https://github.com/eksctl-io/eksctl/issues/2128", "https://github.com/eksctl-io/eksctl/issues/3329", "https://eksctl.io/usage/customizing-the-kubelet/"],
    nearMisses: [
      // eksctl-io/eksctl#3329: a kubelet flag written as a config field.
      String.raw`[✖]  validating generated KubeletConfiguration object: error unmarshaling JSON: while decoding JSON: json: unknown field "enable-cadvisor-json-endpoints"`,
    ],
    examples: [
      {
        // eksctl-io/eksctl#2128 (eksctl 0.15), with the timestamp later eksctl releases print
        line: String.raw`2020-05-03 14:02:11 [✖]  validating generated KubeletConfiguration object: error unmarshaling JSON: while decoding JSON: json: unknown field "allowedUnsafeSysctls"`,
        captures: { field: "allowedUnsafeSysctls" },
      },
    ],
  },
];
