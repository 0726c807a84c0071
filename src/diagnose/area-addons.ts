import type { Diagnoser } from "./context.js";

// kustomize-controller's dry-run of the sync manifests: the same refusal is what a bootstrap prints while the Flux CRDs it
// just applied are not established yet (fluxcd/flux2#2351), so only the CLI's own refusal is taken as the cause.
const FLUX_DRY_RUN = /\bdry-run\s+failed\b/;

const diagnoseFluxApi: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "this API version";
  if (FLUX_DRY_RUN.test(input.finding.text)) {
    return {
      verdict: "warning",
      headline: `kustomize-controller's dry-run found no ${apiVersion}: either the Flux CRDs do not serve it (manifests of another Flux release), or a bootstrap applied them a moment ago and they are not established yet.`,
      reasoning: ["flux bootstrap applies the CRDs and the sync Kustomization together; until the CRDs are established the dry-run reports the kind as unknown, and the next reconciliation succeeds."],
      causes: [
        "A bootstrap race: the first reconciliation ran before the new CRDs were established (retry, or flux ≥ 0.26.2 waits for them).",
        ...input.signature.causes,
      ],
    };
  }
  return { headline: `The Flux CRDs in the cluster do not serve ${apiVersion}: the flux CLI or the manifests belong to another Flux release than the controllers.` };
};

// Alpha contracts are no longer served by any supported Cluster API; a beta one missing may also be Cluster API not installed.
const diagnoseCapiApi: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "this version";
  if (/\/v1beta\d+$/.test(apiVersion)) {
    return {
      verdict: "warning",
      headline: `The cluster's CRDs do not serve ${apiVersion}: Cluster API (or this provider) is not installed, or it implements another contract than the manifest or controller.`,
      causes: ["clusterctl init was not run on this cluster (or the provider is missing).", ...input.signature.causes],
    };
  }
  return { headline: `The Cluster API CRDs do not serve ${apiVersion}: the manifest or controller belongs to an older Cluster API contract than the management cluster.` };
};

// A method missing from a service the daemon serves can only be an older daemon; a whole service missing may also be a
// plugin that failed to load (containerd/containerd#12247: the namespaces service gone on an unsupported filesystem).
const diagnoseContainerdApi: Diagnoser = (input) => {
  const service = input.capture("service") ?? "a";
  const method = input.capture("method");
  if (method !== undefined) {
    return { headline: `The containerd daemon serves the ${service} service without its ${method} method: the client was built against a newer containerd than the daemon.` };
  }
  return {
    verdict: "warning",
    headline: `The containerd daemon does not serve the ${service} service: it is older than the client, or the plugin behind the service failed to load.`,
  };
};

// IST0105 compares image strings: a variant tag of the same release (1.19.4-distroless against 1.19.4) is flagged too
// (istio/istio#47964), and that is no version skew.
const diagnoseIstioProxyImage: Diagnoser = (input) => {
  const pod = input.capture("pod");
  const injector = input.capture("injector");
  const core = (v: string | undefined) => v?.replace(/^v/, "").replace(/-(?:distroless|debug)$/, "");
  if (pod !== undefined && core(pod) === core(injector)) {
    return {
      verdict: "not-skew",
      headline: `The pod's istio-proxy ${pod} and the injector's ${injector ?? ""} are the same release in another image variant: no version skew.`,
    };
  }
  return { headline: `A pod still runs istio-proxy ${pod ?? "of an earlier release"} while the injector now injects ${injector ?? "another release"}: the control plane was upgraded and the pod not restarted.` };
};

// Diagnosers for the addons signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const addonsDiagnosers: Record<string, Diagnoser> = {
  "istio-proxy-image-mismatch": diagnoseIstioProxyImage,
  "flux-api-version-not-served": diagnoseFluxApi,
  "capi-api-version-not-served": diagnoseCapiApi,
  "containerd-api-unimplemented": diagnoseContainerdApi,
};
