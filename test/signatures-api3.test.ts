import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { verdictOf } from "./helpers/verdict.js";
import { textSource } from "./helpers/logs.js";

// Third round of the API-lifecycle wordings (sources in test/fixtures/real-world/lines-11api.jsonl): built-in workload
// kinds in the reflector's lifecycle table, discovery's "complete list of server APIs", the CRD-file, Velero and
// Terraform 404s, kubectl's "doesn't have a resource type", and the near-misses that share the words.

async function headline(line: string): Promise<string> {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  return [...report.causes, ...report.warnings, ...report.dismissed][0]?.diagnosis.headline ?? "";
}

describe("reflectors listing built-in workload kinds", () => {
  it("apps/v1beta2 StatefulSet is a cause with its served range", async () => {
    const line = "E0309 19:52:19.844511       1 reflector.go:134] github.com/coreos/prometheus-operator/pkg/prometheus/operator.go:409: Failed to list *v1beta2.StatefulSet: the server could not find the requested resource";
    expect(await verdictOf(line)).toMatchObject({ id: "api-watch-version-not-served", verdict: "cause", captures: { apiVersion: "v1beta2", kind: "StatefulSet" } });
    expect(await headline(line)).toMatch(/apps\/v1beta2, which Kubernetes served from 1\.8 until 1\.16/);
  });

  it("a v1beta1 DaemonSet with the extensions suffix names extensions/v1beta1 and 1.16", async () => {
    const line = "E0101 00:00:00.000000       1 reflector.go:125] Failed to list *v1beta1.DaemonSet: the server could not find the requested resource (get daemonsets.extensions)";
    expect(await verdictOf(line)).toMatchObject({ id: "api-watch-version-not-served", verdict: "cause" });
    expect(await headline(line)).toMatch(/extensions\/v1beta1, which Kubernetes stopped serving in 1\.16/);
  });

  it("a long-served GA version is only a warning", async () => {
    const line = "E0802 16:18:07.908599       1 reflector.go:205] factory.go:87: Failed to list *v1.Deployment: the server could not find the requested resource";
    expect(await verdictOf(line)).toMatchObject({ id: "api-watch-version-not-served", verdict: "warning" });
  });

  it("a CRD kind is still dismissed", async () => {
    expect((await verdictOf("E0101 reflector.go:125] Failed to list *v1beta1.Widget: the server could not find the requested resource")).verdict).toBe("none");
  });
});

describe("discovery: unable to retrieve the complete list of server APIs", () => {
  it("a removed built-in group/version is a cause", async () => {
    const line = "error: unable to retrieve the complete list of server APIs: admissionregistration.k8s.io/v1beta1: the server could not find the requested resource, extensions/v1beta1: the server could not find the req";
    expect(await verdictOf(line)).toMatchObject({ id: "api-watch-version-not-served", verdict: "cause", captures: { groupVersion: "admissionregistration.k8s.io/v1beta1" } });
  });

  it("controller-runtime's no match for a CRD group is a warning", async () => {
    const line = 'err="unable to retrieve the complete list of server APIs: ipam.cluster.x-k8s.io/v1beta2: no matches for ipam.cluster.x-k8s.io/v1beta2, Resource=" logger="setup"';
    expect(await verdictOf(line)).toMatchObject({ id: "api-watch-version-not-served", verdict: "warning", captures: { groupVersion: "ipam.cluster.x-k8s.io/v1beta2" } });
  });

  it("an aggregated API that is down, or a CRD group's 404, is not reported", async () => {
    expect((await verdictOf("unable to retrieve the complete list of server APIs: external.metrics.k8s.io/v1beta1: the server is currently unable to handle the request")).verdict).toBe("none");
    expect((await verdictOf("unable to retrieve the complete list of server APIs: custom.metrics.k8s.io/v1beta1: the server could not find the requested resource")).verdict).toBe("none");
  });
});

