import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { normalizeLine, repeatKey, type NormalizedLine } from "../src/scan/normalize.js";
import { analyze } from "../src/pipeline.js";
import { FIXTURES, readFixture, textSource } from "./helpers/logs.js";
import { normalizeLine as referenceNormalizeLine } from "./helpers/normalize-reference.js";

const MSG = 'minCompatibilityVersion version 1.30 is not between [1.31, 1.31]';

describe("normalizeLine", () => {
  it("strips ANSI colour codes", () => {
    expect(normalizeLine(`\u001b[31mError:\u001b[0m ${MSG}`).text).toBe(`Error: ${MSG}`);
  });

  it("strips GitHub Actions timestamps", () => {
    expect(normalizeLine(`2025-02-06T22:52:48.6828400Z ${MSG}`).text).toBe(MSG);
  });

  it("strips the CRI container-log prefix and the klog header, keeping severity and location", () => {
    const n = normalizeLine(`2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="${MSG}"`);
    expect(n.text).toBe(`"command failed" err="${MSG}"`);
    expect(n.klog).toEqual({ level: "E", location: "run.go:72" });
  });

  it("strips CRI partial-line markers (P) as well as full (F)", () => {
    expect(normalizeLine("2025-02-06T22:52:48.682840017Z stdout P part one").text).toBe("part one");
  });

  it("strips journald prefixes, then the klog header inside", () => {
    const n = normalizeLine('Feb 27 13:45:09 ci-node-7 kubelet[4411]: W0227 13:45:09.777321    4411 feature_gate.go:351] Setting GA feature gate X=true.');
    expect(n.text).toBe("Setting GA feature gate X=true.");
    expect(n.klog?.level).toBe("W");
  });

  it("strips cloud-init prefixes and the bootstrap timestamp after them", () => {
    expect(normalizeLine(`[  123.456789] cloud-init[1234]: [2025-02-06 22:52:48] ${MSG}`).text).toBe(MSG);
    expect(normalizeLine(`[2025-02-06 22:52:48] ${MSG}`).text).toBe(MSG);
  });

  it("removes CRLF remnants and other control characters", () => {
    expect(normalizeLine(`${MSG}\r`).text).toBe(MSG);
    expect(normalizeLine(`a\u0000b\u0007c`).text).toBe("abc");
  });

  it("decodes HTML-escaped text copied from web pages", () => {
    expect(normalizeLine("control plane version &gt;= 1.35.0. Current version: v1.34.3").text).toBe("control plane version >= 1.35.0. Current version: v1.34.3");
    expect(normalizeLine("Kubelet version: &quot;1.24.3&quot; &amp; more").text).toBe('Kubelet version: "1.24.3" & more');
  });

  it("unescapes quotes inside klog err=\"...\" values, also when escaped twice", () => {
    expect(normalizeLine(String.raw`err="validate CRI v1 runtime API for endpoint \"unix:///run/x.sock\": rpc error"`).text).toBe(
      'err="validate CRI v1 runtime API for endpoint "unix:///run/x.sock": rpc error"',
    );
    expect(normalizeLine(String.raw`msg=\\\"x\\\"`).text).toBe('msg="x"');
  });

  it("extracts the message from logrus/crictl logfmt lines", () => {
    expect(normalizeLine(String.raw`time="2026-05-21T10:11:12Z" level=fatal msg="validate \"x\": boom"`).text).toBe('time="2026-05-21T10:11:12Z" validate "x": boom');
  });

  it("keeps a logfmt line's error=/err= field after its message", () => {
    expect(normalizeLine(String.raw`time="2022-07-20T02:33:08Z" level=error msg="failed to list" err="client version 1.41 is too new" x=1`).text).toBe(
      'time="2022-07-20T02:33:08Z" failed to list: client version 1.41 is too new',
    );
    expect(normalizeLine(String.raw`level=info msg="done" error="rpc error: json: unknown field \"images\"" grpc.code=3`).text).toBe(
      'done: rpc error: json: unknown field "images"',
    );
    expect(normalizeLine(String.raw`level=info msg="done" user="x"`).text).toBe("done");
  });

  it("finds a failure that sits in a logfmt err= field (Docker, moby/moby)", async () => {
    const line = String.raw`time="2022-07-20T02:33:08Z" level=error msg="failed to get the list of containers" err="Error response from daemon: client version 1.41 is too new. Maximum supported API version is 1.40"`;
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    expect(report.causes.map((c) => c.signature.id)).toEqual(["docker-api-version-too-new"]);
  });

  it("unwraps docker json-file lines", () => {
    const line = JSON.stringify({ log: `E0206 22:52:48.682710       1 run.go:72] "command failed" err="${MSG}"\n`, stream: "stderr", time: "2025-02-06T22:52:48Z" });
    expect(normalizeLine(line).text).toBe(`"command failed" err="${MSG}"`);
  });

  it("strips markdown quoting and stacked prefixes in any order", () => {
    expect(normalizeLine(`> > 2025-02-06T22:52:48.6828400Z 2025-02-06T22:52:48.682840017Z stderr F ${MSG}`).text).toBe(MSG);
  });

  it("leaves a line with no prefix alone and never throws on odd input", () => {
    expect(normalizeLine(MSG).text).toBe(MSG);
    for (const odd of ["", "\ufffd\ufffd", "&#xZZ;", "\\\\\\", "{\"log\":\"\\u12", "E0101 broken klog"]) {
      expect(() => normalizeLine(odd)).not.toThrow();
    }
  });
});

