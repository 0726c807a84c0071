// History: what the app and `analyze --history` remember of every triage, and what they report from it.
// The store is opened lazily and reopened after a failure; any store error leaves the triage to post
// without history, saying so. See docs/history.md.
import { homedir } from "node:os";
import { join } from "node:path";
import type { HistoryStatus, JobRun, Report, Triaged, VersionHint } from "../model.js";
import type { CommentRecord } from "../publish/comment.js";
import { findingMessage, fingerprintOfTriaged } from "./fingerprint.js";
import { openPostgresStore } from "./postgres.js";
import { classify } from "./recurrence.js";
import { openSqliteStore, sqliteDriver, type SqliteDriverName } from "./sqlite.js";
import type { FindingRecord, HistoryStore, StoredRun, StoreSize } from "./store.js";
import { DEFAULT_WINDOW_LIMITS, windowLimitsFromEnv, type RegressionWindow, type WindowLimits } from "./window.js";
import type { CompiledCatalog } from "../signatures/index.js";
import type { LogRef, SourceSettings } from "../sources/index.js";

export type { HistoryStore, RunRecord, StoredRun, StoreSize } from "./store.js";
export type { RegressionWindow, WindowLimits } from "./window.js";
export { fingerprintOf, normaliseMessage } from "./fingerprint.js";
export { openSqliteStore, sqliteDriver } from "./sqlite.js";
export { openPostgresStore } from "./postgres.js";

export const DEFAULT_WINDOW_DAYS = 7;
export const DEFAULT_RETENTION_DAYS = 90;
const DAY = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const SIZE_EVERY_MS = 60_000;

export type HistoryOperation = "open" | "record" | "recurrence" | "prune" | "size";

/** Where store latency, failures and size go (the app's Prometheus metrics). */
export interface HistoryObserver {
  timing(operation: HistoryOperation, seconds: number, ok: boolean): void;
  size(size: StoreSize): void;
}

export interface HistoryOptions {
  /** Server-wide retention; a repository's `history.retentionDays` can shorten it for its runs, not lengthen it. */
  retentionDays?: number;
  now?: () => number;
  observer?: HistoryObserver;
  /** The backend, as said in reports: "SQLite", "PostgreSQL". */
  description: string;
  /** Where it is, for logs only (never posted): the file path. */
  location?: string;
  /** Bounds of the regression window the app computes (SKEWBOT_WINDOW_*). */
  windowLimits?: WindowLimits;
}

/** A triaged CI job, for its regression window. */
export interface WindowRequest {
  ref: LogRef;
  run: JobRun;
  report: Report;
  /** Versions the job's metadata named (resolveLogRef's hints). */
  hints: readonly VersionHint[];
}

export interface RememberContext {
  windowDays: number;
  retentionDays?: number;
  /** `owner/repo#N` of the thread the report goes to. */
  thread?: string;
}

export interface Remembered {
  run: JobRun;
  report: Report;
}

/** Store errors in words, without connection strings. */
function reasonOf(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "unknown error";
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s]+/gi, "(url)").slice(0, 200);
}

export class History {
  private store: Promise<HistoryStore> | undefined;
  private lastPrune = new Map<string, number>();
  /** Hourly pruning while the process runs, also when no triage comes (an idle replica still forgets old runs). */
  private pruneTimer: NodeJS.Timeout | undefined;
  private pruning: Promise<unknown> = Promise.resolve();
  private lastSize = 0;
  private readonly now: () => number;
  readonly retentionDays: number;

  constructor(
    private readonly opener: () => Promise<HistoryStore>,
    readonly options: HistoryOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  }

  get description(): string {
    return this.options.description;
  }

