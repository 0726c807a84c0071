import type { TriageRequest } from "../triage.js";
import type { FailedJob } from "./prow-report.js";
import { parseRefs, request, type TriggerContext, type TriggerEvent } from "./trigger.js";

// Prow jobs that passed on a rerun, as crier tells it (a job left its edited failure report, or the report
// was deleted once every job passed): each pass is recorded against the job's recorded failure in this
// thread, and that failure's build re-triaged, so that its section says "passed on rerun: intermittent".

/** The re-triage of the failures whose pass was recorded; none without history or a recorded failure. */
export async function passedOnProwRerun(event: TriggerEvent, passed: readonly FailedJob[], { config, settings, history, log }: TriggerContext): Promise<TriageRequest[]> {
  if (!history || passed.length === 0 || !config.history.enabled) return [];
  const { issue } = event.payload;
  const repository = `${event.repo.owner}/${event.repo.repo}`;
  const threadName = `${repository}#${issue.number}`;
  const rerun: string[] = [];
  try {
    const store = await history.open();
    for (const b of passed) {
      const failed = (await store.runsOfJob(b.name, 20)).find(
        (r) => r.source === "prow" && r.thread === threadName && r.result !== "success" && r.headSha !== undefined && (!b.commit || r.headSha.startsWith(b.commit)),
      );
      if (!failed) continue;
      await history.recordPass({ source: "prow", key: `prow-rerun:${threadName}:${b.name}:${failed.headSha}`, job: b.name, repository, pull: issue.number, headSha: failed.headSha!, result: "success" }, threadName);
      rerun.push(b.url);
    }
  } catch (err) {
    log.warn({ err }, "history store unavailable: a passing rerun was not recorded");
    return [];
  }
  if (rerun.length === 0) return [];
  const { refs, problems } = parseRefs(rerun, settings, config.limits.maxRefs, { reportErrors: false });
  return [request(event, issue.number, { refs, excerpts: [], explicit: false, problems, ...(issue.pull_request ? { pull: issue.number } : {}) })];
}
