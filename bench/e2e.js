// End to end on loopback, through tools/replay/scenario.ts (startReplay): the real app
// process (lib/main.js) pointed at a fake GitHub and a fake GCS, with the Prow build log replaced by a large
// generated one. One run measures, against the same fake GCS:
//   - download: a plain streaming GET of build-log.txt that discards the bytes (bench/download-child.js);
//   - end to end: from sending the signed webhook delivery to the report comment arriving at the fake GitHub.

import { spawn } from "node:child_process";
import net from "node:net";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { Transform } from "node:stream";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath, URL } from "node:url";
import { BUCKET, BUILD_DIR, ciRobotCommentPayload, PR, REPO, startReplay } from "../build/tools/replay/scenario.js";


function throttle(bytesPerSecond) {
  let start;
  let sent = 0;
  return new Transform({
    transform(chunk, _encoding, done) {
      start ??= performance.now();
      sent += chunk.length;
      const wait = start + (sent / bytesPerSecond) * 1000 - performance.now();
      if (wait <= 0) done(null, chunk);
      else setTimeout(() => done(null, chunk), wait);
    },
  });
}

/**
 * A TCP proxy in front of `target` (an http://127.0.0.1:port URL) whose responses flow at `bytesPerSecond`
 * per connection: a network link, for the end-to-end figure at a realistic download speed.
 */
async function throttlingProxy(target, bytesPerSecond) {
  const { hostname, port } = new URL(target);
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close);
    client.pipe(upstream);
    upstream.pipe(throttle(bytesPerSecond)).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs a node script, returns the JSON line it prints. */
export function runJsonChild(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`${script} exited with ${code}: ${err.trim().split("\n").slice(-5).join("\n")}`));
      else resolve(JSON.parse(out.trim().split("\n").pop()));
    });
  });
}

export async function endToEndRun(logPath, { timeoutMs = 180_000, nodeArgs = [], env = {}, linkBytesPerSecond, objects } = {}) {
  let commentArrived;
  const arrived = new Promise((resolve) => (commentArrived = resolve));
  let proxy;
  const replay = await startReplay({
    buildLog: logPath,
    nodeArgs,
    env,
    ...(objects ? { objects } : {}),
    // The fake GitHub reports each request once its body has been read: the comment has arrived.
    onGitHubRequest: (line) => {
      if (/^POST .*\/issues\/\d+\/comments$/.test(line)) commentArrived(performance.now());
    },
    ...(linkBytesPerSecond ? { gcsFront: async (url) => (proxy = await throttlingProxy(url, linkBytesPerSecond)).url } : {}),
  });
  let timer;
  try {
    const objectUrl = `${replay.gcsUrl}/${BUCKET}/${BUILD_DIR}/build-log.txt`;
    const download = await runJsonChild(fileURLToPath(new URL("./download-child.js", import.meta.url)), [objectUrl]);

    const sent = performance.now();
    const status = await replay.deliver("issue_comment", ciRobotCommentPayload());
    if (status !== 200) throw new Error(`the webhook was answered with ${status}`);
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no comment within ${timeoutMs / 1000} s:\n${replay.output.join("").slice(-2000)}`)), timeoutMs);
    });
    const at = await Promise.race([arrived, timeout]);
    const comment = replay.github.botComments(REPO, PR)[0]?.body ?? "";
    if (!comment.includes("minCompatibilityVersion")) throw new Error(`the comment does not report the finding:\n${comment.slice(0, 2000)}`);
    return { bytes: download.bytes, downloadMs: download.ms, endToEndMs: at - sent };
  } finally {
    clearTimeout(timer);
    await replay.stop();
    await proxy?.close();
  }
}
