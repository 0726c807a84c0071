import type { Finding, HintRule, LogSource, LogSummary, Report, ScanResult, Signature, Triaged, VersionHint } from "./model.js";
import { Scanner } from "./scan/scanner.js";
import { builtinHints, builtinSignatures, compileCatalog, type CompiledCatalog } from "./signatures/index.js";
import { redactReport } from "./scan/redact.js";
import { logTurns, MAX_LOGS_AT_ONCE, PARALLEL_MIN_BYTES, type LocalFileSource } from "./parallel/limits.js";
import type { StreamScan } from "./parallel/stream-scan.js";

export interface AnalyzeOptions {
  /** Defaults to the built-in catalog; custom signatures are appended by the caller. */
  signatures?: readonly Signature[];
  hints?: readonly HintRule[];
  /** Pass a catalog compiled once to avoid recompiling per triage. */
  catalog?: CompiledCatalog;
  /** Versions known from job metadata (prowjob.json, workflow inputs). */
  knownVersions?: readonly VersionHint[];
  /** Problems met before any log was opened (a reference that could not be resolved). */
  problems?: readonly string[];
  contextLines?: number;
  /**
   * Threads that scan one large local file (`LocalFileSource`), the calling one included; 1 scans on the
   * calling thread only. Files under `parallelMinBytes` are scanned on one thread whatever this says.
   */
  scanThreads?: number;
  parallelMinBytes?: number;
  /** A scan thread that makes no progress this long fails its log. */
  scanThreadTimeoutMs?: number;
  /**
   * Logs that arrive as streams read at once (default: `scanThreads`), when `scanThreads` > 1 and
   * `reopen` is given; at most MAX_LOGS_AT_ONCE, counted over the whole process.
   */
  logsAtOnce?: number;
  /**
   * The same logs opened afresh, with a fresh byte budget: called only when logs read at once met the budget
   * they share, to read them again one after another. Without it, logs are read one after another.
   */
  reopen?: () => Promise<readonly LogSource[]>;
}

/** What reading one log gave: its summary, and the scan's result (what was read of it, when it broke off). */
interface Read {
  summary: LogSummary;
  result: ScanResult;
  /** It met the byte budget its reference shares with other logs (a SourceError of kind "budget"). */
  budget: boolean;
}

let compiledBuiltin: CompiledCatalog | undefined;
/**
 * The built-in catalog, compiled once per process: its anchor automaton costs milliseconds to build, more
 * than scanning a short log, and a compiled catalog holds no state of a scan, so every caller can share it.
 */
function builtinCatalog(): CompiledCatalog {
  compiledBuiltin ??= compileCatalog(builtinSignatures, builtinHints);
  return compiledBuiltin;
}

/**
 * scan → diagnose for every log of one triage. Never throws for a bad log: a log that cannot be
 * opened or breaks off mid-stream becomes a problem line, and what was read of it still counts.
 *
 * Logs that arrive as streams are read several at once when threads are allowed (`scanThreads` > 1), up
 * to the threads and `MAX_LOGS_AT_ONCE` in the whole process, each scanned on its own thread while this
 * one receives them all; local files are scanned first, one after another, each on all the threads. The
 * report is the same as one read after the other: results are kept in the logs' order, and joined only
 * when all are in.
 */
