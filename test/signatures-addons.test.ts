import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts the addons, container, CRI and Cluster API rules promise beyond "the line matches": which wordings are a cause,
// which only a warning (the same text names another cause in some threads), and the captures a report shows.
describe("addons: Flux and Gateway API versions not served", () => {
  it("takes the flux CLI's refusal as the cause, kustomize-controller's dry-run as a warning, and the bootstrap's own sync object as its race", async () => {
    const cli = await verdictOf(String.raw`✗ no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1beta2"`);
    expect(cli).toMatchObject({ id: "flux-api-version-not-served", verdict: "cause" });
    const dryRun = await verdictOf(
      String.raw` "✗ Kustomization/flux-system/flux-system dry-run failed, error: no matches for kind \"Kustomization\" in version \"kustomize.toolkit.fluxcd.io/v1beta2\""`,
    );
    // flux-system/flux-system refused for its own kind: the bootstrap's CRDs not yet established (fluxcd/flux2#2351), dismissed.
    expect(dryRun.verdict).toBe("none");
    const other = await verdictOf(String.raw`Kustomization/flux-system/apps dry-run failed, error: no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1beta2"`);
    expect(other).toMatchObject({ id: "flux-api-version-not-served", verdict: "warning" });
  });

  it("leaves a missing current Flux version to api-no-kind-match (Flux not installed)", async () => {
    const r = await verdictOf(String.raw`no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1"`);
    expect(r.id).not.toBe("flux-api-version-not-served");
  });

  it("reads a controller's v1alpha2 informer and the pre-0.4 group, but not TLSRoute (still v1alpha2)", async () => {
    const old = await verdictOf(String.raw`error: unable to recognize "gateway.yaml": no matches for kind "HTTPRoute" in version "networking.x-k8s.io/v1alpha1"`);
    expect(old).toMatchObject({ id: "gateway-api-version-not-served", verdict: "cause", captures: { kind: "HTTPRoute" } });
    const watch = await verdictOf(
      "W0214 15:38:40.493250 1 reflector.go:424] k8s.io/client-go@v0.26.3/tools/cache/reflector.go:169: failed to list *v1alpha2.Gateway: the server could not find the requested resource (get gateways.gateway.networking.k8s.io)",
    );
    expect(watch).toMatchObject({ id: "gateway-api-version-not-served", verdict: "warning" });
    const tls = await verdictOf(String.raw`no matches for kind "TLSRoute" in version "gateway.networking.k8s.io/v1alpha2"`);
    expect(tls.id).not.toBe("gateway-api-version-not-served");
  });
});

describe("addons: minimum Kubernetes checks", () => {
  it("reads OLM's minKubeVersion, Cilium's constraint and istioctl's notice", async () => {
    expect(await verdictOf("Message: CSV version requirement not met: minKubeVersion (1.33.0) > server version (1.30.0)")).toMatchObject({
      id: "operator-kubernetes-minimum-not-met",
      verdict: "cause",
      captures: { minimum: "1.33.0", cluster: "1.30.0" },
    });
    expect(await verdictOf(String.raw`level=fatal msg="Minimal kubernetes version not met: 1.15.3 < >= 1.16.0" subsys=daemon`)).toMatchObject({
      captures: { cluster: "1.15.3", constraint: ">= 1.16.0" },
    });
    expect(await verdictOf("The Kubernetes version v1.22.2 is not supported by Istio 1.19.3. The minimum supported Kubernetes version is 1.25.")).toMatchObject({
      id: "istio-kubernetes-unsupported-notice",
      verdict: "warning",
      captures: { cluster: "v1.22.2", istio: "1.19.3", minimum: "1.25" },
    });
  });

  it("does not take OLM's missing-minimum notice or velero's banner as a failure", async () => {
    expect((await verdictOf("CSV missing minimum kube version specification")).verdict).toBe("none");
    expect(await verdictOf("WARNING: the client version does not match the server version. Please update server")).toMatchObject({
      id: "velero-client-server-version-mismatch",
      verdict: "warning",
    });
  });
});

