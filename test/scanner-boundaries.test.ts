import { describe, expect, it } from "vitest";
import { Scanner } from "../src/scan/scanner.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";

// The same bytes must give the same result however they are split into chunks: inside a line, inside a
// UTF-8 sequence, inside an anchor, between CR and LF, and inside an over-long line.

const catalog = compileCatalog(builtinSignatures, builtinHints);
const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';
const KUBECTL = "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1";

function filler(i: number): string {
  return `I0206 22:52:${String(i % 60).padStart(2, "0")}.000000       1 reflector.go:${100 + i}] Listing and watching *v1.Pod — ünïcödé 日本語 🚀 ok`;
}

/** A log with every kind of line the long-line policy and the joins care about, as bytes. */
function generatedLog(maxLineBytes: number): Buffer {
  const lines: string[] = [];
  let i = 0;
  const push = (...l: string[]) => lines.push(...l);
  push(filler(i++), filler(i++), HEADLINE, filler(i++));
  // A message at the end, in the middle and at the start of over-long lines, with multi-byte text around.
  push(`${"x".repeat(maxLineBytes + 500)} ${HEADLINE.replace("1.30", "1.29")}`);
  push(`${"é".repeat(maxLineBytes)} ${KUBECTL} ${"日".repeat(maxLineBytes)}`);
  push(`${HEADLINE.replace("1.30", "1.28")}${"🚀".repeat(maxLineBytes)}`);
  // Over-long without an anchor, then a short anchor line right after (the context of a finding).
  push("z".repeat(maxLineBytes * 3), filler(i++), HEADLINE.replace("1.30", "1.27"));
  // Two anchors in one over-long line, the second far beyond the window.
  push(`${"y".repeat(maxLineBytes + 10)}${KUBECTL}${"y".repeat(20000)}${HEADLINE.replace("1.30", "1.26")}`);
  // CRLF lines, and a message wrapped over two lines.
  push(`${filler(i++)}\r`, `${HEADLINE.replace("1.30", "1.25")}\r`, `${filler(i++)}\r`);
  push('E0206 22:52:48.682710 1 run.go:72] "command failed" err="minCompatibilityVersion version 1.24 is not', "between [1.31, 1.31]\"");
  for (let k = 0; k < 5; k++) push(filler(i++));
  push(`${"w".repeat(maxLineBytes + 1)}`, "Client Version: v1.34.1", "Server Version: v1.31.0", KUBECTL);
  return Buffer.from(lines.join("\n") + "\n", "utf8");
}

function scanChunks(chunks: Buffer[], maxLineBytes: number) {
  const scanner = new Scanner({ log: "boundaries.log", catalog, maxLineBytes });
  for (const c of chunks) scanner.push(c);
  return JSON.stringify(scanner.end());
}

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const sorted = [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of sorted) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
}

/** Cut positions of each kind, so that every kind is tried on its own and all together. */
function boundaries(bytes: Buffer): Record<string, number[]> {
  const kinds: Record<string, number[]> = { line: [], utf8: [], anchor: [], crlf: [], longLine: [] };
  let start = 0;
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, nl + 1)) {
    kinds["line"]!.push(start + Math.floor((nl - start) / 2));
    if (nl - start > 1000) for (let at = start + 997; at < nl; at += 4093) kinds["longLine"]!.push(at);
    if (bytes[nl - 1] === 13) kinds["crlf"]!.push(nl);
    start = nl + 1;
  }
  for (let i = 0; i < bytes.length; i++) {
    // A lead byte of a multi-byte sequence: cut after it, and after its second byte.
    if (bytes[i]! >= 0xc0 && kinds["utf8"]!.length < 400 && i % 7 === 0) kinds["utf8"]!.push(i + 1, i + 2);
  }
  for (const hit of catalog.anchors.find(bytes)) {
    for (let k = 1; k < hit.anchor.length; k += 3) kinds["anchor"]!.push(hit.index + k);
  }
  // At most 80 of each kind, spread over the log, to keep the test quick on the large variant.
  for (const [kind, cuts] of Object.entries(kinds)) kinds[kind] = cuts.filter((_, k) => k % Math.ceil(cuts.length / 80) === 0);
  return kinds;
}

describe("scanner chunk boundaries", () => {
  for (const maxLineBytes of [1500, 64 * 1024]) {
    const bytes = generatedLog(maxLineBytes);
    const whole = scanChunks([bytes], maxLineBytes);

    it(`finds what it finds in one chunk (line limit ${maxLineBytes})`, () => {
      const result = JSON.parse(whole);
      // Guards the generator: every over-long line is counted, and the messages in them are found.
      expect(result.stats.longLines).toBe(6);
      const mins = result.findings.filter((f: { signature: string }) => f.signature === "k8s-compat-mincompat-out-of-range").map((f: { captures: Record<string, string> }) => f.captures["minCompatibilityVersion"]);
      // 1.26 stands 20 KB after the first anchor of its over-long line: beyond the window examined.
      expect(mins.sort()).toEqual(["1.24", "1.25", "1.27", "1.28", "1.29", "1.30"]);
      expect(result.findings.filter((f: { signature: string }) => f.signature === "kubectl-client-server-skew")).toHaveLength(1);
      expect(result.hints.map((h: { role: string }) => h.role)).toEqual(["client", "server"]);
    });

    it(`gives the same result split at every kind of boundary (line limit ${maxLineBytes})`, () => {
      const kinds = boundaries(bytes);
      for (const [kind, cuts] of Object.entries(kinds)) {
        expect(cuts.length, kind).toBeGreaterThan(0);
        for (const cut of cuts) expect(scanChunks(splitAt(bytes, [cut]), maxLineBytes), `${kind} boundary at ${cut}`).toBe(whole);
        expect(scanChunks(splitAt(bytes, cuts), maxLineBytes), `all ${kind} boundaries`).toBe(whole);
      }
      expect(scanChunks(splitAt(bytes, Object.values(kinds).flat()), maxLineBytes), "every boundary at once").toBe(whole);
    });

    it(`gives the same result for random chunk sizes and byte by byte (line limit ${maxLineBytes})`, () => {
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let round = 0; round < 20; round++) {
        const cuts: number[] = [];
        for (let at = 0; at < bytes.length; at += 1 + Math.floor(rand() * (round < 10 ? 300 : 70000))) cuts.push(at);
        expect(scanChunks(splitAt(bytes, cuts), maxLineBytes), `round ${round}`).toBe(whole);
      }
      if (bytes.length < 200_000) expect(scanChunks(splitAt(bytes, Array.from({ length: bytes.length }, (_, k) => k)), maxLineBytes)).toBe(whole);
    });
  }
});
