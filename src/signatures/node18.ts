import type { Signature } from "../model.js";

// Rules of the twelfth tuning session (node). Their reasoning lives in src/diagnose/area-node18.ts; real lines and
// near-misses in test/fixtures/real-world/lines-18node.jsonl.

export const node18Signatures: Signature[] = [];
