import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the add-on rules of the tenth tuning session (src/signatures/addons15.ts, src/diagnose/area-addons15.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-15addons.jsonl).

describe("istio-proxy's pilot-agent refusing a flag of another Istio release", () => {
  it.each([
    // istio/istio#14389: the installer's gateway chart with proxyv2 1.1.7
    ["2019-05-28T04:52:03.543645Z\terror\tunknown flag: --proxyComponentLogLevel", "cause", { flag: "proxyComponentLogLevel" }],
    ["Error: unknown flag: --proxyComponentLogLevel", "cause", { flag: "proxyComponentLogLevel" }],
    // istio/istio#14208: a template from the source tree with older daily images
    ["2019-05-17T12:33:16.912504Z     error   unknown flag: --dnsRefreshRate", "cause", { flag: "dnsRefreshRate" }],
    // istio/istio#9219: a chart still passing a flag newer pilot-agents removed
    ["Error: unknown flag: --discoveryRefreshDelay", "cause", { flag: "discoveryRefreshDelay" }],
    // pilot-agent's flag dump at start-up (istio/istio#18563, #14095)
    [`2019-11-01T19:19:34.800744Z info FLAG: --applicationPorts="[]"`, "none", {}],
    ['2019-05-17T16:19:14.486085Z\tinfo\tFLAG: --controlPlaneBootstrap="true"', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("istio-pilot-agent-flag-unknown");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side is behind for a flag whose history the threads give", async () => {
    const added = (await analyze([textSource("proxy.log", "Error: unknown flag: --proxyComponentLogLevel\n")])).causes[0];
    expect(added?.diagnosis.headline).toMatch(/older than the template .*added in Istio 1\.2/);
    expect(added?.diagnosis.versions.find((r) => r.name === "flagRelease")?.typed).toMatchObject({ kind: "component", component: "Istio", minor: 2 });
    const removed = (await analyze([textSource("gateway.log", "Error: unknown flag: --discoveryRefreshDelay\n")])).causes[0];
    expect(removed?.diagnosis.headline).toMatch(/newer than the template .*removed during Istio 1\.1/);
  });

  it("leaves a flag that is not pilot-agent's to the generic unknown-flag rule", async () => {
    expect((await verdictOf("Error: unknown flag: --port")).id).not.toBe("istio-pilot-agent-flag-unknown");
  });
});

describe("Longhorn's supported Kubernetes range", () => {
  it.each([
    // longhorn/website's 1.2.0 important notes, longhorn/longhorn's CHANGELOG-1.4.0, -1.5.3, -1.8.0, longhorn.io 1.4.0 notes
    ["1. Please ensure your Kubernetes cluster is at least v1.18 before upgrading to Longhorn v1.2.0", { min: "v1.18", longhorn: "v1.2.0" }],
    ["> **Please ensure your Kubernetes cluster is at least v1.21 before upgrading to Longhorn v1.4.0 from v1.3.x. Only support upgrading from 1.3.x.**", { min: "v1.21", longhorn: "v1.4.0" }],
    [
      "> **Please read the [important notes](https://longhorn.io/docs/1.5.3/deploy/important-notes/) first and ensure your Kubernetes cluster is at least v1.21 before upgrading to Longhorn v1.5.3 from v1.4.x/v1.5.x, which are only supported source versions.**",
      { min: "v1.21", longhorn: "v1.5.3" },
    ],
    [
      "Please ensure your Kubernetes cluster is at least v1.21 and at most v1.26 before upgrading to Longhorn v1.4.0 because the supported Kubernetes version has been updated (>= v1.21 and <= v1.26) in v1.4.0.",
      { min: "v1.21", max: "v1.26", longhorn: "v1.4.0" },
    ],
    ["The CSI external-snapshotter was upgraded to v8.2.0. Ensure that all clusters are running Kubernetes v1.25 or later before upgrading to Longhorn v1.8.0 or a later version.", { min: "v1.25", longhorn: "v1.8.0" }],
    ["**Ensure that your cluster is running Kubernetes v1.25 or later before installing Longhorn v1.8.0.**", { min: "v1.25", longhorn: "v1.8.0" }],
  ] as const)("%s is a warning", async (line, captures) => {
    const got = await verdictOf(line);
    expect(got).toMatchObject({ id: "longhorn-kubernetes-range-notice", verdict: "warning" });
    expect(got.captures).toMatchObject(captures);
  });

  it("ignores Longhorn's other notices", async () => {
    const line =
      "Longhorn v1.8.0 supports fully automatic online expansion of RWX volumes without the need to scale down the workload or apply manual commands. To use this feature, ensure that the v1.8.0 versions of Longhorn Manager, Share Manager, and the CSI plugin are all running.";
    expect((await verdictOf(line)).verdict).toBe("none");
  });

  const notice = "Please ensure your Kubernetes cluster is at least v1.21 and at most v1.26 before upgrading to Longhorn v1.4.0 because the supported Kubernetes version has been updated (>= v1.21 and <= v1.26) in v1.4.0.";

  it("is the cause when the job's cluster is outside the range", async () => {
    const report = await analyze([textSource("job.log", `Server Version: v1.27.4+k3s1\n${notice}\n`)]);
    const cause = report.causes.find((c) => c.signature.id === "longhorn-kubernetes-range-notice");
    expect(cause?.diagnosis.headline).toMatch(/v1\.21 to v1\.26, and the cluster runs v1\.27\.4\+k3s1: the cluster is newer/);
    const rows = Object.fromEntries(cause!.diagnosis.versions.map((r) => [r.name, r]));
    expect(rows.max?.typed?.kind).toBe("minor");
    expect(rows.longhorn?.typed).toMatchObject({ kind: "component", component: "Longhorn" });
    expect(rows.upTo).toBeUndefined();
  });

  it("is dismissed when the job's cluster is inside the range", async () => {
    const report = await analyze([textSource("job.log", `Server Version: v1.25.6\n${notice}\n`)]);
    expect([...report.causes, ...report.warnings].map((f) => f.signature.id)).not.toContain("longhorn-kubernetes-range-notice");
    expect(report.dismissed.map((f) => f.signature.id)).toContain("longhorn-kubernetes-range-notice");
  });
});

describe("flux bootstrap's own sync objects refused before its CRDs are established", () => {
  it("dismisses the bootstrap's Kustomization/<ns>/<ns> refused for its own kind (fluxcd/flux2#2436)", async () => {
    const report = await analyze([textSource("bootstrap.log", '✗ Kustomization/flux/flux dry-run failed, error: no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1beta2"\n')]);
    expect([...report.causes, ...report.warnings]).toEqual([]);
    expect(report.dismissed.find((d) => d.signature.id === "flux-api-version-not-served")?.diagnosis.headline).toMatch(/bootstrap applied its CRDs .* were established/);
  });

  it("dismisses a dry-run right after bootstrap's installing components", async () => {
    const log = ['► installing components in "flux-system" namespace', 'HelmRelease/flux-system/podinfo dry-run failed, error: no matches for kind "HelmRelease" in version "helm.toolkit.fluxcd.io/v2beta1"'].join("\n");
    const report = await analyze([textSource("bootstrap.log", `${log}\n`)]);
    expect(report.warnings.map((w) => w.signature.id)).not.toContain("flux-api-version-not-served");
  });

  it("keeps the warning for another object's dry-run, and the cause for the CLI's own refusal (fluxcd/flux2#2009)", async () => {
    expect(await verdictOf('HelmRelease/flux-system/podinfo dry-run failed, error: no matches for kind "HelmRelease" in version "helm.toolkit.fluxcd.io/v2beta1"')).toMatchObject({ id: "flux-api-version-not-served", verdict: "warning" });
    expect(await verdictOf('✗ no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1beta2"')).toMatchObject({ id: "flux-api-version-not-served", verdict: "cause" });
  });
});

describe("Spinnaker's clouddriver refusing a resource's API version", () => {
  it.each([
    // spinnaker/spinnaker#6551, #6420, #4946
    ["com.netflix.spinnaker.clouddriver.kubernetes.op.handler.UnsupportedVersionException: No ingress is supported at api version networking.k8s.io/v1", { kind: "ingress", apiVersion: "networking.k8s.io/v1" }, /older than the cluster/],
    ["com.netflix.spinnaker.clouddriver.kubernetes.op.handler.UnsupportedVersionException: No ingress is supported at api version extensions/v1beta1", { kind: "ingress", apiVersion: "extensions/v1beta1" }, /newer than the cluster/],
    ["com.netflix.spinnaker.clouddriver.kubernetes.v2.op.handler.UnsupportedVersionException: No deployment is supported at api version apps/v1", { kind: "deployment", apiVersion: "apps/v1" }, /older than the cluster/],
  ] as const)("%s", async (line, captures, headline) => {
    const report = await analyze([textSource("clouddriver.log", `${line}\n`)]);
    const cause = report.causes.find((c) => c.signature.id === "spinnaker-clouddriver-api-version-unsupported");
    expect(cause?.finding.captures).toMatchObject(captures);
    expect(cause?.diagnosis.headline).toMatch(headline);
    expect(cause?.diagnosis.versions.find((r) => r.name === "apiVersion")?.typed?.kind).toBe("api-version");
  });

  it("ignores statements about Spinnaker's compatibility (spinnaker/clouddriver#5275)", async () => {
    expect((await verdictOf("This change makes Spinnaker incompatible with Kubernetes prior to 1.14.")).verdict).toBe("none");
  });
});

describe("ovn-controller unable to parse a newer northd's logical flows", () => {
  it.each([
    // oVirt/ovirt-system-tests#176, kubeovn/kube-ovn#1780
    ["2022-06-02T08:29:21.149Z|00029|lflow|WARN|error parsing actions \"ct_commit { ct_mark.blocked = 1; }; /* drop */\": Syntax error at `ct_mark.blocked' expecting field name.", "cause", { symbol: "ct_mark.blocked", expected: "field name" }],
    ['2022-06-02T08:29:21.149Z|00028|lflow|WARN|error parsing match "ct.est && ct_mark.blocked == 0": Syntax error at `ct_mark.blocked\' expecting field name.', "cause", { part: "match" }],
    ["error parsing actions \"lookup_arp_ip(\"ovn-cluster-join\", ip6.dst); next;\": Syntax error at 'lookup_arp_ip' expecting action.", "cause", { symbol: "lookup_arp_ip", expected: "action" }],
    // ovn-org/ovn#35: an empty address set
    [
      "2020-02-13T20:00:22.083Z|00059|lflow|WARN|error parsing match \"!ct.new && ct.est && !ct.rpl && ct_label.blocked == 0 && (ip4.src == {$a11661077897478047653} && outport == @a15416135329930652905)\": Syntax error at `$a11661077897478047653' expecting address set name.",
      "none",
      {},
    ],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("ovn-controller-logical-flow-unparsable");
      expect(got.captures).toMatchObject(captures);
    }
  });
});

