import semver from "semver";
import type { KubeVersion } from "../model.js";
import { captureRoles, hintRole, type DiagnoseInput, type Diagnoser, type DiagnosisPart } from "./context.js";
import { misspeltFlagDismissal } from "./area-core16.js";
import { ADDED_FLAGS, BUILTIN_GROUPS, COMPONENT_CONFIG_APIS, KIND_GROUPS, KUBEADM_ONLY_FLAGS, REMOVED_APIS, REMOVED_FEATURE_GATES, REMOVED_FLAGS, REMOVED_KUBELET_FLAGS } from "./tables.js";
import { majorMinor, minorDelta, minorsText, parseKubeVersion, toSemver } from "./versions.js";
import { crdVersionFinding } from "./area-api12.js";
import { splitGroupVersion } from "../kube/versions.js";

// Reasoning for messages with two sides (client/server, kubelet/control plane, kubeadm/target, …):
// the minor distance between them and the policy that says how far apart they may be.

const KUBELET_POLICY = "kubelet may be up to 3 minors older than kube-apiserver (2 before 1.28), never newer";
const KUBECTL_POLICY = "kubectl is supported within ±1 minor of kube-apiserver";
const KUBEADM_POLICY = "kubeadm deploys its own minor or one older, and upgrades one minor at a time";
const CAPI_UPGRADE_POLICY = "Kubernetes upgrades go one minor at a time and never down";

function skewOf(a: KubeVersion | undefined, b: KubeVersion | undefined, policy: string, supported: (d: number) => boolean) {
  if (!a || !b) return undefined;
  const minors = minorDelta(a, b);
  return { minors, policy, supported: supported(minors) };
}

/** Adds a hint row (a version seen elsewhere in the job) when the line lacks that side. */
function withHint(input: DiagnoseInput, part: DiagnosisPart, name: string, role: string, ...roles: string[]): KubeVersion | undefined {
  const h = input.hint(...roles);
  if (!h) return undefined;
  part.versions = [...(part.versions ?? captureRoles(input)), hintRole(name, h.hint.version, role, h.hint)];
  return h.version;
}

export const diagnoseKubectlSkew: Diagnoser = (input) => {
  const client = input.version("client");
  const server = input.version("server");
  const skew = skewOf(client, server, KUBECTL_POLICY, (d) => Math.abs(d) <= 1);
  const d = skew?.minors ?? 0;
  return {
    headline: `kubectl ${input.capture("client")} is ${minorsText(d)} ${d >= 0 ? "newer" : "older"} than the ${input.capture("server")} API server (supported: ±${input.capture("allowedSkew") ?? "1"}).`,
    versions: captureRoles(input),
    ...(skew ? { skew } : {}),
    reasoning: ["If the job failed on something else, this is a contributing signal: commands that use newer or removed APIs may behave differently."],
  };
};

export const diagnoseOpenApi: Diagnoser = (input) => {
  const part: DiagnosisPart = {
    headline: `kubectl could not parse the server's OpenAPI schema${input.capture("schemaPath") ? ` (${input.capture("schemaPath")})` : ""}: kubectl is too old for this API server.`,
    versions: captureRoles(input),
  };
  const client = withHint(input, part, "client", "kubectl (client) version", "client");
  const server = withHint(input, part, "server", "API server version", "server");
  const skew = skewOf(client, server, KUBECTL_POLICY, (d) => Math.abs(d) <= 1);
  if (skew) part.skew = skew;
  return part;
};

export const diagnoseKubeadmCpTooOld: Diagnoser = (input) => {
  const min = input.version("minControlPlane");
  const requested = input.version("requested");
  const kubeadm = min ? { ...min, minor: min.minor + 1, raw: `${min.major}.${min.minor + 1}` } : undefined;
  const versions = captureRoles(input);
  // kubeadm upgrade's wording names the target and the cluster, not the minimum.
  if (!min) {
    const cluster = input.capture("cluster");
    return {
      headline: `kubeadm refuses to upgrade to ${input.capture("requested") ?? "the requested version"}: it is at or below the oldest control plane this kubeadm supports${cluster ? ` (the cluster runs ${cluster})` : ""}.`,
      versions,
      reasoning: ["kubeadm supports control planes of its own minor and one minor older; a target below that is a downgrade or a typo in --version, or a kubeadm binary newer than intended."],
    };
  }
  if (kubeadm) versions.push({ name: "kubeadm", version: kubeadm.raw, role: "kubeadm version (inferred: minimum + 1 minor)", source: "inferred from the minimum" });
  const skew = skewOf(kubeadm, requested, KUBEADM_POLICY, (d) => d <= 1 && d >= 0);
  return {
    headline: `kubeadm ${kubeadm?.raw ?? ""} cannot deploy ${input.capture("requested") ? `control plane ${input.capture("requested")}` : "the requested control plane"}: it supports ${input.capture("minControlPlane")} and newer${skew ? `, and the request is ${minorsText(skew.minors)} older than kubeadm` : ""}.`,
    versions,
    ...(skew ? { skew } : {}),
    reasoning: ["kubeadm supports control planes of its own minor and one minor older. An unpinned kubeadm package usually moved ahead of the requested kubernetesVersion."],
  };
};

export const diagnoseK8sNewerThanKubeadm: Diagnoser = (input) => {
  const k8s = input.version("kubernetes");
  const kubeadm = input.version("kubeadmMinor");
  const skew = skewOf(k8s, kubeadm, "kubeadm should be at least as new as the Kubernetes version it deploys", (d) => d <= 0);
  return {
    headline: `Preflight warning: Kubernetes ${input.capture("kubernetes")} is ${skew ? minorsText(skew.minors) + " " : ""}newer than kubeadm ${input.capture("kubeadmMinor")}.`,
    versions: captureRoles(input),
    ...(skew ? { skew } : {}),
    reasoning: ["kubeadm continues after this warning; it is the cause only if nothing fatal follows."],
  };
};

export const diagnoseKubeletNewer: Diagnoser = (input) => {
  const skew = skewOf(input.version("kubelet"), input.version("controlPlane"), KUBELET_POLICY, (d) => d <= 0);
  return {
    headline: input.capture("kubelet")
      ? `The kubelet ${input.capture("kubelet")} is ${skew ? minorsText(skew.minors) + " " : ""}newer than the control plane ${input.capture("controlPlane") ?? ""}; kubelets may lag the API server but never lead it.`
      : "The kubelet is a newer minor than the control plane; kubelets may lag the API server but never lead it.",
    versions: captureRoles(input),
    ...(skew ? { skew } : {}),
    reasoning: ["The node's packages or image are newer than the --kubernetes-version the job asked for."],
  };
};

export const diagnoseKubeletTooOld: Diagnoser = (input) => {
  const part: DiagnosisPart = { headline: `The kubelet ${input.capture("kubelet")} is older than the oldest kubelet this kubeadm supports.`, versions: captureRoles(input) };
  const kubeadm = withHint(input, part, "kubeadm", "kubeadm / Kubernetes version of the job", "kubeadm", "kubernetes", "target");
  const skew = skewOf(kubeadm, input.version("kubelet"), KUBELET_POLICY, (d) => d >= 0 && d <= 3);
  if (skew) {
    part.skew = skew;
    part.headline = `The kubelet ${input.capture("kubelet")} is ${minorsText(skew.minors)} older than kubeadm ${kubeadm?.raw}, more than kubeadm supports.`;
  }
  return part;
};

export const diagnoseUpgradeKubeadmTooOld: Diagnoser = (input) => {
  const target = input.version("target");
  const kubeadmMinor = input.capture("kubeadmMinor");
  const kubeadm = input.version("kubeadm") ?? (target && kubeadmMinor ? parseKubeVersion(`${target.major}.${kubeadmMinor}`) : undefined);
  const skew = skewOf(target, kubeadm, KUBEADM_POLICY, (d) => d <= 0);
  return {
    headline: `The upgrade target ${input.capture("target")} is ${skew ? minorsText(skew.minors) + " " : ""}newer than kubeadm ${kubeadm ? majorMinor(kubeadm) : ""}: upgrade kubeadm before running kubeadm upgrade apply.`,
    versions: captureRoles(input),
    ...(skew ? { skew } : {}),
  };
};

