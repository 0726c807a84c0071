import { randomBytes } from "node:crypto";
import pg from "pg";

// The machine's PostgreSQL server for tests. Every run works in its own schema (other worktrees run the
// same tests at the same time) and drops it afterwards. With SKEWBOT_REQUIRE_SERVICES=1 (CI) a missing
// server fails the tests; without it they say plainly that they did not run.

export const DATABASE_URL = process.env["SKEWBOT_TEST_DATABASE_URL"] || "postgres://postgres@127.0.0.1:5432/test";
export const REQUIRED = process.env["SKEWBOT_REQUIRE_SERVICES"] === "1";

/** Why the server cannot be used, or undefined when it can. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${DATABASE_URL.replace(/\/\/[^@/]*@/, "//")} is not reachable (${(err as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function uniqueSchema(prefix = "skewbot_test"): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export const postgresAvailability = await postgresUnavailable();
