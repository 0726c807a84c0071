import { describe, expect, it } from "vitest";
import { verdictOf } from "./helpers/verdict.js";

// Rules fresh-9 needed outside the area files (src/signatures/tool-schemas.ts; lines in
// test/fixtures/real-world/lines-12f9.jsonl): skaffold's config apiVersion, KEDA 1.x's retired API group, typographic quotes.

describe("skaffold config apiVersion", () => {
  it("an apiVersion the binary does not know is a warning naming it", async () => {
    expect(await verdictOf('parsing skaffold config: unknown api version: "skaffold/v2beta11"')).toMatchObject({
      id: "skaffold-config-version-unknown",
      verdict: "warning",
      captures: { apiVersion: "skaffold/v2beta11" },
    });
  });

  it("skaffold's own schema bug prints the same line: never a cause", async () => {
    expect((await verdictOf("FATA[0000] creating runner: parsing skaffold config: unknown api version: 'skaffold/v1beta11")).verdict).not.toBe("cause");
  });

  it("a field skaffold does not know is not the apiVersion", async () => {
    const line = "parsing skaffold config: error parsing skaffold configuration file: unable to parse config: yaml: unmarshal errors: line 12: field portForwad not found in type v2beta11.SkaffoldConfig";
    expect((await verdictOf(line)).id).not.toBe("skaffold-config-version-unknown");
  });
});

describe("KEDA 1.x API group", () => {
  it("keda.k8s.io not matched is a warning, above api-no-kind-match's dismissal", async () => {
    const line = 'Error: unable to build kubernetes objects from release manifest: unable to recognize "": no matches for kind "ScaledObject" in version "keda.k8s.io/v1alpha1"';
    expect(await verdictOf(line)).toMatchObject({ id: "crd-api-group-renamed", verdict: "warning", captures: { group: "keda.k8s.io" } });
  });

  it("the current group keda.sh not matched stays silent (KEDA not installed)", async () => {
    expect((await verdictOf('no matches for kind "ScaledObject" in version "keda.sh/v1alpha1"')).verdict).toBe("none");
  });
});

describe("typographic quotes", () => {
  it("curly quotes around the kind and version read as plain ones", async () => {
    const line = "getting credentials: decoding stdout: no kind “ExecCredential” is registered for version “[client.authentication.k8s.io/v1alpha1](http://client.authentication.k8s.io/v1alpha1)” in scheme “pkg/client/auth/exec/exec.go:62”";
    expect(await verdictOf(line)).toMatchObject({ id: "kubectl-exec-plugin-api-version", verdict: "cause", captures: { apiVersion: "client.authentication.k8s.io/v1alpha1" } });
  });
});

describe("generic shapes fresh-9 named versions in", () => {
  it.each([
    ["ERROR: 1.33 is not a supported version for kubergrunt eks upgrade. Please contact support@gruntwork.io for more info.", { a: "1.33" }],
    ['WARNING: "v1.11.0" might not be compatible with this Talhelper version you\'re using', { a: "v1.11.0" }],
    ["2022-03-31 18:24:39,217 [WARNING][coordinator:259]: Version between client and server is inconsistent: 0.9.0 vs 0.11.0", { a: "0.9.0", b: "0.11.0" }],
    ["Minishift does not support Openshift version v1.4.1 .You need to use a version >=v1.5.0-rc.0", { a: "v1.4.1" }],
    ["{u'error': u'Client and server versions do not match. Client version: 1 Server version: 1.0'}", { a: "1", b: "1.0" }],
  ])("%s is a generic warning", async (line, captures) => {
    expect(await verdictOf(line)).toMatchObject({ id: "generic-version-skew", verdict: "warning", captures });
  });

  it("a refused version that meets the line's own constraint is the tool's bug, not reported", async () => {
    expect((await verdictOf("Addon does not support OpenShift version 3.10.0. You need to use a version >3.5.0")).verdict).toBe("none");
  });

  it("a protocol's version is not a component's", async () => {
    expect((await verdictOf("Error: server does not support TLS version 1.3")).verdict).toBe("none");
  });
});
