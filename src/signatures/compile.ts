import { readFileSync } from "node:fs";
import { WASM_MAX_BYTES, WASM_MIN_BYTES, WasmWalk, wasmWanted } from "./anchor-dfa.js";
import type { HintRule, Signature } from "../model.js";
import { VERSION_TOKEN } from "../kube/versions.js";

export class SignatureError extends Error {}

export interface CompiledRule {
  signature: Signature;
  patterns: RegExp[];
  /** The signature's gate: a line it does not match is not tried against the patterns. */
  gate?: RegExp;
  /** Each pattern's own gate, by position. */
  patternGates?: (RegExp | null)[];
}

export interface CompiledHint {
  hint: HintRule;
  pattern: RegExp;
}

/** A catalog ready for scanning: one matcher for all anchors, and which rules each anchor wakes. */
export interface CompiledCatalog {
  /** Finds every anchor in raw bytes in one pass (anchors are ASCII). */
  anchors: AnchorMatcher;
  rulesByAnchor: Map<string, CompiledRule[]>;
  hintsByAnchor: Map<string, CompiledHint[]>;
  signatures: Map<string, Signature>;
}

const UNSAFE_ANCHOR = /["&<>'\\]|[^\x20-\x7e]/;

function expand(source: string): string {
  return source.replaceAll("{V}", VERSION_TOKEN);
}

function compilePattern(owner: string, source: string): RegExp {
  try {
    return new RegExp(expand(source));
  } catch (err) {
    throw new SignatureError(`${owner}: invalid pattern: ${(err as Error).message}`);
  }
}

function checkAnchors(owner: string, anchors: readonly string[]): void {
  if (anchors.length === 0) throw new SignatureError(`${owner}: needs at least one anchor`);
  for (const a of anchors) {
    if (a.length < 4) throw new SignatureError(`${owner}: anchor "${a}" is too short to prefilter (4 characters at least)`);
    if (UNSAFE_ANCHOR.test(a)) {
      throw new SignatureError(`${owner}: anchor "${a}" may only hold printable ASCII without " & < > ' \\ (those are escaped differently in logs)`);
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Signatures and hints that passed these checks when the build wrote them (the built-in catalog as index.ts
 * reads it from the build's JSON, see precompute.ts): they are not checked again, and their patterns are
 * compiled when a line first wakes them (most never are in a log) rather than all at every start.
 */
const checked = new WeakSet<Signature | HintRule>();

/** Marks signatures and hints as checked by the build (only index.ts does, for the catalog precompute.ts compiled). */
export function markChecked(items: Iterable<Signature | HintRule>): void {
  for (const item of items) checked.add(item);
}

function checkedRule(owner: string, signature: Signature): CompiledRule {
  let patterns: RegExp[] | undefined;
  let gate: RegExp | undefined;
  let patternGates: (RegExp | null)[] | undefined;
  return {
    signature,
    get patterns() {
      return (patterns ??= signature.patterns.map((p) => compilePattern(owner, p)));
    },
    get gate() {
      return signature.gate === undefined ? undefined : (gate ??= compilePattern(owner, signature.gate));
    },
    get patternGates() {
      return signature.patternGates === undefined ? undefined : (patternGates ??= compileGates(owner, signature.patternGates));
    },
  };
}

function compileGates(owner: string, gates: readonly (string | null)[]): (RegExp | null)[] {
  return gates.map((g) => (g === null ? null : compilePattern(owner, g)));
}

function checkedHint(owner: string, hint: HintRule): CompiledHint {
  let pattern: RegExp | undefined;
  return {
    hint,
    get pattern() {
      return (pattern ??= compilePattern(owner, hint.pattern));
    },
  };
}

/** Validates and compiles signatures and hints; throws SignatureError naming the faulty rule. */
export function compileCatalog(signatures: readonly Signature[], hints: readonly HintRule[] = []): CompiledCatalog {
  const rulesByAnchor = new Map<string, CompiledRule[]>();
  const hintsByAnchor = new Map<string, CompiledHint[]>();
  const byId = new Map<string, Signature>();

  for (const signature of signatures) {
    const owner = `signature ${signature.id || "(no id)"}`;
    if (checked.has(signature)) {
      if (byId.has(signature.id)) throw new SignatureError(`${owner}: duplicate id`);
      byId.set(signature.id, signature);
      const rule = checkedRule(owner, signature);
      for (const anchor of new Set(signature.anchors)) push(rulesByAnchor, anchor, rule);
      continue;
    }
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(signature.id)) throw new SignatureError(`${owner}: id must be lower-case letters, digits, dots and dashes`);
    if (byId.has(signature.id)) throw new SignatureError(`${owner}: duplicate id`);
    if (signature.patterns.length === 0) throw new SignatureError(`${owner}: needs at least one pattern`);
    checkAnchors(owner, signature.anchors);
    const patterns = signature.patterns.map((p) => compilePattern(owner, p));
    const groups = new Set(signature.patterns.flatMap((p) => [...p.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1])));
    for (const v of signature.versions) {
      if (!groups.has(v)) throw new SignatureError(`${owner}: version capture "${v}" is not a named group of any pattern`);
    }
    byId.set(signature.id, signature);
    if (signature.patternGates !== undefined && signature.patternGates.length !== signature.patterns.length) {
      throw new SignatureError(`${owner}: patternGates must have one entry per pattern`);
    }
    const rule: CompiledRule = {
      signature,
      patterns,
      ...(signature.gate !== undefined ? { gate: compilePattern(owner, signature.gate) } : {}),
      ...(signature.patternGates !== undefined ? { patternGates: compileGates(owner, signature.patternGates) } : {}),
    };
    for (const anchor of new Set(signature.anchors)) push(rulesByAnchor, anchor, rule);
  }

  for (const hint of hints) {
    const owner = `hint ${hint.id}`;
    if (checked.has(hint)) {
      const compiled = checkedHint(owner, hint);
      for (const anchor of new Set(hint.anchors)) push(hintsByAnchor, anchor, compiled);
      continue;
    }
    checkAnchors(owner, hint.anchors);
    if (!hint.pattern.includes("(?<version>")) throw new SignatureError(`${owner}: pattern must capture "version"`);
    const compiled = { hint, pattern: compilePattern(owner, hint.pattern) };
    for (const anchor of new Set(hint.anchors)) push(hintsByAnchor, anchor, compiled);
  }

  const keys = [...new Set([...rulesByAnchor.keys(), ...hintsByAnchor.keys()])];
  const { matcher, contained } = anchorIndex(keys);
  widenToContainedAnchors(rulesByAnchor, keys, contained);
  widenToContainedAnchors(hintsByAnchor, keys, contained);
  return { anchors: matcher, rulesByAnchor, hintsByAnchor, signatures: byId };
}

/**
 * The matcher reports the longest anchor at a position, so an anchor that contains another must also
 * wake the rules of the one it contains. `contained` holds the pairs (outer, inner) of `containedPairs`.
 */
function widenToContainedAnchors<T>(map: Map<string, T[]>, keys: readonly string[], contained: readonly number[]): void {
  for (let k = 0; k < contained.length; k += 2) {
    const outer = keys[contained[k]!]!;
    const inner = map.get(keys[contained[k + 1]!]!);
    if (!inner) continue;
    const list = map.get(outer) ?? [];
    for (const item of inner) if (!list.includes(item)) list.push(item);
    map.set(outer, list);
  }
}

/** Pairs (outer, inner) of indexes into `keys`, flat, where one anchor contains another: outer first, then inner, in key order. */
function containedPairs(keys: readonly string[]): number[] {
  const pairs: number[] = [];
  for (let o = 0; o < keys.length; o++) {
    for (let i = 0; i < keys.length; i++) if (o !== i && keys[o]!.includes(keys[i]!)) pairs.push(o, i);
  }
  return pairs;
}

/**
 * The anchor automaton and the contained pairs of `keys`. For the built-in catalog they come precomputed
 * from the build (`npm run build` writes them next to this module, src/signatures/write-anchor-tables.ts):
 * building the automaton is most of what compiling the catalog costs at start-up. The file is used only
 * for the very anchors it was built from, and only when this module's builders are the ones that built
 * it; otherwise both are built here, as they always are for custom signatures.
 */
function anchorIndex(keys: readonly string[]): { matcher: AnchorMatcher; contained: readonly number[] } {
  const stored = (precomputed ??= readPrecomputed());
  if (stored && stored.tables.anchors.length === keys.length && stored.tables.anchors.every((a, i) => a === keys[i])) {
    return { matcher: AnchorMatcher.fromTables(stored.tables), contained: stored.contained };
  }
  return { matcher: new AnchorMatcher(keys), contained: containedPairs(keys) };
}

/** Where the build writes the built-in catalog's anchor index. */
export const ANCHOR_TABLES_FILE = new URL("./anchor-tables.bin", import.meta.url);

interface AnchorIndexFile {
  tables: AnchorTables;
  contained: readonly number[];
}

let precomputed: AnchorIndexFile | null | undefined;

function readPrecomputed(): AnchorIndexFile | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(ANCHOR_TABLES_FILE);
  } catch {
    return null;
  }
  return decodeAnchorIndex(bytes);
}

/** Identifies the code that builds an index: a file built by other code is not used. */
function builders(): string {
  return [ROOT, MAX_TABLE_ENTRIES, buildAnchorTables, depthWithin, containedPairs].map(String).join("\n");
}

const MAGIC = "SKAT";
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align4 = (n: number) => (n + 3) & ~3;

/**
 * The anchor index of `keys`, built afresh, as bytes: "SKAT", the header's length (uint32), the header
 * (JSON: the builders, the anchors, the matcher's other fields and the contained pairs), padding to a
 * multiple of 4, then the automaton's table (int32, little-endian), to be read back as a typed array.
 */
export function encodeAnchorIndex(keys: readonly string[]): Uint8Array {
  const { table, ...rest } = buildAnchorTables(keys, MAX_TABLE_ENTRIES);
  const header = Buffer.from(JSON.stringify({ builders: builders(), ...rest, contained: containedPairs(keys) }));
  const start = align4(8 + header.length);
  const out = Buffer.alloc(start + table.byteLength);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  for (let i = 0; i < table.length; i++) out.writeInt32LE(table[i]!, start + 4 * i);
  return out;
}

/** What `encodeAnchorIndex` wrote, or null when it was written by other builders (or is no such file). */
export function decodeAnchorIndex(bytes: Uint8Array): AnchorIndexFile | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!LITTLE_ENDIAN || buffer.length < 8 || buffer.toString("latin1", 0, 4) !== MAGIC) return null;
  const length = buffer.readUInt32LE(4);
  const start = align4(8 + length);
  if (start > buffer.length || (buffer.length - start) % 4 !== 0) return null;
  let header: Omit<AnchorTables, "table"> & { builders: string; contained: number[] };
  try {
    header = JSON.parse(buffer.toString("utf8", 8, 8 + length)) as typeof header;
  } catch {
    return null;
  }
  if (header.builders !== builders()) return null;
  const { builders: _builders, contained, ...rest } = header;
  const entries = (buffer.length - start) / 4;
  // A view of the file's bytes where they are aligned (a whole file read is), else a copy.
  const at = buffer.byteOffset + start;
  const table = at % 4 === 0 ? new Int32Array(buffer.buffer, at, entries) : new Int32Array(new Uint8Array(buffer.buffer, at, entries * 4).slice().buffer);
  if (entries < ROOT || (entries - ROOT) % rest.classes !== 0) return null;
  return { tables: { ...rest, table }, contained };
}

