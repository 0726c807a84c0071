import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;
// A minikube version as it prints one; unlike {V} it stops before a sentence's full stop ("v1.27.0-rc.0. Use …").
const MV = String.raw`[vV]?\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?`;

export const distributionSignatures: Signature[] = [
  {
    id: "talos-upgrade-path",
    title: "talosctl refuses the Kubernetes upgrade path",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["unsupported upgrade path"],
    patterns: [
      String.raw`unsupported\s+upgrade\s+path\s+${Q}(?<fromMinor>\d+\.\d+)->(?<toMinor>\d+\.\d+)${Q}\s+\(from\s+${Q}(?<from>{V})${Q}\s+to\s+${Q}(?<to>{V})`,
    ],
    versions: ["from", "to", "fromMinor", "toMinor"],
    roles: { from: "lowest Kubernetes version in the cluster", to: "upgrade target", fromMinor: "minor upgraded from", toMinor: "minor upgraded to" },
    versionKinds: { fromMinor: "kubernetes", toMinor: "kubernetes" },
    priority: 45,
    meaning: "talosctl upgrade-k8s knows a fixed list of upgrade paths (one minor at a time); the requested one is not in this talosctl's list.",
    causes: [
      "The target skips a minor, or the lowest version detected in the cluster (a leftover node or static pod) is older than expected.",
      "A one-minor step that this talosctl is too old to know: talosctl learns each new Kubernetes minor in a Talos release.",
    ],
    fixes: ["Upgrade one minor at a time, from the version talosctl detected; use a talosctl at least as new as the Talos release that supports the target."],
    references: ["https://www.talos.dev/latest/kubernetes-guides/upgrading-kubernetes/"],
    examples: [
      { line: `unsupported upgrade path 1.32->1.34 (from "1.32.12" to "1.34.4")`, captures: { from: "1.32.12", to: "1.34.4" } },
    ],
  },
  {
    id: "talos-kubernetes-too-new",
    title: "Kubernetes version outside what this Talos release supports",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["to be used with Talos"],
    patterns: [String.raw`version\s+of\s+Kubernetes\s+(?<kubernetes>{V})\s+is\s+too\s+(?<direction>new|old)\s+to\s+be\s+used\s+with\s+Talos\s+(?<talos>{V})`],
    versions: ["kubernetes", "talos"],
    roles: { kubernetes: "requested Kubernetes version", talos: "Talos version" },
    versionKinds: { talos: { kind: "component", component: "Talos" } },
    priority: 50,
    meaning: "Talos validates the machine config: each Talos release supports a window of Kubernetes minors, and the requested kubelet/control-plane images fall outside it.",
    causes: ["The Kubernetes version was bumped (a Renovate PR, a provider default) past what the nodes' Talos release supports."],
    fixes: ["Upgrade Talos first (talosctl upgrade), then Kubernetes; or keep Kubernetes inside the Talos support matrix."],
    references: ["https://www.talos.dev/latest/introduction/support-matrix/"],
    examples: [
      {
        line: "* kubelet image is not valid: version of Kubernetes 1.36.0-alpha.1 is too new to be used with Talos 1.12.5",
        captures: { kubernetes: "1.36.0-alpha.1", talos: "1.12.5", direction: "new" },
      },
    ],
  },
  {
    id: "kubespray-kube-version-unsupported",
    title: "Kubespray release does not support the requested Kubernetes version",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["release of Kubespray only support"],
    patterns: [
      String.raw`release\s+of\s+Kubespray\s+only\s+supports?\s+newer\s+ve?r?sion\s+of\s+Kubernetes\s+than\s*:?\s*(?<minimum>{V})(?:\s*-\s*You\s+are\s+trying\s+to\s+apply\s+(?<requested>{V}))?`,
    ],
    versions: ["minimum", "requested"],
    roles: { minimum: "oldest Kubernetes this Kubespray supports", requested: "kube_version requested" },
    priority: 50,
    meaning: "Kubespray's preinstall assertion: each Kubespray release supports its default Kubernetes minor and the two before it.",
    causes: ["An inventory kube_version left at an old release while Kubespray was upgraded (or a test matrix that was not bumped)."],
    fixes: ["Raise kube_version into the supported window, or run the Kubespray release that supports the current cluster first (upgrade one Kubespray minor at a time)."],
    references: ["https://github.com/kubernetes-sigs/kubespray#requirements"],
    examples: [
      {
        line: `"msg": "The current release of Kubespray only support newer version of Kubernetes than v1.16.0 - You are trying to apply v1.15.3"`,
        captures: { minimum: "v1.16.0", requested: "v1.15.3" },
      },
    ],
  },
  {
    id: "openshift-upgrade-gate",
    title: "OpenShift blocks the minor upgrade on a Kubernetes version gate",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: [
      "KubeletMinorVersionUpgradeable",
      "KubeletMinorVersion_KubeletMinorVersion",
      "will not be supported in the next OpenShift minor",
      "is too far behind the target API server version",
      "and therefore OpenShift",
      "with OpenShift minor versions greater than",
      "with Openshift minor versions greater than",
    ],
    patterns: [
      String.raw`KubeletMinorVersionUpgradeable\s*:\s*Kubelet\s+minor\s+versions?\s+on\s+(?<nodes>\d+)\s+nodes?\s+will\s+not\s+be\s+supported\s+in\s+the\s+next\s+OpenShift\s+minor\s+version\s+upgrade`,
      // cluster-kube-apiserver-operator's KubeletVersionSkewController: one node named, or a list of node names.
      String.raw`Kubelet\s+minor\s+versions?\s+(?:\(\s*(?<kubelet>{V})\s*\)\s+)?on\s+(?:nodes?\s+)?[^\n]*?will\s+not\s+be\s+supported\s+in\s+the\s+next\s+OpenShift\s+minor\s+version`,
      String.raw`Unsupported\s+Kubelet\s+version\s+\(\s*(?<kubelet>{V})\s*\)\s+on\s+node\s+\S+\s+is\s+too\s+far\s+behind\s+the\s+target\s+API\s+server\s+version\s+\(\s*(?<kubernetes>{V})\s*\)`,
      // The condition's reason, as oc adm upgrade and the CI monitor print it ("Reason: …", "Upgradeable=False …").
      String.raw`KubeletMinorVersion_KubeletMinorVersion(?<reason>UnsupportedNextUpgrade|Unsupported|Ahead)\b`,
      String.raw`Kubernetes\s+(?<kubernetes>{V})\s+and\s+therefore\s+OpenShift\s+(?<openshift>{V})\s+remove\s+several\s+APIs`,
      // OLM: an installed operator's olm.maxOpenShiftVersion is below the next minor.
      String.raw`(?<operator>[\w./-]+?)(?:\s+|\.v\.?)(?<operatorVersion>{V})\s+is\s+incompatible\s+with\s+Open[Ss]hift\s+minor\s+versions\s+greater\s+than\s+(?<openshift>{V})`,
    ],
    versions: ["kubernetes", "openshift", "operatorVersion", "kubelet"],
    roles: { kubelet: "a node's kubelet version", reason: "Upgradeable=False reason", kubernetes: "Kubernetes release of the target", openshift: "OpenShift release of the target (or the operator's maximum)", operator: "operator blocking the upgrade", operatorVersion: "operator release" },
    versionKinds: { openshift: { kind: "component", component: "OpenShift" }, operatorVersion: { kind: "component", component: "operator" } },
    priority: 45,
    meaning: "The cluster-version operator set Upgradeable=False: the next OpenShift minor would break the Kubernetes version skew (kubelets too old) or remove APIs the cluster may still use.",
    causes: [
      "Nodes (kubelets) still on an older minor: OpenShift supports kubelets one minor behind on odd releases, two on even (EUS) releases.",
      "An OpenShift minor whose Kubernetes removes APIs, which needs an administrator's acknowledgement (admin-gates).",
    ],
    fixes: [
      "Finish updating the machine config pools (nodes) to the current minor before the next minor upgrade.",
      "Check the removed APIs in use (APIRequestCount), then acknowledge the admin gate in openshift-config/admin-acks.",
      "An operator whose olm.maxOpenShiftVersion is the current minor: upgrade the operator to a release that supports the next OpenShift minor (z-stream updates stay allowed).",
    ],
    references: ["https://docs.openshift.com/container-platform/latest/updating/preparing_for_updates/updating-cluster-prepare.html"],
    examples: [
      {
        line: "Cluster operator kube-apiserver should not be upgraded between minor versions: KubeletMinorVersionUpgradeable: Kubelet minor versions on 6 nodes will not be supported in the next OpenShift minor version upgrade.",
        captures: { nodes: "6" },
      },
      {
        // openshift/oadp-operator#559
        line: `"Cluster operator operator-lifecycle-manager cannot be upgraded between minor versions: ClusterServiceVersioins blocking cluster upgrade: oadp 0.2.6 is incompatible with Openshift minor versions greater than 4.8"`,
        captures: { operator: "oadp", operatorVersion: "0.2.6", openshift: "4.8" },
      },
      {
        // dell/csm#214
        line: "ClusterServiceVersions blocking cluster upgrade: dell-csi-operator/dell-csi-operator.v.1.6.0 is incompatible with OpenShift minor versions greater than 4.9",
        captures: { operator: "dell-csi-operator/dell-csi-operator", operatorVersion: "1.6.0", openshift: "4.9" },
      },
      // okd-project/okd#1577 (oc adm upgrade; the nodes' kubelets lagged a minor behind)
      { line: "  Reason: KubeletMinorVersion_KubeletMinorVersionUnsupportedNextUpgrade", captures: { reason: "UnsupportedNextUpgrade" } },
      {
        // openshift/origin's monitor output, as quoted in its sources (ci failure of Oct 17)
        line: "fail [github.com/onsi/ginkgo@v4.7.0-origin.0+incompatible/internal/leafnodes/runner.go:113]: Oct 17 23:28:57.284: Some cluster operators are not ready: kube-apiserver (Upgradeable=False KubeletMinorVersion_KubeletMinorVersionUnsupportedNextUpgrade: KubeletMinorVersionUpgradeable: Kubelet minor versions on nodes ip-10-0-135-91.ec2.internal, ip-10-0-168-151.ec2.internal, and ip-10-0-192-244.ec2.internal will not be supported in the next OpenShift minor version upgrade.)",
      },
      {
        // cluster-kube-apiserver-operator's condition message for a node three minors behind
        line: "Unsupported Kubelet version (1.34.0) on node test001 is too far behind the target API server version (1.37.0).",
        captures: { kubelet: "1.34.0", kubernetes: "1.37.0" },
      },
    ],
    nearMisses: [
      "* Cluster operator machine-config should not be upgraded between minor versions: DegradedPool: One or more machine config pools are degraded",
    ],
  },
  {
    id: "talos-provider-version-mismatch",
    title: "Talos provider or machine config made for another Talos release",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["talos_version is not compatible", "unknown keys found during decoding", ": not registered"],
    patterns: [
      String.raw`talos_version\s+is\s+not\s+compatible\s+with\s+kubernetes_version`,
      // Talos decodes machine config strictly: a key from a newer Talos (or a typo) is refused.
      // The same strict decoder behind apply-config (maintenance mode: "failed to parse config"), CABPT/CACPPT and
      // tools that read the node's config back (tnu): the generating side knows keys the decoding side does not.
      String.raw`(?:code\s*=\s*\w+\s+desc\s*=\s*(?:failed\s+to\s+parse\s+config\s*:\s*)?|failure\s+creating\s+config\s+struct\s*:\s*|failed\s+to\s+fetch\s+machine\s+config\s*:\s*)unknown\s+keys\s+found\s+during\s+decoding`,
      // A config document kind (multi-doc machine config) that this talosctl's or Talos' registry lacks.
      String.raw`${Q}(?<document>[A-Z]\w*Config)${Q}\s+${Q}(?<apiVersion>v1alpha\d)${Q}\s*:\s*not\s+registered`,
    ],
    versions: ["apiVersion"],
    roles: { document: "machine config document kind", apiVersion: "its config API version" },
    versionKinds: { apiVersion: "api-version" },
    priority: 40,
    meaning:
      "The Talos Terraform provider or talosctl produced a machine config for another Talos release than the nodes run: a kubernetes_version outside the talos_version's support matrix, or config keys the nodes' Talos does not know yet.",
    causes: [
      "talos_version (the config contract) left at an old release while kubernetes_version was raised past what it supports.",
      "A provider/talosctl newer than the nodes: it writes keys (hostDNS, …) that the nodes' older Talos rejects. A mistyped key is refused the same way.",
      "A talosctl older than the nodes: it cannot decode config documents (VolumeConfig, …) that the nodes' newer Talos serves, so upgrade-k8s and edits fail with \"not registered\".",
    ],
    fixes: ["Use a talosctl of the nodes' Talos release (talosctl version shows client and server).", "Set talos_version to the Talos release the nodes run (or upgrade the nodes first), and keep kubernetes_version inside its support matrix; generate config with a talosctl/provider matching the nodes."],
    references: ["https://www.talos.dev/latest/introduction/support-matrix/"],
    examples: [
      { line: "│ Error: talos_version is not compatible with kubernetes_version" },
      { line: "error applying new configuration: rpc error: code = InvalidArgument desc = unknown keys found during decoding:" },
      // talos-rpi5/talos-builder#23 (talosctl 1.12.1 config against 1.11.5 nodes in maintenance mode)
      { line: "error applying new configuration: rpc error: code = Unknown desc = failed to parse config: unknown keys found during decoding:" },
      // siderolabs/cluster-api-control-plane-provider-talos#177 (CABPT's talosVersion ahead of the nodes; maintainer)
      { line: "`2023/08/19 05:04:23 failure creating config struct: unknown keys found during decoding:" },
      // jfroy/tnu#41 (tnu's Talos machinery older than the v1.11 nodes whose config it read)
      { line: "2025/09/09 15:39:18 update process failed: failed to fetch machine config: unknown keys found during decoding:" },
      {
        // siderolabs/talos#9469 (maintainer: outdated talosctl against Talos 1.8)
        line: String.raw`failed upgrading kubelet: error updating node "10.0.0.7":  error patching node config: error fetching config resource: "VolumeConfig" "v1alpha1": not registered`,
        captures: { document: "VolumeConfig", apiVersion: "v1alpha1" },
      },
    ],
    nearMisses: [String.raw`rpc error: code = NotFound desc = resource "kcpc" is not registered`],
  },
  {
    id: "kubespray-kube-version-unknown",
    title: "Kubespray does not know the requested Kubernetes version",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["dict object", "not kubeadm_version == downloads.kubeadm.version"],
    patterns: [
      // The checksum tables are keyed by version: a kube_version this release does not list fails the lookup.
      String.raw`'dict\s+object'\s+has\s+no\s+attribute\s+'(?<requested>v\d+\.\d+\.\d+(?:-[\w.]+)?)'`,
      // Tables keyed by the minor (etcd_supported_versions[kube_major_version]).
      String.raw`_supported_versions\[kube_major_version\][^\n]*?'dict\s+object'\s+has\s+no\s+attribute\s+'(?<requested>v\d+\.\d+)'`,
      // "Check kubeadm version matches kubernetes version": the same lookup, reported with the whole downloads dict
      // (which the log cuts off before the missing key is named).
      String.raw`conditional\s+check\s+'not\s+kubeadm_version\s+==\s+downloads\.kubeadm\.version'\s+failed`,
    ],
    versions: ["requested"],
    roles: { requested: "kube_version requested" },
    priority: 45,
    meaning: "Kubespray looks up the binaries' checksums by version; the requested kube_version is not in this Kubespray release's tables, so it does not support that version.",
    causes: ["A kube_version newer (or older) than the Kubespray release in use knows: each release lists the patch versions it was tested with."],
    fixes: ["Use a kube_version listed in this Kubespray's checksums (roles/kubespray-defaults), or the Kubespray release that supports it."],
    references: ["https://github.com/kubernetes-sigs/kubespray#requirements"],
    examples: [
      {
        line: "The error was: error while evaluating conditional (downloads.kubeadm.enabled): 'dict object' has no attribute 'v1.31.9'",
        captures: { requested: "v1.31.9" },
      },
      {
        // kubernetes-sigs/kubespray#12056
        line: "The error was: error while evaluating conditional (not etcd_version.startswith('v')): {{ etcd_supported_versions[kube_major_version] }}: 'dict object' has no attribute 'v1.32'",
        captures: { requested: "v1.32" },
      },
      {
        // kubernetes-sigs/kubespray#8318 (kube_version v1.21.8 has no checksums in the Kubespray release in use)
        line: `fatal: [k8st1]: FAILED! => {"msg": "The conditional check 'not kubeadm_version == downloads.kubeadm.version' failed. The error was: error while evaluating conditional (not kubeadm_version == downloads.kubeadm.version): ...... (too much)`,
      },
      {
        // kubernetes-sigs/kubespray#10915 (kube_version v1.29.1 with release-2.24), #7200, #10874: the dict dump follows
        line: `fatal: [node1]: FAILED! => {"msg": "The conditional check 'not kubeadm_version == downloads.kubeadm.version' failed. The error was: error while evaluating conditional (not kubeadm_version == downloads.kubeadm.version): {'netcheck_server': {'enabled': '{{ deploy_netchecker }}', 'container': True,`,
      },
      {
        // kubernetes-sigs/kubespray#7184 (v1.20.2 on tag v2.15.0, which does not list it)
        line: `fatal: [master-0]: FAILED! => {"msg": "The conditional check 'not kubeadm_version == downloads.kubeadm.version' failed. The error was: error while evaluating conditional (not kubeadm_version == downloads.kubeadm.version): 'dict object' has no attribute 'v1.20.2'`,
        captures: { requested: "v1.20.2" },
      },
    ],
    nearMisses: [
      "The error was: 'dict object' has no attribute 'ansible_default_ipv4'",
      "TASK [download : prep_kubeadm_images | Check kubeadm version matches kubernetes version] ****",
    ],
  },
  {
    id: "openshift-kubelet-skew-too-far",
    title: "OpenShift upgrade blocked: kubelets too far behind",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["KubeletSkewTooFar"],
    patterns: [String.raw`KubeletSkewTooFar\b(?:[^\n]*?current\s+version\s+(?<kubelet>{V}))?`],
    versions: ["kubelet"],
    roles: { kubelet: "node's kubelet version" },
    priority: 45,
    meaning: "OpenShift refuses to start the next minor upgrade while a node's kubelet would end up further behind the control plane than the skew policy allows.",
    causes: ["Nodes (often a paused MachineConfigPool or a manually managed node) left on an older release through earlier upgrades."],
    fixes: ["Update (unpause the pool) or remove the lagging nodes, then start the upgrade."],
    references: ["https://kubernetes.io/releases/version-skew-policy/"],
    examples: [
      {
        line: "KubeletSkewTooFar node/worker-2 must be updated or removed before the cluster can upgrade, current version v1.27",
        captures: { kubelet: "v1.27" },
      },
    ],
  },
  {
    id: "kops-kubernetes-version-unsupported",
    title: "kOps release does not support the cluster's Kubernetes version",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["kops upgrade is required", "upgrading kops is required", "upgrading Kubernetes is required", "bypass this check by exporting KOPS_RUN_"],
    patterns: [
      String.raw`This\s+version\s+of\s+kubernetes\s+is\s+not\s+yet\s+supported\s*;\s*upgrading\s+kops\s+is\s+required`,
      String.raw`This\s+version\s+of\s+Kubernetes\s+is\s+no\s+longer\s+supported\s*;\s*upgrading\s+Kubernetes\s+is\s+required`,
      String.raw`\bkops\s+upgrade\s+is\s+required\b`,
      // The banner's second line, alone when the first is wrapped off or cut (aws/eks-distro#2909).
      String.raw`bypass\s+this\s+check\s+by\s+exporting\s+(?<bypass>KOPS_RUN_TOO_NEW_VERSION|KOPS_RUN_OBSOLETE_VERSION)\b`,
    ],
    versions: [],
    priority: 45,
    meaning:
      "kOps supports Kubernetes up to its own minor and drops old minors on a schedule: this kops refuses a kubernetesVersion newer than itself (\"not yet supported\", the error \"kops upgrade is required\") or older than its oldest supported minor.",
    causes: [
      "A kubernetesVersion raised past the kops binary in the job (an old kops pinned in the image, or the terraform-provider-kops release).",
      "A kops upgraded past the cluster's minor: each kOps release removes support for the oldest Kubernetes minors.",
    ],
    fixes: [
      "Use the kops release of the cluster's Kubernetes minor (kops 1.N for Kubernetes 1.N), upgrading kops before Kubernetes.",
      "Only as a stop-gap: export KOPS_RUN_TOO_NEW_VERSION=1.",
    ],
    references: ["https://kops.sigs.k8s.io/welcome/releases/", "https://github.com/kubernetes/kops/blob/master/permalinks/upgrade_k8s.md"],
    examples: [
      { line: "This version of kubernetes is not yet supported; upgrading kops is required" },
      // kubernetes/test-infra#36207
      { line: "This version of Kubernetes is no longer supported; upgrading Kubernetes is required" },
      // eddycharly/terraform-provider-kops#193, #337, #1104
      { line: "│ Error: kops upgrade is required" },
      // aws/eks-distro#2909 (Kubernetes 1.30 with kops 1.29)
      { line: "(you can bypass this check by exporting KOPS_RUN_TOO_NEW_VERSION)", captures: { bypass: "KOPS_RUN_TOO_NEW_VERSION" } },
    ],
    nearMisses: ["A new kops version is available: 1.29.2", "No upgrade required"],
  },
  {
    id: "kops-cluster-newer-than-channel",
    title: "kOps: the cluster runs a newer Kubernetes than this kops recommends",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["is greater than recommended version", "is greater than the desired version"],
    // kops 1.33 says "the desired version" where older releases said "recommended version" (kubernetes/kops#17580).
    patterns: [String.raw`cluster\s+version\s+${Q}(?<cluster>{V})${Q}\s+is\s+greater\s+than\s+(?:the\s+)?(?:recommended|desired)\s+version\s+${Q}(?<recommended>{V})`],
    versions: ["cluster", "recommended"],
    roles: { cluster: "cluster's Kubernetes version", recommended: "version this kops' channel recommends" },
    priority: 40,
    meaning: "kops upgrade compares the cluster with the version its channel recommends for this kops release; a cluster newer than that was set up by a newer kops than the one running now.",
    causes: ["An older kops binary in the job than the one that last updated the cluster (kops update then proposes versions the cluster is already past)."],
    fixes: ["Upgrade kops to the cluster's minor (kops 1.N for Kubernetes 1.N) before running update or upgrade."],
    references: ["https://github.com/kubernetes/kops/issues/2436"],
    examples: [
      {
        // kubernetes/kops#2436
        line: String.raw`W0307 10:16:37.953889   26885 upgrade_cluster.go:152] cluster version "1.9.2" is greater than recommended version "1.8.6"`,
        captures: { cluster: "1.9.2", recommended: "1.8.6" },
      },
      {
        // kops 1.33's wording ("the desired version"), a minor ahead of the channel
        line: String.raw`W0826 12:16:37.623873    3025 upgrade_cluster.go:207] cluster version "1.33.1" is greater than the desired version "1.32.4"`,
        captures: { cluster: "1.33.1", recommended: "1.32.4" },
      },
    ],
    nearMisses: [
      "No upgrade required",
      // kubernetes/kops#17580: a newer patch of the channel's minor; kops changes nothing (dismissed).
      String.raw`W0826 12:16:37.623873    3025 upgrade_cluster.go:207] cluster version "1.32.6" is greater than the desired version "1.32.4"`,
    ],
  },
  {
    id: "k3s-removed-flag",
    title: "k3s removed a flag the install still passes",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["flag is deprecated. Use --", "is deprecated. Use --", "flag provided but not defined"],
    patterns: [
      // k3s 1.25 turned these deprecation warnings into fatal errors (k3s-io/k3s#6069); the level= is gone after
      // normalisation, so only the flags k3s removed are listed.
      String.raw`(?<flag>no-deploy|cluster-secret|no-flannel)\s+(?:flag\s+)?is\s+deprecated\.\s+Use\s+--(?<instead>[\w-]+)\s+instead`,
      // k3s 1.26 dropped the flags altogether: urfave/cli's Go-flag error, one dash (k3d-io/k3d#1311, k3s v1.26.4).
      String.raw`flag\s+provided\s+but\s+not\s+defined:\s+-{1,2}(?<flag>no-deploy|cluster-secret|no-flannel)\b`,
    ],
    versions: [],
    roles: { flag: "removed k3s flag", instead: "flag to use instead" },
    // Above k8s-component-unknown-flag: these flags are k3s's own, named one by one.
    priority: 65,
    meaning: "From k3s v1.25 the flags --no-deploy, --cluster-secret and --no-flannel are fatal errors (deprecated since 1.17–1.20): an install script, k3d or Ansible role written for an older k3s still passes them.",
    causes: ["An unpinned k3s (or k3d's default image) moved to 1.25+ while the install arguments stayed those of older releases."],
    fixes: ["Replace the flag (--no-deploy → --disable, --cluster-secret → --token, --no-flannel → --flannel-backend=none), or pin the k3s release the arguments were written for."],
    references: ["https://github.com/k3s-io/k3s/pull/6069", "https://docs.k3s.io/cli/server#deprecated-options"],
    examples: [
      {
        // k3s-io/k3s#6366, linkerd/linkerd2#9448, k8gb-io/k8gb#961, Substra/substra-documentation#285
        line: String.raw`Oct 27 11:10:00 dev-k8s-infra-01 k3s[1261643]: time="2022-10-27T11:10:00Z" level=fatal msg="no-deploy flag is deprecated. Use --disable instead."`,
        captures: { flag: "no-deploy", instead: "disable" },
      },
      {
        // k3s-io/k3s#6110
        line: String.raw`Sep 08 20:32:52 ip-172-31-44-235 k3s[12870]: time="2022-09-08T20:32:52Z" level=fatal msg="cluster-secret is deprecated. Use --token instead."`,
        captures: { flag: "cluster-secret", instead: "token" },
      },
      {
        // k3d-io/k3d#1311 (k3d v5.5.1, k3s v1.26.4-k3s1, --k3s-arg "--no-deploy=traefik@server:*")
        line: String.raw`WARN[0009] warning: encountered fatal log from node k3d-frha1-01-server-0 (retrying 1/10): Xtime="2023-07-05T09:09:15Z" level=fatal msg="flag provided but not defined: -no-deploy"`,
        captures: { flag: "no-deploy" },
      },
    ],
    nearMisses: [
      "Flag --insecure-port has been deprecated, This flag has no effect now and will be removed in v1.24.",
      // A Go flag error for a flag k3s never had: a typo, not a removal.
      String.raw`level=fatal msg="flag provided but not defined: -disable-trafik"`,
    ],
  },
  {
    id: "k3s-agent-newer-than-server",
    title: "k3s agent newer than the k3s server it joins",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["incompatible down-level server detected"],
    patterns: [String.raw`incompatible\s+down-level\s+server\s+detected\s*;\s*servers\s+must\s+be\s+upgraded\s+to\s+at\s+least\s+(?<minimum>{V})`],
    versions: ["minimum"],
    roles: { minimum: "oldest server release this agent works with" },
    versionKinds: { minimum: { kind: "component", component: "k3s" } },
    priority: 50,
    meaning: "A k3s (or RKE2) agent found that the server it joined is older than itself: servers must be upgraded before agents.",
    causes: ["An agent installed from 'latest' (or upgraded first by a plan) while the servers still run an older release."],
    fixes: ["Upgrade the servers to at least the named release first, or install the agent with INSTALL_K3S_VERSION set to the servers' release."],
    references: ["https://github.com/k3s-io/k3s/issues/2996", "https://docs.k3s.io/upgrades"],
    examples: [
      {
        // k3s-io/k3s#2996 (the message k3s-io/k3s#3000 added)
        line: String.raw`"Failed to retrieve agent config: incompatible down-level server detected; servers must be upgraded to at least v1.20.4+k3s-36b8c9fc, or restarted with --disable-network-policy"`,
        captures: { minimum: "v1.20.4+k3s-36b8c9fc" },
      },
    ],
  },
  {
    id: "rke2-cis-profile-removed",
    title: "RKE2 1.30+ refuses the versioned CIS profile (profile: cis-1.23)",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["profile is deprecated. Please use"],
    patterns: [
      // rancher/rke2#5781: a warning up to 1.29 ("… will be removed in v1.29"), fatal from v1.30.
      String.raw`(?<profile>cis-1\.\d+)\s+profile\s+is\s+deprecated\.\s+Please\s+use\s+'?cis'?\s+instead`,
    ],
    versions: [],
    roles: { profile: "CIS profile value in the RKE2 config" },
    priority: 50,
    meaning:
      "RKE2 replaced its versioned CIS profiles (cis-1.5, cis-1.6, cis-1.23) with the generic profile: cis (from the October 2023 releases); from v1.30 the old cis-1.23 value is a fatal error, so a config or Ansible role written for RKE2 ≤ 1.29 stops the server at start-up.",
    causes: ["An RKE2 upgraded (or installed from the latest channel) to v1.30+ while the config, Ansible role, NixOS module or Rancher template still sets profile: cis-1.23."],
    fixes: ["Set profile: cis (supported from v1.25.15/v1.26.10/v1.27.7/v1.28.3), or pin the RKE2 release the configuration was written for."],
    references: ["https://github.com/rancher/rke2/pull/5781", "https://docs.rke2.io/security/hardening_guide"],
    examples: [
      {
        // rancher/rke2#5781 (the change's own verification)
        line: "FATA[0000] cis-1.23 profile is deprecated. Please use 'cis' instead.",
        captures: { profile: "cis-1.23" },
      },
      {
        // NixOS/nixpkgs#449578 (the NixOS module still passed --profile=cis-1.23 to RKE2 1.30+)
        line: `time="2025-10-07T17:34:35Z" level=fatal msg="cis-1.23 profile is deprecated. Please use 'cis' instead."`,
        captures: { profile: "cis-1.23" },
      },
      {
        // ranchergovernment/rke2-ansible#262 (the role wrote cis-1.23 for v1.30.5+rke2r1)
        line: `level=fatal msg="cis-1.23 profile is deprecated. Please use 'cis' instead."`,
        captures: { profile: "cis-1.23" },
      },
    ],
    nearMisses: [
      // RKE2 1.28/1.29: the same notice as a warning, and the server starts.
      `time="2024-01-22T10:00:00Z" level=warning msg="cis-1.23 profile is deprecated and will be removed in v1.29. Please use cis instead."`,
    ],
  },
  {
    id: "rke-kubernetes-version-unsupported",
    title: "RKE (or Rancher) does not know the requested Kubernetes version",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["is an unsupported Kubernetes version", "Failed to find system images for version", "expected kubernetes_version to be one of"],
    patterns: [
      // rke up: the version is not in this RKE release's system-images table (kontainer-driver-metadata).
      String.raw`(?<requested>v?\d+\.\d+\.\d+-rancher[\w.-]*?)\s+is\s+an\s+unsupported\s+Kubernetes\s+version\b`,
      // Rancher provisioning: its KDM data has no system images for the cluster's version.
      String.raw`Failed\s+to\s+find\s+system\s+images\s+for\s+version\s+(?<requested>v?\d+\.\d+\.\d+-rancher[\w.-]*?)(?=[\s:"]|$)`,
      // terraform-provider-rke / rancher2 validate kubernetes_version against the list compiled into the provider.
      String.raw`expected\s+kubernetes_version\s+to\s+be\s+one\s+of\s+\[\s*(?<newest>v\d+\.\d+\.\d+-rancher[\w.-]*)`,
    ],
    versions: ["requested", "newest"],
    roles: { requested: "kubernetes_version requested", newest: "newest version this release lists" },
    versionKinds: { requested: "kubernetes", newest: "kubernetes" },
    priority: 50,
    meaning:
      "Each RKE release (and each Rancher release's metadata, and each RKE/rancher2 Terraform provider release) supports a fixed list of Kubernetes versions, written vX.Y.Z-rancherN-M: a version newer than the release or one it has dropped is refused. A version without its -rancherN-M suffix is refused the same way; that is a typo, dismissed.",
    causes: [
      "A kubernetes_version from a newer RKE/Rancher release than the binary or provider in use (or an old minor the release has dropped).",
    ],
    fixes: [
      "Pick a version from rke config --list-version --all (or the provider's list), or upgrade RKE / the provider / Rancher to a release that ships the version.",
    ],
    references: ["https://rke.docs.rancher.com/config-options#kubernetes-version"],
    examples: [
      {
        // rancher-archives/rke#1075 (RKE 0.2 dropped Kubernetes 1.8–1.10)
        line: "FATA[0000] v1.8.10-rancher1-1 is an unsupported Kubernetes version - see 'rke config --system-images --all' for versions supported with this release",
        captures: { requested: "v1.8.10-rancher1-1" },
      },
      {
        // rancher/rancher#27307 (Rancher 2.4.2's metadata no longer carried v1.17.4-rancher1-3)
        line: String.raw`Failed to find system images for version v1.17.4-rancher1-3: rkek8ssystemimages.management.cattle.io "v1.17.4-rancher1-3" not found`,
        captures: { requested: "v1.17.4-rancher1-3" },
      },
      {
        // rancher/terraform-provider-rke#234 (the provider's list ends at 1.18 while RKE offered more)
        line: "Error: expected kubernetes_version to be one of [v1.18.3-rancher2-2 v1.18.3-rancher2-1 v1.17.6-rancher2-2 v1.17.6-rancher2-1 v1.17.5-rancher1-1",
        captures: { newest: "v1.18.3-rancher2-2" },
      },
    ],
    nearMisses: [
      // rancher-archives/rke#2619: the version copied without its -1 build suffix (dismissed as a typo).
      String.raw`time="2021-07-26T19:35:23Z" level=fatal msg="Failed to validate cluster: v1.20.9-rancher1 is an unsupported Kubernetes version and system images are not populated: etcd image is not populated"`,
      String.raw`time="2021-07-26T19:35:22Z" level=info msg="Running RKE version: v1.2.10"`,
      // NetApp/ez-rancher#114: RKE's Docker check, not a Kubernetes version.
      String.raw`time="2020-12-23T16:13:48Z" level=warning msg="[state] can't fetch legacy cluster state from Kubernetes: Unsupported Docker version found [20.10.1] on host [192.168.0.70]`,
    ],
  },
  {
    id: "openshift-minor-update-blocked",
    title: "OpenShift console: the cluster should not be updated to the next minor",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["This cluster should not be updated to"],
    patterns: [
      // The console's ClusterNotUpgradeable alert (Upgradeable=False on ClusterVersion), in both of its forms.
      String.raw`This\s+cluster\s+should\s+not\s+be\s+updated\s+to\s+(?:the\s+next\s+minor\s+version|(?<next>\d+\.\d+)\s*\.\s*You\s+can\s+continue\s+to\s+update\s+to\s+patch\s+releases\s+in\s+(?<current>\d+\.\d+))`,
    ],
    versions: ["next", "current"],
    roles: { next: "next OpenShift minor", current: "current OpenShift minor" },
    versionKinds: { next: { kind: "component", component: "OpenShift" }, current: { kind: "component", component: "OpenShift" } },
    priority: 40,
    meaning:
      "Upgradeable=False blocks the next OpenShift minor (patch updates stay allowed). The alert's body says why: often a version gate (kubelets too far behind, an operator's olm.maxOpenShiftVersion, removed APIs awaiting an admin ack), but also unsupported config overrides or cgroup v1, so on its own it is a warning.",
    causes: ["Nodes, operators or API clients that the next minor would no longer support; or a configuration the next minor refuses."],
    fixes: ["Read the condition (oc adm upgrade; oc get clusterversion -o yaml) and clear the reason it names before the minor update."],
    references: ["https://docs.openshift.com/container-platform/latest/updating/preparing_for_updates/updating-cluster-prepare.html"],
    examples: [
      // okd-project/okd#1819 (the alert over a KubeletMinorVersionUpgradeable message)
      { line: "Warning alert: This cluster should not be updated to the next minor version." },
      {
        // openshift/console's alert when it knows the next minor
        line: "This cluster should not be updated to 4.18. You can continue to update to patch releases in 4.17.",
        captures: { next: "4.18", current: "4.17" },
      },
    ],
    nearMisses: ["Cluster version is 4.6.0-0.okd-2021-02-14-205305"],
  },
  {
    id: "minikube-kubernetes-version-unsupported",
    title: "minikube release does not support the requested --kubernetes-version",
    family: "distributions",
    severity: "error",
    flake: false,
    // "Specified Kubernetes version" rather than the comparison: the generic layer's "newer than"/"less than" overlap it.
    anchors: [
      "Specified Kubernetes version",
      "not found in Kubernetes version list",
      "not found in GitHub version list",
      "is not supported by this release of minikube",
      // The translations (translations/*.json) keep the command they point to, and a few ASCII words.
      "minikube config defaults kubernetes-version",
      "Die angegebene Kubernetes Version",
      "La version de Kubernetes",
      "von diesem Minikube Release",
      "pris en charge par cette version de minikube",
    ],
    patterns: [
      // out.WarningT("Specified Kubernetes version {{.specified}} is newer than the newest supported version: {{.newest}}…"),
      // with or without the colon and the "Use `minikube config defaults …`" tail the releases added.
      String.raw`Specified\s+Kubernetes\s+version\s+(?<requested>${MV})\s+is\s+(?<direction>newer|less)\s+than\s+the\s+(?:newest|oldest)\s+supported\s+version\s*:?\s*(?<bound>${MV})`,
      // minikube 1.31+: the version is not in its own table, so it asks GitHub (rate limits then fail the start).
      String.raw`Specified\s+Kubernetes\s+version\s+(?<requested>${MV})\s+not\s+found\s+in\s+Kubernetes\s+version\s+list`,
      // …and GitHub does not list it either: minikube exits with K8S_NEW_UNSUPPORTED next.
      String.raw`Kubernetes\s+version\s+not\s+found\s+in\s+GitHub\s+version\s+list`,
      // The exit (K8S_OLD_UNSUPPORTED / K8S_NEW_UNSUPPORTED), and "Sorry, …" of minikube 1.x before exit codes had names.
      String.raw`(?:(?<code>K8S_(?:OLD|NEW)_UNSUPPORTED)\s*:\s*)?(?:Sorry,\s+)?Kubernetes\s+(?:version\s+)?(?<requested>${MV})\s+is\s+not\s+supported\s+by\s+this\s+release\s+of\s+minikube`,
      // zh-CN, ja, de, fr: the same two warnings, the bound captured as newest or oldest.
      String.raw`指定的\s*Kubernetes\s*版本\s*(?<requested>${MV})\s*(?:较新，比支持的最新版本\s*(?<newest>${MV})|小于支持的最低版本\s*(?<oldest>${MV}))`,
      String.raw`指定された\s*Kubernetes\s*バージョン\s*(?<requested>${MV})\s*はサポートされた(?:最新バージョン\s*(?<newest>${MV})\s*より新しい|最古バージョン\s*(?<oldest>${MV})\s*より古い)`,
      String.raw`Die\s+angegebene\s+Kubernetes\s+Version\s+(?<requested>${MV})\s+(?:ist\s+neuer\s+als\s+die\s+neuste\s+supportete\s+Version:\s*(?<newest>${MV})|ist?\s+kleiner\s+als\s+die\s+älteste\s+unterstützte\s+Version:\s*(?<oldest>${MV}))`,
      String.raw`La\s+version\s+de\s+Kubernetes\s+spécifiée\s+(?<requested>${MV})\s+est\s+(?:plus\s+récente\s+que\s+la\s+dernière\s+version\s+prise\s+en\s+charge\s*:\s*(?<newest>${MV})|antérieure\s+à\s+la\s+version\s+la\s+plus\s+ancienne\s+prise\s+en\s+charge\s*:\s*(?<oldest>${MV}))`,
      String.raw`Kubernetes\s+(?<requested>${MV})\s+(?:wird\s+von\s+diesem\s+Minikube\s+Release\s+nicht\s+unterstützt|n.{1,6}est\s+pas\s+pris\s+en\s+charge\s+par\s+cette\s+version\s+de\s+minikube)`,
    ],
    versions: ["requested", "bound", "newest", "oldest"],
    roles: {
      requested: "requested --kubernetes-version",
      bound: "newest or oldest Kubernetes this minikube supports",
      newest: "newest Kubernetes this minikube supports",
      oldest: "oldest Kubernetes this minikube supports",
    },
    priority: 50,
    meaning:
      "Each minikube release supports a window of Kubernetes versions (minikube config defaults kubernetes-version lists it). Older than the window, minikube exits unless --force; newer, it warns, looks the version up on GitHub and tries anyway.",
    causes: [
      "A pinned --kubernetes-version (CI matrix, Makefile, setup action) older than what a newer minikube still supports, or newer than what a pinned minikube knows.",
      "A stale kubernetes-version in minikube's config or an existing profile (minikube config get kubernetes-version).",
    ],
    fixes: ["Pick a --kubernetes-version inside the window minikube config defaults kubernetes-version prints, or move minikube to a release that supports the version (or pass --force for a too-old one)."],
    references: ["https://minikube.sigs.k8s.io/docs/handbook/config/#selecting-a-kubernetes-version", "https://github.com/kubernetes/minikube/blob/master/pkg/minikube/constants/constants_kubernetes_versions.go"],
    examples: [
      {
        // kserve/kserve#3498 (minikube 1.31.1)
        line: "! Specified Kubernetes version 1.27.4 is newer than the newest supported version: v1.27.3. Use `minikube config defaults kubernetes-version` for details.",
        captures: { requested: "1.27.4", direction: "newer", bound: "v1.27.3" },
      },
      {
        // galaxyproject/galaxy#20889 (minikube 1.37.0)
        line: "! Specified Kubernetes version 1.23.0 is less than the oldest supported version: v1.28.0. Use `minikube config defaults kubernetes-version` for details.",
        captures: { requested: "1.23.0", direction: "less", bound: "v1.28.0" },
      },
      {
        // keycloak/keycloak-benchmark#1218
        line: "❌  Exiting due to K8S_OLD_UNSUPPORTED: Kubernetes 1.27.10 is not supported by this release of minikube",
        captures: { requested: "1.27.10", code: "K8S_OLD_UNSUPPORTED" },
      },
      // translations/zh-CN.json and de.json, as minikube prints them.
      {
        line: "❗  指定的 Kubernetes 版本 1.36.0 较新，比支持的最新版本 v1.35.0 还要新。请使用 `minikube config defaults kubernetes-version` 查看详情。",
        captures: { requested: "1.36.0", newest: "v1.35.0" },
      },
      {
        line: "❗  Die angegebene Kubernetes Version 1.27.0 is kleiner als die älteste unterstützte Version: v1.28.0. Verwenden Sie `minikube config defaults kubernetes-version` um weitere Details zu erfahren.",
        captures: { requested: "1.27.0", oldest: "v1.28.0" },
      },
      {
        // kubernetes/minikube#7018 (minikube 1.8.1)
        line: "💣  Sorry, Kubernetes 1.8.1 is not supported by this release of minikube",
        captures: { requested: "1.8.1" },
      },
    ],
    nearMisses: [
      "✅  Kubernetes version 1.36.3 found in GitHub version list",
      // A missing host tool for the none driver, not a version window.
      "❌  Exiting due to GUEST_MISSING_CONNTRACK: Sorry, Kubernetes 1.30.0 requires conntrack to be installed in root's path",
      "▪ Kubernetes 1.35.1 is now available. If you would like to upgrade, specify: --kubernetes-version=v1.35.1",
    ],
  },
  {
    id: "minikube-kubernetes-downgrade-refused",
    title: "minikube refuses to downgrade the existing cluster's Kubernetes",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: [
      "safely downgrade existing Kubernetes",
      "but the existing cluster is running Kubernetes",
      "downgrade is not supported, will continue",
      "Non-destructive downgrades are not supported",
      // de.json and fr.json
      "Cluster nicht auf Version",
      "existant vers v",
    ],
    patterns: [
      // exit.Message(reason.KubernetesDowngrade, "Unable to safely downgrade existing Kubernetes v{{.old}} cluster to v{{.new}}")
      String.raw`Unable\s+to\s+safely\s+downgrade\s+existing\s+Kubernetes\s+(?<existing>${MV})\s+cluster\s+to\s+(?<requested>${MV})`,
      String.raw`You\s+have\s+selected\s+Kubernetes\s+(?<requested>${MV}),\s*but\s+the\s+existing\s+cluster\s+is\s+running\s+Kubernetes\s+(?<existing>${MV})`,
      // minikube 1.4 (kubernetes/minikube#5155) and, before it, a warning that kept the existing version.
      String.raw`You\s+have\s+selected\s+version\s+(?<requested>${MV}),\s*but\s+your\s+existing\s+cluster\s+for\s+profile\s+\S{1,80}\s+is\s+running\s+version\s+(?<existing>${MV})`,
      String.raw`Kubernetes\s+downgrade\s+is\s+not\s+supported,\s+will\s+continue\s+to\s+use\s+(?<existing>${MV})`,
      String.raw`existierenden\s+Kubernetes\s+(?<existing>${MV})\s+Cluster\s+nicht\s+auf\s+Version\s+(?<requested>${MV})`,
      String.raw`cluster\s+Kubernetes\s+(?<existing>${MV})\s+existant\s+vers\s+(?<requested>${MV})`,
    ],
    versions: ["existing", "requested"],
    roles: { existing: "Kubernetes version of the existing minikube cluster", requested: "requested --kubernetes-version" },
    priority: 50,
    meaning: "The profile already holds a cluster of a newer Kubernetes than the one asked for; minikube cannot downgrade a cluster in place and stops.",
    causes: [
      "A profile left over from an earlier start with a newer (often the default) Kubernetes, reused by a job that pins an older --kubernetes-version.",
      "Upgrading minikube raised the default version, and a later start pins the old one.",
    ],
    fixes: ["minikube delete (or a new profile with -p) and start again with the wanted --kubernetes-version; or keep the existing version."],
    references: ["https://minikube.sigs.k8s.io/docs/handbook/troubleshooting/"],
    examples: [
      {
        // kubernetes/minikube#7171 (TestVersionUpgrade output)
        line: "! You have selected Kubernetes v1.11.10, but the existing cluster is running Kubernetes v1.18.0-rc.1",
        captures: { requested: "v1.11.10", existing: "v1.18.0-rc.1" },
      },
      {
        line: "X Exiting due to K8S_DOWNGRADE_UNSUPPORTED: Unable to safely downgrade existing Kubernetes v1.26.1 cluster to v1.25.3",
        captures: { existing: "v1.26.1", requested: "v1.25.3" },
      },
    ],
    nearMisses: ["Kubernetes downgrades should be blocked unless they are supported"],
  },
  {
    id: "vcluster-host-version-fallback",
    title: "vcluster does not know the host cluster's Kubernetes minor and falls back to another",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["officially unsupported host server version", "will fallback to virtual cluster version"],
    patterns: [
      // log.Infof("officially unsupported host server version %s, will fallback to virtual cluster version v1.%d") and,
      // later, log.Info("…version, will fallback to …", "serverVersion", v) (structured: the version follows as a field).
      String.raw`(?:officially\s+unsupported\s+host\s+server\s+)?version\s*(?<host>${MV})?\s*,\s*will\s+fall\s*back\s+to\s+virtual\s+cluster\s+version\s+(?<virtual>${MV})(?:.{0,40}?serverVersion\W{1,6}(?<hostField>${MV}))?`,
    ],
    versions: ["host", "virtual", "hostField"],
    roles: { host: "host cluster Kubernetes minor", virtual: "virtual cluster Kubernetes minor vcluster falls back to", hostField: "host cluster Kubernetes minor" },
    priority: 45,
    meaning:
      "vcluster picks the virtual cluster's distro image from a table keyed by the host cluster's minor; this vcluster release has no entry for the host's minor, so it runs its newest (or oldest) known minor instead. A warning: the virtual cluster then differs from the host by one or more minors.",
    causes: ["A host cluster upgraded past what the vcluster chart/CLI release knows, or older than its oldest entry."],
    fixes: ["Upgrade vcluster (chart and CLI) to a release that lists the host's minor, or set the distro image/kubernetesVersion explicitly."],
    references: ["https://www.vcluster.com/docs/vcluster/deploy/basics"],
    examples: [
      {
        // loft-sh/cluster-api-provider-vcluster#41 (vcluster v0.15 on a 1.27 host)
        line: "officially unsupported host server version 1.27, will fallback to virtual cluster version v1.24",
        captures: { host: "1.27", virtual: "v1.24" },
      },
      // The same, as an issue quotes it: cut before "officially".
      { line: "``version 1.27, will fallback to virtual cluster version v1.24``", captures: { host: "1.27", virtual: "v1.24" } },
      {
        line: String.raw`2024-01-04 10:12:01	INFO	officially unsupported host server version, will fallback to virtual cluster version v1.28	{"serverVersion": "1.30"}`,
        captures: { virtual: "v1.28", hostField: "1.30" },
      },
    ],
  },
  {
    id: "minikube-docker-version-low",
    title: "minikube's docker driver finds a Docker older than it supports or recommends",
    family: "distributions",
    severity: "warning",
    flake: true,
    anchors: ["to a newer version (Minimum recommended version is", "docker version is less than the minimum required"],
    patterns: [
      // The driver's fix hint: "Upgrade Docker[ Desktop] to a newer version (Minimum recommended version is %s,
      // minimum supported version is %s, current version is %s)", also inside "Install the official release of …".
      String.raw`to\s+a\s+newer\s+version\s+\(Minimum\s+recommended\s+version\s+is\s+(?<recommended>{V}),\s*minimum\s+supported\s+version\s+is\s+(?<minimum>{V}),\s*current\s+version\s+is\s+(?<current>[\w.+-]{1,40})\)`,
      // oci.ErrMinDockerVersion as the exit reason prints it.
      String.raw`docker\s+version\s+is\s+less\s+than\s+the\s+minimum\s+required`,
    ],
    versions: ["recommended", "minimum", "current"],
    roles: { recommended: "Docker version minikube recommends", minimum: "oldest Docker minikube supports", current: "Docker version found" },
    versionKinds: {
      recommended: { kind: "component", component: "Docker" },
      minimum: { kind: "component", component: "Docker" },
      current: { kind: "component", component: "Docker" },
    },
    priority: 45,
    meaning:
      "minikube (1.26+) checks the Docker Engine behind its docker driver: below the minimum supported version it refuses the driver, below the recommended one it only advises an upgrade and goes on.",
    causes: [
      "An old distribution Docker (RHEL/CentOS 7's 1.13 or 18.09, Docker Desktop 2.x) on the machine running a current minikube.",
      "The docker CLI talking to another engine (podman's docker shim reports podman's own version, 4.x/5.x).",
    ],
    fixes: ["Upgrade Docker Engine / Docker Desktop to at least the recommended version, or use another minikube driver (podman with --driver=podman, kvm2, none)."],
    references: ["https://minikube.sigs.k8s.io/docs/drivers/docker/#requirements"],
    examples: [
      {
        line: "💨  For improved Docker performance, Upgrade Docker to a newer version (Minimum recommended version is 20.10.0, minimum supported version is 18.09.0, current version is 19.03.11-ol)",
        captures: { recommended: "20.10.0", minimum: "18.09.0", current: "19.03.11-ol" },
      },
      { line: "X Exiting due to PROVIDER_DOCKER_NOT_RUNNING: docker version is less than the minimum required" },
    ],
    // kubernetes/minikube#10369: the driver's storage-driver advice.
    nearMisses: ["❗  docker is currently using the btrfs storage driver, consider switching to overlay2 for better performance"],
  },
  {
    id: "kamaji-tenant-version-refused",
    title: "Kamaji refuses the TenantControlPlane's Kubernetes version",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["in a non-sequential mode", "greater than the supported one", "unable to downgrade a TenantControlPlane", "vtenantcontrolplane"],
    patterns: [
      // The version webhook's three refusals (api/v1alpha1 tenantcontrolplane webhook): a jump of more than one minor,
      // a version past the newest this Kamaji release knows ("(v1.30)" in old releases, ", actually v1.30.2" later),
      // and any downgrade. kubectl and the CAPI provider wrap the first after "unable to upgrade to a".
      String.raw`(?:unable\s+to\s+upgrade\s+to\s+a\s+)?minor\s+version\s+in\s+a\s+non-sequential\s+mode`,
      String.raw`vtenantcontrolplane\.kb\.io${Q}?\s+denied\s+the\s+request:\s+unable\s+to\s+upgrade\s+to\s+a\s*$`,
      String.raw`unable\s+to\s+upgrade\s+to\s+a\s+version\s+greater\s+than\s+the\s+supported\s+one(?:\s*,\s*actually\s+|\s*\(\s*)(?<supported>v?\d+\.\d+(?:\.\d+)?)`,
      String.raw`unable\s+to\s+downgrade\s+a\s+TenantControlPlane\s+from\s+(?<from>{V})\s+to\s+(?<to>{V})`,
    ],
    versions: ["supported", "from", "to"],
    roles: { supported: "newest Kubernetes version this Kamaji release supports", from: "TenantControlPlane's current version", to: "requested version" },
    priority: 50,
    meaning:
      "Kamaji's admission webhook checks spec.kubernetes.version of a TenantControlPlane against the running version and against the newest Kubernetes this Kamaji release knows: upgrades go one minor at a time, never past that newest version, never down.",
    causes: [
      "A Cluster API KamajiControlPlane (or a Helm value) bumped by more than one minor at once: Kamaji does not step through the minors itself.",
      "A Kubernetes version newer than the Kamaji release installed (a Renovate bump of the tenant version ahead of Kamaji).",
    ],
    fixes: ["Upgrade one minor at a time; upgrade Kamaji before asking for a newer Kubernetes; a version already refused stays the desired one until the spec is changed back to the running version."],
    references: ["https://kamaji.clastix.io/guides/upgrade/"],
    examples: [
      // clastix/cluster-api-control-plane-provider-kamaji#225 (v1.30.1 to v1.32.4), wrapped by the issue.
      { line: `cannot create or update TenantControlPlane: admission webhook "vtenantcontrolplane.kb.io" denied the request: unable to upgrade to a` },
      { line: " minor version in a non-sequential mode" },
      // The other two as the webhook's format strings print them.
      { line: "Error from server (Forbidden): admission webhook \"vtenantcontrolplane.kb.io\" denied the request: unable to upgrade to a version greater than the supported one, actually v1.30.2", captures: { supported: "v1.30.2" } },
      { line: "admission webhook \"vtenantcontrolplane.kb.io\" denied the request: unable to downgrade a TenantControlPlane from 1.34.1 to 1.34.0", captures: { from: "1.34.1", to: "1.34.0" } },
    ],
    // Npgsql's reader and the Kafka inbound's docs use the same words.
    nearMisses: [
      "// We get here, if we're in a non-sequential mode (or the row is already in the buffer)",
      "Set this property to false to use the Kafka inbound in a non-sequential mode as it allows better performance than the sequential mode.",
    ],
  },
  {
    id: "kubermatic-user-cluster-version-unsupported",
    title: "KKP upgrade refused: a user cluster runs a Kubernetes version the new KKP no longer supports",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["would not be supported anymore"],
    patterns: [
      // kubermatic-installer's preflight: fmt.Errorf("cluster %s (version %s) on Seed %s would not be supported anymore").
      String.raw`cluster\s+(?<cluster>[\w-]{1,63})\s+\(version\s+(?<clusterVersion>{V})\)\s+on\s+Seed\s+\S{1,63}\s+would\s+not\s+be\s+supported\s+anymore`,
    ],
    versions: ["clusterVersion"],
    roles: { clusterVersion: "user cluster's Kubernetes version" },
    priority: 50,
    meaning:
      "kubermatic-installer (KKP 2.20+) checks, before upgrading KKP, that every user cluster's Kubernetes version is in the new release's versions (or has an upgrade path from it); a cluster on a minor the new KKP dropped stops the installation.",
    causes: ["User clusters left on a Kubernetes minor that the target KKP release removed from its supported versions (each KKP release drops the oldest minors)."],
    fixes: ["Upgrade the listed user clusters to a Kubernetes version both KKP releases support, then upgrade KKP; or add the version to the KubermaticConfiguration's spec.versions if the new release still handles it."],
    references: ["https://docs.kubermatic.com/kubermatic/main/architecture/compatibility/supported-versions/"],
    examples: [
      // kubermatic/kubermatic#10204
      { line: "ERRO[13:01:34]    cluster bf44dwhcck (version 1.22.11) on Seed kubermatic would not be supported anymore", captures: { clusterVersion: "1.22.11" } },
      // kubermatic/kubermatic#12799
      { line: "ERRO[0001]    cluster ukd5r48mng (version 1.25.14) on Seed kkp-qa-upgrade-env would not be supported anymore", captures: { clusterVersion: "1.25.14" } },
    ],
    nearMisses: [
      "ERRO[13:01:34] ❌ Operation failed: preflight checks have failed.",
      "its owner had announced that this library would not be supported anymore.",
    ],
  },
  {
    id: "tanzu-tkr-vm-template-missing",
    title: "No VM template (OVA) for the Tanzu Kubernetes release in use",
    family: "distributions",
    severity: "error",
    flake: true,
    anchors: ["associated with TanzuKubernetesRelease", "specified for the TanzuKubernetesRelease", "unable to detect a VM template that belongs", "compatible full version hint", "associated with OVA Version"],
    patterns: [
      // vmware-tanzu/tanzu-framework pkg/v1/tkg/vc ValidateAndGetVirtualMachineTemplateForTKRVersion: the VSPHERE_TEMPLATE
      // given (or the one found) carries another TKr's OVA version.
      String.raw`VM\s+Template\s+(?<template>\S+)\s+is\s+not\s+associated\s+with\s+TanzuKubernetesRelease\s+(?<tkr>{V})`,
      String.raw`incorrect\s+VSPHERE_TEMPLATE\s+\((?<template>[^)\s]+)\)\s+specified\s+for\s+the\s+TanzuKubernetesRelease\s+\((?<tkr>{V})\)`,
      // The same lookup when no template was named: none of the OVA versions of the TKr's BOM is in vCenter.
      String.raw`unable\s+to\s+find\s+VM\s+Template\s+associated\s+with\s+TanzuKubernetesRelease\s+(?<tkr>{V})(?:\.\s+Please\s+upload\s+at\s+least\s+one\s+VM\s+Template\s+from\s+versions\s+\[\s*(?<ova>{V}))?`,
      // TKG 2.x: the tkr-vsphere-resolver webhook (tanzu-framework pkg/v2/tkr/webhook/cluster/vsphere-template-resolver)
      // resolving the TKr's OSImage version; "…, but found these VM(s) […]" (not converted to templates) is not matched.
      String.raw`unable\s+to\s+find\s+VM\s+Template\s+associated\s+with\s+OVA\s+Version\s+(?<ova>{V})\.\s+Please\s+upload`,
      // The installer UI (tkg-ui vsphere os-image step): the same lookup, shown before deployment.
      String.raw`deployed\s+with\s+Tanzu\s+Kubernetes\s+release\s+\(TKr\)\s+(?<tkr>{V})\.\s+We\s+are\s+unable\s+to\s+detect\s+a\s+VM\s+template\s+that\s+belongs`,
      // vSphere with Tanzu (TKGS): the TanzuKubernetesCluster webhook resolves spec.distribution.version against the
      // TanzuKubernetesReleases the Supervisor's content library offers.
      String.raw`Unable\s+to\s+find\s+a\s+compatible\s+full\s+version\s+hint\s+${Q}(?<requested>{V})${Q}`,
    ],
    versions: ["tkr", "ova", "requested"],
    roles: {
      tkr: "Tanzu Kubernetes release the CLI deploys",
      template: "VM template found in vCenter",
      ova: "OVA version the TKr expects",
      requested: "Kubernetes version asked of the Supervisor",
    },
    versionKinds: { tkr: { kind: "component", component: "TKr" }, ova: { kind: "component", component: "TKr OVA" } },
    priority: 48,
    meaning:
      "Tanzu Kubernetes Grid (and TCE) deploys each cluster from a TanzuKubernetesRelease pinned by the CLI's BOM, and needs a vSphere VM template built from that TKr's OVA: an OVA of another TKr (another TKG/TCE release, another tkg.N build) does not count. vSphere with Tanzu resolves a TanzuKubernetesCluster's version against the TKrs its content library offers.",
    causes: [
      "The OVA imported into vCenter belongs to another TKG/TCE release than the tanzu CLI in use (a CLI upgraded, or not, after the OVA was downloaded).",
      "A VSPHERE_TEMPLATE pinned in the cluster config from an older release.",
      "vSphere with Tanzu: a TanzuKubernetesCluster asking for a version the Supervisor's content library no longer (or does not yet) offer, or a library that is not synchronised.",
    ],
    fixes: [
      "Import the OVA the CLI's TKr names (tanzu kubernetes-release get lists the TKrs; the BOM lists the OVA versions), convert it to a template, and drop VSPHERE_TEMPLATE unless several match.",
      "vSphere with Tanzu: kubectl get tanzukubernetesreleases lists what is offered; pick one of those versions (or synchronise the content library).",
    ],
    references: ["https://docs.vmware.com/en/VMware-Tanzu-Kubernetes-Grid/index.html"],
    examples: [
      {
        // vmware-tanzu/community-edition#5038 (TCE CLI still 0.11.4 after installing 0.12.1; the OVA was 0.12's)
        line: "Error: workload cluster configuration validation failed: vSphere config validation failed: vSphere template kubernetes version validation failed: unable to get or validate VM Template for given Tanzu Kubernetes release: VM Template /HEL1/vm/Tanzu/photon-3-kube-v1.22.8+vmware.1-tkg.1-d69148b2a4aa7ef6d5380cc365cac8cd is not associated with TanzuKubernetesRelease v1.22.8+vmware.1-tkg.1-tf-v0.11.4. Please upload VM Template for this TanzuKubernetesRelease to continue",
        captures: { template: "/HEL1/vm/Tanzu/photon-3-kube-v1.22.8+vmware.1-tkg.1-d69148b2a4aa7ef6d5380cc365cac8cd", tkr: "v1.22.8+vmware.1-tkg.1-tf-v0.11.4" },
      },
      {
        // vmware-tanzu/community-edition#3864 (TCE v0.11.2 UI, OVAs of TKG 1.5.2)
        line: "Your management cluster will be deployed with Tanzu Kubernetes release (TKr) v1.22.5+vmware.1-tkg.3-tf-v0.11.2. We are unable to detect a VM template that belongs to this Tanzu Kubernetes release. You must install a VM template that belongs to Tanzu Kubernetes release v1.22.5+vmware.1-tkg.3-tf-v0.11.2 to continue with deployment of the management cluster.",
        captures: { tkr: "v1.22.5+vmware.1-tkg.3-tf-v0.11.2" },
      },
      {
        // vmware/power-validated-solutions-for-cloud-foundation#301 (VCF 5.0 Supervisor, a TKC asking for 1.20)
        line: String.raw`Error from server (Unable to find a compatible full version hint "1.20"`,
        captures: { requested: "1.20" },
      },
      {
        // vmware-tanzu/tanzu-framework#3827 (the TKG 2.1 resolver webhook)
        line: String.raw`Error from server (unable to find VM Template associated with OVA Version v1.23.8+vmware.2-tkg.1-85a434f93857371fccb566a414462981. Please upload at least one VM Template to continue): error when creating "/tmp/kubeapply-2943337198": admission webhook "tkr-vsphere-resolver-webhook.tanzu.vmware.com" denied the request`,
        captures: { ova: "v1.23.8+vmware.2-tkg.1-85a434f93857371fccb566a414462981" },
      },
    ],
    nearMisses: [
      "unable to find VM Template associated with OVA Version v1.23.8+vmware.2-tkg.1-85a434f93857371fccb566a414462981, but found these VM(s) [ubuntu-2004-kube-v1.23.8] that can be used once converted to a VM Template",
      // tanzu-framework's other template checks: a VM not converted to a template is no version matter.
      "virtual machine /dc0/vm/photon-3-kube-v1.22.5 is not a template, please convert it to a template and retry",
      "Warning  Failed     7m9s (x6 over 8m22s)    kubelet            Error: ImagePullBackOff",
    ],
  },
  {
    id: "tanzu-kubernetes-upgrade-path",
    title: "Tanzu CLI refuses the Kubernetes upgrade path",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["Upgrading Kubernetes from", "Kubernetes version downgrade is not allowed"],
    patterns: [
      // tanzu-framework tkgclient verifyK8sVersion: CheckKubernetesUpgradeCompatibility allows one minor at a time.
      String.raw`Upgrading\s+Kubernetes\s+from\s+(?<from>{V})\s+to\s+(?<to>{V})\s+is\s+not\s+supported`,
      String.raw`attempted\s+to\s+upgrade\s+kubernetes\s+from\s+(?<from>{V})\s+to\s+(?<to>{V})\.\s+Kubernetes\s+version\s+downgrade\s+is\s+not\s+allowed`,
    ],
    versions: ["from", "to"],
    roles: { from: "cluster's current Kubernetes version", to: "version of the TKr asked for" },
    versionKinds: { from: "kubernetes", to: "kubernetes" },
    priority: 48,
    meaning:
      "tanzu cluster upgrade / management-cluster upgrade moves Kubernetes one minor at a time and never down; the TKr the CLI picked (its default, or --tkr) is more than one minor ahead of the cluster, or behind it.",
    causes: [
      "A TKG/TCE CLI two releases ahead of the management cluster (TKG 1.2 → 1.4 skips the 1.20 TKr of TKG 1.3).",
      "A --tkr older than the cluster's current version.",
    ],
    fixes: ["Upgrade through each TKG release in turn (with the CLI of each), or pass --tkr of the next minor first."],
    references: ["https://docs.vmware.com/en/VMware-Tanzu-Kubernetes-Grid/index.html"],
    examples: [
      {
        // vmware-tanzu/tanzu-framework#1299 (TKG 1.2 management cluster, TKG 1.4 CLI)
        line: "Error: unable to upgrade management cluster: kubernetes version verification failed: Upgrading Kubernetes from v1.19.1+vmware.2 to v1.21.2+vmware.1 is not supported",
        captures: { from: "v1.19.1+vmware.2", to: "v1.21.2+vmware.1" },
      },
      {
        // tanzu-framework's unit test wording (tkgclient upgrade_cluster_test.go)
        line: "kubernetes version verification failed: attempted to upgrade kubernetes from v1.18.0+vmware.2 to v1.18.0+vmware.1. Kubernetes version downgrade is not allowed.",
        captures: { from: "v1.18.0+vmware.2", to: "v1.18.0+vmware.1" },
      },
    ],
    nearMisses: ["Verifying kubernetes version..."],
  },
  {
    id: "k3s-bootstrap-data-other-release",
    title: "k3s server cannot read bootstrap data written by another k3s release",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["into Go value of type bootstrap."],
    patterns: [
      // pkg/bootstrap (k3s 1.21.7, 1.22.4): the datastore's bootstrap data changed from a map of file contents to
      // bootstrap.File records; a server of the new format reading the old one (joining servers still on the old
      // release, or an upgrade from well before it) failed until the migration fix (k3s-io/k3s#4730, 1.21.7+k3s2,
      // 1.22.4+k3s2). The same decoder error with the types reversed is an older server reading newer data.
      String.raw`(?:preparing\s+server\s*:\s*)?json\s*:\s*cannot\s+unmarshal\s+(?<found>string|object|array)\s+into\s+Go\s+value\s+of\s+type\s+(?<expected>bootstrap\.\w+)`,
    ],
    versions: [],
    roles: { found: "JSON shape in the datastore", expected: "Go type this k3s decodes into" },
    priority: 40,
    meaning:
      "k3s servers keep the cluster's certificates and keys as bootstrap data in the datastore; k3s 1.21.7/1.22.4 changed its format, and a server that reads data in the other format stops at start. It happens when servers of different k3s releases share the datastore (a rolling upgrade, a new server joining old ones) or after an upgrade that skipped the releases that migrate the data.",
    causes: [
      "A server at v1.21.7+k3s1 or v1.22.4+k3s1 joining (or upgraded among) servers of an older release (k3s-io/k3s#4731, #4732).",
      "An upgrade straight from an old minor (1.18) to 1.22 (k3s-io/k3s#4644).",
    ],
    fixes: [
      "Upgrade to the patch with the migration fix (v1.21.7+k3s2, v1.22.4+k3s2 or later) on every server, or bring the new server to the release of the others first.",
      "Upgrade one minor at a time, every server of the cluster in turn.",
    ],
    references: ["https://docs.k3s.io/upgrades"],
    examples: [
      {
        // k3s-io/k3s#4731 (a v1.21.7+k3s1 server joining v1.21.5+k3s2 servers)
        line: String.raw`Dec 15 03:52:43 ip-172-31-7-32.us-east-2.compute.internal k3s[6844]: time="2021-12-15T03:52:43.960777643Z" level=fatal msg="starting kubernetes: preparing server: json: cannot unmarshal string into Go value of type bootstrap.File"`,
        captures: { found: "string", expected: "bootstrap.File" },
      },
    ],
    nearMisses: [
      // k3s-io/k3s#4640, rancher/k3k#278: another token, not another release.
      "Failed to reconcile with temporary etcd: bootstrap data already found and encrypted with different token",
    ],
  },
];
