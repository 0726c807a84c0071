// Everything that decides where skewbot may fetch from and how much it may read. One object, passed down
// explicitly, so a test or a GitHub Enterprise installation can swap any endpoint without global state.
import { lookup } from "node:dns/promises";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A Prow deployment: its web origin (for Spyglass links) and the buckets whose builds it shows. */
export interface ProwDeployment {
  url: string;
  buckets: string[];
}

export interface SourceSettings {
  /** REST API base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  githubApiUrl: string;
  /** Web UI origin, for parsing Actions URLs and building `#step:S:L` links. */
  githubUrl: string;
  githubToken?: string;
  /** GCS JSON API base; listings go to `<gcsApiUrl>/storage/v1/b/<bucket>/o`. */
  gcsApiUrl: string;
  /** Object reads go to `<storageUrl>/<bucket>/<object>`. */
  storageUrl: string;
  prowDeployments: ProwDeployment[];
  /**
   * Hosts that may be fetched: exact names, `*.example.com` (any subdomain) or a `*` inside one label
   * (`productionresultssa*.blob.core.windows.net`), each optionally with `:port`; without a port, an entry
   * means port 443. The origins (scheme, host and port) of the base URLs above are always allowed.
   */
  allowedHosts: string[];
  /** `true` for every host, or the hosts (`host` for port 80, or `host:port`) that may be fetched over plain http. */
  allowHttp: boolean | string[];
  /**
   * `true` for every host, or the hosts that may resolve to private, loopback or link-local addresses
   * (`host` for the scheme's default port, or `host:port`).
   */
  allowPrivateAddresses: boolean | string[];
  /** DNS lookup; every address it returns is checked, and the connection is pinned to the first one. */
  resolve: (hostname: string) => Promise<ResolvedAddress[]>;
  /** From sending a request to receiving its response headers. */
  requestTimeoutMs: number;
  /** Longest wait for the next chunk of a body. */
  idleTimeoutMs: number;
  /** Longest total wait for one body's data (time spent in the consumer does not count). */
  streamTimeoutMs: number;
  /** Decoded bytes read from one log before the scan stops with a partial result. */
  maxLogBytes: number;
  /** Decoded bytes read from all the logs of one reference. */
  maxTriageBytes: number;
  /** Cap on API and metadata responses (JSON), which are read whole. */
  maxMetadataBytes: number;
  /** Retries after 5xx, 429 and connection resets, before the body starts. */
  maxRetries: number;
  retryBaseMs: number;
  /** A Retry-After longer than this is not waited for: the request fails instead. */
  maxRetryDelayMs: number;
  maxRedirects: number;
  /** Component logs read from a Prow build's `artifacts/`. */
  maxArtifactLogs: number;
  /** Objects listed under `artifacts/` before the listing stops. */
  maxListedObjects: number;
  /** Failed jobs read from one workflow run. */
  maxJobs: number;
}

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = [
  "api.github.com",
  // Job-log downloads redirect to short-lived signed URLs on these hosts.
  "*.actions.githubusercontent.com",
  "productionresultssa*.blob.core.windows.net",
  "storage.googleapis.com",
  "raw.githubusercontent.com",
  "gist.githubusercontent.com",
];

export const DEFAULT_PROW_DEPLOYMENTS: readonly ProwDeployment[] = [
  { url: "https://prow.k8s.io", buckets: ["kubernetes-ci-logs", "kubernetes-jenkins"] },
  { url: "https://prow.ci.openshift.org", buckets: ["origin-ci-test", "test-platform-results"] },
];

const MB = 1024 * 1024;

export async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

