import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { builtinHints, builtinSignatures, compileCatalog } from "../src/signatures/index.js";
import { emptyScore, scoreLine, scoreTable, type LabelledLine } from "../src/eval/accuracy.js";
import { textSource } from "./helpers/logs.js";

const catalog = compileCatalog(builtinSignatures, builtinHints);

async function score(entries: Omit<LabelledLine, "where">[]) {
  const s = emptyScore("test");
  for (const [i, e] of entries.entries()) {
    const report = await analyze([textSource("line.log", `${e.line}\n`)], { catalog });
    scoreLine(s, { ...e, where: `t:${i + 1}` }, report, catalog.signatures);
  }
  return s;
}

describe("npm run eval scoring", () => {
  it("counts recall, named and typed versions from the pipeline's reports", async () => {
    const s = await score([
      {
        expect: "docker-api-version-too-new",
        line: "Error response from daemon: client version 1.41 is too new. Maximum supported API version is 1.39",
        versions: ["1.41", "1.39"],
        kinds: ["docker-api", "kubernetes"],
      },
      { expect: "kind-config-api-version", line: "a line that nothing recognises" },
    ]);
    expect(s).toMatchObject({ positives: 2, recognised: 1, versions: 2, versionsRight: 2, kinds: 2, kindsRight: 1 });
    expect(s.misses).toEqual(["t:1: version 1.39 typed docker-api, expected kubernetes", "t:2: expected kind-config-api-version, got nothing"]);
  });

  it("counts near-misses that draw a cause or a warning", async () => {
    const s = await score([
      { expect: "none", line: "Error response from daemon: client version 1.41 is too new. Maximum supported API version is 1.39" },
      { expect: "none", line: "WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1" },
      { expect: "none", line: "invalid sampling ratio 1.7: value is not between 0 and 1" },
    ]);
    expect(s).toMatchObject({ nearMisses: 3, falseCauses: 1, nearMissWarnings: 1 });
    expect(scoreTable([s])).toContain("| test | – | – | – | 3 | 1 | 33.3 % (1/3) |");
  });
});
