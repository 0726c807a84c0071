import type { Report, Triaged } from "../model.js";
import { codeBlock, escapeMarkdown, escapeProse, inlineCode, quietGitHubLink, safeUrl } from "./safe.js";
import { excerpt, problemLines, summaryLine, whereText } from "./common.js";

const MAX_MARKDOWN_FINDINGS = 10;

function section(index: number, t: Triaged, level: number): string[] {
  const { diagnosis: d, signature: s } = t;
  const tags = [inlineCode(s.id), t.diagnosis.verdict === "cause" ? "error" : "warning", ...(s.flake && d.verdict === "cause" ? ["version-skew flake"] : [])];
  const out = [`${"#".repeat(level + 1)} ${index}. ${escapeMarkdown(s.title)}`, "", tags.join(" · "), "", `**${escapeProse(d.headline)}**`, ""];
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
  list("Why", d.reasoning);
  list("Likely causes", d.causes);
  list("Suggested fixes", d.fixes, true);
  const link = safeUrl(t.link);
  const where = escapeMarkdown(whereText(t));
  out.push(`<details><summary>Log lines: ${where}</summary>`, "", codeBlock(excerpt(t)), "", "</details>", "");
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

function shortRef(url: string): string {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(url);
  return m ? `${m[1]} ${m[2]}` : url.replace(/^https?:\/\//, "");
}

/** The report as GitHub-flavoured Markdown, safe to post as a comment. */
export function renderMarkdown(report: Report, options: { title?: string; titleUrl?: string; headingLevel?: number } = {}): string {
  const h = "#".repeat(options.headingLevel ?? 3);
  const title = escapeMarkdown(options.title ?? "skewbot: version-skew triage");
  const titleUrl = safeUrl(options.titleUrl);
  const out: string[] = [`${h} ${titleUrl ? `[${title}](${titleUrl})` : title}`, "", escapeMarkdown(summaryLine(report)), ""];
  const level = options.headingLevel ?? 3;
  const shown = [...report.causes, ...report.warnings];
  if (report.causes.length > 0) out.push(`${h} Failure causes`, "");
  report.causes.slice(0, MAX_MARKDOWN_FINDINGS).forEach((t, i) => out.push(...section(i + 1, t, level)));
  if (report.warnings.length > 0) {
    out.push(`${h} ${report.causes.length > 0 ? "Warnings (not the cause by themselves)" : "Warnings worth knowing"}`, "");
    report.warnings.slice(0, MAX_MARKDOWN_FINDINGS).forEach((t, i) => out.push(...section(report.causes.length + i + 1, t, level)));
  }
  const hidden = Math.max(0, report.causes.length - MAX_MARKDOWN_FINDINGS) + Math.max(0, report.warnings.length - MAX_MARKDOWN_FINDINGS);
  if (hidden > 0) out.push(`_${hidden} more finding(s) not shown; run \`skewbot analyze --format json\` for all._`, "");
  if (report.dismissed.length > 0) {
    out.push("<details><summary>Matched but not version skew</summary>", "");
    for (const t of report.dismissed) out.push(`- ${inlineCode(t.signature.id)} at ${escapeMarkdown(whereText(t))}: ${escapeMarkdown(t.diagnosis.headline)}`);
    out.push("", "</details>", "");
  }
  const problems = problemLines(report);
  if (problems.length > 0) {
    out.push("**Could not read everything:**", "", ...problems.map((p) => `- ${escapeMarkdown(p)}`), "");
  }
  if (shown.length === 0 && report.dismissed.length === 0) out.push("Scanned for every signature in the catalog; none matched.", "");
  return `${out.join("\n").trimEnd()}\n`;
}
