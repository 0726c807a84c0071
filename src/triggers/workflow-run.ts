import type { GithubJobRef } from "../sources/index.js";
import { commitLane, onPullRequests, samePullRequests } from "./commit.js";
import type { Trigger } from "./trigger.js";

/** A failed workflow run: each failed job of its latest attempt. */
export const workflowRun: Trigger = {
  name: "workflow-run",
  events: ["workflow_run.completed"],
  mayAct: (event) => event.payload.workflow_run.conclusion === "failure",
  enabled: (config) => config.triggers.checks,
  lane: (event) => commitLane(event, event.payload.workflow_run.head_sha),
  help: "a failed workflow run: its failed jobs, reported on the commit's open pull requests",
  async collect(event, ctx) {
    const run = event.payload.workflow_run;
    const jobs = await ctx.port.workflowJobs(event.repo, run.id);
    const refs = jobs
      .filter((j) => j.conclusion === "failure" || j.conclusion === "timed_out")
      .map(
        (j): GithubJobRef => ({
          kind: "github-actions-job",
          input: `${ctx.settings.githubUrl}/${event.repo.owner}/${event.repo.repo}/actions/runs/${run.id}/job/${j.id}`,
          owner: event.repo.owner,
          repo: event.repo.repo,
          jobId: j.id,
          runId: run.id,
        }),
      );
    return onPullRequests(event, ctx, run.head_sha, refs, samePullRequests(event, run.pull_requests));
  },
};
