import type { Signature } from "../model.js";

// Rules of the eighth tuning session (area: addons). Their reasoning lives in src/diagnose/area-addons14.ts; real lines
// and near-misses in test/fixtures/real-world/lines-14addons.jsonl.

export const addons14Signatures: Signature[] = [
  {
    id: "envoy-xds-v2-rejected",
    title: "Envoy refuses xDS v2 configuration (Envoy 1.17 disabled it, 1.18 removed it)",
    family: "addons",
    severity: "error",
    flake: false,
    anchors: ["xDS major version", "xDS transport protocol versions are deprecated"],
    patterns: [
      // Envoy 1.17 (envoyproxy/envoy#13950, #14223) rejects v2 resources and v2 transport by default; 1.18 and later
      // say the v2 major version "has been removed". The v2 type that was refused follows in parentheses.
      String.raw`The\s+(?<xds>v2)\s+xDS\s+major\s+version\s+(?<state>is\s+deprecated\s+and\s+disabled\s+by\s+default|has\s+been\s+removed\s+and\s+is\s+no\s+longer\s+supported)(?:[^(]*\((?<v2Type>envoy\.[\w.]*\.v2(?:alpha\d*)?\.\w+)\))?`,
      // The transport API version of a config source (an EnvoyFilter's grpc_service, an xDS bootstrap) left unset
      // (AUTO, which meant v2) or at V2, refused by Envoy 1.17 and later.
      String.raw`(?<xds>V2)\s+\(and\s+AUTO\)\s+xDS\s+transport\s+protocol\s+versions\s+are\s+deprecated`,
    ],
    versions: ["xds"],
    roles: { xds: "xDS API major version the configuration uses", v2Type: "v2 type Envoy refused", state: "what this Envoy says of v2" },
    versionKinds: { xds: "api-version" },
    priority: 50,
    meaning:
      "Envoy 1.17 rejects configuration in the xDS v2 API by default and Envoy 1.18 removed it: a bootstrap file, a control plane, or a config snippet (an Istio EnvoyFilter, a rate-limit or ext-authz grpc_service without transport_api_version: V3) still speaks v2 to an Envoy newer than it was written for.",
    causes: [
      "An Envoy-based proxy (Istio sidecar or gateway, Cilium's, a Gloo or Contour Envoy) upgraded past 1.16 while its configuration, EnvoyFilters or control plane still used v2 types (envoy.api.v2.*, envoy.config.filter.*.v2.*).",
      "A grpc_service or config source without transport_api_version: V3 (AUTO meant v2), e.g. an Istio rate-limit EnvoyFilter copied from an older guide.",
    ],
    fixes: [
      "Rewrite the configuration in v3 (type.googleapis.com/envoy.extensions.…v3.… types, resource_api_version and transport_api_version V3), or upgrade the control plane to one that serves v3.",
      "Only as a stop-gap on Envoy 1.17: --bootstrap-version 2 and the runtime flag envoy.reloadable_features.enable_deprecated_v2_api; Envoy 1.18 and later have no way back.",
    ],
    references: ["https://www.envoyproxy.io/docs/envoy/latest/faq/api/envoy_v3", "https://github.com/envoyproxy/envoy/issues/10816"],
    examples: [
      {
        // istio/istio#30773: an EnvoyFilter with a v2 Lua filter after the 1.8 → 1.9 upgrade (Envoy 1.17)
        line: String.raw`2021-02-09T22:20:38.122467Z    warn    ads    ADS:LDS: ACK ERROR router~10.16.12.17~istio-ingressgateway-5d77cd8c86-sc2k9.istio-system~istio-system.svc.cluster.local-28 Internal:Error adding/updating listener(s) 0.0.0.0_5000: The v2 xDS major version is deprecated and disabled by default. Support for v2 will be removed from Envoy at the start of Q1 2021. You may make use of v2 in Q4 2020 by following the advice in https://www.envoyproxy.io/docs/envoy/latest/faq/api/transition. (envoy.config.filter.http.lua.v2.Lua)`,
        captures: { xds: "v2", v2Type: "envoy.config.filter.http.lua.v2.Lua" },
      },
      {
        // envoyproxy/envoy#36384: an Istio rate-limit EnvoyFilter's grpc_service without transport_api_version
        line: String.raw`warning envoy config external/envoy/source/extensions/config_subscription/grpc/grpc_subscription_impl.cc:138    gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: Error adding/updating listener(s) 0.0.0.0_80: V2 (and AUTO) xDS transport protocol versions are deprecated in grpc_service {`,
        captures: { xds: "V2" },
      },
    ],
    nearMisses: [
      // Envoy 1.16 converting a v2 type it still accepts (hnasr/javascript_playground#22's first line): a warning.
      "[2021-04-25 18:28:07.800][952905][warning][misc] [source/common/protobuf/utility.cc:294] Configuration does not parse cleanly as v3. v2 configuration is deprecated and will be removed from Envoy at the start of Q1 2021: envoy.config.filter.network.http_connection_manager.v2.HttpConnectionManager",
      // Istio's periodic xDS reconnect (knative/serving#7358; istiod closes streams every 30 minutes).
      "[Envoy (Epoch 0)] [2020-03-22 20:33:43.124][21][warning][config] [bazel-out/k8-opt/bin/external/envoy/source/common/config/_virtual_includes/grpc_stream_lib/common/config/grpc_stream.h:91] gRPC config stream closed: 13,",
    ],
  },
  {
    id: "envoy-extension-not-registered",
    title: "Envoy has no extension by the name or type its configuration asks for",
    family: "addons",
    severity: "warning",
    flake: false,
    anchors: ["find a registered implementation for"],
    patterns: [
      // Envoy's config/utility.h (getAndCheckFactory): by name in older releases, by name and typed_config type URL later.
      String.raw`Didn.t\s+find\s+a\s+registered\s+implementation\s+for\s+(?:name\s*:\s*)?'(?<extension>[^'\s]*)'(?:\s+with\s+type\s+URL\s*:\s*'(?<typeUrl>[^'\s]*)')?`,
    ],
    versions: [],
    roles: { extension: "Envoy extension (filter) the configuration names", typeUrl: "typed_config type URL" },
    priority: 45,
    meaning:
      "The Envoy binary has no extension registered under the name (or typed_config type) the configuration uses. Between a control plane and its proxies (istiod and istio-proxy, Envoy Gateway and its Envoy) that means they are different releases: an extension newer than the proxy, or one the proxy's release renamed or dropped. The same message follows a filter placed where it does not belong, a misspelt name or an Envoy build without a contrib extension, so it is a warning.",
    causes: [
      "Istio sidecars or gateways left on another release than istiod (not restarted after an upgrade, or istiod downgraded), so istiod sends extensions the proxy does not have.",
      "An EnvoyFilter or bootstrap written for a newer Envoy (a filter added later) or an older one (a deprecated name, or a filter without typed_config, which Envoy 1.22 and later no longer look up by name).",
      "Not a version skew: a filter in the wrong list (listener_filters, a cluster's filters), a misspelt name, an image built without the extension.",
    ],
    fixes: [
      "Compare the proxy and control-plane versions (istioctl proxy-status, istioctl version) and restart the workloads onto the control plane's proxy.",
      "Check the extension against the Envoy release the proxy runs (envoy --version; the extension list Envoy prints at start-up) and give every filter a typed_config.",
    ],
    references: ["https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol", "https://istio.io/latest/docs/reference/config/analysis/ist0105/"],
    examples: [
      {
        // istio/istio#47141: one deployment's proxy after the control plane moved to 1.17.4
        line: String.raw`{"level":"warn","time":"2023-09-27T19:18:23.539842Z","scope":"ads","msg":"ADS:LDS: ACK ERROR mesh-e2e-server-m-a-ea1-us-7dd47fd9dd-tgrpt.mesh-e2e-m-a-ea1-us-20 Internal:Error adding/updating listener(s) virtualInbound: Didn't find a registered implementation for name: 'istio_authn'\n"}`,
        captures: { extension: "istio_authn" },
      },
      {
        // envoyproxy/envoy#20919: a router filter without typed_config on Envoy 1.22
        line: String.raw`[critical][main] [source/server/server.cc:117] error initializing configuration '/etc/envoy.yaml': Didn't find a registered implementation for 'envoy.filters.http.router' with type URL: ''`,
        captures: { extension: "envoy.filters.http.router", typeUrl: "" },
      },
    ],
    nearMisses: [
      // pilot-agent's readiness line that follows the rejection (istio/istio#47141) names neither extension nor version.
      String.raw`{"level":"warn","time":"2023-09-27T19:59:36.723876Z","msg":"Envoy proxy is NOT ready: config received from XDS server, but was rejected: cds updates: 1 successful, 0 rejected; lds updates: 0 successful, 1 rejected"}`,
    ],
  },
];
