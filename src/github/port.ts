// The narrow GitHub port: only the calls skewbot makes, in skewbot's words. Triggers and publish receive a
// port; only src/github/octokit.ts talks to GitHub. Every list is whole (paginated by the adapter), and
// every call has gone through the one retry policy by the time it answers or throws.
import type { Visibility } from "../sources/index.js";
import type { JobInfo } from "../sources/github-actions.js";

export interface Repo {
  owner: string;
  repo: string;
}

/** An issue or pull request: where skewbot comments. */
export interface Thread extends Repo {
  issue_number: number;
}

/** A GitHub user as payloads and API responses carry it; null is GitHub's "ghost" (a deleted account). */
export interface GitHubUser {
  login?: string;
  type?: string;
}

export interface IssueComment {
  id: number;
  body: string;
  user: GitHubUser | null;
}

export interface CheckRun {
  conclusion: string | null;
  details_url: string | null;
}

export interface CommitStatus {
  state: string;
  context: string;
  target_url: string | null;
}

export interface WorkflowJob {
  id: number;
  conclusion: string | null;
}

export interface IssueEvent {
  event: string;
  actor: GitHubUser | null;
  label?: { name: string };
}

export const PERMISSION_RANK = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 } as const;
export type Permission = keyof typeof PERMISSION_RANK;

export interface GitHubPort {
  /** The app's own login (`<slug>[bot]`); undefined when GitHub cannot say (own comments are then told by marker and app account). */
  botLogin(): Promise<string | undefined>;
  /** A person's permission on the repository; a custom role counts as the base role it extends. "none" for a non-collaborator. */
  permission(repo: Repo, username: string): Promise<Permission>;
  listComments(thread: Thread): Promise<IssueComment[]>;
  /**
   * Posts a comment once. `marker` is a hidden string the body carries: when GitHub's answer is lost (a 502
   * after it stored the comment), the thread is listed again and a comment of ours with the marker is taken
   * as the one posted, rather than posting a second.
   */
  createComment(thread: Thread, body: string, marker: string): Promise<IssueComment>;
  /** "gone" when the comment no longer exists (deleted since it was read). */
  updateComment(repo: Repo, id: number, body: string): Promise<"updated" | "gone">;
  /** The current body of a comment; undefined when it no longer exists. */
  getComment(repo: Repo, id: number): Promise<IssueComment | undefined>;
  deleteComment(repo: Repo, id: number): Promise<void>;
  react(repo: Repo, commentId: number, content: "eyes"): Promise<void>;
  pullRequestHead(repo: Repo, number: number): Promise<string>;
  checkRuns(repo: Repo, sha: string): Promise<CheckRun[]>;
  /** Every context of the combined status, all pages of it. */
  statuses(repo: Repo, sha: string): Promise<CommitStatus[]>;
  openPullRequestsOf(repo: Repo, sha: string): Promise<number[]>;
  /** One GitHub Actions job, as the API describes it. */
  workflowJob(repo: Repo, jobId: number): Promise<JobInfo>;
  /** The jobs of a workflow run's latest attempt. */
  workflowJobs(repo: Repo, runId: number): Promise<WorkflowJob[]>;
  labelsOn(thread: Thread): Promise<string[]>;
  /** The thread's events; empty when GitHub does not serve them (404) or no longer does (410). */
  events(thread: Thread): Promise<IssueEvent[]>;
  /** Creates the label with this style when the repository lacks it; a label created meanwhile is fine. */
  ensureLabel(repo: Repo, name: string, style: { color: string; description: string }): Promise<void>;
  addLabels(thread: Thread, labels: string[]): Promise<void>;
  /** A repository's visibility (GET /repos/{owner}/{repo}); undefined when the answer does not say; throws when GitHub does not answer. */
  visibility(repo: Repo): Promise<Visibility | undefined>;
  /** The installation token, for sources that download logs from GitHub. */
  installationToken(): Promise<string | undefined>;
}

/**
 * Whether a comment or event is the app's own: by its login (`<slug>[bot]`) when known; when the API
 * could not tell us our login, by any app account, which is still narrowed by our hidden markers.
 */
export function isOwn(user: GitHubUser | null | undefined, botLogin: string | undefined): boolean {
  return botLogin ? user?.login === botLogin : user?.type === "Bot";
}

/** Any bot: an app account (`type: Bot`, `…[bot]`), skewbot included. Bots never run commands. */
export function isBotAccount(user: GitHubUser | null | undefined): boolean {
  return user?.type === "Bot" || (user?.login ?? "").toLowerCase().endsWith("[bot]");
}

export function threadKey(thread: Thread): string {
  return `${thread.owner}/${thread.repo}#${thread.issue_number}`;
}
