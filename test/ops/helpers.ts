import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { BUCKET, BUILD_DIR } from "../../tools/replay/scenario.js";

export const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The JSON lines of a process's output (anything else is returned as `{ raw }`). */
export function jsonLines(output: string[]): Record<string, unknown>[] {
  return output
    .join("")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { raw: l };
      }
    });
}

/** Prometheus text format → "name{labels}" → value. */
export function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const i = line.lastIndexOf(" ");
    values.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return values;
}

export interface SlowProw {
  url: string;
  /** Resolves when the build log was asked for: triage is in flight from then on. */
  requested: Promise<void>;
  close(): Promise<void>;
}

/**
 * The scenario's Prow build (an excerpt of the Cluster API incident's build log), served by a storage stand-in that
 * holds the build log back for `delayMs`: a triage that takes as long as we like. Point the app at it
 * with SKEWBOT_STORAGE_URL and SKEWBOT_GCS_API_URL.
 */
export async function startSlowProw(delayMs: number): Promise<SlowProw> {
  // The lines around the first failure of the incident's build log: enough to find it, quick to scan.
  const lines = readFileSync(root("samples/capi-11833-kind-bringup.log"), "utf8").split("\n");
  const failing = lines.findIndex((l) => l.includes("minCompatibilityVersion version 1.30 is not between"));
  const log = Buffer.from(lines.slice(Math.max(0, failing - 20), failing + 5).join("\n") + "\n");
  const dir = `${BUCKET}/${BUILD_DIR}`;
  let signal!: () => void;
  const requested = new Promise<void>((resolve) => (signal = resolve));
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://slow");
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === `/storage/v1/b/${BUCKET}/o`) {
      const top = url.searchParams.get("prefix") === `${BUILD_DIR}/`;
      return json(200, { kind: "storage#objects", items: top ? [{ name: `${BUILD_DIR}/build-log.txt`, size: String(log.length) }] : [], prefixes: [] });
    }
    if (url.pathname === `/${dir}/finished.json`) return json(200, { timestamp: 1738883600, passed: false, result: "FAILURE" });
    if (url.pathname === `/${dir}/build-log.txt`) {
      signal();
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(log);
      }, delayMs);
      timers.add(timer);
      return;
    }
    json(404, { error: "No such object" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
