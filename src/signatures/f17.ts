import type { Signature } from "../model.js";

// Rules written from the fresh-17 tuning set's misses (all areas but the node's). Their reasoning lives in
// src/diagnose/area-f17.ts; real lines and near-misses in test/fixtures/real-world/lines-16f17.jsonl.

export const f17Signatures: Signature[] = [
  {
    id: "helm-plugin-manifest-field-unknown",
    title: "Helm older than the plugin.yaml format of an installed plugin (platformHooks and platformCommand args of Helm 3.18, Helm 4's plugin format)",
    family: "helm",
    severity: "error",
    flake: false,
    anchors: ["failed to load plugin"],
    patterns: [
      // Helm's plugin loader (pkg/plugin LoadDir, a strict sigs.k8s.io/yaml unmarshal of plugin.yaml): "failed to load plugin
      // at \"…/plugins/helm-diff/plugin.yaml\": error unmarshaling JSON: while decoding JSON: json: unknown field \"platformHooks\"",
      // under "failed to load plugins:" (any helm command) or "Error: plugin is installed but unusable:" (helm plugin install).
      String.raw`failed\s+to\s+load\s+plugins?(?::\s+(?:\[[^\]]{0,20}\]\s*)?(?:failed\s+to\s+load\s+plugin)?)?(?:\s+at\s+\\?"(?:[^"]{0,300}?[\\/]plugins[\\/](?<plugin>[^\\/"]{1,80}?)(?:\.git)?[\\/]plugin\.yaml)?[^"]{0,300}\\?":)?\s+error\s+unmarshaling\s+JSON:\s+while\s+decoding\s+JSON:\s+json:\s+unknown\s+field\s+\\?"(?<field>[A-Za-z][\w.]{0,40})\\?"`,
    ],
    versions: [],
    roles: { plugin: "Helm plugin whose plugin.yaml Helm could not read", field: "plugin.yaml field this Helm does not know" },
    priority: 50,
    meaning:
      "Helm reads each installed plugin's plugin.yaml strictly, so a field added by a later Helm makes the plugin unloadable (and every helm command print the error). Helm 3.18 added platformHooks (and args to platformCommand); plugins that adopted them (helm-diff 3.13+, helm-unittest, helm-gcs 0.7) refuse to load on Helm 3.17 and older. Helm 4's plugin format (apiVersion, type, runtime, config) is unknown to any Helm 3. The plugin was installed unpinned, at a release newer than the Helm binary of the job.",
    causes: [
      "helm plugin install <url> without --version pulled the plugin's latest release, written for Helm 3.18+ (platformHooks), beside a Helm pinned at 3.17 or older (setup-helm version, a CI image, a distribution package).",
      "A plugin release written for Helm 4's plugin format installed under Helm 3.",
    ],
    fixes: [
      "Upgrade Helm to 3.18 or later (azure/setup-helm version:, the CI image), the release whose plugin.yaml format the plugin uses.",
      "Or pin the plugin to a release written for the job's Helm: helm plugin install https://github.com/databus23/helm-diff --version v3.12.5 (the last helm-diff release without platformHooks).",
    ],
    references: ["https://github.com/databus23/helm-diff/issues/861", "https://github.com/databus23/helm-diff/pull/851", "https://github.com/helm/helm/pull/12962"],
    examples: [
      {
        // databus23/helm-diff#861 (helm-diff v3.13.0 under Helm v3.17.1)
        line: String.raw`Error: failed to load plugin at "/var/home/<user>/.local/share/helm/plugins/helm-diff/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "platformHooks"`,
        captures: { plugin: "helm-diff", field: "platformHooks" },
      },
      {
        // apache/polaris#3278 (helm-unittest installed from its Git URL on a runner's older Helm)
        line: String.raw`Error: plugin is installed but unusable: failed to load plugin at "/home/runner/.local/share/helm/plugins/helm-unittest.git/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "platformHooks"`,
        captures: { plugin: "helm-unittest", field: "platformHooks" },
      },
    ],
    nearMisses: [
      // nikhilsbhat/helm-images#37: a chart's ConfigMap the plugin could not parse
      "Error: deserializing yaml data of configmap errored with 'error converting YAML to JSON: yaml: line 3: did not find expected alphabetic or numeric character'",
      // rajatjindal/krew-release-bot#49: a krew manifest template, not a Helm plugin
      String.raw`failed to get plugin name from processed template.\nerr: error converting YAML to JSON: yaml: line 12: did not find expected '-' indicator`,
    ],
  },
  {
    id: "kubeadm-coredns-migration-blocked",
    title: "kubeadm upgrade's CoreDNS migration refusing a running CoreDNS release or Corefile it cannot carry to the target release",
    family: "kubeadm",
    severity: "error",
    flake: false,
    anchors: ["CoreDNSUnsupportedPlugins]", "CoreDNSMigration]", "unable to migrate CoreDNS ConfigMap", "cannot migrate up to"],
    patterns: [
      // kubeadm's upgrade preflight (phases/upgrade/preflight.go, corefile-migration's errors): "[ERROR CoreDNSUnsupportedPlugins]:
      // start version '1.9.2' not supported", "[ERROR CoreDNSMigration]: CoreDNS will not be upgraded: start version …", and the
      // post-upgrade phase when the checks were ignored ("unable to migrate CoreDNS ConfigMap: start version … not supported").
      String.raw`(?:\[(?<level>ERROR|WARNING)\s+CoreDNS(?:UnsupportedPlugins|Migration)\]:\s+(?:CoreDNS\s+will\s+not\s+be\s+upgraded:\s+)?|unable\s+to\s+migrate\s+CoreDNS\s+ConfigMap:\s+)start\s+version\s+\\?['"](?<start>v?\d+\.\d+\.\d+[\w.+-]*)\\?['"]\s+not\s+supported`,
      // corefile-migration older than the CoreDNS release kubeadm deploys: "CoreDNS will not be upgraded: cannot migrate up to
      // 'v1.8.0' from '1.7.0'".
      String.raw`(?:\[(?<level2>ERROR|WARNING)\s+CoreDNSMigration\]:\s+)?CoreDNS\s+will\s+not\s+be\s+upgraded:\s+cannot\s+migrate\s+up\s+to\s+\\?['"](?<target>v?\d+\.\d+\.\d+)\\?['"]\s+from\s+\\?['"](?<from>v?\d+\.\d+\.\d+[\w.+-]*)\\?['"]`,
      // kubeadm 1.16/1.17's dry-run migration of the Corefile to the target CoreDNS.
      String.raw`\[(?<level3>ERROR|WARNING)\s+CoreDNSUnsupportedPlugins\]:\s+there\s+are\s+unsupported\s+plugins\s+in\s+the\s+CoreDNS\s+Corefile`,
    ],
    versions: ["start", "target", "from"],
    roles: { start: "CoreDNS release running in the cluster", target: "CoreDNS release kubeadm upgrades to", from: "CoreDNS release running in the cluster" },
    versionKinds: { start: { kind: "component", component: "CoreDNS" }, target: { kind: "component", component: "CoreDNS" }, from: { kind: "component", component: "CoreDNS" } },
    priority: 55,
    meaning:
      "kubeadm upgrade migrates the CoreDNS Corefile from the CoreDNS release running in the cluster to the one the target Kubernetes ships (1.6.2 with 1.16, 1.7.0 with 1.19, 1.8.0 with 1.21, 1.8.6 with 1.23/1.24, 1.9.3 with 1.25, 1.10.1 with 1.27, 1.11.1 with 1.29), with the corefile-migration library it was built with. A running CoreDNS that kubeadm did not deploy (a self-built tag, an image upgraded by hand past kubeadm's, an installer's own release) is outside the library's table, and a Corefile with plugins the target release removed (proxy, the kubernetes plugin's upstream) cannot be carried over; kubeadm then refuses the upgrade in preflight.",
    causes: [
      "CoreDNS was upgraded by hand or by an installer (kubespray, a Helm chart) to a release kubeadm's migration table does not know, newer than the one kubeadm deployed, or runs a self-built image tag.",
      "The Corefile still uses plugins or options removed from the target CoreDNS (proxy → forward, the kubernetes plugin's upstream).",
      "A kubeadm build whose corefile-migration library predates the CoreDNS release it deploys.",
    ],
    fixes: [
      "Set the CoreDNS image back to the release kubeadm deployed for the current Kubernetes (kubectl -n kube-system set image deployment/coredns coredns=registry.k8s.io/coredns/coredns:v1.8.6 for 1.23/1.24), then upgrade.",
      "Or, when CoreDNS is managed outside kubeadm, skip its migration: kubeadm upgrade apply <version> --ignore-preflight-errors=CoreDNSUnsupportedPlugins,CoreDNSMigration (and check the Corefile against the new CoreDNS release yourself).",
    ],
    references: ["https://github.com/coredns/corefile-migration", "https://github.com/kubernetes/kubernetes/issues/84326", "https://github.com/kubernetes/kubeadm/issues/2371"],
    examples: [
      {
        // coredns/corefile-migration#23, kubernetes/kubernetes#84326 (a self-built CoreDNS 1.6.2-100 on a 1.15 → 1.16 upgrade)
        line: "    [ERROR CoreDNSUnsupportedPlugins]: start version 'v1.6.2-100' not supported",
        captures: { level: "ERROR", start: "v1.6.2-100" },
      },
      {
        // kubernetes/kubeadm#2371 (kubeadm 1.21's migration library predating CoreDNS 1.8.0)
        line: "CoreDNS will not be upgraded: cannot migrate up to 'v1.8.0' from '1.7.0'",
        captures: { target: "v1.8.0", from: "1.7.0" },
      },
    ],
    nearMisses: [
      // kubernetes/kubeadm#2830: a plugin the migration tool does not know is left as is; the upgrade goes on
      "[Plugin \"grpc\" is unsupported by this migration tool in 1.9.3.]",
      // kubernetes/kubernetes#88623: kubeadm's own bug, an empty list reported on a valid Corefile
      "[ERROR CoreDNSUnsupportedPlugins]: CoreDNS cannot migrate the following plugins:",
    ],
  },
  {
    id: "actions-input-not-in-action-release",
    title: "A GitHub Actions step passes an input the pinned action release does not declare (an input of another release of the action)",
    family: "generic",
    severity: "warning",
    flake: false,
    anchors: ["valid inputs are"],
    patterns: [
      // The runner (ActionManifestManager / the step's input check): "Unexpected input(s) 'kubectl_version', valid inputs are
      // ['version', 'config', …]", older runners "##[warning]Unexpected input 'pattern', valid inputs are […]".
      String.raw`Unexpected\s+input(?:\(s\))?\s+\\?'(?<input>[^'\\]{1,80})\\?'(?<more>(?:,\s*\\?'[^'\\]{1,80}\\?'){0,20}),\s+valid\s+inputs\s+are\s+\[(?<valid>[^\]]{0,3000})\]`,
    ],
    versions: [],
    roles: { input: "input the step passes", valid: "inputs the action release declares" },
    priority: 40,
    meaning:
      "The runner checks a step's with: keys against the action.yml of the exact action release the workflow runs (uses: owner/action@ref) and warns about the others, which the action never sees: the step runs with the action's defaults instead. The usual cause is documentation of another release: the README of the default branch or of a newer major documents an input that the pinned tag or major (v1, v4…) does not have yet (or has dropped), so a version-pinning input such as kubectl_version or node_image is silently ignored and the job runs other versions than it asked for.",
    causes: [
      "The workflow follows the action's README on its default branch, which documents an input added after the release the workflow pins (helm/kind-action's kubectl_version before v1.3.0, action-junit-report's comment before v5).",
      "An action's new major renamed or removed the input, and the workflow's with: block is from the older major.",
    ],
    fixes: [
      "Read the action.yml at the tag the workflow uses (https://github.com/<owner>/<action>/blob/<ref>/action.yml) and move uses: to the first release that declares the input, or drop the input.",
      "Where the input pins a version (a kubectl, kind node image or tool release), check in the step's log which version the action's default actually installed.",
    ],
    references: ["https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions#inputs", "https://github.com/mikepenz/action-junit-report/issues/1186"],
    examples: [
      {
        // cloudaper/epics-action#11 (v1.0.2 predates the auto-close-epic input; fixed by a new release)
        line: "Warning: Unexpected input(s) 'auto-close-epic', valid inputs are ['github-token', 'epic-label-name']",
        captures: { input: "auto-close-epic" },
      },
    ],
    nearMisses: [
      // olegtarasov/get-tag#8: the action's action.yml declares no inputs at all (the action reads them anyway)
      "##[warning]Unexpected input(s) 'tagRegex', 'tagRegexGroup', valid inputs are ['']",
    ],
  },
  {
    id: "postgres-data-dir-major-mismatch",
    title: "PostgreSQL server of another major release (or development build) than the data directory it was started on",
    family: "generic",
    severity: "error",
    flake: false,
    anchors: ["database files are incompatible with server", "The data directory was initialized by PostgreSQL version", "CATALOG_VERSION_NO"],
    patterns: [
      // PostgreSQL's checkDataDir / ReadControlFile (src/backend/utils/init/miscinit.c, access/transam/xlog.c): "DETAIL:  The data
      // directory was initialized by PostgreSQL version 13, which is not compatible with this version 14.1."
      String.raw`The\s+data\s+directory\s+was\s+initialized\s+by\s+PostgreSQL\s+version\s+(?<data>\d+(?:\.\d+)?),\s+which\s+is\s+not\s+compatible\s+with\s+this\s+version\s+(?<server>\d+(?:\.\d+){0,2}(?:beta\d+|rc\d+|devel)?)`,
      // Development and beta builds of one major: "The database cluster was initialized with CATALOG_VERSION_NO 201907221, but the
      // server was compiled with CATALOG_VERSION_NO 201909212."
      String.raw`The\s+database\s+cluster\s+was\s+initialized\s+with\s+CATALOG_VERSION_NO\s+(?<dataCatalog>\d{9}),\s+but\s+the\s+server\s+was\s+compiled\s+with\s+CATALOG_VERSION_NO\s+(?<serverCatalog>\d{9})`,
      // The FATAL line alone (its DETAIL line cut off or on another log record).
      String.raw`FATAL:\s+database\s+files\s+are\s+incompatible\s+with\s+server`,
    ],
    versions: ["data", "server"],
    roles: { data: "PostgreSQL major release that initialised the data directory", server: "PostgreSQL release of the server binary", dataCatalog: "catalog version of the data directory", serverCatalog: "catalog version of the server build" },
    versionKinds: { data: { kind: "component", component: "PostgreSQL" }, server: { kind: "component", component: "PostgreSQL" } },
    priority: 50,
    meaning:
      "A PostgreSQL server only starts on a data directory initialised by its own major release (and, for beta and development builds, the same catalog version). A newer server image (postgres:latest moving to a new major, a chart or operator bumping the image, a Homebrew upgrade) on a volume initialised by the previous major refuses to start until the data is upgraded with pg_upgrade or dumped and restored; an older image on a newer volume is a downgrade.",
    causes: [
      "An unpinned or bumped PostgreSQL image (postgres:latest, a chart's default tag, an operator's new default) started on a persistent volume initialised by the previous major release.",
      "A replica or restore built from a backup or snapshot taken before an in-place major upgrade.",
      "A local install upgraded by a package manager, leaving the old major's data directory in place.",
    ],
    fixes: [
      "Pin the image to the data directory's major (postgres:<major>) and upgrade deliberately: pg_upgrade (or pgautoupgrade/tianon's pg_upgrade images), or pg_dumpall from the old major and restore into a new volume.",
      "For a database operator (CloudNativePG, Zalando, Crunchy), use its major-upgrade procedure rather than changing the image tag in place.",
    ],
    references: ["https://www.postgresql.org/docs/current/pgupgrade.html", "https://github.com/docker-library/postgres/issues/37"],
    examples: [
      {
        // postgis/docker-postgis#128 (a PostgreSQL 10 volume under an 11.2 image)
        line: "2019-03-01 08:46:20.785 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 10, which is not compatible with this version 11.2 (Debian 11.2-1.pgdg90+1).",
        captures: { data: "10", server: "11.2" },
      },
    ],
    nearMisses: [
      // docker-library/postgres#1273: a 32-bit image's volume under the 64-bit image of the same release (architecture)
      "2024-10-05 10:12:27.416 UTC [1] DETAIL:  The database cluster was initialized without USE_FLOAT8_BYVAL but the server was compiled with USE_FLOAT8_BYVAL.",
    ],
  },
  {
    id: "gke-basic-auth-removed",
    title: "GKE refusing basic authentication (master_auth username/password) for clusters at or above 1.19",
    family: "managed",
    severity: "error",
    flake: false,
    anchors: ["Basic authentication was removed for GKE", "and basic authentication enabled cannot migrate"],
    patterns: [
      // A 1.18 cluster with basic auth asked to join a release channel (whose versions are all 1.19+).
      String.raw`Clusters\s+with\s+minor\s+version\s+(?<cluster>1\.\d+)\s+and\s+basic\s+authentication\s+enabled\s+cannot\s+migrate\s+to\s+(?:rapid|regular|stable)`,
      // The GKE API (through gcloud's ResponseError, Terraform's googleapi Error 400, Deployment Manager): "Basic authentication was
      // removed for GKE cluster versions >= 1.19. The cluster cannot be created with basic authentication enabled."
      String.raw`Basic\s+authentication\s+was\s+removed\s+for\s+GKE\s+cluster\s+versions\s+(?:>=|&gt;=|\\u003e=)\s*(?<removedIn>1\.\d+)`,
    ],
    versions: ["removedIn", "cluster"],
    roles: { removedIn: "first GKE version without basic authentication", cluster: "the cluster's minor version" },
    versionKinds: { removedIn: "kubernetes", cluster: "kubernetes" },
    priority: 55,
    meaning:
      "Kubernetes 1.19 removed static password (basic) authentication from the API server, and GKE refuses to create or move a cluster at 1.19 or later with master_auth username/password (gcloud --enable-basic-auth / --username). Templates, Terraform modules, Deployment Manager and Marketplace deployers written for 1.18 and older GKE defaults still ask for it, and fail once GKE's default version is 1.19+.",
    causes: [
      "A Terraform google_container_cluster with master_auth { username, password } (or a module that sets them), an old gcloud script with --username/--enable-basic-auth, or a deployer template written before GKE 1.19.",
      "A 1.18 cluster with basic auth enabled being enrolled in a release channel, or auto-upgraded to 1.19.",
    ],
    fixes: [
      "Drop basic authentication: remove master_auth username/password (keep client_certificate_config issue_client_certificate = false) in Terraform, or pass --no-enable-basic-auth to gcloud; authenticate with gcloud credentials (gke-gcloud-auth-plugin) instead.",
      "On an existing 1.18 cluster, gcloud container clusters update <cluster> --no-enable-basic-auth before upgrading or joining a release channel.",
    ],
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication#legacy-auth", "https://github.com/hashicorp/terraform-provider-google/issues/8032"],
    examples: [
      {
        // orlandothoeny/terraform-gcp-gke-infrastructure#1 (a Terraform module still setting username/password)
        line: "Error: googleapi: Error 400: Basic authentication was removed for GKE cluster versions >= 1.19. The cluster cannot be created with basic authentication enabled. Instructions for choosing an alternative authentication method can be found at: https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication., badRequest",
        captures: { removedIn: "1.19" },
      },
    ],
    nearMisses: [
      // GoogleCloudPlatform/istio-samples#78: gcloud's deprecation warning on a create that then failed with the error
      "WARNING: Warning: basic authentication is deprecated, and will be removed in GKE control plane versions 1.19 and newer. For a list of recommended authentication methods, see: https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication",
    ],
  },
];
