import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { History, openSqliteStore } from "../../src/history/index.js";
import { FakeGitHubPort, type ThreadView } from "../helpers/fake-port.js";
import { API, BOT, createTestApp, HEADLINE, mockProwBuild, mockToken, OWNER, payload, prowFailureComment, PROW_VIEW, REPO, REPO_PATH, type Payload } from "./helpers.js";

// Table-driven, one table per trigger and one for publishing: a webhook in GitHub's documented shape
// (@octokit/webhooks-examples) goes into the real app (Probot, the dispatcher, triage, publish), whose
// GitHub is the in-process fake behind the port (test/helpers/fake-port.ts). Each row states the
// thread's final state (skewbot's comments, labels, reactions), never the calls that led there. Logs come
// from nock'd Prow/GCS and Actions hosts; the configuration is absent (the defaults).

const THREAD = { owner: OWNER, repo: REPO, issue_number: 1 };
const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
const CAUSE = /k8s-compat-mincompat-out-of-range/;
const FLAKE = ["kind/flake", "flake/version-skew"];
const LOGS = "https://productionresultssa3.blob.core.windows.net";

let fake: FakeGitHubPort;
let cleanup: (() => Promise<void>)[] = [];

beforeEach(() => {
  nock.disableNetConnect();
  mockToken();
  fake = new FakeGitHubPort({ bot: BOT });
  // No .github/skewbot.yml (read through Probot, not the port), for every delivery of the test.
  nock(API).persist().get(`${REPO_PATH}/contents/.github%2Fskewbot.yml`).reply(404).get(`/repos/${OWNER}/.github/contents/.github%2Fskewbot.yml`).reply(404);
});
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
  nock.cleanAll();
  nock.enableNetConnect();
});

interface Delivery {
  event: string;
  payload: () => Payload;
  /** The logs its triage may read. */
  logs?: () => void;
}

interface Row extends Delivery {
  name: string;
  /** The repository before the deliveries. */
  given?: (fake: FakeGitHubPort) => void;
  /** Deliveries before the one the row is about (a report that a rerun then edits away). */
  before?: Delivery[];
  /** A history store (a fresh SQLite file) for the app. */
  history?: boolean;
  /** skewbot's comments on the thread, in order, each matching its patterns. */
  comments: RegExp[][];
  labels: string[];
  reactions?: string[];
}

function ownView(view: ThreadView) {
  return view.comments.filter((c) => c.author === BOT).map((c) => c.body);
}

