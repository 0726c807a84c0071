import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/node16.ts (the eleventh tuning session, area: node).

export const node16Diagnosers: Record<string, Diagnoser> = {};
