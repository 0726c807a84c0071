// Lookup tables for the client-side signatures (kubectl, api, helm): data the messages do not carry.

/**
 * CustomResourceDefinition schema fields by the first Kubernetes minor that accepts them by default
 * (the CRD task page and the KEPs' graduation notes). An API server older than that rejects or drops them.
 */
export const CRD_FIELD_SINCE: Record<string, { since: string; note?: string }> = {
  "x-kubernetes-preserve-unknown-fields": { since: "1.15" },
  "x-kubernetes-int-or-string": { since: "1.15" },
  "x-kubernetes-embedded-resource": { since: "1.15" },
  preserveUnknownFields: { since: "1.15" },
  "x-kubernetes-list-type": { since: "1.16" },
  "x-kubernetes-list-map-keys": { since: "1.16" },
  // KEP-2876: alpha in 1.23 behind CustomResourceValidationExpressions, beta (on by default) in 1.25.
  "x-kubernetes-validations": { since: "1.25", note: "1.23–1.24 only with the CustomResourceValidationExpressions feature gate" },
  messageExpression: { since: "1.26" },
  // KEP-4358: alpha in 1.30 behind CustomResourceFieldSelectors, beta in 1.31.
  selectableFields: { since: "1.31", note: "1.30 only with the CustomResourceFieldSelectors feature gate" },
  // KEP-4008 (CRDValidationRatcheting): alpha 1.28, beta 1.30.
  optionalOldSelf: { since: "1.30" },
};

/** Fields of spec.versions[] whose names are too common to trust without the CRD version type around them. */
export const CRD_VERSION_FIELD_SINCE: Record<string, string> = {
  deprecated: "1.19",
  deprecationWarning: "1.19",
};

/**
 * Group/versions removed before the shared removal table starts (Kubernetes 1.16 stopped serving the workload betas:
 * kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16). extensions/v1beta1 is in that table (its Ingress lasted to 1.22).
 */
export const EARLY_REMOVED_APIS: Record<string, { removedIn: string; replacement: string }> = {
  "apps/v1beta1": { removedIn: "1.16", replacement: "apps/v1" },
  "apps/v1beta2": { removedIn: "1.16", replacement: "apps/v1" },
};

/**
 * kubectl subcommands and flags that a release removed or added (kubernetes CHANGELOG-1.x and the PRs named).
 * cobra's "unknown command" and pflag's "unknown flag" name neither kubectl nor its version: this table is what
 * turns them into a release. `parent` is the command the subcommand hangs off; `command` the one a flag belongs to.
 */
export interface KubectlChange {
  change: "removed" | "added";
  release: string;
  /** The command the flag belongs to, or the parent of the subcommand ("kubectl", "kubectl create"). */
  command: string;
  instead?: string;
  /** A popular kubectl plugin has the same name: the refusal may be that plugin missing, not kubectl's release. */
  pluginNamesake?: string;
  source: string;
}

export const KUBECTL_COMMANDS: Record<string, KubectlChange> = {
  // kubernetes/kubernetes#88057 (hidden and deprecated since 1.11).
  "rolling-update": { change: "removed", release: "1.18", command: "kubectl", instead: "kubectl rollout (Deployments) or kubectl set image", source: "kubernetes/kubernetes#88057" },
  // Deprecated in 1.14, moved out to the kubectl-convert plugin in 1.20 (kubernetes/kubernetes#99076, kubectl#725).
  convert: { change: "removed", release: "1.20", command: "kubectl", instead: "the kubectl-convert plugin", source: "kubernetes/kubernetes#99076" },
  // kubernetes/kubernetes#99557 added `kubectl alpha events` (1.23); #113819 promoted it to `kubectl events` (1.26).
  events: { change: "added", release: "1.26", command: "kubectl", instead: "kubectl get events (or kubectl alpha events on 1.23–1.25)", source: "kubernetes/kubernetes#113819" },
  // The TokenRequest client of KEP-2799 (CHANGELOG-1.24); kubernetes-retired/dashboard#7337, #7362 ran kubectl 1.22.
  token: { change: "added", release: "1.24", command: "kubectl create", instead: "a Secret of type kubernetes.io/service-account-token on older clients", source: "CHANGELOG-1.24 (kubectl create token)" },
  // `kubectl alpha debug` in 1.18–1.19, top-level (beta) from 1.20.
  // aylei/kubectl-debug#123 was that plugin not installed (kubectl 1.17), so the line alone is only a warning.
  debug: { change: "added", release: "1.20", command: "kubectl", instead: "kubectl alpha debug on 1.18–1.19", pluginNamesake: "kubectl-debug (aylei/kubectl-debug)", source: "CHANGELOG-1.20 (kubectl debug to beta)" },
  // KEP-3325: `kubectl alpha auth whoami` in 1.26, `kubectl auth whoami` from 1.27.
  whoami: { change: "added", release: "1.27", command: "kubectl auth", source: "KEP-3325 (CHANGELOG-1.27)" },
};

export const KUBECTL_FLAGS: Record<string, KubectlChange> = {
  // Deprecated by kubernetes/kubernetes#73787 (1.14), removed in 1.18 (CHANGELOG-1.18); kubecf#1538, fubectl#91.
  export: { change: "removed", release: "1.18", command: "kubectl get", instead: "kubectl get -o yaml (and strip status and metadata yourself, or use kubectl-neat)", source: "CHANGELOG-1.18 (deprecated by kubernetes/kubernetes#73787)" },
  // No effect from 1.18 ("has no effect and will be removed"), gone in 1.21 (CHANGELOG-1.21); mohatb/kubectl-exec#4.
  generator: { change: "removed", release: "1.21", command: "kubectl run", instead: "kubectl run for Pods, kubectl create deployment/job/cronjob for the rest", source: "CHANGELOG-1.21 (mohatb/kubectl-exec#4)" },
  // kubernetes/kubernetes#113116 (1.26) renamed it; #120246 removed the old name (1.29).
  "prune-whitelist": { change: "removed", release: "1.29", command: "kubectl apply", instead: "--prune-allowlist", source: "kubernetes/kubernetes#120246" },
  "prune-allowlist": { change: "added", release: "1.26", command: "kubectl apply", instead: "--prune-whitelist on older kubectl", source: "kubernetes/kubernetes#113116" },
};
