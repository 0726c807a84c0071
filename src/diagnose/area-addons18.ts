import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons18.ts.

export const addons18Diagnosers: Record<string, Diagnoser> = {};
