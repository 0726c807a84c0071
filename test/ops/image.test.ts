import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { root } from "./helpers.js";
import { TRIGGER_EVENTS } from "../../src/triggers/index.js";

// No Docker engine runs here: these tests read the Dockerfile, .dockerignore and app.yml and check the
// properties a deployment relies on. The image's start command (node lib/main.js) is the process that
// the end-to-end tests start; the health check command is run for real below.

const read = (path: string) => readFileSync(root(path), "utf8");

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions (continuation lines joined, comments dropped), with the build stage they belong to. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ");
  const out: Instruction[] = [];
  let stage = -1;
  for (const line of joined.split("\n")) {
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === "FROM") stage++;
    out.push({ op: m[1]!, args: m[2]!.trim().replace(/\s+/g, " "), stage });
  }
  return out;
}

/** The JSON-array (exec) form of CMD or HEALTHCHECK … CMD. */
function execForm(args: string): string[] {
  const json = args.slice(args.indexOf("["));
  return JSON.parse(json) as string[];
}

describe("Dockerfile", () => {
  const all = instructions(read("Dockerfile"));
  const args = new Map(all.filter((i) => i.op === "ARG").map((i) => i.args.split("=") as [string, string]));
  const image = (from: string) => from.split(" ")[0]!.replace(/^\$\{(\w+)\}$/, (_, name: string) => args.get(name) ?? "");
  const froms = all.filter((i) => i.op === "FROM");
  const final = all.filter((i) => i.stage === froms.length - 1);
  const build = all.filter((i) => i.stage === 0);

  it("is multi-stage: a build stage, then a runtime stage on a Node LTS slim image, both on one major", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms[0]!.args).toMatch(/ AS build$/i);
    const majors = froms.map((from) => {
      const m = /^node:(\d+)(?:\.\d+)*(?:-[a-z]+)?-slim$/.exec(image(from.args));
      expect(m, from.args).not.toBeNull();
      return Number(m![1]);
    });
    // An LTS line (even major) no older than 24; 26 is the active one since 2026-10-28.
    expect(majors[0]! % 2).toBe(0);
    expect(majors[0]!).toBeGreaterThanOrEqual(24);
    expect(new Set(majors).size).toBe(1);
  });

  it("builds with dev dependencies in the build stage", () => {
    const runs = build.filter((i) => i.op === "RUN").map((i) => i.args);
    expect(runs.some((r) => /npm ci\b/.test(r) && !r.includes("--omit=dev"))).toBe(true);
    expect(runs.some((r) => r.includes("npm run build"))).toBe(true);
  });

  it("runs with production dependencies only, without the build's install scripts, and the compiled output", () => {
    const runs = final.filter((i) => i.op === "RUN").map((i) => i.args);
    expect(runs.some((r) => /npm ci .*--omit=dev/.test(r) && r.includes("--ignore-scripts"))).toBe(true);
    const copies = final.filter((i) => i.op === "COPY").map((i) => i.args);
    expect(copies).toContain("--from=build /app/lib ./lib");
    // Neither sources nor tests reach the runtime image.
    expect(copies.some((c) => /\bsrc\b|\btest\b|^\. /.test(c))).toBe(false);
  });

  it("copies only the product: package files and lib/ from the build stage, no tooling (fakes, demo)", () => {
    const copies = final.filter((i) => i.op === "COPY").map((i) => i.args);
    expect(copies.sort()).toEqual(["--from=build /app/lib ./lib", "package.json package-lock.json ./"]);
    // The build stage compiles the product's tsconfig alone: tsconfig.tools.json and tools/ never reach it.
    const built = build.filter((i) => i.op === "COPY").flatMap((i) => i.args.split(" ").slice(0, -1));
    expect(built.sort()).toEqual(["package-lock.json", "package.json", "src", "tsconfig.json"]);
    expect(build.filter((i) => i.op === "RUN").map((i) => i.args)).toContain("npm run build");
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    // tsc, then what a start reads precomputed (src/signatures/precompute.ts), written into lib/ and so into the image.
    expect(pkg.scripts["build"]).toMatch(/tsc -p tsconfig\.json && node lib\/signatures\/precompute\.js$/);
  });

  it("runs as the unprivileged node user, listens on 0.0.0.0:3000 and logs JSON in production mode", () => {
    const users = final.filter((i) => i.op === "USER").map((i) => i.args);
    expect(users.at(-1)).toBe("node");
    const env = final.filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
    expect(env).toContain("NODE_ENV=production");
    expect(env).toContain("HOST=0.0.0.0");
    expect(env).toContain("PORT=3000");
    expect(env).toContain("LOG_FORMAT=json");
    expect(final.filter((i) => i.op === "EXPOSE").map((i) => i.args)).toEqual(["3000"]);
  });

  it("starts node directly, the command npm start and the end-to-end tests run", () => {
    const cmd = final.filter((i) => i.op === "CMD");
    expect(cmd).toHaveLength(1);
    expect(execForm(cmd[0]!.args)).toEqual(["node", "lib/main.js"]);
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts["start"]).toBe("node lib/main.js");
    // The end-to-end harness runs the same file with node (benchmarks may add node options before it).
    expect(read("tools/replay/scenario.ts")).toMatch(/spawn\(process\.execPath, \[(?:\.\.\.\(options\.nodeArgs \?\? \[\]\), )?root\("lib\/main\.js"\)\]/);
  });

  it("keeps the history store in a volume at SKEWBOT_DATA_DIR that the node user can write", () => {
    const env = final.filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
    const dir = /SKEWBOT_DATA_DIR=(\S+)/.exec(env)?.[1];
    expect(dir).toBe("/data");
    const volumes = final.filter((i) => i.op === "VOLUME").flatMap((i) => (i.args.startsWith("[") ? (JSON.parse(i.args) as string[]) : i.args.split(" ")));
    expect(volumes).toContain(dir);
    // Created and handed to the node user before USER node, so that the app (not root) can write it.
    const index = (pred: (i: Instruction) => boolean) => final.findIndex(pred);
    const chown = index((i) => i.op === "RUN" && i.args.includes(`chown node:node ${dir}`) && i.args.includes(`mkdir -p ${dir}`));
    expect(chown).toBeGreaterThanOrEqual(0);
    expect(chown).toBeLessThan(index((i) => i.op === "USER"));
  });

  it("runs SQLite on the image's built-in node:sqlite, so the native better-sqlite3 is never needed there", () => {
    // The runtime installs with --ignore-scripts (checked above): better-sqlite3 is not compiled in the
    // image. That is only correct while the image's Node has node:sqlite unflagged (22.13+; the image's
    // major is checked above) and better-sqlite3 stays optional.
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
    expect(pkg.dependencies["better-sqlite3"]).toBeUndefined();
    expect(pkg.optionalDependencies?.["better-sqlite3"]).toMatch(/^12\./);
    const major = Number(/^node:(\d+)/.exec(image(froms.at(-1)!.args))![1]);
    expect(major).toBeGreaterThanOrEqual(24);
    // The driver choice prefers node:sqlite whenever the running Node has it.
    expect(read("src/history/sqlite.ts")).toMatch(/return loadNodeSqlite\(\) \? "node:sqlite" : "better-sqlite3";/);
  });

  it("has a HEALTHCHECK that needs nothing but node, and it works against /ping", async () => {
    const hc = final.filter((i) => i.op === "HEALTHCHECK");
    expect(hc).toHaveLength(1);
    expect(hc[0]!.args).toMatch(/--interval=\S+ .*CMD \[/);
    const command = execForm(hc[0]!.args);
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/ping");
    expect(command.join(" ")).not.toMatch(/\b(curl|wget)\b/);

    // Run it: healthy against a server that answers /ping, unhealthy when nothing listens.
    const server = createServer((req, res) => res.writeHead(req.url === "/ping" ? 200 : 404).end("PONG"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const check = (p: number) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, command.slice(1), { env: { PORT: String(p) }, timeout: 10_000 }).on("exit", resolve));
    expect(await check(port)).toBe(0);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await check(port)).toBe(1);
  });
});

