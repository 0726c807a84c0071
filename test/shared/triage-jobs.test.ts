import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { RedisQueue, type QueueObserver } from "../../src/queue/redis.js";
import { parseLogRef, type LogRef } from "../../src/sources/index.js";
import { mergeTriageJobs, TRIAGE_JOB_VERSION, type TriageJob } from "../../src/triage-job.js";
import { dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// What the app puts on the shared queue, through the real Redis: a TriageJob whose request is the typed
// TriageRequest (parsed LogRefs), with the app's own merge. JSON in, the same JSON out; a burst for one
// thread runs once with the union of its references by canonical key (one build however it was spelled);
// a job of an earlier release (references as text) never runs merged into a healthy one.

const problem = await redisProblem();
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const THREAD = { owner: "org", repo: "repo", issue_number: 7 };
const THREAD_KEY = "org/repo#7";

function ref(input: string): LogRef {
  const r = parseLogRef(input);
  if ("error" in r) throw new Error(r.error);
  return r;
}

function job(delivery: string, refs: LogRef[]): TriageJob {
  return {
    v: TRIAGE_JOB_VERSION,
    id: `job-${delivery}`,
    deliveries: [delivery],
    event: "issue_comment",
    installation: 42,
    thread: THREAD,
    request: { delivery, event: "issue_comment", installation: 42, refs, excerpts: [], explicit: false, problems: [], visibility: "public", pull: 7 },
    config: DEFAULT_CONFIG,
  };
}

/** A run that holds its thread until released; `holding()` resolves once it has started. */
let started: () => void = () => undefined;
let holding: () => Promise<void> = () => Promise.resolve();
function holder() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const running = new Promise<void>((r) => (started = r));
  holding = () => running;
  return {
    hold: async () => {
      started();
      await gate;
    },
    release,
  };
}

const build = (id: string) => `kubernetes-ci-logs/pr-logs/pull/org_repo/7/pull-e2e/${id}`;

if (problem && !REQUIRE_SERVICES) {
  describe("triage jobs on the shared queue", () => {
    it(`did not run: ${problem}`, () => console.warn(`triage job tests did not run: ${problem}`));
  });
} else {
  describe("triage jobs on the shared queue", () => {
    const open: RedisQueue<TriageJob>[] = [];
    const prefixes: string[] = [];
    afterEach(async () => {
      for (const q of open.splice(0)) await q.close();
      for (const p of prefixes.splice(0)) await dropPrefix(p);
    });

    function queue(observer: QueueObserver = {}) {
      const prefix = uniquePrefix("jobs");
      prefixes.push(prefix);
      const q = new RedisQueue<TriageJob>({ url: REDIS_URL, prefix, lockMs: 2000, attempts: 2, retryBaseMs: 50, observer });
      open.push(q);
      return q;
    }

    it("a job comes out as it went in: the typed request, its LogRefs and configuration as plain JSON", async () => {
      const q = queue();
      const ran: TriageJob[] = [];
      await q.start({ merge: mergeTriageJobs, run: async (j) => void ran.push(j) });
      const sent = job("d-1", [ref(`https://prow.k8s.io/view/gs/${build("100")}`), ref("https://github.com/org/repo/actions/runs/5/job/7")]);
      expect(await q.enqueue(THREAD_KEY, "k-1", sent)).toBe("queued");
      await q.idle();
      expect(ran).toEqual([sent]);
    });

    it("a burst for one thread runs once with the union of its references by canonical key, one build however it was spelled", async () => {
      const q = queue();
      const ran: TriageJob[] = [];
      const { hold, release } = holder();
      await q.start({ merge: mergeTriageJobs, run: async (j) => (j.deliveries[0] === "blocker" ? hold() : void ran.push(j)) });
      // While a run of the thread holds its lease, three spellings of build 100 (Spyglass, gs://, gcsweb)
      // and one of build 200 arrive, each its own delivery: the next run takes them together.
      expect(await q.enqueue(THREAD_KEY, "blocker", job("blocker", []))).toBe("queued");
      await holding();
      const burst = [
        job("d-1", [ref(`https://prow.k8s.io/view/gs/${build("100")}`)]),
        job("d-2", [ref(`gs://${build("100")}`), ref(`gs://${build("200")}`)]),
        job("d-3", [ref(`https://gcsweb.k8s.io/gcs/${build("100")}/`)]),
      ];
      for (const [i, j] of burst.entries()) expect(await q.enqueue(THREAD_KEY, `k-${i}`, j)).toBe("queued");
      release();
      await q.idle();
      expect(ran).toHaveLength(1);
      expect(ran[0]!.deliveries.sort()).toEqual(["d-1", "d-2", "d-3"]);
      expect(ran[0]!.request.refs.map((r) => r.kind === "prow" && r.buildId)).toEqual(["100", "200"]);
    });

    it("a job of an earlier release (references as text) in a burst: the healthy one runs, the old one is dead-lettered alone with its reason", async () => {
      const letters: string[] = [];
      const retried: string[] = [];
      const q = queue({ deadLettered: (_e, reason) => void letters.push(reason), retried: (e) => void retried.push(e.key) });
      const ran: TriageJob[] = [];
      const { hold, release } = holder();
      await q.start({
        merge: mergeTriageJobs,
        run: async (j) => {
          if (j.deliveries[0] === "blocker") return hold();
          // As the app's worker does (src/dispatch.ts): a job this release cannot run fails.
          if (j.v !== TRIAGE_JOB_VERSION) throw new Error(`not a triage job this release can run: unknown job version ${String(j.v)}`);
          ran.push(j);
        },
      });
      const old = { ...job("d-old", []), v: 1, request: { ...job("d-old", []).request, refs: [`gs://${build("300")}`] } } as unknown as TriageJob;
      // Both arrive while a run holds the thread: the next run takes them together.
      expect(await q.enqueue(THREAD_KEY, "blocker", job("blocker", []))).toBe("queued");
      await holding();
      await q.enqueue(THREAD_KEY, "k-old", old);
      await q.enqueue(THREAD_KEY, "k-new", job("d-new", [ref(`gs://${build("100")}`)]));
      release();
      for (let i = 0; i < 200 && letters.length === 0; i++) await tick(25);
      await q.idle();
      // Never merged with the old one: the healthy job ran once, first time, and only the old one was retried.
      expect(ran.map((j) => j.deliveries)).toEqual([["d-new"]]);
      expect(retried).toEqual(["k-old"]);
      expect(letters).toEqual(["Error: not a triage job this release can run: unknown job version 1"]);
      expect((await q.deadLetters())[0]).toMatchObject({ key: "k-old", job: { v: 1, request: { refs: [`gs://${build("300")}`] } } });
    });
  });
}
