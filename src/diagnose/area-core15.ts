import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/core15.ts (the tenth tuning session, area: core).

export const core15Diagnosers: Record<string, Diagnoser> = {};
