// GitHub's raw job log numbers lines across the whole job, while the web UI numbers them from 1 within each
// step (`#step:S:L`). The log carries no step ids, so the step of each line is inferred while the log streams:
//
//  * every raw line starts with a UTC timestamp (`2024-05-01T12:34:56.1234567Z `);
//  * the API gives each step's started_at/completed_at, to the second;
//  * most steps' logs open with a `##[group]Run …` line.
//
// A line moves the mapping to a later step when (a) it is a `##[group]Run …` line and a later step had started
// by then, or (b) its timestamp is past the end (the whole completed_at second) of the current step. Requiring a
// started step for (a) keeps the inner `##[group]Run` lines of composite actions inside their step. Steps that
// were skipped or never started have no lines. Only the first line of each step is remembered, so memory does
// not grow with the log. Lines that share one second with a step change can land in the neighbouring step.
import type { LogSource } from "../model.js";

export interface StepInfo {
  number: number;
  name?: string;
  status?: string;
  conclusion?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
}

interface Window {
  number: number;
  start: number;
  end: number;
}

const HEAD_MAX = 64;
const TIMESTAMP = /^(?:\u00ef\u00bb\u00bf)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z ?(.*)$/s;

export class StepLineMapper {
  private readonly windows: Window[];
  private boundaries: { line: number; step: number }[] = [];
  private cur = -1;
  private lineNo = 1;
  private head = Buffer.alloc(HEAD_MAX);
  private headLen = 0;
  private processed = false;

  constructor(steps: StepInfo[]) {
    this.windows = steps
      .filter((s) => s.started_at && s.conclusion !== "skipped")
      .map((s) => {
        const start = Date.parse(s.started_at ?? "");
        const done = s.completed_at ? Date.parse(s.completed_at) : Number.NaN;
        return { number: s.number, start, end: Number.isNaN(done) ? Number.POSITIVE_INFINITY : done + 999 };
      })
      .filter((w) => !Number.isNaN(w.start))
      .sort((a, b) => a.number - b.number);
  }

  reset(): void {
    this.boundaries = [];
    this.cur = -1;
    this.lineNo = 1;
    this.headLen = 0;
    this.processed = false;
  }

  observe(chunk: Uint8Array | string): void {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let pos = 0;
    while (pos < buf.length) {
      if (!this.processed) {
        const nl = buf.indexOf(10, pos);
        const end = nl < 0 ? buf.length : nl;
        const take = Math.min(HEAD_MAX - this.headLen, end - pos);
        this.head.set(buf.subarray(pos, pos + take), this.headLen);
        this.headLen += take;
        pos += take;
        if (this.headLen === HEAD_MAX || pos === nl) {
          this.processLine();
          this.processed = true;
        } else {
          return;
        }
      }
      const nl = buf.indexOf(10, pos);
      if (nl < 0) return;
      this.lineNo++;
      this.headLen = 0;
      this.processed = false;
      pos = nl + 1;
    }
  }

  /** Flushes a last line that has no newline. */
  end(): void {
    if (!this.processed && this.headLen > 0) {
      this.processLine();
      this.processed = true;
    }
  }

  private processLine(): void {
    const text = this.head.subarray(0, this.headLen).toString("latin1");
    const m = TIMESTAMP.exec(text);
    const t = m ? Date.parse(`${m[1]}${(m[2] ?? "").slice(0, 4)}Z`) : Number.NaN;
    const w = this.windows;
    if (this.cur < 0) {
      if (w.length === 0) return;
      const first = Number.isNaN(t) ? 0 : w.findIndex((x) => t <= x.end);
      this.advance(first < 0 ? w.length - 1 : first);
      return;
    }
    if (Number.isNaN(t)) return;
    const marker = (m?.[3] ?? "").startsWith("##[group]Run ");
    if (marker) {
      for (let j = this.cur + 1; j < w.length; j++) {
        const x = w[j];
        if (!x || x.start > t) break;
        if (t <= x.end) {
          this.advance(j);
          return;
        }
      }
    }
    const current = w[this.cur];
    if (current && t > current.end) {
      for (let j = this.cur + 1; j < w.length; j++) {
        const x = w[j];
        if (x && t <= x.end) {
          this.advance(j);
          return;
        }
      }
    }
  }

  private advance(index: number): void {
    const x = this.windows[index];
    if (!x) return;
    this.cur = index;
    this.boundaries.push({ line: this.lineNo, step: x.number });
  }

  /** The step and the line within it for a raw log line, once that line has streamed past. */
  locate(line: number): { step: number; line: number } | undefined {
    const b = this.boundaries;
    let lo = 0;
    let hi = b.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const entry = b[mid];
      if (entry && entry.line <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const hit = b[found];
    return hit ? { step: hit.step, line: line - hit.line + 1 } : undefined;
  }
}

/** Passes a log through unchanged while the mapper learns its step boundaries. */
export async function* observeSteps(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  mapper: StepLineMapper,
): AsyncGenerator<Uint8Array | string> {
  mapper.reset();
  for await (const chunk of stream) {
    mapper.observe(chunk);
    yield chunk;
  }
  mapper.end();
}

export type LineLink = NonNullable<LogSource["lineLink"]>;

export function stepLineLink(jobUrl: string, mapper: StepLineMapper): LineLink {
  return (line: number) => {
    const at = mapper.locate(line);
    return at ? `${jobUrl}#step:${at.step}:${at.line}` : undefined;
  };
}
