import { classifyVersion, parseKubeVersion, toSemver } from "../kube/versions.js";
import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons16.ts (the eleventh tuning session, area: addons).

/** -1, 0, 1 for two version tokens, undefined when either is not a version. */
function compareVersions(a: string | undefined, b: string | undefined): number | undefined {
  const pa = a ? parseKubeVersion(a) : undefined;
  const pb = b ? parseKubeVersion(b) : undefined;
  const sa = pa ? toSemver(pa) : null;
  const sb = pb ? toSemver(pb) : null;
  if (!sa || !sb) return undefined;
  return sa.compare(sb);
}

const TEKTON_RANK: Record<string, number> = { v1alpha1: 0, v1beta1: 1, v1: 2 };

/**
 * tekton-cli-pipelines-version-mismatch. The API-version form is tkn decoding what the cluster returned at another
 * tekton.dev version: the two versions say which side moved. The tkn hub form compares the catalog resource's minimum
 * with the release found; a build that names no release (devel, a placeholder) is tkn hub failing to read it
 * (tektoncd/hub#312), and a release that meets the minimum is no skew either.
 */
const diagnoseTekton: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const data = input.capture("dataVersion");
  const expected = input.capture("expectedVersion");
  if (data && expected) {
    const d = TEKTON_RANK[data.split("/")[1] ?? ""];
    const e = TEKTON_RANK[expected.split("/")[1] ?? ""];
    const older = d !== undefined && e !== undefined && d > e;
    return {
      verdict: "cause",
      headline: older
        ? `tkn expected ${expected} but the cluster returned ${data}: this tkn release is older than the cluster's Tekton Pipelines, which serves and stores the newer API version.`
        : `tkn expected ${expected} but the cluster returned ${data}: tkn and the cluster's Tekton Pipelines are of different releases (tkn before 0.30 against Pipelines 0.43+, which moved to tekton.dev/v1, is the usual pair).`,
      versions,
      fixes: [
        "Upgrade tkn to the release matching the cluster's Tekton Pipelines (`tkn version` prints both; tkn 0.30+ for Pipelines 0.43+), including any tkn image a Task runs.",
        "Until then, create the runs and install catalog resources with kubectl (kubectl create -f / kubectl apply -f), which does not decode them into tkn's types.",
      ],
    };
  }
  const min = input.capture("minPipelines");
  const found = input.capture("pipelines");
  const resource = `${input.capture("kind") ?? "The catalog resource"} ${input.capture("resource") ?? ""}${input.capture("resourceVersion") ? ` ${input.capture("resourceVersion")}` : ""}`.trim();
  const order = compareVersions(found, min);
  if (order === undefined) {
    return {
      verdict: "not-skew",
      headline: `tkn hub could not read a Tekton Pipelines release from the cluster (it found "${found ?? ""}"): a development build or an unlabelled install, not an older Pipelines (tektoncd/hub#312). Install the resource with kubectl apply, or label the Pipelines install with its release.`,
      versions,
    };
  }
  if (order >= 0) {
    return {
      verdict: "not-skew",
      headline: `tkn hub refused ${resource} although the cluster's Tekton Pipelines ${found} meets its minimum ${min}: a version comparison bug in tkn hub, not a skew. Upgrade tkn or apply the resource with kubectl.`,
      versions,
    };
  }
  return {
    verdict: "cause",
    headline: `${resource} from the Tekton catalog needs Tekton Pipelines ${min} or later, and the cluster runs ${found}: the catalog version is newer than the cluster's Pipelines.`,
    versions,
    fixes: [
      `Install a version of the resource that supports Pipelines ${found} (tkn hub install ${(input.capture("kind") ?? "task").toLowerCase()} ${input.capture("resource") ?? "<name>"} --version <older>), or upgrade Tekton Pipelines to ${min}+.`,
      "Or apply the catalog YAML with kubectl, which skips tkn hub's check (only when the resource does not use newer Pipelines features).",
    ],
  };
};

/**
 * longhorn-upgrade-path-unsupported. A development build on either side ("-dev", master-head) is Longhorn's own
 * labelling (longhorn/longhorn#10143), not a release skew; a real downgrade and a skipped minor are causes.
 */
