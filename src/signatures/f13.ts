import type { Signature } from "../model.js";

// Rules from the fresh-13 tuning set. Their reasoning lives in src/diagnose/area-f13.ts; real lines and near-misses
// in test/fixtures/real-world/lines-14f13.jsonl.

// Quotes as Ansible prints them in its JSON result, or JSON-escaped once more by a CI log dump.
const Q = String.raw`\\?"`;

// Operator flags whose threads show a chart and an image of different releases; their projects and releases are in
// src/diagnose/area-f13.ts (OPERATOR_FLAG_RELEASES).
const OPERATOR_FLAGS = [
  "enable-batch-scheduler",
  "label-selector-filter",
  "webhook-timeout",
  "enable-ui-service",
  "docker-registry-mirror",
  "watched-dir",
  "zap-level",
  String.raw`web\.enable-tls`,
  "session-ttl",
  "allow-ingress-hostname-collision",
  "set-workload-user-id",
  "enable-leader-election",
];

export const f13Signatures: Signature[] = [
  {
    id: "postgres-operator-pdb-api-removed",
    title: "Zalando postgres-operator before 1.9 creates policy/v1beta1 PodDisruptionBudgets, which Kubernetes 1.25 removed",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["could not create pod disruption budget"],
    patterns: [
      // The operator's wording (pkg/cluster): its PDB client is policy/v1beta1 before release 1.9, and the API server of 1.25+
      // answers 404 for the whole group version.
      String.raw`could\s+not\s+create\s+pod\s+disruption\s+budget\s*:\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: [],
    priority: 50,
    meaning:
      "Zalando's postgres-operator creates a PodDisruptionBudget for each Postgres cluster. Releases before 1.9 use policy/v1beta1, which Kubernetes 1.25 stopped serving, so cluster creation and every sync fail on a 1.25+ cluster.",
    causes: ["A postgres-operator release before v1.9.0 (or a chart pinning one) on Kubernetes 1.25 or newer."],
    fixes: ["Upgrade postgres-operator to v1.9.0 or later (policy/v1 PDBs, zalando/postgres-operator#2008), or keep the cluster below 1.25 until then."],
    references: ["https://github.com/zalando/postgres-operator/pull/2008", "https://github.com/zalando/postgres-operator/issues/1999", "https://github.com/zalando/postgres-operator/issues/2098"],
    examples: [
      {
        line: `time="2022-10-17T13:36:00Z" level=error msg="could not sync cluster: could not sync pod disruption budget: could not create pod disruption budget: the server could not find the requested resource" cluster-name=default/csmsc-cluster pkg=controller worker=0`,
      },
    ],
    nearMisses: [`time="2022-10-17T13:36:00Z" level=info msg="could not find the cluster's pod disruption budget" cluster-name=default/csmsc-cluster pkg=cluster worker=0`],
  },
  {
    id: "kubekey-version-checksum-missing",
    title: "KubeKey has no checksum for the requested Kubernetes (or component) release: kk is older than the release",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["No SHA256 found for"],
    patterns: [
      // kubekey's binary download (pkg/files): every release it can install has a SHA256 compiled into kk.
      String.raw`No\s+SHA256\s+found\s+for\s+(?<binary>[\w.-]+?)\.\s+(?<version>v?{V})\s+is\s+not\s+supported`,
    ],
    versions: ["version"],
    roles: { version: "release kk was asked to install", binary: "binary kk looked up" },
    versionKinds: { version: "kubernetes" },
    priority: 50,
    meaning:
      "KubeKey (kk) downloads each binary only when its compiled-in table has a SHA256 for that release; the requested Kubernetes (or etcd, containerd, helm) release is not in this kk build's table, so the kk binary is older than the release asked for.",
    causes: ["A kk release that predates the requested Kubernetes patch or minor (kk 2.2.2 and v1.25.4, kk 3.0.7 and v1.26.2, kk 3.0.13 and v1.28.2)."],
    fixes: [
      "Upgrade kk to a release whose supported-versions list includes the requested version (kk version --show-supported-k8s), or request a version this kk supports.",
    ],
    references: ["https://github.com/kubesphere/kubekey/issues/116", "https://github.com/kubesphere/kubekey/issues/2079", "https://github.com/kubesphere/kubekey/issues/1768"],
    examples: [
      {
        line: "Failed to download kubeadm binary: curl -L -o /root/kubekey/kube/v1.28.2/amd64/kubeadm https://kubernetes-release.pek3b.qingstor.com/release/v1.28.2/bin/linux/amd64/kubeadm error: No SHA256 found for kubeadm. v1.28.2 is not supported. ",
        captures: { binary: "kubeadm", version: "v1.28.2" },
      },
    ],
    nearMisses: ["downloading amd64 kubeadm v1.28.2 ..."],
  },
  {
    id: "helm3-crd-install-hook-skipped",
    title: "Helm 3 skips a chart's Helm 2 crd-install hook (a chart written for Helm 2)",
    family: "helm",
    // Often harmless (the chart also ships crds/, or the CRDs exist already), so at most likely skew.
    severity: "warning",
    flake: false,
    anchors: ["skipping unknown hook"],
    patterns: [String.raw`skipping\s+unknown\s+hook\s*:\s*\\?"(?<hook>crd-install)\\?"`],
    versions: [],
    roles: { hook: "Helm 2 hook Helm 3 ignores" },
    priority: 50,
    meaning:
      "Helm 3 removed Helm 2's crd-install hook and drops every template annotated with it, so a chart written for Helm 2 gets no CRDs from those templates; unless the chart also ships them in crds/ or they already exist, its custom resources and controllers fail afterwards.",
    causes: ["A chart (or a subchart) written for Helm 2, installed with Helm 3."],
    fixes: ["Use a chart release that ships its CRDs in crds/ (Helm 3), or apply the CRDs before installing the chart."],
    references: ["https://helm.sh/docs/chart_best_practices/custom_resource_definitions/", "https://github.com/argoproj/argo-helm/issues/169", "https://github.com/open-policy-agent/gatekeeper/issues/846"],
    examples: [{ line: `manifest_sorter.go:192: info: skipping unknown hook: "crd-install"`, captures: { hook: "crd-install" } }],
    nearMisses: [`    "helm.sh/hook": crd-install`],
  },
  {
    id: "operator-flag-chart-newer-than-image",
    title: "An operator's chart passes a flag its container image does not have (chart and image releases out of step)",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["flag provided but not defined", "unknown flag: --"],
    patterns: [
      // Only flags whose threads show a chart (or a scaffold) ahead of or behind the operator image: a bare unknown flag of
      // an unnamed program is a typo as often as a release difference, and k8s-component-unknown-flag dismisses those.
      String.raw`(?:flag\s+provided\s+but\s+not\s+defined\s*:\s*-{1,2}|unknown\s+flag\s*:\s*--)(?<flag>${OPERATOR_FLAGS.join("|")})(?![\w.-])`,
    ],
    versions: [],
    roles: { flag: "flag the chart passes and the image lacks" },
    // Above k8s-component-unknown-flag (60), which knows Kubernetes components and client tools, not operators.
    priority: 65,
    meaning:
      "The operator's pod exits at start-up because its arguments, rendered by the Helm chart (or a parent chart, an operator that deploys it), include a flag this image's binary does not define: the chart is newer than the image tag it runs (a pinned or 'latest' tag that lags the chart's appVersion), or older than an image that renamed the flag.",
    causes: [
      "image.tag pinned (or a parent chart pinning the sidecar image) to a release older than the chart that started passing the flag.",
      "A chart published before the matching image (a default tag such as 'latest' or the previous appVersion).",
      "An image that renamed the flag (kubebuilder's --enable-leader-election became --leader-elect) under a chart that still passes the old name.",
    ],
    fixes: [
      "Run the image release the chart was written for (leave image.tag at the chart's appVersion, or upgrade the parent chart that pins it).",
      "Or use the chart release that matches the pinned image, or turn off the chart value that adds the flag.",
    ],
    references: [
      "https://github.com/kubeflow/spark-operator/issues/1392",
      "https://github.com/kubeflow/spark-operator/issues/1274",
      "https://github.com/prometheus-community/helm-charts/issues/308",
      "https://github.com/operator-framework/operator-lifecycle-manager/issues/2872",
      "https://github.com/actions/actions-runner-controller/issues/789",
    ],
    examples: [
      { line: "flag provided but not defined: -webhook-timeout", captures: { flag: "webhook-timeout" } },
      { line: " flag provided but not defined: -enable-ui-service", captures: { flag: "enable-ui-service" } },
      { line: "Error: unknown flag: --set-workload-user-id", captures: { flag: "set-workload-user-id" } },
    ],
    nearMisses: [
      "+ exec /sbin/tini -s -- /usr/bin/spark-operator -v=2 -namespace= -enable-batch-scheduler=false -enable-metrics=true",
      "  -enable-batch-scheduler",
      "flag provided but not defined: -webhook-timeout-seconds",
    ],
  },
  {
    id: "ansible-kube-version-assert-failed",
    title: "An installer playbook's assert on the Kubernetes version failed (Kubespray, ks-installer, kubean)",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["is version("],
    patterns: [
      // Ansible's assert module prints the failed expression under "assertion" only when it evaluated to false. The
      // variable must name the Kubernetes version (kube_version, kubernetes_version.stdout, k8s_version), so the
      // installers' Ansible and Python checks stay out.
      String.raw`${Q}assertion${Q}\s*:\s*${Q}(?<variable>[\w.]*(?:kube|k8s)[\w.]*version[\w.]*)\s+is\s+version\(\s*(?:'(?<bound>v?{V})'|(?<boundVar>[A-Za-z_][\w.]*))\s*,\s*['\\"]+(?<op>[<>=!]{1,2})['\\"]+\s*\)`,
    ],
    versions: ["bound"],
    roles: { bound: "Kubernetes version the playbook compares against", variable: "Kubernetes version variable the playbook checked" },
    versionKinds: { bound: "kubernetes" },
    priority: 50,
    meaning:
      "The installer's playbook stops before touching the cluster when the Kubernetes version it reads (the running cluster's, or the one requested in the inventory) lies outside the range this installer release supports; Ansible printed the failed comparison.",
    causes: [
      "An installer release older than the cluster (ks-installer 2.x on Kubernetes 1.16+, KubeSphere before 3.0 on 1.18): the playbook caps the version it knows.",
      "A Kubernetes version requested below the installer's minimum (Kubespray's kube_version_min_required rises with each release).",
    ],
    fixes: [
      "Use the installer release whose supported range includes the cluster (KubeSphere 3.0 for Kubernetes 1.18; the Kubespray release of the wanted minor).",
      "Request a kube_version inside the release's supported range (roles/kubespray-defaults: kube_version_min_required).",
    ],
    references: [
      "https://github.com/kubernetes-sigs/kubespray/issues/6191",
      "https://github.com/kubesphere/kubesphere/issues/2922",
      "https://github.com/kubesphere/ks-installer/issues/526",
    ],
    examples: [
      { line: String.raw`    "assertion": "kube_version is version(kube_version_min_required, '>=')",`, captures: { variable: "kube_version", boundVar: "kube_version_min_required", op: ">=" } },
      { line: String.raw`fatal: [localhost]: FAILED! => {"assertion": "kubernetes_version.stdout is version('v1.19.0', '<')", "changed": false, "evaluated_to": false}`, captures: { variable: "kubernetes_version.stdout", bound: "v1.19.0", op: "<" } },
    ],
    nearMisses: [
      String.raw`    "assertion": "ansible_version.string is version(maximal_ansible_version, \"<\")",`,
      "    that: kube_version is version(kube_version_min_required, '>=')",
    ],
  },
  {
    id: "fabric8-versioninfo-unknown-field",
    title: "A fabric8 Kubernetes client too old for the API server's /version answer (Kubernetes 1.33 emulationMajor)",
    family: "compatibility",
    severity: "error",
    flake: false,
    anchors: ["kubernetes.client.VersionInfo", "Detection of Kubernetes version failed"],
    patterns: [
      // Jackson refusing a field of /version that the client's VersionInfo lacks; shaded copies (Flink) keep the class name.
      String.raw`Unrecognized\s+field\s+"(?<field>\w+)"\s+\(class\s+(?:[\w.]+\.)?io\.fabric8\.kubernetes\.client\.VersionInfo\)`,
      // Jackson's location line under the exception names the field again.
      String.raw`reference\s+chain:\s+(?:[\w.]+\.)?io\.fabric8\.kubernetes\.client\.VersionInfo\["(?<field>\w+)"\]`,
      // Strimzi's PlatformFeaturesAvailability logs this before the client's exception.
      String.raw`PlatformFeaturesAvailability:\d+\s+-\s+Detection\s+of\s+Kubernetes\s+version\s+failed`,
    ],
    versions: [],
    roles: { field: "field of the API server's /version answer the client does not know" },
    priority: 50,
    meaning:
      "A Java operator or tool built on the fabric8 kubernetes-client read the API server's /version and could not deserialise it: Kubernetes 1.33 added emulationMajor/emulationMinor (and minCompatibilityMajor/Minor), and fabric8 releases before the fix fail on unknown fields there. The client library is older than the cluster.",
    causes: [
      "An operator release (Strimzi 0.45 and older, Flink's shaded client, Quarkus 3.20) on a Kubernetes 1.33+ cluster.",
      "Older: Strimzi 0.18's fabric8 4.6 on Kubernetes 1.18, whose /version the client could not read either.",
    ],
    fixes: [
      "Upgrade the operator or tool to a release built on a fabric8 client that tolerates the new /version fields (fabric8io/kubernetes-client#7037), or keep the cluster below 1.33 until then.",
    ],
    references: [
      "https://github.com/fabric8io/kubernetes-client/issues/7037",
      "https://github.com/strimzi/strimzi-kafka-operator/issues/11456",
      "https://github.com/frankframework/frankframework/issues/10417",
      "https://github.com/DataLinkDC/dinky/issues/4533",
    ],
    examples: [
      {
        line: String.raw`Caused by: org.apache.flink.kubernetes.shaded.com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field "emulationMajor" (class org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.VersionInfo), not marked as ignorable (9 known properties: "goVersion", "gitTreeState", "platform", "minor", "gitVersion", "gitCommit", "buildDate", "compiler", "major"])`,
        captures: { field: "emulationMajor" },
      },
      { line: "2025-05-21 04:12:43 ERROR PlatformFeaturesAvailability:138 - Detection of Kubernetes version failed." },
    ],
    nearMisses: [
      "public class VersionInfo {",
      "    at io.fabric8.kubernetes.client.VersionInfo$Builder.build(VersionInfo.java:93)",
    ],
  },
  {
    id: "jupyterhub-singleuser-version-mismatch",
    title: "JupyterHub's single-user image runs another jupyterhub release than the Hub (chart and image out of step)",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["but the Hub expects"],
    patterns: [
      String.raw`Notebook\s+has\s+jupyterhub\s+version\s+(?<singleuser>\d+\.\d+(?:\.\w+)*|unknown)(?:\s+\(likely\s+<\s+[\d.]+\))?\s*,\s+but\s+the\s+Hub\s+expects\s+(?<hub>\d+\.\d+(?:\.\w+)*)`,
    ],
    versions: ["singleuser", "hub"],
    roles: { singleuser: "jupyterhub release in the single-user (notebook) image", hub: "JupyterHub (Hub) release" },
    priority: 50,
    meaning:
      "The Hub detected an OAuth redirect loop with a single-user server and found that the image's jupyterhub package differs from the Hub's release: the notebook image was built for another JupyterHub (or Zero to JupyterHub chart) version than the one deployed.",
    causes: [
      "A custom singleuser image (or an old default tag kept in values) whose jupyterhub package lags or leads the Hub the chart deploys.",
    ],
    fixes: ["Install the Hub's jupyterhub version in the single-user image (pip install jupyterhub==<hub version>), or pin the chart to the release the image was built for."],
    references: [
      "https://github.com/jupyterhub/jupyterhub/issues/1367",
      "https://github.com/jupyterhub/jupyterhub/issues/709",
      "https://github.com/jupyterhub/zero-to-jupyterhub-k8s/issues/1521",
    ],
    examples: [
      {
        line: "[W 2017-09-13 09:56:26.848 JupyterHub web:1587] 500 GET /hub/user/jbolger/tree?redirects=2 (::ffff:172.19.0.1): Redirect loop detected. Notebook has jupyterhub version unknown (likely < 0.8), but the Hub expects 0.8.0.b5. Try installing jupyterhub==0.8.0.b5 in the user environment if you continue to have problems.",
        captures: { singleuser: "unknown", hub: "0.8.0.b5" },
      },
    ],
    nearMisses: ["[D 2018-08-10 12:57:51.607 JupyterHub _version:53] jupyterhub and jupyterhub-singleuser both on version 0.9.1"],
  },
];
