import { captureRoles, hintRole, type Diagnoser, type DiagnosisPart } from "./context.js";
import { minorDelta, minorsText } from "./versions.js";
import { classifyVersion } from "../kube/versions.js";

// Diagnosers for src/signatures/core14.ts.

/**
 * kubeadm-extra-args-other-api-shape. The Go type names the side kubeadm decoded into: []v1beta4.Arg is the list of
 * {name, value} of v1beta4 (kubeadm 1.31+), map[string]string the map of v1beta3 and every version before it. The
 * document has the other shape. kubeadm logs the first line with klog W but cannot go on without the document, so
 * the finding is a cause whatever its klog level.
 */
const diagnoseExtraArgsShape: Diagnoser = (input) => {
  const field = input.capture("field") ?? "extraArgs";
  const declared = input.capture("configVersion");
  const kind = input.capture("kind");
  const versions = captureRoles(input);
  const path = field.split(".").slice(1).join(".") || field;
  const shape = (version: string, role: string) => ({ name: "documentShape", version, role, source: "kubeadm API changes (v1beta4 made extraArgs lists)" });
  if ((input.capture("want") ?? "").startsWith("[]")) {
    const at = `${kind ? `${kind} ` : ""}kubeadm.k8s.io/${declared ?? "v1beta4"}`;
    return {
      verdict: "cause",
      headline: `${path} is a map of flag: value, the shape of kubeadm.k8s.io/v1beta3 and older, but kubeadm decoded it as ${at}, where it is a list of {name, value}: a configuration written for kubeadm before 1.31, relabelled or read as v1beta4.`,
      versions: [...versions, shape("v1beta3", "kubeadm API version whose extraArgs shape the document has")],
      fixes: [`Rewrite ${path} as a list (\`- name: <flag>\` / \`value: <value>\`), or run kubeadm config migrate on the v1beta3 document.`, ...input.signature.fixes.slice(1)],
    };
  }
  const at = declared ? `${kind ? `${kind} ` : ""}kubeadm.k8s.io/${declared}` : "kubeadm.k8s.io/v1beta3 (or older)";
  return {
    verdict: "cause",
    headline: `${path} is a list of {name, value}, the shape of kubeadm.k8s.io/v1beta4 (kubeadm 1.31+), but it was decoded as ${at}, where it is a map: a v1beta4-shaped configuration given to an older kubeadm (or tool built with older kubeadm types), or declared as v1beta3.`,
    versions: [...versions, shape("v1beta4", "kubeadm API version whose extraArgs shape the document has")],
  };
};

/**
 * crd-conversion-version-unsupported (src/signatures/cluster-api.ts), its Cluster API 404 form. The API server reached the
 * webhook server, which has no /convert handler: controller-runtime registers it only when the manager's scheme holds a
 * Convertible version besides the hub, so the controller does not know the version the object was sent in. The other
 * forms keep the signature's own reading.
 */
const diagnoseConversionUnsupported: Diagnoser = (input) => {
  if (!/could\s+not\s+find\s+the\s+requested\s+resource/.test(input.finding.match)) return { headline: `${input.signature.title}: ${input.signature.meaning}` };
  const group = input.capture("group") ?? "cluster.x-k8s.io";
  const from = input.capture("from") ?? "";
  const kind = input.capture("kind") ?? "object";
  return {
    headline: `The ${group} controller serving the conversion webhook does not convert ${kind} ${from}: it registers no conversion for that version, because its release predates the CRDs' conversion setup, dropped ${from}, or never added ${from} to its scheme; objects or templates in ${from} need a release that still converts it.`,
    causes: [
      `Manifests or stored objects in ${group}/${from}, an API version the installed Cluster API core or provider no longer converts (templates older than the management cluster's contract).`,
      `A core or provider release whose manager does not register ${from} for conversion (kubernetes-sigs/cluster-api#4401, cluster-api-provider-openstack#987): a bug of that release, fixed in a later one.`,
      "CRDs upgraded to a release with webhook conversion while an older controller, which serves no /convert, still runs.",
    ],
    fixes: [
      `Write the manifests in the management cluster's storage version (clusterctl upgrade plan and the provider's version table name it), or upgrade the provider to a release that converts ${from}.`,
      "Upgrade CRDs and controllers together (clusterctl upgrade apply), so the controller behind the webhook is the release the CRDs were written for.",
    ],
    references: [
      "https://github.com/kubernetes-sigs/cluster-api/issues/4401",
      "https://github.com/kubernetes-sigs/cluster-api/issues/3958",
      "https://github.com/kubernetes-sigs/cluster-api-provider-openstack/issues/987",
    ],
  };
};

