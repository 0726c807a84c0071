import { captureRoles, type Diagnoser, type DiagnosisPart } from "./context.js";
import { BUILTIN_GROUPS, KIND_API_VERSIONS, REMOVED_APIS } from "./tables.js";
import { apiVersionAfter, crdVersionStatus } from "./tables-crd.js";
import { compareMinor, parseKubeVersion, splitGroupVersion } from "../kube/versions.js";

// Diagnoses for src/signatures/api12.ts (served APIs, CRDs, webhooks, operators), merged into DIAGNOSERS in index.ts.

const diagnoseReviewResponse: Diagnoser = (input) => {
  const expected = input.capture("expected") ?? "";
  const got = input.capture("got") ?? "";
  const review = input.capture("review") ?? "AdmissionReview";
  if (got === "/" || got === "") {
    return {
      headline: `The apiserver sent a ${expected} ${review} and the webhook answered without apiVersion and kind: it was written for the v1beta1 review (where the apiserver tolerated that), older than the registration that lists ${expected.split("/")[1] ?? "v1"}.`,
      versions: captureRoles(input),
    };
  }
  if (got === expected) return { verdict: "not-skew", headline: `The webhook answered ${got} as asked; the kind of its answer is wrong, which is a webhook bug, not a version skew.` };
  return { headline: `The apiserver sent a ${expected} ${review} and the webhook answered in ${got}: the webhook speaks another review version than its registration promises.`, versions: captureRoles(input) };
};

const diagnoseUnknownConversion: Diagnoser = (input) => {
  const from = input.capture("from") ?? "";
  const to = input.capture("to") ?? "";
  const kind = input.capture("kind") ?? "";
  if (from === to || kind !== input.capture("toKind")) {
    return { verdict: "not-skew", headline: `A conversion from ${from}.${kind} to ${to}.${input.capture("toKind") ?? ""} is not between two versions of one kind: a program bug, not a version skew.` };
  }
  // The apiserver failing open let the request through (a W line, kubernetes' dispatcher): nothing failed because of it.
  if (/\bfailing\s+open\b/.test(input.finding.text)) {
    return { verdict: "not-skew", headline: `The apiserver called a webhook that could not convert ${from}.${kind} and failed open: the request went through, so this explains no failure.` };
  }
  if (kind === "AdmissionReview" || kind === "ConversionReview") {
    return {
      headline: `The apiserver sent a ${from} ${kind} and the webhook's code handles only ${to}: the webhook is older than its registration, which lists ${from} first (or only).`,
      versions: captureRoles(input),
      fixes: [`Upgrade the webhook to one that decodes ${kind} ${from}, or list ${to} first in ${kind === "AdmissionReview" ? "admissionReviewVersions" : "conversionReviewVersions"}.`],
    };
  }
  if (/WebhookConfiguration$/.test(kind)) {
    return {
      headline: `${kind} ${from} reached code that handles only ${to}: the manifests (a provider's components) are from an older release than the tool reading them (clusterctl v0.4+ takes admissionregistration.k8s.io/v1 only; v1beta1 was removed in Kubernetes 1.22).`,
      versions: captureRoles(input),
    };
  }
  // Any other kind: a program calling its own scheme's Convert without the conversion functions registered (a library
  // use, kubernetes/kubernetes#126582), not data of another release.
  return { verdict: "not-skew", headline: `A program converted ${kind} from ${from} to ${to} with a scheme that has no conversion registered for it: a use of the library, not components of different releases.`, versions: captureRoles(input) };
};

/**
 * What the CRD table says about a custom resource version the cluster does not serve; undefined when it does not know
 * the group or lists the version as current since the group's first release (then the CRD not being installed is the
 * likelier reading).
 */
