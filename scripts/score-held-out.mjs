// Scores a held-out set (test/fixtures/held-out/*.jsonl: {line, skew, versions, family, source, note}) against
// the built catalog: a failure counts as recognised when it draws any cause or warning, a near-miss is wrong
// when it draws a cause. Not run by npm test on purpose: the set measures generalisation, so its misses are
// kept, not tuned away. Usage: npm run build && node scripts/score-held-out.mjs [file] [--detail] [--unseen]
// --unseen scores only the lines that no tuning corpus (test/fixtures/real-world/*.jsonl) holds verbatim: a common
// message found again in another thread and recorded there is no longer unseen by the rules.
import { readdirSync, readFileSync } from "node:fs";
import { Buffer } from "node:buffer";
import process from "node:process";
import { URL } from "node:url";
import { analyze } from "../lib/pipeline.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../lib/signatures/index.js";

const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? new URL("../test/fixtures/held-out/fresh-2b.jsonl", import.meta.url);
const detail = process.argv.includes("--detail");
const print = (text) => process.stdout.write(`${text}\n`);
const catalog = compileCatalog(builtinSignatures, builtinHints);
const jsonl = (path) => readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const corpusDir = new URL("../test/fixtures/real-world/", import.meta.url);
const inCorpora = new Set(readdirSync(corpusDir).filter((f) => f.endsWith(".jsonl")).flatMap((f) => jsonl(new URL(f, corpusDir)).map((r) => r.line.trim())));
const all = jsonl(file);
const rows = process.argv.includes("--unseen") ? all.filter((r) => !inCorpora.has(r.line.trim())) : all;
if (rows.length !== all.length) print(`${all.length - rows.length} of ${all.length} lines are in a tuning corpus verbatim; scoring the other ${rows.length}`);
const bare = (v) => String(v).replace(/^v/i, "");
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
const s = { pos: 0, hit: 0, cause: 0, neg: 0, falseCause: 0, warned: 0, vWant: 0, vGot: 0 };
const misses = [];
const wrong = [];
for (const r of rows) {
  const source = { name: "line.log", open: async () => (async function* () { yield Buffer.from(`${r.line}\n`); })() };
  const report = await analyze([source], { catalog });
  const found = [...report.causes, ...report.warnings];
  if (r.skew) {
    s.pos++;
    if (found.length === 0) { misses.push(`${r.family}: ${r.line}`); continue; }
    s.hit++;
    if (report.causes.length > 0) s.cause++;
    const text = JSON.stringify(found.map((f) => f.versions ?? f));
    for (const v of r.versions ?? []) { s.vWant++; if (text.includes(bare(v))) s.vGot++; }
  } else {
    s.neg++;
    if (report.causes.length > 0) { s.falseCause++; wrong.push(`cause: ${r.line}`); }
    else if (report.warnings.length > 0) { s.warned++; wrong.push(`warning: ${r.line}`); }
  }
}
print(`failures recognised: ${s.hit} / ${s.pos} (${pct(s.hit, s.pos)}), ${s.cause} of them as a cause`);
print(`versions named, of recognised lines: ${s.vGot} / ${s.vWant} (${pct(s.vGot, s.vWant)})`);
print(`near-misses reported as a cause: ${s.falseCause} / ${s.neg}; drawing a warning: ${s.warned} (${pct(s.warned, s.neg)})`);
if (detail) {
  print("\nMissed failures:");
  for (const m of misses) print(`  ${m.slice(0, 200)}`);
  print("\nNear-misses with a finding:");
  for (const w of wrong) print(`  ${w.slice(0, 200)}`);
}
