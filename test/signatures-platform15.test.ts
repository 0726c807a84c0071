import { describe, expect, it } from "vitest";
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
