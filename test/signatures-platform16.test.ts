import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the platform rules of the eleventh tuning session (src/signatures/platform16.ts, src/diagnose/area-platform16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16platform.jsonl).

describe("AKS not offering a version in the region is a warning, not a skew cause", () => {
  it.each([
    // Azure/application-gateway-kubernetes-ingress#696, microsoft/bedrock#687 (retired pins), microsoft/bedrock#737 (stale .terraform)
    [String.raw`  "message": "Version 1.12.7 is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list"`, "warning", { requested: "1.12.7" }],
    ["        Error Code: AgentPoolK8sVersionNotSupported", "warning", {}],
    // Azure/terraform-azurerm-aks#33: the API's "inthis region"
    [String.raw`Error: Error creating Managed Kubernetes Cluster "yes-aks" (Resource Group "yes-resources"): containerservice.ManagedClustersClient#CreateOrUpdate: Failure sending request: StatusCode=400 -- Original Error: Code="AgentPoolK8sVersionNotSupported" Message="Version 1.14.5 is not supported inthis region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list"`, "warning", { requested: "1.14.5" }],
    // GKE's and EKS's refusals keep their verdicts
    [`ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=Master version "1.16.8-gke.15" is unsupported.`, "cause", { requested: "1.16.8-gke.15" }],
    ["Error creating cluster: InvalidParameterException: unsupported Kubernetes version 1.14 status code: 400, request id: 61f78abe-4443-4f13-b02b-14c2607f4c97", "cause", { requested: "1.14" }],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    expect(got.id).toBe("managed-version-unsupported");
    expect(got.captures).toMatchObject(captures);
  });

  it("names the honest causes and the region's version list", async () => {
    const line = "Operation failed with status: 'Bad Request'. Details: Version 1.16.9 is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list";
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    expect(report.causes).toEqual([]);
    const [warning] = report.warnings;
    expect(warning?.diagnosis.headline).toContain("AKS does not offer Kubernetes 1.16.9 in this region");
    expect(warning?.diagnosis.fixes.join("\n")).toContain("az aks get-versions --location <region>");
    expect(warning?.diagnosis.causes.join("\n")).toContain("stale module or state");
  });
});
