import { describe, expect, it } from "vitest";
import { serializeError } from "../../src/logging.js";

describe("logging a rejected delivery", () => {
  it("never logs (or scrubs) the webhook payload an error carries, and caps long strings", () => {
    const err = Object.assign(new Error(`signature does not match ${"x".repeat(100_000)}`), {
      event: { id: "d-1", name: "issue_comment", payload: "y".repeat(5 * 1024 * 1024) },
    });
    const out = serializeError(err) as { message: string; event: { payload: string; id: string } };
    expect(out.event.payload).toBe("[REDACTED]");
    expect(out.event.id).toBe("d-1");
    expect(out.message.length).toBeLessThan(20_000);
    expect(out.message).toMatch(/more characters not logged\)$/);
  });
});
