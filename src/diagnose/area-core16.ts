import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/core16.ts (the eleventh tuning session, area: core).

export const core16Diagnosers: Record<string, Diagnoser> = {};
