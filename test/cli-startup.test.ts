import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { grouped } from "../src/report/common.js";
import { compileCatalog } from "../src/signatures/compile.js";
import { builtinHints, builtinSignatures } from "../src/signatures/builtin.js";

// A lighter start: `skewbot analyze` of a local file loads only what it needs, and reads the catalog and its
// anchor automaton from what the build precomputed instead of building them. Checked on the built CLI (npm
// test builds lib/ before vitest runs), in child processes whose module loads (ESM through a loader hook,
// CommonJS from require.cache) and function calls (V8's coverage counts, NODE_V8_COVERAGE) are recorded.

const root = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "skewbot-startup-"));
const hooks = join(dir, "hooks.mjs");
const record = join(dir, "loaded.txt");
// The hooks run on their own thread: they append to a file, synchronously, so that nothing is lost at exit.
writeFileSync(hooks, `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(record)}, url + "\\n"); return next(url, context); }\n`);
const register = join(dir, "register.mjs");
writeFileSync(
  register,
  `import { register } from "node:module"; import { appendFileSync } from "node:fs"; import { createRequire } from "node:module";\n` +
    `register(${JSON.stringify(pathToFileURL(hooks).href)});\n` +
    `const cache = createRequire(import.meta.url).cache;\n` +
    `process.on("exit", () => appendFileSync(${JSON.stringify(record)}, Object.keys(cache).map((f) => "file://" + f + "\\n").join("")));\n`,
);

interface Run {
  code: number | null;
  stdout: string;
  /** Loaded files of the product (relative to lib/) and packages (from node_modules/ on). */
  modules: string[];
  /** How often each named function of a lib/ module ran: "signatures/compile.js buildAnchorTables" → count. */
  calls: Map<string, number>;
}

function run(args: string[], lib = join(root, "lib")): Run {
  writeFileSync(record, "");
  const coverage = mkdtempSync(join(dir, "coverage-"));
  const r = spawnSync(process.execPath, ["--import", register, join(lib, "cli.js"), ...args], { encoding: "utf8", env: { ...process.env, NODE_V8_COVERAGE: coverage } });
  const modules = [
    ...new Set(
      readFileSync(record, "utf8")
        .split("\n")
        .filter((l) => l.startsWith(pathToFileURL(lib).href + "/") || l.includes("/node_modules/"))
        .map((l) => (l.includes("/node_modules/") ? l.slice(l.lastIndexOf("/node_modules/") + 1) : l.slice(pathToFileURL(lib).href.length + 1))),
    ),
  ];
  const calls = new Map<string, number>();
  for (const f of readdirSync(coverage)) {
    const { result } = JSON.parse(readFileSync(join(coverage, f), "utf8")) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] };
    for (const script of result) {
      if (!script.url.startsWith(pathToFileURL(lib).href + "/")) continue;
      const name = script.url.slice(pathToFileURL(lib).href.length + 1);
      for (const fn of script.functions) if (fn.functionName) calls.set(`${name} ${fn.functionName}`, (calls.get(`${name} ${fn.functionName}`) ?? 0) + fn.ranges[0]!.count);
    }
  }
  rmSync(coverage, { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, modules, calls };
}

const count = (r: Run, fn: string) => r.calls.get(fn) ?? 0;

