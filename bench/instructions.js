// Row 1i of npm run bench (opt-in, BENCH_INSTRUCTIONS=1): the scan's work counted in instructions rather than
// seconds. Wall times on a shared two-core machine swing by 2× between runs; callgrind's instruction count is the
// same for the same binary and input whatever else runs, so this row is the one to compare across commits.
// Counts whole processes: the scan child on the log less the same child on an empty file (start-up and catalog
// compilation), against grep -E -c on the same anchor alternation as row 1.

import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";

export function valgrindAvailable() {
  try {
    execFileSync("valgrind", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Instructions executed by a whole process (callgrind's "Collected"), following no children. */
function instructions(command, args, env = process.env) {
  const run = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", command, ...args], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const m = /Collected : (\d+)/.exec(run.stderr ?? "");
  if (!m) throw new Error(`callgrind printed no count for ${command} (exit ${run.status}): ${(run.stderr ?? "").slice(-400)}`);
  return Number(m[1]);
}

/** { scan, grep } instructions for the log, the scan's without its process's fixed cost. */
export function instructionCounts({ scanChild, patternFile, log, dir }) {
  const empty = join(dir, "empty.log");
  writeFileSync(empty, "");
  const fixed = instructions(process.execPath, [scanChild, empty]);
  const whole = instructions(process.execPath, [scanChild, log]);
  const grep = instructions("grep", ["-E", "-c", "-f", patternFile, log], { ...process.env, LC_ALL: "C" });
  return { scan: whole - fixed, fixed, grep };
}
