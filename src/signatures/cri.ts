import type { Signature } from "../model.js";

export const criSignatures: Signature[] = [
  {
    id: "cri-api-unimplemented",
    title: "Container runtime does not serve the CRI API version",
    family: "cri",
    severity: "error",
    flake: true,
    anchors: ["unknown service runtime.", "code = Unimplemented"],
    patterns: [
      String.raw`(?:code\s*=\s*Unimplemented\s+desc\s*=\s*)?unknown\s+service\s+runtime\.(?:(?<criApi>v1alpha\d|v1)\.)?(?:RuntimeService|ImageService)`,
    ],
    versions: ["criApi"],
    roles: { criApi: "CRI API version asked for" },
    versionKinds: { criApi: "cri-api" },
    priority: 50,
    meaning:
      "The kubelet or crictl asked the container runtime for a CRI API version it does not serve: a runtime too old for the client, or a runtime whose CRI plugin is disabled.",
    causes: [
      "A kubelet ≥ 1.26 (CRI v1 only) with containerd < 1.6; or newer cri-tools with containerd 1.5.",
      "containerd's CRI plugin disabled (disabled_plugins = [\"cri\"] in config.toml).",
    ],
    fixes: ["Upgrade containerd or CRI-O to a release that serves CRI v1, or enable the CRI plugin."],
    references: ["https://github.com/kubernetes-sigs/cri-tools/issues/1073"],
    examples: [
      {
        line: String.raw`time="2026-05-21T10:11:12Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \"unix:///var/run/cri-dockerd.sock\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"`,
        captures: { criApi: "v1" },
      },
    ],
  },
];
