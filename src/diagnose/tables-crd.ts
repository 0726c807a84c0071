// API versions that popular operators' CRD groups have served, by release, for the diagnoses that must tell "no CRD
// serves this version" apart: a version no release ever served (a typo, docs of an unreleased version), one a later
// release stopped serving (CRDs newer than the manifest), or the group's current version (most often: not installed).
// Only versions checked against the projects' CRDs or release notes are listed; a group not listed is not judged.

export interface CrdVersion {
  /** The release that first served it, when known. */
  since?: string;
  /** The release whose CRDs stopped serving it. */
  removedIn?: string;
}

export interface CrdGroup {
  /** The project whose CRDs define the group, as a person names it. */
  product: string;
  /** Every version any release served, oldest first. */
  versions: Record<string, CrdVersion>;
  /** The group that replaced this one, when the project renamed its group. */
  renamedTo?: string;
}

export const CRD_GROUPS: Record<string, CrdGroup> = {
  // traefik/traefik: traefik.containo.us until 2.10 added traefik.io; Traefik 3.0 removed the old group. Both only v1alpha1.
  "traefik.io": { product: "Traefik", versions: { v1alpha1: { since: "2.10" } } },
  "traefik.containo.us": { product: "Traefik", versions: { v1alpha1: { removedIn: "3.0" } }, renamedTo: "traefik.io" },
  // kedacore/keda: KEDA 2 moved to keda.sh; ScaledObject, ScaledJob and TriggerAuthentication are v1alpha1 only.
  "keda.sh": { product: "KEDA", versions: { v1alpha1: { since: "2.0" } } },
  "keda.k8s.io": { product: "KEDA", versions: { v1alpha1: { removedIn: "2.0" } }, renamedTo: "keda.sh" },
  // cert-manager: certmanager.k8s.io until 0.11 renamed it cert-manager.io; 1.6 stopped serving the pre-v1 versions.
  "certmanager.k8s.io": { product: "cert-manager", versions: { v1alpha1: { removedIn: "0.11" } }, renamedTo: "cert-manager.io" },
  "cert-manager.io": {
    product: "cert-manager",
    versions: { v1alpha2: { since: "0.11", removedIn: "1.6" }, v1alpha3: { removedIn: "1.6" }, v1beta1: { removedIn: "1.6" }, v1: {} },
  },
  // aws/karpenter-provider-aws: v1alpha5/v1alpha1 until 0.32 brought v1beta1; 1.0 brought v1, and 1.1 stopped serving v1beta1.
  "karpenter.sh": { product: "Karpenter", versions: { v1alpha5: { removedIn: "0.32" }, v1beta1: { since: "0.32", removedIn: "1.1" }, v1: { since: "1.0" } } },
  "karpenter.k8s.aws": { product: "Karpenter", versions: { v1alpha1: { removedIn: "0.32" }, v1beta1: { since: "0.32", removedIn: "1.1" }, v1: { since: "1.0" } } },
  // tektoncd/triggers: v1beta1 came with Triggers 0.15 (tektoncd/dashboard#2614); v1alpha1 is still served. OpenShift
  // Pipelines 1.4 shipped Triggers 0.12, so examples from main met clusters that served v1alpha1 only.
  "triggers.tekton.dev": { product: "Tekton Triggers", versions: { v1alpha1: {}, v1beta1: { since: "0.15" } } },
  // knative/serving: v1beta1 from 0.7 (knative/docs#1483); v1 CRDs optional in 0.9 and installed by default from 0.10
  // (kserve/kserve#585, knative/client#620); 0.19 dropped v1alpha1 and v1beta1 (knative/serving#8638, #9620).
  "serving.knative.dev": { product: "Knative Serving", versions: { v1alpha1: { removedIn: "0.19" }, v1beta1: { since: "0.7", removedIn: "0.19" }, v1: { since: "0.10" } } },
  // kubernetes-csi/external-snapshotter: 2.0 moved the CRDs to v1beta1 (v1alpha1 no longer served), 4.0 added v1 and 6.0
  // stopped serving v1beta1 (CHANGELOG-6.0: "VolumeSnapshot v1beta1 APIs are no longer served").
  "snapshot.storage.k8s.io": {
    product: "external-snapshotter",
    versions: { v1alpha1: { removedIn: "2.0" }, v1beta1: { since: "2.0", removedIn: "6.0" }, v1: { since: "4.0" } },
  },
};

const rank = (v: string): number[] => {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return [];
  return [Number(m[1]), m[2] === "alpha" ? 0 : m[2] === "beta" ? 1 : 2, Number(m[3] ?? 0)];
};

/** Whether Kubernetes-style API version a sorts after b (v1 > v1beta2 > v1beta1 > v1alpha1). */
export function apiVersionAfter(a: string, b: string): boolean {
  const x = rank(a);
  const y = rank(b);
  if (x.length === 0 || y.length === 0) return false;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}

export type CrdVersionVerdict =
  | { kind: "never-served"; group: CrdGroup; newer: boolean }
  | { kind: "removed"; group: CrdGroup; removedIn: string; since?: string }
  | { kind: "current"; group: CrdGroup; since?: string }
  | { kind: "unknown" };

/** What the table says about group/version: never served, no longer served, or served by the current releases. */
export function crdVersionStatus(group: string, version: string): CrdVersionVerdict {
  const g = CRD_GROUPS[group];
  if (!g) return { kind: "unknown" };
  const row = g.versions[version];
  if (!row) return { kind: "never-served", group: g, newer: Object.keys(g.versions).every((v) => apiVersionAfter(version, v)) };
  if (row.removedIn) return { kind: "removed", group: g, removedIn: row.removedIn, ...(row.since ? { since: row.since } : {}) };
  return { kind: "current", group: g, ...(row.since ? { since: row.since } : {}) };
}
