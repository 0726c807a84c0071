// The regression window: for a failing job, the last run that passed and the first run that failed the same
// way, and the versions that changed between them. Computed on demand from the CI system's own history
// (Prow's storage, the Actions API) through an adapter, so it works without any recorded history.
// Bounded: builds looked at, logs scanned, parallel metadata reads, a time budget; what could not be read
// is listed and the window says it is partial.
import type { RegressionWindow, VersionChange, VersionHint, WindowBuild } from "../model.js";

export type { RegressionWindow, VersionChange, WindowBuild } from "../model.js";

export interface BuildRef {
  id: string;
  url?: string;
}

export interface BuildMeta {
  /** Lower-case: success, failure, error, aborted, pending, … ; undefined when unknown. */
  result?: string;
  startedAt?: number;
  /** Versions from metadata (job version, prowjob env, node image). */
  hints: VersionHint[];
}

export interface BuildScan {
  fingerprints: ReadonlySet<string>;
  /** Versions read from the logs (component banners). */
  hints: VersionHint[];
  logs: number;
  problems: string[];
}

/** How one CI system lists a job's earlier runs and reads them. */
export interface BuildHistory {
  /** What the CI system calls one run of a job, for the summary: Prow's "build", Actions' "run". */
  noun?: string;
  /** Earlier runs of the job, newest first, without the current one; at most `max`. */
  list(max: number): Promise<{ builds: BuildRef[]; problems: string[] }>;
  meta(build: BuildRef): Promise<BuildMeta>;
  scan(build: BuildRef): Promise<BuildScan>;
}

export interface WindowLimits {
  /** Earlier builds whose metadata is read. */
  maxBuilds: number;
  /** Builds whose logs are scanned (bisection and the boundary builds). */
  maxScans: number;
  /** Metadata reads at once. */
  concurrency: number;
  /** Wall-clock budget (ms) from the start. */
  timeBudgetMs: number;
}

export const DEFAULT_WINDOW_LIMITS: WindowLimits = { maxBuilds: 50, maxScans: 10, concurrency: 8, timeBudgetMs: 60_000 };

/**
 * The limits as the environment sets them (SKEWBOT_WINDOW_MAX_BUILDS, _MAX_SCANS, _CONCURRENCY,
 * _TIME_BUDGET_MS), for the app and the CLI alike. Throws on a value out of range (a clear start-up error).
 */
