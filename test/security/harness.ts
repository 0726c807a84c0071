// The app in process against real HTTP servers on loopback: the replay's fake GitHub (REST API, Actions jobs
// whose log download redirects to blob storage) and fake log hosts that record every request they get. A
// test delivers a webhook and then reads the fake GitHub's final state and the log hosts' request logs: what
// was posted, and what was read to post it.
//
// No nock here: its interceptor would stand between the app and the sockets whose origins are under test.
// Nothing leaves 127.0.0.1: GitHub, the blob store and every log host are loopback servers, and the
// settings allow no other host.
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp, type AppRuntime } from "../../src/app.js";
import type { History } from "../../src/history/index.js";
import { InProcessQueue } from "../../src/queue.js";
import type { TriageJob } from "../../src/triage-job.js";
import { FakeGitHub, type FakeComment } from "../../tools/replay/fake-github.js";
import { sourceSettingsFromEnv } from "../../src/sources/index.js";

export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const HOME = `${OWNER}/${REPO}`;
export const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
export const HEADLINE =
  '2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

/** A log host on loopback: serves fixed paths (or redirects them), records every request, 404 for the rest. */
export class FakeLogHost {
  readonly requests: string[] = [];
  readonly files = new Map<string, string>();
  readonly redirects = new Map<string, string>();
  private server?: http.Server;
  origin = "";
  port = 0;

  async listen(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      this.requests.push(`${req.method} ${url.pathname}`);
      const location = this.redirects.get(url.pathname);
      if (location) {
        res.writeHead(302, { location }).end();
        return;
      }
      const body = this.files.get(url.pathname);
      res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/plain" }).end(body ?? "not found");
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server.address() as AddressInfo).port;
    this.origin = `http://127.0.0.1:${this.port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

export interface World {
  github: FakeGitHub;
  apiUrl: string;
  /** Where Actions job logs redirect to, as GitHub redirects to blob storage. */
  blob: FakeLogHost;
  /** Another server on the same loopback address, on a port nothing configures. */
  stranger: FakeLogHost;
  /** Every line the app logged (JSON objects). */
  logs: Record<string, unknown>[];
  /** Delivers a webhook and waits until the triage it queued has finished. */
  receive(name: string, payload: unknown): Promise<void>;
  /** The app's comments in a thread of the home repository. */
  comments(issue: number): FakeComment[];
  /** Every request that reached the fake GitHub, as "METHOD /path". */
  apiRequests(): string[];
  /** Adds an Actions job (in `repository`) whose log, on the blob host, is `log`. */
  addJob(repository: string, jobId: number, log: string, options?: { runId?: number; conclusion?: string; logUrl?: string; name?: string }): void;
  close(): Promise<void>;
}

/** The SKEWBOT_* environment that points the app at the loopback fakes. */
export type WorldEnv = (w: { apiUrl: string; blob: FakeLogHost; stranger: FakeLogHost }) => Record<string, string>;

/** The fake GitHub as the API, and the blob host allowed by its origin, as a GitHub Enterprise set-up would name it. */
export const defaultEnv: WorldEnv = ({ apiUrl, blob }) => ({
  SKEWBOT_GITHUB_API_URL: apiUrl,
  SKEWBOT_GITHUB_URL: "https://github.com",
  SKEWBOT_ALLOWED_HOSTS: `127.0.0.1:${blob.port}`,
  SKEWBOT_ALLOW_HTTP: `127.0.0.1:${blob.port}`,
  SKEWBOT_ALLOW_PRIVATE_ADDRESSES: `127.0.0.1:${blob.port}`,
  SKEWBOT_RETRIES: "0",
  SKEWBOT_REQUEST_TIMEOUT: "5s",
});

export async function startWorld(env: WorldEnv = defaultEnv, options: { dryRun?: boolean; history?: History } = {}): Promise<World> {
  const github = new FakeGitHub("skewbot");
  const apiUrl = `http://${await github.listen()}`;
  const blob = await new FakeLogHost().listen();
  const stranger = await new FakeLogHost().listen();
  const settings = sourceSettingsFromEnv(env({ apiUrl, blob, stranger }));
  const logs: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) };
  const probot = new Probot({
    appId: 123,
    privateKey,
    baseUrl: apiUrl,
    log: pino({ level: "info" }, stream),
    Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const queue = new InProcessQueue<TriageJob>(2, () => undefined);
  let runtime: AppRuntime | undefined;
  await probot.load(createApp({ settings, botLogin: "skewbot[bot]", queue, dryRun: options.dryRun ?? false, editQuietMs: 0, ...(options.history ? { history: options.history } : {}), onReady: (r) => (runtime = r) }));
  return {
    github,
    apiUrl,
    blob,
    stranger,
    logs,
    async receive(name, payload) {
      await probot.receive({ id: crypto.randomUUID(), name, payload } as Parameters<typeof probot.receive>[0]);
      await runtime!.idle();
    },
    comments: (issue) => github.botComments(HOME, issue),
    apiRequests: () => github.requests.map((r) => `${r.method} ${r.path}`),
    addJob(repository, jobId, log, options = {}) {
      const path = `/actions-results/${repository}/${jobId}/job-logs.txt`;
      blob.files.set(path, log);
      const runId = options.runId ?? 30433642;
      github.repo(repository).jobs.set(jobId, { name: options.name ?? `e2e ${jobId}`, runId, conclusion: options.conclusion ?? "failure", logUrl: options.logUrl ?? `${blob.origin}${path}?sig=s3cr3tsig` });
      const run = github.repo(repository).runs.get(runId) ?? { jobIds: [], conclusion: "failure" };
      run.jobIds.push(jobId);
      github.repo(repository).runs.set(runId, run);
    },
    async close() {
      await queue.drain(5000);
      await github.close();
      await blob.close();
      await stranger.close();
    },
  };
}

/** A job log with the headline skew error, and a marker line that shows whether the log was quoted. */
export function jobLog(marker: string): string {
  return [
    "2025-02-06T22:50:01.0000000Z Current runner version: '2.321.0'",
    `2025-02-06T22:52:40.0000000Z ${marker}`,
    `2025-02-06T22:52:48.0000000Z ${HEADLINE}`,
    "2025-02-06T22:52:59.0000000Z ##[error]Process completed with exit code 2.",
  ].join("\n");
}