export const diagnoseTooManyMinors: Diagnoser = (input) => {
  const part: DiagnosisPart = {
    headline: `kubeadm can ${input.capture("direction") ?? "upgrade"} only ${input.capture("maxMinorStep") ?? "1"} minor version at a time; ${input.capture("target")} is further away.`,
    versions: captureRoles(input),
  };
  const cluster = withHint(input, part, "cluster", "current cluster version", "cluster", "server");
  const skew = skewOf(input.version("target"), cluster, KUBEADM_POLICY, (d) => Math.abs(d) <= Number(input.capture("maxMinorStep") ?? 1));
  if (skew) {
    part.skew = skew;
    part.headline = `The ${input.capture("direction") ?? "upgrade"} from ${cluster?.raw} to ${input.capture("target")} spans ${minorsText(skew.minors)}; kubeadm moves ${input.capture("maxMinorStep") ?? "1"} at a time.`;
  }
  return part;
};

export const diagnoseKubeadmTooNew: Diagnoser = (input) => {
  const part: DiagnosisPart = {
    headline: `kubeadm ${input.capture("kubeadm")} only upgrades to Kubernetes ${input.capture("allowedMinor")}; the requested target is another minor.`,
    versions: captureRoles(input),
  };
  const target = withHint(input, part, "target", "requested upgrade target", "target");
  const skew = skewOf(target, input.version("kubeadm"), "kubeadm upgrades only to its own minor", (d) => d === 0);
  if (skew) part.skew = skew;
  return part;
};

export const diagnoseOldKubelets: Diagnoser = (input) => {
  const list = (input.capture("kubelets") ?? "").split(/[\s,]+/).filter(Boolean);
  const part: DiagnosisPart = {
    headline: `Nodes run kubelets too old for the upgrade (${list.join(", ")}): upgrade the nodes first.`,
    versions: list.map((v) => ({ name: "kubelet", version: v, role: "kubelet version in the cluster", source: `the failing line (${input.where})` })),
  };
  const target = withHint(input, part, "target", "upgrade target", "target");
  const oldest = list.map((v) => parseKubeVersion(v)).filter((v) => v !== undefined).sort((a, b) => minorDelta(a, b))[0];
  const skew = skewOf(target, oldest, KUBELET_POLICY, (d) => d <= 3);
  if (skew) part.skew = skew;
  return part;
};

export const diagnoseConfigApiRemoved: Diagnoser = (input) => ({
  headline: `kubeadm no longer reads ${input.capture("configAPIVersion")}${input.capture("kind") ? ` ${input.capture("kind")}` : ""}${input.capture("lastKubeadmSupporting") ? `; the last kubeadm that does is ${input.capture("lastKubeadmSupporting")}` : ""}, so whatever wrote this configuration is older than the kubeadm in the node.`,
  versions: captureRoles(input),
  reasoning: [
    "kind writes the kubeadm configuration for the node image's kubeadm: it uses kubeadm.k8s.io/v1beta2 below 1.23, v1beta3 below 1.36 and v1beta4 after. An old kind binary with a newer kindest/node image writes an API version that the node's kubeadm has dropped.",
    "A Cluster API bootstrap provider or install script that emits an old configuration API fails the same way.",
  ],
});

// clientcmd (the kubeconfig loader) decodes with a scheme that only knows kubeconfig's own kinds: a component
// configuration handed to it (--kubeconfig pointing at the KubeletConfiguration file) fails "not registered"
// whatever the versions.
const KUBECONFIG_LOADER = /clientcmd\/api\/latest|\b[Ee]rror loading config file\b/;

export const diagnoseSchemeKind: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "";
  if (KUBECONFIG_LOADER.test(input.finding.text) && input.capture("kind") !== "Config") {
    // Dismissed, not warned: the wrong file on a flag fails the same on every release (kubernetes/kubernetes#65455,
    // #100773), and the report still lists it with the dismissed matches.
    return {
      verdict: "not-skew",
      headline: `Not a version skew: ${input.capture("kind")} was read by the kubeconfig loader, which knows only kubeconfig files; a component configuration was passed where a kubeconfig is expected.`,
      versions: captureRoles(input),
      causes: ["A --kubeconfig flag (or KUBECONFIG) pointing at a component configuration file (the kubelet's config.yaml, kube-proxy's config), often from a systemd drop-in."],
      fixes: ["Pass the component configuration with --config and the kubeconfig with --kubeconfig."],
    };
  }
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.lastIndexOf("/")) : "";
  // client-go's own scheme (k8s.io/client-go/kubernetes/scheme) registers the built-in kinds only: a tool that decodes a
  // custom resource with it fails "not registered" on every release of the CRD (helm/helm#6132: helm 3 alpha on
  // certmanager.k8s.io/v1alpha1 Certificates, a group that ends in k8s.io but is cert-manager's).
  if (group !== "" && !BUILTIN_GROUPS.has(group) && /client-go\/kubernetes\/scheme/.test(input.capture("scheme") ?? "")) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: ${input.capture("kind")} ${apiVersion} is a custom resource, and the program decoded it with client-go's built-in scheme, which registers no custom resources; a limitation or bug of the tool (helm 3 pre-releases did this), not versions that disagree.`,
      versions: captureRoles(input),
      fixes: ["Upgrade the tool past the release that decodes custom resources with the built-in scheme (helm 3.0.0 final and later), or apply the resource with kubectl."],
      references: ["https://github.com/helm/helm/issues/6132"],
    };
  }
  // Dotted groups outside Kubernetes are CRD types a program forgot to register; dotless groups
  // (batch, bootstraptoken) and *.k8s.io belong to Kubernetes and its tools.
  if (group.includes(".") && !group.endsWith("k8s.io") && !BUILTIN_GROUPS.has(group)) {
    return {
      verdict: "not-skew",
      headline: `${input.capture("kind")} ${apiVersion} is not registered in the program's scheme: a type missing from the code, not a version skew between components.`,
    };
  }
  const known = COMPONENT_CONFIG_APIS[apiVersion];
  if (known?.removedIn || known?.since) {
    const gone = known.removedIn;
    return {
      headline: gone
        ? `${input.capture("kind")} ${apiVersion} was removed from ${known.component} in Kubernetes ${gone}${known.since ? ` (it was read from ${known.since})` : ""}: the configuration was written for an older release than the binary that read it.`
        : `${input.capture("kind")} ${apiVersion} is read by ${known.component} ${known.since} and later: the binary that read it is older than the configuration.`,
      versions: [
        ...captureRoles(input),
        gone
          ? { name: "apiRemovedIn", version: gone, role: `release that stopped reading ${apiVersion}`, source: "component-config API table" }
          : { name: "apiSince", version: known.since!, role: `first release that reads ${apiVersion}`, source: "component-config API table" },
      ],
      fixes: gone
        ? [`Move the configuration to an API version ${known.component} ${gone} reads (\`kubeadm config migrate\` for kubeadm's), or run the release it was written for.`]
        : [`Run ${known.component} ${known.since} or newer, or write the configuration in an API version this binary reads.`],
    };
  }
  return {
    headline: `A decoder does not know ${input.capture("kind")} ${apiVersion}: the configuration was written for another version of the program reading it.`,
    versions: captureRoles(input),
  };
};

export const diagnoseEtcd: Diagnoser = (input) => ({
  headline: `External etcd ${input.capture("etcd")} is older than ${input.capture("minEtcd")}, the oldest this kubeadm supports.`,
  versions: captureRoles(input),
});

/**
 * CRD groups whose operators moved their kinds between versions across releases, where "no matches" for a version
 * says more often that the installed CRDs are another release than the client's than that nothing is installed:
 * the flux CLI and controllers (kustomize.toolkit.fluxcd.io v1beta1 → v1beta2 → v1, helm.toolkit.fluxcd.io
 * v2beta1 → v2beta2 → v2) and Gateway API, whose v1.0 CRDs stopped serving v1alpha2 for its core kinds.
 */
