import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Second-round verdicts for Cluster API and containerd wordings: which are a cause, which only a warning, and the
// look-alikes (the same words from an installation problem) that must stay silent.
describe("Cluster API: MachineSet preflight, provider images, manifest shapes", () => {
  it("takes a preflight skew refusal as the cause, and a topology version still propagating as nothing", async () => {
    const skew = await verdictOf(
      String.raw`MachineSet version (v1.26.0) and ControlPlane version (v1.27.1) do not conform to kubeadm version skew policy as kubeadm only supports joining with the same major+minor version as the control plane ("KubeadmVersionSkew" preflight check failed)`,
    );
    expect(skew).toMatchObject({ id: "capi-machineset-preflight-version-skew", verdict: "cause", captures: { policy: "kubeadm", workers: "v1.26.0" } });
    const propagating = await verdictOf(
      String.raw`MachineSet version (v1.31.0) is not yet the same as the ControlPlane version (v1.32.0), waiting for version to be propagated to the MachineSet ("ControlPlaneVersionSkew" preflight check failed)`,
    );
    expect(propagating.verdict).toBe("none");
  });

  it("warns (never blames) on an image lookup that found nothing for the version, and ignores an empty image ID", async () => {
    const ami = await verdictOf(String.raw`failed to create AWSMachine instance: failed to find ami: found no AMIs with the name: "capa-ami-ubuntu-24.04-?1.33.2-*"`);
    expect(ami).toMatchObject({ id: "capi-provider-image-not-published", verdict: "warning", captures: { kubernetes: "1.33.2" } });
    const empty = await verdictOf("failed to run instance: MissingParameter: The request must contain the parameter ImageId");
    expect(empty.verdict).toBe("none");
  });

  it("reads strict decoding errors of Cluster API kinds only", async () => {
    const capi = await verdictOf(String.raw`MachineSet in version "v1beta2" cannot be handled as a MachineSet: strict decoding error: unknown field "spec.template.spec.nodeDrainTimeout"`);
    expect(capi).toMatchObject({ id: "capi-manifest-other-api-shape", verdict: "warning", captures: { kind: "MachineSet", apiVersion: "v1beta2" } });
    const other = await verdictOf(String.raw`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"`);
    expect(other.id).not.toBe("capi-manifest-other-api-shape");
  });
});

describe("containerd: shims and API services of another release", () => {
  it("blames a shim protocol the daemon does not know", async () => {
    const r = await verdictOf("failed to start shim: start failed: unsupported shim version (3): not implemented");
    expect(r).toMatchObject({ id: "containerd-shim-version-unsupported", verdict: "cause", captures: { shim: "3" } });
  });

  it("warns on containerd's own runc shims missing, and says nothing for a third-party shim", async () => {
    const runc = await verdictOf(String.raw`runtime "io.containerd.runc.v1" binary not installed "containerd-shim-runc-v1": file does not exist: unknown`);
    expect(runc).toMatchObject({ id: "containerd-shim-binary-missing", verdict: "warning" });
    const kata = await verdictOf(String.raw`runtime "io.containerd.kata.v2" binary not installed "containerd-shim-kata-v2": file does not exist: unknown`);
    expect(kata.verdict).toBe("none");
  });

  it("blames a missing method (an older daemon) but only warns on a missing service (maybe a plugin that failed)", async () => {
    const method = await verdictOf("unknown method AddResource for service containerd.services.leases.v1.Leases: not implemented");
    expect(method).toMatchObject({ id: "containerd-api-unimplemented", verdict: "cause" });
    const service = await verdictOf("Unimplemented: unknown service containerd.services.namespaces.v1.Namespaces");
    expect(service).toMatchObject({ id: "containerd-api-unimplemented", verdict: "warning" });
  });

  it("reads the newer API server wording of a dropped stored version, and leaves the older to the generic layer", async () => {
    const newer = await verdictOf(String.raw`status.storedVersions[0]: Invalid value: "v1alpha1": missing from spec.versions; v1alpha1 was previously a storage version`);
    expect(newer).toMatchObject({ id: "crd-stored-version-removed", verdict: "warning", captures: { stored: "v1alpha1" } });
    const older = await verdictOf(String.raw`error: status.storedVersions[0]: Invalid value: "v1alpha4": must appear in spec.versions`);
    expect(older.id).toBe("generic-version-skew");
  });
});
