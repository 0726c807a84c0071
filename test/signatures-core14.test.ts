import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the core rules of the eighth tuning session (src/signatures/core14.ts, src/diagnose/area-core14.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-14core.jsonl).

describe("kubeadm extraArgs in the other API version's shape", () => {
  it.each([
    // kubernetes/kubeadm#3067: a v1beta4 document with v1beta3's map-shaped kubeletExtraArgs
    ["json: cannot unmarshal object into Go struct field NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs of type []v1beta4.Arg", "cause", { configVersion: "v1beta4" }],
    // clastix/kamaji#650: list-shaped args in the ConfigMap, read by kubeadm 1.28 as v1beta3
    [
      `W1210 12:01:55.629181  209673 cluster.go:94] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta3", Kind:"ClusterConfiguration"}: json: cannot unmarshal array into Go struct field APIServer.apiServer.extraArgs of type map[string]string`,
      "cause",
      { configVersion: "v1beta3", kind: "ClusterConfiguration", got: "array" },
    ],
    ["error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to decode cluster configuration data: json: cannot unmarshal array into Go struct field APIServer.apiServer.extraArgs of type map[string]string", "cause", { got: "array" }],
    // kubeclipper/kubeclipper#907: a tool with v1beta3 types reading a 1.32 cluster's configuration
    [
      `Nov 17 03:06:15 GB200-POD2-F06-Node05 kubeclipper-agent[716970]: {"level":"error","ts":"2025-11-17T03:06:15+01:00","msg":"custom step run error","error":"unmarshal config file: /tmp/.k8s/kubeadm-new.yaml failed: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field LocalEtcd.etcd.local.extraArgs of type map[string]string"}`,
      "cause",
      { field: "LocalEtcd.etcd.local.extraArgs" },
    ],
    // YAML typing inside the right shape, and other programs' fields, are no skew (kubespray#5406, kubekey#1863, Armur-Ai#7)
    [`W1202 13:09:37.856538    3494 strict.go:54] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta2", Kind:"ClusterConfiguration"}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field APIServer.extraArgs of type string`, "none", {}],
    ["json: cannot unmarshal number into Go struct field APIServer.apiServer.certSANs of type string", "none", {}],
    ["json: cannot unmarshal array into Go struct field AttackSurface.technologies of type map[string]string", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("kubeadm-extra-args-other-api-shape");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("takes the API version from the GroupVersionKind kubeadm decoded into, and names the shape the document has", async () => {
    const line = `W0831 18:28:47.800834    4476 initconfiguration.go:332] error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta4", Kind:"InitConfiguration"}: json: cannot unmarshal object into Go struct field NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs of type []v1beta4.Arg`;
    const report = await analyze([textSource("kinder.log", `${line}\n`)]);
    const cause = report.causes[0];
    // klog W, but kubeadm cannot go on without the document.
    expect(cause?.diagnosis.verdict).toBe("cause");
    expect(cause?.finding.captures).toMatchObject({ configVersion: "v1beta4", kind: "InitConfiguration", got: "object", want: "[]v1beta4.Arg" });
    expect(cause?.diagnosis.headline).toMatch(/nodeRegistration\.kubeletExtraArgs is a map .*\/v1beta3 .* decoded it as InitConfiguration kubeadm\.k8s\.io\/v1beta4/);
    const rows = Object.fromEntries(cause!.diagnosis.versions.map((r) => [r.name, r]));
    expect(rows.configVersion?.typed?.kind).toBe("api-version");
    expect(rows.documentShape?.version).toBe("v1beta3");
  });

  it("reads a bare list-into-map error as v1beta3 or older decoding a v1beta4-shaped document", async () => {
    const report = await analyze([textSource("kind.log", "json: cannot unmarshal array into Go struct field NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs of type map[string]string\n")]);
    expect(report.causes[0]?.finding.captures.configVersion).toBeUndefined();
    expect(report.causes[0]?.diagnosis.headline).toMatch(/shape of kubeadm\.k8s\.io\/v1beta4 .*decoded as kubeadm\.k8s\.io\/v1beta3 \(or older\)/);
  });

  it("leaves Cluster API's own v1beta2 Arg type to the Cluster API rules", async () => {
    expect((await verdictOf("json: cannot unmarshal object into Go struct field KubeadmConfigSpec.spec.clusterConfiguration.apiServer.extraArgs of type []v1beta2.Arg")).id).not.toBe("kubeadm-extra-args-other-api-shape");
  });
});

describe("Cluster API conversion webhooks that do not convert an old API version", () => {
  it.each([
    // kubernetes-sigs/cluster-api#4401: v1alpha3 objects sent to v1alpha4 managers without a /convert handler
    [`Error from server (InternalError): error when creating "STDIN": Internal error occurred: conversion webhook for controlplane.cluster.x-k8s.io/v1alpha3, Kind=KubeadmControlPlane failed: the server could not find the requested resource`, "warning"],
    [`Error from server (InternalError): error when creating "STDIN": Internal error occurred: conversion webhook for cluster.x-k8s.io/v1alpha3, Kind=MachineDeployment failed: the server could not find the requested resource`, "warning"],
    // Another operator's missing handler (rajsinghtech/garage-operator#260, kubernetes-sigs/kubebuilder#2963), and an
    // unreachable Cluster API webhook service: none of them an API version left behind
    [`Error from server (InternalError): error when creating "cluster.yaml": Internal error occurred: Internal error occurred: conversion webhook for garage.rajsingh.info/v1beta2, Kind=GarageCluster failed: the server could not find the requested resource`, "none"],
    [`Conversion webhook path failure with "the server could not find the requested resource"`, "none"],
    [`Error from server: conversion webhook for cluster.x-k8s.io/v1beta2, Kind=Cluster failed: Post "https://webhook-service.system.svc:443/convert?timeout=30s": service "webhook-service" not found`, "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("crd-conversion-version-unsupported");
  });

  it("names the group, kind and the version the controller does not convert", async () => {
    const line = `Error from server (InternalError): error when creating "STDIN": Internal error occurred: conversion webhook for controlplane.cluster.x-k8s.io/v1alpha3, Kind=KubeadmControlPlane failed: the server could not find the requested resource`;
    const report = await analyze([textSource("apply.log", `${line}\n`)]);
    const warning = report.warnings[0];
    expect(warning?.finding.captures).toMatchObject({ group: "controlplane.cluster.x-k8s.io", from: "v1alpha3", kind: "KubeadmControlPlane" });
    expect(warning?.diagnosis.headline).toMatch(/controlplane\.cluster\.x-k8s\.io controller .* does not convert KubeadmControlPlane v1alpha3/);
    expect(report.causes).toEqual([]);
  });

  it("keeps the signature's own reading for the other conversion refusals", async () => {
    const report = await analyze([textSource("capg.log", `E0321 04:15:16.676189       1 logr.go:265] conversion-webhook "msg"="failed to convert" "error"="*v1beta1.GCPClusterTemplate is not convertible to *v1alpha4.GCPClusterTemplate"  "request"="a486b407-3b5c-4924-bec2-b6d638fd1057"\n`)]);
    expect(report.warnings[0]?.diagnosis.headline).toMatch(/^Conversion webhook cannot convert between these API versions/);
  });
});

describe("kubectl reading kubeconfig extensions it cannot convert", () => {
  it.each([
    // vscode-kubernetes-tools#908, kubernetes/minikube#10859 and #10663
    ["Kubectl command failed: error: converting  to : type names don't match (Unknown, RawExtension), and no conversion 'func (runtime.Unknown, runtime.RawExtension) error' registered.", "cause"],
    ["On v1.17.1 `minikube kubectl config view` fails for a v1.15.12 k8s cluster with `error: converting to : type names don't match (Unknown, RawExtension)`", "cause"],
    // Other conversions between mismatched types, and the format string in source
    [`    assert_equal("converting  to : type names don't match (Pod, Namespace)",`, "none"],
    ["\t\t\t\"type names don't match (%v, %v), and no conversion 'func (%v, %v) error' registered.\",", "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got.id).toBe("kubectl-kubeconfig-extension-unreadable");
  });

  it("names the client version from a banner, and looks elsewhere when kubectl is new enough", async () => {
    const line = "error: converting  to : type names don't match (Unknown, RawExtension), and no conversion 'func (runtime.Unknown, runtime.RawExtension) error' registered.";
    const old = await analyze([textSource("old.log", `Client Version: v1.16.6-beta.0\n${line}\n`)]);
    expect(old.causes[0]?.diagnosis.headline).toMatch(/^kubectl v1\.16\.6-beta\.0 is older than 1\.17/);
    expect(old.causes[0]?.diagnosis.versions.map((r) => r.version)).toEqual(["v1.16.6-beta.0"]);
    const recent = await analyze([textSource("new.log", `Client Version: v1.22.0\n${line}\n`)]);
    expect(recent.causes).toEqual([]);
    expect(recent.warnings[0]?.diagnosis.headline).toMatch(/another tool built on a client-go older than 1\.17/);
  });
});

describe("kubelet that never listed Services", () => {
  const line = "Warning  Failed          50m (x5 over 51m)      kubelet  Error: services have not yet been read at least once, cannot construct envvars";

  it("is only a warning on its own: a restarting kubelet says the same (k0sproject/k0s#6071)", async () => {
    expect(await verdictOf(line)).toMatchObject({ id: "kubelet-services-never-synced", verdict: "warning" });
    expect((await verdictOf('\t\treturn nil, fmt.Errorf("services have not yet been read at least once, cannot construct envvars")')).verdict).toBe("none");
  });

  it("is a cause when the job shows the kubelet ahead of the API server", async () => {
    const report = await analyze([textSource("upgrade.log", `Kubelet version: v1.31.1\nServer Version: v1.30.4\n${line}\n`)]);
    const cause = report.causes[0];
    expect(cause?.signature.id).toBe("kubelet-services-never-synced");
    expect(cause?.diagnosis.skew).toMatchObject({ minors: 1, supported: false });
    expect(cause?.diagnosis.headline).toMatch(/kubelet v1\.31\.1 is 1 minor newer than the API server v1\.30\.4, which refuses the spec\.clusterIP field selector/);
  });

  it("stays a warning when the kubelet is not newer", async () => {
    const report = await analyze([textSource("same.log", `Kubelet version: v1.30.2\nServer Version: v1.30.4\n${line}\n`)]);
    expect(report.causes).toEqual([]);
    expect(report.warnings[0]?.diagnosis.headline).toMatch(/not newer than the API server/);
  });
});

describe("kubectl older than 1.18 given --dry-run=client or =server", () => {
  it.each([
    // tilt-dev/tilt-extensions#200, kubernetes/website#22098 (kubectl 1.17.3), caoyingjunz/csi-driver-localstorage#38
    [`Error: invalid argument "client" for "--dry-run" flag: strconv.ParseBool: parsing "client": invalid syntax`, "cause"],
    // A value no release accepts, and kubectl 1.18's deprecation warning for the bare flag
    [`Error: invalid argument "maybe" for "--dry-run" flag: strconv.ParseBool: parsing "maybe": invalid syntax`, "none"],
    ["W0504 16:20:18.488448   13213 helpers.go:535] --dry-run is deprecated and can be replaced with --dry-run=client.", "none"],
  ] as const)("%s → %s", async (line, want) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") expect(got).toMatchObject({ id: "kubectl-dry-run-value-unsupported", captures: { value: "client" } });
  });

  it("names kubectl before 1.18, and helm before 3.13 only as a warning when helm ran", async () => {
    const kubectl = await analyze([textSource("job.log", `$ kubectl create secret generic test-secret --from-file realm.json=./example.json -o=yaml --dry-run=client\nError: invalid argument "client" for "--dry-run" flag: strconv.ParseBool: parsing "client": invalid syntax\n`)]);
    expect(kubectl.causes[0]?.diagnosis.headline).toMatch(/kubectl before 1\.18/);
    const helm = await analyze([textSource("job.log", `+ helm upgrade --install app ./chart --dry-run=server\nError: invalid argument "server" for "--dry-run" flag: strconv.ParseBool: parsing "server": invalid syntax\n`)]);
    expect(helm.causes).toEqual([]);
    expect(helm.warnings[0]?.diagnosis.headline).toMatch(/helm before 3\.13/);
  });
});

describe("etcdctl 3.6 refusing snapshot restore's flags", () => {
  const usage = ["NAME:", "  snapshot - Manages etcd node snapshots", "", "USAGE:", "  etcdctl snapshot <subcommand> [flags]", "", "API VERSION:", "  3.6"].join("\n");
  it.each([
    // bitnami/containers#92968: libetcd.sh's restore, then etcdctl 3.6's usage of `snapshot`
    ["etcd 04:25:56.33 INFO  ==> Restoring etcd cluster from snapshot /snapshots/db-2026-05-08_04-25\nError: unknown flag: --name\n" + usage, "name"],
    // bitnami/charts#34017: the command the init script runs
    [`$ etcdctl snapshot restore "\${ETCD_INIT_SNAPSHOTS_DIR}/\${ETCD_INIT_SNAPSHOT_FILENAME}" "--data-dir" "$ETCD_DATA_DIR"\nError: unknown flag: --data-dir`, "data-dir"],
    // easzlab/kubeasz#1516: Ansible's one-line result with the command and stderr
    [
      `fatal: [10.34.45.192]: FAILED! => {"changed": true, "cmd": "cd /etcd_backup && ETCDCTL_API=3 /opt/kube/bin/etcdctl snapshot restore snapshot.db --name etcd-10.34.45.192 --initial-cluster-token etcd-cluster-0", "rc": 1, "stderr": "Error: unknown flag: --name", "stderr_lines": ["Error: unknown flag: --name"],`,
      "name",
    ],
  ])("%s names etcdctl", async (log, flag) => {
    const report = await analyze([textSource("job.log", `${log}\n`)]);
    expect(report.causes[0]?.signature.id).toBe("k8s-component-unknown-flag");
    expect(report.causes[0]?.finding.captures.flag).toBe(flag);
    expect(report.causes[0]?.diagnosis.headline).toMatch(/^etcdctl refused --[\w-]+: etcdctl 3\.6 has no `snapshot restore`/);
  });

  it("leaves a bare unknown --data-dir to the flag rule's own reading", async () => {
    const report = await analyze([textSource("job.log", "Error: unknown flag: --data-dir\n")]);
    expect(report.causes).toEqual([]);
  });
});

describe("a CRD's stored GA version missing from spec.versions (generic layer)", () => {
  it.each([
    // apecloud/kubeblocks#6960 (no dotted version on the line), crossplane/crossplane#5932
    `error: upgrade crds failed: CustomResourceDefinition.apiextensions.k8s.io "configconstraints.apps.kubeblocks.io" is invalid: status.storedVersions[0]: Invalid value: "v1": must appear in spec.versions`,
    `crossplane: error: cannot initialize core: cannot apply crd: cannot patch object: CustomResourceDefinition.apiextensions.k8s.io "functionrevisions.pkg.crossplane.io" is invalid: status.storedVersions[1]: Invalid value: "v1": must appear in spec.versions`,
    // The alpha form read before the change (aws/karpenter-provider-aws#7734 family)
    `error: upgrade crds failed: CustomResourceDefinition.apiextensions.k8s.io "configconstraints.apps.kubeblocks.io" is invalid: status.storedVersions[0]: Invalid value: "v1alpha1": must appear in spec.versions`,
  ])("%s", async (line) => {
    const got = await verdictOf(line);
    expect(got.id).toBe("generic-version-skew");
    expect(got.verdict).not.toBe("none");
  });

  it("does not read a CRD manifest's own spec.version mismatch (kubeflow/trainer#1056)", async () => {
    expect((await verdictOf(`* spec.version: Invalid value: "v1beta1": must match the first version in spec.versions`)).verdict).toBe("none");
  });
});

describe("terraform-manifest-api-not-valid for an API the cluster serves", () => {
  const crd = "│ Error: alerts.notification.toolkit.fluxcd.io failed to create kubernetes rest client for update of resource: resource [apiextensions.k8s.io/v1/CustomResourceDefinition] isn't valid for cluster, check the APIVersion and Kind fields are valid";
  const role = "│ Error: crd-controller-flux-system failed to create kubernetes rest client for update of resource: resource [rbac.authorization.k8s.io/v1/ClusterRole] isn't valid for cluster, check the APIVersion and Kind fields are valid";
  it("dismisses it at a cluster release that serves it, or beside a refusal of an API every release serves (kuptan/terraform-k8s-flux-bootstrap#1)", async () => {
    for (const log of [`Server Version: v1.19.7\n${crd}\n`, `${role}\n│\n${crd}\n`]) {
      const report = await analyze([textSource("job.log", log)]);
      expect([...report.causes, ...report.warnings]).toEqual([]);
    }
  });

  it("keeps a warning that names the first release serving it when nothing else is known, and for an older cluster", async () => {
    const alone = await analyze([textSource("job.log", `${crd}\n`)]);
    expect(alone.warnings[0]?.diagnosis.headline).toMatch(/from 1\.16 on/);
    const old = await analyze([textSource("job.log", `Server Version: v1.15.3\n${crd}\n`)]);
    expect(old.warnings.map((w) => w.signature.id)).toEqual(["terraform-manifest-api-not-valid"]);
  });
});

describe("kube-minor-plus-unparsed with an empty Kubernetes version", () => {
  it.each([
    // kubernetes/minikube#3253 (a --kubernetes-version without its v), vmware-tanzu/kubeapps#231 (a 1.9.0 server's empty fields)
    `E1015 10:23:32.389960   16692 start.go:254] Error updating cluster:  generating kubeadm cfg: parsing kubernetes version: parsing kubernetes version: strconv.ParseUint: parsing "": invalid syntax`,
    `ERRO[0000] can't verify Kubernetes version: strconv.Atoi: parsing "": invalid syntax`,
  ])("%s is dismissed", async (line) => {
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    expect([...report.causes, ...report.warnings]).toEqual([]);
    expect(report.dismissed.map((d) => d.signature.id)).toContain("kube-minor-plus-unparsed");
  });

  it("keeps the warning for another empty version field (aws/eks-anywhere#2373)", async () => {
    const got = await verdictOf(`Error: failed to upgrade cluster: invalid version for Cilium in current spec: invalid major version in semver : strconv.ParseUint: parsing "": invalid syntax`);
    expect(got).toMatchObject({ id: "kube-minor-plus-unparsed", verdict: "warning" });
  });
});
