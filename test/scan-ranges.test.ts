import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Scanner, type ScanOptions } from "../src/scan/scanner.js";
import { scanRange } from "../src/scan/segment.js";
import { mergeSegments } from "../src/scan/merge.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";

// A log scanned in ranges (as worker threads scan a large file) and joined must give, byte for byte, the
// JSON of one scanner reading it whole: whatever the ranges, wherever a message, its wrapped tail, its
// context or its repeats fall relative to a range's edge.

const catalog = compileCatalog(builtinSignatures, builtinHints);
const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';
const KUBECTL = "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1";
const WRAPPED = ['E0206 22:52:48.682710 1 run.go:72] "command failed" err="minCompatibilityVersion version 1.24 is not', 'between [1.31, 1.31]"'];

function scanWhole(bytes: Buffer, options: Partial<ScanOptions>): string {
  const scanner = new Scanner({ log: "ranges.log", catalog, ...options });
  scanner.push(bytes);
  return JSON.stringify(scanner.end());
}

function scanInRanges(bytes: Buffer, ends: number[], options: Partial<ScanOptions>, chunkBytes?: number): string | undefined {
  // One buffer for every read, overwritten each time, as the file reader does.
  let scratch = Buffer.alloc(0);
  const read = (position: number, length: number) => {
    if (scratch.length < length) scratch = Buffer.alloc(length);
    return scratch.subarray(0, bytes.copy(scratch, 0, position, position + length));
  };
  const full: ScanOptions = { log: "ranges.log", catalog, ...options };
  const segments = ends.map((_, k) => scanRange(read, ends, k, full, chunkBytes));
  const merged = mergeSegments("ranges.log", bytes.length, segments, { maxFindings: options.maxFindings ?? 200, maxHints: options.maxHints ?? 100 });
  return merged && JSON.stringify(merged);
}

/** Range ends just after the newlines at or after each cut (a range never starts inside a line). */
function rangeEnds(bytes: Buffer, cuts: number[]): number[] {
  const ends = new Set<number>();
  for (const cut of cuts) {
    const nl = bytes.indexOf(10, Math.max(0, cut));
    if (nl !== -1 && nl + 1 < bytes.length) ends.add(nl + 1);
  }
  return [...[...ends].sort((a, b) => a - b), bytes.length];
}

function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let nl = bytes.indexOf(10); nl !== -1 && nl + 1 < bytes.length; nl = bytes.indexOf(10, nl + 1)) starts.push(nl + 1);
  return starts;
}

/** Findings at every distance from each other, wrapped ones, crash-loop repeats, CRLF and over-long lines. */
function generatedLog(seed: number, lines: number): Buffer {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    const r = rand();
    if (r < 0.55) out.push(`I0206 22:52:${String(i % 60).padStart(2, "0")}.000000       1 reflector.go:${i % 997}] Listing and watching *v1.Pod — ünïcödé ${i}`);
    else if (r < 0.62) out.push(HEADLINE.replace("1.30", `1.${20 + (i % 9)}`));
    else if (r < 0.66) for (let k = 0; k < 1 + Math.floor(rand() * 12); k++) out.push(HEADLINE);
    else if (r < 0.68) out.push(...WRAPPED);
    else if (r < 0.7) {
      // A chain of wrapped messages, each line the tail of one and the head of the next: how its lines
      // pair up depends on where the chain starts, so no range may start owning lines inside it.
      out.push(WRAPPED[0]!);
      for (let k = 0; k < 1 + Math.floor(rand() * 15); k++) out.push(`between [1.31, 1.31]" err="minCompatibilityVersion version 1.${10 + k} is not`);
      out.push(WRAPPED[1]!);
    }
    else if (r < 0.73) out.push(KUBECTL.replace("1.34", `1.${30 + (i % 6)}`));
    else if (r < 0.76) out.push(`Client Version: v1.3${i % 5}.1`, `Server Version: v1.2${i % 7}.0`);
    else if (r < 0.78) out.push(`${"x".repeat(2000)} ${HEADLINE}`);
    else if (r < 0.8) out.push(`I0206 plain line ${i}\r`);
    else if (r < 0.83) out.push("Warning: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated in v1.29+, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1 FlowSchema");
    else for (let k = 0; k < Math.floor(rand() * 14); k++) out.push(`+ echo step ${i}.${k}`);
  }
  return Buffer.from(out.slice(0, lines).join("\n") + (seed % 2 ? "\n" : ""), "utf8");
}

function corpusLogs(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(log|txt)$/.test(entry)) out.push({ name: path, bytes: readFileSync(path) });
    }
  };
  walk(new URL("./fixtures", import.meta.url).pathname);
  return out;
}

