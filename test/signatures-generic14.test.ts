import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Eighth-round generic layer (lines-14generic.jsonl has the real lines): a client's version against the one it installed
// in the cluster, each in parentheses (ksync), and a client that names the one API version of a group it accepts
// (kubectl auth reconcile, kr8s). Always a warning at most.
const G = "generic-version-skew";

async function dismissedAs(line: string): Promise<string[]> {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  return report.dismissed.map((t) => t.diagnosis.headline);
}

describe("generic layer: a mismatch between two versions in parentheses", () => {
  it("warns on ksync's doctor check, the cluster's version empty", async () => {
    // ksync/ksync#218, #186, #243.
    for (const v of ["0.2.6", "0.2.0", "0.3.2-hotfix"]) {
      expect(await verdictOf(`↳\tThere is a mismatch between the local version (${v}) and the cluster ().`)).toMatchObject({ id: G, verdict: "warning", captures: { a: v, relation: "mismatch between" } });
    }
    // Behind the ✘ of its check, in the log as ksync prints it.
    const report = await analyze([textSource("job.log", "Service Version                             ✘ \n↳\tThere is a mismatch between the local version (0.1.5) and the cluster ().\n\nRun 'ksync init --upgrade' to fix.\n")]);
    expect(report.warnings.map((w) => w.signature.id)).toEqual([G]);
    expect(report.causes).toEqual([]);
  });

  it("reads both versions when the cluster reports one", async () => {
    expect(await verdictOf("↳\tThere is a mismatch between the local version (0.3.2) and the cluster (0.2.6).")).toMatchObject({ id: G, verdict: "warning", captures: { a: "0.3.2", b: "0.2.6" } });
  });

  it("does not report the same version on both sides, a changelog item, a conditional or an info record", async () => {
    expect(await dismissedAs("↳\tThere is a mismatch between the local version (0.3.2) and the cluster (0.3.2).")).toEqual(["The same version on both sides: no skew."]);
    expect((await verdictOf("- Fixed a mismatch between the local version (0.2.0) and the cluster () in ksync doctor")).verdict).toBe("none");
    expect((await verdictOf("If there is a mismatch between the local version (0.2.0) and the cluster (), run ksync init --upgrade")).verdict).toBe("none");
    expect((await verdictOf('time="2018-10-26T10:00:00Z" level=info msg="checking for a mismatch between the local version (0.3.2) and the cluster ()"')).verdict).toBe("none");
    // No versions: the troubleshooting prose (ksync/ksync#249).
    expect((await verdictOf("This happens when there is a mismatch between the local version and the cluster version.")).verdict).toBe("none");
  });
});

