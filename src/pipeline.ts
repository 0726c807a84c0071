import type { Finding, HintRule, LogSource, LogSummary, Report, ScanResult, Signature, Triaged, VersionHint } from "./model.js";
import { Scanner } from "./scan/scanner.js";
import { builtinHints, builtinSignatures, compileCatalog, type CompiledCatalog } from "./signatures/index.js";
import { redactReport } from "./scan/redact.js";
import { PARALLEL_MIN_BYTES, type LocalFileSource } from "./parallel/limits.js";
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
}


/**
 * scan → diagnose for every log of one triage. Never throws for a bad log: a log that cannot be
 * opened or breaks off mid-stream becomes a problem line, and what was read of it still counts.
 */
export async function analyze(sources: readonly LogSource[], options: AnalyzeOptions = {}): Promise<Report> {
  const catalog = options.catalog ?? compileCatalog(options.signatures ?? builtinSignatures, options.hints ?? builtinHints);
  const logs: LogSummary[] = [];
  const hints: VersionHint[] = [...(options.knownVersions ?? [])];
  const scanned: { source: LogSource; findings: ReturnType<Scanner["end"]>["findings"] }[] = [];

  for (const source of sources) {
    const summary: LogSummary = { name: source.name, ...(source.url ? { url: source.url } : {}), problems: [], partial: false };
    logs.push(summary);
    hints.push(...(source.hints ?? []));
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
      summary.problems.push(messageOf(err));
      summary.partial = true;
    }
    // What was read of a stream that broke off still counts.
    if (!result && thread && !thread.failed) {
      try {
        result = await thread.end();
      } catch (err) {
        summary.problems.push(messageOf(err));
        summary.partial = true;
      }
    }
    result ??= scanner.end();
    summary.stats = result.stats;
    if (result.stats.longLines > 0) summary.problems.push(`${result.stats.longLines} over-long line(s) examined only around their matches`);
    if (result.stats.droppedFindings > 0) summary.problems.push(`${result.stats.droppedFindings} further distinct finding(s) not kept`);
    hints.push(...result.hints);
    scanned.push({ source, findings: result.findings });
  }

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
