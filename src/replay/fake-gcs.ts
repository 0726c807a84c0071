import { createReadStream } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for Google Cloud Storage as Prow uses it: the JSON listing API and plain object reads,
// over a map of object name → file path or text.

export type ObjectBody = { file: string } | { text: string };

export class FakeGcs {
  private server?: Server;
  readonly requests: string[] = [];

  constructor(private readonly objects: Map<string, ObjectBody>) {}

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://fake");
      this.requests.push(`${req.method} ${url.pathname}${url.search}`);
      const list = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(url.pathname);
      if (list) {
        const bucket = list[1]!;
        const prefix = url.searchParams.get("prefix") ?? "";
        const delimiter = url.searchParams.get("delimiter");
        const items: { name: string; size: string }[] = [];
        const prefixes = new Set<string>();
        for (const [key, body] of this.objects) {
          if (!key.startsWith(`${bucket}/${prefix}`)) continue;
          const name = key.slice(bucket.length + 1);
          const rest = name.slice(prefix.length);
          if (delimiter && rest.includes(delimiter)) prefixes.add(prefix + rest.slice(0, rest.indexOf(delimiter) + 1));
          else items.push({ name, size: String("text" in body ? Buffer.byteLength(body.text) : 0) });
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ kind: "storage#objects", items, prefixes: [...prefixes] }));
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
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
