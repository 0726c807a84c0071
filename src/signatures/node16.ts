import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: node). Their reasoning lives in src/diagnose/area-node16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16node.jsonl.

export const node16Signatures: Signature[] = [];
