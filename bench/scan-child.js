// One scan of one file, alone in its process so that its peak RSS can be read.
//   node bench/scan-child.js <file> [customSignatureCount]
// Prints one JSON line: bytes, wall time of the scan, peak RSS, findings and stats.

import { createReadStream } from "node:fs";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { scan } from "../lib/scan/scanner.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../lib/signatures/index.js";
import { customSignatures } from "./custom-signatures.js";

const [file, custom = "0"] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/scan-child.js <file> [customSignatureCount]");

/** Peak resident set size in bytes: the kernel's high-water mark, as /usr/bin/time -v reports it. */
function peakRss() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

const signatures = [...builtinSignatures, ...customSignatures(Number(custom))];
const compileStart = performance.now();
const catalog = compileCatalog(signatures, builtinHints);
const compileMs = performance.now() - compileStart;
const idleRss = peakRss();

const start = performance.now();
const cpuBefore = process.cpuUsage();
const result = await scan(createReadStream(file, { highWaterMark: 1024 * 1024 }), { log: "build-log.txt", catalog });
const scanMs = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);

process.stdout.write(
  `${JSON.stringify({
    bytes: result.stats.bytes,
    scanMs,
    /** CPU time of the scan (user + system), less sensitive than wall time to other load on the machine. */
    cpuMs: (cpu.user + cpu.system) / 1000,
    compileMs,
    rules: signatures.length,
    anchors: catalog.anchors.anchors.length,
    idleRss,
    peakRss: peakRss(),
    findings: result.findings.map((f) => ({ signature: f.signature, line: f.line, count: f.count })),
    stats: result.stats,
  })}\n`,
);
