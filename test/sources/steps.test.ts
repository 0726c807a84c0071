import { describe, expect, it } from "vitest";
import type { StepInfo } from "../../src/sources/steps.js";
import { StepLineMapper, observeSteps, stepLineLink } from "../../src/sources/steps.js";
import { readAll } from "./helpers.js";

const day = "2024-05-01T10:00:";
const steps: StepInfo[] = [
  { number: 1, name: "Set up job", conclusion: "success", started_at: `${day}00Z`, completed_at: `${day}02Z` },
  { number: 2, name: "Run actions/checkout@v4", conclusion: "success", started_at: `${day}02Z`, completed_at: `${day}05Z` },
  { number: 3, name: "Set up kind", conclusion: "success", started_at: `${day}05Z`, completed_at: `${day}20Z` },
  { number: 4, name: "Optional", conclusion: "skipped", started_at: `${day}20Z`, completed_at: `${day}20Z` },
  { number: 5, name: "Run make e2e", conclusion: "failure", started_at: `${day}21Z`, completed_at: `${day}40Z` },
  { number: 6, name: "Post Run actions/checkout@v4", conclusion: "success", started_at: `${day}41Z`, completed_at: `${day}41Z` },
  { number: 7, name: "Complete job", conclusion: "success", started_at: `${day}41Z`, completed_at: `${day}42Z` },
];

const long = "x".repeat(300);
const rawLines = [
  `\u{feff}${day}00.1000000Z Current runner version: '2.316.0'`, // 1: step 1
  `${day}00.2000000Z ##[group]Operating System`,
  `${day}00.3000000Z Ubuntu`,
  `${day}00.4000000Z ##[endgroup]`,
  `${day}02.5000000Z ##[group]Run actions/checkout@v4`, // 5: step 2 starts (same second step 1 ended)
  `${day}02.6000000Z with: ${long}`,
  `${day}04.0000000Z ##[endgroup]`,
  `${day}05.1000000Z ##[group]Run ./.github/actions/setup-kind`, // 8: step 3
  `${day}06.0000000Z ##[group]Run kind create cluster`, // 9: a composite action's inner group stays in step 3
  `${day}19.0000000Z Creating cluster "kind" ...`,
  `${day}21.2000000Z ##[group]Run make e2e`, // 11: step 5 (step 4 was skipped)
  `${day}22.0000000Z go test ./test/e2e/...`,
  `${day}30.0000000Z E0501 10:00:30.000000 1 server.go:1] version skew ${long}`, // 13
  `${day}41.1000000Z Post job cleanup.`, // 14: past step 5's end, no marker: step 6
  `${day}41.5000000Z [command]/usr/bin/git version`,
  `${day}42.1000000Z Cleaning up orphan processes`, // 16: step 7
];
const raw = `${rawLines.join("\n")}\n`;

const expected: [number, { step: number; line: number } | undefined][] = [
  [1, { step: 1, line: 1 }],
  [4, { step: 1, line: 4 }],
  [5, { step: 2, line: 1 }],
  [7, { step: 2, line: 3 }],
  [8, { step: 3, line: 1 }],
  [9, { step: 3, line: 2 }],
  [10, { step: 3, line: 3 }],
  [11, { step: 5, line: 1 }],
  [13, { step: 5, line: 3 }],
  [14, { step: 6, line: 1 }],
  [15, { step: 6, line: 2 }],
  [16, { step: 7, line: 1 }],
];

function mapped(chunkSize: number): StepLineMapper {
  const mapper = new StepLineMapper(steps);
  const bytes = Buffer.from(raw);
  for (let i = 0; i < bytes.length; i += chunkSize) mapper.observe(bytes.subarray(i, i + chunkSize));
  mapper.end();
  return mapper;
}

describe("StepLineMapper", () => {
  it("maps raw job-log lines to (step, line within step)", () => {
    const mapper = mapped(64 * 1024);
    for (const [line, at] of expected) expect(mapper.locate(line), `raw line ${line}`).toEqual(at);
  });

  it("gives the same answer however the stream is chunked", () => {
    for (const size of [1, 2, 3, 7, 13, 29, 64, 65, 100]) {
      const mapper = mapped(size);
      for (const [line, at] of expected) expect(mapper.locate(line), `chunk ${size}, raw line ${line}`).toEqual(at);
    }
  });

  it("accepts string chunks and a last line without a newline", () => {
    const mapper = new StepLineMapper(steps);
    mapper.observe(rawLines.slice(0, 10).join("\n"));
    mapper.observe(`\n${rawLines.slice(10).join("\n")}`);
    mapper.end();
    expect(mapper.locate(16)).toEqual({ step: 7, line: 1 });
  });

  it("keeps lines without timestamps in the current step", () => {
    const mapper = new StepLineMapper(steps);
    mapper.observe(`${rawLines[0]}\nno timestamp here\n${rawLines[4]}\ncontinued\n`);
    mapper.end();
    expect(mapper.locate(2)).toEqual({ step: 1, line: 2 });
    expect(mapper.locate(4)).toEqual({ step: 2, line: 2 });
  });

  it("knows nothing without steps, and nothing before the log is read", () => {
    const empty = new StepLineMapper([]);
    empty.observe(raw);
    expect(empty.locate(3)).toBeUndefined();
    expect(new StepLineMapper(steps).locate(3)).toBeUndefined();
  });

  it("starts over when the log is read again", async () => {
    const mapper = new StepLineMapper(steps);
    await readAll(observeSteps([Buffer.from(raw)], mapper));
    await readAll(observeSteps([Buffer.from(raw)], mapper));
    expect(mapper.locate(11)).toEqual({ step: 5, line: 1 });
  });
});

describe("stepLineLink", () => {
  it("builds the UI's #step:S:L anchor once the log has streamed", async () => {
    const mapper = new StepLineMapper(steps);
    const link = stepLineLink("https://github.com/o/r/actions/runs/1/job/2", mapper);
    expect(link(13)).toBeUndefined();
    expect(await readAll(observeSteps([Buffer.from(raw)], mapper))).toBe(raw);
    expect(link(13)).toBe("https://github.com/o/r/actions/runs/1/job/2#step:5:3");
  });
});
