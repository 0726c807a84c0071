import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the sixth session's platform rules (src/signatures/platform12.ts): where the line proves the tool and
// the platform apart (a cause), where it only makes it likely (a warning), and the look-alikes that must stay silent.
describe("platform rules, sixth session", () => {
  it.each([
    // Karpenter's compatibility window (aws/karpenter-provider-aws#6271, #7629; kubernetes-sigs/karpenter#3089)
    [`{"level":"ERROR","logger":"controller.nodeclass","message":"karpenter version is not compatible with K8s version 1.30","commit":"e719109"}`, "karpenter-kubernetes-version-incompatible", "cause"],
    ["panic: validating kubernetes version, karpenter version is not compatible with K8s version 1.32", "karpenter-kubernetes-version-incompatible", "cause"],
    [`"error": "updating version, validating kubernetes version, karpenter is not compatible with kubernetes version (version=1.34)"`, "karpenter-kubernetes-version-incompatible", "cause"],
    // talhelper: an error for a Talos newer than its build, a warning it goes on after (talhelper#1594, #1053)
    [`  * "v1.13.2" is not a supported Talos version`, "talhelper-talos-version-unsupported", "cause"],
    [`  * WARNING: "v1.10.4" might not be compatible with this Talhelper version you're using`, undefined, "none"],
    // clusterctl v0.4 and v1alpha3 components (cluster-api#5171, #5096); the API server's AdmissionReview is not this
    [`Error: failed to get provider components for the "vsphere" provider: failed to set the TargetNamespace on the components: converting (v1beta1.MutatingWebhookConfiguration) to (v1.MutatingWebhookConfiguration): unknown conversion`, "clusterctl-provider-components-older-contract", "cause"],
    // metadata.yaml without the release's series: the provider's packaging, which every clusterctl fails on alike
    ["Error: invalid provider metadata: version v0.5.0 (one of the available versions) for the provider rke2-bootstrap-system/bootstrap-rke2-bootstrap does not match any release series", undefined, "none"],
    // EKS add-on minor steps; a comment quoting it is not a failure
    ["failed to update addon: Updating VPC-CNI can only go up or down 1 minor version at a time", "eks-addon-version-step", "cause"],
    ["    # Updating VPC-CNI can only go up or down 1 minor version at a time.", undefined, "none"],
    // eksctl's ClusterConfig API versions and fields (eksctl#1173, eks-workshop#335, eksctl#3293, #1023, eks-anywhere#1955)
    [`[✖]  loading config file "eks-cluster.yaml": no kind "ClusterConfig" is registered for version "eksctl.io/v1alpha5" in scheme "k8s.io/client-go/kubernetes/scheme/register.go:60"`, "eksctl-config-api-version", "cause"],
    [`[✖]  loading config file "eksworkshop.yml": no kind "ClusterConfig" is registered for version "eksctl.io/v1alpha4" in scheme "k8s.io/client-go/kubernetes/scheme/register.go:60"`, "eksctl-config-api-version", "cause"],
    [`"Error: loading config file "yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "wellKnownPolicies"`, "eksctl-config-field-unknown", "cause"],
    [`Error: loading config file "c.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "fooBar"`, "eksctl-config-field-unknown", "warning"],
    [`[✖]  loading config file "eksctlfix.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "name"`, undefined, "none"],
    [`Error: loading config file "cluster.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "spec"`, undefined, "none"],
    [`2024-01-31 14:12:52 [✖]  error getting cluster stack template: failed to parse GetStackTemplate response: json: unknown field "AccessConfig"`, "eksctl-stack-template-field-unknown", "cause"],
    // AKS
    [`        Message: rpc error: code = NotFound desc = Control plane version "1.29.0" not found`, "aks-version-not-offered", "cause"],
    ["Exception Details:\t(Unspecified) rpc error: code = NotFound desc = Control Plane not found", undefined, "none"],
    ["Error: ConfigurationVersion 'v0.20241015.1' is not supported for AgentBaker.", "aks-node-configuration-version-unsupported", "cause"],
    // EKS Anywhere: bundle and eksaVersion skew; manifest number 0 is a wrong file more likely than a missing minor
    [`"error": "cannot upgrade workload cluster with bundle spec.number 41 while management cluster mgmt is on older bundle spec.number 40"`, "eksa-version-skew-refused", "cause"],
    ["cannot upgrade to v0.20.0 from v0.18.7: EksaVersion upgrades must have a skew of 1 minor version", "eksa-version-skew-refused", "cause"],
    ["Error: unable to get cluster config from file: kubernetes version 1.24 is not supported by bundles manifest 0", "eksa-version-skew-refused", "warning"],
    ["Error: unable to get cluster config from file: kubernetes version 1.31 is not supported by bundles manifest 62", "eksa-version-skew-refused", "cause"],
    // openshift-ansible: another minor is a cause, the same X.Y a warning (openshift_release takes X.Y; #2854)
    ["Detected OpenShift version 1.3.0 does not match requested openshift_release 1.5.0-alpha.2. You may need to adjust your yum repositories", "openshift-ansible-version-mismatch", "cause"],
    ["Detected OpenShift version 3.3.1.5 does not match requested openshift_release 3.3.1.3. You may need to adjust your yum repositories", "openshift-ansible-version-mismatch", "warning"],
    ["     Message:  You requested openshift_release 3.7.1, which is not matched by the latest OpenShift RPM we detected as origin-3.10.0", "openshift-ansible-version-mismatch", "cause"],
    // Kubermatic's CNI step: a patch bump refused is the webhook's bug (kubermatic#12083)
    ["spec.cniPlugin.version: Forbidden: cannot upgrade CNI from 1.13.0 to 1.13.1, only one minor version difference is allowed unless unsafe-cni-upgrade label is present", undefined, "none"],
    ["spec.cniPlugin.version: Forbidden: cannot upgrade CNI from 1.11.0 to 1.13.0, only one minor version difference is allowed unless unsafe-cni-upgrade label is present", "kubermatic-cni-upgrade-step", "cause"],
    // azurerm's orchestrator_version check, alone: the provider's bug (#15477, #16173) or a pool ahead (#23223) alike
    [`│ The Kubernetes/Orchestrator Version "1.21.2" is not available for Node Pool "workerpool".`, "managed-version-unsupported", "warning"],
  ] as const)("%s → %s %s", async (line, id, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });

  it("blames the azurerm node pool when the message goes on to show the cluster on an older version", async () => {
    const log = [
      `│ Error: The Kubernetes/Orchestrator Version "1.29.2" is not available for Node Pool "user".`,
      "│",
      `│ Please confirm that this version is supported by the Kubernetes Cluster "ci-aks"`,
      `│ (Resource Group "rg-ci") - which may need to be upgraded first.`,
      "│",
      `│ The Kubernetes Cluster is running version "1.28.5".`,
    ].join("\n");
    const report = await analyze([textSource("tf.log", `${log}\n`)]);
    expect(report.causes[0]?.signature.id).toBe("managed-version-unsupported");
    expect(report.causes[0]?.diagnosis.versions.map((v) => v.version)).toEqual(expect.arrayContaining(["1.29.2", "1.28.5"]));
  });

  it("names the oldest Karpenter that supports the cluster's minor", async () => {
    const report = await analyze([textSource("k.log", "panic: validating kubernetes version, karpenter version is not compatible with K8s version 1.31\n")]);
    expect(report.causes[0]?.diagnosis.versions.find((v) => v.name === "karpenterMinimum")?.version).toBe("1.0.5");
  });
});