export function defaultSourceSettings(overrides: Partial<SourceSettings> = {}): SourceSettings {
  return {
    githubApiUrl: "https://api.github.com",
    githubUrl: "https://github.com",
    gcsApiUrl: "https://storage.googleapis.com",
    storageUrl: "https://storage.googleapis.com",
    prowDeployments: DEFAULT_PROW_DEPLOYMENTS.map((d) => ({ url: d.url, buckets: [...d.buckets] })),
    allowedHosts: [...DEFAULT_ALLOWED_HOSTS],
    allowHttp: false,
    allowPrivateAddresses: false,
    resolve: systemResolve,
    requestTimeoutMs: 30_000,
    idleTimeoutMs: 60_000,
    streamTimeoutMs: 15 * 60_000,
    // Spyglass stops rendering a build log at 200 MB; reading more rarely finds anything new.
    maxLogBytes: 200 * MB,
    maxTriageBytes: 1024 * MB,
    maxMetadataBytes: 20 * MB,
    maxRetries: 3,
    retryBaseMs: 500,
    maxRetryDelayMs: 30_000,
    maxRedirects: 5,
    maxArtifactLogs: 40,
    maxListedObjects: 20_000,
    maxJobs: 20,
    ...overrides,
  };
}

/** Hostname of a URL, lower-case, without IPv6 brackets or a trailing dot. */
export function hostOf(url: string | URL): string {
  const u = typeof url === "string" ? new URL(url) : url;
  let host = u.hostname.toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}

function globToRegExp(pattern: string): RegExp {
  const p = pattern.toLowerCase().replace(/\.$/, "");
  if (p.startsWith("*.")) {
    const rest = p.slice(2).split("*").map(escapeRe).join("[a-z0-9-]*");
    return new RegExp(`^(?:[a-z0-9-]+\\.)+${rest}$`);
  }
  return new RegExp(`^${p.split("*").map(escapeRe).join("[a-z0-9-]*")}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  return patterns.some((p) => globToRegExp(p).test(h));
}

// Origins, not hosts: an endpoint or an allow-list entry grants one scheme, host and port. Matching on the
// host alone let `SKEWBOT_STORAGE_URL=http://10.0.0.5:4443` open every port of 10.0.0.5 (over plain http,
// to a private address), and a GitHub Enterprise API URL every port of its host.

const DEFAULT_PORTS: Readonly<Record<string, number>> = { "http:": 80, "https:": 443 };

/** The port a URL connects to: the one it names, or its scheme's default. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? 0);
}

/** `host`, `*.host`, `host:port`, `[v6]:port` or a bare IPv6 address, split into a host pattern and a port. */
export function parseHostEntry(entry: string): { host: string; port?: number } {
  const e = entry.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(e);
  if (v6) return v6[2] ? { host: v6[1]!, port: Number(v6[2]) } : { host: v6[1]! };
  const m = /^([^:]+):(\d{1,5})$/.exec(e);
  return m ? { host: m[1]!, port: Number(m[2]) } : { host: e };
}

/** `host:port` as an entry names it (brackets around IPv6). */
export function hostEntry(url: URL): string {
  const host = hostOf(url);
  return `${host.includes(":") ? `[${host}]` : host}:${portOf(url)}`;
}

function entryCovers(entry: string, url: URL, portWhenUnnamed: number): boolean {
  const { host, port } = parseHostEntry(entry);
  return globToRegExp(host).test(hostOf(url)) && portOf(url) === (port ?? portWhenUnnamed);
}

/** The configured endpoints' origins are trusted implicitly: configuring an endpoint is permission to fetch from it. */
export function configuredOrigins(settings: SourceSettings): string[] {
  const origins: string[] = [];
  for (const u of [settings.githubApiUrl, settings.gcsApiUrl, settings.storageUrl]) {
    try {
      origins.push(new URL(u).origin);
    } catch {
      // An invalid base URL is reported when it is used.
    }
  }
  return origins;
}

/**
 * Whether a URL's origin may be fetched: a configured endpoint's origin exactly, or an allow-list entry. An
 * entry without a port means the default https port (443); `host:port` means that port.
 */
export function isOriginAllowed(url: URL, settings: SourceSettings): boolean {
  return configuredOrigins(settings).includes(url.origin) || settings.allowedHosts.some((e) => entryCovers(e, url, 443));
}

/** True when the host (on any port) is on the allow-list: a refused port is then worth naming as such. */
export function isHostListed(url: URL, settings: SourceSettings): boolean {
  const host = hostOf(url);
  return (
    settings.allowedHosts.some((e) => globToRegExp(parseHostEntry(e).host).test(host)) ||
    configuredOrigins(settings).some((o) => hostOf(o) === host)
  );
}

/**
 * Whether a flag (SKEWBOT_ALLOW_HTTP, SKEWBOT_ALLOW_PRIVATE_ADDRESSES) covers a URL: `true`, or an entry for
 * its host and port; an entry without a port means the default port of the URL's scheme.
 */
export function flagCovers(flag: boolean | string[], url: URL): boolean {
  return flag === true || (Array.isArray(flag) && flag.some((e) => entryCovers(e, url, DEFAULT_PORTS[url.protocol] ?? 443)));
}

/** Why a URL's origin may not be fetched, in words for a report line; undefined when it may. */
export function originRefusal(url: URL, settings: SourceSettings): string | undefined {
  const where = url.port ? `${hostOf(url)} port ${url.port}` : hostOf(url);
  if (url.protocol === "http:" && !flagCovers(settings.allowHttp, url)) return `plain http is not allowed for ${where} (SKEWBOT_ALLOW_HTTP)`;
  if (isOriginAllowed(url, settings)) return undefined;
  if (isHostListed(url, settings)) {
    return `port ${portOf(url)} of ${hostOf(url)} is not allowed: only the ports configured for it are (SKEWBOT_ALLOWED_HOSTS entries name host:port; without a port they mean 443)`;
  }
  return `${hostOf(url)} is not an allowed host (SKEWBOT_ALLOWED_HOSTS)`;
}

// ---------------------------------------------------------------------------------------------------------
// Environment

const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, m: MB, mb: MB, g: 1024 * MB, gb: 1024 * MB };

export function parseSize(name: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? SIZE_UNITS[(m[2] ?? "").toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`${name}: expected a size such as 200MB, got "${text}"`);
  return Math.floor(Number(m[1]) * unit);
}

function parseCount(name: string, text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) throw new Error(`${name}: expected a whole number, got "${text}"`);
  return Number(text);
}