describe("an old client-go unable to decode managedFields", () => {
  it("is the cause when the quoted context shows managed fields (sorintlab/stolon#781), a warning otherwise (kubernetes/minikube#7218)", async () => {
    const stolon = String.raw`2020-04-29T10:33:12.177Z	ERROR	cmd/sentinel.go:1853	cannot update sentinel info	{"error": "update failed: failed to get latest version of pod: v1.Pod.ObjectMeta: v1.ObjectMeta.readObjectFieldAsBytes: expect : after object field, but found u, error found in #10 byte of ...|:{},\"k:{\\\"uid\\\":\\\"ee|..., bigger context ...|on-cluster\":{}},\"f:ownerReferences\":{\".\":{},\"k:{\\\"uid\\\":\\\"eef5ef67-ee7e-4184-b614-0a59457eb147\\\"}\":{|..."}`;
    expect(await verdictOf(stolon)).toMatchObject({ id: "client-go-managed-fields-undecodable", verdict: "cause", captures: { type: "v1.ObjectMeta", found: "u" } });
    expect(await verdictOf("storage provisioner in v1.9.0-beta.2: Object: readObjectFieldAsBytes: expect : after object field,")).toMatchObject({
      id: "client-go-managed-fields-undecodable",
      verdict: "warning",
    });
  });
});

