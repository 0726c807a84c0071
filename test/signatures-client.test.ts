import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import type { Triaged } from "../src/model.js";
import { textSource } from "./helpers/logs.js";

// Verdicts of the client-side diagnosers (kubectl, api, helm): which lines are a cause, which a warning and which
// are explained away. The lines are real ones (sources in test/fixtures/real-world/lines-8client.jsonl) or
// the format strings of the tools that print them.

async function triage(...lines: string[]): Promise<{ causes: Triaged[]; warnings: Triaged[]; dismissed: Triaged[] }> {
  return analyze([textSource("job.log", `${lines.join("\n")}\n`)]);
}

describe("Argo CD sync against an API version the cluster does not serve", () => {
  it("a built-in API removed by the cluster's release is a cause, with the removal release", async () => {
    const { causes } = await triage(
      'ComparisonError: The Kubernetes API could not find version "v2beta1" of autoscaling/HorizontalPodAutoscaler for requested resource app/web. Version "v2" of autoscaling/HorizontalPodAutoscaler is installed on the destination cluster.',
    );
    const d = causes[0]!.diagnosis;
    expect(d.headline).toMatch(/autoscaling\/v2beta1 was removed in Kubernetes 1\.25/);
    expect(d.versions.map((v) => [v.name, v.version])).toContainEqual(["removedIn", "1.25"]);
  });

  it("an operator's CRD that serves another version is a cause naming both versions", async () => {
    const { causes } = await triage(
      'The Kubernetes API could not find version "v1beta1" of external-secrets.io/ExternalSecret for requested resource retool-dev/vault-external-secrets. Version "v1" of external-secrets.io/ExternalSecret is installed on the destination cluster.',
    );
    expect(causes[0]!.diagnosis.headline).toMatch(/serves external-secrets\.io\/v1, and the manifest asks for external-secrets\.io\/v1beta1/);
  });

  it("a core-group version that never existed (a sed that rewrote apiVersion: v1) is not a skew", async () => {
    const { causes, warnings, dismissed } = await triage(
      'ConfigMap/web-content: SyncFailed - The Kubernetes API could not find version "v2" of /ConfigMap for requested resource default/web-content. Version "v1" of /ConfigMap is installed on the destination cluster.',
    );
    expect([...causes, ...warnings]).toEqual([]);
    expect(dismissed[0]!.diagnosis.headline).toMatch(/^Not a version skew/);
  });

  it("the older controller wording without versions is a warning, not a cause", async () => {
    const { causes, warnings } = await triage(
      `time="2023-02-19T15:19:27Z" level=info msg="Adding resource result, status: 'SyncFailed', phase: '', message: 'the server could not find the requested resource'" application=argo-cd/db kind=CronJob`,
    );
    expect(causes).toEqual([]);
    expect(warnings[0]!.signature.id).toBe("argocd-sync-api-version-not-served");
  });
});

describe("helm", () => {
  it("a stored release with a kind in a group that never served it is a chart mistake, whatever helm's wording", async () => {
    const { causes, warnings } = await triage(
      'Error: UPGRADE FAILED: current release manifest contains removed kubernetes api(s) for this kubernetes version and it is therefore unable to build the kubernetes objects for performing the diff. error from kubernetes: unable to recognize "": no matches for kind "Ingress" in version "apps/v1"',
    );
    expect([...causes, ...warnings]).toEqual([]);
  });

  it("helm 2 client and Tiller of different minors", async () => {
    const { causes } = await triage("Error: incompatible versions client[v2.16.1] server[v2.14.3]");
    expect(causes[0]!.diagnosis.headline).toMatch(/helm v2\.16\.1 and Tiller v2\.14\.3 are different releases \(2 minors apart\)/);
  });
});

describe("minikube's kubectl comparison", () => {
  it("the logged comparison within one minor is not reported", async () => {
    const { causes, warnings } = await triage("I1109 12:39:12.366536   79576 start.go:473] kubectl: 1.22.3, cluster: 1.23.1 (minor skew: 1)");
    expect([...causes, ...warnings]).toEqual([]);
  });

  it("beyond one minor it is the same warning as minikube's", async () => {
    const { warnings } = await triage("I1216 11:28:23.304254   25968 start.go:644] kubectl: 1.24.1, cluster: 1.27.4 (minor skew: 3)");
    expect(warnings[0]!.diagnosis.skew).toMatchObject({ minors: -3, supported: false });
  });
});

describe("CRD fields a newer Kubernetes added", () => {
  it("the API server's warning (the field was dropped) is a warning; a rejection is a cause", async () => {
    const warned = await triage(String.raw`I0729 14:24:39.116674    4077 warnings.go:110] "Warning: unknown field \"spec.versions[0].selectableFields\""`);
    expect(warned.causes).toEqual([]);
    expect(warned.warnings[0]!.diagnosis.headline).toMatch(/selectableFields, which Kubernetes accepts from 1\.31/);
    const rejected = await triage('unknown field "x-kubernetes-validations" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps');
    expect(rejected.causes[0]!.diagnosis.versions.map((v) => [v.name, v.version])).toContainEqual(["since", "1.25"]);
  });

  it("a field of the same name in another object is not this", async () => {
    const { causes, warnings } = await triage('error: error validating data: ValidationError(Deployment.spec): unknown field "deprecated" in io.k8s.api.apps.v1.DeploymentSpec');
    expect([...causes, ...warnings]).toEqual([]);
  });
});

describe("exec credential plugins", () => {
  it("the Python client's wording names both versions", async () => {
    const { causes } = await triage("ERROR:root:exec: plugin api version client.authentication.k8s.io/v1alpha1 does not match client.authentication.k8s.io/v1beta1");
    expect(causes[0]!.diagnosis.headline).toMatch(/asks the credential plugin for client\.authentication\.k8s\.io\/v1beta1, and the plugin answered client\.authentication\.k8s\.io\/v1alpha1/);
  });

  it("the ExecCredential scheme error is the exec-plugin finding, with the v1alpha1 removal", async () => {
    const { causes } = await triage(
      'Unable to connect to the server: getting credentials: decoding stdout: no kind "ExecCredential" is registered for version "client.authentication.k8s.io/v1alpha1" in scheme "pkg/client/auth/exec/exec.go:62"',
    );
    expect(causes[0]!.signature.id).toBe("kubectl-exec-plugin-api-version");
    expect(causes[0]!.diagnosis.versions.map((v) => [v.name, v.version])).toContainEqual(["removedIn", "1.24"]);
  });
});
