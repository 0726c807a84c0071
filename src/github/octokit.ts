// The one adapter from the GitHub port to Probot's Octokit, and the one retry policy of every call.
//
// Retries are configured in Probot's own plugins, never stacked on them: the throttling plugin owns rate
// limits (a secondary limit, 403 or 429 with "secondary rate limit" and Retry-After; a primary one, with
// x-ratelimit-reset), the retry plugin owns 5xx answers and connection resets. Each is bounded, and 403/429
// are excluded from the retry plugin so that one call is never retried by both.
import { ProbotOctokit } from "probot";
import type { Visibility } from "../sources/index.js";
import type { JobInfo } from "../sources/github-actions.js";
import { visibilityOf } from "../sources/index.js";
import {
  isOwn,
  PERMISSION_RANK,
  type CheckRun,
  type CommitStatus,
  type GitHubPort,
  type IssueComment,
  type IssueEvent,
  type Permission,
  type Repo,
  type Thread,
  type WorkflowJob,
} from "./port.js";

/** The installation client (Probot's octokit: `.rest.*` and `paginate`). */
export type GitHub = InstanceType<typeof ProbotOctokit>;

export interface RetryPolicy {
  /** Further attempts after the first, for a rate limit and for a 5xx or reset alike. */
  retries: number;
  /** A longer Retry-After (or rate-limit reset) than this is not waited for: the call fails, the triage is logged as failed. */
  maxWaitSeconds: number;
  /** Milliseconds per second of Retry-After and of backoff: 1000, except in tests. */
  msPerSecond: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, maxWaitSeconds: 120, msPerSecond: 1000 };

interface LimitLog {
  warn(obj: object, msg: string): void;
}

/** Probot's Octokit with skewbot's retry policy; pass it as Probot's `Octokit` option. */
export function skewbotOctokit(policy: RetryPolicy = DEFAULT_RETRY_POLICY): typeof ProbotOctokit {
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, octokit: { log: LimitLog }, retryCount: number) => {
    const retry = retryCount < policy.retries && retryAfter <= policy.maxWaitSeconds;
    octokit.log.warn(
      { retryAfter, attempt: retryCount + 1, request: `${options.method} ${options.url}`, retry },
      retry ? `GitHub ${kind} rate limit: retrying in ${retryAfter} s` : `GitHub ${kind} rate limit: not retrying`,
    );
    return retry;
  };
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: {
      ...(options["throttle"] as object | undefined),
      enabled: true,
      retryAfterBaseValue: policy.msPerSecond,
      onSecondaryRateLimit: onLimit("secondary"),
      onRateLimit: onLimit("primary"),
    },
    retry: {
      enabled: true,
      retries: policy.retries,
      retryAfterBaseValue: policy.msPerSecond,
      // Rate limits (403, 429) are the throttling plugin's; the rest of 4xx is final.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  })) as typeof ProbotOctokit;
}

const statusOf = (err: unknown) => (err as { status?: number }).status;
/** Worth looking again after a failed create: GitHub may have stored it (5xx, a reset, no answer). */
const mayHaveLanded = (err: unknown) => {
  const status = statusOf(err);
  return status === undefined || status >= 500;
};

function toComment(c: { id: number; body?: string | null; user?: { login?: string; type?: string } | null }): IssueComment {
  return { id: c.id, body: c.body ?? "", user: c.user ? { ...(c.user.login !== undefined ? { login: c.user.login } : {}), ...(c.user.type !== undefined ? { type: c.user.type } : {}) } : null };
}

/** The base permission of a collaborator's role; a custom role is read through what it grants. */
export function basePermission(data: { permission?: string; role_name?: string; user?: { permissions?: Record<string, boolean> } | null }): Permission {
  const role = data.role_name;
  if (role && role in PERMISSION_RANK) return role as Permission;
  const granted = data.user?.permissions;
  if (granted) {
    if (granted["admin"]) return "admin";
    if (granted["maintain"]) return "maintain";
    if (granted["push"]) return "write";
    if (granted["triage"]) return "triage";
    if (granted["pull"]) return "read";
  }
  const legacy = data.permission;
  return legacy && legacy in PERMISSION_RANK ? (legacy as Permission) : "none";
}

export interface OctokitPortOptions {
  /** The app's login when known up front (SKEWBOT_BOT_LOGIN); otherwise looked up once with GET /app. */
  botLogin: () => Promise<string | undefined>;
  /** How many times a create is tried when GitHub's answer is lost; each try after the first lists the thread first. */
  createAttempts?: number;
}

/** Only owner and repo: a thread passed where a repository is meant must not add `issue_number` to a query. */
const only = (r: Repo): Repo => ({ owner: r.owner, repo: r.repo });
const threadOf = (t: Thread): Thread => ({ owner: t.owner, repo: t.repo, issue_number: t.issue_number });

