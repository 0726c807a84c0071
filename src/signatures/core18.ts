import type { Signature } from "../model.js";

// Rules of the twelfth tuning session (core). Their reasoning lives in src/diagnose/area-core18.ts; real lines and
// near-misses in test/fixtures/real-world/lines-18core.jsonl.

export const core18Signatures: Signature[] = [];
