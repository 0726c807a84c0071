import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

// vitest's globalSetup: the tests that spawn processes run compiled code (lib/main.js, lib/cli.js, and
// build/tools/ for the demo), so a run builds first whenever a tree's output is older than its sources,
// missing, or holds a file no source produces (a moved or deleted module). `npm test` has just built,
// so there this only checks; `npx vitest run test/e2e.test.ts` alone, after an edit, rebuilds.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Tree {
  script: string;
  tsconfig: string;
  sources: string;
  out: string;
}

const TREES: Tree[] = [
  { script: "build", tsconfig: "tsconfig.json", sources: "src", out: "lib" },
  { script: "build:tools", tsconfig: "tsconfig.tools.json", sources: "tools", out: "build/tools" },
];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Why the tree must be rebuilt, or null when its output is current. */
export function staleness(tree: Tree, root = ROOT): string | null {
  const sources = join(root, tree.sources);
  const out = join(root, tree.out);
  const compiled = new Map<string, number>();
  for (const f of files(out)) if (f.endsWith(".js")) compiled.set(relative(out, f).replace(/\.js$/, ""), statSync(f).mtimeMs);
  const configs = [join(root, "tsconfig.json"), join(root, tree.tsconfig)].map((f) => statSync(f).mtimeMs);
  const wanted = new Set<string>();
  for (const f of files(sources)) {
    if (!f.endsWith(".ts") || f.endsWith(".d.ts")) continue;
    const name = relative(sources, f).replace(/\.ts$/, "");
    wanted.add(name);
    const built = compiled.get(name);
    if (built === undefined) return `${tree.out}/${name}.js is missing`;
    if (built < statSync(f).mtimeMs) return `${tree.sources}/${name}.ts is newer than ${tree.out}/${name}.js`;
    if (configs.some((c) => built < c)) return `${tree.tsconfig} is newer than ${tree.out}`;
  }
  for (const name of compiled.keys()) if (!wanted.has(name)) return `${tree.out}/${name}.js has no source`;
  return null;
}

export default function setup(): void {
  for (const tree of TREES) {
    const why = staleness(tree);
    if (why === null) continue;
    process.stderr.write(`test setup: npm run ${tree.script} (${why})\n`);
    execFileSync("npm", ["run", "--silent", tree.script], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  }
}