export interface AnchorHit {
  /** Byte offset where the anchor starts. */
  index: number;
  anchor: string;
}

/** Where the states begin in `AnchorMatcher.table`: after the byte-class map. */
const ROOT = 256;
/**
 * Entries of an `AnchorMatcher` table at most (16 MiB). The table grows with the total length of the anchors
 * times the bytes they use; a catalog with very many or very long anchors enters only their first bytes.
 */
const MAX_TABLE_ENTRIES = 4 * 1024 * 1024;

/**
 * Finds anchors in raw bytes in one pass, however many there are: an Aho-Corasick automaton compiled to a
 * DFA over byte classes, so that every byte costs one table lookup. (A regex alternation of the anchors
 * tries them at every position: it slows down with each rule added, 20× for 300 custom signatures.)
 *
 * It reports, from left to right, the longest anchor at each position where one starts, except those that end
 * inside the one reported before (an anchor contained in another wakes its rules through the outer one).
 */
export class AnchorMatcher {
  readonly anchors: readonly string[];
  /**
   * One array for the whole automaton (the scan loop then keeps one array in registers, not two): entries
   * 0–255 map a byte to its class (0 for the bytes that occur in no anchor, which all behave alike); then
   * one row per state, one entry per class. A state is the offset of its row, so
   * `next = table[state + table[byte]]`. The root's row comes first, the accepting states' rows last.
   */
  private readonly table: Int32Array;
  private readonly classes: number;
  /** Offset of the first accepting state's row: states from there on end at least one anchor. */
  private readonly firstAccepting: number;
  /** For each accepting state, in order: the anchors (indexes into `anchors`) that end there. */
  private readonly accepted: number[][];
  /**
   * Anchors enter the automaton by their first `depth` bytes, and a longer one is compared in full where
   * those match. As deep as the table's budget allows: with the catalogs seen so far, the longest anchor.
   */
  private readonly depth: number;
  /** The WebAssembly walk over `table`: undefined until a buffer first needs it, null where it cannot run or is not wanted. */
  private wasm: WasmWalk | null | undefined;

