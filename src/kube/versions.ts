import { createRequire } from "node:module";
import type { SemVer } from "semver";
import type { KubeVersion, TypedVersion, VersionKind } from "../model.js";

/**
 * A Kubernetes version token as printed in logs: optional `v`, major.minor, optional patch (or the
 * kubeadm wildcard `x`), pre-release and build metadata (`1.33.0-alpha.0.1+0e1abc4d18e353`).
 * No word-boundary guard here: patterns that use it supply their own literal context.
 */
export const VERSION_TOKEN = String.raw`[vV]?\d+\.\d+(?:\.(?:\d+|[xX]))?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?`;

// semver is loaded on first use, not at start-up: loading it costs more than the rest of a short analysis,
// and a log without findings never parses a version.
const require = createRequire(import.meta.url);
let semverModule: typeof import("semver") | undefined;
const semver = (): typeof import("semver") => (semverModule ??= require("semver") as typeof import("semver"));

const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"-]+$/;
const LEADING_PUNCTUATION = /^[("'[]+/;

/** Strips the quotes and sentence punctuation that cling to a token in running text. */
export function cleanVersionToken(raw: string): string {
  return raw.trim().replace(LEADING_PUNCTUATION, "").replace(TRAILING_PUNCTUATION, "");
}

const SHAPE = /^[vV]?(\d+)\.(\d+)(?:\.(\d+|[xX]))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z._-]+))?$/;

/** Parses a token into its parts; undefined for anything that is not version-shaped. */
export function parseKubeVersion(token: string): KubeVersion | undefined {
  const raw = cleanVersionToken(token);
  const m = SHAPE.exec(raw);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor)) return undefined;
  const patch = m[3] === undefined || m[3] === "x" || m[3] === "X" ? undefined : Number(m[3]);
  // Round-trip through semver so that only tokens semver agrees with are treated as full versions.
  const full = patch === undefined ? undefined : semver().parse(raw.replace(/^V/, "v"), { loose: true });
  return {
    raw,
    major,
    minor,
    ...(patch === undefined ? {} : { patch }),
    prerelease: full ? full.prerelease.map(String) : splitDotted(m[4]),
    build: full ? [...full.build] : splitDotted(m[5]),
  };
}

function splitDotted(part: string | undefined): string[] {
  return part ? part.split(".").filter(Boolean) : [];
}

/** `1.31` */
/** Group and version of an API version ("apps/v1" → apps, v1; the core group's "v1" → "", v1). */
export function splitGroupVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf("/");
  return i < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function majorMinor(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}

/** Signed minor distance `a − b`; assumes the same major (Kubernetes has only ever had major 1). */
export function minorDelta(a: KubeVersion, b: KubeVersion): number {
  return (a.major - b.major) * 1000 + (a.minor - b.minor);
}

export function compareMinor(a: KubeVersion, b: KubeVersion): number {
  return Math.sign(minorDelta(a, b));
}

export function addMinors(v: KubeVersion, n: number): KubeVersion {
  const minor = v.minor + n;
  return { raw: `${v.major}.${minor}`, major: v.major, minor, prerelease: [], build: [] };
}

/** The semver form used for range checks (`1.31` → `1.31.0`), keeping pre-release and build parts. */
export function toSemver(v: KubeVersion): SemVer | null {
  const pre = v.prerelease.length ? `-${v.prerelease.join(".")}` : "";
  const build = v.build.length ? `+${v.build.join(".")}` : "";
  return semver().parse(`${v.major}.${v.minor}.${v.patch ?? 0}${pre}${build}`);
}

/** "1 minor" / "3 minors" */
export function minorsText(n: number): string {
  const abs = Math.abs(n);
  return `${abs} minor${abs === 1 ? "" : "s"}`;
}

// --- typed versions --------------------------------------------------------------------------

const API_VERSION = String.raw`v\d+(?:(?:alpha|beta)\d*)?`;
/** `runtime.v1alpha2`, also as a service name (`runtime.v1alpha2.RuntimeService`). */
const CRI_SHAPE = new RegExp(String.raw`^runtime\.(${API_VERSION})(?:\.[A-Za-z]\w*)*$`);
/** `kubeadm.k8s.io/v1beta2`, `apps/v1`: a DNS-ish group, a slash, a Kubernetes API version. */
const GROUP_VERSION_SHAPE = new RegExp(String.raw`^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)/(${API_VERSION})$`);
const BARE_API_VERSION_SHAPE = new RegExp(String.raw`^${API_VERSION}$`);
const BARE_MINOR_SHAPE = /^\d{1,3}$/;

/** A per-capture override, as a signature's `versionKinds` gives it. */
export type VersionKindHint = VersionKind | { kind: VersionKind; component?: string };

function releaseParts(v: KubeVersion): Pick<TypedVersion, "major" | "minor" | "patch" | "prerelease" | "build"> {
  return { major: v.major, minor: v.minor, ...(v.patch === undefined ? {} : { patch: v.patch }), prerelease: v.prerelease, build: v.build };
}