/** The port over one installation's Octokit. */
export function octokitPort(github: GitHub, options: OctokitPortOptions): GitHubPort {
  const listComments = async (thread: Thread) => (await github.paginate(github.rest.issues.listComments, { ...threadOf(thread), per_page: 100 })).map(toComment);
  // Asked once per port (one batch of deliveries): a failed look-up is tried again by the next batch.
  let me: Promise<string | undefined> | undefined;
  const port: GitHubPort = {
    botLogin: () => (me ??= options.botLogin()),
    async permission(repo, username) {
      try {
        const res = await github.rest.repos.getCollaboratorPermissionLevel({ ...only(repo), username });
        return basePermission(res.data as Parameters<typeof basePermission>[0]);
      } catch (err) {
        if (statusOf(err) === 404) return "none";
        throw err;
      }
    },
    listComments,
    async createComment(thread, body, marker) {
      const attempts = options.createAttempts ?? 3;
      for (let attempt = 1; ; attempt++) {
        try {
          // Not retried blindly by the retry plugin: a lost answer may hide a stored comment.
          const res = await github.rest.issues.createComment({ ...threadOf(thread), body, request: { retries: 0 } });
          return toComment(res.data);
        } catch (err) {
          if (!mayHaveLanded(err) || attempt >= attempts) throw err;
          const login = await port.botLogin();
          const landed = (await listComments(thread)).find((c) => isOwn(c.user, login) && c.body.includes(marker));
          if (landed) return landed;
        }
      }
    },
    async updateComment(repo, id, body) {
      try {
        await github.rest.issues.updateComment({ ...only(repo), comment_id: id, body });
        return "updated";
      } catch (err) {
        if (statusOf(err) === 404) return "gone";
        throw err;
      }
    },
    async getComment(repo, id) {
      try {
        return toComment((await github.rest.issues.getComment({ ...only(repo), comment_id: id })).data);
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    },
    async deleteComment(repo, id) {
      try {
        await github.rest.issues.deleteComment({ ...only(repo), comment_id: id });
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    },
    async react(repo, commentId, content) {
      await github.rest.reactions.createForIssueComment({ ...only(repo), comment_id: commentId, content });
    },
    async pullRequestHead(repo, number) {
      return (await github.rest.pulls.get({ ...only(repo), pull_number: number })).data.head.sha;
    },
    async checkRuns(repo, sha) {
      const runs = await github.paginate(github.rest.checks.listForRef, { ...only(repo), ref: sha, per_page: 100 });
      return runs.map((r): CheckRun => ({ conclusion: r.conclusion ?? null, details_url: r.details_url ?? null }));
    },
    async statuses(repo, sha) {
      // The combined status pages its contexts (30 by default); Kubernetes pull requests carry more.
      const pages = github.paginate.iterator(github.rest.repos.getCombinedStatusForRef, { ...only(repo), ref: sha, per_page: 100 });
      const out: CommitStatus[] = [];
      for await (const page of pages) {
        const data = page.data as unknown as { statuses?: { state: string; context: string; target_url: string | null }[] } | { state: string; context: string; target_url: string | null }[];
        // paginate() unwraps the list under its key for namespaced answers; accept either shape.
        const list = Array.isArray(data) ? data : (data.statuses ?? []);
        for (const s of list) out.push({ state: s.state, context: s.context, target_url: s.target_url ?? null });
      }
      return out;
    },
    async openPullRequestsOf(repo, sha) {
      const prs = await github.paginate(github.rest.repos.listPullRequestsAssociatedWithCommit, { ...only(repo), commit_sha: sha, per_page: 100 });
      return prs.filter((p) => p.state === "open").map((p) => p.number);
    },
    async workflowJob(repo, jobId) {
      return (await github.rest.actions.getJobForWorkflowRun({ ...only(repo), job_id: jobId })).data as JobInfo;
    },
    async workflowJobs(repo, runId) {
      const jobs = await github.paginate(github.rest.actions.listJobsForWorkflowRun, { ...only(repo), run_id: runId, filter: "latest" as const, per_page: 100 });
      return jobs.map((j): WorkflowJob => ({ id: j.id, conclusion: j.conclusion ?? null }));
    },
    async labelsOn(thread) {
      return (await github.paginate(github.rest.issues.listLabelsOnIssue, { ...threadOf(thread), per_page: 100 })).map((l) => l.name);
    },
    async events(thread) {
      try {
        const events = await github.paginate(github.rest.issues.listEvents, { ...threadOf(thread), per_page: 100 });
        return events.map((e): IssueEvent => {
          const label = "label" in e && e.label ? { label: { name: (e.label as { name: string }).name } } : {};
          return { event: e.event, actor: e.actor ? { login: e.actor.login, type: e.actor.type } : null, ...label };
        });
      } catch (err) {
        // 404: a GitHub that does not serve events; 410: the issue's events are gone (a transferred issue).
        if (statusOf(err) === 404 || statusOf(err) === 410) return [];
        throw err;
      }
    },
    async ensureLabel(repo, name, style) {
      try {
        await github.rest.issues.getLabel({ ...only(repo), name });
        return;
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
      try {
        await github.rest.issues.createLabel({ ...only(repo), name, ...style });
      } catch (err) {
        // 422: created meanwhile by someone else; that is what we wanted.
        if (statusOf(err) !== 422) throw err;
      }
    },
    async addLabels(thread, labels) {
      await github.rest.issues.addLabels({ ...threadOf(thread), labels });
    },
    async visibility(repo): Promise<Visibility | undefined> {
      return visibilityOf((await github.rest.repos.get({ ...only(repo) })).data);
    },
    async installationToken() {
      const auth = (await github.auth({ type: "installation" })) as { token?: string };
      return auth.token;
    },
  };
  return port;
}

export type { Repo };
