import type { ApplicationFunctionOptions, Context, Logger, Probot } from "probot";
import type { SkewbotConfig } from "./config.js";
import { Dispatcher, type PendingTriage } from "./dispatch.js";
import { octokitPort, type GitHub } from "./github/octokit.js";
import type { GitHubPort } from "./github/port.js";
import { redactingChild } from "./logging.js";
import { createMetrics, metricsHandler, type Metrics } from "./metrics.js";
import { OwnComments } from "./publish/comment.js";
import { InProcessQueue, type Task, type TriageQueue } from "./queue.js";
import { mergeTriageJobs, type TriageJob } from "./triage-job.js";
import { builtinHints, builtinSignatures, compileCatalog, type CompiledCatalog } from "./signatures/index.js";
import { sourceSettingsFromEnv, visibilityOf, type SourceSettings } from "./sources/index.js";
import { normaliseEvent, TRIGGER_EVENTS } from "./triggers/index.js";
import { payloadProblems } from "./triggers/payloads.js";
import type { History } from "./history/index.js";

export type { PendingTriage } from "./dispatch.js";

/** Shared mode: how long a delivery's answer waits for its triage to reach the shared queue. */
const HANDOVER_MS = 8000;
/** Shared mode: lanes (reading configuration, collecting requests) that may have their turn at once. */
const SHARED_LANES = 16;

export interface AppOptions {
  /** Where logs may be fetched from; defaults to the SKEWBOT_* environment. */
  settings?: SourceSettings;
  /** Where triage waits: in this process (the default) or shared by replicas (RedisQueue, REDIS_URL). */
  queue?: TriageQueue<TriageJob>;
  /** The app's own login (`<slug>[bot]`); looked up once from the API when not given. */
  botLogin?: string;
  dryRun?: boolean;
  /** How long an edited issue must stay unedited before it is triaged (SKEWBOT_EDIT_QUIET_MS, default 2 s). */
  editQuietMs?: number;
  concurrency?: number;
  /** Prometheus metrics; a fresh registry per app when not given. */
  metrics?: Metrics;
  /** Bearer token that GET /metrics requires; defaults to SKEWBOT_METRICS_TOKEN (unset: open). */
  metricsToken?: string;
  /** The history store (main.ts opens it from the environment); absent: triage without history. */
  history?: History;
  /** Called once the app is loaded, so that the process can drain it on shutdown. */
  onReady?: (runtime: AppRuntime) => void;
  /**
   * GitHub behind the port for an installation, instead of Octokit (tests: an in-process fake GitHub).
   * The configuration is still read through Probot.
   */
  port?: (installation: number) => GitHubPort;
}

/** What the process needs to stop the app gracefully. */
export interface AppRuntime {
  queue: TriageQueue<TriageJob>;
  log: Logger;
  metrics: Metrics;
  /**
   * Stops taking deliveries (a delivery that arrives from now on is answered with an error, so that GitHub
   * lists it as failed and it can be redelivered), then waits for queued work to finish, within `timeoutMs`.
   * Returns what did not finish.
   */
  drain(timeoutMs: number): Promise<PendingTriage[]>;
  /** For tests and tools: resolves once no delivery waits for its lane and no triage of this process is queued or running. */
  idle(): Promise<void>;
  /** Runs once, offline, what a first triage would otherwise run for the first time (main.ts, once the server listens). */
  warmUp(): Promise<void>;
}

/** Thrown by the webhook handler while the app shuts down: Probot answers the delivery with a 500. */
export class ShuttingDownError extends Error {
  constructor(delivery: string) {
    super(`skewbot is shutting down and did not take delivery ${delivery}; redeliver it from the App's advanced settings`);
    this.name = "ShuttingDownError";
  }
}

