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
      String.raw`Kubernetes\s+API\s+version\s*:\s*(?<cluster>{V})\s+is\s+lower\s+than\s+the\s+minimum\s+version\s*:\s*(?<minimum>{V})`,
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
        line: "failed to meet the requirements of k8s server version for Istio 1.5.0: current k8s server version: 1.13.11, supported version range: >=1.14",
        captures: { istio: "1.5.0", cluster: "1.13.11", minimum: "1.14" },
      },
    ],
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
    anchors: ["snapshot.storage.k8s.io"],
    patterns: [
      String.raw`(?:\*(?<apiVersion>v1(?:alpha1|beta1)?)\.VolumeSnapshot\w*\s*:\s*)?the\s+server\s+could\s+not\s+find\s+the\s+requested\s+resource\s*\(\s*(?<verb>get|list|post|put|patch|delete|watch)\s+(?<resource>volumesnapshot(?:s|contents|classes))\.snapshot\.storage\.k8s\.io\b`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "snapshot API version the client asks for", resource: "snapshot resource", verb: "request" },
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
    ],
    nearMisses: [
      // kubernetes-csi/external-snapshotter#245: the CRDs were not installed (left to api-no-kind-match, which says so).
      String.raw`error: unable to recognize "snapshot.yaml": no matches for kind "VolumeSnapshot" in version "snapshot.storage.k8s.io/v1beta1"`,
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
];
