import { pino } from "pino";
import { run, type Logger } from "probot";
import { createApp, type AppRuntime } from "./app.js";
import { skewbotOctokit } from "./github/octokit.js";
import { createLogger } from "./logging.js";
import { createMetrics, historyObserver } from "./metrics.js";
import { historyFromEnv, type History } from "./history/index.js";
import { redactUrl } from "./queue/redis.js";
import { fleetThrottle, sharedModeFromEnv, startSharedQueue, type SharedMode } from "./shared.js";

// `npm start` (and the container's CMD): the GitHub App as a process. Probot reads APP_ID,
// PRIVATE_KEY(_PATH), WEBHOOK_SECRET, GHE_HOST/GHE_PROTOCOL, HOST, PORT, LOG_LEVEL and LOG_FORMAT from the
// environment; skewbot reads SKEWBOT_*. Serves the webhook, GET /ping (Probot) and GET /metrics.
//
// SIGTERM or SIGINT: stop taking deliveries, let triage in flight finish within SKEWBOT_DRAIN_TIMEOUT_MS,
// then exit 0; exit 1, with a warning that lists the unfinished deliveries, when the bound is reached.
// A second signal exits at once.

const DEFAULT_DRAIN_MS = 25_000;

/** The parts of Probot's Octokit options that main adjusts. */
interface OctokitOptions {
  baseUrl?: string;
  auth?: { request?: { defaults(options: { baseUrl: string }): unknown } };
  throttle?: { id?: string };
}

function drainTimeout(log: Logger): number {
  const raw = process.env["SKEWBOT_DRAIN_TIMEOUT_MS"];
  if (raw === undefined || raw === "") return DEFAULT_DRAIN_MS;
  const ms = Number(raw);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  log.warn({ SKEWBOT_DRAIN_TIMEOUT_MS: raw }, `not a number of milliseconds; using ${DEFAULT_DRAIN_MS}`);
  return DEFAULT_DRAIN_MS;
}

let logger: Logger | undefined;
try {
  logger = createLogger(process.env);
} catch (err) {
  console.error(`skewbot could not start: ${(err as Error).message}`);
  process.exit(1);
}
/** For lines that Probot's logger cannot take (it does not exist yet, or the app was not loaded). */
const plainLog = () => logger ?? pino(pino.destination({ dest: 1, sync: true }));
const metrics = createMetrics({ processMetrics: true });
let runtime: AppRuntime | undefined;
let history: History | undefined;
try {
  history = historyFromEnv(process.env, { observer: historyObserver(metrics) });
} catch (err) {
  plainLog().fatal({ err }, "skewbot could not start");
  process.exit(1);
}

// Shared mode (REDIS_URL): asked for means required. A server that is down at start is named and the
// process exits non-zero, rather than quietly running as a lone replica.
let shared: SharedMode | undefined;
try {
  shared = sharedModeFromEnv(process.env);
} catch (err) {
  plainLog().fatal(`skewbot could not start: ${(err as Error).message}`);
  process.exit(1);
}
const queue = shared ? await startSharedQueue(shared, metrics, plainLog()).catch((err: unknown) => {
  plainLog().fatal({ err }, `skewbot could not start: ${(err as Error).message}`);
  process.exit(1);
}) : undefined;
// In shared mode the store is where every replica finds each thread's comment: a PostgreSQL that does
// not answer at start is named and the process exits, as for Redis. (A lone replica posts without
// history instead, and opens the store later.)
if (shared && history && process.env["DATABASE_URL"]) {
  try {
    await history.open();
  } catch (err) {
    plainLog().fatal(`skewbot could not start: DATABASE_URL (${redactUrl(process.env["DATABASE_URL"])}) is not reachable: ${(err as Error).message}`);
    process.exit(1);
  }
}
const throttle = shared
  ? await fleetThrottle(shared, metrics, plainLog()).catch((err: unknown) => {
      plainLog().fatal({ err }, `skewbot could not start: REDIS_URL: the GitHub throttle could not connect: ${(err as Error).message}`);
      process.exit(1);
    })
  : undefined;

