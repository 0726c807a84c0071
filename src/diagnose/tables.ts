// Lookup tables the messages do not carry themselves. General Kubernetes knowledge (see the domain
// doc's caveats): kept as data so that they can be corrected without touching the reasoning.

/** group/version → Kubernetes minor that stopped serving it, with the kinds it affected. */
export const REMOVED_APIS: Record<string, { removedIn: string; replacement: string }> = {
  "extensions/v1beta1": { removedIn: "1.22", replacement: "networking.k8s.io/v1 (Ingress), apps/v1 (workloads)" },
  "networking.k8s.io/v1beta1": { removedIn: "1.22", replacement: "networking.k8s.io/v1" },
  "apiextensions.k8s.io/v1beta1": { removedIn: "1.22", replacement: "apiextensions.k8s.io/v1" },
  "admissionregistration.k8s.io/v1beta1": { removedIn: "1.22", replacement: "admissionregistration.k8s.io/v1" },
  "rbac.authorization.k8s.io/v1beta1": { removedIn: "1.22", replacement: "rbac.authorization.k8s.io/v1" },
  "certificates.k8s.io/v1beta1": { removedIn: "1.22", replacement: "certificates.k8s.io/v1" },
  "scheduling.k8s.io/v1beta1": { removedIn: "1.22", replacement: "scheduling.k8s.io/v1" },
  "storage.k8s.io/v1beta1": { removedIn: "1.22", replacement: "storage.k8s.io/v1 (CSIStorageCapacity: 1.27)" },
  "batch/v1beta1": { removedIn: "1.25", replacement: "batch/v1" },
  "policy/v1beta1": { removedIn: "1.25", replacement: "policy/v1 (PodDisruptionBudget); Pod Security Admission instead of PodSecurityPolicy" },
  "discovery.k8s.io/v1beta1": { removedIn: "1.25", replacement: "discovery.k8s.io/v1" },
  "events.k8s.io/v1beta1": { removedIn: "1.25", replacement: "events.k8s.io/v1" },
  "node.k8s.io/v1beta1": { removedIn: "1.25", replacement: "node.k8s.io/v1" },
  "autoscaling/v2beta1": { removedIn: "1.25", replacement: "autoscaling/v2" },
  "autoscaling/v2beta2": { removedIn: "1.26", replacement: "autoscaling/v2" },
  "flowcontrol.apiserver.k8s.io/v1beta1": { removedIn: "1.26", replacement: "flowcontrol.apiserver.k8s.io/v1" },
  "flowcontrol.apiserver.k8s.io/v1beta2": { removedIn: "1.29", replacement: "flowcontrol.apiserver.k8s.io/v1" },
  "flowcontrol.apiserver.k8s.io/v1beta3": { removedIn: "1.32", replacement: "flowcontrol.apiserver.k8s.io/v1" },
  // The deprecation guide's 1.22 list (kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22): discovery
  // names these groups when an APIService for them outlives the upgrade (velero-io/velero#4027 restored them).
  "authentication.k8s.io/v1beta1": { removedIn: "1.22", replacement: "authentication.k8s.io/v1" },
  "authorization.k8s.io/v1beta1": { removedIn: "1.22", replacement: "authorization.k8s.io/v1" },
  "coordination.k8s.io/v1beta1": { removedIn: "1.22", replacement: "coordination.k8s.io/v1" },
  "apiregistration.k8s.io/v1beta1": { removedIn: "1.22", replacement: "apiregistration.k8s.io/v1" },
  // kubernetes/kubernetes#96987 (CHANGELOG-1.21): CronJob's alpha version went with the v1 API.
  "batch/v2alpha1": { removedIn: "1.21", replacement: "batch/v1" },
};

/** API groups served by Kubernetes itself; anything else in a "no matches" error is a CRD. */
export const BUILTIN_GROUPS = new Set([
  "", "apps", "batch", "autoscaling", "policy", "extensions", "networking.k8s.io", "apiextensions.k8s.io",
  "admissionregistration.k8s.io", "rbac.authorization.k8s.io", "certificates.k8s.io", "scheduling.k8s.io",
  "storage.k8s.io", "discovery.k8s.io", "events.k8s.io", "node.k8s.io", "flowcontrol.apiserver.k8s.io",
  "coordination.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
  "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
]);

/**
 * kubelet flag → minor that removed it. Checked against the removing PR's release note and the release it
 * merged into (CHANGELOG-1.N.md lists the same notes under "Deprecation" / "Removed").
 */
export const REMOVED_KUBELET_FLAGS: Record<string, string> = {
  // Dockershim removal (CHANGELOG-1.24, "Urgent Upgrade Notes"; Azure/AgentBaker#1841 strips them for 1.24+). Not re-checked PR by PR.
  "network-plugin": "1.24",
  "network-plugin-mtu": "1.24",
  "cni-bin-dir": "1.24",
  "cni-conf-dir": "1.24",
  "cni-cache-dir": "1.24",
  "docker-endpoint": "1.24",
  "image-pull-progress-deadline": "1.24",
  "experimental-dockershim-root-directory": "1.24",
  // kubernetes/kubernetes#107096 (merged 2021-12, in 1.24; aks-engine#4829, cri-o#5639 hit it).
  "non-masquerade-cidr": "1.24",
  // DynamicKubeletConfig removed from the kubelet in 1.24 (CHANGELOG-1.24). Not re-checked this session.
  "dynamic-config-dir": "1.24",
  // Deprecated in 1.24, removed in 1.27 (CHANGELOG-1.27). Not re-checked this session.
  "container-runtime": "1.27",
  // kubernetes/kubernetes#53564 folded it into --cni-bin-dir; kubernetes/kubernetes#59312 (kubelet 1.9.2, stale docs).
  "network-plugin-dir": "1.9",
  // kubernetes/kubernetes#58367 (1.10); kubernetes-retired/kubeadm-dind-cluster#82, rootsongjc/kubernetes-vagrant-centos-cluster#7.
  "require-kubeconfig": "1.10",
  // kubernetes/kubernetes#40050, noted in CHANGELOG-1.8 by #53397; kubernetes-retired/contrib#2830 (Fedora 27).
  "api-servers": "1.8",
  // kubernetes/kubernetes#103172 (CHANGELOG v1.23.0-alpha.3, "Deprecation"): use --bootstrap-kubeconfig.
  "experimental-bootstrap-kubeconfig": "1.23",
  // kubernetes/kubernetes#133779 (CHANGELOG-1.35, "ACTION REQUIRED"); kubeadm#3281, Azure/AgentBaker#8273,
  // Azure/karpenter-provider-azure#1543 and sig-windows-tools#397 met it on 1.35 nodes.
  "pod-infra-container-image": "1.35",
  // kubernetes/kubernetes#122082 (1.31); Azure/AKS#4604 (1.31.1 preview nodes) and siderolabs/talos's upgrade checks.
  "keep-terminated-pod-volumes": "1.31",
  // kubernetes/kubernetes#103941 (milestone v1.23; deprecated in 1.19 by #91182).
  "seccomp-profile-root": "1.23",
  // Deprecated by kubernetes/kubernetes#118596 (1.28) with the in-tree credential providers; 1.30 kubelets refuse it
  // (Azure/karpenter-provider-azure#338, Azure/AgentBaker#5438).
  "azure-container-registry-config": "1.30",
  // kubernetes/kubernetes#122363 (1.31, with --iptables-masquerade-bit below; kube-proxy keeps its own).
  "iptables-drop-bit": "1.31",
};

