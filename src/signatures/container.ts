import type { Signature } from "../model.js";

const Q = String.raw`\\?"?`;
const API = String.raw`\d+\.\d+`;

export const containerSignatures: Signature[] = [
  {
    id: "docker-api-version-too-new",
    title: "Docker client newer than the daemon's API",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is too new. Maximum supported API version", "client is newer than server", "but the Docker daemon API version is"],
    patterns: [
      String.raw`client\s+version\s+(?<client>${API})\s+is\s+too\s+new\.\s+Maximum\s+supported\s+API\s+version\s+is\s+(?<daemon>${API})`,
      String.raw`client\s+is\s+newer\s+than\s+server\s+\(\s*client\s+API\s+version\s*:\s*(?<client>${API})\s*,\s*server\s+API\s+version\s*:\s*(?<daemon>${API})\s*\)`,
      String.raw`${Q}(?<option>--?[\w-]+)${Q}\s+requires\s+API\s+version\s+(?<client>${API})\s*,\s*but\s+the\s+Docker\s+daemon\s+API\s+version\s+is\s+(?<daemon>${API})`,
    ],
    versions: ["client", "daemon"],
    roles: { client: "Docker API version the client asks for", daemon: "highest Docker API version the daemon serves" },
    versionKinds: { client: "docker-api", daemon: "docker-api", clientEngine: { kind: "component", component: "Docker Engine" }, daemonEngine: { kind: "component", component: "Docker Engine" } },
    priority: 50,
    meaning: "A Docker client (the CLI, kind, act, a Docker SDK in a tool) asked for a newer Engine API than the daemon in the job serves.",
    causes: ["A tool or image built with a newer Docker SDK than the runner's (or DinD service's) Docker Engine; the SDK pins its API version instead of negotiating."],
    fixes: ["Upgrade the Docker Engine of the runner or DinD service, or set DOCKER_API_VERSION to the daemon's version for the old daemon."],
    references: ["https://docs.docker.com/reference/api/engine/#api-version-matrix"],
    examples: [
      { line: "Error response from daemon: client version 1.41 is too new. Maximum supported API version is 1.39", captures: { client: "1.41", daemon: "1.39" } },
    ],
  },
  {
    id: "docker-api-version-too-old",
    title: "Docker client older than the daemon's minimum API",
    family: "container",
    severity: "error",
    flake: true,
    anchors: ["is too old. Minimum supported API version"],
    patterns: [String.raw`client\s+version\s+(?<client>${API})\s+is\s+too\s+old\.\s+Minimum\s+supported\s+API\s+version\s+is\s+(?<daemon>${API})`],
    versions: ["client", "daemon"],
    roles: { client: "Docker API version the client asks for", daemon: "lowest Docker API version the daemon serves" },
    versionKinds: { client: "docker-api", daemon: "docker-api", clientEngine: { kind: "component", component: "Docker Engine" }, daemonEngine: { kind: "component", component: "Docker Engine" } },
    priority: 50,
    meaning: "The Docker daemon no longer serves the old Engine API the client asks for (Docker Engine 25 raised the minimum to 1.24, Engine 29 to 1.44).",
    causes: ["A tool built with an old Docker SDK (or an old docker CLI in a CI image) talking to a newly upgraded daemon."],
    fixes: ["Upgrade the tool or CLI to a newer Docker SDK; as a stop-gap, start the daemon with DOCKER_MIN_API_VERSION set to the old version."],
    references: ["https://docs.docker.com/engine/release-notes/29/"],
    examples: [
      {
        line: "Error response from daemon: client version 1.43 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version",
        captures: { client: "1.43", daemon: "1.44" },
      },
    ],
  },
];
