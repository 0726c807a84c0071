import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/core13.ts, and refinements of older core/client rules whose near-misses the seventh
// tuning set showed (no other module has a diagnoser for these ids).

/**
 * kustomize-field-removed (src/signatures/kubectl.ts). The "invalid Kustomization: " wrapper comes from
 * api/types Kustomization.Unmarshal, which only kustomize releases with `patches:` as its own field (a list of
 * {path, patch, target}) print. The older kustomize that maps a `patches:` list onto patchesStrategicMerge (2.x and
 * 3.0, kubernetes-sigs/kustomize#2390 with kubectl 1.18, #3208 with 3.0.2) prints the bare "json: cannot unmarshal"
 * instead. So with the wrapper, objects under patchesStrategicMerge were written there, and no kustomize ever read
 * objects in that field: the file's mistake (mercari/tortoise#435: `- path:` entries under patchesStrategicMerge,
 * kustomize 5.4.3), not an older or newer kustomize.
 */
const diagnoseKustomizeField: Diagnoser = (input) => {
  const text = input.finding.text;
  if (/invalid\s+Kustomization\s*:/.test(text) && input.capture("field") === "patchesStrategicMerge" && input.capture("got") === "object") {
    return {
      verdict: "not-skew",
      headline:
        "Not a version skew: this kustomize reads `patches:` as its own field, so the objects were written under patchesStrategicMerge, which in every kustomize release holds file paths or inline patch strings.",
      versions: captureRoles(input),
      fixes: ["Move `- path: …` entries to `patches:`, or list plain file names under patchesStrategicMerge (kustomize edit fix migrates the field)."],
    };
  }
  return { headline: `${input.signature.title}: ${input.signature.meaning}` };
};

export const core13Diagnosers: Record<string, Diagnoser> = {
  "kustomize-field-removed": diagnoseKustomizeField,
};
