// The domain model shared by every stage of the pipeline:
//   LogSource → (scan) → Finding → (diagnose) → Diagnosis → (report) → Report
// Types only: no behaviour lives here, so every stage can depend on it without cycles.

export type Severity = "error" | "warning";

/** Signature families; custom signatures pick one of these too. */
export const FAMILIES = [
  "compatibility",
  "feature-gates",
  "kubectl",
  "kubeadm",
  "api",
  "cri",
  "cluster-api",
  "helm",
  "kind",
  "managed",
  "distributions",
  "addons",
  "container",
  "generic",
] as const;

export type Family = (typeof FAMILIES)[number];

/**
 * A failure signature: data that says how to recognise one message and what it means.
 * Custom signatures (from configuration) have exactly this shape too.
 */
export interface Signature {
  /** Stable id reported to users, e.g. `k8s-compat-mincompat-out-of-range`. */
  id: string;
  title: string;
  family: Family;
  /** `warning` findings are never reported as the cause of a failure while an error explains it. */
  severity: Severity;
  /** True when the environment's versions broke the job rather than the code under test. */
  flake: boolean;
  /**
   * Literal, case-sensitive substrings; a line is only matched against `patterns` when it holds one.
   * Pick them from different parts of the message so that a message wrapped over two lines still
   * leaves one anchor whole on one of them. They must not contain `" & < > ' \` (those characters are
   * escaped differently by HTML pages, klog and JSON, and anchors are tested on the raw bytes).
   */
  anchors: string[];
  /**
   * Regular expression sources with named captures, tried in order. `{V}` stands for a Kubernetes
   * version token. Never anchored at the start of a line: real lines arrive truncated.
   */
  patterns: string[];
  /**
   * A regular expression every match of `patterns` implies (a version token, a digit): a line that fails it is
   * not tried against the patterns. For a rule with many patterns woken by common words, where most anchored
   * lines fail every pattern, each at the cost of a whole search.
   */
  gate?: string;
  /**
   * The same for one pattern, by position (null: none): a necessary literal or relation that a line lacking it lets
   * the pattern's whole search be skipped.
   */
  patternGates?: (string | null)[];
  /** Names of captures that hold versions (parsed with semver by diagnose). */
  versions: string[];
  /** What each capture is, in words, for the report's versions table. */
  roles?: Record<string, string>;
  /**
   * What kind of version a capture holds, where its shape does not tell (`1.41` may be a Kubernetes release
   * or a Docker API version; `1.7.4` a Kubernetes release or Talos's own). Captures not listed are typed
   * by their shape; see `classifyVersion` in src/kube/versions.ts.
   */
  versionKinds?: Record<string, VersionKind | { kind: VersionKind; component?: string }>;
  /**
   * Hint roles that may stand in for a version capture the failing line lacks (default: the capture's own
   * name), nearest banner first: `{ cluster: ["cluster", "server"] }`.
   */
  hintRoles?: Record<string, string[]>;
  /** When several signatures match one line, the highest priority wins. */
  priority: number;
  /** What the message means, in plain words. */
  meaning: string;
  causes: string[];
  fixes: string[];
  references?: string[];
  /** In-band fixtures: lines that must match (with expected captures) and near-misses that must not. */
  examples?: { line: string; captures?: Record<string, string> }[];
  nearMisses?: string[];
}

/**
 * A rule that reads a version from a line that is not itself a failure (banners, `kubectl version`,
 * node image tags). Hints give the diagnosis versions that the failing line does not carry.
 */
export interface HintRule {
  id: string;
  /** What the version is, e.g. `kubeadm`, `server`, `client`, `kubelet`, `cluster`, `node-image`. */
  role: string;
  anchors: string[];
  /** Must capture `version`. */
  pattern: string;
}

export interface VersionHint {
  role: string;
  version: string;
  /** Where it came from: `<log>:<line>` or a metadata file such as `prowjob.json`. */
  source: string;
  rule: string;
}

export type KlogLevel = "I" | "W" | "E" | "F";

export interface LogLine {
  number: number;
  text: string;
}

