#!/usr/bin/env node
import { createReadStream, realpathSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { JobRun, LogSource, Report, Signature, VersionHint } from "./model.js";
import type { LogRef, SourceSettings } from "./sources/index.js";
import type { CompiledCatalog } from "./signatures/index.js";
import { gunzipFile, isGzipFile } from "./local-log.js";
import { idleCores, PARALLEL_MIN_BYTES, type LocalFileSource } from "./parallel/limits.js";

// Start-up is most of what a short analysis costs: modules are loaded when a command needs them
// (sources/ only for URLs, history only with --history, one renderer for the format asked), not all at the top.

/** Exit codes, documented in README.md. */
export const EXIT = { NOTHING_FOUND: 0, CAUSE_FOUND: 1, CANNOT_ANALYSE: 2, INCOMPLETE: 3 } as const;

const USAGE = `Usage:
  skewbot analyze <log>… [--format text|markdown|json] [--signatures custom.json] [--context N] [--jobs N] [--history]
  skewbot history <job or build> [--format text|markdown|json] [--window DAYS]

  <log> is a file, - for standard input, a Prow job (Spyglass view URL, gcsweb URL, storage URL or
  gs://bucket/path), a GitHub Actions job or run URL (GITHUB_TOKEN is used when set), or an https URL.
  --history records the first CI job among them in the history store (SKEWBOT_DATA_DIR or DATABASE_URL),
  says how often each cause was seen before, and adds the regression window: the job's last passing and
  first failing run and the versions that changed between them. \`history\` prints only that, for one build
  (or a job directory such as gs://bucket/logs/<job>, meaning its latest build).
  --jobs N scans a large local file on N threads (default: the idle cores, at most 4; SKEWBOT_SCAN_THREADS);
  --jobs 1 scans on one thread. The report is the same either way.
  skewbot signatures [--format text|json]
  skewbot --help | --version

Exit codes: 0 no failure cause found (warnings may be printed), 1 version-skew failure cause found,
2 could not analyse (the reason is printed on stderr), 3 no cause found but a log was not read in full
(byte cap, timeout, reset, corrupt compressed data: the report lists why).`;

export class UsageError extends Error {}

type Format = "text" | "markdown" | "json";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: AsyncIterable<Uint8Array | string>;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    io.stderr(`skewbot: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    if (err instanceof UsageError) io.stderr(`${USAGE}\n`);
    return EXIT.CANNOT_ANALYSE;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "text" },
        signatures: { type: "string" },
        context: { type: "string" },
        history: { type: "boolean" },
        window: { type: "string" },
        jobs: { type: "string", short: "j" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.NOTHING_FOUND;
  }
  if (values.version) {
    io.stdout(`${await packageVersion()}\n`);
    return EXIT.NOTHING_FOUND;
  }
  const format = values.format as Format;
  if (!["text", "markdown", "json"].includes(format)) throw new UsageError(`unknown --format "${values.format}" (text, markdown or json)`);
  const [command, ...refs] = positionals;
  const threads = scanThreads(values.jobs, io.env ?? process.env);
  if (command === "analyze") await prestartScanThreads(refs, threads);

  const { builtinHints, builtinSignatures, compileCatalog } = await import("./signatures/index.js");
  // Custom signatures come compiled with the built-in catalog: compiled once, not once to check and again to scan.
  const custom = values.signatures ? await readCustomSignatures(values.signatures) : undefined;
  const signatures = [...builtinSignatures, ...(custom?.signatures ?? [])];
  if (command === "signatures") {
    io.stdout(format === "json" ? `${JSON.stringify(signatures, null, 2)}\n` : signatures.map((s) => `${s.id.padEnd(40)} ${s.severity.padEnd(8)} ${s.family.padEnd(14)} ${s.title}`).join("\n") + "\n");
    return EXIT.NOTHING_FOUND;
  }
  if (command !== "analyze" && command !== "history") throw new UsageError(command ? `unknown command "${command}"` : "missing command");
  if (command === "history" && refs.length !== 1) throw new UsageError("history takes one job or build: a Prow build or job URL, gs://bucket/path, or an Actions job or run URL");
  if (refs.length === 0) throw new UsageError("analyze needs a log: a file path, or - for standard input");
  const withHistory = command === "history" || values.history === true;
  const windowDays = values.window === undefined ? (withHistory ? (await import("./history/index.js")).DEFAULT_WINDOW_DAYS : 1) : Number(values.window);
  if (!(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 90)) throw new UsageError("--window takes a whole number of days from 1 to 90");
  const env = io.env ?? process.env;

  const contextLines = values.context === undefined ? undefined : Number(values.context);
  if (contextLines !== undefined && !(Number.isInteger(contextLines) && contextLines >= 0 && contextLines <= 20)) {
    throw new UsageError("--context takes a whole number from 0 to 20");
  }
  if (command === "history" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(refs[0]!)) throw new UsageError("history needs a CI job or build URL, not a file");
  const opened = await openReferences(refs, io, env);
  const catalog = custom?.catalog ?? compileCatalog(signatures, builtinHints);
  const { analyze } = await import("./pipeline.js");
  const report = await analyze(opened.sources, {
    catalog,
    knownVersions: opened.hints,
    problems: opened.problems,
    ...(contextLines !== undefined ? { contextLines } : {}),
    ...threads,
    // Several logs are read at once; should a reference's shared byte budget cut one short, all are read again
    // one after another (standard input cannot be read twice: with it, they are read one after another).
    ...(refs.includes("-") ? {} : { reopen: async () => (await openReferences(refs, io, env)).sources }),
  });

  // Nothing could be read at all: that is "could not analyse", not "found nothing".
  const unread = report.logs.filter((l) => !l.stats || (l.stats.bytes === 0 && l.problems.length > 0));
  if (unread.length === report.logs.length && report.causes.length === 0) {
    throw new Error(report.logs.flatMap((l) => l.problems.map((p) => `${l.name}: ${p}`)).join("; ") || "nothing could be read");
  }

  if (withHistory) await addHistory(report, opened, { env, windowDays, catalog, stderr: io.stderr });

  io.stdout(await render(report, format, command === "history"));
  if (command === "history") return EXIT.NOTHING_FOUND;
  if (report.causes.length > 0) return EXIT.CAUSE_FOUND;
  // "Nothing found" would be a claim about bytes that were never read.
  return report.logs.some((l) => l.partial) ? EXIT.INCOMPLETE : EXIT.NOTHING_FOUND;
}

async function render(report: Report, format: Format, historyOnly: boolean): Promise<string> {
  if (format === "json") {
    const [{ renderJson }, { summaryLine }] = await Promise.all([import("./report/json.js"), import("./report/common.js")]);
    return renderJson(report, summaryLine(report));
  }
  if (format === "markdown") return (await import("./report/markdown.js")).renderMarkdown(report);
  const { renderHistoryText, renderText } = await import("./report/text.js");
  return historyOnly ? renderHistoryText(report) : renderText(report);
}

/** Records the first CI job in the history store, annotates recurrence, and computes its regression window. */
async function addHistory(
  report: Report,
  opened: Opened,
  options: { env: NodeJS.ProcessEnv; windowDays: number; catalog: CompiledCatalog; stderr: (s: string) => void },
): Promise<void> {
  const [{ historyFromEnv }, { windowFor }, { windowLimitsFromEnv }] = await Promise.all([import("./history/index.js"), import("./history/windows.js"), import("./history/window.js")]);
  const job = opened.jobs[0];
  if (!job || !opened.settings) {
    report.history = { status: "unavailable", note: "No CI job among the logs (files and plain URLs have no job history): no recurrence or regression window." };
    return;
  }
  let history;
  try {
    history = historyFromEnv(options.env);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (history) {
    const { error } = await history.remember([{ run: job.run, report }], { windowDays: options.windowDays });
    if (error !== undefined) options.stderr(`skewbot: history store unavailable: ${(error as Error).message?.split("\n")[0] ?? String(error)}\n`);
    await history.close().catch(() => undefined);
  }
  let limits;
  try {
    limits = windowLimitsFromEnv(options.env);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const window = await windowFor(
    { ref: job.ref, report, job: job.run.job, buildId: job.run.buildId ?? job.run.key, ...(job.run.url ? { url: job.run.url } : {}), ...(job.run.result ? { result: job.run.result } : {}), hints: opened.hints },
    opened.settings,
    options.catalog,
    limits,
  );
  if (window) report.window = window;
}

/**
 * Starts the scan threads at once when a large plain file or a stream (a URL, standard input) is among the
 * logs: their start-up (a thread, the modules, the catalog) then overlaps this thread's, and the request's,
 * instead of following it.
 */
async function prestartScanThreads(refs: string[], threads: ReturnType<typeof scanThreads>): Promise<void> {
  if (threads.scanThreads <= 1) return;
  const min = threads.parallelMinBytes ?? PARALLEL_MIN_BYTES;
  const large = (ref: string) => {
    // A log read as a stream (a URL, standard input) is scanned on a thread whatever its size.
    if (ref === "-" || /^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return true;
    try {
      const info = statSync(ref);
      return info.isFile() && info.size >= min && !isGzipFile(ref);
    } catch {
      return false;
    }
  };
  if (refs.some(large)) (await import("./parallel/pool.js")).scanPool(threads.scanThreads - 1);
}

/**
 * --jobs, else SKEWBOT_SCAN_THREADS, else the idle cores. SKEWBOT_SCAN_PARALLEL_MIN_BYTES and SKEWBOT_SCAN_THREAD_TIMEOUT_MS tune when
 * threads are used and how long a silent one is waited for (for tests and debugging).
 */
function scanThreads(jobs: string | undefined, env: NodeJS.ProcessEnv): { scanThreads: number; parallelMinBytes?: number; scanThreadTimeoutMs?: number } {
  const whole = (raw: string, what: string, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${what} must be a whole number from 1 to ${max}`);
    return n;
  };
  const fromEnv = env["SKEWBOT_SCAN_THREADS"];
  const scanThreads =
    jobs !== undefined ? whole(jobs, "--jobs", 64) : fromEnv !== undefined && fromEnv !== "" ? whole(fromEnv, "SKEWBOT_SCAN_THREADS", 64) : idleCores();
  const minBytes = env["SKEWBOT_SCAN_PARALLEL_MIN_BYTES"];
  const timeout = env["SKEWBOT_SCAN_THREAD_TIMEOUT_MS"];
  return {
    scanThreads,
    ...(minBytes ? { parallelMinBytes: whole(minBytes, "SKEWBOT_SCAN_PARALLEL_MIN_BYTES", Number.MAX_SAFE_INTEGER) } : {}),
    ...(timeout ? { scanThreadTimeoutMs: whole(timeout, "SKEWBOT_SCAN_THREAD_TIMEOUT_MS", 3_600_000) } : {}),
  };
}

