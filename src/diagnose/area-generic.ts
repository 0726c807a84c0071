import semver from "semver";
import { classifyVersion, splitGroupVersion } from "../kube/versions.js";
import type { KlogLevel } from "../model.js";
import type { Diagnoser } from "./context.js";
import { BUILTIN_GROUPS, COMPONENT_CONFIG_APIS } from "./tables.js";

// The generic layer's own checks (diagnoseGeneric in ecosystem.ts calls them): where a line the generic patterns
// matched is not a skew whatever its relation says, and the error contexts that the generic ERROR_LINE misses.

type Input = Parameters<Diagnoser>[0];

/**
 * The severity the line states in its logger's own header or field: a klog header's letter, else a structured record's
 * level (logfmt "level=error", zap/logr JSON "level":"info"), so that a record is judged like the plain line it holds.
 * An info record with an error field is judged by that field, as a line with no level.
 */
export function lineLevel(finding: Input["finding"]): KlogLevel | undefined {
  if (finding.klog) return finding.klog.level;
  const record = finding.record;
  return record && !(record.level === "I" && record.errorField) ? record.level : undefined;
}

// An informational record: klog I, logfmt or JSON level info/debug, zap's tab-separated INFO. A tool that logs the
// refusal it returns carries the error in a field ("level=info msg=… error=\"…\"", argoproj/argo-cd): that one speaks.
const INFO_LEVEL = /\blevel=(?:info|debug|trace)\b|"(?:level|severity)"\s*:\s*"(?:info|debug|trace|INFO|DEBUG|TRACE)"|^\s*(?:\d{4}-\d\d-\d\d[T ][\d:.]+Z?\s+)?(?:INFO|DEBUG)\b|\t(?:INFO|DEBUG)\t/;
const ERROR_FIELD = /\berr(?:or)?=|"err(?:or)?"\s*:|\berror:\s/;

// Changelog and release-notes prose, commit titles and dependency bumps: a list item led by a change verb ("- Fixed a
// bug where clusters older than 1.24 failed …"), a line ending in a pull request's reference ("(#1234)"), a conventional
// commit or dependabot title ("chore(deps): bump … from 0.14.1 to 0.15.0").
const CHANGELOG = /^\s*(?:[-*+]|\d+\.)\s+(?:\*\*|\[[\w\s/-]{1,30}\]\s*)?(?:[Ff]ix(?:e[sd])?|[Aa]dd(?:s|ed)?|[Bb]ump(?:s|ed)?|[Uu]pdat(?:e|es|ed)|[Uu]pgrad(?:e|es|ed)|[Dd]rop(?:s|ped)?|[Rr]emov(?:e|es|ed)|[Ss]upport(?:s|ed)?|[Dd]eprecat\w*|[Ii]mprov\w*|[Cc]hang\w*|[Aa]llow\w*|[Ee]nabl\w*|[Dd]isabl\w*|[Rr]efactor\w*|[Rr]enam\w*|[Ii]ntroduc\w*|[Ii]mplement\w*|[Rr]evert\w*|[Hh]andl\w*|[Aa]void\w*|[Pp]revent\w*|[Ee]nsur\w*)\b|\((?:[\w.-]+\/[\w.-]+)?#\d{1,6}\)\s*\.?\s*$|\bin\s+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/pull\/\d+\s*$|^\s*(?:chore|fix|feat|build|ci|docs|refactor|deps)(?:\([\w./-]{1,40}\))?!?:\s|^\s*[Bb]ump\s+[\w./@-]+\s+from\s/;

// The move between two versions that a pattern read as refused ("cannot upgrade CNI from 1.13.0 to 1.13.1").
const MOVE = /[Uu]pgrad|[Dd]owngrad|[Uu]pdat|[Mm]igrat/;

// Versions the Kubernetes component-configuration groups served besides COMPONENT_CONFIG_APIS's (the kubelet's
// CredentialProviderConfig and its v1 KubeletConfiguration-era siblings).
const SERVED_EXTRA = new Set(["kubelet.config.k8s.io/v1alpha1", "kubelet.config.k8s.io/v1"]);

/** An API version's order within its group: v1alpha1 < v1beta1 < v1 < v2alpha1. */
function apiRank(version: string): number | undefined {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!m) return undefined;
  return Number(m[1]) * 10000 + (m[2] === undefined ? 9999 : (m[2] === "alpha" ? 0 : 5000) + Number(m[3]));
}

