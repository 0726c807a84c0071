import type { Diagnoser } from "./context.js";

// Diagnosers for the node signatures (src/signatures/node.ts); merged into DIAGNOSERS in index.ts.
export const nodeDiagnosers: Record<string, Diagnoser> = {};
