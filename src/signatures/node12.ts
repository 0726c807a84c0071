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
    id: "go-k8s-module-build-mismatch",
    title: "A Kubernetes Go module does not compile against the k8s.io versions go.mod selected",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["undefined: ", "has no field or method", "cannot use ", "too many arguments in call", "not enough arguments in call", "does not implement", "assignment mismatch", "but does not contain package"],
    patterns: [
      // The compiler's error inside a Kubernetes module's own source (module cache or vendor tree, / or \).
      String.raw`(?:pkg[\/\\]mod|vendor)[\/\\](?<module>(?:sigs\.)?k8s\.io[\/\\][\w.-]+)(?:@(?<moduleVersion>v\d+\.\d+\.\d+[\w.+-]*))?[\/\\][^\s:]{1,200}?\.go:\d+(?::\d+)?:\s+(?<error>undefined:\s+\S+|[^\n]{1,300}?\bundefined\s+\(type\s+[^\n]{1,300}?\bhas\s+no\s+field\s+or\s+method\s+\w+|cannot\s+use\s|too\s+many\s+arguments\s+in\s+call|not\s+enough\s+arguments\s+in\s+call|assignment\s+mismatch|[^\n]{1,300}?\bdoes\s+not\s+implement\b|module\s+\S+\s+found\s+\([^)\n]*\)\s*,\s*but\s+does\s+not\s+contain\s+package\s+(?<package>\S+))`,
      // Code elsewhere using a symbol a k8s.io package of the selected release lacks (the compiler quotes the path).
      String.raw`\.go:\d+:\d+:\s+undefined:\s+${Q}(?<dependency>(?:sigs\.)?k8s\.io\/[\w.-]+)[\w.\/-]*${Q}\.(?<symbol>\w+)`,
      String.raw`\.go:\d+:\d+:\s+[^\n]{1,300}?\bundefined\s+\(type\s+${Q}(?<dependency>(?:sigs\.)?k8s\.io\/[\w.-]+)[\w.\/-]*${Q}\.\w+\s+has\s+no\s+field\s+or\s+method\s+(?<symbol>\w+)`,
      // The conventional import aliases of client-go and apimachinery packages (controller-runtime's toolscache).
      String.raw`\.go:\d+:\d+:\s+undefined:\s+(?<alias>toolscache|clientgoscheme|clientgocache|apimachineryruntime|utilruntime|metav1|apierrors|controllerutil|ctrlclient)\.(?<symbol>\w+)`,
    ],
    patternGates: [String.raw`k8s\.io`, String.raw`k8s\.io`, String.raw`k8s\.io`, null],
    versions: ["moduleVersion"],
    roles: {
      moduleVersion: "release of the Kubernetes module whose source fails to compile",
      module: "Kubernetes module whose source fails to compile",
      dependency: "k8s.io package that lacks the symbol",
      symbol: "symbol the code needs",
      package: "package the selected module no longer (or not yet) has",
    },
    versionKinds: { moduleVersion: { kind: "component", component: "Go module" } },
    priority: 45,
    meaning:
      "Go compiled a Kubernetes module (controller-runtime, client-go, apimachinery, cluster-api, apiextensions-apiserver…) against the versions of its k8s.io dependencies that go.mod (or the vendor tree) selected, and they do not fit: a symbol it uses is gone or not there yet, or an interface it implements changed. k8s.io/client-go, api and apimachinery move together (v0.N.x is Kubernetes 1.N), and each controller-runtime minor is built for one of them (v0.M for k8s.io v0.(M+12)); a go get that bumps one without the others breaks the build.",
    causes: [
      "go get (or Dependabot) bumped k8s.io/client-go, api or apimachinery past what controller-runtime (or another library) supports, or bumped controller-runtime without them.",
      "A library built for older k8s.io packages (cluster-api v0.3, an operator SDK release) required next to newer ones; or an ancient client-go (v11.0.0+incompatible) picked by the go command next to current k8s.io/api.",
    ],
    fixes: [
      "Align the k8s.io modules (client-go, api, apimachinery, apiextensions-apiserver at the same v0.N.x) with the controller-runtime release built for them (its go.mod shows them), e.g. controller-runtime v0.19 with k8s.io v0.31.",
      "Or move controller-runtime (or the library) to the release that supports the k8s.io version you need; `go mod graph | grep k8s.io/client-go` shows who asks for what.",
    ],
    references: ["https://github.com/kubernetes-sigs/controller-runtime#compatibility", "https://github.com/kubernetes-sigs/controller-runtime/issues/2925"],
    examples: [
      {
        // kubernetes-sigs/controller-runtime#2925 (v0.18.5 with client-go v0.31.0)
        line: String.raw`/home/john/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.18.5/pkg/client/fake/client.go:858:29: cannot use c.tracker (variable of type versionedTracker) as "k8s.io/client-go/testing".ObjectTracker value in argument to dryPatch: versionedTracker does not implement "k8s.io/client-go/testing".ObjectTracker (wrong type for method Create)`,
        captures: { module: "sigs.k8s.io/controller-runtime", moduleVersion: "v0.18.5" },
      },
      {
        // kubernetes-sigs/kubebuilder#566 (dep without the overrides controller-runtime v0.1.9 needs)
        line: "vendor/k8s.io/apiextensions-apiserver/pkg/features/kube_features.go:46:32: feature.DefaultFeatureGate.Add undefined (type feature.FeatureGate has no field or method Add)",
        captures: { module: "k8s.io/apiextensions-apiserver" },
      },
      {
        // openshift/client-go#93 (master needing a newer apimachinery than vendored)
        line: String.raw`/go/src/github.com/openshift/client-go/route/clientset/versioned/scheme/register.go:39:2: undefined: "k8s.io/apimachinery/pkg/util/runtime".Must`,
        captures: { dependency: "k8s.io/apimachinery", symbol: "Must" },
      },
    ],
    nearMisses: [
      // The project's own code: nothing says a Kubernetes module is involved.
      "./main.go:12:2: undefined: foo",
      // A reflector's klog location in the module cache, not a compile error.
      "E1019 14:16:15.443229       1 reflector.go:383] pkg/mod/k8s.io/client-go@v0.18.6/tools/cache/reflector.go:125: Failed to watch *v1.Pod: unknown (get pods)",
      // A linter's finding in vendored code.
      "vendor/k8s.io/client-go/rest/config.go:12:2: SA1019: package io/ioutil is deprecated",
    ],
  },
  {
    id: "client-go-aggregated-discovery-panic",
    title: "client-go v0.26.0–v0.26.3 panics on aggregated discovery from a 1.27+ apiserver",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["aggregated_discovery.go", "discovery.convertAPIResource"],
    patterns: [
      String.raw`k8s\.io[\/\\]client-go(?:@(?<clientGo>v\d+\.\d+\.\d+[\w.+-]*))?[\/\\]discovery[\/\\]aggregated_discovery\.go:\d+`,
      String.raw`k8s\.io\/client-go\/discovery\.convertAPIResource\(`,
    ],
    versions: ["clientGo"],
    roles: { clientGo: "client-go release compiled into the program" },
    versionKinds: { clientGo: { kind: "component", component: "client-go" } },
    priority: 50,
    meaning:
      "Aggregated discovery (alpha in 1.26, on by default from 1.27) hands the client a nil group/version/kind for resources of aggregated API servers with malformed discovery (custom and external metrics adapters); client-go v0.26.0–v0.26.3 dereferences it and the program panics in discovery.convertAPIResource. Built with an older client-go, the tool meets a newer apiserver than it was tested with.",
    causes: [
      "A tool, operator or CLI (Helm 3.11, MetalLB 0.13.9, sonobuoy, ceph-csi, event exporters) built with client-go v0.26.0–v0.26.3 against a 1.27+ cluster that runs a metrics adapter (prometheus-adapter, KEDA).",
    ],
    fixes: [
      "Upgrade the program to a release built with client-go v0.26.4 or later (Helm 3.12.2+, the project's next release), or rebuild it with client-go ≥ v0.26.4.",
      "Until then: fix or remove the aggregated API server with malformed discovery (`kubectl get apiservices` shows them), or upgrade the cluster to a patch release whose apiserver fills in responseKind (kubernetes/kubernetes#119835).",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/119840", "https://github.com/kubernetes/kubernetes/pull/116603"],
    examples: [
      // kubernetes/kubernetes#119840 (the stack of the panic)
      { line: "        k8s.io/client-go@v0.26.0/discovery/aggregated_discovery.go:88", captures: { clientGo: "v0.26.0" } },
      { line: "\t/go/src/github.com/ceph/ceph-csi/vendor/k8s.io/client-go/discovery/aggregated_discovery.go:88" },
      { line: "k8s.io/client-go/discovery.convertAPIResource(...)" },
    ],
    nearMisses: ["k8s.io/client-go@v0.26.0/discovery/discovery_client.go:310 +0x47c", "panic: runtime error: invalid memory address or nil pointer dereference"],
  },
  {
    id: "etcd-manager-etcd-version-not-bundled",
    title: "etcd-manager (kOps) image does not ship the cluster's etcd version",
    family: "distributions",
    severity: "error",
    flake: true,
    anchors: ["unknown etcd version"],
    patterns: [
      String.raw`unknown\s+etcd\s+version\s+(?<etcd>v?\d+\.\d+\.\d+[\w.-]*?)\s*:\s*not\s+found\s+in\s+\[`,
      // etcd-manager's controller will not lead a cluster at a version it does not bundle (kubernetes/kops#6756).
      String.raw`can.t\s+act\s+as\s+leader\s+for\s+unknown\s+etcd\s+version\s+${Q}(?<etcd>v?\d+\.\d+\.\d+[\w.-]*?)${Q}`,
    ],
    versions: ["etcd"],
    roles: { etcd: "etcd version the cluster records" },
    versionKinds: { etcd: { kind: "component", component: "etcd" } },
    priority: 50,
    meaning:
      "etcd-manager (kOps' etcd supervisor) runs the cluster at the etcd version recorded in its state, with the etcd binaries bundled in its own image; that image does not ship the recorded version (kOps 1.22.3's etcd-manager replaced etcd 3.5.0 with 3.5.1), so it cannot start etcd. The etcd-manager image and the cluster's etcd version come from different kOps releases.",
    causes: ["A kOps upgrade (or an etcd-manager image override) whose etcd-manager no longer bundles the etcd version in the cluster spec or in etcd-manager's recorded state."],
    fixes: [
      "Set etcdClusters[].version to a version the new etcd-manager bundles (e.g. 3.5.1 instead of 3.5.0) and roll the control plane, or keep the etcd-manager image of the kOps release that wrote the version.",
    ],
    references: ["https://github.com/kubernetes/kops/issues/13118"],
    examples: [
      {
        // kubernetes/kops#13118 (kOps 1.22.3's etcd-manager without etcd 3.5.0)
        line: "2022-01-25T11:07:36.069587099Z stdout F W0125 11:07:36.069491    3574 etcdserver.go:118] error running etcd: unknown etcd version v3.5.0: not found in [/opt/etcd-v3.5.0-linux-amd64]",
        captures: { etcd: "v3.5.0" },
      },
      {
        // kubernetes/kops#6756 (kops 1.12's etcd-manager bundled etcd up to 3.2.24)
        line: String.raw`W0408 19:27:44.357939    6785 controller.go:149] unexpected error running etcd cluster reconciliation loop: can't act as leader for unknown etcd version "3.2.26"`,
        captures: { etcd: "3.2.26" },
      },
    ],
  },
  {
    id: "krew-too-old-for-index",
    title: "krew older than the plugin index's manifest format",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["have a plugin without specifying file operations"],
    patterns: [
      String.raw`(?:failed\s+to\s+load\s+plugin\s+${Q}(?<plugin>[\w-]+)${Q}\s+from\s+the\s+index\s*:[^\n]{0,800}?)?can.t\s+have\s+a\s+plugin\s+without\s+specifying\s+file\s+operations`,
    ],
    versions: [],
    roles: { plugin: "plugin whose index manifest this krew cannot read" },
    priority: 50,
    meaning:
      "The krew-index made a platform's `files` list optional (krew v0.3.2 and later default it); krew v0.2.x and older still require it and refuse every manifest written the new way. The krew on the machine is older than the plugin index it reads.",
    causes: ["A krew v0.2.x installed long ago (it predates krew's own upgrade warning) reading the current krew-index."],
    fixes: ["Upgrade krew (`kubectl krew upgrade krew`, or reinstall it with the current install script), then install the plugin again."],
    references: ["https://github.com/kubernetes-sigs/krew-index/issues/510", "https://github.com/ahmetb/kubectl-tree/issues/41"],
    examples: [
      {
        // kubepug/kubepug#64 (krew too old for the deprecations plugin's manifest)
        line: String.raw`F0429 16:49:52.796455   13476 root.go:52] failed to load plugin "deprecations" from the index: platform ({Head: URI:https://github.com/rikatz/kubepug/releases/download/v0.2.6/kubepug_darwin_amd64.tar.gz Sha256:d583c80786e1c0c67aa65b8824680ae5f3f229cf80c5d9c52a5efc0a20a494e0 Selector:&LabelSelector{MatchLabels:map[string]string{arch: amd64,os: darwin,},MatchExpressions:[],} Files:[] Bin:kubepug}) is badly constructed: can't have a plugin without specifying file operations`,
        captures: { plugin: "deprecations" },
      },
    ],
    nearMisses: [String.raw`F1106 09:56:43.917989   62690 root.go:58] failed to load plugin "access_matrix" from the index: open /Users/mgarda/.krew/index/plugins/access_matrix.yaml: no such file or directory`],
  },
  {
    id: "containerd-shim-task-api-mismatch",
    title: "ctr (or containerd) and the runtime shim speak different task API versions",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["service containerd.task.v"],
    patterns: [String.raw`code\s*=\s*(?<code>NotFound|Unimplemented)\s+desc\s*=\s*(?:unknown\s+)?service\s+containerd\.task\.(?<taskApi>v\d+)\.Task\b`],
    versions: [],
    roles: { taskApi: "task API version asked of the shim" },
    priority: 50,
    meaning:
      "The client asked the shim's ttrpc socket for a task API version the shim does not serve: runtime v1 shims (containerd-shim for io.containerd.runtime.v1.linux) serve no containerd.task.v2, and containerd 2.x's ctr asks for containerd.task.v3, which shims of containerd 1.x do not have. The ctr (or containerd) and the shim behind the container come from different containerd releases or runtime generations.",
    causes: [
      "`ctr shim` of containerd 1.2+ used on a container started with the v1 runtime (io.containerd.runtime.v1.linux).",
      "ctr of containerd 2.x against shims of containerd 1.x (or a shim started before an upgrade), which lack task v3.",
    ],
    fixes: [
      "Use the ctr of the containerd release that started the shim; with containerd 2.x pass `ctr shim --api-version 2` for shims of 1.x.",
      "Move containers off the v1 runtime (io.containerd.runc.v2) so that ctr's task v2/v3 calls reach a shim that serves them.",
    ],
    references: ["https://github.com/containerd/containerd/issues/2739", "https://github.com/containerd/containerd/pull/10560"],
    examples: [
      // containerd/containerd#2739 (ctr shim against a runtime v1 shim), containerd/containerd#10164 (ctr before task v3)
      { line: "ctr: rpc error: code = NotFound desc = service containerd.task.v2.Task", captures: { taskApi: "v2", code: "NotFound" } },
      { line: "ctr: rpc error: code = Unimplemented desc = service containerd.task.v2.Task", captures: { taskApi: "v2", code: "Unimplemented" } },
    ],
    nearMisses: ['level=info msg="loading plugin \\"io.containerd.runtime.v2.task\\"..." type=io.containerd.runtime.v2', "grpc: registered service containerd.task.v2.Task"],
  },
  {
    id: "etcd2-refuses-v3-data",
    title: "etcd 2.x started on a data directory etcd 3.x has written (a downgrade)",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["cannot be disabled once it is enabled"],
    patterns: [String.raw`experimental-v3demo\s+cannot\s+be\s+disabled\s+once\s+it\s+is\s+enabled`],
    versions: [],
    priority: 50,
    meaning:
      "etcd 2.3 refuses a data directory that holds a v3 backend, which etcd 3.x always writes (and etcd 2.3 only with --experimental-v3demo): an etcd 3.x member was downgraded to 2.x, which etcd does not support across minors.",
    causes: ["A rollback of an etcd member (or an etcd image) from 3.x to 2.x on the same data directory, e.g. after a failed rolling upgrade of a mixed 2.3/3.0 cluster."],
    fixes: ["Run the member with the etcd 3.x it was upgraded to; to go back to 2.x, restore the cluster from a backup taken before the upgrade instead of reusing the data directory."],
    references: ["https://github.com/etcd-io/etcd/issues/6883", "https://etcd.io/docs/v3.5/upgrades/"],
    examples: [
      // etcd-io/etcd#6883 (a 3.0.15 member downgraded to 2.3.7)
      { line: "etcd[3645]: experimental-v3demo cannot be disabled once it is enabled" },
    ],
    nearMisses: ["etcd[13529]: the local etcd version 2.3.7 is not up-to-date", "etcd[13529]: member 632c48c9b3985929 has a higher version 3.0.15"],
  },
  {
    id: "containers-storage-option-unknown",
    title: "storage.conf option unknown to the containers/storage in CRI-O, Podman or Buildah",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["nknown option "],
    patterns: [
      // containers/storage graph drivers parse the [storage.options] keys ("overlay.<key>", ".<key>" for the driver
      // in use, "<key>" bare) and refuse one they do not know.
      String.raw`(?:(?<prefix>overlay2?|zfs|btrfs|vfs|devicemapper|dm|aufs)\s*:\s*)?[Uu]nknown\s+option\s+(?<option>(?<driver>overlay2?|zfs|btrfs|vfs|devicemapper|dm|aufs)?\.?(?<key>[a-z][a-z_]+))\b`,
    ],
    gate: String.raw`crio|podman|buildah|storage|overlay|zfs|btrfs|mount|skip_|ignore_|force_`,
    versions: [],
    roles: { option: "storage option the binary refused", key: "option name" },
    priority: 40,
    meaning:
      "containers/storage (vendored in CRI-O, Podman, Buildah, Skopeo) refused an option from storage.conf: an option added in a newer containers/storage than the one the binary vendors (skip_mount_home, ignore_chown_errors, force_mask, use_composefs), shipped by a storage.conf package newer than the runtime; or an option of one driver given to another.",
    causes: [
      "A containers-common / storage.conf package upgraded past the CRI-O or Podman that reads it (Kubic/OBS snapshots, mixed repositories).",
      "A template that writes [storage.options.overlay] keys while the runtime uses another driver (zfs, btrfs, vfs).",
    ],
    fixes: [
      "Use the storage.conf shipped with the runtime's release (or remove the option), or upgrade CRI-O/Podman to a release whose containers/storage knows it.",
      "For a driver mismatch: write the options under the driver in use, or set driver = \"overlay\".",
    ],
    references: ["https://github.com/cri-o/cri-o/issues/2056", "https://github.com/containers/storage/blob/main/docs/containers-storage.conf.5.md"],
    examples: [
      {
        // cri-o/cri-o#2056 (a Kubic storage.conf newer than CRI-O 1.13's vendored containers/storage)
        line: '2019-02-06T00:00:07.512292+00:00 kube-master crio[27469]: time="2019-02-06 00:00:07.511695552Z" level=fatal msg="Unknown option .skip_mount_home"',
        captures: { key: "skip_mount_home" },
      },
    ],
    nearMisses: [
      // kubernetes-sigs/kubespray#9898: an overlay option written while CRI-O uses zfs, whatever the release.
      'Mar 17 12:42:06 fs6 crio[1695519]: time="2023-03-17 12:42:06.297820199+01:00" level=fatal msg="validating root config: failed to get store to set defaults: unknown option overlay.mountopt"',
    ],
  },
  {
    id: "go-toolchain-too-old-for-k8s",
    title: "Go toolchain older than the Kubernetes release (or k8s.io module) it builds",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["(running go", "Kubernetes requires go", "note: module requires Go"],
    patterns: [
      // The go command (1.21+) refusing a k8s.io module whose go directive is newer than the running toolchain.
      String.raw`go:\s+(?<module>(?:sigs\.)?k8s\.io\/[\w.\/-]+)@(?<moduleVersion>v[\w.+-]+)\s+requires\s+go\s*>=\s*(?<required>\d+\.\d+(?:\.\d+)?)\s*\(running\s+go\s*(?<running>\d+\.\d+(?:\.\d+)?)`,
      // kubernetes/kubernetes hack/lib/golang.sh: the build's own floor ("Kubernetes requires go1.13.4 or greater.").
      String.raw`Kubernetes\s+requires\s+go(?<required>\d+\.\d+(?:\.\d+)?)\s+or\s+greater`,
      // Go before 1.21, after compile errors in a module whose go directive is newer.
      String.raw`note:\s+module\s+requires\s+Go\s+(?<required>\d+\.\d+(?:\.\d+)?)`,
    ],
    versions: ["required", "running"],
    roles: {
      required: "Go release the module or Kubernetes build requires",
      running: "Go toolchain that ran",
      module: "module that needs the newer Go",
      moduleVersion: "release of that module",
    },
    versionKinds: { required: { kind: "component", component: "Go" }, running: { kind: "component", component: "Go" }, moduleVersion: { kind: "component", component: "Go module" } },
    priority: 50,
    meaning:
      "Each Kubernetes minor raises the Go release it builds with, and its k8s.io modules (client-go, api, apimachinery v0.N) declare it in their go directive: k8s.io v0.29 needs Go 1.21, v0.30 Go 1.22, v0.32 Go 1.23, v0.33 Go 1.24. The CI image's Go is older than the Kubernetes release or module the job builds (a dependency bump, or a build image not updated with the Kubernetes branch).",
    causes: [
      "Dependabot or go get raised k8s.io/* to a release whose go directive is newer than the CI image's Go (with GOTOOLCHAIN=local the go command will not download a newer toolchain).",
      "Building kubernetes/kubernetes (or a fork) of a newer branch with the Go of an older branch's build image.",
    ],
    fixes: [
      "Raise the Go of the CI image (actions/setup-go go-version-file: go.mod) to the release the module requires, or allow GOTOOLCHAIN=auto.",
      "Or keep the k8s.io modules at the release the current Go can build (e.g. v0.32.x for Go 1.23).",
    ],
    references: ["https://go.dev/doc/toolchain", "https://github.com/kubernetes/kubernetes/blob/master/hack/lib/golang.sh"],
    examples: [
      {
        // redpanda-data/redpanda-operator#824 (apimachinery v0.33.0 with Go 1.23.8)
        line: "go: k8s.io/apimachinery@v0.33.0 requires go >= 1.24.0 (running go 1.23.8)",
        captures: { module: "k8s.io/apimachinery", moduleVersion: "v0.33.0", required: "1.24.0", running: "1.23.8" },
      },
      // theopenlab/openlab-zuul-jobs#706 (a Kubernetes 1.17 checkout built with Go 1.12.4)
      { line: "Kubernetes requires go1.13.4 or greater.", captures: { required: "1.13.4" } },
      // kubernetes/sample-controller#70 (apimachinery of 1.18 built with Go 1.11)
      { line: "note: module requires Go 1.13", captures: { required: "1.13" } },
    ],
    nearMisses: [
      // GOTOOLCHAIN=auto: the go command fetches the newer toolchain and goes on (stackrox/stackrox#11088).
      "go: k8s.io/api@v0.30.0 requires go >= 1.22.0; switching to go1.22.3",
      "Detected go version: go version go1.8.5 linux/amd64.",
    ],
  },
  {
    id: "kubelet-eviction-signal-unknown",
    title: "kubelet given an eviction signal its release does not have",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["unsupported eviction signal"],
    patterns: [String.raw`unsupported\s+eviction\s+signal\s+(?<signal>[A-Za-z]+\.[A-Za-z]+)`],
    versions: [],
    roles: { signal: "eviction signal in --eviction-hard / evictionHard" },
    priority: 50,
    meaning:
      "The kubelet parses --eviction-hard, --eviction-soft and evictionHard/evictionSoft against the signals its release knows: memory.available since 1.3, nodefs.* and imagefs.* since 1.4, containerfs.* since 1.31. A signal it does not know stops it: the flags were written for a newer kubelet (or the signal is misspelt).",
    causes: ["A node configuration written for a newer kubelet (nodefs.available from 1.4 on) applied to an older one, e.g. after downgrading the control plane or nodes."],
    fixes: ["Drop the signal for this kubelet release (or upgrade the kubelet to the release the configuration was written for)."],
    references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/", "https://github.com/kubernetes/kubernetes/issues/32337"],
    examples: [
      {
        // kubernetes/kubernetes#32337 (1.4 eviction flags on a kubelet downgraded to 1.3.6)
        line: "Sep 08 18:02:50 kubernetes-master kubelet[1335]: E0908 18:02:50.767150    1335 server.go:309] Failed running kubelet: unsupported eviction signal nodefs.available",
        captures: { signal: "nodefs.available" },
      },
    ],
  },
  {
    id: "kubelet-config-field-needs-gate",
    title: "KubeletConfiguration sets a field whose feature gate this kubelet has off",
    family: "feature-gates",
    severity: "warning",
    flake: true,
    anchors: ["invalid configuration: FeatureGate ", "feature gate is not enabled"],
    patterns: [
      // pkg/kubelet/apis/config/validation: "invalid configuration: FeatureGate %s not enabled, %s must not be set".
      String.raw`invalid\s+configuration\s*:\s*FeatureGate\s+(?<gate>[A-Z]\w+)\s+not\s+enabled\s*,\s*(?<field>[\w.]+)\s+must\s+not\s+be\s+set`,
      String.raw`\x60?(?<field>[a-z]\w+)\x60?\s+must\s+not\s+be\s+set\s+if\s+(?<gate>[A-Z]\w+)\s+feature\s+gate\s+is\s+not\s+enabled`,
    ],
    versions: [],
    roles: { gate: "feature gate the field depends on", field: "KubeletConfiguration field that is set" },
    priority: 50,
    meaning:
      "The kubelet validates its configuration against its feature gates: a field that belongs to a feature behind a gate must stay unset while the gate is off. A KubeletConfiguration generated for a newer kubelet (where the gate is beta and on by default) sets such fields, and the older kubelet, whose gate is still off, refuses to start; or the gate was simply not enabled.",
    causes: [
      "A tool (Kamaji, a node bootstrapper) that writes the KubeletConfiguration of the newest Kubernetes release for kubelets of older releases.",
      "An alpha field set without --feature-gates=<gate>=true.",
    ],
    fixes: ["Leave the field unset for kubelets whose release has the gate off, or enable the gate (featureGates in the KubeletConfiguration) where the release allows it."],
    references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/"],
    examples: [
      {
        // The kubelet's validation format strings (pkg/kubelet/apis/config/validation).
        line: 'E0119 13:38:29.050323    1067 run.go:72] "command failed" err="failed to validate kubelet configuration, error: [invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set]"',
        captures: { gate: "KubeletCrashLoopBackOffMax", field: "CrashLoopBackOff.MaxContainerRestartPeriod" },
      },
    ],
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
