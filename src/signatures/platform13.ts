import type { Signature } from "../model.js";

// Rules of the seventh tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform13.ts; real lines
// and near-misses in test/fixtures/real-world/lines-13platform.jsonl.

// Quotes as printed, as JSON-escaped by Terraform/SDK error dumps, or absent.
const Q = String.raw`\\?"?`;
// A Kubernetes minor as EKS and Rancher's EKS config spell it (1.29), or with its patch.
const MINOR = String.raw`\d+\.\d+(?:\.\d+)?`;

export const platform13Signatures: Signature[] = [
  {
    id: "rancher-operator-nodegroup-version-skew",
    title: "Rancher eks-operator refuses a nodegroup more than one minor from the control plane",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["and nodegroup [", "nodegroup kubernetes versions"],
    patterns: [
      // rancher/eks-operator controller (validateUpdate): fmt.Sprintf("versions for cluster [%s] and nodegroup [%s] not
      // compatible: all nodegroup kubernetes versions"+"must be …"), the missing space kept by every release.
      String.raw`versions\s+for\s+cluster\s+\[(?<cluster>${MINOR})\]\s+and\s+nodegroup\s+\[(?<nodegroup>${MINOR})\]\s+not\s+compatible`,
      // The second half alone, for a message wrapped after "not compatible:".
      String.raw`all\s+nodegroup\s+kubernetes\s+versions\s*must\s+be\s+equal\s+to\s+or\s+one\s+minor\s+version\s+lower\s+than\s+the\s+cluster\s+kubernetes\s+version`,
    ],
    versions: ["cluster", "nodegroup"],
    roles: { cluster: "EKS control plane version (spec.kubernetesVersion)", nodegroup: "nodegroup version" },
    versionKinds: { cluster: "kubernetes", nodegroup: "kubernetes" },
    priority: 50,
    meaning:
      "Rancher's eks-operator validates an EKSClusterConfig before every update: each nodegroup must be at the control plane's minor or exactly one below. That is stricter than EKS itself (nodes up to three minors behind from 1.25 on), so a cluster upgraded in steps outside Rancher (Terraform, the console) can no longer be changed through Rancher.",
    causes: [
      "The control plane was upgraded (often twice, from Terraform or the AWS console) while a nodegroup stayed on its old minor.",
      "A nodegroup version set above the control plane's (a new nodegroup created at the next minor before the control plane).",
    ],
    fixes: [
      "Upgrade the lagging nodegroups (eksConfig.nodeGroups[].version) to the control plane's minor, or to one below it, before any other change to the cluster in Rancher.",
      "Keep nodegroups at or one below the control plane when upgrading it: upgrade one minor at a time and bring the nodegroups along each step.",
    ],
    references: ["https://github.com/rancher/eks-operator/issues/834", "https://github.com/rancher/eks-operator/pull/3"],
    examples: [
      {
        // rancher/eks-operator#834 (Terraform rancher2 provider)
        line: "Error: Cluster ID c-XXXXX: versions for cluster [1.29] and nodegroup [1.27] not compatible: all nodegroup kubernetes versionsmust be equal to or one minor version lower than the cluster kubernetes version",
        captures: { cluster: "1.29", nodegroup: "1.27" },
      },
      {
        // rancher/hosted-providers-e2e (the message its EKS upgrade test waits for)
        line: "versions for cluster [1.29] and nodegroup [1.30] not compatible: all nodegroup kubernetes versions must be equal to or one minor version lower than the cluster kubernetes version",
        captures: { cluster: "1.29", nodegroup: "1.30" },
      },
    ],
    // rancher/rancher#28745's create-time rule ("nodegroup [sow] version must match cluster [c-ttfzb] version on create")
    // names no versions and is eks-nodegroup-version-mismatch's.
  },
  {
    id: "aks-upgrade-blocked-deprecated-api",
    title: "AKS blocks the control plane upgrade: a removed API was called recently",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["Control Plane upgrade is blocked due to recent usage", "UpgradeBlockedOnDeprecatedAPIUsage"],
    patterns: [
      // The AKS upgrade API's ValidationError (UpgradeBlockedOnDeprecatedAPIUsage); its "Usage details" list, when on the
      // same line (JSON bodies keep \n escaped), names the first API and the release that removes it.
      String.raw`Control\s+Plane\s+upgrade\s+is\s+blocked\s+due\s+to\s+recent\s+usage\s+of\s+a\s+Kubernetes\s+API\s+deprecated\s+in\s+the\s+specified\s+version(?:[^\n]{0,800}?usage\s+has\s+been\s+detected\s+on\s+API\s+(?<api>[\w.-]+?)\.(?<apiVersion>v\d+(?:alpha\d+|beta\d+)?)(?:\.(?<verb>\w+))?,[^\n]{0,200}?which\s+will\s+be\s+removed\s+in\s+(?<removedIn>\d+\.\d+))?`,
      // The response's subcode, on a line of its own in the JSON body, not a sentence naming it.
      String.raw`${Q}subcode${Q}\s*:\s*${Q}UpgradeBlockedOnDeprecatedAPIUsage\b`,
    ],
    versions: ["removedIn", "apiVersion"],
    roles: { api: "API (group.resource) still called", apiVersion: "its version", verb: "request verb", removedIn: "Kubernetes release that removes it" },
    versionKinds: { removedIn: "kubernetes", apiVersion: "contract" },
    priority: 50,
    meaning:
      "AKS refuses to upgrade the control plane to a minor that removes an API which something in the cluster called within the last 12 hours (the API server's deprecated-API metrics): the workloads are older than the target Kubernetes version.",
    causes: [
      "A controller, operator or CI client still calls the removed API version (often an old kube-state-metrics, Kyverno, Argo CD, or a client-go built before the replacement existed: flowcontrol v1beta2/v1beta3 before 1.29/1.32, autoscaling/v2beta2 before 1.26).",
    ],
    fixes: [
      "Find and upgrade the caller (kubectl get --raw /metrics | grep apiserver_requested_deprecated_apis, or the AKS diagnose-and-solve view), wait for the 12-hour usage window to pass, then retry the upgrade.",
      "If the usage is known to be harmless, bypass the gate once: az aks update --enable-force-upgrade --upgrade-override-until <time> (upgradeSettings.overrideSettings.forceUpgrade).",
    ],
    references: ["https://learn.microsoft.com/en-us/azure/aks/stop-cluster-upgrade-api-breaking-changes"],
    examples: [
      {
        // Azure/AKS#3984
        line: "(ValidationError) Control Plane upgrade is blocked due to recent usage of a Kubernetes API deprecated in the specified version. Please refer to https://kubernetes.io/docs/reference/using-api/deprecation-guide to migrate the usage. To bypass this error, set forceUpgrade in upgradeSettings.overrideSettings.",
      },
      {
        // learn.microsoft.com stop-cluster-upgrade-api-breaking-changes (the REST response)
        line: String.raw`  "message": "Control Plane upgrade is blocked due to recent usage of a Kubernetes API deprecated in the specified version. Please refer to https://kubernetes.io/docs/reference/using-api/deprecation-guide to migrate the usage. To bypass this error, set enable-force-upgrade in upgradeSettings.overrideSettings. Bypassing this error without migrating usage will result in the deprecated Kubernetes API calls failing. Usage details: 1 error occurred:\n\t* usage has been detected on API flowcontrol.apiserver.k8s.io.prioritylevelconfigurations.v1beta1, and was recently seen at: 2023-03-23 20:57:18 +0000 UTC, which will be removed in 1.26\n\n",`,
        captures: { api: "flowcontrol.apiserver.k8s.io.prioritylevelconfigurations", apiVersion: "v1beta1", removedIn: "1.26" },
      },
      // The same response's subcode line (learn.microsoft.com, Azure/AKS docs)
      { line: String.raw`  "subcode": "UpgradeBlockedOnDeprecatedAPIUsage"` },
    ],
    nearMisses: [
      "During our attempt to upgrade the AKS cluster, we encountered `ValidationError UpgradeBlockedOnDeprecatedAPIUsage` errors, explicitly pointing to the usage of deprecated API versions",
    ],
  },
  {
    id: "chart-psp-api-missing",
    title: "Chart still enables PodSecurityPolicy on a cluster that no longer serves it",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["does not have the PodSecurityPolicy API resource"],
    patterns: [
      // Rancher's charts (rancher, rancher-monitoring, longhorn, neuvector, …) fail in templates/validate-psp-install.yaml
      // when global.cattle.psp.enabled is true and .Capabilities lacks policy/v1beta1/PodSecurityPolicy.
      String.raw`(?:execution\s+error\s+at\s+\((?<template>[\w./-]+?)(?::\d+:\d+)?\)\s*:\s*)?The\s+target\s+cluster\s+does\s+not\s+have\s+the\s+PodSecurityPolicy\s+API\s+resource`,
    ],
    versions: [],
    roles: { template: "chart template that failed" },
    priority: 50,
    meaning:
      "The chart's values still enable PodSecurityPolicies, but the cluster does not serve policy/v1beta1 PodSecurityPolicy, which Kubernetes 1.25 removed: the chart values were written for a cluster before 1.25.",
    causes: [
      "The cluster is on Kubernetes 1.25 or later (a fresh k3s/RKE2/EKS install, or an upgrade) and the chart's PSP switch (global.cattle.psp.enabled in Rancher's charts) is on, its default in Rancher 2.7.2/2.7.3 or carried over from older values.",
    ],
    fixes: [
      "Install or upgrade with PSPs disabled (helm ... --set global.cattle.psp.enabled=false for Rancher's charts), or use a chart release that disables them by default.",
      "When upgrading a cluster across 1.25, disable PSPs in every release while still on 1.24, then clean up stored releases with helm mapkubeapis.",
    ],
    references: ["https://ranchermanager.docs.rancher.com/how-to-guides/new-user-guides/authentication-permissions-and-global-configuration/pod-security-standards"],
    examples: [
      {
        // rancher/rancher#40331 (k3s 1.25.8, Rancher 2.7.3)
        line: "Helm upgrade failed: execution error at (rancher/templates/validate-psp-install.yaml:4:5): The target cluster does not have the PodSecurityPolicy API resource. Please disable PSPs in this chart before proceeding. Last Helm logs: preparing upgrade for rancher resetting values to the chart's original version",
        captures: { template: "rancher/templates/validate-psp-install.yaml" },
      },
      {
        // rancher/eks-operator#142
        line: String.raw`"Error: INSTALLATION FAILED: execution error at (rancher/templates/validate-psp-install.yaml:4:5): The target cluster does not have the PodSecurityPolicy API resource. Please disable PSPs in this chart before proceeding.\n"`,
        captures: { template: "rancher/templates/validate-psp-install.yaml" },
      },
    ],
  },
  {
    id: "fleet-bundle-render-kubeversion",
    title: "Fleet rendered a chart for its stand-in Kubernetes version",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["handler bundle", "helm template for bundle"],
    patterns: [
      // fleet-controller's bundle handler and its status/resource-key calculation template charts itself, without the
      // target cluster: Fleet before 0.7 with Capabilities of v1.18.0 (rancher/fleet#399, #513), later with helm's
      // default v1.20.0 (rancher/fleet#2053, #2187).
      String.raw`(?:handler\s+bundle|error\s+running\s+helm\s+template\s+for\s+bundle\s+[\w.-]+[^:\n]{0,60})\s*:\s*[Cc]hart\s+requires\s+kubeVersion\s*:\s*(?<constraint>.+?)\s+which\s+is\s+incompatible\s+with\s+Kubernetes\s+(?<cluster>{V})`,
    ],
    versions: ["cluster"],
    roles: { cluster: "Kubernetes version the chart was rendered for", constraint: "chart's kubeVersion constraint" },
    // Above helm-kubeversion-incompatible (50), which reads the same tail as the cluster's version.
    priority: 55,
    meaning:
      "Fleet's controller renders a bundle's Helm chart itself, not against the target cluster: older Fleet with a hard-coded Kubernetes v1.18.0, later Fleet with helm's default v1.20.0 when it computes resource keys and status. A chart whose kubeVersion excludes that stand-in fails there whatever the downstream clusters run.",
    causes: ["A Fleet bug: the chart's kubeVersion (>=1.19, >=1.22, …) rejects Fleet's stand-in version, not the cluster's (rancher/fleet#399)."],
    fixes: [
      "Upgrade Fleet (Rancher 2.7.4 / Fleet 0.7 and later render for the target cluster's version); until then, remove kubeVersion from the chart (a fleet.yaml overlay or a forked chart) or pin a chart release without it.",
    ],
    references: ["https://github.com/rancher/fleet/issues/399", "https://github.com/rancher/fleet/issues/513"],
    examples: [
      {
        // A Fleet that renders for the target cluster passes its real version: the chart's own limit (diagnoseHelm).
        line: `level=error msg="error syncing 'fleet-default/apps-longhorn': handler bundle: chart requires kubeVersion: < 1.25.0-0 which is incompatible with Kubernetes v1.25.9+rke2r1, requeuing"`,
        captures: { constraint: "< 1.25.0-0", cluster: "v1.25.9+rke2r1" },
      },
    ],
    // Matched and dismissed (not-skew), so neither a cause nor a warning.
    nearMisses: [
      // rancher/rancher#35025 (cluster v1.20.4)
      `10/1/2021 4:57:49 PM time="2021-10-01T14:57:49Z" level=error msg="error syncing 'fleet-default/common-common-ingress-controller': handler bundle: chart requires kubeVersion: >=1.19.0-0 which is incompatible with Kubernetes v1.18.0, requeuing"`,
      // rancher/fleet#2053
      `time="2024-01-10T08:31:02Z" level=info msg="While calculating status.ResourceKey, error running helm template for bundle mcc-dev-sandbox-managed-system-upgrade-controller with target options from : chart requires kubeVersion: >= 1.23.0-0 which is incompatible with Kubernetes v1.20.0"`,
    ],
  },
  {
    id: "kube-minor-plus-unparsed",
    title: "A tool could not parse the server's Kubernetes version",
    family: "generic",
    severity: "warning",
    flake: false,
    anchors: ["unsupported kubernetes version", "invalid syntax"],
    gate: String.raw`\d\+|""|\\"\\"`,
    patterns: [
      // minio/directpv before #534 compared the server's Minor field ("22+" on EKS, GKE, TKE, OKD) to a list of bare numbers.
      String.raw`unsupported\s+kubernetes\s+version\s+(?<reported>v?1\.\d+\+)(?![\w.])`,
      // strconv on version.Info.Minor: "21+" from vendor builds (kubecfg#174, skaffold#1842, cloudnative-pg#946,
      // csi-addons#623, VictoriaMetrics/operator#449, klum#14, directpv#902).
      String.raw`strconv\.(?:Atoi|ParseUint|ParseInt)\s*:\s*parsing\s+\\?"(?<reported>\d+\+)\\?"\s*:\s*invalid\s+syntax`,
      // An empty version field where the line says it is one (aws/eks-anywhere#2373).
      String.raw`(?<field>[\w-]*\s*version)[^\n]{0,80}?strconv\.(?:Atoi|ParseUint|ParseInt)\s*:\s*parsing\s+\\?"\\?"\s*:\s*invalid\s+syntax`,
    ],
    versions: [],
    roles: { reported: "version as the server reports it", field: "version field that was empty" },
    // Above generic-version-skew, which reads "unsupported kubernetes version 1.22+" as a refused minor.
    priority: 45,
    meaning:
      "The tool read the Kubernetes version and could not turn it into a number: vendor builds (EKS, GKE, OKD, TKE, CCE) report their minor as \"21+\", which client-go documents but naive strconv parsing and exact-match version lists reject. A parsing bug in the tool, not a version skew.",
    causes: ["The tool parses version.Info.Minor with strconv (or matches it against a list) instead of parsing GitVersion as semver."],
    fixes: ["Upgrade the tool to a release that strips the \"+\" (most fixed it after the first EKS/GKE reports), or parse GitVersion; some tools take the version as a flag (--kube-version)."],
    examples: [
      {
        // aws/eks-anywhere#2373: the empty field is only a warning.
        line: `Error: failed to upgrade cluster: invalid version for Cilium in current spec: invalid major version in semver : strconv.ParseUint: parsing "": invalid syntax`,
        captures: { field: "invalid version" },
      },
    ],
    // Matched and dismissed (not-skew): the "+" minor forms.
    nearMisses: [
      // minio/directpv#549, #552
      "ERROR unsupported kubernetes version 1.22+",
      "ERROR unsupported kubernetes version 1.20+",
      // cloudnative-pg/cloudnative-pg#946; VictoriaMetrics/operator#449
      `could not detect SeccompProfile support: strconv.Atoi: parsing "21+": invalid syntax`,
      String.raw`"msg":"cannot setup manager","error":"cannot set kubernetes server version: cannot parse kubernetes server minor version: \"20+\" as uint: strconv.ParseUint: parsing \"20+\": invalid syntax"`,
      // Not matched at all: no version in sight.
      `strconv.Atoi: parsing "abc": invalid syntax`,
      `Error: strconv.ParseInt: parsing "": invalid syntax`,
    ],
  },
  {
    id: "helm-current-release-manifest-unbuildable",
    title: "helm upgrade cannot rebuild the stored release (an API the cluster no longer serves)",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["unable to build kubernetes objects from current release manifest"],
    patterns: [
      // helm 3 before 3.7 (pkg/action/upgrade.go): the same failure as helm-release-manifest-removed-api's newer wording,
      // when the stored objects fail the REST mapping (other build errors, "error validating", are not this). The wrapped
      // "no matches for kind" tail, when present, is api-no-kind-match's (40) to explain.
      String.raw`unable\s+to\s+build\s+kubernetes\s+objects\s+from\s+current\s+release\s+manifest\s*:\s*\[?(?:resource\s+mapping\s+not\s+found\s+for\s+name\s*:\s*${Q}(?<object>[\w.:-]+)${Q}|unable\s+to\s+recognize)(?:[^\n]{0,300}?no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>[\w.-]+/[\w.-]+))?`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API version in the stored release manifest", kind: "kind in the stored release manifest", object: "object helm could not map" },
    versionKinds: { apiVersion: "api-version" },
    priority: 38,
    meaning:
      "helm upgrade rebuilds the objects of the release as last deployed (the manifest stored in the release secret) to diff against; that manifest uses an API version the cluster stopped serving after a Kubernetes upgrade (PodSecurityPolicy in 1.25, Ingress extensions/v1beta1 in 1.22), so the upgrade fails even with a fixed chart.",
    causes: ["The release was deployed before the cluster was upgraded past the removal of an API it uses."],
    fixes: [
      "Rewrite the stored release with the helm-mapkubeapis plugin (helm mapkubeapis RELEASE -n NAMESPACE), then upgrade with a chart that no longer uses the removed API.",
    ],
    references: ["https://github.com/helm/helm-mapkubeapis", "https://helm.sh/docs/topics/kubernetes_apis/"],
    examples: [
      // rancher/rancher#40651 (calico's release after RKE2 1.24 to 1.25), cut as posted
      {
        line: `Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: resource mapping not found for name: "tigera-operator" namespace: "" from "": no`,
        captures: { object: "tigera-operator" },
      },
    ],
    nearMisses: [
      'Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: error validating "": error validating data: unknown object type "nil" in Secret.data.password',
    ],
  },
  {
    id: "gke-version-invalid",
    title: "GKE refuses the requested cluster version as invalid",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["Error 400: Version", "container.googleapis.com"],
    patterns: [
      // The GKE API's InvalidArgument for a version outside get-server-config's valid lists, through the Go client
      // (Terraform's googleapi wrapper) and the Python client's HttpError; gcloud's "message=" form is
      // managed-version-unsupported's.
      String.raw`googleapi\s*:\s*Error\s+400\s*:\s*Version\s+(?:${Q}(?<requested>{V})${Q}\s+)?is\s+invalid`,
      String.raw`container\.googleapis\.com[^\n]{0,300}?returned\s+${Q}Version\s+${Q}(?<requested>{V})${Q}\s+is\s+invalid`,
    ],
    versions: ["requested"],
    roles: { requested: "requested GKE version" },
    priority: 45,
    meaning:
      "GKE accepts only the versions its zone currently offers (gcloud container get-server-config); an older API answered a retired or mistyped version with a bare \"Version is invalid\", later ones name it. A pinned 1.x.y-gke.N stops working as soon as GKE retires it.",
    causes: ["A pinned GKE version (an acceptance test, a module default, a tutorial) that GKE has since retired from the zone's valid versions."],
    fixes: ["Pin only the minor (or use a release channel) and let GKE pick the patch; in Terraform read data.google_container_engine_versions instead of a literal."],
    references: ["https://cloud.google.com/kubernetes-engine/docs/release-notes"],
    examples: [
      // hashicorp/terraform-provider-google#489 (acceptance test pinned a retired version): no version named, a warning
      { line: "\t\t* google_container_cluster.with_version: googleapi: Error 400: Version is invalid., badRequest" },
      {
        // kubeflow/trainer#268
        line: String.raw`ERROR:root:Exception occured creating cluster: <HttpError 400 when requesting https://container.googleapis.com/v1/projects/kubeflow-rl/zones/us-east1-d/clusters?alt=json returned "Version "1.8.1-gke.1" is invalid.">, status: 400`,
        captures: { requested: "1.8.1-gke.1" },
      },
    ],
  },
  {
    id: "aks-agentpool-versions-mixed",
    title: "AKS cluster update refused: agent pool versions differ from the control plane",
    family: "managed",
    severity: "warning",
    flake: false,
    anchors: ["OrchestratorVersion must be all specified or all unspecified"],
    patterns: [
      // AKS's NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged, for a PUT of the whole managed cluster.
      String.raw`all\s+Agent\s+pools'?\s+OrchestratorVersion\s+must\s+be\s+all\s+specified\s+or\s+all\s+unspecified`,
    ],
    versions: [],
    priority: 45,
    meaning:
      "An update through the managed-cluster API (az aks update, Terraform's azurerm_kubernetes_cluster, ARM/Bicep) must give every agent pool's orchestratorVersion, unchanged or equal to the control plane's, or give none. Pools on other versions than the control plane (a pool left behind after an upgrade, pools upgraded on their own) make every whole-cluster update fail, whatever it changes.",
    causes: [
      "Agent pools lag (or were upgraded apart from) the control plane, and the tool sends their versions in a cluster-level update.",
      "Some pools defined in the cluster resource with a version and others managed separately without one (azurerm node pool resources, ARO-HCP#662).",
    ],
    fixes: [
      "Bring every pool to the control plane's version (az aks nodepool upgrade, or az aks upgrade --node-image-only where only images differ), or change pools with the per-pool API.",
      "In Terraform/Bicep set all pools' orchestrator_version to the cluster's kubernetes_version, or leave all of them unset.",
    ],
    references: ["https://aka.ms/agent-pool-rest-api"],
    examples: [
      {
        // Azure/azure-cli#22807, #25319
        line: "(NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged) Using managed cluster api, all Agent pools' OrchestratorVersion must be all specified or all unspecified. If all specified, they must be stay unchanged or the same with control plane. For agent pool specific change, please use per agent pool operations: https://aka.ms/agent-pool-rest-api",
      },
      {
        // hashicorp/terraform-provider-azurerm#23436 (TRACE response body)
        line: String.raw`  "message": "Using managed cluster api, all Agent pools' OrchestratorVersion must be all specified or all unspecified. If all specified, they must be stay unchanged or the same with control plane. For agent pool specific change, please use per agent pool operations: https://aka.ms/agent-pool-rest-api",`,
      },
    ],
  },
  {
    id: "rosa-role-policy-version-behind",
    title: "ROSA upgrade needs the account/operator role policies of the target version",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["Role policies are not valid with upgrade version", "roles need to be upgraded to proceed"],
    patterns: [
      // openshift/rosa cmd/upgrade/cluster, across releases: "Account Role policies…", "Account and/Or Operator Role
      // policies…", "Account/Operator Role policies are not valid with upgrade version %s".
      String.raw`(?:Account(?:\s+and/[Oo]r\s+[Oo]perator|/Operator)?|Operator)\s+Role\s+policies\s+are\s+not\s+valid\s+with\s+upgrade\s+version\s+(?<target>\d+\.\d+(?:\.\d+)?)`,
      // The error when the role upgrade it prompts for is declined (or cannot be asked).
      String.raw`(?<roles>Account|Operator)\s+roles\s+need\s+to\s+be\s+upgraded\s+to\s+proceed`,
    ],
    versions: ["target"],
    roles: { target: "OpenShift version the upgrade asks for", roles: "which roles" },
    versionKinds: { target: { kind: "component", component: "OpenShift" } },
    priority: 50,
    meaning:
      "An STS ROSA cluster upgrades to a new OpenShift minor only when its account roles' and operator roles' IAM policies are at that minor's version: the roles were created for an older OpenShift than the upgrade target, and rosa upgrade cluster stops until they are upgraded.",
    causes: ["The account/operator role policies were created for the cluster's current (older) minor and not upgraded before the cluster upgrade; in CI, rosa's prompt to upgrade them gets no answer."],
    fixes: [
      "Upgrade the roles first (rosa upgrade roles -c <cluster> --cluster-version=<target> --mode=auto; older rosa: rosa upgrade account-roles --prefix <prefix>, then rosa upgrade operator-roles), then rerun rosa upgrade cluster with -m auto in non-interactive jobs.",
    ],
    references: ["https://docs.openshift.com/rosa/upgrading/rosa-upgrading-sts.html"],
    examples: [
      // openshift/rosa#571 (rosa upgrade cluster to 4.9.13)
      { line: "E: Account roles need to be upgraded to proceed", captures: { roles: "Account" } },
      { line: "I: Account and/Or Operator Role policies are not valid with upgrade version 4.9.13. Run the following command(s) to upgrade the roles:", captures: { target: "4.9.13" } },
    ],
  },
  {
    id: "helm-tiller-downgrade-refused",
    title: "helm 2 refuses to replace a newer Tiller with its own older release",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["current Tiller version is newer"],
    patterns: [
      // helm 2 (cmd/helm/installer, helm/helm#2805): helm init --upgrade compares the Tiller image tag with its own version.
      String.raw`current\s+[Tt]iller\s+version\s+is\s+newer,?\s+use\s+--force(?:-upgrade)?\s+to\s+downgrade`,
    ],
    versions: [],
    priority: 50,
    meaning:
      "helm init --upgrade only moves Tiller forward: the Tiller deployed in the cluster is a newer helm 2 release than the client running the upgrade (someone, or another pipeline, upgraded it with a newer helm).",
    causes: [
      "The CI image carries an older helm 2 client than the one that last ran helm init --upgrade against the cluster.",
      "helm 2.8.0 alone also refused the same version (helm/helm#3392), fixed in 2.8.1.",
    ],
    fixes: [
      "Use the helm client of Tiller's release (helm version shows both), or pass --force-upgrade to move Tiller back to the client's release on purpose.",
    ],
    references: ["https://github.com/helm/helm/pull/2805", "https://github.com/helm/helm/issues/3392"],
    examples: [
      // jupyterhub/mybinder.org-deploy#1220 (Travis), helm/helm#3392
      { line: "Error: error when upgrading: current Tiller version is newer, use --force-upgrade to downgrade" },
      // mkubaczyk/helmsman#156 (image with helm 2.10 against Tiller 2.11)
      { line: "ERROR: while deploying Helm Tiller in namespace [helmsman-test]: Error: error when upgrading: current Tiller version is newer, use --force-upgrade to downgrade" },
    ],
  },
  {
    id: "k3d-node-log-line-timeout",
    title: "k3d gave up waiting for a k3s node's readiness log line",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["stopped returning log lines"],
    patterns: [
      // k3d v5 (pkg/client/node.go NodeWaitForLogMessage): each node is ready when k3s prints a known line; k3d and the
      // k3s image agree on those lines only within a range of releases.
      String.raw`errors?\s+waiting\s+for\s+log\s+line\s+\x60?(?<logLine>[^\x60'\n]{3,60}?)\x60?\s+from\s+node\s+'(?<node>[^'\n]+)'\s*:\s*stopped\s+returning\s+log\s+lines(?<restarting>\s*:\s*node\s+[^\s]+\s+is\s+running=true\s+in\s+status=restarting)?`,
    ],
    versions: [],
    roles: { logLine: "log line k3d waited for", node: "k3d node" },
    priority: 45,
    meaning:
      "k3d waits for each k3s container to print a known log line (\"k3s is up and running\", \"Cluster dns configmap\", \"Containerd is now running\"); the container stopped (or restarts) before printing it. Most often k3d and the k3s image are from different eras: an older k3d with newer k3s images, or a k3s older than the lines a newer k3d waits for. A k3s that crashes for its own reasons (cgroups, disk, a bad flag) reads the same.",
    causes: [
      "An older k3d with a newer k3s image or runtime (k3d before 5.7.4 with the k3s images of late 2024: cloudogu/gitops-playground#230, defenseunicorns/uds-core#1096).",
      "A k3s image older than the lines this k3d waits for (k3d 5.2+ with k3s before 1.19: k3d-io/k3d#897), or a k3s that dropped a line (k3d-io/k3d#1248).",
      "k3s itself crash-looping on the host (cgroup v2 without the needed controllers, a bad --k3s-arg).",
    ],
    fixes: [
      "Upgrade k3d (or pin the k3s image to a release of the k3d's era with --image rancher/k3s:<version>); docker logs <node> shows why k3s stopped.",
    ],
    references: ["https://github.com/k3d-io/k3d/issues/897", "https://github.com/k3d-io/k3d/issues/1481"],
    examples: [
      {
        // cloudogu/gitops-playground#230 (fixed by k3d 5.7.4)
        line: "ERRO[0001] Failed Cluster Start: Failed to start server k3d-gitops-playground-server-0: Node k3d-gitops-playground-server-0 failed to get ready: error waiting for log line k3s is up and running from node 'k3d-gitops-playground-server-0': stopped returning log lines: node k3d-gitops-playground-server-0 is running=true in status=restarting ",
        captures: { logLine: "k3s is up and running", node: "k3d-gitops-playground-server-0" },
      },
      {
        // k3d-io/k3d#897 (k3d 5.2 with rancher/k3s:v1.18.20-k3s1)
        line: "ERRO[0132] Failed Cluster Start: error during post-start cluster preparation: errors waiting for log line `Cluster dns configmap` from node 'k3d-foo-server-0': stopped returning log lines: context deadline exceeded",
        captures: { logLine: "Cluster dns configmap", node: "k3d-foo-server-0" },
      },
      {
        // k3d-io/k3d#873 (k3d 5.1.0 on Docker 20.10.11)
        line: "ERRO[0003] Failed Cluster Start: Failed to start server k3d-k3s-default-server-0: Node k3d-k3s-default-server-0 failed to get ready: error waiting for log line `k3s is up and running` from node 'k3d-k3s-default-server-0': stopped returning log lines ",
        captures: { logLine: "k3s is up and running" },
      },
    ],
    nearMisses: ["DEBU[0001] Waiting for node k3d-k3s-default-server-0 to get ready (Log: 'k3s is up and running') "],
  },
  {
    id: "eksctl-coredns-asset-missing",
    title: "eksctl has no CoreDNS manifest for the cluster's Kubernetes minor",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["assets/coredns-"],
    patterns: [
      // eksctl utils update-coredns reads pkg/addons/default/assets/coredns-<minor>.json compiled into the release.
      String.raw`open\s+(?:pkg/addons/default/)?assets/(?<addon>coredns)-(?<kubernetes>\d+\.\d+)\.json\s*:\s*(?:file\s+does\s+not\s+exist|file\s+doesn'?t\s+exist|no\s+such\s+file\s+or\s+directory)`,
    ],
    versions: ["kubernetes"],
    roles: { kubernetes: "cluster's Kubernetes minor", addon: "self-managed add-on" },
    versionKinds: { kubernetes: "kubernetes" },
    priority: 50,
    meaning:
      "eksctl updates the self-managed CoreDNS add-on from a manifest per Kubernetes minor embedded in each release; this eksctl has none for the cluster's minor. The release predates that EKS minor, or (1.32 to 1.36) shipped before the asset was added.",
    causes: [
      "The cluster was upgraded to a minor newer than the eksctl release in use.",
      "eksctl released support for the minor without its CoreDNS asset (eksctl-io/eksctl#8222 for 1.32, #8791 for 1.36, fixed in a later release).",
    ],
    fixes: [
      "Upgrade eksctl to a release that carries assets/coredns-<minor>.json (1.23: 0.109.0; 1.36: 0.230.0), or manage CoreDNS as the EKS add-on (aws eks create-addon --addon-name coredns).",
    ],
    references: ["https://github.com/eksctl-io/eksctl/tree/main/pkg/addons/default/assets"],
    examples: [
      // eksctl-io/eksctl#8679 (eksctl 0.216.0 on EKS 1.35)
      { line: "Error: open assets/coredns-1.35.json: file does not exist", captures: { kubernetes: "1.35" } },
      // eksctl-io/eksctl#8791 (eksctl 0.228.0, fixed in 0.230.0)
      { line: `Error "open assets/coredns-1.36.json: file doesn't exist'`, captures: { kubernetes: "1.36" } },
      // eksctl-io/eksctl#8237 (eksctl's own asset update job)
      { line: "2025/02/21 01:31:59 failed to read coredns-1.32.json: open pkg/addons/default/assets/coredns-1.32.json: no such file or directory", captures: { kubernetes: "1.32" } },
    ],
  },
  {
    id: "tanzu-tkr-unresolved",
    title: "Tanzu's TKR resolver finds no Tanzu Kubernetes release for the requested version",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["could not resolve TKR/OSImage"],
    patterns: [
      // tanzu-framework pkg/v2/tkr/webhook/cluster/tkr-resolver (errUnresolved): candidate TKRs must match the
      // topology.version prefix, be compatible with the management cluster and not deactivated, and have an OSImage
      // matching the selector.
      String.raw`could\s+not\s+resolve\s+TKR/OSImage\s+for\s+(?<parts>(?:controlPlane,\s*)?machineDeployments\s*:\s*\[[^\]\n]*\])(?:\s*,\s*query\s*:\s*\{\s*controlPlane\s*:\s*\{\s*k8sVersionPrefix\s*:\s*\\?'(?<requested>v?\d+\.\d+[\w.+-]*)\\?')?`,
    ],
    versions: [],
    roles: { requested: "TKR version prefix asked for", parts: "cluster parts left unresolved" },
    priority: 45,
    meaning:
      "The TKR resolver webhook found no Tanzu Kubernetes release matching the cluster's topology.version (a TKR version or a Kubernetes version prefix) that is also compatible with this management cluster, active, and has an OS image matching the selector: usually a version the management cluster's TKG release does not ship (a template or plan written for another TKG), sometimes only the OS image selector.",
    causes: [
      "The version asked for is a TKR of another TKG release (a template not bumped with TKG: vmware-tanzu/tanzu-framework#3574), or one not yet synced or marked incompatible on this management cluster.",
      "No OS image of that TKR matches the osImageSelector (os-name, image-type, arch).",
    ],
    fixes: ["List what the management cluster offers (kubectl get tkr, tanzu kubernetes-release get) and ask for one of those versions, or upgrade the management cluster to the TKG release that ships the TKR."],
    references: ["https://github.com/vmware-tanzu/tanzu-framework/issues/3601", "https://github.com/vmware-tanzu/tanzu-framework/pull/3574"],
    examples: [
      {
        // vmware-tanzu/tanzu-framework#3574
        line: "Error from server (could not resolve TKR/OSImage for controlPlane, machineDeployments: [md-0], query: {controlPlane: {k8sVersionPrefix: 'v1.23.8+vmware.2-tkg.1-zshippable',..",
        captures: { requested: "v1.23.8+vmware.2-tkg.1-zshippable" },
      },
      {
        // vmware-tanzu/tanzu-framework#3601
        line: "Error from server (could not resolve TKR/OSImage for machineDeployments: [tkg-md-1 tkg-md-2], query: {controlPlane: {k8sVersionPrefix: 'v1.23.8+vmware.2-tkg.1-zshippable', tkrSelector: '', osImageSelector: 'image-type=ova,os-name=photon'}",
        captures: { parts: "machineDeployments: [tkg-md-1 tkg-md-2]" },
      },
    ],
  },
  {
    id: "microk8s-addon-not-in-repository",
    title: "MicroK8s finds the addon in none of its addon repositories",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["was not found in any repository"],
    patterns: [
      // microk8s scripts/wrappers/common/utils.py (parse_xable_single_arg).
      String.raw`Addon\s+(?<addon>[\w./-]+)\s+was\s+not\s+found\s+in\s+any\s+repository`,
    ],
    versions: [],
    roles: { addon: "addon asked for" },
    priority: 45,
    meaning:
      "microk8s enable looks the addon up in the addon repositories checked out on the node. A snap refresh does not update them (addons are workloads), so after a refresh the core repository stays on the old release's branch and addons added in later releases are missing; an addon not built for the architecture, or a community addon without microk8s enable community, reads the same.",
    causes: [
      "MicroK8s refreshed to a newer release while /var/snap/microk8s/common/addons/core stayed on the old branch (rook-ceph after 1.27 to 1.28: canonical/microk8s#4191, #4830).",
      "The addon is not available for this architecture (arm64, canonical/microk8s-community-addons#62), or lives in the community repository, not enabled.",
    ],
    fixes: ["Run microk8s addons repo update core (and community) after a snap refresh; microk8s status lists what the repositories offer."],
    references: ["https://github.com/canonical/microk8s/issues/4191", "https://github.com/canonical/microk8s/issues/4830"],
    examples: [
      // canonical/microk8s#4830 (1.32 after a refresh), #4191 (1.27 to 1.28)
      { line: "Addon rook-ceph was not found in any repository", captures: { addon: "rook-ceph" } },
    ],
    nearMisses: [
      // canonical/microk8s-community-addons#62: amd64-only on an arm64 Mac (dismissed: not an addon the table places)
      "Addon fluent was not found in any repository",
      "Package 'left-pad' was not found in any repository.",
    ],
  },
];
