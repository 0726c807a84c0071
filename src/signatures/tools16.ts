import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: tools). Their reasoning lives in src/diagnose/area-tools16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16tools.jsonl.

export const tools16Signatures: Signature[] = [];
