import type { Logger } from "pino";
import type { LogSource, Report } from "./model.js";
import type { SkewbotConfig } from "./config.js";
import { analyze } from "./pipeline.js";
import { appScanThreads } from "./parallel/limits.js";
import type { CompiledCatalog } from "./signatures/index.js";
import { checkBoundary, logRefKey, resolveLogRef, type LogRef, type SourceSettings, type Visibility } from "./sources/index.js";
import { renderMarkdown } from "./report/markdown.js";
import { escapeMarkdown, inlineCode } from "./report/safe.js";
import { redact } from "./scan/redact.js";
import { type OwnComments, sectionKey, upsertReport, type Section } from "./publish/comment.js";
import { applyLabels } from "./publish/labels.js";
import type { GitHubPort, Thread } from "./github/port.js";
import type { History, Remembered } from "./history/index.js";

/**
 * One triage of one thread: what to read and why. Plain data (JSON in, the same JSON out), so that a
 * shared queue can carry it between processes; this is the one place its type is defined.
 */
export interface TriageRequest {
  thread: Thread;
  /** The delivery and event that asked for it, for logs. */
  delivery: string;
  event: string;
  /** The installation whose token reads the repository. */
  installation: number;
  /** Log references, parsed once where they entered and deduplicated by their canonical key. */
  refs: LogRef[];
  /** Log text pasted into an issue or comment. */
  excerpts: { name: string; text: string }[];
  /** A person asked (/triage): answer even when nothing is found. */
  explicit: boolean;
  /** Problems found before triage (refused references), reported in the comment. */
  problems: string[];
  /** Of the thread's repository, from the webhook payload: bounds which repositories' logs may be quoted. */
  visibility: Visibility;
  /** The pull request the triage is about, when the trigger knows (history tells this PR from others). */
  pull?: number;
}

export interface TriageDeps {
  port: GitHubPort;
  /** The report comment's id per thread, kept across triages (and recorded in the store, so that every replica finds it before the listing shows it). */
  ownComments?: OwnComments;
  config: SkewbotConfig;
  settings: SourceSettings;
  catalog: CompiledCatalog;
  log: Logger;
  dryRun: boolean;
  /** Records each job's run and annotates its causes with their recurrence; absent: no history. */
  history?: Pick<History, "remember" | "window">;
  /** Called once the logs are read and analysed, before anything is posted (metrics count reads that way even when posting fails). */
  onRead?: (reports: readonly Report[], fetch: FetchStats) => void;
  /** Threads that scan a build's logs, several logs at once (default: SKEWBOT_SCAN_THREADS, else the cores, at most 4); 1 reads them one after another on this thread. */
  scanThreads?: number;
}

/** What reading the referenced logs took (pasted excerpts are not counted). */
export interface FetchStats {
  /** Bytes of log read, after decompression. */
  bytes: number;
  /** References that were resolved but yielded no log to read: a refused host, not found, an API error. */
  unresolved: number;
  /** Logs that broke off or hit a byte cap while read. */
  broken: number;
}

export interface TriageOutcome {
  comment: "created" | "updated" | "unchanged" | "skipped" | "dry-run";
  labels: string[];
  causes: number;
  warnings: number;
  reports: Report[];
  fetch: FetchStats;
}

const HEADER = "### skewbot: version-skew triage";
const MAX_REFUSALS = 30;
// Room for the job reports within GitHub's 65,536-character comment limit, after the header and notes.
const SECTION_BUDGET = 56_000;

