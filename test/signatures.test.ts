import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { builtinHints, builtinSignatures, compileCatalog, SignatureError } from "../src/signatures/index.js";
import type { Signature } from "../src/model.js";
import { FIXTURES, listFixtures, readFixture, textSource } from "./helpers/logs.js";
import { NOTICE_SIGNATURES } from "../src/diagnose/index.js";

const catalog = compileCatalog(builtinSignatures, builtinHints);
const FAMILIES = ["compatibility", "feature-gates", "kubectl", "kubeadm", "api", "cri", "cluster-api", "helm", "kind", "managed", "distributions", "addons", "container", "generic"];

describe("built-in catalog", () => {
  it("covers every family with at least 25 signatures, the minCompatibilityVersion check first", () => {
    expect(builtinSignatures.length).toBeGreaterThanOrEqual(25);
    expect(builtinSignatures[0]!.id).toBe("k8s-compat-mincompat-out-of-range");
    expect(new Set(builtinSignatures.map((s) => s.family))).toEqual(new Set(FAMILIES));
  });

  it("has complete data for every signature", () => {
    for (const s of builtinSignatures) {
      expect(s.title, s.id).not.toBe("");
      expect(s.meaning.length, s.id).toBeGreaterThan(20);
      expect(s.fixes.length, s.id).toBeGreaterThan(0);
      expect(s.anchors.length, s.id).toBeGreaterThan(0);
      expect(s.examples?.length, s.id).toBeGreaterThan(0);
    }
  });

  it("reports kubectl's skew warning and deprecation warnings as warnings", () => {
    const warnings = builtinSignatures.filter((s) => s.severity === "warning").map((s) => s.id);
    expect(warnings).toEqual(expect.arrayContaining(["kubectl-client-server-skew", "api-deprecation-warning", "kubeadm-k8s-newer-than-kubeadm"]));
  });

  it.each(builtinSignatures.flatMap((s) => (s.examples ?? []).map((e) => [s.id, e] as const)))("in-band example of %s matches with its captures", async (id, example) => {
    const report = await analyze([textSource("example.log", `I0101 00:00:00.000000 1 x.go:1] before\n${example.line}\nafter\n`)], { catalog });
    // A notice with nothing in the log tied to it is listed with the dismissed matches.
    const found = [...report.causes, ...report.warnings, ...(NOTICE_SIGNATURES.has(id) ? report.dismissed : [])].find((t) => t.signature.id === id);
    expect(found, example.line).toBeDefined();
    for (const [name, value] of Object.entries(example.captures ?? {})) expect(found!.finding.captures[name], name).toBe(value);
  });

  it.each(builtinSignatures.flatMap((s) => (s.nearMisses ?? []).map((n) => [s.id, n] as const)))("in-band near-miss of %s does not match", async (_id, line) => {
    const report = await analyze([textSource("near.log", `${line}\n`)], { catalog });
    expect(report.causes).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});

describe("catalog validation (custom signatures have the same form)", () => {
  const base: Signature = {
    id: "custom-one",
    title: "Custom",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["something broke"],
    patterns: [String.raw`something broke at (?<version>{V})`],
    versions: ["version"],
    priority: 1,
    meaning: "m",
    causes: [],
    fixes: ["f"],
  };
  it.each([
    [{ anchors: [] }, /needs at least one anchor/],
    [{ anchors: ['say "hi"'] }, /may only hold printable ASCII/],
    [{ anchors: ["ab"] }, /too short/],
    [{ patterns: ["(unclosed"] }, /invalid pattern/],
    [{ versions: ["missing"] }, /version capture "missing"/],
    [{ id: "Bad Id" }, /id must be/],
  ])("rejects %o with a clear message", (patch, message) => {
    expect(() => compileCatalog([{ ...base, ...patch } as Signature])).toThrow(SignatureError);
    expect(() => compileCatalog([{ ...base, ...patch } as Signature])).toThrow(message);
  });

  it("rejects duplicate ids", () => {
    expect(() => compileCatalog([base, base])).toThrow(/duplicate id/);
  });

  it("scans with a custom signature like a built-in one", async () => {
    const custom = compileCatalog([...builtinSignatures, base], builtinHints);
    const report = await analyze([textSource("c.log", "x\nsomething broke at v1.2.3\n")], { catalog: custom });
    expect(report.causes[0]?.finding.captures).toEqual({ version: "v1.2.3" });
  });
});

const signatureFixtures = existsSync(join(FIXTURES, "signatures")) ? listFixtures(join(FIXTURES, "signatures")) : [];
const nearMissFixtures = existsSync(join(FIXTURES, "near-misses")) ? listFixtures(join(FIXTURES, "near-misses")) : [];

describe("fixture corpus: realistic logs", () => {
  it("has at least one positive fixture for every built-in signature and near-misses beside them", () => {
    const covered = new Set(signatureFixtures.map((p) => basename(dirname(p))));
    for (const s of builtinSignatures) expect(covered.has(s.id), s.id).toBe(true);
    expect(nearMissFixtures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(signatureFixtures.map((p) => [`${basename(dirname(p))}/${basename(p)}`, p]))("%s", async (_name, path) => {
    const fx = readFixture(path);
    const id = fx.header.get("signature")?.[0];
    expect(id, "fixture names its signature").toBeDefined();
    const report = await analyze([textSource(fx.name, fx.log, 777)], { catalog });
    const all = [...report.causes, ...report.warnings, ...(id && NOTICE_SIGNATURES.has(id) ? report.dismissed : [])];
    const found = all.filter((t) => t.signature.id === id);
    expect(found.length, `${id} in ${fx.name}: got ${all.map((t) => t.signature.id).join(", ") || "nothing"}`).toBeGreaterThan(0);
    const line = Number(fx.header.get("line")?.[0]);
    const match = found.find((t) => t.finding.line === line || (t.finding.line <= line && line <= t.finding.endLine)) ?? found[0]!;
    if (!Number.isNaN(line)) expect(line >= match.finding.line && line <= match.finding.endLine, `line ${line} vs ${match.finding.line}-${match.finding.endLine}`).toBe(true);
    const count = fx.header.get("count")?.[0];
    if (count) expect(match.finding.count).toBe(Number(count));
    for (const c of fx.header.get("capture") ?? []) {
      const eq = c.indexOf("=");
      expect(match.finding.captures[c.slice(0, eq).trim()], c).toBe(c.slice(eq + 1).trim());
    }
    // Severity follows the catalog: warnings never become causes on their own.
    const sig = builtinSignatures.find((s) => s.id === id)!;
    if (sig.severity === "warning") expect(report.causes.filter((t) => t.signature.id === id)).toEqual([]);
  });

  it.each(nearMissFixtures.map((p) => [basename(p), p]))("near-miss %s is not reported as a cause", async (_name, path) => {
    const fx = readFixture(path);
    const report = await analyze([textSource(fx.name, fx.log)], { catalog });
    expect(report.causes.map((t) => `${t.signature.id}: ${t.finding.text}`)).toEqual([]);
  });
});
