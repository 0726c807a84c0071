import { spawn, spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A large local file is scanned on several threads. Checked on the built CLI (npm test builds lib/ first),
// whose report must be the same byte for byte as with --jobs 1; a thread that fails or hangs fails its log
// with a problem line, the other logs are still reported, and SIGTERM ends the process, threads and all.

const dir = mkdtempSync(join(tmpdir(), "skewbot-threads-"));
const cli = fileURLToPath(new URL("../lib/cli.js", import.meta.url));
const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';
const KUBECTL = "2025-02-06T22:44:10.1183920Z WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1";

/** About 13 MB (four ranges of the smallest size), findings and repeats spread through it, some at range edges. */
function bigLog(name: string): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < 130_000; i++) {
    lines.push(`I0206 22:52:${String(i % 60).padStart(2, "0")}.000000       1 reflector.go:${i % 997}] Listing and watching *v1.Pod from k8s.io/client-go/informers/factory.go:160 ${i}`);
    if (i % 9973 === 0) lines.push(HEADLINE.replace("1.30", `1.${20 + (i % 9)}`));
    if (i % 15013 === 0) lines.push(KUBECTL, KUBECTL, "Client Version: v1.34.1", "Server Version: v1.31.0");
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

const big = bigLog("build-log.txt");
const second = join(dir, "e2e.log");
copyFileSync(big, second);
const small = join(dir, "kubelet.log");
writeFileSync(small, `${HEADLINE}\n`);

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { ...process.env, SKEWBOT_SCAN_PARALLEL_MIN_BYTES: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("skewbot analyze on several threads", () => {
  it("reports exactly what one thread reports, whichever threads take the ranges", () => {
    const one = run(["analyze", big, "--format", "json", "--jobs", "1"]);
    expect(one.code).toBe(1);
    const report = JSON.parse(one.stdout);
    expect(report.findings.filter((f: { verdict: string }) => f.verdict === "cause").length).toBeGreaterThan(1);
    expect(report.logs[0].stats.lines).toBe(130_000);
    expect(report.logs[0].stats.bytes).toBeGreaterThan(3 * 4 * 1024 * 1024);
    for (const [jobs, env] of [
      ["2", {}],
      ["3", { SKEWBOT_SCAN_MAIN_THREAD: "0" }],
      ["4", { SKEWBOT_SCAN_MAIN_THREAD: "0" }],
    ] as const) {
      const many = run(["analyze", big, "--format", "json", "--jobs", jobs], env);
      expect(many.stderr).toBe("");
      expect(many.stdout, `--jobs ${jobs}`).toBe(one.stdout);
    }
    expect(run(["analyze", big, "--format", "json"], { SKEWBOT_SCAN_THREADS: "2", SKEWBOT_SCAN_MAIN_THREAD: "0" }).stdout).toBe(one.stdout);
  });

  it("reuses its threads from log to log, with the same report as one thread", () => {
    const args = ["analyze", big, second, small, "--format", "json"];
    const one = run([...args, "--jobs", "1"]);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).logs.map((l: { name: string }) => l.name)).toEqual(["build-log.txt", "e2e.log", "kubelet.log"]);
    expect(run([...args, "--jobs", "2"], { SKEWBOT_SCAN_MAIN_THREAD: "0" }).stdout).toBe(one.stdout);
    expect(run([...args, "--jobs", "3"]).stdout).toBe(one.stdout);
  });

  it("fails only the log whose scan thread crashed, with a problem line", () => {
    const r = run(["analyze", big, small, "--format", "json", "--jobs", "2"], { SKEWBOT_SCAN_MAIN_THREAD: "0", SKEWBOT_SCAN_THREAD_FAULT: "crash" });
    // The other log's cause is still reported.
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const [bigLogSummary, smallLogSummary] = report.logs;
    expect(bigLogSummary.partial).toBe(true);
    expect(bigLogSummary.problems.join("\n")).toMatch(/scan thread failed on bytes \d+–\d+ \(injected fault\): the log was not scanned/);
    expect(smallLogSummary.partial).toBe(false);
    expect(report.findings.map((f: { log: string }) => f.log)).toEqual(["kubelet.log"]);
  });

  it("fails the log of a scan thread that hangs, after the timeout, and exits", () => {
    const r = run(["analyze", big, "--format", "json", "--jobs", "2"], { SKEWBOT_SCAN_MAIN_THREAD: "0", SKEWBOT_SCAN_THREAD_FAULT: "hang", SKEWBOT_SCAN_THREAD_TIMEOUT_MS: "300" });
    // Nothing could be read: "could not analyse", with the reason.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scan thread hung \(no progress for 0 s on bytes \d+–\d+\): the log was not scanned/);
  });

  it("ends on SIGTERM while its threads scan, leaving none behind", async () => {
    const child = spawn(process.execPath, [cli, "analyze", big, "--jobs", "2"], {
      env: { ...process.env, SKEWBOT_SCAN_PARALLEL_MIN_BYTES: "1", SKEWBOT_SCAN_MAIN_THREAD: "0", SKEWBOT_SCAN_THREAD_FAULT: "hang" },
      stdio: "ignore",
    });
    // Hung threads would keep it waiting for the default timeout (a minute); SIGTERM ends it at once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill("SIGTERM");
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
    expect(signal ?? String(code)).toBe("SIGTERM");
    // The process is gone: threads live inside it.
    expect(() => process.kill(child.pid!, 0)).toThrow();
  });
});

describe("skewbot analyze of a stream on a scan thread", () => {
  let server: Server;
  let origin = "";
  beforeAll(async () => {
    const gz = gzipSync(readFileSync(big));
    server = createServer((req, res) => {
      if (req.url === "/build-log.txt.gz") {
        res.writeHead(200, { "content-type": "application/gzip" });
        res.end(gz);
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      createReadStream(big).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const http = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // Asynchronous: the server answers from this process.
      const child = spawn(process.execPath, [cli, ...args], {
        env: { ...process.env, SKEWBOT_ALLOWED_HOSTS: origin, SKEWBOT_ALLOW_HTTP: origin, SKEWBOT_ALLOW_PRIVATE_ADDRESSES: origin, SKEWBOT_RETRIES: "0", ...env },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
    });

  it("reports over HTTP (plain and gzipped) exactly what it reports on one thread, and what the file gives", async () => {
    const file = JSON.parse(run(["analyze", big, "--format", "json", "--jobs", "1"]).stdout);
    for (const path of ["/build-log.txt", "/build-log.txt.gz"]) {
      const one = await http(["analyze", `http://${origin}${path}`, "--format", "json", "--jobs", "1"]);
      expect(one.code, one.stderr).toBe(1);
      const two = await http(["analyze", `http://${origin}${path}`, "--format", "json", "--jobs", "2"]);
      expect(two.stdout, path).toBe(one.stdout);
      expect(JSON.parse(two.stdout).findings.map((f: { line: number; count: number }) => [f.line, f.count])).toEqual(file.findings.map((f: { line: number; count: number }) => [f.line, f.count]));
    }
  });

  it("fails the log with a problem line when its scan thread crashes", async () => {
    const r = await http(["analyze", `http://${origin}/build-log.txt`, small, "--format", "json", "--jobs", "2"], { SKEWBOT_SCAN_THREAD_FAULT: "crash" });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.logs[0].partial).toBe(true);
    expect(report.logs[0].problems.join("\n")).toMatch(/scan thread failed \(injected fault\): the log was not scanned/);
    expect(report.findings.map((f: { log: string }) => f.log)).toEqual(["kubelet.log"]);
  });
});
