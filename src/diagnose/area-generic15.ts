import type { VersionRole } from "../model.js";
import type { Diagnoser } from "./context.js";
import { lineLevel } from "./area-generic.js";
import { ERROR_LINE, LIST_OR_DOC, WARNING_LINE } from "./ecosystem.js";

// Diagnosers for src/signatures/generic15.ts (the tenth tuning session, area: the generic layer).

// Source code and specs that hold the message (a Go error string, a test's name, a preflight spec's message, a Terraform
// validation block) rather than a run that printed it.
const CODE_OR_SPEC = /\b(?:fmt\.\w+|errors\.New|Errorf|Context|Describe|It|Entry|When|By|t\.Run|assert\w*|[Ee]xpect)\(|\berror_message\s*=|^\s*(?:message|description|summary|title)\s*:\s|\bfunc\s|\breturn\s|=>\s*\{/;
// Advice, conditions and advisories: "if the cluster version is not supported …", Azure Advisor's "… is detected".
const NOT_A_FAILURE = /\b(?:if|when|whether|unless|otherwise)\b|\bis\s+detected\b|[Rr]ecommend|\bINFO\b|\bDEBUG\b|level=(?:info|debug)/;
// Error fields and wrappers that carry a refusal without an error word on the line: a JSON error field, an Ansible
// fail's msg, CloudFormation's "Message returned:", a Terraform diagnostic's box.
const ERROR_FIELD = /"(?:errorMessage|error|err|message|msg|reason)"\s*:\s*"|\\"msg\\"\s*:|Message\s+returned:|^\s*│\s/;

// A formatted message whose version came out empty: two spaces, or empty quotes, where the version goes.
const EMPTY_VERSION = /[Vv]ersion(?: {2,}|\s+(?:""|''|\\"\\"))\s*(?:was|is|has|not|used|\.|,|$)/;

/**
 * generic-version-refused-unnamed. A refusal with no version and no range is only worth a warning, and only on a line
 * that reports a failure (an error word on it or just above it, or an error field); code, advice and warnings that a
 * version is unsupported are not failures. The versions the job printed elsewhere fill the report's table.
 */
const diagnoseRefusedUnnamed: Diagnoser = (input) => {
  const { finding } = input;
  const text = finding.text;
  if (CODE_OR_SPEC.test(text) || LIST_OR_DOC.test(text)) return { verdict: "not-skew", headline: "Source code, a spec or a list item that holds the refusal, not a run that printed it.", versions: [] };
  // "Unsupported kubernetes version  was used" (an empty %s): the request named no version at all, a usage error.
  if (EMPTY_VERSION.test(text)) return { verdict: "not-skew", headline: "The message's version is empty: the request named none (a missing argument), not a version that was refused.", versions: [] };
  const level = lineLevel(finding);
  if (level === "I" || NOT_A_FAILURE.test(text)) return { verdict: "not-skew", headline: "Advice, a condition or an advisory about an unsupported version, not a failure.", versions: [] };
  const before = finding.context.before.slice(-2).map((l) => l.text).join("\n");
  const errorHere = level === "E" || level === "F" || ERROR_LINE.test(text) || ERROR_FIELD.test(text);
  if (!errorHere && (level === "W" || WARNING_LINE.test(text) || !ERROR_LINE.test(before))) {
    return { verdict: "not-skew", headline: "A statement that a version is unsupported on a line that reports no failure: not reported.", versions: [] };
  }
  const subject = input.capture("subject") ?? "Kubernetes";
  const relation = (input.capture("relation") ?? "not supported").toLowerCase();
  const versions: VersionRole[] = [];
  for (const [name, roles, role] of [
    ["cluster", ["cluster", "server", "kubernetes"], "cluster (server) version the job printed"],
    ["client", ["client", "kubectl"], "client version the job printed"],
  ] as const) {
    const found = input.hint(...roles);
    if (found) versions.push({ name, version: found.hint.version, role, source: found.hint.source });
  }
  const named = versions.length > 0 ? ` The job printed ${versions.map((v) => `${v.name} ${v.version}`).join(" and ")} elsewhere.` : "";
  return {
    verdict: "warning",
    headline: `An error says the ${subject} version is ${relation} without naming it: possible version skew (unrecognised wording).${named}`,
    versions,
  };
};

export const generic15Diagnosers: Record<string, Diagnoser> = {
  "generic-version-refused-unnamed": diagnoseRefusedUnnamed,
};
