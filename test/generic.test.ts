import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { FIXTURES, textSource } from "./helpers/logs.js";

// The generic layer: wordings no signature knows, reported as "possible version skew" at most.

const run = (text: string) => analyze([textSource("job.log", text)]);

describe("generic layer for unrecognised wordings", () => {
  it("reports an error naming two versions in a skew relation as a warning, with typed versions", async () => {
    const report = await run("step 3\nERROR: the cluster runs v1.28.4, but widget-operator requires Kubernetes 1.30 or newer\nstep 4\n");
    expect(report.causes).toEqual([]);
    const [w] = report.warnings;
    expect(w?.signature.id).toBe("generic-version-skew");
    expect(w?.diagnosis.headline).toMatch(/^Possible version skew \(unrecognised wording\)/);
    expect(w?.diagnosis.versions.map((v) => [v.version, v.typed?.kind])).toEqual([
      ["v1.28.4", "kubernetes"],
      ["1.30", "kubernetes"],
    ]);
  });

  it("stays silent where the line is not an error or the numbers are not versions", async () => {
    const report = await run(
      [
        "INFO: widget-operator v0.9.2 requires Kubernetes 1.30 or newer",
        "error: invalid sampling ratio 1.7: value is not between 0.0 and 1.0",
        "Error: retry budget 2.5 is greater than 1.5",
      ].join("\n") + "\n",
    );
    expect([...report.causes, ...report.warnings]).toEqual([]);
    expect(report.dismissed.map((d) => d.signature.id)).toEqual(["generic-version-skew", "generic-version-skew", "generic-version-skew"]);
  });

  it("gives way to a specific signature on the same line", async () => {
    const report = await run("Error response from daemon: client version 1.52 is too new. Maximum supported API version is 1.43\n");
    const ids = [...report.causes, ...report.warnings, ...report.dismissed].map((t) => t.signature.id);
    expect(ids).toEqual(["docker-api-version-too-new"]);
  });

  it("does bounded work on a line with hundreds of version tokens", async () => {
    const tokens = Array.from({ length: 600 }, (_, i) => `v1.${i}.0`).join(" ");
    const report = await run(`error: ${tokens} requires ${tokens} not supported ${tokens}\nerror: ${"1.2.3 ".repeat(3000)}requires\n`);
    const generic = [...report.warnings, ...report.dismissed].filter((t) => t.signature.id === "generic-version-skew");
    expect(generic.length).toBeLessThanOrEqual(2);
    expect(report.logs[0]?.stats?.lines).toBe(2);
  });

  it("draws a warning on at most 5% of the real-world near-misses, and never a cause", async () => {
    const dir = `${FIXTURES}real-world/`;
    const nearMisses = readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .flatMap((f) => readFileSync(dir + f, "utf8").split("\n").filter((l) => l.trim()))
      .map((l) => JSON.parse(l) as { expect: string; line: string })
      .filter((e) => e.expect === "none");
    expect(nearMisses.length).toBeGreaterThan(100);
    let warned = 0;
    for (const e of nearMisses) {
      const report = await run(`${e.line}\n`);
      expect(report.causes, e.line).toEqual([]);
      if (report.warnings.length > 0) warned++;
    }
    expect(warned / nearMisses.length).toBeLessThanOrEqual(0.05);
  });
});
