import { createHash, randomUUID } from "node:crypto";
import { Queue, Worker, type Job } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import type { EnqueueOptions, EnqueueResult, JobWorker, QueueStats, TriageQueue } from "../queue.js";

// The shared queue: several replicas, one Redis. A triage request is a row in its thread's `pending` hash
// (keyed like the in-process queue: thread and key), and a BullMQ job is only a ticket that says "this
// thread has work". Whoever holds the thread's lease (a Redis key with a TTL, renewed while the run lasts)
// moves every pending row to `inflight`, runs them as one merged job, and deletes them when done. So:
//
// - one thread, one run at a time in the whole fleet (the lease); a burst collapses into one run;
// - a replica that dies mid-run leaves its rows in `inflight` and its ticket active: BullMQ's stalled-job
//   check hands the ticket to another replica once the lock expires, and the lease has expired by then,
//   so the rows run again (at least once; publishing is idempotent);
// - a failed row is retried alone (so that it cannot take healthy rows down with it) with exponential
//   backoff, and after `attempts` lands in the dead-letter list with its reason. It never holds the lease
//   while it waits, so its thread goes on.
//
// A ticket that finds the lease taken just ends: the holder looks at `pending` again after releasing the
// lease and tickets what arrived meanwhile. A sweeper tickets threads whose rows have no ticket (one lost
// to a Redis outage) as a last resort.

export interface RedisQueueOptions {
  /** redis://… (REDIS_URL). */
  url: string;
  /** Prefix of every key (BullMQ's and ours), so that deployments and test runs can share one Redis. */
  prefix?: string;
  /** Runs at once in this replica. */
  concurrency?: number;
  /** Thread lease and BullMQ job lock: how long a dead replica's work waits before another takes it. */
  lockMs?: number;
  /** Runs of one request before it is dead-lettered. */
  attempts?: number;
  /** First retry after this long, doubling each time. */
  retryBaseMs?: number;
  observer?: QueueObserver;
}

/** What the queue tells the process about (metrics, logs). */
export interface QueueObserver {
  /** A request whose worker died mid-run is being run again by this replica. */
  stalled?(entry: EntryInfo): void;
  /** A request failed and will run again. */
  retried?(entry: EntryInfo, err: unknown, delayMs: number): void;
  /** A request failed for good and is in the dead-letter list. */
  deadLettered?(entry: EntryInfo, reason: string): void;
  /** A Redis operation failed (the queue goes on: enqueues wait in memory, workers reconnect). */
  error?(op: string, err: unknown): void;
  /** Redis answered again after errors. */
  recovered?(op: string): void;
}

export interface EntryInfo {
  thread: string;
  key: string;
  attempts: number;
}

/** A dead-lettered request as the list stores it. */
export interface DeadLetter<J = unknown> extends EntryInfo {
  reason: string;
  at: string;
  job: J;
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- J: what `job` holds once parsed
interface Entry<J> {
  thread: string;
  key: string;
  /**
   * The job as JSON text. The Lua scripts decode and re-encode rows, and cjson turns an empty array into
   * an object: the job stays a string that they never look into.
   */
  job: string;
  /** Not to start before (ms since the epoch): debounce and retry backoff. */
  notBefore: number;
  /** Failed runs. */
  attempts: number;
  /** Runs whose worker died. */
  crashes?: number;
  /** Run alone, not merged: it failed or crashed before. */
  solo?: boolean;
}

const QUEUE_NAME = "triage";

// KEYS: pending, inflight, threads. ARGV: key, entry JSON, replace (1/0), thread hash.
const ENQUEUE = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  if ARGV[3] ~= '1' then return 'duplicate' end
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  return 'replaced'
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[4])
return 'queued'`;

// Takes the thread's due rows into `inflight`. Rows already in `inflight` belong to a run whose worker died
// (we hold the lease now): they count a crash and run again, alone. KEYS: pending, inflight. ARGV: now.
// Returns the inflight rows.
const TAKE = `
local out = {}
local inflight = redis.call('HGETALL', KEYS[2])
for i = 1, #inflight, 2 do
  local e = cjson.decode(inflight[i + 1])
  e.crashes = (e.crashes or 0) + 1
  e.solo = true
  local s = cjson.encode(e)
  redis.call('HSET', KEYS[2], inflight[i], s)
