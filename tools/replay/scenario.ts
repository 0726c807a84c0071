import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { FakeGcs, type ObjectBody } from "./fake-gcs.js";
import { FakeGitHub, type FakeComment } from "./fake-github.js";

// The Cluster API incident replayed offline, end to end: k8s-ci-robot reports a failed Prow job on a
// pull request; the real app process (lib/main.js, as `npm start` runs it), pointed at a fake GitHub and
// a fake GCS on loopback, receives the signed webhook, fetches the Prow logs, and posts its comment and
// labels to the fake GitHub. Used by `npm run demo` and by the end-to-end test.

export const REPO = "kubernetes-sigs/cluster-api";
export const PR = 11840;
export const BUCKET = "kubernetes-ci-logs";
export const JOB = "pull-cluster-api-e2e-conformance-ci-latest-release-1-7";
export const BUILD_DIR = `pr-logs/pull/sigs.k8s.io_cluster-api/${PR}/${JOB}/1889000000000000001`;
export const VIEW_URL = `https://prow.k8s.io/view/gs/${BUCKET}/${BUILD_DIR}`;
export const WEBHOOK_SECRET = "replay-secret";
const HEAD_SHA = "57d7e84618a2d3f06c9b0c9a1e4b2d7f3a9c0e11";

/** The checkout's root: the nearest directory with a package.json, whether this runs from tools/ (the
 * tests, through vitest) or compiled from build/tools/ (the demo and the benchmarks). */
function checkoutRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}
const ROOT = checkoutRoot();
export const root = (path: string) => join(ROOT, path);

function prowObjects(buildLog?: string): Map<string, ObjectBody> {
  const sample = root("samples/capi-11833-kind-bringup.log");
  // The kube-apiserver container log, as kind's log export stores it under artifacts/.
  const lines = readFileSync(sample, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("==> ") && l.includes("/kube-apiserver/"));
  const end = lines.findIndex((l, i) => i > start && l.startsWith("==> "));
  const apiserver = lines.slice(start + 1, end === -1 ? undefined : end).join("\n") + "\n";
  const dir = `${BUCKET}/${BUILD_DIR}`;
  const json = (value: unknown): ObjectBody => ({ text: JSON.stringify(value, null, 2) });
  return new Map<string, ObjectBody>([
    [`${dir}/build-log.txt`, { file: buildLog ?? sample }],
    [`${dir}/started.json`, json({ timestamp: 1738880000, pull: String(PR), repos: { "kubernetes-sigs/cluster-api": `release-1.7:${HEAD_SHA}` } })],
    [`${dir}/finished.json`, json({ timestamp: 1738883600, passed: false, result: "FAILURE", revision: HEAD_SHA })],
    [
      `${dir}/prowjob.json`,
      json({
        kind: "ProwJob",
        spec: {
          type: "presubmit",
          job: JOB,
          refs: { org: "kubernetes-sigs", repo: "cluster-api", base_ref: "release-1.7", pulls: [{ number: PR, sha: HEAD_SHA }] },
          pod_spec: { containers: [{ env: [{ name: "GINKGO_FOCUS", value: "\\[K8s-Install-ci-latest\\]" }, { name: "KUBERNETES_VERSION_LATEST_CI", value: "ci/latest-1.31" }] }] },
        },
        status: { state: "failure" },
      }),
    ],
    [`${dir}/artifacts/clusters/k8s-conformance-abc123/machines/k8s-conformance-abc123-md8nq/kube-apiserver.log`, { text: apiserver }],
  ]);
}

const EARLIER_SKEW = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

/** The id of the job's n-th earlier build (all before the replayed build 1889000000000000001). */
export const earlierBuildId = (n: number) => String(1_888_999_999_999_999_900n + BigInt(n));

/**
 * The replayed job's earlier builds on other pull requests, as Prow stores them (the pr-logs/directory
 * index, metadata, a build log), for the regression window's tests and bench. Builds 0 … good-1 passed on
 * v1.31.5; from `good` on they failed with the skew, on a binary built from newer source. `broken` makes
 * one build's prowjob.json not JSON and points one index entry into another bucket.
 */
