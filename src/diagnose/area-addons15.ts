import type { Diagnoser } from "./context.js";

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
