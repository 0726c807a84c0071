import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, BOT, HEADLINE, mockNoConfig, mockProwBuild, payload, prowFailureComment, PROW_BUCKET, PROW_DIR, PROW_VIEW, REPO_PATH, useTestApp, type Payload } from "./helpers.js";

// skewbot in a Kubernetes org, beside Prow: Prow's label plugin owns `/triage <word>` and reads commands at
// the start of every line of every comment, skewbot's own included.

const t = useTestApp();

function comment(body: string, options: { login?: string; pr?: boolean; id?: number; patch?: (p: Payload) => void } = {}) {
  return payload("issue_comment", "created", (p) => {
    p.comment.body = body;
    p.comment.id = options.id ?? 9001;
    p.comment.user = { ...p.comment.user, login: options.login ?? "maintainer", type: "User" };
    if (options.pr) p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
    options.patch?.(p);
  });
}

/** Requests to GitHub that nothing expected, as "METHOD path", while `during` runs. */
async function unexpectedRequests(during: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (req: { method: string; path: string }) => void seen.push(`${req.method} ${req.path.split("?")[0]}`);
  nock.emitter.on("no match", listener);
  try {
    await during();
  } finally {
    nock.emitter.removeListener("no match", listener);
  }
  return seen;
}

/** A line that Prow would read as a command. */
const COMMAND_LINE = /^[^\S\n]*\//m;

describe("Prow's commands are Prow's", () => {
  it.each(["/triage accepted", "/triage needs-information", "/triage help", "/triage kind/bug", "/remove-triage accepted", "/triage  Accepted  ", "Thanks!\n/triage accepted\n/kind bug"])(
    "%j gets no reply, no reaction and no label",
    async (body) => {
      // The configuration may be read; nothing else is asked of GitHub.
      mockNoConfig();
      const unexpected = await unexpectedRequests(async () => {
        await t.probot.receive({ id: "prow-1", name: "issue_comment", payload: comment(body, { pr: true }) });
        await t.settle();
      });
      expect(unexpected).toEqual([]);
    },
  );
});

