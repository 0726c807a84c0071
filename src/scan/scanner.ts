import type { Finding, HintRule, LogLine, ScanResult, ScanStats, Signature, VersionHint } from "../model.js";
import { compileCatalog, type CompiledCatalog, type CompiledHint, type CompiledRule } from "../signatures/compile.js";
import { cleanVersionToken } from "../kube/versions.js";
import { normalizeLine, RepeatCache, type NormalizedLine } from "./normalize.js";
import { isKeyBodyLine, MASK, redact } from "./redact.js";
import { examineWholeLine, LongLine, stripEol } from "./long-line.js";

export interface ScanOptions {
  /** Name of the log, carried into every finding. */
  log: string;
  /** A compiled catalog (compile once, scan many logs); otherwise `signatures` and `hints` are compiled. */
  catalog?: CompiledCatalog;
  signatures?: readonly Signature[];
  hints?: readonly HintRule[];
  /** Lines of context kept before and after each finding. */
  contextLines?: number;
  /**
   * Longest line examined whole; a longer one is searched whole for anchors and examined in a window around
   * its first anchor (src/scan/long-line.ts), however it was split into chunks.
   */
  maxLineBytes?: number;
  /** Distinct findings kept; further ones are only counted. */
  maxFindings?: number;
  maxHints?: number;
  /**
   * Scan one byte range of a log that other scanners scan in other ranges (src/parallel/): see
   * `SegmentResult`. `first` is true for the range that starts the log.
   */
  segment?: { first: boolean };
  /**
   * The caller reuses a chunk's memory once `push` returns (a read buffer): the few lines kept past the
   * call (the context window, recent lines) are copied out of it.
   */
  transientChunks?: boolean;
  /**
   * Reuse the normalised text of a line that repeats another but for a prefix the normaliser strips (default
   * true; false only to check, in tests, that the cache changes nothing).
   */
  repeatCache?: boolean;
}

/**
 * What one range of a log contributes, with line numbers counted from the range's first line. A range
 * owns the lines from its sync line (line 1 for the first range) up to the next range's sync line, which
 * its scanner reads on into the following ranges to find. A sync line is the first line, at least a context
 * window into the range (and at most SYNC_SEARCH_LINES), whose three predecessors are inert: without
 * anchors, or matched by themselves completely, so that none of them can be joined with a neighbour. No line
 * before them can then change how the sync line and those after it are matched, joined or given context,
 * and a scanner that started at the range's start gives owned lines what a scan of the whole log gives them.
 */
export interface SegmentResult {
  /** The sync line in this range, or undefined when it has none (the range before owns all of it). */
  syncLine: number | undefined;
  /** Lines in this range itself (up to its first boundary, or the end of the log). */
  rangeLines: number;
  /** The sync line found past each boundary crossed: [range index offset (1 = the next range), line in that range]. */
  endSync: [number, number] | undefined;
  /** Findings of owned lines in the order first seen, with their dedup keys. */
  findings: [string, Finding][];
  /** Hints of owned lines in the order first seen, with their keys and (range-relative) lines. */
  hints: [string, VersionHint, number][];
  candidateLines: number;
  longLines: number;
  /** A cap was reached inside the range: the merged result could differ from one scan's, so the log is scanned whole. */
  capped: boolean;
}

interface SegmentState {
  first: boolean;
  /** Inert lines in a row, the last processed one included. */
  run: number;
  /** Line numbers of recent over-long lines: counted again when ownership starts or stops among them. */
  longAt: number[];
  /** Owned lines are [ownFrom, ownUntil). */
  ownFrom: number;
  ownUntil: number;
  syncLine: number | undefined;
  /** Lines before the current range (range-relative numbering continues across boundaries). */
  rangeStart: number;
  rangesCrossed: number;
  rangeLines: number | undefined;
  endSync: [number, number] | undefined;
  /** Line numbers of hints, by key. */
  hintLines: Map<string, number>;
  capped: boolean;
}

interface RawLine {
  no: number;
  bytes: Buffer;
  /** Anchors found on the raw bytes; empty for the vast majority of lines. */
  anchors: readonly string[];
  normalized?: NormalizedLine;
}

interface Candidate {
  rule: CompiledRule;
  match: RegExpExecArray;
  start: number;
  end: number;
  /** Memoised, since a repeated line's candidates are reused: the dedup key and the capture counts. */
  key?: string;
  defined?: number;
  total?: number;
}

