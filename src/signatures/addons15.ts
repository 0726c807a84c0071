import type { Signature } from "../model.js";

// Rules of the tenth tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons15.ts; real lines
// and near-misses in test/fixtures/real-world/lines-15addons.jsonl.

// pilot-agent's own camelCase flags (istio/istio pilot/cmd/pilot-agent), which the sidecar injection template and the
// gateway charts of each Istio release pass: a pilot-agent that refuses one runs under a template of another release.
// Kebab-case and generic names (--concurrency, --trust-domain, --configPath's peers in other tools) are left out.
export const PILOT_AGENT_FLAGS = [
  "statusPort",
  "applicationPorts",
  "kubeAppProberConfig",
  "controlPlaneBootstrap",
  "controlPlaneAuthPolicy",
  "proxyComponentLogLevel",
  "proxyLogLevel",
  "dnsRefreshRate",
  "discoveryRefreshDelay",
  "discoveryAddress",
  "serviceCluster",
  "zipkinAddress",
  "statsdUdpAddress",
  "envoyMetricsServiceAddress",
  "envoyAccessLogServiceAddress",
  "datadogAgentAddress",
  "lightstepAddress",
  "lightstepAccessToken",
  "lightstepSecure",
  "lightstepCacertPath",
  "disableInternalTelemetry",
  "mixerIdentity",
  "parentShutdownDuration",
  "drainDuration",
  "customConfigFile",
  "templateFile",
  "outlierLogPath",
  "stsPort",
  "tokenManagerPlugin",
];

export const addons15Signatures: Signature[] = [
  {
    id: "istio-pilot-agent-flag-unknown",
    title: "istio-proxy's pilot-agent refuses a flag its injection template or gateway chart passes (proxy and control plane of different Istio releases)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["unknown flag"],
    patterns: [
      // cobra's "unknown flag: --x" (the Error: line, and istio's log line "<ts>\terror\tunknown flag: --x") for a flag of
      // pilot-agent's own, which only Istio's injection template and gateway deployments pass.
      String.raw`unknown\s+flag\s*:\s*--(?<flag>${PILOT_AGENT_FLAGS.join("|")})(?![\w-])`,
    ],
    versions: [],
    roles: { flag: "pilot-agent flag the template passes and the proxy lacks" },
    // Above k8s-component-unknown-flag (60) and operator-flag-chart-newer-than-image (65), which do not know pilot-agent.
    priority: 66,
    meaning:
      "The istio-proxy container (pilot-agent, which starts Envoy) exits at start-up because its arguments, rendered by the sidecar injector's template or the gateway's Helm chart, include a flag this proxy image's pilot-agent does not define. The arguments come from one Istio release and the proxy image from another: a proxy image pinned by annotation or values under an upgraded control plane, a gateway chart taken from the source tree or an installer branch with released images, or daily images with an older template.",
    causes: [
      "A proxy image pinned (sidecar.istio.io/proxyImage, global.proxy.image, a gateway's image) to an older Istio than the injector, which passes flags added since (istio/istio#11295: 1.1's --statusPort to a 1.0 proxy; #14389: the installer's --proxyComponentLogLevel to proxyv2 1.1.7).",
      "Charts or injection templates of another release than the images (istio/istio#9219: a chart from the source tree still passing --discoveryRefreshDelay, removed from newer pilot-agents; #14208: a template ahead of the daily images).",
    ],
    fixes: [
      "Run the proxy image of the control plane's release (drop the proxyImage pin, or upgrade the pinned image), then restart the workloads so the injector renders their sidecars again.",
      "Install charts and images of one Istio release (the release archive's manifests or istioctl of that release, not the source tree of another branch).",
    ],
    references: ["https://github.com/istio/istio/issues/11295", "https://github.com/istio/istio/issues/14389", "https://github.com/istio/istio/issues/9219", "https://github.com/istio/istio/issues/8842"],
    examples: [
      {
        // istio/istio#14389 (the installer's gateway chart with proxyv2 1.1.7)
        line: "2019-05-28T04:52:03.543645Z\terror\tunknown flag: --proxyComponentLogLevel",
        captures: { flag: "proxyComponentLogLevel" },
      },
      // istio/istio#9219 (a gateway chart from the source tree with newer images)
      { line: "Error: unknown flag: --discoveryRefreshDelay", captures: { flag: "discoveryRefreshDelay" } },
    ],
    nearMisses: [
      // istio/istio#18563: pilot-agent printing its flags at start-up
      `2019-11-01T19:19:34.800744Z info FLAG: --applicationPorts="[]"`,
      // istio/istio#14095: the same dump with tabs
      '2019-05-17T16:19:14.486085Z\tinfo\tFLAG: --controlPlaneBootstrap="true"',
    ],
  },
];
