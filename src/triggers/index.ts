// The trigger registry: adding a trigger is one file and one line here.
import { checkRun } from "./check-run.js";
import { ciReport } from "./ci-report.js";
import { ciReportDeleted } from "./ci-report-deleted.js";
import { ciReportEdited } from "./ci-report-edited.js";
import { command } from "./command.js";
import { issue } from "./issue.js";
import { passedOnRerun } from "./passed-on-rerun.js";
import { status } from "./status.js";
import type { Trigger } from "./trigger.js";
import { workflowRun } from "./workflow-run.js";

export const TRIGGERS: readonly Trigger[] = [ciReport, ciReportEdited, ciReportDeleted, command, issue, checkRun, passedOnRerun, workflowRun, status];

/** Every event name (`issue_comment.created`) some trigger handles: what the app subscribes to. */
export const TRIGGER_EVENTS = [...new Set(TRIGGERS.flatMap((t) => t.events))];

export type { Lane, Trigger, TriggerContext, TriggerEvent } from "./trigger.js";
export { normaliseEvent } from "./trigger.js";