export function crdVersionFinding(apiVersion: string, kind: string): DiagnosisPart | undefined {
  const { group, version } = splitGroupVersion(apiVersion);
  const status = crdVersionStatus(group, version);
  // A renamed group (certmanager.k8s.io, traefik.containo.us, keda.k8s.io) was the current one for years, when a missing
  // CRD was the usual reason for this message: only a version dropped within a group is taken as the releases disagreeing.
  if (status.kind === "removed" && !status.group.renamedTo) {
    const renamed = status.group.renamedTo ? ` (the group became ${status.group.renamedTo})` : "";
    // Served for a window only (snapshot v1beta1: external-snapshotter 2.0 to 5.x): CRDs older than the window miss it too.
    const older = status.since ? `, the ${status.group.product} installed predates ${status.since} (which first served it)` : "";
    return {
      verdict: "warning",
      headline: `${status.group.product} ${status.removedIn} and later do not serve ${kind} ${apiVersion}${renamed}: the manifest or client is older than the ${status.group.product} installed${older}, or ${status.group.product} is not installed.`,
      fixes: [`Move the manifest to the version the installed ${status.group.product} serves (kubectl api-resources | grep ${kind}), or install the ${status.group.product} release it was written for.`],
    };
  }
  if (status.kind === "never-served" && status.newer) {
    const served = Object.keys(status.group.versions).join(", ");
    return {
      verdict: "warning",
      headline: `No ${status.group.product} release serves ${apiVersion} (its CRDs serve ${served}): the manifest follows docs for another ${status.group.product} release than the one installed, or has a wrong version.`,
      fixes: [`Use ${group}/${Object.keys(status.group.versions).pop() ?? version} (kubectl api-resources | grep ${kind} shows what the cluster serves).`],
    };
  }
  // A version a later release added beside older ones of the same group (Tekton Triggers v1beta1 from 0.15, Knative
  // Serving v1 from 0.10): the CRDs by that name may be installed and serve only the older versions (tektoncd/triggers#1226,
  // sigstore/scaffolding#5, purestorage/pso-csi#165), which reads the same as none installed.
  if (status.kind === "current" && status.since) {
    const since = status.since;
    const older = Object.keys(status.group.versions).filter((v) => apiVersionAfter(version, v));
    if (older.length > 0) {
      return {
        verdict: "warning",
        headline: `${status.group.product} serves ${kind} ${apiVersion} from ${since} on (earlier releases serve ${older.join(", ")} only): the ${status.group.product} installed is older than the manifest or client written for ${apiVersion}, or ${status.group.product} is not installed.`,
        fixes: [`Upgrade ${status.group.product} to ${since} or later (kubectl api-resources | grep ${kind} shows the versions served), or write the manifest at a version the installed release serves.`],
      };
    }
  }
  return undefined;
}

const diagnoseOperatorCrd: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "";
  const kind = input.capture("kind");
  return {
    headline: `The operator watches ${kind ? `${kind} ` : ""}${apiVersion}, which no CRD in the cluster serves: its CRDs are older than the operator (not upgraded with it) or not installed.`,
    versions: captureRoles(input),
    reasoning: [`kubectl get crd -o custom-columns=NAME:.metadata.name,VERSIONS:.spec.versions[*].name | grep ${splitGroupVersion(apiVersion).group} shows which versions the installed CRDs serve.`],
  };
};

const FLUX_CURRENT: Record<string, string> = {
  "kustomize.toolkit.fluxcd.io": "v1",
  "source.toolkit.fluxcd.io": "v1",
  "helm.toolkit.fluxcd.io": "v2",
  "notification.toolkit.fluxcd.io": "v1",
};

const diagnoseFluxPatch: Diagnoser = (input) => {
  const group = input.capture("group") ?? "";
  const version = input.capture("version") ?? "";
  const current = FLUX_CURRENT[group];
  if (current === version) {
    return { verdict: "not-skew", headline: `The patch targets ${input.capture("kind")} at ${group}/${version}, the current Flux version: it misses for another reason (name, namespace), not an API version.` };
  }
  return {
    headline: `A kustomize patch targets ${input.capture("kind")} at ${group}/${version}, which the Flux manifests in the repository no longer use${current && current !== version ? ` (current Flux writes ${group}/${current})` : ""}: the patches were written for an older Flux than the regenerated gotk manifests.`,
    versions: captureRoles(input),
  };
};

