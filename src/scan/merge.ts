import type { Finding, ScanResult, VersionHint } from "../model.js";
import type { SegmentResult } from "./scanner.js";

// Joins the results of the ranges of one log, scanned apart (src/parallel/), into what one scanner reading
// the whole log returns: line numbers made absolute, repeats of a message in later ranges counted on its
// first occurrence, the finding and hint caps applied in log order.

export interface MergeLimits {
  maxFindings: number;
  maxHints: number;
}

/** The scanner's default caps (neither the CLI nor the app changes them). */
export const SCANNER_LIMITS: MergeLimits = { maxFindings: 200, maxHints: 100 };

/**
 * The merged result, or undefined when the ranges cannot be joined exactly (a cap reached inside a range,
 * sync lines that do not agree): the caller then scans the log whole.
 */
export function mergeSegments(log: string, bytes: number, segments: readonly SegmentResult[], limits: MergeLimits): ScanResult | undefined {
  if (segments.length === 0 || segments[0]!.syncLine !== 1) return undefined;
  if (segments.some((s) => s.capped)) return undefined;
  // Range k starts after the lines of the ranges before it.
  const offsets: number[] = [];
  let lines = 0;
  for (const s of segments) {
    offsets.push(lines);
    lines += s.rangeLines;
  }

  const findings = new Map<string, Finding>();
  const hints = new Map<string, VersionHint>();
  let dropped = 0;
  let candidateLines = 0;
  let longLines = 0;
  // The ranges that own lines, in order; each one's scanner reads on to the next owner's sync line.
  let owner = 0;
  while (owner < segments.length) {
    const s = segments[owner]!;
    const offset = offsets[owner]!;
    candidateLines += s.candidateLines;
    longLines += s.longLines;
    for (const [key, f] of s.findings) {
      const seen = findings.get(key);
      if (seen) {
        seen.count += f.count;
        seen.lastLine = f.lastLine + offset;
      } else if (findings.size >= limits.maxFindings) {
        dropped += f.count;
      } else {
        findings.set(key, shiftFinding(f, offset));
      }
    }
    for (const [key, h, line] of s.hints) {
      if (hints.has(key) || hints.size >= limits.maxHints) continue;
      hints.set(key, { ...h, source: `${log}:${line + offset}` });
    }
    if (!s.endSync) break;
    const next = owner + s.endSync[0];
    if (next >= segments.length || segments[next]!.syncLine !== s.endSync[1]) return undefined;
    // The ranges skipped over have no sync line of their own.
    for (let k = owner + 1; k < next; k++) if (segments[k]!.syncLine !== undefined) return undefined;
    owner = next;
  }
  if (owner !== segments.length - 1 && segments.slice(owner + 1).some((s) => s.syncLine !== undefined)) return undefined;

  return {
    log,
    findings: [...findings.values()].sort((a, b) => a.line - b.line),
    hints: [...hints.values()],
    stats: { bytes, lines, candidateLines, longLines, droppedFindings: dropped },
  };
}

function shiftFinding(f: Finding, offset: number): Finding {
  if (offset === 0) return f;
  const shift = (l: { number: number; text: string }) => ({ ...l, number: l.number + offset });
  return {
    ...f,
    line: f.line + offset,
    endLine: f.endLine + offset,
    lastLine: f.lastLine + offset,
    context: { before: f.context.before.map(shift), after: f.context.after.map(shift) },
  };
}
