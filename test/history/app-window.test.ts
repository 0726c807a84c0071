import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ObjectBody } from "../../tools/replay/fake-gcs.js";
import { BUCKET, JOB, ciRobotCommentPayload, earlierBuildId, earlierBuilds, startReplay } from "../../tools/replay/scenario.js";

// The regression window in the app's comment: k8s-ci-robot reports the Cluster API incident's failed
// presubmit; the real app process (lib/main.js) finds the job's earlier builds on other pull requests
// through Prow's pr-logs/directory index in the loopback fake GCS, with no history recorded before.

const id = earlierBuildId;
const dataDirs: string[] = [];
afterAll(() => {
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

// The window arrives as an edit of the posted comment: wait for it, unless the test expects none.
const hasWindow = (bodies: string[]) => bodies.some((b) => b.includes("Regression window"));

async function triageOnce(
  env: Record<string, string>,
  objects: Map<string, ObjectBody>,
  until: ((bodies: string[]) => boolean) | undefined = hasWindow,
): Promise<{ body: string; gcsRequests: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), "skewbot-app-window-"));
  dataDirs.push(dataDir);
  const replay = await startReplay({ objects, env: { SKEWBOT_DATA_DIR: dataDir, ...env } });
  try {
    expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), `window-${Math.random()}`)).toBe(200);
    const { comments } = await replay.settled(45_000, until);
    expect(comments, replay.output.join("")).toHaveLength(1);
    return { body: comments[0]!.body, gcsRequests: [...replay.gcs.requests] };
  } finally {
    await replay.stop();
  }
}

describe("the regression window in the app's comment", () => {
  it("names the last good and the first bad build and the version that changed, on the first install, bounded", async () => {
    // 80 earlier builds; the 50 looked at (30–79) reach back past the last good one (44).
    const GOOD = 45;
    const { body, gcsRequests } = await triageOnce({}, earlierBuilds(80, GOOD));
    if (process.env["SHOW"]) console.log(body);
    expect(body).toContain(`Regression window: ${JOB}`);
    expect(body).toMatch(
      new RegExp(`Last good build ${id(GOOD - 1)} \\(v1\\.31\\.0\\) → first bad build ${id(GOOD)} \\(v1\\.31\\.0\\): changed between them: binary v1\\.31\\.5 → v1\\.31\\.6-rc\\.0\\.12\\+4e7b5ad1b1f1c2`),
    );
    expect(body).toContain("the Kubernetes build changed between them");
    // Links to Prow's view of both ends, on their own pull requests.
    expect(body).toContain(`(https://prow.k8s.io/view/gs/${BUCKET}/pr-logs/pull/sigs.k8s.io_cluster-api/${11000 + GOOD - 1}/${JOB}/${id(GOOD - 1)})`);
    // Nothing recorded before: the recurrence is new, the window came from storage.
    expect(body).toContain("**History: new**");
    // Bounded as in the CLI: 50 earlier builds' metadata (80 exist), at most 10 builds' logs scanned.
    const finished = new Set(gcsRequests.filter((r) => r.endsWith("/finished.json")).map((r) => /\/(\d{19})\//.exec(r)?.[1]));
    expect(finished.size).toBeLessThanOrEqual(50 + 1);
    const scanned = new Set(gcsRequests.filter((r) => r.endsWith("/build-log.txt")).map((r) => /\/(\d{19})\//.exec(r)?.[1]));
    expect(scanned.size).toBeLessThanOrEqual(10 + 1);
    expect(body.split("\n").some((l) => l.trimStart().startsWith("/"))).toBe(false);
  }, 60_000);

  it("a partial window says what it could not read", async () => {
    const GOOD = 10;
    const { body } = await triageOnce({}, earlierBuilds(30, GOOD, { notJson: 20, elsewhere: 25 }));
    expect(body).toContain("**Partial window, not read:**");
    expect(body).toContain(`build ${id(20)}: metadata not read (prowjob.json: not valid JSON)`);
    expect(body).toContain(`build ${id(25)}: metadata not read`);
    expect(body).toContain("(partial window).");
    expect(body).toMatch(new RegExp(`Last good build ${id(GOOD - 1)} `));
  }, 60_000);

  it("with the history store corrupt the comment says history is unavailable and still has the window", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "skewbot-app-window-corrupt-"));
    dataDirs.push(dataDir);
    writeFileSync(join(dataDir, "history.sqlite"), "not a database\n".repeat(500));
    const GOOD = 10;
    const { body } = await triageOnce({ SKEWBOT_DATA_DIR: dataDir }, earlierBuilds(20, GOOD));
    expect(body).toContain("History unavailable (SQLite: file is not a database)");
    expect(body).toMatch(new RegExp(`Last good build ${id(GOOD - 1)} `));
  }, 60_000);

  it("is off with history off: no window, and the job's earlier builds are not read", async () => {
    const { body, gcsRequests } = await triageOnce({ SKEWBOT_HISTORY: "off" }, earlierBuilds(20, 10), undefined);
    expect(body).toContain("Minimum compatibility version out of range");
    expect(body).not.toContain("Regression window");
    expect(gcsRequests.some((r) => r.includes("pr-logs%2Fdirectory"))).toBe(false);
  }, 60_000);
});
