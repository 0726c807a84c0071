import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Sixth-round verdicts of the generic layer (lines-12generic.jsonl has the real lines): a scheme's conversion between
// two API versions of one kind, the review versions an older API server requires, one version below the reader's bound,
// a component said not to work with the cluster's version, a move refused with its pair after the verb. Always a warning
// at most; the look-alikes (INFO records, typos of API versions, patch upgrades, a program's own scheme) stay silent.
const G = "generic-version-skew";

describe("generic layer: API versions two sides exchange", () => {
  it("reads a webhook's review object that the two sides cannot convert", async () => {
    // Since wapi12 the specific scheme-conversion-unknown reads these (the generic layer yields to it), as a cause.
    expect(await verdictOf('Error from server (InternalError): Internal error occurred: failed calling webhook "gizmo.example.io": converting (v1.AdmissionReview) to (v1beta1.AdmissionReview): unknown conversion')).toMatchObject({ id: "scheme-conversion-unknown", verdict: "cause", captures: { from: "v1", to: "v1beta1" } });
    // A bare Go error string about the webhook's review object is an error by itself.
    expect((await verdictOf("converting (v1beta1.ConversionReview) to (v1.ConversionReview): unknown conversion")).verdict).not.toBe("none");
    for (const line of [
      // The API server failing open (a warning: the request went through), a program's own scheme, two kinds, one version.
      'W0101 10:00:00.000000 19 dispatcher.go:170] Failed calling webhook, failing open gizmo.example.io: failed calling webhook "gizmo.example.io": converting (v1beta1.AdmissionReview) to (v1.AdmissionReview): unknown conversion',
      "converting (v1beta1.ValidatingAdmissionPolicy) to (v1.ValidatingAdmissionPolicy): unknown conversion",
      "error: converting (v1.Pod) to (v1.PodList): unknown conversion",
      "error: converting (v1.Gizmo) to (v1.Gizmo): unknown conversion",
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });

  it("reads the review versions an older API server requires, and not a typo among them", async () => {
    // (wplat12) admissionReviewVersions now has a specific rule (webhook-admission-review-versions-unsupported) that outranks
    // the generic layer; the generic reading is checked on the CRD's conversionReviewVersions, which no rule names.
    expect(await verdictOf('Error: CustomResourceDefinition.apiextensions.k8s.io "gizmos.example.com" is invalid: spec.conversion.conversionReviewVersions: Invalid value: []string{"v1"}: must include at least one of v1beta1')).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1beta1", b: "v1" } });
    expect((await verdictOf('webhooks[0].admissionReviewVersions: Invalid value: []string{"v1beta"}: must include at least one of v1beta1')).verdict).toBe("none");
  });

  it("reads a CRD's stored version cut after 'must appear in'", async () => {
    expect(await verdictOf('        status.storedVersions[1]: Invalid value: "v1beta2": must appear in')).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1beta2" } });
  });

  it("dismisses a component-configuration API version that no release served", async () => {
    expect((await verdictOf('error: unsupported apiVersion "kubelet.config.k8s.io/v1beta2"')).verdict).toBe("none");
    // A version above the newest known may be a future release's.
    expect((await verdictOf('error: unsupported apiVersion "kubeadm.k8s.io/v1beta9"')).verdict).toBe("warning");
  });
});

describe("generic layer: one version against a bound", () => {
  it("reads one version said to be below the reader's bound", async () => {
    // (The kubelet's own "docker API version is older than 1.26.0" is kubelet-docker-api-too-old's, a cause.)
    expect(await verdictOf("failed to run gizmod: failed to create gizmo: widgetd API version is older than 1.26.0")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.26.0" } });
    expect((await verdictOf("E0101 10:00:00.000000 1 check.go:9] gizmo check failed: widgetd version is newer than the maximum supported 2.4")).verdict).toBe("warning");
    expect((await verdictOf("I0101 10:00:00.000000 1 check.go:9] widgetd version is older than 2.4, using the legacy protocol")).verdict).toBe("none");
    expect((await verdictOf("[ERROR SystemVerification]: kernel version is older than 4.19")).verdict).toBe("none");
  });

  it("reads a component said not to work with the cluster's version", async () => {
    expect(await verdictOf('{"level":"ERROR","message":"gizmo version is not compatible with K8s version 1.30"}')).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.30" } });
    expect((await verdictOf("Error: gizmo-operator is not supported on Kubernetes version 1.19.4")).verdict).toBe("warning");
    expect((await verdictOf('{"level":"info","message":"gizmo version is not compatible with K8s version 1.30, using fallback"}')).verdict).toBe("none");
  });

  it("reads a camel-case version field refused, and a quoted version said not to be a release", async () => {
    // (wplat12) Both lines now have specific platform rules (aks-node-configuration-version-unsupported,
    // talhelper-talos-version-unsupported), which outrank the generic layer; the generic reading is checked on look-alikes.
    expect(await verdictOf("Error: ConfigurationVersion 'v0.20241015.1' is not supported for NodeBuilder.")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v0.20241015.1" } });
    expect(await verdictOf('error: "v1.13.2" is not a supported Flatcar version')).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1.13.2" } });
  });
});

describe("generic layer: moves and records", () => {
  it("reads a move refused with its pair after the verb, and not a patch upgrade", async () => {
    expect(await verdictOf("Error: validation failed: cannot upgrade to v0.20.0 from v0.18.7: upgrades must have a skew of 1 minor version")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v0.20.0", b: "v0.18.7" } });
    expect((await verdictOf("error: denied the request: cannot upgrade CNI from 1.13.0 to 1.13.1, only one minor version difference is allowed")).verdict).toBe("none");
    // A tool that refuses a patch it does not know is older than the target (a KubeKey older than the KubeSphere patch).
    expect(await verdictOf("failed: [node1] [DependencyCheck] exec failed: Unsupported upgrade plan: 3.3.1 to v3.3.2")).toMatchObject({ id: G, verdict: "warning", captures: { a: "3.3.1", b: "v3.3.2" } });
  });

  it("leaves INFO records and Unix timestamps alone", async () => {
    for (const line of [
      '{"level":"info","ts":1565264888.8943298,"msg":"Resource was previously reconciled by incompatible controller version","controller_version":"0.9.0"}',
      'time="2024-01-01T00:00:00Z" level=info msg="gizmo 2.1.0 is not supported by server 2.3.4, falling back"',
      "2024-01-01T00:00:00.000Z\tINFO\tsetup\twidgetd 2.1.0 is incompatible with gizmo 2.3.4, negotiating",
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
    // An INFO record that carries the error it returns still speaks.
    expect((await verdictOf('{"level":"info","msg":"finished call","error":"gizmo version 2.1.0 is not supported by server 2.3.4"}')).verdict).toBe("warning");
  });
});

describe("generic layer: skew-policy words and bounds", () => {
  it("reads two versions more than one minor apart, and a version below the lowest supported", async () => {
    expect(await verdictOf("error: unable to upgrade: target version v1.28.0 is more than one minor version ahead of current version v1.26.5")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1.28.0", b: "v1.26.5" } });
    expect(await verdictOf("error: your gizmoctl (v1.22) is more than one minor version away from the server (v1.25)")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1.22", b: "v1.25" } });
    expect(await verdictOf("error: the Kubernetes version v1.18.0 is below the lowest version supported (v1.19.0)")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1.18.0", b: "v1.19.0" } });
    expect((await verdictOf("error: request latency 1.25s is above the maximum 1.00s")).verdict).toBe("none");
  });

  it("reads 'N+ is required', 'not yet supported', an unknown release of a named component, clusters older than a release", async () => {
    expect(await verdictOf("error: Kubernetes 1.22+ is required")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.22" } });
    expect(await verdictOf("Error: Kubernetes version 1.29 is not yet supported by this release")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.29" } });
    expect(await verdictOf("Error: unknown etcd version v3.5.0")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v3.5.0" } });
    expect(await verdictOf("Error: gizmo 3.x cannot run on clusters older than 1.24")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.24" } });
  });

  it("reads a Kubernetes node's version as no Node.js toolchain", async () => {
    expect(await verdictOf("error: node version v1.27.3 must not be newer than the control plane version v1.26.9")).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1.27.3", b: "v1.26.9" } });
    expect((await verdictOf("error: this package requires node version 18.0 or later, found 16.20")).verdict).toBe("none");
  });

  it("reads the API server's check of a webhook's answer", async () => {
    // (The apiserver's own AdmissionReview check is admission-review-response-version's, a cause.)
    expect(await verdictOf('failed calling webhook "gizmo.example.io": expected webhook response of gizmo.example.io/v2, Kind=GizmoReview, got /, Kind=')).toMatchObject({ id: G, verdict: "warning", captures: { a: "gizmo.example.io/v2" } });
    expect(await verdictOf("Error from server: conversion webhook for gizmos.example.io/v1alpha1, Kind=Gizmo failed: conversion not supported for type [kind=Gizmo group=gizm")).toMatchObject({ id: G, verdict: "warning", captures: { a: "gizmos.example.io/v1alpha1" } });
  });
});

describe("generic layer: changelogs, commit titles, dependency bumps", () => {
  it("leaves release-notes prose and bumps alone", async () => {
    for (const line of [
      "- Fixed a bug where clusters older than 1.24 failed to upgrade (#1234)",
      "* Fix: error when Kubernetes version is older than 1.25 (#5678)",
      "- Bump k8s.io/client-go from 0.26.0 to 0.27.1, fails with go 1.19 (#99)",
      "chore(deps): bump sigs.k8s.io/controller-runtime from 0.14.1 to 0.15.0",
      "Bump helm.sh/helm/v3 from 3.11.1 to 3.12.0 fixes incompatible error",
      "* Drop support for Kubernetes versions older than 1.25, which failed e2e by @someone in https://github.com/example/gizmo/pull/42",
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });
});

describe("generic layer: a cluster's version the platform does not offer", () => {
  it("reads a control plane's version not found, and not a chart's", async () => {
    // AKS's own wording is aks-version-not-offered's; another platform's words in the same shape.
    expect(await verdictOf('Error: gizmo-cloud: provisioning failed: cluster version "1.31.0" not found')).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.31.0" } });
    expect((await verdictOf('Error: chart version "1.2.3" not found in repository')).verdict).toBe("none");
    expect((await verdictOf("E: Version '1.29.1-1.1' for 'kubelet' was not found")).verdict).toBe("none");
  });
});

describe("generic layer: the side named too old, a support ceiling", () => {
  it("reads two versions then 'too old', and 'supports … up to' with the version found", async () => {
    expect(await verdictOf("error: operator version 1.10.0 cannot manage clusters running version 1.7.2 (too old)")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.10.0", b: "1.7.2" } });
    expect((await verdictOf("Error: UPGRADE FAILED: gizmo-operator v2.1.0 supports Kubernetes up to 1.28, cluster is 1.30.2")).verdict).toBe("warning");
    // A test's expected-vs-got and a retry count stay silent.
    expect((await verdictOf("--- FAIL: TestBackoff: retry 1.5 is too old, got 1.2")).verdict).toBe("none");
    expect((await verdictOf("error: gizmo supports up to 1.5 retries")).verdict).toBe("none");
  });
});

describe("generic layer: kubectl's client-side validation of a custom resource", () => {
  it("dismisses a CRD's group the server lists under no version, and keeps a built-in group's or a listed group's", async () => {
    expect((await verdictOf('error: error validating "x.yaml": error validating data: API version "gizmo.example.io/v1alpha1" isn\'t supported, only supports API versions ["policy/v1alpha1" "v1"]')).verdict).toBe("none");
    expect((await verdictOf('error: error validating "x.yaml": error validating data: API version "gizmo.example.io/v1alpha1" isn\'t supported, only supports API versions ["gizmo.example.io/v1" "v1"]')).verdict).toBe("warning");
    expect((await verdictOf('error: error validating "x.yaml": error validating data: API version "rbac.authorization.k8s.io/v1beta1" isn\'t supported, only supports API versions ["v1" "apps/v1"]')).verdict).toBe("warning");
  });
});
