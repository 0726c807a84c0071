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
      // Client tools and add-ons (diagnose/tables.ts TOOL_FLAGS): kubernetes/kubectl#1518, k0sproject/k0s#1100.
      { line: "error: unknown flag: --short", captures: { flag: "short" } },
      { line: "Error: unknown flag: --kubelet-use-node-status-port", captures: { flag: "kubelet-use-node-status-port" } },
    ],
    nearMisses: [
      "Flag --insecure-port has been deprecated, This flag has no effect now and will be removed in v1.24.",
      "W0412 09:14:03.100200     871 flags.go:59] FLAG: --address=\"0.0.0.0\"",
      // kyverno/reports-server#218: a typo in Helm's usage, not a release difference.
      "Error: unknown flag: --l",
    ],
  },
  {
    id: "kubeadm-config-mixed-experimental-control-plane",
    title: "kubeadm 1.14 refuses --experimental-control-plane next to --config (a script written for kubeadm 1.13)",
    family: "feature-gates",
    // A warning: kubeadm's "can not mix '--config' with arguments [...]" is usually the script's own mistake (flags
    // that belong in the configuration file: [discovery-token-ca-cert-hash token], [certificate-key] "by design",
    // kubernetes/kubernetes#87229) or a bug of one release ([print-join-command] in 1.12, kubernetes/kubeadm#1166; [yes]
    // in 1.30, kubernetes/kubeadm#3054). Only --experimental-control-plane went from allowed (kubeadm 1.13) to refused
    // (1.14): kubermatic/kubeone#308, kubernetes/kubeadm#1485.
    severity: "warning",
    flake: false,
    anchors: ["with arguments [experimental-control-plane]"],
    patterns: [String.raw`can\s+not\s+mix\s+'--config'\s+with\s+arguments\s+\[(?<flag>experimental-control-plane)\]`],
    versions: [],
    roles: { flag: "flag kubeadm refused next to --config" },
    priority: 50,
    meaning:
      "kubeadm join 1.14 refused --experimental-control-plane together with --config, which kubeadm 1.13 accepted; the control-plane join is set in the JoinConfiguration's controlPlane section instead. The script was written for kubeadm 1.13.",
    causes: ["An installer or script (kubeone, Ansible roles) written for kubeadm 1.13 that passes both --config and --experimental-control-plane to kubeadm 1.14."],
    fixes: ["Drop --experimental-control-plane and set controlPlane: in the JoinConfiguration (works on 1.13 too), or run the kubeadm release the script was written for."],
    references: ["https://github.com/kubernetes/kubeadm/issues/1485"],
    examples: [
      {
        line: String.raw`can not mix '--config' with arguments [experimental-control-plane]: failed to exec command: export "PATH=$PATH:/sbin:/usr/local/bin:/opt/bin"`,
        captures: { flag: "experimental-control-plane" },
      },
    ],
    nearMisses: [
      "can not mix '--config' with arguments [certificate-key]",
      "can not mix '--config' with arguments [discovery-token-ca-cert-hash token]",
      "can not mix '--config' with arguments [yes]",
    ],
  },
  {
    id: "controller-manager-unknown-controller",
    title: "Controller manager asked to run (or skip) a controller its version does not have",
    family: "feature-gates",
    severity: "error",
    flake: true,
    anchors: ["in the list of known controllers"],
    patterns: [
      // k8s.io/controller-manager/options (kube-controller-manager, cloud-controller-manager and the providers'
      // managers built on it) validates --controllers, even the names it is told to disable ("-name").
      String.raw`\\?"(?<controller>[a-z][\w-]*)\\?"\s+is\s+not\s+in\s+the\s+list\s+of\s+known\s+controllers`,
    ],
    versions: [],
    roles: { controller: "controller named in --controllers" },
    priority: 55,
    meaning:
      "kube-controller-manager or a cloud-controller-manager refused to start because its --controllers list names a controller this binary does not have; the list was written for another release (a controller added later, or one that was removed or moved out, such as the cloud controllers that left kube-controller-manager).",
    causes: [
      "An installer (kOps, k3s-based distributions, a Helm chart) that passes a controller list for a newer cloud-controller-manager or kube-controller-manager than the image it runs: even disabling an unknown controller (-name) fails validation (kubernetes/kubernetes#116186).",
      "A controller list kept across an upgrade that removed the controller from this binary.",
    ],
    fixes: [
      "Drop the unknown name from --controllers (or its '-name' exclusion), or run the controller-manager release the list was written for.",
      "Check `<binary> --help` of the running image for the controllers it knows.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/116186"],
    examples: [
      // kubernetes/kubernetes#116186 (an older GCE cloud-controller-manager, kOps passing -gkenetworkparams)
      { line: String.raw`The error was ` + "`" + String.raw`"gkenetworkparams" is not in the list of known controllers` + "`", captures: { controller: "gkenetworkparams" } },
      // xiaods/k8e#595 (cloud controllers gone from the embedded kube-controller-manager)
      {
        line: String.raw`Error: ["service" is not in the list of known controllers, "route" is not in the list of known controllers, "cloud-node-lifecycle" is not in the list of known controllers]`,
        captures: { controller: "service" },
      },
      // kubernetes/kops#15186, kubernetes/cloud-provider-gcp#482 (the CCM's own "Error: " line)
      { line: String.raw`Error: "gkenetworkparams" is not in the list of known controllers`, captures: { controller: "gkenetworkparams" } },
    ],
    nearMisses: ["I0301 10:02:11.120012       1 controllermanager.go:638] \"Started controller\" controller=\"nodeipam\""],
  },
  {
    id: "apiserver-runtime-config-value-required",
    title: "kube-apiserver --runtime-config key without a value",
    family: "feature-gates",
    severity: "error",
    flake: false,
    anchors: ["invalid value api/"],
    patterns: [
      // Older apiservers read a bare "api/all" as "api/all=true"; 1.18 and later want key=true|false.
      String.raw`[Ee]rror\s*:\s*invalid\s+value\s+(?<key>api/(?:all|ga|beta|alpha))=\s*$`,
    ],
    versions: [],
    roles: { key: "--runtime-config key given without a value" },
    priority: 50,
    meaning:
      "kube-apiserver rejected its --runtime-config: a key such as api/all without '=true' or '=false'. Apiservers before 1.18 accepted the bare key; the unit or manifest was written for them.",
    causes: ["A systemd unit or manifest from an older guide (Kubernetes the Hard Way variants) passing --runtime-config=api/all to a 1.18+ kube-apiserver."],
    fixes: ["Write the value out: --runtime-config=api/all=true (or the group/versions you mean, each =true or =false)."],
    references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/", "https://github.com/kelseyhightower/kubernetes-the-hard-way/issues/578"],
    examples: [
      // mmumshad/kubernetes-the-hard-way#179 (v1.19.0), #116; alta3/kubernetes-the-alta3-way#3
      { line: "kube-apiserver[41463]: Error: invalid value api/all=", captures: { key: "api/all" } },
      { line: "master-1 kube-apiserver[7809]: Error: invalid value api/all=", captures: { key: "api/all" } },
      { line: "Feb 19 13:16:43 k8s-848-master-02 kube-apiserver[9623]: Error: invalid value api/all=", captures: { key: "api/all" } },
    ],
    nearMisses: [
      // kelseyhightower/kubernetes-the-hard-way#619: literal quotes kept by the unit (a quoting mistake).
      "Nov 18 22:55:28 controller-1.maas kube-apiserver[15474]: Error: unknown api groups 'api",
      "      --runtime-config=api/all=true \\",
    ],
  },
  {
    id: "apiserver-insecure-port-nonzero",
    title: "kube-apiserver given a non-zero --insecure-port",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["only zero is allowed"],
    patterns: [String.raw`invalid\s+port\s+value\s+(?<port>\d+)\s*:\s*only\s+zero\s+is\s+allowed`],
    versions: [],
    roles: { port: "--insecure-port value" },
    priority: 45,
    meaning: "kube-apiserver 1.20+ no longer serves the insecure port: --insecure-port accepts only 0 (and the flag is gone in 1.24). The manifest was written for an older apiserver.",
    causes: ["Static-pod manifests or installer templates (older kubeadm, kops, aks-engine, a Helm chart) still setting --insecure-port to a real port for a 1.20+ apiserver."],
    fixes: ["Drop --insecure-port (or set it to 0) and use the secure port with a kubeconfig; upgrade the installer to a release written for this Kubernetes."],
    references: ["https://github.com/kubernetes/kubernetes/pull/95856"],
    examples: [{ line: "Error: invalid port value 8080: only zero is allowed", captures: { port: "8080" } }],
  },
  {
    id: "component-config-insecure-bind-address",
    title: "Scheduler or controller-manager config still sets the removed insecure serving address",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["with an explicit 0 port"],
    patterns: [
      String.raw`(?<field>healthzBindAddress|metricsBindAddress)\s*:\s*Invalid\s+value\s*:\s*\\?"?(?<value>[^"\\\s]+)\\?"?\s*:\s*must\s+be\s*empty\s+or\s+with\s+an\s+explicit\s+0\s+port`,
    ],
    versions: [],
    roles: { field: "configuration field", value: "value given" },
    priority: 45,
    meaning:
      "From Kubernetes 1.23 the scheduler's configuration API (v1beta2 on) no longer serves health and metrics on an insecure address: healthzBindAddress and metricsBindAddress must be empty or use port 0. The configuration was written for an older kube-scheduler.",
    causes: ["A KubeSchedulerConfiguration carried over from 1.22 or earlier (often with the default 0.0.0.0:10251) into a 1.23+ scheduler."],
    fixes: ["Remove healthzBindAddress and metricsBindAddress (health and metrics are served on the secure port 10259), and move the config to the API version of the running scheduler."],
    references: ["https://kubernetes.io/docs/reference/scheduling/config/"],
    examples: [
      {
        line: String.raw`E1208 10:00:00.000000       1 run.go:120] "command failed" err="[healthzBindAddress: Invalid value: \"0.0.0.0:10251\": must be empty or with an explicit 0 port]"`,
        captures: { field: "healthzBindAddress", value: "0.0.0.0:10251" },
      },
    ],
  },
];
