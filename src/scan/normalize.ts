import stripAnsi from "strip-ansi";
import { createRequire } from "node:module";
import type { KlogLevel } from "../model.js";

// The HTML entity tables are loaded on the first line that needs them, not at start-up.
const require = createRequire(import.meta.url);
let decoder: ((text: string) => string) | undefined;
const decodeHTML = () => (decoder ??= (require("entities") as typeof import("entities")).decodeHTML);

/** A line with the transport around the message removed, so that patterns see the message itself. */
export interface NormalizedLine {
  text: string;
  klog?: { level: KlogLevel; location: string };
  /** The severity a structured record (logfmt `level=`, zap/logr JSON `"level":`) states, on the klog scale. */
  record?: { level: KlogLevel; errorField?: boolean };
}

// Prefixes stack (a CRI line inside a GitHub Actions log inside a pasted issue), so they are stripped
// in a loop until none applies. Each is anchored at the start of what is left, in this order (stripPrefixes).
// Markdown quoting of pasted logs.
const QUOTE = /^(?:>[ \t]?)+/;
// GitHub Actions error/warning annotations.
const ANNOTATION = /^##\[(?:error|warning|notice|debug|group|endgroup)\]/;
// CRI container log: <RFC3339Nano> <stream> <F|P> (must come before the bare timestamp).
const CRI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}) (?:stdout|stderr) [FP] /;
// GitHub Actions and other ISO-8601 timestamps at the start of a line.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?[ \t]+/;
// journald: "Feb 27 13:45:09[.123456] host unit[pid]: "
const JOURNALD = /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+ [^\s:[\]]+(?:\[\d+\])?: /;
// cloud-init and kernel uptime: "[  123.456789] cloud-init[1234]: " or just "[  123.456789] "
const UPTIME = /^\[\s*\d+\.\d+\]\s+(?:[\w.-]+\[\d+\]:\s+)?/;
// Bootstrap-script timestamps: "[2025-02-06 22:52:48] " and "[2025-02-06T22:52:48Z] "
const BOOTSTRAP = /^\[\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?Z?\]\s+/;

/**
 * One pass of the prefixes, each tried once on what the ones before left. A prefix is tried only where the
 * text starts with the character it starts with (a regex that cannot match costs a call all the same).
 */
function stripPrefixes(input: string): string {
  let text = input;
  if (text.charCodeAt(0) === 0x3e) text = text.replace(QUOTE, "");
  if (text.charCodeAt(0) === 0x23) text = text.replace(ANNOTATION, "");
  if (isDigit(text.charCodeAt(0))) {
    text = text.replace(CRI, "");
    if (isDigit(text.charCodeAt(0))) text = text.replace(TIMESTAMP, "");
  }
  const c = text.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) text = text.replace(JOURNALD, "");
  if (text.charCodeAt(0) === 0x5b) {
    text = text.replace(UPTIME, "");
    if (text.charCodeAt(0) === 0x5b) text = text.replace(BOOTSTRAP, "");
  }
  return text;
}

// klog: "E0206 22:52:48.682710       1 run.go:72] "
const KLOG = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ ([^\s\]]+:\d+)\] /;

// logrus/crictl: time="…" level=fatal msg="…"
const LOGFMT_MSG = /\blevel=\w+\s+msg="((?:[^"\\]|\\.)*)"?/;
// The cause often sits in a later field (Argo CD, Docker, kustomize): error="…" or err="…".
const LOGFMT_ERR = /\berr(?:or)?="((?:[^"\\]|\\.)*)"?/;

// A zap/logr JSON record's level ("level", "severity" or "lvl", the first key or not).
const JSON_LEVEL = /^\{[^\n]{0,200}?\\?"(?:level|severity|lvl)\\?"\s*:\s*\\?"([A-Za-z]+)\\?"/;

// docker json-file: {"log":"…","stream":"stderr","time":"…"}
const DOCKER_JSON = /^\{"log":"((?:[^"\\]|\\.)*)"/;

