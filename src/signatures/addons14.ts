import type { Signature } from "../model.js";

// Rules of the eighth tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons14.ts; real lines
// and near-misses in test/fixtures/real-world/lines-14addons.jsonl.

export const addons14Signatures: Signature[] = [];
