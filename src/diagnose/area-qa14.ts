import type { Diagnoser } from "./context.js";

// Diagnosers for rules tightened on the tuning sets' near-misses (session 24, qa14).

/**
 * gke-auth-plugin-missing. The signature's reading (kubectl past 1.25 with a kubeconfig from a current gcloud and no
 * plugin installed) is kubectl's: its "Unable to connect to the server:" prefix, or gcloud's own ACTION REQUIRED line.
 * The same client-go error from another program (kubent, octant, kubenav, flux's bootstrap) says that program's container
 * or PATH lacks the binary the host's kubeconfig names, whatever the program's version: a warning, not a cause.
 */
const diagnoseGkeAuthPluginMissing: Diagnoser = (input) => {
  const around = [...input.finding.context.before.slice(-3).map((l) => l.text), input.finding.text].join("\n");
  const kubectl = /Unable\s+to\s+connect\s+to\s+the\s+server|couldn't\s+get\s+current\s+server\s+API\s+group\s+list|\bmemcache\.go:|\bkubectl\b|needed\s+for\s+continued\s+use\s+of\s+kubectl/.test(around);
  if (kubectl) return { headline: `${input.signature.title}: ${input.signature.meaning}` };
  return {
    verdict: "warning",
    headline:
      "A program other than kubectl could not run gke-gcloud-auth-plugin, which its kubeconfig names: the program's container or PATH lacks the plugin. The plugin is needed since client-go 1.26 dropped the GCP auth provider, but the failure is the environment's, not the program's version.",
    causes: [
      "The tool runs in a container or app whose PATH does not hold gke-gcloud-auth-plugin, with a kubeconfig written by gcloud on the host (it execs the plugin by bare name).",
    ],
    fixes: [
      "Install gke-gcloud-auth-plugin where the tool runs (its image, or the job), or give the kubeconfig's exec command the plugin's full path, or mount a kubeconfig with a token instead.",
    ],
  };
};

export const qa14Diagnosers: Record<string, Diagnoser> = {
  "gke-auth-plugin-missing": diagnoseGkeAuthPluginMissing,
};
