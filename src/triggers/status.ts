import { parseLogRef } from "../sources/index.js";
import { commitLane, onPullRequests } from "./commit.js";
import type { Trigger } from "./trigger.js";

/** A failed or errored commit status whose target URL is a log reference (a Prow job, typically). */
export const status: Trigger = {
  name: "status",
  events: ["status"],
  mayAct: (event, settings) => {
    const { state, target_url } = event.payload;
    return (state === "failure" || state === "error") && !!target_url && !("error" in parseLogRef(target_url, settings));
  },
  enabled: (config) => config.triggers.checks,
  lane: (event) => commitLane(event, event.payload.sha),
  help: "a failed commit status with a Prow target URL: reported on the commit's open pull requests",
  async collect(event, ctx) {
    const ref = parseLogRef(event.payload.target_url, ctx.settings);
    return onPullRequests(event, ctx, event.payload.sha, "error" in ref ? [] : [ref], []);
  },
};
