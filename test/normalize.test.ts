import { describe, expect, it } from "vitest";
import { normalizeLine } from "../src/scan/normalize.js";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";

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
