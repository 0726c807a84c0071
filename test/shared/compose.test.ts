import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sharedModeFromEnv } from "../../src/shared.js";
import { root } from "../ops/helpers.js";

// compose.yaml is the documented example of shared mode. No Docker engine runs here, so this checks what
// can be checked without one: that it parses, that every setting it uses is documented in README.md (and
// the other way round for shared mode's own), that skewbot accepts its values, and that the pieces fit
// (replicas, proxy target, Redis policy, grace period, secret path).

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
  deploy?: { replicas?: number };
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(root("compose.yaml"), "utf8")) as { services: Record<string, Service>; secrets: Record<string, { file: string }> };
const readme = readFileSync(root("README.md"), "utf8");
const section = (heading: string) => {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README.md has "${heading}"`).toBeGreaterThan(-1);
  const next = readme.indexOf("\n### ", start + heading.length + 2);
  return readme.slice(start, next === -1 ? undefined : next);
};
/** The variables named in the first column of a section's tables. */
const tableVariables = (text: string) => new Set([...text.matchAll(/^\| `([A-Z][A-Z0-9_]+)`(?: or `([A-Z][A-Z0-9_]+)`)?/gm)].flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])]));

const scaling = section("### 7. Scaling out");
const documented = new Set([...tableVariables(section("### 2. Environment")), ...tableVariables(scaling)]);
const app = compose.services["app"]!;
const env = app.environment ?? {};

describe("compose.yaml, the shared-mode example", () => {
  it("runs three replicas of the image with shared mode on", () => {
    expect(app.build).toBe(".");
    expect(app.deploy?.replicas).toBe(3);
    expect(env["REDIS_URL"]).toBeDefined();
  });

  it("uses only documented settings, and every shared-mode setting of README's table", () => {
    for (const name of Object.keys(env)) expect(documented, `${name} is documented in README.md`).toContain(name);
    for (const name of tableVariables(scaling)) expect(Object.keys(env), `compose.yaml sets ${name}`).toContain(name);
  });

  it("holds values that skewbot accepts, and the defaults README gives", () => {
    const mode = sharedModeFromEnv(env);
    expect(mode).toBeDefined();
    for (const row of scaling.matchAll(/^\| `(SKEWBOT_[A-Z_]+)` \| `([^`]+)` \|/gm)) {
      expect(env[row[1]!], `compose.yaml's ${row[1]} is README's default`).toBe(row[2]);
    }
  });

  it("points REDIS_URL at its Redis, which is kept from evicting and checked before the replicas start", () => {
    const host = new URL(env["REDIS_URL"]!).hostname;
    const redis = compose.services[host];
    expect(redis, `a service named ${host}`).toBeDefined();
    expect(redis!.image).toMatch(/^redis:/);
    expect(redis!.command?.join(" ")).toContain("--maxmemory-policy noeviction");
    expect(redis!.healthcheck?.test).toContain("ping");
    expect(app.depends_on).toMatchObject({ [host]: { condition: "service_healthy" } });
  });

  it("points DATABASE_URL at its PostgreSQL, with the same user, database and password, checked before the replicas start", () => {
    const url = new URL(env["DATABASE_URL"]!.replace("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}", "secret"));
    expect(url.protocol).toBe("postgres:");
    const pg = compose.services[url.hostname];
    expect(pg, `a service named ${url.hostname}`).toBeDefined();
    expect(pg!.image).toMatch(/^postgres:/);
    expect(pg!.environment).toMatchObject({ POSTGRES_USER: url.username, POSTGRES_DB: url.pathname.slice(1) });
    expect(env["DATABASE_URL"]).toContain(pg!.environment!["POSTGRES_PASSWORD"]!);
    expect(pg!.healthcheck?.test).toContain("pg_isready");
    expect(app.depends_on).toMatchObject({ [url.hostname]: { condition: "service_healthy" } });
  });

  it("gives a stopped replica longer than its drain, and reads the private key from the secret", () => {
    const grace = /^(\d+)s$/.exec(app.stop_grace_period ?? "");
    expect(grace).not.toBeNull();
    expect(Number(grace![1]) * 1000).toBeGreaterThan(Number(env["SKEWBOT_DRAIN_TIMEOUT_MS"]) + 2000);
    const [secret] = app.secrets ?? [];
    expect(env["PRIVATE_KEY_PATH"]).toBe(`/run/secrets/${secret}`);
    expect(compose.secrets[secret!]?.file).toBeDefined();
  });

  it("puts a round-robin proxy in front of the replicas' port", () => {
    const port = /^ENV[\s\S]*?\bPORT=(\d+)/m.exec(readFileSync(root("Dockerfile"), "utf8"))?.[1];
    expect(port).toBe("3000");
    const proxy = compose.services["proxy"]!;
    expect(proxy.command?.join(" ")).toContain(`--to app:${port}`);
    expect(proxy.ports).toEqual([`${port}:${port}`]);
    // Only the proxy publishes a port: three replicas cannot share one host port.
    expect(app.ports).toBeUndefined();
  });
});
