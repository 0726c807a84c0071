import semver from "semver";
import type { KubeVersion } from "../model.js";

/**
 * A Kubernetes version token as printed in logs: optional `v`, major.minor, optional patch (or the
 * kubeadm wildcard `x`), pre-release and build metadata (`1.33.0-alpha.0.1+0e1abc4d18e353`).
 * No word-boundary guard here: patterns that use it supply their own literal context.
 */
export const VERSION_TOKEN = String.raw`[vV]?\d+\.\d+(?:\.(?:\d+|x))?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?`;

const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"-]+$/;
const LEADING_PUNCTUATION = /^[("'[]+/;

/** Strips the quotes and sentence punctuation that cling to a token in running text. */
export function cleanVersionToken(raw: string): string {
  return raw.trim().replace(LEADING_PUNCTUATION, "").replace(TRAILING_PUNCTUATION, "");
}

const SHAPE = /^[vV]?(\d+)\.(\d+)(?:\.(\d+|x))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z._-]+))?$/;

/** Parses a token into its parts; undefined for anything that is not version-shaped. */
export function parseKubeVersion(token: string): KubeVersion | undefined {
  const raw = cleanVersionToken(token);
  const m = SHAPE.exec(raw);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor)) return undefined;
  const patch = m[3] === undefined || m[3] === "x" ? undefined : Number(m[3]);
  // Round-trip through semver so that only tokens semver agrees with are treated as full versions.
  const full = patch === undefined ? undefined : semver.parse(raw.replace(/^V/, "v"), { loose: true });
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
export function toSemver(v: KubeVersion): semver.SemVer | null {
  const pre = v.prerelease.length ? `-${v.prerelease.join(".")}` : "";
  const build = v.build.length ? `+${v.build.join(".")}` : "";
  return semver.parse(`${v.major}.${v.minor}.${v.patch ?? 0}${pre}${build}`);
}

/** "1 minor" / "3 minors" */
export function minorsText(n: number): string {
  const abs = Math.abs(n);
  return `${abs} minor${abs === 1 ? "" : "s"}`;
}
