import { createReadStream } from "node:fs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { LogSource } from "../../src/model.js";

export const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

/** A log held in memory, as the pipeline sees any other log. */
export function textSource(name: string, text: string | Buffer, chunkSize = 64 * 1024): LogSource {
  const buf = typeof text === "string" ? Buffer.from(text) : text;
  return {
    name,
    open: async () =>
      (async function* () {
        for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
      })(),
  };
}

export function fileSource(path: string): LogSource {
  return { name: basename(path), open: async () => createReadStream(path) };
}

/** A fixture file: `# key: value` header lines, `---`, then the log exactly as it would arrive. */
export interface Fixture {
  path: string;
  name: string;
  header: Map<string, string[]>;
  log: Buffer;
}

export function readFixture(path: string): Fixture {
  const raw = readFileSync(path);
  const sep = raw.indexOf("\n---\n");
  const headerText = raw.subarray(0, sep === -1 ? 0 : sep).toString("utf8");
  const header = new Map<string, string[]>();
  for (const line of headerText.split("\n")) {
    const m = /^#\s*([\w-]+):\s?(.*)$/.exec(line.replace(/\r$/, ""));
    if (!m) continue;
    header.set(m[1]!, [...(header.get(m[1]!) ?? []), m[2]!]);
  }
  return { path, name: basename(path), header, log: raw.subarray(sep === -1 ? 0 : sep + 5) };
}

export function listFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listFixtures(path));
    else if (entry.endsWith(".log")) out.push(path);
  }
  return out;
}
