// History benchmarks (part of npm run bench; `node bench/history.js` runs them alone after npm run build):
//   - store write per triage and the recurrence query with 1,000,000 stored findings, p50 and p99, on SQLite
//     and on PostgreSQL (SKEWBOT_TEST_DATABASE_URL, a throwaway schema; skipped with a note when unreachable);
//   - end to end with history on against off (bench/e2e.js, 1 MB build log: where a fixed cost shows most);
//   - the regression window over 50 builds: metadata read 8 at once against one after another, each storage
//     request taking 20 ms as over a real link.
// Seeding is done in SQL (a recursive CTE, generate_series), so that it takes seconds, not the minutes a
// million store calls would.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { main as cli } from "../lib/cli.js";
import { fingerprintOf, openPostgresStore, openSqliteStore } from "../lib/history/index.js";
import { FakeGcs } from "../build/tools/replay/fake-gcs.js";

const FINDINGS = 1_000_000;
const PER_RUN = 5;
const FINGERPRINTS = 5000;
const SAMPLES = Number(process.env["BENCH_HISTORY_SAMPLES"] ?? 300);
const DAY = 86_400_000;
const log = (line) => process.stderr.write(`${line}\n`);

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x < 1 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** Seeds FINDINGS findings in FINDINGS / PER_RUN runs over the last 90 days, FINGERPRINTS distinct ones. */
function seedSql(kind, now) {
  const runs = FINDINGS / PER_RUN;
  const series = kind === "sqlite" ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i FROM n" : "SELECT generate_series(1, ?) AS i";
  const cat = (...parts) => (kind === "sqlite" ? parts.join(" || ") : `CONCAT(${parts.join(", ")})`);
  const mod = (a, b) => (kind === "sqlite" ? `(${a} % ${b})` : `MOD(${a}, ${b})`);
  return [
    [
      `INSERT INTO runs (run_key, source, job, repository, build_id, pull, head_sha, result, url, logs, hints, recorded_at)
       SELECT ${cat("'prow:bench/'", "i")}, 'prow', ${cat("'job-'", mod("i", 200))}, 'org/repo', ${cat("''", "i")}, ${mod("i", 5000)}, ${cat("'sha'", "i")}, 'failure',
              ${cat("'https://prow.example/'", "i")}, '[]', '[]', ? - ${mod("i * 7919", 90 * DAY)}
       FROM (${series}) AS s`,
      [now, runs],
    ],
    [
      `INSERT INTO findings (run_id, fingerprint, signature, verdict, message, versions, recorded_at)
       SELECT r.id, ${cat("'fp'", mod(`r.id * ${PER_RUN} + k.k`, FINGERPRINTS))}, 'k8s-compat-mincompat-out-of-range', 'cause', 'minCompatibilityVersion version v1.30 is not between [v1.31, v1.31]', '{}', r.recorded_at
       FROM runs r CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS k`,
      [],
    ],
  ];
}

async function measureStore(store, now) {
  const write = [];
  const query = [];
  for (let i = 0; i < SAMPLES; i++) {
    const fingerprint = fingerprintOf("k8s-compat-mincompat-out-of-range", `message ${i % 50}`);
    let t = performance.now();
    await store.record({
      source: "prow",
      key: `prow:bench/new/${i}`,
      job: `job-${i % 200}`,
      repository: "org/repo",
      buildId: String(i),
      pull: i % 5000,
      headSha: `new${i}`,
      result: "failure",
      logs: ["build-log.txt", "artifacts/kube-apiserver.log"],
      hints: [{ role: "binary", version: "v1.31.6", source: "build-log.txt:12" }],
      findings: [0, 1, 2].map((k) => ({ fingerprint: k === 0 ? fingerprint : `fp${(i * 3 + k) % FINGERPRINTS}`, signature: "k8s-compat-mincompat-out-of-range", verdict: "cause", message: "minCompatibilityVersion version v1.30 is not between [v1.31, v1.31]", versions: { min: "1.30" } })),
      recordedAt: now,
    });
    write.push(performance.now() - t);
    // A fingerprint with about FINDINGS / FINGERPRINTS (200) sightings over 90 days.
    t = performance.now();
    await store.sightings({ fingerprint: `fp${(i * 17) % FINGERPRINTS}`, since: now - 7 * DAY, run: { job: `job-${i % 200}`, repository: "org/repo", pull: i % 5000, headSha: `new${i}` } });
    query.push(performance.now() - t);
  }
  return { write, query };
}

