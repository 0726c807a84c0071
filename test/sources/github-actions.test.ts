import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SourceSettings } from "../../src/sources/index.js";
import { readSource, readUntilError, testSettings , resolveRef } from "./helpers.js";

const API = "https://api.github.com";
const LOGS = "https://productionresultssa3.blob.core.windows.net";
const t = (s: string) => `2024-05-01T10:00:${s}`;

const steps = [
  { number: 1, name: "Set up job", status: "completed", conclusion: "success", started_at: t("00Z"), completed_at: t("02Z") },
  { number: 2, name: "Run actions/checkout@v4", status: "completed", conclusion: "success", started_at: t("02Z"), completed_at: t("05Z") },
  { number: 3, name: "Run make e2e", status: "completed", conclusion: "failure", started_at: t("05Z"), completed_at: t("30Z") },
  { number: 4, name: "Complete job", status: "completed", conclusion: "success", started_at: t("31Z"), completed_at: t("31Z") },
];

const rawLog = [
  `${t("00.1000000Z")} Current runner version: '2.316.0'`,
  `${t("00.2000000Z")} Runner image: ubuntu-22.04`,
  `${t("02.5000000Z")} ##[group]Run actions/checkout@v4`,
  `${t("03.0000000Z")} Syncing repository`,
  `${t("05.2000000Z")} ##[group]Run make e2e`,
  `${t("06.0000000Z")} Creating cluster "kind" ...`,
  `${t("20.0000000Z")} error: version skew detected`,
  `${t("31.1000000Z")} Cleaning up orphan processes`,
].join("\n");

function job(overrides: Record<string, unknown> = {}) {
  return {
    id: 2,
    run_id: 1,
    name: "e2e (v1.30)",
    workflow_name: "CI",
    status: "completed",
    conclusion: "failure",
    html_url: "https://github.com/o/r/actions/runs/1/job/2",
    steps,
    ...overrides,
  };
}

function settings(overrides: Partial<SourceSettings> = {}): SourceSettings {
  return testSettings({ githubToken: "ghp_test", ...overrides });
}

const resolve = (input: string, s: SourceSettings = settings()) => resolveRef(input, s);

