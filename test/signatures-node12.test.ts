import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the node, runtime and control-plane rules of the sixth tuning session (src/signatures/node12.ts and
// the near-miss fixes beside them). Lines are real ones (sources in test/fixtures/real-world/lines-12node.jsonl)
// or the format strings of the programs that print them.

describe("containerd config format", () => {
  it("a version-1 plugin name under a newer format is a cause naming the plugin", async () => {
    const v = await verdictOf('containerd: failed to load TOML from /etc/containerd/config.toml: invalid plugin key URI "cri" expect io.containerd.x.vx');
    expect(v).toMatchObject({ id: "containerd-config-version-unsupported", verdict: "cause", captures: { plugin: "cri", where: "plugin key" } });
    const d = await verdictOf('containerd: failed to load TOML from ./disable_cri.toml: invalid disabled plugin URI "cri" expect io.containerd.x.vx');
    expect(d).toMatchObject({ id: "containerd-config-version-unsupported", verdict: "cause", captures: { where: "disabled plugin" } });
  });
});

describe("kubelet and Docker", () => {
  it("the dockershim's and dockertools' Docker API floor is a cause with the minimum", async () => {
    expect(await verdictOf("failed to run Kubelet: failed to create kubelet: docker API version is older than 1.26.0")).toEqual({
      id: "kubelet-docker-api-too-old",
      verdict: "cause",
      captures: { minimum: "1.26.0" },
    });
    expect((await verdictOf("E1015 00:52:58.565074     196 kubelet.go:2651] Container runtime sanity check failed: container runtime version is older than 1.21")).captures).toEqual({ minimum: "1.21" });
  });

  it("the follow-on 'container runtime is down' line is not", async () => {
    expect((await verdictOf("I1015 00:52:58.545079     196 kubelet.go:2261] skipping pod synchronization - [container runtime is down]")).verdict).toBe("none");
  });
});

describe("flags whose meaning a release changed", () => {
  it("--dynamic-config-dir on 1.22/1.23 is a cause; its deprecation warning is not", async () => {
    expect((await verdictOf('"Failed to validate kubelet flags" err="the DynamicKubeletConfig feature gate must be enabled in order to use the --dynamic-config-dir flag"')).id).toBe("kubelet-dynamic-config-gate-off");
    expect((await verdictOf("Flag --dynamic-config-dir has been deprecated, Feature DynamicKubeletConfig is deprecated in 1.22 and will not move to GA.")).verdict).toBe("none");
  });

  it("kube-apiserver 1.20's required service-account flags are a cause; the pre-1.20 gate-induced form is not", async () => {
    expect(await verdictOf("kube-apiserver[54618]: Error: [service-account-issuer is a required flag, --service-account-signing-key-file and --service-account-issuer are required flags]")).toMatchObject({
      id: "apiserver-service-account-issuer-required",
      verdict: "cause",
    });
    expect((await verdictOf("error: [service-account-issuer is a required flag when BoundServiceAccountTokenVolume is enabled, --service-account-signing-key-file and --service-account-issuer are required flags]")).verdict).toBe("none");
  });

  it("a kubelet flag without its hyphens is a typo, not a removal", async () => {
    expect((await verdictOf("unknown flag: --networkplugin")).verdict).toBe("none");
  });
});

describe("admission plugins by release", () => {
  it("the apiserver's own refusal of a plugin of another release is a cause", async () => {
    expect(await verdictOf("failed to initialize admission: Unknown admission plugin: Initializers")).toMatchObject({ id: "apiserver-admission-plugin-unknown", verdict: "cause" });
  });

  it("a bare 'is unknown' line is only a warning: a distribution may compile the plugin out", async () => {
    expect((await verdictOf('Error: enable-admission-plugins plugin "PodSecurityPolicy" is unknown')).verdict).toBe("warning");
  });
});

describe("etcdctl and kubeadm component configs", () => {
  it("etcdctl 3.5+ refusing migrate is a cause", async () => {
    expect(await verdictOf('Error: unknown command "migrate" for "etcdctl"')).toEqual({ id: "etcdctl-command-removed", verdict: "cause", captures: { command: "migrate" } });
  });

  it("a component-config API version that never existed is a typo", async () => {
    expect((await verdictOf('unsupported apiVersion "kubelet.config.k8s.io/v1beta2", you may have to do manual conversion to "kubelet.config.k8s.io/v1beta1" and run kubeadm again')).verdict).toBe("none");
  });
});

describe("client-go auth providers", () => {
  it("kube-rs's unsupported legacy provider is a cause", async () => {
    expect((await verdictOf("Error: auth error: failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead")).verdict).toBe("cause");
  });

  it("'no Auth Provider found' is a tool built without the provider imports, whatever its release", async () => {
    expect((await verdictOf('Error: no Auth Provider found for name "azure"')).verdict).toBe("none");
    expect((await verdictOf('I0201 12:50:21.309898   20445 versioner.go:58] no Auth Provider found for name "gcp"')).verdict).toBe("none");
  });
});

describe("OpenShift feature sets", () => {
  it("OpenShift-only gates logged at W by kubenswrapper are not skew", async () => {
    expect(
      (await verdictOf("Nov 13 10:41:15 okd-ci-ljhg6-master-a.domain.org kubenswrapper[32747]: W1113 10:41:15.601023   32747 feature_gate.go:227] unrecognized feature gate: GatewayAPI")).verdict,
    ).toBe("none");
  });
});

describe("Go builds of Kubernetes modules", () => {
  it("a controller-runtime that does not compile against the selected client-go is a cause naming both", async () => {
    const v = await verdictOf(
      '/home/john/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.18.5/pkg/client/fake/client.go:858:29: cannot use c.tracker (variable of type versionedTracker) as "k8s.io/client-go/testing".ObjectTracker value in argument to dryPatch: versionedTracker does not implement "k8s.io/client-go/testing".ObjectTracker (wrong type for method Create)',
    );
    expect(v).toMatchObject({ id: "go-k8s-module-build-mismatch", verdict: "cause", captures: { module: "sigs.k8s.io/controller-runtime", moduleVersion: "v0.18.5" } });
  });

  it("a vendored path without a version, or only an import alias, is a warning", async () => {
    expect((await verdictOf("vendor/k8s.io/apiextensions-apiserver/pkg/features/kube_features.go:46:32: feature.DefaultFeatureGate.Add undefined (type feature.FeatureGate has no field or method Add)")).verdict).toBe("warning");
    expect((await verdictOf("pkg/cache/multi_namespace_cache.go:349:60: undefined: toolscache.DoneChecker")).verdict).toBe("warning");
  });

  it("the project's own compile errors and klog locations in the module cache are not", async () => {
    expect((await verdictOf("./main.go:12:2: undefined: foo")).verdict).toBe("none");
    expect((await verdictOf("E1019 14:16:15.443229       1 reflector.go:383] pkg/mod/k8s.io/client-go@v0.18.6/tools/cache/reflector.go:125: Failed to watch *v1.Pod: unknown (get pods)")).verdict).toBe("none");
  });
});

describe("client-go's aggregated discovery panic", () => {
  it("a frame of client-go v0.26.0-v0.26.3 is a cause; another version or no version only a warning", async () => {
    expect(await verdictOf("        k8s.io/client-go@v0.26.0/discovery/aggregated_discovery.go:88")).toMatchObject({ id: "client-go-aggregated-discovery-panic", verdict: "cause" });
    expect((await verdictOf("\t/go/pkg/mod/k8s.io/client-go@v0.28.2/discovery/aggregated_discovery.go:91")).verdict).toBe("warning");
    expect((await verdictOf("k8s.io/client-go/discovery.convertAPIResource(...)")).verdict).toBe("warning");
  });
});

describe("etcd-manager, krew and containerd shims", () => {
  it("etcd-manager's W-level refusal of an etcd it does not bundle is a cause", async () => {
    expect(await verdictOf("W0125 11:07:36.069491    3574 etcdserver.go:118] error running etcd: unknown etcd version v3.5.0: not found in [/opt/etcd-v3.5.0-linux-amd64]")).toMatchObject({
      id: "etcd-manager-etcd-version-not-bundled",
      verdict: "cause",
      captures: { etcd: "v3.5.0" },
    });
  });

  it("krew older than the index and ctr/shim task API mismatches are causes", async () => {
    expect((await verdictOf("is badly constructed: can't have a plugin without specifying file operations")).id).toBe("krew-too-old-for-index");
    expect((await verdictOf("ctr: rpc error: code = NotFound desc = service containerd.task.v2.Task")).id).toBe("containerd-shim-task-api-mismatch");
  });

  it("the 1.19 signer flags refused by an older controller-manager name the release that added them", async () => {
    const v = await verdictOf("Error: unknown flag: --cluster-signing-kube-apiserver-client-cert-file");
    expect(v).toMatchObject({ id: "k8s-component-unknown-flag", verdict: "cause" });
  });
});

describe("Docker 1.x, etcd 2.x and containers/storage", () => {
  it("the Docker 1.x daemon's 'don't have same version' is a newer client", async () => {
    expect(await verdictOf("Error response from daemon: client and server don't have same version (client : 1.17, server: 1.15)")).toEqual({
      id: "docker-api-version-too-new",
      verdict: "cause",
      captures: { client: "1.17", daemon: "1.15" },
    });
  });

  it("etcd 2.3 refusing v3 data is a downgrade", async () => {
    expect((await verdictOf("etcd[3645]: experimental-v3demo cannot be disabled once it is enabled")).id).toBe("etcd2-refuses-v3-data");
  });

  it("a storage option newer than the runtime is a warning; a long-standing option given to another driver is not", async () => {
    expect((await verdictOf('level=fatal msg="Unknown option .skip_mount_home"')).verdict).toBe("warning");
    expect((await verdictOf('level=fatal msg="validating root config: failed to get store to set defaults: unknown option overlay.mountopt"')).verdict).toBe("none");
  });

  it("an aggregated apiserver refusing a flag is a warning, not dismissed", async () => {
    expect((await verdictOf("E0530 23:03:50.737111       1 apiserver.go:52] server exited unexpectedly (unknown flag: --audit-log-path)")).verdict).toBe("warning");
  });
});

describe("the Go toolchain under Kubernetes modules", () => {
  it("the go command's refusal of a k8s.io module and Kubernetes' own build floor are causes", async () => {
    expect(await verdictOf("go: k8s.io/apimachinery@v0.33.0 requires go >= 1.24.0 (running go 1.23.8)")).toMatchObject({
      id: "go-toolchain-too-old-for-k8s",
      verdict: "cause",
      captures: { required: "1.24.0", running: "1.23.8" },
    });
    expect((await verdictOf("Kubernetes requires go1.13.4 or greater.")).verdict).toBe("cause");
  });

  it("old Go's note is a warning, and GOTOOLCHAIN=auto switching is silent", async () => {
    expect((await verdictOf("note: module requires Go 1.13")).verdict).toBe("warning");
    expect((await verdictOf("go: k8s.io/api@v0.30.0 requires go >= 1.22.0; switching to go1.22.3")).verdict).toBe("none");
  });
});

describe("kubelet eviction signals", () => {
  it("a signal newer than the kubelet is a cause; one no table knows only a warning", async () => {
    expect(await verdictOf("E0908 18:02:50.767150    1335 server.go:309] Failed running kubelet: unsupported eviction signal nodefs.available")).toMatchObject({
      id: "kubelet-eviction-signal-unknown",
      verdict: "cause",
    });
    expect((await verdictOf("Failed running kubelet: unsupported eviction signal memory.availble")).verdict).toBe("warning");
  });
});

describe("kubelet config fields behind gates, etcd 3.6 downgrades", () => {
  it("a gated KubeletConfiguration field refused is a warning naming the gate", async () => {
    const v = await verdictOf("invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set");
    expect(v).toMatchObject({ id: "kubelet-config-field-needs-gate", verdict: "warning", captures: { gate: "KubeletCrashLoopBackOffMax" } });
  });

  it("etcd 3.6's 'cluster has data from version' is the downgrade refusal", async () => {
    expect((await verdictOf('{"level":"fatal","msg":"invalid downgrade: cluster has data from version 3.6.5, cannot downgrade to 3.5.21"}')).id).toBe("etcd-cluster-downgrade-refused");
  });
});