/** What one distinct set of anchors wakes. */
interface Plan {
  rules: CompiledRule[];
  specific: CompiledRule[];
  fallback: CompiledRule[];
  hints: CompiledHint[];
  /** The specific rules' matches by line text, for identical repeats. */
  repeats: Map<string, Candidate[]>;
}

/** Plans by the sequence of anchors on a line, one level per anchor: no key string is built per line. */
interface PlanNode {
  plan?: Plan;
  next: Map<string, PlanNode>;
}

// Bounds of the per-scan caches (cleared when full, so memory stays bounded whatever the log).
const MAX_PLANS = 1024;
const MAX_REPEATS = 512;
const MAX_CACHED_TEXT = 2048;

interface PendingContext {
  finding: Finding;
  needed: number;
}

// A wrapped message is rejoined from at most this many following lines; processing of each line is
// delayed by as much so that the following lines are at hand.
const LOOKAHEAD = 2;
const MAX_CONTEXT_CHARS = 400;
const MAX_TEXT_CHARS = 2000;
const MAX_MATCH_CHARS = 8192;
const NO_ANCHORS: readonly string[] = Object.freeze([]);
/** A wrapped message is rejoined with a space, then without one. */
const SEPARATORS = [" ", ""] as const;
/** Inert lines before a sync line. */
const SYNC_RUN = 3;
/** A range without a sync line this far in has none: the range before owns all of it. */
export const SYNC_SEARCH_LINES = 20_000;

/**
 * A push-based scanner: feed chunks of any size, then `end()`. Memory is bounded by the line limit,
 * the context window and the finding cap, never by the size of the log.
 */
export class Scanner {
  private readonly catalog: CompiledCatalog;
  private readonly log: string;
  private readonly contextLines: number;
  private readonly maxLineBytes: number;
  private readonly maxFindings: number;
  private readonly maxHints: number;

  private readonly stats: ScanStats = { bytes: 0, lines: 0, candidateLines: 0, longLines: 0, droppedFindings: 0 };
  private readonly findings = new Map<string, Finding>();
  private readonly hints = new Map<string, VersionHint>();
  private readonly pending: PendingContext[] = [];
  private plans: PlanNode = { next: new Map() };
  private planCount = 0;
  private repeatCount = 0;
  /** Normalised lines with anchors by repeat key (src/scan/normalize.ts); undefined when the cache is off. */
  private readonly normalizedRepeats: RepeatCache | undefined;
  private readonly window: RawLine[] = [];
  /** Lines kept: context before a finding, the line being processed and the lookahead after it. */
  private readonly windowSize: number;
  /** Scratch for `skipLines`. */
  private readonly lineEnds: number[];

  /** The line in progress at the end of the last chunk: copied while short, then fed to `long`. */
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private partial = false;
  private long: LongLine | undefined;
  private readonly longestAnchor: number;
  /** Lines already used as the continuation of a rejoined message. */
  private consumedThrough = 0;
  /** Last line that produced a finding: it must not be rejoined with the next one. */
  private lastFindingLine = 0;
  private ended = false;
  private readonly seg: SegmentState | undefined;
  private readonly transient: boolean;

  constructor(options: ScanOptions) {
    this.catalog = options.catalog ?? compileCatalog(options.signatures ?? [], options.hints ?? []);
    this.log = options.log;
    this.contextLines = options.contextLines ?? 4;
    this.windowSize = this.contextLines + 1 + LOOKAHEAD;
    this.lineEnds = new Array<number>(this.windowSize + 1).fill(0);
    this.maxLineBytes = options.maxLineBytes ?? 64 * 1024;
    this.maxFindings = options.maxFindings ?? 200;
    this.maxHints = options.maxHints ?? 100;
    this.longestAnchor = Math.max(1, ...this.catalog.anchors.anchors.map((a) => a.length));
    this.transient = options.transientChunks === true;
    this.normalizedRepeats = options.repeatCache === false ? undefined : new RepeatCache(MAX_CACHED_TEXT);
    if (options.segment) {
      const first = options.segment.first;
      this.seg = {
        first,
        run: 0,
        longAt: [],
        ownFrom: first ? 1 : Number.POSITIVE_INFINITY,
        ownUntil: Number.POSITIVE_INFINITY,
        syncLine: first ? 1 : undefined,
        rangeStart: 0,
        rangesCrossed: 0,
        rangeLines: undefined,
        endSync: undefined,
        hintLines: new Map(),
        capped: false,
      };
    }
  }

