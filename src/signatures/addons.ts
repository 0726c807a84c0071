import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;

export const addonSignatures: Signature[] = [
  {
    id: "knative-kubernetes-too-old",
    title: "Operator's minimum Kubernetes version check failed (knative.dev/pkg)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["is not compatible, need at least"],
    patterns: [
      // knative.dev/pkg's CheckK8sClientMinimumVersionOrDie, used by Knative Serving/Eventing, Tekton, cosign's
      // policy controller and others.
      String.raw`(?<prerelease>pre-release\s+)?kubernetes\s+version\s+${Q}(?<cluster>{V})${Q}\s+is\s+not\s+compatible\s*,\s*need\s+at\s+least\s+${Q}(?<minimum>{V})`,
    ],
    versions: ["cluster", "minimum"],
    roles: { cluster: "cluster (API server) version", minimum: "minimum Kubernetes this release supports" },
    priority: 50,
    meaning: "A Knative-based controller or webhook (Knative, Tekton, cosign, …) checked the API server version at start-up and exited: the cluster is older than this release supports.",
    causes: ["The operator's release was upgraded (or installed from 'latest') on a cluster older than its minimum."],
    fixes: [
      "Install the operator release that supports the cluster's version, or upgrade the cluster.",
      "Only as a stop-gap: set KUBERNETES_MIN_VERSION on the deployment.",
    ],
    references: ["https://github.com/knative/pkg/blob/main/injection/sharedmain/main.go"],
    examples: [
      {
        line: String.raw`{"level":"fatal","logger":"tekton-pipelines-webhook","msg":"Version check failed","error":"kubernetes version \"1.20.11\" is not compatible, need at least \"1.21.0-0\" (this can be overridden with the env var \"KUBERNETES_MIN_VERSION\")"}`,
        captures: { cluster: "1.20.11", minimum: "1.21.0-0" },
      },
    ],
  },
  {
    id: "istio-kubernetes-too-old",
    title: "istioctl: cluster older than this Istio supports",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["is lower than the minimum version", "by this version of Istio", "k8s server version for Istio"],
    patterns: [
      String.raw`Kubernetes\s+API\s+version\s*:\s*(?<cluster>{V})\s+is\s+lower\s+than\s+the\s+minimum\s+version\s*:\s*(?<minimum>{V})`,
      String.raw`kubernetes\s+version\s+is\s+not\s+supported\s+by\s+this\s+version\s+of\s+Istio\.\s+The\s+minimum\s+supported\s+kubernetes\s+version\s+is\s+(?<minimum>{V})`,
      // istioctl 1.5–1.7 (istio/istio#20945)
      String.raw`failed\s+to\s+meet\s+the\s+requirements\s+of\s+k8s\s+server\s+version\s+for\s+Istio\s+(?<istio>{V})\s*:\s*current\s+k8s\s+server\s+version\s*:\s*(?<cluster>{V})\s*,\s*supported\s+version\s+range\s*:\s*>=\s*(?<minimum>{V})`,
    ],
    versions: ["cluster", "minimum"],
    roles: { cluster: "cluster (API server) version", minimum: "minimum Kubernetes this Istio supports", istio: "Istio release" },
    versionKinds: { istio: { kind: "component", component: "Istio" } },
    priority: 50,
    meaning: "istioctl's precheck (or install) found a cluster older than the Istio release supports.",
    causes: ["An istioctl newer than the cluster's support window (Istio supports about four Kubernetes minors per release)."],
    fixes: ["Use the Istio release whose support matrix includes the cluster's version, or upgrade the cluster."],
    references: ["https://istio.io/latest/docs/releases/supported-releases/"],
    examples: [
      { line: "* The Kubernetes API version: v1.14.0 is lower than the minimum version: 1.15", captures: { cluster: "v1.14.0", minimum: "1.15" } },
      {
        line: "failed to meet the requirements of k8s server version for Istio 1.5.0: current k8s server version: 1.13.11, supported version range: >=1.14",
        captures: { istio: "1.5.0", cluster: "1.13.11", minimum: "1.14" },
      },
    ],
  },
  {
    id: "flux-kubernetes-version-check",
    title: "flux check: the cluster's Kubernetes version is outside Flux's range",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["does not match"],
    patterns: [
      // flux check / flux bootstrap prerequisites; kops' "does not match range:" info lines have no operator here.
      String.raw`Kubernetes\s+version\s+(?<cluster>{V})\s+does\s+not\s+match\s+(?<constraint>[<>=~^][^\n]*?{V}(?:\s+[<>=~^]+\s*{V})?)(?=\s*$|\s*[,;)])`,
    ],
    versions: ["cluster"],
    roles: { cluster: "cluster version", constraint: "Kubernetes range this Flux release supports" },
    priority: 50,
    meaning: "flux check (run by flux bootstrap and install) compares the cluster's version with the range this Flux release supports, and the cluster is outside it.",
    causes: ["A Flux CLI or chart upgraded past the cluster's Kubernetes: each Flux minor drops the oldest Kubernetes minors it tested."],
    fixes: ["Upgrade the cluster into Flux's range, or pin the Flux release that still supports this Kubernetes (see the Flux release's supported versions)."],
    references: ["https://fluxcd.io/flux/installation/#prerequisites"],
    examples: [{ line: "✗ Kubernetes version v1.27.3 does not match >=1.30.0-0", captures: { cluster: "v1.27.3", constraint: ">=1.30.0-0" } }],
    nearMisses: [
      "✔ Kubernetes 1.18.9-eks-d1db3c >=1.16.0",
      'I0502 10:26:00.780322    4445 channel.go:325] Kubernetes version "1.30.11" does not match range: >=1.4.0 <1.5.0',
    ],
  },
  {
    id: "argocd-cli-server-skew",
    title: "argocd CLI newer than the Argo CD server (gRPC service or method unknown)",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["unknown service applicationset.", "desc = unknown method"],
    patterns: [
      String.raw`code\s*=\s*Unimplemented\s+desc\s*=\s*unknown\s+service\s+(?<service>applicationset\.ApplicationSetService)`,
      // Methods of Argo CD's own API services, as named by the server that lacks them.
      String.raw`code\s*=\s*Unimplemented\s+desc\s*=\s*unknown\s+method\s+(?<method>\w+)\s+for\s+service\s+(?<service>(?:application|applicationset|repository|cluster|project|session|settings|account|certificate|gpgkey|repocreds|notification|version)\.\w+Service)`,
      // Older servers name only the method: the repository API's, which the CLI reshaped in 1.5.
      String.raw`code\s*=\s*Unimplemented\s+desc\s*=\s*unknown\s+method\s+(?<method>(?:List|Create|Update|Delete|Get|Validate)Repositor(?:y|ies)|ListRepositoryCredentials)\b`,
    ],
    versions: [],
    roles: { service: "gRPC service the client called", method: "gRPC method the server does not have" },
    priority: 50,
    meaning:
      "Argo CD's CLI (or one component) called a gRPC service or method that the Argo CD server it talks to does not have: the client is newer than the server. The ApplicationSet API, for one, is served from Argo CD 2.5 on.",
    causes: [
      "A CI job installing the latest argocd CLI (or a setup action's default) against an older Argo CD server.",
      "Argo CD components from different releases: an argocd-server upgraded ahead of (or behind) argocd-repo-server.",
    ],
    fixes: ["Use the argocd CLI of the server's release (argocd version shows both), or upgrade the server; keep all Argo CD components on one release."],
    references: ["https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd_appset/", "https://github.com/argoproj/argo-cd/issues/3417"],
    examples: [
      {
        // argoproj/applicationset#608
        line: "FATA[0000] rpc error: code = Unimplemented desc = unknown service applicationset.ApplicationSetService",
        captures: { service: "applicationset.ApplicationSetService" },
      },
      {
        // argoproj/argo-cd#3402 (CLI v1.5.1, server v1.3.6)
        line: "FATA[0001] rpc error: code = Unimplemented desc = unknown method ListRepositories",
        captures: { method: "ListRepositories" },
      },
      {
        // argoproj/argo-cd#3417 (maintainer: use the CLI of the server's version)
        line: String.raw`returns level=fatal msg="rpc error: code = Unimplemented desc = unknown method CreateRepository"`,
        captures: { method: "CreateRepository" },
      },
      {
        // argoproj/argo-cd#11784 (argocd-server ahead of argocd-repo-server); the logfmt line's error= field, which
        // the normaliser drops after msg= today.
        line: String.raw`error="rpc error: code = Unimplemented desc = unknown method ListPlugins for service repository.RepoServerService" grpc.code=Unimplemented`,
        captures: { method: "ListPlugins", service: "repository.RepoServerService" },
      },
    ],
    nearMisses: [
      // argoproj/argo-cd#3541: a --grpc-web path regression, not a version mismatch.
      "FATA[0000] rpc error: code = Unimplemented desc = unknown service /version.VersionService",
      "rpc error: code = Unimplemented desc = unknown method Frobnicate for service acme.WidgetService",
    ],
  },
  {
    id: "cert-manager-api-version-removed",
    title: "cert-manager API version removed (v1alpha2, v1alpha3, v1beta1 since cert-manager 1.7)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["cert-manager.io/v1alpha", "cert-manager.io/v1beta1"],
    patterns: [
      String.raw`request\s+to\s+convert\s+CR\s+(?:from|to)\s+an\s+invalid\s+group/version\s*:\s*(?<apiVersion>(?:acme\.)?cert-manager\.io/v1(?:alpha2|alpha3|beta1))`,
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>(?:acme\.)?cert-manager\.io/v1(?:alpha2|alpha3|beta1))\b`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "cert-manager API version asked for", kind: "cert-manager kind" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-no-kind-match, which reads any CRD group as "CRD not installed".
    priority: 55,
    meaning:
      "cert-manager 1.7 removed its v1alpha2, v1alpha3 and v1beta1 APIs (deprecated since 1.4): manifests, charts or stored objects still at those versions are not served by the installed cert-manager. (The older certmanager.k8s.io group is left to api-no-kind-match: on its own line it reads like CRDs not installed.)",
    causes: [
      "Issuer/Certificate manifests (or a chart) written for cert-manager < 1.7, applied to a cluster whose cert-manager is 1.7 or newer.",
      "Objects stored at an old version before the upgrade (the CRDs' storedVersions still list it), so the conversion webhook refuses them.",
    ],
    fixes: [
      "Move the manifests to cert-manager.io/v1 (acme.cert-manager.io/v1), and run cmctl upgrade migrate-api-version before upgrading past 1.6.",
      "Or pin cert-manager below 1.7 until the manifests are migrated.",
    ],
    references: ["https://cert-manager.io/docs/installation/upgrading/remove-deprecated-apis/"],
    examples: [
      {
        // cert-manager/cert-manager#5385
        line: String.raw`Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: resource mapping not found for name: "letsencrypt-staging" namespace: "" from "": no matches for kind "ClusterIssuer" in version "cert-manager.io/v1alpha2"`,
        captures: { kind: "ClusterIssuer", apiVersion: "cert-manager.io/v1alpha2" },
      },
      {
        // cert-manager/cert-manager#5301
        line: "Error from server: request to convert CR from an invalid group/version: acme.cert-manager.io/v1alpha2",
        captures: { apiVersion: "acme.cert-manager.io/v1alpha2" },
      },
      {
        // cert-manager/cert-manager#4900
        line: String.raw`Keep getting "request to convert CR from an invalid group/version: cert-manager.io/v1alpha2" when upgrading cert-manager`,
        captures: { apiVersion: "cert-manager.io/v1alpha2" },
      },
    ],
    nearMisses: [
      // cert-manager 0.x's own group with its CRDs not installed (fbeltrao/aks-letsencrypt#2).
      String.raw`validation failed: - no matches for kind "Certificate" in version "certmanager.k8s.io/v1alpha1"`,
      // The current version missing means the CRDs are not installed at all, not a removed version.
      String.raw`error: resource mapping not found for name: "selfsigned" namespace: "" from "issuer.yaml": no matches for kind "ClusterIssuer" in version "cert-manager.io/v1"`,
    ],
  },
];
