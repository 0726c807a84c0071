import type { Signature } from "../model.js";

// Rules of the eleventh tuning session (area: platform). Their reasoning lives in src/diagnose/area-platform16.ts; real
// lines and near-misses in test/fixtures/real-world/lines-16platform.jsonl.

export const platform16Signatures: Signature[] = [
  {
    id: "kubespray-ansible-version-unsupported",
    title: "Kubespray refuses the Ansible running it: outside the release's supported ansible-core range",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["Ansible must be between"],
    patterns: [
      // playbooks/ansible_version.yml (kubespray ≥ 2.15): assert msg "Ansible must be between {{ minimal_ansible_version }}
      // and {{ maximal_ansible_version }} exclusive - you have {{ ansible_version.string }}" (older releases end after the
      // range, or after "exclusive").
      String.raw`Ansible\s+must\s+be\s+between\s+(?<minimum>\d+\.\d+(?:\.\d+)?)\s+and\s+(?<maximum>\d+\.\d+(?:\.\d+)?)(?:\s+exclusive)?(?:\s*-\s*you\s+have\s+(?<ansible>\d+\.\d+(?:\.\d+)?(?:[\w.-]*)?))?`,
    ],
    versions: ["ansible", "minimum", "maximum"],
    roles: { ansible: "Ansible (ansible-core) running the playbook", minimum: "oldest ansible-core this Kubespray supports", maximum: "first ansible-core this Kubespray no longer supports" },
    versionKinds: {
      ansible: { kind: "component", component: "ansible-core" },
      minimum: { kind: "component", component: "ansible-core" },
      maximum: { kind: "component", component: "ansible-core" },
    },
    priority: 50,
    meaning:
      "Every Kubespray release supports one narrow ansible-core range (its requirements.txt pins it) and its first play asserts it before touching a host. The Ansible that ran the playbook is outside it: usually newer (pip install -U, a distribution's ansible package, a shared CI image), sometimes older (kubespray's own Docker image or an old virtualenv).",
    causes: [
      "Ansible installed without Kubespray's requirements.txt pins (pip install -U, the OS package, a runner image) is newer than the range the checked-out release supports.",
      "An old virtualenv or container image (kubespray's Dockerfile before it was bumped) with an ansible-core older than the release needs.",
    ],
    fixes: [
      "Install the release's own pins in a fresh virtualenv: pip install -r requirements.txt (without -U), from the same Kubespray checkout that runs cluster.yml.",
      "Or move to the Kubespray release that supports the installed ansible-core; editing maximal_ansible_version only hides the check.",
    ],
    references: ["https://github.com/kubernetes-sigs/kubespray/blob/master/docs/ansible/ansible.md", "https://github.com/kubernetes-sigs/kubespray/issues/7822"],
    examples: [
      {
        // kubernetes-sigs/kubespray#12571 (pip install -U pulled ansible-core 2.17.14 for a 2.16 release)
        line: String.raw`    "msg": "Ansible must be between 2.16.4 and 2.17.0 exclusive - you have 2.17.14"`,
        captures: { minimum: "2.16.4", maximum: "2.17.0", ansible: "2.17.14" },
      },
      {
        // kubernetes-sigs/kubespray#10259 (the Docker image's ansible-core 2.12.10)
        line: String.raw`    "msg": "Ansible must be between 2.14.0 and 2.16.0 exclusive - you have 2.12.10"`,
        captures: { minimum: "2.14.0", maximum: "2.16.0", ansible: "2.12.10" },
      },
      {
        // alicek106/aws-terraform-kubernetes#4 (kubespray 2.18.1 with ansible-core 2.12.4)
        line: String.raw`"msg": "Ansible must be between 2.9.0 and 2.12.0"`,
        captures: { minimum: "2.9.0", maximum: "2.12.0" },
      },
    ],
    nearMisses: [
      // the assert's own source, and the task name printed before it runs
      String.raw`        msg: "Ansible must be between {{ minimal_ansible_version }} and {{ maximal_ansible_version }} exclusive - you have {{ ansible_version.string }}"`,
      "TASK [Check 2.16.4 <= Ansible version < 2.17.0] *************************************************************************************************************************",
    ],
  },
  {
    id: "minikube-base-image-other-release",
    title: "minikube's node image (kicbase or ISO) was built for another minikube release than the binary",
    family: "distributions",
    severity: "warning",
    flake: false,
    anchors: ["Image was not built for the current minikube"],
    patterns: [
      // minikube's start (pkg/minikube/node/start.go) compares the image's /version.json with the binary:
      // out.WarningT("Image was not built for the current minikube version. … Expected minikube version:
      // {{.imageMinikubeVersion}} -> Actual minikube version: {{.minikubeVersion}}").
      String.raw`Image\s+was\s+not\s+built\s+for\s+the\s+current\s+minikube\s+version\.[^\n]*?Expected\s+minikube\s+version\s*:\s*(?<image>v?\d+\.\d+\.\d+(?:-[\w.]+)?)\s*->\s*Actual\s+minikube\s+version\s*:\s*(?<minikube>v?\d+\.\d+\.\d+(?:-[\w.]+)?)`,
    ],
    versions: ["image", "minikube"],
    roles: { image: "minikube release the node image was built for", minikube: "minikube binary" },
    versionKinds: { image: { kind: "component", component: "minikube" }, minikube: { kind: "component", component: "minikube" } },
    priority: 40,
    meaning:
      "minikube's node image (the kicbase container for the docker/podman drivers, the ISO for VM drivers) records the minikube release it was built for, and minikube warns when that is not the running binary. Most often the cluster is an existing profile created by an older minikube and restarted by a newer one (its image is kept until the cluster is deleted); some minikube releases also shipped their predecessor's image (v1.30.0, v1.36.0), where the warning is harmless. minikube goes on either way.",
    causes: [
      "A profile created by an older minikube, restarted after minikube was upgraded (the CI cache or a long-lived runner keeps ~/.minikube).",
      "A minikube release that reused the previous release's kicbase or ISO (minikube v1.30.0, v1.36.0): a false alarm fixed in later releases.",
      "A --base-image or --iso-url pinned to another release's image.",
    ],
    fixes: [
      "Delete and recreate the cluster with the current minikube (minikube delete -p <profile>, then minikube start), or do not cache ~/.minikube/machines across minikube upgrades.",
      "With a fresh cluster on a release known to reuse its predecessor's image, nothing to do; upgrade minikube to silence it.",
    ],
    references: ["https://github.com/kubernetes/minikube/issues/16225", "https://github.com/kubernetes/minikube/issues/20829"],
    examples: [
      {
        // kubernetes/minikube#16225 (v1.30.0 shipped v1.29.0's kicbase; fixed in v1.30.1)
        line: "! Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: v1.29.0 -> Actual minikube version: v1.30.0",
        captures: { image: "v1.29.0", minikube: "v1.30.0" },
      },
      {
        // kubernetes/minikube#20829 (the v1.36.0 ISO reports v1.35.0)
        line: "❗ Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: v1.35.0 -> Actual minikube version: v1.36.0",
        captures: { image: "v1.35.0", minikube: "v1.36.0" },
      },
    ],
    nearMisses: [
      // minikube's source, quoted
      String.raw`		out.WarningT("Image was not built for the current minikube version. To resolve this you can delete and recreate your minikube cluster using the latest images. Expected minikube version: {{.imageMinikubeVersion}} -> Actual minikube version: {{.minikubeVersion}}", out.V{"imageMinikubeVersion": versionDetails.MinikubeVersion})`,
      // minikube v1.30.1's release note
      "* Docker driver: Fix incorrectly stating `Image was not built for the current minikube` [#16226](https://github.com/kubernetes/minikube/pull/16226)",
    ],
  },
  {
    id: "rke-docker-version-unsupported",
    title: "RKE (or Rancher's RKE1 provisioning) refuses the node's Docker: not in the release's supported list",
    family: "distributions",
    severity: "error",
    flake: false,
    anchors: ["Unsupported Docker version found"],
    patterns: [
      // rke's docker.IsSupportedDockerVersion check (hosts/dialer, cluster/validation): "Unsupported Docker version found [X]
      // on host [H], supported versions are [1.13.x … 20.10.x]" — FATA from rke up, [ERROR] in Rancher's provisioning log,
      // WARN when ignore_docker_version lets it go on. The list is the one RKE keeps for the cluster's Kubernetes minor.
      String.raw`Unsupported\s+Docker\s+version\s+found\s+\[\s*(?<docker>\d+\.\d+(?:\.\d+)?(?:-[a-z]+)?)\s*\](?:\s+on\s+host\s+\[(?<host>[^\]\s]*)\])?\s*,\s*supported\s+versions\s+are\s+\[\s*(?<oldest>\d+\.\d+(?:\.(?:\d+|x))?)(?:\s+\d+\.\d+(?:\.(?:\d+|x))?)*?(?:\s+(?<newest>\d+\.\d+(?:\.(?:\d+|x))?))?\s*\]`,
    ],
    versions: ["docker", "oldest", "newest"],
    roles: { docker: "node's Docker Engine", oldest: "oldest Docker this RKE release supports", newest: "newest Docker this RKE release supports" },
    versionKinds: {
      docker: { kind: "component", component: "Docker Engine" },
      oldest: { kind: "component", component: "Docker Engine" },
      newest: { kind: "component", component: "Docker Engine" },
    },
    priority: 50,
    meaning:
      "RKE (rke up, and Rancher when it provisions RKE1 clusters) checks each node's Docker Engine against the Docker releases it validated for the cluster's Kubernetes minor, and stops when the node's is not among them. Docker ships faster than RKE releases: a node installed from docker.com's current packages is usually newer than the list of the RKE in use.",
    causes: [
      "The node's Docker Engine is newer than the RKE release (Docker 18.09 with RKE 0.1, 20.10 with RKE 1.0–1.2, 26.1 with RKE 1.6 before its update), typically a fresh install or an OS upgrade pulling the latest docker-ce.",
      "A Docker release RKE never validated (an edge or distribution build such as CoreOS's or RancherOS's), or one older than the list.",
    ],
    fixes: [
      "Install a Docker release from the list (Rancher's install-docker scripts pin them), or upgrade RKE to a release whose list includes the node's Docker.",
      "Or let RKE go on: `rke up --ignore-docker-version` (some RKE releases ignored `ignore_docker_version: true` in cluster.yml, rancher-archives/rke#2378).",
    ],
    references: ["https://rke.docs.rancher.com/os#software", "https://github.com/rancher-archives/rke/issues/2375"],
    examples: [
      {
        // rancher-archives/rke#2378 (Docker 20.10.0 with RKE v1.2.3)
        line: "FATA[0000] Unsupported Docker version found [20.10.0] on host [192.168.1.67], supported versions are [1.13.x 17.03.x 17.06.x 17.09.x 18.06.x 18.09.x 19.03.x]",
        captures: { docker: "20.10.0", host: "192.168.1.67", oldest: "1.13.x", newest: "19.03.x" },
      },
      {
        // rancher-archives/rke#1130 (Docker 18.09.2 for the runc CVE fix, before RKE listed it)
        line: "FATA[0004] Unsupported Docker version found [18.09.2], supported versions are [1.11.x 1.12.x 1.13.x 17.03.x 17.06.x 17.09.x 18.06.x]",
        captures: { docker: "18.09.2", oldest: "1.11.x", newest: "18.06.x" },
      },
      {
        // rancher/rancher#12329 (Rancher 2.0 provisioning a CoreOS node)
        line: "2018/03/28 12:45:53 [ERROR] cluster [cluster-2dwff] provisioning: Unsupported Docker version found [17.12.1-ce], supported versions are [1.12.6 1.13.1 17.03.2]",
        captures: { docker: "17.12.1-ce", oldest: "1.12.6", newest: "17.03.2" },
      },
    ],
    nearMisses: [
      // The check without its list (a state fetch relaying it, the line cut): NetApp/ez-rancher#114
      String.raw`time="2020-12-23T16:13:48Z" level=warning msg="[state] can't fetch legacy cluster state from Kubernetes: Unsupported Docker version found [20.10.1] on host [192.168.0.70]`,
      // rancher-archives/rke#149: with ignore_docker_version RKE only warns and goes on
      "WARN[0001] Unsupported Docker version found [17.09.0-ce], supported versions are [1.12.6 1.13.1 17.03.2] ",
    ],
  },
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
