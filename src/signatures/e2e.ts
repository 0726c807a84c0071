import type { Signature } from "../model.js";

const Q = String.raw`\\?"`;

export const e2eSignatures: Signature[] = [
  {
    id: "e2e-client-server-version-differs",
    title: "e2e version check: kubectl and the cluster were built from different versions",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["differs from client version", "Client and Server version are different", "server version (version.Info{", "version.Info{Major:"],
    patterns: [
      // kubectl --match-server-version, which hack/e2e.go and kubetest pass before running the suite.
      String.raw`server\s+version\s+\(&?version\.Info\{[^}]*?GitVersion:${Q}(?<server>{V})${Q}[^}]*\}\)\s+differs\s+from\s+client\s+version\s+\(&?version\.Info\{[^}]*?GitVersion:${Q}(?<client>{V})`,
      String.raw`Version\s+Skew\s*:\s*Client\s+and\s+Server\s+version\s+are\s+different`,
      // The same error cut before "differs" (a pasted excerpt, a wrapped log). client-go's discovery.MatchesServerVersion
      // is the only code that prints "server version (%#v)": the words alone say the two builds differ
      // (kubernetes/kubernetes#15003). The banner is "Server Version: version.Info{", without the parenthesis.
      String.raw`\bserver\s+version\s+\(&?version\.Info\{(?:[^}]*?GitVersion:${Q}(?<server>{V})${Q})?`,
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
      // kubernetes/kubernetes#15003 (the e2e job's excerpt, cut inside the server's GitVersion)
      { line: String.raw`error: server version (version.Info{Major:"1", Minor:"1+", GitVersion:"v` },
    ],
    nearMisses: [
      String.raw`Server Version: version.Info{Major:"1", Minor:"10", GitVersion:"v1.10.0", GitCommit:"fc32d2f3698e36b93322a3465f63a14e9f0eaead", GitTreeState:"clean"}`,
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
  {
    id: "ginkgo-mismatched-package-version",
    title: "Ginkgo CLI version mismatch: a package imports another Ginkgo release (continuation line)",
    family: "kubectl",
    severity: "warning",
    flake: true,
    anchors: [" used by "],
    // ginkgo/internal/verify_version.go prints each mismatched library release as "<x.y.z> used by <pkg>, <pkg>" under
    // "Mismatched package versions found:"; the header ("Ginkgo detected a version mismatch", ginkgo-cli-library-
    // version-mismatch, node.ts) sits two lines above and CI logs often split the block into one line each.
    gate: String.raw`\d\.\d+\.\d+\s+used\s+by`,
    patterns: [String.raw`(?:^|\s)(?<library>\d+\.\d+\.\d+)\s+used\s+by\s+(?<packages>[\w./-]+(?:\s*,\s*[\w./-]+)*)\s*$`],
    versions: ["library"],
    roles: { library: "Ginkgo library release the packages import", packages: "packages importing it" },
    versionKinds: { library: { kind: "component", component: "ginkgo" } },
    priority: 44,
    meaning:
      "A line of the Ginkgo CLI's version-mismatch report (Ginkgo 2.3 on): the named packages import this Ginkgo library release, which is not the CLI's own. Ginkgo goes on, but the flags and reports it hands the suites are those of the CLI's release.",
    causes: ["The Ginkgo CLI is installed at a pinned (or latest) release while go.mod imports another (a Dependabot/Renovate bump of one without the other)."],
    fixes: ["Install the CLI from the module's go.mod (`go install github.com/onsi/ginkgo/v2/ginkgo` in the module, or `go run github.com/onsi/ginkgo/v2/ginkgo`), or pin both to one release."],
    references: ["https://onsi.github.io/ginkgo/#ginkgo-cli-version-mismatch", "https://github.com/onsi/ginkgo/blob/master/ginkgo/internal/verify_version.go"],
    examples: [
      // syself/cluster-api-provider-hetzner#1114 (CLI 2.7.1, library 2.13.2; GitHub Actions timestamp)
      { line: "2024-01-16T15:11:44.2670013Z     2.13.2 used by e2e", captures: { library: "2.13.2", packages: "e2e" } },
      { line: "    2.17.1 used by e2e, controllers", captures: { library: "2.17.1", packages: "e2e, controllers" } },
    ],
    nearMisses: ["  Mismatched package versions found:", "Port 8080 is already used by another process", "lodash 4.17.21 used by 12 packages in this workspace"],
  },
  {
    id: "minikube-driver-unknown-to-release",
    title: "minikube release predates the docker (or podman) driver it is asked to use",
    family: "distributions",
    severity: "warning",
    flake: true,
    anchors: ["is not supported]"],
    patterns: [
      // minikube config set's driver validation ("[driver %q is not supported]", in "Set failed:" or MK_CONFIG_SET). The
      // container drivers exist in every minikube since the docker driver's arrival (1.7; podman shortly after) on every OS, so only a release older than them refuses them;
      // hyperkit, kvm2, virtualbox or qemu refused is the host's platform (kubernetes/minikube#12565, #20732), left alone.
      String.raw`\[\s*[Dd]river\s+${Q}?(?<driver>docker|podman)${Q}?\s+is\s+not\s+supported\s*\]`,
    ],
    versions: [],
    roles: { driver: "driver asked for" },
    priority: 45,
    meaning:
      "minikube's config validation does not know the docker (or podman) driver: the docker driver arrived in minikube 1.7 (experimental) and podman after it, so the minikube binary is older than the setup (a pinned action input, a cached binary) assumes.",
    causes: ["A CI action or script pinning an old minikube release (1.4, 1.5, …) while configuring the container drivers of current releases."],
    fixes: ["Install a current minikube (the driver exists from 1.7 for docker), or configure a driver that release has (virtualbox, kvm2, none)."],
    references: ["https://minikube.sigs.k8s.io/docs/drivers/docker/", "https://github.com/opsgang/ga-setup-minikube/issues/8"],
    examples: [
      // opsgang/ga-setup-minikube#8 (the action installs minikube 1.4.0)
      { line: String.raw`2020-09-10T07:42:10.8084566Z X Set failed: [driver "docker" is not supported]`, captures: { driver: "docker" } },
    ],
    nearMisses: [
      String.raw`X Exiting due to MK_CONFIG_SET: run validations for "driver" with value of "hyperkit": [driver "hyperkit" is not supported]`,
      String.raw`❌  Exiting due to MK_CONFIG_SET: Set failed: run validations for "driver" with value of "qemu": [driver "qemu" is not supported]`,
    ],
  },
];
