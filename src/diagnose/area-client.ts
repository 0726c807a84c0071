import type { Diagnoser } from "./context.js";

// Diagnosers for the client signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const clientDiagnosers: Record<string, Diagnoser> = {};
