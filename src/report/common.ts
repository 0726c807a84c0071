import type { LogLine, Recurrence, RecurrenceKind, RegressionWindow, Report, Sighting, Triaged } from "../model.js";

export function plural(n: number, word: string): string {
  return `${grouped(n)} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * `4,251`: what `toLocaleString("en-US")` gives for a whole number, without its first call's cost (loading
 * ICU's number formatting takes some 30 ms, on the path of every report). Anything else goes to it.
 */
export function grouped(n: number): string {
  return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : n.toLocaleString("en-US");
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** "kube-apiserver.log:1201 (8 times, last at line 1840)" */
export function whereText(t: Triaged): string {
  const f = t.finding;
  const lines = f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`;
  const repeats = f.count > 1 ? ` (${f.count} times, last at line ${f.lastLine})` : "";
  const also = t.alsoIn.length > 0 ? `; also in ${t.alsoIn.map((a) => `${a.log}:${a.line}${a.count > 1 ? ` (${a.count} times)` : ""}`).join(", ")}` : "";
  return `${f.log}:${lines}${repeats}${also}`;
}

/** Context and matched lines, numbered, the matched ones marked with ">". */
export function excerpt(t: Triaged, contextLines = Infinity): string[] {
  const f = t.finding;
  const before = contextLines === Infinity ? f.context.before : f.context.before.slice(Math.max(0, f.context.before.length - contextLines));
  const after = f.context.after.slice(0, contextLines);
  const width = String(f.endLine + f.context.after.length).length;
  const row = (l: LogLine, mark: string) => `${mark} ${String(l.number).padStart(width)}  ${l.text}`;
  // A rejoined message is shown once, as rejoined, under its first line's number.
  return [...before.map((l) => row(l, " ")), row({ number: f.line, text: f.text }, ">"), ...after.map((l) => row(l, " "))];
}

export function summaryLine(report: Report): string {
  const scanned = report.logs.filter((l) => l.stats);
  const lines = scanned.reduce((n, l) => n + (l.stats?.lines ?? 0), 0);
  const bytes = scanned.reduce((n, l) => n + (l.stats?.bytes ?? 0), 0);
  const what = `${plural(scanned.length, "log")}, ${plural(lines, "line")}, ${bytesText(bytes)}`;
  if (report.causes.length > 0) {
    const flakes = report.causes.filter((c) => c.signature.flake).length;
    return `Found ${plural(report.causes.length, "version-skew failure cause")}${flakes ? ` (${flakes} marking a version-skew flake)` : ""} in ${what}.`;
  }
  if (report.warnings.length > 0) return `No version-skew failure cause found in ${what}; ${plural(report.warnings.length, "warning")} worth knowing.`;
  return `No version-skew failure found in ${what}.`;
}

export function problemLines(report: Report): string[] {
  return report.logs.flatMap((l) => l.problems.map((p) => `${l.name}: ${p}`));
}

/** `2026-12-01 11:06 UTC`: history times in reports. */
export function timeText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export const RECURRENCE_LABELS: Record<RecurrenceKind, string> = {
  new: "new",
  recurring: "recurring across pull requests",
  intermittent: "intermittent",
  persistent: "persistent",
  repeated: "seen before in this job",
};

/** The counts line of a cause's history, without the sightings: "seen 5 times in the last 7 days in 2 jobs and 3 pull requests (1 run outside pull requests)". */
export function recurrenceCounts(r: Recurrence): string {
  const seen = r.runs === 1 ? "seen once" : `seen ${grouped(r.runs)} times`;
  const parts = [plural(r.jobs, "job"), ...(r.pulls > 0 ? [plural(r.pulls, "pull request")] : [])];
  const base = r.baseRuns > 0 ? ` (${plural(r.baseRuns, "run")} outside pull requests: periodic, postsubmit or push)` : "";
  return `${seen} in the last ${plural(r.windowDays, "day")} in ${parts.join(" and ")}${base}`;
}

/** A sighting's name in a report: "pull-kind-e2e #1234 (org/repo#12)". */
export function sightingName(s: Sighting): string {
  const pull = s.pull !== undefined ? ` (${s.repository ? s.repository : "PR "}#${s.pull})` : "";
  return `${s.job}${s.buildId ? ` #${s.buildId}` : ""}${pull}`;
}

/** "server v1.31.6, node-image v1.31.0": a window build's versions in one line. */
export function versionsText(versions: Record<string, string>): string {
  const entries = Object.entries(versions);
  return entries.length === 0 ? "no versions known" : entries.slice(0, 8).map(([role, v]) => `${role} ${v}`).join(", ");
}

/** "Looked at 50 earlier builds and scanned 7 logs." */
export function windowEffort(w: RegressionWindow): string {
  return `Looked at ${plural(w.buildsLooked, "earlier build")} and scanned ${plural(w.logsScanned, "log")}.`;
}