  /**
   * Segment mode: every byte of the current range has been pushed (it ends after a newline); what follows
   * belongs to the next range, read only up to that range's sync line.
   */
  crossBoundary(): void {
    const seg = this.seg;
    if (!seg) throw new Error("Scanner: crossBoundary outside segment mode");
    if (this.partial) throw new Error("Scanner: a range must end after a newline");
    seg.rangeLines ??= this.stats.lines;
    seg.rangesCrossed++;
    seg.rangeStart = this.stats.lines;
  }

  /** Segment mode: the next range's sync line was reached and every owned finding has its context: stop reading. */
  get settled(): boolean {
    const seg = this.seg;
    return seg !== undefined && seg.endSync !== undefined && this.processedThrough >= seg.ownUntil - 1 && this.pending.length === 0;
  }

  /** Lines pushed so far (complete ones). */
  get linesRead(): number {
    return this.stats.lines;
  }

  /** Segment mode: whether a sync line was found in the range (the first range always owns its start). */
  get owns(): boolean {
    return this.seg?.syncLine !== undefined;
  }

  /**
   * Segment mode: the owned part, after `end()` or once `settled`; or, for a range without a sync line,
   * only its line count (`moreLines` that were counted without being scanned).
   */
  segmentResult(moreLines = 0): SegmentResult {
    const seg = this.seg;
    if (!seg) throw new Error("Scanner: segmentResult outside segment mode");
    const rangeLines = (seg.rangeLines ?? this.stats.lines) + moreLines;
    if (seg.syncLine === undefined) return { syncLine: undefined, rangeLines, endSync: undefined, findings: [], hints: [], candidateLines: 0, longLines: 0, capped: false };
    return {
      syncLine: seg.syncLine,
      rangeLines,
      endSync: seg.endSync,
      findings: [...this.findings],
      hints: [...this.hints].map(([key, hint]) => [key, hint, seg.hintLines.get(key)!]),
      candidateLines: this.stats.candidateLines,
      longLines: this.stats.longLines,
      capped: seg.capped || this.stats.droppedFindings > 0,
    };
  }

  private owned(no: number): boolean {
    const seg = this.seg;
    return seg === undefined || (no >= seg.ownFrom && no < seg.ownUntil);
  }

  private countLong(no: number): void {
    const seg = this.seg;
    if (seg) {
      // Ownership of a line added but not processed yet may still be decided: remember it.
      if (seg.longAt.length > 0 && seg.longAt[0]! < this.processedThrough) seg.longAt = seg.longAt.filter((n) => n >= this.processedThrough);
      seg.longAt.push(no);
    }
    if (this.owned(no)) this.stats.longLines++;
  }

  /** Segment mode: lines `from`–`to` were processed, inert or not; a run long enough makes the next line a sync line. */
  private inert(from: number, to: number, inert: boolean): void {
    const seg = this.seg!;
    if (!inert) {
      seg.run = 0;
      return;
    }
    const before = seg.run;
    seg.run += to - from + 1;
    if (seg.run < SYNC_RUN) return;
    // The first line after a run of SYNC_RUN, as far into the range as a full context window.
    const earliest = Math.max(from + Math.max(0, SYNC_RUN - before - 1) + 1, seg.rangeStart + this.windowSize + 1);
    if (earliest <= to + 1 && earliest <= seg.rangeStart + SYNC_SEARCH_LINES) this.sync(earliest);
  }

  /** Where ownership starts (the range's own sync line) or stops (the next range's). */
  private sync(line: number): void {
    const seg = this.seg!;
    const countFrom = (n: number) => seg.longAt.filter((at) => at >= n).length;
    if (seg.rangesCrossed === 0) {
      if (seg.syncLine !== undefined) return;
      // Everything so far belongs to the range before: start over from here (the sync line is not
      // processed yet).
      seg.syncLine = line;
      seg.ownFrom = line;
      this.findings.clear();
      this.hints.clear();
      seg.hintLines.clear();
      this.pending.length = 0;
      this.stats.candidateLines = 0;
      this.stats.longLines = countFrom(line);
      this.stats.droppedFindings = 0;
      return;
    }
    if (seg.endSync !== undefined) return;
    seg.endSync = [seg.rangesCrossed, line - seg.rangeStart];
    seg.ownUntil = line;
    this.stats.longLines -= countFrom(line);
  }

