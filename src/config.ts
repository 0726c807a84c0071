import { Ajv, type ErrorObject } from "ajv";
import type { Signature } from "./model.js";
import { loadCustomSignatures } from "./signatures/custom.js";

/** `.github/skewbot.yml`, after defaults. Documented in README.md ("Configuration"). */
export interface SkewbotConfig {
  triggers: {
    /** `/triage` commands in issue and pull-request comments. */
    commands: boolean;
    /** Failure reports posted by CI bots (Prow's "The following tests failed" table). */
    ciComments: boolean;
    /** Issues that report CI failures (job links and pasted log excerpts). */
    issues: boolean;
    /** Failed check runs, workflow runs and commit statuses. */
    checks: boolean;
  };
  labels: {
    enabled: boolean;
    /** Added when a failure cause marks a version-skew flake. */
    flake: string[];
  };
  /** Logins whose comments are CI failure reports (without the `[bot]` suffix, case-insensitive). */
  ciBots: string[];
  /** Minimum repository permission to run /triage; the issue or PR author may always run it when `allowAuthor`. */
  triagePermission: "read" | "triage" | "write" | "maintain" | "admin";
  allowAuthor: boolean;
  /** Extra hosts logs may be fetched from (added to the built-in defaults). */
  allowedHosts: string[];
  /**
   * Other repositories (`owner/name`) whose GitHub Actions logs a triage here may read and quote; each only
   * while it is at least as open as this one (public > internal > private).
   */
  linkedRepositories: string[];
  /** Custom signatures, in the same form as the built-in catalog. */
  signatures: Signature[];
  limits: {
    /** References taken from one comment or issue. */
    maxRefs: number;
  };
  /** Log what would be posted instead of posting it. */
  dryRun: boolean;
  history: {
    /** Record each triage and report how often its causes were seen before. */
    enabled: boolean;
    /** Days of history the recurrence counts cover. */
    window: number;
    /** Days this repository's runs are kept; can shorten the server's retention (SKEWBOT_HISTORY_RETENTION_DAYS), not lengthen it. */
    retentionDays: number;
  };
}

export const DEFAULT_CONFIG: SkewbotConfig = {
  triggers: { commands: true, ciComments: true, issues: true, checks: true },
  labels: { enabled: true, flake: ["kind/flake", "flake/version-skew"] },
  ciBots: ["k8s-ci-robot", "openshift-ci-robot", "openshift-ci"],
  triagePermission: "triage",
  allowAuthor: true,
  allowedHosts: [],
  linkedRepositories: [],
  signatures: [],
  limits: { maxRefs: 10 },
  dryRun: false,
  history: { enabled: true, window: 7, retentionDays: 90 },
};

const LABEL = { type: "string", minLength: 1, maxLength: 50 };
const SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    triggers: {
      type: "object",
      additionalProperties: false,
      properties: { commands: { type: "boolean" }, ciComments: { type: "boolean" }, issues: { type: "boolean" }, checks: { type: "boolean" } },
    },
    labels: {
      type: "object",
      additionalProperties: false,
      properties: { enabled: { type: "boolean" }, flake: { type: "array", items: LABEL, maxItems: 10 } },
    },
    ciBots: { type: "array", items: { type: "string", minLength: 1, maxLength: 100 }, maxItems: 50 },
    triagePermission: { enum: ["read", "triage", "write", "maintain", "admin"] },
    allowAuthor: { type: "boolean" },
    allowedHosts: { type: "array", items: { type: "string", pattern: "^(\\*\\.)?[A-Za-z0-9*.-]+(:\\d+)?$" }, maxItems: 50 },
    linkedRepositories: { type: "array", items: { type: "string", pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, maxItems: 50 },
    // Validated by the custom-signature loader, the same one `skewbot analyze --signatures` uses.
    signatures: {},
    limits: {
      type: "object",
      additionalProperties: false,
      properties: { maxRefs: { type: "integer", minimum: 1, maximum: 50 } },
    },
    dryRun: { type: "boolean" },
    history: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean" },
        window: { type: "integer", minimum: 1, maximum: 90 },
        retentionDays: { type: "integer", minimum: 1, maximum: 3650 },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

export interface LoadedConfig {
  config: SkewbotConfig;
  /** Why the file was not used, in words for a comment; empty when it was fine. */
  errors: string[];
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replaceAll("/", ".") : "(top level)";
  if (e.keyword === "additionalProperties") return `${where}: unknown setting "${String(e.params["additionalProperty"])}"`;
  if (e.keyword === "enum") return `${where}: must be one of ${(e.params["allowedValues"] as unknown[]).join(", ")}`;
  return `${where}: ${e.message ?? "is invalid"}`;
}

/**
 * Validates the repository's configuration and merges it over the defaults. An invalid file is never
 * fatal: the defaults are used and the errors are returned so that the bot can say so.
 */
export function resolveConfig(raw: unknown): LoadedConfig {
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, errors: [] };
  if (!validate(raw)) return { config: DEFAULT_CONFIG, errors: (validate.errors ?? []).map(describe) };
  const file = raw as Partial<SkewbotConfig>;
  const loaded = loadCustomSignatures(file.signatures);
  if (loaded.errors.length > 0) return { config: DEFAULT_CONFIG, errors: loaded.errors };
  const signatures = loaded.signatures;
  return {
    config: {
      triggers: { ...DEFAULT_CONFIG.triggers, ...file.triggers },
      labels: { ...DEFAULT_CONFIG.labels, ...file.labels },
      ciBots: file.ciBots ?? DEFAULT_CONFIG.ciBots,
      triagePermission: file.triagePermission ?? DEFAULT_CONFIG.triagePermission,
      allowAuthor: file.allowAuthor ?? DEFAULT_CONFIG.allowAuthor,
      allowedHosts: file.allowedHosts ?? [],
      linkedRepositories: file.linkedRepositories ?? [],
      signatures,
      limits: { ...DEFAULT_CONFIG.limits, ...file.limits },
      dryRun: file.dryRun ?? false,
      history: { ...DEFAULT_CONFIG.history, ...file.history },
    },
    errors: [],
  };
}
