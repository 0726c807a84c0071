import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the platform rules of the tenth tuning session (src/signatures/platform15.ts, src/diagnose/area-platform15.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-15platform.jsonl).

describe("eksctl: the aws CLI has no eks get-token", () => {
  it.each([
    // eksctl-io/eksctl#1109
    ["[✖]  unable to use kubectl with the EKS cluster (check 'kubectl version'): usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]", "cause"],
    // a README's troubleshooting section (markdown-mangled placeholders)
    ["[✖]  unable to use kubectl with the EKS cluster (check 'kubectl version'): usage: aws [options] <command /> <subcommand /> [<subcommand /> ...] [parameters]", "cause"],
    // with eksctl's timestamp
    ["2019-08-07T10:12:01Z [✖]  unable to use kubectl with the EKS cluster (check 'kubectl version'): usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]", "cause"],
    // eksctl-io/eksctl#5689: kubectl's deprecation warning, not the aws CLI
    ["2022-09-09 17:18:07 [✖]  unable to use kubectl with the EKS cluster (check 'kubectl version'): WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.", "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("eksctl-aws-cli-lacks-get-token");
  });
});

describe("OpenShift: the cluster-version operator refuses the update on a precondition", () => {
  it.each([
    // openshift/cluster-version-operator#1276: two minors ahead
    [
      `  * Precondition "ClusterVersionGiantHop" failed because of "MultipleMinorVersionsUpdate": 4.21.0-rc.1 is more than one minor version beyond the current target 4.19.0-0.nightly-2026-01-06-203205 (4.21 > 4.(19+1)), and only updates within the current minor version or to the next minor version are supported.`,
      "cause",
      { precondition: "ClusterVersionGiantHop", reason: "MultipleMinorVersionsUpdate", target: "4.21.0-rc.1", current: "4.19.0-0.nightly-2026-01-06-203205" },
    ],
    // docs.okd.io (Control Plane Only update): AdminAckRequired among multiple reasons
    [
      `      Message: Preconditions failed for payload loaded version="4.16.34" image="quay.io/openshift-release-dev/ocp-release@sha256:41bb08c560f6db5039ccdf242e590e8b23049b5eb31e1c4f6021d1d520b353b8": Precondition "ClusterVersionUpgradeable" failed because of "MultipleReasons": Cluster should not be upgraded between minor versions for multiple reasons: AdminAckRequired,ResourceDeletesInProgress`,
      "cause",
      { precondition: "ClusterVersionUpgradeable", reason: "MultipleReasons" },
    ],
    // a ClusterVersion status dump (YAML comment, wrapped after the reason)
    [`#        Precondition "ClusterVersionUpgradeable" failed because of "AdminAckRequired":`, "cause", { reason: "AdminAckRequired" }],
    // IBM Cloud (Red Hat OpenShift on IBM Cloud): the reason is not on the line
    ["Cannot complete cluster master upgrade because the Upgradeable status condition is set to False.", "warning", {}],
    // openshift/cluster-version-operator#1093: an update already in progress, a target outside the graph
    [`  * Precondition "ClusterVersionUpgradeable" failed because of "UpdateInProgress": An update is already in progress and the details are in the Progressing condition`, "none", {}],
    // okd-project/okd#1461 and an OCP 4.3 note: configuration, dismissed
    [`sync_worker.go:348] Precondition error (force false, block true): Precondition "ClusterVersionUpgradeable" failed because of "ClusterVersionOverridesSet": Disabling ownership via cluster version overrides prevents upgrades. Please remove overrides before continuing.`, "none", {}],
    [`message: 'Precondition "ClusterVersionUpgradeable" failed because of "DefaultSecurityContextConstraints_Mutated":`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("openshift-update-precondition-failed");
      expect(got.captures).toMatchObject(captures);
    }
  });
});

describe("Terraform: a block the provider's schema lacks", () => {
  const block = (where: string, line: string) => `│ Error: Unsupported block type\n│ \n│   on main.tf line 29, ${where}:\n│   29:   x {\n│ \n${line}\n╵`;
  it.each([
    // aws-samples/amazon-eks-machine-learning-with-terraform-and-kubeflow#109, rancher/tf-rancher-up#204 (helm provider 3.0)
    [`│ Blocks of type "kubernetes" are not expected here. Did you mean to define argument "kubernetes"? If so, use the equals sign to assign it a`, "cause", { block: "kubernetes", argument: "kubernetes" }],
    // eclipse-tractusx/tutorial-resources#594: the hint wrapped after "define", the provider named above
    [block(`in provider "helm"`, `│ Blocks of type "kubernetes" are not expected here. Did you mean to define`), "cause", { block: "kubernetes" }],
    // terraform-google-modules/terraform-google-github-actions-runners#218: helm_release set {} under helm provider 3.0
    [block(`in resource "helm_release" "arc_runners_set"`, `│ Blocks of type "set" are not expected here. Did you mean to define argument "set"? If so, use the equals sign to assign it a value.`), "cause", { block: "set" }],
    [block(`in resource "helm_release" "arc_runners_set"`, `│ Blocks of type "set" are not expected here.`), "cause", { block: "set" }],
    // Azure-Terraform/terraform-azurerm-kubernetes#86, stormic-nomad-nishant/cloud_native_azure#4 (azurerm 3.0)
    [`│ Blocks of type "addon_profile" are not expected here.`, "cause", { block: "addon_profile" }],
    [`│ Blocks of type "role_based_access_control" are not expected here.`, "cause", { block: "role_based_access_control" }],
    // a bare "set" without the resource: a warning
    [`│ Blocks of type "set" are not expected here.`, "warning", { block: "set" }],
    // hashicorp/terraform-provider-azurerm#7903: blocks given to a module call
    ["Error: Unsupported block type\n\n  on main.tf line 61, in module \"azurerm_kubernetes_cluster\":\n  61:   default_node_pool {\n\nBlocks of type \"default_node_pool\" are not expected here.", "none", {}],
  ] as const)("%s → %s", async (text, want, captures) => {
    const got = await verdictOf(text);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("terraform-provider-block-not-in-schema");
      expect(got.captures).toMatchObject(captures);
    }
  });
});

