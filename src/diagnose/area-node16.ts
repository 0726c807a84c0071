import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/node16.ts (the eleventh tuning session, area: node).

/** The CNI spec versions that exist (SPEC.md, pkg/version): anything else in cniVersion is a typo in the config. */
const CNI_SPEC_VERSIONS = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"];
const specIndex = (v: string) => CNI_SPEC_VERSIONS.indexOf(v);

/** The first containernetworking/plugins release implementing each spec version (its plugins' supportedVersions). */
const PLUGINS_RELEASE: Record<string, string> = { "0.3.1": "v0.6.0", "0.4.0": "v0.8.0", "1.0.0": "v1.0.1" };

/**
 * cni-plugin-spec-version-unsupported. The plugin names both sides: the config's cniVersion and the versions it
 * implements. A config newer than the plugin means old binaries on the node; older than the plugin's oldest, a
 * config written for older plugins. A cniVersion that is no spec version (or none at all) is the conflist's mistake.
 */
const diagnoseCniSpecVersion: Diagnoser = (input) => {
  const config = input.capture("config");
  const plugin = input.capture("plugin");
  const who = plugin ? `The ${plugin} CNI plugin` : "A CNI plugin";
  const supported = [...(input.capture("supported") ?? "").matchAll(/\d+\.\d+\.\d+/g)].map((m) => m[0]).filter((v) => specIndex(v) >= 0);
  const versions = captureRoles(input).filter((v) => v.name !== "supported" && v.name !== "validating");
  if (config === "") {
    // libcni's validation (the kubelet from 1.16, Multus, current runtimes) refuses a config without cniVersion that
    // older kubelets ran: an upgrade exposed the omission. Worth knowing, not proof of a mismatch.
    return {
      verdict: "warning",
      headline: `${who} was handed a network config with no cniVersion: the kubelet from 1.16 (libcni's config validation) and current runtimes refuse it, where older releases assumed 0.1.0/0.2.0 and ran it.`,
      versions: [{ name: "kubeletValidates", version: "1.16", role: "first kubelet release validating the CNI config version", source: "kubernetes/kubernetes#80482" }],
      fixes: [`Add "cniVersion" (0.3.1 or later, a version every plugin in the list implements) to the .conflist in /etc/cni/net.d, or to the NetworkAttachmentDefinition's config.`],
    };
  }
  if (config !== undefined && specIndex(config) < 0) {
    return {
      verdict: "not-skew",
      headline: `cniVersion "${config}" is not a CNI spec version (${CNI_SPEC_VERSIONS.join(", ")}): a typo in the network config, not a version mismatch.`,
      versions: [],
    };
  }
  const newest = supported.length ? supported.reduce((a, b) => (specIndex(b) > specIndex(a) ? b : a)) : undefined;
  const oldest = supported.length ? supported.reduce((a, b) => (specIndex(b) < specIndex(a) ? b : a)) : undefined;
  if (newest) versions.push({ name: "pluginNewest", version: newest, role: "newest CNI spec version the plugin implements", source: "the plugin's supportedVersions" });
  const validating = input.capture("validating") !== undefined || /\bWARN|level=warn/.test(input.finding.text);
  const release = config ? PLUGINS_RELEASE[config] : undefined;
  const loopback = plugin === "loopback" && config === "1.0.0";
  const configOlder = config !== undefined && oldest !== undefined && specIndex(config) < specIndex(oldest);
  const fixes = configOlder
    ? [
        `Raise cniVersion in the conflist to ${oldest}${newest && newest !== oldest ? ` (or ${newest})` : ""}, a version ${plugin ?? "the plugin"} implements, after checking every other plugin in the list supports it.`,
        "Or upgrade the CNI add-on that writes the config (Multus, the CNI plugin's installer) to one that writes a current cniVersion.",
      ]
    : [
        `Upgrade the CNI plugin binaries in /opt/cni/bin on every node${release ? ` (containernetworking/plugins ${release} or later implement ${config})` : ""}${plugin && !["loopback", "bridge", "portmap", "host-local", "firewall", "tuning", "bandwidth", "ptp", "macvlan", "ipvlan", "vlan", "host-device"].includes(plugin) ? `, including the ${plugin} binary its add-on installs` : ""}.`,
        loopback
          ? "Or upgrade containerd to 1.6.4 or later, which no longer forces cniVersion 1.0.0 on its built-in loopback config."
          : `Or lower cniVersion in the conflist to ${newest ?? "a version every plugin in it implements"}.`,
      ];
  if (validating) {
    return {
      verdict: "warning",
      headline: `${who} binary does not implement cniVersion ${config ?? "of the config"}: the network config is newer than the plugins installed (Podman's generated 1.0.0 networks with distribution plugins before v1.0.0). Podman only warns; containers on that network may fail to start.`,
      versions,
      fixes,
    };
  }
  if (configOlder) {
    return {
      verdict: "cause",
      headline: `${who} implements CNI spec ${oldest}${newest && newest !== oldest ? `–${newest}` : ""} only, and the network config says cniVersion ${config}: the config was written for older plugins than the one installed.`,
      versions,
      fixes,
    };
  }
  return {
    verdict: "cause",
    headline: loopback
      ? `containerd's built-in loopback config asks for cniVersion 1.0.0 (containerd 1.6.0–1.6.3) and the node's loopback plugin implements only up to ${newest ?? "0.4.0"}: the CNI plugins are older than containerd.`
      : `${who} implements CNI spec versions up to ${newest ?? "an older one"}, and the network config says cniVersion ${config ?? "newer"}: the plugin binaries on the node are older than the config${release ? ` (spec ${config} needs containernetworking/plugins ${release}+)` : ""}.`,
    versions,
    fixes,
  };
};

