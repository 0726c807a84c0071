import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons14.ts, and narrowings of older rules that the eighth session's threads showed to be
// tool bugs rather than version skew.

// Rancher's eks-operator (validateCreate) demands that a new nodegroup's version equal the cluster's: its own rule, not
// EKS's. rancher/rancher#28745 met it on a nodegroup created without a version, which Rancher should have filled in from
// the cluster (fixed before Rancher 2.5.0 by requiring and defaulting the version, rancher/rancher#28357 and
// rancher/eks-operator#14). The line names no version, so it cannot tell that bug from a nodegroup really asked at
// another minor: a warning, never a cause.
const diagnoseEksNodegroupVersion: Diagnoser = (input) => {
  if (/version\s+must\s+match\s+cluster\s+\[[^\]]+\]\s+version\s+on\s+create/.test(input.finding.text)) {
    const nodegroups = input.capture("nodegroups");
    return {
      verdict: "warning",
      headline: `Rancher's eks-operator refuses to create nodegroup${nodegroups ? ` [${nodegroups}]` : ""} unless its version equals the cluster's: Rancher's own create-time rule, stricter than EKS, which Rancher's API also tripped when the nodegroup was given no version (rancher/rancher#28745, a Rancher bug: it should inherit the cluster's). Not an EKS version skew by itself.`,
      versions: captureRoles(input),
      causes: [
        "The nodegroup was created without a version and this Rancher (a 2.5 pre-release) did not fill in the cluster's.",
        "The nodegroup's version was set to another minor than the cluster's (Terraform rancher2 eks_config_v2, the API).",
      ],
      fixes: [
        "Set the nodegroup's version to the cluster's kubernetesVersion in eksConfig (or leave it to a Rancher release that defaults it); upgrade nodegroups after creation instead.",
      ],
      references: ["https://github.com/rancher/rancher/issues/28745", "https://github.com/rancher/eks-operator/pull/3"],
    };
  }
  return { headline: `${input.signature.title}: ${input.signature.meaning}` };
};

// Envoy's own C++ (config/utility.cc) builds the message with fmt::format: a "{}" placeholder where the offending
// config belongs is the source quoted, not a proxy refusing anything.
const diagnoseEnvoyXdsV2: Diagnoser = (input) => {
  if (/deprecated\s+in\s+\{\}|fmt::format/.test(input.finding.text)) {
    return { verdict: "not-skew", headline: "Envoy's source code (its format string for this message) quoted, not a proxy rejecting configuration.", versions: [] };
  }
  const removed = /has\s+been\s+removed/.test(input.capture("state") ?? "");
  const release = removed ? "1.18" : "1.17";
  const v2Type = input.capture("v2Type");
  return {
    headline: `Envoy ${removed ? "1.18 or later (v2 removed)" : "1.17 or later (v2 disabled by default)"} refused configuration in the xDS v2 API${v2Type ? ` (${v2Type})` : ""}: the bootstrap, EnvoyFilter or control plane was written for an Envoy before 1.17, older than the proxy that runs it.`,
    versions: [...captureRoles(input), { name: "envoyRelease", version: release, role: removed ? "Envoy release that removed xDS v2" : "Envoy release that rejects xDS v2 by default", source: "Envoy's xDS v2 deprecation (envoyproxy/envoy#10816)" }],
  };
};

export const addons14Diagnosers: Record<string, Diagnoser> = {
  "eks-nodegroup-version-mismatch": diagnoseEksNodegroupVersion,
  "envoy-xds-v2-rejected": diagnoseEnvoyXdsV2,
};
