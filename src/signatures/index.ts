import { readFileSync, statSync } from "node:fs";
import type { HintRule, Signature } from "../model.js";

import { markChecked } from "./compile.js";

export { compileCatalog, type CompiledCatalog, SignatureError } from "./compile.js";

/** What `npm run build` writes next to this module (precompute.ts): the built-in catalog as JSON. */
export const CATALOG_FILE = new URL("./builtin.json", import.meta.url);

export interface CatalogFile {
  /** The compiled modules the catalog came from (builtin.js and what it imports), relative to this module. */
  from: string[];
  signatures: Signature[];
  hints: HintRule[];
}

/**
 * The built-in catalog (builtin.ts and the modules it imports). A start reads it from the build's JSON copy:
 * one file parsed instead of 19 modules loaded, most of what loading the catalog cost. Not when a module it
 * came from is newer than the copy (compiled again without the build's precompute step): then from the
 * modules, as always where there is no copy (the sources, under test).
 */
function readCatalogFile(): CatalogFile | undefined {
  let file: CatalogFile;
  let written: number;
  try {
    written = statSync(CATALOG_FILE).mtimeMs;
    file = JSON.parse(readFileSync(CATALOG_FILE, "utf8")) as CatalogFile;
    if (file.from.some((f) => statSync(new URL(f, import.meta.url)).mtimeMs > written)) return undefined;
  } catch {
    return undefined;
  }
  // precompute.ts compiled this very catalog before writing it.
  markChecked([...file.signatures, ...file.hints]);
  return file;
}

async function fromModules(): Promise<{ signatures: readonly Signature[]; hints: readonly HintRule[] }> {
  const { builtinSignatures, builtinHints } = await import("./builtin.js");
  return { signatures: builtinSignatures, hints: builtinHints };
}

const catalog: { signatures: readonly Signature[]; hints: readonly HintRule[] } = readCatalogFile() ?? (await fromModules());

/** The built-in catalog, the headline minCompatibilityVersion check first. */
export const builtinSignatures: readonly Signature[] = catalog.signatures;
export const builtinHints: readonly HintRule[] = catalog.hints;
