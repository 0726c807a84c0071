import type { Signature } from "../model.js";

// Rules of the seventh tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons13.ts; real lines
// and near-misses in test/fixtures/real-world/lines-13addons.jsonl.

export const addons13Signatures: Signature[] = [];
