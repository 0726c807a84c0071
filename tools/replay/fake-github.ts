import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the parts of GitHub's REST API that skewbot uses, served on loopback so that the real
// app process (pointed at it through GHE_HOST/GHE_PROTOCOL) can be exercised end to end offline.

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: "User" | "Bot" };
  created_at: string;
  updated_at: string;
}

export interface FakeRepo {
  comments: Map<number, FakeComment[]>;
  labels: Map<string, { name: string; color: string; description: string }>;
  issueLabels: Map<number, string[]>;
  events: Map<number, { event: string; actor: { login: string }; label?: { name: string } }[]>;
  permissions: Map<string, string>;
  config?: string;
  pulls: Map<number, { head: { sha: string } }>;
  /** Answered on GET /repos/{owner}/{repo}; a repository without one is "Not Found" there. */
  visibility?: "public" | "internal" | "private";
  /** GitHub Actions jobs; their log download answers 302 to `logUrl`, as GitHub does to blob storage. */
  jobs: Map<number, FakeJob>;
  /** GitHub Actions runs, by id: the ids of their jobs. */
  runs: Map<number, { jobIds: number[]; conclusion: string }>;
  /** Commit statuses by commit, the latest per context (what the combined status lists). */
  statuses: Map<string, FakeStatus[]>;
  /** Check runs by commit. */
  checkRuns: Map<string, FakeCheckRun[]>;
}

export interface FakeStatus {
  state: "success" | "failure" | "error" | "pending";
  context: string;
  target_url: string | null;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  conclusion: string | null;
  details_url: string | null;
  app: { slug: string };
}

/** A list GitHub serves in pages (`per_page`, default 30, at most 100; `page`), linked by a Link header. */
class Paged {
  constructor(
    readonly items: unknown[],
    /** The list sits under this key next to `total_count` (check runs, jobs), or is the body itself. */
    readonly key?: string,
    /** More fields of the answer (the combined status's `state`). */
    readonly extra: Record<string, unknown> = {},
  ) {}
}

export interface FakeJob {
  name: string;
  runId: number;
  conclusion: string;
  logUrl: string;
}

class RawText {
  constructor(readonly text: string) {}
}

class Redirect {
  constructor(readonly location: string) {}
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** The installation token it carried ("ghs_fake_installation_<id>"), if any. */
  token?: string;
}

export class FakeGitHub {
  readonly repos = new Map<string, FakeRepo>();
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: RecordedRequest[] = [];
  private server?: Server;
  private nextId = 1000;

  /**
   * Like GitHub's listing, which can lag a fresh create: a comment younger than this is left out of
   * GET …/issues/N/comments (it is there for GET …/issues/comments/ID). 0: no lag.
   */
  listLagMs = 0;

