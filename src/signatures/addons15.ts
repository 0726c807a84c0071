import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15addons.jsonl.

export const addons15Signatures: Signature[] = [];
