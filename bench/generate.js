// Generates large, realistic CI logs for the benchmarks: a Prow/GitHub Actions build log that runs
// Kubernetes e2e tests (ginkgo timelines with ANSI colours, klog lines from components dumped as CRI
// container logs and journald, GitHub Actions timestamps, bash xtrace, docker pulls, go test output,
// node status dumps) with a few true version-skew findings scattered through it, one near the end.
//
// Deterministic: a fixed-seed PRNG, so the same size gives the same file. Plain ESM, no dependencies.

import { Buffer } from "node:buffer";
import { closeSync, openSync, writeSync } from "node:fs";

/** Lines that each match one built-in signature (from the catalog's own examples and the real-world corpus). */
export const TRUE_FINDINGS = [
  {
    signature: "featuregate-unrecognized",
    line: 'Feb 06 22:41:09 k8s-conformance-abc123-md8nq kubelet[4411]: E0206 22:41:09.777321    4411 run.go:72] "command failed" err="failed to set feature gates from initial flags-based config: unrecognized feature gate: NodeWidgetReclaim"',
  },
  {
    signature: "kubectl-client-server-skew",
    line: "2025-02-06T22:44:10.1183920Z WARNING: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1",
  },
  {
    signature: "api-deprecation-warning",
    line: "Warning: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated in v1.29+, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1 FlowSchema",
  },
  {
    signature: "kubeadm-kubelet-too-old",
    line: '\t[ERROR KubeletVersion]: Kubelet version "1.29.9" is lower than kubeadm can support. Please upgrade kubelet',
  },
  {
    // The headline incident, near the end of the log (the dump after the timeout).
    signature: "k8s-compat-mincompat-out-of-range",
    line: '2025-02-06T22:52:48.682840017Z stderr F E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"',
  },
];

// --- deterministic randomness -------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- vocabulary ---------------------------------------------------------------------------------

const ESC = "\u001b";
const pad = (n, w) => String(n).padStart(w, "0");

const NAMESPACES = ["kube-system", "default", "e2e-tests-pods-8812", "statefulset-4471", "capi-system", "capd-system", "cert-manager", "local-path-storage"];
const KINDS = ["Pod", "Deployment", "ReplicaSet", "Service", "EndpointSlice", "ConfigMap", "Secret", "Node", "Lease", "StatefulSet", "DaemonSet", "Job"];
const COMPONENTS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "etcd", "coredns", "capi-controller-manager"];
const GO_FILES = ["reflector.go", "controller.go", "shared_informer.go", "event.go", "round_trippers.go", "kubelet.go", "pod_workers.go", "server.go", "leaderelection.go", "garbagecollector.go", "range_allocator.go", "cacher.go", "httplog.go", "trace.go", "warnings.go", "kuberuntime_manager.go"];
const REASONS = ["Scheduled", "Pulled", "Created", "Started", "Killing", "SuccessfulCreate", "ScalingReplicaSet", "BackOff", "Unhealthy", "FailedMount", "NodeReady", "LeaderElection"];
const VERBS = ["GET", "LIST", "WATCH", "PATCH", "PUT", "POST", "DELETE"];
const RESOURCES = ["pods", "nodes", "configmaps", "secrets", "leases", "events", "endpointslices", "deployments", "replicasets", "services"];
const TESTS = [
  "[sig-node] Pods should be submitted and removed [NodeConformance] [Conformance]",
  "[sig-apps] Deployment deployment should support rollover [Conformance]",
  "[sig-network] Services should serve a basic endpoint from pods [Conformance]",
  "[sig-storage] ConfigMap should be consumable from pods in volume [NodeConformance] [Conformance]",
  "[sig-api-machinery] Watchers should observe add, update, and delete watch notifications on configmaps [Conformance]",
  "[sig-cli] Kubectl client Kubectl logs should be able to retrieve and filter logs [Conformance]",
  "[sig-scheduling] SchedulerPredicates [Serial] validates resource limits of pods that are allowed to run [Conformance]",
];
const STEPS = [
  "Creating a kubernetes client",
  "Building a namespace api object, basename pods",
  "Waiting for a default service account to be provisioned in namespace",
  "Waiting for kube-root-ca.crt to be provisioned in namespace",
  "creating the pod",
  "setting up watch",
  "submitting the pod to kubernetes",
  "verifying the pod is in kubernetes",
  "deleting the pod gracefully",
  "Destroying namespace for this suite.",
];
const WORDS = ["alpha", "bravo", "cache", "delta", "event", "flux", "gamma", "hash", "index", "join", "kilo", "lima", "mesh", "node", "omega", "pilot", "quota", "relay", "sigma", "tango"];

function vocabulary(rnd) {
  const ri = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const hex = (n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(rnd() * 16)];
    return s;
  };
  const name = () => `${pick(WORDS)}-${hex(5)}`;
  return { ri, pick, hex, name };
}

