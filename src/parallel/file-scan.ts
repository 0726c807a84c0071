import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { ScanResult } from "../model.js";
import type { CompiledCatalog } from "../signatures/index.js";
import { mergeSegments, SCANNER_LIMITS } from "../scan/merge.js";
import { scanRange } from "../scan/segment.js";
import { readAt } from "./read.js";
import type { SegmentResult } from "../scan/scanner.js";
import { specOf, type RangeJob } from "./protocol.js";

// A large local file scanned on several threads: cut into ranges at newlines, which the main thread and
// the scan threads take one after another from a shared counter (a thread that starts late takes fewer),
// then joined into exactly what one scanner reading the file whole returns (src/scan/merge.ts).

export interface ParallelScanOptions {
  path: string;
  log: string;
  catalog: CompiledCatalog;
  /** Threads in all, the main thread included. */
  threads: number;
  contextLines?: number;
  /** A scan thread silent this long while it holds a range is taken for hung. */
  timeoutMs?: number;
}

export class ScanThreadError extends Error {}

const MIN_RANGE = 4 * 1024 * 1024;
const MAX_RANGE = 32 * 1024 * 1024;
/** A scan thread's heap: enough for any range (lines are bounded), and the process stays within its memory budget. */
const THREAD_HEAP_MB = 96;
const DEFAULT_TIMEOUT_MS = 60_000;


/** The joined result; undefined when the ranges cannot be joined exactly (the caller scans the file whole). */
export async function scanFileInParallel(options: ParallelScanOptions): Promise<ScanResult | undefined> {
  const spec = await specOf(options.catalog);
  if (!spec) return undefined;
  const fd = openSync(options.path, "r");
  const workers: Worker[] = [];
  try {
    const size = fstatSync(fd).size;
    const rangeBytes = Math.min(MAX_RANGE, Math.max(MIN_RANGE, Math.ceil(size / (options.threads * 6))));
    const ends = rangeEnds(fd, size, rangeBytes);
    if (ends.length < 2) return undefined;
    const next = new Int32Array(new SharedArrayBuffer(4));
    const scanOptions = { ...(options.contextLines !== undefined ? { contextLines: options.contextLines } : {}) };
    const job: RangeJob = { path: options.path, log: options.log, ends, next, catalog: spec, options: scanOptions };
    const results: (SegmentResult | undefined)[] = Array.from({ length: ends.length }, () => undefined);
    const threads = Math.min(options.threads - 1, ends.length - 1);
    const settled = watch(workers, results, ends, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    for (let i = 0; i < threads; i++) {
      workers.push(new Worker(new URL("./worker.js", import.meta.url), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } }));
    }
    settled.start();

    // The main thread scans too, while the others start up (SKEWBOT_SCAN_MAIN_THREAD=0 leaves every range to
    // the threads: for tests and debugging).
    const read = readAt(fd);
    const mainScans = process.env["SKEWBOT_SCAN_MAIN_THREAD"] !== "0" || threads === 0;
    for (let k = mainScans ? Atomics.add(next, 0, 1) : ends.length; k < ends.length; k = Atomics.add(next, 0, 1)) {
      results[k] = scanRange(read, ends, k, { log: options.log, catalog: options.catalog, ...scanOptions });
    }
    await settled.done();
    return mergeSegments(options.log, size, results as SegmentResult[], SCANNER_LIMITS);
  } finally {
    closeSync(fd);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Ends of ranges of about `rangeBytes`, each just after a newline; the last is the file's size. */
function rangeEnds(fd: number, size: number, rangeBytes: number): number[] {
  const ends: number[] = [];
  const probe = Buffer.allocUnsafe(64 * 1024);
  for (let at = rangeBytes; at < size; at += rangeBytes) {
    if (ends.length > 0 && at <= ends[ends.length - 1]!) continue;
    // The first newline at or after `at` (an over-long line may carry it far).
    let end = -1;
    for (let pos = at; pos < size && end === -1; pos += probe.length) {
      const n = readSync(fd, probe, 0, probe.length, pos);
      if (n === 0) break;
      const nl = probe.subarray(0, n).indexOf(10);
      if (nl !== -1) end = pos + nl + 1;
    }
    if (end === -1 || end >= size) break;
    ends.push(end);
    at = end - (end % rangeBytes);
  }
  ends.push(size);
  return ends;
}

/** Follows the scan threads: which range each holds, their results, and their failures. */
function watch(workers: Worker[], results: (SegmentResult | undefined)[], ends: number[], timeoutMs: number) {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const held = new Map<Worker, number>();
  const alive = new Set<Worker>();
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let mainDone = false;
  const where = (range: number | undefined) => (range === undefined ? "a range" : `bytes ${range === 0 ? 0 : ends[range - 1]}–${ends[range]}`);
  const fail = (message: string) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    reject(new ScanThreadError(`${message}: the log was not scanned`));
  };
  const check = () => {
    if (finished || !mainDone) return;
    if (results.every((r) => r !== undefined)) {
      finished = true;
      clearTimeout(timer);
      resolve();
    } else if (alive.size === 0) {
      fail("scan threads ended without a result");
    }
  };
  const arm = () => {
    clearTimeout(timer);
    if (finished) return;
    timer = setTimeout(() => fail(`scan thread hung (no progress for ${Math.round(timeoutMs / 1000)} s on ${where([...held.values()][0])})`), timeoutMs);
    // The threads keep the process alive while they run; the timer alone must not.
    timer.unref();
  };
  return {
    start() {
      for (const w of workers) {
        alive.add(w);
        w.on("message", (m: { range?: number; taken?: boolean; result?: SegmentResult }) => {
          if (m.taken && m.range !== undefined) held.set(w, m.range);
          if (m.result && m.range !== undefined) {
            results[m.range] = m.result;
            held.delete(w);
          }
          if (mainDone) arm();
          check();
        });
        // A thread that fails before it holds a range loses nothing: the others take the ranges. (Its error
        // may arrive before the message saying which range it took: the exit decides.)
        let error: Error | undefined;
        w.on("error", (err) => (error = err));
        w.on("exit", (code) => {
          alive.delete(w);
          if (held.has(w)) fail(error ? `scan thread failed on ${where(held.get(w))} (${error.message.split("\n")[0]})` : `scan thread exited with code ${code} on ${where(held.get(w))}`);
          check();
        });
      }
    },
    /** The main thread has taken its last range: wait for the others. */
    done() {
      mainDone = true;
      arm();
      check();
      return promise;
    },
  };
}
