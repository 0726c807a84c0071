import type { Diagnoser } from "./context.js";
import { captureRoles } from "./context.js";

// Diagnosers for src/signatures/f13.ts.

/** Where each flag of operator-flag-chart-newer-than-image comes from, and which side of the pair is behind. */
const OPERATOR_FLAG_RELEASES: Record<string, { project: string; story: string; scaffold?: boolean }> = {
  // kubeflow/spark-operator#600, #604: the incubator chart passes it to an operator image from before batch scheduling
  "enable-batch-scheduler": { project: "the Spark operator", story: "the chart passes it to an operator image from before batch-scheduler support" },
  // kubeflow/spark-operator#1157: chart 1.0.7 with the default tag; v1beta2-1.2.1-3.0.0 has it
  "label-selector-filter": { project: "the Spark operator", story: "chart 1.0.7 passes it; operator images before v1beta2-1.2.1-3.0.0 lack it" },
  // kubeflow/spark-operator#1392, #1412, #1424: chart 1.1.12 with the 'latest' tag; v1beta2-1.3.0-3.1.1 has it
  "webhook-timeout": { project: "the Spark operator", story: "chart 1.1.12 passes it; the 'latest' image tag lagged, v1beta2-1.3.0-3.1.1 has it" },
  // kubeflow/spark-operator#1274, #1318: newer charts pass it to v1beta2-1.2.0 and Spark 2.4 images
  "enable-ui-service": { project: "the Spark operator", story: "charts from 1.1 on pass it; older operator images (v1beta2-1.2.0, the Spark 2.4 tags) lack it" },
  // actions/actions-runner-controller#789: chart 0.12.8 with controller v0.19.0 (canary had it)
  "docker-registry-mirror": { project: "actions-runner-controller", story: "chart 0.12.8 passes it; controller v0.19.0 lacks it (the next release has it)" },
  // grafana/helm-charts#3636: alloy chart 0.12.6 passes it to the older config-reloader image a parent k8s-monitoring chart pins
  "watched-dir": { project: "the Alloy chart's config-reloader", story: "alloy chart 0.12.6 passes --watched-dir (formerly --volume-dir) to an older config-reloader image pinned by a parent chart" },
  // DataDog/watermarkpodautoscaler#97: chart args from operator-sdk's zap flags, image without them
  "zap-level": { project: "an operator-sdk based operator", story: "the chart passes operator-sdk's zap logging flag to an image built without it", scaffold: true },
  // prometheus-community/helm-charts#308: kube-prometheus-stack 11 passes it to prometheus-operator v0.38.1
  "web.enable-tls": { project: "prometheus-operator", story: "kube-prometheus-stack 11 passes it; prometheus-operator images before 0.39 lack it" },
  // kubernetes-sigs/headlamp#4953: chart 0.40.1 ahead of the v0.40.1 binary
  "session-ttl": { project: "Headlamp", story: "the published chart 0.40.1 passes it; the v0.40.1 binary lacks it" },
  // projectcapsule/capsule#232: charts 0.0.16/0.0.17 with the default capsule:v0.0.4 image
  "allow-ingress-hostname-collision": { project: "Capsule", story: "charts 0.0.16 and 0.0.17 pass it; the default image v0.0.4 lacks it" },
  // operator-framework/operator-lifecycle-manager#2872: the chart's default olm:master image tag was months old
  "set-workload-user-id": { project: "OLM's catalog-operator", story: "the chart passes it; the olm:master image tag it defaults to predates the flag (v0.22 has it)" },
  // cloudnative-pg/charts#28: chart 0.14.1 with operator 1.16.1, which renamed it (kubebuilder's --leader-elect)
  "enable-leader-election": { project: "a kubebuilder operator", story: "newer kubebuilder scaffolds renamed it --leader-elect (cloudnative-pg 1.16 did); a chart passing the old name runs against the renamed image", scaffold: true },
};

