import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";

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
