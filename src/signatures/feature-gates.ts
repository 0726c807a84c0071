import type { Signature } from "../model.js";
import { ADDED_FLAGS, REMOVED_FLAGS, TOOL_FLAGS } from "../diagnose/tables.js";
import { CLI_TOOL_FLAGS } from "../diagnose/tables-client.js";

// Flags of other components and of client tools (kubeadm, kubectl, Helm, kOps, kind, minikube): their bare "unknown
// flag" lines go to k8s-component-unknown-flag, which knows their releases.
const OTHER_COMPONENT_FLAGS = [
  ...Object.entries({ ...REMOVED_FLAGS, ...ADDED_FLAGS })
    .filter(([, change]) => !change.components.includes("kubelet"))
    .map(([flag]) => flag),
  ...Object.keys(TOOL_FLAGS),
  ...Object.entries(CLI_TOOL_FLAGS)
    .filter(([flag, row]) => (row.parser ?? "pflag") === "pflag" && !(flag in REMOVED_FLAGS) && !(flag in ADDED_FLAGS))
    .map(([flag]) => flag),
  // kubeadm prints its errors bare too ("unknown flag: --config" then "To see the stack trace of this error execute with
  // --v=5 or higher", kubernetes/kubeadm#3093: a phase that takes no --config); only 1.6-1.7 kubelets refused --config, so
  // the bare line is left to k8s-component-unknown-flag, which warns that several binaries take the flag.
  "config",
].join("|");