/**
 * kubeadm's own init/join flags, which no kubelet release ever had: passed to the kubelet (KUBELET_EXTRA_ARGS,
 * a drop-in copied from a kubeadm command line) they fail in every release. xiaopeng163/learn-k8s-from-scratch#45
 * gave the kubelet --image-repository (the kubelet's pause-image flag was --pod-infra-container-image).
 */
export const KUBEADM_ONLY_FLAGS = new Set([
  "image-repository", "kubernetes-version", "pod-network-cidr", "service-cidr", "service-dns-domain", "apiserver-advertise-address",
  "apiserver-bind-port", "apiserver-cert-extra-sans", "control-plane-endpoint", "cri-socket", "discovery-token-ca-cert-hash",
  "ignore-preflight-errors", "upload-certs", "certificate-key",
]);

export interface FlagChange {
  /** Kubernetes minor that removed (or added) the flag. */
  release: string;
  components: string[];
  /** What to use instead, where there is something. */
  instead?: string;
  /** Components that still have the flag: on a line that names no component, the removal is only a guess. */
  alsoIn?: string[];
}

/**
 * Control-plane and node flags removed by release, from the Kubernetes changelogs (CHANGELOG-1.N.md,
 * "Deprecation" / "Removed" sections) and the release notes of the PRs that removed them, cited per entry.
 * Only removals that make the binary refuse to start are listed.
 * The kubelet's own table (REMOVED_KUBELET_FLAGS) is merged in below.
 */
const KLOG_FLAG_COMPONENTS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy", "kubelet", "cloud-controller-manager"] as const;