  /** `options.wasm: false` keeps every walk in JavaScript (the reference the differential tests compare with). */
  constructor(anchors: readonly string[], maxTableEntries = MAX_TABLE_ENTRIES, options: { wasm?: boolean } = {}) {
    // Tables read back from the build's precomputed file (`fromTables`), or built here.
    const tables = prebuilt?.anchors === anchors ? prebuilt : buildAnchorTables(anchors, maxTableEntries);
    this.anchors = tables.anchors;
    this.table = tables.table;
    this.classes = tables.classes;
    this.firstAccepting = tables.firstAccepting;
    this.accepted = tables.accepted;
    this.depth = tables.depth;
    if (options.wasm === false || !wasmWanted()) this.wasm = null;
  }

  /** The matcher that `tables` describe (as `tables()` gave them), without building its automaton again. */
  static fromTables(tables: AnchorTables): AnchorMatcher {
    prebuilt = tables;
    try {
      return new AnchorMatcher(tables.anchors);
    } finally {
      prebuilt = undefined;
    }
  }

  /** What the matcher is made of: what `fromTables` takes back. */
  tables(): AnchorTables {
    const { anchors, table, classes, firstAccepting, accepted, depth } = this;
    return { anchors, table, classes, firstAccepting, accepted, depth };
  }