async function sqliteBench(now) {
  const dir = mkdtempSync(join(os.tmpdir(), "skewbot-bench-history-"));
  try {
    const path = join(dir, "history.sqlite");
    (await openSqliteStore({ path })).close();
    const t = performance.now();
    const Database = createRequire(import.meta.url)("better-sqlite3");
    const db = new Database(path);
    db.exec("BEGIN");
    for (const [sql, params] of seedSql("sqlite", now)) db.prepare(sql).run(...params);
    db.exec("COMMIT");
    db.exec("ANALYZE");
    db.close();
    const seedMs = performance.now() - t;
    const store = await openSqliteStore({ path });
    const size = await store.size();
    const r = await measureStore(store, now);
    await store.close();
    return { name: `SQLite (${store.driver})`, seedMs, size, ...r };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresBench(now) {
  const url = process.env["SKEWBOT_TEST_DATABASE_URL"] || "postgres://postgres@127.0.0.1:5432/test";
  const schema = `skewbot_bench_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    return { name: "PostgreSQL", skipped: `not reachable at ${url.replace(/\/\/[^@/]*@/, "//")} (${err.message})` };
  }
  try {
    (await openPostgresStore({ connectionString: url, schema })).close();
    await client.query(`SET search_path = ${schema}`);
    const t = performance.now();
    for (const [sql, params] of seedSql("postgres", now)) {
      let i = 0;
      await client.query(sql.replace(/\?/g, () => `$${++i}`), params);
    }
    await client.query("ANALYZE");
    const seedMs = performance.now() - t;
    const store = await openPostgresStore({ connectionString: url, schema });
    const size = await store.size();
    const r = await measureStore(store, now);
    await store.close();
    return { name: "PostgreSQL", seedMs, size, ...r };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

/** A periodic job with 51 builds: 0–19 pass, 20–50 fail with the skew; history of build 50. */
function windowObjects() {
  const objects = new Map();
  const job = "ci-bench-window";
  const id = (n) => String(1_890_000_000_000_000_000n + BigInt(n));
  for (let n = 0; n <= 50; n++) {
    const dir = `kubernetes-ci-logs/logs/${job}/${id(n)}`;
    const good = n < 20;
    objects.set(`${dir}/finished.json`, { text: JSON.stringify({ passed: good, result: good ? "SUCCESS" : "FAILURE" }) });
    objects.set(`${dir}/prowjob.json`, { text: JSON.stringify({ spec: { job, type: "periodic" }, status: { state: good ? "success" : "failure" } }) });
    objects.set(`${dir}/started.json`, { text: "{}" });
    objects.set(
      `${dir}/build-log.txt`,
      { text: `I0206 22:52:48.681002       1 server.go:150] Version: ${good ? "v1.31.5" : "v1.31.6-rc.0.12+4e7b5ad1b1f1c2"}\n${good ? "PASS" : 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"'}\n` },
    );
  }
  return { objects, ref: `gs://kubernetes-ci-logs/logs/${job}/${id(50)}` };
}

async function windowBench(runs) {
  const { objects, ref } = windowObjects();
  const gcs = new FakeGcs(objects, { delayMs: 20 });
  const url = await gcs.listen();
  const dir = mkdtempSync(join(os.tmpdir(), "skewbot-bench-window-"));
  const once = async (concurrency) => {
    let out = "";
    const t = performance.now();
    const code = await cli(["history", ref, "--format", "json"], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      stdin: (async function* () {})(),
      env: { SKEWBOT_STORAGE_URL: url, SKEWBOT_GCS_API_URL: url, SKEWBOT_HISTORY: "off", SKEWBOT_DATA_DIR: dir, SKEWBOT_WINDOW_CONCURRENCY: String(concurrency) },
    });
    const elapsed = performance.now() - t;
    const w = JSON.parse(out).window;
    if (code !== 0 || w.lastGood?.result !== "success" || w.buildsLooked !== 50) throw new Error(`window bench: unexpected window ${JSON.stringify(w?.summary)}`);
    return { ms: elapsed, scans: w.logsScanned };
  };
  const parallel = [];
  const sequential = [];
  try {
    for (let r = 0; r < runs; r++) {
      parallel.push(await once(8));
      sequential.push(await once(1));
    }
  } finally {
    await gcs.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { parallel, sequential };
}

