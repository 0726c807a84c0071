import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: generic). Their reasoning lives in src/diagnose/area-generic16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16generic.jsonl.

// A runtime-spec version as the OCI runtimes print it (1.2.1, 1.1.0-rc.1, 1.0.2-dev).
const SPEC = String.raw`(?<spec>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?(?:-[0-9A-Za-z][0-9A-Za-z.]{0,30})?)`;
// The versions a runtime says it accepts: "1.0.x", "1.0.X", "1.X.Y", "1.0".
const ACCEPTED = String.raw`(?<supported>\d{1,2}\.(?:\d{1,3}|[xX])(?:\.(?:\d{1,3}|[xXyY]))?)`;

export const generic16Signatures: Signature[] = [
  {
    id: "oci-runtime-spec-version-unsupported",
    title: "OCI runtime older than the runtime-spec version of the config.json the engine wrote (crun, runc forks, youki, ujail)",
    family: "container",
    severity: "error",
    flake: false,
    anchors: ["unknown version specified", "unsupported ociVersion", "unsupported spec (", "runtime spec has incompatible version"],
    patterns: [
      // crun before 1.14.3 (src/libcrun/container.c: an ociVersion without "1.0" is "unknown version specified"), as Podman
      // ("Error: OCI runtime error: crun: …"), containerd/Docker ("OCI runtime create failed: …") and CRI-O ("container create
      // failed: …") relay it. The runtime or its wrapper must lead: the bare words are any program's (Hive's schema tool).
      String.raw`\b(?<wrapper>OCI\s+runtime(?:\s+create)?\s+(?:error|failed)|container\s+create\s+failed)\b[^\n]{0,40}?(?:\b(?<runtime>crun|runc|youki|runq)\b\s*:\s*)?(?<relation>unknown\s+version\s+specified)\b`,
      String.raw`\b(?<runtime>crun|runc|youki|runq)\b[^\n]{0,40}?(?<relation>unknown\s+version\s+specified)\b`,
      // OpenWrt's ujail (procd jail/jail.c): "jail: unsupported ociVersion 1.2.1".
      String.raw`\b(?<relation>unsupported\s+ociVersion)\s*:?\s*\\?["']?${SPEC}(?![\w.])`,
      // A runc-based runtime that pins the spec it implements (gotoz/runq): "unsupported spec (1.1.0), need 1.0.x".
      String.raw`\b(?<relation>unsupported\s+spec)\s*\(\s*${SPEC}\s*\)\s*,\s*need\s+${ACCEPTED}`,
      // youki's libcontainer (and runwasi's shims built on it): "runtime spec has incompatible version '1.1.0-rc.1'. Only 1.0.X is supported".
      String.raw`\b(?<relation>runtime\s+spec\s+has\s+incompatible\s+version)\s*\\?["']?${SPEC}\\?["']?\s*\.?\s*Only\s+${ACCEPTED}\s+is\s+supported`,
    ],
    versions: ["spec", "supported"],
    roles: {
      spec: "ociVersion of the config.json the engine wrote",
      supported: "runtime-spec versions the OCI runtime accepts",
      runtime: "OCI runtime",
      wrapper: "engine's wrapper of the runtime's error",
    },
    versionKinds: {
      spec: { kind: "component", component: "OCI runtime spec" },
      supported: { kind: "component", component: "OCI runtime spec" },
    },
    priority: 40,
    meaning:
      "The container engine (Podman, containerd under Docker or the kubelet, CRI-O) wrote the container's config.json at a newer OCI runtime-spec version than the low-level runtime it started accepts. Podman 5, CRI-O and containerd 1.7+ write ociVersion 1.1 or 1.2; crun builds before 1.14.3 reject any ociVersion without \"1.0\" (\"unknown version specified\"), runc forks such as runq pin 1.0.x, youki's older libcontainer and OpenWrt's ujail refuse versions they do not know. Every container start fails the same way: a version skew between the engine and the runtime, not a flake.",
    causes: [
      "An engine newer than the OCI runtime it calls: a distribution crun (Ubuntu 24.04 ships 1.14.1) under a newer Podman or CRI-O, or a runtime configured by absolute path (containers.conf, daemon.json runtimes) left behind when the engine was upgraded.",
      "A CI image or runner whose preinstalled crun predates the engine installed in the job (actions/runner-images#14473).",
    ],
    fixes: [
      "Upgrade the OCI runtime to a release that accepts the engine's spec (crun 1.14.3 or later; a current runq/youki), or point the engine at the runtime that ships with it (podman info --format '{{.Host.OCIRuntime.Path}}' shows which one it uses).",
      "Or pin the engine back to a release whose runtime-spec the installed runtime accepts.",
    ],
    references: [
      "https://github.com/containers/podman/issues/27272",
      "https://github.com/actions/runner-images/issues/14473",
      "https://github.com/containers/crun/issues/1880",
    ],
    examples: [
      {
        // hiero-ledger/solo#5536 (podman 5.8.4 running the runner image's /usr/bin/crun 1.14)
        line: "Command Output: Error: OCI runtime error: crun: unknown version specified",
        captures: { runtime: "crun", relation: "unknown version specified" },
      },
      {
        // containerd/runwasi#78 (youki's libcontainer given Docker's 1.1.0-rc.1 spec)
        line: "Apr 06 18:01:45 nuque containerd[528]: [ERROR] because: runtime spec has incompatible version '1.1.0-rc.1'. Only 1.0.X is supported",
        captures: { spec: "1.1.0-rc.1", supported: "1.0.X" },
      },
    ],
    nearMisses: [
      // Apache Hive's schema tool: the same words about its own metastore schema
      "Unknown version specified for upgrade 4.2.0",
      // containers/crun#926: the runtime's binary missing, not its spec version
      "docker: Error response from daemon: failed to create shim: OCI runtime create failed: unable to retrieve OCI runtime error (open /var/run/desktop-containerd/daemon/io.containerd.runtime.v2.task/moby/85d6fcff15c2/log.json: no such file or directory): fork/exec /usr/local/bin/crun: no such file or directory: unknown.",
    ],
  },
  {
    id: "python-client-api-class-missing",
    title: "Python kubernetes client without an API class the code uses (removed with its API version, or added after the installed release)",
    family: "api",
    severity: "error",
    flake: false,
    anchors: ["has no attribute", "cannot import name"],
    patterns: [
      // Python 3's AttributeError on the kubernetes package's client module (or kubernetes_asyncio's, generated alike) (kubernetes/client/__init__.py imports one class
      // per group/version, generated from the Kubernetes release the client follows).
      String.raw`\bmodule\s+\\?'kubernetes(?:_asyncio)?\.client(?:\.api)?\\?'\s+has\s+no\s+attribute\s+\\?'(?<apiClass>[A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'`,
      // "from kubernetes.client import ExtensionsV1beta1Api", and Python 2's wording, which does not name the module.
      String.raw`\bcannot\s+import\s+name\s+\\?'(?<apiClass>[A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'\s+from\s+\\?'kubernetes(?:_asyncio)?(?:\.client)?(?:\.api)?\\?'`,
      String.raw`\\?'module\\?'\s+object\s+has\s+no\s+attribute\s+\\?'(?<apiClass>[A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'`,
      // An API class of the installed release without a method the code calls: the kind came to (or left) that group/version
      // in another client release ("'NetworkingV1Api' object has no attribute 'create_namespaced_ingress'" before 19.x).
      String.raw`\\?'?(?<apiClass>[A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'?\s+object\s+has\s+no\s+attribute\s+\\?'?(?<method>[a-z][a-z0-9_]{2,80})\b`,
    ],
    versions: [],
    roles: { apiClass: "client API class the code uses", method: "method of the API class the code calls" },
    priority: 40,
    meaning:
      "Python code (a tool, a test library, an operator) asked the kubernetes package for an API class that the installed release does not have. The Python client generates one class per API group/version from the Kubernetes release it follows (client 25.x ↔ Kubernetes 1.25; 12.x ↔ 1.16): a class disappears in the client release that follows the Kubernetes release that stopped serving its group/version (ExtensionsV1beta1Api and NetworkingV1beta1Api in 22.x, BatchV1beta1Api and PolicyV1beta1Api in 25.x), and a newer class is missing from clients older than its API (ApiextensionsV1Api before 12.0). The code and the installed client are from different eras.",
    causes: [
      "An unpinned `kubernetes` dependency upgraded past the release that dropped the class the code still uses (the code was written for an older Kubernetes API).",
      "An old `kubernetes` package (pinned, or from the distribution) under code written for a newer API version.",
    ],
    fixes: [
      "Move the code to the API version that replaced the removed one (ExtensionsV1beta1Api → NetworkingV1Api for Ingress, AppsV1Api for workloads; BatchV1beta1Api → BatchV1Api; PolicyV1beta1Api → PolicyV1Api), then drop the pin.",
      "Meanwhile pin the kubernetes package to the last release that has the class (pip install 'kubernetes<25' for batch/v1beta1), or upgrade it where the class is newer than the installed release.",
    ],
    references: ["https://github.com/kubernetes-client/python#compatibility", "https://github.com/kubernetes-client/python/blob/master/CHANGELOG.md"],
    examples: [
      {
        // vapor-ware/kubetest#217 (kubetest's AppsV1beta1Api under kubernetes 18.20.0; the class went after 17.x). Longer
        // class names (ExtensionsV1beta1Api) read as base64 to the redactor, which masks the capture alone.
        line: "AttributeError: module 'kubernetes.client' has no attribute 'AppsV1beta1Api'",
        captures: { apiClass: "AppsV1beta1Api" },
      },
    ],
    nearMisses: [
      // kubernetes-client/python#1239: a helper, not an API class
      "AttributeError: module 'kubernetes.client' has no attribute 'select_header_accept'",
    ],
  },
];
