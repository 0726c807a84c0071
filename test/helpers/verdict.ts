import { analyze } from "../../src/pipeline.js";
import { textSource } from "./logs.js";

/** The strongest finding one line alone draws: its signature, whether a cause or only a warning, and its captures. */
export async function verdictOf(line: string): Promise<{ id?: string; verdict: "cause" | "warning" | "none"; captures: Record<string, string> }> {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  const cause = report.causes[0];
  if (cause) return { id: cause.signature.id, verdict: "cause", captures: cause.finding.captures };
  const warning = report.warnings[0];
  if (warning) return { id: warning.signature.id, verdict: "warning", captures: warning.finding.captures };
  return { verdict: "none", captures: {} };
}
