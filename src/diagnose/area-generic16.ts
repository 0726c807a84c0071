import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/generic16.ts (the eleventh tuning session, area: generic).

export const generic16Diagnosers: Record<string, Diagnoser> = {};
