import type { Signature } from "../model.js";

// Rules of the seventh tuning session (area: core). Their reasoning lives in src/diagnose/area-core13.ts; real lines
// and near-misses in test/fixtures/real-world/lines-13core.jsonl.

export const core13Signatures: Signature[] = [];
