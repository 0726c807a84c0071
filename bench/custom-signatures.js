// Generated custom signatures for the rule-scaling benchmark, shaped like the ones a repository would put
// in .github/skewbot.yml: two anchors taken from both ends of a message, and a pattern with version
// captures. The anchors are built from words that CI logs are full of ("version", "controller", "node",
// "failed"), so that the prefilter meets their prefixes all the time, as it would with real custom rules;
// the full phrases themselves do not occur in the generated logs.

const SUBJECTS = ["controller", "webhook", "operator", "node agent", "scheduler plugin", "csi driver", "cni plugin", "ingress controller", "addon manager", "cloud provider", "metrics adapter", "image builder", "autoscaler", "gateway", "storage class"];
const PROBLEMS = ["requires version", "rejected version", "cannot run against", "failed version check for", "is not compatible with", "refused to start on", "needs at least version", "stopped supporting"];
const TAILS = ["of the control plane", "of the cluster", "of the API server", "of kubelet", "of the runtime", "of containerd", "of the management cluster", "of the node image"];

/** `count` distinct custom signatures. */
export function customSignatures(count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const subject = `${SUBJECTS[i % SUBJECTS.length]} ${String.fromCharCode(97 + ((i / SUBJECTS.length) | 0) % 26)}${i}`;
    const problem = PROBLEMS[(i * 7) % PROBLEMS.length];
    const tail = TAILS[(i * 3) % TAILS.length];
    const head = `${subject} ${problem}`;
    const end = `${tail} (custom ${i})`;
    const re = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+");
    out.push({
      id: `custom-bench-${String(i).padStart(3, "0")}`,
      title: `Custom rule ${i}`,
      family: "compatibility",
      severity: "error",
      flake: false,
      anchors: [head, end],
      patterns: [String.raw`${re(head)}\s+(?<wanted>{V})\s+${re(tail)},?\s+got\s+(?<got>{V})\s*${re(`(custom ${i})`)}`],
      versions: ["wanted", "got"],
      priority: 10,
      meaning: "A generated rule for the benchmark.",
      causes: ["none"],
      fixes: ["none"],
    });
  }
  return out;
}