  /** Whether a line cannot be joined with a neighbour: no rule it wakes could, or it is matched completely by itself. */
  private isInert(line: RawLine): boolean {
    if (line.anchors.length === 0) return true;
    const plan = this.planFor(line.anchors);
    if (plan.specific.length === 0) return true;
    const alone = this.matchAlone(plan, this.normalized(line).text);
    return alone.length > 0 && definedGroups(alone[alone.length - 1]!) === groupCount(alone[alone.length - 1]!);
  }

  push(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error("Scanner: push after end");
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.stats.bytes += buf.length;
    let pos = 0;

    if (this.partial) {
      const nl = buf.indexOf(10);
      if (nl === -1) {
        this.appendCarry(buf);
        return;
      }
      this.appendCarry(buf.subarray(0, nl));
      this.flushCarry();
      pos = nl + 1;
    }

    const lastNl = buf.lastIndexOf(10);
    if (lastNl >= pos) this.scanRegion(buf.subarray(pos, lastNl + 1));
    const tailStart = Math.max(pos, lastNl + 1);
    if (tailStart < buf.length) this.appendCarry(buf.subarray(tailStart));
    if (this.transient) this.detach(buf.buffer);
  }

  /** Copies the kept lines that are views of `memory` (the carry and over-long lines are copies already). */
  private detach(memory: ArrayBufferLike): void {
    for (const line of this.window) if (line.bytes.buffer === memory) line.bytes = Buffer.from(line.bytes);
  }

  end(): ScanResult {
    if (!this.ended) {
      if (this.partial) this.flushCarry();
      while (this.window.length > 0 && this.nextToProcess() !== undefined) this.processNext();
      this.ended = true;
    }
    return {
      log: this.log,
      findings: [...this.findings.values()].sort((a, b) => a.line - b.line),
      hints: [...this.hints.values()],
      stats: { ...this.stats },
    };
  }

  // --- line assembly -------------------------------------------------------------------------

  private appendCarry(part: Buffer): void {
    this.partial = true;
    if (this.long) {
      this.long.feed(part);
      return;
    }
    if (this.carryBytes + part.length <= this.maxLineBytes) {
      // Copy: a view would pin the whole chunk it came from.
      if (part.length > 0) this.carry.push(Buffer.from(part));
      this.carryBytes += part.length;
      return;
    }
    this.long = new LongLine(this.catalog.anchors, this.longestAnchor);
    this.long.feed(Buffer.concat(this.carry, this.carryBytes));
    this.long.feed(part);
    this.carry = [];
    this.carryBytes = 0;
  }

  private flushCarry(): void {
    this.partial = false;
    if (this.long) {
      const examined = this.long.finish();
      this.long = undefined;
      this.countLong(this.stats.lines + 1);
      this.addLine(examined.bytes, examined.anchors);
      return;
    }
    const bytes = Buffer.concat(this.carry, this.carryBytes);
    this.carry = [];
    this.carryBytes = 0;
    const hits = this.catalog.anchors.find(bytes);
    this.addLine(stripEol(bytes), hits.map((h) => h.anchor));
  }

  /** Splits a run of complete lines; anchors are found in one pass over the raw bytes of the whole region. */
  private scanRegion(region: Buffer): void {
    const hits = this.catalog.anchors.find(region);
    let hit = 0;
    let start = 0;
    while (start < region.length) {
      if (this.idle()) {
        // The lines up to the next anchor's can neither match nor complete anything: skip them in bulk.
        const next = hits[hit];
        const until = next ? region.lastIndexOf(10, next.index) + 1 : region.length;
        if (until > start) {
          this.skipLines(region, start, until);
          start = until;
          continue;
        }
      }
      let nl = region.indexOf(10, start);
      if (nl === -1) nl = region.length;
      const anchors: string[] = [];
      let firstHit = 0;
      while (hit < hits.length && hits[hit]!.index < nl) {
        const h = hits[hit++]!;
        if (anchors.length === 0) firstHit = h.index - start;
        anchors.push(h.anchor);
      }
      if (nl - start > this.maxLineBytes) {
        const examined = examineWholeLine(region.subarray(start, nl), anchors.length > 0 ? firstHit : undefined, this.catalog.anchors);
        this.countLong(this.stats.lines + 1);
        this.addLine(examined.bytes, examined.anchors);
      } else {
        this.addLine(stripEol(region.subarray(start, nl)), anchors);
      }
      start = nl + 1;
    }
  }

