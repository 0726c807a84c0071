import { describe, expect, it } from "vitest";
import { checkBoundary, parseLogRef, type LogRef, type Visibility } from "../../src/sources/index.js";

// The rule itself, for inputs a webhook cannot produce: a request read back from the shared queue that was
// written by an older release (no visibility), and the lookup being asked only when it must.

const ref = (input: string): LogRef => {
  const r = parseLogRef(input);
  if ("error" in r) throw new Error(r.error);
  return r;
};

describe("checkBoundary", () => {
  it("counts a request without a visibility as public, the strictest case", async () => {
    const boundary = { repository: "o/r", visibility: undefined as unknown as Visibility, linked: ["org/internal"] };
    const decision = await checkBoundary(ref("github:org/internal/job/1"), boundary, async () => "internal");
    expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/which is internal, while o\/r is public/) });
  });

  it("asks for a visibility only for a linked repository, and compares names case-insensitively", async () => {
    const asked: string[] = [];
    const lookup = async (r: string) => {
      asked.push(r);
      return "public" as const;
    };
    const boundary = { repository: "Owner/Repo", visibility: "public" as const, linked: ["Org/Linked"] };
    expect(await checkBoundary(ref("github:owner/repo/job/1"), boundary, lookup)).toEqual({ allowed: true });
    expect(await checkBoundary(ref("https://prow.k8s.io/view/gs/kubernetes-ci-logs/logs/job/1"), boundary, lookup)).toEqual({ allowed: true });
    expect((await checkBoundary(ref("github:org/other/run/2"), boundary, lookup)).allowed).toBe(false);
    expect(await checkBoundary(ref("github:org/linked/run/2"), boundary, lookup)).toEqual({ allowed: true });
    expect(asked).toEqual(["org/linked"]);
  });
});
