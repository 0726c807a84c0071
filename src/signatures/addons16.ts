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
];
