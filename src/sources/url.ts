// A plain http(s) URL to a text log. Nothing is known about it beyond the URL, so it gets no line links.
import type { ByteBudget } from "./http.js";
import { displayUrl, openStream } from "./http.js";
import type { UrlRef } from "./refs.js";
import type { SourceSettings } from "./settings.js";
import { hostOf, originRefusal } from "./settings.js";
import type { ResolvedRef } from "./types.js";

// Query parameters that make a URL a credential (signed storage URLs, token links).
const SECRET_PARAMS = /^(?:sig|signature|token|access_token|x-amz-signature|x-amz-credential|x-goog-signature|x-goog-credential|se|sv|sp)$/i;

function shareableUrl(url: URL): string {
  for (const key of url.searchParams.keys()) if (SECRET_PARAMS.test(key)) return displayUrl(url);
  return url.toString();
}

export function resolveUrl(ref: UrlRef, settings: SourceSettings, budget: ByteBudget): ResolvedRef {
  const url = new URL(ref.url);
  const shown = shareableUrl(url);
  const host = hostOf(url);
  const segments = url.pathname.split("/").filter((s) => s !== "");
  let name = host;
  try {
    name = decodeURIComponent(segments[segments.length - 1] ?? host);
  } catch {
    // A malformed escape still names the log readably enough.
  }
  // Refusals that need no network are reported before any source is offered; http.ts checks again on fetch.
  const refusal = originRefusal(url, settings);
  if (refusal) return { title: shown, url: shown, sources: [], problems: [`refused ${displayUrl(url)}: ${refusal}`], hints: [] };
  return {
    title: shown,
    url: shown,
    sources: [
      {
        name,
        url: shown,
        open: () => openStream(ref.url, settings, { label: name, budget, maxBytes: settings.maxLogBytes, gunzip: url.pathname.endsWith(".gz") }),
      },
    ],
    problems: [],
    hints: [],
  };
}
