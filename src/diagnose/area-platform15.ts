import type { Diagnoser } from "./context.js";
import { captureRoles } from "./context.js";

// Diagnosers for src/signatures/platform15.ts (the tenth tuning session, area: platform).

/** Upgradeable=False reasons that are configuration the administrator set, not versions that do not meet. */
const OPENSHIFT_CONFIG_REASONS: Array<[RegExp, string]> = [
  [/^ClusterVersionOverridesSet$/, "spec.overrides on the ClusterVersion disable CVO ownership of some manifests; remove them (okd-project/okd#1461)"],
  [/^DefaultSecurityContextConstraints_Mutated$/, "a default SecurityContextConstraints object was edited; restore it or copy it to a custom SCC"],
  [/TechPreviewNoUpgrade/, "the TechPreviewNoUpgrade feature set forbids updates by design"],
  [/^UpdateInProgress$/, "an update is already in progress; wait for it, or retarget within its minor (openshift/cluster-version-operator#1080, #1093)"],
  [/^ResourceDeletesInProgress$/, "resource deletions of the current update are still in progress; wait for them"],
];

/** Preconditions about the update graph or cluster state, not about versions that do not meet. */
const OPENSHIFT_NON_VERSION_PRECONDITIONS = /^(?:ClusterVersionRecommendedUpdate|EtcdRecentBackup)$/;

export const platform15Diagnosers: Record<string, Diagnoser> = {
  "openshift-update-precondition-failed": (input) => {
    const reason = input.capture("reason");
    const target = input.capture("target");
    const current = input.capture("current");
    const versions = captureRoles(input);
    if (target && current) {
      return {
        verdict: "cause",
        headline: `The cluster-version operator refuses ${target}: it is more than one minor beyond the current ${current}, and OpenShift updates go one minor at a time (a Control Plane Only / EUS update too passes through the odd minor).`,
        versions,
        fixes: [`Update to the latest patch of the next minor first, then to ${target}; pick targets from oc adm upgrade's recommended updates.`],
      };
    }
    const precondition = input.capture("precondition") ?? "";
    if (OPENSHIFT_NON_VERSION_PRECONDITIONS.test(precondition)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: precondition ${precondition} (${reason ?? "failed"}) is about the update graph or the cluster's state (a target outside the recommended updates, an etcd backup not yet taken), not versions that do not meet.`,
        versions,
      };
    }
    const config = reason ? OPENSHIFT_CONFIG_REASONS.find(([re]) => re.test(reason)) : undefined;
    if (reason && config) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the update is blocked by ${reason}, a configuration or state of this cluster: ${config[1]}.`,
        versions,
      };
    }
    const rest = input.finding.text;
    if (reason === "AdminAckRequired" || (reason === "MultipleReasons" && /AdminAckRequired|KubeletMinorVersion/.test(rest)) || /^KubeletMinorVersion/.test(reason ?? "")) {
      return {
        verdict: "cause",
        headline: /KubeletMinorVersion/.test(`${reason} ${rest}`)
          ? "The minor update is blocked on a version gate: kubelets the next OpenShift minor would leave too far behind the API server."
          : "The minor update is blocked on a version gate: the next OpenShift minor's Kubernetes removes APIs, and the cluster administrator has not acknowledged it (AdminAckRequired).",
        versions,
        fixes: [
          "Check oc get apirequestcounts for removed APIs still in use and migrate those clients, then acknowledge the gate: oc -n openshift-config patch cm admin-acks --patch '{\"data\":{\"ack-<current>-kube-<k8s>-api-removals-in-<next>\":\"true\"}}' --type=merge.",
          "For kubelets behind: finish updating the machine config pools to the current minor before the next minor update.",
        ],
      };
    }
    return {
      verdict: "warning",
      headline: reason
        ? `The cluster-version operator refused the update: precondition ${input.capture("precondition") ?? ""} failed because of ${reason}. A version gate (removed APIs, kubelets, operators' max OpenShift version) or a configuration; the condition's message names which.`
        : "The master update was refused because the ClusterVersion reports Upgradeable=False: often a version gate (APIs removed by the next minor awaiting an admin ack, kubelets or operators too old for it), sometimes a configuration; oc adm upgrade shows the reason.",
      versions,
    };
  },
};
