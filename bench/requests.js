// GitHub requests per triage, counted at the fake GitHub of the replay (the real app process, lib/main.js,
// on loopback), for three cases:
//   a. a CI-bot failure report on a pull request;
//   b. `/triage` on a pull request whose head commit has 45 statuses (the failed Prow one among the last 15,
//      beyond the combined status's first page of 30) and 10 check runs;
//   c. 20 concurrent `/triage` comments on one pull request.
// Each case runs in a fresh app process against a fresh fake GitHub. Run alone with `node bench/requests.js`
// (after `npm run build && npm run build:tools`); `npm run bench` includes it. BENCH_REPLAY_MODULE points at another build's replay
// (used once to measure the code before the GitHub port).

import process from "node:process";
import { setTimeout } from "node:timers";
import { pathToFileURL, URL } from "node:url";

const replayModule = process.env["BENCH_REPLAY_MODULE"] ? pathToFileURL(process.env["BENCH_REPLAY_MODULE"]).href : new URL("../build/tools/replay/scenario.js", import.meta.url).href;
const { ciRobotCommentPayload, PR, REPO, startReplay, VIEW_URL } = await import(replayModule);

const HEAD_SHA = "57d7e84618a2d3f06c9b0c9a1e4b2d7f3a9c0e11";

/** Waits until the fake GitHub has seen no request for `quietMs` after at least one bot comment. */
async function quiet(replay, quietMs = 2000, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = replay.github.requests.length;
    if (n !== last) {
      last = n;
      since = Date.now();
    }
    if (replay.github.botComments(REPO, PR).length > 0 && Date.now() - since >= quietMs) return;
    if (Date.now() > end) throw new Error(`no quiet GitHub within ${timeoutMs / 1000} s:\n${replay.output.join("").slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function command(id) {
  const p = ciRobotCommentPayload();
  return { ...p, comment: { ...p.comment, id, body: "/triage", user: { ...p.comment.user, login: "maintainer", id: 4242 } }, sender: { ...p.sender, login: "maintainer", id: 4242 } };
}

function prWithManyContexts(github) {
  const repo = github.repo(REPO);
  repo.permissions.set("maintainer", "write");
  // 45 contexts; the failed Prow job is the 40th, on the second page of 30.
  repo.statuses.set(
    HEAD_SHA,
    Array.from({ length: 45 }, (_, i) =>
      i === 39
        ? { state: "failure", context: "pull-cluster-api-e2e-conformance-ci-latest-release-1-7", target_url: VIEW_URL }
        : { state: "success", context: `pull-cluster-api-check-${i}`, target_url: `https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/x/${i}` },
    ),
  );
  repo.checkRuns.set(
    HEAD_SHA,
    Array.from({ length: 10 }, (_, i) => ({ id: 100 + i, name: `check-${i}`, conclusion: "success", details_url: `https://github.com/${REPO}/actions/runs/1/job/${100 + i}`, app: { slug: "github-actions" } })),
  );
}

/** Requests to the fake GitHub by kind; installation-token exchanges are counted apart. */
function count(replay) {
  const all = replay.github.requests.filter((r) => !r.path.endsWith("/access_tokens"));
  const commentListings = all.filter((r) => r.method === "GET" && /\/issues\/\d+\/comments$/.test(r.path)).length;
  return { total: all.length, commentListings, tokens: replay.github.requests.length - all.length };
}

export async function requestBudget() {
  const results = {};
  {
    const replay = await startReplay();
    try {
      await replay.deliver("issue_comment", ciRobotCommentPayload(), "bench-a");
      await quiet(replay);
      results.ciReport = { ...count(replay), found: replay.github.botComments(REPO, PR)[0].body.includes("minCompatibilityVersion") };
    } finally {
      await replay.stop();
    }
  }
  {
    const replay = await startReplay();
    try {
      prWithManyContexts(replay.github);
      await replay.deliver("issue_comment", command(3_000_000_001), "bench-b");
      await quiet(replay);
      results.manyContexts = { ...count(replay), found: replay.github.botComments(REPO, PR)[0].body.includes("minCompatibilityVersion") };
    } finally {
      await replay.stop();
    }
  }
  {
    const replay = await startReplay();
    try {
      prWithManyContexts(replay.github);
      await Promise.all(Array.from({ length: 20 }, (_, i) => replay.deliver("issue_comment", command(3_000_000_100 + i), `bench-c-${i}`)));
      await quiet(replay, 3000);
      const comments = replay.github.botComments(REPO, PR);
      results.burst = { ...count(replay), found: comments.some((c) => c.body.includes("minCompatibilityVersion")), botComments: comments.length };
    } finally {
      await replay.stop();
    }
  }
  return results;
}

/** Before issue 12's GitHub port (main at e21f801, the same fakes): 12, 11 (missing the failed status on page 2) and 182 requests. */
const BEFORE = { ciReport: 12, manyContexts: 11, burst: 182 };

/** Rows R1–R3 of `npm run bench` and their note. */
export async function requestRows() {
  const r = await requestBudget();
  const cell = (x) => `${x.total} requests (${x.commentListings} comment listing(s))${x.found ? "" : ", **failure not found**"}`;
  // Issue 12's target: half of the 163 requests measured when it was filed.
  const target = 81;
  return {
    rows: [
      ["R1", "GitHub requests: a CI bot's failure report on a pull request, to the report", cell(r.ciReport), "", `before the port: ${BEFORE.ciReport}`, "", "", "", ""],
      ["R2", "GitHub requests: `/triage` on a pull request with 45 statuses (the failed one on page 2) and 10 check runs", cell(r.manyContexts), "", `before the port: ${BEFORE.manyContexts} (did not find it)`, "", "", "finds it", r.manyContexts.found ? "met" : "**missed**"],
      ["R3", "GitHub requests: 20 concurrent `/triage` on one pull request", cell(r.burst), "", `before the port: ${BEFORE.burst}`, "", `${(r.burst.total / BEFORE.burst).toFixed(2)}× before`, `≤ ${target}`, r.burst.total <= target && r.burst.botComments === 1 ? "met" : "**missed**"],
    ],
    notes: [
      "Rows R1–R3 count the requests the app process (lib/main.js) makes to the replay's fake GitHub until it is quiet, installation-token exchanges apart; one run each (the counts do not vary with load). " +
        "\"Before the port\" is the same bench with BENCH_REPLAY_MODULE pointing at a build of main before issue 12's restructure (e21f801), run once.",
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${JSON.stringify(await requestBudget(), null, 2)}\n`);
}
