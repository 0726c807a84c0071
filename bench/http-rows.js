// The HTTP rows of `npm run bench`: `skewbot analyze <url>` of a log served on loopback by the bench's own
// server, as a whole process, against `curl -s -o /dev/null` of the same URL (the network's floor). Medians of
// interleaved runs: one curl, one skewbot, one curl, … so that a burst of load on a shared machine hits both.
//
// The server holds the log in memory and writes it whole (the kernel paces it), so that it costs both clients
// alike and as little as a server can; `?gzip` serves it with `Content-Encoding: gzip`, compressed once up
// front. Run alone for a quick look:   node bench/http-rows.js <log file> [runs] [gzip]

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";
import { gzipSync } from "node:zlib";
import { median, timeProcess } from "./cli-rows.js";

const cli = fileURLToPath(new URL("../lib/cli.js", import.meta.url));

/** A loopback server of one log: `/log.txt` plain, `/log.txt?gzip` with Content-Encoding: gzip. */
export async function serveLog(file, { gzip = false } = {}) {
  const plain = readFileSync(file);
  const packed = gzip ? gzipSync(plain, { level: 6 }) : undefined;
  const server = createServer((req, res) => {
    const zipped = packed && req.url?.endsWith("?gzip");
    const body = zipped ? packed : plain;
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": String(body.length), ...(zipped ? { "content-encoding": "gzip" } : {}) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${base}/log.txt`,
    gzipUrl: `${base}/log.txt?gzip`,
    bytes: plain.length,
    gzipBytes: packed?.length,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/**
 * The environment that lets the CLI fetch from loopback over plain http, with a byte cap above the log's size
 * (the default, 200 MB, would stop a 300 MB log short). Nothing else changes.
 */
export function loopbackEnv(url) {
  const { host } = new URL(url);
  return { SKEWBOT_ALLOW_HTTP: host, SKEWBOT_ALLOW_PRIVATE_ADDRESSES: host, SKEWBOT_ALLOWED_HOSTS: host, SKEWBOT_MAX_LOG_BYTES: "1GB" };
}

export const curlAvailable = () => spawnSync("curl", ["--version"], { stdio: "ignore" }).status === 0;

const curl = (url) => timeProcess("curl", ["-s", "-o", "/dev/null", "--compressed", url]);
const analyzeUrl = (url) => timeProcess(process.execPath, [cli, "analyze", url, "--format", "json"], { env: loopbackEnv(url), okCodes: [0, 1] });

/**
 * Interleaved runs of curl and `skewbot analyze` on the plain URL (and the gzip one when `gzip`). Each
 * skewbot run must report the planted findings (`expect`: signature ids), or the figures do not count.
 */
export async function httpMeasure(file, { runs = 5, gzip = true, expect = ["k8s-compat-mincompat-out-of-range"], log = () => {} } = {}) {
  const served = await serveLog(file, { gzip });
  try {
    // The figures count only if each run reports the planted findings (and read the whole log).
    const check = (out) => {
      const report = JSON.parse(out);
      const found = new Set(report.findings.map((f) => f.signature));
      const missing = expect.filter((id) => !found.has(id));
      if (missing.length) throw new Error(`skewbot analyze <url> did not report ${missing.join(", ")}`);
      const read = report.logs[0];
      if (report.logs.length !== 1 || read.partial || read.stats?.bytes !== served.bytes) throw new Error(`skewbot analyze <url> did not read the whole log: ${JSON.stringify(report.logs)}`);
    };
    // One unmeasured warm-up of each, for the page cache of node and lib/.
    await curl(served.url);
    check((await analyzeUrl(served.url)).out);
    const m = { curl: [], cli: [], curlGz: [], cliGz: [] };
    for (let r = 1; r <= runs; r++) {
      log(`HTTP round ${r}/${runs} …`);
      m.curl.push((await curl(served.url)).ms);
      const run = await analyzeUrl(served.url);
      check(run.out);
      m.cli.push(run.ms);
      if (gzip) {
        m.curlGz.push((await curl(served.gzipUrl)).ms);
        const z = await analyzeUrl(served.gzipUrl);
        check(z.out);
        m.cliGz.push(z.ms);
      }
    }
    return { ...m, bytes: served.bytes, gzipBytes: served.gzipBytes };
  } finally {
    await served.close();
  }
}

/** Bench rows 4d (plain) and 4e (gzip) from `httpMeasure`'s figures, and a note; `ok` formats "met"/"missed". */
export function httpRows(m, { ok, secs, spreadOf }) {
  const mb = (m.bytes / 1e6).toFixed(0);
  const ratio = median(m.cli) / median(m.curl);
  const rows = [
    [
      "4d",
      `HTTP on loopback: \`skewbot analyze <url>\` of the ${mb} MB log, whole process`,
      secs(median(m.cli)),
      spreadOf(m.cli, secs),
      `curl -s -o /dev/null: ${secs(median(m.curl))}`,
      spreadOf(m.curl, secs),
      `${ratio.toFixed(2)}× curl`,
      "≤ 1.3× curl",
      ok(ratio <= 1.3),
    ],
  ];
  if (m.cliGz.length) {
    const gz = median(m.cliGz) / median(m.curlGz);
    rows.push([
      "4e",
      `Same, served with Content-Encoding: gzip (${(m.gzipBytes / 1e6).toFixed(0)} MB on the wire)`,
      secs(median(m.cliGz)),
      spreadOf(m.cliGz, secs),
      `curl --compressed: ${secs(median(m.curlGz))}`,
      spreadOf(m.curlGz, secs),
      `${gz.toFixed(2)}× curl`,
      "",
      "",
    ]);
  }
  const note =
    `Rows 4d–4e: medians of ${m.cli.length} interleaved runs of \`curl -s -o /dev/null\` and \`skewbot analyze <url> --format json\` ` +
    "(whole processes, start-up included) against one loopback server of the bench's own that holds the log in memory " +
    "(bench/http-rows.js); every skewbot run read the whole log and reported the planted headline finding.";
  return { rows, note };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, runs = "5", gz] = process.argv.slice(2);
  if (!file) throw new Error("usage: node bench/http-rows.js <log file> [runs] [gzip]");
  const m = await httpMeasure(file, { runs: Number(runs), gzip: gz === "gzip", log: (l) => process.stderr.write(`${l}\n`) });
  const f = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
  process.stdout.write(`curl ${f(m.curl)}\ncli  ${f(m.cli)}\nratio ${(median(m.cli) / median(m.curl)).toFixed(2)}\n`);
  if (m.cliGz.length) process.stdout.write(`curl gz ${f(m.curlGz)}\ncli  gz ${f(m.cliGz)}\nratio gz ${(median(m.cliGz) / median(m.curlGz)).toFixed(2)}\n`);
}
