import { afterEach, describe, expect, it } from "vitest";
import { payload } from "../app/payloads.js";
import { HOME, startWorld, type World } from "./harness.js";
import { Gen, KIND_NAMES, leaked, logWithSecrets, plant, referenceWithSecret, type Planted } from "./secrets.js";

// D2 and D4 through the app: secrets in references, job titles and job logs never reach the comment or
// the app's own log lines. Webhook in; the fake GitHub's comments, the app's logs and the log hosts'
// request logs out.

let w: World | undefined;

afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** Everything the app wrote: its comments in the thread and every line it logged. */
function everythingWritten(world: World, issue: number): string[] {
  return [...world.comments(issue).map((c) => c.body), ...world.logs.map((l) => JSON.stringify(l))];
}

function triage(issue: number, refs: string[]) {
  return payload("issue_comment", "created", (q) => {
    q.issue.number = issue;
    q.comment.body = `/triage ${refs.join(" ")}`;
    q.comment.user = { ...q.issue.user };
  });
}

describe("no secret is posted back (D2)", () => {
  it("lists refused references with credentials without the credentials, and fetches none of them", async () => {
    w = await startWorld();
    const token = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    const refs = [
      "http://user:hunter2@logs.example.com/build-log.txt",
      `https://x-access-token:${token}@raw.githubusercontent.com/org/repo/main/log.txt`,
      `http://ci:s3cr3t-pa55@${w.stranger.origin.replace("http://", "")}/build-log.txt`,
      `http://user:hunter2@[broken/x`,
    ];
    await w.receive("issue_comment", triage(1, refs));
    const [comment] = w.comments(1);
    expect(comment!.body).toContain("References not triaged");
    // Each reference is still named, by host and path, so the reader knows which one was refused.
    expect(comment!.body).toContain("logs.example.com/build-log.txt");
    expect(comment!.body).toContain("raw.githubusercontent.com/org/repo/main/log.txt");
    for (const secret of ["hunter2", token, "s3cr3t-pa55"]) {
      for (const text of everythingWritten(w, 1)) expect(text).not.toContain(secret);
    }
    expect(w.stranger.requests).toEqual([]);
    expect(w.blob.requests).toEqual([]);
  });

  it("redacts a secret in a job's title (its name, from the API)", async () => {
    w = await startWorld();
    const token = "ghp_abcdefghij0123456789ABCDEFGHIJabcdef";
    w.addJob(HOME, 11, logWithSecrets(new Gen(1), []) + "E0206 22:52:48.682710       1 run.go:72] \"command failed\" err=\"minCompatibilityVersion version 1.30 is not between [1.31, 1.31]\"\n", { name: `deploy with ${token}` });
    await w.receive("issue_comment", triage(1, [`github:${HOME}/job/11`]));
    const [comment] = w.comments(1);
    expect(comment!.body).toContain("deploy with \\[REDACTED\\]");
    for (const text of everythingWritten(w, 1)) expect(text).not.toContain(token);
  });
});

describe("redaction of quoted log lines through the app (D4)", () => {
  it("a job log holding a secret of every kind: none reaches the comment or the app's logs", async () => {
    w = await startWorld();
    const g = new Gen(4242);
    const planted = KIND_NAMES.map((k) => plant(g, k));
    w.addJob(HOME, 11, logWithSecrets(g, planted));
    await w.receive("issue_comment", triage(1, [`github:${HOME}/job/11`]));
    const [comment] = w.comments(1);
    expect(comment!.body).toContain("Minimum compatibility version out of range");
    expect(comment!.body).toContain("[REDACTED]");
    expect(leaked(everythingWritten(w, 1), planted)).toEqual([]);
    expect(w.blob.requests).toEqual([`GET /actions-results/${HOME}/11/job-logs.txt`]);
  });
});

describe("property: random secrets in references, logs and pasted excerpts never reach a comment or a log line", () => {
  it("12 seeded deliveries, half of them dry runs (the would-be comment is logged instead)", async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const g = new Gen(seed * 104729);
      w = await startWorld(undefined, { dryRun: seed % 2 === 0 });
      const inLog = Array.from({ length: g.int(2, 5) }, () => plant(g));
      const inExcerpt = Array.from({ length: g.int(1, 3) }, () => plant(g));
      const inRefs = Array.from({ length: g.int(1, 3) }, () => referenceWithSecret(g));
      w.addJob(HOME, 11, logWithSecrets(g, inLog));
      const planted: Planted[] = [...inLog, ...inExcerpt, ...inRefs];
      await w.receive("issue_comment", triage(1, [`github:${HOME}/job/11`, ...inRefs.map((r) => r.lines[0]!)]));
      await w.receive(
        "issues",
        payload("issues", "opened", (q) => {
          q.issue.number = 2;
          q.issue.body = `CI broke:\n\n\`\`\`\n${logWithSecrets(g, inExcerpt)}\`\`\`\n`;
        }),
      );
      const written = [...everythingWritten(w, 1), ...everythingWritten(w, 2)];
      if (seed % 2 === 0) expect(w.logs.some((l) => l["msg"] === "dry run: would post this report")).toBe(true);
      else expect(w.comments(1)).toHaveLength(1);
      expect(leaked(written, planted), `seed ${g.seed}`).toEqual([]);
      await w.close();
      w = undefined;
    }
  });
});