  private async timed<T>(operation: HistoryOperation, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await fn();
      this.options.observer?.timing(operation, (performance.now() - started) / 1000, true);
      return result;
    } catch (err) {
      this.options.observer?.timing(operation, (performance.now() - started) / 1000, false);
      throw err;
    }
  }

  /**
   * The open store; a failed open is forgotten, so that the next triage tries again. Once open, runs past
   * the retention are pruned at once (the app opens the store at start) and then every hour.
   */
  open(): Promise<HistoryStore> {
    if (!this.store) {
      const opening = this.timed("open", this.opener);
      this.store = opening;
      opening.then(
        (store) => {
          if (this.store !== opening) return;
          this.pruning = this.pruneAll(store);
          this.pruneTimer ??= setInterval(() => {
            void this.store?.then((s) => (this.pruning = this.pruneAll(s)), () => undefined);
          }, PRUNE_EVERY_MS).unref();
        },
        () => {
          if (this.store === opening) this.store = undefined;
        },
      );
    }
    return this.store;
  }

  /** Server-wide pruning (SKEWBOT_HISTORY_RETENTION_DAYS). Never throws: counted by timed(), retried next time. */
  private async pruneAll(store: HistoryStore): Promise<void> {
    const now = this.now();
    this.lastPrune.set("", now);
    await this.timed("prune", () => store.prune(now - this.retentionDays * DAY)).catch(() => undefined);
  }

  /**
   * Records the runs and annotates every cause and warning of their reports with its recurrence. Never
   * throws: when the store fails, each report's `history` says so and the error is returned for the log.
   */
  async remember(entries: readonly Remembered[], context: RememberContext): Promise<{ status: HistoryStatus; error?: unknown }> {
    let status: HistoryStatus = { status: "recorded" };
    let error: unknown;
    try {
      const store = await this.open();
      const since = this.now() - context.windowDays * DAY;
      // A report tells only its own repository's history: sightings name repositories, jobs and links.
      const scope = context.thread?.replace(/#\d+$/, "");
      for (const { run, report } of entries) {
        const shown = [...report.causes, ...report.warnings];
        const findings: FindingRecord[] = shown.map((t) => ({
          fingerprint: fingerprintOfTriaged(t),
          signature: t.signature.id,
          verdict: t.diagnosis.verdict,
          message: findingMessage(t),
          versions: versionsOf(t),
        }));
        const { recordedAt } = await this.timed("record", () =>
          store.record({
            ...run,
            ...(context.thread ? { thread: context.thread } : {}),
            logs: report.logs.filter((l) => l.stats).map((l) => l.name),
            hints: report.hints,
            findings,
            recordedAt: this.now(),
          }),
        );
        for (const [i, t] of shown.entries()) {
          const fingerprint = findings[i]!.fingerprint;
          const stats = await this.timed("recurrence", () => store.sightings({ fingerprint, since, run, ...(scope ? { scope } : {}) }));
          t.history = classify(fingerprint, stats, run, context.windowDays, recordedAt);
        }
      }
      await this.housekeeping(store, entries[0]?.run.repository, context.retentionDays);
    } catch (err) {
      error = err;
      status = {
        status: "unavailable",
        note: `History unavailable (${this.description}: ${reasonOf(err)}): this report cannot say whether the failure was seen before.`,
      };
      for (const { report } of entries) for (const t of [...report.causes, ...report.warnings]) delete t.history;
    }
    for (const { report } of entries) report.history = status;
    return error === undefined ? { status } : { status, error };
  }

  /** Recorded failures at a commit: a check run that passes there may be a rerun of one of them. */
  async failuresAt(headSha: string, repository: string): Promise<StoredRun[]> {
    const store = await this.open();
    return this.timed("recurrence", () => store.failuresAt(headSha, repository, 50));
  }

  /** A run that passed (a rerun of a failed job): recorded so that the failure reads as intermittent. */
  async recordPass(run: JobRun, thread?: string): Promise<void> {
    const store = await this.open();
    await this.timed("record", () => store.record({ ...run, result: "success", ...(thread ? { thread } : {}), logs: [], hints: [], findings: [], recordedAt: this.now() }));
  }

  /**
   * The regression window of a failed CI job whose report found something, computed from the CI system's
   * own history (Prow's storage, the Actions API) within the window limits: it needs nothing recorded, so it
   * works from the first install. Undefined for a run that passed or found nothing, and for a job with no
   * earlier run at all (and nothing it could not read). Errors are returned,
   * never thrown: the report is posted without a window.
   */
  async window(request: WindowRequest, settings: SourceSettings, catalog: CompiledCatalog): Promise<{ window?: RegressionWindow; error?: unknown }> {
    const { ref, run, report } = request;
    if (run.result === "success" || report.causes.length + report.warnings.length === 0) return {};
    try {
      const { windowFor } = await import("./windows.js");
      const window = await windowFor(
        { ref, report, job: run.job, buildId: run.buildId ?? run.key, ...(run.url ? { url: run.url } : {}), ...(run.result ? { result: run.result } : {}), hints: request.hints },
        settings,
        catalog,
        this.options.windowLimits ?? DEFAULT_WINDOW_LIMITS,
      );
      // The first run of a job, with nothing earlier and nothing unread, has no window worth a section.
      if (!window || (window.buildsLooked === 0 && window.partial.length === 0)) return {};
      return { window };
    } catch (error) {
      return { error };
    }
  }

  /** Pruning and the size gauge, at most hourly and once a minute. Failures here do not fail the triage. */
  private async housekeeping(store: HistoryStore, repository: string | undefined, repoRetentionDays: number | undefined): Promise<void> {
    const now = this.now();
    try {
      if (now - (this.lastPrune.get("") ?? 0) >= PRUNE_EVERY_MS) await this.pruneAll(store);
      if (repository && repoRetentionDays !== undefined && repoRetentionDays < this.retentionDays && now - (this.lastPrune.get(repository) ?? 0) >= PRUNE_EVERY_MS) {
        if (this.lastPrune.size > 10_000) this.lastPrune.clear();
        this.lastPrune.set(repository, now);
        await this.timed("prune", () => store.prune(now - repoRetentionDays * DAY, repository));
      }
      if (this.options.observer && now - this.lastSize >= SIZE_EVERY_MS) {
        this.lastSize = now;
        this.options.observer.size(await this.timed("size", () => store.size()));
      }
    } catch {
      // Counted by timed(); the next triage tries again.
    }
  }

  /**
   * The store's record of each thread's report comment, for publish (see CommentRecord). Store faults
   * propagate: the caller falls back to the thread's listing.
   */
  get ownComments(): CommentRecord {
    return {
      get: async (thread) => (await this.open()).ownComment(thread),
      set: async (thread, id) => (await this.open()).setOwnComment(thread, id, this.now()),
      forget: async (thread, id) => (await this.open()).forgetOwnComment(thread, id),
    };
  }

  async close(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.pruneTimer = undefined;
    const store = this.store;
    this.store = undefined;
    // A prune in flight finishes before its connection goes.
    await this.pruning;
    if (store) await (await store.catch(() => undefined))?.close();
  }
}

