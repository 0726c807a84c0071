// npm run bench: scan throughput against grep, peak memory, rule scaling, end-to-end overhead and the history
// store (bench/history.js: store latency at 1M findings, window parallel against sequential), every
// figure measured in this run on this machine. Prints one table and writes it, with the machine's
// description, to docs/benchmarks.md. Needs lib/ (npm run bench builds it first), GNU grep, GNU time for the
// CPU and memory columns of the whole-process rows, and about 2.9 GB free in the temp directory for the
// generated logs (1.4 GB of them for the 300 MB and 1 GB whole-process rows, up to 1 GB for row 2's flatness check),
// which are deleted afterwards.
//
// Environment: BENCH_RUNS (repetitions of each measurement, default 5; the best counts, the spread is shown),
// BENCH_SCALE (log sizes as a fraction of the full ones, default 1; for a quick try of the harness),
// BENCH_MATCHING_LINES (matching lines of row 7, default 1 000 000, times BENCH_SCALE), BENCH_NO_INSTALL=1
// (do not apt-get install ripgrep when it is absent: its rows are then skipped), BENCH_WHOLE_SCALE (the sizes
// of the 300 MB and 1 GB whole-process rows, default 1: unlike BENCH_SCALE, since threads start at 64 MiB),
// BENCH_INSTRUCTIONS=1 (add row 1i: the scan counted in instructions by valgrind's callgrind, steady on a busy machine).

import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";
import { builtinHints, builtinSignatures, compileCatalog } from "../lib/signatures/index.js";
import { endToEndRun, runJsonChild } from "./e2e.js";
import { generateLog, TRUE_FINDINGS } from "./generate.js";
import { historyBench } from "./history.js";
import { fleetBench } from "./fleet.js";
import { requestRows } from "./requests.js";
import { ensureRipgrep, generateMatchingLog, haveGnuTime, median, repeatLog, timeProcess, timeWithUsage, writeLinePatterns } from "./cli-rows.js";
import { curlAvailable, httpMeasure, httpRows } from "./http-rows.js";
import { instructionCounts, valgrindAvailable } from "./instructions.js";
import { idleCores } from "../lib/parallel/limits.js";

const RUNS = Math.max(1, Number(process.env["BENCH_RUNS"] ?? 5));
const SCALE = Number(process.env["BENCH_SCALE"] ?? 1);
const MB = 1e6;
const SIZES = { big: 300 * MB * SCALE, small: 30 * MB * SCALE, prow: 100 * MB * SCALE, tiny: 1 * MB };
/** The whole-process rows against ripgrep and grep: the issue's 300 MB and 1 GB, whatever BENCH_SCALE says. */
const WHOLE_SCALE = Number(process.env["BENCH_WHOLE_SCALE"] ?? 1);
const WHOLE = { mid: 300 * MB * WHOLE_SCALE, large: 1000 * MB * WHOLE_SCALE, unit: 100 * MB * WHOLE_SCALE };
/** Rounds of those rows: at most 3 (a round reads 1.3 GB six times over), to keep the bench within minutes. */
const WHOLE_RUNS = Math.min(RUNS, 3);
const CUSTOM = 300;
/** Matching lines in the many-matches row (BENCH_MATCHING_LINES; scaled by BENCH_SCALE). */
const MATCHING = Math.round(Number(process.env["BENCH_MATCHING_LINES"] ?? 1_000_000) * SCALE);
/** The download speed of the "realistic link" end-to-end row. */
const LINK = 50 * MB;
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);

// --- measurements ---------------------------------------------------------------------------------

/** `LC_ALL=C grep -E -c -f <patterns> <file>`: wall time of the whole process, and its count. */
function grepCount(patternFile, file) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn("grep", ["-E", "-c", "-f", patternFile, file], { env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - start;
      // grep exits 1 when no line matched: still a measurement.
      if (code !== 0 && code !== 1) reject(new Error(`grep exited with ${code}`));
      else resolve({ ms, count: Number(out.trim()) });
    });
  });
}

const scanChild = (file, custom = 0) => runJsonChild(here("./scan-child.js"), [file, String(custom)]);

/**
 * The anchors of the catalog as one ERE alternation, on one line. (GNU grep 3.8 takes half as long again when
 * the same set comes one pattern per line, or with -F: the single alternation is its best.)
 */
function anchorPatterns() {
  const catalog = compileCatalog(builtinSignatures, builtinHints);
  return catalog.anchors.anchors.map((a) => a.replace(/[.[\]()*+?{}|^$\\]/g, "\\$&")).join("|") + "\n";
}

// --- statistics and formatting --------------------------------------------------------------------

