import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the rules from the fresh-13 tuning set (src/signatures/f13.ts): installer version asserts, fabric8
// clients older than the cluster's /version, and JupyterHub images out of step with the Hub; their look-alikes
// (the assert's source, the Ansible version check, a passing version check) must stay out.
describe("fresh-13 rules", () => {
  it.each([
    // Kubespray/kubean minimum (kubernetes-sigs/kubespray#6191, kubean-io/kubean#954) and ks-installer's cap (kubesphere#2922)
    [`    "assertion": "kube_version is version(kube_version_min_required, '>=')",`, "ansible-kube-version-assert-failed", "cause"],
    [`fatal: [localhost]: FAILED! => {"assertion": "kubernetes_version.stdout is version('v1.19.0', '<')", "changed": false}`, "ansible-kube-version-assert-failed", "cause"],
    [`    "assertion": "ansible_version.string is version(maximal_ansible_version, \\"<\\")",`, undefined, "none"],
    ["    that: kube_version is version(kube_version_min_required, '<')", undefined, "none"],
    // fabric8 before the 1.33 /version fields (fabric8io/kubernetes-client#7037, strimzi#11456, dinky#4533)
    [`Caused by: com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field "emulationMajor" (class io.fabric8.kubernetes.client.VersionInfo), not marked as ignorable`, "fabric8-versioninfo-unknown-field", "cause"],
    ["2025-05-21 04:12:43 ERROR PlatformFeaturesAvailability:138 - Detection of Kubernetes version failed.", "fabric8-versioninfo-unknown-field", "warning"],
    // JupyterHub's Hub/single-user check (jupyterhub#709, #1367; zero-to-jupyterhub-k8s#1521)
    ["Redirect loop detected. Notebook has jupyterhub version 1.0.1dev, but the Hub expects 1.0.0.", "jupyterhub-singleuser-version-mismatch", "cause"],
    ["[D 2018-08-10 12:57:51.607 JupyterHub _version:53] jupyterhub and jupyterhub-singleuser both on version 0.9.1", undefined, "none"],
    // Operator flags a chart passes to an image of another release (spark-operator#1392, #1274; OLM#2872)
    ["flag provided but not defined: -webhook-timeout", "operator-flag-chart-newer-than-image", "cause"],
    ["Error: unknown flag: --set-workload-user-id", "operator-flag-chart-newer-than-image", "cause"],
    ["+ exec /sbin/tini -s -- /usr/bin/spark-operator -v=2 -enable-batch-scheduler=false -enable-metrics=true", undefined, "none"],
    ["flag provided but not defined: -webhook-timeout-seconds", undefined, "none"],
    // Scaffold-wide flags name no project: only likely skew (cloudnative-pg/charts#28, watermarkpodautoscaler#97)
    ["Error: unknown flag: --enable-leader-election", "operator-flag-chart-newer-than-image", "warning"],
    // fabric8's location line under the exception (strimzi#11456)
    [` at [Source: (BufferedInputStream); line: 4, column: 22] (through reference chain: io.fabric8.kubernetes.client.VersionInfo["emulationMajor"])`, "fabric8-versioninfo-unknown-field", "cause"],
    // kk without a checksum for the requested release (kubesphere/kubekey#116, #1768, #2079)
    ["No SHA256 found for v1.17.7. v1.17.7 is not supported.", "kubekey-version-checksum-missing", "cause"],
    ["downloading arm64 kubeadm 1.24.0 ...", undefined, "none"],
    // Helm 3 dropping Helm 2's crd-install hook: only likely skew (gatekeeper#846, helm/charts#21690)
    [`manifest_sorter.go:192: info: skipping unknown hook: "crd-install"`, "helm3-crd-install-hook-skipped", "warning"],
    [`    "helm.sh/hook": crd-install`, undefined, "none"],
    // OLM's requirement message cut after "> server" (widened in addons.ts; operator-lifecycle-manager#2000)
    ["version requirement not met: minKubeVersion (1.13.0) > server", "operator-kubernetes-minimum-not-met", "cause"],
    // postgres-operator before 1.9 on Kubernetes 1.25 (zalando/postgres-operator#1999, #2008, #2098); an existing PDB is not
    [` \`\`\`could not create cluster: could not create pod disruption budget: the server could not find the requested resource" cluster-name=default/c-cluster pkg=controller worker=0\`\`\``, "postgres-operator-pdb-api-removed", "cause"],
    [`level=error msg="could not create cluster: could not create pod disruption budget: poddisruptionbudgets.policy \\"pg-pdb\\" already exists"`, undefined, "none"],
  ] as const)("%s", async (line, id, verdict) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(verdict);
    if (id) expect(got.id).toBe(id);
  });

  it("reads the bound and the operator of a literal assert", async () => {
    const got = await verdictOf(`    "assertion": "kubernetes_version.stdout is version('v1.19.0', '<')",`);
    expect(got.captures).toMatchObject({ variable: "kubernetes_version.stdout", bound: "v1.19.0", op: "<" });
  });
});