/** Rows for the benchmarks table, and notes. `e2e(env)` runs one end-to-end triage and returns its ms. */
export async function historyBench({ runs = 3, e2e } = {}) {
  const now = Date.now();
  log("history: SQLite store, seeding 1,000,000 findings …");
  const stores = [await sqliteBench(now)];
  log("history: PostgreSQL store, seeding 1,000,000 findings …");
  stores.push(await postgresBench(now));
  log("history: regression window, parallel against sequential …");
  const window = await windowBench(runs);
  const rows = [];
  const notes = [];
  let n = 0;
  for (const s of stores) {
    n++;
    if (s.skipped) {
      notes.push(`${s.name}: not measured: ${s.skipped}.`);
      continue;
    }
    rows.push([`H${n}`, `History store write per triage (3 findings), ${s.name}, ${s.size.findings.toLocaleString("en-US")} findings stored`, `p50 ${ms(percentile(s.write, 50))}`, `p99 ${ms(percentile(s.write, 99))}`, `${SAMPLES} writes`, "", "", "", ""]);
    rows.push([`H${n}b`, `Recurrence query per finding, ${s.name}, same store`, `p50 ${ms(percentile(s.query, 50))}`, `p99 ${ms(percentile(s.query, 99))}`, `${SAMPLES} queries`, "", "", "", ""]);
    notes.push(`${s.name}: seeding ${s.size.findings.toLocaleString("en-US")} findings in ${s.size.runs.toLocaleString("en-US")} runs took ${(s.seedMs / 1000).toFixed(1)} s (in SQL).`);
  }
  const best = (xs) => Math.min(...xs.map((x) => x.ms));
  const ratio = best(window.sequential) / best(window.parallel);
  rows.push([
    "H3",
    "Regression window over 50 builds (20 ms per storage request), metadata 8 at once",
    `${(best(window.parallel) / 1000).toFixed(2)} s`,
    `${window.parallel.map((x) => (x.ms / 1000).toFixed(2)).join(", ")} s`,
    `one after another: ${(best(window.sequential) / 1000).toFixed(2)} s`,
    `${window.sequential.map((x) => (x.ms / 1000).toFixed(2)).join(", ")} s`,
    `${ratio.toFixed(2)}× faster`,
    "> 1×",
    ratio > 1 ? "met" : "**missed**",
  ]);
  notes.push(`The window runs scanned ${window.parallel[0].scans} logs of the 50 builds (bisection plus the last good build).`);
  if (e2e) {
    const on = [];
    const off = [];
    const withWindow = [];
    // 60 earlier builds of the job in storage: the comment carries a regression window over 50 of them.
    const { earlierBuilds } = await import("../build/tools/replay/scenario.js");
    const objects = earlierBuilds(60, 25);
    for (let r = 0; r < runs; r++) {
      on.push(await e2e({}));
      off.push(await e2e({ SKEWBOT_HISTORY: "off" }));
      withWindow.push(await e2e({}, objects));
    }
    const overhead = Math.min(...on) / Math.min(...off);
    rows.push([
      "H4",
      "End to end with history on (SQLite), 1 MB build log: webhook → comment",
      `${(Math.min(...on) / 1000).toFixed(2)} s`,
      `${on.map((x) => (x / 1000).toFixed(2)).join(", ")} s`,
      `history off: ${(Math.min(...off) / 1000).toFixed(2)} s`,
      `${off.map((x) => (x / 1000).toFixed(2)).join(", ")} s`,
      `${overhead.toFixed(2)}×`,
      "≤ 1.10×",
      overhead <= 1.1 ? "met" : "**missed**",
    ]);
    const windowCost = Math.min(...withWindow) / Math.min(...off);
    rows.push([
      "H5",
      "End to end with history on and a regression window over 50 earlier builds (loopback storage), 1 MB build log",
      `${(Math.min(...withWindow) / 1000).toFixed(2)} s`,
      `${withWindow.map((x) => (x / 1000).toFixed(2)).join(", ")} s`,
      `history off: ${(Math.min(...off) / 1000).toFixed(2)} s`,
      `${off.map((x) => (x / 1000).toFixed(2)).join(", ")} s`,
      `${windowCost.toFixed(2)}×`,
      "≤ 1.10×",
      windowCost <= 1.1 ? "met" : "**missed**",
    ]);
    notes.push("H5 times the webhook to the report with 50 earlier builds in storage: the window (the metadata of 50 earlier builds and the logs of a few, by bisection) is computed after the report is posted and added by an edit of it, so over a real link its requests (H3) delay the edit, not the report.");
  }
  return { rows, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { endToEndRun } = await import("./e2e.js");
  const { generateLog } = await import("./generate.js");
  const dir = mkdtempSync(join(os.tmpdir(), "skewbot-bench-h-"));
  try {
    const tiny = generateLog(join(dir, "build-log-1.txt"), 1e6, { seed: 0x1 });
    const { rows, notes } = await historyBench({ runs: Number(process.env["BENCH_RUNS"] ?? 3), e2e: async (env, objects) => (await endToEndRun(tiny.path, { env, ...(objects ? { objects } : {}) })).endToEndMs });
    process.stdout.write(`${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}\n\n${notes.map((x) => `- ${x}`).join("\n")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