  private addLine(bytes: Buffer, anchors: readonly string[]): void {
    this.stats.lines++;
    this.window.push({ no: this.stats.lines, bytes, anchors });
    if (this.window.length > this.windowSize) this.window.shift();
    if (this.nextToProcess() !== undefined && this.nextToProcess()!.no <= this.stats.lines - LOOKAHEAD) this.processNext();
  }

  /**
   * True when nothing waits for the lines to come: no finding still collects after-context, and every line
   * not yet processed is without anchors. Processing a line without anchors then does nothing but move on.
   */
  private idle(): boolean {
    if (this.pending.length > 0) return false;
    for (const line of this.window) if (line.no > this.processedThrough && line.anchors.length > 0) return false;
    return true;
  }

  /**
   * The fast path for the vast majority of lines, taken while `idle()`: the complete lines of
   * `region[from, to)`, none of which holds an anchor, are only counted (processing them would do nothing
   * else), and the last few kept in the window as context for what comes next. The same state results as
   * from `addLine` on each, without an object per line.
   */
  private skipLines(region: Buffer, from: number, to: number): void {
    // Newline offsets of the last lines, in a ring one longer than the window (a line starts after the
    // newline of the one before).
    const ring = this.lineEnds;
    const size = ring.length;
    let count = 0;
    let start = from;
    const first = this.stats.lines + 1;
    // Over-long lines are counted once ownership is known (segment mode may find a sync line among these).
    let long: number[] | undefined;
    for (let nl = region.indexOf(10, from); nl !== -1 && nl < to; nl = region.indexOf(10, nl + 1)) {
      if (nl - start > this.maxLineBytes) (long ??= []).push(first + count);
      ring[count++ % size] = nl;
      start = nl + 1;
    }
    this.stats.lines += count;
    if (long) for (const no of long) this.countLong(no);
    for (let i = Math.max(0, count - this.windowSize); i < count; i++) {
      const begin = i === 0 ? from : ring[(i - 1) % size]! + 1;
      const raw = region.subarray(begin, ring[i % size]!);
      // An over-long line without anchors is kept as its head, as when it arrives in parts.
      const bytes = raw.length > this.maxLineBytes ? examineWholeLine(raw, undefined, this.catalog.anchors).bytes : stripEol(raw);
      this.window.push({ no: first + i, bytes, anchors: NO_ANCHORS });
    }
    if (this.window.length > this.windowSize) this.window.splice(0, this.window.length - this.windowSize);
    const through = Math.max(this.processedThrough, this.stats.lines - LOOKAHEAD);
    if (this.seg && through > this.processedThrough) this.inert(this.processedThrough + 1, through, true);
    this.processedThrough = through;
  }

  // --- matching ------------------------------------------------------------------------------

  private processedThrough = 0;

  private nextToProcess(): RawLine | undefined {
    return this.window.find((l) => l.no === this.processedThrough + 1);
  }

  private processNext(): void {
    const line = this.nextToProcess();
    if (!line) return;
    this.processedThrough = line.no;
    this.feedAfterContext(line);
    const seg = this.seg;
    if (seg) {
      // Past the next range's sync line: that range's scanner owns it.
      if (line.no >= seg.ownUntil) return;
      const searching = seg.rangesCrossed === 0 ? seg.syncLine === undefined : seg.endSync === undefined;
      if (line.anchors.length === 0 || line.no <= this.consumedThrough) {
        if (searching) this.inert(line.no, line.no, this.isInert(line));
        return;
      }
      this.match(line);
      // Inertness matters only while a sync line is looked for (not in a range that owns its lines already).
      if (searching) this.inert(line.no, line.no, this.isInert(line));
      return;
    }
    if (line.anchors.length === 0 || line.no <= this.consumedThrough) return;
    this.match(line);
  }

