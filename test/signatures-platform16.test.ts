import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the platform rules of the eleventh tuning session (src/signatures/platform16.ts, src/diagnose/area-platform16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16platform.jsonl).

describe("AKS not offering a version in the region is a warning, not a skew cause", () => {
  it.each([
    // Azure/application-gateway-kubernetes-ingress#696, microsoft/bedrock#687 (retired pins), microsoft/bedrock#737 (stale .terraform)
    [String.raw`  "message": "Version 1.12.7 is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list"`, "warning", { requested: "1.12.7" }],
    ["        Error Code: AgentPoolK8sVersionNotSupported", "warning", {}],
    // Azure/terraform-azurerm-aks#33: the API's "inthis region"
    [String.raw`Error: Error creating Managed Kubernetes Cluster "yes-aks" (Resource Group "yes-resources"): containerservice.ManagedClustersClient#CreateOrUpdate: Failure sending request: StatusCode=400 -- Original Error: Code="AgentPoolK8sVersionNotSupported" Message="Version 1.14.5 is not supported inthis region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list"`, "warning", { requested: "1.14.5" }],
    // GKE's and EKS's refusals keep their verdicts
    [`ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=Master version "1.16.8-gke.15" is unsupported.`, "cause", { requested: "1.16.8-gke.15" }],
    ["Error creating cluster: InvalidParameterException: unsupported Kubernetes version 1.14 status code: 400, request id: 61f78abe-4443-4f13-b02b-14c2607f4c97", "cause", { requested: "1.14" }],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    expect(got.id).toBe("managed-version-unsupported");
    expect(got.captures).toMatchObject(captures);
  });

  it("names the honest causes and the region's version list", async () => {
    const line = "Operation failed with status: 'Bad Request'. Details: Version 1.16.9 is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list";
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    expect(report.causes).toEqual([]);
    const [warning] = report.warnings;
    expect(warning?.diagnosis.headline).toContain("AKS does not offer Kubernetes 1.16.9 in this region");
    expect(warning?.diagnosis.fixes.join("\n")).toContain("az aks get-versions --location <region>");
    expect(warning?.diagnosis.causes.join("\n")).toContain("stale module or state");
  });
});

