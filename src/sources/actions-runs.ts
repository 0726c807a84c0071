// A GitHub Actions job's (or run's) earlier runs, for the regression window: earlier runs of the same
// workflow on the same branch, through the API, newest first; in each, the job of the same name.
import type { Octokit } from "@octokit/rest";
import { actionsJobName, githubClient, githubErrorMessage } from "./github-actions.js";
import type { GithubJobRef, GithubRunRef } from "./refs.js";
import type { SourceSettings } from "./settings.js";

export interface ActionsBuild {
  /** The run id. */
  id: string;
  url?: string;
  runConclusion: string | null;
  startedAt?: number;
}

export interface ActionsHistory {
  job: string;
  client: Octokit;
  builds: ActionsBuild[];
  problems: string[];
  /** For a job reference: the job's name inside each run. */
  jobName?: string;
}

interface RunInfo {
  id: number;
  workflow_id: number;
  name?: string | null;
  head_branch: string | null;
  html_url: string;
  conclusion: string | null;
  run_started_at?: string;
}

/** Lists the earlier runs; `max` bounds how many (one API page of up to 100). */
export async function listActionsRuns(ref: GithubJobRef | GithubRunRef, settings: SourceSettings, max: number): Promise<ActionsHistory> {
  const client = githubClient(settings);
  const { owner, repo } = ref;
  let runId: number;
  let jobName: string | undefined;
  let workflowName: string | null | undefined;
  if (ref.kind === "github-actions-job") {
    const job = (await client.rest.actions.getJobForWorkflowRun({ owner, repo, job_id: ref.jobId })).data;
    runId = job.run_id;
    jobName = job.name;
    workflowName = job.workflow_name;
  } else runId = ref.runId;
  const run = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data as RunInfo;
  workflowName ??= run.name;
  const problems: string[] = [];
  const builds: ActionsBuild[] = [];
  try {
    const page = await client.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: run.workflow_id,
      ...(run.head_branch ? { branch: run.head_branch } : {}),
      status: "completed",
      per_page: Math.min(100, max + 1),
    });
    for (const r of page.data.workflow_runs as RunInfo[]) {
      if (r.id >= runId) continue;
      const startedAt = r.run_started_at ? Date.parse(r.run_started_at) : NaN;
      builds.push({ id: String(r.id), url: r.html_url, runConclusion: r.conclusion, ...(Number.isFinite(startedAt) ? { startedAt } : {}) });
    }
  } catch (err) {
    problems.push(githubErrorMessage(err, `earlier runs of workflow ${workflowName ?? run.workflow_id}`, settings));
  }
  const job = jobName ? actionsJobName(workflowName, jobName) : (workflowName ?? "workflow");
  return { job, client, builds: builds.slice(0, max), problems, ...(jobName ? { jobName } : {}) };
}

/** The job of the same name in one run (its result and id), or the run's own conclusion for run references. */
export async function actionsRunResult(history: ActionsHistory, ref: GithubJobRef | GithubRunRef, build: ActionsBuild): Promise<{ result?: string; jobId?: number }> {
  if (!history.jobName) return build.runConclusion ? { result: build.runConclusion } : {};
  const jobs = await history.client.rest.actions.listJobsForWorkflowRun({ owner: ref.owner, repo: ref.repo, run_id: Number(build.id), filter: "latest", per_page: 100 });
  const job = jobs.data.jobs.find((j) => j.name === history.jobName);
  if (!job) return {};
  const result = job.conclusion ?? job.status;
  return { ...(result ? { result } : {}), jobId: job.id };
}