const diagnoseLonghorn: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const image = input.capture("engineImage");
  if (image) {
    return {
      verdict: "cause",
      headline: `A volume still uses engine image ${image}, whose ${input.capture("api") ?? "client"} API version ${input.capture("found") ?? "?"} is below the ${input.capture("required") ?? "?"} the new Longhorn manager requires: the engines were not upgraded after the previous Longhorn upgrade, and this one skips too far ahead of them.`,
      versions,
      fixes: [
        "Revert to the previous Longhorn release, upgrade every volume's engine to its default engine image (Volume → Upgrade Engine, or detach the volume), delete unused old EngineImages, then upgrade again.",
      ],
    };
  }
  const minMinor = input.capture("minMinor");
  if (minMinor) {
    return {
      verdict: "cause",
      headline: `Longhorn refuses to move to a new major release from a 1.x older than 1.${minMinor}: upgrade to 1.${minMinor} first.`,
      versions,
    };
  }
  const current = input.capture("current") ?? "the installed release";
  const target = input.capture("target") ?? "the new release";
  const dev = /-(?:dev|head)\b/;
  if (input.capture("direction") === "downgrading") {
    if (dev.test(target) || dev.test(current)) {
      return {
        verdict: "not-skew",
        headline: `Longhorn sees ${current} → ${target} as a downgrade because a development build is labelled with an older version than the release installed (longhorn/longhorn#10143): a labelling of the build, not a release skew.`,
        versions,
      };
    }
    return {
      verdict: "cause",
      headline: `The manifest or chart deploys Longhorn ${target}, older than the ${current} already installed, and Longhorn never downgrades: the deployment pins an older release than the cluster has run.`,
      versions,
      fixes: [`Deploy ${current} (or newer) again: a Longhorn downgrade is not possible in place; restore from a system backup if the older release is really needed.`],
    };
  }
  const pc = parseKubeVersion(current);
  const pt = parseKubeVersion(target);
  const skipped = pc && pt && pc.major === pt.major ? pt.minor - pc.minor - 1 : undefined;
  const next = pc ? `${pc.major}.${pc.minor + 1}` : undefined;
  return {
    verdict: "cause",
    headline: `Longhorn ${target} refuses to upgrade the installed ${current}${skipped && skipped > 0 ? `, skipping ${skipped} minor release${skipped === 1 ? "" : "s"}` : ""}: Longhorn upgrades one minor release at a time.`,
    versions,
    fixes: [
      `Upgrade to ${next ? `the latest ${next}.x` : "the next minor release"} first, let it finish, then continue one minor at a time to ${target}.`,
      "Pin the chart or manifest version in Git/Renovate so that it cannot jump more than one minor release.",
    ],
  };
};

/** Corefile plugins and options CoreDNS removed, with the release that removed them and what replaces them. */
const COREDNS_REMOVED: Record<string, { release: string; instead: string }> = {
  proxy: { release: "1.5.0", instead: "forward (same syntax for the common `proxy . /etc/resolv.conf`)" },
  federation: { release: "1.7.0", instead: "nothing (Kubernetes federation v1 is gone); drop the federation block" },
  "kubernetes/upstream": { release: "1.7.0", instead: "nothing: it had been ignored since 1.5; delete the line" },
  "kubernetes/resyncperiod": { release: "1.7.0", instead: "nothing: delete the line" },
};

/** Plugins and options younger than some images still in use, with the release that brought them. */
const COREDNS_ADDED: Record<string, string> = { ready: "1.5.0", grpc: "1.5.0", dns64: "1.7.0", "forward/max_concurrent": "1.6.9" };

/** Plugins of CoreDNS's default build (plugin.cfg) across releases: a stock image without one is older than the Corefile. */
const COREDNS_IN_TREE = new Set(
  "metadata cancel tls reload nsid bufsize root bind debug trace ready health pprof prometheus errors log dnstap acl any chaos loadbalance cache rewrite dnssec autopath template transfer hosts route53 azure clouddns k8s_external kubernetes file auto secondary etcd loop forward grpc erratic whoami sign dns64 header geoip minimal timeouts tsig view local".split(" "),
);

/** Options of plugins that end up on a directive's line when a block's brace is missing (coredns/coredns#7121). */
const COREDNS_OPTIONS_AS_DIRECTIVES = new Set(["fallthrough", "ttl", "pods", "endpoint", "namespaces", "reload", "except", "policy", "health_check"]);

/**
 * coredns-corefile-plugin-unknown. Only names with a known history are a skew: a removed plugin or option means the
 * Corefile is older than the image, a plugin of the default build the image lacks means the image is older. Anything
 * else is an external plugin (kubernetai, k8s_gateway: a custom build), a typo or a misplaced line.
 */