function operatorVersionMoved(group: string, version: string, kind: string): string | undefined {
  if (/^[a-z]+\.toolkit\.fluxcd\.io$/.test(group) && /^v\d+(?:alpha|beta)?\d*$/.test(version)) {
    return `the Flux CRDs in the cluster are another release than the flux CLI or manifests that ask for ${version} (or Flux is not installed); flux CLI and controllers must be upgraded together.`;
  }
  if (group === "gateway.networking.k8s.io" && version === "v1alpha2" && ["Gateway", "GatewayClass", "HTTPRoute"].includes(kind)) {
    return "Gateway API v1.0 and later CRDs no longer serve v1alpha2 for Gateway, GatewayClass and HTTPRoute: the chart or controller was written for an older Gateway API release than the CRDs installed.";
  }
  // GRPCRoute was experimental-channel v1alpha2 until Gateway API v1.1 made it standard at v1 (envoyproxy/gateway#3387:
  // v1.1 standard CRDs under an Envoy Gateway that still asked for v1alpha2). The version may be cut off.
  if (group === "gateway.networking.k8s.io" && kind === "GRPCRoute") {
    return `GRPCRoute is served at v1alpha2 only by the experimental channel (and by Gateway API before v1.1), at v1 by the standard channel from v1.1: the controller or manifest (${version || "version cut off"}) was written for another Gateway API release or channel than the CRDs installed.`;
  }
  return undefined;
}

/** Built-in kinds removed from Kubernetes before a later version of their group existed for them. */
const NEVER_SERVED_AT: Record<string, { group: string; served: string[]; fate: string; fix: string }> = {
  PodSecurityPolicy: {
    group: "policy",
    served: ["policy/v1beta1", "extensions/v1beta1"],
    fate: "Kubernetes 1.25 removed the API with no successor",
    fix: "Drop the PodSecurityPolicy (and the chart's psp/pspEnabled value) and use Pod Security Admission labels; on a cluster before 1.25, keep apiVersion policy/v1beta1.",
  },
};

export const diagnoseNoKindMatch: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "";
  const kind = completeKind(input.capture("kind") ?? "");
  // Terraform's kubernetes_manifest names only the group ("no matches for kind "PodMonitor" in group "monitoring.coreos.com"").
  const groupOnly = apiVersion !== "" && !apiVersion.includes("/") && !/^v\d/.test(apiVersion);
  const group = groupOnly ? apiVersion : apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.lastIndexOf("/")) : "";
  // OpenShift's cluster-bootstrap (bootkube.sh) applies every manifest in a loop, printing this for each one whose
  // kind is not served yet, while the API server starts and the CRDs it installs become established (okd-project/okd#577,
  // #680, openshift/installer#4187: even apiextensions.k8s.io/v1 CRDs). Start-up noise, whatever the group.
  if (/unable\s+to\s+get\s+REST\s+mapping\s+for/.test(input.finding.text)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: cluster-bootstrap retries each manifest until ${kind} ${apiVersion} is served, and prints this on every retry while the API server starts and its CRDs are established; the error that ended the bootstrap is elsewhere in the log.`,
      fixes: ["Look for the bootstrap's own failure (openshift-install gather bootstrap collects it): an unhealthy etcd or API server, or an operator that did not come up."],
    };
  }
  const removed = REMOVED_APIS[apiVersion];
  if (removed) {
    const part: DiagnosisPart = {
      headline: `${kind} ${apiVersion} was removed in Kubernetes ${removed.removedIn}: the manifest targets an older Kubernetes than the cluster runs.`,
      versions: [...captureRoles(input), { name: "removedIn", version: removed.removedIn, role: `release that stopped serving ${apiVersion}`, source: "removal table" }],
      fixes: [`Move the manifest to ${removed.replacement}.`, "Or run the job against a Kubernetes older than " + removed.removedIn + " if that is what the manifests are for."],
    };
    // kubectl apply --prune walks a list of kinds built into kubectl: an older kubectl still lists the removed version.
    if (/RESTMappings\s+to\s+prune/.test(input.finding.text)) {
      part.headline = `kubectl apply --prune looks up ${kind} ${apiVersion}, which Kubernetes removed in ${removed.removedIn}: the kubectl is older than the cluster, and its built-in prune list still names the removed version.`;
      part.fixes = ["Use a kubectl of the cluster's minor (its prune list follows the served APIs), or pass the kinds to prune with --prune-allowlist."];
    }
    const server = withHint(input, part, "server", "API server version", "server", "kubernetes", "binary", "node-image");
    const removedV = parseKubeVersion(removed.removedIn);
    if (server && removedV) part.skew = skewOf(server, removedV, `${apiVersion} is served before ${removed.removedIn} only`, (d) => d < 0);
    return part;
  }
  // A kind Kubernetes removed before it ever reached the version the manifest names: no release served it there. Charts
  // that pick an API by the cluster's capabilities render it so on 1.21+ (PodSecurityPolicy given the PodDisruptionBudget's
  // policy/v1: helm/helm#11594), so the cluster's release shows the chart's mistake: a warning, not a skew cause.
  const neverServed = NEVER_SERVED_AT[kind];
  if (neverServed && neverServed.group === group && !neverServed.served.includes(apiVersion)) {
    return {
      verdict: "warning",
      headline: `No Kubernetes release served ${kind} as ${apiVersion}: it was served as ${neverServed.served.join(" and ")} only, and ${neverServed.fate}. A chart or manifest gave it a version it never had, often by choosing the API from the cluster's capabilities.`,
      versions: captureRoles(input),
      fixes: [neverServed.fix],
    };
  }
  // Every release serves the core group's v1: a core kind missing there is a client whose discovery failed (a
  // kubeconfig for another server, an unreachable aggregated API), not a version the cluster stopped serving.
  if (apiVersion === "v1" && KIND_GROUPS[kind]?.includes("")) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: every Kubernetes release serves ${kind} in the core group v1; the client's API discovery failed (check the kubeconfig and kubectl api-resources).`,
    };
  }
  // A dry run of a bundle that also holds the CRDs (flux bootstrap's first apply) fails the same way while the CRDs
  // are not established yet: ordering, not versions.
  const inBundle = /dry-run\s+failed/.test(input.finding.text);
  // A group cut mid-word ("gateway.networking.k") is completed when it can only be Gateway API's.
  const cutGroup = groupOnly && group.length >= 12 && "gateway.networking.k8s.io".startsWith(group) ? "gateway.networking.k8s.io" : undefined;
  const moved = cutGroup && !inBundle
    ? operatorVersionMoved(cutGroup, "", kind)
    : group && !inBundle && !groupOnly ? operatorVersionMoved(group, apiVersion.slice(group.length + 1), kind) : undefined;
  if (moved) {
    return {
      verdict: "warning",
      headline: `No CRD serves ${kind} ${apiVersion}: ${moved}`,
      versions: captureRoles(input),
      reasoning: [`Check which versions the cluster's CRD serves: kubectl get crd -o jsonpath='{.spec.versions[*].name}' for the ${kind} CRD of ${group}.`],
      fixes: ["Upgrade the CRDs (flux install / flux bootstrap, the Gateway API release bundle) to the release the client and manifests are written for, or write the manifests for the served version."],
    };
  }
  // An operator's group with a known history: a version no release served, or one a later release dropped.
  const crd = group && !groupOnly && !inBundle && !BUILTIN_GROUPS.has(group) ? crdVersionFinding(apiVersion, kind) : undefined;
  if (crd) return { ...crd, versions: captureRoles(input) };
  if (group && !BUILTIN_GROUPS.has(group)) {
    return {
      verdict: "not-skew",
      headline: `No CRD serves ${kind} ${apiVersion}: the CRD is not installed (or not yet established), which is not a version skew.`,
    };
  }
  // A version no release of any group has had ("storage.k8s.io/betav1", ceph/ceph-csi#2039: a chart's typo that its
  // capabilities check fell through to) or a kind misspelt as its plural ("StatefulSets" in apps/v1,
  // kubernetes/kubernetes#96221): the manifest is wrong on every release, so no version skew.
  const { version } = splitGroupVersion(apiVersion);
  // Only a version that does not even start as one (vN): "v1beata1" is a reporter's retyping of v1beta1
  // (yugabyte/yugabyte-operator#48, the error itself said v1beta1), "v***beta***" a runner's masking of a "1" secret.
  if (!groupOnly && BUILTIN_GROUPS.has(group) && /^[A-Za-z][\w.-]+$/.test(version) && !/^v\d/.test(version) && !input.finding.text.includes("***")) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: no Kubernetes release has served ${group} at "${version}", which is not an API version's form (vN, vNalphaM, vNbetaM): a typo in the manifest or chart.`,
      fixes: [`Correct the apiVersion (kubectl api-versions | grep ${group} lists what the cluster serves).`],
    };
  }
  const singular = kind.endsWith("s") ? kind.slice(0, -1) : "";
  if (singular && !KIND_GROUPS[kind] && KIND_GROUPS[singular]?.includes(group)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: the kind is ${singular}, not ${kind} (a manifest's kind is singular); ${apiVersion} serves ${singular}.`,
      fixes: [`Write kind: ${singular}.`],
    };
  }
  // A built-in group that serves a closed set of kinds, asked for another (cert-manager's ClusterIssuer under
  // apiextensions.k8s.io/v1, carlosalexei/aks-workshop#9): the manifest's apiVersion names the wrong group, on any release.
  const closed = CLOSED_GROUP_KINDS[group];
  if (closed && kind !== "" && !closed.some((k) => kind === k || kind === `${k}List`)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: ${group} serves only ${closed.join(", ")} in every Kubernetes release, so ${kind} there is a wrong apiVersion in the manifest (the kind belongs to another group, usually its CRD's).`,
      fixes: [`Set the apiVersion to the group/version of the ${kind} CRD (kubectl api-resources | grep ${kind}).`],
    };
  }
  // An empty version ("no matches for scheduling.k8s.io/, Kind=PriorityClass"): older kubectl's RESTMapper prints none
  // when discovery found no version of the group at all, as for an alpha group not enabled on the very release that has
  // it (kubernetes/kubernetes#54842: PriorityClass on 1.8). Which release would serve it, the line cannot say.
  if (!groupOnly && BUILTIN_GROUPS.has(group) && version === "" && apiVersion.endsWith("/")) {
    return {
      verdict: "warning",
      headline: `The cluster serves no version of ${group} for ${kind}: its API is not enabled on this cluster (an alpha group is off without --runtime-config), or the cluster is older than the first release that serves it.`,
      versions: captureRoles(input),
      reasoning: ["kubectl api-versions | grep " + group + " lists the versions the cluster serves; none listed means the group is off or too new for this release."],
      fixes: [`Enable the group on the API server (--runtime-config=${group}/<version>=true) if the cluster's release has it, or run the job on a release that serves ${kind}.`],
    };
  }
  // A built-in alpha version the removal table does not know: alpha group-versions are off unless the API server is
  // started with --runtime-config=<group>/<version>=true, so a cluster of the very release that has the API refuses
  // it the same way (kubernetes/kubernetes#65685: kubectl create priorityclass asked for scheduling.k8s.io/v1alpha1,
  // which worked once enabled; #53392; kubernetes-sigs/kind#3029 for admissionregistration.k8s.io/v1alpha1; PodPreset
  // threads enabling settings.k8s.io/v1alpha1). A warning naming both readings, not a cause.
  if (!groupOnly && BUILTIN_GROUPS.has(group) && /^v\d+alpha\d+$/.test(version)) {
    return {
      verdict: "warning",
      headline: `The API server does not serve ${kind} ${apiVersion}: alpha API versions are off by default, so either this cluster does not enable it (--runtime-config), or its release no longer (or does not yet) serve that alpha version.`,
      versions: captureRoles(input),
      reasoning: [
        "Kubernetes serves an alpha group-version only when the API server is started with --runtime-config=<group>/<version>=true (and the feature gate, where there is one); kubectl api-versions shows whether it is on.",
        "Alpha versions are also dropped once the API reaches beta or GA: a cluster newer than the manifest no longer serves them at all.",
      ],
      fixes: [`Use the beta or GA version of ${kind} the cluster serves (kubectl api-resources | grep ${kind}), or enable ${apiVersion} on the API server if the alpha is what the job tests.`],
    };
  }
  return {
    headline: `The API server does not serve ${kind} ${apiVersion}: the cluster is older (or newer) than the API the manifest needs.`,
    versions: captureRoles(input),
    reasoning: ["The group is built into Kubernetes, so the cluster's version decides whether it is served; compare the server version with the API's lifecycle."],
  };
};

