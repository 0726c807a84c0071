// The history store: what every triage remembers, behind one interface with two backends (SQLite file,
// PostgreSQL) that share these queries. Only normalised, redacted messages and run metadata are stored.
import type { JobRun, Sighting, VersionHint } from "../model.js";

export interface FindingRecord {
  fingerprint: string;
  signature: string;
  verdict: string;
  /** Normalised and redacted. */
  message: string;
  versions: Record<string, string>;
}

export interface RunRecord extends JobRun {
  /** Where the report was posted: `owner/repo#N`. */
  thread?: string;
  logs: string[];
  hints: Pick<VersionHint, "role" | "version" | "source">[];
  findings: FindingRecord[];
  recordedAt: number;
}

export interface StoredRun extends JobRun {
  id: number;
  recordedAt: number;
  thread?: string;
  findings: { fingerprint: string; signature: string; verdict: string; message: string }[];
}

export interface SightingsQuery {
  fingerprint: string;
  /** Start of the recurrence window (ms). */
  since: number;
  /** The run being reported: its job, pull request and head sha tell "other" from "this". */
  run: Pick<JobRun, "job" | "repository" | "pull" | "headSha">;
  /**
   * `owner/repo` of the thread the report goes to: only runs reported in that repository's threads, or runs
   * of that repository, count. Sightings name their repository, job, pull request and link, so another
   * repository's would cross the repository boundary (a private one's, told on a public thread).
   */
  scope?: string;
}

/** Raw facts about one fingerprint; recurrence.ts turns them into a classification. */
export interface SightingStats {
  runs: number;
  jobs: number;
  pulls: number;
  baseRuns: number;
  first?: Sighting;
  last?: Sighting;
  /** Earliest sighting within retention, outside the window too. */
  firstEver?: number;
  otherPulls: Sighting[];
  /** Recorded runs of this job since the fingerprint first appeared in it, and those that carried it. */
  jobRunsSinceFirst: number;
  jobRunsWithIt: number;
  /** Runs of this job with this pull request (or none) that carried it. */
  samePullRuns: number;
  /** A passing run of the same job at the same head sha. */
  passed?: Sighting;
}

export interface StoreSize {
  runs: number;
  findings: number;
}

export interface HistoryStore {
  readonly backend: "sqlite" | "postgres";
  /** Creates or updates (same key: a re-triage of the same run) a run and replaces its findings. */
  record(run: RunRecord): Promise<{ id: number; recordedAt: number }>;
  sightings(query: SightingsQuery): Promise<SightingStats>;
  /** The most recent runs of a job, newest first. */
  runsOfJob(job: string, limit: number): Promise<StoredRun[]>;
  /** Runs at one head sha (of one repository) that did not pass, newest first, without their findings. */
  failuresAt(headSha: string, repository: string, limit: number): Promise<StoredRun[]>;
  /** Deletes runs recorded before `before` (of one repository when given); returns how many. */
  prune(before: number, repository?: string): Promise<number>;
  size(): Promise<StoreSize>;
  /** The bot's report comment in a thread (`owner/repo#N`), as recorded when it was created. */
  ownComment(thread: string): Promise<number | undefined>;
  /** Records (or moves) a thread's report comment. */
  setOwnComment(thread: string, commentId: number, at: number): Promise<void>;
  /** Forgets a thread's report comment, only if it is still `commentId` (it was deleted on GitHub). */
  forgetOwnComment(thread: string, commentId: number): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// The shared SQL. `?` placeholders; the PostgreSQL backend numbers them.

export interface Executor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface Backend extends Executor {
  readonly kind: "sqlite" | "postgres";
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MAX_FINDINGS_PER_RUN = 200;
const MAX_MESSAGE = 500;
const RUN_COLUMNS =
  "run_key, source, job, repository, build_id, pull, head_sha, base_ref, branch, run_type, result, started_at, finished_at, url, thread, logs, hints, recorded_at";

type Row = Record<string, unknown>;

const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

function sightingOf(row: Row | undefined): Sighting | undefined {
  if (!row) return undefined;
  const s: Sighting = { at: Number(row["at"]), job: String(row["job"]) };
  const url = str(row["url"]);
  const repository = str(row["repository"]);
  const pull = num(row["pull"]);
  const buildId = str(row["build_id"]);
  if (url) s.url = url;
  if (repository) s.repository = repository;
  if (pull !== undefined) s.pull = pull;
  if (buildId) s.buildId = buildId;
  return s;
}

function runOf(row: Row): StoredRun {
  const run: StoredRun = {
    id: Number(row["id"]),
    key: String(row["run_key"]),
    source: String(row["source"]) as JobRun["source"],
    job: String(row["job"]),
    recordedAt: Number(row["recorded_at"]),
    findings: [],
  };
  const optional: [keyof StoredRun, unknown][] = [
    ["repository", str(row["repository"])],
    ["buildId", str(row["build_id"])],
    ["pull", num(row["pull"])],
    ["headSha", str(row["head_sha"])],
    ["baseRef", str(row["base_ref"])],
    ["branch", str(row["branch"])],
    ["type", str(row["run_type"])],
    ["result", str(row["result"])],
    ["startedAt", num(row["started_at"])],
    ["finishedAt", num(row["finished_at"])],
    ["url", str(row["url"])],
    ["thread", str(row["thread"])],
  ];
  for (const [k, v] of optional) if (v !== undefined) (run as unknown as Record<string, unknown>)[k] = v;
  return run;
}

const SIGHTING = "f.recorded_at AS at, r.job, r.url, r.repository, r.pull, r.build_id";

export class SqlHistoryStore implements HistoryStore {
  constructor(private readonly db: Backend) {}

