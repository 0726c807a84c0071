import type { Diagnoser } from "./context.js";
import { classifyVersion } from "../kube/versions.js";
import { BUILTIN_GROUPS, KIND_GROUPS } from "./tables.js";

// Diagnosers for src/signatures/core15.ts (the tenth tuning session, area: core).

/**
 * kubelet-cgroup-v1-refused. The wording dates the kubelet: "is unsupported and will be removed" is 1.35's (KEP-5573,
 * failCgroupV1 true by default), "is in maintenance mode" is 1.31-1.34's, where failCgroupV1 defaults to false, so the
 * refusal there was configured (a warning: no release default changed). Without the second
 * sentence (a quoted fragment) the reading is 1.35's default, by far the common one.
 */
const diagnoseCgroupV1Refused: Diagnoser = (input) => {
  const wording = input.capture("wording") ?? "";
  // The kubelet's own source (its validation's format string), quoted in a diff or a search result.
  if (/\b(?:fmt\.Errorf|errors\.New)\s*\(/.test(input.finding.text)) {
    return { verdict: "not-skew", headline: "Not a refusal: the kubelet's source code that prints the cgroup v1 message." };
  }
  const row = (version: string, role: string) => {
    const typed = classifyVersion(version, "kubernetes");
    return { name: "kubeletRelease", version, role, source: "the kubelet's cgroup v1 wording (KEP-4569, KEP-5573)", ...(typed ? { typed } : {}) };
  };
  if (/maintenance/.test(wording)) {
    return {
      verdict: "warning",
      headline:
        "The kubelet (1.31-1.34, by its wording) refuses the cgroup v1 host because its configuration sets failCgroupV1: true (the default there is false): a configuration choice on a legacy host, not a release's new default.",
      versions: [row("1.31", "first kubelet release with failCgroupV1 (off by default until 1.35)")],
    };
  }
  return {
    verdict: "cause",
    headline:
      "The kubelet is 1.35 or newer, where failCgroupV1 defaults to true, and the host (or the kind/k3d/minikube node's engine) still runs cgroup v1: the Kubernetes release outgrew the host, which older kubelets ran on.",
    versions: [row("1.35", "first kubelet release that refuses cgroup v1 by default")],
  };
};

/**
 * crd-preserve-unknown-fields-upgrade (src/signatures/api12.ts). The apiserver's words are the same whether the installed
 * CRD kept preserveUnknownFields: true from an apiextensions.k8s.io/v1beta1 install of an older operator release (Argo
 * Rollouts 0.10 → 1.0, rook 1.5 → 1.6, mongodb-kubernetes-operator 0.6 → 0.7) or carries it for another reason: a CRD
 * edited in place, a manifest that sets it itself, a CRD changed without a release (kadalu/kadalu#533), a v1 CRD with
 * the field from some other tool (zalando/postgres-operator#1352). The line alone is a warning; the job makes it a cause
 * when it shows the v1beta1 side (kubectl's v1beta1 CustomResourceDefinition deprecation warning, a v1beta1 CRD
 * manifest) or a release move (helm upgrade, "upgrading ... to").
 */
const diagnosePreserveUnknownFields: Diagnoser = (input) => {
  const around = [...input.finding.context.before.slice(-30), ...input.finding.context.after.slice(0, 10)].map((l) => l.text).join("\n");
  const v1beta1 = /apiextensions\.k8s\.io\/v1beta1/.test(around);
  const upgrade = /\bhelm\s+upgrade\b|\bupgrad(?:e|ing)\s+(?:the\s+)?[\w./-]+\s+(?:from\s+\S+\s+)?to\s+v?\d|\bfrom\s+v?\d+\.\d+(?:\.\d+)?\s+to\s+v?\d+\.\d+/i.test(around);
  if (v1beta1 || upgrade) {
    return {
      verdict: "cause",
      headline: `The installed CRD keeps spec.preserveUnknownFields: true from ${v1beta1 ? "its apiextensions.k8s.io/v1beta1 install" : "an older release's apiextensions.k8s.io/v1beta1 CRD"}, and the newer release's apiextensions.k8s.io/v1 CRD (with schema defaults) cannot be applied over it: the CRD is older than the release being installed.`,
    };
  }
  return {
    verdict: "warning",
    headline:
      "The installed CRD has spec.preserveUnknownFields: true, which a structural schema with defaults forbids. Often it is left from an older release's apiextensions.k8s.io/v1beta1 CRD (an operator upgrade across its v1 move), but the same refusal follows a CRD edited in place or one whose manifest sets the field: set it to false (patch the installed CRD) and apply again.",
  };
};

/**
 * kubectl-openapi-validation-unknown-gvk. A kind no release serves in that group (Deployment in the core group, a
 * lower-case kind) is the manifest's mistake; an alpha version may just be off on the server; a core v1 kind is
 * kubectl 1.8.0/1.8.1 misreading a 1.7 server (client newer); any other built-in group/version is newer than the cluster.
 */
const diagnoseUnknownGvk: Diagnoser = (input) => {
  const group = input.capture("group") ?? "";
  const version = input.capture("version") ?? "";
  const kind = input.capture("kind") ?? "";
  const gv = group ? `${group}/${version}` : version;
  const groups = KIND_GROUPS[kind];
  if (/^[a-z]/.test(kind) || (groups && !groups.includes(group))) {
    return {
      verdict: "not-skew",
      headline: `Not a version skew: no Kubernetes release serves ${kind} in ${gv}${groups ? ` (${kind} belongs to ${groups.map((g) => g || "the core group").join(" / ")})` : " (a kind is capitalised: Pod, Service)"}: the manifest's apiVersion or kind is wrong on every release.`,
    };
  }
  if (/alpha/.test(version)) {
    return {
      verdict: "warning",
      headline: `The API server publishes no schema for ${kind} ${gv}: alpha versions are served only when enabled (--runtime-config), so either this cluster does not enable it or its release no longer has it.`,
    };
  }
  if (!group && version === "v1") {
    return {
      headline: `kubectl found no schema for core ${kind} v1, which every release serves: a kubectl 1.8.0/1.8.1 misreading a 1.7 API server's OpenAPI (kubernetes/kubernetes#53309); use the kubectl of the cluster's minor.`,
    };
  }
  if (group && !BUILTIN_GROUPS.has(group)) {
    return { verdict: "warning", headline: `The API server publishes no schema for ${kind} ${gv}: its CRD is not installed or does not serve ${version}.` };
  }
  return {
    headline: `The API server publishes no schema for ${kind} ${gv}: the cluster is older than the API version the manifest uses (or kubectl and the cluster are of different releases).`,
  };
};

export const core15Diagnosers: Record<string, Diagnoser> = {
  "kubelet-cgroup-v1-refused": diagnoseCgroupV1Refused,
  "crd-preserve-unknown-fields-upgrade": diagnosePreserveUnknownFields,
  "kubectl-openapi-validation-unknown-gvk": diagnoseUnknownGvk,
};
