import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: core). Their reasoning lives in src/diagnose/area-core15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15core.jsonl.

export const core15Signatures: Signature[] = [];
