import type { Signature } from "../model.js";

// Rules of the eighth tuning session (area: generic). Their reasoning lives in src/diagnose/area-generic14.ts; real lines
// and near-misses in test/fixtures/real-world/lines-14generic.jsonl.

export const generic14Signatures: Signature[] = [
  {
    id: "podman-remote-ping-404",
    title: "podman's client got 404 from the service's ping: another engine on the socket, or a client newer than the service",
    family: "container",
    severity: "warning",
    flake: false,
    anchors: ["ping response was 404"],
    patterns: [
      // podman pkg/bindings/connection.go (pingNewConnection): GET /v<client API>/libpod/_ping answered by anything but 200.
      String.raw`(?:(?<wrapper>cannot\s+connect\s+to\s+the\s+Podman\s+socket|unable\s+to\s+connect\s+to\s+Podman\s+socket)[^\n]{0,80}?:\s*)?ping\s+response\s+was\s+(?<status>404)\b`,
    ],
    versions: [],
    roles: { status: "HTTP status of the ping" },
    // Below the version-naming podman refusals ("server API version is too old. Client \"3.2.0\" server \"3.1.2\"").
    priority: 30,
    meaning:
      "The podman client (podman --remote, podman-remote, podman machine's client, a podman-docker shim) pinged the service at /v<its API version>/libpod/_ping and got 404: something answered, but not with the libpod endpoint the client asked for. Most often the socket is not podman's (dockerd, or another Docker-compatible engine, serves no /libpod routes); sometimes a podman 3.x client newer than the service, whose router did not yet accept the client's versioned path. Not a version skew by itself: the line names no versions.",
    causes: [
      "The connection (CONTAINER_HOST, DOCKER_HOST, podman system connection) points at a Docker daemon's socket, not podman's.",
      "A podman client newer than the podman service it talks to (podman 3.1's client asking /v3.1.0-dev/libpod/_ping of a 3.0 service, podman#10963).",
    ],
    fixes: [
      "Check what serves the socket (curl --unix-socket <path> http://d/_ping and /version) and point the client at podman's own socket (podman info --format '{{.Host.RemoteSocket.Path}}').",
      "If both ends are podman, run the same podman release on client and service (podman version shows both).",
    ],
    references: ["https://github.com/containers/podman/issues/10963", "https://github.com/containers/podman/issues/19825"],
    examples: [
      {
        // containers/podman#19825 (podman 4.6 pointed at docker.sock)
        line: "Error: unable to connect to Podman socket: ping response was 404",
        captures: { status: "404" },
      },
    ],
  },
];
