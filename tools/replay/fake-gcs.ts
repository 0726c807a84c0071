import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for Google Cloud Storage as Prow uses it: the JSON listing API and plain object reads,
// over a map of object name → file path or text.

export type ObjectBody = { file: string } | { text: string };

export class FakeGcs {
  private server?: Server;
  readonly requests: string[] = [];

  /** `pageSize` caps listing pages below what the client asks for, as GCS may. */
  constructor(
    private readonly objects: Map<string, ObjectBody>,
    private readonly options: { pageSize?: number; delayMs?: number } = {},
  ) {}

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      // A storage round trip's latency (benchmarks of parallel reads).
      if (this.options.delayMs) setTimeout(() => this.handle(req, res), this.options.delayMs);
      else this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    {
      const url = new URL(req.url ?? "/", "http://fake");
      this.requests.push(`${req.method} ${url.pathname}${url.search}`);
      const list = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(url.pathname);
      if (list) {
        const bucket = list[1]!;
        const prefix = url.searchParams.get("prefix") ?? "";
        const delimiter = url.searchParams.get("delimiter");
        const endOffset = url.searchParams.get("endOffset");
        const startOffset = url.searchParams.get("startOffset");
        // Like GCS: names in lexicographic order, each prefix once, pages of maxResults entries.
        const entries: ({ name: string; size: string } | { prefix: string })[] = [];
        const seen = new Set<string>();
        for (const key of [...this.objects.keys()].sort()) {
          if (!key.startsWith(`${bucket}/${prefix}`)) continue;
          const name = key.slice(bucket.length + 1);
          if (endOffset !== null && name >= endOffset) continue;
          if (startOffset !== null && name < startOffset) continue;
          const rest = name.slice(prefix.length);
          if (delimiter && rest.includes(delimiter)) {
            const p = prefix + rest.slice(0, rest.indexOf(delimiter) + 1);
            if (!seen.has(p)) entries.push({ prefix: p });
            seen.add(p);
          } else {
            const body = this.objects.get(key)!;
            entries.push({ name, size: String("text" in body ? Buffer.byteLength(body.text) : 0) });
          }
        }
        const start = Number(url.searchParams.get("pageToken") ?? 0) || 0;
        const size = Math.max(1, Math.min(this.options.pageSize ?? 1000, Number(url.searchParams.get("maxResults") ?? 1000) || 1000));
        const page = entries.slice(start, start + size);
        const items = page.flatMap((e) => ("name" in e ? [e] : []));
        const prefixes = page.flatMap((e) => ("prefix" in e ? [e.prefix] : []));
        const nextPageToken = start + size < entries.length ? String(start + size) : undefined;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ kind: "storage#objects", items, prefixes, ...(nextPageToken ? { nextPageToken } : {}) }));
        return;
      }
      const body = this.objects.get(decodeURIComponent(url.pathname.slice(1)));
      if (!body) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("No such object");
        return;
      }
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      if ("text" in body) res.end(body.text);
      else createReadStream(body.file).pipe(res);
    }
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