  /** Walks that ran in WebAssembly to the end, without falling back (the differential tests must know that they compared two engines). */
  walksInWasm = 0;

  /** The anchors in `bytes`, leftmost first; overlapping ones where each reaches past the one before. */
  find(bytes: Uint8Array): AnchorHit[] {
    if (this.wasm !== null && bytes.length >= WASM_MIN_BYTES && bytes.length <= WASM_MAX_BYTES) {
      this.wasm ??= WasmWalk.of(this.table) ?? null;
      const ended = this.wasm?.ends(bytes, this.firstAccepting, this.depth);
      if (ended) {
        this.walksInWasm++;
        return ended.length > 0 ? this.leftmostLongest(bytes, ended) : [];
      }
    }
    const { table, firstAccepting } = this;
    // Pairs of (offset after the last byte of a match, accepting state).
    const ended: number[] = [];
    // Two walks in one loop, over the first and the second half: each step of a walk waits for the lookup
    // before it, so the processor overlaps the two walks (about a quarter faster than one walk). The second
    // walk starts `depth` bytes early, so that it is in the right state at the half.
    const n = bytes.length;
    const half = n >> 1;
    let a = ROOT;
    let b = ROOT;
    for (let j = Math.max(0, half - this.depth); j < half; j++) b = table[b + table[bytes[j]!]!]!;
    for (let i = 0, j = half; i < half; i++, j++) {
      a = table[a + table[bytes[i]!]!]!;
      b = table[b + table[bytes[j]!]!]!;
      if (a >= firstAccepting) ended.push(i + 1, a);
      if (b >= firstAccepting) ended.push(j + 1, b);
    }
    if (n > 2 * half) {
      b = table[b + table[bytes[n - 1]!]!]!;
      if (b >= firstAccepting) ended.push(n, b);
    }
    return ended.length > 0 ? this.leftmostLongest(bytes, ended) : [];
  }