interface Opened {
  sources: LogSource[];
  hints: VersionHint[];
  problems: string[];
  /** CI jobs among the references, with their identity (for --history). */
  jobs: { ref: LogRef; run: JobRun }[];
  settings?: SourceSettings;
}

async function openReferences(refs: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<Opened> {
  const opened: Opened = { sources: [], hints: [], problems: [], jobs: [] };
  let settings: SourceSettings | undefined;
  for (let ref of refs) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      opened.sources.push(await openFile(ref, io));
      continue;
    }
    const [{ parseLogRef, resolveLogRef, sourceSettingsFromEnv }, { latestProwBuild }] = await Promise.all([import("./sources/index.js"), import("./sources/prow-builds.js")]);
    try {
      settings ??= sourceSettingsFromEnv(env);
      opened.settings = settings;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    // A periodic job's directory stands for its latest build.
    if ("error" in parseLogRef(ref, settings)) ref = (await latestProwBuild(ref, settings)) ?? ref;
    const parsed = parseLogRef(ref, settings);
    if ("error" in parsed) throw new Error(`${ref}: ${parsed.error}`);
    const resolved = await resolveLogRef(parsed, settings);
    if (resolved.run) opened.jobs.push({ ref: parsed, run: resolved.run });
    if (resolved.skipped) {
      opened.problems.push(`${resolved.title}: ${resolved.skipped}`);
      continue;
    }
    opened.sources.push(...resolved.sources);
    opened.hints.push(...resolved.hints);
    opened.problems.push(...resolved.problems.map((p) => `${resolved.title}: ${p}`));
  }
  return opened;
}

