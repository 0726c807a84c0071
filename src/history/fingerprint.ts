import { createHash } from "node:crypto";
import type { Triaged } from "../model.js";

// A finding's fingerprint: the same failure in another run, on another node, at another time, with
// another patch release of the same minor, gets the same one. Pure: no I/O, no clock.

const MAX_MESSAGE = 500;

/** Replacements applied in order; the earlier ones remove what the later ones would partly match. */
const VOLATILE: [RegExp, string][] = [
  // klog header left in a rejoined message: I1201 11:06:43.123456   12 file.go:34]
  [/\b[IWEF]\d{4} \d{2}:\d{2}:\d{2}(?:\.\d+)?\s+\d+\s+[\w./-]+:\d+\]\s*/g, ""],
  // ISO and RFC 3339 timestamps, dates, times of day.
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, "<time>"],
  [/\b\d{4}-\d{2}-\d{2}\b/g, "<date>"],
  [/\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b/g, "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  // Addresses: IPv4 with optional port, IPv6, host:port.
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, "<ip>"],
  [/\[?\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b\]?(?::\d+)?/gi, "<ip>"],
  [/(?<=[A-Za-z>\]]):\d{2,5}\b/g, ":<port>"],
  [/\b\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h)\b/g, "<duration>"],
  // Versions keep their major.minor: a patch release or a new alpha build of the same skew is the same cause.
  [/\bv?(\d+)\.(\d+)(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g, "v$1.$2"],
  // Pod and ReplicaSet hashes (name-5d8f7b6c9d-x7k2p), then bare hex ids and digests.
  [/-[a-f0-9]{8,10}-[a-z0-9]{5}\b/g, "-<pod>"],
  [/\b([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-(?=[a-z0-9]{5}\b)(?=[a-z0-9]*\d)[a-z0-9]{5}\b/g, "$1-<pod>"],
  [/\b(?:sha256:)?[0-9a-f]{12,64}\b/gi, "<hex>"],
  // Long numbers (pids, line numbers, sizes, build ids).
  [/\b\d{4,}\b/g, "<n>"],
];

/** The message with its volatile parts replaced by placeholders, whitespace collapsed. */
export function normaliseMessage(text: string): string {
  let out = text;
  for (const [re, by] of VOLATILE) out = out.replace(re, by);
  return out.replace(/\s+/g, " ").trim().slice(0, MAX_MESSAGE);
}

export function fingerprintOf(signature: string, message: string): string {
  return createHash("sha256").update(`${signature}\n${normaliseMessage(message)}`).digest("hex").slice(0, 16);
}

/** The part the pattern matched is the message; the rest of the line (prefixes, trailing detail) varies more. */
export function findingMessage(t: Triaged): string {
  return normaliseMessage(t.finding.match || t.finding.text);
}

export function fingerprintOfTriaged(t: Triaged): string {
  return fingerprintOf(t.signature.id, t.finding.match || t.finding.text);
}
