import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: core). Their reasoning lives in src/diagnose/area-core15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15core.jsonl.

export const core15Signatures: Signature[] = [
  {
    id: "kubelet-cgroup-v1-refused",
    title: "kubelet refuses to start on a cgroup v1 host (kubelet 1.35+ fails on cgroup v1 by default)",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["to not run on a host using cgroup v1"],
    patterns: [
      // pkg/kubelet/apis/config/validation (validateKubeletOSConfiguration): failCgroupV1 set and the host not in
      // cgroup v2 unified mode. 1.31-1.34 (KEP-4569, failCgroupV1 defaults to false) say "cgroup v1 support is in
      // maintenance mode"; 1.35 (KEP-5573, failCgroupV1 defaults to true) says "is unsupported and will be removed".
      // The kubelet wraps it in run.go's "command failed" err="failed to validate kubelet configuration, error: ...".
      String.raw`kubelet\s+is\s+configured\s+to\s+not\s+run\s+on\s+a\s+host\s+using\s+cgroup\s+v1(?:\s*\.\s*cgroup\s+v1\s+support\s+is\s+(?<wording>unsupported\s+and\s+will\s+be\s+removed|in\s+maintenance\s+mode))?`,
    ],
    versions: [],
    roles: { wording: "how the kubelet words cgroup v1 support (dates its release)" },
    priority: 50,
    meaning:
      "The kubelet validated its configuration, found failCgroupV1 set while the host (or the node container of kind, k3d, minikube) runs the legacy cgroup v1 hierarchy, and exited. From Kubernetes 1.35 failCgroupV1 defaults to true, so a 1.35+ kubelet (a new kindest/node image, k3s/RKE2 1.35, a kubeadm upgrade) stops on hosts that older kubelets ran on: CentOS/RHEL 7-8, Amazon Linux 2, Ubuntu 18.04, WSL2 kernels and Docker engines still on cgroup v1. In 1.31-1.34 the option defaults to false and the refusal means it was turned on.",
    causes: [
      "A kubelet 1.35 or newer on a cgroup v1 host: CI runners and images on old kernels (kubernetes/node-problem-detector#1161, #1169: the e2e VM image), WSL2 or Docker Desktop VMs, old distributions under k3s/k3d (NVIDIA/OpenShell#360).",
      "A kubelet 1.31-1.34 whose configuration sets failCgroupV1: true (or --fail-cgroupv1) on a cgroup v1 host.",
    ],
    fixes: [
      "Move the host to cgroup v2 (systemd.unified_cgroup_hierarchy=1 on the kernel command line; on WSL2 kernelCommandLine = cgroup_no_v1=all in .wslconfig), or use a runner image whose kernel and Docker run cgroup v2.",
      "To stay on cgroup v1 for now, set failCgroupV1: false in the KubeletConfiguration (k3s: --kubelet-arg=fail-cgroupv1=false; kubeadm also needs its SystemVerification preflight check skipped), or pin Kubernetes (the node image) to 1.34.",
    ],
    references: [
      "https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/5573-remove-cgroup-v1",
      "https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/4569-cgroup-v1-maintenance-mode",
      "https://github.com/kubernetes/node-problem-detector/issues/1161",
      "https://github.com/kubernetes/minikube/issues/22315",
    ],
    examples: [
      {
        // kubernetes/node-problem-detector#1161 (GCE e2e VM image on cgroup v1, kubelet from master, Oct 2025)
        line: String.raw`Oct 20 21:24:39.712480 e2e-80d4170f39-80e1a-minion-group-0l2l kubelet[9413]: E1020 21:24:39.706440    9413 run.go:72] "command failed" err="failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release, path: &TypeMeta{Kind:,APIVersion:,}"`,
        captures: { wording: "unsupported and will be removed" },
      },
      // NVIDIA/OpenShell#360 (k3s v1.35.2 on Rocky Linux 8)
      { line: "Kubernetes 1.35 (bundled in k3s v1.35.2) rejects cgroup v1 by default, causing kubelet to exit immediately with `kubelet is configured to not run on a host using cgroup v1`." },
    ],
    nearMisses: [
      // The kubelet's validation source (1.31-1.34 wording): no refusal.
      '\t\treturn fmt.Errorf("kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is in maintenance mode")',
    ],
  },
  {
    id: "kube-proxy-conntrack-max-read-only",
    title: "kube-proxy cannot set nf_conntrack_max inside a container node (kernel 5.12.2+ made it read-only outside the host's network namespace)",
    family: "compatibility",
    // The same refusal comes from LXC and rootless nodes whatever the kernel, and from kube-proxy 1.36 in LXC
    // (kubernetes/kubernetes#141943): a warning.
    severity: "warning",
    flake: false,
    anchors: ["nf_conntrack_max: permission denied"],
    patterns: [
      // kube-proxy's conntrack setup (cmd/kube-proxy/app/conntrack.go, later sysctls.go): "open %s: permission denied" from
      // writing the sysctl, fatal (klog F server.go) or as "Error running ProxyServer" / "command failed" err="could not set
      // conntrack parameters from kube-proxy configuration: ...".
      String.raw`open\s+/proc/sys/net/netfilter/nf_conntrack_max\s*:\s*permission\s+denied`,
    ],
    versions: [],
    priority: 45,
    meaning:
      "kube-proxy raises net.netfilter.nf_conntrack_max at start unless conntrack.maxPerCore is 0, and exits when the write fails. Linux 5.12.2 (and the 5.10.35, 5.11.x stable backports) made the sysctl read-only outside the initial network namespace, so kube-proxy in a container node (kind before v0.11.0, minikube before 1.21, k3s/k3d and RKE2 before their May 2021 fixes) crash-loops on newer host kernels: the host kernel outgrew the tool's kube-proxy configuration. LXC and rootless nodes refuse the write on any kernel.",
    causes: [
      "A kind, minikube, k3d/k3s or TCE bootstrap release older than its fix (kind v0.11.0, minikube 1.21, k3s May 2021 patch releases) on a host kernel 5.12.2+ or a backported 5.10/5.11 (kubernetes-sigs/kind#2240, kubernetes/minikube#11418, k3d-io/k3d#607, antrea-io/antrea#2407 on old release branches).",
      "A node in an LXC or rootless container, where /proc/sys/net/netfilter/nf_conntrack_max is read-only (canonical/microk8s#2777; kube-proxy 1.36 in LXC, kubernetes/kubernetes#141943).",
    ],
    fixes: [
      "Upgrade the cluster tool (kind v0.11.0+, minikube 1.21+, a k3s/k3d release from May 2021 on), which sets kube-proxy's conntrack.maxPerCore to 0.",
      "Or set conntrack.maxPerCore: 0 in the KubeProxyConfiguration (--conntrack-max-per-core=0), or raise the host's sysctl first (sysctl -w net.netfilter.nf_conntrack_max=131072) so kube-proxy finds it high enough and skips the write.",
    ],
    references: [
      "https://github.com/kubernetes-sigs/kind/issues/2240",
      "https://github.com/kubernetes-sigs/kind/pull/2241",
      "https://github.com/kubernetes/minikube/pull/11419",
      "https://github.com/k3s-io/k3s/pull/3337",
    ],
    examples: [
      // k3d-io/k3d#607 (k3s v1.20.6+k3s1 on kernel 5.12.3, docker logs timestamps)
      { line: "2021-05-16T05:05:31.783130013Z  F0516 05:05:31.782902       7 server.go:495] open /proc/sys/net/netfilter/nf_conntrack_max: permission denied" },
      // kubernetes/kubernetes#141943 (kube-proxy 1.36.4 in LXC)
      { line: String.raw`run.go:72] "command failed" err="could not set conntrack parameters from kube-proxy configuration: open /proc/sys/net/netfilter/nf_conntrack_max: permission denied"` },
    ],
    nearMisses: [
      // corneliusweig/kubernetes-lxd#13: the conntrack module not loaded in the node.
      "5286 server.go:489] open /proc/sys/net/netfilter/nf_conntrack_max: no such file or directory",
      // justmeandopensource/kubernetes#144: LXD's hashsize, another write.
      String.raw`E0823 17:40:52.933169       1 server.go:558] "Error running ProxyServer" err="write /sys/module/nf_conntrack/parameters/hashsize: operation not supported"`,
    ],
  },
  {
    id: "kubectl-swagger-validation-unexpected-type",
    title: "kubectl 1.2 or older cannot validate against a Kubernetes 1.3+ API server's schema (\"unexpected type: object\")",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["unexpected type: object"],
    patterns: [
      // kubectl's swagger 1.2 validator (pkg/api/validation/schema.go before 1.4): a property whose type in the server's
      // swagger spec is "object", which 1.3's spec started to use and 1.1/1.2 clients do not know. One error per such
      // field, listed in brackets when there are several.
      String.raw`error\s+validating\s+data\s*:\s*\[?unexpected\s+type\s*:\s*object\b`,
    ],
    versions: [],
    priority: 45,
    meaning:
      "kubectl validates a manifest against the swagger spec the API server serves. The 1.3 API server's spec types some properties as \"object\", which the validator of kubectl 1.1 and 1.2 does not know, so every create or apply that carries such a field fails with one \"unexpected type: object\" per field. kubectl is older than the cluster (often a packaged kubectl 1.2 or a CI image with the old binary).",
    causes: [
      "kubectl 1.1 or 1.2 against a 1.3 or newer API server (kubernetes/kubernetes#26657: kubectl 1.2.0 with a 1.3.0 master; SeldonIO/seldon-server#26: kubectl 1.1.7 with minikube 0.12).",
      "Old e2e or CI jobs that run a previous release's kubectl against an upgraded cluster.",
    ],
    fixes: [
      "Use a kubectl of the cluster's minor (or within one minor of it): `kubectl version` shows both; put the new binary first on PATH.",
      "--validate=false skips the client-side check and lets the server validate, but the old kubectl stays unsupported against the new server.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/26657", "https://kubernetes.io/releases/version-skew-policy/#kubectl"],
    examples: [
      // kubernetes/kubernetes#26532 (kubectl outdated against a docker-multinode 1.3 cluster)
      { line: String.raw`error validating "./skydns.yaml": error validating data: [unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object]; if you choose to ignore these errors, turn validation off with --validate=false` },
      // SeldonIO/seldon-server#26 (kubectl 1.1.7, minikube 0.12)
      { line: String.raw`error validating "/seldon-server/kubernetes/bin/../conf/mysql.json": error validating data: [unexpected type: object, unexpected type: object, unexpected type: object, unexpected type: object]; if you choose to ignore these errors, turn validation off with --validate=false` },
    ],
  },
  {
    id: "kubectl-openapi-validation-unknown-gvk",
    title: "kubectl's OpenAPI validation finds no schema for the manifest's group/version/kind (a cluster older than the manifest, or kubectl 1.8 against 1.7)",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["unknown object type"],
    patterns: [
      // kubectl 1.8+'s client-side validation (pkg/kubectl/cmd/util/openapi/validation): the GVK is not in the OpenAPI
      // document the API server serves.
      String.raw`error\s+validating\s+data\s*:\s*unknown\s+object\s+type\s+(?:schema\.)?GroupVersionKind\{Group\s*:\s*\\?"(?<group>[\w.-]*)\\?"\s*,\s*Version\s*:\s*\\?"(?<version>v\w+)\\?"\s*,\s*Kind\s*:\s*\\?"(?<kind>\w+)\\?"\s*\}`,
    ],
    versions: ["version"],
    roles: { group: "API group", version: "API version", kind: "kind" },
    versionKinds: { version: "api-version" },
    priority: 45,
    meaning:
      "kubectl validates a manifest against the OpenAPI document of the API server and found no schema for its group, version and kind. Either the cluster is older than the API version the manifest uses (apps/v1beta2 and rbac.authorization.k8s.io/v1 arrived in 1.8, apps/v1 in 1.9), or kubectl 1.8.0/1.8.1 talked to a 1.7 server, whose OpenAPI it misread even for core v1 kinds (kubernetes/kubernetes#53309). Both are a kubectl and cluster of different releases.",
    causes: [
      "Manifests or docs written for a newer Kubernetes applied to an older cluster (kubernetes/website#5818: apps/v1beta2 on minikube 0.22; kubernetes-sigs/metrics-server#53: rbac v1 on a 1.7 cluster).",
      "kubectl 1.8.0 or 1.8.1 against a 1.7 API server (kubernetes/kubernetes#53309, openebs/openebs#633, kubernetes/kubectl#67).",
    ],
    fixes: [
      "Compare `kubectl version`: use a kubectl of the cluster's minor, or upgrade the cluster to the release the manifests are written for.",
      "Or write the manifest for an API version the cluster serves (kubectl api-versions); --validate=false only skips the client-side check.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/53309", "https://kubernetes.io/releases/version-skew-policy/#kubectl"],
    examples: [
      // kubernetes/kubernetes#53309 (kubectl 1.8.0, server 1.7.5)
      {
        line: String.raw`error: error validating "k8s/jenkins.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"PersistentVolumeClaim"}; if you choose to ignore these errors, turn validation off with --validate=false`,
        captures: { group: "", version: "v1", kind: "PersistentVolumeClaim" },
      },
      // kubernetes-sigs/metrics-server#53 (a 1.7 cluster)
      {
        line: String.raw`error: error validating "resource-reader.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"rbac.authorization.k8s.io", Version:"v1", Kind:"ClusterRole"}; if you choose to ignore these errors, turn validation off with --validate=false`,
        captures: { group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole" },
      },
    ],
    nearMisses: [
      // A kind misspelt (kubernetes/community#1528) and a core-group Deployment (a blog's deliberate error): wrong on every release.
      String.raw`The Error: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"pod"}`,
      String.raw`error: error validating "error-unknown.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"Deployment"}; if you choose to ignore these errors, turn validation off with --validate=false`,
    ],
  },
];
