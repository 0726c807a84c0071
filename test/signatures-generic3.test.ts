import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Third-round verdicts of the generic layer (lines-11generic.jsonl has the real lines): a range read as one, two
// versions before the refusal, refusal statements that are errors by themselves, a version refused beside the list
// offered. Always a warning at most; the look-alikes (a version inside the range, docs, INFO lines, toolchains,
// operating systems) stay silent.
const G = "generic-version-skew";

describe("generic layer: ranges read as one", () => {
  it("checks the version against both ends of the range", async () => {
    expect(await verdictOf("ERROR the kube-apiserver version is 1.11. We need a version >= 1.7 and <= 1.10.")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.11", b: "1.7" } });
    expect(await verdictOf("ERROR the gizmo-apiserver version is 1.9. We need a version >= 1.7 and <= 1.10.")).toEqual({ verdict: "none", captures: {} });
    // "or" is not a range (cilium-sysdump#7 refused 1.10 for a bug in its check): the version meets one side.
    expect((await verdictOf("ERROR the kube-apiserver version is 1.10. We need a version >= 1.7 or <= 1.8.")).verdict).toBe("none");
  });

  it("reads 'between X and Y' and 'X to Y' with the version the line reports", async () => {
    // Kubespray's assert has its own signature since the eleventh session (platform16).
    expect(await verdictOf('    "msg": "Ansible must be between 2.9.0 and 2.11.0"')).toMatchObject({ id: "kubespray-ansible-version-unsupported", verdict: "cause", captures: { minimum: "2.9.0", maximum: "2.11.0" } });
    expect((await verdictOf("Error: widgetctl v0.4.1 only supports Kubernetes 1.26 to 1.29, found v1.31.2")).verdict).toBe("warning");
    expect((await verdictOf("Error: widgetctl v0.4.1 only supports Kubernetes 1.26 to 1.29, found v1.29.4")).verdict).toBe("none");
  });
});

describe("generic layer: refusal statements", () => {
  it("reads two versions before the refusal of an upgrade", async () => {
    // (Longhorn's own "failed to upgrade since upgrading from …" is longhorn-upgrade-path-unsupported's now; the bare shape stays generic.)
    const r = await verdictOf("upgrading from v1.4.3 to v1.8.0-dev for minor version is not supported");
    expect(r).toMatchObject({ id: G, verdict: "warning", captures: { a: "v1.4.3", b: "v1.8.0-dev" } });
    expect(await verdictOf("upgrade from 4.12.3 to 4.14.1 is not allowed")).toMatchObject({ id: G, verdict: "warning" });
    // The verb of the move, no "from" (rancher/rancher#24071).
    const aks = await verdictOf('Failure sending request: StatusCode=400 -- Original Error: Code="OperationNotAllowed" Message="Downgrading Kubernetes version 1.14.8 to 1.14.7 is not allowed. Available upgrades: 1.15.5,1.15.4."');
    expect(aks).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.14.8", b: "1.14.7" } });
    // Two builds of one minor (a mislabelled build, longhorn/longhorn#10143) and the check's INFO line stay silent.
    expect((await verdictOf('time="2025-01-07T07:02:14Z" level=fatal msg="Error starting manager: failed to upgrade since downgrading from v1.8.0-rc2 to v1.8.0-dev is not supported"')).verdict).toBe("none");
    expect((await verdictOf('time="2025-01-07T07:02:14Z" level=info msg="Checking if the upgrade path from v1.8.0-rc2 to v1.8.0-dev is supported"')).verdict).toBe("none");
  });

  it("takes a bare error string or an assert's msg as an error, and never a doc, a title or an INFO line", async () => {
    // compose's own wording is docker-compose-buildx-too-old's now; the same shape from a tool the catalog does not know.
    expect(await verdictOf("gizmoctl build requires widgetd 0.17.0 or later")).toMatchObject({ id: G, verdict: "warning", captures: { a: "0.17.0" } });
    for (const line of [
      "Compose requires Buildx 0.17 or later",
      "Kubernetes 1.6 requires kubectl 1.5.x or above.",
      "- gizmoctl build requires widgetd 0.17.0 or later",
      "INFO gizmoctl build requires widgetd 0.17.0 or later",
      "W0101 10:00:00.000000 1 check.go:9] gizmoctl build requires widgetd 0.17.0 or later",
      "the gizmo plugin requires macOS 12.0 or later",
      "error: this module requires go 1.22 or later",
      "if the cluster requires buildx 0.17.0 or later, install it first",
      // A preflight spec's message in YAML (apecloud/kubeblocks#927), not its output.
      "              message: This application requires at least Kubernetes 1.20.0 or later, and recommends 1.22.0.",
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });

  it("reads a version refused beside the list offered, and a resolver that found no compatible version", async () => {
    const r = await verdictOf("error: widgetd refused: not found version: 2.4.5 (Available versions: [2.3.13 2.4.10])");
    expect(r).toMatchObject({ id: G, verdict: "warning", captures: { a: "2.4.5" } });
    expect((await verdictOf("error: widgetd refused: not found version: 2.4.10 (Available versions: [2.3.13 2.4.10])")).verdict).toBe("none");
    expect((await verdictOf("E: Version '1.29.1-1.1' for 'kubelet' was not found")).verdict).toBe("none");
    expect(await verdictOf("error: unable to find a compatible gizmo version for Kubernetes 1.31.2")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.31.2" } });
  });

  it("reads the words after the match: a tool's own release and the cluster's, each 'or later' (mkimuram/k8sviz#43)", async () => {
    expect(await verdictOf("k8sviz 0.3.3 or later only support k8s 1.21 or later.")).toMatchObject({ id: G, verdict: "warning", captures: { a: "0.3.3", b: "1.21" } });
  });

  it("checks the version an assert reports against the range it states (kubernetes-sigs/kubespray#10259)", async () => {
    expect((await verdictOf('    "msg": "Ansible must be between 2.14.0 and 2.16.0 exclusive - you have 2.12.10"')).verdict).toBe("cause");
    expect((await verdictOf('    "msg": "Ansible must be between 2.14.0 and 2.16.0 exclusive - you have 2.15.1"')).verdict).toBe("none");
  });

  it("stays silent where the line says the version meets the requirement", async () => {
    expect((await verdictOf("error: preflight: kubernetes version 1.29.2 meets the minimum 1.27 (ok), node check failed")).verdict).toBe("none");
  });
});

describe("generic layer: supported lists and ranges with the version the line reports", () => {
  it("reads the versions supported, then the one got, and a version said not to be on the list", async () => {
    expect(await verdictOf("Error: supported versions are 1.27, 1.28, 1.29; got 1.31")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.27", b: "1.31" } });
    expect((await verdictOf("Error: supported versions are 1.27, 1.28; currently using 1.28.4")).verdict).toBe("none");
    expect(await verdictOf("Error: Kubernetes 1.31 is not in the list of supported versions")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.31" } });
  });

  it("reads a supported range only where a version on the line is outside it", async () => {
    expect((await verdictOf("Error: gizmo 2.0 supports Kubernetes 1.27 through 1.29; this cluster runs 1.31.1")).verdict).toBe("warning");
    expect((await verdictOf("Error: failed to pull image; gizmo 2.0 supports Kubernetes 1.27 through 1.29; this cluster runs 1.28.3")).verdict).toBe("none");
    expect((await verdictOf("error: kubernetes v1.31.1 is not within the supported range [1.27, 1.30]")).verdict).toBe("warning");
    expect((await verdictOf("error: kubernetes v1.29.1 is not within the supported range [1.27, 1.30]")).verdict).toBe("none");
  });

  it("reads 'does not support' between two versions, and 'requires X, found Y' as a refusal on its own", async () => {
    expect(await verdictOf("error: cilium version 1.9.5 does not support kubernetes 1.23")).toMatchObject({ id: G, verdict: "warning", captures: { a: "1.9.5", b: "1.23" } });
    expect((await verdictOf("plugin requires minimum helm version 3.10.0, found 3.8.2")).verdict).toBe("warning");
    expect((await verdictOf("error: the backend does not support the flag --foo in version 1.2.3")).verdict).toBe("none");
  });

  it("stays silent on quantities, addresses, TLS, toolchains and operating systems in the same relations", async () => {
    for (const line of [
      "error: requires 2.5 GiB or more memory, found 1.5 GiB",
      "Error: node 10.0.1.5 must be between 10.0.0.1 and 10.0.0.255",
      "error: cpu request 1.5 must be between 0.5 and 1.0",
      "Error: upgrade from 10.0.1.2 to 10.0.1.3 is not allowed",
      "error: value 1.5 is outside the supported range 1.0 - 2.0",
      "error: scale from 1.5 to 2.5 is not supported",
      "ERROR: TLS 1.0 is not supported, requires TLS 1.2 or later",
      "error: this module requires python 3.9 or later",
      "error: requires Node.js 18.0.0 or newer",
    ]) {
      expect((await verdictOf(line)).verdict, line).toBe("none");
    }
  });
});

describe("generic layer: bounded work", () => {
  it("stays cheap on lines with hundreds of version tokens around the new relations", async () => {
    const tokens = Array.from({ length: 600 }, (_, i) => `v1.${i}.0`).join(" ");
    const text = [
      `error: from ${tokens} to ${tokens} is not supported`,
      `compose requires ${tokens} or later ${"requires a b c 1.2.3 ".repeat(300)}`,
      `Failed. Available versions: [${tokens}]. err = not found version: ${tokens}`,
      `error: unable to find a compatible ${"version ".repeat(400)}${tokens}`,
      `ERROR ${Array.from({ length: 500 }, (_, i) => `>= 1.${i} and <= 1.${i + 1} between 1.${i} and 1.${i + 2}`).join(" ")}`,
      `error: supported versions are ${tokens} got ${"supports 1.2 through 1.3 ".repeat(300)} found ${tokens} not in the list of supported versions`,
    ].join("\n");
    const started = performance.now();
    const report = await analyze([textSource("job.log", `${text}\n`)]);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(report.logs[0]?.stats?.lines).toBe(6);
  });
});
