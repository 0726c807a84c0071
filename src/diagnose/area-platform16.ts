import semver from "semver";
import { captureRoles, hintRole, type Diagnoser } from "./context.js";
import { platform12Diagnosers } from "./area-platform12.js";

// Diagnosers for src/signatures/platform16.ts (the eleventh tuning session, area: platform).

const managedVersion = platform12Diagnosers["managed-version-unsupported"]!;

/** AKS's refusals of a version it does not offer: the region wording, the cluster wordings, the bare error code. */
const AKS_NOT_OFFERED =
  /supported\s+in\s*this\s+region|\b(?:AgentPool)?K8sVersionNotSupported\b|Managed\s+cluster\s+\S+\s+(?:has\s+invalid\s+version|is\s+on\s+version)/;

/**
 * managed-version-unsupported, AKS's "Version 1.x.y is not supported in this region" (and its cluster wordings). AKS
 * answers so for every version it does not offer in the region at that moment: a patch or minor it has retired (it keeps
 * three minors and a few patches of each), one not yet rolled out there, a preview one, or a string that was never an
 * AKS version. The threads show a pinned version outliving AKS's support (elastic/cloud-on-k8s#2760 #3412, azure-docs#56752,
 * simphera#29), but also stale Terraform state picking an old module's pin (microsoft/bedrock#737): no two components of
 * the job disagree, so it is a warning with the region's list as the fix, not a skew cause.
 */
const diagnoseAksVersionNotOffered: Diagnoser = (input) => {
  const text = input.finding.text;
  if (!AKS_NOT_OFFERED.test(text) || /Kubernetes\/Orchestrator\s+Version/.test(text)) return managedVersion(input);
  const requested = input.capture("requested");
  const existing = /is\s+on\s+version/.test(text);
  const what = requested ? `Kubernetes ${requested}` : "the requested Kubernetes version";
  if (/only\s+available\s+for\s+Long-Term\s+Support/.test(text)) {
    return {
      verdict: "warning",
      headline: `${what} has left AKS standard support and is offered only as Long-Term Support (Premium tier with the AKS LTS plan): the cluster's version outlived standard support, so AKS refuses the operation on the Standard or Free tier.`,
      versions: captureRoles(input),
      fixes: [
        "Upgrade the cluster to a minor in standard support (az aks get-upgrades, az aks upgrade), or move it to the Premium tier with the LTS support plan (az aks update --tier premium --k8s-support-plan AKSLongTermSupport).",
      ],
      references: ["https://learn.microsoft.com/azure/aks/long-term-support"],
    };
  }
  return {
    verdict: "warning",
    headline: existing
      ? `AKS no longer offers ${what}, which the existing cluster still runs: the cluster has fallen out of AKS's supported versions, so operations on it that name the version are refused until it is upgraded.`
      : `AKS does not offer ${what} in this region: a version AKS has retired (it keeps only its last three minors, a few patches each), one not yet rolled out to the region, or a version string AKS never had. Nothing in the job runs at another version; the pin in the template or script is out of date.`,
    versions: captureRoles(input),
    causes: [
      "A pinned AKS patch or minor (tutorial, Terraform/Bicep/ARM default, e2e plan) that AKS has retired since it was written.",
      "A version AKS has not rolled out to this region yet, or a preview version.",
      "A stale module or state (an old .terraform folder, a cached template) supplying an older pin than the one in the repository.",
    ],
    fixes: [
      "List what the region offers: az aks get-versions --location <region> --output table, and pin one of those (or only the minor, 1.x, so AKS picks the patch).",
      existing
        ? "Upgrade the cluster to a supported version (az aks get-upgrades, az aks upgrade) before changing anything else on it."
        : "Drop stale local state (terraform init -upgrade, delete .terraform) if the version in the error is not the one in the configuration.",
    ],
    references: ["https://aka.ms/supported-version-list", "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions"],
  };
};

/**
 * kind-node-kubeadm-init-failed. The line is kind's for every failed kubeadm init in a node, and the threads show both
 * node images of another kind release (liqotech/liqo#2553, kubernetes-sigs/kind#2880 #3581) and host problems (rootless
 * podman kind#2689, sysbox, a VM without containers chaos-mesh#163): a warning, never a cause. The image named in the
 * log (kind's "Ensuring node image" step) sharpens it: tags older than 1.21 are older than anything kind v0.20+ builds.
 */
