import { describe, expect, it } from "vitest";
import { AnchorMatcher } from "../src/signatures/compile.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";
import { resolveConfig } from "../src/config.js";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";

// The prefilter must report, from left to right, the longest anchor at each position where one starts,
// dropping those that end inside the one reported before (their rules wake through it: the contained pairs).
// One that starts inside the last one and ends past it is kept: skipping it would hide its rules.
function reference(anchors: string[], text: string): { index: number; anchor: string }[] {
  const byLength = [...anchors].sort((a, b) => b.length - a.length);
  const hits: { index: number; anchor: string }[] = [];
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const anchor = byLength.find((a) => text.startsWith(a, i));
    if (anchor === undefined || i + anchor.length <= end) continue;
    hits.push({ index: i, anchor });
    end = i + anchor.length;
  }
  return hits;
}

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const catalogAnchors = [...new Set([...builtinSignatures.flatMap((s) => s.anchors), ...builtinHints.flatMap((h) => h.anchors)])];

describe("anchor prefilter (Aho-Corasick over raw bytes)", () => {
  const overlapping = ["version", "minCompatibilityVersion version", "is not between", "not between", "Version:", "ersion v", "aaa", "aaaa", "ab"];

  for (const [name, budget] of [["with the full table", undefined], ["with a table cut to a tiny budget (prefixes, then direct checks)", 300]] as const) {
    it(`finds what the reference finds, ${name}`, () => {
      const rand = random(7);
      for (const anchors of [overlapping, catalogAnchors]) {
        const matcher = new AnchorMatcher(anchors, budget);
        for (let round = 0; round < 300; round++) {
          // Text built from anchor fragments, so that partial and overlapping matches are common.
          let text = "";
          while (text.length < 400) {
            const a = anchors[Math.floor(rand() * anchors.length)]!;
            text += rand() < 0.5 ? a : a.slice(0, Math.floor(rand() * a.length));
            text += rand() < 0.3 ? " " : rand() < 0.5 ? "\n" : String.fromCharCode(32 + Math.floor(rand() * 90));
          }
          expect(matcher.find(Buffer.from(text, "latin1")), text).toEqual(reference(anchors, text));
        }
      }
    });
  }

  it("keeps an anchor that starts inside another and ends past it", () => {
    const matcher = new AnchorMatcher(["too low", "low: remote", "too"]);
    expect(matcher.find(Buffer.from("version is too low: remote"))).toEqual([
      { index: 11, anchor: "too low" },
      { index: 15, anchor: "low: remote" },
    ]);
  });

  it("ignores bytes outside ASCII and finds anchors around them", () => {
    const matcher = new AnchorMatcher(["is not between"]);
    const bytes = Buffer.concat([Buffer.from([0xff, 0x00, 0xc3]), Buffer.from("x is not between y"), Buffer.from([0xe2, 0x80])]);
    expect(matcher.find(bytes)).toEqual([{ index: 5, anchor: "is not between" }]);
  });

  it("wakes a rule whose anchor starts inside a generic-layer anchor", async () => {
    // "too low" is the generic layer's; the etcd-style wording below is anchored on "low: remote".
    const loaded = resolveConfig({
      signatures: [{ id: "acme-peer-too-low", title: "ACME peer too low", family: "addons", severity: "error", anchors: ["low: remote"], patterns: ["too low: remote (?<remote>{V}) local (?<local>{V})"], versions: ["remote", "local"] }],
    });
    expect(loaded.errors).toEqual([]);
    const catalog = compileCatalog([...builtinSignatures, ...loaded.config.signatures], builtinHints);
    const report = await analyze([textSource("peer.log", "E0101 00:00:00.000000 1 peer.go:1] member version is too low: remote 3.4.0 local 3.6.1\n")], { catalog });
    expect(report.causes.map((t) => [t.signature.id, t.finding.captures.remote, t.finding.captures.local])).toEqual([["acme-peer-too-low", "3.4.0", "3.6.1"]]);
  });
});
