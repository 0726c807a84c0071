import { spawn } from "node:child_process";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeGcs, type ObjectBody } from "../tools/replay/fake-gcs.js";
import { KUBECTL_SKEW_LINE as KUBECTL, KUBELET_FLAG_LINE as KUBELET, logWith } from "./helpers/logs.js";

// Several logs read at once (`--jobs` > 1), on the built CLI: the report is the same byte for byte as the
// one of a read one after the other (--jobs 1), whichever log finishes first; a log that is missing, breaks
// off or whose scan thread crashes fails alone, with its problem line; the byte budget that a Prow build's
// logs share cuts the same logs short. The first log asked for is held back until another one is asked for
// (or, read one after the other, for a moment): read at once, the logs then finish out of order, and the
// servers see that they were read at once.

const cli = fileURLToPath(new URL("../lib/cli.js", import.meta.url));
const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';


/**
 * The first log asked for is answered only once another one has been answered, or after a moment: read at
 * once, the logs then finish out of order, and `overlapped` says that a second log was asked for while the
 * first was still waiting (read one after the other, none is).
 */
class Hold {
  overlapped = false;
  private state: "none" | "holding" | "done" = "none";
  private release?: () => void;
  reset(): void {
    this.overlapped = false;
    this.state = "none";
    this.release = undefined;
  }
  /** A log was asked for: resolves when it may be answered. */
  async arrive(): Promise<void> {
    if (this.state === "holding") {
      this.overlapped = true;
      return;
    }
    if (this.state === "done") return;
    this.state = "holding";
    await new Promise<void>((resolve) => {
      this.release = resolve;
      setTimeout(resolve, 1000);
    });
    this.state = "done";
  }
  /** A log other than the held one was answered in full. */
  answered(): void {
    if (this.state === "holding") this.release?.();
  }
}

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    // Asynchronous: the servers answer from this process.
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, SKEWBOT_RETRIES: "0", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("skewbot analyze of several URLs at once", () => {
  const hold = new Hold();
  const logs: Record<string, string> = {
    "/first.log": logWith([HEADLINE], 20_000, 1),
    "/third.log": logWith([KUBECTL, "Client Version: v1.34.1", "Server Version: v1.31.0"], 30_000, 3),
    "/fourth.log": logWith([KUBELET], 10_000, 4),
    "/fifth.log": logWith([HEADLINE.replace("1.30", "1.29")], 5_000, 5),
  };
  let server: Server;
  let origin = "";
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      void (async () => {
        const held = hold.arrive();
        await held;
        res.on("finish", () => hold.answered());
        if (req.url === "/fourth.log") {
          // Half the log, then the connection breaks.
          const body = logs["/fourth.log"]!;
          res.writeHead(200, { "content-type": "text/plain", "content-length": String(body.length) });
          res.write(body.slice(0, body.length / 2), () => res.destroy());
          return;
        }
        const body = logs[req.url ?? ""];
        res.writeHead(body ? 200 : 404, { "content-type": "text/plain" });
        res.end(body ?? "no such log");
      })();
    });
    origin = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => hold.reset());

  const env = () => ({ SKEWBOT_ALLOWED_HOSTS: origin, SKEWBOT_ALLOW_HTTP: origin, SKEWBOT_ALLOW_PRIVATE_ADDRESSES: origin });
  const urls = () => ["/first.log", "/second.log", "/third.log", "/fourth.log", "/fifth.log"].map((p) => `http://${origin}${p}`);

  it("reports exactly what a read one after the other reports, in the same order, each failure alone", async () => {
    for (const format of ["json", "markdown"]) {
      hold.reset();
      const one = await run(["analyze", ...urls(), "--format", format, "--jobs", "1"], env());
      expect(hold.overlapped, "--jobs 1 reads one log at a time").toBe(false);
      expect(one.code, one.stderr).toBe(1);
      for (const jobs of ["2", "4"]) {
        hold.reset();
        const many = await run(["analyze", ...urls(), "--format", format, "--jobs", jobs], env());
        expect(hold.overlapped, `--jobs ${jobs} reads logs at once`).toBe(true);
        expect(many.stderr).toBe("");
        expect(many.code).toBe(one.code);
        expect(many.stdout, `${format}, --jobs ${jobs}`).toBe(one.stdout);
      }
      if (format !== "json") continue;
      const report = JSON.parse(one.stdout);
      expect(report.logs.map((l: { name: string }) => l.name)).toEqual(["first.log", "second.log", "third.log", "fourth.log", "fifth.log"]);
      const problems = Object.fromEntries(report.logs.map((l: { name: string; problems: string[] }) => [l.name, l.problems.join("; ")]));
      expect(problems["second.log"]).toMatch(/not found \(404\)/);
      expect(problems["fourth.log"]).toMatch(/connection reset after .*: partial scan/);
      expect(report.logs[3].stats.bytes).toBeGreaterThan(0);
      expect(new Set(report.findings.map((f: { log: string }) => f.log))).toEqual(new Set(["first.log", "third.log", "fifth.log"]));
    }
  });

  it("fails only the log whose scan thread crashed; the logs read at the same time are reported", async () => {
    const r = await run(["analyze", ...urls(), "--format", "json", "--jobs", "2"], { ...env(), SKEWBOT_SCAN_THREAD_FAULT: "crash", SKEWBOT_SCAN_THREAD_FAULT_LOG: "third.log" });
    expect(hold.overlapped).toBe(true);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    const third = report.logs.find((l: { name: string }) => l.name === "third.log");
    expect(third.partial).toBe(true);
    expect(third.problems.join("\n")).toMatch(/scan thread failed \(injected fault\): the log was not scanned/);
    expect(new Set(report.findings.map((f: { log: string }) => f.log))).toEqual(new Set(["first.log", "fifth.log"]));
  });
});