export const REMOVED_FLAGS: Record<string, FlagChange> = {
  // CHANGELOG-1.19 (basic authentication removed). Not re-checked this session.
  "basic-auth-file": { release: "1.19", components: ["kube-apiserver"], instead: "token or client-certificate authentication" },
  // kubernetes/kubernetes#105032 (merged 2022-01, 1.24; openshift/cluster-kube-apiserver-operator#1343 saw it in the 1.24 rebase).
  "enable-swagger-ui": { release: "1.24", components: ["kube-apiserver"], instead: "the /openapi/v2 and /openapi/v3 documents" },
  // No-op since 1.20 (kubernetes/kubernetes#95856 set "v1.24 as a target removal"), removed in 1.24.
  "insecure-port": { release: "1.24", components: ["kube-apiserver"], instead: "--secure-port" },
  "insecure-bind-address": { release: "1.24", components: ["kube-apiserver"], instead: "--bind-address" },
  // kube-apiserver: #95856; kube-controller-manager: #96216 (no-op in 1.22, "would be removed in v1.24"), #106860;
  // kube-scheduler: #96345 (same note).
  address: { release: "1.24", components: ["kube-apiserver", "kube-controller-manager", "kube-scheduler"], instead: "--bind-address" },
  port: { release: "1.24", components: ["kube-apiserver", "kube-controller-manager", "kube-scheduler"], instead: "--secure-port" },
  // The scheduler Policy API and its flags (CHANGELOG-1.23; alibaba/open-local#134 hit it on 1.23.6). Not re-checked PR by PR.
  "policy-config-file": { release: "1.23", components: ["kube-scheduler"], instead: "a KubeSchedulerConfiguration with profiles" },
  "policy-configmap": { release: "1.23", components: ["kube-scheduler"], instead: "a KubeSchedulerConfiguration with profiles" },
  "policy-configmap-namespace": { release: "1.23", components: ["kube-scheduler"], instead: "a KubeSchedulerConfiguration with profiles" },
  "use-legacy-policy-config": { release: "1.23", components: ["kube-scheduler"], instead: "a KubeSchedulerConfiguration with profiles" },
  // kubernetes/kubernetes#102805 (1.22: "The deprecated flag --hard-pod-affinity-symmetric-weight and --scheduler-name
  // have been removed from kube-scheduler"); pingcap/tidb-operator#4155, piraeusdatastore/piraeus-operator#205 and
  // vesoft-inc/nebula-operator#162 ran second schedulers from charts written for older images.
  "scheduler-name": { release: "1.22", components: ["kube-scheduler"], instead: "profiles[].schedulerName in a KubeSchedulerConfiguration" },
  // kubernetes/kubernetes#102239 (merged 2021-06, 1.22; deprecated since 1.17).
  "algorithm-provider": { release: "1.22", components: ["kube-scheduler"], instead: "plugin sets in a KubeSchedulerConfiguration profile" },
  "hard-pod-affinity-symmetric-weight": { release: "1.22", components: ["kube-scheduler"], instead: "the InterPodAffinity plugin's hardPodAffinityWeight in a KubeSchedulerConfiguration" },
  // kubernetes/kubernetes#73663 (1.14); Azure/aks-engine#490 (apiserver v1.14.0-alpha.3 refusing it).
  "repair-malformed-updates": { release: "1.14", components: ["kube-apiserver"] },
  // CHANGELOG-1.25. Not re-checked this session.
  "experimental-cluster-signing-duration": { release: "1.25", components: ["kube-controller-manager"], instead: "--cluster-signing-duration" },
  // kubernetes/kubernetes#107178, merged 2022-03-30 for 1.24 (was listed as 1.26 here, the release kubeadm#2839 ran).
  "deployment-controller-sync-period": { release: "1.24", components: ["kube-controller-manager"] },
  // kubernetes/kubernetes#109612 (milestone v1.25): deprecated since 1.10.
  "deleting-pods-qps": { release: "1.25", components: ["kube-controller-manager"] },
  "deleting-pods-burst": { release: "1.25", components: ["kube-controller-manager"] },
  "register-retry-count": { release: "1.25", components: ["kube-controller-manager"] },
  // kubernetes/kubernetes#59359 (merged 2018-02, 1.10).
  "service-sync-period": { release: "1.10", components: ["kube-controller-manager"] },
  // kubernetes/kubernetes#50678 (merged 2017-08, 1.8).
  "replication-controller-lookup-cache-size": { release: "1.8", components: ["kube-controller-manager"] },
  "replicaset-lookup-cache-size": { release: "1.8", components: ["kube-controller-manager"] },
  "daemonset-lookup-cache-size": { release: "1.8", components: ["kube-controller-manager"] },
  // kubernetes/kubernetes#90368 (merged 2020-04, 1.19): Heapster support in the HPA, deprecated in 1.12 (#68089).
  "horizontal-pod-autoscaler-use-rest-clients": { release: "1.19", components: ["kube-controller-manager"], instead: "the metrics API (metrics-server)" },
  // kubernetes/kubernetes#124948 (release notes of v1.31.0-alpha.2): no-op since 1.12.
  "horizontal-pod-autoscaler-upscale-delay": { release: "1.31", components: ["kube-controller-manager"], instead: "the HPA's behavior field" },
  "horizontal-pod-autoscaler-downscale-delay": { release: "1.31", components: ["kube-controller-manager"], instead: "--horizontal-pod-autoscaler-downscale-stabilization" },
  // CHANGELOG-1.27. Not re-checked this session.
  "pod-eviction-timeout": { release: "1.27", components: ["kube-controller-manager"], instead: "taint-based eviction (tolerationSeconds)" },
  // kubernetes/kubernetes#130162 (CHANGELOG-1.33, "Other (Cleanup or Flake)"); kube-controller-manager and the
  // kubelet keep --cloud-provider (cluster-api-provider-aws#5865, kops#17270 drop it for the apiserver only).
  "cloud-provider": { release: "1.33", components: ["kube-apiserver"], instead: "nothing: the apiserver no longer takes cloud-provider settings", alsoIn: ["kube-controller-manager", "cloud-controller-manager", "kubelet"] },
  "cloud-config": { release: "1.33", components: ["kube-apiserver"], alsoIn: ["kube-controller-manager", "cloud-controller-manager"] },
  // kubernetes/kubernetes#69209 (CHANGELOG-1.13: "Remove kube-controller-manager flag
  // '--insecure-experimental-approve-all-kubelet-csrs-for-group' (deprecated in v1.7)"); a no-op since 1.7
  // (#45619). kubernetes-retired/kube-aws#1578 and ovn-kubernetes/ovn-kubernetes#544 hit it.
  "insecure-experimental-approve-all-kubelet-csrs-for-group": { release: "1.13", components: ["kube-controller-manager"], instead: "the csrapproving controller with RBAC for the bootstrap group (1.7+)" },
  // kubernetes/kubernetes#69527 (CHANGELOG-1.13, "Action Required"): quorum reads are always on.
  "etcd-quorum-read": { release: "1.13", components: ["kube-apiserver"], instead: "nothing: quorum reads are always enabled" },
  // The kubelet's --config was the static-pod path until kubernetes/kubernetes#40048 (1.6; deprecated in 1.4 by
  // #29999); 1.8 brought --config back for the KubeletConfiguration file, so only 1.6 and 1.7 kubelets refuse it
  // (kubernetes-retired/dashboard#1987, sttts/kubernetes-dind-cluster#8, SUSE/caasp-salt#38). kube-proxy and
  // kube-scheduler take --config too: a line that names no component is only a guess.
  config: { release: "1.6", components: ["kubelet"], instead: "--pod-manifest-path for the static-pod directory (kubelet 1.8+ takes --config again, for a KubeletConfiguration file)", alsoIn: ["kube-proxy", "kube-scheduler", "kubelet 1.8+"] },
  // kubernetes/kubernetes#101178 (1.22; deprecated in 1.19 by #91630): openshift/ibm-roks-toolkit#271 and
  // openshift/cluster-kube-apiserver-operator#1184 dropped it for 1.22.
  "kubelet-https": { release: "1.22", components: ["kube-apiserver"], instead: "nothing: connections to kubelets always use HTTPS" },
  // kubernetes/kubernetes#108624 (1.25; aks-engine drops it from 1.25 on).
  "service-account-api-audiences": { release: "1.25", components: ["kube-apiserver"], instead: "--api-audiences" },
  // kubernetes/kubernetes#114446 (1.27; aks-engine drops it from 1.27 on).
  "master-service-namespace": { release: "1.27", components: ["kube-apiserver"] },
  // kubernetes/kubernetes#115840 (1.27, with --pod-eviction-timeout; aks-engine drops both from 1.27 on).
  "enable-taint-manager": { release: "1.27", components: ["kube-controller-manager"], instead: "nothing: taint-based eviction is always on" },
  // kubernetes/kubernetes#78294 (1.16, "ACTION REQUIRED"); eksctl-io/eksctl#2695 and kubernetes/kops#7224 had to drop
  // it. (The kubelet's own --resource-container went in 1.6, kubernetes/kubernetes#40048.)
  "resource-container": { release: "1.16", components: ["kube-proxy"], instead: "nothing: kube-proxy behaves as with --resource-container=\"\"" },
  // CHANGELOG-1.15. Not re-checked this session.
  "allow-privileged": { release: "1.15", components: ["kubelet"], instead: "PodSecurity admission" },
  // CHANGELOG-1.12. Not re-checked this session.
  "cadvisor-port": { release: "1.12", components: ["kubelet"] },
  // kubernetes/kubernetes#108457 (merged 2022-03, 1.24; no-op since 1.19); kubernetes/kops#14276 hit it on 1.24.
  "target-ram-mb": { release: "1.24", components: ["kube-apiserver"], instead: "nothing: the watch-cache sizes are automatic (--watch-cache-sizes to override)" },
  // kubernetes/kubernetes#61453 (merged 2018-03, 1.11).
  "storage-version": { release: "1.11", components: ["kube-apiserver"], instead: "--storage-versions" },
  // kubernetes/kubernetes#78344 (merged 2019-05, 1.16).
  "cleanup-iptables": { release: "1.16", components: ["kube-proxy"], instead: "--cleanup" },
  // kubernetes/kubernetes#124017 (1.31; siderolabs/talos's 1.30->1.31 upgrade checks list both).
  "volume-host-cidr-denylist": { release: "1.31", components: ["kube-controller-manager"] },
  "volume-host-allow-local-loopback": { release: "1.31", components: ["kube-controller-manager"] },
  // kubernetes/kubernetes#112133 (1.26): the userspace proxier and its --udp-timeout went together.
  "udp-timeout": { release: "1.26", components: ["kube-proxy"], instead: "nothing: the iptables, ipvs and nftables modes have no UDP idle timeout" },
  ...Object.fromEntries(Object.entries(REMOVED_KUBELET_FLAGS).map(([flag, release]) => [flag, { release, components: ["kubelet"] }])),
  // After the kubelet's own table: kube-proxy still has --iptables-masquerade-bit (kubernetes/kubernetes#122363
  // removed the kubelet's in 1.31).
  "iptables-masquerade-bit": { release: "1.31", components: ["kubelet"], alsoIn: ["kube-proxy"] },
  // KEP-2845, kubernetes/kubernetes#112120 (CHANGELOG-1.26): klog's own flags, deprecated in 1.23, are gone from
  // every Kubernetes component; programs that call klog.InitFlags themselves (operators, add-ons) keep them
  // (kubernetes-sigs/cluster-api-provider-kubemark#71, sig-windows-tools#259, openshift operators' 1.26 rebase).
  ...Object.fromEntries(
    ["add-dir-header", "alsologtostderr", "log-backtrace-at", "log-dir", "log-file", "log-file-max-size", "logtostderr", "one-output", "skip-headers", "skip-log-headers", "stderrthreshold"].map((flag) => [
      flag,
      {
        release: "1.26",
        components: [...KLOG_FLAG_COMPONENTS],
        instead: "nothing: components log to stderr; redirect it (systemd, the container runtime) instead of --log-file / --log-dir",
        alsoIn: ["programs that register klog's flags themselves (operators, add-ons)"],
      },
    ]),
  ),
};

