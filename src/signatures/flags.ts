import type { Signature } from "../model.js";

// pflag's "unknown flag: --x" (cobra commands: kube-apiserver, kube-controller-manager, kube-scheduler,
// kube-proxy, cloud-controller-manager, the kubelet) and Go flag's "flag provided but not defined: -x".
// The message names no component and no version: the diagnosis looks the flag up in a table of removals
// by release (and of additions, for a manifest newer than the binary) and reads the component from the
// line's prefixes (journald unit, kubectl logs of a static pod, klog header).
export const flagSignatures: Signature[] = [
  {
    id: "k8s-component-unknown-flag",
    title: "Component started with a flag its version does not have",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["unknown flag: --", "flag provided but not defined"],
    patterns: [
      String.raw`unknown\s+flag\s*:\s*--(?<flag>[A-Za-z0-9][\w-]*)`,
      String.raw`flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}(?<flag>[A-Za-z0-9][\w-]*)`,
    ],
    versions: [],
    // Below kubelet-unknown-flag, which knows the kubelet's wrapper and wins where both match.
    priority: 60,
    meaning:
      "A control-plane component or node agent refused to start because its command line has a flag this binary does not define: a flag removed in this release, or one added after it.",
    causes: [
      "A static-pod manifest, systemd unit or installer template written for an older Kubernetes still passes a flag that was removed.",
      "A manifest written for a newer Kubernetes passes a flag that the (older) binary does not have yet.",
    ],
    fixes: [
      "Remove or replace the flag in the manifest, unit or template that the upgrade kept (kubeadm: extraArgs; kOps/Gardener/RKE2: the component config).",
      "Pin the component image to the release the manifest was written for, or regenerate the manifest for the new release.",
    ],
    references: ["https://kubernetes.io/releases/notes/"],
    examples: [
      {
        line: String.raw`E0425 13:41:01.547406       1 run.go:74] "command failed" err="unknown flag: --enable-swagger-ui"`,
        captures: { flag: "enable-swagger-ui" },
      },
      { line: "Error: unknown flag: --deployment-controller-sync-period", captures: { flag: "deployment-controller-sync-period" } },
    ],
    nearMisses: [
      "Flag --insecure-port has been deprecated, This flag has no effect now and will be removed in v1.24.",
      "W0412 09:14:03.100200     871 flags.go:59] FLAG: --address=\"0.0.0.0\"",
    ],
  },
];
