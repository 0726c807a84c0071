import type { Signature } from "../model.js";

// Versions of a tool's own schema that the reader does not know, and API groups a project renamed: Skaffold's config
// apiVersion read by an older skaffold binary, KEDA 1.x's retired CRD group applied to a KEDA 2 cluster. (Lines in test/fixtures/real-world/lines-12f9.jsonl.)

const Q = String.raw`\\?["'“”]?`;

export const toolSchemaSignatures: Signature[] = [
  {
    id: "skaffold-config-version-unknown",
    title: "skaffold.yaml apiVersion unknown to the skaffold binary (skaffold older than the config)",
    family: "addons",
    // A warning: skaffold's own bugs have printed the same refusal of a schema the binary should know
    // (GoogleContainerTools/skaffold#2331), so the line alone does not prove the binary is older.
    severity: "warning",
    flake: false,
    anchors: ["skaffold/v", "Skaffold version might be too old"],
    patterns: [
      // pkg/skaffold/schema: "unknown api version: 'skaffold/v2beta11'" (older releases), and the later wording
      // 'unknown skaffold config API version "skaffold/v3". Set the config 'apiVersion' to a known value.'
      String.raw`(?<relation>unknown\s+(?:skaffold\s+config\s+)?(?:api|API)\s+version)\s*:?\s*${Q}(?<apiVersion>skaffold/v\d+(?:(?:alpha|beta)\d+)?)`,
      // Printed by skaffold 0.3x when its config fails to parse: "Your Skaffold version might be too old. Download
      // the latest version (0.34.0) at …".
      String.raw`(?<relation>Your\s+Skaffold\s+version\s+might\s+be\s+too\s+old)\.\s+Download\s+the\s+latest\s+version\s+\((?<latest>v?\d+\.\d+\.\d+)\)`,
    ],
    versions: ["apiVersion", "latest"],
    roles: { apiVersion: "skaffold config apiVersion asked for", latest: "latest skaffold release" },
    versionKinds: { apiVersion: "api-version", latest: { kind: "component", component: "skaffold" } },
    priority: 50,
    meaning:
      "skaffold reads skaffold.yaml only up to the newest config schema its release knows: a config written for a newer skaffold (a newer apiVersion such as skaffold/v2beta11 or skaffold/v3) is refused by an older binary, often one bundled by an IDE plugin or a CI image.",
    causes: [
      "The skaffold binary (from a CI image, Cloud Code's bundled copy, a package manager) is older than the release that introduced the config's apiVersion.",
    ],
    fixes: [
      "Upgrade skaffold (or point the IDE plugin at a newer binary): `skaffold version` must be at least the release that introduced the config's apiVersion.",
      "Or write the config at an apiVersion the installed skaffold knows (`skaffold fix` upgrades configs, not downgrades them).",
    ],
    references: ["https://skaffold.dev/docs/references/yaml/"],
    examples: [
      {
        // GoogleCloudPlatform/cloud-code-vscode#376
        line: 'parsing skaffold config: unknown api version: "skaffold/v2beta11"',
        captures: { apiVersion: "skaffold/v2beta11" },
      },
      {
        // GoogleCloudPlatform/cloud-code-intellij#3112
        line: `parsing skaffold config: error parsing skaffold configuration file: unknown skaffold config API version "skaffold/v3". Set the config 'apiVersion' to a known value. Check https://skaffold.dev/docs/references/yaml/ for the list of valid API versions. Otherwise, check that your skaffold version is up-to-date.`,
        captures: { apiVersion: "skaffold/v3" },
      },
      {
        // GoogleContainerTools/skaffold#2507
        line: "WARN[0005] Your Skaffold version might be too old. Download the latest version (0.34.0) at https://storage.googleapis.com/skaffold/releases/latest/skaffold-darwin-amd64",
        captures: { latest: "0.34.0" },
      },
    ],
    nearMisses: [
      // A config field skaffold does not know is a typo or a field of another schema, not the apiVersion.
      'parsing skaffold config: error parsing skaffold configuration file: unable to parse config: yaml: unmarshal errors: line 12: field portForwad not found in type v2beta11.SkaffoldConfig',
      "Generating tags... skaffold/v2beta11 config upgraded to skaffold/v2beta12",
    ],
  },
  {
    id: "crd-api-group-renamed",
    title: "Custom resource at its project's retired API group (KEDA 1.x keda.k8s.io)",
    family: "addons",
    // A warning: the same line is printed where the project is not installed at all.
    severity: "warning",
    flake: false,
    anchors: ["keda.k8s.io/v"],
    patterns: [
      String.raw`no\s+matches\s+for\s+kind\s+${Q}(?<kind>\w+)${Q}\s+in\s+version\s+${Q}(?<apiVersion>(?<group>keda\.k8s\.io)/v\d+(?:(?:alpha|beta)\d+)?)`,
      String.raw`no\s+kind\s+${Q}(?<kind>\w+)${Q}\s+is\s+registered\s+for\s+version\s+${Q}(?<apiVersion>(?<group>keda\.k8s\.io)/v\d+(?:(?:alpha|beta)\d+)?)${Q}\s+in\s+scheme\s+${Q}(?!k8s\.io/client-go/kubernetes/scheme)`,
    ],
    versions: ["apiVersion"],
    roles: { apiVersion: "retired API version asked for", kind: "custom resource kind", group: "retired API group" },
    versionKinds: { apiVersion: "api-version" },
    // Above api-no-kind-match, which reads any CRD group as "CRD not installed".
    priority: 55,
    meaning:
      "The manifest uses an API group its project has renamed: KEDA 2.0 (2020) moved its CRDs from keda.k8s.io to keda.sh, so a cluster running KEDA 2.x has no CRD for keda.k8s.io. (Traefik's traefik.containo.us → traefik.io in v3 is the same shape, left out until real lines show it.)",
    causes: [
      "Manifests, samples or a chart written for KEDA 1.x applied to a cluster running KEDA 2.x (keda.k8s.io → keda.sh/v1alpha1).",
      "Or the project is not installed at all (then install it; the group is still the retired one).",
    ],
    fixes: [
      "Rewrite the apiVersion to the new group (keda.sh/v1alpha1) and check the spec changes of that release.",
      "Or pin the older release whose CRDs serve the old group until the manifests are migrated.",
    ],
    references: ["https://keda.sh/docs/2.0/migration/"],
    examples: [
      {
        // kedacore/keda#1279
        line: 'unable to recognize "deploy/deploy-consumer.yaml": no matches for kind "ScaledObject" in version "keda.k8s.io/v1alpha1"',
        captures: { kind: "ScaledObject", apiVersion: "keda.k8s.io/v1alpha1", group: "keda.k8s.io" },
      },
      {
        // kedacore/keda#1466
        line: 'Error: unable to build kubernetes objects from release manifest: unable to recognize "": no matches for kind "ScaledObject" in version "keda.k8s.io/v1alpha1"',
        captures: { kind: "ScaledObject", apiVersion: "keda.k8s.io/v1alpha1" },
      },
      {
        // kedacore/keda#5791
        line: '"resource mapping not found for name: "azure-managed-prometheus-trigger-auth" namespace: "60486a51-7039-4f45-b1be-a0069c86f864" from "test-sample-keda-hpa-azm-prom.yaml": no matches for kind "TriggerAuthentication" in version "keda.k8s.io/v1alpha1"',
        captures: { kind: "TriggerAuthentication", apiVersion: "keda.k8s.io/v1alpha1" },
      },
    ],
    nearMisses: [
      // The new groups missing: the CRDs are not installed (api-no-kind-match's dismissal).
      'error: unable to recognize "scaledobject.yaml": no matches for kind "ScaledObject" in version "keda.sh/v1alpha1"',
      // Traefik's renamed group is not read (yet): on its own line it is the CRDs not installed.
      'no matches for kind "IngressRoute" in version "traefik.containo.us/v1alpha1"',
      // client-go's built-in scheme never holds a CRD kind: the tool decoded with the wrong scheme.
      String.raw`Error: unable to decode "": no kind "ScaledObject" is registered for version "keda.k8s.io/v1alpha1" in scheme "k8s.io/client-go/kubernetes/scheme/register.go:65"`,
    ],
  },
];
