import nock from "nock";
import { describe, expect, it } from "vitest";
import { REPORT_MARKER } from "../../src/publish/comment.js";
import { API, BOT, createTestApp, useTestApp, HEADLINE, mockConfig, mockNoConfig, mockProwBuild, payload, prowFailureComment, PROW_VIEW, REPO_PATH, type Payload } from "./helpers.js";

const t = useTestApp();

/** k8s-ci-robot is an ordinary User account, not an app. */
function ciRobotComment(body = prowFailureComment()) {
  return payload("issue_comment", "created", (p) => {
    p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
    p.comment.body = body;
    p.comment.user = { ...p.comment.user, login: "k8s-ci-robot", type: "User" };
  });
}

function command(body: string, login = "maintainer", patch: (p: Payload) => void = () => undefined) {
  return payload("issue_comment", "created", (p) => {
    p.comment.body = body;
    p.comment.id = 9001;
    p.comment.user = { ...p.comment.user, login, type: "User" };
    patch(p);
  });
}

/** The comment list, then the new report comment; returns what was posted. */
function expectNewComment(existing: unknown[] = []): { scope: nock.Scope; bodies: string[] } {
  const bodies: string[] = [];
  const scope = nock(API)
    .get(`${REPO_PATH}/issues/1/comments`)
    .query(true)
    .reply(200, existing)
    .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => {
      bodies.push(b.body);
      return true;
    })
    .reply(201, { id: 555 });
  return { scope, bodies };
}

function expectLabels(options: { existing?: string[]; events?: unknown[]; add: string[] }): { scope: nock.Scope; added: string[][] } {
  const added: string[][] = [];
  let scope = nock(API)
    .get(`${REPO_PATH}/issues/1/labels`)
    .query(true)
    .reply(200, (options.existing ?? []).map((name) => ({ name })))
    .get(`${REPO_PATH}/issues/1/events`)
    .query(true)
    .reply(200, options.events ?? []);
  for (const name of options.add) {
    scope = scope.get(`${REPO_PATH}/labels/${encodeURIComponent(name)}`).reply(404).post(`${REPO_PATH}/labels`, (b: { name: string; color: string }) => b.name === name && /^[0-9a-f]{6}$/.test(b.color)).reply(201, { name });
  }
  if (options.add.length > 0) {
    scope = scope.post(`${REPO_PATH}/issues/1/labels`, (b: { labels: string[] }) => {
      added.push(b.labels);
      return true;
    }).reply(200, []);
  }
  return { scope, added };
}

