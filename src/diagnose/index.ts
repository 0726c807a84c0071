import type { Diagnosis, Finding, Signature, VersionRole } from "../model.js";
import { classifyVersion } from "../kube/versions.js";
import { makeInput, captureRoles, type DiagnoseContext, type Diagnoser } from "./context.js";
import { diagnoseEmulation, diagnoseFlagFormat, diagnoseKubeFloor, diagnoseMinCompat } from "./compatibility.js";
import * as skew from "./skew.js";
import * as eco from "./ecosystem.js";
import { coreDiagnosers } from "./area-core.js";
import { clientDiagnosers } from "./area-client.js";
import { platformDiagnosers } from "./area-platform.js";
import { addonsDiagnosers } from "./area-addons.js";
import { nodeDiagnosers } from "./area-node.js";
import { api12Diagnosers } from "./area-api12.js";
import { core13Diagnosers } from "./area-core13.js";
import { core14Diagnosers } from "./area-core14.js";
import { generic14Diagnosers } from "./area-generic14.js";
import { platform13Diagnosers } from "./area-platform13.js";
import { f13Diagnosers } from "./area-f13.js";
import { addons13Diagnosers } from "./area-addons13.js";
import { addons14Diagnosers } from "./area-addons14.js";
import { qa14Diagnosers } from "./area-qa14.js";
import { core15Diagnosers } from "./area-core15.js";
import { addons15Diagnosers } from "./area-addons15.js";
import { platform15Diagnosers } from "./area-platform15.js";
import { tools15Diagnosers } from "./area-tools15.js";
import { generic15Diagnosers } from "./area-generic15.js";
import { core16Diagnosers } from "./area-core16.js";
import { addons16Diagnosers } from "./area-addons16.js";
import { platform16Diagnosers } from "./area-platform16.js";
import { tools16Diagnosers } from "./area-tools16.js";
import { node16Diagnosers } from "./area-node16.js";
import { f17Diagnosers } from "./area-f17.js";
import { core18Diagnosers } from "./area-core18.js";
import { addons18Diagnosers } from "./area-addons18.js";
import { platform18Diagnosers } from "./area-platform18.js";
import { tools18Diagnosers } from "./area-tools18.js";
import { node18Diagnosers } from "./area-node18.js";
import { generic16Diagnosers } from "./area-generic16.js";

export type { DiagnoseContext } from "./context.js";

/**
 * Signatures whose lines are notices, not failures (a deprecation notice answers a request the server
 * served): reported as a warning only when the job ties them to a failure, otherwise listed with the
 * dismissed matches, versions and all. A line labelled with one of them is recognised in either list.
 */
export const NOTICE_SIGNATURES: ReadonlySet<string> = new Set(["api-deprecation-warning", "operator-version-annotation-notice"]);

