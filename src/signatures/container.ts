import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;
const API = String.raw`\d+\.\d+`;

export const containerSignatures: Signature[] = [
  {
    id: "docker-api-version-too-new",
    title: "Docker client newer than the daemon's API",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is too new. Maximum supported API version", "client is newer than server", "but the Docker daemon API version is"],
    patterns: [
      String.raw`client\s+version\s+(?<client>${API})\s+is\s+too\s+new\.\s+Maximum\s+supported\s+API\s+version\s+is\s+(?<daemon>${API})`,
      String.raw`client\s+is\s+newer\s+than\s+server\s+\(\s*client\s+API\s+version\s*:\s*(?<client>${API})\s*,\s*server\s+API\s+version\s*:\s*(?<daemon>${API})\s*\)`,
      String.raw`${Q}(?<option>--?[\w-]+)${Q}\s+requires\s+API\s+version\s+(?<client>${API})\s*,\s*but\s+the\s+Docker\s+daemon\s+API\s+version\s+is\s+(?<daemon>${API})`,
    ],
    versions: ["client", "daemon"],
    roles: { client: "Docker API version the client asks for", daemon: "highest Docker API version the daemon serves" },
    versionKinds: { client: "docker-api", daemon: "docker-api", clientEngine: { kind: "component", component: "Docker Engine" }, daemonEngine: { kind: "component", component: "Docker Engine" } },
    priority: 50,
    meaning: "A Docker client (the CLI, kind, act, a Docker SDK in a tool) asked for a newer Engine API than the daemon in the job serves.",
    causes: ["A tool or image built with a newer Docker SDK than the runner's (or DinD service's) Docker Engine; the SDK pins its API version instead of negotiating."],
    fixes: ["Upgrade the Docker Engine of the runner or DinD service, or set DOCKER_API_VERSION to the daemon's version for the old daemon."],
    references: ["https://docs.docker.com/reference/api/engine/#api-version-matrix"],
    examples: [
      { line: "Error response from daemon: client version 1.41 is too new. Maximum supported API version is 1.39", captures: { client: "1.41", daemon: "1.39" } },
    ],
  },
  {
    id: "docker-api-version-too-old",
    title: "Docker client older than the daemon's minimum API",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is too old. Minimum supported API version"],
    patterns: [String.raw`client\s+version\s+(?<client>${API})\s+is\s+too\s+old\.\s+Minimum\s+supported\s+API\s+version\s+is\s+(?<daemon>${API})`],
    versions: ["client", "daemon"],
    roles: { client: "Docker API version the client asks for", daemon: "lowest Docker API version the daemon serves" },
    versionKinds: { client: "docker-api", daemon: "docker-api", clientEngine: { kind: "component", component: "Docker Engine" }, daemonEngine: { kind: "component", component: "Docker Engine" } },
    priority: 50,
    meaning: "The Docker daemon no longer serves the old Engine API the client asks for (Docker Engine 25 raised the minimum to 1.24, Engine 29 to 1.44).",
    causes: ["A tool built with an old Docker SDK (or an old docker CLI in a CI image) talking to a newly upgraded daemon."],
    fixes: ["Upgrade the tool or CLI to a newer Docker SDK; as a stop-gap, start the daemon with DOCKER_MIN_API_VERSION set to the old version."],
    references: ["https://docs.docker.com/engine/release-notes/29/"],
    examples: [
      {
        line: "Error response from daemon: client version 1.43 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version",
        captures: { client: "1.43", daemon: "1.44" },
      },
    ],
  },
  {
    id: "containerd-config-version-not-supported",
    title: "containerd config (or drop-in) written for another containerd major",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is not supported, the max version is", "unsupported containerd configuration version"],
    patterns: [
      // containerd 1.6.32 / 1.7.17 on: a version-3 config (containerd 2.x) read by containerd 1.x.
      String.raw`containerd\s+config\s+version\s+\x60?(?<config>\d+)\x60?\s+is\s+not\s+supported\s*,\s*the\s+max\s+version\s+is\s+\x60?(?<newest>\d+)\x60?`,
      // k0s merges /etc/k0s/containerd.d/*.toml into the config of the containerd it ships (2.x from k0s 1.36).
      String.raw`(?:invalid\s+containerd\s+configuration\s+in\s+${Q}(?<file>[^"\s]+?)${Q}\s*:\s*)?unsupported\s+containerd\s+configuration\s+version\s*:\s*expected\s+(?<newest>\d+)\s*,\s*got\s+(?<config>\d+)`,
    ],
    versions: ["config", "newest"],
    roles: { config: "config.toml version written", newest: "config version this containerd (or k0s) reads", file: "config file or drop-in" },
    priority: 50,
    meaning:
      "containerd's config.toml format has a version header: 2 for containerd 1.x, 3 for containerd 2.x (whose plugin names moved, e.g. io.containerd.cri.v1.runtime). A config or drop-in written for one major was read by the other: containerd 1.6.32/1.7.17 and later refuse a newer version outright, and k0s refuses drop-ins of an older version than the containerd it ships.",
    causes: [
      "A node or image whose containerd binary is older than the config a tool wrote (ctr/containerd 1.7 left on the PATH next to a containerd 2.x config, or an installer that generated a version 3 config for a 1.x containerd).",
      "Drop-in snippets (NVIDIA container toolkit, runtime classes) written as version 2 while the distribution moved to containerd 2.x (k0s 1.36).",
    ],
    fixes: [
      "Regenerate the config for the containerd that runs (containerd config default, or containerd config migrate for 2.x), or install the containerd major the config was written for.",
      "k0s: rewrite the drop-ins in /etc/k0s/containerd.d as version = 3 with containerd 2.x plugin names (or let the toolkit generate them for containerd 2).",
    ],
    references: ["https://github.com/containerd/containerd/blob/main/docs/PLUGINS.md#version-header", "https://github.com/containerd/containerd/pull/10165"],
    examples: [
      {
        // easzlab/kubeasz#1458 (ctr 1.7 on the PATH with a containerd 2.0 config)
        line: "containerd config version `3` is not supported, the max version is `2`, use `containerd config default` to generate a new config or manually revert to version `2`",
        captures: { config: "3", newest: "2" },
      },
      {
        // k0sproject/k0s#7689 (k0s 1.36 ships containerd 2.x; the NVIDIA drop-in is still version 2)
        line: String.raw`  [invalid containerd configuration in "/etc/k0s/containerd.d/nvidia.toml": unsupported containerd configuration version: expected 3, got 2]`,
        captures: { file: "/etc/k0s/containerd.d/nvidia.toml", newest: "3", config: "2" },
      },
    ],
    nearMisses: ["version = 3", "Unsupported containerd configuration version: $version"],
  },
  {
    id: "containerd-cri-default-runtime-missing",
    title: "containerd's CRI plugin did not load: the default runtime is not configured",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["for `default_runtime_name`"],
    patterns: [String.raw`no\s+corresponding\s+runtime\s+configured\s+in\s+\x60?runtimes\x60?\s+for\s+\x60?default_runtime_name\b`],
    versions: [],
    priority: 40,
    meaning:
      "containerd skipped its CRI plugin because default_runtime_name names no configured runtime. containerd 1.5.0-rc.0 read version-1 configs (no version header, [plugins.cri] sections) this way, which broke Kubernetes CI that upgraded containerd and kept its config (containerd/containerd#5340, reverted in #5341); the kubelet then reports the CRI service as unknown.",
    causes: [
      "A containerd upgraded past the config.toml the job writes: a version-1 config (no version = 2 header) with containerd 1.5.0-rc.",
      "A config edited by a tool that added runtimes under another section than the one default_runtime_name is read from.",
    ],
    fixes: [
      "Write a version = 2 config with [plugins.\"io.containerd.grpc.v1.cri\".containerd] default_runtime_name and runtimes.runc (containerd config default shows one), or pin the containerd the config was written for.",
    ],
    references: ["https://github.com/containerd/containerd/issues/5340", "https://github.com/kubernetes/kubernetes/pull/100992"],
    examples: [
      {
        // containerd/containerd#5340 and kubernetes/kubernetes#100992 (CI bumped containerd to 1.5.0-rc.0 with a v1 config)
        line: 'time="2021-04-09T12:20:01.758944502Z" level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: no corresponding runtime configured in `runtimes` for `default_runtime_name`"',
      },
    ],
    nearMisses: [
      // NVIDIA/k8s-device-plugin#1145: a tool wrote a broken runtime section (fixed by changing the toolkit's channel).
      'error="invalid plugin config: no corresponding runtime configured in `containerd.runtimes` for `containerd` `default_runtime_name = \\"runc\\"`"',
    ],
  },
];
