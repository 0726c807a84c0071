import type { SkewbotConfig } from "./config.js";
import type { Thread } from "./github/port.js";
import { logRefKey, type LogRef } from "./sources/index.js";
import type { TriageRequest } from "./triage.js";

/**
 * One queued triage as plain JSON: everything a worker in any replica needs to run it, and nothing that
 * lives only in the process that took the delivery (no octokit, no logger, no token). The worker acts as
 * the installation again, and takes a fresh token when the triage runs.
 */
export interface TriageJob {
  /**
   * The shape's version, so that replicas of two releases can tell a job they do not understand. 2: the
   * request is the typed TriageRequest, its references parsed LogRefs (1 carried them as text).
   */
  v: typeof TRIAGE_JOB_VERSION;
  /** Unique per enqueue (a replacement is a new job). */
  id: string;
  /** The deliveries this job answers (one, or several after a burst was merged). */
  deliveries: string[];
  event: string;
  installation: number;
  thread: Thread;
  request: Omit<TriageRequest, "thread">;
  /** `.github/skewbot.yml` as read for the (latest) delivery; its errors are already in `request.problems`. */
  config: SkewbotConfig;
}

export const TRIAGE_JOB_VERSION = 2;

export function threadKey(thread: Thread): string {
  return `${thread.owner}/${thread.repo}#${thread.issue_number}`;
}

const union = <T>(lists: T[][], key: (t: T) => string = String): T[] => {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
};

/**
 * A burst of jobs for one thread as one run: the union of their references, excerpts and problems, a
 * person's request (explicit) if any of them was one, and the newest configuration. Oldest first in.
 */
export function mergeTriageJobs(jobs: TriageJob[]): TriageJob {
  const last = jobs[jobs.length - 1];
  if (!last) throw new Error("mergeTriageJobs: no jobs");
  if (jobs.length === 1) return last;
  // A job this release cannot read (another release's, say) is not merged into a healthy one: the shared
  // queue then runs each alone, and that one fails, and is dead-lettered, by itself.
  for (const j of jobs) {
    const problem = triageJobProblem(j);
    if (problem) throw new Error(`not a triage job this release can merge: ${problem}`);
  }
  return {
    ...last,
    deliveries: union(jobs.map((j) => j.deliveries)),
    request: {
      // Visibility and pull request come from the thread's repository and pull request: the same for all.
      ...last.request,
      refs: union(
        jobs.map((j) => j.request.refs),
        logRefKey,
      ),
      excerpts: union(
        jobs.map((j) => j.request.excerpts),
        (e) => e.text,
      ).map((e, i) => ({ ...e, name: `excerpt-${i + 1}` })),
      explicit: jobs.some((j) => j.request.explicit),
      problems: union(jobs.map((j) => j.request.problems)),
    },
  };
}

const REF_KINDS = new Set<string>(["prow", "github-actions-job", "github-actions-run", "url"] satisfies LogRef["kind"][]);

/** Why a value read back from the shared queue is not a job this release can run (undefined: it is one). */
export function triageJobProblem(value: unknown): string | undefined {
  const j = value as Partial<TriageJob> | null;
  if (typeof j !== "object" || j === null) return "not an object";
  if (j.v !== TRIAGE_JOB_VERSION) return `unknown job version ${String(j.v)}`;
  if (typeof j.installation !== "number") return "no installation id";
  const t = j.thread;
  if (!t || typeof t.owner !== "string" || typeof t.repo !== "string" || typeof t.issue_number !== "number") return "no thread";
  const r = j.request;
  if (!r || !Array.isArray(r.refs) || !Array.isArray(r.excerpts) || !Array.isArray(r.problems)) return "no request";
  if (!r.refs.every((ref: unknown) => typeof ref === "object" && ref !== null && typeof (ref as LogRef).input === "string" && REF_KINDS.has((ref as LogRef).kind))) return "a reference that is not a parsed LogRef";
  if (!j.config || typeof j.config !== "object") return "no configuration";
  return undefined;
}
