import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import type { ScanResult } from "../model.js";
import type { CompiledCatalog } from "../signatures/index.js";
import { mergeSegments, SCANNER_LIMITS } from "../scan/merge.js";
import { scanRange } from "../scan/segment.js";
import { readAt } from "./read.js";
import type { SegmentResult } from "../scan/scanner.js";
import { nextJobId, specOf, type RangeJob } from "./protocol.js";
import { scanPool } from "./pool.js";

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
const DEFAULT_TIMEOUT_MS = 60_000;


/** The joined result; undefined when the ranges cannot be joined exactly (the caller scans the file whole). */
export async function scanFileInParallel(options: ParallelScanOptions): Promise<ScanResult | undefined> {
  const spec = await specOf(options.catalog);
  if (!spec) return undefined;
  const fd = openSync(options.path, "r");
  let workers: Worker[] = [];
  let settled: ReturnType<typeof watch> | undefined;
  const pool = scanPool(options.threads - 1);
  try {
    const size = fstatSync(fd).size;
    const rangeBytes = Math.min(MAX_RANGE, Math.max(MIN_RANGE, Math.ceil(size / (options.threads * 6))));
    const ends = rangeEnds(fd, size, rangeBytes);
    if (ends.length < 2) return undefined;
    const next = new Int32Array(new SharedArrayBuffer(4));
    const scanOptions = { ...(options.contextLines !== undefined ? { contextLines: options.contextLines } : {}) };
    const job: RangeJob = { id: nextJobId(), path: options.path, log: options.log, ends, next, catalog: spec, options: scanOptions };
    const results: (SegmentResult | undefined)[] = Array.from({ length: ends.length }, () => undefined);
    const threads = Math.min(options.threads - 1, ends.length - 1);
    workers = pool.take(threads);
    settled = watch(workers, results, ends, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    settled.start(job);

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
    const finished = settled?.stop() ?? new Set<Worker>();
    await Promise.all(workers.map((w) => (finished.has(w) ? pool.release(w) : pool.discard(w))));
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

/** Follows the scan threads through one job: which range each holds, their results, their failures. */
function watch(workers: Worker[], results: (SegmentResult | undefined)[], ends: number[], timeoutMs: number) {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const held = new Map<Worker, number>();
  /** Threads that have not said "done" nor ended. */
  const working = new Set<Worker>();
  const finished = new Set<Worker>();
  const detach: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let over = false;
  let mainDone = false;
  const where = (range: number | undefined) => (range === undefined ? "a range" : `bytes ${range === 0 ? 0 : ends[range - 1]}–${ends[range]}`);
  const fail = (message: string) => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    reject(new ScanThreadError(`${message}: the log was not scanned`));
  };
  const check = () => {
    if (over || !mainDone) return;
    if (results.every((r) => r !== undefined)) {
      over = true;
      clearTimeout(timer);
      resolve();
    } else if (working.size === 0) {
      fail("scan threads ended without a result");
    }
  };
  const arm = () => {
    clearTimeout(timer);
    if (over) return;
    timer = setTimeout(() => fail(`scan thread hung (no progress for ${Math.round(timeoutMs / 1000)} s on ${where([...held.values()][0])})`), timeoutMs);
    // The threads keep the process alive while they run; the timer alone must not.
    timer.unref();
  };
  return {
    start(job: RangeJob) {
      for (const w of workers) {
        working.add(w);
        const onMessage = (m: { id: number; range?: number; taken?: boolean; result?: SegmentResult; done?: boolean }) => {
          if (m.id !== job.id) return;
          if (m.taken && m.range !== undefined) held.set(w, m.range);
          if (m.result && m.range !== undefined) {
            results[m.range] = m.result;
            held.delete(w);
          }
          if (m.done) {
            working.delete(w);
            finished.add(w);
          }
          if (mainDone) arm();
          check();
        };
        // A thread that fails before it holds a range loses nothing: the others take the ranges. (Its error
        // may arrive before the message saying which range it took: the exit decides.)
        let error: Error | undefined;
        const onError = (err: Error) => (error = err);
        const onExit = (code: number) => {
          working.delete(w);
          if (held.has(w)) fail(error ? `scan thread failed on ${where(held.get(w))} (${error.message.split("\n")[0]})` : `scan thread exited with code ${code} on ${where(held.get(w))}`);
          check();
        };
        w.on("message", onMessage);
        w.on("error", onError);
        w.on("exit", onExit);
        detach.push(() => {
          w.off("message", onMessage);
          w.off("error", onError);
          w.off("exit", onExit);
        });
        w.postMessage(job);
      }
    },
    /** The main thread has taken its last range: wait for the others. */
    done() {
      mainDone = true;
      arm();
      check();
      return promise;
    },
    /** The threads that can be used again: those that finished or hold no range (the others are to be ended). */
    stop(): Set<Worker> {
      over = true;
      clearTimeout(timer);
      for (const d of detach) d();
      return new Set(workers.filter((w) => finished.has(w) || (working.has(w) && !held.has(w))));
    },
  };
}
