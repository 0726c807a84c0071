// The repository boundary for logs. A triage posted in repository R is read by everyone who can read R, so
// it may quote only logs that those readers could already read: GitHub Actions jobs and runs of R itself, or
// of a repository that R's configuration links explicitly and that is at least as open as R. Prow and plain
// URL logs carry no installation token and are allowed by host (http.ts), so the boundary does not apply to
// them. The installation token can read every repository the App is installed on; without this rule one
// `issues.opened` in a public repository could post a private repository's CI log.
import type { LogRef } from "./refs.js";

export type Visibility = "public" | "internal" | "private";

const OPENNESS: Record<Visibility, number> = { private: 0, internal: 1, public: 2 };

/** Where a triage will be posted, and which other repositories its configuration links. */
export interface Boundary {
  /** `owner/name` of the repository the triage posts in. */
  repository: string;
  visibility: Visibility;
  /** `linkedRepositories` from that repository's `.github/skewbot.yml`. */
  linked: readonly string[];
}

export type BoundaryDecision = { allowed: true } | { allowed: false; reason: string };

/** A linked repository's visibility; undefined when GitHub could not tell (the reference is then refused). */
export type VisibilityLookup = (repository: string) => Promise<Visibility | undefined>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The repository whose token-protected logs a reference reads; undefined for logs that need no token. */
export function logRepository(ref: LogRef): string | undefined {
  return ref.kind === "github-actions-job" || ref.kind === "github-actions-run" ? `${ref.owner}/${ref.repo}` : undefined;
}

/**
 * Decides whether a triage in `boundary.repository` may read `ref`. `lookup` is asked only for a linked
 * repository, so a reference to the posting repository or to an unlinked one costs no API call.
 */
export async function checkBoundary(ref: LogRef, boundary: Boundary, lookup: VisibilityLookup): Promise<BoundaryDecision> {
  const target = logRepository(ref);
  if (target === undefined || same(target, boundary.repository)) return { allowed: true };
  const what = `a GitHub Actions log of ${target}`;
  if (!boundary.linked.some((l) => same(l, target))) {
    return {
      allowed: false,
      reason: `not read: ${what}, not of ${boundary.repository}; a triage here reads only this repository's Actions logs (or those of a repository listed in linkedRepositories in .github/skewbot.yml)`,
    };
  }
  const visibility = await lookup(target);
  if (visibility === undefined) {
    return { allowed: false, reason: `not read: ${what}: its visibility could not be looked up, so it is not known to be as open as ${boundary.repository}` };
  }
  // A request that does not say how open its repository is (a job queued by an older version) counts as public.
  const home: Visibility = boundary.visibility in OPENNESS ? boundary.visibility : "public";
  if (OPENNESS[visibility] < OPENNESS[home]) {
    return { allowed: false, reason: `not read: ${what}, which is ${visibility}, while ${boundary.repository} is ${home}: its logs would be shown to readers who cannot see them` };
  }
  return { allowed: true };
}

/**
 * A repository's visibility as webhook payloads and `GET /repos/{owner}/{repo}` carry it: `visibility`
 * where present (it knows `internal`), otherwise the `private` flag; undefined when neither says. For the
 * posting repository, treat undefined as public (the boundary is strictest then); for a linked one, refuse.
 */
export function visibilityOf(repository: unknown): Visibility | undefined {
  const r = (repository ?? {}) as { visibility?: unknown; private?: unknown };
  if (r.visibility === "public" || r.visibility === "internal" || r.visibility === "private") return r.visibility;
  return typeof r.private === "boolean" ? (r.private ? "private" : "public") : undefined;
}