describe("generic layer: the one API version a client accepts", () => {
  it("warns on kubectl auth reconcile's refusal, reading the version it was given", async () => {
    // kubernetes/kubernetes#85889 (kubernetes/kubectl#726).
    expect(await verdictOf("error: only rbac.authorization.k8s.io/v1 is supported: not *v1beta1.ClusterRoleBinding")).toMatchObject({
      id: G,
      verdict: "warning",
      captures: { a: "rbac.authorization.k8s.io/v1", b: "v1beta1" },
    });
  });

  it("warns on kr8s's refusal as a traceback prints it, and on gcloud's Tekton refusal", async () => {
    // kr8s/_auth.py's raise (kr8s-org/kr8s#206, #345): the source line is all the traceback shows of the message.
    expect(await verdictOf('                    "Only client.authentication.k8s.io/v1beta1 is supported for exec auth"')).toMatchObject({ id: G, verdict: "warning", captures: { a: "client.authentication.k8s.io/v1beta1" } });
    expect(await verdictOf('ValueError: Only client.authentication.k8s.io/v1beta1 is supported for exec auth')).toMatchObject({ id: G, verdict: "warning" });
    // googlecloudsdk's TektonVersionError: not a Kubernetes group, but the line says a version was refused.
    expect(await verdictOf("ERROR: (gcloud.builds.triggers.import) Tekton version is not supported. Only tekton.dev/v1beta1 is supported at the moment.")).toMatchObject({ id: G, verdict: "warning", captures: { a: "tekton.dev/v1beta1" } });
  });

  it("does not report a program's own schema, a doc comment, prose, or the version it says it supports", async () => {
    // Message strings from public code: a world pack's schemaVersion, a design note, a project file's schema.
    expect((await verdictOf('      issues: [{ code: "unsupported_version", path: "schemaVersion", message: "Only world-pack/v1 is supported." }],')).verdict).toBe("none");
    expect((await verdictOf("- Current state: Only qspec.dev/v1 is supported.")).verdict).toBe("none");
    expect((await verdictOf('            "Only talkcut-project/v1 is supported; draft-0 is not a project",')).verdict).toBe("none");
    expect((await verdictOf("// - only networking.k8s.io/v1 is supported: {'networking.k8s.io/v1': true, 'networking.k8s.io/v1beta1': false}, nil")).verdict).toBe("none");
    // Prose with no quote and no error word.
    expect((await verdictOf("Note that only networking.k8s.io/v1 is supported by this chart.")).verdict).toBe("none");
    expect(await dismissedAs("error: only rbac.authorization.k8s.io/v1 is supported: not *v1.ClusterRoleBinding")).toEqual(["The version given (v1) is the one the line says is supported: no skew."]);
  });
});

describe("generic layer: expected version X, got Y", () => {
  // Decided: no generic shape. The wording is overwhelmingly a unit test's assertion, an optimistic-concurrency check, a
  // file or stream format's version, or a release script's own expectation (gcov's "is version …, expected version …",
  // darshan's log format, NooBaa's expected_version, Go tests' "expected version v1.0.0, got v1.1.0"); none is two
  // components outside each other's range, and a person would not want a warning for them.
  it("reports none of the common non-skew uses", async () => {
    for (const line of [
      "    config_test.go:42: Expected version 1.0.0, got 1.1.0",
      "--- FAIL: TestGetVersion (0.00s)\n    version_test.go:12: expected version v1.2.3, got v1.2.4",
      "Error: concurrency error: expected version 3, but current version is 4",
      "Error: incompatible darshan file.\nError: expected version 3.10, but got 3.00",
      "❌ Error: Expected version 0.2.4 but found 0.2.3",
      "ERROR: Update failed. Expected version 1.29.0-20240129, got 1.29.0-20240117",
    ]) {
      const report = await analyze([textSource("job.log", `${line}\n`)]);
      expect([...report.causes, ...report.warnings].map((f) => f.signature.id), line).toEqual([]);
    }
  });
});

