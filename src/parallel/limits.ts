import type { LogSource } from "../model.js";

/** A log that is a plain file on disk: it can be read at any offset, so in ranges on several threads. */
export interface LocalFileSource extends LogSource {
  localFile: { path: string; size: number };
}

/** Below this a file is scanned on one thread: starting a scan thread costs about as much as scanning it. */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