function versionsOf(t: Triaged): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of t.diagnosis.versions.slice(0, 20)) out[v.name] = v.version;
  return out;
}

/** SKEWBOT_HISTORY (`off`), DATABASE_URL, SKEWBOT_DATABASE_SCHEMA, SKEWBOT_DATA_DIR, SKEWBOT_HISTORY_RETENTION_DAYS, SKEWBOT_SQLITE_DRIVER, SKEWBOT_WINDOW_*, XDG_STATE_HOME. */
export type HistoryEnv = Readonly<Record<string, string | undefined>>;

/** The data directory: SKEWBOT_DATA_DIR, else $XDG_STATE_HOME/skewbot, else ~/.local/state/skewbot. */
export function dataDir(env: HistoryEnv): string {
  if (env["SKEWBOT_DATA_DIR"]) return env["SKEWBOT_DATA_DIR"];
  return join(env["XDG_STATE_HOME"] || join(homedir(), ".local", "state"), "skewbot");
}

/**
 * History as the environment configures it: PostgreSQL when DATABASE_URL is set, else SQLite in the data
 * directory; undefined when SKEWBOT_HISTORY=off. Throws on invalid settings (a clear start-up error).
 */
export function historyFromEnv(env: HistoryEnv, options: Omit<HistoryOptions, "description" | "retentionDays"> = {}): History | undefined {
  if (/^(0|off|false|no)$/i.test(env["SKEWBOT_HISTORY"] ?? "")) return undefined;
  const rawRetention = env["SKEWBOT_HISTORY_RETENTION_DAYS"];
  const retentionDays = rawRetention === undefined || rawRetention === "" ? DEFAULT_RETENTION_DAYS : Number(rawRetention);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) {
    throw new Error(`SKEWBOT_HISTORY_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "${rawRetention}"`);
  }
  const windowLimits = windowLimitsFromEnv(env);
  if (env["DATABASE_URL"]) {
    const connectionString = env["DATABASE_URL"];
    const schema = env["SKEWBOT_DATABASE_SCHEMA"] || undefined;
    return new History(() => openPostgresStore({ connectionString, ...(schema ? { schema } : {}) }), { ...options, retentionDays, windowLimits, description: "PostgreSQL" });
  }
  const driver: SqliteDriverName = sqliteDriver(env["SKEWBOT_SQLITE_DRIVER"] || undefined);
  const path = join(dataDir(env), "history.sqlite");
  return new History(() => openSqliteStore({ path, driver }), { ...options, retentionDays, windowLimits, description: "SQLite", location: path });
}
