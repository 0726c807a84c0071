import { ownLines } from "./text.js";

// skewbot's commands, each with its help beside it (as Prow plugins keep their help provider).
//
// Prow owns `/triage <word>`: its label plugin matches `^/(area|…|triage|wg)\s*(.*?)\s*$` on every line and
// adds `triage/<word>`, and maintainers type `/triage accepted` every day. So skewbot has its own namespace,
// `/skewbot …`, and keeps only the two `/triage` forms Prow cannot use: a bare `/triage` (which Prow's pattern
// matches but does nothing for) and `/triage <log URL or gs:// path>` (no label has "://" in its name).
// `/triage <anything else>` and `/remove-triage …` are Prow's: skewbot neither answers nor reacts.

export type Command = { kind: "help" } | { kind: "triage"; refs: string[] };

/** Who may run commands, as the repository's configuration says. */
export interface CommandAudience {
  triagePermission: string;
  allowAuthor: boolean;
  /** The repository has a Prow CI bot, which also reads `/triage <…>` and answers it. */
  prow: boolean;
  /** What the other triggers answer without a command, one line each (their `help`). */
  automatic?: readonly string[];
}

interface CommandSpec {
  /** Matches a line's words after the slash command (`args` is empty for the bare command). */
  match(name: string, args: string[]): Command | undefined;
  help(audience: CommandAudience): { usage: string; what: string; example: string; note?: string } | undefined;
}

/** A log reference (`https://…`, `gs://…`, `github:O/R/job/ID`) rather than a Prow label word, which has no scheme. */
const looksLikeRef = (word: string) => /^[a-z][a-z0-9+.-]*:\S/i.test(word);

const COMMANDS: CommandSpec[] = [
  {
    match: (name, args) => (name === "skewbot" && args.length === 0 ? { kind: "triage", refs: [] } : undefined),
    help: () => ({
      usage: "/skewbot",
      what: "on a pull request, triage the failed checks, statuses and CI-bot failure reports of its head commit; on an issue, the job links and log excerpts in it",
      example: "/skewbot",
    }),
  },
  {
    match: (name, args) => (name === "skewbot" && args.length === 1 && args[0]!.toLowerCase() === "help" ? { kind: "help" } : undefined),
    help: () => ({ usage: "/skewbot help", what: "this message", example: "/skewbot help" }),
  },
  {
    match: (name, args) => (name === "skewbot" && args.length > 0 && args[0]!.toLowerCase() !== "help" ? { kind: "triage", refs: args } : undefined),
    help: () => ({
      usage: "/skewbot <log> [<log>…]",
      what: "triage these logs: a Prow job (Spyglass URL, gcsweb, gs:// path), a GitHub Actions job or run URL, or a plain https log URL",
      example: "/skewbot https://prow.k8s.io/view/gs/kubernetes-ci-logs/logs/ci-kubernetes-e2e-kind/1888000000000000001",
    }),
  },
  {
    match: (name, args) => (name === "triage" && args.length === 0 ? { kind: "triage", refs: [] } : undefined),
    help: () => ({ usage: "/triage", what: "the same as /skewbot", example: "/triage" }),
  },
  {
    match: (name, args) => (name === "triage" && args.length > 0 && looksLikeRef(args[0]!) ? { kind: "triage", refs: args } : undefined),
    help: (audience) => ({
      usage: "/triage <log URL or gs:// path> […]",
      what: "the same as /skewbot <log>",
      example: "/triage gs://kubernetes-ci-logs/logs/ci-kubernetes-e2e-kind/1888000000000000001",
      ...(audience.prow ? { note: "this repository has a Prow CI bot, which reads `/triage <…>` as a label command and answers it: prefer `/skewbot <log>`" } : {}),
    }),
  },
];

const LINE = /^\s*\/(skewbot|triage)(?:\s+(.*?))?\s*$/i;

/**
 * The commands on their own lines, outside code blocks and quotes, with at most `maxRefs` references in
 * all; `truncated` counts the references left out.
 */
export function parseCommands(body: string, maxRefs: number): { commands: Command[]; truncated: number } {
  const commands: Command[] = [];
  let truncated = 0;
  let refsSoFar = 0;
  for (const line of ownLines(body)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const args = (m[2] ?? "").split(/\s+/).filter(Boolean);
    const command = COMMANDS.map((c) => c.match(name, args)).find((c) => c !== undefined);
    if (!command) continue;
    if (command.kind === "help") {
      commands.push(command);
      continue;
    }
    const room = Math.max(0, maxRefs - refsSoFar);
    const unique = [...new Set(command.refs)];
    truncated += Math.max(0, unique.length - room);
    const refs = unique.slice(0, room);
    refsSoFar += refs.length;
    commands.push({ kind: "triage", refs });
  }
  return { commands, truncated };
}

/** Who may run the commands, in words. */
function whoMay(audience: CommandAudience): string {
  const access = `collaborators with ${audience.triagePermission} access or more`;
  return audience.allowAuthor ? `the author of the thread and ${access}` : access;
}

/** The help comment: every command, who may use it, and an example. Commands are quoted, never at a line's start. */
export function renderHelp(audience: CommandAudience): string {
  const lines = [
    "**skewbot** explains CI failures caused by Kubernetes version skew.",
    "",
    `Commands (open to ${whoMay(audience)}; bots are ignored), each on its own line of a comment:`,
    "",
  ];
  for (const spec of COMMANDS) {
    const h = spec.help(audience);
    if (!h) continue;
    lines.push(`- \`${h.usage}\` — ${h.what}. Example: \`${h.example}\`${h.note ? `. Note: ${h.note}.` : ""}`);
  }
  if (audience.automatic?.length) lines.push("", "Without a command, skewbot also triages:", "", ...audience.automatic.map((a) => `- ${a}`));
  lines.push("", "Other `/triage …` words (such as `/triage accepted`) and `/remove-triage` are Prow's label commands; skewbot leaves them alone.");
  return lines.join("\n");
}