describe("an operator registering its CRDs through an apiextensions version the cluster does not serve", () => {
  it.each([
    // kubernetes/cloud-provider-alibaba-cloud#279, kleveross/klever-model-registry#242
    [
      String.raw`E0222 05:38:07.735692      14 main.go:86]  "msg"="add controller: %s" "error"="initialize crd: *ingress.AlbConfigCRD, error creating crd albconfigs.alibabacloud.com: the server could not find the requested resource"  "initialize crd: *ingress.AlbConfigCRD, error creating crd albconfigs.alibabacloud.com: the server could not find the requested resource"=null`,
      { crd: "albconfigs.alibabacloud.com" },
    ],
    ["modeljob-operator response : { setup unable to ensure crds the server could not find the requested resource}", {}],
  ] as const)("%s", async (line, captures) => {
    expect(await verdictOf(line)).toMatchObject({ id: "operator-crd-registration-api-not-served", verdict: "cause", captures });
  });

  it("names v1beta1's removal when the job shows a 1.22+ cluster, and leaves a bare 404 alone", async () => {
    const alb = String.raw`E0222 05:38:07.735692      14 main.go:86]  "msg"="add controller: %s" "error"="initialize crd: *ingress.AlbConfigCRD, error creating crd albconfigs.alibabacloud.com: the server could not find the requested resource"  "initialize crd: *ingress.AlbConfigCRD, error creating crd albconfigs.alibabacloud.com: the server could not find the requested resource"=null`;
    const report = await analyze([textSource("job.log", `Server Version: v1.22.0\n${alb}\n`)]);
    const cause = report.causes.find((c) => c.signature.id === "operator-crd-registration-api-not-served");
    expect(cause?.diagnosis.headline).toMatch(/v1beta1, which Kubernetes 1\.22 removed, and the cluster runs v1\.22\.0/);
    // kubernetes/test-infra#13242: a component noting that a CRD is not deployed
    expect((await verdictOf(`  error:  "the server could not find the requested resource (get pipelineruns.tekton.dev)"   `)).id).not.toBe("operator-crd-registration-api-not-served");
  });
});

