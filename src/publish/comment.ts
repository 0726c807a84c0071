import { createHash } from "node:crypto";
import { withoutCommandLines } from "../report/safe.js";
import { isBot, withRetry, type GitHub, type RetryOptions } from "./github.js";

/** Marks the bot's report comment; together with the bot's login it identifies the one comment we own. */
export const REPORT_MARKER = "<!-- skewbot:report -->";
const SECTION = /<!-- skewbot:section ([0-9a-f]{12}) -->\n([\s\S]*?)\n<!-- skewbot:section-end -->/g;
// GitHub rejects comment bodies over 65,536 characters.
export const MAX_COMMENT_CHARS = 65_000;
const MAX_SECTIONS = 10;

export interface Thread {
  owner: string;
  repo: string;
  issue_number: number;
}

export interface Section {
  /** Stable per job, so that a new triage of the same job replaces its section. */
  key: string;
  markdown: string;
}

export function sectionKey(ref: string): string {
  return createHash("sha256").update(ref).digest("hex").slice(0, 12);
}

export function parseSections(body: string): Section[] {
  return [...body.matchAll(SECTION)].map((m) => ({ key: m[1]!, markdown: m[2]! }));
}

/**
 * The whole comment: the newest section first, older jobs kept below it, within GitHub's size limit.
 * Whole sections are dropped (oldest first) rather than cutting Markdown mid-block, and the comment
 * says so; a single section too large on its own is replaced by its heading and a note.
 */
export function composeBody(sections: Section[], header: string): string {
  // The one place every report body passes: no line of it may read as a Prow command.
  const render = (list: Section[], dropped: number) =>
    withoutCommandLines([
      REPORT_MARKER,
      header,
      ...list.map((s) => `<!-- skewbot:section ${s.key} -->\n${s.markdown.trimEnd()}\n<!-- skewbot:section-end -->`),
      ...(dropped > 0 ? [`_${dropped} older job report(s) removed to stay under GitHub's comment size limit._`] : []),
    ].join("\n\n") + "\n");
  const kept = sections.slice(0, MAX_SECTIONS);
  let dropped = sections.length - kept.length;
  let body = render(kept, dropped);
  while (body.length > MAX_COMMENT_CHARS && kept.length > 1) {
    kept.pop();
    dropped++;
    body = render(kept, dropped);
  }
  if (body.length > MAX_COMMENT_CHARS && kept[0]) {
    const heading = kept[0].markdown.split("\n").find((l) => l.startsWith("#"))?.slice(0, 500) ?? "#### Job";
    kept[0] = { key: kept[0].key, markdown: `${heading}\n\nThis job's report is too large for a comment; run \`skewbot analyze --format json\` on its logs.` };
    body = render(kept, dropped);
  }
  return body;
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * Creates or updates the bot's one report comment in a thread, merging this triage's sections with the
 * sections already there. Extra copies (left by an old race) are deleted so that one remains.
 */
export async function upsertReport(
  github: GitHub,
  thread: Thread,
  botLogin: string | undefined,
  fresh: Section[],
  header: string,
  onlyIfExists = false,
  retry: RetryOptions = {},
): Promise<UpsertOutcome | "skipped"> {
  const comments = await withRetry(() => github.paginate(github.rest.issues.listComments, { ...thread, per_page: 100 }), retry);
  const ours = comments.filter((c) => isBot(c.user, botLogin) && (c.body ?? "").includes(REPORT_MARKER));
  const existing = ours[0];
  for (const extra of ours.slice(1)) await github.rest.issues.deleteComment({ owner: thread.owner, repo: thread.repo, comment_id: extra.id }).catch(() => undefined);

  if (!existing && onlyIfExists) return "skipped";
  const freshKeys = new Set(fresh.map((s) => s.key));
  const sections = [...fresh, ...parseSections(existing?.body ?? "").filter((s) => !freshKeys.has(s.key))];
  const body = composeBody(sections, header);
  if (existing) {
    if (existing.body === body) return "unchanged";
    try {
      await withRetry(() => github.rest.issues.updateComment({ owner: thread.owner, repo: thread.repo, comment_id: existing.id, body }), retry);
      return "updated";
    } catch (err) {
      // Someone deleted the comment since we listed it: post a new one.
      if ((err as { status?: number }).status !== 404) throw err;
    }
  }
  await withRetry(() => github.rest.issues.createComment({ ...thread, body }), retry);
  return "created";
}
