// Whole-process rows of `npm run bench`: the CLI as a user runs it against ripgrep and GNU grep on the same
// file, start-up against `node -e 0`, and a log where very many lines match. Medians of interleaved runs.

import { Buffer } from "node:buffer";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, openSync, readSync, writeFileSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import process from "node:process";

/** Spawns `command` and collects its stdout and stderr; resolves with them, the exit code and the wall time. */
function collect(command, args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ ms: performance.now() - start, out, err, code }));
  });
}

/** Wall time of one whole process, and its stdout. */
export async function timeProcess(command, args, { env = {}, okCodes = [0] } = {}) {
  const { ms, out, err, code } = await collect(command, args, env);
  if (!okCodes.includes(code)) throw new Error(`${command} ${args.join(" ")} exited with ${code}: ${err.split("\n")[0]}`);
  return { ms, out, code };
}

const GNU_TIME = "/usr/bin/time";

/** Whether the rusage rows can be measured: GNU time reports a child's CPU time and peak RSS. */
export const haveGnuTime = () => existsSync(GNU_TIME);

/**
 * Like timeProcess, and the process's CPU time (user + system) and peak RSS (all its threads: scan threads
 * live in the process) as GNU time reports them. Its stdout is read through a pipe, never /dev/null (GNU grep
 * stops at the first match when its output is /dev/null).
 */
export async function timeWithUsage(command, args, options = {}) {
  if (!haveGnuTime()) return { ...(await timeProcess(command, args, options)), cpuMs: NaN, maxRssBytes: NaN };
  const { ms, out, err, code } = await collect(GNU_TIME, ["-f", "skewbot-bench-usage %U %S %M", command, ...args], options.env ?? {});
  const usage = /skewbot-bench-usage ([\d.]+) ([\d.]+) (\d+)/.exec(err);
  if (!(options.okCodes ?? [0]).includes(code) || !usage) throw new Error(`${command} ${args.join(" ")} exited with ${code}: ${err.split("\n")[0]}`);
  return { ms, out, code, cpuMs: (Number(usage[1]) + Number(usage[2])) * 1000, maxRssBytes: Number(usage[3]) * 1024 };
}

/**
 * A log of about `bytes`, made of copies of `unit` (a generated log) end to end: the whole-process rows need
 * 300 MB and 1 GB whatever BENCH_SCALE says (threads start at 64 MiB), and copying is 20× faster than
 * generating. Every copy holds the unit's planted findings, so each is found once per copy.
 */
export function repeatLog(unit, path, bytes) {
  const copies = Math.max(1, Math.round(bytes / unit.bytes));
  copyFileSync(unit.path, path);
  const out = openSync(path, "a");
  const src = openSync(unit.path, "r");
  const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
  try {
    for (let c = 1; c < copies; c++) {
      for (let at = 0, n; (n = readSync(src, buf, 0, buf.length, at)) > 0; at += n) writeSync(out, buf, 0, n);
    }
  } finally {
    closeSync(out);
    closeSync(src);
  }
  return { path, bytes: unit.bytes * copies, lines: unit.lines * copies, copies };
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
 * A log in which `matching` lines hold an anchor, between filler lines. Two variants:
 * - "repeated" (row 7): kubectl's skew warning with changing versions and RFC3339 timestamps, as in a log where a
 *   loop prints it: distinct raw lines, but only 21 distinct messages once the timestamp is stripped.
 * - "distinct" (row 7b): what a real CI log holds besides loops: four kinds of line in turn, each with its own
 *   timestamp, pid, pod, hash and request id, so that half of the messages never repeat once normalised: a
 *   client-go watch failure in a CRI line (repeats after the CRI and klog prefixes), the kubectl warning behind
 *   an RFC3339 timestamp, a controller's nodegroup error in a docker JSON line (a distinct finding per line,
 *   past the finding cap), and a CAPI "Required value" reconciler error that wakes the generic layer without
 *   matching. The filler lines carry distinct pods and timestamps too.
 */
export function generateMatchingLog(path, matching, variant = "repeated") {
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
  const line = variant === "distinct" ? distinctLines() : repeatedLines;
  for (let i = 0; i < matching; i++) {
    batch.push(...line(i));
    lines += 2;
    if (batch.length >= 4096) flush();
  }
  flush();
  closeSync(fd);
  return { path, bytes, lines, matching, variant };
}

function repeatedLines(i) {
  const s = String(i % 60).padStart(2, "0");
  return [
    `2025-02-06T22:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${s}.${String(i % 1e7).padStart(7, "0")}Z WARNING: version difference between client (1.${30 + (i % 7)}) and server (1.${27 + (i % 3)}) exceeds the supported minor version skew of +/-1\n`,
    `I0206 22:52:${s}.000000       1 reflector.go:${i % 997}] Listing and watching *v1.Pod from pkg/mod/k8s.io/client-go/tools/cache/reflector.go:243\n`,
  ];
}

function distinctLines() {
  // A fixed pseudo-random sequence (the same log on every run).
  let seed = 0x2545f491;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const hex = (n) => rand().toString(16).padStart(8, "0").slice(0, n);
  const alnum = (n) => rand().toString(36).padStart(7, "0").slice(0, n);
  const p2 = (n) => String(n).padStart(2, "0");
  return (i) => {
    // Time moves on by a few milliseconds per line: every timestamp differs.
    const ms = 1_733_011_200_000 + i * 7 + (rand() % 5);
    const d = new Date(ms);
    const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    const frac = `${String(d.getUTCMilliseconds()).padStart(3, "0")}${String(rand() % 1e6).padStart(6, "0")}`;
    const rfc = `2024-12-01T${hms}.${frac}Z`;
    const klogTs = `${hms}.${frac.slice(0, 6)}`;
    const pid = String(1 + (rand() % 30000)).padStart(7, " ");
    const pod = `app-${hex(10)}-${alnum(5)}`;
    const ns = `ns-${i % 53}`;
    let matched;
    switch (i % 4) {
      case 0:
        matched = `${rfc} stderr F E1201 ${klogTs} ${pid} reflector.go:138] k8s.io/client-go/informers/factory.go:134: Failed to watch *v1beta1.PodDisruptionBudget: failed to list *v1beta1.PodDisruptionBudget: the server could not find the requested resource\n`;
        break;
      case 1:
        matched = `${rfc} WARNING: version difference between client (1.${30 + (i % 7)}) and server (1.${27 + (i % 3)}) exceeds the supported minor version skew of +/-1\n`;
        break;
      case 2:
        matched = `{"log":"E1201 ${klogTs} ${pid} controller.go:166] error syncing '${ns}/c-${alnum(5)}': handler eks-controller: nodegroup [ng-${hex(6)}] version must match cluster [c-${alnum(5)}] version on create, requeuing\\n","stream":"stderr","time":"${rfc}"}\n`;
        break;
      default:
        matched = `${rfc} stderr F E1201 ${klogTs} ${pid} controller.go:329] "Reconciler error" err="Machine.cluster.x-k8s.io \\"md-0-${alnum(5)}\\" is invalid: spec.bootstrap.dataSecretName: Required value" controller="machine" namespace="${ns}" name="md-0-${alnum(5)}" reconcileID="${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(8)}${hex(4)}"\n`;
    }
    return [matched, `${rfc} stdout F I1201 ${klogTs} ${pid} reflector.go:${rand() % 997}] Listing and watching *v1.Pod ${ns}/${pod} from pkg/mod/k8s.io/client-go/tools/cache/reflector.go:243\n`];
  };
}
