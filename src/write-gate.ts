import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// One installation's writes to GitHub, one at a time in the whole fleet, each starting at least
// `spacingMs` after the previous one *finished*. A limiter that spaces writes by when they start (as
// Bottleneck's minTime does) cannot promise what GitHub sees: a request that leaves a busy replica late
// arrives close behind the next. Counting from the response instead makes the promise hold as GitHub
// sees it: the previous write had arrived before its response left, and the next one leaves `spacingMs`
// after that response came back, so two arrivals are never closer than `spacingMs`, whatever the network
// or the event loops did.
//
// The gate is a Redis key per installation: SET NX while a write runs (renewed, so that a replica that
// dies mid-write holds it for at most `holdMs`), then shortened to `spacingMs` once the write is done.
// Whoever finds it taken waits for it to go. Redis's clock alone decides, so replicas' clocks do not matter.

export interface WriteGateOptions {
  redis: Redis;
  /** Key prefix (SKEWBOT_REDIS_PREFIX). */
  prefix: string;
  /** The least time from the end of one write of an installation to the start of the next. */
  spacingMs: number;
  /** How long a write holds the gate before it is renewed (and a dead replica's hold lasts). */
  holdMs?: number;
}

// KEYS: gate. ARGV: token, holdMs. -1: taken; else the ms until it may be free.
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
local t = redis.call('PTTL', KEYS[1])
if t < 0 then return 0 end
return t`;
// KEYS: gate. ARGV: token, ms. Only the holder's token moves the expiry.
const EXPIRE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

type GateRedis = Redis & {
  skewbotGateAcquire(gate: string, token: string, holdMs: string): Promise<number>;
  skewbotGateExpire(gate: string, token: string, ms: string): Promise<number>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class WriteGate {
  private readonly redis: GateRedis;
  private readonly holdMs: number;
  /** Writes of one installation in this process queue here first, so that only one of them polls Redis. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly options: WriteGateOptions) {
    this.holdMs = options.holdMs ?? 10_000;
    const redis = options.redis;
    if (!("skewbotGateAcquire" in redis)) {
      redis.defineCommand("skewbotGateAcquire", { numberOfKeys: 1, lua: ACQUIRE });
      redis.defineCommand("skewbotGateExpire", { numberOfKeys: 1, lua: EXPIRE });
    }
    this.redis = redis as GateRedis;
  }

  /** The Redis key of one installation's gate. */
  key(installation: string): string {
    return `${this.options.prefix}:writes:${installation}`;
  }

  /** Runs `write` once it holds `installation`'s gate; a Redis that does not answer fails the write. */
  run<T>(installation: string, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(installation) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => this.gated(installation, write));
    this.tails.set(installation, mine);
    void mine
      .finally(() => {
        if (this.tails.get(installation) === mine) this.tails.delete(installation);
      })
      .catch(() => undefined);
    return mine;
  }

  private async gated<T>(installation: string, write: () => Promise<T>): Promise<T> {
    const gate = this.key(installation);
    const token = randomUUID();
    for (;;) {
      const wait = Number(await this.redis.skewbotGateAcquire(gate, token, String(this.holdMs)));
      if (wait === -1) break;
      // Cooling down: free in `wait` ms. Held by a write in flight: it ends early, so look again soon.
      await sleep(wait <= this.options.spacingMs ? wait + 1 : 20 + Math.floor(Math.random() * 20));
    }
    const renew = setInterval(() => void this.redis.skewbotGateExpire(gate, token, String(this.holdMs)).catch(() => undefined), Math.floor(this.holdMs / 3));
    renew.unref();
    try {
      return await write();
    } finally {
      clearInterval(renew);
      // From now on the next write waits `spacingMs`. Should this fail, the hold expires by itself.
      await this.redis.skewbotGateExpire(gate, token, String(this.options.spacingMs)).catch(() => undefined);
    }
  }
}
