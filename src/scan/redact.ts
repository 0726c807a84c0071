// Secrets must never leave skewbot: every line kept for a report passes through here first, and so does
// every other text that reaches a comment, the CLI output, the JSON or the bot's own logs (refused
// references, problem lines, titles, version tables), so that none of them can carry a credential.
//
// The rules err on the side of masking: a masked harmless value costs a reader a little context, a
// leaked credential costs its owner a rotation. Each rule is anchored on something a credential has
// (a known prefix, a key name, a URL shape), so ordinary log text is left alone.

export const MASK = "[REDACTED]";

type Replacer = string | ((match: string, ...groups: string[]) => string);

interface Rule {
  pattern: RegExp;
  replace: Replacer;
}

/** Base64 that is data rather than a word: both cases and a digit (PEM bodies, keys, Basic credentials). */
function looksEncoded(token: string): boolean {
  return /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token);
}

// Key names whose value is a credential: `token: …`, `DOCKERHUB_TOKEN=…`, `"client_secret": "…"`,
// `//registry.npmjs.org/:_authToken=…`, `aws_secret_key = …`. A name only has to contain one of these words.
const SECRET_NAME =
  "[A-Za-z0-9_.-]{0,40}?(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client-key-data|credentials?)[A-Za-z0-9_.-]{0,40}";
// Values that are never secrets, kept so that `token: true` stays readable.
const NOT_A_VALUE = "(?!(?:\\[REDACTED\\]|true|false|null|none|nil|\\*+)(?![^\\s\"',;&]))";

const RULES: Rule[] = [
  // PEM private keys: BEGIN to END when on one line (or a JSON string with \n escapes), else to the end.
  { pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g, replace: `-----BEGIN $1PRIVATE KEY----- ${MASK}` },
  // A PEM body line on its own (64 base64 characters in PEM, 70 in OpenSSH keys), and any long base64 run.
  { pattern: /^(\s*["']?)([A-Za-z0-9+/]{16,}={0,2})(["',]?\s*)$/gm, replace: (m, pre, b64, post) => (looksEncoded(b64!) || (b64!.length >= 40 && /[A-Z]/.test(b64!) && /[a-z]/.test(b64!)) ? `${pre}${MASK}${post}` : m) },
  { pattern: /^(\s*)([A-Za-z0-9+/]{2,15}={1,2})(\s*)$/gm, replace: `$1${MASK}$3` },
  { pattern: /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{60,}={0,2}(?![A-Za-z0-9+/=])/g, replace: (m) => (looksEncoded(m) ? MASK : m) },
  // Tokens with a known prefix: GitHub (classic, fine-grained), GitLab, npm, PyPI, Docker Hub, Slack, Google API keys, Stripe.
  {
    pattern:
      /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_-]{40,}|dckr_(?:pat|oat)_[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|AIza[A-Za-z0-9_-]{35}|[sr]k_live_[A-Za-z0-9]{16,})/g,
    replace: MASK,
  },
  // JWTs anywhere, even glued to other text (`Bearer%20eyJ…`, `x_eyJ…`); the signature may be empty (alg none).
  { pattern: /eyJ[A-Za-z0-9_-]{8,512}\.(?:eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g, replace: MASK },
  // Slack incoming webhooks: the path is the credential.
  { pattern: /(hooks\.slack\.com\/(?:services|workflows|triggers))\/[A-Za-z0-9_/-]+/gi, replace: `$1/${MASK}` },
  // Authorization headers, whatever the scheme, and bare Bearer/Basic credentials.
  { pattern: /\b(authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token|digest)\s+)?)(?!\[REDACTED\]|(?:bearer|basic|token|digest)\b)[^\s",;']+/gi, replace: `$1${MASK}` },
  { pattern: /\b(bearer\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{6,}/gi, replace: `$1${MASK}` },
  { pattern: /\b(Basic\s+)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g, replace: (m, pre, b64) => (b64!.endsWith("=") || /\d/.test(b64!) || (b64!.slice(1).match(/[A-Z]/g) ?? []).length >= 2 ? `${pre}${MASK}` : m) },
  // AWS access key ids.
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: MASK },
  // Credentials in URLs: scheme://user:password@host, where the password may hold "/" and "@" (up to
  // the last "@" of the URL). "host:8080/path@x" is a port, not a password. Lengths are bounded here and
  // below so that no input costs more than linear time.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):(?!\d{1,5}(?:[/?#\s]|$))(?!\[REDACTED\]@)\S{0,256}@/gi, replace: `$1:${MASK}@` },
  // Signed-URL query values: Azure SAS, S3 and GCS V4 signatures and credentials, tokens in the query.
  {
    pattern: /([?&;]|\b)((?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|access_token|token)=)(?!\[REDACTED\])[^&\s"'<>#]+/gi,
    replace: `$1$2${MASK}`,
  },
  // URL-encoded key=value secrets (password%3Dhunter2).
  { pattern: /(?<![A-Za-z])((?:passw(?:or)?d|pwd|secret|token|api[_-]?key)%3D)(?!\[REDACTED\])[^&\s"'<>]+/gi, replace: `$1${MASK}` },
  // Docker config.json: "auth": "<base64 of user:password>".
  { pattern: /("auth"\s*:\s*")[^"]+(")/gi, replace: `$1${MASK}$2` },
  // kubeadm bootstrap tokens (abcdef.0123456789abcdef).
  { pattern: /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, replace: MASK },
  // key: value and key=value secrets (kubeconfig token and client-key-data, passwords, API keys, env vars).
  { pattern: new RegExp(`\\b(${SECRET_NAME}["']?\\s*[:=]\\s*["']?)${NOT_A_VALUE}[^\\s"',;&]{3,}`, "gi"), replace: `$1${MASK}` },
  // Flags that carry secrets: --token abc, --password=abc.
  { pattern: /(--(?:token|password|client-secret|api-key)[ =])(?!\[REDACTED\])\S+/gi, replace: `$1${MASK}` },
];

/** Replaces anything that looks like a credential with `[REDACTED]`. */
export function redact(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace as string);
  return out;
}

/** A copy of `value` with every string in it redacted (reports, before they are rendered in any format). */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}

/**
 * A report with every log-derived text redacted: findings, context, diagnoses (headlines, the versions
 * table, reasoning), links, problem lines and hints. Signatures are catalog data and stay as they are.
 */
export function redactReport<R extends { causes: T[]; warnings: T[]; dismissed: T[]; logs: unknown[]; hints: unknown[] }, T extends { signature: unknown }>(report: R): R {
  const triaged = (t: T): T => ({ ...redactDeep({ ...t, signature: undefined }), signature: t.signature });
  return { ...report, causes: report.causes.map(triaged), warnings: report.warnings.map(triaged), dismissed: report.dismissed.map(triaged), logs: redactDeep(report.logs), hints: redactDeep(report.hints) };
}

const BASE64_LINE = /^\s*["']?[A-Za-z0-9+/]{2,}={0,2}["',]?\s*$/;
const KEY_MATERIAL = /PRIVATE KEY-----|^\s*["']?[A-Za-z0-9+/]{60,76}={0,2}["',]?\s*$/;

/**
 * Whether a line is part of a PEM or OpenSSH private key body, judged with its neighbours: any base64 line
 * next to a BEGIN/END line or to a full-width body line. This catches what one line alone cannot show,
 * such as a key's short last line. The scanner asks it for every line it quotes.
 */
export function isKeyBodyLine(text: string, neighbours: readonly string[]): boolean {
  return BASE64_LINE.test(text) && neighbours.some((n) => KEY_MATERIAL.test(n));
}
