import type { AnchorMatcher } from "../signatures/compile.js";

// The one policy for lines longer than the line limit, whatever the chunks they arrive in: the whole line
// is searched for anchors, and what is examined is a window of at most WINDOW bytes around its first
// anchor (or its first WINDOW bytes when it has none). A line that arrives whole in one chunk and the same
// line streamed in many parts give the same window, the same anchors and the same count.

/** Bytes examined of an over-long line; half before its first anchor, half from it on. */
export const LONG_LINE_WINDOW = 8192;
const HALF = LONG_LINE_WINDOW / 2;

export interface ExaminedLine {
  /** The bytes examined, without the line ending when the window reaches it. */
  bytes: Buffer;
  anchors: string[];
}

function examine(window: Buffer, reachesEnd: boolean, matcher: AnchorMatcher): ExaminedLine {
  const bytes = reachesEnd ? stripEol(window) : window;
  const hits = matcher.find(bytes);
  return { bytes, anchors: hits.map((h) => h.anchor) };
}

/** An over-long line held whole (it arrived in one chunk); `firstHit` is where its first anchor starts, if any. */
export function examineWholeLine(raw: Buffer, firstHit: number | undefined, matcher: AnchorMatcher): ExaminedLine {
  const start = firstHit === undefined ? 0 : Math.max(0, firstHit - HALF);
  const end = Math.min(raw.length, firstHit === undefined ? LONG_LINE_WINDOW : firstHit + HALF);
  return examine(raw.subarray(start, end), end === raw.length, matcher);
}

/**
 * An over-long line fed in parts. Memory stays within a few windows, however long the line: it keeps the
 * line's head, the tail needed to find an anchor that straddles two parts, and then the window.
 */
export class LongLine {
  private length = 0;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer = Buffer.alloc(0);
  private found = -1;
  private windowStart = 0;
  private readonly window: Buffer[] = [];
  private windowBytes = 0;

  constructor(
    private readonly matcher: AnchorMatcher,
    /** The longest anchor's length: an anchor found nearer than this to a part's end may be a shorter one inside a longer. */
    private readonly longestAnchor: number,
  ) {}

  feed(part: Buffer, final = false): void {
    if (this.headBytes < LONG_LINE_WINDOW && part.length > 0) {
      const take = part.subarray(0, LONG_LINE_WINDOW - this.headBytes);
      this.head.push(Buffer.from(take));
      this.headBytes += take.length;
    }
    if (this.found < 0) this.search(part, final);
    else this.collect(part, this.length);
    this.length += part.length;
  }

  /** The line ended: what is examined of it. */
  finish(): ExaminedLine {
    if (this.found < 0) this.search(Buffer.alloc(0), true);
    if (this.found < 0) {
      const head = Buffer.concat(this.head, this.headBytes);
      return examine(head, head.length === this.length, this.matcher);
    }
    const window = Buffer.concat(this.window, this.windowBytes);
    return examine(window, this.windowStart + window.length === this.length, this.matcher);
  }

  private search(part: Buffer, final: boolean): void {
    const buf = this.tail.length > 0 ? Buffer.concat([this.tail, part]) : part;
    const bufStart = this.length - this.tail.length;
    const first = this.matcher.find(buf)[0];
    // Near the end of what has arrived, a longer anchor may start at the same place: wait for more bytes.
    if (first && (final || first.index + this.longestAnchor <= buf.length)) {
      this.found = bufStart + first.index;
      this.windowStart = Math.max(0, this.found - HALF);
      this.tail = Buffer.alloc(0);
      this.collect(buf, bufStart);
      return;
    }
    // Kept: the bytes a window before a later anchor needs, and those an anchor cut by the part's end needs.
    this.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - (HALF + this.longestAnchor - 1))));
  }

  /** Keeps the part of `bytes` (which start at line offset `at`) that falls in the window. */
  private collect(bytes: Buffer, at: number): void {
    const end = this.found + HALF;
    const from = Math.max(this.windowStart, at);
    const to = Math.min(end, at + bytes.length);
    if (to <= from) return;
    this.window.push(Buffer.from(bytes.subarray(from - at, to - at)));
    this.windowBytes += to - from;
  }
}

export function stripEol(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 10 || bytes[end - 1] === 13)) end--;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}
