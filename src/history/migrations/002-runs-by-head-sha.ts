import type { Migration } from "./index.js";

// A successful check run is matched to earlier failures of its job at the same commit (a rerun that passed)
// before any API call is made: that lookup is by head sha.
const sql = "CREATE INDEX runs_head_sha ON runs (head_sha)";

export const runsByHeadSha: Migration = { version: 2, name: "runs by head sha", sqlite: sql, postgres: sql };
