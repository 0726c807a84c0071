import type { Logger } from "pino";
import type { LogSource, Report } from "./model.js";
import type { SkewbotConfig } from "./config.js";
import { analyze } from "./pipeline.js";
import type { CompiledCatalog } from "./signatures/index.js";
import { parseLogRef, resolveLogRef, type SourceSettings } from "./sources/index.js";
import { renderMarkdown } from "./report/markdown.js";
import { escapeMarkdown, inlineCode } from "./report/safe.js";
import { sectionKey, upsertReport, type Thread, type Section } from "./publish/comment.js";
import { applyLabels } from "./publish/labels.js";
import type { GitHub } from "./publish/github.js";

/** One triage of one thread: what to read and why. */
export interface TriageRequest {
  thread: Thread;
  /** Log references (URLs, gs:// paths) to resolve. */
  refs: string[];
  /** Log text pasted into an issue or comment. */
  excerpts: { name: string; text: string }[];
  /** A person asked (/triage): answer even when nothing is found. */
  explicit: boolean;
  /** Problems found before triage (refused references), reported in the comment. */
  problems: string[];
}

export interface TriageDeps {
  github: GitHub;
  botLogin: string;
  config: SkewbotConfig;
  settings: SourceSettings;
  catalog: CompiledCatalog;
  log: Logger;
  dryRun: boolean;
}

export interface TriageOutcome {
  comment: "created" | "updated" | "unchanged" | "skipped" | "dry-run";
  labels: string[];
  causes: number;
  warnings: number;
  reports: Report[];
}

const HEADER = "### skewbot: version-skew triage";

export async function runTriage(req: TriageRequest, deps: TriageDeps): Promise<TriageOutcome> {
  const sections: Section[] = [];
  const reports: Report[] = [];
  const refusals = [...req.problems];

  for (const input of req.refs) {
    const ref = parseLogRef(input, deps.settings);
    if ("error" in ref) {
      refusals.push(`${input}: ${ref.error}`);
      continue;
    }
    const resolved = await resolveLogRef(ref, deps.settings);
    if (resolved.skipped) {
      sections.push({ key: sectionKey(input), markdown: `#### ${escapeMarkdown(resolved.title)}\n\n${escapeMarkdown(resolved.skipped)}` });
      continue;
    }
    const report = await analyze(resolved.sources, { catalog: deps.catalog, knownVersions: resolved.hints, problems: resolved.problems });
    reports.push(report);
    sections.push({ key: sectionKey(input), markdown: renderMarkdown(report, { title: resolved.title, ...(resolved.url ? { titleUrl: resolved.url } : {}), headingLevel: 4 }) });
  }
  if (req.excerpts.length > 0) {
    const sources: LogSource[] = req.excerpts.map((e) => ({
      name: e.name,
      open: async () =>
        (async function* () {
          yield Buffer.from(e.text);
        })(),
    }));
    const report = await analyze(sources, { catalog: deps.catalog });
    reports.push(report);
    sections.push({ key: sectionKey(`excerpts:${req.thread.issue_number}`), markdown: renderMarkdown(report, { title: "Log excerpts in this thread", headingLevel: 4 }) });
  }
  if (refusals.length > 0) {
    const body = ["#### References not triaged", "", ...refusals.map((r) => `- ${escapeMarkdown(r)}`)].join("\n");
    sections.push({ key: sectionKey(`refused:${req.refs.join(" ")}`), markdown: body });
  }
  if (sections.length === 0 && req.explicit) {
    sections.push({ key: sectionKey("nothing"), markdown: `#### Nothing to triage\n\nNo failed checks, CI failure reports or log links were found here. Try ${inlineCode("/triage <log URL>")} or ${inlineCode("/triage help")}.` });
  }

  const causes = reports.reduce((n, r) => n + r.causes.length, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  const flake = reports.some((r) => r.causes.some((c) => c.signature.flake));
  const outcome: TriageOutcome = { comment: "skipped", labels: [], causes, warnings, reports };
  if (sections.length === 0) return outcome;

  // Without a finding, an automatic trigger only refreshes a comment that is already there.
  const onlyIfExists = !req.explicit && causes + warnings === 0;
  const wantedLabels = flake && deps.config.labels.enabled ? deps.config.labels.flake : [];
  if (deps.dryRun) {
    deps.log.info({ thread: req.thread, sections: sections.map((s) => s.markdown), labels: wantedLabels }, "dry run: would post this report");
    return { ...outcome, comment: "dry-run", labels: wantedLabels };
  }
  const comment = await upsertReport(deps.github, req.thread, deps.botLogin, sections, HEADER, onlyIfExists);
  const labels = wantedLabels.length > 0 ? await applyLabels(deps.github, req.thread, deps.botLogin, wantedLabels) : [];
  return { ...outcome, comment, labels };
}
