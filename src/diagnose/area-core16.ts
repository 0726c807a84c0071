import type { Diagnoser, DiagnosisPart } from "./context.js";
import { ADDED_FLAGS, REMOVED_FLAGS, REMOVED_KUBELET_FLAGS } from "./tables.js";

// Diagnosers for src/signatures/core16.ts (the eleventh tuning session, area: core).

/**
 * Flags the components still have (kubelet --help, kube-proxy --help … of 1.30–1.34, the commonly set ones). Only
 * used to tell a misspelt flag from a removed one: "unknown flag: --rotate-server-certificate" is one letter from
 * the kubelet's --rotate-server-certificates (siderolabs/talos#7977), a typo in the unit that no release accepts.
 */
const CURRENT_FLAGS: Record<string, readonly string[]> = {
  kubelet: [
    "address", "allowed-unsafe-sysctls", "anonymous-auth", "authentication-token-webhook", "authentication-token-webhook-cache-ttl", "authorization-mode",
    "authorization-webhook-cache-authorized-ttl", "authorization-webhook-cache-unauthorized-ttl", "bootstrap-kubeconfig", "cert-dir", "cgroup-driver",
    "cgroup-root", "cgroups-per-qos", "client-ca-file", "cloud-config", "cloud-provider", "cluster-dns", "cluster-domain", "config", "config-dir",
    "container-log-max-files", "container-log-max-size", "container-runtime-endpoint", "contention-profiling", "cpu-cfs-quota", "cpu-cfs-quota-period",
    "cpu-manager-policy", "cpu-manager-policy-options", "cpu-manager-reconcile-period", "enable-controller-attach-detach", "enable-debugging-handlers",
    "enable-server", "enforce-node-allocatable", "event-burst", "event-qps", "eviction-hard", "eviction-max-pod-grace-period", "eviction-minimum-reclaim",
    "eviction-pressure-transition-period", "eviction-soft", "eviction-soft-grace-period", "exit-on-lock-contention", "experimental-allocatable-ignore-eviction",
    "experimental-mounter-path", "fail-swap-on", "feature-gates", "file-check-frequency", "hairpin-mode", "healthz-bind-address", "healthz-port",
    "hostname-override", "http-check-frequency", "image-credential-provider-bin-dir", "image-credential-provider-config", "image-gc-high-threshold",
    "image-gc-low-threshold", "image-service-endpoint", "kernel-memcg-notification", "kube-api-burst", "kube-api-content-type", "kube-api-qps",
    "kube-reserved", "kube-reserved-cgroup", "kubeconfig", "kubelet-cgroups", "local-storage-capacity-isolation", "lock-file", "log-flush-frequency",
    "logging-format", "make-iptables-util-chains", "manifest-url", "manifest-url-header", "max-open-files", "max-pods", "maximum-dead-containers",
    "maximum-dead-containers-per-container", "memory-manager-policy", "minimum-container-ttl-duration", "minimum-image-ttl-duration", "node-ip",
    "node-labels", "node-status-max-images", "node-status-update-frequency", "oom-score-adj", "pod-cidr", "pod-manifest-path", "pod-max-pids",
    "pods-per-core", "protect-kernel-defaults", "provider-id", "qos-reserved", "read-only-port", "register-node", "register-schedulable",
    "register-with-taints", "registry-burst", "registry-qps", "reserved-cpus", "reserved-memory", "resolv-conf", "root-dir", "rotate-certificates",
    "rotate-server-certificates", "runonce", "runtime-cgroups", "runtime-request-timeout", "seccomp-default", "serialize-image-pulls",
    "streaming-connection-idle-timeout", "sync-frequency", "system-cgroups", "system-reserved", "system-reserved-cgroup", "tls-cert-file",
    "tls-cipher-suites", "tls-min-version", "tls-private-key-file", "topology-manager-policy", "topology-manager-policy-options", "topology-manager-scope",
    "volume-plugin-dir", "volume-stats-agg-period",
  ],
  "kube-proxy": [
    "bind-address", "bind-address-hard-fail", "cleanup", "cluster-cidr", "config", "config-sync-period", "conntrack-max-per-core", "conntrack-min",
    "conntrack-tcp-timeout-close-wait", "conntrack-tcp-timeout-established", "detect-local-mode", "feature-gates", "healthz-bind-address",
    "hostname-override", "iptables-masquerade-bit", "iptables-min-sync-period", "iptables-sync-period", "ipvs-exclude-cidrs", "ipvs-min-sync-period",
    "ipvs-scheduler", "ipvs-strict-arp", "ipvs-sync-period", "kube-api-burst", "kube-api-content-type", "kube-api-qps", "kubeconfig", "masquerade-all",
    "metrics-bind-address", "nodeport-addresses", "oom-score-adj", "pod-bridge-interface", "pod-interface-name-prefix", "proxy-mode", "proxy-port-range",
    "show-hidden-metrics-for-version", "write-config-to",
  ],
  "kube-apiserver": [
    "admission-control-config-file", "advertise-address", "allow-privileged", "anonymous-auth", "api-audiences", "audit-log-maxage", "audit-log-maxbackup",
    "audit-log-maxsize", "audit-log-path", "audit-policy-file", "audit-webhook-config-file", "authentication-token-webhook-config-file",
    "authorization-mode", "authorization-webhook-config-file", "bind-address", "client-ca-file", "cors-allowed-origins", "enable-admission-plugins",
    "disable-admission-plugins", "enable-aggregator-routing", "enable-bootstrap-token-auth", "encryption-provider-config", "endpoint-reconciler-type",
    "etcd-cafile", "etcd-certfile", "etcd-keyfile", "etcd-prefix", "etcd-servers", "etcd-servers-overrides", "event-ttl", "feature-gates",
    "kubelet-certificate-authority", "kubelet-client-certificate", "kubelet-client-key", "kubelet-preferred-address-types", "max-mutating-requests-inflight",
    "max-requests-inflight", "oidc-ca-file", "oidc-client-id", "oidc-groups-claim", "oidc-groups-prefix", "oidc-issuer-url", "oidc-username-claim",
    "oidc-username-prefix", "profiling", "proxy-client-cert-file", "proxy-client-key-file", "requestheader-allowed-names", "requestheader-client-ca-file",
    "requestheader-extra-headers-prefix", "requestheader-group-headers", "requestheader-username-headers", "runtime-config", "secure-port",
    "service-account-issuer", "service-account-key-file", "service-account-lookup", "service-account-signing-key-file", "service-cluster-ip-range",
    "service-node-port-range", "storage-backend", "tls-cert-file", "tls-cipher-suites", "tls-min-version", "tls-private-key-file", "token-auth-file",
  ],
  "kube-controller-manager": [
    "allocate-node-cidrs", "authentication-kubeconfig", "authorization-kubeconfig", "bind-address", "client-ca-file", "cluster-cidr", "cluster-name",
    "cluster-signing-cert-file", "cluster-signing-key-file", "concurrent-deployment-syncs", "concurrent-endpoint-syncs", "concurrent-rc-syncs",
    "concurrent-replicaset-syncs", "controllers", "feature-gates", "horizontal-pod-autoscaler-sync-period", "kubeconfig", "leader-elect",
    "node-cidr-mask-size", "node-monitor-grace-period", "node-monitor-period", "profiling", "requestheader-client-ca-file", "root-ca-file",
    "service-account-private-key-file", "service-cluster-ip-range", "terminated-pod-gc-threshold", "use-service-account-credentials",
  ],
  "kube-scheduler": [
    "authentication-kubeconfig", "authorization-kubeconfig", "bind-address", "config", "feature-gates", "kubeconfig", "leader-elect",
    "leader-elect-resource-name", "leader-elect-resource-namespace", "profiling", "secure-port", "write-config-to",
  ],
};

