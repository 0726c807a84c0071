import type { LogSource } from "../model.js";

/** A log that is a plain file on disk: it can be read at any offset, so in ranges on several threads. */
export interface LocalFileSource extends LogSource {
  localFile: { path: string; size: number };
}

/**
 * Below this a file is scanned on one thread: a scan thread takes some 70 ms to start (more on a busy
 * machine), as long as scanning 50 MB; measured on 30 MB, a second thread made the CLI slower.
 */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
