import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/core13.ts.

export const core13Diagnosers: Record<string, Diagnoser> = {};
