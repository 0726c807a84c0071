import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the eleventh tuning session's generic rules (src/signatures/generic16.ts, src/diagnose/area-generic16.ts).
// Real lines: test/fixtures/real-world/lines-16generic.jsonl and the threads named beside each case.

describe("an OCI runtime older than the runtime-spec the engine wrote", () => {
  it.each([
    // hiero-ledger/solo#5536: podman 5.8.4 running the runner image's /usr/bin/crun 1.14
    ["Command Output: Error: OCI runtime error: crun: unknown version specified", "cause", { runtime: "crun", wrapper: "OCI runtime error" }],
    // containers/container-selinux#299: bats output, its "# " prefix is not a comment
    ["# [09:29:48.349541118] Error: OCI runtime error: crun: unknown version specified", "cause", { runtime: "crun" }],
    // CRI-O's wrapper, the runtime not named (cri-o/cri-o#7998's shape)
    ["Warning  Failed  12s  kubelet  Error: container create failed: unknown version specified", "cause", { wrapper: "container create failed" }],
    // containerd/runwasi#78: youki's libcontainer
    ["Apr 06 18:01:45 nuque containerd[528]: [ERROR] because: runtime spec has incompatible version '1.1.0-rc.1'. Only 1.0.X is supported", "cause", { spec: "1.1.0-rc.1", supported: "1.0.X" }],
    // OpenWrt ujail's and runq's wordings (procd jail/jail.c; gotoz/runq)
    ["user.err : jail: unsupported ociVersion 1.3.0", "cause", { spec: "1.3.0" }],
    ["OCI runtime create failed: runc create failed: unsupported spec (1.2.0), need 1.0.x: unknown.", "cause", { spec: "1.2.0", supported: "1.0.x" }],
    // the same words from other programs, and the runtime's own source
    ["Unknown version specified for upgrade 4.2.0", "none", {}],
    ["raise ValueError(\"unknown version specified for README generation\")", "none", {}],
    ['    return crun_make_error (err, 0, "unknown version specified");', "none", {}],
    ['            tracing::error!("runtime spec has incompatible version \'{}\'. Only 1.X.Y is supported", spec.version());', "none", {}],
    // containers/crun#926: the runtime's binary missing, not its spec
    ["docker: Error response from daemon: failed to create shim: OCI runtime create failed: unable to retrieve OCI runtime error (open /run/x/log.json: no such file or directory): fork/exec /usr/local/bin/crun: no such file or directory: unknown.", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("oci-runtime-spec-version-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names crun's fixed release where the line names no version", async () => {
    const report = await analyze([textSource("job.log", "Error: OCI runtime error: crun: unknown version specified\n")]);
    const [cause] = report.causes;
    expect(cause?.signature.id).toBe("oci-runtime-spec-version-unsupported");
    expect(cause?.diagnosis.headline).toContain("1.14.3");
    expect(cause?.diagnosis.versions.map((v) => [v.name, v.version])).toContainEqual(["crunFixed", "1.14.3"]);
  });
});

describe("a Python kubernetes client without an API class the code uses", () => {
  it.each([
    // yogeshkk/K8sPurger#17, devopsspiral/KubeLibrary#117: removed with their API versions (Kubernetes 1.22, 1.25)
    ["RuntimeError: module 'kubernetes.client' has no attribute 'ExtensionsV1beta1Api'", "cause", "1.22"],
    ["ImportError: cannot import name 'PolicyV1beta1Api' from 'kubernetes.client' (/usr/lib/python3/dist-packages/kubernetes/client/__init__.py)", "cause", "1.25"],
    // Python 2's wording (cloudnativelabs/kube-shell#54)
    ["AttributeError: 'module' object has no attribute 'RbacAuthorizationV1beta1Api'", "cause", "1.22"],
    // unikubehq/cli#299: dropped in 22.x, back from 31.x for new kinds
    ["AttributeError: module 'kubernetes.client' has no attribute 'NetworkingV1beta1Api'", "cause", "22.x–30.x"],
    // a class newer than the installed client (events.k8s.io/v1, client 19.x); user-cont/conu#240: a stale install
    ["AttributeError: module 'kubernetes.client' has no attribute 'EventsV1Api'", "warning", "19.x"],
    // kubernetes_asyncio follows the same releases (tomplus/kubernetes_asyncio#305: policy_v1beta1 last in 24.x)
    ["AttributeError: module 'kubernetes_asyncio.client' has no attribute 'PolicyV1beta1Api'", "cause", "1.25"],
    ["AttributeError: module 'kubernetes.client' has no attribute 'AppsV1Api'", "warning", "5.x"],
    // methods of a class that only some releases have (kubernetes-client/python#1632 #1545, EDITD/kubetools#129)
    ["AttributeError: 'NetworkingV1Api' object has no attribute 'create_namespaced_ingress'", "cause", "19.x"],
    ["AttributeError: 'NetworkingV1Api' object has no attribute 'create_ingress'", "cause", "create_namespaced_ingress"],
    ["AttributeError: 'BatchV1Api' object has no attribute 'list_namespaced_cron_job'", "cause", "21.x"],
    // a method of another class, a misuse (kubernetes-client/python#1800)
    ["AttributeError: 'CoreV1Api' object has no attribute 'list_namespaced_deployment'", "none", ""],
    ["AttributeError: 'CoreV1Api' object has no attribute 'client_side_validation'", "none", ""],
    // no release ever had these: a typo, a helper
    ["AttributeError: module 'kubernetes.client' has no attribute 'CoreV2Api'", "none", ""],
    ["AttributeError: module 'kubernetes.client' has no attribute 'select_header_accept'", "none", ""],
    ["    k8s_api = client.BatchV1beta1Api()", "none", ""],
  ] as const)("%s → %s", async (line, want, named) => {
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    const found = want === "cause" ? report.causes[0] : want === "warning" ? report.warnings[0] : undefined;
    if (want === "none") {
      expect([...report.causes, ...report.warnings]).toEqual([]);
      return;
    }
    expect(found?.signature.id).toBe("python-client-api-class-missing");
    expect(found?.diagnosis.headline).toContain(named);
    if (want === "cause") expect(report.warnings.map((w) => w.signature.id)).not.toContain("python-client-api-class-missing");
  });
});
