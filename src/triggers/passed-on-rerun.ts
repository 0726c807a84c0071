import type { History } from "../history/index.js";
import { actionsJobRun } from "../sources/github-actions.js";
import type { GithubJobRef, SourceSettings } from "../sources/index.js";
import { commitLane } from "./commit.js";
import { checkRunRef, request, type Trigger, type TriggerEvent } from "./trigger.js";

// A job that passed at a commit where history holds its failure (a rerun that passed): the pass is recorded
// and the failure's report triaged again, so that its section says "passed on rerun: intermittent". Any other
// successful check costs one store look-up and no API call.

function jobOf(event: TriggerEvent, settings: SourceSettings): GithubJobRef | undefined {
  const ref = checkRunRef(event.payload.check_run.details_url, settings);
  return ref?.kind === "github-actions-job" ? ref : undefined;
}

async function failuresOf(event: TriggerEvent, history: History, jobId: number) {
  const run = event.payload.check_run;
  const repository = `${event.repo.owner}/${event.repo.repo}`;
  return (await history.failuresAt(run.head_sha, repository)).filter(
    (f) => f.source === "github-actions" && (f.job === run.name || f.job.endsWith(` / ${run.name}`)) && f.key !== `github-actions:${repository}/job/${jobId}` && f.thread,
  );
}

const jobUrl = (settings: SourceSettings, owner: string, repo: string, runId: number, jobId: number) => `${settings.githubUrl}/${owner}/${repo}/actions/runs/${runId}/job/${jobId}`;

export const passedOnRerun: Trigger = {
  name: "passed-on-rerun",
  events: ["check_run.completed"],
  mayAct: (event, settings) => event.payload.check_run.conclusion === "success" && jobOf(event, settings) !== undefined,
  async precheck(event, { history, settings }) {
    const job = jobOf(event, settings);
    if (!history || !job) return false;
    try {
      return (await failuresOf(event, history, job.jobId)).length > 0;
    } catch {
      return false;
    }
  },
  enabled: (config) => config.history.enabled,
  lane: (event) => commitLane(event, event.payload.check_run.head_sha),
  help: "a GitHub Actions job that passed on rerun at a commit where it failed: the failure's report says so",
  async collect(event, { port, settings, history, log }) {
    const ref = jobOf(event, settings);
    if (!history || !ref) return [];
    let failures;
    try {
      failures = await failuresOf(event, history, ref.jobId);
    } catch (err) {
      log.warn({ err }, "history store unavailable: a passing rerun was not recorded");
      return [];
    }
    if (failures.length === 0) return [];
    const { owner, repo } = event.repo;
    const job = await port.workflowJob(event.repo, ref.jobId);
    const passed = actionsJobRun(owner, repo, job, jobUrl(settings, owner, repo, job.run_id, job.id));
    if (failures.every((f) => f.job !== passed.job)) return [];
    await history.recordPass(passed);
    const out = [];
    for (const f of failures.filter((x) => x.job === passed.job)) {
      const thread = /^([^/]+)\/([^#]+)#(\d+)$/.exec(f.thread ?? "");
      const jobId = /\/job\/(\d+)$/.exec(f.key)?.[1];
      if (!thread || thread[1] !== owner || thread[2] !== repo || !jobId || !f.buildId) continue;
      const number = Number(thread[3]);
      const failed: GithubJobRef = { kind: "github-actions-job", input: jobUrl(settings, owner, repo, Number(f.buildId), Number(jobId)), owner, repo, jobId: Number(jobId), runId: Number(f.buildId) };
      out.push(request(event, number, { refs: [failed], excerpts: [], explicit: false, problems: [], pull: number }));
    }
    return out;
  },
};
