import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ByteBudget, checkTarget, httpRequest, openStream, safeFetch } from "../../src/sources/http.js";
import { readAll, readUntilError, testSettings } from "./helpers.js";

const GCS = "https://storage.googleapis.com";
const API = "https://api.github.com";

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

// nock 14 only delivers Error instances; a plain { code } object never reaches the request.
function resetError(): Error {
  return Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected a rejection");
}

describe("allowed hosts and schemes", () => {
  it("refuses a host that is not allowed, without sending anything", async () => {
    const scope = nock("https://example.com").get("/log.txt").reply(200, "x");
    const message = await errorOf(openStream("https://example.com/log.txt", testSettings(), { label: "log.txt" }));
    expect(message).toBe("refused https://example.com/log.txt: example.com is not an allowed host (SKEWBOT_ALLOWED_HOSTS)");
    expect(scope.isDone()).toBe(false);
  });

  it("fetches a host added to the allowlist", async () => {
    nock("https://logs.example.com").get("/log.txt").reply(200, "hello\n");
    const settings = testSettings({ allowedHosts: ["logs.example.com"] });
    expect(await readAll(await openStream("https://logs.example.com/log.txt", settings, { label: "log.txt" }))).toBe("hello\n");
  });

  it("refuses plain http unless allowed for the host", async () => {
    const scope = nock("http://storage.googleapis.com").get("/b/x").reply(200, "plain");
    const message = await errorOf(openStream("http://storage.googleapis.com/b/x", testSettings(), { label: "x" }));
    expect(message).toMatch(/plain http is not allowed for storage.googleapis.com \(SKEWBOT_ALLOW_HTTP\)/);
    expect(scope.isDone()).toBe(false);
    // Port 80 is its own origin: the allow-list names it, and plain http is allowed for the host.
    const allowed = testSettings({ allowedHosts: ["storage.googleapis.com:80"], allowHttp: ["storage.googleapis.com"] });
    expect(await readAll(await openStream("http://storage.googleapis.com/b/x", allowed, { label: "x" }))).toBe("plain");
  });

  it.each([
    ["file:///etc/passwd", /refused a file: URL: only https URLs are fetched/],
    ["ftp://storage.googleapis.com/x", /refused a ftp: URL/],
    ["https://user:pw@storage.googleapis.com/x", /URLs with credentials are not fetched/],
    ["not a url", /not a valid URL/],
  ])("refuses %s", async (url, reason) => {
    expect(await errorOf(httpRequest(url, testSettings(), { label: "x" }))).toMatch(reason);
  });
});