const ALWAYS_SERVED = new Set(["v1", "apps/v1", "rbac.authorization.k8s.io/v1"]);

const diagnoseTerraformManifest: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "";
  const kind = input.capture("kind") ?? "";
  const { group } = splitGroupVersion(apiVersion);
  const removed = REMOVED_APIS[apiVersion];
  if (removed) {
    return {
      headline: `${kind} ${apiVersion} was removed in Kubernetes ${removed.removedIn}: the Terraform manifest targets an older Kubernetes than the cluster runs.`,
      versions: [...captureRoles(input), { name: "removedIn", version: removed.removedIn, role: `release that stopped serving ${apiVersion}`, source: "removal table" }],
      fixes: [`Move the manifest to ${removed.replacement}.`],
    };
  }
  // Core v1, apps/v1 and rbac v1 are served by every release still met (1.9 on): the provider's discovery failed.
  if (ALWAYS_SERVED.has(apiVersion)) {
    return { verdict: "not-skew", headline: `Not a version skew: every Kubernetes release since 1.9 serves ${kind} ${apiVersion}; the provider could not read the cluster's API discovery (credentials, endpoint, provider version).` };
  }
  if (BUILTIN_GROUPS.has(group)) {
    // kuptan/terraform-k8s-flux-bootstrap#1 (Kubernetes 1.19): apiextensions.k8s.io/v1 CRDs refused next to v1/ServiceAccount
    // and rbac ClusterRoles. An API the cluster's release serves, or refused beside one every release serves, is the
    // provider's discovery failing, not the cluster's Kubernetes.
    const life = KIND_API_VERSIONS[kind]?.group === group ? KIND_API_VERSIONS[kind].versions[splitGroupVersion(apiVersion).version] : undefined;
    const server = input.hint("server", "kubernetes", "cluster");
    const since = life?.since ? parseKubeVersion(life.since) : undefined;
    const gone = life?.removedIn ? parseKubeVersion(life.removedIn) : undefined;
    if (server && since && compareMinor(server.version, since) >= 0 && !(gone && compareMinor(server.version, gone) >= 0)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: Kubernetes ${server.hint.version} serves ${kind} ${apiVersion} (since ${life!.since}); the provider could not read the cluster's API discovery (credentials, endpoint, provider version).`,
      };
    }
    const nearby = [...input.finding.context.before, ...input.finding.context.after].map((l) => l.text);
    const sibling = nearby.map((t) => /resource\s+\[((?:[\w.-]+\/)?v\d\w*)\/[A-Z]\w*\]\s+isn't\s+valid\s+for\s+cluster/.exec(t)?.[1]).find((gv) => gv !== undefined && ALWAYS_SERVED.has(gv));
    if (sibling && life?.since && !life.removedIn) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the provider refused ${sibling} resources too, which every release serves; its API discovery failed, so ${kind} ${apiVersion} (served since ${life.since}) tells nothing of the cluster's release.`,
      };
    }
    if (life?.since && !life.removedIn && !server) {
      return {
        verdict: "warning",
        headline: `The provider found no ${kind} ${apiVersion}, which every Kubernetes from ${life.since} on serves: a cluster older than ${life.since}, or (more often) the provider failed to read the cluster's API discovery.`,
        versions: captureRoles(input),
      };
    }
    return { verdict: "warning", headline: `The cluster does not serve ${kind} ${apiVersion}: a built-in API its Kubernetes does not serve (yet, or any more).`, versions: captureRoles(input) };
  }
  const crd = crdVersionFinding(apiVersion, kind);
  if (crd) return { ...crd, versions: captureRoles(input) };
  return {
    verdict: "not-skew",
    headline: `No CRD serves ${kind} ${apiVersion}: the CRD is not installed (kubernetes_manifest needs it at plan time), which is not a version skew by itself.`,
  };
};