/** Built-in groups whose kinds every release has been the same few (their list kinds aside). */
const CLOSED_GROUP_KINDS: Record<string, string[]> = {
  "apiextensions.k8s.io": ["CustomResourceDefinition"],
  "apiregistration.k8s.io": ["APIService"],
  "scheduling.k8s.io": ["PriorityClass"],
};

/** A kind cut mid-word ("PodDisruptionBudg"), completed when one built-in kind starts with it. */
function completeKind(kind: string): string {
  if (kind === "" || KIND_GROUPS[kind]) return kind;
  const matches = Object.keys(KIND_GROUPS).filter((k) => k.startsWith(kind));
  return matches.length === 1 && matches[0] ? matches[0] : kind;
}

// Roles of banners that say which release the job runs or moves the cluster to.
const CLUSTER_ROLES = ["target", "server", "cluster", "kubernetes", "node-image"];

/**
 * A deprecation notice is the API server answering a request it still served: nothing failed because of it.
 * It is a warning only when the job ties it to a failure — a banner of the same job puts the cluster (or the
 * upgrade's target) at or past the release that stops serving the API. Otherwise it is a note in the
 * dismissed list (with its versions): on a failed job whose failure is elsewhere, a warning would post a
 * report about a request that succeeded. A removal that did break the job is reported by its own signature
 * (`no matches for kind … in version …`, the server could not find the requested resource) as a cause.
 */
export const diagnoseDeprecation: Diagnoser = (input) => {
  const removedIn = input.version("removedIn");
  const what = `${input.capture("apiVersion")} ${input.capture("kind")}`;
  const part: DiagnosisPart = {
    headline: `${what} is deprecated since ${input.capture("deprecatedIn")}${removedIn ? ` and stops being served in ${input.capture("removedIn")}` : ""}.`,
    versions: captureRoles(input),
    reasoning: ["A warning: the request succeeded. It predicts a failure once the cluster reaches the removal version."],
    ...(input.capture("replacement") ? { fixes: [`Use ${input.capture("replacement")} instead.`] } : {}),
  };
  const past = removedIn
    ? input.context.hints.map((h) => ({ h, v: CLUSTER_ROLES.includes(h.role) ? parseKubeVersion(h.version) : undefined })).find(({ v }) => v && minorDelta(v, removedIn) >= 0)
    : undefined;
  if (past?.v && removedIn) {
    part.versions = [...(part.versions ?? []), hintRole(past.h.role, past.h.version, `${past.h.role} version of the job`, past.h)];
    part.skew = skewOf(past.v, removedIn, `served before ${majorMinor(removedIn)} only`, (d) => d < 0);
    part.verdict = "warning";
    part.headline = `${what} is deprecated and stops being served in ${input.capture("removedIn")}, and this job ${past.h.role === "target" ? "upgrades the cluster to" : "runs"} ${past.h.version} (${past.h.role}, ${past.h.source}): requests for it fail there.`;
    return part;
  }
  const server = withHint(input, part, "server", "API server version", "server");
  if (server && removedIn) part.skew = skewOf(server, removedIn, `served before ${majorMinor(removedIn)} only`, (d) => d < 0);
  part.verdict = "not-skew";
  part.headline = `Deprecation notice, not a failure: the server still serves ${what} (it answered with this notice)${removedIn ? `; it stops being served in ${input.capture("removedIn")}` : ""}. Nothing in this job ties it to a failure.`;
  part.reasoning = [
    "The API server sends this notice with a request it served; the request succeeded.",
    "It becomes a failure once the cluster reaches the removal release: move the manifests before upgrading.",
  ];
  return part;
};

