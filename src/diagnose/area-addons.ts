import type { Diagnoser } from "./context.js";

// Diagnosers for the addons signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.
export const addonsDiagnosers: Record<string, Diagnoser> = {};
