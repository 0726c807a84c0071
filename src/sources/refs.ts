// Turns whatever a person or an event hands us (a URL from a PR comment, a gs:// path, an API URL from a
// webhook payload) into one typed reference, or into a reason it is not one. Parsing never touches the network.
import type { SourceSettings } from "./settings.js";
import { DEFAULT_PROW_DEPLOYMENTS, hostOf } from "./settings.js";

export interface GithubJobRef {
  kind: "github-actions-job";
  input: string;
  owner: string;
  repo: string;
  jobId: number;
  runId?: number;
}

export interface GithubRunRef {
  kind: "github-actions-run";
  input: string;
  owner: string;
  repo: string;
  runId: number;
  /** A specific attempt; otherwise the latest. */
  attempt?: number;
}

export interface ProwRef {
  kind: "prow";
  input: string;
  bucket: string;
  /** Object prefix of the build directory, without a trailing slash: `logs/<job>/<build>`. */
  buildDir: string;
  job: string;
  buildId: string;
  /** Pull request number, for presubmits. */
  pull?: string;
  /** Repository segment of a presubmit path (`sigs.k8s.io_kind`, `org_repo`), when there is one. */
  repoSegment?: string;
  /** Web origin of the Prow deployment the reference came from (view URLs). */
  prowUrl?: string;
  /** A single file inside the build directory that the reference points at (`artifacts/…/kubelet.log`). */
  file?: string;
}

export interface UrlRef {
  kind: "url";
  input: string;
  url: string;
}

export type LogRef = GithubJobRef | GithubRunRef | ProwRef | UrlRef;

export type ParseSettings = Partial<Pick<SourceSettings, "githubUrl" | "githubApiUrl" | "storageUrl" | "prowDeployments">>;

const EXPECTED =
  "expected a GitHub Actions job or run URL, a Prow view, gcsweb or storage URL, gs://bucket/path, github:OWNER/REPO/job/ID or an https URL";

const isNumber = (s: string | undefined): s is string => s !== undefined && /^\d+$/.test(s);

