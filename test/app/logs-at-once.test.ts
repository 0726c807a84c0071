import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { API, GCS, HEADLINE, mockNoConfig, payload, prowFailureComment, PROW_BUCKET, PROW_DIR, REPO_PATH, useTestApp } from "./helpers.js";
import { KUBECTL_SKEW_LINE as KUBECTL, KUBELET_FLAG_LINE as KUBELET, logWith } from "../helpers/logs.js";

// A Prow build's logs are read several at once in the app's triage (SKEWBOT_SCAN_THREADS > 1), and the
// posted comment is the one a read of one log after the other gives: the same sections, logs, findings and
// order, whichever log finishes first; a missing log and one whose server fails are reported alone, with
// their problem lines, beside the others. The build log is held back until an artifact has been answered
// (or, read one after the other, for a moment), so that read at once it finishes last.

const t = useTestApp();
const previous = process.env["SKEWBOT_SCAN_THREADS"];
afterEach(() => {
  if (previous === undefined) delete process.env["SKEWBOT_SCAN_THREADS"];
  else process.env["SKEWBOT_SCAN_THREADS"] = previous;
});

const ARTIFACTS = `${PROW_DIR}/artifacts/kind-control-plane`;


const LOGS: Record<string, string> = {
  "kube-apiserver.log": logWith(["I0206 22:52:48.681002       1 server.go:150] Version: v1.31.6-rc.0.12+4e7b5ad1b1f1c2", HEADLINE], 2_000, 2),
  "kubelet.log": logWith([KUBELET], 2_000, 3),
  "containerd.log": "never served",
  "kube-scheduler.log": "never served",
  "kube-controller-manager.log": logWith([KUBECTL, "Client Version: v1.34.1", "Server Version: v1.31.0"], 2_000, 5),
};

/** A failed Prow build with a build log and five component logs: one is missing (404), one's server fails (500). */
function mockBuild(): { scope: nock.Scope; overlapped: () => boolean } {
  let held: (() => void) | undefined;
  let holding = false;
  let overlapped = false;
  const dir = `/${PROW_BUCKET}/${PROW_DIR}`;
  let scope = nock(GCS)
    .get(`${dir}/started.json`)
    .reply(200, { timestamp: 1738881000 })
    .get(`${dir}/finished.json`)
    .reply(200, { timestamp: 1738882000, passed: false, result: "FAILURE" })
    .get(`${dir}/prowjob.json`)
    .reply(200, { spec: { job: "pull-capi-e2e-conformance", refs: { org: "Codertocat", repo: "Hello-World", pulls: [{ number: 1 }] } }, status: { state: "failure" } })
    .get(`/storage/v1/b/${PROW_BUCKET}/o`)
    .query((q) => q["prefix"] === `${PROW_DIR}/` && q["delimiter"] === "/")
    .reply(200, { items: ["build-log.txt", "prowjob.json"].map((n) => ({ name: `${PROW_DIR}/${n}`, size: "100" })), prefixes: [`${PROW_DIR}/artifacts/`] })
    .get(`/storage/v1/b/${PROW_BUCKET}/o`)
    .query((q) => q["prefix"] === `${PROW_DIR}/artifacts/` && q["delimiter"] === undefined)
    .reply(200, { items: Object.keys(LOGS).map((name) => ({ name: `${ARTIFACTS}/${name}`, size: "200000" })) })
    .get(`${dir}/build-log.txt`)
    .reply(async () => {
      holding = true;
      await new Promise<void>((resolve) => {
        held = resolve;
        setTimeout(resolve, 1000);
      });
      holding = false;
      return [200, logWith(["+ make test-e2e", "[FAILED] Timed out after 1200.001s."], 2_000, 1)];
    });
  const answered = () => {
    if (holding) overlapped = true;
    held?.();
  };
  for (const [name, body] of Object.entries(LOGS)) {
    const path = `${dir}/artifacts/kind-control-plane/${name}`;
    if (name === "containerd.log") scope = scope.get(path).reply(404, "No such object");
    else if (name === "kube-scheduler.log") scope = scope.get(path).times(2).reply(500, "backend error");
    else scope = scope.get(path).reply(() => (answered(), [200, body]));
  }
  return { scope, overlapped: () => overlapped };
}

function failureReport(issue: number) {
  return payload("issue_comment", "created", (p) => {
    p.issue.number = issue;
    p.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/${issue}` };
    p.comment.body = prowFailureComment();
    p.comment.user = { ...p.comment.user, login: "k8s-ci-robot", type: "User" };
  });
}

/** The report comment on `issue` (its labels are already there): returns the bodies posted. */
function expectReport(issue: number): string[] {
  const bodies: string[] = [];
  nock(API)
    .get(`${REPO_PATH}/issues/${issue}/comments`)
    .query(true)
    .reply(200, [])
    .post(`${REPO_PATH}/issues/${issue}/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
    .reply(201, { id: 500 + issue })
    .get(`${REPO_PATH}/issues/${issue}/labels`)
    .query(true)
    .reply(200, [{ name: "kind/flake" }, { name: "flake/version-skew" }]);
  return bodies;
}

async function triage(issue: number, threads: string): Promise<{ body: string; overlapped: boolean }> {
  process.env["SKEWBOT_SCAN_THREADS"] = threads;
  mockNoConfig();
  const build = mockBuild();
  const bodies = expectReport(issue);
  await t.probot.receive({ id: `at-once-${issue}`, name: "issue_comment", payload: failureReport(issue) });
  await t.settle();
  expect(build.scope.pendingMocks()).toEqual([]);
  expect(bodies).toHaveLength(1);
  return { body: bodies[0]!, overlapped: build.overlapped() };
}

describe("the app reads a build's logs at once", () => {
  it("posts the comment a read one after the other posts, each failed log with its problem line", async () => {
    const one = await triage(1, "1");
    expect(one.overlapped).toBe(false);
    const two = await triage(2, "2");
    expect(two.overlapped, "the logs were read at once").toBe(true);
    expect(two.body).toBe(one.body);
    // What the comment says: the causes of each log, and the two that could not be read.
    expect(one.body).toContain("k8s-compat-mincompat-out-of-range");
    expect(one.body).toMatch(/containerd\.log not found \(404\)/);
    expect(one.body).toMatch(/kube-scheduler\.log: server error \(500\)/);
    expect(one.body).toMatch(/in 6 logs, 8,0\d\d lines/);
  });
});
