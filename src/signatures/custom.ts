import { Ajv, type ErrorObject } from "ajv";
import { FAMILIES, VERSION_KINDS, type Signature } from "../model.js";
import { builtinHints, builtinSignatures } from "./index.js";
import { compileCatalog, SignatureError, type CompiledCatalog } from "./compile.js";

// The one loader for custom signatures: `.github/skewbot.yml` (src/config.ts) and `skewbot analyze
// --signatures` (src/cli.ts) both come here, so a signature that one accepts the other runs the same way.

const STRINGS = { type: "array", items: { type: "string" } } as const;
const KIND = { enum: VERSION_KINDS } as const;

/** JSON Schema of one custom signature: the built-in form, with optional fields defaulted. */
export const CUSTOM_SIGNATURE_SCHEMA = {
  type: "object",
  required: ["id", "title", "family", "severity", "anchors", "patterns"],
  additionalProperties: false,
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    family: { enum: FAMILIES },
    severity: { enum: ["error", "warning"] },
    flake: { type: "boolean" },
    // Empty lists are the compiler's to report: it names the signature and says what is missing.
    anchors: { type: "array", items: { type: "string" }, maxItems: 10 },
    patterns: { type: "array", items: { type: "string", maxLength: 2000 }, maxItems: 10 },
    versions: STRINGS,
    roles: { type: "object", additionalProperties: { type: "string" } },
    versionKinds: {
      type: "object",
      additionalProperties: {
        oneOf: [KIND, { type: "object", required: ["kind"], additionalProperties: false, properties: { kind: KIND, component: { type: "string" } } }],
      },
    },
    hintRoles: { type: "object", additionalProperties: STRINGS },
    priority: { type: "number" },
    meaning: { type: "string" },
    causes: STRINGS,
    fixes: STRINGS,
    references: STRINGS,
    examples: {
      type: "array",
      items: {
        type: "object",
        required: ["line"],
        additionalProperties: false,
        properties: { line: { type: "string" }, captures: { type: "object", additionalProperties: { type: "string" } } },
      },
    },
    nearMisses: STRINGS,
  },
} as const;

export const MAX_CUSTOM_SIGNATURES = 500;

const LIST_SCHEMA = { type: "array", maxItems: MAX_CUSTOM_SIGNATURES, items: CUSTOM_SIGNATURE_SCHEMA } as const;
const validateList = new Ajv({ allErrors: true }).compile(LIST_SCHEMA);

export interface LoadedSignatures {
  signatures: Signature[];
  /** Why the list was refused, one line each, naming the signature; empty when it is fine. */
  errors: string[];
  /** The built-in catalog with these signatures, compiled (when there are no errors): compile once, use it. */
  catalog?: CompiledCatalog;
}

type FileSignature = Pick<Signature, "id" | "title" | "family" | "severity" | "anchors" | "patterns"> & Partial<Signature>;

function withDefaults(s: FileSignature): Signature {
  return { ...s, flake: s.flake ?? false, versions: s.versions ?? [], priority: s.priority ?? 10, meaning: s.meaning ?? s.title, causes: s.causes ?? [], fixes: s.fixes ?? [] };
}

function describe(e: ErrorObject, list: unknown[]): string {
  const [index, ...rest] = e.instancePath.slice(1).split("/");
  const item = list[Number(index)] as { id?: unknown } | undefined;
  const who = index === undefined || index === "" ? "signatures" : `signature ${typeof item?.id === "string" && item.id ? item.id : `#${Number(index) + 1}`}`;
  const field = rest.length > 0 ? `${rest.join(".")}: ` : "";
  if (e.keyword === "additionalProperties") return `${who}: ${field}unknown field "${String(e.params["additionalProperty"])}"`;
  if (e.keyword === "enum") return `${who}: ${field}must be one of ${(e.params["allowedValues"] as unknown[]).join(", ")}`;
  return `${who}: ${field}${e.message ?? "is invalid"}`;
}

/**
 * Validates custom signatures (parsed YAML or JSON), fills in the optional fields and compiles them with the
 * built-in catalog. Never throws for bad input: it returns the reasons.
 */
export function loadCustomSignatures(raw: unknown): LoadedSignatures {
  if (raw === undefined || raw === null) return { signatures: [], errors: [] };
  if (!Array.isArray(raw)) return { signatures: [], errors: ["signatures: must be a list of signatures"] };
  const errors: string[] = [];
  if (!validateList(raw)) errors.push(...new Set((validateList.errors ?? []).map((e) => describe(e, raw))));
  const signatures = (raw as unknown[]).filter(isCompilable).map(withDefaults);
  if (errors.length === 0) {
    try {
      return { signatures, errors: [], catalog: compileCatalog([...builtinSignatures, ...signatures], builtinHints) };
    } catch (err) {
      if (!(err instanceof SignatureError)) throw err;
    }
  }
  // Something is wrong: compile each signature on its own, so that every faulty one is named (the schema
  // alone cannot say that a pattern is no regular expression), then all together for duplicate ids.
  let alone = 0;
  for (const signature of signatures) {
    try {
      compileCatalog([signature]);
    } catch (err) {
      if (!(err instanceof SignatureError)) throw err;
      errors.push(err.message);
      alone++;
    }
  }
  if (alone === 0) {
    try {
      compileCatalog([...builtinSignatures, ...signatures], builtinHints);
    } catch (err) {
      if (!(err instanceof SignatureError)) throw err;
      errors.push(err.message);
    }
  }
  return { signatures: [], errors };
}

function isCompilable(item: unknown): item is FileSignature {
  if (typeof item !== "object" || item === null) return false;
  const s = item as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
  return typeof s["id"] === "string" && strings(s["anchors"]) && strings(s["patterns"]) && (s["versions"] === undefined || strings(s["versions"]));
}