describe("kind failing kubeadm init in a node", () => {
  it.each([
    // liqotech/liqo#2553, kubernetes-sigs/kind#3581, helm/kind-action#60: node images of another kind release
    [String.raw`ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged rome-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1`, "warning", { node: "rome-control-plane", provider: "docker" }],
    [String.raw`ERROR: failed to create cluster: failed to init node with kubeadm: command "podman exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1`, "warning", { provider: "podman" }],
    // kubeadm's own message, and kind's progress line
    ["couldn't initialize a Kubernetes cluster", "none", {}],
    [" ✗ Starting control-plane 🕹️", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("kind-node-kubeadm-init-failed");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the node image from kind's progress line and flags images older than current kind releases build", async () => {
    const log = [
      " ✓ Ensuring node image (kindest/node:v1.16.4) 🖼",
      String.raw`ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1`,
    ].join("\n");
    const report = await analyze([textSource("job.log", `${log}\n`)]);
    expect(report.causes).toEqual([]);
    const [warning] = report.warnings;
    expect(warning?.signature.id).toBe("kind-node-kubeadm-init-failed");
    expect(warning?.diagnosis.headline).toContain("kindest/node v1.16.4: an image older than any kind v0.20");
    expect(warning?.diagnosis.versions.find((v) => v.name === "nodeImage")?.version).toBe("v1.16.4");
    const recent = await analyze([textSource("job.log", log.replace("v1.16.4", "v1.31.2") + "\n")]);
    expect(recent.warnings[0]?.diagnosis.headline).toContain("check that this image was built for the kind binary in use");
  });
});

describe("RKE refusing a node's Docker outside its supported list", () => {
  it.each([
    // rancher-archives/rke#2378, #1130; rancher/rancher#12329 (Rancher's provisioning log)
    ["FATA[0000] Unsupported Docker version found [20.10.0] on host [192.168.1.67], supported versions are [1.13.x 17.03.x 17.06.x 17.09.x 18.06.x 18.09.x 19.03.x]", "cause", { docker: "20.10.0", host: "192.168.1.67", oldest: "1.13.x", newest: "19.03.x" }],
    ["FATA[0004] Unsupported Docker version found [18.09.2], supported versions are [1.11.x 1.12.x 1.13.x 17.03.x 17.06.x 17.09.x 18.06.x]", "cause", { docker: "18.09.2", newest: "18.06.x" }],
    ["2018/03/28 12:45:53 [ERROR] cluster [cluster-2dwff] provisioning: Unsupported Docker version found [17.12.1-ce], supported versions are [1.12.6 1.13.1 17.03.2]", "cause", { docker: "17.12.1-ce", newest: "17.03.2" }],
    // rke#149: ignore_docker_version set, RKE warns and goes on
    ["WARN[0001] Unsupported Docker version found [17.09.0-ce], supported versions are [1.12.6 1.13.1 17.03.2] ", "none", {}],
    // NetApp/ez-rancher#114: relayed without the list
    [String.raw`time="2020-12-23T16:13:48Z" level=warning msg="[state] can't fetch legacy cluster state from Kubernetes: Unsupported Docker version found [20.10.1] on host [192.168.0.70]`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("rke-docker-version-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side is too new and types the versions as Docker Engine releases", async () => {
    const report = await analyze([textSource("rke.log", "2018/03/28 12:45:53 [ERROR] cluster [cluster-2dwff] provisioning: Unsupported Docker version found [17.12.1-ce], supported versions are [1.12.6 1.13.1 17.03.2]\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("Docker 17.12.1-ce is newer than any Docker release this RKE supports (newest 17.03.2)");
    expect(cause?.diagnosis.versions.find((v) => v.name === "docker")?.typed).toMatchObject({ kind: "component", major: 17, minor: 12 });
    // constructed: an engine older than the list
    const old = await analyze([textSource("rke.log", "FATA[0000] Unsupported Docker version found [1.10.3], supported versions are [1.11.x 1.12.x 1.13.x 17.03.x]\n")]);
    expect(old.causes[0]?.diagnosis.headline).toContain("older than the oldest Docker this RKE supports (1.11.x)");
  });
});

describe("minikube's node image built for another minikube release", () => {
  it.each([
    // kubernetes/minikube#16225, #20829, #23713
    ["! Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: v1.29.0 -> Actual minikube version: v1.30.0", "warning", { image: "v1.29.0", minikube: "v1.30.0" }],
    ["❗ Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: v1.35.0 -> Actual minikube version: v1.36.0", "warning", { image: "v1.35.0", minikube: "v1.36.0" }],
    // the release note of the fix, and minikube's source
    ["* Docker driver: Fix incorrectly stating `Image was not built for the current minikube` [#16226](https://github.com/kubernetes/minikube/pull/16226)", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("minikube-base-image-other-release");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("tells a restarted profile of an older minikube from a release that reused its predecessor's image", async () => {
    // a course's notes (minikube v1.32.0 restarting a VirtualBox profile of v1.30.1)
    const line = "❗  Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: v1.30.1 -> Actual minikube version: v1.32.0";
    const restarted = await analyze([textSource("start.log", `✨  Using the virtualbox driver based on existing profile\n🔄  Restarting existing virtualbox VM for "minikube" ...\n${line}\n`)]);
    expect(restarted.causes).toEqual([]);
    expect(restarted.warnings[0]?.diagnosis.headline).toContain("created by minikube v1.30.1 and is now run by v1.32.0");
    const reused = await analyze([textSource("start.log", "! Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: v1.29.0 -> Actual minikube version: v1.30.0\n")]);
    expect(reused.warnings[0]?.diagnosis.headline).toContain("harmless on a fresh cluster");
    expect(reused.warnings[0]?.diagnosis.versions.find((v) => v.name === "minikube")?.typed).toMatchObject({ kind: "component", major: 1, minor: 30 });
  });
});

describe("Kubespray refusing the Ansible that runs it", () => {
  it.each([
    // kubernetes-sigs/kubespray#12571 (too new), #10259 (too old), alicek106/aws-terraform-kubernetes#4 (no "you have")
    [String.raw`    "msg": "Ansible must be between 2.16.4 and 2.17.0 exclusive - you have 2.17.14"`, "cause", { minimum: "2.16.4", maximum: "2.17.0", ansible: "2.17.14" }],
    [String.raw`    "msg": "Ansible must be between 2.14.0 and 2.16.0 exclusive - you have 2.12.10"`, "cause", { ansible: "2.12.10" }],
    [String.raw`"msg": "Ansible must be between 2.9.0 and 2.12.0"`, "cause", { minimum: "2.9.0", maximum: "2.12.0" }],
    // the playbook's template, and the task name
    [String.raw`        msg: "Ansible must be between {{ minimal_ansible_version }} and {{ maximal_ansible_version }} exclusive - you have {{ ansible_version.string }}"`, "none", {}],
    ["TASK [Check 2.16.4 <= Ansible version < 2.17.0] *************************************************************************************************************************", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("kubespray-ansible-version-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side of the range the installed ansible-core is on", async () => {
    const newer = await analyze([textSource("a.log", `    "msg": "Ansible must be between 2.16.4 and 2.17.0 exclusive - you have 2.17.14"\n`)]);
    expect(newer.causes[0]?.diagnosis.headline).toContain("ansible-core 2.17.14 is newer than this Kubespray release supports");
    expect(newer.causes[0]?.diagnosis.versions.find((v) => v.name === "ansible")?.typed).toMatchObject({ kind: "component", major: 2, minor: 17 });
    const older = await analyze([textSource("a.log", `    "msg": "Ansible must be between 2.14.0 and 2.16.0 exclusive - you have 2.12.10"\n`)]);
    expect(older.causes[0]?.diagnosis.headline).toContain("ansible-core 2.12.10 is older than this Kubespray release needs");
  });
});

describe("AKS versions offered only as Long-Term Support", () => {
  it("says the version left standard support and names the LTS tier (apecloud/kubeblocks#10136)", async () => {
    const line = String.raw`│   "message": "Managed cluster *** is on version 1.32.11, which is only available for Long-Term Support (LTS). If you intend to onboard to LTS, please ensure the cluster is in Premium tier and LTS support plan (see https://aka.ms/aks/enable-lts).`;
    const report = await analyze([textSource("tf.log", `${line}\n`)]);
    expect(report.causes).toEqual([]);
    expect(report.warnings[0]?.signature.id).toBe("managed-version-unsupported");
    expect(report.warnings[0]?.diagnosis.headline).toContain("offered only as Long-Term Support");
    expect(report.warnings[0]?.diagnosis.fixes[0]).toContain("--k8s-support-plan AKSLongTermSupport");
  });
});
