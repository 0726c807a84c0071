import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, BOT, HEADLINE, mockConfig, mockNoConfig, mockProwBuild, payload, PROW_BUCKET, PROW_DIR, PROW_VIEW, REPO_PATH, useTestApp, type Payload } from "./helpers.js";

// GitHub's API used as a good citizen would, through the webhook: whole lists, custom roles, decisions made
// in the thread's turn, deliveries answered without waiting on GitHub.

const t = useTestApp();
const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

function comment(body: string, options: { login?: string | null; pr?: boolean; id?: number; patch?: (p: Payload) => void } = {}) {
  return payload("issue_comment", "created", (p) => {
    p.comment.body = body;
    p.comment.id = options.id ?? 9001;
    p.comment.user = options.login === null ? null : { ...p.comment.user, login: options.login ?? "maintainer", type: "User" };
    if (options.pr) p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
    options.patch?.(p);
  });
}

/** Answers a list the way GitHub does: `per_page` (default 30, at most 100), `page`, and a Link to the next page. */
function paged<T>(path: string, items: T[], wrap?: (page: T[]) => unknown) {
  return function (this: unknown, uri: string): [number, unknown, Record<string, string>] {
    const q = new URL(uri, API).searchParams;
    const per = Math.min(100, Number(q.get("per_page") ?? 30));
    const page = Number(q.get("page") ?? 1);
    const slice = items.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = page * per < items.length ? { link: `<${API}${path}?per_page=${per}&page=${page + 1}>; rel="next"` } : {};
    return [200, wrap ? wrap(slice) : slice, headers];
  };
}

function expectReport(): string[] {
  const bodies: string[] = [];
  nock(API)
    .get(`${REPO_PATH}/issues/1/comments`)
    .query(true)
    .reply(200, [])
    .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
    .reply(201, { id: 555 })
    .get(`${REPO_PATH}/issues/1/labels`)
    .query(true)
    .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }]);
  return bodies;
}

describe("whole lists", () => {
  it("/triage finds a failed Prow status beyond the combined status's first pages (130 contexts)", async () => {
    mockNoConfig();
    const statuses = Array.from({ length: 130 }, (_, i) =>
      i === 119 ? { state: "failure", context: "pull-capi-e2e-conformance", target_url: PROW_VIEW } : { state: "success", context: `ctx-${i}`, target_url: `https://prow.k8s.io/view/gs/${PROW_BUCKET}/logs/ok/${i}` },
    );
    const statusPath = `${REPO_PATH}/commits/${SHA}/status`;
    const combined = nock(API)
      .get(`${REPO_PATH}/collaborators/maintainer/permission`)
      .reply(200, { permission: "write", role_name: "write" })
      .post(`${REPO_PATH}/issues/comments/9001/reactions`)
      .reply(201, {})
      .get(`${REPO_PATH}/pulls/1`)
      .reply(200, { number: 1, head: { sha: SHA } })
      .get(`${REPO_PATH}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .get(statusPath)
      .query(true)
      .times(2)
      .reply(paged(statusPath, statuses, (page) => ({ state: "failure", sha: SHA, total_count: statuses.length, statuses: page, url: `${API}${statusPath}` })))
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, []);
    mockProwBuild();
    const bodies = expectReport();
    await t.probot.receive({ id: "pg-1", name: "issue_comment", payload: comment("/triage", { pr: true }) });
    await t.settle();
    expect(combined.pendingMocks()).toEqual([]);
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("a Spyglass URL and the gs:// path of one build are one section", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { role_name: "write" }).post(`${REPO_PATH}/issues/comments/9001/reactions`).reply(201, {});
    mockProwBuild();
    const bodies = expectReport();
    await t.probot.receive({ id: "key-1", name: "issue_comment", payload: comment(`/skewbot ${PROW_VIEW} gs://${PROW_BUCKET}/${PROW_DIR}/`) });
    await t.settle();
    expect(bodies[0]!.match(/<!-- skewbot:section [0-9a-f]+ -->/g)).toHaveLength(1);
  });
});

describe("who may run commands", () => {
  it("a custom repository role based on write may; one based on read may not", async () => {
    mockNoConfig();
    const custom = nock(API)
      .get(`${REPO_PATH}/collaborators/release-manager/permission`)
      .reply(200, { permission: "write", role_name: "release-manager", user: { login: "release-manager", permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } } })
      .post(`${REPO_PATH}/issues/comments/9001/reactions`)
      .reply(201, {});
    mockProwBuild();
    const bodies = expectReport();
    await t.probot.receive({ id: "role-1", name: "issue_comment", payload: comment(`/skewbot ${PROW_VIEW}`, { login: "release-manager" }) });
    await t.settle();
    expect(custom.pendingMocks()).toEqual([]);
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");

    mockNoConfig();
    const refusals: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/collaborators/auditor/permission`)
      .reply(200, { permission: "read", role_name: "auditor", user: { login: "auditor", permissions: { admin: false, maintain: false, push: false, triage: false, pull: true } } })
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => refusals.push(b.body) > 0)
      .reply(201, { id: 700 });
    await t.probot.receive({ id: "role-2", name: "issue_comment", payload: comment(`/skewbot ${PROW_VIEW}`, { login: "auditor" }) });
    await t.settle();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain("Sorry, `/skewbot` is open to");
  });

  it("six concurrent commands from one non-collaborator get one refusal", async () => {
    mockNoConfig();
    const refusals: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/collaborators/drive-by/permission`)
      .reply(404, { message: "Not a collaborator" })
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => refusals.push(b.body) > 0)
      .reply(201, { id: 700 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => t.probot.receive({ id: `six-${i}`, name: "issue_comment", payload: comment("/triage", { login: "drive-by", id: 9100 + i }) })));
    await t.settle();
    expect(refusals).toHaveLength(1);
  });

  it("a command from a deleted account (ghost: user null) gets no refusal and costs no request", async () => {
    await t.probot.receive({ id: "ghost-1", name: "issue_comment", payload: comment("/triage", { login: null }) });
    await t.settle();
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });
});

