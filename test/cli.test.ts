import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { EXIT, main } from "../src/cli.js";

const dir = mkdtempSync(join(tmpdir(), "skewbot-cli-"));
const HEADLINE = '2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function cli(args: string[], stdin: string[] = []) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: (async function* () { yield* stdin; })() });
  return { code, stdout, stderr };
}

const schema = JSON.parse(readFileSync(new URL("../docs/report.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

describe("skewbot analyze", () => {
  it("exits 1 and explains when it finds a failure cause (text by default)", async () => {
    const r = await cli(["analyze", file("kube-apiserver.log", `I0206 starting\n${HEADLINE}\n`)]);
    expect(r.code).toBe(EXIT.CAUSE_FOUND);
    expect(r.stdout).toMatch(/^Found 1 version-skew failure cause/);
    expect(r.stdout).toContain("k8s-compat-mincompat-out-of-range");
    expect(r.stderr).toBe("");
  });

  it("exits 0 when it finds nothing, and also when it finds only warnings", async () => {
    expect((await cli(["analyze", file("clean.log", "all good\n")])).code).toBe(EXIT.NOTHING_FOUND);
    const warn = await cli(["analyze", file("warn.log", "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1\n")]);
    expect(warn.code).toBe(EXIT.NOTHING_FOUND);
    expect(warn.stdout).toMatch(/No version-skew failure cause found .* 1 warning worth knowing/);
  });

  it("emits JSON that follows the documented schema", async () => {
    const r = await cli(["analyze", file("j.log", `${HEADLINE}\n${HEADLINE}\nClient Version: v1.31.4\n`), "--format", "json"]);
    const json = JSON.parse(r.stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.findings[0]).toMatchObject({
      signature: "k8s-compat-mincompat-out-of-range",
      severity: "error",
      flake: true,
      line: 1,
      count: 2,
      versions: { minCompatibilityVersion: "1.30", lower: "1.31", upper: "1.31" },
    });
    expect(json.findings[0].fixes.length).toBeGreaterThan(0);
    expect(json.result).toBe("cause");
  });

  it("renders Markdown", async () => {
    const r = await cli(["analyze", file("m.log", `${HEADLINE}\n`), "--format", "markdown"]);
    expect(r.stdout).toMatch(/^### skewbot: version-skew triage/);
    expect(r.stdout).toContain("| Version | Role | Where it came from |");
  });

  it("reads standard input with -", async () => {
    const r = await cli(["analyze", "-", "--format", "json"], [`${HEADLINE.slice(0, 40)}`, `${HEADLINE.slice(40)}\n`]);
    expect(r.code).toBe(EXIT.CAUSE_FOUND);
    expect(JSON.parse(r.stdout).logs[0].name).toBe("stdin");
  });

  it("analyses several logs in one report", async () => {
    const r = await cli(["analyze", file("a.log", "nothing\n"), file("b.log", `${HEADLINE}\n`), "--format", "json"]);
    const json = JSON.parse(r.stdout);
    expect(json.logs.map((l: { name: string }) => l.name)).toEqual(["a.log", "b.log"]);
    expect(json.findings[0].log).toBe("b.log");
  });

  it.each([
    [["analyze", join(dir, "missing.log")], /missing\.log: no such file/],
    [["analyze", dir], /not a regular file/],
    [["analyze"], /analyze needs a log/],
    [["frobnicate", "x"], /unknown command "frobnicate"/],
    [["analyze", "x.log", "--format", "yaml"], /unknown --format "yaml"/],
    [["analyze", "x.log", "--bogus"], /Unknown option '--bogus'/],
    [["analyze", "x.log", "--context", "lots"], /--context takes a whole number/],
  ])("exits 2 with a one-line reason for %j", async (args, reason) => {
    const r = await cli(args);
    expect(r.code).toBe(EXIT.CANNOT_ANALYSE);
    expect(r.stderr.split("\n")[0]).toMatch(reason);
    expect(r.stdout).toBe("");
  });

  it("loads custom signatures in the built-in form and reports bad ones clearly", async () => {
    const custom = file("custom.json", JSON.stringify([{ id: "acme-widget-skew", title: "Widget skew", family: "kubectl", severity: "error", flake: true, anchors: ["widget controller"], patterns: ["widget controller (?<version>{V}) too old"], versions: ["version"], priority: 5, meaning: "The widget controller is too old.", causes: [], fixes: ["Upgrade it."] }]));
    const r = await cli(["analyze", file("w.log", "widget controller v0.9.1 too old\n"), "--signatures", custom, "--format", "json"]);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ signature: "acme-widget-skew", versions: { version: "v0.9.1" } });
    const bad = await cli(["analyze", file("w2.log", "x\n"), "--signatures", file("bad.json", '[{"id":"x-y","anchors":[],"patterns":["a"],"versions":[]}]')]);
    expect(bad.code).toBe(EXIT.CANNOT_ANALYSE);
    expect(bad.stderr).toMatch(/signature x-y: needs at least one anchor/);
  });

  it("lists the catalog", async () => {
    const r = await cli(["signatures"]);
    expect(r.stdout.split("\n")[0]).toMatch(/^k8s-compat-mincompat-out-of-range\s+error/);
  });
});

describe("skewbot analyze <URL>", () => {
  async function withServer(handler: import("node:http").RequestListener, run: (base: string) => Promise<void>) {
    const { createServer } = await import("node:http");
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as import("node:net").AddressInfo).port;
    try {
      await run(`http://127.0.0.1:${port}`);
    } finally {
      server.close();
    }
  }

  async function withEnv(env: Record<string, string>, run: () => Promise<void>) {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      await run();
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }

  it("fetches a plain URL from a host the settings allow", async () => {
    await withServer(
      (req, res) => {
        res.writeHead(req.url === "/ci/build.log" ? 200 : 404, { "content-type": "text/plain" });
        res.end(req.url === "/ci/build.log" ? `starting\n${HEADLINE}\n` : "no");
      },
      async (base) => {
        const origin = new URL(base).host;
        await withEnv({ SKEWBOT_ALLOWED_HOSTS: origin, SKEWBOT_ALLOW_HTTP: origin, SKEWBOT_ALLOW_PRIVATE_ADDRESSES: origin }, async () => {
          const r = await cli(["analyze", `${base}/ci/build.log`, "--format", "json"]);
          expect(r.stderr).toBe("");
          expect(r.code).toBe(EXIT.CAUSE_FOUND);
          expect(JSON.parse(r.stdout).findings[0].signature).toBe("k8s-compat-mincompat-out-of-range");
          const missing = await cli(["analyze", `${base}/ci/other.log`]);
          expect(missing.code).toBe(EXIT.CANNOT_ANALYSE);
          expect(missing.stderr).toMatch(/not found|404/);
        });
      },
    );
  });

  it("refuses a loopback URL by default, with the reason", async () => {
    await withServer(
      (_req, res) => res.end(HEADLINE),
      async (base) => {
        const r = await cli(["analyze", `${base}/x.log`]);
        expect(r.code).toBe(EXIT.CANNOT_ANALYSE);
        expect(r.stderr.split("\n")[0]).toMatch(/not an allowed host|http|private|loopback/i);
      },
    );
  });

  it("explains an unparseable reference", async () => {
    const r = await cli(["analyze", "ftp://example.com/log"]);
    expect(r.code).toBe(EXIT.CANNOT_ANALYSE);
    expect(r.stderr).toMatch(/^skewbot: ftp:\/\/example\.com\/log: /);
  });
});