describe("skewbot analyze of a Prow build's logs at once", () => {
  const BUCKET = "ci-logs";
  const DIR = "logs/e2e-kind/1900000000000000001";
  const ARTIFACTS = `${DIR}/artifacts/kind-control-plane`;
  const buildLog = logWith([HEADLINE], 3_000, 7);
  const objects = new Map<string, ObjectBody>([
    [`${BUCKET}/${DIR}/started.json`, { text: JSON.stringify({ timestamp: 1738880000 }) }],
    [`${BUCKET}/${DIR}/finished.json`, { text: JSON.stringify({ timestamp: 1738883600, passed: false, result: "FAILURE" }) }],
    [`${BUCKET}/${DIR}/build-log.txt`, { text: buildLog }],
    [`${BUCKET}/${ARTIFACTS}/kubelet.log`, { text: logWith([KUBELET], 3_000, 8) }],
    [`${BUCKET}/${ARTIFACTS}/kube-apiserver.log`, { text: logWith([HEADLINE.replace("1.30", "1.28")], 3_000, 9) }],
    [`${BUCKET}/${ARTIFACTS}/containerd.log`, { text: logWith([HEADLINE.replace("1.30", "1.27")], 3_000, 10) }],
  ]);
  const hold = new Hold();
  const gcs = new FakeGcs(objects);
  let front: Server;
  let origin = "";
  beforeAll(async () => {
    const upstream = new URL(await gcs.listen());
    // Read at once, the log held back finishes last, and the others take the job's byte budget before it.
    front = createServer((req, res) => {
      void (async () => {
        const path = req.url ?? "/";
        if (path.endsWith(".log") || path.endsWith(".txt")) await hold.arrive();
        res.on("finish", () => hold.answered());
        const forward = request({ host: upstream.hostname, port: upstream.port, path, method: req.method, headers: req.headers }, (up) => {
          if (!path.startsWith("/storage/")) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          // The listing understates the artifacts' sizes, as the listed size of a compressed log does: they are
          // all picked, and the byte budget cuts them while they are read.
          let listing = "";
          up.on("data", (d: Buffer) => (listing += d.toString()));
          up.on("end", () => {
            res.writeHead(up.statusCode ?? 502, { "content-type": "application/json" });
            res.end(listing.replace(/"size":"\d+"/g, '"size":"1000"'));
          });
        });
        req.pipe(forward);
      })();
    });
    origin = await listen(front);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => front.close(() => resolve()));
    await gcs.close();
  });
  beforeEach(() => hold.reset());

  const env = (budget: number) => ({
    SKEWBOT_STORAGE_URL: `http://${origin}`,
    SKEWBOT_GCS_API_URL: `http://${origin}`,
    SKEWBOT_ALLOW_HTTP: origin,
    SKEWBOT_ALLOW_PRIVATE_ADDRESSES: origin,
    SKEWBOT_MAX_TRIAGE_BYTES: String(budget),
  });
  it("reports what a read one after the other reports, even where the job's byte budget cuts a log short", async () => {
    const logBytes = Buffer.byteLength(buildLog);
    // Within the budget; with one that runs out in the second log (read at once, the second log is read
    // before the held build log, which the budget would then cut instead); and in the third.
    for (const budget of [100 * 1024 * 1024, Math.round(logBytes * 1.5), Math.round(logBytes * 2.5)]) {
      hold.reset();
      const one = await run(["analyze", `gs://${BUCKET}/${DIR}`, "--format", "json", "--jobs", "1"], env(budget));
      expect(one.code, one.stderr).toBe(1);
      expect(hold.overlapped).toBe(false);
      hold.reset();
      const two = await run(["analyze", `gs://${BUCKET}/${DIR}`, "--format", "json", "--jobs", "2"], env(budget));
      expect(hold.overlapped, "--jobs 2 reads the build's logs at once").toBe(true);
      expect(two.stdout, `budget ${budget}`).toBe(one.stdout);
      const logs: { name: string; problems: string[] }[] = JSON.parse(one.stdout).logs;
      expect(logs.map((l) => l.name)[0]).toBe("build-log.txt");
      expect(logs).toHaveLength(4);
      // One after the other, the budget reads the first logs whole, cuts the next and leaves the rest unread.
      const cut = logs.filter((l) => l.problems.some((p) => /byte budget for this job is used up/.test(p)));
      expect(cut.map((l) => l.name)).toEqual(logs.slice(budget > logBytes * 4 ? 4 : Math.floor(budget / logBytes)).map((l) => l.name));
    }
  });
});
