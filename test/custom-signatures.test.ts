import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { EXIT, main } from "../src/cli.js";

// One loader for custom signatures: what `.github/skewbot.yml` accepts, `skewbot analyze --signatures`
// runs the same way, and what one refuses the other refuses with the same reason.

const dir = mkdtempSync(join(tmpdir(), "skewbot-custom-"));

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: (async function* () {})() });
  return { code, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// The shortest signature the configuration takes: no versions, causes, fixes, priority or flake.
const MINIMAL = {
  id: "acme-operator-too-old",
  title: "ACME operator too old",
  family: "cluster-api",
  severity: "error",
  anchors: ["acme-operator"],
  patterns: ["acme-operator (?<operator>{V}) does not support Kubernetes (?<cluster>{V})"],
};

describe("custom signatures", () => {
  it("runs in the CLI exactly what the configuration accepts", async () => {
    const loaded = resolveConfig({ signatures: [MINIMAL] });
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.signatures[0]).toMatchObject({ id: MINIMAL.id, versions: [], flake: false, priority: 10, meaning: MINIMAL.title });

    const log = file("acme.log", "E0101 00:00:00.000000 1 main.go:1] acme-operator v0.9.2 does not support Kubernetes v1.33.1\n");
    for (const form of [[MINIMAL], { signatures: [MINIMAL] }]) {
      const r = await cli(["analyze", log, "--signatures", file("minimal.json", JSON.stringify(form)), "--format", "json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(EXIT.CAUSE_FOUND);
      expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ signature: MINIMAL.id, captures: { operator: "v0.9.2", cluster: "v1.33.1" } });
    }
  });

  it.each([
    [{ ...MINIMAL, family: "widgets" }, /signature acme-operator-too-old: family: must be one of compatibility/],
    [{ ...MINIMAL, patterns: ["(unclosed"] }, /signature acme-operator-too-old: invalid pattern/],
    [{ ...MINIMAL, versions: ["missing"] }, /version capture "missing" is not a named group/],
    [{ ...MINIMAL, id: "k8s-compat-mincompat-out-of-range" }, /duplicate id/],
    [{ ...MINIMAL, versionKinds: { operator: "helm-chart" } }, /versionKinds\.operator/],
    [{ ...MINIMAL, colour: "red" }, /unknown field "colour"/],
  ])("refuses a faulty signature with the same reason in both places (%#)", async (signature, reason) => {
    const loaded = resolveConfig({ signatures: [signature] });
    expect(loaded.errors.join("; ")).toMatch(reason);
    expect(loaded.config.signatures).toEqual([]);
    const r = await cli(["analyze", file("x.log", "x\n"), "--signatures", file("bad.json", JSON.stringify([signature]))]);
    expect(r.code).toBe(EXIT.CANNOT_ANALYSE);
    expect(r.stderr).toMatch(reason);
  });
});
