// Log sources: from a reference string to streams the scanner can read. See README.md in this folder.
import { resolveGithubJob, resolveGithubRun } from "./github-actions.js";
import { ByteBudget, displayUrl } from "./http.js";
import { resolveProw } from "./prow.js";
import type { LogRef } from "./refs.js";
import type { SourceSettings } from "./settings.js";
import type { ResolvedRef } from "./types.js";
import { resolveUrl } from "./url.js";

export type { GithubJobRef, GithubRunRef, LogRef, ParseSettings, ProwRef, UrlRef } from "./refs.js";
export { logRefKey, parseLogRef } from "./refs.js";
export type { Boundary, BoundaryDecision, Visibility, VisibilityLookup } from "./boundary.js";
export { checkBoundary, logRepository, visibilityOf } from "./boundary.js";
export type { ProwDeployment, ResolvedAddress, SourceSettings } from "./settings.js";
export { DEFAULT_ALLOWED_HOSTS, DEFAULT_PROW_DEPLOYMENTS, defaultSourceSettings, isOriginAllowed, sourceSettingsFromEnv } from "./settings.js";
export type { ResolvedRef } from "./types.js";
export { SourceError, formatBytes } from "./http.js";

/**
 * Resolves a reference into log sources. Never rejects: whatever cannot be read becomes a line in
 * `problems`, and jobs that must not be triaged (aborted, cancelled) come back with `skipped` set.
 * All the sources of one reference share one byte budget (settings.maxTriageBytes).
 */
export async function resolveLogRef(ref: LogRef, settings: SourceSettings): Promise<ResolvedRef> {
  const budget = new ByteBudget(settings.maxTriageBytes);
  try {
    switch (ref.kind) {
      case "github-actions-job":
        return await resolveGithubJob(ref, settings, budget);
      case "github-actions-run":
        return await resolveGithubRun(ref, settings, budget);
      case "prow":
        return await resolveProw(ref, settings, budget);
      case "url":
        return resolveUrl(ref, settings, budget);
    }
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "unknown error";
    // The input may be a signed URL; only its path goes into the report.
    const shown = displayUrl(ref.input) === "(invalid URL)" ? ref.input : displayUrl(ref.input);
    return { title: shown, sources: [], problems: [`cannot resolve ${shown}: ${message}`], hints: [] };
  }
}
