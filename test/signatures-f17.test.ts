import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the rules written from the fresh-17 tuning set (src/signatures/f17.ts, src/diagnose/area-f17.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16f17.jsonl).

describe("Helm older than the plugin.yaml format of an installed plugin", () => {
  it.each([
    // databus23/helm-diff#861, aws/karpenter-provider-aws#8576: helm-diff 3.13+ (platformHooks) on Helm 3.17
    [String.raw`failed to load plugins: failed to load plugin at "/var/home/<user>/.local/share/helm/plugins/helm-diff/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "platformHooks"`, "cause", { plugin: "helm-diff", field: "platformHooks" }],
    [String.raw`failed to load plugins: failed to load plugin at "/home/runner/.local/share/helm/plugins/helm-diff/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "platformHooks"`, "cause", { plugin: "helm-diff", field: "platformHooks" }],
    // apache/polaris#3278: helm plugin install from a Git URL
    [String.raw`Error: plugin is installed but unusable: failed to load plugin at "/home/runner/.local/share/helm/plugins/helm-unittest.git/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "platformHooks"`, "cause", { plugin: "helm-unittest", field: "platformHooks" }],
    // helm/helm#13640: platformCommand args before Helm 3.18
    [String.raw`Error: plugin is installed but unusable: failed to load plugin at "/Users/tibeer/Library/helm/plugins/last/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "args"`, "cause", { plugin: "last", field: "args" }],
    // a field no Helm release added: a mistake in the manifest, only a warning
    [String.raw`Error: failed to load plugin at "/home/runner/.local/share/helm/plugins/helm-foo/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "comand"`, "warning", { plugin: "helm-foo", field: "comand" }],
    // nikhilsbhat/helm-images#37, rajatjindal/krew-release-bot#49: YAML errors of plugins' inputs
    ["Error: deserializing yaml data of configmap errored with 'error converting YAML to JSON: yaml: line 3: did not find expected alphabetic or numeric character'", "none", {}],
    [String.raw`failed to get plugin name from processed template.\nerr: error converting YAML to JSON: yaml: line 12: did not find expected '-' indicator`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("helm-plugin-manifest-field-unknown");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names Helm 3.18 as the release the plugin needs, and helm-diff's last release without platformHooks", async () => {
    const line = String.raw`failed to load plugins: failed to load plugin at "/home/runner/.local/share/helm/plugins/helm-diff/plugin.yaml": error unmarshaling JSON: while decoding JSON: json: unknown field "platformHooks"`;
    const report = await analyze([textSource("job.log", `${line}\n`)]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("Helm reads only from 3.18.0 on");
    expect(cause?.diagnosis.versions.find((v) => v.name === "helmNeeded")?.typed).toMatchObject({ kind: "component", major: 3, minor: 18, component: "Helm" });
    expect(cause?.diagnosis.fixes[1]).toContain("--version v3.12.5");
  });
});

describe("kubeadm upgrade's CoreDNS migration refusing the running CoreDNS or its Corefile", () => {
  it.each([
    // coredns/corefile-migration#23, kubernetes/kubernetes#84326: a self-built CoreDNS tag
    ["    [ERROR CoreDNSUnsupportedPlugins]: start version 'v1.6.2-100' not supported", "cause", { level: "ERROR", start: "v1.6.2-100" }],
    ["unable to migrate CoreDNS ConfigMap: start version 'v1.6.2-100' not supported", "cause", { start: "v1.6.2-100" }],
    // kubernetes-sigs/kubespray#6596: the installer's own CoreDNS, with the checks ignored (kubeadm's WARNING)
    ["            [WARNING CoreDNSMigration]: CoreDNS will not be upgraded: start version '1.6.5' not supported", "warning", { level: "WARNING", start: "1.6.5" }],
    // kubernetes/kubeadm#2371: kubeadm's migration library behind the CoreDNS it deploys
    ["CoreDNS will not be upgraded: cannot migrate up to 'v1.8.0' from '1.7.0'", "cause", { target: "v1.8.0", from: "1.7.0" }],
    // banzaicloud/pke#83: kubeadm 1.16's dry-run migration of the Corefile
    ["  err> \t[ERROR CoreDNSUnsupportedPlugins]: there are unsupported plugins in the CoreDNS Corefile", "cause", { level3: "ERROR" }],
    // kubernetes/kubeadm#2830, kubernetes/kubernetes#88623: a plugin left as is, kubeadm's empty-list bug
    ['[Plugin "grpc" is unsupported by this migration tool in 1.9.3.]', "none", {}],
    ["\t[ERROR CoreDNSUnsupportedPlugins]: CoreDNS cannot migrate the following plugins:", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("kubeadm-coredns-migration-blocked");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("tells a self-built CoreDNS tag from a release kubeadm did not deploy, and types the CoreDNS releases", async () => {
    const selfBuilt = await analyze([textSource("job.log", "    [ERROR CoreDNSUnsupportedPlugins]: start version 'v1.6.2-100' not supported\n")]);
    expect(selfBuilt.causes[0]?.diagnosis.headline).toContain("self-built tag");
    const library = await analyze([textSource("job.log", "CoreDNS will not be upgraded: cannot migrate up to 'v1.8.0' from '1.7.0'\n")]);
    expect(library.causes[0]?.diagnosis.headline).toContain("kubeadm build is older than the CoreDNS release it deploys");
    expect(library.causes[0]?.diagnosis.versions.find((v) => v.name === "target")?.typed).toMatchObject({ kind: "component", major: 1, minor: 8, component: "CoreDNS" });
  });
});

describe("a GitHub Actions step passing an input its pinned action release does not declare", () => {
  it.each([
    // mikepenz/action-junit-report#1186 (a v5 input on @v4), cloudaper/epics-action#11, getsentry/action-release#14,
    // preactjs/compressed-size-action#24: inputs documented for another release than the one the workflow runs
    ["Warning: Unexpected input(s) 'comment', valid inputs are ['token', 'github_token', 'report_paths', 'test_files_prefix', 'exclude_sources', 'suite_regex', 'annotate_only', 'check_annotations', 'update_check', 'check_name', 'commit', 'fail_on_failure', 'require_tests', 'require_passed_tests', 'include_passed', 'check_title_template', 'summary', 'check_retries', 'transformers', 'job_summary', 'detailed_summary', 'annotate_notice', 'follow_symlink', 'job_name', 'annotations_limit', 'truncate_stack_traces']", "warning", { input: "comment" }],
    ["Warning: Unexpected input(s) 'auto-close-epic', valid inputs are ['github-token', 'epic-label-name']", "warning", { input: "auto-close-epic" }],
    ["Unexpected input(s) 'version', valid inputs are ['entryPoint', 'args', 'environment', 'sourcemaps', 'finalize', 'started_at']", "warning", { input: "version" }],
    ["##[warning]Unexpected input 'pattern', valid inputs are ['repo-token', 'build-script', 'compression', 'show-total', 'collapse-unchanged', 'omit-unchanged', 'strip-hash', 'use-check']", "warning", { input: "pattern" }],
    // fauguste/auto-cancellation-running-action#22: a spelling; olegtarasov/get-tag#8: an action declaring no inputs
    ["##[warning]Unexpected input 'githubToken', valid inputs are ['github-token']", "none", {}],
    ["##[warning]Unexpected input(s) 'tagRegex', 'tagRegexGroup', valid inputs are ['']", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("actions-input-not-in-action-release");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says that a version-pinning input was ignored, and never makes the warning a cause", async () => {
    const report = await analyze([textSource("job.log", "Unexpected input(s) 'version', valid inputs are ['entryPoint', 'args', 'environment', 'sourcemaps', 'finalize', 'started_at']\n")]);
    expect(report.causes).toEqual([]);
    expect(report.warnings[0]?.diagnosis.headline).toContain("installed its default release instead of the one asked for");
  });
});

describe("a PostgreSQL server of another major release than its data directory", () => {
  it.each([
    // postgis/docker-postgis#128, WeblateOrg/docker#40: images moved to a new major on an old volume
    ["2019-03-01 08:46:20.785 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 10, which is not compatible with this version 11.2 (Debian 11.2-1.pgdg90+1).", "cause", { data: "10", server: "11.2" }],
    ["DETAIL:  The data directory was initialized by PostgreSQL version 9.4, which is not compatible with this version 9.6.3.", "cause", { data: "9.4", server: "9.6.3" }],
    // PostgresApp/PostgresApp#528: beta and release-candidate builds of one major
    ["2019-10-10 16:14:42.538 MSK [9590] DETAIL:  The database cluster was initialized with CATALOG_VERSION_NO 201907221, but the server was compiled with CATALOG_VERSION_NO 201909212.", "cause", { dataCatalog: "201907221", serverCatalog: "201909212" }],
    // the FATAL line alone: a warning
    ["2025-05-11 06:08:13.152 UTC [48] FATAL:  database files are incompatible with server", "warning", {}],
    // docker-library/postgres#1273, timescale/timescaledb-docker#299: architecture, not release
    ["2024-10-05 10:12:27.416 UTC [1] DETAIL:  The database cluster was initialized without USE_FLOAT8_BYVAL but the server was compiled with USE_FLOAT8_BYVAL.", "none", {}],
    ["[1] DETAIL:  The database cluster was initialized with USE_FLOAT8_BYVAL but the server was compiled without USE_FLOAT8_BYVAL.", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("postgres-data-dir-major-mismatch");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("dismisses the FATAL line when its DETAIL names an architecture mismatch, and tells an upgrade from a downgrade", async () => {
    const arch = await analyze([textSource("db.log", "2024-10-05 10:12:27.416 UTC [1] FATAL:  database files are incompatible with server\n2024-10-05 10:12:27.416 UTC [1] DETAIL:  The database cluster was initialized without USE_FLOAT8_BYVAL but the server was compiled with USE_FLOAT8_BYVAL.\n")]);
    expect([...arch.causes, ...arch.warnings]).toEqual([]);
    const up = await analyze([textSource("db.log", "DETAIL:  The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 16.0 (Debian 16.0-1.pgdg120+1).\n")]);
    expect(up.causes[0]?.diagnosis.headline).toContain("moved to a newer major release");
    expect(up.causes[0]?.diagnosis.fixes[0]).toContain("postgres:15");
    const down = await analyze([textSource("db.log", "DETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 15.4.\n")]);
    expect(down.causes[0]?.diagnosis.headline).toContain("downgrade");
  });
});

describe("GKE refusing basic authentication at 1.19 and later", () => {
  it.each([
    // orlandothoeny/terraform-gcp-gke-infrastructure#1, GoogleCloudPlatform/istio-samples#78
    ["Error: googleapi: Error 400: Basic authentication was removed for GKE cluster versions >= 1.19. The cluster cannot be created with basic authentication enabled. Instructions for choosing an alternative authentication method can be found at: https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication., badRequest", "cause", { removedIn: "1.19" }],
    ["ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=Basic authentication was removed for GKE cluster versions >= 1.19. The cluster cannot be created with basic authentication enabled. Instructions for", "cause", { removedIn: "1.19" }],
    // hashicorp/terraform-provider-google#8032: a 1.18 basic-auth cluster put on a release channel
    ["> Clusters with minor version 1.18 and basic authentication enabled cannot migrate to rapid, regular or stable release channels. Basic authentication was removed for GKE cluster versions >= 1.19. To disable basic authentication use: `gcloud container clusters update %s --no-enable-basic-auth`. Instructions for choosing a new method can be found at: htt", "cause", { cluster: "1.18" }],
    // gcloud's deprecation warning is not the failure
    ["WARNING: Warning: basic authentication is deprecated, and will be removed in GKE control plane versions 1.19 and newer. For a list of recommended authentication methods, see: https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("gke-basic-auth-removed");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("types the GKE version that removed basic authentication", async () => {
    const report = await analyze([textSource("job.log", "ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=Basic authentication was removed for GKE cluster versions >= 1.19. The cluster cannot be created with basic authentication enabled.\n")]);
    expect(report.causes[0]?.diagnosis.versions.find((v) => v.name === "removedIn")?.typed).toMatchObject({ kind: "kubernetes", major: 1, minor: 19 });
    expect(report.causes[0]?.diagnosis.fixes[0]).toContain("--no-enable-basic-auth");
  });
});
