// Everything that reaches Markdown from a log is hostile until escaped: it must not close our code
// fences, inject HTML, @mention people or teams, or cross-link issues in other repositories.

const ZWSP = "\u200b";
// Bidirectional overrides (Trojan Source) and other invisible controls.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** Escapes plain text for a Markdown paragraph, list item or table cell. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/\r?\n/g, " ")
    // Only what GitHub would interpret mid-paragraph; the text never starts a line of its own.
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/@/g, `@${ZWSP}`)
    // "org/repo#123" would cross-reference (and notify) another repository's issue.
    .replace(/#(\d)/g, `#${ZWSP}$1`);
}

/**
 * Escapes prose written by skewbot that may quote log-derived values, keeping its own `code` spans.
 * Log text has every backtick removed during normalisation, so only our own text can open a span.
 */
export function escapeProse(text: string): string {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, i) => (i % 2 === 1 ? inlineCode(part) : escapeMarkdown(part)))
    .join("");
}

/** An inline code span that survives backticks and pipes in its content (for table cells). */
export function inlineCode(text: string): string {
  const clean = text.replace(INVISIBLE, "").replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside, so it cannot be closed early. */
export function codeBlock(lines: readonly string[], info = "text"): string {
  const body = lines.map((l) => l.replace(INVISIBLE, "")).join("\n");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** Links to GitHub issues through GitHub's redirect host, so every report does not add a "mentioned" event to them. */
export function quietGitHubLink(url: string): string {
  return url.replace(/^https:\/\/github\.com\//, "https://redirect.github.com/");
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString().replace(/[()<>\s]/g, encodeURIComponent) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes controls for terminal output (escape sequences from a log must not drive the terminal). */
export function terminalSafe(text: string): string {
  return text.replace(/\u001b/g, "␛").replace(INVISIBLE, "");
}

// A line break, then blanks that are not line breaks, then a slash: where Prow would read a command.
const COMMAND_START = /(^|\r\n|[\n\r\u0085\u2028\u2029])([^\S\n\r\u2028\u2029]*)\//g;

/**
 * Makes sure that no line of a text skewbot posts starts with "/": Prow reads commands (`/close`, `/hold`,
 * `/lgtm`…) at the start of any line of any comment, bot comments and fenced code included. A zero-width
 * space before the slash keeps the line looking the same and reads as no command.
 */
export function withoutCommandLines(text: string): string {
  return text.replace(COMMAND_START, `$1$2${ZWSP}/`);
}
