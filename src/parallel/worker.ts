import { closeSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import type { CompiledCatalog } from "../signatures/index.js";
import { scanRange } from "../scan/segment.js";
import { readAt } from "./read.js";
import { catalogFromSpec, type CatalogSpec, type RangeJob, type StreamMessage } from "./protocol.js";
import { Scanner } from "../scan/scanner.js";

// A scan thread of the pool (src/parallel/pool.ts): for each job, takes the next range of the file from the
// shared counter until none is left, posts each range's result, then "done". The built-in catalog is
// compiled as soon as the thread starts, which may be before the first job is known.

const builtin = catalogFromSpec({ builtin: true, signatures: [], hints: [] });
let custom: { key: string; catalog: Promise<CompiledCatalog> } | undefined;

function catalogFor(spec: CatalogSpec): Promise<CompiledCatalog> {
  if (spec.builtin && spec.signatures.length === 0 && spec.hints.length === 0) return builtin;
  const key = JSON.stringify(spec);
  if (custom?.key !== key) custom = { key, catalog: catalogFromSpec(spec) };
  return custom.catalog;
}

/** Logs arriving as streams, by job id: their scanners, once the catalog is ready. */
const streams = new Map<number, { log: string; scanner: Promise<Scanner>; failed?: Error }>();

async function onStream(m: StreamMessage): Promise<void> {
  if (m.kind === "stream") {
    // The chunks' memory goes back to be filled again: the scanner copies out the lines it keeps.
    streams.set(m.id, { log: m.log, scanner: catalogFor(m.catalog).then((catalog) => new Scanner({ log: m.log, catalog, ...m.options, transientChunks: true })) });
    return;
  }
  const stream = streams.get(m.id);
  if (!stream) return;
  const scanner = await stream.scanner;
  if (stream.failed) throw stream.failed;
  if (m.kind === "chunk") {
    try {
      injectFault(stream.log);
      scanner.push(m.bytes);
    } catch (err) {
      // The thread dies of it, but not before the messages already queued behind this one are handled (they
      // wait for the same catalog): the "end" among them must not answer with a scan that lacks this chunk.
      stream.failed = err as Error;
      throw err;
    }
    parentPort!.postMessage({ id: m.id, ack: true, bytes: m.bytes }, [m.bytes.buffer as ArrayBuffer]);
    return;
  }
  streams.delete(m.id);
  parentPort!.postMessage({ id: m.id, result: scanner.end() });
}

parentPort!.on("message", async (job: RangeJob | StreamMessage) => {
  if ("kind" in job) return onStream(job);
  const catalog = await catalogFor(job.catalog);
  const fd = openSync(job.path, "r");
  const read = readAt(fd);
  try {
    for (let k = Atomics.add(job.next, 0, 1); k < job.ends.length; k = Atomics.add(job.next, 0, 1)) {
      parentPort!.postMessage({ id: job.id, range: k, taken: true });
      injectFault(job.log);
      const result = scanRange(read, job.ends, k, { log: job.log, catalog, ...job.options });
      parentPort!.postMessage({ id: job.id, range: k, result });
    }
  } finally {
    closeSync(fd);
  }
  parentPort!.postMessage({ id: job.id, done: true });
});

/**
 * SKEWBOT_SCAN_THREAD_FAULT=crash|hang: a scan thread that fails, or spins without end, on its first range,
 * to test what the process does then (with SKEWBOT_SCAN_MAIN_THREAD=0, so that a thread meets it); with
 * SKEWBOT_SCAN_THREAD_FAULT_LOG=<name>, only on that log (the others read at the same time are scanned).
 */
function injectFault(log: string): void {
  const only = process.env["SKEWBOT_SCAN_THREAD_FAULT_LOG"];
  if (only && only !== log) return;
  const fault = process.env["SKEWBOT_SCAN_THREAD_FAULT"];
  if (fault === "crash") throw new Error("injected fault");
  // eslint-disable-next-line no-empty
  if (fault === "hang") for (;;) {}
}
