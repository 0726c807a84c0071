import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { payload } from "../app/payloads.js";
import { HOME, jobLog, SHA, startWorld, type World } from "./harness.js";

// D1: a triage posted in repository R reads only R's GitHub Actions logs (or those of a repository R's
// configuration links, while it is at least as open as R), whatever the trigger. Each test names a log of
// another repository the installation can read, next to one of R's own, and checks what was posted and what
// was fetched: R's job is reported, the other repository's job is refused in one line, and neither its API
// nor its log on the blob host is ever asked for.

const PRIVATE = "org/private";
const OWN_JOB = 11;
const FOREIGN_JOB = 77;
const OWN_MARKER = "own-repository-log-line";
const SECRET_MARKER = "PRIVATE-REPOSITORY-DATA-d1";

let w: World;

beforeEach(async () => {
  w = await startWorld();
  w.github.repo(HOME).pulls.set(1, { head: { sha: SHA } });
  w.addJob(HOME, OWN_JOB, jobLog(OWN_MARKER));
  w.addJob(PRIVATE, FOREIGN_JOB, jobLog(SECRET_MARKER), { runId: 5 });
});

afterEach(async () => {
  await w.close();
});

/** Nothing of the other repository was read: not its job through the API, not its log on the blob host. */
function expectNothingReadOf(repository: string): void {
  expect(w.apiRequests().filter((r) => r.includes(`/repos/${repository}/`))).toEqual([]);
  expect(w.blob.requests.filter((r) => r.includes(`/${repository}/`))).toEqual([]);
}

function expectOwnJobRead(): void {
  expect(w.blob.requests).toContain(`GET /actions-results/${HOME}/${OWN_JOB}/job-logs.txt`);
}

/** The one comment: R's job reported, the other repository's refused with its reason, nothing of its log. */
function expectReportWithRefusal(issue: number): string {
  const comments = w.comments(issue);
  expect(comments).toHaveLength(1);
  const body = comments[0]!.body;
  expect(body).not.toContain(SECRET_MARKER);
  expect(body).not.toMatch(/org\/private · /);
  const refusal = body.split("\n").filter((l) => l.startsWith("- ") && l.includes("org/private"));
  expect(refusal.length).toBeGreaterThanOrEqual(1);
  for (const line of refusal) expect(line).toMatch(/not read: a GitHub Actions log of org\/private, not of Codertocat\/Hello-World/);
  return body;
}

function seedReport(issue: number): void {
  const at = "2025-02-06T23:00:00Z";
  w.github.repo(HOME).comments.set(issue, [{ id: 1, body: "<!-- skewbot:report -->\n\n### skewbot: version-skew triage\n", user: { login: "skewbot[bot]", type: "Bot" }, created_at: at, updated_at: at }]);
}

const ownUrl = `https://github.com/${HOME}/actions/runs/30433642/job/${OWN_JOB}`;
const foreignUrl = `https://github.com/${PRIVATE}/actions/runs/5/job/${FOREIGN_JOB}`;

