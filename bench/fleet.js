// Shared mode (REDIS_URL) benchmarks, part of npm run bench; `node bench/fleet.js` runs them alone after
// npm run build. Real Redis and PostgreSQL on loopback (SKEWBOT_TEST_REDIS_URL, SKEWBOT_TEST_DATABASE_URL;
// rows are skipped with a note when they do not answer), the app as processes (lib/main.js), a fake GitHub
// and a fake GCS on loopback as bench/e2e.js sets them up. Every ratio is of two figures measured in this
// run, interleaved, medians of the runs; the spread is min–max.
//   F1 deliveries per second accepted (signed webhook in, response out): shared queue against in-process;
//   F2 end to end (webhook → comment) for the 100 MB Prow log (times BENCH_SCALE): shared against in-process;
//   F3 a burst of 50 triages of 50 threads (each its own installation, so that GitHub's per-installation
//      write limit does not set the pace) through three replicas against one.

import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath, URL } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { FakeGcs } from "../build/tools/replay/fake-gcs.js";
import { FakeGitHub } from "../build/tools/replay/fake-github.js";
import { appPrivateKey, appProcessEnv, ciRobotCommentPayload, sign, startReplay } from "../build/tools/replay/scenario.js";
import { median } from "./cli-rows.js";
import { endToEndRun } from "./e2e.js";
import { generateLog } from "./generate.js";

const { fetch } = globalThis;
const REDIS_URL = process.env["SKEWBOT_TEST_REDIS_URL"] || "redis://127.0.0.1:6379";
const DATABASE_URL = process.env["SKEWBOT_TEST_DATABASE_URL"] || "postgres://postgres@127.0.0.1:5432/test";
/** Deliveries per F1 run, and how many are in flight at once (GitHub delivers in parallel). */
const DELIVERIES = 200;
const IN_FLIGHT = 10;
/** F3: the burst. */
const BURST = 50;
const REPLICAS = 3;
const BUCKET = "kubernetes-ci-logs";
const JOB = "pull-cluster-api-e2e-conformance-ci-latest-release-1-7";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const spread = (xs, fmt) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
const f0 = (x) => x.toFixed(0);
const f2 = (x) => x.toFixed(2);
const uniquePrefix = (what) => `skewbot-bench-${what}-${process.pid}-${randomBytes(4).toString("hex")}`;

async function redisProblem() {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (err) {
    return `Redis at ${REDIS_URL} does not answer (${err.message})`;
  } finally {
    probe.disconnect();
  }
}

async function postgresProblem() {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${DATABASE_URL.replace(/\/\/[^@/]*@/, "//")} is not reachable (${err.message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Deletes a bench run's keys: the queue's and Probot's throttle's (b_octokit-<group>-<prefix>-…). */
async function dropPrefix(prefix) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of [`${prefix}*`, `b_octokit-*-${prefix}*`]) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}

async function dropSchema(schema) {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

// --- F1: deliveries accepted per second -------------------------------------------------------------

/** k8s-ci-robot's failure report on pull request `pr` (a thread of its own), as delivery `n`. */
function reportOn(pr, n) {
  const p = ciRobotCommentPayload();
  return { ...p, issue: { ...p.issue, number: pr, html_url: `https://github.com/${p.repository.full_name}/pull/${pr}` }, comment: { ...p.comment, id: 500_000 + n } };
}

async function acceptanceRun(env) {
  const replay = await startReplay({ env: { LOG_LEVEL: "warn", ...env } });
  try {
    // Warm-up: the first delivery pays for the installation token and the first configuration read.
    if ((await replay.deliver("issue_comment", reportOn(1, 0))) !== 200) throw new Error("warm-up delivery refused");
    let next = 0;
    const statuses = [];
    const t = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < DELIVERIES) {
          const n = next++;
          statuses.push(await replay.deliver("issue_comment", reportOn(2 + n, 1 + n)));
        }
      }),
    );
    const ms = performance.now() - t;
    const refused = statuses.filter((s) => s !== 200).length;
    if (refused > 0) throw new Error(`${refused} of ${DELIVERIES} deliveries were not answered 200`);
    return (DELIVERIES / ms) * 1000;
  } finally {
    // The triage they queued is not what is measured: the process goes without draining.
    replay.app.kill("SIGKILL");
    await replay.stop();
  }
}