export function earlierBuilds(total: number, good: number, broken: { notJson?: number; elsewhere?: number } = {}): Map<string, ObjectBody> {
  const objects = new Map<string, ObjectBody>();
  const json = (v: unknown): ObjectBody => ({ text: JSON.stringify(v) });
  for (let n = 0; n < total; n++) {
    const pull = 11000 + n;
    const dir = `pr-logs/pull/sigs.k8s.io_cluster-api/${pull}/${JOB}/${earlierBuildId(n)}`;
    const ok = n < good;
    // Prow's index: one small object per build, holding the gs:// path of the build directory.
    objects.set(`${BUCKET}/pr-logs/directory/${JOB}/${earlierBuildId(n)}.txt`, { text: n === broken.elsewhere ? `gs://another-bucket/${dir}` : `gs://${BUCKET}/${dir}` });
    objects.set(`${BUCKET}/${dir}/finished.json`, json({ timestamp: 1738000000 + n * 3600, passed: ok, result: ok ? "SUCCESS" : "FAILURE" }));
    objects.set(
      `${BUCKET}/${dir}/prowjob.json`,
      n === broken.notJson
        ? { text: "{truncated" }
        : json({
            spec: {
              type: "presubmit",
              job: JOB,
              refs: { org: "kubernetes-sigs", repo: "cluster-api", base_ref: "release-1.7", pulls: [{ number: pull, sha: `sha${n}` }] },
              pod_spec: { containers: [{ env: [{ name: "KUBERNETES_VERSION", value: "v1.31.0" }] }] },
            },
            status: { state: ok ? "success" : "failure", startTime: new Date((1738000000 + n * 3600) * 1000).toISOString() },
          }),
    );
    objects.set(`${BUCKET}/${dir}/build-log.txt`, {
      text: `I0206 22:52:48.681002       1 server.go:150] Version: ${ok ? "v1.31.5" : "v1.31.6-rc.0.12+4e7b5ad1b1f1c2"}\n${ok ? "PASS" : EARLIER_SKEW}\n`,
    });
  }
  return objects;
}

function failureReport(): string {
  return [
    "@contributor: The following test **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:",
    "",
    "Test name | Commit | Details | Required | Rerun command",
    "--- | --- | --- | --- | ---",
    `${JOB} | ${HEAD_SHA.slice(0, 10)} | [link](${VIEW_URL}) | true | \`/test ${JOB}\``,
    "",
    "<details>",
    "",
    "Instructions for interacting with me using PR comments are available [here](https://git.k8s.io/community/contributors/guide/pull-requests.md).",
    "</details>",
    "<!-- test report -->",
  ].join("\n");
}

/** An `issue_comment.created` delivery, shaped like GitHub's documented payload. */
export function ciRobotCommentPayload(): Record<string, unknown> {
  const [owner, name] = REPO.split("/") as [string, string];
  const user = (login: string, id: number) => ({ login, id, node_id: `U_${id}`, type: "User", site_admin: false, html_url: `https://github.com/${login}` });
  return {
    action: "created",
    issue: {
      url: `https://api.github.com/repos/${REPO}/issues/${PR}`,
      html_url: `https://github.com/${REPO}/pull/${PR}`,
      id: 2_800_000_001,
      number: PR,
      title: "🐛 [release-1.7] scripts: fix checking out k/k release branch",
      user: user("contributor", 101),
      state: "open",
      locked: false,
      labels: [],
      comments: 3,
      author_association: "MEMBER",
      body: "Cherry-pick of #11836 on release-1.7.",
      pull_request: { url: `https://api.github.com/repos/${REPO}/pulls/${PR}`, html_url: `https://github.com/${REPO}/pull/${PR}` },
    },
    comment: {
      url: `https://api.github.com/repos/${REPO}/issues/comments/2650000001`,
      html_url: `https://github.com/${REPO}/pull/${PR}#issuecomment-2650000001`,
      id: 2_650_000_001,
      user: user("k8s-ci-robot", 20407524),
      created_at: "2025-02-13T10:12:00Z",
      updated_at: "2025-02-13T10:12:00Z",
      author_association: "CONTRIBUTOR",
      body: failureReport(),
    },
    repository: { id: 124157517, node_id: "MDEwOlJlcG9zaXRvcnkxMjQxNTc1MTc=", name, full_name: REPO, private: false, owner: user(owner, 36015203) },
    sender: user("k8s-ci-robot", 20407524),
    installation: { id: 42, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=" },
  };
}

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Replay {
  github: FakeGitHub;
  gcs: FakeGcs;
  app: ChildProcess;
  appUrl: string;
  /** The storage URL the app reads the Prow build from (the fake GCS, or what `gcsFront` put before it). */
  gcsUrl: string;
  /** The app process's output, for diagnostics. */
  output: string[];
  deliver(event: string, payload: unknown, id?: string, secret?: string): Promise<number>;
  /**
   * Waits until the fake GitHub holds a bot comment on the PR, then until the comments and labels stop changing;
   * with `until`, also until the bodies pass it. The app posts its report first and edits the regression window
   * into it afterwards, and on a loaded machine that edit can come after a pause longer than the stability wait.
   */
  settled(timeoutMs?: number, until?: (bodies: string[]) => boolean): Promise<{ comments: FakeComment[]; labels: string[] }>;
  stop(): Promise<number | null>;
}

export interface ReplayOptions {
  env?: Record<string, string>;
  /** Serve this file as the build's build-log.txt instead of the bundled sample (benchmarks). */
  buildLog?: string;
  /** Arguments for node before lib/main.js (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Put something in front of the fake GCS (a throttling proxy); returns the URL the app should use. */
  gcsFront?: (gcsUrl: string) => Promise<string>;
  /** Sees each request the fake GitHub has read, as "METHOD /path". */
  onGitHubRequest?: (line: string) => void;
  /** More objects in the fake GCS (`bucket/name` → body), e.g. the job's earlier builds. */
  objects?: Map<string, ObjectBody>;
}

/** Starts the fakes and the app process (lib/main.js); the caller delivers webhooks and stops it. */
/** A private key for the fake App: each app process gets one, as a real installation has its own. */
export function appPrivateKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
}

