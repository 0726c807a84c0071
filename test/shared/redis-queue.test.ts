import { afterEach, describe, expect, it } from "vitest";
import { RedisQueue, type QueueObserver } from "../../src/queue/redis.js";
import { cuttableProxy, dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// The shared queue against the real Redis: several RedisQueue instances with one prefix are several
// replicas. Jobs are plain data ({ refs }); the worker records what ran where.

interface Job {
  refs: string[];
  tags?: string[];
  poison?: boolean;
  hang?: boolean;
}

const problem = await redisProblem();
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick(25);
  }
}

function counting(): QueueObserver & { counts: Record<string, number>; reasons: string[] } {
  const counts: Record<string, number> = { stalled: 0, retried: 0, deadLettered: 0, error: 0 };
  const reasons: string[] = [];
  return {
    counts,
    reasons,
    stalled: () => void counts["stalled"]!++,
    retried: () => void counts["retried"]!++,
    deadLettered: (_e, reason) => {
      counts["deadLettered"]!++;
      reasons.push(reason);
    },
    error: () => void counts["error"]!++,
  };
}

const merge = (jobs: Job[]): Job => ({ refs: [...new Set(jobs.flatMap((j) => j.refs))], poison: jobs.some((j) => j.poison) });

if (problem && !REQUIRE_SERVICES) {
  describe("shared queue on Redis", () => {
    it(`did not run: ${problem} (set SKEWBOT_TEST_REDIS_URL, or SKEWBOT_REQUIRE_SERVICES=1 to make this fail)`, () => {
      console.warn(`shared queue tests did not run: ${problem}`);
    });
  });
} else {
  describe("shared queue on Redis", () => {
    const open: RedisQueue<Job>[] = [];
    const prefixes: string[] = [];
    afterEach(async () => {
      for (const q of open.splice(0)) await q.close();
      for (const p of prefixes.splice(0)) await dropPrefix(p);
    });

    function replicas(n: number, options: { lockMs?: number; attempts?: number; retryBaseMs?: number; url?: string } = {}) {
      const prefix = uniquePrefix("queue");
      prefixes.push(prefix);
      return Array.from({ length: n }, () => {
        const observer = counting();
        const q = new RedisQueue<Job>({ url: options.url ?? REDIS_URL, prefix, concurrency: 2, lockMs: options.lockMs ?? 2000, attempts: options.attempts ?? 3, retryBaseMs: options.retryBaseMs ?? 50, observer });
        open.push(q);
        return { q, observer };
      });
    }

    it("one thread runs in one replica at a time; a burst collapses into fewer runs with the union of its references", async () => {
      const fleet = replicas(3);
      const runs: { replica: number; thread: string; refs: string[] }[] = [];
      const active = new Map<string, number>();
      let overlap = 0;
      await Promise.all(
        fleet.map(({ q }, replica) =>
          q.start({
            merge,
            async run(job) {
              const thread = job.refs[0]!.split("/")[0]!;
              active.set(thread, (active.get(thread) ?? 0) + 1);
              if (active.get(thread)! > 1) overlap++;
              runs.push({ replica, thread, refs: job.refs });
              await tick(40);
              active.set(thread, active.get(thread)! - 1);
            },
          }),
        ),
      );
      const sent: string[] = [];
      for (let i = 0; i < 60; i++) {
        const thread = `t${i % 4}`;
        const ref = `${thread}/job-${i}`;
        sent.push(ref);
        // Enqueued through every replica in turn, as a round-robin load balancer would.
        expect(await fleet[i % 3]!.q.enqueue(thread, ref, { refs: [ref] })).toBe("queued");
      }
      await fleet[0]!.q.idle();
      expect(overlap).toBe(0);
      const ran = new Set(runs.flatMap((r) => r.refs));
      expect([...ran].sort()).toEqual([...sent].sort());
      expect(runs.length).toBeLessThan(sent.length);
      expect(runs.some((r) => r.refs.length > 1)).toBe(true);
      expect(new Set(runs.map((r) => r.replica)).size).toBeGreaterThan(1);
    });

    it("drops a duplicate of a queued or running request; latest wins for a replaced one", async () => {
      const { q } = replicas(1)[0]!;
      const seen: string[][] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      await q.start({
        merge,
        async run(job) {
          seen.push(job.refs);
          if (job.refs[0] === "first") await gate;
        },
      });
      expect(await q.enqueue("t", "k", { refs: ["first"] })).toBe("queued");
      await until("the first run", () => seen.length === 1);
      expect(await q.enqueue("t", "k", { refs: ["again"] })).toBe("duplicate");
      expect(await q.enqueue("t", "body", { refs: ["v1"] }, { replace: true, quietMs: 300 })).toBe("queued");
      expect(await q.enqueue("t", "body", { refs: ["v2"] }, { replace: true, quietMs: 300 })).toBe("replaced");
      expect(await q.enqueue("t", "body", { refs: ["v3"] }, { replace: true, quietMs: 300 })).toBe("replaced");
      release();
      await q.idle();
      expect(seen).toEqual([["first"], ["v3"]]);
    });

    it("a replica that dies mid-run loses nothing: another takes its work once the lease expires", async () => {
      const [a, b] = replicas(2, { lockMs: 1000 });
      const ranOnB: Job[] = [];
      let startedOnA = false;
      await a!.q.start({
        run: async () => {
          startedOnA = true;
          await new Promise(() => undefined); // hangs: this replica is about to die
        },
      });
      // An empty list too: the job must come back exactly as it went in, also after a takeover.
      expect(await a!.q.enqueue("t", "k", { refs: ["survivor"], tags: [] })).toBe("queued");
      await until("the run on A", () => startedOnA);
      // A dies: its connections drop without a word, so neither its job lock nor its lease is renewed.
      await a!.q.close();
      await b!.q.start({
        run: async (job) => {
          ranOnB.push(job);
        },
      });
      await until("B to take over", () => ranOnB.length > 0, 20_000);
      expect(ranOnB).toEqual([{ refs: ["survivor"], tags: [] }]);
      await b!.q.idle();
      expect(b!.observer.counts["stalled"]).toBeGreaterThanOrEqual(1);
    });

    it("a poisoned request is retried with backoff, then dead-lettered with its reason; its thread and its burst go on", async () => {
      const { q, observer } = replicas(1, { attempts: 3, retryBaseMs: 50 })[0]!;
      const done: string[] = [];
      let poisonRuns = 0;
      await q.start({
        merge,
        async run(job) {
          if (job.poison) {
            poisonRuns++;
            throw new Error("always fails");
          }
          done.push(...job.refs);
        },
      });
      await q.enqueue("t", "healthy-1", { refs: ["healthy-1"] }, { quietMs: 100 });
      await q.enqueue("t", "poison", { refs: ["poison"], poison: true }, { quietMs: 100 });
      await until("the dead letter", () => observer.counts["deadLettered"] === 1);
      await q.enqueue("t", "healthy-2", { refs: ["healthy-2"] });
      await q.idle();
      expect(done.sort()).toEqual(["healthy-1", "healthy-2"]);
      // The first run merged both; then the poisoned one ran alone until its last attempt.
      expect(poisonRuns).toBe(3);
      expect(observer.counts["retried"]).toBeGreaterThanOrEqual(2);
      expect(observer.reasons).toEqual(["Error: always fails"]);
      const letters = await q.deadLetters();
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ thread: "t", key: "poison", attempts: 3, reason: "Error: always fails", job: { refs: ["poison"] } });
      expect((await q.stats()).deadLetters).toBe(1);
    });

    it("a request that cannot even be merged (a job of another release) runs alone; its burst goes on, and no replica counts as died", async () => {
      const { q, observer } = replicas(1, { attempts: 2, retryBaseMs: 50 })[0]!;
      const done: string[] = [];
      await q.start({
        merge: (jobs) => {
          if (jobs.some((j) => !Array.isArray(j.refs))) throw new TypeError("not iterable");
          return merge(jobs);
        },
        async run(job) {
          if (!Array.isArray(job.refs)) throw new Error("not a job this release can run");
          done.push(...job.refs);
        },
      });
      // Both wait out the same quiet time, so that one run takes them together.
      await q.enqueue("t", "healthy", { refs: ["healthy"] }, { quietMs: 150 });
      await q.enqueue("t", "foreign", { refs: "from a newer release" } as unknown as Job, { quietMs: 150 });
      await until("the dead letter", () => observer.counts["deadLettered"] === 1);
      await q.idle();
      expect(done).toEqual(["healthy"]);
      expect(observer.counts["stalled"]).toBe(0);
      expect(observer.reasons).toEqual(["Error: not a job this release can run"]);
      expect((await q.deadLetters())[0]).toMatchObject({ key: "foreign", attempts: 2 });
    });

    it("Redis down mid-run: enqueues are still answered and counted as errors, and the work runs once Redis is back", async () => {
      const proxy = await cuttableProxy(REDIS_URL);
      try {
        const { q, observer } = replicas(1, { url: proxy.url })[0]!;
        const done: string[] = [];
        await q.start({ merge, run: async (job) => void done.push(...job.refs) });
        await q.enqueue("t", "before", { refs: ["before"] });
        await until("the first run", () => done.length === 1);
        // Finished in Redis too (else its row would rightly run again after the outage: at least once).
        await q.idle();
        await proxy.cut();
        await until("the queue to see Redis go", () => observer.counts["error"]! > 0);
        expect(await q.enqueue("t", "during", { refs: ["during"] })).toBe("queued");
        expect(q.depth()).toBeGreaterThan(0);
        await tick(300);
        expect(done).toEqual(["before"]);
        await proxy.restore();
        await until("the run after Redis came back", () => done.includes("during"), 20_000);
        expect(done).toEqual(["before", "during"]);
      } finally {
        await proxy.close();
      }
    });
  });
}