// run() adds a SIGINT listener that closes the server and exits at once, without draining: ours replaces it.
const sigintBefore = new Set(process.listeners("SIGINT"));
let server: Awaited<ReturnType<typeof run>>;
try {
  server = await run(createApp({ metrics, ...(history ? { history } : {}), ...(queue ? { queue } : {}), onReady: (r) => (runtime = r) }), {
    ...(logger ? { log: logger } : {}),
    // Probot would open its own throttle connection from REDIS_URL; ours (fleetThrottle) replaces it.
    ...(shared ? { env: { ...process.env, REDIS_URL: "" } } : {}),
    // Every GitHub call goes through the one retry policy (src/github/octokit.ts), with the adjustments below.
    Octokit: skewbotOctokit().defaults((o: OctokitOptions) => ({
      ...o,
      // Probot gives the App's auth a request without the API's base URL, so a token asked for directly
      // (octokit.auth(), for log downloads) goes to api.github.com whenever no API call has cached one for
      // that installation yet: always so in a replica that runs a job another replica took in, and under GHE.
      ...(o.baseUrl && o.auth?.request ? { auth: { ...o.auth, request: o.auth.request.defaults({ baseUrl: o.baseUrl }) } } : {}),
      // Shared mode: Probot's throttle clustered on Redis and one write gate per installation for the whole
      // fleet (src/shared.ts). Its keys are named by the throttle id: prefixed, so that deployments (and test
      // runs) sharing a Redis stay apart.
      ...(shared && throttle && o.throttle ? { throttle: { ...o.throttle, ...throttle.options(o.throttle.id ?? "app") } } : {}),
    })),
  });
} catch (err) {
  plainLog().fatal({ err }, "skewbot could not start");
  process.exit(1);
}
for (const listener of process.listeners("SIGINT")) if (!sigintBefore.has(listener)) process.removeListener("SIGINT", listener);

const log = runtime?.log ?? plainLog();
const DRAIN_MS = drainTimeout(log);
// Listening: what a first triage would run for the first time runs now, off the path of any delivery.
setImmediate(() => {
  const started = performance.now();
  void runtime?.warmUp().then(
    () => log.info({ durationMs: Math.round(performance.now() - started) }, "warmed up"),
    (err: unknown) => log.warn({ err }, "warm-up failed (the first triage runs cold)"),
  );
});

// Migrations are applied now rather than at the first triage; a store that cannot be opened is retried
// then, and triage meanwhile posts without history.
if (history) {
  const where = history.options.location ? `${history.description} at ${history.options.location}` : history.description;
  history.open().then(
    () => log.info({ history: where }, "history store ready"),
    (err: unknown) => log.warn({ err, history: where }, "history store unavailable: triage will post without history until it can be opened"),
  );
} else log.info("history is off (SKEWBOT_HISTORY=off)");
let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    log.warn({ signal }, "second signal: exiting without waiting for triage in flight");
    process.exit(1);
  }
  stopping = true;
  const started = Date.now();
  log.info({ signal, drainTimeoutMs: DRAIN_MS, queued: runtime?.queue.depth() ?? 0 }, "shutting down: no new deliveries, finishing triage in flight");
  // Stop listening first (idle keep-alive connections are closed; deliveries that still arrive on open
  // ones are refused by the app), then let queued triage finish within the bound.
  const closing = server.stop().catch((err: unknown) => log.error({ err }, "closing the server failed"));
  const unfinished = runtime ? await runtime.drain(DRAIN_MS) : [];
  if (queue) {
    // The shared queue keeps what this replica did not finish; another replica takes it once its lease expires.
    if (queue.interrupted > 0) log.warn({ interrupted: queue.interrupted }, "triage in flight left to the other replicas (the shared queue runs it again)");
    await queue.close();
  }
  await throttle?.close();
  if (unfinished.length > 0) {
    log.warn(
      { unfinished, drainTimeoutMs: DRAIN_MS },
      `${unfinished.length} triage(s) did not finish within the drain timeout; redeliver their deliveries (App settings → Advanced → Recent deliveries) to triage them again`,
    );
  }
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  await history?.close().catch((err: unknown) => log.warn({ err }, "closing the history store failed"));
  const code = unfinished.length > 0 ? 1 : 0;
  log.info({ signal, durationMs: Date.now() - started, exitCode: code }, "stopped");
  process.exit(code);
}

process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));