// Feature gates of OpenShift's own feature sets (openshift/api features), which no Kubernetes release has.
const OPENSHIFT_ONLY_GATES = new Set(
  "GatewayAPI CSIDriverSharedResource BuildCSIVolumes NodeDisruptionPolicy MachineConfigNodes ManagedBootImages OnClusterBuild PinnedImages InsightsConfigAPI InsightsOnDemandDataGather InsightsConfig MetricsServer ExternalCloudProvider ExternalCloudProviderAzure ExternalCloudProviderGCP ExternalCloudProviderExternal ExternalOIDC GCPLabelsTags GCPClusterHostedDNS AzureWorkloadIdentity VSphereControlPlaneMachineSet VSphereStaticIPs VSphereMultiVCenters VSphereDriverConfiguration NetworkLiveMigration NetworkDiagnosticsConfig AdminNetworkPolicy AlibabaPlatform BareMetalLoadBalancer ClusterAPIInstall ClusterAPIInstallAWS HardwareSpeed ImagePolicy MachineAPIProviderOpenStack MachineAPIOperatorDisableMachineHealthCheckController MixedCPUsAllocation PrivateHostedZoneAWS SigstoreImageVerification SignatureStores UpgradeStatus EtcdBackendQuota AutomatedEtcdBackup DNSNameResolver InstallAlternateInfrastructureAWS OpenShiftPodSecurityAdmission RouteExternalCertificate NewOLM PlatformOperators ManagedBootImagesAWS MetricsCollectionProfiles OVNObservability PersistentIPsForVirtualization AWSEFSDriverVolumeMetrics ChunkSizeMiB ClusterMonitoringConfig ConsolePluginContentSecurityPolicy".split(" "),
);

export const diagnoseFeatureGate: Diagnoser = (input) => {
  const gate = input.capture("gate") ?? "";
  // Kubernetes' and its add-ons' gates are UpperCamelCase (k8s.io/component-base/featuregate; cert-manager's
  // ExperimentalGatewayAPISupport): a lowerCamel name is a casing typo that no release knows (cert-manager/website#1328).
  if (/^[a-z]/.test(gate) && /[A-Z]/.test(gate)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: feature gate names are UpperCamelCase and "${gate}" starts in lower case, a casing typo (${gate.charAt(0).toUpperCase()}${gate.slice(1)}) that no release would accept.`,
      versions: [],
    };
  }
  // OpenShift hands the cluster's whole feature set (its own gates too) to the kubelet, whose kubenswrapper logs the
  // gates it does not know at W and carries on (okd-project/okd#1793): routine start-up noise, not a refusal.
  if (input.finding.klog?.level === "W" && (OPENSHIFT_ONLY_GATES.has(gate) || /\bkubenswrapper\[/.test(input.finding.text))) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: OpenShift's kubelet (kubenswrapper) is given the cluster's feature set and logs the gates it does not know, such as ${gate}, as warnings and carries on.`,
      versions: [],
    };
  }
  const removedIn = REMOVED_FEATURE_GATES[gate];
  const part: DiagnosisPart = {
    headline: removedIn
      ? `The configuration sets feature gate ${gate}, which Kubernetes ${removedIn} removed: the configuration was written for an older release than the binary that read it.`
      : `The configuration sets feature gate ${gate}, which this binary does not know: it was removed after graduating, or does not exist yet in this version.`,
    versions: [...captureRoles(input), ...(removedIn ? [{ name: "gateRemovedIn", version: removedIn, role: `release that removed feature gate ${gate}`, source: "feature-gate removal table" }] : [])],
    ...(removedIn ? { fixes: [`Remove ${gate} from --feature-gates (and featureGates in the component configurations): it is gone from ${removedIn} on.`, ...input.signature.fixes] } : {}),
  };
  const binary = withHint(input, part, "binary", "version of the binary that rejected it", "binary", "kubelet", "kubernetes", "node-image", "server");
  if (binary && !removedIn) part.headline = `The configuration sets feature gate ${gate}, which ${binary.raw} does not know: it was removed after graduating, or does not exist yet in this version.`;
  return part;
};

export const diagnoseLockedGate: Diagnoser = (input) => {
  const locked = input.capture("locked");
  return {
    headline: locked
      ? `Feature gate ${input.capture("gate")} is locked to ${locked} in this version; the configuration tries to set it to ${input.capture("value")}.`
      : `Feature gate ${input.capture("gate")} does not exist yet at emulated version ${input.capture("emulationVersion")}; the configuration enables it.`,
    versions: captureRoles(input),
    fixes: locked ? ["Remove the override: the gate is GA (or deprecated) and locked."] : ["Raise the emulation version, or do not enable the gate on this version."],
  };
};

export const diagnoseKubeletFlag: Diagnoser = (input) => {
  const flag = input.capture("flag") ?? "";
  // Every Kubernetes command-line flag is lower-case kebab-case: one with capitals never existed in any
  // release (often a KubeletConfiguration field, singleProcessOOMKill, written as a flag).
  if (/[A-Z]/.test(flag)) {
    return {
      verdict: "warning",
      headline: `Not a version skew: --${flag} has capital letters, and no kubelet release ever had such a flag (Kubernetes flags are lower-case).`,
      versions: [],
      causes: ["A typo, or a KubeletConfiguration field (camelCase) passed as a command-line flag."],
      fixes: ["Set the field in the KubeletConfiguration file instead, or use the flag's exact lower-case spelling from `kubelet --help`."],
    };
  }
  // A warning like the capitalised flags above: the line is the kubelet refusing, but no release would take it.
  if (KUBEADM_ONLY_FLAGS.has(flag)) {
    return {
      verdict: "warning",
      headline: `Not a version skew: --${flag} is a kubeadm flag, and no kubelet release ever had it; a kubeadm command line was passed to the kubelet.`,
      versions: [],
      causes: ["KUBELET_EXTRA_ARGS, a systemd drop-in or a script that gives the kubelet a flag meant for kubeadm init or join."],
      fixes: ["Pass the flag to kubeadm (or its configuration file), not to the kubelet; the kubelet's own settings go in its KubeletConfiguration."],
    };
  }
  // A flag no table knows that is a known flag without its hyphens (--networkplugin for --network-plugin,
  // Mirantis/cri-dockerd#5) is a typo in the unit, whatever the release.
  const unhyphenated = (f: string) => f.replace(/-/g, "");
  if (!flag.includes("-") && !REMOVED_FLAGS[flag] && !REMOVED_KUBELET_FLAGS[flag] && !ADDED_FLAGS[flag]) {
    const spelt = [...Object.keys(REMOVED_KUBELET_FLAGS), ...Object.keys(REMOVED_FLAGS), ...Object.keys(ADDED_FLAGS)].find((f) => f.includes("-") && unhyphenated(f) === flag);
    if (spelt) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: --${flag} is --${spelt} without its hyphens, a typo in the command line that no release accepts.`,
        versions: [],
      };
    }
  }
  const misspelt = misspeltFlagDismissal(flag, "kubelet");
  if (misspelt) return misspelt;
  const shared = REMOVED_FLAGS[flag];
  const removedIn = REMOVED_KUBELET_FLAGS[flag] ?? (shared?.components.includes("kubelet") ? shared.release : undefined);
  const addedIn = !removedIn && ADDED_FLAGS[flag]?.components.includes("kubelet") ? ADDED_FLAGS[flag].release : undefined;
  const part: DiagnosisPart = {
    headline: removedIn
      ? `The kubelet was started with --${flag}, which was removed in Kubernetes ${removedIn}.`
      : addedIn
        ? `The kubelet was started with --${flag}, which exists from Kubernetes ${addedIn} on: the kubelet is older than the flags written for it.`
        : `The kubelet was started with --${flag}, which this kubelet version does not have.`,
    versions: removedIn ? [{ name: "flagRemovedIn", version: removedIn, role: `release that removed --${flag}`, source: "flag removal table" }] : [],
  };
  // The bare "unknown flag: --x" pattern is the kubelet 1.10-and-older klog line; with no klog header, no
  // kubelet/hyperkube unit and a flag no table knows, it is any cobra program's refusal (cert-manager's
  // cainjector given another component's flags, cert-manager/cert-manager#7294): worth a look, not a cause.
  if (!removedIn && !addedIn && !input.finding.klog && !/failed\s+to\s+parse\s+kubelet\s+flag|\b(?:kubelet|hyperkube|kubelite)\b/.test(input.finding.text)) {
    part.verdict = "warning";
    part.headline = `A program refused --${flag}, which this binary does not have; the line names no program, and if it is the kubelet's, the flag belongs to another kubelet release.`;
  }
  const kubelet = withHint(input, part, "kubelet", "kubelet version", "kubelet", "kubernetes", "node-image");
  const removedV = removedIn ? parseKubeVersion(removedIn) : undefined;
  if (kubelet && removedV) part.skew = skewOf(kubelet, removedV, `--${flag} exists before ${removedIn} only`, (d) => d < 0);
  return part;
};

