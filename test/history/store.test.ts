import { afterEach, expect, it, vi } from "vitest";
import { History, fingerprintOf, type HistoryStore, type RunRecord } from "../../src/history/index.js";
import type { JobRun } from "../../src/model.js";
import { DAY, forEachBackend, incidentReport, prowRun } from "./helpers.js";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const FP = fingerprintOf("k8s-compat-mincompat-out-of-range", "minCompatibilityVersion version 1.30 is not between [1.31, 1.31]");

function record(run: JobRun, at: number, fingerprints = [FP]): RunRecord {
  return {
    ...run,
    logs: ["build-log.txt"],
    hints: [{ role: "kubernetes", version: "v1.31.0", source: "prowjob.json" }],
    findings: fingerprints.map((fingerprint) => ({ fingerprint, signature: "k8s-compat-mincompat-out-of-range", verdict: "cause", message: "minCompatibilityVersion version v1.30 is not between [v1.31, v1.31]", versions: { min: "1.30" } })),
    recordedAt: at,
  };
}

forEachBackend("history store", (backend) => {
  const open: HistoryStore[] = [];
  const openStore = async (b = backend()) => {
    const store = await b.open();
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it("applies its migrations once: reopening the same database is a no-op and keeps the data", async () => {
    const b = backend().fresh();
    const first = await openStore(b);
    await first.record(record(prowRun(1), NOW));
    await first.close();
    open.length = 0;
    const again = await openStore(b);
    const third = await openStore(b);
    expect(await again.size()).toEqual({ runs: 1, findings: 1 });
    expect(await third.size()).toEqual({ runs: 1, findings: 1 });
  });

  it("refuses a store that a newer skewbot migrated, with a clear error", async () => {
    const b = backend().fresh();
    await (await b.open()).close();
    await b.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)");
    await expect(b.open()).rejects.toThrow("the history store is at schema version 999, newer than this skewbot knows (3): upgrade skewbot");
  });

  it("counts sightings across jobs and pull requests within the window, newest other pull requests first", async () => {
    const store = await openStore(backend().fresh());
    await store.record(record(prowRun(1, { pull: 101 }), NOW - 10 * DAY)); // outside the window
    await store.record(record(prowRun(2, { pull: 102 }), NOW - 5 * DAY));
    await store.record(record(prowRun(3, { pull: 103, job: "pull-cluster-api-e2e-upgrade" }), NOW - 4 * DAY));
    await store.record(record(prowRun(4, { pull: 104 }), NOW - 3 * DAY));
    await store.record(record(prowRun(5, { pull: 105 }), NOW - 2 * DAY));
    await store.record(record(prowRun(6, { pull: undefined, job: "periodic-cluster-api-e2e", type: "periodic" }), NOW - 1 * DAY));
    await store.record(record(prowRun(7, { pull: 200 }), NOW));
    await store.record(record(prowRun(8, { pull: 300 }), NOW, ["0123456789abcdef"])); // another cause

    const stats = await store.sightings({ fingerprint: FP, since: NOW - 7 * DAY, run: { job: "pull-cluster-api-e2e", repository: "kubernetes-sigs/cluster-api", pull: 200, headSha: "sha7" } });
    expect(stats).toMatchObject({ runs: 6, jobs: 3, pulls: 5, baseRuns: 1 });
    expect(stats.first).toMatchObject({ buildId: "2", pull: 102, at: NOW - 5 * DAY });
    expect(stats.last).toMatchObject({ buildId: "7", pull: 200, at: NOW });
    expect(stats.firstEver).toBe(NOW - 10 * DAY);
    expect(stats.otherPulls.map((p) => p.pull)).toEqual([105, 104, 103]);
    expect(stats.otherPulls[0]).toMatchObject({ job: "pull-cluster-api-e2e", repository: "kubernetes-sigs/cluster-api", url: expect.stringContaining("/5") });
    expect(stats.passed).toBeUndefined();
  });

  it("a re-triage of the same run replaces its findings instead of counting twice, and keeps when it was first recorded", async () => {
    const store = await openStore(backend().fresh());
    await store.record(record(prowRun(1), NOW - DAY));
    await store.record(record(prowRun(1), NOW));
    await store.record(record(prowRun(1), NOW, [FP, "fedcba9876543210"]));
    expect(await store.size()).toEqual({ runs: 1, findings: 2 });
    const stats = await store.sightings({ fingerprint: FP, since: NOW - 7 * DAY, run: { job: "pull-cluster-api-e2e", pull: 100 } });
    expect(stats.runs).toBe(1);
    expect(stats.first?.at).toBe(NOW - DAY);
  });

  it("finds a pass of the same job at the same head sha, and counts the job's runs since the first sighting", async () => {
    const store = await openStore(backend().fresh());
    await store.record(record(prowRun(1, { headSha: "abc" }), NOW - 2 * DAY));
    await store.record({ ...record(prowRun(2, { headSha: "abc", result: "success" }), NOW - DAY, []) });
    await store.record(record(prowRun(3, { headSha: "def" }), NOW));
    const atAbc = await store.sightings({ fingerprint: FP, since: NOW - 7 * DAY, run: { job: "pull-cluster-api-e2e", pull: 100, headSha: "abc" } });
    expect(atAbc.passed).toMatchObject({ buildId: "2", job: "pull-cluster-api-e2e" });
    expect(atAbc.jobRunsSinceFirst).toBe(3);
    expect(atAbc.jobRunsWithIt).toBe(2);
    const atDef = await store.sightings({ fingerprint: FP, since: NOW - 7 * DAY, run: { job: "pull-cluster-api-e2e", pull: 100, headSha: "def" } });
    expect(atDef.passed).toBeUndefined();
  });

  it("prunes runs and their findings older than the retention, for all repositories or one", async () => {
    const store = await openStore(backend().fresh());
    await store.record(record(prowRun(1), NOW - 100 * DAY));
    await store.record(record(prowRun(2, { repository: "other/repo" }), NOW - 40 * DAY));
    await store.record(record(prowRun(3), NOW - 40 * DAY));
    await store.record(record(prowRun(4), NOW));
    expect(await store.prune(NOW - 90 * DAY)).toBe(1);
    expect(await store.size()).toEqual({ runs: 3, findings: 3 });
    expect(await store.prune(NOW - 30 * DAY, "other/repo")).toBe(1);
    expect((await store.runsOfJob("pull-cluster-api-e2e", 10)).map((r) => r.buildId)).toEqual(["4", "3"]);
    expect(await store.size()).toEqual({ runs: 2, findings: 2 });
  });

  it("lists a job's runs newest first with their findings and metadata", async () => {
    const store = await openStore(backend().fresh());
    await store.record(record(prowRun(1, { startedAt: NOW - DAY - 3600_000, finishedAt: NOW - DAY, baseRef: "main" }), NOW - DAY));
    await store.record(record(prowRun(2), NOW));
    const runs = await store.runsOfJob("pull-cluster-api-e2e", 10);
    expect(runs.map((r) => r.buildId)).toEqual(["2", "1"]);
    expect(runs[1]).toMatchObject({ source: "prow", pull: 100, headSha: "sha1", baseRef: "main", result: "failure", startedAt: NOW - DAY - 3600_000, finishedAt: NOW - DAY, recordedAt: NOW - DAY });
    expect(runs[1]!.findings).toEqual([{ fingerprint: FP, signature: "k8s-compat-mincompat-out-of-range", verdict: "cause", message: expect.stringContaining("minCompatibilityVersion") }]);
  });

  it("loses nothing with concurrent writers: several triages on one connection and on separate connections", async () => {
    const b = backend().fresh();
    const stores = [await openStore(b), await openStore(b), await openStore(b)];
    await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % stores.length]!.record(record(prowRun(1000 + i, { pull: 500 + i }), NOW - i * 1000))));
    expect(await stores[0]!.size()).toEqual({ runs: 30, findings: 30 });
    const stats = await stores[1]!.sightings({ fingerprint: FP, since: NOW - DAY, run: { job: "pull-cluster-api-e2e", pull: 999 } });
    expect(stats.runs).toBe(30);
    expect(stats.pulls).toBe(30);
  });

  it("classifies through History.remember: new, then recurring across pull requests, then intermittent after a pass", async () => {
    let now = NOW;
    const b = backend().fresh();
    const history = new History(() => b.open(), { description: b.name, now: () => now });
    try {
      const first = await incidentReport();
      const r1 = await history.remember([{ run: prowRun(1, { pull: 1 }), report: first }], { windowDays: 7 });
      expect(r1.status).toEqual({ status: "recorded" });
      expect(first.causes[0]!.history).toMatchObject({ kind: "new", runs: 1, pulls: 1 });

      now += 3600_000;
      // The same failure on another node, at another time, another pid: the same fingerprint.
      const second = await incidentReport({ at: "2025-02-07T01:02:03.5Z", pid: 4242 });
      await history.remember([{ run: prowRun(2, { pull: 2, headSha: "h2" }), report: second }], { windowDays: 7 });
      expect(second.causes[0]!.history).toMatchObject({ kind: "recurring", runs: 2, pulls: 2, fingerprint: first.causes[0]!.history!.fingerprint });
      expect(second.causes[0]!.history!.otherPulls.map((p) => p.pull)).toEqual([1]);

      now += 3600_000;
      await history.recordPass(prowRun(3, { pull: 2, headSha: "h2" }));
      const third = await incidentReport();
      await history.remember([{ run: prowRun(2, { pull: 2, headSha: "h2" }), report: third }], { windowDays: 7 });
      expect(third.causes[0]!.history).toMatchObject({ kind: "intermittent", passed: { buildId: "3" } });
    } finally {
      await history.close();
    }
  });

  it("classifies a job that fails the same way on every run as persistent", async () => {
    let now = NOW;
    const b = backend().fresh();
    const history = new History(() => b.open(), { description: b.name, now: () => now });
    try {
      let report;
      for (let build = 1; build <= 3; build++) {
        now += 3600_000;
        report = await incidentReport();
        await history.remember([{ run: prowRun(build, { pull: undefined, job: "periodic-e2e", type: "periodic" }), report }], { windowDays: 7 });
      }
      expect(report!.causes[0]!.history).toMatchObject({ kind: "persistent", runs: 3, baseRuns: 3, pulls: 0 });
      expect(report!.causes[0]!.history!.evidence).toContain("every recorded run of periodic-e2e");
    } finally {
      await history.close();
    }
  });

  it("History prunes past the retention when the store opens and every hour after, with no triage in between", async () => {
    let now = NOW;
    const b = backend().fresh();
    const seed = await b.open();
    await seed.record(record(prowRun(1), NOW - 40 * DAY));
    await seed.record(record(prowRun(2), NOW - 20 * DAY));
    await seed.close();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const history = new History(() => b.open(), { description: b.name, now: () => now, retentionDays: 30 });
    try {
      const store = await history.open();
      const buildsLeft = async (n: number) => {
        for (let i = 0; i < 100; i++) {
          const left = (await store.runsOfJob("pull-cluster-api-e2e", 10)).map((r) => r.buildId);
          if (left.length <= n) return left;
          await new Promise((r) => setTimeout(r, 20));
        }
        return (await store.runsOfJob("pull-cluster-api-e2e", 10)).map((r) => r.buildId);
      };
      expect(await buildsLeft(1)).toEqual(["2"]);
      // Eleven days on, build 2 is past the 30 days too; the hourly prune finds it.
      now += 11 * DAY;
      vi.advanceTimersByTime(3_600_000);
      expect(await buildsLeft(0)).toEqual([]);
    } finally {
      vi.useRealTimers();
      await history.close();
    }
  });
});
