import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { classifyVersion, findVersionTokens, sameVersion } from "../src/kube/versions.js";
import { emptyScore, scoreLine, versionNamed } from "../src/eval/accuracy.js";
import type { Report } from "../src/model.js";
import { main } from "../src/cli.js";

const dir = mkdtempSync(join(tmpdir(), "skewbot-typed-"));
const schema = JSON.parse(readFileSync(new URL("../docs/report.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

async function analyzeJson(name: string, text: string, extra: string[] = []) {
  const path = join(dir, name);
  writeFileSync(path, text);
  let stdout = "";
  let stderr = "";
  const code = await main(["analyze", path, "--format", "json", ...extra], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: (async function* () {})() });
  expect(stderr).toBe("");
  const json = JSON.parse(stdout);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  return { code, json };
}

describe("typed versions", () => {
  it.each([
    ["v1.31.2", { kind: "kubernetes", major: 1, minor: 31, patch: 2 }],
    ["1.28.x", { kind: "kubernetes", major: 1, minor: 28, prerelease: [], build: [] }],
    ["v1.33.0-alpha.0.1+0e1abc4d18e353", { kind: "kubernetes", major: 1, minor: 33, patch: 0, prerelease: ["alpha", "0", "1"], build: ["0e1abc4d18e353"] }],
    ["1.31", { kind: "kubernetes", major: 1, minor: 31 }],
    ["28", { kind: "minor", major: 1, minor: 28 }],
    ["kubeadm.k8s.io/v1beta2", { kind: "api-version", group: "kubeadm.k8s.io", apiVersion: "v1beta2" }],
    ["client.authentication.k8s.io/v1alpha1", { kind: "api-version", group: "client.authentication.k8s.io", apiVersion: "v1alpha1" }],
    ["apps/v1", { kind: "api-version", group: "apps", apiVersion: "v1" }],
    ["runtime.v1alpha2", { kind: "cri-api", apiVersion: "v1alpha2" }],
    ["runtime.v1.RuntimeService", { kind: "cri-api", apiVersion: "v1" }],
    ["v1beta1", { kind: "contract", apiVersion: "v1beta1" }],
    ['"v1beta2",', { kind: "contract", raw: "v1beta2" }],
  ])("types %s by its shape", (token, expected) => {
    expect(classifyVersion(token)).toMatchObject(expected);
  });

  // Dotted quads are addresses (a Service IP, a node), or four-part releases of other products (OpenShift 3.3.1.3): neither
  // is a Kubernetes release, whole or by its first three parts.
  it.each(["10.96.0.10", "192.168.1.1", "10.96.0.10:53", "10.96.0.0/12", "3.3.1.3", "v3.4.1.7"])("does not type the four-part %s as a version", (token) => {
    expect(classifyVersion(token)).toBeUndefined();
    expect(classifyVersion(token, "kubernetes")).toBeUndefined();
    expect(findVersionTokens(`nameserver ${token} answered`)).toEqual([]);
  });

  it.each([
    ["dial udp 10.96.0.10:53: i/o timeout", []],
    ["server 192.168.1.1 runs v1.28.3", [["v1.28.3", "kubernetes"]]],
    ["node 172.18.0.2 (kubelet v1.29.1) joined 10.0.0.1/24", [["v1.29.1", "kubernetes"]]],
    ["chart requires kubeVersion <= 1.27.x, cluster is v1.28.0", [["1.27.x", "kubernetes"], ["v1.28.0", "kubernetes"]]],
  ] as const)("finds only release tokens beside addresses in %s", (text, expected) => {
    expect(findVersionTokens(text).map((t) => [t.raw, t.kind])).toEqual(expected);
  });

  // A wildcard patch names a minor line: Kubernetes 1.28, no patch. A wildcard minor names no minor at all.
  it.each([
    ["1.28.x", { kind: "kubernetes", major: 1, minor: 28 }],
    ["v1.28.x", { kind: "kubernetes", major: 1, minor: 28 }],
    ["1.28.X", { kind: "kubernetes", major: 1, minor: 28 }],
    ["1.27.x.", { kind: "kubernetes", raw: "1.27.x", major: 1, minor: 27 }],
  ])("types %s as its minor, without a patch", (token, expected) => {
    const typed = classifyVersion(token);
    expect(typed).toMatchObject(expected);
    expect(typed?.patch).toBeUndefined();
    expect(classifyVersion(token, "minor")).toMatchObject({ ...expected, kind: "minor" });
    expect(sameVersion(token, `${expected.major}.${expected.minor}`)).toBe(true);
  });

  it.each(["1.x", "v1.x", "1.X"])("leaves %s, a whole major, untyped", (token) => {
    expect(classifyVersion(token)).toBeUndefined();
    expect(classifyVersion(token, "minor")).toBeUndefined();
    expect(findVersionTokens(`works with Kubernetes ${token} clusters`)).toEqual([]);
  });

  it("lets the signature say what a shape cannot", () => {
    expect(classifyVersion("1.41", "docker-api")).toMatchObject({ kind: "docker-api", major: 1, minor: 41 });
    expect(classifyVersion("v1.7.4", { kind: "component", component: "talos" })).toMatchObject({ kind: "component", component: "talos", minor: 7, patch: 4 });
    expect(classifyVersion("v1", "api-version")).toMatchObject({ kind: "api-version", group: "", apiVersion: "v1" });
    // A hint that does not fit the shape is ignored: an API group/version stays one.
    expect(classifyVersion("apps/v1", "docker-api")).toMatchObject({ kind: "api-version" });
  });

  it("leaves out what is not one version", () => {
    for (const s of ["", "v1beta1, v1beta2", ">= 1.27.0-0", "abc", "10.0.0.1/24"]) expect(classifyVersion(s)).toBeUndefined();
  });

  it("finds every version-like token in running text, boundedly", () => {
    const found = findVersionTokens('kubectl v1.34.1 cannot talk to kube-apiserver 1.31 through client.authentication.k8s.io/v1alpha1 and runtime.v1alpha2 (contract v1beta1)');
    expect(found.map((t) => [t.raw, t.kind])).toEqual([
      ["v1.34.1", "kubernetes"],
      ["1.31", "kubernetes"],
      ["client.authentication.k8s.io/v1alpha1", "api-version"],
      ["runtime.v1alpha2", "cri-api"],
      ["v1beta1", "contract"],
    ]);
    expect(findVersionTokens(Array.from({ length: 500 }, (_, i) => `v1.${i}.0`).join(" "))).toHaveLength(16);
  });

  it("carries each version typed in the JSON output, as the signature declares it", async () => {
    const custom = join(dir, "docker.json");
    writeFileSync(
      custom,
      JSON.stringify([
        {
          id: "custom-docker-api-too-new",
          title: "Docker client newer than the daemon",
          family: "cri",
          severity: "error",
          anchors: ["client version"],
          patterns: [String.raw`client\s+version\s+(?<client>\d+\.\d+)\s+is\s+too\s+new\.\s+Maximum\s+supported\s+API\s+version\s+is\s+(?<daemon>\d+\.\d+)`],
          versions: ["client", "daemon"],
          versionKinds: { client: "docker-api", daemon: "docker-api" },
          // Above the built-in docker-api-version-too-new, which matches the same text.
          priority: 99,
        },
      ]),
    );
    const { json } = await analyzeJson(
      "mixed.log",
      'W0512 10:00:00.000000 1 strict.go:55] no kind "ClusterConfiguration" is registered for version "kubeadm.k8s.io/v1beta2" in scheme "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/scheme/scheme.go:31"\n' +
        "Error response from daemon: client version 1.52 is too new. Maximum supported API version is 1.43\n",
      ["--signatures", custom],
    );
    const all = [...json.findings, ...json.dismissed];
    const docker = all.find((f: { signature: string }) => f.signature === "custom-docker-api-too-new");
    expect(docker.typedVersions).toEqual({
      client: { raw: "1.52", kind: "docker-api", major: 1, minor: 52, prerelease: [], build: [] },
      daemon: { raw: "1.43", kind: "docker-api", major: 1, minor: 43, prerelease: [], build: [] },
    });
    expect(docker.versionRoles.find((r: { name: string }) => r.name === "daemon").typed).toMatchObject({ kind: "docker-api", raw: "1.43" });
    const scheme = all.find((f: { signature: string }) => f.signature === "k8s-scheme-kind-not-registered");
    expect(scheme.typedVersions.apiVersion).toMatchObject({ kind: "api-version", group: "kubeadm.k8s.io", apiVersion: "v1beta2" });
  });

  it("fills a version the failing line lacks from the nearest banner", async () => {
    const { json } = await analyzeJson(
      "upgrade.log",
      [
        "[upgrade/versions] kubeadm version: v1.20.0", // an earlier run in the same log
        ...Array.from({ length: 30 }, (_, i) => `step ${i}`),
        "[upgrade/versions] Cluster version: v1.33.2",
        "[upgrade/versions] kubeadm version: v1.33.1",
        "[upgrade/versions] Target version: v1.34.0",
        '[ERROR KubeadmVersion]: Specified version to upgrade to "v1.34.0" is at least one minor release higher than the kubeadm minor release (34 > 33). Such an upgrade is not supported',
      ].join("\n") + "\n",
    );
    const f = json.findings.find((x: { signature: string }) => x.signature === "kubeadm-upgrade-kubeadm-too-old");
    const kubeadm = f.versionRoles.find((r: { name: string }) => r.name === "kubeadm");
    expect(kubeadm).toMatchObject({ version: "v1.33.1", source: "upgrade.log:33", typed: { kind: "kubernetes", minor: 33, patch: 1 } });
    expect(f.versions.kubeadm).toBe("v1.33.1");
    expect(f.skew).toMatchObject({ minors: 1, supported: false });
  });

  it("compares versions by type: a CRI API bare, as runtime.vN or as its service is one version", () => {
    expect(sameVersion("runtime.v1", "v1")).toBe(true);
    expect(sameVersion("v1alpha2", "runtime.v1alpha2.RuntimeService")).toBe(true);
    expect(sameVersion('"runtime.v1",', "runtime.v1.ImageService")).toBe(true);
    expect(sameVersion("v1.28.3", "1.28.3")).toBe(true);
    // Not the same: another CRI API, an API group/version, a bare minor, another build.
    expect(sameVersion("runtime.v1", "v1alpha2")).toBe(false);
    expect(sameVersion("runtime.v1", "apps/v1")).toBe(false);
    expect(sameVersion("28", "1.28")).toBe(false);
    expect(sameVersion("1.28.3", "1.28.3-gke.100")).toBe(false);
  });

  it("scores a collector's runtime.v1 against a diagnosis that names the CRI API v1, typed cri-api", () => {
    const criApi = { name: "criApi", version: "v1", role: "CRI API", source: "line", typed: { raw: "v1", kind: "cri-api" as const, apiVersion: "v1" } };
    const report = {
      causes: [{ signature: { id: "cri-api-unimplemented" }, diagnosis: { versions: [criApi] } }],
      warnings: [],
      dismissed: [],
    } as unknown as Report;
    const score = emptyScore("cri");
    scoreLine(score, { expect: "cri-api-unimplemented", line: "…", versions: ["runtime.v1"], kinds: ["cri-api"], where: "t:1" }, report, new Map());
    expect(score).toMatchObject({ recognised: 1, versions: 1, versionsRight: 1, kinds: 1, kindsRight: 1 });
    expect(versionNamed("runtime.v1", [criApi])).toBe(true);
    expect(versionNamed("runtime.v1alpha2", [criApi])).toBe(false);
  });
});