// Calls a running kubelet makes all the time, after it validated the runtime's CRI version at start.
const RUNNING_KUBELET_CALL = /\b(?:Failed to list pod sandboxes|ListPodSandbox|ListContainers|PodSandboxStatus|ContainerStatus|ImageFsInfo|ListImages|kuberuntime_(?:sandbox|container|image|manager)\.go)/;

// Where the kubelet or crictl dialled: the runtime behind the socket decides whether "Unimplemented" can be
// a configuration. cri-dockerd and CRI-O always serve CRI (there is no plugin to switch off), so a missing API
// version is their release; Docker's own bundled containerd runs with its CRI plugin disabled, so a missing
// service there is the wrong endpoint; a plain containerd socket can be either.
const CRI_ENDPOINT = /endpoint\s+\\?"(?:unix:\/\/)?(?<path>[^"\\\s]+)/;
// containerd serves CRI v1 from 1.6 and v1alpha2 until 1.7 (containerd 2.0 removed it).
const CONTAINERD_CRI: Record<string, (v: KubeVersion) => boolean> = {
  v1: (v) => v.major > 1 || (v.major === 1 && v.minor >= 6),
  v1alpha2: (v) => v.major === 1 && v.minor <= 7,
};

export const diagnoseCri: Diagnoser = (input) => {
  const api = input.capture("criApi");
  const versions = captureRoles(input);
  // A kubelet checks the runtime's CRI version once, at start (validate service connection, "Version from
  // runtime service"): it would not be listing sandboxes had that failed. A v1 Unimplemented in a running
  // kubelet's routine call means the runtime stopped serving CRI since (containerd restarted with a config
  // its CRI plugin could not load), not that the two speak different versions.
  if (api === "v1" && RUNNING_KUBELET_CALL.test(input.finding.text)) {
    return {
      verdict: "warning",
      headline: "Not a version skew: a running kubelet's routine CRI call found no CRI v1 service, so the runtime stopped serving CRI after the kubelet had connected to it.",
      versions,
      reasoning: [
        "The kubelet validates the runtime's CRI API version when it starts; routine calls such as listing pod sandboxes only happen after that check passed.",
        "containerd drops the CRI service when its CRI plugin fails to load, most often after an edit to config.toml.",
      ],
      causes: ["containerd restarted with a config.toml its CRI plugin could not load (or with disabled_plugins = [\"cri\"])."],
      fixes: ["Check containerd's log for 'failed to load plugin io.containerd.grpc.v1.cri' and `ctr plugins ls` for the cri plugin's status; fix config.toml and restart containerd."],
    };
  }
  const asked = api ? `CRI ${api}` : "the CRI API version asked for";
  const endpoint = CRI_ENDPOINT.exec(input.finding.text)?.groups?.path ?? "";
  if (/\/docker\/containerd\//.test(endpoint)) {
    return {
      verdict: "warning",
      headline: `Not a version skew: ${endpoint} is Docker's own containerd, which runs with its CRI plugin disabled, so it serves no CRI API at all.`,
      versions,
      reasoning: ["Docker starts its bundled containerd with disabled_plugins = [\"cri\"]; the kubelet or crictl must dial a containerd (or cri-dockerd) that serves CRI."],
      causes: ["The kubelet's --container-runtime-endpoint (or crictl's runtime-endpoint) points at Docker's containerd socket."],
      fixes: ["Point the endpoint at the system containerd (unix:///run/containerd/containerd.sock) with its CRI plugin enabled, or at cri-dockerd."],
    };
  }
  if (/cri-dockerd|crio\.sock/.test(endpoint)) {
    const runtime = endpoint.includes("cri-dockerd") ? "cri-dockerd" : "CRI-O";
    return {
      verdict: "cause",
      headline: `${runtime} at ${endpoint} does not serve ${asked}: its release is too old (or, for v1alpha2, too new) for this kubelet/crictl; ${runtime} has no CRI plugin to switch off.`,
      versions,
      reasoning: [
        runtime === "cri-dockerd"
          ? "cri-dockerd serves CRI v1 to the kubelet from 0.3.0 on (Mirantis/cri-dockerd#136); kubelets from 1.26 on speak CRI v1 only."
          : "CRI-O follows the Kubernetes minor: CRI-O 1.26 and later serve CRI v1 only, older crictl releases ask for v1alpha2.",
      ],
      causes: [runtime === "cri-dockerd" ? "A cri-dockerd older than 0.3.0 with a kubelet ≥ 1.26." : "A CRI-O and a kubelet or crictl of different Kubernetes minors."],
      fixes: [runtime === "cri-dockerd" ? "Upgrade cri-dockerd to 0.3.0 or later." : "Use the crictl and kubelet of CRI-O's Kubernetes minor."],
    };
  }
  // containerd's own version, from a banner in the same job (containerd --version, ctr version).
  const containerd = input.hint("containerd");
  const serves = api ? CONTAINERD_CRI[api] : undefined;
  if (containerd && serves) {
    versions.push(hintRole("containerd", containerd.hint.version, "containerd version", containerd.hint));
    if (serves(containerd.version)) {
      return {
        verdict: "warning",
        headline: `Not a version skew: containerd ${containerd.hint.version} serves ${asked}, so its CRI plugin is not running (disabled in config.toml, or it failed to load).`,
        versions,
        reasoning: ["containerd serves CRI v1 from 1.6 and v1alpha2 up to 1.7; a release that serves the API but answers Unimplemented has no CRI service loaded."],
        causes: ["disabled_plugins = [\"cri\"] in containerd's config.toml (the default of Docker's containerd.io package), or a config.toml its CRI plugin could not load."],
        fixes: ["Remove \"cri\" from disabled_plugins (or regenerate the file with containerd config default), restart containerd, and check `ctr plugins ls`."],
      };
    }
    return {
      verdict: "cause",
      headline: `containerd ${containerd.hint.version} does not serve ${asked}: ${api === "v1" ? "it is older than 1.6, the first release with CRI v1, which kubelets from 1.26 on require" : "containerd 2.0 removed CRI v1alpha2, which this older kubelet or crictl asks for"}.`,
      versions,
      causes: [api === "v1" ? "A kubelet ≥ 1.26 (or crictl ≥ 1.26) with containerd < 1.6." : "containerd 2.0 or later with a kubelet or crictl that speaks only CRI v1alpha2."],
      fixes: [api === "v1" ? "Upgrade containerd to 1.6 or later." : "Upgrade the kubelet/crictl (CRI v1), or stay on containerd 1.7 until it is upgraded."],
    };
  }
  // The line alone cannot tell a runtime too old (or containerd 2.0 without v1alpha2) from a runtime whose
  // CRI plugin is disabled or failed to load: the same words, and public threads hold both. A warning with
  // both explanations, not a cause.
  return {
    verdict: "warning",
    headline: `The container runtime does not serve ${asked}: either it is too old for this kubelet/crictl${api === "v1alpha2" ? " (or containerd 2.0, which dropped v1alpha2)" : ""}, or its CRI plugin is disabled or failed to load. The line does not say which; the runtime's version does.`,
    versions,
    reasoning: [
      "Kubelets from 1.26 on speak CRI v1 only, which needs containerd 1.6 or later; newer cri-tools with containerd 1.5 fail the same way.",
      "A runtime that should serve the version but answers Unimplemented has the CRI plugin disabled (disabled_plugins = [\"cri\"] in containerd's config.toml) or not loaded.",
      "Print the runtime's version (containerd --version, crictl version) in the job and skewbot can tell which.",
    ],
  };
};

