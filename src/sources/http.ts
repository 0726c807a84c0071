// The one way sources/ talks to the network. Every fetch (GitHub API calls included, through `safeFetch`)
// passes the same checks, so a log reference, a redirect or a listing entry can never reach a host, address or
// scheme that the settings do not allow, and no response can make skewbot hold more than a capped amount.
import http from "node:http";
import https from "node:https";
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { LookupFunction } from "node:net";
import { isIPv4 } from "node:net";
import { Readable, finished, pipeline } from "node:stream";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { classifyAddress, isIpLiteral } from "./address.js";
import type { ResolvedAddress, SourceSettings } from "./settings.js";
import { flagCovers, hostOf, originRefusal } from "./settings.js";

export type SourceErrorKind =
  | "refused"
  | "not-found"
  | "denied"
  | "http"
  | "timeout"
  | "network"
  | "cap"
  | "budget"
  | "decode";

/** An error whose message is one line fit for the report. Messages never carry tokens or signed URLs. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly kind: SourceErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

/** Decoded bytes that all the logs of one reference may still read. */
export class ByteBudget {
  used = 0;
  constructor(readonly limit: number) {}
  remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
  take(n: number): void {
    this.used += n;
  }
}

export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const text = i === 0 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1).replace(/\.0$/, "");
  return `${text} ${units[i]}`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6000) / 10} min`;
}

/** A URL fit for messages: signed URLs carry their credentials in the query, so it is dropped. */
export function displayUrl(url: string | URL): string {
  try {
    const u = typeof url === "string" ? new URL(url) : url;
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

export interface RequestOptions {
  /** What the report calls the thing being fetched: "build-log.txt", "GitHub API", a URL. */
  label: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sent only to the GitHub API origin, only on the first hop; never forwarded on redirects. */
  authorization?: string;
  redirect?: "follow" | "manual";
  /** Decoded bytes this body may yield (default: settings.maxLogBytes). */
  maxBytes?: number;
  budget?: ByteBudget;
  /** Decompress a body stored gzipped without a Content-Encoding (e.g. `kubelet.log.gz`). */
  gunzip?: boolean;
}

export interface HttpResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Absolute redirect target, when redirects are handled by the caller. */
  location?: string;
  /** How many times the request was retried. */
  retries: number;
  /** The decoded body, capped and guarded by timeouts. Iterate once, or call `discard()`. */
  body: AsyncIterable<Uint8Array>;
  discard(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ENETUNREACH"]);

function refused(message: string): SourceError {
  return new SourceError(message, "refused");
}

/** Checks scheme, host and every resolved address; returns the address to connect to. */
export async function checkTarget(url: URL, settings: SourceSettings): Promise<ResolvedAddress> {
  const shown = displayUrl(url);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw refused(`refused a ${url.protocol} URL: only https URLs are fetched`);
  }
  if (url.username || url.password) throw refused(`refused ${shown}: URLs with credentials are not fetched`);
  const host = hostOf(url);
  // Every hop (redirects included) is judged by its own scheme, host and port.
  const refusal = originRefusal(url, settings);
  if (refusal) throw refused(`refused ${shown}: ${refusal}`);
  let addresses: ResolvedAddress[];
  if (isIpLiteral(host)) {
    addresses = [{ address: host, family: isIPv4(host) ? 4 : 6 }];
  } else {
    try {
      addresses = await settings.resolve(host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new SourceError(`cannot resolve ${host}${code ? ` (${code})` : ""}`, "network");
    }
  }
  const first = addresses[0];
  if (!first) throw new SourceError(`cannot resolve ${host}: no addresses`, "network");
  const privateOk = flagCovers(settings.allowPrivateAddresses, url);
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    if (cls === "invalid") throw refused(`refused ${host}: resolver returned an invalid address`);
    // Any non-public answer refuses the host: picking only public ones would still let a rebinding
    // resolver steer later lookups, and a mixed answer is a red flag in itself.
    if (cls !== "public" && !privateOk) {
      throw refused(`refused ${host}: it resolves to ${a.address}, a ${cls} address (SKEWBOT_ALLOW_PRIVATE_ADDRESSES)`);
    }
  }
  return first;
}

/** Connects to the address that was checked, whatever DNS says by the time the socket opens. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options && typeof options === "object" && options.all) {
      callback(null, [{ address: pinned.address, family: pinned.family }]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

interface Sent {
  req: ClientRequest;
  res: IncomingMessage;
}

function sendOnce(
  url: URL,
  pinned: ResolvedAddress,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  settings: SourceSettings,
  label: string,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request({
      protocol: url.protocol,
      hostname: hostOf(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method,
      headers,
      // A fresh connection per request: a pooled socket could outlive the address check it was made under.
      agent: false,
      lookup: pinnedLookup(pinned),
    });
    const timer = setTimeout(() => {
      req.destroy(
        new SourceError(
          `${label}: no response from ${hostOf(url)} within ${formatDuration(settings.requestTimeoutMs)}`,
          "timeout",
        ),
      );
    }, settings.requestTimeoutMs);
    // Errors after the first (or after the response, when they surface on the body stream) must not
    // become uncaught exceptions.
    req.on("error", () => {});
    req.once("response", (res) => {
      clearTimeout(timer);
      res.on("error", () => {});
      resolve({ req, res });
    });
    req.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

function retryAfterMs(headers: IncomingHttpHeaders): number | undefined {
  const value = headers["retry-after"];
  if (typeof value !== "string") return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffMs(attempt: number, settings: SourceSettings): number {
  const base = settings.retryBaseMs * 2 ** attempt;
  return Math.min(settings.maxRetryDelayMs, base + Math.random() * settings.retryBaseMs);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isRetryableStatus(status: number, headers: IncomingHttpHeaders): boolean {
  // GitHub's secondary rate limit answers 403 with Retry-After; a primary limit (no Retry-After) can last an hour.
  return status === 429 || status >= 500 || (status === 403 && headers["retry-after"] !== undefined);
}

function describeNetworkError(err: unknown, label: string, host: string): SourceError {
  if (err instanceof SourceError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? "";
  if (code === "ECONNRESET") return new SourceError(`${label}: connection to ${host} reset`, "network");
  if (code === "ECONNREFUSED") return new SourceError(`${label}: connection to ${host} refused`, "network");
  if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "DEPTH_ZERO_SELF_SIGNED_CERT") {
    return new SourceError(`${label}: TLS error with ${host} (${code})`, "network");
  }
  return new SourceError(`${label}: request to ${host} failed (${code || e.message})`, "network");
}

function stripHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const key = k.toLowerCase();
    // Credentials and hop-specific headers are set here, never taken from callers.
    if (key === "authorization" || key === "cookie" || key === "host" || key === "content-length") continue;
    out[key] = v;
  }
  return out;
}

/**
 * Sends a request under the settings' rules and returns the final response, whatever its status (callers
 * turn statuses into report lines). Throws a SourceError when the request is refused or cannot complete.
 */
export async function httpRequest(url: string, settings: SourceSettings, options: RequestOptions): Promise<HttpResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw refused(`${options.label}: not a valid URL`);
  }
  let method = (options.method ?? "GET").toUpperCase();
  let body = options.body;
  const apiOrigin = safeOrigin(settings.githubApiUrl);
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {
      "user-agent": "skewbot",
      "accept-encoding": "gzip, deflate, br",
      ...stripHeaders(options.headers),
    };
    if (options.authorization && hop === 0 && target.origin === apiOrigin) {
      headers.authorization = options.authorization;
    }
    const sent = await sendWithRetries(target, method, headers, body, settings, options.label);
    const { res } = sent.value;
    const location = res.headers.location;
    if (REDIRECTS.has(res.statusCode ?? 0) && typeof location === "string") {
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        sent.value.req.destroy();
        throw new SourceError(`${options.label}: invalid redirect from ${hostOf(target)}`, "http");
      }
      if (options.redirect === "manual") {
        return wrapResponse(sent.value, target, settings, options, sent.retries, next.toString());
      }
      sent.value.req.destroy();
      if (hop >= settings.maxRedirects) {
        throw new SourceError(`${options.label}: too many redirects (more than ${settings.maxRedirects})`, "http");
      }
      const status = res.statusCode ?? 0;
      if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
      }
      target = next;
      continue;
    }
    return wrapResponse(sent.value, target, settings, options, sent.retries);
  }
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

async function sendWithRetries(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  settings: SourceSettings,
  label: string,
): Promise<{ value: Sent; retries: number }> {
  const host = hostOf(target);
  for (let attempt = 0; ; attempt++) {
    let sent: Sent;
    try {
      // Checked on every attempt and every hop, so a changed DNS answer is caught too.
      const pinned = await checkTarget(target, settings);
      sent = await sendOnce(target, pinned, method, headers, body, settings, label);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      const retryable = !(err instanceof SourceError) && RETRYABLE_CODES.has(code);
      if (retryable && attempt < settings.maxRetries) {
        await sleep(backoffMs(attempt, settings));
        continue;
      }
      const described = describeNetworkError(err, label, host);
      if (attempt > 0 && described.kind === "network") {
        throw new SourceError(`${described.message} (after ${attempt} ${attempt === 1 ? "retry" : "retries"})`, "network");
      }
      throw described;
    }
    const status = sent.res.statusCode ?? 0;
    if (isRetryableStatus(status, sent.res.headers) && attempt < settings.maxRetries) {
      const wait = retryAfterMs(sent.res.headers);
      if (wait === undefined || wait <= settings.maxRetryDelayMs) {
        sent.req.destroy();
        await sleep(wait ?? backoffMs(attempt, settings));
        continue;
      }
    }
    return { value: sent, retries: attempt };
  }
}

function decoderFor(encoding: string, label: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding) {
    case "":
    case "identity":
      return undefined;
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip({ chunkSize: DECODED_CHUNK_BYTES });
    case "deflate":
      return zlib.createInflate({ chunkSize: DECODED_CHUNK_BYTES });
    case "br":
      return zlib.createBrotliDecompress({ chunkSize: DECODED_CHUNK_BYTES });
    default:
      throw new SourceError(`${label}: unsupported content-encoding "${encoding}"`, "decode");
  }
}

function wrapResponse(
  sent: Sent,
  url: URL,
  settings: SourceSettings,
  options: RequestOptions,
  retries: number,
  location?: string,
): HttpResponse {
  const { req, res } = sent;
  let used = false;
  const discard = () => {
    used = true;
    res.destroy();
    req.destroy();
  };
  const body: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      if (used) throw new Error(`${options.label}: body already read`);
      used = true;
      return guardedBody(req, res, settings, options)[Symbol.asyncIterator]();
    },
  };
  return { status: res.statusCode ?? 0, url: url.toString(), headers: res.headers, location, retries, body, discard };
}

function isGzipType(contentType: string | undefined): boolean {
  return /^application\/(?:x-)?gzip\b/i.test(contentType ?? "");
}

/** Decoded bytes read ahead of the consumer before the response is paused (back-pressure). */
const READ_AHEAD_BYTES = 1024 * 1024;
/** Decompressed output comes in pieces of this size (zlib's default, 16 KiB, means four times the pieces). */
const DECODED_CHUNK_BYTES = 64 * 1024;

/**
 * A body's chunks as they arrive, read ahead up to READ_AHEAD_BYTES, with the idle and whole-download
 * timeouts counted only while the consumer waits for data (a slow consumer is back-pressure, not a stall).
 * One timer for the whole body, looked at again only when it fires, rather than one set and cleared per chunk.
 */
class BodyReader {
  private readonly queue: Buffer[] = [];
  private head = 0;
  private queued = 0;
  private paused = false;
  private done = false;
  private error: unknown;
  /** When the consumer began to wait, while it waits. */
  private waitingSince: number | undefined;
  private wake: { resolve: () => void; reject: (err: unknown) => void } | undefined;
  /** Time spent waiting in earlier waits. */
  private waited = 0;
  private timer: NodeJS.Timeout | undefined;
  /** What was received so far, for messages. */
  received = 0;

  constructor(
    private readonly stream: Readable,
    private readonly idleMs: number,
    private readonly totalMs: number,
    private readonly timeoutError: (kind: "idle" | "total") => Error,
  ) {
    stream.on("data", (chunk: Buffer) => {
      this.queue.push(chunk);
      this.queued += chunk.length;
      this.received += chunk.length;
      if (this.queued >= READ_AHEAD_BYTES && !this.paused) {
        this.paused = true;
        stream.pause();
      }
      this.settle();
    });
    finished(stream, (err) => {
      if (err && this.error === undefined) this.error = err;
      this.done = true;
      this.settle();
    });
  }

  /** The next chunk, null at the end; throws what broke the body once what came before it was taken. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      if (this.head < this.queue.length) {
        const chunk = this.queue[this.head]!;
        this.queue[this.head++] = undefined as unknown as Buffer;
        if (this.head === this.queue.length) {
          this.queue.length = 0;
          this.head = 0;
        }
        this.queued -= chunk.length;
        if (this.paused && this.queued < READ_AHEAD_BYTES / 2 && !this.done) {
          this.paused = false;
          this.stream.resume();
        }
        return chunk;
      }
      if (this.error !== undefined) throw this.error;
      if (this.done) return null;
      await new Promise<void>((resolve, reject) => {
        this.wake = { resolve, reject };
        this.waitingSince = performance.now();
        this.arm(this.waitingSince);
      });
    }
  }

  /** Ends a wait: data, the end or an error arrived. */
  private settle(): void {
    const wake = this.wake;
    if (!wake) return;
    this.wake = undefined;
    this.waited += performance.now() - this.waitingSince!;
    this.waitingSince = undefined;
    wake.resolve();
  }

  /** The current wait's deadline: `idleMs` after it began, or when the waits add up to `totalMs`. */
  private deadline(): { at: number; kind: "idle" | "total" } {
    const since = this.waitingSince!;
    const left = Math.max(0, this.totalMs - this.waited);
    return left < this.idleMs ? { at: since + left, kind: "total" } : { at: since + this.idleMs, kind: "idle" };
  }

  /**
   * Arms the one timer unless it is armed: a later wait's deadline is never earlier than an earlier one's,
   * so a timer armed for an earlier wait fires in time, and is moved on from there.
   */
  private arm(now: number): void {
    if (this.timer) return;
    const { at } = this.deadline();
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.ceil(at - now)));
  }

  private fire(): void {
    this.timer = undefined;
    if (this.waitingSince === undefined) return;
    const now = performance.now();
    const { at, kind } = this.deadline();
    if (now + 1 < at) return this.arm(now);
    const err = this.timeoutError(kind);
    const wake = this.wake;
    this.wake = undefined;
    this.waitingSince = undefined;
    this.error = err;
    this.stream.destroy(err);
    wake?.reject(err);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

async function* guardedBody(
  req: ClientRequest,
  res: IncomingMessage,
  settings: SourceSettings,
  options: RequestOptions,
): AsyncGenerator<Uint8Array> {
  const label = options.label;
  const maxBytes = options.maxBytes ?? settings.maxLogBytes;
  const budget = options.budget;
  let stream: Readable = res;
  const encoding = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
  const transportDecoder = decoderFor(encoding, label);
  if (transportDecoder) stream = pipeline(stream, transportDecoder, () => {});
  const storedGzip = encoding !== "gzip" && (options.gunzip === true || isGzipType(res.headers["content-type"]));
  if (storedGzip) stream = pipeline(stream, zlib.createGunzip({ chunkSize: DECODED_CHUNK_BYTES }), () => {});

  let bytes = 0;
  const reader = new BodyReader(stream, settings.idleTimeoutMs, settings.streamTimeoutMs, (kind) => {
    const err =
      kind === "idle"
        ? new SourceError(`${label}: no data for ${formatDuration(settings.idleTimeoutMs)} after ${formatBytes(bytes)}: partial scan`, "timeout")
        : new SourceError(`${label}: download took longer than ${formatDuration(settings.streamTimeoutMs)}, stopped after ${formatBytes(bytes)}: partial scan`, "timeout");
    res.destroy(err);
    return err;
  });
  try {
    for (;;) {
      const chunk = await reader.next();
      if (chunk === null) return;
      const byCap = maxBytes - bytes;
      const byBudget = budget ? budget.remaining() : Number.POSITIVE_INFINITY;
      const room = Math.min(byCap, byBudget);
      if (chunk.length > room) {
        if (room > 0) {
          bytes += room;
          budget?.take(room);
          yield chunk.subarray(0, room);
        }
        if (byCap <= byBudget) {
          throw new SourceError(`${label}: stopped after ${formatBytes(maxBytes)} (byte cap): partial scan`, "cap");
        }
        throw new SourceError(
          `${label}: stopped after ${formatBytes(bytes)}: the ${formatBytes(budget?.limit ?? 0)} byte budget for this job is used up: partial scan`,
          "budget",
        );
      }
      bytes += chunk.length;
      budget?.take(chunk.length);
      yield chunk;
    }
  } catch (err) {
    throw describeStreamError(err, label, bytes);
  } finally {
    reader.close();
    stream.destroy();
    res.destroy();
    req.destroy();
  }
}

function describeStreamError(err: unknown, label: string, bytes: number): SourceError {
  if (err instanceof SourceError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? "";
  const after = formatBytes(bytes);
  if (code.startsWith("Z_") || code === "ERR_ZLIB_INITIALIZATION_FAILED" || /incorrect header check|unexpected end of file/i.test(e.message)) {
    return new SourceError(`${label}: corrupt compressed data after ${after}: partial scan`, "decode");
  }
  if (code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || e.message === "aborted") {
    return new SourceError(`${label}: connection reset after ${after}: partial scan`, "network");
  }
  return new SourceError(`${label}: read failed after ${after} (${code || e.message}): partial scan`, "network");
}

/** A report line for a response that is not a success. */
export function statusError(label: string, res: Pick<HttpResponse, "status" | "headers" | "retries">): SourceError {
  const status = res.status;
  if (status === 404 || status === 410) return new SourceError(`${label} not found (${status})`, "not-found", status);
  if (status === 403 && res.headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(res.headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : "";
    return new SourceError(`${label}: GitHub API rate limit exceeded${when} (set GITHUB_TOKEN)`, "denied", status);
  }
  if (status === 401 || status === 403) return new SourceError(`${label}: access denied (${status})`, "denied", status);
  const retried = res.retries > 0 ? ` after ${res.retries} ${res.retries === 1 ? "retry" : "retries"}` : "";
  if (status === 429) {
    const wait = retryAfterMs(res.headers);
    const hint = wait !== undefined ? `, retry after ${formatDuration(wait)}` : "";
    return new SourceError(`${label}: rate limited (429)${retried}${hint}`, "http", status);
  }
  if (status >= 500) return new SourceError(`${label}: server error (${status})${retried}`, "http", status);
  return new SourceError(`${label}: unexpected HTTP ${status}`, "http", status);
}

/** Opens a 2xx body as a stream, or throws a report line (404 → "<label> not found (404)"). */
export async function openStream(url: string, settings: SourceSettings, options: RequestOptions): Promise<AsyncIterable<Uint8Array>> {
  if (options.budget && options.budget.remaining() <= 0) {
    throw new SourceError(
      `${options.label}: not read: the ${formatBytes(options.budget.limit)} byte budget for this job is used up`,
      "budget",
    );
  }
  const res = await httpRequest(url, settings, options);
  if (res.status < 200 || res.status > 299) {
    res.discard();
    throw statusError(options.label, res);
  }
  return res.body;
}

/** Reads a whole (small) body as text; the cap defaults to settings.maxMetadataBytes. */
export async function readText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString("utf8");
}

export async function fetchJson(url: string, settings: SourceSettings, options: RequestOptions): Promise<unknown> {
  const body = await openStream(url, settings, { maxBytes: settings.maxMetadataBytes, ...options });
  const text = await readText(body);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(`${options.label}: not valid JSON`, "decode");
  }
}

/**
 * A `fetch` for Octokit that goes through `httpRequest`, so GitHub API calls obey the same host, address,
 * timeout and retry rules, and the token reaches only the API origin. API bodies are read whole (capped);
 * job-log bodies stream.
 */
export function safeFetch(settings: SourceSettings, budget?: ByteBudget): typeof fetch {
  const adapter = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    const authorization = headers.get("authorization") ?? undefined;
    headers.delete("authorization");
    const isLog = /\/actions\/jobs\/\d+\/logs$/.test(new URL(url).pathname);
    const res = await httpRequest(url, settings, {
      label: isLog ? "job log" : "GitHub API",
      method: init?.method,
      headers: Object.fromEntries(headers),
      body: typeof init?.body === "string" ? init.body : undefined,
      authorization,
      redirect: init?.redirect === "manual" ? "manual" : "follow",
      maxBytes: isLog ? settings.maxLogBytes : settings.maxMetadataBytes,
      budget: isLog ? budget : undefined,
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      // The body handed on is already decoded, so its encoding and length headers no longer apply.
      if (v === undefined || k === "content-encoding" || k === "content-length") continue;
      out.set(k, Array.isArray(v) ? v.join(", ") : v);
    }
    if (res.location !== undefined) out.set("location", res.location);
    const status = res.status;
    let response: Response;
    if (status < 200 || [204, 205, 304].includes(status) || (status >= 300 && status < 400)) {
      res.discard();
      response = new Response(null, { status: status < 200 ? 502 : status, headers: out });
    } else if (isLog && status < 300) {
      response = new Response(Readable.toWeb(Readable.from(res.body)) as unknown as ReadableStream<Uint8Array>, { status, headers: out });
    } else {
      response = new Response(await readText(res.body), { status, headers: out });
    }
    // Octokit's paginator parses `response.url`, which a constructed Response leaves empty.
    Object.defineProperty(response, "url", { value: res.url });
    return response;
  };
  return adapter as typeof fetch;
}
