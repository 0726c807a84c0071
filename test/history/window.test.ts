import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { FakeGcs, type ObjectBody } from "../../tools/replay/fake-gcs.js";
import type { JsonReport } from "../../src/report/json.js";

// The regression window through the CLI (`skewbot history`, `analyze --history`) against the loopback fake
// GCS holding a periodic job's history of many builds.

const BUCKET = "kubernetes-ci-logs";
const JOB = "ci-cluster-api-e2e-latest";
const FIRST = 1_890_000_000_000_000_100n;
const id = (n: number) => String(FIRST + BigInt(n));
const SKEW = '"command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

interface BuildSpec {
  result: "SUCCESS" | "FAILURE";
  binary: string;
  /** The failure's line is in the apiserver log. */
  skew: boolean;
  missingFinished?: boolean;
  brokenProwjob?: boolean;
  /** Neither finished.json nor prowjob.json (a pod that never reported). */
  noMetadata?: boolean;
}

function addBuild(objects: Map<string, ObjectBody>, n: number, spec: BuildSpec): void {
  const dir = `${BUCKET}/logs/${JOB}/${id(n)}`;
  const json = (v: unknown): ObjectBody => ({ text: JSON.stringify(v) });
  objects.set(`${dir}/started.json`, json({ timestamp: 1_764_000_000 + n * 3600 }));
  if (!spec.missingFinished && !spec.noMetadata) objects.set(`${dir}/finished.json`, json({ timestamp: 1_764_000_000 + n * 3600 + 1800, passed: spec.result === "SUCCESS", result: spec.result }));
  if (!spec.noMetadata) objects.set(
    `${dir}/prowjob.json`,
    spec.brokenProwjob
      ? { text: "{not json" }
      : json({ spec: { job: JOB, type: "periodic", pod_spec: { containers: [{ image: "gcr.io/k8s-staging-test-infra/kubekins-e2e", env: [{ name: "KUBERNETES_VERSION", value: "v1.31.0" }] }] } }, status: { state: spec.result.toLowerCase(), startTime: new Date((1_764_000_000 + n * 3600) * 1000).toISOString() } }),
  );
  objects.set(`${dir}/build-log.txt`, { text: `+ make test-e2e\nSTEP: creating the workload cluster\n${spec.result === "FAILURE" ? "[FAILED] Timed out after 1200.001s.\n" : "PASS\n"}` });
  objects.set(
    `${dir}/artifacts/clusters/bootstrap/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-${n}.log`,
    { text: `2025-02-06T22:52:48.681002017Z stderr F I0206 22:52:48.681002       1 server.go:150] Version: ${spec.binary}\n${spec.skew ? `2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] ${SKEW}\n` : ""}` },
  );
}

/** Builds 0–39 pass on v1.31.5; from 40 on every build fails with the skew on a binary built from newer source. */
function history(total: number, patch: (n: number, spec: BuildSpec) => BuildSpec = (_n, s) => s): Map<string, ObjectBody> {
  const objects = new Map<string, ObjectBody>();
  for (let n = 0; n < total; n++) {
    const good = n < 40;
    addBuild(objects, n, patch(n, { result: good ? "SUCCESS" : "FAILURE", binary: good ? "v1.31.5" : "v1.31.6-rc.0.12+4e7b5ad1b1f1c2", skew: !good }));
  }
  objects.set(`${BUCKET}/logs/${JOB}/latest-build.txt`, { text: id(total - 1) });
  return objects;
}

async function cli(args: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: (async function* () {})(), env });
  return { code, stdout, stderr };
}

