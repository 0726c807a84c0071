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
  /** Where the finding is, for the versions table: `build-log.txt:120`. */
  where: string;
}

export function makeInput(finding: Finding, signature: Signature, context: DiagnoseContext): DiagnoseInput {
  return {
    finding,
    signature,
    context,
    version: (name) => {
      const raw = finding.captures[name];
      return raw === undefined ? undefined : parseKubeVersion(raw);
    },
    capture: (name) => finding.captures[name],
    hint: (...roles) => {
      for (const role of roles) {
        for (const hint of context.hints) {
          const version = hint.role === role ? parseKubeVersion(hint.version) : undefined;
          if (version) return { hint, version };
        }
      }
      return undefined;
    },
    where: `${finding.log}:${finding.line}`,
  };
}

/** The versions table rows for a finding's own captures. */
export function captureRoles(input: DiagnoseInput): VersionRole[] {
  const { signature, finding } = input;
  const names = [...new Set([...signature.versions, ...Object.keys(signature.roles ?? {})])];
  return names
    .filter((name) => finding.captures[name] !== undefined)
    .map((name) => ({
      name,
      version: finding.captures[name]!,
      role: signature.roles?.[name] ?? name,
      source: `the failing line (${input.where})`,
    }));
}

export function hintRole(name: string, version: string, role: string, hint: VersionHint): VersionRole {
  return { name, version, role, source: hint.source };
}
