// Run by `npm run build` after tsc (package.json): writes next to the compiled modules what a start would
// otherwise compute from the built-in catalog, generated from it at every build:
// - builtin.json, the catalog itself, checked (index.ts reads it instead of loading builtin.js and its modules);
// - anchor-tables.bin, its anchor automaton and contained anchors (anchorIndex in compile.ts).
// Both are used only while they match: index.ts checks that no module the catalog came from is newer than the
// JSON, compile.ts that the anchors and its own builders are the ones the tables were built from.
import { readFileSync, writeFileSync } from "node:fs";
import { ANCHOR_TABLES_FILE, compileCatalog, encodeAnchorIndex } from "./compile.js";
import { builtinHints, builtinSignatures } from "./builtin.js";
import { CATALOG_FILE, type CatalogFile } from "./index.js";

/** builtin.js and the modules it imports, transitively, relative to this directory (as tsc writes imports: one per line). */
function closure(start: string): string[] {
  const seen = new Set<string>();
  const visit = (url: URL) => {
    const rel = relativeToHere(url);
    if (seen.has(rel)) return;
    seen.add(rel);
    for (const m of readFileSync(url, "utf8").matchAll(/^(?:import|export) [^;]*? from "(\.{1,2}\/[^"]+)";$/gm)) visit(new URL(m[1]!, url));
  };
  visit(new URL(start, import.meta.url));
  return [...seen];
}

function relativeToHere(url: URL): string {
  const here = new URL(".", import.meta.url).pathname;
  return url.pathname.startsWith(here) ? `./${url.pathname.slice(here.length)}` : `../${url.pathname.slice(new URL("..", import.meta.url).pathname.length)}`;
}

// Checked here, as written (a faulty built-in signature fails the build): a start does not check it again.
compileCatalog(builtinSignatures, builtinHints);
const catalog: CatalogFile = { from: closure("./builtin.js"), signatures: [...builtinSignatures], hints: [...builtinHints] };
writeFileSync(CATALOG_FILE, JSON.stringify(catalog));
// The anchors in the order compileCatalog takes them: the signatures' first, then the hints'.
const keys = [...new Set([...builtinSignatures.flatMap((s) => s.anchors), ...builtinHints.flatMap((h) => h.anchors)])];
writeFileSync(ANCHOR_TABLES_FILE, encodeAnchorIndex(keys));