const diagnoseKindKubeadmInit: Diagnoser = (input) => {
  const found = input.hint("node-image");
  const image = found?.hint.version;
  const version = found?.version;
  const node = input.capture("node");
  const where = node ? ` in ${node}` : "";
  const versions = [...captureRoles(input), ...(found ? [hintRole("nodeImage", found.hint.version, "kindest/node image the cluster was created from", found.hint)] : [])];
  if (image && version && version.major === 1 && version.minor < 21) {
    return {
      verdict: "warning",
      headline: `kubeadm init failed${where}, created from kindest/node ${image}: an image older than any kind v0.20 or later builds (their oldest is 1.21), so with a current kind binary the image most likely belongs to an older kind release (old images do not boot on cgroup v2 hosts either).`,
      versions,
      fixes: [
        `Move to a Kubernetes version the kind release in use builds an image for, pinned by the digest in its release notes, or run the kind release that built ${image}.`,
        input.signature.fixes[1]!,
      ],
    };
  }
  return {
    verdict: "warning",
    headline: image
      ? `kubeadm init failed${where}, created from kindest/node ${image}: check that this image was built for the kind binary in use (its release notes list the images by digest); otherwise a host problem (cgroups, memory, rootless podman, sysbox).`
      : `kubeadm init failed${where}: most often a kindest/node image built for another kind release than the binary, or a host problem (cgroups, memory, rootless podman, sysbox); the line does not say which.`,
    versions,
  };
};

