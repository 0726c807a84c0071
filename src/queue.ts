// Work that outlives a webhook response goes through this interface, so that a distributed queue can
// replace the in-process one without touching the pipeline.

export type EnqueueResult = "queued" | "duplicate" | "closed";

export interface TriageQueue {
  /**
   * Runs `task` after every earlier task of the same thread, at most `concurrency` tasks at once. A
   * task whose (thread, key) is already queued or running is dropped as a duplicate.
   */
  enqueue(thread: string, key: string, task: () => Promise<void>): EnqueueResult;
  /** Tasks queued or running. */
  depth(): number;
  /** Resolves once nothing is queued or running (for tests and tools; does not stop the queue). */
  idle(): Promise<void>;
  /** Stops taking tasks and waits up to `timeoutMs` for the others; returns how many did not finish. */
  drain(timeoutMs: number): Promise<number>;
}

export class InProcessQueue implements TriageQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly tails = new Map<string, Promise<void>>();
  private readonly keys = new Set<string>();
  private readonly inflight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly concurrency: number,
    private readonly onError: (err: unknown, thread: string) => void,
  ) {}

  enqueue(thread: string, key: string, task: () => Promise<void>): EnqueueResult {
    if (this.closed) return "closed";
    const id = `${thread}\u0000${key}`;
    if (this.keys.has(id)) return "duplicate";
    this.keys.add(id);
    const previous = this.tails.get(thread) ?? Promise.resolve();
    const run = previous
      .then(() => this.withSlot(task))
      .catch((err: unknown) => this.onError(err, thread))
      .finally(() => {
        this.keys.delete(id);
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

  private async withSlot(task: () => Promise<void>): Promise<void> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