describe("CI-bot failure reports", () => {
  it("triages the Prow jobs in k8s-ci-robot's failure table: one comment and the flake labels", async () => {
    const config = mockNoConfig();
    const prow = mockProwBuild();
    const comment = expectNewComment();
    const labels = expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    await t.probot.receive({ id: "d-1", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    for (const s of [config, prow, comment.scope, labels.scope]) expect(s.pendingMocks()).toEqual([]);
    expect(comment.bodies).toHaveLength(1);
    const body = comment.bodies[0]!;
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
    expect(body).toContain("Minimum compatibility version out of range");
    expect(body).toMatch(/reports 1\.31 but was built from newer source/);
    // The job title links to Spyglass; "#" before digits is broken so GitHub does not cross-reference it.
    expect(body).toContain(`#### [pull-capi-e2e-conformance #\u200b1888000000000000001 · Codertocat/Hello-World#\u200b1 (FAILURE)](${PROW_VIEW})`);
    expect(body).toMatchSnapshot();
    expect(labels.added).toEqual([["kind/flake", "flake/version-skew"]]);
  });

  it("crier's edit of its report after a rerun: a new build link is triaged, an unchanged table triages nothing", async () => {
    const older = "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/Codertocat_Hello-World/1/pull-capi-e2e-conformance/1887000000000000001";
    const edited = (from: string, to: string) =>
      payload("issue_comment", "edited", (p) => {
        p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
        p.comment.body = to;
        p.comment.user = { ...p.comment.user, login: "k8s-ci-robot", type: "User" };
        p.changes = { body: { from } };
      });
    // The table's link moved to a new build of the job: that build is triaged (the old one is not read again).
    const config = mockNoConfig();
    const prow = mockProwBuild();
    const comment = expectNewComment();
    const labels = expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    await t.probot.receive({ id: "crier-1", name: "issue_comment", payload: edited(prowFailureComment(older), prowFailureComment()) });
    await t.settle();
    for (const s of [config, prow, comment.scope, labels.scope]) expect(s.pendingMocks()).toEqual([]);
    expect(comment.bodies).toHaveLength(1);
    expect(comment.bodies[0]).toContain("Minimum compatibility version out of range");
    expect(comment.bodies[0]).not.toContain("1887000000000000001");

    // An edit that leaves the table as it was (a typo fixed in the prose) triages nothing: its configuration is read, nothing else.
    const same = mockNoConfig();
    await t.probot.receive({ id: "crier-2", name: "issue_comment", payload: edited(prowFailureComment(), `${prowFailureComment()}\n`) });
    await t.settle();
    expect(same.pendingMocks()).toEqual([]);
    expect(t.logs.filter((l) => l["delivery"] === "crier-2" && /^triage/.test(String(l["msg"])))).toEqual([]);
    expect(t.logs.filter((l) => l["delivery"] === "crier-1" && l["msg"] === "triage done")).toHaveLength(1);
  });

  it("updates its own comment in place (found by marker and login, then by its remembered id) and skips an unchanged body", async () => {
    mockNoConfig();
    mockProwBuild();
    const first = expectNewComment();
    expectLabels({ existing: [], add: ["kind/flake", "flake/version-skew"] });
    await t.probot.receive({ id: "d-2", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    const posted = first.bodies[0]!;

    // A fresh process knows no comment id: it lists the thread, and a copied marker in someone else's
    // comment must not be taken for ours.
    const restarted = await createTestApp();
    const impostor = { id: 1, user: { login: "someone" }, body: `${REPORT_MARKER}\nnot the bot` };
    mockNoConfig();
    mockProwBuild({ apiserverLog: `${HEADLINE}\n${HEADLINE}\n` });
    const edits: string[] = [];
    const update = nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [impostor, { id: 555, user: { login: BOT }, body: posted }])
      .patch(`${REPO_PATH}/issues/comments/555`, (b: { body: string }) => edits.push(b.body) > 0)
      .reply(200, {});
    expectLabels({ existing: ["kind/flake", "flake/version-skew"], add: [] });
    await restarted.probot.receive({ id: "d-3", name: "issue_comment", payload: ciRobotComment() });
    await restarted.settle();
    expect(update.pendingMocks()).toEqual([]);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toContain("2 times");

    // Same logs again: the remembered comment is read by id (no listing), its body is identical, so no write.
    mockNoConfig();
    mockProwBuild({ apiserverLog: `${HEADLINE}\n${HEADLINE}\n` });
    const unchanged = nock(API).get(`${REPO_PATH}/issues/comments/555`).reply(200, { id: 555, user: { login: BOT }, body: edits[0] });
    expectLabels({ existing: ["kind/flake", "flake/version-skew"], add: [] });
    await restarted.probot.receive({ id: "d-4", name: "issue_comment", payload: ciRobotComment() });
    await restarted.settle();
    expect(unchanged.pendingMocks()).toEqual([]);
    expect(restarted.logs.find((l) => l["msg"] === "triage done" && l["delivery"] === "d-4")).toMatchObject({ comment: "unchanged" });
  });

  it("posts a new comment when its old one was deleted meanwhile (404 on update)", async () => {
    mockNoConfig();
    mockProwBuild();
    const bodies: string[] = [];
    const scope = nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [{ id: 555, user: { login: BOT }, body: `${REPORT_MARKER}\nold` }])
      .patch(`${REPO_PATH}/issues/comments/555`)
      .reply(404, { message: "Not Found" })
      // A 404 means: look again (another copy may be there), then post.
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 556 });
    expectLabels({ existing: ["kind/flake", "flake/version-skew"], add: [] });
    await t.probot.receive({ id: "d-5", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    expect(scope.pendingMocks()).toEqual([]);
    expect(bodies).toHaveLength(1);
  });

  it("runs one triage for a delivery that arrives twice at once", async () => {
    mockNoConfig();
    mockNoConfig();
    mockProwBuild();
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    const p = ciRobotComment();
    await Promise.all([t.probot.receive({ id: "d-6", name: "issue_comment", payload: p }), t.probot.receive({ id: "d-6", name: "issue_comment", payload: p })]);
    await t.settle();
    expect(comment.bodies).toHaveLength(1);
  });

  it("reports an aborted job as such, without labels", async () => {
    mockNoConfig();
    // The whole build is there, crash loop included: only the ABORTED result keeps it from being triaged.
    mockProwBuild({ result: "ABORTED" });
    const comment = expectNewComment();
    await t.probot.receive({ id: "d-7", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    // Nothing found and not asked for: no comment is created for an aborted job.
    expect(comment.bodies).toEqual([]);
  });

  it("respects a label that a person removed", async () => {
    mockNoConfig();
    mockProwBuild();
    expectNewComment();
    const events = [{ event: "unlabeled", actor: { login: "maintainer" }, label: { name: "flake/version-skew" } }];
    const labels = expectLabels({ events, add: ["kind/flake"] });
    await t.probot.receive({ id: "d-8", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    expect(labels.added).toEqual([["kind/flake"]]);
  });
});

describe("a GitHub that serves only the essentials", () => {
  it("still posts one comment and adds the labels without GET /app, label styling, events or reactions", async () => {
    const minimal = await createTestApp({ lookUpLogin: true });
    mockNoConfig();
    mockProwBuild();
    nock(API).get("/app").reply(404, { message: "Not Found" });
    const bodies: string[] = [];
    const added: string[][] = [];
    const scope = nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [{ id: 3, user: { login: "other-app[bot]", type: "Bot" }, body: "unrelated" }])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 556, user: { login: "skewbot[bot]", type: "Bot" } })
      .get(`${REPO_PATH}/issues/1/labels`)
      .query(true)
      .reply(200, [])
      .get(`${REPO_PATH}/issues/1/events`)
      .query(true)
      .reply(404, { message: "Not Found" })
      .get(/\/labels\/.+/)
      .times(2)
      .reply(404, { message: "Not Found" })
      .post(`${REPO_PATH}/labels`)
      .times(2)
      .reply(404, { message: "Not Found" })
      .post(`${REPO_PATH}/issues/1/labels`, (b: { labels: string[] }) => added.push(b.labels) > 0)
      .reply(200, []);
    await minimal.probot.receive({ id: "m-1", name: "issue_comment", payload: ciRobotComment() });
    await minimal.settle();
    expect(scope.pendingMocks()).toEqual([]);
    expect(bodies).toHaveLength(1);
    expect(added).toEqual([["kind/flake", "flake/version-skew"]]);
    expect(minimal.logs.some((l) => String(l["msg"]).includes("could not look up the app's own login"))).toBe(true);

    // After a restart (no remembered comment id), its own comment is found by marker and app account, and
    // updated rather than duplicated.
    const again = await createTestApp({ lookUpLogin: true });
    mockNoConfig();
    mockProwBuild({ apiserverLog: `${HEADLINE}\n${HEADLINE}\n` });
    nock(API).get("/app").reply(404, { message: "Not Found" });
    const edits: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [{ id: 556, user: { login: "skewbot[bot]", type: "Bot" }, body: bodies[0] }])
      .patch(`${REPO_PATH}/issues/comments/556`, (b: { body: string }) => edits.push(b.body) > 0)
      .reply(200, {})
      .get(`${REPO_PATH}/issues/1/labels`)
      .query(true)
      .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }]);
    await again.probot.receive({ id: "m-2", name: "issue_comment", payload: ciRobotComment() });
    await again.settle();
    expect(edits).toHaveLength(1);
  });
});

