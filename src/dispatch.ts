// From a delivery to triage, in two stages.
//
// accept() runs in the webhook handler and never waits on GitHub: it asks the triggers, from the payload
// alone, whether any may act, and puts the delivery in its lane's batch (one lane per thread or commit, in
// this process). In the lane's turn the configuration is read once per batch, and triggers collect
// TriageRequests over the port: decisions, refusals, reactions and help happen here, one delivery after the
// other. Identical requests collapse; each remaining one becomes a TriageJob (plain data) in the triage
// queue, which is this process's or shared by replicas, and runJob() triages it wherever it is taken.
import { createHash, randomUUID } from "node:crypto";
import type { Context, Logger } from "probot";
import { DEFAULT_CONFIG, resolveConfig, type LoadedConfig, type SkewbotConfig } from "./config.js";
import type { GitHubPort, Permission, Thread } from "./github/port.js";
import { threadKey } from "./github/port.js";
import { redactingChild } from "./logging.js";
import { recordRead, recordTriage, recordTriageError, type Metrics } from "./metrics.js";
import { composeBody, sectionKey, type OwnComments } from "./publish/comment.js";
import { analyze } from "./pipeline.js";
import { appScanThreads } from "./parallel/limits.js";
import { renderMarkdown } from "./report/markdown.js";
import type { EnqueueResult, Task, TriageQueue } from "./queue.js";
import type { CompiledCatalog } from "./signatures/index.js";
import { logRefKey, type SourceSettings } from "./sources/index.js";
import { runTriage, type TriageRequest } from "./triage.js";
import { TRIAGE_JOB_VERSION, triageJobProblem, type TriageJob } from "./triage-job.js";
import type { History } from "./history/index.js";
import { TRIGGERS, type Lane, type Trigger, type TriggerContext, type TriggerEvent } from "./triggers/index.js";

/** A delivery or triage that was queued and has not finished. */
export interface PendingTriage {
  delivery: string;
  event: string;
  repository: string;
  thread: string;
  /** When it started running (ms since the epoch); absent while it waits in the queue. */
  startedAt?: number;
}

export interface DispatchDeps {
  /** Where deliveries wait for their lane's turn: always this process (a batch holds webhook contexts). */
  lanes: TriageQueue<Task>;
  /** Where triage waits: this process's queue, or one shared by replicas. */
  jobs: TriageQueue<TriageJob>;
  metrics: Metrics;
  /** Source settings from the environment; each repository's configuration is merged over them. */
  settings: SourceSettings;
  editQuietMs: number;
  dryRun: boolean;
  portFor(context: Context): GitHubPort;
  /** A port acting as an installation, for a job taken from the queue (possibly queued by another replica). */
  portForInstallation(installation: number): Promise<GitHubPort>;
  /** For the lines of a job taken from the queue. */
  log: Logger;
  catalogFor(config: SkewbotConfig): CompiledCatalog;
  builtinIds: ReadonlySet<string>;
  ownComments: OwnComments;
  /** Records each job's run and annotates its causes with their recurrence; absent: no history. */
  history?: History;
}

interface Item {
  event: TriggerEvent;
  context: Context;
  triggers: Trigger[];
}

/** A line that the built-in catalog explains (the Cluster API incident's), for `warmUp`. */
const WARM_UP_LINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Identical requests (same thread, logs, excerpts, explicitness) are one triage. */
const requestKey = (r: TriageRequest) => hash(JSON.stringify([threadKey(r.thread), r.refs.map(logRefKey), r.excerpts.map((e) => hash(e.text)), r.explicit]));

async function loadConfig(context: Context): Promise<LoadedConfig> {
  try {
    return resolveConfig(await context.config("skewbot.yml"));
  } catch (err) {
    return { config: DEFAULT_CONFIG, errors: [`could not be read (${(err as Error).message.split("\n")[0]}); using the defaults`] };
  }
}

