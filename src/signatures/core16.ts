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
];