export async function analyze(sources: readonly LogSource[], options: AnalyzeOptions = {}): Promise<Report> {
  const catalog = options.catalog ?? (options.signatures === undefined && options.hints === undefined ? builtinCatalog() : compileCatalog(options.signatures ?? builtinSignatures, options.hints ?? builtinHints));
  let reads = await readAll(sources, catalog, options);
  // Logs read at once share their reference's byte budget in whatever order their bytes arrive, so which
  // of them it cut short depends on timing. When it cut any short, they are read again (afresh, with a new
  // budget) one after another, as a sequential read would have cut them: the report never depends on timing.
  if (reads.concurrent && reads.logs.some((r) => r.budget) && options.reopen) {
    const again = await options.reopen().catch(() => undefined);
    if (again) {
      sources = again;
      reads = await readAll(sources, catalog, { ...options, logsAtOnce: 1 });
    }
  }
  const logs: LogSummary[] = reads.logs.map((r) => r.summary);
  const hints: VersionHint[] = [...(options.knownVersions ?? [])];
  const scanned: { source: LogSource; findings: ReturnType<Scanner["end"]>["findings"] }[] = [];
  sources.forEach((source, i) => {
    const { result } = reads.logs[i]!;
    hints.push(...(source.hints ?? []), ...result.hints);
    scanned.push({ source, findings: result.findings });
  });

  const report: Report = { causes: [], warnings: [], dismissed: [], logs, hints };
  // One message seen in several logs is one finding, listed with the other places.
  const byMessage = new Map<string, Triaged>();
  // The diagnosis (its tables, semver) is loaded only when there is something to diagnose.
  const { diagnose } = scanned.some((s) => s.findings.length > 0) ? await import("./diagnose/index.js") : { diagnose: undefined };
  for (const { source, findings } of scanned) {
    // Versions seen in the same log describe the failing component best, the banners nearest the failure
    // first (a log may hold several kubeadm runs); others follow.
    const own = hints.filter((h) => h.source.startsWith(`${source.name}:`));
    const others = hints.filter((h) => !h.source.startsWith(`${source.name}:`));
    for (const finding of findings) {
      const ordered = [...nearestFirst(own, source.name, finding.line), ...others];
      const signature = catalog.signatures.get(finding.signature);
      if (!signature) continue;
      if (signature.family === "generic" && findings.some((f) => f !== finding && overlaps(f, finding) && catalog.signatures.get(f.signature)?.family !== "generic")) continue;
      const diagnosis = diagnose!(finding, signature, { hints: ordered });
      const link = source.lineLink?.(finding.line);
      const key = `${signature.id}\u0000${finding.match.replace(/\s+/g, " ")}`;
      const seen = byMessage.get(key);
      if (seen) {
        seen.alsoIn.push({ log: finding.log, line: finding.line, count: finding.count, ...(link ? { link } : {}) });
        continue;
      }
      const triaged: Triaged = { finding, diagnosis, signature, ...(link ? { link } : {}), alsoIn: [] };
      byMessage.set(key, triaged);
      if (diagnosis.verdict === "cause") report.causes.push(triaged);
      else if (diagnosis.verdict === "warning") report.warnings.push(triaged);
      else report.dismissed.push(triaged);
    }
  }
  const byImportance = (a: Triaged, b: Triaged) => b.signature.priority - a.signature.priority || b.finding.count - a.finding.count;
  report.causes.sort(byImportance);
  report.warnings.sort(byImportance);
  if (options.problems?.length) logs.unshift({ name: "(references)", problems: [...options.problems], partial: true });
  // Whatever the output format, nothing leaves analysis unredacted: problem lines quote URLs and server
  // answers, diagnoses quote captured values, and the scanner's own redaction sees one line at a time.
  return redactReport(report);
}

/** How many logs may be read at once: several only when each can have a thread and a second read cannot change the result. */
function logsAtOnce(sources: readonly LogSource[], options: AnalyzeOptions): number {
  const threads = options.scanThreads ?? 1;
  const streams = sources.filter((s) => !(s as Partial<LocalFileSource>).localFile).length;
  // Without `reopen` a shared byte budget could not be put right after a concurrent read: one at a time.
  if (threads <= 1 || streams < 2 || !options.reopen) return 1;
  return Math.max(1, Math.min(options.logsAtOnce ?? threads, threads, MAX_LOGS_AT_ONCE, streams));
}

async function readAll(sources: readonly LogSource[], catalog: CompiledCatalog, options: AnalyzeOptions): Promise<{ logs: Read[]; concurrent: boolean }> {
  const lanes = logsAtOnce(sources, options);
  const logs: Read[] = new Array<Read>(sources.length);
  if (lanes <= 1) {
    for (let i = 0; i < sources.length; i++) logs[i] = await readOne(sources[i]!, catalog, options);
    return { logs, concurrent: false };
  }
  // Local files first, one after another (each uses every thread by itself, and scanning one here blocks
  // this thread, which would stall the downloads); then the streams, `lanes` at a time, in order.
  const local = sources.flatMap((s, i) => ((s as Partial<LocalFileSource>).localFile ? [i] : []));
  for (const i of local) logs[i] = await readOne(sources[i]!, catalog, options);
  const streams = sources.flatMap((s, i) => ((s as Partial<LocalFileSource>).localFile ? [] : [i]));
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < streams.length; k = next++) {
      const i = streams[k]!;
      logs[i] = await logTurns.run(lanes, () => readOne(sources[i]!, catalog, options));
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { logs, concurrent: true };
}

