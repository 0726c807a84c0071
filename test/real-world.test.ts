import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";

// Lines as posted in public issues and pages, with their prefixes, escaping, wrapping and truncation
// (sources in each entry). "expect": "none" marks a near-miss.
interface Entry {
  expect: string;
  captures?: Record<string, string>;
  line: string;
  source: string;
}

const entries = readFileSync(new URL("./fixtures/real-world/lines.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Entry);

describe("real CI lines from public issues", () => {
  it("has a corpus worth the name", () => {
    expect(entries.filter((e) => e.expect !== "none").length).toBeGreaterThanOrEqual(100);
    expect(entries.filter((e) => e.expect === "none").length).toBeGreaterThanOrEqual(40);
  });

  it.each(entries.filter((e) => e.expect !== "none").map((e, i) => [i, e.expect, e] as const))("#%i %s is recognised with the right versions", async (_i, id, e) => {
    const report = await analyze([textSource("issue.log", `${e.line}\n`)]);
    const found = [...report.causes, ...report.warnings].find((t) => t.signature.id === id);
    expect(found, `${e.line}\n(${e.source})`).toBeDefined();
    for (const [name, value] of Object.entries(e.captures ?? {})) expect(found!.finding.captures[name], name).toBe(value);
  });

  it.each(entries.filter((e) => e.expect === "none").map((e, i) => [i, e] as const))("near-miss #%i is not reported as a cause", async (_i, e) => {
    const report = await analyze([textSource("issue.log", `${e.line}\n`)]);
    expect(report.causes.map((c) => c.signature.id), e.line).toEqual([]);
  });
});
