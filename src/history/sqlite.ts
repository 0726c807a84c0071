// The embedded backend: one SQLite file in the data directory. Two drivers with the same synchronous API:
// Node's built-in node:sqlite where the running Node has it unflagged (22.13+, so the container image's
// Node 26), and better-sqlite3 12 elsewhere (Node 20). The image never needs a native build that way;
// better-sqlite3 is an optional dependency compiled on install where Node lacks node:sqlite.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { pending } from "./migrations/index.js";
import { SqlHistoryStore, type Backend, type Executor } from "./store.js";

export type SqliteDriverName = "node:sqlite" | "better-sqlite3";

interface Statement {
  run(...params: unknown[]): { changes: number | bigint };
  all(...params: unknown[]): unknown[];
}

interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
}

interface NodeSqlite {
  DatabaseSync: new (path: string) => Database;
}

function loadNodeSqlite(): NodeSqlite | undefined {
  try {
    const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    const mod = getBuiltin?.("node:sqlite") as NodeSqlite | undefined;
    return mod && typeof mod.DatabaseSync === "function" ? mod : undefined;
  } catch {
    return undefined;
  }
}

function loadBetterSqlite(): (new (path: string, options?: { timeout?: number }) => Database) | undefined {
  try {
    return createRequire(import.meta.url)("better-sqlite3") as new (path: string) => Database;
  } catch {
    return undefined;
  }
}

/** The driver that would be used: `preferred` (SKEWBOT_SQLITE_DRIVER) when given, else node:sqlite when present. */
export function sqliteDriver(preferred?: string): SqliteDriverName {
  if (preferred && preferred !== "node:sqlite" && preferred !== "better-sqlite3") {
    throw new Error(`SKEWBOT_SQLITE_DRIVER must be node:sqlite or better-sqlite3, not "${preferred}"`);
  }
  if (preferred) return preferred as SqliteDriverName;
  return loadNodeSqlite() ? "node:sqlite" : "better-sqlite3";
}

function open(path: string, driver: SqliteDriverName): Database {
  if (driver === "node:sqlite") {
    const mod = loadNodeSqlite();
    if (!mod) throw new Error(`node:sqlite is not available in Node ${process.versions.node} (it needs 22.13 or later): use better-sqlite3`);
    return new mod.DatabaseSync(path);
  }
  const Better = loadBetterSqlite();
  if (!Better) {
    throw new Error(
      `SQLite needs node:sqlite (Node 22.13+) or the better-sqlite3 package, and Node ${process.versions.node} has neither: install better-sqlite3, set DATABASE_URL, or turn history off (SKEWBOT_HISTORY=off)`,
    );
  }
  return new Better(path);
}

const bind = (params: readonly unknown[] | undefined) => (params ?? []).map((p) => (p === undefined ? null : typeof p === "boolean" ? Number(p) : p));

/**
 * One lock per database file in this process. A transaction must not interleave with another caller's
 * statements across awaits; and a second connection to the same file in the same process would wait
 * for the write lock synchronously (busy_timeout blocks the thread), so the holder could never finish.
 * Other processes wait through busy_timeout as usual.
 */
const locks = new Map<string, { tail: Promise<unknown>; users: number }>();

class SqliteBackend implements Backend {
  readonly kind = "sqlite" as const;
  private readonly statements = new Map<string, Statement>();
  private readonly lock: { tail: Promise<unknown>; users: number };

  constructor(
    private readonly db: Database,
    private readonly path: string,
  ) {
    const lock = path === ":memory:" ? { tail: Promise.resolve(), users: 0 } : (locks.get(path) ?? { tail: Promise.resolve(), users: 0 });
    lock.users++;
    if (path !== ":memory:") locks.set(path, lock);
    this.lock = lock;
  }

  private prepared(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  private readonly direct: Executor = {
    all: async <T>(sql: string, params?: readonly unknown[]) => this.prepared(sql).all(...bind(params)) as T[],
    run: async (sql: string, params?: readonly unknown[]) => Number(this.prepared(sql).run(...bind(params)).changes),
  };

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lock.tail.then(fn, fn);
    this.lock.tail = result.catch(() => undefined);
    return result;
  }

  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.exclusive(() => this.direct.all<T>(sql, params));
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.exclusive(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      // IMMEDIATE takes the write lock now, so that another process waits (busy_timeout) instead of failing mid-way.
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (err) {
        try {
          this.db.exec("ROLLBACK");
        } catch {
          // Already rolled back by SQLite (e.g. SQLITE_FULL).
        }
        throw err;
      }
    });
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.statements.clear();
      this.db.close();
    });
    if (--this.lock.users === 0 && locks.get(this.path) === this.lock) locks.delete(this.path);
  }
}

export interface SqliteOptions {
  /** The database file; `:memory:` for a throwaway store. */
  path: string;
  driver?: SqliteDriverName;
  /** How long a writer waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
}

/** Opens (creating the file and its directory when needed) and migrates a SQLite store. */
export async function openSqliteStore(options: SqliteOptions): Promise<SqlHistoryStore & { driver: SqliteDriverName }> {
  const driver = options.driver ?? sqliteDriver();
  if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
  const db = open(options.path, driver);
  const backend = new SqliteBackend(db, options.path === ":memory:" ? ":memory:" : resolve(options.path));
  try {
    backend.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    backend.exec("PRAGMA journal_mode = WAL");
    backend.exec("PRAGMA synchronous = NORMAL");
    backend.exec("PRAGMA foreign_keys = ON");
    await migrateSqlite(backend);
  } catch (err) {
    await backend.close().catch(() => undefined);
    throw err;
  }
  return Object.assign(new SqlHistoryStore(backend), { driver });
}

async function migrateSqlite(backend: SqliteBackend): Promise<void> {
  await backend.transaction(async (tx) => {
    await tx.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    const applied = (await tx.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version));
    for (const m of pending(applied)) {
      for (const statement of splitStatements(m.sqlite)) await tx.run(statement);
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [m.version, m.name, Date.now()]);
    }
  });
}

export function splitStatements(sql: string): string[] {
  return sql
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
