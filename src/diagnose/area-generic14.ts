import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/generic14.ts.

/**
 * podman-remote-ping-404. A warning at most: the 404 says the socket's server has no libpod route for the client's
 * versioned path, which a Docker daemon on the socket explains as often as a client newer than a podman service.
 * Where the log shows the socket to be Docker's, it is no skew at all.
 */
const diagnosePodmanPing404: Diagnoser = (input) => {
  // Docs and design notes quote the message in prose ("it would fail later with an opaque `ping response was 404`"; the
  // normalised text has lost the backticks): only podman's own error line, with its wrapper or an error word, speaks.
  const text = input.finding.text;
  const level = input.finding.record?.level ?? input.finding.klog?.level;
  const errorLine = input.capture("wrapper") !== undefined || level === "E" || level === "F" || /\b(?:[Ee]rror|ERRO|FATA)\b|level=(?:error|fatal)/.test(text);
  if (!errorLine || /\b(?:opaque|would|you\s+get|if\s+you)\b|^\s*(?:[-*#>]|\/\/)\s/.test(text)) {
    return { verdict: "not-skew", headline: "The podman ping error quoted in prose or a comment, not a failure." };
  }
  const context = [...input.finding.context.before, ...input.finding.context.after].map((l) => l.text).join("\n");
  const docker = /\b(?:dockerd|Docker\s+Engine|docker\.sock|Docker\s+Desktop)\b/.test(`${context}\n${input.finding.text}`);
  // podman#19825: CONTAINER_HOST=unix:///var/run/docker.sock, a Docker daemon that serves no /libpod routes.
  if (docker) {
    return {
      verdict: "not-skew",
      headline: "Not a version skew: podman's client pinged a socket the log shows to be Docker's, which serves no libpod API (podman#19825); point the client at podman's own socket.",
      versions: captureRoles(input),
    };
  }
  return {
    verdict: "warning",
    headline: "podman's client pinged the service and got 404 for the libpod API: either the socket is not podman's (a Docker daemon), or the client is newer than the podman service. Check what serves the socket before reading it as a skew.",
    versions: captureRoles(input),
  };
};

export const generic14Diagnosers: Record<string, Diagnoser> = {
  "podman-remote-ping-404": diagnosePodmanPing404,
};