// --- the log ------------------------------------------------------------------------------------

/**
 * A line factory. Time advances slowly through the log; each call returns one line (without "\n").
 * The mix is roughly what a Prow e2e build log with dumped component logs looks like.
 */
function lineFactory(seed) {
  const rnd = mulberry32(seed);
  const { ri, pick, hex, name } = vocabulary(rnd);
  let us = Date.UTC(2025, 1, 6, 22, 0, 0) * 1000;

  const tick = () => {
    us += ri(1, 4000);
    const d = new Date(Math.floor(us / 1000));
    const micros = pad(us % 1_000_000, 6);
    const MM = pad(d.getUTCMonth() + 1, 2);
    const DD = pad(d.getUTCDate(), 2);
    const hms = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
    return { MM, DD, hms, micros, iso: `2025-${MM}-${DD}T${hms}.${micros}` };
  };
  const klogHeader = (t, level = "I") => `${level}${t.MM}${t.DD} ${t.hms}.${t.micros}${" ".repeat(ri(1, 7))}${ri(1, 9999)} ${pick(GO_FILES)}:${ri(40, 990)}] `;
  const obj = () => `${pick(NAMESPACES)}/${name()}`;

  const klogMessages = [
    () => `Caches populated for *v1.${pick(KINDS)} from k8s.io/client-go/informers/factory.go:160`,
    () => `"Successfully synced" key="${obj()}"`,
    () => `"Event occurred" object="${obj()}" fieldPath="" kind="${pick(KINDS)}" apiVersion="v1" type="Normal" reason="${pick(REASONS)}" message="Successfully assigned ${obj()} to k8s-conformance-abc123-md-0-${hex(5)}"`,
    () => `"SyncLoop UPDATE" source="api" pods=["${obj()}"]`,
    () => `"HTTP" verb="${pick(VERBS)}" URI="/api/v1/namespaces/${pick(NAMESPACES)}/${pick(RESOURCES)}?resourceVersion=${ri(1000, 99999)}&timeout=${ri(5, 9)}m${ri(0, 59)}s" latency="${ri(1, 900)}.${ri(100, 999)}µs" userAgent="kube-controller-manager/v1.31.6 (linux/amd64) kubernetes/${hex(7)}/system:serviceaccount:kube-system:generic-garbage-collector" audit-ID="${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}" srcIP="172.18.0.${ri(2, 9)}:${ri(30000, 60000)}" resp=200`,
    () => `Trace[${ri(100000000, 999999999)}]: ---"Objects listed" error:<nil> ${ri(100, 2000)}ms (${ri(10, 23)}:${pad(ri(0, 59), 2)}:${pad(ri(0, 59), 2)}.${ri(100, 999)})`,
    () => `"Starting watch" path="/apis/apps/v1/${pick(RESOURCES)}" resourceVersion="${ri(1000, 99999)}" labels="" fields="" timeout="${ri(5, 9)}m${ri(0, 59)}s"`,
    () => `"Probe failed" probeType="Readiness" pod="${obj()}" podUID="${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}" containerName="${pick(COMPONENTS)}" probeResult="failure" output="Get \\"https://172.18.0.3:${ri(6000, 10260)}/readyz\\": dial tcp 172.18.0.3:${ri(6000, 10260)}: connect: connection refused"`,
    () => `attempting to acquire leader lease kube-system/${pick(COMPONENTS)}...`,
    () => `"Reconciling" controller="machine" controllerGroup="cluster.x-k8s.io" controllerKind="Machine" Machine="${obj()}" namespace="${pick(NAMESPACES)}" reconcileID="${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}" Cluster="k8s-conformance-abc123"`,
  ];

  const klogLine = () => {
    const t = tick();
    const level = rnd() < 0.85 ? "I" : rnd() < 0.7 ? "W" : "E";
    const line = `${klogHeader(t, level)}${pick(klogMessages)()}`;
    const form = rnd();
    if (form < 0.45) return `${t.iso}${ri(100, 999)}Z ${rnd() < 0.7 ? "stderr" : "stdout"} F ${line}`; // CRI container log
    if (form < 0.6) return `Feb ${t.DD} ${t.hms} k8s-conformance-abc123-md8nq kubelet[4411]: ${line}`; // journald
    return line;
  };
  const ginkgoLine = () => {
    const t = tick();
    const stamp = `${ESC}[38;5;243m@ ${t.MM}/${t.DD}/25 ${t.hms}.${t.micros.slice(0, 3)}${ESC}[0m`;
    const r = rnd();
    if (r < 0.35) return `  STEP: ${pick(STEPS)} ${stamp}`;
    if (r < 0.5) return `  ${klogHeader(t)}>>> kubeConfig: /tmp/kind-e2e-kubeconfig-${hex(6)}`;
    if (r < 0.62) return `${ESC}[38;5;243m------------------------------${ESC}[0m`;
    if (r < 0.74) return `${ESC}[38;5;10m• [${ri(0, 120)}.${ri(100, 999)} seconds]${ESC}[0m`;
    if (r < 0.86) return `${pick(TESTS)}`;
    return `${ESC}[38;5;243mk8s.io/kubernetes/test/e2e/${pick(["common/node", "apps", "network", "storage", "apimachinery"])}/${pick(["pods", "deployment", "service", "configmap_volume", "watch"])}.go:${ri(40, 990)}${ESC}[0m`;
  };
  const actionsLine = () => {
    const t = tick();
    const r = rnd();
    let text;
    if (r < 0.3) text = `=== RUN   Test${pick(KINDS)}${pick(["Reconcile", "Validate", "Default", "Convert"])}/${pick(WORDS)}_${ri(1, 40)}`;
    else if (r < 0.55) text = `--- PASS: Test${pick(KINDS)}${pick(["Reconcile", "Validate", "Default"])} (${ri(0, 9)}.${pad(ri(0, 99), 2)}s)`;
    else if (r < 0.7) text = `ok  \tsigs.k8s.io/cluster-api/internal/controllers/${pick(["machine", "cluster", "machineset", "topology/cluster"])}\t${ri(1, 90)}.${ri(100, 999)}s\tcoverage: ${ri(40, 90)}.${ri(0, 9)}% of statements`;
    else if (r < 0.85) text = `${ESC}[36;1mkubectl -n ${pick(NAMESPACES)} get ${pick(RESOURCES)} -o wide${ESC}[0m`;
    else text = `##[${pick(["group", "endgroup", "warning", "notice"])}]${pick(["Run make test-e2e", "Dump control plane logs", "Set up kind", "Upload artifacts"])}`;
    return `${t.iso}0Z ${text}`;
  };
  const shellLine = () => {
    const r = rnd();
    if (r < 0.3) return `+ kubectl --kubeconfig=/tmp/e2e-kind${ri(100000, 999999)} get ${pick(RESOURCES)} -n ${pick(NAMESPACES)} -o yaml`;
    if (r < 0.6) return `${hex(12)}: ${pick(["Pulling fs layer", "Waiting", "Verifying Checksum", "Download complete", "Pull complete"])}`;
    if (r < 0.8) return `go: downloading ${pick(["k8s.io/apimachinery", "k8s.io/client-go", "sigs.k8s.io/controller-runtime", "github.com/onsi/gomega"])} v0.${ri(20, 33)}.${ri(0, 9)}`;
    return `    ${pick(["lastTransitionTime", "lastHeartbeatTime"])}: "2025-02-06T22:${pad(ri(0, 59), 2)}:${pad(ri(0, 59), 2)}Z"`;
  };
  // Lines that hold an anchor without being a finding: version banners and node dumps. They make the
  // scanner decode and match a line now and then, as real logs do.
  const bannerLine = () => {
    const r = rnd();
    if (r < 0.25) return `Client Version: v1.31.${ri(0, 9)}`;
    if (r < 0.5) return `Server Version: v1.31.${ri(0, 9)}`;
    if (r < 0.75) return `${klogHeader(tick())}Version: v1.31.${ri(0, 9)}`;
    return `      kubeletVersion: v1.31.${ri(0, 9)}`;
  };

  return () => {
    const r = rnd();
    if (r < 0.55) return klogLine();
    if (r < 0.75) return ginkgoLine();
    if (r < 0.9) return actionsLine();
    if (r < 0.99998) return shellLine();
    return bannerLine();
  };
}

