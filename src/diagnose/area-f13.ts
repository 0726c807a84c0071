import type { Diagnoser } from "./context.js";
import { captureRoles } from "./context.js";

// Diagnosers for src/signatures/f13.ts.

export const f13Diagnosers: Record<string, Diagnoser> = {
  "ansible-kube-version-assert-failed": (input) => {
    const variable = input.capture("variable") ?? "the Kubernetes version";
    const bound = input.capture("bound") ?? input.capture("boundVar");
    const op = input.capture("op") ?? "";
    // The assertion states what must hold; it failed, so the version lies on the other side of the bound.
    const below = op.startsWith(">");
    const above = op.startsWith("<");
    return {
      headline: below
        ? `The installer's playbook refused ${variable}: it must be ${op} ${bound}, so the Kubernetes version is below the minimum this installer release supports.`
        : above
          ? `The installer's playbook refused ${variable}: it must be ${op} ${bound}, so the cluster is newer than this installer release supports (the installer is too old for it).`
          : `The installer's playbook refused ${variable} against ${bound}: the Kubernetes version lies outside the range this installer release supports.`,
      versions: captureRoles(input),
    };
  },
  "fabric8-versioninfo-unknown-field": (input) => {
    const field = input.capture("field");
    if (!field) {
      // Strimzi's own line names no cause: an unreachable or forbidden API server reads the same.
      return {
        verdict: "warning",
        headline: "Strimzi could not read the cluster's Kubernetes version: most often its fabric8 client is older than the API server (Kubernetes 1.33's new /version fields), but an unreachable or forbidden /version reads the same.",
      };
    }
    return {
      headline: /^(?:emulation|minCompatibility)(?:Major|Minor)$/.test(field)
        ? `The fabric8 client cannot deserialise the API server's /version: "${field}" was added in Kubernetes 1.33, so the client library is older than the cluster.`
        : `The fabric8 client cannot deserialise the API server's /version (unknown field "${field}"): the client library is older than the cluster.`,
      versions: captureRoles(input),
    };
  },
  "jupyterhub-singleuser-version-mismatch": (input) => {
    const singleuser = input.capture("singleuser");
    const hub = input.capture("hub");
    if (singleuser && hub && singleuser === hub) {
      return { verdict: "not-skew", headline: "The Hub and the single-user server report the same jupyterhub version: the redirect loop has another cause." };
    }
    return {
      headline: `The single-user image has jupyterhub ${singleuser ?? "of another release"} while the Hub runs ${hub ?? "another"}: the notebook image and the deployed Hub (chart) are out of step.`,
      versions: captureRoles(input),
    };
  },
};
