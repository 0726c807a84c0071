import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/f17.ts (rules from the fresh-17 tuning set).

export const f17Diagnosers: Record<string, Diagnoser> = {};
