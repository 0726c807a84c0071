import { captureRoles, type Diagnoser, type DiagnoseInput } from "./context.js";
import type { VersionRole } from "../model.js";
import { classifyVersion } from "../kube/versions.js";
import { node12Diagnosers } from "./area-node12.js";

// Diagnosers for the node signatures (src/signatures/node.ts); merged into DIAGNOSERS in index.ts.

function nearby(input: DiagnoseInput): string[] {
  return [...input.finding.context.before, ...input.finding.context.after].map((l) => l.text);
}

function ginkgoRow(name: string, version: string, role: string, source: string): VersionRole {
  const typed = classifyVersion(version, { kind: "component", component: "ginkgo" });
  return { name, version, role, source, ...(typed ? { typed } : {}) };
}

// Flags every Ginkgo v1 release and v2 (under their v1 names, with a deprecation notice) define: a binary
// that refuses one of them does not register Ginkgo's flags at all, whatever the release.
const GINKGO_EVERY_RELEASE = new Set([
  "seed",
  "focus",
  "skip",
  "v",
  "trace",
  "succinct",
  "noColor",
  "dryRun",
  "failFast",
  "failOnPending",
  "progress",
  "randomizeAllSpecs",
  "noisyPendings",
  "noisySkippings",
  "slowSpecThreshold",
  "skipMeasurements",
  "reportPassed",
  "debug",
  "parallel.node",
  "parallel.total",
  "parallel.synchronizer",
  "parallel.streamhost",
]);

// v1 flags that arrived in a later v1 release (onsi/ginkgo CHANGELOG): refused by the older v1 libraries.
const GINKGO_V1_ADDED: Record<string, string> = {
  flakeAttempts: "1.3.0",
  regexScansFilePath: "1.3.0",
  reportFile: "1.10.3",
  emitSpecProgress: "1.14.0",
};

// v2 names without a hyphen; every hyphenated name is v2's too (v1 spelled all of its flags in camel case).
const GINKGO_V2_PLAIN = new Set(["timeout", "vv", "parallel.process", "parallel.host", "parallel.total-processes"]);

const diagnoseGinkgoFlag: Diagnoser = (input) => {
  const raw = input.capture("flag") ?? "";
  const prefixed = raw.startsWith("ginkgo.");
  const name = prefixed ? raw.slice("ginkgo.".length) : raw;
  const around = nearby(input).join("\n");
  // What proves which Ginkgo the refusing binary has: the CLI's usage banner, or the Go flag package's usage
  // dump of the test binary listing its own -ginkgo.* flags (camel case: v1).
  const banner = /Ginkgo\s+Version\s+(\d+\.\d+\.\d+)/.exec(around)?.[1];
  const listsV1Flags = /^\s*-ginkgo\.[a-z]+[A-Z]\w*\b/m.test(around) || /^\s*-ginkgo\.(?:seed|focus|skip|succinct|trace)\b/m.test(around);
  const versions: VersionRole[] = banner ? [ginkgoRow("ginkgoCli", banner, "Ginkgo CLI release (its usage banner)", "the lines after the failure")] : [];
  const proven = (banner !== undefined && banner.startsWith("1.")) || listsV1Flags;
  if (name.includes("-") || GINKGO_V2_PLAIN.has(name)) {
    const who = prefixed ? "a test binary built with Ginkgo v1" : "a Ginkgo v1 CLI";
    return {
      // Without the binary's own flags or banner beside it, a package that does not import Ginkgo at all
      // refuses the flag the same way.
      verdict: proven ? "cause" : "warning",
      headline: proven
        ? `${prefixed ? "-" + raw : "--" + raw} is a Ginkgo v2 flag, refused by ${who}${banner ? ` (Ginkgo ${banner})` : ""}: the harness passing it was written for Ginkgo v2 (Kubernetes 1.25+ test binaries) and the binary predates it.`
        : `${prefixed ? "-" + raw : "--" + raw} exists only in Ginkgo v2: the binary that refused it was built with Ginkgo v1 (a Kubernetes 1.24 or older e2e.test, an old suite), or does not import Ginkgo at all.`,
      versions: [...versions, ginkgoRow("flagAddedIn", "2.0.0", `Ginkgo release that introduced --${name}`, "Ginkgo v2 migration guide")],
      fixes: [
        `Run the suite with the Ginkgo CLI of its own go.mod, or drop --${name} (and other v2-only flags) for Ginkgo v1 test binaries such as Kubernetes 1.24 and older e2e.test.`,
      ],
    };
  }
  const added = GINKGO_V1_ADDED[name];
  if (added) {
    return {
      verdict: proven ? "cause" : "warning",
      headline: `-ginkgo.${name} exists from Ginkgo ${added} on: the test binary was built with an older Ginkgo than the CLI or runner that passes it${proven ? "" : " (or it does not import Ginkgo at all)"}.`,
      versions: [...versions, ginkgoRow("flagAddedIn", added, `Ginkgo release that added -ginkgo.${name}`, "onsi/ginkgo CHANGELOG")],
      fixes: [`Bump the Ginkgo library of the suite to ${added} or newer, or run it with a Ginkgo CLI of the suite's own release.`],
    };
  }
  if (GINKGO_EVERY_RELEASE.has(name)) {
    return {
      verdict: "not-skew",
      headline: `Every Ginkgo release defines -ginkgo.${name}: the binary did not register Ginkgo's flags at all. It does not import Ginkgo (a plain testing package handed Ginkgo flags), or it parsed the command line before Ginkgo registered them (flag.Parse in an init function). Not a version skew.`,
      versions,
      causes: ["A runner that appends -ginkgo.* flags to every package, including ones without a Ginkgo suite.", "flag.Parse() in init() of the suite or a package it imports."],
      fixes: ["Import Ginkgo in the package (or stop passing Ginkgo flags to it); move flag.Parse() out of init()."],
    };
  }
  return {
    verdict: "warning",
    headline: `-ginkgo.${name} is not a flag of any Ginkgo release known here: a typo, or a flag of a wrapper passed through to the test binary.`,
    versions,
  };
};

