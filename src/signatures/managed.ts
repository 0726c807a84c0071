import type { Signature } from "../model.js";

// Quotes as printed, as JSON-escaped by Terraform/SDK error dumps, or absent.
const Q = String.raw`\\?"?`;

export const managedSignatures: Signature[] = [
  {
    id: "managed-nodepool-newer-than-control-plane",
    title: "Node pool version newer than the managed control plane",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["NodePoolMcVersionIncompatible", "and control plane version", "is bigger than control plane version", "cannot be greater than current master version", "greater minor version than master version"],
    patterns: [
      // AKS
      String.raw`Node\s+pool\s+version\s+(?<nodePool>{V})\s+and\s+control\s+plane\s+version\s+(?<controlPlane>{V})\s+are\s+incompatible`,
      String.raw`Minor\s+version\s+of\s+node\s+pool\s+version\s+(?<nodePoolMinor>\d+)\s+is\s+bigger\s+than\s+control\s+plane\s+version\s+(?<controlPlaneMinor>\d+)`,
      // GKE
      String.raw`[Dd]esired\s+node\s+version\s+[("\\]*(?<nodePool>{V})[)"\\]*\s+cannot\s+be\s+greater\s+than\s+current\s+master\s+version\s+[("\\]*(?<controlPlane>{V})`,
      String.raw`[Nn]ode\s+version\s+${Q}(?<nodePool>{V})${Q}\s+must\s+not\s+have\s+a\s+greater\s+minor\s+version\s+than\s+master\s+version\s+${Q}(?<controlPlane>{V})`,
    ],
    versions: ["nodePool", "controlPlane", "nodePoolMinor", "controlPlaneMinor"],
    roles: {
      nodePool: "requested node pool version",
      controlPlane: "control plane version",
      nodePoolMinor: "requested node pool minor",
      controlPlaneMinor: "control plane minor",
    },
    versionKinds: { nodePoolMinor: "minor", controlPlaneMinor: "minor" },
    priority: 50,
    meaning: "The cloud API refused a node pool whose Kubernetes version is newer than the cluster's control plane: nodes may lag the control plane, never lead it.",
    causes: ["The node pool and the cluster were given the new version in one change; the provider applied the node pool first (Terraform, Rancher, Pulumi)."],
    fixes: ["Upgrade the control plane first, then the node pools; or keep the node pool at the control plane's version in the same change."],
    references: ["https://aka.ms/version-skew-policy", "https://kubernetes.io/releases/version-skew-policy/"],
    examples: [
      {
        line: String.raw`Code="NodePoolMcVersionIncompatible" Message="Node pool version 1.20.5 and control plane version 1.19.9 are incompatible. Minor version of node pool version 20 is bigger than control plane version 19.`,
        captures: { nodePool: "1.20.5", controlPlane: "1.19.9" },
      },
      {
        line: String.raw`Error 400: Node version "1.31.4-gke.100" must not have a greater minor version than master version "1.30.8-gke.200"., badRequest`,
        captures: { nodePool: "1.31.4-gke.100", controlPlane: "1.30.8-gke.200" },
      },
      {
        line: String.raw`"statusMessage": "Failed to start node upgrade: Desired node version (1.31.0) cannot be greater than current master version (1.30.5)",`,
        captures: { nodePool: "1.31.0", controlPlane: "1.30.5" },
      },
    ],
  },
  {
    id: "aks-nodepool-too-old",
    title: "AKS node pool too far behind the control plane",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["node pools in the cluster are using an older version", "versions less than control plane"],
    patterns: [
      String.raw`One\s+or\s+more\s+node\s+pools\s+in\s+the\s+cluster\s+are\s+using\s+an\s+older\s+version\s+of\s+Kubernetes\.\s+Upgrade\s+those\s+node\s+pools\s+to\s+version\s+(?<minimum>{V})\s+or\s+greater`,
      String.raw`Node\s+pool\s+version\s+(?<nodePool>{V})\s+and\s+control\s+plane\s+version\s+(?<controlPlane>{V})\s+are\s+incompatible\.\s+Minor\s+version\s+of\s+node\s+pool\s+cannot\s+be\s+more\s+than\s+(?<allowed>\d+)\s+versions\s+less\s+than\s+control\s+plane`,
    ],
    versions: ["minimum", "nodePool", "controlPlane"],
    roles: { minimum: "oldest node pool version the upgrade allows", nodePool: "node pool version", controlPlane: "control plane version" },
    // Above managed-nodepool-newer-than-control-plane, whose first pattern also matches the second wording.
    priority: 55,
    meaning:
      "AKS refused a control plane upgrade (or a node pool change) because a node pool would end up more minors behind the control plane than the version skew policy allows (n-2 before Kubernetes 1.28, n-3 from it).",
    causes: ["Node pools left on an old minor while the control plane was upgraded (a portal upgrade of the control plane only, a Terraform config that pins the pools' orchestrator_version)."],
    fixes: ["Upgrade the lagging node pools first (az aks nodepool upgrade), or upgrade the cluster with all its pools at once (az aks upgrade without --control-plane-only)."],
    references: ["https://learn.microsoft.com/azure/aks/upgrade-cluster", "https://kubernetes.io/releases/version-skew-policy/"],
    examples: [
      {
        // Azure/AKS#1827
        line: "One or more node pools in the cluster are using an older version of Kubernetes. Upgrade those node pools to version 1.13.x or greater before upgrading cluster.",
        captures: { minimum: "1.13.x" },
      },
      {
        // MicrosoftDocs/azure-dev-docs#1034
        line: "Original Error: Code='NodePoolMcVersionIncompatible' Message='Node pool version 1.20.9 and control plane version 1.23.12 are incompatible. Minor version of node pool cannot be more than 2 versions less than control plane's version. Minor version of node pool is 20 and control plane is 23.",
        captures: { nodePool: "1.20.9", controlPlane: "1.23.12", allowed: "2" },
      },
    ],
    nearMisses: ["This node pool is using the latest version of Kubernetes supported by the cluster. To upgrade to a later version of Kubernetes, upgrade the cluster control plane first in the 'Upgrade' menu item"],
  },
  {
    id: "managed-version-unsupported",
    title: "Managed Kubernetes does not offer the requested version",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: [
      "Master version",
      "Node version",
      "valid versions with the prefix",
      "master version can only be set to one of",
      "unsupported Kubernetes version",
      "Orchestrator Version",
      "OrchestratorVersion is invalid",
      "is not supported in this region",
      // What is left of it on the second line when az's output wraps at 80 columns ("… is not \nsupported in this region").
      "supported in this region",
      "AgentPoolK8sVersionNotSupported",
      "K8sVersionNotSupported",
      "which is only available for Long-Term Support",
      "InvalidParameter. Invalid kubernetes version",
      "deprecated_cluster_version",
      "Civo deprecated k3s version",
      "has invalid version",
      "bad desired node version",
      "channel supported versions",
      "Addon version specified is not supported",
      "minor version update from",
      "is not allowed. Available upgrades",
      "is not allowed, you can only upgrade one minor",
      "invalid version slug",
      "is not viable for cluster",
      "A previous patch was specified",
      "message=Version",
      "err = not found version",
    ],
    patterns: [
      // GKE: the control plane's or a node pool's pinned version, retired (or not offered in the location).
      String.raw`(?:Master|Node)\s+version\s+${Q}(?<requested>{V})${Q}\s+is\s+unsupported`,
      // GKE resolves a version prefix (1.29, 1.29.4) to what it offers now; a retired minor or patch matches nothing.
      String.raw`[Nn]o\s+valid\s+versions\s+with\s+the\s+prefix\s+${Q}(?<requested>\d+\.\d+(?:\.\d+)?(?:-gke\.\d+)?)${Q}\s+found`,
      // EKS refusing an update between two minors; the same minor twice is a tool re-sending a stale update (rancher/rancher#18390).
      String.raw`InvalidParameterException\s*:\s*unsupported\s+Kubernetes\s+version\s+update\s+from\s+the\s+current\s+version\s*,\s*(?<from>\d+\.\d+)\s*,\s*to\s+(?<to>\d+\.\d+)`,
      // EKS, the version named by newer APIs and SDK dumps (Message_: "unsupported Kubernetes version 1.24").
      String.raw`InvalidParameterException\s*:\s*unsupported\s+Kubernetes\s+version(?:\s+(?<requested>\d+\.\d+)\b)?`,
      String.raw`Message_\s*:\s*${Q}unsupported\s+Kubernetes\s+version(?:\s+(?<requested>\d+\.\d+)\b)?`,
      // The same message inside a Terraform debug dump of the response body (\"message\":\"…\") and as the CDK/CloudFormation
      // custom resource relays it ("Message returned: …").
      String.raw`\\?"message\\?"\s*:\s*\\?"unsupported\s+Kubernetes\s+version(?:\s+(?<requested>\d+\.\d+)\b)?`,
      String.raw`Message\s+returned\s*:\s*unsupported\s+Kubernetes\s+version(?:\s+(?<requested>\d+\.\d+)\b)?`,
      // The AWS CLI's form: "An error occurred (InvalidParameterException) when calling the CreateCluster operation: …".
      String.raw`\(InvalidParameterException\)\s+when\s+calling\s+the\s+\w+\s+operation\s*:\s*unsupported\s+Kubernetes\s+version(?:\s+(?<requested>\d+\.\d+)\b)?`,
      // AKS (the azurerm provider's wording, then the API's)
      String.raw`Kubernetes/Orchestrator\s+Version\s+${Q}(?<requested>{V})${Q}\s+is\s+not\s+available\s+for\s+Node\s+Pool`,
      // The same refusal for a node pool upgraded past its control plane (Azure/AKS#1096, azure-docs#35696).
      String.raw`parameter\s+(?:orchestratorProfile|agentpool\.Properties)\.OrchestratorVersion\s+is\s+invalid`,
      // az aks / New-AzAks / the ARM API: a version retired from (or not yet in) the region.
      // "in this region" is printed "inthis region" by some API releases (Azure/terraform-azurerm-aks#33).
      String.raw`Version\s+(?<requested>{V})\s+is\s+not\s+supported\s+in\s*this\s+region`,
      String.raw`Managed\s+cluster\s+\S+\s+(?:has\s+invalid\s+version|is\s+on\s+version)\s+(?<requested>{V})`,
      // The error code on its own line (az's "Code: …", an ARM JSON dump); AKS returns it only for versions it does not offer.
      String.raw`\b(?:AgentPool)?K8sVersionNotSupported\b`,
      // GKE: a version the node pools (or the release channel) do not offer.
      String.raw`bad\s+desired\s+node\s+version\s+\(\s*(?<requested>{V})\s*\)`,
      String.raw`(?:Master\s+version\s+must\s+be|[Cc]urrent\s+master\s+version\s+can\s+only\s+be\s+set\s+to)\s+one\s+of\s+${Q}(?<channel>[A-Z]+)${Q}\s+channel\s+supported\s+versions\s*\[\s*(?<oldest>{V})(?:\s*,\s*{V})*?(?:\s*,\s*(?<newest>{V}))?\s*\]`,
      // OKE (Terraform's oci provider): a version the service does not offer (names none).
      String.raw`Service\s+error\s*:\s*InvalidParameter\.\s+Invalid\s+kubernetes\s+version`,
      // Civo: a k3s version Civo has deprecated for new clusters (API code, and the provider's error name).
      String.raw`deprecated_cluster_version${Q}[^\n]{0,200}?the\s+latest\s+stable\s+version\s+is\s+(?<newest>{V})`,
      String.raw`(?:KubernetesClusterInvalidVersionError|InvalidVersionError)\s*:\s*The\s+Kubernetes\s+cluster\s+could\s+not\s+be\s+created\s+with\s+a\s+Civo\s+deprecated\s+k3s\s+version`,
      // EKS add-ons: the add-on version is not offered for the cluster's Kubernetes minor.
      String.raw`InvalidParameterException\s*:\s*Addon\s+version\s+specified\s+is\s+not\s+supported`,
      // The same refusal through CloudFormation (AWS::EKS::Addon, CDK): the service's message with its request metadata.
      String.raw`Addon\s+version\s+specified\s+is\s+not\s+supported\s*\(\s*Service\s*:\s*(?:Eks|AmazonEKS)\b`,
      // Upgrade paths: EKS and AKS upgrade the control plane (and AKS node pools) one minor at a time, never down.
      String.raw`Unsupported\s+Kubernetes\s+minor\s+version\s+update\s+from\s+(?<from>\d+\.\d+)\s+to\s+(?<to>\d+\.\d+)`,
      String.raw`Upgrading\s+Kubernetes\s+version\s+(?<from>{V})\s+to\s+(?<to>{V})\s+is\s+not\s+allowed`,
      String.raw`Upgrade\s+agent\s+pool\s+version\s+from\s+(?<from>{V})\s+to\s+(?<to>{V})\s+is\s+not\s+allowed`,
      // DigitalOcean: a retired (or mistyped) version slug, 1.x.y-do.N; newer API releases name the slug.
      String.raw`(?:requested\s+version\s+slug\s+${Q}(?<requested>{V})${Q}[^\n]{0,80}?:\s+)?invalid\s+version\s+slug`,
      // IONOS Cloud: the version is not (or no longer) offered; the list follows, oldest first.
      String.raw`K8s\s+version\s+(?<requested>{V})\s+is\s+not\s+viable\s+for\s+cluster\.?\s*(?:Available\s+versions\s+are\s+\[\s*(?<oldest>{V})(?:\s*,\s*{V})*?(?:\s*,\s*(?<newest>{V}))?\s*\])?`,
      // IBM Cloud Kubernetes Service (E0156): IKS creates clusters only at the newest patch of each minor, so a pinned
      // patch is refused as soon as the next one ships (the API names no version; ibmcloud ks versions lists them).
      String.raw`A\s+previous\s+patch\s+was\s+specified\.\s+Only\s+the\s+most\s+recent\s+patch\s+for\s+a\s+particular\s+minor\s+version\s+can\s+be\s+specified`,
      // GKE's older API (2017–2018): a retired version is "invalid", named from 2018 on ("Version \"1.8.7-gke.0\" is invalid").
      String.raw`message=Version\s+(?:${Q}(?<requested>{V})${Q}\s+)?is\s+invalid`,
      // CB-Spider (cloud-barista), for every CSP driver: the version asked for is not in the list the CSP returned.
      String.raw`Available\s+versions\s*:\s*\[\s*(?<oldest>{V})(?:\s+{V})*?(?:\s+(?<newest>{V}))?\s*\]\.?\s*err\s*=\s*not\s+found\s+version\s*:\s*(?<requested>{V})`,
      // The GKE refusal cut after the version (a wrapped console, an excerpt): what follows is not known.
      String.raw`message=(?:Master|Node)\s+version\s+${Q}(?<requested>{V})\s*$`,
    ],
    versions: ["requested", "oldest", "newest", "from", "to"],
    roles: {
      requested: "requested Kubernetes version",
      oldest: "oldest version the channel offers",
      newest: "newest version the channel offers",
      channel: "release channel",
      from: "cluster's (or node pool's) current version",
      to: "version the update asked for",
    },
    versionKinds: { from: "kubernetes", to: "kubernetes" },
    priority: 45,
    meaning:
      "The provider no longer (or not yet) offers the Kubernetes version the job asked for: managed services retire patch and minor versions on a schedule, so a pinned version that worked last month fails today.",
    causes: [
      "A pinned patch version (GKE 1.x.y-gke.N, AKS 1.x.y) that the provider has retired.",
      "A minor the provider does not offer yet, or has ended support for (EKS end of support; AKS moves versions out of standard support into LTS only).",
      "AKS only: a node pool upgraded to a version newer than its control plane is refused with the same 'OrchestratorVersion is invalid'.",
      "DigitalOcean: a 1.x.y-do.N slug from a tutorial or an old Terraform example, retired since (doctl kubernetes options versions lists the current ones).",
    ],
    fixes: [
      "Pin only the minor and let the provider pick the patch (gcloud --cluster-version=1.x, az aks get-versions --location <region>, aws eks describe-addon-versions), or move to a supported minor.",
      "AKS node pool: upgrade the control plane first (az aks upgrade --control-plane-only), then the pool.",
    ],
    references: [
      "https://cloud.google.com/kubernetes-engine/docs/release-notes",
      "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
      "https://aka.ms/supported-version-list",
    ],
    examples: [
      {
        // cloud-barista/cb-tumblebug#2773 (IKS rolled its patches; the tool kept 1.35.5)
        line: "Failed to Create Cluster. Available versions: [1.33.13 1.34.10 1.35.7 1.36.3]. err = not found version: 1.35.5",
        captures: { requested: "1.35.5", oldest: "1.33.13", newest: "1.36.3" },
      },
      // digitalocean/terraform-provider-digitalocean#583 (1.19.3-do.3 retired)
      { line: "Error: Error creating Kubernetes cluster: POST https://api.digitalocean.com/v2/kubernetes/clusters: 422 validation error: invalid version slug" },
      {
        // ionos-cloud/terraform-provider-ionoscloud#216 (the docs' 1.18.5)
        line: String.raw`│     "message" : "[VDC-14-1829] Operation cannot be executed because the K8s version 1.18.5 is not viable for cluster. Available versions are [1.20.10, 1.21.4, 1.21.9, 1.22.6]"`,
        captures: { requested: "1.18.5", oldest: "1.20.10", newest: "1.22.6" },
      },
      {
        line: `ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=Master version "1.16.8-gke.15" is unsupported.`,
        captures: { requested: "1.16.8-gke.15" },
      },
      {
        // shahiddev/docker-k8s-workshop#1
        line: "Operation failed with status: 'Bad Request'. Details: Version 1.15.7 is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region.",
        captures: { requested: "1.15.7" },
      },
      {
        // Azure/Microsoft-Defender-for-Cloud#923
        line: "Preflight validation check for resource(s) for container service asclab-aks in resource group asclab failed. Message: Managed cluster asclab-aks has invalid version 1.31.3. Please use [az aks get-versions] command to get the supported version list in this region.",
        captures: { requested: "1.31.3" },
      },
      { line: "Operation failed with status: 'Bad Request'. Details: The value of parameter agentpool.Properties.OrchestratorVersion is invalid. Please see https://aka.ms/aks-naming-rules for more details." },
      {
        // terraform-google-modules/terraform-google-kubernetes-engine#2177 (1.31.1 not yet in STABLE)
        line: `│ Error: googleapi: Error 400: Master version must be one of "STABLE" channel supported versions [1.28.14-gke.1099000, 1.29.9-gke.1177000, 1.30.5-gke.1014003].`,
        captures: { channel: "STABLE", oldest: "1.28.14-gke.1099000", newest: "1.30.5-gke.1014003" },
      },
      {
        // hashicorp/terraform-provider-google#503
        line: "* google_container_cluster.primary: googleapi: Error 400: bad desired node version (1.7.6-gke.1)., badRequest",
        captures: { requested: "1.7.6-gke.1" },
      },
      {
        // awsdocs/amazon-eks-user-guide#1170 (kube-proxy add-on version not offered for 1.33/1.34)
        line: "Error: updating EKS Add-On (eks-cluster02:kube-proxy): operation error EKS: UpdateAddon, https response error StatusCode: 400, RequestID: 10765569-aacd-4203-998f-c09d780b6b74, InvalidParameterException: Addon version specified is not supported",
      },
      {
        // nebari-dev/nebari#3016 (an EBS CSI add-on build left behind by the cluster's upgrade to 1.28)
        line: "[tofu]: │ Error: updating EKS Add-On (nebari-bamboo-dev:aws-ebs-csi-driver): operation error EKS: UpdateAddon, https response error StatusCode: 400, RequestID: 8392ca71-ee3a-413c-872f-9e5ea8d2de13, InvalidParameterException: Addon version specified is not supported",
      },
      {
        // awslabs/cdk-eks-blueprints#1101 (a kube-proxy build mapped to EKS 1.31 that EKS does not offer for it)
        line: String.raw`Resource handler returned message: "Addon version specified is not supported (Service: Eks, Status Code: 400, Request ID: 5011efa8-0c30-4b51-9838-9a16e11518bd)" (RequestToken: 3efef0f1-7248-45a3-4665-f`,
      },
      {
        // terraform-aws-modules/terraform-aws-eks#2607 (cluster_version raised from 1.22 straight to 1.25)
        line: "I am getting this error : Unsupported Kubernetes minor version update from 1.22 to 1.25.",
        captures: { from: "1.22", to: "1.25" },
      },
      {
        // jetstack/terraform-google-gke-cluster#28 (a node pool pinned to a retired GKE patch)
        line: String.raw`* google_container_node_pool.node_pool.1: error creating NodePool: googleapi: Error 400: Node version "1.13.6-gke.5" is unsupported., badRequest`,
        captures: { requested: "1.13.6-gke.5" },
      },
      {
        // googlecloudrobotics/core#316 (cluster.tf still asked for 1.24 after GKE retired it)
        line: String.raw`Error: googleapi: Error 400: No valid versions with the prefix "1.24" found.`,
        captures: { requested: "1.24" },
      },
      {
        // k0rdent/kcm#1796 (a default patch version GKE no longer offers)
        line: String.raw`Type: ControlPlaneReady, Status: False, Reason: GKEControlPlaneReconciliationFailed, Message: ci-01265-gcp-0: rpc error: code = InvalidArgument desc = No valid versions with the prefix "1.32.4" found.`,
        captures: { requested: "1.32.4" },
      },
      {
        // rancher/rancher#32360 (a patch outside the REGULAR channel)
        line: String.raw`Error seen: \`Googleapi: Error 400: Current master version can only be set to one of "REGULAR" channel supported versions [1.18.16-gke.502, 1.18.16-gke.2100, 1.19.8-gke.1600]., badRequest\``,
        captures: { channel: "REGULAR", oldest: "1.18.16-gke.502", newest: "1.19.8-gke.1600" },
      },
      {
        // hashicorp-education/learn-terraform-provision-eks-cluster#124 (EKS had retired 1.29)
        line: "│ Error: creating EKS Cluster (education-eks-jqZPTVDE): operation error EKS: CreateCluster, https response error StatusCode: 400, RequestID: 2550ff33-fa79-464b-9c7a-57963e258c3c, InvalidParameterException: unsupported Kubernetes version 1.29",
        captures: { requested: "1.29" },
      },
      // hashicorp/terraform-provider-aws#38796: the provider's debug log of UpdateClusterVersion's response.
      { line: String.raw`2024-08-12T04:56:19.215Z [DEBUG] provider.terraform-provider-aws_v4.67.0_x5: HTTP Response Received: aws.service=EKS aws.operation=UpdateClusterVersion http.response.body="{\"clusterName\":\"************\",\"nodegroupName\":null,\"message\":\"unsupported Kubernetes version\"}"` },
      // aws-samples/unified-log-aggregation-and-analytics#8: CDK's EKS custom resource.
      { line: "CREATE_FAILED        | Custom::AWSCDK-EKS-Cluster                | ekscluster92983EFB Received response status [FAILED] from custom resource. Message returned: unsupported Kubernetes version" },
      {
        // Azure/terraform-azurerm-aks#33 ("inthis" as the API printed it)
        line: `StatusCode=400 -- Original Error: Code="AgentPoolK8sVersionNotSupported" Message="Version 1.14.5 is not supported inthis region. Please use [az aks get-versions] command to get the supported version list in this region.`,
        captures: { requested: "1.14.5" },
      },
      {
        // apecloud/kubeblocks#10136 (1.32 out of standard support: LTS on the Premium tier only)
        line: String.raw`│   "message": "Managed cluster *** is on version 1.32.11, which is only available for Long-Term Support (LTS). If you intend to onboard to LTS, please ensure the cluster is in Premium tier and LTS support plan (see https://aka.ms/aks/enable-lts).`,
        captures: { requested: "1.32.11" },
      },
      // Azure/secrets-store-csi-driver-provider-azure#1713
      { line: "Code: K8sVersionNotSupported" },
      {
        // oracle/terraform-provider-oci#755
        line: "* oci_containerengine_node_pool.TestOKECluster: Service error:InvalidParameter. Invalid kubernetes version.. http status code: 400. Opc request id: ",
      },
      {
        // ksctl/ksctl#307 (CI pinned a Civo k3s release Civo had deprecated)
        line: String.raw`{"time":"2024-03-17T16:40:10.362441624Z","level":"ERROR","msg":"Error: Unknown error response - status: 400 Bad Request, code: 400, reason: {\"code\":\"deprecated_cluster_version\",\"reason\":\"The cluster version you are trying to create is deprecated. Please use a newer version\",\"details\":\"the latest stable version is 1.28.7-k3s1\"}`,
        captures: { newest: "1.28.7-k3s1" },
      },
      {
        // crossplane-contrib/provider-civo#14
        line: "CannotCreateExternalResource DatabaseKubernetesClusterInvalidVersionError: The Kubernetes cluster could not be created with a Civo deprecated k3s version",
      },
      {
        // rancher/dashboard#11884
        line: String.raw`{ "code": "OperationNotAllowed", "details": null, "message": "Upgrading Kubernetes version 1.28.12 to 1.30.2 is not allowed. Available upgrades: [1.29.7 1.29.6 1.29.5 1.29.4 1.29.2 1.29.0]. Please see https://aka.ms/aks-supported-k8s-ver for version details.", "subcode": "" }`,
        captures: { from: "1.28.12", to: "1.30.2" },
      },
      {
        // Azure/AKS#1697 (node pool two minors behind a 1.16.9 control plane)
        line: "Operation failed with status: 'Bad Request'. Details: Upgrade agent pool version from 1.14.8 to 1.16.9 is not allowed, you can only upgrade one minor version at a time. Please use [az aks get-upgrades] command to get the supported upgrade paths.",
        captures: { from: "1.14.8", to: "1.16.9" },
      },
      {
        // rancher/rancher#41643: Rancher's stale spec asked for a downgrade after a console upgrade (a warning, never a cause)
        line: String.raw`Message_: \"Unsupported Kubernetes minor version update from 1.23 to 1.22\"`,
        captures: { from: "1.23", to: "1.22" },
      },
    ],
    nearMisses: [
      "Please use [az aks get-versions] command to get the supported version list in this region.",
      "az aks get-versions --location westus2 --query orchestrators -o table",
      // rancher/rancher#21043: Rancher asked EKS to "update" to the version the cluster already runs (a Rancher bug).
      "InvalidParameterException: Unsupported Kubernetes minor version update from 1.12 to 1.12 status code: 400, request id: 9df72dc1-9405-11e9-8c95-63e680269e60",
      // az aks upgrade to the version the cluster already runs: nothing refused.
      "The cluster is already on version 1.22 and is not in a failed state. No operations will occur when upgrading to the same version if the cluster is not in a failed state.",
    ],
  },
  {
    id: "eksctl-version-unknown",
    title: "eksctl too old (or too new) for the cluster's Kubernetes version",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["is not known to this version of eksctl", "invalid version, supported values", "is no longer supported, supported values", "is now deprecated, supported values", ", supported values: auto, default, latest"],
    patterns: [
      String.raw`control\s+plane\s+version\s+${Q}(?<controlPlane>{V})${Q}\s+is\s+not\s+known\s+to\s+this\s+version\s+of\s+eksctl`,
      String.raw`invalid\s+version\s*,\s*supported\s+values\s*:\s*(?<oldest>{V})(?:(?:\s*,\s*{V})*\s*,\s*(?<newest>{V}))?`,
      // eksctl's version check (pkg/ctl/cmdutils, cluster and nodegroup create): a version eksctl lists as deprecated
      // (EKS ended its support), then one it does not know at all; nodegroup create lists auto, default, latest first.
      // eksctl 0.2.1–0.x (eksctl-io/eksctl#1050) said "is now deprecated". The cluster-create form of "is no longer
      // supported" (no auto/default/latest) is left to the generic layer (lines-8generic.jsonl).
      String.raw`invalid\s+version\s*,\s*(?<requested>{V})\s+is\s+(?:now\s+deprecated\s*,\s*supported\s+values\s*:\s*(?:auto\s*,\s*default\s*,\s*latest\s*,\s*)?|no\s+longer\s+supported\s*,\s*supported\s+values\s*:\s*auto\s*,\s*default\s*,\s*latest\s*,\s*)(?<oldest>{V})(?:(?:\s*,\s*{V})*\s*,\s*(?<newest>{V}))?`,
      String.raw`invalid\s+version\s+(?<requested>{V})\s*,\s*supported\s+values\s*:\s*(?:auto\s*,\s*default\s*,\s*latest\s*,\s*)?(?<oldest>{V})(?:(?:\s*,\s*{V})*\s*,\s*(?<newest>{V}))?`,
    ],
    versions: ["controlPlane", "requested", "oldest", "newest"],
    roles: {
      controlPlane: "EKS control plane version",
      requested: "Kubernetes version asked for",
      oldest: "oldest version this eksctl supports",
      newest: "newest version this eksctl supports",
    },
    priority: 50,
    meaning: "eksctl only works with the EKS versions compiled into it; this binary does not know the version the cluster runs or the config asks for.",
    causes: ["An eksctl pinned in the CI image or action that predates the EKS version (or that has dropped an old one)."],
    fixes: ["Upgrade eksctl to a release that supports the version, or ask for a version in the supported list."],
    references: ["https://github.com/eksctl-io/eksctl/releases"],
    examples: [
      { line: "Error: invalid version, supported values: 1.22, 1.23, 1.24, 1.25, 1.26, 1.27", captures: { oldest: "1.22", newest: "1.27" } },
      {
        // eksctl create nodegroup (pkg/ctl/cmdutils): a version EKS retired
        line: "Error: invalid version, 1.14 is no longer supported, supported values: auto, default, latest, 1.16, 1.17, 1.18, 1.19",
        captures: { requested: "1.14", oldest: "1.16", newest: "1.19" },
      },
      // eksctl nodegroup create (pkg/ctl/create/nodegroup.go): a version this eksctl does not know
      { line: "Error: invalid version 1.31, supported values: auto, default, latest, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30", captures: { requested: "1.31", oldest: "1.23", newest: "1.30" } },
    ],
  },
  {
    id: "eks-nodegroup-release-version",
    title: "EKS node group AMI release version does not match",
    family: "managed",
    severity: "error",
    flake: true,
    // "Node Group" with a space in the 2020 API (pulumi/pulumi-eks#333).
    anchors: ["Nodegroup release version", "Node Group release version", "is not valid for kubernetes version"],
    patterns: [
      String.raw`Requested\s+Node\s?[Gg]roup\s+release\s+version\s+(?<requested>{V})\s+is\s+invalid\.?\s+Allowed\s+release\s+version\s+is\s+(?<allowed>{V})`,
      String.raw`Requested\s+release\s+version\s+(?<requested>{V})\s+is\s+not\s+valid\s+for\s+kubernetes\s+version\s+(?<kubernetes>{V})`,
    ],
    versions: ["requested", "allowed", "kubernetes"],
    roles: { requested: "requested AMI release version", allowed: "release version EKS allows", kubernetes: "node group Kubernetes version" },
    versionKinds: { requested: { kind: "component", component: "EKS AMI release" }, allowed: { kind: "component", component: "EKS AMI release" } },
    priority: 50,
    meaning: "EKS refused the node group's AMI release version: it belongs to another Kubernetes minor than the node group, or is not the one EKS offers now.",
    causes: [
      "The Kubernetes version of the node group changed while the release version stayed (or was computed from the old minor).",
      "A release version from an SSM parameter or a pin that EKS no longer accepts.",
    ],
    fixes: ["Leave the release version unset (latest for the minor) or take it from /aws/service/eks/optimized-ami/<minor>/…/recommended/release_version for the node group's minor."],
    examples: [
      {
        line: "InvalidParameterException: Requested Nodegroup release version 1.15.10-20200228 is invalid. Allowed release version is 1.16.8-20200531",
        captures: { requested: "1.15.10-20200228", allowed: "1.16.8-20200531" },
      },
      {
        // pulumi/pulumi-eks#333
        line: "InvalidParameterException: Requested Node Group release version 1.14.7-20190927 is invalid. Allowed release version is 1.14.8-20191213",
        captures: { requested: "1.14.7-20190927", allowed: "1.14.8-20191213" },
      },
    ],
  },
  {
    id: "gke-node-version-too-far-behind",
    title: "GKE node version too far behind the control plane",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["minor version of master version", "minor versions of master version"],
    patterns: [
      String.raw`[Nn]ode\s+version\s+${Q}(?<nodePool>{V})${Q}\s+must\s+be\s+within\s+(?<allowed>\w+)\s+minor\s+versions?\s+of\s+master\s+version\s+${Q}(?<controlPlane>{V})`,
    ],
    versions: ["nodePool", "controlPlane"],
    roles: { nodePool: "requested node version", controlPlane: "control plane (master) version" },
    priority: 50,
    meaning: "GKE refused a node pool version further behind the control plane than it allows: with auto-upgrade on, nodes must stay within one minor of the master.",
    causes: ["A pinned node_version (Terraform, a test fixture) left behind while the control plane auto-upgraded or was given a newer release."],
    fixes: ["Raise the node pool version to within one minor of the control plane (or leave it unset to follow the master); disable auto-upgrade only if the old version is really needed."],
    references: ["https://cloud.google.com/kubernetes-engine/versioning#version_skew"],
    examples: [
      {
        line: String.raw`Error: googleapi: Error 400: Auto-upgrade is enabled, node version "1.29.1-gke.900" must be within one minor version of master version "1.31.2-gke.1000"., badRequest`,
        captures: { nodePool: "1.29.1-gke.900", controlPlane: "1.31.2-gke.1000", allowed: "one" },
      },
    ],
  },
  {
    id: "gke-auth-plugin-missing",
    title: "kubectl needs gke-gcloud-auth-plugin, which the job does not have",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["gke-gcloud-auth-plugin"],
    patterns: [
      String.raw`gke-gcloud-auth-plugin\s*,\s*which\s+is\s+needed\s+for\s+continued\s+use\s+of\s+kubectl\s*,\s+was\s+not\s+found\s+or\s+is\s+not\s+executable`,
      String.raw`exec\s*:\s*(?:exec\s*:\s*)?\\?"?gke-gcloud-auth-plugin\\?"?\s*:\s*executable\s+file\s+not\s+found`,
      String.raw`exec\s*:\s*executable\s+gke-gcloud-auth-plugin\s+not\s+found`,
    ],
    versions: [],
    priority: 50,
    meaning:
      "kubectl 1.26 removed the built-in GCP auth provider: GKE credentials now come from the gke-gcloud-auth-plugin exec plugin, and a kubeconfig written by a current gcloud names it. The job's kubectl (or image) is newer than its auth setup.",
    causes: [
      "A CI image or runner whose kubectl was upgraded past 1.25 (or a kubeconfig regenerated by a newer gcloud) without the gke-gcloud-auth-plugin component installed.",
    ],
    fixes: [
      "Install the plugin in the job (gcloud components install gke-gcloud-auth-plugin, or the google-cloud-sdk-gke-gcloud-auth-plugin package; google-github-actions/get-gke-credentials installs it), then re-run gcloud container clusters get-credentials.",
    ],
    references: ["https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke"],
    examples: [
      {
        line: "CRITICAL: ACTION REQUIRED: gke-gcloud-auth-plugin, which is needed for continued use of kubectl, was not found or is not executable. Install gke-gcloud-auth-plugin for use with kubectl",
      },
      { line: "Unable to connect to the server: getting credentials: exec: executable gke-gcloud-auth-plugin not found" },
    ],
    nearMisses: [
      "W1014 10:44:08.794683   20354 gcp.go:120] WARNING: the gcp auth plugin is deprecated in v1.22+, unavailable in v1.25+; use gcloud instead.",
      "Install gke-gcloud-auth-plugin for use with kubectl by following the guide",
    ],
  },
  {
    id: "eks-nodegroup-version-mismatch",
    title: "EKS node groups and control plane on different minors",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["must be updated to match cluster version", "while control plane version is", "version must match cluster"],
    patterns: [
      // EKS: a control-plane upgrade while managed node groups are still a minor behind.
      String.raw`Nodegroups?\s+(?<nodegroups>[\w,\s.-]+?)\s+must\s+be\s+updated\s+to\s+match\s+cluster\s+version\s+(?<controlPlane>{V})\s+before\s+updating\s+cluster\s+version`,
      // eksctl: a new node group asked for another minor than the control plane.
      String.raw`will\s+use\s+version\s+(?<nodePool>{V})\s+for\s+new\s+nodegroup\(s\)\s*,\s*while\s+control\s+plane\s+version\s+is\s+(?<controlPlane>{V})`,
      // Rancher's eks-operator
      String.raw`nodegroup\s+\[(?<nodegroups>[^\]]+)\]\s+version\s+must\s+match\s+cluster\s+\[[^\]]+\]\s+version`,
    ],
    versions: ["controlPlane", "nodePool"],
    roles: { controlPlane: "control plane version", nodePool: "node group version asked for", nodegroups: "node groups" },
    priority: 50,
    meaning:
      "EKS upgrades the control plane one minor at a time and only when every managed node group is on its minor; node groups may lag the control plane, never lead it.",
    causes: [
      "A Terraform/CloudFormation change that bumps the cluster version while the node groups' version stays pinned (or is not set, and so stays at the old minor).",
      "eksctl asked for a node group on another minor than the control plane.",
    ],
    fixes: ["Upgrade the node groups to the control plane's minor first (or set the node group version from the cluster's), then upgrade the control plane; for eksctl, use --version=auto."],
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html"],
    examples: [
      {
        // hashicorp/terraform-provider-aws#19478; awsdocs/amazon-eks-user-guide#475 quotes the same message
        line: String.raw`│   Message_: "Nodegroups eks-stg-gp must be updated to match cluster version 1.18 before updating cluster version"`,
        captures: { nodegroups: "eks-stg-gp", controlPlane: "1.18" },
      },
      {
        // eksctl-io/eksctl#3807
        line: `2021-06-04 12:33:00 [!]  will use version 1.19 for new nodegroup(s), while control plane version is 1.18; to automatically inherit the version use "--version=auto"`,
        captures: { nodePool: "1.19", controlPlane: "1.18" },
      },
      {
        // rancher/rancher#28745 (Rancher's own create-time rule, tripped by a Rancher bug: a warning, src/diagnose/area-addons14.ts)
        line: "E0904 00:22:50.819067       1 controller.go:166] error syncing 'cattle-global-data/c-ttfzb': handler eks-controller: nodegroup [sow] version must match cluster [c-ttfzb] version on create, requeuing",
        captures: { nodegroups: "sow" },
      },
    ],
    nearMisses: ["2021-06-04 12:33:00 [ℹ]  will use version 1.18 for new nodegroup(s) based on control plane version"],
  },
  {
    id: "eks-addon-not-offered-for-version",
    title: "EKS add-on (or add-on version) not offered for the cluster's Kubernetes version",
    family: "managed",
    severity: "warning",
    flake: true,
    anchors: ["no version(s) found matching", "specified is not supported in ", "Addon specified is not supported", "EKS Add-On version info"],
    patterns: [
      // eksctl resolves an add-on version against aws eks describe-addon-versions for the cluster's minor.
      String.raw`no\s+version\(s\)\s+found\s+matching\s+${Q}(?<addonVersion>[\w.+-]+)${Q}\s+for\s+${Q}(?<addon>[\w.-]+)`,
      // The EKS API: an add-on name it does not offer for this minor (a retired or not yet published add-on; or a name
      // that was never an EKS add-on).
      String.raw`Addon\s+(?<addon>[\w.-]+)\s+specified\s+is\s+not\s+supported\s+in\s+(?<kubernetes>\d+\.\d+)\s+kubernetes\s+version`,
      // The same refusal through CloudFormation (AWS::EKS::Addon), which names neither the add-on nor the minor.
      String.raw`Addon\s+specified\s+is\s+not\s+supported\s*\(\s*Service\s*:\s*(?:Eks|AmazonEKS)\b`,
      // Terraform's aws_eks_addon_version data source (terraform-provider-aws internal/service/eks): describe-addon-versions
      // for the add-on and the cluster's minor returned nothing ("empty result"); a mistyped add-on name reads the same.
      String.raw`reading\s+EKS\s+Add-On\s+version\s+info\s+\(\s*(?<addon>[\w.-]+)\s*,\s*(?<kubernetes>\d+\.\d+)\s*\)\s*:\s*empty\s+result`,
    ],
    versions: ["addonVersion", "kubernetes"],
    roles: { addonVersion: "add-on version asked for", addon: "EKS add-on", kubernetes: "cluster's Kubernetes minor" },
    versionKinds: { addonVersion: { kind: "component", component: "EKS add-on" }, kubernetes: "kubernetes" },
    priority: 44,
    meaning:
      "EKS publishes each add-on's versions per Kubernetes minor (aws eks describe-addon-versions --kubernetes-version 1.N): the add-on, or the version asked for, is not among those offered for the cluster's minor. On its own line this reads the same as an add-on name that EKS never offered (a typo, a Helm-installed controller), so it is reported as a warning.",
    causes: [
      "A pinned add-on version (or a tool's default) made for another Kubernetes minor than the cluster's, typically after a cluster upgrade or on a new minor.",
      "An add-on whose publisher has not (yet) released a build for this minor.",
    ],
    fixes: [
      "List what EKS offers for the minor (aws eks describe-addon-versions --kubernetes-version 1.N --addon-name <addon>) and pin one of those, or omit the version to take the default.",
    ],
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/eks-add-ons.html"],
    examples: [
      {
        // eksctl-io/eksctl#5074 (eksctl's default vpc-cni 1.10.0 not offered for an IPv6 EKS 1.22 cluster)
        line: String.raw`2022-04-05 12:14:25 [✖]  failed to fetch version  for addon vpc-cni: no version(s) found matching "1.10.0" for "vpc-cni"`,
        captures: { addonVersion: "1.10.0", addon: "vpc-cni" },
      },
      {
        // marcincuber/eks#10 (kubecost published no build for 1.28 yet)
        line: "│ Error: creating EKS Add-On (eks-eu-dev:kubecost_kubecost): operation error EKS: CreateAddon, https response error StatusCode: 400, RequestID: 1b959a68-9ab8-4e0b-8419-db26e3d38077, InvalidParameterException: Addon kubecost_kubecost specified is not supported in 1.28 kubernetes version",
        captures: { addon: "kubecost_kubecost", kubernetes: "1.28" },
      },
      {
        // aws/containers-roadmap#1429 (kube-proxy add-on asked for on an EKS 1.18 cluster)
        line: String.raw`**_Resource handler returned message: "Addon specified is not supported (Service: Eks, Status Code: 400, Request ID: 683c7d50-b441-4c44-b327-fde57c61b150, Extended Request ID: null)" (RequestToken: f5b1072c-8566-9900-e37b-8df89074e6a5, HandlerErrorCode: InvalidRequest)_**`,
      },
      // A repository's notes: the AWS Load Balancer Controller was never an EKS add-on (a warning, not a cause).
      { line: "Addon aws-load-balancer-controller specified is not supported in 1.33 kubernetes version", captures: { addon: "aws-load-balancer-controller", kubernetes: "1.33" } },
    ],
    nearMisses: ["2024-01-22 10:39:27 [ℹ]  describing addon versions for addon: kubecost_kubecost", "the kubernetes version of the cluster is 1.28"],
  },
  {
    id: "eks-ami-not-offered-for-version",
    title: "No EKS node AMI of this family for the cluster's Kubernetes version",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["unable to determine AMI for region", "is only supported for kubernetes versions", "please verify that AMI Family is supported"],
    patterns: [
      // eksctl's AMI resolver (static list, SSM or EC2 search) found no image of the family for the minor.
      String.raw`unable\s+to\s+determine\s+AMI\s+for\s+region\s+(?<region>[\w-]+)\s*,\s*version\s+(?<kubernetes>\d+\.\d+)\s*,\s*instance\s+type\s+(?<instanceType>[\w.-]*)\s*and\s+image\s+family\s+(?<family>\w+)`,
      // The EKS API (CreateNodegroup through CloudFormation, CDK, Terraform): AL2 AMIs end with Kubernetes 1.32.
      String.raw`AMI\s+Type\s+(?<amiType>\w+)\s+is\s+only\s+supported\s+for\s+kubernetes\s+versions\s+(?<newest>\d+\.\d+)\s+or\s+earlier`,
      // eksctl's SSM lookup: the parameter for this family, minor and variant does not exist (names no version).
      String.raw`error\s+getting\s+AMI\s+from\s+SSM\s+Parameter\s+Store\s*:[^\n]{0,300}?ParameterNotFound[^\n]{0,40}?please\s+verify\s+that\s+AMI\s+Family\s+is\s+supported`,
    ],
    versions: ["kubernetes", "newest"],
    roles: {
      kubernetes: "node group's Kubernetes version",
      newest: "newest Kubernetes version the AMI type supports",
      family: "AMI family",
      amiType: "EKS AMI type",
      region: "AWS region",
      instanceType: "instance type",
    },
    versionKinds: { kubernetes: "kubernetes", newest: "kubernetes" },
    priority: 50,
    meaning:
      "EKS node images are published per Kubernetes minor and AMI family: the family the node group asks for has no image for this minor (Amazon Linux 2 ends with 1.32; Ubuntu and Bottlerocket variants start later than EKS's own images), or the eksctl in use predates the images for the minor.",
    causes: [
      "A cluster (or new node groups) moved to a minor for which the chosen AMI family is not published (AL2 from 1.33 on; an old Ubuntu family on a new minor; a Bottlerocket variant before its first minor).",
      "An eksctl older than the minor: its static AMI list or defaults do not know the images for it.",
    ],
    fixes: [
      "Use an AMI family published for the minor (amiFamily: AmazonLinux2023 or Bottlerocket; ami_type AL2023_x86_64_STANDARD), or upgrade eksctl to a release that knows the minor.",
    ],
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-amis.html", "https://eksctl.io/usage/custom-ami-support/"],
    examples: [
      {
        // canonical/bundle-kubeflow#1200 (no Ubuntu 20.04 EKS image for 1.31)
        line: "Error: unable to determine AMI to use: unable to determine AMI for region eu-central-1, version 1.31, instance type t2.2xlarge and image family Ubuntu2004",
        captures: { kubernetes: "1.31", family: "Ubuntu2004", region: "eu-central-1" },
      },
      {
        // eksctl-io/eksctl#1152 (eksctl 0.4.2 had no Ubuntu1804 AMIs for 1.13; fixed in 0.4.3)
        line: "[✖]  unable to determine AMI to use: unable to determine AMI for region ap-northeast-1, version 1.13, instance type  t3.medium and image family Ubuntu1804",
        captures: { kubernetes: "1.13", family: "Ubuntu1804", instanceType: "t3.medium" },
      },
      {
        // aws/aws-cdk#37012 (CDK defaulted to AL2 for a 1.33 cluster)
        line: String.raw`Resource handler returned message: "AMI Type AL2_x86_64 is only supported for kubernetes versions 1.32 or earlier`,
        captures: { amiType: "AL2_x86_64", newest: "1.32" },
      },
      {
        // eksctl-io/eksctl#8403 (AL2 on 1.33), #4998 (a Bottlerocket NVIDIA variant on 1.20): no version on the line
        line: "Error: unable to determine AMI to use: error getting AMI from SSM Parameter Store: operation error SSM: GetParameter, https response error StatusCode: 400, RequestID: 661707aa-bdea-4869-b34f-1fb11697ebfe, ParameterNotFound: . please verify that AMI Family is supported",
      },
    ],
    nearMisses: [
      // eksctl-io/eksctl#8404: the notice eksctl prints before it uses AL2 anyway.
      "2025-06-03 07:34:53 [!]  Amazon EKS will no longer publish EKS-optimized Amazon Linux 2 (AL2) AMIs after November 26th, 2025. Additionally, Kubernetes version 1.32 is the last version for which Amazon EKS will release AL2 AMIs.",
      // eksctl-io/eksctl#4077: --node-ami auto is refused for managed node groups, whatever the version.
      `Error: invalid AMI "auto" (managedNodeGroups[0].ami)`,
    ],
  },
  {
    id: "gke-docker-node-image-removed",
    title: "GKE no longer creates node pools with Docker-based node images",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["based on Docker container runtimes is not supported in GKE"],
    patterns: [
      String.raw`Creation\s+of\s+node\s+pools\s+using\s+node\s+images\s+based\s+on\s+Docker\s+container\s+runtimes\s+is\s+not\s+supported\s+in\s+GKE\s+(?<gke>v?\d+\.\d+)\+?(?:[^\n]{0,80}?removal\s+of\s+Dockershim\s+in\s+Kubernetes\s+(?<removedIn>v?\d+\.\d+))?`,
    ],
    versions: ["gke", "removedIn"],
    roles: { gke: "GKE version from which Docker node images are refused", removedIn: "Kubernetes release that removed dockershim" },
    versionKinds: { gke: "kubernetes", removedIn: "kubernetes" },
    priority: 50,
    meaning:
      "Kubernetes 1.24 removed dockershim; GKE refuses new node pools with the Docker-based images (COS, UBUNTU, WINDOWS_*) on clusters at 1.23 and later, so a node pool config written for older GKE versions fails once the cluster's version moves on.",
    causes: ["An image_type of COS or UBUNTU (Docker) in Terraform, gcloud or a module's defaults, on a cluster that reached GKE 1.23+ (often through its release channel)."],
    fixes: ["Use the containerd images (image_type COS_CONTAINERD or UBUNTU_CONTAINERD), or leave image_type unset."],
    references: ["https://cloud.google.com/kubernetes-engine/docs/deprecations/docker-containerd"],
    examples: [
      {
        // terraform-google-modules/terraform-google-kubernetes-engine#1247
        line: "Error: googleapi: Error 400: Creation of node pools using node images based on Docker container runtimes is not supported in GKE v1.23. This is to prepare for the removal of Dockershim in Kubernetes v1.24. We recommend that you migrate to image types based on Containerd (examples).",
        captures: { gke: "v1.23", removedIn: "v1.24" },
      },
      {
        // securekubernetes/securekubernetes#4
        line: "ERROR: (gcloud.beta.container.clusters.create) ResponseError: code=400, message=Creation of node pools using node images based on Docker container runtimes is not supported in GKE v1.24+ clusters as Dockershim has been removed in Kubernetes v1.24.",
        captures: { gke: "v1.24" },
      },
    ],
    nearMisses: ["Starting with GKE node version 1.19, COS image type is deprecated."],
  },
  {
    id: "oke-node-image-version-mismatch",
    title: "OKE node pool image built for another Kubernetes version",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["does not match Kubernetes version of OKE worker node image"],
    patterns: [
      String.raw`Kubernetes\s+version\s+does\s+not\s+match\s+Kubernetes\s+version\s+of\s+OKE\s+worker\s+node\s+image\s*\(\s*(?<image>{V})\s*\)`,
    ],
    versions: ["image"],
    roles: { image: "Kubernetes version the node image was built for" },
    versionKinds: { image: "kubernetes" },
    priority: 50,
    meaning:
      "OKE worker node images (Oracle Linux OKE images) are built per Kubernetes version: a node pool whose kubernetes_version differs from the image's refuses to be created (409 Conflict).",
    causes: ["The node pool's (or the cluster's) Kubernetes version was changed while the node image OCID stayed the one built for the old version (or the reverse)."],
    fixes: ["Pick the OKE image built for the node pool's version (oci ce node-pool-options get --node-pool-option-id all), or set the node pool's kubernetes_version to the image's."],
    references: ["https://docs.oracle.com/en-us/iaas/Content/ContEng/Reference/contengimagesshapes.htm"],
    examples: [
      {
        // oracle-devrel/terraform-oci-arch-ci-cd-devops#14
        line: "Error: 409-Conflict, Kubernetes version does not match Kubernetes version of OKE worker node image (v1.23.4) ",
        captures: { image: "v1.23.4" },
      },
      {
        // oracle/microservices-backend#547 (ANSI colours as Terraform printed them)
        line: "\u001b[31m│\u001b[0m \u001b[0m\u001b[1m\u001b[31mError: \u001b[0m\u001b[0m\u001b[1m409-Conflict, Kubernetes version does not match Kubernetes version of OKE worker node image (v1.24.1)",
        captures: { image: "v1.24.1" },
      },
    ],
    nearMisses: ["│ Suggestion: The resource is in a conflicted state. Please retry again or contact support for help with service: Containerengine Node Pool"],
  },
  {
    id: "gardener-kubernetes-version-unsupported",
    title: "Gardener does not support this Kubernetes version (shoot spec, or the cluster a Gardener component runs on)",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["error discovering kubernetes version", "Kubernetes cluster has version", "shoots.core.gardener.cloud"],
    patterns: [
      // pkg/client/kubernetes DiscoverVersion: gardenlet, gardener-apiserver and every extension built on the vendored
      // gardener check the cluster they run on against the SupportedVersions of that gardener release.
      String.raw`error\s+discovering\s+kubernetes\s+version:\s+unsupported\s+kubernetes\s+version\s+${Q}(?<cluster>{V})`,
      // gardenctl (gardener-attic/gardenctl) checking the garden cluster.
      String.raw`Kubernetes\s+cluster\s+has\s+version\s+(?<cluster>{V})\s+which\s+is\s+not\s+supported`,
      // The shoot validator admission: the version (or a worker pool's) is not offered by the CloudProfile.
      String.raw`shoots\.core\.gardener\.cloud\s+${Q}[\w.-]{1,63}${Q}\s+is\s+forbidden:\s*\[?spec\.(?<field>kubernetes|provider\.workers\[\d+\]\.kubernetes)\.version:\s+Unsupported\s+value:\s+${Q}(?<requested>{V})${Q}(?::\s+supported\s+values:\s+${Q}(?<newest>{V}))?`,
    ],
    versions: ["cluster", "requested", "newest"],
    roles: {
      cluster: "Kubernetes version of the cluster the Gardener component runs on",
      requested: "shoot's requested Kubernetes version",
      newest: "first (newest) version the CloudProfile offers",
      field: "shoot field",
    },
    priority: 50,
    meaning:
      "Gardener pins the Kubernetes versions it supports: its components (gardenlet, extensions vendoring gardener) refuse to start on a garden/seed cluster newer than their release knows, and the shoot admission refuses versions the CloudProfile does not offer (expired or removed).",
    causes: [
      "A seed or garden cluster upgraded past what the gardenlet or an extension release supports (the extension vendors an older gardener).",
      "A shoot manifest pinning a Kubernetes patch the CloudProfile has dropped (an e2e job that was not bumped).",
    ],
    fixes: [
      "Upgrade the extension/gardenlet to a release whose vendored gardener lists the cluster's minor (or keep the seed on a supported minor).",
      "Pick a version the CloudProfile offers (kubectl get cloudprofile <name> -o yaml), or let the shoot auto-update patch versions.",
    ],
    references: ["https://gardener.cloud/docs/gardener/usage/shoot-operations/supported_k8s_versions/"],
    examples: [
      {
        // gardener/gardener#7883 (gardenlet of v1.70 on a 1.27 kind seed)
        line: String.raw`2023-05-10T12:21:08.77986011Z stderr F panic: failed during bootstrapping: unable to bootstrap client from bootstrap kubeconfig: error discovering kubernetes version: unsupported kubernetes version "v1.27.1"`,
        captures: { cluster: "v1.27.1" },
      },
      {
        // kyma-project/test-infra#6305
        line: String.raw`Error from server (Forbidden): error when creating "STDIN": shoots.core.gardener.cloud "grdr56z4a" is forbidden: [spec.kubernetes.version: Unsupported value: "1.23.6": supported values: "1.24.6", "1.24.5", "1.24.3", "1.24.2", "1.23.12", "1.23.11"]`,
        captures: { requested: "1.23.6", newest: "1.24.6", field: "kubernetes" },
      },
      {
        // gardener-attic/gardenctl#37
        line: "Kubernetes cluster has version v1.11.2 which is not supported",
        captures: { cluster: "v1.11.2" },
      },
    ],
    nearMisses: [
      String.raw`Error from server (NotFound): shoots.core.gardener.cloud "[...]" not found`,
      String.raw`shoots.core.gardener.cloud "dev" is forbidden: [spec.provider.workers[0].machine.image: Unsupported value: core.ShootMachineImage{Name:"gardenlinux"}]`,
    ],
  },
  {
    id: "rosa-openshift-version-unsupported",
    title: "ROSA/OCM does not offer the requested OpenShift version",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["build cluster with name", "is not in the list of supported versions", "is below minimum supported for Hosted Control Plane", "Expected a valid OpenShift version", "Requested cluster version not available"],
    patterns: [
      // rosa/ocm: "Can't build cluster with name '%s': version %s is not in the list of supported versions: [%s]"
      // (often wrapped after "is not in the").
      String.raw`build\s+cluster\s+with\s+name\s+'[^']{1,64}'\s*:\s*version\s+(?<requested>{V})\s+is\s+not\s+in\s+the\b(?:\s+list\s+of\s+supported\s+versions\s*:\s*\[\s*(?<newest>{V}))?`,
      String.raw`version\s+(?<requested>{V})\s+is\s+not\s+in\s+the\s+list\s+of\s+supported\s+versions`,
      String.raw`Version\s+'(?<requested>{V})'\s+is\s+below\s+minimum\s+supported\s+for\s+Hosted\s+Control\s+Plane`,
      // The version named nowhere on the line: a nightly or retired z-stream missing from the channel group.
      String.raw`Expected\s+a\s+valid\s+OpenShift\s+version\s*:\s*A\s+valid\s+version\s+number\s+must\s+be\s+specified`,
      String.raw`Requested\s+cluster\s+version\s+not\s+available`,
    ],
    versions: ["requested", "newest"],
    roles: { requested: "requested OpenShift version", newest: "newest version offered" },
    versionKinds: { requested: { kind: "component", component: "OpenShift" }, newest: { kind: "component", component: "OpenShift" } },
    priority: 45,
    meaning:
      "ROSA (and OpenShift Dedicated through OCM) installs only the OpenShift z-streams currently offered in the channel group; older ones are retired after a few months, and hosted control planes start at a minimum minor.",
    causes: [
      "A CI job or Terraform example pinning an OpenShift z-stream that OCM has since retired.",
      "Hosted control planes (--hosted-cp) asked for a minor older than their minimum, or a nightly the channel group no longer lists.",
    ],
    fixes: ["List what is offered (rosa list versions [--hosted-cp] [--channel-group …]) and pin one of those, or pin only the minor and resolve the newest z-stream at run time."],
    references: ["https://docs.openshift.com/rosa/rosa_architecture/rosa_policy_service_definition/rosa-life-cycle.html"],
    examples: [
      {
        // camunda/camunda-platform-helm#2145
        line: "Can't build cluster with name 'hci-e5e390f6': version 4.14.24 is not in the list of supported versions: [4.16.3 4.16.2 4.16.1 4.16.0 4.15.21 4.15.20",
        captures: { requested: "4.14.24", newest: "4.16.3" },
      },
      // openshift-pipelines/pipeline-service#856
      { line: "ERR: Failed to create cluster: Version '4.13.13' is below minimum supported for Hosted Control Plane", captures: { requested: "4.13.13" } },
    ],
    nearMisses: ["I: Using 'xxxx' as billing account"],
  },
];
