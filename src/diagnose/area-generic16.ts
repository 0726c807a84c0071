import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/generic16.ts (the eleventh tuning session, area: generic).

// Source code, tests and notes that hold the runtime's message rather than a container start that hit it: crun's C
// (crun_make_error), youki's Rust (tracing::error!, format!), Go's fmt.Errorf, a comment, a list item or a condition. A
// bats test's "# " prefix is a run's output (containers/container-selinux#299), not a comment.
const CODE_OR_NOTE = /\b(?:crun_make_error|ERROR|tracing::\w+!|format!|bail!|fmt\.\w+|errors\.New|Errorf)\s*\(|\bstrstr\s*\(|%[sqv]|\{\d?\}|^\s*(?:\/\/|\/\*|<!--|[-*+>]\s)|\b(?:if|when|whether)\s+(?:the\s+)?(?:runtime|crun|spec|version)\b/;

/** The release of crun that accepts every 1.x ociVersion (containers/podman#27272; the check itself went in crun 1.16). */
const CRUN_FIXED = "1.14.3";

/**
 * oci-runtime-spec-version-unsupported. Each wording is a runtime's own check of the config.json's ociVersion, so a run
 * that prints it has an engine newer than its runtime: a cause. The message quoted in source code or a note is not a run.
 */
const diagnoseOciSpecVersion: Diagnoser = (input) => {
  const text = input.finding.text;
  if (CODE_OR_NOTE.test(text)) {
    return { verdict: "not-skew", headline: "An OCI runtime's spec-version check quoted in source code, a test or a note, not a container start that hit it.", versions: [] };
  }
  const spec = input.capture("spec");
  const supported = input.capture("supported");
  const runtime = input.capture("runtime");
  const versions = captureRoles(input);
  if (spec === undefined) {
    // crun's versionless refusal: the engine's ociVersion is not on the line, the fixed crun release is known.
    if (runtime === undefined || runtime === "crun") {
      versions.push({ name: "crunFixed", version: CRUN_FIXED, role: "first crun release that accepts runtime-spec 1.1 and 1.2", source: "containers/podman#27272" });
    }
    const who = runtime ?? "The OCI runtime (crun, by this wording)";
    return {
      verdict: "cause",
      headline: `${who} refused the container's config.json: its ociVersion (1.1 or 1.2, as Podman 5, CRI-O and containerd 1.7+ write) is newer than this runtime accepts. crun before ${CRUN_FIXED} only accepts 1.0.x: the runtime is older than the engine.`,
      versions,
      fixes: [
        `Upgrade crun to ${CRUN_FIXED} or later (or the runtime the engine ships with), and check which binary the engine runs: podman info --format '{{.Host.OCIRuntime.Path}}', the runtimes of daemon.json, or crio.conf's runtime_path. A runner image may keep an old /usr/bin/crun beside a newer one on PATH (actions/runner-images#14473).`,
        "Or pin the engine (Podman, CRI-O, containerd) back to a release whose runtime-spec the installed runtime accepts.",
      ],
    };
  }
  const accepts = supported ? `only accepts runtime-spec ${supported}` : "does not know that runtime-spec version";
  return {
    verdict: "cause",
    headline: `The OCI runtime ${accepts}, and the engine wrote the container's config.json at ociVersion ${spec}: the runtime is older than the engine that drives it.`,
    versions,
    fixes: [
      `Upgrade the runtime to a release that implements runtime-spec ${spec} (a current crun, runc, youki, runq or procd/ujail), or point the engine at the runtime it ships with.`,
      `Or pin the engine back to a release that writes ${supported ?? "a spec version the runtime knows"}.`,
    ],
  };
};

export const generic16Diagnosers: Record<string, Diagnoser> = {
  "oci-runtime-spec-version-unsupported": diagnoseOciSpecVersion,
};
