// Shared test setup: settings that never reach real DNS, and readers for streams and sources.
import type { LogSource } from "../../src/model.js";
import type { ResolvedAddress, SourceSettings } from "../../src/sources/index.js";
import { defaultSourceSettings, parseLogRef, resolveLogRef } from "../../src/sources/index.js";

/** A public address for any name not mapped otherwise; tests never resolve names for real. */
export const PUBLIC_ADDRESS = "140.82.112.6";

export function fakeResolver(map: Record<string, string | string[]> = {}): (host: string) => Promise<ResolvedAddress[]> {
  return async (host) => {
    const entry = map[host] ?? PUBLIC_ADDRESS;
    const list = Array.isArray(entry) ? entry : [entry];
    return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

export function testSettings(overrides: Partial<SourceSettings> = {}, dns: Record<string, string | string[]> = {}): SourceSettings {
  return defaultSourceSettings({
    resolve: fakeResolver(dns),
    retryBaseMs: 1,
    maxRetryDelayMs: 200,
    requestTimeoutMs: 2000,
    idleTimeoutMs: 2000,
    ...overrides,
  });
}

export async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts).toString("utf8");
}

/** Reads a stream until it ends or fails; returns what arrived and the error message, if any. */
export async function readUntilError(stream: AsyncIterable<Uint8Array | string>): Promise<{ text: string; bytes: number; error?: string }> {
  const parts: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
      bytes += b.length;
      parts.push(b);
    }
    return { text: Buffer.concat(parts).toString("utf8"), bytes };
  } catch (err) {
    return { text: Buffer.concat(parts).toString("utf8"), bytes, error: (err as Error).message };
  }
}

export async function readSource(source: LogSource): Promise<string> {
  return readAll(await source.open());
}

/** Parses and resolves a reference as the CLI and the app do; a parse error fails the test. */
export async function resolveRef(input: string, settings: SourceSettings = testSettings()) {
  const ref = parseLogRef(input, settings);
  if ("error" in ref) throw new Error(ref.error);
  return resolveLogRef(ref, settings);
}
