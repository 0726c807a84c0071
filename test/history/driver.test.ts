import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { historyFromEnv, openSqliteStore, sqliteDriver } from "../../src/history/index.js";

// Which SQLite driver runs: node:sqlite where Node has it (the image's Node 26), better-sqlite3 elsewhere.
const dir = mkdtempSync(join(tmpdir(), "skewbot-driver-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasNodeSqlite = (() => {
  try {
    return Boolean((process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.("node:sqlite"));
  } catch {
    return false;
  }
})();

it(`picks ${hasNodeSqlite ? "node:sqlite" : "better-sqlite3"} on Node ${process.versions.node} and opens a store with it`, async () => {
  const driver = sqliteDriver();
  expect(driver).toBe(hasNodeSqlite ? "node:sqlite" : "better-sqlite3");
  const store = await openSqliteStore({ path: join(dir, "auto", "history.sqlite") });
  expect(store.driver).toBe(driver);
  expect(await store.size()).toEqual({ runs: 0, findings: 0 });
  await store.close();
});

it("says clearly when the forced driver is missing or unknown", async () => {
  if (!hasNodeSqlite) {
    await expect(openSqliteStore({ path: join(dir, "forced.sqlite"), driver: "node:sqlite" })).rejects.toThrow(
      `node:sqlite is not available in Node ${process.versions.node} (it needs 22.13 or later): use better-sqlite3`,
    );
  } else {
    const store = await openSqliteStore({ path: join(dir, "forced.sqlite"), driver: "node:sqlite" });
    expect(store.driver).toBe("node:sqlite");
    await store.close();
  }
  expect(() => historyFromEnv({ SKEWBOT_SQLITE_DRIVER: "sqlite4", SKEWBOT_DATA_DIR: dir })).toThrow('SKEWBOT_SQLITE_DRIVER must be node:sqlite or better-sqlite3, not "sqlite4"');
});

it("reads its settings from the environment: off, PostgreSQL, SQLite in the data directory, retention", () => {
  expect(historyFromEnv({ SKEWBOT_HISTORY: "off", DATABASE_URL: "postgres://x" })).toBeUndefined();
  expect(historyFromEnv({ DATABASE_URL: "postgres://u@127.0.0.1/db" })?.description).toBe("PostgreSQL");
  const sqlite = historyFromEnv({ SKEWBOT_DATA_DIR: dir, SKEWBOT_HISTORY_RETENTION_DAYS: "30" });
  expect(sqlite?.options.location).toBe(join(dir, "history.sqlite"));
  expect(sqlite?.retentionDays).toBe(30);
  expect(historyFromEnv({ XDG_STATE_HOME: "/var/state" })?.options.location).toBe("/var/state/skewbot/history.sqlite");
  expect(() => historyFromEnv({ SKEWBOT_HISTORY_RETENTION_DAYS: "0" })).toThrow("SKEWBOT_HISTORY_RETENTION_DAYS must be a whole number of days from 1 to 3650");
});