export async function runTriage(req: TriageRequest, deps: TriageDeps): Promise<TriageOutcome> {
  const sections: Section[] = [];
  const reports: Report[] = [];
  const refusals = [...req.problems];
  const rendered: { key: string; report: Report; title: string; url?: string }[] = [];
  const remembered: Remembered[] = [];
  const fetched: FetchStats = { bytes: 0, unresolved: 0, broken: 0 };
  const windows: (() => Promise<boolean>)[] = [];
  const boundary = { repository: `${req.thread.owner}/${req.thread.repo}`, visibility: req.visibility, linked: deps.config.linkedRepositories ?? [] };
  const scanThreads = deps.scanThreads ?? appScanThreads();
  const lookUpVisibility = onceEach((repository: string) => repositoryVisibility(deps.port, repository, deps.log));

  for (const ref of req.refs) {
    const input = ref.input;
    // Before any fetch: a log of another repository is not even looked at.
    const decision = await checkBoundary(ref, boundary, lookUpVisibility);
    if (!decision.allowed) {
      refusals.push(`${shownRef(input)}: ${decision.reason}`);
      continue;
    }
    const resolved = await resolveLogRef(ref, deps.settings);
    if (resolved.sources.length === 0 && !resolved.skipped) {
      // Nothing to read (refused host, not found): a line among the references, not a report of "nothing found".
      fetched.unresolved++;
      refusals.push(...(resolved.problems.length > 0 ? resolved.problems : [`${shownRef(input)}: no logs found`]));
      continue;
    }
    if (resolved.skipped) {
      sections.push({ key: sectionKey(logRefKey(ref)), markdown: `#### ${escapeMarkdown(redact(resolved.title))}\n\n${escapeMarkdown(redact(resolved.skipped))}` });
      continue;
    }
    // A build's logs are read several at once, each scanned on a thread; the report is the one a read of
    // one after the other gives (should the logs' shared byte budget cut any short, they are read again
    // that way, from a fresh resolution: `reopen`).
    const report = await analyze(resolved.sources, {
      catalog: deps.catalog,
      knownVersions: resolved.hints,
      problems: resolved.problems,
      scanThreads,
      reopen: async () => (await resolveLogRef(ref, deps.settings)).sources,
    });
    reports.push(report);
    // A failed CI job with findings: its regression window, from the CI system's own history (not the store).
    // It reads up to 50 earlier builds, so it is computed after the comment is posted and added by an edit.
    if (deps.history && deps.config.history.enabled && resolved.run) {
      const history = deps.history;
      const window = { ref, run: resolved.run, report, hints: resolved.hints };
      windows.push(async () => {
        const { window: found, error } = await history.window(window, deps.settings, deps.catalog);
        if (error !== undefined) deps.log.warn({ err: error }, "regression window failed: reporting without it");
        if (!found) return false;
        report.window = found;
        return true;
      });
    }
    if (resolved.run) remembered.push({ run: { ...resolved.run, ...(resolved.run.pull === undefined && req.pull !== undefined ? { pull: req.pull } : {}) }, report });
    for (const log of report.logs) {
      // The "(references)" entry holds resolution problems and was not read.
      if (!log.stats) continue;
      fetched.bytes += log.stats.bytes;
      if (log.partial) fetched.broken++;
    }
    rendered.push({ key: sectionKey(logRefKey(ref)), report, title: redact(resolved.title), ...(resolved.url ? { url: redact(resolved.url) } : {}) });
  }
  if (req.excerpts.length > 0) {
    const sources: LogSource[] = req.excerpts.map((e) => ({
      name: e.name,
      open: async () =>
        (async function* () {
          yield Buffer.from(e.text);
        })(),
    }));
    const report = await analyze(sources, { catalog: deps.catalog });
    reports.push(report);
    rendered.push({ key: sectionKey(`excerpts:${req.thread.issue_number}`), report, title: "Log excerpts in this thread" });
  }
  if (refusals.length > 0) {
    // First, so that the comment's size limit never drops the explanation of what was not read.
    const listed = refusals.slice(0, MAX_REFUSALS).map((r) => `- ${escapeMarkdown(redact(r).slice(0, 400))}`);
    if (refusals.length > MAX_REFUSALS) listed.push(`- … and ${refusals.length - MAX_REFUSALS} more`);
    sections.unshift({ key: sectionKey(`refused:${req.refs.map(logRefKey).join(" ")}`), markdown: ["#### References not triaged", "", ...listed].join("\n") });
  }
  if (deps.history && deps.config.history.enabled && remembered.length > 0) {
    const { thread } = req;
    const { error } = await deps.history.remember(remembered, {
      windowDays: deps.config.history.window,
      retentionDays: deps.config.history.retentionDays,
      thread: `${thread.owner}/${thread.repo}#${thread.issue_number}`,
    });
    if (error !== undefined) deps.log.warn({ err: error }, "history store unavailable: reporting without history");
  }
  // Each job's report gets an equal share of the comment, so one noisy job cannot crowd out the others.
  const budget = Math.floor(SECTION_BUDGET / Math.max(1, rendered.length));
  const fixed = sections.length;
  const renderReports = (): void => {
    sections.length = fixed;
    for (const r of rendered) {
      sections.push({ key: r.key, markdown: redact(renderMarkdown(r.report, { title: r.title, ...(r.url ? { titleUrl: r.url } : {}), headingLevel: 4, maxChars: budget })) });
    }
  };
  renderReports();
  if (sections.length === 0 && req.explicit) {
    sections.push({ key: sectionKey("nothing"), markdown: `#### Nothing to triage\n\nNo failed checks, CI failure reports or log links were found here. Try ${inlineCode("/skewbot <log URL>")} or ${inlineCode("/skewbot help")}.` });
  }

  // The last word on what is posted or logged: each text above was redacted before it was escaped, and
  // this catches what escaping would have hidden from a pattern (nothing is expected to be left).
  for (const s of sections) s.markdown = redact(s.markdown);
  deps.onRead?.(reports, fetched);

  const causes = reports.reduce((n, r) => n + r.causes.length, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  const flake = reports.some((r) => r.causes.some((c) => c.signature.flake));
  const outcome: TriageOutcome = { comment: "skipped", labels: [], causes, warnings, reports, fetch: fetched };
  if (sections.length === 0) return outcome;

  // Without a finding, an automatic trigger only refreshes a comment that is already there.
  const onlyIfExists = !req.explicit && causes + warnings === 0;
  const wantedLabels = flake && deps.config.labels.enabled ? deps.config.labels.flake : [];
  if (deps.dryRun) {
    if (await addWindows(windows)) renderReports();
    deps.log.info({ thread: req.thread, sections: sections.map((s) => s.markdown), labels: wantedLabels }, "dry run: would post this report");
    return { ...outcome, comment: "dry-run", labels: wantedLabels };
  }
  let comment = await upsertReport(deps.port, req.thread, sections, HEADER, onlyIfExists, deps.ownComments);
  const labels = wantedLabels.length > 0 ? await applyLabels(deps.port, req.thread, wantedLabels) : [];
  // The comment is up; the regression windows follow as an edit of it, so that they never delay the answer.
  if (comment !== "skipped" && (await addWindows(windows))) {
    renderReports();
    try {
      const edited = await upsertReport(deps.port, req.thread, sections, HEADER, true, deps.ownComments);
      if (comment === "unchanged" && edited === "updated") comment = "updated";
    } catch (err) {
      // The report itself is posted; only the window is missing from it.
      deps.log.warn({ err, thread: req.thread }, "could not add the regression window to the posted report");
    }
  }
  return { ...outcome, comment, labels };
}

/** Runs the deferred regression windows one after another; true when any of them found a window. */
async function addWindows(windows: readonly (() => Promise<boolean>)[]): Promise<boolean> {
  let found = false;
  for (const add of windows) if (await add()) found = true;
  return found;
}

/** GET /repos/{owner}/{repo} with the installation token; undefined when GitHub does not answer plainly. */
async function repositoryVisibility(port: GitHubPort, repository: string, log: Logger): Promise<Visibility | undefined> {
  const [owner = "", repo = ""] = repository.split("/");
  try {
    return await port.visibility({ owner, repo });
  } catch (err) {
    log.warn({ err, repository }, "could not look up a linked repository's visibility; its logs are not read");
    return undefined;
  }
}

/** One call per distinct argument: a triage looks a linked repository up once, however many references name it. */
function onceEach<T>(fn: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    const k = key.toLowerCase();
    let p = seen.get(k);
    if (!p) {
      p = fn(key);
      seen.set(k, p);
    }
    return p;
  };
}

/**
 * A reference as the comment may repeat it: a URL without its user, password and query (signed URLs carry
 * their credential there), anything else redacted; either way short enough for one line.
 */
export function shownRef(input: string): string {
  const text = input.trim();
  let shown = text;
  try {
    const u = new URL(text);
    if (u.protocol === "https:" || u.protocol === "http:") shown = `${u.protocol}//${u.host}${u.pathname}${u.search ? "?…" : ""}`;
  } catch {
    // Not a URL (gs://, github:, a typo): redacted below.
  }
  return redact(shown).slice(0, 200);
}
