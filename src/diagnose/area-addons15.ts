import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons15.ts (the tenth tuning session, area: addons).

export const addons15Diagnosers: Record<string, Diagnoser> = {};
