// A Prow job's earlier builds in storage, for the regression window: periodic and postsubmit jobs under
// `logs/<job>/<build>/`, presubmits through the index Prow keeps at `pr-logs/directory/<job>/<build>.txt`
// (each holds the gs:// path of the build, on whichever pull request it ran). Metadata only; logs are
// read through resolveProw like any build.
import type { VersionHint } from "../model.js";
import { objectUrl, listObjects, hintsFromProwJob, jobVersionHint, resultOf } from "./prow.js";
import { SourceError, fetchJson, openStream, readText } from "./http.js";
import type { ProwRef } from "./refs.js";
import { prowUrlForBucket } from "./refs.js";
import type { SourceSettings } from "./settings.js";

export interface ProwBuild {
  id: string;
  /** Object prefix of the build directory (no trailing slash), once known. */
  buildDir?: string;
  /** For presubmits: the directory index entry that names the build directory. */
  indexEntry?: string;
  url?: string;
}

export interface ProwBuildMeta {
  result?: string;
  startedAt?: number;
  hints: VersionHint[];
  buildDir: string;
}

/** Build ids are decimal: longer is newer, then lexicographic. */
const newerFirst = (a: string, b: string) => b.length - a.length || (a < b ? 1 : a > b ? -1 : 0);

/** A job listed in full up to this many entries; past it, the listing is narrowed to the builds just before this one. */
const LIST_WHOLE = 1000;
/** The narrowed listing stops after this many entries (a burst of builds): the window is then partial. */
const MAX_LISTED = 20_000;

export function viewUrl(ref: Pick<ProwRef, "bucket" | "prowUrl">, settings: SourceSettings, buildDir: string): string {
  const prow = (ref.prowUrl ?? prowUrlForBucket(ref.bucket, settings))?.replace(/\/+$/, "");
  return prow ? `${prow}/view/gs/${ref.bucket}/${buildDir}` : objectUrl(settings, ref.bucket, `${buildDir}/`);
}

type ListOptions = { delimiter?: string; endOffset: string };

/**
 * The listing entries (build prefixes or index entries) just before this build. GCS lists in name order
 * only, oldest build first, so a job with years of builds (presubmit indexes hold hundreds of thousands)
 * cannot be read from the end. Decimal build ids of one length sort by age, so the listing starts at a
 * prefix of this build's id: dropping d trailing digits takes in about ten times more builds per digit.
 * The shortest such prefix that holds more than `max` builds is found by bisection over d with one
 * small page per probe, and only that range is listed in full.
 */
async function entriesBefore(ref: ProwRef, settings: SourceSettings, prefix: string, max: number, options: ListOptions, problems: string[]): Promise<{ items: string[]; prefixes: string[] }> {
  const names = (l: { items: { name: string }[]; prefixes: string[] }) => ({ items: l.items.map((i) => i.name), prefixes: l.prefixes });
  const whole = await listObjects(ref.bucket, prefix, settings, { ...options, max: LIST_WHOLE });
  if (!whole.truncated || !/^\d+$/.test(ref.buildId)) {
    if (whole.truncated) problems.push(`the job has more than ${LIST_WHOLE} builds in storage and build id ${ref.buildId} is not a number: only the oldest ${LIST_WHOLE} listed were considered`);
    return names(whole);
  }
  const id = ref.buildId;
  const startOf = (d: number) => `${prefix}${id.slice(0, id.length - d)}`;
  // Does the range [startOf(d), this build) hold more than max entries? One page of max + 1 tells.
  const enough = async (d: number) => (await listObjects(ref.bucket, prefix, settings, { ...options, startOffset: startOf(d), max: max + 1 })).truncated || false;
  let lo = 1;
  let hi = id.length; // d = id.length starts at the prefix itself: everything, known to be more than max.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await enough(mid)) hi = mid;
    else lo = mid + 1;
  }
  const listing = await listObjects(ref.bucket, prefix, settings, { ...options, startOffset: startOf(lo), max: MAX_LISTED });
  if (listing.truncated) problems.push(`more than ${MAX_LISTED} builds of the job are close before this one: only the oldest ${MAX_LISTED} of them were considered`);
  return names(listing);
}