describe("404s for a whole type that name the API another way", () => {
  it("Velero's v1beta1 CRD fetch is a cause", async () => {
    const line = 'error="rpc error: code = Unknown desc = error fetching v1beta1 version of etcdrestores.etcd.database.coreos.com: the server could not find the requested resource"';
    expect(await verdictOf(line)).toMatchObject({ id: "api-not-found-near-removed-version", verdict: "cause", captures: { veleroCrd: "etcdrestores.etcd.database.coreos.com" } });
  });

  it("a CRD file's 404 is a warning; a core-group 404 after a file name is not", async () => {
    expect(await verdictOf('Error: "join/klusterlets.crd.yaml" (string): the server could not find the requested resource')).toMatchObject({ verdict: "warning", captures: { crdFile: "join/klusterlets.crd.yaml" } });
    expect((await verdictOf('Error: "deploy/service.yaml": the server could not find the requested resource')).verdict).toBe("none");
  });

  it("Terraform's bare box is a warning; with a core-group suffix or a _v1 resource it is not", async () => {
    expect(await verdictOf("│ Error: the server could not find the requested resource")).toMatchObject({ id: "api-not-found-near-removed-version", verdict: "warning" });
    expect((await verdictOf("│ Error: the server could not find the requested resource (post namespaces)")).verdict).toBe("none");
    const report = await analyze([textSource("job.log", "│ Error: the server could not find the requested resource\n│ \n│   with kubernetes_cron_job_v1.this,\n")]);
    expect([...report.causes, ...report.warnings]).toEqual([]);
  });

  it("kubectl's missing resource type: removed built-in a cause, newer built-in a warning, CRD dismissed", async () => {
    expect(await verdictOf('error: the server doesn\'t have a resource type "podsecuritypolicies"')).toMatchObject({ verdict: "cause", captures: { resourceType: "podsecuritypolicies" } });
    expect((await verdictOf('error: the server doesn\'t have a resource type "ingressclasses"')).verdict).toBe("warning");
    expect((await verdictOf('error: the server doesn\\\'t have a resource type "servicemonitors"')).verdict).toBe("none");
    // An alpha could be enabled before CronJob's beta (kubernetes/kubernetes#49326): old cluster or disabled API.
    expect((await verdictOf('the server doesn\'t have a resource type "cronjobs"')).verdict).toBe("none");
  });

  it("a discovery probe that goes on is not reported, the same group/version in a failing request is", async () => {
    expect((await verdictOf("3:52PM WRN failed to discover supported resources for policy/v1beta1: the server could not find the requested resource")).verdict).toBe("none");
    expect((await verdictOf("PolicyV1beta1Api.list_pod_security_policy failed: the server could not find the requested resource")).verdict).toBe("warning");
  });

  it("x-kubernetes-map-type in an old cluster's CRD schema is a cause", async () => {
    const line = 'error validating data: ValidationError(CustomResourceDefinition.spec.validation.openAPIV3Schema.properties.spec.properties.selector): unknown field "x-kubernetes-map-type" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps';
    expect(await verdictOf(line)).toMatchObject({ id: "crd-field-needs-newer-kubernetes", verdict: "cause", captures: { name: "x-kubernetes-map-type" } });
  });
});

describe("custom resources stored at a version their CRD no longer lists", () => {
  it("is a cause with the stored group/version; cert-manager's groups keep their own rule", async () => {
    const line = "k8s.io/client-go@v0.23.9/tools/cache/reflector.go:167: failed to list *v1.Route: request to convert CR from an invalid group/version: serving.knative.dev/v1alpha1";
    expect(await verdictOf(line)).toMatchObject({ id: "crd-stored-version-not-served", verdict: "cause", captures: { direction: "from", apiVersion: "serving.knative.dev/v1alpha1" } });
    expect((await verdictOf("Error from server: request to convert CR from an invalid group/version: cert-manager.io/v1alpha2")).id).toBe("cert-manager-api-version-removed");
  });

  it("a version name that is not an API version is not read", async () => {
    expect((await verdictOf("request to convert CR from an invalid group/version: composition.krateo.io/vacuum")).verdict).toBe("none");
  });
});