function segmentsOf(pathname: string): string[] | undefined {
  try {
    return pathname
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function fail(error: string): { error: string } {
  return { error };
}

/**
 * The build directory inside a bucket path. Handles Prow's `legacy` layouts (periodic/postsubmit `logs/`,
 * presubmit `pr-logs/pull/[<repo>/]<pr>/`, batch) and, for other path strategies, takes the first
 * all-digit segment after the job name as the build id.
 */
function locateBuild(segs: string[]): { end: number; job: string; buildId: string; pull?: string; repoSegment?: string } | undefined {
  const at = (i: number) => segs[i];
  if (at(0) === "logs") {
    const job = at(1);
    const build = at(2);
    return job && isNumber(build) ? { end: 3, job, buildId: build } : undefined;
  }
  if (at(0) === "pr-logs" && at(1) === "pull") {
    if (at(2) === "batch") {
      const job = at(3);
      const build = at(4);
      return job && isNumber(build) ? { end: 5, job, buildId: build } : undefined;
    }
    if (isNumber(at(2))) {
      const job = at(3);
      const build = at(4);
      return job && isNumber(build) ? { end: 5, job, buildId: build, pull: at(2) } : undefined;
    }
    const repoSegment = at(2);
    const job = at(4);
    const build = at(5);
    return repoSegment && isNumber(at(3)) && job && isNumber(build)
      ? { end: 6, job, buildId: build, pull: at(3), repoSegment }
      : undefined;
  }
  if (at(0) === "pr-logs") return undefined;
  for (let i = 1; i < segs.length; i++) {
    const build = at(i);
    const job = at(i - 1);
    if (isNumber(build) && job && !isNumber(job)) return { end: i + 1, job, buildId: build };
  }
  return undefined;
}

function prowRef(
  input: string,
  bucket: string | undefined,
  segs: string[],
  trailingSlash: boolean,
  prowUrl?: string,
): ProwRef | { error: string } {
  if (!bucket || !/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(bucket)) return fail(`"${input}": no valid bucket name`);
  const located = locateBuild(segs);
  if (!located) {
    const where = segs.join("/");
    if (segs[1] === "directory" || where.endsWith("latest-build.txt")) {
      return fail(`"${input}" is a job's directory, not a build: link one build (…/<job>/<build id>)`);
    }
    return fail(`"${input}": no build id in gs://${bucket}/${where}: link one build (…/<job>/<build id>)`);
  }
  const rest = segs.slice(located.end);
  const last = rest[rest.length - 1];
  // A path into the build names one file only when it ends in a file name; `…/artifacts/` means the build.
  const file = rest.length > 0 && !trailingSlash && last !== undefined && last.includes(".") ? rest.join("/") : undefined;
  const ref: ProwRef = {
    kind: "prow",
    input,
    bucket,
    buildDir: segs.slice(0, located.end).join("/"),
    job: located.job,
    buildId: located.buildId,
  };
  if (located.pull) ref.pull = located.pull;
  if (located.repoSegment) ref.repoSegment = located.repoSegment;
  if (prowUrl) ref.prowUrl = prowUrl;
  if (file) ref.file = file;
  return ref;
}

function parseGithubPath(input: string, segs: string[]): LogRef | { error: string } {
  const [owner, repo, area, kind, id, sub, subId] = segs;
  if (!owner || !repo) return fail(`"${input}": not a GitHub repository URL`);
  if (area === "runs" && kind !== undefined) {
    // Check-run pages (…/runs/<check run id>) are Actions jobs: the check run id is the job id.
    return isNumber(kind)
      ? { kind: "github-actions-job", input, owner, repo, jobId: Number(kind) }
      : fail(`"${input}": the check run id is not a number`);
  }
  if (area !== "actions" || kind !== "runs") {
    if (area === "pull") {
      return fail(`"${input}" is a pull request: link a failed job (…/actions/runs/RUN/job/JOB) or run instead`);
    }
    return fail(`"${input}" is not a GitHub Actions run or job URL`);
  }
  if (!isNumber(id)) return fail(`"${input}": the run id is not a number`);
  const runId = Number(id);
  if (sub === undefined) return { kind: "github-actions-run", input, owner, repo, runId };
  if (sub === "job" || sub === "jobs") {
    return isNumber(subId)
      ? { kind: "github-actions-job", input, owner, repo, jobId: Number(subId), runId }
      : fail(`"${input}": the job id is not a number`);
  }
  if (sub === "attempts") {
    return isNumber(subId)
      ? { kind: "github-actions-run", input, owner, repo, runId, attempt: Number(subId) }
      : fail(`"${input}": the attempt is not a number`);
  }
  return fail(`"${input}" is not a GitHub Actions run or job URL`);
}

/** REST URLs as they appear in webhook payloads (`workflow_job.url`, `check_run.url`, `workflow_run.url`). */
function parseGithubApiPath(input: string, segs: string[]): LogRef | { error: string } {
  const [repos, owner, repo, area, kind, id, sub, subId] = segs;
  if (repos !== "repos" || !owner || !repo) return fail(`"${input}" is not a GitHub API URL of a job or run`);
  if (area === "check-runs" && isNumber(kind)) return { kind: "github-actions-job", input, owner, repo, jobId: Number(kind) };
  if (area === "actions" && kind === "jobs" && isNumber(id)) {
    return { kind: "github-actions-job", input, owner, repo, jobId: Number(id) };
  }
  if (area === "actions" && kind === "runs" && isNumber(id)) {
    if (sub === "attempts" && isNumber(subId)) {
      return { kind: "github-actions-run", input, owner, repo, runId: Number(id), attempt: Number(subId) };
    }
    if (sub === undefined) return { kind: "github-actions-run", input, owner, repo, runId: Number(id) };
  }
  return fail(`"${input}" is not a GitHub API URL of a job or run`);
}

/** `github:OWNER/REPO/job/ID`, `github:OWNER/REPO/run/ID[/attempt/N]`: ids as they come in events. */
function parseShorthand(input: string, rest: string): LogRef | { error: string } {
  const [owner, repo, kind, id, sub, subId] = rest.split("/");
  const ok = (s: string | undefined): s is string => s !== undefined && /^[A-Za-z0-9_.-]+$/.test(s);
  if (!ok(owner) || !ok(repo) || !isNumber(id)) {
    return fail(`"${input}": expected github:OWNER/REPO/job/ID or github:OWNER/REPO/run/ID`);
  }
  if ((kind === "job" || kind === "check-run") && sub === undefined) {
    return { kind: "github-actions-job", input, owner, repo, jobId: Number(id) };
  }
  if (kind === "run" && sub === undefined) return { kind: "github-actions-run", input, owner, repo, runId: Number(id) };
  if (kind === "run" && sub === "attempt" && isNumber(subId)) {
    return { kind: "github-actions-run", input, owner, repo, runId: Number(id), attempt: Number(subId) };
  }
  return fail(`"${input}": expected github:OWNER/REPO/job/ID or github:OWNER/REPO/run/ID`);
}

function underBase(url: URL, base: string | undefined): string[] | undefined {
  if (!base) return undefined;
  let b: URL;
  try {
    b = new URL(base);
  } catch {
    return undefined;
  }
  if (b.origin !== url.origin) return undefined;
  const basePath = b.pathname.replace(/\/+$/, "");
  if (basePath !== "" && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
  return segmentsOf(url.pathname.slice(basePath.length));
}

/**
 * Parses a log reference. `settings` supplies configured hosts (GitHub Enterprise, a storage stand-in);
 * without it the public defaults apply.
 */
export function parseLogRef(input: string, settings: ParseSettings = {}): LogRef | { error: string } {
  const text = input.trim();
  if (text === "") return fail("empty log reference");
  if (/^gs:\/\//i.test(text)) {
    const rest = text.slice(5);
    const [bucket, ...path] = rest.split("/");
    const segs = path.filter((s) => s !== "");
    return prowRef(text, bucket, segs, rest.endsWith("/"));
  }
  if (/^github:/i.test(text)) return parseShorthand(text, text.slice("github:".length));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`"${text}" is not a URL or a log reference: ${EXPECTED}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return fail(`"${text}": ${url.protocol} references are not supported: ${EXPECTED}`);
  }
  if (url.username || url.password) return fail(`"${displayNoCreds(url)}": URLs with credentials are not accepted`);
  const segs = segmentsOf(url.pathname);
  if (!segs) return fail(`"${text}": malformed percent-encoding in the path`);
  const host = hostOf(url);
  const trailingSlash = url.pathname.endsWith("/");

  // The API base first: on GitHub Enterprise it sits under the web host (`/api/v3`).
  const apiSegs = underBase(url, settings.githubApiUrl ?? "https://api.github.com");
  if (apiSegs) return parseGithubApiPath(text, apiSegs);
  if (host === "api.github.com") return parseGithubApiPath(text, segs);
  const githubWeb = safeHost(settings.githubUrl ?? "https://github.com");
  if (host === githubWeb || (githubWeb === "github.com" && host === "www.github.com")) return parseGithubPath(text, segs);
  // github.com job links in payloads and comments while the app talks to another GitHub (an Enterprise
  // instance, a stand-in): the path names the job; it is resolved through the configured API.
  if ((host === "github.com" || host === "www.github.com") && segs[2] === "actions") {
    const ref = parseGithubPath(text, segs);
    if (!("error" in ref)) return ref;
  }

  if (segs[0] === "view" && segs.length >= 2) {
    const store = segs[1];
    if (store === "gs" || store === "gcs") return prowRef(text, segs[2], segs.slice(3), trailingSlash, url.origin);
    return fail(`"${text}": Prow artifacts in "${store}" storage are not supported (only GCS)`);
  }
  if (host.startsWith("gcsweb") && segs[0] === "gcs") return prowRef(text, segs[1], segs.slice(2), trailingSlash);
  const storageSegs =
    underBase(url, settings.storageUrl) ??
    (host === "storage.googleapis.com" || host === "storage.cloud.google.com" ? segs : undefined);
  if (storageSegs && storageSegs.length >= 2) {
    const ref = prowRef(text, storageSegs[0], storageSegs.slice(1), trailingSlash);
    // A storage URL outside any Prow layout is still a readable text file.
    return "error" in ref ? { kind: "url", input: text, url: url.toString() } : ref;
  }
  return { kind: "url", input: text, url: url.toString() };
}

function safeHost(url: string): string | undefined {
  try {
    return hostOf(url);
  } catch {
    return undefined;
  }
}

function displayNoCreds(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** The Prow deployment that shows a bucket's builds, for Spyglass links. */
export function prowUrlForBucket(bucket: string, settings: ParseSettings): string | undefined {
  const deployments = settings.prowDeployments ?? DEFAULT_PROW_DEPLOYMENTS;
  return deployments.find((d) => d.buckets.includes(bucket))?.url;
}

/**
 * The same log however it was written: a Spyglass URL, a gcsweb URL and a gs:// path of one build share a
 * key, as do an Actions job's web URL, API URL and `github:` form. One key is one section of a report.
 */
export function logRefKey(ref: LogRef): string {
  switch (ref.kind) {
    case "prow":
      return `prow:${ref.bucket}/${ref.buildDir}${ref.file ? `/${ref.file}` : ""}`;
    case "github-actions-job":
      return `actions-job:${ref.owner.toLowerCase()}/${ref.repo.toLowerCase()}/${ref.jobId}`;
    case "github-actions-run":
      return `actions-run:${ref.owner.toLowerCase()}/${ref.repo.toLowerCase()}/${ref.runId}${ref.attempt !== undefined ? `/${ref.attempt}` : ""}`;
    case "url": {
      try {
        const u = new URL(ref.url);
        u.hash = "";
        return `url:${u.toString()}`;
      } catch {
        return `url:${ref.url}`;
      }
    }
  }
}