/**
 * A component-configuration group/version that no release served although a newer version of the group exists
 * ("kubelet.config.k8s.io/v1beta2", a typo for v1beta1, hobby-kube/provisioning#67): a wrong apiVersion, not an old or
 * new one. A version above the newest known may be a future release's, and is left to speak.
 */
function neverServed(gv: string): boolean {
  const { group, version } = splitGroupVersion(gv);
  if (group === "") return false;
  const rank = apiRank(version);
  if (rank === undefined) return false;
  const served = [...Object.keys(COMPONENT_CONFIG_APIS), ...SERVED_EXTRA].filter((k) => k.startsWith(`${group}/`));
  if (served.length === 0 || served.includes(gv)) return false;
  const newest = Math.max(...served.map((k) => apiRank(k.slice(group.length + 1)) ?? -1));
  return rank < newest;
}

// A bound a tool states before the version it was asked to use (the generic pattern of "latest version supported is").
const BOUND_RELATION = /^(?:[Ll]atest|[Nn]ewest|[Hh]ighest|[Mm]aximum|[Mm]inimum|[Oo]ldest|[Ll]owest)\s+(?:supported\s+)?version\s[\s\S]*\bis$/;

/** Why a generic match is not a skew, before the relation is read; undefined where it may be one. */
export function genericDismissal(input: Input): string | undefined {
  const { finding } = input;
  const text = finding.text;
  const relation = input.capture("relation") ?? "";
  const a = input.capture("a");
  const b = input.capture("b");
  const level = lineLevel(finding);
  if ((level === "I" || (level === undefined && INFO_LEVEL.test(text))) && !ERROR_FIELD.test(text)) {
    return "An informational record (INFO/DEBUG level, no error field): not reported.";
  }
  if (CHANGELOG.test(text)) return "Changelog or release-notes prose, a commit title or a dependency bump: not a failure.";
  // A refusal whose own constraint the refused version meets: Minishift's "Addon does not support OpenShift version 3.10.0.
  // You need to use a version >3.5.0" compared versions as strings (minishift/minishift#2778), a tool's bug, not a skew.
  if (a !== undefined && /^(?:does\s+not|doesn't|do\s+not|don't)\s+support\s/.test(relation)) {
    const need = /\buse\s+(?:a\s+)?version\s*(>=|<=|>|<)\s*v?(\d+\.\d+(?:\.\d+)?)/.exec(text);
    const have = semver.coerce(a);
    const bound = need ? semver.coerce(need[2]!) : null;
    if (need && have && bound && semver.satisfies(have, `${need[1]}${bound.version}`)) {
      return `The version refused (${a}) meets the line's own constraint (${need[1]}${need[2]}): the tool's comparison is wrong, not a version skew.`;
    }
  }
  // Two builds of one minor moved between: no skew policy refuses a patch upgrade; a gate that does is a bug or a
  // policy of its own (kubermatic/kubermatic#12083 refused 1.13.0 → 1.13.1 as a minor jump).
  // Only where the line states a policy of minors, which a patch move cannot break: a tool that refuses a patch it does not
  // know ("Unsupported upgrade plan: 3.3.1 to v3.3.2", a KubeKey older than the KubeSphere patch) is older than the target,
  // and a downgrade of one patch is refused by design ("Downgrading Kubernetes version 1.14.8 to 1.14.7 is not allowed",
  // rancher/rancher#24071).
  if (a !== undefined && b !== undefined && /\bminor\s+versions?\b/.test(text) && !/[Dd]owngrad/.test(finding.match) && (MOVE.test(relation) || MOVE.test(finding.match.slice(0, 60)))) {
    const x = classifyVersion(a);
    const y = classifyVersion(b);
    if (x?.kind === "kubernetes" && y?.kind === "kubernetes" && x.major === y.major && x.minor === y.minor && x.patch !== undefined && y.patch !== undefined) {
      return `${a} and ${b} are builds of one minor: a move between patches is not a version skew.`;
    }
  }
  // "the minimum version supported is 4.14.0. Attempting to use 4.16.2": a version on the right side of the bound is not refused.
  if (a !== undefined && b !== undefined && BOUND_RELATION.test(relation)) {
    const bound = semver.coerce(a, { includePrerelease: false });
    const asked = semver.coerce(b, { includePrerelease: false });
    const lower = /^(?:[Mm]inimum|[Oo]ldest|[Ll]owest)/.test(relation);
    if (bound && asked && (lower ? semver.gte(asked, bound) : semver.lte(asked, bound))) {
      return `${b} is ${lower ? "at or above" : "at or below"} the ${lower ? "minimum" : "latest"} the line states (${a}): not what was refused.`;
    }
  }
  if (relation === "unknown conversion" && (a === b || input.capture("kind") !== input.capture("kindTo"))) {
    return "A conversion between two kinds (or within one version): a scheme's missing conversion function, not two API versions.";
  }
  // The API server's own warning that it called a webhook and failed open ("W… dispatcher.go] Failed calling webhook,
  // failing open …: converting (v1beta1.AdmissionReview) to (v1.AdmissionReview)", IBM/ibm-iam-operator#391): the
  // request went through.
  if (relation === "unknown conversion" && (finding.klog?.level === "W" || finding.klog?.level === "I" || /failing\s+open/.test(text))) {
    return "A webhook call that failed open, logged as a warning: the request went through, not reported.";
  }
  // A review version that is no API version ('[]string{"v1beta"}', intel/intel-device-plugins-for-kubernetes#547): a typo.
  const offered = input.capture("offered");
  if (offered !== undefined && (offered.match(/[\w.-]+/g) ?? []).some((v) => v !== "string" && !/^v\d+(?:(?:alpha|beta)\d+)?$/.test(v))) {
    return `The versions offered (${offered.trim()}) hold one that is no API version: a typo in the manifest, not a skew.`;
  }
  // kubectl's old client-side validation refusing a custom resource's API version whose group the server lists under no
  // version at all ('API version "appcontroller.k8s/v1alpha1" isn't supported, only supports API versions ["policy/v1alpha1"
  // …', the reporter: "wrong yaml"): a CRD never installed, not a version the server stopped (or has yet to start) serving.
  const listAt = text.indexOf("only supports API versions");
  if (a !== undefined && listAt >= 0 && a.includes("/")) {
    const group = a.slice(0, a.lastIndexOf("/"));
    if (!BUILTIN_GROUPS.has(group) && !text.slice(listAt).includes(`${group}/`)) {
      return `${a} is a custom resource's API version whose group the server lists under no version: a CRD never installed, not a skew.`;
    }
  }
  // "Only world-pack/v1 is supported", "only qspec.dev/v1 is supported": a program's own schema, not a Kubernetes API. Only
  // a Kubernetes group speaks (a *.k8s.io group, a built-in one), or any group where the line names the version it was
  // given ("… is supported: not *v1beta1.ClusterRoleBinding") or says it refused a version (gcloud's "Tekton version is not
  // supported. Only tekton.dev/v1beta1 is supported at the moment").
  if (/^[Oo]nly$/.test(relation) && a !== undefined) {
    const group = a.includes("/") ? a.slice(0, a.lastIndexOf("/")) : "";
    const refused = /\b[Vv]ersion\s+(?:is\s+)?(?:not\s+supported|unsupported)\b/.test(text.slice(0, Math.max(0, text.indexOf(finding.match))));
    if (b === undefined && !refused && !/\.k8s\.io$/.test(group) && !BUILTIN_GROUPS.has(group)) {
      return `${a} is not a Kubernetes API group's version and the line names no version it was given: a program's own schema, not reported.`;
    }
    if (b !== undefined && a.endsWith(`/${b}`)) return `The version given (${b}) is the one the line says is supported: no skew.`;
  }
  for (const t of [a, b]) {
    if (t !== undefined && /^[a-z][\w-]*(?:\.[a-z][\w-]*)+\/v\d/.test(t) && neverServed(t)) {
      return `${t} is no version that Kubernetes ever served for its group (a newer one exists): a mistyped apiVersion, not a skew.`;
    }
  }
  return undefined;
}