describe("cert-manager's conversion webhook rejecting a conversion", () => {
  it.each([
    // cert-manager/cert-manager#3210, #4207
    [`Error from server: error when creating "http-clusterissuer.yaml": conversion webhook for cert-manager.io/v1alpha2, Kind=ClusterIssuer failed: the server rejected our request for an unknown reason`, "warning", { from: "v1alpha2", kind: "ClusterIssuer" }],
    ["Error from server: conversion webhook for cert-manager.io/v1alpha2, Kind=Certificate failed: the server rejected our request for an unknown reason", "warning", { kind: "Certificate" }],
  ] as const)("%s → %s", async (line, want, captures) => {
    expect(await verdictOf(line)).toMatchObject({ id: "cert-manager-conversion-webhook-rejected", verdict: want, captures });
  });

  it("leaves a webhook that cannot be reached alone: the error names its cause", async () => {
    // cert-manager/cert-manager#6509 (TLS verification of the webhook after a reinstall)
    const line = String.raw`Error from server: conversion webhook for cert-manager.io/v1alpha2, Kind=Certificate failed: Post "https://cert-manager-webhook.cert-manager.svc:443/convert?timeout=30s": tls: failed to verify certificate: x509: certificate signed by unknown authority`;
    expect((await verdictOf(line)).id).not.toBe("cert-manager-conversion-webhook-rejected");
  });
});
