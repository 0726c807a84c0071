import type { JobRun, LogSource, VersionHint } from "../model.js";

/** What a reference turned into: the logs to scan and what could not be read. */
export interface ResolvedRef {
  /** One line naming the job: `kubernetes-sigs/kind · CI / e2e (v1.30) (failure)`. */
  title: string;
  /** Where a person sees the whole job (Actions job or run page, Spyglass page). */
  url?: string;
  sources: LogSource[];
  /** Report lines for what could not be read or was left out ("build-log.txt not found (404)"). */
  problems: string[];
  /** Set when the job must not be triaged at all, e.g. "job was ABORTED: not triaged". */
  skipped?: string;
  /** Versions known from job metadata (prowjob.json env, finished.json job-version). */
  hints: VersionHint[];
  /** The run's identity from its metadata, for history; absent for plain URLs that name no job. */
  run?: JobRun;
}
