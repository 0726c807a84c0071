import type { Signature } from "../model.js";

const Q = String.raw`"?`;

export const helmSignatures: Signature[] = [
  {
    id: "helm-kubeversion-incompatible",
    title: "Chart does not support this Kubernetes version",
    family: "helm",
    severity: "error",
    flake: true,
    anchors: ["which is incompatible with Kubernetes", "chart requires kubeVersion"],
    patterns: [
      String.raw`[Cc]hart\s+requires\s+kube(?:rnetes)?Version\s*:\s*(?<constraint>.+?)\s+which\s+is\s+incompatible\s+with\s+Kubernetes(?:\s+(?<cluster>{V}))?`,
    ],
    versions: ["cluster"],
    roles: { cluster: "cluster version", constraint: "chart's kubeVersion constraint" },
    priority: 50,
    meaning: "helm refused to install the chart: its kubeVersion constraint rejects the cluster's version.",
    causes: [
      "The job created a cluster of another version than intended (the version was not passed to the cluster-creation step).",
      "A vendor or CI version with a pre-release suffix, which a constraint without -0 rejects.",
      "No cluster at all: helm template or helm lint checked the chart against helm's built-in default version (v1.N.0 of its client-go), not the target cluster's.",
    ],
    fixes: [
      "Use a chart version whose kubeVersion admits the cluster, or test against a supported cluster version.",
      "Write constraints as '>= 1.27.0-0' so that pre-release and vendor builds are admitted.",
    ],
    examples: [
      {
        line: "Error: chart requires kubeVersion: >= 1.27.0-0 which is incompatible with Kubernetes v1.26.15-gke.1090000",
        captures: { constraint: ">= 1.27.0-0", cluster: "v1.26.15-gke.1090000" },
      },
    ],
  },
  {
    id: "helm-release-manifest-removed-api",
    title: "helm upgrade: the stored release uses an API this Kubernetes no longer serves",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["contains removed kubernetes api", "therefore unable to build the kubernetes"],
    patterns: [
      // helm 3 (pkg/action/upgrade.go) wraps kubernetes' "no matches for kind" for the release manifest stored by
      // the previous upgrade; documentation and issue titles often stop before the wrapped error.
      String.raw`current\s+release\s+manifest\s+contains\s+removed\s+kubernetes\s+api\(s\)(?:[^\n]{0,300}?no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>[\w.-]+/[\w.-]+))?`,
      // The second half of the same message, for a line wrapped after "kubernetes api(s)".
      String.raw`for\s+this\s+kubernetes\s+version\s+and\s+it\s+is\s+therefore\s+unable\s+to\s+build\s+the\s+kubernetes(?:\s+objects)?\s*$`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API version in the stored release manifest", kind: "kind in the stored release manifest" },
    versionKinds: { apiVersion: "api-version" },
    // Below api-no-kind-match (40), which explains the whole message when the wrapped error is there; this one
    // covers the cut and wrapped forms, and the wrong-group tails that api-no-kind-match leaves alone.
    priority: 38,
    meaning:
      "helm upgrade rebuilds the objects of the release as it was last deployed (the manifest stored in the release secret) to compute the diff; that manifest uses an API version the cluster stopped serving after a Kubernetes upgrade, so helm cannot build it, even when the new chart is fixed.",
    causes: ["The release was deployed before the cluster was upgraded past the removal of an API it uses (extensions/v1beta1 Ingress in 1.22, policy/v1beta1 PodSecurityPolicy in 1.25, …)."],
    fixes: [
      "Rewrite the stored release with the helm-mapkubeapis plugin (helm mapkubeapis RELEASE -n NAMESPACE), then upgrade with a chart that uses the current APIs.",
      "Before a cluster upgrade, upgrade releases to chart versions that no longer use the APIs it removes.",
    ],
    references: ["https://helm.sh/docs/topics/kubernetes_apis/", "https://github.com/helm/helm-mapkubeapis"],
    examples: [
      // kubernetes/website#26240 (the title; GKE 1.16, helm 2.16)
      { line: "Error: current release manifest contains removed kubernetes api(s) for this kubernetes version and it is therefore unable to build the kubernetes objects for performing the diff. error from kubernetes" },
      // Docs and titles wrap or cut the message before the wrapped error.
      { line: "Error: UPGRADE FAILED: current release manifest contains removed kubernetes api(s)" },
      { line: "for this kubernetes version and it is therefore unable to build the kubernetes" },
    ],
    nearMisses: [
      // helm's other wrapper: any error building the stored objects, not only a removed API.
      'Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: error validating "": error validating data: unknown object type "nil" in Secret.data.password',
    ],
  },
  {
    id: "helm-tiller-version-incompatible",
    title: "helm 2 client and Tiller are incompatible releases",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["incompatible versions client", "client version is incompatible", "report incompatible version numbers"],
    patterns: [
      // Tiller (helm 2) refuses a client of another minor: fmt.Errorf("incompatible versions client[%s] server[%s]").
      String.raw`incompatible\s+versions\s+client\[(?<client>v?\d+\.\d+[\w.+-]*)\]\s+server\[(?<server>v?\d+\.\d+[\w.+-]*)\]`,
      // helm 2.0 pre-releases (helm/helm#1459, #2185): the same check without the versions.
      String.raw`(?:^|Error\s*:\s*)client\s+version\s+is\s+incompatible\s*$`,
      String.raw`Helm\s+and\s+Tiller\s+report\s+incompatible\s+version\s+numbers`,
    ],
    versions: ["client", "server"],
    roles: { client: "helm client version", server: "Tiller (server) version" },
    versionKinds: { client: { kind: "component", component: "helm" }, server: { kind: "component", component: "tiller" } },
    priority: 45,
    meaning:
      "Tiller, helm 2's in-cluster server, only serves helm clients of its own minor release; the helm binary of the job is another release than the Tiller installed in the cluster.",
    causes: ["A helm 2 client installed from 'latest' or upgraded on the runner while the cluster's Tiller stayed at the release helm init installed earlier (or the reverse)."],
    fixes: ["Run helm init --upgrade to move Tiller to the client's release, or install the helm client of Tiller's release (helm version shows both)."],
    references: ["https://github.com/helm/helm/issues/4730", "https://v2.helm.sh/docs/install/#upgrading-tiller"],
    examples: [
      // IBM/Db2#11, helm/charts#5239, helm/charts#17456
      { line: "Error: incompatible versions client[v2.16.1] server[v2.14.3]", captures: { client: "v2.16.1", server: "v2.14.3" } },
      { line: "Error: UPGRADE FAILED: incompatible versions client[v2.13.0] server[v2.12.0]", captures: { client: "v2.13.0", server: "v2.12.0" } },
      { line: "Error: client version is incompatible" },
    ],
    nearMisses: ["Error: could not find a ready tiller pod", "Client: &version.Version{SemVer:\"v2.12.0\", GitCommit:\"d325d2a9c179b33af1a024cdb5a4472b6288016a\", GitTreeState:\"clean\"}"],
  },
  {
    id: "helm-chart-tiller-version",
    title: "Chart's tillerVersion constraint rejects the cluster's Tiller (helm 2)",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["incompatible with Tiller"],
    patterns: [
      // helm 2 (pkg/tiller/release_server.go): Chart.yaml's tillerVersion range against Tiller's own version.
      String.raw`[Cc]hart\s+incompatible\s+with\s+Tiller\s+(?<tiller>v?\d+\.\d+[\w.+-]*)`,
    ],
    versions: ["tiller"],
    roles: { tiller: "Tiller version in the cluster" },
    versionKinds: { tiller: { kind: "component", component: "tiller" } },
    priority: 45,
    meaning: "Tiller refused the chart: its Chart.yaml asks for a newer Tiller (tillerVersion) than the one installed in the cluster.",
    causes: ["A chart release made for helm 2.10+ (or 2.11+) installed with an older Tiller, often one a managed cluster or Rancher shipped."],
    fixes: ["Upgrade Tiller (helm init --upgrade, or the platform's helm) to the chart's tillerVersion, or use a chart release for the installed Tiller."],
    references: ["https://v2.helm.sh/docs/developing_charts/#the-chart-yaml-file"],
    examples: [
      // vmware-tanzu/kubeapps#875 (kubeapps needs Tiller 2.10), scylladb/scylla-operator#70, velero-io/velero#2646
      { line: "Error: Chart incompatible with Tiller v2.6.2", captures: { tiller: "v2.6.2" } },
      { line: "Can't install release with errors: rpc error: code = Unknown desc = Chart incompatible with Tiller v2.7.0", captures: { tiller: "v2.7.0" } },
    ],
    nearMisses: ["Error: could not find tiller"],
  },
  {
    id: "helm2-chart-api-version-v2",
    title: "helm 2 given a Helm 3 chart (Chart.yaml apiVersion: v2)",
    family: "helm",
    severity: "error",
    flake: true,
    anchors: ["is not valid. The value must be"],
    patterns: [
      // helm 2's chart loader accepts only apiVersion v1; Helm 3 charts declare v2 (helm.sh/docs/topics/charts, "The apiVersion
      // field"). Helm 3 itself says 'The value must be either "v1" or "v2"' for a bad value, so only this wording is helm 2.
      // helm-unittest's own parser in its helm 2 mode prints the same after "### Error:" (quintush/helm-unittest#69: a flag,
      // --helm3, not a release), so that form is left alone.
      String.raw`(?<!###\s{0,3}Error:\s{0,3})apiVersion\s+'(?<chartApi>v2)'\s+is\s+not\s+valid\.\s+The\s+value\s+must\s+be\s+"v1"(?!\s+or)`,
    ],
    versions: [],
    roles: { chartApi: "chart API version in Chart.yaml" },
    priority: 50,
    meaning:
      "The helm binary is a Helm 2 release, which only knows chart apiVersion v1, and the chart is a Helm 3 chart (apiVersion: v2, the format Helm 3 introduced for dependencies in Chart.yaml and library charts): the chart is newer than the helm client.",
    causes: [
      "A CI image, a setup action or a tool (helmfile, Argo CD, Spinnaker, Terraform's helm provider) still running helm 2 against a chart repository that moved to Helm 3 charts.",
    ],
    fixes: ["Run the install with Helm 3 (helm 2 is unsupported since November 2020), or pin the last chart release published with apiVersion v1."],
    references: ["https://helm.sh/docs/topics/charts/#the-apiversion-field", "https://github.com/helm/helm/issues/6753"],
    examples: [
      // helm/helm#6753 (helm v2.15.0 client and Tiller, eks/appmesh-prometheus chart)
      { line: String.raw`Error: apiVersion 'v2' is not valid. The value must be "v1"`, captures: { chartApi: "v2" } },
      // falcosecurity/charts#297 (a deploy tool that shells out to helm 2)
      { line: String.raw`Wait helm template failed. Error: apiVersion 'v2' is not valid. The value must be "v1" : exit status 1`, captures: { chartApi: "v2" } },
    ],
    nearMisses: [
      // Helm 3 on a mistyped or experimental chart apiVersion.
      String.raw`Error: validation: chart.metadata.apiVersion 'v3' is not valid. The value must be either "v1" or "v2"`,
      String.raw`### Error:  apiVersion 'v2' is not valid. The value must be "v1"`,
    ],
  },
];