// kedacore/charts#427: ScaledObjects hand-edited to keda.sh/v2beta2, which no KEDA release served: bad objects, not releases
// that disagree. A version a release did serve keeps the signature's reading (CRDs upgraded past stored objects).
const diagnoseStoredVersion: Diagnoser = (input) => {
  const apiVersion = input.capture("apiVersion") ?? "";
  const { group, version } = splitGroupVersion(apiVersion);
  const status = crdVersionStatus(group, version);
  if (status.kind === "never-served") {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: no ${status.group.product} release served ${apiVersion} (its CRDs serve ${Object.keys(status.group.versions).join(", ")}), so objects stored at it were written by hand or by a tool, not by another release.`,
      versions: captureRoles(input),
      fixes: [`Rewrite the objects at a version ${status.group.product} serves (or delete and recreate them), then restart the controller.`],
    };
  }
  return { headline: `${input.signature.title}: ${input.signature.meaning}` };
};

// Fields every apiserver since 1.18 puts in metadata (server-side apply's managedFields): a webhook that cannot decode
// them was built against an older Kubernetes than the cluster, whatever the manifest says.
const KUBERNETES_META_FIELDS = new Set(["managedFields", "fieldsType", "fieldsV1", "manager", "operation", "subresource"]);

const diagnoseWebhookDecode: Diagnoser = (input) => {
  const field = input.capture("field") ?? "";
  if (KUBERNETES_META_FIELDS.has(field)) {
    return {
      verdict: "cause",
      headline: `The webhook cannot decode metadata.managedFields (${field}), which every apiserver from Kubernetes 1.18 on adds: the webhook was built against an older Kubernetes than the cluster runs.`,
      versions: captureRoles(input),
    };
  }
  return {
    verdict: "warning",
    headline: `The webhook's types have no field ${field}: the manifest is written for a newer release of the project's CRDs than the webhook installed (or the field is mistyped).`,
    versions: captureRoles(input),
  };
};

// Gateway API's CRDs are installed on their own, never with a controller's chart: a controller listing them and finding
// none (cert-manager's optional Gateway support, kubernetes/cert-manager#4310) found them not installed, not stale.
const diagnoseOperatorCrdsOlder: Diagnoser = (input) => {
  const group = input.capture("group") ?? "";
  if (group === "networking.x-k8s.io" || group === "gateway.networking.k8s.io") {
    return {
      verdict: "not-skew",
      headline: `The controller watches Gateway API's ${input.capture("kind") ?? "kinds"} (${group}), whose CRDs are installed separately from any controller: they are not installed, which is not a version skew (turn the controller's Gateway support off, or install Gateway API).`,
      versions: captureRoles(input),
    };
  }
  return { headline: `${input.signature.title}: ${input.signature.meaning}` };
};

export const api12Diagnosers: Record<string, Diagnoser> = {
  "webhook-decode-unknown-field": diagnoseWebhookDecode,
  "operator-crds-older-than-controller": diagnoseOperatorCrdsOlder,
  "crd-stored-version-not-served": diagnoseStoredVersion,
  "admission-review-response-version": diagnoseReviewResponse,
  "scheme-conversion-unknown": diagnoseUnknownConversion,
  "operator-crd-not-served": diagnoseOperatorCrd,
  "flux-patch-target-api-version": diagnoseFluxPatch,
  "terraform-manifest-api-not-valid": diagnoseTerraformManifest,
  "operator-version-annotation-notice": () => ({ verdict: "not-skew", headline: "An operator stamping its version on resources an earlier release reconciled: a notice, the reconciliation goes on." }),
};
