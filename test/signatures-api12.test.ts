import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { verdictOf } from "./helpers/verdict.js";
import { textSource } from "./helpers/logs.js";

// Round 12 of served APIs, CRDs, webhooks and operators (lines in test/fixtures/real-world/lines-12api.jsonl): webhook and
// CRD registrations the apiserver refuses across releases, AdmissionReview versions between apiserver and webhook, scheme
// conversions, eksctl's config API, controller-runtime's missing CRDs, and the near-misses that share their words.

async function headline(line: string): Promise<string> {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  return [...report.causes, ...report.warnings, ...report.dismissed][0]?.diagnosis.headline ?? "";
}

describe("decoding custom resources with client-go's scheme", () => {
  it("a CRD kind decoded with client-go's own scheme (helm 3 alpha) is dismissed, not a cause", async () => {
    const line = String.raw`Error: UPGRADE FAILED: unable to decode "": no kind "Certificate" is registered for version "certmanager.k8s.io/v1alpha1" in scheme "k8s.io/client-go/kubernetes/scheme/register.go:65"`;
    expect((await verdictOf(line)).verdict).toBe("none");
    expect(await headline(line)).toMatch(/^Not a version skew: .*client-go's built-in scheme/);
  });
});

describe("review versions of webhook registrations", () => {
  it("a v1 registration without the list is a warning", async () => {
    expect(await verdictOf("webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1")).toMatchObject({ id: "webhook-review-versions-required", verdict: "warning" });
  });
});

describe("AdmissionReview versions between apiserver and webhook", () => {
  it("an answer without apiVersion and kind is a v1beta1-era webhook", async () => {
    const line = String.raw`Error creating: Internal error occurred: failed calling webhook "webhook-server.webhook-demo.svc": received invalid webhook response: expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got /, Kind=`;
    expect(await verdictOf(line)).toMatchObject({ id: "admission-review-response-version", verdict: "cause" });
    expect(await headline(line)).toMatch(/written for the v1beta1 review/);
  });

  it("the webhook's scheme lacking the v1 → v1beta1 conversion is the same skew from the webhook's side", async () => {
    const line = String.raw`Internal error occurred: failed calling webhook "webhook.openpolicyagent.org": converting (v1.AdmissionReview) to (v1beta1.AdmissionReview): unknown conversion`;
    expect(await verdictOf(line)).toMatchObject({ id: "scheme-conversion-unknown", verdict: "cause", captures: { from: "v1", to: "v1beta1" } });
  });

});

describe("CRD upgrades", () => {
  it("preserveUnknownFields: true refused is a warning alone (a cause with the v1beta1 side in the job: signatures-core15.test.ts)", async () => {
    const line = String.raw`The CustomResourceDefinition "scans.execution.securecodebox.io" is invalid: spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema`;
    expect(await verdictOf(line)).toMatchObject({ id: "crd-preserve-unknown-fields-upgrade", verdict: "warning", captures: { reason: "must be false in order to use defaults in the schema" } });
  });

  it("objects stored at a version no release served (keda.sh/v2beta2) are dismissed", async () => {
    const line = "sigs.k8s.io/controller-runtime/pkg/cache/internal/informers_map.go:262: failed to list *v1alpha1.ScaledObject: request to convert CR from an invalid group/version: keda.sh/v2beta2";
    expect((await verdictOf(line)).verdict).toBe("none");
    expect(await headline(line)).toMatch(/no KEDA release served keda\.sh\/v2beta2/);
  });

  it("a version a release did serve stays a cause", async () => {
    const line = "E0118 09:25:32.577351       1 main.go:82] Failed to list v1 volumesnapshots with error=request to convert CR from an invalid group/version: snapshot.storage.k8s.io/v1alpha1";
    expect(await verdictOf(line)).toMatchObject({ id: "crd-stored-version-not-served", verdict: "cause" });
  });
});

describe("operators and their CRDs", () => {
  it("controller-runtime's 'kind is a CRD' for a custom group is a warning with the group/version", async () => {
    const line = String.raw`{"level":"error","ts":"2023-01-13T15:04:03.136Z","logger":"controller-runtime.source","msg":"if kind is a CRD, it should be installed before calling Start","kind":"Program.pulumi.com","error":"no matches for kind \"Program\" in version \"pulumi.com/v1\""}`;
    expect(await verdictOf(line)).toMatchObject({ id: "operator-crd-not-served", verdict: "warning", captures: { kind: "Program", apiVersion: "pulumi.com/v1" } });
  });

  it("the same wrapper around a built-in kind is left to api-no-kind-match", async () => {
    const line = String.raw`2022-10-13T20:09:36Z	ERROR	controller-runtime.source	if kind is a CRD, it should be installed before calling Start	{"kind": "HorizontalPodAutoscaler.autoscaling", "error": "no matches for kind \"HorizontalPodAutoscaler\" in version \"autoscaling/v2\""}`;
    expect((await verdictOf(line)).id).toBe("api-no-kind-match");
  });

  it("a Flux patch at the old version is a cause, at the current one it is dismissed", async () => {
    const old = "no matches for Id kustomize.toolkit.fluxcd.io_v1beta1_Kustomization|flux-system|flux-system; failed to find unique target for patch kustomize.toolkit.fluxcd.io_v1beta1_Kustomization|flux-system";
    expect(await verdictOf(old)).toMatchObject({ id: "flux-patch-target-api-version", verdict: "cause" });
    const current = "kustomize build failed: no matches for Id Kustomization.v1.kustomize.toolkit.fluxcd.io/flux2-sync-usm1-trunk.flux-system; failed to find unique target for patch Kustomization.v1.kustomize.toolkit.fluxcd.io/flux2-sync-usm1-trunk.flux-system";
    expect((await verdictOf(current)).verdict).toBe("none");
  });

  it("Terraform: a Karpenter version removed since is a warning, core v1 is the provider's discovery", async () => {
    const karpenter = String.raw`│ Error: default failed to create kubernetes rest client for update of resource: resource [karpenter.k8s.aws/v1beta1/EC2NodeClass] isn't valid for cluster, check the APIVersion and Kind fields are valid`;
    expect(await verdictOf(karpenter)).toMatchObject({ id: "terraform-manifest-api-not-valid", verdict: "warning" });
    expect(await headline(karpenter)).toMatch(/Karpenter 1\.1 and later do not serve/);
    const core = "Error: flux-system/helm-controller failed to create kubernetes rest client for update of resource: resource [v1/ServiceAccount] isn't valid for cluster, check the APIVersion and Kind fields are valid";
    expect((await verdictOf(core)).verdict).toBe("none");
  });

  it("ECK's version-annotation notice is listed, not warned", async () => {
    const line = String.raw`{"level":"info","ts":1565264888.8943298,"logger":"annotation","msg":"Resource was previously reconciled by incompatible controller version and missing annotation, adding annotation","controller_version":"0.9.0","namespace":"default","name":"quickstart","kind":"Elasticsearch"}`;
    expect((await verdictOf(line)).verdict).toBe("none");
  });
});

describe("custom-resource fields an older CRD or webhook does not know", () => {
  it("helm's validation of a chart's custom resource against an older CRD is a warning", async () => {
    const line = String.raw`Error: UPGRADE FAILED: error validating "": error validating data: ValidationError(Reaper.spec): unknown field "ServiceAccountName" in io.cassandra-reaper.reaper.v1alpha1.Reaper.spec`;
    expect(await verdictOf(line)).toMatchObject({ id: "chart-field-unknown-to-installed-crd", verdict: "warning", captures: { kind: "Reaper", field: "ServiceAccountName", version: "v1alpha1" } });
    // A user's own file and a built-in type stay silent.
    expect((await verdictOf(String.raw`error: error validating "widget.yaml": error validating data: ValidationError(Widget.spec): unknown field "sizee" in io.example.v1.Widget.spec`)).verdict).toBe("none");
  });

  it("a webhook that cannot decode managedFields is a cause, another field a warning", async () => {
    const managed = String.raw`admission webhook "webhook.serving.knative.dev" denied the request: mutation failed: cannot decode incoming new object: json: unknown field "fieldsType"`;
    expect(await verdictOf(managed)).toMatchObject({ id: "webhook-decode-unknown-field", verdict: "cause" });
    expect(await headline(managed)).toMatch(/Kubernetes 1\.18/);
    const own = String.raw`admission webhook "triggers-webhook.tekton.dev" denied the request: mutation failed: cannot decode incoming new object: json: unknown field "bindings"`;
    expect(await verdictOf(own)).toMatchObject({ id: "webhook-decode-unknown-field", verdict: "warning" });
  });

  it("Gateway API kinds a controller lists and does not find are not installed, not stale", async () => {
    const line = "E0805 13:50:04.818364       1 reflector.go:138] external/io_k8s_client_go/tools/cache/reflector.go:167: Failed to watch *v1alpha1.HTTPRoute: failed to list *v1alpha1.HTTPRoute: the server could not find the requested resource (get httproutes.networking.x-k8s.io)";
    expect((await verdictOf(line)).verdict).toBe("none");
    // The controller's own CRDs keep the warning.
    expect((await verdictOf("Failed to watch *v1alpha1.MiddlewareTCP: failed to list *v1alpha1.MiddlewareTCP: the server could not find the requested resource (get middlewaretcps.traefik.containo.us)")).verdict).toBe("warning");
  });

  it("the alpha MutatingAdmissionPolicy a reflector lists is read with its lifecycle", async () => {
    const line = 'ERR k8s.io/client-go@v0.35.1/tools/cache/reflector.go:204 > Failed to watch error="failed to list *v1alpha1.MutatingAdmissionPolicy: the server could not find the requested resource"';
    expect((await verdictOf(line)).id).toBe("api-watch-version-not-served");
  });
});

describe("no matches for a CRD version", () => {
  it("a version no Traefik release serves is a warning that names the served one", async () => {
    const line = String.raw`error: resource mapping not found for name: "backend-ac" namespace: "apps" from ".\\ingress-route.yaml": no matches for kind "IngressRoute" in version "traefik.io/v1"`;
    expect(await verdictOf(line)).toMatchObject({ id: "api-no-kind-match", verdict: "warning" });
    expect(await headline(line)).toMatch(/No Traefik release serves traefik\.io\/v1 \(its CRDs serve v1alpha1\)/);
  });

  it("GRPCRoute cut after the group is a Gateway API channel/version warning", async () => {
    const line = String.raw`Error: failed to create provider Kubernetes: failted to create gatewayapi controller: no matches for kind "GRPCRoute" in version "gateway.networking.k`;
    expect(await verdictOf(line)).toMatchObject({ id: "api-no-kind-match", verdict: "warning" });
  });

  it("a current version of a known operator is still 'not installed' (dismissed)", async () => {
    expect((await verdictOf(String.raw`error: unable to recognize "issuer.yaml": no matches for kind "ClusterIssuer" in version "cert-manager.io/v1"`)).verdict).toBe("none");
    expect((await verdictOf(String.raw`error: unable to recognize "ks.yaml": no matches for kind "Certificate" in version "certmanager.k8s.io/v1alpha1"`)).verdict).toBe("none");
  });

  it("a CRD kind under a built-in group that serves only its own kinds is a wrong apiVersion", async () => {
    const line = String.raw`error: resource mapping not found for name: "letsencrypt" namespace: "" from "cluster-issuer.yaml": no matches for kind "ClusterIssuer" in version "apiextensions.k8s.io/v1"`;
    expect((await verdictOf(line)).verdict).toBe("none");
    expect(await headline(line)).toMatch(/^Not a version skew: apiextensions\.k8s\.io serves only CustomResourceDefinition/);
    // The group's own kind stays a cause (a cluster older than 1.16).
    expect((await verdictOf(String.raw`error: unable to recognize "crd.yaml": no matches for kind "CustomResourceDefinition" in version "apiextensions.k8s.io/v1"`)).verdict).toBe("cause");
  });
});

describe("no matches for a built-in group: the manifest's own typos", () => {
  it("dismisses a version no release has had and a kind written as its plural, and still blames a removed version", async () => {
    // ceph/ceph-csi#2039: a chart's capabilities check fell through to its typo'd else branch.
    const typo = await verdictOf(String.raw`Error: unable to build kubernetes objects from release manifest: unable to recognize "": no matches for kind "CSIDriver" in version "storage.k8s.io/betav1"`);
    expect(typo.verdict).toBe("none");
    // kubernetes/kubernetes#96221, closed by its reporter as a typo.
    const plural = await verdictOf(String.raw`error: unable to recognize "statefulsets-Mysql.yaml": no matches for kind "StatefulSets" in version "apps/v1"`);
    expect(plural.verdict).toBe("none");
    const removed = await verdictOf(String.raw`error: unable to recognize "x.yaml": no matches for kind "CSIDriver" in version "storage.k8s.io/v1beta1"`);
    expect(removed).toMatchObject({ id: "api-no-kind-match", verdict: "cause" });
  });

  it("only warns of a PodSecurityPolicy written as policy/v1, which no release served, and keeps policy/v1beta1 a cause", async () => {
    // helm/helm#11594: a chart choosing the API by the cluster's capabilities rendered PSP with the PDB's version
    const never = String.raw`Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest: unable to recognize "": no matches for kind "PodSecurityPolicy" in version "policy/v1"`;
    expect((await verdictOf(never)).verdict).toBe("warning");
    expect(await headline(never)).toMatch(/^No Kubernetes release served PodSecurityPolicy as policy\/v1/);
    expect(await verdictOf(String.raw`no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"`)).toMatchObject({ id: "api-no-kind-match", verdict: "cause" });
    expect(await verdictOf(String.raw`no matches for kind "PodDisruptionBudget" in version "policy/v1"`)).toMatchObject({ verdict: "cause" });
  });
});

describe("no matches for kind from OpenShift's cluster-bootstrap", () => {
  it("dismisses bootkube.sh's retries while the API server starts, even for a removed version, and keeps kubectl's form", async () => {
    for (const line of [
      // okd-project/okd#680: v1 CRDs refused the same way as v1beta1 ones, so it is readiness, not removal.
      String.raw`Jun 09 21:56:56 localhost bootkube.sh[20536]: "0000_10_config-operator_01_dns.crd.yaml": unable to get REST mapping for "0000_10_config-operator_01_dns.crd.yaml": no matches for kind "CustomResourceDefinition" in version "apiextensions.k8s.io/v1beta1"`,
      String.raw`Jun 09 21:56:56 localhost bootkube.sh[20536]: "0000_10_config-operator_01_featuregate.crd.yaml": unable to get REST mapping for "0000_10_config-operator_01_featuregate.crd.yaml": no matches for kind "CustomResourceDefinition" in version "apiextensions.k8s.io/v1"`,
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
    const kubectl = await verdictOf(String.raw`error: unable to recognize "crd.yaml": no matches for kind "CustomResourceDefinition" in version "apiextensions.k8s.io/v1beta1"`);
    expect(kubectl).toMatchObject({ id: "api-no-kind-match", verdict: "cause" });
  });
});

describe("Flux's optional image automation APIs", () => {
  it("warns rather than blames when image.toolkit.fluxcd.io is not served, and still blames a kustomize API of another release", async () => {
    // adsblol/infra#13: the image automation controllers had never been installed.
    const image = await verdictOf(String.raw`resource mapping not found for name: "mlat-server-sync-map" namespace: "adsblol" from "manifests/default/": no matches for kind "ImageRepository" in version "image.toolkit.fluxcd.io/v1alpha2"`);
    expect(image).toMatchObject({ id: "flux-api-version-not-served", verdict: "warning" });
    const kustomize = await verdictOf(String.raw`✗ no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1beta2"`);
    expect(kustomize).toMatchObject({ id: "flux-api-version-not-served", verdict: "cause" });
  });
});
