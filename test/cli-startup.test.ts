import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// A lighter start: `skewbot analyze` of a local file loads only what it needs. Checked on the built CLI
// (npm test builds lib/ before vitest runs), in a child process whose module loads are recorded.

const dir = mkdtempSync(join(tmpdir(), "skewbot-startup-"));
const cli = fileURLToPath(new URL("../lib/cli.js", import.meta.url));
const hooks = join(dir, "hooks.mjs");
const record = join(dir, "loaded.txt");
// The hooks run on their own thread: they append to a file, synchronously, so that nothing is lost at exit.
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { if (url.includes("/lib/")) appendFileSync(${JSON.stringify(record)}, url + "\\n"); return next(url, context); }\n`,
);
const register = join(dir, "register.mjs");
writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

function run(args: string[]): { code: number | null; modules: string[] } {
  writeFileSync(record, "");
  const r = spawnSync(process.execPath, ["--import", register, cli, ...args], { encoding: "utf8" });
  const modules = readFileSync(record, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.slice(l.lastIndexOf("/lib/") + 5));
  return { code: r.status, modules };
}

describe("skewbot start-up", () => {
  it("loads neither sources/ nor the diagnosis nor unused renderers for a clean local file", () => {
    const clean = join(dir, "clean.log");
    writeFileSync(clean, "all good\n");
    const { code, modules } = run(["analyze", clean]);
    expect(code).toBe(0);
    expect(modules).toContain("cli.js");
    expect(modules).toContain("report/text.js");
    // (diagnose/tables.js is data the catalog shares, not the diagnosis.)
    expect(modules.filter((m) => m.startsWith("sources/") || m === "diagnose/index.js")).toEqual([]);
    expect(modules).not.toContain("report/markdown.js");
    expect(modules).not.toContain("report/json.js");
  });

  it("loads the diagnosis when there is a finding, and still no sources/ for a local file", () => {
    const log = join(dir, "cause.log");
    writeFileSync(log, 'E0206 22:52:48.682710 1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"\n');
    const { code, modules } = run(["analyze", log, "--format", "json"]);
    expect(code).toBe(1);
    expect(modules).toContain("diagnose/index.js");
    expect(modules).toContain("report/json.js");
    expect(modules.filter((m) => m.startsWith("sources/"))).toEqual([]);
    expect(modules).not.toContain("report/text.js");
  });
});
