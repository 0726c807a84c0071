import { readSync } from "node:fs";
import type { ReadAt } from "../scan/segment.js";

/**
 * Positioned, synchronous reads of a file into one buffer, reused from read to read: fresh memory for every
 * chunk costs a page fault per 4 KiB, a quarter of a scan's time (the scanner copies the few lines it keeps).
 */
export function readAt(fd: number): ReadAt {
  let buf = Buffer.alloc(0);
  return (position, length) => {
    if (buf.length < length) buf = Buffer.allocUnsafe(length);
    return buf.subarray(0, readSync(fd, buf, 0, length, position));
  };
}
