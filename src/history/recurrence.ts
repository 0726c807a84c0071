// From the store's raw facts about one fingerprint to a classification with its evidence. Pure.
import type { JobRun, Recurrence, RecurrenceKind } from "../model.js";
import type { SightingStats } from "./store.js";

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `recordedAt` is when the run being reported was first recorded: sightings before it are earlier runs. */
export function classify(
  fingerprint: string,
  stats: SightingStats,
  run: Pick<JobRun, "job" | "pull" | "repository">,
  windowDays: number,
  recordedAt: number,
): Recurrence {
  const otherPullCount = Math.max(0, stats.pulls - (run.pull !== undefined ? 1 : 0));
  const baseElsewhere = run.pull === undefined ? Math.max(0, stats.baseRuns - 1) : stats.baseRuns;
  let kind: RecurrenceKind;
  let evidence: string;
  if (stats.passed) {
    kind = "intermittent";
    evidence = "the same job passed at the same commit: the failure does not follow from the change alone";
  } else if (stats.runs <= 1 && (stats.firstEver === undefined || stats.firstEver >= recordedAt)) {
    kind = "new";
    evidence = "first sighting: no earlier run in the history had it";
  } else if (otherPullCount > 0 || (run.pull !== undefined && baseElsewhere > 0)) {
    kind = "recurring";
    const where = [
      ...(otherPullCount > 0 ? [`${plural(otherPullCount, "other pull request")}`] : []),
      ...(baseElsewhere > 0 ? [`${plural(baseElsewhere, "run")} outside pull requests`] : []),
    ].join(" and ");
    evidence = `also seen in ${where}: the environment, not this change`;
  } else if (stats.jobRunsWithIt >= 2 && stats.jobRunsWithIt >= stats.jobRunsSinceFirst) {
    kind = "persistent";
    evidence = `every recorded run of ${run.job} since the first sighting (${plural(stats.jobRunsSinceFirst, "run")}) failed this way`;
  } else {
    kind = "repeated";
    evidence = `seen ${times(stats.samePullRuns || stats.runs)} in this job${run.pull !== undefined ? " of this pull request" : ""}, not on every run`;
  }
  const r: Recurrence = {
    fingerprint,
    windowDays,
    runs: stats.runs,
    jobs: stats.jobs,
    pulls: stats.pulls,
    baseRuns: stats.baseRuns,
    otherPulls: stats.otherPulls,
    kind,
    evidence,
  };
  if (stats.first) r.first = stats.first;
  if (stats.last) r.last = stats.last;
  if (stats.passed) r.passed = stats.passed;
  return r;
}
