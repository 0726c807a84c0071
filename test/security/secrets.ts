// Random secrets of every kind the redactor covers, as they show up in CI logs and in references, from a
// small seeded generator: a failing case is reproduced by its seed, and no dependency is needed for it.

/** mulberry32: a tiny, well-mixed 32-bit PRNG; plenty for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = rng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chars(alphabet: string, n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
  /** Random characters of `alphabet` that include at least one of each of `must` (so that the value is not a plain word). */
  mixed(alphabet: string, n: number, must: readonly string[] = [UPPER, LOWER, DIGITS]): string {
    const base = this.chars(alphabet, n - must.length).split("");
    for (const set of must) base.splice(this.int(0, base.length), 0, this.chars(set, 1));
    return base.join("");
  }
}

export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const DIGITS = "0123456789";
export const ALNUM = UPPER + LOWER + DIGITS;
export const B64 = `${ALNUM}+/`;
export const B64URL = `${ALNUM}-_`;
export const HEX = "0123456789abcdef";

/** One secret as it appears in a log: the lines that carry it, and the strings that must never be shown. */
export interface Planted {
  kind: string;
  lines: string[];
  secrets: string[];
}

type Kind = (g: Gen) => Planted;

const one = (kind: string, line: string, ...secrets: string[]): Planted => ({ kind, lines: [line], secrets });

function pemBody(g: Gen): string[] {
  const lines = Array.from({ length: g.int(2, 6) }, () => g.chars(B64, 64));
  // The last line is shorter, padded or not (DER lengths vary).
  lines.push(`${g.chars(B64, g.int(2, 63))}${g.pick(["", "=", "=="])}`);
  return lines;
}

/** Secrets short enough to turn up in any text by chance are not looked for. */
const findable = (secrets: string[]) => secrets.filter((s) => s.replace(/=+$/, "").length >= 8);

