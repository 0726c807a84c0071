import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import type { HistoryStore, RunRecord } from "../../src/history/index.js";
import { startReplay } from "../../tools/replay/scenario.js";
import { forEachBackend, type BackendUnderTest } from "../history/helpers.js";
import { root } from "./helpers.js";

// The history store as real processes use it (lib/): the app prunes past the retention as it starts, and
// several processes writing to one store at once lose nothing.

const DAY = 86_400_000;

function run(key: string, ageDays: number, repository = "kubernetes-sigs/cluster-api"): RunRecord {
  return {
    source: "prow",
    key,
    job: "periodic-e2e",
    repository,
    result: "failure",
    logs: [],
    hints: [],
    findings: [{ fingerprint: "0123456789abcdef", signature: "k8s-compat-mincompat-out-of-range", verdict: "cause", message: "minCompatibilityVersion version v1.30 is not between [v1.31, v1.31]", versions: {} }],
    recordedAt: Date.now() - ageDays * DAY,
  };
}

async function withStore<T>(b: BackendUnderTest, fn: (store: HistoryStore) => Promise<T>): Promise<T> {
  const store = await b.open();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const keysOf = (b: BackendUnderTest) => withStore(b, async (s) => (await s.runsOfJob("periodic-e2e", 1000)).map((r) => r.key).sort());

/** A child process that records `count` runs through lib/'s history, all at once. */
function writer(env: Record<string, string>, name: string, count: number): Promise<{ code: number | null; output: string }> {
  const lib = pathToFileURL(root("lib/history/index.js")).href;
  const script = `
    const { historyFromEnv } = await import(${JSON.stringify(lib)});
    const history = historyFromEnv(process.env);
    const store = await history.open();
    await Promise.all(Array.from({ length: ${count} }, (_, i) => store.record({
      source: "prow", key: "prow:${name}/" + i, job: "periodic-e2e", repository: "kubernetes-sigs/cluster-api", pull: 1000 + i, result: "failure",
      logs: ["build-log.txt"], hints: [], recordedAt: Date.now(),
      findings: [{ fingerprint: "0123456789abcdef", signature: "s", verdict: "cause", message: "m", versions: {} }],
    })));
    await history.close();
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: { PATH: process.env["PATH"] ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

forEachBackend("history in real processes", (backend) => {
  it("the app prunes runs past the retention as it starts, before any triage; recent runs stay", async () => {
    const b = backend().fresh();
    await withStore(b, async (s) => {
      await s.record(run("prow:old-100d", 100));
      await s.record(run("prow:old-31d", 31, "other/repo"));
      await s.record(run("prow:recent-29d", 29));
    });
    const replay = await startReplay({ env: { ...b.env, SKEWBOT_HISTORY_RETENTION_DAYS: "30" } });
    try {
      // Pruning runs in the background once the store is open: wait for it, not for a fixed time.
      let keys = await keysOf(b);
      for (let i = 0; i < 200 && keys.length > 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        keys = await keysOf(b);
      }
      expect(keys).toEqual(["prow:recent-29d"]);
    } finally {
      await replay.stop();
    }
  }, 60_000);

  it("four processes writing 25 runs each at once lose nothing", async () => {
    const b = backend().fresh();
    await withStore(b, async () => undefined); // migrated once, as a deployment's first start would
    const results = await Promise.all(["a", "b", "c", "d"].map((name) => writer(b.env, name, 25)));
    for (const r of results) expect(r, r.output).toMatchObject({ code: 0 });
    await withStore(b, async (s) => {
      expect(await s.size()).toEqual({ runs: 100, findings: 100 });
      const stats = await s.sightings({ fingerprint: "0123456789abcdef", since: Date.now() - DAY, run: { job: "periodic-e2e" } });
      expect(stats.runs).toBe(100);
      expect(stats.pulls).toBe(25);
    });
  }, 60_000);

  it("four processes starting on a fresh store at once migrate it once and all write", async () => {
    const b = backend().fresh();
    const results = await Promise.all(["a", "b", "c", "d"].map((name) => writer(b.env, name, 10)));
    for (const r of results) expect(r, r.output).toMatchObject({ code: 0 });
    expect((await keysOf(b)).length).toBe(40);
  }, 60_000);
});
