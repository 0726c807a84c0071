import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Metrics } from "./metrics.js";
import { checkRedis, redactUrl, RedisQueue } from "./queue/redis.js";
import type { TriageJob } from "./triage-job.js";
import { WriteGate } from "./write-gate.js";

// Shared mode: several replicas of one App behind a load balancer, one Redis between them. Everything
// here is read from the environment (documented in README.md, "Scaling out", and in compose.yaml).

export interface SharedMode {
  redisUrl: string;
  /** SKEWBOT_REDIS_PREFIX: every key of the queue and of Probot's throttle starts with it. */
  prefix: string;
  /** SKEWBOT_QUEUE_LOCK_MS: thread lease and job lock; a dead replica's work is taken over after about this long. */
  lockMs: number;
  /** SKEWBOT_QUEUE_ATTEMPTS: runs of one request before it is dead-lettered. */
  attempts: number;
  /** SKEWBOT_QUEUE_RETRY_MS: the first retry's delay, doubling after each failure. */
  retryMs: number;
  /** SKEWBOT_CONCURRENCY: triage runs at once in this replica. */
  concurrency: number;
  /** SKEWBOT_WRITE_SPACING_MS: the least time from one write to GitHub of an installation to the next, fleet-wide. */
  writeSpacingMs: number;
}

export const SHARED_DEFAULTS = { prefix: "skewbot", lockMs: 30_000, attempts: 3, retryMs: 5_000, concurrency: 2, writeSpacingMs: 1000 } as const;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}=${raw} is not a whole number of at least ${min}`);
  return n;
}

/** Shared mode when REDIS_URL is set; throws (with the variable's name) on a setting that is not valid. */
export function sharedModeFromEnv(env: NodeJS.ProcessEnv): SharedMode | undefined {
  const redisUrl = env["REDIS_URL"];
  if (!redisUrl) return undefined;
  let protocol: string;
  try {
    protocol = new URL(redisUrl).protocol;
  } catch {
    throw new Error("REDIS_URL is not a URL (redis://host:6379 or rediss://…)");
  }
  if (protocol !== "redis:" && protocol !== "rediss:") throw new Error(`REDIS_URL must be redis:// or rediss://, not ${protocol}//`);
  const prefix = env["SKEWBOT_REDIS_PREFIX"] || SHARED_DEFAULTS.prefix;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new Error(`SKEWBOT_REDIS_PREFIX=${prefix} must be 1–64 letters, digits, '.', '_' or '-'`);
  return {
    redisUrl,
    prefix,
    lockMs: whole(env, "SKEWBOT_QUEUE_LOCK_MS", SHARED_DEFAULTS.lockMs, 1000),
    attempts: whole(env, "SKEWBOT_QUEUE_ATTEMPTS", SHARED_DEFAULTS.attempts, 1),
    retryMs: whole(env, "SKEWBOT_QUEUE_RETRY_MS", SHARED_DEFAULTS.retryMs, 0),
    concurrency: whole(env, "SKEWBOT_CONCURRENCY", SHARED_DEFAULTS.concurrency, 1),
    writeSpacingMs: whole(env, "SKEWBOT_WRITE_SPACING_MS", SHARED_DEFAULTS.writeSpacingMs, 1000),
  };
}

/**
 * Checks that Redis answers (so that a replica asked for shared mode never starts without it), then opens
 * the shared queue with its events counted in /metrics and named in the logs.
 */
