import { describe, expect, it } from "vitest";
import { AnchorMatcher } from "../src/signatures/compile.js";
import { builtinHints, builtinSignatures } from "../src/signatures/index.js";

// The prefilter must report exactly what one regex of all anchors (longest first) reports: the
// longest anchor at the leftmost position, then continue after it.
function reference(anchors: string[], text: string): { index: number; anchor: string }[] {
  const sorted = [...anchors].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const re = new RegExp(sorted.join("|"), "g");
  return [...text.matchAll(re)].map((m) => ({ index: m.index!, anchor: m[0] }));
}

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const catalogAnchors = [...new Set([...builtinSignatures.flatMap((s) => s.anchors), ...builtinHints.flatMap((h) => h.anchors)])];

describe("anchor prefilter (Aho-Corasick over raw bytes)", () => {
  const overlapping = ["version", "minCompatibilityVersion version", "is not between", "not between", "Version:", "ersion v", "aaa", "aaaa", "ab"];

  for (const [name, budget] of [["with the full table", undefined], ["with a table cut to a tiny budget (prefixes, then direct checks)", 300]] as const) {
    it(`finds what the regex finds, ${name}`, () => {
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

  it("ignores bytes outside ASCII and finds anchors around them", () => {
    const matcher = new AnchorMatcher(["is not between"]);
    const bytes = Buffer.concat([Buffer.from([0xff, 0x00, 0xc3]), Buffer.from("x is not between y"), Buffer.from([0xe2, 0x80])]);
    expect(matcher.find(bytes)).toEqual([{ index: 5, anchor: "is not between" }]);
  });
});