/** What a local-file analysis must not load: the network, history, diagnosis, threads, custom signatures, the catalog's modules. */
function heavy(modules: string[]): string[] {
  return modules.filter(
    (m) =>
      /^(sources|history|github|publish|queue|triggers|diagnose)\//.test(m) ||
      ["parallel/pool.js", "parallel/worker.js", "app.js", "signatures/custom.js", "signatures/builtin.js", "signatures/precompute.js"].includes(m) ||
      // The matcher's WebAssembly walk comes with compile.js: its host and bytes (2 KB, compiled only for a buffer
      // of 4 KiB or more), not a catalog module.
      (m.startsWith("signatures/") && !["signatures/index.js", "signatures/compile.js", "signatures/anchor-dfa.js", "signatures/anchor-dfa-wasm.js"].includes(m)) ||
      // Packages: strip-ansi (and its ansi-regex) normalise every line; nothing else is needed for a clean log.
      (m.startsWith("node_modules/") && !/^node_modules\/(strip-ansi|ansi-regex)\//.test(m)),
  );
}

const clean = join(dir, "clean.log");
writeFileSync(clean, "all good\n");
const cause = join(dir, "cause.log");
writeFileSync(cause, 'E0206 22:52:48.682710 1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"\n');

describe("skewbot start-up", () => {
  it("loads neither sources/ nor the diagnosis, the catalog's modules, threads or unused renderers for a clean local file", () => {
    const r = run(["analyze", clean]);
    expect(r.code).toBe(0);
    expect(r.modules).toContain("cli.js");
    expect(r.modules).toContain("report/text.js");
    expect(r.modules).toContain("signatures/index.js");
    expect(heavy(r.modules)).toEqual([]);
    expect(r.modules).not.toContain("report/markdown.js");
    expect(r.modules).not.toContain("report/json.js");
  });

  it("loads the diagnosis when there is a finding, and still no sources/ and none of the catalog's modules for a local file", () => {
    const r = run(["analyze", cause, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { signature: string }) => f.signature)).toContain("k8s-compat-mincompat-out-of-range");
    expect(r.modules).toContain("diagnose/index.js");
    expect(r.modules).toContain("report/json.js");
    expect(r.modules.filter((m) => m.startsWith("sources/") || m === "signatures/builtin.js")).toEqual([]);
    expect(r.modules).not.toContain("report/text.js");
  });

  it("takes the catalog and its anchor automaton from the build instead of building them", () => {
    const r = run(["analyze", cause]);
    expect(r.code).toBe(1);
    expect(count(r, "signatures/compile.js compileCatalog")).toBe(1);
    expect(count(r, "signatures/compile.js decodeAnchorIndex")).toBe(1);
    expect(count(r, "signatures/compile.js buildAnchorTables")).toBe(0);
    expect(count(r, "signatures/compile.js containedPairs")).toBe(0);
    expect(count(r, "signatures/index.js fromModules")).toBe(0);
    // Checked by the build, not again; only the patterns of the rules the line woke are compiled.
    expect(count(r, "signatures/compile.js checkAnchors")).toBe(0);
    const all = builtinSignatures.reduce((n, s) => n + s.patterns.length, builtinHints.length);
    expect(count(r, "signatures/compile.js compilePattern")).toBeGreaterThan(0);
    expect(count(r, "signatures/compile.js compilePattern")).toBeLessThan(all / 4);
  });

  it("compiles the catalog once with --signatures, building the automaton for the new anchors", () => {
    const custom = join(dir, "custom.json");
    writeFileSync(
      custom,
      JSON.stringify([{ id: "acme-too-old", title: "Acme agent too old", family: "generic", severity: "error", anchors: ["acme agent"], patterns: ["acme agent (?<agent>{V}) is older than (?<server>{V})"], versions: ["agent", "server"] }]),
    );
    const log = join(dir, "acme.log");
    writeFileSync(log, "acme agent 1.2.0 is older than 1.4.0\n");
    const r = run(["analyze", log, "--signatures", custom, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { signature: string }) => f.signature)).toEqual(["acme-too-old"]);
    expect(count(r, "signatures/compile.js compileCatalog")).toBe(1);
    expect(count(r, "signatures/compile.js buildAnchorTables")).toBe(1);
    // Only the custom signature is checked: the built-in ones were, by the build.
    expect(count(r, "signatures/compile.js checkAnchors")).toBe(1);
  });
});

