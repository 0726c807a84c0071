import type { HintRule, Signature } from "../model.js";
import type { CompiledCatalog } from "../signatures/index.js";

// What the main thread tells a scan thread. The catalog goes as data (compiled objects do not cross
// threads): the built-in catalog by name, so that it is neither copied nor validated against itself.

export interface CatalogSpec {
  builtin: boolean;
  /** Signatures and hints besides the built-in ones (all of them when `builtin` is false). */
  signatures: Signature[];
  hints: HintRule[];
}

export interface RangeJob {
  /** Echoed in every message, so that a thread's late "done" from one job is not taken for the next one's. */
  id: number;
  path: string;
  log: string;
  ends: number[];
  /** The next range to take: one Int32 over a SharedArrayBuffer, shared by every thread of the scan. */
  next: Int32Array;
  catalog: CatalogSpec;
  options: { contextLines?: number; maxLineBytes?: number };
}

/**
 * The catalog as data, when it can be rebuilt exactly (the same rules in the same order, which decides
 * ties between matches): the built-in catalog followed by custom signatures, as the CLI compiles it.
 * Otherwise undefined, and the log is scanned on one thread.
 */
export async function specOf(catalog: CompiledCatalog): Promise<CatalogSpec | undefined> {
  const { builtinHints, builtinSignatures } = await import("../signatures/index.js");
  const signatures = [...catalog.signatures.values()];
  const hints = new Set([...catalog.hintsByAnchor.values()].flat().map((h) => h.hint));
  if (hints.size !== builtinHints.length || !builtinHints.every((h) => hints.has(h))) return undefined;
  if (!builtinSignatures.every((s, i) => signatures[i] === s)) return undefined;
  return { builtin: true, signatures: signatures.slice(builtinSignatures.length), hints: [] };
}

export async function catalogFromSpec(spec: CatalogSpec): Promise<CompiledCatalog> {
  const { builtinHints, builtinSignatures, compileCatalog } = await import("../signatures/index.js");
  return spec.builtin ? compileCatalog([...builtinSignatures, ...spec.signatures], [...builtinHints, ...spec.hints]) : compileCatalog(spec.signatures, spec.hints);
}

let lastJob = 0;

/** Jobs of every kind get distinct ids: a thread's messages name the job they belong to. */
export function nextJobId(): number {
  return ++lastJob;
}

/** A log that arrives as a stream, scanned on a thread: "stream" once, then "chunk"s (each acknowledged), then "end". */
export type StreamMessage =
  | { kind: "stream"; id: number; log: string; catalog: CatalogSpec; options: { contextLines?: number } }
  | { kind: "chunk"; id: number; bytes: Uint8Array }
  | { kind: "end"; id: number };
