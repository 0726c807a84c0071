import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import type { JsonReport } from "../../src/report/json.js";

// The regression window of a GitHub Actions job: earlier runs of the same workflow on the same branch,
// through a loopback stand-in for the REST API (documented response shapes), configured by SKEWBOT_* variables.

const OWNER = "kubernetes-sigs";
const REPO = "kind";
const WORKFLOW = 7;
const FIRST = 1000;
const CURRENT = 1030;
const FIRST_BAD = 1010;
const SKEW = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

const good = (run: number) => run < FIRST_BAD;
const jobId = (run: number) => run * 10;
let base = "";
const requests: string[] = [];

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  requests.push(`${req.method} ${url.pathname}${url.search}`);
  const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const prefix = `/repos/${OWNER}/${REPO}/actions`;
  let m: RegExpExecArray | null;
  const job = (run: number) => ({
    id: jobId(run),
    run_id: run,
    name: "e2e (v1.31)",
    workflow_name: "CI",
    head_sha: `sha${run}`,
    head_branch: "main",
    status: "completed",
    conclusion: good(run) ? "success" : "failure",
    started_at: "2026-11-30T10:00:00Z",
    completed_at: "2026-11-30T10:30:00Z",
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${run}/job/${jobId(run)}`,
    steps: [],
  });
  const run = (id: number) => ({
    id,
    workflow_id: WORKFLOW,
    name: "CI",
    head_branch: "main",
    head_sha: `sha${id}`,
    event: "push",
    status: "completed",
    conclusion: good(id) ? "success" : "failure",
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${id}`,
    run_started_at: "2026-11-30T10:00:00Z",
    pull_requests: [],
  });
  if ((m = new RegExp(`^${prefix}/jobs/(\\d+)$`).exec(url.pathname))) return json(200, job(Number(m[1]) / 10));
  if ((m = new RegExp(`^${prefix}/jobs/(\\d+)/logs$`).exec(url.pathname))) return res.writeHead(302, { location: `${base}/job-logs/${m[1]}` }).end();
  if ((m = /^\/job-logs\/(\d+)$/.exec(url.pathname))) {
    const r = Number(m[1]) / 10;
    const binary = good(r) ? "v1.31.5" : "v1.31.6-rc.0.12+4e7b5ad1b1f1c2";
    return res.writeHead(200, { "content-type": "text/plain" }).end(`2026-11-30T10:01:00.0000000Z I0206 22:52:48.681002       1 server.go:150] Version: ${binary}\n${good(r) ? "ok" : `2026-11-30T10:02:00.0000000Z ${SKEW}`}\n`);
  }
  if ((m = new RegExp(`^${prefix}/runs/(\\d+)$`).exec(url.pathname))) return json(200, run(Number(m[1])));
  if ((m = new RegExp(`^${prefix}/runs/(\\d+)/jobs$`).exec(url.pathname))) return json(200, { total_count: 1, jobs: [job(Number(m[1]))] });
  if (url.pathname === `${prefix}/workflows/${WORKFLOW}/runs`) {
    if (url.searchParams.get("branch") !== "main" || url.searchParams.get("status") !== "completed") return json(422, { message: "unexpected query" });
    const runs = [];
    for (let id = CURRENT; id >= FIRST && runs.length < Number(url.searchParams.get("per_page") ?? 30); id--) runs.push(run(id));
    return json(200, { total_count: runs.length, workflow_runs: runs });
  }
  json(404, { message: "Not Found" });
});

const dataDir = mkdtempSync(join(tmpdir(), "skewbot-window-actions-"));
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

it("finds the last good and first bad run of the job among the workflow's earlier runs on the branch", async () => {
  let stdout = "";
  let stderr = "";
  const code = await main(["history", `https://github.com/${OWNER}/${REPO}/actions/runs/${CURRENT}/job/${jobId(CURRENT)}`, "--format", "json"], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: (async function* () {})(),
    env: { GITHUB_TOKEN: "ghp_loopback", SKEWBOT_GITHUB_API_URL: base, SKEWBOT_GITHUB_URL: "https://github.com", SKEWBOT_RETRIES: "0", SKEWBOT_DATA_DIR: dataDir },
  });
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const report = JSON.parse(stdout) as JsonReport;
  const w = report.window!;
  expect(w.job).toBe("CI / e2e (v1.31)");
  expect(w.lastGood).toMatchObject({ id: String(FIRST_BAD - 1), result: "success", versions: { binary: "v1.31.5" } });
  expect(w.firstBad).toMatchObject({ id: String(FIRST_BAD), result: "failure", versions: { binary: "v1.31.6-rc.0.12+4e7b5ad1b1f1c2" } });
  expect(w.changed).toEqual([{ role: "binary", from: "v1.31.5", to: "v1.31.6-rc.0.12+4e7b5ad1b1f1c2" }]);
  expect(w.buildsLooked).toBe(30);
  expect(w.partial).toEqual([]);
  expect(report.findings[0]?.history).toMatchObject({ kind: "new", runs: 1 });
  // Bounded: the logs of at most 10 earlier runs were read, bisecting the 20 failures.
  const logsRead = requests.filter((r) => r.startsWith("GET /job-logs/")).length - 1;
  expect(logsRead).toBeGreaterThan(0);
  expect(logsRead).toBeLessThanOrEqual(10);
});
