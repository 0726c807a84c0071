import { afterEach, describe, expect, it } from "vitest";
import { ciRobotCommentPayload, PR, REPO, startReplay, type Replay } from "../../tools/replay/scenario.js";
import { jsonLines, startSlowProw, type SlowProw } from "./helpers.js";

// SIGTERM while a triage is in flight, against the real process (lib/main.js, as `npm start` and the
// image's CMD run it). The triage is slow because its build log is held back by the storage stand-in.

const exited = (replay: Replay) => new Promise<number | null>((resolve) => (replay.app.exitCode !== null ? resolve(replay.app.exitCode) : replay.app.once("exit", (code) => resolve(code))));

describe("graceful shutdown of the app process", () => {
  let replay: Replay | undefined;
  let prow: SlowProw | undefined;
  afterEach(async () => {
    await replay?.stop();
    await prow?.close();
    replay = prow = undefined;
  });

  it("finishes the triage in flight after SIGTERM, refuses new deliveries, and exits 0", async () => {
    prow = await startSlowProw(1500);
    replay = await startReplay({ env: { SKEWBOT_STORAGE_URL: prow.url, SKEWBOT_GCS_API_URL: prow.url, SKEWBOT_DRAIN_TIMEOUT_MS: "20000" } });
    // One write (the comment), not four: Probot spaces writes a second apart.
    replay.github.repo(REPO).config = "labels:\n  enabled: false\n";
    expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "drain-1")).toBe(200);
    await prow.requested;
    expect(replay.github.botComments(REPO, PR)).toEqual([]);

    const exit = exited(replay);
    replay.app.kill("SIGTERM");
    // Wait for the shutdown to begin, then try another delivery: it must not be taken.
    for (let i = 0; i < 50 && !replay.output.join("").includes("shutting down"); i++) await new Promise((r) => setTimeout(r, 20));
    const late = await replay.deliver("issue_comment", ciRobotCommentPayload(), "drain-late").catch(() => "refused");
    expect(late).not.toBe(200);

    expect(await exit).toBe(0);
    const comments = replay.github.botComments(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/minCompatibilityVersion version 1\.30 is not between \[1\.31, 1\.31\]/);

    const lines = jsonLines(replay.output);
    const at = (msg: string) => lines.findIndex((l) => l["msg"] === msg);
    expect(at("shutting down: no new deliveries, finishing triage in flight")).toBeGreaterThanOrEqual(0);
    expect(at("triage done")).toBeGreaterThan(at("shutting down: no new deliveries, finishing triage in flight"));
    expect(lines[at("triage done")]).toMatchObject({ delivery: "drain-1", comment: "created" });
    expect(lines.find((l) => l["msg"] === "stopped")).toMatchObject({ signal: "SIGTERM", exitCode: 0 });
    expect(lines.some((l) => l["level"] === 40 && String(l["msg"]).includes("did not finish"))).toBe(false);
  }, 30_000);

  it("exits non-zero with a warning naming the delivery when triage outlives SKEWBOT_DRAIN_TIMEOUT_MS", async () => {
    prow = await startSlowProw(30_000);
    replay = await startReplay({ env: { SKEWBOT_STORAGE_URL: prow.url, SKEWBOT_GCS_API_URL: prow.url, SKEWBOT_DRAIN_TIMEOUT_MS: "200" } });
    expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "drain-2")).toBe(200);
    await prow.requested;

    const exit = exited(replay);
    const started = Date.now();
    replay.app.kill("SIGTERM");
    expect(await exit).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(replay.github.botComments(REPO, PR)).toEqual([]);

    const lines = jsonLines(replay.output);
    const warning = lines.find((l) => l["level"] === 40 && String(l["msg"]).includes("did not finish within the drain timeout"));
    expect(warning).toBeDefined();
    expect(warning!["unfinished"]).toEqual([
      expect.objectContaining({ delivery: "drain-2", event: "issue_comment", repository: REPO, thread: `${REPO}#${PR}`, startedAt: expect.any(Number) }),
    ]);
    expect(lines.find((l) => l["msg"] === "stopped")).toMatchObject({ exitCode: 1 });
  }, 30_000);
});
