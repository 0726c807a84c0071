import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp, ShuttingDownError, type AppRuntime } from "../../src/app.js";
import { createMetrics, metricsHandler, type Metrics } from "../../src/metrics.js";
import { InProcessQueue } from "../../src/queue.js";
import type { TriageJob } from "../../src/triage-job.js";
import { API, BOT, GCS, mockNoConfig, mockProwBuild, mockToken, payload, PROW_BUCKET, PROW_DIR, prowFailureComment, REPO_PATH, testSettings } from "../app/helpers.js";
import { parseMetrics } from "./helpers.js";

// The app in process (Probot + nock): the metrics move when triage runs, the log lines carry the
// delivery, and drain() stops taking deliveries and reports what did not finish.

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean | void> | boolean | void;

interface Harness {
  probot: Probot;
  metrics: Metrics;
  runtime: AppRuntime;
  queue: InProcessQueue<TriageJob>;
  handlers: Handler[];
  logs: Record<string, unknown>[];
}

async function harness(options: { dryRun?: boolean; metricsToken?: string } = {}): Promise<Harness> {
  const logs: Record<string, unknown>[] = [];
  const probot = new Probot({
    appId: 123,
    privateKey,
    log: pino({ level: "info" }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) }),
    Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const metrics = createMetrics();
  const queue = new InProcessQueue<TriageJob>(2, () => undefined);
  const handlers: Handler[] = [];
  let runtime: AppRuntime | undefined;
  await probot.load(
    createApp({
      settings: testSettings(),
      botLogin: BOT,
      queue,
      metrics,
      dryRun: options.dryRun ?? true,
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
      onReady: (r) => (runtime = r),
    }),
    { cwd: process.cwd(), addHandler: (h: Handler) => void handlers.push(h) },
  );
  return { probot, metrics, runtime: runtime!, queue, handlers, logs };
}

/**
 * No configuration, answered only once `release()` is called: the delivery is then known to be waiting in
 * the queue (the webhook handler itself never waits on GitHub).
 */
function heldNoConfig(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  nock(API)
    .get(/\/contents\/\.github%2Fskewbot\.yml$/)
    .times(2)
    .reply(async () => {
      await gate;
      return [404, { message: "Not Found" }];
    });
  return release;
}

/** k8s-ci-robot's failure report on PR #1. */
function ciRobotComment() {
  return payload("issue_comment", "created", (p) => {
    p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
    p.comment.body = prowFailureComment();
    p.comment.user = { ...p.comment.user, login: "k8s-ci-robot", type: "User" };
  });
}

async function values(metrics: Metrics): Promise<Map<string, number>> {
  return parseMetrics(await metrics.registry.metrics());
}

