import type { CheckRun, CommitStatus, GitHubPort, GitHubUser, IssueComment, IssueEvent, Permission, Repo, Thread, WorkflowJob } from "../../src/github/port.js";
import { threadKey } from "../../src/github/port.js";
import type { JobInfo } from "../../src/sources/github-actions.js";
import type { Visibility } from "../../src/sources/index.js";

// An in-process fake GitHub behind the port (src/github/port.ts): it keeps state, as GitHub does (comments,
// labels and their events, reactions, pull requests with their check runs and statuses, permissions),
// so that tests deliver a webhook and then assert what the thread looks like, not which calls were made.
// The loopback fake (tools/replay/fake-github.ts) serves the REST API to a real process; this one skips
// HTTP and Octokit for fast, table-driven tests of triggers and publishing.

/** GitHub's limit on a comment body: a longer one is refused with 422. */
const MAX_BODY = 65_536;

interface ThreadState {
  comments: IssueComment[];
  labels: string[];
  events: IssueEvent[];
}

export interface Reaction {
  comment: number;
  content: string;
  by: string;
}

/** What a thread looks like after the deliveries: the assertion side of a table row. */
export interface ThreadView {
  /** Every comment, in order, by author. */
  comments: { author: string; body: string }[];
  labels: string[];
  /** Reactions on this thread's comments, as `content` by `login`, on the comment with that body's first line. */
  reactions: string[];
}

export class FakeGitHubPort implements GitHubPort {
  readonly bot: string;
  readonly token = "ghs_fake-installation-token";
  visibilityOf: Visibility = "public";
  private nextId = 9_000_001;
  private readonly threads = new Map<string, ThreadState>();
  private readonly repoLabels = new Map<string, { color: string; description: string }>();
  private readonly reactions: Reaction[] = [];
  private readonly permissions = new Map<string, Permission>();
  private readonly pulls = new Map<number, { head: string; open: boolean }>();
  private readonly checks = new Map<string, CheckRun[]>();
  private readonly commitStatuses = new Map<string, CommitStatus[]>();
  private readonly runJobs = new Map<number, WorkflowJob[]>();
  private readonly jobs = new Map<number, JobInfo>();
  /** Writes made (comment created, updated, deleted; label added; reaction): tests check "nothing written". */
  writes = 0;

  constructor(options: { bot?: string } = {}) {
    this.bot = options.bot ?? "skewbot[bot]";
  }

  // --- Seeding: what the repository holds before the delivery ---------------------------------------------

  /** A comment already in the thread (a person's, a CI bot's, or an earlier one of ours); returns its id. */
  seedComment(thread: Thread, user: GitHubUser, body: string, id?: number): number {
    const comment = { id: id ?? this.nextId++, body, user };
    this.thread(thread).comments.push(comment);
    return comment.id;
  }

  seedLabel(thread: Thread, name: string): void {
    this.thread(thread).labels.push(name);
    this.thread(thread).events.push({ event: "labeled", actor: { login: "maintainer", type: "User" }, label: { name } });
  }

  /** A label that a person took off: skewbot must not put it back. */
  personRemovedLabel(thread: Thread, name: string, login = "maintainer"): void {
    const t = this.thread(thread);
    t.labels = t.labels.filter((l) => l !== name);
    t.events.push({ event: "unlabeled", actor: { login, type: "User" }, label: { name } });
  }

  grant(login: string, permission: Permission): void {
    this.permissions.set(login.toLowerCase(), permission);
  }

  pullRequest(number: number, head: string, options: { open?: boolean; checkRuns?: CheckRun[]; statuses?: CommitStatus[] } = {}): void {
    this.pulls.set(number, { head, open: options.open ?? true });
    if (options.checkRuns) this.checks.set(head, options.checkRuns);
    if (options.statuses) this.commitStatuses.set(head, options.statuses);
  }

  workflowRun(runId: number, jobs: JobInfo[]): void {
    this.runJobs.set(runId, jobs.map((j) => ({ id: j.id, conclusion: j.conclusion })));
    for (const j of jobs) this.jobs.set(j.id, j);
  }

  // --- Reading the final state -------------------------------------------------------------------------------

  view(thread: Thread): ThreadView {
    const t = this.thread(thread);
    const ids = new Map(t.comments.map((c) => [c.id, c]));
    return {
      comments: t.comments.map((c) => ({ author: c.user?.login ?? "ghost", body: c.body })),
      labels: [...t.labels],
      reactions: this.reactions.filter((r) => ids.has(r.comment)).map((r) => `${r.content} by ${r.by} on "${ids.get(r.comment)!.body.split("\n")[0]}"`),
    };
  }

  /** Every comment skewbot wrote anywhere. */
  ownComments(): IssueComment[] {
    return [...this.threads.values()].flatMap((t) => t.comments.filter((c) => c.user?.login === this.bot));
  }

  labelsOfRepository(): string[] {
    return [...this.repoLabels.keys()];
  }

  // --- The port ------------------------------------------------------------------------------------------------