describe("container tooling", () => {
  it("names the docker command that needs the newer API", async () => {
    expect(await verdictOf("docker system prune requires API version 1.25, but the Docker daemon API version is 1.24")).toMatchObject({
      id: "docker-api-version-too-new",
      verdict: "cause",
      captures: { command: "docker system prune", client: "1.25", daemon: "1.24" },
    });
  });

  it("takes an old docker-compose's file-version refusal as a cause, an unknown property only as a warning", async () => {
    const version = await verdictOf(String.raw`ERROR: Version in "./docker-compose.yaml" is unsupported. `);
    expect(version).toMatchObject({ id: "docker-compose-file-version-unsupported", verdict: "cause", captures: { file: "./docker-compose.yaml" } });
    const property = await verdictOf("validating compose.yaml: services.todo-app Additional property develop is not allowed");
    expect(property).toMatchObject({ id: "docker-compose-property-too-new", verdict: "warning", captures: { property: "develop" } });
    expect((await verdictOf("services.app Additional property enviroment is not allowed")).verdict).toBe("none");
  });

  it("warns about a 1.2-era systemd_cgroup key without calling it the cause", async () => {
    const r = await verdictOf('level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: `systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux"');
    expect(r).toMatchObject({ id: "containerd-cri-systemd-cgroup-option", verdict: "warning" });
  });
});

describe("Cluster API contracts through v1beta2", () => {
  it("reads clusterctl 1.11's upgrade and init wordings", async () => {
    expect(
      await verdictOf(
        "Error: unable to perform upgrade: the provider capa-system/infrastructure-aws implements the v1alpha4 contract version, while the core provider is getting updated to a version that supports v1beta2, v1beta1 contract versions. Please include the capa-system/infrastructure-aws provider in the upgrade",
      ),
    ).toMatchObject({ id: "clusterctl-upgrade-contract", captures: { requestedContract: "v1alpha4", supportedContract: "v1beta2, v1beta1" } });
    expect(await verdictOf("Error: current version of clusterctl could only upgrade the core provider to v1beta2 contract version, requested v1beta1")).toMatchObject({
      id: "clusterctl-upgrade-contract",
      captures: { supportedContract: "v1beta2", requestedContract: "v1beta1" },
    });
    expect(
      await verdictOf("Error: current version of clusterctl is only compatible with provider implementing v1beta2, v1beta1 conctract versions, detected v1alpha4 for provider infrastructure-kubevirt"),
    ).toMatchObject({ id: "clusterctl-provider-contract-mismatch", captures: { providerContract: "v1alpha4" } });
  });
});

describe("CRDs, CSI spec and the classic builder", () => {
  it("warns about a controller watching a CRD kind the cluster lacks, and leaves built-in kinds to their lifecycle table", async () => {
    expect(
      await verdictOf(
        "Failed to watch *v1alpha1.MiddlewareTCP: failed to list *v1alpha1.MiddlewareTCP: the server could not find the requested resource (get middlewaretcps.traefik.containo.us)",
      ),
    ).toMatchObject({ id: "operator-crds-older-than-controller", verdict: "warning", captures: { group: "traefik.containo.us" } });
    const builtin = await verdictOf(
      "Failed to watch *v1beta1.CSIStorageCapacity: failed to list *v1beta1.CSIStorageCapacity: the server could not find the requested resource (get csistoragecapacities.storage.k8s.io)",
    );
    expect(builtin.id).not.toBe("operator-crds-older-than-controller");
  });

  it("takes prometheus-operator's CRD creation failure and a CSI unknown service as causes", async () => {
    expect(await verdictOf(String.raw`msg="Unhandled error received. Exiting..." err="creating CRD: Alertmanager: the server could not find the requested resource"`)).toMatchObject({
      id: "prometheus-operator-crd-api-not-served",
      verdict: "cause",
    });
    expect(await verdictOf("E0313 16:08:22.623420  860852 main.go:131] rpc error: code = Unimplemented desc = unknown service csi.v1.Identity")).toMatchObject({
      id: "csi-spec-version-unimplemented",
      verdict: "cause",
      captures: { csiSpec: "v1", service: "Identity" },
    });
    expect((await verdictOf("rpc error: code = Unimplemented desc = NodeExpandVolume is not implemented")).verdict).toBe("none");
  });

  it("warns when the classic builder meets a BuildKit-only option", async () => {
    expect(await verdictOf("the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled")).toMatchObject({
      id: "docker-classic-builder-needs-buildkit",
      verdict: "warning",
      captures: { option: "--mount" },
    });
  });
});

describe("Cluster API versions not served", () => {
  it("takes an alpha contract as the cause and a missing beta one (perhaps Cluster API not installed) as a warning", async () => {
    expect(await verdictOf(String.raw`unable to recognize "cluster.yaml": no matches for kind "Cluster" in version "cluster.x-k8s.io/v1alpha3"`)).toMatchObject({
      id: "capi-api-version-not-served",
      verdict: "cause",
      captures: { contract: "v1alpha3" },
    });
    expect(await verdictOf(String.raw`error: unable to recognize "capi-quickstart.yaml": no matches for kind "Cluster" in version "cluster.x-k8s.io/v1beta1"`)).toMatchObject({
      id: "capi-api-version-not-served",
      verdict: "warning",
    });
  });
});
