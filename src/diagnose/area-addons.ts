import type { Diagnoser } from "./context.js";

// kustomize-controller's dry-run of the sync manifests: the same refusal is what a bootstrap prints while the Flux CRDs it
// just applied are not established yet (fluxcd/flux2#2351), so only the CLI's own refusal is taken as the cause.
const FLUX_DRY_RUN = /\bdry-run\s+failed\b/;

const diagnoseFluxApi: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "this API version";
  if (FLUX_DRY_RUN.test(input.finding.text)) {
    // The bootstrap's own sync object (Kustomization/<ns>/<ns>, flux-system/flux-system by default) refused for its own
    // kind, or the dry-run right after bootstrap's "installing components": the CLI wrote CRDs and sync manifests of one
    // release, so the kind is missing only because the CRDs were not established yet (fluxcd/flux2#2351, #2436).
    const self = /\b(?<kind>\w+)\/(?<ns>[\w.-]+)\/\k<ns>\s+dry-run\s+failed\b[^\n]*?no\s+matches\s+for\s+kind\s+\\?"?\k<kind>\b/.exec(input.finding.text);
    const bootstrapping = input.finding.context.before.slice(-3).some((l) => /installing\s+components\s+in\s+"?[\w.-]+"?\s+namespace/.test(l.text));
    if (self || bootstrapping) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: flux bootstrap applied its CRDs and its own sync objects together, and the dry-run ran before the CRDs serving ${apiVersion} were established; the same bootstrap run again succeeds.`,
        reasoning: ["The bootstrap's components and sync manifests come from the one CLI release, so the version is served once the CRDs are established (flux ≥ 0.26.2 waits for them)."],
        causes: ["The bootstrap race of flux 0.25–0.26.1 (fluxcd/flux2#2351), or a bootstrap into a rebuilt cluster without the CRDs (fluxcd/flux2#2436)."],
        fixes: ["Run the bootstrap again, or upgrade the flux CLI to 0.26.2 or later; applying the Flux CRDs first also avoids it."],
        references: ["https://github.com/fluxcd/flux2/issues/2351", "https://github.com/fluxcd/flux2/issues/2436"],
      };
    }
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
  // The image automation controllers are optional components (flux bootstrap --components-extra), so their CRDs are as
  // often missing as older or newer (adsblol/infra#13: never installed).
  if (apiVersion.startsWith("image.toolkit.fluxcd.io/")) {
    return {
      verdict: "warning",
      headline: `The cluster does not serve ${apiVersion}: the optional image automation controllers are not installed (flux bootstrap --components-extra=image-reflector-controller,image-automation-controller), or their CRDs belong to another Flux release than the manifests.`,
      causes: ["The image automation components were never installed: they are not part of Flux's default components.", ...input.signature.causes],
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

// The Velero release that added each DownloadRequest target kind to the CRD's enum (pkg/apis/velero/v1/download_request_types.go,
// by tag: git log -S DownloadTargetKind<Kind>).
const VELERO_TARGET_KIND_SINCE: Record<string, string> = {
  BackupResourceList: "1.3",
  CSIBackupVolumeSnapshots: "1.10",
  CSIBackupVolumeSnapshotContents: "1.10",
  BackupItemOperations: "1.11",
  RestoreItemOperations: "1.11",
  BackupResults: "1.11",
  RestoreResourceList: "1.11",
  BackupVolumeInfos: "1.13",
  RestoreVolumeInfo: "1.14",
};

const minorOf = (v: string) => Number(v.split(".")[1] ?? 0);

const diagnoseVeleroCrds: Diagnoser = (input) => {
  const kind = input.capture("kind") ?? "";
  const supported = [...(input.capture("supported") ?? "").matchAll(/\w+/g)].map((m) => m[0]);
  if (supported.includes(kind)) {
    return { verdict: "not-skew", headline: `The CRD lists ${kind} among its supported values: the refusal is not a missing kind.` };
  }
  const since = VELERO_TARGET_KIND_SINCE[kind];
  const newest = supported.map((k) => VELERO_TARGET_KIND_SINCE[k]).filter((v): v is string => v !== undefined).sort((a, b) => minorOf(a) - minorOf(b)).pop();
  const last = since ? `1.${minorOf(since) - 1}` : undefined;
  const from = newest && last ? (newest === last ? ` (from Velero ${newest})` : ` (from Velero ${newest}–${last})`) : "";
  return {
    headline: `The installed DownloadRequest CRD does not allow ${kind}${since ? `, which Velero ${since} added` : ""}: the CRDs${from} are older than the velero CLI or server that asked for it.`,
    reasoning: since ? [`${kind} joined the DownloadRequest target-kind enum in Velero ${since}; each release ships its CRDs, and Helm does not upgrade crds/.`] : [],
  };
};

// crossplane/crossplane#3423 (v1.11.1-up.1 against ">=v1.10.0") and crossplane-contrib/function-environment-configs#19
// (v1.16.0-rc.0… against ">=v1.15.0"): Masterminds semver leaves a pre-release out of a range without one, so a build with a
// suffix is refused while its release qualifies; an empty version is a build without version information.
const diagnoseCrossplaneConstraint: Diagnoser = (input) => {
  const raw = input.capture("crossplane") ?? "";
  if (raw === "" || input.capture("invalid") !== undefined) {
    return {
      verdict: "not-skew",
      headline: `Crossplane could not read its own version${raw ? ` (${raw})` : ""}: a build without version information, not a package outside its range.`,
    };
  }
  if (/^v?\d+\.\d+\.\d+-/.test(raw)) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew on its own: Crossplane ${raw} is a pre-release or vendor build, which semver excludes from a range without a pre-release part even when its release (${raw.replace(/-.*$/, "")}) is in range.`,
      reasoning: ["Compare the package's spec.crossplane.version with the release part; if it qualifies, set spec.ignoreCrossplaneConstraints: true (or publish the constraint with -0)."],
      references: ["https://github.com/crossplane/crossplane/issues/3423"],
    };
  }
  return { headline: `The package's spec.crossplane.version does not admit the running Crossplane ${raw}: the package was made for another Crossplane release.` };
};

// Diagnosers for the addons signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const addonsDiagnosers: Record<string, Diagnoser> = {
  "istio-proxy-image-mismatch": diagnoseIstioProxyImage,
  "flux-api-version-not-served": diagnoseFluxApi,
  "capi-api-version-not-served": diagnoseCapiApi,
  "containerd-api-unimplemented": diagnoseContainerdApi,
  "velero-crds-older-than-velero": diagnoseVeleroCrds,
  "crossplane-package-version-constraint": diagnoseCrossplaneConstraint,
};
