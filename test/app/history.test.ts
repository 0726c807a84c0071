import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { History, openPostgresStore, openSqliteStore } from "../../src/history/index.js";
import { forEachBackend } from "../history/helpers.js";
import { API, createTestApp, GCS, HEADLINE, mockConfig, mockNoConfig, mockToken, OWNER, payload, PROW_BUCKET, REPO, REPO_PATH } from "./helpers.js";

// History through the app: a CI bot's failure report in, the posted comment out, with a real store.

const JOB = "pull-capi-e2e-conformance";

function buildDir(pull: number, build: number): string {
  return `pr-logs/pull/${OWNER}_${REPO}/${pull}/${JOB}/${build}`;
}

/** A failed Prow build of the job on pull request `pull`, failing with the Cluster API incident's error. */
function mockBuild(pull: number, build: number, sha = `sha-${build}`): nock.Scope {
  const dir = buildDir(pull, build);
  return nock(GCS)
    .get(`/${PROW_BUCKET}/${dir}/started.json`)
    .reply(200, { timestamp: 1738881000 + build })
    .get(`/${PROW_BUCKET}/${dir}/finished.json`)
    .reply(200, { timestamp: 1738882000 + build, passed: false, result: "FAILURE" })
    .get(`/${PROW_BUCKET}/${dir}/prowjob.json`)
    .reply(200, { spec: { job: JOB, type: "presubmit", refs: { org: OWNER, repo: REPO, base_ref: "main", pulls: [{ number: pull, sha }] } }, status: { state: "failure" } })
    .get(`/storage/v1/b/${PROW_BUCKET}/o`)
    .query((q) => q["prefix"] === `${dir}/` && q["delimiter"] === "/")
    .reply(200, { items: [{ name: `${dir}/build-log.txt`, size: "300" }] })
    .get(`/storage/v1/b/${PROW_BUCKET}/o`)
    .query((q) => q["prefix"] === `${dir}/artifacts/`)
    .reply(200, { items: [] })
    .get(`/${PROW_BUCKET}/${dir}/build-log.txt`)
    // Another node's timestamp and pid each time: the fingerprint ignores them.
    .reply(200, `+ make test-e2e\n${HEADLINE.replace("22:52:48.682710       1", `22:5${build % 10}:00.000001       ${build}`)}\n`);
}

function ciBotReport(issue: number, pull: number, build: number) {
  const url = `https://prow.k8s.io/view/gs/${PROW_BUCKET}/${buildDir(pull, build)}`;
  return payload("issue_comment", "created", (p) => {
    p.issue.number = issue;
    p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/${issue}` };
    p.comment.user = { ...p.comment.user, login: "k8s-ci-robot", type: "User" };
    p.comment.body = [
      "@Codertocat: The following test **failed**, say `/retest` to rerun all failed tests:",
      "",
      "Test name | Commit | Details | Required | Rerun command",
      "--- | --- | --- | --- | ---",
      `${JOB} | sha-${build} | [link](${url}) | true | \`/test ${JOB}\``,
    ].join("\n");
  });
}

/** Expects one new report comment (and the labels) on issue `issue`; returns the posted bodies. */
function expectComment(issue: number): string[] {
  const bodies: string[] = [];
  nock(API)
    .get(`${REPO_PATH}/issues/${issue}/comments`)
    .query(true)
    .reply(200, [])
    .post(`${REPO_PATH}/issues/${issue}/comments`, (b: { body: string }) => {
      bodies.push(b.body);
      return true;
    })
    .reply(201, { id: 555 })
    .get(`${REPO_PATH}/issues/${issue}/labels`)
    .query(true)
    .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }])
    .get(`${REPO_PATH}/issues/${issue}/events`)
    .query(true)
    .reply(200, []);
  return bodies;
}

async function triage(app: Awaited<ReturnType<typeof createTestApp>>, issue: number, pull: number, build: number): Promise<string> {
  mockNoConfig();
  mockBuild(pull, build);
  const bodies = expectComment(issue);
  await app.probot.receive({ id: `d-${build}`, name: "issue_comment", payload: ciBotReport(issue, pull, build) });
  await app.settle();
  expect(bodies).toHaveLength(1);
  return bodies[0]!;
}