describe("what the build precomputes for a start", () => {
  it("is the catalog as written: builtin.json holds the built-in signatures and hints", () => {
    const file = JSON.parse(readFileSync(join(root, "lib/signatures/builtin.json"), "utf8")) as { from: string[]; signatures: unknown; hints: unknown };
    expect(file.signatures).toEqual(builtinSignatures);
    expect(file.hints).toEqual(builtinHints);
    // Every module the catalog comes from, so that a newer one is noticed.
    expect(file.from).toEqual(expect.arrayContaining(["./builtin.js", "./kubeadm.js", "./hints.js", "../diagnose/tables.js"]));
  });

  it("is the automaton a fresh build gives, and the catalog compiled from it is the one compiled afresh", () => {
    // In a plain node process: lib/ reads the index only with the builders that wrote it, as compiled by tsc.
    const probe = join(dir, "probe.mjs");
    writeFileSync(
      probe,
      `import { readFileSync } from "node:fs";\nimport { isDeepStrictEqual } from "node:util";\n` +
        `const { AnchorMatcher, compileCatalog, decodeAnchorIndex } = await import(${JSON.stringify(pathToFileURL(join(root, "lib/signatures/compile.js")).href)});\n` +
        `const { builtinSignatures, builtinHints } = await import(${JSON.stringify(pathToFileURL(join(root, "lib/signatures/builtin.js")).href)});\n` +
        `const stored = decodeAnchorIndex(readFileSync(${JSON.stringify(join(root, "lib/signatures/anchor-tables.bin"))}));\n` +
        `const keys = [...new Set([...builtinSignatures.flatMap((s) => s.anchors), ...builtinHints.flatMap((h) => h.anchors)])];\n` +
        `const catalog = compileCatalog(builtinSignatures, builtinHints);\n` +
        `const ids = (map) => [...map].map(([anchor, list]) => [anchor, list.map((r) => (r.signature ?? r.hint).id)]);\n` +
        `console.log(JSON.stringify({ stored: stored !== null, keys: stored?.tables.anchors, contained: stored?.contained,\n` +
        `  sameTables: stored !== null && isDeepStrictEqual(AnchorMatcher.fromTables(stored.tables).tables(), new AnchorMatcher(keys).tables()),\n` +
        `  rules: ids(catalog.rulesByAnchor), hints: ids(catalog.hintsByAnchor) }));\n`,
    );
    const r = spawnSync(process.execPath, [probe], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { stored: boolean; keys: string[]; contained: number[]; sameTables: boolean; rules: unknown; hints: unknown };
    expect(out.stored).toBe(true);
    expect(out.sameTables).toBe(true);
    const keys = [...new Set([...builtinSignatures.flatMap((s) => s.anchors), ...builtinHints.flatMap((h) => h.anchors)])];
    expect(out.keys).toEqual(keys);
    // The contained anchors, found afresh here: each (outer, inner) where one holds the other.
    const contained = keys.flatMap((outer, o) => keys.flatMap((inner, i) => (o !== i && outer.includes(inner) ? [o, i] : [])));
    expect(out.contained).toEqual(contained);
    // And what the rules are woken by, compiled from the stored index in lib/, as the sources compile it afresh.
    const fresh = compileCatalog(builtinSignatures, builtinHints);
    const ids = <T extends { signature?: { id: string }; hint?: { id: string } }>(map: Map<string, T[]>) => [...map].map(([anchor, list]) => [anchor, list.map((x) => (x.signature ?? x.hint)!.id)]);
    expect(out.rules).toEqual(ids(fresh.rulesByAnchor));
    expect(out.hints).toEqual(ids(fresh.hintsByAnchor));
  });

  it("is not used once a module it came from was compiled after it (tsc alone, without the build's precompute step)", () => {
    const copy = mkdtempSync(join(dir, "lib-"));
    cpSync(join(root, "lib"), join(copy, "lib"), { recursive: true, preserveTimestamps: true });
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    writeFileSync(join(copy, "package.json"), readFileSync(join(root, "package.json")));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(copy, "lib/signatures/kubeadm.js"), later, later);
    const r = run(["analyze", cause], join(copy, "lib"));
    expect(r.code).toBe(1);
    expect(r.modules).toContain("signatures/builtin.js");
    expect(r.modules).toContain("signatures/kubeadm.js");
    expect(count(r, "signatures/index.js fromModules")).toBe(1);
  });

  it("counts as toLocaleString does, without its locale data", () => {
    for (const n of [0, 1, 7, 12, 999, 1000, 1001, 9999, 10000, 123456, 1234567, 1e9, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, -1234, -1234567, 0.5, 1234.5678]) {
      expect(grouped(n)).toBe(n.toLocaleString("en-US"));
    }
  });
});
