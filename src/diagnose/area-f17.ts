import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/f17.ts (rules from the fresh-17 tuning set).

/** plugin.yaml fields of later Helm releases, with the release that reads them. */
const HELM_PLUGIN_FIELDS: Record<string, { helm: string; what: string }> = {
  platformHooks: { helm: "3.18.0", what: "per-platform install/update hooks (platformHooks)" },
  args: { helm: "3.18.0", what: "argument lists of platformCommand/platformHooks (args)" },
  apiVersion: { helm: "4.0.0", what: "Helm 4's plugin format (apiVersion)" },
  runtime: { helm: "4.0.0", what: "Helm 4's plugin format (runtime)" },
  runtimeConfig: { helm: "4.0.0", what: "Helm 4's plugin format (runtimeConfig)" },
  type: { helm: "4.0.0", what: "Helm 4's plugin format (type)" },
};

/**
 * helm-plugin-manifest-field-unknown. The fields later Helm releases added to plugin.yaml date the Helm binary below
 * the plugin's; any other field Helm does not know is as likely the plugin author's mistake, so it only warns.
 */
const diagnoseHelmPluginField: Diagnoser = (input) => {
  const field = input.capture("field") ?? "";
  const plugin = input.capture("plugin");
  const which = plugin ? `the ${plugin} plugin` : "an installed plugin";
  const known = HELM_PLUGIN_FIELDS[field];
  if (!known) {
    return {
      verdict: "warning",
      headline: `Helm could not load ${which}: its plugin.yaml has a field "${field}" this Helm does not know, from a newer plugin.yaml format or a mistake in the plugin's manifest.`,
      versions: [],
      fixes: ["Compare the plugin's plugin.yaml with the Helm release's plugin documentation; pin the plugin to a release written for this Helm, or upgrade Helm."],
    };
  }
  const [major, minor, patch] = known.helm.split(".").map(Number);
  const helm4 = known.helm.startsWith("4");
  return {
    verdict: "cause",
    headline: `Helm could not load ${which}: its plugin.yaml uses ${known.what}, which Helm reads only from ${known.helm} on, so the job's Helm is older than the plugin release that was installed${helm4 ? "" : " (plugins install unpinned at their latest release)"}.${field === "args" ? " If this Helm is 3.18 or newer, the plugin release was written for Helm 4's plugin format instead." : ""}`,
    versions: [{ name: "helmNeeded", version: known.helm, role: `first Helm release that reads the plugin.yaml field ${field}`, source: helm4 ? "Helm 4 plugin format (HIP-0026)" : "helm/helm#12962 (Helm 3.18.0)", typed: { raw: known.helm, kind: "component", major: major!, minor: minor!, patch: patch!, component: "Helm" } }],
    fixes: [
      `Upgrade Helm to ${helm4 ? "4" : "3.18"} or later on the runner (azure/setup-helm version:, the CI image).`,
      helm4
        ? `Or pin ${which} to its last release in the Helm 3 plugin format (helm plugin install <url> --version <tag>).`
        : plugin === "helm-diff"
          ? "Or pin helm-diff to v3.12.5, its last release without platformHooks: helm plugin install https://github.com/databus23/helm-diff --version v3.12.5."
          : `Or pin ${which} to a release from before it adopted ${field} (helm plugin install <url> --version <tag>).`,
    ],
  };
};

export const f17Diagnosers: Record<string, Diagnoser> = {
  "helm-plugin-manifest-field-unknown": diagnoseHelmPluginField,
};