  /** Anchor ids by length, longest first, and each id's place in that order: made on the first hit. */
  private byRank: Int32Array | undefined;
  private rankOf: Int32Array | undefined;
  /** Scratch for `leftmostLongest`, grown as needed. */
  private packed = new Float64Array(0);

  /**
   * The hits that a leftmost-longest regex reports, from the ends the walks saw (in no particular order).
   * Each candidate is one number, start × 2^21 + the anchor's rank by length (longest first), so that one
   * native numeric sort orders them by start and then longest first, without an object per candidate.
   */
  private leftmostLongest(bytes: Uint8Array, ended: ArrayLike<number>): AnchorHit[] {
    const { anchors, depth, accepted, firstAccepting, classes } = this;
    let byRank = this.byRank;
    let rankOf = this.rankOf;
    if (!byRank || !rankOf) {
      const order = [...anchors.keys()].sort((a, b) => anchors[b]!.length - anchors[a]!.length || a - b);
      byRank = this.byRank = Int32Array.from(order);
      rankOf = this.rankOf = new Int32Array(anchors.length);
      order.forEach((id, rank) => (rankOf![id] = rank));
    }
    let capacity = 0;
    for (let k = 1; k < ended.length; k += 2) capacity += accepted[(ended[k]! - firstAccepting) / classes]!.length;
    if (this.packed.length < capacity) this.packed = new Float64Array(Math.max(capacity, 2 * this.packed.length));
    const packed = this.packed;
    let n = 0;
    for (let k = 0; k < ended.length; k += 2) {
      for (const id of accepted[(ended[k + 1]! - firstAccepting) / classes]!) {
        const anchor = anchors[id]!;
        const entered = Math.min(anchor.length, depth);
        const index = ended[k]! - entered;
        if (entered < anchor.length && !bytesEqual(bytes, index + entered, anchor, entered)) continue;
        packed[n++] = index * RANKS + rankOf[id]!;
      }
    }
    const sorted = packed.subarray(0, n).sort();
    const hits: AnchorHit[] = [];
    let from = 0;
    for (let k = 0; k < n; k++) {
      const p = sorted[k]!;
      const rank = p % RANKS;
      const index = (p - rank) / RANKS;
      const anchor = anchors[byRank[rank]!]!;
      // An anchor inside the last one reported wakes its rules through it (widenToContainedAnchors); one that
      // starts inside it and ends past it ("too low" then "low: remote") would be lost if skipped.
      if (index + anchor.length <= from) continue;
      hits.push({ index, anchor });
      from = index + anchor.length;
    }
    return hits;
  }
}

/** What an `AnchorMatcher` is made of: built by `buildAnchorTables`, or read back from the build's precomputed file. */
export interface AnchorTables {
  readonly anchors: readonly string[];
  readonly table: Int32Array;
  readonly classes: number;
  readonly firstAccepting: number;
  readonly accepted: number[][];
  readonly depth: number;
}

/** Tables that `AnchorMatcher.fromTables` is handing to the constructor. */
let prebuilt: AnchorTables | undefined;

