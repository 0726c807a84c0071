import type { VersionRole } from "../model.js";
import type { Diagnoser, DiagnoseInput } from "./context.js";
import { captureRoles } from "./context.js";
import { compareMinor, majorMinor, minorDelta } from "./versions.js";
import { platform12Diagnosers } from "./area-platform12.js";

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
  // Kamaji refuses any downgrade, including the step back from a version it refused as too new (clastix/kamaji#979):
  // a spec older than the running control plane is worth knowing, not two components disagreeing. Only a version past
  // what this Kamaji release knows is the tool and the cluster apart.
  "kamaji-tenant-version-refused": (input) => {
    const from = input.capture("from");
    const supported = input.capture("supported");
    if (from) {
      return {
        verdict: "warning",
        headline: `Kamaji refused to downgrade the TenantControlPlane from ${from} to ${input.capture("to")}: its webhook allows no downgrade, not even back from a version it could not roll out.`,
        versions: captureRoles(input),
        reasoning: ["If the newer version was never rolled out (Kamaji refused it as too new), upgrade Kamaji instead, or lift the webhook for the one change."],
      };
    }
    if (supported) {
      return { headline: `The TenantControlPlane asks for a Kubernetes version newer than this Kamaji release supports (${supported} at most).`, versions: captureRoles(input) };
    }
    // A jump of more than one minor is the spec's request, not two running components apart: Cluster API's provider
    // hands Kamaji the final version and expects it to step (cluster-api-control-plane-provider-kamaji#225).
    return {
      verdict: "warning",
      headline: "Kamaji refused the TenantControlPlane's new Kubernetes version because it skips a minor: Kamaji upgrades tenant control planes one minor at a time and does not step through them itself.",
      versions: captureRoles(input),
      reasoning: ["Set spec.kubernetes.version (or the KamajiControlPlane's version) one minor above the running one, wait for the rollout, then the next."],
    };
  },
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
  // Below the window minikube exits (unless --force); above it, it only warns and looks the version up on GitHub, which
  // succeeds more often than not (inspektor-gadget/inspektor-gadget#3128 failed on GitHub's rate limit instead).
  "minikube-kubernetes-version-unsupported": (input) => {
    const requested = input.capture("requested");
    const bound = input.capture("bound") ?? input.capture("newest") ?? input.capture("oldest");
    if (input.capture("direction") === "newer" || input.capture("newest") || (!input.capture("direction") && !input.capture("oldest") && /not\s+found\s+in\s+(?:Kubernetes|GitHub)\s+version\s+list/.test(input.finding.text))) {
      return {
        verdict: "warning",
        headline: bound
          ? `minikube supports Kubernetes only up to ${bound}; the requested ${requested} is newer, so minikube looks it up on GitHub and tries anyway (a GitHub API rate limit or a missing image then fails the start).`
          : requested
            ? `Kubernetes ${requested} is not in this minikube's version table: minikube looks it up on GitHub and tries anyway; pin a version this minikube lists or upgrade minikube.`
            : "The requested Kubernetes version is in neither this minikube's table nor GitHub's release list: a version newer than any release, or mistyped; without --force minikube stops.",
        versions: captureRoles(input),
      };
    }
    return {
      headline: bound
        ? `minikube supports Kubernetes from ${bound}; the requested ${requested} is older, so minikube refuses it without --force.`
        : `This minikube release does not support Kubernetes ${requested}: pick a version from minikube config defaults kubernetes-version, or the minikube release that supported it.`,
      versions: captureRoles(input),
    };
  },
  // kind load reads the snapshotter from `containerd config dump`; only containerd 2.x's config (node images for kind
  // v0.27+) hides it from older kind binaries, but a stopped node fails the same call.
  "kind-node-image-containerd-config": (input) => ({
    verdict: "warning",
    headline: "kind could not read the node's containerd snapshotter: most often a node image built for a newer kind (containerd 2.x, kind v0.27+) loaded with an older kind binary; otherwise the node container is not running.",
    versions: captureRoles(input),
    reasoning: ["Compare `kind version` with the release notes of the kindest/node image in use, and check `docker ps -a` for the node container."],
  }),
  // Below the minimum minikube refuses the driver; between minimum and recommended it only advises. A "current" that is
  // not a Docker Engine number (podman's 4.x/5.x behind the docker CLI) is another engine, not an old Docker.
  "minikube-docker-version-low": (input) => {
    const current = input.version("current");
    const minimum = input.version("minimum");
    if (!current || !minimum) {
      return { verdict: "warning", headline: "minikube's docker driver found a Docker Engine older than it supports (or another engine behind the docker CLI).", versions: captureRoles(input) };
    }
    if (current.major < 17) {
      return {
        verdict: "warning",
        headline: `The docker CLI reports ${input.capture("current")}, which is not a current Docker Engine version: podman behind the docker CLI, or a Docker from before 2017; minikube's docker driver wants ${input.capture("minimum")} or newer.`,
        versions: captureRoles(input),
      };
    }
    const below = compareMinor(current, minimum) < 0 || (compareMinor(current, minimum) === 0 && (current.patch ?? 0) < (minimum.patch ?? 0));
    if (below) {
      return { verdict: "cause", headline: `Docker ${input.capture("current")} is older than the ${input.capture("minimum")} minikube's docker driver supports: minikube refuses the driver.`, versions: captureRoles(input) };
    }
    return {
      verdict: "warning",
      headline: `Docker ${input.capture("current")} is supported by minikube but older than the recommended ${input.capture("recommended")}: minikube goes on; upgrade Docker if the start fails later.`,
      versions: captureRoles(input),
    };
  },
  // The same family of refusal from two sides: a Gardener component on a cluster newer than its release, or a shoot
  // asking for a version its CloudProfile no longer offers.
  "gardener-kubernetes-version-unsupported": (input) => {
    const requested = input.capture("requested");
    if (requested) {
      const newest = input.capture("newest");
      return {
        headline: `The shoot asks for Kubernetes ${requested}, which its CloudProfile does not offer${newest ? ` (the newest offered is ${newest})` : ""}: the version expired or was removed; pick an offered one.`,
        versions: captureRoles(input),
      };
    }
    return {
      headline: `This Gardener component's release does not support the Kubernetes ${input.capture("cluster")} of the cluster it runs on: the seed/garden cluster is newer (or older) than the gardener version the component vendors.`,
      versions: captureRoles(input),
    };
  },
  "minikube-kubernetes-downgrade-refused": (input) => {
    const existing = input.capture("existing");
    const requested = input.capture("requested");
    return {
      headline: requested
        ? `The minikube profile already runs Kubernetes ${existing}; minikube cannot downgrade it in place to ${requested}: delete the profile (minikube delete) or start another one with -p.`
        : `The minikube profile already runs Kubernetes ${existing}, newer than the version asked for: minikube keeps it instead of downgrading.`,
      versions: captureRoles(input),
    };
  },
  // kubeadm upgrade plan (1.9–1.17) prints the warning and goes on with etcd "N/A"; upgrade apply stops on the error.
  "kubeadm-etcd-version-unknown": (input) => {
    const kubernetes = input.capture("kubernetes");
    if (/No\s+recommended\s+etcd/.test(input.finding.text)) {
      return {
        verdict: "warning",
        headline: `kubeadm upgrade plan has no etcd version for Kubernetes ${kubernetes}: this kubeadm is older than the version planned, and kubeadm upgrade apply with it will stop; install the kubeadm of ${kubernetes} first.`,
        versions: captureRoles(input),
      };
    }
    return {
      headline: `This kubeadm has no etcd version for Kubernetes ${kubernetes}: the kubeadm binary is older than the version it was asked to deploy (kubeadm before 1.18 does not fall back to a known etcd).`,
      versions: captureRoles(input),
    };
  },
  // Talos' strict decoder prints the offending keys on the lines after the message: a key from a newer Talos and a
  // mis-indented or misspelled key read the same (siderolabs/talos#7761), so the message alone is a warning.
  "talos-provider-version-mismatch": (input) => {
    if (/unknown\s+keys\s+found\s+during\s+decoding/.test(input.finding.text)) {
      return {
        verdict: "warning",
        headline: "Talos refused machine config keys it does not know (listed on the next lines): keys written by a newer talosctl/provider than the nodes' Talos, or a misspelled or mis-indented key.",
        versions: captureRoles(input),
        reasoning: ["If the keys are spelled and placed as the newer Talos documents them, compare talosctl version (client and server) and the talosVersion the config was generated for with the nodes' release."],
      };
    }
    return { headline: `${input.signature.title}: ${input.signature.meaning}`, versions: captureRoles(input) };
  },
  // A template of another TKr named (or pinned) is two releases apart; no template at all may be one never imported.
  "tanzu-tkr-vm-template-missing": (input) => {
    const tkr = input.capture("tkr");
    const template = input.capture("template");
    if (template) {
      return {
        headline: `The VM template ${template} was built from another Tanzu Kubernetes release's OVA than the ${tkr} this tanzu CLI deploys: the OVA and the CLI come from different TKG/TCE releases.`,
        versions: captureRoles(input),
      };
    }
    const requested = input.capture("requested");
    return {
      verdict: "warning",
      headline: requested
        ? `The Supervisor offers no Tanzu Kubernetes release matching version ${requested}: the version is retired from (or not yet in) its content library, or the library is not synchronised.`
        : `vCenter has no VM template built from the OVA of ${tkr}, the Tanzu Kubernetes release this CLI deploys: most often the OVA imported belongs to another TKG/TCE release, otherwise none was imported yet.`,
      versions: captureRoles(input),
    };
  },
  // CheckKubernetesUpgradeCompatibility: one minor at a time; a downgrade is a --tkr behind the cluster.
  "tanzu-kubernetes-upgrade-path": (input) => {
    const from = input.version("from");
    const to = input.version("to");
    const minors = from && to ? minorDelta(to, from) : undefined;
    const policy = "Tanzu Kubernetes Grid upgrades Kubernetes one minor at a time, never down";
    if (/downgrade\s+is\s+not\s+allowed/.test(input.finding.text) || (minors !== undefined && minors < 0)) {
      return {
        verdict: "warning",
        headline: `The upgrade asks to go down from ${input.capture("from")} to ${input.capture("to")}: the TKr picked (--tkr, or the CLI's default) is older than the cluster.`,
        versions: captureRoles(input),
        ...(minors === undefined ? {} : { skew: { minors, policy, supported: false } }),
      };
    }
    return {
      headline:
        minors !== undefined && minors > 1
          ? `The upgrade from ${input.capture("from")} to ${input.capture("to")} skips ${minors - 1} minor(s): the tanzu CLI is more than one TKG release ahead of the cluster; upgrade through each release's TKr in turn.`
          : `The tanzu CLI refuses the upgrade from ${input.capture("from")} to ${input.capture("to")}.`,
      versions: captureRoles(input),
      ...(minors === undefined ? {} : { skew: { minors, policy, supported: minors <= 1 } }),
    };
  },
  // eksctl lists the EKS versions compiled into it: past its newest, eksctl is older than the version; below its oldest,
  // EKS retired it; in between, no EKS minor has that name (a typo such as 1.2 for 1.20).
  "eksctl-version-unknown": (input) => {
    const requested = input.version("requested");
    const oldest = input.version("oldest");
    const newest = input.version("newest");
    const asked = input.capture("requested");
    if (!requested || !oldest || !newest) return { headline: `${input.signature.title}: ${input.signature.meaning}`, versions: captureRoles(input) };
    if (compareMinor(requested, newest) > 0) {
      return { headline: `eksctl does not know Kubernetes ${asked}: this eksctl's newest is ${input.capture("newest")}, so it predates that EKS version; upgrade eksctl.`, versions: captureRoles(input) };
    }
    // "is no longer supported": the version is in eksctl's own list of deprecated ones, so EKS once offered it.
    if (/no\s+longer\s+supported|now\s+deprecated/.test(input.finding.text)) {
      return { headline: `EKS no longer supports Kubernetes ${asked} and this eksctl refuses it (it offers ${input.capture("oldest")} to ${input.capture("newest")}): move the cluster config to a supported minor.`, versions: captureRoles(input) };
    }
    if (compareMinor(requested, oldest) < 0) {
      // eksctl releases before its deprecated-version list said the same for a retired minor as for a typo.
      return {
        verdict: "warning",
        headline: `eksctl refused Kubernetes ${asked}, older than the ${input.capture("oldest")} it supports: a minor EKS retired, or a mistyped version (1.2 for 1.25).`,
        versions: captureRoles(input),
      };
    }
    return {
      verdict: "not-skew",
      headline: `Not a version skew: ${asked} is neither one of the versions this eksctl supports (${input.capture("oldest")} to ${input.capture("newest")}) nor one it knows as retired; check the version string (a typo, or a patch where eksctl wants a minor).`,
      versions: captureRoles(input),
    };
  },
  // Without the version on the line (a wrapped list, a CI script's own message) it is only a likely retired z-stream.
  "rosa-openshift-version-unsupported": (input) => {
    const requested = input.capture("requested");
    if (!requested) {
      return {
        verdict: "warning",
        headline: "ROSA/OCM did not accept the requested OpenShift version, which the line does not name: most often a z-stream (or nightly) no longer offered in the channel group.",
        versions: captureRoles(input),
        reasoning: ["rosa list versions [--hosted-cp] [--channel-group <group>] prints what is offered now."],
      };
    }
    const newest = input.capture("newest");
    return {
      headline: /below\s+minimum/.test(input.finding.text)
        ? `OpenShift ${requested} is older than the minimum ROSA hosted control planes support: pick a newer minor.`
        : `ROSA/OCM no longer (or does not yet) offer OpenShift ${requested}${newest ? `; the newest offered is ${newest}` : ""}: pin an offered z-stream.`,
      versions: captureRoles(input),
    };
  },
  // The sixth session's platform rules (area-platform12.ts), last so that they may refine an older diagnoser.
  ...platform12Diagnosers,
};
