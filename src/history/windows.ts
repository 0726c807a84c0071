// The regression window for a log reference: the adapters from Prow storage and the Actions API to the
// BuildHistory the window algorithm reads, and the scan of an earlier build for the same fingerprint.
import type { Report, VersionHint } from "../model.js";
import { analyze } from "../pipeline.js";
import type { CompiledCatalog } from "../signatures/index.js";
import { parseLogRef, resolveLogRef, type LogRef, type SourceSettings } from "../sources/index.js";
import { listProwBuilds, readProwBuildMeta, type ProwBuild } from "../sources/prow-builds.js";
import { actionsRunResult, listActionsRuns, type ActionsBuild, type ActionsHistory } from "../sources/actions-runs.js";
import { fingerprintOfTriaged } from "./fingerprint.js";
import { DEFAULT_WINDOW_LIMITS, regressionWindow, type BuildHistory, type BuildRef, type BuildScan, type RegressionWindow, type WindowLimits } from "./window.js";

export type { RegressionWindow, WindowLimits } from "./window.js";
export { DEFAULT_WINDOW_LIMITS } from "./window.js";

/** Component logs read per earlier build: enough for the usual place of a skew error, cheap for ten builds. */
const SCAN_ARTIFACT_LOGS = 3;

export function reportFingerprints(report: Report): string[] {
  return [...report.causes, ...report.warnings].map(fingerprintOfTriaged);
}

async function scanRef(input: string, settings: SourceSettings, catalog: CompiledCatalog): Promise<BuildScan> {
  const ref = parseLogRef(input, settings);
  if ("error" in ref) return { fingerprints: new Set(), hints: [], logs: 0, problems: [ref.error] };
  const resolved = await resolveLogRef(ref, { ...settings, maxArtifactLogs: Math.min(settings.maxArtifactLogs, SCAN_ARTIFACT_LOGS) });
  const report = await analyze(resolved.sources, { catalog, knownVersions: resolved.hints });
  const unread = report.logs.filter((l) => l.partial && (l.stats?.bytes ?? 0) === 0).length;
  return {
    fingerprints: new Set(reportFingerprints(report)),
    hints: report.hints,
    logs: resolved.sources.length,
    problems: unread > 0 ? [`${unread} log(s) could not be read`] : [],
  };
}

function prowHistory(ref: Extract<LogRef, { kind: "prow" }>, settings: SourceSettings, catalog: CompiledCatalog): BuildHistory {
  const known = new Map<string, ProwBuild>();
  return {
    noun: "build",
    async list(max) {
      const { builds, problems } = await listProwBuilds(ref, settings, max);
      for (const b of builds) known.set(b.id, b);
      return { builds: builds.map((b) => ({ id: b.id, ...(b.url ? { url: b.url } : {}) })), problems };
    },
    async meta(build) {
      const b = known.get(build.id)!;
      const meta = await readProwBuildMeta(ref, settings, b);
      if (b.url) build.url = b.url;
      return meta;
    },
    scan: (build) => scanRef(`gs://${ref.bucket}/${known.get(build.id)!.buildDir}`, settings, catalog),
  };
}

function actionsHistory(ref: Extract<LogRef, { kind: "github-actions-job" | "github-actions-run" }>, settings: SourceSettings, catalog: CompiledCatalog): BuildHistory & { job(): string | undefined } {
  let history: ActionsHistory | undefined;
  const builds = new Map<string, ActionsBuild & { jobId?: number }>();
  return {
    noun: "run",
    job: () => history?.job,
    async list(max) {
      history = await listActionsRuns(ref, settings, max);
      for (const b of history.builds) builds.set(b.id, b);
      return { builds: history.builds.map((b) => ({ id: b.id, ...(b.url ? { url: b.url } : {}) })), problems: history.problems };
    },
    async meta(build) {
      const b = builds.get(build.id)!;
      const { result, jobId } = await actionsRunResult(history!, ref, b);
      if (jobId !== undefined) b.jobId = jobId;
      return { ...(result ? { result } : {}), ...(b.startedAt ? { startedAt: b.startedAt } : {}), hints: [] };
    },
    async scan(build) {
      const b = builds.get(build.id)!;
      const input = history?.jobName ? (b.jobId !== undefined ? `github:${ref.owner}/${ref.repo}/job/${b.jobId}` : undefined) : `github:${ref.owner}/${ref.repo}/run/${b.id}`;
      if (!input) return { fingerprints: new Set(), hints: [], logs: 0, problems: ["the job did not run in this run"] };
      return scanRef(input, settings, catalog);
    },
  };
}

export interface WindowInput {
  ref: LogRef;
  /** The failing run's report and identity. */
  report: Report;
  job: string;
  buildId: string;
  url?: string;
  result?: string;
  hints: readonly VersionHint[];
}

/** The window for one reference; undefined for references that name no CI job (plain URLs, files). */
export async function windowFor(input: WindowInput, settings: SourceSettings, catalog: CompiledCatalog, limits: WindowLimits = DEFAULT_WINDOW_LIMITS): Promise<RegressionWindow | undefined> {
  const { ref } = input;
  const current = {
    job: input.job,
    build: { id: input.buildId, ...(input.url ? { url: input.url } : {}) } as BuildRef,
    fingerprints: reportFingerprints(input.report),
    hints: [...input.hints, ...input.report.hints],
    ...(input.result ? { result: input.result } : {}),
  };
  if (ref.kind === "prow") return regressionWindow(prowHistory(ref, settings, catalog), current, limits);
  if (ref.kind === "github-actions-job" || ref.kind === "github-actions-run") {
    const history = actionsHistory(ref, settings, catalog);
    const window = await regressionWindow(history, current, limits);
    return { ...window, job: history.job() ?? window.job };
  }
  return undefined;
}
