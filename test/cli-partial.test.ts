import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { EXIT, main } from "../src/cli.js";

// The CLI tells the truth about what it read: a gzipped log is read as text, and a scan that stopped early
// does not exit as "nothing found".

const dir = mkdtempSync(join(tmpdir(), "skewbot-partial-"));
const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';
const saved = { ...process.env };

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: (async function* () {})() });
  return { code, stdout, stderr };
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const filler = Array.from({ length: 2000 }, (_, i) => `I0206 22:52:48.000000 1 reflector.go:${i}] Listing and watching *v1.Pod`).join("\n");

describe("skewbot analyze reads what it says it read", () => {
  it("decompresses a gzipped log by its magic bytes, whatever its name", async () => {
    for (const name of ["kubelet.log.gz", "build-log.txt"]) {
      const r = await cli(["analyze", file(name, gzipSync(`${filler}\n${HEADLINE}\n`)), "--format", "json"]);
      expect(r.code).toBe(EXIT.CAUSE_FOUND);
      const json = JSON.parse(r.stdout);
      expect(json.findings[0]).toMatchObject({ signature: "k8s-compat-mincompat-out-of-range", line: 2001 });
      expect(json.logs[0]).toMatchObject({ name, partial: false, stats: { lines: 2001 } });
    }
  });

  it("caps what a gzipped log may expand to, as over HTTP, and exits 3 when nothing was found in what was read", async () => {
    process.env["SKEWBOT_MAX_LOG_BYTES"] = "64KB";
    const bomb = file("bomb.log.gz", gzipSync(Buffer.concat([Buffer.alloc(8 * 1024 * 1024, "a\n"), Buffer.from(`${HEADLINE}\n`)])));
    const r = await cli(["analyze", bomb, "--format", "json"]);
    expect(r.code).toBe(EXIT.INCOMPLETE);
    const json = JSON.parse(r.stdout);
    expect(json.logs[0].partial).toBe(true);
    expect(json.logs[0].problems[0]).toMatch(/^bomb\.log\.gz: stopped after 64 KB \(byte cap\): partial scan/);
    expect(json.logs[0].stats.bytes).toBe(64 * 1024);
  });

  it("still exits 1 when a cause was found before the scan stopped", async () => {
    process.env["SKEWBOT_MAX_LOG_BYTES"] = "64KB";
    const r = await cli(["analyze", file("early.log.gz", gzipSync(`${HEADLINE}\n${"b".repeat(1024 * 1024)}\n`))]);
    expect(r.code).toBe(EXIT.CAUSE_FOUND);
  });

  it("reports corrupt compressed data as a partial scan", async () => {
    const good = gzipSync(`${filler}\n`.repeat(20));
    const r = await cli(["analyze", file("broken.gz", good.subarray(0, Math.floor(good.length / 2))), "--format", "json"]);
    expect(r.code).toBe(EXIT.INCOMPLETE);
    expect(JSON.parse(r.stdout).logs[0].problems[0]).toMatch(/broken\.gz: corrupt compressed data after .*: partial scan/);
  });

  it("exits 3 when a download is cut off, and documents it in --help", async () => {
    const handler: RequestListener = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "1000000" });
      res.write(`${filler}\n`);
      setTimeout(() => res.destroy(), 20);
    };
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      // Allowed by origin: this server's port of 127.0.0.1, no other.
      const origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      Object.assign(process.env, { SKEWBOT_ALLOWED_HOSTS: origin, SKEWBOT_ALLOW_HTTP: origin, SKEWBOT_ALLOW_PRIVATE_ADDRESSES: origin, SKEWBOT_RETRIES: "0" });
      const r = await cli(["analyze", `http://${origin}/build.log`, "--format", "json"]);
      expect(r.code).toBe(EXIT.INCOMPLETE);
      expect(JSON.parse(r.stdout).logs[0]).toMatchObject({ partial: true, problems: [expect.stringMatching(/connection reset after .*: partial scan/)] });
    } finally {
      server.close();
    }
    expect((await cli(["--help"])).stdout).toMatch(/3 no cause found but a log was not read in full/);
  });
});