export const KINDS: Record<string, Kind> = {
  "pem-private-key": (g) => {
    const label = g.pick(["", "RSA ", "EC ", "OPENSSH "]);
    const body = pemBody(g);
    const indent = g.pick(["", "    "]);
    return { kind: "pem-private-key", lines: [`${indent}-----BEGIN ${label}PRIVATE KEY-----`, ...body.map((l) => indent + l), `${indent}-----END ${label}PRIVATE KEY-----`], secrets: findable(body) };
  },
  "url-password": (g) => {
    // Passwords with "/" and "@" in them, as people paste them.
    const password = `${g.mixed(ALNUM, 6)}${g.pick(["/", "@", "@@", "/@"])}${g.mixed(ALNUM, 6)}`;
    return one("url-password", `fetching ${g.pick(["https", "http", "git+https", "oci"])}://${g.pick(["bob", "ci-bot", "x-access-token"])}:${password}@${g.pick(["registry.example.com", "10.0.0.5:5000", "github.com"])}/v2/${g.chars(LOWER, 6)}`, password);
  },
  "aws-secret-key": (g) => {
    const value = g.mixed(B64, 40);
    const name = g.pick(["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "aws_secret_access_key", "secretAccessKey"]);
    return one("aws-secret-key", `${g.pick(["export ", "  ", "env: "])}${name}${g.pick(["=", " = ", ": "])}${g.pick(["", '"'])}${value}`, value);
  },
  "aws-access-key-id": (g) => {
    const id = `AKIA${g.chars(UPPER + DIGITS, 16)}`;
    return one("aws-access-key-id", `using credentials ${id} for s3`, id);
  },
  "docker-config-auth": (g) => {
    const auth = g.mixed(B64, g.int(16, 40)) + "=";
    return one("docker-config-auth", `{"auths":{"https://index.docker.io/v1/":{"auth":"${auth}"}}}`, auth.slice(0, -1));
  },
  "azure-sas": (g) => {
    const sig = `${g.mixed(B64URL, 43)}%3D`;
    return one("azure-sas", `GET https://productionresultssa1.blob.core.windows.net/actions-results/job-logs.txt?sv=2021-08-06&se=2025-02-07T00%3A00%3A00Z&sr=b&sp=r&sig=${sig} 200`, sig.slice(0, -3));
  },
  "s3-signed-url": (g) => {
    const signature = g.chars(HEX, 64);
    const keyId = `AKIA${g.chars(UPPER + DIGITS, 16)}`;
    return one("s3-signed-url", `downloading https://bucket.s3.amazonaws.com/k.tgz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${keyId}%2F20250206%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`, signature, keyId);
  },
  "url-encoded-password": (g) => {
    const value = g.mixed(ALNUM, 14);
    return one("url-encoded-password", `POST /login body=user%3Dadmin%26password%3D${value}%26x%3D1`, value);
  },
  "authorization-basic": (g) => {
    const credential = Buffer.from(`${g.chars(LOWER, 5)}:${g.mixed(ALNUM, 12)}`).toString("base64");
    return one("authorization-basic", `${g.pick(["> ", "curl -H '", ""])}Authorization: Basic ${credential}`, credential.replace(/=+$/, ""));
  },
  "authorization-bearer": (g) => {
    const token = g.mixed(B64URL, 32);
    return one("authorization-bearer", `request headers: {"Authorization": "Bearer ${token}"}`, token);
  },
  "x-api-key": (g) => {
    const key = g.mixed(ALNUM, 32);
    return one("x-api-key", `${g.pick(["x-api-key", "X-Api-Key", "X-API-KEY"])}: ${key}`, key);
  },
  "github-token": (g) => {
    const token = g.pick([`ghp_${g.mixed(ALNUM, 36)}`, `ghs_${g.mixed(ALNUM, 36)}`, `github_pat_${g.mixed(`${ALNUM}_`, 60)}`]);
    return one("github-token", `remote: https://x-access-token:${token}@github.com/org/repo.git`, token);
  },
  "npm-token": (g) => {
    const token = `npm_${g.mixed(ALNUM, 36)}`;
    const uuid = [8, 4, 4, 4, 12].map((n) => g.chars(HEX, n)).join("-");
    return { kind: "npm-token", lines: [`NPM_TOKEN=${token}`, `//registry.npmjs.org/:_authToken=${uuid}`], secrets: [token, uuid] };
  },
  "pypi-token": (g) => {
    const token = `pypi-AgEIcHlwaS5vcmc${g.mixed(B64URL, 80)}`;
    return one("pypi-token", g.pick([`twine upload --password ${token} dist/*`, `uploading to pypi.org as __token__ with ${token}`, `[pypi]\n  password = ${token}`.split("\n")[1]!]), token);
  },
  "dockerhub-token": (g) => {
    const token = `dckr_pat_${g.mixed(B64URL, 27)}`;
    return one("dockerhub-token", `echo ${token} | docker login -u ci --password-stdin`, token);
  },
  "gcp-service-account": (g) => {
    const body = pemBody(g);
    const keyId = g.chars(HEX, 40);
    return { kind: "gcp-service-account", lines: [`{"type": "service_account", "private_key_id": "${keyId}", "private_key": "-----BEGIN PRIVATE KEY-----\\n${body.join("\\n")}\\n-----END PRIVATE KEY-----\\n", "client_email": "ci@p.iam.gserviceaccount.com"}`], secrets: [...findable(body), keyId] };
  },
  "kubeconfig-token": (g) => {
    const token = g.mixed(ALNUM, g.int(24, 48));
    return one("kubeconfig-token", `${g.pick(["    ", "      "])}token: ${token}`, token);
  },
  "slack-webhook": (g) => {
    const path = `T${g.chars(UPPER + DIGITS, 8)}/B${g.chars(UPPER + DIGITS, 8)}/${g.mixed(ALNUM, 24)}`;
    return one("slack-webhook", `notifying https://hooks.slack.com/services/${path}`, path.split("/").pop()!);
  },
  jwt: (g) => {
    const part = (n: number) => g.mixed(B64URL, n);
    const token = `eyJ${part(20)}.eyJ${part(40)}.${part(43)}`;
    // Anywhere: glued to a word, inside an encoded header, after a key.
    return one("jwt", `${g.pick(["id_", "Bearer%20", "token=", "x", "(", ""])}${token}${g.pick(["", ")", " ok", "&next=1"])}`, token);
  },
  "password-flag": (g) => {
    const value = g.mixed(ALNUM, 16);
    return one("password-flag", `+ helm repo add x https://charts.example.com --username ci --password ${value}`, value);
  },
};

export const KIND_NAMES = Object.keys(KINDS);

/** A secret of `kind`, or of a random kind. */
export function plant(g: Gen, kind = g.pick(KIND_NAMES)): Planted {
  return KINDS[kind]!(g);
}

const FILLER = [
  () => "I0206 22:52:40.100000       1 reflector.go:351] Caches populated for *v1.Pod",
  () => "+ make test-e2e",
  () => "STEP: Waiting for control plane to be initialized",
  () => "W0206 22:52:41.000000       1 warnings.go:70] v1 Endpoints is deprecated in v1.33+",
];

/**
 * A log that triggers a finding (the minCompatibilityVersion skew line), with `planted` secrets around
 * it, within the context a report quotes, and some on the matched line itself.
 */
export function logWithSecrets(g: Gen, planted: readonly Planted[]): string {
  const lines: string[] = [];
  for (const [i, p] of planted.entries()) {
    const headline = skewLine(i);
    for (let i = g.int(0, 2); i > 0; i--) lines.push(g.pick(FILLER)());
    if (p.lines.length === 1 && g.next() < 0.3) {
      // On the finding's own line, after the message.
      lines.push(`${headline} ${p.lines[0]}`);
      continue;
    }
    const at = g.next() < 0.5 ? "before" : "after";
    if (at === "after") lines.push(headline);
    lines.push(...p.lines);
    if (at === "before") lines.push(headline);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * kube-apiserver refusing to start: a distinct message per `i` (another version), so that each is its own
 * finding and quotes its own context.
 */
export function skewLine(i: number): string {
  const minor = 20 + (i % 60);
  return `E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.${minor - 1} is not between [1.${minor}, 1.${minor}]"`;
}

/** A reference that carries a secret (a URL credential, a signed query, a token pasted as a reference). */
export function referenceWithSecret(g: Gen): Planted {
  const s = g.mixed(ALNUM, 20);
  const token = `ghp_${g.mixed(ALNUM, 36)}`;
  const choices: Planted[] = [
    { kind: "ref-url-password", lines: [`http://user:${s}@logs.example.com/build-log.txt`], secrets: [s] },
    { kind: "ref-url-password-slash", lines: [`https://bob:${s.slice(0, 8)}/${s.slice(8)}@logs.example.com/x.log`], secrets: [s.slice(8), `${s.slice(0, 8)}/${s.slice(8)}`] },
    { kind: "ref-access-token", lines: [`https://x-access-token:${token}@raw.githubusercontent.com/org/repo/main/log.txt`], secrets: [token] },
    { kind: "ref-signed-query", lines: [`https://evil.example.com/log.txt?sig=${s}&X-Amz-Signature=${s}`], secrets: [s] },
    { kind: "ref-token-word", lines: [`${token}`], secrets: [token] },
    { kind: "ref-broken-url", lines: [`http://user:${s}@[logs/x`], secrets: [s] },
    { kind: "ref-gs-path", lines: [`gs://bucket/logs/${token}/1`], secrets: [token] },
  ];
  return g.pick(choices);
}

/**
 * Where a secret could hide in an output: as written, with Markdown escapes undone, and JSON-decoded;
 * returns the secrets (of `planted`) found in `outputs`.
 */
export function leaked(outputs: readonly string[], planted: readonly Planted[]): { kind: string; secret: string }[] {
  const views = outputs.flatMap((o) => [o, o.replace(/\u200b/g, "").replace(/&amp;/g, "&").replace(/\\(.)/g, "$1")]);
  const found: { kind: string; secret: string }[] = [];
  for (const p of planted) {
    for (const secret of p.secrets) {
      const forms = [secret, JSON.stringify(secret).slice(1, -1)];
      if (views.some((v) => forms.some((f) => v.includes(f)))) found.push({ kind: p.kind, secret });
    }
  }
  return found;
}
