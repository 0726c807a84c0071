import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import type { Triaged } from "../src/model.js";
import { textSource } from "./helpers/logs.js";

async function triage(...lines: string[]): Promise<{ causes: Triaged[]; warnings: Triaged[]; dismissed: Triaged[] }> {
  return analyze([textSource("job.log", `${lines.join("\n")}\n`)]);
}

const err = (msg: string) => `E0206 22:52:48.682710       1 run.go:72] "command failed" err="${msg}"`;

describe("compatibility versions (three-version model)", () => {
  it("explains the Cluster API 1.30/1.31 case: default min-compat below a 1.31 floor means a mis-stamped build", async () => {
    const { causes } = await triage(err("minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"));
    const d = causes[0]!.diagnosis;
    expect(d.headline).toMatch(/default minimum compatibility version 1\.30 \(binary 1\.31 − 1\) fell below a 1\.31 floor/);
    expect(d.headline).toMatch(/reports 1\.31 but was built from newer source/);
    const why = d.reasoning.join(" ");
    expect(why).toMatch(/kubernetes-sigs\/cluster-api#11833/);
    expect(why).toMatch(/built from kubernetes master/);
    expect(why).toMatch(/--min-compatibility-version or --emulated-version/);
    expect(why).toMatch(/not a cluster\/kubelet version skew/);
    const fixes = d.fixes.join(" ");
    expect(fixes).toMatch(/release branch that matches/);
    expect(fixes).toMatch(/version stamp matches the checkout/);
    expect(fixes).toMatch(/Only test Kubernetes versions the branch under test supports/);
    expect(fixes).toMatch(/within the allowed range/);
    expect(d.versions.map((v) => [v.name, v.version])).toEqual([
      ["minCompatibilityVersion", "1.30"],
      ["lower", "1.31"],
      ["upper", "1.31"],
      ["binary", "1.31"],
    ]);
    expect(causes[0]!.signature.flake).toBe(true);
  });

  it("uses the binary version the component logged, from the same log", async () => {
    const { causes } = await triage("I0206 22:52:47.000000       1 server.go:150] Version: v1.31.6-rc.0.12+4e7b5ad1b1f1c2", err("minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"));
    const binary = causes[0]!.diagnosis.versions.find((v) => v.source === "job.log:1");
    expect(binary).toMatchObject({ version: "v1.31.6-rc.0.12+4e7b5ad1b1f1c2" });
    expect(causes[0]!.diagnosis.reasoning.join(" ")).toMatch(/same minor as the emulation version 1\.31/);
  });

  it("reads an explicit min-compat flag below the floor as such", async () => {
    const { causes } = await triage(err("minCompatibilityVersion version 1.31 is not between [1.32, 1.35]"));
    expect(causes[0]!.diagnosis.headline).toMatch(/1\.31 is below the floor 1\.32 .*default flags it would be 1\.34, so it was most likely set explicitly/);
  });

  it("reads min-compat above emulation", async () => {
    const { causes } = await triage(err("minCompatibilityVersion version 1.34 is not between [1.30, 1.33]"));
    expect(causes[0]!.diagnosis.headline).toMatch(/1\.34 is newer than the emulation version 1\.33/);
  });

  it("reads emulation above the binary with its distance", async () => {
    const { causes } = await triage(err("emulation version 1.36 is not between [1.31, 1.34.2]"));
    expect(causes[0]!.diagnosis.headline).toMatch(/1\.36 is 2 minors newer than the binary 1\.34\.2/);
    expect(causes[0]!.diagnosis.skew).toMatchObject({ minors: 2, supported: false });
  });

  it("reads emulation below the floor", async () => {
    const { causes } = await triage(err("emulation version 1.30 is not between [1.33, 1.36.0]"));
    expect(causes[0]!.diagnosis.headline).toMatch(/too old for a 1\.36 binary, which can emulate down to 1\.33/);
  });

  it("reads an empty emulation range as a stamp older than the code", async () => {
    const { causes } = await triage(err("emulation version 1.30 is not between [1.31, 1.30.0]"));
    expect(causes[0]!.diagnosis.headline).toMatch(/built from newer source than its version stamp/);
  });

  it("treats a patch-level flag as a configuration error, not a flake", async () => {
    const { causes } = await triage(err("patch version not allowed, got: kube=1.34.1"));
    expect(causes[0]!.diagnosis.headline).toMatch(/major\.minor only \(kube=1\.34\)/);
    expect(causes[0]!.signature.flake).toBe(false);
  });
});

describe("two-sided skews state the minor distance and the policy", () => {
  it("kubectl client/server (a warning)", async () => {
    const { causes, warnings } = await triage("WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1");
    expect(causes).toEqual([]);
    expect(warnings[0]!.diagnosis.skew).toEqual({ minors: 3, policy: expect.stringMatching(/±1 minor/), supported: false });
  });

  it("kubelet newer than the control plane", async () => {
    const { causes } = await triage('\t[ERROR KubeletVersion]: the kubelet version is higher than the control plane version. This is not a supported version skew and may lead to a malfunctional cluster. Kubelet version: "1.33.1" Control plane version: "1.31.4"');
    expect(causes[0]!.diagnosis.skew).toMatchObject({ minors: 2, supported: false });
    expect(causes[0]!.diagnosis.headline).toMatch(/2 minors newer than the control plane/);
  });

  it("kubeadm against its target", async () => {
    const { causes } = await triage("this version of kubeadm only supports deploying clusters with the control plane version >= 1.35.0. Current version: v1.33.3");
    expect(causes[0]!.diagnosis.skew).toMatchObject({ minors: 3, supported: false });
    expect(causes[0]!.diagnosis.versions.map((v) => v.name)).toContain("kubeadm");
  });

  it("kubeadm upgrade target beyond kubeadm", async () => {
    const { causes } = await triage('\t- Specified version to upgrade to "v1.34.0" is at least one minor release higher than the kubeadm minor release (34 > 33). Such an upgrade is not supported');
    expect(causes[0]!.diagnosis.skew).toMatchObject({ minors: 1, supported: false });
  });

  it("a control plane jump of two minors", async () => {
    const { causes } = await triage("spec.version: Forbidden: cannot update Kubernetes version from v1.29.8 to v1.31.2");
    expect(causes[0]!.diagnosis.skew).toMatchObject({ minors: 2, supported: false });
  });

  it("a helm constraint that rejects a pre-release vendor version: dismissed with the explanation (the versions meet, so neither a cause nor a warning)", async () => {
    const { causes, warnings, dismissed } = await triage("Error: chart requires kubeVersion: >= 1.27.0 which is incompatible with Kubernetes v1.28.15-gke.1090000");
    expect([...causes, ...warnings]).toEqual([]);
    const d = dismissed[0]!.diagnosis;
    expect(d.headline).toMatch(/^Not a version skew: the cluster v1\.28\.15-gke\.1090000 satisfies ">= 1\.27\.0"/);
    expect(d.headline).toMatch(/pre-release/);
    expect(d.fixes.join(" ")).toContain('">= 1.27.0-0"');
  });

  it("a helm constraint below the vendor build's minor is still a cause", async () => {
    const { causes } = await triage("Error: chart requires kubeVersion: >=1.22.0-0 which is incompatible with Kubernetes v1.21.14-eks-4062dfc");
    expect(causes[0]!.diagnosis.headline).toMatch(/1 minor older than the 1\.22/);
  });

  it("a feature gate error takes the binary version from elsewhere in the job", async () => {
    const { causes } = await triage(
      "Feb 27 13:45:01 node kubelet[4411]: I0227 13:45:01.000000    4411 server.go:484] \"Kubelet version\" kubeletVersion=\"v1.33.2\"",
      'Feb 27 13:45:09 node kubelet[4411]: E0227 13:45:09.777321    4411 run.go:72] "command failed" err="failed to set feature gates from initial flags-based config: unrecognized feature gate: NodeWidgetReclaim"',
    );
    expect(causes[0]!.diagnosis.headline).toMatch(/NodeWidgetReclaim, which v1\.33\.2 does not know/);
  });
});

describe("near-misses and dismissals", () => {
  it.each([
    ["execute helm install: chart requires kubeVersion: ^1.8.0-0 which is incompatible with Kubernetes v999.999.999", /placeholder/, "--kube-version"],
    ['unsupported upgrade path 1.29->1.3 (from "1.29.5" to "1.3.1")', /not newer than the cluster's lowest version 1\.29\.5/, "one minor above"],
    ["kubelet exited: failed to parse kubelet flag: unknown flag: --single-Process-OOM-Kill", /capital letters/, "Kubelet" + "Configuration"],
    ["ERROR: failed to create cluster: unknown apiVersion: kind.sigs.k8s.io/v1alpha4", /never existed/, "kind.x-k8s.io/v1alpha4"],
    [
      'Dec 20 15:27:03 node-2 kubelet[4562]: E1220 15:27:03.620975    4562 kuberuntime_sandbox.go:285] "Failed to list pod sandboxes" err="rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"',
      /stopped serving CRI/,
      "config.toml",
    ],
  ])("%s fails the job but is not version skew: a warning that says why", async (line, headline, fix) => {
    const { causes, warnings } = await triage(line);
    expect(causes).toEqual([]);
    expect(warnings[0]!.diagnosis.headline).toMatch(/^Not a version skew: /);
    expect(warnings[0]!.diagnosis.headline).toMatch(headline);
    expect(warnings[0]!.diagnosis.fixes.join(" ")).toContain(fix);
  });

  it.each([
    // helm/helm#3810: 1.21.9 meets >= 1.19; the -eks- suffix is a semver pre-release, excluded without -0. The versions meet,
    // so this is dismissed (listed with its fix), not warned: nothing in the job is older or newer than it should be.
    ["Error: chart requires kubeVersion: >=1.19 which is incompatible with Kubernetes v1.21.9-eks-14c7a48", /satisfies ">=1\.19"/, '">=1.19.0-0"'],
    ["Error: chart requires kubeVersion: >=1.19 which is incompatible with Kubernetes v1.22.0-rc.0+894a78b", /pre-release/, '">=1.19.0-0"'],
    // rancher/rancher#30766: 1.18.9 is below the < 1.20.0 cap once the -eks- suffix is not read as a pre-release.
    ["Error: UPGRADE FAILED: chart requires kubeVersion: < 1.20.0 which is incompatible with Kubernetes v1.18.9-eks-d1db3c", /satisfies "< 1\.20\.0"/, '"< 1.20.0-0"'],
  ])("%s: helm's pre-release quirk with versions that meet is dismissed, not warned", async (line, headline, fix) => {
    const { causes, warnings, dismissed } = await triage(line);
    expect([...causes, ...warnings]).toEqual([]);
    expect(dismissed[0]!.diagnosis.headline).toMatch(/^Not a version skew: /);
    expect(dismissed[0]!.diagnosis.headline).toMatch(headline);
    expect(dismissed[0]!.diagnosis.fixes.join(" ")).toContain(fix);
  });

  // The start-up check's words are the same for containerd < 1.6 (kubernetes/website#38385) and for a
  // containerd 1.6 whose CRI plugin is off (easzlab/kubeasz#1234): the runtime's version decides.
  const criV1 = (endpoint: string) =>
    `E1212 10:25:58.816968    4943 run.go:74] "command failed" err="failed to run Kubelet: validate service connection: CRI v1 runtime API is not implemented for endpoint \\"unix://${endpoint}\\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"`;

  it("the CRI v1 error at the kubelet's start-up check, alone, is a warning with both explanations", async () => {
    const { causes, warnings } = await triage(criV1("/run/containerd/containerd.sock"));
    expect(causes).toEqual([]);
    expect(warnings.map((w) => w.signature.id)).toEqual(["cri-api-unimplemented"]);
    expect(warnings[0]!.diagnosis.headline).toMatch(/too old for this kubelet\/crictl.*or its CRI plugin is disabled/);
    expect(warnings[0]!.diagnosis.versions.map((v) => [v.version, v.typed?.kind])).toEqual([["v1", "cri-api"]]);
  });

  it("with containerd's version in the job, a containerd older than 1.6 is the cause and 1.6 is not a version skew", async () => {
    const old = await triage("containerd github.com/containerd/containerd v1.5.9 1407cab509ff0d96baa4f0eb6ff9980270e6feadf", criV1("/run/containerd/containerd.sock"));
    expect(old.causes.map((c) => c.signature.id)).toEqual(["cri-api-unimplemented"]);
    expect(old.causes[0]!.diagnosis.headline).toMatch(/containerd v1\.5\.9 does not serve CRI v1: it is older than 1\.6/);
    expect(old.causes[0]!.diagnosis.versions.map((v) => v.name)).toEqual(["criApi", "containerd"]);
    const served = await triage("containerd containerd.io 1.6.13 9cd3357b7fd7218e4aec3eae239db1f68a5a6ec6", criV1("/run/containerd/containerd.sock"));
    expect(served.causes).toEqual([]);
    expect(served.warnings[0]!.diagnosis.headline).toMatch(/^Not a version skew: containerd 1\.6\.13 serves CRI v1, so its CRI plugin is not running/);
    const v2 = await triage("containerd github.com/containerd/containerd/v2 v2.0.0 207ad711eabd375a01713109a8a197d197ff6542", "failed to run Kubelet: failed to create kubelet: rpc error: code = Unimplemented desc = unknown service runtime.v1alpha2.RuntimeService");
    expect(v2.causes[0]!.diagnosis.headline).toMatch(/containerd 2\.0 removed CRI v1alpha2/);
  });

  it("cri-dockerd has no CRI plugin to disable: its missing CRI v1 is its release (Mirantis/cri-dockerd#136)", async () => {
    const { causes } = await triage(criV1("/run/cri-dockerd.sock"));
    expect(causes.map((c) => c.signature.id)).toEqual(["cri-api-unimplemented"]);
    expect(causes[0]!.diagnosis.causes.join(" ")).toMatch(/older than 0\.3\.0/);
  });

  it("Docker's bundled containerd serves no CRI at all: the wrong endpoint, not a version skew", async () => {
    const { causes, warnings } = await triage(criV1("/run/docker/containerd/containerd.sock"));
    expect(causes).toEqual([]);
    expect(warnings[0]!.diagnosis.headline).toMatch(/^Not a version skew: .*Docker's own containerd/);
  });

  it("a deprecation notice alone is a note with the dismissed matches: the server served the request", async () => {
    const { causes, warnings, dismissed } = await triage("Warning: policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+", "Server Version: v1.23.17");
    expect([...causes, ...warnings]).toEqual([]);
    expect(dismissed.map((d) => d.signature.id)).toEqual(["api-deprecation-warning"]);
    const d = dismissed[0]!.diagnosis;
    expect(d.verdict).toBe("not-skew");
    expect(d.headline).toMatch(/^Deprecation notice, not a failure: the server still serves policy\/v1beta1 PodSecurityPolicy .*stops being served in 1\.25/);
    expect(d.versions.map((v) => [v.name, v.typed?.kind])).toEqual([["deprecatedIn", "kubernetes"], ["removedIn", "kubernetes"], ["server", "kubernetes"]]);
    expect(d.skew).toMatchObject({ minors: -2, supported: true });
  });

  it("a deprecation notice in a job that moves the cluster to the removal release is a warning", async () => {
    const { causes, warnings } = await triage("[upgrade/versions] Target version: v1.25.4", "Warning: batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob");
    expect(causes).toEqual([]);
    expect(warnings.map((w) => w.signature.id)).toEqual(["api-deprecation-warning"]);
    expect(warnings[0]!.diagnosis.headline).toMatch(/stops being served in 1\.25, and this job upgrades the cluster to v1\.25\.4 \(target/);
    expect(warnings[0]!.diagnosis.skew).toMatchObject({ minors: 0, supported: false });
  });

  it("a missing CRD is not version skew", async () => {
    const { causes, dismissed } = await triage('error: resource mapping not found for name: "w" namespace: "" from "w.yaml": no matches for kind "Widget" in version "widgets.example.io/v1alpha1"');
    expect(causes).toEqual([]);
    expect(dismissed[0]!.diagnosis.headline).toMatch(/CRD is not installed/);
  });

  it("a removed API names the release that removed it", async () => {
    const { causes } = await triage('error: resource mapping not found for name: "r" namespace: "" from "c.yaml": no matches for kind "CronJob" in version "batch/v1beta1"', "Server Version: v1.29.3");
    expect(causes[0]!.diagnosis.headline).toMatch(/removed in Kubernetes 1\.25/);
    expect(causes[0]!.diagnosis.skew).toMatchObject({ minors: 4, supported: false });
  });

  it("the message quoted in Go source or a test table is not a failure", async () => {
    const { causes } = await triage('\t\texpectedErr: "minCompatibilityVersion version 1.30 is not between [1.31, 1.31]",');
    expect(causes).toEqual([]);
  });

  it("an unknown feature gate logged as a klog warning is a warning", async () => {
    const { causes, warnings } = await triage("W0227 13:45:09.777321    4411 feature_gate.go:254] unrecognized feature gate: OldGate");
    expect(causes).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});

describe("unknown flags of client tools and add-ons (a tool older or newer than its script)", () => {
  const run = async (text: string) => analyze([textSource("job.log", text)]);
  it("metrics-server's own flag is a cause, with the release that added it typed as metrics-server's", async () => {
    const report = await run("Error: unknown flag: --kubelet-use-node-status-port\nUsage:\n   [flags]\n");
    const [c] = report.causes;
    expect(c?.diagnosis.headline).toMatch(/metrics-server 0\.4\.0/);
    expect(c?.diagnosis.versions.map((v) => [v.version, v.typed?.kind, v.typed?.component])).toEqual([["0.4.0", "component", "metrics-server"]]);
  });

  it("kubectl's removed --short is a cause where kubectl is named nearby, a warning on a bare line", async () => {
    const named = await run("error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n");
    expect(named.causes.map((c) => c.diagnosis.headline)).toEqual([expect.stringMatching(/removed from kubectl version in kubectl 1\.28/)]);
    const bare = await run("error: unknown flag: --short\n");
    expect(bare.causes).toEqual([]);
    expect(bare.warnings.map((w) => w.diagnosis.versions[0]?.version)).toEqual(["1.28"]);
  });

  it("a flag that no table knows, of a program that is not a component, stays dismissed", async () => {
    const report = await run("Error: unknown flag: --l\n");
    expect([...report.causes, ...report.warnings]).toEqual([]);
  });
});