// Feature gates and flags that exist in one release and not the next: an upgrade skew between a
// configuration (kubelet config, job flags, kubeadm-flags.env) and the binary that reads it.
export const featureGateSignatures: Signature[] = [
  {
    id: "featuregate-unrecognized",
    title: "Unrecognized feature gate",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["unrecognized feature gate", "unrecognized key: "],
    patterns: [
      String.raw`unrecognized\s+feature\s+gate\s*:\s*(?<gate>[A-Za-z][A-Za-z0-9]*)`,
      // Kubernetes 1.8-1.11 (k8s.io/apiserver's feature_gate.go Set) said "unrecognized key"; that phrase is common
      // elsewhere, so only after the --feature-gates flag or at the start of a klog message, and a CamelCase gate.
      String.raw`(?:--feature-gates\\?"?\s+flag\s*:\s*|^|\.go:\d+\]\s+)unrecognized\s+key\s*:\s*(?<gate>[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]{3,}[A-Za-z0-9]*)\s*$`,
    ],
    versions: [],
    priority: 70,
    meaning:
      "The configuration names a feature gate this binary does not know: it was removed after graduating to GA, or does not exist yet in this version.",
    causes: [
      "An upgrade left a removed gate in the kubelet or component configuration.",
      "A CI job configuration written for another release branch.",
    ],
    fixes: [
      "Remove the gate from the flags or configuration (gates are removed a few releases after GA).",
      "Keep per-release feature-gate lists in CI job configurations.",
    ],
    examples: [
      {
        line: String.raw`Feb 27 13:45:09 ci-node-7 kubelet[4411]: E0227 13:45:09.777321    4411 run.go:72] "command failed" err="failed to set feature gates from initial flags-based config: unrecognized feature gate: NodeWidgetReclaim"`,
        captures: { gate: "NodeWidgetReclaim" },
      },
      // kubernetes/kubernetes#62187: a 1.11 component refusing the removed Accelerators gate (the old wording), as
      // posted, the klog header cut before the file name.
      { line: "server.go:165] unrecognized key: Accelerators", captures: { gate: "Accelerators" } },
      { line: String.raw`Error: invalid argument "Accelerators=true" for "--feature-gates" flag: unrecognized key: Accelerators`, captures: { gate: "Accelerators" } },
    ],
    nearMisses: [
      "W0918 14:02:37.551920    3310 feature_gate.go:351] Setting GA feature gate LegacyWidgetSupport=true. It will be removed in a future release.",
      // Other programs' config parsers share the phrase (a Python assertion, a DNS record parser).
      "AssertionError: Unrecognized key: flip",
      "error parsing policy: unrecognized key: mx",
    ],
  },
  {
    id: "featuregate-locked-or-prealpha",
    title: "Feature gate locked or not yet available",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["cannot set feature gate", "feature is locked to", "feature is PreAlpha", "flag: cannot se"],
    patterns: [
      String.raw`cannot\s+set\s+feature\s+gate\s+(?<gate>\w+)\s+to\s+(?<value>\w+)\s*,\s*feature\s+is\s+locked\s+to\s+(?<locked>\w+)`,
      // systemctl status cuts the line ("cannot se>"): pflag's wrapper still names the gate being set.
      String.raw`invalid\s+argument\s+\\?"(?<gate>[A-Z]\w*)=(?<value>true|false)\\?"\s+for\s+\\?"--feature-gates\\?"\s+flag\s*:\s*cannot\s+se(?!t\s+feature\s+gate\s+\w+\s+to\s+\w+\s*,)`,
      String.raw`cannot\s+set\s+feature\s+gate\s+(?<gate>\w+)\s+to\s+(?<value>\w+)\s*,\s*feature\s+is\s+PreAlpha\s+at\s+emulated\s+version\s+(?<emulationVersion>{V})(?:\s*,\s*min\s+compatibility\s+version\s+(?<minCompatibilityVersion>{V}))?`,
    ],
    versions: ["emulationVersion", "minCompatibilityVersion"],
    roles: {
      emulationVersion: "emulation version at which the gate does not exist yet",
      minCompatibilityVersion: "minimum compatibility version",
    },
    priority: 68,
    meaning:
      "The configuration flips a gate that is locked (GA or deprecated) in this version, or enables one that does not exist yet at the emulated version.",
    causes: ["A configuration written for an older release (locked gate) or a newer one (PreAlpha gate)."],
    fixes: [
      "Locked: remove the override from the configuration.",
      "PreAlpha: raise the emulation version, or do not enable the gate on this version.",
    ],
    examples: [
      {
        line: String.raw`E0808 08:08:08.123456       1 run.go:72] "command failed" err="cannot set feature gate WidgetAutoscaling to true, feature is PreAlpha at emulated version 1.33"`,
        captures: { gate: "WidgetAutoscaling", value: "true", emulationVersion: "1.33" },
      },
      {
        // gardener/gardener#5362
        line: String.raw`Error: invalid argument "BoundServiceAccountTokenVolume=false,CSIMigration=true" for "--feature-gates" flag: cannot set feature gate BoundServiceAccountTokenVolume to false, feature is locked to true`,
        captures: { gate: "BoundServiceAccountTokenVolume", value: "false", locked: "true" },
      },
      {
        // f5devcentral/modern_app_jumpstart_workshop#172: k3s's journal line, cut by systemctl
        line: String.raw`Aug 07 22:30:03 k3s k3s[16577]: Error: invalid argument "LegacyServiceAccountTokenNoAutoGeneration=false" for "--feature-gates" flag: cannot se>`,
        // (The gate's name holds "Token", so the redactor masks it in the report.)
        captures: { value: "false" },
      },
    ],
  },
  {
    id: "kubelet-unknown-flag",
    title: "Kubelet flag removed in this version",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["failed to parse kubelet flag", "unknown flag"],
    patterns: [
      String.raw`failed\s+to\s+parse\s+kubelet\s+flag\s*:\s*unknown\s+flag\s*:\s*--(?<flag>[A-Za-z0-9][\w-]*)`,
      // kubelet 1.10 and older: a bare klog line "unknown flag: --x" (the header is stripped before matching);
      // other CLIs print "Error: unknown flag" and do not match.
      // Flags known to belong to other components are left to k8s-component-unknown-flag.
      String.raw`^unknown\s+flag\s*:\s*--(?!(?:${OTHER_COMPONENT_FLAGS})(?![\w-]))(?<flag>[A-Za-z0-9][\w-]*)\s*$`,
    ],
    versions: [],
    priority: 66,
    meaning: "The kubelet was started with a flag its version no longer has.",
    causes: ["A systemd drop-in, kubeadm-flags.env or wrapper script still passes a flag removed in this release."],
    fixes: [
      "Remove the flag from kubeadm-flags.env, the systemd drop-in or the wrapper when upgrading.",
      "Move any setting that still exists into the KubeletConfiguration file.",
    ],
    examples: [
      {
        line: String.raw`Jan 14 03:22:10 worker-2 kubelet[7311]: E0114 03:22:10.551203    7311 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --network-plugin"`,
        captures: { flag: "network-plugin" },
      },
    ],
    nearMisses: ["Flag --widget-cache-dir has been deprecated, will be removed in 1.40. Use the config file instead."],
  },
  {
    id: "component-config-featuregates-string",
    title: "Component configuration writes featureGates as a string (pre-1.10 format)",
    family: "feature-gates",
    severity: "error",
    flake: false,
    anchors: ["FeatureGates: ReadMapCB"],
    patterns: [
      String.raw`(?<config>v1alpha1\.(?:KubeProxyConfiguration|KubeletConfiguration))\s*:\s*\**FeatureGates\s*:\s*ReadMapCB\s*:\s*expect\s+\{\s+or\s+n`,
    ],
    versions: [],
    roles: { config: "component configuration type" },
    priority: 50,
    meaning:
      "kube-proxy 1.10 (and the kubelet from 1.9) read featureGates in their configuration file as a map; a configuration written for an older release gives them as a \"Gate=true,…\" string, and the newer binary cannot decode it.",
    causes: ["A kube-proxy ConfigMap or kubelet config (or a kubeadm config embedding it) generated for 1.9 or older, read by a newer binary after an upgrade."],
    fixes: ["Write featureGates as a map (featureGates: {SupportIPVSProxyMode: true}) in the configuration, or run the binary of the release the configuration was written for."],
    references: ["https://github.com/kubernetes/kubernetes/pull/57962", "https://github.com/kubernetes/kubernetes/pull/53025"],
    examples: [
      {
        // kubernetes/kubernetes#60426 (kube-proxy from master with a 1.9 ConfigMap)
        line: String.raw`error: v1alpha1.KubeProxyConfiguration: FeatureGates: ReadMapCB: expect { or n, but found ", error found in #10 byte of ...|reGates":"","healthz|...`,
        captures: { config: "v1alpha1.KubeProxyConfiguration" },
      },
      {
        // kubernetes-retired/kubernetes-anywhere#527 (kubeadm 1.10 reading a string featureGates)
        line: String.raw`unable to decode config from "/etc/kubeadm/kubeadm.yaml" [v1alpha1.MasterConfiguration: KubeProxy: v1alpha1.KubeProxy: Config: v1alpha1.KubeProxyConfiguration: FeatureGates: ReadMapCB: expect { or n, but found ", error found in #10 byte of ...|reGates":"SupportIPV|...`,
        captures: { config: "v1alpha1.KubeProxyConfiguration" },
      },
    ],
    nearMisses: ["v1alpha1.KubeProxyConfiguration: Mode: ReadString: expects \" or n, but found 1"],
  },
];
