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