describe("a log scanned in ranges and joined", () => {
  it("equals the whole scan on every corpus log, cut after every line and in ranges of every size", () => {
    const logs = corpusLogs();
    expect(logs.length).toBeGreaterThan(50);
    let joined = 0;
    for (const { name, bytes } of logs) {
      const whole = scanWhole(bytes, {});
      const starts = lineStarts(bytes);
      // One cut after each line in turn (a range's edge at every line of the log).
      for (const at of starts.slice(1)) {
        const got = scanInRanges(bytes, rangeEnds(bytes, [at - 1]), {});
        expect(got, `${name} cut before byte ${at}`).toBe(whole);
        joined++;
      }
      // Every line its own range, and ranges of 2, 3, 5, 8 lines.
      for (const size of [1, 2, 3, 5, 8]) {
        const cuts = starts.filter((_, k) => k > 0 && k % size === 0).map((at) => at - 1);
        expect(scanInRanges(bytes, rangeEnds(bytes, cuts), {}), `${name} ranges of ${size} lines`).toBe(whole);
      }
    }
    expect(joined).toBeGreaterThan(500);
  });

  for (const [label, options] of [
    ["defaults", {}],
    ["no context", { contextLines: 0 }],
    ["20 lines of context", { contextLines: 20 }],
    ["a 1500-byte line limit", { maxLineBytes: 1500 }],
  ] as const) {
    it(`equals the whole scan on generated logs split at every kind of boundary (${label})`, () => {
      for (const seed of [1, 2, 3, 4]) {
        const bytes = generatedLog(seed, 700);
        const whole = scanWhole(bytes, options);
        expect(JSON.parse(whole).findings.length, "the generator plants findings").toBeGreaterThan(3);
        const starts = lineStarts(bytes);
        let r = seed;
        const rand = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
        for (let round = 0; round < (label.startsWith("20") ? 5 : 16); round++) {
          // Cuts anywhere (snapped to the next line), few or many, read in small or large chunks.
          const count = 1 + Math.floor(rand() * (round < 8 ? 6 : 120));
          const cuts = Array.from({ length: count }, () => Math.floor(rand() * bytes.length));
          const chunk = round % 3 === 0 ? 97 : round % 3 === 1 ? 4096 : undefined;
          expect(scanInRanges(bytes, rangeEnds(bytes, cuts), options, chunk), `seed ${seed} round ${round}`).toBe(whole);
        }
        // A range edge right after each of the first few hundred lines.
        for (const at of starts.slice(1, label.startsWith("20") ? 40 : 120)) expect(scanInRanges(bytes, rangeEnds(bytes, [at - 1]), options), `seed ${seed} cut at ${at}`).toBe(whole);
      }
    });
  }

  it("applies the finding cap in log order, or declines to join when a range reached it by itself", () => {
    const bytes = generatedLog(5, 3000);
    let joined = 0;
    for (const maxFindings of [3, 8, 16]) {
      const options = { maxFindings };
      const whole = scanWhole(bytes, options);
      expect(JSON.parse(whole).stats.droppedFindings, `cap ${maxFindings}`).toBeGreaterThan(0);
      for (let parts = 2; parts <= 40; parts += 3) {
        const cuts = Array.from({ length: parts - 1 }, (_, k) => Math.floor(((k + 1) * bytes.length) / parts));
        const got = scanInRanges(bytes, rangeEnds(bytes, cuts), options);
        if (got !== undefined) {
          expect(got, `cap ${maxFindings}, ${parts} ranges`).toBe(whole);
          joined++;
        }
      }
    }
    expect(joined).toBeGreaterThan(0);
  });

  it("lets one range own the rest of the log when no later range has a sync line (a crash loop)", () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => HEADLINE.replace("1.30", `1.${i % 3}`)).join("\n") + "\n");
    const whole = scanWhole(bytes, {});
    expect(JSON.parse(whole).findings[0].count).toBeGreaterThan(100);
    const cuts = Array.from({ length: 9 }, (_, k) => Math.floor(((k + 1) * bytes.length) / 10));
    expect(scanInRanges(bytes, rangeEnds(bytes, cuts), {})).toBe(whole);
  });

  it("finds sync lines in a log where every line matches by itself, so that each range owns its part", () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? KUBECTL.replace("1.34", `1.${30 + (i % 5)}`) : HEADLINE)).join("\n") + "\n");
    const ends = rangeEnds(bytes, Array.from({ length: 9 }, (_, k) => Math.floor(((k + 1) * bytes.length) / 10)));
    const read = (position: number, length: number) => bytes.subarray(position, position + length);
    const segments = ends.map((_, k) => scanRange(read, ends, k, { log: "ranges.log", catalog }));
    expect(segments.every((s) => s.syncLine !== undefined)).toBe(true);
    // Each owner stops soon after the next range's start instead of reading on to the end.
    expect(segments.slice(0, -1).every((s) => s.endSync?.[0] === 1)).toBe(true);
    expect(JSON.stringify(mergeSegments("ranges.log", bytes.length, segments, { maxFindings: 200, maxHints: 100 }))).toBe(scanWhole(bytes, {}));
  });
});
