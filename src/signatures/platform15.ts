import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15platform.jsonl.

export const platform15Signatures: Signature[] = [];
