import { gzipSync } from "node:zlib";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SourceSettings } from "../../src/sources/index.js";
import { resolveLogRef } from "../../src/sources/index.js";
import { readSource, testSettings , resolveRef } from "./helpers.js";

const resolve = (input: string, s: SourceSettings = testSettings()) => resolveRef(input, s);

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("plain URL", () => {
  it("streams a text log from an allowed host, named after its file", async () => {
    nock("https://raw.githubusercontent.com").get("/o/r/main/ci/e2e.log").reply(200, "line one\nline two\n");
    const resolved = await resolve("https://raw.githubusercontent.com/o/r/main/ci/e2e.log");
    expect(resolved).toMatchObject({ title: "https://raw.githubusercontent.com/o/r/main/ci/e2e.log", problems: [], hints: [] });
    expect(resolved.sources.map((s) => [s.name, s.url])).toEqual([["e2e.log", "https://raw.githubusercontent.com/o/r/main/ci/e2e.log"]]);
    expect(resolved.sources[0]?.lineLink).toBeUndefined();
    expect(await readSource(resolved.sources[0]!)).toBe("line one\nline two\n");
  });

  it("decompresses a .gz log", async () => {
    nock("https://raw.githubusercontent.com").get("/o/r/main/kubelet.log.gz").reply(200, gzipSync("kubelet\n"));
    const resolved = await resolve("https://raw.githubusercontent.com/o/r/main/kubelet.log.gz");
    expect(await readSource(resolved.sources[0]!)).toBe("kubelet\n");
  });

  it("refuses a host that is not allowed before offering a source", async () => {
    const resolved = await resolve("https://example.com/ci/output.log");
    expect(resolved.sources).toEqual([]);
    expect(resolved.problems).toEqual(["refused https://example.com/ci/output.log: example.com is not an allowed host (SKEWBOT_ALLOWED_HOSTS)"]);
  });

  it("refuses plain http unless allowed", async () => {
    const resolved = await resolve("http://raw.githubusercontent.com/o/r/main/x.log");
    expect(resolved.problems).toEqual([
      "refused http://raw.githubusercontent.com/o/r/main/x.log: plain http is not allowed for raw.githubusercontent.com (SKEWBOT_ALLOW_HTTP)",
    ]);
  });

  it("keeps signed query strings out of the title and links", async () => {
    const s = testSettings({ allowedHosts: ["logs.example.com"] });
    const resolved = await resolve("https://logs.example.com/run/1/log.txt?X-Goog-Signature=abc123&X-Goog-Credential=me", s);
    expect(resolved.title).toBe("https://logs.example.com/run/1/log.txt");
    expect(resolved.sources[0]?.url).toBe("https://logs.example.com/run/1/log.txt");
    nock("https://logs.example.com").get("/run/1/log.txt").query({ "X-Goog-Signature": "abc123", "X-Goog-Credential": "me" }).reply(200, "ok");
    expect(await readSource(resolved.sources[0]!)).toBe("ok");
  });

  it("turns a refusal at fetch time (private address) into an error when the source is opened", async () => {
    const s = testSettings({ allowedHosts: ["logs.example.com"] }, { "logs.example.com": "fd00::5" });
    const resolved = await resolve("https://logs.example.com/x.log", s);
    await expect(resolved.sources[0]!.open()).rejects.toThrow("refused logs.example.com: it resolves to fd00::5, a private address");
  });

  it("never rejects: an unusable reference becomes a problem line", async () => {
    const resolved = await resolveLogRef({ kind: "url", input: "bogus", url: "bogus" }, testSettings());
    expect(resolved.sources).toEqual([]);
    expect(resolved.problems).toEqual(["cannot resolve bogus: Invalid URL"]);
  });
});