export function createApp(options: AppOptions = {}) {
  return (app: Probot, appOptions?: Partial<ApplicationFunctionOptions>): void => {
    const settings = options.settings ?? settingsFromEnv(process.env);
    const log = redactingChild(app.log, {});
    const concurrency = options.concurrency ?? concurrencyFromEnv(process.env["SKEWBOT_CONCURRENCY"]);
    // A failed triage is logged (and counted) by the job itself; the queue only decides whether it runs again.
    const queue: TriageQueue<TriageJob> = options.queue ?? new InProcessQueue<TriageJob>(concurrency, () => undefined);
    // Deliveries wait for their thread's turn here, in this process, whatever the triage queue is.
    // Shared mode: a delivery is answered only after its lane's turn, and a turn mostly waits on GitHub (the
    // configuration, a listing): more of them at once, so that answers do not queue behind triage's limit.
    const lanes = new InProcessQueue<Task>(queue.shared ? Math.max(concurrency, SHARED_LANES) : concurrency, (err, thread) => log.error({ err, thread }, "triage failed"));
    const metrics = options.metrics ?? createMetrics();
    metrics.watchQueue(queue);
    metrics.watchQueue(lanes);
    const metricsToken = options.metricsToken ?? (process.env["SKEWBOT_METRICS_TOKEN"] || undefined);
    try {
      appOptions?.addHandler?.(metricsHandler(metrics, metricsToken ? { token: metricsToken } : {}));
    } catch (err) {
      // Under a bare `probot.load(app)` (tests) there is no server.
      log.debug({ err }, "no server: /metrics not served");
    }

    const botLogin = ownLogin(app, log, options.botLogin ?? process.env["SKEWBOT_BOT_LOGIN"]);
    const dispatcher = new Dispatcher({
      lanes,
      jobs: queue,
      metrics,
      log,
      settings,
      editQuietMs: options.editQuietMs ?? Number(process.env["SKEWBOT_EDIT_QUIET_MS"] ?? 2000),
      dryRun: options.dryRun ?? /^(1|true|yes)$/i.test(process.env["SKEWBOT_DRY_RUN"] ?? ""),
      portFor: (context) => (options.port ? options.port((context.payload as { installation: { id: number } }).installation.id) : octokitPort(context.octokit as GitHub, { botLogin })),
      portForInstallation: async (installation) => (options.port ? options.port(installation) : octokitPort((await app.auth(installation)) as GitHub, { botLogin })),
      catalogFor: catalogCache(),
      builtinIds: new Set(builtinSignatures.map((s) => s.id)),
      ownComments: new OwnComments(options.history?.ownComments),
      ...(options.history ? { history: options.history } : {}),
    });

    let closing = false;
    options.onReady?.({
      queue,
      log,
      metrics,
      async drain(timeoutMs) {
        // Nothing is half-handled (a handler waits at most for its lane's turn): stop taking deliveries, let
        // the lanes queue their triage, then drain the triage queue, all within the bound.
        closing = true;
        const deadline = Date.now() + timeoutMs;
        await lanes.drain(timeoutMs);
        await queue.drain(Math.max(0, deadline - Date.now()));
        return dispatcher.unfinished();
      },
      warmUp: () => dispatcher.warmUp(),
      async idle() {
        // A lane's turn queues triage, and nothing queues a lane from triage: lanes first, then jobs.
        while (lanes.depth() > 0 || queue.depth() > 0) {
          await lanes.idle();
          await queue.idle();
        }
      },
    });
    void Promise.resolve(queue.start({ run: dispatcher.runJob, merge: mergeTriageJobs })).catch((err: unknown) => log.error({ err }, "the triage queue did not start"));

    app.onAny(async (context) => {
      const action = (context.payload as { action?: unknown }).action;
      metrics.deliveries.inc({ event: context.name, action: typeof action === "string" ? action : "" });
    });

    // No API call here, whatever the load; the queue does the rest. In-process, the delivery is answered at
    // once. Shared, once its lane has put its triage in Redis (within HANDOVER_MS, below the 9 s after which
    // Probot answers 202 anyway): a replica killed after answering has then lost nothing another cannot run.
    app.on(TRIGGER_EVENTS as Parameters<typeof app.on>[0], async (context: Context) => {
      if (closing) throw new ShuttingDownError(context.id);
      const problems = payloadProblems(context.name, context.payload);
      if (problems.length > 0) return context.log.warn({ delivery: context.id, event: context.name, problems }, "ignoring a malformed delivery");
      const event = normaliseEvent(context.name, context.id, context.payload as Record<string, unknown>, visibilityOf);
      if ("drop" in event) return context.log.warn({ delivery: context.id, event: context.name, reason: event.drop }, "dropping a delivery");
      if (dispatcher.accept(context, event) === "closed") throw new ShuttingDownError(context.id);
      if (queue.shared) await dispatcher.handedOver(context.id, HANDOVER_MS);
    });
  };
}

/** `<slug>[bot]`, from GET /app once; undefined (and asked again next time) when the API cannot say. */
function ownLogin(app: Probot, log: Logger, configured: string | undefined): () => Promise<string | undefined> {
  let login: Promise<string | undefined> | undefined = configured ? Promise.resolve(configured) : undefined;
  return () =>
    (login ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then((res) => (res.data?.slug ? `${res.data.slug}[bot]` : undefined))
      .catch((err: unknown) => {
        login = undefined;
        log.warn({ err }, "could not look up the app's own login (GET /app); recognising own comments by marker and app account");
        return undefined;
      }));
}

/** Compiling a catalog builds its anchor automaton: once per distinct set of custom signatures, not per triage. */
function catalogCache(): (config: SkewbotConfig) => CompiledCatalog {
  const builtin = compileCatalog(builtinSignatures, builtinHints);
  const custom = new Map<string, CompiledCatalog>();
  return (config) => {
    if (config.signatures.length === 0) return builtin;
    const key = JSON.stringify(config.signatures);
    const catalog = custom.get(key) ?? compileCatalog([...builtinSignatures, ...config.signatures], builtinHints);
    custom.delete(key);
    custom.set(key, catalog);
    if (custom.size > 32) custom.delete(custom.keys().next().value!);
    return catalog;
  };
}

/** Source settings from SKEWBOT_*; the GitHub API defaults to the one Probot uses (GHE_HOST). */
function settingsFromEnv(env: NodeJS.ProcessEnv): SourceSettings {
  const ghe = env["GHE_HOST"] ? `${env["GHE_PROTOCOL"] || "https"}://${env["GHE_HOST"]}/api/v3` : undefined;
  return sourceSettingsFromEnv(ghe && !env["SKEWBOT_GITHUB_API_URL"] ? { ...env, SKEWBOT_GITHUB_API_URL: ghe } : env);
}

/** SKEWBOT_CONCURRENCY: a positive whole number of triage jobs at once; 2 when unset or invalid. */
function concurrencyFromEnv(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 2;
}

export default createApp();
