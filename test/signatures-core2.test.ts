import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";

// Second round of the core area: kubeadm configuration fields of another API version, kubelet refusals that no
// release explains, and the cut or wrapped wordings of gate and upgrade refusals.
async function run(log: string) {
  const report = await analyze([textSource("job.log", log.endsWith("\n") ? log : `${log}\n`)]);
  return { causes: report.causes, warnings: report.warnings, dismissed: report.dismissed };
}
const gvk = (version: string, field: string) =>
  `W0101 00:00:00.000000    1 initconfiguration.go:332] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"${version}", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "${field}"`;

describe("kubeadm configuration fields of another API version", () => {
  it("says which schema the field belongs to, older or newer than the declared version", async () => {
    const older = await run(gvk("v1beta4", "apiServer.timeoutForControlPlane"));
    expect(older.warnings.map((w) => w.signature.id)).toEqual(["kubeadm-config-field-other-api-version"]);
    expect(older.warnings[0]!.diagnosis.headline).toMatch(/before v1beta4, which removed it/);
    const newer = await run(gvk("v1beta3", "encryptionAlgorithm"));
    expect(newer.warnings[0]!.diagnosis.headline).toMatch(/exists from kubeadm\.k8s\.io v1beta4 on/);
  });

  it("dismisses a field that the declared version has (misplaced, not another release) and ignores unknown ones", async () => {
    const misplaced = await run(gvk("v1beta3", "apiServer.timeoutForControlPlane"));
    expect([...misplaced.causes, ...misplaced.warnings]).toEqual([]);
    expect(misplaced.dismissed[0]!.diagnosis.verdict).toBe("not-skew");
    const typo = await run(gvk("v1beta4", "certSANs"));
    expect([...typo.causes, ...typo.warnings, ...typo.dismissed]).toEqual([]);
  });

  it("does not read another program's bare unknown field as kubeadm's", async () => {
    const other = await run('| `unknown field "timeouts"` | Fix the typo; unknown fields are rejected. |');
    expect([...other.causes, ...other.warnings]).toEqual([]);
  });
});

describe("kubelet refusals no release explains", () => {
  it("warns, never blames a release, for a kubeadm flag given to the kubelet", async () => {
    const { causes, warnings } = await run('E0708 14:32:18.970106   23225 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --image-repository"');
    expect(causes).toEqual([]);
    expect(warnings[0]!.diagnosis.headline).toMatch(/^Not a version skew: --image-repository is a kubeadm flag/);
  });

  it("keeps a klog-headed bare line the kubelet's, and only warns for a headerless one with an untabled flag", async () => {
    const klog = await run("F0312 17:59:03.138986   25317 server.go:144] unknown flag: --cluster_dns");
    expect(klog.causes.map((c) => c.signature.id)).toEqual(["kubelet-unknown-flag"]);
    const bare = await run("unknown flag: --enable-certificates-data-source");
    expect(bare.causes).toEqual([]);
    expect(bare.warnings.map((w) => w.signature.id)).toEqual(["kubelet-unknown-flag"]);
    const tabled = await run("unknown flag: --network-plugin-dir");
    expect(tabled.causes[0]!.diagnosis.headline).toMatch(/removed in Kubernetes 1\.9/);
  });
});

describe("cut and wrapped wordings", () => {
  it("recognises kubeadm's upgrade refusal wrapped after the target", async () => {
    const upgrade = await run('\t- Specified version to upgrade to "v1.36.0" is at least one minor release higher than');
    expect(upgrade.causes[0]!.finding.captures.target).toBe("v1.36.0");
  });

  it("leaves kubeadm 1.19.0's upgrade-plan ConfigMap bug alone but keeps a join asking for its own minor", async () => {
    const plan = await run('[upgrade/versions] FATAL: configmaps "kubelet-config-1.19" not found');
    expect([...plan.causes, ...plan.warnings]).toEqual([]);
    const join = await run('error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get component configs: configmaps "kubelet-config-1.22" not found');
    expect(join.warnings.map((w) => w.signature.id)).toEqual(["kubeadm-join-kubelet-config-other-minor"]);
  });

  it("names the release of the in-tree provider gates removed in 1.31", async () => {
    const { causes } = await run('run.go:72] "command failed" err="unrecognized feature gate: InTreePluginvSphereUnregister"');
    expect(JSON.stringify(causes[0]!.diagnosis.versions)).toContain("1.31");
  });
});
