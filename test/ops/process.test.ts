import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ciRobotCommentPayload, REPO, PR, startReplay, WEBHOOK_SECRET, type Replay } from "../../tools/replay/scenario.js";
import { jsonLines, parseMetrics } from "./helpers.js";

// Observability of the real process (lib/main.js): /ping, /metrics behind a bearer token, and JSON logs
// that carry the delivery and leak no credential, even at debug level.

const METRICS_TOKEN = "scrape-token-3f9a1c";

describe("the app process: /ping, /metrics and logs", () => {
  let replay: Replay;
  const scrape = async (token: string | null = METRICS_TOKEN) => {
    const res = await fetch(`${replay.appUrl}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
  };

  // Each test stands alone (any order, alone): those that need the delivery triaged ask triaged(), which
  // delivers it once per process.
  let delivered: Promise<Awaited<ReturnType<Replay["settled"]>>> | undefined;
  const triaged = () =>
    (delivered ??= (async () => {
      expect(await replay.deliver("issue_comment", ciRobotCommentPayload(), "metrics-1")).toBe(200);
      return replay.settled();
    })());

  beforeAll(async () => {
    replay = await startReplay({ env: { SKEWBOT_METRICS_TOKEN: METRICS_TOKEN, LOG_LEVEL: "debug" } });
  }, 30_000);
  afterAll(async () => {
    await replay?.stop();
  });

  it("answers /ping for liveness", async () => {
    const res = await fetch(`${replay.appUrl}/ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("PONG");
  });

  it("serves /metrics only with the bearer token", async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape("wrong")).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parseMetrics(ok.text);
    // Series exist from the start (zero until something happens), whether or not a triage ran yet.
    expect(m.get('skewbot_triages_total{outcome="created"}')).toEqual(expect.any(Number));
    expect(m.get("skewbot_queue_depth")).toEqual(expect.any(Number));
    expect(m.has("process_resident_memory_bytes")).toBe(true);
  });

  it("moves the counters when a delivery is triaged", async () => {
    const { comments } = await triaged();
    expect(comments).toHaveLength(1);
    const m = parseMetrics((await scrape()).text);
    expect(m.get('skewbot_webhook_deliveries_total{event="issue_comment",action="created"}')).toBe(1);
    expect(m.get('skewbot_triage_requests_total{result="queued"}')).toBe(1);
    expect(m.get('skewbot_triages_total{outcome="created"}')).toBe(1);
    expect(m.get('skewbot_findings_total{signature="k8s-compat-mincompat-out-of-range",kind="cause"}')).toBe(1);
    expect(m.get("skewbot_log_bytes_fetched_total")).toBeGreaterThan(700_000);
    expect(m.get('skewbot_log_fetch_errors_total{stage="read"}')).toBe(0);
    expect(m.get('skewbot_triage_duration_seconds_count{outcome="created"}')).toBe(1);
    expect(m.get('skewbot_triage_duration_seconds_sum{outcome="created"}')).toBeGreaterThan(0);
    expect(m.get("skewbot_queue_depth")).toBe(0);
  }, 30_000);

  it("logs JSON lines with delivery, event, repository, thread and duration, and no credentials", async () => {
    await triaged();
    // A scrape and a probe, so that their log lines are there to check.
    await scrape();
    await fetch(`${replay.appUrl}/ping`);
    const output = replay.output.join("");
    const lines = jsonLines(replay.output);
    expect(lines.filter((l) => "raw" in l)).toEqual([]);
    const done = lines.find((l) => l["msg"] === "triage done");
    expect(done).toMatchObject({
      delivery: "metrics-1",
      event: "issue_comment",
      repository: REPO,
      thread: `${REPO}#${PR}`,
      comment: "created",
      durationMs: expect.any(Number),
    });
    // The webhook request line: the delivery id is the request id, the signature is redacted.
    const request = lines.find((l) => (l["req"] as { id?: string } | undefined)?.id === "metrics-1");
    expect((request!["req"] as { headers: Record<string, string> }).headers["x-hub-signature-256"]).toBe("[REDACTED]");
    // Scrapes and probes are logged at debug, not info.
    expect(lines.filter((l) => String(l["msg"]).startsWith("GET /ping 200")).every((l) => l["level"] === 20)).toBe(true);
    expect(lines.filter((l) => String(l["msg"]).startsWith("GET /metrics 200")).every((l) => l["level"] === 20)).toBe(true);

    expect(output).not.toContain("PRIVATE KEY");
    expect(output).not.toContain(WEBHOOK_SECRET);
    expect(output).not.toContain("ghs_fake_installation_");
    expect(output).not.toContain(METRICS_TOKEN);
  });
});
