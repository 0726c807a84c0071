// The baseline for the end-to-end figure: a plain streaming HTTP GET of one URL that discards the bytes,
// in its own process as the app is.   node bench/download-child.js <url>
// Prints one JSON line: bytes and the time from sending the request to the last byte.

import http from "node:http";
import { performance } from "node:perf_hooks";
import process from "node:process";

const url = process.argv[2];
if (!url) throw new Error("usage: node bench/download-child.js <url>");

const start = performance.now();
const bytes = await new Promise((resolve, reject) => {
  http
    .get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode}`));
      let n = 0;
      res.on("data", (chunk) => (n += chunk.length));
      res.on("end", () => resolve(n));
      res.on("error", reject);
    })
    .on("error", reject);
});
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ bytes, ms })}\n`);
