import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;

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
    versions: ["from", "to"],
    roles: { from: "lowest Kubernetes version in the cluster", to: "upgrade target" },
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
    anchors: ["KubeletMinorVersionUpgradeable", "and therefore OpenShift"],
    patterns: [
      String.raw`KubeletMinorVersionUpgradeable\s*:\s*Kubelet\s+minor\s+versions?\s+on\s+(?<nodes>\d+)\s+nodes?\s+will\s+not\s+be\s+supported\s+in\s+the\s+next\s+OpenShift\s+minor\s+version\s+upgrade`,
      String.raw`Kubernetes\s+(?<kubernetes>{V})\s+and\s+therefore\s+OpenShift\s+(?<openshift>{V})\s+remove\s+several\s+APIs`,
    ],
    versions: ["kubernetes", "openshift"],
    roles: { kubernetes: "Kubernetes release of the target", openshift: "OpenShift release of the target" },
    versionKinds: { openshift: { kind: "component", component: "OpenShift" } },
    priority: 45,
    meaning: "The cluster-version operator set Upgradeable=False: the next OpenShift minor would break the Kubernetes version skew (kubelets too old) or remove APIs the cluster may still use.",
    causes: [
      "Nodes (kubelets) still on an older minor: OpenShift supports kubelets one minor behind on odd releases, two on even (EUS) releases.",
      "An OpenShift minor whose Kubernetes removes APIs, which needs an administrator's acknowledgement (admin-gates).",
    ],
    fixes: [
      "Finish updating the machine config pools (nodes) to the current minor before the next minor upgrade.",
      "Check the removed APIs in use (APIRequestCount), then acknowledge the admin gate in openshift-config/admin-acks.",
    ],
    references: ["https://docs.openshift.com/container-platform/latest/updating/preparing_for_updates/updating-cluster-prepare.html"],
    examples: [
      {
        line: "Cluster operator kube-apiserver should not be upgraded between minor versions: KubeletMinorVersionUpgradeable: Kubelet minor versions on 6 nodes will not be supported in the next OpenShift minor version upgrade.",
        captures: { nodes: "6" },
      },
    ],
    nearMisses: [
      "* Cluster operator machine-config should not be upgraded between minor versions: DegradedPool: One or more machine config pools are degraded",
    ],
  },
];