describe("private, loopback and link-local addresses", () => {
  it("refuses a host that resolves to a private address, before connecting", async () => {
    const scope = nock("https://logs.example.com").get("/log.txt").reply(200, "secret");
    const settings = testSettings({ allowedHosts: ["logs.example.com"] }, { "logs.example.com": "10.0.0.1" });
    const message = await errorOf(openStream("https://logs.example.com/log.txt", settings, { label: "log.txt" }));
    expect(message).toBe("refused logs.example.com: it resolves to 10.0.0.1, a private address (SKEWBOT_ALLOW_PRIVATE_ADDRESSES)");
    expect(scope.isDone()).toBe(false);
  });

  it("refuses a host when any of its addresses is not public", async () => {
    const settings = testSettings({}, { "storage.googleapis.com": ["142.250.1.1", "127.0.0.1"] });
    expect(await errorOf(openStream(`${GCS}/b/x`, settings, { label: "x" }))).toMatch(/resolves to 127.0.0.1, a loopback address/);
  });

  it("refuses IPv4-mapped IPv6 answers that point at the metadata service", async () => {
    const settings = testSettings({}, { "storage.googleapis.com": "::ffff:169.254.169.254" });
    expect(await errorOf(openStream(`${GCS}/b/x`, settings, { label: "x" }))).toMatch(/::ffff:169.254.169.254, a link-local address/);
  });

  it("refuses IP literals in private ranges even when the literal is an allowed host", async () => {
    const settings = testSettings({ allowedHosts: ["169.254.169.254:80", "[::1]:80"], allowHttp: true });
    expect(await errorOf(openStream("http://169.254.169.254/latest/meta-data/", settings, { label: "x" }))).toMatch(
      /refused 169.254.169.254: it resolves to 169.254.169.254, a link-local address/,
    );
    expect(await errorOf(openStream("http://[::1]/x", settings, { label: "x" }))).toMatch(/a loopback address/);
  });

  it("connects to a private address only when allowed for that host", async () => {
    nock("https://ghe.internal").get("/log").reply(200, "ok");
    const dns = { "ghe.internal": "10.1.2.3" };
    const refused = testSettings({ allowedHosts: ["ghe.internal"], allowPrivateAddresses: ["other.internal"] }, dns);
    expect(await errorOf(openStream("https://ghe.internal/log", refused, { label: "log" }))).toMatch(/private address/);
    const allowed = testSettings({ allowedHosts: ["ghe.internal"], allowPrivateAddresses: ["ghe.internal"] }, dns);
    expect(await readAll(await openStream("https://ghe.internal/log", allowed, { label: "log" }))).toBe("ok");
  });

  it("reports a name that does not resolve", async () => {
    const settings = testSettings({
      resolve: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
      },
    });
    expect(await errorOf(openStream(`${GCS}/b/x`, settings, { label: "x" }))).toBe("cannot resolve storage.googleapis.com (ENOTFOUND)");
  });

  it("returns the checked address so the connection can be pinned to it", async () => {
    const settings = testSettings({}, { "storage.googleapis.com": ["142.250.1.1", "2607:f8b0::1"] });
    expect(await checkTarget(new URL(`${GCS}/b/x`), settings)).toEqual({ address: "142.250.1.1", family: 4 });
  });
});

describe("redirects", () => {
  it("follows a redirect to an allowed host and re-checks it", async () => {
    nock(GCS).get("/b/old").reply(302, "", { location: "https://storage.googleapis.com/b/new" });
    nock(GCS).get("/b/new").reply(200, "moved");
    expect(await readAll(await openStream(`${GCS}/b/old`, testSettings(), { label: "x" }))).toBe("moved");
  });

  it("sends the token to the GitHub API only, and never forwards it on a redirect", async () => {
    const api = nock(API, { reqheaders: { authorization: "token ghp_secret" } })
      .get("/repos/o/r/actions/jobs/1/logs")
      .reply(302, "", { location: "https://pipelines.actions.githubusercontent.com/log?sig=abc" });
    const logs = nock("https://pipelines.actions.githubusercontent.com", { badheaders: ["authorization"] })
      .get("/log")
      .query(true)
      .reply(200, "log text");
    const body = await openStream(`${API}/repos/o/r/actions/jobs/1/logs`, testSettings(), {
      label: "job log",
      authorization: "token ghp_secret",
    });
    expect(await readAll(body)).toBe("log text");
    expect(api.isDone() && logs.isDone()).toBe(true);
  });

  it("does not send the token to hosts other than the GitHub API", async () => {
    const scope = nock(GCS, { badheaders: ["authorization"] }).get("/b/x").reply(200, "ok");
    await readAll(await openStream(`${GCS}/b/x`, testSettings(), { label: "x", authorization: "token ghp_secret" }));
    expect(scope.isDone()).toBe(true);
  });

  it("refuses a redirect to a host that is not allowed", async () => {
    nock(GCS).get("/b/x").reply(302, "", { location: "https://evil.example.net/steal" });
    const target = nock("https://evil.example.net").get("/steal").reply(200, "");
    expect(await errorOf(openStream(`${GCS}/b/x`, testSettings(), { label: "x" }))).toMatch(
      /refused https:\/\/evil.example.net\/steal: evil.example.net is not an allowed host/,
    );
    expect(target.isDone()).toBe(false);
  });

  it("refuses a redirect to a host that resolves to a private address", async () => {
    nock(GCS).get("/b/x").reply(307, "", { location: "https://raw.githubusercontent.com/x" });
    const settings = testSettings({}, { "raw.githubusercontent.com": "192.168.0.10" });
    expect(await errorOf(openStream(`${GCS}/b/x`, settings, { label: "x" }))).toMatch(
      /refused raw.githubusercontent.com: it resolves to 192.168.0.10, a private address/,
    );
  });

  it("refuses redirects to other schemes and to plain http", async () => {
    nock(GCS).get("/b/file").reply(302, "", { location: "file:///etc/passwd" });
    nock(GCS).get("/b/http").reply(301, "", { location: "http://storage.googleapis.com/b/x" });
    expect(await errorOf(openStream(`${GCS}/b/file`, testSettings(), { label: "x" }))).toMatch(/refused a file: URL/);
    expect(await errorOf(openStream(`${GCS}/b/http`, testSettings(), { label: "x" }))).toMatch(/plain http is not allowed/);
  });

  it("stops after too many redirects", async () => {
    nock(GCS).get(/\/b\/loop\d+/).times(10).reply((uri) => [302, "", { location: `${uri}0` }]);
    expect(await errorOf(openStream(`${GCS}/b/loop1`, testSettings({ maxRedirects: 5 }), { label: "x" }))).toBe(
      "x: too many redirects (more than 5)",
    );
  });

  it("hands the redirect to the caller in manual mode", async () => {
    nock(API).get("/x").reply(302, "", { location: "/y?sig=1" });
    const res = await httpRequest(`${API}/x`, testSettings(), { label: "x", redirect: "manual" });
    res.discard();
    expect(res.status).toBe(302);
    expect(res.location).toBe("https://api.github.com/y?sig=1");
  });
});

