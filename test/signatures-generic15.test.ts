import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the generic layer's versionless refusals (src/signatures/generic15.ts, src/diagnose/area-generic15.ts).
// Real lines: test/fixtures/real-world/lines-15generic.jsonl and the threads named beside each case.

describe("a version refused without naming it", () => {
  it.each([
    // kubesphere/ks-installer#526: an Ansible fail's msg, alone on its line
    ['    "msg": "The current k8s version is not supported"', "warning", { subject: "k8s", relation: "not supported" }],
    // aws-samples/unified-log-aggregation-and-analytics#8: the Lambda's JSON error record
    ['    "errorMessage": "unsupported Kubernetes version",', "warning", { subject: "Kubernetes", relation: "unsupported" }],
    // an error word on the line, the version left out
    ["Error: downgrading cluster version is not supported", "warning", { subject: "cluster" }],
    // jinugasachio/Restroomers.com#129: Azure Advisor's recommendation, not a failure
    ["Unsupported Kubernetes version is detected - tis-quorum-dev-cluster", "none", {}],
    // MicrosoftDocs/azure-docs#83245: the sample left --kubernetes-version out, so the message's version is empty
    ["(BadRequest) Unsupported kubernetes version  was used. Must use 1.18.0 or higher for Cloud Controller Manager.", "none", {}],
    // the message in source code, in a condition, on a warning line, in prose
    ['\t\treturn fmt.Errorf("k8s version is not supported, supported versions are: %v", allVersions)', "none", {}],
    ["Error: the chart fails if the Kubernetes version is not supported by the operator", "none", {}],
    ["W0101 10:00:00.000000       1 checks.go:12] kubelet version is too old", "none", {}],
    ["Existing clusters will continue to run and can continue to be upgraded even though their Kubernetes version is not supported for new clusters anymore.", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("generic-version-refused-unnamed");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("leaves a refusal that names its versions to the generic layer's own rule", async () => {
    const got = await verdictOf("Error: kubernetes version 1.22.3 is not supported, the minimum is 1.24");
    expect(got.id).toBe("generic-version-skew");
  });

  it("fills the versions table from the versions the job printed elsewhere", async () => {
    const log = ["Server Version: v1.33.1", "ERROR: the cluster version is no longer supported"].join("\n");
    const report = await analyze([textSource("job.log", `${log}\n`)]);
    const [warning] = report.warnings;
    expect(warning?.signature.id).toBe("generic-version-refused-unnamed");
    expect(warning?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["cluster", "v1.33.1"]]);
    expect(warning?.diagnosis.headline).toContain("cluster v1.33.1");
  });
});
