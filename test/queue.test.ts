import { describe, expect, it } from "vitest";
import { InProcessQueue } from "../src/queue.js";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe("in-process triage queue", () => {
  it("serialises tasks of one thread and runs threads in parallel up to the limit", async () => {
    const q = new InProcessQueue(2, () => undefined);
    const log: string[] = [];
    let active = 0;
    let peak = 0;
    const task = (name: string) => async () => {
      active++;
      peak = Math.max(peak, active);
      log.push(`start ${name}`);
      await tick(10);
      log.push(`end ${name}`);
      active--;
    };
    q.enqueue("a", "1", task("a1"));
    q.enqueue("a", "2", task("a2"));
    q.enqueue("b", "1", task("b1"));
    q.enqueue("c", "1", task("c1"));
    expect(q.depth()).toBe(4);
    await q.idle();
    expect(log.indexOf("end a1")).toBeLessThan(log.indexOf("start a2"));
    expect(peak).toBe(2);
    expect(q.depth()).toBe(0);
  });

  it("drops a duplicate of a queued or running task", async () => {
    const q = new InProcessQueue(1, () => undefined);
    let runs = 0;
    const task = async () => {
      runs++;
      await tick();
    };
    expect(q.enqueue("t", "k", task)).toBe("queued");
    expect(q.enqueue("t", "k", task)).toBe("duplicate");
    await q.idle();
    expect(q.enqueue("t", "k", task)).toBe("queued");
    await q.idle();
    expect(runs).toBe(2);
  });

  it("latest wins for edited inputs: 30 edits cost at most two runs, the last one with the final text", async () => {
    const q = new InProcessQueue(1, () => undefined);
    const seen: number[] = [];
    for (let i = 1; i <= 30; i++) {
      q.enqueue("issue#1", "body", async () => {
        seen.push(i);
        await tick(20);
      }, { replace: true });
      if (i === 1) await tick(2); // the first one is running while the others arrive
    }
    await q.idle();
    expect(seen).toEqual([1, 30]);
  });

  it("debounces: a burst of replacements starts once, after the input has been quiet", async () => {
    const q = new InProcessQueue(1, () => undefined);
    const seen: number[] = [];
    for (let i = 1; i <= 10; i++) {
      q.enqueue("issue#2", "body", async () => void seen.push(i), { replace: true, quietMs: 60 });
      await tick(10);
    }
    expect(seen).toEqual([]);
    await q.idle();
    expect(seen).toEqual([10]);
  });

  it("keeps going after a task fails, and reports the failure", async () => {
    const errors: unknown[] = [];
    const q = new InProcessQueue(1, (err) => errors.push(err));
    let after = false;
    q.enqueue("t", "1", async () => {
      throw new Error("boom");
    });
    q.enqueue("t", "2", async () => {
      after = true;
    });
    await q.idle();
    expect(after).toBe(true);
    expect((errors[0] as Error).message).toBe("boom");
  });

  it("drains: refuses new tasks, waits for running ones within the bound, and says how many were left", async () => {
    const q = new InProcessQueue(1, () => undefined);
    let finished = false;
    q.enqueue("t", "1", async () => {
      await tick(30);
      finished = true;
    });
    expect(await q.drain(1000)).toBe(0);
    expect(finished).toBe(true);
    expect(q.enqueue("t", "2", async () => undefined)).toBe("closed");
    const slow = new InProcessQueue(1, () => undefined);
    slow.enqueue("t", "1", async () => void (await tick(500)));
    expect(await slow.drain(20)).toBe(1);
  });
});
