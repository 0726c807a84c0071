import { threadKey } from "../github/port.js";
import type { TriageRequest } from "../triage.js";
import { parseProwFailureReport, type FailedJob } from "./prow-report.js";
import { isCiBot, parseRefs, request, threadOf, type Trigger, type TriggerEvent } from "./trigger.js";

// Prow's crier edits its failure report in place after a /retest: jobs that left the table passed on rerun
// (recorded, and their section re-triaged so that it says so); new build links are new failures.

const now = (event: TriggerEvent): FailedJob[] => parseProwFailureReport(event.payload.comment.body ?? "");
const before = (event: TriggerEvent): FailedJob[] => parseProwFailureReport((event.payload.changes as { body?: { from?: string } } | undefined)?.body?.from ?? "");

export const ciReportEdited: Trigger = {
  name: "ci-report-edited",
  events: ["issue_comment.edited"],
  mayAct: (event) => now(event).length > 0 || before(event).length > 0,
  enabled: (config) => config.triggers.ciComments,
  lane: (event) => ({ key: threadKey(threadOf(event, event.payload.issue.number)), batch: "comments" }),
  help: "a CI bot's failure report edited after a rerun: new build links in it, and jobs that left it (passed on rerun, when history is on)",
  async collect(event, { config, settings, history, log }) {
    if (!isCiBot(event.actor?.login, config)) return [];
    const { issue } = event.payload;
    const pull = issue.pull_request ? { pull: issue.number } : {};
    const current = now(event);
    const previous = before(event);
    const out: TriageRequest[] = [];
    const fresh = current.filter((j) => !previous.some((b) => b.url === j.url));
    if (fresh.length > 0) {
      const { refs, problems } = parseRefs(fresh.map((j) => j.url), settings, config.limits.maxRefs, { reportErrors: true });
      if (refs.length > 0 || problems.length > 0) out.push(request(event, issue.number, { refs, excerpts: [], explicit: false, problems, ...pull }));
    }
    const passed = previous.filter((b) => !current.some((n) => n.name === b.name));
    if (!history || passed.length === 0 || !config.history.enabled) return out;
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
      return out;
    }
    if (rerun.length > 0) {
      const { refs, problems } = parseRefs(rerun, settings, config.limits.maxRefs, { reportErrors: false });
      out.push(request(event, issue.number, { refs, excerpts: [], explicit: false, problems, ...pull }));
    }
    return out;
  },
};
