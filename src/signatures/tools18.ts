import type { Signature } from "../model.js";

// Rules of the twelfth tuning session (tools). Their reasoning lives in src/diagnose/area-tools18.ts; real lines and
// near-misses in test/fixtures/real-world/lines-18tools.jsonl.

export const tools18Signatures: Signature[] = [];
