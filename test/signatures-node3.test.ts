import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the container and node rules added in the fifth tuning session: container tooling of releases that do
// not meet (Compose/buildx, Docker/containerd runtimes, runc and the OCI spec, Windows image builds, containerd 2.x
// configs) and kubelets newer than their apiserver. Lines are real ones (sources in
// test/fixtures/real-world/lines-11node.jsonl) or the format strings of the programs that print them.

describe("Docker Compose and buildx", () => {
  it("Compose's buildx floor is a cause naming the minimum", async () => {
    const v = await verdictOf("compose build requires buildx 0.17.0 or later");
    expect(v).toEqual({ id: "docker-compose-buildx-too-old", verdict: "cause", captures: { minimum: "0.17.0" } });
  });

  it("no buildx plugin at all is not a release matter", async () => {
    expect((await verdictOf('time="2026-04-17T14:38:44Z" level=warning msg="Docker Compose requires buildx plugin to be installed"')).verdict).toBe("none");
  });
});

describe("runtimes Docker and containerd removed", () => {
  it("Docker 23+ refusing the v1 runtime is a cause", async () => {
    const v = await verdictOf("docker: Error response from daemon: Unknown runtime specified io.containerd.runtime.v1.linux.");
    expect(v.id).toBe("docker-runtime-v1-removed");
    expect(v.verdict).toBe("cause");
  });

  it("an unregistered third-party runtime and the deprecation notice are not", async () => {
    expect((await verdictOf("docker: Error response from daemon: Unknown runtime specified runsc.")).verdict).toBe("none");
    expect((await verdictOf("WARN[2022-07-20T16:07:20.654542386Z] runtime v1 is deprecated since containerd v1.4, consider using runtime v2")).verdict).toBe("none");
  });

  it("a shell not finding the removed v1 runc shim is a warning", async () => {
    const v = await verdictOf("#15 4.114 /bin/sh: 17: containerd-shim-runc-v1: not found");
    expect(v).toEqual({ id: "containerd-shim-binary-missing", verdict: "warning", captures: { binary: "containerd-shim-runc-v1" } });
  });
});

describe("Windows image build against the host's", () => {
  it("HCS_E_IMAGE_MISMATCH in either wording is a cause", async () => {
    expect(await verdictOf("docker: Error response from daemon: hcs::CreateComputeSystem 377c5ba8: The container operating system does not match the host operating system.")).toMatchObject({
      id: "windows-container-os-mismatch",
      verdict: "cause",
    });
    expect(
      await verdictOf("failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)"),
    ).toMatchObject({ id: "windows-container-os-mismatch", verdict: "cause" });
  });

  it("the daemon's OS type (Linux containers mode) is not a Windows release", async () => {
    expect((await verdictOf('image operating system "windows" cannot be used on this platform')).verdict).toBe("none");
  });
});

describe("OCI runtime and runtime-spec", () => {
  it("an old runc meeting capability sets is a cause that says the runtime is older", async () => {
    const { causes } = await analyze([
      textSource("job.log", "docker: Error response from daemon: OCI runtime create failed: json: cannot unmarshal object into Go struct field Process.capabilities of type []string: unknown.\n"),
    ]);
    expect(causes.map((c) => c.signature.id)).toEqual(["runc-oci-spec-decode-mismatch"]);
    expect(causes[0]!.diagnosis.headline).toMatch(/runtime \(runc, docker-runc\) is older/);
  });

  it("a new runtime meeting the old list says the runtime is newer", async () => {
    const { causes } = await analyze([textSource("job.log", "oci runtime error: json: cannot unmarshal array into Go struct field Process.capabilities of type specs.LinuxCapabilities.\n")]);
    expect(causes[0]!.diagnosis.headline).toMatch(/is newer than the Docker\/containerd/);
  });

  it("dockerd's own daemon.json decoding is not a runtime-spec matter", async () => {
    expect((await verdictOf("unable to configure the Docker daemon with file /etc/docker/daemon.json: json: cannot unmarshal string into Go value of type []string")).verdict).toBe("none");
  });
});