const withToken = { reqheaders: { authorization: (v: string) => v.endsWith("ghp_test") } };

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("GitHub Actions job", () => {
  it("streams the log from the redirect target without the token and links lines to #step:S:L", async () => {
    nock(API, withToken).get("/repos/o/r/actions/jobs/2").reply(200, job());
    const api = nock(API, withToken)
      .get("/repos/o/r/actions/jobs/2/logs")
      .reply(302, "", { location: `${LOGS}/actions-results/abc/logs/job/job-logs.txt?sig=SECRET&se=2024` });
    const host = nock(LOGS, { badheaders: ["authorization"] }).get("/actions-results/abc/logs/job/job-logs.txt").query(true).reply(200, rawLog);

    const resolved = await resolve("https://github.com/o/r/actions/runs/1/job/2");
    expect(resolved).toMatchObject({
      title: "o/r · CI / e2e (v1.30) (failure)",
      url: "https://github.com/o/r/actions/runs/1/job/2",
      problems: [],
      hints: [],
    });
    expect(resolved.skipped).toBeUndefined();
    const [source] = resolved.sources;
    expect(source?.name).toBe("e2e (v1.30)");
    expect(await readSource(source!)).toBe(rawLog);
    expect(api.isDone() && host.isDone()).toBe(true);
    expect(source?.lineLink?.(7)).toBe("https://github.com/o/r/actions/runs/1/job/2#step:3:3");
    expect(source?.lineLink?.(3)).toBe("https://github.com/o/r/actions/runs/1/job/2#step:2:1");
    expect(source?.lineLink?.(8)).toBe("https://github.com/o/r/actions/runs/1/job/2#step:4:1");
  });

  it("streams a log that the API returns directly (some GitHub Enterprise versions)", async () => {
    nock(API).get("/repos/o/r/actions/jobs/2").reply(200, job());
    nock(API).get("/repos/o/r/actions/jobs/2/logs").reply(200, rawLog, { "content-type": "text/plain" });
    const resolved = await resolve("github:o/r/job/2");
    expect(await readSource(resolved.sources[0]!)).toBe(rawLog);
  });

  it("does not triage cancelled, skipped or unfinished jobs", async () => {
    nock(API).get("/repos/o/r/actions/jobs/2").reply(200, job({ conclusion: "cancelled" }));
    nock(API).get("/repos/o/r/actions/jobs/3").reply(200, job({ id: 3, conclusion: "skipped" }));
    nock(API).get("/repos/o/r/actions/jobs/4").reply(200, job({ id: 4, status: "in_progress", conclusion: null }));
    const cancelled = await resolve("github:o/r/job/2");
    expect(cancelled).toMatchObject({ skipped: 'job "e2e (v1.30)" was cancelled: not triaged', sources: [] });
    expect((await resolve("github:o/r/job/3")).skipped).toBe('job "e2e (v1.30)" was skipped: it has no log');
    expect((await resolve("github:o/r/job/4")).skipped).toBe('job "e2e (v1.30)" is in progress: not triaged until it completes');
  });

  it("reports a job that does not exist", async () => {
    nock(API).get("/repos/o/r/actions/jobs/9").reply(404, { message: "Not Found" });
    const resolved = await resolve("github:o/r/job/9", testSettings());
    expect(resolved.problems).toEqual(["GitHub Actions job 9 in o/r not found (404): for a private repository, set GITHUB_TOKEN"]);
    expect(resolved.sources).toEqual([]);
  });

  it("reports the API rate limit", async () => {
    nock(API)
      .get("/repos/o/r/actions/jobs/2")
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1714557600" });
    const resolved = await resolve("github:o/r/job/2", testSettings());
    expect(resolved.problems).toEqual(["GitHub Actions job 2 in o/r: GitHub API rate limit exceeded until 10:00 UTC (set GITHUB_TOKEN)"]);
  });

  it("retries a GitHub API 5xx", async () => {
    nock(API).get("/repos/o/r/actions/jobs/2").reply(502, "");
    nock(API).get("/repos/o/r/actions/jobs/2").reply(200, job());
    expect((await resolve("github:o/r/job/2")).sources).toHaveLength(1);
  });

  it("reports an expired log when the source is opened", async () => {
    nock(API).get("/repos/o/r/actions/jobs/2").reply(200, job());
    nock(API).get("/repos/o/r/actions/jobs/2/logs").reply(410, { message: "Gone" });
    const [source] = (await resolve("github:o/r/job/2")).sources;
    await expect(source!.open()).rejects.toThrow("e2e (v1.30) log is gone (410): logs are deleted after the retention period");
  });

  it("refuses a log redirect to a private address or a host that is not allowed", async () => {
    nock(API).get("/repos/o/r/actions/jobs/2").times(2).reply(200, job());
    nock(API).get("/repos/o/r/actions/jobs/2/logs").reply(302, "", { location: "https://pipelines.actions.githubusercontent.com/x" });
    nock(API).get("/repos/o/r/actions/jobs/2/logs").reply(302, "", { location: "https://evil.example.com/x" });
    const s = settings({ resolve: async (h) => [{ address: h.includes("pipelines") ? "169.254.169.254" : "140.82.112.6", family: 4 }] });
    const first = (await resolve("github:o/r/job/2", s)).sources[0]!;
    await expect(first.open()).rejects.toThrow(
      "refused pipelines.actions.githubusercontent.com: it resolves to 169.254.169.254, a link-local address (SKEWBOT_ALLOW_PRIVATE_ADDRESSES)",
    );
    const second = (await resolve("github:o/r/job/2", s)).sources[0]!;
    await expect(second.open()).rejects.toThrow("refused https://evil.example.com/x: evil.example.com is not an allowed host");
  });

  it("stops a log at the byte cap with a partial-scan line", async () => {
    nock(API).get("/repos/o/r/actions/jobs/2").reply(200, job());
    nock(API).get("/repos/o/r/actions/jobs/2/logs").reply(302, "", { location: `${LOGS}/l?sig=x` });
    nock(LOGS).get("/l").query(true).reply(200, rawLog);
    const [source] = (await resolve("github:o/r/job/2", settings({ maxLogBytes: 100 }))).sources;
    const result = await readUntilError(await source!.open());
    expect(result.bytes).toBe(100);
    expect(result.error).toBe("e2e (v1.30) log: stopped after 100 B (byte cap): partial scan");
  });

  it("uses a GitHub Enterprise API and web host", async () => {
    const ghe = settings({ githubApiUrl: "https://ghe.example.com/api/v3", githubUrl: "https://ghe.example.com", allowedHosts: [] });
    nock("https://ghe.example.com", withToken)
      .get("/api/v3/repos/o/r/actions/jobs/2")
      .reply(200, job({ html_url: "https://ghe.example.com/o/r/actions/runs/1/job/2" }));
    const resolved = await resolve("https://ghe.example.com/o/r/actions/runs/1/job/2", ghe);
    expect(resolved.url).toBe("https://ghe.example.com/o/r/actions/runs/1/job/2");
    expect(resolved.sources).toHaveLength(1);
  });
});

