// Secrets must never leave the scanner: every line kept for a report passes through here first, so
// the comment, the CLI output, the JSON and the bot's own logs can only ever see redacted text.

const MASK = "[REDACTED]";

interface Rule {
  pattern: RegExp;
  replace: string;
}

const RULES: Rule[] = [
  // PEM private keys: the header line, and the body when it sits on the same line.
  { pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g, replace: `-----BEGIN $1PRIVATE KEY----- ${MASK}` },
  // GitHub tokens (classic and fine-grained), npm tokens, Slack tokens, JWTs.
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|npm_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,})/g, replace: MASK },
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: MASK },
  // Authorization headers and bearer tokens, whatever the scheme.
  { pattern: /\b(authorization\s*[:=]\s*"?)(?:bearer|basic|token|digest)?\s*[^\s",;]+/gi, replace: `$1${MASK}` },
  { pattern: /\b(bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi, replace: `$1${MASK}` },
  // AWS access key ids and secrets.
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: MASK },
  // Credentials in URLs: scheme://user:password@host
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]+):[^/\s@]+@/gi, replace: `$1:${MASK}@` },
  // kubeadm bootstrap tokens (abcdef.0123456789abcdef).
  { pattern: /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, replace: MASK },
  // key: value and key=value secrets (kubeconfig client-key-data, passwords, tokens, API keys).
  {
    pattern:
      /\b((?:client-key-data|client-certificate-data|token|password|passwd|pwd|secret|secret[_-]?access[_-]?key|aws_secret_access_key|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"',;&]{3,}/gi,
    replace: `$1${MASK}`,
  },
  // Flags that carry secrets: --token abc, --password=abc.
  { pattern: /(--(?:token|password|client-secret|api-key)[ =])(?!\[REDACTED\])\S+/gi, replace: `$1${MASK}` },
];

/** Replaces anything that looks like a credential with `[REDACTED]`. */
export function redact(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace);
  return out;
}
