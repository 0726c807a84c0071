import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/platform15.ts (the tenth tuning session, area: platform).

export const platform15Diagnosers: Record<string, Diagnoser> = {};
