// Real sockets on 127.0.0.1: the 100 MB streaming test, timeouts and resets that nock cannot imitate
// faithfully, DNS pinning, and the whole path from a reference to a report against loopback stand-ins for
// GitHub and GCS configured through the documented SKEWBOT_* variables.
//
// This file deliberately does not load nock: its interceptor replaces real sockets even for allowed hosts
// (it buffers pass-through bodies and resolves names itself), which would defeat exactly what is measured
// here: memory while streaming, and connections pinned to the checked address. The network stays out of
// reach by construction: every request goes to 127.0.0.1, either as an IP literal or through a resolve hook
// that answers 127.0.0.1, and the allowed-host lists name nothing else.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline.js";
import { scan } from "../../src/scan/scanner.js";
import { builtinSignatures } from "../../src/signatures/index.js";
import type { SourceSettings } from "../../src/sources/index.js";
import { parseLogRef, resolveLogRef, sourceSettingsFromEnv } from "../../src/sources/index.js";
import { openStream } from "../../src/sources/http.js";
import { readAll, readUntilError, testSettings } from "./helpers.js";

const SKEW_LINE =
  '2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';
const MB = 1024 * 1024;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
const routes = new Map<string, Handler>();
const seen: { path: string; headers: http.IncomingHttpHeaders }[] = [];
let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    seen.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end("no such object");
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

beforeEach(() => {
  routes.clear();
  seen.length = 0;
});

/** Allows the stand-in's origin: 127.0.0.1 on its port (`on`), and no other port. */
function loopbackSettings(overrides: Partial<SourceSettings> = {}, on = port): SourceSettings {
  const origin = `127.0.0.1:${on}`;
  return testSettings({ allowedHosts: [origin], allowHttp: [origin], allowPrivateAddresses: [origin], ...overrides });
}

/** Writes with backpressure, as a real server would. */
async function write(res: http.ServerResponse, chunk: string | Buffer): Promise<void> {
  if (!res.write(chunk)) await new Promise<void>((r) => res.once("drain", () => r()));
}

/** ~`total` bytes of klog-style filler in 64 KB chunks with pauses, then the skew line and a short tail. */
async function serveBigLog(res: http.ServerResponse, total: number): Promise<void> {
  res.writeHead(200, { "content-type": "text/plain" });
  const line = (i: number) => `I0516 10:00:00.000000    4711 reflector.go:351] filler line ${String(i).padStart(9, "0")} ${"x".repeat(60)}\n`;
  const perChunk = Math.floor((64 * 1024) / line(0).length);
  let written = 0;
  let n = 0;
  for (let chunk = 0; written < total; chunk++) {
    const lines: string[] = [];
    for (let i = 0; i < perChunk; i++) lines.push(line(n++));
    const text = lines.join("");
    written += text.length;
    await write(res, text);
    // Slow chunks: the body trickles rather than arriving in one burst.
    if (chunk % 16 === 0) await sleep(1);
  }
  await write(res, `${SKEW_LINE}\n`);
  for (let i = 0; i < 10; i++) await write(res, line(n++));
  res.end();
}

describe("100 MB log over loopback", () => {
  it("finds the skew line near the end with bounded memory", async () => {
    const total = 100 * MB;
    routes.set("/b/logs/job/1/build-log.txt", (_req, res) => serveBigLog(res, total));
    const settings = loopbackSettings({ maxLogBytes: 200 * MB });

    // What the bound is about is memory the scan keeps, not garbage V8 has not collected yet: read chunks wait for
    // its external-memory threshold, which a busy machine (the whole suite in parallel) reaches later. So every
    // sample is taken after a full collection.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      gc();
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    let result;
    try {
      const body = await openStream(`${base}/b/logs/job/1/build-log.txt`, settings, { label: "build-log.txt" });
      result = await scan(body, { log: "build-log.txt", signatures: builtinSignatures });
    } finally {
      clearInterval(sampler);
    }
    expect(result.stats.bytes).toBeGreaterThan(total);
    const finding = result.findings.find((f) => f.signature === "k8s-compat-mincompat-out-of-range");
    expect(finding, JSON.stringify(result.findings.map((f) => f.signature))).toBeDefined();
    expect(finding!.line).toBe(result.stats.lines - 10);
    // Holding the log would cost at least its 100 MB (as Buffers in RSS, or twice that as a string on the
    // heap). Streaming measured 25–35 MB of RSS growth (the in-process server and the socket buffers), 2 MB of heap.
    expect(peakRss - before.rss).toBeLessThan(80 * MB);
    expect(peakHeap - before.heapUsed).toBeLessThan(48 * MB);
  });

  it("stops at the byte cap and reports a partial scan", async () => {
    routes.set("/b/capped.txt", (_req, res) => serveBigLog(res, 8 * MB));
    const body = await openStream(`${base}/b/capped.txt`, loopbackSettings({ maxLogBytes: 3 * MB }), { label: "build-log.txt" });
    const result = await readUntilError(body);
    expect(result.bytes).toBe(3 * MB);
    expect(result.error).toBe("build-log.txt: stopped after 3 MB (byte cap): partial scan");
  });
});

