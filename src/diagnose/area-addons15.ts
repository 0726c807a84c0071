import { captureRoles, hintRole, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons15.ts (the tenth tuning session, area: addons).

/**
 * pilot-agent flags whose threads say on which side of the pair they were added or removed. A flag added in a release
 * refused means the proxy image is older than the template; a flag removed means the template is older than the image.
 */
const PILOT_AGENT_FLAG_HISTORY: Record<string, { change: "added" | "removed"; release: string; thread: string }> = {
  statusPort: { change: "added", release: "1.1", thread: "istio/istio#11295" },
  applicationPorts: { change: "added", release: "1.1", thread: "istio/istio#11295" },
  controlPlaneBootstrap: { change: "added", release: "1.1", thread: "istio/istio#11212" },
  proxyComponentLogLevel: { change: "added", release: "1.2", thread: "istio/istio#14389" },
  dnsRefreshRate: { change: "added", release: "1.2", thread: "istio/istio#14208" },
  discoveryRefreshDelay: { change: "removed", release: "1.1", thread: "istio/istio#9219" },
};

export const addons15Diagnosers: Record<string, Diagnoser> = {
  /** cert-manager-conversion-webhook-rejected: the threads show release mismatches, but the line itself names none, so a warning. */
  "cert-manager-conversion-webhook-rejected": (input) => ({
    verdict: "warning",
    headline: `cert-manager's webhook rejected the conversion of ${input.capture("kind") ?? "a resource"} ${input.capture("group") ?? "cert-manager.io"}/${input.capture("from") ?? ""} with an unreadable error: most often the CRDs and the running webhook come from different cert-manager releases (or an upgrade left old-version resources behind).`,
    versions: captureRoles(input),
  }),
  /**
   * operator-crd-registration-api-not-served. The cluster's version, when the job shows it, says which side: 1.22+ no
   * longer serves apiextensions.k8s.io/v1beta1, before 1.16 v1 is not served yet.
   */
  "operator-crd-registration-api-not-served": (input) => {
    const crd = input.capture("crd");
    const what = crd ? `its CRD ${crd}` : "its CRDs";
    const cluster = input.hint("server", "cluster", "kubernetes");
    const versions = [...captureRoles(input), ...(cluster ? [hintRole("cluster", cluster.hint.version, "cluster (API server) version", cluster.hint)] : [])];
    if (cluster && cluster.version.major === 1 && cluster.version.minor >= 22) {
      return {
        headline: `The operator registers ${what} through apiextensions.k8s.io/v1beta1, which Kubernetes 1.22 removed, and the cluster runs ${cluster.hint.version}: the operator is older than the cluster.`,
        versions: [...versions, { name: "removedIn", version: "1.22", role: "Kubernetes release that removed apiextensions.k8s.io/v1beta1", source: "removed API table (built in)", typed: { raw: "1.22", kind: "minor", major: 1, minor: 22 } }],
      };
    }
    if (cluster && cluster.version.major === 1 && cluster.version.minor < 16) {
      return {
        headline: `The operator registers ${what} through apiextensions.k8s.io/v1, which Kubernetes 1.16 added, and the cluster runs ${cluster.hint.version}: the operator is newer than the cluster.`,
        versions,
      };
    }
    return {
      headline: `The API server does not serve the apiextensions.k8s.io version the operator registers ${what} with: most often v1beta1 on Kubernetes 1.22+ (an operator older than the cluster), or v1 on a cluster older than 1.16.`,
      versions,
    };
  },
  /**
   * client-go-managed-fields-undecodable. The managedFields key shape (k:{...} or f: entries) in the quoted context
   * shows the decoder met managed fields; without it, a malformed body from elsewhere reads the same, so a warning.
   */
  "client-go-managed-fields-undecodable": (input) => {
    const managed = /k:\{|\bf:(?:metadata|ownerReferences|spec|status)\b|managedFields/.test(input.finding.text);
    if (!managed) {
      return {
        verdict: "warning",
        headline: "An old client-go (json-iterator) decoder stopped inside an object: most often an add-on built on an old client-go reading the managedFields of a 1.18+ cluster, but the line does not show the managed fields it failed on.",
      };
    }
    return {
      headline: "The program's client-go is older than the cluster: its json-iterator cannot read the managedFields keys (k:{\"uid\":...}) that Kubernetes 1.18+ API servers put on nearly every object, so it cannot list or get them.",
    };
  },
  /**
   * ovn-controller-logical-flow-unparsable. An unknown field or action is a newer northd's vocabulary; a jump past the
   * controller's last table is also what a northd bug writes, so that form is a warning.
   */
  "ovn-controller-logical-flow-unparsable": (input) => {
    const symbol = input.capture("symbol") ?? "a symbol";
    const table = input.capture("table");
    if (table) {
      return {
        verdict: "warning",
        headline: `ovn-controller skipped a logical flow that jumps past its last table (${table}): the flows were most likely compiled by a newer ovn-northd for a longer pipeline than this controller's OVN release has.`,
      };
    }
    return {
      headline: `ovn-controller does not know ${input.capture("expected") === "action" ? "the action" : "the field"} ${symbol} in a logical flow: ovn-northd is of a newer OVN release than this ovn-controller, which skips the flow.`,
    };
  },
  /**
   * spinnaker-clouddriver-api-version-unsupported. A GA version refused means clouddriver is older than the API; a
   * beta version refused means clouddriver dropped it while the cluster (or the manifest) still uses it.
   */
  "spinnaker-clouddriver-api-version-unsupported": (input) => {
    const apiVersion = input.capture("apiVersion") ?? "this API version";
    const kind = input.capture("kind") ?? "resource";
    const beta = /\/v\d+(?:alpha|beta)\d+$/.test(apiVersion) || /^v\d+(?:alpha|beta)\d+$/.test(apiVersion);
    return {
      headline: beta
        ? `clouddriver no longer handles ${kind} at ${apiVersion}, which the cluster (or the manifest) still uses: this Spinnaker release is newer than the cluster's API versions (it dropped the old beta version).`
        : `clouddriver does not handle ${kind} at ${apiVersion}, which the cluster serves: this Spinnaker release is older than the cluster's API versions.`,
      versions: captureRoles(input),
    };
  },
  /**
   * longhorn-kubernetes-range-notice. The notice is a warning; a cluster version from the job (a kubectl version Server
   * Version, the cluster's version) outside the range makes it the cause, inside it dismisses the notice.
   */
  "longhorn-kubernetes-range-notice": (input) => {
    const longhorn = input.capture("longhorn") ?? "this release";
    const min = input.version("min");
    const max = input.version("max") ?? input.version("upTo");
    const range = `${input.capture("min") ?? "?"}${max ? ` to ${input.capture("max") ?? input.capture("upTo")}` : " or newer"}`;
    const cluster = input.hint("server", "cluster", "kubernetes");
    const versions = [...captureRoles(input).filter((r) => !(r.name === "upTo" && input.capture("max"))), ...(cluster ? [hintRole("cluster", cluster.hint.version, "cluster (API server) version", cluster.hint)] : [])];
    if (cluster && min) {
      const minor = cluster.version.minor;
      const below = cluster.version.major === 1 && minor < min.minor;
      const above = max !== undefined && cluster.version.major === 1 && minor > max.minor;
      if (below || above) {
        return {
          verdict: "cause",
          headline: `Longhorn ${longhorn} supports Kubernetes ${range}, and the cluster runs ${cluster.hint.version}: ${above ? "the cluster is newer than this Longhorn release supports" : "the cluster is older than this Longhorn release requires"}.`,
          versions,
        };
      }
      return {
        verdict: "not-skew",
        headline: `Longhorn ${longhorn} supports Kubernetes ${range}, and the cluster's ${cluster.hint.version} is inside it: the notice is not the failure.`,
        versions,
      };
    }
    return {
      verdict: "warning",
      headline: `Longhorn ${longhorn} supports Kubernetes ${range}${max ? " only" : ""}: check the cluster's minor against it before installing or upgrading.`,
      versions,
    };
  },
  "istio-pilot-agent-flag-unknown": (input) => {
    const flag = input.capture("flag") ?? "";
    const row = PILOT_AGENT_FLAG_HISTORY[flag];
    if (!row) {
      return {
        headline: `istio-proxy's pilot-agent does not define --${flag}, which its injection template or gateway chart passes: the proxy image and the control plane (or chart) are of different Istio releases.`,
      };
    }
    return {
      headline:
        row.change === "added"
          ? `istio-proxy's pilot-agent is older than the template that passes --${flag} (added in Istio ${row.release}, ${row.thread}): the proxy image is of an older Istio release than the sidecar injector or gateway chart.`
          : `istio-proxy's pilot-agent is newer than the template that passes --${flag} (removed during Istio ${row.release}, ${row.thread}): the gateway chart or injection template is of an older Istio release than the proxy image.`,
      versions: [
        {
          name: "flagRelease",
          version: row.release,
          role: `Istio release that ${row.change} --${flag}`,
          source: row.thread,
          typed: { raw: row.release, kind: "component", major: Number(row.release.split(".")[0]), minor: Number(row.release.split(".")[1]), component: "Istio" },
        },
      ],
    };
  },
};
