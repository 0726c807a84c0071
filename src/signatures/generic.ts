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
const T = String.raw`(?<![\w./-])(?:[a-z][\w-]*(?:\.[a-z][\w-]*)*/v\d+(?:(?:alpha|beta)\d*)?|v\d+(?:alpha|beta)\d+|[vV]?\d{1,4}\.\d+(?:\.(?:\d+|x|\*))?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z][0-9A-Za-z._-]*)?)(?![\w/%]|\.\d)`;
// An API group/version or a bare API/contract version only (v1beta1, cluster.x-k8s.io/v1alpha4).
const API_T = String.raw`(?<![\w./-])(?:[a-z][\w-]*(?:\.[a-z][\w-]*)*/v\d+(?:(?:alpha|beta)\d*)?|v\d+(?:alpha|beta)\d+)(?![\w/]|\.\d)`;
// Word relations carry their own \b; the comparison operators (">= 1.19") cannot.
const RELATION = String.raw`(?:\b(?:[Tt]oo\s+(?:old|new|low|high)|(?:not|no\s+longer)\s+(?:supported|served|compatible)|[Uu]nsupported|[Ii]ncompatible|[Rr]equires?|[Rr]equired|[Mm]inimum|[Mm]aximum|at\s+(?:least|most)|not\s+between|(?:newer|older|greater|lower|less|higher|bigger|smaller)\s+(?:(?:minor|major)\s+)?(?:version\s+)?than|[Mm]ismatch(?:ed)?|incompatibilit(?:y|ies)|(?:do|does)(?:\s+not|n't)\s+have\s+(?:the\s+)?same\s+versions?|(?:can|could)\s+(?:only\s+)?be\s+used\s+only\s+with|(?:version\s+)?skew|differs?\s+from|difference\s+between|exceeds|only\s+(?:supports?|supported|compatible|works)|can\s+only\s+be\s+used|must\s+be|cannot\s+(?:be\s+)?(?:upgraded?|downgraded?)|upgrade\s+path|(?:is|are)n't\s+(?:supported|compatible)|(?:does\s+not|doesn't|do\s+not|don't)\s+(?:match|satisfy)|not\s+(?:in|within)\s+(?:the\s+)?(?:supported|allowed|valid|compatible)\s+range|(?:does\s+not|doesn't|do\s+not|don't)\s+support(?!\s+(?:the\s+)?(?:flag|option|field|feature|method|operation|command|argument|parameter))|out(?:side)?\s+(?:of\s+)?(?:the\s+)?(?:supported|allowed|valid|compatible)\s+range|not\s+viable|(?:supports?|supported|works|compatible)\s+(?:with\s+)?(?:[\w-]+\s+){0,2}?up\s+to|(?:more\s+than|over)\s+(?:one|two|three|\d)\s+minor\s+versions?(?:\s+(?:away|apart|ahead|behind|older|newer|off))?|(?:below|above)\s+(?:the\s+)?(?:minimum|maximum|min|max|lowest|highest|oldest|newest|required|supported)(?:\s+(?:supported|required|allowed|compatible))?(?:\s+[Vv]ersion)?)\b|[<>]=?(?=\s*[vV]?\d))`;
const GAP = String.raw`[^\n]{0,100}?`;

// A cheap test each of the costly patterns implies, tried once per line before the pattern's own search (the
// patterns led by a version token try the relation after every version on the line).
const PATTERN_GATES = new Map<string, string>();
function gated(gate: string, pattern: string): string {
  PATTERN_GATES.set(pattern, gate);
  return pattern;
}
// Two version tokens apart, and a relation: tested from the start of the line only, once.
const TOKEN_CORE = String.raw`(?:\d\.\d|/v\d|v\d+(?:alpha|beta))`;
const twoTokensAnd = (relation: string) => String.raw`^(?=[\s\S]*?${TOKEN_CORE}[\s\S]*?${TOKEN_CORE})[\s\S]*?(?:${relation})`;
const BUT_WHILE = String.raw`\b(?:but|while|whereas)\b`;

// An upgrade refused between two named versions, the two versions BEFORE the refusal: Tanzu's "Upgrading Kubernetes
// from v1.19.1+vmware.2 to v1.21.2+vmware.1 is not supported" (vmware-tanzu/tanzu-framework#1299), "upgrade from 4.12
// to 4.14 is not allowed", Longhorn's "upgrading from v1.4.3 to v1.8.0-dev for minor version is not supported"
// (longhorn/longhorn#9569). ("cannot upgrade from X to Y" is pattern 2's: the relation comes first.)
const FROM_TO_REFUSED = String.raw`(?:is|are)\s+(?:not\s+(?:supported|allowed|permitted|possible)|unsupported)`;
// The lead: "from", or the verb of the move with no "from" (AKS's "Downgrading Kubernetes version 1.14.8 to 1.14.7 is not
// allowed", rancher/rancher#24071).
const FROM_TO_LEAD = String.raw`(?:\bfrom|\b(?:[Uu]pgrad|[Dd]owngrad|[Uu]pdat|[Mm]igrat)\w*(?:\s+[\w-]+){0,3}?(?:\s+from)?)`;

