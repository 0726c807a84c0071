import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the add-on rules of the eleventh tuning session (src/signatures/addons16.ts, src/diagnose/area-addons16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16addons.jsonl) unless marked as built from a format.

describe("tkn and the cluster's Tekton Pipelines of different releases", () => {
  it.each([
    // tektoncd/cli#1837, openshift/pipelines-tutorial#166, tektoncd/pipeline#5932, tektoncd/operator#1546
    ["Error: the API version in the data (tekton.dev/v1beta1) does not match the expected API version (tekton.dev/v1)", "cause", { dataVersion: "tekton.dev/v1beta1", expectedVersion: "tekton.dev/v1" }],
    // tkn hub's format (tektoncd/cli pkg/cmd/hub) with tektoncd/hub#200's versions, and the upgrade wording of its tests
    ["Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found v0.16.3", "cause", { resource: "buildah", minPipelines: "v0.17.0", pipelines: "v0.16.3" }],
    ["cannot upgrade Task foo(0.3) as it requires Tekton Pipelines min version v0.12 but found v0.11.0", "cause", { action: "upgrade", minPipelines: "v0.12", pipelines: "v0.11.0" }],
    // tektoncd/hub#312: a Pipelines built from source reports "devel"
    ["Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found devel", "none", {}],
    // a comparison that should have passed
    ["Error: Task git-clone(0.7) requires Tekton Pipelines min version v0.29.0 but found v0.30.0", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("tekton-cli-pipelines-version-mismatch");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side is older when tkn expects the older API version", async () => {
    const report = await analyze([textSource("job.log", "Error: the API version in the data (tekton.dev/v1) does not match the expected API version (tekton.dev/v1beta1)\n")]);
    expect(report.causes[0]?.diagnosis.headline).toContain("this tkn release is older than the cluster's Tekton Pipelines");
    expect(report.causes[0]?.diagnosis.fixes[0]).toContain("Upgrade tkn");
  });

  it("types the catalog's minimum and the cluster's release as Tekton Pipelines releases", async () => {
    const report = await analyze([textSource("job.log", "Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found v0.16.3\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("needs Tekton Pipelines v0.17.0 or later, and the cluster runs v0.16.3");
    expect(cause?.diagnosis.versions.find((v) => v.name === "pipelines")?.typed).toMatchObject({ kind: "component", major: 0, minor: 16 });
    expect(cause?.diagnosis.fixes[0]).toContain("tkn hub install task buildah --version");
  });
});
