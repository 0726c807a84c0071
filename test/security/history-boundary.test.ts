import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { History, openSqliteStore } from "../../src/history/index.js";
import { payload } from "../app/payloads.js";
import { HOME, jobLog, startWorld, type World } from "./harness.js";

// The history store remembers every triage of every repository the App serves. What a report says about
// earlier sightings (where first and last seen, which other pull requests) names their repositories, jobs,
// pull requests and links: it must only ever name what the thread's readers could see, so a report draws
// on the history of its own repository only.

const PRIVATE = "org/private";
let w: World;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "skewbot-history-boundary-"));
  const path = join(dir, "history.sqlite");
  w = await startWorld(undefined, { history: new History(() => openSqliteStore({ path }), { description: "SQLite" }) });
});

afterEach(async () => {
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `/triage` of one job on pull request `pr` of `repository`, by the PR's author. */
function triageOnPull(repository: string, pr: number, ref: string) {
  const [owner, name] = repository.split("/") as [string, string];
  return payload("issue_comment", "created", (q) => {
    q.repository = { ...q.repository, name, full_name: repository, private: repository === PRIVATE, visibility: repository === PRIVATE ? "private" : "public", owner: { ...q.repository.owner, login: owner } };
    q.issue.number = pr;
    q.issue.pull_request = { url: `https://api.github.com/repos/${repository}/pulls/${pr}` };
    q.comment.body = `/triage ${ref}`;
    q.comment.user = { ...q.issue.user };
  });
}

describe("history stays within the repository boundary", () => {
  it("a report in a public repository never names a private repository's earlier sightings", async () => {
    const log = jobLog("same failure everywhere");
    w.addJob(PRIVATE, 77, log, { runId: 5 });
    w.addJob(HOME, 11, log);
    w.addJob(HOME, 12, log, { runId: 30433643 });
    await w.receive("issue_comment", triageOnPull(PRIVATE, 3, `github:${PRIVATE}/job/77`));
    expect(w.github.botComments(PRIVATE, 3)).toHaveLength(1);

    await w.receive("issue_comment", triageOnPull(HOME, 1, `github:${HOME}/job/11`));
    const first = w.comments(1)[0]!.body;
    expect(first).toContain("**History:");
    expect(first).not.toMatch(/org\/private|private\/actions|e2e 77/);

    // The repository's own history is still told: the second pull request sees the first.
    await w.receive("issue_comment", triageOnPull(HOME, 2, `github:${HOME}/job/12`));
    const second = w.comments(2)[0]!.body;
    expect(second).toMatch(/Other pull requests: .*Codertocat\/Hello-World#\u200b?1/);
    expect(second).not.toMatch(/org\/private|private\/actions|e2e 77/);
  });
});