  constructor(
    readonly appSlug = "skewbot",
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  repo(fullName: string): FakeRepo {
    let repo = this.repos.get(fullName);
    if (!repo) {
      repo = {
        comments: new Map(),
        labels: new Map(),
        issueLabels: new Map(),
        events: new Map(),
        permissions: new Map(),
        pulls: new Map(),
        jobs: new Map(),
        runs: new Map(),
        statuses: new Map(),
        checkRuns: new Map(),
      };
      this.repos.set(fullName, repo);
    }
    return repo;
  }

  /** Comments in a thread written by the app. */
  botComments(fullName: string, issue: number): FakeComment[] {
    return (this.repo(fullName).comments.get(issue) ?? []).filter((c) => c.user.login === `${this.appSlug}[bot]`);
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const url = new URL(req.url ?? "/", "http://fake");
    const auth = /^token (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const record: RecordedRequest = { method: req.method ?? "GET", path: decodeURIComponent(url.pathname), body, at, ...(auth ? { token: auth } : {}) };
    this.requests.push(record);
    this.log(`${record.method} ${record.path}`);
    const reply = (status: number, data?: unknown) => {
      // Probot asks for configuration files raw (application/vnd.github.raw).
      if (data instanceof Redirect) {
        res.writeHead(status, { location: data.location });
        res.end();
        return;
      }
      if (data instanceof Paged) {
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30) || 30));
        const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
        const items = data.items.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
        if (page * perPage < data.items.length) {
          const next = new URL(`http://${req.headers.host ?? "127.0.0.1"}${url.pathname}`);
          url.searchParams.forEach((v, k) => next.searchParams.set(k, v));
          next.searchParams.set("page", String(page + 1));
          next.searchParams.set("per_page", String(perPage));
          headers["link"] = `<${next.toString()}>; rel="next"`;
        }
        res.writeHead(status, headers);
        res.end(JSON.stringify(data.key ? { ...data.extra, total_count: data.items.length, [data.key]: items } : items));
        return;
      }
      if (data instanceof RawText) {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.end(data.text);
        return;
      }
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(data === undefined ? "" : JSON.stringify(data));
    };
    const routed = this.route(record.method, url.pathname, body as Record<string, unknown> | undefined);
    if (routed) return reply(routed[0], routed[1]);
    this.unexpected.push(record);
    reply(404, { message: "Not Found" });
  }

  private jobJson(full: string, id: number, job: FakeJob): Record<string, unknown> {
    const at = "2025-02-06T22:50:00Z";
    return {
      id,
      run_id: job.runId,
      name: job.name,
      workflow_name: "CI",
      status: "completed",
      conclusion: job.conclusion,
      html_url: `https://github.com/${full}/actions/runs/${job.runId}/job/${id}`,
      steps: [{ number: 1, name: "Run tests", status: "completed", conclusion: job.conclusion, started_at: at, completed_at: at }],
    };
  }

  private route(method: string, pathname: string, body: Record<string, unknown> | undefined): [number, unknown?] | undefined {
    const p = pathname.replace(/^\/api\/v3/, "");
    let m: RegExpExecArray | null;
    const now = new Date().toISOString();
    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(p)) {
      const id = /^\/app\/installations\/(\d+)\//.exec(p)![1];
      return [201, { token: `ghs_fake_installation_${id}`, expires_at: new Date(Date.now() + 3600_000).toISOString() }];
    }
    if (method === "GET" && p === "/app") return [200, { id: 1, slug: this.appSlug, name: this.appSlug }];

    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(p))) {
      const full = `${m[1]}/${m[2]}`;
      const visibility = this.repos.get(full)?.visibility;
      return visibility ? [200, { id: 1, name: m[2], full_name: full, private: visibility !== "public", visibility }] : [404, { message: "Not Found" }];
    }
    if (!(m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(p))) return undefined;
    const full = `${m[1]}/${m[2]}`;
    const rest = m[3]!;
    const repo = this.repo(full);

    if (method === "GET" && (m = /^\/actions\/jobs\/(\d+)(\/logs)?$/.exec(rest))) {
      const id = Number(m[1]);
      const job = repo.jobs.get(id);
      if (!job) return [404, { message: "Not Found" }];
      if (m[2]) return [302, new Redirect(job.logUrl)];
      return [200, this.jobJson(full, id, job)];
    }
    if (method === "GET" && (m = /^\/actions\/runs\/(\d+)(\/jobs)?$/.exec(rest))) {
      const id = Number(m[1]);
      const run = repo.runs.get(id);
      if (!run) return [404, { message: "Not Found" }];
      if (!m[2]) return [200, { id, name: "CI", status: "completed", conclusion: run.conclusion, html_url: `https://github.com/${full}/actions/runs/${id}`, run_attempt: 1 }];
      const jobs = run.jobIds.flatMap((j) => (repo.jobs.has(j) ? [this.jobJson(full, j, repo.jobs.get(j)!)] : []));
      return [200, new Paged(jobs, "jobs")];
    }

    if (method === "GET" && (m = /^\/contents\/(.+)$/.exec(rest))) {
      return decodeURIComponent(m[1]!) === ".github/skewbot.yml" && repo.config !== undefined
        ? [200, new RawText(repo.config)]
        : [404, { message: "Not Found" }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(m[1]);
      const list = repo.comments.get(n) ?? [];
      if (method === "GET") return [200, new Paged(this.listLagMs > 0 ? list.filter((c) => Date.now() - Date.parse(c.created_at) >= this.listLagMs) : list)];
      if (method === "POST") {
        const comment: FakeComment = { id: this.nextId++, body: String(body?.["body"] ?? ""), user: { login: `${this.appSlug}[bot]`, type: "Bot" }, created_at: now, updated_at: now };
        repo.comments.set(n, [...list, comment]);
        return [201, comment];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)(\/reactions)?$/.exec(rest))) {
      const id = Number(m[1]);
      if (m[2] && method === "POST") return [201, { id: this.nextId++, content: body?.["content"] }];
      for (const [n, list] of repo.comments) {
        const i = list.findIndex((c) => c.id === id);
        if (i === -1) continue;
        if (method === "GET") return [200, list[i]];
        if (method === "PATCH") {
          list[i] = { ...list[i]!, body: String(body?.["body"] ?? ""), updated_at: now };
          return [200, list[i]];
        }
        if (method === "DELETE") {
          repo.comments.set(n, list.filter((c) => c.id !== id));
          return [204];
        }
      }
      return [404, { message: "Not Found" }];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      const n = Number(m[1]);
      const names = repo.issueLabels.get(n) ?? [];
      if (method === "POST") {
        const add = (body?.["labels"] as string[] | undefined) ?? [];
        const merged = [...new Set([...names, ...add])];
        repo.issueLabels.set(n, merged);
        for (const name of add) (repo.events.get(n) ?? repo.events.set(n, []).get(n)!).push({ event: "labeled", actor: { login: `${this.appSlug}[bot]` }, label: { name } });
        return [200, merged.map((name) => ({ name }))];
      }
      if (method === "GET") return [200, new Paged(names.map((name) => ({ name })))];
    }
    if (method === "GET" && (m = /^\/issues\/(\d+)\/events$/.exec(rest))) return [200, new Paged(repo.events.get(Number(m[1])) ?? [])];
    if ((m = /^\/labels(?:\/(.+))?$/.exec(rest))) {
      if (method === "GET" && m[1]) {
        const label = repo.labels.get(decodeURIComponent(m[1]));
        return label ? [200, label] : [404, { message: "Not Found" }];
      }
      if (method === "POST") {
        const name = String(body?.["name"]);
        if (repo.labels.has(name)) return [422, { message: "Validation Failed", errors: [{ code: "already_exists" }] }];
        const label = { name, color: String(body?.["color"] ?? "ededed"), description: String(body?.["description"] ?? "") };
        repo.labels.set(name, label);
        return [201, label];
      }
    }
    if (method === "GET" && (m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest))) {
      const role = repo.permissions.get(m[1]!);
      return role ? [200, { permission: role === "triage" ? "read" : role === "maintain" ? "write" : role, role_name: role }] : [404, { message: "Not a collaborator" }];
    }
    if (method === "GET" && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pr = repo.pulls.get(Number(m[1]));
      return pr ? [200, { number: Number(m[1]), state: "open", ...pr }] : [404, { message: "Not Found" }];
    }
    if (method === "GET" && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) return [200, new Paged(repo.checkRuns.get(m[1]!) ?? [], "check_runs")];
    if (method === "GET" && (m = /^\/commits\/([^/]+)\/status$/.exec(rest))) {
      const statuses = repo.statuses.get(m[1]!) ?? [];
      const state = statuses.some((s) => s.state === "failure" || s.state === "error") ? "failure" : statuses.some((s) => s.state === "pending") ? "pending" : "success";
      return [200, new Paged(statuses, "statuses", { state, sha: m[1], url: `https://api.github.com/repos/${full}/commits/${m[1]}/status` })];
    }
    if (method === "GET" && (m = /^\/commits\/([^/]+)\/pulls$/.exec(rest))) {
      const sha = m[1]!;
      return [200, [...repo.pulls].filter(([, pr]) => pr.head.sha === sha).map(([number, pr]) => ({ number, state: "open", ...pr }))];
    }
    return undefined;
  }
}
