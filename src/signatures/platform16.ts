import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16platform.jsonl.

export const platform16Signatures: Signature[] = [
  {
    id: "kind-node-kubeadm-init-failed",
    title: "kind could not bring up a node with kubeadm (node image of another kind release, or the host)",
    family: "kind",
    severity: "warning",
    flake: true,
    anchors: ["failed to init node with kubeadm"],
    patterns: [
      // kind's create flow (pkg/cluster/internal/create/actions/kubeadminit): "failed to init node with kubeadm" and, from
      // v0.6 on, the command it ran in the node container (docker, podman or nerdctl exec --privileged <node> kubeadm init …).
      String.raw`failed\s+to\s+create\s+cluster\s*:\s*failed\s+to\s+init\s+node\s+with\s+kubeadm(?:\s*:\s*command\s+\\?"(?<provider>docker|podman|nerdctl)\s+exec\s+--privileged\s+(?<node>[\w.-]+)\s+kubeadm\s+init\b)?`,
    ],
    // The image comes from kind's "Ensuring node image (kindest/node:…)" step, read by the kind-node-image hint.
    versions: [],
    priority: 35,
    meaning:
      "kubeadm init failed inside kind's control-plane node container. Each kind release builds its kindest/node images for itself (its release notes list them by digest): an image built for another kind release, much older (before cgroup v2 support, kind v0.11) or newer (a kubeadm config API or containerd the kind binary does not generate for) fails exactly here. So do host problems — cgroups, too little memory or disk, rootless podman, sysbox, Docker Desktop — which is why the line alone is a warning.",
    causes: [
      "A kindest/node image tag pulled without the @sha256 digest of the kind release in use: an image built for an older or newer kind than the binary (old 1.1x images with a current kind, new images with an old kind).",
      "kubeadmConfigPatches written for another kubeadm config API than the node's Kubernetes uses (v1beta3 → v1beta4 from 1.31).",
      "The host: cgroup v2 with an old image, resource limits, rootless podman or sysbox, a Docker Desktop VM without enough memory.",
    ],
    fixes: [
      "Compare `kind version` with the kindest/node image: use an image listed in the release notes of that kind release, pinned by digest, or upgrade kind to the release the image was built for.",
      "Re-run with `kind create cluster --retain` and read `kind export logs` (kubelet and containerd journals) to tell a version mismatch from a host problem.",
    ],
    references: ["https://github.com/kubernetes-sigs/kind/releases", "https://kind.sigs.k8s.io/docs/user/known-issues/"],
    examples: [
      {
        // liqotech/liqo#2553 ("Possibly incorrect node-image": kindest/node:v1.25.0 without the kind release's digest)
        line: String.raw`ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged rome-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1`,
        captures: { provider: "docker", node: "rome-control-plane" },
      },
      {
        // kubernetes-sigs/kind#3581 (kind v0.19.0; the maintainers: upgrade kind and use an image of its release)
        line: String.raw`ERROR: failed to create cluster: failed to init node with kubeadm: command "podman exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1`,
        captures: { provider: "podman", node: "kind-control-plane" },
      },
    ],
    nearMisses: [
      // kind's progress line for the same step
      " ✗ Starting control-plane 🕹️",
      // kubeadm's own message outside kind
      "couldn't initialize a Kubernetes cluster",
    ],
  },
];
