// GitHub Actions jobs and runs, through the REST API (@octokit/rest on top of the safe fetch). The job log
// endpoint answers 302 to a short-lived signed URL; that redirect is taken here, when the log is opened (the
// URL expires within minutes), and the log host is read without the token.
import { Octokit } from "@octokit/rest";
import type { JobRun, LogSource } from "../model.js";
import type { ByteBudget } from "./http.js";
import { SourceError, openStream, safeFetch } from "./http.js";
import type { GithubJobRef, GithubRunRef } from "./refs.js";
import type { SourceSettings } from "./settings.js";
import type { StepInfo } from "./steps.js";
import { StepLineMapper, observeSteps, stepLineLink } from "./steps.js";
import type { ResolvedRef } from "./types.js";

export interface JobInfo {
  id: number;
  run_id: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
  workflow_name?: string | null;
  head_sha?: string;
  head_branch?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  steps?: StepInfo[];
}

const when = (v: string | null | undefined): number | undefined => {
  const t = v ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : undefined;
};

/** A job's identity across runs is its workflow and name (matrix values are part of the name). */
export function actionsJobName(workflow: string | null | undefined, job: string): string {
  return workflow ? `${workflow} / ${job}` : job;
}

/** A job's identity for history (a job object as the REST API returns it). */
export function actionsJobRun(owner: string, repo: string, job: JobInfo, url: string): JobRun {
  const run: JobRun = {
    source: "github-actions",
    key: `github-actions:${owner}/${repo}/job/${job.id}`,
    job: actionsJobName(job.workflow_name, job.name),
    repository: `${owner}/${repo}`,
    buildId: String(job.run_id),
    url,
  };
  if (job.head_sha) run.headSha = job.head_sha;
  if (job.head_branch) run.branch = job.head_branch;
  const result = job.conclusion ?? job.status;
  if (result) run.result = result.toLowerCase();
  const startedAt = when(job.started_at);
  const finishedAt = when(job.completed_at);
  if (startedAt) run.startedAt = startedAt;
  if (finishedAt) run.finishedAt = finishedAt;
  return run;
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function githubClient(settings: SourceSettings, budget?: ByteBudget): Octokit {
  return new Octokit({
    auth: settings.githubToken,
    baseUrl: settings.githubApiUrl.replace(/\/+$/, ""),
    userAgent: "skewbot",
    request: { fetch: safeFetch(settings, budget) },
    log: quiet,
  });
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  cause?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** A report line for a failed GitHub call; GitHub's own message is not echoed (it can be long). */
export function githubErrorMessage(err: unknown, what: string, settings: SourceSettings): string {
  if (err instanceof SourceError) return err.message;
  const e = (err ?? {}) as RequestErrorLike;
  if (e.cause instanceof SourceError) return e.cause.message;
  const status = typeof e.status === "number" ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  if (status === 404) {
    return `${what} not found (404)${settings.githubToken ? "" : ": for a private repository, set GITHUB_TOKEN"}`;
  }
  if (status === 410) return `${what} is gone (410): logs are deleted after the retention period`;
  if (status === 401) return `${what}: GitHub rejected the token (401)`;
  if (status === 403 && String(headers["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : "";
    return `${what}: GitHub API rate limit exceeded${when}${settings.githubToken ? "" : " (set GITHUB_TOKEN)"}`;
  }
  if (status === 403) return `${what}: access denied (403): the token needs read access to Actions`;
  if (status !== undefined && status >= 500) return `${what}: GitHub API error (${status})`;
  if (status !== undefined) return `${what}: GitHub API answered ${status}`;
  return `${what}: ${(e.message ?? String(err)).split("\n")[0]}`;
}

function jobPageUrl(settings: SourceSettings, owner: string, repo: string, job: JobInfo): string {
  if (job.html_url && /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/actions\/runs\/\d+\/job\/\d+$/.test(job.html_url)) return job.html_url;
  return `${settings.githubUrl.replace(/\/+$/, "")}/${owner}/${repo}/actions/runs/${job.run_id}/job/${job.id}`;
}

function jobSource(
  octokit: Octokit,
  settings: SourceSettings,
  budget: ByteBudget,
  owner: string,
  repo: string,
  job: JobInfo,
  name: string,
): LogSource {
  const url = jobPageUrl(settings, owner, repo, job);
  const mapper = new StepLineMapper(job.steps ?? []);
  const label = `${name} log`;
  return {
    name,
    url,
    lineLink: stepLineLink(url, mapper),
    async open() {
      let res;
      try {
        res = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
          owner,
          repo,
          job_id: job.id,
          request: { redirect: "manual", parseSuccessResponseBody: false },
        });
      } catch (err) {
        throw new SourceError(githubErrorMessage(err, label, settings), "http");
      }
      const status = res.status as number;
      let stream: AsyncIterable<Uint8Array>;
      if (status >= 300 && status < 400) {
        const location = res.headers.location;
        if (!location) throw new SourceError(`${label}: GitHub redirected without a location`, "http");
        // No authorization here: the signed URL is the credential, and the token must not leave the API host.
        stream = await openStream(location, settings, { label, budget, maxBytes: settings.maxLogBytes });
      } else {
        // Some GitHub Enterprise versions answer with the log itself.
        const data = res.data as unknown;
        if (!data || typeof (data as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== "function") {
          throw new SourceError(`${label}: GitHub returned no log`, "http");
        }
        stream = data as AsyncIterable<Uint8Array>;
      }
      return observeSteps(stream, mapper);
    },
  };
}

function skipReason(job: JobInfo): string | undefined {
  if (job.status !== "completed") return `job "${job.name}" is ${job.status.replace(/_/g, " ")}: not triaged until it completes`;
  if (job.conclusion === "cancelled") return `job "${job.name}" was cancelled: not triaged`;
  if (job.conclusion === "skipped") return `job "${job.name}" was skipped: it has no log`;
  return undefined;
}

export async function resolveGithubJob(ref: GithubJobRef, settings: SourceSettings, budget: ByteBudget): Promise<ResolvedRef> {
  const octokit = githubClient(settings, budget);
  const { owner, repo } = ref;
  let job: JobInfo;
  try {
    const res = await octokit.rest.actions.getJobForWorkflowRun({ owner, repo, job_id: ref.jobId });
    job = res.data as JobInfo;
  } catch (err) {
    const message = githubErrorMessage(err, `GitHub Actions job ${ref.jobId} in ${owner}/${repo}`, settings);
    return { title: `${owner}/${repo} job ${ref.jobId}`, problems: [message], sources: [], hints: [] };
  }
  const url = jobPageUrl(settings, owner, repo, job);
  const outcome = job.conclusion ?? job.status;
  const title = `${owner}/${repo} · ${job.workflow_name ? `${job.workflow_name} / ` : ""}${job.name} (${outcome})`;
  const skipped = skipReason(job);
  const run = actionsJobRun(owner, repo, job, url);
  if (skipped) return { title, url, sources: [], problems: [], skipped, hints: [], run };
  return { title, url, sources: [jobSource(octokit, settings, budget, owner, repo, job, job.name)], problems: [], hints: [], run };
}

const FAILED = new Set(["failure", "timed_out"]);
const MAX_JOB_PAGES = 10;

export async function resolveGithubRun(ref: GithubRunRef, settings: SourceSettings, budget: ByteBudget): Promise<ResolvedRef> {
  const octokit = githubClient(settings, budget);
  const { owner, repo, runId, attempt } = ref;
  const what = `GitHub Actions run ${runId} in ${owner}/${repo}`;
  let run: {
    name?: string | null;
    status: string | null;
    conclusion: string | null;
    html_url: string;
    run_attempt?: number;
    head_sha?: string;
    head_branch?: string | null;
    event?: string;
    run_started_at?: string;
    updated_at?: string;
    pull_requests?: { number: number }[] | null;
  };
  try {
    const res = attempt
      ? await octokit.rest.actions.getWorkflowRunAttempt({ owner, repo, run_id: runId, attempt_number: attempt })
      : await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
    run = res.data;
  } catch (err) {
    return { title: `${owner}/${repo} run ${runId}`, problems: [githubErrorMessage(err, what, settings)], sources: [], hints: [] };
  }
  const outcome = run.conclusion ?? run.status ?? "unknown";
  const title = `${owner}/${repo} · ${run.name ?? "workflow"} run ${runId}${attempt ? ` attempt ${attempt}` : ""} (${outcome})`;
  const url = run.html_url;
  if (run.conclusion === "cancelled") {
    return { title, url, sources: [], problems: [], skipped: "workflow run was cancelled: not triaged", hints: [] };
  }
  const jobs: JobInfo[] = [];
  let truncated = false;
  try {
    const iterator = attempt
      ? octokit.paginate.iterator(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
          owner,
          repo,
          run_id: runId,
          attempt_number: attempt,
          per_page: 100,
        })
      : octokit.paginate.iterator(octokit.rest.actions.listJobsForWorkflowRun, {
          owner,
          repo,
          run_id: runId,
          filter: "latest",
          per_page: 100,
        });
    let pages = 0;
    for await (const page of iterator) {
      jobs.push(...(page.data as JobInfo[]));
      if (++pages >= MAX_JOB_PAGES) {
        truncated = true;
        break;
      }
    }
  } catch (err) {
    return { title, url, problems: [githubErrorMessage(err, `jobs of ${what}`, settings)], sources: [], hints: [] };
  }
  const problems: string[] = [];
  if (truncated) problems.push(`only the first ${MAX_JOB_PAGES * 100} jobs of the run were listed`);
  if (run.status !== "completed") problems.push(`run is still ${run.status ?? "running"}: only jobs that already failed are read`);
  const cancelled = jobs.filter((j) => j.conclusion === "cancelled").map((j) => j.name);
  if (cancelled.length > 0) problems.push(`not triaged (cancelled): ${cancelled.join(", ")}`);
  const failed = jobs.filter((j) => j.status === "completed" && FAILED.has(j.conclusion ?? ""));
  if (failed.length === 0) {
    return { title, url, sources: [], problems, skipped: `no failed jobs in run ${runId} (${outcome}): nothing to triage`, hints: [] };
  }
  const chosen = failed.slice(0, settings.maxJobs);
  if (failed.length > chosen.length) {
    problems.push(`${failed.length - chosen.length} more failed jobs not read (limit ${settings.maxJobs}, SKEWBOT_MAX_JOBS)`);
  }
  const counts = new Map<string, number>();
  for (const j of chosen) counts.set(j.name, (counts.get(j.name) ?? 0) + 1);
  const sources = chosen.map((j) =>
    jobSource(octokit, settings, budget, owner, repo, j, (counts.get(j.name) ?? 0) > 1 ? `${j.name} (job ${j.id})` : j.name),
  );
  const identity: JobRun = {
    source: "github-actions",
    key: `github-actions:${owner}/${repo}/run/${runId}/attempt/${attempt ?? run.run_attempt ?? 1}`,
    job: run.name ?? "workflow",
    repository: `${owner}/${repo}`,
    buildId: String(runId),
    url,
  };
  if (run.head_sha) identity.headSha = run.head_sha;
  if (run.head_branch) identity.branch = run.head_branch;
  if (run.event) identity.type = run.event;
  if (run.conclusion ?? run.status) identity.result = String(run.conclusion ?? run.status).toLowerCase();
  const pull = run.pull_requests?.[0]?.number;
  if (typeof pull === "number") identity.pull = pull;
  const startedAt = when(run.run_started_at);
  if (startedAt) identity.startedAt = startedAt;
  return { title, url, sources, problems, hints: [], run: identity };
}