describe("deliveries", () => {
  it("a delivery without an installation is dropped with a log line", async () => {
    const p = comment("/triage");
    delete p.installation;
    await t.probot.receive({ id: "noinst-1", name: "issue_comment", payload: p });
    await t.settle();
    expect(t.logs.find((l) => l["msg"] === "dropping a delivery")).toMatchObject({ delivery: "noinst-1", reason: expect.stringContaining("no installation") });
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });

  it("80 deliveries are all answered while GitHub has not answered a single request; reactions follow from the queue", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let answered = 0;
    const held = (status: number, body: unknown) => async () => {
      await gate;
      answered++;
      return [status, body] as [number, unknown];
    };
    nock(API).get(/\/contents\/\.github%2Fskewbot\.yml$/).reply(held(404, {})).persist();
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(held(200, { role_name: "write" })).persist();
    const reactions: number[] = [];
    nock(API)
      .post(/\/issues\/comments\/\d+\/reactions$/)
      .reply(async (uri) => {
        await gate;
        reactions.push(Number(/comments\/(\d+)/.exec(uri)![1]));
        return [201, {}];
      })
      .persist();
    // Each names a log on a host that is not allowed: refused without any fetch, reported in one comment.
    nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(held(200, [])).persist();
    nock(API).post(`${REPO_PATH}/issues/1/comments`).reply(held(201, { id: 1, user: { login: BOT } })).persist();
    nock(API).get(`${REPO_PATH}/issues/comments/1`).reply(held(200, { id: 1, user: { login: BOT }, body: "" })).persist();
    nock(API).patch(`${REPO_PATH}/issues/comments/1`).reply(held(200, {})).persist();

    const deliveries = Array.from({ length: 80 }, (_, i) => t.probot.receive({ id: `burst-${i}`, name: "issue_comment", payload: comment(`/skewbot https://example.invalid/${i}.log`, { id: 20_000 + i }) }));
    await Promise.all(deliveries);
    // Every delivery has been answered; GitHub has answered nothing yet.
    expect(answered).toBe(0);
    expect(reactions).toEqual([]);
    release();
    await t.settle();
    expect(new Set(reactions).size).toBe(80);
  });
});