// --- the restructured normaliser against the one it replaced ------------------------------------------

/** Every log line of the corpora: the fixture logs and the lines of the JSONL corpora. */
function corpusLines(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".log")) out.push(...readFixture(path).log.toString("utf8").split("\n"));
      else if (entry.endsWith(".jsonl")) {
        for (const row of readFileSync(path, "utf8").split("\n")) {
          if (!row.trim()) continue;
          const line = (JSON.parse(row) as { line?: unknown }).line;
          if (typeof line === "string") out.push(...line.split("\n"));
        }
      }
    }
  };
  walk(FIXTURES);
  return out.map((l) => l.replace(/\r$/, ""));
}

/** A fixed pseudo-random sequence. */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const MESSAGES = [
  MSG,
  '"command failed" err="emulation version 1.30 is not between [1.33, 1.36.0]"',
  "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1",
  'err="validate CRI v1 runtime API for endpoint \\"unix:///run/x.sock\\": rpc error"',
  'time="2022-07-20T02:33:08Z" level=error msg="failed to list" err="client version 1.41 is too new" x=1',
  "control plane version &gt;= 1.35.0. Current version: v1.34.3",
  "the `kubectl` [version](https://example.com/x) is v1.29",
  "stdout F not a prefix here",
  "",
  "   padded message   ",
];

