import type { Signature } from "../model.js";
import { CONFIG_FIELD_CHANGES, KUBEADM_CONFIG_FIELDS } from "../diagnose/tables.js";

const Q = String.raw`"?`; // %q values: the quotes survive in most logs, not in all.

// Field paths as the strict decoder prints them; bare (no GroupVersionKind before them) only the dotted or
// kubeadm-only names, since "timeouts" or "skipPhases" alone could be any program's.
const fieldAlternation = (keys: string[]) => keys.map((k) => k.replace(/\./g, String.raw`\.`)).join("|");
const KUBEADM_FIELDS = fieldAlternation(Object.keys(KUBEADM_CONFIG_FIELDS));
// The component-config field table's names; a dotted path is printed whole by the sigs.k8s.io/json decoder.
const COMPONENT_FIELDS = fieldAlternation(Object.keys(CONFIG_FIELD_CHANGES));
const COMPONENT_FIELD_ANCHORS = [
  ...new Set(Object.keys(CONFIG_FIELD_CHANGES).map((k) => k.split(".").pop() ?? k).filter((leaf) => leaf !== "max")),
  "found unknown field: max",
  "conntrack.max",
];
const KUBEADM_FIELDS_BARE = fieldAlternation(Object.keys(KUBEADM_CONFIG_FIELDS).filter((k) => k.includes(".") || /HyperKube|ValidityPeriod|encryptionAlgorithm/.test(k)));


