/** The lines of a Markdown comment that are the author's own words: not in code blocks, not quoted. */
export function ownLines(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of body.split(/\r?\n/)) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (m) {
      fence = m[1];
      continue;
    }
    if (/^\s*>/.test(raw)) continue;
    out.push(raw);
  }
  return out;
}

/** The contents of fenced code blocks: where people paste log excerpts. */
export function codeBlocks(body: string): string[] {
  const blocks: string[] = [];
  let fence: string | undefined;
  let current: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) {
        blocks.push(current.join("\n"));
        fence = undefined;
        current = [];
      } else current.push(raw);
    } else if (m) fence = m[1];
  }
  if (fence && current.length) blocks.push(current.join("\n"));
  return blocks;
}

/** http(s) and gs:// URLs in text, in order of appearance, without Markdown punctuation around them. */
export function urlsIn(text: string): string[] {
  const found = text.match(/\b(?:https?|gs):\/\/[^\s<>"'`\])]+/g) ?? [];
  return [...new Set(found.map((u) => u.replace(/[.,;:!?)]+$/, "")))];
}