  private match(line: RawLine): void {
    this.stats.candidateLines++;

    const text = this.normalized(line).text;
    const plan = this.planFor(line.anchors);
    this.collectHints(line, text, plan.hints);
    if (plan.rules.length === 0) return;

    // The generic layer (fallback rules) speaks only where no specific rule matches, alone or rejoined.
    const { specific, fallback } = plan;
    const alone = this.matchAlone(plan, text);
    if (alone.length > 0) {
      if (this.tryContinuation(line, specific, text, alone)) return;
      for (const c of alone) this.record(c, text, line.no, line.no, line);
      return;
    }
    if (specific.length > 0 && this.tryRejoin(line, specific)) return;
    if (fallback.length > 0) for (const c of selectByPriority(matchAll(fallback, text))) this.record(c, text, line.no, line.no, line);
  }

  /**
   * A match with empty optional captures may be a message whose tail (versions, "Current version: …")
   * wrapped onto the next line: if the next line fills them, take the longer match.
   */
  private tryContinuation(line: RawLine, rules: CompiledRule[], text: string, alone: Candidate[]): boolean {
    const next = this.lineAt(line.no + 1);
    const last = alone[alone.length - 1]!;
    // Only when a capture is still empty (an optional tail not on this line).
    if (!next || definedGroups(last) === groupCount(last)) return false;
    const following = this.normalized(next).text;
    const lastRule = [last.rule];
    for (const sep of SEPARATORS) {
      const joined = `${text}${sep}${following}`;
      // Only a continuation that fills a capture the line alone left empty: gluing the next line's first
      // word onto a version ("1.31" + "after") would also make a longer match.
      const fills = (c: Candidate) => c.start === last.start && c.end > text.length + sep.length && definedGroups(c) > definedGroups(last);
      // The rule that matched alone decides first, by itself: unless its match on the joined text fills a
      // capture, no selection among all the rules can yield one that does (matchAll gives each rule's match
      // alone as it does among others), and the other rules need not run.
      const own = matchAll(lastRule, joined)[0];
      if (!own || !fills(own)) continue;
      const longer = selectByPriority(matchAll(rules, joined)).find(
        (c) => c.rule === last.rule && fills(c),
      );
      if (!longer) continue;
      for (const c of alone) if (c !== last) this.record(c, text, line.no, line.no, line);
      this.record(longer, joined, line.no, next.no, line);
      this.consumedThrough = Math.max(this.consumedThrough, next.no);
      return true;
    }
    return false;
  }

  /** A message wrapped over lines: try it joined with its neighbours, with and without a space. */
  private tryRejoin(line: RawLine, rules: CompiledRule[]): boolean {
    const prev = this.lineAt(line.no - 1);
    const next = this.lineAt(line.no + 1);
    const next2 = this.lineAt(line.no + 2);
    const prevUsable = prev && prev.no > this.lastFindingLine && prev.no > this.consumedThrough - 1 ? prev : undefined;
    const groups: RawLine[][] = [];
    if (next) groups.push([line, next]);
    if (prevUsable) groups.push([prevUsable, line]);
    if (next && next2) groups.push([line, next, next2]);
    if (prevUsable && next) groups.push([prevUsable, line, next]);

    // Every join is tried and the one that matches most text wins: with optional tails, a message wrapped
    // over three lines also matches, shorter, when only two are joined.
    let best: { group: RawLine[]; joined: string; found: Candidate[]; covered: number } | undefined;
    for (const group of groups) {
      for (const sep of SEPARATORS) {
        const parts = group.map((l) => this.normalized(l).text);
        const joined = parts.join(sep);
        // The match must involve this line and cross into a neighbour, or it belongs to the neighbour.
        const own = segmentOf(parts, sep, group.indexOf(line));
        const found = selectByPriority(matchAll(rules, joined)).filter(
          (c) => c.start < own.end && c.end > own.start && (c.start < own.start || c.end > own.end),
        );
        const covered = found.reduce((n, c) => n + c.end - c.start, 0);
        if (found.length > 0 && (!best || covered > best.covered)) best = { group, joined, found, covered };
      }
    }
    if (!best) return false;
    const first = best.group[0]!;
    const last = best.group[best.group.length - 1]!;
    for (const c of best.found) this.record(c, best.joined, first.no, last.no, first);
    this.consumedThrough = Math.max(this.consumedThrough, last.no);
    return true;
  }

