import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the seventh session's platform rules (src/signatures/platform13.ts): managed-cluster gates that refuse a
// version (causes), and the tool bugs that read like one (Fleet's stand-in render version, vendor minors like "22+"),
// which must stay out of the causes and warnings.
describe("platform rules, seventh session", () => {
  it.each([
    // Rancher eks-operator's n-1 nodegroup rule (rancher/eks-operator#834, rancher/hosted-providers-e2e)
    ["Error: Cluster ID c-XXXXX: versions for cluster [1.29] and nodegroup [1.27] not compatible: all nodegroup kubernetes versionsmust be equal to or one minor version lower than the cluster kubernetes version", "rancher-operator-nodegroup-version-skew", "cause"],
    ["versions for cluster [1.29] and nodegroup [1.30] not compatible: all nodegroup kubernetes versions must be equal to or one minor version lower than the cluster kubernetes version", "rancher-operator-nodegroup-version-skew", "cause"],
    [`\t\terrors = append(errors, fmt.Sprintf("versions for cluster [%s] and nodegroup [%s] not compatible: all nodegroup kubernetes versions"+`, undefined, "none"],
    // AKS's deprecated-API upgrade gate (Azure/AKS#3984, #4951; argo-cd#12382); prose naming the code is not one
    ["(ValidationError) Control Plane upgrade is blocked due to recent usage of a Kubernetes API deprecated in the specified version. Please refer to https://kubernetes.io/docs/reference/using-api/deprecation-guide to migrate the usage.", "aks-upgrade-blocked-deprecated-api", "cause"],
    [`  "subcode": "UpgradeBlockedOnDeprecatedAPIUsage"`, "aks-upgrade-blocked-deprecated-api", "cause"],
    ["During our attempt to upgrade the AKS cluster, we encountered `ValidationError UpgradeBlockedOnDeprecatedAPIUsage` errors, explicitly pointing to the usage of deprecated API versions", undefined, "none"],
    // Rancher's charts with PSPs on 1.25+ (rancher/rancher#40331, #41455; rancher/eks-operator#142)
    ["Helm upgrade failed: execution error at (rancher/templates/validate-psp-install.yaml:4:5): The target cluster does not have the PodSecurityPolicy API resource. Please disable PSPs in this chart before proceeding. Last Helm logs: preparing upgrade for rancher resetting values to the chart's original version", "chart-psp-api-missing", "cause"],
    // Fleet's stand-in render versions are Fleet's bug (rancher/fleet#399, #513, #2053); a real version is the chart's limit
    [`10/1/2021 4:57:49 PM time="2021-10-01T14:57:49Z" level=error msg="error syncing 'fleet-default/common-common-ingress-controller': handler bundle: chart requires kubeVersion: >=1.19.0-0 which is incompatible with Kubernetes v1.18.0, requeuing"`, undefined, "none"],
    [`time="2024-01-10T08:31:02Z" level=info msg="While calculating status.ResourceKey, error running helm template for bundle mcc-dev-sandbox-managed-system-upgrade-controller with target options from : chart requires kubeVersion: >= 1.23.0-0 which is incompatible with Kubernetes v1.20.0"`, undefined, "none"],
    [`time="2023-06-01T09:12:45Z" level=error msg="error syncing 'fleet-default/apps-longhorn': handler bundle: chart requires kubeVersion: < 1.25.0-0 which is incompatible with Kubernetes v1.25.9+rke2r1, requeuing"`, "fleet-bundle-render-kubeversion", "cause"],
    // Vendor minors ("22+") a tool cannot parse (minio/directpv#549, #552; cloudnative-pg#946; kubecfg#174)
    ["ERROR unsupported kubernetes version 1.22+", undefined, "none"],
    ["ERROR unsupported kubernetes version 1.20+", undefined, "none"],
    [`could not detect SeccompProfile support: strconv.Atoi: parsing "21+": invalid syntax`, undefined, "none"],
    [`Error: failed to upgrade cluster: invalid version for Cilium in current spec: invalid major version in semver : strconv.ParseUint: parsing "": invalid syntax`, "kube-minor-plus-unparsed", "warning"],
    // helm 3's older wording for a stored release with a removed API, cut before the kind (rancher/rancher#40651)
    [`Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: resource mapping not found for name: "tigera-operator" namespace: "" from "": no`, "helm-current-release-manifest-unbuildable", "cause"],
    // GKE's "Version is invalid": a cause when it names the version, a warning when not (terraform-provider-google#489, kubeflow/trainer#268)
    ["\t\t* google_container_cluster.with_version: googleapi: Error 400: Version is invalid., badRequest", "gke-version-invalid", "warning"],
    [`ERROR:root:Exception occured creating cluster: <HttpError 400 when requesting https://container.googleapis.com/v1/projects/kubeflow-rl/zones/us-east1-d/clusters?alt=json returned "Version "1.8.1-gke.1" is invalid.">, status: 400`, "gke-version-invalid", "cause"],
    ["I0101 00:00:00 gke.go:1] GET https://container.googleapis.com/v1/projects/p/locations/us-central1/serverConfig 200 OK", undefined, "none"],
    // AKS pools off the control plane's version make whole-cluster updates fail (azure-cli#22807, azurerm#23436): only likely skew
    ["(NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged) Using managed cluster api, all Agent pools' OrchestratorVersion must be all specified or all unspecified. If all specified, they must be stay unchanged or the same with control plane.", "aks-agentpool-versions-mixed", "warning"],
    // ROSA's STS role policies behind the upgrade target (openshift/rosa#571)
    ["E: Account roles need to be upgraded to proceed", "rosa-role-policy-version-behind", "cause"],
    ["I: Account and/Or Operator Role policies are not valid with upgrade version 4.9.13. Run the following command(s) to upgrade the roles:", "rosa-role-policy-version-behind", "cause"],
    ["I: Account and operator roles for cluster 'ci-sts' are compatible with upgrade", undefined, "none"],
    // helm 2 only moves Tiller forward (helm/helm#2805, #3392; helmsman#156)
    ["ERROR: while deploying Helm Tiller in namespace [helmsman-test]: Error: error when upgrading: current Tiller version is newer, use --force-upgrade to downgrade", "helm-tiller-downgrade-refused", "cause"],
    ["Tiller (the Helm server-side component) has been upgraded to the current version.", undefined, "none"],
    // k3d's readiness log lines: only likely skew (cloudogu/gitops-playground#230, k3d-io/k3d#897)
    ["ERRO[0132] Failed Cluster Start: error during post-start cluster preparation: errors waiting for log line `Cluster dns configmap` from node 'k3d-foo-server-0': stopped returning log lines: context deadline exceeded", "k3d-node-log-line-timeout", "warning"],
    ["DEBU[0001] Waiting for node k3d-k3s-default-server-0 to get ready (Log: 'k3s is up and running') ", undefined, "none"],
    // eksctl's CoreDNS manifests per minor (eksctl-io/eksctl#8679, #8791, #5519)
    ["Error: open assets/coredns-1.35.json: file does not exist", "eksctl-coredns-asset-missing", "cause"],
    [`Error "open assets/coredns-1.36.json: file doesn't exist'`, "eksctl-coredns-asset-missing", "cause"],
    ["Error: open config/cluster.json: file does not exist", undefined, "none"],
    // Tanzu's TKR resolver (tanzu-framework#3574, #3601): only likely skew, an OS image selector reads the same
    ["Error from server (could not resolve TKR/OSImage for controlPlane, machineDeployments: [md-0], query: {controlPlane: {k8sVersionPrefix: 'v1.23.8+vmware.2-tkg.1-zshippable',..", "tanzu-tkr-unresolved", "warning"],
    ["🧲 Resolving and checking Tanzu Kubernetes release (TKr) compatibility file", undefined, "none"],
    // MicroK8s addon repositories left on an older release after a refresh (canonical/microk8s#4191, #4830): a warning
    ["Addon rook-ceph was not found in any repository", "microk8s-addon-not-in-repository", "warning"],
    ["Addon fluent was not found in any repository", undefined, "none"],
    ["Package 'left-pad' was not found in any repository.", undefined, "none"],
  ] as const)("%s → %s %s", async (line, id, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });

  it("lists Fleet's stand-in and the unparsed minor as dismissed, with the reason", async () => {
    const log = [
      `level=error msg="error syncing 'fleet-default/x': handler bundle: chart requires kubeVersion: >=1.19.0-0 which is incompatible with Kubernetes v1.18.0, requeuing"`,
      "ERROR unsupported kubernetes version 1.22+",
    ].join("\n");
    const report = await analyze([textSource("job.log", `${log}\n`)]);
    expect(report.dismissed.map((t) => t.signature.id).sort()).toEqual(["fleet-bundle-render-kubeversion", "kube-minor-plus-unparsed"]);
    expect(report.dismissed.find((t) => t.signature.id === "fleet-bundle-render-kubeversion")?.diagnosis.headline).toMatch(/stand-in/);
  });

  it("measures the nodegroup's distance from the control plane, either way", async () => {
    const behind = await analyze([textSource("a.log", "versions for cluster [1.29] and nodegroup [1.27] not compatible: all nodegroup kubernetes versions must be equal to or one minor version lower than the cluster kubernetes version\n")]);
    expect(behind.causes[0]?.diagnosis.skew).toMatchObject({ minors: 2, supported: false });
    const ahead = await analyze([textSource("b.log", "versions for cluster [1.29] and nodegroup [1.30] not compatible: all nodegroup kubernetes versions must be equal to or one minor version lower than the cluster kubernetes version\n")]);
    expect(ahead.causes[0]?.diagnosis.skew?.minors).toBe(-1);
    expect(ahead.causes[0]?.diagnosis.headline).toMatch(/newer than the control plane/);
  });

  it("names the API and the release that removes it from the AKS response", async () => {
    const line = String.raw`  "message": "Control Plane upgrade is blocked due to recent usage of a Kubernetes API deprecated in the specified version. Please refer to https://kubernetes.io/docs/reference/using-api/deprecation-guide to migrate the usage. Usage details: 1 error occurred:\n\t* usage has been detected on API flowcontrol.apiserver.k8s.io.prioritylevelconfigurations.v1beta1, and was recently seen at: 2023-03-23 20:57:18 +0000 UTC, which will be removed in 1.26\n\n",`;
    const report = await analyze([textSource("aks.log", `${line}\n`)]);
    const cause = report.causes[0];
    expect(cause?.signature.id).toBe("aks-upgrade-blocked-deprecated-api");
    expect(cause?.finding.captures).toMatchObject({ apiVersion: "v1beta1", removedIn: "1.26" });
    expect(cause?.diagnosis.headline).toMatch(/Kubernetes 1\.26 no longer serves it/);
  });

  it("names the OpenShift version the ROSA role policies must reach", async () => {
    const report = await analyze([textSource("rosa.log", "I: Account/Operator Role policies are not valid with upgrade version 4.15.0. Run the following command(s) to upgrade the roles:\n")]);
    expect(report.causes[0]?.signature.id).toBe("rosa-role-policy-version-behind");
    expect(report.causes[0]?.diagnosis.fixes.join(" ")).toMatch(/--cluster-version=4\.15\.0/);
  });

  it("reads which k3d/k3s mismatch the awaited log line points to", async () => {
    const report = await analyze([textSource("k3d.log", "ERRO[0132] Failed Cluster Start: error during post-start cluster preparation: errors waiting for log line `Cluster dns configmap` from node 'k3d-foo-server-0': stopped returning log lines: context deadline exceeded\n")]);
    expect(report.warnings[0]?.diagnosis.headline).toMatch(/before 1\.19/);
  });
});
