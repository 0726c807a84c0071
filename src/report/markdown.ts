import type { Report, Triaged } from "../model.js";
import { codeBlock, escapeMarkdown, escapeProse, inlineCode, quietGitHubLink, safeUrl } from "./safe.js";
import { excerpt, problemLines, RECURRENCE_LABELS, recurrenceCounts, sightingName, summaryLine, timeText, versionsText, whereText, windowEffort } from "./common.js";
import type { Recurrence, RegressionWindow, Sighting, WindowBuild } from "../model.js";

const MAX_MARKDOWN_FINDINGS = 10;

function section(index: number, t: Triaged, level: number, detail: Detail): string[] {
  const { diagnosis: d, signature: s } = t;
  const tags = [inlineCode(s.id), t.diagnosis.verdict === "cause" ? "error" : "warning", ...(s.flake && d.verdict === "cause" ? ["version-skew flake"] : [])];
  const out = [`${"#".repeat(level + 1)} ${index}. ${escapeMarkdown(s.title)}`, "", tags.join(" · "), "", `**${escapeProse(d.headline)}**`, ""];
  if (t.history) out.push(...historyLines(t.history), "");
  if (d.versions.length > 0) {
    out.push("| Version | Role | Where it came from |", "| --- | --- | --- |");
    for (const v of d.versions) out.push(`| ${inlineCode(v.version)} | ${escapeMarkdown(v.role)} | ${escapeMarkdown(v.source)} |`);
    out.push("");
  }
  if (d.skew) {
    out.push(`Skew: ${d.skew.minors >= 0 ? "+" : "−"}${Math.abs(d.skew.minors)} minor(s); policy: ${escapeMarkdown(d.skew.policy)} (${d.skew.supported ? "supported" : "**not supported**"}).`, "");
  }
  const list = (title: string, items: string[], ordered = false) => {
    if (items.length === 0) return;
    out.push(`**${title}**`, "");
    items.forEach((item, i) => out.push(`${ordered ? `${i + 1}.` : "-"} ${escapeProse(item)}`));
    out.push("");
  };
  if (detail.reasoning) list("Why", d.reasoning);
  if (detail.reasoning) list("Likely causes", d.causes);
  list("Suggested fixes", d.fixes, true);
  const link = safeUrl(t.link);
  const where = escapeMarkdown(whereText(t));
  out.push(`<details><summary>Log lines: ${where}</summary>`, "", codeBlock(excerpt(t, detail.context)), "", "</details>", "");
  const links = [
    ...(link ? [`[${escapeMarkdown(t.finding.log)} line ${t.finding.line}](${link})`] : []),
    ...t.alsoIn.flatMap((a) => (safeUrl(a.link) ? [`[${escapeMarkdown(a.log)} line ${a.line}](${safeUrl(a.link)})`] : [])),
  ];
  if (links.length > 0) out.push(`Open the log: ${links.join(" · ")}`, "");
  if (d.references.length > 0) {
    out.push(`References: ${d.references.map((r) => safeUrl(r)).filter(Boolean).map((r) => `[${escapeMarkdown(shortRef(r!))}](${quietGitHubLink(r!)})`).join(", ")}`, "");
  }
  return out;
}

function sightingLink(s: Sighting): string {
  const name = escapeMarkdown(sightingName(s));
  const url = safeUrl(s.url);
  return url ? `[${name}](${url})` : name;
}

