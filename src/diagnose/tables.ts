// Lookup tables the messages do not carry themselves. General Kubernetes knowledge (see the domain
// doc's caveats): kept as data so that they can be corrected without touching the reasoning.

/** group/version → Kubernetes minor that stopped serving it, with the kinds it affected. */
export const REMOVED_APIS: Record<string, { removedIn: string; replacement: string }> = {
  "extensions/v1beta1": { removedIn: "1.22", replacement: "networking.k8s.io/v1 (Ingress), apps/v1 (workloads)" },
  "networking.k8s.io/v1beta1": { removedIn: "1.22", replacement: "networking.k8s.io/v1" },
  "apiextensions.k8s.io/v1beta1": { removedIn: "1.22", replacement: "apiextensions.k8s.io/v1" },
  "admissionregistration.k8s.io/v1beta1": { removedIn: "1.22", replacement: "admissionregistration.k8s.io/v1" },
  "rbac.authorization.k8s.io/v1beta1": { removedIn: "1.22", replacement: "rbac.authorization.k8s.io/v1" },
  "certificates.k8s.io/v1beta1": { removedIn: "1.22", replacement: "certificates.k8s.io/v1" },
  "scheduling.k8s.io/v1beta1": { removedIn: "1.22", replacement: "scheduling.k8s.io/v1" },
  "storage.k8s.io/v1beta1": { removedIn: "1.22", replacement: "storage.k8s.io/v1 (CSIStorageCapacity: 1.27)" },
  "batch/v1beta1": { removedIn: "1.25", replacement: "batch/v1" },
  "policy/v1beta1": { removedIn: "1.25", replacement: "policy/v1 (PodDisruptionBudget); Pod Security Admission instead of PodSecurityPolicy" },
  "discovery.k8s.io/v1beta1": { removedIn: "1.25", replacement: "discovery.k8s.io/v1" },
  "events.k8s.io/v1beta1": { removedIn: "1.25", replacement: "events.k8s.io/v1" },
  "node.k8s.io/v1beta1": { removedIn: "1.25", replacement: "node.k8s.io/v1" },
  "autoscaling/v2beta1": { removedIn: "1.25", replacement: "autoscaling/v2" },
  "autoscaling/v2beta2": { removedIn: "1.26", replacement: "autoscaling/v2" },
  "flowcontrol.apiserver.k8s.io/v1beta1": { removedIn: "1.26", replacement: "flowcontrol.apiserver.k8s.io/v1" },
  "flowcontrol.apiserver.k8s.io/v1beta2": { removedIn: "1.29", replacement: "flowcontrol.apiserver.k8s.io/v1" },
  "flowcontrol.apiserver.k8s.io/v1beta3": { removedIn: "1.32", replacement: "flowcontrol.apiserver.k8s.io/v1" },
};

/** API groups served by Kubernetes itself; anything else in a "no matches" error is a CRD. */
export const BUILTIN_GROUPS = new Set([
  "", "apps", "batch", "autoscaling", "policy", "extensions", "networking.k8s.io", "apiextensions.k8s.io",
  "admissionregistration.k8s.io", "rbac.authorization.k8s.io", "certificates.k8s.io", "scheduling.k8s.io",
  "storage.k8s.io", "discovery.k8s.io", "events.k8s.io", "node.k8s.io", "flowcontrol.apiserver.k8s.io",
  "coordination.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
  "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
]);

/** kubelet flag → minor that removed it. */
export const REMOVED_KUBELET_FLAGS: Record<string, string> = {
  "network-plugin": "1.24",
  "network-plugin-mtu": "1.24",
  "cni-bin-dir": "1.24",
  "cni-conf-dir": "1.24",
  "cni-cache-dir": "1.24",
  "docker-endpoint": "1.24",
  "image-pull-progress-deadline": "1.24",
  "experimental-dockershim-root-directory": "1.24",
  "non-masquerade-cidr": "1.24",
  "dynamic-config-dir": "1.24",
  "container-runtime": "1.27",
};