/**
 * kubectl-kubeconfig-extension-unreadable. With a client version from the job (a `kubectl version` banner), a kubectl
 * at 1.17 or later is not the reader that failed: another client built on an older client-go read the file.
 */
const diagnoseKubeconfigExtension: Diagnoser = (input) => {
  const banner = input.hint("client");
  const client = banner?.version;
  const versions = banner ? [hintRole("client", banner.hint.version, "kubectl (client) version", banner.hint)] : [];
  if (client && (client.major > 1 || client.minor >= 17)) {
    return {
      verdict: "warning",
      headline: `kubectl ${client.raw} reads kubeconfig extensions: the reader that failed is another tool built on a client-go older than 1.17 (an IDE extension, an old oc or helm).`,
      versions,
    };
  }
  return {
    headline: client
      ? `kubectl ${client.raw} is older than 1.17 and cannot read the object-valued extensions that minikube 1.17+ or kconnect write into the kubeconfig.`
      : "A kubectl (or a client-go) older than 1.17 cannot read the object-valued extensions that minikube 1.17+ or kconnect write into the kubeconfig.",
    versions,
  };
};

/**
 * kubelet-services-never-synced. A cause when the job shows the kubelet at a newer minor than the API server (a
 * `kubectl version` Server Version, or the cluster's version) and at 1.31 or later, whose Service list older API
 * servers refuse; otherwise the signature's warning.
 */
const diagnoseServicesNeverSynced: Diagnoser = (input) => {
  const kubelet = input.hint("kubelet");
  const server = input.hint("server", "cluster", "kubernetes");
  const rows = [
    ...(kubelet ? [hintRole("kubelet", kubelet.hint.version, "kubelet version", kubelet.hint)] : []),
    ...(server ? [hintRole("apiServer", server.hint.version, "API server version", server.hint)] : []),
  ];
  if (kubelet && server) {
    const ahead = minorDelta(kubelet.version, server.version);
    if (ahead > 0) {
      const selector = kubelet.version.minor >= 31 && server.version.minor < 31;
      return {
        verdict: "cause",
        headline: `The kubelet ${kubelet.hint.version} is ${minorsText(ahead)} newer than the API server ${server.hint.version}${selector ? ", which refuses the spec.clusterIP field selector 1.31+ kubelets list Services with" : ""}: its Service informer never syncs, so no container can be created.`,
        versions: rows,
        skew: { minors: ahead, policy: "kubelet may be up to 3 minors older than kube-apiserver (2 before 1.28), never newer", supported: false },
      };
    }
    return {
      headline: `The kubelet ${kubelet.hint.version} is not newer than the API server ${server.hint.version}: the Service list failed for another reason (a restart still catching up, connectivity, authorization).`,
      versions: rows,
    };
  }
  return { headline: `${input.signature.title}.`, versions: rows };
};

/**
 * kubectl-dry-run-value-unsupported. The program is read from the line and its neighbours (the command echoed before,
 * cobra's "See 'kubectl create --help' for usage." after): kubectl and oc (built on kubectl) are kubectl before 1.18;
 * helm had a boolean --dry-run until 3.13, with no real line seen yet, so helm alone is a warning.
 */
