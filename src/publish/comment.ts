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
 * Where the bot's report comment of each thread (`owner/repo#N`) is recorded as soon as it is created
 * (the history store's own_comments table), so that every replica finds it even while GitHub's listing of
 * the thread does not show it yet. A failing store is not fatal: the listing is used alone.
 */
export interface OwnComments {
  get(thread: string): Promise<number | undefined>;
  set(thread: string, commentId: number): Promise<void>;
  forget(thread: string, commentId: number): Promise<void>;
}

interface ListedComment {
  id: number;
  body?: string | null | undefined;
  user?: { login?: string; type?: string } | null;
}

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
  known?: OwnComments,
): Promise<UpsertOutcome | "skipped"> {
  const key = `${thread.owner}/${thread.repo}#${thread.issue_number}`;
  const isReport = (c: ListedComment) => isBot(c.user, botLogin) && (c.body ?? "").includes(REPORT_MARKER);
  const recorded = known ? await known.get(key).catch(() => undefined) : undefined;
  const comments: ListedComment[] = await withRetry(() => github.paginate(github.rest.issues.listComments, { ...thread, per_page: 100 }), retry);
  let ours = comments.filter(isReport);
  if (recorded !== undefined && !ours.some((c) => c.id === recorded)) {
    // Recorded but not listed: the listing lags a fresh create, or the comment was deleted. Ask for it.
    try {
      const res = await withRetry(() => github.rest.issues.getComment({ owner: thread.owner, repo: thread.repo, comment_id: recorded }), retry);
      if (isReport(res.data)) ours = [res.data, ...ours];
      else await known?.forget(key, recorded).catch(() => undefined);
    } catch (err) {
      // Gone: forget it. Any other failure: the listing decides, as without a store.
      if ((err as { status?: number }).status === 404) await known?.forget(key, recorded).catch(() => undefined);
    }
  }
  // The recorded comment is the one kept; any other copy is an extra.
  ours.sort((a, b) => Number(b.id === recorded) - Number(a.id === recorded));
  const existing = ours[0];
  for (const extra of ours.slice(1)) await github.rest.issues.deleteComment({ owner: thread.owner, repo: thread.repo, comment_id: extra.id }).catch(() => undefined);

  if (!existing && onlyIfExists) return "skipped";
  const freshKeys = new Set(fresh.map((s) => s.key));
  const sections = [...fresh, ...parseSections(existing?.body ?? "").filter((s) => !freshKeys.has(s.key))];
  const body = composeBody(sections, header);
  if (existing) {
    if (existing.id !== recorded) await known?.set(key, existing.id).catch(() => undefined);
    if (existing.body === body) return "unchanged";
    try {
      await withRetry(() => github.rest.issues.updateComment({ owner: thread.owner, repo: thread.repo, comment_id: existing.id, body }), retry);
      return "updated";
    } catch (err) {
      // Someone deleted the comment since we listed it: post a new one.
      if ((err as { status?: number }).status !== 404) throw err;
    }
  }
  const created = await withRetry(() => github.rest.issues.createComment({ ...thread, body }), retry);
  // Recorded before any other replica can take this thread (we still hold its lease).
  await known?.set(key, created.data.id).catch(() => undefined);
  return "created";
}
