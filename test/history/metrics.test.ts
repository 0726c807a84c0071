import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { History, openSqliteStore } from "../../src/history/index.js";
import { createMetrics, historyObserver } from "../../src/metrics.js";
import { incidentReport, prowRun } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "skewbot-history-metrics-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("exports store latency by operation and result, and the store's size, on /metrics", async () => {
  const metrics = createMetrics();
  const history = new History(() => openSqliteStore({ path: join(dir, "ok.sqlite") }), { description: "SQLite", observer: historyObserver(metrics) });
  await history.remember([{ run: prowRun(1), report: await incidentReport() }], { windowDays: 7 });
  await history.close();
  const corrupt = join(dir, "corrupt.sqlite");
  writeFileSync(corrupt, "not a database\n".repeat(100));
  const broken = new History(() => openSqliteStore({ path: corrupt }), { description: "SQLite", observer: historyObserver(metrics) });
  await broken.remember([{ run: prowRun(2), report: await incidentReport() }], { windowDays: 7 });
  const text = await metrics.registry.metrics();
  for (const op of ["open", "record", "recurrence", "prune", "size"]) expect(text).toMatch(new RegExp(`skewbot_history_store_seconds_count\\{operation="${op}",result="ok"\\} [1-9]`));
  expect(text).toMatch(/skewbot_history_store_seconds_count\{operation="open",result="error"\} 1/);
  expect(text).toContain('skewbot_history_stored{kind="runs"} 1');
  expect(text).toContain('skewbot_history_stored{kind="findings"} 1');
});
