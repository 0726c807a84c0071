import type { Report, Triaged } from "../model.js";
import { excerpt, problemLines, RECURRENCE_LABELS, recurrenceCounts, sightingName, summaryLine, timeText, versionsText, whereText, windowEffort } from "./common.js";
import type { Recurrence, RegressionWindow, WindowBuild } from "../model.js";

function windowLines(w: RegressionWindow): string[] {
  const row = (label: string, b: WindowBuild | undefined) =>
    b ? `  ${label.padEnd(10)} ${b.id}  ${b.result ?? "unknown"}  ${versionsText(b.versions)}${b.url ? `\n             ${b.url}` : ""}` : `  ${label.padEnd(10)} —`;
  const out = [`Regression window (${w.job}): ${w.summary}`, row("last good", w.lastGood), row("first bad", w.firstBad)];
  if (w.firstBad?.id !== w.current.id) out.push(row("this run", w.current));
  out.push(`  ${windowEffort(w)}`);
  if (w.partial.length > 0) out.push("  Partial window, not read:", ...w.partial.map((p) => `    - ${p}`));
  return [...out, ""];
}
import { terminalSafe } from "./safe.js";

function section(index: number, t: Triaged): string[] {
  const { diagnosis: d, signature: s } = t;
  const out = [
    `${index}. [${d.verdict === "cause" ? "error" : "warning"}] ${s.title} (${s.id})${s.flake && d.verdict === "cause" ? " — version-skew flake" : ""}`,
    `   ${d.headline}`,
    "",
  ];
  if (t.history) out.push(...historyLines(t.history));
  if (d.versions.length > 0) {
    out.push("   Versions:");
    for (const v of d.versions) out.push(`     ${v.version.padEnd(14)} ${v.role}  [${v.source}]`);
    out.push("");
  }
  if (d.skew) out.push(`   Skew: ${d.skew.minors} minor(s); policy: ${d.skew.policy} (${d.skew.supported ? "supported" : "NOT supported"})`, "");
  const list = (title: string, items: string[], ordered = false) => {
    if (items.length === 0) return;
    out.push(`   ${title}:`);
    items.forEach((item, i) => out.push(`     ${ordered ? `${i + 1}.` : "-"} ${item}`));
    out.push("");
  };
  list("Why", d.reasoning);
  list("Likely causes", d.causes);
  list("Fixes", d.fixes, true);
  out.push(`   Log lines (${whereText(t)}):`, ...excerpt(t).map((l) => `     ${l}`), "");
  if (t.link) out.push(`   Link: ${t.link}`, "");
  if (d.references.length > 0) out.push(`   References: ${d.references.join(" ")}`, "");
  return out;
}

function historyLines(h: Recurrence): string[] {
  const out = [`   History: ${RECURRENCE_LABELS[h.kind]} — ${h.evidence}.`];
  if (h.passed) out.push(`     passed on rerun at ${timeText(h.passed.at)}: ${sightingName(h.passed)}${h.passed.url ? ` ${h.passed.url}` : ""}`);
  out.push(`     ${recurrenceCounts(h)}`);
  if (h.kind !== "new" && h.first) out.push(`     first seen ${timeText(h.first.at)}: ${sightingName(h.first)}${h.first.url ? ` ${h.first.url}` : ""}`);
  if (h.kind !== "new" && h.last && h.runs > 1) out.push(`     last seen  ${timeText(h.last.at)}: ${sightingName(h.last)}${h.last.url ? ` ${h.last.url}` : ""}`);
  for (const p of h.otherPulls) out.push(`     other PR: ${sightingName(p)}${p.url ? ` ${p.url}` : ""}`);
  out.push("");
  return out;
}

/** `skewbot history`: the window and each finding's recurrence, without the diagnosis. */
export function renderHistoryText(report: Report): string {
  const out = [summaryLine(report), ""];
  if (report.history?.note) out.push(report.history.note, "");
  if (report.window) out.push(...windowLines(report.window));
  [...report.causes, ...report.warnings].forEach((t, i) => {
    out.push(`${i + 1}. ${t.signature.title} (${t.signature.id})`);
    if (t.history) out.push(...historyLines(t.history));
    else out.push("");
  });
  return `${terminalSafe(out.join("\n").trimEnd())}\n`;
}

/** The report for a terminal. */
export function renderText(report: Report): string {
  const out = [summaryLine(report), ""];
  if (report.history?.note) out.push(report.history.note, "");
  if (report.window) out.push(...windowLines(report.window));
  report.causes.forEach((t, i) => out.push(...section(i + 1, t)));
  if (report.warnings.length > 0) {
    out.push(report.causes.length > 0 ? "Warnings (not the cause by themselves):" : "Warnings worth knowing:", "");
    report.warnings.forEach((t, i) => out.push(...section(report.causes.length + i + 1, t)));
  }
  if (report.dismissed.length > 0) {
    out.push("Matched but not version skew:");
    for (const t of report.dismissed) out.push(`  - ${t.signature.id} at ${whereText(t)}: ${t.diagnosis.headline}`);
    out.push("");
  }
  const problems = problemLines(report);
  if (problems.length > 0) out.push("Could not read everything:", ...problems.map((p) => `  - ${p}`), "");
  return `${terminalSafe(out.join("\n").trimEnd())}\n`;
}
