import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Fifth-round verdicts for the tools that bring up or test clusters (e2e harness, Ginkgo) and for add-ons whose CRDs or
// releases lag the cluster (Velero, CSI snapshots, Cilium's diagnosis): which wording is a cause, which a warning, and
// the look-alikes that must stay silent.
describe("e2e harness and Ginkgo", () => {
  it("blames kubectl --match-server-version even when the line is cut before 'differs', and ignores the version banner", async () => {
    const cut = await verdictOf(String.raw`error: server version (version.Info{Major:"1", Minor:"1+", GitVersion:"v`);
    expect(cut).toMatchObject({ id: "e2e-client-server-version-differs", verdict: "cause" });
    const banner = await verdictOf(String.raw`Server Version: version.Info{Major:"1", Minor:"10", GitVersion:"v1.10.0", GitCommit:"fc32d2f3698e36b93322a3465f63a14e9f0eaead", GitTreeState:"clean"}`);
    expect(banner.verdict).toBe("none");
  });

  it("warns on the Ginkgo mismatch report's package line, and not on its headers or look-alike prose", async () => {
    const line = await verdictOf("2024-01-16T15:11:44.2670013Z     2.13.2 used by e2e");
    expect(line).toMatchObject({ id: "ginkgo-mismatched-package-version", verdict: "warning", captures: { library: "2.13.2", packages: "e2e" } });
    for (const other of ["  Mismatched package versions found:", "lodash 4.17.21 used by 12 packages in this workspace", "Port 8080 is already used by another process"]) {
      expect((await verdictOf(other)).verdict, other).toBe("none");
    }
  });
});

describe("Velero: CRDs and releases behind the cluster or the server", () => {
  it("blames a DownloadRequest CRD that lacks a target kind of a later Velero, and names the release that added it", async () => {
    const r = await verdictOf(
      String.raw`<error getting backup volume info: DownloadRequest.velero.io "test-1-2ea6412a" is invalid: spec.target.kind: Unsupported value: "BackupVolumeInfos": supported values: "BackupLog", "BackupContents", "BackupVolumeSnapshots", "BackupItemOperations", "BackupResourceList", "BackupResults", "RestoreLog", "RestoreResults", "RestoreResourceList", "RestoreItemOperations", "CSIBackupVolumeSnapshots", "CSIBackupVolumeSnapshotContents">`,
    );
    expect(r).toMatchObject({ id: "velero-crds-older-than-velero", verdict: "cause", captures: { kind: "BackupVolumeInfos" } });
  });

  it("leaves another object's enum and a mistyped kind alone", async () => {
    const other = await verdictOf(String.raw`Deployment.apps "web" is invalid: spec.strategy.type: Unsupported value: "Rolling": supported values: "Recreate", "RollingUpdate"`);
    expect(other.id).not.toBe("velero-crds-older-than-velero");
    const typo = await verdictOf(String.raw`DownloadRequest.velero.io "x" is invalid: spec.target.kind: Unsupported value: "BackupLogs": supported values: "BackupLog", "BackupContents"`);
    expect(typo.id).not.toBe("velero-crds-older-than-velero");
  });

});

describe("helm 2 against Helm 3 charts, Crossplane package constraints", () => {
  it("blames helm 2 for a chart at apiVersion v2, and not Helm 3's own message nor helm-unittest's helm 2 mode", async () => {
    const r = await verdictOf(String.raw`Wait helm template failed. Error: apiVersion 'v2' is not valid. The value must be "v1" : exit status 1`);
    expect(r).toMatchObject({ id: "helm2-chart-api-version-v2", verdict: "cause", captures: { chartApi: "v2" } });
    expect((await verdictOf(String.raw`Error: validation: chart.metadata.apiVersion 'v3' is not valid. The value must be either "v1" or "v2"`)).id).not.toBe("helm2-chart-api-version-v2");
    expect((await verdictOf(String.raw`### Error:  apiVersion 'v2' is not valid. The value must be "v1"`)).verdict).toBe("none");
  });

  it("blames a release version outside a package's Crossplane range, and dismisses pre-release and unversioned builds", async () => {
    const release = await verdictOf("  Warning  LintPackage        41s (x3 over 47s)  packages/providerrevision.pkg.crossplane.io  incompatible Crossplane version: package is not compatible with Crossplane version (v1.10.0)");
    expect(release).toMatchObject({ id: "crossplane-package-version-constraint", verdict: "cause", captures: { crossplane: "v1.10.0" } });
    for (const line of [
      String.raw`"error": "package is not compatible with Crossplane version (v1.11.1-up.1)"}`,
      "incompatible Crossplane version: package is not compatible with Crossplane version (v1.16.0-rc.0.38.gdd131a7a)",
      String.raw`"message": "package is not compatible with Crossplane version (): Invalid Semantic Version"}`,
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });
});

describe("minikube releases older than the job", () => {
  it("warns on minikube refusing the docker driver, and not on a platform's driver", async () => {
    const r = await verdictOf(String.raw`2020-09-10T07:42:10.8084566Z X Set failed: [driver "docker" is not supported]`);
    expect(r).toMatchObject({ id: "minikube-driver-unknown-to-release", verdict: "warning", captures: { driver: "docker" } });
    const platform = await verdictOf(String.raw`X Exiting due to MK_CONFIG_SET: run validations for "driver" with value of "hyperkit": [driver "hyperkit" is not supported]`);
    expect(platform.verdict).toBe("none");
  });

});

describe("group snapshot API versions", () => {
  it("warns on a group snapshot version the CRDs do not serve, also when the line is cut after the kind, but not on RBAC", async () => {
    const cut = await verdictOf(String.raw`E reflector.go:204] "Failed to watch" err="failed to list *v1beta2.VolumeGroupSnapshotClass:`);
    expect(cut).toMatchObject({ id: "csi-snapshot-api-not-served", verdict: "warning", captures: { apiVersion: "v1beta2" } });
    const rbac = await verdictOf(
      String.raw`failed to list *v1beta1.VolumeGroupSnapshotClass: volumegroupsnapshotclasses.groupsnapshot.storage.k8s.io is forbidden: User "system:serviceaccount:kube-system:snapshot-controller" cannot list resource "volumegroupsnapshotclasses"`,
    );
    expect(rbac.id).not.toBe("csi-snapshot-api-not-served");
  });
});
