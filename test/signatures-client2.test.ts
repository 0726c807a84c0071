import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import type { Triaged } from "../src/model.js";
import { removedApisNamed } from "../src/diagnose/area-client.js";
import { textSource } from "./helpers/logs.js";

// Second round of the client-side wordings (sources in test/fixtures/real-world/lines-9client.jsonl): other tools'
// words for a removed API, the 404 read with its neighbouring lines, and the near-misses that share the words.

async function triage(...lines: string[]): Promise<{ causes: Triaged[]; warnings: Triaged[]; dismissed: Triaged[] }> {
  return analyze([textSource("job.log", `${lines.join("\n")}\n`)]);
}

describe("a bare 'the server could not find the requested resource'", () => {
  it("is a warning when a neighbouring line names a removed group/version", async () => {
    const { causes, warnings } = await triage(
      "listing ingresses with PolicyV1beta1Api and ExtensionsV1beta1Api",
      "kubernetes.client.exceptions.ApiException: (404)",
      "Reason: Not Found",
      'HTTP response body: {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}',
    );
    expect(causes).toEqual([]);
    const d = warnings.find((t) => t.signature.id === "api-not-found-near-removed-version")!.diagnosis;
    expect(d.headline).toMatch(/a neighbouring line names policy\/v1beta1, which Kubernetes stopped serving in 1\.25/);
    expect(d.versions.map((v) => [v.name, v.version])).toContainEqual(["removedIn", "1.25"]);
  });

  it("a request path joined with its 404 is read as the REST client's request", async () => {
    const { causes } = await triage("+ kubectl get --raw /apis/policy/v1beta1/podsecuritypolicies", "the server could not find the requested resource");
    expect(causes[0]!.signature.id).toBe("api-builtin-resource-not-served");
    expect(causes[0]!.finding.captures).toMatchObject({ apiVersion: "policy/v1beta1", collection: "podsecuritypolicies" });
  });

  it("is dismissed when nothing around it names a removed API (a CRD not installed reads the same)", async () => {
    const { causes, warnings, dismissed } = await triage(
      "+ kubectl apply -f policyserver.yaml",
      "the server could not find the requested resource",
      "+ exit 1",
    );
    expect([...causes, ...warnings]).toEqual([]);
    expect(dismissed.map((t) => t.diagnosis.verdict)).toEqual(["not-skew"]);
  });

  it("is dismissed when the removed API is further away than the context window", async () => {
    const { causes, warnings } = await triage(
      "Warning: policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+",
      "one",
      "two",
      "three",
      "four",
      "five",
      "Error from server (NotFound): the server could not find the requested resource",
    );
    // Not attributed to the deprecation notice six lines up: at most the unnamed warning, naming no API version.
    const found = [...causes, ...warnings].filter((t) => t.signature.id === "api-not-found-near-removed-version");
    expect(found.map((t) => t.diagnosis.verdict)).toEqual(["warning"]);
    expect(found[0]!.diagnosis.versions).toEqual([]);
  });

  it("reads a Terraform resource bound to a beta API from the lines after it", async () => {
    // hashicorp/terraform-provider-kubernetes#2075 (Kubernetes 1.25)
    const { causes, warnings } = await triage(
      "╷",
      "│ Error: the server could not find the requested resource",
      "│ ",
      '│   with module.rotator["one"].kubernetes_cron_job.this,',
      '│   on ../../../../tf-modules/the-thing/k8s.tf line 70, in resource "kubernetes_cron_job" "this":',
    );
    expect(causes).toEqual([]);
    expect(warnings[0]!.diagnosis.headline).toMatch(/a neighbouring line names batch\/v1beta1/);
    const v1 = await triage("│ Error: the server could not find the requested resource", "│ ", '│   with kubernetes_cron_job_v1.this,');
    expect([...v1.causes, ...v1.warnings]).toEqual([]);
  });

  it("reads generated clients' API classes and reflectors' types as group/versions", () => {
    expect(removedApisNamed("ExtensionsV1beta1Api().list_namespaced_ingress").map((r) => r.apiVersion)).toEqual(["extensions/v1beta1"]);
    expect(removedApisNamed('File "/k/client/apis/policy_v1beta1_api.py", line 1142').map((r) => r.apiVersion)).toEqual(["policy/v1beta1"]);
    expect(removedApisNamed("RbacAuthorizationV1beta1Api").map((r) => r.apiVersion)).toEqual(["rbac.authorization.k8s.io/v1beta1"]);
    expect(removedApisNamed("Failed to list *v1beta1.CronJob").map((r) => r.apiVersion)).toEqual(["batch/v1beta1"]);
    // Served group/versions and CRD groups are not removals.
    expect(removedApisNamed("NetworkingV1Api apps/v1 monitoring.coreos.com/v1beta1")).toEqual([]);
  });
});

