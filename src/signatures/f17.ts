import type { Signature } from "../model.js";

// Rules written from the fresh-17 tuning set's misses (all areas but the node's). Their reasoning lives in
// src/diagnose/area-f17.ts; real lines and near-misses in test/fixtures/real-world/lines-16f17.jsonl.

export const f17Signatures: Signature[] = [];
