import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the build-tool rules of the tenth tuning session (src/signatures/tools15.ts, src/diagnose/area-tools15.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-15tools.jsonl).

describe("BuildKit or its Dockerfile frontend older than the build feature asked for", () => {
  it.each([
    // moby/buildkit#3807, docker/buildx#1124: named contexts on a daemon whose bundled frontend predates them
    ["ERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.contexts", "cause", { capability: "moby.buildkit.frontend.contexts" }],
    ["failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.contexts", "cause", { capability: "moby.buildkit.frontend.contexts" }],
    // moby/buildkit#3633: buildx's rewrite, naming the Dockerfile release
    ["ERROR: failed to build: current frontend does not support --build-context. Named contexts are supported since Dockerfile v1.4. Use #syntax directive in Dockerfile or update to latest BuildKit.", "cause", { feature: "--build-context", dockerfile: "v1.4" }],
    // moby/buildkit#967, shiguredo/momo#71: the frontend asked Docker 18.09's BuildKit for an operation it lacks
    ["rpc error: code = Unknown desc = requested experimental feature exec.meta.security  is not supported by build server, please update", "cause", { stage: "experimental", feature: "exec.meta.security" }],
    // tensorchord/envd#1547: disabled by the engine's configuration (image store), not older
    ["error: failed to solve: requested experimental feature mergeop  has been disabled on the build server: only enabled with containerd image store backend", "none", {}],
    // docker/compose#11351, docker/buildx#3077: other build failures
    ["failed to solve: my-build-context: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed", "none", {}],
    ["ERROR: failed to solve: invalid frontend: dockerfile.v0", "none", {}],
    // docker/buildx#3400: buildx's source quoted in a review
    ['\t\tif st.Code() == codes.Unimplemented && strings.Contains(st.Message(), "unsupported frontend capability moby.buildkit.frontend.contexts") {', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("buildkit-frontend-capability-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the Dockerfile and BuildKit releases that brought a capability the line names only by id", async () => {
    const report = await analyze([textSource("job.log", "failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.contexts\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("Dockerfile frontend 1.4 / BuildKit 0.10");
    const versions = cause?.diagnosis.versions.map((v) => [v.name, v.version, v.typed?.kind]);
    expect(versions).toEqual(expect.arrayContaining([["dockerfile", "1.4", "component"], ["buildkit", "0.10", "component"]]));
    expect(cause?.diagnosis.fixes[0]).toContain("docker/dockerfile:1.4");
  });

  it("reads the release that added a build-server feature when BuildKit names it", async () => {
    const line = "ERROR: failed to solve: requested prerelease feature file.base  is not supported by build server (added in Docker v19.03), please update docker";
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    const [cause] = report.causes;
    expect(cause?.finding.captures).toMatchObject({ stage: "prerelease", feature: "file.base", dockerRelease: "v19.03" });
    expect(cause?.diagnosis.headline).toContain("added in Docker Engine v19.03");
    expect(cause?.diagnosis.versions.find((v) => v.name === "dockerRelease")?.typed).toMatchObject({ kind: "component", major: 19, minor: 3 });
  });
});

describe("OCI runtime or Docker Engine older than the capabilities it was asked to grant", () => {
  it.each([
    // moby/moby#41562, cri-o/cri-o#4658: runc 1.0.0-rc92 under a newer engine or CRI-O
    [String.raw`docker: Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: unknown capability "CAP_PERFMON": unknown.`, "cause", { capability: "CAP_PERFMON" }],
    [String.raw`  Warning  Failed     14s (x2 over 14s)  kubelet            Error: container create failed: time="2021-03-15T07:39:31+01:00" level=error msg="container_linux.go:370: starting container process caused: unknown capability \"CAP_PERFMON\""`, "cause", { capability: "CAP_PERFMON" }],
    // podman-container-tools/podman#11155: crun's wording
    ["Error: OCI runtime error: unknown cap: `CAP_BPF`", "cause", { capability: "CAP_BPF" }],
    // moby/moby#42601: Docker Engine 20.10's own refusal
    [String.raw`docker: Error response from daemon: invalid CapAdd: unknown capability: "CAP_PERFMON".`, "cause", { capability: "CAP_PERFMON" }],
    // a misspelt capability, a missing CAP_ prefix (cri-o/cri-o#491), caps that cannot be applied (stargz-snapshotter#622)
    [String.raw`docker: Error response from daemon: invalid CapAdd: unknown capability: "CAP_NET_ADMINS".`, "none", {}],
    ["Failed to create container with error: rpc error: code = 2 desc = capability KILL must start with CAP_", "none", {}],
    [String.raw`time="2022-02-03T11:18:54Z" level=error msg="runc create failed: unable to start container process: unable to apply caps: operation not permitted"`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("oci-runtime-capability-unknown");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("tells the runtime's refusal from Docker Engine's, and names the kernel release of the capability", async () => {
    const runtime = await analyze([textSource("job.log", "Error: OCI runtime error: unknown cap: `CAP_BPF`\n")]);
    expect(runtime.causes[0]?.diagnosis.headline).toContain("runc before 1.0.0-rc93");
    expect(runtime.causes[0]?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["kernel", "5.8"]]);
    const engine = await analyze([textSource("job.log", 'docker: Error response from daemon: invalid CapAdd: unknown capability: "CAP_CHECKPOINT_RESTORE".\n')]);
    expect(engine.causes[0]?.diagnosis.headline).toContain("Docker Engine 20.10 does not accept it");
    expect(engine.causes[0]?.diagnosis.fixes[0]).toContain("23.0");
  });
});

describe("Docker older than 20.10 gating --platform and docker manifest behind experimental mode", () => {
  it.each([
    // actions/runner-images#1368, buildkite/elastic-ci-stack-for-aws#798, docker/cli#947 (the older CLI wording)
    [String.raw`"--platform" is only supported on a Docker daemon with experimental features enabled`, "cause", { flag: "--platform" }],
    ["[2021-02-11T16:49:23Z] docker manifest create is only supported on a Docker cli with experimental cli features enabled", "cause", { command: "docker manifest create" }],
    ["docker manifest is only supported when experimental cli features are enabled", "cause", { command: "docker manifest" }],
    // CircleCI-Public/docker-orb#61: still experimental in every release
    [String.raw`"--squash" is only supported on a Docker daemon with experimental features enabled`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("docker-feature-needs-experimental-before-20-10");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("dates the Docker by the release that made the feature stable", async () => {
    const report = await analyze([textSource("job.log", '"--platform" is only supported on a Docker daemon with experimental features enabled\n')]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("older than Docker 20.10");
    expect(cause?.diagnosis.versions.find((v) => v.name === "stableIn")?.typed).toMatchObject({ kind: "component", major: 20, minor: 10 });
  });
});

describe("a self-hosted GitHub Actions runner older than GitHub accepts", () => {
  it.each([
    // actions/runner#1991, #3651, #4305 (the _diag form), #3486 (with "Error: Forbidden")
    ["An error occurred: Runner version v2.291.1 is deprecated and cannot receive messages.", "cause", { runner: "v2.291.1" }],
    ["[RUNNER 2026-03-17 12:20:29Z ERR  Listener] GitHub.DistributedTask.WebApi.AccessDeniedException: Runner version v2.330.0 is deprecated and cannot receive messages.", "cause", { runner: "v2.330.0" }],
    ["An error occured: Error: Forbidden Runner version v2.320.0 is deprecated and cannot receive messages.", "cause", { runner: "v2.320.0" }],
    // the runner's banner
    ["Current runner version: '2.320.0'", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("actions-runner-version-deprecated");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("types the runner's release as the runner's own version", async () => {
    const report = await analyze([textSource("job.log", "An error occured: Runner version v2.320.0 is deprecated and cannot receive messages.\n")]);
    expect(report.causes[0]?.diagnosis.versions.find((v) => v.name === "runner")?.typed).toMatchObject({ kind: "component", major: 2, minor: 320 });
  });
});
