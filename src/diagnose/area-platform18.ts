import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/platform18.ts.

export const platform18Diagnosers: Record<string, Diagnoser> = {};
