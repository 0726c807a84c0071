import type { Signature } from "../model.js";

// Runtime symptoms of skew between running components (kubelet, kube-proxy, etcd, test binaries and the
// apiserver they talk to), where no version check names the mismatch and the failure shows only as a refused
// request. Filled by the recognition-breadth work.

const Q = String.raw`\\?"`;

// Ginkgo v2 spells its flags in kebab case; these names exist in no v1 release, so a v1 CLI (or a test
// binary built with Ginkgo v1) that is handed one has met a harness written for v2. Short names that other
// programs also define (timeout, procs, dry-run) are left out: unprefixed, they prove nothing.
const GINKGO_V2_ONLY_BARE = [
  "label-filter",
  "show-node-events",
  "poll-progress-after",
  "poll-progress-interval",
  "silence-skips",
  "force-newlines",
  "github-output",
  "fail-on-empty",
  "must-pass-repeatedly",
  "output-interceptor-mode",
  "junit-report",
  "json-report",
  "teamcity-report",
  "keep-separate-reports",
  "keep-separate-coverprofiles",
  "flake-attempts",
  "randomize-all",
  "always-emit-ginkgo-writer",
].join("|");

// etcd flags removed by release (etcd-io/etcd CHANGELOG-3.6 "Flags removed", etcd-io/etcd#19914; CHANGELOG-3.7
// "Removed all deprecated experimental flags", etcd-io/etcd#19959). etcd parses with Go's flag package, so the
// refusal reads "flag provided but not defined: -x" and names neither etcd nor its release.
const ETCD_V2_FLAGS = "enable-v2|experimental-enable-v2v3|enable-v2v3";
// The --experimental-* names etcd 3.6 deprecated and 3.7 removed (each has a graduated name or a feature gate).
// 3.6's removed --proxy* flags are left out: -proxy is a common name, and the prefix naming etcd is gone by the
// time the pattern runs.
const ETCD_37_EXPERIMENTAL_FLAGS = [
  "initial-corrupt-check",
  "corrupt-check-time",
  "compact-hash-check-enabled",
  "compact-hash-check-time",
  "watch-progress-notify-interval",
  "enable-lease-checkpoint",
  "enable-lease-checkpoint-persist",
  "snapshot-catchup-entries",
  "snapshot-catch-up-entries",
  "warning-apply-duration",
  "warning-unary-request-duration",
  "memory-mlock",
  "bootstrap-defrag-threshold-megabytes",
  "enable-distributed-tracing",
  "distributed-tracing-address",
  "distributed-tracing-service-name",
  "distributed-tracing-instance-id",
  "distributed-tracing-sampling-rate",
  "backend-bbolt-freelist-type",
  "compaction-batch-limit",
  "compaction-sleep-interval",
  "downgrade-check-time",
  "peer-skip-client-san-verification",
  "max-learners",
  "stop-grpc-service-on-defrag",
  "txn-mode-write-with-shared-buffer",
  "wait-cluster-ready-timeout",
].join("|");

