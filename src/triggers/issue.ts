import { threadKey } from "../github/port.js";
import { codeBlocks, urlsIn } from "./text.js";
import { parseRefs, refsInTexts, request, threadOf, type Trigger } from "./trigger.js";

/** A failing-test issue: the job links and pasted log excerpts in its body, triaged once its edits settle. */
export const issue: Trigger = {
  name: "issue",
  events: ["issues.opened", "issues.edited"],
  mayAct(event) {
    const { issue: i, changes } = event.payload;
    if (event.fromBot || i.user?.type === "Bot") return false;
    if (event.name === "issues.edited" && !("body" in (changes ?? {}))) return false;
    const text: string = i.body ?? "";
    return urlsIn(text).length > 0 || codeBlocks(text).length > 0;
  },
  enabled: (config) => config.triggers.issues,
  // Latest wins, after a quiet period: a burst of edits costs one triage, of the final text.
  lane: (event, { editQuietMs }) => ({ key: threadKey(threadOf(event, event.payload.issue.number)), batch: "issue-body", latestOnly: true, quietMs: editQuietMs }),
  help: "an opened or edited issue with job links or pasted log excerpts",
  async collect(event, { config, settings }) {
    // The merged settings: a host allowed in .github/skewbot.yml counts here too.
    const found = refsInTexts([event.payload.issue.body ?? ""], settings);
    if (found.refs.length === 0 && found.excerpts.length === 0) return [];
    const { refs, problems } = parseRefs(found.refs, settings, config.limits.maxRefs, { reportErrors: false });
    return [request(event, event.payload.issue.number, { refs, excerpts: found.excerpts, explicit: false, problems })];
  },
};
