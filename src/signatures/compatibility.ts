import type { Signature } from "../model.js";

const CAPI_11833 = "https://github.com/kubernetes-sigs/cluster-api/issues/11833";
const KEP_4330 = "https://github.com/kubernetes/enhancements/tree/master/keps/sig-architecture/4330-compatibility-versions";

// KEP-4330 compatibility versions: checked at start-up of kube-apiserver, kube-controller-manager,
// kube-scheduler and aggregated API servers; a failure ends the process through
// `run.go:7x] "command failed" err="…"` and the static pod crash-loops.
export const compatibilitySignatures: Signature[] = [
  {
    id: "k8s-compat-mincompat-out-of-range",
    title: "Minimum compatibility version out of range",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["minCompatibilityVersion version", "is not between"],
    patterns: [
      String.raw`minCompatibilityVersion\s+version\s+(?<minCompatibilityVersion>{V})\s+is\s+not\s+between\s+\[\s*(?<lower>{V})\s*,\s*(?<upper>{V})\s*\]`,
    ],
    versions: ["minCompatibilityVersion", "lower", "upper"],
    roles: {
      minCompatibilityVersion: "minimum compatibility version (default: binary − 1)",
      lower: "lower bound: the min-compatibility floor",
      upper: "upper bound: the emulation version (default: the binary version)",
    },
    priority: 100,
    meaning:
      "A control-plane component refused to start: its minimum compatibility version (the oldest control plane it must stay compatible with) is outside [floor, emulation version].",
    causes: [
      "The binary's version stamp does not match its source: built from a newer branch (e.g. master) but stamped with a release version.",
      "An explicit --min-compatibility-version (or --emulated-version) outside the allowed range.",
    ],
    fixes: [
      "Build Kubernetes from the release branch that matches the version you stamp.",
      "If the flag is set explicitly, bring --min-compatibility-version into [floor, emulation version].",
    ],
    references: [CAPI_11833, KEP_4330],
    examples: [
      {
        line: String.raw`2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"`,
        captures: { minCompatibilityVersion: "1.30", lower: "1.31", upper: "1.31" },
      },
    ],
    nearMisses: [
      'return fmt.Errorf("minCompatibilityVersion version %s is not between [%s, %s]", minCompat, floor, emulation)',
      "invalid sampling ratio 1.7: value is not between 0 and 1",
    ],
  },
  {
    id: "k8s-compat-emulation-out-of-range",
    title: "Emulation version out of range",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["emulation version", "is not between"],
    patterns: [
      String.raw`emulation\s+version\s+(?<emulationVersion>{V})\s+is\s+not\s+between\s+\[\s*(?<lower>{V})\s*,\s*(?<upper>{V})\s*\]`,
    ],
    versions: ["emulationVersion", "lower", "upper"],
    roles: {
      emulationVersion: "emulation version (--emulated-version; default: the binary version)",
      lower: "lower bound: the emulation floor",
      upper: "upper bound: the binary version",
    },
    priority: 95,
    meaning:
      "A control-plane component refused to start: the release it was asked to emulate is outside [floor, binary version].",
    causes: [
      "An explicit --emulated-version newer than the binary or older than the floor.",
      "A wrong component-version mapping (an aggregated API server mapping its own version onto Kubernetes').",
      "The binary is older than the job expected, or its version stamp does not match its source.",
    ],
    fixes: [
      "Set --emulated-version within the range the binary accepts.",
      "Fix the version mapping or the build's version stamp.",
    ],
    references: [KEP_4330, "https://github.com/kubernetes/kubernetes/pull/125941"],
    examples: [
      {
        line: String.raw`E1103 16:20:45.902113       1 run.go:72] "command failed" err="emulation version 1.30 is not between [1.33, 1.36.0]"`,
        captures: { emulationVersion: "1.30", lower: "1.33", upper: "1.36.0" },
      },
    ],
    nearMisses: [
      "x509: certificate has expired or is not yet valid: current time 2030-02-11T08:15:00Z is after 2030-01-31T00:00:00Z",
    ],
  },
  {
    id: "k8s-compat-kube-floor",
    title: "Emulation below the compatibility-versions floor",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["version needs to be", "greater or equal to", "needs to be equal to binary version", "in compatibility-version alpha"],
    patterns: [
      String.raw`(?<field>emulation|minCompatibilityVersion)\s+version\s+needs\s+to\s+be\s+greater\s+or\s+equal\s+to\s+(?<floor>{V})\s*,\s*got\s+(?<got>{V})`,
      String.raw`emulation\s+version\s+needs\s+to\s+be\s+equal\s+to\s+binary\s+version\s*\(\s*(?<binary>{V})\s*\)\s+in\s+compatibility-version\s+alpha\s*,\s*got\s+(?<got>{V})`,
    ],
    versions: ["floor", "got", "binary"],
    roles: {
      got: "requested version",
      floor: "hard floor (compatibility versions start at 1.31)",
      binary: "binary version",
    },
    priority: 90,
    meaning:
      "Compatibility versions start at Kubernetes 1.31, so no component can emulate (or stay compatible with) anything older; 1.31's alpha required emulation to equal the binary version.",
    causes: ["--emulated-version or --min-compatibility-version set below the floor, or a binary older than the job assumed."],
    fixes: ["Do not emulate below 1.31 (min compatibility below 1.30); on 1.31 binaries leave --emulated-version unset."],
    references: [KEP_4330],
    examples: [
      {
        line: String.raw`E0214 05:06:07.080910       1 run.go:72] "command failed" err="emulation version needs to be greater or equal to 1.31, got 1.29"`,
        captures: { floor: "1.31", got: "1.29" },
      },
    ],
  },
  {
    id: "k8s-compat-flag-format",
    title: "Compatibility version flag with a patch level",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["patch version not allowed", "is not in the format of major.minor"],
    patterns: [
      String.raw`patch\s+version\s+not\s+allowed\s*,\s*got:\s*(?<component>[\w.-]+)\s*=\s*(?<value>{V})`,
      String.raw`version\s+(?<value>[^\s"]+)\s+is\s+not\s+in\s+the\s+format\s+of\s+major\.minor`,
    ],
    versions: ["value"],
    roles: { value: "value given to --emulated-version / --min-compatibility-version" },
    priority: 85,
    meaning:
      "--emulated-version and --min-compatibility-version take major.minor only; a value with a patch level stops the component at flag parsing. A configuration error that looks like skew.",
    causes: ["A patch-level value (e.g. 1.34.1) passed to --emulated-version or --min-compatibility-version."],
    fixes: ["Pass major.minor only, e.g. --emulated-version=kube=1.34."],
    references: ["https://github.com/cozystack/cozystack/issues/4396"],
    examples: [
      {
        line: String.raw`E0602 11:12:13.141516       1 run.go:72] "command failed" err="patch version not allowed, got: kube=1.34.1"`,
        captures: { component: "kube", value: "1.34.1" },
      },
    ],
  },
  {
    id: "etcd-cluster-downgrade-refused",
    title: "etcd member older than the cluster version its data records",
    family: "compatibility",
    severity: "error",
    flake: true,
    anchors: ["cluster cannot be downgraded", "lower than determined cluster version", "cluster has data from version"],
    patterns: [
      // etcd 3.0-3.4 (capnslog): membership.mustDetectDowngrade, %s verbs without quotes.
      String.raw`cluster\s+cannot\s+be\s+downgraded\s*\(\s*current\s+version\s*:\s*(?<server>{V})\s+is\s+lower\s+than\s+determined\s+cluster\s+version\s*:\s*(?<cluster>{V})`,
      // etcd 2.2-2.3 (etcd-io/etcd#3309's first wording).
      String.raw`cluster\s+cannot\s+be\s+downgraded\.?\s*\(\s*previous\s+cluster\s+version\s*:\s*(?<cluster>{V})\s*,\s*current\s+version\s*:\s*(?<server>{V})`,
      // etcd 3.4+ (zap): the versions follow as fields, JSON ("k":"v", escaped when the line is re-quoted) or console ("k": "v").
      // etcd 3.6 (membership/downgrade.go): data of a newer storage version than the binary.
      String.raw`invalid\s+downgrade\s*:\s*cluster\s+has\s+data\s+from\s+version\s+(?<cluster>{V})\s*,\s*cannot\s+downgrade\s+to(?:\s+(?:version\s+)?(?<server>{V}))?`,
      String.raw`invalid\s+downgrade\s*;\s*server\s+version\s+is\s+lower\s+than\s+determined\s+cluster\s+version(?:[\s\S]{0,40}?current-server-version\\?"\s*:\s*\\?"(?<server>{V})\\?"\s*,\s*\\?"determined-cluster-version\\?"\s*:\s*\\?"(?<cluster>{V}))?`,
    ],
    versions: ["server", "cluster"],
    roles: { server: "version of the etcd binary that refused to start", cluster: "cluster version recorded in its data (set by a newer etcd)" },
    versionKinds: { server: { kind: "component", component: "etcd" }, cluster: { kind: "component", component: "etcd" } },
    priority: 55,
    meaning:
      "An etcd member started on a data directory (or joined a cluster) whose cluster version was already raised by a newer etcd; etcd refuses to run a minor older than the cluster version, so a Kubernetes downgrade or rollback that brought back an older etcd image cannot start.",
    causes: [
      "A Kubernetes downgrade, rollback or upgrade test that restored an older etcd image on data a newer etcd had used (kubernetes/kubernetes#54027's downgrade jobs, openshift-ansible#6434).",
      "A mixed-version etcd cluster where one member was rolled back after the others had raised the cluster version.",
    ],
    fixes: [
      "Run an etcd at least as new as the cluster version, or restore an etcd snapshot taken before the upgrade (etcd only downgrades through `etcdctl downgrade` from 3.6 on).",
      "Pin the etcd image in the installer (kubeadm's etcd.local.imageTag, the distribution's etcd version) so that a Kubernetes rollback does not roll etcd back.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/54027", "https://etcd.io/docs/v3.5/downgrades/downgrade_3_5/"],
    examples: [
      // kubernetes/kubernetes#54027 (the gce downgrade jobs' etcd.log)
      {
        line: "2017-10-16 21:07:10.975303 C | membership: cluster cannot be downgraded (current version: 3.0.17 is lower than determined cluster version: 3.1).",
        captures: { server: "3.0.17", cluster: "3.1" },
      },
      // openshift/openshift-ansible#6434
      { line: "etcdserver/membership: cluster cannot be downgraded (current version: 3.1.9 is lower than determined cluster version: 3.2).", captures: { server: "3.1.9", cluster: "3.2" } },
      // Not a posted line: the shape etcd's zap logger gives membership/downgrade.go's message and fields.
      {
        line: String.raw`{"level":"fatal","ts":"2021-03-02T10:11:12.123Z","caller":"membership/downgrade.go:51","msg":"invalid downgrade; server version is lower than determined cluster version","current-server-version":"3.4.13","determined-cluster-version":"3.5"}`,
        captures: { server: "3.4.13", cluster: "3.5" },
      },
    ],
    nearMisses: [
      "2017-10-16 21:07:10.954395 I | etcdserver: starting server... [version: 3.0.17, cluster version: to_be_decided]",
      "2017-10-16 21:07:10.975261 N | membership: updated the cluster version from 3.0 to 3.1",
      String.raw`{"level":"info","ts":"2022-09-30T04:57:25.929Z","caller":"version/monitor.go:104","msg":"cluster version differs from storage version.","cluster-version":"3.5.0","storage-version":"3.6.0"}`,
    ],
  },
];
