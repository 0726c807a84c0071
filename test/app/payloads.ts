import examples from "@octokit/webhooks-examples";

// Kept apart from helpers.ts, which loads nock: tests against real loopback servers need payloads too.

type Examples = { name: string; examples: Record<string, unknown>[] }[];

/** Webhook payloads are patched freely in tests; their shape comes from GitHub's documented examples. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Payload = any;

/**
 * A documented example payload from @octokit/webhooks-examples, with the fields a test cares about
 * replaced. `installation` is added: GitHub sends it to apps, the examples omit it.
 */
export function payload(event: string, action: string | undefined, patch: (p: Payload) => void): Payload {
  const family = (examples as unknown as Examples).find((e) => e.name === event);
  const example = family?.examples.find((e) => action === undefined || e["action"] === action);
  if (!example) throw new Error(`no example for ${event}.${action}`);
  const copy = structuredClone(example) as Payload;
  copy.installation = { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  patch(copy);
  return copy;
}
