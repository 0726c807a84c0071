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
];