const GO_TEST_FLAG_SINCE: Record<string, string> = {
  "test.testlogfile": "1.10",
  "test.paniconexit0": "1.16",
  "test.shuffle": "1.17",
  "test.fuzzcachedir": "1.18",
  "test.fuzzworker": "1.18",
  "test.gocoverdir": "1.20",
  "test.fullpath": "1.21",
};

const diagnoseGoTestFlag: Diagnoser = (input) => {
  const flag = input.capture("flag") ?? "test.*";
  const since = GO_TEST_FLAG_SINCE[flag];
  return {
    headline: since
      ? `The test binary refused -${flag}, which the go command passes from Go ${since} on: the binary parsed flags before the testing package registered them (flag.Parse in an init function), which Go 1.13 and later no longer tolerate.`
      : `The test binary refused -${flag}: it parsed the command line before the testing package registered its flags (flag.Parse in an init function), which Go 1.13 and later no longer tolerate.`,
    versions: since ? [{ name: "goFlagSince", version: since, role: `Go release whose go command passes -${flag}`, source: "Go release notes" }] : [],
  };
};

const diagnoseGinkgoMismatch: Diagnoser = (input) => {
  let cli = input.capture("cli");
  let library = input.capture("library");
  const versions = captureRoles(input);
  if (!cli || !library) {
    // Markdown pastes of CI logs turn line numbers into links: "2.[11](https://…).0".
    const after = input.finding.context.after.map((l) => l.text.replace(/\[(\d+)\]\([^)\s]*\)/g, "$1"));
    for (let i = 0; i < after.length; i++) {
      const text = after[i]!;
      const next = after.slice(i + 1, i + 4).find((t) => t.trim() !== "") ?? "";
      if (!cli && /Ginkgo\s+CLI\s+Version\s*:/.test(text)) {
        const m = /^\s*(\d+\.\d+\.\d+)\s*$/.exec(next);
        if (m) {
          cli = m[1];
          versions.push(ginkgoRow("cli", m[1]!, "Ginkgo CLI release", `the lines after the warning (${input.where})`));
        }
      }
      if (!library && /Mismatched\s+package\s+versions\s+found\s*:/.test(text)) {
        const m = /^\s*(\d+\.\d+\.\d+)\s+used\s+by\s+(.{1,60})/.exec(next);
        if (m) {
          library = m[1];
          versions.push(ginkgoRow("library", m[1]!, `Ginkgo library release (used by ${m[2]!.trim().replace(/,.*$/, ", …")})`, `the lines after the warning (${input.where})`));
        }
      }
    }
  }
  const majorOf = (v?: string) => (v ? Number(v.split(".")[0]) : undefined);
  const majors = majorOf(cli) !== undefined && majorOf(library) !== undefined && majorOf(cli) !== majorOf(library);
  return {
    verdict: "warning",
    headline:
      cli && library
        ? `The Ginkgo CLI ${cli} runs suites compiled with Ginkgo ${library}${majors ? " (another major: flags and reports differ)" : ""}. Ginkgo only warns, but flag errors or timeouts that follow in the run come from the mismatch.`
        : "The Ginkgo CLI and the Ginkgo library compiled into the suites are different releases. Ginkgo only warns, but flag errors or timeouts that follow in the run come from the mismatch.",
    versions,
  };
};

