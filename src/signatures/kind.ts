import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;

export const kindSignatures: Signature[] = [
  {
    id: "kind-config-api-version",
    title: "kind binary does not know the cluster config's apiVersion",
    family: "kind",
    severity: "error",
    flake: true,
    anchors: ["unknown apiVersion", "for apiVersion", "not found in type v1alpha4."],
    patterns: [
      String.raw`unknown\s+apiVersion\s*:\s*(?<apiVersion>kind\.(?:sigs|x-k8s)\.(?:k8s\.)?io/v\w+)`,
      // kind's "unknown kind %s for apiVersion: %s" (some releases print the two the other way round).
      String.raw`unknown\s+kind\s+(?<kind>\S*)\s+for\s+apiVersion\s*:\s*(?<apiVersion>\S+)`,
      // kind decodes its config strictly: a field a later kind release added is unknown to an older binary.
      // Only fields that do exist in some release (a made-up field, gpus: true, is the user's mistake).
      String.raw`field\s+(?<field>featureGates|runtimeConfig|kubeProxyMode|dnsSearch|ipFamily|labels|containerdConfigPatchesJSON6902|kubeadmConfigPatchesJSON6902|extraPortMappings|apiServerAddress|podSubnet|serviceSubnet|disableDefaultCNI)\s+not\s+found\s+in\s+type\s+(?<configVersion>v1alpha4)\.(?<type>Cluster|Networking|Node)\b`,
    ],
    versions: ["apiVersion", "configVersion"],
    roles: { apiVersion: "kind configuration API version", configVersion: "kind configuration API version", field: "config field this kind does not know" },
    versionKinds: { configVersion: "api-version", since: { kind: "component", component: "kind" }, removedIn: { kind: "component", component: "kind" } },
    priority: 45,
    meaning: "kind could not read its cluster configuration: the config's apiVersion belongs to another kind release than the binary.",
    causes: [
      "A config file written for an old kind (kind.sigs.k8s.io/v1alpha3) used with kind v0.9.0 or later.",
      "A config for kind.x-k8s.io/v1alpha4 used with a kind older than v0.6.0 (an old kind pinned in the CI action).",
      "A v1alpha4 config using a field (featureGates, runtimeConfig, kubeProxyMode, …) that a later kind release added.",
    ],
    fixes: ["Move the config to kind.x-k8s.io/v1alpha4 with kind: Cluster, or pin the kind binary the config was written for."],
    references: ["https://kind.sigs.k8s.io/docs/user/configuration/"],
    examples: [
      { line: "ERROR: failed to create cluster: unknown apiVersion: kind.sigs.k8s.io/v1alpha3", captures: { apiVersion: "kind.sigs.k8s.io/v1alpha3" } },
      // kubernetes-sigs/kind#1992 (kind v0.7.0 with a config using featureGates)
      { line: "  line 4: field featureGates not found in type v1alpha4.Cluster", captures: { field: "featureGates", configVersion: "v1alpha4" } },
    ],
    nearMisses: [
      "apiVersion: kind.x-k8s.io/v1alpha4",
      // Fields no kind release has (found in public troubleshooting notes): a mistake, not a skew.
      "  line 7: field gpus not found in type v1alpha4.Node",
      '### "field ports not found in type v1alpha4.Node" (KIND YAML Error)',
    ],
  },
  {
    id: "ctlptl-kind-version-unknown",
    title: "ctlptl does not know the node images of this kind release",
    family: "kind",
    severity: "error",
    flake: true,
    anchors: ["kindest/node versions for kind version", "unsupported Kind version"],
    patterns: [
      String.raw`No\s+available\s+kindest/node\s+versions\s+for\s+kind\s+version\s+(?<kind>{V})`,
      String.raw`unsupported\s+Kind\s+version\s+(?<kind>{V})`,
    ],
    versions: ["kind"],
    roles: { kind: "kind release on the PATH" },
    versionKinds: { kind: { kind: "component", component: "kind" } },
    priority: 50,
    meaning:
      "ctlptl maps a requested kubernetesVersion to the kindest/node image published with each kind release; it has no table for the kind binary installed, so it is older than that kind release.",
    causes: ["An old ctlptl (pinned, or from a stale package) with a newer kind; or a kind built from master, which has no published node images."],
    fixes: ["Upgrade ctlptl to a release that knows this kind version, or remove kubernetesVersion from the ctlptl cluster config to use kind's default image."],
    references: ["https://github.com/tilt-dev/ctlptl/issues/129"],
    examples: [
      {
        // tilt-dev/ctlptl#129 and #109
        line: "creating cluster: No available kindest/node versions for kind version v0.11.1.",
        captures: { kind: "v0.11.1" },
      },
      {
        // tilt-dev/ctlptl#116 (kind from master)
        line: "creating cluster: No available kindest/node versions for kind version v0.12.0-alpha+31d33511ae0a86.",
        captures: { kind: "v0.12.0-alpha+31d33511ae0a86" },
      },
      {
        // tilt-dev/ctlptl#376, #383, #387, #417
        line: "creating cluster: unsupported Kind version v0.26.0.",
        captures: { kind: "v0.26.0" },
      },
    ],
    nearMisses: ["kind v0.26.0 go1.23.4 linux/amd64"],
  },
  {
    id: "kind-kubeadm-patch-api-version",
    title: "kind config patches a kubeadm config API version the node image does not use",
    family: "kind",
    severity: "error",
    flake: true,
    anchors: ["to apply the patch", "no matches for OriginalId", "unique target for patch"],
    patterns: [
      // kind 0.5 (kustomize's resource ids): "no matches for OriginalId kubeadm.k8s.io_v1beta2_ClusterConfiguration|~X|config".
      String.raw`no\s+matches\s+for\s+(?:Original|Current)Id\s+kubeadm\.k8s\.io_(?<patchVersion>v1\w+)_(?<kind>\w+)\|`,
      String.raw`failed\s+to\s+find\s+unique\s+target\s+for\s+patch\s+kubeadm\.k8s\.io_(?<patchVersion>v1\w+)_(?<kind>\w+)\|`,
      String.raw`failed\s+to\s+find\s+an\s+object\s+with\s+gvk\.Gvk\{Group:${Q}kubeadm\.k8s\.io${Q},\s*Version:${Q}(?<patchVersion>v1\w+)${Q},\s*Kind:${Q}(?<kind>\w+)${Q}\}\s+to\s+apply\s+the\s+patch`,
      String.raw`failed\s+to\s+find\s+an\s+object\s+with\s+kubeadm\.k8s\.io_(?<patchVersion>v1\w+)_(?<kind>\w+)\|[\w-]+\s+to\s+apply\s+the\s+patch`,
    ],
    versions: ["patchVersion"],
    roles: { patchVersion: "kubeadm config API version the patch targets", kind: "kubeadm config kind" },
    versionKinds: { patchVersion: "api-version" },
    priority: 45,
    meaning:
      "kind applies kubeadmConfigPatches to the kubeadm config it generates for the node image's Kubernetes version; a patch naming another kubeadm.k8s.io version (or a kind that version does not have) matches nothing, so the node image's Kubernetes is newer (or older) than the patch was written for.",
    causes: ["A kind config (often copied from a tutorial) whose patches name kubeadm.k8s.io/v1alpha2/v1beta1 while the node image's kubeadm generates a newer API (v1alpha3 for 1.12, v1beta2 for 1.15, v1beta3 for 1.22+)."],
    fixes: ["Drop the apiVersion from the patch (kind then matches on kind alone) or set it to the node image's kubeadm API; or pin the node image the config was written for."],
    references: ["https://kind.sigs.k8s.io/docs/user/configuration/#kubeadm-config-patches"],
    examples: [
      {
        // kubernetes-sigs/kind#126 (kindest/node:v1.12.2 generates v1alpha3)
        line: String.raw`FATA[18:33:57] Failed to create cluster: failed to create kubeadm config: failed to find an object with gvk.Gvk{Group:"kubeadm.k8s.io", Version:"v1alpha2", Kind:"MasterConfiguration"} to apply the patch`,
        captures: { patchVersion: "v1alpha2", kind: "MasterConfiguration" },
      },
      {
        // kubernetes-sigs/kind#666 (a v1.15.0 node image generates v1beta2)
        line: "Error: failed to create cluster: failed to generate kubeadm config content: failed to find an object with kubeadm.k8s.io_v1beta1_ClusterConfiguration|config to apply the patch",
        captures: { patchVersion: "v1beta1", kind: "ClusterConfiguration" },
      },
      {
        // kubernetes-sigs/kind#1053 (kind 0.5.1 generates v1beta1; the patch was written for v1beta2, kind 0.6+)
        line: "Error: failed to create cluster: failed to generate kubeadm config content: no matches for OriginalId kubeadm.k8s.io_v1beta2_ClusterConfiguration|~X|config; no matches for CurrentId kubeadm.k8s.io_v1beta2_ClusterConfiguration|~X|config; failed to find unique target for patch kubeadm.k8s.io_v1beta2_ClusterConfiguration|config",
        captures: { patchVersion: "v1beta2", kind: "ClusterConfiguration" },
      },
    ],
    nearMisses: ["no matches for OriginalId apps_v1_Deployment|~X|web; no matches for CurrentId apps_v1_Deployment|~X|web; failed to find unique target for patch apps_v1_Deployment|web"],
  },
  {
    id: "kind-node-image-containerd-config",
    title: "kind binary cannot read the node image's containerd configuration",
    family: "kind",
    severity: "warning",
    flake: true,
    anchors: ["failed to detect containerd snapshotter"],
    patterns: [
      // kind load: getSnapshotter runs `containerd config dump` in the node and reads
      // plugins."io.containerd.grpc.v1.cri".containerd.snapshotter; containerd 2.x (config version 3) moved the key.
      String.raw`failed\s+to\s+detect\s+containerd\s+snapshotter`,
    ],
    versions: [],
    priority: 45,
    meaning:
      "`kind load` asks the node's containerd which snapshotter it uses. Node images built for kind v0.27 and later ship containerd 2.x, whose config keeps the snapshotter elsewhere; an older kind binary cannot find it. The same words appear when the node is stopped, so on its own it is a warning.",
    causes: [
      "A kindest/node image built for a newer kind release (a floating tag, or a Kubernetes minor newer than the kind binary's) used with an older kind (kind < v0.27 with containerd 2.x images).",
      "The node container is not running (stopped or restarted), so containerd cannot be asked at all.",
    ],
    fixes: ["Upgrade the kind binary to the release the node image was built for, or pin the image published with this kind release (by @sha256 digest, from its release notes)."],
    references: ["https://github.com/kubernetes-sigs/kind/releases/tag/v0.27.0", "https://kind.sigs.k8s.io/docs/user/quick-start/#creating-a-cluster"],
    examples: [
      // kubernetes/test-infra#34604 ("incompatible versions between the Kind binary and Kind image")
      { line: "ERROR: failed to detect containerd snapshotter" },
    ],
    nearMisses: [
      // kind's entrypoint choosing a snapshotter for the host's filesystem: a notice, not a failure.
      'INFO: changing snapshotter from "overlayfs" to "fuse-overlayfs"',
    ],
  },
];
