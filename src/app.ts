import { createHash, randomUUID } from "node:crypto";
import type { ApplicationFunctionOptions, Context, Logger, Probot } from "probot";
import { DEFAULT_CONFIG, resolveConfig, type SkewbotConfig } from "./config.js";
import { redactingChild } from "./logging.js";
import { createMetrics, metricsHandler, recordRead, recordTriage, recordTriageError, type Metrics } from "./metrics.js";
import { InProcessQueue, type TriageQueue } from "./queue.js";
import { mergeTriageJobs, threadKey as threadKeyOf, triageJobProblem, type TriageJob } from "./triage-job.js";
import { builtinHints, builtinSignatures, compileCatalog, type CompiledCatalog } from "./signatures/index.js";
import { isOriginAllowed, parseLogRef, sourceSettingsFromEnv, visibilityOf, type SourceSettings } from "./sources/index.js";
import { runTriage, type TriageRequest } from "./triage.js";
import { parseCommands, renderHelp } from "./triggers/commands.js";
import { withoutCommandLines } from "./report/safe.js";
import { parseProwFailureReport } from "./triggers/ci-comments.js";
import { codeBlocks, urlsIn } from "./triggers/text.js";
import { payloadProblems } from "./triggers/payloads.js";
import type { Thread } from "./publish/comment.js";
import { isBot, type GitHub } from "./publish/github.js";
import type { History } from "./history/index.js";
import { actionsJobRun, type JobInfo } from "./sources/github-actions.js";

export interface AppOptions {
  /** Where logs may be fetched from; defaults to the SKEWBOT_* environment. */
  settings?: SourceSettings;
  /** Where triage waits: in this process (the default) or shared by replicas (RedisQueue, REDIS_URL). */
  queue?: TriageQueue<TriageJob>;
  /** The app's own login (`<slug>[bot]`); looked up once from the API when not given. */
  botLogin?: string;
  dryRun?: boolean;
  /** How long an edited issue must stay unedited before it is triaged (SKEWBOT_EDIT_QUIET_MS, default 2 s). */
  editQuietMs?: number;
  concurrency?: number;
  /** Prometheus metrics; a fresh registry per app when not given. */
  metrics?: Metrics;
  /** Bearer token that GET /metrics requires; defaults to SKEWBOT_METRICS_TOKEN (unset: open). */
  metricsToken?: string;
  /** The history store (main.ts opens it from the environment); absent: triage without history. */
  history?: History;
  /** Called once the app is loaded, so that the process can drain it on shutdown. */
  onReady?: (runtime: AppRuntime) => void;
}

/** A triage that was queued and has not finished. */
export interface PendingTriage {
  delivery: string;
  event: string;
  repository: string;
  thread: string;
  /** When it started running (ms since the epoch); absent while it waits in the queue. */
  startedAt?: number;
}

/** What the process needs to stop the app gracefully. */
export interface AppRuntime {
  queue: TriageQueue<TriageJob>;
  log: Logger;
  metrics: Metrics;
  /**
   * Stops taking deliveries (a delivery that arrives from now on is answered with an error, so that
   * GitHub lists it as failed and it can be redelivered), waits for deliveries being handled to queue
   * their triage, then for queued triage to finish, all within `timeoutMs`. Returns what did not finish.
   */
  drain(timeoutMs: number): Promise<PendingTriage[]>;
}

/** Thrown by a webhook handler while the app shuts down: Probot answers the delivery with a 500. */
export class ShuttingDownError extends Error {
  constructor(delivery: string) {
    super(`skewbot is shutting down and did not take delivery ${delivery}; redeliver it from the App's advanced settings`);
    this.name = "ShuttingDownError";
  }
}

const PERMISSION_RANK = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 } as const;
type Permission = keyof typeof PERMISSION_RANK;

