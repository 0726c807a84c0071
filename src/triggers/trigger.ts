// What every trigger is: the events it handles, a payload-only test of whether it may act (so that nothing,
// not even the configuration, is read for a delivery no trigger wants), when the configuration enables it,
// its help, and collect(), which turns one normalised event into TriageRequests over the GitHub port.
import type { Logger } from "pino";
import type { History } from "../history/index.js";
import type { SkewbotConfig } from "../config.js";
import type { GitHubPort, GitHubUser, IssueComment, Permission, Repo, Thread } from "../github/port.js";
import { isBotAccount } from "../github/port.js";
import { isOriginAllowed, logRefKey, parseLogRef, type LogRef, type SourceSettings, type Visibility } from "../sources/index.js";
import { shownRef, type TriageRequest } from "../triage.js";
import { codeBlocks, urlsIn } from "./text.js";

/** One delivery, normalised: every trigger sees the same fields and the same bot check. */
export interface TriggerEvent {
  /** `issue_comment.created`, `status`: the event and, when it has one, its action. */
  name: string;
  delivery: string;
  installation: number;
  repo: Repo & { id: number };
  visibility: Visibility;
  /** Who caused the event: a comment's author, else the sender; null for a deleted account ("ghost"). */
  actor: GitHubUser | null;
  /** The one bot check: the actor is an app account (skewbot itself included). */
  fromBot: boolean;
  // Webhook payloads are checked field by field (payloads.ts) before a trigger reads them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: any;
}

/** Where a trigger's work waits its turn: one lane per thread (or per commit), one batch per lane and kind. */
export interface Lane {
  /** Serialisation key: `owner/repo#n`, or `owner/repo@sha` for commit events. */
  key: string;
  /** Deliveries of one batch are handled together (one configuration read, shared look-ups). */
  batch: string;
  /** Only the latest delivery of the batch counts (an edited issue body), after `quietMs` without another. */
  latestOnly?: boolean;
  quietMs?: number;
}

/** What collect() may use: the port, the repository's configuration, and look-ups shared by one batch. */
export interface TriggerContext {
  port: GitHubPort;
  config: SkewbotConfig;
  /** The environment's source settings merged with the repository's configuration. */
  settings: SourceSettings;
  log: Logger;
  shared: BatchMemo;
  /** The history store, when the process has one. */
  history?: History;
}

/** What a trigger may consult before the configuration is read. */
export interface PrecheckContext {
  history?: History;
  settings: SourceSettings;
}

/** Look-ups made once per batch, and decisions that must hold across its deliveries. */
export interface BatchMemo {
  comments(thread: Thread): Promise<IssueComment[]>;
  permission(repo: Repo, login: string): Promise<Permission>;
  /** Hidden markers of answers posted in this batch (a burst of commands from one person gets one refusal). */
  posted: Set<string>;
  /** Any other look-up, once per batch under `key`. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface Trigger {
  name: string;
  /** `event.action` names, or bare event names. */
  events: readonly string[];
  /** From the payload alone (no API call, no configuration): whether this trigger could act. */
  mayAct(event: TriggerEvent, settings: SourceSettings): boolean;
  /** In the lane's turn, before the configuration is read: a cheaper look (the history store) that may rule the delivery out. */
  precheck?(event: TriggerEvent, ctx: PrecheckContext): Promise<boolean>;
  enabled(config: SkewbotConfig): boolean;
  lane(event: TriggerEvent, options: { editQuietMs: number }): Lane;
  /** One line for the help comment: what it answers without being asked. */
  help: string;
  collect(event: TriggerEvent, ctx: TriggerContext): Promise<TriageRequest[]>;
}