// --- F3: three replicas against one on a burst ------------------------------------------------------

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startReplica(env) {
  const port = await freePort();
  const output = [];
  const child = spawn(process.execPath, [here("../lib/main.js")], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => output.push(d.toString()));
  child.stderr.on("data", (d) => output.push(d.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`a replica exited during start-up:\n${output.join("").slice(-2000)}`);
    try {
      if ((await fetch(`${url}/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`a replica did not start:\n${output.join("").slice(-2000)}`);
    await sleep(100);
  }
  return {
    url,
    output,
    stop: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** A round-robin load balancer on loopback. */
async function roundRobin(replicas) {
  let next = 0;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "connection") headers[k] = v;
    const target = replicas[next++ % replicas.length];
    const upstream = httpRequest(new URL(req.url, target.url), { method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502);
      r.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    upstream.end(Buffer.concat(chunks));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function burstThreads() {
  return Array.from({ length: BURST }, (_, t) => ({
    repo: `fleet-bench/repo-${t}`,
    installation: 2000 + t,
    pr: 100 + t,
    build: `18891000000${String(t).padStart(3, "0")}0000`,
  }));
}

const buildDir = (spec) => `pr-logs/pull/${spec.repo.replace("/", "_")}/${spec.pr}/${JOB}/${spec.build}`;

function burstObjects(threads, logPath) {
  const objects = new Map();
  for (const spec of threads) {
    const dir = `${BUCKET}/${buildDir(spec)}`;
    objects.set(`${dir}/build-log.txt`, { file: logPath });
    objects.set(`${dir}/started.json`, { text: JSON.stringify({ timestamp: 1738880000, pull: String(spec.pr) }) });
    objects.set(`${dir}/finished.json`, { text: JSON.stringify({ timestamp: 1738883600, passed: false, result: "FAILURE" }) });
  }
  return objects;
}

function burstPayload(spec) {
  const p = ciRobotCommentPayload();
  const [owner, name] = spec.repo.split("/");
  const link = `https://prow.k8s.io/view/gs/${BUCKET}/${buildDir(spec)}`;
  const body = ["@contributor: The following test **failed**, say `/retest` to rerun all failed tests:", "", "Test name | Commit | Details | Required | Rerun command", "--- | --- | --- | --- | ---", `${JOB} | 57d7e84618 | [link](${link}) | true | \`/test ${JOB}\``, "", "<!-- test report -->"].join("\n");
  return {
    ...p,
    issue: { ...p.issue, number: spec.pr, html_url: `https://github.com/${spec.repo}/pull/${spec.pr}`, url: `https://api.github.com/repos/${spec.repo}/issues/${spec.pr}` },
    comment: { ...p.comment, id: 700_000 + spec.pr, body },
    repository: { ...p.repository, name, full_name: spec.repo, owner: { ...p.repository.owner, login: owner } },
    installation: { id: spec.installation, node_id: `I_${spec.installation}` },
  };
}

/** One burst through `replicas` shared-mode replicas: ms from the first delivery sent to the last comment in. */
async function burstRun(replicaCount, logPath, privateKey) {
  const threads = burstThreads();
  const commented = new Set();
  let allIn;
  const done = new Promise((resolve) => (allIn = resolve));
  let lastAt = 0;
  const github = new FakeGitHub("skewbot", (line) => {
    const m = /^POST \/api\/v3\/repos\/(.+)\/issues\/(\d+)\/comments$/.exec(line);
    if (!m) return;
    commented.add(`${m[1]}#${m[2]}`);
    lastAt = performance.now();
    if (commented.size === threads.length) allIn();
  });
  for (const spec of threads) github.repo(spec.repo).config = "labels:\n  enabled: false\n";
  const gcs = new FakeGcs(burstObjects(threads, logPath));
  const githubHost = await github.listen();
  const gcsUrl = await gcs.listen();
  const prefix = uniquePrefix("burst");
  const schema = `skewbot_bench_fleet_${randomBytes(4).toString("hex")}`;
  const env = appProcessEnv(githubHost, gcsUrl, { LOG_LEVEL: "warn", REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix, DATABASE_URL, SKEWBOT_DATABASE_SCHEMA: schema }, privateKey);
  const replicas = [];
  let lb;
  try {
    // The first replica creates the schema; the others then find it.
    replicas.push(await startReplica(env));
    replicas.push(...(await Promise.all(Array.from({ length: replicaCount - 1 }, () => startReplica(env)))));
    lb = await roundRobin(replicas);
    const deliver = async (spec) => {
      const body = JSON.stringify(burstPayload(spec));
      const res = await fetch(`${lb.url}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": `burst-${spec.pr}`, "x-hub-signature-256": sign(body) },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`a burst delivery was answered ${res.status}`);
    };
    const t = performance.now();
    await Promise.all(threads.map(deliver));
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${threads.length - commented.size} of ${threads.length} threads got no comment within 300 s:\n${replicas.map((r) => r.output.join("").slice(-1500)).join("\n---\n")}`)), 300_000);
    });
    await Promise.race([done, timeout]);
    clearTimeout(timer);
    for (const spec of threads) {
      const comments = github.botComments(spec.repo, spec.pr);
      if (comments.length !== 1 || !comments[0].body.includes("minCompatibilityVersion")) throw new Error(`${spec.repo}#${spec.pr}: expected one comment with the finding, got ${comments.length}`);
    }
    return lastAt - t;
  } finally {
    await lb?.close();
    await Promise.all(replicas.map((r) => r.stop()));
    await github.close();
    await gcs.close();
    await dropPrefix(prefix).catch(() => undefined);
    await dropSchema(schema).catch(() => undefined);
  }
}

// --- rows -------------------------------------------------------------------------------------------

/**
 * Rows for the benchmarks table, and notes. `prowLog` is the generated 100 MB (times BENCH_SCALE) Prow build
 * log of row 4; `dir` a scratch directory for the burst's log.
 */
export async function fleetBench({ runs = 3, prowLog, dir, scale = 1 }) {
  const rows = [];
  const notes = [];
  const redisDown = await redisProblem();
  if (redisDown) return { rows, notes: [`Shared mode (rows F1–F3): not measured: ${redisDown}.`] };
  const pgDown = await postgresProblem();

  const accepted = { shared: [], local: [] };
  for (let r = 1; r <= runs; r++) {
    log(`fleet: deliveries accepted, round ${r}/${runs} …`);
    const prefix = uniquePrefix("accept");
    try {
      accepted.local.push(await acceptanceRun({}));
      accepted.shared.push(await acceptanceRun({ REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix }));
    } finally {
      await dropPrefix(prefix);
    }
  }
  const rate = (x) => `${f0(x)}/s`;
  const acceptRatio = median(accepted.shared) / median(accepted.local);
  rows.push([
    "F1",
    `Deliveries accepted, shared queue (Redis): ${DELIVERIES} signed deliveries of as many threads, ${IN_FLIGHT} in flight`,
    rate(median(accepted.shared)),
    spread(accepted.shared, rate),
    `in-process queue: ${rate(median(accepted.local))}`,
    spread(accepted.local, rate),
    `${f2(acceptRatio)}× in-process`,
    "",
    "",
  ]);

  const e2e = { shared: [], local: [] };
  for (let r = 1; r <= runs; r++) {
    log(`fleet: end to end through the shared queue, round ${r}/${runs} …`);
    const prefix = uniquePrefix("e2e");
    try {
      e2e.local.push((await endToEndRun(prowLog.path)).endToEndMs);
      e2e.shared.push((await endToEndRun(prowLog.path, { env: { REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix } })).endToEndMs);
    } finally {
      await dropPrefix(prefix);
    }
  }
  const e2eRatio = median(e2e.shared) / median(e2e.local);
  rows.push([
    "F2",
    `End to end, ${f0(prowLog.bytes / 1e6)} MB Prow build log, loopback, through the shared queue: webhook → comment`,
    secs(median(e2e.shared)),
    spread(e2e.shared, secs),
    `in-process queue: ${secs(median(e2e.local))}`,
    spread(e2e.local, secs),
    `${f2(e2eRatio)}× in-process`,
    "≤ 1.1×",
    e2eRatio <= 1.1 ? "met" : "**missed**",
  ]);

  if (pgDown) {
    notes.push(`Row F3 (replicas): not measured: ${pgDown}.`);
  } else {
    const burstLog = generateLog(join(dir, "build-log-burst.txt"), Math.max(1e6, Math.round(10e6 * scale)), { seed: 0xf1ee7 });
    const privateKey = appPrivateKey();
    const burst = { one: [], three: [] };
    const loadBefore = os.loadavg()[0];
    for (let r = 1; r <= runs; r++) {
      log(`fleet: burst of ${BURST} triages, one replica and ${REPLICAS}, round ${r}/${runs} …`);
      burst.one.push(await burstRun(1, burstLog.path, privateKey));
      burst.three.push(await burstRun(REPLICAS, burstLog.path, privateKey));
    }
    const speedup = median(burst.one) / median(burst.three);
    const load = `${loadBefore.toFixed(2)} before the bursts, ${os.loadavg()[0].toFixed(2)} after`;
    rows.push([
      "F3",
      `Burst of ${BURST} triages (${BURST} threads, ${f0(burstLog.bytes / 1e6)} MB log each), ${REPLICAS} replicas on one Redis and one PostgreSQL: first delivery → last comment`,
      secs(median(burst.three)),
      spread(burst.three, secs),
      `1 replica: ${secs(median(burst.one))}`,
      spread(burst.one, secs),
      `${f2(speedup)}× faster`,
      "",
      "",
    ]);
    notes.push(
      `Row F3: every replica with SKEWBOT_CONCURRENCY=2 (the default) on a machine with ${os.availableParallelism?.() ?? os.cpus().length} cores; ` +
        "each of the 50 threads is its own installation, so that the fleet's write limit (one write per second per installation) does not set the pace. " +
        `A replica uses about one core (one JavaScript thread), so the speed-up is bounded by the cores the machine has free (1-minute load average ${load}).`,
    );
  }
  notes.push(
    `Rows F1–F3 are medians of ${runs} interleaved runs (F1: ${DELIVERIES} deliveries per run to one app process, after one warm-up delivery; the triage they queue runs meanwhile in both cases). ` +
      "Shared mode is Redis on loopback (BullMQ for tickets, Lua scripts for each thread's rows and lease, the fleet's write gate); F2 and F1 keep the SQLite history in both modes, so that only the queue differs.",
  );
  return { rows, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scale = Number(process.env["BENCH_SCALE"] ?? 1);
  const dir = mkdtempSync(join(os.tmpdir(), "skewbot-bench-fleet-"));
  try {
    const prowLog = generateLog(join(dir, "build-log-100.txt"), 100e6 * scale, { seed: 0x100 });
    const { rows, notes } = await fleetBench({ runs: Number(process.env["BENCH_RUNS"] ?? 3), prowLog, dir, scale });
    process.stdout.write(`${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}\n\n${notes.map((x) => `- ${x}`).join("\n")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