describe("timeouts and resets on real sockets", () => {
  it("times out a server that never answers", async () => {
    routes.set("/hang", () => {});
    const settings = loopbackSettings({ requestTimeoutMs: 150 });
    await expect(openStream(`${base}/hang`, settings, { label: "build-log.txt" })).rejects.toThrow(
      "build-log.txt: no response from 127.0.0.1 within 150 ms",
    );
  });

  it("times out a body that stalls, keeping what arrived", async () => {
    routes.set("/stall", (_req, res) => {
      res.writeHead(200);
      res.write("a".repeat(1000));
    });
    const body = await openStream(`${base}/stall`, loopbackSettings({ idleTimeoutMs: 150 }), { label: "kubelet.log" });
    const result = await readUntilError(body);
    expect(result.bytes).toBe(1000);
    expect(result.error).toBe("kubelet.log: no data for 150 ms after 1000 B: partial scan");
  });

  it("stops a body that trickles for longer than the stream timeout", async () => {
    routes.set("/trickle", async (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write("z\n");
        await sleep(30);
      }
      res.end();
    });
    const body = await openStream(`${base}/trickle`, loopbackSettings({ idleTimeoutMs: 1000, streamTimeoutMs: 300 }), { label: "slow.log" });
    const result = await readUntilError(body);
    expect(result.error).toMatch(/^slow\.log: download took longer than 300 ms, stopped after \d+ B: partial scan$/);
  });

  it("does not count a slow consumer's time as a stall (back-pressure, not an idle server)", async () => {
    routes.set("/fast", async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 48; i++) await write(res, Buffer.alloc(64 * 1024, 0x62));
      res.end();
    });
    const body = await openStream(`${base}/fast`, loopbackSettings({ idleTimeoutMs: 100, streamTimeoutMs: 400 }), { label: "fast.log" });
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of body) {
      bytes += chunk.length;
      // Far longer, in all, than both timeouts, while the server has long sent everything.
      if (chunks++ < 4) await sleep(150);
    }
    expect(bytes).toBe(48 * 64 * 1024);
  });

  it("decodes a large gzip-encoded body exactly, and caps what it decodes", async () => {
    const { gzipSync } = await import("node:zlib");
    const text = Array.from({ length: 60_000 }, (_, i) => `I0516 10:00:00.000000    4711 reflector.go:351] line ${i} ${"y".repeat(i % 97)}\n`).join("");
    const packed = gzipSync(text);
    routes.set("/gz", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip", "content-length": String(packed.length) });
      res.end(packed);
    });
    expect(await readAll(await openStream(`${base}/gz`, loopbackSettings(), { label: "kubelet.log" }))).toBe(text);
    const capped = await readUntilError(await openStream(`${base}/gz`, loopbackSettings({ maxLogBytes: 3 * MB }), { label: "kubelet.log" }));
    expect(capped.bytes).toBe(3 * MB);
    expect(capped.error).toBe("kubelet.log: stopped after 3 MB (byte cap): partial scan");
  });

  it("reports a connection reset mid-body with the bytes read", async () => {
    routes.set("/reset", async (req, res) => {
      res.writeHead(200, { "content-length": String(4 * MB) });
      await write(res, Buffer.alloc(MB + MB / 2, 0x61));
      await sleep(50);
      req.socket.destroy();
    });
    const result = await readUntilError(await openStream(`${base}/reset`, loopbackSettings(), { label: "build-log.txt" }));
    expect(result.bytes).toBe(MB + MB / 2);
    expect(result.error).toBe("build-log.txt: connection reset after 1.5 MB: partial scan");
  });

  it("retries a refused connection, then says so", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const settings = loopbackSettings({ maxRetries: 2 }, closedPort);
    await expect(openStream(`http://127.0.0.1:${closedPort}/x`, settings, { label: "x" })).rejects.toThrow(
      "x: connection to 127.0.0.1 refused (after 2 retries)",
    );
  });
});