describe("containerd 2.x CRI image config", () => {
  it("mirrors next to config_path is a warning (2.2.0/2.2.1 default config_path for 1.x configs)", async () => {
    const v = await verdictOf('level=warning msg="failed to load plugin" error="invalid cri image config: `mirrors` cannot be set when `config_path` is provided" id=io.containerd.cri.v1.images');
    expect(v.id).toBe("containerd2-cri-image-config-invalid");
    expect(v.verdict).toBe("warning");
  });

  it("a bad timeout is the file's own mistake", async () => {
    const { causes, warnings, dismissed } = await analyze([
      textSource("job.log", 'level=warning msg="failed to load plugin" error="invalid cri image config: invalid image pull progress timeout: time: invalid duration"\n'),
    ]);
    expect([...causes, ...warnings]).toEqual([]);
    expect(dismissed.map((t) => [t.signature.id, t.diagnosis.verdict])).toEqual([["containerd2-cri-image-config-invalid", "not-skew"]]);
  });

  it("the 1.x wording of the same refusal (a 1.5 beta bug) is not matched", async () => {
    expect(
      (await verdictOf('WARN[2021-04-03T12:08:38.809121400+08:00] failed to load plugin io.containerd.grpc.v1.cri  error="invalid plugin config: `mirrors` cannot be set when `config_path` is provided"')).verdict,
    ).toBe("none");
  });
});

describe("kubelets newer than the apiserver", () => {
  it("a pod from the apiserver missing a field the kubelet requires is a cause", async () => {
    const v = await verdictOf(
      "W0403 09:33:16.378869  113540 config.go:361] Pod[5] (dashboard-cvd3m_kube-system(63446b97)) from api failed validation, ignoring: [spec.containers[0].terminationMessagePolicy: Required value: must be 'File' or 'FallbackToLogsOnError']",
    );
    expect(v).toMatchObject({ id: "kubelet-pod-from-apiserver-failed-validation", verdict: "cause", captures: { kind: "Required value" } });
  });

  it("another refusal of an apiserver pod is only a warning; a static pod's is nothing", async () => {
    expect((await verdictOf("W0403 09:33:16.378869  113540 config.go:361] Pod[5] (web_default(63446b97)) from api failed validation, ignoring: [spec.volumes[0].name: Invalid value: \"A\"]")).verdict).toBe(
      "warning",
    );
    expect((await verdictOf("W0403 09:33:16.378869  113540 config.go:361] Pod[1] (etcd_kube-system(7d1c)) from file failed validation, ignoring: [spec.containers[0].image: Required value]")).verdict).toBe(
      "none",
    );
  });

  it("the apiserver's own 415 to a kubelet's node write is a cause; a GET's or a 200 is nothing", async () => {
    expect(await verdictOf("I1006 17:35:54.324924       1 handlers.go:152] PUT /api/v1/nodes/kube-master1/status: (500.555µs) 415")).toMatchObject({
      id: "apiserver-client-media-type-unsupported",
      verdict: "cause",
    });
    expect((await verdictOf("I1006 17:35:54.324924       1 handlers.go:152] PUT /api/v1/nodes/kube-master1/status: (500.555µs) 200")).verdict).toBe("none");
    expect((await verdictOf("I0701 11:53:12.877874       7 handlers.go:152] GET /api/v1/namespaces/default/configmaps/foo: (435.314µs) 415")).verdict).toBe("none");
  });

  it("a kube-rs controller's route-level 415 is a warning (server-side apply on an older cluster), not dismissed as a hand-made request", async () => {
    const v = await verdictOf(
      'Error: failed to get lease: ApiError: 415: Unsupported Media Type: UnsupportedMediaType (ErrorResponse { status: "Failure", message: "415: Unsupported Media Type", reason: "UnsupportedMediaType", code: 415 })',
    );
    expect(v).toMatchObject({ id: "apiserver-client-media-type-unsupported", verdict: "warning" });
  });

  it("curl's JSON Status body stays dismissed", async () => {
    const { causes, warnings } = await analyze([
      textSource("job.log", '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"415: Unsupported Media Type","reason":"UnsupportedMediaType","code":415}\n'),
    ]);
    expect([...causes, ...warnings]).toEqual([]);
  });
});