const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);
const mbps = (bytes, ms) => bytes / MB / (ms / 1000);
const f0 = (x) => x.toFixed(0);
const f2 = (x) => x.toFixed(2);
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const spreadOf = (xs, fmt) => `${fmt(min(xs))}–${fmt(max(xs))}`;

function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync("/proc/cpuinfo", "utf8");
    } catch {
      return "";
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  const cache = /^cache size\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
  const grep = (() => {
    try {
      return execFileSync("grep", ["--version"], { encoding: "utf8" }).split("\n")[0];
    } catch {
      return "unknown";
    }
  })();
  return {
    cpu: cache ? `${model} (cache ${cache})` : model,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    grep,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

function sameFindings(result, expected) {
  const got = result.findings.map((f) => `${f.signature}@${f.line}`).join(",");
  return got === expected.map((f) => `${f.signature}@${f.line}`).join(",");
}

// --- the run --------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  const host = machine();
  const dir = mkdtempSync(join(os.tmpdir(), "skewbot-bench-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  try {
    log(`generating logs in ${dir} …`);
    const big = generateLog(join(dir, "build-log-300.txt"), SIZES.big);
    const small = generateLog(join(dir, "build-log-30.txt"), SIZES.small);
    const prow = generateLog(join(dir, "build-log-100.txt"), SIZES.prow, { seed: 0x100 });
    const tiny = generateLog(join(dir, "build-log-1.txt"), SIZES.tiny, { seed: 0x1 });
    // Row 2's flatness check: copies of the big log end to end, 5× its size (at most 1 GB).
    const huge = repeatLog(big, join(dir, "build-log-huge.txt"), Math.min(5 * big.bytes, 1000 * MB));
    const patternFile = join(dir, "anchors.ere");
    writeFileSync(patternFile, anchorPatterns());

    // Warm the page cache and the code paths once, unmeasured.
    await grepCount(patternFile, big.path);
    await scanChild(big.path);

    const m = { grep: [], scan: [], custom: [], small: [], huge: [] };
    for (let r = 1; r <= RUNS; r++) {
      log(`scan round ${r}/${RUNS} …`);
      // Interleaved, so that a burst of load on a shared machine hits every measurement alike.
      m.grep.push(await grepCount(patternFile, big.path));
      m.scan.push(await scanChild(big.path));
      m.custom.push(await scanChild(big.path, CUSTOM));
      m.small.push(await scanChild(small.path));
      m.huge.push(await scanChild(huge.path));
    }

    // Row 1i, opt-in: the same scan counted in instructions (callgrind), on the small log (valgrind runs ~50× slower).
    let counted = null;
    if (process.env["BENCH_INSTRUCTIONS"] === "1") {
      if (valgrindAvailable()) {
        log("counting instructions (callgrind) …");
        counted = { ...instructionCounts({ scanChild: here("./scan-child.js"), patternFile, log: small.path, dir }), bytes: small.bytes };
      } else log("valgrind is not installed: row 1i is skipped");
    }

    // Whole processes, the CLI as a user runs it: against ripgrep and grep on the same files, start-up
    // against `node -e 0`, and a log where very many lines match. Interleaved; medians.
    const rg = ensureRipgrep(log);
    if (!rg) log("ripgrep is not installed and could not be: its rows are skipped");
    const cli = here("../lib/cli.js");
    const linePatterns = join(dir, "anchors.txt");
    writeLinePatterns(linePatterns, compileCatalog(builtinSignatures, builtinHints).anchors.anchors);
    const oneLine = join(dir, "one-line.log");
    writeFileSync(oneLine, "all good\n");
    const matching = generateMatchingLog(join(dir, "matching.log"), MATCHING);
    const analyzeCli = (file) => timeProcess(process.execPath, [cli, "analyze", file, "--format", "json"], { okCodes: [0, 1, 3] });
    const rgCount = (file) => timeProcess("rg", ["-c", "-f", linePatterns, file], { okCodes: [0, 1] });
    const w = { cliSmall: [], rgSmall: [], grepSmall: [], start: [], node: [], cliMatch: [], grepMatch: [] };

    // The 300 MB and 1 GB rows: the CLI with --jobs as a user runs it (the default), --jobs 2 and --jobs 1, ripgrep and
    // grep, each as a whole process with its CPU time and peak RSS (GNU time), interleaved.
    log(`generating the ${f0(WHOLE.mid / MB)} MB and ${f0(WHOLE.large / MB)} MB logs for the whole-process rows …`);
    const unit = generateLog(join(dir, "whole-unit.txt"), WHOLE.unit, { seed: 0x1000 });
    const wholeLogs = { mid: repeatLog(unit, join(dir, "whole-mid.txt"), WHOLE.mid), large: repeatLog(unit, join(dir, "whole-large.txt"), WHOLE.large) };
    rmSync(unit.path);
    const usage = (command, args, okCodes) => timeWithUsage(command, args, { okCodes, ...(command === "grep" ? { env: { LC_ALL: "C" } } : {}) });
    const wholeRuns = { mid: { auto: [], j2: [], j1: [], rg: [], grep: [], threads: [], load: [] }, large: { auto: [], j2: [], j1: [], rg: [], grep: [], threads: [], load: [] } };
    for (const size of ["mid", "large"]) await grepCount(patternFile, wholeLogs[size].path);
    for (let r = 1; r <= WHOLE_RUNS; r++) {
      log(`whole-process round ${r}/${WHOLE_RUNS} (${f0(WHOLE.mid / MB)} MB, ${f0(WHOLE.large / MB)} MB) …`);
      for (const size of ["mid", "large"]) {
        const { path } = wholeLogs[size];
        const runs = wholeRuns[size];
        runs.load.push(os.loadavg()[0]);
        // What the default would choose now (the CLI asks the same rule as it starts).
        runs.threads.push(idleCores());
        runs.auto.push(await usage(process.execPath, [cli, "analyze", path, "--format", "json"], [0, 1, 3]));
        runs.j2.push(await usage(process.execPath, [cli, "analyze", path, "--format", "json", "--jobs", "2"], [0, 1, 3]));
        runs.j1.push(await usage(process.execPath, [cli, "analyze", path, "--format", "json", "--jobs", "1"], [0, 1, 3]));
        if (rg) runs.rg.push(await usage("rg", ["-c", "-f", linePatterns, path], [0, 1]));
        runs.grep.push(await usage("grep", ["-E", "-c", "-f", patternFile, path], [0, 1]));
      }
    }

    for (let r = 1; r <= RUNS; r++) {
      log(`whole-process round ${r}/${RUNS} …`);
      w.cliSmall.push((await analyzeCli(small.path)).ms);
      w.grepSmall.push((await grepCount(patternFile, small.path)).ms);
      if (rg) w.rgSmall.push((await rgCount(small.path)).ms);
      w.node.push((await timeProcess(process.execPath, ["-e", "0"])).ms);
      w.start.push((await analyzeCli(oneLine)).ms);
      // NODE_EXTRA_CA_CERTS makes every node process read and parse those certificates as it starts, `node -e 0`
      // included: row 6's ratio is also measured without them (an empty value is no file), as on a plain machine.
      if (process.env["NODE_EXTRA_CA_CERTS"]) {
        const bare = { env: { NODE_EXTRA_CA_CERTS: "" } };
        (w.nodeBare ??= []).push((await timeProcess(process.execPath, ["-e", "0"], bare)).ms);
        (w.startBare ??= []).push((await timeProcess(process.execPath, [cli, "analyze", oneLine, "--format", "json"], { ...bare, okCodes: [0] })).ms);
      }
      w.cliMatch.push((await analyzeCli(matching.path)).ms);
      w.grepMatch.push((await grepCount(patternFile, matching.path)).ms);
    }

    const e2e = { loopback: [], link: [], tiny: [] };
    for (let r = 1; r <= RUNS; r++) {
      log(`end-to-end round ${r}/${RUNS} …`);
      e2e.loopback.push(await endToEndRun(prow.path));
      e2e.tiny.push(await endToEndRun(tiny.path));
    }
    for (let r = 1; r <= Math.min(RUNS, 3); r++) {
      log(`end-to-end round ${r}/${Math.min(RUNS, 3)} over a ${LINK / MB} MB/s link …`);
      e2e.link.push(await endToEndRun(prow.path, { linkBytesPerSecond: LINK }));
    }

    // HTTP on loopback (bench/http-rows.js): `skewbot analyze <url>` against curl of the same URL.
    const http = curlAvailable() ? await httpMeasure(big.path, { runs: RUNS, log }) : undefined;
    if (!http) log("curl is not installed: the HTTP rows are skipped");

    const history = await historyBench({ runs: Math.min(RUNS, 3), e2e: async (env, objects) => (await endToEndRun(tiny.path, { env, ...(objects ? { objects } : {}) })).endToEndMs });
    // Shared mode (bench/fleet.js): its rows and notes go with the history's.
    const fleet = await fleetBench({ runs: RUNS, prowLog: prow, dir, scale: SCALE });
    history.rows.push(...fleet.rows);
    history.notes.push(...fleet.notes);
    // GitHub requests per triage (bench/requests.js): counts, not timings.
    log("GitHub requests per triage …");
    const requests = await requestRows();
    history.rows.push(...requests.rows);
    history.notes.push(...requests.notes);
    const report = buildReport({ started, host, big, small, huge, prow, tiny, m, counted, e2e, history, w, rg, matching, http, whole: { runs: wholeRuns, logs: wholeLogs } });
    process.stdout.write(`${report.table}\n\n${report.notes.map((n) => `- ${n}`).join("\n")}\n`);
    writeFileSync(here("../docs/benchmarks.md"), report.markdown);
    log("written to docs/benchmarks.md");
  } finally {
    cleanup();
  }
}

function buildReport({ started, host, big, small, huge, prow, tiny, m, counted, e2e, history, w, rg, matching, http, whole }) {
  const grepRate = m.grep.map((g) => mbps(big.bytes, g.ms));
  const scanRate = m.scan.map((s) => mbps(big.bytes, s.scanMs));
  const bestGrep = max(grepRate);
  const bestScan = max(scanRate);
  const throughputRatio = bestScan / bestGrep;

  const rss300 = m.scan.map((s) => s.peakRss);
  const rss30 = m.small.map((s) => s.peakRss);
  const rssHuge = m.huge.map((s) => s.peakRss);
  const idle = m.scan.map((s) => s.idleRss);
  // Flat = the next multiple of the log costs (almost) nothing more. From the small log to the big one the
  // high-water mark rises once, by the stream's read buffers that V8 frees only at its external-memory
  // threshold; past that it stays put, which the big → huge step shows.
  const rssWarmUp = max(rss300) - max(rss30);
  const rssGrowth = max(rssHuge) - max(rss300);

  const builtinMs = m.scan.map((s) => s.scanMs);
  const customMs = m.custom.map((s) => s.scanMs);
  const scaling = min(customMs) / min(builtinMs);
  const rules = { builtin: m.scan[0].rules, custom: m.custom[0].rules, anchors: m.scan[0].anchors, customAnchors: m.custom[0].anchors };

  const loopDownload = e2e.loopback.map((r) => r.downloadMs);
  const loopE2e = e2e.loopback.map((r) => r.endToEndMs);
  const loopRatio = min(loopE2e) / min(loopDownload);
  const linkDownload = e2e.link.map((r) => r.downloadMs);
  const linkE2e = e2e.link.map((r) => r.endToEndMs);
  const linkRatio = min(linkE2e) / min(linkDownload);
  const tinyE2e = e2e.tiny.map((r) => r.endToEndMs);

  const ok = (met) => (met ? "met" : "**missed**");
  const targets = {
    throughput: throughputRatio >= 0.5,
    rss: max(rssHuge) < 150 * MB && rssGrowth < 10 * 1024 * 1024,
    scaling: scaling < 2,
    e2e: loopRatio <= 2,
    link: linkRatio < 1.3,
  };

  const bigMB = f0(big.bytes / MB);
  const rows = [
    ["#", "What", "skewbot", "spread", "baseline", "spread", "ratio", "target", "met?"],
    [
      "1",
      `Scan throughput, ${bigMB} MB log, built-in catalog`,
      `${f0(bestScan)} MB/s`,
      `${spreadOf(scanRate, f0)} MB/s`,
      `grep -E: ${f0(bestGrep)} MB/s`,
      `${spreadOf(grepRate, f0)} MB/s`,
      `${f2(throughputRatio)}× grep`,
      "≥ 0.5× grep",
      ok(targets.throughput),
    ],
    ...(counted
      ? [
          [
            "1i",
            `Scan work in instructions (callgrind), ${f0(counted.bytes / MB)} MB log, built-in catalog`,
            `${f2(counted.scan / counted.bytes)} per byte`,
            "",
            `grep -E: ${f2(counted.grep / counted.bytes)} per byte`,
            "",
            `${f2(counted.grep / counted.scan)}× grep's count`,
            "(steady across runs)",
            "",
          ],
        ]
      : []),
    [
      "2",
      `Peak RSS, scan of the ${f0(huge.bytes / MB)} MB log (${f0(small.bytes / MB)} MB log: ${mib(max(rss30))})`,
      mib(max(rssHuge)),
      `${spreadOf(rssHuge, mib)}`,
      `${bigMB} MB log: ${mib(max(rss300))}`,
      `${spreadOf(rss300, mib)}`,
      `${rssGrowth >= 0 ? "+" : "−"}${mib(Math.abs(rssGrowth))} for ${f0(huge.bytes / big.bytes)}× the log`,
      "< 150 MB, flat",
      ok(targets.rss),
    ],
    [
      "3",
      `Rule scaling: ${rules.custom} signatures (${rules.builtin} built-in + ${CUSTOM} custom), same log`,
      secs(min(customMs)),
      spreadOf(customMs, secs),
      `${rules.builtin} built-in: ${secs(min(builtinMs))}`,
      spreadOf(builtinMs, secs),
      `${f2(scaling)}× the time for ${f0(rules.custom / rules.builtin)}× the rules`,
      "< 2×",
      ok(targets.scaling),
    ],
    [
      "4",
      `End to end, ${f0(prow.bytes / MB)} MB Prow build log, loopback: webhook → comment`,
      secs(min(loopE2e)),
      spreadOf(loopE2e, secs),
      `download: ${secs(min(loopDownload))}`,
      spreadOf(loopDownload, secs),
      `${f2(loopRatio)}× the download`,
      "≤ 2×",
      ok(targets.e2e),
    ],
    [
      "4b",
      `Same, GCS behind a ${LINK / MB} MB/s link (runs: ${e2e.link.length})`,
      secs(min(linkE2e)),
      spreadOf(linkE2e, secs),
      `download: ${secs(min(linkDownload))}`,
      spreadOf(linkDownload, secs),
      `${f2(linkRatio)}× the download`,
      "(< 1.3×)",
      ok(targets.link),
    ],
    [
      "4c",
      `Same on loopback with a ${f0(tiny.bytes / MB)} MB build log: the fixed cost of a triage`,
      secs(min(tinyE2e)),
      spreadOf(tinyE2e, secs),
      "",
      "",
      "",
      "",
      "",
    ],
  ];
  if (http) {
    const h = httpRows(http, { ok, secs, spreadOf });
    rows.push(...h.rows);
    history.notes.push(h.note);
  }
  rows.push(...history.rows);
  // Whole-process rows (medians of interleaved runs, the issue's targets).
  const med = (xs) => (xs.length ? median(xs) : NaN);
  const vs = (a, b) => (Number.isFinite(b) ? `${f2(med(a) / b)}×` : "n/a");
  const rgSmall = med(w.rgSmall);
  const skipped = "skipped: ripgrep not installed";
  const ms = (runs) => runs.map((x) => x.ms);
  const cpu = (runs) => runs.map((x) => x.cpuMs);
  const rss = (runs) => runs.map((x) => x.maxRssBytes);
  const wholeTargets = {
    small: Number.isFinite(rgSmall) && med(w.cliSmall) <= 1.5 * rgSmall,
    start: med(w.start) <= 2 * med(w.node),
    match: med(w.cliMatch) <= 3 * med(w.grepMatch),
  };
  // The 300 MB and 1 GB rows: the default (the target's), then --jobs 2 and --jobs 1 for reference.
  for (const [size, label] of [
    ["mid", "5"],
    ["large", "5c"],
  ]) {
    const runs = whole.runs[size];
    const mb = f0(whole.logs[size].bytes / MB);
    const rgMs = med(ms(runs.rg));
    const grepMs = med(ms(runs.grep));
    const base = rg ? `rg -c -f: ${secs(rgMs)}; grep -E -c: ${secs(grepMs)}` : `${skipped}; grep -E -c: ${secs(grepMs)}`;
    const met = (runsOf) => Number.isFinite(rgMs) && med(ms(runsOf)) <= rgMs && med(ms(runsOf)) <= 0.7 * grepMs;
    const chose = runs.threads.filter((t) => t > 1).length;
    rows.push(
      [
        label,
        `Whole process, \`skewbot analyze --format json\` of a ${mb} MB log, \`--jobs\` by default (2 threads in ${chose} of ${runs.threads.length} runs)`,
        secs(med(ms(runs.auto))),
        spreadOf(ms(runs.auto), secs),
        base,
        rg ? spreadOf(ms(runs.rg), secs) : "",
        `${vs(ms(runs.auto), rgMs)} rg, ${vs(ms(runs.auto), grepMs)} grep`,
        "≤ 1× rg, ≤ 0.7× grep",
        ok(met(runs.auto)),
      ],
      [`${label}-j2`, "Same, `--jobs 2`", secs(med(ms(runs.j2))), spreadOf(ms(runs.j2), secs), "", "", `${vs(ms(runs.j2), rgMs)} rg, ${vs(ms(runs.j2), grepMs)} grep`, "(reference)", met(runs.j2) ? "(met)" : "(missed)"],
      [`${label}-j1`, "Same, `--jobs 1`", secs(med(ms(runs.j1))), spreadOf(ms(runs.j1), secs), "", "", `${vs(ms(runs.j1), rgMs)} rg, ${vs(ms(runs.j1), grepMs)} grep`, "(reference)", met(runs.j1) ? "(met)" : "(missed)"],
    );
  }
  const large = whole.runs.large;
  const peak = (runs) => max(rss(runs));
  const rssMet = haveGnuTime() && Math.max(peak(large.auto), peak(large.j2), peak(large.j1)) <= 150 * 1024 * 1024;
  rows.push([
    "5d",
    `Peak RSS of the whole process at ${f0(whole.logs.large.bytes / MB)} MB, \`--jobs 2\` (its scan thread counted: threads share the process)`,
    haveGnuTime() ? mib(peak(large.j2)) : "skipped: no GNU time",
    haveGnuTime() ? spreadOf(rss(large.j2), mib) : "",
    haveGnuTime() ? `--jobs 1: ${mib(peak(large.j1))}; default: ${mib(peak(large.auto))}` : "",
    haveGnuTime() ? spreadOf(rss(large.j1), mib) : "",
    "",
    "≤ 150 MiB",
    ok(rssMet),
  ]);
  rows.push(
    [
      "5b",
      `Whole process, \`skewbot analyze --format json\` of the ${f0(small.bytes / MB)} MB log`,
      secs(med(w.cliSmall)),
      spreadOf(w.cliSmall, secs),
      rg ? `rg -c -f: ${secs(rgSmall)}; grep -E -c: ${secs(med(w.grepSmall))}` : `${skipped}; grep -E -c: ${secs(med(w.grepSmall))}`,
      rg ? spreadOf(w.rgSmall, secs) : "",
      `${vs(w.cliSmall, rgSmall)} rg, ${vs(w.cliSmall, med(w.grepSmall))} grep`,
      "≤ 1.5× rg",
      ok(wholeTargets.small),
    ],
    ["6", "Start-up: `skewbot analyze` of a one-line file", secs(med(w.start)), spreadOf(w.start, secs), `node -e 0: ${secs(med(w.node))}`, spreadOf(w.node, secs), `${vs(w.start, med(w.node))} node`, "≤ 2× node -e 0", ok(wholeTargets.start)],
    [
      "7",
      `${matching.matching.toLocaleString("en")} matching lines in a ${f0(matching.bytes / MB)} MB log`,
      secs(med(w.cliMatch)),
      spreadOf(w.cliMatch, secs),
      `grep -E -c: ${secs(med(w.grepMatch))}`,
      spreadOf(w.grepMatch, secs),
      `${vs(w.cliMatch, med(w.grepMatch))} grep`,
      "≤ 3× grep",
      ok(wholeTargets.match),
    ],
  );
  const table = [rows[0], rows[0].map(() => "---"), ...rows.slice(1)].map((r) => `| ${r.join(" | ")} |`).join("\n");

  // Sanity: the figures only count if the scans found what was planted, and grep and the scanner agree on
  // which lines hold an anchor.
  const checks = [];
  const allFound = [...m.scan, ...m.custom].every((s) => sameFindings(s, big.findings)) && m.small.every((s) => sameFindings(s, small.findings));
  checks.push(
    allFound
      ? `Every scan reported exactly the ${TRUE_FINDINGS.length} planted findings, at their lines (the last at line ${big.findings.at(-1).line} of ${big.lines}).`
      : "**Some scan did not report exactly the planted findings: the figures above are not valid.**",
  );
  const grepLines = m.grep[0].count;
  const candidates = m.scan[0].stats.candidateLines;
  checks.push(`grep counted ${grepLines} lines holding an anchor; the scanner decoded and matched ${candidates} candidate lines${grepLines === candidates ? " (the same)" : " (they should agree)"}.`);

  const notes = [];
  const compile = (runs) => f0(min(runs.map((s) => s.compileMs)));
  checks.push(
    `Compiling the catalog (validation, regexes and the anchor automaton) took ${compile(m.scan)} ms for the built-in one and ` +
      `${compile(m.custom)} ms with the ${CUSTOM} custom signatures; the app compiles the built-in catalog once, and each ` +
      "distinct set of a repository's custom signatures once (cached). Not included in the scan times.",
  );
  if (!targets.throughput) notes.push(`Throughput is ${f2(throughputRatio)}× grep's, below the 0.5× target.`);
  if (!targets.rss) notes.push(`Peak RSS is ${mib(max(rssHuge))} for the ${f0(huge.bytes / MB)} MB log and ${mib(max(rss300))} for the ${bigMB} MB one: above 150 MB or not flat.`);
  notes.push(
    `Peak RSS rises by ${mib(rssWarmUp)} from the ${f0(small.bytes / MB)} MB log to the ${bigMB} MB one and by ${mib(Math.max(0, rssGrowth))} from there to ${f0(huge.bytes / MB)} MB: ` +
      "the first step is the read stream's 1 MiB chunks, which V8 frees only when its external memory reaches its threshold (the JavaScript heap stays near 8 MB throughout, as --trace-gc shows), not anything the scanner keeps.",
  );
  if (!targets.scaling) notes.push(`${CUSTOM} custom signatures cost ${f2(scaling)}× the time, above the 2× target.`);
  if (!targets.e2e) {
    const download = min(loopDownload);
    const fixed = min(tinyE2e);
    const streaming = min(loopE2e) - fixed;
    notes.push(
      `End to end on loopback is ${f2(loopRatio)}× the download, above the 2× target, and the scanner is not what ` +
        `limits it. Loopback delivers the ${f0(prow.bytes / MB)} MB in ${secs(download)} ` +
        `(${f0(mbps(prow.bytes, download))} MB/s), so 2× leaves ${secs(download)} for all the rest, while ` +
        `a triage's fixed cost alone is ${secs(fixed)} (row 4c, with a ${f0(tiny.bytes / MB)} MB log: webhook ` +
        "verification, installation token, configuration and Prow metadata requests, report and comment, in a " +
        `freshly started app process). The remaining ${secs(streaming)} is receiving and scanning the log in the ` +
        `app's single thread (${f0(mbps(prow.bytes, streaming))} MB/s). At its row-1 speed the scanner accounts for ` +
        `${secs(((prow.bytes / MB) / bestScan) * 1000)} of that; the rest is mostly the app's HTTP receive path ` +
        "(src/sources/http.ts: async iteration over the response, a timer per chunk), outside the scanner. Where " +
        "the network sets the pace, " +
        `as behind a ${LINK / MB} MB/s link (row 4b), the whole triage costs ${f0((linkRatio - 1) * 100)} % more ` +
        "than the download.",
    );
  }
  {
    const cpuOf = (runs) => (haveGnuTime() ? secs(med(cpu(runs))) : "n/a");
    const describe = (size) => {
      const runs = whole.runs[size];
      return (
        `${f0(whole.logs[size].bytes / MB)} MB: default ${cpuOf(runs.auto)}, --jobs 2 ${cpuOf(runs.j2)}, --jobs 1 ${cpuOf(runs.j1)}` +
        `${rg ? `, rg ${cpuOf(runs.rg)}` : ""}, grep ${cpuOf(runs.grep)} (load average ${f2(med(runs.load))}, ${spreadOf(runs.load, f2)})`
      );
    };
    notes.push(
      `Rows 5 and 5c use logs of ${f0(whole.logs.mid.bytes / MB)} MB and ${f0(whole.logs.large.bytes / MB)} MB whatever BENCH_SCALE says ` +
        `(BENCH_WHOLE_SCALE sets them): the issue's sizes, and below 64 MiB the CLI uses one thread. Each is copies of one generated ` +
        `${f0(WHOLE.unit / MB)} MB log end to end (generating 1 GB would take longer than all its runs). Medians of ${WHOLE_RUNS} interleaved runs of the ` +
        "CLI with `--jobs` left to its default (the cores the machine leaves idle: the row says how many runs it gave 2 threads), with " +
        "`--jobs 2` and `--jobs 1`, ripgrep and grep, each a whole process. CPU time (user + system, medians; a steadier measure than wall " +
        `time on a loaded machine): ${describe("mid")}; ${describe("large")}.`,
    );
  }
  notes.push(
    `Rows 5b–7 are medians of ${RUNS} interleaved whole-process runs (the CLI as a user runs it, start-up and catalog compilation included; ` +
      `ripgrep ${rg ?? "absent"}). Per matching line, row 7 costs ${f2((med(w.cliMatch) - med(w.start)) * 1000 / matching.matching)} µs of the CLI's time.`,
  );
  if (!targets.link) notes.push(`Even behind a ${LINK / MB} MB/s link, end to end is ${f2(linkRatio)}× the download.`);
  if (w.startBare) {
    notes.push(
      `Row 6 includes reading NODE_EXTRA_CA_CERTS, set here, in both processes; without it, \`node -e 0\` takes ${secs(med(w.nodeBare))} ` +
        `and the one-line analysis ${secs(med(w.startBare))}: ${vs(w.startBare, med(w.nodeBare))} node.`,
    );
  }
  const idleRss = max(idle);
  checks.push(...history.notes);
  return { table, notes: [...notes, ...checks], markdown: markdown({ started, host, table, notes, checks, big, small, huge, prow, tiny, rules, idleRss }) };
}

function markdown({ started, host, table, notes, checks, big, small, huge, prow, tiny, rules, idleRss }) {
  const date = started.toISOString().replace("T", " ").slice(0, 16);
  return `# Benchmarks

Generated by \`npm run bench\` on ${date} UTC. Every figure below was measured in that one run on the machine
described here; none is copied from elsewhere. Timings on a shared machine are noisy: each measurement was
repeated ${RUNS} times (the link runs ${Math.min(RUNS, 3)} times); the table gives the best run (for memory, the
highest) and the spread (min–max) of all runs. Ratios are of best against best.

## Machine

| | |
| --- | --- |
| CPU | ${host.cpu} |
| Cores | ${host.cores} |
| Memory | ${host.memory} |
| Node.js | ${host.node} |
| OS | ${host.os} |
| grep | ${host.grep} |
| Load average at start | ${host.load} |

## Results

${table}

${notes.map((n) => `- ${n}`).join("\n")}

## What each figure measures

MB is 10^6 bytes, MiB 2^20 bytes.

1. **Scan throughput.** A generated, deterministic ${f0(big.bytes / MB)} MB CI log (${big.lines} lines; see
   \`bench/generate.js\`): klog lines as CRI container logs, journald and plain, ginkgo timelines with ANSI
   colours, GitHub Actions lines, bash xtrace, docker pulls, \`go test\` output, and a rare version banner that
   holds an anchor without being a finding. ${TRUE_FINDINGS.length} true findings are planted at 8 %, 27 %,
   50 % and 71 % of the file and one at 99.5 %. The scanner runs in a child process (\`bench/scan-child.js\`)
   on \`createReadStream\` with a 1 MiB \`highWaterMark\` and the whole built-in catalog (${rules.builtin}
   signatures and ${builtinHints.length} hint rules, ${rules.anchors} distinct anchors); its time runs from
   opening the stream to \`end()\` returning the result (process start-up and catalog compilation excluded).
   The baseline is \`LC_ALL=C grep -E -c -f anchors.ere\` on the same file, timed as a whole process. The pattern
   set is the catalog's anchors, escaped for ERE, as one alternation (\`a|b|…\`, grep's fastest form of it):
   exactly what the scanner's prefilter looks for on every byte. The signature regexes are not the equivalent work — they run only on
   the few lines that hold an anchor, and translating their named groups and \`\\s\`/\`\\d\` classes to ERE
   would make grep do more than the scanner does. Both read the file from the page cache (one unmeasured
   warm-up run each). MB/s is the log's size over the time.
2. **Peak RSS** is the scan process's high-water mark (\`VmHWM\` from \`/proc/self/status\`, which is what
   \`/usr/bin/time -v\` reports), read after the scan, for the ${f0(big.bytes / MB)} MB log, for a
   ${f0(small.bytes / MB)} MB log generated the same way and for ${f0(huge.bytes / big.bytes)} copies of the ${f0(big.bytes / MB)} MB log end to end
   (${f0(huge.bytes / MB)} MB). It includes Node.js itself and the loaded modules:
   ${mib(idleRss)} of it is there before the scan starts (after loading and compiling the catalog).
   "Flat" means the ${f0(huge.bytes / MB)} MB log costs less than 10 MiB more than the ${f0(big.bytes / MB)} MB one.
3. **Rule scaling.** The same ${f0(big.bytes / MB)} MB scan, with the built-in catalog and with ${CUSTOM}
   generated custom signatures added (\`bench/custom-signatures.js\`: two anchors each, built from words CI logs
   are full of, and a pattern with two version captures), ${rules.customAnchors} distinct anchors in all.
   Ratio of the best times.
4. **End to end.** The real app process (\`lib/main.js\`), a fake GitHub and a fake GCS on loopback, as
   \`tools/replay/scenario.ts\` sets them up, with build-log.txt replaced by a generated ${f0(prow.bytes / MB)} MB
   log (the headline finding at 99.5 %). Time from sending the signed \`issue_comment\` webhook delivery to
   the report comment's POST arriving at the fake GitHub (its body read), against a plain streaming HTTP GET
   of the same object from the same fake GCS that discards the bytes, in its own process like the app
   (\`bench/download-child.js\`). Fresh fakes and a fresh app process for each run.
   **4b** is the same with both going through a TCP proxy that lets the responses flow at ${LINK / MB} MB/s,
   a plausible download speed from Google Cloud Storage, to show the overhead where the network, not the
   CPU, sets the pace. **4c** is row 4 with a ${f0(tiny.bytes / MB)} MB build log: what a triage costs besides
   reading the log. The 2× target is the issue's, for loopback (issue 14; it was 1.3× before).

${checks.map((c) => `- ${c}`).join("\n")}

## How to run

\`\`\`sh
npm run bench            # builds, then runs node bench/run.js; a few minutes
BENCH_RUNS=3 npm run bench
BENCH_SCALE=0.1 node bench/run.js   # a quick try of the harness on logs a tenth the size (lib/ built)
\`\`\`

It needs GNU grep and about ${f0((big.bytes + small.bytes + prow.bytes) / MB)} MB free in the temp directory
(\`os.tmpdir()\`) for the generated logs; they are deleted at the end. It is not part of \`npm test\`: tests do
not assert on timings. The scanner's figures are those of \`src/scan/scanner.ts\` and \`src/signatures/compile.ts\`:
anchors are found by one Aho-Corasick automaton on the raw bytes (one table lookup per byte, however many
rules), and only lines that hold an anchor, plus the few lines of context around findings, are decoded.
`;
}

await main();
