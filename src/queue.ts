// Work that outlives a webhook response goes through this interface, so that a distributed queue can
// replace the in-process one without touching the pipeline.

export type EnqueueResult = "queued" | "duplicate" | "replaced" | "closed";

export interface EnqueueOptions {
  /**
   * Latest wins: a waiting task with the same (thread, key) is replaced by this one, and a running one
   * gets (at most) one follow-up. For inputs that people edit repeatedly, such as an issue body.
   */
  replace?: boolean;
  /** Debounce: start only once no replacement has arrived for this long (a burst of edits costs one run). */
  quietMs?: number;
}

/** A task as the in-process queue runs it when no worker is set: a closure, which cannot leave the process. */
export type Task = () => Promise<void>;

/** Runs one job; a shared queue merges a burst of jobs for one thread into one with `merge`. */
export interface JobWorker<J> {
  run(job: J): Promise<void>;
  /** Latest wins: the jobs waiting for one thread (oldest first) as one job (union of their references). */
  merge?(jobs: J[]): J;
}

/** What a queue reports to /metrics beyond its depth (a shared queue: the fleet's view from this replica). */
export interface QueueStats {
  /** Requests queued or running in the whole fleet. */
  depth: number;
  /** Runs in progress in this process. */
  active: number;
  /** Requests in the dead-letter set (fleet-wide). */
  deadLetters: number;
}

export interface TriageQueue<J = Task> {
  /**
   * Runs `job` after every earlier job of the same thread, at most `concurrency` jobs at once. A
   * job whose (thread, key) is already queued or running is dropped as a duplicate, unless `replace`.
   * A shared queue answers asynchronously (it asks Redis).
   */
  enqueue(thread: string, key: string, job: J, options?: EnqueueOptions): EnqueueResult | Promise<EnqueueResult>;
  /**
   * Sets what runs a job and starts working. A shared queue needs it (its jobs are data that any replica
   * runs); the in-process queue without it runs each job as a closure.
   */
  start(worker: JobWorker<J>): void | Promise<void>;
  /** True when jobs may run in another process (so they must be plain data). */
  readonly shared: boolean;
  /** Jobs queued or running (in this process). */
  depth(): number;
  /** For /metrics; absent: depth() is all there is. */
  stats?(): Promise<QueueStats>;
  /** Resolves once nothing is queued or running (for tests and tools; does not stop the queue). */
  idle(): Promise<void>;
  /** Stops taking tasks and waits up to `timeoutMs` for the others; returns how many did not finish. */
  drain(timeoutMs: number): Promise<number>;
}

interface Entry<J> {
  task: J;
  started: boolean;
  followUp?: J;
  /** Earliest start, pushed back by each replacement while the entry waits. */
  notBefore: number;
  quietMs: number;
}

export class InProcessQueue<J = Task> implements TriageQueue<J> {
  readonly shared = false;
  private worker: (job: J) => Promise<void> = (job) => (job as Task)();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly tails = new Map<string, Promise<void>>();
  private readonly entries = new Map<string, Entry<J>>();
  private readonly inflight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly concurrency: number,
    private readonly onError: (err: unknown, thread: string) => void,
  ) {}

  start(worker: JobWorker<J>): void {
    this.worker = (job) => worker.run(job);
  }

  enqueue(thread: string, key: string, task: J, options: EnqueueOptions = {}): EnqueueResult {
    if (this.closed) return "closed";
    const id = `${thread}\u0000${key}`;
    const existing = this.entries.get(id);
    if (existing) {
      if (!options.replace) return "duplicate";
      if (existing.started) existing.followUp = task;
      else {
        existing.task = task;
        existing.notBefore = Date.now() + existing.quietMs;
      }
      return "replaced";
    }
    const quietMs = options.quietMs ?? 0;
    const entry: Entry<J> = { task, started: false, notBefore: Date.now() + quietMs, quietMs };
    this.entries.set(id, entry);
    const previous = this.tails.get(thread) ?? Promise.resolve();
    const run = previous
      .then(() => this.runEntry(entry, thread))
      .finally(() => {
        this.entries.delete(id);
        this.inflight.delete(run);
        if (this.tails.get(thread) === run) this.tails.delete(thread);
      });
    this.tails.set(thread, run);
    this.inflight.add(run);
    return "queued";
  }

  depth(): number {
    return this.inflight.size;
  }

  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  async drain(timeoutMs: number): Promise<number> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.inflight]), timeout]);
    clearTimeout(timer);
    return this.inflight.size;
  }

  private async runEntry(entry: Entry<J>, thread: string): Promise<void> {
    while (Date.now() < entry.notBefore && !this.closed) await new Promise((resolve) => setTimeout(resolve, entry.notBefore - Date.now()));
    let next: J | undefined = entry.task;
    while (next) {
      entry.started = true;
      const task = next;
      entry.followUp = undefined;
      try {
        await this.withSlot(task);
      } catch (err) {
        this.onError(err, thread);
      }
      next = entry.followUp;
    }
  }

  private async withSlot(task: J): Promise<void> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await this.worker(task);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
