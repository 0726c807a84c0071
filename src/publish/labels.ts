import { isOwn, type GitHubPort, type Thread } from "../github/port.js";

const LABEL_STYLE: Record<string, { color: string; description: string }> = {
  "kind/flake": { color: "f7c6c7", description: "Categorizes issue or PR as related to a flaky test." },
  "flake/version-skew": { color: "d93f0b", description: "CI failed because two components ran at Kubernetes versions that do not meet (skewbot)." },
};
const DEFAULT_STYLE = { color: "d93f0b", description: "Added by skewbot for version-skew flakes." };

/**
 * Adds the flake labels, creating missing ones. A label that a person removed from this thread is
 * never put back, and one already present is left alone. Returns the labels added.
 */
export async function applyLabels(port: GitHubPort, thread: Thread, wanted: string[]): Promise<string[]> {
  if (wanted.length === 0) return [];
  const present = new Set((await port.labelsOn(thread)).map((l) => l.toLowerCase()));
  const missing = wanted.filter((l) => !present.has(l.toLowerCase()));
  if (missing.length === 0) return [];

  // Without the thread's events (an API that does not serve them) nobody is known to have removed a label.
  const me = await port.botLogin();
  const removedByPeople = new Set(
    (await port.events(thread)).filter((e) => e.event === "unlabeled" && !isOwn(e.actor, me) && e.label).map((e) => e.label!.name.toLowerCase()),
  );
  const toAdd = missing.filter((l) => !removedByPeople.has(l.toLowerCase()));
  if (toAdd.length === 0) return [];

  // Colour and description are a courtesy: if they cannot be set, adding the label creates it plainly.
  for (const name of toAdd) await port.ensureLabel(thread, name, LABEL_STYLE[name] ?? DEFAULT_STYLE).catch(() => undefined);
  await port.addLabels(thread, toAdd);
  return toAdd;
}
