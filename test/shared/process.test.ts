import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { RedisQueue } from "../../src/queue/redis.js";
import { ciRobotCommentPayload, startReplay } from "../../tools/replay/scenario.js";
import { parseMetrics, root } from "../ops/helpers.js";
import { DATABASE_URL, dropSchema, postgresAvailability, uniqueSchema } from "../helpers/postgres.js";
import { cuttableProxy, dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// The app process (lib/main.js) in shared mode: asked for with REDIS_URL, it refuses to start without
// Redis, and with it a delivery goes through Redis to the worker and the comment.

/** The process's exit code and output when it is started with `env` (it must exit by itself). */
function startAndExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [root("lib/main.js")], {
      env: { PATH: process.env["PATH"] ?? "", NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "unused", WEBHOOK_SECRET: "s", HOST: "127.0.0.1", PORT: "0", LOG_FORMAT: "json", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const redisDownAtLoad = await redisProblem();

describe("shared mode: fail fast", () => {
  it("REDIS_URL set but nothing listening: says which, and exits non-zero", async () => {
    const port = await closedPort();
    const { code, output } = await startAndExit({ REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` });
    expect(code).toBe(1);
    // The password is masked (by skewbot, and again by the log's redaction).
    expect(output).toMatch(new RegExp(`REDIS_URL \\(redis://:(\\*\\*\\*|\\[REDACTED\\])@127\\.0\\.0\\.1:${port}\\) is not reachable`));
    expect(output).not.toContain("hunter2");
  }, 20_000);

  it("REDIS_URL with DATABASE_URL set but PostgreSQL not listening: says which, and exits non-zero", async () => {
    if (redisDownAtLoad && !REQUIRE_SERVICES) return console.warn(`did not run: ${redisDownAtLoad}`);
    const port = await closedPort();
    const prefix = uniquePrefix("pgdown");
    const { code, output } = await startAndExit({ REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix, DATABASE_URL: `postgres://skewbot:hunter2@127.0.0.1:${port}/skewbot` });
    await dropPrefix(prefix);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`DATABASE_URL \\(postgres://skewbot:(\\*\\*\\*|\\[REDACTED\\])@127\\.0\\.0\\.1:${port}/skewbot\\) is not reachable`));
    expect(output).not.toContain("hunter2");
  }, 20_000);

  it("a shared-mode setting that is not valid names the variable and exits non-zero", async () => {
    const { code, output } = await startAndExit({ REDIS_URL: "redis://127.0.0.1:6379", SKEWBOT_QUEUE_LOCK_MS: "soon" });
    expect(code).toBe(1);
    expect(output).toContain("SKEWBOT_QUEUE_LOCK_MS=soon is not a whole number");
    const wrong = await startAndExit({ REDIS_URL: "http://127.0.0.1:6379" });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain("REDIS_URL must be redis:// or rediss://");
  }, 20_000);
});

const problem = await redisProblem();

if (problem && !REQUIRE_SERVICES) {
  describe("shared mode: the app process on Redis", () => {
    it(`did not run: ${problem}`, () => console.warn(`shared-mode process test did not run: ${problem}`));
  });
} else {
  describe("shared mode: the app process on Redis", () => {
    const prefix = uniquePrefix("process");
    afterAll(async () => {
      await dropPrefix(prefix);
      // Probot's throttle (Bottleneck) names its keys b_octokit-<group>-<throttle id>…
      await dropPrefix(`b_octokit-*-${prefix}`);
    });

    it("a delivery goes through Redis to the comment; /metrics shows the shared queue", async () => {
      const replay = await startReplay({ env: { REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix } });
      try {
        expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "shared-1")).toBe(200);
        const { comments } = await replay.settled();
        expect(comments).toHaveLength(1);
        expect(comments[0]!.body).toContain("Minimum compatibility version out of range");
        const m = parseMetrics(await (await fetch(`${replay.appUrl}/metrics`)).text());
        expect(m.get('skewbot_triage_requests_total{result="queued"}')).toBe(1);
        expect(m.get('skewbot_triages_total{outcome="created"}')).toBe(1);
        expect(m.get("skewbot_queue_depth")).toBe(0);
        expect(m.get("skewbot_queue_active")).toBe(0);
        expect(m.get("skewbot_queue_dead_letters")).toBe(0);
        expect(m.get("skewbot_queue_stalled_total")).toBe(0);
        expect(m.get("skewbot_queue_retried_total")).toBe(0);
        expect(m.get("skewbot_queue_dead_lettered_total")).toBe(0);
        const started = replay.output.join("");
        expect(started).toContain("shared queue on Redis");
      } finally {
        expect(await replay.stop()).toBe(0);
      }
    }, 60_000);

    it("Redis lost mid-run: the delivery is still answered at once, the failure logged and counted, and the comment posted once Redis is back", async () => {
      const proxy = await cuttableProxy(REDIS_URL);
      const replay = await startReplay({ env: { REDIS_URL: proxy.url, SKEWBOT_REDIS_PREFIX: prefix } });
      try {
        await proxy.cut();
        const started = Date.now();
        // Answered within GitHub's 10 s: 200 (usually in well under a second), or Probot's 202 when handling
        // outlasts its own bound (seen on this machine under a full test run's load).
        expect([200, 202]).toContain(await replay.deliver("issue_comment", ciRobotCommentPayload(), "shared-down-1"));
        expect(Date.now() - started).toBeLessThan(10_000);
        // The delivery was answered before its triage was queued (in the thread's turn): wait for that enqueue.
        let m = new Map<string, number>();
        for (let i = 0; i < 300 && !(m.get('skewbot_queue_errors_total{op="enqueue"}')! >= 1); i++) {
          if (i > 0) await new Promise((r) => setTimeout(r, 100));
          m = parseMetrics(await (await fetch(`${replay.appUrl}/metrics`)).text());
        }
        expect(m.get('skewbot_queue_errors_total{op="enqueue"}'), `no failed enqueue counted; the app said:\n${replay.output.join("").slice(-6000)}`).toBeGreaterThanOrEqual(1);
        expect(replay.github.botComments("kubernetes-sigs/cluster-api", 11840)).toHaveLength(0);
        await proxy.restore();
        const { comments } = await replay.settled(30_000);
        expect(comments).toHaveLength(1);
        expect(comments[0]!.body).toContain("Minimum compatibility version out of range");
        const logs = replay.output.join("");
        expect(logs).toContain("shared queue: Redis operation failed");
        expect(logs).toContain("shared queue: Redis answers again");
      } finally {
        await replay.stop();
        await proxy.close();
      }
    }, 60_000);

    it("PostgreSQL lost mid-run: deliveries are still answered and triaged, the failure logged and counted, one comment kept, and the store used again once it is back", async () => {
      if (postgresAvailability && !REQUIRE_SERVICES) return console.warn(`did not run: ${postgresAvailability}`);
      const pgProxy = await cuttableProxy(DATABASE_URL);
      const viaProxy = new URL(DATABASE_URL);
      viaProxy.host = new URL(pgProxy.url).host;
      const schema = uniqueSchema("skewbot_pgdown");
      const replay = await startReplay({ env: { REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix, DATABASE_URL: viaProxy.toString(), SKEWBOT_DATABASE_SCHEMA: schema } });
      const metrics = async () => parseMetrics(await (await fetch(`${replay.appUrl}/metrics`)).text());
      const sum = (m: Map<string, number>, name: string, label = "") => [...m].filter(([k]) => k.startsWith(name) && k.includes(label)).reduce((n, [, v]) => n + v, 0);
      const triaged = async (n: number) => {
        for (let i = 0; i < 300 && sum(await metrics(), "skewbot_triages_total") < n; i++) await new Promise((r) => setTimeout(r, 100));
        return metrics();
      };
      // A new report comment of k8s-ci-robot each time (same job, same thread): each is triaged again.
      const report = (n: number) => {
        const p = ciRobotCommentPayload() as { comment: Record<string, unknown> };
        return { ...p, comment: { ...p.comment, id: 2_650_000_100 + n } };
      };
      try {
        expect(await replay.deliver("issue_comment", report(1), "pg-up-1")).toBe(200);
        const before = await triaged(1);
        expect(before.get('skewbot_triages_total{outcome="created"}')).toBe(1);
        expect(sum(before, "skewbot_history_store_seconds_count", 'result="error"')).toBe(0);

        await pgProxy.cut();
        expect(await replay.deliver("issue_comment", report(2), "pg-down-2")).toBe(200);
        const during = await triaged(2);
        expect(sum(during, "skewbot_triages_total")).toBe(2);
        expect(during.get('skewbot_triages_total{outcome="error"}') ?? 0).toBe(0);
        expect(sum(during, "skewbot_history_store_seconds_count", 'result="error"')).toBeGreaterThanOrEqual(1);
        expect(replay.output.join("")).toContain("history store unavailable");
        expect(replay.github.botComments("kubernetes-sigs/cluster-api", 11840)).toHaveLength(1);

        await pgProxy.restore();
        const okAtCut = sum(during, "skewbot_history_store_seconds_count", 'result="ok"');
        expect(await replay.deliver("issue_comment", report(3), "pg-back-3")).toBe(200);
        const after = await triaged(3);
        expect(sum(after, "skewbot_triages_total")).toBe(3);
        expect(sum(after, "skewbot_history_store_seconds_count", 'result="ok"')).toBeGreaterThan(okAtCut);
        expect(replay.github.botComments("kubernetes-sigs/cluster-api", 11840)).toHaveLength(1);
      } finally {
        await replay.stop();
        await pgProxy.close();
        await dropSchema(schema).catch(() => undefined);
      }
    }, 90_000);

    it("a poisoned job (one this release cannot run) is retried, then dead-lettered, counted on /metrics and named in the log; its thread goes on", async () => {
      const own = uniquePrefix("poison");
      const replay = await startReplay({ env: { REDIS_URL, SKEWBOT_REDIS_PREFIX: own, SKEWBOT_QUEUE_ATTEMPTS: "2", SKEWBOT_QUEUE_RETRY_MS: "100" } });
      // A replica of another release put it on the queue, for the thread that a delivery is about to triage.
      const other = new RedisQueue<unknown>({ url: REDIS_URL, prefix: own });
      try {
        expect(await other.enqueue("kubernetes-sigs/cluster-api#11840", "from-a-newer-release", { v: 99, thread: "?" })).toBe("queued");
        expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "after-poison")).toBe(200);
        const { comments } = await replay.settled(30_000);
        expect(comments).toHaveLength(1);
        expect(comments[0]!.body).toContain("Minimum compatibility version out of range");
        let m = new Map<string, number>();
        for (let i = 0; i < 200 && m.get("skewbot_queue_dead_letters") !== 1; i++) {
          if (i > 0) await new Promise((r) => setTimeout(r, 100));
          m = parseMetrics(await (await fetch(`${replay.appUrl}/metrics`)).text());
        }
        expect(m.get("skewbot_queue_dead_letters")).toBe(1);
        expect(m.get("skewbot_queue_dead_lettered_total")).toBe(1);
        expect(m.get("skewbot_queue_retried_total")).toBe(1);
        expect(m.get("skewbot_queue_stalled_total")).toBe(0);
        expect(m.get("skewbot_queue_depth")).toBe(0);
        const [letter] = await other.deadLetters();
        expect(letter).toMatchObject({ thread: "kubernetes-sigs/cluster-api#11840", key: "from-a-newer-release", attempts: 2, job: { v: 99 } });
        expect(letter!.reason).toContain("unknown job version 99");
        const logs = replay.output.join("");
        expect(logs).toContain("triage dead-lettered");
        expect(logs).toContain("unknown job version 99");
      } finally {
        await other.close();
        await replay.stop();
        await dropPrefix(own);
        await dropPrefix(`b_octokit-*-${own}`);
      }
    }, 60_000);
  });
}
