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

/** A kubelet flag failure and kubectl's skew warning: two findings that tests plant in generated logs. */
export const KUBELET_FLAG_LINE =
  'E0206 22:50:01.000000    1234 run.go:74] "command failed" err="failed to validate kubelet flags: the container runtime endpoint address was not specified or empty, use --container-runtime-endpoint to set"';
export const KUBECTL_SKEW_LINE = "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1";

/** Some klog filler, then `marker` lines, then filler: a log of about `lines` lines, different per `seed`. */
export function logWith(marker: string[], lines: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    out.push(`I0206 22:52:${String((i + seed) % 60).padStart(2, "0")}.000000       1 reflector.go:${(i * seed) % 997}] Listing and watching *v1.Pod ${seed}-${i}`);
    if (i === Math.floor(lines / 2)) out.push(...marker);
  }
  return out.join("\n") + "\n";
}
