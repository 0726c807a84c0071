import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import type { Triaged } from "../src/model.js";
import { textSource } from "./helpers/logs.js";

// Verdicts of the node-area diagnosers (src/diagnose/area-node.ts): runtime symptoms of skew between running
// components, where the refusing line names no version and the context decides. The lines are real ones
// (sources in test/fixtures/real-world/lines-9node.jsonl) or the format strings of the programs that print them.

async function triage(...lines: string[]): Promise<{ causes: Triaged[]; warnings: Triaged[]; dismissed: Triaged[] }> {
  return analyze([textSource("job.log", `${lines.join("\n")}\n`)]);
}

const ids = (t: Triaged[]) => t.map((x) => x.signature.id);

describe("Ginkgo flags a test binary does not define", () => {
  it("a v2 flag beside the binary's own v1 flag list is a cause", async () => {
    const { causes } = await triage(
      "flag provided but not defined: -ginkgo.label-filter",
      "Usage of ./e2e.test:",
      "  -ginkgo.dryRun",
      "    \tIf set, ginkgo will walk the test hierarchy without actually running anything.",
      "  -ginkgo.flakeAttempts int",
    );
    expect(ids(causes)).toEqual(["ginkgo-flag-not-defined"]);
    expect(causes[0]!.diagnosis.headline).toMatch(/Ginkgo v2 flag, refused by a test binary built with Ginkgo v1/);
  });

  it("a v2 flag given to the v1 CLI (its banner below) is a cause naming the CLI release", async () => {
    const { causes } = await triage("flag provided but not defined: -show-node-events", "Ginkgo Version 1.16.5", "", "ginkgo <FLAGS> <PACKAGES> -- <PASS-THROUGHS>");
    expect(ids(causes)).toEqual(["ginkgo-flag-not-defined"]);
    expect(causes[0]!.diagnosis.versions.map((v) => [v.name, v.version])).toContainEqual(["ginkgoCli", "1.16.5"]);
  });

  it("a v2 flag alone is only a warning: a package without Ginkgo refuses it the same way", async () => {
    const { causes, warnings } = await triage("flag provided but not defined: -ginkgo.vv");
    expect(causes).toEqual([]);
    expect(ids(warnings)).toEqual(["ginkgo-flag-not-defined"]);
  });

  it("a flag every Ginkgo release defines is not a skew", async () => {
    const { causes, warnings, dismissed } = await triage("flag provided but not defined: -ginkgo.seed");
    expect([...causes, ...warnings]).toEqual([]);
    expect(dismissed.map((t) => t.diagnosis.verdict)).toEqual(["not-skew"]);
  });
});

describe("Ginkgo CLI and library mismatch", () => {
  it("reads both versions from the block below the header, Markdown step links and all", async () => {
    const { causes, warnings } = await triage(
      "Ginkgo detected a version mismatch between the Ginkgo CLI and the version of Ginkgo imported by your packages:",
      "  Ginkgo CLI Version:",
      "    2.[11](https://github.com/epinio/epinio/actions/runs/12470342363/job/34805292085?pr=2799#step:6:12).0",
      "  Mismatched package versions found:",
      "    2.[13](https://github.com/epinio/epinio/actions/runs/12470342363/job/34805292085?pr=2799#step:6:14).1 used by acceptance, v1, apps, install",
    );
    expect(causes).toEqual([]);
    const d = warnings.find((t) => t.signature.id === "ginkgo-cli-library-version-mismatch")!.diagnosis;
    expect(d.headline).toMatch(/Ginkgo CLI 2\.11\.0 runs suites compiled with Ginkgo 2\.13\.1/);
  });
});

describe("HTTP 415 from the apiserver", () => {
  it("a hand-made request's Status body is dismissed", async () => {
    const { causes, warnings } = await triage('  "message": "the server responded with the status code 415 but did not return more information",');
    expect([...causes, ...warnings]).toEqual([]);
  });

  it("a node component's 415 with the kubelet newer than the apiserver (from banners) is a cause", async () => {
    const { causes } = await triage(
      "Server Version: v1.2.5",
      'I0701 11:53:12.000000    1234 kubelet.go:1222] "Kubelet version" kubeletVersion="v1.3.0"',
      "E0701 11:53:13.000000    1234 kubelet_node_status.go:94] Unable to register node with API server: the server responded with the status code 415 but did not return more information (post nodes)",
    );
    expect(ids(causes)).toEqual(["apiserver-client-media-type-unsupported"]);
    expect(causes[0]!.diagnosis.headline).toMatch(/kubelet \(v1\.3\.0\) is newer than the apiserver \(v1\.2\.5\)/);
  });

  it("a 415 with nothing to tie it to a component is a warning, never a cause", async () => {
    const { causes, warnings } = await triage("Error from server (UnsupportedMediaType): 415: Unsupported Media Type");
    expect(causes).toEqual([]);
    expect(ids(warnings)).toEqual(["apiserver-client-media-type-unsupported"]);
  });
});

describe("etcd members of incompatible versions", () => {
  it("explains the refused peer with both versions", async () => {
    const { causes } = await triage("Aug 03 08:32:26 node1 etcd[7846]: request version incompatibility (remote version is too low: remote[c5c32c983df15f43]=2.3.7, local=3.2.1)");
    expect(ids(causes)).toEqual(["etcd-peer-version-incompatible"]);
    expect(causes[0]!.diagnosis.headline).toMatch(/etcd 3\.2\.1 refused a peer at 2\.3\.7/);
  });

  it("a cluster ID mismatch is not a version problem", async () => {
    const { causes, warnings } = await triage("Jul 20 17:50:43 u2 etcd[54977]: request sent was ignored (cluster ID mismatch: peer[9ff20c095faac8b0]=2eecb227327d67ae, local=7c6b2a785a0c3169)");
    expect([...causes, ...warnings].map((t) => t.signature.id)).not.toContain("etcd-peer-version-incompatible");
    expect(causes).toEqual([]);
  });
});