/** Error contexts that the generic error words miss: apimachinery's field validation, a scheme's conversion error. */
export function genericErrorContext(input: Input): boolean {
  const { finding } = input;
  const level = lineLevel(finding);
  if (level === "I" || level === "W") return false;
  const relation = input.capture("relation") ?? "";
  // A webhook's review object, which the API server and the webhook exchange: the conversion failed between them. Any
  // other kind converted on a line with no error word is a program's own scheme (kubernetes/kubernetes#126582).
  if (relation === "unknown conversion") return /^(?:Admission|Conversion)Review$/.test(input.capture("kind") ?? "");
  // The API server's own error string about a webhook's answer.
  if (relation === "expected webhook response of") return true;
  // A tool's own caution or refusal about the version it was given, in words that are about versions only (talhelper's
  // '"v1.11.0" might not be compatible with this Talhelper version', Tanzu's "NOT found in compatibility file", GraphScope's
  // "Version between client and server is inconsistent: 0.9.0 vs 0.11.0"): a warning line too.
  if (/^(?:(?:might|may)\s+not\s+be\s+(?:fully\s+)?compatible\s+with\s|(?:not|NOT)\s+found\s+in\s+(?:the\s+)?compatibility\s|[Vv]ersions?\s[\s\S]*\binconsistent$)/.test(relation)) return !/^\s*(?:[-*#|>+]|\d+\.|\/\/)\s|\b(?:if|when|whether|unless)\b/.test(finding.text);
  // ksync's doctor check, "There is a mismatch between the local version (0.2.6) and the cluster ()": the ✘ that marks it
  // failed is on the line above, and a log may keep only this line.
  if (relation === "mismatch between") return !/^\s*(?:[-*#|>+]|\d+\.|\/\/)\s|\b(?:[Ii]f|[Ww]hen|[Ww]hether|[Uu]nless|INFO|DEBUG)\b|level=(?:info|debug)/.test(finding.text);
  // "Only client.authentication.k8s.io/v1beta1 is supported for exec auth" quoted in a traceback's source line (the raise
  // that failed, kr8s-org/kr8s#206): the string literal is the refusal. Prose with no quote and no error word is a doc.
  if (/^[Oo]nly$/.test(relation)) return /["'\x60]\s*[Oo]nly\s|\w(?:Error|Exception):\s*[Oo]nly\s|\b[Vv]ersion\s+(?:is\s+)?(?:not\s+supported|unsupported)\.\s+[Oo]nly\s/.test(finding.text) && !/^\s*(?:[-*#|>+]|\/\/)\s|\b(?:if|when|whether|unless)\b/.test(finding.text);
  // "Minishift does not support Openshift version v1.4.1": a refusal of a version, on a line with no error word.
  if (/^(?:does\s+not|doesn't|do\s+not|don't)\s+support\s[\s\S]*[Vv]ersion$/.test(relation)) return !/^\s*(?:[-*#|>+]|\d+\.|\/\/)\s|\b(?:if|when|whether|unless|INFO|DEBUG)\b|level=(?:info|debug)/.test(finding.text);
  // A tool's bound and the version it was asked to use, on one line ('the latest version supported is: "4.14.0". Attempting
  // to use: "4.15.0-…"'): the refusal itself, wherever it is logged (a JSON condition's message, a status dump).
  if (BOUND_RELATION.test(relation)) return !/^\s*(?:[-*#|>+]|\d+\.|\/\/)\s|\b(?:if|when|whether|unless)\b/.test(finding.text);
  // "status.storedVersions[1]: Invalid value: \"v1beta2\": must appear in", "…ReviewVersions: Invalid value: …".
  return /^(?:must\s+appear\s+in\b|must\s+include\s+at\s+least\s+one\s+of)/.test(relation) && /\bInvalid\s+value:/.test(finding.text);
}