const CURLY_DOUBLE = /[\u201C\u201D]/;
const CURLY_DOUBLE_G = /[\u201C\u201D]/g;

const MARKDOWN_LINK = /\[([^\]\n]*)\]\((?:https?:)?\/\/[^)\s]*\)/g;

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// The same characters, to test for them (cheaper than a global replace that finds none).
const HAS_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

const MAX_PREFIX_ROUNDS = 8;

export function normalizeLine(input: string): NormalizedLine {
  let text = stripAnsi(input);
  if (HAS_CONTROL.test(text)) text = text.replace(CONTROL, "");
  let klog: NormalizedLine["klog"];

  for (let round = 0; round < MAX_PREFIX_ROUNDS; round++) {
    const before = text;
    text = text.trimStart();
    if (text.charCodeAt(0) === 0x7b) {
      const json = DOCKER_JSON.exec(text);
      if (json?.[1] !== undefined) text = decodeJsonString(json[1]);
    }
    text = stripPrefixes(text);
    if (isKlogLevel(text.charCodeAt(0))) {
      const k = KLOG.exec(text);
      if (k) {
        klog = { level: k[1] as KlogLevel, location: k[2] ?? "" };
        text = text.slice(k[0].length);
      }
    }
    if (text === before) break;
  }

  let record: NormalizedLine["record"];
  if (text.includes("level=")) {
    const logfmt = LOGFMT_MSG.exec(text);
    if (logfmt?.[1] !== undefined) {
      // The level of the record whose msg is read (LOGFMT_MSG starts at its "level=").
      const level = recordLevel(/^level=(\w+)/.exec(text.slice(logfmt.index))?.[1]);
      const err = LOGFMT_ERR.exec(text.slice(logfmt.index + logfmt[0].length));
      // An info record that carries an error field logs the refusal it returns (argoproj/argo-cd): the field speaks.
      if (level) record = err?.[1] ? { level, errorField: true } : { level };
      text = `${text.slice(0, logfmt.index)}${logfmt[1]}${err?.[1] ? `: ${err[1]}` : ""}`;
    }
  } else if (text.charCodeAt(0) === 0x7b) {
    const level = recordLevel(JSON_LEVEL.exec(text)?.[1]);
    if (level) record = { level };
  }

  if (text.includes("&")) text = decodeHTML()(text);
  // Pasted from rendered pages: Markdown links around fragments ("batch[/](https://…)v1") and
  // inline-code backticks split the message.
  if (text.includes("](")) text = text.replace(MARKDOWN_LINK, "$1");
  if (text.includes("`")) text = text.replace(/`/g, "");
  // Rendered pages and chat turn quotes typographic ("no kind “ExecCredential” is registered"): patterns read plain ones.
  if (CURLY_DOUBLE.test(text)) text = text.replace(CURLY_DOUBLE_G, '"');
  text = unescapeQuotes(text);
  const line: NormalizedLine = { text: text.trim() };
  if (klog) line.klog = klog;
  if (record) line.record = record;
  return line;
}

/**
 * A structured record's level on klog's scale: what the judge of a line reads the same way whichever logger wrote it.
 * Levels no logger of the ecosystem prints (a field value that happens to follow "level=") are none.
 */
function recordLevel(word: string | undefined): KlogLevel | undefined {
  switch (word?.toLowerCase()) {
    case "error":
    case "err":
    case "eror":
      return "E";
    case "fatal":
    case "panic":
    case "dpanic":
    case "critical":
    case "crit":
      return "F";
    case "warn":
    case "warning":
      return "W";
    case "info":
    case "notice":
    case "debug":
    case "trace":
      return "I";
    default:
      return undefined;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** I, W, E or F: the first character of a klog header. */
function isKlogLevel(c: number): boolean {
  return c === 0x49 || c === 0x57 || c === 0x45 || c === 0x46;
}

/**
 * klog prints `err="… \"x\" …"`; a log stored as JSON escapes that again (`\\\"`). Patterns are written
 * against plain quotes, so collapse any run of backslashes before a quote.
 */
function unescapeQuotes(text: string): string {
  return text.includes('\\"') ? text.replace(/\\+"/g, '"') : text;
}

function decodeJsonString(body: string): string {
  try {
    return (JSON.parse(`"${body}"`) as string).replace(/\r?\n$/, "");
  } catch {
    return body.replace(/\\n$/, "");
  }
}

// --- repeats -----------------------------------------------------------------------------------

/**
 * A key for the raw bytes of a line such that two lines with the same key normalise to the same
 * `NormalizedLine`: a cache keyed by it recognises repeats that differ only in a prefix the normaliser strips,
 * such as a timestamp, a CRI stream tag, a klog header's time and pid, or a docker JSON line's other fields.
 *
 * The key is the line without that prefix, after a tag naming the prefix's shape and what of the prefix the
 * result depends on (a klog header's level; its location stays in the key). Only prefixes of plain printable
 * ASCII count, of shapes that normalizeLine strips in its first round whatever they hold, and that none of its
 * other steps treats differently: cleaning (ANSI codes need an ESC, control characters are removed wherever they
 * are) leaves such a prefix as it is, and what follows is in the key. Every other line is its own key.
 *
 * - C: `<RFC3339>Z stdout|stderr F|P ` (the CRI regex strips it; the bare-timestamp one is not reached for it).
 * - T: `<RFC3339>Z` followed by white space that is not a CRI stream tag's (the CRI regex or the bare-timestamp
 *   one strips it, depending only on what follows the timestamp: that stays in the key).
 * - D: a docker json-file line `{"log":"<body>"…`: only the body counts (the other fields are dropped).
 * - A klog header `[IWEF]dddd hh:mm:ss.frac pid location] ` after any of these, or at the start of a line,
 *   which no other prefix can start: its level goes into the tag, its time and pid are dropped.
 * - N: none of these; the whole line.
 *
 * The scanner does not build this string (RepeatCache hashes and compares the same bytes); it is the
 * definition, and what the tests check.
 */
export function repeatKey(bytes: Uint8Array): string {
  const tag = repeatSpan(bytes, scratch);
  return `${tag}:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1", scratch[0], scratch[1])}`;
}

const scratch = new Int32Array(2);

// Tags: the prefix's shape times 5, plus the klog level (0 without a klog header).
const N = 0;
const C = 5;
const T = 10;
const D = 15;

/** The tag of the key of `bytes` (see repeatKey), and in `span` where the rest of the key lies in them. */
function repeatSpan(bytes: Uint8Array, span: Int32Array): number {
  let tag = N;
  let at = 0;
  let end = bytes.length;
  const ts = rfc3339End(bytes, 0);
  if (ts > 0) {
    if (isCriTag(bytes, ts)) {
      tag = C;
      at = ts + 10;
    } else if (byteAt(bytes, ts) === 0x20 || byteAt(bytes, ts) === 0x09) {
      // The white space stays in the key (one space and a stream tag would be CRI's), unless a klog header
      // follows it, which no stream tag starts.
      tag = T;
      at = ts;
      let ws = ts + 1;
      while (byteAt(bytes, ws) === 0x20 || byteAt(bytes, ws) === 0x09) ws++;
      const location = klogLocation(bytes, ws, end, false);
      if (location > 0) return klogSpan(bytes, tag, ws, location, end, span);
    }
  } else if (startsWith(bytes, 0, DOCKER_LOG)) {
    const close = jsonStringEnd(bytes, DOCKER_LOG.length);
    if (close > 0) {
      tag = D;
      at = DOCKER_LOG.length;
      end = close;
    }
  }
  if (tag !== T) {
    const location = klogLocation(bytes, at, end, tag === D);
    if (location > 0) return klogSpan(bytes, tag, at, location, end, span);
  }
  span[0] = at;
  span[1] = end;
  return tag;
}

/** A klog header's key: its level in the tag, then its location and what follows it (a location holds no `]`). */
function klogSpan(bytes: Uint8Array, tag: number, at: number, location: number, end: number, span: Int32Array): number {
  span[0] = location;
  span[1] = end;
  const level = bytes[at]!;
  return tag + (level === 0x49 ? 1 : level === 0x57 ? 2 : level === 0x45 ? 3 : 4);
}

interface CachedLine {
  tag: number;
  key: Buffer;
  normalized: NormalizedLine;
}

/**
 * Normalised lines by repeat key (see repeatKey), for lines of at most `maxBytes`: a direct-mapped table
 * indexed by a hash of the key's bytes, each slot holding one line and a copy of its key, which a line must
 * equal to reuse the slot's result. Memory is bounded by the table's size; the hash reads at most 40 bytes
 * of a key, the comparison is native.
 */
export class RepeatCache {
  private readonly slots: (CachedLine | undefined)[];
  private readonly mask: number;
  private readonly span = new Int32Array(2);
  private tag = 0;
  private slot = 0;

  constructor(
    private readonly maxBytes: number,
    slots = 256,
  ) {
    this.mask = slots - 1;
    this.slots = new Array<CachedLine | undefined>(slots).fill(undefined);
  }

  /** The normalised line of `bytes` (a line without its end of line), computed by `normalize` unless cached. */
  normalize(bytes: Buffer, normalize: (bytes: Buffer) => NormalizedLine): NormalizedLine {
    if (bytes.length > this.maxBytes) return normalize(bytes);
    const span = this.span;
    const tag = repeatSpan(bytes, span);
    const from = span[0]!;
    const to = span[1]!;
    const slot = hashBytes(bytes, from, to, tag) & this.mask;
    const cached = this.slots[slot];
    if (cached && cached.tag === tag && cached.key.length === to - from && bytes.compare(cached.key, 0, cached.key.length, from, to) === 0) return cached.normalized;
    const normalized = normalize(bytes);
    this.slots[slot] = { tag, key: Buffer.from(bytes.subarray(from, to)), normalized };
    return normalized;
  }
}

/** FNV-1a over the length, the tag and at most 32 bytes spread over the key and its last 8. */
function hashBytes(bytes: Uint8Array, from: number, to: number, tag: number): number {
  let h = Math.imul(0x811c9dc5 ^ (to - from), 0x01000193);
  h = Math.imul(h ^ tag, 0x01000193);
  const step = Math.max(1, (to - from) >> 5);
  for (let i = from; i < to; i += step) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  for (let i = Math.max(from, to - 8); i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

const DOCKER_LOG = Buffer.from('{"log":"', "latin1");

/** The byte at `i`, or -1 past the end (a typed array read out of bounds would slow every read down). */
function byteAt(bytes: Uint8Array, i: number): number {
  return i < bytes.length ? bytes[i]! : -1;
}

function isDigitAt(bytes: Uint8Array, i: number): boolean {
  const b = byteAt(bytes, i);
  return b >= 0x30 && b <= 0x39;
}

function digits(bytes: Uint8Array, at: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (!isDigitAt(bytes, at + i)) return false;
  return true;
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (byteAt(bytes, at + i) !== prefix[i]) return false;
  return true;
}

/** After `dddd-dd-ddTdd:dd:dd[.d+]Z` at `at`, or -1. */
function rfc3339End(bytes: Uint8Array, at: number): number {
  if (!(digits(bytes, at, 4) && byteAt(bytes, at + 4) === 0x2d && digits(bytes, at + 5, 2) && byteAt(bytes, at + 7) === 0x2d && digits(bytes, at + 8, 2))) return -1;
  if (!(byteAt(bytes, at + 10) === 0x54 && digits(bytes, at + 11, 2) && byteAt(bytes, at + 13) === 0x3a && digits(bytes, at + 14, 2) && byteAt(bytes, at + 16) === 0x3a && digits(bytes, at + 17, 2))) return -1;
  let i = at + 19;
  if (byteAt(bytes, i) === 0x2e && isDigitAt(bytes, i + 1)) {
    i += 2;
    while (isDigitAt(bytes, i)) i++;
  }
  return byteAt(bytes, i) === 0x5a ? i + 1 : -1;
}

/** ` stdout F ` or ` stderr P ` (either stream, either marker) at `at`. */
function isCriTag(bytes: Uint8Array, at: number): boolean {
  if (!(byteAt(bytes, at) === 0x20 && byteAt(bytes, at + 1) === 0x73 && byteAt(bytes, at + 2) === 0x74 && byteAt(bytes, at + 3) === 0x64)) return false;
  const stream = byteAt(bytes, at + 4) === 0x6f ? byteAt(bytes, at + 5) === 0x75 && byteAt(bytes, at + 6) === 0x74 : byteAt(bytes, at + 4) === 0x65 && byteAt(bytes, at + 5) === 0x72 && byteAt(bytes, at + 6) === 0x72;
  return stream && byteAt(bytes, at + 7) === 0x20 && (byteAt(bytes, at + 8) === 0x46 || byteAt(bytes, at + 8) === 0x50) && byteAt(bytes, at + 9) === 0x20;
}

/**
 * The offset of the quote that closes a JSON string body starting at `at`, read as DOCKER_JSON reads it (a
 * backslash escapes the next character), or -1; only bodies of printable ASCII, which cleaning leaves alone.
 */
function jsonStringEnd(bytes: Uint8Array, at: number): number {
  for (let i = at; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b > 0x7e) return -1;
    if (b === 0x22) return i;
    if (b === 0x5c) {
      const next = byteAt(bytes, i + 1);
      if (next < 0x20 || next > 0x7e) return -1;
      i++;
    }
  }
  return -1;
}

/**
 * A klog header `[IWEF]dddd dd:dd:dd.d+ +d+ location] ` of printable ASCII at `at` (before `end`), as KLOG reads
 * it: the offset of its location (-1 without one), which runs up to `] `. In a docker JSON body the header must hold no
 * quote or backslash, so that it decodes to itself whatever follows.
 */
function klogLocation(bytes: Uint8Array, at: number, end: number, inJson: boolean): number {
  const level = byteAt(bytes, at);
  if (!(level === 0x49 || level === 0x57 || level === 0x45 || level === 0x46)) return -1;
  if (!(digits(bytes, at + 1, 4) && byteAt(bytes, at + 5) === 0x20 && digits(bytes, at + 6, 2) && byteAt(bytes, at + 8) === 0x3a && digits(bytes, at + 9, 2) && byteAt(bytes, at + 11) === 0x3a && digits(bytes, at + 12, 2))) return -1;
  let i = at + 14;
  if (!(byteAt(bytes, i) === 0x2e && isDigitAt(bytes, i + 1))) return -1;
  i += 2;
  while (isDigitAt(bytes, i)) i++;
  if (byteAt(bytes, i) !== 0x20) return -1;
  while (byteAt(bytes, i) === 0x20) i++;
  if (!isDigitAt(bytes, i)) return -1;
  while (isDigitAt(bytes, i)) i++;
  if (byteAt(bytes, i) !== 0x20) return -1;
  const location = ++i;
  // The location: printable, no space, up to the `]`; it must end in `:digits`.
  while (i < end && byteAt(bytes, i) !== 0x5d) {
    const b = bytes[i]!;
    if (b <= 0x20 || b > 0x7e || (inJson && (b === 0x22 || b === 0x5c))) return -1;
    i++;
  }
  if (i >= end || byteAt(bytes, i + 1) !== 0x20 || i + 1 >= end) return -1;
  let d = i - 1;
  while (d > location && isDigitAt(bytes, d)) d--;
  if (d === i - 1 || byteAt(bytes, d) !== 0x3a || d === location) return -1;
  return location;
}