describe("/triage", () => {
  it("acknowledges at once with 👀 and triages the named log", async () => {
    mockNoConfig();
    const perm = nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { permission: "write", role_name: "triage" });
    const reaction = nock(API).post(`${REPO_PATH}/issues/comments/9001/reactions`, { content: "eyes" }).reply(201, {});
    mockProwBuild();
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    await t.probot.receive({ id: "c-1", name: "issue_comment", payload: command(`Looks odd.\n/triage ${PROW_VIEW}\nthanks`) });
    await t.settle();
    expect(reaction.pendingMocks()).toEqual([]);
    expect(perm.pendingMocks()).toEqual([]);
    expect(comment.bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("lets the thread's author run it without a permission lookup", async () => {
    mockNoConfig();
    nock(API).post(`${REPO_PATH}/issues/comments/9001/reactions`).reply(201, {});
    const comment = expectNewComment();
    await t.probot.receive({ id: "c-2", name: "issue_comment", payload: command("/triage https://example.invalid/log.txt", "Codertocat") });
    await t.settle();
    expect(comment.bodies[0]).toMatch(/References not triaged|not allowed|refused/i);
  });

  it("says so when an explicit /triage finds nothing, listing what it scanned", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { role_name: "maintain" }).post(`${REPO_PATH}/issues/comments/9001/reactions`).reply(201, {});
    mockProwBuild({ apiserverLog: "I0206 all fine\n" });
    const comment = expectNewComment();
    await t.probot.receive({ id: "c-3", name: "issue_comment", payload: command(`/triage ${PROW_VIEW}`) });
    await t.settle();
    expect(comment.bodies[0]).toMatch(/No version-skew failure found in 2 logs, \d+ lines/);
  });

  it("politely refuses someone without triage access, once per thread", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/drive-by/permission`).reply(200, { permission: "read", role_name: "read" });
    const refusal: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => refusal.push(b.body) > 0)
      .reply(201, { id: 700 });
    await t.probot.receive({ id: "c-4", name: "issue_comment", payload: command(`/triage ${PROW_VIEW}`, "drive-by") });
    await t.settle();
    expect(refusal[0]).toMatch(/Sorry, `\/triage` is open to the author of this thread and to collaborators with triage access/);

    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/drive-by/permission`).reply(200, { permission: "read", role_name: "read" });
    const again = nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(200, [{ id: 700, user: { login: BOT }, body: refusal[0] }]);
    await t.probot.receive({ id: "c-5", name: "issue_comment", payload: command("/triage", "drive-by") });
    await t.settle();
    expect(again.pendingMocks()).toEqual([]);
    expect(refusal).toHaveLength(1);
  });

  it("ignores commands from bots, including itself, and commands inside code blocks or quotes, without reading anything", async () => {
    const bot = command("/triage", "dependabot[bot]", (p) => (p.comment.user.type = "Bot"));
    const self = command("/triage", BOT, (p) => (p.comment.user.type = "Bot"));
    await t.probot.receive({ id: "c-6", name: "issue_comment", payload: bot });
    await t.probot.receive({ id: "c-7", name: "issue_comment", payload: self });
    await t.probot.receive({ id: "c-8", name: "issue_comment", payload: command("```\n/triage\n```") });
    await t.probot.receive({ id: "c-9", name: "issue_comment", payload: command("> /triage\nquoting someone") });
    await t.settle();
    // Not even the configuration was read, nor an installation token asked for.
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });

  it("answers /skewbot help (/triage help is Prow's)", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { role_name: "admin" }).post(`${REPO_PATH}/issues/comments/9001/reactions`).reply(201, {});
    const help: string[] = [];
    const scope = nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => help.push(b.body) > 0)
      .reply(201, {});
    await t.probot.receive({ id: "c-10", name: "issue_comment", payload: command("/skewbot help") });
    await t.settle();
    expect(scope.pendingMocks()).toEqual([]);
    expect(help[0]).toMatch(/`\/skewbot <log> \[<log>…\]`/);
  });

  it("on an issue, triages the pasted log excerpts", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/maintainer/permission`).reply(200, { role_name: "triage" }).post(`${REPO_PATH}/issues/comments/9001/reactions`).reply(201, {});
    nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(200, []);
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    const p = command("/triage", "maintainer", (q) => (q.issue.body = `The job fails:\n\n\`\`\`\n${HEADLINE}\n\`\`\`\n`));
    await t.probot.receive({ id: "c-11", name: "issue_comment", payload: p });
    await t.settle();
    expect(comment.bodies[0]).toContain("Log excerpts in this thread");
    expect(comment.bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });
});