const DIAGNOSERS: Record<string, Diagnoser> = {
  "k8s-compat-mincompat-out-of-range": diagnoseMinCompat,
  "k8s-compat-emulation-out-of-range": diagnoseEmulation,
  "k8s-compat-kube-floor": diagnoseKubeFloor,
  "k8s-compat-flag-format": diagnoseFlagFormat,
  "featuregate-unrecognized": skew.diagnoseFeatureGate,
  "featuregate-locked-or-prealpha": skew.diagnoseLockedGate,
  "kubelet-unknown-flag": skew.diagnoseKubeletFlag,
  "kubectl-client-server-skew": skew.diagnoseKubectlSkew,
  "kubectl-openapi-schema-error": skew.diagnoseOpenApi,
  "kubeadm-cp-version-too-old": skew.diagnoseKubeadmCpTooOld,
  "kubeadm-k8s-newer-than-kubeadm": skew.diagnoseK8sNewerThanKubeadm,
  "kubeadm-kubelet-newer-than-cp": skew.diagnoseKubeletNewer,
  "kubeadm-kubelet-too-old": skew.diagnoseKubeletTooOld,
  "kubeadm-upgrade-kubeadm-too-old": skew.diagnoseUpgradeKubeadmTooOld,
  "kubeadm-upgrade-too-many-minors": skew.diagnoseTooManyMinors,
  "kubeadm-upgrade-kubeadm-too-new": skew.diagnoseKubeadmTooNew,
  "kubeadm-upgrade-old-kubelets": skew.diagnoseOldKubelets,
  "kubeadm-config-api-removed": skew.diagnoseConfigApiRemoved,
  "k8s-scheme-kind-not-registered": skew.diagnoseSchemeKind,
  "kubeadm-external-etcd-too-old": skew.diagnoseEtcd,
  "api-no-kind-match": skew.diagnoseNoKindMatch,
  "api-deprecation-warning": skew.diagnoseDeprecation,
  "cri-api-unimplemented": skew.diagnoseCri,
  "clusterctl-provider-contract-mismatch": skew.diagnoseContract,
  "clusterctl-upgrade-contract": skew.diagnoseContract,
  "capi-kcp-version-jump": skew.diagnoseVersionJump,
  "capi-topology-version-change": skew.diagnoseVersionJump,
  "capi-mgmt-cluster-too-old": skew.diagnoseMgmtTooOld,
  "helm-kubeversion-incompatible": skew.diagnoseHelm,
  "k8s-component-unknown-flag": eco.diagnoseUnknownFlag,
  "kubectl-exec-plugin-api-version": eco.diagnoseExecPlugin,
  "kubectl-kustomize-too-old": eco.diagnoseKustomize,
  "minikube-kubectl-skew": eco.diagnoseMinikubeSkew,
  "kind-config-api-version": eco.diagnoseKindConfig,
  "managed-nodepool-newer-than-control-plane": eco.diagnoseNodePool,
  "eks-nodegroup-release-version": eco.diagnoseNodegroupRelease,
  "talos-upgrade-path": eco.diagnoseTalosPath,
  "kubespray-kube-version-unsupported": eco.diagnoseMinimum,
  "knative-kubernetes-too-old": eco.diagnoseMinimum,
  "istio-kubernetes-too-old": eco.diagnoseMinimum,
  "docker-api-version-too-new": eco.diagnoseDocker,
  "docker-api-version-too-old": eco.diagnoseDocker,
  "generic-version-skew": eco.diagnoseGeneric,
  "api-watch-version-not-served": eco.diagnoseWatchNotServed,
  "e2e-client-server-version-differs": eco.diagnoseE2eVersions,
  "cert-manager-api-version-removed": eco.diagnoseCertManagerApi,
  "managed-version-unsupported": eco.diagnoseManagedVersion,
  ...coreDiagnosers,
  ...clientDiagnosers,
  ...platformDiagnosers,
  ...addonsDiagnosers,
  ...nodeDiagnosers,
  ...api12Diagnosers,
  ...core13Diagnosers,
  ...core14Diagnosers,
  ...generic14Diagnosers,
  ...platform13Diagnosers,
  ...f13Diagnosers,
  ...addons13Diagnosers,
  ...addons14Diagnosers,
  ...qa14Diagnosers,
  ...core15Diagnosers,
  ...addons15Diagnosers,
  ...platform15Diagnosers,
  ...tools15Diagnosers,
  ...generic15Diagnosers,
  ...core16Diagnosers,
  ...addons16Diagnosers,
  ...platform16Diagnosers,
  ...tools16Diagnosers,
  ...node16Diagnosers,
  ...f17Diagnosers,
  ...core18Diagnosers,
  ...addons18Diagnosers,
  ...platform18Diagnosers,
  ...tools18Diagnosers,
  ...node18Diagnosers,
  ...generic16Diagnosers,
};

// The same strings appear where nothing failed: Go source, test tables, review comments.
// A Markdown "* " bullet is not a comment: pasted issue text uses them all the time.
const QUOTED_IN_SOURCE = /\b(?:fmt\.Errorf|errors\.(?:New|Errorf|Wrapf?)|field\.(?:Forbidden|Invalid)|(?:expected|want|expect)Err(?:or)?\w*\s*[:=])|\b[a-z][a-zA-Z]*(?:Err|Error)\s*:\s*["`]|^\s*\/\//;

/** Turns a finding into a diagnosis: the signature's data, refined by its family's reasoning. */
export function diagnose(finding: Finding, signature: Signature, context: DiagnoseContext): Diagnosis {
  const input = makeInput(finding, signature, context);
  if (QUOTED_IN_SOURCE.test(finding.text)) {
    return {
      verdict: "not-skew",
      headline: "The message is quoted in source code or a test, not produced by a failing component.",
      versions: [],
      reasoning: [],
      causes: [],
      fixes: [],
      references: [],
    };
  }
  const specific = DIAGNOSERS[signature.id];
  const part = specific ? specific(input) : { headline: `${signature.title}: ${signature.meaning}` };
  // A klog W line reports and carries on (older kubelets warned about unknown gates and kept going).
  const verdict = part.verdict ?? (signature.severity === "warning" || finding.klog?.level === "W" ? "warning" : "cause");
  return {
    verdict,
    headline: part.headline,
    versions: typed(part.versions ?? captureRoles(input), signature),
    ...(part.skew ? { skew: part.skew } : {}),
    reasoning: [signature.meaning, ...(part.reasoning ?? [])],
    causes: part.causes ?? signature.causes,
    fixes: part.fixes ?? signature.fixes,
    references: part.references ?? signature.references ?? [],
  };
}

/** Each row typed (the signature says what its shape cannot), and rows repeated by a diagnoser and a banner kept once. */
function typed(rows: VersionRole[], signature: Signature): VersionRole[] {
  const seen = new Set<string>();
  const out: VersionRole[] = [];
  for (const row of rows) {
    const key = `${row.name}\u0000${row.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const t = row.typed ?? classifyVersion(row.version, signature.versionKinds?.[row.name]);
    out.push(t ? { ...row, typed: t } : row);
  }
  return out;
}