/**
 * Flags a binary older than `release` does not have: a manifest written for a newer Kubernetes (the opposite
 * skew). Not re-checked against the changelogs this session: the first two come from gardener/gardener#2753's
 * report that they exist from 1.16 only; emulated-version is KEP-4330's (1.31).
 */
export const ADDED_FLAGS: Record<string, FlagChange> = {
  // kubernetes/kubernetes#58123 (1.10) split --admission-control into these two; opsnull/follow-me-install-kubernetes-
  // cluster#381 passed them to an older apiserver.
  "enable-admission-plugins": { release: "1.10", components: ["kube-apiserver"] },
  "disable-admission-plugins": { release: "1.10", components: ["kube-apiserver"] },
  "concurrent-service-endpoint-syncs": { release: "1.16", components: ["kube-controller-manager"] },
  "concurrent-statefulset-syncs": { release: "1.16", components: ["kube-controller-manager"] },
  "emulated-version": { release: "1.31", components: ["kube-apiserver", "kube-controller-manager", "kube-scheduler"] },
  // KEP-3331 structured authentication and KEP-3221 structured authorization configuration (alpha in 1.29).
  "authentication-config": { release: "1.29", components: ["kube-apiserver"] },
  "authorization-config": { release: "1.29", components: ["kube-apiserver"] },
  // KEP-647 API server tracing (alpha in 1.22).
  "tracing-config-file": { release: "1.22", components: ["kube-apiserver"] },
  // KEP-2133 kubelet credential providers (alpha in 1.20).
  "image-credential-provider-config": { release: "1.20", components: ["kubelet"] },
  "image-credential-provider-bin-dir": { release: "1.20", components: ["kubelet"] },
  // kubernetes/kubernetes#90822 (1.19): one signer per built-in signerName; gardener/gardener#6906 passed them to 1.18.
  ...Object.fromEntries(
    ["kubelet-serving", "kubelet-client", "kube-apiserver-client", "legacy-unknown"].flatMap((s) =>
      ["cert", "key"].map((k) => [`cluster-signing-${s}-${k}-file`, { release: "1.19", components: ["kube-controller-manager"] }]),
    ),
  ),
  // kubernetes/kubernetes#95896 made them required in 1.20; --service-account-signing-key-file arrived with TokenRequest (1.10).
  "service-account-signing-key-file": { release: "1.10", components: ["kube-apiserver"] },
  "cluster-signing-duration": { release: "1.19", components: ["kube-controller-manager"] },
};

/**
 * Flags of client tools and add-ons that one release added or removed, so that "unknown flag" from them means a
 * tool older (or newer) than the script or manifest that calls it. pflag's line names no program: `unique` says
 * the flag name belongs to that tool alone (a cause); otherwise it is a warning unless the tool is named nearby
 * ("See 'kubectl version --help' for usage.").
 */
export interface ToolFlag {
  tool: string;
  /** The command that has (or had) the flag. */
  command: string;
  change: "added" | "removed";
  release: string;
  /** The tool's release is a Kubernetes release (kubectl) or the tool's own. */
  kind: "kubernetes" | "component";
  unique: boolean;
  /** Where the release comes from. */
  source: string;
  /** For an added flag that a later release removed again (or renamed): that release. */
  removedIn?: string;
}

export const TOOL_FLAGS: Record<string, ToolFlag> = {
  // kubernetes/kubernetes#39858 (merged 2017-01, kubectl 1.6); weaveworks/launcher#159, kubernetes/minikube#7350 (kubectl 1.5.2).
  output: { tool: "kubectl", command: "kubectl version", change: "added", release: "1.6", kind: "kubernetes", unique: false, source: "kubernetes/kubernetes#39858" },
  // kubernetes/kubernetes#116720 (kubectl 1.28; deprecated in 1.24 by #108987); kubernetes/kubectl#1518, tilt-dev/tilt-extensions#520.
  short: { tool: "kubectl", command: "kubectl version", change: "removed", release: "1.28", kind: "kubernetes", unique: false, source: "kubernetes/kubernetes#116720" },
  // Helm 4.0 (released 2025-11-12) added server-side apply to install/upgrade; SREGym/SREGym#665 (Helm 3.19), helmfile/helmfile#2640.
  // kubectl apply has had --server-side since 1.16, so an old kubectl reads the same.
  "server-side": { tool: "Helm", command: "helm install / helm upgrade", change: "added", release: "4.0.0", kind: "component", unique: false, source: "Helm 4.0 release (SREGym/SREGym#665)" },
  // kubernetes-sigs/metrics-server#538 ("this change gonna go in 0.4.0"); k0sproject/k0s#1100 and #1621 (older image, newer manifest).
  // kubernetes/kubernetes#73907 (kubeadm 1.14 added --experimental-upload-certs), #78452 (1.15 renamed it --upload-certs),
  // #79327 (1.16 removed the old name); kubernetes/kubeadm#2366 (kubeadm 1.13: "the flag is --upload-certs in newer versions").
  "experimental-upload-certs": { tool: "kubeadm", command: "kubeadm init / kubeadm init phase upload-certs", change: "added", release: "1.14", removedIn: "1.16", kind: "kubernetes", unique: true, source: "kubernetes/kubernetes#73907, #79327" },
  "upload-certs": { tool: "kubeadm", command: "kubeadm init / kubeadm init phase upload-certs", change: "added", release: "1.15", kind: "kubernetes", unique: true, source: "kubernetes/kubernetes#78452" },
  "kubelet-use-node-status-port": { tool: "metrics-server", command: "metrics-server", change: "added", release: "0.4.0", kind: "component", unique: true, source: "kubernetes-sigs/metrics-server#538" },
};

/** The components whose unknown flags mean a version mismatch between a manifest and a binary. */
export const KUBE_COMPONENTS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy", "kubelet", "cloud-controller-manager"];

/**
 * client.authentication.k8s.io versions of the ExecCredential API, with the client-go (kubectl) minor that
 * started and stopped reading them (kubernetes CHANGELOG-1.11, -1.22, -1.24).
 */
export const EXEC_CREDENTIAL_APIS: Record<string, { since: string; removedIn?: string }> = {
  "client.authentication.k8s.io/v1alpha1": { since: "1.10", removedIn: "1.24" },
  "client.authentication.k8s.io/v1beta1": { since: "1.11" },
  "client.authentication.k8s.io/v1": { since: "1.22" },
};

/**
 * Kustomization fields by the kustomize release that introduced them, and the first kubectl that embeds a
 * kustomize that new (kubectl 1.14–1.20 embed kustomize v2.0.3; 1.21 v4.0.5; 1.22 v4.2.0; 1.23 v4.4.1;
 * 1.24 v4.5.4; 1.25 v4.5.7; 1.26 v4.5.7; 1.27 v5.0.1).
 */
