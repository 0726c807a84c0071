import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the add-on rules of the tenth tuning session (src/signatures/addons15.ts, src/diagnose/area-addons15.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-15addons.jsonl).

describe("istio-proxy's pilot-agent refusing a flag of another Istio release", () => {
  it.each([
    // istio/istio#14389: the installer's gateway chart with proxyv2 1.1.7
    ["2019-05-28T04:52:03.543645Z\terror\tunknown flag: --proxyComponentLogLevel", "cause", { flag: "proxyComponentLogLevel" }],
    ["Error: unknown flag: --proxyComponentLogLevel", "cause", { flag: "proxyComponentLogLevel" }],
    // istio/istio#14208: a template from the source tree with older daily images
    ["2019-05-17T12:33:16.912504Z     error   unknown flag: --dnsRefreshRate", "cause", { flag: "dnsRefreshRate" }],
    // istio/istio#9219: a chart still passing a flag newer pilot-agents removed
    ["Error: unknown flag: --discoveryRefreshDelay", "cause", { flag: "discoveryRefreshDelay" }],
    // pilot-agent's flag dump at start-up (istio/istio#18563, #14095)
    [`2019-11-01T19:19:34.800744Z info FLAG: --applicationPorts="[]"`, "none", {}],
    ['2019-05-17T16:19:14.486085Z\tinfo\tFLAG: --controlPlaneBootstrap="true"', "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("istio-pilot-agent-flag-unknown");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("says which side is behind for a flag whose history the threads give", async () => {
    const added = (await analyze([textSource("proxy.log", "Error: unknown flag: --proxyComponentLogLevel\n")])).causes[0];
    expect(added?.diagnosis.headline).toMatch(/older than the template .*added in Istio 1\.2/);
    expect(added?.diagnosis.versions.find((r) => r.name === "flagRelease")?.typed).toMatchObject({ kind: "component", component: "Istio", minor: 2 });
    const removed = (await analyze([textSource("gateway.log", "Error: unknown flag: --discoveryRefreshDelay\n")])).causes[0];
    expect(removed?.diagnosis.headline).toMatch(/newer than the template .*removed during Istio 1\.1/);
  });

  it("leaves a flag that is not pilot-agent's to the generic unknown-flag rule", async () => {
    expect((await verdictOf("Error: unknown flag: --port")).id).not.toBe("istio-pilot-agent-flag-unknown");
  });
});
