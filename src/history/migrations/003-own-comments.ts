import type { Migration } from "./index.js";

// The bot's one report comment per thread (`owner/repo#N`), recorded the moment it is created. Every
// replica looks here before listing the thread's comments: GitHub's listing can lag a fresh create, and a
// replica that trusted the listing alone would post a second comment. One row per thread (the primary key).
const table = (big: string) => `
CREATE TABLE own_comments (
  thread TEXT PRIMARY KEY,
  comment_id ${big} NOT NULL,
  updated_at ${big} NOT NULL
);
`;

export const ownComments: Migration = {
  version: 3,
  name: "own comment per thread",
  sqlite: table("INTEGER"),
  postgres: table("BIGINT"),
};