// A kubelet, kube-proxy or controller speaking for itself (not a person's curl or a proxy in between).
const COMPONENT_CLIENT =
  /register\s+node|node\s+status|Server\s+rejected\s+event|\((?:post|patch|put)\s+(?:events|nodes|pods|leases)\)|\/status\b|kubelet|kube-proxy|failed\s+to\s+patch\s+status/i;

// Writes only a kubelet makes (register itself, update its node's or its pods' status), in the apiserver's request log.
const KUBELET_WRITE = /^\/api\/v1\/(?:nodes(?:\/[\w.-]+\/status)?|namespaces\/[\w.-]+\/pods\/[\w.-]+\/status)$/;

const diagnoseMediaType: Diagnoser = (input) => {
  const text = input.finding.text;
  const accepted = input.capture("accepted");
  const path = input.capture("path");
  if (path) {
    // The apiserver logged its own 415 for a node write: it could not decode the body a kubelet sends (protobuf from
    // 1.3 on, and the patch types of its release). A person's curl to these paths is rare; a kubelet's is constant.
    const kubeletPath = KUBELET_WRITE.test(path);
    return {
      verdict: kubeletPath ? "cause" : "warning",
      headline: kubeletPath
        ? `The apiserver answered 415 to ${input.capture("verb") ?? "a write"} ${path}, a kubelet's own request: the kubelet is newer than the apiserver and encodes its requests (protobuf from 1.3 on) in a form this apiserver cannot decode.`
        : `The apiserver answered 415 to ${input.capture("verb") ?? "a write"} ${path}: the client (kube-proxy or a kubelet posting events, or another client) sends a body this apiserver cannot decode, which between components means a client newer than the apiserver.`,
      versions: captureRoles(input),
    };
  }
  // kube-rs (Rust controllers: linkerd's policy controller, kubert leases) wraps the apiserver's Status as
  // "ApiError: … ErrorResponse { … }". go-restful's route-level 415 ("415: Unsupported Media Type") means the route
  // does not take the patch type, and kube-rs controllers patch with server-side apply, which apiservers before 1.16
  // (or with ServerSideApply off) do not take (linkerd/linkerd2#10770: linkerd 2.13 on Kubernetes 1.18).
  if (/\bErrorResponse\s*\{|\bApiError\s*:\s*415\b/.test(text)) {
    return {
      verdict: "warning",
      headline:
        "A kube-rs controller's request was refused by the apiserver's route with 415: the route does not take the patch type the controller sends. kube-rs controllers (linkerd's policy controller, kubert leases) write with server-side apply (application/apply-patch+yaml), which the apiserver accepts from 1.16 on (GA in 1.22): the cluster is older than the controller's minimum Kubernetes version, or has ServerSideApply off.",
      versions: captureRoles(input),
      causes: [
        "A controller release (linkerd 2.13 needs Kubernetes 1.21+) installed on an older cluster.",
        "ServerSideApply disabled on the apiserver (--feature-gates=ServerSideApply=false, before 1.26).",
      ],
      fixes: ["Check the controller's supported Kubernetes range (linkerd check's kubernetes-version section) and upgrade the cluster, or install the controller release that supports it."],
    };
  }
  const component = COMPONENT_CLIENT.test(text) || /kubelet|node_status|event\.go/.test(input.finding.klog?.location ?? "");
  const noProtobuf = accepted !== undefined && !/protobuf/.test(accepted);
  const kubelet = input.hint("kubelet");
  const server = input.hint("server", "cluster");
  const newerClient =
    kubelet && server && (kubelet.version.major > server.version.major || (kubelet.version.major === server.version.major && kubelet.version.minor > server.version.minor));
  const versions = captureRoles(input);
  if (kubelet && server) {
    versions.push({ name: "kubelet", version: kubelet.hint.version, role: "kubelet version", source: kubelet.hint.source });
    versions.push({ name: "server", version: server.hint.version, role: "apiserver version", source: server.hint.source });
  }
  if (component && (noProtobuf || newerClient)) {
    return {
      verdict: "cause",
      headline: noProtobuf
        ? `A node component's request was refused with 415 by an apiserver that accepts only ${accepted}: no protobuf, so the apiserver is 1.2 or older while the kubelet or kube-proxy (1.3+, protobuf by default) is newer.`
        : `A node component's request was refused with 415: the kubelet (${kubelet!.hint.version}) is newer than the apiserver (${server!.hint.version}) and encodes requests it cannot decode.`,
      versions,
    };
  }
  // The Status body printed by curl or dumped by a client library's error type: a request whose author
  // picked the content type, not a component's built-in encoding.
  if (/(?:^|[\s{,])\\?"?message\\?"?\s*:\s*\\?"/.test(text)) {
    return {
      verdict: "not-skew",
      headline: "A 415 in the Status body of a request made by hand or by a client library (curl, a script, an operator's patch call): the request's Content-Type is missing or wrong, not a version skew.",
      versions,
    };
  }
  return {
    verdict: "warning",
    headline: component
      ? "A node component's request was refused with 415 (unsupported media type): a kubelet or kube-proxy newer than the apiserver sends an encoding or patch type the apiserver does not know. Compare the node and control-plane versions."
      : /apply-patch/.test(text)
        ? "The apiserver refused a server-side apply patch (415): it predates server-side apply (beta 1.16, GA 1.22) or has it disabled."
        : "The apiserver refused the request body's media type (415). Between components this is a newer client talking to an older apiserver; from a script or proxy it is a wrong Content-Type header.",
    versions,
  };
};

const diagnoseEtcdPeer: Diagnoser = (input) => {
  const remote = input.capture("remote");
  const local = input.capture("local");
  const cluster = input.capture("cluster");
  const supported = input.capture("supported");
  const side = input.capture("side");
  const direction = input.capture("direction");
  let headline: string;
  if (remote && local) {
    headline =
      side === "local"
        ? `etcd ${local} refused a peer at ${remote}: this member is older than the cluster's minimum, and members more than one minor apart cannot exchange raft messages.`
        : `etcd ${local} refused a peer at ${remote}: the peer is older than the oldest cluster version ${local} supports. Members more than one minor apart cannot talk; the upgrade skipped a minor.`;
  } else if (cluster && supported) {
    headline = /^(lower|low)$/.test(direction ?? "")
      ? `The cluster runs at version ${cluster}, below ${supported}, the oldest this etcd can join: the new member's binary is more than one minor newer than the cluster (an upgrade that skipped a minor).`
      : `The cluster runs at version ${cluster}, above ${supported}, the newest this etcd supports: the member's binary is older than the cluster (a rollback or a stale image).`;
  } else {
    headline = "etcd members refused each other's raft messages as version-incompatible: their versions are more than one minor apart (an upgrade that skipped a minor, or one member on another image).";
  }
  return { headline, versions: captureRoles(input) };
};

// Field selectors a later release added to a built-in resource, and who sends them (kubernetes/kubernetes#123905;
// kubernetes/website#55466 lists them).
const FIELD_SELECTORS_ADDED: Record<string, { kind: string; release: string; sender: string }> = {
  "spec.clusterIP": { kind: "Service", release: "1.31", sender: "1.31+ kubelets list Services with spec.clusterIP!=None" },
  "spec.type": { kind: "Service", release: "1.31", sender: "clients written for 1.31+" },
};

const diagnoseFieldSelector: Diagnoser = (input) => {
  const field = input.capture("field") ?? "";
  const kind = input.capture("kind");
  const text = input.finding.text;
  const added = FIELD_SELECTORS_ADDED[field];
  const versions = captureRoles(input);
  if (added && (!kind || kind === added.kind)) {
    versions.push({ name: "selectorAddedIn", version: added.release, role: `first release whose apiserver accepts the ${added.kind} field selector ${field}`, source: "field selector table (kubernetes/kubernetes#123905)" });
    const server = input.hint("server", "cluster");
    const [minMajor, minMinor] = added.release.split(".").map(Number) as [number, number];
    const serverOld = server && (server.version.major < minMajor || (server.version.major === minMajor && server.version.minor < minMinor));
    // The prefixes are gone from the finding's text: the kubelet shows in its own klog files or the lines around.
    const fromKubelet = /\bkubelet\b/.test(text) || /kubelet/.test(input.finding.klog?.location ?? "") || nearby(input).some((l) => /\bkubelet(?:\[\d+\])?:|kubelet\.go:\d+\]/.test(l));
    const headline = `${added.kind}s accept the field selector ${field} from Kubernetes ${added.release} on (${added.sender}): the client is newer than the apiserver that refused it${serverOld ? ` (${server!.hint.version})` : ""}, or a proxy between them passes only metadata.name/metadata.namespace selectors.`;
    return { verdict: serverOld || fromKubelet ? "cause" : "warning", headline, versions };
  }
  // Outside the table the selector is one the resource never had in any release known here: a client that
  // builds a wrong selector (a Pod's spec.nodeName applied to every kind, a CRD field without selectableFields).
  return {
    verdict: "not-skew",
    headline: `The apiserver does not support the field selector ${field || "(unnamed)"}${kind ? ` for ${kind}` : ""}, and no release added it there: the client builds a wrong selector (a bug or a misconfiguration), not a version skew.`,
    versions,
  };
};

// etcd's flag removals (CHANGELOG-3.6 "Flags removed", etcd-io/etcd#19914; CHANGELOG-3.7, etcd-io/etcd#19959).
const ETCD_GRADUATED: Record<string, string> = {
  "experimental-initial-corrupt-check": "--feature-gates=InitialCorruptCheck=true",
  "experimental-compact-hash-check-enabled": "--feature-gates=CompactHashCheck=true",
  "experimental-enable-lease-checkpoint": "--feature-gates=LeaseCheckpoint=true",
  "experimental-enable-lease-checkpoint-persist": "--feature-gates=LeaseCheckpointPersist=true",
  "experimental-stop-grpc-service-on-defrag": "--feature-gates=StopGRPCServiceOnDefrag=true",
  "experimental-txn-mode-write-with-shared-buffer": "--feature-gates=TxnModeWriteWithSharedBuffer=true",
};

function etcdRow(name: string, version: string, role: string, source: string): VersionRole {
  const typed = classifyVersion(version, { kind: "component", component: "etcd" });
  return { name, version, role, source, ...(typed ? { typed } : {}) };
}

const diagnoseEtcdFlag: Diagnoser = (input) => {
  const flag = input.capture("flag") ?? "";
  if (!flag.startsWith("experimental-") || flag === "experimental-enable-v2v3") {
    return {
      headline: `etcd was started with --${flag}, which etcd 3.6 removed with the v2 API: the unit or manifest was written for etcd 3.5 or older and the binary is 3.6 or newer. Check \`etcdutl check v2store\` on 3.5 before dropping it.`,
      versions: [etcdRow("flagRemovedIn", "3.6.0", `etcd release that removed --${flag}`, "etcd CHANGELOG-3.6 (etcd-io/etcd#19914)")],
      fixes: [`Remove --${flag} (and ETCD_${flag.replace(/-/g, "_").toUpperCase()}) from the etcd unit or manifest.`, ...input.signature.fixes],
    };
  }
  const gate = ETCD_GRADUATED[flag];
  const graduated = gate ?? `--${flag.slice("experimental-".length)}`;
  return {
    headline: `etcd was started with --${flag}: etcd 3.7 removed the --experimental-* flags that 3.6 deprecated (${gate ? `use ${gate}` : "3.6 names most of them without the prefix"}), so either the manifest was written for etcd 3.6 or older and the binary is 3.7+, or the etcd is older than the release that added the flag.`,
    versions: [etcdRow("flagRemovedIn", "3.7.0", `etcd release that removed --${flag}`, "etcd CHANGELOG-3.7 (etcd-io/etcd#19959)")],
    fixes: [`Replace --${flag} with ${gate ?? `its graduated name (${graduated}, where \`etcd --help\` of 3.6 lists it)`} for etcd 3.6+, or keep the etcd image at the release the manifest was written for.`, ...input.signature.fixes],
  };
};


// Pods from the apiserver that the kubelet refuses (pkg/kubelet/config/config.go). A "Required value" is a field the
// kubelet's release needs and the older apiserver did not default; other refusals may be stricter rules of one side.
const FIELDS_DEFAULTED_SINCE: Record<string, string> = {
  terminationMessagePolicy: "1.6",
};

const diagnosePodFromApiserver: Diagnoser = (input) => {
  const field = input.capture("field") ?? "";
  const kind = input.capture("kind") ?? "";
  const leaf = field.replace(/\[\d+\]/g, "").split(".").pop() ?? field;
  const since = FIELDS_DEFAULTED_SINCE[leaf];
  const versions = captureRoles(input);
  if (since) versions.push({ name: "fieldSince", version: since, role: `first release whose apiserver defaults ${leaf}`, source: "Kubernetes release notes" });
  if (/^Required/.test(kind)) {
    return {
      verdict: "cause",
      headline: `The kubelet ignored a pod the apiserver had accepted: ${field} is required by the kubelet's release${since ? ` (${leaf} exists from ${since} on)` : ""} and was not defaulted by the apiserver, so the kubelet is newer than the apiserver.`,
      versions,
    };
  }
  return {
    verdict: "warning",
    headline: `The kubelet ignored a pod the apiserver had accepted (${field}: ${kind}): the kubelet validates with other rules than the apiserver, which points at a kubelet of another (newer) release than the apiserver.`,
    versions,
  };
};

// containerd 2.x's validation of the CRI images section (plugins/cri/images).
const diagnoseCriImageConfig: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const other = input.capture("other");
  if (input.capture("mirrors")) {
    return {
      verdict: "warning",
      headline:
        "containerd 2.x refused registry.mirrors next to a config_path: containerd 2.2.0/2.2.1 fill in config_path when migrating a containerd 1.x config whose config_path is empty, so a config.toml written for 1.x with mirrors stops loading the CRI plugin. If the file sets both by hand, remove one.",
      versions,
    };
  }
  if (other) {
    return {
      verdict: "not-skew",
      headline: `containerd refused its CRI image configuration for a reason of the file itself (${other.trim()}), not one of another release.`,
      versions,
    };
  }
  return {
    verdict: "warning",
    headline:
      "containerd 2.x refused the CRI images section of config.toml (the reason is cut from the line). The common cause is a containerd 1.x config with registry.mirrors read by containerd 2.2.0/2.2.1, which default config_path; the full error says.",
    versions,
  };
};

