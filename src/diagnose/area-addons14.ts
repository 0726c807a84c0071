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

// Istio's own proxy extensions (istio_authn, istio.stats, io.istio.*): only istio-proxy has them, so a proxy without one is
// another Istio release than istiod (istio/istio#47141), or a plain Envoy image fed Istio's config (envoyproxy/envoy#5618).
const ISTIO_EXTENSION = /^(?:istio[._]|io\.istio\.|mixer$)/;

const diagnoseEnvoyExtension: Diagnoser = (input) => {
  const extension = input.capture("extension") ?? "";
  const typeUrl = input.capture("typeUrl");
  // A filter without typed_config (envoyproxy/envoy#20919, #36121; envoyproxy/gateway#267): Envoy 1.22 stopped finding
  // extensions by name alone, so a configuration written for an older Envoy, or a control plane that still omits the type, fails.
  if (typeUrl === "") {
    return {
      verdict: "warning",
      headline: `${extension} has no typed_config: Envoy 1.22 and later find extensions by their typed_config type, not by name, so a configuration written for an older Envoy (or a control plane that omits the type) is refused.`,
      fixes: [`Give ${extension} a typed_config with its v3 type (type.googleapis.com/envoy.extensions.…v3.…), as the Envoy docs for the running release show.`],
    };
  }
  if (ISTIO_EXTENSION.test(extension)) {
    return {
      verdict: "warning",
      headline: `The proxy has no ${extension}, an extension of Istio's own proxy build: istiod and this proxy are different Istio releases (a sidecar not restarted after an upgrade, or istiod rolled back), or a plain Envoy image is running Istio's configuration.`,
      fixes: ["Compare istioctl proxy-status with istioctl version, and restart the workload so that it is injected with the control plane's proxy (or run istiod of the proxies' release)."],
    };
  }
  // A static file Envoy refuses at start-up is a hand-written configuration, not a control plane of another release:
  // a filter in the wrong list or a misspelt name (envoyproxy/envoy#16599, #14925) reads exactly like this.
  if (/error\s+initializing\s+configuration/.test(input.finding.text)) {
    return {
      verdict: "not-skew",
      headline: `Envoy refused its configuration file at start-up: it has no extension ${extension} where the file uses it, most often a filter in the wrong list, a misspelt name or an image without the extension rather than another release.`,
    };
  }
  return {
    verdict: "warning",
    headline: `The Envoy proxy has no extension ${extension}${typeUrl ? ` (${typeUrl})` : ""} that its control plane or an EnvoyFilter sent: the proxy is older than the configuration (a filter added in a later Envoy), or its release dropped the name; a misplaced or misspelt filter reads the same.`,
  };
};

export const addons14Diagnosers: Record<string, Diagnoser> = {
  "envoy-extension-not-registered": diagnoseEnvoyExtension,
  "eks-nodegroup-version-mismatch": diagnoseEksNodegroupVersion,
  "envoy-xds-v2-rejected": diagnoseEnvoyXdsV2,
};