const REFUSAL_MARKER = (login: string) => `<!-- skewbot:refused ${login.toLowerCase()} -->`;
/** Marks the help answering one comment, so that a redelivery does not post it again. */
const HELP_MARKER = (commentId: number) => `<!-- skewbot:help ${commentId} -->`;

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export function createApp(options: AppOptions = {}) {
  return (app: Probot, appOptions?: Partial<ApplicationFunctionOptions>): void => {
    const settings = options.settings ?? settingsFromEnv(process.env);
    const dryRunEnv = options.dryRun ?? /^(1|true|yes)$/i.test(process.env["SKEWBOT_DRY_RUN"] ?? "");
    const editQuietMs = options.editQuietMs ?? Number(process.env["SKEWBOT_EDIT_QUIET_MS"] ?? 2000);
    const log = redactingChild(app.log, {});
    // A failed triage is logged (and counted) by the job itself; the queue only decides whether it runs again.
    const queue: TriageQueue<TriageJob> =
      options.queue ?? new InProcessQueue<TriageJob>(options.concurrency ?? concurrencyFromEnv(process.env["SKEWBOT_CONCURRENCY"]), () => undefined);
    const metrics = options.metrics ?? createMetrics();
    metrics.watchQueue(queue);
    const builtinCatalog = compileCatalog(builtinSignatures, builtinHints);
    const builtinIds = new Set(builtinSignatures.map((s) => s.id));

    // GET /metrics on Probot's server. Under a bare `probot.load(app)` (tests) there is no server.
    const metricsToken = options.metricsToken ?? (process.env["SKEWBOT_METRICS_TOKEN"] || undefined);
    try {
      appOptions?.addHandler?.(metricsHandler(metrics, metricsToken ? { token: metricsToken } : {}));
    } catch (err) {
      log.debug({ err }, "no server: /metrics not served");
    }

    // Shutdown: deliveries being handled, and triage queued and not finished.
    let closing = false;
    let handling = 0;
    let handled: (() => void)[] = [];
    // By queue entry (thread and key), so that a job that replaces another takes its place here too. Only
    // for a queue of this process: a shared queue's jobs run in any replica and survive this one.
    const unfinished = new Map<string, { job: string; pending: PendingTriage }>();

    /** Wraps a webhook handler: refuses deliveries once shutting down, and counts those in progress. */
    function guard<C extends Context>(handler: (context: C) => Promise<void>): (context: C) => Promise<void> {
      return async (context) => {
        if (closing) throw new ShuttingDownError(context.id);
        const problems = payloadProblems(context.name, context.payload);
        if (problems.length > 0) {
          context.log.warn({ delivery: context.id, event: context.name, problems }, "ignoring a malformed delivery");
          return;
        }
        handling++;
        try {
          await handler(context);
        } finally {
          handling--;
          if (handling === 0) {
            for (const wake of handled) wake();
            handled = [];
          }
        }
      };
    }

    const runtime: AppRuntime = {
      queue,
      log,
      metrics,
      async drain(timeoutMs) {
        closing = true;
        const deadline = Date.now() + timeoutMs;
        if (handling > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((resolve) => handled.push(resolve)),
            new Promise<void>((resolve) => {
              timer = setTimeout(resolve, timeoutMs);
            }),
          ]);
          clearTimeout(timer);
        }
        await queue.drain(Math.max(0, deadline - Date.now()));
        return [...unfinished.values()].map((u) => u.pending);
      },
    };
    options.onReady?.(runtime);

    app.onAny(async (context) => {
      const action = (context.payload as { action?: unknown }).action;
      metrics.deliveries.inc({ event: context.name, action: typeof action === "string" ? action : "" });
    });

    const configuredLogin = options.botLogin ?? process.env["SKEWBOT_BOT_LOGIN"];
    let botLogin: Promise<string | undefined> | undefined = configuredLogin ? Promise.resolve(configuredLogin) : undefined;

    /** `<slug>[bot]`, from GET /app; undefined (and asked again next time) when the API cannot say. */
    const getBotLogin = (): Promise<string | undefined> => {
      const pending =
        botLogin ??
        app
          .auth()
          .then((octokit) => octokit.rest.apps.getAuthenticated())
          .then((res) => (res.data?.slug ? `${res.data.slug}[bot]` : undefined))
          .catch((err: unknown) => {
            botLogin = undefined;
            log.warn({ err }, "could not look up the app's own login (GET /app); recognising own comments by marker and app account");
            return undefined;
          });
      botLogin = pending;
      return pending;
    };

    async function loadConfig(context: Context): Promise<{ config: SkewbotConfig; errors: string[] }> {
      try {
        const raw = await context.config("skewbot.yml");
        return resolveConfig(raw);
      } catch (err) {
        return { config: DEFAULT_CONFIG, errors: [`could not be read (${(err as Error).message.split("\n")[0]}); using the defaults`] };
      }
    }

    // Compiling a catalog builds its anchor automaton (tens of ms with hundreds of custom signatures):
    // once per distinct set of custom signatures, not once per triage.
    const customCatalogs = new Map<string, CompiledCatalog>();
    function catalogFor(config: SkewbotConfig): CompiledCatalog {
      if (config.signatures.length === 0) return builtinCatalog;
      const key = JSON.stringify(config.signatures);
      let catalog = customCatalogs.get(key);
      if (!catalog) {
        catalog = compileCatalog([...builtinSignatures, ...config.signatures], builtinHints);
        if (customCatalogs.size >= 32) customCatalogs.delete(customCatalogs.keys().next().value!);
      }
      customCatalogs.delete(key);
      customCatalogs.set(key, catalog);
      return catalog;
    }

    function settingsFor(config: SkewbotConfig, token: string | undefined): SourceSettings {
      return {
        ...settings,
        allowedHosts: [...settings.allowedHosts, ...config.allowedHosts],
        ...(token ? { githubToken: token } : {}),
      };
    }

    async function installationToken(github: GitHub): Promise<string | undefined> {
      const auth = (await github.auth({ type: "installation" })) as { token?: string };
      return auth.token;
    }

    /** Queues a triage; the webhook returns at once and the work happens in the background. */
    async function schedule(
      context: Context,
      thread: Thread,
      req: Omit<TriageRequest, "thread" | "visibility">,
      loaded: { config: SkewbotConfig; errors: string[] },
      /** A stable key with `replace` and `quietMs` makes a burst of edits of one input cost one triage. */
      queueing: { key?: string; replace?: boolean; quietMs?: number } = {},
    ) {
      const key = queueing.key ?? hash(JSON.stringify([req.refs, req.excerpts.map((e) => hash(e.text))]));
      const threadKey = threadKeyOf(thread);
      const repository = `${thread.owner}/${thread.repo}`;
      const log = redactingChild(context.log, { delivery: context.id, event: context.name, repository, thread: threadKey });
      const problems = [...req.problems, ...loaded.errors.map((e) => `.github/skewbot.yml: ${e}`)];
      const installation = (context.payload as { installation?: { id?: number } }).installation?.id;
      if (typeof installation !== "number") {
        log.warn("a delivery without an installation cannot be triaged");
        return;
      }
      const visibility = visibilityOf((context.payload as { repository?: unknown }).repository) ?? "public";
      const job: TriageJob = { v: 1, id: randomUUID(), deliveries: [context.id], event: context.name, installation, thread, request: { ...req, problems, visibility }, config: loaded.config };
      // Recorded before enqueueing (an in-process job may start before enqueue's answer is read), and put
      // back as it was when the job was not taken.
      const pendingKey = `${threadKey}\u0000${key}`;
      const before = unfinished.get(pendingKey);
      if (!queue.shared) unfinished.set(pendingKey, { job: job.id, pending: { delivery: context.id, event: context.name, repository, thread: threadKey } });
      const answer = queue.enqueue(threadKey, key, job, { replace: queueing.replace ?? false, quietMs: queueing.quietMs ?? 0 });
      // No await for the in-process queue's plain answer: its jobs must not finish before the lines below.
      const result = answer instanceof Promise ? await answer : answer;
      if ((result === "duplicate" || result === "closed") && !queue.shared && unfinished.get(pendingKey)?.job === job.id) {
        if (before) unfinished.set(pendingKey, before);
        else unfinished.delete(pendingKey);
      }
      metrics.requests.inc({ result: result === "closed" ? "shutting-down" : result });
      log.info({ refs: req.refs.length, excerpts: req.excerpts.length, queued: result }, "triage requested");
      // Too late to queue: answer the delivery with an error, so that GitHub lists it as failed.
      if (result === "closed") throw new ShuttingDownError(context.id);
    }

    /**
     * Runs one queued triage, in whichever process took the job: it acts as the job's installation and takes
     * a fresh token now (a queued job may outlive a token). Throws when the triage failed, so that a shared
     * queue can retry it; it has been logged and counted by then.
     */
    async function runJob(job: TriageJob): Promise<void> {
      const problem = triageJobProblem(job);
      if (problem) throw new Error(`not a triage job this release can run: ${problem}`);
      const threadKey = threadKeyOf(job.thread);
      const about = { delivery: job.deliveries.join(","), event: job.event, repository: `${job.thread.owner}/${job.thread.repo}`, thread: threadKey };
      const log = redactingChild(app.log, about);
      const mine = () => [...unfinished.entries()].find(([, u]) => u.job === job.id);
      const entry = mine();
      if (entry) entry[1].pending.startedAt = Date.now();
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const github = (await app.auth(job.installation)) as GitHub;
        const login = await getBotLogin();
        const token = job.request.refs.length > 0 ? await installationToken(github) : undefined;
        const outcome = await runTriage(
          { ...job.request, thread: job.thread },
          {
            github,
            botLogin: login,
            config: job.config,
            settings: settingsFor(job.config, token),
            catalog: catalogFor(job.config),
            log,
            dryRun: dryRunEnv || job.config.dryRun,
            ...(options.history ? { history: options.history, ownComments: options.history.ownComments } : {}),
            onRead: (reports, fetched) => recordRead(metrics, reports, fetched, builtinIds),
          },
        );
        recordTriage(metrics, outcome, seconds());
        log.info(
          {
            comment: outcome.comment,
            labels: outcome.labels,
            causes: outcome.causes,
            warnings: outcome.warnings,
            bytes: outcome.fetch.bytes,
            durationMs: Math.round(seconds() * 1000),
          },
          "triage done",
        );
      } catch (err) {
        recordTriageError(metrics, seconds());
        log.error({ err, durationMs: Math.round(seconds() * 1000) }, "triage failed");
        throw err;
      } finally {
        const done = mine();
        if (done) unfinished.delete(done[0]);
      }
    }
    void Promise.resolve(queue.start({ run: runJob, merge: mergeTriageJobs })).catch((err: unknown) => log.error({ err }, "the triage queue did not start"));

    async function permissionOf(context: Context, username: string): Promise<Permission> {
      try {
        const res = await context.octokit.rest.repos.getCollaboratorPermissionLevel(context.repo({ username }));
        const role = (res.data.role_name ?? res.data.permission) as string;
        return role in PERMISSION_RANK ? (role as Permission) : "read";
      } catch (err) {
        if ((err as { status?: number }).status === 404) return "none";
        throw err;
      }
    }

    /** A polite refusal, once per person per thread. */
    async function refuse(context: Context<"issue_comment.created">, login: string, needed: string, command: string): Promise<void> {
      const github = context.octokit as GitHub;
      const comments = await github.paginate(github.rest.issues.listComments, context.issue({ per_page: 100 }));
      const me = await getBotLogin();
      if (comments.some((c) => isBot(c.user, me) && (c.body ?? "").includes(REFUSAL_MARKER(login)))) return;
      await context.octokit.rest.issues.createComment(
        context.issue({
          body: withoutCommandLines(`${REFUSAL_MARKER(login)}\nSorry, \`${command}\` is open to the author of this thread and to collaborators with ${needed} access or more. A maintainer can run it for you.`),
        }),
      );
    }

    /** Help, once per asking comment (a redelivery finds the first answer), noting Prow where a Prow bot reports. */
    async function postHelp(context: Context<"issue_comment.created">, config: SkewbotConfig): Promise<void> {
      const github = context.octokit as GitHub;
      const comments = await github.paginate(github.rest.issues.listComments, context.issue({ per_page: 100 }));
      const me = await getBotLogin();
      const marker = HELP_MARKER(context.payload.comment.id);
      if (comments.some((c) => isBot(c.user, me) && (c.body ?? "").includes(marker))) return;
      const prow = comments.some((c) => isCiBot(c.user?.login, config));
      const help = renderHelp({ triagePermission: config.triagePermission, allowAuthor: config.allowAuthor, prow });
      await context.octokit.rest.issues.createComment(context.issue({ body: withoutCommandLines(`${marker}\n${help}`) }));
    }

    /** On a PR: failed checks, failed statuses and CI-bot failure reports of the head commit. */
    async function failuresOfPullRequest(context: Context, number: number, config: SkewbotConfig): Promise<string[]> {
      const github = context.octokit as GitHub;
      const pr = await github.rest.pulls.get(context.repo({ pull_number: number }));
      const sha = pr.data.head.sha;
      const refs: string[] = [];
      const checks = await github.paginate(github.rest.checks.listForRef, context.repo({ ref: sha, per_page: 100 }));
      for (const run of checks) {
        if (run.conclusion !== "failure" && run.conclusion !== "timed_out") continue;
        const ref = checkRunRef(run.details_url ?? undefined, settings);
        if (ref) refs.push(ref);
      }
      const statuses = await github.rest.repos.getCombinedStatusForRef(context.repo({ ref: sha }));
      for (const s of statuses.data.statuses) {
        if ((s.state === "failure" || s.state === "error") && s.target_url && !("error" in parseLogRef(s.target_url, settings))) refs.push(s.target_url);
      }
      const comments = await github.paginate(github.rest.issues.listComments, context.repo({ issue_number: number, per_page: 100 }));
      for (const c of comments) {
        if (!isCiBot(c.user?.login, config)) continue;
        for (const job of parseProwFailureReport(c.body ?? "")) if (!job.commit || sha.startsWith(job.commit)) refs.push(job.url);
      }
      return [...new Set(refs)];
    }

    /** On an issue: job links and pasted log excerpts in its body and comments. */
    async function failuresOfIssue(context: Context, body: string, number: number): Promise<{ refs: string[]; excerpts: { name: string; text: string }[] }> {
      const github = context.octokit as GitHub;
      const comments = await github.paginate(github.rest.issues.listComments, context.repo({ issue_number: number, per_page: 100 }));
      const me = await getBotLogin();
      const texts = [body, ...comments.filter((c) => !isBot(c.user, me)).map((c) => c.body ?? "")];
      return fromTexts(texts, settings);
    }

    app.on("issue_comment.created", guard(async (context) => {
      const { comment, issue } = context.payload;
      const login = comment.user?.login ?? "";
      const loaded = await loadConfig(context);
      const { config } = loaded;
      const thread = context.issue();

      if (isCiBot(login, config)) {
        if (!config.triggers.ciComments) return;
        const jobs = parseProwFailureReport(comment.body ?? "");
        if (jobs.length === 0) return;
        await schedule(
          context,
          thread,
          { refs: jobs.slice(0, config.limits.maxRefs).map((j) => j.url), excerpts: [], explicit: false, problems: [], ...(issue.pull_request ? { pull: issue.number } : {}) },
          loaded,
        );
        return;
      }
      // Bots never run commands: not other apps, not the app itself.
      if (comment.user?.type === "Bot" || login.endsWith("[bot]") || !config.triggers.commands) return;
      const { commands, truncated } = parseCommands(comment.body ?? "", config.limits.maxRefs);
      if (commands.length === 0) return;

      const isAuthor = config.allowAuthor && issue.user?.login === login;
      if (!isAuthor && PERMISSION_RANK[await permissionOf(context, login)] < PERMISSION_RANK[config.triagePermission]) {
        await refuse(context, login, config.triagePermission, /^\s*\/skewbot\b/im.test(comment.body ?? "") ? "/skewbot" : "/triage");
        return;
      }
      // The acknowledgement is a courtesy: failing to add it must not stop the triage.
      await context.octokit.rest.reactions
        .createForIssueComment(context.repo({ comment_id: comment.id, content: "eyes" }))
        .catch((err: unknown) => context.log.warn({ err, delivery: context.id }, "could not add the 👀 reaction"));

      if (commands.some((c) => c.kind === "help")) await postHelp(context, config);
      const named = commands.flatMap((c) => (c.kind === "triage" ? c.refs : []));
      const wantsSearch = commands.some((c) => c.kind === "triage" && c.refs.length === 0);
      if (!wantsSearch && named.length === 0) return;
      const problems = truncated > 0 ? [`${truncated} further reference(s) ignored: at most ${config.limits.maxRefs} per comment`] : [];
      let refs = named;
      let excerpts: { name: string; text: string }[] = [];
      if (wantsSearch) {
        if (issue.pull_request) refs = [...refs, ...(await failuresOfPullRequest(context, issue.number, config))];
        else {
          const found = await failuresOfIssue(context, issue.body ?? "", issue.number);
          refs = [...refs, ...found.refs];
          excerpts = found.excerpts;
        }
      }
      refs = [...new Set(refs)];
      const capped = refs.slice(0, config.limits.maxRefs);
      if (refs.length > capped.length) problems.push(`${refs.length - capped.length} further failure(s) not triaged: at most ${config.limits.maxRefs} at once`);
      await schedule(context, thread, { refs: capped, excerpts, explicit: true, problems, ...(issue.pull_request ? { pull: issue.number } : {}) }, loaded);
    }));

    // Prow's crier edits its failure report in place after a /retest: jobs that left the table passed on
    // rerun (recorded, and their section re-triaged so that it says so); new build links are new failures.
    app.on("issue_comment.edited", guard(async (context) => {
      const { comment, issue } = context.payload;
      const now = parseProwFailureReport(comment.body ?? "");
      const before = parseProwFailureReport((context.payload.changes as { body?: { from?: string } } | undefined)?.body?.from ?? "");
      if (now.length === 0 && before.length === 0) return;
      const loaded = await loadConfig(context);
      const { config } = loaded;
      if (!isCiBot(comment.user?.login, config) || !config.triggers.ciComments) return;
      const pull = issue.pull_request ? { pull: issue.number } : {};
      const thread = context.issue();
      const fresh = now.filter((j) => !before.some((b) => b.url === j.url));
      if (fresh.length > 0) {
        await schedule(context, thread, { refs: fresh.slice(0, config.limits.maxRefs).map((j) => j.url), excerpts: [], explicit: false, problems: [], ...pull }, loaded);
      }
      const passed = before.filter((b) => !now.some((n) => n.name === b.name));
      const history = options.history;
      if (!history || passed.length === 0 || !config.history.enabled) return;
      const repository = `${thread.owner}/${thread.repo}`;
      const threadName = `${repository}#${thread.issue_number}`;
      const refs: string[] = [];
      try {
        const store = await history.open();
        for (const b of passed) {
          const failed = (await store.runsOfJob(b.name, 20)).find(
            (r) => r.source === "prow" && r.thread === threadName && r.result !== "success" && r.headSha !== undefined && (!b.commit || r.headSha.startsWith(b.commit)),
          );
          if (!failed) continue;
          await history.recordPass({ source: "prow", key: `prow-rerun:${threadName}:${b.name}:${failed.headSha}`, job: b.name, repository, pull: thread.issue_number, headSha: failed.headSha!, result: "success" }, threadName);
          refs.push(b.url);
        }
      } catch (err) {
        context.log.warn({ err, delivery: context.id }, "history store unavailable: a passing rerun was not recorded");
        return;
      }
      if (refs.length > 0) await schedule(context, thread, { refs: refs.slice(0, config.limits.maxRefs), excerpts: [], explicit: false, problems: [], ...pull }, loaded);
    }));

    app.on(["issues.opened", "issues.edited"], guard(async (context) => {
      const { issue, sender } = context.payload;
      if (sender.type === "Bot" || issue.user?.type === "Bot") return;
      if (context.payload.action === "edited" && !("body" in (context.payload.changes ?? {}))) return;
      const loaded = await loadConfig(context);
      if (!loaded.config.triggers.issues) return;
      const { refs, excerpts } = fromTexts([issue.body ?? ""], settings);
      if (refs.length === 0 && excerpts.length === 0) return;
      const capped = refs.slice(0, loaded.config.limits.maxRefs);
      const problems = refs.length > capped.length ? [`${refs.length - capped.length} further link(s) not triaged: at most ${loaded.config.limits.maxRefs}`] : [];
      await schedule(context, context.issue(), { refs: capped, excerpts, explicit: false, problems }, loaded, { key: "issue-body", replace: true, quietMs: editQuietMs });
    }));

    app.on("check_run.completed", guard(async (context) => {
      const run = context.payload.check_run;
      if (run.conclusion === "success") {
        await passedOnRerun(context, run);
        return;
      }
      if (run.conclusion !== "failure" && run.conclusion !== "timed_out") return;
      const ref = checkRunRef(run.details_url ?? undefined, settings);
      if (!ref) return;
      const numbers = run.pull_requests.filter((p) => p.base.repo.id === context.payload.repository.id).map((p) => p.number);
      await triageCommit(context, run.head_sha, [ref], numbers);
    }));

    app.on("workflow_run.completed", guard(async (context) => {
      const run = context.payload.workflow_run;
      if (run.conclusion !== "failure") return;
      const github = context.octokit as GitHub;
      const jobs = await github.paginate(github.rest.actions.listJobsForWorkflowRun, context.repo({ run_id: run.id, filter: "latest" as const, per_page: 100 }));
      const refs = jobs.filter((j) => j.conclusion === "failure" || j.conclusion === "timed_out").map((j) => actionsJobUrl(settings, context.repo(), run.id, j.id));
      const numbers = (run.pull_requests ?? []).flatMap((p) => (p && p.base.repo.id === context.payload.repository.id ? [p.number] : []));
      await triageCommit(context, run.head_sha, refs, numbers);
    }));

    app.on("status", guard(async (context) => {
      const { state, target_url, sha } = context.payload;
      if (state !== "failure" && state !== "error") return;
      if (!target_url || "error" in parseLogRef(target_url, settings)) return;
      await triageCommit(context, sha, [target_url], []);
    }));

    /**
     * A job that passed at a commit where history holds its failure (a rerun that passed): the pass is
     * recorded and the failure's report re-triaged, so that its section says "passed on rerun: intermittent".
     * Any other successful check costs one store lookup and no API call.
     */
    async function passedOnRerun(context: Context<"check_run.completed">, run: Context<"check_run.completed">["payload"]["check_run"]): Promise<void> {
      const history = options.history;
      const ref = run.details_url ? parseLogRef(run.details_url, settings) : undefined;
      if (!history || !ref || "error" in ref || ref.kind !== "github-actions-job") return;
      const { owner, repo } = context.repo();
      const repository = `${owner}/${repo}`;
      let failures;
      try {
        failures = (await history.failuresAt(run.head_sha, repository)).filter(
          (f) => f.source === "github-actions" && (f.job === run.name || f.job.endsWith(` / ${run.name}`)) && f.key !== `github-actions:${repository}/job/${ref.jobId}` && f.thread,
        );
      } catch (err) {
        context.log.warn({ err, delivery: context.id }, "history store unavailable: a passing rerun was not recorded");
        return;
      }
      if (failures.length === 0) return;
      const loaded = await loadConfig(context);
      if (!loaded.config.history.enabled) return;
      const job = (await (context.octokit as GitHub).rest.actions.getJobForWorkflowRun({ owner, repo, job_id: ref.jobId })).data as JobInfo;
      const passed = actionsJobRun(owner, repo, job, actionsJobUrl(settings, { owner, repo }, job.run_id, job.id));
      if (failures.every((f) => f.job !== passed.job)) return;
      await history.recordPass(passed);
      for (const f of failures.filter((x) => x.job === passed.job)) {
        const thread = /^([^/]+)\/([^#]+)#(\d+)$/.exec(f.thread ?? "");
        const jobId = /\/job\/(\d+)$/.exec(f.key)?.[1];
        if (!thread || thread[1] !== owner || thread[2] !== repo || !jobId || !f.buildId) continue;
        const number = Number(thread[3]);
        await schedule(context, { owner, repo, issue_number: number }, { refs: [actionsJobUrl(settings, { owner, repo }, Number(f.buildId), Number(jobId))], excerpts: [], explicit: false, problems: [], pull: number }, loaded);
      }
    }

    /** Reports on every open pull request of the commit. */
    async function triageCommit(context: Context, sha: string, refs: string[], known: number[]): Promise<void> {
      if (refs.length === 0) return;
      const loaded = await loadConfig(context);
      if (!loaded.config.triggers.checks) return;
      let numbers = known;
      if (numbers.length === 0) {
        const prs = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit(context.repo({ commit_sha: sha }));
        numbers = prs.data.filter((p) => p.state === "open").map((p) => p.number);
      }
      for (const number of [...new Set(numbers)]) {
        await schedule(context, context.repo({ issue_number: number }), { refs: refs.slice(0, loaded.config.limits.maxRefs), excerpts: [], explicit: false, problems: [], pull: number }, loaded);
      }
    }
  };
}

