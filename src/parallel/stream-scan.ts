import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ScanResult } from "../model.js";
import type { CompiledCatalog } from "../signatures/index.js";
import { ScanThreadError } from "./file-scan.js";
import { scanPool } from "./pool.js";
import { nextJobId, specOf, type StreamMessage } from "./protocol.js";

// A log that arrives as a stream (HTTP, gzip, stdin) scanned on a scan thread while this thread receives
// and decompresses it: the two overlap, so that reading a log costs the longer of the two, not their sum.
// Chunks go in batches whose memory moves to the thread and back (a few buffers, filled again and again); at
// most MAX_IN_FLIGHT batches are unacknowledged, so memory stays bounded and a slow scan slows the download
// (back-pressure).

const BATCH_BYTES = 1024 * 1024;
const MAX_IN_FLIGHT = 4;
const DEFAULT_TIMEOUT_MS = 60_000;

export interface StreamScan {
  /** The thread failed: what `push` or `end` threw is all there is. */
  readonly failed: boolean;
  /** Resolves when the chunk may be reused and there is room for more. */
  push(chunk: Uint8Array | string): Promise<void>;
  /** Everything pushed so far, scanned: the result. */
  end(): Promise<ScanResult>;
}

/** Undefined where there is no scan thread to use (running from the sources, or a catalog that cannot be sent). */
export async function streamScan(options: { log: string; catalog: CompiledCatalog; contextLines?: number; timeoutMs?: number }): Promise<StreamScan | undefined> {
  if (!existsSync(fileURLToPath(new URL("./worker.js", import.meta.url)))) return undefined;
  const spec = await specOf(options.catalog);
  if (!spec) return undefined;
  const pool = scanPool(1);
  const worker = pool.take(1)[0]!;
  const id = nextJobId();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let failure: Error | undefined;
  let inFlight = 0;
  let waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let result: { resolve: (r: ScanResult) => void; reject: (e: Error) => void } | undefined;
  let error: Error | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(new ScanThreadError(`scan thread hung (no progress for ${Math.round(timeoutMs / 1000)} s): the log was not scanned`)), timeoutMs);
    timer.unref();
  };
  const fail = (err: Error) => {
    if (failure) return;
    failure = err;
    clearTimeout(timer);
    detach();
    void pool.discard(worker);
    waiting?.reject(err);
    result?.reject(err);
  };
  const onMessage = (m: { id: number; ack?: boolean; bytes?: Uint8Array; result?: ScanResult }) => {
    if (m.id !== id) return;
    if (m.ack) {
      inFlight--;
      if (m.bytes) free.push(new Uint8Array(m.bytes.buffer));
      if (waiting && inFlight < MAX_IN_FLIGHT) {
        clearTimeout(timer);
        const w = waiting;
        waiting = undefined;
        w.resolve();
      }
    }
    if (m.result) {
      clearTimeout(timer);
      detach();
      pool.release(worker);
      result?.resolve(m.result);
    }
  };
  const onError = (err: Error) => (error = err);
  const onExit = (code: number) => fail(new ScanThreadError(`scan thread ${error ? `failed (${error.message.split("\n")[0]})` : `exited with code ${code}`}: the log was not scanned`));
  const detach = () => {
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
  };
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  const post = (m: StreamMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  post({ kind: "stream", id, log: options.log, catalog: spec, options: options.contextLines !== undefined ? { contextLines: options.contextLines } : {} });

  // The batch being filled, moved to the thread when full; buffers the thread has given back.
  const free: Uint8Array[] = [];
  let batch: Uint8Array | undefined;
  let used = 0;
  const flush = async () => {
    if (!batch || used === 0) return;
    const bytes = used === batch.length ? batch : batch.subarray(0, used);
    batch = undefined;
    used = 0;
    inFlight++;
    post({ kind: "chunk", id, bytes }, [bytes.buffer as ArrayBuffer]);
    if (inFlight >= MAX_IN_FLIGHT) {
      arm();
      await new Promise<void>((resolve, reject) => (waiting = { resolve, reject }));
    }
  };
  return {
    get failed() {
      return failure !== undefined;
    },
    async push(chunk) {
      if (failure) throw failure;
      const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      // Copied into the batch now: the caller may reuse the chunk's memory once this resolves.
      for (let at = 0; at < buf.length; ) {
        batch ??= free.pop() ?? new Uint8Array(BATCH_BYTES);
        const n = Math.min(BATCH_BYTES - used, buf.length - at);
        batch.set(buf.subarray(at, at + n), used);
        used += n;
        at += n;
        if (used === BATCH_BYTES) await flush();
      }
    },
    async end() {
      if (failure) throw failure;
      await flush();
      const done = new Promise<ScanResult>((resolve, reject) => (result = { resolve, reject }));
      post({ kind: "end", id });
      arm();
      return done;
    },
  };
}
