import { threadKey } from "../github/port.js";
import type { TriageRequest } from "../triage.js";
import { parseProwFailureReport, type FailedJob } from "./prow-report.js";
import { passedOnProwRerun } from "./prow-rerun.js";
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
  async collect(event, ctx) {
    const { config, settings } = ctx;
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
    out.push(...(await passedOnProwRerun(event, passed, ctx)));
    return out;
  },
};
