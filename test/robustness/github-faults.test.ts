import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertReport, sectionKey, REPORT_MARKER } from "../../src/publish/comment.js";
import { applyLabels } from "../../src/publish/labels.js";
import { retryDelay } from "../../src/publish/github.js";
import type { GitHub } from "../../src/publish/github.js";

const API = "https://api.github.com";
const REPO = "/repos/o/r";
const thread = { owner: "o", repo: "r", issue_number: 7 };
const BOT = "skewbot[bot]";
const section = { key: sectionKey("job"), markdown: "#### job\n\nfound it" };

function client(): GitHub {
  const Octokit = ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
  return new Octokit({ auth: "ghs_test" }) as GitHub;
}

let slept: number[];
const retry = { sleep: async (ms: number) => void slept.push(ms) };

beforeEach(() => {
  nock.disableNetConnect();
  slept = [];
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("GitHub API faults while publishing", () => {
  it("retries 500/502/503 and posts exactly one comment", async () => {
    const posts: string[] = [];
    const scope = nock(API)
      .get(`${REPO}/issues/7/comments`).query(true).reply(503)
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [])
      .post(`${REPO}/issues/7/comments`).reply(500)
      .post(`${REPO}/issues/7/comments`).reply(502)
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => posts.push(b.body) > 0).reply(201, { id: 1 });
    expect(await upsertReport(client(), thread, BOT, [section], "### h", false, retry)).toBe("created");
    expect(scope.pendingMocks()).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(slept).toEqual([1000, 1000, 2000]);
  });

  it("honours Retry-After on a secondary rate limit (403) and on 429", async () => {
    const scope = nock(API)
      .get(`${REPO}/issues/7/comments`).query(true)
      .reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "3" })
      .get(`${REPO}/issues/7/comments`).query(true).reply(200, [{ id: 5, user: { login: BOT }, body: `${REPORT_MARKER}\nold` }])
      .patch(`${REPO}/issues/comments/5`).reply(429, { message: "Too Many Requests" }, { "retry-after": "7" })
      .patch(`${REPO}/issues/comments/5`).reply(200, {});
    expect(await upsertReport(client(), thread, BOT, [section], "### h", false, retry)).toBe("updated");
    expect(scope.pendingMocks()).toEqual([]);
    expect(slept).toEqual([3000, 7000]);
  });

  it("does not wait for an hour-long Retry-After, and does not retry other 4xx", async () => {
    nock(API).get(`${REPO}/issues/7/comments`).query(true).reply(429, { message: "slow down" }, { "retry-after": "3600" });
    await expect(upsertReport(client(), thread, BOT, [section], "### h", false, retry)).rejects.toMatchObject({ status: 429 });
    nock(API).get(`${REPO}/issues/7/comments`).query(true).reply(401, { message: "Bad credentials" });
    await expect(upsertReport(client(), thread, BOT, [section], "### h", false, retry)).rejects.toMatchObject({ status: 401 });
    expect(slept).toEqual([]);
  });

  it("takes a 422 on label creation (created meanwhile) as success", async () => {
    const added: string[][] = [];
    const scope = nock(API)
      .get(`${REPO}/issues/7/labels`).query(true).reply(200, [])
      .get(`${REPO}/issues/7/events`).query(true).reply(200, [])
      .get(`${REPO}/labels/kind%2Fflake`).reply(404)
      .post(`${REPO}/labels`).reply(422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] })
      .post(`${REPO}/issues/7/labels`, (b: { labels: string[] }) => added.push(b.labels) > 0).reply(200, []);
    expect(await applyLabels(client(), thread, BOT, ["kind/flake"], retry)).toEqual(["kind/flake"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(added).toEqual([["kind/flake"]]);
  });

  it("classifies what is worth retrying", () => {
    expect(retryDelay({ status: 502 }, 0)).toBe(1000);
    expect(retryDelay({ status: 403, message: "Resource not accessible by integration" }, 0)).toBeUndefined();
    expect(retryDelay({ status: 403, message: "secondary rate limit", response: { headers: {} } }, 0)).toBe(60_000);
    expect(retryDelay({ status: 404 }, 0)).toBeUndefined();
  });
});
