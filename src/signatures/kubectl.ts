import type { Signature } from "../model.js";

export const kubectlSignatures: Signature[] = [
  {
    id: "kubectl-client-server-skew",
    title: "kubectl outside the supported skew of the server",
    family: "kubectl",
    severity: "warning",
    flake: false,
    anchors: ["version difference between client", "exceeds the supported minor version skew"],
    patterns: [
      // The tail is optional: issue titles and truncated lines often stop after the versions.
      String.raw`version\s+difference\s+between\s+client\s+\(\s*(?<client>{V})\s*\)\s+and\s+server\s+\(\s*(?<server>{V})\s*\)(?:\s+exceeds\s+the\s+supported\s+minor\s+version\s+skew\s+of\s+\+/-\s*(?<allowedSkew>\d+))?`,
    ],
    versions: ["client", "server"],
    roles: { client: "kubectl (client) version", server: "kube-apiserver (server) version" },
    priority: 40,
    meaning:
      "kubectl is more than one minor away from the API server. A warning: it fails a job only when a script treats it (or any stderr) as a failure.",
    causes: ["kubectl installed from 'latest' or from the runner image instead of pinned to the cluster version."],
    fixes: ["Install a kubectl within ±1 minor of the server; in CI pin kubectl to the cluster version."],
    examples: [
      {
        line: "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1",
        captures: { client: "1.34", server: "1.31", allowedSkew: "1" },
      },
    ],
    nearMisses: ["Client Version: v1.33.4", "Server Version: v1.33.4"],
  },
  {
    id: "kubectl-openapi-schema-error",
    title: "kubectl too old for the server's OpenAPI schema",
    family: "kubectl",
    severity: "error",
    flake: true,
    anchors: ["SchemaError(", "SchemaeError(", "have additional properties"],
    patterns: [
      String.raw`Schemae?Error\((?<schemaPath>[^)\s]+)\)\s*:\s*invalid\s+object\s+doesn.t\s+have\s+additional\s+properties`,
      String.raw`invalid\s+object\s+doesn.t\s+have\s+additional\s+properties`,
    ],
    versions: [],
    priority: 45,
    meaning: "An old kubectl could not parse the OpenAPI document of a much newer API server.",
    causes: ["kubectl several minors older than the cluster (a known case was four minors behind)."],
    fixes: ["Upgrade kubectl to within ±1 minor of the server."],
    examples: [
      {
        line: "error: SchemaError(io.k8s.api.apps.v1beta2.DeploymentSpec): invalid object doesn't have additional properties",
        captures: { schemaPath: "io.k8s.api.apps.v1beta2.DeploymentSpec" },
      },
    ],
  },
];
