import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { WriteGate } from "../../src/write-gate.js";
import { cuttableProxy, dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// The fleet's write gate against the real Redis: several gates on one prefix are several replicas. The
// writes go to a loopback server that records when each arrived; the writers and the server take their
// time at random (a busy event loop before the request leaves, a slow answer), as replicas and GitHub do.

const problem = await redisProblem();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Arrival {
  installation: string;
  at: number;
}

async function recorder(): Promise<{ url: string; arrivals: Arrival[]; close(): Promise<void> }> {
  const arrivals: Arrival[] = [];
  const server: Server = createServer((req, res) => {
    arrivals.push({ installation: req.url!.slice(1), at: Date.now() });
    req.resume();
    setTimeout(() => res.writeHead(201).end("{}"), Math.random() * 80);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function post(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end("{}");
  });
}

function gaps(arrivals: Arrival[], installation: string): number[] {
  const at = arrivals.filter((a) => a.installation === installation).map((a) => a.at);
  return at.slice(1).map((t, i) => t - at[i]!);
}

if (problem && !REQUIRE_SERVICES) {
  describe("fleet write gate on Redis", () => {
    it(`did not run: ${problem}`, () => console.warn(`write gate tests did not run: ${problem}`));
  });
} else {
  describe("fleet write gate on Redis", () => {
    const clients: Redis[] = [];
    const prefixes: string[] = [];
    afterEach(async () => {
      for (const c of clients.splice(0)) c.disconnect();
      for (const p of prefixes.splice(0)) await dropPrefix(p);
    });
    const replicas = async (n: number, spacingMs: number, url = REDIS_URL, holdMs?: number) => {
      const prefix = uniquePrefix("gate");
      prefixes.push(prefix);
      return Promise.all(
        Array.from({ length: n }, async () => {
          const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });
          redis.on("error", () => undefined);
          clients.push(redis);
          await new Promise((r) => redis.once("ready", r));
          return new WriteGate({ redis, prefix, spacingMs, ...(holdMs ? { holdMs } : {}) });
        }),
      );
    };

    it("three replicas writing at once: one installation's writes arrive at least the spacing apart; installations do not wait for each other", async () => {
      const server = await recorder();
      try {
        const spacingMs = 250;
        const fleet = await replicas(3, spacingMs);
        const writes: Promise<number>[] = [];
        for (let i = 0; i < 12; i++) {
          for (const installation of ["7", "8"]) {
            writes.push(
              fleet[i % 3]!.run(installation, async () => {
                // The request leaves a busy replica late.
                await sleep(Math.random() * 120);
                return post(`${server.url}/${installation}`);
              }),
            );
          }
        }
        expect(await Promise.all(writes)).toEqual(Array(24).fill(201));
        for (const installation of ["7", "8"]) {
          const g = gaps(server.arrivals, installation);
          expect(g).toHaveLength(11);
          expect(Math.min(...g), `gaps of installation ${installation}: ${g.join(", ")}`).toBeGreaterThanOrEqual(spacingMs);
        }
        // Both installations' writes went on side by side, not one installation after the other.
        const span = (i: string) => server.arrivals.filter((a) => a.installation === i).map((a) => a.at);
        expect(Math.min(...span("8"))).toBeLessThan(Math.max(...span("7")));
        expect(Math.min(...span("7"))).toBeLessThan(Math.max(...span("8")));
      } finally {
        await server.close();
      }
    }, 30_000);

    it("a replica that dies mid-write holds the gate only until its hold expires", async () => {
      const [a, b] = await replicas(2, 100, REDIS_URL, 600);
      let release: () => void = () => undefined;
      const hung = new Promise<void>((r) => (release = r));
      void a!.run("9", () => hung).catch(() => undefined);
      await sleep(50);
      // A's connection drops without a word: it can neither renew nor shorten its hold.
      clients[0]!.disconnect();
      const waited = Date.now();
      expect(await b!.run("9", async () => "written")).toBe("written");
      expect(Date.now() - waited).toBeGreaterThanOrEqual(400);
      release();
    }, 15_000);

    it("with Redis gone, a write fails instead of going out unlimited", async () => {
      const proxy = await cuttableProxy(REDIS_URL);
      try {
        const [g] = await replicas(1, 100, proxy.url);
        expect(await g!.run("10", async () => "ok")).toBe("ok");
        await proxy.cut();
        let wrote = false;
        await expect(
          g!.run("10", async () => {
            wrote = true;
          }),
        ).rejects.toThrow();
        expect(wrote).toBe(false);
      } finally {
        await proxy.close();
      }
    }, 15_000);
  });
}