/** One signature matching one distinct message in one log (identical repeats are collapsed). */
export interface Finding {
  signature: string;
  /** Name of the log it came from (a file name, an artifact path). */
  log: string;
  /** First line of the first occurrence; `endLine` > `line` when a wrapped message was rejoined. */
  line: number;
  endLine: number;
  /** Occurrences of this exact message, and the first line of the last one. */
  count: number;
  lastLine: number;
  /** The normalised message line(s), redacted. */
  text: string;
  /** The part of `text` the pattern matched. */
  match: string;
  captures: Record<string, string>;
  /** The klog header of the line, when it had one: severity letter and `file:line`. */
  klog?: { level: KlogLevel; location: string };
  /** The level a structured record on the line states (logfmt `level=error`, JSON `"level":"info"`), on klog's scale. */
  record?: { level: KlogLevel; errorField?: boolean };
  /** Lines around the first occurrence, normalised and redacted. */
  context: { before: LogLine[]; after: LogLine[] };
}

export interface ScanStats {
  bytes: number;
  lines: number;
  /** Lines that held an anchor and so were decoded and matched. */
  candidateLines: number;
  /** Lines longer than the line limit; only their start was examined. */
  longLines: number;
  /** Distinct findings beyond the cap that were counted but not kept. */
  droppedFindings: number;
}

export interface ScanResult {
  log: string;
  findings: Finding[];
  hints: VersionHint[];
  stats: ScanStats;
}

export interface KubeVersion {
  /** The token as it appeared, trailing punctuation removed. */
  raw: string;
  major: number;
  minor: number;
  /** Absent when the token had only major.minor (or a wildcard patch). */
  patch?: number;
  prerelease: string[];
  build: string[];
}

/** The kinds of version-like tokens that messages name. */
export const VERSION_KINDS = ["kubernetes", "minor", "api-version", "cri-api", "contract", "docker-api", "component"] as const;

/**
 * - `kubernetes`: a Kubernetes release (`v1.31.2`, `1.28`, `1.28.x`, `v1.33.0-alpha.0.1+0e1abc4d18e353`)
 * - `minor`: a bare minor number, where a tool prints only the minor (`28`)
 * - `api-version`: an API group/version (`kubeadm.k8s.io/v1beta2`, `apps/v1`)
 * - `cri-api`: a CRI API (`runtime.v1alpha2`)
 * - `contract`: a contract or bare API version (`v1beta1`, Cluster API's provider contracts)
 * - `docker-api`: a Docker Engine API version (`1.41`)
 * - `component`: a component's own release (Talos, an operator, a distribution), named in `component`
 */
export type VersionKind = (typeof VERSION_KINDS)[number];

/** A version-like token with its kind and the parts that kind has. */
export interface TypedVersion {
  raw: string;
  kind: VersionKind;
  /** Release kinds (`kubernetes`, `minor`, `docker-api`, `component`). */
  major?: number;
  minor?: number;
  patch?: number;
  prerelease?: string[];
  build?: string[];
  /** `api-version`: the group (`""` for the core group). */
  group?: string;
  /** `api-version`, `cri-api`, `contract`: the version part (`v1beta2`). */
  apiVersion?: string;
  /** `component`: whose release it is, where the signature says. */
  component?: string;
}

export type Verdict = "cause" | "warning" | "not-skew";

export interface VersionRole {
  /** Capture or hint name. */
  name: string;
  version: string;
  /** What this version is, in words: "minimum compatibility version (default: binary − 1)". */
  role: string;
  /** Where it came from: "the failing line", "kubeadm banner at build-log.txt:120", … */
  source: string;
  /** The version typed; absent when the text is not one version (a list, a range). */
  typed?: TypedVersion;
}

export interface Diagnosis {
  verdict: Verdict;
  /** One sentence. */
  headline: string;
  versions: VersionRole[];
  /** Minor-version distance between the two sides and the supported policy, where there are two sides. */
  skew?: { minors: number; policy: string; supported: boolean };
  reasoning: string[];
  causes: string[];
  fixes: string[];
  references: string[];
}

/** A log to analyse: a name, a way to read it as a stream, and what is known about it. */
export interface LogSource {
  name: string;
  /** Where a person can read the whole log. */
  url?: string;
  /** A link to one line of the log, where the host supports it. */
  lineLink?: (line: number) => string | undefined;
  /** Versions known without reading the log (job metadata). */
  hints?: VersionHint[];
  open(): Promise<AsyncIterable<Uint8Array | string>>;
}

