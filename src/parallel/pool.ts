import { Worker } from "node:worker_threads";

// Scan threads kept for the life of the process: started early (the CLI starts them as soon as it knows a
// large file is coming, so that their start-up overlaps its own), reused from log to log, never keeping
// the process alive while idle. A thread that failed or hung is ended and replaced when next needed.

/** A scan thread's heap: enough for any range (lines are bounded), and the process stays within its memory budget. */
const THREAD_HEAP_MB = 96;
/**
 * A scan thread's young generation, bounded too: left to V8 it grew to hold a matching-heavy range's garbage
 * (on a log where 200,000 lines match, --jobs 2 peaked at 186–191 MiB, and at 166–170 MiB with 8 MiB, for the
 * same CPU time).
 */
const THREAD_YOUNG_MB = 8;

export class ScanPool {
  private readonly idle: Worker[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  /** Up to `n` threads for one scan; give each back with `release` or `discard`. */
  take(n: number): Worker[] {
    while (this.idle.length < n) this.idle.push(this.spawn());
    const taken = this.idle.splice(0, n);
    for (const w of taken) w.ref();
    return taken;
  }

  /** A thread that finished its job, back to the pool. */
  release(worker: Worker): void {
    worker.unref();
    if (worker.threadId >= 0) this.idle.push(worker);
  }

  /** A thread that failed, hung or did not finish: ended. */
  discard(worker: Worker): Promise<number> {
    return worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB } });
    worker.unref();
    // Failures are reported by the scan that meets them; an idle thread that fails is only dropped.
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      const at = this.idle.indexOf(worker);
      if (at !== -1) this.idle.splice(at, 1);
    });
    return worker;
  }
}

let pool: ScanPool | undefined;

/** The process's pool, started with `size` threads if it was not already. */
export function scanPool(size: number): ScanPool {
  pool ??= new ScanPool(size);
  return pool;
}
