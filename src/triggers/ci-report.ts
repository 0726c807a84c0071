import { parseProwFailureReport } from "./prow-report.js";
import { isCiBot, parseRefs, request, threadOf, type Trigger } from "./trigger.js";
import { threadKey } from "../github/port.js";

/** A CI bot's failure report (Prow's "The following tests failed" table): triage the jobs it links. */
export const ciReport: Trigger = {
  name: "ci-report",
  events: ["issue_comment.created"],
  mayAct: (event) => parseProwFailureReport(event.payload.comment.body ?? "").length > 0,
  enabled: (config) => config.triggers.ciComments,
  lane: (event) => ({ key: threadKey(threadOf(event, event.payload.issue.number)), batch: "comments" }),
  help: "a CI bot's failure report (Prow's \"The following tests failed\" table, from the configured `ciBots`): the jobs it links",
  async collect(event, { config, settings }) {
    if (!isCiBot(event.actor?.login, config)) return [];
    const jobs = parseProwFailureReport(event.payload.comment.body ?? "");
    const { refs, problems } = parseRefs(jobs.map((j) => j.url), settings, config.limits.maxRefs, { reportErrors: true });
    if (refs.length === 0 && problems.length === 0) return [];
    const { issue } = event.payload;
    return [request(event, issue.number, { refs, excerpts: [], explicit: false, problems, ...(issue.pull_request ? { pull: issue.number } : {}) })];
  },
};
