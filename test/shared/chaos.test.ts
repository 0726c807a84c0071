import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { FakeGcs, type ObjectBody } from "../../tools/replay/fake-gcs.js";
import { FakeGitHub } from "../../tools/replay/fake-github.js";
import { appProcessEnv, ciRobotCommentPayload, sign } from "../../tools/replay/scenario.js";
import { parseMetrics, root } from "../ops/helpers.js";
import { DATABASE_URL, dropSchema, postgresAvailability, uniqueSchema } from "../helpers/postgres.js";
import { dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// Three replicas of the app (lib/main.js, what `npm start` runs) share one Redis and one PostgreSQL behind
// a round-robin proxy on loopback. 200 signed deliveries (k8s-ci-robot failure reports) across 20 pull
// requests, with redeliveries and concurrent duplicates; one replica is SIGKILLed mid-triage and another
// SIGTERMed. GitHub's listing lags fresh comments, as it can. Afterwards: exactly one bot comment per
// thread with every job's section, no triage lost (in a comment, or dead-lettered with a reason), and no
// two writes of one installation less than a second apart.

const THREADS = 20;
const JOBS_PER_THREAD = 3;
const DELIVERIES = 200;
const BUCKET = "kubernetes-ci-logs";
const JOB = "pull-cluster-api-e2e-conformance-ci-latest-release-1-7";

const redisDown = await redisProblem();
const problem = redisDown ?? postgresAvailability;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lines around the incident's first failure: enough for a finding, quick to scan. */
function buildLog(): string {
  const lines = readFileSync(root("samples/capi-11833-kind-bringup.log"), "utf8").split("\n");
  const failing = lines.findIndex((l) => l.includes("minCompatibilityVersion version 1.30 is not between"));
  return lines.slice(Math.max(0, failing - 20), failing + 5).join("\n") + "\n";
}

interface ThreadSpec {
  repo: string;
  installation: number;
  pr: number;
  builds: string[];
}

function threads(): ThreadSpec[] {
  return Array.from({ length: THREADS }, (_, t) => ({
    repo: `chaos-org/repo-${t}`,
    // Four threads per installation, so that one installation's writes come from several replicas at once.
    installation: 100 + (t % 5),
    pr: 1000 + t,
    builds: Array.from({ length: JOBS_PER_THREAD }, (_, j) => `18890000000${String(t).padStart(3, "0")}${j}000`),
  }));
}

const dirOf = (spec: ThreadSpec, build: string) => `pr-logs/pull/${spec.repo.replace("/", "_")}/${spec.pr}/${JOB}/${build}`;
const viewUrl = (spec: ThreadSpec, build: string) => `https://prow.k8s.io/view/gs/${BUCKET}/${dirOf(spec, build)}`;

function prowObjects(all: ThreadSpec[]): Map<string, ObjectBody> {
  const log = buildLog();
  const objects = new Map<string, ObjectBody>();
  const json = (v: unknown): ObjectBody => ({ text: JSON.stringify(v) });
  for (const spec of all) {
    for (const build of spec.builds) {
      const dir = `${BUCKET}/${dirOf(spec, build)}`;
      objects.set(`${dir}/build-log.txt`, { text: log });
      objects.set(`${dir}/started.json`, json({ timestamp: 1738880000, pull: String(spec.pr) }));
      objects.set(`${dir}/finished.json`, json({ timestamp: 1738883600, passed: false, result: "FAILURE" }));
    }
  }
  return objects;
}

/** k8s-ci-robot's failure report on the thread, listing `builds` (as Prow's table lists every failed job). */
function report(spec: ThreadSpec, builds: string[], commentId: number): Record<string, unknown> {
  const p = ciRobotCommentPayload() as Record<string, Record<string, unknown>>;
  const [owner, name] = spec.repo.split("/") as [string, string];
  const rows = builds.map((b, i) => `${JOB}-${i} | 57d7e84618 | [link](${viewUrl(spec, b)}) | true | \`/test ${JOB}-${i}\``);
  const body = ["@contributor: The following tests **failed**, say `/retest` to rerun all failed tests:", "", "Test name | Commit | Details | Required | Rerun command", "--- | --- | --- | --- | ---", ...rows, "", "<!-- test report -->"].join("\n");
  return {
    ...p,
    issue: { ...p["issue"], number: spec.pr, html_url: `https://github.com/${spec.repo}/pull/${spec.pr}`, url: `https://api.github.com/repos/${spec.repo}/issues/${spec.pr}` },
    comment: { ...p["comment"], id: commentId, body },
    repository: { ...p["repository"], name, full_name: spec.repo, owner: { ...(p["repository"]!["owner"] as object), login: owner } },
    installation: { id: spec.installation, node_id: `I_${spec.installation}` },
  };
}

interface Replica {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [root("lib/main.js")], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up:\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${output.join("")}`);
    await sleep(100);
  }
  return { name, url, child, output, exited };
}

/** A round-robin load balancer on loopback: the next live replica for each request, skipping dead ones. */
async function roundRobin(replicas: Replica[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const forward = (target: Replica, method: string, path: string, headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const u = new URL(path, target.url);
      const req = httpRequest(u, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 502, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "connection") headers[k] = v;
    for (let tries = 0; tries < replicas.length; tries++) {
      const target = replicas[next++ % replicas.length]!;
      if (target.child.exitCode !== null || target.child.signalCode !== null) continue;
      try {
        const out = await forward(target, req.method ?? "GET", req.url ?? "/", headers, Buffer.concat(chunks));
        // A replica that is shutting down refuses with a 500: a balancer's health check would take it out.
        if (out.status >= 500 && tries + 1 < replicas.length) continue;
        res.writeHead(out.status).end(out.body);
        return;
      } catch {
        // connection refused or reset: the next one
      }
    }
    res.writeHead(502).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** GCS in front of the fake: build logs take a while, so that a replica can be killed mid-triage. */
async function slowGcs(direct: string, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const go = () => {
      const upstream = httpRequest(new URL(req.url ?? "/", direct), { method: req.method }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      upstream.end();
    };
    if ((req.url ?? "").endsWith("build-log.txt")) setTimeout(go, delayMs);
    else go();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

if (problem && !REQUIRE_SERVICES) {
  describe("replica chaos", () => {
    it(`did not run: ${problem}`, () => console.warn(`replica chaos test did not run: ${problem}`));
  });
} else {
  describe("replica chaos: three replicas, one Redis, one PostgreSQL", () => {
    const prefix = uniquePrefix("chaos");
    const schema = uniqueSchema("skewbot_chaos");
    const cleanup: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c().catch(() => undefined);
      await dropPrefix(prefix);
      await dropPrefix(`b_octokit-*-${prefix}`);
      await dropSchema(schema);
    });

    it("exactly one comment per thread with every job's section, nothing lost, ≤ 1 write/s per installation", async () => {
      const all = threads();
      const github = new FakeGitHub("skewbot");
      // GitHub's listing of a thread can lag a fresh comment: the store must find it first.
      github.listLagMs = 3000;
      for (const spec of all) github.repo(spec.repo).config = "labels:\n  enabled: false\n";
      const gcs = new FakeGcs(prowObjects(all));
      const githubHost = await github.listen();
      const gcsDirect = await gcs.listen();
      const front = await slowGcs(gcsDirect, 300);
      cleanup.push(() => github.close(), () => gcs.close(), () => front.close());

      const env = appProcessEnv(githubHost, front.url, {
        SKEWBOT_DRAIN_TIMEOUT_MS: "8000",
        REDIS_URL,
        SKEWBOT_REDIS_PREFIX: prefix,
        SKEWBOT_QUEUE_LOCK_MS: "3000",
        SKEWBOT_QUEUE_RETRY_MS: "500",
        SKEWBOT_QUEUE_ATTEMPTS: "4",
        DATABASE_URL,
        SKEWBOT_DATABASE_SCHEMA: schema,
      });
      const replicas = await Promise.all(["a", "b", "c"].map((n) => startReplica(n, env)));
      cleanup.push(...replicas.map((r) => async () => {
        if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
        await r.exited;
      }));
      const [a, b] = replicas as [Replica, Replica, Replica];
      const lb = await roundRobin(replicas);
      cleanup.push(() => lb.close());

      // 60 distinct deliveries (each thread's report grows job by job, as Prow's table does), then as many
      // redeliveries (same id, same body) and concurrent duplicates as make 200.
      const distinct: { id: string; payload: Record<string, unknown> }[] = [];
      for (let j = 0; j < JOBS_PER_THREAD; j++) {
        for (const [t, spec] of all.entries()) distinct.push({ id: `chaos-${t}-${j}`, payload: report(spec, spec.builds.slice(0, j + 1), 900_000 + t * 10 + j) });
      }
      const statuses: number[] = [];
      const deliver = async (d: { id: string; payload: Record<string, unknown> }) => {
        const body = JSON.stringify(d.payload);
        // GitHub does not retry by itself; the sender here redelivers a failed one, as an operator would.
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            const res = await fetch(`${lb.url}/api/github/webhooks`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": d.id, "x-hub-signature-256": sign(body) },
              body,
            });
            await res.arrayBuffer();
            statuses.push(res.status);
            if (res.status < 300) return;
          } catch {
            statuses.push(0);
          }
          await sleep(200);
        }
      };

      let sent = 0;
      const waves = [distinct.slice(0, 20), distinct.slice(20, 40), distinct.slice(40, 60)];
      for (const [w, wave] of waves.entries()) {
        // Each wave: its deliveries, each twice at the same moment (a concurrent duplicate) ...
        await Promise.all(wave.flatMap((d) => [deliver(d), deliver(d)]));
        sent += wave.length * 2;
        if (w === 0) {
          // ... and, once triage runs, replica a dies mid-triage without a word.
          const deadline = Date.now() + 15_000;
          while (Date.now() < deadline) {
            const active = parseMetrics(await (await fetch(`${a.url}/metrics`)).text()).get("skewbot_queue_active") ?? 0;
            if (active > 0) break;
            await sleep(50);
          }
          a.child.kill("SIGKILL");
        }
        if (w === 1) b.child.kill("SIGTERM");
      }
      // Redeliveries of earlier deliveries, one after another, until 200 in all.
      for (let i = 0; sent < DELIVERIES; i++, sent++) await deliver(distinct[(i * 7) % distinct.length]!);
      expect(sent).toBe(DELIVERIES);
      expect(statuses.filter((s) => s >= 200 && s < 300).length).toBeGreaterThanOrEqual(DELIVERIES);

      const redis = new Redis(REDIS_URL);
      cleanup.push(async () => redis.disconnect());
      const deadLetters = async () => (await redis.lrange(`${prefix}:q:dead`, 0, -1)).map((s) => JSON.parse(s) as { thread: string; reason: string; job: { request: { refs: { input: string }[] } } });
      const missing = async () => {
        const letters = await deadLetters();
        const lost: string[] = [];
        for (const spec of all) {
          const bodies = github.botComments(spec.repo, spec.pr).map((c) => c.body).join("\n");
          for (const build of spec.builds) {
            const inComment = bodies.includes(build);
            const dead = letters.some((l) => l.reason && l.job.request.refs.some((r) => r.input === viewUrl(spec, build)));
            if (!inComment && !dead) lost.push(`${spec.repo}#${spec.pr} ${build}`);
          }
        }
        return lost;
      };
      const settleBy = Date.now() + 45_000;
      while ((await missing()).length > 0 && Date.now() < settleBy) await sleep(250);
      // Then until the comments stop changing (a re-run of a dead replica's work may still be finishing).
      let last = "";
      for (let stable = 0; stable < 8 && Date.now() < settleBy + 10_000; ) {
        const state = JSON.stringify(all.map((s) => github.botComments(s.repo, s.pr).map((c) => c.body)));
        stable = state === last ? stable + 1 : 0;
        last = state;
        await sleep(250);
      }

      const logs = replicas.map((r) => r.output.join(""));
      expect(await missing(), `lost triage; logs:\n${logs.map((l) => l.slice(-3000)).join("\n---\n")}`).toEqual([]);
      for (const spec of all) {
        const comments = github.botComments(spec.repo, spec.pr);
        expect(comments, `${spec.repo}#${spec.pr}`).toHaveLength(1);
        const letters = (await deadLetters()).filter((l) => l.thread === `${spec.repo}#${spec.pr}`);
        for (const build of spec.builds) {
          if (!letters.some((l) => l.job.request.refs.some((r) => r.input === viewUrl(spec, build)))) expect(comments[0]!.body, `${spec.repo}#${spec.pr} has ${build}`).toContain(build);
        }
        expect(comments[0]!.body).toContain("Minimum compatibility version out of range");
      }

      // Writes per installation, in the order the fake GitHub saw them: never two within a second.
      const writes = github.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/access_tokens"));
      const byInstallation = new Map<string, typeof writes>();
      for (const w of writes) (byInstallation.get(w.token ?? "app") ?? byInstallation.set(w.token ?? "app", []).get(w.token ?? "app")!).push(w);
      let closest = Infinity;
      let closestPair = "";
      for (const list of byInstallation.values()) {
        list.sort((x, y) => x.at - y.at);
        for (let i = 1; i < list.length; i++) {
          const gap = list[i]!.at - list[i - 1]!.at;
          if (gap < closest) {
            closest = gap;
            closestPair = `${list[i - 1]!.method} ${list[i - 1]!.path} then ${list[i]!.method} ${list[i]!.path}`;
          }
        }
      }
      console.info(`closest writes of one installation: ${closest} ms apart: ${closestPair}`);
      // No more than one write per second per installation, as the fake GitHub's clock saw them arrive, with
      // no allowance for jitter: the fleet's write gate (src/write-gate.ts, in Redis) lets an installation's
      // next write start a second (SKEWBOT_WRITE_SPACING_MS' default) after the previous one's response came
      // back, and that response left only after the request had arrived. So however late a busy replica
      // sends, two arrivals are a second apart; a limiter that counted from the start could not promise it.
      expect(closest, `closest writes of one installation (${closestPair})`).toBeGreaterThanOrEqual(1000);
      let densest = 0;
      for (const list of byInstallation.values()) {
        for (let i = 0; i < list.length; i++) densest = Math.max(densest, list.filter((w) => w.at >= list[i]!.at && w.at < list[i]!.at + 1000).length);
      }
      expect(densest, "most writes of one installation within any second").toBe(1);
      // And the installations' limits lived in Redis, one for all replicas: Probot's throttle clustered there
      // (Bottleneck's keys, named by the throttle id: prefix and installation), not one per process.
      const limiters = (await redis.keys(`b_octokit-global-${prefix}-*_settings`)).map((k) => k.slice(`b_octokit-global-${prefix}-`.length, -"_settings".length));
      expect(limiters.filter((l) => l !== "app").sort()).toEqual(["100", "101", "102", "103", "104"]);
      expect(byInstallation.size).toBe(5);

      // The killed replica's work was taken over; the stopped one exited 0 after its drain.
      expect(await b.exited).toBe(0);
      const survivors = replicas.filter((r) => r !== a && r !== b);
      const stalled = (await Promise.all(survivors.map(async (r) => parseMetrics(await (await fetch(`${r.url}/metrics`)).text()).get("skewbot_queue_stalled_total") ?? 0))).reduce((x, y) => x + y, 0);
      console.info(
        `replica chaos: ${sent} deliveries (${distinct.length} distinct) on ${all.length} threads, ${all.reduce((n, s) => n + github.botComments(s.repo, s.pr).length, 0)} bot comments, ${statuses.filter((s) => s >= 500 || s === 0).length} refused or cut and redelivered; ` +
          `${writes.length} writes to GitHub; ${(await deadLetters()).length} dead-lettered (${(await deadLetters()).map((l) => l.reason).join("; ")}); ${stalled} taken over from the killed replica; closest writes of one installation ${closest} ms apart, at most ${densest} in any second`,
      );
    }, 150_000);
  });
}
