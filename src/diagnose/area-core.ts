import type { Diagnoser } from "./context.js";

// Diagnosers for the core signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const coreDiagnosers: Record<string, Diagnoser> = {};