export function windowLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): WindowLimits {
  const out: WindowLimits = { ...DEFAULT_WINDOW_LIMITS };
  const read = (name: string, key: keyof WindowLimits, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max}`);
    out[key] = n;
  };
  read("SKEWBOT_WINDOW_MAX_BUILDS", "maxBuilds", 200);
  read("SKEWBOT_WINDOW_MAX_SCANS", "maxScans", 30);
  read("SKEWBOT_WINDOW_CONCURRENCY", "concurrency", 32);
  read("SKEWBOT_WINDOW_TIME_BUDGET_MS", "timeBudgetMs", 600_000);
  return out;
}

const passed = (r: string | undefined) => r === "success";
const failed = (r: string | undefined) => r === "failure" || r === "error" || r === "timed_out";

function versionsOf(hints: readonly VersionHint[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of hints) if (!(h.role in out)) out[h.role] = h.version;
  return out;
}

/** Role by role, what differs (a role only one side has counts as a change too). */
export function versionChanges(before: Record<string, string>, after: Record<string, string>): VersionChange[] {
  const roles = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: VersionChange[] = [];
  for (const role of roles) {
    const from = before[role];
    const to = after[role];
    if (from === to) continue;
    out.push({ role, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return out;
}

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  });
  await Promise.all(workers);
  return out;
}

function describeBuild(b: WindowBuild): string {
  const v = b.versions["server"] ?? b.versions["kubernetes"] ?? b.versions["node-image"] ?? Object.values(b.versions)[0];
  return `${b.id}${v ? ` (${v})` : ""}`;
}

/**
 * Finds the window. `current` is the failing run and the fingerprints found in it; the window looks for the
 * first earlier run with one of them (normally the first cause).
 */
export async function regressionWindow(
  history: BuildHistory,
  current: { job: string; build: BuildRef; fingerprints: readonly string[]; hints: readonly VersionHint[]; result?: string },
  limits: WindowLimits = DEFAULT_WINDOW_LIMITS,
  now: () => number = Date.now,
): Promise<RegressionWindow> {
  const deadline = now() + limits.timeBudgetMs;
  const partial: string[] = [];
  const fingerprint = current.fingerprints[0];
  const currentBuild: WindowBuild = { id: current.build.id, ...(current.build.url ? { url: current.build.url } : {}), ...(current.result ? { result: current.result } : {}), versions: versionsOf(current.hints) };
  const window: RegressionWindow = { job: current.job, current: currentBuild, changed: [], buildsLooked: 0, logsScanned: 0, partial, summary: "", ...(fingerprint ? { fingerprint } : {}) };

  const listed = await history.list(limits.maxBuilds).catch((err: unknown) => ({ builds: [] as BuildRef[], problems: [`the job's earlier builds could not be listed: ${messageOf(err)}`] }));
  partial.push(...listed.problems);
  const builds = listed.builds.slice(0, limits.maxBuilds);
  let late = false;
  const metas = await mapBounded(builds, limits.concurrency, async (b): Promise<BuildMeta | undefined> => {
    if (now() > deadline) {
      late = true;
      return undefined;
    }
    try {
      return await history.meta(b);
    } catch (err) {
      partial.push(`build ${b.id}: metadata not read (${messageOf(err)})`);
      return undefined;
    }
  });
  window.buildsLooked = metas.filter(Boolean).length;
  if (late) partial.push(`time budget of ${Math.round(limits.timeBudgetMs / 1000)} s reached: ${metas.filter((m) => !m).length} build(s) not looked at`);

  const entry = (i: number, scan?: BuildScan): WindowBuild => {
    const b = builds[i]!;
    const m = metas[i];
    return {
      id: b.id,
      ...(b.url ? { url: b.url } : {}),
      ...(m?.result ? { result: m.result } : {}),
      ...(m?.startedAt ? { startedAt: m.startedAt } : {}),
      versions: versionsOf([...(m?.hints ?? []), ...(scan?.hints ?? [])]),
    };
  };
  const scans = new Map<number, BuildScan | undefined>();
  const scan = async (i: number): Promise<BuildScan | undefined> => {
    if (scans.has(i)) return scans.get(i);
    if (scans.size >= limits.maxScans || now() > deadline) {
      if (!partial.some((p) => p.startsWith("scan limit"))) partial.push(`scan limit reached (${limits.maxScans} builds or the time budget): the window may be wider than shown`);
      return undefined;
    }
    let result: BuildScan | undefined;
    try {
      result = await history.scan(builds[i]!);
      window.logsScanned += result.logs;
      partial.push(...result.problems.map((p) => `build ${builds[i]!.id}: ${p}`));
    } catch (err) {
      partial.push(`build ${builds[i]!.id}: logs not read (${messageOf(err)})`);
    }
    scans.set(i, result);
    return result;
  };

  const good = metas.findIndex((m) => passed(m?.result));
  // Newer failures than the last good build: indices 0 … good-1 (newest first).
  const failures = (good === -1 ? metas : metas.slice(0, good)).map((m, i) => (failed(m?.result) ? i : -1)).filter((i) => i >= 0);
  if (good >= 0) window.lastGood = entry(good, await scan(good));

  if (fingerprint && failures.length > 0) {
    // Bisect for the oldest failure with the fingerprint, assuming that once it appears it stays.
    let lo = 0;
    let hi = failures.length - 1;
    let oldestWith: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = await scan(failures[mid]!);
      if (!s) break;
      if (s.fingerprints.has(fingerprint)) {
        oldestWith = failures[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (oldestWith !== undefined) window.firstBad = entry(oldestWith, scans.get(oldestWith));
  }
  // The current run is the first bad one when no earlier failure carried the fingerprint.
  window.firstBad ??= { ...currentBuild };
  if (window.lastGood) window.changed = versionChanges(window.lastGood.versions, window.firstBad.versions);
  window.summary = summarise(window, builds.length, good === -1, history.noun ?? "build");
  return window;
}

function summarise(w: RegressionWindow, listed: number, noneGood: boolean, noun: string): string {
  const bad = w.firstBad!;
  const firstBadText = bad.id === w.current.id ? `this ${noun} ${describeBuild(bad)} is the first that failed this way` : `first bad ${noun} ${describeBuild(bad)}`;
  if (!w.lastGood) {
    const why = listed === 0 ? (w.partial.length > 0 ? `no earlier ${noun} could be listed` : `no earlier ${noun} of the job in storage`) : noneGood ? `no passing ${noun} among the last ${listed}` : `no passing ${noun} found`;
    return `${why}: ${firstBadText}${w.partial.length > 0 ? " (partial window)" : ""}.`;
  }
  const changes = w.changed.filter((c) => c.from && c.to);
  const changedText =
    w.changed.length === 0
      ? "no version in the metadata or the scanned logs changed between them"
      : `changed between them: ${w.changed.map((c) => `${c.role} ${c.from ?? "(none)"} → ${c.to ?? "(none)"}`).join(", ")}`;
  const kube = changes.find((c) => ["server", "kubernetes", "kubeadm", "kubelet", "binary", "node-image"].includes(c.role));
  const verdict = kube ? "; the Kubernetes build changed between them" : "";
  return `last good ${noun} ${describeBuild(w.lastGood)} → ${firstBadText}: ${changedText}${verdict}${w.partial.length > 0 ? " (partial window)" : ""}.`;
}

function messageOf(err: unknown): string {
  return ((err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "").slice(0, 200);
}
