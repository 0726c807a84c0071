import type { Signature } from "../model.js";
import { KUSTOMIZE_FIELDS } from "../diagnose/tables.js";

const Q = String.raw`"?`;

export const kubectlSignatures: Signature[] = [
  {
    id: "kubectl-client-server-skew",
    title: "kubectl outside the supported skew of the server",
    family: "kubectl",
    severity: "warning",
    flake: false,
    anchors: ["version difference between client", "exceeds the supported minor version skew"],
    patterns: [
      // The tail is optional: issue titles and truncated lines often stop after the versions.
      String.raw`version\s+difference\s+between\s+client\s+\(\s*(?<client>{V})\s*\)\s+and\s+server\s+\(\s*(?<server>{V})\s*\)(?:\s+exceeds\s+the\s+supported\s+minor\s+version\s+skew\s+of\s+\+/-\s*(?<allowedSkew>\d+))?`,
    ],
    versions: ["client", "server"],
    roles: { client: "kubectl (client) version", server: "kube-apiserver (server) version" },
    priority: 40,
    meaning:
      "kubectl is more than one minor away from the API server. A warning: it fails a job only when a script treats it (or any stderr) as a failure.",
    causes: ["kubectl installed from 'latest' or from the runner image instead of pinned to the cluster version."],
    fixes: ["Install a kubectl within ±1 minor of the server; in CI pin kubectl to the cluster version."],
    examples: [
      {
        line: "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1",
        captures: { client: "1.34", server: "1.31", allowedSkew: "1" },
      },
    ],
    nearMisses: ["Client Version: v1.33.4", "Server Version: v1.33.4"],
  },
  {
    id: "kubectl-openapi-schema-error",
    title: "kubectl too old for the server's OpenAPI schema",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["SchemaError(", "SchemaeError(", "have additional properties"],
    patterns: [
      String.raw`Schemae?Error\((?<schemaPath>[^)\s]+)\)\s*:\s*invalid\s+object\s+doesn.t\s+have\s+additional\s+properties`,
      String.raw`invalid\s+object\s+doesn.t\s+have\s+additional\s+properties`,
    ],
    versions: [],
    priority: 45,
    meaning: "An old kubectl could not parse the OpenAPI document of a much newer API server.",
    causes: ["kubectl several minors older than the cluster (a known case was four minors behind)."],
    fixes: ["Upgrade kubectl to within ±1 minor of the server."],
    examples: [
      {
        line: "error: SchemaError(io.k8s.api.apps.v1beta2.DeploymentSpec): invalid object doesn't have additional properties",
        captures: { schemaPath: "io.k8s.api.apps.v1beta2.DeploymentSpec" },
      },
    ],
  },
  {
    id: "kubectl-exec-plugin-api-version",
    title: "Client-credential exec plugin API version not served by this kubectl",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["exec plugin", "invalid apiVersion", "ExecCredential", "plugin returned version", "plugin api version"],
    patterns: [
      String.raw`exec\s+plugin\s*:\s*invalid\s+apiVersion\s+${Q}(?<apiVersion>client\.authentication\.k8s\.io/v\w+)`,
      // The second half is lost when a terminal or an excerpt cuts the line after the comma.
      String.raw`exec\s+plugin\s+is\s+configured\s+to\s+use\s+API\s+version\s+(?<configured>client\.authentication\.k8s\.io/v\w+)\s*,\s*plugin(?:\s+returned\s+version\s+(?<returned>client\.authentication\.k8s\.io/v\w+)|\s*$)`,
      // The Python client (kubernetes/config/exec_provider.py): what the plugin returned, then what the kubeconfig asked.
      String.raw`exec\s*:\s*plugin\s+api\s+version\s+(?<returned>client\.authentication\.k8s\.io/v\w+)\s+does\s+not\s+match\s+(?<configured>client\.authentication\.k8s\.io/v\w+)`,
      // client-go decodes the plugin's output with the kubeconfig's version: a version this client-go no longer
      // (or not yet) registers fails in the scheme before any exec-plugin wording (kubernetes/kubectl#1210).
      String.raw`no\s+kind\s+${Q}ExecCredential${Q}\s+is\s+registered\s+for\s+version\s+${Q}(?<apiVersion>client\.authentication\.k8s\.io/v\w+)`,
      // Excerpts and terminals cut the line inside the quoted version ("client.authent"): the words alone are
      // client-go's, printed only for a version it does not read.
      String.raw`exec\s+plugin\s*:\s*invalid\s+apiVersion(?:\s+${Q}c[\w.]{0,40})?\s*$`,
    ],
    versions: ["apiVersion", "configured", "returned"],
    roles: {
      apiVersion: "ExecCredential API version in the kubeconfig",
      configured: "ExecCredential API version in the kubeconfig",
      returned: "ExecCredential API version the plugin returned",
    },
    versionKinds: { apiVersion: "api-version", configured: "api-version", returned: "api-version" },
    // Above k8s-scheme-kind-not-registered (57): for ExecCredential the scheme is the kubeconfig's client-go one.
    priority: 58,
    meaning:
      "kubectl (or a client-go program) ran the kubeconfig's credential plugin (aws eks get-token, aws-iam-authenticator, gke-gcloud-auth-plugin, kubelogin, tsh, pinniped) with an ExecCredential API version that this client does not read, or the plugin answered in another version than asked.",
    causes: [
      "client.authentication.k8s.io/v1alpha1 was removed in kubectl/client-go 1.24; kubeconfigs written by aws-cli before 1.24.0 / 2.7.0 (aws eks update-kubeconfig), eksctl or aws-iam-authenticator before 0.5.7 still use it.",
      "A kubeconfig with v1 (served from 1.22) or v1beta1 (from 1.11) used by an older kubectl or a tool built on an old client-go (a kubectl plugin, kubens, qbec, a Terraform provider).",
      "A plugin older than the kubeconfig: it answers v1alpha1 or v1beta1 when the kubeconfig asks for a newer version.",
    ],
    fixes: [
      "Upgrade aws-cli (or the plugin) and regenerate the kubeconfig, or change users[].user.exec.apiVersion to client.authentication.k8s.io/v1beta1.",
      "Where the client is the old side, upgrade kubectl or the tool to a client-go that reads the kubeconfig's version.",
    ],
    references: ["https://github.com/aws/aws-cli/issues/6920", "https://github.com/kubernetes/kubernetes/pull/108616"],
    examples: [
      { line: `error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"`, captures: { apiVersion: "client.authentication.k8s.io/v1alpha1" } },
      {
        // kubernetes/kubectl#1210, pulumi/pulumi-eks#717, fidelity/awsrun#29 (kubectl 1.24+, aws-cli too old)
        line: String.raw`Unable to connect to the server: getting credentials: decoding stdout: no kind "ExecCredential" is registered for version "client.authentication.k8s.io/v1alpha1" in scheme "pkg/client/auth/exec/exec.go:62"`,
        captures: { apiVersion: "client.authentication.k8s.io/v1alpha1" },
      },
      {
        // eksctl-io/eksctl#8252: a Go error value printed with %#v
        line: String.raw`[0]           s: "exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\"",`,
        captures: { apiVersion: "client.authentication.k8s.io/v1alpha1" },
      },
      {
        line: "ERROR:root:exec: plugin api version client.authentication.k8s.io/v1alpha1 does not match client.authentication.k8s.io/v1beta1",
        captures: { returned: "client.authentication.k8s.io/v1alpha1", configured: "client.authentication.k8s.io/v1beta1" },
      },
      // A terminal that cut the line inside the version.
      { line: 'error: exec plugin: invalid apiVersion "client.authentication.k8' },
    ],
    nearMisses: [
      // kubernetes/kubernetes#127694: the plugin printed text before its JSON; __internal is no API version.
      "Unable to connect to the server: getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/__internal",
      // kubernetes/kubernetes#92593: the "plugin" (ls) printed no ExecCredential at all.
      "error: couldn't get available api versions from server: Get https://192.168.198.154:6443/api?timeout=32s: getting credentials: decoding stdout: yaml: line 3: could not find expected ':'",
      "error: You must be logged in to the server (the server has asked for the client to provide credentials)",
    ],
  },
  {
    id: "kubectl-kustomize-too-old",
    title: "kustomize embedded in kubectl too old for the kustomization",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["json: unknown field", "must be a file (got d="],
    patterns: [
      // Only fields that a newer kustomize added (diagnose/tables.ts KUSTOMIZE_FIELDS): any other unknown field is a
      // typo, not a version skew.
      String.raw`json\s*:\s*unknown\s+field\s+${Q}(?<field>${Object.keys(KUSTOMIZE_FIELDS).join("|")})${Q}`,
      // kustomize v2.0.x (embedded in kubectl 1.14-1.20) loads every resources: entry as a file; v2.1.0 let resources
      // name directories (kustomizations) too, and dropped "(got d=...)" from the message (pkg/loader/fileloader.go at
      // v2.0.3; loadrestrictions.go from v2.1.0 says only "must be a file"). argoproj/applicationset#22,
      // argoproj-labs/argocd-image-updater#61 (kubectl 1.18.6).
      String.raw`(?<resources>rawResources\s+failed\s+to\s+read\s+Resources\s*:\s*)?Load\s+from\s+path\s+(?<path>\S+)\s+failed\s*:\s*'[^']*'\s+must\s+be\s+a\s+file\s+\(got\s+d=`,
    ],
    versions: [],
    versionKinds: { kustomizeSince: { kind: "component", component: "kustomize" } },
    priority: 30,
    meaning: "kubectl apply -k / kubectl kustomize rejected a kustomization field that the kustomize built into this kubectl does not know yet.",
    causes: ["kubectl 1.14–1.20 embed kustomize v2.0.3; later fields (labels, replacements, components, …) need a newer kubectl or a standalone kustomize."],
    fixes: ["Upgrade kubectl, or build with a standalone kustomize (kustomize build | kubectl apply -f -)."],
    references: ["https://github.com/kubernetes-sigs/kustomize#kubectl-integration"],
    examples: [
      { line: `error: json: unknown field "labels"`, captures: { field: "labels" } },
      // kubernetes-sigs/kustomize#2047 (kubectl 1.17: kustomize v2.0.3), #3769 (kubectl kustomize)
      { line: `error: json: unknown field "replicas"`, captures: { field: "replicas" } },
      { line: `Error: json: unknown field "replicas"`, captures: { field: "replicas" } },
      // kubernetes/kubectl#1277 (kubectl 1.21.4)
      { line: `\`kubectl kustomize\` throws \`Error: json: unknown field "replacements"\``, captures: { field: "replacements" } },
      // CrunchyData/postgres-operator-examples#267 (oc 4.10, kubectl 1.23's kustomize v4.4.1)
      { line: `error: json: unknown field "includeTemplates"`, captures: { field: "includeTemplates" } },
      // kubernetes-sigs/kustomize#2347 (kustomize 2.0.3)
      { line: `Error: json: unknown field "patch"`, captures: { field: "patch" } },
      {
        line: String.raw`error: AccumulateTarget: rawResources failed to read Resources: Load from path ./config failed: './config' must be a file (got d='/tmp/kustomize-669160585/manifests/base/config')`,
        captures: { path: "./config" },
      },
    ],
    nearMisses: [
      `error: json: unknown field "spec"`,
      // kustomize 2.1+ (no "got d="): a patch file path that names a directory, the kustomization's mistake.
      "Error: accumulating resources: accumulateFile \"accumulating resources from 'base': 'base' must be a file\"",
    ],
  },
  {
    id: "kubectl-dry-run-value-required",
    title: "kubectl 1.23+ refused a bare --dry-run (a script written for an older kubectl)",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["flag without a value was specified"],
    // kubernetes/kubernetes#105327 (merged 2021-09-28, kubectl 1.23): the bare --dry-run (read as --dry-run=client, with a
    // deprecation warning since 1.18) and --dry-run=true|false became errors. Only this kubectl prints the sentence, and
    // only for the bare flag that every kubectl before 1.23 accepted: the wording proves the skew.
    // openshift-pipelines/pipeline-service#161 (kubectl 1.24).
    patterns: [String.raw`--dry-run\s+flag\s+without\s+a\s+value\s+was\s+specified`],
    versions: [],
    priority: 40,
    meaning:
      "kubectl 1.23 and later require a value for --dry-run (none, server or client); older kubectl read a bare --dry-run as client-side dry run. The script or Makefile was written for a kubectl older than 1.23.",
    causes: ["A script, Makefile or tutorial written for kubectl 1.22 or older (`kubectl create ... --dry-run -o yaml`), run with kubectl 1.23+."],
    fixes: ["Write --dry-run=client (or =server); it works on kubectl 1.18 and later."],
    references: ["https://github.com/kubernetes/kubernetes/pull/105327"],
    examples: [
      { line: String.raw`error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".` },
    ],
    nearMisses: [
      // kubectl 1.18-1.22's deprecation warning: the command still ran (wso2/k8s-api-operator#425).
      "W0808 17:42:14.548906   20787 helpers.go:535] --dry-run is deprecated and can be replaced with --dry-run=client.",
    ],
  },
  {
    id: "kubectl-version-extra-arguments",
    title: "kubectl 1.24+ refuses a value given apart from kubectl version's boolean flag (--short true)",
    family: "kubectl",
    // A warning: the words are kubectl version's (pkg/cmd/version/version.go at kubernetes/kubectl tag kubernetes-1.24.0, not
    // at 1.23.0; kubernetes/kubernetes#107955 asked for it), but the line names no program.
    severity: "warning",
    flake: false,
    anchors: ["extra arguments: [true]", "extra arguments: [false]"],
    patterns: [String.raw`error:\s+extra\s+arguments:\s+\[(?<arg>true|false)\]`],
    versions: [],
    roles: { arg: "value passed as a separate argument" },
    priority: 40,
    meaning:
      "kubectl version refuses positional arguments from 1.24 on; older kubectl ignored them. A script that gives a boolean flag its value as a separate word (kubectl version --short true, --client true) worked with kubectl 1.23 and older and fails with 1.24+.",
    causes: ["A script or Makefile written for kubectl 1.23 or older (aws/eks-distro#1186: kubectl version --short true with kubectl 1.24)."],
    fixes: ["Write the value with '=' (--client=true) or drop it; --short itself is deprecated in 1.24 and gone in 1.28."],
    references: ["https://github.com/kubernetes/kubernetes/issues/107955"],
    examples: [{ line: "error: extra arguments: [true]", captures: { arg: "true" } }],
    nearMisses: ["Flag --short has been deprecated, and will be removed in the future. The --short output will become the default.", "error: extra arguments: [foocluster]"],
  },
  {
    id: "kubectl-command-or-flag-changed",
    title: "kubectl subcommand or flag that this kubectl release does not have (removed, or added later)",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["unknown flag: --", "unknown command"],
    patterns: [
      // Only the flags of the kubectl change table (diagnose/tables-client.ts KUBECTL_FLAGS): any other unknown flag
      // is left to k8s-component-unknown-flag, whose tables cover the components and --short/--output.
      String.raw`unknown\s+flag\s*:\s*--(?<flag>export|generator|prune-whitelist|prune-allowlist)(?![\w-])`,
      // cobra: unknown command "x" for "kubectl"; kubectl create prints the words after it too ("token admin-user")
      // and no parent. JSON-escaped quotes and Markdown backticks around the line are common.
      String.raw`unknown\s+command\s+\\?"(?<command>rolling-update|convert|events|token|debug)(?:\s[^"\\]{0,80})?\\?"(?:\s+for\s+\\?"(?<parent>kubectl(?:\s+[a-z][\w-]{0,30})?)\\?")?`,
      // Only under `kubectl auth`: "whoami" for "kubectl" is the krew plugin of that name.
      String.raw`unknown\s+command\s+\\?"(?<command>whoami)\\?"\s+for\s+\\?"(?<parent>kubectl\s+auth)\\?"`,
    ],
    versions: [],
    roles: { flag: "kubectl flag", command: "kubectl subcommand", parent: "command the subcommand belongs to" },
    // Above k8s-component-unknown-flag (60): these flags are kubectl's, not a component's.
    priority: 62,
    meaning:
      "kubectl refused a subcommand or flag that its release does not have: one removed in a later release (rolling-update, convert, --export, --generator, --prune-whitelist) or one added after it (events, create token, debug, auth whoami, --prune-allowlist). The script was written for another kubectl than the one on the runner.",
    causes: [
      "A script, Makefile or tutorial written for an older kubectl, run with a current one (runner images and 'latest' downloads move kubectl forward).",
      "A script written for a current kubectl, run with an old one (Docker Desktop's, a distro package, an old CI image).",
    ],
    fixes: ["Use the replacement the diagnosis names, or pin kubectl to the release the script was written for (within ±1 minor of the cluster)."],
    references: ["https://kubernetes.io/releases/notes/", "https://kubernetes.io/releases/version-skew-policy/#kubectl"],
    examples: [
      // kubermatic/fubectl#91 (kubectl 1.23), cloudfoundry-incubator/kubecf#1538
      { line: "error: unknown flag: --export", captures: { flag: "export" } },
      // luksa/kubernetes-in-action#33
      { line: " Error: unknown flag: --generator", captures: { flag: "generator" } },
      // kubernetes/website#39388 (kubectl 1.25.2), #40683
      { line: `error: unknown command "events" for "kubectl"`, captures: { command: "events", parent: "kubectl" } },
      // kubernetes-retired/dashboard#7337, #7362 (kubectl 1.22.5)
      { line: `error: unknown command "token admin-user"`, captures: { command: "token" } },
      { line: `Error: unknown command "rolling-update" for "kubectl"`, captures: { command: "rolling-update", parent: "kubectl" } },
      { line: `error: unknown command "whoami" for "kubectl auth"`, captures: { command: "whoami", parent: "kubectl auth" } },
    ],
    nearMisses: [
      "Flag --export has been deprecated, This flag is deprecated and will be removed in future.",
      "Flag --generator has been deprecated, has no effect and will be removed in the future.",
      `error: generator "xxxx" not found`,
      `Error: unknown command "foo" for "kubectl"`,
      // rajatjindal/kubectl-whoami, a krew plugin, not `kubectl auth whoami`.
      `error: unknown command "whoami" for "kubectl"`,
    ],
  },
  {
    id: "aws-eks-get-token-exec-info",
    title: "aws eks get-token had to guess the ExecCredential version: the client is older (or newer) than the aws-cli expects",
    family: "kubectl",
    severity: "warning",
    flake: false,
    anchors: ["KUBERNETES_EXEC_INFO, defaulting to", "KUBERNETES_EXEC_INFO,"],
    patterns: [
      // aws-cli awscli/customizations/eks/get_token.py ERROR_MSG_TPL with the "Empty" prefix: client-go before 1.20 sets
      // no KUBERNETES_EXEC_INFO for a v1beta1 kubeconfig (kubernetes/kubernetes#95489). "Error parsing" (a malformed
      // variable) is the same template and no version matter, so it is not matched.
      String.raw`Empty\s+KUBERNETES_EXEC_INFO\s*,\s*defaulting\s+to\s+\[?(?<fallback>client\.authentication\.k8s\.io/v\w+)`,
      // UNRECOGNIZED_MSG_TPL: the client asked for a version this aws-cli does not know ("outdated AWS CLI").
      String.raw`Unrecognized\s+API\s+version\s+in\s+KUBERNETES_EXEC_INFO\s*,\s*defaulting\s+to\s+(?<fallback>client\.authentication\.k8s\.io/v\w+)`,
    ],
    versions: ["fallback"],
    roles: { fallback: "ExecCredential API version aws eks get-token fell back to" },
    versionKinds: { fallback: "api-version" },
    priority: 45,
    meaning:
      "aws eks get-token (the kubeconfig's credential plugin for EKS) got no usable KUBERNETES_EXEC_INFO from the client and answered with a guessed ExecCredential version. client-go (kubectl) 1.11–1.19 sets the variable only for v1alpha1 kubeconfigs; aws-cli 1.24.0/2.7.0 guessed v1alpha1, which a v1beta1 kubeconfig then refuses (\"plugin returned version …v1alpha1\").",
    causes: [
      "kubectl (or a client-go tool) 1.19 or older with an aws-cli of May 2022 (1.24.0–1.24.x before #6940, 2.7.0) and a kubeconfig written for v1beta1.",
      "An aws-cli older than the version the client asks for (the 'Unrecognized API version' wording).",
    ],
    fixes: [
      "Upgrade kubectl to 1.20 or newer (within ±1 minor of the cluster), or upgrade aws-cli past 1.24.1 / 2.7.1, which falls back to v1beta1.",
    ],
    references: ["https://github.com/aws/aws-cli/pull/6940", "https://github.com/kubernetes/kubernetes/pull/95489"],
    examples: [
      {
        // kserve/kserve#2175 (followed by "plugin returned version client.authentication.k8s.io/v1alpha1"),
        // aws-samples/amazon-eks-cdk-blue-green-cicd#18 (fixed by kubectl 1.22.6)
        line: "Empty KUBERNETES_EXEC_INFO, defaulting to client.authentication.k8s.io/v1alpha1. This is likely a bug in your Kubernetes client. Please update your Kubernetes client.",
        captures: { fallback: "client.authentication.k8s.io/v1alpha1" },
      },
      {
        line: "Current version causes an error 'Empty KUBERNETES_EXEC_INFO, defaulting to [client.authentication.k8s.io/v1alpha1](http://client.authentication.k8s.io/v1alpha1). This is likely a bug in your Kubernetes client. Please update your Kubernetes client.'",
        captures: { fallback: "client.authentication.k8s.io/v1alpha1" },
      },
    ],
    nearMisses: [
      // aws-cli's own test (tests/functional/eks/test_get_token.py): a malformed variable, not a version.
      "Error parsing KUBERNETES_EXEC_INFO, defaulting to client.authentication.k8s.io/v1beta1. This is likely a bug in your Kubernetes client. Please update your Kubernetes client.",
      // fresh-2b: the deprecation notice printed while the request still works.
      "Kubeconfig user entry is using deprecated API version client.authentication.k8s.io/v1alpha1. Run 'aws eks update-kubeconfig' to update.",
    ],
  },
  {
    id: "minikube-kubectl-skew",
    title: "minikube warns that kubectl is far from the cluster version",
    family: "kubectl",
    severity: "warning",
    flake: false,
    // minikube translates the message; the anchors are the ASCII parts of each translation, and for the
    // ones written in other scripts, the kubectl path that precedes them.
    anchors: [
      // minikube printed "incompatibilites" (sic) in some releases.
      "which may have incompatibilit",
      "which may be incompatible with Kubernetes",
      "and is incompatible with Kubernetes",
      "welche inkompatibel ist",
      "qui peut comporter des",
      "yang mungkin tidak kompatibel",
      "dibe bi Kubernetes",
      "niekompatybilne z Kubernetesem",
      "que pode ter incompatibilidades",
      "/kubectl ",
      "kubectl.exe ",
      "(minor skew: ",
    ],
    patterns: [
      // minikube ≥ 1.9 (kubernetes/minikube#6998) printed "is v1.16.3, which may be incompatible with".
      String.raw`is\s+(?:version\s+)?(?<client>{V}),\s+(?:which\s+may\s+have\s+incompatibilit?i?es|which\s+may\s+be\s+incompatible|and\s+is\s+incompatible)\s+with\s+Kubernetes\s+(?<cluster>{V})`,
      // The comparison minikube logs (klog, --alsologtostderr and `minikube logs`) before it decides to warn.
      String.raw`kubectl\s*:\s*(?<client>{V})\s*,\s*cluster\s*:\s*(?<cluster>{V})\s*\(minor\s+skew\s*:\s*(?<minorSkew>\d+)\)`,
      String.raw`ist\s+Version\s+(?<client>{V}),\s+welche\s+inkompatibel\s+ist\s+mit\s+Kubernetes\s+(?<cluster>{V})`,
      String.raw`est\s+la\s+version\s+(?<client>{V}),\s+qui\s+peut\s+comporter\s+des\s+incompatibilités\s+avec\s+Kubernetes\s+(?<cluster>{V})`,
      String.raw`menggunakan\s+versi\s+(?<client>{V}),\s+yang\s+mungkin\s+tidak\s+kompatibel\s+dengan\s+Kubernetes\s+(?<cluster>{V})`,
      String.raw`guhertoya\s+(?<client>{V})\s+e,\s+ku\s+dibe\s+bi\s+Kubernetes\s+(?<cluster>{V})`,
      String.raw`jest\s+w\s+wersji\s+(?<client>{V}),\s+co\s+może\s+być\s+niekompatybilne\s+z\s+Kubernetesem\s+w\s+wersji\s+(?<cluster>{V})`,
      String.raw`é\s+a\s+versão\s+(?<client>{V}),\s+que\s+pode\s+ter\s+incompatibilidades\s+com\s+o\s+Kubernetes\s+(?<cluster>{V})`,
      String.raw`kubectl(?:\.exe)?\s+のバージョンは\s*(?<client>{V})\s*で、\s*Kubernetes\s+(?<cluster>{V})\s*と互換性がないかもしれません`,
      // The Japanese translation of minikube 1.9–1.12 put the cluster version first.
      String.raw`kubectl(?:\.exe)?\s+のバージョンは\s*(?<client>{V})\s*です。\s*(?<cluster>{V})\s*の\s*Kubernetes\s*とは互換性がないかもしれません`,
      String.raw`kubectl(?:\.exe)?\s+의\s+버전은\s+(?<client>{V})\s*이므로,\s*쿠버네티스\s+버전\s+(?<cluster>{V})\s*과\s+호환되지\s+않을\s+수\s+있습니다`,
      String.raw`kubectl(?:\.exe)?\s+—\s+це\s+версія\s+(?<client>{V}),\s+яка\s+може\s+бути\s+несумісною\s+з\s+Kubernetes\s+(?<cluster>{V})`,
      String.raw`kubectl(?:\.exe)?\s+的版本为\s*(?<client>{V})\s*，\s*可能与\s*Kubernetes\s+(?<cluster>{V})\s*不兼容`,
      String.raw`kubectl(?:\.exe)?\s+的版本是\s*(?<client>{V})\s*，\s*且与\s*Kubernetes\s+(?<cluster>{V})\s*不兼容`,
    ],
    versions: ["client", "cluster"],
    roles: { client: "kubectl (client) version", cluster: "Kubernetes version minikube deployed" },
    priority: 40,
    meaning: "minikube started the cluster and warns that the kubectl on the PATH is more than one minor away from it. A warning: commands may still work.",
    causes: ["The runner's preinstalled kubectl, or one installed from 'latest', differs from the --kubernetes-version the job asked minikube for."],
    fixes: ["Use 'minikube kubectl --' in the job, or install a kubectl within one minor of the cluster version."],
    references: ["https://github.com/kubernetes/minikube/blob/master/translations/de.json", "https://github.com/kubernetes/minikube/blob/master/translations/strings.txt"],
    examples: [
      {
        line: "❗  /usr/local/bin/kubectl is version 1.24.1, which may have incompatibilities with Kubernetes 1.27.4.",
        captures: { client: "1.24.1", cluster: "1.27.4" },
      },
      {
        // kubernetes/minikube#6998 and many tutorials of 2020 (minikube 1.9–1.12)
        line: "❗  /usr/local/bin/kubectl is v1.13.4, which may be incompatible with Kubernetes v1.18.0.",
        captures: { client: "v1.13.4", cluster: "v1.18.0" },
      },
      {
        line: "❗  /usr/local/bin/kubectl のバージョンは 1.24.1 で、Kubernetes 1.27.4 と互換性がないかもしれません。",
        captures: { client: "1.24.1", cluster: "1.27.4" },
      },
      { line: "I1216 11:28:23.304254   25968 start.go:644] kubectl: 1.24.1, cluster: 1.27.4 (minor skew: 3)", captures: { client: "1.24.1", cluster: "1.27.4", minorSkew: "3" } },
      // The strings of minikube's translations/*.json, as minikube prints them.
      { line: "❗  /usr/local/bin/kubectl is version 1.18.3, which may have incompatibilites with Kubernetes 1.20.2.", captures: { client: "1.18.3", cluster: "1.20.2" } },
      { line: "❗  O /usr/local/bin/kubectl é a versão 1.22.4, que pode ter incompatibilidades com o Kubernetes 1.25.3.", captures: { client: "1.22.4", cluster: "1.25.3" } },
      { line: "❗  /usr/local/bin/kubectl 의 버전은 v1.15.0 이므로, 쿠버네티스 버전 v1.18.0 과 호환되지 않을 수 있습니다", captures: { client: "v1.15.0", cluster: "v1.18.0" } },
      { line: "❗  /usr/local/bin/kubectl のバージョンは 1.15.0です。 1.18.0 の Kubernetes とは互換性がないかもしれません", captures: { client: "1.15.0", cluster: "1.18.0" } },
      { line: "❗  /usr/bin/kubectl 的版本是 1.19.1，且与 Kubernetes 1.23.3 不兼容。您需要更新 /usr/bin/kubectl 或者使用 'minikube kubectl' 连接到这个集群", captures: { client: "1.19.1", cluster: "1.23.3" } },
    ],
    nearMisses: [
      "+ /usr/local/bin/kubectl apply -f deploy.yaml",
      "▪ Want kubectl v1.27.4? Try 'minikube kubectl -- get pods -A'",
      // minikube's own log of the comparison, within the supported skew (a minikube install guide's output).
      "I0516 11:10:58.172457    9364 start.go:378] kubectl: 1.18.2, cluster: 1.18.2 (minor skew: 0)",
    ],
  },
  {
    id: "kubectl-apply-k-too-old",
    title: "kubectl older than 1.14: no -k (kustomize) flag",
    family: "kubectl",
    // A warning: the same words come from kubectl run without a subcommand ("kubectl -k dir", a typo for
    // "kubectl apply -k", cert-manager/signer-ca#5) and from other tools that have no -k.
    severity: "warning",
    flake: false,
    anchors: ["unknown shorthand flag"],
    patterns: [String.raw`unknown\s+shorthand\s+flag\s*:\s*'k'\s+in\s+-k(?![\w-])`],
    versions: [],
    priority: 40,
    meaning:
      "kubectl apply/delete/kustomize -k (kustomize built into kubectl) exists from kubectl 1.14 on; an older kubectl does not know the flag, so the kubectl in the job is older than the script or docs it follows.",
    causes: ["An old kubectl on the runner or in the CI image (a distribution package, a pinned download) used with instructions written for kubectl 1.14+ (kubernetes/kubectl#1016: kubectl 1.12 against a 1.18 server)."],
    fixes: ["Install a kubectl within one minor of the cluster (1.14 or newer), or build with a standalone kustomize: kustomize build DIR | kubectl apply -f -."],
    references: ["https://kubernetes.io/blog/2019/03/25/kubernetes-1-14-release-announcement/", "https://github.com/kubernetes/kubectl/issues/1016"],
    examples: [
      // kubernetes/kubectl#1016, kubernetes/website#13847 and #22897 (kubectl 1.10), kubernetes/website#17025
      { line: "Error: unknown shorthand flag: 'k' in -k" },
      { line: "unknown shorthand flag: 'k' in -k" },
      { line: "It throws Error: unknown shorthand flag: 'k' in -k" },
    ],
    nearMisses: ["Error: unknown shorthand flag: 'f' in -f", "error: unknown shorthand flag: 'c' in -client"],
  },
  {
    id: "kustomize-replacement-target-missing",
    title: "kustomize 5 fails on a replacement target that older releases skipped",
    family: "kubectl",
    // A warning: the same error follows a mistyped fieldPath in a kustomization that never worked.
    severity: "warning",
    flake: false,
    anchors: ["in replacement target"],
    patterns: [String.raw`unable\s+to\s+find\s+field\s+\\?"(?<fieldPath>[^"\\]+)\\?"\s+in\s+replacement\s+target`],
    versions: [],
    roles: { fieldPath: "replacement target field path" },
    priority: 30,
    meaning:
      "kustomize 5.0 (kubernetes-sigs/kustomize#4789) made a replacement fail when a selected target lacks the field and options.create is false; kustomize 4.x (and kubectl ≤ 1.26, which embeds it) silently skipped such targets. A kustomization that built with the older kustomize fails with the newer one.",
    causes: ["A kustomization (often a shared component applied to resources that only partly have the field) written against kustomize 4.x, built with kustomize 5.x or kubectl 1.27+."],
    fixes: [
      "Narrow the replacement's select (or add reject) so that it only targets resources that have the field, or set options.create: true where the field should be added.",
      "Or pin the kustomize (kubectl) release the kustomization was written for until it is migrated.",
    ],
    references: ["https://github.com/kubernetes-sigs/kustomize/pull/4789", "https://github.com/kubernetes-sigs/kustomize/issues/5440"],
    examples: [
      // kubernetes-sigs/kustomize#5128 (two reporters)
      { line: '`Error: unable to find field "spec.xx.xxx" in replacement target`', captures: { fieldPath: "spec.xx.xxx" } },
      {
        line: String.raw`> Error: unable to render the source configs in /path/to/directory: failed to run kustomize build in /path/to/directory, stdout: : Error: accumulating components: accumulateDirectory: "recursed accumulation of path '/path/to/directory/components': unable to find field \"parameters.network\" in replacement target`,
        captures: { fieldPath: "parameters.network" },
      },
    ],
    // kubernetes-sigs/kustomize#5814: an invalid replacement, not a release difference.
    nearMisses: ['Error: failed to generate manifests: failed to run kustomize build for "foo/": failed to build kustomization: replacements must specify a source and at least one target'],
  },
  {
    id: "kubectl-crd-validation-schema-too-old",
    title: "kubectl too old to validate this CustomResourceDefinition",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["apiextensions.v1beta1.JSON"],
    patterns: [
      // kubectl 1.9/1.10 validated CRDs against OpenAPI models that gave JSONSchemaPropsOrArray (items), …OrBool
      // and JSON no type at all: every value then fails with 'expected ""'. The empty expected type is the sign.
      String.raw`invalid\s+type\s+for\s+io\.k8s\.apiextensions-apiserver\.pkg\.apis\.apiextensions\.v1beta1\.(?<schemaType>JSONSchemaPropsOrArray|JSONSchemaPropsOrBool|JSONSchemaPropsOrStringArray|JSON)\s*:\s*got\s+\\?"(?<got>\w+)\\?"\s*,\s*expected\s+\\?"\\?"`,
    ],
    versions: [],
    roles: { schemaType: "CRD schema type kubectl could not validate", got: "type found in the manifest" },
    priority: 45,
    meaning:
      "An old kubectl (1.9 and 1.10 in the reports) validated a CustomResourceDefinition against OpenAPI models that leave the types of items, additionalProperties and enum values empty, so every such value fails with 'expected \"\"'; newer kubectl releases (and the API server) accept the same CRD.",
    causes: [
      "A kubectl bundled in a CI or GitOps image (fluxcd/flux 1.x shipped kubectl 1.9) or installed long ago, applying CRDs written for a newer Kubernetes (prometheus-operator, OLM).",
    ],
    fixes: ["Use a kubectl within one minor of the cluster (1.11 or newer for these CRDs); --validate=false works around an old one."],
    references: ["https://github.com/fluxcd/flux/issues/1392", "https://github.com/prometheus-operator/prometheus-operator/issues/2034"],
    examples: [
      {
        // fluxcd/flux#1392 (flux's bundled kubectl 1.9, cluster 1.11)
        line: String.raw`2018-09-25T13:02:35.693380942Z caller=sync.go:164 component=cluster method=Sync cmd="kubectl apply -f -" took=171.998444ms err="running kubectl: error: error validating \"STDIN\": error validating data: ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.profiles.items): invalid type for io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrArray: got \"map\", expected \"\"; if`,
        captures: { schemaType: "JSONSchemaPropsOrArray", got: "map" },
      },
      {
        // prometheus-operator/prometheus-operator#2034
        line: String.raw`map", expected "", ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.secrets.items): invalid type for io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrArray: got "map", expected "", ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.securityContext.properties.supplementalGroups.items): invalid type for io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrArray: got "map", expected ""`,
        captures: { schemaType: "JSONSchemaPropsOrArray", got: "map" },
      },
      {
        // operator-framework/operator-lifecycle-manager#544
        line: String.raw`ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.maturity.enum[0]): invalid type for io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSON: got "string", expected "", ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.maturity.enum[1]): invalid type`,
        captures: { schemaType: "JSON", got: "string" },
      },
    ],
    // kubernetes/kubectl#332: a real type error (the manifest is wrong), with a non-empty expected type.
    nearMisses: [String.raw`error: error validating "./ingress-controller-tcp-udp-map": error validating data: ValidationError(ConfigMap.data): invalid type for io.k8s.api.core.v1.ConfigMap.data: got "map", expected "array"; if you choose to ignore these errors, turn validation off with --validate=false`],
  },
  {
    id: "minikube-kubectl-probe-failed",
    title: "minikube could not run kubectl to compare its version with the cluster's",
    family: "kubectl",
    // A warning: the probe also fails for a broken or wrong-architecture kubectl binary.
    severity: "warning",
    flake: false,
    anchors: ["kubectl info: exec:"],
    patterns: [String.raw`kubectl\s+info\s*:\s*exec\s*:\s*exit\s+status\s+(?<status>\d+)`],
    versions: [],
    roles: { status: "exit status of the kubectl version probe" },
    priority: 35,
    meaning:
      "After starting the cluster minikube runs the kubectl on the PATH (kubectl version --client -o json) to warn about a client/cluster skew; that kubectl failed, most often because it is too old to know the command's flags (kubectl before 1.6 has no --output for version).",
    causes: ["A very old kubectl on the PATH (kubernetes/minikube#7350: kubectl 1.5.2), or a kubectl binary that cannot run on this machine."],
    fixes: ["Run `kubectl version --client` to see what fails; install a kubectl within one minor of the cluster, or use 'minikube kubectl --'."],
    references: ["https://github.com/kubernetes/minikube/issues/7350"],
    examples: [
      // kubernetes/minikube#7350 (kubectl 1.5.2), #9455, #9976
      { line: "E0331 21:01:18.230181   16751 start.go:383] kubectl info: exec: exit status 1", captures: { status: "1" } },
      { line: "E1216 11:24:31.467901   25710 start.go:266] kubectl info: exec: exit status 2", captures: { status: "2" } },
    ],
    nearMisses: ["I1216 11:28:23.304254   25968 start.go:203] waiting for startup goroutines ..."],
  },
  {
    id: "kustomize-field-removed",
    title: "kustomization written for an older kustomize than the one building it",
    family: "kubectl",
    severity: "error",
    flake: false,
    anchors: ["json: unknown field", "Go struct field Kustomization.", "go struct field kustomization.", "Go struct field ConfigMapArgs.", "Go struct field SecretArgs."],
    patterns: [
      // Only fields kustomize removed or re-typed: any other unknown field is a typo, not a version skew.
      String.raw`json\s*:\s*unknown\s+field\s+${Q}(?<field>env|commands|imageTags)(?!\w)${Q}`,
      // Not "patches": every kustomize that has it wants a list of objects there (redhat-appstudio/infra-deployments#2052
      // failed the same way with kustomize 4.5.7, 5.0.1 and 5.1.0), so a string in it is the file's mistake.
      String.raw`cannot\s+unmarshal\s+(?<got>\w+)\s+into\s+[Gg]o\s+struct\s+field\s+[Kk]ustomization\.(?<field>(?!patches\s)[\w.]+)\s+of\s+type\s+(?<type>[\w.\[\]]+)`,
      // A generator's env: one file name in kustomize 2.x, a list (envs:) since; kubeflow/metadata#229 built a list
      // with a kustomize that wanted the string.
      String.raw`cannot\s+unmarshal\s+(?<got>\w+)\s+into\s+[Gg]o\s+struct\s+field\s+(?:ConfigMapArgs|SecretArgs)\.(?<field>(?:configMapGenerator|secretGenerator)\.env)\s+of\s+type\s+(?<type>[\w.\[\]]+)`,
    ],
    versions: [],
    roles: { field: "kustomization field" },
    priority: 30,
    meaning:
      "kustomize (standalone, or embedded in kubectl) could not read a kustomization field in the shape it was written: the field was removed or re-typed between the kustomize the file was written for and the one running.",
    causes: [
      "A kustomization from kustomize 2.x examples (configMapGenerator env:, secretGenerator commands:, imageTags:) built with kustomize 3+ — they became envs:, files/envs and images:.",
      "A field whose type changed between releases (patchesStrategicMerge as objects) read by an older kustomize, such as the one embedded in kubectl 1.14–1.20.",
    ],
    fixes: [
      "Migrate the kustomization to the running kustomize (kustomize edit fix), or build with the kustomize release it was written for; for kubectl's embedded one, use a standalone kustomize.",
    ],
    references: ["https://github.com/kubernetes-sigs/kustomize/blob/master/examples/v3.md"],
    examples: [
      { line: `Error: json: unknown field "imageTags"`, captures: { field: "imageTags" } },
      {
        line: "error: json: cannot unmarshal string into Go struct field Kustomization.patchesJson6902 of type types.PatchJson6902",
        captures: { field: "patchesJson6902", got: "string" },
      },
    ],
    nearMisses: [
      `error: json: unknown field "spec"`,
      `Error: json: unknown field "environment"`,
      "couldn't make target for path '.components/image-controller/base': invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch",
    ],
  },
  {
    id: "kubectl-openapi-fallback-swagger",
    title: "kubectl newer than the cluster: no OpenAPI document, fell back to swagger",
    family: "kubectl",
    severity: "warning",
    flake: false,
    anchors: ["falling back to swagger"],
    patterns: [String.raw`Failed\s+to\s+download\s+OpenAPI\s+\(the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\)\s*,\s*falling\s+back\s+to\s+swagger`],
    versions: [],
    priority: 40,
    meaning:
      "kubectl 1.8 fetches the server's OpenAPI document (for validation and apply); an API server older than 1.7 does not serve it, so kubectl warns and falls back to swagger 1.2: the client is more than one minor newer than the cluster.",
    causes: ["A recent kubectl in the CI image or on the runner against an old cluster (1.6 and older)."],
    fixes: ["Use a kubectl within one minor of the cluster (or upgrade the cluster); the warning goes away with a matching kubectl."],
    references: ["https://github.com/kubernetes/kubernetes/issues/53683", "https://kubernetes.io/releases/version-skew-policy/#kubectl"],
    examples: [
      {
        // kubernetes/kubernetes#53683 (kubectl 1.8.0, GKE 1.6.10), Azure/ACS#69 (kubectl 1.8.0, server 1.6.6)
        line: "W1010 15:13:19.027707    6796 factory_object_mapping.go:423] Failed to download OpenAPI (the server could not find the requested resource), falling back to swagger",
      },
    ],
    nearMisses: ["W1010 15:13:19.027707    6796 factory_object_mapping.go:423] Failed to download OpenAPI (Get https://10.0.0.1/openapi/v2: dial tcp 10.0.0.1:443: i/o timeout), falling back to swagger"],
  },
  {
    id: "kubectl-auth-provider-removed",
    title: "kubeconfig uses an in-tree auth provider this client no longer has (gcp, azure)",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["auth plugin has been removed", "auth plugin is not supported", "no Auth Provider found for name"],
    patterns: [
      // client-go 1.26+ (kubernetes/kubernetes#110013) keeps a stub per removed provider that returns this error.
      String.raw`[Tt]he\s+(?<provider>gcp|[Aa]zure|openstack)\s+auth\s+plugin\s+has\s+been\s+removed`,
      // kube-rs (and tools on it) never had the in-tree providers: it names the exec plugin to use instead.
      String.raw`[Tt]he\s+(?<provider>gcp|[Aa]zure)\s+auth\s+plugin\s+is\s+not\s+supported\s*;\s*use\s+https?:\/\/`,
      // The stub's registration is gone from some builds: client-go then only says the provider is unknown.
      String.raw`no\s+Auth\s+Provider\s+found\s+for\s+name\s+${Q}(?<provider>gcp|azure)${Q}`,
    ],
    versions: [],
    roles: { provider: "auth provider named in the kubeconfig (users[].user.auth-provider)" },
    priority: 50,
    meaning:
      "The kubeconfig authenticates with a legacy in-tree auth provider (users[].user.auth-provider: gcp or azure), which kubectl and client-go removed in 1.26 in favour of exec credential plugins (gke-gcloud-auth-plugin, kubelogin): the kubeconfig was written for an older client than the one reading it.",
    causes: [
      "kubectl 1.26+ (or a tool built on client-go 1.26+: k9s 0.27, cmctl 1.11, kubeseal) on a runner whose kubeconfig came from gcloud or az without the exec plugin (USE_GKE_GCLOUD_AUTH_PLUGIN unset, az aks get-credentials --format azure).",
    ],
    fixes: [
      "GKE: install gke-gcloud-auth-plugin and rerun gcloud container clusters get-credentials (with USE_GKE_GCLOUD_AUTH_PLUGIN=True on older gcloud).",
      "AKS: install kubelogin and run kubelogin convert-kubeconfig -l azurecli (or the login mode of the job), or fetch the credentials without --format azure.",
      "Or pin kubectl (and the tool) below 1.26 until the kubeconfig is migrated.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/110013", "https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke", "https://azure.github.io/kubelogin/known-issues.html"],
    examples: [
      // GoogleCloudPlatform/microservices-demo#1445 (Terraform local-exec), cal-itp/data-infra#2089 (GitHub Actions)
      { line: "│ error: The gcp auth plugin has been removed.", captures: { provider: "gcp" } },
      {
        // derailed/k9s#1938 (k9s 0.27)
        line: String.raw`11:04AM WRN Unable to dial discovery API error="The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\nSee https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details"`,
        captures: { provider: "azure" },
      },
      {
        // night-crawler/kgv#4 (a kube-rs client given a kubeconfig with the legacy azure auth-provider)
        line: "Error: auth error: failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead",
        captures: { provider: "azure" },
      },
    ],
    nearMisses: [
      // The deprecation warning of kubectl 1.22–1.25: the request went through.
      "W1014 10:44:08.794683   20354 gcp.go:120] WARNING: the gcp auth plugin is deprecated in v1.22+, unavailable in v1.25+; use gcloud instead.",
      // NimbleArchitect/kubectl-ice#5: a tool built without the oidc provider, which client-go still has.
      'failed to create clientset: no Auth Provider found for name "oidc"',
      // knative/client#1615, flavio/kuberlr#19: a tool built without importing client-go's auth providers, whatever
      // its release (kubectl 1.26+ itself says "has been removed"); kuberlr's own probe logs it and kubectl works.
      'Error: no Auth Provider found for name "azure"',
      'I0201 12:50:21.309898   20445 versioner.go:58] no Auth Provider found for name "gcp"',
    ],
  },
];