export const f13Diagnosers: Record<string, Diagnoser> = {
  "postgres-operator-pdb-api-removed": () => ({
    headline: "postgres-operator asked for policy/v1beta1 PodDisruptionBudgets, which Kubernetes 1.25 removed: the operator (before v1.9.0) is older than the cluster.",
    versions: [
      { name: "removedIn", version: "1.25", role: "Kubernetes release that removed policy/v1beta1 PodDisruptionBudget", source: "removed API table (built in)" },
      { name: "fixedIn", version: "v1.9.0", role: "first postgres-operator release on policy/v1", source: "zalando/postgres-operator#2008" },
    ],
  }),
  "kubekey-version-checksum-missing": (input) => ({
    headline: `This kk build has no checksum for ${input.capture("binary") ?? "the binary"} ${input.capture("version") ?? ""}: kk is older than the release it was asked to install.`,
    versions: captureRoles(input),
  }),
  "helm3-crd-install-hook-skipped": () => ({
    headline: "Helm 3 dropped templates annotated with Helm 2's crd-install hook: the chart was written for Helm 2, and its CRDs are missing unless the chart also ships them in crds/.",
  }),
  "operator-flag-chart-newer-than-image": (input) => {
    const flag = input.capture("flag") ?? "";
    const row = OPERATOR_FLAG_RELEASES[flag];
    const dashes = /unknown\s+flag/.test(input.finding.text) ? "--" : "-";
    if (!row) return { headline: `The operator's image does not define ${dashes}${flag}, which its chart passes: the chart and the image are of different releases.` };
    return {
      // A scaffold-wide flag names no project: the program may never have taken it, so only likely skew.
      ...(row.scaffold ? { verdict: "warning" as const } : {}),
      headline: `${row.project} refused ${dashes}${flag}: ${row.story}, so the chart and the image tag are of different releases.`,
    };
  },
  "ansible-kube-version-assert-failed": (input) => {
    const variable = input.capture("variable") ?? "the Kubernetes version";
    const bound = input.capture("bound") ?? input.capture("boundVar");
    const op = input.capture("op") ?? "";
    // The assertion states what must hold; it failed, so the version lies on the other side of the bound.
    const below = op.startsWith(">");
    const above = op.startsWith("<");
    return {
      headline: below
        ? `The installer's playbook refused ${variable}: it must be ${op} ${bound}, so the Kubernetes version is below the minimum this installer release supports.`
        : above
          ? `The installer's playbook refused ${variable}: it must be ${op} ${bound}, so the cluster is newer than this installer release supports (the installer is too old for it).`
          : `The installer's playbook refused ${variable} against ${bound}: the Kubernetes version lies outside the range this installer release supports.`,
      versions: captureRoles(input),
    };
  },
  "fabric8-versioninfo-unknown-field": (input) => {
    const field = input.capture("field");
    if (!field) {
      // Strimzi's own line names no cause: an unreachable or forbidden API server reads the same.
      return {
        verdict: "warning",
        headline: "Strimzi could not read the cluster's Kubernetes version: most often its fabric8 client is older than the API server (Kubernetes 1.33's new /version fields), but an unreachable or forbidden /version reads the same.",
      };
    }
    return {
      headline: /^(?:emulation|minCompatibility)(?:Major|Minor)$/.test(field)
        ? `The fabric8 client cannot deserialise the API server's /version: "${field}" was added in Kubernetes 1.33, so the client library is older than the cluster.`
        : `The fabric8 client cannot deserialise the API server's /version (unknown field "${field}"): the client library is older than the cluster.`,
      versions: captureRoles(input),
    };
  },
  "jupyterhub-singleuser-version-mismatch": (input) => {
    const singleuser = input.capture("singleuser");
    const hub = input.capture("hub");
    if (singleuser && hub && singleuser === hub) {
      return { verdict: "not-skew", headline: "The Hub and the single-user server report the same jupyterhub version: the redirect loop has another cause." };
    }
    return {
      headline: `The single-user image has jupyterhub ${singleuser ?? "of another release"} while the Hub runs ${hub ?? "another"}: the notebook image and the deployed Hub (chart) are out of step.`,
      versions: captureRoles(input),
    };
  },
};
