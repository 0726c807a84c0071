import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;

export const addonSignatures: Signature[] = [
  {
    id: "knative-kubernetes-too-old",
    title: "Operator's minimum Kubernetes version check failed (knative.dev/pkg)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["is not compatible, need at least"],
    patterns: [
      // knative.dev/pkg's CheckK8sClientMinimumVersionOrDie, used by Knative Serving/Eventing, Tekton, cosign's
      // policy controller and others.
      String.raw`(?<prerelease>pre-release\s+)?kubernetes\s+version\s+${Q}(?<cluster>{V})${Q}\s+is\s+not\s+compatible\s*,\s*need\s+at\s+least\s+${Q}(?<minimum>{V})`,
    ],
    versions: ["cluster", "minimum"],
    roles: { cluster: "cluster (API server) version", minimum: "minimum Kubernetes this release supports" },
    priority: 50,
    meaning: "A Knative-based controller or webhook (Knative, Tekton, cosign, …) checked the API server version at start-up and exited: the cluster is older than this release supports.",
    causes: ["The operator's release was upgraded (or installed from 'latest') on a cluster older than its minimum."],
    fixes: [
      "Install the operator release that supports the cluster's version, or upgrade the cluster.",
      "Only as a stop-gap: set KUBERNETES_MIN_VERSION on the deployment.",
    ],
    references: ["https://github.com/knative/pkg/blob/main/injection/sharedmain/main.go"],
    examples: [
      {
        line: String.raw`{"level":"fatal","logger":"tekton-pipelines-webhook","msg":"Version check failed","error":"kubernetes version \"1.20.11\" is not compatible, need at least \"1.21.0-0\" (this can be overridden with the env var \"KUBERNETES_MIN_VERSION\")"}`,
        captures: { cluster: "1.20.11", minimum: "1.21.0-0" },
      },
    ],
  },
  {
    id: "istio-kubernetes-too-old",
    title: "istioctl: cluster older than this Istio supports",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["is lower than the minimum version", "by this version of Istio", "k8s server version for Istio"],
    patterns: [
      // istioctl x precheck: 1.6–1.9 printed the first form, the analyzer message IST0142 (1.10+) the quoted second.
      String.raw`Kubernetes\s+(?:API\s+version\s*:|Version)\s+${Q}(?<cluster>{V})${Q}\s+is\s+lower\s+than\s+the\s+minimum\s+version\s*:\s*(?<minimum>{V})`,
      String.raw`kubernetes\s+version\s+is\s+not\s+supported\s+by\s+this\s+version\s+of\s+Istio\.\s+The\s+minimum\s+supported\s+kubernetes\s+version\s+is\s+(?<minimum>{V})`,
      // istioctl 1.5–1.7 (istio/istio#20945)
      String.raw`failed\s+to\s+meet\s+the\s+requirements\s+of\s+k8s\s+server\s+version\s+for\s+Istio\s+(?<istio>{V})\s*:\s*current\s+k8s\s+server\s+version\s*:\s*(?<cluster>{V})\s*,\s*supported\s+version\s+range\s*:\s*>=\s*(?<minimum>{V})`,
    ],
    versions: ["cluster", "minimum"],
    roles: { cluster: "cluster (API server) version", minimum: "minimum Kubernetes this Istio supports", istio: "Istio release" },
    versionKinds: { istio: { kind: "component", component: "Istio" } },
    priority: 50,
    meaning: "istioctl's precheck (or install) found a cluster older than the Istio release supports.",
    causes: ["An istioctl newer than the cluster's support window (Istio supports about four Kubernetes minors per release)."],
    fixes: ["Use the Istio release whose support matrix includes the cluster's version, or upgrade the cluster."],
    references: ["https://istio.io/latest/docs/releases/supported-releases/"],
    examples: [
      { line: "* The Kubernetes API version: v1.14.0 is lower than the minimum version: 1.15", captures: { cluster: "v1.14.0", minimum: "1.15" } },
      {
        // istioctl x precheck's analyzer message (pkg/config/analysis/msg/messages.yaml, IST0142)
        line: String.raw`Error [IST0142] (Cluster) The Kubernetes Version "1.25.16" is lower than the minimum version: 1.27`,
        captures: { cluster: "1.25.16", minimum: "1.27" },
      },
      {
        line: "failed to meet the requirements of k8s server version for Istio 1.5.0: current k8s server version: 1.13.11, supported version range: >=1.14",
        captures: { istio: "1.5.0", cluster: "1.13.11", minimum: "1.14" },
      },
    ],
    nearMisses: [
      // istio/istio#24134: the passing precheck.
      "Istio is compatible with Kubernetes: v1.15.0.",
      "is running the minimum Kubernetes API version",
    ],
  },
  {
    id: "istio-kubernetes-unsupported-notice",
    title: "istioctl install: the cluster is older than this Istio supports (installation goes on)",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["is not supported by Istio"],
    patterns: [
      String.raw`Kubernetes\s+version\s+(?<cluster>{V})\s+is\s+not\s+supported\s+by\s+Istio\s+(?<istio>{V})\.?\s*(?:The\s+minimum\s+supported\s+Kubernetes\s+version\s+is\s+(?<minimum>{V}))?`,
    ],
    versions: ["cluster", "minimum"],
    roles: { cluster: "cluster (API server) version", minimum: "minimum Kubernetes this Istio supports", istio: "Istio release" },
    versionKinds: { istio: { kind: "component", component: "Istio" } },
    priority: 48,
    meaning:
      "istioctl install (1.17 on) found a cluster older than the Istio release supports and carried on (\"Proceeding with the installation, but you might experience problems\"): later failures of the install (CRDs refused, webhooks not served) are likely this.",
    causes: ["An istioctl (or Istio chart) newer than the cluster's support window."],
    fixes: ["Use the Istio release whose support matrix includes the cluster's version, or upgrade the cluster."],
    references: ["https://istio.io/latest/docs/releases/supported-releases/"],
    examples: [
      {
        // istioctl/pkg/install/k8sversion/version.go (UnSupportedK8SVersionLogMsg)
        line: "The Kubernetes version v1.26.3 is not supported by Istio 1.22.0. The minimum supported Kubernetes version is 1.27.",
        captures: { cluster: "v1.26.3", istio: "1.22.0", minimum: "1.27" },
      },
    ],
    nearMisses: ["Proceeding with the installation, but you might experience problems. See https://istio.io/latest/docs/releases/supported-releases/ for a list of supported versions."],
  },
  {
    id: "flux-kubernetes-version-check",
    title: "flux check: the cluster's Kubernetes version is outside Flux's range",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["does not match"],
    patterns: [
      // flux check / flux bootstrap prerequisites; kops' "does not match range:" info lines have no operator here.
      String.raw`Kubernetes\s+version\s+(?<cluster>{V})\s+does\s+not\s+match\s+(?<constraint>[<>=~^][^\n]*?{V}(?:\s+[<>=~^]+\s*{V})?)(?=\s*$|\s*[,;)])`,
    ],
    versions: ["cluster"],
    roles: { cluster: "cluster version", constraint: "Kubernetes range this Flux release supports" },
    priority: 50,
    meaning: "flux check (run by flux bootstrap and install) compares the cluster's version with the range this Flux release supports, and the cluster is outside it.",
    causes: ["A Flux CLI or chart upgraded past the cluster's Kubernetes: each Flux minor drops the oldest Kubernetes minors it tested."],
    fixes: ["Upgrade the cluster into Flux's range, or pin the Flux release that still supports this Kubernetes (see the Flux release's supported versions)."],
    references: ["https://fluxcd.io/flux/installation/#prerequisites"],
    examples: [{ line: "✗ Kubernetes version v1.27.3 does not match >=1.30.0-0", captures: { cluster: "v1.27.3", constraint: ">=1.30.0-0" } }],
    nearMisses: [
      "✔ Kubernetes 1.18.9-eks-d1db3c >=1.16.0",
      'I0502 10:26:00.780322    4445 channel.go:325] Kubernetes version "1.30.11" does not match range: >=1.4.0 <1.5.0',
    ],
  },
  {
    id: "argocd-cli-server-skew",
    title: "argocd CLI newer than the Argo CD server (gRPC service or method unknown)",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["unknown service applicationset.", "desc = unknown method"],
    patterns: [
      String.raw`code\s*=\s*Unimplemented\s+desc\s*=\s*unknown\s+service\s+(?<service>applicationset\.ApplicationSetService)`,
      // Methods of Argo CD's own API services, as named by the server that lacks them.
      String.raw`code\s*=\s*Unimplemented\s+desc\s*=\s*unknown\s+method\s+(?<method>\w+)\s+for\s+service\s+(?<service>(?:application|applicationset|repository|cluster|project|session|settings|account|certificate|gpgkey|repocreds|notification|version)\.\w+Service)`,
      // Older servers name only the method: the repository API's, which the CLI reshaped in 1.5.
      String.raw`code\s*=\s*Unimplemented\s+desc\s*=\s*unknown\s+method\s+(?<method>(?:List|Create|Update|Delete|Get|Validate)Repositor(?:y|ies)|ListRepositoryCredentials)\b`,
    ],
    versions: [],
    roles: { service: "gRPC service the client called", method: "gRPC method the server does not have" },
    priority: 50,
    meaning:
      "Argo CD's CLI (or one component) called a gRPC service or method that the Argo CD server it talks to does not have: the client is newer than the server. The ApplicationSet API, for one, is served from Argo CD 2.5 on.",
    causes: [
      "A CI job installing the latest argocd CLI (or a setup action's default) against an older Argo CD server.",
      "Argo CD components from different releases: an argocd-server upgraded ahead of (or behind) argocd-repo-server.",
    ],
    fixes: ["Use the argocd CLI of the server's release (argocd version shows both), or upgrade the server; keep all Argo CD components on one release."],
    references: ["https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd_appset/", "https://github.com/argoproj/argo-cd/issues/3417"],
    examples: [
      {
        // argoproj/applicationset#608
        line: "FATA[0000] rpc error: code = Unimplemented desc = unknown service applicationset.ApplicationSetService",
        captures: { service: "applicationset.ApplicationSetService" },
      },
      {
        // argoproj/argo-cd#3402 (CLI v1.5.1, server v1.3.6)
        line: "FATA[0001] rpc error: code = Unimplemented desc = unknown method ListRepositories",
        captures: { method: "ListRepositories" },
      },
      {
        // argoproj/argo-cd#3417 (maintainer: use the CLI of the server's version)
        line: String.raw`returns level=fatal msg="rpc error: code = Unimplemented desc = unknown method CreateRepository"`,
        captures: { method: "CreateRepository" },
      },
      {
        // argoproj/argo-cd#11784 (argocd-server ahead of argocd-repo-server); the logfmt line's error= field, which
        // the normaliser drops after msg= today.
        line: String.raw`error="rpc error: code = Unimplemented desc = unknown method ListPlugins for service repository.RepoServerService" grpc.code=Unimplemented`,
        captures: { method: "ListPlugins", service: "repository.RepoServerService" },
      },
    ],
    nearMisses: [
      // argoproj/argo-cd#3541: a --grpc-web path regression, not a version mismatch.
      "FATA[0000] rpc error: code = Unimplemented desc = unknown service /version.VersionService",
      "rpc error: code = Unimplemented desc = unknown method Frobnicate for service acme.WidgetService",
    ],
  },
  {
    id: "cert-manager-api-version-removed",
    title: "cert-manager API version removed (v1alpha2, v1alpha3, v1beta1 since cert-manager 1.7)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["cert-manager.io/v1alpha", "cert-manager.io/v1beta1"],
    patterns: [
      String.raw`request\s+to\s+convert\s+CR\s+(?:from|to)\s+an\s+invalid\s+group/version\s*:\s*(?<apiVersion>(?:acme\.)?cert-manager\.io/v1(?:alpha2|alpha3|beta1))`,
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>(?:acme\.)?cert-manager\.io/v1(?:alpha2|alpha3|beta1))\b`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "cert-manager API version asked for", kind: "cert-manager kind" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-no-kind-match, which reads any CRD group as "CRD not installed".
    priority: 55,
    meaning:
      "cert-manager 1.7 removed its v1alpha2, v1alpha3 and v1beta1 APIs (deprecated since 1.4): manifests, charts or stored objects still at those versions are not served by the installed cert-manager. (The older certmanager.k8s.io group is left to api-no-kind-match: on its own line it reads like CRDs not installed.)",
    causes: [
      "Issuer/Certificate manifests (or a chart) written for cert-manager < 1.7, applied to a cluster whose cert-manager is 1.7 or newer.",
      "Objects stored at an old version before the upgrade (the CRDs' storedVersions still list it), so the conversion webhook refuses them.",
    ],
    fixes: [
      "Move the manifests to cert-manager.io/v1 (acme.cert-manager.io/v1), and run cmctl upgrade migrate-api-version before upgrading past 1.6.",
      "Or pin cert-manager below 1.7 until the manifests are migrated.",
    ],
    references: ["https://cert-manager.io/docs/installation/upgrading/remove-deprecated-apis/"],
    examples: [
      {
        // cert-manager/cert-manager#5385
        line: String.raw`Error: UPGRADE FAILED: unable to build kubernetes objects from current release manifest: resource mapping not found for name: "letsencrypt-staging" namespace: "" from "": no matches for kind "ClusterIssuer" in version "cert-manager.io/v1alpha2"`,
        captures: { kind: "ClusterIssuer", apiVersion: "cert-manager.io/v1alpha2" },
      },
      {
        // cert-manager/cert-manager#5301
        line: "Error from server: request to convert CR from an invalid group/version: acme.cert-manager.io/v1alpha2",
        captures: { apiVersion: "acme.cert-manager.io/v1alpha2" },
      },
      {
        // cert-manager/cert-manager#4900
        line: String.raw`Keep getting "request to convert CR from an invalid group/version: cert-manager.io/v1alpha2" when upgrading cert-manager`,
        captures: { apiVersion: "cert-manager.io/v1alpha2" },
      },
    ],
    nearMisses: [
      // cert-manager 0.x's own group with its CRDs not installed (fbeltrao/aks-letsencrypt#2).
      String.raw`validation failed: - no matches for kind "Certificate" in version "certmanager.k8s.io/v1alpha1"`,
      // The current version missing means the CRDs are not installed at all, not a removed version.
      String.raw`error: resource mapping not found for name: "selfsigned" namespace: "" from "issuer.yaml": no matches for kind "ClusterIssuer" in version "cert-manager.io/v1"`,
    ],
  },
  {
    id: "csi-driver-lifecycle-modes-skew",
    title: "CSIDriver object and cluster disagree on volumeLifecycleModes (added in Kubernetes 1.16)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["not supported by driver", "volumeLifecycleModes"],
    patterns: [
      // Kubernetes 1.16 reads CSIDriver.spec.volumeLifecycleModes and defaults it to [Persistent] only for objects it
      // creates: a CSIDriver stored by 1.15 has an empty list, so the 1.16 kubelet refuses every persistent volume.
      String.raw`volume\s+mode\s+${Q}(?<mode>Persistent)${Q}\s+not\s+supported\s+by\s+driver\s+(?<driver>[\w.-]+)\s+\(\s*only\s+supports\s+\[\s*\]\s*\)`,
      // The opposite: a manifest written for 1.16+ applied to an older cluster, whose schema lacks the field.
      String.raw`unknown\s+field\s+${Q}volumeLifecycleModes${Q}\s+in\s+io\.k8s\.api\.storage\.(?<apiVersion>v1beta1|v1)\.CSIDriverSpec`,
    ],
    versions: [],
    roles: { mode: "volume mode the kubelet needs", driver: "CSI driver", apiVersion: "CSIDriver API version of the manifest" },
    priority: 52,
    meaning:
      "CSIDriver.spec.volumeLifecycleModes exists from Kubernetes 1.16 on. A CSIDriver object created on 1.15 and kept through the upgrade to 1.16 has no modes (the defaulting to Persistent only applies to objects written by 1.16+), so the kubelet refuses its volumes; and a manifest that sets the field is refused by a cluster older than 1.16.",
    causes: [
      "A cluster upgraded from 1.15 to 1.16 with the CSI driver's CSIDriver object left as it was created (EKS, DigitalOcean and kOps upgrades hit this).",
      "A driver manifest or chart written for 1.16+ (with volumeLifecycleModes) installed on 1.14/1.15.",
    ],
    fixes: [
      "After the upgrade, delete and re-create the CSIDriver object (kubectl delete csidriver <name>, then re-apply the driver's manifest) so that 1.16 defaults its modes, or set volumeLifecycleModes: [Persistent] explicitly.",
      "On a cluster older than 1.16, drop volumeLifecycleModes from the manifest (or use the driver release made for that Kubernetes).",
    ],
    references: ["https://kubernetes-csi.github.io/docs/csi-driver-object.html", "https://github.com/kubernetes-sigs/aws-ebs-csi-driver/issues/419"],
    examples: [
      {
        // kubernetes-sigs/aws-ebs-csi-driver#419 (CSIDriver created under 1.15; control plane upgraded to 1.16)
        line: String.raw`volume mode "Persistent" not supported by driver ebs.csi.aws.com (only supports [])`,
        captures: { mode: "Persistent", driver: "ebs.csi.aws.com" },
      },
      {
        // digitalocean/csi-digitalocean#276 (Kubernetes 1.16.0, CSIDriver from the 1.15 era)
        line: String.raw`MountVolume.NewMounter initialization failed for volume "pvc-4765c451-c31c-4090-807c-66c251247126" : volume mode "Persistent" not supported by driver dobs.csi.digitalocean.com (only supports [])`,
        captures: { mode: "Persistent", driver: "dobs.csi.digitalocean.com" },
      },
      {
        // metal-stack/csi-driver-lvm#51 (chart written for 1.16+, cluster v1.14.8)
        line: String.raw`Error: unable to build kubernetes objects from release manifest: error validating "": error validating data: ValidationError(CSIDriver.spec): unknown field "volumeLifecycleModes" in io.k8s.api.storage.v1beta1.CSIDriverSpec`,
        captures: { apiVersion: "v1beta1" },
      },
    ],
    nearMisses: [
      // A driver that really supports only persistent volumes, asked for an inline (ephemeral) one: not a version matter.
      String.raw`MountVolume.NewMounter initialization failed for volume "data" : volume mode "Ephemeral" not supported by driver ebs.csi.aws.com (only supports ["Persistent"])`,
      "  volumeLifecycleModes:",
    ],
  },
  {
    id: "csi-snapshot-api-not-served",
    title: "Snapshot client and the cluster's snapshot CRDs serve different API versions",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["snapshot.storage.k8s.io", ".VolumeGroupSnapshot"],
    patterns: [
      String.raw`(?:\*(?<apiVersion>v1(?:alpha1|beta1)?)\.VolumeSnapshot\w*\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s*\(\s*(?<verb>get|list|post|put|patch|delete|watch)\s+(?<resource>volumesnapshot(?:s|contents|classes))\.snapshot\.storage\.k8s\.io\b`,
      // The group-snapshot API (groupsnapshot.storage.k8s.io) moved v1alpha1 → v1beta1 → v1beta2 → v1 across external-snapshotter
      // 6.3–8.x: a snapshot-controller, webhook or csi-snapshotter of one release lists a version the installed group CRDs
      // lack (kubernetes-csi/external-snapshotter#921, rancher/rke2#10467), or the group CRDs are not installed at all.
      String.raw`(?:\*(?<apiVersion>v1(?:alpha\d|beta\d)?)\.VolumeGroupSnapshot\w*\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s*\(\s*(?<verb>get|list|post|put|patch|delete|watch)\s+(?<resource>volumegroupsnapshot(?:s|contents|classes))\.groupsnapshot\.storage\.k8s\.io\b`,
      // The same informer line cut after the kind (a wrapped excerpt).
      String.raw`[Ff]ailed\s+to\s+list\s+\*(?<apiVersion>v1(?:alpha\d|beta\d)?)\.(?<kind>VolumeGroupSnapshot(?:Class|Content)?)\s*:\s*$`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "snapshot API version the client asks for", resource: "snapshot resource", verb: "request", kind: "snapshot kind" },
    versionKinds: { apiVersion: "api-version" },
    priority: 55,
    meaning:
      "A CSI snapshot client (csi-snapshotter sidecar, external-provisioner, a test suite or operator) asked for a snapshot.storage.k8s.io version that the installed snapshot CRDs do not serve: the API went v1alpha1 (Kubernetes ≤ 1.16), v1beta1 (1.17–1.19), v1 (1.20+), and external-snapshotter 4.x/5.x/6.x stopped serving the older ones. The same 404 is returned when no snapshot CRDs are installed at all, so this is a warning.",
    causes: [
      "A CSI driver's sidecars (or a test's client) built for another snapshot API version than the cluster's snapshot CRDs and controller, typically after upgrading one of them.",
      "The snapshot CRDs (and snapshot-controller) were never installed on the cluster.",
    ],
    fixes: [
      "Install the snapshot CRDs and snapshot-controller of the external-snapshotter release that matches the driver's sidecars (kubectl get crd volumesnapshots.snapshot.storage.k8s.io -o jsonpath='{.spec.versions[*].name}' shows what is served), or upgrade the client to the served version.",
    ],
    references: ["https://github.com/kubernetes-csi/external-snapshotter#usage"],
    examples: [
      {
        // rook/rook#6067 (Rook 1.4's csi-snapshotter asks for v1beta1; the cluster kept the v1alpha1 CRDs)
        line: String.raw`E0813 11:41:22.198321       1 reflector.go:156] github.com/kubernetes-csi/external-snapshotter/pkg/client/informers/externalversions/factory.go:117: Failed to list *v1beta1.VolumeSnapshotContent: the server could not find the requested resource (get volumesnapshotcontents.snapshot.storage.k8s.io)`,
        captures: { apiVersion: "v1beta1", verb: "get", resource: "volumesnapshotcontents" },
      },
      {
        // kubernetes-csi/external-snapshotter#313 (external-provisioner v1.4.0 too old for the beta snapshot CRDs)
        line: String.raw`failed to provision volume with StorageClass "sc-snapshot": error getting handle for DataSource Type VolumeSnapshot by Name snap1: error getting snapshot snap1 from api server: the server could not find the requested resource (get volumesnapshots.snapshot.storage.k8s.io snap1)`,
        captures: { verb: "get", resource: "volumesnapshots" },
      },
      {
        // portworx/torpedo#1445 (the suite posted v1beta1 objects to a cluster whose snapshot controller serves only v1)
        line: String.raw`19:53:05 2023-03-10 03:53:05 +0000:[ERROR] [{Longevity}] [tests.TriggerCsiSnapShot.func2:#5143] - Create volume snapshot class failed with error: [Failed to create snapshot for volume: px-pure-snapshotclass03-10-03h53m05s due to err: the server could not find the requested resource (post volumesnapshotclasses.snapshot.storage.k8s.io)]`,
        captures: { verb: "post", resource: "volumesnapshotclasses" },
      },
      {
        // kubernetes-csi/external-snapshotter#921 (the 6.3.0 webhook lists group snapshot classes the cluster does not serve)
        line: "W1012 01:20:52.960779       1 reflector.go:535] github.com/kubernetes-csi/external-snapshotter/client/v6/informers/externalversions/factory.go:133: failed to list *v1alpha1.VolumeGroupSnapshotClass: the server could not find the requested resource (get volumegroupsnapshotclasses.groupsnapshot.storage.k8s.io)",
        captures: { apiVersion: "v1alpha1", verb: "get", resource: "volumegroupsnapshotclasses" },
      },
      // rancher/rke2#10467 (csi-snapshotter asking for v1beta2 of RKE2's v1beta1 group CRDs; the excerpt wrapped after the kind)
      { line: String.raw`E reflector.go:204] "Failed to watch" err="failed to list *v1beta2.VolumeGroupSnapshotClass:`, captures: { apiVersion: "v1beta2", kind: "VolumeGroupSnapshotClass" } },
    ],
    nearMisses: [
      // kubernetes-csi/external-snapshotter#245 ("no matches … snapshot.storage.k8s.io/v1beta1", CRDs not installed) is
      // api-no-kind-match's: a warning naming that reading beside CRDs outside v1beta1's window (2.0 to 5.x).
      "snapshot.storage.k8s.io/v1beta1",
    ],
  },
  {
    id: "crd-schema-needs-newer-kubernetes",
    title: "CRD manifest uses schema features this (old) Kubernetes does not accept",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["at the root if the status subresource is enabled", "CustomResourceDefinition.status): missing required field"],
    patterns: [
      // Kubernetes 1.11 allowed only properties, required and description at the schema root with the status subresource.
      String.raw`must\s+only\s+have\s+${Q}properties${Q}\s*,\s*${Q}required${Q}\s+or\s+${Q}description${Q}\s+at\s+the\s+root\s+if\s+the\s+status\s+subresource\s+is\s+enabled`,
      // Manifests generated with an empty status stanza (controller-tools for 1.13+) against a 1.11/1.12 schema.
      String.raw`ValidationError\(CustomResourceDefinition\.status\)\s*:\s*missing\s+required\s+field\s+${Q}(?<field>conditions|storedVersions)${Q}\s+in\s+io\.k8s\.apiextensions-apiserver\.pkg\.apis\.apiextensions\.(?<apiVersion>v1beta1)\.CustomResourceDefinitionStatus`,
    ],
    versions: [],
    roles: { field: "status field the old schema requires", apiVersion: "apiextensions version of the manifest" },
    priority: 50,
    meaning:
      "The operator's CRDs were generated for a newer Kubernetes than the cluster: Kubernetes 1.11 rejects any schema root keyword other than properties, required and description when the status subresource is enabled, and kubectl validation against 1.11/1.12 requires status.conditions and status.storedVersions, which newer generators write as null.",
    causes: ["An operator or chart release whose CRDs were generated (controller-gen, operator-sdk) for Kubernetes 1.12/1.13+, installed on a 1.11 or 1.12 cluster."],
    fixes: [
      "Upgrade the cluster to a Kubernetes release the operator supports, or install the operator release made for the cluster's version.",
      "As a stop-gap: remove the extra root keywords (type: object, …) or the empty status: stanza from the CRD manifests.",
    ],
    references: ["https://github.com/cert-manager/cert-manager/issues/2200", "https://github.com/helm/charts/pull/21353"],
    examples: [
      {
        // open-telemetry/opentelemetry-operator#10 (Kubernetes 1.11.10), helm/charts#21353 (a chart fixed for 1.11)
        line: String.raw`It says at the end must only have "properties", "required" or "description" at the root if the status subresource is enabled.`,
      },
      {
        // kubernetes-retired/cluster-registry#255 (kube 1.11.1), pusher/faros#75 (1.12)
        line: String.raw`error: error validating "cluster-registry-crd.yaml": error validating data: [ValidationError(CustomResourceDefinition.status): missing required field "conditions" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionStatus, ValidationError(CustomResourceDefinition.status): missing required field "storedVersions" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionStatus]; if you choose to ignore these errors, turn validation off with --validate=false`,
        captures: { field: "conditions", apiVersion: "v1beta1" },
      },
    ],
    nearMisses: [
      // A CRD's own schema mistake (kubernetes 1.16+ structural-schema check), not a version mismatch.
      String.raw`spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields`,
      String.raw`ValidationError(Deployment.spec): missing required field "selector" in io.k8s.api.apps.v1.DeploymentSpec`,
    ],
  },
  {
    id: "linkerd-check-minimum-version",
    title: "linkerd check: the cluster (or kubectl) is older than this Linkerd release requires",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["or more recent is required", "is running the minimum"],
    patterns: [
      String.raw`(?<component>Kubernetes|kubectl)\s+is\s+on\s+version\s+\[(?<found>{V})\]\s*,\s*but\s+version\s+\[(?<minimum>{V})\]\s+or\s+more\s+recent\s+is\s+required`,
      // The failed check's own line (× in the CLI's output); its passing form carries √ and is not matched.
      String.raw`[×✗]\s+is\s+running\s+the\s+minimum\s+(?<component>Kubernetes\s+API|kubectl)\s+version`,
    ],
    versions: ["found", "minimum"],
    roles: { found: "version found (cluster or kubectl)", minimum: "minimum this Linkerd release requires", component: "what was checked" },
    priority: 50,
    meaning:
      "linkerd check (and linkerd install --pre checks) compares the cluster's Kubernetes version, and the local kubectl's, with the minimum this Linkerd release supports; one of them is older. Linkerd raises its minimum with most stable releases (1.10 for 2.3, 1.12 for 2.4, 1.21 for 2.12, …).",
    causes: [
      "A Linkerd CLI upgraded (or installed from the latest channel) past the cluster's Kubernetes version.",
      "An old kubectl in the CI image: Linkerd 2.12 requires a kubectl at least as new as 1.21.",
    ],
    fixes: ["Use the Linkerd release whose supported range includes the cluster, or upgrade the cluster (or the job's kubectl) to the minimum named."],
    references: ["https://linkerd.io/2/checks/#k8s-version", "https://linkerd.io/2/checks/#kubectl-version"],
    examples: [
      {
        // linkerd/website#311 (minikube 0.25's Kubernetes 1.9.4 with a Linkerd that requires 1.10)
        line: "    Kubernetes is on version [1.9.4], but version [1.10.0] or more recent is required",
        captures: { component: "Kubernetes", found: "1.9.4", minimum: "1.10.0" },
      },
      {
        // linkerd/linkerd2#9615 and linkerd/website#1510 (linkerd 2.12.1 with kubectl 1.20.4)
        line: "    kubectl is on version [1.20.4], but version [1.21.0] or more recent is required",
        captures: { component: "kubectl", found: "1.20.4", minimum: "1.21.0" },
      },
      { line: "× is running the minimum Kubernetes API version", captures: { component: "Kubernetes API" } },
    ],
    nearMisses: ["√ is running the minimum Kubernetes API version", "✔ is running the minimum kubectl version"],
  },
  {
    id: "flux-api-version-not-served",
    title: "Flux API version not served by the Flux controllers (CLI or manifests of another Flux release)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["toolkit.fluxcd.io/v"],
    patterns: [
      // Beta and alpha versions only: a missing v1/v2 usually means Flux is not installed, which api-no-kind-match says.
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>(?:kustomize|source|helm|notification|image)\.toolkit\.fluxcd\.io/v\d+(?:alpha|beta)\d+)\b`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "Flux API version asked for", kind: "Flux kind" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-no-kind-match, which reads any CRD group as "CRD not installed".
    priority: 55,
    meaning:
      "The Flux CRDs in the cluster do not serve this API version. Each Flux minor moves its APIs (kustomize v1beta1 → v1beta2 in 0.18, v1 in 2.0; helm v2beta1 → v2beta2 → v2, v2beta1 removed in 2.3), so a flux CLI newer than the controllers asks for a version their CRDs do not have yet, and manifests written for an older Flux name versions the new CRDs no longer serve.",
    causes: [
      "A flux CLI upgraded past the in-cluster Flux (flux get, flux reconcile and flux bootstrap use the CLI's API versions).",
      "Manifests (gotk-sync.yaml, Kustomizations, HelmReleases) kept at an API version that the upgraded Flux dropped.",
    ],
    fixes: [
      "Use the flux CLI of the installed Flux release (flux version shows both), or upgrade the controllers with flux install/bootstrap of the CLI's release.",
      "Move the manifests to the API versions of the installed Flux (flux migrate, or the release notes' upgrade steps).",
    ],
    references: ["https://fluxcd.io/flux/installation/upgrade/"],
    examples: [
      {
        // fluxcd/flux2#2009 (CLI 0.18.2, controllers of 0.17.2)
        line: String.raw`✗ no matches for kind "Kustomization" in version "kustomize.toolkit.fluxcd.io/v1beta2"`,
        captures: { kind: "Kustomization", apiVersion: "kustomize.toolkit.fluxcd.io/v1beta2" },
      },
      {
        line: String.raw`error: unable to recognize "apps.yaml": no matches for kind "HelmRelease" in version "helm.toolkit.fluxcd.io/v2beta1"`,
        captures: { kind: "HelmRelease", apiVersion: "helm.toolkit.fluxcd.io/v2beta1" },
      },
    ],
    nearMisses: [
      "apiVersion: kustomize.toolkit.fluxcd.io/v1beta2",
      // fluxcd/flux2#2009: the CLI's update notice in the same output.
      "✗ flux 0.17.2 <0.19.1 (new version is available, please upgrade)",
    ],
  },
  {
    id: "gateway-api-version-not-served",
    title: "Gateway API v1alpha2 (or the old networking.x-k8s.io group) not served by the installed Gateway API CRDs",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["gateway.networking.k8s.io)", "networking.x-k8s.io/v1alpha1"],
    patterns: [
      // "no matches for kind … gateway.networking.k8s.io/v1alpha2" is api-no-kind-match's (its diagnoser knows v1.0 dropped
      // v1alpha2 for the core kinds); v0.4 moved everything out of networking.x-k8s.io.
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>networking\.x-k8s\.io/v1alpha1)\b`,
      // A controller built for v1alpha2 watching CRDs that no longer serve it.
      String.raw`[Ff]ailed\s+to\s+(?:list|watch)\s+\*(?<apiVersion>v1alpha2)\.(?<kind>GatewayClass|Gateway|HTTPRoute)\s*:\s*(?:failed\s+to\s+list\s+\*[\w.]+\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource(?:\s+\(get\s+(?<resource>(?:gatewayclasses|gateways|httproutes)\.gateway\.networking\.k8s\.io)\))?`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "Gateway API version asked for", kind: "Gateway API kind", resource: "resource" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-no-kind-match and api-watch-version-not-served.
    priority: 55,
    meaning:
      "The Gateway API CRDs in the cluster are newer than the client: from Gateway API v1.0 the standard channel serves GatewayClass, Gateway and HTTPRoute at v1 and v1beta1 only, so a chart, manifest or controller written for v1alpha2 (Gateway API ≤ 0.8) is refused. (The reverse, CRDs older than a v1 client, reads as \"no matches … gateway.networking.k8s.io/v1\" and is left to api-no-kind-match.)",
    causes: [
      "A chart or controller release that still uses gateway.networking.k8s.io/v1alpha2 (Traefik 2.x, old library charts) on a cluster with Gateway API ≥ 1.0 CRDs, often installed by another component (Cilium, Istio, a cloud's managed Gateway).",
    ],
    fixes: [
      "Upgrade the chart or controller to a release that uses gateway.networking.k8s.io/v1 (or v1beta1), and write HTTPRoute/Gateway manifests at v1.",
      "If nothing else needs the newer CRDs: install the Gateway API release the controller was built for.",
    ],
    references: ["https://gateway-api.sigs.k8s.io/guides/#v1-upgrade-notes", "https://github.com/kubernetes-sigs/gateway-api/releases/tag/v1.0.0"],
    examples: [
      {
        // traefik/traefik#10440: the controller's informer
        line: "W0214 15:38:40.493250 1 reflector.go:424] k8s.io/client-go@v0.26.3/tools/cache/reflector.go:169: failed to list *v1alpha2.Gateway: the server could not find the requested resource (get gateways.gateway.networking.k8s.io)",
        captures: { apiVersion: "v1alpha2", kind: "Gateway", resource: "gateways.gateway.networking.k8s.io" },
      },
      {
        // the old group (Gateway API ≤ 0.3), in a manifest applied to v0.4+ CRDs
        line: String.raw`error: unable to recognize "gateway.yaml": no matches for kind "HTTPRoute" in version "networking.x-k8s.io/v1alpha1"`,
        captures: { kind: "HTTPRoute", apiVersion: "networking.x-k8s.io/v1alpha1" },
      },
    ],
    nearMisses: [
      // Still served at v1alpha2 (experimental channel): a missing TLSRoute means the experimental CRDs are not installed.
      String.raw`no matches for kind "TLSRoute" in version "gateway.networking.k8s.io/v1alpha2"`,
      // envoyproxy/gateway#4719: a CRD of the implementation's own group that the chart did not install.
      String.raw`error: resource mapping not found for name: "ms-context-integration-redirect" namespace: "" from "httproute.yml": no matches for kind "HTTPRouteFilter" in version "gateway.envoyproxy.io/v1alpha1"`,
      "apiVersion: gateway.networking.k8s.io/v1alpha2",
    ],
  },
  {
    id: "velero-client-server-version-mismatch",
    title: "velero CLI and Velero server of different minors",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["the client version does not match the server version"],
    patterns: [String.raw`the\s+client\s+version\s+does\s+not\s+match\s+the\s+server\s+version\.?\s*(?:Please\s+update\s+(?:the\s+)?(?<older>client|server))?`],
    versions: [],
    roles: { older: "side velero says to update" },
    priority: 45,
    meaning:
      "velero version compares the CLI's major.minor with the server's (Velero 1.6 on) and they differ; Velero does not support a CLI and server of different minors, and backup or restore commands may then fail or behave differently.",
    causes: ["A velero CLI downloaded from the latest release while the server (chart, Tanzu package) is pinned to an older one, or the reverse."],
    fixes: ["Use the velero CLI of the server's release (velero version shows both), or upgrade the server."],
    references: ["https://github.com/vmware-tanzu/velero/pull/3024"],
    examples: [
      {
        // velero-io/velero#9293
        line: "WARNING: the client version does not match the server version. Please update server",
        captures: { older: "server" },
      },
      {
        // vmware-tanzu/community-edition#1678 (CLI v1.6.3, Tanzu package 1.5.2)
        line: "# WARNING: the client version does not match the server version. Please update server",
        captures: { older: "server" },
      },
    ],
    nearMisses: ["Client:", "\tVersion: v1.6.3"],
  },
  {
    id: "operator-kubernetes-minimum-not-met",
    title: "Operator or add-on refuses a cluster older than its minimum Kubernetes (OLM minKubeVersion, Cilium, ingress-nginx)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["minKubeVersion (", "Minimal kubernetes version not met", "ingress-nginx requires Kubernetes"],
    patterns: [
      // OLM's CSV requirement check (the CSV stays Pending / RequirementsNotMet); issue titles cut it after "> server"
      // (operator-framework/operator-lifecycle-manager#2000).
      String.raw`version\s+requirement\s+not\s+met\s*:\s*minKubeVersion\s*\(\s*(?<minimum>{V})\s*\)\s*>\s*server(?:\s+version\s*\(\s*(?<cluster>{V}))?`,
      // cilium-agent and cilium-operator at start-up: "Minimal kubernetes version not met: 1.15.3 < >= 1.16.0".
      String.raw`Minimal\s+kubernetes\s+version\s+not\s+met\s*:\s*v?(?<cluster>{V})\s*<\s*(?<constraint>>=?\s*v?{V})`,
      // ingress-nginx 1.x on a cluster without networking.k8s.io/v1 Ingress.
      String.raw`ingress-nginx\s+requires\s+Kubernetes\s+(?<minimum>{V})\s+or\s+higher`,
    ],
    versions: ["cluster", "minimum"],
    roles: { cluster: "cluster (API server) version", minimum: "minimum Kubernetes the release supports", constraint: "Kubernetes range the release accepts" },
    priority: 50,
    meaning:
      "An operator (through OLM's minKubeVersion), a CNI or an ingress controller checked the cluster's Kubernetes version at install or start-up and refused it: the release is newer than the cluster supports.",
    causes: [
      "An operator, CNI or ingress release (often 'latest' or a chart default) installed on a cluster older than its supported range.",
      "For OLM: a bundle whose minKubeVersion was raised (or mistyped) above the cluster's version.",
    ],
    fixes: [
      "Install the release whose support matrix includes the cluster's version (ingress-nginx 0.x below Kubernetes 1.19; the Cilium release of the cluster's window), or upgrade the cluster.",
      "For OLM: choose a channel/bundle whose minKubeVersion the cluster meets, or correct minKubeVersion in the CSV.",
    ],
    references: ["https://olm.operatorframework.io/docs/concepts/crds/clusterserviceversion/", "https://docs.cilium.io/en/stable/network/kubernetes/requirements/"],
    examples: [
      {
        // operator-framework/community-operators#485 (the CI's minikube apiserver 1.12 below the bundle's 1.13)
        line: " version requirement not met: minKubeVersion (1.13.0) > server version (1.12.0)",
        captures: { minimum: "1.13.0", cluster: "1.12.0" },
      },
      {
        // an operator's CI notes quoting `kubectl describe csv` (code corpus)
        line: "Message: CSV version requirement not met: minKubeVersion (1.33.0) > server version (1.30.0)",
        captures: { minimum: "1.33.0", cluster: "1.30.0" },
      },
      {
        // cilium daemon/cmd and operator/cmd (log.Fatalf)
        line: String.raw`level=fatal msg="Minimal kubernetes version not met: 1.15.3 < >= 1.16.0" subsys=daemon`,
        captures: { cluster: "1.15.3", constraint: ">= 1.16.0" },
      },
      {
        // ingress-nginx cmd/nginx/main.go (klog.Fatalf)
        line: "F0825 09:14:02.531276       7 main.go:78] ingress-nginx requires Kubernetes v1.19.0 or higher",
        captures: { minimum: "v1.19.0" },
      },
    ],
    nearMisses: [
      // operator-framework/operator-lifecycle-manager#1093: no minKubeVersion set at all (not a requirement).
      "CSV missing minimum kube version specification",
      "CSV minKubeVersion (1.20.0) less than server version (v1.25.3)",
      "- Kubernetes v1.19.0 or higher, Linux nodes, `amd64` or `arm64` CPU.",
    ],
  },
  {
    id: "operator-crds-older-than-controller",
    title: "Controller watches a custom resource its installed CRDs do not serve (CRDs not upgraded with the controller)",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["could not find the requested resource (get "],
    patterns: [
      // A CRD group only: built-in groups end in k8s.io (api-watch-version-not-served has their lifecycles), Cluster API's
      // x-k8s.io groups are CRDs too.
      String.raw`[Ff]ailed\s+to\s+(?:list|watch)\s+\*(?<apiVersion>v\d+(?:(?:alpha|beta)\d+)?)\.(?<kind>[A-Z]\w*)\s*:\s*(?:failed\s+to\s+list\s+\*[\w.]+\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s+\(get\s+(?<resource>[a-z][\w-]*)\.(?!(?:[\w-]+\.)*k8s\.io\))(?<group>[a-z][\w-]*(?:\.[a-z][\w-]*)+)\)`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "version the controller lists", kind: "custom resource kind", resource: "resource", group: "CRD group" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-watch-version-not-served, which dismisses kinds it has no lifecycle for.
    priority: 48,
    meaning:
      "A controller's informer lists a custom resource that the cluster's CRDs do not serve. When the controller's other resources work, its CRDs are older than the controller: Helm installs a chart's crds/ once and never upgrades them, so a chart upgrade that adds a kind (Traefik's MiddlewareTCP, ServersTransport; prometheus-operator's PodMonitor, ScrapeConfig) or a version leaves the controller watching something the cluster does not have. If the CRDs were never installed the message is the same, hence a warning.",
    causes: [
      "A Helm upgrade of an operator or ingress controller (Traefik, prometheus-operator, …) that did not upgrade its CRDs (Helm skips crds/ on upgrade).",
      "The controller image upgraded on its own (automated image bumps) past the CRDs applied with the previous release.",
    ],
    fixes: [
      "Apply the CRDs of the controller's release (kubectl apply --server-side -f the release's crds/ or the chart's CRD manifests), then restart the controller.",
      "Or pin the controller back to the release its installed CRDs came from.",
    ],
    references: ["https://helm.sh/docs/chart_best_practices/custom_resource_definitions/#some-caveats-and-explanations"],
    examples: [
      {
        // rancher/system-charts#97 (monitoring upgrade without the new PodMonitor CRD)
        line: "E0914 02:59:39.410560 1 reflector.go:125] github.com/coreos/prometheus-operator/pkg/prometheus/operator.go:450: Failed to list *v1.PodMonitor: the server could not find the requested resource (get podmonitors.monitoring.coreos.com)",
        captures: { apiVersion: "v1", kind: "PodMonitor", resource: "podmonitors", group: "monitoring.coreos.com" },
      },
      {
        // traefik/traefik-helm-chart#482 (chart 10.3.0 / Traefik 2.5.0 without the MiddlewareTCP CRD)
        line: "Failed to watch *v1alpha1.MiddlewareTCP: failed to list *v1alpha1.MiddlewareTCP: the server could not find the requested resource (get middlewaretcps.traefik.containo.us)",
        captures: { apiVersion: "v1alpha1", kind: "MiddlewareTCP", group: "traefik.containo.us" },
      },
    ],
    nearMisses: [
      // traefik/traefik#8436: the line cut before the resource names no group to tell a CRD from a built-in kind.
      "`Failed to watch *v1alpha1.MiddlewareTCP: failed to list *v1alpha1.MiddlewareTCP`",
      // k3s-io/k3s#8784: the CRDs are there, the controller's RBAC was not upgraded.
      String.raw`E1105 10:13:39.431487       1 reflector.go:140] k8s.io/client-go@v0.26.3/tools/cache/reflector.go:169: Failed to watch *v1alpha1.MiddlewareTCP: failed to list *v1alpha1.MiddlewareTCP: middlewaretcps.traefik.io is forbidden: User "system:serviceaccount:kube-system:traefik" cannot list resource "middlewaretcps" in API group "traefik.io" at the cluster scope`,
    ],
  },
  {
    id: "prometheus-operator-crd-api-not-served",
    title: "prometheus-operator cannot create its CRDs: the cluster does not serve the CRD API version it uses",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["creating CRD: "],
    patterns: [
      String.raw`creating\s+CRD\s*:\s*(?<kind>Alertmanager|Prometheus|ServiceMonitor|PodMonitor|PrometheusRule|ThanosRuler|Probe)\s*:\s*the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource`,
    ],
    versions: [],
    roles: { kind: "CRD the operator tried to create" },
    priority: 50,
    meaning:
      "prometheus-operator releases before 0.38 created their own CRDs at start-up, through the apiextensions API of their client: v1beta1, which Kubernetes 1.22 stopped serving (and which clusters before 1.7 did not have). The operator exits with the CRD it failed to create.",
    causes: [
      "An old prometheus-operator (or a chart that still ships one, e.g. a marketplace stack) on a cluster upgraded to Kubernetes 1.22+.",
      "A prometheus-operator ≥ 0.12 on a Kubernetes 1.6 cluster (CRDs need 1.7).",
    ],
    fixes: [
      "Upgrade prometheus-operator (kube-prometheus-stack) to a release made for the cluster's Kubernetes, installing its CRDs (apiextensions.k8s.io/v1) yourself; or, on a pre-1.7 cluster, use the operator release of that Kubernetes.",
    ],
    references: ["https://github.com/prometheus-operator/prometheus-operator/blob/main/CHANGELOG.md"],
    examples: [
      {
        // digitalocean/marketplace-kubernetes#360 (after the upgrade to Kubernetes 1.22.8)
        line: String.raw`msg="Unhandled error received. Exiting..." err="creating CRD: Alertmanager: the server could not find the requested resource"`,
        captures: { kind: "Alertmanager" },
      },
      {
        // prometheus-operator/prometheus-operator#581 (operator v0.12.0 on Kubernetes 1.6: maintainer, it requires 1.7)
        line: String.raw`ts=2017-08-28T01:53:35Z caller=main.go:148 msg="Unhandled error received. Exiting..." err="creating CRDs failed: creating CRD: Prometheus: the server could not find the requested resource"`,
        captures: { kind: "Prometheus" },
      },
    ],
    nearMisses: [String.raw`level=info ts=2019-11-15T13:20:00.040517863Z caller=operator.go:1599 component=prometheusoperator msg="CRD updated" crd=Prometheus`],
  },
  {
    id: "csi-spec-version-unimplemented",
    title: "CSI sidecar or kubelet and the CSI driver implement different CSI spec versions",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["unknown service csi."],
    patterns: [
      String.raw`(?:code\s*=\s*Unimplemented\s+desc\s*=\s*)?unknown\s+service\s+csi\.(?<csiSpec>v0|v1(?:alpha\d|beta\d)?)\.(?<service>Identity|Node|Controller|GroupController)\b`,
    ],
    versions: [],
    roles: { csiSpec: "CSI spec package the caller speaks (v0 = CSI 0.x, v1 = CSI 1.x)", service: "CSI service called" },
    priority: 50,
    meaning:
      "A CSI caller (node-driver-registrar, external-provisioner/attacher, the kubelet, csc) called a CSI service that the driver does not register: the driver implements another CSI spec. CSI 0.x drivers serve csi.v0.*, CSI 1.x drivers csi.v1.*; Kubernetes 1.13 and the 1.x sidecars speak CSI 1.0 only, Kubernetes ≤ 1.12 and the 0.x sidecars CSI 0.x.",
    causes: [
      "Sidecar images (or a kubelet) of one CSI generation with a driver of the other: a 1.x node-driver-registrar with a CSI 0.3 driver, or a driver upgraded to CSI 1.0 while the sidecars stayed at 0.x.",
      "An experimental or archived driver (CSI 0.x) deployed on Kubernetes 1.13+.",
    ],
    fixes: [
      "Use the sidecar versions listed by the driver's release (kubernetes-csi.github.io/docs/sidecar-containers.html has the CSI spec of each), or a driver release that implements the CSI spec of the cluster's Kubernetes.",
    ],
    references: ["https://kubernetes-csi.github.io/docs/kubernetes-compatibility.html"],
    examples: [
      {
        // ceph/ceph-csi#259 (node-driver-registrar v1.0.1 against the ceph-csi 0.3 driver)
        line: "E0313 16:08:22.623420  860852 main.go:131] rpc error: code = Unimplemented desc = unknown service csi.v1.Identity",
        captures: { csiSpec: "v1", service: "Identity" },
      },
      {
        // kubernetes-sigs/aws-efs-csi-driver#60 (driver-registrar v0.4.2 against a CSI 1.0 driver image)
        line: "I0724 08:34:46.317955       1 connection.go:141] GRPC error: rpc error: code = Unimplemented desc = unknown service csi.v0.Identity",
        captures: { csiSpec: "v0", service: "Identity" },
      },
      {
        // Azure/kubernetes-volume-drivers#23 (a v1.10–1.11 hostpath driver on Kubernetes 1.13)
        line: String.raw`MountVolume.MountDevice failed for volume "kubernetes-dynamic-pv-36d1cf8772aa11e9" : rpc error: code = Unimplemented desc = unknown service csi.v1.Node`,
        captures: { csiSpec: "v1", service: "Node" },
      },
    ],
    nearMisses: [
      "I0313 16:08:22.621204  860852 connection.go:137] GRPC call: /csi.v1.Identity/GetPluginInfo",
      // A driver that implements CSI 1.x but not this optional RPC: a capability, not a spec version.
      "rpc error: code = Unimplemented desc = NodeExpandVolume is not implemented",
    ],
  },
  {
    id: "crd-stored-version-removed",
    title: "Upgrade drops a CRD version that objects are still stored in",
    family: "addons",
    severity: "warning",
    flake: true,
    anchors: ["status.storedVersions["],
    patterns: [
      String.raw`(?:CustomResourceDefinition(?:\.apiextensions\.k8s\.io)?\s+${Q}(?<crd>[\w.-]+)${Q}\s+is\s+invalid\s*:\s*)?status\.storedVersions\[\d+\]\s*:\s*Invalid\s+value\s*:\s*${Q}(?<stored>v\d+(?:(?:alpha|beta)\d+)?)${Q}\s*:\s*missing\s+from\s+spec\.versions`,
    ],
    versions: ["stored"],
    roles: { stored: "API version still recorded as stored", crd: "CustomResourceDefinition" },
    versionKinds: { stored: "api-version" },
    // The older wording ("must appear in spec.versions") is left to the generic layer, which reads it already.
    priority: 48,
    meaning:
      "The new release's CRD no longer lists an API version that the cluster's status.storedVersions still records, and the API server refuses to drop it: objects may still be persisted in that version. Operators and Cluster API providers drop old versions only after the release that migrated storage, so the upgrade skipped that release (or the migration never ran).",
    causes: [
      "An operator or provider upgraded across several releases at once (skipping the one that moved storage to the new version).",
      "A storage migration that was expected (clusterctl's CRD migration, kube-storage-version-migrator, the operator's own) did not run or did not clean status.storedVersions.",
    ],
    fixes: [
      "Upgrade through the intermediate release that still serves both versions, let it migrate the objects, then remove the old version from status.storedVersions (kubectl patch --subresource=status) and continue.",
      "With clusterctl, let it migrate CRDs (clusterctl upgrade does since 1.2; some providers need --enable-crd-storage-version-migration).",
    ],
    references: ["https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definition-versioning/#upgrade-existing-objects-to-a-new-stored-version"],
    examples: [
      {
        // rancher/k3k#576 (0.3.5 to 1.0.0 dropped v1alpha1), the newer API server wording
        line: String.raw`The CustomResourceDefinition "clusters.k3k.io" is invalid: status.storedVersions[0]: Invalid value: "v1alpha1": missing from spec.versions; v1alpha1 was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in v1alpha1 and removes v1alpha1 from status.storedVersions`,
        captures: { crd: "clusters.k3k.io", stored: "v1alpha1" },
      },
    ],
    nearMisses: [
      "  storedVersions:\n  - v1alpha4",
      // A CRD manifest that marks no storage version at all: a packaging bug.
      "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly one version marked as storage version",
    ],
  },
  {
    id: "linkerd-components-version-mismatch",
    title: "linkerd check: control plane, proxies and CLI run different Linkerd releases",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["but cli running", "and cli versions match", "not running the current version", "plane is up-to-date", "proxies are up-to-date"],
    patterns: [
      // healthcheck.go: "control plane running %s but cli running %s", and "<pod> running %s but cli running %s" for proxies.
      String.raw`(?<component>control\s+plane|[\w.-]+)\s+running\s+(?:(?:stable|edge|preview|enterprise)-)?(?<running>{V})\s+but\s+cli\s+running\s+(?:(?:stable|edge|preview|enterprise)-)?(?<cli>{V})`,
      // The failed (warning) check titles; their passing forms carry √ and are not matched.
      String.raw`(?:‼|!!|×|✗)\s*(?<component>control\s+plane(?:\s+proxies)?|data\s+plane)\s+and\s+cli\s+versions\s+match`,
      String.raw`(?:‼|!!|×|✗)\s*(?<component>data\s+plane|control\s+plane\s+proxies)\s+(?:is|are)\s+up-to-date`,
      String.raw`[Ss]ome\s+(?:data\s+plane\s+pods|proxies)\s+are\s+not\s+running\s+the\s+current\s+version`,
    ],
    versions: ["running", "cli"],
    roles: { running: "Linkerd release the control plane or proxy runs", cli: "Linkerd CLI release", component: "what runs another release" },
    versionKinds: { running: { kind: "component", component: "Linkerd" }, cli: { kind: "component", component: "Linkerd CLI" } },
    priority: 48,
    meaning:
      "linkerd check found Linkerd components on different releases: the control plane and the CLI, or meshed pods whose proxies were injected by an earlier control plane. Linkerd supports a data plane one stable release behind the control plane only for the upgrade window; CLI commands of another release may read the control plane's config wrongly.",
    causes: [
      "The control plane was upgraded but the meshed workloads were not restarted, so their proxies are still the old release.",
      "A CI image or developer machine with a linkerd CLI of another release than the installed control plane (install scripts fetch the latest).",
    ],
    fixes: [
      "Restart the meshed workloads (kubectl rollout restart) so the proxy injector gives them the control plane's proxy.",
      "Use the linkerd CLI of the installed release (linkerd version shows both), or upgrade the control plane to the CLI's release.",
    ],
    references: ["https://linkerd.io/2/checks/#l5d-version-control", "https://linkerd.io/2/checks/#l5d-data-plane-version"],
    examples: [
      {
        // linkerd2 pkg/healthcheck (control plane edge-24.7.3, CLI edge-24.7.1)
        line: "    control plane running edge-24.7.3 but cli running edge-24.7.1",
        captures: { component: "control plane", running: "24.7.3", cli: "24.7.1" },
      },
      {
        line: "    emoji-696d9d8f95-5vn9w running stable-2.11.1 but cli running stable-2.12.0",
        captures: { component: "emoji-696d9d8f95-5vn9w", running: "2.11.1", cli: "2.12.0" },
      },
      {
        line: "    linkerd-identity-7d555cc69-sxcvm running preview-24.1.5-hazl but cli running preview-24.1.5",
        captures: { running: "24.1.5-hazl", cli: "24.1.5" },
      },
      // linkerd/linkerd2#6154 (proxies left on 2.10.0 after a Helm upgrade to 2.10.2)
      { line: "‼ data plane is up-to-date", captures: { component: "data plane" } },
      { line: "    Some data plane pods are not running the current version:" },
      { line: "‼ control plane proxies and cli versions match", captures: { component: "control plane proxies" } },
    ],
    nearMisses: [
      "√ control plane and cli versions match",
      "√ data plane is up-to-date",
      // The CLI (or control plane) is merely not the newest release published: no two components differ.
      "‼ cli is up-to-date",
      "    is running version 24.7.1 but the latest edge version is 24.7.3",
      "‼ control plane is up-to-date",
    ],
  },
  {
    id: "keda-kubernetes-version-untested",
    title: "KEDA runs on a Kubernetes minor outside the range this KEDA release was tested with",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["been tested on Kubernetes"],
    patterns: [
      // cmd/operator (KEDA 2.10+): "WARNING: KEDA %s hasn't been tested on Kubernetes %s"
      String.raw`KEDA\s+(?<keda>{V})\s+hasn(?:'|\\u0027|’)?t\s+been\s+tested\s+on\s+Kubernetes\s+(?<cluster>{V})`,
    ],
    versions: ["keda", "cluster"],
    roles: { keda: "KEDA release", cluster: "cluster (API server) version" },
    versionKinds: { keda: { kind: "component", component: "KEDA" } },
    priority: 48,
    meaning:
      "The KEDA operator compared the cluster's minor with the range its release supports (each KEDA minor supports about three Kubernetes minors) and found it outside; KEDA starts anyway. Later failures of the operator (HPA API versions not served, webhooks refused) are likely this.",
    causes: [
      "A KEDA chart or manifest pinned years behind the cluster (KEDA 2.8 still wrote autoscaling/v2beta2 HPAs, removed in Kubernetes 1.26).",
      "A KEDA release newer than the cluster's minor (CI clusters on an old kind node image).",
    ],
    fixes: ["Use the KEDA release whose compatibility matrix includes the cluster's minor (keda.sh/docs/operate/cluster), or upgrade the cluster."],
    references: ["https://keda.sh/docs/latest/operate/cluster/#kubernetes-compatibility"],
    examples: [
      {
        // SeleniumHQ/docker-selenium#2275 (KEDA 2.14.0 on Kubernetes 1.26.15)
        line: "2024-06-01T06:19:23.959335699Z 2024-06-01T06:19:23Z\tINFO\tsetup\tWARNING: KEDA 2.14.0 hasn't been tested on Kubernetes v1.26.15",
        captures: { keda: "2.14.0", cluster: "v1.26.15" },
      },
    ],
    nearMisses: ["2024-06-01T06:19:23Z\tINFO\tsetup\tRunning on Kubernetes 1.26\t{\"version\": \"v1.26.15\"}", "2024-06-01T06:19:23Z\tINFO\tsetup\tYou can check recommended versions on https://keda.sh"],
  },
  {
    id: "argocd-diff-schema-field-unknown",
    title: "Argo CD cannot diff a resource: its built-in schema lacks a field of another Kubernetes release",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["field not declared in schema"],
    patterns: [
      // gitops-engine's structured-merge diff against the Kubernetes schema compiled into Argo CD; a bare field line
      // is how the wrapped "errors:" list of the same message arrives.
      String.raw`(?<field>\.(?:[\w-]+(?:\[[^\]\n]{0,160}\])?\.){0,12}[\w-]+)\s*:\s*field\s+not\s+declared\s+in\s+schema`,
    ],
    versions: [],
    roles: { field: "field path the schema does not declare" },
    // Below crd-field-needs-newer-kubernetes, which names CRD schema fields the API server itself does not know.
    priority: 38,
    meaning:
      "Argo CD's diff (gitops-engine's structured merge) types resources with the Kubernetes schema compiled into Argo CD. A field that a newer Kubernetes added (Job podReplacementPolicy, CSIDriver seLinuxMount, topologySpreadConstraints matchLabelKeys) is not declared in an older Argo CD's schema, so the comparison fails with ComparisonError and the application stays Unknown; an Argo CD newer than the cluster trips on the reverse. The same wording from kubectl apply --server-side means the API server's schema lacks a field of the manifest.",
    causes: [
      "The cluster was upgraded past the Kubernetes release whose schema the running Argo CD embeds (Argo CD before 2.12 with Job fields of 1.28+, before 2.9 with CSIDriver seLinuxMount of 1.27).",
      "An Argo CD release below its tested Kubernetes range (Argo CD 2.12 on Kubernetes 1.24).",
      "With server-side apply: a manifest written for a newer Kubernetes than the cluster, or a misspelled field.",
    ],
    fixes: [
      "Upgrade Argo CD to a release built for the cluster's Kubernetes minor (its tested-kubernetes-versions page), or keep the cluster inside the running Argo CD's range.",
      "Until then, ignoreDifferences on the field (without managedFieldsManagers) or server-side diff lets the application compare.",
    ],
    references: ["https://argo-cd.readthedocs.io/en/stable/operator-manual/tested-kubernetes-versions/"],
    examples: [
      {
        // argoproj/argo-cd#18778 (Argo CD 2.10 on a cluster with JobPodReplacementPolicy)
        line: "ComparisonError: Failed to compare desired state to live state: failed to calculate diff from cache: error calculating structured merge diff: error building typed value from live resource: errors: .spec.podReplacementPolicy: field not declared in schema .status.terminating: field not declared in schema (retried 2 times).",
        captures: { field: ".spec.podReplacementPolicy" },
      },
      {
        // argoproj/gitops-engine#558 (Kubernetes 1.28.4, Argo CD 2.9.3)
        line: "Failed to compare desired state to live state: failed to perform pre-diff normalization: error building typed results: error creating typedLive: .spec.seLinuxMount: field not declared in schema",
        captures: { field: ".spec.seLinuxMount" },
      },
      {
        // argoproj/argo-cd#15176 (Kubernetes 1.27)
        line: String.raw`  .spec.template.spec.topologySpreadConstraints[topologyKey="kubernetes.io/hostname",whenUnsatisfiable="DoNotSchedule"].matchLabelKeys: field not declared in schema`,
        captures: { field: String.raw`.spec.template.spec.topologySpreadConstraints[topologyKey="kubernetes.io/hostname",whenUnsatisfiable="DoNotSchedule"].matchLabelKeys` },
      },
      // argoproj/argo-helm#2866 (chart 7.4.0, Argo CD 2.12, on Kubernetes 1.24)
      { line: "Failed to compare desired state to live state: failed to perform pre-diff normalization: error building typed results: error creating typedLive: .status: field not declared in schema", captures: { field: ".status" } },
    ],
    nearMisses: [
      "Failed to compare desired state to live state: failed to calculate diff: error calculating structured merge diff: error building typed value from config resource: errors: duplicate entries for key [name=\"http\"]",
      "ComparisonError: Namespace \"default\" for Deployment \"coffee\" is not managed",
    ],
  },
  {
    id: "istio-data-plane-mixed-versions",
    title: "istioctl version: meshed proxies run more than one Istio release",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["data plane version:"],
    patterns: [
      // istioctl version lists each distinct proxy version once, with its count: two entries are two releases.
      String.raw`data\s+plane\s+version:\s*(?<first>{V})\s*\(\d+\s+prox(?:y|ies)\)\s*,\s*(?<second>{V})\s*\(\d+\s+prox(?:y|ies)\)`,
    ],
    versions: ["first", "second"],
    roles: { first: "one Istio release among the proxies", second: "another Istio release among the proxies" },
    versionKinds: { first: { kind: "component", component: "istio-proxy" }, second: { kind: "component", component: "istio-proxy" } },
    priority: 46,
    meaning:
      "The sidecars (and gateways) of the mesh run different Istio releases: pods injected before a control plane upgrade keep their old istio-proxy until restarted. Istio supports proxies one or two minors behind istiod only while upgrading; older ones get configuration they cannot parse.",
    causes: ["istiod was upgraded in place (or a canary revision became default) and the meshed workloads were not restarted."],
    fixes: ["Restart the workloads still on the old proxy (kubectl rollout restart), after pointing their namespace at the new revision when using canary upgrades."],
    references: ["https://istio.io/latest/docs/releases/supported-releases/#control-planedata-plane-skew"],
    examples: [
      {
        // istio/istio#41354 (control plane 1.15.1; 14 proxies still on 1.12.1)
        line: "data plane version: 1.12.1 (14 proxies), 1.15.1 (20 proxies)",
        captures: { first: "1.12.1", second: "1.15.1" },
      },
      { line: "data plane version: 1.20.0 (43 proxies), 1.20.2 (3 proxies), 1.23.2 (1 proxies)", captures: { first: "1.20.0", second: "1.20.2" } },
    ],
    nearMisses: [
      "data plane version: 1.15.1 (32 proxies)",
      // istio/istio#35136: a canary revision's proxies listed without a version (a display bug), not two releases.
      "data plane version:  (1 proxies), 1.10.4 (3 proxies)",
      "control plane version: 1.15.1",
    ],
  },
  {
    id: "istio-proxy-image-mismatch",
    title: "istioctl analyze IST0105: a pod's istio-proxy is another release than the injector's",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["injection configuration image:", "injector version:"],
    patterns: [
      // The image tags are the releases; a tag with a second colon is a malformed hub (istio/istio#26469), not matched.
      String.raw`pod\s+image:\s*[^\s:;()]+:(?<pod>{V})\s*;\s*injection\s+configuration\s+image:\s*[^\s:;()]+:(?<injector>{V})\s*\)`,
      // The first wording (Istio 1.4, "IstioProxyVersionMismatch").
      String.raw`pod\s+version:\s*(?<pod>{V})\s*;\s*injector\s+version:\s*(?<injector>{V})\s*\)`,
    ],
    versions: ["pod", "injector"],
    roles: { pod: "istio-proxy release in the pod", injector: "istio-proxy release the injector now injects" },
    versionKinds: { pod: { kind: "component", component: "istio-proxy" }, injector: { kind: "component", component: "istio-proxy" } },
    priority: 46,
    meaning:
      "istioctl analyze (IST0105) found a pod whose istio-proxy image differs from the one the sidecar injector uses now: the control plane was upgraded and the pod still runs the proxy of the earlier release.",
    causes: ["An Istio control plane upgrade without restarting the meshed workloads."],
    fixes: ["Restart the pod's workload so the injector gives it the current proxy."],
    references: ["https://istio.io/latest/docs/reference/config/analysis/ist0105/"],
    examples: [
      {
        // istio/istio#40705 (pods on 1.13.1 and 1.13.5, injector on 1.13.7)
        line: "Warning [IST0105] (Pod cube/cube-log-agent-server-775cbc98c4-cllbw) The image of the Istio proxy running on the pod does not match the image defined in the injection configuration (pod image: docker.io/istio/proxyv2:1.13.1; injection configuration image: docker.io/istio/proxyv2:1.13.7). This often happens after upgrading the Istio control-plane and can be fixed by redeploying the pod.",
        captures: { pod: "1.13.1", injector: "1.13.7" },
      },
      {
        // istio/istio#17623 (the analyzer's first output: bookinfo proxies of 1.3.0 under a 1.3.1 injector)
        line: "Warn [IST0105](Pod/default/reviews-v2-569796655b-7bxr2) The version of the Istio proxy running on the pod does not match the version used by the istio injector (pod version: 1.3.0; injector version: 1.3.1). This often happens after upgrading the Istio control-plane and can be fixed by redeploying the pod.",
        captures: { pod: "1.3.0", injector: "1.3.1" },
      },
    ],
    nearMisses: [
      // istio/istio#26469: the injector's hub and tag were mis-set (a tag inside the hub), not an upgrade.
      "Warn [IST0105] (Pod helloworld-v1-6f7b756bfc-g66mh.hello) The image of the Istio proxy running on the pod does not match the image defined in the injection configuration (pod image: hub.itgay.com/library/istio/proxyv3:1.6.8; injection configuration image: hub.itgay.com/library/istio/hub.itgay.com/library/istio/proxyv3:1.6.8:1.6.7). This often happens after upgrading the Istio control-plane and can be fixed by redeploying the pod.",
    ],
  },
  {
    id: "velero-crds-older-than-velero",
    title: "Velero's DownloadRequest CRD is older than the velero CLI or server (CRDs not upgraded)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["spec.target.kind: Unsupported value"],
    patterns: [
      // The API server's enum validation of DownloadRequest.spec.target.kind (pkg/apis/velero/v1/download_request_types.go,
      // +kubebuilder:validation:Enum): the CLI (velero describe/logs) or the server asked for a target kind that the
      // installed CRD's enum does not list, i.e. the CRD predates the release that added it. Only Velero's own kinds.
      String.raw`spec\.target\.kind\s*:\s*Unsupported\s+value\s*:\s*${Q}(?<kind>BackupResourceList|CSIBackupVolumeSnapshots|CSIBackupVolumeSnapshotContents|BackupItemOperations|RestoreItemOperations|BackupResults|RestoreResourceList|BackupVolumeInfos|RestoreVolumeInfo)${Q}\s*:\s*supported\s+values\s*:\s*(?<supported>(?:${Q}\w+${Q}\s*,?\s*)+)`,
    ],
    versions: [],
    roles: { kind: "download target kind asked for", supported: "target kinds the installed CRD allows" },
    priority: 50,
    meaning:
      "Velero asks for files of a backup or restore through DownloadRequest objects whose spec.target.kind the CRD restricts to an enum. Each Velero release that adds a kind (CSIBackupVolumeSnapshots 1.10, BackupItemOperations/RestoreItemOperations/BackupResults/RestoreResourceList 1.11, BackupVolumeInfos 1.13, RestoreVolumeInfo 1.14) ships a new CRD; the installed CRD's enum lacks the kind, so the CRDs are older than the velero CLI or server.",
    causes: [
      "Velero upgraded (the server image, the chart, or only the CLI) without upgrading its CRDs: Helm does not upgrade crds/, and `velero install` from an older CLI writes its own release's CRDs.",
    ],
    fixes: ["Apply the CRDs of the running release (`velero install --crds-only --dry-run -o yaml | kubectl apply -f -` with the server's CLI, or the chart's upgradeCRDs job), then retry."],
    references: ["https://velero.io/docs/main/upgrade-to-1.14/", "https://github.com/velero-io/velero/issues/8326"],
    examples: [
      {
        // velero-io/velero#8326 (restore describe after an upgrade to 1.14)
        line: String.raw`<error getting restore volume info: DownloadRequest.velero.io "restore01-1fe601c7-105a-4cf3-8a56-81f74fc0f4e2" is invalid: spec.target.kind: Unsupported value: "RestoreVolumeInfo": supported values: "BackupLog", "BackupContents", "BackupVolumeSnapshots", "BackupItemOperations", "BackupResourceList", "BackupResults", "RestoreLog", "RestoreResults", "RestoreResourceList", "RestoreItemOperations", "CSIBackupVolumeSnapshots", "CSIBackupVolumeSnapshotContents", "BackupVolumeInfos">`,
        captures: { kind: "RestoreVolumeInfo" },
      },
    ],
    nearMisses: [
      // Another object's enum: not Velero's download request.
      String.raw`Deployment.apps "web" is invalid: spec.strategy.type: Unsupported value: "Rolling": supported values: "Recreate", "RollingUpdate"`,
      String.raw`DownloadRequest.velero.io "x" is invalid: spec.target.kind: Unsupported value: "BackupLogs": supported values: "BackupLog", "BackupContents"`,
    ],
  },
  {
    id: "crossplane-package-version-constraint",
    title: "Crossplane refuses a package whose spec.crossplane.version excludes the running Crossplane",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["package is not compatible with Crossplane version"],
    patterns: [
      // internal/controller/pkg/revision (the LintPackage event, the Healthy condition, the DEBUG log): the package metadata's
      // crossplane.version constraint (Masterminds semver) does not admit the running Crossplane (crossplane/crossplane#1843).
      String.raw`package\s+is\s+not\s+compatible\s+with\s+Crossplane\s+version\s+\((?<crossplane>[^()\s]*)\)(?<invalid>\s*:\s*Invalid\s+Semantic\s+Version)?`,
    ],
    versions: ["crossplane"],
    roles: { crossplane: "running Crossplane version" },
    versionKinds: { crossplane: { kind: "component", component: "Crossplane" } },
    priority: 50,
    meaning:
      "A Crossplane Provider, Configuration or Function declares the Crossplane releases it works with (spec.crossplane.version in crossplane.yaml); the running Crossplane is outside that range, so the package revision is not installed. A release version refused means the package needs a newer (or older) Crossplane; a pre-release or vendor build (v1.16.0-rc.0…, v1.11.1-up.1) is refused by Masterminds semver even when its release is in range.",
    causes: [
      "A package (often a Function or a Configuration from the latest release) that needs a newer Crossplane than the one installed.",
      "A pre-release, development or vendor (UXP -up.N) build of Crossplane, which semver sorts below the release the constraint names.",
    ],
    fixes: [
      "Upgrade Crossplane into the package's range, or install the package release made for the running Crossplane.",
      "For a pre-release or vendor build inside the range: set spec.ignoreCrossplaneConstraints: true on the package (or use a constraint ending in -0).",
    ],
    references: ["https://docs.crossplane.io/latest/concepts/packages/#ignore-crossplane-version-requirements", "https://github.com/crossplane/crossplane/issues/1843"],
    examples: [
      // crossplane/docs, concepts/providers.md (provider-aws-s3 v0.41.0 on Crossplane v1.10.0)
      { line: "  Warning  LintPackage        41s (x3 over 47s)  packages/providerrevision.pkg.crossplane.io  incompatible Crossplane version: package is not compatible with Crossplane version (v1.10.0)", captures: { crossplane: "v1.10.0" } },
    ],
    nearMisses: [
      // crossplane-contrib/function-environment-configs#19: a pre-release build inside the range (dismissed by the diagnoser).
      "     Message:               incompatible Crossplane version: package is not compatible with Crossplane version (v1.16.0-rc.0.38.gdd131a7a)",
      "Crossplane version v1.14.5",
    ],
  },
];