export async function startSharedQueue(mode: SharedMode, metrics: Metrics, log: Logger): Promise<RedisQueue<TriageJob>> {
  try {
    await checkRedis(mode.redisUrl);
  } catch (err) {
    throw new Error(`REDIS_URL (${redactUrl(mode.redisUrl)}) is not reachable: ${(err as Error).message || String(err)}`);
  }
  const queue = new RedisQueue<TriageJob>({
    url: mode.redisUrl,
    prefix: mode.prefix,
    concurrency: mode.concurrency,
    lockMs: mode.lockMs,
    attempts: mode.attempts,
    retryBaseMs: mode.retryMs,
    observer: {
      stalled: (entry) => {
        metrics.queueStalled.inc();
        log.warn({ thread: entry.thread, key: entry.key }, "took over a triage whose replica stopped mid-run");
      },
      retried: (entry, err, delayMs) => {
        metrics.queueRetried.inc();
        log.warn({ thread: entry.thread, key: entry.key, attempt: entry.attempts, retryInMs: delayMs, err }, "triage failed; queued again");
      },
      deadLettered: (entry, reason) => {
        metrics.queueDeadLettered.inc();
        log.error({ thread: entry.thread, key: entry.key, attempts: entry.attempts, reason }, "triage dead-lettered: it will not run again by itself");
      },
      error: (op, err) => {
        metrics.queueErrors.inc({ op });
        log.error({ op, err }, "shared queue: Redis operation failed");
      },
      recovered: (op) => log.info({ op }, "shared queue: Redis answers again"),
    },
  });
  await queue.ready();
  log.info({ redis: redactUrl(mode.redisUrl), prefix: mode.prefix, lockMs: mode.lockMs, attempts: mode.attempts, concurrency: mode.concurrency }, "shared queue on Redis");
  return queue;
}

/** Probot's throttle options for the fleet: Bottleneck clustered on Redis, and the fleet's write gate. */
export interface FleetThrottle {
  /** The least time from the end of one write of an installation to the start of the next, in ms. */
  writeSpacingMs: number;
  writes: WriteGate;
  /** plugin-throttling's options for the octokit whose throttle id is `id` (the installation; "app" for the App itself). */
  options(id: string): Record<string, unknown>;
  close(): Promise<void>;
}

/** How long a new installation's limiter may take to be set up in Redis before its call fails. */
const LIMITER_READY_MS = 5000;

type Scheduler = { key(id: string): { schedule(options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]): Promise<unknown> } };

/**
 * The connection Probot's throttle (plugin-throttling's Bottleneck groups) shares through Redis, so that N
 * replicas keep one limit per installation. Ours rather than the one Probot makes from REDIS_URL: Probot's
 * waits through 20 reconnection attempts per command, so while Redis is down every GitHub call (and so
 * every delivery) hangs for seconds; this one fails a call after one attempt, the delivery is answered,
 * and the failure is counted.
 *
 * Writes do not go through plugin-throttling's write group (Bottleneck's minTime spaces them by when they
 * start, and what GitHub sees can then be closer than a second): its request group hands every write to
 * the WriteGate, which spaces one installation's writes from the end of the previous one, fleet-wide.
 */
