import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15addons.jsonl.

// pilot-agent's own camelCase flags (istio/istio pilot/cmd/pilot-agent), which the sidecar injection template and the
// gateway charts of each Istio release pass: a pilot-agent that refuses one runs under a template of another release.
// Kebab-case and generic names (--concurrency, --trust-domain, --configPath's peers in other tools) are left out.
export const PILOT_AGENT_FLAGS = [
  "statusPort",
  "applicationPorts",
  "kubeAppProberConfig",
  "controlPlaneBootstrap",
  "controlPlaneAuthPolicy",
  "proxyComponentLogLevel",
  "proxyLogLevel",
  "dnsRefreshRate",
  "discoveryRefreshDelay",
  "discoveryAddress",
  "serviceCluster",
  "zipkinAddress",
  "statsdUdpAddress",
  "envoyMetricsServiceAddress",
  "envoyAccessLogServiceAddress",
  "datadogAgentAddress",
  "lightstepAddress",
  "lightstepAccessToken",
  "lightstepSecure",
  "lightstepCacertPath",
  "disableInternalTelemetry",
  "mixerIdentity",
  "parentShutdownDuration",
  "drainDuration",
  "customConfigFile",
  "templateFile",
  "outlierLogPath",
  "stsPort",
  "tokenManagerPlugin",
];

