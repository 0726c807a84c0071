import { describe, expect, it } from "vitest";
import { ciRobotCommentPayload, startReplay } from "../tools/replay/scenario.js";

// The app process (lib/main.js, as `npm start` runs it) scans a Prow build's logs on its scan threads, the
// build log and the component log at once: its comment is the one it posts with SKEWBOT_SCAN_THREADS=1 (one
// log after the other, on its main thread). A scan thread that crashes on one log fails that log alone: its
// problem line is in the comment, and what the other log shows is reported.

const APISERVER_LOG = "artifacts/clusters/k8s-conformance-abc123/machines/k8s-conformance-abc123-md8nq/kube-apiserver.log";

/** The report comment of one triage in a fresh app process; the fakes' ports elided (each process has its own). */
async function reportWith(env: Record<string, string>): Promise<string> {
  const replay = await startReplay({ env });
  try {
    expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "threads-1")).toBe(200);
    const { comments } = await replay.settled();
    expect(comments).toHaveLength(1);
    return comments[0]!.body.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");
  } finally {
    await replay.stop();
  }
}

describe("the app process scans a build's logs on its threads", () => {
  it("posts the comment it posts on one thread; a crashed thread fails its log alone", async () => {
    const one = await reportWith({ SKEWBOT_SCAN_THREADS: "1" });
    const two = await reportWith({ SKEWBOT_SCAN_THREADS: "2" });
    expect(two).toBe(one);
    expect(one).toContain(`also in ${APISERVER_LOG}`);

    const crashed = await reportWith({ SKEWBOT_SCAN_THREADS: "2", SKEWBOT_SCAN_THREAD_FAULT: "crash", SKEWBOT_SCAN_THREAD_FAULT_LOG: APISERVER_LOG });
    expect(crashed).toMatch(/scan thread failed \(injected fault\): the log was not scanned/);
    // The build log's cause is still there; only the component log is missing from it.
    expect(crashed).toContain("k8s-compat-mincompat-out-of-range");
    expect(crashed).not.toContain(`also in ${APISERVER_LOG}`);
  }, 90_000);
});