export const KUSTOMIZE_FIELDS: Record<string, { kustomize: string; kubectl: string }> = {
  // kubernetes-sigs/kustomize#1114 / #1139 (merged 2019-06, kustomize v2.1.0); kustomize#2047 hit it with kubectl 1.17.
  replicas: { kustomize: "v2.1.0", kubectl: "1.21" },
  metadata: { kustomize: "v3.0.0", kubectl: "1.21" },
  components: { kustomize: "v3.7.0", kubectl: "1.21" },
  openapi: { kustomize: "v3.8.0", kubectl: "1.21" },
  labels: { kustomize: "v4.1.0", kubectl: "1.22" },
  replacements: { kustomize: "v4.1.0", kubectl: "1.22" },
  helmCharts: { kustomize: "v4.1.0", kubectl: "1.22" },
  buildMetadata: { kustomize: "v4.3.0", kubectl: "1.23" },
  sortOptions: { kustomize: "v5.0.0", kubectl: "1.27" },
  // From the json tags of kustomize's types package at each release tag (pkg/types at v2.0.3–v3.2.0, api/types after):
  // v2.1.0 added generators, transformers and the generators' envs; v3.0.0 patches and the inline patch of
  // patchesJson6902 (kubernetes-sigs/kustomize#2347 failed on it with 2.0.3); v3.7.0 validators and per-generator options;
  // v4.1.0 the labels' includeSelectors; v4.5.5 includeTemplates and the images' tagSuffix (kubectl 1.24 embeds v4.5.4,
  // 1.25 v4.5.7; CrunchyData/postgres-operator-examples#245 and #267 hit includeTemplates with older kubectl and oc).
  generators: { kustomize: "v2.1.0", kubectl: "1.21" },
  transformers: { kustomize: "v2.1.0", kubectl: "1.21" },
  envs: { kustomize: "v2.1.0", kubectl: "1.21" },
  patches: { kustomize: "v3.0.0", kubectl: "1.21" },
  patch: { kustomize: "v3.0.0", kubectl: "1.21" },
  validators: { kustomize: "v3.7.0", kubectl: "1.21" },
  options: { kustomize: "v3.7.0", kubectl: "1.21" },
  includeSelectors: { kustomize: "v4.1.0", kubectl: "1.22" },
  includeTemplates: { kustomize: "v4.5.5", kubectl: "1.25" },
  tagSuffix: { kustomize: "v4.5.5", kubectl: "1.25" },
};

/** kind's own configuration API versions (kind release notes; kubernetes-sigs/kind#1335, kubernetes-sigs/kubebuilder#2564). */
export const KIND_CONFIG_APIS: Record<string, { since?: string; removedIn?: string }> = {
  "kind.sigs.k8s.io/v1alpha1": { removedIn: "v0.9.0" },
  "kind.sigs.k8s.io/v1alpha2": { removedIn: "v0.9.0" },
  "kind.sigs.k8s.io/v1alpha3": { removedIn: "v0.9.0" },
  "kind.x-k8s.io/v1alpha3": { since: "v0.6.0", removedIn: "v0.9.0" },
  "kind.x-k8s.io/v1alpha4": { since: "v0.6.0" },
};

/** Docker Engine API versions and the Engine release that introduced each (Docker Engine API version history). */
export const DOCKER_API_RELEASES: Record<string, string> = {
  "1.24": "1.12",
  "1.35": "17.12",
  "1.38": "18.06",
  "1.39": "18.09",
  "1.40": "19.03",
  "1.41": "20.10",
  "1.42": "23.0",
  "1.43": "24.0",
  "1.44": "25.0",
  "1.45": "26.0",
  "1.46": "27.0",
  "1.52": "29.0",
};

/**
 * Built-in kinds by the group and versions their API served, for messages that name only `*v1beta1.Kind`
 * (client-go reflectors). `since` and `removedIn` are Kubernetes minors (the deprecation guide,
 * kubernetes.io/docs/reference/using-api/deprecation-guide/, and the release notes).
 */
export const KIND_API_VERSIONS: Record<string, { group: string; versions: Record<string, { since?: string; removedIn?: string }> }> = {
  PodDisruptionBudget: { group: "policy", versions: { v1beta1: { removedIn: "1.25" }, v1: { since: "1.21" } } },
  PodSecurityPolicy: { group: "policy", versions: { v1beta1: { removedIn: "1.25" } } },
  CronJob: { group: "batch", versions: { v2alpha1: { removedIn: "1.21" }, v1beta1: { removedIn: "1.25" }, v1: { since: "1.21" } } },
  Ingress: { group: "networking.k8s.io", versions: { v1beta1: { since: "1.14", removedIn: "1.22" }, v1: { since: "1.19" } } },
  IngressClass: { group: "networking.k8s.io", versions: { v1beta1: { since: "1.18", removedIn: "1.22" }, v1: { since: "1.19" } } },
  CertificateSigningRequest: { group: "certificates.k8s.io", versions: { v1beta1: { removedIn: "1.22" }, v1: { since: "1.19" } } },
  EndpointSlice: { group: "discovery.k8s.io", versions: { v1beta1: { removedIn: "1.25" }, v1: { since: "1.21" } } },
  HorizontalPodAutoscaler: { group: "autoscaling", versions: { v2beta1: { removedIn: "1.25" }, v2beta2: { removedIn: "1.26" }, v2: { since: "1.23" } } },
  CSIStorageCapacity: { group: "storage.k8s.io", versions: { v1beta1: { removedIn: "1.27" }, v1: { since: "1.24" } } },
  CSIDriver: { group: "storage.k8s.io", versions: { v1beta1: { removedIn: "1.22" }, v1: { since: "1.18" } } },
  CSINode: { group: "storage.k8s.io", versions: { v1beta1: { removedIn: "1.22" }, v1: { since: "1.17" } } },
  StorageClass: { group: "storage.k8s.io", versions: { v1beta1: { removedIn: "1.22" } } },
  VolumeAttachment: { group: "storage.k8s.io", versions: { v1beta1: { removedIn: "1.22" } } },
  RuntimeClass: { group: "node.k8s.io", versions: { v1beta1: { removedIn: "1.25" }, v1: { since: "1.20" } } },
  Event: { group: "events.k8s.io", versions: { v1beta1: { removedIn: "1.25" }, v1: { since: "1.19" } } },
  MutatingWebhookConfiguration: { group: "admissionregistration.k8s.io", versions: { v1beta1: { removedIn: "1.22" }, v1: { since: "1.16" } } },
  ValidatingWebhookConfiguration: { group: "admissionregistration.k8s.io", versions: { v1beta1: { removedIn: "1.22" }, v1: { since: "1.16" } } },
  CustomResourceDefinition: { group: "apiextensions.k8s.io", versions: { v1beta1: { removedIn: "1.22" }, v1: { since: "1.16" } } },
  PriorityClass: { group: "scheduling.k8s.io", versions: { v1beta1: { removedIn: "1.22" } } },
  Lease: { group: "coordination.k8s.io", versions: { v1beta1: { removedIn: "1.22" } } },
  // The betas' first releases: v1beta1 1.20 (KEP-1040, beta), v1beta2 1.23, v1beta3 1.26 (each CHANGELOG's API changes);
  // a client-go 0.24 webhook lists v1beta2 on K3s 1.21 (zachomedia/cert-manager-webhook-pdns#41).
  FlowSchema: { group: "flowcontrol.apiserver.k8s.io", versions: { v1beta1: { since: "1.20", removedIn: "1.26" }, v1beta2: { since: "1.23", removedIn: "1.29" }, v1beta3: { since: "1.26", removedIn: "1.32" }, v1: { since: "1.29" } } },
  PriorityLevelConfiguration: { group: "flowcontrol.apiserver.k8s.io", versions: { v1beta1: { since: "1.20", removedIn: "1.26" }, v1beta2: { since: "1.23", removedIn: "1.29" }, v1beta3: { since: "1.26", removedIn: "1.32" }, v1: { since: "1.29" } } },
  // The workload APIs (deprecation guide #v1-16; kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16): apps/v1beta1
  // came with StatefulSet in 1.5 (PetSet before) and Deployment in 1.6, apps/v1beta2 in 1.8, apps/v1 in 1.9; 1.16 stopped
  // serving both betas. The extensions/v1beta1 workloads (also gone in 1.16) are read from the "(get <r>.extensions)"
  // suffix. kubernetes/test-infra#21265 (a prometheus-operator listing *v1beta2.StatefulSet on 1.16),
  // prometheus-operator/kube-prometheus#30 (*v1beta1.StatefulSet on a cluster older than 1.5).
  StatefulSet: { group: "apps", versions: { v1beta1: { since: "1.5", removedIn: "1.16" }, v1beta2: { since: "1.8", removedIn: "1.16" }, v1: { since: "1.9" } } },
  Deployment: { group: "apps", versions: { v1beta1: { removedIn: "1.16" }, v1beta2: { since: "1.8", removedIn: "1.16" }, v1: { since: "1.9" } } },
  DaemonSet: { group: "apps", versions: { v1beta2: { since: "1.8", removedIn: "1.16" }, v1: { since: "1.9" } } },
  ReplicaSet: { group: "apps", versions: { v1beta2: { since: "1.8", removedIn: "1.16" }, v1: { since: "1.9" } } },
  ControllerRevision: { group: "apps", versions: { v1beta1: { since: "1.7", removedIn: "1.16" }, v1beta2: { since: "1.8", removedIn: "1.16" }, v1: { since: "1.9" } } },
  // networking.k8s.io/v1 NetworkPolicy since 1.7 (CHANGELOG-1.7); its extensions/v1beta1 went in 1.16.
  NetworkPolicy: { group: "networking.k8s.io", versions: { v1: { since: "1.7" } } },
  // KEP-3488: admissionregistration.k8s.io v1alpha1 in 1.26, v1beta1 in 1.28 (off unless enabled: new betas are, since
  // KEP-3136), v1 in 1.30.
  ValidatingAdmissionPolicy: { group: "admissionregistration.k8s.io", versions: { v1alpha1: { since: "1.26" }, v1beta1: { since: "1.28" }, v1: { since: "1.30" } } },
  ValidatingAdmissionPolicyBinding: { group: "admissionregistration.k8s.io", versions: { v1alpha1: { since: "1.26" }, v1beta1: { since: "1.28" }, v1: { since: "1.30" } } },
  // KEP-3962: alpha in 1.32 (off by default), beta in 1.34 (kyverno/kyverno#16026: Kyverno 1.17 lists v1alpha1 on 1.34).
  MutatingAdmissionPolicy: { group: "admissionregistration.k8s.io", versions: { v1alpha1: { since: "1.32" }, v1beta1: { since: "1.34" } } },
  MutatingAdmissionPolicyBinding: { group: "admissionregistration.k8s.io", versions: { v1alpha1: { since: "1.32" }, v1beta1: { since: "1.34" } } },
};

