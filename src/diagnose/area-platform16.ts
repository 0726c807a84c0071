import type { Diagnoser } from "./context.js";

// Diagnosers for src/signatures/platform16.ts (the eleventh tuning session, area: platform).

export const platform16Diagnosers: Record<string, Diagnoser> = {};