export function normaliseEvent(name: string, delivery: string, payload: Record<string, unknown>, visibilityOf: (repo: unknown) => Visibility | undefined): TriggerEvent | { drop: string } {
  const p = payload as { action?: string; installation?: { id?: number }; repository?: { id: number; name: string; owner: { login: string } }; comment?: { user?: GitHubUser | null }; sender?: GitHubUser | null };
  if (typeof p.installation?.id !== "number") return { drop: "no installation in the delivery (not sent to an installed App)" };
  if (!p.repository) return { drop: "no repository in the delivery" };
  const actor = p.comment !== undefined ? (p.comment.user ?? null) : (p.sender ?? null);
  return {
    name: p.action ? `${name}.${p.action}` : name,
    delivery,
    installation: p.installation.id,
    repo: { owner: p.repository.owner.login, repo: p.repository.name, id: p.repository.id },
    visibility: visibilityOf(p.repository) ?? "public",
    actor,
    fromBot: isBotAccount(actor),
    payload,
  };
}

export function threadOf(event: TriggerEvent, number: number): Thread {
  return { owner: event.repo.owner, repo: event.repo.repo, issue_number: number };
}

/** The one way a cap is explained, whatever the trigger. */
export function tooMany(extra: number, max: number): string {
  return `${extra} further reference(s) ignored: at most ${max} per triage`;
}

/**
 * References parsed once, here at the edge: deduplicated by canonical key (a Spyglass URL and the gs://
 * path of one build are one), capped at `max` with one line saying so. `reportErrors`: an unparseable
 * input becomes a problem line (a person typed it); otherwise it is skipped (a link among others).
 */
export function parseRefs(inputs: readonly (string | LogRef)[], settings: SourceSettings, max: number, options: { reportErrors: boolean; alreadyLeftOut?: number }): { refs: LogRef[]; problems: string[] } {
  const refs: LogRef[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let leftOut = options.alreadyLeftOut ?? 0;
  for (const input of inputs) {
    const ref = typeof input === "string" ? parseLogRef(input, settings) : input;
    if ("error" in ref) {
      if (options.reportErrors) problems.push(`${shownRef(String(input))}: ${ref.error}`);
      continue;
    }
    const key = logRefKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    if (refs.length >= max) leftOut++;
    else refs.push(ref);
  }
  if (leftOut > 0) problems.push(tooMany(leftOut, max));
  return { refs, problems };
}

/** A TriageRequest for a thread of the event's repository. */
export function request(event: TriggerEvent, number: number, body: Pick<TriageRequest, "refs" | "excerpts" | "explicit" | "problems" | "pull">): TriageRequest {
  return { thread: threadOf(event, number), delivery: event.delivery, event: event.name, installation: event.installation, visibility: event.visibility, ...body };
}

export function isCiBot(login: string | undefined, config: SkewbotConfig): boolean {
  if (!login) return false;
  const bare = login.replace(/\[bot\]$/i, "").toLowerCase();
  return config.ciBots.some((b) => b.toLowerCase() === bare);
}

/** Log references (only those the sources understand; plain URLs only on allowed hosts) and pasted excerpts in texts. */
export function refsInTexts(texts: readonly string[], settings: SourceSettings): { refs: LogRef[]; excerpts: { name: string; text: string }[] } {
  const refs: LogRef[] = [];
  const excerpts: { name: string; text: string }[] = [];
  for (const text of texts) {
    for (const url of urlsIn(text)) {
      const ref = parseLogRef(url, settings);
      if ("error" in ref) continue;
      // Plain URLs count only on hosts we would fetch from anyway; anything else is just a link.
      if (ref.kind === "url" && !isOriginAllowed(new URL(url), settings)) continue;
      refs.push(ref);
    }
    for (const block of codeBlocks(text)) if (block.trim()) excerpts.push({ name: `excerpt-${excerpts.length + 1}`, text: block });
  }
  return { refs, excerpts };
}


/** A check run's details URL as a log reference: an Actions job, or a Prow job of another app; other links are not logs. */
export function checkRunRef(detailsUrl: string | null | undefined, settings: SourceSettings): LogRef | undefined {
  if (!detailsUrl) return undefined;
  const ref = parseLogRef(detailsUrl, settings);
  if ("error" in ref) return undefined;
  return ref.kind === "prow" || ref.kind === "github-actions-job" ? ref : undefined;
}
