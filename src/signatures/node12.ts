import type { Signature } from "../model.js";

// Node, runtime and control-plane rules of the sixth tuning session: the kubelet's Docker floor, kubelet and apiserver flags whose meaning a release changed, admission
// plugins by release, etcdctl commands a release removed, kubeadm's component-config API versions. Their
// reasoning lives in src/diagnose/area-node12.ts. Real lines and near-misses: test/fixtures/real-world/lines-12node.jsonl.

const Q = String.raw`\\?"?`;

export const node12Signatures: Signature[] = [
  {
    id: "kubelet-docker-api-too-old",
    title: "Docker Engine older than the kubelet's minimum Docker API",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["docker API version is older than", "runtime version is older than"],
    patterns: [
      // dockershim (kubelet 1.6–1.23, cri-dockerd, k3s --docker): checkVersionCompatibility.
      String.raw`docker\s+API\s+version\s+is\s+older\s+than\s+(?<minimum>\d+\.\d+(?:\.\d+)?)`,
      // kubelet 1.3–1.5 dockertools: the runtime sanity check of the Docker API version.
      String.raw`[Cc]ontainer\s+runtime\s+version\s+is\s+older\s+than\s+(?<minimum>\d+\.\d+(?:\.\d+)?)`,
    ],
    versions: ["minimum"],
    roles: { minimum: "lowest Docker API version this kubelet accepts" },
    versionKinds: { minimum: "docker-api" },
    priority: 50,
    meaning:
      "The kubelet (its dockershim, or cri-dockerd and k3s's --docker mode, which carry the same check) asked the Docker daemon for its API version and found it below the floor that kubelet release requires (Docker API 1.21 for kubelet 1.3–1.5, 1.22 for 1.6–1.7, 1.26 from kubelet 1.8 up to 1.23's dockershim): the node's Docker Engine is older than the Kubernetes release.",
    causes: [
      "A distribution's old Docker package (Docker 1.12/1.13 on CentOS 7 or Ubuntu 16.04, API 1.24/1.26) under a newer kubelet or k3s.",
      "A CI image or node image that kept an old docker while the kubelet was upgraded.",
    ],
    fixes: [
      "Upgrade Docker Engine on the node to a release the kubelet's changelog validates (Docker 17.03+ for API 1.26), or run containerd/CRI-O instead of Docker.",
      "Or keep the kubelet (k3s) at a release whose dockershim still accepts the installed Docker.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/43057", "https://docs.docker.com/reference/api/engine/#api-version-matrix"],
    examples: [
      {
        // k3s-io/k3s#483 (k3s 0.4.0 --docker, Docker 1.12.6 with API 1.24)
        line: "failed to run Kubelet: failed to create kubelet: docker API version is older than 1.26.0",
        captures: { minimum: "1.26.0" },
      },
      {
        // kubernetes-retired/kube-mesos-framework#43 (kubelet 1.3 in an old Docker)
        line: "E1015 00:52:58.565074     196 kubelet.go:2651] Container runtime sanity check failed: container runtime version is older than 1.21",
        captures: { minimum: "1.21" },
      },
    ],
    nearMisses: [
      "I1015 00:52:58.545079     196 kubelet.go:2261] skipping pod synchronization - [container runtime is down]",
      // kubeadm's preflight warning about a Docker newer than validated: the other direction, and it goes on.
      "[WARNING SystemVerification]: this Docker version is not on the list of validated versions: 20.10.7. Latest validated version: 19.03",
    ],
  },
  {
    id: "kubelet-dynamic-config-gate-off",
    title: "kubelet given --dynamic-config-dir after DynamicKubeletConfig was turned off (1.22+)",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["feature gate must be enabled in order to use the --dynamic-config-dir flag"],
    patterns: [String.raw`the\s+DynamicKubeletConfig\s+feature\s+gate\s+must\s+be\s+enabled\s+in\s+order\s+to\s+use\s+the\s+--dynamic-config-dir\s+flag`],
    versions: [],
    priority: 55,
    meaning:
      "Dynamic kubelet configuration was deprecated in Kubernetes 1.22, where its DynamicKubeletConfig gate became false by default; a kubelet that is still passed --dynamic-config-dir then refuses to start (and from 1.24 the flag is gone altogether). The kubelet's command line was written for 1.21 or older.",
    causes: [
      "An installer or OS (Talos before its 1.22 support, kubeadm-flags.env, a systemd drop-in) that still passes --dynamic-config-dir to a 1.22 or 1.23 kubelet.",
    ],
    fixes: [
      "Drop --dynamic-config-dir from the kubelet's arguments and manage the KubeletConfiguration file instead (DynamicKubeletConfig is removed in 1.24).",
      "As a stop-gap on 1.22/1.23 only, set --feature-gates=DynamicKubeletConfig=true.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/102966", "https://github.com/siderolabs/talos/issues/3967"],
    examples: [
      {
        // siderolabs/talos#3967 (Talos passing the flag to kubelet 1.22)
        line: String.raw`"Failed to validate kubelet flags" err="the DynamicKubeletConfig feature gate must be enabled in order to use the --dynamic-config-dir flag"`,
      },
    ],
    nearMisses: [
      // The deprecation warning of the same kubelet: printed, and the kubelet carries on.
      "Flag --dynamic-config-dir has been deprecated, Feature DynamicKubeletConfig is deprecated in 1.22 and will not move to GA. It is planned to be removed from Kubernetes in the version 1.23. Please use alternative ways to update kubelet configuration.",
    ],
  },
  {
    id: "apiserver-service-account-issuer-required",
    title: "kube-apiserver 1.20+ started without --service-account-issuer / --service-account-signing-key-file",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["service-account-issuer is a requ", "--service-account-issuer are required flags"],
    patterns: [
      String.raw`service-account-issuer\s+is\s+a\s+requ(?:ired\s+flag(?<when>\s+when\s+BoundServiceAccountTokenVolume\s+is\s+enabled)?)?`,
      String.raw`--service-account-signing-key-file\s+and\s+--service-account-issuer\s+are\s+required\s+flags`,
    ],
    versions: [],
    priority: 55,
    meaning:
      "TokenRequest went GA in Kubernetes 1.20, and kube-apiserver 1.20 and later refuse to start without --service-account-issuer and --service-account-signing-key-file (both optional before). The apiserver's unit or manifest was written for 1.19 or older (Kubernetes the hard way, books and courses of that era) and the binary is 1.20+.",
    causes: [
      "A systemd unit, static-pod manifest or script written for kube-apiserver ≤ 1.19 run with a 1.20+ binary.",
    ],
    fixes: [
      "Add --service-account-issuer (a stable URL such as https://kubernetes.default.svc.cluster.local) and --service-account-signing-key-file (the private key whose public half is in --service-account-key-file, the controller-manager's --service-account-private-key-file) to the apiserver.",
      "Or run the apiserver release the unit was written for.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/95896", "https://github.com/kelseyhightower/kubernetes-the-hard-way/issues/626"],
    examples: [
      {
        // kelseyhightower/kubernetes-the-hard-way#626 (the guide's 1.18 unit with kube-apiserver 1.20.1)
        line: "kube-apiserver[54618]: Error: [service-account-issuer is a required flag, --service-account-signing-key-file and --service-account-issuer are required flags]",
      },
      {
        // kubeguide/K8sDefinitiveGuide-V6-A-corrigendum#6 (a book's unit for 1.19), wrapped by the terminal
        line: 'Jul 15 11:32:09 localhost kube-apiserver[12617]: E0715 11:32:09.976216     12617 run.go:74] "command failed" err="[service-account-issuer is a requ',
      },
    ],
    nearMisses: [
      // The flags given in part: a configuration to complete, whatever the release.
      "--service-account-signing-key-file, --service-account-issuer, and --api-audiences should be specified together",
      "Flag --insecure-port has been deprecated, This flag has no effect now and will be removed in v1.24.",
    ],
  },
  {
    id: "apiserver-admission-plugin-unknown",
    title: "kube-apiserver asked for an admission plugin its release does not have",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["nknown admission plugin", "-admission-plugins plugin"],
    patterns: [
      // kube-apiserver 1.6–1.9 (admission.NewFromPlugins) and later (k8s.io/apiserver admission options).
      String.raw`[Uu]nknown\s+admission\s+plugin\s*:?\s+${Q}(?<plugin>[A-Z][A-Za-z]+)`,
      String.raw`(?<option>enable|disable)-admission-plugins\s+plugin\s+${Q}(?<plugin>[A-Z][A-Za-z]+)${Q}\s+is\s+unknown`,
    ],
    versions: [],
    roles: { plugin: "admission plugin named in --enable-admission-plugins / --admission-control" },
    priority: 55,
    meaning:
      "kube-apiserver refused to start because --enable-admission-plugins (or the older --admission-control) names a plugin its release does not have: one removed in a later release (PodSecurityPolicy in 1.25, SecurityContextDeny in 1.30, PodPreset in 1.20, Initializers in 1.14) or one added after it (PodSecurity in 1.22, Initializers in 1.7).",
    causes: [
      "An apiserver manifest, unit or installer template written for an older release kept a plugin the upgraded apiserver removed.",
      "A manifest written for a newer release names a plugin the (older) apiserver does not have yet.",
    ],
    fixes: [
      "Remove the plugin from --enable-admission-plugins for the release that runs (PodSecurityPolicy → Pod Security Admission; PodPreset → a mutating webhook), or add it only from the release that has it.",
    ],
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/"],
    examples: [
      {
        // kubernetes/kubernetes#46987 (the charm adding Initializers for a 1.6 apiserver)
        line: "failed to initialize admission: Unknown admission plugin: Initializers",
        captures: { plugin: "Initializers" },
      },
      {
        line: String.raw`E0922 10:00:00.000000       1 run.go:74] "command failed" err="enable-admission-plugins plugin \"PodSecurityPolicy\" is unknown"`,
        captures: { plugin: "PodSecurityPolicy", option: "enable" },
      },
    ],
    nearMisses: ["W0922 10:00:00.000000       1 admission.go:80] PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+", "Error: plugin \"diff\" is unknown"],
  },
  {
    id: "etcdctl-command-removed",
    title: "etcdctl command removed (or moved to etcdutl) in the etcdctl that ran",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["etcdctl"],
    patterns: [
      // etcdctl 3.5 removed `migrate` (v2 → v3 store); etcdctl 3.6 removed the offline snapshot commands (now etcdutl).
      String.raw`unknown\s+command\s+${Q}(?<command>migrate|restore|status|check-perf-v2)${Q}\s+for\s+${Q}etcdctl(?<sub>\s+snapshot)?${Q}`,
    ],
    versions: [],
    roles: { command: "etcdctl command the script runs" },
    priority: 50,
    meaning:
      "etcdctl 3.5 removed `etcdctl migrate` (the v2-to-v3 store migration, gone with the v2 API), and etcdctl 3.6 removed the offline commands `snapshot restore`, `snapshot status` and `defrag --data-dir` in favour of etcdutl (deprecated in 3.5). A backup, restore or migration script written for an older etcdctl ran with a newer one.",
    causes: ["A restore runbook or CI script written for etcdctl ≤ 3.5 (`etcdctl snapshot restore`) run with etcdctl 3.6, or a v2 migration (`etcdctl migrate`) run with etcdctl 3.5+."],
    fixes: [
      "Use etcdutl for the offline commands (`etcdutl snapshot restore`, `etcdutl snapshot status`), shipped with etcd 3.5+.",
      "For `migrate`: run it with etcdctl 3.4 (ETCDCTL_API=3) before upgrading etcd past 3.4.",
    ],
    references: ["https://etcd.io/docs/v3.5/upgrades/upgrade_3_5/", "https://github.com/etcd-io/etcd/issues/14058"],
    examples: [
      // etcd-io/etcd#14058 (etcdctl 3.5.1)
      { line: String.raw`Error: unknown command "migrate" for "etcdctl"`, captures: { command: "migrate" } },
      { line: String.raw`Error: unknown command "restore" for "etcdctl snapshot"`, captures: { command: "restore", sub: "snapshot" } },
    ],
    nearMisses: [String.raw`Error: unknown command "restore" for "velero"`, String.raw`Error: unknown command "status" for "etcdctl"`],
  },
  {
    id: "kubeadm-component-config-api-unsupported",
    title: "kubeadm given a component configuration (KubeletConfiguration, KubeProxyConfiguration) of an API version it does not read",
    family: "kubeadm",
    severity: "error",
    flake: true,
    anchors: ["you may have to do manual conversion to"],
    patterns: [
      String.raw`unsupported\s+apiVersion\s+${Q}(?<asked>[a-z][\w.-]*\.k8s\.io\/v\d+(?:alpha\d+|beta\d+)?)${Q}\s*,\s*you\s+may\s+have\s+to\s+do\s+manual\s+conversion\s+to\s+${Q}(?<supported>[a-z][\w.-]*\.k8s\.io\/v\d+(?:alpha\d+|beta\d+)?)`,
    ],
    versions: ["asked", "supported"],
    roles: { asked: "component config API version in the file", supported: "API version this kubeadm reads" },
    versionKinds: { asked: "api-version", supported: "api-version" },
    priority: 55,
    meaning:
      "kubeadm reads the kubelet's and kube-proxy's component configurations (KubeletConfiguration, KubeProxyConfiguration documents in its config) in one API version each, and refuses another: a file written for another kubeadm release, or an API version that never existed.",
    causes: ["A kubeadm config carrying a component configuration of an API version this kubeadm does not read (newer or older than it, or misspelt)."],
    fixes: ["Write the document in the API version kubeadm names (kubelet.config.k8s.io/v1beta1, kubeproxy.config.k8s.io/v1alpha1), converting its fields by hand."],
    references: ["https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/"],
    examples: [
      {
        line: String.raw`unsupported apiVersion "kubeproxy.config.k8s.io/v1alpha2", you may have to do manual conversion to "kubeproxy.config.k8s.io/v1alpha1" and run kubeadm again`,
        captures: { asked: "kubeproxy.config.k8s.io/v1alpha2", supported: "kubeproxy.config.k8s.io/v1alpha1" },
      },
    ],
  },
];
