import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// The API server's bare 404 for a whole resource type, with no API version on the line or around it
// (src/diagnose/area-client.ts, unnamedResourceTypeNotServed). Real lines: test/fixtures/real-world/lines-16generic.jsonl.

async function warningOf(line: string) {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  return { causes: report.causes, warning: report.warnings[0] };
}

describe("a bare 404 that ended what a client was doing", () => {
  it.each([
    // baarde/cert-manager-webhook-ovh#11, anchore/kubernetes-admission-controller#45: k8s.io/apiserver's delegated
    // authorizer posting SubjectAccessReviews at authorization.k8s.io/v1beta1 on Kubernetes 1.22
    ["E0829 09:03:06.143077       1 webhook.go:196] Failed to make webhook authorizer request: the server could not find the requested resource", "authorization.k8s.io/v1beta1"],
    // openelb/openelb#233, jet/kube-webhook-certgen#30: kube-webhook-certgen's v1beta1 client on 1.22
    [`{"err":"the server could not find the requested resource","level":"fatal","msg":"failed getting validating webhook","source":"k8s/k8s.go:48","time":"2022-01-01T12:57:16Z"}`, "admissionregistration.k8s.io/v1beta1"],
    // kubeedge/kubeedge#4022
    ["failed to register the webhook with error: the server could not find the requested resource", "admissionregistration.k8s.io/v1beta1"],
    // duyanghao/velero-volume-controller#1: coordination.k8s.io/v1 Leases asked of Kubernetes 1.13
    ["E0417 04:32:24.215510       1 leaderelection.go:324] error initially creating leader election record: the server could not find the requested resource", "coordination.k8s.io/v1beta1"],
  ])("%s names %s as the API the two sides disagree on", async (line, apiVersion) => {
    const { causes, warning } = await warningOf(line);
    expect(causes).toEqual([]);
    expect(warning?.signature.id).toBe("api-not-found-near-removed-version");
    expect(warning!.diagnosis.versions.map((v) => v.version)).toContain(apiVersion);
    expect(warning!.diagnosis.headline).toMatch(/disagree on its API version/);
  });

  it("names no API version where the line names no work, and says what else reads the same", async () => {
    // baarde/cert-manager-webhook-ovh#11, the line after the authorizer's
    const { causes, warning } = await warningOf("E0829 09:03:06.143182       1 errors.go:77] the server could not find the requested resource");
    expect(causes).toEqual([]);
    expect(warning!.diagnosis.versions).toEqual([]);
    expect(warning!.diagnosis.headline).toMatch(/CRD or aggregated API that is not installed reads the same/);
    expect(warning!.diagnosis.fixes.join(" ")).toMatch(/client release built for the cluster's Kubernetes version/);
  });
});

describe("404s that are someone else's stay dismissed", () => {
  it.each([
    // A custom group: its CRD is not installed (tigera/operator#1306's shape, a cluster-scoped CR, a CLI's CRDs)
    String.raw`{"level":"error","msg":"Error creating / updating resource","error":"the server could not find the requested resource (post alertmanagers.monitoring.coreos.com)"}`,
    "E0805 13:50:04.818364       1 reflector.go:138] external/io_k8s_client_go/tools/cache/reflector.go:167: Failed to watch *v1alpha1.HTTPRoute: failed to list *v1alpha1.HTTPRoute: the server could not find the requested resource",
    String.raw`time="2022-08-03T09:15:22Z" level=fatal msg="error listing resources in GroupVersion \"externaldns.k8s.io/v1alpha1\": the server could not find the requested resource"`,
    // One object, a core-group resource, a manifest file, a conversion webhook, a retry, a Status body
    "scaler/podinfo not found: the server could not find the requested resource",
    "│ Error: the server could not find the requested resource (post namespaces)",
    'Error: "deploy/service.yaml": the server could not find the requested resource',
    `Conversion webhook path failure with "the server could not find the requested resource"`,
    "Register webhook failed: the server could not find the requested resource (get mutatingwebhookconfigurations.admissionregistration.k8s.io istio-sidecar-injector). Retrying...",
    `  "message": "the server could not find the requested resource",`,
    // kubectl's client-side validation fetching the OpenAPI document; and (constructed) the phrase logged at info level
    `error: error validating "cronjob.yaml": error validating data: the server could not find the requested resource; if you choose to ignore these errors, turn validation off with --validate=false`,
    "I0101 00:00:00.000000       1 discovery.go:10] the server could not find the requested resource",
  ])("%s", async (line) => {
    expect((await verdictOf(line)).verdict).toBe("none");
  });
});

describe("kubectl's RESTMapper with an empty version: the cluster serves no version of the group", () => {
  it.each([
    // kubernetes/kubernetes#54842: PriorityClass on 1.8 with scheduling.k8s.io alpha not resolvable, a bug of one release
    ['error: unable to recognize "default.yaml": no matches for scheduling.k8s.io/, Kind=PriorityClass', "scheduling.k8s.io"],
    // aws-samples/aws-workshop-for-kubernetes#113: a 1.7.4 cluster without batch/v2alpha1 enabled
    ['error: unable to recognize "templates/cronjob.yaml": no matches for batch/, Kind=CronJob', "batch"],
  ])("%s is a warning, not a cause", async (line, group) => {
    const { causes, warning } = await warningOf(line);
    expect(causes).toEqual([]);
    expect(warning?.signature.id).toBe("api-no-kind-match");
    expect(warning!.diagnosis.headline).toContain(`serves no version of ${group}`);
  });
});
