import type { HintRule, Signature } from "../model.js";
import { VERSION_TOKEN } from "../diagnose/versions.js";

export class SignatureError extends Error {}

export interface CompiledRule {
  signature: Signature;
  patterns: RegExp[];
}

export interface CompiledHint {
  hint: HintRule;
  pattern: RegExp;
}

/** A catalog ready for scanning: one regex over all anchors, and which rules each anchor wakes. */
export interface CompiledCatalog {
  /** Global, matches any anchor; run over latin1-decoded raw bytes (anchors are ASCII). */
  anchors: RegExp;
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Validates and compiles signatures and hints; throws SignatureError naming the faulty rule. */
export function compileCatalog(signatures: readonly Signature[], hints: readonly HintRule[] = []): CompiledCatalog {
  const rulesByAnchor = new Map<string, CompiledRule[]>();
  const hintsByAnchor = new Map<string, CompiledHint[]>();
  const byId = new Map<string, Signature>();

  for (const signature of signatures) {
    const owner = `signature ${signature.id || "(no id)"}`;
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
    const rule = { signature, patterns };
    for (const anchor of new Set(signature.anchors)) push(rulesByAnchor, anchor, rule);
  }

  for (const hint of hints) {
    const owner = `hint ${hint.id}`;
    checkAnchors(owner, hint.anchors);
    if (!hint.pattern.includes("(?<version>")) throw new SignatureError(`${owner}: pattern must capture "version"`);
    const compiled = { hint, pattern: compilePattern(owner, hint.pattern) };
    for (const anchor of new Set(hint.anchors)) push(hintsByAnchor, anchor, compiled);
  }

  const keys = [...new Set([...rulesByAnchor.keys(), ...hintsByAnchor.keys()])];
  widenToContainedAnchors(rulesByAnchor, keys);
  widenToContainedAnchors(hintsByAnchor, keys);
  const all = keys
    // Longest first, so that an anchor that contains another is reported as itself.
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return { anchors: new RegExp(all.join("|"), "g"), rulesByAnchor, hintsByAnchor, signatures: byId };
}

/**
 * The anchor regex reports the longest anchor at a position, so an anchor that contains another must
 * also wake the rules of the one it contains.
 */
function widenToContainedAnchors<T>(map: Map<string, T[]>, keys: readonly string[]): void {
  for (const outer of keys) {
    for (const inner of keys) {
      const contained = outer !== inner && outer.includes(inner) ? map.get(inner) : undefined;
      if (!contained) continue;
      const list = map.get(outer) ?? [];
      for (const item of contained) if (!list.includes(item)) list.push(item);
      map.set(outer, list);
    }
  }
}
