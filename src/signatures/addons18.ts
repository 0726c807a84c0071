import type { Signature } from "../model.js";

// Rules of the twelfth tuning session (addons). Their reasoning lives in src/diagnose/area-addons18.ts; real lines and
// near-misses in test/fixtures/real-world/lines-18addons.jsonl.

export const addons18Signatures: Signature[] = [];
