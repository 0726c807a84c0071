import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, createTestApp, useTestApp, GCS, payload, PROW_BUCKET, PROW_DIR, PROW_VIEW, REPO_PATH, HEADLINE } from "../app/helpers.js";

const t = useTestApp();

describe("malformed deliveries", () => {
  it.each([
    ["issue_comment", (p: Record<string, unknown>) => delete p["comment"]],
    ["issue_comment", (p: { comment: { id: unknown } }) => (p.comment.id = "not-a-number")],
    ["issue_comment", (p: { issue: { number: unknown } }) => (p.issue.number = null)],
    ["issues", (p: { issue: { body: unknown } }) => (p.issue.body = { html: "<b>" })],
    ["check_run", (p: { check_run: { pull_requests: unknown } }) => (p.check_run.pull_requests = "all")],
    ["status", (p: Record<string, unknown>) => delete p["sha"]],
  ] as const)("%s: a delivery with a missing or mistyped field is ignored with a log line", async (event, spoil) => {
    const action = event === "issue_comment" ? "created" : event === "issues" ? "opened" : event === "check_run" ? "completed" : undefined;
    const p = payload(event, action, (q) => {
      if (event === "check_run") q.check_run.conclusion = "failure";
      if (event === "status") q.state = "failure";
      spoil(q);
    });
    await t.probot.receive({ id: `bad-${event}`, name: event, payload: p });
    const line = t.logs.find((l) => l["msg"] === "ignoring a malformed delivery");
    expect(line).toMatchObject({ delivery: `bad-${event}`, event });
    expect((line!["problems"] as string[]).length).toBeGreaterThan(0);
    // Nothing was asked of GitHub: the token exchange was never needed.
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });

  it("ignores actions it does not handle without a single API call", async () => {
    await t.probot.receive({ id: "u-1", name: "issue_comment", payload: payload("issue_comment", "deleted", () => undefined) });
    await t.probot.receive({ id: "u-2", name: "issues", payload: payload("issues", "labeled", () => undefined) });
    await t.probot.receive({ id: "u-3", name: "check_run", payload: payload("check_run", "rerequested", () => undefined) });
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });
});

describe("an editing war on an issue", () => {
  it("a burst of thirty edits costs one triage, of the final text", async () => {
    const slow = await createTestApp({ editQuietMs: 500 });
    nock(API).get(/\/contents\/\.github%2Fskewbot\.yml$/).reply(404).persist();
    let builds = 0;
    nock(GCS)
      .get(/\/(started|finished|prowjob)\.json$/)
      .delay(50)
      .reply((uri) => {
        if (uri.endsWith("started.json")) builds++;
        return [200, uri.endsWith("finished.json") ? { result: "FAILURE" } : {}];
      })
      .persist()
      .get(`/storage/v1/b/${PROW_BUCKET}/o`)
      .query(true)
      .reply(200, { items: [{ name: `${PROW_DIR}/build-log.txt`, size: "200" }] })
      .persist()
      .get(`/${PROW_BUCKET}/${PROW_DIR}/build-log.txt`)
      .reply(200, `${HEADLINE}\n`)
      .persist();
    const bodies: string[] = [];
    let commentId: number | undefined;
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(() => [200, commentId ? [{ id: commentId, user: { login: "skewbot[bot]" }, body: bodies.at(-1) }] : []])
      .persist()
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(() => [201, { id: (commentId = 77) }])
      .persist()
      .patch(`${REPO_PATH}/issues/comments/77`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(200, {})
      .persist()
      .get(`${REPO_PATH}/issues/1/labels`)
      .query(true)
      .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }])
      .persist();

    for (let i = 1; i <= 30; i++) {
      const p = payload("issues", i === 1 ? "opened" : "edited", (q) => {
        q.issue.body = `Failing since today (edit ${i}): ${PROW_VIEW}`;
        if (i > 1) q.changes = { body: { from: `edit ${i - 1}` } };
      });
      await slow.probot.receive({ id: `edit-${i}`, name: "issues", payload: p });
    }
    await slow.settle();
    expect(builds).toBe(1);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });
});