describe("k3s: agent and server on either side of 1.18's Control.Skips change", () => {
  it.each([
    // k3s-io/k3s#2339: a 1.18.9 agent, an older server
    [String.raw`Oct 04 13:48:56 worker2 k3s[3397]: time="2020-10-04T13:48:56.690614656Z" level=error msg="json: cannot unmarshal array into Go struct field Control.Skips of type map[string]bool"`, { got: "array", want: "map[string]bool" }, /newer than its server/],
    // k3s-io/k3s#2294: a 1.16.15 agent, a newer server
    ["ERRO[2020-09-21T21:53:54.712690648+01:00] json: cannot unmarshal object into Go struct field Control.Skips of type []string", { got: "object", want: "[]string" }, /older than its server/],
  ] as const)("%s", async (line, captures, headline) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe("cause");
    expect(got.id).toBe("k3s-agent-server-config-other-release");
    expect(got.captures).toMatchObject(captures);
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    expect(report.causes[0]?.diagnosis.headline).toMatch(headline);
  });
});

describe("eksctl: a kubeletExtraConfig field its KubeletConfiguration types lack", () => {
  it.each([
    // eksctl-io/eksctl#3329: a kubelet flag name, not a config field
    [`[✖]  validating generated KubeletConfiguration object: error unmarshaling JSON: while decoding JSON: json: unknown field "enable-cadvisor-json-endpoints"`, "none"],
    // eksctl-io/eksctl#1707 (read-only-port written as a field)
    [`[✖]  validating generated KubeletConfiguration object: error unmarshaling JSON: while decoding JSON: json: unknown field "read-only-port"`, "none"],
    // a camelCase field: newer than eksctl's vendored types, or misspelt
    [`2020-05-03T10:00:00Z [✖]  validating generated KubeletConfiguration object: error unmarshaling JSON: while decoding JSON: json: unknown field "containerLogMaxWorkers"`, "warning"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("eksctl-kubelet-extra-config-field-unknown");
  });
});