export const diagnoseContract: Diagnoser = (input) => ({
  headline: input.capture("providerContract")
    ? input.capture("provider")
      ? `clusterctl supports ${input.capture("supportedContract")} providers, but ${input.capture("provider")} implements ${input.capture("providerContract")}.`
      : `This clusterctl works with ${input.capture("supportedContract")} management clusters, but found ${input.capture("providerContract")}.`
    : `clusterctl (or the core provider) supports the ${input.capture("supportedContract")} contract; the upgrade asks for ${input.capture("requestedContract") ?? "another one"}.`,
  versions: captureRoles(input),
  reasoning: ["Cluster API contracts (v1alpha4, v1beta1, v1beta2) change with Cluster API minors; clusterctl and providers must implement the same one."],
});

export const diagnoseVersionJump: Diagnoser = (input) => {
  const from = input.version("from");
  const to = input.version("to");
  const skew = skewOf(to, from, CAPI_UPGRADE_POLICY, (d) => d >= 0 && d <= 1);
  const direction = input.capture("direction") ?? (skew && skew.minors < 0 ? "decreased" : "increased");
  return {
    headline:
      direction === "decreased"
        ? `The version cannot go down from ${input.capture("from")} to ${input.capture("to")}.`
        : `The upgrade from ${input.capture("from")} to ${input.capture("to")} spans ${skew ? minorsText(skew.minors) : "more than one minor"}; Cluster API upgrades one minor at a time.`,
    versions: captureRoles(input),
    ...(skew ? { skew } : {}),
  };
};

export const diagnoseMgmtTooOld: Diagnoser = (input) => {
  const skew = skewOf(input.version("server"), input.version("minimum"), "the management cluster must be at least the minimum Cluster API supports", (d) => d >= 0);
  return {
    headline: input.capture("server")
      ? `The management cluster runs ${input.capture("server")}, ${skew ? minorsText(skew.minors) + " " : ""}below the ${input.capture("minimum")} this Cluster API release requires.`
      : `This Cluster API bootstrap provider requires Kubernetes ${input.capture("minimum")} or newer.`,
    versions: captureRoles(input),
    ...(skew ? { skew } : {}),
  };
};

