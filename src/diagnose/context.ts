import type { Finding, KubeVersion, Signature, VersionHint, VersionRole } from "../model.js";
import { parseKubeVersion } from "./versions.js";

/** What the diagnosis knows besides the failing line: versions seen elsewhere in the job. */
export interface DiagnoseContext {
  hints: readonly VersionHint[];
}

/** What a diagnose function returns; anything it leaves out comes from the signature's data. */
export interface DiagnosisPart {
  verdict?: "cause" | "warning" | "not-skew";
  headline: string;
  versions?: VersionRole[];
  skew?: { minors: number; policy: string; supported: boolean };
  reasoning?: string[];
  causes?: string[];
  fixes?: string[];
  references?: string[];
}

export type Diagnoser = (input: DiagnoseInput) => DiagnosisPart;

export interface DiagnoseInput {
  finding: Finding;
  signature: Signature;
  context: DiagnoseContext;
  /** A capture parsed as a version, when it is one. */
  version(name: string): KubeVersion | undefined;
  capture(name: string): string | undefined;
  /** The first hint for any of the roles, in the order given. */
  hint(...roles: string[]): { hint: VersionHint; version: KubeVersion } | undefined;
  /** Version captures the line lacks, taken from hints (banners near the failure, job metadata). */
  filled: ReadonlyMap<string, VersionHint>;
  /** Where the finding is, for the versions table: `build-log.txt:120`. */
  where: string;
}

export function makeInput(finding: Finding, signature: Signature, context: DiagnoseContext): DiagnoseInput {
  const hint = (...roles: string[]) => {
    for (const role of roles) {
      for (const h of context.hints) {
        const version = h.role === role ? parseKubeVersion(h.version) : undefined;
        if (version) return { hint: h, version };
      }
    }
    return undefined;
  };
  // Version captures the failing line left empty, filled from banners (`[upgrade/versions] Target version:`)
  // of the same role: the context lists the nearest first.
  const filled = new Map<string, VersionHint>();
  for (const name of signature.versions) {
    if (finding.captures[name] !== undefined) continue;
    const found = hint(...(signature.hintRoles?.[name] ?? [name]));
    if (found) filled.set(name, found.hint);
  }
  const capture = (name: string) => finding.captures[name] ?? filled.get(name)?.version;
  return {
    finding,
    signature,
    context,
    version: (name) => {
      const raw = capture(name);
      return raw === undefined ? undefined : parseKubeVersion(raw);
    },
    capture,
    hint,
    filled,
    where: `${finding.log}:${finding.line}`,
  };
}

/** The versions table rows for a finding's own captures, and for those filled from banners. */
export function captureRoles(input: DiagnoseInput): VersionRole[] {
  const { signature, finding } = input;
  const names = [...new Set([...signature.versions, ...Object.keys(signature.roles ?? {})])];
  const rows: VersionRole[] = [];
  for (const name of names) {
    const role = signature.roles?.[name] ?? name;
    const own = finding.captures[name];
    if (own !== undefined) rows.push({ name, version: own, role, source: `the failing line (${input.where})` });
    else if (input.filled.has(name)) rows.push(hintRole(name, input.filled.get(name)!.version, role, input.filled.get(name)!));
  }
  return rows;
}

export function hintRole(name: string, version: string, role: string, hint: VersionHint): VersionRole {
  return { name, version, role, source: hint.source };
}