export interface Triaged {
  finding: Finding;
  diagnosis: Diagnosis;
  signature: Signature;
  link?: string;
  /** The same message in other logs of the triage (a component log and the build log that dumped it). */
  alsoIn: { log: string; line: number; count: number; link?: string }[];
  /** How often this cause was seen before, when the triage kept history. */
  history?: Recurrence;
}

/** Which CI system ran a job. */
export type RunSource = "prow" | "github-actions" | "url";

/**
 * One run of a CI job as its metadata describes it: the identity history is kept under. Times are
 * milliseconds since the epoch; `result` is lower-case (`success`, `failure`, `error`, `aborted`, …).
 */
export interface JobRun {
  source: RunSource;
  /** Canonical and unique per run: `prow:<bucket>/<build dir>`, `github-actions:<owner>/<repo>/job/<id>`. */
  key: string;
  /** The job's name across runs: Prow job name, `<workflow> / <job>` for Actions. */
  job: string;
  /** `owner/repo` of the code under test, when known. */
  repository?: string;
  buildId?: string;
  pull?: number;
  headSha?: string;
  baseRef?: string;
  /** The branch the run was on (Actions' head_branch). */
  branch?: string;
  /** Prow job type (presubmit, postsubmit, periodic, batch) or Actions event (pull_request, push, schedule). */
  type?: string;
  result?: string;
  startedAt?: number;
  finishedAt?: number;
  url?: string;
}

/** One earlier run that carried a finding. */
export interface Sighting {
  at: number;
  job: string;
  url?: string;
  repository?: string;
  pull?: number;
  buildId?: string;
}

/**
 * - new: first sighting;
 * - recurring: seen in other pull requests or on the base branch's own runs (the environment, not this change);
 * - intermittent: the same job passed at the same head sha (or passed on a rerun);
 * - persistent: every recorded run of the job since the first sighting failed this way;
 * - repeated: seen before, only in this job of this pull request, and not on every run.
 */
export type RecurrenceKind = "new" | "recurring" | "intermittent" | "persistent" | "repeated";

export interface Recurrence {
  fingerprint: string;
  windowDays: number;
  /** Runs with this finding within the window, this one included. */
  runs: number;
  jobs: number;
  pulls: number;
  /** Runs outside any pull request (periodic, postsubmit, push). */
  baseRuns: number;
  first?: Sighting;
  last?: Sighting;
  /** The most recent other pull requests with it (at most three). */
  otherPulls: Sighting[];
  kind: RecurrenceKind;
  /** The evidence for `kind`, in one sentence. */
  evidence: string;
  /** A passing run of the same job at the same head sha. */
  passed?: Sighting;
}

/** A run in a regression window. */
export interface WindowBuild {
  id: string;
  url?: string;
  result?: string;
  startedAt?: number;
  /** role → version, first one seen per role (metadata first, then log banners). */
  versions: Record<string, string>;
}

export interface VersionChange {
  role: string;
  from?: string;
  to?: string;
}

export interface RegressionWindow {
  job: string;
  fingerprint?: string;
  lastGood?: WindowBuild;
  firstBad?: WindowBuild;
  /** The run being explained. */
  current: WindowBuild;
  changed: VersionChange[];
  buildsLooked: number;
  logsScanned: number;
  /** What could not be read or was left out; empty for a complete window. */
  partial: string[];
  /** One sentence, for every renderer. */
  summary: string;
}

/** Whether the triage could consult its history. */
export interface HistoryStatus {
  status: "recorded" | "unavailable";
  /** Why not, in words for the report. */
  note?: string;
}

export interface LogSummary {
  name: string;
  url?: string;
  stats?: ScanStats;
  /** Why the log could not be read in full ("build-log.txt not found", "stopped after 200 MB"). */
  problems: string[];
  partial: boolean;
}

export interface Report {
  /** Findings that explain the failure, most important first. */
  causes: Triaged[];
  /** Warnings worth knowing (kubectl skew, deprecations) that do not explain the failure by themselves. */
  warnings: Triaged[];
  /** Matches that turned out not to be version skew (e.g. a missing CRD), with the reason. */
  dismissed: Triaged[];
  logs: LogSummary[];
  hints: VersionHint[];
  /** Set when the triage kept history (the app, `analyze --history`). */
  history?: HistoryStatus;
  /** The regression window, when it was asked for (`analyze --history`, `skewbot history`). */
  window?: RegressionWindow;
}