end
local pending = redis.call('HGETALL', KEYS[1])
local now = tonumber(ARGV[1])
for i = 1, #pending, 2 do
  local e = cjson.decode(pending[i + 1])
  if tonumber(e.notBefore) <= now then
    redis.call('HSET', KEYS[2], pending[i], pending[i + 1])
    redis.call('HDEL', KEYS[1], pending[i])
  end
end
return redis.call('HVALS', KEYS[2])`;

// The earliest notBefore among pending rows, or -1. KEYS: pending.
const NEXT_DUE = `
local vals = redis.call('HVALS', KEYS[1])
local best = -1
for _, v in ipairs(vals) do
  local n = tonumber(cjson.decode(v).notBefore)
  if best == -1 or n < best then best = n end
end
return best`;

// A failed row back to pending, unless a newer request for the same key is already there (latest wins).
// KEYS: pending, inflight. ARGV: key, entry JSON.
const REQUEUE = `
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`;

// KEYS: inflight, dead. ARGV: key, dead-letter JSON, cap.
const DEAD_LETTER = `
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
return 1`;

// KEYS: lease. ARGV: token, ms.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

// Requests queued or running, fleet-wide; forgets threads with nothing left. KEYS: threads. ARGV: key prefix.
const DEPTH = `
local n = 0
for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local c = redis.call('HLEN', ARGV[1] .. h .. ':pending') + redis.call('HLEN', ARGV[1] .. h .. ':inflight')
  if c == 0 and redis.call('EXISTS', ARGV[1] .. h .. ':lease') == 0 then redis.call('SREM', KEYS[1], h) end
  n = n + c
end
return n`;

// Threads with rows and no lease holder: they need a ticket. KEYS: threads. ARGV: key prefix.
const ORPHANS = `
local out = {}
for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local c = redis.call('HLEN', ARGV[1] .. h .. ':pending') + redis.call('HLEN', ARGV[1] .. h .. ':inflight')
  if c > 0 and redis.call('EXISTS', ARGV[1] .. h .. ':lease') == 0 then table.insert(out, h) end
end
return out`;

type Scripts = {
  skewbotEnqueue(pending: string, inflight: string, threads: string, key: string, entry: string, replace: string, h: string): Promise<string>;
  skewbotTake(pending: string, inflight: string, now: string): Promise<string[]>;
  skewbotNextDue(pending: string): Promise<number>;
  skewbotRequeue(pending: string, inflight: string, key: string, entry: string): Promise<number>;
  skewbotDeadLetter(inflight: string, dead: string, key: string, letter: string, cap: string): Promise<number>;
  skewbotRenew(lease: string, token: string, ms: string): Promise<number>;
  skewbotRelease(lease: string, token: string): Promise<number>;
  skewbotDepth(threads: string, prefix: string): Promise<number>;
  skewbotOrphans(threads: string, prefix: string): Promise<string[]>;
};
type ScriptedRedis = Redis & Scripts;

function defineScripts(redis: Redis): ScriptedRedis {
  redis.defineCommand("skewbotEnqueue", { numberOfKeys: 3, lua: ENQUEUE });
  redis.defineCommand("skewbotTake", { numberOfKeys: 2, lua: TAKE });
  redis.defineCommand("skewbotNextDue", { numberOfKeys: 1, lua: NEXT_DUE });
  redis.defineCommand("skewbotRequeue", { numberOfKeys: 2, lua: REQUEUE });
  redis.defineCommand("skewbotDeadLetter", { numberOfKeys: 2, lua: DEAD_LETTER });
  redis.defineCommand("skewbotRenew", { numberOfKeys: 1, lua: RENEW });
  redis.defineCommand("skewbotRelease", { numberOfKeys: 1, lua: RELEASE });
  redis.defineCommand("skewbotDepth", { numberOfKeys: 1, lua: DEPTH });
  redis.defineCommand("skewbotOrphans", { numberOfKeys: 1, lua: ORPHANS });
  return redis as ScriptedRedis;
}

const DEAD_LETTER_CAP = 10_000;

/** `redis://user:secret@host` without the secret, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

/** Connects and pings once, so that a process asked for shared mode fails at start when Redis is not there. */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } finally {
    probe.disconnect();
  }
}

