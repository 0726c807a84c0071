import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/tools16.ts (the eleventh tuning session, area: tools).

type Triple = [number, number, number];

function triple(raw: string): Triple | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(raw.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Which side of a HashiCorp-style constraint ("~> 1.3.0", ">= 1.2, < 2.0", "= 0.13.3") a version falls: "older" when a
 * lower bound fails, "newer" when an upper bound fails, undefined when the constraint cannot be read or is met.
 */
export function constraintSide(version: string, constraint: string): "older" | "newer" | undefined {
  const v = triple(version);
  if (!v) return undefined;
  let side: "older" | "newer" | undefined;
  for (const part of constraint.split(",")) {
    const m = /^\s*(~>|>=|<=|!=|>|<|=)?\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(part);
    if (!m) return undefined;
    const op = m[1] ?? "=";
    const bound = triple(m[2]!)!;
    const c = compare(v, bound);
    const parts = m[2]!.split(".").length;
    if (op === ">=" && c < 0) side ??= "older";
    else if (op === ">" && c <= 0) side ??= "older";
    else if (op === "<" && c >= 0) side ??= "newer";
    else if (op === "<=" && c > 0) side ??= "newer";
    else if (op === "=" && c !== 0) side ??= c < 0 ? "older" : "newer";
    else if (op === "~>") {
      if (c < 0) side ??= "older";
      else {
        // "~> 1.3.0" allows 1.3.x; "~> 1.3" allows 1.x (x >= 3).
        const upper: Triple = parts >= 3 ? [bound[0], bound[1] + 1, 0] : [bound[0] + 1, 0, 0];
        if (compare(v, upper) >= 0) side ??= "newer";
      }
    }
  }
  return side;
}

/**
 * terraform-core-version-constraint-unmet. The refusal proves the binary and a required_version disagree; the line
 * names the binary's release, and Terragrunt's also the constraint, from which the direction follows. Terraform's
 * source quoting the format string is not a run.
 */
const diagnoseTerraformCoreVersion: Diagnoser = (input) => {
  const text = input.finding.text;
  if (/%s|Sprintf\(|tfdiags\.|Detail:\s/.test(text)) {
    return { verdict: "not-skew", headline: "Terraform's source code quoting its version-constraint error, not a run that hit it.", versions: [] };
  }
  const tool = input.capture("tool") === "terraform" ? "Terraform" : (input.capture("tool") ?? "Terraform");
  const version = input.capture("terragrunt") ?? input.capture("terraform");
  const constraint = input.capture("constraint")?.trim();
  const side = version && constraint ? constraintSide(version, constraint) : undefined;
  const versions = captureRoles(input).filter((v) => v.name !== "tool");
  const binary = version ? `${tool} ${version.replace(/^v/, "")}` : `The ${tool} binary the job ran`;
  const whose = tool === "Terragrunt" ? "the terragrunt_version_constraint" : constraint ? "Terragrunt's terraform_version_constraint" : "the required_version of the configuration or of a module it uses";
  const where = `${whose}${constraint ? ` (${constraint})` : ""}`;
  const direction =
    side === "older"
      ? `it is older than the constraint's floor: install a ${tool} release that satisfies ${constraint}.`
      : side === "newer"
        ? `it is newer than the constraint allows (a pin to one release or minor): use a ${tool} release inside ${constraint}, or widen the constraint.`
        : `either the binary is older than a module (often one that just released) requires, or newer than a constraint pinned to one minor allows; the required_version line printed above the error names the constraint.`;
  const tofu =
    tool === "OpenTofu"
      ? [`OpenTofu reads the same required_version as Terraform but numbers its releases separately: a module that asks for a Terraform release OpenTofu has not reached (">= 1.11" while OpenTofu is at 1.10) cannot be met by any OpenTofu; pin the module to its previous release or override its versions.tf.`]
      : [];
  return {
    verdict: "cause",
    headline: `${binary} does not satisfy ${where}: ${direction}`,
    versions,
    ...(tofu.length ? { reasoning: tofu } : {}),
  };
};

/**
 * helm-oci-support-experimental-before-3-8. Only Helm 3.0-3.7 print the gate (3.8 removed it), so the line dates the
 * Helm; quoting the gate's source (pkg/gates, a docs page's code block of the Go error) is not a run.
 */
const diagnoseHelmOciExperimental: Diagnoser = (input) => {
  if (/\bgates\.Gate\(|errors\.New\(|\bfunc\s/.test(input.finding.text)) {
    return { verdict: "not-skew", headline: "Helm's source code quoting its experimental-OCI gate, not a run that hit it.", versions: [] };
  }
  const repository = input.capture("repository");
  return {
    verdict: "cause",
    headline: `Helm refused ${repository ? `the OCI repository ${repository}` : "an OCI registry command"} behind its HELM_EXPERIMENTAL_OCI gate: only Helm 3.0-3.7 have the gate, so the job's Helm is older than 3.8.0, where OCI support became generally available.`,
    versions: [
      ...captureRoles(input).filter((v) => v.name === "repository"),
      { name: "generallyAvailableIn", version: "3.8.0", role: "first Helm release with OCI support on by default", source: "Helm 3.8.0 release notes", typed: { raw: "3.8.0", kind: "component", major: 3, minor: 8, patch: 0, component: "Helm" } },
    ],
  };
};

/**
 * actions-node-runtime-glibc-too-old. The path of the node binary says it is the runner's own (externals, mounted at /__e
 * in a container job), so the system below it, not the workflow's Node setup, is what is too old.
 */
const diagnoseActionsNodeGlibc: Diagnoser = (input) => {
  const runtime = input.capture("runtime") ?? "node20";
  const symbol = input.capture("symbol") ?? "a newer glibc";
  const container = input.capture("where") === "/__e";
  const major = Number(/\d+/.exec(runtime)?.[0] ?? 20);
  const floor = major >= 18 ? "glibc 2.28 and GCC 8's libstdc++ (Ubuntu 20.04, Debian 10, RHEL 8 or newer)" : "a newer glibc";
  const system = container ? "the job's container image (the runner mounts its Node.js into it at /__e)" : "the self-hosted runner's host";
  return {
    verdict: "cause",
    headline: `The Actions runner's bundled Node.js (${runtime}), which runs the workflow's JavaScript actions, needs ${symbol} and ${system} does not have it: ${runtime} needs ${floor}, and ${container ? "the image" : "the host"} is older (CentOS 7, Amazon Linux 2, Ubuntu 16.04/18.04 and the like).`,
    versions: captureRoles(input).filter((v) => v.name === "needed" || v.name === "runtime" || v.name === "symbol"),
    fixes: container ? [input.signature.fixes[0]!, input.signature.fixes[1]!, input.signature.fixes[2]!] : [input.signature.fixes[0]!, input.signature.fixes[2]!],
  };
};

/** Node.js runtimes the Actions runner has shipped, with the release that brought each. */
const RUNNER_NODE_RUNTIMES: Record<string, string> = { node12: "the first releases", node16: "2.285.0 (2021)", node20: "2.308.0 (2023)", node24: "a 2025 release" };

/**
 * actions-runner-node-runtime-unsupported. Only a runtime some runner release has proves the runner is behind; a runtime
 * no runner ever shipped (node18, node19, node22) is a mistake in the action's action.yml.
 */
const diagnoseRunnerNodeRuntime: Diagnoser = (input) => {
  const runtime = input.capture("runtime") ?? "";
  const since = RUNNER_NODE_RUNTIMES[runtime];
  const supported = input.capture("supported")?.replace(/'/g, "") ?? "";
  if (!since) {
    return { verdict: "not-skew", headline: `No Actions runner release runs actions on ${runtime}: the action's action.yml names a runtime the runner never shipped (a mistake in the action; its fixed release uses ${supported.split(/,?\s+(?:or\s+)?/).pop() || "a supported runtime"}).`, versions: [] };
  }
  return {
    verdict: "cause",
    headline: `The runner that loaded the action has only ${supported}, but the action's action.yml asks for ${runtime}, which runners have from ${since}: the runner (a self-hosted one kept on an old release, or GitHub Enterprise Server's) is older than the action's release.`,
    versions: captureRoles(input).filter((v) => v.name === "runtime"),
  };
};

/**
 * kube-bench-benchmark-unknown-to-release. Both refusals come from what the release ships; kube-bench's own test table
 * or source quoting the message is not a run.
 */
const diagnoseKubeBench: Diagnoser = (input) => {
  if (/expErr|Errorf\(|%s/.test(input.finding.text)) {
    return { verdict: "not-skew", headline: "kube-bench's source or tests quoting its error, not a run that hit it.", versions: [] };
  }
  const benchmark = input.capture("benchmark");
  const kubernetes = input.capture("kubernetes");
  if (benchmark) {
    return {
      verdict: "cause",
      headline: `This kube-bench release ships no checks for the benchmark ${benchmark}: the image is older than the release that added it (or the benchmark was renamed since; eks-1.0 became eks-1.0.1), so the job's command line or manifest was written for another kube-bench release.`,
      versions: captureRoles(input),
    };
  }
  return {
    verdict: "cause",
    headline: `kube-bench's version_mapping has no CIS benchmark for Kubernetes ${kubernetes ?? "of this cluster"}: the kube-bench release (or the cfg/config.yaml it reads) is older than the cluster's minor.`,
    versions: captureRoles(input),
  };
};

export const tools16Diagnosers: Record<string, Diagnoser> = {
  "terraform-core-version-constraint-unmet": diagnoseTerraformCoreVersion,
  "helm-oci-support-experimental-before-3-8": diagnoseHelmOciExperimental,
  "actions-node-runtime-glibc-too-old": diagnoseActionsNodeGlibc,
  "actions-runner-node-runtime-unsupported": diagnoseRunnerNodeRuntime,
  "kube-bench-benchmark-unknown-to-release": diagnoseKubeBench,
};
