import { isOwn, PERMISSION_RANK, threadKey, type Thread } from "../github/port.js";
import { parseLogRef, type LogRef } from "../sources/index.js";
import { withoutCommandLines } from "../report/safe.js";
import { parseCommands, renderHelp } from "./commands.js";
import { TRIGGERS } from "./index.js";
import { parseProwFailureReport } from "./prow-report.js";
import { checkRunRef, isCiBot, parseRefs, refsInTexts, request, threadOf, type Trigger, type TriggerContext, type TriggerEvent } from "./trigger.js";

// `/skewbot …` and the two `/triage` forms (commands.ts). Every decision is made here, inside the thread's
// turn in the queue, never in the webhook handler: a burst of commands from one person is decided one after
// the other, and gets one refusal.

const REFUSAL_MARKER = (login: string) => `<!-- skewbot:refused ${login.toLowerCase()} -->`;
/** Marks the help answering one comment, so that a redelivery does not post it again. */
const HELP_MARKER = (commentId: number) => `<!-- skewbot:help ${commentId} -->`;

const body = (event: TriggerEvent): string => event.payload.comment.body ?? "";

/** Posts a hidden-marked answer once: not if this batch posted it, nor if the thread already holds it. */
async function answerOnce(ctx: TriggerContext, thread: Thread, marker: string, text: () => string): Promise<void> {
  if (ctx.shared.posted.has(marker)) return;
  ctx.shared.posted.add(marker);
  const me = await ctx.port.botLogin();
  if ((await ctx.shared.comments(thread)).some((c) => isOwn(c.user, me) && c.body.includes(marker))) return;
  await ctx.port.createComment(thread, withoutCommandLines(`${marker}\n${text()}`), marker);
}

/** On a pull request: failed check runs, failed statuses and CI-bot failure reports of its head commit. */
async function failuresOfPullRequest(event: TriggerEvent, ctx: TriggerContext, thread: Thread): Promise<LogRef[]> {
  const { port, settings, config } = ctx;
  const sha = await port.pullRequestHead(event.repo, thread.issue_number);
  const found: LogRef[] = [];
  for (const run of await port.checkRuns(event.repo, sha)) {
    if (run.conclusion !== "failure" && run.conclusion !== "timed_out") continue;
    const ref = checkRunRef(run.details_url, settings);
    if (ref) found.push(ref);
  }
  const parsed = (input: string) => {
    const ref = parseLogRef(input, settings);
    if (!("error" in ref)) found.push(ref);
  };
  for (const s of await port.statuses(event.repo, sha)) if ((s.state === "failure" || s.state === "error") && s.target_url) parsed(s.target_url);
  for (const c of await ctx.shared.comments(thread)) {
    if (!isCiBot(c.user?.login, config)) continue;
    for (const job of parseProwFailureReport(c.body)) if (!job.commit || sha.startsWith(job.commit)) parsed(job.url);
  }
  return found;
}

export const command: Trigger = {
  name: "command",
  events: ["issue_comment.created"],
  // A ghost (deleted account) cannot be told anything useful, and bots never run commands.
  mayAct: (event) => !event.fromBot && !!event.actor?.login && parseCommands(body(event), 1).commands.length > 0,
  enabled: (config) => config.triggers.commands,
  lane: (event) => ({ key: threadKey(threadOf(event, event.payload.issue.number)), batch: "comments" }),
  help: "the commands above",
  async collect(event, ctx) {
    const { port, config, settings } = ctx;
    const login: string = event.actor!.login!;
    // A CI bot's comment is a report (ci-report), never a command.
    if (isCiBot(login, config)) return [];
    const { commands, truncated } = parseCommands(body(event), config.limits.maxRefs);
    if (commands.length === 0) return [];
    const issue = event.payload.issue;
    const thread = threadOf(event, issue.number);
    const isAuthor = config.allowAuthor && issue.user?.login === login;
    if (!isAuthor && PERMISSION_RANK[await ctx.shared.permission(event.repo, login)] < PERMISSION_RANK[config.triagePermission]) {
      const named = /^\s*\/skewbot\b/im.test(body(event)) ? "/skewbot" : "/triage";
      await answerOnce(ctx, thread, REFUSAL_MARKER(login), () => `Sorry, \`${named}\` is open to the author of this thread and to collaborators with ${config.triagePermission} access or more. A maintainer can run it for you.`);
      return [];
    }
    // The acknowledgement is a courtesy: failing to add it must not stop the triage.
    await port.react(event.repo, event.payload.comment.id, "eyes").catch((err: unknown) => ctx.log.warn({ err }, "could not add the 👀 reaction"));

    if (commands.some((c) => c.kind === "help")) {
      const prow = (await ctx.shared.comments(thread)).some((c) => isCiBot(c.user?.login, config));
      await answerOnce(ctx, thread, HELP_MARKER(event.payload.comment.id), () => renderHelp({ triagePermission: config.triagePermission, allowAuthor: config.allowAuthor, prow, automatic: TRIGGERS.filter((t) => t !== command).map((t) => t.help) }));
    }
    const named = commands.flatMap((c) => (c.kind === "triage" ? c.refs : []));
    const wantsSearch = commands.some((c) => c.kind === "triage" && c.refs.length === 0);
    if (!wantsSearch && named.length === 0) return [];

    const found: LogRef[] = [];
    let excerpts: { name: string; text: string }[] = [];
    if (wantsSearch) {
      // Once per batch: a burst of commands on one pull request reads its head commit's checks once.
      if (issue.pull_request) found.push(...(await ctx.shared.once(`pull-failures:${issue.number}`, () => failuresOfPullRequest(event, ctx, thread))));
      else {
        const me = await port.botLogin();
        const texts = [issue.body ?? "", ...(await ctx.shared.comments(thread)).filter((c) => !isOwn(c.user, me)).map((c) => c.body)];
        const inTexts = refsInTexts(texts, settings);
        found.push(...inTexts.refs);
        excerpts = inTexts.excerpts;
      }
    }
    const { refs, problems } = parseRefs([...named, ...found], settings, config.limits.maxRefs, { reportErrors: true, alreadyLeftOut: truncated });
    return [request(event, issue.number, { refs, excerpts, explicit: true, problems, ...(issue.pull_request ? { pull: issue.number } : {}) })];
  },
};
