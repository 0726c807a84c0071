import { isBot, withRetry, type GitHub, type RetryOptions } from "./github.js";
import type { Thread } from "./comment.js";

const LABEL_STYLE: Record<string, { color: string; description: string }> = {
  "kind/flake": { color: "f7c6c7", description: "Categorizes issue or PR as related to a flaky test." },
  "flake/version-skew": { color: "d93f0b", description: "CI failed because two components ran at Kubernetes versions that do not meet (skewbot)." },
};
const DEFAULT_STYLE = { color: "d93f0b", description: "Added by skewbot for version-skew flakes." };

/**
 * Adds the flake labels, creating missing ones. A label that a person removed from this thread is
 * never put back, and one already present is left alone. Returns the labels added.
 */
export async function applyLabels(github: GitHub, thread: Thread, botLogin: string | undefined, wanted: string[], retry: RetryOptions = {}): Promise<string[]> {
  if (wanted.length === 0) return [];
  const current = await withRetry(() => github.paginate(github.rest.issues.listLabelsOnIssue, { ...thread, per_page: 100 }), retry);
  const present = new Set(current.map((l) => l.name.toLowerCase()));
  const missing = wanted.filter((l) => !present.has(l.toLowerCase()));
  if (missing.length === 0) return [];

  // Without the thread's events (an API that does not serve them) nobody is known to have removed a label.
  const events = await withRetry(() => github.paginate(github.rest.issues.listEvents, { ...thread, per_page: 100 }), retry).catch((err: unknown) => {
    if ((err as { status?: number }).status === 404) return [];
    throw err;
  });
  const removedByPeople = new Set(
    events
      .filter((e) => e.event === "unlabeled" && !isBot(e.actor, botLogin) && "label" in e && e.label)
      .map((e) => ("label" in e && e.label ? e.label.name.toLowerCase() : "")),
  );
  const toAdd = missing.filter((l) => !removedByPeople.has(l.toLowerCase()));
  if (toAdd.length === 0) return [];

  // Colour and description are a courtesy: if they cannot be set, adding the label creates it plainly.
  for (const name of toAdd) await withRetry(() => ensureLabel(github, thread, name), retry).catch(() => undefined);
  await withRetry(() => github.rest.issues.addLabels({ ...thread, labels: toAdd }), retry);
  return toAdd;
}

async function ensureLabel(github: GitHub, thread: Thread, name: string): Promise<void> {
  try {
    await github.rest.issues.getLabel({ owner: thread.owner, repo: thread.repo, name });
    return;
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
  }
  const style = LABEL_STYLE[name] ?? DEFAULT_STYLE;
  try {
    await github.rest.issues.createLabel({ owner: thread.owner, repo: thread.repo, name, ...style });
  } catch (err) {
    // 422: created meanwhile by someone else; that is what we wanted.
    if ((err as { status?: number }).status !== 422) throw err;
  }
}
