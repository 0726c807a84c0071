import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { pino } from "pino";
import { ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/metrics.js";
import { fleetThrottle, sharedModeFromEnv, type FleetThrottle } from "../../src/shared.js";
import { dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// Probot's throttle as the fleet runs it (src/shared.ts), in front of a loopback GitHub, against the real
// Redis. The case this guards: a replica SIGKILLed while one of its comment creations waited in a limiter
// clustered on Redis. Bottleneck counts a job as running from the moment it is registered, through the
// limiter's minTime wait, and a dead client's running jobs are freed only when they expire (a minute, as
// plugin-throttling sets it). plugin-throttling's notifications group (one at a time, 3 s apart) is such a
// limiter: clustered, the dead replica's slot stopped every comment creation of that installation for a
// minute in every replica, and with them the replicas' triage slots (CI, stop 26: 44 of 60 triages lost).

const problem = await redisProblem();

async function loopbackGitHub(): Promise<{ url: string; posts: string[]; close(): Promise<void> }> {
  const posts: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST") posts.push(req.url ?? "");
      res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" }).end(JSON.stringify({ id: posts.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * What a replica killed mid-wait leaves in Redis: a job registered in `group`'s limiter of `throttleId`
 * (as plugin-throttling names it) that never finishes, and a client that never speaks again.
 */
async function deadReplicaHolding(group: string, throttleId: string, settings: Bottleneck.ConstructorOptions): Promise<void> {
  const client = new Redis(REDIS_URL);
  const limiter = new Bottleneck({ ...settings, id: `${group}-${throttleId}`, datastore: "ioredis", connection: new Bottleneck.IORedisConnection({ client }) });
  await limiter.ready();
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  void limiter.schedule({ expiration: 60_000 }, () => {
    started();
    return new Promise(() => undefined);
  });
  await running;
  // Killed: no heartbeat, no `done`, the connection gone.
  client.disconnect();
}

if (problem && !REQUIRE_SERVICES) {
  describe("fleet throttle on Redis", () => {
    it(`did not run: ${problem}`, () => console.warn(`fleet throttle tests did not run: ${problem}`));
  });
} else {
  describe("fleet throttle on Redis", () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
    });

    async function replica(prefix: string): Promise<{ throttle: FleetThrottle; github: InstanceType<typeof ProbotOctokit>; server: Awaited<ReturnType<typeof loopbackGitHub>> }> {
      const server = await loopbackGitHub();
      const mode = sharedModeFromEnv({ REDIS_URL, SKEWBOT_REDIS_PREFIX: prefix, SKEWBOT_WRITE_SPACING_MS: "1000" })!;
      const throttle = await fleetThrottle(mode, createMetrics(), pino({ level: "silent" }));
      cleanup.push(() => server.close(), () => throttle.close(), () => dropPrefix(prefix), () => dropPrefix(`b_octokit-*-${prefix}`));
      const github = new ProbotOctokit({
        baseUrl: server.url,
        auth: { token: "ghs_test" },
        retry: { enabled: false },
        throttle: { ...throttle.options("101"), onRateLimit: () => false, onSecondaryRateLimit: () => false },
      });
      return { throttle, github, server };
    }

    it("a replica killed while its comment creation waited does not hold up the others' comment creations", async () => {
      const prefix = uniquePrefix("throttle");
      const { github, server } = await replica(prefix);
      // The dead replica held the slot of every clustered group a comment creation passes through.
      await deadReplicaHolding("octokit-notifications", `${prefix}-101`, { maxConcurrent: 1, minTime: 3000 });
      const created = await github.rest.issues.createComment({ owner: "o", repo: "r", issue_number: 1, body: "triage" });
      expect(created.status).toBe(201);
      expect(server.posts).toEqual(["/repos/o/r/issues/1/comments"]);
    }, 20_000);

    it("a replica killed mid-search does not hold up the others' searches", async () => {
      const prefix = uniquePrefix("throttle");
      const { github, server } = await replica(prefix);
      await deadReplicaHolding("octokit-search", `${prefix}-101`, { maxConcurrent: 1, minTime: 2000 });
      const found = await github.request("GET /search/issues", { q: "repo:o/r is:issue" });
      expect(found.status).toBe(200);
      expect(server.posts).toEqual([]);
    }, 20_000);

    it("the fleet's limit of one installation still lives in Redis, shared by its replicas", async () => {
      const prefix = uniquePrefix("throttle");
      const { github } = await replica(prefix);
      await github.rest.issues.get({ owner: "o", repo: "r", issue_number: 1 });
      const redis = new Redis(REDIS_URL);
      cleanup.push(async () => redis.disconnect());
      expect(await redis.exists(`b_octokit-global-${prefix}-101_settings`)).toBe(1);
    }, 20_000);
  });
}
