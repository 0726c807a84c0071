import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/tools16.ts (the eleventh tuning session, area: tools).

export const tools16Diagnosers: Record<string, Diagnoser> = {};
