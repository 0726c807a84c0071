import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { constraintSide } from "../src/diagnose/area-tools16.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the tool rules of the eleventh tuning session (src/signatures/tools16.ts, src/diagnose/area-tools16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16tools.jsonl).

describe("Terraform / OpenTofu / Terragrunt outside a required_version", () => {
  it.each([
    // aws-samples/aws2tf#44, learn-terraform-outputs#8 (wrapped), braintrust…#151 and keycloak-benchmark#1188 (OpenTofu)
    ["│ This configuration does not support Terraform version 1.4.0. To proceed, either choose another supported Terraform version or update this version", "cause", { tool: "Terraform", terraform: "1.4.0" }],
    ["│ version 1.4.6. To proceed, either choose another", "cause", { terraform: "1.4.6" }],
    ["│ Module module.braintrust-data-plane.module.quarantine_vpc (from ./modules/vpc) does not support OpenTofu version 1.10.6. To proceed, either choose another supported", "cause", { tool: "OpenTofu", terraform: "1.10.6" }],
    ["│ support OpenTofu version 1.10.5. To proceed, either choose another", "cause", { tool: "OpenTofu", terraform: "1.10.5" }],
    // gruntwork-io/terragrunt#568 (Terraform 0.11's wording)
    ["Error: The currently running version of Terraform doesn't meet the", "cause", {}],
    // gruntwork-io/terragrunt#1455, alpine-docker/terragrunt#11, maddevsio/aws-eks-base#294
    ["The currently installed version of Terraform (0.14.0) is not compatible with the version Terragrunt requires (~> 0.13.0).", "cause", { terraform: "0.14.0", constraint: "~> 0.13.0" }],
    ["\t* The currently installed version of Terragrunt (0.36.7) is not compatible with the version constraint requiring (0.35.8).", "cause", { tool: "Terragrunt", terragrunt: "0.36.7" }],
    // the update notice (hashicorp/terraform#23534) and malformed constraints (trussworks/terraform-aws-mfa#53, contabo#8)
    ["is 0.12.16. You can update by downloading from www.terraform.io/downloads.html", "none", {}],
    ["This string does not use correct version constraint syntax.", "none", {}],
    ['│ Incorrect version constraint syntax: a "v" prefix should not be used.', "none", {}],
    // Terraform's source quoting its own message
    ['\t\t\t\tDetail: fmt.Sprintf("This configuration does not support Terraform version %s. To proceed, either choose another supported Terraform version or update this version constraint.", tfversion.String()),', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("terraform-core-version-constraint-unmet");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("tells a binary below the constraint's floor from one above a pin", async () => {
    expect(constraintSide("0.11.15", ">= v0.12.0")).toBe("older");
    expect(constraintSide("0.14.0", "~> 0.13.0")).toBe("newer");
    expect(constraintSide("1.4.6", "~> 1.2")).toBeUndefined();
    expect(constraintSide("2.0.0", "~> 1.2")).toBe("newer");
    expect(constraintSide("1.5.7", ">= 1.7.0")).toBe("older");
    const older = await analyze([textSource("job.log", "ERRO[0000] The currently installed version of Terraform (0.11.15) is not compatible with the version Terragrunt requires (>= v0.12.0)\n")]);
    expect(older.causes[0]?.diagnosis.headline).toContain("older than the constraint's floor");
    expect(older.causes[0]?.diagnosis.versions.find((v) => v.name === "terraform")?.typed).toMatchObject({ kind: "component", major: 0, minor: 11 });
    const newer = await analyze([textSource("job.log", "The currently installed version of Terraform (0.14.0) is not compatible with the version Terragrunt requires (~> 0.13.0).\n")]);
    expect(newer.causes[0]?.diagnosis.headline).toContain("newer than the constraint allows");
  });

  it("claims the refusal for itself, not for the generic layer", async () => {
    const got = await verdictOf('Error: Unsupported Terraform Core version: required_version = ">= 1.5.0" but running 1.3.9');
    expect(got.id).toBe("terraform-core-version-constraint-unmet");
  });

  it("explains OpenTofu's separate numbering", async () => {
    const report = await analyze([textSource("job.log", "│ support OpenTofu version 1.10.5. To proceed, either choose another\n")]);
    expect(report.causes[0]?.diagnosis.headline).toMatch(/^OpenTofu 1\.10\.5 does not satisfy/);
    expect(report.causes[0]?.diagnosis.reasoning?.join(" ")).toContain("numbers its releases separately");
  });
});

describe("Helm older than 3.8 meeting its experimental OCI gate", () => {
  it.each([
    // hashicorp/terraform-provider-helm#1752, vmware-archive/versatile-data-kit#269 (wrapped), samvera/hyrax's chart README
    ["    resource_helm_release_test.go:2291: Error: this feature has been marked as experimental and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use this feature", "cause", { gate: "HELM_EXPERIMENTAL_OCI" }],
    ["Error: this feature has been marked as experimental", "cause", {}],
    ["and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1", "cause", { gate: "HELM_EXPERIMENTAL_OCI" }],
    ["repository oci://ghcr.io/samvera is an OCI registry: this feature has been marked as experimental and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use this feature\u201d", "cause", { repository: "oci://ghcr.io/samvera" }],
    // helm/helm#10172 (advice), a script enabling it, Helm's source
    ["Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use them.", "none", {}],
    ["export HELM_EXPERIMENTAL_OCI=1", "none", {}],
    ['var ExperimentalOCI = gates.Gate("HELM_EXPERIMENTAL_OCI") // Error: this feature has been marked as experimental', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("helm-oci-support-experimental-before-3-8");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("dates the Helm by the release that made OCI generally available", async () => {
    const report = await analyze([textSource("job.log", "Error: this feature has been marked as experimental and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use this feature\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("older than 3.8.0");
    expect(cause?.diagnosis.versions.find((v) => v.name === "generallyAvailableIn")?.typed).toMatchObject({ kind: "component", major: 3, minor: 8 });
  });
});

describe("the Actions runner's Node.js newer than the glibc of the job's container or host", () => {
  it.each([
    // boostorg/nowide#184, dawidd6/action-download-artifact#261, fjogeleit/http-request-action#153, wasm-micro-runtime#3607
    ["/__e/node20/bin/node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /__e/node20/bin/node)", "cause", { symbol: "GLIBC_2.28", needed: "2.28", runtime: "node20", where: "/__e" }],
    ["/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /home/vsts-agent/actions-runner/externals/node20/bin/node)", "cause", { where: "/externals" }],
    ["/home/vsts-agent/actions-runner/externals/node20/bin/node: /lib/x86_64-linux-gnu/libc.so.6: version **`GLIBC_2.28' not found** (required by /home/vsts-agent/actions-runner/externals/node20/bin/node)", "cause", { symbol: "GLIBC_2.28" }],
    ["/__e/node20/bin/node: /usr/lib/x86_64-linux-gnu/libstdc++.so.6: version `CXXABI_1.3.9' not found (required by /__e/node20/bin/node)", "cause", { lib: "libstdc++.so.6", symbol: "CXXABI_1.3.9" }],
    // Uberspace/manual#598, nodejs/node#52241: other programs on old hosts
    ["Error: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /home/pboeck/foundryvtt/resources/app/node_modules/classic-level/prebuilds/linux-x64/classic-level.node)", "none", {}],
    ["node: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by node)", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("actions-node-runtime-glibc-too-old");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("tells a container job from a self-hosted host, and types the glibc release", async () => {
    const container = await analyze([textSource("job.log", "/__e/node20/bin/node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /__e/node20/bin/node)\n")]);
    expect(container.causes[0]?.diagnosis.headline).toContain("the job's container image");
    expect(container.causes[0]?.diagnosis.headline).not.toMatch(/^\//);
    expect(container.causes[0]?.diagnosis.versions.find((v) => v.name === "needed")?.typed).toMatchObject({ kind: "component", major: 2, minor: 28 });
    const host = await analyze([textSource("job.log", "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /home/runner/actions-runner/externals/node20/bin/node)\n")]);
    expect(host.causes[0]?.diagnosis.headline).toContain("the self-hosted runner's host");
  });
});

describe("an Actions runner older than the Node.js runtime an action asks for", () => {
  it.each([
    // rust-build/rust-build.action#75 (GHES), tibdex/github-app-token#92 (wrapped), haya14busa/action-cond#15 (node16)
    ["Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node20' is not supported, use 'docker', 'node12' or 'node16' instead.')", "cause", { runtime: "node20" }],
    ["''using: node20' is not supported, use 'docker', 'node12' or 'node16' instead.')", "cause", { runtime: "node20" }],
    ["`Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node16' is not supported, use 'docker' or 'node12' instead.')`", "cause", { runtime: "node16", supported: "'docker' or 'node12'" }],
    // Doarakko/draw-action#60, saucelabs/saucectl-run-action#39, JacobDomagala/CompileResult#18: runtimes no runner shipped
    ["System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node18' is not supported, use 'docker', 'node12', 'node16' or 'node20' instead.')", "none", {}],
    ["> Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node22' is not supported, use 'docker', 'node12', 'node16' or 'node20' instead.')", "none", {}],
    ["`Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node19' is not supported, use 'docker', 'node12' or 'node16' instead.')`", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("actions-runner-node-runtime-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the runner release that brought the runtime, and dismisses runtimes no runner has", async () => {
    const report = await analyze([textSource("job.log", "Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node20' is not supported, use 'docker', 'node12' or 'node16' instead.')\n")]);
    expect(report.causes[0]?.diagnosis.headline).toContain("2.308.0");
    const typo = await analyze([textSource("job.log", "(Parameter ''using: node22' is not supported, use 'docker', 'node12', 'node16' or 'node20' instead.')\n")]);
    expect(typo.causes).toEqual([]);
    expect(typo.dismissed.map((t) => t.diagnosis.verdict)).toEqual(["not-skew"]);
  });
});

describe("kube-bench without the benchmark the job asks for", () => {
  it.each([
    // aquasecurity/kube-bench#1775, #1877, deliveryhero/helm-charts#565, aws-samples/eks-workshop#1338 (renamed)
    ["error validating targets: No targets configured for eks-1.5.0", "cause", { benchmark: "eks-1.5.0" }],
    ["error validating targets: No targets configured for rke2-cis-1.10", "cause", { benchmark: "rke2-cis-1.10" }],
    ['"error validating targets: No targets configured for gke-1.5.0"', "cause", { benchmark: "gke-1.5.0" }],
    ["error validating targets: No targets configured for eks-1.0", "cause", { benchmark: "eks-1.0" }],
    // kube-bench's version_mapping (cmd/common.go) missing the cluster's minor
    ["unable to find a matching Benchmark Version match for kubernetes version: 1.31", "cause", { kubernetes: "1.31" }],
    // kube-bench#613 (no cfg directory), #207 (no kubectl in the image), kube-bench's own test table
    ["unable to get benchmark version. error: config file is missing 'version_mapping' section", "none", {}],
    ['\t\t{kubeVersion: "1.9", succeed: false, exp: "", expErr: "unable to find a matching Benchmark Version match for kubernetes version: 1.9"},', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("kube-bench-benchmark-unknown-to-release");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the Kubernetes minor that the release's mapping lacks", async () => {
    const report = await analyze([textSource("job.log", "unable to find a matching Benchmark Version match for kubernetes version: 1.31\n")]);
    expect(report.causes[0]?.diagnosis.headline).toContain("no CIS benchmark for Kubernetes 1.31");
  });
});