const diagnoseCoreDns: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const directive = input.capture("directive");
  const property = input.capture("property");
  const plugin = input.capture("plugin");
  // A property names its plugin when the line keeps the "plugin/<name>:" prefix; without it, the option's own history.
  const keyIn = <T,>(table: Record<string, T>): T | undefined => {
    if (!property) return table[directive ?? ""];
    if (plugin) return table[`${plugin}/${property}`];
    const found = Object.keys(table).find((k) => k.endsWith(`/${property}`));
    return found ? table[found] : undefined;
  };
  const where = input.capture("file") ? ` (${input.capture("file")}${input.capture("lineNo") ? `:${input.capture("lineNo")}` : ""})` : "";
  const what = property ? `option ${property}${plugin ? ` of the ${plugin} plugin` : ""}` : `plugin ${directive ?? "?"}`;
  const removed = keyIn(COREDNS_REMOVED);
  if (removed) {
    return {
      verdict: "cause",
      headline: `The Corefile${where} still uses the ${what}, which CoreDNS ${removed.release} removed: the CoreDNS image is newer than the Corefile (upgraded with the cluster while a customised ConfigMap stayed).`,
      versions: [...versions, { name: "removedIn", version: removed.release, role: `CoreDNS release that removed the ${what}`, source: "CoreDNS release notes (built in)", typed: classifyVersion(removed.release, { kind: "component", component: "CoreDNS" }) }],
      fixes: [`Edit the coredns ConfigMap: ${removed.instead}; then restart the coredns pods.`, input.signature.fixes[1]!],
    };
  }
  const added = keyIn(COREDNS_ADDED);
  if (added || (directive && COREDNS_IN_TREE.has(directive))) {
    return {
      verdict: "cause",
      headline: `The CoreDNS binary does not know the ${what}${added ? `, which came with CoreDNS ${added}` : ", a plugin of CoreDNS's default build"}: the image the coredns Deployment runs is older than the Corefile${where} (or a custom build without it).`,
      versions: added
        ? [...versions, { name: "addedIn", version: added, role: `CoreDNS release that brought the ${what}`, source: "CoreDNS release notes (built in)", typed: classifyVersion(added, { kind: "component", component: "CoreDNS" }) }]
        : versions,
      fixes: [
        `Run a CoreDNS image ${added ? `of ${added} or later` : "recent enough for the Corefile"} (check the coredns Deployment's image: an edit that did not roll the pods leaves the old one), or remove the ${what} from the ConfigMap.`,
      ],
    };
  }
  if (directive && (COREDNS_OPTIONS_AS_DIRECTIVES.has(directive) || !/^[a-z][a-z0-9_]*$/.test(directive))) {
    return { verdict: "not-skew", headline: `"${directive}" is not a plugin name: a plugin's option or a server block written where a directive goes (a missing or misplaced brace in the Corefile), not a version problem.`, versions };
  }
  return {
    verdict: "not-skew",
    headline: `${property ? `The ${what}` : `The plugin ${directive ?? "?"}`} is not part of any stock CoreDNS build this tool knows: an external plugin (kubernetai, k8s_gateway, …) that needs a custom CoreDNS image, or a typo in the Corefile.`,
    versions,
  };
};

/**
 * calicoctl-cluster-version-mismatch. calicoctl compares the releases as strings once the "v" and any suffix are cut:
 * a client with no version (a build without release metadata, calico#7673) or the same release spelt differently (a
 * repackaged binary, calico#6027) is no skew.
 */
const diagnoseCalicoctl: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const client = input.capture("client");
  const cluster = input.capture("cluster") ?? "?";
  if (!client) {
    return {
      verdict: "not-skew",
      headline: `calicoctl reports no release of its own (a binary built without release metadata, or a repackaged one), so it cannot match the cluster's Calico ${cluster}: install the calicoctl published with the release (projectcalico/calico#7673).`,
      versions,
    };
  }
  const order = compareVersions(client, cluster);
  if (order === 0) {
    return {
      verdict: "not-skew",
      headline: `calicoctl ${client} and the cluster's Calico ${cluster} are the same release spelt differently (a repackaged binary's version string, projectcalico/calico#6027): not a skew; use the calicoctl published by the Calico project or pass --allow-version-mismatch.`,
      versions,
    };
  }
  const pc = parseKubeVersion(client);
  const pk = parseKubeVersion(cluster);
  const patchOnly = pc && pk && pc.major === pk.major && pc.minor === pk.minor;
  const side = order !== undefined && order > 0 ? "newer" : "older";
  const wanted = cluster.startsWith("v") ? cluster : `v${cluster}`;
  return {
    verdict: "cause",
    headline: `calicoctl ${client} is ${side} than the Calico ${cluster} the cluster runs, and calicoctl (3.20+) refuses every command across releases${patchOnly ? " (only the patch release differs)" : ""}.`,
    versions,
    fixes: [
      `Use calicoctl ${wanted}: https://github.com/projectcalico/calico/releases/download/${wanted}/calicoctl-linux-amd64 (or the calico/ctl:${wanted} image).`,
      patchOnly
        ? "The releases differ only in the patch: passing --allow-version-mismatch is safe here (no calicoctl is published for some patch releases)."
        : "Or pass --allow-version-mismatch, knowing that a calicoctl of another minor may read or write resources the cluster's Calico does not expect.",
    ],
  };
};

