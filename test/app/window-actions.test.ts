import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { History, openSqliteStore } from "../../src/history/index.js";
import { API, createTestApp, HEADLINE, mockNoConfig, mockToken, OWNER, payload, REPO, REPO_PATH } from "./helpers.js";

// The regression window of a failed GitHub Actions job in the app's comment: a check_run.completed
// (failure) in, the comment out, with the job's earlier runs on the branch read through the REST API
// (documented response shapes) and nothing recorded before.

const LOGS = "https://productionresultssa3.blob.core.windows.net";
const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
const WORKFLOW = 7;
const CURRENT = 900;
const EARLIEST = 860;
const FIRST_BAD = 885;
const good = (run: number) => run < FIRST_BAD;
const jobId = (run: number) => run * 10 + 1;
const jobUrl = (run: number) => `https://github.com/${OWNER}/${REPO}/actions/runs/${run}/job/${jobId(run)}`;

const job = (run: number, conclusion: string) => ({
  id: jobId(run),
  run_id: run,
  name: "e2e (v1.31)",
  workflow_name: "CI",
  head_sha: run === CURRENT ? SHA : `sha${run}`,
  head_branch: "feature",
  status: "completed",
  conclusion,
  started_at: "2026-11-30T10:00:00Z",
  completed_at: "2026-11-30T10:30:00Z",
  html_url: jobUrl(run),
  steps: [],
});

const dir = mkdtempSync(join(tmpdir(), "skewbot-app-window-actions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  nock.disableNetConnect();
  mockToken();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The Actions API of a workflow whose job e2e (v1.31) passed until run 884 and fails since 885. */
function mockActions(): { requests: string[] } {
  const requests: string[] = [];
  const runs = Array.from({ length: CURRENT - EARLIEST + 1 }, (_, i) => CURRENT - i);
  nock(API)
    .persist()
    .get(/\/actions\/jobs\/\d+$/)
    .reply((path) => {
      requests.push(path);
      const run = Math.floor(Number(/(\d+)$/.exec(path)![1]) / 10);
      return [200, job(run, run === CURRENT || !good(run) ? "failure" : "success")];
    })
    .get(/\/actions\/jobs\/\d+\/logs$/)
    .reply((path) => {
      requests.push(path);
      return [302, "", { location: `${LOGS}/actions-results/${/jobs\/(\d+)/.exec(path)![1]}/job-logs.txt?sig=abc` }];
    })
    .get(`${REPO_PATH}/actions/runs/${CURRENT}`)
    .reply(200, { id: CURRENT, workflow_id: WORKFLOW, name: "CI", head_branch: "feature", head_sha: SHA, html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${CURRENT}`, status: "completed", conclusion: "failure" })
    .get(`${REPO_PATH}/actions/workflows/${WORKFLOW}/runs`)
    .query((q) => q["branch"] === "feature" && q["status"] === "completed")
    .reply((path) => {
      requests.push(path);
      return [200, { total_count: runs.length, workflow_runs: runs.map((r) => ({ id: r, workflow_id: WORKFLOW, name: "CI", head_branch: "feature", html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${r}`, status: "completed", conclusion: r === CURRENT || !good(r) ? "failure" : "success", run_started_at: "2026-11-30T10:00:00Z" })) }];
    })
    .get(/\/actions\/runs\/\d+\/jobs$/)
    .query(true)
    .reply((path) => {
      requests.push(path);
      const run = Number(/runs\/(\d+)\/jobs/.exec(path)![1]);
      return [200, { total_count: 1, jobs: [job(run, good(run) ? "success" : "failure")] }];
    });
  nock(LOGS)
    .persist()
    .get(/\/actions-results\/\d+\/job-logs\.txt$/)
    .query(true)
    .reply((path) => {
      const run = Math.floor(Number(/results\/(\d+)\//.exec(path)![1]) / 10);
      const banner = `2026-11-30T10:04:00.0000000Z I0206 22:52:48.681002       1 server.go:150] Version: ${good(run) ? "v1.31.5" : "v1.31.6-rc.0.12+4e7b5ad1b1f1c2"}`;
      return [200, `${banner}\n${good(run) ? "2026-11-30T10:05:00.0000000Z PASS" : `2026-11-30T10:05:00.0000000Z ${HEADLINE}`}\n`];
    });
  return { requests };
}

it("a failed Actions job: last good run and first bad run of the workflow on the branch, with the version that changed", async () => {
  const history = new History(() => openSqliteStore({ path: join(dir, "h.sqlite") }), { description: "SQLite" });
  try {
    const app = await createTestApp({ history });
    mockNoConfig();
    const { requests } = mockActions();
    const bodies: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => {
        bodies.push(b.body);
        return true;
      })
      .reply(201, { id: 555 })
      .get(`${REPO_PATH}/issues/comments/555`)
      .reply(200, () => ({ id: 555, body: bodies[0], user: { login: "skewbot[bot]", type: "Bot" } }))
      .patch(`${REPO_PATH}/issues/comments/555`, (b: { body: string }) => {
        bodies.push(b.body);
        return true;
      })
      .reply(200, { id: 555 })
      .get(`${REPO_PATH}/issues/1/labels`)
      .query(true)
      .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }])
      .get(`${REPO_PATH}/issues/1/events`)
      .query(true)
      .reply(200, []);
    const check = payload("check_run", "completed", (q) => {
      q.check_run.conclusion = "failure";
      q.check_run.name = "e2e (v1.31)";
      q.check_run.head_sha = SHA;
      q.check_run.details_url = jobUrl(CURRENT);
      q.check_run.pull_requests = [{ number: 1, head: { sha: SHA }, base: { repo: { id: q.repository.id } } }];
    });
    await app.probot.receive({ id: "w-1", name: "check_run", payload: check });
    await app.settle();
    // The report is posted first; the window, which reads earlier runs, follows as an edit of that comment.
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain("**History: new**");
    expect(bodies[0]).not.toContain("Regression window");
    const body = bodies[1]!;
    if (process.env["SHOW"]) console.log(body);
    expect(body).toContain("Regression window: CI / e2e (v1.31)");
    expect(body).toContain(`Last good run ${FIRST_BAD - 1} (v1.31.5) → first bad run ${FIRST_BAD} (v1.31.6-rc.0.12+4e7b5ad1b1f1c2)`);
    expect(body).toContain("the Kubernetes build changed between them");
    expect(body).toContain("**History: new**");
    // Bounded: the jobs of at most 50 earlier runs, the logs of at most 10 (and this run's own).
    const jobListings = requests.filter((r) => /\/runs\/\d+\/jobs/.test(r));
    expect(jobListings.length).toBeLessThanOrEqual(50);
    expect(new Set(requests.filter((r) => r.endsWith("/logs"))).size).toBeLessThanOrEqual(10 + 1);
  } finally {
    await history.close();
  }
});
