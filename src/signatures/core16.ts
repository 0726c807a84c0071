import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: core). Their reasoning lives in src/diagnose/area-core16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16core.jsonl.

export const core16Signatures: Signature[] = [];
