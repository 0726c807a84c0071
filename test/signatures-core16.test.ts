import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the core rules of the eleventh tuning session (src/signatures/core16.ts, src/diagnose/area-core16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16core.jsonl) unless marked otherwise.

describe("an unknown flag that misspells a flag the component has is a typo, not a removal", () => {
  it.each([
    // siderolabs/talos#7977 (extraArgs rotate-server-certificate for --rotate-server-certificates); the thread's line
    // is in a tuning set, so only its shape is used here (no node address prefix).
    [String.raw`E1122 12:18:38.387137    8162 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --rotate-server-certificate"`, "none", undefined],
    // Shapes of the same mistake for other components (not real lines): an extra or missing trailing "s".
    ["Mar 02 10:00:00 m1 kube-apiserver[123]: Error: unknown flag: --enable-admission-plugin", "none", undefined],
    ["Mar 02 10:00:00 n1 kube-proxy[77]: Error: unknown flag: --masquerade-alls", "none", undefined],
    // Real removals stay causes: voxpupuli/puppet-k8s#64 (1.27), the kubelet's dockershim flags (1.24).
    [String.raw`Jul 07 08:17:04 controller-0.example.com kubelet[5604]: E0707 08:17:04.199967    5604 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --container-runtime"`, "cause", "kubelet-unknown-flag"],
    [String.raw`Jan 14 03:22:10 worker-2 kubelet[7311]: E0114 03:22:10.551203    7311 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --network-plugin"`, "cause", "kubelet-unknown-flag"],
    // kubernetes/kubernetes#61053: kubelet 1.10.0-beta no longer normalised underscores (a release, not a typo).
    ["F0312 17:59:03.138986   25317 server.go:144] unknown flag: --cluster_dns", "cause", "kubelet-unknown-flag"],
    [String.raw`E0425 13:41:01.547406       1 run.go:74] "command failed" err="unknown flag: --enable-swagger-ui"`, "cause", "k8s-component-unknown-flag"],
  ] as const)("%s → %s", async (line, want, id) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (id) expect(got.id).toBe(id);
  });

  it("names the flag the typo stands for among the dismissed findings", async () => {
    const report = await analyze([textSource("job.log", 'E1122 12:18:38.387137    8162 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --rotate-server-certificate"\n')]);
    expect([...report.causes, ...report.warnings]).toEqual([]);
    const dismissed = report.dismissed.find((d) => d.signature.id === "kubelet-unknown-flag");
    expect(dismissed?.diagnosis.verdict).toBe("not-skew");
    expect(dismissed?.diagnosis.headline).toContain("--rotate-server-certificates");
  });
});

