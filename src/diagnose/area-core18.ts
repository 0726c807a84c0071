import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/core18.ts.

export const core18Diagnosers: Record<string, Diagnoser> = {};