function memo(port: GitHubPort): TriggerContext["shared"] {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      cache.set(key, p);
      // A failed look-up is not remembered: the next delivery asks again.
      p.catch(() => cache.delete(key));
    }
    return p;
  };
  return {
    comments: (thread: Thread) => once(`comments:${threadKey(thread)}`, () => port.listComments(thread)),
    permission: (repo, login): Promise<Permission> => once(`permission:${login.toLowerCase()}`, () => port.permission(repo, login)),
    posted: new Set(),
    once,
  };
}

export class Dispatcher {
  private readonly batches = new Map<string, { lane: Lane; items: Item[]; done: Promise<void>; finish: () => void }>();
  /** Deliveries whose lane has not had its turn yet: resolved once it has queued their triage (or found none). */
  private readonly handing = new Map<string, Promise<void>>();
  /** Lanes and jobs of this process not finished, by queue entry (one that takes another's place takes it here too). */
  private readonly pendingLanes = new Map<string, PendingTriage>();
  private readonly pendingJobs = new Map<string, { job: string; pending: PendingTriage }>();

  constructor(private readonly deps: DispatchDeps) {}

  /** What did not finish (for the drain): deliveries still in a lane, and jobs of this process's queue. */
  unfinished(): PendingTriage[] {
    return [...this.pendingLanes.values(), ...[...this.pendingJobs.values()].map((p) => p.pending)];
  }

  /** In the webhook handler: no API call, no configuration; only whether some trigger may act, and queueing. */
  accept(context: Context, event: TriggerEvent): EnqueueResult | "ignored" {
    const triggers = TRIGGERS.filter((t) => t.events.includes(event.name) && t.mayAct(event, this.deps.settings));
    if (triggers.length === 0) return "ignored";
    const lane = triggers[0]!.lane(event, { editQuietMs: this.deps.editQuietMs });
    const id = `${lane.key}\u0000${lane.batch}`;
    const batch = this.batches.get(id) ?? Dispatcher.newBatch(lane);
    if (lane.latestOnly) batch.items = [];
    batch.items.push({ event, context, triggers });
    this.batches.set(id, batch);
    this.handing.set(context.id, batch.done);
    void batch.done.then(() => {
      if (this.handing.get(context.id) === batch.done) this.handing.delete(context.id);
    });
    const result = this.deps.lanes.enqueue(lane.key, lane.batch, () => this.runBatch(id), { replace: true, quietMs: lane.quietMs ?? 0 }) as EnqueueResult;
    if (result === "closed") {
      batch.items.pop();
      this.handing.delete(context.id);
      if (batch.items.length === 0) {
        this.batches.delete(id);
        batch.finish();
      }
      this.deps.metrics.requests.inc({ result: "shutting-down" });
    } else {
      this.pendingLanes.set(id, { delivery: context.id, event: context.name, repository: `${event.repo.owner}/${event.repo.repo}`, thread: lane.key });
    }
    return result;
  }

  private static newBatch(lane: Lane): { lane: Lane; items: Item[]; done: Promise<void>; finish: () => void } {
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    return { lane, items: [], done, finish };
  }

