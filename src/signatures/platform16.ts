import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16platform.jsonl.

export const platform16Signatures: Signature[] = [];