describe("regression window from Prow storage", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "skewbot-window-"));
  const servers: FakeGcs[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  async function serve(objects: Map<string, ObjectBody>, options: { pageSize?: number } = {}) {
    const gcs = new FakeGcs(objects, options);
    servers.push(gcs);
    const url = await gcs.listen();
    const env = { SKEWBOT_STORAGE_URL: url, SKEWBOT_GCS_API_URL: url, SKEWBOT_RETRIES: "0", SKEWBOT_DATA_DIR: join(dataDir, String(servers.length)) };
    return { gcs, url, env };
  }

  let big: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    big = await serve(history(120));
  });

  it("finds the last good and first bad build by bisecting, within 50 builds and 10 scans, and names the version that changed", async () => {
    // 120 builds: 0–39 pass, 40–119 fail. The 50 builds before 119 are all failures: no good build in reach.
    const far = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${id(119)}`, "--format", "json"], big.env);
    expect(far.stderr).toBe("");
    const farWindow = (JSON.parse(far.stdout) as JsonReport).window!;
    expect(farWindow.lastGood).toBeNull();
    expect(farWindow.buildsLooked).toBe(50);
    expect(farWindow.summary).toMatch(/^no passing build among the last 50: first bad build \d+/);

    // Build 60: the 50 before it reach back to build 10, past the last good build (39).
    big.gcs.requests.length = 0;
    const near = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${id(60)}`, "--format", "json"], big.env);
    expect(near.code).toBe(0);
    const w = (JSON.parse(near.stdout) as JsonReport).window!;
    expect(w.lastGood).toMatchObject({ id: id(39), result: "success", versions: { binary: "v1.31.5", kubernetes: "v1.31.0" } });
    expect(w.firstBad).toMatchObject({ id: id(40), result: "failure", versions: { binary: "v1.31.6-rc.0.12+4e7b5ad1b1f1c2" } });
    expect(w.changed).toEqual([{ role: "binary", from: "v1.31.5", to: "v1.31.6-rc.0.12+4e7b5ad1b1f1c2" }]);
    expect(w.summary).toBe(`last good build ${id(39)} (v1.31.0) → first bad build ${id(40)} (v1.31.0): changed between them: binary v1.31.5 → v1.31.6-rc.0.12+4e7b5ad1b1f1c2; the Kubernetes build changed between them.`);
    expect(w.buildsLooked).toBe(50);
    expect(w.partial).toEqual([]);
    // Bounded: metadata of 50 builds, the logs of at most 10 of them (bisection over 20 failures, plus the good one).
    const scannedBuilds = new Set(big.gcs.requests.filter((r) => r.includes("build-log.txt")).map((r) => /\/(\d{19})\//.exec(r)?.[1]));
    scannedBuilds.delete(id(60));
    expect(scannedBuilds.size).toBeGreaterThan(0);
    expect(scannedBuilds.size).toBeLessThanOrEqual(10);
    expect(w.logsScanned).toBeLessThanOrEqual(10 * 4);
    // finished.json: once per build looked at, once for this run, and again by each scan of a build's logs.
    const finishedReads = big.gcs.requests.filter((r) => r.endsWith("/finished.json")).length;
    expect(finishedReads).toBe(50 + 1 + scannedBuilds.size);
  });

  it("prints the window and the recurrence as text; the job directory means its latest build", async () => {
    const env = { ...big.env, SKEWBOT_WINDOW_MAX_BUILDS: "100", SKEWBOT_DATA_DIR: join(dataDir, "text") };
    const out = await cli(["history", `gs://${BUCKET}/logs/${JOB}`], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Regression window (${JOB}): last good build ${id(39)}`);
    expect(out.stdout).toMatch(/last good +\d+ {2}success {2}kubernetes v1\.31\.0, binary v1\.31\.5/);
    expect(out.stdout).toContain("History: new — first sighting");
    // Recorded in the store: the same build again is not a new sighting, but the same run.
    const again = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${id(119)}`], env);
    expect(again.stdout).toContain("History: new — first sighting");
    const other = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${id(118)}`], env);
    expect(other.stdout).toContain("History: persistent — every recorded run of ci-cluster-api-e2e-latest since the first sighting (2 runs) failed this way.");
  });

  it("analyze --history adds the window to the full analysis and keeps the exit code", async () => {
    const out = await cli(["analyze", "--history", `gs://${BUCKET}/logs/${JOB}/${id(45)}`, "--format", "markdown"], { ...big.env, SKEWBOT_DATA_DIR: join(dataDir, "analyze") });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("Minimum compatibility version out of range");
    expect(out.stdout).toContain(`### Regression window: ${JOB}`);
    expect(out.stdout).toContain(`| last good | [${id(39)}](https://prow.k8s.io/view/gs/${BUCKET}/logs/${JOB}/${id(39)}) | success | kubernetes v1.31.0, binary v1.31.5 |`);
    expect(out.stdout).toContain("**History: new**");
  });

  it("for a presubmit, follows Prow's pr-logs/directory index to the same job's builds on other pull requests", async () => {
    const objects = new Map<string, ObjectBody>();
    const PJOB = "pull-cluster-api-e2e";
    const json = (v: unknown): ObjectBody => ({ text: JSON.stringify(v) });
    for (let n = 0; n < 12; n++) {
      const pull = 100 + n;
      const dir = `pr-logs/pull/kubernetes-sigs_cluster-api/${pull}/${PJOB}/${id(n)}`;
      const ok = n < 5;
      objects.set(`${BUCKET}/pr-logs/directory/${PJOB}/${id(n)}.txt`, { text: `gs://${BUCKET}/${dir}` });
      objects.set(`${BUCKET}/${dir}/finished.json`, json({ passed: ok, result: ok ? "SUCCESS" : "FAILURE" }));
      objects.set(`${BUCKET}/${dir}/prowjob.json`, json({ spec: { job: PJOB, type: "presubmit", refs: { org: "kubernetes-sigs", repo: "cluster-api", base_ref: "main", pulls: [{ number: pull, sha: `sha${n}` }] } }, status: { state: ok ? "success" : "failure" } }));
      objects.set(`${BUCKET}/${dir}/build-log.txt`, { text: `I0206 22:52:48.681002       1 server.go:150] Version: ${ok ? "v1.31.5" : "v1.31.6"}
${ok ? "PASS" : `E0206 22:52:48.682710       1 run.go:72] ${SKEW}`}
` });
    }
    const { env } = await serve(objects);
    const out = await cli(["history", `gs://${BUCKET}/pr-logs/pull/kubernetes-sigs_cluster-api/111/${PJOB}/${id(11)}`, "--format", "json"], env);
    const w = (JSON.parse(out.stdout) as JsonReport).window!;
    expect(w.lastGood).toMatchObject({ id: id(4), url: `https://prow.k8s.io/view/gs/${BUCKET}/pr-logs/pull/kubernetes-sigs_cluster-api/104/${PJOB}/${id(4)}` });
    expect(w.firstBad).toMatchObject({ id: id(5) });
    expect(w.changed).toEqual([{ role: "binary", from: "v1.31.5", to: "v1.31.6" }]);
    expect(w.buildsLooked).toBe(11);
  });

  it("a partly missing, malformed and paginated history gives a bounded, partial window that says what it could not read", async () => {
    const objects = history(70, (n, spec) => ({ ...spec, ...(n === 50 ? { missingFinished: true } : {}), ...(n === 55 ? { brokenProwjob: true } : {}), ...(n === 52 ? { noMetadata: true } : {}) }));
    // Not builds: a stray file and a directory that is not a build id.
    objects.set(`${BUCKET}/logs/${JOB}/.trash/readme.txt`, { text: "x" });
    const { env, gcs } = await serve(objects, { pageSize: 7 });
    const out = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${id(69)}`, "--format", "json"], { ...env, SKEWBOT_WINDOW_MAX_SCANS: "2" });
    const w = (JSON.parse(out.stdout) as JsonReport).window!;
    expect(w.partial).toEqual(
      expect.arrayContaining([
        "1 entry of the listing were not builds and were skipped",
        `build ${id(55)}: metadata not read (prowjob.json: not valid JSON)`,
        `build ${id(52)}: metadata not read (finished.json and prowjob.json are missing)`,
        "scan limit reached (2 builds or the time budget): the window may be wider than shown",
      ]),
    );
    expect(w.summary).toMatch(/\(partial window\)\.$/);
    expect(w.lastGood?.id).toBe(id(39));
    // The listing came in pages of 7 and was followed to the end (70 builds before this one, and the stray entry).
    const pages = gcs.requests.filter((r) => r.includes(`prefix=logs%2F${JOB}%2F&`) && r.includes("endOffset="));
    expect(pages.length).toBe(Math.ceil(70 / 7));
    expect(pages.filter((r) => r.includes("pageToken=")).length).toBe(pages.length - 1);
    expect(w.buildsLooked).toBe(48);
  });

  it("a job with tens of thousands of builds: the listing is narrowed to the builds just before this one, in a few small requests", async () => {
    // 25,000 builds (more than a whole listing is read), ids spaced like Prow's; only the last 100 have metadata and logs.
    const HUGE = 25_000;
    const spaced = (n: number) => String(FIRST + BigInt(n) * 7_919_000_003n);
    const objects = new Map<string, ObjectBody>();
    const small = history(100);
    for (let n = 0; n < HUGE - 100; n++) objects.set(`${BUCKET}/logs/${JOB}/${spaced(n)}/started.json`, { text: "{}" });
    for (const [key, body] of small) {
      const m = new RegExp(`^${BUCKET}/logs/${JOB}/(\\d{19})/(.*)$`).exec(key);
      if (m) objects.set(`${BUCKET}/logs/${JOB}/${spaced(HUGE - 100 + Number(BigInt(m[1]!) - FIRST))}/${m[2]}`, body);
    }
    const { env, gcs } = await serve(objects);
    // The build at 3000 - 100 + 60: builds 0–39 of the recent hundred passed, 40 on fail (as in the small history).
    const current = spaced(HUGE - 40);
    const out = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${current}`, "--format", "json"], env);
    const w = (JSON.parse(out.stdout) as JsonReport).window!;
    expect(w.partial).toEqual([]);
    expect(w.buildsLooked).toBe(50);
    expect(w.lastGood?.id).toBe(spaced(HUGE - 100 + 39));
    expect(w.firstBad?.id).toBe(spaced(HUGE - 100 + 40));
    expect(w.summary).toContain("the Kubernetes build changed between them");
    const listings = gcs.requests.filter((r) => r.includes(`prefix=logs%2F${JOB}%2F&`));
    // One page of the whole listing, a bisection over the digits of the build id (at most 5 probes), the narrowed range.
    expect(listings.length).toBeLessThanOrEqual(1 + 5 + 1 + 1);
    expect(listings.filter((r) => r.includes("startOffset=")).length).toBeGreaterThan(0);
  });

  it("a listing that answers with something other than JSON: the window says the builds could not be listed, and the report still comes", async () => {
    const { gcs, url } = await serve(history(50));
    // In front of the fake GCS: the job's listing (the one with endOffset) is broken, everything else passes.
    const front = http.createServer(async (req, res) => {
      if (req.url?.includes("endOffset=")) return void res.writeHead(200, { "content-type": "application/json" }).end("<html>upstream error</html>");
      const upstream = await fetch(`${url}${req.url}`);
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "text/plain" }).end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    try {
      const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
      const out = await cli(["history", `gs://${BUCKET}/logs/${JOB}/${id(45)}`, "--format", "json"], { SKEWBOT_STORAGE_URL: frontUrl, SKEWBOT_GCS_API_URL: frontUrl, SKEWBOT_RETRIES: "0", SKEWBOT_DATA_DIR: join(dataDir, "broken-listing") });
      expect(out.code).toBe(0);
      const report = JSON.parse(out.stdout) as JsonReport;
      expect(report.findings.some((f) => f.signature === "k8s-compat-mincompat-out-of-range")).toBe(true);
      const w = report.window!;
      expect(w.partial).toEqual([expect.stringMatching(/^the job's earlier builds could not be listed: .*not valid JSON/)]);
      expect(w.summary).toBe(`no earlier build could be listed: this build ${id(45)} (v1.31.0) is the first that failed this way (partial window).`);
      expect(gcs.requests.some((r) => r.includes("endOffset="))).toBe(false);
    } finally {
      front.close();
    }
  });
});