  /**
   * Resolves once the lane holding `delivery` has had its turn (its triage is in the triage queue: with a
   * shared queue, in Redis), or after `timeoutMs`. A shared-mode replica answers a delivery only then, so
   * that one killed a moment later has lost nothing: what it answered, another replica can run.
   */
  async handedOver(delivery: string, timeoutMs: number): Promise<void> {
    const done = this.handing.get(delivery);
    if (!done) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  private async runBatch(id: string): Promise<void> {
    const batch = this.batches.get(id);
    if (!batch) return;
    this.batches.delete(id);
    const pending = this.pendingLanes.get(id);
    if (pending) pending.startedAt = Date.now();
    try {
      await this.runItems(batch, id, pending);
    } finally {
      batch.finish();
    }
  }

  private async runItems(batch: { lane: Lane; items: Item[] }, id: string, pending: PendingTriage | undefined): Promise<void> {
    try {
      // A precheck (the history store) may rule deliveries out before anything is asked of GitHub.
      const items: Item[] = [];
      for (const item of batch.items) {
        const triggers: Trigger[] = [];
        for (const t of item.triggers) if (!t.precheck || (await t.precheck(item.event, { settings: this.deps.settings, ...(this.deps.history ? { history: this.deps.history } : {}) }))) triggers.push(t);
        if (triggers.length > 0) items.push({ ...item, triggers });
      }
      if (items.length === 0) return;
      const first = items[0]!;
      const port = this.deps.portFor(first.context);
      const loaded = await loadConfig(first.context);
      const settings = this.settingsFor(loaded.config);
      const shared = memo(port);
      const seen = new Set<string>();
      for (const item of items) {
        const log = this.logFor(item.context, item.event, batch.lane.key);
        const requests: TriageRequest[] = [];
        for (const trigger of item.triggers) {
          if (!trigger.enabled(loaded.config)) continue;
          try {
            requests.push(...(await trigger.collect(item.event, { port, config: loaded.config, settings, log, shared, ...(this.deps.history ? { history: this.deps.history } : {}) })));
          } catch (err) {
            // Never silently lost: logged with its delivery id and counted.
            recordTriageError(this.deps.metrics, 0);
            log.error({ err, trigger: trigger.name }, "triage failed");
          }
        }
        for (const req of requests) {
          const key = requestKey(req);
          if (seen.has(key)) {
            this.deps.metrics.requests.inc({ result: "duplicate" });
            log.info({ refs: req.refs.length, excerpts: req.excerpts.length, queued: "duplicate" }, "triage requested");
            continue;
          }
          seen.add(key);
          await this.enqueueJob(req, item, loaded, batch.lane.latestOnly ? batch.lane.batch : key, batch.lane.latestOnly === true);
        }
      }
    } finally {
      if (this.pendingLanes.get(id) === pending) this.pendingLanes.delete(id);
    }
  }

  /** A request as plain data in the triage queue; a repository's later edit of one input replaces the waiting one. */
  private async enqueueJob(req: TriageRequest, item: Item, loaded: LoadedConfig, key: string, replace: boolean): Promise<void> {
    const thread = threadKey(req.thread);
    const log = this.logFor(item.context, item.event, thread);
    const problems = [...req.problems, ...loaded.errors.map((e) => `.github/skewbot.yml: ${e}`)];
    const job: TriageJob = { v: TRIAGE_JOB_VERSION, id: randomUUID(), deliveries: [req.delivery], event: item.context.name, installation: req.installation, thread: req.thread, request: { ...req, problems }, config: loaded.config };
    const jobs = this.deps.jobs;
    const pendingKey = `${thread}\u0000${key}`;
    const before = this.pendingJobs.get(pendingKey);
    // Recorded before enqueueing (an in-process job may start before enqueue's answer is read).
    if (!jobs.shared) this.pendingJobs.set(pendingKey, { job: job.id, pending: { delivery: req.delivery, event: item.context.name, repository: `${req.thread.owner}/${req.thread.repo}`, thread } });
    const answer = jobs.enqueue(thread, key, job, { replace, quietMs: 0 });
    const result = answer instanceof Promise ? await answer : answer;
    if ((result === "duplicate" || result === "closed") && !jobs.shared && this.pendingJobs.get(pendingKey)?.job === job.id) {
      if (before) this.pendingJobs.set(pendingKey, before);
      else this.pendingJobs.delete(pendingKey);
    }
    this.deps.metrics.requests.inc({ result: result === "closed" ? "shutting-down" : result });
    log.info({ refs: req.refs.length, excerpts: req.excerpts.length, queued: result }, "triage requested");
  }

  /**
   * Runs one queued triage, in whichever process took the job: it acts as the job's installation and takes
   * a fresh token now (a queued job may outlive a token). Throws when the triage failed, so that a shared
   * queue can retry it; it has been logged and counted by then.
   */
  readonly runJob = async (job: TriageJob): Promise<void> => {
    const problem = triageJobProblem(job);
    if (problem) throw new Error(`not a triage job this release can run: ${problem}`);
    const thread = threadKey(job.thread);
    const log = redactingChild(this.deps.log, { delivery: job.deliveries.join(","), event: job.event, repository: `${job.thread.owner}/${job.thread.repo}`, thread });
    const mine = () => [...this.pendingJobs.entries()].find(([, u]) => u.job === job.id);
    const entry = mine();
    if (entry) entry[1].pending.startedAt = Date.now();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const port = await this.deps.portForInstallation(job.installation);
      const dryRun = this.deps.dryRun || job.config.dryRun;
      // The app's own login (GET /app, once per process) is needed before the report is posted: asked for
      // now, it arrives while the logs are read instead of after. (A lookup that fails is asked again then.)
      if (!dryRun) void port.botLogin().catch(() => undefined);
      const token = job.request.refs.length > 0 ? await port.installationToken() : undefined;
      const settings = this.settingsFor(job.config);
      const outcome = await runTriage(
        { ...job.request, thread: job.thread },
        {
          port,
          ownComments: this.deps.ownComments,
          config: job.config,
          settings: token ? { ...settings, githubToken: token } : settings,
          catalog: this.deps.catalogFor(job.config),
          log,
          dryRun,
          ...(this.deps.history ? { history: this.deps.history } : {}),
          onRead: (reports, fetched) => recordRead(this.deps.metrics, reports, fetched, this.deps.builtinIds),
        },
      );
      recordTriage(this.deps.metrics, outcome, seconds());
      const durationMs = Math.round(seconds() * 1000);
      log.info({ comment: outcome.comment, labels: outcome.labels, causes: outcome.causes, warnings: outcome.warnings, bytes: outcome.fetch.bytes, durationMs }, "triage done");
    } catch (err) {
      recordTriageError(this.deps.metrics, seconds());
      log.error({ err, durationMs: Math.round(seconds() * 1000) }, "triage failed");
      throw err;
    } finally {
      const done = mine();
      if (done) this.pendingJobs.delete(done[0]);
    }
  };

