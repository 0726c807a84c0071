import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";

// The core area's reasoning beyond the in-band examples: which component refused a flag and whether a table says
// the release, and the release tables behind feature gates, component-config API versions and kubeadm's configs.
async function run(log: string) {
  const report = await analyze([textSource("job.log", log.endsWith("\n") ? log : `${log}\n`)]);
  return {
    causes: report.causes,
    warnings: report.warnings,
    dismissed: report.dismissed,
    all: [...report.causes, ...report.warnings, ...report.dismissed],
  };
}

describe("removed component flags", () => {
  it("names the release of a klog flag when the component is known, and only warns when the line names none", async () => {
    const named = await run('Jan 10 10:00:00 cp1 kube-scheduler[812]: E0110 10:00:00.1       812 run.go:74] "command failed" err="unknown flag: --logtostderr"\nUsage:\n  kube-scheduler [flags]');
    expect(named.causes.map((c) => c.signature.id)).toEqual(["k8s-component-unknown-flag"]);
    expect(named.causes[0]!.diagnosis.headline).toMatch(/kube-scheduler was started with --logtostderr, which was removed in Kubernetes 1\.26/);
    const bare = await run("Error: unknown flag: --log-file");
    expect(bare.causes).toEqual([]);
    expect(bare.warnings[0]!.diagnosis.headline).toMatch(/removed from kube-apiserver .* in Kubernetes 1\.26/);
  });

  it("reads the component from cobra's usage or systemd's unit description when the journald prefix is gone", async () => {
    const log = [
      "Nov 10 10:00:01 cp1 systemd[1]: Started Kubernetes Controller Manager.",
      "Nov 10 10:00:01 cp1 kube-controller-manager[9001]: Error: unknown flag: --some-brand-new-flag",
    ].join("\n");
    const { causes } = await run(log);
    expect(causes[0]!.diagnosis.headline).toMatch(/^kube-controller-manager was started with --some-brand-new-flag/);
  });

  it("treats Go's flag package and capitalised flags as no component's refusal", async () => {
    const goFlag = await run("flag provided but not defined: -logtostderr");
    expect([...goFlag.causes, ...goFlag.warnings]).toEqual([]);
    expect(goFlag.dismissed[0]!.diagnosis.verdict).toBe("not-skew");
    const capital = await run('Problems detected in "kube-apiserver": error: unknown flag: --Audit.LogOptions.Path');
    expect([...capital.causes, ...capital.warnings]).toEqual([]);
  });

  it("knows the kubelet flags removed in 1.31 and 1.35, and kubeadm's upload-certs window", async () => {
    const kubelet = await run('"command failed" err="failed to parse kubelet flag: unknown flag: --pod-infra-container-image"');
    expect(kubelet.causes[0]!.diagnosis.headline).toMatch(/removed in Kubernetes 1\.35/);
    const kubeadm = await run("error: unknown flag: --experimental-upload-certs");
    expect(kubeadm.causes[0]!.diagnosis.headline).toMatch(/only from kubeadm 1\.14 until 1\.16/);
  });
});

describe("release tables behind gates and configuration APIs", () => {
  it("names the release that removed a feature gate, in both wordings", async () => {
    for (const line of ["unrecognized feature gate: EphemeralContainers", 'Error: invalid argument "Accelerators=true" for "--feature-gates" flag: unrecognized key: Accelerators']) {
      const { causes } = await run(line);
      expect(causes[0]!.diagnosis.versions.some((v) => v.name === "gateRemovedIn")).toBe(true);
    }
    const { all } = await run("AssertionError: Unrecognized key: flip");
    expect(all).toEqual([]);
  });

  it("says which side is older from the component-config API table", async () => {
    const removed = await run('no kind "KubeSchedulerConfiguration" is registered for version "kubescheduler.config.k8s.io/v1beta2" in scheme "k8s.io/kubernetes/pkg/scheduler/apis/config/scheme/scheme.go:30"');
    expect(removed.causes[0]!.diagnosis.headline).toMatch(/removed from kube-scheduler in Kubernetes 1\.28/);
    const newer = await run('unknown configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta4", Kind:"ClusterConfiguration"} for scheme definitions in "a" and "b"');
    expect(newer.causes[0]!.diagnosis.headline).toMatch(/read by kubeadm 1\.31 and later: the kubeadm that ran is older \(1\.30 or before\)/);
    const ignored = await run('W1103 08:37:22.670553    4048 upgradeconfiguration.go:54] unknown configuration schema.GroupVersionKind{Group:"kubeproxy.config.k8s.io", Version:"v1alpha1", Kind:"KubeProxyConfiguration"}');
    expect(ignored.all).toEqual([]);
  });

  it("reads both sides of an etcd downgrade refusal, in the capnslog and zap wordings", async () => {
    const capnslog = await run("2017-10-16 21:07:10.975303 C | membership: cluster cannot be downgraded (current version: 3.0.17 is lower than determined cluster version: 3.1).");
    const zap = await run('{"level":"panic","msg":"invalid downgrade; server version is lower than determined cluster version","current-server-version":"3.4.13","determined-cluster-version":"3.5"}');
    for (const { causes } of [capnslog, zap]) expect(causes[0]!.signature.id).toBe("etcd-cluster-downgrade-refused");
    expect(zap.causes[0]!.finding.captures).toMatchObject({ server: "3.4.13", cluster: "3.5" });
  });

  it("tells an old kubeadm on a new kernel from a new kubeadm on an old OS, and leaves the warning form alone", async () => {
    const old = await run("\t[ERROR SystemVerification]: unsupported kernel release: 5.0.1-312.kvm");
    expect(old.causes[0]!.diagnosis.headline).toMatch(/this kubeadm is older than the node's kernel/);
    const fresh = await run("\t[ERROR SystemVerification]: kernel release 3.10.0-1160.el7.x86_64 is unsupported. Recommended LTS version from the 4.x series is 4.19.");
    expect(fresh.causes[0]!.diagnosis.headline).toMatch(/the node's OS is older than this kubeadm supports/);
    const warning = await run("\t[WARNING SystemVerification]: kernel release 5.14.0-570.33.2.el9_6.x86_64 is unsupported. Supported LTS versions from the 5.x series are 5.4, 5.10 and 5.15.");
    expect([...warning.causes, ...warning.warnings]).toEqual([]);
  });
});
