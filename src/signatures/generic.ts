import type { Signature } from "../model.js";

// The generic layer: an error line that names two versions (or API versions) in a skew relation, or one
// version it refuses, in a wording no specific signature knows. It is reported as a warning at most
// ("possible version skew"), ranked below every specific signature, and dismissed where the line is not an
// error or the numbers are not versions (diagnoseGeneric in diagnose/ecosystem.ts decides). "no matches for
// kind … in version" and "no kind … is registered for version" are left to their specific signatures: read
// generically they warn on CRDs never installed.

// A version-like token: a release (v1.28, 1.28.3, 1.33.0-alpha.0.1+abc), an API group/version
// (apps/v1, kubeadm.k8s.io/v1beta3), or a bare API/contract version (v1beta1). Not part of a longer
// dotted number (an IP address, a timestamp).
const T = String.raw`(?<![\w./-])(?:[a-z][\w-]*(?:\.[a-z][\w-]*)*/v\d+(?:(?:alpha|beta)\d*)?|v\d+(?:alpha|beta)\d+|[vV]?\d+\.\d+(?:\.(?:\d+|x))?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?)(?![\w/]|\.\d)`;
// An API group/version or a bare API/contract version only (v1beta1, cluster.x-k8s.io/v1alpha4).
const API_T = String.raw`(?<![\w./-])(?:[a-z][\w-]*(?:\.[a-z][\w-]*)*/v\d+(?:(?:alpha|beta)\d*)?|v\d+(?:alpha|beta)\d+)(?![\w/]|\.\d)`;
// Word relations carry their own \b; the comparison operators (">= 1.19") cannot.
const RELATION = String.raw`(?:\b(?:[Tt]oo\s+(?:old|new|low|high)|(?:not|no\s+longer)\s+(?:supported|served|compatible)|[Uu]nsupported|[Ii]ncompatible|[Rr]equires?|[Rr]equired|[Mm]inimum|[Mm]aximum|at\s+(?:least|most)|not\s+between|(?:newer|older|greater|lower|less|higher|bigger|smaller)\s+than|[Mm]ismatch(?:ed)?|(?:version\s+)?skew|differs?\s+from|difference\s+between|exceeds|only\s+(?:supports?|supported|compatible|works)|can\s+only\s+be\s+used|must\s+be|cannot\s+(?:be\s+)?(?:upgraded?|downgraded?)|upgrade\s+path)\b|[<>]=?(?=\s*[vV]?\d))`;
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
      "mismatch", "Mismatch", "skew", "differ", "difference between", "exceeds", "only support", "only compatible", "only works",
      "can only be used", "must be", "cannot be upgraded", "cannot upgrade", "cannot be downgraded", "cannot downgrade", "upgrade path",
      "is invalid", "not available", "not known", "not valid",
      "not allowed", "not recognized", "is unknown", "API version", "api version",
      "only compatible with", "only works with", "versions matching", "version(s) found matching",
      "supports the", "supports v", "expects v", "expected v",
    ],
    patterns: [
      String.raw`(?<a>${T})${GAP}(?<relation>${RELATION})${GAP}(?<b>${T})`,
      String.raw`(?<relation>${RELATION})${GAP}(?<a>${T})${GAP}(?<b>${T})`,
      String.raw`(?<relation>unknown\s+apiVersion)\s*:?\s*\\?"?(?<a>${T})`,
      // One version, said to be refused: "Master version \"1.14.3-gke.9\" is unsupported", "version 1.16 is not supported".
      String.raw`\b[Vv]ersion\s*:?\s*\\?["'(]?(?<a>${T})\\?["')]?\s+(?:is\s+|are\s+)?(?<relation>(?:not|no\s+longer)\s+(?:supported|available|known|valid|allowed|served|recognized)|unsupported|invalid|unknown|too\s+(?:old|new|low|high))\b`,
      // An API version the reader does not know, in wordings beyond apimachinery's: "unsupported API version \"x/v1\"".
      String.raw`(?<relation>(?:unknown|unsupported|invalid|unrecognized|unrecognised)\s+(?:apiVersion|API\s+version|api\s+version|version))\s*:?\s*\\?["']?(?<a>${T})`,
      // A tool that names the one version it works with: "current version of clusterctl is only compatible with
      // v1beta1 providers" (kubernetes-sigs/cluster-api#5425).
      // The one version must read as Kubernetes's: an API or contract version, or a release after "Kubernetes"
      // ("server only supports v1.3" is TLS's).
      String.raw`(?<relation>only\s+(?:compatible|works)\s+with|only\s+supports?)\s+(?:the\s+)?(?:API\s+(?:[Vv]ersion\s+)?)?\\?["']?(?<a>${API_T})`,
      String.raw`(?<relation>only\s+(?:compatible|works)\s+with|only\s+supports?)\s+(?:the\s+)?(?:Kubernetes|k8s)\s+(?:[Vv]ersions?\s+)?\\?["']?(?<a>${T})`,
      // No release of a component matches the version asked for: eksctl's "no version(s) found matching \"1.10.0\"
      // for \"vpc-cni\"", clusterctl's "cannot find any versions matching contract \"cluster.x-k8s.io/v1alpha4\"".
      String.raw`(?<relation>no\s+versions?(?:\(s\))?\s+(?:found\s+)?matching|(?:cannot|can't|could\s+not|couldn't)\s+find\s+any\s+versions?\s+matching)\s+(?:contract\s+)?\\?["']?(?<a>${T})`,
      // One side says what it supports, the other what it uses: "the target version for the provider supports the
      // v1alpha3 API Version of Cluster API (contract), while the management group is using v1alpha4".
      String.raw`(?<relation>\bsupports?|\bexpects?|\bexpected)\s+(?:the\s+)?(?<a>${T})${GAP}\b(?:but|while|whereas)\b${GAP}\b(?:is\s+|are\s+)?(?:using|uses|runs|running|has|have)\s+(?:version\s+)?\\?["']?(?<b>${T})`,
    ],
    versions: ["a", "b"],
    roles: { a: "first version named", b: "second version named" },
    // The lowest of all: any specific signature that matches the same text wins.
    priority: 1,
    meaning:
      "An error names two versions in a relation such as too old / too new, not supported, requires, minimum or only supports (or refuses one version, or an API version it does not know): the wording is not in the catalog, but it reads like a version skew between two components.",
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
      { line: "Error: widgetctl v0.4.1 only supports Kubernetes 1.26 to 1.29, found v1.31.2", captures: { a: "v0.4.1", relation: "only supports", b: "1.26" } },
      { line: "FATAL: agent version 2.1.0 is not supported by server 2.3.4", captures: { a: "2.1.0", relation: "not supported", b: "2.3.4" } },
      { line: "Error: version mismatch between agent 1.4.2 and controller 1.6.0", captures: { relation: "mismatch", a: "1.4.2", b: "1.6.0" } },
      // One version, refused: the shape of GKE's 'Master version "1.14.3-gke.9" is unsupported' in another tool's words.
      { line: 'error: release version "3.2.1" is unknown to this installer', captures: { a: "3.2.1", relation: "unknown" } },
      { line: 'Error: unsupported API version "widgets.example.io/v2" in config.yaml', captures: { relation: "unsupported API version", a: "widgets.example.io/v2" } },
      // The word that makes the numbers versions sits before the match; a time-out is a failure too.
      { line: 'Timed out waiting for widget-operator: the kubernetes version "1.25.3" is incompatible with this release "3.0.1"', captures: { a: "1.25.3", relation: "incompatible", b: "3.0.1" } },
    ],
    nearMisses: [
      "invalid sampling ratio 1.7: value is not between 0 and 1",
      "INFO: plugin v1.2.0 requires a restart to load, see 1.3 notes",
      "error: retry budget 2.5 must be at least 3.0",
      "error: sha256 mismatch for layer 1.2 (expected 3.4)",
      // eksctl given a bad value: the list of supported values is not a relation between two versions (fresh-4a).
      "[✖]  invalid version auto, supported values: auto, latest, 1.10, 1.11",
      "I1201 10:00:00.000000 1 main.go:1] agent version 2.1.0 is not supported by server 2.3.4, using the legacy protocol",
    ],
  },
];