// runtime-spec 1.0.0-rc5 turned process.capabilities from a list into an object of sets.
const diagnoseOciSpec: Diagnoser = (input) => {
  const got = input.capture("got");
  const want = input.capture("want");
  const versions = captureRoles(input);
  if (got === "object" && want === "[]string") {
    return {
      headline:
        "The OCI runtime expects process.capabilities as a list (runtime-spec before 1.0.0-rc5) but the engine wrote capability sets: the runtime (runc, docker-runc) is older than the containerd/Docker that created the bundle (Docker 17.06+, containerd 1.0+).",
      versions,
    };
  }
  if (got === "array" && want === "specs.LinuxCapabilities") {
    return {
      headline:
        "The OCI runtime expects process.capabilities as capability sets (runtime-spec 1.0.0-rc5 and later) but the engine wrote a list: the runtime (runc, kata-runtime, runsc) is newer than the Docker/containerd that created the bundle (Docker 1.13/17.03, containerd 0.2).",
      versions,
    };
  }
  return {
    headline: `The OCI runtime could not decode the bundle's config.json (${got ?? "a value"} where it expects ${want ?? "another type"}${input.capture("field") ? ` in ${input.capture("field")}` : ""}): the runtime was built against another runtime-spec release than the engine that wrote the file.`,
    versions,
  };
};

export const nodeDiagnosers: Record<string, Diagnoser> = {
  "apiserver-field-selector-not-known": diagnoseFieldSelector,
  "ginkgo-flag-not-defined": diagnoseGinkgoFlag,
  "go-test-flags-not-registered": diagnoseGoTestFlag,
  "ginkgo-cli-library-version-mismatch": diagnoseGinkgoMismatch,
  "apiserver-client-media-type-unsupported": diagnoseMediaType,
  "etcd-peer-version-incompatible": diagnoseEtcdPeer,
  "etcd-flag-removed": diagnoseEtcdFlag,
  "kubelet-pod-from-apiserver-failed-validation": diagnosePodFromApiserver,
  "containerd2-cri-image-config-invalid": diagnoseCriImageConfig,
  "runc-oci-spec-decode-mismatch": diagnoseOciSpec,
  ...node12Diagnosers,
};