/**
 * The built-in API groups that have ever served each kind (any version), from the Kubernetes API reference and
 * the deprecation guide (kubernetes.io/docs/reference/using-api/deprecation-guide/). A "no matches for kind"
 * that pairs a kind with a built-in group not listed here (Ingress in apps/v1) is a wrong apiVersion in the
 * manifest: no release of Kubernetes served it, so no version of the cluster would. "" is the core group.
 */
export const KIND_GROUPS: Record<string, string[]> = {
  Deployment: ["apps", "extensions"],
  DaemonSet: ["apps", "extensions"],
  ReplicaSet: ["apps", "extensions"],
  StatefulSet: ["apps"],
  ControllerRevision: ["apps"],
  Ingress: ["extensions", "networking.k8s.io"],
  IngressClass: ["networking.k8s.io"],
  NetworkPolicy: ["extensions", "networking.k8s.io"],
  PodSecurityPolicy: ["extensions", "policy"],
  PodDisruptionBudget: ["policy"],
  Job: ["batch", "extensions"],
  CronJob: ["batch"],
  HorizontalPodAutoscaler: ["autoscaling", "extensions"],
  CustomResourceDefinition: ["apiextensions.k8s.io"],
  MutatingWebhookConfiguration: ["admissionregistration.k8s.io"],
  ValidatingWebhookConfiguration: ["admissionregistration.k8s.io"],
  ClusterRole: ["rbac.authorization.k8s.io"],
  ClusterRoleBinding: ["rbac.authorization.k8s.io"],
  Role: ["rbac.authorization.k8s.io"],
  RoleBinding: ["rbac.authorization.k8s.io"],
  StorageClass: ["storage.k8s.io"],
  VolumeAttachment: ["storage.k8s.io"],
  CSIDriver: ["storage.k8s.io"],
  CSINode: ["storage.k8s.io"],
  CSIStorageCapacity: ["storage.k8s.io"],
  PriorityClass: ["scheduling.k8s.io"],
  EndpointSlice: ["discovery.k8s.io"],
  RuntimeClass: ["node.k8s.io"],
  Lease: ["coordination.k8s.io"],
  CertificateSigningRequest: ["certificates.k8s.io"],
  FlowSchema: ["flowcontrol.apiserver.k8s.io"],
  PriorityLevelConfiguration: ["flowcontrol.apiserver.k8s.io"],
  APIService: ["apiregistration.k8s.io"],
  Event: ["", "events.k8s.io"],
  Pod: [""],
  Service: [""],
  ConfigMap: [""],
  Secret: [""],
  Namespace: [""],
  ServiceAccount: [""],
  PersistentVolume: [""],
  PersistentVolumeClaim: [""],
  Endpoints: [""],
  LimitRange: [""],
  ResourceQuota: [""],
  ReplicationController: [""],
};

/**
 * Feature gates by the Kubernetes minor that removed them (after GA or deprecation), so that "unrecognized feature
 * gate" can name the release. From siderolabs/talos's upgrade checks (pkg/cluster/kubernetes/upgrade, which cite
 * the changelogs and PRs per release) and the threads cited; not re-checked one by one against the changelogs.
 */