  /**
   * The rules and hints that a line's anchors wake, worked out once per distinct set of anchors: a log
   * where many lines match repeats few sets, and a line should not cost a Set and three arrays.
   */
  private planFor(anchors: readonly string[]): Plan {
    let node = this.plans;
    for (const a of anchors) {
      let next = node.next.get(a);
      if (!next) {
        next = { next: new Map() };
        node.next.set(a, next);
      }
      node = next;
    }
    if (node.plan) return node.plan;
    const rules: CompiledRule[] = [];
    const hints: CompiledHint[] = [];
    for (const a of new Set(anchors)) {
      for (const r of this.catalog.rulesByAnchor.get(a) ?? []) if (!rules.includes(r)) rules.push(r);
      hints.push(...(this.catalog.hintsByAnchor.get(a) ?? []));
    }
    if (++this.planCount > MAX_PLANS) this.forgetPlans();
    node.plan = { rules, specific: rules.filter((r) => !isFallback(r)), fallback: rules.filter(isFallback), hints, repeats: new Map() };
    return node.plan;
  }

  /** Bounded memory on a hostile log: plans and repeats start over (those of the current line stay valid). */
  private forgetPlans(): void {
    this.plans = { next: new Map() };
    this.planCount = 0;
    this.repeatCount = 0;
  }

  /**
   * The specific rules' matches on one line by itself. Identical repeats (a crash loop, a warning printed by
   * every command) are matched once: the result depends only on the text and the rules.
   */
  private matchAlone(plan: Plan, text: string): Candidate[] {
    if (text.length > MAX_CACHED_TEXT) return selectByPriority(matchAll(plan.specific, text));
    let found = plan.repeats.get(text);
    if (!found) {
      found = selectByPriority(matchAll(plan.specific, text));
      if (++this.repeatCount > MAX_REPEATS) this.forgetPlans();
      plan.repeats.set(text, found);
    }
    return found;
  }

  private collectHints(line: RawLine, text: string, hints: readonly CompiledHint[]): void {
    for (const { hint, pattern } of hints) {
      const version = pattern.exec(text)?.groups?.["version"];
      if (!version) continue;
      const clean = cleanVersionToken(version);
      const key = `${hint.role}\u0000${clean}`;
      if (this.hints.has(key)) continue;
      if (this.hints.size >= this.maxHints) {
        if (this.seg) this.seg.capped = true;
        continue;
      }
      this.hints.set(key, { role: hint.role, version: clean, source: `${this.log}:${line.no}`, rule: hint.id });
      this.seg?.hintLines.set(key, line.no);
    }
  }

  private record(c: Candidate, text: string, first: number, last: number, firstLine: RawLine): void {
    const sig = c.rule.signature;
    const key = (c.key ??= `${sig.id}\u0000${collapseSpace(c.match[0])}`);
    this.lastFindingLine = Math.max(this.lastFindingLine, last);
    const seen = this.findings.get(key);
    if (seen) {
      seen.count++;
      seen.lastLine = first;
      return;
    }
    if (this.findings.size >= this.maxFindings) {
      this.stats.droppedFindings++;
      return;
    }
    const captures: Record<string, string> = {};
    for (const [name, value] of Object.entries(c.match.groups ?? {})) {
      if (value === undefined) continue;
      captures[name] = sig.versions.includes(name) ? cleanVersionToken(value) : redact(value.trim().replace(/[.,;:]+$/, ""));
    }
    const { klog, record } = this.normalized(firstLine);
    const finding: Finding = {
      signature: sig.id,
      log: this.log,
      line: first,
      endLine: last,
      count: 1,
      lastLine: first,
      text: clip(redact(text), MAX_TEXT_CHARS),
      match: redact(c.match[0]),
      captures,
      ...(klog ? { klog } : {}),
      ...(record ? { record } : {}),
      context: { before: this.contextBefore(first), after: [] },
    };
    this.findings.set(key, finding);
    if (this.contextLines > 0) this.pending.push({ finding, needed: this.contextLines });
  }

  // --- context -------------------------------------------------------------------------------

  private lineAt(no: number): RawLine | undefined {
    return this.window.find((l) => l.no === no);
  }

