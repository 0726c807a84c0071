import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { redact } from "./scan/redact.js";

// The process logger. Probot's run() builds its own pino logger from LOG_LEVEL/LOG_FORMAT, with no way
// to add redaction; it does accept a ready-made logger, so for JSON logs (production, the container
// image) skewbot builds one with the same options plus redaction, and hands it to run(). Every line of
// the process then goes through it: Probot's HTTP access log, its webhook error reports, and skewbot's
// own lines. Credentials are removed by key (redaction paths) and from text (messages and error
// texts, with the scanner's secret patterns). For LOG_FORMAT=pretty (local development) and SENTRY_DSN,
// Probot's logger is kept (it pretty-prints and reports to Sentry); skewbot still redacts its own lines
// there (see `redactingChild`), Probot's are as Probot writes them.

export const REDACTED = "[REDACTED]";

/**
 * pino redaction paths. Credentials by key name at the top level and one or two levels down, HTTP
 * authorization headers wherever Probot, pino-http and Octokit errors put them, and webhook payloads
 * inside error reports (Probot logs the whole event with a failed delivery; a comment body can hold a
 * pasted credential, and the delivery id that stays in the line finds the payload in the App's
 * "Recent deliveries").
 */
export const REDACT_PATHS: readonly string[] = [
  ...["token", "githubToken", "privateKey", "private_key", "secret", "webhookSecret", "password", "authorization", "cookie"].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers[\"x-hub-signature\"]",
  "req.headers[\"x-hub-signature-256\"]",
  "res.headers[\"set-cookie\"]",
  "headers.authorization",
  "err.headers.authorization",
  "err.request.headers.authorization",
  "err.response.headers.authorization",
  "err.response.data.token",
  "event.payload",
  "err.event.payload",
  "env.PRIVATE_KEY",
  "env.WEBHOOK_SECRET",
  "env.GITHUB_TOKEN",
  "env.SKEWBOT_METRICS_TOKEN",
];

export const REDACT = { paths: [...REDACT_PATHS], censor: REDACTED };

/** Credentials inside text: what the scanner redacts from logs, plus a quoted header (`"authorization": "token …"`). */
export function scrub(text: string): string {
  return redact(text).replace(/(\bauthorization["']?\s*[:=]\s*["']?(?:token|bearer|basic)\s+)[^\s"',]+/gi, `$1${REDACTED}`);
}

// A log line never needs megabytes of one string, and scrubbing costs time in proportion to the text:
// an unsigned delivery of many megabytes must not buy seconds of CPU per request.
const MAX_LOGGED_STRING = 16 * 1024;

function scrubDeep(value: unknown, depth: number): unknown {
  if (typeof value === "string") {
    return value.length > MAX_LOGGED_STRING ? `${scrub(value.slice(0, MAX_LOGGED_STRING))}… (${value.length - MAX_LOGGED_STRING} more characters not logged)` : scrub(value);
  }
  if (depth <= 0 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => scrubDeep(v, depth - 1));
  // Webhook payloads ride on errors (err.event.payload): never logged, so never scrubbed either.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "payload" ? REDACTED : scrubDeep(v, depth - 1)]));
}

/**
 * Errors as pino serialises them, with credentials scrubbed from their text: paths cannot reach a token
 * that an error quotes in its message (a failed request, a URL with a password).
 */
export function serializeError(err: unknown): unknown {
  return err instanceof Error ? scrubDeep(stdSerializers.err(err), 4) : err;
}

const SERIALIZERS = { err: serializeError };

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** True when Probot would log JSON: LOG_FORMAT=json, or no LOG_FORMAT under NODE_ENV=production. */
export function logsJson(env: NodeJS.ProcessEnv): boolean {
  const format = env["LOG_FORMAT"];
  return format ? format !== "pretty" : env["NODE_ENV"] === "production";
}

/**
 * The logger to hand to Probot's run(), or undefined to keep Probot's own (pretty logs, or Sentry).
 * Honours LOG_LEVEL, LOG_LEVEL_IN_STRING and LOG_MESSAGE_KEY like Probot does; adds redaction, ISO
 * timestamps, and logs successful health checks and metric scrapes at debug instead of info.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env, destination?: DestinationStream): Logger | undefined {
  if (!logsJson(env) || env["SENTRY_DSN"]) return undefined;
  const level = (env["LOG_LEVEL"] || "info").toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL=${env["LOG_LEVEL"]} is not one of ${LEVELS.join(", ")}`);
  const options: LoggerOptions = {
    level,
    messageKey: env["LOG_MESSAGE_KEY"] || "msg",
    redact: REDACT,
    serializers: SERIALIZERS,
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(env["LOG_LEVEL_IN_STRING"] === "true" ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
    hooks: {
      logMethod(args, method, levelValue) {
        const a: unknown[] = [...args];
        // log.error(err) logs the error's message as the line's message: scrub it like the error.
        if (a[0] instanceof Error && typeof a[1] !== "string") a.splice(1, 0, a[0].message);
        for (let i = 0; i < a.length; i++) if (typeof a[i] === "string") a[i] = scrubDeep(a[i], 0);
        // pino-http's line for every request: "GET /ping 200 - 1ms". Probes and scrapes every few
        // seconds would drown the log at info.
        const msg = a[1];
        if (levelValue === 30 && typeof msg === "string" && /^GET \/(?:ping|metrics)(?:\?\S*)? 200 /.test(msg)) {
          this.debug(...(a as [object, string]));
          return;
        }
        method.apply(this, a as Parameters<typeof method>);
      },
    },
  };
  // Synchronous writes: nothing is lost when the process exits right after its last line (shutdown).
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** A child logger with `bindings` that redacts like the process logger, whatever the parent does. */
export function redactingChild(parent: Logger, bindings: Record<string, unknown>): Logger {
  return parent.child(bindings, { redact: REDACT, serializers: SERIALIZERS });
}