describe("retries", () => {
  it("retries 5xx and succeeds", async () => {
    nock(GCS).get("/b/x").times(2).reply(503, "busy");
    nock(GCS).get("/b/x").reply(200, "finally");
    expect(await readAll(await openStream(`${GCS}/b/x`, testSettings(), { label: "x" }))).toBe("finally");
  });

  it("gives up after the retry limit with a clear line", async () => {
    nock(GCS).get("/b/x").times(4).reply(502, "bad gateway");
    expect(await errorOf(openStream(`${GCS}/b/x`, testSettings({ maxRetries: 3 }), { label: "build-log.txt" }))).toBe(
      "build-log.txt: server error (502) after 3 retries",
    );
  });

  it("honours a short Retry-After on 429", async () => {
    nock(GCS).get("/b/x").reply(429, "", { "retry-after": "0" });
    nock(GCS).get("/b/x").reply(200, "ok");
    expect(await readAll(await openStream(`${GCS}/b/x`, testSettings(), { label: "x" }))).toBe("ok");
  });

  it("does not wait for a long Retry-After", async () => {
    nock(GCS).get("/b/x").reply(429, "", { "retry-after": "3600" });
    const started = Date.now();
    expect(await errorOf(openStream(`${GCS}/b/x`, testSettings(), { label: "x" }))).toBe("x: rate limited (429), retry after 60 min");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("retries connection resets before the body starts", async () => {
    nock(GCS).get("/b/x").replyWithError(resetError());
    nock(GCS).get("/b/x").reply(200, "after reset");
    expect(await readAll(await openStream(`${GCS}/b/x`, testSettings(), { label: "x" }))).toBe("after reset");
  });

  it("reports persistent connection resets", async () => {
    nock(GCS).get("/b/x").times(3).replyWithError(resetError());
    expect(await errorOf(openStream(`${GCS}/b/x`, testSettings({ maxRetries: 2 }), { label: "x" }))).toBe(
      "x: connection to storage.googleapis.com reset (after 2 retries)",
    );
  });

  it("does not retry 404 and 403", async () => {
    nock(GCS).get("/b/missing").once().reply(404, "");
    nock(GCS).get("/b/private").once().reply(403, "");
    expect(await errorOf(openStream(`${GCS}/b/missing`, testSettings(), { label: "build-log.txt" }))).toBe("build-log.txt not found (404)");
    expect(await errorOf(openStream(`${GCS}/b/private`, testSettings(), { label: "prowjob.json" }))).toBe("prowjob.json: access denied (403)");
  });
});

describe("bodies: encodings and caps", () => {
  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const)("decodes %s", async (encoding, compress) => {
    nock(GCS).get("/b/x").reply(200, compress(Buffer.from("line 1\nline 2\n")), { "content-encoding": encoding });
    expect(await readAll(await openStream(`${GCS}/b/x`, testSettings(), { label: "x" }))).toBe("line 1\nline 2\n");
  });

  it("decompresses a stored .gz object when asked", async () => {
    nock(GCS).get("/b/kubelet.log.gz").reply(200, gzipSync(Buffer.from("kubelet says hi\n")), { "content-type": "application/octet-stream" });
    const body = await openStream(`${GCS}/b/kubelet.log.gz`, testSettings(), { label: "kubelet.log.gz", gunzip: true });
    expect(await readAll(body)).toBe("kubelet says hi\n");
  });

  it("applies the cap to decoded bytes (gzip bomb)", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    nock(GCS).get("/b/bomb").reply(200, bomb, { "content-encoding": "gzip" });
    const result = await readUntilError(await openStream(`${GCS}/b/bomb`, testSettings(), { label: "bomb.txt", maxBytes: 1024 * 1024 }));
    expect(result.bytes).toBe(1024 * 1024);
    expect(result.error).toBe("bomb.txt: stopped after 1 MB (byte cap): partial scan");
  });

  it("stops a plain body at the cap and keeps what came before", async () => {
    nock(GCS).get("/b/big").reply(200, "0123456789".repeat(1000));
    const result = await readUntilError(await openStream(`${GCS}/b/big`, testSettings(), { label: "build-log.txt", maxBytes: 2048 }));
    expect(result.bytes).toBe(2048);
    expect(result.text).toBe("0123456789".repeat(1000).slice(0, 2048));
    expect(result.error).toBe("build-log.txt: stopped after 2 KB (byte cap): partial scan");
  });

  it("shares one byte budget between the logs of a job", async () => {
    nock(GCS).get("/b/a").reply(200, "a".repeat(3000));
    nock(GCS).get("/b/b").reply(200, "b".repeat(3000));
    const budget = new ByteBudget(4000);
    const settings = testSettings();
    const first = await readUntilError(await openStream(`${GCS}/b/a`, settings, { label: "a.log", budget }));
    expect(first).toEqual({ text: "a".repeat(3000), bytes: 3000 });
    const second = await readUntilError(await openStream(`${GCS}/b/b`, settings, { label: "b.log", budget }));
    expect(second.bytes).toBe(1000);
    expect(second.error).toBe("b.log: stopped after 1000 B: the 3.9 KB byte budget for this job is used up: partial scan");
    expect(await errorOf(openStream(`${GCS}/b/c`, settings, { label: "c.log", budget }))).toBe(
      "c.log: not read: the 3.9 KB byte budget for this job is used up",
    );
  });

  it("reports corrupt compressed data as a partial scan", async () => {
    nock(GCS).get("/b/x").reply(200, Buffer.from("definitely not gzip"), { "content-encoding": "gzip" });
    const result = await readUntilError(await openStream(`${GCS}/b/x`, testSettings(), { label: "x.log" }));
    expect(result.error).toBe("x.log: corrupt compressed data after 0 B: partial scan");
  });

  it("refuses an unknown content encoding", async () => {
    nock(GCS).get("/b/x").reply(200, "zzz", { "content-encoding": "zstd" });
    const result = await readUntilError(await openStream(`${GCS}/b/x`, testSettings(), { label: "x.log" }));
    expect(result.error).toBe('x.log: unsupported content-encoding "zstd"');
  });
});

describe("safeFetch (the fetch given to Octokit)", () => {
  it("reads API bodies, strips decoded-body headers and keeps status", async () => {
    nock(API).get("/repos/o/r").reply(200, gzipSync(Buffer.from('{"ok":true}')), {
      "content-encoding": "gzip",
      "content-type": "application/json",
    });
    const res = await safeFetch(testSettings())(`${API}/repos/o/r`, { headers: { authorization: "token t" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
  });

  it("passes a manual redirect through with its absolute location", async () => {
    nock(API).get("/repos/o/r/actions/jobs/9/logs").reply(302, "", { location: "https://pipelines.actions.githubusercontent.com/l?sig=x" });
    const res = await safeFetch(testSettings())(`${API}/repos/o/r/actions/jobs/9/logs`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://pipelines.actions.githubusercontent.com/l?sig=x");
  });
});