describe("the product's lib/ (what the image's build stage compiles)", () => {
  const product = execFileSync(process.execPath, [root("node_modules/typescript/bin/tsc"), "-p", root("tsconfig.json"), "--listFilesOnly"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => f && !f.includes("/node_modules/"));
  const tooling = /(^|\/)(replay|fake-[\w-]+|demo|scenario)(\.ts|\/)/;

  it("compiles src/ alone: no fake, replay or demo file, nothing from tools/", () => {
    expect(product.length).toBeGreaterThan(50);
    for (const file of product) expect(file.startsWith(root("src/")), file).toBe(true);
    expect(product.filter((f) => tooling.test(f))).toEqual([]);
    expect(product).toContain(root("src/main.ts"));
  });

  it("lib/ as built holds no fake, replay or demo file", () => {
    // The test setup (test/helpers/build.ts) rebuilt lib/ if it held a file no source produces.
    const lib = readdirSync(root("lib"), { recursive: true }).map(String);
    expect(lib).toContain("main.js");
    expect(lib).toEqual(expect.arrayContaining(["signatures/builtin.json", "signatures/anchor-tables.bin"]));
    expect(lib.filter((f) => tooling.test(f))).toEqual([]);
  });

  it("the fakes and the demo live in tools/, compiled by their own tsconfig outside lib/", () => {
    const tools = JSON.parse(read("tsconfig.tools.json")) as { compilerOptions: { rootDir: string; outDir: string }; include: string[] };
    expect(tools.include).toEqual(["tools"]);
    expect(tools.compilerOptions.outDir).not.toMatch(/^(\.\/)?lib\b/);
    for (const f of ["tools/replay/fake-github.ts", "tools/replay/fake-gcs.ts", "tools/replay/scenario.ts", "tools/demo.ts"]) expect(read(f).length).toBeGreaterThan(0);
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; files: string[] };
    expect(pkg.scripts["demo"]).toBe(`node ${tools.compilerOptions.outDir}/demo.js`);
    // The npm package ships lib/ and samples/ only.
    expect(pkg.files).toEqual(["lib", "samples"]);
  });
});

