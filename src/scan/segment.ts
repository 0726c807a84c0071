import { Scanner, SYNC_SEARCH_LINES, type ScanOptions, type SegmentResult } from "./scanner.js";

// One range of a log, scanned apart from the others (src/parallel/ runs ranges on several threads; the
// results are joined by src/scan/merge.ts). The bytes come from `read`, so that the core stays free of I/O.

/** Reads up to `length` bytes at `position`; fewer (or none) at the end of the log. It may reuse the memory of its previous answer. */
export type ReadAt = (position: number, length: number) => Buffer;

const CHUNK_BYTES = 1024 * 1024;

/**
 * Scans range `index` of a log whose ranges end at `ends` (byte offsets, ascending; each but the last just
 * after a newline; the last is the log's size), and reads on into the ranges after it as far as the next
 * owner's sync line.
 */
export function scanRange(read: ReadAt, ends: readonly number[], index: number, options: ScanOptions, chunkBytes = CHUNK_BYTES): SegmentResult {
  const scanner = new Scanner({ ...options, segment: { first: index === 0 }, transientChunks: true });
  let pos = index === 0 ? 0 : ends[index - 1]!;
  for (let range = index; ; range++) {
    const end = ends[range]!;
    while (pos < end) {
      const buf = read(pos, Math.min(chunkBytes, end - pos));
      // The file ended early (it was truncated while being read): what was read is the log.
      if (buf.length === 0) {
        scanner.end();
        return scanner.segmentResult();
      }
      scanner.push(buf);
      pos += buf.length;
      if (range > index && scanner.settled) return scanner.segmentResult();
      // Past the farthest a sync line can be (a log where every line joins its neighbours): the range
      // before owns this one, which is only counted.
      if (range === index && index > 0 && !scanner.owns && scanner.linesRead > SYNC_SEARCH_LINES + 16) return scanner.segmentResult(countLines(read, pos, end, chunkBytes));
    }
    if (range === ends.length - 1) {
      scanner.end();
      return scanner.segmentResult();
    }
    // A range without a sync line of its own belongs to the owner before it: nothing to read on for.
    if (range === index && !scanner.owns) return scanner.segmentResult();
    scanner.crossBoundary();
  }
}

function countLines(read: ReadAt, from: number, to: number, chunkBytes: number): number {
  let lines = 0;
  for (let pos = from; pos < to; ) {
    const buf = read(pos, Math.min(chunkBytes, to - pos));
    if (buf.length === 0) break;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, nl + 1)) lines++;
    pos += buf.length;
  }
  return lines;
}
