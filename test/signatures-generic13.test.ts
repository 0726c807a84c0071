import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { normalizeLine } from "../src/scan/normalize.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Seventh-round generic layer (lines-13generic.jsonl has the real lines): a structured record's own level (logfmt
// "level=", zap/logr JSON "level") judged like a klog header's, and a tool's bound stated before the version it was asked
// to use. Always a warning at most.
const G = "generic-version-skew";

const HYPERSHIFT_LATEST = String.raw`"message":"the latest version supported is: \"4.14.0\". Attempting to use: \"4.15.0-0.ci.test-2023-11-13-171422-ci-op-mi15skc0-latest\"","error":"release image is invalid"`;
const HYPERSHIFT_MINIMUM = String.raw`  "message": "the minimum version supported for platform AWS is: \"4.14.0\". Attempting to use: \"4.13.14\"",`;

async function dismissedAs(line: string): Promise<string[]> {
  const report = await analyze([textSource("job.log", `${line}\n`)]);
  return report.dismissed.map((t) => t.diagnosis.headline);
}

describe("generic layer: a structured record's level", () => {
  it("keeps the level of a logfmt or JSON record that the message text loses", () => {
    // rancher-archives/rke#2619, openshift/hypershift#997, FoundationDB/fdb-kubernetes-operator#530.
    expect(normalizeLine('time="2021-07-26T19:35:22Z" level=info msg="Running RKE version: v1.2.10"').record).toEqual({ level: "I" });
    expect(normalizeLine('time="2021-07-26T19:35:23Z" level=fatal msg="Failed to validate cluster: v1.20.9-rancher1 is an unsupported Kubernetes version and system images are not populated: etcd image is not populated"').record).toEqual({ level: "F" });
    expect(normalizeLine('{"level":"error","ts":"2022-02-10T17:19:44Z","logger":"controller.hostedcluster","msg":"Reconciler error","error":"unsupported release image with version 4.11"}').record).toEqual({ level: "E" });
    expect(normalizeLine('{"level":"info","ts":1614445141.0261235,"logger":"controller-runtime.injectors-warning","msg":"Injectors are deprecated, and will be removed in v0.10.x"}').record).toEqual({ level: "I" });
    // An info record whose error field carries the refusal it returns (argoproj/argo-cd) is marked as such.
    expect(normalizeLine('level=info msg="done" error="rpc error: json: unknown field \\"images\\"" grpc.code=3').record).toEqual({ level: "I", errorField: true });
    // Not a record: a flag on a command line, a klog line.
    expect(normalizeLine("ExecStart=/usr/bin/k3s server --log-level=error --disable traefik").record).toBeUndefined();
    expect(normalizeLine("E0101 10:00:00.000000 1 run.go:72] error: unsupported version 1.2").record).toBeUndefined();
  });

  it("judges the refusal in an error record like a plain error line, and an info record's as informational", async () => {
    // The message alone names a bound and a version with no error word (not reported as a plain line); its record's level
    // decides. (The message is a variant of the HyperShift refusal in the shape that needs no dedicated pattern.)
    const msg = "minimum supported version is 4.14.0, found 4.13.14";
    expect((await verdictOf(msg)).verdict).toBe("none");
    expect(await verdictOf(`time="2024-01-16T03:20:15Z" level=error msg="${msg}"`)).toMatchObject({ id: G, verdict: "warning", captures: { a: "4.14.0", b: "4.13.14" } });
    expect(await verdictOf(`time="2024-01-16T03:20:15Z" level=fatal msg="${msg}"`)).toMatchObject({ id: G, verdict: "warning" });
    expect(await dismissedAs(`time="2024-01-16T03:20:15Z" level=info msg="${msg}"`)).toEqual(["An informational record (INFO/DEBUG level, no error field): not reported."]);
    expect(await dismissedAs(`{"level":"debug","msg":"${msg}"}`)).toEqual(["An informational record (INFO/DEBUG level, no error field): not reported."]);
    // Longhorn's check before its refusal (longhorn/longhorn#9569) is an info record, dismissed as one.
    expect(await dismissedAs('time="2025-01-07T07:02:14Z" level=info msg="Checking if the upgrade path from v1.8.0-rc2 to v1.8.0-dev is supported" func=util.checkLHUpgradePath file="util.go:238"')).toEqual([
      "An informational record (INFO/DEBUG level, no error field): not reported.",
    ]);
  });
});

describe("generic layer: a bound, then the version asked for", () => {
  it("reads HyperShift's latest and minimum supported versions against the release it was given", async () => {
    expect(await verdictOf(HYPERSHIFT_LATEST)).toMatchObject({ id: G, verdict: "warning", captures: { a: "4.14.0", b: "4.15.0-0.ci.test-2023-11-13-171422-ci-op-mi15skc0-latest" } });
    expect(await verdictOf(HYPERSHIFT_MINIMUM)).toMatchObject({ id: G, verdict: "warning", captures: { a: "4.14.0", b: "4.13.14" } });
  });

  it("does not report a version on the right side of the bound, or the bound in an info record", async () => {
    expect(await dismissedAs(HYPERSHIFT_MINIMUM.replace("4.13.14", "4.15.2"))).toEqual(["4.15.2 is at or above the minimum the line states (4.14.0): not what was refused."]);
    expect((await verdictOf(HYPERSHIFT_LATEST.replace("4.15.0-0.ci", "4.13.0-0.ci"))).verdict).toBe("none");
    expect((await verdictOf(`{"level":"info","ts":"2023-07-25T01:40:57Z","msg":"reconciliation is blocked",${HYPERSHIFT_LATEST.slice(0, HYPERSHIFT_LATEST.indexOf(',"error"'))}}`)).verdict).toBe("none");
    // A bound with nothing asked for is a statement, not a refusal: left to the pair shapes.
    expect((await verdictOf("The latest version supported is 4.14.0.")).verdict).toBe("none");
  });
});