describe(".dockerignore", () => {
  const patterns = read(".dockerignore")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

  it("keeps installed modules, build output, credentials and the repository out of the build context", () => {
    for (const p of ["node_modules", "lib", ".git", "*.pem", "**/*.pem", ".env", ".env.*"]) expect(patterns).toContain(p);
  });

  it("keeps what only development needs out: tests and their fixtures, samples, benchmarks, docs", () => {
    for (const p of ["test", "samples", "bench", "docs", "coverage"]) expect(patterns).toContain(p);
    // The tooling tree (fakes, replay, demo) and its output.
    for (const p of ["tools", "build", "tsconfig.tools.json"]) expect(patterns).toContain(p);
  });

  it("does not exclude what the build stage copies", () => {
    const copied = instructions(read("Dockerfile"))
      .filter((i) => i.op === "COPY" && !i.args.startsWith("--from"))
      .flatMap((i) => i.args.split(" ").slice(0, -1));
    expect(copied.sort()).toEqual(["package-lock.json", "package-lock.json", "package.json", "package.json", "src", "tsconfig.json"]);
    for (const path of copied) expect(patterns).not.toContain(path);
    expect(patterns.filter((p) => p.startsWith("!"))).toEqual([]);
  });
});

describe("app.yml", () => {
  const text = read("app.yml");
  const list = (key: string) => {
    const block = new RegExp(`^${key}:\\n((?:[ \\t]+.*\\n?)+)`, "m").exec(text);
    return block ? block[1]!.split("\n").map((l) => l.replace(/#.*$/, "").trim()).filter(Boolean) : [];
  };
  const events = list("default_events").map((l) => l.replace(/^- /, ""));
  const permissions = Object.fromEntries(list("default_permissions").map((l) => l.split(/:\s*/) as [string, string]));

  it("names the app and points at its homepage", () => {
    expect(text).toMatch(/^name: \S+/m);
    expect(text).toMatch(/^description: /m);
    expect(text).toMatch(/^url: https:\/\//m);
  });

  it("subscribes to exactly the events the app handles", () => {
    // The app subscribes to what its trigger registry handles.
    const handled = new Set(TRIGGER_EVENTS.map((e) => e.split(".")[0]!));
    expect(new Set(events)).toEqual(handled);
    expect(events.sort()).toEqual(["check_run", "issue_comment", "issues", "status", "workflow_run"]);
  });

  it("asks for the least permissions: writes only issues and pull requests", () => {
    expect(permissions).toEqual({
      metadata: "read",
      issues: "write",
      pull_requests: "write",
      actions: "read",
      checks: "read",
      statuses: "read",
      contents: "read",
    });
  });

  it("every permission is explained in the README", () => {
    const readme = read("README.md");
    for (const name of Object.keys(permissions)) expect(readme).toMatch(new RegExp(`\\| \`${name}\` \\| (read|write) \\|`));
  });
});
