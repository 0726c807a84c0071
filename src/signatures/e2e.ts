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
];
