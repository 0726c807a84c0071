import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16addons.jsonl.

export const addons16Signatures: Signature[] = [];
