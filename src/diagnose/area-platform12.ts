import type { Diagnoser } from "./context.js";
import { captureRoles } from "./context.js";
import { diagnoseManagedVersion } from "./ecosystem.js";
import { minorDelta, parseKubeVersion } from "./versions.js";

// Diagnosers for the sixth session's platform signatures (src/signatures/platform12.ts); spread into platformDiagnosers.

/** The oldest Karpenter release that supports each Kubernetes minor (karpenter.sh/docs/upgrading/compatibility). */
const KARPENTER_MINIMUM: Record<string, string> = {
  "1.23": "0.21",
  "1.24": "0.21",
  "1.25": "0.25",
  "1.26": "0.28",
  "1.27": "0.28",
  "1.28": "0.31",
  "1.29": "0.34",
  "1.30": "0.37",
  "1.31": "1.0.5",
  "1.32": "1.2",
  "1.33": "1.5",
  "1.34": "1.6",
  "1.35": "1.9",
  "1.36": "1.13",
};

/**
 * ClusterConfig fields eksctl added after its first releases, with where the threads place them: a field in this list
 * refused by eksctl is that eksctl being older than the config.
 */
const EKSCTL_FIELDS: Record<string, { since: string; release: string }> = {
  wellKnownPolicies: { since: "eksctl 0.37 (0.36 lacks it, 0.38 reads it; eksctl-io/eksctl#3293)", release: "0.38" },
  podIdentityAssociations: { since: "the eksctl releases of late 2023 that added EKS Pod Identity", release: "a 2024 release" },
  accessConfig: { since: "the eksctl releases of early 2024 that added EKS access entries", release: "0.169" },
};

/** Keys of ClusterConfig's metadata or of another tool's spec: refused where they stand, in every eksctl. */
const MISPLACED_KEYS = new Set(["name", "region", "version", "tags", "spec", "metadata", "kind", "apiVersion", "instanceType", "desiredCapacity"]);

/** AKS add-on names the Azure CLI has taken (acs ADDONS and aks-preview); one refused by az is newer than the CLI. */
const AKS_ADDONS = new Set([
  "http_application_routing",
  "monitoring",
  "virtual-node",
  "kube-dashboard",
  "azure-policy",
  "ingress-appgw",
  "confcom",
  "open-service-mesh",
  "azure-keyvault-secrets-provider",
  "gitops",
  "web_application_routing",
]);

