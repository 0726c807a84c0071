import { describe, expect, it } from "vitest";
import type { LogSource } from "../../src/model.js";
import { analyze } from "../../src/pipeline.js";
import { summaryLine } from "../../src/report/common.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../../src/signatures/index.js";
import { Gen, KIND_NAMES, leaked, logWithSecrets, plant, skewLine, type Planted } from "./secrets.js";

// Property: whatever secrets a log holds, of whatever kind, around a finding or on its very line, none of
// them appears in any output format. Seeded, so that a failure names the seed that reproduces it.

function source(name: string, text: string): LogSource {
  return {
    name,
    open: async () =>
      (async function* () {
        yield Buffer.from(text);
      })(),
  };
}

const catalog = compileCatalog(builtinSignatures, builtinHints);

async function outputs(log: string): Promise<string[]> {
  const report = await analyze([source("build-log.txt", log)], { catalog });
  return [renderMarkdown(report), renderText(report), renderJson(report, summaryLine(report))];
}

describe("redaction in every output format (property)", () => {
  it.each(KIND_NAMES)("%s: 25 random secrets, quoted next to or on a finding's line, never appear", async (kind) => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = new Gen(seed * 7919 + kind.length);
      const planted: Planted[] = [plant(g, kind), plant(g, kind)];
      const log = logWithSecrets(g, planted);
      const out = await outputs(log);
      // The finding was reported, so its context (where the secrets sit) was quoted.
      expect(out[0], `seed ${g.seed}`).toContain("Minimum compatibility version out of range");
      expect(leaked(out, planted), `seed ${g.seed}:\n${log}`).toEqual([]);
    }
  });

  it("300 random logs mixing every kind leak none of them", async () => {
    for (let seed = 1000; seed < 1300; seed++) {
      const g = new Gen(seed);
      const planted = Array.from({ length: g.int(1, 6) }, () => plant(g));
      const log = logWithSecrets(g, planted);
      expect(leaked(await outputs(log), planted), `seed ${seed}:\n${log}`).toEqual([]);
    }
  });

  it("keeps ordinary log text readable", async () => {
    const before = [
      "Back-off restarting failed container kube-apiserver in pod kube-apiserver-kind-control-plane",
      "CrashLoopBackOff",
      "pulling registry.k8s.io/kube-apiserver:v1.31.6@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "https://dl.k8s.io/release/v1.31.6/bin/linux/amd64/kubeadm",
    ];
    const after = ['MountVolume.SetUp failed for volume "kube-api-access-x2": secret "bootstrap" not found', "--- FAIL: TestKubeadmUpgrade/v1.30-to-v1.31 (312.04s)", "serviceAccountToken: true", "https://user@example.com:8443/path@v2"];
    const plain = [...before, ...after];
    const out = await outputs(`${before.join("\n")}\n${skewLine(1)}\n${after.join("\n")}\n`);
    for (const line of plain) expect(out[1]).toContain(line);
  });
});
