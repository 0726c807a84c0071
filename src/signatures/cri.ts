import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;

export const criSignatures: Signature[] = [
  {
    id: "cri-api-unimplemented",
    title: "Container runtime does not serve the CRI API version",
    family: "cri",
    severity: "error",
    flake: true,
    anchors: ["unknown service runtime.", "code = Unimplemented", "API is not implemented for endpoint"],
    patterns: [
      String.raw`(?:code\s*=\s*Unimplemented\s+desc\s*=\s*)?unknown\s+service\s+runtime\.(?:(?<criApi>v1alpha\d|v1)\.)?(?:RuntimeService|ImageService)`,
      // Kubelet 1.26+ and crictl 1.26+ name the version they validated before the gRPC error (which a wrapped line may lose).
      String.raw`CRI\s+(?<criApi>v1(?:alpha\d)?)\s+(?:runtime|image)\s+API\s+is\s+not\s+implemented\s+for\s+endpoint`,
    ],
    versions: ["criApi"],
    roles: { criApi: "CRI API version asked for" },
    versionKinds: { criApi: "cri-api" },
    priority: 50,
    meaning:
      "The kubelet or crictl asked the container runtime for a CRI API version it does not serve: a runtime too old for the client, or a runtime whose CRI plugin is disabled.",
    causes: [
      "A kubelet ≥ 1.26 (CRI v1 only) with containerd < 1.6; or newer cri-tools with containerd 1.5.",
      "containerd's CRI plugin disabled (disabled_plugins = [\"cri\"] in config.toml).",
    ],
    fixes: ["Upgrade containerd or CRI-O to a release that serves CRI v1, or enable the CRI plugin."],
    references: ["https://github.com/kubernetes-sigs/cri-tools/issues/1073"],
    examples: [
      {
        line: String.raw`time="2026-05-21T10:11:12Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \"unix:///var/run/cri-dockerd.sock\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"`,
        captures: { criApi: "v1" },
      },
      {
        // Mirantis/cri-dockerd#136 (kubelet 1.26 with cri-dockerd 0.2.x)
        line: String.raw`Dec 10 16:28:22 camphor-aws-cluster-m-aws-master1 kubelet[50361]: E1210 16:28:22.899838   50361 run.go:74] "command failed" err="failed to run Kubelet: validate service connection: CRI v1 runtime API is not implemented for endpoint \"unix:///run/cri-dockerd.sock\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"`,
        captures: { criApi: "v1" },
      },
      {
        // kubernetes-sigs/cri-tools#1069 (crictl 1.19 against CRI-O 1.26)
        line: "FATA[0000] getting status of runtime failed: rpc error: code = Unimplemented desc = unknown service runtime.v1alpha2.RuntimeService",
        captures: { criApi: "v1alpha2" },
      },
      {
        // containerd/cri#619: cri-containerd 1.0 beta served the unversioned CRI service name.
        line: "Feb 23 06:55:38 harshal-ppc64le-worker-1 hyperkube[24666]: E0223 06:55:38.333733   24666 remote_runtime.go:69] Version from runtime service failed: rpc error: code = Unimplemented desc = unknown service runtime.RuntimeService",
      },
    ],
    nearMisses: [
      // kubernetes/kubernetes#112548: the kubelet's own notice on falling back; the failure is a later line.
      'Sep 18 06:22:09 lb kubelet[31948]: I0918 06:22:09.528007   31948 remote_runtime.go:142] "Falling back to CRI v1alpha2 runtime API (deprecated)"',
      "RuntimeApiVersion:  v1",
    ],
  },
  {
    id: "containerd-config-version-unsupported",
    title: "containerd config written for another containerd release",
    family: "cri",
    severity: "error",
    flake: true,
    anchors: ["containerd config version", "expect io.containerd.x.vx"],
    patterns: [
      // Config versions 2 (containerd 1.3+) and 3 (2.x) name every plugin key, disabled_plugins and required_plugins
      // entry by its full URI (services/server/config); containerd 2.0 dropped version 1 (no header, short names).
      String.raw`(?:failed\s+to\s+load\s+TOML(?:\s+from\s+(?<file>[^\s:]+))?\s*:\s*)?invalid\s+(?<where>plugin\s+key|disabled\s+plugin|required\s+plugin)\s+URI\s+${Q}(?<plugin>[\w.-]+)${Q}\s+expect\s+io\.containerd\.x\.vx`,
      String.raw`unknown\s+containerd\s+config\s+version\s*:?\s*(?<config>\d+)(?:\s*\(\s*supported\s+versions?\s*:?\s*(?<oldest>\d+)(?:\s*,\s*\d+)*(?:\s*(?:,|and)\s*(?<newest>\d+))?\s*\))?`,
    ],
    versions: [],
    roles: {
      config: "config.toml version written",
      oldest: "oldest config version this containerd reads",
      newest: "newest config version this containerd reads",
      plugin: "short (version 1) plugin name in the config",
      file: "config file",
      where: "config entry",
    },
    priority: 50,
    meaning:
      "containerd reads config.toml versions 2 (1.x) and 3 (2.0 on); version 4 needs a newer containerd still, and containerd 2.0 no longer reads version 1 (no version header, short plugin names such as \"cri\", \"linux\" or \"containerd.runtime.v1.linux\"). From version 2 on every plugin is named by its full URI (io.containerd.grpc.v1.cri), so a version-1 section or disabled_plugins entry under a version = 2 header, or read by containerd 2.x, is refused. A tool, template or how-to wrote a config for another containerd (or config format) than the one in the node or image.",
    causes: [
      "A kind release newer than the node image: kind writes the containerd config for the containerd it expects in its own node images (kind v0.31 writes version 4), and an older kindest/node image ships an older containerd.",
      "A how-to or template (Kata, wasm shims, Flatcar cloud-config templates) with [plugins.cri...] sections or short plugin names merged into a version = 2 config, or a node whose containerd moved to 1.7/2.x under a config still in the version-1 format.",
    ],
    fixes: [
      "Use a node image built for this kind release (the images listed in its release notes), or the kind release that matches the node image.",
      "containerd 2.0 with a version-1 config: add version = 3 (or 2) and the full plugin IDs (disabled_plugins = [\"io.containerd.grpc.v1.cri\"]), or run containerd config migrate.",
      "A version-1 section under a newer format: rename it to the full plugin URI ([plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.kata], io.containerd.runtime.v1.linux) and keep the version header, or regenerate the file with containerd config default of the containerd that runs.",
    ],
    references: ["https://github.com/containerd/containerd/blob/main/docs/PLUGINS.md#version-header"],
    examples: [
      { line: "containerd: failed to load TOML: unknown containerd config version: 4 (supported versions: 2 and 3)", captures: { config: "4", oldest: "2", newest: "3" } },
      {
        // containerd/containerd#10905 (config v1 support removed from containerd v2.0)
        line: String.raw`containerd: failed to load TOML from ./disable_cri.toml: invalid disabled plugin URI "cri" expect io.containerd.x.vx`,
        captures: { plugin: "cri", where: "disabled plugin" },
      },
      {
        // kata-containers/kata-containers#7311 (containerd 1.6.19 with the how-to's [plugins.cri...] section)
        line: 'containerd: failed to load TOML from /etc/containerd/config.toml: invalid plugin key URI "cri" expect io.containerd.x.vx',
        captures: { file: "/etc/containerd/config.toml", plugin: "cri", where: "plugin key" },
      },
    ],
    nearMisses: ['level=warning msg="Configuration migrated from version 2, use `containerd config migrate` to avoid migration" t="5.381µs"', "invalid plugin key URI"],
  },
];
