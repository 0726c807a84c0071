// Prow builds stored in GCS: metadata (prowjob.json, started.json, finished.json), the build log(s) and the
// component logs under artifacts/, where version-skew errors usually appear. Listings use the GCS JSON API;
// objects are read from the storage endpoint. Both are public for Prow's buckets, so no credentials are sent.
import type { JobRun, LogSource, VersionHint } from "../model.js";
import type { ByteBudget } from "./http.js";
import { SourceError, fetchJson, formatBytes, openStream } from "./http.js";
import type { ProwRef } from "./refs.js";
import { prowUrlForBucket } from "./refs.js";
import type { SourceSettings } from "./settings.js";
import type { ResolvedRef } from "./types.js";

export interface ListedObject {
  name: string;
  size: number;
}

interface Listing {
  items: ListedObject[];
  prefixes: string[];
  truncated: boolean;
}

const PAGE_SIZE = 1000;

export async function listObjects(
  bucket: string,
  prefix: string,
  settings: SourceSettings,
  options: { delimiter?: string; max: number; endOffset?: string; startOffset?: string },
): Promise<Listing> {
  const base = `${settings.gcsApiUrl.replace(/\/+$/, "")}/storage/v1/b/${encodeURIComponent(bucket)}/o`;
  const items: ListedObject[] = [];
  const prefixes: string[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const params = new URLSearchParams({
      prefix,
      fields: options.delimiter ? "items(name,size),prefixes,nextPageToken" : "items(name,size),nextPageToken",
      maxResults: String(Math.min(PAGE_SIZE, Math.max(1, options.max - items.length - prefixes.length))),
    });
    if (options.delimiter) params.set("delimiter", options.delimiter);
    // Names (and prefixes) lexicographically before this one only: the builds older than a given build.
    if (options.endOffset) params.set("endOffset", options.endOffset);
    if (options.startOffset) params.set("startOffset", options.startOffset);
    if (pageToken) params.set("pageToken", pageToken);
    const page = (await fetchJson(`${base}?${params.toString()}`, settings, {
      label: `listing of gs://${bucket}/${prefix}`,
    })) as { items?: { name?: unknown; size?: unknown }[]; prefixes?: unknown[]; nextPageToken?: unknown };
    for (const item of page.items ?? []) {
      if (typeof item.name !== "string") continue;
      items.push({ name: item.name, size: Number(item.size ?? 0) || 0 });
    }
    for (const p of page.prefixes ?? []) if (typeof p === "string") prefixes.push(p);
    pageToken = typeof page.nextPageToken === "string" && page.nextPageToken !== "" ? page.nextPageToken : undefined;
    if (!pageToken) return { items, prefixes, truncated: false };
    if (items.length + prefixes.length >= options.max) return { items, prefixes, truncated: true };
  }
}

export function objectUrl(settings: SourceSettings, bucket: string, name: string): string {
  const path = name.split("/").map(encodeURIComponent).join("/");
  return `${settings.storageUrl.replace(/\/+$/, "")}/${encodeURIComponent(bucket)}/${path}`;
}

// ---------------------------------------------------------------------------------------------------------
// Component logs

/** Components whose logs carry version-skew errors, in the order they are given slots. */
const COMPONENTS: { name: string; test: RegExp }[] = [
  { name: "kube-apiserver", test: /kube-apiserver/ },
  { name: "kubeadm", test: /kubeadm/ },
  { name: "kubelet", test: /kubelet/ },
  { name: "kube-controller-manager", test: /kube-controller-manager/ },
  { name: "kube-scheduler", test: /kube-scheduler/ },
  { name: "containerd", test: /containerd/ },
  { name: "cri-o", test: /\bcri-?o\b/ },
  { name: "cloud-init", test: /cloud-init/ },
  // A node's systemd journal (kind's log export): where the kubelet's own start-up errors are.
  { name: "journal", test: /^journal\.log/ },
];