/** One insertion, deletion, substitution or swap of neighbours between two strings. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/**
 * The component's current flag that an unknown flag misspells (one edit, a missing or extra trailing "s"), for a
 * flag no removal or addition table knows. A real removed flag (--network-plugin, --container-runtime) is in the
 * tables and never reaches the comparison. Short flags (--port, --v) are left alone: one edit there is another word.
 */
export function misspeltFlagOf(raw: string, component: string | undefined): string | undefined {
  // --cluster_dns is --cluster-dns in pflag's old spelling, which kubelet 1.10.0-beta stopped normalising
  // (kubernetes/kubernetes#61053): a release difference, not a typo.
  const flag = raw.replace(/_/g, "-");
  if (flag.length < 8 || REMOVED_FLAGS[flag] || REMOVED_KUBELET_FLAGS[flag] || ADDED_FLAGS[flag]) return undefined;
  const components = component ? [component] : Object.keys(CURRENT_FLAGS);
  for (const c of components) {
    const known = CURRENT_FLAGS[c];
    if (!known || known.includes(flag)) continue;
    const near = known.find((f) => f.length >= 8 && oneEditApart(f, flag));
    if (near) return near;
  }
  return undefined;
}

/** The dismissal of a misspelt flag, for the kubelet's and the components' unknown-flag diagnosers. */
export function misspeltFlagDismissal(flag: string, component: string | undefined): DiagnosisPart | undefined {
  const near = misspeltFlagOf(flag, component);
  if (!near) return undefined;
  return {
    verdict: "not-skew",
    headline: `Not a version skew: --${flag} is a misspelling of --${near}, which ${component ?? "the component"} has; no release accepts the misspelt name, so the unit, extraArgs or script has a typo.`,
    versions: [],
    fixes: [`Spell the flag --${near} (check \`${component ?? "<component>"} --help\` for the exact name).`],
  };
}

