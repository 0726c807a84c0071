import type { Diagnoser } from "./context.js";
import { captureRoles } from "./context.js";
import { diagnoseHelm } from "./skew.js";
import { minorDelta, minorsText } from "./versions.js";

// Diagnosers for src/signatures/platform13.ts.

/** Kubernetes versions Fleet has rendered charts for when it templated them without the target cluster. */
const FLEET_STAND_INS: Record<string, string> = {
  "1.18.0": "Fleet before 0.7 hard-coded Kubernetes v1.18.0 in the Capabilities it renders bundles with (rancher/fleet#399, #513)",
  "1.20.0": "Fleet renders with helm's default Capabilities, Kubernetes v1.20.0, where it templates a chart without the cluster (resource keys and status: rancher/fleet#2053, #2187)",
};

/** Core MicroK8s addons added after the first releases with addon repositories, by the release that added them. */
const MICROK8S_CORE_ADDONS_SINCE: Record<string, string> = {
  // microk8s.io/docs/addon-rook-ceph ("available since 1.28"); canonical/microk8s#4191, #4830
  "rook-ceph": "1.28",
};

export const platform13Diagnosers: Record<string, Diagnoser> = {
  "rancher-operator-nodegroup-version-skew": (input) => {
    const cluster = input.version("cluster");
    const nodegroup = input.version("nodegroup");
    const policy = "Rancher eks-operator: nodegroups at the control plane's minor or one below";
    if (!cluster || !nodegroup) {
      return {
        headline: "Rancher's eks-operator refuses the cluster: a nodegroup is more than one minor below the control plane (or above it).",
        versions: captureRoles(input),
      };
    }
    const minors = minorDelta(cluster, nodegroup);
    if (minors < 0) {
      return {
        headline: `The nodegroup asks for ${input.capture("nodegroup")}, newer than the control plane's ${input.capture("cluster")}: eks-operator (like EKS) never lets nodes run ahead of the control plane.`,
        versions: captureRoles(input),
        skew: { minors, policy, supported: false },
        fixes: [`Upgrade the control plane to ${input.capture("nodegroup")} first, or set the nodegroup's version to ${input.capture("cluster")}.`],
      };
    }
    return {
      headline: `The nodegroup is on ${input.capture("nodegroup")}, ${minorsText(minors)} below the control plane's ${input.capture("cluster")}; Rancher's eks-operator allows one, stricter than EKS, so every change to the cluster through Rancher is refused until the nodegroup catches up.`,
      versions: captureRoles(input),
      skew: { minors, policy, supported: false },
      fixes: [`Upgrade the nodegroup to ${input.capture("cluster")} (or to one minor below it) before changing anything else on the cluster in Rancher.`],
    };
  },
  "aks-upgrade-blocked-deprecated-api": (input) => {
    const api = input.capture("api");
    const version = input.capture("apiVersion");
    const removed = input.capture("removedIn");
    return {
      headline:
        api && version && removed
          ? `AKS blocked the control plane upgrade: something in the cluster called ${api} ${version} within the last 12 hours, and Kubernetes ${removed} no longer serves it.`
          : "AKS blocked the control plane upgrade: something in the cluster called, within the last 12 hours, an API version the target Kubernetes release removes.",
      versions: captureRoles(input),
      reasoning: [
        "AKS reads the API server's deprecated-API request metrics before a minor upgrade and refuses while any API the target version removes was used in the last 12 hours, so a caller older than the target version is still running.",
      ],
    };
  },
  "chart-psp-api-missing": (input) => ({
    headline: "The chart still enables PodSecurityPolicies, which this cluster does not serve: PodSecurityPolicy was removed in Kubernetes 1.25, so the values are older than the cluster.",
    versions: captureRoles(input),
  }),
  "fleet-bundle-render-kubeversion": (input) => {
    const rendered = input.capture("cluster")?.replace(/^v/, "") ?? "";
    const why = FLEET_STAND_INS[rendered];
    if (why) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: ${input.capture("cluster")} is the stand-in Kubernetes version Fleet rendered the chart with, not a version a cluster runs, and the chart's "${input.capture("constraint")}" rejects it.`,
        versions: captureRoles(input),
        reasoning: [`${why}; the downstream clusters' versions never reach this check.`],
      };
    }
    // A real version (Fleet from 0.7 renders for the target cluster): the chart's constraint against that cluster.
    return diagnoseHelm(input);
  },
  "helm-current-release-manifest-unbuildable": (input) => {
    const object = input.capture("object");
    const kind = input.capture("kind");
    const api = input.capture("apiVersion");
    const what = kind && api ? `${kind} ${api}` : "an API version";
    return {
      headline: `helm could not rebuild the release as last deployed: its stored manifest${object ? ` (object "${object}")` : ""} uses ${what} this Kubernetes no longer serves, left there by an upgrade of the cluster past that API's removal.`,
      versions: captureRoles(input),
    };
  },
  "kube-minor-plus-unparsed": (input) => {
    const reported = input.capture("reported");
    if (reported) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the server reports its minor as "${reported.replace(/^v?1\./, "")}" (the "+" of EKS, GKE, OKD and other vendor builds) and this tool fails to parse it; a parsing bug in the tool, fixed in later releases of most.`,
        versions: captureRoles(input),
        fixes: ["Upgrade the tool to a release that parses vendor minors (directpv after #534, kubecfg after #175, VictoriaMetrics operator 0.23.2, cloudnative-pg after #946)."],
      };
    }
    const field = input.capture("field") ?? "version";
    // The Kubernetes version itself empty is no older data read by a newer tool: a server build that reported no
    // Major/Minor (minikube's Kubernetes 1.9.0 under kubeapps, vmware-tanzu/kubeapps#231) or a flag not in the form the
    // tool parses (minikube 0.30 given --kubernetes-version 1.12.1 without its "v", kubernetes/minikube#3253).
    if (/^(?:kubernetes|k8s)\s*version$/i.test(field)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the tool got an empty Kubernetes version to parse, from a server build that reports none in its version fields or from a --kubernetes-version written in a form the tool does not parse (a missing leading "v").`,
        fixes: ["Give the Kubernetes version in the form the tool documents (minikube: v1.12.1); against a server that reports empty Major/Minor, upgrade the tool to one that reads GitVersion, or the server to a later patch."],
      };
    }
    return {
      verdict: "warning",
      headline: `The tool found the ${field} empty and could not parse it: often a field that an older CRD, bundle or config lacks because the tool is newer than what it reads (aws/eks-anywhere#2373), or an unset value.`,
      versions: captureRoles(input),
    };
  },
  "gke-version-invalid": (input) => {
    const requested = input.capture("requested");
    if (requested) {
      return {
        headline: `GKE refused ${requested}: that version is not (or no longer) among the versions the zone offers; GKE retires each 1.x.y-gke.N some months after it ships.`,
        versions: captureRoles(input),
      };
    }
    return {
      verdict: "warning",
      headline: "GKE answered \"Version is invalid\" without naming it: most often a pinned version GKE has retired from the zone, or a version string GKE does not know.",
      versions: captureRoles(input),
    };
  },
  "aks-agentpool-versions-mixed": (input) => ({
    headline: "AKS refused a whole-cluster update because the agent pools' versions are not all the control plane's (or not all omitted): a pool left on another version makes every managed-cluster update fail.",
    versions: captureRoles(input),
  }),
  "rosa-role-policy-version-behind": (input) => {
    const target = input.capture("target");
    return {
      headline: target
        ? `ROSA will not upgrade to ${target} until the account and operator role policies are upgraded to that OpenShift version: the roles were created for an older one.`
        : `ROSA stopped the upgrade: the ${(input.capture("roles") ?? "account").toLowerCase()} role policies are older than the target OpenShift version and were not upgraded.`,
      versions: captureRoles(input),
      ...(target ? { fixes: [`Run rosa upgrade roles -c <cluster> --cluster-version=${target} --mode=auto (older rosa: rosa upgrade account-roles, then operator-roles), then rosa upgrade cluster again, with -m auto in CI.`] } : {}),
    };
  },
  "helm-tiller-downgrade-refused": (input) => ({
    headline: "helm init --upgrade refused to touch Tiller: the Tiller in the cluster is a newer helm 2 release than this helm client, and helm only moves Tiller forward without --force-upgrade.",
    versions: captureRoles(input),
  }),
  "k3d-node-log-line-timeout": (input) => {
    const line = input.capture("logLine") ?? "";
    const why =
      line === "Cluster dns configmap"
        ? "that line is one k3s releases before 1.19 never print, and k3d 5.2+ waits for it (k3d-io/k3d#897)"
        : line === "Containerd is now running"
          ? "k3s dropped that line in 2023, and multi-server k3d releases before the fix still wait for it (k3d-io/k3d#1248)"
          : input.capture("restarting")
            ? "the k3s container is restarting: in CI most often a k3d older than the k3s image it starts (k3d before 5.7.4 with the k3s images of late 2024)"
            : "the k3s container stopped first: a k3d and k3s image from different eras, or k3s failing on the host";
    return {
      headline: `k3d gave up waiting for "${line}" from ${input.capture("node") ?? "the node"}: ${why}.`,
      versions: captureRoles(input),
    };
  },
  "eksctl-coredns-asset-missing": (input) => ({
    headline: `This eksctl has no CoreDNS manifest for Kubernetes ${input.capture("kubernetes") ?? "this minor"}: the release predates the cluster's minor (or shipped without its asset); a newer eksctl, or the EKS-managed CoreDNS add-on, updates it.`,
    versions: captureRoles(input),
  }),
  "tanzu-tkr-unresolved": (input) => ({
    headline: `No Tanzu Kubernetes release on this management cluster matches ${input.capture("requested") ?? "the requested version"} for ${input.capture("parts") ?? "the cluster"}: most often a TKR of another TKG release, sometimes only an OS image selector nothing matches.`,
    versions: captureRoles(input),
  }),
  "microk8s-addon-not-in-repository": (input) => {
    const addon = input.capture("addon") ?? "";
    const since = MICROK8S_CORE_ADDONS_SINCE[addon];
    if (since) {
      return {
        headline: `"${addon}" is a core addon since MicroK8s ${since}: a node refreshed from an older release keeps that release's addons checkout (snap refreshes leave addons alone), so the addon is missing until microk8s addons repo update core.`,
        versions: [...captureRoles(input), { name: "addonSince", version: since, role: `first MicroK8s release with ${addon}`, source: "MicroK8s addon docs" }],
        fixes: ["Run microk8s addons repo update core, then microk8s enable again."],
      };
    }
    // An addon this table does not place (a community addon on an architecture it is not built for, a typo) reads the
    // same, and is no more often a stale checkout than anything else (canonical/microk8s-community-addons#62).
    return {
      verdict: "not-skew",
      headline: `MicroK8s has no addon "${addon}" in its addon repositories: an addon not built for this architecture, one in the community repository (microk8s enable community), or a typo; after a snap refresh, also an addons checkout older than the snap.`,
      versions: captureRoles(input),
    };
  },
};