/** A line built from the prefixes the normaliser knows, stacked, mangled at their edges now and then. */
function generatedLine(r: ReturnType<typeof prng>): string {
  const d2 = () => String(r.int(100)).padStart(2, "0");
  const ts = () => `20${d2()}-${d2()}-${d2()}${r.pick(["T", "T", " "])}${d2()}:${d2()}:${d2()}${r.pick(["", ".", ",", "."])}${"1234567890".slice(0, r.int(10))}${r.pick(["Z", "Z", "", "+01:00", "-0800", "z"])}`;
  const ws = () => r.pick([" ", " ", "  ", "\t", " \t", "", "\u0001 ", " \u001b[0m"]);
  const klog = () => `${r.pick(["I", "W", "E", "F", "X"])}${d2()}${d2()} ${d2()}:${d2()}:${d2()}${r.pick([".", ".", ""])}${"987654".slice(0, r.int(7))}${r.pick([" ", "       ", "\t", ""])}${r.int(99999)}${r.pick([" ", "  ", ""])}${r.pick(["run.go:72", "a:1:2", "x.go", "my file.go:3", "q\"x.go:1", "b\\\\c.go:9", "12", ":5", "ok.go:7]"])}${r.pick(["] ", "]", "]  "])}`;
  const stream = () => `${r.pick(["stdout", "stderr", "stdin"])}${r.pick([" ", "  ", "\u0001 "])}${r.pick(["F", "P", "X"])}${r.pick([" ", "", "\t"])}`;
  const layers = [
    () => `${ts()}${r.pick([" ", " ", "  "])}${stream()}`,
    () => `${ts()}${ws()}`,
    () => klog(),
    () => `${r.pick(["> ", ">", "> > "])}`,
    () => "##[error]",
    () => `Feb ${d2()} ${d2()}:${d2()}:${d2()} host-${r.int(9)} kubelet[${r.int(9999)}]: `,
    () => `[  ${r.int(999)}.${r.int(999999)}] ${r.pick(["", "cloud-init[12]: "])}`,
    () => `[20${d2()}-${d2()}-${d2()} ${d2()}:${d2()}:${d2()}] `,
    () => r.pick(["\u001b[31m", "\u001b]0;t\u0007", "\u009b1m", "\u0000", "\r"]),
  ];
  let line = r.pick(MESSAGES);
  for (let n = r.int(4); n > 0; n--) {
    if (r.int(5) === 0) {
      // A docker json-file line around what there is so far.
      const body = JSON.stringify(`${line}${r.pick(["\n", "", "\r\n"])}`).slice(1, -1);
      line = `{"log":"${r.int(8) === 0 ? body.replace(/\\/g, "") : body}"${r.pick([',"stream":"stderr","time":"' + ts() + '"}', "", ',"x":"\\u00"'])}`;
    } else {
      line = `${r.pick(layers)()}${line}`;
    }
  }
  return line;
}

function generatedLines(count: number, seed: number): string[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => generatedLine(r));
}

describe("normalizeLine against the normaliser it replaced", () => {
  it("normalises every line of the corpora exactly as before", () => {
    const lines = corpusLines();
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect(withoutRecord(normalizeLine(line)), line).toEqual(referenceNormalizeLine(line));
  });

  it("normalises generated lines of stacked and mangled prefixes exactly as before", () => {
    for (const line of generatedLines(30_000, 0x5eed)) expect(withoutRecord(normalizeLine(line)), JSON.stringify(line)).toEqual(referenceNormalizeLine(line));
  });
});

/** The text and klog header, which the reference computes; a structured record's level is newer than it. */
function withoutRecord(line: NormalizedLine): NormalizedLine {
  const { record: _record, ...rest } = line;
  return rest;
}

