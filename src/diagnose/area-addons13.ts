import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons13.ts.

export const addons13Diagnosers: Record<string, Diagnoser> = {};
