// The shared backend: PostgreSQL through node-postgres, for several replicas serving one App. Everything
// lives in one schema (`public` unless configured); migrations run under an advisory lock, so replicas
// starting together apply each version once.
import pg from "pg";
import { pending } from "./migrations/index.js";
import { splitStatements } from "./sqlite.js";
import { SqlHistoryStore, type Backend, type Executor } from "./store.js";

export interface PostgresOptions {
  connectionString: string;
  /** Schema that holds the tables; created when missing. */
  schema?: string;
  /** Pool size per process. */
  maxConnections?: number;
  connectTimeoutMs?: number;
  /** Statement timeout, so that a stuck query cannot hold a triage. */
  statementTimeoutMs?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `?` → `$1, $2, …` (the shared SQL never has a literal question mark). */
function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

function executor(client: pg.Pool | pg.PoolClient): Executor {
  return {
    all: async <T>(sql: string, params?: readonly unknown[]) => (await client.query(numbered(sql), params ? [...params] : [])).rows as T[],
    run: async (sql: string, params?: readonly unknown[]) => (await client.query(numbered(sql), params ? [...params] : [])).rowCount ?? 0,
  };
}

class PostgresBackend implements Backend {
  readonly kind = "postgres" as const;
  private readonly direct: Executor;

  constructor(readonly pool: pg.Pool) {
    this.direct = executor(pool);
  }

  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(executor(client));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export async function openPostgresStore(options: PostgresOptions): Promise<SqlHistoryStore> {
  const schema = options.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}" (lower-case letters, digits, _)`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    // Every connection of the pool works in the store's schema.
    options: `-c search_path=${schema} -c statement_timeout=${Math.floor(options.statementTimeoutMs ?? 10_000)}`,
    application_name: "skewbot",
  });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on("error", () => undefined);
  const backend = new PostgresBackend(pool);
  try {
    await migratePostgres(backend, schema);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return new SqlHistoryStore(backend);
}

async function migratePostgres(backend: PostgresBackend, schema: string): Promise<void> {
  await backend.transaction(async (tx) => {
    // Replicas starting at once: the second waits here, then finds the versions applied.
    await tx.run("SELECT pg_advisory_xact_lock(hashtext(?))", [`skewbot-history:${schema}`]);
    await tx.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    const applied = (await tx.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version));
    for (const m of pending(applied)) {
      for (const statement of splitStatements(m.postgres)) await tx.run(statement);
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [m.version, m.name, Date.now()]);
    }
  });
}