/** Reads and scans one log; a log that cannot be read, or breaks off, gives a problem line and what was read. */
async function readOne(source: LogSource, catalog: CompiledCatalog, options: AnalyzeOptions): Promise<Read> {
  const summary: LogSummary = { name: source.name, ...(source.url ? { url: source.url } : {}), problems: [], partial: false };
  let budget = false;
  const problem = (err: unknown) => {
    summary.problems.push(messageOf(err));
    summary.partial = true;
    if ((err as { kind?: unknown } | null)?.kind === "budget") budget = true;
  };
  const scanner = new Scanner({ log: source.name, catalog, ...(options.contextLines !== undefined ? { contextLines: options.contextLines } : {}) });
  let result: ScanResult | undefined;
  let thread: StreamScan | undefined;
  try {
    result = await scanLocalFile(source, catalog, options);
    if (!result) {
      const body = await source.open();
      thread = (options.scanThreads ?? 1) > 1 ? await streamOnThread(source.name, catalog, options) : undefined;
      if (thread) for await (const chunk of body) await thread.push(chunk);
      else for await (const chunk of body) scanner.push(chunk);
    }
  } catch (err) {
    problem(err);
  }
  // What was read of a stream that broke off still counts.
  if (!result && thread && !thread.failed) {
    try {
      result = await thread.end();
    } catch (err) {
      problem(err);
    }
  }
  result ??= scanner.end();
  summary.stats = result.stats;
  if (result.stats.longLines > 0) summary.problems.push(`${result.stats.longLines} over-long line(s) examined only around their matches`);
  if (result.stats.droppedFindings > 0) summary.problems.push(`${result.stats.droppedFindings} further distinct finding(s) not kept`);
  return { summary, result, budget };
}

/**
 * A local file: on several threads when it is large, otherwise read here without a stream. Undefined when
 * the source is not a local file (it is then read as a stream).
 */
async function scanLocalFile(source: LogSource, catalog: CompiledCatalog, options: AnalyzeOptions): Promise<ScanResult | undefined> {
  const file = (source as Partial<LocalFileSource>).localFile;
  if (!file) return undefined;
  const common = { path: file.path, log: source.name, catalog, ...(options.contextLines !== undefined ? { contextLines: options.contextLines } : {}) };
  const threads = options.scanThreads ?? 1;
  const { scanFileHere } = await import("./local-log.js");
  if (threads <= 1 || file.size < (options.parallelMinBytes ?? PARALLEL_MIN_BYTES)) return scanFileHere(common);
  const { scanFileInParallel } = await import("./parallel/file-scan.js");
  // Ranges that cannot be joined exactly (or too few of them): the file on this thread.
  return (await scanFileInParallel({ ...common, threads, ...(options.scanThreadTimeoutMs !== undefined ? { timeoutMs: options.scanThreadTimeoutMs } : {}) })) ?? scanFileHere(common);
}

/** A stream scanned on a scan thread while this one receives it; undefined where there is none to use. */
async function streamOnThread(log: string, catalog: CompiledCatalog, options: AnalyzeOptions): Promise<StreamScan | undefined> {
  const { streamScan } = await import("./parallel/stream-scan.js");
  return streamScan({
    log,
    catalog,
    ...(options.contextLines !== undefined ? { contextLines: options.contextLines } : {}),
    ...(options.scanThreadTimeoutMs !== undefined ? { timeoutMs: options.scanThreadTimeoutMs } : {}),
  });
}

/** Hints of one log by distance to `line`; at equal distance the one before the line first. */
function nearestFirst(hints: readonly VersionHint[], log: string, line: number): VersionHint[] {
  const distance = (h: VersionHint) => {
    const at = Number(h.source.slice(log.length + 1));
    return Number.isFinite(at) ? Math.abs(at - line) * 2 + (at > line ? 1 : 0) : Number.MAX_SAFE_INTEGER;
  };
  return [...hints].sort((a, b) => distance(a) - distance(b));
}

/** The generic layer stays silent on lines that a specific signature already explains. */
function overlaps(a: Finding, b: Finding): boolean {
  return a.line <= b.endLine && b.line <= a.endLine;
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]!.slice(0, 300);
}
