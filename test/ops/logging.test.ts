import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createLogger, logsJson, redactingChild, REDACTED, scrub } from "../../src/logging.js";

// The process logger: Probot's JSON log options, plus redaction of credentials by key and inside error
// text. What reaches it: Probot's HTTP access log (pino-http), its webhook error reports (with the whole
// event), Octokit's errors, and skewbot's own lines.

function capture(env: NodeJS.ProcessEnv = { LOG_FORMAT: "json" }) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const log = createLogger(env, {
    write: (line: string) => {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  if (!log) throw new Error("expected a JSON logger");
  return { log, lines, raw };
}

const PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
const TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

describe("createLogger", () => {
  it("builds the JSON logger when Probot would log JSON, and leaves pretty logs and Sentry to Probot", () => {
    expect(logsJson({ LOG_FORMAT: "json" })).toBe(true);
    expect(logsJson({ NODE_ENV: "production" })).toBe(true);
    expect(logsJson({ NODE_ENV: "production", LOG_FORMAT: "pretty" })).toBe(false);
    expect(logsJson({})).toBe(false);
    expect(createLogger({})).toBeUndefined();
    expect(createLogger({ LOG_FORMAT: "pretty" })).toBeUndefined();
    expect(createLogger({ LOG_FORMAT: "json", SENTRY_DSN: "https://k@sentry.example/1" })).toBeUndefined();
  });

  it("honours LOG_LEVEL, LOG_LEVEL_IN_STRING and LOG_MESSAGE_KEY, and refuses an unknown level", () => {
    const { log, lines } = capture({ LOG_FORMAT: "json", LOG_LEVEL: "warn", LOG_LEVEL_IN_STRING: "true", LOG_MESSAGE_KEY: "message" });
    log.info("hidden");
    log.warn("shown");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "warn", message: "shown" });
    expect(typeof lines[0]!["time"]).toBe("string");
    expect(() => createLogger({ LOG_FORMAT: "json", LOG_LEVEL: "verbose" } as Record<string, string>)).toThrow(/LOG_LEVEL=verbose/);
  });

  it("redacts credentials by key: tokens, private keys, webhook secrets, authorization headers", () => {
    const { log, lines, raw } = capture();
    log.info({ token: TOKEN, privateKey: PEM, secret: "whsec", settings: { githubToken: TOKEN }, auth: { type: "installation", token: TOKEN } }, "keys");
    log.info({ req: { method: "POST", url: "/api/github/webhooks", headers: { authorization: `Bearer ${TOKEN}`, "x-hub-signature-256": "sha256=abc", cookie: "s=1" } } }, "request");
    log.info({ env: { PRIVATE_KEY: PEM, WEBHOOK_SECRET: "whsec", APP_ID: "1" } }, "env");
    expect(lines[0]).toMatchObject({ token: REDACTED, privateKey: REDACTED, secret: REDACTED, settings: { githubToken: REDACTED }, auth: { type: "installation", token: REDACTED } });
    expect((lines[1]!["req"] as { headers: Record<string, string> }).headers).toMatchObject({ authorization: REDACTED, "x-hub-signature-256": REDACTED, cookie: REDACTED });
    expect(lines[2]!["env"]).toEqual({ PRIVATE_KEY: REDACTED, WEBHOOK_SECRET: REDACTED, APP_ID: "1" });
    expect(raw.join("")).not.toContain(TOKEN);
    expect(raw.join("")).not.toContain("BEGIN PRIVATE KEY-----\nMII");
  });

  it("redacts what an error carries: request headers, the webhook payload Probot attaches, credentials quoted in its text", () => {
    const { log, lines, raw } = capture();
    const err = Object.assign(new Error(`request failed: {"authorization": "token ${TOKEN}"} at https://ci:hunter2@logs.example.com/x`), {
      status: 500,
      request: { method: "GET", url: "https://api.github.com/x", headers: { authorization: `token ${TOKEN}` } },
      event: { id: "delivery-1", name: "issue_comment", payload: { comment: { body: `/triage https://x/?token=${TOKEN}` } } },
    });
    log.child({ name: "event", id: "delivery-1" }).error(err);
    const logged = lines[0]!["err"] as Record<string, unknown>;
    expect((logged["request"] as { headers: Record<string, string> }).headers.authorization).toBe(REDACTED);
    expect(logged["event"]).toEqual({ id: "delivery-1", name: "issue_comment", payload: REDACTED });
    expect(logged["message"]).toContain(`"authorization": "token ${REDACTED}"`);
    expect(logged["message"]).toContain(`https://ci:${REDACTED}@logs.example.com/x`);
    expect(raw.join("")).not.toContain(TOKEN);
    expect(raw.join("")).not.toContain("hunter2");
  });

  it("keeps string bindings whose name is also a redacted path", () => {
    const { log, lines } = capture();
    log.child({ event: "issue_comment", delivery: "d-1" }).info("triage done");
    expect(lines[0]).toMatchObject({ event: "issue_comment", delivery: "d-1", msg: "triage done" });
  });

  it("logs successful health checks and metric scrapes at debug, everything else as it was", () => {
    const info = capture();
    const http = info.log.child({ name: "http" });
    http.info({ res: { statusCode: 200 } }, "GET /ping 200 - 1ms");
    http.info({ res: { statusCode: 200 } }, "GET /metrics 200 - 3ms");
    http.info({ res: { statusCode: 401 } }, "GET /metrics 401 - 1ms");
    http.info({ res: { statusCode: 200 } }, "POST /api/github/webhooks 200 - 12ms");
    expect(info.lines.map((l) => l["msg"])).toEqual(["GET /metrics 401 - 1ms", "POST /api/github/webhooks 200 - 12ms"]);

    const debug = capture({ LOG_FORMAT: "json", LOG_LEVEL: "debug" });
    debug.log.child({ name: "http" }).info({}, "GET /ping 200 - 1ms");
    expect(debug.lines).toEqual([expect.objectContaining({ level: 20, msg: "GET /ping 200 - 1ms" })]);
  });
});

describe("redactingChild", () => {
  it("redacts skewbot's own lines under a parent that does not (Probot's pretty logger)", () => {
    const lines: Record<string, unknown>[] = [];
    const parent = pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
    const child = redactingChild(parent, { delivery: "d-1", thread: "o/r#1" });
    child.info({ settings: { githubToken: TOKEN }, headers: { authorization: `token ${TOKEN}` } }, "x");
    child.error({ err: new Error(`GET https://api.github.com failed with authorization: token ${TOKEN}`) }, "failed");
    expect(lines[0]).toMatchObject({ delivery: "d-1", thread: "o/r#1", settings: { githubToken: REDACTED }, headers: { authorization: REDACTED } });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});

describe("scrub", () => {
  it("removes credentials from free text and leaves the rest", () => {
    expect(scrub(`{"authorization":"token ${TOKEN}","accept":"json"}`)).toBe(`{"authorization":"token ${REDACTED}","accept":"json"}`);
    expect(scrub(`Bearer ${TOKEN}`)).not.toContain(TOKEN);
    expect(scrub("GET /repos/o/r/issues/1/comments - 403 Resource not accessible by integration")).toBe("GET /repos/o/r/issues/1/comments - 403 Resource not accessible by integration");
  });
});
