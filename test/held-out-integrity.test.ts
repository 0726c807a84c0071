import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The held-out sets measure generalisation only while no rule was written from them: a blind line copied into a
// tuning corpus would be scored against rules built from itself.
const ROOT = new URL("./fixtures/", import.meta.url);
// Blind sets first: how many of their lines the corpora already held verbatim on 2026-12-03 (a common message recorded again
// from another thread). Scored apart with `score-held-out.mjs --unseen`; the count may only fall.
const HELD_OUT: [file: string, sharedAtMost: number][] = [
  ["fresh-5.jsonl", 95],
  ["fresh-6.jsonl", 10],
  ["fresh-11.jsonl", 1],
  ["fresh-12.jsonl", 0],
  ["fresh-14.jsonl", 0],
  ["fresh-16.jsonl", 0],
  // Tuning sets: read freely, but a rule's evidence comes from other threads, so their lines stay out of the corpora too
  // (the counts are what earlier sessions' corpora already held).
  ["fresh-13.jsonl", 0],
  ["fresh-15.jsonl", 0],
  ["fresh-17.jsonl", 0],
  ["fresh-10.jsonl", 13],
  ["fresh-9.jsonl", 34],
  ["fresh-8.jsonl", 94],
  ["fresh-7.jsonl", 80],
];

interface HeldOutRecord { line: string; source: string; family: string; skew: boolean; versions: string[] }

function jsonl<T>(path: URL): T[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

const corpusLines = new Map<string, string>();
const corpusDir = new URL("real-world/", ROOT);
for (const file of readdirSync(corpusDir).filter((f) => f.endsWith(".jsonl"))) {
  for (const r of jsonl<{ line: string }>(new URL(file, corpusDir))) corpusLines.set(r.line.trim(), file);
}

describe("held-out sets", () => {
  it.each(HELD_OUT)("%s is well formed and shares at most %i lines with the tuning corpora", (file, sharedAtMost) => {
    const rows = jsonl<HeldOutRecord>(new URL(`held-out/${file}`, ROOT));
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) {
      expect(typeof r.line, JSON.stringify(r)).toBe("string");
      expect(r.source, r.line).toMatch(/^https?:\/\//);
      expect(typeof r.skew, r.line).toBe("boolean");
      expect(Array.isArray(r.versions), r.line).toBe(true);
    }
    // Only the corpus files are named, never the blind lines: a failing run must not show them to whoever reads it.
    const sharedIn = rows.flatMap((r) => corpusLines.get(r.line.trim()) ?? []);
    expect(sharedIn.length, `blind lines recorded in ${[...new Set(sharedIn)].join(", ")}`).toBeLessThanOrEqual(sharedAtMost);
  });
});
