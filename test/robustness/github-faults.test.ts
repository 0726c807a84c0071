import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { octokitPort, skewbotOctokit, type GitHub } from "../../src/github/octokit.js";
import type { GitHubPort } from "../../src/github/port.js";
import { OwnComments, REPORT_MARKER, sectionKey, upsertReport } from "../../src/publish/comment.js";
import { applyLabels } from "../../src/publish/labels.js";

// The one retry policy (Probot's throttling and retry plugins, configured in src/github/octokit.ts), seen
// through the port that publish uses. One "second" of Retry-After or backoff is 1 ms here.

const API = "https://api.github.com";
const REPO = "/repos/o/r";
const thread = { owner: "o", repo: "r", issue_number: 7 };
const BOT = "skewbot[bot]";
const section = { key: sectionKey("job"), markdown: "#### job\n\nfound it" };

let limits: { retryAfter: number; retry: boolean }[];

function port(): GitHubPort {
  const Octokit = skewbotOctokit({ retries: 3, maxWaitSeconds: 120, msPerSecond: 1 });
  const log = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (obj: unknown) => {
      const limit = obj as { retryAfter?: number; retry?: boolean } | undefined;
      if (limit?.retryAfter !== undefined) limits.push({ retryAfter: limit.retryAfter, retry: limit.retry === true });
    },
  };
  return octokitPort(new Octokit({ auth: "ghs_test", log }) as GitHub, { botLogin: async () => BOT });
}

beforeEach(() => {
  nock.disableNetConnect();
  limits = [];
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("GitHub API faults while publishing", () => {
  it("retries 5xx on reads; a create that failed is tried again only after listing shows it did not land", async () => {
    const posts: string[] = [];
    const scope = nock(API)
      .get(`${REPO}/issues/7/comments`).query(true).reply(503)
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [])
      .post(`${REPO}/issues/7/comments`).reply(500)
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [])
      .post(`${REPO}/issues/7/comments`).reply(502)
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [])
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => posts.push(b.body) > 0).reply(201, { id: 1, user: { login: BOT }, body: "x" });
    expect(await upsertReport(port(), thread, [section], "### h")).toBe("created");
    expect(scope.pendingMocks()).toEqual([]);
    expect(posts).toHaveLength(1);
  });

  it("a comment GitHub stored but whose answer was lost (502) is not posted a second time", async () => {
    const posts: string[] = [];
    nock(API)
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [])
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => posts.push(b.body) > 0).reply(502, { message: "Bad Gateway" })
      // GitHub had stored it: the listing after the failure shows it.
      .get(`${REPO}/issues/7/comments`).query(true).reply(() => [200, [{ id: 41, user: { login: BOT, type: "Bot" }, body: posts[0] }]]);
    const own = new OwnComments();
    expect(await upsertReport(port(), thread, [section], "### h", false, own)).toBe("created");
    expect(posts).toHaveLength(1);
    expect(await own.get(thread)).toBe(41);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("honours Retry-After on a secondary rate limit (403) and on 429", async () => {
    const scope = nock(API)
      .get(`${REPO}/issues/7/comments`).query(true)
      .reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "3" })
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [{ id: 5, user: { login: BOT }, body: `${REPORT_MARKER}\nold` }])
      .patch(`${REPO}/issues/comments/5`).reply(429, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "7" })
      .patch(`${REPO}/issues/comments/5`).reply(200, {});
    expect(await upsertReport(port(), thread, [section], "### h")).toBe("updated");
    expect(scope.pendingMocks()).toEqual([]);
    expect(limits).toEqual([{ retryAfter: 3, retry: true }, { retryAfter: 7, retry: true }]);
  });

  it("retries a secondary rate limit a bounded number of times, then fails", async () => {
    let calls = 0;
    nock(API)
      .get(`${REPO}/issues/7/comments`).query(true)
      .times(10)
      .reply(() => [++calls && 403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "1" }]);
    await expect(upsertReport(port(), thread, [section], "### h")).rejects.toMatchObject({ status: 403 });
    // One try and three retries: never the ~16 of retries stacked on retries.
    expect(calls).toBe(4);
    expect(limits.map((l) => l.retry)).toEqual([true, true, true, false]);
  });

  it("does not wait for an hour-long Retry-After, and does not retry other 4xx", async () => {
    nock(API).get(`${REPO}/issues/7/comments`).query(true).reply(429, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "3600" });
    await expect(upsertReport(port(), thread, [section], "### h")).rejects.toMatchObject({ status: 429 });
    nock(API).get(`${REPO}/issues/7/comments`).query(true).reply(401, { message: "Bad credentials" });
    await expect(upsertReport(port(), thread, [section], "### h")).rejects.toMatchObject({ status: 401 });
    nock(API).get(`${REPO}/issues/7/comments`).query(true).reply(403, { message: "Resource not accessible by integration" });
    await expect(upsertReport(port(), thread, [section], "### h")).rejects.toMatchObject({ status: 403 });
    expect(limits).toEqual([{ retryAfter: 3600, retry: false }]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("takes a 422 on label creation (created meanwhile) as success", async () => {
    const added: string[][] = [];
    const scope = nock(API)
      .get(`${REPO}/issues/7/labels`).query(true).reply(200, [])
      .get(`${REPO}/issues/7/events`).query(true).reply(200, [])
      .get(`${REPO}/labels/kind%2Fflake`).reply(404)
      .post(`${REPO}/labels`).reply(422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] })
      .post(`${REPO}/issues/7/labels`, (b: { labels: string[] }) => added.push(b.labels) > 0).reply(200, []);
    expect(await applyLabels(port(), thread, ["kind/flake"])).toEqual(["kind/flake"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(added).toEqual([["kind/flake"]]);
  });

  it("labels anyway when the issue's events are gone (410)", async () => {
    const added: string[][] = [];
    const scope = nock(API)
      .get(`${REPO}/issues/7/labels`).query(true).reply(200, [])
      .get(`${REPO}/issues/7/events`).query(true).reply(410, { message: "Gone" })
      .get(`${REPO}/labels/kind%2Fflake`).reply(200, { name: "kind/flake" })
      .post(`${REPO}/issues/7/labels`, (b: { labels: string[] }) => added.push(b.labels) > 0).reply(200, []);
    expect(await applyLabels(port(), thread, ["kind/flake"])).toEqual(["kind/flake"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(added).toEqual([["kind/flake"]]);
  });

  it("a remembered comment that was deleted (404) makes it list the thread again", async () => {
    const own = new OwnComments();
    own.set(thread, 5);
    const posts: string[] = [];
    const scope = nock(API)
      .get(`${REPO}/issues/comments/5`).reply(404, { message: "Not Found" })
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [{ id: 9, user: { login: BOT }, body: `${REPORT_MARKER}\nolder copy` }])
      .patch(`${REPO}/issues/comments/9`, (b: { body: string }) => posts.push(b.body) > 0).reply(200, {});
    expect(await upsertReport(port(), thread, [section], "### h", false, own)).toBe("updated");
    expect(scope.pendingMocks()).toEqual([]);
    expect(await own.get(thread)).toBe(9);
  });
});