  /**
   * What a process does for the first time costs more than it ever will again: loading the diagnosis,
   * ICU's collation (listings are sorted with it), the first runs of the scanner, the regexes and the
   * renderer. A fresh replica's first triage would pay for all of it (some 0.1 s) while the thread waits for
   * its answer; main.ts has this pay it at start-up instead, on an excerpt that is analysed and rendered like
   * a report, and the scan threads that triage reads logs on are started (each compiles the catalog as it
   * starts). Nothing is fetched, posted, recorded or counted.
   */
  async warmUp(): Promise<void> {
    const threads = appScanThreads();
    if (threads > 1) (await import("./parallel/pool.js")).scanPool(threads);
    void "build-log.txt".localeCompare("kube-apiserver.log");
    const excerpt = Buffer.from(`I0206 22:52:48.681002       1 server.go:150] Version: v1.31.6\n${WARM_UP_LINE}\n`);
    const report = await analyze([{ name: "warm-up.log", open: async () => (async function* () { yield excerpt; })() }], { catalog: this.deps.catalogFor(DEFAULT_CONFIG) });
    composeBody([{ key: sectionKey("warm-up"), markdown: renderMarkdown(report, { title: "warm-up", headingLevel: 4 }) }], "warm-up");
  }

  /** The environment's settings with the repository's allowed hosts added: for links in issues as for commands. */
  private settingsFor(config: SkewbotConfig): SourceSettings {
    return { ...this.deps.settings, allowedHosts: [...this.deps.settings.allowedHosts, ...config.allowedHosts] };
  }

  private logFor(context: Context, event: TriggerEvent, thread: string): Logger {
    return redactingChild(context.log, { delivery: context.id, event: context.name, repository: `${event.repo.owner}/${event.repo.repo}`, thread });
  }
}
