import { afterEach, describe, expect, it } from "vitest";
import { payload } from "../app/payloads.js";
import { defaultEnv, HOME, jobLog, startWorld, type World } from "./harness.js";

// D3: an allowed host from a base URL, the GitHub (Enterprise) API URL or an allow-list entry means that
// scheme, host and port, and nothing else; redirects are judged by the same rule. Every server here is on
// 127.0.0.1: the fake GitHub, the blob host its job logs redirect to, and a stranger on another port of
// the same address that nothing configures, and that must never be asked for anything.

const MARKER = "log-line-from-the-stranger";
let w: World | undefined;

afterEach(async () => {
  await w?.close();
  w = undefined;
});

function triage(refs: string[]) {
  return payload("issue_comment", "created", (q) => {
    q.comment.body = `/triage ${refs.join(" ")}`;
    q.comment.user = { ...q.issue.user };
  });
}

function body(world: World): string {
  const comments = world.comments(1);
  expect(comments).toHaveLength(1);
  return comments[0]!.body;
}

describe("exact origins (D3)", () => {
  it("reads an Actions job log through its redirect to blob storage named host:port", async () => {
    w = await startWorld();
    w.addJob(HOME, 11, jobLog("blob-log-line"));
    await w.receive("issue_comment", triage([`github:${HOME}/job/11`]));
    expect(body(w)).toContain("blob-log-line");
    expect(w.blob.requests).toEqual([`GET /actions-results/${HOME}/11/job-logs.txt`]);
  });

  it("refuses a job-log redirect to another port of the GitHub API's own host (the GHES case)", async () => {
    w = await startWorld();
    const stranger = w.stranger;
    stranger.files.set("/logs/11.txt", jobLog(MARKER));
    w.addJob(HOME, 11, "", { logUrl: `${stranger.origin}/logs/11.txt?sig=abc` });
    await w.receive("issue_comment", triage([`github:${HOME}/job/11`]));
    const text = body(w);
    expect(text).not.toContain(MARKER);
    // The API's host is trusted for plain http on the API's port only.
    expect(text).toContain(`refused http://127.0.0.1:${stranger.port}/logs/11.txt: plain http is not allowed for 127.0.0.1 port ${stranger.port}`);
    expect(stranger.requests).toEqual([]);
  });

  it("re-checks a redirect from the allowed blob host to another port of the same address", async () => {
    w = await startWorld();
    w.stranger.files.set("/moved.txt", jobLog(MARKER));
    w.addJob(HOME, 11, "");
    w.blob.redirects.set(`/actions-results/${HOME}/11/job-logs.txt`, `${w.stranger.origin}/moved.txt`);
    await w.receive("issue_comment", triage([`github:${HOME}/job/11`]));
    const text = body(w);
    expect(text).not.toContain(MARKER);
    expect(text).toContain(`refused http://127.0.0.1:${w.stranger.port}/moved.txt`);
    expect(w.blob.requests).toEqual([`GET /actions-results/${HOME}/11/job-logs.txt`]);
    expect(w.stranger.requests).toEqual([]);
  });

  it("SKEWBOT_STORAGE_URL=http://127.0.0.1:<port> trusts that port only, not every port of the address", async () => {
    w = await startWorld(({ apiUrl, blob }) => ({ SKEWBOT_GITHUB_API_URL: apiUrl, SKEWBOT_STORAGE_URL: blob.origin, SKEWBOT_GCS_API_URL: blob.origin, SKEWBOT_RETRIES: "0" }));
    w.blob.files.set("/ci/build.log", jobLog("storage-log-line"));
    w.stranger.files.set("/ci/build.log", jobLog(MARKER));
    await w.receive("issue_comment", triage([`${w.blob.origin}/ci/build.log`, `${w.stranger.origin}/ci/build.log`]));
    const text = body(w);
    expect(text).toContain("storage-log-line");
    expect(text).not.toContain(MARKER);
    expect(text).toMatch(new RegExp(`refused http://127\\.0\\.0\\.1:${w.stranger.port}/ci/build\\.log: plain http is not allowed for 127\\.0\\.0\\.1 port ${w.stranger.port}`));
    expect(w.blob.requests).toEqual(["GET /ci/build.log"]);
    expect(w.stranger.requests).toEqual([]);
  });

  it("an allowedHosts entry in .github/skewbot.yml with a port allows that port only", async () => {
    w = await startWorld((e) => ({ ...defaultEnv(e), SKEWBOT_ALLOW_HTTP: "true", SKEWBOT_ALLOW_PRIVATE_ADDRESSES: "true" }));
    w.github.repo(HOME).config = `allowedHosts: ["127.0.0.1:${w.blob.port}"]\n`;
    w.blob.files.set("/x/build.log", jobLog("configured-host-line"));
    w.stranger.files.set("/x/build.log", jobLog(MARKER));
    await w.receive("issue_comment", triage([`${w.blob.origin}/x/build.log`, `${w.stranger.origin}/x/build.log`]));
    const text = body(w);
    expect(text).toContain("configured-host-line");
    expect(text).not.toContain(MARKER);
    expect(text).toContain(`port ${w.stranger.port} of 127.0.0.1 is not allowed`);
    expect(w.stranger.requests).toEqual([]);
  });
});
