import type { Report, Signature, VersionKind } from "../model.js";
import { cleanVersionToken, sameVersion } from "../kube/versions.js";
import { NOTICE_SIGNATURES } from "../diagnose/index.js";

// Measures recognition on labelled real lines: recall, typed-version accuracy and false causes per family.
// Pure: the caller reads the corpora and runs the pipeline; this only compares reports with labels.

export interface LabelledLine {
  /** Expected signature id, or "none" for a near-miss. */
  expect: string;
  /** The family the collector filed the line under; defaults to the expected signature's family. */
  family?: string;
  line: string;
  source?: string;
  /** Version tokens the diagnosis must name (as printed), with their kinds where the collector gave them. */
  versions?: string[];
  kinds?: (VersionKind | null)[];
  /** Older corpora label captures instead of versions. */
  captures?: Record<string, string>;
  /** Which corpus and line it came from, for the report. */
  where: string;
}

export interface FamilyScore {
  family: string;
  positives: number;
  recognised: number;
  versions: number;
  versionsRight: number;
  /** Versions whose kind the collector labelled, and how many the diagnosis typed the same. */
  kinds: number;
  kindsRight: number;
  nearMisses: number;
  falseCauses: number;
  nearMissWarnings: number;
  /** Where it went wrong, for the reader of the report. */
  misses: string[];
}

export function emptyScore(family: string): FamilyScore {
  return { family, positives: 0, recognised: 0, versions: 0, versionsRight: 0, kinds: 0, kindsRight: 0, nearMisses: 0, falseCauses: 0, nearMissWarnings: 0, misses: [] };
}

/** Versions that a labelled positive should carry: its `versions`, or its captures that the signature types as versions. */
function expectedVersions(entry: LabelledLine, signature: Signature | undefined): { raw: string; kind: VersionKind | null }[] {
  if (entry.versions) return entry.versions.map((raw, i) => ({ raw, kind: entry.kinds?.[i] ?? null }));
  if (!signature) return [];
  return Object.entries(entry.captures ?? {})
    .filter(([name]) => signature.versions.includes(name))
    // A capture may hold a list (kubeadm's old kubelets): each version counts.
    .flatMap(([, raw]) => raw.split(/[\s,]+/).filter(Boolean).map((v) => ({ raw: v, kind: null })));
}

/** Scores one labelled line against the report the pipeline produced for it, into `score`. */
export function scoreLine(score: FamilyScore, entry: LabelledLine, report: Report, signatures: ReadonlyMap<string, Signature>): void {
  if (entry.expect === "none") {
    score.nearMisses++;
    if (report.causes.length > 0) {
      score.falseCauses++;
      score.misses.push(`${entry.where}: near-miss reported as cause ${report.causes.map((c) => c.signature.id).join(", ")}`);
    }
    if (report.warnings.length > 0) score.nearMissWarnings++;
    return;
  }
  score.positives++;
  // A notice (a deprecation) is read right when it is listed, as a warning or with the dismissed matches.
  const listed = NOTICE_SIGNATURES.has(entry.expect) ? [...report.causes, ...report.warnings, ...report.dismissed] : [...report.causes, ...report.warnings];
  const found = listed.find((t) => t.signature.id === entry.expect);
  if (!found) {
    const got = [...report.causes, ...report.warnings, ...report.dismissed].map((t) => t.signature.id);
    score.misses.push(`${entry.where}: expected ${entry.expect}, got ${got.join(", ") || "nothing"}`);
    return;
  }
  score.recognised++;
  const rows = found.diagnosis.versions;
  for (const want of expectedVersions(entry, signatures.get(entry.expect))) {
    score.versions++;
    const raw = cleanVersionToken(want.raw);
    // By type, not by spelling: the collector's "runtime.v1" is the diagnosis's CRI API "v1".
    const row = rows.find((r) => cleanVersionToken(r.version) === raw) ?? rows.find((r) => sameVersion(r.version, raw));
    if (!row) {
      score.misses.push(`${entry.where}: version ${raw} missing (has ${rows.map((r) => r.version).join(", ") || "none"})`);
      continue;
    }
    score.versionsRight++;
    if (want.kind) {
      score.kinds++;
      if (row.typed?.kind === want.kind) score.kindsRight++;
      else score.misses.push(`${entry.where}: version ${raw} typed ${row.typed?.kind ?? "(untyped)"}, expected ${want.kind}`);
    }
  }
}

/**
 * Whether a held-out line's version (as the collector printed it) is named by the findings' version rows: by
 * type (sameVersion), or, as before, anywhere in the rows' text without its `v`.
 */
export function versionNamed(want: string, rows: readonly { version: string }[]): boolean {
  const bare = cleanVersionToken(want).replace(/^v/i, "");
  return rows.some((r) => sameVersion(r.version, want)) || JSON.stringify(rows).includes(bare);
}

export function total(scores: Iterable<FamilyScore>, family = "all"): FamilyScore {
  const t = emptyScore(family);
  for (const s of scores) {
    for (const k of ["positives", "recognised", "versions", "versionsRight", "kinds", "kindsRight", "nearMisses", "falseCauses", "nearMissWarnings"] as const) t[k] += s[k];
    t.misses.push(...s.misses);
  }
  return t;
}

function pct(n: number, d: number): string {
  return d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} % (${n}/${d})`;
}

/** A Markdown table, one row per family and a total. */
export function scoreTable(scores: FamilyScore[]): string {
  const rows = [...scores].sort((a, b) => a.family.localeCompare(b.family));
  const all = total(rows);
  const line = (s: FamilyScore) =>
    `| ${s.family} | ${pct(s.recognised, s.positives)} | ${pct(s.versionsRight, s.versions)} | ${pct(s.kindsRight, s.kinds)} | ${s.nearMisses} | ${s.falseCauses} | ${pct(s.nearMissWarnings, s.nearMisses)} |`;
  return [
    "| family | recall | versions named | versions typed | near-misses | false causes | near-misses with a warning |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(line),
    line({ ...all, family: "**all**" }),
  ].join("\n");
}