const PATTERNS: string[] = [
      gated(String.raw`^(?=[\s\S]*?(?:\bfrom\s|[Uu]pgrad|[Dd]owngrad|[Uu]pdat|[Mm]igrat))[\s\S]*?${FROM_TO_REFUSED}`, String.raw`${FROM_TO_LEAD}\s+(?:[\w-]+\s+){0,2}?(?:version\s+)?\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s+to\s+(?:[\w-]+\s+){0,2}?(?:version\s+)?\\?["'\x60]?(?<b>${T})\\?["'\x60]?(?:\s+(?:for|in|on|with|of)(?:\s+[\w-]+){1,3}?)?\s+(?<relation>${FROM_TO_REFUSED})\b`),
      // A move refused with its two versions after the verb, in either order: EKS Anywhere's "cannot upgrade to v0.20.0
      // from v0.18.7: EksaVersion upgrades must have a skew of 1 minor version" (tried before the wider pair shapes,
      // which would pair a version named earlier on the line with the target).
      gated(String.raw`(?:[Cc]annot|[Cc]an't|[Uu]nable\s+to|[Ff]ailed\s+to|not\s+(?:allowed|possible|permitted)\s+to)\s+(?:be\s+)?(?:[Uu]pgrad|[Dd]owngrad|[Uu]pdat|[Mm]igrat)`, String.raw`\b(?<relation>(?:[Cc]annot|[Cc]an't|[Uu]nable\s+to|[Ff]ailed\s+to|not\s+(?:allowed|possible|permitted)\s+to)\s+(?:be\s+)?(?:[Uu]pgrad|[Dd]owngrad|[Uu]pdat|[Mm]igrat)\w*)\s+(?:[\w-]+\s+){0,3}?(?:to|from)\s+(?:version\s+)?\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s+(?:to|from)\s+(?:version\s+)?\\?["'\x60]?(?<b>${T})`),
      // apimachinery's scheme conversion between two versions of one kind that the reader cannot convert: a webhook
      // server built for admission.k8s.io/v1beta1 sent a v1 AdmissionReview ("converting (v1.AdmissionReview) to
      // (v1beta1.AdmissionReview): unknown conversion", open-policy-agent/gatekeeper), clusterctl older than the
      // provider's manifests ("converting (v1beta1.MutatingWebhookConfiguration) to (v1.MutatingWebhookConfiguration)").
      gated(String.raw`unknown\s+conversion`, String.raw`\bconverting\s+\(\*?(?<a>v\d+(?:(?:alpha|beta)\d+)?)\.(?<kind>[A-Z]\w{0,60})\)\s+to\s+\(\*?(?<b>v\d+(?:(?:alpha|beta)\d+)?)\.(?<kindTo>[A-Z]\w{0,60})\)\s*:\s*(?<relation>unknown\s+conversion)`),
      // The API server's validation of the review versions a webhook or a CRD conversion offers, by a server older than
      // the manifest: 'webhooks[0].admissionReviewVersions: Invalid value: []string{"v1"}: must include at least one of
      // v1beta1' (a 1.15 API server, which knows no admission.k8s.io/v1, given a manifest written for 1.16 or newer).
      gated(String.raw`must\s+include\s+at\s+least\s+one\s+of`, String.raw`\b(?<list>\w*ReviewVersions)(?:\[\d+\])?:\s+Invalid\s+value:\s*(?:\[\]string\{)?(?<offered>\\?["']?(?<b>v\d+(?:(?:alpha|beta)\d+)?(?![\w]))?[^:\n]{0,80}?)\s*:\s*(?<relation>must\s+include\s+at\s+least\s+one\s+of)\s+\[?(?<a>v\d+(?:(?:alpha|beta)\d+)?)\b`),
      // The API server's check of a webhook's answer: 'received invalid webhook response: expected webhook response of
      // admission.k8s.io/v1, Kind=AdmissionReview, got /, Kind=' (a webhook built against v1beta1, which let the answer omit
      // its apiVersion and kind; slok/kubewebhook#55, kubernetes/autoscaler#4561).
      gated(String.raw`expected\s+webhook\s+response\s+of`, String.raw`\b(?<relation>expected\s+webhook\s+response\s+of)\s+(?<a>${API_T}),\s*Kind=(?<kind>\w{0,60}),\s*got\s+(?<b>${API_T})?\s*\/?\s*,\s*Kind=(?<kindTo>\w{0,60})`),
      // The API server's wrapper of knative.dev/pkg's conversion refusal, cut before the version the webhook names (the whole
      // refusal is crd-conversion-version-unsupported's): 'conversion webhook for eventing.knative.dev/v1alpha1, Kind=Broker
      // failed: conversion not supported for type [kind=Broker group=eventing.kna'.
      gated(String.raw`conversion\s+webhook\s+for`, String.raw`\bconversion\s+webhook\s+for\s+(?<a>${API_T}),\s*Kind=(?<kind>\w{1,60})\s+failed:\s*(?<relation>conversion\s+not\s+supported)`),
      // A tool refusing a version of the thing it drives, the version after the word "version": Minishift's "Minishift does
      // not support Openshift version v1.4.1 .You need to use a version >=v1.5.0-rc.0" (minishift/minishift#667). Tried
      // before the pair shapes, which would read the ">=" between the two versions as the relation.
      gated(String.raw`(?:does\s+not|doesn't|do\s+not|don't)\s+support\s`, String.raw`\b(?<relation>(?:does\s+not|doesn't|do\s+not|don't)\s+support\s+(?:(?!TLS|SSL|HTTP|[Pp]rotocol|[Pp]ython|[Jj]ava|[Nn]ode|[Nn]pm|Go\b|[Kk]ernel|glibc|[Rr]uby|PHP|OS\b)[A-Za-z][\w.-]{0,30}\s+){0,2}?[Vv]ersion)\s+\\?["'\x60]?(?<a>${T})`),
      // Two sides' versions said to disagree, both after the words: GraphScope's "Version between client and server is
      // inconsistent: 0.9.0 vs 0.11.0" (alibaba/GraphScope#1435).
      gated(String.raw`\binconsistent\b`, String.raw`(?<relation>\b[Vv]ersions?\s+(?:between\s+(?:[\w-]+\s+){1,4}?)?(?:is\s+|are\s+)?inconsistent)\s*:?\s*\\?["']?(?<a>${T})\\?["']?\s+(?:vs\.?|versus|!=|and)\s+\\?["']?(?<b>${T})`),
      // A client and a server that compare their versions and say so, each labelled: Deis's "Client and server versions do not
      // match. Client version: 1 Server version: 1.0" (deis/deis#2694). The labels make a bare number a version.
      gated(String.raw`[Cc]lient\s+version\s*[:=]`, String.raw`(?<relation>\b[Cc]lient\s+and\s+server\s+versions?\s+(?:do\s+not|don't|does\s+not|doesn't)\s+match)[.,:;]?\s+[Cc]lient\s+version\s*[:=]\s*\\?["']?(?<a>v?\d+(?:\.\d+){0,2}(?:-[\w.]+)?)\\?["']?[,;]?\s+[Ss]erver\s+version\s*[:=]\s*\\?["']?(?<b>v?\d+(?:\.\d+){0,2}(?:-[\w.]+)?)(?![\w.])`),
      // A client that compares its version with the one it installed in the cluster, each in parentheses: ksync's "There is a
      // mismatch between the local version (0.2.6) and the cluster ()" (ksync/ksync#218: the DaemonSet still ran the old
      // image, or none answered). The cluster's version is often empty, the local one then the only version on the line.
      gated(String.raw`mismatch\s+between\s`, String.raw`\b(?<relation>mismatch\s+between)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[Vv]ersion\s*\(\s*(?<a>${T})\s*\)\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:[Vv]ersion\s*)?\(\s*(?:(?<b>${T})\s*)?\)`),
      // A client that accepts one API version of a Kubernetes group and names it: kubectl auth reconcile's "only
      // rbac.authorization.k8s.io/v1 is supported: not *v1beta1.ClusterRoleBinding" (kubernetes/kubernetes#85889), kr8s's
      // "Only client.authentication.k8s.io/v1beta1 is supported for exec auth" (kr8s-org/kr8s#206, #345). The version it was
      // given follows as "not *<version>.<Kind>" where the tool says it (area-generic decides which groups speak).
      gated(String.raw`[Oo]nly\s+[\w.-]+/v\d`, String.raw`\b(?<relation>[Oo]nly)\s+\\?["'\x60]?(?<a>${API_T})\\?["'\x60]?\s+(?:is|are)\s+(?:currently\s+)?supported\b(?:[^\n]{0,40}?\bnot\s+\*?(?<b>v\d+(?:(?:alpha|beta)\d+)?)\.(?<kind>[A-Z]\w{0,60}))?`),
      // A tool's own caution that the version it was given may be beyond what it knows: talhelper's 'WARNING: "v1.11.0" might
      // not be compatible with this Talhelper version you're using' (budimanjojo/talhelper#1170).
      String.raw`\\?["'\x60](?<a>${T})\\?["'\x60]\s+(?<relation>(?:might|may)\s+not\s+be\s+(?:fully\s+)?compatible\s+with\s+(?:this|the\s+current|the\s+installed|your)\s+(?:[\w.-]+\s+){0,2}?version)\b`,
      // A release missing from a tool's compatibility file: Tanzu's "Custom TKr projects.registry.vmware.com/tce/tkr:v0.17.0-dev-1
      // NOT found in compatibility file. Proceed with caution, the provided TKr may not work with this version of
      // unmanaged-cluster" (vmware-tanzu/community-edition#3827).
      gated(String.raw`found\s+in\s+(?:the\s+)?compatibility\s`, String.raw`(?<a>${T})\\?["'\x60]?\s+(?:is\s+|was\s+)?(?<relation>(?:not|NOT)\s+found\s+in\s+(?:the\s+)?compatibility\s+(?:file|matrix|list|table))\b`),
      // One version refused with the thing it versions after it, unquoted: kubergrunt's "ERROR: 1.33 is not a supported version
      // for kubergrunt eks upgrade" (gruntwork-io/kubergrunt#257).
      gated(String.raw`\bis\s+not\s+a\s+(?:supported|compatible)\s+version\b`, String.raw`(?<a>${T})\s+is\s+(?<relation>not\s+a\s+(?:supported|compatible)\s+version)\s+(?:for|of|by|with|in)\b`),
      // A bound the tool supports, then the version it was asked for: HyperShift's 'the latest version supported is: "4.14.0".
      // Attempting to use: "4.15.0-0.ci…"' and 'the minimum version supported for platform AWS is: "4.14.0". Attempting to
      // use: "4.13.14"' (openshift/release#45709, #47720). Tried before the pair shapes, which know no "latest".
      gated(String.raw`\b(?:[Ll]atest|[Nn]ewest|[Hh]ighest|[Mm]aximum|[Mm]inimum|[Oo]ldest|[Ll]owest)\s+(?:supported\s+)?version\s+(?:supported\s+)?`, String.raw`\b(?<relation>(?:[Ll]atest|[Nn]ewest|[Hh]ighest|[Mm]aximum|[Mm]inimum|[Oo]ldest|[Ll]owest)\s+(?:supported\s+)?version\s+(?:supported\s+)?(?:(?:for|by|on|in)\s+(?:[\w.-]+\s+){1,3}?)?is)\s*:?\s*\\?["'\x60]?(?<a>${T})\\?["'\x60]?[.,;]?\s+(?:[Aa]ttempting\s+to\s+use|[Tt]rying\s+to\s+use|[Rr]equested|but\s+(?:got|found|using|requested))\s*:?\s*\\?["'\x60]?(?<b>${T})`),
      gated(twoTokensAnd(RELATION), String.raw`(?<a>${T})${GAP}(?<relation>${RELATION})${GAP}(?<b>${T})`),
      gated(twoTokensAnd(RELATION), String.raw`(?<relation>${RELATION})${GAP}(?<a>${T})${GAP}(?<b>${T})`),
      String.raw`(?<relation>unknown\s+apiVersion)\s*:?\s*\\?"?(?<a>${T})`,
      // One version, said to be refused: "Master version \"1.14.3-gke.9\" is unsupported", "version 1.16 is not supported".
      String.raw`(?:\b[Vv]|(?<=[a-z])V)ersion\s*:?\s*\\?["'(]?(?<a>${T})\\?["')]?\s+(?:is\s+|are\s+)?(?<relation>(?:not|no\s+longer)\s+(?:yet\s+)?(?:supported|available|known|valid|allowed|served|recognized)|unsupported|invalid|unknown|too\s+(?:old|new|low|high))\b`,
      // An API version the reader does not know, in wordings beyond apimachinery's: "unsupported API version \"x/v1\"".
      String.raw`(?<relation>(?:unknown|unsupported|invalid|unrecognized|unrecognised)\s+(?:apiVersion|API\s+version|api\s+version|version))\s*:?\s*\\?["']?(?<a>${T})`,
      // A tool that names the one version it works with: "current version of clusterctl is only compatible with
      // v1beta1 providers" (kubernetes-sigs/cluster-api#5425).
      // The one version must read as Kubernetes's: an API or contract version, or a release after "Kubernetes"
      // ("server only supports v1.3" is TLS's).
      String.raw`(?<relation>only\s+(?:compatible|works)\s+with|only\s+supports?)\s+(?:the\s+)?(?:API\s+(?:[Vv]ersions?\s+)?)?\[?\\?["']?(?<a>${API_T})`,
      // kubectl's old client-side validation names the file between the version and the refusal: 'API version
      // "extensions/v1beta1" in "https://…/dashboard.yaml" isn't supported, only supports API versions ["v1"]'.
      String.raw`\bAPI\s+version\s+\\?["']?(?<a>${T})\\?["']?[^\n]{0,160}?\b(?<relation>(?:is|are)n't\s+supported)`,
      String.raw`(?<relation>only\s+(?:compatible|works)\s+with|only\s+supports?)\s+(?:the\s+)?(?:Kubernetes|k8s)\s+(?:[Vv]ersions?\s+)?\\?["']?(?<a>${T})`,
      // No release of a component matches the version asked for: eksctl's "no version(s) found matching \"1.10.0\"
      // for \"vpc-cni\"", clusterctl's "cannot find any versions matching contract \"cluster.x-k8s.io/v1alpha4\"".
      gated(String.raw`versions?(?:\(s\))?\s+(?:found\s+)?matching`, String.raw`(?<relation>no\s+versions?(?:\(s\))?\s+(?:found\s+)?matching|(?:cannot|can't|could\s+not|couldn't)\s+find\s+any\s+versions?\s+matching)\s+(?:contract\s+)?\\?["']?(?<a>${T})`),
      // One side says what it supports, the other what it uses: "the target version for the provider supports the
      // v1alpha3 API Version of Cluster API (contract), while the management group is using v1alpha4".
      gated(twoTokensAnd(BUT_WHILE), String.raw`(?<relation>\bsupports?|\bexpects?|\bexpected)\s+(?:the\s+)?(?<a>${T})${GAP}\b(?:but|while|whereas)\b${GAP}\b(?:is\s+|are\s+)?(?:using|uses|runs|running|has|have)\s+(?:version\s+)?\\?["']?(?<b>${T})`),
      // One version refused with the thing it versions named between: kubernikus's "Unsupported kubernetes version
      // specified: 1.11.7", Exoscale's "Invalid Kubernetes version 1.20.9", MetaKube's "unknown version 1.18.15",
      // kubeadm's "unsupported docker version: 17.03.0-ce".
      String.raw`\b(?<relation>[Uu]nsupported|[Ii]nvalid|[Uu]nknown|[Uu]nrecogni[sz]ed|[Ii]ncompatible|[Rr]etired|[Bb]ad)\s+(?:[A-Za-z][\w/.-]{0,30}\s+){0,2}?(?:with\s+)?[Vv]ersion(?:\s+specified)?\s*:?\s*\\?["'\x60(\[]?(?<a>${T})`,
      // The version first, then the refusal in a provider's words: IONOS's "K8s version 1.18.5 is not viable", OVH's
      // "[version] \"1.22\" does not match the enum", "version 1.20 is end of life".
      String.raw`\b[Vv]ersion\]?\s*:?\s*\\?["'\x60(]?(?<a>${T})\\?["'\x60)]?\s+(?:is\s+|are\s+|has\s+)?(?<relation>not\s+viable|(?:does\s+not|doesn't)\s+match\s+the\s+enum|not\s+(?:a\s+)?valid|retired|reached\s+(?:its\s+)?end[\s-]of[\s-]life|end[\s-]of[\s-]life)\b`,
      // A Kubernetes version (or kubeVersion constraint) required, with the cluster's version not on the line:
      // "requires Kubernetes >= 1.27.0-0", "needs at least k8s v1.25", "minimum supported Kubernetes version is 1.19".
      String.raw`\b(?<relation>[Rr]equires?(?:\s+at\s+least)?|[Rr]equired|[Nn]eeds?(?:\s+at\s+least)?|[Mm]inimum(?:\s+(?:supported|required))?)\s+(?:a\s+)?(?:Kubernetes|kubernetes|k8s|K8s|kubeVersion)(?:\s+(?:cluster|server))?(?:\s+[Vv]ersion)?\s*(?:of\s+|is\s+|:\s*)?(?:[<>=~^]=?\s*)?\\?["'\x60]?(?<a>${T})`,
      String.raw`(?<relation>\b[Mm](?:inimum|aximum)\s+(?:supported\s+|required\s+|compatible\s+)?[Vv]ersion\s*(?:is|:|=)\s*)\\?["'\x60]?(?<a>${T})`,
      // One version the other side must reach: k3s's "servers must be upgraded to at least v1.20.4+k3s-36b8c9fc", EKS's
      // "must be updated to match cluster version 1.18".
      String.raw`\b(?<relation>(?:must|should|needs?\s+to)\s+be\s+(?:upgraded|updated)\s+to\s+(?:at\s+least|match(?:\s+the)?(?:\s+[\w-]+){0,2}?\s+version)|upgrade\s+to\s+at\s+least)\s+\\?["']?(?<a>${T})`,
      // Incompatible with every version past one: OLM's "dell-csi-operator.v.1.6.0 is incompatible with OpenShift minor
      // versions greater than 4.9".
      String.raw`\b(?<relation>incompatible|not\s+compatible)\s+with\s+(?:[\w.-]+\s+){0,3}?versions?\s+(?:greater|newer|higher|later|above|older|lower|less|below|earlier)(?:\s+than)?\s+\\?["']?(?<a>${T})`,
      // Told to upgrade one side to a version or later: AKS's "Upgrade those node pools to version 1.13.x or greater".
      gated(String.raw`\bor\s+(?:greater|newer|later|higher|above)\b`, String.raw`\b(?:[Uu]pgrade|[Uu]pdate)\s+(?:[\w-]+\s+){0,4}?to\s+(?:version\s+)?\\?["']?(?<a>${T})\\?["']?\s+(?<relation>or\s+(?:greater|newer|later|higher|above))\b`),
      // No release of one thing for the version of another: kind's "No available kindest/node versions for kind version v0.11.1".
      String.raw`\b(?<relation>[Nn]o\s+(?:available|supported|compatible|matching)\s+[\w/.-]+\s+versions?)\s+(?:for|with|matching)\s+(?:[\w/.-]+\s+){0,3}?(?:version\s+)?\\?["']?(?<a>${T})`,
      // A release named after the thing it versions, then refused: "Kubernetes 1.25 is not supported", "kubectl v1.19.3 is too old".
      String.raw`\b(?:Kubernetes|kubernetes|k8s|K8s|kubectl|kubelet|kubeadm|[Hh]elm|kustomize)\s+\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s+(?:is\s+|are\s+)?(?<relation>not\s+(?:yet\s+)?supported|unsupported|no\s+longer\s+supported|too\s+(?:old|new)|not\s+compatible|incompatible)\b`,
      // A tool's own release required: "requires kubectl >= 1.21", "requires Helm version 3.8.0 or later".
      gated(String.raw`\b(?:[Rr]equires?|[Nn]eeds?)\s`, String.raw`\b(?<relation>[Rr]equires?(?:\s+at\s+least)?|[Nn]eeds?(?:\s+at\s+least)?)\s+(?:kubectl|[Hh]elm|kustomize|kind|minikube|eksctl|istioctl|clusterctl|talosctl|kubeadm|kubelet)(?:\s+[Vv]ersion)?\s*(?:[<>=~^]=?\s*)?\\?["'\x60]?(?<a>${T})`),
      // "Kubernetes 1.16 or newer is required", "v1.19 or later required".
      gated(String.raw`\sor\s+(?:newer|later|higher|greater|above)\s`, String.raw`(?<a>${T})\s+or\s+(?:newer|later|higher|greater|above)\s+(?:is\s+|are\s+)?(?<relation>required|needed)\b`),
      // A cluster's version that the platform does not offer: AKS's 'rpc error: code = NotFound desc = Control plane version
      // "1.29.0" not found'. Only a cluster's or a control plane's version: a chart's or a package's version not found is a
      // repository's miss.
      gated(String.raw`[Vv]ersion\s*:?\s*\\?["'\x60]?v?\d[^\s"'\x60]*\\?["'\x60]?\s+(?:was\s+|is\s+)?not\s+found`, String.raw`\b(?:[Cc]ontrol[\s-]plane|[Kk]ubernetes|[Cc]luster|[Nn]ode[\s-]?pool|[Oo]rchestrator|[Mm]aster)\s+[Vv]ersion\s*:?\s*\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s+(?:was\s+|is\s+)?(?<relation>not\s+found)\b`),
      // "Kubernetes 1.22+ is required", "k8s v1.25+ required": the "+" is the "or newer".
      gated(String.raw`\d\+\s+(?:is\s+|are\s+)?(?:required|needed)\b`, String.raw`(?<a>${T})\+\s+(?:is\s+|are\s+)?(?<relation>required|needed)\b`),
      // "is only supported on Kubernetes 1.27 and later", "only supported with clusters >= v1.25".
      String.raw`(?<relation>\bonly\s+supported\s+(?:on|with|for|in)\s+(?:Kubernetes|k8s|K8s|clusters?|OpenShift)\s*(?:[Vv]ersions?\s*)?(?:[<>=]=?\s*)?)\\?["'\x60]?(?<a>${T})`,
      // A server that states the client versions it accepts: Argo CD's "unsatisfied client version constraint: >= 0.11.0".
      String.raw`\b(?<relation>unsatisfied\s+(?:[\w-]+\s+){0,2}?version\s+constraints?|version\s+constraints?\s+(?:(?:is\s+)?not\s+satisfied|unsatisfied))\s*:?\s*(?:[<>=~^]=?\s*)?\\?["'\x60]?(?<a>${T})`,
      // apimachinery's field validation naming a version: a CRD update that drops a version still stored
      // ('status.storedVersions[0]: Invalid value: "v1alpha1": must appear in spec.versions'). There a bare GA version ("v1",
      // which T leaves out as too common a word) is a stored version too (apecloud/kubeblocks#6960, crossplane/crossplane#5932).
      String.raw`\bInvalid\s+value:\s*\\?["']?(?<a>${T}|v\d+(?=\\?["']?\s*:\s*must\s+appear\s+in\b))\\?["']?\s*:\s*(?<relation>must\s+appear\s+in(?:\s+spec\.versions|\s*$)|(?:is\s+)?not\s+(?:a\s+)?(?:supported|valid|served)\s+(?:API\s+)?version|unsupported\s+(?:API\s+)?version|(?:new\s+)?version\s+(?:is\s+)?(?:less|lower|older|smaller)\s+than\s+(?:the\s+)?(?:old|current|previous|existing)(?:\s+version)?)`,
      // A configuration written for an older API than the binary reads: kubeadm's "your configuration file uses an old
      // API spec: \"kubeadm.k8s.io/v1beta2\"", in any tool's words.
      String.raw`\b(?<relation>uses?\s+an?\s+(?:old|older|outdated|legacy|unsupported)\s+(?:API\s+(?:spec|version)|apiVersion|config(?:uration)?\s+version|version))\s*:?\s*\\?["']?(?<a>${T})`,
      // One version, then what the other side runs: "will use version 1.19 for new nodegroup(s), while control plane
      // version is 1.18", "The maximum supported Kubernetes version is 1.19.99, but the server version is v1.20.2".
      gated(twoTokensAnd(BUT_WHILE), String.raw`(?<a>${T})[^\n]{0,80}?\b(?<relation>while|but|whereas)\b[^\n]{0,40}?\b[Vv]ersion\s+(?:is|=|:)\s*\\?["']?(?<b>${T})`),
      // Two versions named, then the word that they disagree: "[cli: v2.0.0-alpha.1] [server: v1.3.3] version mismatch".
      // Or the one that is too old: "operator version 1.10.0 cannot manage clusters running version 1.7.2 (too old)".
      gated(twoTokensAnd(String.raw`mismatch|\b(?:do|does)\s+not\s+match\b|\bare\s+(?:not\s+compatible|incompatible)\b|\btoo\s+(?:old|new)\b`), String.raw`(?<a>${T})[^\n]{0,60}?(?<b>${T})[^\n]{0,30}?(?<relation>\b(?:version\s+)?mismatch(?:ed)?\b|\b(?:versions?\s+)?(?:do|does)\s+not\s+match\b|\bare\s+(?:not\s+compatible|incompatible)\b|\btoo\s+(?:old|new)\b)`),
      // What was wanted and what was found: "expected v1beta2, got v1beta1", "got 1.4.0, want 1.6.0".
      String.raw`\b(?<relation>[Ee]xpected|[Ww]ant(?:ed|s)?|[Rr]equired)\s*:?\s*\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s*[,;)]?\s*(?:but\s+)?(?:got|found|have|has|received)\s*:?\s*\\?["'\x60]?(?<b>${T})`,
      String.raw`\bgot\s*:?\s*\\?["'\x60]?(?<b>${T})\\?["'\x60]?\s*[,;]?\s*(?<relation>want(?:ed)?|expected)\s*:?\s*\\?["'\x60]?(?<a>${T})`,
      // A configuration format's own version, a bare number: k0s's "unsupported containerd configuration version: expected 3, got 2".
      String.raw`\b[Vv]ersion\s*:?\s*(?<relation>expected)\s+(?<a>\d{1,3})\s*,\s*(?:but\s+)?got\s+(?<b>\d{1,3})\b`,
      // The list a tool accepts, the refused version not on the line: "expected kubernetes_version to be one of
      // [v1.22.4-rancher1-1 …]", "Please select one of available versions: [1.18.18 …]".
      String.raw`(?<relation>\bexpected\s+[\w.-]*[Vv]ersion[\w.-]*\s+to\s+be\s+one\s+of|\b(?:select|choose|pick|use)\s+one\s+of\s+(?:the\s+)?(?:available|supported|valid|allowed)\s+versions?)\s*:?\s*\[?\\?["']?(?<a>${T})`,
      // An API version retired by name: "API v1beta1 is no longer served", "extensions/v1beta1 has been removed in v1.22".
      String.raw`\bAPI\s+(?<a>v\d+(?:(?:alpha|beta)\d*)?)\s+(?:is\s+|has\s+been\s+|was\s+)?(?<relation>no\s+longer\s+(?:supported|available|served)|(?:deprecated\s+and\s+(?:has\s+been\s+|was\s+)?)?removed|not\s+supported|unsupported)\b`,
      gated(String.raw`removed`, String.raw`(?<a>${API_T})[^\n]{0,60}?\b(?<relation>(?:is\s+)?deprecated\s+and\s+(?:has\s+been\s+|was\s+|is\s+)?removed|has\s+been\s+removed|(?:was|were)\s+removed)(?:\s+(?:in|since|from|as\s+of)\s+(?:Kubernetes\s+|k8s\s+)?(?<b>${T}))?`),
      // A thing's release required "or later", with the version it runs not on the line: compose's "compose build requires
      // buildx 0.17.0 or later" (docker/compose#13295, a bare Go error string, docker/for-win#15045), "requires Docker Engine
      // 20.10.0 or newer", mstrio's "only supported on MicroStrategy 11.1.0400 or higher" (MicroStrategy/mstrio#5). Toolchains ("requires go 1.22 or later") and OS releases are dismissed (diagnoseGeneric).
      gated(String.raw`\bor\s+(?:later|newer|higher|greater|above)\b`, String.raw`\b(?<relation>[Rr]equires?(?:\s+at\s+least)?|[Nn]eeds?(?:\s+at\s+least)?|only\s+supported\s+(?:on|with|by|for|in)|supported\s+only\s+(?:on|with|by|for|in)|only\s+(?:works|compatible)\s+with)\s+(?:the\s+|a\s+)?(?:[\w.-]+\s+){1,3}?(?:[Vv]ersion\s+)?\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s+or\s+(?:later|newer|higher|greater|above)\b`),
      // A version refused with the list of those offered on the line: cb-tumblebug's "Available versions: [1.33.13 …].
      // err = not found version: 1.35.5" (cloud-barista/cb-tumblebug#2773). Without the list ("E: Version '1.29.1-1.1' for
      // 'kubelet' was not found") it is a package manager's miss, not read here.
      gated(String.raw`(?:[Aa]vailable|[Ss]upported|[Vv]alid|[Aa]llowed)\s+versions?`, String.raw`\b(?<relation>not\s+found\s+version|[Vv]ersion\s+not\s+found|no\s+such\s+version)\s*:?\s*\\?["'\x60]?(?<a>${T})`),
      // A resolver of versions that finds none for the one asked: vSphere with Tanzu's "Unable to find a compatible full
      // version hint \"1.20\"" (vmware/power-validated-solutions-for-cloud-foundation#301).
      gated(String.raw`\bfind\s+(?:a|an|any)\s+(?:compatible|matching|supported|suitable)\s`, String.raw`\b(?<relation>(?:[Uu]nable\s+to|[Cc]annot|[Cc]an't|[Cc]ould\s+not|[Cc]ouldn't|[Ff]ailed\s+to)\s+find\s+(?:a|an|any)\s+(?:compatible|matching|supported|suitable)\s+(?:[\w-]+\s+){0,3}?(?:version|release)s?(?:\s+hint)?)\s*(?:(?:for|with|of|matching)\s+(?:[\w/.-]+\s+){0,3}?)?(?:[Vv]ersion\s+)?:?\s*\\?["'\x60]?(?<a>${T})`),
      // A range a tool supports, then what it found: "gizmo 2.0 supports Kubernetes 1.27 through 1.29; this cluster runs
      // 1.31.1". Said on its own, a supported range is a doc; diagnoseGeneric speaks only where a version on the line is
      // outside it.
      gated(String.raw`\b(?:runs|running|found|got|current|currently|detected|is\s+at|has|have)\b`, String.raw`(?<relation>\b(?:supports?|supported(?:\s+(?:on|with|for))?|compatible\s+with|works\s+with))\s+(?:[\w-]+\s+){0,2}?(?:[Vv]ersions?\s+)?\\?["'\x60]?(?<a>${T})\\?["'\x60]?\s*(?:to|through|thru|-|–|\.\.)\s*\\?["'\x60]?(?<b>${T})(?=[^\n]{0,120}?\b(?:runs|running|found|got|current|currently|detected|is\s+at|has|have)\b)`),
      // The versions a tool supports, then the one it got: "supported versions are 1.27, 1.28, 1.29; got 1.31". Without
      // the version it got, a list of supported versions is a banner or a doc, not read here.
      gated(String.raw`[Ss]upported\s+versions?[\s\S]*?\b(?:got|found|have|has|current|currently|requested|detected|running|using)\b`, String.raw`(?<relation>\b[Ss]upported\s+versions?\s*(?:are|is|include)?\s*:?)\s*\[?\\?["'\x60]?(?<a>${T})[^\n]{0,200}?\b(?:got|found|have|has|current|currently|requested|detected|running|using)\s*(?:version\s*)?(?:is\s*)?:?\s*\\?["'\x60]?(?<b>${T})`),
      // One version said not to be on the list: "Kubernetes 1.31 is not in the list of supported versions", "1.20 is not one of
      // the available versions" (ROSA's own wording is rosa-openshift-version-unsupported's).
      gated(String.raw`not\s+(?:in|among|one\s+of)\s+the\s`, String.raw`(?<a>${T})\\?["'\x60]?\s+(?:is\s+|are\s+)?(?<relation>not\s+(?:in|among|one\s+of)\s+the\s+(?:list\s+of\s+)?(?:supported|available|valid|allowed|compatible)\s+(?:[\w-]+\s+)?versions?)`),
      // One version, said to be below (or above) the bound the reader holds, the bound the only version on the line: the
      // kubelet's "docker API version is older than 1.26.0", "container runtime version is older than 1.21".
      gated(String.raw`(?:[Vv]ersions?|[Cc]lusters?)\s+(?:is\s+|was\s+|are\s+)?(?:(?:older|newer|lower|higher|less|greater|smaller|bigger|earlier|later)\s+than|below|above)\s`, String.raw`\b(?:[Vv]ersions?|[Cc]lusters?)\s+(?:is\s+|was\s+|are\s+)?(?<relation>(?:older|newer|lower|higher|less|greater|smaller|bigger|earlier|later)\s+than|below|above)\s+(?:the\s+)?(?:(?:minimum|maximum|min|max|required|supported|allowed|lowest|highest|oldest|newest)\s+){0,2}(?:[Vv]ersion\s+)?(?:of\s+)?\\?["'\x60]?(?<a>${T})`),
      // A component said not to work with the cluster's version, the other side's version not on the line: Karpenter's
      // "karpenter version is not compatible with K8s version 1.30" (aws/karpenter-provider-aws).
      gated(String.raw`(?:compatible|supported)\s+(?:with|by|on|in|for)\s`, String.raw`\b(?<relation>(?:not\s+compatible|incompatible|not\s+supported)\s+(?:with|by|on|in|for))\s+(?:the\s+)?(?:current\s+|this\s+|your\s+|installed\s+)?(?:Kubernetes|kubernetes|K8s|k8s|OpenShift|cluster|server|control\s+plane)(?:['’]s)?(?:\s+[Vv]ersion)?\s*:?\s*\\?["'\x60]?(?<a>${T})`),
      // A version quoted, then said not to be one of a kind's releases: talhelper's '"v1.13.2" is not a supported Talos
      // version', "\"3.2\" is not a valid Kubernetes release".
      gated(String.raw`\bnot\s+(?:a\s+)?(?:supported|valid|known|compatible|recogni[sz]ed)\s`, String.raw`\\?["'\x60](?<a>${T})\\?["'\x60]\s+(?:is\s+)?(?<relation>not\s+(?:a\s+)?(?:supported|valid|known|compatible|recogni[sz]ed)(?:\s+[\w.-]+){0,3}?\s+(?:version|release))\b`),
      // A field of a built-in object that the reader (kubectl's schema, the API server's strict decoding) does not know:
      // which fields a release added is a table (diagnoseGeneric); a typo or a field in the wrong place is dismissed.
      // Only an object's field: a path from the object's root (the API server's strict decoding), or a field kubectl
      // places in a built-in type. A component's configuration (kubeadm's, a descheduler policy) is the specific
      // signatures' to read.
      String.raw`\b(?<relation>unknown\s+field)\s+\\?["'\x60]?(?<field>(?:spec|metadata)\.[\w.\[\]-]{1,160}?)\\?["'\x60]?(?![\w.\[\]-])`,
      String.raw`\b(?<relation>unknown\s+field)\s+\\?["'\x60]?(?<field>[A-Za-z][\w-]{0,80})\\?["'\x60]?\s+in\s+io\.k8s\.api\.[\w.-]{0,60}?\.(?<type>[A-Z]\w{0,60})`,
      // cobra's refusal of a subcommand, read against the commands a release removed or added (diagnoseGeneric):
      // Helm 3 running a Helm 2 script ("unknown command \"init\" for \"helm\""); a plugin not installed is dismissed.
      String.raw`\b(?<relation>unknown\s+command)\s+\\?["'](?<command>[\w-]{1,40})\\?["']\s+for\s+\\?["'](?<tool>(?:helm|kubectl|kubeadm)(?:\s+[\w-]{1,30})?)\\?["']`,
      // kubectl before 1.8: "found invalid field backoffLimit for v1.JobSpec".
      String.raw`\b(?<relation>found\s+invalid\s+field)\s+(?<field>[A-Za-z]\w{0,60})\s+for\s+v\d\w*\.(?<type>[A-Z]\w{0,60})`,
];

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
      // The wider relations. Each anchor wakes every pattern here, so the words common in any log ("expected",
      // "while", "removed", "Kubernetes version") are left out for the phrases around them.
      "nsupported ", "nvalid ", "nknown version", "nknown Kubernetes", "nknown kubernetes", "nrecognized ", "nrecognised ", "etired",
      "t supported", "t compatible", "not match", "t match", "not satisfy", "supported range", "allowed range", "valid range", "not viable",
      "end of life", "end-of-life", "equires Kubernetes", "equires kubernetes", "equires k8s", "equires K8s",
      "inimum supported", "aximum supported", "inimum version", "aximum version", "inimum required",
      ", got", " but got", "got v", "got:", ", want", "want v", "version: expected", "to be one of", "one of available", "one of the available",
      "one of supported", "one of the supported", "no longer served", "no longer available", "been removed", "was removed", "were removed",
      "must be upgraded", "must be updated", "upgrade to at least", "be upgraded to", "be updated to",
      "uses an old", "uses an older", "uses an outdated", "uses a legacy", "uses an unsupported", "use an old",
      "version is ", "whereas", "bad desired", "Bad desired", "minor version than", "version range",
      "incompatibilit", "used only with", "must appear in", "same version", "or greater", "or newer", "or later", "or higher",
      "unknown field", "found invalid field", "unknown command",
      "unknown conversion", "must include at least one of", "expected webhook response of", "conversion webhook for", "than one minor", "than 1 minor", "than two minor", "than 2 minor", "over one minor",
      "below the", "above the", "is below", "is above", "+ is required", "+ required", "lane version", "ool version", "rchestrator version", "aster version", "luster version", "+ is needed", "not yet supported",
      "nknown etcd", "nknown Docker", "nknown docker", "nknown containerd", "nknown helm", "nknown Helm", "nknown kubelet", "nknown kubectl", "nknown CNI",
      "nknown cni", "nknown release", "nknown API", "nknown api", "nknown chart", "nknown provider", "nknown operator", "nknown runtime", "nknown OpenShift",
      "nknown k8s", "nknown K8s", "nknown Talos", "nknown k3s", "nknown minor", "lusters older", "lusters newer", "lusters earlier", "ersions older", "ersions newer", "not a supported", "not a valid", "not a known", "not a compatible", "not a recogni",
      "ompatible with K8s", "ompatible with k8s", "ompatible with Kubernetes", "ompatible with kubernetes", "ompatible with OpenShift", "ompatible with cluster",
      "ompatible with the cluster", "ompatible with server", "ompatible with the server", "ompatible with the current", "ompatible with this", "ompatible with your",
      "not permitted", "not possible", "not found version", "ersion not found", "no such version",
      "find a compatible", "find any compatible", "find a matching", "find any matching", "find a supported", "find a suitable",
      "upported versions", "upported version:", "not in the list", "not among the", "not one of the",
      "not within", "not support", "t support Kubernetes", "t support kubernetes", "t support k8s", "t support v1", " through 1.", " through v1.", "supports Kubernetes", "supports kubernetes", "supports k8s",
      "inconsistent", "t be compatible with", "1 is supported", "2 is supported", "3 is supported", "1 are supported", "found in compatibility", "t support Openshift", "t support OpenShift",
      "o available", "o supported", "o compatible", "version constraint", "equires kubectl", "equires Helm", "equires helm", "equires kustomize", "eeds kubectl", "or newer", "only supported on", "only supported with", "only supported for", "too old", "too new",
    ],
    // Every pattern needs a version token (a dotted release, a group/version, an alpha/beta API version) or, for a
    // configuration format's bare number, "expected N": most lines the common anchors wake have none, and are then
    // spared the 36 searches (a log dense in generic words scanned 4x slower without it). A CRD's stored GA version ("v1":
    // must appear in spec.versions) is no such token, and its line may hold none (apecloud/kubeblocks#6960).
    gate: String.raw`\d\.\d|/v\d|v\d+(?:alpha|beta)|expected\s+\d|unknown\s+(?:field|command)|invalid\s+field|"v\d+\\?":\s*must\s+appear\s+in`,
    patterns: PATTERNS,
    patternGates: PATTERNS.map((p) => PATTERN_GATES.get(p) ?? null),
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
      // The wider relations, in the shapes of real tools (lines-8generic.jsonl has the real lines).
      { line: "Error: gizmoctl: Unsupported kubernetes version specified: 1.24.3 (FailedCreate)", captures: { relation: "Unsupported", a: "1.24.3" } },
      { line: "Error: server version `3.1.0` does not match the range supported by the client `>=2.0.0, <3.0.0`", captures: { a: "3.1.0", relation: "does not match", b: "2.0.0" } },
      { line: "Error: expected cluster_version to be one of [1.29.4-gizmo.1 1.28.9-gizmo.2]", captures: { a: "1.29.4-gizmo.1" } },
      { line: "WARN [cli: v3.0.0] [server: v2.4.1] version mismatch: update the cli", captures: { a: "v3.0.0", b: "v2.4.1", relation: "version mismatch" } },
      { line: 'error: status.storedVersions[0]: Invalid value: "v1alpha2": must appear in spec.versions', captures: { a: "v1alpha2", relation: "must appear in spec.versions" } },
      { line: "Error: the manifest uses gizmos.example.io/v1beta1, which has been removed in Kubernetes 1.22", captures: { a: "gizmos.example.io/v1beta1", relation: "has been removed", b: "1.22" } },
      // The new shapes: an unknown field of a built-in object, a subcommand a release removed (lines-9generic.jsonl).
      { line: String.raw`error: error validating data: ValidationError(Job.spec): unknown field "podFailurePolicy" in io.k8s.api.batch.v1.JobSpec`, captures: { field: "podFailurePolicy", type: "JobSpec" } },
      { line: 'Error: unknown command "serve" for "helm"', captures: { command: "serve", tool: "helm" } },
    ],
    nearMisses: [
      "invalid sampling ratio 1.7: value is not between 0 and 1",
      "INFO: plugin v1.2.0 requires a restart to load, see 1.3 notes",
      "error: retry budget 2.5 must be at least 3.0",
      "error: sha256 mismatch for layer 1.2 (expected 3.4)",
      // eksctl given a bad value: the list of supported values is not a relation between two versions (fresh-4a).
      "[✖]  invalid version auto, supported values: auto, latest, 1.10, 1.11",
      "I1201 10:00:00.000000 1 main.go:1] agent version 2.1.0 is not supported by server 2.3.4, using the legacy protocol",
      // Toolchains and resolvers name versions in the same relations (franela/pocketci#7, payatu/vuln-nodejs-app#1).
      "go: go.mod requires go >= 1.22 (running go 1.21.12; GOTOOLCHAIN=local)",
      'npm ERR! peer graphql@"^14.7.0 || ^15.3.0" from express-graphql@0.12.0',
      // Resources and TLS: kubernetes/website#19167, kubernetes/kubernetes#28888.
      "[ERROR NumCPU]: the number of available CPUs 1 is less than the required 2",
      "http: TLS handshake error from 182.74.106.3:38370: tls: client offered an unsupported, maximum protocol version of 301",
      // Two builds of one minor on a warning line (kubeadm's patch-level advice, fresh-4b).
      'W0826 12:16:37.623873 3025 upgrade_cluster.go:207] cluster version "1.32.6" is greater than the desired version "1.32.4"',
      // A protocol's version, not a component's; a changelog item; an INFO record (fresh-9's shapes, lines-12f9.jsonl).
      "Error: server does not support TLS version 1.3",
      "- Minishift does not support OpenShift version 1.3",
      "INFO: this release does not support Kubernetes version 1.20 anymore",
      // The refused version meets the line's own constraint: the tool compared versions as strings (minishift/minishift#2778).
      "Addon does not support OpenShift version 3.10.0. You need to use a version >3.5.0",
      "INFO client and server versions do not match. Client version: 1.2.0 Server version: 1.3.0, continuing",
      'WARNING: "2.1.0" may not be compatible with this plugin version if you use the legacy API',
    ],
  },
];
