import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the core rules of the tenth tuning session (src/signatures/core15.ts, src/diagnose/area-core15.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-15core.jsonl).

describe("kubelet refusing a cgroup v1 host", () => {
  it.each([
    // kubernetes/node-problem-detector#1161: the 1.35 wording, journald + klog prefixes
    [
      String.raw`Oct 20 21:24:39.712480 e2e-80d4170f39-80e1a-minion-group-0l2l kubelet[9413]: E1020 21:24:39.706440    9413 run.go:72] "command failed" err="failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release, path: &TypeMeta{Kind:,APIVersion:,}"`,
      "cause",
      { wording: "unsupported and will be removed" },
    ],
    // a kind bootstrap cluster on WSL2 (kindest/node v1.36.1)
    ["kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release", "cause", {}],
    // NVIDIA/OpenShell#360: the message quoted without its second sentence (k3s 1.35)
    ["Kubernetes 1.35 (bundled in k3s v1.35.2) rejects cgroup v1 by default, causing kubelet to exit immediately with `kubelet is configured to not run on a host using cgroup v1`.", "cause", {}],
    // 1.31-1.34's wording: failCgroupV1 was turned on by configuration
    [`E0301 10:00:00.000000    1234 run.go:72] "command failed" err="failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is in maintenance mode, path: &TypeMeta{Kind:,APIVersion:,}"`, "warning", { wording: "in maintenance mode" }],
    // the kubelet's source
    ['\t\treturn fmt.Errorf("kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is in maintenance mode")', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("kubelet-cgroup-v1-refused");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the kubelet release that made the refusal the default, typed as a Kubernetes release", async () => {
    const line = `kubelet[9413]: E1020 21:24:39.706440    9413 run.go:72] "command failed" err="failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release, path: &TypeMeta{Kind:,APIVersion:,}"`;
    const report = await analyze([textSource("node.log", `${line}\n`)]);
    const cause = report.causes[0];
    expect(cause?.diagnosis.headline).toMatch(/1\.35 or newer.*failCgroupV1 defaults to true/);
    const row = cause?.diagnosis.versions.find((r) => r.name === "kubeletRelease");
    expect(row?.version).toBe("1.35");
    expect(row?.typed?.kind).toBe("kubernetes");
  });
});

describe("CRD preserveUnknownFields: true refused", () => {
  const line = String.raw`The CustomResourceDefinition "mongodbcommunity.mongodbcommunity.mongodb.com" is invalid: spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema`;

  it.each([
    // mongodb/mongodb-kubernetes-operator#621 (an upgrade across the CRD's v1 move) and zalando/postgres-operator#1352
    // (a CRD already at v1, the field from elsewhere): the same words, so alone a warning
    [line, "warning"],
    [String.raw`The CustomResourceDefinition "operatorconfigurations.acid.zalan.do" is invalid: spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema`, "warning"],
    ["spec.preserveUnknownFields: false", "none"],
  ] as const)("%s → %s", async (l, want) => {
    const got = await verdictOf(l);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("crd-preserve-unknown-fields-upgrade");
  });

  it("is a cause when the job shows the v1beta1 CRD or a release upgrade", async () => {
    const v1beta1 = await analyze([
      textSource("job.log", `Warning: apiextensions.k8s.io/v1beta1 CustomResourceDefinition is deprecated in v1.16+, unavailable in v1.22+; use apiextensions.k8s.io/v1 CustomResourceDefinition\n${line}\n`),
    ]);
    expect(v1beta1.causes[0]?.signature.id).toBe("crd-preserve-unknown-fields-upgrade");
    expect(v1beta1.causes[0]?.diagnosis.headline).toMatch(/v1beta1 install/);
    const upgrade = await analyze([textSource("job.log", `Upgrading the operator from 0.6.2 to 0.7.2\n+ kubectl apply -f config/crd/bases/\n${line}\n`)]);
    expect(upgrade.causes[0]?.signature.id).toBe("crd-preserve-unknown-fields-upgrade");
  });
});

describe("kube-proxy refused nf_conntrack_max", () => {
  it.each([
    // k3d-io/k3d#607 (docker logs prefix), antrea-io/antrea#2407 (kind before v0.11.0), kubernetes/kubernetes#141943 (LXC, 1.36)
    ["2021-05-16T05:05:31.783130013Z  F0516 05:05:31.782902       7 server.go:495] open /proc/sys/net/netfilter/nf_conntrack_max: permission denied", "warning"],
    ["F0714 12:21:18.488637       1 server.go:495] open /proc/sys/net/netfilter/nf_conntrack_max: permission denied", "warning"],
    [String.raw`run.go:72] "command failed" err="could not set conntrack parameters from kube-proxy configuration: open /proc/sys/net/netfilter/nf_conntrack_max: permission denied"`, "warning"],
    // the module missing (corneliusweig/kubernetes-lxd#13) and LXD's hashsize (justmeandopensource/kubernetes#144)
    ["5286 server.go:489] open /proc/sys/net/netfilter/nf_conntrack_max: no such file or directory", "none"],
    [String.raw`E0823 17:40:52.933169       1 server.go:558] "Error running ProxyServer" err="write /sys/module/nf_conntrack/parameters/hashsize: operation not supported"`, "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("kube-proxy-conntrack-max-read-only");
  });
});

describe("kubectl 1.2 validating against a 1.3+ server", () => {
  it.each([
    // kubernetes/kubernetes#26532, kelseyhightower/compose2kube#30 (bracketed lists), and the single form
    [String.raw`error validating "./skydns.yaml": error validating data: [unexpected type: object, unexpected type: object, unexpected type: object]; if you choose to ignore these errors, turn validation off with --validate=false`, "cause"],
    [String.raw`error validating "output/cache-rc.json": error validating data: [unexpected type: object, unexpected type: object, unexpected type: object]; if you choose to ignore these errors, turn validation off with --validate=false`, "cause"],
    [String.raw`error validating "web.yaml": error validating data: unexpected type: object; if you choose to ignore these errors, turn validation off with --validate=false`, "cause"],
    // kubectl 1.8 against 1.7 (kubernetes/kubernetes#53309): the OpenAPI rule's
    [String.raw`error: error validating "k8s/jenkins.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"PersistentVolumeClaim"}; if you choose to ignore these errors, turn validation off with --validate=false`, "not-this"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    if (want === "not-this") expect(got.id).not.toBe("kubectl-swagger-validation-unexpected-type");
    else expect(got).toMatchObject({ id: "kubectl-swagger-validation-unexpected-type", verdict: want });
  });
});

describe("kubectl OpenAPI validation without a schema for the GVK", () => {
  it.each([
    // kubernetes/kubernetes#53309 and openebs/openebs#633 (kubectl 1.8 vs 1.7), metrics-server#53 (rbac v1 on 1.7)
    [String.raw`error: error validating "k8s/jenkins.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"PersistentVolumeClaim"}; if you choose to ignore these errors, turn validation off with --validate=false`, "cause"],
    [String.raw`error: error validating "resource-reader.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"rbac.authorization.k8s.io", Version:"v1", Kind:"ClusterRole"}; if you choose to ignore these errors, turn validation off with --validate=false`, "cause"],
    // an alpha version may just be off (batch/v2alpha1 CronJob)
    [String.raw`error: error validating "templates/cronjob.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"batch", Version:"v2alpha1", Kind:"CronJob"}; if you choose to ignore these errors, turn validation off with --validate=false`, "warning"],
    // wrong on every release: Deployment in the core group, a lower-case kind
    [String.raw`error: error validating "error-unknown.yaml": error validating data: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"Deployment"}; if you choose to ignore these errors, turn validation off with --validate=false`, "none"],
    [String.raw`The Error: unknown object type schema.GroupVersionKind{Group:"", Version:"v1", Kind:"pod"}`, "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("kubectl-openapi-validation-unknown-gvk");
  });
});