/**
 * Types one version-like token. The shape decides where it can (`runtime.v1alpha2` is a CRI API,
 * `kubeadm.k8s.io/v1beta2` an API group/version, `v1beta1` a contract, `28` a bare minor, `1.31.2` a
 * release); `hint` decides what a shape cannot: whether a release is Kubernetes's, a Docker API version
 * or a component's own, and whether a bare `v1` is the core API group rather than a contract. A hint
 * that does not fit the shape is ignored. Undefined for text that is not one version (a list, a range).
 */
export function classifyVersion(token: string, hint?: VersionKindHint): TypedVersion | undefined {
  const raw = cleanVersionToken(token);
  const wanted = typeof hint === "string" ? hint : hint?.kind;
  const component = typeof hint === "object" ? hint.component : undefined;

  const cri = CRI_SHAPE.exec(raw);
  if (cri) return { raw, kind: "cri-api", apiVersion: cri[1]! };
  const gv = GROUP_VERSION_SHAPE.exec(raw);
  if (gv) return { raw, kind: "api-version", group: gv[1]!, apiVersion: gv[2]! };
  if (BARE_API_VERSION_SHAPE.test(raw)) {
    if (wanted === "api-version") return { raw, kind: "api-version", group: "", apiVersion: raw };
    if (wanted === "cri-api") return { raw, kind: "cri-api", apiVersion: raw };
    return { raw, kind: "contract", apiVersion: raw };
  }
  if (BARE_MINOR_SHAPE.test(raw)) {
    // Kubernetes has had only major 1: a tool that prints the minor alone means 1.<minor>.
    return { raw, kind: "minor", major: 1, minor: Number(raw), prerelease: [], build: [] };
  }
  const release = parseKubeVersion(raw);
  if (!release) return undefined;
  if (wanted === "docker-api" || wanted === "minor") return { raw, kind: wanted, ...releaseParts(release) };
  if (wanted === "component") return { raw, kind: "component", ...releaseParts(release), ...(component ? { component } : {}) };
  return { raw, kind: "kubernetes", ...releaseParts(release) };
}

// A token followed by a dot and a digit (or a wildcard) is the head of a longer dotted number: an IPv4 address
// (10.96.0.10), a four-part release of another product (OpenShift 3.3.1.3), a whole major (v1.x). None is one version.
const TOKEN_IN_TEXT = new RegExp(
  String.raw`(?<![\w./-])(?:runtime\.${API_VERSION}|[a-z0-9][a-z0-9.-]*\.[a-z]{2,}/${API_VERSION}|[a-z]+/${API_VERSION}|${VERSION_TOKEN}|${API_VERSION})(?![\w/]|\.(?:\d|[xX]\b))`,
  "g",
);

/**
 * Every version-like token in running text, typed by shape, left to right. Bounded: at most `max`
 * tokens, so that a line with hundreds of them costs no more than a short one.
 */
export function findVersionTokens(text: string, max = 16): TypedVersion[] {
  const out: TypedVersion[] = [];
  TOKEN_IN_TEXT.lastIndex = 0;
  for (let m = TOKEN_IN_TEXT.exec(text); m !== null && out.length < max; m = TOKEN_IN_TEXT.exec(text)) {
    const typed = classifyVersion(m[0]);
    if (typed) out.push(typed);
  }
  return out;
}

const RELEASE_KINDS: ReadonlySet<VersionKind> = new Set(["kubernetes", "minor", "docker-api", "component"]);

/**
 * Whether two printed tokens name the same version, by type: a CRI API named as `runtime.v1`, as its service
 * (`runtime.v1.RuntimeService`) or bare (`v1`, as "CRI v1 runtime API" prints it) is one version; a release
 * with or without its `v` (`v1.28.3`, `1.28.3`) too. An API group/version never equals a bare version
 * (`apps/v1` is not the CRI's `v1`), and a bare minor (`28`) never equals a release.
 */
export function sameVersion(a: string, b: string): boolean {
  const x = cleanVersionToken(a);
  const y = cleanVersionToken(b);
  if (x === y) return true;
  const tx = classifyVersion(x);
  const ty = classifyVersion(y);
  if (!tx || !ty) return false;
  if (tx.kind === "cri-api" || ty.kind === "cri-api") {
    const bare = (t: TypedVersion) => t.kind === "cri-api" || t.kind === "contract";
    return bare(tx) && bare(ty) && tx.apiVersion === ty.apiVersion;
  }
  if (RELEASE_KINDS.has(tx.kind) && tx.kind === ty.kind && tx.kind !== "minor") {
    return tx.major === ty.major && tx.minor === ty.minor && tx.patch === ty.patch &&
      (tx.prerelease ?? []).join(".") === (ty.prerelease ?? []).join(".") && (tx.build ?? []).join(".") === (ty.build ?? []).join(".");
  }
  return false;
}