describe("address checks on real sockets", () => {
  it("connects to the address that was checked (no second DNS lookup)", async () => {
    routes.set("/pinned", (_req, res) => res.end("pinned"));
    let lookups = 0;
    // `.test` names never resolve for real: success proves the connection used the checked address.
    const settings = loopbackSettings({
      allowedHosts: [`logs.skewbot.test:${port}`],
      allowHttp: [`logs.skewbot.test:${port}`],
      allowPrivateAddresses: [`logs.skewbot.test:${port}`],
      resolve: async () => {
        lookups++;
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    expect(await readAll(await openStream(`http://logs.skewbot.test:${port}/pinned`, settings, { label: "x" }))).toBe("pinned");
    expect(lookups).toBe(1);
    expect(seen[0]?.headers.host).toBe(`logs.skewbot.test:${port}`);
  });

  it("refuses loopback without explicit permission, and sends nothing", async () => {
    routes.set("/secret", (_req, res) => res.end("secret"));
    const settings = loopbackSettings({ allowPrivateAddresses: false });
    await expect(openStream(`${base}/secret`, settings, { label: "x" })).rejects.toThrow(
      "refused 127.0.0.1: it resolves to 127.0.0.1, a loopback address (SKEWBOT_ALLOW_PRIVATE_ADDRESSES)",
    );
    expect(seen).toEqual([]);
  });

  it("refuses a redirect from an allowed stand-in to a private address", async () => {
    routes.set("/to-metadata", (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end());
    const settings = loopbackSettings({ allowedHosts: [`127.0.0.1:${port}`, "169.254.169.254:80"], allowHttp: true });
    await expect(openStream(`${base}/to-metadata`, settings, { label: "x" })).rejects.toThrow(
      "refused 169.254.169.254: it resolves to 169.254.169.254, a link-local address",
    );
  });
});

describe("end to end against loopback stand-ins configured by SKEWBOT_* variables", () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/prow/periodic/${name}`, import.meta.url), "utf8");
  const BUCKET = "kubernetes-ci-logs";
  const DIR = "logs/ci-kubernetes-e2e-kind-skew/1791000000000000001";
  const json = (body: unknown): Handler => (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  const text = (body: string): Handler => (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(body);

  function envSettings(): SourceSettings {
    const s = sourceSettingsFromEnv({
      GITHUB_TOKEN: "ghp_loopback",
      SKEWBOT_GITHUB_API_URL: base,
      SKEWBOT_GITHUB_URL: "https://github.com",
      SKEWBOT_STORAGE_URL: base,
      SKEWBOT_GCS_API_URL: base,
      SKEWBOT_RETRIES: "0",
    });
    // Nothing may be resolved for real in tests; every configured host is an IP literal anyway.
    s.resolve = async () => {
      throw new Error("unexpected DNS lookup");
    };
    return s;
  }

  async function run(input: string) {
    const settings = envSettings();
    const ref = parseLogRef(input, settings);
    if ("error" in ref) throw new Error(ref.error);
    const resolved = await resolveLogRef(ref, settings);
    const report = await analyze(resolved.sources, { knownVersions: resolved.hints, problems: resolved.problems });
    return { resolved, report };
  }

  it("analyzes a Prow view URL: build log and component logs, with Spyglass and artifact links", async () => {
    routes.set(`/${BUCKET}/${DIR}/prowjob.json`, text(fixture("prowjob.json")));
    routes.set(`/${BUCKET}/${DIR}/started.json`, text(fixture("started.json")));
    routes.set(`/${BUCKET}/${DIR}/finished.json`, text(fixture("finished.json")));
    routes.set(`/storage/v1/b/${BUCKET}/o`, (req, res) => {
      const q = new URL(req.url ?? "/", base).searchParams;
      const names =
        q.get("delimiter") === "/"
          ? ["build-log.txt", "finished.json", "prowjob.json", "started.json"]
          : ["artifacts/junit_01.xml", "artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1.log"];
      json({ items: names.map((n) => ({ name: `${q.get("prefix")?.replace(/artifacts\/$/, "")}${n}`, size: "2048" })) })(req, res);
    });
    routes.set(`/${BUCKET}/${DIR}/build-log.txt`, text(`+ kind create cluster\nCreating cluster "kind" ...\n${SKEW_LINE}\nERROR: failed to create cluster\n`));
    routes.set(
      `/${BUCKET}/${DIR}/artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1.log`,
      text(`I0206 22:52:48.600000       1 server.go:1] starting\n${SKEW_LINE}\n`),
    );

    const { resolved, report } = await run(`https://prow.k8s.io/view/gs/${BUCKET}/${DIR}`);
    expect(resolved.problems).toEqual([]);
    expect(resolved.hints.map((h) => `${h.role}=${h.version}`)).toContain("kubernetes=v1.31.0");
    // One message in two logs is one cause that lists the other place.
    expect(report.causes).toHaveLength(1);
    const places = report.causes.flatMap((c) => [{ log: c.finding.log, link: c.link }, ...c.alsoIn]);
    const links = places.map((p) => p.link);
    expect(links).toContain(`https://prow.k8s.io/view/gs/${BUCKET}/${DIR}#1:build-log.txt%3A3`);
    expect(links).toContain(
      `${base}/${BUCKET}/${DIR}/artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1.log`,
    );
    expect(places.map((p) => p.log).sort()).toEqual([
      "artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1.log",
      "build-log.txt",
    ]);
  });

  it("analyzes an Actions job URL: redirect without the token, #step:S:L links", async () => {
    const steps = [
      { number: 1, name: "Set up job", status: "completed", conclusion: "success", started_at: "2025-02-06T22:50:00Z", completed_at: "2025-02-06T22:50:03Z" },
      { number: 2, name: "Run make e2e", status: "completed", conclusion: "failure", started_at: "2025-02-06T22:50:04Z", completed_at: "2025-02-06T22:53:00Z" },
    ];
    routes.set("/repos/o/r/actions/jobs/2", json({ id: 2, run_id: 1, name: "e2e", workflow_name: "CI", status: "completed", conclusion: "failure", html_url: "https://github.com/o/r/actions/runs/1/job/2", steps }));
    routes.set("/repos/o/r/actions/jobs/2/logs", (_req, res) => res.writeHead(302, { location: `${base}/signed/job-logs.txt?sig=s3cret` }).end());
    routes.set(
      "/signed/job-logs.txt",
      text(
        [
          "2025-02-06T22:50:00.1000000Z Current runner version: '2.316.0'",
          "2025-02-06T22:50:04.1000000Z ##[group]Run make e2e",
          "2025-02-06T22:50:04.2000000Z make e2e",
          "2025-02-06T22:50:04.3000000Z ##[endgroup]",
          `2025-02-06T22:52:48.7000000Z ${SKEW_LINE}`,
        ].join("\n"),
      ),
    );

    const { resolved, report } = await run("https://github.com/o/r/actions/runs/1/job/2");
    expect(resolved.title).toBe("o/r · CI / e2e (failure)");
    expect(report.causes.map((c) => c.link)).toEqual(["https://github.com/o/r/actions/runs/1/job/2#step:2:4"]);
    const api = seen.find((s) => s.path === "/repos/o/r/actions/jobs/2/logs");
    const signed = seen.find((s) => s.path === "/signed/job-logs.txt");
    expect(api?.headers.authorization).toMatch(/ghp_loopback$/);
    expect(signed?.headers.authorization).toBeUndefined();
  });
});
