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
    anchors: ["is too new. Maximum supported API version", "client is newer than server", "but the Docker daemon API version is", "have same version (client"],
    patterns: [
      String.raw`(?:client\s+)?version\s+(?<client>${API})\s+is\s+too\s+new\.\s+Maximum\s+supported\s+API\s+version\s+is\s+(?<daemon>${API})`,
      String.raw`client\s+is\s+newer\s+than\s+server\s+\(\s*client\s+API\s+version\s*:\s*(?<client>${API})\s*,\s*server\s+API\s+version\s*:\s*(?<daemon>${API})\s*\)`,
      // Docker 1.x daemons (2014-2015) refused any client API newer than their own in these words.
      String.raw`[Cc]lient\s+and\s+server\s+don.t\s+have\s+same\s+version\s+\(\s*client(?:\s+API\s+version)?\s*:\s*(?<client>${API})\s*,\s*server(?:\s+API\s+version)?\s*:\s*(?<daemon>${API})\s*\)`,
      // docker/cli checks a flag's or a whole command's annotation ("docker system prune requires API version 1.25").
      String.raw`(?:${Q}(?<option>--?[\w-]+)${Q}|(?<command>docker(?:[ \t]+[a-z][\w-]*){1,3}))\s+requires\s+API\s+version\s+(?<client>${API})\s*,\s*but\s+the\s+Docker\s+daemon\s+API\s+version\s+is\s+(?<daemon>${API})`,
    ],
    versions: ["client", "daemon"],
    roles: {
      client: "Docker API version the client asks for",
      daemon: "highest Docker API version the daemon serves",
      option: "docker flag that needs the newer API",
      command: "docker command that needs the newer API",
    },
    versionKinds: { client: "docker-api", daemon: "docker-api", clientEngine: { kind: "component", component: "Docker Engine" }, daemonEngine: { kind: "component", component: "Docker Engine" } },
    priority: 50,
    meaning: "A Docker client (the CLI, kind, act, a Docker SDK in a tool) asked for a newer Engine API than the daemon in the job serves.",
    causes: ["A tool or image built with a newer Docker SDK than the runner's (or DinD service's) Docker Engine; the SDK pins its API version instead of negotiating."],
    fixes: ["Upgrade the Docker Engine of the runner or DinD service, or set DOCKER_API_VERSION to the daemon's version for the old daemon."],
    references: ["https://docs.docker.com/reference/api/engine/#api-version-matrix"],
    examples: [
      { line: "Error response from daemon: client version 1.41 is too new. Maximum supported API version is 1.39", captures: { client: "1.41", daemon: "1.39" } },
      // moby/moby#13085 (a 1.6 CLI against a 1.0 daemon), moby/moby#16059 (the 1.8 wording)
      { line: "Error response from daemon: client and server don't have same version (client : 1.18, server: 1.12)", captures: { client: "1.18", daemon: "1.12" } },
      { line: "Error response from daemon: client and server don't have same version (client API version: 1.20, server API version: 1.19)", captures: { client: "1.20", daemon: "1.19" } },
      {
        // drone-plugins/drone-ecr#51 (the plugin's docker CLI against the host's Docker 1.12 socket)
        line: "docker system prune requires API version 1.25, but the Docker daemon API version is 1.24",
        captures: { command: "docker system prune", client: "1.25", daemon: "1.24" },
      },
    ],
    nearMisses: [
      // docker version's own banner: the daemon's range, not a refusal.
      " API version:      1.52 (minimum version 1.44)",
      // docker/cli's OS check (a Windows-only flag on a Linux daemon) is not a version matter.
      String.raw`"--isolation" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux`,
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
  {
    id: "docker-compose-file-version-unsupported",
    title: "docker-compose (v1) older than the Compose file's format version",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is unsupported"],
    patterns: [
      // docker-compose 1.x checks the file's version: key against the formats it knows (2.2/3.3 need 1.13/1.14, 3.8 needs 1.25.5).
      String.raw`Version\s+in\s+${Q}(?<file>[^"\s]*\.ya?ml)${Q}\s+is\s+unsupported\b`,
    ],
    versions: [],
    roles: { file: "Compose file" },
    priority: 50,
    meaning:
      "docker-compose 1.x refuses a Compose file whose version: is newer than the file formats it knows: the docker-compose binary in the job (often the distribution's package, 1.8–1.17) is older than the file.",
    causes: [
      "An old docker-compose from the OS packages (Ubuntu 16.04/18.04 ship 1.8/1.17) with a file written for version 3.x.",
      "A file bumped to a newer format (3.7, 3.8) while the CI image kept its docker-compose.",
    ],
    fixes: [
      "Install a current Docker Compose (the docker compose v2 plugin, or docker-compose ≥ 1.27 which reads the Compose specification), or lower the file's version: to one the binary supports.",
    ],
    references: ["https://docs.docker.com/reference/compose-file/legacy-versions/"],
    examples: [
      {
        // immers-space/guppe#56 (maintainer: "your docker compose is way out of date")
        line: 'ERROR: Version in "./docker-compose.yml" is unsupported. You might be seeing this error because you\'re using the wrong Compose file version. Either specify a supported version (e.g "2.2" or "3.3") and place your service definitions under the `services` key, or omit the `version` key and place your service definitions at the root of the file to use version 1.',
        captures: { file: "./docker-compose.yml" },
      },
      {
        // krystianity/keras-serving#3: the older wording that names only version "2"
        line: 'ERROR: Version in "./docker-compose.dual.yml" is unsupported. You might be seeing this error because you\'re using the wrong Compose file version. Either specify a version of "2" (or "2.0") and place your service definitions under the `services` key',
        captures: { file: "./docker-compose.dual.yml" },
      },
    ],
    nearMisses: [
      "For more on the Compose file format versions, see https://docs.docker.com/compose/compose-file/",
      // Compose v2 ignores the key and says so; nothing failed.
      'WARN[0000] /home/runner/work/app/docker-compose.yml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
    ],
  },
  {
    id: "docker-compose-property-too-new",
    title: "Docker Compose older than a Compose file property",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["is not allowed", "are not allowed ("],
    patterns: [
      // Compose v2's schema check, for keys added after 2.0: name (2.3.3), include (2.20), develop (2.22), models/provider (2.38).
      String.raw`(?<path>\(root\)|services\.[\w.-]+)\s*:?\s+Additional\s+property\s+(?<property>name|include|develop|models|provider|post_start|pre_stop|use_api_socket|label_file|gpus)\s+is\s+not\s+allowed`,
      // docker-compose 1.x's wording, for keys of later file formats (name: 3.5, start_period: 3.4, init: 3.7).
      String.raw`(?<path>(?:services|networks|volumes)\.[\w.-]+(?:\.healthcheck)?)\s+value\s+Additional\s+properties\s+are\s+not\s+allowed\s+\(\s*'(?<property>name|start_period|start_interval|init|target|cache_from|shm_size|attachable)'\s+was\s+unexpected`,
    ],
    versions: [],
    roles: { path: "where in the Compose file", property: "property the Compose binary does not know" },
    priority: 45,
    meaning:
      "The Compose binary validated the file against its own schema and does not know a property that later Compose releases added: the binary is older than the file. The same message names a typo when the property is misspelt, so this is a warning.",
    causes: ["docker compose (or docker-compose 1.x) older than the file: a runner or distribution package that lags the Compose release the file was written for."],
    fixes: ["Upgrade Docker Compose (docker compose version shows it) to the release that introduced the property, or drop the property from the file."],
    references: ["https://docs.docker.com/compose/releases/release-notes/"],
    examples: [
      {
        // SigNoz/signoz#6224 (maintainer: update docker compose)
        line: "validating /opt/devops/release/signoz/deploy/docker/clickhouse-setup/docker-compose.yaml: (root) Additional property include is not allowed",
        captures: { path: "(root)", property: "include" },
      },
      {
        // docker/multi-container-app#8 (Compose v2.21.0-desktop.1; develop: needs 2.22)
        line: "validating compose.yaml: services.todo-app Additional property develop is not allowed",
        captures: { path: "services.todo-app", property: "develop" },
      },
      {
        // norweeg/self-hosted-docker-server-templates#5 (docker-compose 1.17.1, file format 3.5)
        line: "networks.docker-gui-network value Additional properties are not allowed ('name' was unexpected)",
        captures: { path: "networks.docker-gui-network", property: "name" },
      },
      {
        line: "services.docker-gui.healthcheck value Additional properties are not allowed ('start_period' was unexpected)",
        captures: { path: "services.docker-gui.healthcheck", property: "start_period" },
      },
    ],
    nearMisses: [
      // A v1-format file (no services: key) read by Compose v2 names the service, not a newer property.
      "(root) Additional property web is not allowed",
      "services.app Additional property enviroment is not allowed",
    ],
  },
  {
    id: "containerd-cri-systemd-cgroup-option",
    title: "containerd CRI config uses systemd_cgroup, which only the pre-1.3 runtime read",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["only works for runtime io.containerd.runtime.v1.linux"],
    patterns: [String.raw`\x60?systemd_cgroup\x60?\s+only\s+works\s+for\s+runtime\s+io\.containerd\.runtime\.v1\.linux`],
    versions: [],
    priority: 45,
    meaning:
      "containerd's CRI plugin did not load: plugins.\"io.containerd.grpc.v1.cri\".systemd_cgroup belongs to the io.containerd.runtime.v1.linux runtime of containerd ≤ 1.2, and containerd 1.3 on (runc v2 shim) refuses it. Without the CRI plugin the kubelet and crictl then report the CRI service as unknown.",
    causes: [
      "A config.toml (or a guide or tool that edits it) written for containerd 1.2, used with containerd 1.3 or later: sed -i 's/systemd_cgroup = false/systemd_cgroup = true/' on containerd config default output.",
    ],
    fixes: [
      "Leave systemd_cgroup = false and set SystemdCgroup = true under [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options], then restart containerd.",
    ],
    references: ["https://github.com/containerd/containerd/issues/4574", "https://kubernetes.io/docs/setup/production-environment/container-runtimes/#containerd-systemd"],
    examples: [
      {
        // containerd/containerd#4574 (containerd 1.3.7)
        line: 'containerd[17742]: time="2020-09-18T10:46:45.630684350Z" level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: `systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux"',
      },
      {
        // kubernetes-sigs/kubespray#5219
        line: 'error="invalid plugin config: `systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux',
      },
    ],
    nearMisses: [
      "    systemd_cgroup = false",
      // containerd 2.0 reading a version-2 config: harmless migration notices (containerd/containerd#10959).
      'WARN[0000] Ignoring unknown key in TOML for plugin       error="strict mode: fields in the document are missing in the target struct" key=disable_cgroup plugin=io.containerd.cri.v1.runtime',
    ],
  },
  {
    id: "docker-classic-builder-needs-buildkit",
    title: "Dockerfile needs BuildKit but the classic builder ran it (Docker before 23, DOCKER_BUILDKIT=0, docker-compose v1)",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["option requires BuildKit"],
    patterns: [String.raw`the\s+(?<option>--[\w-]+)\s+option\s+requires\s+BuildKit`],
    versions: [],
    roles: { option: "Dockerfile instruction option only BuildKit implements" },
    priority: 45,
    meaning:
      "The classic (pre-BuildKit) builder refused a Dockerfile option that only BuildKit implements (RUN --mount, COPY --chmod/--link, …). Docker Engine uses BuildKit by default only from 23.0 on; older engines, docker-compose v1 and some SDK clients still send builds to the classic builder unless DOCKER_BUILDKIT=1 is set. The same message appears when BuildKit was switched off on purpose, so this is a warning.",
    causes: [
      "A CI runner or DinD service with Docker Engine 20.10/18.09 (BuildKit not the default), or docker-compose 1.x building the image.",
      "DOCKER_BUILDKIT=0 in the environment, or a Docker SDK (bollard, docker-py) calling the classic build API.",
    ],
    fixes: [
      "Build with BuildKit: upgrade Docker Engine to 23+ (or install the buildx plugin), set DOCKER_BUILDKIT=1, use docker compose v2; or drop the BuildKit-only option from the Dockerfile.",
    ],
    references: ["https://docs.docker.com/build/buildkit/#getting-started"],
    examples: [
      {
        // antrea-io/antrea#5941 (Docker before 23.0)
        line: "the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled",
        captures: { option: "--mount" },
      },
      {
        // textileio/powergate#828 (Docker 20.10.6 through docker-compose)
        line: "ERROR: Service 'powergate' failed to build : the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled",
        captures: { option: "--mount" },
      },
    ],
    nearMisses: [
      "Step 5/14 : RUN --mount=type=cache,target=/go/pkg/mod/     --mount=type=bind,source=go.sum,target=go.sum     --mount=type=bind,source=go.mod,target=go.mod     go mod download",
      // docker/cli#4319: the legacy builder's own deprecation notice.
      "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.",
    ],
  },
  {
    id: "containerd-shim-version-unsupported",
    title: "containerd daemon older than the runtime shim it started",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["unsupported shim version (", "dial unix {"],
    patterns: [
      // containerd's shim bootstrap: a shim from containerd 2.x answers with protocol version 3, which a 1.x daemon
      // (CurrentShimVersion 2) refuses.
      String.raw`unsupported\s+shim\s+version\s+\((?<shim>\d+)\)(?:\s*:\s*not\s+implemented)?`,
      // containerd before 1.7 reads the shim's JSON bootstrap answer as a socket address.
      String.raw`start\s+failed\s*:\s*dial\s+unix\s+\{${Q}version${Q}\s*:\s*(?<shim>\d+)\s*,\s*${Q}address${Q}`,
    ],
    versions: [],
    roles: { shim: "shim bootstrap protocol version" },
    priority: 50,
    meaning:
      "containerd started a runtime shim (containerd-shim-runc-v2, runsc, kata, a Docker-bundled shim) that is newer than the running containerd daemon: containerd 2.x shims speak shim protocol 3, containerd 1.7 reads up to 2, and containerd 1.6 and older do not understand the JSON bootstrap answer at all.",
    causes: [
      "containerd upgraded on disk (e.g. to 2.x by a package upgrade) while the old daemon is still running: the new shim binary is picked up by the old daemon.",
      "Two containerd installations on one host (distribution package and containerd.io, nix and system, a DinD or sysbox image): the daemon of one starts the shim of the other from PATH.",
      "A third-party shim (gVisor runsc, kata) built against a newer containerd than the node runs.",
    ],
    fixes: [
      "Restart containerd (and dockerd) after upgrading it; make sure the containerd daemon and the shims on its PATH come from the same release.",
      "Or pin the shim to a release built for the node's containerd.",
    ],
    references: ["https://github.com/containerd/containerd/issues/10984"],
    examples: [
      {
        // containerd/containerd#10984 (maintainer: the 1.7 daemon was not restarted after the 2.0 upgrade)
        line: "Error response from daemon: failed to create task for container: Unimplemented: failed to start shim: start failed: unsupported shim version (3): not implemented",
        captures: { shim: "3" },
      },
      {
        // nestybox/sysbox#991 (the Docker-in-sysbox image after the host moved to containerd 2.x)
        line: "docker: Error response from daemon: failed to create task for container: Unimplemented: failed to start shim: start failed: unsupported shim version (3): not implemented",
        captures: { shim: "3" },
      },
      {
        // google/gvisor#13985 (a current runsc shim on containerd 1.6)
        line: String.raw`start failed: dial unix {"version":2,"address":"unix:///run/containerd/s/f89a747f6a50d5c2ffc699d28a658410899f12d03fa638893cc55d2da1cf53f6","protocol":"ttrpc"}: connect: invalid argument: unknown`,
        captures: { shim: "2" },
      },
    ],
    nearMisses: [
      // containerd/containerd#11014: a shim refusing its flags (cause not established in the thread).
      "failed to create containerd task: failed to start shim: start failed: Incorrect Usage. flag provided but not defined: -namespace",
      "unsupported shim version: $version_name",
    ],
  },
  {
    id: "containerd-shim-binary-missing",
    title: "The runtime shim containerd asks for is not installed",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["binary not installed", "failed to start shim: exec", "containerd-shim-runc-v1: "],
    patterns: [
      // Only containerd's own runc shims: a third-party shim (kata, runsc, krun) missing is an installation matter.
      String.raw`runtime\s+${Q}(?<runtime>io\.containerd\.runc\.v[12])${Q}\s+binary\s+not\s+installed\s+${Q}(?<binary>containerd-shim-runc-v[12])${Q}`,
      // containerd 1.3+ without the legacy v1 shim, for containers created by the io.containerd.runtime.v1.linux runtime;
      // containerd 2.0 removed containerd-shim-runc-v1 as well (containerd/containerd#8262).
      String.raw`failed\s+to\s+start\s+shim\s*:\s*exec\s*:\s*${Q}(?<binary>containerd-shim(?:-runc-v1)?)${Q}\s*:\s*executable\s+file\s+not\s+found`,
      // A shell (a packaging smoke test, an install script) looking the removed v1 runc shim up by name.
      String.raw`(?:sh|bash|dash)(?:\s*:\s*(?:line\s+)?\d+)?\s*:\s*(?<binary>containerd-shim-runc-v1)\s*:\s*(?:command\s+)?not\s+found`,
    ],
    versions: [],
    roles: { runtime: "runtime type asked for", binary: "shim binary looked up on PATH" },
    priority: 42,
    meaning:
      "containerd resolves a runtime type to a shim binary on its PATH (io.containerd.runc.v2 → containerd-shim-runc-v2) and did not find it. Runtime types come and go with containerd releases: runc.v2 from 1.2 (bundled from 1.3), the v1 runtime's containerd-shim and containerd-shim-runc-v1 removed in 2.0, so a client, config or existing container of one release meets the binaries of another. A broken install gives the same message, so this is a warning.",
    causes: [
      "A client or config (newer Docker, a Go client defaulting to runc.v2) used with an older containerd bundle that lacks the shim.",
      "containerd upgraded (k3s, containerd 2.0) while containers or configs still name the removed v1 runtime or runc.v1 shim; or a config naming io.containerd.runc.v1, removed in containerd 2.0 (containerd/containerd#8262).",
      "Shim binaries not on the PATH of the containerd service (partial install).",
    ],
    fixes: [
      "Install the shim from the same containerd release as the daemon (its release tarball ships containerd-shim-runc-v2), and move configs and containers to io.containerd.runc.v2.",
    ],
    examples: [
      {
        // containerd/containerd#3473 (Go client from main, containerd 1.2.7 tarball)
        line: String.raw`2019/07/31 16:35:51 runtime "io.containerd.runc.v2" binary not installed "containerd-shim-runc-v2": file does not exist: unknown`,
        captures: { runtime: "io.containerd.runc.v2", binary: "containerd-shim-runc-v2" },
      },
      {
        // docker/docker-ce-packaging#465 (containerd 1.3.7 from the Docker 19.03 static bundle)
        line: String.raw`ctr: runtime "io.containerd.runc.v2" binary not installed "containerd-shim-runc-v2": file does not exist: unknown`,
        captures: { binary: "containerd-shim-runc-v2" },
      },
      {
        // docker/packaging#109 (the packaging smoke test still called the v1 shim, which containerd 2.0 removed)
        line: "#15 4.114 /bin/sh: 17: containerd-shim-runc-v1: not found",
        captures: { binary: "containerd-shim-runc-v1" },
      },
      {
        // k3s-io/k3s#916 (upgrade dropped the legacy shim that running containers were created with)
        line: String.raw`  Warning  Failed     14s (x3 over 32s)  kubelet, k3s-1     Error: failed to create containerd task: failed to start shim: exec: "containerd-shim": executable file not found in $PATH: unknown`,
        captures: { binary: "containerd-shim" },
      },
    ],
    nearMisses: [
      "containerd-shim-runc-v2 -namespace k8s.io -id abc -address /run/containerd/containerd.sock",
      // kata-containers/kata-containers#9256: Kata not on containerd's PATH, whatever the releases.
      String.raw`ctr: failed to start shim: failed to resolve runtime path: runtime "io.containerd.kata.v2" binary not installed "containerd-shim-kata-v2": file does not exist: unknown`,
    ],
  },
  {
    id: "containerd-api-unimplemented",
    title: "containerd client newer than the containerd daemon's API",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["for service containerd.services.", "unknown service containerd.services."],
    patterns: [
      // gRPC's own wording: the daemon serves the service but not this method (added in a later containerd).
      String.raw`unknown\s+method\s+(?<method>\w+)\s+for\s+service\s+containerd\.services\.(?<service>[\w]+)\.(?<serviceApi>v\d+)\.\w+`,
      String.raw`unknown\s+service\s+containerd\.services\.(?<service>[\w]+)\.(?<serviceApi>v\d+)\.\w+`,
    ],
    versions: [],
    roles: { method: "gRPC method asked for", service: "containerd service", serviceApi: "service API version" },
    priority: 48,
    meaning:
      "A containerd client (ctr, nerdctl, BuildKit, dockerd, a Go program using the containerd client library) called a gRPC service or method the running containerd daemon does not serve: the client was built against a newer containerd than the daemon. A daemon whose plugin failed to load (unsupported filesystem, disabled plugin) also lacks the service, so a missing service is only a warning.",
    causes: [
      "An old containerd daemon still running after the binaries were upgraded, or a second, older containerd on the socket path.",
      "A tool (nerdctl, BuildKit, Docker) newer than the containerd it talks to (e.g. lease AddResource needs containerd 1.4).",
      "For a missing service: the daemon's plugin for it failed to start (check the daemon log) or is disabled.",
    ],
    fixes: [
      "Restart or upgrade containerd to the release the client expects (containerd --version vs the client's release notes), or use a client release built for the daemon.",
    ],
    examples: [
      {
        // containerd/nerdctl#171 (BuildKit in nerdctl against an older containerd)
        line: "error: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to read dockerfile: failed to add snapshot x0je4kq7o7yz8r0hc66djbuxn to lease: unknown method AddResource for service containerd.services.leases.v1.Leases: not implemented",
        captures: { method: "AddResource", service: "leases", serviceApi: "v1" },
      },
      {
        // containerd/containerd#1921 (client 1.0, the old daemon left running)
        line: "rpc error: code = Unimplemented desc = unknown service containerd.services.leases.v1.Leases",
        captures: { service: "leases", serviceApi: "v1" },
      },
    ],
    nearMisses: [
      "containerd.services.leases.v1.Leases/AddResource",
      "unknown method Version for service runtime.v1.RuntimeService",
    ],
  },

  {
    id: "docker-compose-buildx-too-old",
    title: "Docker Compose newer than the buildx plugin it builds with",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["compose build requires buildx"],
    patterns: [
      // docker/compose pkg/compose/build_bake.go getBuildxPlugin: fmt.Errorf("compose build requires buildx %s or later",
      // buildxMinVersion), from Compose v2.40.2 on (docker/compose#13295; buildxMinVersion 0.17.0).
      String.raw`compose\s+build\s+requires\s+buildx\s+v?(?<minimum>\d+\.\d+(?:\.\d+)?)\s+or\s+later`,
    ],
    versions: ["minimum"],
    roles: { minimum: "oldest buildx release this Compose builds with" },
    versionKinds: { minimum: { kind: "component", component: "buildx" } },
    priority: 50,
    meaning:
      "Docker Compose delegates builds to the buildx plugin (Bake) and, from Compose v2.40.2 on, checks the plugin's release: a buildx older than 0.17.0 is refused before anything is built. The Compose plugin was upgraded (a runner image, Docker Desktop, a distribution package) while the buildx plugin beside it stayed old.",
    causes: [
      "A CI image or host that installs docker-compose-plugin from one source (Docker's repository, a GitHub release) and docker-buildx-plugin from another (the distribution's older package, a pinned download).",
      "Docker Desktop or a runner image update that shipped a newer Compose with an older (or unreadable) buildx in ~/.docker/cli-plugins.",
    ],
    fixes: [
      "Upgrade the buildx plugin to 0.17.0 or later (docker-buildx-plugin, or the release binary as ~/.docker/cli-plugins/docker-buildx); `docker buildx version` shows the one Compose finds.",
      "Or pin Docker Compose to a release before v2.40.2 until buildx can be upgraded.",
    ],
    references: ["https://github.com/docker/compose/pull/13295", "https://github.com/docker/docker-ce-packaging/pull/1278"],
    examples: [
      // docker/for-win#15045 (Docker Desktop 4.62; installing buildx v0.31.1 by hand fixed it)
      { line: "compose build requires buildx 0.17.0 or later", captures: { minimum: "0.17.0" } },
      { line: "Error: compose build requires buildx 0.17.0 or later", captures: { minimum: "0.17.0" } },
    ],
    nearMisses: [
      // Finsys/dockhand#941: no buildx plugin at all, and Compose falls back to its classic builder.
      'time="2026-04-17T14:38:44Z" level=warning msg="Docker Compose requires buildx plugin to be installed"',
      "failed to get version of buildx",
    ],
  },
  {
    id: "docker-runtime-v1-removed",
    title: "Docker 23+ asked for the removed io.containerd.runtime.v1.linux runtime",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["runtime specified io.containerd.runtime.v1.linux", "runtime name: io.containerd.runtime.v1.linux"],
    patterns: [
      // moby/moby#43695 (Docker 23.0): "Unknown runtime specified %s"; Docker 24 on: "unknown or invalid runtime name: %s".
      String.raw`(?:[Uu]nknown\s+runtime\s+specified|unknown\s+or\s+invalid\s+runtime\s+name\s*:)\s+(?<runtime>io\.containerd\.runtime\.v1\.linux)`,
    ],
    versions: [],
    roles: { runtime: "runtime the client or daemon.json asked for" },
    priority: 50,
    meaning:
      "Docker Engine 23.0 removed the legacy io.containerd.runtime.v1.linux runtime (containerd-shim v1), deprecated since Docker 20.10: a container, `docker run --runtime` or a daemon.json default-runtime written for Docker 20.10 or older meets a newer daemon. containerd 2.0 removed the runtime from containerd as well.",
    causes: [
      "A daemon.json (\"default-runtime\" or a runtimes entry), a script or a CI job that still names io.containerd.runtime.v1.linux, carried over to Docker 23+.",
      "A tool written for Docker 20.10 that passes --runtime=io.containerd.runtime.v1.linux.",
    ],
    fixes: ["Drop the runtime setting (Docker defaults to io.containerd.runc.v2 with runc) or name runc; on Docker 20.10, move to io.containerd.runc.v2 before upgrading."],
    references: ["https://github.com/moby/moby/pull/43695", "https://docs.docker.com/engine/deprecated/"],
    examples: [
      // moby/moby#43695 (the PR's own verification)
      { line: "docker: Error response from daemon: Unknown runtime specified io.containerd.runtime.v1.linux.", captures: { runtime: "io.containerd.runtime.v1.linux" } },
      { line: "Error response from daemon: unknown or invalid runtime name: io.containerd.runtime.v1.linux", captures: { runtime: "io.containerd.runtime.v1.linux" } },
    ],
    nearMisses: [
      // Docker 20.10's notice (moby/moby f63f73a4): the runtime still works there.
      'Configured runtime "io.containerd.runtime.v1.linux" is deprecated and will be removed in the next release.',
      // google/gvisor#87: a runtime missing from daemon.json, not a removed one.
      "docker: Error response from daemon: Unknown runtime specified runsc.",
      // lf-edge/eve#2719: containerd 1.4+'s notice while the v1 runtime still runs.
      "WARN[2022-07-20T16:07:20.654542386Z] runtime v1 is deprecated since containerd v1.4, consider using runtime v2",
    ],
  },
  {
    id: "windows-container-os-mismatch",
    title: "Windows container image built for another Windows release than the host",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["does not match the host operating system", "does not match the operating system of the host"],
    patterns: [
      // HCS_E_IMAGE_MISMATCH (0xc0370101), as hcsshim (hcsshim::/hcs::CreateComputeSystem, System::Start) prints it.
      String.raw`(?:[Tt]he\s+)?container\s+operating\s+system\s+does\s+not\s+match\s+the\s+host\s+operating\s+system`,
      // The wording of Windows Server 2016/1709 hosts (moby/moby#35462).
      String.raw`(?:[Tt]he\s+)?operating\s+system\s+of\s+the\s+container\s+does\s+not\s+match\s+the\s+operating\s+system\s+of\s+the\s+host`,
    ],
    versions: [],
    priority: 50,
    meaning:
      "Windows refused to start a process-isolated container whose base image was built for another Windows release (build number) than the host: Windows Server containers share the host's kernel, so a ltsc2019 (10.0.17763) image does not run on a ltsc2022 (10.0.20348) host in process isolation, nor a newer image on an older host. Hyper-V isolation lifts the restriction.",
    causes: [
      "A Windows node or runner upgraded (Windows Server 2022/2025, Windows 11, a GitHub windows-latest image move) while the image stays on the older base (nanoserver:1809, servercore:ltsc2019), or the reverse.",
      "A multi-arch tag whose manifest list picked an image for another OS build (a floating tag republished on a newer base, a CNI DaemonSet image for another Windows release).",
    ],
    fixes: [
      "Use the base image tag of the host's Windows release (ltsc2022 on Windows Server 2022; check `cmd /c ver` against the image's os.version), or a multi-arch image listing the host's build.",
      "Or run with Hyper-V isolation (docker run --isolation=hyperv, a RuntimeClass with Hyper-V) where the host supports it.",
    ],
    references: ["https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility"],
    examples: [
      {
        // kubernetes-sigs/sig-windows-tools#72 (flannel's Windows image on another Windows build)
        line: String.raw`  Warning  FailedCreatePodSandBox  37s  kubelet, w1  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container for pod "kube-flannel-ds-windows-amd64-9tffg": Error response from daemon: hcsshim::CreateComputeSystem e20e69aa106e39ef9447f449e7f6d578dbed969cd31da91d1ea8a106906478fe: The container operating system does not match the host operating system.`,
      },
      {
        // microsoft/Windows-Containers#399 (nanoserver:1809 on Windows 10 22H2 in process isolation)
        line: "docker: Error response from daemon: hcs::CreateComputeSystem 377c5ba81cdccd9cf8217251aba4171ca3bd6a593f14db12c3ae6ead394530c3: The container operating system does not match the host operating system.",
      },
      {
        // moby/moby#35462 (Windows Server 1709 insider host)
        line: "docker: Error response from daemon: container 328b4c258cd92c95f8292166c057285d2f2c00bd6b63dea224e7af172f1f9d83 encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)",
      },
    ],
    nearMisses: [
      // Linux containers mode given a Windows image: the daemon's OS type, not a Windows release.
      'image operating system "windows" cannot be used on this platform',
      "Default Isolation: process",
    ],
  },
  {
    id: "runc-oci-spec-decode-mismatch",
    title: "OCI runtime (runc, kata, runsc) cannot read the config.json of a different runtime-spec release",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["Process.capabilities", "specs.LinuxCapabilities", "OCI runtime create failed: json: cannot unmarshal", "oci runtime error: json: cannot unmarshal"],
    patterns: [
      // runtime-spec 1.0.0-rc5 (2017) turned process.capabilities from a list into an object of sets: a runtime on one
      // side of the change cannot decode the spec written on the other (opencontainers/runc#1512, tianon/docker-overlay#72).
      String.raw`cannot\s+unmarshal\s+(?<got>object|array)\s+into\s+Go\s+(?:struct\s+field\s+Process\.capabilities\s+|value\s+)of\s+type\s+(?<want>\[\]string|specs\.LinuxCapabilities)`,
      // Any other field, where the refusal is the OCI runtime's own decoding of the bundle containerd or Docker wrote.
      String.raw`(?:OCI\s+runtime\s+(?:create|start|exec|run)\s+failed|oci\s+runtime\s+error)\s*:\s*json\s*:\s*cannot\s+unmarshal\s+(?<got>\w+)\s+into\s+Go\s+(?:struct\s+field\s+(?<field>[\w.]+)\s+|value\s+)of\s+type\s+(?<want>[\w.*\[\]]+)`,
    ],
    versions: [],
    roles: { got: "JSON type found in config.json", want: "Go type the runtime decodes it into", field: "spec field" },
    priority: 48,
    meaning:
      "The OCI runtime could not decode the bundle's config.json: the runtime (runc, kata-runtime, runsc, a vendor runc) was built against another release of the OCI runtime-spec than the containerd or Docker that wrote the file. The capabilities change of runtime-spec 1.0.0-rc5 is the common case: an object of capability sets where an old runc expects a list (runc too old for Docker 17.06+/containerd 1.0+), or a list where a new runtime expects sets (Docker 1.13/17.03 with a runtime built for spec 1.0).",
    causes: [
      "A runc (or docker-runc) from another package than Docker/containerd: a distribution runc left behind after a Docker upgrade, or a hand-built runc on the PATH.",
      "A third-party runtime (kata, gVisor, nvidia-container-runtime) built for a newer or older runtime-spec than the engine that calls it (RHEL/CentOS docker 1.13 with a current runtime).",
    ],
    fixes: [
      "Install the runc release that the containerd/Docker release names (containerd's RUNC.md, docker info's runc commit), or the runtime release built for the engine's spec version.",
      "Or upgrade the engine (Docker ≥ 17.06, containerd ≥ 1.0) so that both sides use runtime-spec 1.0.",
    ],
    references: ["https://github.com/opencontainers/runtime-spec/releases/tag/v1.0.0-rc5", "https://github.com/opencontainers/runc/issues/1512"],
    examples: [
      {
        // NVIDIA/nvidia-docker#1077
        line: "docker: Error response from daemon: OCI runtime create failed: json: cannot unmarshal object into Go struct field Process.capabilities of type []string: unknown.",
        captures: { got: "object", want: "[]string" },
      },
      {
        // containerd/containerd#1616 (a runc older than containerd's RUNC.md)
        line: "ctr: OCI runtime create failed: json: cannot unmarshal object into Go value of type []string: unknown",
        captures: { got: "object", want: "[]string" },
      },
      {
        // kata-containers/documentation#116 (docker 1.13.1 on CentOS with kata-runtime 1.0)
        line: "/usr/bin/docker-current: Error response from daemon: oci runtime error: json: cannot unmarshal array into Go struct field Process.capabilities of type specs.LinuxCapabilities.",
        captures: { got: "array", want: "specs.LinuxCapabilities" },
      },
      {
        // opencontainers/runc#1512 (runc 1.0.0-rc3 with an older config.json)
        line: "json: cannot unmarshal array into Go value of type specs.LinuxCapabilities",
        captures: { got: "array", want: "specs.LinuxCapabilities" },
      },
    ],
    nearMisses: [
      // dockerd's own daemon.json: the operator's file, not a runtime-spec bundle.
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: json: cannot unmarshal string into Go value of type []string",
      '"capabilities": {',
    ],
  },
  {
    id: "containerd2-cri-image-config-invalid",
    title: "containerd 2.x refused the CRI image section of a config.toml",
    family: "container",
    severity: "warning",
    flake: true,
    anchors: ["invalid cri image config"],
    patterns: [
      // plugins/cri/images (containerd 2.x): fmt.Errorf("invalid cri image config: %w", ValidateImageConfig(...)).
      // The other refusals ValidateImageConfig has are the file's own mistakes, in any release.
      String.raw`invalid\s+cri\s+image\s+config\s*:?(?:\s*(?<mirrors>\x60?mirrors\x60?\s+cannot\s+be\s+set\s+when\s+\x60?config_path\x60?\s+is\s+provided)|\s*(?<other>invalid\s+image\s+pull\s+progress\s+timeout|failed\s+to\s+parse\s+registry\s+url))?`,
    ],
    versions: [],
    roles: { mirrors: "the refusal of mirrors next to config_path", other: "the validation error" },
    priority: 44,
    meaning:
      "containerd 2.x validates the CRI images plugin at start and skips the CRI plugin when the check fails (the kubelet then finds no CRI service). containerd 2.2.0 and 2.2.1 fill in a default config_path while migrating a version-2 config that carries an empty config_path (containerd/containerd#6488), so a containerd 1.x config.toml with registry.mirrors, which 1.x accepted, is refused: mirrors and config_path cannot both be set. 2.2.2 and 2.3.0 default config_path only when both are empty (containerd/containerd#12617).",
    causes: [
      "containerd upgraded to 2.2.0/2.2.1 with a config.toml generated by containerd 1.x's `containerd config default` (config_path = \"\") plus registry.mirrors entries.",
      "Not a skew: a config that sets both mirrors and config_path by hand, or an invalid registry URL or pull-progress timeout.",
    ],
    fixes: [
      "Move the mirrors to /etc/containerd/certs.d/<host>/hosts.toml and drop registry.mirrors (or regenerate the config with containerd 2's `containerd config default` / `containerd config migrate`), or upgrade to containerd 2.2.2 or later.",
    ],
    references: ["https://github.com/containerd/containerd/blob/main/docs/hosts.md", "https://github.com/containerd/containerd/pull/6488", "https://github.com/containerd/containerd/pull/12617"],
    examples: [
      {
        // killer-sh/cks-course-environment#93 (containerd 2.2.1 with a 1.x config layout; the message wrapped)
        line: "failed to load plugin: invalid cri image config:",
      },
      {
        line: 'time="2025-12-02T10:11:12.000000000Z" level=warning msg="failed to load plugin" error="invalid cri image config: `mirrors` cannot be set when `config_path` is provided" id=io.containerd.cri.v1.images type=io.containerd.cri.v1',
        captures: { mirrors: "mirrors cannot be set when config_path is provided" },
      },
    ],
    nearMisses: [
      // containerd/containerd#5306: a 1.5 beta bug, in 1.x's wording ("invalid plugin config").
      'WARN[2021-04-03T12:08:38.809121400+08:00] failed to load plugin io.containerd.grpc.v1.cri  error="invalid plugin config: `mirrors` cannot be set when `config_path` is provided"',
      // A typo in the timeout, whatever the release.
      'level=warning msg="failed to load plugin" error="invalid cri image config: invalid image pull progress timeout: time: invalid duration \\"5 m\\""',
    ],
  },
];
