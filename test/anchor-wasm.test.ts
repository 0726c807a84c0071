import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnchorMatcher } from "../src/signatures/compile.js";
import { WASM_MAX_BYTES, WASM_MIN_BYTES } from "../src/signatures/anchor-dfa.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";
import { analyze } from "../src/pipeline.js";

// The WebAssembly walk (src/signatures/anchor-dfa.wat) must find exactly what the JavaScript walk finds, which
// test/anchors.test.ts holds to a regex of all anchors. The JavaScript walk is the reference here.

const ROOT = new URL("..", import.meta.url).pathname;
const catalogAnchors = [...new Set([...builtinSignatures.flatMap((s) => s.anchors), ...builtinHints.flatMap((h) => h.anchors)])];

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** Text of `size` bytes built from anchor fragments, and whole anchors placed across each quarter's start. */
function anchorText(anchors: readonly string[], size: number, rand: () => number): Buffer {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const a = anchors[Math.floor(rand() * anchors.length)]!;
    const piece = (rand() < 0.3 ? a : a.slice(0, Math.floor(rand() * a.length))) + (rand() < 0.5 ? "\n" : " x ");
    parts.push(piece);
    length += piece.length;
  }
  const bytes = Buffer.from(parts.join("").slice(0, size), "latin1");
  const quarter = bytes.length >> 2;
  for (let q = 1; q < 4; q++) {
    const a = anchors[Math.floor(rand() * anchors.length)]!;
    // Straddle the quarter's first byte: the walk that starts there must have warmed up into the right state.
    const at = Math.max(0, q * quarter - Math.floor(rand() * a.length));
    bytes.write(a, at, "latin1");
  }
  return bytes;
}

function logsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? logsUnder(path) : name.endsWith(".log") ? [path] : [];
  });
}

describe("anchor automaton in WebAssembly", () => {
  it("is the assembly of the committed .wat (scripts/build-wasm.mjs --check)", () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, "scripts/build-wasm.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });

  // The smallest of these budgets that still enters 6 bytes of each anchor: a cut table, but one whose output
  // rarely overflows (at 1 to 4 bytes nearly every letter accepts, and the walk falls back to JavaScript).
  const cutBudget = [60_000, 120_000, 250_000, 500_000, 1_000_000].find((b) => new AnchorMatcher(catalogAnchors, b).tables().depth >= 6);
  for (const [name, budget] of [["with the full table", undefined], ["with a table cut to a small budget (prefixes, then direct checks)", cutBudget]] as const) {
    it(`finds what the JavaScript walk finds, ${name}, at every size around the thresholds`, () => {
      if (name !== "with the full table") expect(budget).toBeDefined();
      const rand = random(11);
      const wasm = new AnchorMatcher(catalogAnchors, budget);
      const js = new AnchorMatcher(catalogAnchors, budget, { wasm: false });
      const sizes = [WASM_MIN_BYTES - 1, WASM_MIN_BYTES, WASM_MIN_BYTES + 1, WASM_MIN_BYTES + 2, WASM_MIN_BYTES + 3, 65_536, 100_003, 1_000_001];
      // A cut table checks most matches byte by byte: fewer and smaller buffers keep it quick.
      for (const size of budget ? sizes.slice(0, -1) : sizes) {
        for (let round = 0; round < (budget ? 2 : 4); round++) {
          const bytes = anchorText(catalogAnchors, size, rand);
          expect(wasm.find(bytes), `size ${size}, round ${round}`).toEqual(js.find(bytes));
        }
      }
      // A cut table accepts often (prefixes of 4 bytes), so many buffers overflow the output and fall back.
      expect(wasm.walksInWasm).toBeGreaterThan(budget ? 0 : 24);
      expect(js.walksInWasm).toBe(0);
    });
  }

  it("falls back to the JavaScript walk when more positions accept than its output holds, with the same result", () => {
    const anchors = ["ab", "b", "abab"];
    const wasm = new AnchorMatcher(anchors);
    const js = new AnchorMatcher(anchors, undefined, { wasm: false });
    const dense = Buffer.from("ab".repeat(WASM_MIN_BYTES * 4), "latin1");
    const hits = wasm.find(dense);
    expect(hits).toEqual(js.find(dense));
    // "abab" at every even offset but the last (each reaches past the one before), then nothing: the final "ab" ends inside it.
    expect(hits).toHaveLength(WASM_MIN_BYTES * 4 - 1);
    expect(wasm.walksInWasm).toBe(0);
  });

  it("agrees on every fixture log, bytes outside ASCII included, and on buffers beyond its size limit", () => {
    const wasm = new AnchorMatcher(catalogAnchors);
    const js = new AnchorMatcher(catalogAnchors, undefined, { wasm: false });
    const logs = logsUnder(join(ROOT, "test/fixtures"));
    expect(logs.length).toBeGreaterThan(100);
    const all = Buffer.concat(logs.map((path) => readFileSync(path)));
    const noisy = Buffer.concat([all, Buffer.from([0xff, 0x00, 0xc3, 0xe2, 0x80]), all]);
    expect(wasm.find(noisy)).toEqual(js.find(noisy));
    const big = Buffer.concat(Array.from({ length: Math.ceil((WASM_MAX_BYTES + 1) / noisy.length) }, () => noisy));
    expect(wasm.find(big)).toEqual(js.find(big));
    expect(wasm.walksInWasm).toBe(1);
  });

  it("gives the same report through the pipeline with SKEWBOT_SCAN_WASM=0 as with the WebAssembly walk", async () => {
    const before = process.env.SKEWBOT_SCAN_WASM;
    process.env.SKEWBOT_SCAN_WASM = "0";
    const jsCatalog = compileCatalog(builtinSignatures, builtinHints);
    if (before === undefined) delete process.env.SKEWBOT_SCAN_WASM;
    else process.env.SKEWBOT_SCAN_WASM = before;
    const wasmCatalog = compileCatalog(builtinSignatures, builtinHints);
    // Fixture logs repeated past the WebAssembly threshold, one log per source, as the CLI reads them.
    const logs = logsUnder(join(ROOT, "test/fixtures/signatures")).slice(0, 40);
    const source = (path: string) => ({
      name: path.slice(ROOT.length),
      open: async () =>
        (async function* () {
          const text = readFileSync(path);
          yield Buffer.concat(Array.from({ length: Math.ceil((2 * WASM_MIN_BYTES) / text.length) }, () => text));
        })(),
    });
    const strip = (r: object) => JSON.parse(JSON.stringify(r, (k, v) => (k === "elapsedMs" || k === "durationMs" ? 0 : v)));
    const viaJs = await analyze(logs.map(source), { catalog: jsCatalog });
    const viaWasm = await analyze(logs.map(source), { catalog: wasmCatalog });
    expect(viaWasm.causes.length).toBeGreaterThan(10);
    expect(strip(viaWasm)).toEqual(strip(viaJs));
    expect(jsCatalog.anchors.walksInWasm).toBe(0);
    expect(wasmCatalog.anchors.walksInWasm).toBeGreaterThan(20);
  });
});