/** Gateway API kinds at versions only the experimental channel serves. */
const GATEWAY_EXPERIMENTAL = new Set(["TLSRoute/v1alpha2", "TLSRoute/v1alpha3", "TCPRoute/v1alpha2", "UDPRoute/v1alpha2", "GRPCRoute/v1alpha2", "BackendTLSPolicy/v1alpha3", "BackendTLSPolicy/v1alpha2", "ListenerSet/v1alpha1", "XListenerSet/v1alpha1", "BackendLBPolicy/v1alpha2"]);
/** The first Gateway API bundle that serves a kind at v1 (standard channel). */
const GATEWAY_V1_SINCE: Record<string, string> = { GatewayClass: "1.0", Gateway: "1.0", HTTPRoute: "1.0", GRPCRoute: "1.1", TLSRoute: "1.5", ListenerSet: "1.5", BackendTLSPolicy: "1.5" };
/** Kinds every installed bundle has: a controller failing on one of them may find no Gateway API CRDs at all. */
const GATEWAY_CORE = new Set(["GatewayClass", "Gateway", "HTTPRoute"]);

/**
 * gateway-api-crds-older-than-controller. A controller fails on the first kind it watches that the CRDs lack: a newer or
 * experimental kind means the core kinds were there, so the bundle is older or of the standard channel; a core kind (or
 * a whole group version missing from discovery) may as well mean no Gateway API CRDs are installed, so a warning.
 */
const diagnoseGatewayApi: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const kind = input.capture("kind");
  const apiVersion = input.capture("apiVersion") ?? input.capture("groupVersion") ?? "gateway.networking.k8s.io";
  const version = apiVersion.split("/")[1] ?? "";
  if (!kind || GATEWAY_CORE.has(kind)) {
    const since = kind ? GATEWAY_V1_SINCE[kind] : version === "v1" ? "1.0" : undefined;
    return {
      verdict: "warning",
      headline: `The Gateway API controller found no ${kind ?? "kind"} at ${apiVersion}: either no Gateway API CRDs are installed, or the installed bundle is older than the controller expects${since && version === "v1" ? ` (v1 needs Gateway API ${since}+; GKE's managed channel long served only v1beta1)` : ""}.`,
      versions,
      fixes: ["Check kubectl get crd gateways.gateway.networking.k8s.io -o jsonpath='{.metadata.annotations.gateway\\.networking\\.k8s\\.io/bundle-version}' and apply the bundle the controller release documents.", input.signature.fixes[1]!],
    };
  }
  if (GATEWAY_EXPERIMENTAL.has(`${kind}/${version}`)) {
    return {
      verdict: "cause",
      headline: `The controller watches ${kind} at ${apiVersion}, which only Gateway API's experimental channel serves: the cluster's CRDs are the standard channel (or a bundle without ${kind}), older or narrower than the controller release needs.`,
      versions,
      fixes: [`Install the experimental-channel CRDs of the Gateway API release the controller documents (experimental-install.yaml), or a controller release that treats ${kind} as optional.`, input.signature.fixes[1]!],
    };
  }
  const since = version === "v1" ? GATEWAY_V1_SINCE[kind] : undefined;
  return {
    verdict: "cause",
    headline: `The controller watches ${kind} at ${apiVersion}${since ? `, which Gateway API ${since} added to the bundle` : ""}, and the cluster's Gateway API CRDs do not serve it: the CRDs are older than the controller (a chart or image upgrade that left the CRDs behind, or a platform-managed bundle).`,
    versions: since ? [...versions, { name: "bundle", version: since, role: `first Gateway API release serving ${kind} at ${version}`, source: "Gateway API release notes (built in)", typed: classifyVersion(since, { kind: "component", component: "Gateway API" }) }] : versions,
    fixes: [`Apply the Gateway API CRDs ${since ? `of ${since} or later` : "the controller release documents"} (kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v<version>/standard-install.yaml, or the experimental bundle where the controller needs it).`, input.signature.fixes[1]!],
  };
};

