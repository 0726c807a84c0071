import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/tools18.ts.

export const tools18Diagnosers: Record<string, Diagnoser> = {};
