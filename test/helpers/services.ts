import { randomBytes } from "node:crypto";
import { createServer, Socket, type Server } from "node:net";
import { Redis } from "ioredis";

// Tests against the real Redis (and PostgreSQL) the machine runs. With SKEWBOT_REQUIRE_SERVICES=1 (CI) a
// server that does not answer fails them; without it they say plainly that they did not run.

export const REDIS_URL = process.env["SKEWBOT_TEST_REDIS_URL"] || "redis://127.0.0.1:6379";
export const REQUIRE_SERVICES = process.env["SKEWBOT_REQUIRE_SERVICES"] === "1";

/** Why Redis cannot be used (undefined: it answers). */
export async function redisProblem(url = REDIS_URL): Promise<string | undefined> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (err) {
    return `Redis at ${url} does not answer (${(err as Error).message})`;
  } finally {
    probe.disconnect();
  }
}

/** A key prefix of its own for each test run, so that worktrees testing at once never meet. */
export function uniquePrefix(what: string): string {
  return `skewbot-test-${what}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** Deletes every key under a prefix. */
export async function dropPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** A loopback TCP proxy in front of a server that a test can cut (every connection dropped) and restore. */
export interface CuttableProxy {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function cuttableProxy(targetUrl: string): Promise<CuttableProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(target.port || 6379), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => undefined);
          s.on("close", () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const cut = async () => {
    const closed = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  return { url: `${target.protocol}//127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