/** Control-plane components Istio dropped, with the release that no longer installs them. */
const ISTIO_REMOVED_COMPONENTS: Record<string, string> = { policy: "1.8", telemetry: "1.8", mixer: "1.8", citadel: "1.6", galley: "1.6", sidecarInjectorWebhook: "1.6", "sidecar-injector": "1.6" };

/**
 * istioctl-upgrade-version-refused. The two versions say which side is behind. Builds of one release that differ only
 * in a pre-release label are istioctl's labelling (istio/istio#18521), not a skew.
 */
const diagnoseIstioctl: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const current = input.capture("current");
  const target = input.capture("target") ?? "?";
  const istioctl = input.capture("istioctl");
  const component = input.capture("component");
  if (istioctl) {
    const sameRelease = istioctl.replace(/^v/, "").split("-")[0] === target.replace(/^v/, "").split("-")[0];
    if (sameRelease) {
      return {
        verdict: "not-skew",
        headline: `istioctl ${istioctl} and the target ${target} are builds of one release (a pre-release label): istioctl's version labelling of that time (istio/istio#18521), not a skew; the released istioctl accepts it.`,
        versions,
      };
    }
    return {
      verdict: "cause",
      headline: `The manifests are Istio ${target} but the istioctl running the upgrade is ${istioctl}: istioctl only installs its own release.`,
      versions,
      fixes: [`Download istioctl ${target} (curl -L https://istio.io/downloadIstio | ISTIO_VERSION=${target} sh -) and run the upgrade with it, or drop -d/--manifests so istioctl ${istioctl} uses its own.`],
    };
  }
  if (component && current) {
    const name = component.replace(/^istio-/, "");
    const removedIn = ISTIO_REMOVED_COMPONENTS[name];
    const t = parseKubeVersion(target);
    if (removedIn && t && compareVersions(target, `${removedIn}.0`) !== undefined && compareVersions(target, `${removedIn}.0`)! >= 0) {
      return {
        verdict: "cause",
        headline: `The ${component} pod still runs Istio ${current}: it is a component Istio ${removedIn} no longer installs, so the ${target} upgrade never replaces it and istioctl waits for it in vain.`,
        versions,
        fixes: [`Disable and delete ${component} (Mixer policy/telemetry) before upgrading past ${removedIn}, then rerun the upgrade.`],
      };
    }
    return {
      verdict: "cause",
      headline: `After installing Istio ${target}, the ${component} pod still reports ${current}: part of the control plane did not move to the new release.`,
      versions,
      fixes: [`Check why ${component} was not rolled (kubectl -n istio-system get deploy -o wide), upgrade or remove it, then rerun istioctl upgrade.`],
    };
  }
  const relation = input.capture("relation");
  const limit = input.capture("limit");
  const order = compareVersions(current, target);
  if (relation === "before" || (order !== undefined && order < 0)) {
    return {
      verdict: "cause",
      headline: `The installed Istio ${current ?? "control plane"} is older than istioctl ${target} upgrades from${limit ? ` (the first release it upgrades is ${limit})` : ""}: the jump spans too many minor releases for an in-place upgrade.`,
      versions,
      fixes: [`Upgrade in steps${limit ? ` (first to ${limit} with its istioctl)` : ""}, one or two minors at a time, or install ${target} as a canary revision (istioctl install --revision) and move namespaces over.`],
    };
  }
  return {
    verdict: "cause",
    headline: `istioctl ${target} is older than the installed control plane ${current ?? ""} and does not know it: this is a downgrade, which this istioctl's check refuses (istioctl 1.7 refused even the documented one-minor downgrade, fixed by istio/istio#29191).`,
    versions,
    fixes: [`Use the istioctl of the installed release ${current ?? ""} for the in-place step, or downgrade with a canary revision; pass --force only after checking the downgrade is supported.`],
  };
};

export const addons16Diagnosers: Record<string, Diagnoser> = {
  "tekton-cli-pipelines-version-mismatch": diagnoseTekton,
  "longhorn-upgrade-path-unsupported": diagnoseLonghorn,
  "coredns-corefile-plugin-unknown": diagnoseCoreDns,
  "calicoctl-cluster-version-mismatch": diagnoseCalicoctl,
  "gateway-api-crds-older-than-controller": diagnoseGatewayApi,
  "istioctl-upgrade-version-refused": diagnoseIstioctl,
};
