import { Ajv } from "ajv";

// The fields each handler reads, checked before it runs: a malformed or mistyped delivery is ignored
// with one log line instead of failing half-way (and having Probot log the whole payload).

const login = { type: "object", required: ["login"], properties: { login: { type: "string" }, type: { type: "string" } } };
const repository = {
  type: "object",
  required: ["id", "name", "owner"],
  properties: { id: { type: "integer" }, name: { type: "string" }, owner: login },
};
const text = { type: ["string", "null"] };

const SCHEMAS: Record<string, object> = {
  issue_comment: {
    type: "object",
    required: ["comment", "issue", "repository"],
    properties: {
      comment: { type: "object", required: ["id", "user"], properties: { id: { type: "integer" }, body: text, user: { anyOf: [login, { type: "null" }] } } },
      issue: { type: "object", required: ["number"], properties: { number: { type: "integer" }, body: text, user: { anyOf: [login, { type: "null" }] } } },
      repository,
    },
  },
  issues: {
    type: "object",
    required: ["issue", "sender", "repository"],
    properties: {
      issue: { type: "object", required: ["number"], properties: { number: { type: "integer" }, body: text, user: { anyOf: [login, { type: "null" }] } } },
      sender: login,
      repository,
    },
  },
  check_run: {
    type: "object",
    required: ["check_run", "repository"],
    properties: {
      check_run: {
        type: "object",
        required: ["head_sha", "pull_requests"],
        properties: { conclusion: text, details_url: text, head_sha: { type: "string" }, pull_requests: { type: "array" } },
      },
      repository,
    },
  },
  workflow_run: {
    type: "object",
    required: ["workflow_run", "repository"],
    properties: {
      workflow_run: { type: "object", required: ["id", "head_sha"], properties: { id: { type: "integer" }, conclusion: text, head_sha: { type: "string" }, pull_requests: { type: ["array", "null"] } } },
      repository,
    },
  },
  status: {
    type: "object",
    required: ["state", "sha", "repository"],
    properties: { state: { type: "string" }, sha: { type: "string" }, target_url: text, repository },
  },
};

const ajv = new Ajv({ allErrors: true });
const validators = new Map(Object.entries(SCHEMAS).map(([event, schema]) => [event, ajv.compile(schema)]));

/** Why a delivery cannot be handled (empty when it can): `issue.number: must be integer`. */
export function payloadProblems(event: string, payload: unknown): string[] {
  const validate = validators.get(event);
  if (!validate || validate(payload)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath.slice(1).replaceAll("/", ".") || "(payload)"}: ${e.message ?? "is invalid"}`);
}