beforeEach(() => {
  nock.disableNetConnect();
  mockToken();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

forEachBackend("recurrence in the posted comment", (backend) => {
  it("says new on the first sighting, then recurring across pull requests with the other PR, its links and counts", async () => {
    const b = backend().fresh();
    const history = new History(() => b.open(), { description: b.name });
    try {
      const app = await createTestApp({ history });
      const first = await triage(app, 1, 1, 1001);
      expect(first).toContain("**History: new** — first sighting: no earlier run in the history had it.");
      expect(first).toContain("Seen once in the last 7 days in 1 job and 1 pull request.");

      const second = await triage(app, 2, 2, 1002);
      expect(second).toContain("**History: recurring across pull requests** — also seen in 1 other pull request: the environment, not this change.");
      expect(second).toContain("Seen 2 times in the last 7 days in 1 job and 2 pull requests.");
      if (process.env["SHOW"]) console.log(second);
      // Link to the other PR's build; "#" before digits broken so that GitHub does not cross-reference.
      expect(second).toContain(`Other pull requests: [${JOB} #\u200b1001 (Codertocat/Hello-World#\u200b1)](https://prow.k8s.io/view/gs/${PROW_BUCKET}/${buildDir(1, 1001)}).`);
      expect(second).toMatch(/First seen \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC in \[pull-capi-e2e-conformance #\u200b1001/);
      // Prow reads commands at the start of any line.
      expect(second.split("\n").some((l) => l.trimStart().startsWith("/"))).toBe(false);
    } finally {
      await history.close();
    }
  });
});

forEachBackend("retention: a triage prunes what is past it", (backend) => {
  const DAY = 86_400_000;
  const old = (key: string, repository: string, ageDays: number) => ({
    source: "prow" as const,
    key,
    job: JOB,
    repository,
    result: "failure",
    logs: [],
    hints: [],
    findings: [{ fingerprint: "0123456789abcdef", signature: "k8s-compat-mincompat-out-of-range", verdict: "cause", message: "minCompatibilityVersion version v1.30 is not between [v1.31, v1.31]", versions: {} }],
    recordedAt: Date.now() - ageDays * DAY,
  });
  const keys = async (b: ReturnType<typeof backend>) => {
    const store = await b.open();
    try {
      return (await store.runsOfJob(JOB, 100)).map((r) => r.key).sort();
    } finally {
      await store.close();
    }
  };

  it("runs older than the server's 90 days go at the first triage; recent ones stay", async () => {
    const b = backend().fresh();
    const seed = await b.open();
    await seed.record(old("prow:old-100d", `${OWNER}/${REPO}`, 100));
    await seed.record(old("prow:other-91d", "other/repo", 91));
    await seed.record(old("prow:recent-89d", `${OWNER}/${REPO}`, 89));
    await seed.close();
    const history = new History(() => b.open(), { description: b.name });
    try {
      const app = await createTestApp({ history });
      await triage(app, 1, 1, 5001);
      expect(await keys(b)).toEqual([`prow:${PROW_BUCKET}/${buildDir(1, 5001)}`, "prow:recent-89d"]);
    } finally {
      await history.close();
    }
  });

  it("a repository's shorter history.retentionDays prunes its own runs only", async () => {
    const b = backend().fresh();
    const seed = await b.open();
    await seed.record(old("prow:mine-40d", `${OWNER}/${REPO}`, 40));
    await seed.record(old("prow:mine-20d", `${OWNER}/${REPO}`, 20));
    await seed.record(old("prow:other-40d", "other/repo", 40));
    await seed.close();
    const history = new History(() => b.open(), { description: b.name });
    try {
      const app = await createTestApp({ history });
      mockConfig("history:\n  retentionDays: 30\n");
      mockBuild(1, 5002);
      const bodies = expectComment(1);
      await app.probot.receive({ id: "d-retention", name: "issue_comment", payload: ciBotReport(1, 1, 5002) });
      await app.settle();
      expect(bodies).toHaveLength(1);
      expect(await keys(b)).toEqual([`prow:${PROW_BUCKET}/${buildDir(1, 5002)}`, "prow:mine-20d", "prow:other-40d"]);
    } finally {
      await history.close();
    }
  });
});

describe("Prow's crier edits its failure report after a rerun", () => {
  it("a job that left the table passed on rerun: recorded, and its section says intermittent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skewbot-crier-"));
    const history = new History(() => openSqliteStore({ path: join(dir, "h.sqlite") }), { description: "SQLite" });
    try {
      const app = await createTestApp({ history });
      const created = ciBotReport(1, 1, 4001);
      const first = await triage(app, 1, 1, 4001);
      expect(first).toContain("**History: new**");

      mockNoConfig();
      mockBuild(1, 4001);
      const bodies = expectComment(1);
      const edited = payload("issue_comment", "edited", (p) => {
        p.issue = created.issue;
        p.comment = { ...created.comment, body: "@Codertocat: The following tests **failed**, say `/retest` to rerun all failed tests:\n\nTest name | Commit | Details | Required | Rerun command\n--- | --- | --- | --- | ---\n" };
        p.changes = { body: { from: created.comment.body } };
      });
      await app.probot.receive({ id: "e-1", name: "issue_comment", payload: edited });
      await app.settle();
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toContain("**History: intermittent** — the same job passed at the same commit");
      expect(bodies[0]).toMatch(/Passed on rerun at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: pull-capi-e2e-conformance \(Codertocat\/Hello-World#\u200b1\) — intermittent\./);
    } finally {
      await history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Prow's crier deletes its failure report once every job passed on rerun", () => {
  const CI_BOT = { login: "k8s-ci-robot", id: 20407524, node_id: "MDQ6VXNlcjIwNDA3NTI0", type: "User" };
  const deleted = (created: ReturnType<typeof ciBotReport>, sender: Record<string, unknown>, body?: string) =>
    payload("issue_comment", "deleted", (p) => {
      p.issue = created.issue;
      p.comment = { ...created.comment, ...(body !== undefined ? { body } : {}) };
      p.sender = { ...p.sender, ...sender };
    });
  const passesRecorded = async (history: History) =>
    (await (await history.open()).runsOfJob(JOB, 20)).filter((r) => r.result === "success").map((r) => r.key);

  it("by the CI bot: the jobs its table listed passed on rerun, recorded, and the section says intermittent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skewbot-crier-delete-"));
    const history = new History(() => openSqliteStore({ path: join(dir, "h.sqlite") }), { description: "SQLite" });
    try {
      const app = await createTestApp({ history });
      const created = ciBotReport(1, 1, 6001);
      expect(await triage(app, 1, 1, 6001)).toContain("**History: new**");

      mockNoConfig();
      mockBuild(1, 6001);
      const bodies = expectComment(1);
      await app.probot.receive({ id: "del-1", name: "issue_comment", payload: deleted(created, CI_BOT) });
      await app.settle();
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toContain("**History: intermittent** — the same job passed at the same commit");
      expect(bodies[0]).toMatch(/Passed on rerun at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: pull-capi-e2e-conformance \(Codertocat\/Hello-World#\u200b1\) — intermittent\./);
      expect(await passesRecorded(history)).toHaveLength(1);
    } finally {
      await history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with the store unavailable: logged, nothing posted, the delivery does not fail", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skewbot-crier-delete-corrupt-"));
    const path = join(dir, "h.sqlite");
    writeFileSync(path, "not a database\n".repeat(200));
    const history = new History(() => openSqliteStore({ path }), { description: "SQLite" });
    try {
      const app = await createTestApp({ history });
      mockNoConfig();
      await app.probot.receive({ id: "del-corrupt", name: "issue_comment", payload: deleted(ciBotReport(1, 1, 6003), CI_BOT) });
      await app.settle();
      expect(app.logs.some((l) => l["msg"] === "history store unavailable: a passing rerun was not recorded" && l["level"] === 40)).toBe(true);
      expect(app.logs.filter((l) => (l["level"] as number) >= 50)).toEqual([]);
    } finally {
      await history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("by a person, or of a comment that is not a failure report: nothing is recorded or posted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skewbot-crier-delete-human-"));
    const history = new History(() => openSqliteStore({ path: join(dir, "h.sqlite") }), { description: "SQLite" });
    try {
      const app = await createTestApp({ history });
      const created = ciBotReport(1, 1, 6002);
      await triage(app, 1, 1, 6002);
      // No mocks: any call to GitHub or storage would fail the delivery (nock refuses it) and be logged.
      nock.cleanAll();
      mockToken();
      const errorsBefore = app.logs.filter((l) => (l["level"] as number) >= 50).length;
      await app.probot.receive({ id: "del-human", name: "issue_comment", payload: deleted(created, { login: "a-maintainer", id: 99, type: "User" }) });
      await app.probot.receive({ id: "del-other", name: "issue_comment", payload: deleted(created, CI_BOT, "[APPROVALNOTIFIER] This PR is **APPROVED**") });
      await app.settle();
      expect(await passesRecorded(history)).toEqual([]);
      expect(app.logs.filter((l) => (l["level"] as number) >= 50).length).toBe(errorsBefore);
    } finally {
      await history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a failed Actions job that passes on rerun", () => {
  const LOGS = "https://productionresultssa3.blob.core.windows.net";
  const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
  const job = (id: number, conclusion: string) => ({
    id,
    run_id: 900,
    name: "e2e (v1.31)",
    workflow_name: "CI",
    head_sha: SHA,
    head_branch: "feature",
    status: "completed",
    conclusion,
    started_at: "2026-11-30T10:00:00Z",
    completed_at: "2026-11-30T10:30:00Z",
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/900/job/${id}`,
    steps: [],
  });
  const checkRun = (id: number, conclusion: string) =>
    payload("check_run", "completed", (q) => {
      q.check_run.conclusion = conclusion;
      q.check_run.name = "e2e (v1.31)";
      q.check_run.head_sha = SHA;
      q.check_run.details_url = `https://github.com/${OWNER}/${REPO}/actions/runs/900/job/${id}`;
      q.check_run.pull_requests = [{ number: 1, head: { sha: SHA }, base: { repo: { id: q.repository.id } } }];
    });
  const mockFailedJobLog = () => {
    nock(API).get(`${REPO_PATH}/actions/jobs/501`).reply(200, job(501, "failure"));
    nock(API).get(`${REPO_PATH}/actions/jobs/501/logs`).reply(302, "", { location: `${LOGS}/actions-results/501/job-logs.txt?sig=abc` });
    nock(LOGS).get("/actions-results/501/job-logs.txt").query(true).reply(200, `2026-11-30T10:05:00.0000000Z ${HEADLINE}\n`);
  };

  it("records the pass and updates the failure's report: passed on rerun, intermittent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skewbot-rerun-"));
    const history = new History(() => openSqliteStore({ path: join(dir, "h.sqlite") }), { description: "SQLite" });
    try {
      const app = await createTestApp({ history });
      mockNoConfig();
      mockFailedJobLog();
      const first = expectComment(1);
      await app.probot.receive({ id: "c-1", name: "check_run", payload: checkRun(501, "failure") });
      await app.settle();
      expect(first[0]).toContain("**History: new**");

      // Any other green check: no API call at all (nock would refuse one).
      await app.probot.receive({ id: "c-0", name: "check_run", payload: { ...checkRun(777, "success"), check_run: { ...checkRun(777, "success").check_run, name: "lint" } } });
      await app.settle();

      mockNoConfig();
      nock(API).get(`${REPO_PATH}/actions/jobs/502`).reply(200, job(502, "success"));
      mockFailedJobLog();
      const second = expectComment(1);
      await app.probot.receive({ id: "c-2", name: "check_run", payload: checkRun(502, "success") });
      await app.settle();
      expect(second).toHaveLength(1);
      expect(second[0]).toContain("**History: intermittent** — the same job passed at the same commit: the failure does not follow from the change alone.");
      expect(second[0]).toMatch(/Passed on rerun at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: \[CI \/ e2e \(v1\.31\) #\u200b?900/);
      expect(nock.pendingMocks().filter((m) => !m.endsWith("/events"))).toEqual([]);
    } finally {
      await history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

forEachBackend("history fault: a store another process holds locked", (backend) => {
  it("the triage waits its bounded time, then posts without history, says so and logs it", async () => {
    const b = backend().fresh();
    await (await b.open()).close(); // migrated: the lock then bites on the first write
    const release = await b.holdLock();
    const history = new History(() => b.open({ waitMs: 300 }), { description: b.name === "PostgreSQL" ? "PostgreSQL" : "SQLite" });
    try {
      const app = await createTestApp({ history });
      const body = await triage(app, 1, 1, 2002);
      expect(body).toContain("Minimum compatibility version out of range");
      expect(body).toMatch(b.name === "PostgreSQL" ? /_History unavailable \(PostgreSQL: canceling statement due to statement timeout\)/ : /_History unavailable \(SQLite: database is locked\)/);
      expect(body).not.toContain("**History:");
      expect(app.logs.some((l) => l["msg"] === "history store unavailable: reporting without history" && l["level"] === 40)).toBe(true);
    } finally {
      await release();
      await history.close();
    }
  });
});

describe("history faults: the triage still posts, says so, and logs it", () => {
  const dir = mkdtempSync(join(tmpdir(), "skewbot-history-faults-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a corrupt SQLite file", async () => {
    const path = join(dir, "corrupt.sqlite");
    writeFileSync(path, "this is not a database, just some bytes\n".repeat(200));
    const history = new History(() => openSqliteStore({ path }), { description: "SQLite" });
    const app = await createTestApp({ history });
    const body = await triage(app, 1, 1, 2001);
    expect(body).toContain("Minimum compatibility version out of range");
    expect(body).toMatch(/_History unavailable \(SQLite: file is not a database\): this report cannot say whether the failure was seen before\._/);
    expect(body).not.toContain("**History:");
    expect(app.logs.some((l) => l["msg"] === "history store unavailable: reporting without history" && l["level"] === 40)).toBe(true);
    await history.close();
  });

  it("a PostgreSQL server that does not answer", async () => {
    const history = new History(() => openPostgresStore({ connectionString: "postgres://postgres@127.0.0.1:1/test", connectTimeoutMs: 1000 }), { description: "PostgreSQL" });
    const app = await createTestApp({ history });
    const body = await triage(app, 1, 1, 2003);
    expect(body).toContain("Minimum compatibility version out of range");
    expect(body).toMatch(/_History unavailable \(PostgreSQL: connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    await history.close();
  });

  it("history off in .github/skewbot.yml: no history line and nothing recorded; dry run still records", async () => {
    const path = join(dir, "config.sqlite");
    const history = new History(() => openSqliteStore({ path }), { description: "SQLite" });
    const app = await createTestApp({ history });
    mockConfig("history:\n  enabled: false\n");
    mockBuild(1, 3001);
    const bodies = expectComment(1);
    await app.probot.receive({ id: "d-off", name: "issue_comment", payload: ciBotReport(1, 1, 3001) });
    await app.settle();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toContain("History");
    expect(await (await history.open()).size()).toEqual({ runs: 0, findings: 0 });

    const dry = await createTestApp({ history, dryRun: true });
    mockNoConfig();
    mockBuild(1, 3002);
    await dry.probot.receive({ id: "d-dry", name: "issue_comment", payload: ciBotReport(1, 1, 3002) });
    await dry.settle();
    const logged = dry.logs.find((l) => l["msg"] === "dry run: would post this report") as { sections: string[] } | undefined;
    expect(logged?.sections.join("\n")).toContain("**History: new**");
    expect(await (await history.open()).size()).toEqual({ runs: 1, findings: 1 });
    await history.close();
  });
});
