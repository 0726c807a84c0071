import { threadKey } from "../github/port.js";
import { parseProwFailureReport } from "./prow-report.js";
import { passedOnProwRerun } from "./prow-rerun.js";
import { isCiBot, threadOf, type Trigger, type TriggerEvent } from "./trigger.js";

// Prow's crier deletes its failure report once a rerun made every job it listed pass: each of them passed on
// rerun (recorded, and its section re-triaged so that it says so). Only the CI bot deleting its own report
// counts: a person removing the comment says nothing about the jobs, and other comments list none.

const listed = (event: TriggerEvent) => parseProwFailureReport(event.payload.comment?.body ?? "");

/** The comment's author deleted it (the webhook's sender); the author is checked against `ciBots` in collect(). */
const deletedByAuthor = (event: TriggerEvent): boolean => {
  const author = event.actor?.login;
  const sender = (event.payload.sender as { login?: unknown } | null | undefined)?.login;
  return typeof author === "string" && typeof sender === "string" && author !== "" && author.toLowerCase() === sender.toLowerCase();
};

export const ciReportDeleted: Trigger = {
  name: "ci-report-deleted",
  events: ["issue_comment.deleted"],
  mayAct: (event) => deletedByAuthor(event) && listed(event).length > 0,
  enabled: (config) => config.triggers.ciComments && config.history.enabled,
  lane: (event) => ({ key: threadKey(threadOf(event, event.payload.issue.number)), batch: "comments" }),
  help: "a CI bot's failure report deleted by the bot after every job passed on rerun (recorded, when history is on)",
  async collect(event, ctx) {
    if (!isCiBot(event.actor?.login, ctx.config)) return [];
    return passedOnProwRerun(event, listed(event), ctx);
  },
};
