import type { ProbotOctokit } from "probot";

/** The installation client the app talks to GitHub with (Probot's octokit: `.rest.*` and `paginate`). */
export type GitHub = InstanceType<typeof ProbotOctokit>;

/** A GitHub user as payloads and API responses carry it. */
export interface GitHubUser {
  login?: string;
  type?: string;
}

/**
 * Whether a comment or event is the app's own: by its login (`<slug>[bot]`) when known; when the API
 * could not tell us our login, by any app account, which is still narrowed by our hidden marker.
 */
export function isBot(user: GitHubUser | null | undefined, botLogin: string | undefined): boolean {
  return botLogin ? user?.login === botLogin : user?.type === "Bot";
}

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export interface RetryOptions {
  attempts?: number;
  /** A longer Retry-After than this is not waited for: the call fails and the triage is logged as failed. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How long to wait before retrying a failed GitHub call, or undefined when it must not be retried.
 * Probot's throttling retries primary rate limits but only logs secondary ones, and its retry plugin
 * is per request; this covers the calls whose loss would lose a report.
 */
export function retryDelay(err: unknown, attempt: number): number | undefined {
  const e = err as HttpLikeError;
  const retryAfter = Number(e.response?.headers?.["retry-after"]);
  const secondary = /secondary rate limit|abuse detection/i.test(e.message ?? "");
  if (e.status === 429 || (e.status === 403 && (secondary || Number.isFinite(retryAfter)))) {
    if (Number.isFinite(retryAfter)) return retryAfter * 1000;
    const reset = Number(e.response?.headers?.["x-ratelimit-reset"]);
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) : 60_000;
  }
  if (e.status !== undefined && e.status >= 500) return 1000 * 2 ** attempt;
  return undefined;
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const delay = retryDelay(err, attempt);
      if (delay === undefined || attempt + 1 >= attempts || delay > (options.maxDelayMs ?? 120_000)) throw err;
      await sleep(delay);
    }
  }
}