describe("other tools' words for a removed built-in API", () => {
  it("kapp's discovery lookup is a cause with the group/version", async () => {
    const { causes } = await triage("kapp: Error: Expected to find kind 'policy/v1beta1/PodDisruptionBudget', but did not:");
    expect(causes[0]!.signature.id).toBe("api-no-kind-match");
    expect(causes[0]!.finding.captures).toMatchObject({ apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget" });
  });

  it("Ansible's exact-match failure is a cause for a removed API and dismissed for the core group or a CRD", async () => {
    const { causes } = await triage('"msg": "Failed to find exact match for policy/v1beta1.PodSecurityPolicy by [kind, name, singularName, shortNames]"');
    expect(causes[0]!.diagnosis.headline).toMatch(/removed in Kubernetes 1\.25/);
    for (const line of ["msg: Failed to find exact match for v1.Namespace by [kind, name, singularName, shortNames]", "Failed to find exact match for etcd.database.coreos.com/v1beta2.EtcdCluster by [kind, name, singularName, shortNames]"]) {
      const r = await triage(line);
      expect([...r.causes, ...r.warnings], line).toEqual([]);
    }
  });

  it("a REST client's 404 for a pre-GA collection is a cause; an object's 404 is not", async () => {
    const { causes } = await triage(
      "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: GET at: https://172.20.0.1:443/apis/extensions/v1beta1/namespaces/testing/ingresses. Message: Not Found.",
    );
    expect(causes[0]!.diagnosis.headline).toMatch(/ingresses at extensions\/v1beta1, which Kubernetes stopped serving in 1\.22/);
    const object = await triage("Failure executing: GET at: https://10.0.0.1/apis/extensions/v1beta1/namespaces/testing/ingresses/web. Message: Not Found.");
    expect([...object.causes, ...object.warnings]).toEqual([]);
  });

  it("kubectl's prune list naming a removed version blames the kubectl, not the manifests", async () => {
    // aws/aws-cdk#25027 (Kubernetes 1.25, the kubectl layer of the CDK's handler older)
    const { causes } = await triage(
      `Received response status [FAILED] from custom resource. Message returned: Error: b'configmap/aws-auth configured\\nerror: error retrieving RESTMappings to prune: invalid resource batch/v1beta1, Kind=CronJob, Namespaced=true: no matches for kind "CronJob" in version "batch/v1beta1"\\n'`,
    );
    expect(causes[0]!.diagnosis.headline).toMatch(/kubectl is older than the cluster/);
  });

  it("a kind cut mid-word is completed to the one built-in kind it starts", async () => {
    const { causes } = await triage('Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: resource mapping not found for name: "zookeeper" namespace: "" from "": no matches for kind "PodDisruptionBudg');
    expect(causes[0]!.diagnosis.headline).toMatch(/PodDisruptionBudget /);
  });

  it("a core kind missing from the core group v1 is broken discovery, not a removed API", async () => {
    const r = await triage('unable to recognize "springBootMongo.yml": no matches for kind "ReplicationController" in version "v1"');
    expect([...r.causes, ...r.warnings]).toEqual([]);
    const typo = await triage('Error: unable to build kubernetes objects from release manifest: unable to recognize "": no matches for kind "Ingress" in version "v1"');
    expect([...typo.causes, ...typo.warnings]).toEqual([]);
  });
});

describe("helm's kubeVersion check against its own default", () => {
  it("v1.20.0 from a rendering tool is dismissed, and dismissed too (not warned) without the tool named: wrappers such as Rancher Fleet render with helm's default and say nothing", async () => {
    const rendered = await triage('"khelm: render chart cert-manager: chart requires kubeVersion: >= 1.21.0-0 which is incompatible with Kubernetes v1.20.0"');
    expect([...rendered.causes, ...rendered.warnings]).toEqual([]);
    expect(rendered.dismissed[0]!.diagnosis.headline).toMatch(/helm 3 assumes when it renders/);
    const bare = await triage("Error: chart requires kubeVersion: >=1.21.0-0 which is incompatible with Kubernetes v1.20.0");
    expect([...bare.causes, ...bare.warnings]).toEqual([]);
    expect(bare.dismissed[0]!.diagnosis.headline).toMatch(/^Probably not a version skew/);
  });

  it("any other cluster version below the constraint stays a cause", async () => {
    const { causes } = await triage("Error: chart requires kubeVersion: >= 1.21.0-0 which is incompatible with Kubernetes v1.20.15");
    expect(causes[0]!.signature.id).toBe("helm-kubeversion-incompatible");
  });
});
