import { urlsIn } from "./text.js";

export interface FailedJob {
  name: string;
  url: string;
  commit?: string;
}

const HEADER = /The following tests?(?:\(s\))? (?:\*\*)?failed/i;

/**
 * Parses Prow's (crier's) failure report: "The following test(s) **failed** …" followed by a table
 * `Test name | Commit | Details | Required | Rerun command`. Returns the failed jobs with their links.
 */
export function parseProwFailureReport(body: string): FailedJob[] {
  if (!HEADER.test(body)) return [];
  const jobs: FailedJob[] = [];
  for (const line of body.split(/\r?\n/)) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 3 || /^-+$/.test(cells[0]!) || /^test name$/i.test(cells[0]!)) continue;
    const link = urlsIn(line).find((u) => /\/view\/|gcsweb|storage\.googleapis\.com|gs:\/\//.test(u)) ?? urlsIn(line)[0];
    if (!link) continue;
    const commit = cells.find((c) => /^[0-9a-f]{7,40}$/i.test(c.replace(/[[\]]/g, "")));
    jobs.push({ name: cells[0]!.replace(/[`*]/g, ""), url: link, ...(commit ? { commit } : {}) });
  }
  return jobs;
}
