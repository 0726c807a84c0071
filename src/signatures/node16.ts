import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: node). Their reasoning lives in src/diagnose/area-node16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16node.jsonl.

export const node16Signatures: Signature[] = [
  {
    id: "cni-plugin-spec-version-unsupported",
    title: "CNI plugin binaries and the network config (cniVersion in the conflist) implement different CNI spec versions",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["incompatible CNI versions", "plugin supports", "does not support config version"],
    patterns: [
      // The plugin's own refusal (containernetworking/cni pkg/version, skel.PluginMain): "incompatible CNI versions;
      // config is \"1.0.0\", plugin supports [\"0.1.0\" …]", through containerd/CRI-O ("plugin type=\"loopback\"
      // failed (add): …"), dockershim/cri-dockerd, Multus, cnitool and nomad; the JSON error's details field alone.
      String.raw`(?:plugin\s+type=\\*["'](?<plugin>[\w.-]{1,40})\\*["'](?:\s+name=\\*["'][^"'\\]{0,60}\\*["'])?\s+failed\s+\((?<op>add|del|delete|check)\):\s*)?(?:incompatible\s+CNI\s+versions\\*["']?[;,]?\s*(?:\\*["']?details\\*["']?:\s*\\*["']?)?)?config\s+is\s+\\*["'](?<config>[^"'\\]{0,12})\\*["'],\s+plugin\s+supports\s+\[(?<supported>[^\]]{0,160})`,
      // libcni's ValidateNetworkList (Podman 3/4's CNI backend, the kubelet's dockershim before 1.24, minikube):
      // "plugin bridge does not support config version \"1.0.0\"".
      String.raw`(?<validating>Error\s+validating\s+CNI\s+config\s+file\s+\S{1,200}\s+\[?)?plugin\s+(?<plugin>[\w.-]{1,40})\s+does\s+not\s+support\s+config\s+version\s+\\*["'](?<config>[^"'\\]{0,12})\\*["']`,
      // The bare error, with neither side's version (the kubelet's event, truncated).
      String.raw`(?:plugin\s+type=\\*["'](?<plugin>[\w.-]{1,40})\\*["'](?:\s+name=\\*["'][^"'\\]{0,60}\\*["'])?\s+failed\s+\((?<op>add|del|delete|check)\):\s*)?incompatible\s+CNI\s+versions`,
    ],
    versions: ["config"],
    roles: {
      plugin: "CNI plugin that refused the config",
      op: "CNI operation",
      config: "CNI spec version of the network config (cniVersion)",
      supported: "CNI spec versions the plugin binary implements",
      validating: "config validation (a warning; the network may still work)",
    },
    versionKinds: { config: { kind: "component", component: "CNI spec" } },
    priority: 50,
    meaning:
      "Every CNI network config names the spec version it is written to (cniVersion in the .conflist); each plugin binary in /opt/cni/bin declares the spec versions it implements and refuses any other. Plugins from containernetworking/plugins before v1.0.0 stop at 0.4.0 (before v0.8.0 at 0.3.1), while containerd 1.6+, CRI-O 1.24+ and current CNI add-ons (Flannel, Calico, Cilium, Podman's generated networks) write cniVersion 1.0.0: the node's plugin binaries are older than the config (or, for plugins such as firewall that dropped old versions, the config is older than the plugin).",
    causes: [
      "containerd 1.6.0–1.6.3 (its built-in loopback config moved to 1.0.0) or a CNI add-on writing cniVersion 1.0.0 on a node whose /opt/cni/bin holds plugins before v1.0.0 (the kubernetes-cni package of older kubeadm installs, distribution packages such as Ubuntu 22.04's containernetworking-plugins 0.9.1).",
      "A conflist written for newer plugins (cniVersion 0.4.0 against plugins before v0.8.0), or a third-party plugin (meshnet, an older Cilium/Calico CNI binary) built with an older CNI library.",
      "A config written for old plugins (cniVersion 0.3.1) calling a plugin that only implements 0.4.0 and later (firewall, or plugins v1.0.0's bug that listed only 0.4.0).",
    ],
    fixes: [
      "Upgrade the CNI plugins on every node to the config's spec (containernetworking/plugins v1.0.1 or later for cniVersion 1.0.0), and upgrade third-party plugin binaries with their add-on.",
      "Or lower cniVersion in the conflist to one every plugin in it supports (0.4.0 for plugins v0.8.x), and for containerd 1.6.0–1.6.3 upgrade containerd to 1.6.4+.",
    ],
    references: [
      "https://kubernetes.io/docs/tasks/administer-cluster/migrating-from-dockershim/troubleshooting-cni-plugin-related-errors/",
      "https://github.com/containerd/containerd/issues/6876",
      "https://www.cni.dev/docs/spec-upgrades/",
    ],
    examples: [
      {
        // kata-containers/kata-containers#4500 (containerd 1.6.6's default 1.0.0 conflist, older bridge plugin)
        line: String.raw`E0621 11:31:59.476053   47744 remote_runtime.go:201] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox \"e87c56ad75d8b64441ccb514544c61535a8de096c35e6a7d7f1cf1567425c586\": plugin type=\"bridge\" failed (add): incompatible CNI versions; config is \"1.0.0\", plugin supports [\"0.1.0\" \"0.2.0\" \"0.3.0\" \"0.3.1\" \"0.4.0\"]"`,
        captures: { plugin: "bridge", op: "add", config: "1.0.0" },
      },
      {
        // containerd/containerd#6876 (containerd 1.6.3's loopback config with CNI plugins before 1.0)
        line: String.raw`plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"`,
        captures: { plugin: "loopback", config: "1.0.0" },
      },
      {
        // containers/podman-compose#845 (Podman's generated 1.0.0 networks with older distribution plugins)
        line: String.raw`Error validating CNI config file /etc/cni/net.d/[containername]_default.conflist: [plugin bridge does not support config version "1.0.0" plugin portmap does not support config version "1.0.0" plugin firewall does not support config version "1.0.0" plugin tuning does not support config version "1.0.0"]`,
        captures: { plugin: "bridge", config: "1.0.0" },
      },
    ],
    nearMisses: [
      // mmumshad/kubernetes-the-hard-way#40: plugins not installed at all
      String.raw`NetworkPlugin cni failed to set up pod "coredns-69cbb76ff8-q2zgf_kube-system" network: failed to find plugin "loopback" in path [/opt/cni/bin]`,
    ],
  },
  {
    id: "container-runtime-cgroup-v2-unsupported",
    title: "Container runtime or engine older than cgroup v2 support (runc before 1.0.0-rc91, Docker before 20.10, containerd before 1.4) on a cgroup v2 host",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["work on cgroups v2", "cgroup mountpoint does not exist", "mountpoint for cgroup not found"],
    patterns: [
      // runc 1.0.0-rc90 and older refuse a unified (v2-only) hierarchy outright (libcontainer/cgroups/fs2 did not exist).
      String.raw`this\s+version\s+of\s+runc\s+doesn.?t\s+work\s+on\s+cgroups?\s+v2`,
      // containerd/cgroups' v1-only library (Docker 19.03's containerd, containerd before 1.4, kata 1.x, old shims):
      // "cgroups: cgroup mountpoint does not exist", wrapped by dockerd, containerd's CRI or the runtime.
      String.raw`(?<library>cgroups:\s+)cgroup\s+mountpoint\s+does\s+not\s+exist`,
      // runc's v1 libcontainer (before rc91) looking for a v1 controller mount.
      String.raw`(?<libcontainer>applying\s+cgroup\s+configuration\s+for\s+process\s+caused\s+\\*["']?)?mountpoint\s+for\s+cgroup\s+not\s+found`,
    ],
    versions: [],
    roles: { library: "containerd/cgroups v1 library", libcontainer: "runc's libcontainer" },
    priority: 48,
    meaning:
      "Distributions moved to the unified cgroup v2 hierarchy (Fedora 31, Debian 11, Ubuntu 21.10, RHEL 9, recent WSL and cloud images), where the v1 controller mounts (/sys/fs/cgroup/cpu, memory, systemd …) no longer exist. runc before 1.0.0-rc91, Docker Engine before 20.10, containerd before 1.4 and kata-containers 1.x only know v1: they look for a v1 mount and fail the container. runc's own message says so outright; the 'cgroup mountpoint does not exist' wording of containerd's cgroups library can also mean v1 controllers simply not mounted (a non-systemd host, WSL).",
    causes: [
      "Docker 19.03 (its bundled containerd and runc) on Fedora 31+, Debian 11+, Ubuntu 21.10+ or another cgroup v2 host.",
      "A node or CI image upgraded to a cgroup v2 OS while keeping an older containerd, runc, kata or minikube/kind base image.",
    ],
    fixes: [
      "Upgrade the container stack to cgroup v2-aware releases: runc 1.0+, containerd 1.4+ (runtime io.containerd.runc.v2), Docker Engine 20.10+, kata-containers 2.x.",
      "Or boot the host with the v1 hierarchy (systemd.unified_cgroup_hierarchy=0) until the stack is upgraded; where the host is cgroup v1 already, mount the missing controllers (cgroupfs-mount, the name=systemd hierarchy on non-systemd hosts).",
    ],
    references: ["https://docs.docker.com/engine/release-notes/20.10/", "https://kubernetes.io/docs/concepts/architecture/cgroups/", "https://github.com/jitsi/docker-jitsi-meet/issues/618"],
    examples: [
      {
        // jitsi/docker-jitsi-meet#618 (Fedora 31 with its Docker's runc)
        line: "ERROR: for web  Cannot start service web: OCI runtime create failed: this version of runc doesn't work on cgroups v2: unknown",
      },
      {
        // JJ/alpine-raku#20 (Docker 19.03.13 on Fedora 32)
        line: "docker: Error response from daemon: cgroups: cgroup mountpoint does not exist: unknown.",
        captures: { library: "cgroups" },
      },
    ],
    nearMisses: [
      // microsoft/WSL#4189: a missing name=systemd hierarchy on WSL2 (cgroup v1), fixed by mounting it
      "docker: Error response from daemon: cgroups: cannot find cgroup mount destination: unknown.",
    ],
  },
  {
    id: "windows-container-image-newer-than-host",
    title: "Windows container image built on a newer Windows release than the container host (ltsc2022 on Windows 10 or Server 2019, ltsc2019 on 1803 …)",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["based image is incompatible with a"],
    patterns: [
      // moby's Windows image check (pull, build, run): "a Windows version 10.0.20348-based image is incompatible with a
      // 10.0.19045 host", through docker pull, BcContainerHelper's DockerDo, ECS's CannotPullContainerError.
      String.raw`a\s+Windows\s+version\s+(?<image>10\.0\.\d{5})-based\s+image\s+is\s+incompatible\s+with\s+a\s+(?<host>10\.0\.\d{5})\s+host`,
    ],
    versions: ["image", "host"],
    roles: { image: "Windows build the image is based on", host: "Windows build of the container host" },
    versionKinds: { image: { kind: "component", component: "Windows" }, host: { kind: "component", component: "Windows" } },
    priority: 50,
    meaning:
      "A Windows container shares the host's kernel, so its base image must be of the host's Windows build or older (older only with Hyper-V isolation on most hosts). Docker refuses an image whose base build is newer than the host's: a Windows Server 2022 (10.0.20348) image on Windows 10 (1904x) or Server 2019 (17763), a Server 2019 image on 1803 (17134). The image tag and the host come from different Windows releases.",
    causes: [
      "A :latest or ltsc2022 image tag pulled on a Windows 10 workstation, a Server 2019 CI agent or an ECS/AKS Windows node of an older AMI/node image.",
      "A multi-arch manifest without an entry for the host's build, or a Dockerfile FROM pinned to a newer servercore/nanoserver than the build agent runs.",
    ],
    fixes: [
      "Use the image tag of the host's Windows release (ltsc2019 for 10.0.17763, ltsc2022 for 10.0.20348), or publish a multi-arch manifest that has one.",
      "Or run the image on a host of its build or newer (Windows 11 or Server 2022 for ltsc2022 images; a newer node image/AMI for the Windows node pool).",
    ],
    references: ["https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility", "https://github.com/microsoft/Windows-Containers/issues/155"],
    examples: [
      {
        // microsoft/Windows-Containers#155 (a Server 2022 image on Windows 10 21H1)
        line: "a Windows version 10.0.20348-based image is incompatible with a 10.0.19043 host",
        captures: { image: "10.0.20348", host: "10.0.19043" },
      },
      {
        // sitecoreops/sitecore-images#12 (ltsc2019 images on Windows 10 1803)
        line: "a Windows version 10.0.17763-based image is incompatible with a 10.0.17134 host",
        captures: { image: "10.0.17763", host: "10.0.17134" },
      },
    ],
    nearMisses: [
      // docker-archive-public/docker.kitematic#3145: a Windows image on a Linux-containers daemon (Docker for Mac), not a build mismatch
      String.raw`image operating system "windows" cannot be used on this platform`,
    ],
  },
];