/**
 * Writes a log of about `bytes` bytes to `path`. The true findings are placed at fixed fractions of the
 * file; the last one in its final 1%. Returns the line count and where each finding went.
 */
export function generateLog(path, bytes, { seed = 0x5ce3b07 } = {}) {
  const next = lineFactory(seed);
  const positions = [0.08, 0.27, 0.5, 0.71, 0.995];
  const placed = [];
  const fd = openSync(path, "w");
  const BATCH = 4 * 1024 * 1024;
  let written = 0;
  let lines = 0;
  let batch = [];
  let batchBytes = 0;
  let f = 0;
  try {
    while (written + batchBytes < bytes) {
      let line;
      if (f < TRUE_FINDINGS.length && written + batchBytes >= positions[f] * bytes) {
        line = TRUE_FINDINGS[f].line;
        placed.push({ signature: TRUE_FINDINGS[f].signature, line: lines + 1 });
        f++;
      } else {
        line = next();
      }
      batch.push(line);
      batchBytes += Buffer.byteLength(line) + 1;
      lines++;
      if (batchBytes >= BATCH) {
        written += writeSync(fd, `${batch.join("\n")}\n`);
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length > 0) written += writeSync(fd, `${batch.join("\n")}\n`);
  } finally {
    closeSync(fd);
  }
  return { path, bytes: written, lines, findings: placed };
}
