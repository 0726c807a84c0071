import type { Signature } from "../model.js";
import { BUILTIN_GROUPS } from "../diagnose/tables.js";

// Served APIs, CRDs, webhooks and operators, round 12: the apiserver's validation of webhook and CRD registrations
// (admissionReviewVersions, preserveUnknownFields; storedVersions is the generic layer's), AdmissionReview versions between apiserver and
// webhook, scheme conversions a binary lacks (eksctl's config API and clusterctl's components are platform12's), controller-runtime's "kind is a CRD", Flux patch ids
// and Terraform's kubernetes_manifest. Diagnoses in src/diagnose/area-api12.ts; lines in lines-12api.jsonl.

const Q = String.raw`\\?"?`;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A group/version that is not a built-in group's (built-in ones have their own lifecycle signatures), nor any *.k8s.io. */
const NOT_BUILTIN = `(?!(?:${[...BUILTIN_GROUPS].filter((g) => g !== "").map(escape).join("|")})/)(?![\\w.-]*k8s\\.io/)`;

export const api12Signatures: Signature[] = [
  {
    id: "webhook-review-versions-required",
    title: "Webhook registration moved to the v1 API without the review versions v1 requires",
    family: "api",
    severity: "warning",
    flake: false,
    anchors: ["ReviewVersions: Required value"],
    patterns: [
      // admissionregistration and apiextensions validation: field.Required(..., "must specify one of <versions>") where the
      // v1 API has no default. (A list the apiserver does not speak is platform12's webhook-admission-review-versions-unsupported
      // for admissionReviewVersions, and the generic layer's for conversionReviewVersions.)
      String.raw`(?<field>admissionReviewVersions|conversionReviewVersions)\s*:\s*Required\s+value\s*:\s*must\s+specify\s+one\s+of\s+(?<accepted>v\w+(?:\s*,\s*v\w+)*)`,
    ],
    versions: [],
    roles: { field: "field of the webhook registration", accepted: "versions this apiserver speaks" },
    priority: 45,
    meaning:
      "admissionregistration.k8s.io/v1 webhook configurations and apiextensions.k8s.io/v1 conversion webhooks must list the review versions the webhook speaks; v1beta1 defaulted the list to [v1beta1]. A registration moved from v1beta1 to v1 (Kubernetes 1.22 removed v1beta1) without adding the list is refused.",
    causes: ["A chart or operator manifest whose apiVersion was bumped from v1beta1 to v1 for Kubernetes 1.22 without adding admissionReviewVersions (or conversionReviewVersions)."],
    fixes: ["Add the list with the versions the webhook's code decodes ([\"v1\", \"v1beta1\"] for most; [\"v1beta1\"] for a webhook built before Kubernetes 1.16)."],
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#prerequisites"],
    examples: [
      { line: "webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1", captures: { field: "admissionReviewVersions", accepted: "v1, v1beta1" } },
      { line: String.raw`The CustomResourceDefinition "widgets.example.com" is invalid: spec.conversion.conversionReviewVersions: Required value: must specify one of v1, v1beta1`, captures: { field: "conversionReviewVersions" } },
    ],
    nearMisses: ['    admissionReviewVersions: ["v1", "v1beta1"]'],
  },
  {
    id: "admission-review-response-version",
    title: "Webhook answered an AdmissionReview/ConversionReview of another version than the apiserver sent",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["expected webhook response of"],
    patterns: [
      // apiserver's webhook request package (admission/plugin/webhook/request/admissionreview.go): the response must be the
      // group/version/kind the apiserver sent; a v1beta1-era webhook answers without apiVersion and kind ("got /, Kind=").
      String.raw`expected\s+webhook\s+response\s+of\s+(?<expected>(?:admission\.k8s\.io|apiextensions\.k8s\.io)/v\w+)\s*,\s*Kind=(?<review>AdmissionReview|ConversionReview)\s*,\s*got\s+(?<got>[\w.-]*/[\w.-]*)\s*,\s*Kind=(?<gotKind>\w*)`,
    ],
    versions: [],
    roles: { expected: "review version the apiserver sent", got: "version of the webhook's answer (empty: none)", review: "review kind" },
    priority: 45,
    meaning:
      "The apiserver sends an AdmissionReview of the first version in the webhook's admissionReviewVersions that it speaks and requires the answer in the same group/version/kind. A webhook written against admission.k8s.io/v1beta1 (where the apiserver tolerated an answer without apiVersion and kind) fails once the configuration lists v1: it answers \"/, Kind=\", or in v1beta1.",
    causes: [
      "A webhook server (or its library: kubewebhook before v2, old admission-controller samples) that only speaks v1beta1 reviews, registered with admissionReviewVersions listing v1 (required in admissionregistration.k8s.io/v1).",
      "A webhook image older than the configuration that its chart or operator now installs.",
    ],
    fixes: [
      "Upgrade the webhook to a release that speaks admission.k8s.io/v1 (answers with apiVersion: admission.k8s.io/v1, kind: AdmissionReview and the request's uid).",
      "Until then, list v1beta1 first in admissionReviewVersions so the apiserver sends the version the webhook decodes.",
    ],
    references: ["https://github.com/kubernetes/kubernetes/issues/85681", "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response"],
    examples: [
      // slok/kubewebhook#55 (v1beta1-only library, Kubernetes 1.17)
      { line: "expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got /, Kind=;", captures: { expected: "admission.k8s.io/v1", review: "AdmissionReview", got: "/" } },
      // stackrox/admission-controller-webhook-demo#17, douglasmakey/admissioncontroller#4
      {
        line: String.raw`Error creating: Internal error occurred: failed calling webhook "webhook-server.webhook-demo.svc": received invalid webhook response: expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got /, Kind=`,
        captures: { expected: "admission.k8s.io/v1" },
      },
      // kubernetes/autoscaler#4561 (VPA admission controller)
      { line: String.raw`failed calling webhook "vpa.k8s.io": expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got /, Kind=` },
    ],
    nearMisses: [String.raw`Error from server (InternalError): Internal error occurred: failed calling webhook "vpa.k8s.io": Post "https://vpa-webhook.kube-system.svc:443/?timeout=30s": service "vpa-webhook" not found`],
  },
  {
    id: "scheme-conversion-unknown",
    title: "A binary has no conversion between the API versions of its data and its code",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["unknown conversion"],
    patterns: [
      // apimachinery's converter: fmt.Errorf("converting (%s) to (%s): unknown conversion", in, out): the program's scheme
      // knows both types but registered no conversion between them, so data in one version reaches code built for another.
      String.raw`converting\s+\((?<from>v\d\w*)\.(?<kind>[A-Z]\w*)\)\s+to\s+\((?<to>v\d\w*)\.(?<toKind>[A-Z]\w*)\)\s*:\s*unknown\s+conversion`,
    ],
    versions: ["from", "to"],
    roles: { from: "API version of the data", to: "API version the code converts to", kind: "kind" },
    versionKinds: { from: "api-version", to: "api-version" },
    priority: 45,
    meaning:
      "A program decoded an object in one API version and asked its scheme to convert it to the version its code uses, and the scheme has no conversion between them: the data was written for another release of the program (webhook configurations still in admissionregistration v1beta1 given to a clusterctl that handles only v1), or the apiserver sends an AdmissionReview v1 to a webhook built for v1beta1.",
    causes: [
      "Manifests or provider components of an older release (admissionregistration.k8s.io/v1beta1 webhooks) read by a newer tool (clusterctl v0.4+ handles v1 only).",
      "A webhook server built for admission.k8s.io/v1beta1 reviews, registered with admissionReviewVersions listing v1 first.",
    ],
    fixes: [
      "Use the release of the data that matches the tool (a provider release whose components use admissionregistration.k8s.io/v1), or the tool release that still reads the old version.",
      "For a webhook: upgrade it to one that speaks admission.k8s.io/v1, or list v1beta1 first in admissionReviewVersions.",
    ],
    references: ["https://github.com/open-policy-agent/kube-mgmt/pull/125", "https://github.com/kubernetes/kubernetes/issues/100454"],
    examples: [
      // open-policy-agent/kube-mgmt#125 (Kubernetes 1.21, webhook registered for v1beta1 only)
      {
        line: String.raw`Internal error occurred: failed calling webhook "webhook.openpolicyagent.org": converting (v1.AdmissionReview) to (v1beta1.AdmissionReview): unknown conversion`,
        captures: { from: "v1", kind: "AdmissionReview", to: "v1beta1" },
      },
      // IBM/ibm-iam-operator#391 (the apiserver's error line: a webhook built for v1beta1 reviews)
      {
        line: String.raw`E0712 15:28:05.490484      19 dispatcher.go:171] failed calling webhook "iam.hooks.securityenforcement.admission.cloud.ibm.com": converting (v1beta1.AdmissionReview) to (v1.AdmissionReview): unknown conversion`,
        captures: { from: "v1beta1", kind: "AdmissionReview", to: "v1" },
      },
      // kubernetes/kubernetes#100454 (kube-apiserver 1.19 sends v1 reviews to a v1beta1 webhook)
      { line: String.raw`Internal error occurred: failed calling webhook "xxxx": converting (v1.AdmissionReview) to (v1beta1.AdmissionReview): unknown conversion.`, captures: { from: "v1" } },
    ],
    // apimachinery's "type names don't match (Unknown, RawExtension)" from reading a kubeconfig is not this rule's: it is
    // kubectl-kubeconfig-extension-unreadable's (a kubectl before 1.17 reading object-valued extensions).
  },
  {
    id: "crd-preserve-unknown-fields-upgrade",
    title: "CRD upgrade from apiextensions v1beta1 to v1 keeps spec.preserveUnknownFields: true",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["spec.preserveUnknownFields"],
    patterns: [
      // apiextensions validation: a v1 CRD may not set it to true, and a structural schema with defaults needs it false.
      // A CRD created through v1beta1 kept true (v1beta1's default), so applying the v1 CRD of a newer release fails.
      String.raw`spec\.preserveUnknownFields\s*:\s*Invalid\s+value\s*:\s*true\s*:\s*(?<reason>must\s+be\s+false(?:\s+in\s+order\s+to\s+use\s+[a-z ]{3,40}?(?=\s*(?:[,."\]\\]|$)))?|cannot\s+set\s+to\s+true)`,
    ],
    versions: [],
    roles: { reason: "why the apiserver refuses it" },
    priority: 45,
    meaning:
      "apiextensions.k8s.io/v1beta1 CRDs defaulted spec.preserveUnknownFields to true; a CRD first installed that way keeps it when a newer release applies its apiextensions.k8s.io/v1 CRD (structural schema, defaults), and the apiserver refuses the update: the installed CRD is from an older release of the operator than the one being applied.",
    causes: [
      "An operator upgraded across the release that moved its CRDs from v1beta1 to v1 (Argo Rollouts 0.10 → 1.0, secureCodeBox 2 → 3, many charts around Kubernetes 1.16–1.22).",
      "A CRD copied from an older cluster (kubectl get -o yaml) carrying preserveUnknownFields: true.",
    ],
    fixes: [
      "Set spec.preserveUnknownFields: false in the CRD being applied (or patch the installed CRD first: kubectl patch crd NAME --type merge -p '{\"spec\":{\"preserveUnknownFields\":false}}'), then apply.",
      "Follow the operator's upgrade notes for the CRD migration.",
    ],
    references: ["https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-pruning"],
    examples: [
      // argoproj/argo-rollouts#1067
      {
        line: String.raw`for: "./manifests/crds": CustomResourceDefinition.apiextensions.k8s.io "rollouts.argoproj.io" is invalid: spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema`,
        captures: { reason: "must be false in order to use defaults in the schema" },
      },
      // kubernetes/kubernetes#94295
      {
        line: String.raw`"CustomResourceDefinition.apiextensions.k8s.io \"sfplans.osb.servicefabrik.io\" is invalid: spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-preserve-unknown-fields to true in spec.versions[*].schema instead"`,
        captures: { reason: "cannot set to true" },
      },
      // secureCodeBox/secureCodeBox#788
      { line: String.raw`The CustomResourceDefinition "scans.execution.securecodebox.io" is invalid: spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema` },
    ],
    nearMisses: ["  preserveUnknownFields: false", "spec.preserveUnknownFields: false"],
  },
  {
    id: "operator-crd-not-served",
    title: "Operator (controller-runtime) starts on a custom resource version no installed CRD serves",
    family: "api",
    severity: "warning",
    flake: false,
    anchors: ["it should be installed before calling Start", "failed to get API group resources"],
    patterns: [
      // controller-runtime's source.Kind: "if kind is a CRD, it should be installed before calling Start" with the mapper's
      // "no matches for kind" (a CRD group: built-in groups are api-no-kind-match's, Cluster API's capi-api-version-not-served's).
      String.raw`if\s+kind\s+is\s+a\s+CRD\s*,\s*it\s+should\s+be\s+installed\s+before\s+calling\s+Start[^\n]{0,400}?no\s+matches\s+for\s+kind\s+${Q}(?<kind>[A-Z]\w*)${Q}\s+in\s+version\s+${Q}(?<apiVersion>${NOT_BUILTIN}[a-z][\w-]*(?:\.[\w-]+)+/v\d\w*)`,
      // controller-runtime's REST mapper (pkg/client/apiutil): "failed to get API group resources: %w" around discovery's 404.
      String.raw`failed\s+to\s+get\s+API\s+group\s+resources\s*:\s*unable\s+to\s+retrieve\s+the\s+complete\s+list\s+of\s+server\s+APIs\s*:\s*(?<apiVersion>${NOT_BUILTIN}[a-z][\w-]*(?:\.[\w-]+)+/v\d\w*)\s*:\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "custom resource group/version the operator watches", kind: "custom resource kind" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-watch-version-not-served (45) and api-no-kind-match (40), which dismiss CRD groups.
    priority: 47,
    meaning:
      "An operator built on controller-runtime starts a watch (or a client) for a custom resource at a group/version that no CRD in the cluster serves. When the operator was upgraded, its CRDs were not: Helm installs a chart's crds/ once and never upgrades them, and charts with an upgradeCRDs-style switch off leave the previous release's CRDs, so a kind or version the new operator needs is missing. If the CRDs were never installed the message is the same, hence a warning.",
    causes: [
      "The operator image or chart upgraded without its CRDs (Helm skips crds/ on upgrade; KubeBlocks upgradeAddons=false; a chart older than the image).",
      "The operator's CRDs (or a dependency's, such as ORC for CAPO, vpc-resource-controller's CNINode for the VPC CNI) not installed at all.",
    ],
    fixes: [
      "Apply the CRDs of the operator's release (kubectl apply --server-side -f the release's CRD manifests), then restart the operator.",
      "Or pin the operator back to the release its installed CRDs came from.",
    ],
    references: ["https://helm.sh/docs/chart_best_practices/custom_resource_definitions/#some-caveats-and-explanations"],
    examples: [
      // apecloud/kubeblocks#6251 (operator 0.8 with 0.7 CRDs)
      {
        line: String.raw`2023-12-27T02:57:41.958Z	ERROR	controller-runtime.source.EventHandler	if kind is a CRD, it should be installed before calling Start	{"kind": "ComponentDefinition.apps.kubeblocks.io", "error": "no matches for kind \"ComponentDefinition\" in version \"apps.kubeblocks.io/v1alpha1\""}`,
        captures: { kind: "ComponentDefinition", apiVersion: "apps.kubeblocks.io/v1alpha1" },
      },
      // pulumi/pulumi-kubernetes-operator#401 (operator 0.5 → 1.10 without the Program CRD)
      {
        line: String.raw`{"level":"error","ts":"2023-01-13T15:04:03.136Z","logger":"controller-runtime.source","msg":"if kind is a CRD, it should be installed before calling Start","kind":"Program.pulumi.com","error":"no matches for kind \"Program\" in version \"pulumi.com/v1\""}`,
        captures: { kind: "Program", apiVersion: "pulumi.com/v1" },
      },
      // Altinity/clickhouse-operator#1343 (0.23 image, 0.22 chart)
      {
        line: String.raw`2024-02-13T09:49:09Z	ERROR	controller-runtime.source.EventHandler	failed to get informer from cache	{"error": "failed to get API group resources: unable to retrieve the complete list of server APIs: clickhouse-keeper.altinity.com/v1: the server could not find the requested resource"}`,
        captures: { apiVersion: "clickhouse-keeper.altinity.com/v1" },
      },
    ],
    nearMisses: [
      "unable to retrieve the complete list of server APIs: custom.metrics.k8s.io/v1beta1: the server could not find the requested resource",
    ],
  },
  {
    id: "flux-patch-target-api-version",
    title: "A kustomize patch targets a Flux kind at an API version the Flux manifests no longer use",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["no matches for Id"],
    patterns: [
      // kustomize's resource ids are group_version_Kind|namespace|name (Kind.version.group/name.namespace from kustomize 4):
      // a patch whose target names the old version finds nothing once flux bootstrap (or flux install) regenerated
      // gotk-components/gotk-sync at the new version.
      String.raw`no\s+matches\s+for\s+Id\s+(?<group>[a-z]+\.toolkit\.fluxcd\.io)_(?<version>v\d\w*)_(?<kind>[A-Z]\w*)\|`,
      String.raw`no\s+matches\s+for\s+Id\s+(?<kind>[A-Z]\w*)\.(?<version>v\d\w*)\.(?<group>[a-z]+\.toolkit\.fluxcd\.io)/`,
    ],
    versions: ["version"],
    roles: { group: "Flux API group", version: "API version the patch targets", kind: "Flux kind" },
    versionKinds: { version: "api-version" },
    priority: 45,
    meaning:
      "kustomize found no resource with the id a patch targets: the patch names a Flux kind at an API version (kustomize.toolkit.fluxcd.io_v1beta1_Kustomization) that the repository's Flux manifests no longer use, because a Flux upgrade regenerated them at a newer version (v1beta2, v1). The patches were written for an older Flux than the manifests.",
    causes: ["flux bootstrap / flux install of a newer release rewrote gotk-components.yaml and gotk-sync.yaml, and the repository's kustomization.yaml patches still target the old apiVersion."],
    fixes: ["Update the patch targets (target.version or the patch's apiVersion) to the version in the regenerated gotk-sync.yaml, or target by kind and name only."],
    references: ["https://fluxcd.io/flux/installation/configuration/bootstrap-customization/"],
    examples: [
      // fluxcd/flux2#1924 (after the upgrade to Flux 0.18)
      {
        line: "no matches for Id kustomize.toolkit.fluxcd.io_v1beta1_Kustomization|flux-system|flux-system; failed to find unique target for patch kustomize.toolkit.fluxcd.io_v1beta1_Kustomization|flux-system",
        captures: { group: "kustomize.toolkit.fluxcd.io", version: "v1beta1", kind: "Kustomization" },
      },
    ],
    nearMisses: [
      "no matches for Id apps_v1_Deployment|default|web; failed to find unique target for patch apps_v1_Deployment|web",
      // fluxcd/flux2#4344: the current version, a patch that misses for another reason.
      "kustomize build failed: no matches for Id Kustomization.v1.kustomize.toolkit.fluxcd.io/flux2-sync-usm1-trunk.flux-system; failed to find unique target for patch Kustomization.v1.kustomize.toolkit.fluxcd.io/flux2-sync-usm1-trunk.flux-system",
    ],
  },
  {
    id: "terraform-manifest-api-not-valid",
    title: "Terraform kubernetes_manifest: the cluster does not serve the manifest's group/version/kind",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["valid for cluster, check the APIVersion"],
    patterns: [
      // terraform-provider-kubernetes (manifest/provider): "resource [%s] isn't valid for cluster, check the APIVersion and Kind fields are valid".
      String.raw`resource\s+\[(?<apiVersion>(?:[\w.-]+/)?v\d\w*)/(?<kind>[A-Z]\w*)\]\s+isn't\s+valid\s+for\s+cluster\s*,\s*check\s+the\s+APIVersion\s+and\s+Kind`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "group/version of the manifest", kind: "kind of the manifest" },
    versionKinds: { apiVersion: "api-version" },
    priority: 45,
    meaning:
      "Terraform's kubernetes_manifest looks the resource's group/version/kind up in the cluster's discovery and found nothing: a built-in API the cluster's Kubernetes no longer serves (or does not serve yet), an operator's CRD version that its installed release stopped serving, or a CRD that is not installed.",
    causes: [
      "A module or example written for an older operator release (karpenter.k8s.aws/v1beta1 after Karpenter 1.1 serves v1 only) or an older Kubernetes.",
      "The CRD is not installed yet (kubernetes_manifest needs it at plan time).",
    ],
    fixes: ["Move the manifest to the version the cluster serves (kubectl api-resources | grep KIND), or pin the operator release it was written for; install CRDs in a separate apply before manifests that use them."],
    references: ["https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest#before-you-use-this-resource"],
    examples: [
      // terraform-aws-modules/terraform-aws-eks#3244 (Karpenter 1.x installed, example still v1beta1)
      {
        line: String.raw`│ Error: default failed to create kubernetes rest client for update of resource: resource [karpenter.k8s.aws/v1beta1/EC2NodeClass] isn't valid for cluster, check the APIVersion and Kind fields are valid`,
        captures: { apiVersion: "karpenter.k8s.aws/v1beta1", kind: "EC2NodeClass" },
      },
    ],
    nearMisses: [
      String.raw`│ Error: Failed to determine GroupVersionResource for manifest`,
      // gavinbunney/terraform-provider-kubectl#112: core v1 (served by every release) refused: the provider's discovery failed.
      "Error: flux-system/helm-controller failed to create kubernetes rest client for update of resource: resource [v1/ServiceAccount] isn't valid for cluster, check the APIVersion and Kind fields are valid",
    ],
  },
  {
    id: "chart-field-unknown-to-installed-crd",
    title: "helm: the chart sets a custom-resource field the installed CRD does not have (CRDs not upgraded)",
    family: "api",
    severity: "warning",
    flake: false,
    anchors: ["error validating data: ValidationError(", "error validating data: [ValidationError("],
    patterns: [
      // helm 3 validates the rendered release (file name "") against the cluster's OpenAPI schema (pkg/kube/client.go
      // Build): for a custom resource that schema is the installed CRD's. Only custom types (not io.k8s.*, whose fields
      // follow the Kubernetes release).
      String.raw`error\s+validating\s+\\?"\\?"\s*:\s*error\s+validating\s+data\s*:\s*\[?ValidationError\((?<kind>[A-Z]\w*)(?:\.[\w\[\]-]+)*\)\s*:\s*unknown\s+field\s+\\?"(?<field>[\w.-]+)\\?"\s+in\s+(?<type>(?!io\.k8s\.)[a-z][\w-]*(?:\.[\w-]+)*?\.(?<version>v\d+(?:(?:alpha|beta)\d+)?)\.[A-Z]\w*)`,
    ],
    versions: ["version"],
    roles: { kind: "custom resource kind", field: "field the installed CRD lacks", type: "schema type of the installed CRD", version: "custom resource version" },
    versionKinds: { version: "api-version" },
    priority: 44,
    meaning:
      "helm validated the rendered chart against the cluster's schema, and a custom resource in it sets a field the installed CRD does not define. Helm installs a chart's crds/ on the first install only and never upgrades them, so a chart upgrade that adds a field (or a values file for a newer chart) meets the previous release's CRD. A typo in values reads the same, hence a warning.",
    causes: [
      "helm upgrade to an operator or chart release whose custom resources use a field added after the CRDs were installed (Helm skips crds/ on upgrade).",
      "A chart that depends on another project's CRDs (an operator installed separately, older than the chart expects).",
    ],
    fixes: [
      "Apply the CRDs of the new release before upgrading (kubectl apply --server-side -f the chart's crds/ or the operator's CRD manifests), then rerun helm upgrade.",
      "Check the field name in values against the chart's documentation if the CRDs are already current.",
    ],
    references: ["https://helm.sh/docs/chart_best_practices/custom_resource_definitions/#some-caveats-and-explanations"],
    examples: [
      // vesoft-inc/nebula-operator#163 (chart 1.3.0 over the 1.2.0 CRD)
      {
        line: String.raw`Error: UPGRADE FAILED: error validating "": error validating data: ValidationError(NebulaCluster.spec.storaged): unknown field "dataVolumeClaims" in io.nebula-graph.apps.v1alpha1.NebulaCluster.spec.storaged`,
        captures: { kind: "NebulaCluster", field: "dataVolumeClaims", version: "v1alpha1" },
      },
      // k8ssandra/k8ssandra#1058 (1.2.0 → 1.3.0 with Reaper)
      {
        line: String.raw`Error: UPGRADE FAILED: error validating "": error validating data: ValidationError(Reaper.spec): unknown field "ServiceAccountName" in io.cassandra-reaper.reaper.v1alpha1.Reaper.spec`,
        captures: { kind: "Reaper", field: "ServiceAccountName" },
      },
      // kubernetes-retired/kubefed#1489 (chart 0.8.1 → 0.9.0)
      { line: String.raw`Error: error validating "": error validating data: ValidationError(KubeFedConfig.spec.controllerDuration): unknown field "cacheSyncTimeout" in io.kubefed.core.v1beta1.KubeFedConfig.spec.controllerDuration`, captures: { version: "v1beta1" } },
    ],
    nearMisses: [
      // open-telemetry/opentelemetry-helm-charts#109: a built-in type (a CRD file with RBAC fields pasted in).
      String.raw`error validating data: [ValidationError(CustomResourceDefinition): unknown field "roleRef" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition]`,
      // A user's own file (named), not a chart's render.
      String.raw`error: error validating "widget.yaml": error validating data: ValidationError(Widget.spec): unknown field "sizee" in io.example.v1.Widget.spec`,
    ],
  },
  {
    id: "webhook-decode-unknown-field",
    title: "An admission webhook cannot decode a field of the object it is sent (webhook older than the schema)",
    family: "api",
    // A cause only for Kubernetes' own metadata fields; the diagnosis warns on any other field.
    severity: "error",
    flake: false,
    anchors: ["cannot decode incoming"],
    patterns: [
      // knative.dev/pkg's webhooks decode the request's object with DisallowUnknownFields (resourcesemantics): a field that
      // the webhook's Go types lack (metadata.managedFields from Kubernetes 1.18, or a field of a newer CRD release).
      String.raw`cannot\s+decode\s+incoming\s+(?<which>new|old)\s+object\s*:\s*json\s*:\s*unknown\s+field\s+\\*"(?<field>[\w.-]+)\\*"`,
    ],
    versions: [],
    roles: { which: "object decoded", field: "field the webhook's types lack" },
    priority: 45,
    meaning:
      "A knative-style admission webhook decodes the object it is sent strictly into its own Go types and met a field they lack: the webhook was built against older types than the object's, either an older Kubernetes (metadata.managedFields, fieldsType and fieldsV1 came with server-side apply in 1.18) or an older release of its own CRDs than the manifest's. A typo in a custom resource the CRD does not prune reads the same, hence a warning unless the field is Kubernetes' own.",
    causes: [
      "A webhook (Knative Serving/Eventing 0.11–0.13, Tekton Triggers of that era) older than the cluster: it cannot decode the managedFields every 1.18+ apiserver adds.",
      "A manifest written for a newer release of the CRDs than the installed controller and webhook (Tekton Triggers' bindings field).",
    ],
    fixes: [
      "Upgrade the project's controllers and webhook to a release that supports the cluster's Kubernetes (its compatibility matrix), or write the manifest for the installed release.",
    ],
    references: ["https://github.com/knative/pkg/issues/1509"],
    examples: [
      // kserve/kserve#873 (Knative 0.11 on Kubernetes 1.18)
      {
        line: String.raw`    "error": "admission webhook \"webhook.serving.knative.dev\" denied the request: mutation failed: cannot decode incoming new object: json: unknown field \"fieldsType\"",`,
        captures: { which: "new", field: "fieldsType" },
      },
      // tektoncd/triggers#230
      {
        line: String.raw`Error from server (InternalError): error when creating "poc-trigger/eventlis.yaml": Internal error occurred: admission webhook "triggers-webhook.tekton.dev" denied the request: mutation failed: cannot decode incoming new object: json: unknown field "bindings"`,
        captures: { field: "bindings" },
      },
    ],
    nearMisses: ["json: unknown field \"sizee\""],
  },
  {
    id: "operator-version-annotation-notice",
    title: "Notice: an operator adopting resources reconciled by an earlier release",
    family: "api",
    severity: "warning",
    flake: false,
    anchors: ["previously reconciled by incompatible controller version"],
    patterns: [
      // ECK's annotation package (pkg/controller/common/annotation): an info line while it stamps its version on resources
      // an older release managed; it goes on, so it explains nothing by itself.
      // Pre-release operators stamp versions such as 1.0.0-beta1 (elastic/cloud-on-k8s#3023): the suffix is kept.
      String.raw`[Rr]esource\s+was\s+previously\s+reconciled\s+by\s+incompatible\s+controller\s+version(?:[^\n]{0,200}?controller_version\\?"?\s*:\s*\\?"(?<controller>\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?))?`,
    ],
    versions: ["controller"],
    roles: { controller: "operator version stamping the resource" },
    priority: 45,
    meaning: "Elastic's operator (ECK) logs this at info level when it adopts a resource an earlier release reconciled and stamps its own version on it; the reconciliation goes on.",
    causes: ["An operator upgrade (expected); the failure, if any, is elsewhere."],
    fixes: ["Look for the operator's errors after this line (webhook, CRD or RBAC problems after the upgrade)."],
    examples: [
      // elastic/cloud-on-k8s#1531
      {
        line: String.raw`{"level":"info","ts":1565264888.8943298,"logger":"annotation","msg":"Resource was previously reconciled by incompatible controller version and missing annotation, adding annotation","controller_version":"0.9.0","namespace":"default","name":"quickstart","kind":"Elasticsearch"}`,
        captures: { controller: "0.9.0" },
      },
    ],
  },
];