async function openFile(ref: string, io: CliIo): Promise<LogSource> {
  if (ref === "-") return { name: "stdin", open: async () => io.stdin };
  let info;
  try {
    info = statSync(ref);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? `${ref}: no such file` : `${ref}: cannot read (${code ?? (err as Error).message})`);
  }
  if (!info.isFile()) throw new Error(`${ref}: not a regular file`);
  const name = basename(ref);
  if (isGzipFile(ref)) {
    // Only a compressed file needs the fetch settings (its byte cap): a plain one starts without them.
    const [{ sourceSettingsFromEnv }, { formatBytes }] = await Promise.all([import("./sources/settings.js"), import("./sources/http.js")]);
    let maxBytes: number;
    try {
      maxBytes = sourceSettingsFromEnv(process.env).maxLogBytes;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    return { name, open: async () => gunzipFile(ref, name, maxBytes, formatBytes) };
  }
  // A plain file can also be read in ranges, on several threads (src/parallel/).
  const source: LocalFileSource = { name, localFile: { path: ref, size: info.size }, open: async () => createReadStream(ref, { highWaterMark: 256 * 1024 }) };
  return source;
}

async function readCustomSignatures(path: string): Promise<{ signatures: Signature[]; catalog: CompiledCatalog }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new Error(`${path}: cannot load custom signatures: ${(err as Error).message}`);
  }
  // The configuration's form too: `{ "signatures": [...] }`.
  const list = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && "signatures" in parsed ? (parsed as { signatures: unknown }).signatures : parsed;
  if (!Array.isArray(list)) throw new Error(`${path}: custom signatures must be a JSON array of signatures`);
  const { loadCustomSignatures } = await import("./signatures/custom.js");
  const loaded = loadCustomSignatures(list);
  if (loaded.errors.length > 0 || !loaded.catalog) throw new Error(`${path}: ${loaded.errors.join("; ")}`);
  return { signatures: loaded.signatures, catalog: loaded.catalog };
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function isEntryPoint(): boolean {
  // Compare real paths: npm runs bins through a symlink in node_modules/.bin.
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const code = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdin: process.stdin,
  });
  process.exitCode = code;
}
