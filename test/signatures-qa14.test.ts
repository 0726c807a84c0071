import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Precision on the tuning sets' near-misses (lines-14qa.jsonl has the real lines): lines that read as skew but whose
// threads say otherwise are warnings at most, while the skew the same signatures were written for stays a cause.
const HELM = "helm-kubeversion-incompatible";
const GKE = "gke-auth-plugin-missing";
const NOKIND = "api-no-kind-match";

describe("helm-kubeversion-incompatible: a constraint that shuts out its own minor", () => {
  it("dismisses a range whose bound stops at the .0 patch of the cluster's minor, and warns on an exact pin", async () => {
    // clastix/kamaji#187's follow-up slip; an inclusive <= 1.N.0 (dell/csi-powerstore#129, rancher/charts#2647).
    for (const line of [
      "Error: chart requires kubeVersion: 1.21.0-0 - 1.24.0-0 which is incompatible with Kubernetes v1.24.6",
      "Error: INSTALLATION FAILED: chart requires kubeVersion: >= 1.21.0 <= 1.24.0 which is incompatible with Kubernetes v1.24.2",
      "Error: chart requires kubeVersion: >= 1.16.0-0 <= 1.26.0-0 which is incompatible with Kubernetes v1.26.4",
    ]) {
      const report = await analyze([textSource("job.log", `${line}\n`)]);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
      expect(report.dismissed.map((t) => t.signature.id), line).toEqual([HELM]);
      expect(report.dismissed[0]!.diagnosis.fixes.join(" ")).toMatch(/< 1\.2[57]\.0-0/);
    }
    // cubefs/cubefs-helm#1: an exact pin can be meant, so only a warning.
    expect(await verdictOf("Error: chart requires kubeVersion: 1.16.0 which is incompatible with Kubernetes v1.16.3")).toMatchObject({ id: HELM, verdict: "warning" });
  });

  it("keeps an upper bound below the cluster's minor a cause", async () => {
    for (const line of [
      "Error: INSTALLATION FAILED: chart requires kubeVersion: < 1.25.0-0 which is incompatible with Kubernetes v1.25.6+k3s1",
      "Error: chart requires kubeVersion: <1.25.0 which is incompatible with Kubernetes v1.25.2",
      "Error: chart requires kubeVersion: >1.15.0-0 <1.22.0-0 which is incompatible with Kubernetes v1.22.1-3+e6976ed80e19e1",
      "Error: chart requires kubeVersion: 1.21.0-0 - 1.24.0-0 which is incompatible with Kubernetes v1.25.1",
    ]) {
      expect(await verdictOf(line), line).toMatchObject({ id: HELM, verdict: "cause" });
    }
  });

  it("warns on a bracketed range the cluster meets without its brackets, not on one it does not", async () => {
    // clastix/kamaji#177
    const report = await analyze([textSource("job.log", "Error: chart requires kubeVersion: [1.21 - 1.25] which is incompatible with Kubernetes v1.23.12\n")]);
    expect(report.causes).toEqual([]);
    expect(report.warnings.map((w) => w.signature.id)).toEqual([HELM]);
    expect(report.warnings[0]!.diagnosis.fixes.join(" ")).toContain("< 1.26.0-0");
    expect(await verdictOf("Error: chart requires kubeVersion: [1.21 - 1.25] which is incompatible with Kubernetes v1.27.1")).toMatchObject({ id: HELM, verdict: "cause" });
  });
});

describe("gke-auth-plugin-missing: kubectl's failure, not another program's missing binary", () => {
  it("stays a cause for kubectl and gcloud", async () => {
    for (const line of [
      "Unable to connect to the server: getting credentials: exec: executable gke-gcloud-auth-plugin not found",
      "CRITICAL: ACTION REQUIRED: gke-gcloud-auth-plugin, which is needed for continued use of kubectl, was not found or is not executable. Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke",
      'E0312 08:01:02.123456   4242 memcache.go:265] couldn\'t get current server API group list: Get "https://10.0.0.1/api?timeout=32s": getting credentials: exec: executable gke-gcloud-auth-plugin not found',
    ]) {
      expect(await verdictOf(line), line).toMatchObject({ id: GKE, verdict: "cause" });
    }
  });

  it("warns when another client-go program lacks the plugin", async () => {
    // kubent in a container (doitintl/kube-no-trouble#479), octant, Argo CD's pod (argoproj/argo-cd#16066), a desktop app.
    for (const line of [
      '3:14PM ERR Failed to retrieve data from collector error="list: failed to list: Get \\"https://10.0.0.1/api/v1/secrets\\": getting credentials: exec: executable gke-gcloud-auth-plugin not found" name="Helm v3"',
      "getting credentials: exec: executable gke-gcloud-auth-plugin not found",
    ]) {
      expect(await verdictOf(line), line).toMatchObject({ id: GKE, verdict: "warning" });
    }
    // A kubectl step just before the failing line is kubectl's failure.
    const report = await analyze([textSource("job.log", "+ kubectl get pods -n ci\nE0312 08:01:02 getting credentials: exec: executable gke-gcloud-auth-plugin not found\n")]);
    expect(report.causes.map((c) => c.signature.id)).toEqual([GKE]);
  });
});

describe("api-no-kind-match: a built-in alpha version", () => {
  it("warns: alpha versions are off unless enabled, so the cluster's release alone does not explain it", async () => {
    // kubernetes/kubernetes#65685 (kubectl create priorityclass, fixed by enabling the alpha), kubernetes-sigs/kind#3029.
    for (const line of [
      'error: unable to recognize "pc.yaml": no matches for kind "PriorityClass" in version "scheduling.k8s.io/v1alpha1"',
      'error: unable to recognize "vap.yaml": no matches for kind "ValidatingAdmissionPolicy" in version "admissionregistration.k8s.io/v1alpha1"',
    ]) {
      const report = await analyze([textSource("job.log", `${line}\n`)]);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id)).toEqual([NOKIND]);
      expect(report.warnings[0]!.diagnosis.headline).toContain("--runtime-config");
    }
  });

  it("keeps a removed alpha (the removal table's) and a removed beta a cause", async () => {
    expect(await verdictOf('no matches for kind "CronJob" in version "batch/v2alpha1"')).toMatchObject({ id: NOKIND, verdict: "cause" });
    expect(await verdictOf('error: unable to recognize "d.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"')).toMatchObject({ verdict: "cause" });
  });
});
