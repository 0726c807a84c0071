import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { TriageQueue } from "./queue.js";
import type { Report } from "./model.js";
import type { FetchStats, TriageOutcome } from "./triage.js";
import type { HistoryObserver } from "./history/index.js";

// Prometheus metrics, one registry per app instance (never prom-client's global one), so that tests
// and tools can create several apps in one process. Served at GET /metrics from Probot's own server.

export const TRIAGE_OUTCOMES = ["created", "updated", "unchanged", "skipped", "dry-run", "error"] as const;
export type TriageResult = (typeof TRIAGE_OUTCOMES)[number];

export interface Metrics {
  readonly registry: Registry;
  readonly deliveries: Counter<"event" | "action">;
  readonly requests: Counter<"result">;
  readonly triages: Counter<"outcome">;
  readonly findings: Counter<"signature" | "kind">;
  readonly bytesFetched: Counter;
  readonly fetchErrors: Counter<"stage">;
  readonly triageDuration: Histogram<"outcome">;
  readonly historyDuration: Histogram<"operation" | "result">;
  readonly historyStored: Gauge<"kind">;
  /** Shared queue: tickets of a dead replica this replica took over. */
  readonly queueStalled: Counter;
  /** Shared queue: requests that failed and were queued again, with backoff. */
  readonly queueRetried: Counter;
  /** Shared queue: requests that this replica moved to the dead-letter list after their last attempt. */
  readonly queueDeadLettered: Counter;
  /** Shared queue: Redis operations that failed, by operation. */
  readonly queueErrors: Counter<"op">;
  /** Adds a queue to the queue gauges (read when scraped). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  watchQueue(queue: TriageQueue<any>): void;
}

export interface MetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, handles): on in the server process. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const queues = new Set<TriageQueue<any>>();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const deliveries = new Counter({
    name: "skewbot_webhook_deliveries_total",
    help: "Webhook deliveries received with a valid signature, by event and action.",
    labelNames: ["event", "action"] as const,
    registers,
  });
  const requests = new Counter({
    name: "skewbot_triage_requests_total",
    help: "Triage requested by a delivery: queued, dropped as a duplicate of one queued or running, or refused while shutting down.",
    labelNames: ["result"] as const,
    registers,
  });
  const triages = new Counter({
    name: "skewbot_triages_total",
    help: "Triages finished, by what happened to the thread's comment (created, updated, unchanged, skipped, dry-run) or error.",
    labelNames: ["outcome"] as const,
    registers,
  });
  const findings = new Counter({
    name: "skewbot_findings_total",
    help: "Findings reported, by signature id (custom signatures from .github/skewbot.yml count as \"custom\") and kind (cause or warning).",
    labelNames: ["signature", "kind"] as const,
    registers,
  });
  const bytesFetched = new Counter({
    name: "skewbot_log_bytes_fetched_total",
    help: "Bytes of log read from log sources (GitHub Actions, Prow/GCS, URLs), after decompression.",
    registers,
  });
  const fetchErrors = new Counter({
    name: "skewbot_log_fetch_errors_total",
    help: "Log references that yielded no readable log (stage=resolve: refused, not found, API error) and logs that broke off or hit a cap while read (stage=read).",
    labelNames: ["stage"] as const,
    registers,
  });
  // With a shared queue, one scrape asks Redis once for all three gauges.
  let snapshot: Promise<{ depth: number; active: number; deadLetters: number }> | undefined;
  const stats = () =>
    (snapshot ??= Promise.all(
      [...queues].map(async (q) => {
        if (!q.stats) return { depth: q.depth(), active: 0, deadLetters: 0 };
        try {
          return await q.stats();
        } catch {
          // Redis is down: the local view, and the error is counted by the queue.
          return { depth: q.depth(), active: q.depth(), deadLetters: 0 };
        }
      }),
    )
      .then((all) => all.reduce((a, b) => ({ depth: a.depth + b.depth, active: a.active + b.active, deadLetters: a.deadLetters + b.deadLetters }), { depth: 0, active: 0, deadLetters: 0 }))
      // The gauges of one scrape all ask before it answers; the next scrape asks again.
      .finally(() => (snapshot = undefined)));
  new Gauge({
    name: "skewbot_queue_depth",
    help: "Triage requests queued or running: in this process, or with a shared queue (REDIS_URL) in the whole fleet as this replica sees it.",
    registers,
    async collect() {
      this.set((await stats()).depth);
    },
  });
  new Gauge({
    name: "skewbot_queue_active",
    help: "Triage runs in progress in this replica (shared queue; 0 with the in-process queue, whose depth says it).",
    registers,
    async collect() {
      this.set((await stats()).active);
    },
  });
  new Gauge({
    name: "skewbot_queue_dead_letters",
    help: "Triage requests in the shared queue's dead-letter list (fleet-wide): failed after their last attempt; each is logged with its reason.",
    registers,
    async collect() {
      this.set((await stats()).deadLetters);
    },
  });
  const queueStalled = new Counter({
    name: "skewbot_queue_stalled_total",
    help: "Shared queue: work of a replica that died mid-triage, taken over by this replica.",
    registers,
  });
  const queueRetried = new Counter({
    name: "skewbot_queue_retried_total",
    help: "Shared queue: triage requests that failed in this replica and were queued again with backoff.",
    registers,
  });
  const queueDeadLettered = new Counter({
    name: "skewbot_queue_dead_lettered_total",
    help: "Shared queue: triage requests this replica moved to the dead-letter list after their last attempt.",
    registers,
  });
  const queueErrors = new Counter({
    name: "skewbot_queue_errors_total",
    help: "Shared queue: Redis operations that failed (enqueue: the request waits in memory until Redis is back).",
    labelNames: ["op"] as const,
    registers,
  });
  const triageDuration = new Histogram({
    name: "skewbot_triage_duration_seconds",
    help: "Time from the start of a triage (reading logs) to its comment being posted, by outcome.",
    labelNames: ["outcome"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers,
  });
  const historyDuration = new Histogram({
    name: "skewbot_history_store_seconds",
    help: "History store calls (open with migrations, record a run, recurrence query per finding, prune, size) by operation and result (ok, error).",
    labelNames: ["operation", "result"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const historyStored = new Gauge({
    name: "skewbot_history_stored",
    help: "Rows in the history store (kind=runs, kind=findings), as last counted (at most once a minute, after a triage).",
    labelNames: ["kind"] as const,
    registers,
  });
  // Series that exist from the start, so that rate() and absent() behave before the first event.
  for (const outcome of TRIAGE_OUTCOMES) triages.inc({ outcome }, 0);
  for (const result of ["queued", "duplicate", "replaced", "shutting-down"]) requests.inc({ result }, 0);
  for (const stage of ["resolve", "read"]) fetchErrors.inc({ stage }, 0);
  bytesFetched.inc(0);
  for (const op of ["enqueue", "connection", "worker"]) queueErrors.inc({ op }, 0);

  return {
    registry,
    deliveries,
    requests,
    triages,
    findings,
    bytesFetched,
    fetchErrors,
    triageDuration,
    historyDuration,
    historyStored,
    queueStalled,
    queueRetried,
    queueDeadLettered,
    queueErrors,
    watchQueue: (q) => void queues.add(q),
  };
}

/** Feeds the history store's latency, errors and size into the metrics. */
export function historyObserver(metrics: Metrics): HistoryObserver {
  return {
    timing: (operation, seconds, ok) => metrics.historyDuration.observe({ operation, result: ok ? "ok" : "error" }, seconds),
    size: (size) => {
      metrics.historyStored.set({ kind: "runs" }, size.runs);
      metrics.historyStored.set({ kind: "findings" }, size.findings);
    },
  };
}

/**
 * Counts what one triage read: findings by signature, bytes, and logs that could not be read. `builtin`
 * holds the built-in signature ids: any other id came from a repository's configuration and is counted
 * as "custom", so that no repository can grow the label set.
 */
export function recordRead(metrics: Metrics, reports: readonly Report[], fetch: FetchStats, builtin: ReadonlySet<string>): void {
  const signature = (id: string) => (builtin.has(id) ? id : "custom");
  for (const report of reports) {
    for (const c of report.causes) metrics.findings.inc({ signature: signature(c.signature.id), kind: "cause" });
    for (const w of report.warnings) metrics.findings.inc({ signature: signature(w.signature.id), kind: "warning" });
  }
  metrics.bytesFetched.inc(fetch.bytes);
  if (fetch.unresolved > 0) metrics.fetchErrors.inc({ stage: "resolve" }, fetch.unresolved);
  if (fetch.broken > 0) metrics.fetchErrors.inc({ stage: "read" }, fetch.broken);
}

/** Counts one finished triage by what happened to the thread's comment, and its duration. */
export function recordTriage(metrics: Metrics, outcome: TriageOutcome, seconds: number): void {
  metrics.triages.inc({ outcome: outcome.comment });
  metrics.triageDuration.observe({ outcome: outcome.comment }, seconds);
}

export function recordTriageError(metrics: Metrics, seconds: number): void {
  metrics.triages.inc({ outcome: "error" });
  metrics.triageDuration.observe({ outcome: "error" }, seconds);
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * A Probot server handler for GET /metrics. Open by default (the metrics hold counts and signature ids,
 * no repository names); with a token, only `Authorization: Bearer <token>` gets them.
 */
export function metricsHandler(metrics: Metrics, options: { token?: string; path?: string } = {}) {
  const path = options.path ?? "/metrics";
  const expected = options.token ? digest(`Bearer ${options.token}`) : undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? "").split("?")[0] !== path) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) {
      res.writeHead(401, { "www-authenticate": 'Bearer realm="skewbot metrics"', "content-type": "text/plain" }).end("unauthorized\n");
      return true;
    }
    try {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${(err as Error).message}\n`);
    }
    return true;
  };
}