describe("configuration", () => {
  it("uses the defaults and says why when .github/skewbot.yml is invalid", async () => {
    mockConfig("triggers:\n  comands: true\nlabels:\n  flake: nope\n");
    mockProwBuild();
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    await t.probot.receive({ id: "g-1", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    expect(comment.bodies[0]).toContain(".github/skewbot.yml: triggers: unknown setting \"comands\"");
    expect(comment.bodies[0]).toContain("labels.flake: must be array");
  });

  it("applies configured labels and CI-bot logins", async () => {
    mockConfig("labels:\n  flake: [flaky]\nciBots: [my-ci-bot]\n");
    mockProwBuild();
    expectNewComment();
    const labels = expectLabels({ add: ["flaky"] });
    const fromMyBot = payload("issue_comment", "created", (p) => {
      p.comment.body = prowFailureComment();
      p.comment.user = { ...p.comment.user, login: "my-ci-bot", type: "User" };
    });
    await t.probot.receive({ id: "g-2", name: "issue_comment", payload: fromMyBot });
    await t.settle();
    expect(labels.added).toEqual([["flaky"]]);
  });

  it("scans with custom signatures from the repository's configuration", async () => {
    mockConfig(
      [
        "signatures:",
        "  - id: acme-operator-skew",
        "    title: ACME operator too old for the cluster",
        "    family: cluster-api",
        "    severity: error",
        "    flake: true",
        "    anchors: [acme-operator]",
        '    patterns: ["acme-operator (?<operator>{V}) does not support Kubernetes (?<cluster>{V})"]',
        "    versions: [operator, cluster]",
        "    fixes: [Upgrade the ACME operator.]",
      ].join("\n"),
    );
    mockProwBuild({ apiserverLog: "E0101 00:00:00.000000 1 main.go:1] acme-operator v0.9.2 does not support Kubernetes v1.33.1\n" });
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    await t.probot.receive({ id: "g-4", name: "issue_comment", payload: ciRobotComment() });
    await t.settle();
    expect(comment.bodies[0]).toContain("ACME operator too old for the cluster");
    expect(comment.bodies[0]).toContain("| `v0.9.2` |");
  });

  it("dry run logs the report instead of writing", async () => {
    const dry = await createTestApp({ dryRun: true });
    mockNoConfig();
    mockProwBuild();
    await dry.probot.receive({ id: "g-3", name: "issue_comment", payload: ciRobotComment() });
    await dry.settle();
    const line = dry.logs.find((l) => l["msg"] === "dry run: would post this report");
    expect(line?.["labels"]).toEqual(["kind/flake", "flake/version-skew"]);
    expect(JSON.stringify(line?.["sections"])).toContain("k8s-compat-mincompat-out-of-range");
  });
});

describe("issues, checks and statuses", () => {
  it("triages a Prow link in a newly opened failing-test issue", async () => {
    mockNoConfig();
    mockProwBuild();
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    const p = payload("issues", "opened", (q) => {
      q.issue.body = `### Which jobs are failing?\n\npull-capi-e2e-conformance\n\n### Which tests are failing?\n\nSee ${PROW_VIEW}\n`;
    });
    await t.probot.receive({ id: "i-1", name: "issues", payload: p });
    await t.settle();
    expect(comment.bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("ignores issues without log links or excerpts, without reading anything", async () => {
    await t.probot.receive({ id: "i-2", name: "issues", payload: payload("issues", "opened", (q) => (q.issue.body = "Feature request: dark mode")) });
    await t.settle();
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });

  it("triages a failed check run whose details URL is a Prow job, on its pull request", async () => {
    mockNoConfig();
    mockProwBuild();
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    const p = payload("check_run", "completed", (q) => {
      q.check_run.conclusion = "failure";
      q.check_run.app = { ...q.check_run.app, slug: "prow" };
      q.check_run.details_url = PROW_VIEW;
      q.check_run.pull_requests = [{ ...q.check_run.pull_requests[0], number: 1, base: { ...q.check_run.pull_requests[0].base, repo: { ...q.check_run.pull_requests[0].base.repo, id: q.repository.id } } }];
    });
    await t.probot.receive({ id: "k-1", name: "check_run", payload: p });
    await t.settle();
    expect(comment.bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("triages a failed Prow status on every open pull request of the commit", async () => {
    mockNoConfig();
    mockProwBuild();
    nock(API).get(`${REPO_PATH}/commits/6113728f27ae82c7b1a177c8d03f9e96e0adf246/pulls`).query(true).reply(200, [{ number: 1, state: "open" }, { number: 7, state: "closed" }]);
    const comment = expectNewComment();
    expectLabels({ add: ["kind/flake", "flake/version-skew"] });
    const p = payload("status", undefined, (q) => {
      q.state = "failure";
      q.target_url = PROW_VIEW;
    });
    await t.probot.receive({ id: "s-1", name: "status", payload: p });
    await t.settle();
    expect(comment.bodies).toHaveLength(1);
  });

  it("ignores successful checks without a single API call", async () => {
    await t.probot.receive({ id: "k-2", name: "check_run", payload: payload("check_run", "completed", (q) => (q.check_run.conclusion = "success")) });
    await t.probot.receive({ id: "s-2", name: "status", payload: payload("status", undefined, () => undefined) });
    // Not even an installation token was requested.
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/app/installations/2/access_tokens`]);
  });
});