describe("GitHub Actions run", () => {
  const jobs = (list: Record<string, unknown>[]) => ({ total_count: list.length, jobs: list });

  it("reads every failed job of the latest attempt, within the job limit", async () => {
    nock(API).get("/repos/o/r/actions/runs/5").reply(200, { name: "CI", status: "completed", conclusion: "failure", html_url: "https://github.com/o/r/actions/runs/5" });
    nock(API)
      .get("/repos/o/r/actions/runs/5/jobs")
      .query({ filter: "latest", per_page: "100" })
      .reply(
        200,
        jobs([
          job({ id: 10, name: "unit", conclusion: "failure" }),
          job({ id: 11, name: "lint", conclusion: "success" }),
          job({ id: 12, name: "e2e-1.29", conclusion: "cancelled" }),
          job({ id: 13, name: "e2e-1.30", conclusion: "timed_out" }),
        ]),
        { link: `<${API}/repositories/1/actions/runs/5/jobs?filter=latest&per_page=100&page=2>; rel="next"` },
      );
    nock(API)
      .get("/repositories/1/actions/runs/5/jobs")
      .query({ filter: "latest", per_page: "100", page: "2" })
      .reply(200, jobs([job({ id: 14, name: "e2e-1.31", conclusion: "failure" })]));
    const resolved = await resolve("https://github.com/o/r/actions/runs/5", settings({ maxJobs: 2 }));
    expect(resolved.title).toBe("o/r · CI run 5 (failure)");
    expect(resolved.sources.map((s) => s.name)).toEqual(["unit", "e2e-1.30"]);
    expect(resolved.sources.map((s) => s.url)).toEqual([
      "https://github.com/o/r/actions/runs/1/job/2",
      "https://github.com/o/r/actions/runs/1/job/2",
    ]);
    expect(resolved.problems).toEqual(["not triaged (cancelled): e2e-1.29", "1 more failed jobs not read (limit 2, SKEWBOT_MAX_JOBS)"]);
  });

  it("uses the attempt endpoints for a run attempt", async () => {
    nock(API).get("/repos/o/r/actions/runs/5/attempts/2").reply(200, { name: "CI", status: "completed", conclusion: "failure", html_url: "u" });
    nock(API)
      .get("/repos/o/r/actions/runs/5/attempts/2/jobs")
      .query(true)
      .reply(200, jobs([job({ id: 20, name: "e2e", conclusion: "failure", html_url: null, run_id: 5 })]));
    const resolved = await resolve("https://github.com/o/r/actions/runs/5/attempts/2");
    expect(resolved.title).toBe("o/r · CI run 5 attempt 2 (failure)");
    expect(resolved.sources[0]?.url).toBe("https://github.com/o/r/actions/runs/5/job/20");
  });

  it("does not triage a cancelled run or a run without failures", async () => {
    nock(API).get("/repos/o/r/actions/runs/6").reply(200, { name: "CI", status: "completed", conclusion: "cancelled", html_url: "u" });
    nock(API).get("/repos/o/r/actions/runs/7").reply(200, { name: "CI", status: "completed", conclusion: "success", html_url: "u" });
    nock(API).get("/repos/o/r/actions/runs/7/jobs").query(true).reply(200, jobs([job({ conclusion: "success" })]));
    expect((await resolve("github:o/r/run/6")).skipped).toBe("workflow run was cancelled: not triaged");
    expect((await resolve("github:o/r/run/7")).skipped).toBe("no failed jobs in run 7 (success): nothing to triage");
  });

  it("reads the jobs that already failed in a run still in progress", async () => {
    nock(API).get("/repos/o/r/actions/runs/8").reply(200, { name: "CI", status: "in_progress", conclusion: null, html_url: "u" });
    nock(API)
      .get("/repos/o/r/actions/runs/8/jobs")
      .query(true)
      .reply(200, jobs([job({ name: "a", conclusion: "failure" }), job({ name: "b", status: "in_progress", conclusion: null })]));
    const resolved = await resolve("github:o/r/run/8");
    expect(resolved.sources.map((s) => s.name)).toEqual(["a"]);
    expect(resolved.problems).toEqual(["run is still in_progress: only jobs that already failed are read"]);
  });
});
