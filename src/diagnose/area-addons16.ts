import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons16.ts (the eleventh tuning session, area: addons).

export const addons16Diagnosers: Record<string, Diagnoser> = {};