  async botLogin(): Promise<string | undefined> {
    return this.bot;
  }

  async permission(_repo: Repo, username: string): Promise<Permission> {
    return this.permissions.get(username.toLowerCase()) ?? "none";
  }

  async listComments(thread: Thread): Promise<IssueComment[]> {
    return this.thread(thread).comments.map((c) => ({ ...c }));
  }

  async createComment(thread: Thread, body: string, _marker: string): Promise<IssueComment> {
    if (body.length > MAX_BODY) throw Object.assign(new Error("Validation Failed: body is too long (maximum is 65536 characters)"), { status: 422 });
    const comment = { id: this.nextId++, body, user: { login: this.bot, type: "Bot" } };
    this.thread(thread).comments.push(comment);
    this.writes++;
    return { ...comment };
  }

  async updateComment(repo: Repo, id: number, body: string): Promise<"updated" | "gone"> {
    if (body.length > MAX_BODY) throw Object.assign(new Error("Validation Failed: body is too long (maximum is 65536 characters)"), { status: 422 });
    const found = this.find(repo, id);
    if (!found) return "gone";
    found.body = body;
    this.writes++;
    return "updated";
  }

  async getComment(repo: Repo, id: number): Promise<IssueComment | undefined> {
    const found = this.find(repo, id);
    return found ? { ...found } : undefined;
  }

  async deleteComment(repo: Repo, id: number): Promise<void> {
    for (const [key, t] of this.threads) {
      if (!key.startsWith(`${repo.owner}/${repo.repo}#`)) continue;
      const before = t.comments.length;
      t.comments = t.comments.filter((c) => c.id !== id);
      if (t.comments.length !== before) this.writes++;
    }
  }

  async react(repo: Repo, commentId: number, content: "eyes"): Promise<void> {
    if (!this.find(repo, commentId)) throw Object.assign(new Error("Not Found"), { status: 404 });
    // GitHub keeps one reaction of a kind per user: reacting twice is not a second reaction.
    if (this.reactions.some((r) => r.comment === commentId && r.content === content && r.by === this.bot)) return;
    this.reactions.push({ comment: commentId, content, by: this.bot });
    this.writes++;
  }

  async pullRequestHead(_repo: Repo, number: number): Promise<string> {
    const pr = this.pulls.get(number);
    if (!pr) throw Object.assign(new Error("Not Found"), { status: 404 });
    return pr.head;
  }

  async checkRuns(_repo: Repo, sha: string): Promise<CheckRun[]> {
    return [...(this.checks.get(sha) ?? [])];
  }

  async statuses(_repo: Repo, sha: string): Promise<CommitStatus[]> {
    return [...(this.commitStatuses.get(sha) ?? [])];
  }

  async openPullRequestsOf(_repo: Repo, sha: string): Promise<number[]> {
    return [...this.pulls].filter(([, pr]) => pr.open && pr.head === sha).map(([n]) => n);
  }

  async workflowJob(_repo: Repo, jobId: number): Promise<JobInfo> {
    const job = this.jobs.get(jobId);
    if (!job) throw Object.assign(new Error("Not Found"), { status: 404 });
    return structuredClone(job);
  }

  async workflowJobs(_repo: Repo, runId: number): Promise<WorkflowJob[]> {
    return [...(this.runJobs.get(runId) ?? [])];
  }

  async labelsOn(thread: Thread): Promise<string[]> {
    return [...this.thread(thread).labels];
  }

  async events(thread: Thread): Promise<IssueEvent[]> {
    return this.thread(thread).events.map((e) => ({ ...e }));
  }

  async ensureLabel(_repo: Repo, name: string, style: { color: string; description: string }): Promise<void> {
    if (!this.repoLabels.has(name)) this.repoLabels.set(name, style);
  }

  async addLabels(thread: Thread, labels: string[]): Promise<void> {
    const t = this.thread(thread);
    for (const name of labels) {
      // GitHub creates a label it does not know, with its default style.
      if (!this.repoLabels.has(name)) this.repoLabels.set(name, { color: "ededed", description: "" });
      if (t.labels.includes(name)) continue;
      t.labels.push(name);
      t.events.push({ event: "labeled", actor: { login: this.bot, type: "Bot" }, label: { name } });
      this.writes++;
    }
  }

  async visibility(_repo: Repo): Promise<Visibility | undefined> {
    return this.visibilityOf;
  }

  async installationToken(): Promise<string | undefined> {
    return this.token;
  }

  private thread(thread: Thread): ThreadState {
    const key = threadKey(thread);
    let t = this.threads.get(key);
    if (!t) this.threads.set(key, (t = { comments: [], labels: [], events: [] }));
    return t;
  }

  private find(repo: Repo, id: number): IssueComment | undefined {
    for (const [key, t] of this.threads) {
      if (!key.startsWith(`${repo.owner}/${repo.repo}#`)) continue;
      const c = t.comments.find((x) => x.id === id);
      if (c) return c;
    }
    return undefined;
  }
}
