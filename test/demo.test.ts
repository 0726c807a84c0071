import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";

/** Runs a compiled file (built by the test setup, test/helpers/build.ts) as `npm run demo` does. */
function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject).on("exit", (code) => resolve({ code, out }));
  });
}

const SAMPLE = fileURLToPath(new URL("../samples/capi-11833-kind-bringup.log", import.meta.url));

describe("the bundled Cluster API sample (npm run demo)", () => {
  it("explains the 1.30/1.31 crash loop as one finding, with the binary version read from the log", async () => {
    let out = "";
    const code = await main(["analyze", SAMPLE, "--format", "json"], { stdout: (s) => (out += s), stderr: () => undefined, stdin: [] as never });
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.findings).toHaveLength(1);
    const f = json.findings[0];
    expect(f).toMatchObject({ signature: "k8s-compat-mincompat-out-of-range", flake: true, count: 24, versions: { minCompatibilityVersion: "1.30", lower: "1.31", upper: "1.31", binary: "v1.31.6-rc.0.12+4e7b5ad1b1f1c2" } });
    expect(f.headline).toMatch(/reports 1\.31 but was built from newer source/);
    // Everything else in a 4,000-line bring-up log (warnings, deprecations, banners) is noise.
    expect(json.dismissed).toEqual([]);
    expect(json.logs[0].stats.lines).toBeGreaterThan(3000);
  });
});

describe("npm run demo (build/tools/demo.js, outside the product)", () => {
  it("replays the incident through the app process and prints the comment it posted", async () => {
    const { code, out } = await run(["build/tools/demo.js"]);
    expect(code, out).toBe(0);
    expect(out).toMatch(/3\. Delivered the signed issue_comment webhook: HTTP 200/);
    expect(out).toMatch(/5\. skewbot posted 1 comment on kubernetes-sigs\/cluster-api#11840 and added the labels: kind\/flake, flake\/version-skew/);
    expect(out).toContain("<!-- skewbot:report -->");
  }, 60_000);

  it("runs the CLI on the sample with --cli, as the lib/cli.js process", async () => {
    const { code, out } = await run(["build/tools/demo.js", "--cli"]);
    expect(code, out).toBe(0);
    expect(out).toContain("$ skewbot analyze samples/capi-11833-kind-bringup.log");
    expect(out).toMatch(/reports 1\.31 but was built from newer source/);
  }, 60_000);
});
