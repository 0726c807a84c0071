import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: core). Their reasoning lives in src/diagnose/area-core16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16core.jsonl.

export const core16Signatures: Signature[] = [
  {
    id: "kubectl-not-acceptable-old-server",
    title: "kubectl 1.10+ refused with an empty 406 Not Acceptable by an API server before 1.9 (server-side printing and content types the old server cannot negotiate)",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["Error from server (NotAcceptable): unknown"],
    patterns: [
      // kubectl's error for a 406 without a Status body (cmdutil.CheckErr over apierrors.FromObject of an empty body):
      // "Error from server (NotAcceptable): unknown (get <resource>[ <name>])", bare "unknown" for create/apply.
      String.raw`Error\s+from\s+server\s+\(NotAcceptable\):\s+unknown(?:\s+\((?<verb>get|list|watch|create|patch|update|delete)\s+(?<resource>[a-z][\w.-]{0,80})(?:\s+(?<name>[a-z0-9][\w.-]{0,100}))?\))?(?![\w(])`,
    ],
    versions: [],
    roles: { verb: "request kubectl made", resource: "resource it asked for", name: "object name" },
    priority: 50,
    meaning:
      "kubectl 1.10 and 1.11 started asking the API server for representations older servers do not produce: server-side printing (Accept: application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json, the default of kubectl get from 1.11) and newer content negotiation on create/apply. API servers before 1.9 could not fall back to a type they support when the Accept header listed one they lacked (liggitt in kubernetes/kubernetes#65718; fixed in 1.9): a 1.7/1.8 server, an aggregated API server built on the 1.8 apiserver library (metrics-server 0.2), or a proxy in front of one (Rancher 2.0) answers 406 Not Acceptable with an empty body, which kubectl prints as \"Error from server (NotAcceptable): unknown\". The kubectl is more minors ahead of the server than the supported skew.",
    causes: [
      "A CI job or cloud shell installing the latest kubectl (1.10/1.11+) against a cluster still on 1.7/1.8 (AKS, IKS, kops clusters of 2018).",
      "A tool that shells out to the kubectl on PATH (kd, VS Code's Kubernetes extension, Kubernetic) after kubectl was upgraded.",
    ],
    fixes: [
      "Use a kubectl within one minor of the cluster (az aks install-cli --client-version, a pinned kubectl release in the CI image), or upgrade the cluster.",
      "As a stop-gap for kubectl get, pass --server-print=false (kubectl 1.11).",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/65575", "https://github.com/kubernetes/kubernetes/issues/65718", "https://github.com/kubernetes/kubectl/issues/533", "https://github.com/kubernetes/kubectl/issues/385"],
    examples: [
      {
        // kubernetes/kubernetes#65575 (kubectl 1.11.0 against 1.8.4)
        line: "Error from server (NotAcceptable): unknown (get pods)",
        captures: { verb: "get", resource: "pods" },
      },
      {
        // kubernetes/kubectl#522 (kubectl 1.11.2 against AKS 1.7.7; fixed by az aks install-cli --client-version v1.7.7)
        line: "Error from server (NotAcceptable): unknown (get services my-service)",
        captures: { verb: "get", resource: "services", name: "my-service" },
      },
      // kubernetes/kubectl#385 (kubectl 1.10.0 create against 1.8.7)
      { line: "Error from server (NotAcceptable): unknown" },
    ],
  },
  {
    id: "apiserver-etcd-lacks-watch-progress",
    title: "etcd (or kine, dqlite, an etcd gRPC proxy) older than the kube-apiserver expects: RequestWatchProgress unsupported (etcd before 3.4.31 / 3.5.13)",
    family: "compatibility",
    // The start-up notice is informational (the apiserver falls back to reading from etcd); a diagnoser raises the
    // 1.35 watch failure to a cause.
    severity: "warning",
    flake: true,
    anchors: ["RequestWatchProgress feature is not supported by", "storage feature RequestWatchProgress is disabled"],
    patterns: [
      // k8s.io/apiserver/pkg/storage/feature/feature_support_checker.go (1.31+): klog.Infof("RequestWatchProgress feature
      // is not supported by %q endpoint", ep); 1.30's wording: "... by provided etcd. This will prevent
      // ConsistentListFromCache from working".
      String.raw`RequestWatchProgress\s+feature\s+is\s+not\s+supported\s+by\s+(?:\\?"(?<endpoint>[^"\\\s]{1,200})\\?"\s+endpoint|provided\s+etcd)`,
      // The apiserver's answer to a consistent watch (sendInitialEvents / WatchList) when the storage feature is off.
      String.raw`(?<refused>a\s+watch\s+stream\s+was\s+requested\s+by\s+the\s+client\s+but\s+the\s+required\s+storage\s+feature\s+RequestWatchProgress\s+is\s+disabled)`,
    ],
    versions: [],
    roles: { endpoint: "etcd endpoint the apiserver checked", refused: "the apiserver refusing a consistent watch" },
    priority: 50,
    meaning:
      "From Kubernetes 1.31 the kube-apiserver checks each etcd endpoint's version and enables watch progress requests (which ConsistentListFromCache and WatchList rely on) only for etcd 3.4.31+ or 3.5.13+. An older etcd, or an etcd-compatible store that reports no version (kine before its emulated version, k8s-dqlite, an etcd gRPC proxy), makes it log this and fall back to consistent reads from etcd. In 1.35, where ConsistentListFromCache is locked on, clients' streaming watches then fail with \"the required storage feature RequestWatchProgress is disabled\".",
    causes: [
      "An etcd older than 3.5.13 / 3.4.31 under a 1.31+ apiserver: etcd-operator or Kamaji-managed etcd images (3.5.6, 3.5.12), a cluster upgraded without its external etcd.",
      "kine (k3s's datastore) or k8s-dqlite that reports no etcd version to the status call (k3s-io/k3s#11220), or an etcd gRPC proxy without progress requests (etcd-io/etcd#19710).",
    ],
    fixes: [
      "Upgrade etcd to 3.5.13+ (or 3.4.31+), or raise the etcd image of the operator or installer that runs it (etcd-operator, Kamaji, an external etcd left behind by a cluster upgrade).",
      "With kine, upgrade k3s / kine to a release that reports an emulated etcd version (kine --emulated-etcd-version); do not put an etcd gRPC proxy between the apiserver and etcd.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/124612", "https://github.com/k3s-io/k3s/issues/11220", "https://github.com/cozystack/cozystack/issues/3080"],
    examples: [
      {
        // k3s-io/kine#315 (standalone kine under Kubernetes 1.31; fixed by kine's emulated etcd version, kine#316)
        line: String.raw`I0821 11:28:55.647183       1 feature_support_checker.go:133] RequestWatchProgress feature is not supported by "https://kine.qa-system.svc.cluster.local:2379" endpoint`,
        captures: { endpoint: "https://kine.qa-system.svc.cluster.local:2379" },
      },
    ],
    nearMisses: [
      // kubernetes/kubernetes#124612: the checker's source in a review
      String.raw`+		klog.Infof("RequestWatchProgress feature is not supported by %q endpoint", ep)`,
    ],
  },
];
