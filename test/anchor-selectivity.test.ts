import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";
// @ts-expect-error the bench's generator is plain JavaScript without types
import { generateLog } from "../bench/generate.js";

// The scan is fast because almost no line of a healthy job wakes a rule. An anchor that every apiserver request
// line holds ("/apis/" did: 7 % of the bench's log, each waking six patterns) made the scan 3.4× slower without
// changing a single finding, so the catalog is held to it here, as a count, not a timing.
const dir = mkdtempSync(join(tmpdir(), "skewbot-selectivity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("anchor selectivity on a busy healthy log", () => {
  it("wakes rules on at most 1 line in 1,000 of the bench's generated log", () => {
    const path = join(dir, "busy.log");
    generateLog(path, 4_000_000);
    const catalog = compileCatalog(builtinSignatures, builtinHints);
    const lines = readFileSync(path).toString("latin1").split("\n");
    const woken = new Map<string, number>();
    let anchored = 0;
    for (const line of lines) {
      const hits = catalog.anchors.find(Buffer.from(line, "latin1"));
      if (hits.length === 0) continue;
      anchored++;
      for (const h of hits) woken.set(h.anchor, (woken.get(h.anchor) ?? 0) + 1);
    }
    const busiest = [...woken].sort((a, b) => b[1] - a[1]).slice(0, 5);
    expect(lines.length).toBeGreaterThan(20_000);
    expect(anchored / lines.length, `busiest anchors: ${JSON.stringify(busiest)}`).toBeLessThanOrEqual(0.001);
  });
});