async function appFor(row: Row) {
  if (!row.history) return createTestApp({ port: () => fake });
  const dir = mkdtempSync(join(tmpdir(), "skewbot-tables-"));
  const history = new History(() => openSqliteStore({ path: join(dir, "h.sqlite") }), { description: "SQLite" });
  cleanup.push(async () => {
    await history.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return createTestApp({ port: () => fake, history });
}

function table(title: string, rows: Row[]) {
  describe(title, () => {
    it.each(rows.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
      const app = await appFor(row);
      row.given?.(fake);
      const others = fake.view(THREAD).comments.filter((c) => c.author !== BOT);
      for (const [i, d] of [...(row.before ?? []), row].entries()) {
        d.logs?.();
        await app.probot.receive({ id: `d-${i}-${row.name}`, name: d.event as never, payload: d.payload() });
        await app.settle();
      }
      const view = fake.view(THREAD);
      const own = ownView(view);
      expect(own, own.join("\n----\n")).toHaveLength(row.comments.length);
      row.comments.forEach((patterns, i) => {
        for (const p of patterns) expect(own[i]).toMatch(p);
      });
      expect(view.labels).toEqual(row.labels);
      expect(view.reactions).toEqual(row.reactions ?? []);
      // Others' comments are never touched.
      expect(view.comments.filter((c) => c.author !== BOT)).toEqual(others);
      // Prow reads commands in any comment: no line skewbot writes starts with "/".
      for (const c of fake.ownComments()) for (const line of c.body.split("\n")) expect(line.trimStart().startsWith("/"), line).toBe(false);
    });
  });
}

function comment(body: string, login: string, patch: (p: Payload) => void = () => undefined): () => Payload {
  return () =>
    payload("issue_comment", "created", (p) => {
      p.issue.number = 1;
      p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
      p.comment.id = 7001;
      p.comment.body = body;
      p.comment.user = { ...p.comment.user, login, type: login.endsWith("[bot]") ? "Bot" : "User" };
      patch(p);
    });
}

/** The command comment itself is in the thread, as GitHub has stored it by the time the webhook arrives. */
const commented = (body: string, login: string) => (f: FakeGitHubPort) => {
  f.seedComment(THREAD, { login, type: "User" }, body, 7001);
};

/** A failed GitHub Actions job whose log holds the headline error (read from the Actions API, not the port). */
function actionsJob(id: number, conclusion = "failure") {
  const at = (s: string) => `2025-02-06T22:5${s}`;
  return {
    id,
    run_id: 30433642,
    name: "e2e (v1.31)",
    workflow_name: "CI",
    status: "completed",
    conclusion,
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/30433642/job/${id}`,
    head_sha: SHA,
    steps: [
      { number: 1, name: "Set up job", status: "completed", conclusion: "success", started_at: at("0:00Z"), completed_at: at("0:05Z") },
      { number: 2, name: "Run make test-e2e", status: "completed", conclusion, started_at: at("0:05Z"), completed_at: at("3:00Z") },
    ],
  };
}
function mockActionsLog(id: number): void {
  const log = [`2025-02-06T22:50:05.1000000Z ##[group]Run make test-e2e`, `2025-02-06T22:52:10.0000000Z ${HEADLINE}`, `2025-02-06T22:52:59.0000000Z ##[error]Process completed with exit code 2.`].join("\n");
  nock(API).get(`${REPO_PATH}/actions/jobs/${id}`).reply(200, actionsJob(id));
  nock(API).get(`${REPO_PATH}/actions/jobs/${id}/logs`).reply(302, "", { location: `${LOGS}/actions-results/${id}/logs/job/job-logs.txt?sig=abc` });
  nock(LOGS, { badheaders: ["authorization"] }).get(`/actions-results/${id}/logs/job/job-logs.txt`).query(true).reply(200, log);
}

table("trigger: a CI bot's failure report", [
  { name: "k8s-ci-robot reports a failed Prow job: one report and the flake labels", event: "issue_comment", payload: comment(prowFailureComment(), "k8s-ci-robot"), logs: () => mockProwBuild(), comments: [[/<!-- skewbot:report -->/, CAUSE]], labels: FLAKE },
  { name: "the same table from someone who is not a CI bot: nothing", event: "issue_comment", payload: comment(prowFailureComment(), "someone"), logs: () => mockProwBuild(), comments: [], labels: [] },
  { name: "the reported job was ABORTED: no comment, no label", event: "issue_comment", payload: comment(prowFailureComment(), "k8s-ci-robot"), logs: () => mockProwBuild({ result: "ABORTED" }), comments: [], labels: [] },
  { name: "a CI bot's ordinary comment: nothing", event: "issue_comment", payload: comment("All tests passed. 🎉", "k8s-ci-robot"), comments: [], labels: [] },
]);

table("trigger: commands", [
  {
    name: "/triage <job URL> by a collaborator with write: 👀, then the report",
    event: "issue_comment",
    payload: comment(`/triage ${PROW_VIEW}`, "maintainer"),
    given: (f) => (f.grant("maintainer", "write"), commented(`/triage ${PROW_VIEW}`, "maintainer")(f)),
    logs: () => mockProwBuild(),
    comments: [[/<!-- skewbot:report -->/, CAUSE]],
    labels: FLAKE,
    reactions: [`eyes by ${BOT} on "/triage ${PROW_VIEW}"`],
  },
  {
    name: "/skewbot on its own line on a PR: the failed check of its head commit",
    event: "issue_comment",
    payload: comment("/skewbot", "maintainer"),
    given: (f) => {
      f.grant("maintainer", "maintain");
      commented("/skewbot", "maintainer")(f);
      f.pullRequest(1, SHA, { checkRuns: [{ conclusion: "success", details_url: "https://example.com/ok" }, { conclusion: "failure", details_url: PROW_VIEW }] });
    },
    logs: () => mockProwBuild(),
    comments: [[/<!-- skewbot:report -->/, CAUSE]],
    labels: FLAKE,
    reactions: [`eyes by ${BOT} on "/skewbot"`],
  },
  {
    name: "/triage on a PR whose failed Prow status is past the first 30 contexts",
    event: "issue_comment",
    payload: comment("/triage", "maintainer"),
    given: (f) => {
      f.grant("maintainer", "admin");
      commented("/triage", "maintainer")(f);
      const ok = Array.from({ length: 40 }, (_, i) => ({ state: "success", context: `ci/ok-${i}`, target_url: `https://example.com/${i}` }));
      f.pullRequest(1, SHA, { statuses: [...ok, { state: "failure", context: "pull-capi-e2e-conformance", target_url: PROW_VIEW }] });
    },
    logs: () => mockProwBuild(),
    comments: [[/<!-- skewbot:report -->/, CAUSE]],
    labels: FLAKE,
    reactions: [`eyes by ${BOT} on "/triage"`],
  },
  {
    name: "/triage <job URL> of an ABORTED job: the comment says it was not triaged, no labels",
    event: "issue_comment",
    payload: comment(`/triage ${PROW_VIEW}`, "maintainer"),
    given: (f) => (f.grant("maintainer", "write"), commented(`/triage ${PROW_VIEW}`, "maintainer")(f)),
    logs: () => mockProwBuild({ result: "ABORTED" }),
    comments: [[/<!-- skewbot:report -->/, /job was ABORTED: not triaged/]],
    labels: [],
    reactions: [`eyes by ${BOT} on "/triage ${PROW_VIEW}"`],
  },
  { name: "/triage accepted is Prow's label command: no reply, no reaction, no label", event: "issue_comment", payload: comment("/triage accepted", "maintainer"), given: (f) => (f.grant("maintainer", "write"), commented("/triage accepted", "maintainer")(f)), comments: [], labels: [] },
  { name: "/remove-triage needs-information is Prow's too", event: "issue_comment", payload: comment("/remove-triage needs-information", "maintainer"), given: (f) => (f.grant("maintainer", "write"), commented("/remove-triage needs-information", "maintainer")(f)), comments: [], labels: [] },
  {
    name: "/skewbot help: 👀 and one help comment naming the commands",
    event: "issue_comment",
    payload: comment("/skewbot help", "maintainer"),
    given: (f) => (f.grant("maintainer", "write"), commented("/skewbot help", "maintainer")(f)),
    comments: [[/<!-- skewbot:help 7001 -->/, /`\/skewbot <log>/, /`\/skewbot help`/]],
    labels: [],
    reactions: [`eyes by ${BOT} on "/skewbot help"`],
  },
  {
    name: "/triage from someone with read access: one refusal, no reaction, no triage",
    event: "issue_comment",
    payload: comment(`/triage ${PROW_VIEW}`, "passer-by"),
    given: (f) => (f.grant("passer-by", "read"), commented(`/triage ${PROW_VIEW}`, "passer-by")(f)),
    logs: () => mockProwBuild(),
    comments: [[/<!-- skewbot:refused passer-by -->/, /open to the author of this thread and to collaborators with triage access or more/]],
    labels: [],
  },
  { name: "/triage from another app: ignored", event: "issue_comment", payload: comment(`/triage ${PROW_VIEW}`, "renovate[bot]"), given: commented(`/triage ${PROW_VIEW}`, "renovate[bot]"), comments: [], labels: [] },
  { name: "/triage inside a code block: not a command", event: "issue_comment", payload: comment("```\n/triage\n```", "maintainer"), given: (f) => (f.grant("maintainer", "write"), commented("```\n/triage\n```", "maintainer")(f)), comments: [], labels: [] },
]);

table("trigger: issues", [
  {
    name: "an opened issue linking a Prow job: the report on the issue",
    event: "issues",
    payload: () => payload("issues", "opened", (q) => ((q.issue.number = 1), (q.issue.body = `### Which jobs are failing?\n\npull-capi-e2e-conformance\n\nSee ${PROW_VIEW}\n`))),
    logs: () => mockProwBuild(),
    comments: [[/<!-- skewbot:report -->/, CAUSE]],
    labels: FLAKE,
  },
  {
    name: "an opened issue with the error pasted in a code block",
    event: "issues",
    payload: () => payload("issues", "opened", (q) => ((q.issue.number = 1), (q.issue.body = `The control plane never came up:\n\n\`\`\`\n${HEADLINE}\n\`\`\`\n`))),
    comments: [[/<!-- skewbot:report -->/, CAUSE]],
    labels: FLAKE,
  },
  { name: "an issue without links or excerpts: nothing", event: "issues", payload: () => payload("issues", "opened", (q) => ((q.issue.number = 1), (q.issue.body = "Feature request: dark mode"))), comments: [], labels: [] },
]);

const checkRun = (conclusion: string, details: string, name = "e2e (v1.31)") => () =>
  payload("check_run", "completed", (q) => {
    q.check_run.conclusion = conclusion;
    q.check_run.name = name;
    q.check_run.head_sha = SHA;
    q.check_run.details_url = details;
    q.check_run.pull_requests = [{ ...q.check_run.pull_requests[0], number: 1, base: { ...q.check_run.pull_requests[0].base, repo: { ...q.check_run.pull_requests[0].base.repo, id: q.repository.id } } }];
  });

table("trigger: check runs", [
  { name: "a failed check run of a Prow job: the report on its pull request", event: "check_run", payload: checkRun("failure", PROW_VIEW), given: (f) => f.pullRequest(1, SHA), logs: () => mockProwBuild(), comments: [[/<!-- skewbot:report -->/, CAUSE]], labels: FLAKE },
  { name: "a timed-out GitHub Actions job", event: "check_run", payload: checkRun("timed_out", `https://github.com/${OWNER}/${REPO}/actions/runs/30433642/job/399444496`), given: (f) => f.pullRequest(1, SHA), logs: () => mockActionsLog(399444496), comments: [[/<!-- skewbot:report -->/, CAUSE]], labels: FLAKE },
  { name: "a cancelled check run: nothing", event: "check_run", payload: checkRun("cancelled", PROW_VIEW), given: (f) => f.pullRequest(1, SHA), logs: () => mockProwBuild(), comments: [], labels: [] },
  { name: "a successful check run: nothing", event: "check_run", payload: checkRun("success", PROW_VIEW), given: (f) => f.pullRequest(1, SHA), comments: [], labels: [] },
  { name: "a failed check whose details are not a log: nothing", event: "check_run", payload: checkRun("failure", "https://codecov.io/gh/o/r/commit/abc"), given: (f) => f.pullRequest(1, SHA), comments: [], labels: [] },
]);

const statusEvent = (state: string, target: string | null) => () => payload("status", undefined, (q) => ((q.state = state), (q.sha = SHA), (q.target_url = target)));

table("trigger: commit statuses", [
  { name: "a failed Prow status: the report on the commit's open pull request", event: "status", payload: statusEvent("failure", PROW_VIEW), given: (f) => f.pullRequest(1, SHA), logs: () => mockProwBuild(), comments: [[/<!-- skewbot:report -->/, CAUSE]], labels: FLAKE },
  { name: "a failed status of a commit with no open pull request: nothing", event: "status", payload: statusEvent("failure", PROW_VIEW), given: (f) => f.pullRequest(1, SHA, { open: false }), logs: () => mockProwBuild(), comments: [], labels: [] },
  { name: "a pending status: nothing", event: "status", payload: statusEvent("pending", PROW_VIEW), given: (f) => f.pullRequest(1, SHA), comments: [], labels: [] },
  { name: "a failed status without a target URL: nothing", event: "status", payload: statusEvent("failure", null), given: (f) => f.pullRequest(1, SHA), comments: [], labels: [] },
]);

const workflowRun = (conclusion: string) => () =>
  payload("workflow_run", "completed", (q) => {
    q.workflow_run.id = 30433642;
    q.workflow_run.conclusion = conclusion;
    q.workflow_run.head_sha = SHA;
    q.workflow_run.pull_requests = [{ number: 1, head: { sha: SHA }, base: { repo: { id: q.repository.id } } }];
  });

table("trigger: workflow runs", [
  {
    name: "a failed run: its failed job (not the green one) reported on the pull request",
    event: "workflow_run",
    payload: workflowRun("failure"),
    given: (f) => (f.pullRequest(1, SHA), f.workflowRun(30433642, [actionsJob(399444496), actionsJob(399444497, "success")])),
    logs: () => mockActionsLog(399444496),
    comments: [[/<!-- skewbot:report -->/, CAUSE, /e2e \(v1\.31\)/]],
    labels: FLAKE,
  },
  { name: "a cancelled run: nothing", event: "workflow_run", payload: workflowRun("cancelled"), given: (f) => (f.pullRequest(1, SHA), f.workflowRun(30433642, [actionsJob(399444496, "cancelled")])), comments: [], labels: [] },
]);

const report = comment(prowFailureComment(), "k8s-ci-robot");

table("publish: the report comment and the labels", [
  { name: "no earlier report: one comment, both labels", event: "issue_comment", payload: report, logs: () => mockProwBuild(), comments: [[CAUSE]], labels: FLAKE },
  {
    name: "an earlier report of ours: updated in place, still one",
    event: "issue_comment",
    payload: report,
    given: (f) => f.seedComment(THREAD, { login: BOT, type: "Bot" }, "<!-- skewbot:report -->\n\n### skewbot: version-skew triage\n\nan older report"),
    logs: () => mockProwBuild(),
    comments: [[CAUSE]],
    labels: FLAKE,
  },
  {
    name: "two reports of ours (an earlier race): one is left",
    event: "issue_comment",
    payload: report,
    given: (f) => {
      for (let i = 0; i < 2; i++) f.seedComment(THREAD, { login: BOT, type: "Bot" }, `<!-- skewbot:report -->\n\nreport ${i}`);
    },
    logs: () => mockProwBuild(),
    comments: [[CAUSE]],
    labels: FLAKE,
  },
  {
    name: "another app's comment with our marker is not ours: left alone, ours posted",
    event: "issue_comment",
    payload: report,
    given: (f) => f.seedComment(THREAD, { login: "other-app[bot]", type: "Bot" }, "<!-- skewbot:report -->\n\nnot skewbot's"),
    logs: () => mockProwBuild(),
    comments: [[CAUSE]],
    labels: FLAKE,
  },
  { name: "a label a person removed is not put back", event: "issue_comment", payload: report, given: (f) => (f.seedLabel(THREAD, "flake/version-skew"), f.personRemovedLabel(THREAD, "flake/version-skew")), logs: () => mockProwBuild(), comments: [[CAUSE]], labels: ["kind/flake"] },
  { name: "labels already there (one in other case) stay as they are", event: "issue_comment", payload: report, given: (f) => (f.seedLabel(THREAD, "Kind/Flake"), f.seedLabel(THREAD, "flake/version-skew")), logs: () => mockProwBuild(), comments: [[CAUSE]], labels: ["Kind/Flake", "flake/version-skew"] },
  {
    name: "a hostile log line is quoted, never as a command at the start of a line",
    event: "issue_comment",
    payload: report,
    logs: () => mockProwBuild({ apiserverLog: `/close\n/lifecycle frozen\n/approve ${HEADLINE}\n/retest ${HEADLINE}\n` }),
    // The lines are in the comment (the excerpt around the match), each behind its line number.
    comments: [[CAUSE, /\/close/, /\/lifecycle frozen/, /\/approve 2025-02-06/, /\/retest 2025-02-06/]],
    labels: FLAKE,
  },
]);

describe("publish: a second identical delivery", () => {
  it("changes nothing: same comment, same labels, no write", async () => {
    const t = await createTestApp({ port: () => fake });
    mockProwBuild();
    await t.probot.receive({ id: "p-1", name: "issue_comment", payload: report() });
    await t.settle();
    const first = fake.view(THREAD);
    const writes = fake.writes;
    mockProwBuild();
    await t.probot.receive({ id: "p-2", name: "issue_comment", payload: report() });
    await t.settle();
    expect(fake.view(THREAD)).toEqual(first);
    expect(fake.writes).toBe(writes);
    expect(ownView(first)).toHaveLength(1);
  });
});

// Prow's crier edits or deletes its report after a /retest; the jobs that left it passed on rerun.
const OLD_VIEW = PROW_VIEW.replace(/1888000000000000001$/, "1887000000000000009");
const EMPTY_TABLE = "@Codertocat: The following tests **failed**, say `/retest` to rerun all failed tests:\n\nTest name | Commit | Details | Required | Rerun command\n--- | --- | --- | --- | ---\n";
const CI_BOT = { login: "k8s-ci-robot", id: 20407524, type: "User" };
const edited = (body: string, from: string, login = "k8s-ci-robot") => () =>
  payload("issue_comment", "edited", (p) => {
    const created = comment(from, login)();
    p.issue = created.issue;
    p.comment = { ...created.comment, body };
    p.changes = { body: { from } };
    p.sender = { ...p.sender, login, type: "User" };
  });
const deleted = (sender: { login: string; id: number; type: string }) => () =>
  payload("issue_comment", "deleted", (p) => {
    const created = comment(prowFailureComment(), "k8s-ci-robot")();
    p.issue = created.issue;
    p.comment = created.comment;
    p.sender = { ...p.sender, ...sender };
  });
// The build's prowjob.json names the head commit: history records the failure at it.
const presubmit = () => mockProwBuild({ sha: SHA });
const reported: Delivery = { event: "issue_comment", payload: comment(prowFailureComment(), "k8s-ci-robot"), logs: presubmit };

table("trigger: a CI bot's failure report, edited", [
  { name: "a new build link in the edited table: that build reported", event: "issue_comment", payload: edited(prowFailureComment(), prowFailureComment(OLD_VIEW)), logs: () => mockProwBuild(), comments: [[/<!-- skewbot:report -->/, CAUSE]], labels: FLAKE },
  {
    name: "with history, the job left the table after a rerun: its section says intermittent",
    history: true,
    before: [reported],
    event: "issue_comment",
    payload: edited(EMPTY_TABLE, prowFailureComment()),
    logs: presubmit,
    comments: [[CAUSE, /\*\*History: intermittent\*\* — the same job passed at the same commit/]],
    labels: FLAKE,
  },
  { name: "a person's edit of a comment quoting the table: nothing", event: "issue_comment", payload: edited(prowFailureComment(), prowFailureComment(OLD_VIEW), "maintainer"), logs: () => mockProwBuild(), comments: [], labels: [] },
]);

table("trigger: a CI bot's failure report, deleted", [
  {
    name: "deleted by the CI bot after every job passed on rerun (history on): intermittent",
    history: true,
    before: [reported],
    event: "issue_comment",
    payload: deleted(CI_BOT),
    logs: presubmit,
    comments: [[CAUSE, /\*\*History: intermittent\*\* — the same job passed at the same commit/]],
    labels: FLAKE,
  },
  { name: "deleted by a person: the report stays as it was", history: true, before: [reported], event: "issue_comment", payload: deleted({ login: "maintainer", id: 99, type: "User" }), logs: presubmit, comments: [[CAUSE, /\*\*History: new\*\*/]], labels: FLAKE },
  { name: "without history: nothing", before: [reported], event: "issue_comment", payload: deleted(CI_BOT), logs: presubmit, comments: [[CAUSE]], labels: FLAKE },
]);

const ACTIONS_JOB = (id: number) => `https://github.com/${OWNER}/${REPO}/actions/runs/30433642/job/${id}`;
table("trigger: an Actions job that passed on rerun", [
  {
    name: "the rerun passed at the commit where it failed: the failure's section says intermittent",
    history: true,
    given: (f) => (f.pullRequest(1, SHA), f.workflowRun(30433642, [actionsJob(399444496), actionsJob(399444497, "success")])),
    before: [{ event: "check_run", payload: checkRun("failure", ACTIONS_JOB(399444496)), logs: () => mockActionsLog(399444496) }],
    event: "check_run",
    payload: checkRun("success", ACTIONS_JOB(399444497)),
    logs: () => mockActionsLog(399444496),
    comments: [[CAUSE, /\*\*History: intermittent\*\* — the same job passed at the same commit/]],
    labels: FLAKE,
  },
  {
    name: "another job passing at that commit: the report stays as it was",
    history: true,
    given: (f) => (f.pullRequest(1, SHA), f.workflowRun(30433642, [actionsJob(399444496), { ...actionsJob(399444498, "success"), name: "lint" }])),
    before: [{ event: "check_run", payload: checkRun("failure", ACTIONS_JOB(399444496)), logs: () => mockActionsLog(399444496) }],
    event: "check_run",
    payload: checkRun("success", ACTIONS_JOB(399444498), "lint"),
    comments: [[CAUSE, /\*\*History: new\*\*/]],
    labels: FLAKE,
  },
  { name: "a green check without history: nothing", given: (f) => f.pullRequest(1, SHA), event: "check_run", payload: checkRun("success", ACTIONS_JOB(399444497)), comments: [], labels: [] },
]);