/** Builds the automaton of `AnchorMatcher` (see there). */
function buildAnchorTables(anchors: readonly string[], maxTableEntries: number): AnchorTables {
  const list = [...anchors];
  const classOf = new Int32Array(256);
  let classes = 1;
  for (const anchor of anchors) {
    for (let i = 0; i < anchor.length; i++) {
      const byte = anchor.charCodeAt(i) & 0xff;
      if (classOf[byte] === 0) classOf[byte] = classes++;
    }
  }
  const depth = depthWithin(list, (maxTableEntries - ROOT) / classes);

  // The trie of all anchors (their first `depth` bytes); state 0 is the root. Typed arrays, not maps: the
  // catalog is compiled at start-up, before the JIT has warmed up, where every lookup counts.
  const maxStates = list.reduce((n, a) => n + Math.min(a.length, depth), 1);
  const child = new Int32Array(maxStates * classes).fill(-1);
  const ends: number[][] = [[]];
  let count = 1;
  list.forEach((anchor, id) => {
    let state = 0;
    for (let i = 0; i < Math.min(anchor.length, depth); i++) {
      const at = state * classes + classOf[anchor.charCodeAt(i) & 0xff]!;
      if (child[at] === -1) {
        child[at] = count++;
        ends.push([]);
      }
      state = child[at]!;
    }
    ends[state]!.push(id);
  });

  // Breadth first, so that each state's failure state (its longest proper suffix in the trie) is complete
  // before the state itself: a missing transition is the failure state's, and the anchors that end at
  // the failure state end here too.
  const delta = new Int32Array(count * classes);
  const failure = new Int32Array(count);
  const queue = new Int32Array(count);
  let tail = 0;
  for (let c = 0; c < classes; c++) {
    const next = child[c]!;
    if (next > 0) {
      delta[c] = next;
      queue[tail++] = next;
    }
  }
  for (let q = 0; q < tail; q++) {
    const state = queue[q]!;
    const fail = failure[state]!;
    if (ends[fail]!.length > 0) ends[state] = [...ends[state]!, ...ends[fail]!];
    const row = state * classes;
    const failRow = fail * classes;
    for (let c = 0; c < classes; c++) {
      const next = child[row + c]!;
      if (next === -1) {
        delta[row + c] = delta[failRow + c]!;
      } else {
        failure[next] = delta[failRow + c]!;
        delta[row + c] = next;
        queue[tail++] = next;
      }
    }
  }

  // Lay the states out in the table: the root first, the accepting states last (the scan loop then needs
  // one comparison per byte to notice a match).
  const order = [...ends.keys()].sort((a, b) => Number(ends[a]!.length > 0) - Number(ends[b]!.length > 0) || a - b);
  const offset = new Int32Array(count);
  order.forEach((state, i) => (offset[state] = ROOT + i * classes));
  const table = new Int32Array(ROOT + count * classes);
  table.set(classOf);
  for (let state = 0; state < count; state++) {
    for (let c = 0; c < classes; c++) table[offset[state]! + c] = offset[delta[state * classes + c]!]!;
  }
  const accepting = order.filter((state) => ends[state]!.length > 0);
  const firstAccepting = ROOT + (count - accepting.length) * classes;
  return { anchors: list, table, classes, firstAccepting, accepted: accepting.map((state) => ends[state]!), depth };
}

/** Anchor ranks per start in `leftmostLongest`'s packed candidates (starts below 2^32 stay exact in a double). */
const RANKS = 2 ** 21;

/** The largest depth (at most the longest anchor's length, at least 1) at which the trie has at most `maxStates` states. */
function depthWithin(anchors: readonly string[], maxStates: number): number {
  // An upper bound of the trie's size: one state per byte entered, as if no two anchors shared a prefix.
  const states = (depth: number) => anchors.reduce((n, a) => n + Math.min(a.length, depth), 1);
  let low = 1;
  let high = Math.max(1, ...anchors.map((a) => a.length));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (states(mid) <= maxStates) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Whether `bytes` from `at` on hold `text` from `from` on. */
function bytesEqual(bytes: Uint8Array, at: number, text: string, from: number): boolean {
  if (at + text.length - from > bytes.length) return false;
  for (let i = from; i < text.length; i++) if (bytes[at + i - from] !== text.charCodeAt(i)) return false;
  return true;
}
