import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the add-on rules of the eleventh tuning session (src/signatures/addons16.ts, src/diagnose/area-addons16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16addons.jsonl) unless marked as built from a format.

describe("tkn and the cluster's Tekton Pipelines of different releases", () => {
  it.each([
    // tektoncd/cli#1837, openshift/pipelines-tutorial#166, tektoncd/pipeline#5932, tektoncd/operator#1546
    ["Error: the API version in the data (tekton.dev/v1beta1) does not match the expected API version (tekton.dev/v1)", "cause", { dataVersion: "tekton.dev/v1beta1", expectedVersion: "tekton.dev/v1" }],
    // tkn hub's format (tektoncd/cli pkg/cmd/hub) with tektoncd/hub#200's versions, and the upgrade wording of its tests
    ["Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found v0.16.3", "cause", { resource: "buildah", minPipelines: "v0.17.0", pipelines: "v0.16.3" }],
    ["cannot upgrade Task foo(0.3) as it requires Tekton Pipelines min version v0.12 but found v0.11.0", "cause", { action: "upgrade", minPipelines: "v0.12", pipelines: "v0.11.0" }],
    // tektoncd/hub#312: a Pipelines built from source reports "devel"
    ["Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found devel", "none", {}],
    // a comparison that should have passed
    ["Error: Task git-clone(0.7) requires Tekton Pipelines min version v0.29.0 but found v0.30.0", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("tekton-cli-pipelines-version-mismatch");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side is older when tkn expects the older API version", async () => {
    const report = await analyze([textSource("job.log", "Error: the API version in the data (tekton.dev/v1) does not match the expected API version (tekton.dev/v1beta1)\n")]);
    expect(report.causes[0]?.diagnosis.headline).toContain("this tkn release is older than the cluster's Tekton Pipelines");
    expect(report.causes[0]?.diagnosis.fixes[0]).toContain("Upgrade tkn");
  });

  it("types the catalog's minimum and the cluster's release as Tekton Pipelines releases", async () => {
    const report = await analyze([textSource("job.log", "Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found v0.16.3\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("needs Tekton Pipelines v0.17.0 or later, and the cluster runs v0.16.3");
    expect(cause?.diagnosis.versions.find((v) => v.name === "pipelines")?.typed).toMatchObject({ kind: "component", major: 0, minor: 16 });
    expect(cause?.diagnosis.fixes[0]).toContain("tkn hub install task buildah --version");
  });
});

describe("Longhorn's upgrade-path enforcement", () => {
  it.each([
    // longhorn/longhorn#9569: the pre-upgrade job's event, 1.4.3 to a master build
    ["failed to upgrade since upgrading from v1.4.3 to v1.8.0-dev for minor version is not supported", "cause", { direction: "upgrading", current: "v1.4.3", target: "v1.8.0-dev", level: "minor" }],
    // a homelab runbook's note (Renovate jumping 1.9 to 1.11), and the Flux event wording of another
    [`level=fatal msg="Error starting manager: failed to upgrade since upgrading from v1.9.0 to v1.11.2 for minor version is not supported"`, "cause", { current: "v1.9.0", target: "v1.11.2" }],
    ["HelmRelease/longhorn FailedUpgradePreCheck: upgrading from v1.9.2 to v1.12.0 for minor version is not supported", "cause", { current: "v1.9.2", target: "v1.12.0" }],
    // longhorn/longhorn#5842 and Longhorn's test plan: an engine image older than the 1.6 manager accepts
    [String.raw`time="2023-08-17T03:03:20Z" level=fatal msg="Error starting manager: failed checking Engine upgarde path: incompatible Engine ei-7fa7c208 client API version: found version 7 is below required minimal version 8"`, "cause", { engineImage: "ei-7fa7c208", api: "client", found: "7", required: "8" }],
    ["incompatible Engine ei-db6c2b6f controller API version: found version 0 is below required minimal version 4", "cause", { api: "controller", found: "0", required: "4" }],
    // longhorn/longhorn#10143: a master build labelled older than the release candidate installed
    [String.raw`time="2025-01-07T07:02:14Z" level=fatal msg="Error starting manager: failed to upgrade since downgrading from v1.8.0-rc2 to v1.8.0-dev is not supported" func=main.main.DaemonCmd.func3 file="daemon.go:105"`, "none", {}],
    [String.raw`time="2025-01-07T07:02:14Z" level=info msg="Checking if the upgrade path from v1.8.0-rc2 to v1.8.0-dev is supported" func=util.checkLHUpgradePath file="util.go:238"`, "none", {}],
    // longhorn/longhorn#7588: a developer build vendoring an older engine
    [String.raw`time="2024-01-08T17:17:54Z" level=fatal msg="Error starting manager: failed checking Engine upgrade path: incompatible Engine ei-b907910b client API version: downgrading from 10 to 9 is not supported" func=main.main.DaemonCmd.func3 file="daemon.go:87"`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("longhorn-upgrade-path-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the skipped minors and the next release to step through", async () => {
    const report = await analyze([textSource("job.log", "failed to upgrade since upgrading from v1.4.3 to v1.6.2 for minor version is not supported\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("skipping 1 minor release");
    expect(cause?.diagnosis.fixes[0]).toContain("the latest 1.5.x");
    expect(cause?.diagnosis.versions.find((v) => v.name === "target")?.typed).toMatchObject({ kind: "component", major: 1, minor: 6 });
  });

  it("tells a real downgrade (a cause) from a development build's label (dismissed)", async () => {
    const report = await analyze([textSource("job.log", "Error starting manager: failed to upgrade since downgrading from v1.6.2 to v1.5.4 is not supported\n")]);
    expect(report.causes[0]?.diagnosis.headline).toContain("older than the v1.6.2 already installed");
    const dev = await analyze([textSource("job.log", "failed to upgrade since downgrading from v1.8.0-rc2 to v1.8.0-dev is not supported\n")]);
    expect(dev.causes).toEqual([]);
    expect(dev.dismissed.map((d) => d.diagnosis.verdict)).toContain("not-skew");
  });
});

describe("CoreDNS refusing a Corefile of another release", () => {
  it.each([
    // aws/containers-roadmap#1115, traefik/mesh#685, MicrosoftDocs/azure-docs#78014: upstream, removed in 1.7.0
    ["plugin/kubernetes: /etc/coredns/Corefile:6 - Error during parsing: unknown property 'upstream'", "cause", { plugin: "kubernetes", property: "upstream" }],
    ["plugin/kubernetes: /etc/coredns/custom/ipa1.server:7 - Error during parsing: unknown property 'upstream'", "cause", { file: "/etc/coredns/custom/ipa1.server", lineNo: "7" }],
    // istio/istio.io#4715 (unquoted, older parser), coredns/coredns#3368: proxy, removed in 1.5.0
    ["/etc/coredns/Corefile:10 - Error during parsing: Unknown directive proxy", "cause", { directive: "proxy" }],
    ["coredns    | /root/Corefile:5 - Error during parsing: Unknown directive 'proxy'", "cause", { directive: "proxy", file: "/root/Corefile" }],
    // coredns/coredns#4362, #4000: a Corefile newer than the image
    ["Error during parsing: unknown property 'max_concurrent'", "cause", { property: "max_concurrent" }],
    ["Error during parsing: Unknown directive 'ready'", "cause", { directive: "ready" }],
    // coredns/kubernetai#22 (an external plugin), coredns/deployment#215 and coredns/coredns#7121 (syntax)
    ["Error during parsing: Unknown directive 'kubernetai'", "none", {}],
    ["/etc/coredns/Corefile:3 - Error during parsing: Unknown directive '.'", "none", {}],
    ["Error during parsing: Unknown directive 'fallthrough'", "none", {}],
    ["Error during parsing: Unknown directive 'forwad'", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("coredns-corefile-plugin-unknown");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side is older and names the CoreDNS release", async () => {
    const removed = await analyze([textSource("job.log", "plugin/kubernetes: /etc/coredns/Corefile:6 - Error during parsing: unknown property 'upstream'\n")]);
    expect(removed.causes[0]?.diagnosis.headline).toContain("CoreDNS 1.7.0 removed: the CoreDNS image is newer than the Corefile");
    expect(removed.causes[0]?.diagnosis.versions.find((v) => v.name === "removedIn")?.typed).toMatchObject({ kind: "component", major: 1, minor: 7 });
    expect(removed.causes[0]?.diagnosis.fixes[0]).toContain("delete the line");
    const added = await analyze([textSource("job.log", "Error during parsing: unknown property 'max_concurrent'\n")]);
    expect(added.causes[0]?.diagnosis.headline).toContain("came with CoreDNS 1.6.9: the image the coredns Deployment runs is older than the Corefile");
  });
});

describe("calicoctl refusing a cluster of another Calico release", () => {
  it.each([
    // projectcalico/calico#5764, tigera/docs#1274; the others are notes in public repositories found by code search
    ["Failed to get resources: Version mismatch.\nClient Version:   v3.21.4\nCluster Version:  v3.21.1\nUse --allow-version-mismatch to override.", "cause", { client: "v3.21.4", cluster: "v3.21.1" }],
    ["  Failed to get resources: Version mismatch.\n  Client Version:   v3.27.0\n  Cluster Version:  3.20.0\n  Use --allow-version-mismatch to override.", "cause", { client: "v3.27.0", cluster: "3.20.0" }],
    ["Failed to get resources: Version mismatch.\nClient Version:   v3.22.1\nCluster Version:  v3.20.0\nUse --allow-version-mismatch to override.\n\ncommand terminated with exit code 1", "cause", { client: "v3.22.1", cluster: "v3.20.0" }],
    ["Failed to get resources: Version mismatch.\\nClient Version:   v3.24.1\\nCluster Version:  3.23.3\\nUse --allow-version-mismatch to override.", "cause", { client: "v3.24.1", cluster: "3.23.3" }],
    // projectcalico/calico#6027 (the same release spelt without v), #7673 (no client version)
    ["Failed to get resources: Version mismatch.\nClient Version:   3.22.2\nCluster Version:  v3.22.2\nUse --allow-version-mismatch to override.", "none", {}],
    ["Failed to get resources: Version mismatch.\nClient Version:\nCluster Version:  3.25.1\nUse --allow-version-mismatch to override.", "none", {}],
    // calicoctl version's banner, and its RBAC failure
    ["Client Version:    v3.16.3\nGit commit:        7d066703\nCluster Version:   v3.15.2\nCluster Type:      kubespray,bgp,kubeadm,k8s", "none", {}],
    ['Unable to get Cluster Information to verify version mismatch: connection is unauthorized: clusterinformations.crd.projectcalico.org "default" is forbidden: User "David" cannot get resource "clusterinformations" in API group "crd.projectcalico.org" at the cluster scope\n Use --allow-version-mismatch to override.', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("calicoctl-cluster-version-mismatch");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the side, the calicoctl to download and when the override is safe", async () => {
    const report = await analyze([textSource("job.log", "Failed to get resources: Version mismatch.\nClient Version:   v3.27.0\nCluster Version:  3.20.0\nUse --allow-version-mismatch to override.\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("calicoctl v3.27.0 is newer than the Calico 3.20.0 the cluster runs");
    expect(cause?.diagnosis.fixes[0]).toContain("releases/download/v3.20.0/calicoctl-linux-amd64");
    expect(cause?.diagnosis.versions.find((v) => v.name === "cluster")?.typed).toMatchObject({ kind: "component", major: 3, minor: 20 });
    const patch = await analyze([textSource("job.log", "Failed to get resources: Version mismatch.\nClient Version:   v3.21.4\nCluster Version:  v3.21.1\nUse --allow-version-mismatch to override.\n")]);
    expect(patch.causes[0]?.diagnosis.fixes[1]).toContain("safe here");
  });
});

describe("a Gateway API controller ahead of the cluster's Gateway API CRDs", () => {
  it.each([
    // rancher/rke2#10999 (Envoy Gateway 1.8), cilium/cilium#27398 (Cilium 1.14, experimental TLSRoute)
    ['Error: failed to create kubernetes provider: failed to create provider Kubernetes: failed to create gatewayapi controller: error watching resources: no matches for kind "TLSRoute" in version "gateway.networking.k8s.io/v1"', "cause", { kind: "TLSRoute", apiVersion: "gateway.networking.k8s.io/v1" }],
    [String.raw`level=fatal msg="Failed to create gateway controller" error="no matches for kind \"TLSRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"" subsys=gateway-controller`, "cause", { kind: "TLSRoute", apiVersion: "gateway.networking.k8s.io/v1alpha2" }],
    // Envoy Gateway 1.0/1.1's own spelling ("failted"), built from its format with another kind
    ['failted to create gatewayapi controller: no matches for kind "ReferenceGrant" in version "gateway.networking.k8s.io/v1beta1"', "cause", { kind: "ReferenceGrant", apiVersion: "gateway.networking.k8s.io/v1beta1" }],
    // SovereignCloudStack/k8s-cluster-api-provider#514: no CRDs at all reads the same as an old bundle: a warning
    [String.raw`level=fatal msg="Failed to create gateway controller" error="failed to get API group resources: unable to retrieve the complete list of server APIs: gateway.networking.k8s.io/v1beta1: the server could not find the requested resource" subsys=gateway-controller`, "warning", { groupVersion: "gateway.networking.k8s.io/v1beta1" }],
    ['failed to create gatewayapi controller: no matches for kind "GatewayClass" in version "gateway.networking.k8s.io/v1"', "warning", { kind: "GatewayClass" }],
    // helmforgedev/charts#855 (Envoy Gateway's own CRDs missing), rancher/rke2#8839 (CRDs applied after Cilium started)
    ['Error: unable to build kubernetes objects from release manifest: [resource mapping not found for name: "envoy-gateway-proxy-config" namespace: "envoy-gateway" from "": no matches for kind "EnvoyProxy" in version "gateway.envoyproxy.io/v1alpha1"', "none", {}],
    [String.raw`time=2025-08-28T17:05:16.221770116Z level=error msg="Required GatewayAPI resources are not found, please refer to docs for installation instructions" module=operator.operator-controlplane.leader-lifecycle.gateway-api error="customresourcedefinitions.apiextensions.k8s.io \"gatewayclasses.gateway.networking.k8s.io\" not found"`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("gateway-api-crds-older-than-controller");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the Gateway API release that serves the kind, or the experimental channel", async () => {
    const v1 = await analyze([textSource("job.log", 'failed to create gatewayapi controller: error watching resources: no matches for kind "GRPCRoute" in version "gateway.networking.k8s.io/v1"\n')]);
    expect(v1.causes[0]?.diagnosis.headline).toContain("which Gateway API 1.1 added to the bundle");
    expect(v1.causes[0]?.diagnosis.versions.find((v) => v.name === "bundle")?.typed).toMatchObject({ kind: "component", major: 1, minor: 1 });
    const exp = await analyze([textSource("job.log", 'failed to create gatewayapi controller: no matches for kind "GRPCRoute" in version "gateway.networking.k8s.io/v1alpha2"\n')]);
    expect(exp.causes[0]?.diagnosis.headline).toContain("only Gateway API's experimental channel serves");
  });
});

describe("istioctl upgrade refusing the releases it was given", () => {
  it.each([
    // istio/istio#29191, #29183, rancher/rancher#33843; istioctl x upgrade's format with other releases than #19475's
    ["Error: upgrade version check failed: 1.5.10 -> 1.9.0. Error: upgrade is not supported before version: 1.6.0", "cause", { current: "1.5.10", target: "1.9.0", limit: "1.6.0" }],
    ["2020-11-25T05:56:02.092649Z     info    Error: upgrade version check failed: 1.8.0 -> 1.7.4. Error: upgrade is currently not supported from version: 1.8.0", "cause", { current: "1.8.0", target: "1.7.4", relation: "from" }],
    ["Error: the target version 1.4.6 is not supported by istioctl 1.4.3, please download istioctl 1.4.6 and run upgrade again", "cause", { target: "1.4.6", istioctl: "1.4.3" }],
    ["Control Plane - policy pod - istio-policy-949f854b9-6s9h2 - version: 1.7.3 does not match the target version 1.10.2", "cause", { component: "policy", current: "1.7.3" }],
    // istio/istio#18521 (a beta label), istio/istio#28608 (the success line)
    ["Error: the target version 1.4.0-beta.2 is not supported by istioctl 1.4.0, please download istioctl 1.4.0-beta.2 and run upgrade again", "none", {}],
    ["Upgrade version check passed: 1.6.8 -> 1.9.0.", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("istioctl-upgrade-version-refused");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("tells a control plane too old to upgrade from a downgrade and from a component Istio dropped", async () => {
    const old = await analyze([textSource("job.log", "Error: upgrade version check failed: 1.5.10 -> 1.9.0. Error: upgrade is not supported before version: 1.6.0\n")]);
    expect(old.causes[0]?.diagnosis.headline).toContain("the first release it upgrades is 1.6.0");
    expect(old.causes[0]?.diagnosis.versions.find((v) => v.name === "current")?.typed).toMatchObject({ kind: "component", major: 1, minor: 5 });
    const down = await analyze([textSource("job.log", "Error: upgrade version check failed: 1.8.0 -> 1.7.4. Error: upgrade is currently not supported from version: 1.8.0\n")]);
    expect(down.causes[0]?.diagnosis.headline).toContain("this is a downgrade");
    const mixer = await analyze([textSource("job.log", "Control Plane - policy pod - istio-policy-949f854b9-6s9h2 - version: 1.7.3 does not match the target version 1.10.2\n")]);
    expect(mixer.causes[0]?.diagnosis.headline).toContain("a component Istio 1.8 no longer installs");
  });
});