  private normalized(line: RawLine): NormalizedLine {
    if (!line.normalized) {
      // A line that repeats a recent one, but for a prefix that the normaliser strips (a timestamp, a klog
      // header's time and pid, a CRI tag), or exactly (a message printed again and again): the same
      // normalised line, without decoding it again. Only lines with anchors: the lines around them, normalised
      // for context or a rejoin, rarely repeat and would only push them out.
      line.normalized = this.normalizedRepeats && line.anchors.length > 0 ? this.normalizedRepeats.normalize(line.bytes, normalizeBytes) : normalizeBytes(line.bytes);
    }
    return line.normalized;
  }

  private contextLine(line: RawLine): LogLine {
    const text = this.normalized(line).text;
    const neighbours = [this.lineAt(line.no - 1), this.lineAt(line.no + 1)].flatMap((n) => (n ? [this.normalized(n).text] : []));
    if (isKeyBodyLine(text, neighbours)) return { number: line.no, text: MASK };
    return { number: line.no, text: clip(redact(text), MAX_CONTEXT_CHARS) };
  }

  private contextBefore(first: number): LogLine[] {
    return this.window.filter((l) => l.no < first && l.no >= first - this.contextLines).map((l) => this.contextLine(l));
  }

  private feedAfterContext(line: RawLine): void {
    for (let i = 0; i < this.pending.length; ) {
      const p = this.pending[i]!;
      if (line.no > p.finding.endLine) {
        p.finding.context.after.push(this.contextLine(line));
        if (--p.needed === 0) {
          this.pending.splice(i, 1);
          continue;
        }
      }
      i++;
    }
  }
}

/** A line's bytes normalised, cut to the longest text matched. */
function normalizeBytes(bytes: Buffer): NormalizedLine {
  const n = normalizeLine(bytes.toString("utf8"));
  return n.text.length > MAX_MATCH_CHARS ? { ...n, text: n.text.slice(0, MAX_MATCH_CHARS) } : n;
}

/** Rules of the generic layer: matched on single lines only, and only where nothing specific matched. */
function isFallback(rule: CompiledRule): boolean {
  return rule.signature.family === "generic";
}

/** Named captures that took part in the match; counted without building arrays (called per candidate). */
function definedGroups(c: Candidate): number {
  if (c.defined === undefined) {
    const groups = c.match.groups;
    let n = 0;
    if (groups) for (const name in groups) if (groups[name] !== undefined) n++;
    c.defined = n;
  }
  return c.defined;
}

function groupCount(c: Candidate): number {
  if (c.total === undefined) {
    const groups = c.match.groups;
    let n = 0;
    if (groups) for (const _ in groups) n++;
    c.total = n;
  }
  return c.total;
}

/**
 * `text` with each run of white space as one space, for dedup keys. Most matches have single spaces only:
 * they are returned as they are, without a regex replace per hit.
 */
function collapseSpace(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? i + 1 < text.length && isSpace(text.charCodeAt(i + 1)) : isSpace(c)) return text.replace(/\s+/g, " ");
  }
  return text;
}

/** What `\s` matches in the ASCII range, and the Unicode spaces beyond it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function matchAll(rules: CompiledRule[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    if (rule.gate && !rule.gate.test(text)) continue;
    const { patterns, patternGates } = rule;
    for (let i = 0; i < patterns.length; i++) {
      if (patternGates && patternGates[i] && !patternGates[i]!.test(text)) continue;
      const m = patterns[i]!.exec(text);
      if (m) {
        out.push({ rule, match: m, start: m.index, end: m.index + m[0].length });
        break;
      }
    }
  }
  return out;
}

/** Where several signatures match overlapping text, the highest priority wins; disjoint matches all count. */
function selectByPriority(candidates: Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.rule.signature.priority - a.rule.signature.priority)) {
    if (!chosen.some((o) => c.start < o.end && o.start < c.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function segmentOf(parts: string[], sep: string, index: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < index; i++) start += parts[i]!.length + sep.length;
  return { start, end: start + parts[index]!.length };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Scans a whole stream (a Node Readable or any async iterable of chunks). */
export async function scan(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: ScanOptions): Promise<ScanResult> {
  const scanner = new Scanner(options);
  for await (const chunk of input) scanner.push(chunk);
  return scanner.end();
}
