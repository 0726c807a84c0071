import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { scan, Scanner } from "../src/scan/scanner.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";
import { FIXTURES, listFixtures, readFixture } from "./helpers/logs.js";

const catalog = compileCatalog(builtinSignatures, builtinHints);
const HEADLINE = '2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

function filler(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `I0206 22:52:${String((from + i) % 60).padStart(2, "0")}.000000       1 reflector.go:${100 + i}] Listing and watching *v1.Pod from pkg/mod/k8s.io/client-go/tools/cache/reflector.go:243`);
}

async function scanText(text: string | string[], chunkSize?: number) {
  const body = Array.isArray(text) ? text.join("\n") : text;
  const chunks = chunkSize ? Array.from({ length: Math.ceil(body.length / chunkSize) }, (_, i) => body.slice(i * chunkSize, (i + 1) * chunkSize)) : [body];
  return scan(chunks, { log: "build-log.txt", catalog });
}

describe("scanner", () => {
  it("reports every distinct finding with its line, context and matched text", async () => {
    const lines = [
      ...filler(10),
      HEADLINE,
      ...filler(5, 10),
      "error: SchemaError(io.k8s.api.apps.v1beta2.DeploymentSpec): invalid object doesn't have additional properties",
      ...filler(5, 20),
      "Error: chart requires kubeVersion: >= 1.27.0-0 which is incompatible with Kubernetes v1.26.15-gke.1090000",
    ];
    const result = await scanText(lines);
    expect(result.findings.map((f) => [f.signature, f.line])).toEqual([
      ["k8s-compat-mincompat-out-of-range", 11],
      ["kubectl-openapi-schema-error", 17],
      ["helm-kubeversion-incompatible", 23],
    ]);
    const first = result.findings[0]!;
    expect(first.match).toBe("minCompatibilityVersion version 1.30 is not between [1.31, 1.31]");
    expect(first.klog).toEqual({ level: "E", location: "run.go:72" });
    expect(first.context.before.map((l) => l.number)).toEqual([7, 8, 9, 10]);
    expect(first.context.after.map((l) => l.number)).toEqual([12, 13, 14, 15]);
    expect(result.stats).toMatchObject({ lines: 23, bytes: Buffer.byteLength(lines.join("\n")) });
  });

  it("collapses a crash loop's identical repeats into one finding with count and first/last lines", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(...filler(3, i), HEADLINE.replace("22:52:48", `22:${String(10 + (i % 50)).padStart(2, "0")}:48`));
    const result = await scanText(lines, 4096);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ count: 300, line: 4, lastLine: 1200 });
  });

  it("keeps different messages of the same signature apart", async () => {
    const result = await scanText([HEADLINE, HEADLINE.replace("1.30 is not between [1.31, 1.31]", "1.31 is not between [1.32, 1.35]")]);
    expect(result.findings.map((f) => f.captures["minCompatibilityVersion"])).toEqual(["1.30", "1.31"]);
  });

  it("reports both errors when Validate() returns them together on one line", async () => {
    const line = 'E0206 22:52:48.682710 1 run.go:72] "command failed" err="[emulation version 1.30 is not between [1.31, 1.30.0], minCompatibilityVersion version 1.29 is not between [1.31, 1.30]]"';
    const result = await scanText([line]);
    expect(result.findings.map((f) => f.signature).sort()).toEqual(["k8s-compat-emulation-out-of-range", "k8s-compat-mincompat-out-of-range"]);
  });

  it("rejoins a message wrapped at a space, mid-word, or with a CRI partial line, and does not report the pieces twice", async () => {
    const atSpace = ['E0206 22:52:48.682710 1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between', "    [1.31, 1.31]", "next"];
    const midWord = ['err="minCompatibilityVers', 'ion version 1.30 is not between [1.31, 1.31]"', "next"];
    const partial = [
      "2025-02-06T22:52:48.682840017Z stderr P E0206 22:52:48.682710 1 run.go:72] \"command failed\" err=\"minCompatibilityVersion version 1.30 is no",
      "2025-02-06T22:52:48.682840017Z stderr F t between [1.31, 1.31]\"",
    ];
    for (const lines of [atSpace, midWord, partial]) {
      const result = await scanText(lines);
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ line: 1, endLine: 2, captures: { minCompatibilityVersion: "1.30", lower: "1.31", upper: "1.31" } });
    }
  });

  it("completes a message whose optional tail wrapped onto the next line, without gluing words onto versions", async () => {
    const wrapped = await scanText([
      "[ERROR KubeletVersion]: the kubelet version is higher than the control plane version. This is not a supported version skew and may lead to a malfunc",
      'tional cluster. Kubelet version: "1.34.0-rc.1" Control plane version: "1.33.5"',
      "next",
    ]);
    expect(wrapped.findings).toHaveLength(1);
    expect(wrapped.findings[0]).toMatchObject({ line: 1, endLine: 2, captures: { kubelet: "1.34.0-rc.1", controlPlane: "1.33.5" } });

    const complete = await scanText(["Error: chart requires kubeVersion: >= 1.27.0-0 which is incompatible with Kubernetes v1.26.15-gke.1090000", "after that, cleanup"]);
    expect(complete.findings[0]).toMatchObject({ line: 1, endLine: 1, captures: { cluster: "v1.26.15-gke.1090000" } });
  });

  it("gives the same result whatever the chunking, down to one byte at a time", async () => {
    const lines = [...filler(20), HEADLINE, ...filler(20)];
    const whole = await scanText(lines);
    const bytewise = await scanText(lines, 1);
    expect(bytewise.findings).toEqual(whole.findings);
  });

  it("reads a Node Readable stream and CRLF line endings", async () => {
    const text = [...filler(3), HEADLINE, ...filler(3)].join("\r\n");
    const result = await scan(Readable.from([Buffer.from(text)]), { log: "x", catalog });
    expect(result.findings[0]?.text).toBe('"command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"');
    expect(result.findings[0]?.line).toBe(4);
  });

  it("collects version hints from banners without reporting them as findings", async () => {
    const result = await scanText(["Client Version: v1.31.4", "Kustomize Version: v5.4.2", "Server Version: v1.31.4", "[init] Using Kubernetes version: v1.31.4"]);
    expect(result.findings).toEqual([]);
    expect(result.hints.map((h) => [h.role, h.version, h.source])).toEqual([
      ["client", "v1.31.4", "build-log.txt:1"],
      ["server", "v1.31.4", "build-log.txt:3"],
      ["kubernetes", "v1.31.4", "build-log.txt:4"],
    ]);
  });

  it("redacts secrets in matched text and context", async () => {
    const result = await scanText(["export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "curl -H 'Authorization: Bearer s3cr3t-t0ken-value' https://x", HEADLINE]);
    const context = result.findings[0]!.context.before.map((l) => l.text).join("\n");
    expect(context).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    expect(context).not.toContain("s3cr3t-t0ken-value");
    expect(context).toContain("[REDACTED]");
  });

  it("survives invalid UTF-8, NUL and binary bytes, and still finds the message after them", async () => {
    const junk = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a, 0x00, 0x00, 0x0a]);
    const scanner = new Scanner({ log: "bin", catalog });
    scanner.push(junk);
    scanner.push(Buffer.from(`\u00ff\u0000${HEADLINE}\n`, "latin1"));
    const result = scanner.end();
    expect(result.findings[0]?.signature).toBe("k8s-compat-mincompat-out-of-range");
  });

  it("never throws on random input", async () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 50; round++) {
      const bytes = Buffer.alloc(Math.floor(rand() * 20000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rand() < 0.05 ? 10 : Math.floor(rand() * 256);
      // Sprinkle anchors so that the matching path runs on garbage too.
      const text = Buffer.concat([bytes, Buffer.from("is not between [1.3\nminCompatibilityVersion version \nunknown flag: --\n")]);
      const result = await scan([text.subarray(0, text.length / 2), text.subarray(text.length / 2)], { log: "r", catalog });
      expect(result.stats.bytes).toBe(text.length);
    }
  });

  it("examines an over-long line around its anchor and keeps memory flat", async () => {
    const scanner = new Scanner({ log: "long", catalog, maxLineBytes: 64 * 1024 });
    const block = Buffer.alloc(1024 * 1024, "x");
    scanner.push(block);
    scanner.push(Buffer.from(` ${HEADLINE} `));
    for (let i = 0; i < 8; i++) scanner.push(block); // ~9 MB without a newline
    scanner.push(Buffer.from(`\n${HEADLINE}\n`));
    const result = scanner.end();
    expect(result.stats.longLines).toBe(1);
    // The message 1 MB into the 9 MB line is found as when the line arrives in one chunk, and the same
    // message on the next line is its repeat.
    expect(result.findings.map((f) => [f.line, f.count, f.lastLine])).toEqual([[1, 2, 2]]);
    expect(result.findings[0]!.text.length).toBeLessThanOrEqual(2001);
  });

  it("finds a message in a megabyte-long line inside one chunk, around its anchor", async () => {
    const line = `${"y".repeat(2 * 1024 * 1024)} ${HEADLINE} ${"z".repeat(1024 * 1024)}`;
    const result = await scan([Buffer.from(`${line}\nnext\n`)], { log: "long", catalog });
    expect(result.findings[0]?.captures["minCompatibilityVersion"]).toBe("1.30");
    expect(result.findings[0]!.text.length).toBeLessThanOrEqual(2001);
  });

  it("scans a large stream with bounded memory", async () => {
    const line = Buffer.from(`${filler(1)[0]}\n`);
    const chunk = Buffer.concat(Array.from({ length: Math.ceil((256 * 1024) / line.length) }, () => line));
    const total = 150 * 1024 * 1024;
    async function* body() {
      for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
      yield Buffer.from(`${HEADLINE}\n`);
    }
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const scanner = new Scanner({ log: "big", catalog });
    let n = 0;
    for await (const c of body()) {
      scanner.push(c);
      if (++n % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const result = scanner.end();
    expect(result.findings).toHaveLength(1);
    expect(result.stats.bytes).toBeGreaterThan(total);
    // 150 MB went through; the heap must not have grown anywhere near that.
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("scanner repeats", () => {
  it("collapses repeats whose white space differs, and keeps messages that differ apart", async () => {
    const warning = (space: string, client = "1.34") => `WARNING: version difference between client (${client}) and server (1.31) exceeds${space}the supported minor version skew of +/-1`;
    const lines = [warning(" "), warning("  "), warning("\t"), warning("\u00a0"), warning(" ", "1.35"), warning(" ")];
    const result = await scan([lines.join("\n") + "\n"], { log: "w", catalog });
    expect(result.findings.map((f) => [f.captures["client"], f.count, f.line, f.lastLine])).toEqual([
      ["1.34", 5, 1, 6],
      ["1.35", 1, 5, 5],
    ]);
  });
});

describe("scanner caches", () => {
  it("counts every repeat exactly when there are more distinct messages than the caches hold", async () => {
    const warning = (i: number) => `WARNING: version difference between client (1.${i}) and server (1.31) exceeds the supported minor version skew of +/-1`;
    const lines: string[] = [];
    for (let round = 0; round < 3; round++) for (let i = 0; i < 1500; i++) lines.push(warning(i));
    const scanner = new Scanner({ log: "many", catalog, maxFindings: 2000, contextLines: 0 });
    scanner.push(lines.join("\n") + "\n");
    const result = scanner.end();
    expect(result.findings).toHaveLength(1500);
    expect(result.findings.every((f) => f.count === 3)).toBe(true);
    expect(result.findings[1499]).toMatchObject({ line: 1500, lastLine: 4500, captures: { client: "1.1499" } });
  });
});

describe("scanner repeat cache", () => {
  /** Lines that repeat under prefixes the normaliser strips, near-identical ones, and the messages around them. */
  function repeatingLog(count: number, seed: number): string {
    let s = seed;
    const rand = (n: number) => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) % n;
    };
    const p2 = (n: number) => String(n).padStart(2, "0");
    const messages = [
      'err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"',
      "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1",
      "WARNING: version difference between client (1.35) and server (1.31) exceeds the supported minor version skew of +/-1",
      "k8s.io/client-go/informers/factory.go:134: Failed to watch *v1beta1.PodDisruptionBudget: failed to list *v1beta1.PodDisruptionBudget: the server could not find the requested resource",
      "error: unknown flag: --kubelet-use-node-status-port",
      "Error: chart requires kubeVersion: >= 1.27.0-0 which is incompatible with Kubernetes",
      "v1.26.15-gke.1090000",
      "Listing and watching *v1.Pod from pkg/mod/k8s.io/client-go/tools/cache/reflector.go:243",
    ];
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const ts = `2025-02-06T${p2(rand(24))}:${p2(rand(60))}:${p2(rand(60))}.${rand(1e9)}Z`;
      const klog = `${"IWE"[rand(3)]}0206 ${p2(rand(24))}:${p2(rand(60))}:${p2(rand(60))}.${rand(1e6)} ${" ".repeat(rand(6))}${rand(9999)} ${["run.go:72", "run.go:74", "reflector.go:138"][rand(3)]}] `;
      const message = `${messages[rand(messages.length)]}${rand(8) === 0 ? ` pod=app-${rand(1e6).toString(36)}` : ""}`;
      const forms = [
        `${ts} stderr F ${klog}${message}`,
        `${ts} ${message}`,
        `${ts}  ${message}`,
        `${klog}${message}`,
        JSON.stringify({ log: `${klog}${message}\n`, stream: "stderr", time: ts }),
        message,
      ];
      lines.push(forms[rand(forms.length)]!);
    }
    return lines.join("\n") + "\n";
  }

  const scanBoth = (text: Buffer | string, options: { contextLines?: number } = {}) => {
    const run = (repeatCache: boolean) => {
      const scanner = new Scanner({ log: "l", catalog, repeatCache, ...options });
      scanner.push(text);
      return scanner.end();
    };
    return { cached: run(true), uncached: run(false) };
  };

  it("gives the same result with the cache as without it, on the corpora", () => {
    const files = listFixtures(FIXTURES);
    expect(files.length).toBeGreaterThan(100);
    let findings = 0;
    for (const file of files) {
      const { cached, uncached } = scanBoth(readFixture(file).log);
      expect(cached, file).toEqual(uncached);
      findings += cached.findings.length;
    }
    expect(findings).toBeGreaterThan(100);
  });

  it("gives the same result with the cache as without it, on logs where many lines repeat under other prefixes", () => {
    for (const [seed, context] of [
      [0x1234, 4],
      [0x9876, 0],
      [0x5555, 2],
    ] as const) {
      const { cached, uncached } = scanBoth(repeatingLog(4000, seed), { contextLines: context });
      expect(cached.findings.length).toBeGreaterThan(5);
      expect(cached).toEqual(uncached);
    }
  });
});
