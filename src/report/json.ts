import type { Recurrence, RegressionWindow, Report, Sighting, Triaged, TypedVersion, VersionRole, WindowBuild } from "../model.js";
import { classifyVersion } from "../kube/versions.js";

/** Bumped on any incompatible change of the JSON shape; see docs/json-output.md. */
export const JSON_SCHEMA_VERSION = 1;

export interface JsonFinding {
  signature: string;
  title: string;
  family: string;
  /** Effective severity: "warning" for warnings and for errors logged only as warnings. */
  severity: "error" | "warning";
  /** True when this is a failure cause that marks a version-skew flake. */
  flake: boolean;
  verdict: "cause" | "warning" | "not-skew";
  log: string;
  line: number;
  endLine: number;
  lastLine: number;
  count: number;
  text: string;
  match: string;
  captures: Record<string, string>;
  /** Capture and hint name → version string as printed in the log. */
  versions: Record<string, string>;
  /** The same names → the version typed (kind and parts); names whose text is not one version are left out. */
  typedVersions: Record<string, TypedVersion>;
  headline: string;
  versionRoles: (Omit<VersionRole, "typed"> & { typed: TypedVersion | null })[];
  skew: { minors: number; policy: string; supported: boolean } | null;
  reasoning: string[];
  causes: string[];
  fixes: string[];
  references: string[];
  link: string | null;
  /** The same message in other logs of this triage. */
  alsoIn: { log: string; line: number; count: number; link: string | null }[];
  context: { before: { number: number; text: string }[]; after: { number: number; text: string }[] };
  /** How often this was seen before (when the triage kept history); times are ISO 8601. */
  history?: JsonRecurrence | null;
}

export interface JsonSighting {
  at: string;
  job: string;
  buildId: string | null;
  repository: string | null;
  pull: number | null;
  url: string | null;
}

export interface JsonRecurrence {
  fingerprint: string;
  kind: Recurrence["kind"];
  evidence: string;
  windowDays: number;
  runs: number;
  jobs: number;
  pulls: number;
  baseRuns: number;
  first: JsonSighting | null;
  last: JsonSighting | null;
  otherPulls: JsonSighting[];
  passed: JsonSighting | null;
}

export interface JsonWindowBuild {
  id: string;
  url: string | null;
  result: string | null;
  startedAt: string | null;
  versions: Record<string, string>;
}

export interface JsonWindow {
  job: string;
  fingerprint: string | null;
  summary: string;
  lastGood: JsonWindowBuild | null;
  firstBad: JsonWindowBuild | null;
  current: JsonWindowBuild;
  changed: { role: string; from: string | null; to: string | null }[];
  buildsLooked: number;
  logsScanned: number;
  partial: string[];
}

function windowBuild(b: WindowBuild | undefined): JsonWindowBuild | null {
  if (!b) return null;
  return { id: b.id, url: b.url ?? null, result: b.result ?? null, startedAt: b.startedAt ? new Date(b.startedAt).toISOString() : null, versions: b.versions };
}

function windowJson(w: RegressionWindow): JsonWindow {
  return {
    job: w.job,
    fingerprint: w.fingerprint ?? null,
    summary: w.summary,
    lastGood: windowBuild(w.lastGood),
    firstBad: windowBuild(w.firstBad),
    current: windowBuild(w.current)!,
    changed: w.changed.map((c) => ({ role: c.role, from: c.from ?? null, to: c.to ?? null })),
    buildsLooked: w.buildsLooked,
    logsScanned: w.logsScanned,
    partial: w.partial,
  };
}

function sighting(s: Sighting | undefined): JsonSighting | null {
  if (!s) return null;
  return { at: new Date(s.at).toISOString(), job: s.job, buildId: s.buildId ?? null, repository: s.repository ?? null, pull: s.pull ?? null, url: s.url ?? null };
}

function recurrence(r: Recurrence): JsonRecurrence {
  return {
    fingerprint: r.fingerprint,
    kind: r.kind,
    evidence: r.evidence,
    windowDays: r.windowDays,
    runs: r.runs,
    jobs: r.jobs,
    pulls: r.pulls,
    baseRuns: r.baseRuns,
    first: sighting(r.first),
    last: sighting(r.last),
    otherPulls: r.otherPulls.map((p) => sighting(p)!),
    passed: sighting(r.passed),
  };
}

