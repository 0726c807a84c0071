import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/platform13.ts.

export const platform13Diagnosers: Record<string, Diagnoser> = {};