describe("metrics and logs of a triage", () => {
  beforeEach(() => {
    nock.disableNetConnect();
    mockToken();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("registers GET /metrics on the server and tolerates a bare probot.load without one", async () => {
    const t = await harness();
    expect(t.handlers).toHaveLength(1);
    const bare = new Probot({ appId: 1, privateKey, log: pino({ level: "silent" }) });
    await expect(bare.load(createApp({ settings: testSettings(), botLogin: BOT, metrics: createMetrics() }))).resolves.toBeUndefined();
  });

  it("counts the delivery, the triage by outcome, findings by signature, bytes and duration; the queue gauge follows the queue", async () => {
    const t = await harness();
    const release = heldNoConfig();
    mockProwBuild();
    const before = await values(t.metrics);
    expect(before.get('skewbot_triages_total{outcome="dry-run"}')).toBe(0);
    expect(before.get("skewbot_log_bytes_fetched_total")).toBe(0);

    await t.probot.receive({ id: "delivery-m1", name: "issue_comment", payload: ciRobotComment() });
    expect((await values(t.metrics)).get("skewbot_queue_depth")).toBe(1);
    release();
    await t.runtime.idle();

    const after = await values(t.metrics);
    expect(after.get('skewbot_webhook_deliveries_total{event="issue_comment",action="created"}')).toBe(1);
    expect(after.get('skewbot_triage_requests_total{result="queued"}')).toBe(1);
    expect(after.get('skewbot_triages_total{outcome="dry-run"}')).toBe(1);
    expect(after.get('skewbot_findings_total{signature="k8s-compat-mincompat-out-of-range",kind="cause"}')).toBe(1);
    expect(after.get("skewbot_log_bytes_fetched_total")).toBeGreaterThan(100);
    expect(after.get('skewbot_log_fetch_errors_total{stage="read"}')).toBe(0);
    expect(after.get('skewbot_triage_duration_seconds_count{outcome="dry-run"}')).toBe(1);
    expect(after.get("skewbot_queue_depth")).toBe(0);

    const done = t.logs.find((l) => l["msg"] === "triage done");
    expect(done).toMatchObject({
      delivery: "delivery-m1",
      event: "issue_comment",
      repository: "Codertocat/Hello-World",
      thread: "Codertocat/Hello-World#1",
      comment: "dry-run",
      causes: 1,
      durationMs: expect.any(Number),
    });
  });

  it("counts logs that could not be read as fetch errors, and a triage that throws as an error, logged with its delivery", async () => {
    const t = await harness({ dryRun: false });
    mockNoConfig();
    // Metadata and listing answer, the build log breaks off with a server error every time.
    nock(GCS)
      .get(/\/(started|finished|prowjob)\.json$/)
      .times(3)
      .reply(404)
      .get(`/storage/v1/b/${PROW_BUCKET}/o`)
      .query(true)
      .times(2)
      .reply(200, { items: [{ name: `${PROW_DIR}/build-log.txt`, size: "100" }] })
      .get(`/${PROW_BUCKET}/${PROW_DIR}/build-log.txt`)
      .times(5)
      .reply(403, "denied");
    // Posting the comment fails: the installation may not read the thread's comments.
    nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(403, { message: "Resource not accessible by integration" });
    await t.probot.receive({ id: "delivery-m2", name: "issue_comment", payload: ciRobotComment() });
    await t.runtime.idle();

    const m = await values(t.metrics);
    expect(m.get('skewbot_log_fetch_errors_total{stage="read"}')).toBe(1);
    expect(m.get('skewbot_triages_total{outcome="error"}')).toBe(1);
    expect(m.get('skewbot_triage_duration_seconds_count{outcome="error"}')).toBe(1);
    const failed = t.logs.find((l) => l["msg"] === "triage failed");
    expect(failed).toMatchObject({ level: 50, delivery: "delivery-m2", repository: "Codertocat/Hello-World", thread: "Codertocat/Hello-World#1", durationMs: expect.any(Number) });
    expect(JSON.stringify(t.logs)).not.toContain("ghs_test");
  });
});

describe("drain", () => {
  beforeEach(() => {
    nock.disableNetConnect();
    mockToken();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("waits for triage in flight, then refuses deliveries with an error", async () => {
    const t = await harness();
    const release = heldNoConfig();
    mockProwBuild();
    await t.probot.receive({ id: "delivery-d1", name: "issue_comment", payload: ciRobotComment() });
    expect((await values(t.metrics)).get("skewbot_queue_depth")).toBe(1);
    const drained = t.runtime.drain(10_000);
    release();
    expect(await drained).toEqual([]);
    expect(t.queue.depth()).toBe(0);
    expect((await values(t.metrics)).get('skewbot_triages_total{outcome="dry-run"}')).toBe(1);

    const refused = t.probot.receive({ id: "delivery-d2", name: "issue_comment", payload: ciRobotComment() });
    await expect(refused).rejects.toThrow(/shutting down and did not take delivery delivery-d2/);
    await refused.catch((err: AggregateError) => expect(err.errors[0]).toBeInstanceOf(ShuttingDownError));
  });

  it("returns the triage that did not finish within the bound", async () => {
    const t = await harness();
    mockNoConfig();
    nock(GCS).get(/.*/).times(20).delay(3000).reply(404);
    await t.probot.receive({ id: "delivery-d3", name: "issue_comment", payload: ciRobotComment() });
    const unfinished = await t.runtime.drain(50);
    expect(unfinished).toEqual([
      expect.objectContaining({ delivery: "delivery-d3", event: "issue_comment", repository: "Codertocat/Hello-World", thread: "Codertocat/Hello-World#1" }),
    ]);
    nock.abortPendingRequests();
  });
});

describe("GET /metrics", () => {
  async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer(async (req, res) => {
      if (!(await handler(req, res))) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it("is open without a token, in Prometheus text format, and leaves other paths to other handlers", async () => {
    const metrics = createMetrics();
    const s = await serve(metricsHandler(metrics));
    try {
      const res = await fetch(`${s.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(metrics.registry.contentType);
      expect(await res.text()).toContain("# TYPE skewbot_triage_duration_seconds histogram");
      expect((await fetch(`${s.url}/other`)).status).toBe(404);
      expect((await fetch(`${s.url}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      await s.close();
    }
  });

  it("with a token, answers 401 unless the bearer token matches", async () => {
    const s = await serve(metricsHandler(createMetrics(), { token: "s3cret" }));
    try {
      expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
      expect((await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer s3cret" } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("keeps one registry per app, so that several apps count separately", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.triages.inc({ outcome: "created" });
    expect((await values(a)).get('skewbot_triages_total{outcome="created"}')).toBe(1);
    expect((await values(b)).get('skewbot_triages_total{outcome="created"}')).toBe(0);
  });
});
