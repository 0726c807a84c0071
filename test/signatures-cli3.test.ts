import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// CLI flags of the Kubernetes tools that a release added or removed, kustomize embedded in an old kubectl, and a
// feature gate's casing typo (sources in test/fixtures/real-world/lines-11cli.jsonl).

describe("an unknown flag of a client tool, read against the tool's releases", () => {
  it("takes a flag only kubeadm has as a cause even when the line names no program", async () => {
    for (const [line, flag] of [
      ["Command Output: Error: unknown flag: --skip-phases", "skip-phases"],
      ["Error: unknown flag: --use-kubernetes-version", "use-kubernetes-version"],
      ["Error: unknown flag: --ignore-preflight-errors", "ignore-preflight-errors"],
      ["2020-03-17 15:28:04 [DEBG] [ssh.go:20] [172.17.162.227]command result is: Error: unknown flag: --certificate-key", "certificate-key"],
    ] as const) {
      const v = await verdictOf(line);
      expect(v, line).toMatchObject({ id: "k8s-component-unknown-flag", verdict: "cause", captures: { flag } });
    }
  });

  it("names the release that added or removed the flag, and the later subcommand that got it", async () => {
    const report = await analyze([textSource("job.log", "Error: unknown flag: --certificate-key\n")]);
    const d = report.causes[0]!.diagnosis;
    expect(d.headline).toMatch(/from kubeadm 1\.14 on; kubeadm token create from 1\.17/);
    expect(d.versions.map((r) => [r.name, r.version])).toEqual([["flagAddedIn", "1.14"], ["flagAddedIn", "1.17"]]);
    const removed = (await analyze([textSource("job.log", "Error: unknown flag: --server-dry-run\n")])).causes[0]!.diagnosis;
    expect(removed.headline).toMatch(/--server-dry-run was removed from kubectl apply in kubectl 1\.19/);
    expect(removed.fixes[0]).toMatch(/--dry-run=server/);
  });

  it("reads kOps and Helm flags, a cause for a name only they use and a warning for a common one", async () => {
    expect(await verdictOf("Error: unknown flag: --control-plane-size")).toMatchObject({ verdict: "cause" });
    expect(await verdictOf("Error: unknown flag: --purge")).toMatchObject({ verdict: "cause" });
    expect(await verdictOf("Error: unknown flag: --name")).toMatchObject({ id: "k8s-component-unknown-flag", verdict: "warning" });
    expect(await verdictOf("unknown flag: --subnets")).toMatchObject({ id: "k8s-component-unknown-flag", verdict: "warning" });
    // The tool named on the line makes the common name a cause.
    expect(await verdictOf("helm install ./charts/kube-plex --name plex Error: unknown flag: --name")).toMatchObject({ verdict: "cause" });
  });

  it("takes kubeadm's error trailer as kubeadm naming itself", async () => {
    const report = await analyze([textSource("job.log", "unknown flag: --api-port\nTo see the stack trace of this error execute with --v=5 or higher\n")]);
    expect(report.causes.map((t) => t.signature.id)).toEqual(["k8s-component-unknown-flag"]);
    expect(report.causes[0]!.diagnosis.headline).toMatch(/removed from kubeadm init in kubeadm 1\.6/);
  });

  it("reads Go flag's wording only for the tool that parses with Go's flag package (kubetest)", async () => {
    expect(await verdictOf("W0907 00:04:59.431] flag provided but not defined: -provider")).toMatchObject({ verdict: "warning", captures: { flag: "provider" } });
    // kubeadm parses with pflag: Go flag's wording is some other program's.
    expect(await verdictOf("flag provided but not defined: -skip-phases")).toMatchObject({ verdict: "none" });
    // pflag's wording for a kubetest-only name is another program's too.
    expect(await verdictOf("Error: unknown flag: --dump")).toMatchObject({ verdict: "none" });
  });

  it("keeps a flag no table knows, a glued value, capitals and a flag of another subcommand dismissed", async () => {
    for (const line of [
      "Error: unknown flag: --sleep",
      "Error: unknown flag: --zones",
      "Error: unknown flag: --set global.env",
      "Error: unknown flag: --unsafeSkipCAVerification",
      '  "flag provided but not defined: -v 1" error.',
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });

  it("leaves a bare --config (kubeadm and the kubelet print it bare) a warning, not the 1.6 kubelet's cause", async () => {
    expect(await verdictOf("unknown flag: --config")).toMatchObject({ id: "k8s-component-unknown-flag", verdict: "warning" });
  });
});

describe("kubectl's refusals that prove the script's release", () => {
  it("takes the bare --dry-run refusal as a cause and the 1.18 deprecation warning as nothing", async () => {
    expect(await verdictOf('error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".')).toMatchObject({
      id: "kubectl-dry-run-value-required",
      verdict: "cause",
    });
    expect((await verdictOf("W0808 17:42:14.548906   20787 helpers.go:535] --dry-run is deprecated and can be replaced with --dry-run=client.")).verdict).toBe("none");
  });

  it("warns on kubeadm 1.14's refusal of --experimental-control-plane beside --config, and ignores the other mixes", async () => {
    expect(await verdictOf("can not mix '--config' with arguments [experimental-control-plane]: failed to exec command")).toMatchObject({
      id: "kubeadm-config-mixed-experimental-control-plane",
      verdict: "warning",
    });
    for (const line of ["can not mix '--config' with arguments [certificate-key]", "can not mix '--config' with arguments [yes]", "can not mix '--config' with arguments [control-plane]"]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });
});

describe("kustomize embedded in kubectl older than the kustomization", () => {
  it("reads a field a later kustomize added, with the first kubectl that embeds it", async () => {
    const report = await analyze([textSource("job.log", 'error: json: unknown field "includeTemplates"\n')]);
    const d = report.causes[0]!.diagnosis;
    expect(report.causes[0]!.signature.id).toBe("kubectl-kustomize-too-old");
    expect(d.versions.map((r) => [r.name, r.version])).toEqual([["kustomizeSince", "v4.5.5"], ["kubectlSince", "1.25"]]);
    expect(await verdictOf('Error: json: unknown field "patch"')).toMatchObject({ verdict: "cause", captures: { field: "patch" } });
    expect(await verdictOf('Error: json: unknown field "vaultSecretsGenerator"')).toMatchObject({ verdict: "none" });
  });

  it("takes kustomize 2.0's 'must be a file (got d=...)' under resources as a cause, elsewhere as a warning", async () => {
    const line = "error: AccumulateTarget: rawResources failed to read Resources: Load from path ./config failed: './config' must be a file (got d='/tmp/kustomize-669160585/manifests/base/config')";
    const v = await verdictOf(line);
    expect(v).toMatchObject({ id: "kubectl-kustomize-too-old", verdict: "cause", captures: { path: "./config" } });
    expect(await verdictOf("Error: Load from path ../base failed: '../base' must be a file (got d='/src/base')")).toMatchObject({ verdict: "warning" });
    // kustomize 2.1+ words it without "(got d=...)": not the old loader.
    expect((await verdictOf("Error: accumulating resources: accumulateFile \"accumulating resources from 'base': 'base' must be a file\"")).verdict).toBe("none");
  });
});

describe("a feature gate written in lowerCamel case", () => {
  it("is a casing typo, not a removed gate", async () => {
    const v = await verdictOf(
      'E1017 13:05:38.038480       1 main.go:39] "cert-manager: error executing command" err="failed to set feature gates from initial flags-based config: unrecognized feature gate: experimentalGatewayAPISupport"',
    );
    expect(v.verdict).toBe("none");
    expect(await verdictOf("F0818 22:43:57.642896    6424 server.go:179] unrecognized feature gate: ExperimentalCriticalPodAnnotation")).toMatchObject({ verdict: "cause" });
  });
});

describe("second round: kubectl's drain, debug and version flags, clusterctl's", () => {
  it("reads a kubectl flag by the first or last kubectl release tag that registers it", async () => {
    const removed = (await analyze([textSource("job.log", "Error: unknown flag: --delete-local-data\n")])).causes[0]!.diagnosis;
    expect(removed.headline).toMatch(/--delete-local-data was removed from kubectl drain in kubectl 1\.31/);
    expect(removed.fixes[0]).toMatch(/--delete-emptydir-data/);
    expect(await verdictOf("Error: unknown flag: --delete-emptydir-data")).toMatchObject({ verdict: "cause", captures: { flag: "delete-emptydir-data" } });
    expect(await verdictOf("error: unknown flag: --all-pods")).toMatchObject({ verdict: "cause" });
    // The deprecation notice before the removal ran the command.
    expect((await verdictOf("Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.")).verdict).toBe("none");
  });

  it("reads clusterctl's flags, and --flavor (a common name) only as a warning", async () => {
    expect(await verdictOf("Error: unknown flag: --management-group")).toMatchObject({ verdict: "cause" });
    expect(await verdictOf("Error: unknown flag: --flavor")).toMatchObject({ id: "k8s-component-unknown-flag", verdict: "warning" });
  });

  it("warns on kubectl 1.24's refusal of a stray 'true' after kubectl version's boolean flag, not on other extra arguments", async () => {
    expect(await verdictOf("error: extra arguments: [true]")).toMatchObject({ id: "kubectl-version-extra-arguments", verdict: "warning", captures: { arg: "true" } });
    expect((await verdictOf("error: extra arguments: [foocluster]")).verdict).toBe("none");
    expect((await verdictOf("Flag --short has been deprecated, and will be removed in the future. The --short output will become the default.")).verdict).toBe("none");
  });
});