/**
 * kubectl-not-acceptable-old-server. The empty-body 406 is what 1.7/1.8 API servers (and Rancher 2.0's proxy in front
 * of them) answer kubectl 1.10+'s Accept headers with; the resource named in the line does not change the reading.
 */
const diagnoseNotAcceptable: Diagnoser = (input) => {
  const resource = input.capture("resource");
  const what = resource ? `kubectl's ${input.capture("verb") ?? "get"} ${resource}` : "kubectl's request";
  const aggregated = resource && /\.(?!k8s\.io$)[a-z0-9-]+\.|metrics\.k8s\.io/.test(resource) ? " (for an aggregated API such as metrics.k8s.io: the add-on server's apiserver library)" : "";
  // kubectl version's banner names both sides: a 1.9+ server negotiates, so the empty 406 came from something in
  // front of it (a proxy, an aggregated server on an old apiserver library), not from the cluster's release.
  const serverHint = input.hint("server");
  const clientHint = input.hint("client");
  const server = serverHint?.version;
  const client = clientHint?.version;
  const banner = [clientHint, serverHint].flatMap((h, i) =>
    h ? [{ name: i ? "server" : "client", version: h.hint.version, role: i ? "API server version (kubectl version)" : "kubectl version (kubectl version)", source: h.hint.source }] : [],
  );
  if (server && (server.major > 1 || server.minor >= 9)) {
    return {
      verdict: "warning",
      headline: `kubectl's ${what.replace(/^kubectl's /, "")} got an empty 406 Not Acceptable although the API server is ${server.raw}, which negotiates kubectl's formats: a proxy in front of it, or an aggregated API server built on an apiserver library before 1.9, refused the request.`,
      versions: banner,
    };
  }
  const sides = client && server ? ` (kubectl ${client.raw}, server ${server.raw})` : "";
  return {
    verdict: "cause",
    headline: `The API server answered ${what} with 406 Not Acceptable and no body: kubectl (1.10 or newer) asked for a representation (server-side Table printing, the default of kubectl get from 1.11) that a server before 1.9${aggregated} cannot negotiate. kubectl is further ahead of the server than the supported skew${sides}.`,
    versions: [
      ...banner,
      { name: "serverPrintingDefaultFrom", version: "1.11", role: "kubectl release whose get asks the server for Table output by default", source: "kubernetes/kubernetes#65575" },
      { name: "serverNegotiationFixedIn", version: "1.9", role: "first API server release that falls back when the Accept header lists a type it lacks", source: "kubernetes/kubernetes#65718" },
    ],
  };
};

/** etcd releases whose watch progress requests the kube-apiserver trusts (feature_support_checker.go). */
const WATCH_PROGRESS_ETCD = "3.5.13";

/**
 * apiserver-etcd-lacks-watch-progress. The start-up notice dates the etcd (or says the store reports no version);
 * a consistent watch refused for it is the 1.35 failure. The checker's source in a review is no log.
 */
const diagnoseWatchProgress: Diagnoser = (input) => {
  const text = input.finding.text;
  if (/klog\.\w+\(|%q/.test(text)) {
    return { verdict: "not-skew", headline: "The apiserver's feature checker source quoted in a review, not a log line.", versions: [] };
  }
  const versions = [
    { name: "etcdMinimum", version: WATCH_PROGRESS_ETCD, role: "first etcd 3.5 release the kube-apiserver trusts with watch progress requests (3.4.31 on the 3.4 line)", source: "k8s.io/apiserver storage feature support checker" },
  ];
  if (input.capture("refused")) {
    return {
      verdict: "cause",
      headline: `The kube-apiserver refused a streaming (consistent) watch because its storage lacks RequestWatchProgress: the etcd behind it is older than ${WATCH_PROGRESS_ETCD} / 3.4.31, or an etcd-compatible store (kine, dqlite, a gRPC proxy) reports no version. Kubernetes 1.35 locks ConsistentListFromCache on, so such watches fail instead of falling back.`,
      versions,
    };
  }
  const endpoint = input.capture("endpoint") ?? "";
  const kine = /kine|dqlite/.test(endpoint);
  return {
    verdict: "warning",
    headline: kine
      ? `The kube-apiserver (1.31+) found no usable etcd version at ${endpoint}: kine/dqlite before their emulated etcd version report none, so consistent reads from cache and WatchList stay off (in 1.35, streaming watches fail).`
      : `The kube-apiserver (1.31+) found ${endpoint || "its etcd"} older than etcd ${WATCH_PROGRESS_ETCD} / 3.4.31 (or reporting no version): it turns off watch progress requests and with them consistent reads from cache; in 1.35 streaming watches fail.`,
    versions,
    ...(kine ? { fixes: [input.signature.fixes[1]!] } : {}),
  };
};

export const core16Diagnosers: Record<string, Diagnoser> = {
  "apiserver-etcd-lacks-watch-progress": diagnoseWatchProgress,
  "kubectl-not-acceptable-old-server": diagnoseNotAcceptable,
};
