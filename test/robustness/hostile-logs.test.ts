import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { renderJson } from "../../src/report/json.js";
import { summaryLine } from "../../src/report/common.js";
import { composeBody, MAX_COMMENT_CHARS, parseSections, sectionKey } from "../../src/publish/comment.js";
import { builtinSignatures } from "../../src/signatures/index.js";
import type { LogSource } from "../../src/model.js";
import { textSource } from "../helpers/logs.js";

const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

/** Markdown outside fenced code blocks (where GitHub interprets text); fails if a fence is left open. */
function prose(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of md.split("\n")) {
    const m = /^(`{3,})/.exec(line);
    if (fence) {
      if (m && line.trim() === m[1] && m[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (m) fence = m[1];
    else out.push(line.replace(/(`+)[^`]*?\1/g, ""));
  }
  expect(fence, "a code fence was left open").toBeUndefined();
  return out.join("\n");
}

function generated(name: string, lines: number, line: (i: number) => string): LogSource {
  return {
    name,
    open: async () =>
      (async function* () {
        const batch: string[] = [];
        for (let i = 0; i < lines; i++) {
          batch.push(line(i));
          if (batch.length === 5000) {
            yield Buffer.from(`${batch.join("\n")}\n`);
            batch.length = 0;
          }
        }
        if (batch.length) yield Buffer.from(`${batch.join("\n")}\n`);
      })(),
  };
}

describe("hostile logs", () => {
  it("HTML, script tags and @org/team mentions around a finding stay inert", async () => {
    const report = await analyze([textSource("x.log", [`<script>alert(document.cookie)</script>`, `@kubernetes/sig-release-leads please look <img src=x onerror=alert(1)>`, `${HEADLINE} @octocat <b>bold</b>`, "<!-- skewbot:report -->", "</details><details open>"].join("\n"))]);
    const md = renderMarkdown(report);
    const p = prose(md);
    expect(p).not.toMatch(/<script|<img|<b>|onerror|<\/details><details open>/);
    expect(p).not.toMatch(/@[A-Za-z]/);
    // Our marker inside a log line must not be mistaken for a section marker.
    expect(parseSections(composeBody([{ key: sectionKey("x"), markdown: md }], "### t"))).toHaveLength(1);
  });

  it.each([1, 2, 3, 4, 5, 8, 13, 40])("a run of %i backticks cannot close the code block", async (n) => {
    const ticks = "`".repeat(n);
    const report = await analyze([textSource("t.log", [`${ticks}`, `${ticks} ESCAPED`, HEADLINE, `${ticks}`, `${ticks}html`].join("\n"))]);
    expect(prose(renderMarkdown(report))).not.toContain("ESCAPED");
  });

  it("a 50 MB line without a newline costs bounded memory and does not hide the finding after it", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "A");
    const source: LogSource = {
      name: "long.log",
      open: async () =>
        (async function* () {
          for (let i = 0; i < 50; i++) yield chunk;
          yield Buffer.from(`\n${HEADLINE}\n`);
        })(),
    };
    const before = process.memoryUsage().heapUsed;
    const report = await analyze([source]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(40 * 1024 * 1024);
    expect(report.causes[0]?.finding.line).toBe(2);
    expect(report.logs[0]!.problems.join(" ")).toMatch(/over-long line/);
  });

  it("NUL bytes and invalid UTF-8 do not break the report", async () => {
    const bytes = Buffer.concat([Buffer.from([0, 0, 0xff, 0xfe, 0xc0, 0x80, 0x0a]), Buffer.from(`\u0000${HEADLINE}\u0000\n`), Buffer.from([0xed, 0xa0, 0x80, 0x0a])]);
    const report = await analyze([textSource("bin.log", bytes)]);
    const md = renderMarkdown(report);
    expect(md).not.toContain("\u0000");
    expect(JSON.parse(renderJson(report, summaryLine(report))).findings[0].signature).toBe("k8s-compat-mincompat-out-of-range");
  });

  it("a log that matches every signature a million times gives a valid comment under GitHub's limit that says what was cut", async () => {
    // One log line per example: a message wrapped over several lines (calicoctl's) would change the line count.
    const examples = builtinSignatures.flatMap((s) => (s.examples ?? []).map((e) => e.line)).filter((line) => !line.includes("\n"));
    // Every line distinct (a version varies), so the distinct-finding cap is reached too.
    const source = generated("everything.log", 1_000_000, (i) => examples[i % examples.length]!.replace(/\b1\.(\d\d)\b/, `1.${(i >> 5) % 90 + 10}`));
    const report = await analyze([source]);
    expect(report.logs[0]!.stats!.lines).toBe(1_000_000);
    expect(report.logs[0]!.stats!.droppedFindings).toBeGreaterThan(0);
    expect(report.logs[0]!.problems.join(" ")).toMatch(/further distinct finding\(s\) not kept/);
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThan(MAX_COMMENT_CHARS);
    expect(md).toMatch(/more finding\(s\) not shown/);
    prose(md);
    const body = composeBody([{ key: sectionKey("a"), markdown: md }], "### skewbot");
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(renderText(report).length).toBeGreaterThan(0);
  }, 60_000);

  it("a comment for many large jobs drops whole old sections and says so", () => {
    const big = (n: number) => ({ key: sectionKey(`job-${n}`), markdown: `#### Job ${n}\n\n\`\`\`text\n${"x".repeat(20_000)}\n\`\`\`` });
    const body = composeBody([big(1), big(2), big(3), big(4), big(5)], "### skewbot");
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(/older job report\(s\) removed to stay under GitHub's comment size limit/);
    expect(parseSections(body).map((s) => s.markdown.split("\n")[0])).toEqual(["#### Job 1", "#### Job 2", "#### Job 3"]);
    prose(body);
    const huge = composeBody([{ key: sectionKey("h"), markdown: `#### Huge\n\n${"y".repeat(100_000)}` }], "### skewbot");
    expect(huge.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(huge).toContain("too large for a comment");
  });

  it("one unreadable log among many is reported and the others are still triaged", async () => {
    const failing: LogSource = { name: "artifacts/kubelet.log", open: async () => Promise.reject(new Error("artifacts/kubelet.log not found (404)")) };
    const resetting: LogSource = {
      name: "artifacts/containerd.log",
      open: async () =>
        (async function* () {
          yield Buffer.from("I0206 starting\n");
          throw new Error("connection reset after 15 B: partial scan");
        })(),
    };
    const report = await analyze([textSource("build-log.txt", "ok\n"), failing, resetting, textSource("artifacts/kube-apiserver.log", `${HEADLINE}\n`)]);
    expect(report.causes.map((c) => c.finding.log)).toEqual(["artifacts/kube-apiserver.log"]);
    expect(report.logs.find((l) => l.name === "artifacts/kubelet.log")).toMatchObject({ partial: true, problems: ["artifacts/kubelet.log not found (404)"] });
    expect(report.logs.find((l) => l.name === "artifacts/containerd.log")).toMatchObject({ partial: true, problems: ["connection reset after 15 B: partial scan"] });
    expect(renderMarkdown(report)).toContain("Could not read everything");
  });
});
