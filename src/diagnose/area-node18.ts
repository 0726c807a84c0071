import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/node18.ts.

export const node18Diagnosers: Record<string, Diagnoser> = {};