describe("skewbot's own commands", () => {
  function expectPermissionAndReaction(login = "maintainer") {
    return nock(API)
      .get(`${REPO_PATH}/collaborators/${login}/permission`)
      .reply(200, { permission: "write", role_name: "write" })
      .post(`${REPO_PATH}/issues/comments/9001/reactions`, { content: "eyes" })
      .reply(201, {});
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

  it("/skewbot <log> triages the named Prow job", async () => {
    mockNoConfig();
    const ack = expectPermissionAndReaction();
    mockProwBuild();
    const bodies = expectReport();
    await t.probot.receive({ id: "sk-1", name: "issue_comment", payload: comment(`Odd failure.\n/skewbot ${PROW_VIEW}`) });
    await t.settle();
    expect(ack.pendingMocks()).toEqual([]);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("/skewbot on its own line triages the thread (here an issue's pasted excerpt)", async () => {
    mockNoConfig();
    expectPermissionAndReaction();
    nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(200, []);
    const bodies = expectReport();
    const p = comment("/skewbot", { patch: (q) => (q.issue.body = `It fails:\n\n\`\`\`\n${HEADLINE}\n\`\`\`\n`) });
    await t.probot.receive({ id: "sk-2", name: "issue_comment", payload: p });
    await t.settle();
    expect(bodies[0]).toContain("Log excerpts in this thread");
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("/triage <gs:// path> keeps triaging: no label has a scheme", async () => {
    mockNoConfig();
    expectPermissionAndReaction();
    mockProwBuild();
    const bodies = expectReport();
    await t.probot.receive({ id: "sk-3", name: "issue_comment", payload: comment(`/triage gs://${PROW_BUCKET}/${PROW_DIR}`) });
    await t.settle();
    expect(bodies[0]).toContain("k8s-compat-mincompat-out-of-range");
  });

  it("/skewbot help lists every command with who may use it and an example, once per asking comment", async () => {
    mockNoConfig();
    expectPermissionAndReaction();
    const posted: string[] = [];
    const thread = [{ id: 5, user: { login: "k8s-ci-robot", type: "User" }, body: prowFailureComment() }];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, thread)
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => posted.push(b.body) > 0)
      .reply(201, { id: 600 });
    await t.probot.receive({ id: "sk-4", name: "issue_comment", payload: comment("/skewbot help", { pr: true }) });
    await t.settle();
    expect(posted).toHaveLength(1);
    const help = posted[0]!;
    for (const usage of ["`/skewbot`", "`/skewbot help`", "`/skewbot <log> [<log>…]`", "`/triage`", "`/triage <log URL or gs:// path> […]`"]) expect(help).toContain(usage);
    expect(help).toMatch(/open to the author of the thread and collaborators with triage access or more/);
    expect(help.match(/Example: `/g)).toHaveLength(5);
    // A Prow CI bot reports in this thread: the help recommends skewbot's own namespace.
    expect(help).toMatch(/Prow CI bot.*prefer `\/skewbot <log>`/);
    expect(help).not.toMatch(COMMAND_LINE);

    // The same delivery again: the first answer is found, nothing is posted.
    mockNoConfig();
    expectPermissionAndReaction();
    const again = nock(API).get(`${REPO_PATH}/issues/1/comments`).query(true).reply(200, [...thread, { id: 600, user: { login: BOT, type: "Bot" }, body: help }]);
    await t.probot.receive({ id: "sk-4", name: "issue_comment", payload: comment("/skewbot help", { pr: true }) });
    await t.settle();
    expect(again.pendingMocks()).toEqual([]);
    expect(posted).toHaveLength(1);
  });

  it("leaves out the Prow note where no Prow bot reports", async () => {
    mockNoConfig();
    expectPermissionAndReaction();
    const posted: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => posted.push(b.body) > 0)
      .reply(201, { id: 600 });
    await t.probot.receive({ id: "sk-5", name: "issue_comment", payload: comment("/skewbot help") });
    await t.settle();
    expect(posted[0]).not.toMatch(/Prow CI bot/);
  });
});

describe("nothing skewbot posts reads as a Prow command", () => {
  const HOSTILE = ["/approve", "/lgtm", "/close", "/hold", "/retest", "/lifecycle frozen", "  /assign @someone"];

  it("hostile log lines around and in the matched line are quoted without a line starting with /", async () => {
    mockNoConfig();
    // docker's json-file log driver keeps a message's own line breaks inside one record: the matched line
    // and its context each carry commands after a line break.
    const record = (text: string) => JSON.stringify({ log: `${text}\n`, stream: "stderr", time: "2025-02-06T22:52:48.682840017Z" });
    const message = HEADLINE.slice(HEADLINE.indexOf("E0206"));
    const apiserverLog = [record(`waiting\n${HOSTILE.slice(0, 3).join("\n")}`), record(`${message}\n/lifecycle frozen\n/hold`), record(`retrying\n${HOSTILE.slice(4).join("\r\n")}`), ""].join("\n");
    mockProwBuild({ apiserverLog });
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
    const p = comment(prowFailureComment(), { login: "k8s-ci-robot", pr: true });
    await t.probot.receive({ id: "hl-1", name: "issue_comment", payload: p });
    await t.settle();
    expect(bodies).toHaveLength(1);
    const body = bodies[0]!;
    expect(body).toContain("k8s-compat-mincompat-out-of-range");
    // The lines are still shown (inside the fenced excerpt), just not at a line's start.
    for (const line of ["/approve", "/lgtm", "/close", "/hold", "/retest", "/lifecycle frozen"]) expect(body).toContain(line);
    expect(body).toMatch(/```/);
    expect(body.split(/\r\n|\r|\n/).filter((l) => /^\s*\//.test(l))).toEqual([]);
  });

  it("a refusal and the 'nothing found' answer carry no command line either", async () => {
    mockNoConfig();
    nock(API).get(`${REPO_PATH}/collaborators/drive-by/permission`).reply(200, { permission: "read", role_name: "read" });
    const posted: string[] = [];
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => posted.push(b.body) > 0)
      .reply(201, { id: 700 });
    await t.probot.receive({ id: "rf-1", name: "issue_comment", payload: comment("/skewbot", { login: "drive-by" }) });
    await t.settle();
    expect(posted[0]).toMatch(/Sorry, `\/skewbot` is open to/);
    expect(posted[0]).not.toMatch(COMMAND_LINE);
  });
});
