import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the core rules of the seventh tuning session (src/signatures/core13.ts, src/diagnose/area-core13.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-13core.jsonl).

describe("kustomize patchesStrategicMerge objects", () => {
  it("an old kustomize reading a patches: list as patchesStrategicMerge is a cause", async () => {
    const v = await verdictOf("Error: json: cannot unmarshal object into Go struct field Kustomization.patchesStrategicMerge of type patch.StrategicMerge");
    expect(v).toMatchObject({ id: "kustomize-field-removed", verdict: "cause", captures: { field: "patchesStrategicMerge", got: "object" } });
    expect((await verdictOf("Error: json: cannot unmarshal object into Go struct field Kustomization.patchesStrategicMerge of type types.PatchStrategicMerge")).verdict).toBe("cause");
  });

  it("behind the newer 'invalid Kustomization:' wrapper it is the file's mistake, not a skew", async () => {
    expect((await verdictOf("Error: invalid Kustomization: json: cannot unmarshal object into Go struct field Kustomization.patchesStrategicMerge of type types.PatchStrategicMerge")).verdict).toBe("none");
  });
});
