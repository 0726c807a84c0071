import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: build tools inside the job). Their reasoning lives in
// src/diagnose/area-tools15.ts; real lines and near-misses in test/fixtures/real-world/lines-15tools.jsonl.

export const tools15Signatures: Signature[] = [
  {
    id: "buildkit-frontend-capability-unsupported",
    title: "BuildKit or its Dockerfile frontend older than a build feature the client or frontend asked for (named contexts, merge op, secret env…)",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["unsupported frontend capability", "current frontend does not support", "not supported by build server"],
    patterns: [
      // BuildKit's solver (solver/errdefs/frontendcap.go): "unsupported frontend capability <cap>", through
      // "failed to solve with frontend dockerfile.v0:" and the gRPC wrapping of docker build / buildx / compose.
      String.raw`unsupported\s+frontend\s+capability\s+(?<capability>moby\.buildkit\.frontend\.[a-z][\w.]*[a-z])`,
      // buildx (commands/build.go wrapBuildError) rewrites the capability error for the features it knows, naming
      // the Dockerfile frontend (and BuildKit) release that brought them.
      String.raw`current\s+frontend\s+does\s+not\s+support\s+(?<feature>[^.]{3,80}?)\.\s+[A-Z][^.]{0,80}?\bsupported\s+since\s+Dockerfile\s+(?<dockerfile>v?\d+\.\d+)(?:\s+and\s+BuildKit\s+(?<buildkit>v?\d+\.\d+))?`,
      // BuildKit's API capabilities (util/apicaps): a frontend (a # syntax= image, buildx, an LLB tool) asked the build
      // server for an operation it does not have. Newer servers name the release that added it.
      String.raw`requested\s+(?:(?<stage>experimental|prerelease|deprecated)\s+)?feature\s+(?<feature>[a-z][\w.]*[a-z])\s+(?:\([^()]{1,60}\)\s*)?is\s+not\s+supported\s+by\s+build\s+server(?:\s*\(added\s+in\s+(?:Docker\s+(?<dockerRelease>v?\d+\.\d+(?:\.\d+)?)|BuildKit\s+(?<buildkitRelease>v?\d+\.\d+(?:\.\d+)?))\))?`,
    ],
    versions: ["dockerfile", "buildkit", "dockerRelease", "buildkitRelease"],
    roles: {
      capability: "frontend capability the build needs",
      feature: "build feature the client asked for",
      dockerfile: "first Dockerfile frontend release with the feature",
      buildkit: "first BuildKit release with the feature",
      stage: "feature stage",
      dockerRelease: "first Docker Engine release whose build server has the feature",
      buildkitRelease: "first BuildKit release with the feature",
    },
    versionKinds: {
      dockerfile: { kind: "component", component: "Dockerfile frontend" },
      buildkit: { kind: "component", component: "BuildKit" },
      dockerRelease: { kind: "component", component: "Docker Engine" },
      buildkitRelease: { kind: "component", component: "BuildKit" },
    },
    priority: 50,
    meaning:
      "The build client (docker buildx, docker build on Engine 23+, docker compose, bake) asked for a feature that the Dockerfile frontend doing the build does not implement: the frontend built into the daemon's BuildKit (or pinned by a # syntax= line) is older than the feature. Named build contexts (--build-context, compose additional_contexts, bake contexts) need Dockerfile 1.4 / BuildKit 0.10; Git URLs with query strings need Dockerfile 1.18 / BuildKit 0.24. The other side of the same skew: a frontend or build tool asked the daemon's BuildKit for an operation (merge op, secret env, a security mode) that the daemon's release does not have.",
    causes: [
      "A CI runner, DinD service or Docker Desktop whose Engine bundles an older BuildKit than the buildx/compose client in the job.",
      "A # syntax=docker/dockerfile:1.x line pinning a frontend older than the feature, or BUILDKIT_SYNTAX pointing at one.",
      "A remote or docker-container builder (buildx create) running an old moby/buildkit image.",
    ],
    fixes: [
      "Add `# syntax=docker/dockerfile:1` as the Dockerfile's first line (the frontend is then pulled at its current release whatever the daemon bundles), or raise a pinned syntax version.",
      "Upgrade the daemon's BuildKit (Docker Engine / Docker Desktop), or build on a docker-container builder with a current moby/buildkit image (docker buildx create --use).",
    ],
    references: [
      "https://docs.docker.com/build/buildkit/frontend/",
      "https://github.com/moby/buildkit/issues/3807",
      "https://github.com/docker/buildx/issues/1124",
    ],
    examples: [
      {
        // moby/buildkit#3807 (Docker Desktop's bundled BuildKit; fixed by upgrading it)
        line: "ERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.contexts",
        captures: { capability: "moby.buildkit.frontend.contexts" },
      },
      {
        // moby/buildkit#3633 (a frontend without the contexts capability, through buildx)
        line: "ERROR: failed to build: current frontend does not support --build-context. Named contexts are supported since Dockerfile v1.4. Use #syntax directive in Dockerfile or update to latest BuildKit.",
        captures: { feature: "--build-context", dockerfile: "v1.4" },
      },
      {
        // moby/buildkit#967 (docker/dockerfile:1.1.0-experimental on Docker 18.09)
        line: "rpc error: code = Unknown desc = requested experimental feature exec.meta.security  is not supported by build server, please update",
        captures: { stage: "experimental", feature: "exec.meta.security" },
      },
    ],
    nearMisses: [
      // docker/compose#11351: a Compose regression, the named context resolved as an image
      "failed to solve: my-build-context: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
      // docker/buildx#3077: the builder's dockerfile.v0 frontend disabled by configuration
      "ERROR: failed to solve: invalid frontend: dockerfile.v0",
      // tensorchord/envd#1547: Docker 23 keeps merge op for the containerd image store, whatever its version
      "error: failed to solve: requested experimental feature mergeop  has been disabled on the build server: only enabled with containerd image store backend",
    ],
  },
  {
    id: "oci-runtime-capability-unknown",
    title: "OCI runtime (runc, crun) or Docker Engine older than the Linux capabilities it was asked to grant (CAP_PERFMON, CAP_BPF, CAP_CHECKPOINT_RESTORE)",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["unknown capability", "unknown cap:"],
    patterns: [
      // runc's libcontainer ("starting container process caused: unknown capability \"CAP_PERFMON\""), crun and podman
      // ("unknown cap: `CAP_BPF`"), Docker's own check of --cap-add ("invalid CapAdd: unknown capability: \"CAP_PERFMON\"").
      String.raw`(?<engine>invalid\s+CapAdd:\s+)?unknown\s+cap(?:ability)?:?\s+\\*["'\x60]?(?<capability>CAP_[A-Z_]{2,30})\b`,
    ],
    versions: [],
    roles: { capability: "Linux capability the runtime does not know" },
    priority: 50,
    meaning:
      "The container runtime was asked to grant a Linux capability its release does not know. CAP_PERFMON, CAP_BPF and CAP_CHECKPOINT_RESTORE came with Linux 5.8/5.9: a Docker Engine, containerd or CRI-O that builds its capability list from a newer library (or privileged: true on a new kernel) hands them to an older runc (before 1.0.0-rc93) or crun (before 0.16), which refuses the whole container. Docker Engine 20.10 itself refuses them in --cap-add.",
    causes: [
      "A runc 1.0.0-rc92 or older (containerd 1.3 and many distributions shipped it) (or crun 0.14/0.15) beside a newer Docker, containerd or CRI-O, on a 5.8+ kernel: privileged containers and pods fail.",
      "Docker-in-Docker with an old docker:19.03-dind image on a new host, or Docker Engine 20.10 asked for --cap-add PERFMON/BPF.",
    ],
    fixes: [
      "Upgrade the OCI runtime to the engine's release (runc 1.0 or later, crun 0.16 or later), or install the runtime the engine's packages ship with.",
      "Upgrade Docker Engine to 23.0 or later for --cap-add PERFMON/BPF/CHECKPOINT_RESTORE, or grant CAP_SYS_ADMIN instead on older engines.",
    ],
    references: ["https://github.com/moby/moby/issues/41562", "https://github.com/cri-o/cri-o/issues/4658", "https://github.com/moby/moby/issues/42601"],
    examples: [
      {
        // moby/moby#41562 (Docker 20.10 beta with runc 1.0.0-rc92, a docker:19.03.3-dind container)
        line: String.raw`docker: Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: unknown capability "CAP_PERFMON": unknown.`,
        captures: { capability: "CAP_PERFMON" },
      },
      {
        // cri-o/cri-o#4658 (CRI-O 1.20.1 with runc 1.0.0-rc92; fixed by upgrading runc)
        line: String.raw`  Warning  Failed     14s (x2 over 14s)  kubelet            Error: container create failed: time="2021-03-15T07:39:31+01:00" level=error msg="container_linux.go:370: starting container process caused: unknown capability \"CAP_PERFMON\""`,
        captures: { capability: "CAP_PERFMON" },
      },
    ],
    nearMisses: [
      // cri-o/cri-o#491: a capability written without its CAP_ prefix
      "Failed to create container with error: rpc error: code = 2 desc = capability KILL must start with CAP_",
      // containerd/stargz-snapshotter#622: CRI-O in Docker may not apply caps; not an unknown capability
      `time="2022-02-03T11:18:54Z" level=error msg="runc create failed: unable to start container process: unable to apply caps: operation not permitted"`,
    ],
  },
  {
    id: "docker-feature-needs-experimental-before-20-10",
    title: "Docker Engine or CLI older than 20.10, where --platform and docker manifest still needed experimental mode",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is only supported on a Docker daemon with experimental", "is only supported on a Docker cli with experimental", "is only supported when experimental cli features"],
    patterns: [
      // dockerd before 20.10 (docker build/pull/run --platform), through the CLI: "\"--platform\" is only supported on a
      // Docker daemon with experimental features enabled".
      String.raw`\\?["']?(?<flag>--[a-z][\w-]{1,30})\\?["']?\s+is\s+only\s+supported\s+on\s+a\s+Docker\s+daemon\s+with\s+experimental\s+features\s+enabled`,
      // The CLI's own gate on experimental commands (docker manifest before 20.10), in its two wordings.
      String.raw`\b(?<command>docker\s+[a-z][\w-]{1,20}(?:\s+[a-z][\w-]{1,20})?)\s+is\s+only\s+supported\s+(?:on\s+a\s+Docker\s+cli\s+with|when)\s+experimental\s+cli\s+features\s+(?:are\s+)?enabled`,
    ],
    versions: [],
    roles: { flag: "Docker flag gated behind experimental mode", command: "Docker CLI command gated behind experimental mode" },
    priority: 45,
    meaning:
      "Docker before 20.10 accepted --platform (on build, pull, run, create) only from a daemon with experimental features on, and ran docker manifest only with the CLI's experimental features on. Since 20.10 both are stable and the message cannot appear for them, so the job's Docker (the runner's, the DinD service's, the CI image's) is older than 20.10 and the script was written for a newer one.",
    causes: [
      "A CI runner image, DinD service or self-hosted agent with Docker 19.03 or older (GitHub's 2020 runners, older Amazon Linux/CentOS packages).",
      "A script or tool that passes --platform or calls docker manifest, written against Docker 20.10+.",
    ],
    fixes: [
      "Upgrade the Docker Engine and CLI on the runner (or the docker:dind image) to 20.10 or later.",
      "On an old Docker, enable experimental mode: \"experimental\": true in /etc/docker/daemon.json for --platform, DOCKER_CLI_EXPERIMENTAL=enabled for docker manifest.",
    ],
    references: ["https://docs.docker.com/engine/release-notes/20.10/", "https://github.com/actions/runner-images/issues/1368"],
    examples: [
      {
        // actions/runner-images#1368 (a container job's options: --platform on the 2020 runners' Docker 19.03)
        line: String.raw`"--platform" is only supported on a Docker daemon with experimental features enabled`,
        captures: { flag: "--platform" },
      },
      {
        // buildkite/elastic-ci-stack-for-aws#798
        line: "[2021-02-11T16:49:23Z] docker manifest create is only supported on a Docker cli with experimental cli features enabled",
        captures: { command: "docker manifest create" },
      },
    ],
    nearMisses: [
      // CircleCI-Public/docker-orb#61: --squash is experimental in every Docker release
      String.raw`"--squash" is only supported on a Docker daemon with experimental features enabled`,
    ],
  },
  {
    id: "actions-runner-version-deprecated",
    title: "GitHub Actions self-hosted runner older than the oldest release GitHub's service accepts",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["is deprecated and cannot receive messages"],
    patterns: [
      // The runner's listener (and its AccessDeniedException in _diag), with "Error: Forbidden" on some releases.
      String.raw`Runner\s+version\s+(?<runner>v?\d+\.\d+\.\d+)\s+is\s+deprecated\s+and\s+cannot\s+receive\s+messages`,
    ],
    versions: ["runner"],
    roles: { runner: "self-hosted runner release" },
    versionKinds: { runner: { kind: "component", component: "GitHub Actions runner" } },
    priority: 50,
    meaning:
      "GitHub's job broker refuses self-hosted runners older than its minimum: a runner must take a new release within about 30 days of it. A runner configured with --disableupdate, or built into an image pinned to one release (actions-runner-controller's ghcr.io/actions/actions-runner:<version>), falls behind and stops receiving jobs; the workflow waits for a runner, then fails.",
    causes: [
      "A runner image or VM template pinned to an old actions/runner release, with automatic updates off (--disableupdate, ephemeral runners rebuilt from the same image).",
      "Rarely, a GitHub-side incident that refused the newest release for a few hours (actions/runner#3486, #3381): when the runner is the latest release, that is the cause.",
    ],
    fixes: [
      "Rebuild the runner image (or the scale set's runner version) on the current actions/runner release, and keep it within 30 days of each new release; or let the runner update itself (drop --disableupdate).",
    ],
    references: ["https://docs.github.com/en/actions/reference/runners/self-hosted-runners#runner-software-updates-on-self-hosted-runners", "https://github.com/actions/runner/issues/3651"],
    examples: [
      {
        // actions/runner#3651 (2.320.0 with --disableupdate)
        line: "An error occured: Runner version v2.320.0 is deprecated and cannot receive messages.",
        captures: { runner: "v2.320.0" },
      },
      {
        // actions/runner#4305 (the ghcr.io/actions/actions-runner:2.330.0 image, from the runner's _diag log)
        line: "[RUNNER 2026-03-17 12:20:29Z ERR  Listener] GitHub.DistributedTask.WebApi.AccessDeniedException: Runner version v2.330.0 is deprecated and cannot receive messages.",
        captures: { runner: "v2.330.0" },
      },
    ],
    nearMisses: ["Current runner version: '2.320.0'"],
  },
];