describe("repository boundary for logs (D1)", () => {
  it("/triage by the issue's author, not a collaborator: refuses another repository's job in both spellings", async () => {
    const p = payload("issue_comment", "created", (q) => {
      q.comment.body = `/triage github:${PRIVATE}/job/${FOREIGN_JOB} ${foreignUrl} github:${HOME}/job/${OWN_JOB}`;
      q.comment.user = { ...q.issue.user };
    });
    await w.receive("issue_comment", p);
    const body = expectReportWithRefusal(p.issue.number);
    expect(body).toContain(OWN_MARKER);
    // The two spellings name one job (one canonical reference), refused in one line; neither is read.
    expect(body.split("\n").filter((l) => l.startsWith("- ") && l.includes("org/private"))).toHaveLength(1);
    expectNothingReadOf(PRIVATE);
    expectOwnJobRead();
  });

  it("issues.opened: a job link of another repository in the body is refused, the repository's own is read", async () => {
    const p = payload("issues", "opened", (q) => {
      q.issue.body = `CI fails:\n\n${foreignUrl}\n${ownUrl}\n`;
    });
    await w.receive("issues", p);
    expectReportWithRefusal(p.issue.number);
    expectNothingReadOf(PRIVATE);
    expectOwnJobRead();
  });

  it("a CI bot's failure report that links another repository's job", async () => {
    const table = (url: string, name: string) => `${name} | ${SHA.slice(0, 10)} | [link](${url}) | true | \`/test ${name}\``;
    const p = payload("issue_comment", "created", (q) => {
      q.comment.user = { ...q.comment.user, login: "k8s-ci-robot", type: "User" };
      q.comment.body = ["@Codertocat: The following tests **failed**, say `/retest` to rerun all failed tests:", "", "Test name | Commit | Details | Required | Rerun command", "--- | --- | --- | --- | ---", table(foreignUrl, "e2e-a"), table(ownUrl, "e2e-b"), "", "<!-- test report -->"].join("\n");
    });
    await w.receive("issue_comment", p);
    expectReportWithRefusal(p.issue.number);
    expectNothingReadOf(PRIVATE);
    expectOwnJobRead();
  });

  it("check_run.completed whose details point at another repository's job", async () => {
    seedReport(1);
    const p = payload("check_run", "completed", (q) => {
      q.check_run.conclusion = "failure";
      q.check_run.head_sha = SHA;
      q.check_run.details_url = foreignUrl;
      q.check_run.pull_requests = [{ number: 1, head: { sha: SHA }, base: { repo: { id: q.repository.id } } }];
    });
    await w.receive("check_run", p);
    expectReportWithRefusal(1);
    expectNothingReadOf(PRIVATE);
  });

  it("a failed commit status whose target is another repository's job", async () => {
    seedReport(1);
    const p = payload("status", undefined, (q) => {
      q.state = "failure";
      q.sha = SHA;
      q.target_url = foreignUrl;
    });
    await w.receive("status", p);
    expectReportWithRefusal(1);
    expectNothingReadOf(PRIVATE);
  });

  it("workflow_run.completed reads the repository's own failed jobs (the boundary lets them through)", async () => {
    const p = payload("workflow_run", "completed", (q) => {
      q.workflow_run.id = 30433642;
      q.workflow_run.conclusion = "failure";
      q.workflow_run.head_sha = SHA;
      q.workflow_run.pull_requests = [{ number: 1, head: { sha: SHA }, base: { repo: { id: q.repository.id } } }];
    });
    await w.receive("workflow_run", p);
    const comments = w.comments(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(OWN_MARKER);
    expectOwnJobRead();
  });
});

describe("linkedRepositories", () => {
  /** `/triage` in a repository of the given visibility, linking org/private, whose visibility is `linked`. */
  async function triageLinked(home: "public" | "internal" | "private", linked: "public" | "internal" | "private" | undefined): Promise<string> {
    w.github.repo(HOME).config = `linkedRepositories: [${PRIVATE}]\n`;
    if (linked) w.github.repo(PRIVATE).visibility = linked;
    const p = payload("issue_comment", "created", (q) => {
      q.repository.private = home !== "public";
      q.repository.visibility = home;
      q.comment.body = `/triage ${foreignUrl} github:${PRIVATE}/run/5`;
      q.comment.user = { ...q.issue.user };
    });
    await w.receive("issue_comment", p);
    const comments = w.comments(p.issue.number);
    expect(comments).toHaveLength(1);
    return comments[0]!.body;
  }

  it("reads a linked repository that is as open as this one, looking its visibility up once", async () => {
    const body = await triageLinked("public", "public");
    expect(body).toContain(SECRET_MARKER);
    expect(w.apiRequests().filter((r) => r === `GET /repos/${PRIVATE}`)).toHaveLength(1);
    expect(w.blob.requests).toContain(`GET /actions-results/${PRIVATE}/${FOREIGN_JOB}/job-logs.txt`);
  });

  it("reads a linked internal repository from a private one", async () => {
    const body = await triageLinked("private", "internal");
    expect(body).toContain(SECRET_MARKER);
  });

  it("refuses a linked repository that is less open than this one", async () => {
    const body = await triageLinked("public", "private");
    expect(body).not.toContain(SECRET_MARKER);
    expect(body).toMatch(/not read: a GitHub Actions log of org\/private, which is private, while Codertocat\/Hello-World is public/);
    expectNothingReadOf(PRIVATE);
  });

  it("refuses an internal linked repository from a public one", async () => {
    const body = await triageLinked("public", "internal");
    expect(body).toMatch(/which is internal, while Codertocat\/Hello-World is public/);
    expectNothingReadOf(PRIVATE);
  });

  it("takes a repository whose payload does not say how open it is as public", async () => {
    w.github.repo(HOME).config = `linkedRepositories: [${PRIVATE}]\n`;
    w.github.repo(PRIVATE).visibility = "internal";
    const p = payload("issue_comment", "created", (q) => {
      delete q.repository.private;
      delete q.repository.visibility;
      q.comment.body = `/triage ${foreignUrl}`;
      q.comment.user = { ...q.issue.user };
    });
    await w.receive("issue_comment", p);
    const body = w.comments(p.issue.number)[0]!.body;
    expect(body).toMatch(/which is internal, while Codertocat\/Hello-World is public/);
    expectNothingReadOf(PRIVATE);
  });

  it("refuses a linked repository whose visibility cannot be looked up", async () => {
    const body = await triageLinked("private", undefined);
    expect(body).not.toContain(SECRET_MARKER);
    expect(body).toMatch(/its visibility could not be looked up/);
    expectNothingReadOf(PRIVATE);
    expect(w.apiRequests()).toContain(`GET /repos/${PRIVATE}`);
  });
});