/** The cause's history: the classification and its evidence first (what a person decides on), then the counts. */
function historyLines(r: Recurrence): string[] {
  const lines = [`**History: ${escapeMarkdown(RECURRENCE_LABELS[r.kind])}** — ${escapeMarkdown(r.evidence)}.`];
  if (r.passed) lines.push(`Passed on rerun at ${timeText(r.passed.at)}: ${sightingLink(r.passed)} — intermittent.`);
  const counts = recurrenceCounts(r);
  const facts = [`${escapeMarkdown(counts.charAt(0).toUpperCase() + counts.slice(1))}.`];
  if (r.kind !== "new" && r.first) facts.push(`First seen ${timeText(r.first.at)} in ${sightingLink(r.first)}.`);
  if (r.kind !== "new" && r.last && r.runs > 1) facts.push(`Last seen ${timeText(r.last.at)} in ${sightingLink(r.last)}.`);
  if (r.otherPulls.length > 0) facts.push(`Other pull requests: ${r.otherPulls.map(sightingLink).join(", ")}.`);
  lines.push(facts.join(" "));
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}  ` : l));
}

function windowLines(w: RegressionWindow, h: string): string[] {
  const row = (label: string, b: WindowBuild | undefined) => {
    if (!b) return `| ${label} | — | | |`;
    const url = safeUrl(b.url);
    const name = escapeMarkdown(b.id);
    return `| ${label} | ${url ? `[${name}](${url})` : name} | ${escapeMarkdown(b.result ?? "unknown")} | ${escapeMarkdown(versionsText(b.versions))} |`;
  };
  const out = [`${h} Regression window: ${escapeMarkdown(w.job)}`, "", escapeMarkdown(w.summary.charAt(0).toUpperCase() + w.summary.slice(1)), ""];
  out.push("| | Build | Result | Versions |", "| --- | --- | --- | --- |", row("last good", w.lastGood), row("first bad", w.firstBad));
  if (w.firstBad?.id !== w.current.id) out.push(row("this run", w.current));
  out.push("", escapeMarkdown(windowEffort(w)), "");
  if (w.partial.length > 0) {
    out.push("**Partial window, not read:**", "", ...w.partial.slice(0, MAX_LISTED).map((p) => `- ${escapeMarkdown(p.slice(0, 300))}`));
    if (w.partial.length > MAX_LISTED) out.push(`- … and ${w.partial.length - MAX_LISTED} more`);
    out.push("");
  }
  return out;
}

function shortRef(url: string): string {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(url);
  return m ? `${m[1]} ${m[2]}` : url.replace(/^https?:\/\//, "");
}

/** How much of each finding to show; the renderer steps down until the report fits. */
interface Detail {
  findings: number;
  context: number;
  reasoning: boolean;
}

const DETAIL_STEPS: Detail[] = [
  { findings: MAX_MARKDOWN_FINDINGS, context: 4, reasoning: true },
  { findings: 5, context: 2, reasoning: true },
  { findings: 3, context: 0, reasoning: true },
  { findings: 2, context: 0, reasoning: false },
  { findings: 1, context: 0, reasoning: false },
];
const MAX_LISTED = 20;

export interface MarkdownOptions {
  title?: string;
  titleUrl?: string;
  headingLevel?: number;
  /** GitHub rejects comments over 65,536 characters; the report shows less detail until it fits. */
  maxChars?: number;
}

/** The report as GitHub-flavoured Markdown, safe to post as a comment, within `maxChars`. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? 60_000;
  let body = "";
  for (const detail of DETAIL_STEPS) {
    body = renderWith(report, options, detail);
    if (body.length <= max) return body;
  }
  // Even one finding without context does not fit (a huge problem list, say): keep the summary.
  return renderWith({ ...report, causes: [], warnings: [], dismissed: [], logs: [] }, options, DETAIL_STEPS[DETAIL_STEPS.length - 1]!).replace(
    /\n$/,
    `\n${escapeMarkdown(summaryLine(report))} The details did not fit in a comment; run \`skewbot analyze --format json\` on the logs.\n`,
  );
}

function renderWith(report: Report, options: MarkdownOptions, detail: Detail): string {
  const level = options.headingLevel ?? 3;
  const h = "#".repeat(level);
  const title = escapeMarkdown((options.title ?? "skewbot: version-skew triage").slice(0, 300));
  const titleUrl = safeUrl(options.titleUrl);
  const out: string[] = [`${h} ${titleUrl ? `[${title}](${titleUrl})` : title}`, "", escapeMarkdown(summaryLine(report)), ""];
  if (report.history?.note) out.push(`_${escapeMarkdown(report.history.note)}_`, "");
  if (report.window) out.push(...windowLines(report.window, h));
  const shown = [...report.causes, ...report.warnings];
  const causes = report.causes.slice(0, detail.findings);
  const warnings = report.warnings.slice(0, Math.max(0, detail.findings - causes.length));
  if (causes.length > 0) out.push(`${h} Failure causes`, "");
  causes.forEach((t, i) => out.push(...section(i + 1, t, level, detail)));
  if (warnings.length > 0) {
    out.push(`${h} ${report.causes.length > 0 ? "Warnings (not the cause by themselves)" : "Warnings worth knowing"}`, "");
    warnings.forEach((t, i) => out.push(...section(causes.length + i + 1, t, level, detail)));
  }
  const hidden = shown.length - causes.length - warnings.length;
  if (hidden > 0) {
    const names = [...new Set(shown.slice(causes.length + warnings.length).map((t) => t.signature.id))].slice(0, MAX_LISTED);
    out.push(`_${hidden} more finding(s) not shown (${names.map(inlineCode).join(", ")}); run \`skewbot analyze --format json\` for all._`, "");
  }
  if (report.dismissed.length > 0) {
    out.push("<details><summary>Matched but not version skew</summary>", "");
    for (const t of report.dismissed.slice(0, MAX_LISTED)) out.push(`- ${inlineCode(t.signature.id)} at ${escapeMarkdown(whereText(t))}: ${escapeMarkdown(t.diagnosis.headline)}`);
    if (report.dismissed.length > MAX_LISTED) out.push(`- … and ${report.dismissed.length - MAX_LISTED} more`);
    out.push("", "</details>", "");
  }
  const problems = problemLines(report);
  if (problems.length > 0) {
    out.push("**Could not read everything:**", "", ...problems.slice(0, MAX_LISTED).map((p) => `- ${escapeMarkdown(p.slice(0, 500))}`));
    if (problems.length > MAX_LISTED) out.push(`- … and ${problems.length - MAX_LISTED} more`);
    out.push("");
  }
  if (shown.length === 0 && report.dismissed.length === 0) out.push("Scanned for every signature in the catalog; none matched.", "");
  return `${out.join("\n").trimEnd()}\n`;
}
