import { commitLane, onPullRequests, samePullRequests } from "./commit.js";
import { checkRunRef, type Trigger } from "./trigger.js";

/** A failed check run whose details URL is a GitHub Actions job or a Prow job. */
export const checkRun: Trigger = {
  name: "check-run",
  events: ["check_run.completed"],
  mayAct: (event, settings) => {
    const run = event.payload.check_run;
    return (run.conclusion === "failure" || run.conclusion === "timed_out") && checkRunRef(run.details_url, settings) !== undefined;
  },
  enabled: (config) => config.triggers.checks,
  lane: (event) => commitLane(event, event.payload.check_run.head_sha),
  help: "a failed check run (a GitHub Actions job, or a Prow job's details URL): reported on the commit's open pull requests",
  async collect(event, ctx) {
    const run = event.payload.check_run;
    const ref = checkRunRef(run.details_url, ctx.settings);
    return onPullRequests(event, ctx, run.head_sha, ref ? [ref] : [], samePullRequests(event, run.pull_requests));
  },
};