const LOG_NAME = /(?:\.(?:log|txt|out)(?:\.\d+)?(?:\.gz)?|^[^.]+)$/;
// Audit logs are huge and hold requests, not component errors.
const EXCLUDED = /audit/;

export function componentOf(objectName: string): string | undefined {
  const parts = objectName.toLowerCase().split("/");
  const base = parts.pop() ?? "";
  if (!LOG_NAME.test(base) || EXCLUDED.test(base)) return undefined;
  // The kubelet's pod-log layout names the container in the directory: …/kube-apiserver/0.log.
  const named = /^\d+\.log(?:\.\d+)?(?:\.gz)?$/.test(base) ? `${parts.pop() ?? ""}/${base}` : base;
  return COMPONENTS.find((c) => c.test.test(named))?.name;
}

/**
 * Picks component logs so that each component gets a share before any gets a second one (a 100-node job
 * has 100 kubelet logs), within a file count and an estimated byte total.
 */
export function selectComponentLogs(
  objects: ListedObject[],
  limits: { maxFiles: number; maxBytes: number; perFileCap: number },
): { chosen: (ListedObject & { component: string })[]; left: number } {
  const groups = new Map<string, ListedObject[]>();
  for (const o of objects) {
    if (o.size <= 0) continue;
    const component = componentOf(o.name);
    if (!component) continue;
    const list = groups.get(component) ?? [];
    list.push(o);
    groups.set(component, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const order = COMPONENTS.map((c) => c.name).filter((n) => groups.has(n));
  const chosen: (ListedObject & { component: string })[] = [];
  let bytes = 0;
  let candidates = 0;
  for (const list of groups.values()) candidates += list.length;
  for (let round = 0; chosen.length < limits.maxFiles; round++) {
    let any = false;
    for (const component of order) {
      const o = groups.get(component)?.[round];
      if (!o) continue;
      any = true;
      const cost = Math.min(o.size, limits.perFileCap);
      if (chosen.length >= limits.maxFiles || bytes + cost > limits.maxBytes) continue;
      chosen.push({ ...o, component });
      bytes += cost;
    }
    if (!any) break;
  }
  return { chosen, left: candidates - chosen.length };
}

// ---------------------------------------------------------------------------------------------------------
// Metadata and version hints

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const VERSION = /^v?\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?$/;

/** Env variables whose value is a Kubernetes version, and the role the hint gets. */
const ENV_ROLES: Record<string, string> = {
  KUBERNETES_VERSION: "kubernetes",
  KUBE_VERSION: "kubernetes",
  K8S_VERSION: "kubernetes",
  KUBECTL_VERSION: "kubectl",
  KUBEADM_VERSION: "kubeadm",
  KUBELET_VERSION: "kubelet",
  KUBERNETES_VERSION_MANAGEMENT: "management-cluster",
  KUBERNETES_VERSION_UPGRADE_FROM: "upgrade-from",
  KUBERNETES_VERSION_UPGRADE_TO: "upgrade-to",
};

const INLINE_PATTERNS: { re: RegExp; role: (m: RegExpExecArray) => string | undefined; rule: (m: RegExpExecArray) => string }[] = [
  {
    re: /\b([A-Z][A-Z0-9_]*VERSION[A-Z0-9_]*)=["']?(v?\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?)/g,
    role: (m) => ENV_ROLES[m[1] ?? ""],
    rule: (m) => `prowjob-env:${m[1]}`,
  },
  {
    re: /--(kubernetes-version|kube-version|extract)[= ]["']?(v\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?)/g,
    role: () => "kubernetes",
    rule: (m) => `prowjob-arg:--${m[1]}`,
  },
  {
    re: /\bkindest\/node:(v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)/g,
    role: () => "node-image",
    rule: () => "prowjob-image:kindest/node",
  },
];

function versionOf(m: RegExpExecArray): string {
  return m[m.length - 1] ?? "";
}

export function hintsFromProwJob(prowjob: unknown): VersionHint[] {
  const hints: VersionHint[] = [];
  const add = (role: string | undefined, version: string, rule: string) => {
    if (!role || !VERSION.test(version)) return;
    if (hints.some((h) => h.role === role && h.version === version)) return;
    hints.push({ role, version, source: "prowjob.json", rule });
  };
  const spec = isObject(prowjob) && isObject(prowjob.spec) ? prowjob.spec : undefined;
  const podSpec = spec && isObject(spec.pod_spec) ? spec.pod_spec : undefined;
  const containers = [
    ...(Array.isArray(podSpec?.containers) ? podSpec.containers : []),
    ...(Array.isArray(podSpec?.initContainers) ? podSpec.initContainers : []),
  ].filter(isObject);
  for (const c of containers) {
    for (const e of Array.isArray(c.env) ? c.env : []) {
      if (!isObject(e) || typeof e.name !== "string" || typeof e.value !== "string") continue;
      add(ENV_ROLES[e.name], e.value.trim(), `prowjob-env:${e.name}`);
      scanInline(e.value, add);
    }
    const words = [c.image, ...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])];
    const strings = words.filter((w): w is string => typeof w === "string");
    for (let i = 0; i < strings.length; i++) {
      const w = strings[i] ?? "";
      const next = strings[i + 1];
      // `--kubernetes-version` `v1.30.0` as two array items.
      const flag = /^--(kubernetes-version|kube-version|extract)$/.exec(w);
      if (flag && next) add("kubernetes", next.trim(), `prowjob-arg:--${flag[1]}`);
      scanInline(w, add);
    }
  }
  return hints;
}

function scanInline(text: string, add: (role: string | undefined, version: string, rule: string) => void): void {
  if (text.length > 100_000) return;
  for (const p of INLINE_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) add(p.role(m), versionOf(m), p.rule(m));
  }
}

export function jobVersionHint(meta: unknown, source: string): VersionHint | undefined {
  if (!isObject(meta)) return undefined;
  const nested = isObject(meta.metadata) ? meta.metadata["job-version"] : undefined;
  const v = typeof nested === "string" ? nested : typeof meta["job-version"] === "string" ? meta["job-version"] : undefined;
  return v && VERSION.test(v.trim()) ? { role: "kubernetes", version: v.trim(), source, rule: "job-version" } : undefined;
}

export function resultOf(finished: unknown, prowjob: unknown): string | undefined {
  if (isObject(finished)) {
    if (typeof finished.result === "string" && finished.result !== "") return finished.result.toUpperCase();
    if (typeof finished.passed === "boolean") return finished.passed ? "SUCCESS" : "FAILURE";
  }
  const status = isObject(prowjob) && isObject(prowjob.status) ? prowjob.status : undefined;
  return typeof status?.state === "string" ? status.state.toUpperCase() : undefined;
}

function describeRefs(prowjob: unknown, ref: ProwRef): string | undefined {
  const spec = isObject(prowjob) && isObject(prowjob.spec) ? prowjob.spec : undefined;
  const refs = spec && isObject(spec.refs) ? spec.refs : undefined;
  if (refs && typeof refs.org === "string" && typeof refs.repo === "string") {
    const pull = Array.isArray(refs.pulls) && isObject(refs.pulls[0]) ? refs.pulls[0].number : undefined;
    return `${refs.org}/${refs.repo}${typeof pull === "number" ? `#${pull}` : ""}`;
  }
  if (ref.pull) return `PR #${ref.pull}`;
  return undefined;
}

const timeOf = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return v < 1e11 ? v * 1000 : v;
  if (typeof v === "string" && v !== "") {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
};

/** The build's identity for history, from prowjob.json, started.json and finished.json (any may be missing). */
export function prowRun(ref: ProwRef, meta: { started?: unknown; finished?: unknown; prowjob?: unknown }, result: string | undefined, url: string): JobRun {
  const spec = isObject(meta.prowjob) && isObject(meta.prowjob.spec) ? meta.prowjob.spec : undefined;
  const status = isObject(meta.prowjob) && isObject(meta.prowjob.status) ? meta.prowjob.status : undefined;
  const refs = spec && isObject(spec.refs) ? spec.refs : undefined;
  const pull = refs && Array.isArray(refs.pulls) && isObject(refs.pulls[0]) ? refs.pulls[0] : undefined;
  const started = isObject(meta.started) ? meta.started : undefined;
  const finished = isObject(meta.finished) ? meta.finished : undefined;
  const run: JobRun = { source: "prow", key: `prow:${ref.bucket}/${ref.buildDir}`, job: typeof spec?.job === "string" ? spec.job : ref.job, buildId: ref.buildId, url };
  if (refs && typeof refs.org === "string" && typeof refs.repo === "string") run.repository = `${refs.org}/${refs.repo}`;
  const number = typeof pull?.number === "number" ? pull.number : ref.pull !== undefined ? Number(ref.pull) : undefined;
  if (number !== undefined && Number.isInteger(number)) run.pull = number;
  const sha = typeof pull?.sha === "string" ? pull.sha : typeof refs?.base_sha === "string" ? refs.base_sha : typeof started?.["repo-commit"] === "string" ? started["repo-commit"] : undefined;
  if (sha) run.headSha = sha;
  if (typeof refs?.base_ref === "string") run.baseRef = refs.base_ref;
  if (typeof spec?.type === "string") run.type = spec.type;
  if (result) run.result = result.toLowerCase();
  const startedAt = timeOf(status?.startTime) ?? timeOf(started?.timestamp);
  const finishedAt = timeOf(status?.completionTime) ?? timeOf(finished?.timestamp);
  if (startedAt) run.startedAt = startedAt;
  if (finishedAt) run.finishedAt = finishedAt;
  return run;
}

// ---------------------------------------------------------------------------------------------------------
// Resolution

const BUILD_LOG = /^(?:[A-Za-z0-9_.-]+-)?build-log\.txt$/;

async function readMetadata(
  name: string,
  ref: ProwRef,
  settings: SourceSettings,
): Promise<{ value?: unknown; problem?: string; missing?: boolean }> {
  try {
    return { value: await fetchJson(objectUrl(settings, ref.bucket, `${ref.buildDir}/${name}`), settings, { label: name }) };
  } catch (err) {
    if (err instanceof SourceError && err.kind === "not-found") return { missing: true };
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

export async function resolveProw(ref: ProwRef, settings: SourceSettings, budget: ByteBudget): Promise<ResolvedRef> {
  const prowUrl = (ref.prowUrl ?? prowUrlForBucket(ref.bucket, settings))?.replace(/\/+$/, "");
  const viewUrl = prowUrl ? `${prowUrl}/view/gs/${ref.bucket}/${ref.buildDir}` : undefined;
  const problems: string[] = [];

  // The listings a whole build needs go out with the metadata reads rather than after them (one round trip
  // instead of three); settled here, read below in the same order as before.
  const settle = <T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> => p.then((value) => ({ value }), (error: unknown) => ({ error }));
  const topListing = ref.file ? undefined : settle(listObjects(ref.bucket, `${ref.buildDir}/`, settings, { delimiter: "/", max: 1000 }));
  const artifactsListing = ref.file || settings.maxArtifactLogs <= 0 ? undefined : settle(listObjects(ref.bucket, `${ref.buildDir}/artifacts/`, settings, { max: settings.maxListedObjects }));
  const [started, finished, prowjob] = await Promise.all(
    ["started.json", "finished.json", "prowjob.json"].map((n) => readMetadata(n, ref, settings)),
  );
  for (const m of [started, finished, prowjob]) if (m?.problem) problems.push(m.problem);

  const result = resultOf(finished?.value, prowjob?.value);
  const about = describeRefs(prowjob?.value, ref);
  const title = `${ref.job} #${ref.buildId}${about ? ` · ${about}` : ""}${result ? ` (${result})` : ""}`;
  const url = viewUrl ?? objectUrl(settings, ref.bucket, `${ref.buildDir}/`);
  const hints = hintsFromProwJob(prowjob?.value);
  const run = prowRun(ref, { started: started?.value, finished: finished?.value, prowjob: prowjob?.value }, result, url);
  for (const [meta, source] of [
    [finished?.value, "finished.json"],
    [started?.value, "started.json"],
  ] as const) {
    const h = jobVersionHint(meta, source);
    if (h && !hints.some((x) => x.role === h.role && x.version === h.version)) hints.push(h);
  }
  if (result === "ABORTED") return { title, url, sources: [], problems, skipped: "job was ABORTED: not triaged", hints, run };
  if (finished?.missing && (result === undefined || result === "PENDING" || result === "TRIGGERED")) {
    problems.push("finished.json not found: the job may still be running, so its logs may be incomplete");
  }

  const buildLogSource = (name: string): LogSource => {
    const raw = objectUrl(settings, ref.bucket, `${ref.buildDir}/${name}`);
    return {
      name,
      url: viewUrl ?? raw,
      lineLink: (line) => (viewUrl ? `${viewUrl}#1:${encodeURIComponent(`${name}:${line}`)}` : raw),
      open: () => openStream(raw, settings, { label: name, budget, maxBytes: settings.maxLogBytes }),
    };
  };
  const artifactSource = (path: string): LogSource => {
    const raw = objectUrl(settings, ref.bucket, `${ref.buildDir}/${path}`);
    return {
      name: path,
      url: raw,
      // Spyglass shows only build logs with line anchors; an artifact's link is the file itself.
      lineLink: () => raw,
      open: () => openStream(raw, settings, { label: path, budget, maxBytes: settings.maxLogBytes, gunzip: path.endsWith(".gz") }),
    };
  };

  if (ref.file) {
    const source = BUILD_LOG.test(ref.file) ? buildLogSource(ref.file) : artifactSource(ref.file);
    return { title, url, sources: [source], problems, hints, run };
  }

  const sources: LogSource[] = [];
  let estimated = 0;
  try {
    const listed = await topListing!;
    if ("error" in listed) throw listed.error;
    const top = listed.value;
    const logs = top.items
      .map((o) => ({ ...o, name: o.name.slice(ref.buildDir.length + 1) }))
      .filter((o) => BUILD_LOG.test(o.name))
      .sort((a, b) => (a.name === "build-log.txt" ? -1 : b.name === "build-log.txt" ? 1 : a.name.localeCompare(b.name)));
    if (logs.length === 0) problems.push("build-log.txt not found");
    for (const o of logs) {
      sources.push(buildLogSource(o.name));
      estimated += Math.min(o.size, settings.maxLogBytes);
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems.push(`${reason}: reading build-log.txt without a listing`);
    sources.push(buildLogSource("build-log.txt"));
  }

  if (artifactsListing) {
    try {
      const listed = await artifactsListing;
      if ("error" in listed) throw listed.error;
      const listing = listed.value;
      if (listing.truncated) problems.push(`artifacts/ has more than ${listing.items.length} files: only those listed first were considered`);
      const { chosen, left } = selectComponentLogs(listing.items, {
        maxFiles: settings.maxArtifactLogs,
        maxBytes: Math.max(0, settings.maxTriageBytes - estimated),
        perFileCap: settings.maxLogBytes,
      });
      for (const o of chosen) sources.push(artifactSource(o.name.slice(ref.buildDir.length + 1)));
      if (left > 0) {
        problems.push(
          `${left} more component logs under artifacts/ not read (limits: ${settings.maxArtifactLogs} files, ${formatBytes(settings.maxTriageBytes)} per job)`,
        );
      }
    } catch (err) {
      problems.push(`artifacts/ not read: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { title, url, sources, problems, hints, run };
}
