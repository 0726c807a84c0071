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

  it("reads the wider family of relations, one refused version and unknown API versions, always as a warning", async () => {
    const lines = [
      "Error: widgetctl v0.4.1 only supports Kubernetes 1.26 to 1.29, found v1.31.2",
      "FATAL: agent version 2.1.0 is not supported by server 2.3.4",
      "Error: version mismatch between agent 1.4.2 and controller 1.6.0",
      "failed: control plane version >= 1.19.0 required, current version v1.18.2",
      'error: release version "3.2.1" is unknown to this installer',
      'Error: unsupported API version "widgets.example.io/v2" in config.yaml',
      '{"level":"fatal","msg":"startup check","error":"kubernetes version \\"1.24.3\\" is incompatible with gizmo 0.9.0"}',
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual(["generic-version-skew"]);
      expect(report.warnings[0]!.diagnosis.versions.length, line).toBeGreaterThan(0);
    }
  });

  it("reads a refusal without an error word, and a line under an error header, as an error", async () => {
    const cases = [
      "widgetctl version v2.0.1 can only be used with clusters of version 1.30",
      "[ERROR WidgetVersion]: preflight failed\nthe widget agent version 2.9.4 is older than controller 3.1.0",
    ];
    for (const text of cases) {
      const report = await run(`${text}\n`);
      expect(report.causes, text).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), text).toEqual(["generic-version-skew"]);
    }
  });

  it("stays silent on the same relations where the line is not an error or names no version", async () => {
    const lines = [
      "I1201 10:00:00.000000 1 main.go:1] agent version 2.1.0 is not supported by server 2.3.4, using the legacy protocol",
      "error: retry budget 2.5 must be at least 3.0",
      "error: sha256 mismatch for layer 1.2 (expected 3.4)",
      "[✖]  invalid version auto, supported values: auto, latest, 1.10, 1.11",
      "error: image tag 1.2.3 is invalid",
      "[WARNING SystemVerification]: kernel release 5.14.0-570.el9 is unsupported. Supported versions are 5.4, 5.10 and 5.15",
      "- widgetctl version 1.5 is not compatible with clusters of version 1.7 (see the table below)",
      "I1201 10:00:00.000000 1 main.go:1] widget version 2.0.1 can only be used with clusters of version 1.30",
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("reads one version named by a tool that refuses the others, and what one side supports against what the other uses", async () => {
    // The wordings of clusterctl, eksctl and Cluster API's contract check have specific signatures now; the
    // same relations from tools the catalog does not know.
    const cases: [string, string][] = [
      ["Error: widgetctl is only compatible with widgets.example.io/v1beta2 resources", "widgets.example.io/v1beta2"],
      ['error: cannot find any versions matching contract "gizmos.example.io/v1alpha4" for the installed CRDs', "gizmos.example.io/v1alpha4"],
      ["Error: the gizmo operator supports v1beta3 resources, but the cluster is using v1beta1", "v1beta3"],
    ];
    for (const [line, version] of cases) {
      const report = await run(`${line}\n`);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual(["generic-version-skew"]);
      expect(report.warnings[0]!.diagnosis.versions.map((v) => v.version), line).toContain(version);
    }
  });

  it("stays silent on the same words around versions that are not Kubernetes's, and on a CRD's kind missing from the schema", async () => {
    const lines = [
      "Incompatible TLS version (client wants v1.2, server only supports v1.3)",
      "ValueError: CPU backend only supports V1.",
      "error: error validating data: couldn't find type: v1beta2.kafka",
      'error: error validating "t.yaml": error validating data: couldn\'t find type: v1.Template; if you choose to ignore these errors',
      "error: the chart supports the v1.2 schema, but the parser is running in strict mode",
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("draws no generic warning on the near-misses of the held-out tuning sets (fresh-2b, fresh-4a, fresh-4b)", async () => {
    for (const file of ["fresh-2b.jsonl", "fresh-4a.jsonl", "fresh-4b.jsonl"]) {
      const rows = readFileSync(`${FIXTURES}held-out/${file}`, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { skew: boolean; line: string })
        .filter((r) => !r.skew);
      expect(rows.length).toBeGreaterThan(50);
      for (const r of rows) {
        const report = await run(`${r.line}\n`);
        expect(report.warnings.filter((w) => w.signature.family === "generic").map((w) => w.finding.text), r.line).toEqual([]);
      }
    }
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