describe("kubectl 1.10+ refused with an empty 406 by an API server before 1.9", () => {
  it.each([
    // kubernetes/kubernetes#65575, kubernetes/kubectl#522, harbur/kubernetic#71, UKHomeOffice/kd#69, kubernetes/kubectl#385
    ["Error from server (NotAcceptable): unknown (get pods)", { verb: "get", resource: "pods" }],
    ["Error from server (NotAcceptable): unknown (get services my-service)", { verb: "get", resource: "services", name: "my-service" }],
    ["Error from server (NotAcceptable): unknown (get namespaces)", { verb: "get", resource: "namespaces" }],
    ["[ERROR] 2018/03/29 10:53:56 main.go:122: Error from server (NotAcceptable): unknown", {}],
    ["`Error from server (NotAcceptable): unknown`", {}],
  ] as const)("%s → cause", async (line, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe("cause");
    expect(got.id).toBe("kubectl-not-acceptable-old-server");
    expect(got.captures).toMatchObject(captures);
  });

  it.each([
    // Shapes (not real lines): a 406 that names what the server accepts is another refusal, other reasons stay out.
    ['Error from server (NotAcceptable): only the following media types are accepted: application/json, application/yaml'],
    ["Error from server (NotFound): the server could not find the requested resource (get pods)"],
  ])("%s → not this rule", async (line) => {
    const got = await verdictOf(line);
    expect(got.id).not.toBe("kubectl-not-acceptable-old-server");
  });

  it("reads kubectl version's banner: an old server confirms the skew, a 1.9+ server points at a proxy instead", async () => {
    // kubernetes/kubernetes#65575's kubectl version output; the 1.12.3 server is a shape, not a real log.
    const banner = (server: string) =>
      `Client Version: version.Info{Major:"1", Minor:"11", GitVersion:"v1.11.0", GitCommit:"91e7b4fd31fcd3d5f436da26c980becec37ceefe", GitTreeState:"clean", BuildDate:"2018-06-27T20:17:28Z", GoVersion:"go1.10.2", Compiler:"gc", Platform:"linux/amd64"}\nServer Version: version.Info{Major:"1", Minor:"${server.split(".")[1]}", GitVersion:"v${server}", GitCommit:"9befc2b8928a9426501d3bf62f72849d5cbcd5a3", GitTreeState:"clean", BuildDate:"2017-11-20T05:17:43Z", GoVersion:"go1.8.3", Compiler:"gc", Platform:"linux/amd64"}\nNo resources found.\nError from server (NotAcceptable): unknown (get pods)\n`;
    const old = await analyze([textSource("job.log", banner("1.8.4"))]);
    expect(old.causes[0]?.diagnosis.headline).toContain("(kubectl v1.11.0, server v1.8.4)");
    const recent = await analyze([textSource("job.log", banner("1.12.3"))]);
    expect(recent.causes).toEqual([]);
    expect(recent.warnings[0]?.diagnosis.headline).toContain("a proxy in front of it");
  });

  it("dates both sides: kubectl's server-side printing and the server release that negotiates it", async () => {
    const report = await analyze([textSource("job.log", "No resources found.\nError from server (NotAcceptable): unknown (get pods)\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("before 1.9");
    expect(cause?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["serverPrintingDefaultFrom", "1.11"], ["serverNegotiationFixedIn", "1.9"]]);
  });
});

describe("etcd (or an etcd-compatible store) older than the kube-apiserver's watch progress requests", () => {
  it.each([
    // k3s-io/kine#315, k3s-io/k3s#11220: kine reporting no etcd version to a 1.31 apiserver
    [String.raw`I0821 11:28:55.647183       1 feature_support_checker.go:133] RequestWatchProgress feature is not supported by "https://kine.qa-system.svc.cluster.local:2379" endpoint`, "warning", { endpoint: "https://kine.qa-system.svc.cluster.local:2379" }],
    [String.raw`I1104 21:36:49.575589      55 feature_support_checker.go:133] RequestWatchProgress feature is not supported by "unix://kine.sock" endpoint`, "warning", { endpoint: "unix://kine.sock" }],
    // cozystack/cozystack#3080: etcd 3.5.12 under 1.35 tenants, and the consistent watch it then refuses
    [String.raw`feature_support_checker.go: RequestWatchProgress feature is not supported by "https://etcd.<tenant>.svc:2379" endpoint`, "warning", { endpoint: "https://etcd.<tenant>.svc:2379" }],
    [String.raw` "message":"a watch stream was requested by the client but the required storage feature RequestWatchProgress is disabled",`, "cause", {}],
    // kubernetes/kubernetes#124612: the checker's source in review
    [String.raw`+		klog.Infof("RequestWatchProgress feature is not supported by %q endpoint", ep)`, "none", {}],
    [String.raw`klog.Info("RequestWatchProgress feature is not supported by provided etcd. This will prevent ConsistentListFromCache from working")`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("apiserver-etcd-lacks-watch-progress");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the etcd releases the apiserver trusts, and kine's own fix for a kine endpoint", async () => {
    const report = await analyze([textSource("job.log", 'I1104 21:36:49.575589      55 feature_support_checker.go:133] RequestWatchProgress feature is not supported by "unix://kine.sock" endpoint\n')]);
    const [warning] = report.warnings;
    expect(warning?.diagnosis.headline).toContain("kine");
    expect(warning?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["etcdMinimum", "3.5.13"]]);
    expect(warning?.diagnosis.fixes[0]).toContain("emulated");
  });
});

describe("kubectl 1.7's swagger validation refusing a field the (older) server's schema lacks", () => {
  it.each([
    // kubernetes/kops#2469 (kubectl 1.6.2, server 1.5.2), samsung-cnct/k2-charts#127 (Helm 2, a 1.5 cluster),
    // fluent/fluentd-kubernetes-daemonset#38 (1.5.4), kubernetes/kubernetes#44715 (initContainers on 1.5.6)
    [String.raw`error: error validating "cluster-autoscaler.yml": error validating data: found invalid field tolerations for v1.PodSpec; if you choose to ignore these errors, turn validation off with --validate=false`, "warning", "1.6"],
    [String.raw`Error: UPGRADE FAILED: error validating "": error validating data: found invalid field tolerations for v1.PodSpec`, "warning", "1.6"],
    ["error validating data: found invalid field tolerations for v1.PodSpec", "warning", "1.6"],
    [String.raw`error: error validating "/tmp/t.yml": error validating data: found invalid field initContainers for v1.PodSpec; if you choose to ignore these errors, turn validation off with --validate=false`, "warning", "1.6"],
    // Misplaced fields: googlecodelabs/feedback#4, helm/helm#85, kubernetes/kubernetes#17846
    [String.raw`error validating "redis-pod.yaml": error validating data: found invalid field metadata for v1.PodSpec; if you choose to ignore these errors, turn validation off with --validate=false`, "none", undefined],
    ["error validating data: found invalid field namespace for v1.Service; if you choose to ignore these errors, turn validation off with --validate=false", "none", undefined],
    [String.raw`error validating "kubernetes/examples/guestbook-go/redis-slave-controller.json": error validating data: found invalid field id for v1.ReplicationController; if you choose to ignore these errors, turn valid`, "none", undefined],
  ] as const)("%s → %s", async (line, want, since) => {
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    expect(report.causes).toEqual([]);
    const warning = report.warnings.find((w) => w.signature.id === "generic-version-skew");
    if (want === "none") {
      expect(warning).toBeUndefined();
      return;
    }
    expect(warning?.diagnosis.versions.find((v) => v.name === "fieldAddedIn")?.version).toBe(since);
  });
});
