import type { LogRef } from "../sources/index.js";
import { parseRefs, request, type Lane, type TriggerContext, type TriggerEvent } from "./trigger.js";
import type { TriageRequest } from "../triage.js";

// Check runs, workflow runs and statuses are about a commit: their work waits in the commit's lane, and
// reports on every open pull request of that commit.

export function commitLane(event: TriggerEvent, sha: string): Lane {
  return { key: `${event.repo.owner}/${event.repo.repo}@${sha}`, batch: "commit" };
}

/** One request per open pull request of the commit (those the payload names, else those GitHub lists). */
export async function onPullRequests(event: TriggerEvent, ctx: TriggerContext, sha: string, found: LogRef[], known: number[]): Promise<TriageRequest[]> {
  if (found.length === 0) return [];
  const numbers = known.length > 0 ? known : await ctx.shared.once(`pulls:${sha}`, () => ctx.port.openPullRequestsOf(event.repo, sha));
  const { refs, problems } = parseRefs(found, ctx.settings, ctx.config.limits.maxRefs, { reportErrors: false });
  return [...new Set(numbers)].map((n) => request(event, n, { refs, excerpts: [], explicit: false, problems, pull: n }));
}

/** Pull requests of this repository that a payload names (a fork's own PRs are not ours to comment on). */
export function samePullRequests(event: TriggerEvent, prs: readonly ({ number: number; base: { repo: { id: number } } } | null)[] | null | undefined): number[] {
  return (prs ?? []).flatMap((p) => (p && p.base.repo.id === event.repo.id ? [p.number] : []));
}