export const nodeSignatures: Signature[] = [
  {
    id: "ginkgo-flag-not-defined",
    title: "Test binary or Ginkgo CLI handed a Ginkgo flag of another Ginkgo release",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["flag provided but not defined"],
    patterns: [
      // Go's flag package: "flag provided but not defined: -%s" (the name as given, one dash printed).
      String.raw`flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}(?<flag>ginkgo\.[A-Za-z][\w.-]*)`,
      String.raw`flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}(?<flag>(?:${GINKGO_V2_ONLY_BARE}))(?![\w-])`,
    ],
    versions: [],
    roles: { flag: "Ginkgo flag the binary does not define" },
    // Above k8s-component-unknown-flag (60), which matches every Go flag error and knows no Ginkgo release.
    priority: 67,
    meaning:
      "A Go test binary (an e2e.test, a suite compiled with `ginkgo build`) or the Ginkgo CLI refused a -ginkgo.* flag it does not define. The harness that passes the flag (the Ginkgo CLI, kubetest/kubetest2, a conformance image's runner, a Makefile) and the Ginkgo library compiled into the binary come from different Ginkgo releases: v2 renamed the flags to kebab case and added new ones (--label-filter, --timeout, --show-node-events), and v1 releases added flags over time.",
    causes: [
      "A Ginkgo v2 CLI or a runner written for Kubernetes 1.25+ test binaries (Ginkgo v2) runs an e2e.test built with Ginkgo v1 (Kubernetes 1.24 and older), or the reverse.",
      "A Ginkgo CLI newer than the Ginkgo library vendored into the suite passes a flag that library release does not have yet.",
    ],
    fixes: [
      "Run the suite with the Ginkgo CLI from the suite's own go.mod (`go run github.com/onsi/ginkgo/v2/ginkgo`), or pass only the flags of the Ginkgo major the binary was built with (for Kubernetes 1.24 and older test binaries: no --ginkgo.timeout, --ginkgo.label-filter, kebab-case names).",
      "In kubetest2 or a conformance runner, pick the flag set by the Kubernetes release under test.",
    ],
    references: ["https://onsi.github.io/ginkgo/MIGRATING_TO_V2#changed-command-line-flags", "https://github.com/kubernetes/kubernetes/pull/109111"],
    examples: [
      // onsi/ginkgo#350 (Ginkgo CLI 1.2.0 vs a newer flag)
      { line: "flag provided but not defined: -ginkgo.flakeAttempts", captures: { flag: "ginkgo.flakeAttempts" } },
      // A README's troubleshooting entry (Ginkgo v2 CLI on a v1 suite)
      { line: "### When running `ginkgo` I get this error: `flag provided but not defined: -ginkgo.timeout`", captures: { flag: "ginkgo.timeout" } },
      // onsi/ginkgo#1448 (Ginkgo 1.16.5 CLI given a v2 flag)
      { line: "flag provided but not defined: -show-node-events", captures: { flag: "show-node-events" } },
      { line: String.raw`F0712 10:11:12.000000   12345 e2e.go:99] flag provided but not defined: -ginkgo.label-filter`, captures: { flag: "ginkgo.label-filter" } },
    ],
    nearMisses: [
      // vsphere-csi-driver#177: a quoting mistake in GINKGO_OPTS, not a release difference.
      "flag provided but not defined: -v --skip",
      // skroutz/rafka#41: the suite's own flag.
      "flag provided but not defined: -kafka",
      "You're using deprecated Ginkgo functionality:",
      "  --ginkgo.noColor is deprecated, use --ginkgo.no-color instead",
    ],
  },
  {
    id: "ginkgo-cli-library-version-mismatch",
    title: "Ginkgo CLI and the Ginkgo library of the suites are different releases",
    family: "kubectl",
    severity: "warning",
    flake: true,
    anchors: ["Ginkgo detected a version mismatch"],
    patterns: [
      // ginkgo/command: the header, then "Ginkgo CLI Version:" and "Mismatched package versions found:" each
      // followed by an indented version line; flattened pastes keep all of it on one line.
      String.raw`Ginkgo\s+detected\s+a\s+version\s+mismatch(?:\s+between\s+the\s+Ginkgo\s+CLI)?(?:[\s\S]{0,120}?Ginkgo\s+CLI\s+Version\s*:\s*(?<cli>\d+\.\d+\.\d+)\s+Mismatched\s+package\s+versions\s+found\s*:\s*(?<library>\d+\.\d+\.\d+))?`,
    ],
    versions: ["cli", "library"],
    roles: { cli: "Ginkgo CLI release", library: "Ginkgo library release compiled into the suites" },
    versionKinds: { cli: { kind: "component", component: "ginkgo" }, library: { kind: "component", component: "ginkgo" } },
    priority: 45,
    meaning:
      "The Ginkgo CLI found that the suites import another Ginkgo release than its own. Ginkgo goes on running, but the CLI passes flags and reads reports the way its own release does: flag parsing errors, a different default timeout or missing report fields that follow come from this mismatch.",
    causes: ["The CI installs the Ginkgo CLI at a pinned (or latest) release while go.mod was bumped (Dependabot/Renovate), or the reverse."],
    fixes: [
      "Install the CLI from the module's own go.mod (`go install github.com/onsi/ginkgo/v2/ginkgo` in the module, or `go run github.com/onsi/ginkgo/v2/ginkgo`), or pin the CLI in the Makefile to the go.mod release.",
    ],
    references: ["https://onsi.github.io/ginkgo/#ginkgo-cli-version-mismatch"],
    examples: [
      // syself/cluster-api-provider-hetzner#1529, metal3-io/baremetal-operator#1524
      { line: "Ginkgo detected a version mismatch between the Ginkgo CLI and the version of Ginkgo imported by your packages:" },
      // A flattened paste (velero-io/velero#10023's block on one line)
      {
        line: "Ginkgo detected a version mismatch between the Ginkgo CLI and the version of Ginkgo imported by your packages:   Ginkgo CLI Version:     2.22.0   Mismatched package versions found:     2.28.3 used by e2e",
        captures: { cli: "2.22.0", library: "2.28.3" },
      },
    ],
    nearMisses: ["  Ginkgo will continue to attempt to run but you may see errors (including flag", "Ginkgo ran 1 suite in 4.962161913s"],
  },
  {
    id: "go-test-flags-not-registered",
    title: "Go test binary refused the go command's own -test.* flags",
    // Not "generic": that family is the fallback layer, tried only where no specific rule matches.
    family: "kubectl",
    severity: "warning",
    flake: false,
    anchors: ["flag provided but not defined"],
    patterns: [String.raw`flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}(?<flag>test\.[A-Za-z][\w.]*)`],
    versions: [],
    roles: { flag: "testing flag the binary had not registered" },
    priority: 67,
    meaning:
      "A Go test binary refused a -test.* flag that the go command passes itself. Since Go 1.13 the testing package registers its flags in testing.Init, called by the generated test main; a package that calls flag.Parse() in an init function parses the command line before they exist. Code written for Go 1.12 or older breaks when built with a newer Go.",
    causes: ["A test, or a package it imports, calls flag.Parse() in init() (or at package level); the job's Go was upgraded past 1.12."],
    fixes: ["Move flag.Parse() out of init() (into main or TestMain), or call testing.Init() before it; `go vet` flags the pattern."],
    references: ["https://go.dev/doc/go1.13#testing", "https://github.com/golang/go/issues/31859"],
    examples: [
      // golang/go#33774, robertgzr/porcelain#8, douyu/jupiter#132
      { line: "flag provided but not defined: -test.timeout", captures: { flag: "test.timeout" } },
      // timabell/schema-explorer#8 (go1.13.3)
      { line: "flag provided but not defined: -test.testlogfile", captures: { flag: "test.testlogfile" } },
    ],
    nearMisses: ["Usage of /tmp/go-build290440972/b001/porcelain.test:"],
  },
  {
    id: "apiserver-client-media-type-unsupported",
    title: "apiserver refused the request body's media type (HTTP 415)",
    family: "api",
    // An error only where the diagnosis proves the skew (a node component, a server without protobuf, or
    // versions from the job); every other 415 it downgrades to a warning or dismisses.
    severity: "error",
    flake: true,
    anchors: ["the body of the request was in an unknown format", "status code 415", "415: Unsupported Media Type", "(UnsupportedMediaType)", ") 415", "resp=415"],
    patterns: [
      // apimachinery's NewUnsupportedMediaTypeError: the server lists the media types it decodes.
      String.raw`the\s+body\s+of\s+the\s+request\s+was\s+in\s+an\s+unknown\s+format\s*-\s*accepted\s+media\s+types\s+include\s*:\s*(?<accepted>[\w/.+-]+(?:\s*,\s*[\w/.+-]+){0,8})`,
      // client-go's fallback when the 415 body is not a Status (older apiservers, go-restful's own 415).
      String.raw`the\s+server\s+responded\s+with\s+the\s+status\s+code\s+415\s+but\s+did\s+not\s+return\s+more\s+information(?:\s*\((?<verb>[a-z]+)\s+(?<resource>[\w.-]+)\))?`,
      String.raw`(?:\(UnsupportedMediaType\)\s*:\s*)?415\s*:\s*Unsupported\s+Media\s+Type`,
      // The apiserver's own request log (httplog): 1.2-1.17 "%s %s: (%v) %v" (pkg/httplog), structured from 1.18 on
      // ("HTTP" verb=… URI=… resp=415). Only writes to the node objects and events a kubelet or kube-proxy sends.
      String.raw`(?<verb>POST|PUT|PATCH)\s+(?<path>/api/v1/(?:nodes(?:/[\w.-]+/status)?|namespaces/[\w.-]+/(?:events|pods/[\w.-]+/status)))\s*:\s*\([^()\s]{1,20}\)\s+415\b`,
      String.raw`verb=\\?"(?<verb>POST|PUT|PATCH)\\?"\s+URI=\\?"(?<path>/api/v1/(?:nodes(?:/[\w.-]+/status)?|namespaces/[\w.-]+/(?:events|pods/[\w.-]+/status)))[^"\s]*\\?"[^\n]{0,400}?\bresp=415\b`,
    ],
    versions: [],
    roles: { accepted: "media types the apiserver accepts", resource: "resource the request was for", path: "request path in the apiserver's log" },
    priority: 40,
    meaning:
      "The apiserver answered 415: it cannot decode the request body's content type or patch type. Between Kubernetes components this is a version skew: a kubelet or kube-proxy 1.3+ talks protobuf, which a 1.2 apiserver does not decode; a client sending a patch type (apply-patch+yaml for server-side apply) older apiservers do not know. From a hand-made request or a proxy it is a wrong Content-Type header.",
    causes: [
      "Nodes (kubelet, kube-proxy) upgraded before the control plane, or a control plane rolled back, so a newer client encodes requests the older apiserver cannot read.",
      "A client or controller using server-side apply (or another patch type) against an apiserver that predates it.",
      "Not skew: a curl/script/proxy request without (or with a wrong) Content-Type header.",
    ],
    fixes: [
      "Upgrade the control plane before the nodes (the version skew policy allows kubelets older than the apiserver, never newer).",
      "For a hand-made request, send Content-Type: application/json (or the patch type the verb needs, such as application/strategic-merge-patch+json).",
    ],
    references: ["https://kubernetes.io/releases/version-skew-policy/", "https://kubernetes.io/docs/reference/using-api/api-concepts/#alternate-representations-of-resources"],
    examples: [
      // openshift/origin#12327, kubernetes/kubernetes#39143 (a 1.2 apiserver, the kubelet reinstalled newer)
      {
        line: String.raw`Dec 22 16:14:31 docker-server03 kubelet: E1222 16:14:31.916140   13349 kubelet.go:1222] Unable to register node "node03.stg-k8s.com" with API server: the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
        captures: { accepted: "application/json, application/yaml" },
      },
      // kubernetes/kubernetes#29624 (kube-proxy's events)
      {
        line: String.raw`Type:"Normal"}': 'the server responded with the status code 415 but did not return more information (post events)' (will not retry!)`,
        captures: { verb: "post", resource: "events" },
      },
      // appvia/kore#204
      { line: "Error from server (UnsupportedMediaType): 415: Unsupported Media Type" },
      // kubernetes/kubernetes#34265 (a 1.4 kubelet's node status against a 1.2 apiserver, in the apiserver's log)
      { line: "I1006 17:35:54.324924       1 handlers.go:152] PUT /api/v1/nodes/kube-master1/status: (500.555µs) 415", captures: { verb: "PUT", path: "/api/v1/nodes/kube-master1/status" } },
      // kubernetes/kubernetes#28361 (1.3 nodes registering with a 1.2 master)
      { line: "I0701 11:53:12.877874       7 handlers.go:152] POST /api/v1/nodes: (435.314µs) 415", captures: { verb: "POST", path: "/api/v1/nodes" } },
      {
        line: String.raw`I0302 10:11:12.345678       1 httplog.go:132] "HTTP" verb="PATCH" URI="/api/v1/nodes/worker-1/status?timeout=10s" latency="1.2ms" userAgent="kubelet/v1.31.0 (linux/amd64) kubernetes/9edcffc" audit-ID="5c1" srcIP="10.0.0.5:50312" resp=415`,
        captures: { verb: "PATCH", path: "/api/v1/nodes/worker-1/status" },
      },
    ],
    nearMisses: [
      "I0701 11:53:12.877874       7 handlers.go:152] GET /api/v1/nodes: (435.314µs) 200",
      "I1006 17:35:54.324924       1 handlers.go:152] PUT /api/v1/nodes/kube-master1/status: (500.555µs) 200",
      "I0701 11:53:12.877874       7 handlers.go:152] GET /api/v1/namespaces/default/configmaps/foo: (435.314µs) 415",
      // kubernetes/website#48317: a 406 on the response type, not the request body.
      `message: "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf", reason: "NotAcceptable", code: 406`,
    ],
  },
  {
    id: "apiserver-field-selector-not-known",
    title: "apiserver refused a field selector its release does not support",
    family: "api",
    // An error only where the selector is one a later release added and the client is a node component or
    // the job's versions show it newer: a warning for that selector otherwise, and any other one is dismissed.
    severity: "error",
    flake: true,
    anchors: ["is not a known field selector", "field label not supported", "field label"],
    patterns: [
      // apimachinery's DefaultMetaV1FieldSelectorConversion: "%q is not a known field selector: only %q, %q".
      String.raw`(?:failed\s+to\s+list\s+\*v\d\w*\.(?<kind>\w+)\s*:\s*)?${Q}(?<field>[\w.]+)${Q}\s+is\s+not\s+a\s+known\s+field\s+selector`,
      // The wordings of older apiservers and of kinds with their own conversion function.
      String.raw`(?:failed\s+to\s+list\s+\*(?:v\d\w*|api)\.(?<kind>\w+)\s*:\s*)?field\s+label\s+not\s+supported\s*:\s*(?<field>[\w.]+)`,
      String.raw`field\s+label\s+${Q}(?<field>[\w.]+)${Q}\s+not\s+supported\s+for\s+(?<kind>\w+)`,
    ],
    versions: [],
    roles: { field: "field selector the apiserver refused", kind: "resource listed" },
    priority: 45,
    meaning:
      "The apiserver rejected a list or watch with a field selector it does not support for that resource. Field selectors are added per resource and release (Services accept spec.clusterIP and spec.type from 1.31, and 1.31+ kubelets list Services with spec.clusterIP!=None): a client newer than the apiserver, such as a kubelet upgraded before the control plane or talking to an older apiserver through a load balancer, fails this way. A selector no release supports is a client bug.",
    causes: [
      "A 1.31+ kubelet (or another newer client) listing Services with spec.clusterIP against a 1.30 or older apiserver: a control-plane node upgraded first whose kubelet reaches the others through the load balancer, or nodes upgraded before the control plane.",
      "Not skew: a client (an operator, a script) using a field no release supports for that resource, or a proxy between client and apiserver that only passes metadata.name/metadata.namespace selectors.",
    ],
    fixes: [
      "Upgrade the control plane before the nodes; for kubeadm control-plane nodes, point the kubelet at the local apiserver during the upgrade (kubeadm's ControlPlaneKubeletLocalMode).",
      "For a client bug: select on metadata.name / metadata.namespace or labels, or filter client side.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/123905", "https://github.com/kubernetes-sigs/cluster-api/pull/10947", "https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/"],
    examples: [
      // Not a posted line: the apiserver's answer to a 1.31 kubelet's Services list (kubernetes-sigs/cluster-api#10947).
      {
        line: String.raw`E0726 10:11:12.131415    2477 reflector.go:158] "Unhandled Error" err="k8s.io/client-go/informers/factory.go:160: Failed to watch *v1.Service: failed to list *v1.Service: \"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"" logger="UnhandledError"`,
        captures: { kind: "Service", field: "spec.clusterIP" },
      },
      // openyurtio/openyurt#2379 (yurthub's own multiplexer refusing the kubelet's selector)
      { line: String.raw`	apiserver received an error that is not an metav1.Status: "spec.clusterIP" is not a known field selector: only "metadata.name", "metadata.namespace"`, captures: { field: "spec.clusterIP" } },
    ],
    nearMisses: [
      // rook/rook#12350: a CRD field the CRD does not declare selectable (dismissed).
      String.raw`"spec.csi.driver" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      // kubernetes/kubernetes#10515: a v0.19 apiserver bug, fixed at HEAD.
      `  message: "field label not supported: spec.nodeName",`,
      // kubernetes/kube-state-metrics#2581: a Pod's selector applied to every kind (dismissed: no release has it).
      String.raw`E1231 07:42:33.416332       1 reflector.go:158] "Unhandled Error" err="pkg/mod/k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.Job: failed to list *v1.Job: field label \"spec.nodeName\" not supported for Job" logger="UnhandledError"`,
      // redhat-developer/service-binding-operator#223: a bare name is no object path.
      String.raw`{"level":"error","ts":1571942209.6852767,"msg":"On binding application.","Request.Namespace":"div","error":"\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""}`,
      "I0413 09:08:13.849250       1 util.go:397] kubelet list services: /api/v1/services?fieldSelector=spec.clusterIP%21%3DNone&limit=500&resourceVersion=0, in flight requests for pool scope metadata: 2",
      "kubectl get ingress --field-selector foo.bar=baz",
    ],
  },
  {
    id: "etcd-peer-version-incompatible",
    title: "etcd members too many versions apart to talk to each other",
    family: "compatibility",
    severity: "error",
    flake: true,
    // From the start of each message: the generic layer's anchors ("lower than", "too low") inside them
    // would otherwise hide an anchor that starts later.
    anchors: ["version is too low", "the running cluster version", "cluster version of remote member is not compatible", "server version incompatible"],
    patterns: [
      // rafthttp checkVersionCompatibility: "remote version is too low: remote[%s]=%s, local=%s" (and "local version is too low").
      String.raw`(?<side>remote|local)\s+version\s+is\s+too\s+low\s*:\s*remote\[(?<peer>[0-9a-f]{1,16})\]\s*=\s*(?<remote>{V})\s*,\s*local\s*=\s*(?<local>{V})`,
      // etcdserver/cluster_util.go isCompatibleWithVers (capnslog), on joining an existing cluster.
      String.raw`the\s+running\s+cluster\s+version\s*\(\s*(?<cluster>{V})\s*\)\s+is\s+(?<direction>lower|higher)\s+than\s+the\s+(?:minimal|maximum)\s+cluster\s+version\s*\(\s*(?<supported>{V})\s*\)\s+supported`,
      // The same check under zap (3.4+), the versions as fields.
      String.raw`cluster\s+version\s+of\s+remote\s+member\s+is\s+not\s+compatible\s*;\s*too\s+(?<direction>low|high)(?:[\s\S]{0,80}?remote-member-cluster-version${Q}\s*:\s*${Q}(?<cluster>{V})${Q}\s*,\s*${Q}(?:minimum|maximum)-cluster-version-supported${Q}\s*:\s*${Q}(?<supported>{V}))?`,
      // The sending side names no versions: "request sent was ignored by peer %s (server version incompatible)".
      String.raw`request\s+sent\s+was\s+ignored\s+by\s+(?:remote\s+)?peer(?:\s+(?<peer>[0-9a-f]{1,16}))?\s*(?:\(\s*|due\s+to\s+)server\s+version\s+incompatible`,
    ],
    versions: ["remote", "local", "cluster", "supported"],
    roles: {
      remote: "etcd version of the remote member",
      local: "etcd version of the member that logged",
      cluster: "cluster version the existing members run",
      supported: "oldest (or newest) cluster version this etcd can join",
    },
    versionKinds: {
      remote: { kind: "component", component: "etcd" },
      local: { kind: "component", component: "etcd" },
      cluster: { kind: "component", component: "etcd" },
      supported: { kind: "component", component: "etcd" },
    },
    priority: 55,
    meaning:
      "etcd members refuse each other's raft traffic (or refuse to join) when their versions are more than one minor apart: etcd upgrades one minor at a time (2.3 → 3.0 → 3.1 ...), each member at the newest patch of its minor first. A member started with a binary that skipped a minor cannot talk to the rest.",
    causes: [
      "A rolling upgrade that skipped a minor (etcd 2.3 straight to 3.2, 3.3 straight to 3.5), or an image bump that moved one member ahead of the others.",
      "A new member of a newer (or older) etcd added to an existing cluster.",
    ],
    fixes: [
      "Upgrade through every minor in between (each member to the intermediate release, wait for the cluster version to move), or restore from a snapshot into a cluster of one version.",
      "Pin the etcd image of all members to one release in the installer (kubeadm's etcd.local.imageTag, the distribution's etcd version).",
    ],
    references: ["https://etcd.io/docs/v3.5/upgrades/", "https://github.com/etcd-io/etcd/issues/8362"],
    examples: [
      // etcd-io/etcd#8362 (2.3.7 members, a 3.2.1 binary)
      {
        line: "Aug 03 08:32:26 node1 etcd[7846]: request version incompatibility (remote version is too low: remote[c5c32c983df15f43]=2.3.7, local=3.2.1)",
        captures: { side: "remote", peer: "c5c32c983df15f43", remote: "2.3.7", local: "3.2.1" },
      },
      // etcd-io/etcd#2889 (the wording as merged)
      {
        line: "13:32:28 etcd3 | 2015/06/2 13:32:28 rafthttp: request received was ignored (remote version is too low: remote[a8266ecf031671f3]=2.1.0-alpha.0+git, local=2.3.0-alpha.0+git)",
        captures: { remote: "2.1.0-alpha.0+git", local: "2.3.0-alpha.0+git" },
      },
      { line: "Aug 03 08:32:26 node1 etcd[7846]: request sent was ignored by peer 1c0237f83d17c6d1 (server version incompatible)", captures: { peer: "1c0237f83d17c6d1" } },
      // Not a posted line: etcdserver/cluster_util.go's capnslog format.
      {
        line: "2017-08-03 08:32:26.000000 W | etcdserver: the running cluster version(2.3.0) is lower than the minimal cluster version(3.0.0) supported",
        captures: { cluster: "2.3.0", direction: "lower", supported: "3.0.0" },
      },
      // Not a posted line: the same check's zap fields (etcd 3.4+).
      {
        line: String.raw`{"level":"warn","ts":"2021-10-15T01:05:35.546Z","caller":"etcdserver/cluster_util.go:315","msg":"cluster version of remote member is not compatible; too low","remote-member-id":"f9ff647346dd46d","remote-member-cluster-version":"3.2.0","minimum-cluster-version-supported":"3.3.0"}`,
        captures: { direction: "low", cluster: "3.2.0", supported: "3.3.0" },
      },
    ],
    nearMisses: [
      // bitnami/charts#7821: another cluster's member, not another version.
      String.raw`{"level":"warn","ts":"2021-10-15T01:05:35.547Z","caller":"rafthttp/stream.go:653","msg":"request sent was ignored by remote peer due to cluster ID mismatch","remote-peer-id":"f9ff647346dd46d","error":"cluster ID mismatch"}`,
      "Aug 03 08:32:26 node1 etcd[7846]: updated the cluster version from 2.2 to 2.3",
    ],
  },
  {
    id: "etcdctl-api-version-mismatch",
    title: "etcdctl run with the other API version than the command was written for",
    family: "compatibility",
    // The same refusal follows an ETCDCTL_API that was set but not exported; the release only decides the default.
    severity: "warning",
    flake: false,
    anchors: ["No help topic for", "unknown command"],
    patterns: [
      // etcdctl in v2 mode (urfave/cli): the default of etcdctl 3.3 and older, the only mode of etcdctl 2.x.
      String.raw`No\s+help\s+topic\s+for\s+'(?<command>put|del|txn|compaction|alarm|defrag|endpoint|lease|snapshot|move-leader|make-mirror|migrate|elect|lock|check|downgrade)'`,
      // etcdctl in v3 mode (cobra): the default from 3.4 on, which has none of the v2 key commands.
      String.raw`unknown\s+command\s+${Q}(?<command>ls|mk|mkdir|rm|rmdir|set|setdir|update|updatedir|cluster-health|backup|exec-watch|import)${Q}\s+for\s+${Q}etcdctl`,
      // Names no other cobra CLI has: enough without the "for etcdctl" that a cut or escaped paste loses.
      String.raw`unknown\s+command\s+${Q}(?<command>cluster-health|exec-watch|setdir|updatedir)${Q}`,
    ],
    versions: [],
    roles: { command: "etcdctl command of the other API version" },
    priority: 45,
    meaning:
      "etcdctl speaks two APIs with different commands: v2 (ls, set, mk, cluster-health, backup) and v3 (put, del, snapshot, endpoint, lease, defrag). etcdctl 3.3 and older default to v2 unless ETCDCTL_API=3 is exported, and etcdctl 2.x has only v2; etcdctl 3.4 and later default to v3 (3.5 dropped v2). A script or runbook written for one default refuses commands under the other, and Kubernetes' data lives only in the v3 store.",
    causes: [
      "A backup or restore script written for etcdctl 3.4+ (v3 by default) run with an older etcdctl, or ETCDCTL_API=3 set in the shell without export.",
      "A script written for etcdctl 3.3 or older (v2 commands: set, ls, cluster-health) run with etcdctl 3.4+ (flannel's network config, old runbooks).",
    ],
    fixes: [
      "Export ETCDCTL_API=3 (or prefix the command) for etcdctl 3.3 and older; use the v3 commands (put, get --prefix, endpoint health, snapshot save) with etcdctl 3.4+.",
      "Use the etcdctl of the etcd release the cluster runs (the etcd image ships one).",
    ],
    references: ["https://etcd.io/docs/v3.4/upgrades/upgrade_3_4/", "https://github.com/etcd-io/etcd/pull/10768"],
    examples: [
      // etcd-io/etcd#10768 (etcdctl 3.3.13, API version 2), etcd-io/etcd#6897 (3.1.0-rc.1, ETCDCTL_API not exported)
      { line: "No help topic for 'put'", captures: { command: "put" } },
      // Study notes' backup step without ETCDCTL_API=3 (etcdctl 3.3 and older).
      { line: "No help topic for 'snapshot'", captures: { command: "snapshot" } },
      // etcd's upgrade_3_4 guide: v2's set under the new v3 default.
      { line: String.raw`Error: unknown command "set" for "etcdctl"`, captures: { command: "set" } },
      // kubernetes-sigs/kubespray#5998 (etcd 3.4's v3 default under a v2 health check), escaped and cut.
      { line: String.raw`"Error: unknown command \"cluster-health\" `, captures: { command: "cluster-health" } },
    ],
    nearMisses: [
      // A line continuation lost in a paste: a file name taken for a command.
      String.raw`Error: unknown command "server.key" for "etcdctl"`,
      // Another cobra CLI: "ls" proves nothing without etcdctl.
      String.raw`Error: unknown command "ls" for "helm"`,
      "WARNING:",
      "   Environment variable ETCDCTL_API is not set; defaults to etcdctl v2.",
    ],
  },
  {
    id: "apiserver-etcd2-backend-removed",
    title: "kube-apiserver 1.13+ told to use the removed etcd2 storage backend",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["is no longer a supported storage backend"],
    patterns: [String.raw`(?<backend>etcd2)\s+is\s+no\s+longer\s+a\s+supported\s+storage\s+backend`],
    versions: [],
    roles: { backend: "storage backend the apiserver was given" },
    priority: 55,
    meaning:
      "kube-apiserver 1.13 removed the etcd2 storage backend (deprecated since 1.9). A manifest or unit that still passes --storage-backend=etcd2 stops the apiserver at start: it was written for 1.12 or older, and the data must be migrated to the etcd v3 store before the upgrade.",
    causes: ["An installer template or static-pod manifest from before 1.13 (CoreOS-era guides, juju/kube-aws/kops clusters kept on etcd2) used with a 1.13+ apiserver."],
    fixes: [
      "Migrate the data to the etcd v3 store (etcdctl migrate on etcd 3.x, before the upgrade), then drop --storage-backend=etcd2 (etcd3 is the default).",
      "Or stay on a 1.12 apiserver until the migration is done.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/pull/69310", "https://v1-12.docs.kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/"],
    examples: [
      // Not a posted line: storagebackend/factory's error as kube-apiserver's "Error:" exit prints it.
      { line: "Error: etcd2 is no longer a supported storage backend", captures: { backend: "etcd2" } },
      { line: String.raw`F1203 10:11:12.131415       1 storage_decorator.go:57] Unable to create storage backend: config (&{etcd2 /registry [https://127.0.0.1:2379] ...}), err (etcd2 is no longer a supported storage backend)`, captures: { backend: "etcd2" } },
    ],
    nearMisses: ["      --storage-backend string   The storage backend for persistence. Options: 'etcd3' (default)."],
  },
  {
    id: "etcd-flag-removed",
    title: "etcd started with a flag a later etcd release removed",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["flag provided but not defined"],
    patterns: [
      // Names only etcd ever had: the v2 API switches (removed in 3.6).
      String.raw`flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}(?<flag>(?:${ETCD_V2_FLAGS}))(?![\w-])`,
      // The experimental names of etcd 3.4-3.6 (removed in 3.7, or newer than an old etcd that refuses them).
      String.raw`flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}(?<flag>experimental-(?:${ETCD_37_EXPERIMENTAL_FLAGS}))(?![\w-])`,
    ],
    versions: [],
    roles: { flag: "etcd flag the binary does not define" },
    // Above k8s-component-unknown-flag (60) and the Ginkgo/Go-test rules, which do not know etcd's releases.
    priority: 68,
    meaning:
      "etcd refused to start because its command line (or the ETCD_* environment it maps to flags) has a flag this etcd release does not define. etcd 3.6 removed the v2 API flags (--enable-v2, --experimental-enable-v2v3) and the v2 proxy (--proxy*); etcd 3.7 removed every --experimental-* flag that 3.6 had deprecated in favour of a graduated name or a --feature-gates entry. A unit, static-pod manifest or snap default written for the older etcd meets the newer binary.",
    causes: [
      "An etcd image or package bumped to 3.6 (microk8s 1.34, a distribution's etcd update) while the unit or manifest still passes --enable-v2 (etcd 3.4/3.5 defaults).",
      "etcd 3.7 started with --experimental-* flags that kubeadm or an installer wrote for etcd 3.5/3.6 (--experimental-initial-corrupt-check, --experimental-watch-progress-notify-interval), or an older etcd given an --experimental-* flag it does not have yet.",
    ],
    fixes: [
      "Drop --enable-v2/--experimental-enable-v2v3 (and ETCD_ENABLE_V2) before moving to etcd 3.6, after `etcdutl check v2store` shows no custom v2 data; replace --proxy with the gRPC proxy (etcd grpc-proxy).",
      "For etcd 3.7, pass the graduated names (--watch-progress-notify-interval, --feature-gates=InitialCorruptCheck=true ...) instead of --experimental-*; or pin etcd to the release the manifest was written for.",
    ],
    references: ["https://etcd.io/docs/v3.6/upgrades/upgrade_3_6/", "https://github.com/etcd-io/etcd/pull/19914", "https://github.com/etcd-io/etcd/pull/19959"],
    examples: [
      // canonical/microk8s#5209 (microk8s 1.34 brought etcd 3.6; its default args kept --enable-v2)
      { line: "Sep 01 17:43:58 r720 microk8s.daemon-etcd[1251]: flag provided but not defined: -enable-v2", captures: { flag: "enable-v2" } },
      { line: "flag provided but not defined: -experimental-enable-v2v3", captures: { flag: "experimental-enable-v2v3" } },
      // Not a posted line: kubeadm's etcd 3.5 flags under an etcd 3.7 image (kubernetes/kubernetes#132838).
      {
        line: "Sep 03 10:11:12 cp-1 etcd[812]: flag provided but not defined: -experimental-initial-corrupt-check",
        captures: { flag: "experimental-initial-corrupt-check" },
      },
    ],
    nearMisses: [
      // A program other than etcd: -proxy and other -experimental-* names are not etcd's own.
      "flag provided but not defined: -proxy",
      "flag provided but not defined: -experimental-foo",
      "flag provided but not defined: -enable-v2-api",
      "Sep 01 17:43:58 r720 microk8s.daemon-etcd[1251]: Usage:",
    ],
  },
  {
    id: "etcd-v2-store-refused",
    title: "etcd 3.6+ refused data written through the removed v2 API",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["detected disallowed"],
    patterns: [
      // etcdserver/apply_v2.go (lg.Panic) and bootstrap's v2store check (fmt.Errorf "...for stage --v2-deprecation=%s").
      // Posted lines also stop at "in v2store" (etcd-io/etcd#20351, a 3.5 to 3.6 upgrade), so the stage is optional.
      String.raw`detected\s+disallowed\s+(?<what>v2\s+WAL|custom\s+content\s+in\s+v2store)(?:\s+for\s+stage\s+-{1,2}v2-deprecation(?:=(?<stage>[a-z-]{2,20}))?)?`,
    ],
    versions: [],
    roles: { what: "v2 data etcd found", stage: "v2 deprecation stage the binary runs at" },
    priority: 55,
    meaning:
      "etcd 3.6 runs at v2 deprecation stage write-only: it refuses to start on a data directory (or to apply WAL entries) holding custom data written through the v2 API, which etcd 3.5 and older still accepted. The data directory (or a peer still on 3.5 with --enable-v2) comes from an older etcd than the binary that stopped.",
    causes: [
      "A rolling upgrade from etcd 3.5 to 3.6 on a cluster that had --enable-v2 (flannel's or an old operator's keys, Kubernetes' /registry written with ETCDCTL_API=2).",
      "A 3.6 member joined to a 3.5 cluster whose leader still replicates v2 requests.",
    ],
    fixes: [
      "On etcd 3.5 (the latest patch), run `etcdutl check v2store` and delete the custom v2 keys (etcdctl with ETCDCTL_API=2 against the v2 endpoint), then upgrade to 3.6; or move the v2 data to v3 first (see the v2 migration guide).",
      "Roll the member back to 3.5 until the v2 data is gone; 3.6 offers no way to keep it.",
    ],
    references: ["https://etcd.io/docs/v3.6/upgrades/upgrade_3_6/", "https://github.com/etcd-io/etcd/issues/20870"],
    examples: [
      // etcd-io/etcd#20870 (3.5.24 -> 3.6.5)
      {
        line: "Oct 29 07:48:18 rebetcd04 bash[2625]: panic: detected disallowed v2 WAL for stage --v2-deprecation=write-only [recovered]",
        captures: { what: "v2 WAL", stage: "write-only" },
      },
      // The same panic under zap, cut by journald at the terminal width.
      {
        line: String.raw`Oct 29 07:48:18 rebetcd04 bash[2625]: {"level":"panic","ts":"2025-10-29T07:48:18.950530Z","caller":"etcdserver/apply_v2.go:31","msg":"detected disallowed v2 WAL for stage --v2-deprecation=wr>`,
        captures: { what: "v2 WAL" },
      },
      // Not a posted line: the bootstrap check's error (etcd e2e test's expectation).
      {
        line: "Error: detected disallowed custom content in v2store for stage --v2-deprecation=write-only",
        captures: { what: "custom content in v2store", stage: "write-only" },
      },
    ],
    nearMisses: [
      // etcd 3.5's notice before the upgrade: nothing failed yet.
      `{"level":"warn","msg":"detected custom v2store content. Etcd v3.5 is the last version allowing to access it using API v2. Please remove the content."}`,
      "detected disallowed characters in the member name",
    ],
  },
  {
    id: "kubelet-dockershim-removed",
    title: "kubelet 1.24+ told to use the removed dockershim (--container-runtime=docker)",
    family: "cri",
    severity: "error",
    flake: false,
    anchors: ["using dockershim is not supported"],
    patterns: [
      // cmd/kubelet/app/server.go (1.24-1.26): fmt.Errorf("using dockershim is not supported, please consider using a full-fledged CRI implementation").
      String.raw`using\s+dockershim\s+is\s+not\s+supported`,
    ],
    versions: [],
    priority: 60,
    meaning:
      "Kubernetes 1.24 removed dockershim from the kubelet. A kubelet 1.24-1.26 started with --container-runtime=docker (the default of 1.23 and older, kept in kubeadm-flags.env, a systemd drop-in or an installer's template) stops at start; 1.27 removed the --container-runtime flag itself. The node's configuration was written for a 1.23 or older kubelet.",
    causes: [
      "A node upgraded to kubelet 1.24+ with its flags file still selecting Docker (kubeadm-flags.env from 1.23, minikube/kubespray/kOps templates that default to docker).",
      "An installer that picks the container runtime by its own release, not by the Kubernetes version it deploys.",
    ],
    fixes: [
      "Point the kubelet at a CRI runtime: --container-runtime=remote --container-runtime-endpoint=unix:///run/containerd/containerd.sock (1.24-1.26; only the endpoint from 1.27), or install cri-dockerd and use unix:///var/run/cri-dockerd.sock to keep Docker Engine.",
      "Or keep the node's kubelet at 1.23 until the runtime is migrated.",
    ],
    references: ["https://kubernetes.io/blog/2022/02/17/dockershim-faq/", "https://kubernetes.io/docs/tasks/administer-cluster/migrating-from-dockershim/"],
    examples: [
      // kubernetes/minikube#13134 (the issue title; minikube defaulted to docker for v1.24.0-alpha.1)
      { line: "k8s v1.24.0-alpha.1: failed to run Kubelet: using dockershim is not supported" },
      // A kubelet 1.24 journal (the structured klog wording of the same error).
      {
        line: String.raw`Dec 09 21:42:10 minikube kubelet[4450]: E1209 21:42:10.101762    4450 server.go:302] "Failed to run kubelet" err="failed to run Kubelet: using dockershim is not supported, please consider using a full-fledged CRI implementation"`,
      },
    ],
    nearMisses: [
      "Dec 09 21:42:10 minikube kubelet[4450]: I1209 21:42:10.101298    4450 server.go:445] \"Kubelet version\" kubeletVersion=\"v1.24.0-alpha.1\"",
      "Docker support in the kubelet is now deprecated and will be removed in a future release.",
    ],
  },
  {
    id: "endpointslice-version-not-served",
    title: "A networking agent lists EndpointSlices in a discovery.k8s.io version the apiserver does not serve",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["KubernetesEndpointSlice with error", "Unable to list K8s EndpointSlice resources"],
    patterns: [
      // Calico felix/typha (libcalico-go's kubeendpointslice and watchercache): the client's own wording, no reflector line.
      String.raw`(?:resource\s+does\s+not\s+exist\s*:\s*)?KubernetesEndpointSlice\s+with\s+error\s*:\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
      String.raw`Unable\s+to\s+list\s+K8s\s+EndpointSlice\s+resources\s+error=\\?"?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: [],
    priority: 55,
    meaning:
      "The agent asked for EndpointSlices in an API version the apiserver does not serve. discovery.k8s.io/v1beta1 was served from 1.17 to 1.24 and removed in 1.25; discovery.k8s.io/v1 exists from 1.21. Calico releases before 3.23 (and kube-proxy 1.21 and older) list v1beta1, so on a 1.25+ cluster they never get endpoints; newer agents on a cluster older than 1.21 miss v1 the same way.",
    causes: [
      "The control plane was upgraded to 1.25+ (on EKS/AKS often automatically) while Calico stayed below 3.23, or kube-proxy/CoreDNS stayed at a release that lists v1beta1.",
      "A Calico or agent release that lists discovery.k8s.io/v1 installed on a cluster older than 1.21.",
    ],
    fixes: [
      "Upgrade Calico (the operator and calico-node/typha) to a release supported on the cluster's Kubernetes version (3.23+ for 1.25), and kube-proxy/CoreDNS to the cluster's minor.",
      "Upgrade the add-ons before the control plane next time; `kubectl get --raw /apis/discovery.k8s.io` shows the served versions.",
    ],
    references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/#endpointslice-v125", "https://github.com/projectcalico/calico/issues/6990"],
    examples: [
      // projectcalico/calico#6990 (Calico 3.21.6 on AKS 1.25.2), projectcalico/calico#7032 (3.22 on 1.25.4)
      {
        line: String.raw`[INFO][7] watchercache.go 188: Failed to perform list of current data during resync ListRoot="/calico/resources/v3/projectcalico.org/kubernetesendpointslices" error=resource does not exist: KubernetesEndpointSlice with error: the server could not find the requested resource`,
      },
      // kubernetes/minikube#15173 (minikube's Calico on 1.25.2)
      { line: "2022-10-19 10:24:07.772 [INFO][84] felix/kubeendpointslice.go 101: Unable to list K8s EndpointSlice resources error=the server could not find the requested resource" },
    ],
    nearMisses: [
      // kubernetes-sigs/sig-windows-dev-tools#179: RBAC, the version is served.
      String.raw`2022-01-23 19:01:04.265 [INFO][50] felix/kubeendpointslice.go 101: Unable to list K8s EndpointSlice resources error=endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:kube-system:calico-node" cannot list resource "endpointslices" in API group "discovery.k8s.io" at the cluster scope`,
      String.raw`2022-10-19 10:24:07.770 [INFO][84] felix/watchercache.go 174: Full resync is required ListRoot="/calico/resources/v3/projectcalico.org/kubernetesendpointslices"`,
    ],
  },
  {
    id: "kubelet-docker-cgroup-driver-mismatch",
    title: "kubelet and Docker use different cgroup drivers",
    family: "cri",
    // The two defaults moved between releases (kubeadm 1.22 writes systemd, Docker defaults to cgroupfs, distro
    // packages differ), but the line cannot tell a changed default from a hand-written setting.
    severity: "warning",
    flake: false,
    anchors: ["is different from docker cgroup driver"],
    patterns: [
      // pkg/kubelet (dockershim era, 1.6-1.23): "misconfiguration: kubelet cgroup driver: %q is different from docker cgroup driver: %q".
      String.raw`[Kk]ubelet\s+cgroup\s+driver\s*:\s*\\?"(?<kubelet>cgroupfs|systemd)\\?"\s+is\s+different\s+from\s+docker\s+cgroup\s+driver\s*:\s*\\?"(?<docker>cgroupfs|systemd)\\?"`,
    ],
    versions: [],
    roles: { kubelet: "cgroup driver the kubelet was configured with", docker: "cgroup driver Docker runs with" },
    priority: 45,
    meaning:
      "The kubelet (1.6 to 1.23, with dockershim) refuses to start when its --cgroup-driver / cgroupDriver differs from Docker's. The two sides take their defaults from different releases: kubelet's default is cgroupfs, kubeadm 1.22+ writes cgroupDriver: systemd into the KubeletConfiguration, Docker defaults to cgroupfs while RHEL/CentOS docker packages and many guides set systemd. An upgrade of either side (or a guide written for other releases) leaves them disagreeing.",
    causes: [
      "kubeadm 1.22+ (cgroupDriver: systemd by default) on a node whose Docker still runs cgroupfs, or an older kubeadm/kubelet default (cgroupfs) with a Docker package that sets systemd.",
      "A Docker or OS package upgrade that changed Docker's native.cgroupdriver.",
    ],
    fixes: [
      "Make both use systemd: Docker's daemon.json \"exec-opts\": [\"native.cgroupdriver=systemd\"] and the kubelet's cgroupDriver: systemd (or both cgroupfs), then restart Docker and the kubelet.",
    ],
    references: ["https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/configure-cgroup-driver/", "https://github.com/kubernetes/kubernetes/issues/43805"],
    examples: [
      // opsnull/follow-me-install-kubernetes-cluster#101, kubernetes/minikube#2381, aenix-io/kubefarm#5
      {
        line: 'error: failed to run Kubelet: failed to create kubelet: misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd"',
        captures: { kubelet: "cgroupfs", docker: "systemd" },
      },
      // openshift/origin#14766
      { line: 'failed to create kubelet: misconfiguration: kubelet cgroup driver: "systemd" is different from docker cgroup driver: "cgroupfs"', captures: { kubelet: "systemd", docker: "cgroupfs" } },
    ],
    nearMisses: [
      // kubernetes/minikube#6544: the quotes of the flag's value reached the kubelet; no release is involved.
      `Kubelet: misconfiguration: kubelet cgroup driver: "'systemd'" is different from docker cgroup driver: "systemd"`,
    ],
  },

  {
    id: "kubelet-pod-from-apiserver-failed-validation",
    title: "kubelet newer than the apiserver: pods the apiserver accepted fail the kubelet's validation",
    family: "api",
    // An error where the kubelet wants a value that later releases default (a "Required value"); any other
    // refusal of a pod from the apiserver is only a warning.
    severity: "error",
    flake: true,
    anchors: ["from api failed validation, ignoring"],
    patterns: [
      // pkg/kubelet/config/config.go (1.3-1.7): klog.Warningf("Pod[%d] (%s) from %s failed validation, ignoring: %v"). The
      // source "api" is the apiserver; "file" and "http" are static pods, validated nowhere else.
      String.raw`(?:Pod\[\d+\]\s+\((?<pod>[^()\s]+(?:\([^()\s]*\))?)\)\s+)?from\s+api\s+failed\s+validation,\s+ignoring\s*:\s*\[?(?<field>[\w.\[\]]+)\s*:\s*(?<kind>Required\s+value|Unsupported\s+value|Invalid\s+value|Forbidden)`,
    ],
    versions: [],
    roles: { pod: "pod the kubelet ignored", field: "field the kubelet's validation refused", kind: "validation error" },
    priority: 50,
    meaning:
      "The kubelet validates every pod it is given, and ignores the ones that fail. A pod from the apiserver passed the apiserver's own validation and defaulting, so a kubelet that refuses it applies newer rules: a field the kubelet's release requires was not defaulted by the older apiserver (terminationMessagePolicy, added in 1.6, defaulted by 1.6 apiservers only). The kubelet is newer than the apiserver, which the version skew policy never allows.",
    causes: [
      "Nodes upgraded before the control plane (a 1.6 kubelet with a 1.5 apiserver), or a control plane rolled back under upgraded nodes.",
      "Pods created before the apiserver upgrade and never defaulted (stored without the new field) read by a newer kubelet.",
    ],
    fixes: [
      "Upgrade the control plane first, then the kubelets (kubelets may be older than the apiserver, never newer); or roll the kubelets back to the apiserver's minor.",
      "Recreate pods stored by the older apiserver once the control plane is upgraded, so that they are defaulted.",
    ],
    references: ["https://kubernetes.io/releases/version-skew-policy/", "https://github.com/kubernetes/kubernetes/issues/43976"],
    examples: [
      {
        // kubernetes/kubernetes#43976 (kubelet 1.6.0, apiserver 1.5.2)
        line: String.raw`W0403 09:33:16.378869  113540 config.go:361] Pod[5] (dashboard-cvd3m_kube-system(63446b97-0e11-11e7-a2de-842b2bfe82f1)) from api failed validation, ignoring: [spec.containers[0].terminationMessagePolicy: Required value: must be 'File' or 'FallbackToLogsOnError', spec.containers[1].terminationMessagePolicy: Required value: must be 'File' or 'FallbackToLogsOnError']`,
        captures: { field: "spec.containers[0].terminationMessagePolicy", kind: "Required value" },
      },
    ],
    nearMisses: [
      // A static pod from the manifest directory: the author's own mistake, whatever the releases.
      "W0403 09:33:16.378869  113540 config.go:361] Pod[1] (etcd-master_kube-system(7d1c)) from file failed validation, ignoring: [spec.containers[0].image: Required value]",
      "I0403 09:33:16.378869  113540 config.go:405] Receiving a new pod \"dashboard-cvd3m_kube-system(63446b97-0e11-11e7-a2de-842b2bfe82f1)\"",
    ],
  },
];
