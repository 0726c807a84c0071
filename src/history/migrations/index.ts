// The one migration history of the history store, for both backends. To change the schema, add a file
// `NNN-what.ts` exporting a Migration with the next version number and append it to MIGRATIONS: each
// backend applies, at start and inside one transaction, every version it has not recorded in
// `schema_migrations`, in order. Never edit a migration that has shipped; write the next one.
// See docs/history.md ("Changing the schema").
import { initial } from "./001-initial.js";
import { runsByHeadSha } from "./002-runs-by-head-sha.js";
import { ownComments } from "./003-own-comments.js";

export interface Migration {
  version: number;
  name: string;
  /** Statements for SQLite, separated by semicolons. */
  sqlite: string;
  /** Statements for PostgreSQL (run in the store's schema, through search_path). */
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, runsByHeadSha, ownComments];

/** The newest version this build knows: a store written by a newer skewbot is refused, not guessed at. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Versions not yet applied, in order; throws on a store newer than this build. */
export function pending(applied: readonly number[]): Migration[] {
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_VERSION) {
    throw new Error(`the history store is at schema version ${newest}, newer than this skewbot knows (${LATEST_VERSION}): upgrade skewbot`);
  }
  const done = new Set(applied);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}
