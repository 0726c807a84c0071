import type { Signature } from "../model.js";

// Rules of the eighth tuning session (area: core). Their reasoning lives in src/diagnose/area-core14.ts; real lines
// and near-misses in test/fixtures/real-world/lines-14core.jsonl.

// A kubeadm extraArgs field as Go's decoder names it: "APIServer.extraArgs" (older Go), or with the JSON path
// ("APIServer.apiServer.extraArgs", "LocalEtcd.etcd.local.extraArgs", "NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs").
const EXTRA_ARGS_FIELD = String.raw`(?<field>[A-Z]\w*(?:\.\w+)*?\.(?:extraArgs|kubeletExtraArgs))`;
// The two shapes: v1beta4's []Arg (kubeadm 1.31+) and the map[string]string of every earlier version. Without the
// GroupVersionKind, the []Arg's package is the API version decoded into; Cluster API's own v1beta2 types also have an
// []Arg, in package v1beta2, so there only v1beta4 and later are kubeadm's.
const EXTRA_ARGS_TYPE = String.raw`(?<want>\[\]v1beta\d+\.Arg|map\[string\]string)`;
const EXTRA_ARGS_TYPE_BARE = String.raw`(?<want>\[\](?<configVersion>v1beta(?:[4-9]|\d{2,}))\.Arg|map\[string\]string)`;

