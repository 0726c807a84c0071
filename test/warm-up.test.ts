import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ciRobotCommentPayload, startReplay, type Replay } from "../tools/replay/scenario.js";

// The app process warms up once it listens (src/dispatch.ts warmUp: what a first triage would run for the
// first time, on an excerpt of its own). It must stay invisible from outside: no request to GitHub or to
// storage, nothing posted, and the first real delivery answered as before.
describe("warm-up of the app process", () => {
  let replay: Replay;
  beforeAll(async () => {
    replay = await startReplay();
  }, 30_000);
  afterAll(async () => {
    await replay?.stop();
  });

  it("runs at start-up without a request to GitHub or storage, and the first delivery is answered once", async () => {
    const deadline = Date.now() + 20_000;
    const lines = () => replay.output.join("").split("\n");
    while (!lines().some((l) => l.includes('"msg":"warmed up"') || l.includes("warm-up failed")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(lines().filter((l) => l.includes("warm-up failed"))).toEqual([]);
    expect(lines().some((l) => l.includes('"msg":"warmed up"'))).toBe(true);
    expect(replay.github.requests).toEqual([]);
    expect(replay.gcs.requests).toEqual([]);

    expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "warm-1")).toBe(200);
    const { comments } = await replay.settled();
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("minCompatibilityVersion");
    expect(replay.github.unexpected).toEqual([]);
  }, 60_000);
});
