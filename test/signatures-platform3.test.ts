import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the platform rules added in the fifth tuning session: where the line alone proves two versions apart
// (a cause), where it only makes it likely (a warning), and where it proves the opposite (nothing, or dismissed).
describe("platform rules, fifth session", () => {
  it.each([
    // kubernetes/kubernetes#81386: kubeadm < 1.18 has no etcd for a newer minor and stops
    ["[upgrade/apply] FATAL: failed to retrieve an etcd version for the target Kubernetes version: unsupported or unknown Kubernetes version(1.17.0-alpha.0.22+0910ebfeee1e28)", "kubeadm-etcd-version-unknown", "cause"],
    // kubernetes/kubeadm#1256: upgrade plan only warns (etcd N/A)
    ["[upgrade/versions] WARNING: No recommended etcd for requested kubernetes version (v1.13.0)", "kubeadm-etcd-version-unknown", "warning"],
    // kubernetes/kubernetes#114232: 1.18+ falls back and goes on
    ["W1201 18:38:22.238280   13854 images.go:80] could not find officially supported version of etcd for Kubernetes v1.26.0-rc.1, falling back to the nearest etcd version (3.5.6-0)", undefined, "none"],
    // kinvolk/kube-spawn#320: an untyped config, or an empty document
    ["master-ajk8ix invalid configuration: kind and apiVersion is mandatory information that needs to be specified in all YAML documents", "kubeadm-config-kind-missing", "warning"],
    ["invalid configuration for GroupVersionKind /, Kind=: kind and apiVersion is mandatory information that must be specified", undefined, "none"],
    // vmware-tanzu/community-edition#5038: a template of another TKr named
    ["Error: workload cluster configuration validation failed: vSphere config validation failed: vSphere template kubernetes version validation failed: unable to get or validate VM Template for given Tanzu Kubernetes release: VM Template /HEL1/vm/Tanzu/photon-3-kube-v1.22.8+vmware.1-tkg.1-d69148b2a4aa7ef6d5380cc365cac8cd is not associated with TanzuKubernetesRelease v1.22.8+vmware.1-tkg.1-tf-v0.11.4. Please upload VM Template for this TanzuKubernetesRelease to continue", "tanzu-tkr-vm-template-missing", "cause"],
    // vmware-tanzu/community-edition#3190: no template of the TKr at all (another TKr's, or none imported)
    ["Your management cluster will be deployed with Tanzu Kubernetes release (TKr) v1.21.2+vmware.1. We are unable to detect a VM template that belongs to this Tanzu Kubernetes release.", "tanzu-tkr-vm-template-missing", "warning"],
    [`Error from server (Unable to find a compatible full version hint "1.20"`, "tanzu-tkr-vm-template-missing", "warning"],
    // tanzu-framework's resolver: a VM found but not converted to a template is no version matter
    ["unable to find VM Template associated with OVA Version v1.23.8+vmware.2-tkg.1-85a434f93857371fccb566a414462981, but found these VM(s) [ubuntu-2004-kube-v1.23.8] that can be used once converted to a VM Template", undefined, "none"],
    // vmware-tanzu/tanzu-framework#1299: a skipped minor; a downgrade is the spec behind the cluster
    ["Error: unable to upgrade management cluster: kubernetes version verification failed: Upgrading Kubernetes from v1.19.1+vmware.2 to v1.21.2+vmware.1 is not supported", "tanzu-kubernetes-upgrade-path", "cause"],
    ["kubernetes version verification failed: attempted to upgrade kubernetes from v1.18.0+vmware.2 to v1.18.0+vmware.1. Kubernetes version downgrade is not allowed.", "tanzu-kubernetes-upgrade-path", "warning"],
    // GKE: a named retired version is a cause; unnamed or cut, a warning
    [`ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=Version "1.9.2-gke.1" is invalid.`, "managed-version-unsupported", "cause"],
    ["ERROR: (gcloud.beta.container.clusters.create) ResponseError: code=400, message=Version is invalid.", "managed-version-unsupported", "warning"],
    [`ERROR: (gcloud.beta.container.clusters.create) ResponseError: code=400, message=Master version "1.9.7-gke.`, "managed-version-unsupported", "warning"],
    // IBM Cloud (E0156): the wording itself says the patch was superseded
    ["A previous patch was specified. Only the most recent patch for a particular minor version can be specified during cluster-create.  To list supported Kubernetes versions, run 'ibmcloud ks kube-versions'. (E0156)", "managed-version-unsupported", "cause"],
    // azurerm's client-side check: an empty list from AKS with pool and cluster on one version is the provider's bug
    [`│ The Kubernetes/Orchestrator Version "1.20.9" is not available for Node Pool "<node-pool-name>".`, "managed-version-unsupported", "warning"],
    // digitalocean/terraform-provider-digitalocean#1443: no DOKS slug lacks -do.N
    [`│ Error: Error creating Kubernetes cluster: POST https://api.digitalocean.com/v2/kubernetes/clusters: 422 (request "b0a344fc-e393-4484-aeb2-842c099b54e8") failed to test requested version slug "1.999.999-invalid-slug" for VersionFeatureDockerVpcBugFixed feature: invalid version slug`, undefined, "none"],
    // Terraform's aws_eks_addon_version: an add-on with no build for the minor, or a mistyped name
    [" Error: reading EKS Add-On version info (kubecost_kubecost, 1.28): empty result", "eks-addon-not-offered-for-version", "warning"],
    // CAPZ's Marketplace lookup
    [String.raw`E0428 23:07:38.283612       1 controller.go:324] "Reconciler error" err="failed to init machine scope cache: failed to get default image: no VM image found for publisher \"cncf-upstream\" offer \"capi\" sku \"ubuntu-2204-gen1\" with Kubernetes version \"v1.30.8\""`, "capi-provider-image-not-published", "warning"],
    // siderolabs/talos#7761: unknown keys are as often a mis-indented key as a newer Talos's
    ["# \t* <IP-Controlplane>: rpc error: code = InvalidArgument desc = unknown keys found during decoding:", "talos-provider-version-mismatch", "warning"],
    ["│ Error: talos_version is not compatible with kubernetes_version", "talos-provider-version-mismatch", "cause"],
    // kubernetes/kubernetes#89882: a 1.18 join without the kubeadm:get-nodes RBAC (names no version)
    [`nodes "k8n4" is forbidden: User "system:bootstrap:6lt0vk" cannot get resource "nodes" in API group "" at the cluster scope`, "kubeadm-join-node-rbac-missing", "warning"],
    [`nodes is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope`, undefined, "none"],
    // kubernetes-sigs/cluster-api-provider-openstack#3041: failure domains in the other contract's shape
    [String.raw` E0303 11:25:22.757223       1 controller.go:474] "Reconciler error" err="failed to retrieve status.failureDomains from infrastructure provider for Cluster \"xx\" in namespace \"default\": failed to`, "capi-infra-failure-domains-other-contract", "warning"],
    // eksctl: retired (named so by eksctl), newer than eksctl, and neither (a typo)
    ["Error: invalid version, 1.14 is no longer supported, supported values: auto, default, latest, 1.16, 1.17, 1.18, 1.19", "eksctl-version-unknown", "cause"],
    ["[✖]  invalid version, 1.10 is now deprecated, supported values: 1.11, 1.12, 1.13", "eksctl-version-unknown", "cause"],
    ["Error: invalid version 1.31, supported values: auto, default, latest, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30", "eksctl-version-unknown", "cause"],
    ["Error: invalid version 1.24.3, supported values: auto, default, latest, 1.23, 1.24, 1.25", undefined, "none"],
    ["Error: invalid version 1.2, supported values: auto, default, latest, 1.23, 1.24, 1.25", "eksctl-version-unknown", "warning"],
    // cloud-barista/cb-tumblebug#2773: the version named against what is offered
    ["Failed to Create Cluster. Available versions: [1.33.13 1.34.10 1.35.7 1.36.3]. err = not found version: 1.35.5", "managed-version-unsupported", "cause"],
    // k3s-io/k3s#4731: bootstrap data of another k3s release; rancher/k3k#278: another token
    ["starting kubernetes: preparing server: json: cannot unmarshal string into Go value of type bootstrap.File", "k3s-bootstrap-data-other-release", "warning"],
    ["Failed to reconcile with temporary etcd: bootstrap data already found and encrypted with different token", undefined, "none"],
    // near-misses of the managed wordings: capacity and VM-size refusals
    ["An error occurred (UnsupportedAvailabilityZoneException) when calling the CreateCluster operation: Cannot create cluster 'k8s-workshop' because us-east-1c, the targeted availability zone, does not currently have sufficient capacity to support the cluster.", undefined, "none"],
    ["Operation failed with status: 'Bad Request'. Details: The VM size of AgentPoolProfile:nodepool1 is not allowed in your subscription in location 'eastus'.  For more details, please visit https://aka.ms/cpu-quota", undefined, "none"],
  ] as const)("%s → %s %s", async (line, id, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });

  it("names the Tanzu release and the template of another release", async () => {
    const got = await verdictOf(
      "VM Template /dc0/vm/photon-3-kube-v1.21.2 is not associated with TanzuKubernetesRelease v1.21.2+vmware.1-tkg.2. Please upload VM Template for this TanzuKubernetesRelease to continue",
    );
    expect(got.captures).toEqual({ template: "/dc0/vm/photon-3-kube-v1.21.2", tkr: "v1.21.2+vmware.1-tkg.2" });
  });
});
