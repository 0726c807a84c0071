// Whole-process rows of `npm run bench`: the CLI as a user runs it against ripgrep and GNU grep on the same
// file, start-up against `node -e 0`, and a log where very many lines match. Medians of interleaved runs.

import { Buffer } from "node:buffer";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import process from "node:process";

/** Wall time of one whole process, and its stdout. */
export function timeProcess(command, args, { env = {}, okCodes = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - start;
      if (!okCodes.includes(code)) reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${err.split("\n")[0]}`));
      else resolve({ ms, out, code });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * ripgrep for the comparison rows: installed here with apt-get when absent and allowed (root, Debian), as the
 * issue asks of the bench's own set-up; otherwise undefined, and the rows say they were skipped.
 */
export function ensureRipgrep(log) {
  const version = () => {
    try {
      return execFileSync("rg", ["--version"], { encoding: "utf8" }).split("\n")[0];
    } catch {
      return undefined;
    }
  };
  let found = version();
  if (found || process.env["BENCH_NO_INSTALL"] === "1") return found;
  if (process.getuid?.() !== 0) return undefined;
  log("ripgrep is absent: installing it with apt-get for the comparison rows …");
  const quiet = { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } };
  let r = spawnSync("apt-get", ["install", "-y", "-q", "ripgrep"], quiet);
  if (r.status !== 0) {
    spawnSync("apt-get", ["update", "-q"], quiet);
    r = spawnSync("apt-get", ["install", "-y", "-q", "ripgrep"], quiet);
  }
  found = version();
  return found;
}

/** The anchors one per line, regex-escaped: `rg -c -f` takes one pattern per line. */
export function writeLinePatterns(path, anchors) {
  writeFileSync(path, anchors.map((a) => a.replace(/[.[\]()*+?{}|^$\\]/g, "\\$&")).join("\n") + "\n");
}

/**
 * A log in which `matching` lines match a signature (kubectl's skew warning with changing versions and
 * timestamps, so that they are distinct lines, as in a log where a loop prints it), between filler lines.
 */
export function generateMatchingLog(path, matching) {
  const fd = openSync(path, "w");
  let bytes = 0;
  let lines = 0;
  const batch = [];
  const flush = () => {
    const buf = Buffer.from(batch.join(""));
    writeSync(fd, buf);
    bytes += buf.length;
    batch.length = 0;
  };
  for (let i = 0; i < matching; i++) {
    const s = String(i % 60).padStart(2, "0");
    batch.push(`2025-02-06T22:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${s}.${String(i % 1e7).padStart(7, "0")}Z WARNING: version difference between client (1.${30 + (i % 7)}) and server (1.${27 + (i % 3)}) exceeds the supported minor version skew of +/-1\n`);
    batch.push(`I0206 22:52:${s}.000000       1 reflector.go:${i % 997}] Listing and watching *v1.Pod from pkg/mod/k8s.io/client-go/tools/cache/reflector.go:243\n`);
    lines += 2;
    if (batch.length >= 4096) flush();
  }
  flush();
  closeSync(fd);
  return { path, bytes, lines, matching };
}