/**
 * container-runtime-cgroup-v2-unsupported. runc's own refusal names cgroup v2, so the runtime is too old for the host.
 * The v1 libraries' "mountpoint does not exist / not found" only say a v1 mount is missing: on a cgroup v2 host that is
 * the same skew, on a v1 host an unmounted controller. A warning, not a cause.
 */
const diagnoseCgroupV2: Diagnoser = (input) => {
  if (/doesn.?t\s+work\s+on\s+cgroups?\s+v2/.test(input.finding.text)) {
    return {
      verdict: "cause",
      headline: "runc refused to run on the host's cgroup v2 (unified) hierarchy: the runc in use is 1.0.0-rc90 or older (Docker Engine before 20.10 ships one), older than the host's OS.",
      versions: [{ name: "runcFixed", version: "1.0.0-rc91", role: "first runc release with cgroup v2 support", source: "runc release notes" }],
    };
  }
  const library = input.capture("library") !== undefined;
  return {
    verdict: "warning",
    headline: library
      ? "The engine's v1-only cgroups library found no v1 controller mount: on a cgroup v2 host (Fedora 31+, Debian 11+, Ubuntu 21.10+) the Docker Engine (before 20.10), containerd (before 1.4) or runtime shim is older than the host; on a cgroup v1 host, a controller is not mounted."
      : "runc's cgroup v1 code found no mount for a controller: on a cgroup v2 host runc is older than 1.0.0-rc91; on a cgroup v1 host, a controller is not mounted.",
    versions: library
      ? [{ name: "dockerFixed", version: "20.10", role: "first Docker Engine release with cgroup v2 support", source: "Docker Engine 20.10 release notes" }]
      : [{ name: "runcFixed", version: "1.0.0-rc91", role: "first runc release with cgroup v2 support", source: "runc release notes" }],
  };
};

/** Windows builds and the releases they are (container host and image tags). */
const WINDOWS_BUILDS: Record<string, string> = {
  "14393": "Windows Server 2016 / 10 1607 (ltsc2016)",
  "16299": "Windows 1709",
  "17134": "Windows 1803",
  "17763": "Windows Server 2019 / 10 1809 (ltsc2019)",
  "18362": "Windows 1903",
  "18363": "Windows 1909",
  "19041": "Windows 2004",
  "19042": "Windows 20H2",
  "19043": "Windows 10 21H1",
  "19044": "Windows 10 21H2",
  "19045": "Windows 10 22H2",
  "20348": "Windows Server 2022 (ltsc2022)",
  "22000": "Windows 11 21H2",
  "22621": "Windows 11 22H2",
  "22631": "Windows 11 23H2",
  "26100": "Windows Server 2025 / 11 24H2 (ltsc2025)",
};
const windowsName = (v: string) => {
  const build = v.split(".")[2] ?? "";
  const name = WINDOWS_BUILDS[build];
  return name ? `${v} (${name})` : v;
};

/** windows-container-image-newer-than-host. Docker only says it when the image's build is newer than the host's. */
const diagnoseWindowsImageNewer: Diagnoser = (input) => {
  const image = input.capture("image") ?? "";
  const host = input.capture("host") ?? "";
  const imageBuild = Number(image.split(".")[2]);
  const hostBuild = Number(host.split(".")[2]);
  if (!(imageBuild > hostBuild)) {
    return { verdict: "not-skew", headline: `Windows build ${image} is not newer than the host's ${host}: not the image/host mismatch this message reports.`, versions: [] };
  }
  const hostTag = WINDOWS_BUILDS[String(hostBuild)]?.match(/\((ltsc\d{4})\)/)?.[1];
  return {
    verdict: "cause",
    headline: `The image is based on Windows ${windowsName(image)} and the container host runs ${windowsName(host)}: a Windows container image cannot be newer than its host's build.`,
    versions: captureRoles(input),
    fixes: [
      hostTag
        ? `Use the image's ${hostTag} tag (or any base image of build ${hostBuild} or older) on this host, or publish a multi-arch manifest with a ${hostTag} entry.`
        : `Use an image tag built for the host's release (build ${hostBuild} or older), or publish a multi-arch manifest with an entry for it.`,
      `Or run it on a host of build ${imageBuild} or newer (${WINDOWS_BUILDS[String(imageBuild)] ?? "the image's release"} or later).`,
    ],
  };
};

export const node16Diagnosers: Record<string, Diagnoser> = {
  "cni-plugin-spec-version-unsupported": diagnoseCniSpecVersion,
  "container-runtime-cgroup-v2-unsupported": diagnoseCgroupV2,
  "windows-container-image-newer-than-host": diagnoseWindowsImageNewer,
};
