import { ownLines } from "./text.js";

export type Command = { kind: "help" } | { kind: "triage"; refs: string[] };

const TRIAGE = /^\s*\/triage(?:\s+(.*?))?\s*$/i;

/**
 * `/triage` commands on their own line, outside code blocks and quotes. `/triage` alone means "find
 * the failures yourself"; `/triage <ref> …` names logs; `/triage help` asks for usage.
 */
export function parseCommands(body: string, maxRefs: number): { commands: Command[]; truncated: number } {
  const commands: Command[] = [];
  let truncated = 0;
  let refsSoFar = 0;
  for (const line of ownLines(body)) {
    const m = TRIAGE.exec(line);
    if (!m) continue;
    const args = (m[1] ?? "").split(/\s+/).filter(Boolean);
    if (args.length === 1 && args[0]!.toLowerCase() === "help") {
      commands.push({ kind: "help" });
      continue;
    }
    const room = Math.max(0, maxRefs - refsSoFar);
    const unique = [...new Set(args)];
    truncated += Math.max(0, unique.length - room);
    const refs = unique.slice(0, room);
    refsSoFar += refs.length;
    commands.push({ kind: "triage", refs });
  }
  return { commands, truncated };
}

export const HELP = `**skewbot** explains CI failures caused by Kubernetes version skew.

- \`/triage\` — on a pull request: triage the failed checks, statuses and CI-bot failure reports of its head commit; on an issue: the job links and log excerpts in it.
- \`/triage <log> [<log>…]\` — triage these logs: a Prow job (\`https://prow.k8s.io/view/gs/…\`, gcsweb, \`gs://…\`), a GitHub Actions job or run URL, or a plain https log URL.
- \`/triage help\` — this message.`;
