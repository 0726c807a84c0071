import type { Migration } from "./index.js";

// Runs: one row per CI run triaged (or seen passing), unique by its canonical key. Findings: one row per
// distinct cause or warning of a run, with its fingerprint, the normalised and redacted message, and the
// versions read from it. recorded_at is copied into findings so that the recurrence query is one index range.
// Times are milliseconds since the epoch.
const columns = (id: string, big: string) => `
CREATE TABLE runs (
  id ${id},
  run_key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  job TEXT NOT NULL,
  repository TEXT,
  build_id TEXT,
  pull INTEGER,
  head_sha TEXT,
  base_ref TEXT,
  branch TEXT,
  run_type TEXT,
  result TEXT,
  started_at ${big},
  finished_at ${big},
  url TEXT,
  thread TEXT,
  logs TEXT NOT NULL,
  hints TEXT NOT NULL,
  recorded_at ${big} NOT NULL
);
CREATE INDEX runs_job_recorded ON runs (job, recorded_at);
CREATE INDEX runs_job_sha ON runs (job, head_sha);
CREATE INDEX runs_recorded ON runs (recorded_at);
CREATE INDEX runs_repository_recorded ON runs (repository, recorded_at);
CREATE TABLE findings (
  id ${id},
  run_id ${big} NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  signature TEXT NOT NULL,
  verdict TEXT NOT NULL,
  message TEXT NOT NULL,
  versions TEXT NOT NULL,
  recorded_at ${big} NOT NULL
);
CREATE INDEX findings_fingerprint_recorded ON findings (fingerprint, recorded_at);
CREATE INDEX findings_run ON findings (run_id);
`;

export const initial: Migration = {
  version: 1,
  name: "runs and findings",
  sqlite: columns("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"),
  postgres: columns("BIGSERIAL PRIMARY KEY", "BIGINT"),
};
