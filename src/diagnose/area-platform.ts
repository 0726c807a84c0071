import type { Diagnoser } from "./context.js";

// Diagnosers for the platform signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const platformDiagnosers: Record<string, Diagnoser> = {};
