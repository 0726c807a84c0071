import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { pipeline } from "node:stream";
import type { Readable } from "node:stream";
import type { ScanResult } from "./model.js";
import type { CompiledCatalog } from "./signatures/index.js";
import { mergeSegments, SCANNER_LIMITS } from "./scan/merge.js";
import { scanRange } from "./scan/segment.js";
import { readAt } from "./parallel/read.js";

// A log file on disk, as the CLI reads it. A gzipped one (as downloaded from GCS or an artifact store,
// whatever its name) is recognised by its magic bytes and decompressed, with the byte cap that applies
// over HTTP, so that a compressed file cannot expand without bound.

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Whether the file starts with the gzip magic bytes. Synchronous, as the CLI's other checks of a local
 * file: the first asynchronous file operation starts libuv's thread pool, a cost of its own at start-up.
 */
export function isGzipFile(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(2);
    const bytesRead = readSync(fd, head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    closeSync(fd);
  }
}

export class LocalLogError extends Error {}

/** The decoded bytes of a gzipped file, at most `maxBytes`; past that the stream fails with a partial-scan problem. */
export async function* gunzipFile(path: string, label: string, maxBytes: number, formatBytes: (n: number) => string): AsyncGenerator<Buffer> {
  const stream: Readable = pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), createGunzip(), () => {});
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const room = maxBytes - bytes;
      if (chunk.length > room) {
        if (room > 0) yield chunk.subarray(0, room);
        throw new LocalLogError(`${label}: stopped after ${formatBytes(maxBytes)} (byte cap): partial scan`);
      }
      bytes += chunk.length;
      yield chunk;
    }
  } catch (err) {
    if (err instanceof LocalLogError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new LocalLogError(`${label}: corrupt compressed data after ${formatBytes(bytes)} (${e.code ?? e.message}): partial scan`);
  } finally {
    stream.destroy();
  }
}

/**
 * A plain file scanned on this thread: synchronous reads into one reused buffer, without a stream (the CLI
 * has nothing else to do meanwhile). The same result as a stream of it, as one range that starts the log.
 */
export function scanFileHere(options: { path: string; log: string; catalog: CompiledCatalog; contextLines?: number }): ScanResult {
  const fd = openSync(options.path, "r");
  try {
    const size = fstatSync(fd).size;
    const result = scanRange(readAt(fd), [size], 0, { log: options.log, catalog: options.catalog, ...(options.contextLines !== undefined ? { contextLines: options.contextLines } : {}) });
    return mergeSegments(options.log, size, [result], SCANNER_LIMITS)!;
  } finally {
    closeSync(fd);
  }
}