export const platform12Diagnosers: Record<string, Diagnoser> = {
  "karpenter-kubernetes-version-incompatible": (input) => {
    const k8s = input.version("kubernetes");
    const minor = k8s ? `${k8s.major}.${k8s.minor}` : undefined;
    const minimum = minor ? KARPENTER_MINIMUM[minor] : undefined;
    return {
      headline: minimum
        ? `Karpenter refuses Kubernetes ${minor}: this Karpenter release predates its support for ${minor}, which starts at Karpenter ${minimum}.`
        : `Karpenter refuses Kubernetes ${input.capture("kubernetes") ?? "the cluster's version"}: the cluster's minor is outside the window this Karpenter release supports.`,
      versions: [
        ...captureRoles(input),
        ...(minimum ? [{ name: "karpenterMinimum", version: minimum, role: `oldest Karpenter that supports ${minor}`, source: "Karpenter compatibility matrix" }] : []),
      ],
      ...(minimum ? { fixes: [`Upgrade Karpenter (chart, CRDs and controller) to ${minimum} or later before (or right after) moving the control plane to ${minor}.`] } : {}),
    };
  },
  "eksctl-config-api-version": (input) => {
    const api = input.capture("apiVersion") ?? "";
    const version = api.slice(api.indexOf("/") + 1);
    if (version === "v1alpha5") {
      return {
        headline: "This eksctl predates the eksctl.io/v1alpha5 ClusterConfig (added in the 0.1.2x releases of 2019): the config is newer than the binary.",
        versions: captureRoles(input),
        fixes: ["Upgrade eksctl; every release since 2019 reads eksctl.io/v1alpha5."],
      };
    }
    if (/^v1alpha[1-4]$/.test(version)) {
      return {
        headline: `${api} was dropped by eksctl in the 0.1.3x releases: the config was written for an older eksctl than the one reading it.`,
        versions: captureRoles(input),
        fixes: ["Rewrite the config as apiVersion: eksctl.io/v1alpha5 (the schema at eksctl.io/usage/schema), or run the eksctl it was written for."],
      };
    }
    return {
      verdict: "warning",
      headline: `eksctl does not register ClusterConfig at ${api}: eksctl only reads eksctl.io/v1alpha5 today.`,
      versions: captureRoles(input),
    };
  },
  "eksctl-config-field-unknown": (input) => {
    const field = input.capture("field") ?? "";
    const known = EKSCTL_FIELDS[field];
    if (known) {
      return {
        verdict: "cause",
        headline: `This eksctl does not know ClusterConfig's ${field}, added in ${known.since}: the config was written for a newer eksctl than the one installed.`,
        versions: captureRoles(input),
        fixes: [`Upgrade eksctl (${known.release} or later reads ${field}).`],
      };
    }
    if (MISPLACED_KEYS.has(field)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: every eksctl refuses "${field}" where it stands, a key indented under the wrong parent (name/region belong under metadata), or an EKS Anywhere spec given to plain eksctl.`,
        versions: captureRoles(input),
        fixes: ["Fix the indentation against eksctl.io/usage/schema; use eksctl anywhere create cluster for an EKS Anywhere Cluster spec."],
      };
    }
    return {
      verdict: "warning",
      headline: `eksctl does not know the ClusterConfig field "${field}": a field of a newer eksctl, or a misplaced or mistyped key.`,
      versions: captureRoles(input),
    };
  },
  "eksa-version-skew-refused": (input) => {
    const bundle = input.capture("bundle");
    if (bundle === "0") {
      // aws/eks-anywhere#5762: manifest number 0 is a bundles file that did not parse as one (a release manifest or a
      // download of another layout passed to --bundles-override), not a release that lacks the minor.
      return {
        verdict: "warning",
        headline: `The bundles manifest read has number 0, so it is probably not an EKS-A bundles manifest at all (a wrong file given to --bundles-override); Kubernetes ${input.capture("kubernetes")} may well be supported by the release.`,
        versions: captureRoles(input),
      };
    }
    if (bundle) {
      return {
        headline: `This EKS Anywhere release (bundles manifest ${bundle}) does not ship Kubernetes ${input.capture("kubernetes")}: the CLI is older than that Kubernetes version, or newer and has dropped it.`,
        versions: captureRoles(input),
      };
    }
    const components = input.capture("managementComponents");
    if (components) {
      return {
        headline: `The management components (EKS-A ${components}) are more than one minor ahead of the cluster's eksaVersion ${input.capture("clusterEksa")}: upgrade the workload cluster's eksaVersion before the management components move on.`,
        versions: captureRoles(input),
      };
    }
    const from = input.version("from");
    const to = input.version("to");
    if (from && to) {
      const minors = minorDelta(to, from);
      return {
        headline: `EKS Anywhere upgrades one minor at a time: ${input.capture("from")} to ${input.capture("to")} skips ${minors - 1} minor release${minors === 2 ? "" : "s"}.`,
        versions: captureRoles(input),
        skew: { minors, policy: "eksaVersion upgrades move one minor at a time", supported: false },
      };
    }
    return {
      headline: `The workload cluster would use EKS-A bundle ${input.capture("workloadBundle")}, newer than the management cluster ${input.capture("management") ?? ""}'s bundle ${input.capture("managementBundle")}: upgrade the management cluster first.`,
      versions: captureRoles(input),
    };
  },
  "openshift-ansible-version-mismatch": (input) => {
    // OpenShift 3.x builds have four parts (3.3.1.3); X.Y.Z is enough to compare releases.
    const xyz = (name: string) => parseKubeVersion((input.capture(name) ?? "").replace(/^(v?\d+\.\d+(?:\.\d+)?).*$/, "$1"));
    const detected = xyz("detected");
    const requested = xyz("requested");
    if (detected && requested && minorDelta(detected, requested) === 0) {
      // openshift/openshift-ansible#2854: a full n.v.r pinned in openshift_release (it takes X.Y) fails on the next errata.
      return {
        verdict: "warning",
        headline: `openshift_release pins ${input.capture("requested")} while the repositories provide ${input.capture("detected")}, the same ${detected.major}.${detected.minor}: openshift_release takes only X.Y; pin exact builds with openshift_pkg_version.`,
        versions: captureRoles(input),
      };
    }
    return {
      headline: `The hosts' repositories provide OpenShift ${input.capture("detected")}, not the ${input.capture("requested")} the inventory's openshift_release asks for: inventory and repositories are for different releases.`,
      versions: captureRoles(input),
    };
  },
  "kubermatic-cni-upgrade-step": (input) => {
    const from = input.version("from");
    const to = input.version("to");
    const minors = from && to ? minorDelta(to, from) : undefined;
    if (minors === 0) {
      // kubermatic/kubermatic#12083: the webhook refused a patch bump.
      return {
        verdict: "not-skew",
        headline: `Not a version skew: ${input.capture("from")} to ${input.capture("to")} is a patch change, which Kubermatic's one-minor rule allows; the webhook's refusal is a Kubermatic bug (kubermatic/kubermatic#12083).`,
        versions: captureRoles(input),
        fixes: ["Label the cluster unsafe-cni-upgrade for the change, or upgrade Kubermatic to a release with the fixed check."],
      };
    }
    if (minors !== undefined && minors < 0) {
      return { verdict: "warning", headline: `Kubermatic refused to move the CNI back from ${input.capture("from")} to ${input.capture("to")}.`, versions: captureRoles(input) };
    }
    return {
      headline: `The CNI change from ${input.capture("from")} to ${input.capture("to")} skips a minor; Kubermatic moves the user cluster's CNI one minor at a time.`,
      versions: captureRoles(input),
      ...(minors === undefined ? {} : { skew: { minors, policy: "one CNI minor per change", supported: false } }),
    };
  },
  "webhook-admission-review-versions-unsupported": (input) => {
    const listed = (input.capture("listed") ?? "").replace(/[\\"]/g, "").split(/[\s,]+/).filter(Boolean);
    const accepted = (input.capture("accepted") ?? "").split(/[\s,]+/).filter(Boolean);
    const known = new Set(["v1", "v1beta1"]);
    if (listed.length === 0 || listed.some((v) => !known.has(v))) {
      // intel/intel-device-plugins-for-kubernetes#547: "v1beta" is no AdmissionReview version of any release.
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the webhook configuration lists ${listed.join(", ") || "nothing"}, which no Kubernetes release accepts as an AdmissionReview version (a typo); use v1 and/or v1beta1.`,
        versions: captureRoles(input),
      };
    }
    const onlyBeta = accepted.length === 1 && accepted[0] === "v1beta1";
    return {
      headline: onlyBeta
        ? `The webhook configuration lists only ${listed.join(", ")}, but this API server (Kubernetes 1.16 or older) accepts only v1beta1 AdmissionReview: the chart was written for Kubernetes 1.17+.`
        : `The webhook configuration lists ${listed.join(", ")}, none of which this API server accepts (${accepted.join(", ")}).`,
      versions: [...captureRoles(input), ...(onlyBeta ? [{ name: "v1OnlySince", version: "1.17", role: "first Kubernetes that accepts v1-only webhooks", source: "kubernetes/kubernetes#82025" }] : [])],
    };
  },
  "az-cli-aks-addon-unknown": (input) => {
    const addon = input.capture("addon") ?? "";
    if (AKS_ADDONS.has(addon)) {
      return {
        headline: `This Azure CLI (or its aks-preview extension) predates the AKS add-on "${addon}": upgrade az before enabling it.`,
        versions: captureRoles(input),
      };
    }
    if (input.capture("suggested")) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: "${addon}" is no AKS add-on name, and az suggests the closest one it knows (a typo).`,
        versions: captureRoles(input),
      };
    }
    return {
      verdict: "warning",
      headline: `az does not know the AKS add-on "${addon}": an add-on newer than this CLI, one of the aks-preview extension, or a mistyped name.`,
      versions: captureRoles(input),
    };
  },
  "karpenter-api-version-removed": (input) => {
    const api = input.capture("apiVersion") ?? "";
    const version = api.slice(api.indexOf("/") + 1);
    const kind = input.capture("kind") ?? "";
    const removed = /^v1alpha/.test(version) ? "v0.33" : version === "v1beta1" ? "v1.1" : undefined;
    return {
      verdict: "warning",
      headline: removed
        ? `The cluster serves no ${kind} at ${api}: Karpenter removed that API in ${removed}, so the manifest is older than the installed Karpenter (unless Karpenter's CRDs are not installed at all).`
        : `The cluster serves no ${kind} at ${api}: Karpenter is not installed, or older than the release that serves ${version}.`,
      versions: [...captureRoles(input), ...(removed ? [{ name: "removedIn", version: removed, role: `Karpenter release that removed ${api}`, source: "Karpenter upgrade guides" }] : [])],
    };
  },
  // terraform-provider-azurerm's client-side orchestrator_version check: the version is looked up in the list AKS returns
  // for the cluster, which is empty or short of the pool's own version for retired or LTS versions (hashicorp/
  // terraform-provider-azurerm#8147, #15477, #16173: pool and cluster on one version). The message goes on to say which
  // version the cluster runs; only that line tells a pool ahead of its control plane (hashicorp/terraform-provider-azurerm#23223)
// from the provider's bug, so the bare line stays a warning.
  "managed-version-unsupported": (input) => {
    if (!/Kubernetes\/Orchestrator\s+Version/.test(input.finding.text)) return diagnoseManagedVersion(input);
    const requested = input.capture("requested");
    const after = input.finding.context.after.map((l) => l.text).join("\n");
    const running =
      /Kubernetes\s+Cluster\s+is\s+running\s+version\s+\\?"?(\d+\.\d+(?:\.\d+)?)/.exec(after)?.[1] ?? input.hint("aks-control-plane")?.hint.version;
    const want = requested ? parseKubeVersion(requested) : undefined;
    const cluster = running ? parseKubeVersion(running) : undefined;
    if (want && cluster && (minorDelta(want, cluster) > 0 || (minorDelta(want, cluster) === 0 && (want.patch ?? 0) > (cluster.patch ?? 0)))) {
      return {
        verdict: "cause",
        headline: `The node pool asks for Kubernetes ${requested}, newer than the ${running} its cluster's control plane runs: upgrade the control plane first.`,
        versions: [...captureRoles(input), { name: "controlPlane", version: running!, role: "control plane version", source: `the message's next lines (${input.where})` }],
      };
    }
    return diagnoseManagedVersion(input);
  },
};
