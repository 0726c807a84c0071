import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, useTestApp, HEADLINE, mockNoConfig, mockProwBuild, payload, prowFailureComment, PROW_VIEW, REPO_PATH } from "./helpers.js";

// GitHub Actions job logs: the API answers 302 to a short-lived URL on a blob host.
const LOGS = "https://productionresultssa3.blob.core.windows.net";
const at = (s: string) => `2025-02-06T22:5${s}`;
const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

function actionsJob(id: number) {
  return {
    id,
    run_id: 30433642,
    name: "e2e (v1.31)",
    workflow_name: "CI",
    status: "completed",
    conclusion: "failure",
    html_url: `https://github.com/Codertocat/Hello-World/actions/runs/30433642/job/${id}`,
    steps: [
      { number: 1, name: "Set up job", status: "completed", conclusion: "success", started_at: at("0:00Z"), completed_at: at("0:05Z") },
      { number: 2, name: "Run make test-e2e", status: "completed", conclusion: "failure", started_at: at("0:05Z"), completed_at: at("3:00Z") },
    ],
  };
}

/** An Actions job whose log holds the headline error in step 2. */
function mockActionsJob(id: number): nock.Scope[] {
  const log = [`${at("0:01.0000000Z")} Current runner version: '2.321.0'`, `${at("0:05.1000000Z")} ##[group]Run make test-e2e`, `${at("2:10.0000000Z")} ${HEADLINE}`, `${at("2:59.0000000Z")} ##[error]Process completed with exit code 2.`].join("\n");
  return [
    nock(API).get(`${REPO_PATH}/actions/jobs/${id}`).reply(200, actionsJob(id)),
    nock(API).get(`${REPO_PATH}/actions/jobs/${id}/logs`).reply(302, "", { location: `${LOGS}/actions-results/${id}/logs/job/job-logs.txt?sig=abc` }),
    nock(LOGS, { badheaders: ["authorization"] }).get(`/actions-results/${id}/logs/job/job-logs.txt`).query(true).reply(200, log),
  ];
}

const t = useTestApp();

function expectReport(): { bodies: string[] } {
  const bodies: string[] = [];
  nock(API)
    .get(`${REPO_PATH}/issues/1/comments`)
    .query(true)
    .reply(200, [])
    .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
    .reply(201, { id: 1 })
    .get(`${REPO_PATH}/issues/1/labels`)
    .query(true)
    .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }]);
  return { bodies };
}

describe("failed workflow runs", () => {
  it("triages every failed job of the run and links the line in the job's step", async () => {
    mockNoConfig();
    nock(API)
      .get(`${REPO_PATH}/actions/runs/30433642/jobs`)
      .query(true)
      .reply(200, { total_count: 2, jobs: [actionsJob(399444496), { ...actionsJob(399444497), conclusion: "success" }] });
    const job = mockActionsJob(399444496);
    const { bodies } = expectReport();
    const p = payload("workflow_run", "completed", (q) => {
      q.workflow_run.id = 30433642;
      q.workflow_run.conclusion = "failure";
      q.workflow_run.head_sha = SHA;
      q.workflow_run.pull_requests = [{ number: 1, head: { sha: SHA }, base: { repo: { id: q.repository.id } } }];
    });
    await t.probot.receive({ id: "w-1", name: "workflow_run", payload: p });
    await t.settle();
    for (const s of job) expect(s.pendingMocks()).toEqual([]);
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
    expect(bodies[0]).toContain("/actions/runs/30433642/job/399444496#step:2:2");
  });
});

describe("/triage on a pull request", () => {
  it("finds the head commit's failed check runs, failed statuses and CI-bot failure reports itself", async () => {
    mockNoConfig();
    nock(API)
      .get(`${REPO_PATH}/collaborators/maintainer/permission`)
      .reply(200, { role_name: "triage" })
      .post(`${REPO_PATH}/issues/comments/9001/reactions`)
      .reply(201, {})
      .get(`${REPO_PATH}/pulls/1`)
      .reply(200, { number: 1, head: { sha: SHA } })
      .get(`${REPO_PATH}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, {
        total_count: 2,
        check_runs: [
          { id: 399444496, name: "e2e (v1.31)", conclusion: "failure", details_url: "https://github.com/Codertocat/Hello-World/actions/runs/30433642/job/399444496", app: { slug: "github-actions" } },
          { id: 12, name: "lint", conclusion: "success", details_url: "https://github.com/Codertocat/Hello-World/actions/runs/30433642/job/12", app: { slug: "github-actions" } },
        ],
      })
      .get(`${REPO_PATH}/commits/${SHA}/status`)
      .query(true)
      .reply(200, { state: "failure", statuses: [{ state: "failure", context: "pull-capi-e2e-conformance", target_url: PROW_VIEW }] })
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [{ id: 5, user: { login: "k8s-ci-robot", type: "User" }, body: prowFailureComment() }]);
    mockActionsJob(399444496);
    mockProwBuild();
    const { bodies } = expectReport();
    const p = payload("issue_comment", "created", (q) => {
      q.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
      q.comment.id = 9001;
      q.comment.body = "/triage";
      q.comment.user = { ...q.comment.user, login: "maintainer", type: "User" };
    });
    await t.probot.receive({ id: "p-1", name: "issue_comment", payload: p });
    await t.settle();
    // One section per job: the Actions job, and the Prow job (named by both the status and the report).
    const sections = bodies[0]!.match(/<!-- skewbot:section [0-9a-f]+ -->/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(bodies[0]).toContain("#step:2:2");
    expect(bodies[0]).toContain("pull-capi-e2e-conformance #");
  });
});