describe("request budget", () => {
  it("20 concurrent /triage on one pull request: the thread is listed and the head commit read per batch, not per command", async () => {
    mockNoConfig();
    mockNoConfig();
    mockNoConfig();
    const calls = { listings: 0, heads: 0, checkRuns: 0, statuses: 0 };
    const reactions = new Set<number>();
    const posts: string[] = [];
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { role_name: "write" }).persist();
    nock(API)
      .post(/\/issues\/comments\/\d+\/reactions$/)
      .reply((uri) => [201, { id: reactions.add(Number(/comments\/(\d+)/.exec(uri)![1])).size }])
      .persist();
    const counted = <T>(kind: keyof typeof calls, body: () => T) => () => {
      calls[kind]++;
      return [200, body()] as [number, T];
    };
    const ours = (i: number) => ({ id: 800 + i, body: posts[i], user: { login: BOT, type: "Bot" } });
    nock(API).get(`${REPO_PATH}/pulls/1`).reply(counted("heads", () => ({ number: 1, head: { sha: SHA } }))).persist();
    nock(API).get(`${REPO_PATH}/commits/${SHA}/check-runs`).query(true).reply(counted("checkRuns", () => ({ total_count: 0, check_runs: [] }))).persist();
    const statusUrl = `${API}${REPO_PATH}/commits/${SHA}/status`;
    const failed = { state: "failure", context: "pull-capi-e2e-conformance", target_url: PROW_VIEW };
    nock(API).get(`${REPO_PATH}/commits/${SHA}/status`).query(true).reply(counted("statuses", () => ({ state: "failure", sha: SHA, total_count: 1, statuses: [failed], url: statusUrl }))).persist();
    nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(counted("listings", () => posts.map((_, i) => ours(i)))).persist();
    nock(API)
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => posts.push(b.body) > 0)
      .reply(201, () => ours(posts.length - 1))
      .persist();
    nock(API)
      .get(/\/issues\/comments\/8\d\d$/)
      .reply((uri) => {
        const i = Number(/(\d+)$/.exec(uri)![1]) - 800;
        return posts[i] === undefined ? [404, {}] : [200, ours(i)];
      })
      .persist();
    nock(API).get(`${REPO_PATH}/issues/1/labels`).query(true).reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }]).persist();
    mockProwBuild().persist();

    await Promise.all(Array.from({ length: 20 }, (_, i) => t.probot.receive({ id: `budget-${i}`, name: "issue_comment", payload: comment("/triage", { pr: true, id: 30_000 + i }) })));
    await t.settle();
    // Every command acknowledged, one report.
    expect(reactions.size).toBe(20);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("k8s-compat-mincompat-out-of-range");
    // Deliveries that arrive together share their lane's turn: a handful of reads, never one per command.
    expect(calls.heads).toBeLessThanOrEqual(3);
    expect(calls.checkRuns).toBe(calls.heads);
    expect(calls.statuses).toBe(calls.heads);
    expect(calls.listings).toBeLessThanOrEqual(calls.heads + 1);
    nock.cleanAll();
  });
});

describe("integrity under faults", () => {
  it("a report GitHub stored but whose answer was lost (502) is found by listing again, not posted a second time", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { role_name: "write" }).post(`${REPO_PATH}/issues/comments/9001/reactions`).reply(201, {});
    mockProwBuild();
    const posts: string[] = [];
    const thread = nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      // GitHub stores the comment, and its answer is lost on the way back.
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => posts.push(b.body) > 0)
      .reply(502, { message: "Bad Gateway" })
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(() => [200, [{ id: 556, body: posts[0], user: { login: BOT, type: "Bot" } }]])
      .get(`${REPO_PATH}/issues/1/labels`)
      .query(true)
      .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }]);
    await t.probot.receive({ id: "lost-502", name: "issue_comment", payload: comment(`/skewbot ${PROW_VIEW}`) });
    await t.settle();
    expect(thread.pendingMocks()).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("k8s-compat-mincompat-out-of-range");
    expect(t.logs.find((l) => l["msg"] === "triage done")).toMatchObject({ delivery: "lost-502", comment: "created" });
    expect(t.logs.filter((l) => l["msg"] === "triage failed")).toEqual([]);
  });
});

describe("the cap on references, said one way everywhere", () => {
  it("an issue with 500 job links triages the first ten and says how many it left out", async () => {
    mockNoConfig();
    const links = Array.from({ length: 500 }, (_, i) => `https://prow.k8s.io/view/gs/${PROW_BUCKET}/logs/periodic-e2e/19000000000000${String(i).padStart(5, "0")}`);
    nock("https://storage.googleapis.com").get(/.*/).reply(404).persist();
    const bodies: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 1 });
    // The excerpt has a finding, so the automatic trigger comments; the 490 links beyond the cap are named once.
    const p = payload("issues", "opened", (q) => (q.issue.body = `Failing:\n${links.join("\n")}\n\n\`\`\`\n${HEADLINE}\n\`\`\`\n`));
    await t.probot.receive({ id: "cap-1", name: "issues", payload: p });
    await t.settle();
    expect(bodies[0]).toContain("490 further reference(s) ignored: at most 10 per triage");
  });
});

describe("source settings per delivery", () => {
  it("a log host allowed in .github/skewbot.yml counts for links in an issue", async () => {
    mockConfig("allowedHosts: [ci-logs.example.com]\n");
    nock("https://ci-logs.example.com").get("/job/42/build.log").reply(200, `${HEADLINE}\n`);
    const bodies = expectReport();
    const p = payload("issues", "opened", (q) => (q.issue.body = "The nightly job fails: https://ci-logs.example.com/job/42/build.log"));
    await t.probot.receive({ id: "hosts-1", name: "issues", payload: p });
    await t.settle();
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });
});
