import type { Signature } from "../model.js";

const Q = String.raw`\\?"`;

export const e2eSignatures: Signature[] = [
  {
    id: "e2e-client-server-version-differs",
    title: "e2e version check: kubectl and the cluster were built from different versions",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["differs from client version", "Client and Server version are different"],
    patterns: [
      // kubectl --match-server-version, which hack/e2e.go and kubetest pass before running the suite.
      String.raw`server\s+version\s+\(&?version\.Info\{[^}]*?GitVersion:${Q}(?<server>{V})${Q}[^}]*\}\)\s+differs\s+from\s+client\s+version\s+\(&?version\.Info\{[^}]*?GitVersion:${Q}(?<client>{V})`,
      String.raw`Version\s+Skew\s*:\s*Client\s+and\s+Server\s+version\s+are\s+different`,
    ],
    versions: ["server", "client"],
    roles: { server: "cluster (server) build", client: "kubectl (client) build" },
    priority: 50,
    meaning: "The e2e harness (hack/e2e.go, kubetest) runs kubectl with --match-server-version: the kubectl binary and the cluster must come from the same build, and here they do not.",
    causes: [
      "The client was not rebuilt after a new commit (or the cluster was), so the two git versions differ.",
      "A skew job that means to test different versions without --check-version-skew=false.",
    ],
    fixes: ["Rebuild so that the kubectl and the cluster come from the same commit, or pass --check-version-skew=false to kubetest for an intended skew test."],
    references: ["https://github.com/kubernetes/test-infra/tree/master/kubetest"],
    examples: [
      {
        line: `error: server version (version.Info{Major:"1", Minor:"2+", GitVersion:"v1.2.4-beta.0-dirty", GitTreeState:"dirty"}) differs from client version (version.Info{Major:"1", Minor:"2+", GitVersion:"v1.2.4-beta.0", GitTreeState:"clean"})!`,
        captures: { server: "v1.2.4-beta.0-dirty", client: "v1.2.4-beta.0" },
      },
    ],
  },
  {
    id: "sonobuoy-kubernetes-version-unsupported",
    title: "Sonobuoy older (or newer) than the cluster's Kubernetes",
    family: "kubectl",
    severity: "warning",
    flake: true,
    anchors: ["The maximum supported Kubernetes version is", "The minimum supported Kubernetes version is", "maximum kubernetes version is", "minimum kubernetes version is"],
    patterns: [
      String.raw`The\s+(?<bound>maximum|minimum)\s+supported\s+Kubernetes\s+version\s+is\s+(?<supported>{V})\s*,\s*but\s+the\s+server\s+version\s+is\s+(?<server>{V})`,
      // Sonobuoy before 0.15.1 (vmware-tanzu/sonobuoy#815) failed its preflight checks instead of warning.
      String.raw`(?<bound>maximum|minimum)\s+kubernetes\s+version\s+is\s+(?<supported>{V})\s*,\s*got\s+(?<server>{V})`,
    ],
    versions: ["supported", "server"],
    roles: { supported: "newest (or oldest) Kubernetes this Sonobuoy supports", server: "cluster (server) version" },
    priority: 40,
    meaning: "Sonobuoy supports three Kubernetes minors per release; the cluster is outside them, so conformance results may not mean what they say (it continues with a warning above the maximum).",
    causes: ["A Sonobuoy pinned in CI (or its image) older than the cluster under test."],
    fixes: ["Use the Sonobuoy release that supports the cluster's minor."],
    references: ["https://github.com/vmware-tanzu/sonobuoy#supported-versions"],
    examples: [
      {
        // k3s-io/k3s#2840
        line: String.raw`[SERIAL-postgres] time="2021-01-22T02:54:37Z" level=warning msg="The maximum supported Kubernetes version is 1.19.99, but the server version is v1.20.2+k3s-c75e11c3. Sonobuoy will continue but unexpected results may occur."`,
        captures: { bound: "maximum", supported: "1.19.99", server: "v1.20.2+k3s-c75e11c3" },
      },
      {
        // k3s-io/k3s#1999
        line: "`The maximum supported Kubernetes version is 1.17.99, but the server version is v1.18.4+k3s-4637816f. Sonobuoy will continue but unexpected results may occur.`",
        captures: { supported: "1.17.99", server: "v1.18.4+k3s-4637816f" },
      },
      {
        // aws/aws-k8s-tester#205 (Sonobuoy v0.18.3 on EKS 1.19)
        line: String.raw`time="2021-02-17T12:44:53-08:00" level=warning msg="The maximum supported Kubernetes version is 1.18.99, but the server version is v1.19.6-eks-49a6c0. Sonobuoy will continue but unexpected results may occur."`,
        captures: { bound: "maximum", supported: "1.18.99", server: "v1.19.6-eks-49a6c0" },
      },
      {
        // cncf/k8s-conformance#630 (Sonobuoy 0.14 on 1.15.0, under "ERRO[0000] Preflight checks failed")
        line: "ERRO[0000] maximum kubernetes version is 1.14.99, got v1.15.0 ",
        captures: { bound: "maximum", supported: "1.14.99", server: "v1.15.0" },
      },
    ],
    nearMisses: ["ERRO[0000] Preflight checks failed", "INFO[0000] created object                                name=sonobuoy namespace= resource=namespaces"],
  },
];
