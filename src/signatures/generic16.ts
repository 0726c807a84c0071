import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: generic). Their reasoning lives in src/diagnose/area-generic16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16generic.jsonl.

export const generic16Signatures: Signature[] = [];