export const core14Signatures: Signature[] = [
  {
    id: "kubeadm-extra-args-other-api-shape",
    title: "kubeadm extraArgs written in the shape of another kubeadm.k8s.io API version (map vs list)",
    family: "kubeadm",
    severity: "error",
    flake: false,
    anchors: ["xtraArgs of type", "of type []v1beta"],
    patterns: [
      // kubeadm's config loaders (initconfiguration.go, joinconfiguration.go, and cluster.go for the kubeadm-config
      // ConfigMap) log the decode error with the GroupVersionKind decoded into, then fail with the bare json error.
      // That Version is the API type kubeadm decoded into, the one whose shape the document lacks. kubeadm before 1.23
      // wrapped it in "error unmarshaling JSON: while decoding JSON:".
      String.raw`GroupVersionKind\{Group\s*:\s*\\?"kubeadm\.k8s\.io\\?"\s*,\s*Version\s*:\s*\\?"(?<configVersion>v1(?:alpha|beta)\d+)\\?"\s*,\s*Kind\s*:\s*\\?"(?<kind>\w+)\\?"\s*\}\s*:\s*(?:error\s+unmarshaling\s+JSON\s*:\s*while\s+decoding\s+JSON\s*:\s*)?json\s*:\s*cannot\s+unmarshal\s+(?<got>object|array)\s+into\s+Go\s+struct\s+field\s+${EXTRA_ARGS_FIELD}\s+of\s+type\s+${EXTRA_ARGS_TYPE}`,
      // The bare error (kubeadm's final error line, tools that decode kubeadm configuration with kubeadm's types),
      // "json: " sometimes cut or replaced by the caller's "error: ".
      String.raw`cannot\s+unmarshal\s+(?<got>object|array)\s+into\s+Go\s+struct\s+field\s+${EXTRA_ARGS_FIELD}\s+of\s+type\s+${EXTRA_ARGS_TYPE_BARE}`,
    ],
    versions: ["configVersion"],
    roles: {
      configVersion: "kubeadm.k8s.io API version decoded into",
      kind: "configuration kind",
      field: "extraArgs field",
      got: "JSON shape the document has",
      want: "Go type that API version expects",
    },
    versionKinds: { configVersion: "api-version", documentShape: "api-version" },
    priority: 50,
    meaning:
      "kubeadm.k8s.io/v1beta4 (kubeadm 1.31+) changed every extraArgs (apiServer, controllerManager, scheduler, etcd.local) and nodeRegistration.kubeletExtraArgs from a map of flag: value to a list of {name, value}. A document decoded as v1beta4 with map-shaped args, or as v1beta3 (or older) with list-shaped args, fails to decode and kubeadm stops: the configuration was written for the other API version than the one it is read as.",
    causes: [
      "A template bumped to apiVersion kubeadm.k8s.io/v1beta4 that kept v1beta3's map-shaped extraArgs (kubernetes/kubeadm#3067: kinder's kubeletExtraArgs).",
      "A list-shaped (v1beta4) configuration read as v1beta3: a kubeadm older than 1.31, a kind release that still generates v1beta3 for its node image with a kubeadmConfigPatch that declares no apiVersion, or a tool built with older kubeadm types reading the kubeadm-config ConfigMap (clastix/kamaji#650, kubeclipper).",
    ],
    fixes: [
      "Write extraArgs in the shape of the apiVersion the document declares: v1beta4 wants `- name: flag` / `value: ...` entries, v1beta3 wants `flag: value`; `kubeadm config migrate --old-config old.yaml --new-config new.yaml` converts a whole v1beta3 document.",
      "Declare the apiVersion in kind kubeadmConfigPatches so the patch is not merged into the other version's document, or pick the patch shape by node image (v1beta4 from kind's 1.31+ node configs).",
      "For a tool that reads the cluster's kubeadm-config ConfigMap, use a release built for the cluster's kubeadm API (v1beta4 from Kubernetes 1.31).",
    ],
    references: [
      "https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/",
      "https://github.com/kubernetes/kubernetes/pull/119156",
      "https://github.com/kubernetes/kubeadm/pull/3067",
      "https://github.com/clastix/kamaji/pull/650",
    ],
    examples: [
      {
        // kubernetes/kubeadm#3067 (kinder's v1beta4 InitConfiguration kept map-shaped kubeletExtraArgs)
        line: "json: cannot unmarshal object into Go struct field NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs of type []v1beta4.Arg",
        captures: { got: "object", field: "NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs", configVersion: "v1beta4" },
      },
      {
        // clastix/kamaji#650 (a kubeadm 1.28 worker reading the list-shaped ClusterConfiguration Kamaji stored)
        line: String.raw`W1210 12:01:55.629181  209673 cluster.go:94] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"ClusterConfiguration"}: json: cannot unmarshal array into Go struct field APIServer.apiServer.extraArgs of type map[string]string`,
        captures: { configVersion: "v1beta3", kind: "ClusterConfiguration", got: "array", field: "APIServer.apiServer.extraArgs", want: "map[string]string" },
      },
    ],
    nearMisses: [
      // kubernetes-sigs/kubespray#5406: an unquoted number in a map-shaped extraArgs is YAML typing, not another version.
      String.raw`W1202 13:09:37.856538    3494 strict.go:54] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta2", Kind:"ClusterConfiguration"}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field APIServer.extraArgs of type string`,
      // Armur-Ai/Pentest-Swarm-AI#7: another program's map field.
      "json: cannot unmarshal array into Go struct field AttackSurface.technologies of type map[string]string",
    ],
  },
  {
    id: "kubectl-kubeconfig-extension-unreadable",
    title: "kubectl too old to read the kubeconfig's extensions",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["(Unknown, RawExtension)", "runtime.Unknown, runtime.RawExtension"],
    patterns: [
      // apimachinery's reflection converter in client-go before 1.17 (clientcmd's v1 → internal Config): an extension of a
      // cluster, user or context whose value is an object (minikube's context_info since minikube 1.17, kconnect's
      // metadata) has no registered conversion. "converting  to :" names no types: the kubeconfig is no API object.
      String.raw`type\s+names\s+don(?:'|\'|&#39;|’)?t\s+match\s+\(Unknown,\s*RawExtension\)(?:,\s*and\s+no\s+conversion\s+'func\s+\(runtime\.Unknown,\s*runtime\.RawExtension\)\s+error'\s+registered)?`,
    ],
    // The line names no version; the diagnosis reads the client's from a `kubectl version` banner in the job.
    versions: [],
    priority: 50,
    meaning:
      "kubectl could not load the kubeconfig: a cluster, user or context in it carries an extension whose value is an object, which client-go before 1.17 cannot convert. Newer tools write such extensions (minikube 1.17+ adds context_info, kconnect its own), so an older kubectl, often one bundled with Docker Desktop or picked to match an old cluster, fails on any command that reads the file.",
    causes: [
      "A kubectl older than 1.17 (Docker Desktop's bundled 1.16, `minikube kubectl` for a cluster at 1.15 or 1.16) reading a kubeconfig written by minikube 1.17+ or kconnect (kubernetes/minikube#10663, fidelity/kconnect#177).",
      "A tool that embeds an old client-go (an IDE extension, an old oc) reading the same kubeconfig.",
    ],
    fixes: [
      "Use kubectl 1.17 or newer (check `which -a kubectl`: an older copy, e.g. /usr/local/bin/kubectl from Docker Desktop, may come first on PATH).",
      "If an old kubectl is required for an old cluster, give it a kubeconfig without the extensions entries (a separate KUBECONFIG file).",
    ],
    references: ["https://github.com/kubernetes/minikube/issues/10663", "https://github.com/kubernetes/minikube/issues/10859", "https://github.com/fidelity/kconnect/issues/177"],
    examples: [
      {
        // vscode-kubernetes-tools/vscode-kubernetes-tools#908 (kubectl v1.16.6-beta.0, minikube's kubeconfig)
        line: "Kubectl command failed: error: converting  to : type names don't match (Unknown, RawExtension), and no conversion 'func (runtime.Unknown, runtime.RawExtension) error' registered.",
      },
      // kubernetes/minikube#10663 (issue title: minikube kubectl at the cluster's 1.15.12)
      { line: "On v1.17.1 `minikube kubectl config view` fails for a v1.15.12 k8s cluster with `error: converting to : type names don't match (Unknown, RawExtension)`" },
    ],
    nearMisses: [
      // ruby kubeclient's test: the API server's conversion error for a mismatched object kind, not a kubeconfig.
      `    assert_equal("converting  to : type names don't match (Pod, Namespace)",`,
      // apimachinery's format string.
      String.raw`			"type names don't match (%v, %v), and no conversion 'func (%v, %v) error' registered.",`,
    ],
  },
  {
    id: "kubelet-services-never-synced",
    title: "kubelet has not listed Services, so it cannot start containers (a kubelet newer than its API server, or not yet synced)",
    family: "api",
    // The kubelet says it only after a restart too, until its first Service list: a warning unless the job's versions
    // show the kubelet ahead of the API server.
    severity: "warning",
    flake: true,
    anchors: ["services have not yet been read at least once"],
    patterns: [
      // pkg/kubelet/kubelet_pods.go makeEnvironmentVariables: the Service informer has not synced, so the service links
      // cannot be built and the container is not created (CreateContainerConfigError).
      String.raw`services\s+have\s+not\s+yet\s+been\s+read\s+at\s+least\s+once\s*,\s*cannot\s+construct\s+envvars`,
    ],
    versions: [],
    priority: 45,
    meaning:
      "The kubelet builds each container's service environment variables from its Service informer, and that informer has never completed a list. A 1.31+ kubelet lists Services with the field selector spec.clusterIP!=None, which API servers before 1.31 reject, so a kubelet upgraded ahead of its API server never syncs and every new container fails. The same words appear for a few seconds after any kubelet restart, and when the node's identity may not list Services.",
    causes: [
      "A kubelet newer than the API server it reaches (nodes upgraded before the control plane, or a control-plane node's kubelet reaching older API servers through the load balancer during an upgrade: kubernetes/kubernetes#126746, #127316).",
      "A kubelet that has just restarted or cannot reach the API server yet (k0sproject/k0s#6071): it clears by itself.",
      "RBAC or authorization that denies the node list/watch on Services.",
    ],
    fixes: [
      "Finish the control-plane upgrade first (every API server at the kubelet's minor or newer), or roll the kubelet back to the API server's minor: kubelets may lag the API server, never lead it.",
      "If the versions match, check the kubelet log for its Service list errors (a field selector refused, forbidden, connection refused).",
    ],
    references: ["https://kubernetes.io/releases/version-skew-policy/#kubelet", "https://github.com/kubernetes/kubernetes/issues/126746"],
    examples: [
      {
        // find_string index id 10905693094 (cilium-operator events during an upgrade)
        line: "Warning  Failed          50m (x5 over 51m)      kubelet  Error: services have not yet been read at least once, cannot construct envvars",
      },
    ],
    nearMisses: [
      // The kubelet's source.
      String.raw`		return nil, fmt.Errorf("services have not yet been read at least once, cannot construct envvars")`,
    ],
  },
  {
    id: "kubectl-dry-run-value-unsupported",
    title: "kubectl older than 1.18 refused --dry-run=client or =server (a script written for kubectl 1.18+)",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["--dry-run", "strconv.ParseBool"],
    patterns: [
      // pflag's error for a value its bool flag cannot parse: kubectl's --dry-run was a bool until 1.18 gave it
      // none|client|server (kubernetes/kubernetes#85652, CHANGELOG-1.18). The reverse of kubectl-dry-run-value-required (kubectl 1.23+ refusing the bare flag).
      String.raw`invalid\s+argument\s+\\?"(?<value>client|server)\\?"\s+for\s+\\?"--dry-run\\?"\s+flag\s*:\s*strconv\.ParseBool`,
    ],
    versions: [],
    roles: { value: "--dry-run value the script passes" },
    priority: 45,
    meaning:
      "kubectl 1.18 turned --dry-run from a boolean into a choice of none, client or server; kubectl 1.17 and older parse the value as a boolean and refuse \"client\" or \"server\". A script, Makefile or tool written for kubectl 1.18+ ran an older kubectl, often one that comes first on PATH (a cloud SDK's, Docker Desktop's, a CI image's). Helm before 3.13 had a boolean --dry-run too and prints the same words.",
    causes: [
      "An older kubectl first on PATH (tilt-dev/tilt-extensions#200: gcloud's copy among four kubectls), or a CI image or tutorial sandbox with kubectl 1.17 or older (kubernetes/website#22098: Katacoda's 1.17.3).",
      "A tool that writes --dry-run=client for kubectl 1.18+ driving an older kubectl (GoogleContainerTools/skaffold#4094).",
    ],
    fixes: [
      "Use kubectl 1.18 or newer (check `which -a kubectl` and `kubectl version --client`).",
      "If an old kubectl must stay, write the bare --dry-run (or --dry-run=true) it understands; kubectl 1.23+ refuses that form, so pick the form by `kubectl version --client`.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.18.md#kubectl-1", "https://github.com/kubernetes/kubernetes/issues/85652", "https://github.com/tilt-dev/tilt-extensions/issues/200", "https://github.com/GoogleContainerTools/skaffold/issues/4094"],
    examples: [
      // tilt-dev/tilt-extensions#200, kubernetes/website#22098 (kubectl 1.17.3)
      { line: String.raw`Error: invalid argument "client" for "--dry-run" flag: strconv.ParseBool: parsing "client": invalid syntax`, captures: { value: "client" } },
    ],
    nearMisses: [
      // A value no kubectl accepts: the script's typo.
      String.raw`Error: invalid argument "maybe" for "--dry-run" flag: strconv.ParseBool: parsing "maybe": invalid syntax`,
      // kubectl 1.18-1.22's deprecation warning for the bare flag.
      "W0504 16:20:18.488448   13213 helpers.go:535] --dry-run is deprecated and can be replaced with --dry-run=client.",
    ],
  },
];