describe("platform rules, sixth session, second batch", () => {
  it.each([
    // Rancher's PSP-era snapshot gate (rancher/rancher#44038, #41320)
    ["Unable to restore etcd snapshot – recorded Kubernetes version on snapshot was <= v1.25.0 and current cluster version was v1.25.0 or newer", "rancher-etcd-restore-across-125", "cause"],
    ["unable to restore etcd snapshot -- recorded Kubernetes version on snapshot was <= v1.25.0 and current cluster version was v1.25.0 or newer", "rancher-etcd-restore-across-125", "cause"],
    // admissionReviewVersions: v1 only on a 1.16 server (rancher#29420, ingress-nginx#6179); a typo is no skew (intel#547)
    [String.raw`Error: UPGRADE FAILED: failed to create resource: ValidatingWebhookConfiguration.admissionregistration.k8s.io "rancher.cattle.io" is invalid: webhooks[0].admissionReviewVersions: Invalid value: []string{"v1"}: must include at least one of v1beta1`, "webhook-admission-review-versions-unsupported", "cause"],
    [String.raw`The MutatingWebhookConfiguration "intelfpgaplugin-mutating-webhook-configuration" is invalid: webhooks[0].admissionReviewVersions: Invalid value: []string{"v1beta"}: must include at least one of v1beta1`, undefined, "none"],
    // Juju charm channels by base; no channel at all is not this
    [`ERROR selecting releases: charm or bundle not found for channel "2/edge", base "amd64/ubuntu/20.04"`, "juju-charm-not-published-for-base", "warning"],
    [`ERROR selecting releases: charm or bundle not found for channel "", platform "amd64"`, undefined, "none"],
    // az aks add-ons newer than the CLI; a typo with az's suggestion is not
    [`The addon "azure-keyvault-secrets-provider" is not a recognized addon option. Possible options: 'http_application_routing', 'monitoring'`, "az-cli-aks-addon-unknown", "cause"],
    ["KeyError: 'azure-keyvault-secrets-provider'", "az-cli-aks-addon-unknown", "cause"],
    [`The addon "monitorin" is not a recognized addon option. Did you mean 'monitoring'? Possible options: 'http_application_routing', 'monitoring'`, undefined, "none"],
    ["KeyError: 'metadata'", undefined, "none"],
    // openshift-install against another release image (installer#3341, #5081, okd#2293)
    ["Error: unknown flag: --cluster-etcd-operator-image", "openshift-installer-release-image-mismatch", "cause"],
    ["Jul 14 12:24:08 ocp-whrb7-bootstrap bootkube.sh[2271]: Error: unknown flag: --infra-config-file", "openshift-installer-release-image-mismatch", "cause"],
    ["Dec 01 05:19:04 bootstrap kube-apiserver-render[60687]: Error: unknown flag: --operand-kubernetes-version", "openshift-installer-release-image-mismatch", "cause"],
    ["Jul 14 12:24:01 ocp-whrb7-bootstrap bootkube.sh[2271]: Rendering Kubernetes API server core manifests...", undefined, "none"],
  ] as const)("%s → %s %s", async (line, id, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });
});