export class RedisQueue<J> implements TriageQueue<J> {
  readonly shared = true;
  private readonly prefix: string;
  private readonly keys: string;
  private readonly lockMs: number;
  private readonly attempts: number;
  private readonly retryBaseMs: number;
  private readonly concurrency: number;
  private readonly observer: QueueObserver;
  private readonly client: ScriptedRedis;
  private readonly workerConnection: Redis;
  private readonly tickets: Queue;
  private worker?: Worker;
  private jobWorker?: JobWorker<J>;
  private active = 0;
  private readonly running = new Set<Promise<unknown>>();
  /** Enqueues that Redis did not take (it was down): retried until it takes them. */
  private readonly outbox: { thread: string; key: string; job: J; options: EnqueueOptions }[] = [];
  private outboxTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private closed = false;
  private failing = new Set<string>();
  private connected = false;
  /** Runs the last drain left to other replicas. */
  interrupted = 0;

  constructor(options: RedisQueueOptions) {
    this.prefix = options.prefix ?? "skewbot";
    this.keys = `${this.prefix}:q:`;
    this.lockMs = options.lockMs ?? 30_000;
    this.attempts = options.attempts ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 2000;
    this.concurrency = options.concurrency ?? 2;
    this.observer = options.observer ?? {};
    // Enqueues must fail fast while Redis is down (the webhook is answered and the request waits here);
    // the worker's connection must wait and reconnect (BullMQ requires maxRetriesPerRequest: null).
    this.client = defineScripts(new Redis(options.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000, retryStrategy: (n) => Math.min(n * 200, 2000) }));
    this.client.on("error", (err) => this.fail("connection", err));
    this.client.on("ready", () => this.ok("connection"));
    this.workerConnection = new Redis(options.url, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.workerConnection.on("error", (err) => this.fail("worker-connection", err));
    this.tickets = new Queue(QUEUE_NAME, {
      connection: this.client,
      prefix: this.prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000, attempts: 5, backoff: { type: "exponential", delay: 1000 } },
    });
    this.tickets.on("error", (err) => this.fail("queue", err));
  }

  private fail(op: string, err: unknown): void {
    if (this.closed) return;
    this.failing.add(op);
    this.observer.error?.(op, err);
  }

  private ok(op: string): void {
    if (this.failing.delete(op)) this.observer.recovered?.(op);
  }

  private hashOf(thread: string): string {
    return createHash("sha256").update(thread).digest("hex").slice(0, 24);
  }

  private k(h: string, part: "pending" | "inflight" | "lease"): string {
    return `${this.keys}${h}:${part}`;
  }

  /**
   * Waits until the first connection is up (the process checked Redis at start, so this is quick). After
   * that, a lost connection makes enqueues fail fast into the outbox instead.
   */
  async ready(timeoutMs = 5000): Promise<void> {
    if (this.connected || (this.client.status as string) === "ready") {
      this.connected = true;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.client.once("ready", () => resolve())),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    this.connected = this.client.status === "ready";
  }

  async start(worker: JobWorker<J>): Promise<void> {
    await this.ready();
    this.jobWorker = worker;
    this.worker = new Worker(QUEUE_NAME, (ticket, token) => this.track(this.process(ticket, token)), {
      connection: this.workerConnection,
      prefix: this.prefix,
      concurrency: this.concurrency,
      lockDuration: this.lockMs,
      stalledInterval: Math.max(1000, Math.floor(this.lockMs / 2)),
      maxStalledCount: 10,
      autorun: false,
    });
    this.worker.on("error", (err) => this.fail("worker", err));
    void this.worker.run().catch((err: unknown) => this.fail("worker", err));
    const sweepMs = Math.max(1000, this.lockMs);
    this.sweepTimer = setInterval(() => void this.sweep(), sweepMs);
    this.sweepTimer.unref();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  async enqueue(thread: string, key: string, job: J, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.closed) return "closed";
    if (!this.connected) await this.ready();
    try {
      const result = await this.push(thread, key, job, options);
      this.ok("enqueue");
      return result;
    } catch (err) {
      // Redis is down: the delivery is still answered; the request waits here until Redis takes it.
      this.fail("enqueue", err);
      this.outbox.push({ thread, key, job, options });
      this.scheduleOutbox();
      return "queued";
    }
  }

  private async push(thread: string, key: string, job: J, options: EnqueueOptions): Promise<EnqueueResult> {
    const h = this.hashOf(thread);
    const entry: Entry<J> = { thread, key, job: JSON.stringify(job), notBefore: Date.now() + (options.quietMs ?? 0), attempts: 0 };
    const result = (await this.client.skewbotEnqueue(this.k(h, "pending"), this.k(h, "inflight"), `${this.keys}threads`, key, JSON.stringify(entry), options.replace ? "1" : "0", h)) as EnqueueResult;
    if (result !== "duplicate") await this.ticket(h, options.quietMs ?? 0);
    return result;
  }

  private scheduleOutbox(): void {
    if (this.outboxTimer || this.outbox.length === 0) return;
    this.outboxTimer = setTimeout(() => {
      this.outboxTimer = undefined;
      void this.flushOutbox();
    }, 1000);
  }

  private async flushOutbox(): Promise<void> {
    while (this.outbox.length > 0) {
      const next = this.outbox[0]!;
      try {
        await this.push(next.thread, next.key, next.job, next.options);
      } catch (err) {
        this.fail("enqueue", err);
        break;
      }
      this.outbox.shift();
    }
    if (this.outbox.length === 0) this.ok("enqueue");
    this.scheduleOutbox();
  }

  private async ticket(h: string, delayMs: number, jobId = `${h}-${randomUUID()}`): Promise<void> {
    await this.tickets.add("thread", { h }, { jobId, delay: Math.max(0, Math.round(delayMs)) });
  }

  private async sweep(): Promise<void> {
    if (this.closed) return;
    try {
      const orphans = await this.client.skewbotOrphans(`${this.keys}threads`, this.keys);
      // A fixed id per thread: sweeps of several replicas add one ticket, not one each.
      for (const h of orphans) await this.ticket(h, 0, `sweep-${h}`);
    } catch (err) {
      this.fail("sweep", err);
    }
  }

  private async process(ticket: Job<{ h: string }>, _token?: string): Promise<void> {
    const h = ticket.data.h;
    const lease = this.k(h, "lease");
    const token = randomUUID();
    if ((await this.client.set(lease, token, "PX", this.lockMs, "NX")) !== "OK") return;
    const renew = setInterval(() => {
      this.client.skewbotRenew(lease, token, String(this.lockMs)).catch((err: unknown) => this.fail("lease", err));
    }, Math.max(200, Math.floor(this.lockMs / 3)));
    try {
      const rows = (await this.client.skewbotTake(this.k(h, "pending"), this.k(h, "inflight"), String(Date.now()))).map((r) => JSON.parse(r) as Entry<J>);
      // Rows left in `inflight` by a run whose worker died (TAKE counted the crash).
      for (const r of rows) if ((r.crashes ?? 0) > 0) this.observer.stalled?.({ thread: r.thread, key: r.key, attempts: r.attempts });
      const crashed = rows.filter((r) => (r.crashes ?? 0) >= this.attempts);
      for (const r of crashed) await this.deadLetter(h, r, `its worker died ${r.crashes} times while running it`);
      const live = rows.filter((r) => (r.crashes ?? 0) < this.attempts);
      const together = live.filter((r) => !r.solo);
      const groups = [...(together.length > 0 ? [together] : []), ...live.filter((r) => r.solo).map((r) => [r])];
      for (const group of groups) await this.runGroup(h, group);
    } finally {
      clearInterval(renew);
      await this.client.skewbotRelease(lease, token).catch((err: unknown) => this.fail("lease", err));
    }
    // After releasing: what arrived while we ran (its own ticket found the lease taken) gets a ticket now.
    const due = Number(await this.client.skewbotNextDue(this.k(h, "pending")));
    if (due >= 0) await this.ticket(h, due - Date.now());
  }

  private async runGroup(h: string, group: Entry<J>[]): Promise<void> {
    const worker = this.jobWorker!;
    let jobs: J[];
    let merged: J | undefined;
    try {
      jobs = group.map((r) => JSON.parse(r.job) as J);
      merged = jobs.length > 1 && worker.merge ? worker.merge(jobs) : undefined;
    } catch (err) {
      // A row that cannot be read or merged (a job of another release, say): each runs alone, so that the
      // bad one fails (and is retried, then dead-lettered) by itself and the rest of the burst goes on.
      if (group.length > 1) {
        for (const r of group) await this.runGroup(h, [r]);
        return;
      }
      await this.failed(h, group, err);
      return;
    }
    this.active++;
    try {
      if (merged !== undefined) await worker.run(merged);
      else for (const j of jobs) await worker.run(j);
      await this.client.hdel(this.k(h, "inflight"), ...group.map((r) => r.key));
    } catch (err) {
      await this.failed(h, group, err);
    } finally {
      this.active--;
    }
  }

  /** A failed run: each of its rows again, alone and later, or dead-lettered after its last attempt. */
  private async failed(h: string, group: Entry<J>[], err: unknown): Promise<void> {
    for (const r of group) {
      const attempts = r.attempts + 1;
      if (attempts >= this.attempts) {
        await this.deadLetter(h, { ...r, attempts }, reasonOf(err));
        continue;
      }
      const delayMs = this.retryBaseMs * 2 ** (attempts - 1);
      const again: Entry<J> = { ...r, attempts, solo: true, notBefore: Date.now() + delayMs };
      await this.client.skewbotRequeue(this.k(h, "pending"), this.k(h, "inflight"), r.key, JSON.stringify(again));
      this.observer.retried?.({ thread: r.thread, key: r.key, attempts }, err, delayMs);
    }
  }

  private async deadLetter(h: string, r: Entry<J>, reason: string): Promise<void> {
    let job: unknown;
    try {
      job = JSON.parse(r.job);
    } catch {
      job = r.job;
    }
    const letter: DeadLetter<unknown> = { thread: r.thread, key: r.key, attempts: r.attempts, reason, at: new Date().toISOString(), job };
    await this.client.skewbotDeadLetter(this.k(h, "inflight"), `${this.keys}dead`, r.key, JSON.stringify(letter), String(DEAD_LETTER_CAP));
    this.observer.deadLettered?.({ thread: r.thread, key: r.key, attempts: r.attempts }, reason);
  }

  /** The dead-letter list, newest first. */
  async deadLetters(limit = 100): Promise<DeadLetter<J>[]> {
    return (await this.client.lrange(`${this.keys}dead`, 0, limit - 1)).map((s) => JSON.parse(s) as DeadLetter<J>);
  }

  depth(): number {
    return this.active + this.outbox.length;
  }

  async stats(): Promise<QueueStats> {
    const [depth, deadLetters] = await Promise.all([this.client.skewbotDepth(`${this.keys}threads`, this.keys), this.client.llen(`${this.keys}dead`)]);
    return { depth: Number(depth) + this.outbox.length, active: this.active, deadLetters };
  }

  async idle(): Promise<void> {
    for (;;) {
      const { depth } = await this.stats();
      if (depth === 0 && this.active === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Stops taking tickets and waits up to `timeoutMs` for the runs of this replica. What does not finish is
   * not lost: its rows stay in `inflight`, and another replica takes them once the lease expires.
   * Returns the runs still going and the enqueues Redis never took.
   */
  async drain(timeoutMs: number): Promise<number> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.outboxTimer);
    const deadline = Date.now() + timeoutMs;
    // Enqueues that Redis never took get until the deadline to reach it.
    while (this.outbox.length > 0 && Date.now() < deadline) {
      await this.flushOutbox();
      clearTimeout(this.outboxTimer);
      this.outboxTimer = undefined;
      if (this.outbox.length > 0) await new Promise((r) => setTimeout(r, 200));
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now()));
    });
    const closing = this.worker ? this.worker.close() : Promise.resolve();
    const result = await Promise.race([closing.then(() => "closed" as const), timeout]);
    clearTimeout(timer);
    const unfinished = result === "timeout" ? this.running.size : 0;
    this.interrupted = unfinished;
    if (result === "timeout") void this.worker?.close(true).catch(() => undefined);
    return unfinished + this.outbox.length;
  }

  /** Closes the connections (after drain). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.outboxTimer);
    await this.worker?.close(true).catch(() => undefined);
    await this.tickets.close().catch(() => undefined);
    this.client.disconnect();
    this.workerConnection.disconnect();
  }

  /** Deletes every key of this queue's prefix (tests). */
  async destroy(): Promise<void> {
    let cursor = "0";
    do {
      const [next, keys] = await this.client.scan(cursor, "MATCH", `${this.prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await this.client.del(...keys);
    } while (cursor !== "0");
  }
}

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.split("\n")[0]!.slice(0, 500);
}

export type { RedisOptions };
