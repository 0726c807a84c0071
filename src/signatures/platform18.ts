import type { Signature } from "../model.js";

// Rules of the twelfth tuning session (platform). Their reasoning lives in src/diagnose/area-platform18.ts; real lines and
// near-misses in test/fixtures/real-world/lines-18platform.jsonl.

export const platform18Signatures: Signature[] = [];