function parseDuration(name: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  if (!m) throw new Error(`${name}: expected a duration such as 30s or 500ms, got "${text}"`);
  const n = Number(m[1]);
  return Math.round(m[2] === "ms" || m[2] === undefined ? n : m[2] === "s" ? n * 1000 : n * 60_000);
}

function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function parseFlagOrHosts(text: string): boolean | string[] {
  const t = text.trim().toLowerCase();
  if (["1", "true", "yes", "all", "*"].includes(t)) return true;
  if (["", "0", "false", "no", "none"].includes(t)) return false;
  return parseList(t);
}

function parseBaseUrl(name: string, text: string): string {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new Error(`${name}: not a URL: "${text}"`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`${name}: must be an http(s) URL`);
  if (u.username || u.password) throw new Error(`${name}: credentials in the URL are not supported`);
  return u.toString().replace(/\/+$/, "");
}

/** `https://prow.k8s.io=kubernetes-ci-logs|kubernetes-jenkins,https://prow.example.com=my-bucket` */
function parseProwDeployments(name: string, text: string): ProwDeployment[] {
  return parseList(text).map((entry) => {
    const eq = entry.indexOf("=");
    const url = parseBaseUrl(name, eq < 0 ? entry : entry.slice(0, eq));
    const buckets = eq < 0 ? [] : entry.slice(eq + 1).split("|").filter((b) => b !== "");
    return { url, buckets };
  });
}

function addTo(flag: boolean | string[], host: string): boolean | string[] {
  if (flag === true) return true;
  const list = Array.isArray(flag) ? flag : [];
  return list.includes(host) ? list : [...list, host];
}

/**
 * Settings from `SKEWBOT_*` variables and `GITHUB_TOKEN` (see src/sources/README.md). Throws an Error with a
 * one-line message naming the variable when a value is malformed.
 */