describe("platform rules, sixth session, third batch", () => {
  it.each([
    // clusterctl and cert-manager (cloud-provider-azure#1212, CAPO#1132, cluster-api#3836)
    ["Error: action failed after 10 attempts: failed to get cert-manager object /, Kind=, /: Object 'Kind' is missing in 'unstructured object has no kind'", "clusterctl-cert-manager-version-mismatch", "cause"],
    // Karpenter's removed APIs: a warning either way (removed, or Karpenter not installed yet)
    [`unable to recognize "karpenter-provisioner.yaml": no matches for kind "Provisioner" in version "karpenter.sh/v1alpha5"`, "karpenter-api-version-removed", "warning"],
    ["apiVersion: karpenter.sh/v1beta1", undefined, "none"],
  ] as const)("%s → %s %s", async (line, id, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });
});

describe("EKS refusing an update between two minors", () => {
  it("blames a skipped minor and dismisses an update to the version the cluster already runs", async () => {
    const skip = await verdictOf("InvalidParameterException: unsupported Kubernetes version update from the current version, 1.11, to 1.13");
    expect(skip).toMatchObject({ id: "managed-version-unsupported", verdict: "cause", captures: { from: "1.11", to: "1.13" } });
    // rancher/rancher#18390: Rancher re-sent the cluster's own version after its upgrade.
    const same = await verdictOf("InvalidParameterException: unsupported Kubernetes version update from the current version, 1.11, to 1.11");
    expect(same.verdict).toBe("none");
  });
});