describe("helm-kubeversion-incompatible: helm's own stand-in version when it renders without a cluster", () => {
  const H = "helm-kubeversion-incompatible";
  it("dismisses the refusal where helm says it used its default (helm 4, helm/helm#31501)", async () => {
    expect(await dismissedAs("Error: chart requires kubeVersion: >= 1.34.0-0 which is incompatible with Kubernetes v1.33.0 (no cluster connected, using default version; specify target version with --kube-version)")).toEqual([
      'Not a version skew: helm rendered without a cluster and used its default Kubernetes version v1.33.0, which the chart\'s ">= 1.34.0-0" rejects.',
    ]);
  });

  it("downgrades a bare v1.N.0 with no install or upgrade on the line to a warning naming helm's default", async () => {
    // The v1.N.0 of helm's build (client-go's minor, helm/helm#30997), v1.16.0 of helm 3.2 (helm/helm#8365).
    for (const line of [
      "Error: chart requires kubeVersion: >=1.34.0-0 which is incompatible with Kubernetes v1.33.0",
      "Error: chart requires kubeVersion: >=v1.16.8-0,<v1.19-0 which is incompatible with Kubernetes v1.16.0",
    ]) {
      const report = await analyze([textSource("job.log", `${line}\n`)]);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual([H]);
      expect(report.warnings[0]!.diagnosis.headline).toMatch(/^Possibly not the cluster: v1\.\d+\.0 is the kind of version helm assumes/);
    }
    const report = await analyze([textSource("job.log", "+ helm template gatekeeper charts/gatekeeper\nError: chart requires kubeVersion: >=1.33.0-0 which is incompatible with Kubernetes v1.31.0\n")]);
    expect(report.warnings.map((w) => w.signature.id)).toEqual([H]);
    expect(report.warnings[0]!.diagnosis.reasoning.join(" ")).toMatch(/the log shows an offline render/);
  });

  it("keeps a cause where helm asked a cluster, or the version is a real build's", async () => {
    expect(await verdictOf("Error: INSTALLATION FAILED: chart requires kubeVersion: >=1.33.0-0 which is incompatible with Kubernetes v1.31.0")).toMatchObject({ id: H, verdict: "cause" });
    const report = await analyze([textSource("job.log", "+ helm upgrade --install gatekeeper charts/gatekeeper\nError: chart requires kubeVersion: >=1.33.0-0 which is incompatible with Kubernetes v1.31.0\n")]);
    expect(report.causes.map((c) => c.signature.id)).toEqual([H]);
    expect(await verdictOf("Error: chart requires kubeVersion: >= 1.27.0-0 which is incompatible with Kubernetes v1.26.15-gke.1090000")).toMatchObject({ id: H, verdict: "cause" });
    expect(await verdictOf("Error: chart requires kubeVersion: >=1.18.0-0 <1.25.0-0 which is incompatible with Kubernetes v1.25.3+k3s1")).toMatchObject({ id: H, verdict: "cause" });
  });
});

describe("podman-remote-ping-404: a 404 from the libpod ping is at most a warning", () => {
  const P = "podman-remote-ping-404";
  it("warns on the bare error, naming both readings", async () => {
    for (const line of [
      "Error: unable to connect to Podman socket: ping response was 404",
      "Error: cannot connect to the Podman socket, please verify that Podman REST API service is running: ping response was 404",
    ]) {
      const report = await analyze([textSource("job.log", `${line}\n`)]);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual([P]);
      expect(report.warnings[0]!.diagnosis.headline).toMatch(/either the socket is not podman's \(a Docker daemon\), or the client is newer/);
    }
  });

  it("dismisses it where the log shows the socket is Docker's (podman#19825)", async () => {
    const log = [
      "+ export CONTAINER_HOST=unix:///var/run/docker.sock",
      "+ podman --remote ps --log-level debug",
      "DEBU[0000] DoRequest Method: GET URI: http://d/v4.6.1/libpod/_ping ",
      "Error: unable to connect to Podman socket: ping response was 404",
    ].join("\n");
    const report = await analyze([textSource("job.log", `${log}\n`)]);
    expect([...report.causes, ...report.warnings]).toEqual([]);
    expect(report.dismissed.map((t) => t.diagnosis.headline)).toContain(
      "Not a version skew: podman's client pinged a socket the log shows to be Docker's, which serves no libpod API (podman#19825); point the client at podman's own socket.",
    );
  });

  it("does not report the message quoted in design notes", async () => {
    // Projects' notes on running podman's CLI against dockerd (the normalised text loses their backticks).
    for (const line of [
      "socket: ping response was 404` — an opaque error buried inside compose's output. Saturn can detect this combination before the first",
      "- **Check A (fail-fast).** `cli == \"podman\"` with `backend != \"podman\"` → `sys.exit`. Podman CLI (incl. `--remote`) only speaks podman's native REST API; against a dockerd socket it would fail later with an opaque `ping response was 404`.",
      "  get `ping response was 404`. So `nok8s.runtime` has to name what is on the",
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });
});
