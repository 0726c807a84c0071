import type { Signature } from "../model.js";

// Rules of the seventh tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform13.ts; real lines
// and near-misses in test/fixtures/real-world/lines-13platform.jsonl.

export const platform13Signatures: Signature[] = [];