describe("repeatKey", () => {
  it("gives lines the same key only where they normalise alike", () => {
    // Families of lines that share a message under prefixes that differ, and the generated lines: every
    // group of lines with one key must have one normalised form.
    const r = prng(0xbeef);
    const lines = [...generatedLines(20_000, 0xfeed), ...corpusLines()];
    const d2 = () => String(r.int(100)).padStart(2, "0");
    const rfc = () => `20${d2()}-${d2()}-${d2()}T${d2()}:${d2()}:${d2()}${r.pick(["", `.${r.int(1e9)}`])}Z`;
    const klog = () => `${r.pick(["I", "E"])}${d2()}${d2()} ${d2()}:${d2()}:${d2()}.${r.int(1e6)}${" ".repeat(1 + r.int(7))}${r.int(99999)} ${r.pick(["run.go:72", "a:1:2", "x.go", "q\\\"x.go:1"])}] `;
    const outer = [
      () => `${rfc()}${r.pick([" ", "  ", "\t"])}`,
      () => `${rfc()} ${r.pick(["stdout", "stderr"])} ${r.pick(["F", "P"])} `,
      () => `${rfc()}${r.pick([" ", "  "])}${r.pick(["stdout", "stderr"])}${r.pick([" ", "\u0001 ", "  "])}${r.pick(["F", "P"])}${r.pick([" ", "\u0001 "])}`,
      () => klog(),
      () => `${rfc()} ${r.pick(["stdout", "stderr"])} F ${klog()}`,
      () => `${rfc()}${r.pick([" ", "  ", "\t"])}${klog()}`,
      () => "",
    ];
    // Families: one core (a message under inner layers) under outer prefixes of every shape.
    for (const core of generatedLines(400, 0xc0de)) {
      for (let i = 0; i < 24; i++) {
        const line = `${r.pick(outer)()}${core}`;
        lines.push(line, r.int(3) === 0 ? JSON.stringify({ log: `${klog()}${line}\n`, stream: "stderr", time: rfc() }) : line);
      }
    }
    const byKey = new Map<string, { line: string; normalized: ReturnType<typeof normalizeLine> }>();
    let shared = 0;
    for (const line of lines) {
      const key = repeatKey(Buffer.from(line));
      const normalized = referenceNormalizeLine(line);
      const first = byKey.get(key);
      if (!first) byKey.set(key, { line, normalized });
      else {
        shared++;
        expect(normalized, `${JSON.stringify(line)} shares its key with ${JSON.stringify(first.line)}`).toEqual(first.normalized);
      }
    }
    // The generated prefixes vary: many lines must have shared a key for this to test anything.
    expect(shared).toBeGreaterThan(1000);
  });

  it("recognises repeats that differ only in a timestamp, a CRI tag, a klog header's time and pid, or a docker line's other fields", () => {
    const key = (line: string) => repeatKey(Buffer.from(line));
    const cri = (ts: string, stream: string, pid: string) => `${ts} ${stream} F E0206 22:52:${String(pid.length).padStart(2, "0")}.682710 ${pid} run.go:72] "command failed" err="${MSG}"`;
    expect(key(cri("2025-02-06T22:52:48.682840017Z", "stderr", "      1"))).toBe(key(cri("2026-12-01T00:00:00Z", "stdout", "  4411")));
    expect(key(`2025-02-06T22:52:48.6828400Z ${MSG}`)).toBe(key(`2025-02-07T01:02:03.1Z ${MSG}`));
    expect(key(`E0206 22:52:48.682710       1 run.go:72] ${MSG}`)).toBe(key(`E1201 01:02:03.4       999 run.go:72] ${MSG}`));
    const docker = (time: string) => JSON.stringify({ log: `E0206 ${time.slice(11, 26)}   7 run.go:72] ${MSG}\n`, stream: "stderr", time });
    expect(key(docker("2025-02-06T22:52:48.682710Z"))).toBe(key(docker("2025-02-06T23:59:01.000001Z")));
    // What the result depends on stays in the key: the level, the location, the message, and the white
    // space after a bare timestamp (one space and a stream tag, after cleaning, would be CRI's).
    expect(key(`E0206 22:52:48.682710       1 run.go:72] ${MSG}`)).not.toBe(key(`W0206 22:52:48.682710       1 run.go:72] ${MSG}`));
    expect(key(`E0206 22:52:48.682710       1 run.go:72] ${MSG}`)).not.toBe(key(`E0206 22:52:48.682710       1 run.go:73] ${MSG}`));
    expect(key(`2025-02-06T22:52:48Z ${MSG}`)).not.toBe(key(`2025-02-06T22:52:48Z ${MSG}.`));
    expect(key("2025-02-06T22:52:48Z stdout\u0001 F x")).not.toBe(key("2025-02-06T22:52:48Z  stdout\u0001 F x"));
    expect(normalizeLine("2025-02-06T22:52:48Z stdout\u0001 F x").text).not.toBe(normalizeLine("2025-02-06T22:52:48Z  stdout\u0001 F x").text);
  });
});
