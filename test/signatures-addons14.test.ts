import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

const headline = async (line: string): Promise<string> => {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  return [...report.causes, ...report.warnings, ...report.dismissed][0]?.diagnosis.headline ?? "";
};

// Verdicts of the eighth session's add-on rules: "no matches for kind" for add-on CRD groups whose served versions moved
// (Tekton Triggers, Knative Serving, the CSI snapshot CRDs) is a warning that names both readings, the installed
// release older or newer than the manifest, or not installed; a group's only version (or one it always served) stays
// "not installed".
describe("add-on rules, eighth session", () => {
  it.each([
    // Tekton Triggers v1beta1 from 0.15 (tektoncd/website#231, tektoncd/triggers#1226)
    [`error: unable to recognize "trigger-template.yaml": no matches for kind "TriggerTemplate" in version "triggers.tekton.dev/v1beta1"`, "api-no-kind-match", "warning"],
    [`error: unable to recognize "03_trigger.yaml": no matches for kind "Trigger" in version "triggers.tekton.dev/v1alpha1"`, undefined, "none"],
    // Knative Serving v1 from 0.10, v1alpha1 and v1beta1 gone in 0.19 (knative-sample/helloworld-go#23, sigstore/scaffolding#5)
    [`error: unable to recognize "deploy/k8s/HelloKnative.yaml": no matches for kind "Service" in version "serving.knative.dev/v1alpha1"`, "api-no-kind-match", "warning"],
    [`Error: unable to recognize "ksvc.yaml": no matches for kind "Service" in version "serving.knative.dev/v1"`, "api-no-kind-match", "warning"],
    // Snapshot CRDs: v1beta1 served by external-snapshotter 2.0 to 5.x (purestorage/pso-csi#165, aws-ebs-csi-driver#537)
    [`error: unable to recognize "csi-snapclass.yaml": no matches for kind "VolumeSnapshotClass" in version "snapshot.storage.k8s.io/v1beta1"`, "api-no-kind-match", "warning"],
    [`error: unable to recognize "snapshotclass.yaml": no matches for kind "VolumeSnapshotClass" in version "snapshot.storage.k8s.io/v1alpha1"`, "api-no-kind-match", "warning"],
    // Near-misses whose reasoning lives elsewhere: cert-manager's CRDs not installed yet, Flux's optional image controllers
    [`error: unable to recognize "issuer.yaml": no matches for kind "Issuer" in version "cert-manager.io/v1alpha2"`, "cert-manager-api-version-removed", "warning"],
    [`error: unable to recognize "selfsigned.yaml": no matches for kind "ClusterIssuer" in version "cert-manager.io/v1"`, undefined, "none"],
    [`resource mapping not found for name: "app" namespace: "flux-system" from "image.yaml": no matches for kind "ImageRepository" in version "image.toolkit.fluxcd.io/v1alpha2"`, "flux-api-version-not-served", "warning"],
    // A group the table does not know stays "not installed"
    [`error: unable to recognize "el.yaml": no matches for kind "EventListener" in version "trigger.tekton.dev/v1beta1"`, undefined, "none"],
  ] as const)("%s → %s %s", async (line, id, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });

  it("reads Rancher's create-time nodegroup rule as a warning, EKS's own refusal as a cause (rancher/rancher#28745)", async () => {
    const rancher = "E0904 00:22:50.819067       1 controller.go:166] error syncing 'cattle-global-data/c-ttfzb': handler eks-controller: nodegroup [sow] version must match cluster [c-ttfzb] version on create, requeuing";
    expect(await verdictOf(rancher)).toMatchObject({ id: "eks-nodegroup-version-mismatch", verdict: "warning", captures: { nodegroups: "sow" } });
    expect(await headline(rancher)).toMatch(/Rancher's own create-time rule.*rancher\/rancher#28745/);
    const eks = `│   Message_: "Nodegroups eks-stg-gp must be updated to match cluster version 1.18 before updating cluster version"`;
    expect(await verdictOf(eks)).toMatchObject({ id: "eks-nodegroup-version-mismatch", verdict: "cause" });
  });

  it("names the release window of a version a release added and a later one dropped", async () => {
    const text = await headline(`error: unable to recognize "snapshotclass.yaml": no matches for kind "VolumeSnapshotClass" in version "snapshot.storage.k8s.io/v1beta1"`);
    expect(text).toMatch(/external-snapshotter 6\.0 and later do not serve/);
    expect(text).toMatch(/predates 2\.0/);
  });

  it("names the release that first served a version added beside older ones", async () => {
    expect(await headline(`error: unable to recognize "bb-binding.yaml": no matches for kind "TriggerBinding" in version "triggers.tekton.dev/v1beta1"`)).toMatch(/Tekton Triggers serves TriggerBinding triggers\.tekton\.dev\/v1beta1 from 0\.15 on/);
    expect(await headline(`Error: unable to recognize "STDIN": no matches for kind "Service" in version "serving.knative.dev/v1"`)).toMatch(/from 0\.10 on.*or Knative Serving is not installed/);
  });
});

describe("envoy-xds-v2-rejected", () => {
  it.each([
    [`[2021-04-25 18:28:07.804][952905][critical][main] [source/server/server.cc:109] error initializing configuration 'http.yaml': The v2 xDS major version is deprecated and disabled by default. Support for v2 will be removed from Envoy at the start of Q1 2021. You may make use of v2 in Q4 2020 by following the advice in https://www.envoyproxy.io/docs/envoy/latest/faq/api/transition. (envoy.config.filter.network.http_connection_manager.v2.HttpConnectionManager)`, "cause"],
    [`2021-03-22T18:40:14.339540Z     warning envoy config    gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: Error adding/updating listener(s) virtualInbound: V2 (and AUTO) xDS transport protocol versions are deprecated in stat_prefix: "ext_authz"`, "cause"],
    // Envoy's source (config/utility.cc) and its conversion warnings are not refusals
    [`          "V2 (and AUTO) xDS transport protocol versions are deprecated in {}. "`, "none"],
    ["[2021-04-25 18:28:07.800][952905][warning][misc] [source/common/protobuf/utility.cc:294] Configuration does not parse cleanly as v3. v2 configuration is deprecated and will be removed from Envoy at the start of Q1 2021: envoy.config.filter.network.http_connection_manager.v2.HttpConnectionManager", "none"],
    ["[2021-12-28 09:27:02.209][1][warning][config] [./source/common/config/grpc_stream.h:160] StreamAggregatedResources gRPC config stream closed: 2, missing parts in the service node \"Kubernetes\"", "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("envoy-xds-v2-rejected");
  });

  it("names the Envoy release from the wording: disabled by default in 1.17, removed from 1.18", async () => {
    expect(await headline(`. The v2 xDS major version has been removed and is no longer supported. You may be missing explicit V3 configuration of the transport API version, see the advice in https://www.envoyproxy.io/docs/envoy/latest/faq/api/envoy_v3.`)).toMatch(/Envoy 1\.18 or later/);
    const report = await analyze([textSource("envoy.log", "gRPC config for type.googleapis.com/envoy.api.v2.Listener rejected: The v2 xDS major version is deprecated and disabled by default. Support for v2 will be removed from Envoy at the start of Q1 2021. (envoy.api.v2.Listener)\n")]);
    expect(report.causes[0]?.diagnosis.headline).toMatch(/Envoy 1\.17 or later.*\(envoy\.api\.v2\.Listener\)/);
    expect(report.causes[0]?.diagnosis.versions.map((v) => v.version)).toEqual(expect.arrayContaining(["v2", "1.17"]));
  });
});

describe("envoy-extension-not-registered", () => {
  it.each([
    // Istio's own extensions: istiod and the proxy are different releases (istio/istio#47141; envoyproxy/envoy#5618)
    [`{"level":"warn","time":"2023-09-27T19:18:23.539842Z","scope":"ads","msg":"ADS:LDS: ACK ERROR pod.ns Internal:Error adding/updating listener(s) virtualInbound: Didn't find a registered implementation for name: 'istio_authn'\\n"}`, "warning", /istiod and this proxy are different Istio releases/],
    // A filter newer than the proxy (doujiang24/envoy-go-filter-example#1)
    ["gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: Error adding/updating listener(s) 0.0.0.0_8080: Didn't find a registered implementation for name: 'envoy.filters.http.golang'", "warning", /older than the configuration/],
    // No typed_config (envoyproxy/envoy#20919, #36121)
    ["Didn't find a registered implementation for 'envoy.filters.http.router' with type URL: ''", "warning", /no typed_config/],
  ] as const)("%s → %s", async (line, want, text) => {
    const got = await verdictOf(line);
    expect(got).toMatchObject({ id: "envoy-extension-not-registered", verdict: want });
    expect(await headline(line)).toMatch(text);
  });

  it("dismisses a static file's misplaced filter (envoyproxy/envoy#16599)", async () => {
    const line = "error initializing configuration '/etc/pg.yaml': Didn't find a registered implementation for name: 'envoy.filters.network.postgres_proxy'";
    expect((await verdictOf(line)).verdict).toBe("none");
    expect(await headline(line)).toMatch(/wrong list, a misspelt name/);
  });
});