export function sourceSettingsFromEnv(env: NodeJS.ProcessEnv): SourceSettings {
  const s = defaultSourceSettings();
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === "" ? undefined : v;
  };
  const token = get("GITHUB_TOKEN");
  if (token) s.githubToken = token.trim();

  const allowHttp = get("SKEWBOT_ALLOW_HTTP");
  if (allowHttp !== undefined) s.allowHttp = parseFlagOrHosts(allowHttp);
  const allowPrivate = get("SKEWBOT_ALLOW_PRIVATE_ADDRESSES");
  if (allowPrivate !== undefined) s.allowPrivateAddresses = parseFlagOrHosts(allowPrivate);
  const hosts = get("SKEWBOT_ALLOWED_HOSTS");
  if (hosts !== undefined) s.allowedHosts.push(...parseList(hosts.toLowerCase()));

  // An explicitly configured endpoint is trusted for plain http (GHE or a test server) and private
  // addresses (an internal GHE): the operator named it, unlike a URL that arrives in a log reference.
  // Each for its own origin only (host and port), not for the whole host.
  const trust = (url: string) => {
    const u = new URL(url);
    const entry = hostEntry(u);
    if (u.protocol === "http:") s.allowHttp = addTo(s.allowHttp, entry);
    s.allowPrivateAddresses = addTo(s.allowPrivateAddresses, entry);
  };
  const api = get("SKEWBOT_GITHUB_API_URL");
  if (api !== undefined) {
    s.githubApiUrl = parseBaseUrl("SKEWBOT_GITHUB_API_URL", api);
    trust(s.githubApiUrl);
    const web = new URL(s.githubApiUrl);
    // GitHub Enterprise Server serves the API under /api/v3 on the web host.
    if (web.pathname.replace(/\/+$/, "").endsWith("/api/v3")) s.githubUrl = web.origin;
  }
  const webUrl = get("SKEWBOT_GITHUB_URL");
  if (webUrl !== undefined) s.githubUrl = parseBaseUrl("SKEWBOT_GITHUB_URL", webUrl);
  const gcsApi = get("SKEWBOT_GCS_API_URL");
  if (gcsApi !== undefined) {
    s.gcsApiUrl = parseBaseUrl("SKEWBOT_GCS_API_URL", gcsApi);
    trust(s.gcsApiUrl);
  }
  const storage = get("SKEWBOT_STORAGE_URL");
  if (storage !== undefined) {
    s.storageUrl = parseBaseUrl("SKEWBOT_STORAGE_URL", storage);
    trust(s.storageUrl);
  }
  const prow = get("SKEWBOT_PROW_DEPLOYMENTS");
  if (prow !== undefined) s.prowDeployments = parseProwDeployments("SKEWBOT_PROW_DEPLOYMENTS", prow);

  const sizes: [string, "maxLogBytes" | "maxTriageBytes" | "maxMetadataBytes"][] = [
    ["SKEWBOT_MAX_LOG_BYTES", "maxLogBytes"],
    ["SKEWBOT_MAX_TRIAGE_BYTES", "maxTriageBytes"],
    ["SKEWBOT_MAX_METADATA_BYTES", "maxMetadataBytes"],
  ];
  for (const [name, key] of sizes) {
    const v = get(name);
    if (v !== undefined) s[key] = parseSize(name, v);
  }
  const durations: [string, "requestTimeoutMs" | "idleTimeoutMs" | "streamTimeoutMs"][] = [
    ["SKEWBOT_REQUEST_TIMEOUT", "requestTimeoutMs"],
    ["SKEWBOT_IDLE_TIMEOUT", "idleTimeoutMs"],
    ["SKEWBOT_STREAM_TIMEOUT", "streamTimeoutMs"],
  ];
  for (const [name, key] of durations) {
    const v = get(name);
    if (v !== undefined) s[key] = parseDuration(name, v);
  }
  const counts: [string, "maxRetries" | "maxArtifactLogs" | "maxJobs"][] = [
    ["SKEWBOT_RETRIES", "maxRetries"],
    ["SKEWBOT_MAX_ARTIFACT_LOGS", "maxArtifactLogs"],
    ["SKEWBOT_MAX_JOBS", "maxJobs"],
  ];
  for (const [name, key] of counts) {
    const v = get(name);
    if (v !== undefined) s[key] = parseCount(name, v);
  }
  return s;
}
