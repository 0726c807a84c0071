import { describe, expect, it } from "vitest";
import { addMinors, cleanVersionToken, majorMinor, minorDelta, parseKubeVersion, toSemver } from "../src/diagnose/versions.js";

describe("Kubernetes versions", () => {
  it.each([
    ["v1.31.6-rc.0.12+abc123", { major: 1, minor: 31, patch: 6, prerelease: ["rc", "0", "12"], build: ["abc123"] }],
    ["1.33.0-alpha.0.1+0e1abc4d18e353", { major: 1, minor: 33, patch: 0, prerelease: ["alpha", "0", "1"], build: ["0e1abc4d18e353"] }],
    ["1.31", { major: 1, minor: 31, prerelease: [], build: [] }],
    ["v1.26.15-gke.1090000", { major: 1, minor: 26, patch: 15, prerelease: ["gke", "1090000"], build: [] }],
    ["v1.27.16-eks-a18cd3a", { major: 1, minor: 27, patch: 16, prerelease: ["eks-a18cd3a"], build: [] }],
    ["v1.28.3+k3s1", { major: 1, minor: 28, patch: 3, prerelease: [], build: ["k3s1"] }],
    ["1.34.x", { major: 1, minor: 34, prerelease: [], build: [] }],
  ])("parses %s", (raw, expected) => {
    expect(parseKubeVersion(raw)).toMatchObject(expected);
  });

  it("strips quotes and trailing punctuation but keeps the raw token", () => {
    expect(cleanVersionToken('"v1.31.4".')).toBe("v1.31.4");
    expect(parseKubeVersion("1.35.0.")?.raw).toBe("1.35.0");
  });

  it("rejects what is not version-shaped", () => {
    for (const s of ["", "v", "1", "abc", "1.x.2", "kubeadm.k8s.io/v1beta3", "10.0.0.1"]) expect(parseKubeVersion(s)).toBeUndefined();
  });

  it("does minor arithmetic with semver underneath", () => {
    const a = parseKubeVersion("1.34.2")!;
    const b = parseKubeVersion("v1.31.6-rc.0.12+abc")!;
    expect(minorDelta(a, b)).toBe(3);
    expect(majorMinor(addMinors(b, -1))).toBe("1.30");
    expect(toSemver(b)?.compare("1.31.6")).toBe(-1); // a pre-release sorts before its release
    expect(toSemver(parseKubeVersion("1.31")!)?.version).toBe("1.31.0");
  });
});