/** Docker Engine's major.minor ("17.12.1-ce", "18.06.x", "1.13.1"), for ordering against RKE's list. */
function dockerMinor(raw: string | undefined): [number, number] | undefined {
  const m = raw ? /^(\d+)\.(\d+)/.exec(raw) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

/**
 * rke-docker-version-unsupported. RKE logs the check at WARN only when ignore_docker_version (or --ignore-docker-version)
 * let it go on (rke/hosts, rancher-archives/rke#149); otherwise it stops. The node's Docker above the newest listed is the
 * common case (rke#1130 #2375 #2378 #3577: a fresh docker-ce newer than the RKE release); below the oldest, an old engine;
 * between two listed releases, one RKE never validated (CoreOS's 17.12, an edge release).
 */
const diagnoseRkeDocker: Diagnoser = (input) => {
  const text = input.finding.text;
  const docker = input.capture("docker") ?? "";
  const versions = captureRoles(input);
  if (/^\s*WARN\[|level=warn(?:ing)?\b|\[WARN(?:ING)?\]/.test(text)) {
    return {
      verdict: "not-skew",
      headline: `RKE found Docker ${docker} outside its supported list but was told to ignore the check (ignore_docker_version / --ignore-docker-version) and went on.`,
      versions,
    };
  }
  const d = dockerMinor(docker);
  const oldest = dockerMinor(input.capture("oldest"));
  const newest = dockerMinor(input.capture("newest") ?? input.capture("oldest"));
  const on = input.capture("host") ? ` on ${input.capture("host")}` : "";
  if (d && newest && cmp(d, newest) > 0) {
    return {
      verdict: "cause",
      headline: `Docker ${docker}${on} is newer than any Docker release this RKE supports (newest ${input.capture("newest") ?? input.capture("oldest")}): the node's Docker was installed after the RKE release, so RKE refuses it.`,
      versions,
    };
  }
  if (d && oldest && cmp(d, oldest) < 0) {
    return {
      verdict: "cause",
      headline: `Docker ${docker}${on} is older than the oldest Docker this RKE supports (${input.capture("oldest")}): upgrade Docker on the node.`,
      versions,
      fixes: [`Upgrade Docker on the node to a release from RKE's list (${input.capture("oldest")} or later).`],
    };
  }
  return {
    verdict: "warning",
    headline: `Docker ${docker}${on} is within the range of RKE's supported list but not one of its releases (an edge or distribution build RKE never validated): RKE refuses it.`,
    versions,
  };
};

/** minikube releases that shipped their predecessor's node image (minikube#16225 for v1.30.0, #20829 for v1.36.0). */
const MINIKUBE_REUSED_IMAGE: Record<string, string> = { "1.30.0": "1.29.0", "1.36.0": "1.35.0" };

/**
 * minikube-base-image-other-release. minikube itself only warns and goes on. A restarted existing profile (minikube's "Restarting
 * existing … for" / "based on existing profile" just before) is a cluster older than the binary; a fresh one on a release
 * that reused its predecessor's image is minikube's own packaging; an image newer than the binary is a base image pulled or
 * pinned for a later minikube.
 */
const diagnoseMinikubeImage: Diagnoser = (input) => {
  const image = input.capture("image") ?? "";
  const binary = input.capture("minikube") ?? "";
  const versions = captureRoles(input);
  const before = input.finding.context.before.map((l) => l.text).join("\n");
  const strip = (v: string) => v.replace(/^v/, "").replace(/-.*/, "");
  const [im, bi] = [strip(image), strip(binary)];
  const newer = semverLess(bi, im);
  if (newer) {
    return {
      verdict: "warning",
      headline: `The node image was built for minikube ${image}, newer than this minikube ${binary}: a base image pulled or pinned (--base-image, --iso-url) for a later minikube, or a cached profile from a newer one.`,
      versions,
      fixes: ["Use the minikube release the image was built for, or delete the profile and start again without pinning the base image."],
    };
  }
  if (/Restarting\s+existing|based\s+on\s+existing\s+profile/.test(before)) {
    return {
      verdict: "warning",
      headline: `The existing minikube cluster was created by minikube ${image} and is now run by ${binary}: its node image stays the old one until the cluster is recreated.`,
      versions,
      fixes: [input.signature.fixes[0]!],
    };
  }
  if (MINIKUBE_REUSED_IMAGE[bi] === im) {
    return {
      verdict: "warning",
      headline: `minikube ${binary} shipped the node image of ${image} (its own packaging, minikube#16225/#20829): harmless on a fresh cluster.`,
      versions,
      fixes: [input.signature.fixes[1]!],
    };
  }
  return {
    verdict: "warning",
    headline: `minikube ${binary} is running a node image built for minikube ${image}: most often a profile created by the older minikube (recreate it), or a release that reused its predecessor's image.`,
    versions,
  };
};

/** a < b for plain x.y.z release numbers (missing parts count as 0). */
function semverLess(a: string, b: string): boolean {
  const [sa, sb] = [semver.coerce(a), semver.coerce(b)];
  return sa !== null && sb !== null && semver.lt(sa, sb);
}

/**
 * kubespray-ansible-version-unsupported. The assert fails only outside [minimum, maximum); with "you have" the side is
 * known (too new is the common case: kubespray#7822 #12571, alicek106/aws-terraform-kubernetes#4; too old: kubespray#10259).
 */
const diagnoseKubesprayAnsible: Diagnoser = (input) => {
  const have = input.capture("ansible");
  const min = input.capture("minimum") ?? "";
  const max = input.capture("maximum") ?? "";
  const versions = captureRoles(input);
  const plain = (v: string) => v.replace(/[^\d.].*$/, "");
  if (have && !semverLess(plain(have), plain(max))) {
    return {
      headline: `ansible-core ${have} is newer than this Kubespray release supports (${min} up to, not including, ${max}): it was installed without the release's requirements.txt pins.`,
      versions,
      fixes: [
        `Install ansible-core below ${max} in a virtualenv from this checkout's requirements.txt (pip install -r requirements.txt, no -U), or move to the Kubespray release that supports ${have}.`,
        input.signature.fixes[1]!,
      ],
    };
  }
  if (have && !semverLess(plain(have), plain(min))) {
    return { verdict: "not-skew", headline: `The reported ansible-core ${have} lies inside the range the message states (${min} to ${max}): the assert did not fail on the version.`, versions };
  }
  if (have) {
    return {
      headline: `ansible-core ${have} is older than this Kubespray release needs (${min} or later, below ${max}): an old virtualenv or container image runs the playbook.`,
      versions,
      fixes: [`Install ansible-core ${min} or later (below ${max}) from this checkout's requirements.txt, or rebuild the image that runs Kubespray.`, input.signature.fixes[1]!],
    };
  }
  return {
    headline: `The Ansible running the playbook is outside the ansible-core range this Kubespray release supports (${min} up to, not including, ${max}); the line does not say which side (most often newer, from pip install -U or the OS package).`,
    versions,
  };
};

export const platform16Diagnosers: Record<string, Diagnoser> = {
  "kubespray-ansible-version-unsupported": diagnoseKubesprayAnsible,
  "minikube-base-image-other-release": diagnoseMinikubeImage,
  "rke-docker-version-unsupported": diagnoseRkeDocker,
  "kind-node-kubeadm-init-failed": diagnoseKindKubeadmInit,
  "managed-version-unsupported": diagnoseAksVersionNotOffered,
};
