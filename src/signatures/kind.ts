import type { Signature } from "../model.js";

export const kindSignatures: Signature[] = [
  {
    id: "kind-config-api-version",
    title: "kind binary does not know the cluster config's apiVersion",
    family: "kind",
    severity: "error",
    flake: true,
    anchors: ["unknown apiVersion", "for apiVersion"],
    patterns: [
      String.raw`unknown\s+apiVersion\s*:\s*(?<apiVersion>kind\.(?:sigs|x-k8s)\.(?:k8s\.)?io/v\w+)`,
      // kind's "unknown kind %s for apiVersion: %s" (some releases print the two the other way round).
      String.raw`unknown\s+kind\s+(?<kind>\S*)\s+for\s+apiVersion\s*:\s*(?<apiVersion>\S+)`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "kind configuration API version" },
    versionKinds: { since: { kind: "component", component: "kind" }, removedIn: { kind: "component", component: "kind" } },
    priority: 45,
    meaning: "kind could not read its cluster configuration: the config's apiVersion belongs to another kind release than the binary.",
    causes: [
      "A config file written for an old kind (kind.sigs.k8s.io/v1alpha3) used with kind v0.9.0 or later.",
      "A config for kind.x-k8s.io/v1alpha4 used with a kind older than v0.6.0 (an old kind pinned in the CI action).",
    ],
    fixes: ["Move the config to kind.x-k8s.io/v1alpha4 with kind: Cluster, or pin the kind binary the config was written for."],
    references: ["https://kind.sigs.k8s.io/docs/user/configuration/"],
    examples: [
      { line: "ERROR: failed to create cluster: unknown apiVersion: kind.sigs.k8s.io/v1alpha3", captures: { apiVersion: "kind.sigs.k8s.io/v1alpha3" } },
    ],
    nearMisses: ["apiVersion: kind.x-k8s.io/v1alpha4"],
  },
];