export const REMOVED_FEATURE_GATES: Record<string, string> = {
  // kubernetes/kubernetes#62187 (removed in 1.11 by #61498; GCE clusters still passed it).
  Accelerators: "1.11",
  // kubernetes/kubernetes#76329 (a 1.11 kube-proxy ConfigMap read by 1.14).
  MountPropagation: "1.14",
  PersistentLocalVolumes: "1.14",
  VolumeScheduling: "1.14",
  // kubernetes/kubernetes#100988 (kubeadm upgrade 1.20.5 -> 1.21.0).
  BlockVolume: "1.21",
  ...Object.fromEntries(["CSIVolumeFSGroupPolicy", "ConfigurableFSGroupPolicy", "PodDisruptionBudget", "SelectorIndex"].map((g) => [g, "1.25"])),
  DynamicKubeletConfig: "1.26",
  ...Object.fromEntries(
    ["ExpandCSIVolumes", "ExpandInUsePersistentVolumes", "ExpandPersistentVolumes", "ControllerManagerLeaderMigration", "CSIMigration", "CSIInlineVolume", "EphemeralContainers", "LocalStorageCapacityIsolation", "NetworkPolicyEndPort", "StatefulSetMinReadySeconds", "IdentifyPodOS", "DaemonSetUpdateSurge"].map((g) => [g, "1.27"]),
  ),
  ...Object.fromEntries(
    ["AdvancedAuditing", "DelegateFSGroupToCSIDriver", "DevicePlugins", "DisableAcceleratorUsageMetrics", "EndpointSliceTerminatingCondition", "CSIStorageCapacity", "CSIMigrationGCE", "KubeletCredentialProviders", "MixedProtocolLBService", "ServiceInternalTrafficPolicy", "ServiceIPStaticSubrange", "WindowsHostProcessContainers"].map((g) => [g, "1.28"]),
  ),
  ...Object.fromEntries(
    ["ExpandedDNSConfig", "ExperimentalHostUserNamespaceDefaultingGate", "IPTablesOwnershipCleanup", "KubeletPodResources", "KubeletPodResourcesGetAllocatable", "MinimizeIPTablesRestore", "ProxyTerminatingEndpoints", "RemoveSelfLink"].map((g) => [g, "1.30"]),
  ),
  // kubernetes/test-infra#33218 (InTreePluginGCEUnregister on the 1.31 beta). The Kubernetes 1.31 release blog ("Removal
  // of in-tree provider feature gates") lists all six InTreePlugin*Unregister gates; kubermatic/kubermatic#13936 met
  // the vSphere one on an apiserver upgraded to 1.31.
  ...Object.fromEntries(
    ["APIPriorityAndFairness", "CSINodeExpandSecret", "ConsistentHTTPGetHandlers", "DefaultHostNetworkHostPortsInPodTemplates", "ServiceNodePortStaticSubrange", "SkipReadOnlyValidationGCE", "InTreePluginGCEUnregister", "InTreePluginAWSUnregister", "InTreePluginAzureDiskUnregister", "InTreePluginAzureFileUnregister", "InTreePluginOpenStackUnregister", "InTreePluginvSphereUnregister"].map((g) => [g, "1.31"]),
  ),
  ...Object.fromEntries(
    ["AllowServiceLBStatusOnNonLB", "CloudDualStackNodeIPs", "DRAControlPlaneController", "HPAContainerMetrics", "KMSv2", "KMSv2KDF", "LegacyServiceAccountTokenCleanUp", "MinDomainsInPodTopologySpread", "NewVolumeManagerReconstruction", "NodeOutOfServiceVolumeDetach", "ServerSideApply", "ServerSideFieldValidation", "StableLoadBalancerNodeSet", "ValidatingAdmissionPolicy", "ZeroLimitedNominalConcurrencyShares"].map((g) => [g, "1.32"]),
  ),
  ...Object.fromEntries(
    ["AppArmor", "AppArmorFields", "CPUManager", "DisableCloudProviders", "DisableKubeletCloudCredentialProviders", "JobPodFailurePolicy", "KubeProxyDrainingTerminatingNodes", "PDBUnhealthyPodEvictionPolicy", "PersistentVolumeLastPhaseTransitionTime", "VolumeCapacityPriority"].map((g) => [g, "1.33"]),
  ),
  // siderolabs/talos#13480 (kube-apiserver 1.35.5 refused it after an upgrade from 1.34.8).
  UserNamespacesPodSecurityStandards: "1.35",
};

/**
 * Component-configuration API versions by the Kubernetes minor that started and stopped reading them, for "no
 * kind ... is registered for version" and kubeadm's "unknown configuration". Scheduler: kubernetes/kubernetes#89298
 * (v1alpha1 out in 1.19), #87628 (v1alpha2 in 1.18), #91420 (v1beta1 in 1.19), KEP-785's history (v1beta1 out in
 * 1.23), #117649 (v1beta2 out in 1.28), #119994 (v1beta3 out in 1.29), v1 from 1.25. kubeadm: its oldKnownAPIVersions
 * and release notes (v1beta1 out in 1.22, v1beta2 out in 1.26, v1beta3 in 1.22, v1beta4 in 1.31). componentconfig/
 * v1alpha1 carried the scheduler, kubelet and kube-proxy configurations until 1.13 (opsnull/follow-me-install-
 * kubernetes-cluster#404, kelseyhightower/kubernetes-the-hard-way#427).
 */
export const COMPONENT_CONFIG_APIS: Record<string, { component: string; since?: string; removedIn?: string }> = {
  "componentconfig/v1alpha1": { component: "the component", removedIn: "1.13" },
  "kubescheduler.config.k8s.io/v1alpha1": { component: "kube-scheduler", since: "1.12", removedIn: "1.19" },
  "kubescheduler.config.k8s.io/v1alpha2": { component: "kube-scheduler", since: "1.18" },
  "kubescheduler.config.k8s.io/v1beta1": { component: "kube-scheduler", since: "1.19", removedIn: "1.23" },
  "kubescheduler.config.k8s.io/v1beta2": { component: "kube-scheduler", since: "1.22", removedIn: "1.28" },
  "kubescheduler.config.k8s.io/v1beta3": { component: "kube-scheduler", since: "1.23", removedIn: "1.29" },
  "kubescheduler.config.k8s.io/v1": { component: "kube-scheduler", since: "1.25" },
  "kubelet.config.k8s.io/v1beta1": { component: "the kubelet", since: "1.10" },
  "kubeproxy.config.k8s.io/v1alpha1": { component: "kube-proxy", since: "1.10" },
  "kubeadm.k8s.io/v1alpha1": { component: "kubeadm", removedIn: "1.12" },
  "kubeadm.k8s.io/v1alpha2": { component: "kubeadm", since: "1.11", removedIn: "1.13" },
  "kubeadm.k8s.io/v1alpha3": { component: "kubeadm", since: "1.12", removedIn: "1.14" },
  "kubeadm.k8s.io/v1beta1": { component: "kubeadm", since: "1.13", removedIn: "1.22" },
  "kubeadm.k8s.io/v1beta2": { component: "kubeadm", since: "1.15", removedIn: "1.26" },
  "kubeadm.k8s.io/v1beta3": { component: "kubeadm", since: "1.22" },
  "kubeadm.k8s.io/v1beta4": { component: "kubeadm", since: "1.31" },
};

/**
 * Component-configuration fields that one release removed or added, so that a strict decoder's "unknown field"
 * says which side is older: kubernetes/kubernetes#78294 (kube-proxy resourceContainer, 1.16), #112133 (udpIdleTimeout
 * with the userspace proxier, 1.26), #112136 (the kubelet's runtime endpoints into KubeletConfiguration, 1.27;
 * kubermatic/kubeone#2939 and kubernetes/kubernetes#118787 met it with 1.26), crashLoopBackOff (KEP-4603, 1.32).
 */