export interface JsonReport {
  schemaVersion: number;
  /** "cause" when a failure cause was found, "warning" when only warnings, else "none". */
  result: "cause" | "warning" | "none";
  summary: string;
  findings: JsonFinding[];
  dismissed: JsonFinding[];
  logs: { name: string; url: string | null; partial: boolean; problems: string[]; stats: Report["logs"][number]["stats"] | null }[];
  hints: Report["hints"];
  /** Present when the triage kept history: "recorded", or "unavailable" with the reason. */
  history?: { status: "recorded" | "unavailable"; note: string | null };
  /** Present when the regression window was asked for. */
  window?: JsonWindow;
}

function finding(t: Triaged): JsonFinding {
  const { finding: f, diagnosis: d, signature: s } = t;
  const versions: Record<string, string> = {};
  for (const name of s.versions) if (f.captures[name] !== undefined) versions[name] = f.captures[name]!;
  for (const v of d.versions) if (!(v.name in versions)) versions[v.name] = v.version;
  const typedVersions: Record<string, TypedVersion> = {};
  const named: Record<string, string> = { ...versions };
  for (const name of Object.keys(s.versionKinds ?? {})) if (!(name in named) && f.captures[name] !== undefined) named[name] = f.captures[name]!;
  for (const [name, raw] of Object.entries(named)) {
    const row = d.versions.find((v) => v.name === name && v.version === raw);
    const t = row?.typed ?? classifyVersion(raw, s.versionKinds?.[name]);
    if (t) typedVersions[name] = t;
  }
  // Other captures are typed only where the shape alone says it is a version: a step count `1` or a
  // skew `2` is a number, not a minor.
  for (const [name, raw] of Object.entries(f.captures)) {
    if (name in typedVersions || name in (s.roles ?? {})) continue;
    const t = classifyVersion(raw);
    if (t && unambiguous(t)) typedVersions[name] = t;
  }
  return {
    signature: s.id,
    title: s.title,
    family: s.family,
    severity: d.verdict === "cause" ? "error" : "warning",
    flake: s.flake && d.verdict === "cause",
    verdict: d.verdict,
    log: f.log,
    line: f.line,
    endLine: f.endLine,
    lastLine: f.lastLine,
    count: f.count,
    text: f.text,
    match: f.match,
    captures: f.captures,
    versions,
    typedVersions,
    headline: d.headline,
    versionRoles: d.versions.map((v) => ({ name: v.name, version: v.version, role: v.role, source: v.source, typed: v.typed ?? null })),
    skew: d.skew ?? null,
    reasoning: d.reasoning,
    causes: d.causes,
    fixes: d.fixes,
    references: d.references,
    link: t.link ?? null,
    alsoIn: t.alsoIn.map((a) => ({ log: a.log, line: a.line, count: a.count, link: a.link ?? null })),
    context: f.context,
    ...(t.history ? { history: recurrence(t.history) } : {}),
  };
}

function unambiguous(t: TypedVersion): boolean {
  if (t.kind === "kubernetes") return t.raw.includes(".");
  if (t.kind === "contract") return /alpha|beta/.test(t.apiVersion ?? "");
  return t.kind === "api-version" || t.kind === "cri-api";
}

export function toJson(report: Report, summary: string): JsonReport {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    result: report.causes.length > 0 ? "cause" : report.warnings.length > 0 ? "warning" : "none",
    summary,
    findings: [...report.causes, ...report.warnings].map(finding),
    dismissed: report.dismissed.map(finding),
    logs: report.logs.map((l) => ({ name: l.name, url: l.url ?? null, partial: l.partial, problems: l.problems, stats: l.stats ?? null })),
    hints: report.hints,
    ...(report.history ? { history: { status: report.history.status, note: report.history.note ?? null } } : {}),
    ...(report.window ? { window: windowJson(report.window) } : {}),
  };
}

export function renderJson(report: Report, summary: string): string {
  return `${JSON.stringify(toJson(report, summary), null, 2)}\n`;
}
