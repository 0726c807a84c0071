import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { textSource } from "./helpers/logs.js";
import { verdictOf } from "./helpers/verdict.js";

// Verdicts of the node rules of the eleventh tuning session (src/signatures/node16.ts, src/diagnose/area-node16.ts).
// Lines are real ones (sources in test/fixtures/real-world/lines-16node.jsonl).

describe("CNI plugin binaries and the conflist's cniVersion implement different spec versions", () => {
  it.each([
    // containerd/containerd#6876, kata-containers#4500: a 1.0.0 config, plugins before 1.0
    [String.raw`plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"`, "cause", { plugin: "loopback", config: "1.0.0" }],
    [String.raw`E0621 11:31:59.476053   47744 remote_runtime.go:201] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox \"e87c56ad75d8b64441ccb514544c61535a8de096c35e6a7d7f1cf1567425c586\": plugin type=\"bridge\" failed (add): incompatible CNI versions; config is \"1.0.0\", plugin supports [\"0.1.0\" \"0.2.0\" \"0.3.0\" \"0.3.1\" \"0.4.0\"]"`, "cause", { plugin: "bridge", config: "1.0.0" }],
    // hashicorp/nomad#26724: a firewall plugin of the plugins v1.0.0 era, quoted in a PR
    ['> incompatible CNI versions; config is "1.0.0", plugin supports ["0.4.0"]', "cause", { config: "1.0.0" }],
    // containernetworking/plugins#690: a 0.3.1 config against a plugin that implements 0.4.0 only
    [`error adding container to network "ipvlan-sabir": incompatible CNI versions; config is "0.3.1", plugin supports ["0.4.0"], failed to clean up sandbox container`, "cause", { config: "0.3.1" }],
    // containers/podman-compose#893: libcni's validation, which Podman only warns about
    [`WARN[0000] Error validating CNI config file /etc/cni/net.d/echo_default.conflist: [plugin bridge does not support config version "1.0.0" plugin portmap does not support config version "1.0.0"]`, "warning", { plugin: "bridge", config: "1.0.0" }],
    // containernetworking/plugins#428: no cniVersion at all, which the kubelet validates from 1.16
    [String.raw`W1218 10:58:30.629078   14847 cni.go:202] Error validating CNI config list {"cniVersion":"", ... }: [plugin bridge does not support config version ""]`, "warning", { plugin: "bridge", config: "" }],
    // a cniVersion that is no spec version; other plugin failures (plugins#1225, kubernetes-the-hard-way#40)
    [`incompatible CNI versions; config is "0.3", plugin supports ["0.1.0" "0.2.0" "0.3.0"]`, "none", {}],
    [String.raw`plugin type="bridge" failed (add): failed to set bridge addr: could not add IP address to "cni0": permission denied`, "none", {}],
    [`NetworkPlugin cni failed to set up pod "coredns-69cbb76ff8-q2zgf_kube-system" network: failed to find plugin "loopback" in path [/opt/cni/bin]`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("cni-plugin-spec-version-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the plugin's newest spec version, the plugins release, and containerd's loopback fix", async () => {
    const report = await analyze([textSource("job.log", `plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]\n`)]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("containerd 1.6.0–1.6.3");
    expect(cause?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual(expect.arrayContaining([["config", "1.0.0"], ["pluginNewest", "0.4.0"]]));
    expect(cause?.diagnosis.fixes.join(" ")).toContain("containernetworking/plugins v1.0.1");
    expect(cause?.diagnosis.fixes.join(" ")).toContain("containerd to 1.6.4");
    const older = await analyze([textSource("job.log", `incompatible CNI versions; config is "0.3.1", plugin supports ["0.4.0"]\n`)]);
    expect(older.causes[0]?.diagnosis.headline).toContain("written for older plugins");
    expect(older.causes[0]?.diagnosis.fixes[0]).toContain("Raise cniVersion in the conflist to 0.4.0");
  });
});

describe("Container runtime or engine older than cgroup v2 support", () => {
  it.each([
    // jitsi/docker-jitsi-meet#618: runc's own refusal on Fedora 31
    ["ERROR: for web  Cannot start service web: OCI runtime create failed: this version of runc doesn't work on cgroups v2: unknown", "cause", {}],
    // JJ/alpine-raku#20, minikube#11310, podman#4610: the v1-only libraries, a warning (the host's hierarchy is not in the line)
    ["docker: Error response from daemon: cgroups: cgroup mountpoint does not exist: unknown.", "warning", { library: "cgroups" }],
    ["failed: rpc error: code = Unknown desc = failed to create containerd task: cgroups: cgroup mountpoint does not exist: unknown", "warning", { library: "cgroups" }],
    [String.raw`Error: container_linux.go:344: starting container process caused "process_linux.go:275: applying cgroup configuration for process caused \"mountpoint for cgroup not found\"": OCI runtime error`, "warning", {}],
    // microsoft/WSL#4189: a missing name=systemd hierarchy
    ["docker: Error response from daemon: cgroups: cannot find cgroup mount destination: unknown.", "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("container-runtime-cgroup-v2-unsupported");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names the first cgroup v2-aware runc and Docker releases", async () => {
    const runc = await analyze([textSource("job.log", "OCI runtime create failed: this version of runc doesn't work on cgroups v2: unknown\n")]);
    expect(runc.causes[0]?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["runcFixed", "1.0.0-rc91"]]);
    const docker = await analyze([textSource("job.log", "docker: Error response from daemon: cgroups: cgroup mountpoint does not exist: unknown.\n")]);
    expect(docker.warnings[0]?.diagnosis.headline).toContain("Docker Engine (before 20.10)");
  });
});

describe("Windows container image newer than the container host's build", () => {
  it.each([
    // gillesvink/NukeDockerBuild#16, appveyor/ci#2466, navcontainerhelper#2235, moby#39328
    ["a Windows version 10.0.20348-based image is incompatible with a 10.0.19045 host", "cause", { image: "10.0.20348", host: "10.0.19045" }],
    ["1709: Pulling from microsoft/nanoserver a Windows version 10.0.16299-based image is incompatible with a 10.0.14393 host", "cause", { image: "10.0.16299", host: "10.0.14393" }],
    ["DockerDo : a Windows version 10.0.20348-based image is incompatible with a 10.0.19044 host", "cause", { image: "10.0.20348", host: "10.0.19044" }],
    [String.raw`time="2019-05-23T09:14:23.756050200-07:00" level=debug msg="a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host`, "cause", { image: "10.0.18362", host: "10.0.17763" }],
    // docker.kitematic#3145: the daemon runs Linux containers
    [`image operating system "windows" cannot be used on this platform`, "none", {}],
  ] as const)("%s → %s", async (line, want, captures) => {
    const got = await verdictOf(line);
    expect(got.verdict).toBe(want);
    if (want !== "none") {
      expect(got.id).toBe("windows-container-image-newer-than-host");
      expect(got.captures).toMatchObject(captures);
    }
  });

  it("names both Windows releases and the host's ltsc tag", async () => {
    const report = await analyze([textSource("job.log", "a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host\n")]);
    const [cause] = report.causes;
    expect(cause?.diagnosis.headline).toContain("Windows Server 2022 (ltsc2022)");
    expect(cause?.diagnosis.headline).toContain("Windows Server 2019 / 10 1809 (ltsc2019)");
    expect(cause?.diagnosis.fixes[0]).toContain("ltsc2019 tag");
  });
});
