import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ciRobotCommentPayload, PR, REPO, startReplay, type Replay } from "../tools/replay/scenario.js";

// The real server process (lib/main.js, the entry `npm start` uses) against a fake GitHub (through
// GHE_HOST/GHE_PROTOCOL) and a fake Prow/GCS, both real HTTP servers on loopback.
// Each test stands alone (any order, any one of them alone, --sequence.shuffle): the tests that need the
// report already posted ask for it through reported(), which delivers it once per process.
describe("end to end: app process, fake GitHub, fake Prow", () => {
  let replay: Replay;
  let report: Promise<{ status: number; settled: Awaited<ReturnType<Replay["settled"]>> }> | undefined;
  const writes = () => replay.github.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/access_tokens")).length;
  const reported = () =>
    (report ??= (async () => {
      const status = await replay.deliver("issue_comment", ciRobotCommentPayload(), "delivery-1");
      return { status, settled: await replay.settled() };
    })());
  beforeAll(async () => {
    replay = await startReplay();
  }, 30_000);
  afterAll(async () => {
    await replay?.stop();
  });

  it("rejects a delivery with a wrong signature and posts nothing", async () => {
    const before = replay.github.botComments(REPO, PR).length;
    const writesBefore = writes();
    expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "bad-1", "not-the-secret")).toBe(400);
    expect(replay.github.botComments(REPO, PR)).toHaveLength(before);
    expect(writes()).toBe(writesBefore);
  });

  it("answers a CI-bot failure report with one comment and the flake labels", async () => {
    const { status, settled } = await reported();
    expect(status).toBe(200);
    const { comments, labels } = settled;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("<!-- skewbot:report -->");
    expect(comments[0]!.body).toMatch(/default minimum compatibility version 1\.30 \(binary 1\.31 − 1\) fell below a 1\.31 floor/);
    expect(comments[0]!.body).toContain("also in artifacts/clusters/k8s-conformance-abc123/machines/k8s-conformance-abc123-md8nq/kube-apiserver.log");
    expect(labels).toEqual(["kind/flake", "flake/version-skew"]);
    const created = replay.github.repo(REPO).labels;
    expect([...created.keys()]).toEqual(["kind/flake", "flake/version-skew"]);
    expect(replay.github.unexpected).toEqual([]);
  }, 30_000);

  it("keeps exactly one comment, in its final state, on 10 redeliveries and 20 concurrent deliveries", async () => {
    await reported();
    const before = replay.github.botComments(REPO, PR)[0]!;
    const writesBefore = writes();
    // The same delivery ten times, and twenty distinct deliveries for the same PR at once.
    const statuses = await Promise.all([
      ...Array.from({ length: 10 }, () => replay.deliver("issue_comment", ciRobotCommentPayload(), "delivery-1")),
      ...Array.from({ length: 20 }, (_, i) => replay.deliver("issue_comment", ciRobotCommentPayload(), `delivery-concurrent-${i}`)),
    ]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const { comments, labels } = await replay.settled();
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(before.id);
    expect(comments[0]!.body).toBe(before.body);
    expect(labels).toEqual(["kind/flake", "flake/version-skew"]);
    // Same logs, same report, labels already there: not a single write to GitHub.
    expect(writes()).toBe(writesBefore);
  }, 30_000);

  it("rejects an oversized, unsigned delivery and keeps serving", async () => {
    const before = replay.github.botComments(REPO, PR).length;
    const writesBefore = writes();
    const huge = { ...ciRobotCommentPayload(), padding: "x".repeat(30 * 1024 * 1024) };
    expect(await replay.deliver("issue_comment", huge, "huge-1", "wrong-secret")).toBe(400);
    expect((await fetch(`${replay.appUrl}/ping`)).status).toBe(200);
    expect(replay.github.botComments(REPO, PR)).toHaveLength(before);
    expect(writes()).toBe(writesBefore);
  }, 30_000);

  it("stops on SIGTERM after draining, with exit code 0", async () => {
    // Its own process, so that stopping it leaves the shared one to the other tests.
    const own = await startReplay();
    try {
      expect(await own.deliver("issue_comment", ciRobotCommentPayload(), "delivery-stop")).toBe(200);
      expect((await own.settled()).comments).toHaveLength(1);
    } finally {
      expect(await own.stop()).toBe(0);
    }
    expect(own.output.join("")).toContain("shutting down");
  }, 60_000);
});
