import type { Signature } from "../model.js";

// The generic layer: an error line that names two versions (or API versions) in a skew relation, in a
// wording no specific signature knows. It is reported as a warning at most ("possible version skew"),
// ranked below every specific signature, and dismissed where the line is not an error or the numbers
// are not versions (diagnose/generic.ts decides).

// A version-like token: a release (v1.28, 1.28.3, 1.33.0-alpha.0.1+abc), an API group/version
// (apps/v1, kubeadm.k8s.io/v1beta3), or a bare API/contract version (v1beta1). Not part of a longer
// dotted number (an IP address, a timestamp).
const T = String.raw`(?<![\w./-])(?:[a-z][\w-]*(?:\.[a-z][\w-]*)*/v\d+(?:(?:alpha|beta)\d*)?|v\d+(?:alpha|beta)\d+|[vV]?\d+\.\d+(?:\.(?:\d+|x))?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?)(?![\w/]|\.\d)`;
const RELATION = String.raw`(?:[Tt]oo\s+(?:old|new|low|high)|(?:not|no\s+longer)\s+(?:supported|served|compatible)|[Uu]nsupported|[Ii]ncompatible|[Rr]equires?|[Rr]equired|[Mm]inimum|[Mm]aximum|at\s+(?:least|most)|not\s+between|(?:newer|older|greater|lower|less|higher|bigger|smaller)\s+than)`;
const GAP = String.raw`[^\n]{0,100}?`;

export const genericSignatures: Signature[] = [
  {
    id: "generic-version-skew",
    title: "Possible version skew (unrecognised wording)",
    family: "generic",
    severity: "warning",
    flake: false,
    anchors: [
      "too old", "too new", "Too old", "Too new", "too low", "too high",
      "not supported", "no longer supported", "no longer served", "not compatible",
      "unsupported", "Unsupported", "incompatible", "Incompatible",
      "requires", "Requires", "required", "Required",
      "minimum", "Minimum", "maximum", "Maximum", "at least", "at most", "not between",
      "newer than", "older than", "greater than", "lower than", "less than", "higher than", "bigger than", "smaller than",
      "unknown apiVersion",
    ],
    patterns: [
      String.raw`(?<a>${T})${GAP}\b(?<relation>${RELATION})\b${GAP}(?<b>${T})`,
      String.raw`\b(?<relation>${RELATION})\b${GAP}(?<a>${T})${GAP}(?<b>${T})`,
      String.raw`(?<relation>unknown\s+apiVersion)\s*:?\s*\\?"?(?<a>${T})`,
    ],
    versions: ["a", "b"],
    roles: { a: "first version named", b: "second version named" },
    // The lowest of all: any specific signature that matches the same text wins.
    priority: 1,
    meaning:
      "An error names two versions in a relation such as too old / too new, not supported, requires or minimum: the wording is not in the catalog, but it reads like a version skew between two components.",
    causes: ["Two components (a client and a server, a tool and a cluster, an operator and Kubernetes) outside each other's supported versions."],
    fixes: [
      "Check which component printed the error and which version range it supports; align the older side (or pin the newer one back).",
      "If this is a version skew the catalog should know, add a custom signature for it in .github/skewbot.yml.",
    ],
    examples: [
      {
        line: "Error: frobnicator v2.3.0 requires Kubernetes 1.29 or newer, found v1.27.4",
        captures: { a: "v2.3.0", b: "1.29", relation: "requires" },
      },
    ],
    nearMisses: [
      "invalid sampling ratio 1.7: value is not between 0 and 1",
      "INFO: plugin v1.2.0 requires a restart to load, see 1.3 notes",
    ],
  },
];