export async function fleetThrottle(mode: SharedMode, metrics: Metrics, log: Logger): Promise<FleetThrottle> {
  // No offline queue: a command while Redis is away fails at once instead of waiting for it. So the first
  // connection must be up before Bottleneck loads its scripts.
  const client = new Redis(mode.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000, retryStrategy: (n) => Math.min(n * 200, 2000) });
  await new Promise<void>((resolve, reject) => {
    client.once("ready", () => resolve());
    client.once("error", reject);
  });
  const connection = new Bottleneck.IORedisConnection({ client });
  let failing = false;
  const failed = (err: unknown) => {
    metrics.queueErrors.inc({ op: "throttle" });
    if (!failing) log.error({ err }, "GitHub throttle: Redis operation failed");
    failing = true;
  };
  client.on("error", failed);
  connection.on("error", failed);
  client.on("ready", () => {
    if (failing) log.info("GitHub throttle: Redis answers again");
    failing = false;
  });
  const writes = new WriteGate({ redis: client, prefix: mode.prefix, spacingMs: mode.writeSpacingMs });
  // plugin-throttling's own request group (its defaults, clustered), with writes passed through the gate.
  const requests = new Bottleneck.Group({ id: "octokit-global", maxConcurrent: 10, timeout: 120_000, connection });
  const isWrite = (options: unknown) => {
    const method = (options as { method?: string } | undefined)?.method ?? "GET";
    return method !== "GET" && method !== "HEAD";
  };
  // Bottleneck sets up a clustered limiter (one per installation) by subscribing to its channels, and the
  // subscription's failure is never reported: a limiter first asked for while Redis is away waits forever,
  // and with it every call of that installation. So a call fails at once while Redis is away, and a limiter
  // that is not set up within LIMITER_READY_MS is dropped (the next call makes a new one) and its call fails.
  const ready = new WeakSet<Bottleneck>();
  const limiterFor = async (id: string): Promise<Bottleneck> => {
    if (client.status !== "ready") throw new Error("GitHub throttle: Redis is not reachable");
    const limiter = requests.key(id);
    if (ready.has(limiter)) return limiter;
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([limiter.ready().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), LIMITER_READY_MS)))]);
    clearTimeout(timer);
    if (!inTime) {
      await requests.deleteKey(id).catch(() => undefined);
      throw new Error(`GitHub throttle: Redis did not set up the limiter of ${id} within ${LIMITER_READY_MS} ms`);
    }
    ready.add(limiter);
    return limiter;
  };
  const gated = (installation: string): Scheduler => ({
    key: (id) => {
      return {
        schedule: (jobOptions, fn, ...args) => {
          const go = () =>
            limiterFor(id).then(
              (limiter) => limiter.schedule(jobOptions as Bottleneck.JobOptions, () => Promise.resolve(fn(...args))),
              (err: unknown) => {
                failed(err);
                throw err;
              },
            );
          return isWrite(args[0]) ? writes.run(installation, go) : go();
        },
      };
    },
  });
  // Token requests one at a time per process, not per fleet: clustered, a replica killed while it asks for
  // a token holds the fleet's only slot until the job expires (a minute), and meanwhile no replica can act
  // as an installation it has no token for yet. GitHub asks no spacing of token requests.
  const tokens = new Bottleneck.Group({ id: "octokit-auth", maxConcurrent: 1, timeout: 120_000 });
  // The gate is the write limit: plugin-throttling's write group lets writes straight through.
  const unlimited: Scheduler = { key: () => ({ schedule: async (_options, fn, ...args) => fn(...args) }) };
  // plugin-throttling's notifications (3 s apart) and search (2 s apart) groups, per process. Clustered,
  // as plugin-throttling would make them from our connection, they kill the fleet: Bottleneck counts a job
  // as running through its minTime wait and frees a dead client's running jobs only when they expire (a
  // minute), so a replica SIGKILLed while a comment creation waited there stopped that installation's
  // comment creations in every replica for a minute, and with them the replicas' triage slots. Fleet-wide,
  // the write gate already keeps an installation's comment creations a second apart (GitHub asks for at most
  // 80 a minute); per process, these keep plugin-throttling's own spacing on top.
  const notifications = new Bottleneck.Group({ id: "octokit-notifications", maxConcurrent: 1, minTime: 3000, timeout: 120_000 });
  const search = new Bottleneck.Group({ id: "octokit-search", maxConcurrent: 1, minTime: 2000, timeout: 120_000 });
  return {
    writeSpacingMs: mode.writeSpacingMs,
    writes,
    options: (id) => {
      // An octokit made from another's options (Probot does so) comes with the id already prefixed.
      const installation = id.startsWith(`${mode.prefix}-`) ? id.slice(mode.prefix.length + 1) : id;
      return { id: `${mode.prefix}-${installation}`, Bottleneck, connection, global: gated(installation), auth: tokens, write: unlimited, notifications, search };
    },
    close: async () => {
      await connection.disconnect(false).catch(() => undefined);
      client.disconnect();
    },
  };
}
