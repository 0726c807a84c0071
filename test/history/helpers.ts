import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, describe, it } from "vitest";
import type { JobRun, LogSource, Report } from "../../src/model.js";
import { analyze } from "../../src/pipeline.js";
import { openPostgresStore, openSqliteStore, type HistoryStore } from "../../src/history/index.js";
import { DATABASE_URL, dropSchema, postgresAvailability, REQUIRED, uniqueSchema } from "../helpers/postgres.js";

/** A backend under test: opens stores on one database (each call is another connection, as another process would be). */
export interface BackendUnderTest {
  name: string;
  /** `waitMs`: how long a statement waits for another session's lock (SQLite's busy timeout, PostgreSQL's statement timeout). */
  open(options?: { waitMs?: number }): Promise<HistoryStore>;
  /** Another process or session takes the store's write lock and keeps it until the returned function is called. */
  holdLock(): Promise<() => Promise<void>>;
  /** Opens a store on a fresh database. */
  fresh(): BackendUnderTest;
  /** The environment that points a skewbot process (lib/main.js, the CLI) at this database. */
  env: Record<string, string>;
  /** Runs SQL on the database directly, as an operator (or another skewbot version) would. */
  exec(sql: string): Promise<void>;
  cleanup(): Promise<void>;
}

export function sqliteBackend(): BackendUnderTest {
  const dir = mkdtempSync(join(tmpdir(), "skewbot-history-"));
  let n = 0;
  const make = (path: string): BackendUnderTest => ({
    name: "SQLite file",
    open: (options) => openSqliteStore({ path, ...(options?.waitMs !== undefined ? { busyTimeoutMs: options.waitMs } : {}) }),
    holdLock: async () => {
      const holder = spawn(
        process.execPath,
        ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(path)});d.exec("BEGIN EXCLUSIVE");console.log("locked");setTimeout(()=>{},60000)`],
        { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
      return async () => {
        holder.kill();
      };
    },
    fresh: () => make(join(dir, `fresh-${++n}`, "history.sqlite")),
    env: { SKEWBOT_DATA_DIR: dirname(path) },
    exec: async (sql) => {
      const Database = createRequire(import.meta.url)("better-sqlite3") as new (p: string) => { exec(s: string): void; close(): void };
      const db = new Database(path);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  });
  return make(join(dir, "history.sqlite"));
}

export function postgresBackend(): BackendUnderTest {
  const schemas: string[] = [];
  const make = (schema: string): BackendUnderTest => {
    schemas.push(schema);
    return {
      name: "PostgreSQL",
      open: (options) => openPostgresStore({ connectionString: DATABASE_URL, schema, ...(options?.waitMs !== undefined ? { statementTimeoutMs: options.waitMs } : {}) }),
      holdLock: async () => {
        const client = new pg.Client({ connectionString: DATABASE_URL });
        await client.connect();
        await client.query(`SET search_path = ${schema}`);
        await client.query("BEGIN");
        await client.query("LOCK TABLE runs IN ACCESS EXCLUSIVE MODE");
        return async () => {
          await client.query("ROLLBACK").catch(() => undefined);
          await client.end();
        };
      },
      fresh: () => make(uniqueSchema()),
      env: { DATABASE_URL, SKEWBOT_DATABASE_SCHEMA: schema },
      exec: async (sql) => {
        const client = new pg.Client({ connectionString: DATABASE_URL });
        await client.connect();
        try {
          await client.query(`SET search_path = ${schema}`);
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      cleanup: async () => {
        for (const s of schemas) await dropSchema(s);
      },
    };
  };
  return make(uniqueSchema());
}

/**
 * Runs `suite` against both backends. PostgreSQL runs for real when the server answers; when it does not,
 * the suite fails under SKEWBOT_REQUIRE_SERVICES=1 and otherwise reports, as one passing test, that it did not run.
 */
export function forEachBackend(title: string, suite: (backend: () => BackendUnderTest) => void): void {
  for (const make of [sqliteBackend, postgresBackend]) {
    const isPostgres = make === postgresBackend;
    describe(`${title} (${isPostgres ? "PostgreSQL" : "SQLite file"})`, () => {
      if (isPostgres && postgresAvailability) {
        if (REQUIRED) {
          it("needs PostgreSQL (SKEWBOT_REQUIRE_SERVICES=1)", () => {
            throw new Error(postgresAvailability);
          });
        } else {
          it(`did not run: ${postgresAvailability}; set SKEWBOT_TEST_DATABASE_URL or start the server`, () => {
            console.warn(`PostgreSQL history tests did not run: ${postgresAvailability}`);
          });
        }
        return;
      }
      const backend = make();
      afterAll(() => backend.cleanup());
      suite(() => backend);
    });
  }
}

export function textSource(name: string, text: string): LogSource {
  return { name, open: async () => (async function* () { yield Buffer.from(text); })() };
}

/** A report with the Cluster API incident's cause; `pod` and `at` vary the volatile parts of the line. */
export async function incidentReport(variant = { at: "2025-02-06T22:37:31.406726448Z", pid: 1 }): Promise<Report> {
  const line = `${variant.at} stderr F E0206 22:37:31.406609       ${variant.pid} run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"`;
  return analyze([textSource("build-log.txt", `starting\n${line}\ndone\n`)]);
}

export const DAY = 86_400_000;

export function prowRun(build: number, overrides: Partial<JobRun> = {}): JobRun {
  const job = overrides.job ?? "pull-cluster-api-e2e";
  const pull = "pull" in overrides ? overrides.pull : 100;
  return {
    source: "prow",
    key: `prow:kubernetes-ci-logs/${pull === undefined ? "logs" : `pr-logs/pull/${pull}`}/${job}/${build}`,
    job,
    repository: "kubernetes-sigs/cluster-api",
    buildId: String(build),
    ...(pull === undefined ? {} : { pull }),
    headSha: `sha${build}`,
    result: "failure",
    url: `https://prow.k8s.io/view/gs/kubernetes-ci-logs/${job}/${build}`,
    ...overrides,
  };
}