const diagnoseDryRunValue: Diagnoser = (input) => {
  const value = input.capture("value") ?? "client";
  const around = [...input.finding.context.before.slice(-3), ...input.finding.context.after.slice(0, 2)].map((l) => l.text);
  const text = [input.finding.text, ...around].join("\n");
  const kubectl = /\b(?:kubectl|oc)\b/.test(text);
  if (!kubectl && /\bhelm\b/.test(text)) {
    return {
      verdict: "warning",
      headline: `helm refused --dry-run=${value}: helm before 3.13 has a boolean --dry-run; the command was written for helm 3.13+ (or for kubectl).`,
      fixes: ["Use helm 3.13 or newer, or the bare --dry-run an older helm understands."],
    };
  }
  const client = input.hint("client", "kubectl");
  const named = client ? `kubectl ${client.hint.version}` : kubectl && /\boc\b/.test(text) && !/\bkubectl\b/.test(text) ? "oc (its kubectl)" : "kubectl";
  return {
    verdict: "cause",
    headline: `${named} refused --dry-run=${value}: kubectl before 1.18 has a boolean --dry-run, and the script was written for kubectl 1.18 or later.`,
    versions: client ? [hintRole("client", client.hint.version, "kubectl (client) version", client.hint)] : [],
  };
};

// etcdctl 3.5's `snapshot restore` flags (etcdctl/ctlv3/command/snapshot_command.go); etcdctl 3.6 dropped the command for
// etcdutl, so its `snapshot` parses them as its own and refuses them.
const ETCDCTL_RESTORE_FLAGS = new Set(["data-dir", "wal-dir", "name", "initial-cluster", "initial-cluster-token", "initial-advertise-peer-urls", "skip-hash-check", "bump-revision", "mark-compacted"]);

/**
 * k8s-component-unknown-flag, its etcdctl form: `etcdctl snapshot restore … --data-dir` run with etcdctl 3.6 fails on
 * the first restore flag, not on the command (bitnami/charts#34017, bitnami/containers#92968, easzlab/kubeasz#1516).
 * The command line (the line, an echoed command before it) or the usage etcdctl 3.6 prints after it (its own template:
 * "NAME:", "snapshot - Manages etcd node snapshots", "etcdctl snapshot <subcommand>") names etcdctl. Undefined when neither does, for the flag rule's own reading.
 */
export function etcdctlRestoreFlag(input: Parameters<Diagnoser>[0], flag: string): DiagnosisPart | undefined {
  if (!ETCDCTL_RESTORE_FLAGS.has(flag)) return undefined;
  const before = input.finding.context.before.slice(-4).map((l) => l.text).join("\n");
  const after = input.finding.context.after.slice(0, 10).map((l) => l.text).join("\n");
  const command = /\betcdctl\b[^\n]{0,200}?\bsnapshot\s+restore\b/;
  if (!command.test(input.finding.text) && !command.test(before) && !/\betcdctl\s+snapshot\s+<subcommand>|^\s*snapshot\s+-\s+Manages\s+etcd\s+node\s+snapshots/m.test(`${input.finding.text}\n${after}`)) return undefined;
  const typed = classifyVersion("3.6", { kind: "component", component: "etcdctl" });
  return {
    verdict: "cause",
    headline: `etcdctl refused --${flag}: etcdctl 3.6 has no \`snapshot restore\` (moved to etcdutl, deprecated in etcdctl 3.5), so a restore script written for etcdctl 3.5 or older fails on its first restore flag.`,
    versions: [{ name: "commandRemovedIn", version: "3.6", role: "etcdctl release without snapshot restore", source: "etcd 3.6 upgrade notes", ...(typed ? { typed } : {}) }],
    causes: ["A restore script or chart (bitnami/etcd's libetcd.sh before its fix, kubeasz's cluster-restore role) that runs `etcdctl snapshot restore` in an image or host with etcdctl 3.6."],
    fixes: ["Run `etcdutl snapshot restore <file> --data-dir …` (same flags; etcdutl ships with etcd 3.5+), or pin etcdctl to 3.5 for the restore."],
    references: ["https://etcd.io/docs/v3.6/upgrades/upgrade_3_6/", "https://github.com/bitnami/charts/issues/34017", "https://github.com/bitnami/containers/issues/92968"],
  };
}

export const core14Diagnosers: Record<string, Diagnoser> = {
  "kubeadm-extra-args-other-api-shape": diagnoseExtraArgsShape,
  "crd-conversion-version-unsupported": diagnoseConversionUnsupported,
  "kubectl-kubeconfig-extension-unreadable": diagnoseKubeconfigExtension,
  "kubelet-services-never-synced": diagnoseServicesNeverSynced,
  "kubectl-dry-run-value-unsupported": diagnoseDryRunValue,
};
