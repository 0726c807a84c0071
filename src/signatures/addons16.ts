import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16addons.jsonl.

export const addons16Signatures: Signature[] = [
  {
    id: "tekton-cli-pipelines-version-mismatch",
    title: "Tekton CLI (tkn, tkn hub) and the cluster's Tekton Pipelines of different releases: tekton.dev API versions or a catalog resource's minimum Pipelines release",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["does not match the expected API version", "requires Tekton Pipelines min version"],
    patterns: [
      // apimachinery's typed decode inside tkn (task/pipeline start, hub install): the object the cluster returned is at
      // one tekton.dev version, the tkn release expected another (tektoncd/cli#1837, pipeline#5932).
      // Issue pastes turn the versions into Markdown links ("([tekton.dev/v1](http://tekton.dev/v1))").
      String.raw`the\s+API\s+version\s+in\s+the\s+data\s+\(\[?(?<dataVersion>(?:[a-z]+\.)?tekton\.dev/v\d+(?:(?:alpha|beta)\d+)?)(?:\]\([^()\s]{1,80}\))?\)\s+does\s+not\s+match\s+the\s+expected\s+API\s+version\s+\(\[?(?<expectedVersion>(?:[a-z]+\.)?tekton\.dev/v\d+(?:(?:alpha|beta)\d+)?)(?:\]\([^()\s]{1,80}\))?\)`,
      // tkn hub install/upgrade/reinstall (tektoncd/cli pkg/cmd/hub): the catalog resource's
      // tekton.dev/pipelines.minVersion annotation against the Pipelines release found in the cluster.
      String.raw`(?:cannot\s+(?<action>upgrade|downgrade|reinstall)\s+)?(?<kind>Task|Pipeline)\s+(?<resource>[\w.-]+)\((?<resourceVersion>[\w.]+)\)\s+(?:as\s+it\s+)?requires\s+Tekton\s+Pipelines\s+min\s+version\s+(?<minPipelines>v?\d+\.\d+(?:\.\d+)?)\s+but\s+found\s+(?<pipelines>[\w.+-]+)`,
    ],
    versions: ["minPipelines", "pipelines"],
    roles: {
      dataVersion: "tekton.dev API version of the object the cluster returned",
      expectedVersion: "tekton.dev API version this tkn release decodes",
      kind: "catalog resource kind",
      resource: "catalog resource",
      resourceVersion: "catalog resource version",
      action: "tkn hub command",
      minPipelines: "oldest Tekton Pipelines release the catalog resource supports",
      pipelines: "Tekton Pipelines release in the cluster",
    },
    versionKinds: {
      dataVersion: "api-version",
      expectedVersion: "api-version",
      minPipelines: { kind: "component", component: "Tekton Pipelines" },
      pipelines: { kind: "component", component: "Tekton Pipelines" },
    },
    priority: 55,
    meaning:
      "tkn talks to the Tekton Pipelines installed in the cluster through its own release's types. Tekton Pipelines 0.43 started serving tekton.dev/v1 (and made it the stored version in 0.44+), and tkn releases from before that switch, or the 0.28/0.29 releases that half-handled it, decode the objects at the wrong tekton.dev version: every tkn task/pipeline start, hub install or describe fails with apimachinery's API-version mismatch. tkn hub install also refuses catalog Tasks and Pipelines whose tekton.dev/pipelines.minVersion annotation is newer than the cluster's Pipelines release.",
    causes: [
      "A tkn binary (a workstation, a CI image, a Task running tkn in a container) older than the cluster's Tekton Pipelines, most often one from before 0.30 against Pipelines 0.43+ serving tekton.dev/v1.",
      "A catalog Task or Pipeline version written for a newer Tekton Pipelines than the cluster runs (OpenShift Pipelines operators pinning an older Pipelines than upstream tkn expects).",
    ],
    fixes: [
      "Upgrade tkn to the release that matches the cluster's Pipelines (tkn 0.30+ for Pipelines 0.43+; `tkn version` prints both), including tkn images used inside Tasks.",
      "For tkn hub: install a catalog version that supports the cluster's Pipelines (tkn hub install task <name> --version <older>), upgrade Tekton Pipelines, or apply the catalog YAML with kubectl.",
    ],
    references: ["https://github.com/tektoncd/cli/issues/1837", "https://github.com/tektoncd/pipeline/issues/5932", "https://github.com/tektoncd/hub/pull/200"],
    examples: [
      {
        // tektoncd/cli#1837 (tkn 0.28.0 with Pipelines v0.43.0; fixed in tkn 0.30)
        line: "Error: the API version in the data (tekton.dev/v1beta1) does not match the expected API version (tekton.dev/v1)",
        captures: { dataVersion: "tekton.dev/v1beta1", expectedVersion: "tekton.dev/v1" },
      },
      {
        // tkn hub's format (tektoncd/cli pkg/cmd/hub/install.go) with the versions of tektoncd/hub#200's example: buildah
        // 0.2 needs Pipelines 0.17.0, the cluster runs 0.16.3
        line: "Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found v0.16.3",
        captures: { kind: "Task", resource: "buildah", resourceVersion: "0.2", minPipelines: "v0.17.0", pipelines: "v0.16.3" },
      },
    ],
    nearMisses: [
      // tektoncd/hub#312: tkn hub 0.19 could not read the release of a Pipelines built from source ("devel"); fixed in tkn hub
      "Error: Task buildah(0.2) requires Tekton Pipelines min version v0.17.0 but found devel",
      // the apimachinery message with other groups belongs to other rules; its Go format string is not a failure
      `return fmt.Errorf("the API version in the data (%s) does not match the expected API version (%v)", gvk.GroupVersion().String(), version)`,
    ],
  },
  {
    id: "longhorn-upgrade-path-unsupported",
    title: "Longhorn refuses the upgrade: a skipped minor release, a downgrade, or engine images older than the new manager supports",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["failed to upgrade since", "FailedUpgradePreCheck:", "is below required minimal version"],
    patterns: [
      // longhorn-manager's upgrade-path check (upgrade/util checkLHUpgradePath), at the manager's start and in the Helm
      // pre-upgrade job: "failed to upgrade since upgrading from v1.4.3 to v1.8.0-dev for minor version is not supported".
      // Flux and Rancher relay the pre-upgrade job's event as "FailedUpgradePreCheck: upgrading from … to …".
      String.raw`(?:failed\s+to\s+upgrade\s+since|FailedUpgradePreCheck:)\s+(?<direction>upgrading|downgrading)\s+from\s+(?<current>v?\d+\.\d+(?:\.\d+)?[\w.+-]*)\s+to\s+(?<target>v?\d+\.\d+(?:\.\d+)?[\w.+-]*?)\s+(?:for\s+(?<level>minor|major)\s+version\s+)?is\s+not\s+supported`,
      String.raw`failed\s+to\s+upgrade\s+since\s+upgrading\s+major\s+version\s+with\s+minor\s+version\s+under\s+(?<minMinor>\d+)\s+is\s+not\s+supported`,
      // The engine-image check of Longhorn 1.6+ ("upgarde" is the release's own spelling): a volume still runs an engine
      // image whose client or controller API is older than the new manager accepts.
      String.raw`(?:failed\s+checking\s+Engine\s+upg(?:rade|arde)\s+path:\s+)?incompatible\s+Engine\s+(?<engineImage>ei-[0-9a-f]{6,12})\s+(?<api>client|controller)\s+API\s+version:\s+found\s+version\s+(?<found>\d+)\s+is\s+below\s+required\s+minimal\s+version\s+(?<required>\d+)`,
    ],
    versions: ["current", "target"],
    roles: {
      direction: "direction of the refused move",
      current: "Longhorn release installed in the cluster",
      target: "Longhorn release being deployed",
      level: "version part the move skips",
      minMinor: "oldest 1.x minor a move to 2.x starts from",
      engineImage: "EngineImage still used by a volume",
      api: "engine API checked",
      found: "API version of the old engine image",
      required: "oldest engine API version the new manager accepts",
    },
    versionKinds: { current: { kind: "component", component: "Longhorn" }, target: { kind: "component", component: "Longhorn" } },
    priority: 55,
    meaning:
      "Since 1.5, Longhorn enforces its upgrade path: the manager (and the chart's pre-upgrade job) only moves one minor release at a time (1.4.x to 1.5.x, not 1.4.x to 1.6.x) and never downgrades; since 1.6 it also refuses to start while a volume still uses an engine image whose API is older than the new manager supports. The new release's manager pods crash-loop (or helm upgrade fails with BackoffLimitExceeded on longhorn-pre-upgrade) and the installed release keeps running.",
    causes: [
      "A chart or manifest bump that skips Longhorn minors (Renovate/Flux jumping to the newest release, a cluster rebuilt from a newer Git state).",
      "A rollback to an older chart after an upgrade already ran (downgrades are refused).",
      "Volumes still attached with an old engine image when upgrading (the engine upgrade after the previous Longhorn upgrade was not done).",
    ],
    fixes: [
      "Upgrade one minor release at a time (1.4.x → 1.5.x → 1.6.x …), letting each finish, or pin the chart to the next minor only.",
      "For engine images: revert to the previous Longhorn, upgrade every volume's engine to the current default engine image (or detach them), then upgrade.",
    ],
    references: ["https://longhorn.io/docs/latest/deploy/upgrade/", "https://github.com/longhorn/longhorn/issues/5842", "https://github.com/longhorn/longhorn/issues/9569"],
    examples: [
      {
        // longhorn/longhorn#9569 (the pre-upgrade job's event, installed 1.4.3, chart from master)
        line: "failed to upgrade since upgrading from v1.4.3 to v1.8.0-dev for minor version is not supported",
        captures: { direction: "upgrading", current: "v1.4.3", target: "v1.8.0-dev", level: "minor" },
      },
      {
        // longhorn/longhorn#5842 (a 1.4 engine image still in use when upgrading to 1.6)
        line: String.raw`time="2023-08-17T03:03:20Z" level=fatal msg="Error starting manager: failed checking Engine upgarde path: incompatible Engine ei-7fa7c208 client API version: found version 7 is below required minimal version 8"`,
        captures: { engineImage: "ei-7fa7c208", api: "client", found: "7", required: "8" },
      },
    ],
    nearMisses: [
      // longhorn/longhorn#10143: master-head mislabelled v1.8.0-dev after v1.8.0-rc2 (fixed by relabelling it v1.9.0-dev)
      String.raw`time="2025-01-07T07:02:14Z" level=fatal msg="Error starting manager: failed to upgrade since downgrading from v1.8.0-rc2 to v1.8.0-dev is not supported" func=main.main.DaemonCmd.func3 file="daemon.go:105"`,
      // the check's progress line
      String.raw`time="2025-01-07T07:02:14Z" level=info msg="Checking if the upgrade path from v1.8.0-rc2 to v1.8.0-dev is supported" func=util.checkLHUpgradePath file="util.go:238"`,
    ],
  },
  {
    id: "coredns-corefile-plugin-unknown",
    title: "CoreDNS refuses its Corefile: a plugin or option the image's release removed (proxy, upstream) or does not have yet (ready, max_concurrent)",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["Error during parsing: Unknown directive", "Error during parsing: unknown property"],
    patterns: [
      // CoreDNS's Corefile parser (Caddy's caddyfile, core/dnsserver): "/etc/coredns/Corefile:10 - Error during parsing:
      // Unknown directive 'proxy'" (older releases print the name unquoted).
      String.raw`(?:(?<file>[\w./-]*(?:Corefile|\.server|\.override)[\w.-]*):(?<lineNo>\d+)\s+-\s+)?Error\s+during\s+parsing:\s+Unknown\s+directive\s+'?(?<directive>[^\s']{1,40})'?`,
      // A plugin's own setup refusing an option: "plugin/kubernetes: /etc/coredns/Corefile:6 - Error during parsing:
      // unknown property 'upstream'".
      String.raw`(?:plugin/(?<plugin>[a-z][\w-]{1,30}):\s+)?(?:(?<file>[\w./-]*(?:Corefile|\.server|\.override)[\w.-]*):(?<lineNo>\d+)\s+-\s+)?Error\s+during\s+parsing:\s+unknown\s+property\s+'(?<property>[\w-]{1,40})'`,
    ],
    versions: [],
    roles: {
      file: "Corefile (or import) CoreDNS read",
      lineNo: "line of the Corefile",
      directive: "plugin name the CoreDNS build does not know",
      plugin: "plugin whose option was refused",
      property: "option the plugin does not know",
    },
    priority: 50,
    meaning:
      "CoreDNS exits at start (the coredns pods crash-loop and cluster DNS stops) when its Corefile names a plugin the binary was not built with, or an option its plugin does not accept. The Corefile and the image come from different releases: proxy left the default build in CoreDNS 1.5.0 (use forward), the kubernetes plugin's upstream and resyncperiod options and the federation plugin were removed in 1.7.0; the other way round, ready and grpc need 1.5.0 and forward's max_concurrent 1.6.9. Typical after a Kubernetes upgrade that bumps the CoreDNS image (kubeadm, EKS, AKS, k3s) while a customised ConfigMap stays, or a copied Corefile meeting an older image.",
    causes: [
      "A CoreDNS image upgraded (with the cluster: EKS 1.18 → CoreDNS 1.7, kubeadm 1.19) under a hand-edited or tool-patched Corefile that still uses proxy or upstream (docs and meshes of 2019–2020, Maesh, Istio's multicluster docs).",
      "A Corefile written for a newer CoreDNS (ready, max_concurrent) applied to a cluster whose coredns Deployment still runs an older image.",
    ],
    fixes: [
      "Edit the coredns ConfigMap for the image's release: replace proxy with forward, drop upstream/resyncperiod from the kubernetes block, or remove options the image does not know.",
      "Or run the CoreDNS image the Corefile was written for (kubectl -n kube-system set image deployment/coredns coredns=<image:release>); kubeadm's and EKS's CoreDNS release tables say which one a Kubernetes version ships.",
    ],
    references: ["https://coredns.io/2019/04/06/coredns-1.5.0-release/", "https://coredns.io/2020/06/15/coredns-1.7.0-release/", "https://github.com/aws/containers-roadmap/issues/1115"],
    examples: [
      {
        // aws/containers-roadmap#1115 (EKS 1.17 → 1.18, CoreDNS 1.7.0 with the old ConfigMap)
        line: "plugin/kubernetes: /etc/coredns/Corefile:6 - Error during parsing: unknown property 'upstream'",
        captures: { plugin: "kubernetes", file: "/etc/coredns/Corefile", lineNo: "6", property: "upstream" },
      },
      {
        // coredns/coredns#3368 (CoreDNS 1.6.4 with a proxy stanza)
        line: "coredns    | /root/Corefile:5 - Error during parsing: Unknown directive 'proxy'",
        captures: { file: "/root/Corefile", lineNo: "5", directive: "proxy" },
      },
    ],
    nearMisses: [
      // coredns/kubernetai#22: an external plugin, not compiled into the stock image
      "Error during parsing: Unknown directive 'kubernetai'",
      // coredns/deployment#215: a server block written where a directive goes
      "/etc/coredns/Corefile:3 - Error during parsing: Unknown directive '.'",
    ],
  },
  {
    id: "calicoctl-cluster-version-mismatch",
    title: "calicoctl refuses to run against a cluster whose Calico release differs from its own (Calico 3.20+)",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["Version mismatch."],
    patterns: [
      // calicoctl's CheckVersionMismatch (calicoctl/commands/common/version_mismatch.go), printed over four lines after
      // the command's own prefix ("Failed to get resources: Version mismatch.\nClient Version:   v3.21.4\nCluster
      // Version:  v3.21.1\nUse --allow-version-mismatch to override."); rejoined, or one line with literal \n.
      String.raw`Version\s+mismatch\.(?:\s|\\n)+Client\s+Version:[ \t]*(?<client>v?\d+\.\d+(?:\.\d+)?[\w.+-]*)?(?:\s|\\n)+Cluster\s+Version:\s+(?<cluster>v?\d+\.\d+(?:\.\d+)?[\w.+-]*)`,
    ],
    versions: ["client", "cluster"],
    roles: { client: "calicoctl release", cluster: "Calico release in the cluster (ClusterInformation)" },
    versionKinds: { client: { kind: "component", component: "calicoctl" }, cluster: { kind: "component", component: "Calico" } },
    priority: 55,
    meaning:
      "Since Calico 3.20, calicoctl compares its own release with the Calico release recorded in the cluster's ClusterInformation and refuses every command when they differ, unless --allow-version-mismatch is given. A CI image, a workstation binary or a calicoctl pod manifest pinned to one Calico release no longer works once the cluster's Calico is upgraded (or the other way round).",
    causes: [
      "A calicoctl downloaded as 'latest' (or baked into a CI image) against a cluster that runs an older Calico, such as minikube's or a tutorial's pinned manifest.",
      "A Calico upgrade in the cluster (operator, Helm chart, kubespray) that left the calicoctl binary or the calicoctl pod at the old release.",
    ],
    fixes: [
      "Use the calicoctl of the cluster's release: https://github.com/projectcalico/calico/releases/download/<cluster version>/calicoctl-linux-amd64 (or the calico/ctl:<cluster version> image).",
      "Where a matching binary is not published or the difference is a patch release, pass --allow-version-mismatch (kubespray's calicoctl.sh does).",
    ],
    references: ["https://github.com/projectcalico/calico/issues/5764", "https://github.com/projectcalico/calicoctl/pull/2353"],
    examples: [
      {
        // projectcalico/calico#5764 (no v3.21.1 calicoctl had been published)
        line: "Failed to get resources: Version mismatch.\nClient Version:   v3.21.4\nCluster Version:  v3.21.1\nUse --allow-version-mismatch to override.",
        captures: { client: "v3.21.4", cluster: "v3.21.1" },
      },
    ],
    nearMisses: [
      // projectcalico/calico#6027: a third-party calicoctl package without the v prefix, the same release
      "Failed to get resources: Version mismatch.\nClient Version:   3.22.2\nCluster Version:  v3.22.2\nUse --allow-version-mismatch to override.",
      // calicoctl's RBAC failure reading ClusterInformation, with the same hint
      `Unable to get Cluster Information to verify version mismatch: connection is unauthorized: clusterinformations.crd.projectcalico.org "default" is forbidden: User "David" cannot get resource "clusterinformations" in API group "crd.projectcalico.org" at the cluster scope`,
    ],
  },
  {
    id: "gateway-api-crds-older-than-controller",
    title: "A Gateway API controller (Envoy Gateway, Cilium) fails to start: the cluster's Gateway API CRDs lack a kind or version it watches (older bundle, standard channel)",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["create gatewayapi controller:", "Failed to create gateway controller"],
    patterns: [
      // Envoy Gateway's Kubernetes provider (internal/provider/kubernetes, "failted" in 1.0–1.1), at start-up: the
      // controller-runtime watch of one Gateway API kind finds no CRD version for it.
      String.raw`fail(?:ed|ted)\s+to\s+create\s+gatewayapi\s+controller:\s+(?:error\s+watching\s+resources:\s+)?no\s+matches\s+for\s+kind\s+\\*"(?<kind>\w+)\\*"\s+in\s+version\s+\\*"(?<apiVersion>gateway\.networking\.(?:x-)?k8s\.io/v\d\w*)`,
      // cilium-operator's gateway-controller (logrus: msg="Failed to create gateway controller" error="…", which the
      // scanner reads as "msg: error").
      String.raw`Failed\s+to\s+create\s+gateway\s+controller(?:\\?"\s+error=\\?"|:\s+)no\s+matches\s+for\s+kind\s+\\*"(?<kind>\w+)\\*"\s+in\s+version\s+\\*"(?<apiVersion>gateway\.networking\.(?:x-)?k8s\.io/v\d\w*)`,
      // Either controller's discovery of a whole group version: the CRDs serve no kind at it (or are not installed).
      String.raw`(?:fail(?:ed|ted)\s+to\s+create\s+gatewayapi\s+controller:\s+|Failed\s+to\s+create\s+gateway\s+controller(?:\\?"\s+error=\\?"|:\s+))failed\s+to\s+get\s+API\s+group\s+resources:\s+unable\s+to\s+retrieve\s+the\s+complete\s+list\s+of\s+server\s+APIs:\s+(?<groupVersion>gateway\.networking\.k8s\.io/v\d\w*):\s+the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: [],
    roles: {
      kind: "Gateway API kind the controller watches",
      apiVersion: "Gateway API version the controller watches it at",
      groupVersion: "Gateway API group version the controller discovers",
    },
    versionKinds: { apiVersion: "api-version", groupVersion: "api-version" },
    priority: 55,
    meaning:
      "Gateway API controllers are built against one Gateway API release and watch its kinds at fixed versions; the CRDs in the cluster are installed separately (Helm does not upgrade crds/, GKE and OpenShift manage their own bundle, rke2/k3s ship one). When the controller moves ahead of the CRDs it exits at start: Envoy Gateway 1.1+ watches GRPCRoute at v1 (Gateway API 1.1), Envoy Gateway 1.8 TLSRoute, ListenerSet and BackendTLSPolicy at v1 (Gateway API 1.5); Cilium 1.14+ and older Envoy Gateway want the experimental channel's TLSRoute/GRPCRoute v1alpha2, which standard-channel bundles do not carry.",
    causes: [
      "A controller upgrade (chart or :latest image) without applying the Gateway API CRD bundle it was released with; Helm leaves existing CRDs untouched.",
      "Standard-channel or platform-managed CRDs (GKE's gateway-api-crds addon, OpenShift's Ingress Operator, an rke2/k3s bundle) that omit experimental or newer kinds.",
    ],
    fixes: [
      "Apply the Gateway API CRD bundle (and channel) the controller release documents, e.g. kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/<version>/experimental-install.yaml, or Envoy Gateway's gateway-crds-helm chart.",
      "Where the platform owns the CRDs, run the controller release that matches them (or one that treats the missing kind as optional).",
    ],
    references: ["https://gateway-api.sigs.k8s.io/implementations/versions/", "https://github.com/rancher/rke2/issues/10999", "https://github.com/cilium/cilium/issues/27398"],
    examples: [
      {
        // rancher/rke2#10999 (Envoy Gateway 1.8 after rke2 1.35 → 1.36)
        line: `Error: failed to create kubernetes provider: failed to create provider Kubernetes: failed to create gatewayapi controller: error watching resources: no matches for kind "TLSRoute" in version "gateway.networking.k8s.io/v1"`,
        captures: { kind: "TLSRoute", apiVersion: "gateway.networking.k8s.io/v1" },
      },
      {
        // cilium/cilium#27398 (Cilium 1.14 without the experimental TLSRoute CRD)
        line: String.raw`level=fatal msg="Failed to create gateway controller" error="no matches for kind \"TLSRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"" subsys=gateway-controller`,
        captures: { kind: "TLSRoute", apiVersion: "gateway.networking.k8s.io/v1alpha2" },
      },
    ],
    nearMisses: [
      // helmforgedev/charts#855: Envoy Gateway's own CRDs not installed by the chart
      `Error: unable to build kubernetes objects from release manifest: [resource mapping not found for name: "envoy-gateway-proxy-config" namespace: "envoy-gateway" from "": no matches for kind "EnvoyProxy" in version "gateway.envoyproxy.io/v1alpha1"`,
    ],
  },
  {
    id: "istioctl-upgrade-version-refused",
    title: "istioctl upgrade refuses the move between the installed Istio control plane and its own release (too old to upgrade from, a downgrade, manifests of another release, a component left behind)",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["upgrade version check failed:", "is not supported by istioctl", "does not match the target version"],
    patterns: [
      // istioctl upgrade (operator/cmd/mesh/upgrade.go, Istio 1.4–1.9): checkSupportedVersions against the running
      // control plane, "upgrade version check failed: 1.5.10 -> 1.9.0. Error: upgrade is not supported before version: 1.6.0".
      String.raw`upgrade\s+version\s+check\s+failed:\s+(?<current>v?\d+\.\d+\.\d+[\w.-]*?)\s+->\s+(?<target>v?\d+\.\d+\.\d+[\w.-]*?)\.(?:\s+Error:\s+upgrade\s+is\s+(?:currently\s+)?not\s+supported\s+(?<relation>before|from)\s+version:\s+(?<limit>v?\d+\.\d+\.\d+[\w.-]*?)(?=[\s.,;]|$))?`,
      // The manifests' release against istioctl's own (1.4's "istioctl x upgrade").
      String.raw`the\s+target\s+version\s+(?<target>v?\d+\.\d+\.\d+[\w.-]*?)\s+(?:in\s+\S*\s*)?is\s+not\s+supported\s+by\s+istioctl\s+(?<istioctl>v?\d+\.\d+\.\d+[\w.-]*?)(?=[\s.,;]|$)`,
      // The post-upgrade wait: a control-plane pod still at another release than the one just installed.
      String.raw`Control\s+Plane\s+-\s+(?<component>[\w-]+)\s+pod\s+-\s+(?<pod>[\w.-]+)\s+-\s+version:\s+(?<current>v?\d+\.\d+\.\d+[\w.-]*?)\s+does\s+not\s+match\s+the\s+target\s+version\s+(?<target>v?\d+\.\d+\.\d+[\w.-]*?)(?=[\s.,;]|$)`,
    ],
    versions: ["current", "target", "limit", "istioctl"],
    roles: {
      current: "Istio control plane release installed",
      target: "Istio release being installed",
      relation: "side of the supported range",
      limit: "release bound of istioctl's upgrade range",
      istioctl: "istioctl release",
      component: "control-plane component",
      pod: "pod of the component",
    },
    versionKinds: {
      current: { kind: "component", component: "Istio" },
      target: { kind: "component", component: "Istio" },
      limit: { kind: "component", component: "Istio" },
      istioctl: { kind: "component", component: "istioctl" },
    },
    priority: 55,
    meaning:
      "istioctl upgrade (Istio 1.4–1.9's in-place upgrade) checks the running control plane against its own release before installing: it refuses control planes older than the first release it can upgrade (1.6.0 for 1.8/1.9), releases it does not know (a downgrade with an older istioctl), manifests of a different release than itself, and afterwards waits until every control-plane pod reports the target release. The job's istioctl, the manifests it was given and the cluster's Istio are of releases too far apart.",
    causes: [
      "A control plane several minors behind the istioctl in the job (in-place upgrades across more than one or two minors were never supported).",
      "An istioctl older than the control plane, or a manifests directory (-d) of another release than the istioctl binary.",
      "A control-plane component the new release no longer manages (Mixer's istio-policy/istio-telemetry, removed in 1.8) left running at the old release.",
    ],
    fixes: [
      "Upgrade one or two minors at a time with the istioctl of each step, or move to a canary (revision-based) upgrade, which istioctl install --revision supports across releases.",
      "Run the istioctl of the release being installed (istioctl version prints both sides), and remove control-plane components the target release no longer has.",
    ],
    references: ["https://istio.io/latest/docs/setup/upgrade/", "https://github.com/istio/istio/pull/29191", "https://github.com/istio/istio/issues/29183"],
    examples: [
      {
        // istio/istio#29191 (a 1.5.10 control plane, istioctl from master/1.9)
        line: "Error: upgrade version check failed: 1.5.10 -> 1.9.0. Error: upgrade is not supported before version: 1.6.0",
        captures: { current: "1.5.10", target: "1.9.0", relation: "before", limit: "1.6.0" },
      },
      {
        // istioctl x upgrade's format (operator/cmd/mesh/upgrade.go, 1.4), with other releases than istio/istio#19475's
        line: "Error: the target version 1.4.6 is not supported by istioctl 1.4.3, please download istioctl 1.4.6 and run upgrade again",
        captures: { target: "1.4.6", istioctl: "1.4.3" },
      },
    ],
    nearMisses: [
      // istioctl's success line
      "Upgrade version check passed: 1.6.8 -> 1.9.0.",
    ],
  },
];