/** Earlier builds of the job, newest first, at most `max`. */
export async function listProwBuilds(ref: ProwRef, settings: SourceSettings, max: number): Promise<{ builds: ProwBuild[]; problems: string[] }> {
  const problems: string[] = [];
  const periodic = ref.buildDir.startsWith("logs/");
  const prefix = periodic ? `logs/${ref.job}/` : `pr-logs/directory/${ref.job}/`;
  const listing = await entriesBefore(ref, settings, prefix, max, { ...(periodic ? { delimiter: "/" } : {}), endOffset: periodic ? `${prefix}${ref.buildId}` : `${prefix}${ref.buildId}.txt` }, problems);
  const ids = new Map<string, ProwBuild>();
  let skipped = 0;
  if (periodic) {
    for (const p of listing.prefixes) {
      const id = p.slice(prefix.length).replace(/\/$/, "");
      if (id === ref.buildId) continue;
      if (/^\d+$/.test(id)) ids.set(id, { id, buildDir: `${prefix}${id}`, url: viewUrl(ref, settings, `${prefix}${id}`) });
      else skipped++;
    }
    // Objects directly under logs/<job>/ (latest-build.txt) are not builds, and not worth a mention.
  } else {
    for (const name of listing.items) {
      const m = /^(\d+)\.txt$/.exec(name.slice(prefix.length));
      if (m?.[1] === ref.buildId) continue;
      if (m) ids.set(m[1]!, { id: m[1]!, indexEntry: name });
      else skipped++;
    }
  }
  if (skipped > 0) problems.push(`${skipped} entr${skipped === 1 ? "y" : "ies"} of the listing were not builds and were skipped`);
  const builds = [...ids.values()].sort((a, b) => newerFirst(a.id, b.id)).slice(0, max);
  return { builds, problems };
}


/** finished.json and prowjob.json of one build (started.json when they give no start), and for presubmits the index entry that locates it. */
export async function readProwBuildMeta(ref: ProwRef, settings: SourceSettings, build: ProwBuild): Promise<ProwBuildMeta> {
  let buildDir = build.buildDir;
  if (!buildDir) {
    const body = await openStream(objectUrl(settings, ref.bucket, build.indexEntry!), settings, { label: `${build.indexEntry}`, maxBytes: 4096 });
    const text = (await readText(body)).trim();
    const m = /^gs:\/\/([^/]+)\/(.+?)\/*$/.exec(text);
    if (!m || m[1] !== ref.bucket) throw new SourceError(`${build.indexEntry}: not a gs:// path in this bucket`, "decode");
    buildDir = m[2]!;
    build.buildDir = buildDir;
    build.url = viewUrl(ref, settings, buildDir);
  }
  const read = async (name: string) => {
    try {
      return await fetchJson(objectUrl(settings, ref.bucket, `${buildDir}/${name}`), settings, { label: name });
    } catch (err) {
      if (err instanceof SourceError && err.kind === "not-found") return undefined;
      throw err;
    }
  };
  const [finished, prowjob] = await Promise.all([read("finished.json"), read("prowjob.json")]);
  // A build directory without either (a pod that never reported, a cleaned-up build) tells nothing: say so.
  if (finished === undefined && prowjob === undefined) throw new SourceError("finished.json and prowjob.json are missing", "not-found");
  const hints = hintsFromProwJob(prowjob);
  const jv = jobVersionHint(finished, "finished.json");
  if (jv && !hints.some((h) => h.role === jv.role && h.version === jv.version)) hints.push(jv);
  const result = resultOf(finished, prowjob)?.toLowerCase();
  const status = typeof prowjob === "object" && prowjob !== null ? (prowjob as { status?: { startTime?: unknown } }).status : undefined;
  let startedAt = typeof status?.startTime === "string" ? Date.parse(status.startTime) : NaN;
  if (!Number.isFinite(startedAt)) {
    // Older builds have no prowjob.json: started.json's timestamp (seconds) and job version then.
    const started = await read("started.json").catch(() => undefined);
    const ts = typeof started === "object" && started !== null ? (started as { timestamp?: unknown }).timestamp : undefined;
    if (typeof ts === "number" && Number.isFinite(ts)) startedAt = ts * 1000;
    const sv = jobVersionHint(started, "started.json");
    if (sv && !hints.some((h) => h.role === sv.role)) hints.push(sv);
  }
  return { ...(result ? { result } : {}), ...(Number.isFinite(startedAt) ? { startedAt } : {}), hints, buildDir };
}

const JOB_DIR = /^(?:gs:\/\/|https?:\/\/[^/]+\/(?:view\/gs\/|job-history\/gs\/|gcs\/)?)([a-z0-9][a-z0-9._-]+[a-z0-9])\/logs\/([A-Za-z0-9_.-]+)\/?(?:latest-build\.txt)?$/;

/** A periodic or postsubmit job's directory (gs://bucket/logs/<job>, a job-history page): its latest build, from latest-build.txt. */
export async function latestProwBuild(input: string, settings: SourceSettings): Promise<string | undefined> {
  const m = JOB_DIR.exec(input.trim());
  if (!m) return undefined;
  const [, bucket, job] = m;
  const body = await openStream(objectUrl(settings, bucket!, `logs/${job}/latest-build.txt`), settings, { label: `logs/${job}/latest-build.txt`, maxBytes: 256 });
  const id = (await readText(body)).trim();
  if (!/^\d+$/.test(id)) throw new SourceError(`logs/${job}/latest-build.txt does not hold a build id`, "decode");
  return `gs://${bucket}/logs/${job}/${id}`;
}
