import { createHash } from "node:crypto";
import { withoutCommandLines } from "../report/safe.js";
import { isOwn, threadKey, type GitHubPort, type IssueComment, type Thread } from "../github/port.js";

/** Marks the bot's report comment; together with the bot's login it identifies the one comment we own. */
export const REPORT_MARKER = "<!-- skewbot:report -->";
const SECTION = /<!-- skewbot:section ([0-9a-f]{12}) -->\n([\s\S]*?)\n<!-- skewbot:section-end -->/g;
// GitHub rejects comment bodies over 65,536 characters.
export const MAX_COMMENT_CHARS = 65_000;
const MAX_SECTIONS = 10;

export type { Thread };

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
 * Where each thread's report comment is recorded beyond this process (the history store's own_comments
 * table), so that every replica finds it even while GitHub's listing of the thread does not show it yet.
 * Keyed by `owner/repo#N`. A failing store is not fatal: the listing is used alone.
 */
export interface CommentRecord {
  get(thread: string): Promise<number | undefined>;
  set(thread: string, commentId: number): Promise<void>;
  forget(thread: string, commentId: number): Promise<void>;
}

/**
 * The id of the bot's report comment per thread: for the life of the process (bounded), backed by the
 * shared record when there is one, so that a thread is listed once rather than on every triage. An id is
 * only a hint: it is verified by reading that one comment, and a comment that is gone (404) or no longer
 * ours means the thread is listed again.
 */
export class OwnComments {
  private readonly ids = new Map<string, number>();
  constructor(
    private readonly record?: CommentRecord,
    private readonly max = 10_000,
  ) {}
  /** This process's id, else the shared record's (a store fault reads as "not recorded"). */
  async get(thread: Thread): Promise<number | undefined> {
    const key = threadKey(thread);
    const id = this.ids.get(key);
    if (id !== undefined || !this.record) return id;
    return this.record.get(key).catch(() => undefined);
  }
  async set(thread: Thread, id: number): Promise<void> {
    const key = threadKey(thread);
    const had = this.ids.get(key);
    this.ids.delete(key);
    this.ids.set(key, id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value!);
    if (had !== id) await this.record?.set(key, id).catch(() => undefined);
  }
  /** `gone`: the comment is deleted or not ours, so the shared record forgets it too; otherwise (unreadable) only this process does. */
  async forget(thread: Thread, id: number, gone: boolean): Promise<void> {
    const key = threadKey(thread);
    this.ids.delete(key);
    if (gone) await this.record?.forget(key, id).catch(() => undefined);
  }
}

const isReport = (c: IssueComment | null | undefined, me: string | undefined): c is IssueComment => !!c && isOwn(c.user, me) && c.body.includes(REPORT_MARKER);

/**
 * The bot's report comment in a thread: from the known id when it still holds, else by listing (extra copies
 * deleted). `login` is the bot's login on its way: the reads go out without waiting for it.
 */
async function findReport(port: GitHubPort, thread: Thread, login: Promise<string | undefined>, own: OwnComments): Promise<IssueComment | undefined> {
  const known = await own.get(thread);
  if (known !== undefined) {
    // undefined: gone (404); null: unreadable (another fault), and the listing below decides, as without a record.
    const [comment, me] = await Promise.all([port.getComment(thread, known).catch(() => null), login]);
    if (isReport(comment, me)) {
      await own.set(thread, comment.id);
      return comment;
    }
    await own.forget(thread, known, comment !== null);
  }
  const [listed, me] = await Promise.all([port.listComments(thread), login]);
  const ours = listed.filter((c) => isReport(c, me));
  // Extra copies (left by an old race) are deleted so that one remains.
  for (const extra of ours.slice(1)) await port.deleteComment(thread, extra.id).catch(() => undefined);
  if (ours[0]) await own.set(thread, ours[0].id);
  return ours[0];
}

/**
 * Creates or updates the bot's one report comment in a thread, merging this triage's sections with the
 * sections already there.
 */
export async function upsertReport(
  port: GitHubPort,
  thread: Thread,
  fresh: Section[],
  header: string,
  onlyIfExists = false,
  own: OwnComments = new OwnComments(),
): Promise<UpsertOutcome | "skipped"> {
  const login = port.botLogin();
  // Awaited below on every path; this only keeps a failure from being reported as unhandled meanwhile.
  login.catch(() => undefined);
  let existing = await findReport(port, thread, login, own);
  for (let attempt = 0; ; attempt++) {
    if (!existing && onlyIfExists) return "skipped";
    const freshKeys = new Set(fresh.map((s) => s.key));
    const sections = [...fresh, ...parseSections(existing?.body ?? "").filter((s) => !freshKeys.has(s.key))];
    const body = composeBody(sections, header);
    if (!existing) {
      const created = await port.createComment(thread, body, REPORT_MARKER);
      // Recorded before any other replica can take this thread (we still hold its lease).
      await own.set(thread, created.id);
      return "created";
    }
    if (existing.body === body) return "unchanged";
    if ((await port.updateComment(thread, existing.id, body)) === "updated") return "updated";
    // Someone deleted the comment since we read it: look again (another copy may remain), then post.
    await own.forget(thread, existing.id, true);
    existing = attempt === 0 ? await findReport(port, thread, login, own) : undefined;
  }
}
