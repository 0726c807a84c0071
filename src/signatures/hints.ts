import type { HintRule } from "../model.js";

// Lines that are not failures but say which version something runs. The diagnosis uses them to fill
// in the side of a skew that the failing line does not print (a kubelet flag error has no version).
export const builtinHints: HintRule[] = [
  { id: "kubectl-client-version", role: "client", anchors: ["Client Version:"], pattern: String.raw`Client\s+Version:\s*(?:version\.Info\{Major:"\d+",\s*Minor:"\d+",\s*GitVersion:")?(?<version>{V})` },
  { id: "kubectl-server-version", role: "server", anchors: ["Server Version:"], pattern: String.raw`Server\s+Version:\s*(?:version\.Info\{Major:"\d+",\s*Minor:"\d+",\s*GitVersion:")?(?<version>{V})` },
  { id: "kubeadm-init-version", role: "kubernetes", anchors: ["Using Kubernetes version:"], pattern: String.raw`Using\s+Kubernetes\s+version:\s*(?<version>{V})` },
  { id: "kubeadm-upgrade-cluster-version", role: "cluster", anchors: ["Cluster version:"], pattern: String.raw`\[upgrade/versions\]\s+Cluster\s+version:\s*(?<version>{V})` },
  { id: "kubeadm-upgrade-kubeadm-version", role: "kubeadm", anchors: ["kubeadm version:"], pattern: String.raw`\[upgrade/versions\]\s+kubeadm\s+version:\s*(?<version>{V})` },
  { id: "kubeadm-upgrade-target-version", role: "target", anchors: ["Target version:"], pattern: String.raw`\[upgrade/versions\]\s+Target\s+version:\s*(?<version>{V})` },
  { id: "kubeadm-version-output", role: "kubeadm", anchors: ["kubeadm version:"], pattern: String.raw`kubeadm\s+version:\s*&version\.Info\{Major:"\d+",\s*Minor:"\d+",\s*GitVersion:"(?<version>{V})` },
  // kube-apiserver, -controller-manager and -scheduler log their own version at start-up.
  // The klog header is stripped before matching, so the message starts the normalised line.
  { id: "component-start-version", role: "binary", anchors: ["] Version: v", "Version version="], pattern: String.raw`^(?:"Version"\s+version="|Version:\s*)(?<version>{V})` },
  { id: "kubelet-version", role: "kubelet", anchors: ["Kubelet version", "kubeletVersion"], pattern: String.raw`(?:Kubelet\s+version|kubeletVersion)\s*[=:]\s*"?(?<version>{V})` },
  { id: "kind-node-image", role: "node-image", anchors: ["kindest/node:"], pattern: String.raw`kindest/node:(?<version>{V})` },
  { id: "kubernetes-version-env", role: "kubernetes", anchors: ["KUBERNETES_VERSION="], pattern: String.raw`\bKUBERNETES_VERSION=["']?(?<version>{V})` },
  // containerd's own release (containerd --version; the containerd.io package prints its name instead of the
  // module path): it tells a runtime too old for the kubelet's CRI API from one whose CRI plugin is off.
  { id: "containerd-version", role: "containerd", anchors: ["containerd github.com/containerd/containerd", "containerd containerd.io "], pattern: String.raw`\bcontainerd\s+(?:github\.com/containerd/containerd(?:/v2)?|containerd\.io)\s+(?<version>{V})` },
  // terraform-provider-azurerm's orchestrator_version refusal goes on to name the control plane's version.
  { id: "azurerm-cluster-running-version", role: "aks-control-plane", anchors: ["Kubernetes Cluster is running version"], pattern: String.raw`Kubernetes\s+Cluster\s+is\s+running\s+version\s+\\?"?(?<version>{V})` },
  { id: "kube-git-version", role: "stamp", anchors: ["KUBE_GIT_VERSION="], pattern: String.raw`\bKUBE_GIT_VERSION=["']?(?<version>{V})` },
];