export const CONFIG_FIELD_CHANGES: Record<string, { kind: string; change: "added" | "removed"; release: string }> = {
  resourceContainer: { kind: "KubeProxyConfiguration", change: "removed", release: "1.16" },
  udpIdleTimeout: { kind: "KubeProxyConfiguration", change: "removed", release: "1.26" },
  containerRuntimeEndpoint: { kind: "KubeletConfiguration", change: "added", release: "1.27" },
  imageServiceEndpoint: { kind: "KubeletConfiguration", change: "added", release: "1.27" },
  crashLoopBackOff: { kind: "KubeletConfiguration", change: "added", release: "1.32" },
  // The scheduler's v1beta1 configuration (1.19) folded the unreserve extension point into reserve;
  // kubernetes-sigs/scheduler-plugins#168 kept it in a v1beta1 profile for a 1.19 scheduler.
  unreserve: { kind: "KubeSchedulerConfiguration", change: "removed", release: "1.19" },
  // kube-proxy 1.15 dropped conntrack.max with --conntrack-max (kubernetes/kubernetes#78399); kubermatic/kubermatic
  // #7456 still templated it in 2021. The old json-iterator decoder names only the leaf ("found unknown field: max").
  "conntrack.max": { kind: "KubeProxyConfiguration", change: "removed", release: "1.15" },
  detectLocalMode: { kind: "KubeProxyConfiguration", change: "added", release: "1.18" },
  "iptables.localhostNodePorts": { kind: "KubeProxyConfiguration", change: "added", release: "1.27" },
  nftables: { kind: "KubeProxyConfiguration", change: "added", release: "1.29" },
  "conntrack.udpTimeout": { kind: "KubeProxyConfiguration", change: "added", release: "1.29" },
  "conntrack.udpStreamTimeout": { kind: "KubeProxyConfiguration", change: "added", release: "1.29" },
  // KubeletConfiguration v1beta1 fields by the release that added them (each release's CHANGELOG and the
  // kubelet-config.v1beta1 reference): a configuration or template for a newer kubelet, read by an older kubelet
  // or by an older kubeadm's strict decoder (kubernetes/kubernetes#127502: podLogsDir, a 1.30 field).
  shutdownGracePeriod: { kind: "KubeletConfiguration", change: "added", release: "1.20" },
  shutdownGracePeriodCriticalPods: { kind: "KubeletConfiguration", change: "added", release: "1.20" },
  memoryManagerPolicy: { kind: "KubeletConfiguration", change: "added", release: "1.21" },
  reservedMemory: { kind: "KubeletConfiguration", change: "added", release: "1.21" },
  memorySwap: { kind: "KubeletConfiguration", change: "added", release: "1.22" },
  memoryThrottlingFactor: { kind: "KubeletConfiguration", change: "added", release: "1.22" },
  seccompDefault: { kind: "KubeletConfiguration", change: "added", release: "1.22" },
  cpuManagerPolicyOptions: { kind: "KubeletConfiguration", change: "added", release: "1.22" },
  shutdownGracePeriodByPodPriority: { kind: "KubeletConfiguration", change: "added", release: "1.23" },
  localStorageCapacityIsolation: { kind: "KubeletConfiguration", change: "added", release: "1.25" },
  topologyManagerPolicyOptions: { kind: "KubeletConfiguration", change: "added", release: "1.26" },
  maxParallelImagePulls: { kind: "KubeletConfiguration", change: "added", release: "1.27" },
  enableSystemLogQuery: { kind: "KubeletConfiguration", change: "added", release: "1.27" },
  imageMaximumGCAge: { kind: "KubeletConfiguration", change: "added", release: "1.29" },
  podLogsDir: { kind: "KubeletConfiguration", change: "added", release: "1.30" },
  containerLogMaxWorkers: { kind: "KubeletConfiguration", change: "added", release: "1.30" },
  containerLogMonitorInterval: { kind: "KubeletConfiguration", change: "added", release: "1.30" },
  failCgroupV1: { kind: "KubeletConfiguration", change: "added", release: "1.31" },
  singleProcessOOMKill: { kind: "KubeletConfiguration", change: "added", release: "1.32" },
  imagePullCredentialsVerificationPolicy: { kind: "KubeletConfiguration", change: "added", release: "1.33" },
  preloadedImagesVerificationAllowlist: { kind: "KubeletConfiguration", change: "added", release: "1.33" },
};

/**
 * kubeadm configuration fields by the kubeadm.k8s.io API version that removed or added them, so that a strict
 * decoder's "unknown field" inside a known API version says whether the document was written for an older or a
 * newer schema. From each version's "A list of changes since …" (kubernetes.io/docs/reference/config-api/
 * kubeadm-config.v1beta3/ and .v1beta4/): v1beta3 dropped ClusterConfiguration.dns.type (kubernetes/kubernetes
 * #101547) and useHyperKubeImage; v1beta4 moved apiServer.timeoutForControlPlane and discovery.timeout into
 * Init/JoinConfiguration.timeouts and added encryptionAlgorithm, dns/proxy.disabled, the extraEnvs, imagePullSerial
 * and the certificate validity periods. `kubeadm` is the kubeadm release a field added inside an API version needs
 * (etcd.external.httpEndpoints, kubeadm 1.35). kubeadm warns and goes on without the field.
 */
export const KUBEADM_CONFIG_FIELDS: Record<string, { removedIn?: string; addedIn?: string; kubeadm?: string; instead?: string }> = {
  "dns.type": { removedIn: "v1beta3", instead: "nothing: CoreDNS is the only DNS kubeadm deploys" },
  // v1beta1 renamed v1alpha3's unifiedControlPlaneImage to useHyperKubeImage; v1beta3 dropped it.
  useHyperKubeImage: { addedIn: "v1beta1", removedIn: "v1beta3", instead: "nothing: kubeadm no longer uses the hyperkube image" },
  "apiServer.timeoutForControlPlane": { removedIn: "v1beta4", instead: "timeouts.controlPlaneComponentHealthCheck in InitConfiguration / JoinConfiguration" },
  "discovery.timeout": { removedIn: "v1beta4", instead: "timeouts.discovery in JoinConfiguration" },
  encryptionAlgorithm: { addedIn: "v1beta4" },
  "dns.disabled": { addedIn: "v1beta4" },
  "proxy.disabled": { addedIn: "v1beta4" },
  "apiServer.extraEnvs": { addedIn: "v1beta4" },
  "controllerManager.extraEnvs": { addedIn: "v1beta4" },
  "scheduler.extraEnvs": { addedIn: "v1beta4" },
  "etcd.local.extraEnvs": { addedIn: "v1beta4" },
  "nodeRegistration.imagePullSerial": { addedIn: "v1beta4" },
  certificateValidityPeriod: { addedIn: "v1beta4" },
  caCertificateValidityPeriod: { addedIn: "v1beta4" },
  timeouts: { addedIn: "v1beta4" },
  skipPhases: { addedIn: "v1beta3" },
  "nodeRegistration.imagePullPolicy": { addedIn: "v1beta3" },
  "etcd.external.httpEndpoints": { addedIn: "v1beta4", kubeadm: "1.35" },
};
