import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { FakeGcs, type ObjectBody } from "../../tools/replay/fake-gcs.js";
import { FakeGitHub } from "../../tools/replay/fake-github.js";
import { appProcessEnv, BUCKET, BUILD_DIR, ciRobotCommentPayload, PR, REPO, sign } from "../../tools/replay/scenario.js";
import { root } from "../ops/helpers.js";
import { dropPrefix, REDIS_URL, redisProblem, REQUIRE_SERVICES, uniquePrefix } from "../helpers/services.js";

// A replica that answered a delivery and was killed a moment later has lost nothing: in shared mode it
// answers only once the delivery's triage is in Redis, so another replica runs it. The fake GitHub is slow
// to serve the repository's configuration (read in the delivery's turn, before its triage is queued), so
// that "a moment later" falls where a replica that answered first would still hold the delivery in memory.

const problem = await redisProblem();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Replica {
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<unknown>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [root("lib/main.js")], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`a replica exited during start-up:\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`a replica did not start:\n${output.join("")}`);
    await sleep(100);
  }
  return { url, child, output, exited };
}

/** The fake GitHub behind a proxy that takes `delayMs` to pass on each read of .github/skewbot.yml. */
async function slowConfig(target: string, delayMs: number): Promise<{ host: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const go = () => {
      const upstream = httpRequest(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    };
    if (decodeURIComponent(req.url ?? "").includes("skewbot.yml")) setTimeout(go, delayMs);
    else go();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

if (problem && !REQUIRE_SERVICES) {
  describe("shared mode: answered means handed over", () => {
    it(`did not run: ${problem}`, () => console.warn(`handover test did not run: ${problem}`));
  });
} else {
  describe("shared mode: answered means handed over", () => {
    const prefix = uniquePrefix("handover");
    const cleanup: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c().catch(() => undefined);
      await dropPrefix(prefix);
      await dropPrefix(`b_octokit-*-${prefix}`);
    });

    it("a replica SIGKILLed right after it answered a delivery: another replica posts the triage", async () => {
      const github = new FakeGitHub("skewbot");
      const sample = root("samples/capi-11833-kind-bringup.log");
      const dir = `${BUCKET}/${BUILD_DIR}`;
      const objects = new Map<string, ObjectBody>([
        [`${dir}/build-log.txt`, { text: readFileSync(sample, "utf8") }],
        [`${dir}/started.json`, { text: JSON.stringify({ timestamp: 1738880000, pull: String(PR) }) }],
        [`${dir}/finished.json`, { text: JSON.stringify({ timestamp: 1738883600, passed: false, result: "FAILURE" }) }],
      ]);
      const gcs = new FakeGcs(objects);
      const githubHost = await github.listen();
      const gcsUrl = await gcs.listen();
      const front = await slowConfig(`http://${githubHost}`, 1500);
      cleanup.push(() => github.close(), () => gcs.close(), () => front.close());
      const env = appProcessEnv(front.host, gcsUrl, {
        SKEWBOT_HISTORY: "off",
        REDIS_URL,
        SKEWBOT_REDIS_PREFIX: prefix,
        SKEWBOT_QUEUE_LOCK_MS: "2000",
      });
      const [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
      cleanup.push(...[a!, b!].map((r) => async () => {
        if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
        await r.exited;
      }));

      const body = JSON.stringify(ciRobotCommentPayload());
      const res = await fetch(`${a!.url}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": "handover-1", "x-hub-signature-256": sign(body) },
        body,
      });
      await res.arrayBuffer();
      // Killed the moment it answered, as a node can die.
      a!.child.kill("SIGKILL");
      expect(res.status).toBe(200);
      await a!.exited;

      const deadline = Date.now() + 30_000;
      while (github.botComments(REPO, PR).length === 0 && Date.now() < deadline) await sleep(100);
      const comments = github.botComments(REPO, PR);
      expect(comments, `no comment; replica b's log:\n${b!.output.join("").slice(-3000)}`).toHaveLength(1);
      expect(comments[0]!.body).toContain("Minimum compatibility version out of range");
    }, 90_000);
  });
}