/**
 * The environment of an app process (lib/main.js) on loopback: a fake GitHub at `githubHost` over plain
 * HTTP, fake storage at `storageUrl`, JSON logs; `extra` adds or overrides settings (queue, store, ports).
 */
export function appProcessEnv(githubHost: string, storageUrl: string, extra: Record<string, string> = {}, privateKey = appPrivateKey()): Record<string, string> {
  return {
    PATH: process.env["PATH"] ?? "",
    NODE_ENV: "production",
    APP_ID: "1",
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET,
    GHE_HOST: githubHost,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    SKEWBOT_GCS_API_URL: storageUrl,
    SKEWBOT_STORAGE_URL: storageUrl,
    ...extra,
  };
}

export async function startReplay(options: ReplayOptions = {}): Promise<Replay> {
  const github = new FakeGitHub("skewbot", options.onGitHubRequest);
  github.repo(REPO).pulls.set(PR, { head: { sha: HEAD_SHA } });
  const gcs = new FakeGcs(new Map([...prowObjects(options.buildLog), ...(options.objects ?? [])]));
  const githubHost = await github.listen();
  const gcsDirect = await gcs.listen();
  const gcsUrl = options.gcsFront ? await options.gcsFront(gcsDirect) : gcsDirect;
  const port = await freePort();

  const output: string[] = [];
  // Each replay remembers only its own triages (a fresh SQLite history) unless the caller says otherwise.
  const dataDir = mkdtempSync(join(tmpdir(), "skewbot-replay-"));
  const app = spawn(process.execPath, [...(options.nodeArgs ?? []), root("lib/main.js")], {
    env: appProcessEnv(githubHost, gcsUrl, { PORT: String(port), SKEWBOT_DRAIN_TIMEOUT_MS: "10000", SKEWBOT_DATA_DIR: dataDir, ...options.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  app.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const appUrl = `http://127.0.0.1:${port}`;

  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the app exited during start-up:\n${output.join("")}`);
    try {
      if ((await fetch(`${appUrl}/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start:\n${output.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    github,
    gcs,
    app,
    appUrl,
    gcsUrl,
    output,
    async deliver(event, payload, id = crypto.randomUUID(), secret = WEBHOOK_SECRET) {
      const body = JSON.stringify(payload);
      const res = await fetch(`${appUrl}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": id, "x-hub-signature-256": sign(body, secret) },
        body,
      });
      await res.arrayBuffer();
      return res.status;
    },
    async settled(timeoutMs = 20_000, until?: (bodies: string[]) => boolean) {
      const end = Date.now() + timeoutMs;
      let last = "";
      let stableSince = Date.now();
      for (;;) {
        const comments = github.botComments(REPO, PR);
        const labels = github.repo(REPO).issueLabels.get(PR) ?? [];
        const state = JSON.stringify([comments.map((c) => c.body), labels]);
        if (state !== last) {
          last = state;
          stableSince = Date.now();
        }
        const done = comments.length > 0 && labels.length > 0 && (until === undefined || until(comments.map((c) => c.body)));
        if (done && Date.now() - stableSince > 1500) return { comments, labels };
        if (Date.now() > end) return { comments, labels };
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (app.exitCode === null) app.kill("SIGTERM");
      const code = await exited;
      await github.close();
      await gcs.close();
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