/** Source settings from SKEWBOT_*; the GitHub API defaults to the one Probot uses (GHE_HOST). */
function settingsFromEnv(env: NodeJS.ProcessEnv): SourceSettings {
  const ghe = env["GHE_HOST"] ? `${env["GHE_PROTOCOL"] || "https"}://${env["GHE_HOST"]}/api/v3` : undefined;
  return sourceSettingsFromEnv(ghe && !env["SKEWBOT_GITHUB_API_URL"] ? { ...env, SKEWBOT_GITHUB_API_URL: ghe } : env);
}

/** SKEWBOT_CONCURRENCY: a positive whole number of triage jobs at once; 2 when unset or invalid. */
function concurrencyFromEnv(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 2;
}

function isCiBot(login: string | undefined, config: SkewbotConfig): boolean {
  if (!login) return false;
  const bare = login.replace(/\[bot\]$/i, "").toLowerCase();
  return config.ciBots.some((b) => b.toLowerCase() === bare);
}

/** The canonical job URL, so that a check run and a workflow run of the same job share one section. */
function actionsJobUrl(settings: SourceSettings, repo: { owner: string; repo: string }, runId: number, jobId: number): string {
  return `${settings.githubUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}/job/${jobId}`;
}

/** A check run's details URL as a log reference: an Actions job, or a Prow job of another app. */
function checkRunRef(detailsUrl: string | undefined, settings: SourceSettings): string | undefined {
  if (!detailsUrl) return undefined;
  const ref = parseLogRef(detailsUrl, settings);
  if ("error" in ref) return undefined;
  if (ref.kind === "github-actions-job" && ref.runId !== undefined) return actionsJobUrl(settings, ref, ref.runId, ref.jobId);
  return ref.kind === "prow" || ref.kind === "github-actions-job" ? detailsUrl : undefined;
}

/** Log references (only those the sources understand and allow) and pasted excerpts in texts. */
function fromTexts(texts: string[], settings: SourceSettings): { refs: string[]; excerpts: { name: string; text: string }[] } {
  const refs: string[] = [];
  const excerpts: { name: string; text: string }[] = [];
  for (const text of texts) {
    for (const url of urlsIn(text)) {
      const ref = parseLogRef(url, settings);
      if ("error" in ref) continue;
      // Plain URLs count only on hosts we would fetch from anyway; anything else is just a link.
      if (ref.kind === "url" && !isOriginAllowed(new URL(url), settings)) continue;
      refs.push(url);
    }
    codeBlocks(text).forEach((block) => {
      if (block.trim()) excerpts.push({ name: `excerpt-${excerpts.length + 1}`, text: block });
    });
  }
  return { refs: [...new Set(refs)], excerpts };
}

export default createApp();
