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
