// The normaliser as it was before it was restructured for speed (src/scan/normalize.ts): the reference that
// test/normalize.test.ts compares the restructured one with, on the corpora and on generated lines. Do not change it.

import stripAnsi from "strip-ansi";
import { createRequire } from "node:module";
import type { KlogLevel } from "../../src/model.js";

// The HTML entity tables are loaded on the first line that needs them, not at start-up.
const require = createRequire(import.meta.url);
let decoder: ((text: string) => string) | undefined;
const decodeHTML = () => (decoder ??= (require("entities") as typeof import("entities")).decodeHTML);

/** A line with the transport around the message removed, so that patterns see the message itself. */
export interface NormalizedLine {
  text: string;
  klog?: { level: KlogLevel; location: string };
}

// Prefixes stack (a CRI line inside a GitHub Actions log inside a pasted issue), so they are stripped
// in a loop until none applies. Each is anchored at the start of what is left.
const PREFIXES: RegExp[] = [
  // Markdown quoting of pasted logs.
  /^(?:>[ \t]?)+/,
  // GitHub Actions error/warning annotations.
  /^##\[(?:error|warning|notice|debug|group|endgroup)\]/,
  // CRI container log: <RFC3339Nano> <stream> <F|P> (must come before the bare timestamp).
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}) (?:stdout|stderr) [FP] /,
  // GitHub Actions and other ISO-8601 timestamps at the start of a line.
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?[ \t]+/,
  // journald: "Feb 27 13:45:09[.123456] host unit[pid]: "
  /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+ [^\s:[\]]+(?:\[\d+\])?: /,
  // cloud-init and kernel uptime: "[  123.456789] cloud-init[1234]: " or just "[  123.456789] "
  /^\[\s*\d+\.\d+\]\s+(?:[\w.-]+\[\d+\]:\s+)?/,
  // Bootstrap-script timestamps: "[2025-02-06 22:52:48] " and "[2025-02-06T22:52:48Z] "
  /^\[\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?Z?\]\s+/,
];

// klog: "E0206 22:52:48.682710       1 run.go:72] "
const KLOG = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ ([^\s\]]+:\d+)\] /;

// logrus/crictl: time="…" level=fatal msg="…"
const LOGFMT_MSG = /\blevel=\w+\s+msg="((?:[^"\\]|\\.)*)"?/;
// The cause often sits in a later field (Argo CD, Docker, kustomize): error="…" or err="…".
const LOGFMT_ERR = /\berr(?:or)?="((?:[^"\\]|\\.)*)"?/;

// docker json-file: {"log":"…","stream":"stderr","time":"…"}
const DOCKER_JSON = /^\{"log":"((?:[^"\\]|\\.)*)"/;

const MARKDOWN_LINK = /\[([^\]\n]*)\]\((?:https?:)?\/\/[^)\s]*\)/g;

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

const MAX_PREFIX_ROUNDS = 8;

export function normalizeLine(input: string): NormalizedLine {
  let text = stripAnsi(input).replace(CONTROL, "");
  let klog: NormalizedLine["klog"];

  for (let round = 0; round < MAX_PREFIX_ROUNDS; round++) {
    const before = text;
    text = text.trimStart();
    const json = DOCKER_JSON.exec(text);
    if (json?.[1] !== undefined) text = decodeJsonString(json[1]);
    for (const prefix of PREFIXES) text = text.replace(prefix, "");
    const k = KLOG.exec(text);
    if (k) {
      klog = { level: k[1] as KlogLevel, location: k[2] ?? "" };
      text = text.slice(k[0].length);
    }
    if (text === before) break;
  }

  const logfmt = LOGFMT_MSG.exec(text);
  if (logfmt?.[1] !== undefined) {
    const err = LOGFMT_ERR.exec(text.slice(logfmt.index + logfmt[0].length));
    text = `${text.slice(0, logfmt.index)}${logfmt[1]}${err?.[1] ? `: ${err[1]}` : ""}`;
  }

  if (text.includes("&")) text = decodeHTML()(text);
  // Pasted from rendered pages: Markdown links around fragments ("batch[/](https://…)v1") and
  // inline-code backticks split the message.
  if (text.includes("](")) text = text.replace(MARKDOWN_LINK, "$1");
  if (text.includes("`")) text = text.replace(/`/g, "");
  // A behaviour added after the restructuring, mirrored here: typographic double quotes read as plain ones.
  text = text.replace(/[\u201C\u201D]/g, '"');
  text = unescapeQuotes(text);
  return klog ? { text: text.trim(), klog } : { text: text.trim() };
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
