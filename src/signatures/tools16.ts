import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: tools). Their reasoning lives in src/diagnose/area-tools16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16tools.jsonl.

export const tools16Signatures: Signature[] = [
  {
    id: "terraform-core-version-constraint-unmet",
    title: "Terraform or OpenTofu binary outside the configuration's (or a module's, or Terragrunt's) required_version",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: [
      "Unsupported Terraform Core version",
      "Unsupported OpenTofu Core version",
      "unsupported terraform core version",
      "does not support Terraform version",
      "does not support OpenTofu version",
      "To proceed, either choose another",
      "is not compatible with the version Terragrunt requires",
      "is not compatible with the version constraint requiring",
      "currently running version of Terraform",
      "version requirements explicitly specified",
    ],
    patterns: [
      // Terraform's terraform init/plan (internal/terraform/version_required.go): "This configuration does not support
      // Terraform version %s. To proceed, …", or "Module %s (from %s) does not support Terraform version %s." for a
      // module's required_version; OpenTofu prints the same with its own name. The version may wrap onto the next line.
      String.raw`does\s+not(?:\s*[│|])?\s+support(?:\s*[│|])?\s+(?<tool>Terraform|OpenTofu)(?:\s*[│|])?\s+version(?:\s+(?<terraform>v?\d+\.\d+\.\d+(?:-[\w.]+)?))?`,
      // The wrapped form: "│ version 1.4.6. To proceed, either choose another".
      String.raw`(?:\b(?<tool>Terraform|OpenTofu)\s+)?\bversion\s+(?<terraform>v?\d+\.\d+\.\d+(?:-[\w.]+)?)\.\s+To\s+proceed,\s+either\s+choose\s+another`,
      // Its diagnostic summary ("Error: Unsupported Terraform Core version"), and Crossplane's provider-terraform, which
      // reports it as "cannot initialize Terraform configuration: unsupported terraform core version".
      String.raw`[Uu]nsupported\s+(?<tool>Terraform|OpenTofu|terraform)\s+[Cc]ore\s+version`,
      // Terragrunt (cli/version_check.go): terraform_version_constraint, or its default minimum, not met by the binary on PATH.
      String.raw`currently\s+installed\s+version\s+of\s+(?<tool>Terraform|OpenTofu)\s+\((?<terraform>v?\d+\.\d+\.\d+[\w.-]*)\)\s+is\s+not\s+compatible\s+with\s+the\s+version\s+Terragrunt\s+requires\s+\((?<constraint>[^()]{1,60})\)`,
      // Terragrunt's own terragrunt_version_constraint.
      String.raw`currently\s+installed\s+version\s+of\s+(?<tool>Terragrunt)\s+\((?<terragrunt>v?\d+\.\d+\.\d+[\w.-]*)\)\s+is\s+not\s+compatible\s+with\s+the\s+version\s+constraint\s+requiring\s+\((?<constraint>[^()]{1,60})\)`,
      // Terraform 0.11 and older: "The currently running version of Terraform doesn't meet the version requirements
      // explicitly specified by the configuration." (Required/Current version follow on their own lines.)
      String.raw`currently\s+running\s+version\s+of\s+(?<tool>Terraform)\s+doesn.t\s+meet\s+the\b|\bversion\s+requirements\s+explicitly\s+specified\s+by\s+the\s+configuration`,
    ],
    versions: ["terraform", "terragrunt"],
    roles: {
      terraform: "Terraform / OpenTofu binary that ran",
      terragrunt: "Terragrunt binary that ran",
      constraint: "version constraint it does not satisfy",
      tool: "tool whose version is constrained",
    },
    versionKinds: {
      terraform: { kind: "component", component: "Terraform" },
      terragrunt: { kind: "component", component: "Terragrunt" },
    },
    priority: 50,
    meaning:
      "The Terraform (or OpenTofu) binary the job ran is outside the required_version constraint of the root configuration or of a module it downloaded, and Terraform refuses to start. Either the binary is older than a module now needs (a module release raised its floor: optional attributes need 1.3, templatestring 1.9/1.10), or newer than a constraint pinned to one minor (\"~> 1.3.0\", \"= 0.13.3\") allows. OpenTofu reads the same required_version: a module written for Terraform 1.11+ refuses OpenTofu 1.10, whose releases are numbered separately. Terragrunt makes the same check with terraform_version_constraint.",
    causes: [
      "The CI image, setup-terraform / setup-opentofu step, tfenv/.terraform-version or the Crossplane provider image pins an older binary than a module (often an unpinned registry module that just released) requires.",
      "A root configuration or tutorial pinned to one minor (\"~> 1.2.0\") run with a newer Terraform.",
      "OpenTofu running modules whose required_version names a Terraform release OpenTofu has no equal of yet.",
    ],
    fixes: [
      "Install a Terraform/OpenTofu release inside the constraint (hashicorp/setup-terraform terraform_version, tfenv, the provider image's tag), or pin the module to the last release that allowed the binary you run.",
      "When the constraint is your own, widen it to a floor (required_version = \">= 1.3\") rather than pinning one minor.",
    ],
    references: [
      "https://developer.hashicorp.com/terraform/language/terraform#terraform-required_version",
      "https://terragrunt.gruntwork.io/docs/reference/config-blocks-and-attributes/#terraform_version_constraint",
      "https://github.com/upbound/provider-terraform/issues/41",
    ],
    examples: [
      {
        // aws-samples/aws2tf#44 (Terraform 1.4.0 released under "~> 1.3.0")
        line: "│ This configuration does not support Terraform version 1.4.0. To proceed, either choose another supported Terraform version or update this version",
        captures: { tool: "Terraform", terraform: "1.4.0" },
      },
      {
        // braintrustdata/terraform-aws-braintrust-data-plane#151 (a module needing ">= 1.12.0" under OpenTofu 1.10.6)
        line: "│ Module module.braintrust-data-plane.module.quarantine_vpc (from ./modules/vpc) does not support OpenTofu version 1.10.6. To proceed, either choose another supported",
        captures: { tool: "OpenTofu", terraform: "1.10.6" },
      },
      {
        // gruntwork-io/terragrunt#1455
        line: "The currently installed version of Terraform (0.14.0) is not compatible with the version Terragrunt requires (~> 0.13.0).",
        captures: { tool: "Terraform", terraform: "0.14.0", constraint: "~> 0.13.0" },
      },
      { line: "│ Error: Unsupported Terraform Core version", captures: { tool: "Terraform" } },
    ],
    nearMisses: [
      // hashicorp/terraform#23534: the update notice of terraform version, not a refusal
      "is 0.12.16. You can update by downloading from www.terraform.io/downloads.html",
      // trussworks/terraform-aws-mfa#53: a malformed constraint ("=> 0.13.0"), a typo
      "This string does not use correct version constraint syntax.",
      // contabo/terraform-provider-contabo#8: a provider constraint written with a v prefix
      String.raw`│ Incorrect version constraint syntax: a "v" prefix should not be used.`,
    ],
  },
  {
    id: "helm-oci-support-experimental-before-3-8",
    title: "Helm older than 3.8, where OCI registries (oci:// charts, helm push/registry) still needed HELM_EXPERIMENTAL_OCI",
    family: "helm",
    severity: "error",
    flake: true,
    anchors: ["feature has been marked as experimental", "Please set HELM_EXPERIMENTAL_OCI"],
    patterns: [
      // Helm 3.0-3.7 (internal/experimental gates, pkg/gates): "this feature has been marked as experimental and is not
      // enabled by default. Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use this feature", alone (helm push,
      // helm chart save, helm registry login) or after "repository oci://… is an OCI registry: " (dependencies, installs).
      String.raw`(?:repository\s+(?<repository>oci://[^\s:]{1,200})\s+is\s+an\s+OCI\s+registry:\s+)?this\s+feature\s+has\s+been\s+marked\s+as\s+experimental\s+and\s+is\s+not\s+enabled\s+by\s+default\.\s+Please\s+set\s+(?<gate>HELM_EXPERIMENTAL_OCI)=1`,
      // The same message wrapped: "…and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1" on the second line,
      // or the first line ending at "marked as experimental" (then only with Helm's "Error: this feature" opening).
      String.raw`\bnot\s+enabled\s+by\s+default\.\s+Please\s+set\s+(?<gate>HELM_EXPERIMENTAL_OCI)=1`,
      String.raw`(?:repository\s+(?<repository>oci://[^\s:]{1,200})\s+is\s+an\s+OCI\s+registry:\s+|Error:\s+)this\s+feature\s+has\s+been\s+marked\s+as\s+experimental(?:\s+and\s+is\s+not\s+enabled\s+by(?:\s+default\.?)?)?\s*$`,
    ],
    versions: [],
    roles: { repository: "OCI chart repository asked for", gate: "Helm's experiment switch" },
    priority: 50,
    meaning:
      "Helm 3.0 to 3.7 kept its OCI registry support behind the HELM_EXPERIMENTAL_OCI=1 switch: helm registry login, helm chart save/push (3.0-3.6), helm push and helm pull/install of oci:// charts (3.7) and oci:// chart dependencies refused to run without it. Helm 3.8.0 made OCI support generally available, so a job that meets the gate runs a Helm older than 3.8 under a script, chart dependency or tool written for 3.8+.",
    causes: [
      "A CI image, runner tool cache or setup-helm step with Helm 3.7 or older, while the chart or script uses oci:// repositories (often written against a newer Helm on a developer machine).",
      "An unpinned Helm that moved to 3.7.0 under a pipeline using the helm-push plugin: 3.7's built-in experimental helm push shadows the plugin's command (vmware/versatile-data-kit#269).",
    ],
    fixes: [
      "Upgrade Helm to 3.8.0 or later (azure/setup-helm version, the CI image's helm), where OCI needs no switch.",
      "On a Helm that must stay older, export HELM_EXPERIMENTAL_OCI=1 before the helm commands (3.7 changed the experimental commands: helm chart save/push became helm package/push).",
    ],
    references: ["https://helm.sh/docs/topics/registries/", "https://github.com/helm/helm/releases/tag/v3.8.0"],
    examples: [
      {
        // hashicorp/terraform-provider-helm#1752 (an acceptance test pushing a chart with an older helm binary)
        line: "    resource_helm_release_test.go:2291: Error: this feature has been marked as experimental and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use this feature",
        captures: { gate: "HELM_EXPERIMENTAL_OCI" },
      },
      {
        // vmware-archive/versatile-data-kit#269 (wrapped; Helm auto-updated to 3.7.0)
        line: "and is not enabled by default. Please set HELM_EXPERIMENTAL_OCI=1",
        captures: { gate: "HELM_EXPERIMENTAL_OCI" },
      },
    ],
    nearMisses: [
      // helm/helm#10172: a maintainer's advice, not a refusal
      "Please set HELM_EXPERIMENTAL_OCI=1 in your environment to use them.",
      "export HELM_EXPERIMENTAL_OCI=1",
    ],
  },
  {
    id: "actions-node-runtime-glibc-too-old",
    title: "GitHub Actions runner's bundled Node.js (node20, node24) newer than the glibc of the job container or runner host",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["/__e/node", "externals/node"],
    gate: String.raw`not\s+found`,
    patterns: [
      // The dynamic loader, for the node binary the runner uses for JavaScript actions: in a container job the runner
      // mounts its externals at /__e (/__e/node20/bin/node), on a self-hosted host it runs <runner>/externals/node20/bin/node.
      String.raw`(?<lib>lib(?:c|m|stdc\+\+|pthread|dl)\.so\.6):\s+version\s+\**[\x60'"‘]?(?<symbol>GLIBC_(?<needed>\d+\.\d+(?:\.\d+)?)|(?:GLIBCXX|CXXABI)_\d+(?:\.\d+)+)[\x60'"’]?\s*(?:not\s+found)?\**\s*(?:not\s+found\s*)?\(required\s+by\s+[^\s()]*?(?<where>/__e|/externals)/(?<runtime>node\d+)/bin/node\)`,
    ],
    versions: ["needed"],
    roles: {
      lib: "system library lacking the symbol",
      symbol: "symbol version the runner's Node.js needs",
      needed: "glibc release the runner's Node.js needs",
      runtime: "runner's Node.js runtime",
      where: "where the runner's Node.js ran",
    },
    versionKinds: { needed: { kind: "component", component: "glibc" } },
    priority: 50,
    meaning:
      "JavaScript actions run on the Node.js that the Actions runner bundles (externals/node20, node24), not on the job's own Node. Node.js 18 and later are built against glibc 2.28 and libstdc++ from GCC 8: since actions moved from node16 to node20 (actions/checkout@v4, setup-*, upload-artifact@v4 and most others, and the runner forcing node20 since 2024), a container job on an image older than that (CentOS 7, Amazon Linux 2, Ubuntu 16.04/18.04, Debian 9) or a self-hosted runner on such a host cannot start the action at all.",
    causes: [
      "A container: job (its image mounted with the runner's externals at /__e) on CentOS 7, Amazon Linux 2, Ubuntu 16.04/18.04 or Debian 9, after the workflow moved to node20 actions (@v4) or the runner stopped allowing node16.",
      "A self-hosted runner installed on a host with glibc older than 2.28 (CentOS/RHEL 7, Ubuntu 18.04).",
    ],
    fixes: [
      "Run the job in a container image with glibc 2.28 or later (Ubuntu 20.04+, Debian 10+, RHEL/Alma/Rocky 8+, Amazon Linux 2023), or move the self-hosted runner to such a host.",
      "Where the old image is the point of the test, run it with docker run from a step on the host instead of as the job's container:, so the actions run on the runner's host.",
      "As a stopgap only: keep the node16 releases of the actions (actions/checkout@v3) with ACTIONS_ALLOW_USE_UNSECURE_NODE_VERSION=true, which runners have been dropping since 2024.",
    ],
    references: ["https://github.com/actions/runner/issues/2906", "https://github.blog/changelog/2024-03-07-github-actions-all-actions-will-run-on-node20-instead-of-node16-by-default/"],
    examples: [
      {
        // boostorg/nowide#184 (Ubuntu 16/18 containers with the @v4 actions)
        line: "/__e/node20/bin/node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /__e/node20/bin/node)",
        captures: { lib: "libc.so.6", symbol: "GLIBC_2.28", needed: "2.28", runtime: "node20", where: "/__e" },
      },
      {
        // dawidd6/action-download-artifact#261 (a self-hosted runner with an older glibc)
        line: "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /home/vsts-agent/actions-runner/externals/node20/bin/node)",
        captures: { symbol: "GLIBC_2.28", runtime: "node20", where: "/externals" },
      },
    ],
    nearMisses: [
      // Uberspace/manual#598: a native module of the application, not the runner's Node
      "Error: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /home/pboeck/foundryvtt/resources/app/node_modules/classic-level/prebuilds/linux-x64/classic-level.node)",
      // nodejs/node#52241: a Node.js installed by hand on an old host
      "node: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by node)",
    ],
  },
  {
    id: "actions-runner-node-runtime-unsupported",
    title: "GitHub Actions runner (GHES, self-hosted) older than the Node.js runtime an action's runs.using names (node16, node20, node24)",
    family: "managed",
    severity: "error",
    flake: true,
    anchors: ["is not supported, use", "using: node"],
    patterns: [
      // The runner (ActionManifestManager.ConvertRuns): "(Parameter ''using: node20' is not supported, use 'docker', 'node12'
      // or 'node16' instead.')", the list being the runtimes this runner release has.
      String.raw`'?using:\s*(?<runtime>node\d+)'\s+is\s+not\s+supported,\s+use\s+(?<supported>'[\w]+'(?:,?\s+(?:or\s+)?'[\w]+')*)\s+instead`,
    ],
    versions: [],
    roles: { runtime: "Node.js runtime the action's action.yml asks for", supported: "runtimes this runner release has" },
    priority: 50,
    meaning:
      "An action's action.yml says runs.using: nodeNN and the runner that loaded it does not have that Node.js: the runner release names the runtimes it has. node16 came with runner 2.285 (late 2021), node20 with 2.308 (2023), node24 in 2025; GitHub.com's hosted runners always have the current ones, so this is a self-hosted runner kept on an old release or a GitHub Enterprise Server whose bundled runner predates the runtime, loading an action (often a floating tag such as @v4 or @master) that moved to the newer Node.js. A runtime no runner ever shipped (node18, node19, node22) is the action's own mistake instead.",
    causes: [
      "A GitHub Enterprise Server release, or a self-hosted runner with automatic updates off, older than the runner that added the runtime.",
      "An action referenced by a floating tag or branch (@v2, @master) whose new release moved runs.using to a newer Node.js.",
    ],
    fixes: [
      "Upgrade the runner (or GHES) to a release that has the runtime, or let self-hosted runners update themselves.",
      "Pin the action to its last release on the runtime the runner has (the release before its move to node20, e.g. aws-actions/aws-secretsmanager-get-secrets@v1).",
    ],
    references: ["https://github.com/actions/runner/releases", "https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions#runs-for-javascript-actions"],
    examples: [
      {
        // rust-build/rust-build.action#75 (GitHub Enterprise Server with self-hosted runners)
        line: "Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node20' is not supported, use 'docker', 'node12' or 'node16' instead.')",
        captures: { runtime: "node20", supported: "'docker', 'node12' or 'node16'" },
      },
      {
        // haya14busa/action-cond#15 (a runner older than node16)
        line: "`Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node16' is not supported, use 'docker' or 'node12' instead.')`",
        captures: { runtime: "node16", supported: "'docker' or 'node12'" },
      },
    ],
    nearMisses: [
      // haya14busa/action-cond#15: act (a local runner) with its own, other wording
      "Error: The runs.using key in action.yml must be one of: [composite docker node12], got node16",
    ],
  },
  {
    id: "kube-bench-benchmark-unknown-to-release",
    title: "kube-bench release without the CIS benchmark the job asks for, or without a benchmark for the cluster's Kubernetes minor",
    family: "addons",
    severity: "error",
    flake: true,
    anchors: ["No targets configured for", "matching Benchmark Version match for kubernetes version"],
    patterns: [
      // kube-bench (cmd/common.go validateTargets): --benchmark (or the job manifest) names a benchmark whose cfg/<name>
      // this release does not ship: "error validating targets: No targets configured for eks-1.5.0".
      String.raw`No\s+targets\s+configured\s+for\s+\\?["']?(?<benchmark>[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d+(?:\.\d+){0,2})\b`,
      // kube-bench (cmd/common.go mapToBenchmarkVersion): the detected (or --version) Kubernetes minor is missing from
      // the release's version_mapping.
      String.raw`unable\s+to\s+find\s+a\s+matching\s+Benchmark\s+Version\s+match\s+for\s+kubernetes\s+version:\s*(?<kubernetes>{V})`,
    ],
    versions: ["kubernetes"],
    roles: { benchmark: "CIS benchmark asked for", kubernetes: "Kubernetes version kube-bench detected" },
    priority: 50,
    meaning:
      "kube-bench ships one directory of checks per CIS benchmark (cfg/cis-1.9, eks-1.5.0, gke-1.6.0, rke2-cis-1.7 …) and a version_mapping from Kubernetes minors to them; both are fixed at release. A benchmark published after the image was built, a benchmark renamed by a later release (eks-1.0 became eks-1.0.1, gke-1.2.0 gke-1.2) or a Kubernetes minor newer than the mapping makes kube-bench stop before any check runs. The job manifests (job-eks.yaml, Helm charts) on kube-bench's main branch often name benchmarks that the pinned image does not have yet.",
    causes: [
      "A kube-bench image (aquasec/kube-bench:vX, a chart's default, sonobuoy's kube-bench plugin) older than the benchmark its command line or job manifest names.",
      "A job manifest or workshop written for another kube-bench release, after a benchmark was renamed.",
      "A cluster newer than the newest minor in the release's version_mapping (kube-bench detects the version from kubectl/kubelet).",
    ],
    fixes: [
      "Run a kube-bench release that ships the benchmark (check cfg/ in the release, or its config.yaml's version_mapping), or name a benchmark the image has (--benchmark cis-1.9, eks-1.2.0).",
      "For a cluster newer than the mapping, upgrade kube-bench, or pass --benchmark with the newest benchmark the release has (results are then approximate).",
    ],
    references: ["https://github.com/aquasecurity/kube-bench/blob/main/docs/platforms.md", "https://github.com/aquasecurity/kube-bench/issues/1775"],
    examples: [
      {
        // aquasecurity/kube-bench#1775 (kube-bench v0.9.4; eks-1.5.0 arrived in v0.10.0)
        line: "error validating targets: No targets configured for eks-1.5.0",
        captures: { benchmark: "eks-1.5.0" },
      },
      {
        // aquasecurity/kube-bench#1877 (aquasec/kube-bench:v0.10.6)
        line: "error validating targets: No targets configured for rke2-cis-1.10",
        captures: { benchmark: "rke2-cis-1.10" },
      },
      { line: "unable to find a matching Benchmark Version match for kubernetes version: 1.31", captures: { kubernetes: "1.31" } },
    ],
    nearMisses: [
      // aquasecurity/kube-bench#613: the binary run without its cfg directory
      "unable to get benchmark version. error: config file is missing 'version_mapping' section",
    ],
  },
];
