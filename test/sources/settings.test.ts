import { describe, expect, it } from "vitest";
import { defaultSourceSettings, sourceSettingsFromEnv } from "../../src/sources/index.js";
import { hostMatches, isOriginAllowed } from "../../src/sources/settings.js";

describe("sourceSettingsFromEnv", () => {
  it("gives the public defaults for an empty environment", () => {
    const s = sourceSettingsFromEnv({});
    expect(s.githubApiUrl).toBe("https://api.github.com");
    expect(s.githubUrl).toBe("https://github.com");
    expect(s.storageUrl).toBe("https://storage.googleapis.com");
    expect(s.allowHttp).toBe(false);
    expect(s.allowPrivateAddresses).toBe(false);
    expect(s.maxLogBytes).toBe(200 * 1024 * 1024);
    expect(s.githubToken).toBeUndefined();
    expect(s.prowDeployments.map((d) => d.url)).toEqual(["https://prow.k8s.io", "https://prow.ci.openshift.org"]);
  });

  it("reads GITHUB_TOKEN, sizes, durations and counts", () => {
    const s = sourceSettingsFromEnv({
      GITHUB_TOKEN: "ghp_x",
      SKEWBOT_MAX_LOG_BYTES: "50MB",
      SKEWBOT_MAX_TRIAGE_BYTES: "2g",
      SKEWBOT_REQUEST_TIMEOUT: "5s",
      SKEWBOT_IDLE_TIMEOUT: "250ms",
      SKEWBOT_STREAM_TIMEOUT: "2m",
      SKEWBOT_RETRIES: "1",
      SKEWBOT_MAX_ARTIFACT_LOGS: "10",
      SKEWBOT_MAX_JOBS: "3",
    });
    expect(s.githubToken).toBe("ghp_x");
    expect(s.maxLogBytes).toBe(50 * 1024 * 1024);
    expect(s.maxTriageBytes).toBe(2 * 1024 ** 3);
    expect(s.requestTimeoutMs).toBe(5000);
    expect(s.idleTimeoutMs).toBe(250);
    expect(s.streamTimeoutMs).toBe(120_000);
    expect([s.maxRetries, s.maxArtifactLogs, s.maxJobs]).toEqual([1, 10, 3]);
  });

  it("derives the web URL of GitHub Enterprise from its API URL and trusts configured endpoints", () => {
    const s = sourceSettingsFromEnv({
      SKEWBOT_GITHUB_API_URL: "http://ghe.internal:8080/api/v3/",
      SKEWBOT_STORAGE_URL: "http://127.0.0.1:9000",
      SKEWBOT_GCS_API_URL: "http://127.0.0.1:9000",
    });
    expect(s.githubApiUrl).toBe("http://ghe.internal:8080/api/v3");
    expect(s.githubUrl).toBe("http://ghe.internal:8080");
    expect(s.allowHttp).toEqual(["ghe.internal:8080", "127.0.0.1:9000"]);
    expect(s.allowPrivateAddresses).toEqual(["ghe.internal:8080", "127.0.0.1:9000"]);
    expect(isOriginAllowed(new URL("http://ghe.internal:8080/api/v3/x"), s)).toBe(true);
    // The endpoint's origin, not its host: no other port, no other scheme.
    expect(isOriginAllowed(new URL("http://ghe.internal:8081/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("https://ghe.internal:8080/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("http://127.0.0.1:9001/x"), s)).toBe(false);
  });

  it("adds hosts, flags and Prow deployments", () => {
    const s = sourceSettingsFromEnv({
      SKEWBOT_ALLOWED_HOSTS: "logs.example.com, *.ci.example.org",
      SKEWBOT_ALLOW_HTTP: "true",
      SKEWBOT_ALLOW_PRIVATE_ADDRESSES: "logs.example.com",
      SKEWBOT_PROW_DEPLOYMENTS: "https://prow.example.com=bucket-a|bucket-b,https://prow.other.org",
    });
    expect(isOriginAllowed(new URL("https://logs.example.com/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://a.ci.example.org/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://storage.googleapis.com/x"), s)).toBe(true);
    expect(s.allowHttp).toBe(true);
    expect(s.allowPrivateAddresses).toEqual(["logs.example.com"]);
    expect(s.prowDeployments).toEqual([
      { url: "https://prow.example.com", buckets: ["bucket-a", "bucket-b"] },
      { url: "https://prow.other.org", buckets: [] },
    ]);
  });

  it.each([
    ["SKEWBOT_MAX_LOG_BYTES", "lots", /SKEWBOT_MAX_LOG_BYTES: expected a size/],
    ["SKEWBOT_REQUEST_TIMEOUT", "soon", /SKEWBOT_REQUEST_TIMEOUT: expected a duration/],
    ["SKEWBOT_RETRIES", "-1", /SKEWBOT_RETRIES: expected a whole number/],
    ["SKEWBOT_GITHUB_API_URL", "not a url", /SKEWBOT_GITHUB_API_URL: not a URL/],
    ["SKEWBOT_STORAGE_URL", "file:///tmp", /SKEWBOT_STORAGE_URL: must be an http\(s\) URL/],
  ])("rejects %s=%s with a message naming the variable", (name, value, message) => {
    expect(() => sourceSettingsFromEnv({ [name]: value })).toThrow(message);
  });
});

describe("host patterns", () => {
  it("matches exact names, subdomain wildcards and in-label wildcards", () => {
    expect(hostMatches("api.github.com", ["api.github.com"])).toBe(true);
    expect(hostMatches("pipelines.actions.githubusercontent.com", ["*.actions.githubusercontent.com"])).toBe(true);
    expect(hostMatches("actions.githubusercontent.com", ["*.actions.githubusercontent.com"])).toBe(false);
    expect(hostMatches("productionresultssa12.blob.core.windows.net", ["productionresultssa*.blob.core.windows.net"])).toBe(true);
    expect(hostMatches("evil.blob.core.windows.net", ["productionresultssa*.blob.core.windows.net"])).toBe(false);
    expect(hostMatches("api.github.com.evil.com", ["api.github.com"])).toBe(false);
    expect(hostMatches("xapi.github.com", ["api.github.com"])).toBe(false);
  });

  it("allows the default hosts and nothing else", () => {
    const s = defaultSourceSettings();
    expect(isOriginAllowed(new URL("https://storage.googleapis.com/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://example.com/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("https://169.254.169.254/x"), s)).toBe(false);
  });

  it("reads an entry without a port as port 443, and host:port as that port only", () => {
    const s = defaultSourceSettings({ allowedHosts: ["logs.example.com", "ci.example.org:8443", "[::1]:9000", "*.blob.example.net"] });
    expect(isOriginAllowed(new URL("https://logs.example.com/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://logs.example.com:443/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://logs.example.com:8443/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("http://logs.example.com/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("https://ci.example.org:8443/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://ci.example.org/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("http://[::1]:9000/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("http://[::1]:9001/x"), s)).toBe(false);
    expect(isOriginAllowed(new URL("https://a.blob.example.net/x"), s)).toBe(true);
    expect(isOriginAllowed(new URL("https://a.blob.example.net:444/x"), s)).toBe(false);
  });
});