  get backend(): "sqlite" | "postgres" {
    return this.db.kind;
  }

  async record(run: RunRecord): Promise<{ id: number; recordedAt: number }> {
    const values = [
      run.key,
      run.source,
      run.job,
      run.repository ?? null,
      run.buildId ?? null,
      run.pull ?? null,
      run.headSha ?? null,
      run.baseRef ?? null,
      run.branch ?? null,
      run.type ?? null,
      run.result ?? null,
      run.startedAt ?? null,
      run.finishedAt ?? null,
      run.url ?? null,
      run.thread ?? null,
      JSON.stringify(run.logs.slice(0, 100)),
      JSON.stringify(run.hints.slice(0, 100).map((h) => ({ role: h.role, version: h.version, source: h.source }))),
      run.recordedAt,
    ];
    const findings = run.findings.slice(0, MAX_FINDINGS_PER_RUN);
    return this.db.transaction(async (tx) => {
      // A re-triage of the same run keeps when it was first recorded and replaces what it found.
      const [row] = await tx.all<Row>(
        `INSERT INTO runs (${RUN_COLUMNS}) VALUES (${values.map(() => "?").join(", ")})
         ON CONFLICT (run_key) DO UPDATE SET source = excluded.source, job = excluded.job, repository = excluded.repository,
           build_id = excluded.build_id, pull = excluded.pull, head_sha = excluded.head_sha, base_ref = excluded.base_ref,
           branch = excluded.branch, run_type = excluded.run_type, result = excluded.result, started_at = excluded.started_at,
           finished_at = excluded.finished_at, url = excluded.url, thread = COALESCE(excluded.thread, runs.thread),
           logs = excluded.logs, hints = excluded.hints
         RETURNING id, recorded_at`,
        values,
      );
      const id = Number(row!["id"]);
      const recordedAt = Number(row!["recorded_at"]);
      await tx.run("DELETE FROM findings WHERE run_id = ?", [id]);
      for (let i = 0; i < findings.length; i += 50) {
        const batch = findings.slice(i, i + 50);
        await tx.run(
          `INSERT INTO findings (run_id, fingerprint, signature, verdict, message, versions, recorded_at) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
          batch.flatMap((f) => [id, f.fingerprint, f.signature, f.verdict, f.message.slice(0, MAX_MESSAGE), JSON.stringify(f.versions), recordedAt]),
        );
      }
      return { id, recordedAt };
    });
  }

  async sightings(q: SightingsQuery): Promise<SightingStats> {
    const { fingerprint: fp, since, run } = q;
    const scope = q.scope?.toLowerCase();
    // Compared by prefix length, not LIKE: "_" in a repository name would be a wildcard there.
    const inScope = scope === undefined ? "" : " AND (LOWER(SUBSTR(COALESCE(r.thread, ''), 1, ?)) = ? OR LOWER(COALESCE(r.repository, '')) = ?)";
    const inWindow = `FROM findings f JOIN runs r ON r.id = f.run_id WHERE f.fingerprint = ? AND f.recorded_at >= ?${inScope}`;
    const scoped = (...params: unknown[]) => [fp, since, ...(scope === undefined ? [] : [scope.length + 1, `${scope}#`, scope]), ...params];
    const [agg] = await this.db.all<Row>(
      `SELECT COUNT(DISTINCT f.run_id) AS runs, COUNT(DISTINCT r.job) AS jobs,
         COUNT(DISTINCT CASE WHEN r.pull IS NOT NULL THEN COALESCE(r.repository, '') || '#' || CAST(r.pull AS TEXT) END) AS pulls,
         COUNT(DISTINCT CASE WHEN r.pull IS NULL THEN r.id END) AS base_runs
       ${inWindow}`,
      scoped(),
    );
    const [first] = await this.db.all<Row>(`SELECT ${SIGHTING} ${inWindow} ORDER BY f.recorded_at ASC, f.id ASC LIMIT 1`, scoped());
    const [last] = await this.db.all<Row>(`SELECT ${SIGHTING} ${inWindow} ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1`, scoped());
    const [ever] =
      scope === undefined
        ? await this.db.all<Row>("SELECT MIN(recorded_at) AS at FROM findings WHERE fingerprint = ?", [fp])
        : await this.db.all<Row>(`SELECT MIN(f.recorded_at) AS at FROM findings f JOIN runs r ON r.id = f.run_id WHERE f.fingerprint = ?${inScope}`, [fp, scope.length + 1, `${scope}#`, scope]);
    // Newest first; one row per other pull request. Bounded: the dedupe happens over at most 200 rows.
    const others = await this.db.all<Row>(
      `SELECT ${SIGHTING} ${inWindow} AND r.pull IS NOT NULL AND NOT (r.pull = ? AND COALESCE(r.repository, '') = ?)
       ORDER BY f.recorded_at DESC LIMIT 200`,
      scoped(run.pull ?? -1, run.repository ?? ""),
    );
    const otherPulls: Sighting[] = [];
    const seen = new Set<string>();
    for (const row of others) {
      const s = sightingOf(row)!;
      const key = `${s.repository ?? ""}#${s.pull}`;
      if (seen.has(key)) continue;
      seen.add(key);
      otherPulls.push(s);
      if (otherPulls.length === 3) break;
    }
    const [firstInJob] = await this.db.all<Row>(
      "SELECT MIN(f.recorded_at) AS at, COUNT(DISTINCT f.run_id) AS n FROM findings f JOIN runs r ON r.id = f.run_id WHERE f.fingerprint = ? AND r.job = ?",
      [fp, run.job],
    );
    const firstAt = num(firstInJob?.["at"]);
    const [jobRuns] =
      firstAt === undefined
        ? [{ n: 0 }]
        : await this.db.all<Row>("SELECT COUNT(*) AS n FROM runs WHERE job = ? AND recorded_at >= ?", [run.job, firstAt]);
    const samePull = await this.db.all<Row>(
      `SELECT COUNT(DISTINCT f.run_id) AS n FROM findings f JOIN runs r ON r.id = f.run_id
       WHERE f.fingerprint = ? AND r.job = ? AND COALESCE(r.pull, -1) = ? AND COALESCE(r.repository, '') = ?`,
      [fp, run.job, run.pull ?? -1, run.repository ?? ""],
    );
    const [passed] = run.headSha
      ? await this.db.all<Row>(
          "SELECT COALESCE(r.finished_at, r.recorded_at) AS at, r.job, r.url, r.repository, r.pull, r.build_id FROM runs r WHERE r.job = ? AND r.head_sha = ? AND r.result = 'success' ORDER BY r.recorded_at DESC LIMIT 1",
          [run.job, run.headSha],
        )
      : [];
    const stats: SightingStats = {
      runs: Number(agg?.["runs"] ?? 0),
      jobs: Number(agg?.["jobs"] ?? 0),
      pulls: Number(agg?.["pulls"] ?? 0),
      baseRuns: Number(agg?.["base_runs"] ?? 0),
      otherPulls,
      jobRunsSinceFirst: Number(jobRuns?.["n"] ?? 0),
      jobRunsWithIt: Number(firstInJob?.["n"] ?? 0),
      samePullRuns: Number(samePull[0]?.["n"] ?? 0),
    };
    const f = sightingOf(first);
    const l = sightingOf(last);
    const p = sightingOf(passed);
    const e = num(ever?.["at"]);
    if (f) stats.first = f;
    if (l) stats.last = l;
    if (p) stats.passed = p;
    if (e !== undefined) stats.firstEver = e;
    return stats;
  }

  async runsOfJob(job: string, limit: number): Promise<StoredRun[]> {
    const rows = await this.db.all<Row>(`SELECT id, ${RUN_COLUMNS} FROM runs WHERE job = ? ORDER BY recorded_at DESC, id DESC LIMIT ?`, [job, limit]);
    const runs = rows.map(runOf);
    if (runs.length === 0) return runs;
    const byId = new Map(runs.map((r) => [r.id, r]));
    const findings = await this.db.all<Row>(
      `SELECT run_id, fingerprint, signature, verdict, message FROM findings WHERE run_id IN (${runs.map(() => "?").join(", ")}) ORDER BY id`,
      runs.map((r) => r.id),
    );
    for (const f of findings) {
      byId.get(Number(f["run_id"]))?.findings.push({
        fingerprint: String(f["fingerprint"]),
        signature: String(f["signature"]),
        verdict: String(f["verdict"]),
        message: String(f["message"]),
      });
    }
    return runs;
  }

  async failuresAt(headSha: string, repository: string, limit: number): Promise<StoredRun[]> {
    const rows = await this.db.all<Row>(
      `SELECT id, ${RUN_COLUMNS} FROM runs WHERE head_sha = ? AND repository = ? AND (result IS NULL OR result <> 'success') ORDER BY recorded_at DESC, id DESC LIMIT ?`,
      [headSha, repository, limit],
    );
    return rows.map(runOf);
  }

  async prune(before: number, repository?: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      // Findings first, by run: SQLite only cascades with foreign_keys on, and this keeps both backends alike.
      const scope = repository === undefined ? "recorded_at < ?" : "recorded_at < ? AND repository = ?";
      const params = repository === undefined ? [before] : [before, repository];
      await tx.run(`DELETE FROM findings WHERE run_id IN (SELECT id FROM runs WHERE ${scope})`, params);
      return tx.run(`DELETE FROM runs WHERE ${scope}`, params);
    });
  }

  async size(): Promise<StoreSize> {
    const [runs] = await this.db.all<Row>("SELECT COUNT(*) AS n FROM runs");
    const [findings] = await this.db.all<Row>("SELECT COUNT(*) AS n FROM findings");
    return { runs: Number(runs?.["n"] ?? 0), findings: Number(findings?.["n"] ?? 0) };
  }

  async ownComment(thread: string): Promise<number | undefined> {
    const [row] = await this.db.all<Row>("SELECT comment_id FROM own_comments WHERE thread = ?", [thread]);
    return num(row?.["comment_id"]);
  }

  async setOwnComment(thread: string, commentId: number, at: number): Promise<void> {
    await this.db.run(
      "INSERT INTO own_comments (thread, comment_id, updated_at) VALUES (?, ?, ?) ON CONFLICT (thread) DO UPDATE SET comment_id = excluded.comment_id, updated_at = excluded.updated_at",
      [thread, commentId, at],
    );
  }

  async forgetOwnComment(thread: string, commentId: number): Promise<void> {
    await this.db.run("DELETE FROM own_comments WHERE thread = ? AND comment_id = ?", [thread, commentId]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