export const diagnoseHelm: Diagnoser = (input) => {
  const constraint = input.capture("constraint") ?? "";
  const cluster = input.version("cluster");
  const clusterSemver = cluster ? toSemver(cluster) : null;
  const reasoning: string[] = [];
  let headline = input.capture("cluster") ? `The chart requires Kubernetes ${constraint}, and the cluster runs ${input.capture("cluster")}.` : `The chart requires Kubernetes ${constraint}, which the cluster does not satisfy.`;
  // Kubernetes has only ever had major version 1: v999.999.999 and the like are placeholders that
  // rendering tools pass to helm, not a cluster that is too new.
  if (cluster && cluster.major !== 1) {
    return {
      verdict: "warning",
      headline: `Not a version skew: ${input.capture("cluster")} is not a Kubernetes release but a placeholder the rendering tool passed to helm, and the chart's "${constraint}" rejects it.`,
      versions: captureRoles(input),
      reasoning: ["Kubernetes versions are all 1.x; the tool that rendered the chart set its own stand-in cluster version."],
      fixes: ["Give the rendering tool a real Kubernetes version (helm template --kube-version 1.N.0, or the tool's own setting)."],
    };
  }
  // helm 3 (to 3.13) renders without a cluster (helm template, helmfile diff, khelm, kpt functions) as if for exactly
  // v1.20.0 (chartutil.DefaultCapabilities), so that version says which tool rendered, not which cluster runs.
  if (input.capture("cluster")?.replace(/^v/, "") === "1.20.0" && clusterSemver && semver.validRange(constraint) && !semver.satisfies(clusterSemver, constraint)) {
    const rendered = /\b(?:render|template|diff|khelm|kpt|helmfile|kustomize)/i.test(input.finding.text);
    // Dismissed either way (listed, not warned): a real cluster at exactly the .0 patch of 1.20 is rare next to helm's
    // stand-in, which also reaches tools that wrap helm without saying so (Rancher Fleet, helm/helm#13248, rancher/rancher#39615).
    return {
      verdict: "not-skew",
      headline: `${rendered ? "Not" : "Probably not"} a version skew: v1.20.0 is the Kubernetes version helm 3 assumes when it renders a chart without a cluster, and the chart's "${constraint}" rejects it.`,
      versions: captureRoles(input),
      reasoning: ["helm template (and tools that call it: helmfile diff, khelm, kpt, kustomize's helmCharts) use chartutil.DefaultCapabilities, Kubernetes v1.20.0 up to helm 3.13, unless given --kube-version."],
      fixes: ["Pass the cluster's version to the rendering step (helm template --kube-version 1.N.0, helmfile's --kube-version or kubeVersion setting, khelm's kubeVersion)."],
      references: ["https://github.com/helmfile/helmfile/issues/1778"],
    };
  }
  // Every helm renders without a cluster as if for v1.N.0, N its build's client-go minor (v1.16.0 in helm 3.2, helm/helm#8365,
  // #8113; v1.18.0 in 3.4, #11751; v1.20.0 when built without the Makefile's LDFLAGS, #13248; v1.33.0 with client-go 0.33,
  // #30997), and helm 4 says so on the line (#31501). A .0 release with no sign of a cluster (an install or upgrade, which
  // asks the API server) may be that stand-in: a warning naming it, not a cause.
  const defaultHint = /no\s+cluster\s+connected,\s+using\s+default\s+version/.test(input.finding.text);
  const bareDotZero = cluster?.major === 1 && cluster.patch === 0 && cluster.prerelease.length === 0 && cluster.build.length === 0;
  // Masterminds reads "," as "and" (">=v1.16.8-0,<v1.19-0", helm/helm#8365); node-semver reads a space.
  const andRange = constraint.replace(/\s*,\s*/g, " ");
  if ((defaultHint || bareDotZero) && clusterSemver && semver.validRange(andRange, { loose: true }) && !semver.satisfies(clusterSemver, andRange, { includePrerelease: true, loose: true })) {
    const around = [...input.finding.context.before.slice(-3).map((l) => l.text), input.finding.text].join("\n");
    const installed = /\b(?:INSTALLATION|UPGRADE)\s+FAILED\b|\bhelm\s+(?:install|upgrade)\b(?![^\n]*--dry-run(?:=client)?\b)/.test(around);
    const rendered = /\bhelm\s+(?:template|lint)\b|\btemplate\s+failed\b|\b(?:helmfile|khelm|kpt|kustomize|skaffold)\b|--kube-version\b/i.test(around);
    if (defaultHint) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: helm rendered without a cluster and used its default Kubernetes version ${input.capture("cluster")}, which the chart's "${constraint}" rejects.`,
        versions: captureRoles(input),
        reasoning: ["helm says on the line that no cluster was connected: the version is helm's built-in default, not a cluster's."],
        fixes: ["Pass the target cluster's version to the render (helm template --kube-version 1.N.0)."],
        references: ["https://github.com/helm/helm/pull/31501"],
      };
    }
    if (!installed) {
      return {
        verdict: "warning",
        headline: `Possibly not the cluster: ${input.capture("cluster")} is the kind of version helm assumes when it renders without a cluster (helm template, helm lint, tools that wrap them), and the chart's "${constraint}" rejects it.`,
        versions: captureRoles(input),
        reasoning: [
          `helm renders without a cluster as if for v1.N.0, N the minor of the client-go it was built with (v1.31.0 or v1.33.0 for recent releases, v1.20.0 for builds without helm's LDFLAGS); ${rendered ? "the log shows an offline render" : "the line shows no install or upgrade that would have asked a cluster"}.`,
          "If a real cluster does run this version, the chart does not support it: use a chart release that does, or another cluster version.",
        ],
        causes: ["helm template or helm lint ran without --kube-version, so the chart's kubeVersion was checked against helm's built-in default rather than the target cluster."],
        fixes: ["Pass the target cluster's version to the render (helm template --kube-version 1.N.0, helmfile's or the wrapping tool's kubeVersion setting)."],
        references: ["https://github.com/helm/helm/issues/30997", "https://github.com/helm/helm/issues/13248", "https://github.com/helm/helm/issues/11751"],
      };
    }
  }
  // A constraint helm cannot read as written, which the cluster meets once its brackets go ("[1.21 - 1.25]" against
  // v1.23.12, clastix/kamaji#177, introduced by a Chart.yaml edit): the chart's syntax, not the cluster's version.
  const unbracketed = constraint.replace(/[[\]]/g, "").trim();
  if (clusterSemver && unbracketed !== constraint && !semver.validRange(constraint) && semver.validRange(unbracketed) && semver.satisfies(clusterSemver, unbracketed, { includePrerelease: true })) {
    return {
      verdict: "warning",
      headline: `Probably not a version skew: the chart's kubeVersion "${constraint}" is not a semver range as written; without its brackets ("${unbracketed}") the cluster ${input.capture("cluster")} satisfies it.`,
      versions: captureRoles(input),
      reasoning: ["helm's kubeVersion takes space-separated comparisons (>= 1.21.0 < 1.26.0) or hyphen ranges (1.21 - 1.25); brackets are not part of the syntax, and helm then rejects every cluster."],
      causes: ["A Chart.yaml kubeVersion written with brackets (an interval notation helm does not read)."],
      // Not admitPrerelease: "1.21.0-0 - 1.25.0-0" is kamaji#187's follow-up slip, which shut out 1.25's patches.
      fixes: ["Write the range as comparisons helm reads, with -0 on each bound and the upper bound at the next minor (\">= 1.21.0-0 < 1.26.0-0\" for 1.21 through 1.25), in a chart release or a patched Chart.yaml."],
      references: ["https://github.com/clastix/kamaji/issues/177"],
    };
  }
  if (clusterSemver && semver.validRange(constraint)) {
    const strict = semver.satisfies(clusterSemver, constraint);
    const loose = semver.satisfies(clusterSemver, constraint, { includePrerelease: true });
    if (!strict && loose) {
      // The versions meet: helm's semver (Masterminds) leaves pre-release versions out of a range unless the
      // range itself names a pre-release, so a vendor build of a supported minor fails the check.
      const fixed = admitPrerelease(constraint);
      // Dismissed, not warned: the versions meet, so nothing in the job is older or newer than it should be; the report
      // still lists it with the fix (helm/helm#3810, #9371; rancher/rancher#30766, nginx/kubernetes-ingress#1197).
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the cluster ${input.capture("cluster")} satisfies "${constraint}", but helm's semver treats its suffix as a pre-release, which a constraint without -0 excludes.`,
        versions: captureRoles(input),
        reasoning: [
          "Vendor and CI versions (-eks-…, -gke.N, -rc.N) are pre-releases to semver; helm (Masterminds semver) only matches them against a constraint that has a pre-release part.",
          `Checked with semver: ${clusterSemver.version} satisfies "${constraint}" once pre-releases are admitted, and fails it otherwise.`,
        ],
        causes: ["The chart's kubeVersion constraint lacks the -0 suffix that admits vendor builds (helm/helm#3810)."],
        fixes: [`Write the chart's constraint as "${fixed}" (a chart release that does so, or a patched Chart.yaml).`],
        references: ["https://github.com/helm/helm/issues/3810"],
      };
    }
    // The constraint admits the cluster's minor at its .0 patch but not the patch it runs ("1.21.0-0 - 1.25.0-0" against
    // v1.25.2, clastix/kamaji#187; "1.16.0" against v1.16.3, cubefs/cubefs-helm#1; "<= 1.24.0" meant to cover 1.24,
    // dell/csi-powerstore#129): charts support minors, so an upper bound written as 1.N.0 is most often an authoring slip
    // that shuts out 1.N's own patch releases, not a cluster newer than the chart (reviewers catch it in rancher/charts#2647,
    // "<= 1.26.0-0" where the rest say "< 1.27.0-0"). A range is dismissed like the pre-release case; an exact pin stays a
    // warning, since it can be meant (the corpora keep cubefs's line as the chart refusing the cluster).
    // 1.N.0-0 as an inclusive bound reads as 1.N.0 here: "<= 1.N.0-0" shuts out 1.N.0 itself, while "< 1.N.0-0" and
    // "< 1.N.0" (1.N not supported) stay refusals.
    const zero = cluster && cluster.major === 1 && (cluster.patch ?? 0) > 0 ? `${cluster.major}.${cluster.minor}.0` : "";
    const bounded = zero ? constraint.split(`${zero}-0`).join(zero) : "";
    if (!loose && zero && semver.validRange(bounded) && semver.satisfies(zero, bounded)) {
      const pinned = /^=?\s*v?\d+\.\d+\.\d+$/.test(constraint.trim());
      return {
        verdict: pinned ? "warning" : "not-skew",
        headline: `${pinned ? "Probably not" : "Not"} a version skew: the chart's "${constraint}" admits Kubernetes ${cluster!.major}.${cluster!.minor}.0 but not ${input.capture("cluster")}, a patch release of the same minor; its upper bound stops at the .0 patch instead of the end of ${cluster!.major}.${cluster!.minor}.`,
        versions: captureRoles(input),
        reasoning: ["Kubernetes patch releases do not change the APIs a chart uses, so a chart that supports 1.N.0 supports every 1.N.x; a bound such as <= 1.N.0 or an X - 1.N.0 range excludes them by accident."],
        causes: ["The chart's kubeVersion ends its range at 1.N.0 (or pins 1.N.0 exactly) where it meant the whole 1.N minor."],
        fixes: [`Write the upper bound as < ${cluster!.major}.${cluster!.minor + 1}.0-0 (a chart release that does so, or a patched Chart.yaml).`],
        references: ["https://github.com/clastix/kamaji/pull/187"],
      };
    }
    const min = semver.minVersion(constraint);
    if (min && cluster) {
      const d = minorDelta(cluster, { raw: min.version, major: min.major, minor: min.minor, prerelease: [], build: [] });
      if (d < 0) headline = `The cluster runs ${input.capture("cluster")}, ${minorsText(d)} older than the ${min.major}.${min.minor} the chart requires (${constraint}).`;
      else reasoning.push(`The cluster is not below the chart's minimum ${min.version}; the constraint has an upper bound the cluster exceeds.`);
    }
  }
  return { headline, versions: captureRoles(input), reasoning };
};

/** The constraint with each bare version given the lowest pre-release (`>=1.19` → `>=1.19.0-0`). */
export function admitPrerelease(constraint: string): string {
  return constraint.replace(/(\d+(?:\.\d+){0,2})(-[0-9A-Za-z.-]+)?(?![\d.])/g, (all, v: string, pre?: string) => {
    if (pre) return all;
    const parts = v.split(".");
    while (parts.length < 3) parts.push("0");
    return `${parts.join(".")}-0`;
  });
}
