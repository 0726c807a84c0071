import type { VersionRole } from "../model.js";
import type { Diagnoser, DiagnoseInput } from "./context.js";
import { captureRoles } from "./context.js";
import { majorMinor, minorDelta } from "./versions.js";

/**
 * Every version of a bracketed list the line prints after `lead` (a provider's "one of [v1 v2 …]"), beyond the first
 * and last the patterns capture: the person reading wants the whole offer. Bounded: 40 versions at most.
 */
export function listedVersions(input: DiagnoseInput, lead: RegExp, role: string): VersionRole[] {
  const text = input.finding.text;
  const at = text.search(lead);
  if (at < 0) return [];
  const open = text.indexOf("[", at);
  if (open < 0) return [];
  const close = text.indexOf("]", open);
  const inside = text.slice(open + 1, close < 0 ? Math.min(text.length, open + 4000) : close);
  const seen = new Set(Object.values(input.finding.captures));
  const rows: VersionRole[] = [];
  for (const m of inside.matchAll(/v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.+-]*)?/g)) {
    if (rows.length >= 40) break;
    const version = m[0].replace(/[.,]+$/, "");
    if (seen.has(version)) continue;
    seen.add(version);
    rows.push({ name: "offered", version, role, source: `the failing line (${input.where})` });
  }
  return rows;
}

// Diagnosers for the platform signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const platformDiagnosers: Record<string, Diagnoser> = {
  // eksctl's SSM lookup names neither the minor nor the family: a variant not yet published for the minor reads the
  // same as a region or instance type the family does not cover.
  "eks-ami-not-offered-for-version": (input) => {
    const minor = input.capture("kubernetes") ?? input.capture("newest");
    if (!minor) {
      return {
        verdict: "warning",
        headline: "eksctl found no EKS node AMI for the node group's family, minor and variant in SSM, and the line does not say which: most often a family not published for the cluster's Kubernetes minor (AL2 from 1.33, a Bottlerocket variant before its first minor).",
        versions: captureRoles(input),
        reasoning: ["List what exists: aws ssm get-parameters-by-path --path /aws/service/eks/optimized-ami/<minor>/ (or /aws/service/bottlerocket/aws-k8s-<minor>/)."],
      };
    }
    const newest = input.capture("newest");
    return {
      headline: newest
        ? `EKS offers the ${input.capture("amiType") ?? "requested"} AMI type only up to Kubernetes ${newest}; the node group's cluster is newer.`
        : `No ${input.capture("family") ?? ""} EKS node AMI for Kubernetes ${minor} in ${input.capture("region") ?? "the region"}: the family is not published for this minor, or this eksctl predates it.`,
      versions: captureRoles(input),
    };
  },
  // RKE versions carry a -rancherN-M build suffix; one without it is in no release's list, whatever the release.
  "rke-kubernetes-version-unsupported": (input) => {
    const requested = input.capture("requested");
    if (!requested) {
      return {
        verdict: "warning",
        headline: `The Terraform provider's list of Kubernetes versions starts at ${input.capture("newest")}: the requested kubernetes_version is newer than this provider release, mistyped, or one it has dropped.`,
        versions: [...captureRoles(input), ...listedVersions(input, /to\s+be\s+one\s+of/, "another version this provider release lists")],
      };
    }
    if (!/-rancher\d+-\d+$/.test(requested)) {
      // rancher-archives/rke#2619, #2700: the version copied from release notes without its suffix.
      return {
        verdict: "not-skew",
        headline: `Not a version skew: ${requested} lacks the -rancherN-M build suffix that every RKE/Rancher version has (e.g. ${requested}-1), so no release lists it; fix the version string.`,
        versions: captureRoles(input),
        fixes: ["Copy the exact version from rke config --list-version --all (or the release notes' table), suffix included."],
      };
    }
    return { headline: `This RKE/Rancher release does not list Kubernetes ${requested}: it is newer than the release, or one the release has dropped.`, versions: captureRoles(input) };
  },
  // kops compares the cluster with its channel's entry for the cluster's minor: a newer patch than the channel lists
  // (kubernetes/kops#17580) is channel data lagging, not a kops older than the cluster.
  "kops-cluster-newer-than-channel": (input) => {
    const cluster = input.version("cluster");
    const recommended = input.version("recommended");
    const minors = cluster && recommended ? minorDelta(cluster, recommended) : undefined;
    if (minors === 0) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the cluster's ${input.capture("cluster")} is only a newer patch of the ${majorMinor(recommended!)} that this kops channel lists (${input.capture("recommended")}); kops leaves it alone ("No upgrade required").`,
        versions: captureRoles(input),
      };
    }
    return {
      headline: `The cluster runs ${input.capture("cluster")}, newer than the ${input.capture("recommended")} this kops release's channel recommends: the cluster was last updated by a newer kops than this one.`,
      versions: captureRoles(input),
      ...(minors === undefined ? {} : { skew: { minors, policy: "kops N manages Kubernetes up to minor N", supported: false } }),
    };
  },
};