export const addons15Signatures: Signature[] = [
  {
    id: "cert-manager-conversion-webhook-rejected",
    title: "cert-manager's conversion webhook answers a CRD conversion with a non-Status error (CRDs and webhook of different cert-manager releases)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["rejected our request for an unknown reason"],
    patterns: [
      // The API server calling the conversion webhook the cert-manager CRDs name (spec.conversion.webhook) and getting an
      // HTTP error that is no metav1.Status. Unreachable, TLS or timeout failures name their cause instead and are left out.
      String.raw`conversion\s+webhook\s+for\s+(?<group>(?:acme\.)?cert-manager\.io)/(?<from>v\d+(?:alpha|beta)?\d*)\s*,\s*Kind=(?<kind>\w+)\s+failed\s*:\s*the\s+server\s+rejected\s+our\s+request\s+for\s+an\s+unknown\s+reason`,
    ],
    versions: ["from"],
    roles: { from: "cert-manager API version being converted", group: "cert-manager API group", kind: "cert-manager kind" },
    versionKinds: { from: "api-version" },
    priority: 50,
    meaning:
      "cert-manager's CRDs (from 1.0) convert between their API versions through cert-manager's webhook. The webhook rejected the conversion request with an error the API server could not read: the webhook running is not the release the CRDs were installed from (CRDs applied from one release and the chart or deployment from another, or an upgrade that replaced one but not the other), so it does not convert the version asked for. It shows on any read or write of a cert-manager resource in that version, often old v1alpha2 manifests after an upgrade.",
    causes: [
      "CRDs and the cert-manager deployment of different releases (cert-manager/cert-manager#3210: CRDs of v1.0.0-beta.0 with the chart of an older release).",
      "An upgrade across the 1.0 conversion change with resources or manifests still at v1alpha2 (bwolf/cert-manager-webhook-gandi#5: 1.0.4; cert-manager/cert-manager#4207: 0.16.1 to 1.4.0).",
    ],
    fixes: [
      "Install the CRDs and the chart (or static manifest) of one cert-manager release, and wait for the webhook to be ready before applying resources.",
      "Move manifests to cert-manager.io/v1, and migrate stored resources before upgrading past 1.6 (cmctl upgrade migrate-api-version).",
    ],
    references: [
      "https://cert-manager.io/docs/installation/upgrading/remove-deprecated-apis/",
      "https://github.com/cert-manager/cert-manager/issues/3210",
      "https://github.com/cert-manager/cert-manager/issues/4207",
    ],
    examples: [
      {
        // cert-manager/cert-manager#3210 (CRDs of v1.0.0-beta.0, chart of another release)
        line: `Error from server: error when creating "http-clusterissuer.yaml": conversion webhook for cert-manager.io/v1alpha2, Kind=ClusterIssuer failed: the server rejected our request for an unknown reason`,
        captures: { from: "v1alpha2", kind: "ClusterIssuer" },
      },
    ],
    nearMisses: [
      // cert-manager/cert-manager#6509: the webhook's certificate not trusted after a reinstall, not a release mismatch
      String.raw`Error from server: conversion webhook for cert-manager.io/v1alpha2, Kind=Certificate failed: Post "https://cert-manager-webhook.cert-manager.svc:443/convert?timeout=30s": tls: failed to verify certificate: x509: certificate signed by unknown authority`,
    ],
  },
  {
    id: "operator-crd-registration-api-not-served",
    title: "An operator registering its own CRDs through an apiextensions.k8s.io version the API server does not serve",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["could not find the requested resource"],
    patterns: [
      // Operators that create or update their CustomResourceDefinitions at start-up (with a typed apiextensions client) get
      // a 404 when the API server does not serve that apiextensions.k8s.io version: v1beta1 after Kubernetes 1.22 removed
      // it, v1 before 1.16 added it. Only the CRD registration wording: a bare 404 has many other causes.
      String.raw`(?<verb>error\s+creating|failed\s+to\s+(?:register|create|ensure|install)|unable\s+to\s+(?:create|register|ensure))\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:crds?|CRDs?)\b(?:\s+(?<crd>[a-z0-9-]+(?:\.[a-z0-9-]+)+))?\s*:?\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: [],
    roles: { crd: "CustomResourceDefinition the operator registers", verb: "what the operator was doing" },
    priority: 50,
    meaning:
      "The operator creates (or updates) its CustomResourceDefinitions itself when it starts, with a client built for one apiextensions.k8s.io version, and the API server answers 404 for that version: an operator still on apiextensions.k8s.io/v1beta1 on Kubernetes 1.22 or later (which removed it), or one on v1 on a cluster older than 1.16. The operator is of another Kubernetes era than the cluster and exits before reconciling anything.",
    causes: [
      "An operator release that registers its CRDs through apiextensions.k8s.io/v1beta1, on a cluster upgraded to 1.22+ (spotahome/redis-operator#318, kubernetes/cloud-provider-alibaba-cloud#279, ccojocar/sso-operator#62).",
      "An operator on apiextensions.k8s.io/v1 on a cluster older than 1.16 (kleveross/klever-model-registry#242).",
    ],
    fixes: [
      "Upgrade the operator to a release that registers its CRDs through apiextensions.k8s.io/v1 (or install the CRDs from its manifests and turn off its own registration), or run it on a cluster that still serves the version it uses.",
    ],
    references: [
      "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#customresourcedefinition-v122",
      "https://github.com/spotahome/redis-operator/issues/318",
      "https://github.com/kubernetes/cloud-provider-alibaba-cloud/issues/279",
    ],
    examples: [
      {
        // kubernetes/cloud-provider-alibaba-cloud#279 (v2.2.0 on 1.22)
        line: String.raw`E0222 05:38:07.735692      14 main.go:86]  "msg"="add controller: %s" "error"="initialize crd: *ingress.AlbConfigCRD, error creating crd albconfigs.alibabacloud.com: the server could not find the requested resource"  "initialize crd: *ingress.AlbConfigCRD, error creating crd albconfigs.alibabacloud.com: the server could not find the requested resource"=null`,
        captures: { crd: "albconfigs.alibabacloud.com" },
      },
    ],
    nearMisses: [
      // kubernetes/test-infra#13242: a component noting that the Tekton CRD is not deployed
      `  error:  "the server could not find the requested resource (get pipelineruns.tekton.dev)"   `,
    ],
  },
  {
    id: "client-go-managed-fields-undecodable",
    title: "A controller built on an old client-go cannot decode the managedFields of a Kubernetes 1.18+ API server",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["readObjectFieldAsBytes"],
    patterns: [
      // json-iterator's ReadObjectFieldAsBytes in the old client-go that an add-on vendors: a map key with escaped
      // quotes (managedFields' "k:{\"uid\":...}" entries, on nearly every object from Kubernetes 1.18) ends its parse.
      String.raw`(?:(?<type>v1\.\w+)\s*[.:]\s*)?readObjectFieldAsBytes\s*:\s*expect\s*:\s*after\s+object\s+field\s*,?(?:\s*but\s+found\s+(?<found>\S))?`,
    ],
    versions: [],
    roles: { type: "Go type being decoded", found: "character the old decoder stopped at" },
    priority: 50,
    meaning:
      "The program reading objects from the API server was built with an old client-go (and json-iterator), whose decoder cannot read map keys with escaped quotes. metadata.managedFields has such keys (\"k:{\\\"uid\\\":...}\" for ownerReferences and list entries), and from Kubernetes 1.18 the API server records managed fields on nearly every object, so an add-on that worked on older clusters fails to list or get its objects after the upgrade: the add-on is older than the cluster.",
    causes: [
      "An add-on or operator release that vendors an old client-go, on a cluster upgraded to 1.18 or later (bitnami/sealed-secrets#562: chart 0.7.0 on 1.19; sorintlab/stolon#781 on 1.18; minikube's storage-provisioner, kubernetes/minikube#7218).",
    ],
    fixes: [
      "Upgrade the add-on to a release built with a recent client-go (the threads' fixes), or keep the cluster below 1.18 until it is.",
    ],
    references: ["https://github.com/bitnami-labs/sealed-secrets/issues/562", "https://github.com/sorintlab/stolon/issues/781", "https://github.com/kubernetes/minikube/issues/7218"],
    examples: [
      {
        // sorintlab/stolon#781 (the sentinel's log on Kubernetes 1.18)
        line: String.raw`2020-04-29T10:33:12.177Z	ERROR	cmd/sentinel.go:1853	cannot update sentinel info	{"error": "update failed: failed to get latest version of pod: v1.Pod.ObjectMeta: v1.ObjectMeta.readObjectFieldAsBytes: expect : after object field, but found u, error found in #10 byte of ...|:{},\"k:{\\\"uid\\\":\\\"ee|..., bigger context ...|on-cluster\":{}},\"f:ownerReferences\":{\".\":{},\"k:{\\\"uid\\\":\\\"eef5ef67-ee7e-4184-b614-0a59457eb147\\\"}\":{|..."}`,
        captures: { type: "v1.ObjectMeta", found: "u" },
      },
      // kubernetes/minikube#7218 (the title)
      { line: "storage provisioner in v1.9.0-beta.2: Object: readObjectFieldAsBytes: expect : after object field," },
    ],
  },
  {
    id: "ovn-controller-logical-flow-unparsable",
    title: "ovn-controller cannot parse logical flows that ovn-northd wrote (northd newer than the controller)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["error parsing actions", "error parsing match"],
    patterns: [
      // ovn-controller's lflow.c: a symbol (field, action) its OVN release does not know, in a flow of the Southbound DB,
      // which a newer ovn-northd writes. "expecting address set name" and other syntax errors are left out: an empty or
      // missing address set is configuration (ovn-org/ovn#35).
      String.raw`error\s+parsing\s+(?<part>actions|match)\s+"[^\n]{0,400}?"\s*:\s*Syntax\s+error\s+at\s+[\x60'‘]?(?<symbol>[\w.]+)['’]?\s+expecting\s+(?<expected>field\s+name|action)\b`,
      // An action of a newer pipeline layout (kubeovn/kube-ovn#4795: a flow for table numbers the older controller lacks).
      String.raw`error\s+parsing\s+(?<part>actions)\s+"[^\n]{0,400}?"\s*:\s*"(?<symbol>next)"\s+action\s+cannot\s+advance\s+beyond\s+table\s+(?<table>\d+)`,
    ],
    versions: [],
    roles: { symbol: "field or action ovn-controller does not know", part: "part of the logical flow", expected: "what the parser expected", table: "last table of the controller's pipeline" },
    priority: 50,
    meaning:
      "ovn-northd compiles the Northbound configuration into logical flows in the Southbound DB, and each ovn-controller translates them into OpenFlow. A field or action the controller's parser does not know (ct_nw_dst, ct_mark.blocked, a new action) or a jump past the last table of its pipeline means the flows were written by a newer ovn-northd than the ovn-controller reading them: the flow is skipped and the traffic it handles breaks. During an upgrade the controllers must be upgraded first (or northd told to wait for them).",
    causes: [
      "An upgrade that moved ovn-northd (the central components, kube-ovn's ovn-central) to a newer OVN before the ovn-controllers on the nodes (kubeovn/kube-ovn#4795: 1.12 → 1.13).",
      "Nodes running an older OVN build than the northd host (oVirt/ovirt-system-tests#176: ovn-2021 -46 on the host, -69 on the engine), or a patched northd emitting an action the shipped controller lacks (kubeovn/kube-ovn#1780).",
    ],
    fixes: [
      "Upgrade the ovn-controllers to northd's OVN release (controllers first, then northd, is OVN's documented order), or hold northd back until they are.",
      "With OVN 21.09+, set ovn-match-northd-version=true on the chassis during major upgrades so a controller does not process flows of a newer northd.",
    ],
    references: ["https://github.com/kubeovn/kube-ovn/issues/4795", "https://github.com/oVirt/ovirt-system-tests/pull/176", "https://github.com/kubeovn/kube-ovn/pull/1780", "https://docs.ovn.org/en/latest/intro/install/ovn-upgrades.html"],
    examples: [
      {
        // oVirt/ovirt-system-tests#176 (a host's ovn-controller older than the engine's northd)
        line: "2022-06-02T08:29:21.149Z|00029|lflow|WARN|error parsing actions \"ct_commit { ct_mark.blocked = 1; }; /* drop */\": Syntax error at `ct_mark.blocked' expecting field name.",
        captures: { part: "actions", symbol: "ct_mark.blocked", expected: "field name" },
      },
      {
        // kubeovn/kube-ovn#1780 (an action the controller does not have)
        line: "error parsing actions \"lookup_arp_ip(\"ovn-cluster-join\", ip6.dst); next;\": Syntax error at 'lookup_arp_ip' expecting action.",
        captures: { part: "actions", symbol: "lookup_arp_ip", expected: "action" },
      },
    ],
    nearMisses: [
      // ovn-org/ovn#35: an ACL on an empty address set
      "2020-02-13T20:00:22.083Z|00059|lflow|WARN|error parsing match \"!ct.new && ct.est && !ct.rpl && ct_label.blocked == 0 && (ip4.src == {$a11661077897478047653} && outport == @a15416135329930652905)\": Syntax error at `$a11661077897478047653' expecting address set name.",
    ],
  },
  {
    id: "spinnaker-clouddriver-api-version-unsupported",
    title: "Spinnaker's clouddriver has no handler for a Kubernetes resource at the API version the cluster returns",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["is supported at api version"],
    patterns: [
      // clouddriver's KubernetesHandler (op/handler, kubernetes.v2.op.handler before 1.20): the manifest's apiVersion is
      // not in the handler's set of supported versions.
      String.raw`UnsupportedVersionException\s*:\s*No\s+(?<kind>[a-zA-Z]+)\s+is\s+supported\s+at\s+api\s+version\s+(?<apiVersion>(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*/)?v\d+(?:(?:alpha|beta)\d+)?)\b`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "API version of the resource clouddriver refused", kind: "resource kind" },
    versionKinds: { apiVersion: "api-version" },
    priority: 50,
    meaning:
      "clouddriver handles each Kubernetes kind at a fixed set of API versions. A manifest, or a live object as the cluster returns it, at a version outside that set fails (deploys time out waiting for the manifest to stabilise, caching agents log the exception): a GA version (apps/v1 Deployments before clouddriver 1.16's fix, networking.k8s.io/v1 Ingress before 1.27) means Spinnaker is older than the cluster's APIs; an old beta version (extensions/v1beta1) means Spinnaker dropped the version an older cluster still serves or returns by default.",
    causes: [
      "A Spinnaker (clouddriver) release older than the API version the manifests or the cluster use (spinnaker/spinnaker#4946: apps/v1 Deployments on Kubernetes 1.16; #6551: networking.k8s.io/v1 Ingress on 1.22).",
      "A Spinnaker release that dropped an old beta version an older cluster still returns (spinnaker/spinnaker#6420: 1.26.2 and extensions/v1beta1 Ingress on EKS 1.16; Armory 2.26 and Kubernetes before 1.16).",
    ],
    fixes: [
      "Upgrade Spinnaker (clouddriver) to a release that handles the API version the cluster serves, or deploy the manifests at a version this clouddriver handles.",
      "For an old cluster that returns a dropped beta version, pin Spinnaker to the last release that supports it, or upgrade the cluster.",
    ],
    references: [
      "https://github.com/spinnaker/spinnaker/issues/4946",
      "https://github.com/spinnaker/spinnaker/issues/6420",
      "https://github.com/spinnaker/spinnaker/issues/6551",
      "https://github.com/spinnaker/clouddriver/pull/5275",
    ],
    examples: [
      {
        // spinnaker/spinnaker#6551 (networking.k8s.io/v1 Ingress, clouddriver without it)
        line: "com.netflix.spinnaker.clouddriver.kubernetes.op.handler.UnsupportedVersionException: No ingress is supported at api version networking.k8s.io/v1",
        captures: { kind: "ingress", apiVersion: "networking.k8s.io/v1" },
      },
      {
        // spinnaker/spinnaker#4946 (Kubernetes 1.16, clouddriver before apps/v1 Deployments)
        line: "com.netflix.spinnaker.clouddriver.kubernetes.v2.op.handler.UnsupportedVersionException: No deployment is supported at api version apps/v1",
        captures: { kind: "deployment", apiVersion: "apps/v1" },
      },
    ],
    nearMisses: [
      // spinnaker/clouddriver#5275: the PR's statement, not an exception
      "This change makes Spinnaker incompatible with Kubernetes prior to 1.14.",
    ],
  },
  {
    id: "longhorn-kubernetes-range-notice",
    title: "Longhorn's notice of the Kubernetes releases an upgrade to it supports",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["before upgrading to Longhorn", "before installing Longhorn"],
    patterns: [
      // The upgrade notice of Longhorn's important notes and release notes (longhorn/website content/docs/<v>/deploy/
      // important-notes, longhorn/longhorn CHANGELOG/CHANGELOG-<v>.md), quoted in issues and printed by installers that
      // echo it: "ensure your Kubernetes cluster is at least v1.18 [and at most v1.24] before upgrading to Longhorn v1.3.2
      // [because the supported Kubernetes version has been updated (>= v1.18 and <= v1.24) in v1.3.2]".
      String.raw`[Ee]nsure\s+(?:your|the)\s+Kubernetes\s+cluster\s+is\s+at\s+least\s+(?<min>v?1\.\d+)(?:\s+and\s+at\s+most\s+(?<max>v?1\.\d+))?\s+before\s+upgrading\s+to\s+Longhorn\s+(?<longhorn>v?\d+\.\d+\.\d+(?:-[\w.]+)?)(?:[^(\n]{0,120}?\(>=\s*v?1\.\d+(?:\s+and\s+<=\s*(?<upTo>v?1\.\d+))?\))?`,
      // The 1.8 wording (CHANGELOG-1.8.0.md): "Ensure that all clusters are running Kubernetes v1.25 or later before upgrading
      // to Longhorn v1.8.0", "Ensure that your cluster is running Kubernetes v1.25 or later before installing Longhorn v1.8.0".
      String.raw`[Ee]nsure\s+that\s+(?:all\s+clusters\s+are|your\s+cluster\s+is)\s+running\s+Kubernetes\s+(?<min>v?1\.\d+)\s+or\s+later\s+before\s+(?:upgrading\s+to|installing)\s+Longhorn\s+(?<longhorn>v?\d+\.\d+\.\d+(?:-[\w.]+)?)`,
    ],
    versions: ["min", "max", "upTo", "longhorn"],
    roles: {
      min: "oldest Kubernetes minor this Longhorn release supports",
      max: "newest Kubernetes minor this Longhorn release supports",
      upTo: "newest Kubernetes minor this Longhorn release supports",
      longhorn: "Longhorn release",
    },
    versionKinds: { min: "minor", max: "minor", upTo: "minor", longhorn: { kind: "component", component: "Longhorn" } },
    priority: 50,
    meaning:
      "Longhorn supports a range of Kubernetes minors per release and says so before each upgrade: older clusters lack APIs its components need (CSI sidecars, policy/v1), and before 1.4 its charts refused Kubernetes 1.25 (PodSecurityPolicy, v1beta1 snapshots). The notice itself is no error, so the diagnosis gives a warning; the job's cluster version, when it shows one, says whether the cluster is outside the range.",
    causes: [
      "A cluster newer than the Longhorn release supports, often because the cluster installer took the latest Kubernetes (k3s, RKE2) while Longhorn stayed pinned (garutilorenzo/k3s-oci-cluster#28: Longhorn 1.3.2 on Kubernetes 1.25).",
      "A cluster older than the minimum of the Longhorn release being installed or upgraded to (longhorn/longhorn#7224: 1.6 on k3s 1.20).",
    ],
    fixes: [
      "Pick the Longhorn release whose range includes the cluster's minor (the support matrix in the important notes), or move the cluster into the range first; upgrade Kubernetes and Longhorn in steps so each Longhorn runs on a supported minor (longhorn/longhorn#10869).",
    ],
    references: [
      "https://longhorn.io/docs/1.3.2/deploy/important-notes/",
      "https://github.com/longhorn/longhorn/issues/7224",
      "https://github.com/longhorn/longhorn/issues/10869",
      "https://github.com/longhorn/longhorn/pull/4663",
    ],
    examples: [
      {
        // longhorn/website content/docs/1.2.0/deploy/important-notes/index.md
        line: "1. Please ensure your Kubernetes cluster is at least v1.18 before upgrading to Longhorn v1.2.0",
        captures: { min: "v1.18", longhorn: "v1.2.0" },
      },
      {
        // longhorn/longhorn CHANGELOG/CHANGELOG-1.4.0.md
        line: "> **Please ensure your Kubernetes cluster is at least v1.21 before upgrading to Longhorn v1.4.0 from v1.3.x. Only support upgrading from 1.3.x.**",
        captures: { min: "v1.21", longhorn: "v1.4.0" },
      },
    ],
    nearMisses: [
      // longhorn/longhorn CHANGELOG-1.8.0.md: a Longhorn "ensure" without a Kubernetes range
      "Longhorn v1.8.0 supports fully automatic online expansion of RWX volumes without the need to scale down the workload or apply manual commands. To use this feature, ensure that the v1.8.0 versions of Longhorn Manager, Share Manager, and the CSI plugin are all running.",
    ],
  },
  {
    id: "istio-pilot-agent-flag-unknown",
    title: "istio-proxy's pilot-agent refuses a flag its injection template or gateway chart passes (proxy and control plane of different Istio releases)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["unknown flag"],
    patterns: [
      // cobra's "unknown flag: --x" (the Error: line, and istio's log line "<ts>\terror\tunknown flag: --x") for a flag of
      // pilot-agent's own, which only Istio's injection template and gateway deployments pass.
      String.raw`unknown\s+flag\s*:\s*--(?<flag>${PILOT_AGENT_FLAGS.join("|")})(?![\w-])`,
    ],
    versions: [],
    roles: { flag: "pilot-agent flag the template passes and the proxy lacks" },
    // Above k8s-component-unknown-flag (60) and operator-flag-chart-newer-than-image (65), which do not know pilot-agent.
    priority: 66,
    meaning:
      "The istio-proxy container (pilot-agent, which starts Envoy) exits at start-up because its arguments, rendered by the sidecar injector's template or the gateway's Helm chart, include a flag this proxy image's pilot-agent does not define. The arguments come from one Istio release and the proxy image from another: a proxy image pinned by annotation or values under an upgraded control plane, a gateway chart taken from the source tree or an installer branch with released images, or daily images with an older template.",
    causes: [
      "A proxy image pinned (sidecar.istio.io/proxyImage, global.proxy.image, a gateway's image) to an older Istio than the injector, which passes flags added since (istio/istio#11295: 1.1's --statusPort to a 1.0 proxy; #14389: the installer's --proxyComponentLogLevel to proxyv2 1.1.7).",
      "Charts or injection templates of another release than the images (istio/istio#9219: a chart from the source tree still passing --discoveryRefreshDelay, removed from newer pilot-agents; #14208: a template ahead of the daily images).",
    ],
    fixes: [
      "Run the proxy image of the control plane's release (drop the proxyImage pin, or upgrade the pinned image), then restart the workloads so the injector renders their sidecars again.",
      "Install charts and images of one Istio release (the release archive's manifests or istioctl of that release, not the source tree of another branch).",
    ],
    references: ["https://github.com/istio/istio/issues/11295", "https://github.com/istio/istio/issues/14389", "https://github.com/istio/istio/issues/9219", "https://github.com/istio/istio/issues/8842"],
    examples: [
      {
        // istio/istio#14389 (the installer's gateway chart with proxyv2 1.1.7)
        line: "2019-05-28T04:52:03.543645Z\terror\tunknown flag: --proxyComponentLogLevel",
        captures: { flag: "proxyComponentLogLevel" },
      },
      // istio/istio#9219 (a gateway chart from the source tree with newer images)
      { line: "Error: unknown flag: --discoveryRefreshDelay", captures: { flag: "discoveryRefreshDelay" } },
    ],
    nearMisses: [
      // istio/istio#18563: pilot-agent printing its flags at start-up
      `2019-11-01T19:19:34.800744Z info FLAG: --applicationPorts="[]"`,
      // istio/istio#14095: the same dump with tabs
      '2019-05-17T16:19:14.486085Z\tinfo\tFLAG: --controlPlaneBootstrap="true"',
    ],
  },
];
