import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import type { LogSource } from "../model.js";

/** A log that is a plain file on disk: it can be read at any offset, so in ranges on several threads. */
export interface LocalFileSource extends LogSource {
  localFile: { path: string; size: number };
}

/**
 * Below this a file is scanned on one thread: a scan thread takes some 70 ms to start (more on a busy
 * machine), as long as scanning 50 MB; measured on 30 MB, a second thread made the CLI slower.
 */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

/**
 * At most this many logs are read at once, in one analysis and in the whole process. Each costs a scan
 * thread (its heap, up to 96 MB, src/parallel/pool.ts) and at most 4 MiB of batches in flight to it
 * (src/parallel/stream-scan.ts), so the bound is on memory as well as on the cores.
 */
export const MAX_LOGS_AT_ONCE = 4;

/**
 * The cores that other processes leave free, at least 1 and at most 4 (beyond that the threads' memory
 * outweighs what they save on a log). On a busy machine a second thread only takes turns with the first on
 * the same core, and its start-up (some 0.1 s of CPU: a thread, the modules, the catalog) is then pure cost.
 *
 * Busy cores are the fewer of the 1-minute load average and the threads runnable right now besides this
 * one (the fourth field of /proc/loadavg, on Linux). The average alone lags a minute behind: on an idle
 * machine it still counts the analyses that just ended (a loop over logs, a benchmark), about 1 on 2 cores,
 * which made the default one thread where two would pay. The count alone is one instant; under a steady
 * load both are high.
 */
export function idleCores(): number {
  const cores = availableParallelism();
  let busy = loadavg()[0]!;
  try {
    const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(readFileSync("/proc/loadavg", "utf8"))?.[1]);
    if (Number.isFinite(running)) busy = Math.min(busy, Math.max(0, running - 1));
  } catch {
    // Not Linux: the load average alone.
  }
  return Math.max(1, Math.min(MAX_LOGS_AT_ONCE, cores, Math.round(cores + 0.5 - busy)));
}

/**
 * The scan threads of the app (a process that serves many triages, so the load average says more about
 * its own work than about others'): SKEWBOT_SCAN_THREADS, else the cores, at most 4.
 */
export function appScanThreads(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env["SKEWBOT_SCAN_THREADS"];
  const n = Number(raw);
  if (raw !== undefined && raw !== "" && Number.isInteger(n) && n >= 1 && n <= 64) return n;
  return Math.max(1, Math.min(MAX_LOGS_AT_ONCE, availableParallelism()));
}

/**
 * Turns to read a log, shared by every analysis of the process (the app runs several triages at once):
 * whatever the number of triages, no more logs are read at once than the largest number asked for.
 */
class LogTurns {
  private capacity = 1;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async run<T>(capacity: number, fn: () => Promise<T>): Promise<T> {
    this.capacity = Math.max(this.capacity, Math.min(capacity, MAX_LOGS_AT_ONCE));
    if (this.running >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await fn();
    } finally {
      // The turn passes straight to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export const logTurns = new LogTurns();
