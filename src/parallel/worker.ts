import { closeSync, openSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { scanRange } from "../scan/segment.js";
import { readAt } from "./read.js";
import { catalogFromSpec, type RangeJob } from "./protocol.js";

// A scan thread: takes the next range of the file from the shared counter until none is left, and posts
// each range's result. It holds no state between ranges but the compiled catalog.

const job = workerData as RangeJob;
const catalog = await catalogFromSpec(job.catalog);
const fd = openSync(job.path, "r");
const read = readAt(fd);
try {
  for (let k = Atomics.add(job.next, 0, 1); k < job.ends.length; k = Atomics.add(job.next, 0, 1)) {
    parentPort!.postMessage({ range: k, taken: true });
    injectFault();
    const result = scanRange(read, job.ends, k, { log: job.log, catalog, ...job.options });
    parentPort!.postMessage({ range: k, result });
  }
} finally {
  closeSync(fd);
}
parentPort!.postMessage({ done: true });

/**
 * SKEWBOT_SCAN_THREAD_FAULT=crash|hang: a scan thread that fails, or spins without end, on its first range,
 * to test what the process does then (with SKEWBOT_SCAN_MAIN_THREAD=0, so that a thread meets it).
 */
function injectFault(): void {
  const fault = process.env["SKEWBOT_SCAN_THREAD_FAULT"];
  if (fault === "crash") throw new Error("injected fault");
  // eslint-disable-next-line no-empty
  if (fault === "hang") for (;;) {}
}
