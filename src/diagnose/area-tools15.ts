import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/tools15.ts (the tenth tuning session, area: build tools inside the job).

/** Frontend capabilities whose first releases buildx itself names (commands/build.go, wrapBuildError). */
const FRONTEND_CAPABILITIES: Record<string, { feature: string; dockerfile: string; buildkit: string }> = {
  "moby.buildkit.frontend.contexts": { feature: "named build contexts (--build-context, compose additional_contexts, bake contexts)", dockerfile: "1.4", buildkit: "0.10" },
  "moby.buildkit.frontend.gitquerystring": { feature: "Git URLs with query string components", dockerfile: "1.18", buildkit: "0.24" },
};

/**
 * buildkit-frontend-capability-unsupported. The capability error is the frontend's answer to a client that asked for
 * more than it implements, so the line proves the skew; the capability names the release that brought it. Go source
 * quoting the message (buildx's wrapBuildError, pasted in reviews) is not a build.
 */
const diagnoseFrontendCapability: Diagnoser = (input) => {
  const text = input.finding.text;
  if (/strings\.Contains\(|Sprintf\(|errors\.New\(|\bmsg\s*:?=\s*"/.test(text)) {
    return { verdict: "not-skew", headline: "BuildKit's or buildx's source code quoting the capability error, not a build that hit it.", versions: [] };
  }
  if (/not\s+supported\s+by\s+build\s+server/.test(text)) return diagnoseBuildServerFeature(input);
  const capability = input.capture("capability");
  const known = capability ? FRONTEND_CAPABILITIES[capability] : undefined;
  const dockerfile = input.capture("dockerfile")?.replace(/^v/, "") ?? known?.dockerfile;
  const buildkit = input.capture("buildkit")?.replace(/^v/, "") ?? known?.buildkit;
  const feature = input.capture("feature") ?? known?.feature ?? (capability ? `the ${capability} capability` : "the feature");
  const versions = captureRoles(input);
  const source = "buildx's error for this capability (commands/build.go)";
  if (dockerfile && !input.capture("dockerfile")) versions.push({ name: "dockerfile", version: dockerfile, role: "first Dockerfile frontend release with the feature", source });
  if (buildkit && !input.capture("buildkit")) versions.push({ name: "buildkit", version: buildkit, role: "first BuildKit release with the feature", source });
  const needs = dockerfile ? `Dockerfile frontend ${dockerfile}${buildkit ? ` / BuildKit ${buildkit}` : ""}` : "a newer Dockerfile frontend or BuildKit";
  return {
    verdict: "cause",
    headline: `The build asked for ${feature}, which the Dockerfile frontend that ran it does not implement: it needs ${needs}, and the daemon's bundled BuildKit (or the frontend a # syntax= line pins) is older.`,
    versions,
    fixes: [
      dockerfile
        ? `Add \`# syntax=docker/dockerfile:1\` (or at least docker/dockerfile:${dockerfile}) as the Dockerfile's first line, so the frontend is pulled at that release whatever the daemon bundles.`
        : "Add `# syntax=docker/dockerfile:1` as the Dockerfile's first line, so the frontend is pulled at its current release whatever the daemon bundles.",
      buildkit
        ? `Or upgrade the daemon's BuildKit to ${buildkit}+ (a current Docker Engine / Docker Desktop), or build on a docker-container builder with a current moby/buildkit image.`
        : input.signature.fixes[1]!,
    ],
  };
};

/** Operations of BuildKit's LLB API that frontends ask for, with the releases that brought them (BuildKit's caps table). */
const BUILD_SERVER_FEATURES: Record<string, string> = {
  mergeop: "merge operations (MergeOp, used by bldr, Dagger, envd and other LLB tools; BuildKit 0.10, Docker 22.06/23.0)",
  diffop: "diff operations (DiffOp; BuildKit 0.10)",
  "exec.secretenv": "secrets as environment variables (RUN --mount=type=secret,env=…; BuildKit 0.13, Docker 26)",
  "exec.meta.security": "RUN --security modes (insecure/sandbox)",
  "file.base": "file operations (FileOp; BuildKit 0.5, Docker 19.03)",
};

/**
 * The server side of the skew: a frontend asked the daemon's BuildKit for an operation its release lacks. The
 * feature is the frontend's or the tool's choice; what is too old is the build server (the Docker Engine's embedded
 * BuildKit, most often an engine of a CI image or a cloud builder such as Cloud Build's docker).
 */
const diagnoseBuildServerFeature: Diagnoser = (input) => {
  const feature = input.capture("feature") ?? "the requested feature";
  const what = BUILD_SERVER_FEATURES[feature] ?? feature;
  const docker = input.capture("dockerRelease");
  const buildkit = input.capture("buildkitRelease");
  const added = docker ? `Docker Engine ${docker}` : buildkit ? `BuildKit ${buildkit}` : undefined;
  return {
    verdict: "cause",
    headline: `A frontend or build tool asked the build server for ${what}, which the daemon's BuildKit does not have${added ? ` (added in ${added})` : ""}: the Docker Engine or BuildKit running the build is older than what the Dockerfile frontend or tool expects.`,
    versions: captureRoles(input),
    fixes: [
      `Upgrade the Docker Engine${added ? ` to ${added.replace(/^BuildKit.*/, "one bundling it")} or later` : ""} on the runner, or build on a docker-container builder with a current moby/buildkit image (docker buildx create --use).`,
      "Or pin the frontend to a release the server supports (# syntax=docker/dockerfile:<older>), or drop the Dockerfile option that needs the feature.",
    ],
  };
};

/** Capabilities newer than the runtimes of their day: the kernel release that added each. */
const NEW_CAPABILITIES: Record<string, string> = { CAP_PERFMON: "5.8", CAP_BPF: "5.8", CAP_CHECKPOINT_RESTORE: "5.9" };

/**
 * oci-runtime-capability-unknown. Only the capabilities younger than the runtimes people still run prove the skew; any
 * other name the runtime does not know is a spelling in the pod spec or the engine's configuration.
 */
const diagnoseCapabilityUnknown: Diagnoser = (input) => {
  const capability = input.capture("capability") ?? "";
  const kernel = NEW_CAPABILITIES[capability];
  if (!kernel) {
    return { verdict: "not-skew", headline: `${capability} is not a capability that a runtime release lacks: a misspelt or unknown name in the pod spec, --cap-add or the engine's default capabilities.`, versions: [] };
  }
  const docker = input.capture("engine") !== undefined;
  const versions = [{ name: "kernel", version: kernel, role: `Linux release that added ${capability}`, source: "Linux capabilities(7)" }];
  if (docker) {
    return {
      verdict: "cause",
      headline: `Docker Engine refused --cap-add ${capability}: its capability list predates Linux ${kernel}'s ${capability}. Docker Engine 20.10 does not accept it; 23.0 and later do.`,
      versions,
      fixes: [input.signature.fixes[1]!],
    };
  }
  return {
    verdict: "cause",
    headline: `The OCI runtime (runc or crun) does not know ${capability} (Linux ${kernel}), which the engine asked it to grant: the runtime is older than the Docker Engine, containerd or CRI-O that drives it (runc before 1.0.0-rc93, crun before 0.16).`,
    versions,
  };
};

/** What Docker 20.10 made stable: on 20.10 and later these never meet the experimental gate. */
const STABLE_SINCE_20_10 = { flags: new Set(["--platform"]), commands: /^docker\s+manifest\b/ };

/**
 * docker-feature-needs-experimental-before-20-10. Only the flags and commands that 20.10 made stable date the Docker;
 * the gate on a feature still experimental (--squash, checkpoint) is configuration, whatever the release.
 */
const diagnoseExperimentalGate: Diagnoser = (input) => {
  const flag = input.capture("flag");
  const command = input.capture("command")?.replace(/\s+/g, " ");
  const stable = flag ? STABLE_SINCE_20_10.flags.has(flag) : command !== undefined && STABLE_SINCE_20_10.commands.test(command);
  const what = flag ?? command ?? "the feature";
  if (!stable) return { verdict: "not-skew", headline: `${what} is still an experimental Docker feature: the gate is Docker's configuration, not its release.`, versions: [] };
  const side = flag ? "daemon" : "CLI";
  return {
    verdict: "cause",
    headline: `The Docker ${side} refused ${what} without experimental mode: it is older than Docker 20.10, where ${what} became stable, while the job was written for 20.10 or later.`,
    versions: [{ name: "stableIn", version: "20.10", role: `Docker release where ${what} no longer needs experimental mode`, source: "Docker Engine 20.10 release notes", typed: { raw: "20.10", kind: "component", major: 20, minor: 10, component: "Docker Engine" } }],
  };
};

export const tools15Diagnosers: Record<string, Diagnoser> = {
  "docker-feature-needs-experimental-before-20-10": diagnoseExperimentalGate,
  "oci-runtime-capability-unknown": diagnoseCapabilityUnknown,
  "buildkit-frontend-capability-unsupported": diagnoseFrontendCapability,
};
