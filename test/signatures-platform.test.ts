import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";

// Verdicts the platform diagnosers choose where the line alone decides whether versions disagree.
async function verdictOf(line: string, id: string): Promise<string | undefined> {
  const report = await analyze([textSource("ci.log", `${line}\n`)]);
  if (report.causes.some((t) => t.signature.id === id)) return "cause";
  if (report.warnings.some((t) => t.signature.id === id)) return "warning";
  if (report.dismissed.some((t) => t.signature.id === id)) return "dismissed";
  return undefined;
}

describe("platform diagnosers", () => {
  it.each([
    // siderolabs/talos#4906: a skipped minor from a stale detected version is not known to be skew
    ["talos-upgrade-path", `unsupported upgrade path "1.20->1.23" (from "1.20.5" to "1.23.3")`, "warning"],
    // home-operations/tuppr#544: a one-minor step this talosctl does not know is
    ["talos-upgrade-path", `unsupported upgrade path 1.36->1.37 (from "1.36.4" to "1.37.0")`, "cause"],
    // a target below the running version is a typo
    ["talos-upgrade-path", `unsupported upgrade path 1.29->1.3 (from "1.29.5" to "1.3.1")`, "warning"],
    // rancher-archives/rke#2619: no RKE version lacks its -rancherN-M suffix
    ["rke-kubernetes-version-unsupported", `level=fatal msg="Failed to validate cluster: v1.20.9-rancher1 is an unsupported Kubernetes version and system images are not populated: etcd image is not populated"`, "dismissed"],
    ["rke-kubernetes-version-unsupported", "FATA[0000] v1.8.10-rancher1-1 is an unsupported Kubernetes version - see 'rke config --system-images --all' for versions supported with this release", "cause"],
    ["rke-kubernetes-version-unsupported", "Error: expected kubernetes_version to be one of [v1.18.3-rancher2-2 v1.18.3-rancher2-1", "warning"],
    // kubernetes/kops#17580: a newer patch of the channel's minor
    ["kops-cluster-newer-than-channel", `W0826 12:16:37.623873    3025 upgrade_cluster.go:207] cluster version "1.32.6" is greater than the desired version "1.32.4"`, "dismissed"],
    ["kops-cluster-newer-than-channel", `W0307 10:16:37.953889   26885 upgrade_cluster.go:152] cluster version "1.9.2" is greater than recommended version "1.8.6"`, "warning"],
    ["eks-ami-not-offered-for-version", "Error: unable to determine AMI to use: error getting AMI from SSM Parameter Store: ParameterNotFound: . please verify that AMI Family is supported", "warning"],
    ["eks-ami-not-offered-for-version", "Error: unable to determine AMI to use: unable to determine AMI for region us-west-2, version 1.15, instance type m5.large and image family AmazonLinux2", "cause"],
    ["managed-version-unsupported", "│ Error: error creating EKS Cluster (eks-mlops): InvalidParameterException: unsupported Kubernetes version", "warning"],
    ["managed-version-unsupported", "Error creating cluster: InvalidParameterException: unsupported Kubernetes version 1.14 status code: 400, request id: 61f78abe-4443-4f13-b02b-14c2607f4c97", "cause"],
    ["openshift-minor-update-blocked", "Warning alert: This cluster should not be updated to the next minor version.", "warning"],
  ])("%s: %s → %s", async (id, line, want) => {
    expect(await verdictOf(line, id)).toBe(want);
  });

  it("names the offered version, not a requested one, when the provider only names what it offers", async () => {
    const line = String.raw`reason: {\"code\":\"deprecated_cluster_version\",\"reason\":\"The cluster version you are trying to create is deprecated. Please use a newer version\",\"details\":\"the latest stable version is 1.28.7-k3s1\"}`;
    const report = await analyze([textSource("ci.log", `${line}\n`)]);
    expect(report.causes[0]?.diagnosis.headline).toContain("newest version it offers is 1.28.7-k3s1");
  });

  it("lists every version a provider offers, not only the first and last", async () => {
    const line = `│ Error: googleapi: Error 400: Master version must be one of "STABLE" channel supported versions [1.28.14-gke.1099000, 1.29.9-gke.1177000, 1.30.5-gke.1014003].`;
    const report = await analyze([textSource("ci.log", `${line}\n`)]);
    expect(report.causes[0]?.diagnosis.versions.map((v) => v.version)).toEqual(expect.arrayContaining(["1.28.14-gke.1099000", "1.29.9-gke.1177000", "1.30.5-gke.1014003"]));
  });
});