// kubeadm refuses version combinations it does not support: in preflight (init/join), in upgrade
// validation, and when loading configuration written for another kubeadm.
export const kubeadmSignatures: Signature[] = [
  {
    id: "kubeadm-cp-version-too-old",
    title: "kubeadm newer than the control plane it should deploy",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["only supports deploying clusters with", "the control plane version", "Current version:", "is equal to or lower than the minimum supported version"],
    patterns: [
      String.raw`only\s+supports\s+deploying\s+clusters\s+with\s+the\s+control\s+plane\s+version\s*>=\s*(?<minControlPlane>{V})(?:\.?\s+Current\s+version\s*:\s*(?<requested>{V}))?`,
      // kubeadm upgrade's policy.go (1.8 on): the target is at or below kubeadm's MinimumControlPlaneVersion. The
      // second %q is the cluster's version, not the minimum (the format string passes clusterVersionStr).
      String.raw`[Ss]pecified\s+version\s+to\s+upgrade\s+to\s+${Q}(?<requested>{V})${Q}\s+is\s+equal\s+to\s+or\s+lower\s+than\s+the\s+minimum\s+supported\s+version(?:\s+${Q}(?<cluster>{V}))?`,
    ],
    versions: ["minControlPlane", "requested"],
    roles: { minControlPlane: "oldest control plane this kubeadm supports (kubeadm − 1)", requested: "requested kubernetesVersion", cluster: "cluster version (kubeadm upgrade prints it as \"the minimum supported version\")" },
    priority: 62,
    meaning: "kubeadm was asked to deploy a control plane older than it supports (kubeadm supports its own minor and one older).",
    causes: ["An unpinned kubeadm package newer than the requested cluster version."],
    fixes: ["Install the kubeadm that matches the target version (pin the packages), or raise kubernetesVersion."],
    examples: [
      {
        line: "this version of kubeadm only supports deploying clusters with the control plane version >= 1.35.0. Current version: v1.34.3",
        captures: { minControlPlane: "1.35.0", requested: "v1.34.3" },
      },
      {
        // cmd/kubeadm/app/phases/upgrade/policy.go, under "[upgrade/version] FATAL: The --version argument is invalid"
        line: String.raw`	- Specified version to upgrade to "v1.12.3" is equal to or lower than the minimum supported version "v1.13.1". Please specify a higher version to upgrade to`,
        captures: { requested: "v1.12.3", cluster: "v1.13.1" },
      },
    ],
  },
  {
    id: "kubeadm-k8s-newer-than-kubeadm",
    title: "Kubernetes version newer than kubeadm (preflight warning)",
    family: "kubeadm",
    severity: "warning",
    flake: false,
    anchors: ["Kubernetes version is greater than kubeadm version", "Please consider to upgrade kubeadm", "Kubeadm version:"],
    patterns: [
      String.raw`Kubernetes\s+version\s+is\s+greater\s+than\s+kubeadm\s+version\.\s*Please\s+consider\s+to\s+upgrade\s+kubeadm\.\s*Kubernetes\s+version\s*:\s*(?<kubernetes>{V})\.?\s+Kubeadm\s+version\s*:\s*(?<kubeadmMinor>{V})`,
    ],
    versions: ["kubernetes", "kubeadmMinor"],
    roles: { kubernetes: "requested Kubernetes version", kubeadmMinor: "kubeadm version" },
    priority: 30,
    meaning: "kubeadm is older than the Kubernetes version it is deploying. A preflight warning: the cause only if nothing fatal follows.",
    causes: ["kubeadm not upgraded together with the requested Kubernetes version."],
    fixes: ["Upgrade kubeadm to the Kubernetes version first."],
    examples: [
      {
        line: "\t[WARNING KubernetesVersion]: Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: 1.35.2. Kubeadm version: 1.34.x",
        captures: { kubernetes: "1.35.2", kubeadmMinor: "1.34.x" },
      },
    ],
  },
  {
    id: "kubeadm-kubelet-newer-than-cp",
    title: "kubelet newer than the control plane",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["the kubelet version is higher than the control plane version", "not a supported version skew", "Control plane version"],
    patterns: [
      String.raw`kubelet\s+version\s+is\s+higher\s+than\s+the\s+control\s+plane\s+version(?:[\s\S]{0,200}?Kubelet\s+version\s*:\s*${Q}(?<kubelet>{V})${Q}\s+Control\s+plane\s+version\s*:\s*${Q}(?<controlPlane>{V}))?`,
    ],
    versions: ["kubelet", "controlPlane"],
    roles: { kubelet: "installed kubelet version", controlPlane: "control plane version" },
    priority: 64,
    meaning: "The node's kubelet is a newer minor than the control plane; kubelets may lag the API server but never lead it.",
    causes: [
      "An unpinned apt/yum install of kubelet picked up a new release.",
      "The machine image ships a newer kubelet than the requested --kubernetes-version.",
    ],
    fixes: ["Pin the kubelet and kubeadm packages to the control-plane version, or use a matching machine/node image."],
    examples: [
      {
        line: String.raw`	[ERROR KubeletVersion]: the kubelet version is higher than the control plane version. This is not a supported version skew and may lead to a malfunctional cluster. Kubelet version: "1.24.3" Control plane version: "1.23.9"`,
        captures: { kubelet: "1.24.3", controlPlane: "1.23.9" },
      },
    ],
  },
  {
    id: "kubeadm-kubelet-too-old",
    title: "kubelet older than kubeadm supports",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["is lower than kubeadm can support", "is lower than kubadm can support"],
    patterns: [String.raw`Kubelet\s+version\s+${Q}(?<kubelet>{V})${Q}\s+is\s+lower\s+than\s+kube?adm\s+can\s+support`],
    versions: ["kubelet"],
    roles: { kubelet: "installed kubelet version" },
    priority: 63,
    meaning: "The installed kubelet is older than the oldest kubelet this kubeadm supports.",
    causes: ["kubelet package not upgraded together with kubeadm."],
    fixes: ["Upgrade the kubelet package to kubeadm's version (or within its supported skew)."],
    examples: [
      {
        line: String.raw`	[ERROR KubeletVersion]: Kubelet version "1.31.9" is lower than kubeadm can support. Please upgrade kubelet`,
        captures: { kubelet: "1.31.9" },
      },
    ],
  },
  {
    id: "kubeadm-upgrade-kubeadm-too-old",
    title: "Upgrade target newer than kubeadm",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["higher than the kubeadm minor release", "Specified version to upgrade to", "Upgrade kubeadm first"],
    patterns: [
      String.raw`[Ss]pecified\s+version\s+to\s+upgrade\s+to\s+${Q}(?<target>{V})${Q}\s+is\s+at\s+least\s+one\s+minor\s+release\s+higher\s+than\s+the\s+kubeadm\s+minor\s+release\s+\(\s*(?<targetMinor>\d+)\s*>\s*(?<kubeadmMinor>\d+)\s*\)`,
      String.raw`[Ss]pecified\s+version\s+to\s+upgrade\s+to\s+${Q}(?<target>{V})${Q}\s+is\s+higher\s+than\s+the\s+kubeadm\s+version\s+${Q}(?<kubeadm>{V})`,
      // The same message wrapped (or cut) before the minors: the target alone is left on the line.
      String.raw`[Ss]pecified\s+version\s+to\s+upgrade\s+to\s+${Q}(?<target>{V})${Q}\s+is\s+at\s+least\s+one\s+minor\s+release\s+higher(?:\s+than(?:\s+the(?:\s+kubeadm)?)?)?\s*$`,
    ],
    versions: ["target", "kubeadm"],
    roles: { target: "upgrade target version", kubeadm: "kubeadm version" },
    priority: 61,
    meaning: "kubeadm upgrade was asked to go to a version newer than kubeadm itself.",
    causes: ["The kubeadm binary was not upgraded before `kubeadm upgrade apply`."],
    fixes: ["Upgrade kubeadm to the target version first, then run kubeadm upgrade apply."],
    examples: [
      {
        line: String.raw`	- Specified version to upgrade to "v1.34.0" is at least one minor release higher than the kubeadm minor release (34 > 33). Such an upgrade is not supported`,
        captures: { target: "v1.34.0", targetMinor: "34", kubeadmMinor: "33" },
      },
      // find_string index id 68677572004 (upgrade notes quoting kubeadm 1.34, the message wrapped after "higher than")
      { line: String.raw`	- Specified version to upgrade to "v1.36.0" is at least one minor release higher than`, captures: { target: "v1.36.0" } },
    ],
  },
  {
    id: "kubeadm-upgrade-too-many-minors",
    title: "Upgrade skips a minor version",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["minor version at a time", "Specified version to"],
    patterns: [
      String.raw`[Ss]pecified\s+version\s+to\s+(?<direction>upgrade|downgrade)\s+to\s+${Q}(?<target>{V})${Q}\s+is\s+too\s+(?:high|low)\s*;\s*kubeadm\s+can\s+(?:upgrade|downgrade)\s+only\s+(?<maxMinorStep>\d+)\s+minor\s+version`,
    ],
    versions: ["target"],
    roles: { target: "upgrade/downgrade target version" },
    priority: 60,
    meaning: "kubeadm can move a cluster only one minor version at a time.",
    causes: ["The job upgrades across several minors in one step (e.g. from an old 'stable' to 'latest')."],
    fixes: ["Upgrade (or downgrade) one minor at a time."],
    examples: [
      {
        line: String.raw`	- Specified version to downgrade to "v1.31.5" is too low; kubeadm can downgrade only 1 minor version at a time`,
        captures: { target: "v1.31.5", maxMinorStep: "1" },
      },
    ],
  },
  {
    id: "kubeadm-upgrade-kubeadm-too-new",
    title: "kubeadm can only upgrade to its own minor",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["can only be used to upgrade to Kubernetes version", "Kubeadm version"],
    patterns: [
      String.raw`Kubeadm\s+version\s+(?<kubeadm>{V})\s+can\s+only\s+be\s+used\s+to\s+upgrade\s+to\s+Kubernetes\s+versions?\s+(?<allowedMinor>{V})`,
    ],
    versions: ["kubeadm", "allowedMinor"],
    roles: { kubeadm: "kubeadm version", allowedMinor: "the only minor this kubeadm upgrades to" },
    priority: 59,
    meaning: "kubeadm upgrades a cluster only to its own minor version.",
    causes: ["A kubeadm of another minor than the upgrade target."],
    fixes: ["Use the kubeadm that matches the target minor."],
    examples: [
      {
        line: "Kubeadm version v1.33.4 can only be used to upgrade to Kubernetes version 1.33",
        captures: { kubeadm: "v1.33.4", allowedMinor: "1.33" },
      },
    ],
  },
  {
    id: "kubeadm-upgrade-old-kubelets",
    title: "Kubelets too old for the upgrade",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["that are too old that have these versions", "There are kubelets in this cluster"],
    patterns: [String.raw`There\s+are\s+kubelets\s+in\s+this\s+cluster\s+that\s+are\s+too\s+old\s+that\s+have\s+these\s+versions\s+\[(?<kubelets>[^\]]*)\]`],
    // A list ("v1.31.6 v1.31.7"): reported whole in the JSON versions; the diagnosis reads each one.
    versions: ["kubelets"],
    roles: { kubelets: "kubelet versions in the cluster" },
    priority: 58,
    meaning: "Some nodes' kubelets lag too far behind the upgrade target.",
    causes: ["Worker nodes were not upgraded before the control plane moved on."],
    fixes: ["Upgrade the nodes' kubelets first (one minor at a time)."],
    examples: [
      {
        line: "\t- There are kubelets in this cluster that are too old that have these versions [v1.31.6 v1.31.7]",
        captures: { kubelets: "v1.31.6 v1.31.7" },
      },
    ],
  },
  {
    id: "kubeadm-config-api-removed",
    title: "kubeadm configuration API removed",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["uses an old API spec", "which will write the new, similar spec"],
    patterns: [
      String.raw`uses\s+an\s+old\s+API\s+spec\s*:\s*${Q}(?<configAPIVersion>[\w.-]+/v\w+)${Q}(?:\s*\(\s*kind\s*:\s*${Q}(?<kind>\w+)${Q}\s*\))?(?:\s*\.\s*Please\s+use\s+kubeadm\s+(?<lastKubeadmSupporting>{V}))?`,
    ],
    versions: ["configAPIVersion", "lastKubeadmSupporting"],
    roles: { configAPIVersion: "kubeadm configuration API version", lastKubeadmSupporting: "last kubeadm that reads this configuration API" },
    priority: 65,
    meaning: "kubeadm no longer reads the configuration API version it was given: the tool that wrote the configuration is older than kubeadm.",
    causes: [
      "An old kind binary with a newer kindest/node image (kind writes the kubeadm config for the node's kubeadm).",
      "A Cluster API bootstrap provider or install script still emitting an old kubeadm config API.",
    ],
    fixes: [
      "Upgrade kind (or the bootstrap provider), or use a node image your kind release supports.",
      "Migrate the configuration with `kubeadm config migrate`.",
    ],
    references: ["https://github.com/kube-burner/kube-burner/pull/1308"],
    examples: [
      {
        line: String.raw`your configuration file uses an old API spec: "kubeadm.k8s.io/v1beta4" (kind: "InitConfiguration"). Please use kubeadm v1.41 instead and run 'kubeadm config migrate --old-config old-config-file --new-config new-config-file', which will write the new, similar spec using a newer API version.`,
        captures: { configAPIVersion: "kubeadm.k8s.io/v1beta4", kind: "InitConfiguration", lastKubeadmSupporting: "v1.41" },
      },
    ],
    nearMisses: [
      String.raw`W0412 09:14:03.100200     871 common.go:98] your configuration file uses a deprecated API spec: "kubeadm.k8s.io/v1beta2" (kind: "InitConfiguration"). Please use 'kubeadm config migrate --old-config old.yaml --new-config new.yaml'`,
    ],
  },
  {
    id: "k8s-scheme-kind-not-registered",
    title: "Kind not registered for this API version",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["is registered for version", "no kind"],
    patterns: [
      // Not kind "Config" (a kubeconfig: only ever v1) and not a kind at bare "v1" (the core group, served by every
      // release) other than the scheduler's Policy: a kubeconfig given as a component config (kubernetes/kubeadm#905,
      // kubernetes/kubernetes#121467), a kubeconfig whose top-level apiVersion was edited (kodermax/kubectl-aws-eks#6)
      // or a Pod manifest written over ~/.kube/config (kubernetes/kubectl#1212): the wrong file, whatever the versions.
      String.raw`no\s+kind\s+${Q}(?!Config${Q}\s)(?!(?!Policy${Q}\s)\w+${Q}\s+is\s+registered\s+for\s+version\s+${Q}v1${Q}(?![\w/.]))(?<kind>\w+)${Q}\s+is\s+registered\s+for\s+version\s+${Q}(?<apiVersion>(?:[\w.-]+/)?v\w+)${Q}(?:\s+in\s+scheme\s+${Q}(?<scheme>[^"\s]+))?`,
      // A line cut after "for version" (a pasted excerpt), for a component configuration kind.
      String.raw`no\s+kind\s+${Q}(?<kind>Kube\w+Configuration|KubeletConfiguration|InitConfiguration|ClusterConfiguration|JoinConfiguration|MasterConfiguration)${Q}\s+is\s+registered\s+for\s+version\s*$`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API group/version the decoder does not know" },
    priority: 57,
    meaning: "A decoder met an API group/version it does not know: the data was written for another version of the program reading it.",
    causes: [
      "A newer kubeadm reading a stored kubeadm-config in a removed API version.",
      "An older kubeadm (or tool) reading configuration written for a newer API.",
    ],
    fixes: ["Migrate the configuration (`kubeadm config migrate`), or match the tool's version to the configuration API."],
    examples: [
      {
        line: String.raw`no kind "JoinConfiguration" is registered for version "kubeadm.k8s.io/v1beta4" in scheme "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/scheme/scheme.go:30"`,
        captures: { kind: "JoinConfiguration", apiVersion: "kubeadm.k8s.io/v1beta4" },
      },
    ],
    nearMisses: [
      // kubernetes/kubeadm#905: a kubeconfig passed as kube-proxy's --config.
      String.raw`F0625 19:33:36.516452       1 server.go:463] failed complete: no kind "Config" is registered for version "v1" in scheme "k8s.io/kubernetes/pkg/proxy/apis/config/scheme/scheme.go:29"`,
      // kodermax/kubectl-aws-eks#6: the kubeconfig's own apiVersion edited instead of the exec entry's.
      String.raw`"no kind "Config" is registered for version "client.authentication.k8s.io/v1beta1" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`,
      // kubernetes/kubectl#1212: a Pod manifest written over ~/.kube/config.
      String.raw`"no kind "Pod" is registered for version "v1" in scheme "vendor/k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`,
    ],
  },
  {
    id: "kubeadm-external-etcd-too-old",
    title: "External etcd older than kubeadm supports",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["only supports external etcd version", "Current version:"],
    patterns: [
      String.raw`only\s+supports\s+external\s+etcd\s+version\s*>=\s*(?<minEtcd>{V})\.?\s+Current\s+version\s*:\s*(?<etcd>{V})`,
    ],
    versions: ["minEtcd", "etcd"],
    roles: { minEtcd: "oldest etcd this kubeadm supports", etcd: "external etcd version" },
    priority: 56,
    meaning: "The external etcd cluster is older than this kubeadm supports.",
    causes: ["External etcd not upgraded together with Kubernetes."],
    fixes: ["Upgrade etcd to at least the version kubeadm names."],
    examples: [
      {
        line: "\t[ERROR ExternalEtcdVersion]: this version of kubeadm only supports external etcd version >= 3.5.10. Current version: 3.4.27",
        captures: { minEtcd: "3.5.10", etcd: "3.4.27" },
      },
    ],
  },
  {
    id: "kubeadm-join-kubelet-config-other-minor",
    title: "kubeadm join asks for the kubelet config of another minor than the cluster's",
    family: "kubeadm",
    // A warning: the same refusal follows RBAC set up by hand, or a pre-release build that names a minor
    // before its config exists (kubernetes/kubernetes#64241).
    severity: "warning",
    flake: false,
    anchors: ["kubelet-config-1."],
    patterns: [
      // kubeadm 1.11–1.23 named the ConfigMap by its own minor; the bootstrap token may only read the cluster's.
      String.raw`configmaps\s+\\?"kubelet-config-(?<kubeadmMinor>\d+\.\d+)\\?"\s+is\s+forbidden\s*:\s*User\s+\\?"system:bootstrap:`,
      // kubeadm 1.24+ writes the unversioned "kubelet-config"; a kubeadm 1.23 or older joining or upgrading
      // against it (or a control plane that only wrote the new name: clastix/kamaji#320) finds no versioned one.
      // Not after "[upgrade/versions] FATAL:": kubeadm 1.19.0's `upgrade plan <version>` looked for the target
      // minor's ConfigMap before `upgrade apply` had written it (kubernetes/kubernetes#94524, fixed in 1.19.1), a
      // bug of that release rather than a node of another minor.
      String.raw`(?<!\[upgrade/versions\]\s{0,3}FATAL\s{0,3}:\s{0,3})configmaps\s+\\?"kubelet-config-(?<kubeadmMinor>\d+\.\d+)\\?"\s+not\s+found`,
    ],
    versions: ["kubeadmMinor"],
    roles: { kubeadmMinor: "minor of the joining kubeadm (the ConfigMap it asked for)" },
    versionKinds: { kubeadmMinor: "kubernetes" },
    priority: 45,
    meaning:
      "kubeadm join (1.11–1.23) downloads the kubelet configuration from the ConfigMap kubelet-config-<its own minor>; the cluster only has (and only lets bootstrap tokens read) the one for its own minor, so the joining node's kubeadm is another minor than the control plane.",
    causes: ["A node provisioned with the latest kubeadm/kubelet packages (unpinned apt/yum) joining an older cluster, or an old node image joining an upgraded cluster."],
    fixes: ["Install the kubeadm, kubelet and kubectl packages of the cluster's minor on the joining node (pin them), then join again."],
    references: ["https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/", "https://github.com/kubernetes/kubeadm/issues/1624"],
    examples: [
      {
        // kubernetes/kubernetes#69221
        line: String.raw`configmaps "kubelet-config-1.12" is forbidden: User "system:bootstrap:n31b8f" cannot get configmaps in the namespace "kube-system"`,
        captures: { kubeadmMinor: "1.12" },
      },
      {
        // kubernetes/kubeadm#1624
        line: String.raw`error execution phase kubelet-start: configmaps "kubelet-config-1.15" is forbidden: User "system:bootstrap:g0toug" cannot get resource "configmaps" in API group "" in the namespace "kube-system"`,
        captures: { kubeadmMinor: "1.15" },
      },
      {
        // geerlingguy/ansible-role-kubernetes#14 (the Ansible task's JSON-escaped stderr)
        line: String.raw`\nconfigmaps \"kubelet-config-1.11\" is forbidden: User \"system:bootstrap:xfr3l9\" cannot get configmaps in the namespace \"kube-system\"`,
        captures: { kubeadmMinor: "1.11" },
      },
      {
        // clastix/kamaji#320 (a kubeadm 1.22 worker, a control plane that wrote only the 1.24+ unversioned name)
        line: String.raw`[   21.259830] cloud-init[889]: error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get component configs: configmaps "kubelet-config-1.22" not found`,
        captures: { kubeadmMinor: "1.22" },
      },
    ],
    nearMisses: [
      String.raw`configmaps "kube-proxy" is forbidden: User "system:bootstrap:f9n19k" cannot get resource "configmaps" in API group "" in the namespace "kube-system"`,
      String.raw`[kubelet-start] Downloading configuration for the kubelet from the "kubelet-config-1.15" ConfigMap in the kube-system namespace`,
      String.raw`[upgrade/versions] FATAL: configmaps "kubelet-config-1.19" not found`,
    ],
  },
  {
    id: "kubeadm-upgrade-version-invalid",
    title: "kubeadm upgrade refused the target version",
    family: "kubeadm",
    severity: "error",
    flake: false,
    anchors: ["argument is invalid due to these fatal errors"],
    patterns: [String.raw`\[upgrade/version\]\s+FATAL\s*:\s*The\s+--version\s+argument\s+is\s+invalid\s+due\s+to\s+these\s+fatal\s+errors`],
    versions: [],
    // Below every kubeadm signature that reads the error lines that follow this header.
    priority: 20,
    meaning: "kubeadm upgrade checks the target version against its version-skew policy (its own minor, one minor at a time, kubelets and control plane not too far apart) and lists the violations under this header.",
    causes: ["A target more than one minor ahead, a kubeadm older than the target, or kubelets too far behind: the lines after this header say which."],
    fixes: ["Read the errors listed after the header; upgrade one minor at a time with the kubeadm of the target minor."],
    references: ["https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/kubeadm-upgrade/"],
    examples: [
      // kubernetes/kubernetes#61794
      { line: "[upgrade/version] FATAL: The --version argument is invalid due to these fatal errors:" },
    ],
    // Later kubeadm releases print "the --version argument" (and, phased, "the version argument"): the header
    // alone names no reason, and the real lines in lines-2.jsonl (74, 79) are labelled near-misses; the lines
    // after it are matched by the specific kubeadm upgrade signatures.
    nearMisses: ["[upgrade/version] FATAL: the --version argument is invalid due to these fatal errors:", "error execution phase preflight: the version argument is invalid due to these errors:"],
  },
  {
    id: "component-config-field-other-release",
    title: "Component configuration has a field of another release",
    family: "kubeadm",
    // A warning: kube-proxy and the kubelet fall back to lenient decoding and start; kubeadm reports the field.
    severity: "warning",
    flake: false,
    anchors: COMPONENT_FIELD_ANCHORS,
    patterns: [
      // Only fields that one release removed or added (diagnose/tables.ts CONFIG_FIELD_CHANGES): any other unknown
      // field is a typo, not a version skew. A field under a CRD's spec (Karpenter's spec.kubeletConfiguration.…)
      // starts with its parent and does not match.
      String.raw`unknown\s+field\s*:?\s*\\?"?(?<field>${COMPONENT_FIELDS})(?![\w.])`,
      // json-iterator (kube-proxy before 1.20) names only the leaf; the context it quotes shows the parent.
      String.raw`found\s+unknown\s+field\s*:\s*(?<conntrackField>max)\s*,\s*error\s+found\s+in\s+#\d+\s+byte\s+of\s+\.\.\.\|ck\\?"\s*:\s*\{\\?"max\\?"`,
      String.raw`KubeProxyConntrackConfiguration\.ReadObject\s*:\s*found\s+unknown\s+field\s*:\s*(?<conntrackField>max)(?![\w])`,
    ],
    versions: [],
    roles: { field: "configuration field the component does not know", conntrackField: "KubeProxyConfiguration.conntrack field the component does not know" },
    priority: 45,
    meaning:
      "A component decoded its configuration (KubeProxyConfiguration, KubeletConfiguration) strictly and met a field its release does not have: kube-proxy's resourceContainer was removed in 1.16 (kubernetes/kubernetes#78294) and udpIdleTimeout in 1.26 (#112133); the kubelet's crashLoopBackOff exists from 1.32 on. The configuration was written for another release than the binary reading it.",
    causes: [
      "A kube-proxy ConfigMap or template carried over from 1.15 or older (resourceContainer: /kube-proxy), or from 1.25 or older (udpIdleTimeout).",
      "A KubeletConfiguration written for a newer kubelet (crashLoopBackOff) read by an older kubelet or kubeadm.",
    ],
    fixes: ["Remove the field from the configuration (or regenerate it for the running release); for a newer field, run a binary of the release that has it."],
    references: ["https://github.com/kubernetes/kubernetes/pull/78294"],
    examples: [
      {
        // puppetlabs/puppetlabs-kubernetes#448 (kube-proxy 1.17.2)
        line: String.raw`W1105 15:55:06.751793   19570 strict.go:54] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeproxy.config.k8s.io", Version:"v1alpha1", Kind:"KubeProxyConfiguration"}: error unmarshaling JSON: while decoding JSON: json: unknown field "resourceContainer"`,
        captures: { field: "resourceContainer" },
      },
      {
        // giantswarm/k8scloudconfig#728 (kube-proxy 1.17.6)
        line: String.raw`: v1alpha1.KubeProxyConfiguration.ReadObject: found unknown field: resourceContainer, error found in #10 byte of ...|Container":"/kube-pr|..., bigger context ...|0.0.0:10249","mode":"iptables","resourceContainer":"/kube-proxy"}|...`,
        captures: { field: "resourceContainer" },
      },
      {
        // zalando-incubator/kubernetes-on-aws#9017
        line: String.raw`I0304 09:05:19.643699       1 options.go:480] "Using lenient decoding as strict decoding failed" err="strict decoding error: unknown field \"resourceContainer\", unknown field \"udpIdleTimeout\"`,
        captures: { field: "resourceContainer" },
      },
      {
        // kubermatic/kubeone#2939: kubeadm before 1.27 reading a KubeletConfiguration with the 1.27 field (a warning;
        // kubeadm went on without it).
        line: String.raw`[172.31.120.97] W1030 16:39:28.325293   11979 initconfiguration.go:305] error unmarshaling configuration schema.GroupVersionKind{Group:"kubelet.config.k8s.io", Version:"v1beta1", Kind:"KubeletConfiguration"}: strict decoding error: unknown field "containerRuntimeEndpoint"`,
        captures: { field: "containerRuntimeEndpoint" },
      },
      {
        // kubernetes/kubernetes#127502: kubeadm init phase kubelet-start with a 1.30 KubeletConfiguration field
        line: String.raw`W0920 11:02:21.615655 1875303 initconfiguration.go:307] error unmarshaling configuration schema.GroupVersionKind{Group:"kubelet.config.k8s.io", Version:"v1beta1", Kind:"KubeletConfiguration"}: strict decoding error: unknown field "podLogsDir"`,
        captures: { field: "podLogsDir" },
      },
      {
        // kubermatic/kubermatic#7456 (kube-proxy's json-iterator decoder, conntrack.max removed in 1.15)
        line: String.raw`using lenient decoding as strict decoding failed: strict decoder error ReadObject: found unknown field: max, error found in #10 byte of ...|ck":{"max":null,"max|..., bigger context ...|/16","configSyncPeriod":"15m0s","conntrack":{"max":null,"maxPerCore":0,"min":524288,"tcpCloseWaitTim|...`,
        captures: { conntrackField: "max" },
      },
    ],
    nearMisses: [
      String.raw`W0527 16:33:40.443251       1 server.go:427] using lenient decoding as strict decoding failed: strict decoder error for apiVersion: kubeproxy.config.k8s.io/v1alpha1`,
      "Warning  BackOff  3m (x25 over 8m)  kubelet  Back-off restarting failed container web in pod web-7c9d (CrashLoopBackOff)",
      // aws/karpenter-provider-aws#5712: a Karpenter CRD older than its controller, not a component configuration.
      String.raw`strict decoding error: unknown field "spec.kubeletConfiguration.cpuCFSQuota", unknown field "spec.kubeletConfiguration.evictionHard", unknown field "spec.kubeletConfiguration.maxPods"`,
      String.raw`v1alpha1.KubeProxyConfiguration.Conntrack: ReadMapCB: expect { or n, but found ", error found in #10 byte of ...|max":"","min|...`,
    ],
  },
  {
    id: "component-config-api-unsupported",
    title: "Component configuration file of an apiVersion the component is dropping",
    family: "kubeadm",
    // kube-scheduler 1.12–1.13 still decodes componentconfig/v1alpha1, warns, and goes on.
    severity: "warning",
    flake: false,
    anchors: ["the provided config file is an unsupported apiVersion", "update your config file apiVersion to"],
    patterns: [
      // cmd/kube-scheduler/app/options/configfile.go: two WARNING lines on stderr, each its own log line.
      String.raw`the\s+provided\s+config\s+file\s+is\s+an\s+unsupported\s+apiVersion\s*\(\s*\\?"(?<configAPIVersion>[\w.-]+/v\w+)\\?"\s*\)`,
      String.raw`switch\s+to\s+command-line\s+flags\s+or\s+update\s+your\s+config\s+file\s+apiVersion\s+to\s+\\?"(?<supportedAPIVersion>[\w.-]+/v\w+)\\?"`,
    ],
    versions: [],
    roles: { configAPIVersion: "apiVersion the configuration file declares", supportedAPIVersion: "apiVersion this component reads" },
    priority: 40,
    meaning:
      "The component read a configuration file whose apiVersion an older release used: kube-scheduler moved KubeSchedulerConfiguration from componentconfig/v1alpha1 to kubescheduler.config.k8s.io/v1alpha1 in 1.12 and still accepts the old group with this warning; a later release refuses it (no kind \"KubeSchedulerConfiguration\" is registered for version \"componentconfig/v1alpha1\").",
    causes: ["A configuration file or guide written for Kubernetes 1.11 or older, run by a 1.12+ component."],
    fixes: ["Change the file's apiVersion to the one the warning names (and check the fields that version has), or pass the settings as flags."],
    references: ["https://github.com/kelseyhightower/kubernetes-the-hard-way/pull/435"],
    examples: [
      {
        // kelseyhightower/kubernetes-the-hard-way#435
        line: String.raw`WARNING: the provided config file is an unsupported apiVersion ("componentconfig/v1alpha1"), which will be removed in future releases`,
        captures: { configAPIVersion: "componentconfig/v1alpha1" },
      },
      {
        // darshanime/devkube#1 (journald)
        line: String.raw`Jan 09 14:24:40 k8s-node-1 kube-scheduler[5391]: WARNING: switch to command-line flags or update your config file apiVersion to "kubescheduler.config.k8s.io/v1alpha1"`,
        captures: { supportedAPIVersion: "kubescheduler.config.k8s.io/v1alpha1" },
      },
    ],
    nearMisses: [
      "WARNING: apiVersions at alpha-level are not guaranteed to be supported in future releases",
      "Jan 09 14:24:40 k8s-node-1 kube-scheduler[5391]: invalid configuration: no configuration has been provided",
    ],
  },
  {
    id: "kubeadm-config-field-other-api-version",
    title: "kubeadm configuration has a field of another kubeadm.k8s.io API version",
    family: "kubeadm",
    // kubeadm logs it as a warning (klog W) and decodes the rest: the field is ignored, not fatal.
    severity: "warning",
    flake: false,
    anchors: ["strict decoding error", "unknown field"],
    patterns: [
      // kubeadm's initconfiguration.go / strict.go: "error unmarshaling configuration schema.GroupVersionKind{…}:
      // strict decoding error: unknown field "a", unknown field "b"" (kubeadm 1.12-1.22 printed "error unmarshaling
      // JSON: while decoding JSON: json: unknown field"). Only fields that an API version removed or
      // added (diagnose/tables.ts KUBEADM_CONFIG_FIELDS): certSANs, metadata or dns.ImageMeta are typos or
      // misplaced fields, whatever the version.
      String.raw`GroupVersionKind\{Group\s*:\s*\\?"kubeadm\.k8s\.io\\?"\s*,\s*Version\s*:\s*\\?"(?<configVersion>v1(?:alpha|beta)\d)\\?"\s*,\s*Kind\s*:\s*\\?"(?<kind>\w+)\\?"\s*\}\s*:\s*(?:strict\s+decoding\s+error|error\s+unmarshaling\s+JSON\s*:\s*while\s+decoding\s+JSON\s*:\s*json)\s*:\s*(?:unknown\s+field\s+\\?"[\w.]{1,80}\\?"\s*,\s*){0,8}unknown\s+field\s+\\?"(?<field>${KUBEADM_FIELDS})\\?"`,
      // The message alone (issue titles, cut lines): the dotted paths are kubeadm's.
      String.raw`unknown\s+field\s+\\?"(?<field>${KUBEADM_FIELDS_BARE})\\?"`,
    ],
    versions: ["configVersion"],
    roles: { configVersion: "kubeadm.k8s.io API version the document declares", kind: "configuration kind", field: "field the API version does not have" },
    versionKinds: { configVersion: "api-version" },
    priority: 46,
    meaning:
      "kubeadm decoded a configuration document strictly and met a field that its declared kubeadm.k8s.io API version does not have, but another version does: v1beta3 dropped dns.type and useHyperKubeImage, v1beta4 moved apiServer.timeoutForControlPlane and discovery.timeout into timeouts and added encryptionAlgorithm, dns/proxy.disabled, extraEnvs and imagePullSerial. The document mixes two schema versions, usually a template written for one kubeadm release and relabelled (or run) for another; kubeadm ignores the field.",
    causes: [
      "An installer template (kubespray, kind kubeadmConfigPatches, sealer, kubekey) that bumped apiVersion to v1beta3 or v1beta4 but kept fields of the older schema.",
      "A configuration copied from newer documentation (v1beta4 fields) declared as v1beta3 for an older kubeadm.",
    ],
    fixes: [
      "Write the document in one schema: drop the removed field or move it where the declared version has it (timeouts.controlPlaneComponentHealthCheck for timeoutForControlPlane in v1beta4).",
      "`kubeadm config migrate --old-config old.yaml --new-config new.yaml` converts a whole document to the version this kubeadm prefers.",
    ],
    references: ["https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/", "https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta3/"],
    examples: [
      {
        // kubernetes-sigs/kubespray#10926 (kubeadm-images.yaml.j2 kept dns.type in a v1beta3 ClusterConfiguration)
        line: String.raw`W0215 16:17:43.277229 2020246 initconfiguration.go:307] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "dns.type"`,
        captures: { configVersion: "v1beta3", kind: "ClusterConfiguration", field: "dns.type" },
      },
      {
        // kubernetes/website#49095, kubernetes/kubernetes#129222 (kubeadm 1.32, the v1beta3 field in a v1beta4 document)
        line: String.raw`W1215 14:38:56.307918 5914 initconfiguration.go:332] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta4", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "apiServer.timeoutForControlPlane"`,
        captures: { configVersion: "v1beta4", field: "apiServer.timeoutForControlPlane" },
      },
      // sealerio/sealer#1484 (issue title)
      { line: `unknown field "dns.type"`, captures: { field: "dns.type" } },
      {
        // find_string index id 44728327096 (kubeadm 1.13.10: a v1beta1 field in a v1alpha3 document, the older wording)
        line: String.raw`W1015 02:10:35.054346    3278 strict.go:54] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1alpha3", Kind:"ClusterConfiguration"}: error unmarshaling JSON: while decoding JSON: json: unknown field "useHyperKubeImage"`,
        captures: { configVersion: "v1alpha3", field: "useHyperKubeImage" },
      },
    ],
    nearMisses: [
      // kubernetes/kubernetes#127913: certSANs exists in v1beta4 (under apiServer); the document's indentation was wrong.
      String.raw`W1008 14:03:05.333389    3651 initconfiguration.go:332] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta4", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "certSANs"`,
      // kubernetes/kubernetes#111082: imageMeta is inline in every version; "ImageMeta" is a wrong spelling.
      String.raw`W0712 08:54:11.219364   18632 initconfiguration.go:305] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "dns.ImageMeta"`,
      // kubernetes/kubeadm#2881: metadata in a kubeadm document (kinder's template), no schema version has it.
      String.raw`W0525 07:59:17.054669     301 initconfiguration.go:306] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "metadata"`,
      // Another program's schema (find_string index id 68829652052): a bare field name without a dot is not kubeadm's.
      '| `unknown field "timeouts"` | Fix the typo; unknown fields are rejected. |',
    ],
  },
  {
    id: "kubeadm-config-api-unknown",
    title: "kubeadm does not know the configuration's API version",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["unknown configuration schema.GroupVersionKind", "for scheme definitions in"],
    patterns: [
      // kubeadm's VerifyUnmarshalStrict (strict.go), %#v of the GroupVersionKind; klog.Warning, then the
      // "no kind ... is registered" error that stops init/join.
      // Only kubeadm's own groups: `kubeadm upgrade` also prints it for component-config documents it ignores
      // (kubeproxy.config.k8s.io in an UpgradeConfiguration file, kubernetes/kubernetes#128031), which is no skew.
      String.raw`unknown\s+configuration\s+schema\.GroupVersionKind\{Group\s*:\s*\\?"(?<group>kubeadm\.k8s\.io|bootstraptoken)\\?"\s*,\s*Version\s*:\s*\\?"(?<configVersion>v\w+)\\?"\s*,\s*Kind\s*:\s*\\?"(?<kind>\w+)\\?"\s*\}`,
    ],
    versions: ["configVersion"],
    roles: { group: "API group of the configuration", configVersion: "API version the configuration is written in", kind: "configuration kind" },
    versionKinds: { configVersion: "api-version" },
    priority: 58,
    meaning:
      "kubeadm met a configuration document in an API group/version it does not register: a kubeadm.k8s.io version newer than this kubeadm (v1beta3 needs 1.22, v1beta4 needs 1.31) or one it no longer reads, written by an install script or tool for another kubeadm release.",
    causes: [
      "An installer script written for newer Kubernetes (kubeadm.k8s.io/v1beta3 or v1beta4) run with an older kubeadm (lework/kainstall#35 and #51 with kubeadm 1.20).",
      "A configuration kept from an old kubeadm (v1alpha*, v1beta1, v1beta2) read by a kubeadm that dropped that version.",
    ],
    fixes: [
      "Write the configuration in an API version this kubeadm reads (`kubeadm config print init-defaults` shows it), or install the kubeadm release the script targets.",
      "For an old configuration, migrate it with `kubeadm config migrate` on a kubeadm that still reads it.",
    ],
    references: ["https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/"],
    examples: [
      {
        // lework/kainstall#51 (kubeadm 1.20.6, a script writing v1beta3)
        line: String.raw`W0330 18:49:18.277988    3616 strict.go:47] unknown configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"InitConfiguration"} for scheme definitions in "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/scheme/scheme.go:31" and "k8s.io/kubernetes/cmd/kubeadm/app/componentconfigs/scheme.go:28"`,
        captures: { group: "kubeadm.k8s.io", configVersion: "v1beta3", kind: "InitConfiguration" },
      },
      {
        // maguowei/gotok8s#17 (v1beta2, kubeadm 1.15 or later)
        line: String.raw`unknown configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta2", Kind:"InitConfiguration"} for scheme definitions in "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/scheme/scheme.go:31" and "k8s.io/kubernetes/cmd/kubeadm/app/componentconfigs/scheme.go:28"`,
        captures: { configVersion: "v1beta2", kind: "InitConfiguration" },
      },
    ],
    nearMisses: [
      // kubernetes/kubernetes#128031: kubeadm upgrade ignoring a component-config document (a warning, upgrade went on).
      String.raw`W1103 08:37:22.670553    4048 upgradeconfiguration.go:54] unknown configuration schema.GroupVersionKind{Group:"kubeproxy.config.k8s.io", Version:"v1alpha1", Kind:"KubeProxyConfiguration"}`,
      // kubesphere/kubekey#2083: a field of another schema inside a known version (the tool's template bug).
      String.raw`initconfiguration.go:307] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "dns.ty`,
    ],
  },
  {
    id: "kubeadm-docker-version-unsupported",
    title: "kubeadm preflight rejects the Docker version",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["unsupported docker version"],
    patterns: [
      // k8s.io/system-validators (kubeadm's SystemVerification, before dockershim left): a Docker release the validator's
      // list does not know, fatal in kubeadm 1.6-1.13 for releases newer than the list (the version-scheme change to
      // 17.03, 18.09 on kubeadm 1.10-1.12).
      String.raw`unsupported\s+docker\s+version\s*:\s*(?<docker>\d+\.\d+[\w.+~-]*)`,
    ],
    versions: ["docker"],
    roles: { docker: "Docker Engine version on the node" },
    versionKinds: { docker: { kind: "component", component: "docker" } },
    priority: 45,
    meaning:
      "kubeadm's preflight SystemVerification only accepts Docker releases its validator knows; the node runs a Docker release newer than this kubeadm (or one whose version string it cannot read), so init/join stops.",
    causes: [
      "An unpinned Docker package (docker-ce from the distribution or get.docker.com) newer than the kubeadm release being installed (minikube#3323: Docker 18.09 with kubeadm 1.12; kubeadm#189: Docker 17.03's new scheme with kubeadm 1.6).",
      "A vendor build whose version string the validator does not parse (Moby on Azure, 3.0.11+azure).",
    ],
    fixes: [
      "Install the Docker release the kubeadm version validates (the Kubernetes release notes list it), or a kubeadm that knows the installed Docker.",
      "If the Docker release is known to work, skip the check: --ignore-preflight-errors=SystemVerification.",
    ],
    references: ["https://github.com/kubernetes/system-validators"],
    examples: [
      // kubernetes/minikube#3323 (kubeadm 1.12.2, Docker 18.09.0)
      { line: "[ERROR SystemVerification]: unsupported docker version: 18.09.0", captures: { docker: "18.09.0" } },
      // kubernetes/kubeadm#189 (kubeadm 1.6 preflight, Docker's 17.03 scheme)
      { line: "    unsupported docker version: 17.03.0-ce", captures: { docker: "17.03.0-ce" } },
    ],
    nearMisses: [
      // hypriot/image-builder-rpi#311: a warning only; the fatal error there is the kernel config.
      "        [WARNING SystemVerification]: this Docker version is not on the list of validated versions: 19.03.1. Latest validated version: 18.09",
      "DOCKER_VERSION: 17.03.0-ce",
    ],
  },
  {
    id: "kubeadm-kernel-version-unsupported",
    title: "kubeadm preflight rejects the kernel release",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["is unsupported. Recommended", "is unsupported. Supported", "unsupported kernel release"],
    patterns: [
      // kubeadm 1.31+ (system-validators' LTS list): a fatal [ERROR] only; the [WARNING] form lets init go on.
      String.raw`\[ERROR\s+SystemVerification\]\s*:\s*kernel\s+release\s+(?<kernel>\d+\.\d+[\w.+~-]*)\s+is\s+unsupported`,
      // kubeadm 1.13 and older (the validator's regexes stopped at 4.x until kubernetes/kubernetes#74355, 1.14).
      String.raw`unsupported\s+kernel\s+release\s*:\s*(?<kernel>\d+\.\d+[\w.+~-]*)`,
    ],
    versions: ["kernel"],
    roles: { kernel: "Linux kernel release on the node" },
    versionKinds: { kernel: { kind: "component", component: "linux" } },
    priority: 44,
    meaning:
      "kubeadm's preflight SystemVerification checks the kernel release against a list: kubeadm 1.13 and older did not know 5.x kernels, and kubeadm 1.31 and later require an upstream LTS (4.19, 5.x, 6.x), so a distribution kernel outside the list stops init/join.",
    causes: [
      "A kubeadm older than the node's kernel (kubeadm 1.13 on a 5.0 kernel: clearlinux/distribution#528).",
      "A kubeadm newer than the OS it runs on (kubeadm 1.32 on RHEL/CentOS 7 or 8 kernels 3.10 and 4.18: kubernetes/minikube#20627, kubernetes/kubernetes#129462).",
    ],
    fixes: [
      "Use a kubeadm release whose validator accepts the kernel (1.14+ for 5.x kernels), or an OS with a supported kernel.",
      "If the distribution kernel has the features, skip the check: --ignore-preflight-errors=SystemVerification.",
    ],
    references: ["https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/", "https://github.com/kubernetes/kubeadm/issues/3177"],
    examples: [
      {
        // kubernetes/minikube#20627 (CentOS 8, kernel 4.18, a 1.32 kubeadm)
        line: "        _[ERROR SystemVerification]: kernel release 4.18.0-348.7.1.el8_5.x86_64 is unsupported. Recommended LTS version from the 4.x series is 4.19. Any 5.x or 6.x versions are also supported. For cgroups v2 support, the minimal version is 4.15 and the recommended version is 5.8+_",
        captures: { kernel: "4.18.0-348.7.1.el8_5.x86_64" },
      },
      {
        // clearlinux/distribution#528 (kubeadm 1.13.4, kernel 5.0), inside Ansible's JSON-escaped stderr
        line: String.raw`"stderr": "error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR SystemVerification]: unsupported kernel release: 5.0.1-312.kvm\n[preflight] If you know what you are doing, you can make a check non-fatal with`,
        captures: { kernel: "5.0.1-312.kvm" },
      },
    ],
    nearMisses: [
      // vexxhost/capo-image-elements#36: the warning form, init went on.
      "        [WARNING SystemVerification]: kernel release 5.14.0-570.33.2.el9_6.x86_64 is unsupported. Supported LTS versions from the 5.x series are 5.4, 5.10 and 5.15. Any 6.x version is also supported. For cgroups v2 support, the recommended version is 5.10 or newer",
      "KERNEL_VERSION: 3.10.0-514.6.1.el7.x86_64",
    ],
  },
  {
    id: "kubeadm-etcd-version-unknown",
    title: "kubeadm has no etcd version for the requested Kubernetes version",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["No recommended etcd for requested", "or unknown Kubernetes version(", "or unknown kubernetes version("],
    patterns: [
      // cmd/kubeadm/app/cmd/upgrade/plan.go getSuggestedEtcdVersion (1.9–1.17): the plan goes on with etcd "N/A".
      String.raw`No\s+recommended\s+etcd\s+for\s+requested\s+[Kk]ubernetes\s+version\s*\(\s*(?<kubernetes>{V})\s*\)`,
      // cmd/kubeadm/app/constants EtcdSupportedVersion (1.9–1.17): the minor is not in kubeadm's SupportedEtcdVersion
      // map, so `upgrade apply` stops ("failed to retrieve an etcd version for the target Kubernetes version: …").
      // Spelled "Unsupported or unknown kubernetes version" up to 1.12. kubernetes/kubernetes#88373 (1.18) falls back to
      // the nearest known etcd with a warning ("could not find officially supported version of etcd …"), not matched.
      String.raw`[Uu]nsupported\s+or\s+unknown\s+[Kk]ubernetes\s+version\s*\(\s*(?<kubernetes>{V})\s*\)`,
    ],
    versions: ["kubernetes"],
    roles: { kubernetes: "Kubernetes version kubeadm was asked for" },
    versionKinds: { kubernetes: "kubernetes" },
    priority: 50,
    meaning:
      "kubeadm maps each Kubernetes minor it knows to an etcd release; a version newer than the kubeadm binary (or a prerelease of the next minor) has no entry. Before 1.18 kubeadm upgrade stops on it (upgrade plan only warns and shows etcd as N/A); from 1.18 kubeadm falls back to the nearest etcd it knows.",
    causes: [
      "kubeadm not upgraded before `kubeadm upgrade plan/apply` to a newer minor (kubernetes/kubeadm#1256: kubeadm 1.12 planning 1.13).",
      "A CI job building the next minor (1.N.0-alpha) with a kubeadm whose etcd table was not bumped yet (kubernetes/kubernetes#81386, #88336).",
    ],
    fixes: [
      "Install the kubeadm of the target minor first (the etcd version comes with it), then plan/apply the upgrade.",
      "For a development build, add the minor to SupportedEtcdVersion (cmd/kubeadm/app/constants), or use kubeadm 1.18+, which falls back to the nearest etcd.",
    ],
    references: ["https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/kubeadm-upgrade/", "https://github.com/kubernetes/kubernetes/pull/88373"],
    examples: [
      {
        // kubernetes/kubernetes#81386 (kinder upgrade job 1.15 → master once master pointed at 1.17)
        line: "[upgrade/apply] FATAL: failed to retrieve an etcd version for the target Kubernetes version: unsupported or unknown Kubernetes version(1.17.0-alpha.0.22+0910ebfeee1e28)",
        captures: { kubernetes: "1.17.0-alpha.0.22+0910ebfeee1e28" },
      },
      {
        // kubernetes/kubeadm#1256 (kubeadm v1.12.2 planning v1.13.0)
        line: "[upgrade/versions] WARNING: No recommended etcd for requested kubernetes version (v1.13.0)",
        captures: { kubernetes: "v1.13.0" },
      },
      // kubeadm 1.9–1.12's spelling
      { line: "Unsupported or unknown kubernetes version(1.13.0)", captures: { kubernetes: "1.13.0" } },
    ],
    nearMisses: [
      // kubernetes/kubernetes#114232, kubernetes/kubeadm#2859: 1.18+ falls back and goes on (kubeadm's own minor missing from its table).
      "W1201 18:38:22.238280   13854 images.go:80] could not find officially supported version of etcd for Kubernetes v1.26.0-rc.1, falling back to the nearest etcd version (3.5.6-0)",
      "[upgrade/versions] kubeadm version: v1.12.2",
    ],
  },
  {
    id: "kubeadm-config-kind-missing",
    title: "kubeadm configuration document without kind and apiVersion",
    family: "kubeadm",
    severity: "warning",
    flake: false,
    anchors: ["kind and apiVersion is mandatory information that needs"],
    patterns: [
      // cmd/kubeadm/app/util/marshal.go SplitYAMLDocuments (1.12–1.14): every document of --config must carry its type
      // since the v1alpha3 multi-document configuration. Later releases say "invalid configuration for GroupVersionKind
      // /, Kind=: … must be specified", which is nearly always a stray `---` or an empty document: not matched.
      String.raw`kind\s+and\s+apiVersion\s+is\s+mandatory\s+information\s+that\s+needs\s+to\s+be\s+specified\s+in\s+all\s+YAML\s+documents`,
    ],
    versions: [],
    priority: 40,
    meaning:
      "kubeadm 1.12 and later read --config as a stream of typed documents (v1alpha3 split MasterConfiguration into Init/ClusterConfiguration): a document without kind and apiVersion is refused. A configuration generated for an older kubeadm (an untyped v1alpha1/v1alpha2 file) fails this way, and so does an empty document left by a stray `---`; the line does not tell which.",
    causes: [
      "A provisioning tool written for kubeadm 1.10/1.11 generating an untyped configuration for a newer kubeadm (kinvolk/kube-spawn#320).",
      "An empty YAML document (a leading or doubled `---`, a comment block between separators).",
    ],
    fixes: [
      "Give every document its apiVersion (kubeadm.k8s.io/…) and kind (InitConfiguration, ClusterConfiguration, …); `kubeadm config print init-defaults` shows the shape this kubeadm reads.",
      "Remove empty documents and stray `---` separators.",
    ],
    examples: [
      // kinvolk/kube-spawn#320 (kube-spawn's config for kubeadm 1.11 run with 1.12)
      { line: "master-ajk8ix invalid configuration: kind and apiVersion is mandatory information that needs to be specified in all YAML documents" },
    ],
    nearMisses: [
      // The later wording: an empty or untyped document, almost always a formatting slip.
      "invalid configuration for GroupVersionKind /, Kind=: kind and apiVersion is mandatory information that must be specified",
    ],
  },
  {
    id: "kubeadm-join-node-rbac-missing",
    title: "kubeadm 1.18+ join lacks the bootstrap token's permission to read Nodes",
    family: "kubeadm",
    severity: "warning",
    flake: false,
    anchors: ["system:bootstrap:"],
    patterns: [
      // kubeadm join 1.18 checks for a Ready Node of the same name with the bootstrap token (cmd/kubeadm/app/cmd/phases/
      // join/kubelet.go); the ClusterRole kubeadm:get-nodes that allows it is created by kubeadm init/upgrade 1.18.1+
      // (kubernetes/kubernetes#89537). A cluster set up by an older kubeadm (or 1.18.0) has no such rule.
      String.raw`(?:nodes\s+\\?"(?<node>[\w.-]+)\\?"\s+is\s+forbidden\s*:\s*)?User\s+\\?"system:bootstrap:[a-z0-9]{6}\\?"\s+cannot\s+get\s+resource\s+\\?"nodes\\?"\s+in\s+API\s+group\s+\\?"\\?"\s+at\s+the\s+cluster\s+scope`,
    ],
    versions: [],
    roles: { node: "joining Node" },
    priority: 40,
    meaning:
      "kubeadm join from 1.18 on reads the Node it is about to register with the bootstrap token; the RBAC rule for that (ClusterRole kubeadm:get-nodes) exists only in clusters whose control plane was initialised or upgraded by kubeadm 1.18.1 or later. A 1.18+ kubeadm joining a cluster set up by kubeadm 1.17 (or 1.18.0) is refused; the line does not name the versions.",
    causes: [
      "Nodes joined with a newer kubeadm than the one that last ran init/upgrade on the control plane (kubernetes/kubeadm#2079: 1.18 nodes into a cluster created at 1.17).",
      "kubeadm 1.18.0 itself, which forgot the rule (kubernetes/kubernetes#89882, fixed in 1.18.1).",
    ],
    fixes: [
      "Run `kubeadm init phase bootstrap-token` with the newer kubeadm on a control-plane node (it creates the missing RBAC), or upgrade the control plane with it first.",
      "Or apply the kubeadm:get-nodes ClusterRole and binding from the kubeadm troubleshooting guide.",
    ],
    references: ["https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/troubleshooting-kubeadm/#not-possible-to-join-a-v1-18-node-to-a-v1-17-cluster-due-to-missing-rbac"],
    examples: [
      {
        // kubernetes/kubernetes#89501 (kubeadm 1.18 join after upgrading a 1.17 cluster)
        line: String.raw`nodes "ip-10-0-64-22.ec2.internal" is forbidden: User "system:bootstrap:m8xqjy" cannot get resource "nodes" in API group "" at the cluster scope`,
        captures: { node: "ip-10-0-64-22.ec2.internal" },
      },
      // kubernetes/kubeadm#2083 (issue title)
      { line: String.raw`User "system:bootstrap:9nx9kc" cannot get resource "nodes" in API group "" at the cluster scope` },
    ],
    nearMisses: [
      String.raw`nodes is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope`,
    ],
  },
];
