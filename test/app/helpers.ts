import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp, type AppRuntime } from "../../src/app.js";
import { InProcessQueue } from "../../src/queue.js";
import type { TriageJob } from "../../src/triage-job.js";
import { defaultSourceSettings } from "../../src/sources/index.js";
import type { SourceSettings } from "../../src/sources/index.js";
import type { History } from "../../src/history/index.js";
import type { GitHubPort } from "../../src/github/port.js";

export { payload, type Payload } from "./payloads.js";

export const API = "https://api.github.com";
export const GCS = "https://storage.googleapis.com";
export const BOT = "skewbot[bot]";
export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

export function testSettings(): SourceSettings {
  return defaultSourceSettings({
    resolve: async () => [{ address: "140.82.112.6", family: 4 }],
    retryBaseMs: 1,
    maxRetries: 1,
    requestTimeoutMs: 2000,
    idleTimeoutMs: 2000,
  });
}

export interface TestApp {
  probot: Probot;
  queue: InProcessQueue<TriageJob>;
  logs: Record<string, unknown>[];
  /** Waits until every queued triage has finished. */
  settle(): Promise<void>;
}

export async function createTestApp(options: { dryRun?: boolean; editQuietMs?: number; lookUpLogin?: boolean; history?: History; port?: (installation: number) => GitHubPort } = {}): Promise<TestApp> {
  const logs: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) };
  const probot = new Probot({
    appId: 123,
    privateKey,
    log: pino({ level: "info" }, stream),
    Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const queue = new InProcessQueue<TriageJob>(2, () => undefined);
  let runtime: AppRuntime | undefined;
  await probot.load(
    createApp({
      settings: testSettings(),
      ...(options.lookUpLogin ? {} : { botLogin: BOT }),
      queue,
      dryRun: options.dryRun ?? false,
      editQuietMs: options.editQuietMs ?? 0,
      ...(options.history ? { history: options.history } : {}),
      ...(options.port ? { port: options.port } : {}),
      onReady: (r) => (runtime = r),
    }),
  );
  return { probot, queue, logs, settle: () => runtime!.idle() };
}

/**
 * A fresh app for every test, with the network locked and the installation token mocked; returns a
 * handle that always points at the current test's app.
 */
export function useTestApp(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  let current: TestApp | undefined;
  beforeEach(async () => {
    nock.disableNetConnect();
    current = await createTestApp(options);
    mockToken();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  const app = () => {
    if (!current) throw new Error("useTestApp: no app outside a test");
    return current;
  };
  return {
    get probot() {
      return app().probot;
    },
    get queue() {
      return app().queue;
    },
    get logs() {
      return app().logs;
    },
    settle: () => app().settle(),
  };
}

/** The installation token exchange that every delivery needs. */
export function mockToken(): nock.Scope {
  return nock(API).post("/app/installations/2/access_tokens").reply(201, { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z" }).persist();
}

/** No .github/skewbot.yml, neither in the repository nor in the owner's .github repository. */
export function mockNoConfig(): nock.Scope {
  return nock(API)
    .get(`${REPO_PATH}/contents/.github%2Fskewbot.yml`)
    .reply(404)
    .get(`/repos/${OWNER}/.github/contents/.github%2Fskewbot.yml`)
    .reply(404);
}

export function mockConfig(yaml: string): nock.Scope {
  return nock(API).get(`${REPO_PATH}/contents/.github%2Fskewbot.yml`).reply(200, yaml, { "content-type": "text/plain; charset=utf-8" });
}

export const PROW_BUCKET = "kubernetes-ci-logs";
export const PROW_DIR = "pr-logs/pull/Codertocat_Hello-World/1/pull-capi-e2e-conformance/1888000000000000001";
export const PROW_VIEW = `https://prow.k8s.io/view/gs/${PROW_BUCKET}/${PROW_DIR}`;
export const HEADLINE = '2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

/** A failed Prow build: metadata, a build log, and a kube-apiserver log under artifacts/ that crash-loops. */
export function mockProwBuild(options: { result?: string; apiserverLog?: string; sha?: string } = {}): nock.Scope {
  const dir = PROW_DIR;
  const apiserver = "artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1a2b.log";
  return nock(GCS)
    .get(`/${PROW_BUCKET}/${dir}/started.json`)
    .reply(200, { timestamp: 1738881000 })
    .get(`/${PROW_BUCKET}/${dir}/finished.json`)
    .reply(200, { timestamp: 1738882000, passed: false, result: options.result ?? "FAILURE" })
    .get(`/${PROW_BUCKET}/${dir}/prowjob.json`)
    .reply(200, { spec: { job: "pull-capi-e2e-conformance", refs: { org: OWNER, repo: REPO, pulls: [{ number: 1, ...(options.sha ? { sha: options.sha } : {}) }] } }, status: { state: (options.result ?? "failure").toLowerCase() } })
    .get(`/storage/v1/b/${PROW_BUCKET}/o`)
    .query((q) => q["prefix"] === `${dir}/` && q["delimiter"] === "/")
    .reply(200, { items: ["build-log.txt", "prowjob.json"].map((n) => ({ name: `${dir}/${n}`, size: "100" })), prefixes: [`${dir}/artifacts/`] })
    .get(`/storage/v1/b/${PROW_BUCKET}/o`)
    .query((q) => q["prefix"] === `${dir}/artifacts/` && q["delimiter"] === undefined)
    .reply(200, { items: [{ name: `${dir}/${apiserver}`, size: "5000" }] })
    .get(`/${PROW_BUCKET}/${dir}/build-log.txt`)
    .reply(200, "+ make test-e2e\nSTEP: Waiting for control plane to be initialized\n[FAILED] Timed out after 1200.001s.\n")
    .get(`/${PROW_BUCKET}/${dir}/${apiserver}`)
    .reply(200, options.apiserverLog ?? `2025-02-06T22:52:48.681002017Z stderr F I0206 22:52:48.681002       1 server.go:150] Version: v1.31.6-rc.0.12+4e7b5ad1b1f1c2\n${HEADLINE}\n`);
}

export function prowFailureComment(url = PROW_VIEW): string {
  return [
    "@Codertocat: The following test **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:",
    "",
    "Test name | Commit | Details | Required | Rerun command",
    "--- | --- | --- | --- | ---",
    `pull-capi-e2e-conformance | 6113728f27ae82c7b1a177c8d03f9e96e0adf246 | [link](${url}) | true | \`/test pull-capi-e2e-conformance\``,
    "",
    "[Full PR test history](https://prow.k8s.io/pr-history?org=Codertocat&repo=Hello-World&pr=1). Please help us cut down on flakes by [linking to](https://git.k8s.io/community/contributors/devel/sig-testing/flaky-tests.md#github-issues-for-known-flakes) an [open issue](https://github.com/Codertocat/Hello-World/issues?q=is:issue+is:open) when you hit one in your PR.",
    "",
    "<!-- test report -->",
  ].join("\n");
}
