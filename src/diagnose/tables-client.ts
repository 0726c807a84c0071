import type { ToolFlag } from "./tables.js";

// Lookup tables for the client-side signatures (kubectl, api, helm): data the messages do not carry.

/**
 * CustomResourceDefinition schema fields by the first Kubernetes minor that accepts them by default
 * (the CRD task page and the KEPs' graduation notes). An API server older than that rejects or drops them.
 */
export const CRD_FIELD_SINCE: Record<string, { since: string; note?: string }> = {
  "x-kubernetes-preserve-unknown-fields": { since: "1.15" },
  "x-kubernetes-int-or-string": { since: "1.15" },
  "x-kubernetes-embedded-resource": { since: "1.15" },
  preserveUnknownFields: { since: "1.15" },
  "x-kubernetes-list-type": { since: "1.16" },
  "x-kubernetes-list-map-keys": { since: "1.16" },
  // KEP-2876: alpha in 1.23 behind CustomResourceValidationExpressions, beta (on by default) in 1.25.
  "x-kubernetes-validations": { since: "1.25", note: "1.23–1.24 only with the CustomResourceValidationExpressions feature gate" },
  messageExpression: { since: "1.26" },
  // KEP-4358: alpha in 1.30 behind CustomResourceFieldSelectors, beta in 1.31.
  selectableFields: { since: "1.31", note: "1.30 only with the CustomResourceFieldSelectors feature gate" },
  // KEP-4008 (CRDValidationRatcheting): alpha 1.28, beta 1.30.
  optionalOldSelf: { since: "1.30" },
};

/** Fields of spec.versions[] whose names are too common to trust without the CRD version type around them. */
export const CRD_VERSION_FIELD_SINCE: Record<string, string> = {
  deprecated: "1.19",
  deprecationWarning: "1.19",
};

/**
 * Group/versions removed before the shared removal table starts (Kubernetes 1.16 stopped serving the workload betas:
 * kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16). extensions/v1beta1 is in that table (its Ingress lasted to 1.22).
 */
export const EARLY_REMOVED_APIS: Record<string, { removedIn: string; replacement: string }> = {
  "apps/v1beta1": { removedIn: "1.16", replacement: "apps/v1" },
  "apps/v1beta2": { removedIn: "1.16", replacement: "apps/v1" },
};

/**
 * kubectl subcommands and flags that a release removed or added (kubernetes CHANGELOG-1.x and the PRs named).
 * cobra's "unknown command" and pflag's "unknown flag" name neither kubectl nor its version: this table is what
 * turns them into a release. `parent` is the command the subcommand hangs off; `command` the one a flag belongs to.
 */
export interface KubectlChange {
  change: "removed" | "added";
  release: string;
  /** The command the flag belongs to, or the parent of the subcommand ("kubectl", "kubectl create"). */
  command: string;
  instead?: string;
  /** A popular kubectl plugin has the same name: the refusal may be that plugin missing, not kubectl's release. */
  pluginNamesake?: string;
  source: string;
}

export const KUBECTL_COMMANDS: Record<string, KubectlChange> = {
  // kubernetes/kubernetes#88057 (hidden and deprecated since 1.11).
  "rolling-update": { change: "removed", release: "1.18", command: "kubectl", instead: "kubectl rollout (Deployments) or kubectl set image", source: "kubernetes/kubernetes#88057" },
  // Deprecated in 1.14, moved out to the kubectl-convert plugin in 1.20 (kubernetes/kubernetes#99076, kubectl#725).
  convert: { change: "removed", release: "1.20", command: "kubectl", instead: "the kubectl-convert plugin", source: "kubernetes/kubernetes#99076" },
  // kubernetes/kubernetes#99557 added `kubectl alpha events` (1.23); #113819 promoted it to `kubectl events` (1.26).
  events: { change: "added", release: "1.26", command: "kubectl", instead: "kubectl get events (or kubectl alpha events on 1.23–1.25)", source: "kubernetes/kubernetes#113819" },
  // The TokenRequest client of KEP-2799 (CHANGELOG-1.24); kubernetes-retired/dashboard#7337, #7362 ran kubectl 1.22.
  token: { change: "added", release: "1.24", command: "kubectl create", instead: "a Secret of type kubernetes.io/service-account-token on older clients", source: "CHANGELOG-1.24 (kubectl create token)" },
  // `kubectl alpha debug` in 1.18–1.19, top-level (beta) from 1.20.
  // aylei/kubectl-debug#123 was that plugin not installed (kubectl 1.17), so the line alone is only a warning.
  debug: { change: "added", release: "1.20", command: "kubectl", instead: "kubectl alpha debug on 1.18–1.19", pluginNamesake: "kubectl-debug (aylei/kubectl-debug)", source: "CHANGELOG-1.20 (kubectl debug to beta)" },
  // KEP-3325: `kubectl alpha auth whoami` in 1.26, `kubectl auth whoami` from 1.27.
  whoami: { change: "added", release: "1.27", command: "kubectl auth", source: "KEP-3325 (CHANGELOG-1.27)" },
};

export const KUBECTL_FLAGS: Record<string, KubectlChange> = {
  // Deprecated by kubernetes/kubernetes#73787 (1.14); kubernetes/kubectl at tag kubernetes-1.18.0 still registers it (hidden,
  // pkg/cmd/get/get.go), kubernetes-1.19.0 no longer does (was listed as 1.18 here); kubecf#1538, fubectl#91.
  export: { change: "removed", release: "1.19", command: "kubectl get", instead: "kubectl get -o yaml (and strip status and metadata yourself, or use kubectl-neat)", source: "CHANGELOG-1.18 (deprecated by kubernetes/kubernetes#73787)" },
  // No effect from 1.18 ("has no effect and will be removed"), gone in 1.21 (CHANGELOG-1.21); mohatb/kubectl-exec#4.
  generator: { change: "removed", release: "1.21", command: "kubectl run", instead: "kubectl run for Pods, kubectl create deployment/job/cronjob for the rest", source: "CHANGELOG-1.21 (mohatb/kubectl-exec#4)" },
  // kubernetes/kubernetes#113116 (1.26) renamed it; #120246 removed the old name: kubernetes/kubectl at tag kubernetes-1.29.0
  // still registers it (deprecated, pkg/cmd/util/helpers.go), kubernetes-1.30.0 does not (was listed as 1.29 here).
  "prune-whitelist": { change: "removed", release: "1.30", command: "kubectl apply", instead: "--prune-allowlist", source: "kubernetes/kubernetes#120246" },
  "prune-allowlist": { change: "added", release: "1.26", command: "kubectl apply", instead: "--prune-whitelist on older kubectl", source: "kubernetes/kubernetes#113116" },
};

/**
 * Distinctive command-line flags of the Kubernetes ecosystem's CLI tools (kubeadm, kubectl, kOps, kubetest) that one
 * release added, removed or renamed. cobra/pflag's "Error: unknown flag: --x" and Go flag's "flag provided but not
 * defined: -x" name neither the program nor its version: a flag listed here turns the refusal into "the tool is
 * older (or newer) than the script that passes the flag" even when the line names no program. A flag not listed
 * stays dismissed (a typo, a flag of another subcommand). `unique`: no other common tool has a flag of that name,
 * so the line alone is a cause; otherwise a warning unless the tool is named nearby. `parser`: the library that
 * prints the refusal (kubetest uses Go's flag package, the rest cobra/pflag); a refusal in the other wording is not
 * this tool's.
 */
export interface CliToolFlag extends ToolFlag {
  parser?: "pflag" | "goflag";
  /** Other subcommands that got the flag in another release ("kubeadm token create" from 1.17). */
  alsoSince?: { command: string; release: string }[];
  instead?: string;
}

const kubeadm = (release: string, change: "added" | "removed", command: string, source: string, extra: Partial<CliToolFlag> = {}): CliToolFlag => ({
  tool: "kubeadm", command, change, release, kind: "kubernetes", unique: true, source, ...extra,
});
const helm = (release: string, change: "added" | "removed", command: string, extra: Partial<CliToolFlag> = {}): CliToolFlag => ({
  tool: "Helm", command, change, release, kind: "component", unique: true, source: `Helm ${release} (cmd/helm flags at v${release})`, ...extra,
});
const minikube = (release: string, command: string, extra: Partial<CliToolFlag> = {}): CliToolFlag => ({
  tool: "minikube", command, change: "added", release, kind: "component", unique: true, source: `minikube v${release} (cmd/minikube/cmd flags)`, ...extra,
});
const kubectl = (release: string, change: "added" | "removed", command: string, extra: Partial<CliToolFlag> = {}): CliToolFlag => ({
  tool: "kubectl", command, change, release, kind: "kubernetes", unique: true, source: `kubernetes/kubectl pkg/cmd at kubernetes-${release}.0`, ...extra,
});
const clusterctl = (release: string, change: "added" | "removed", command: string, extra: Partial<CliToolFlag> = {}): CliToolFlag => ({
  tool: "clusterctl", command, change, release, kind: "component", unique: true, source: `kubernetes-sigs/cluster-api cmd/clusterctl at ${release}`, ...extra,
});
const kops = (release: string, command: string, source: string, extra: Partial<CliToolFlag> = {}): CliToolFlag => ({
  tool: "kOps", command, change: "added", release, kind: "component", unique: true, source, ...extra,
});

export const CLI_TOOL_FLAGS: Record<string, CliToolFlag> = {
  // --- kubeadm ---
  // kubernetes/kubernetes#41820 and #42064 (kubeadm 1.6, "Rename some flags for beta UI"): --use-kubernetes-version became
  // --kubernetes-version, --api-advertise-addresses --apiserver-advertise-address, --api-port --apiserver-bind-port;
  // att-comdev/halcyon-kubernetes#58, gluster/gluster-kubernetes#226 (scripts for kubeadm 1.5).
  "use-kubernetes-version": kubeadm("1.6", "removed", "kubeadm init", "kubernetes/kubernetes#41820", { instead: "--kubernetes-version" }),
  "api-advertise-addresses": kubeadm("1.6", "removed", "kubeadm init", "kubernetes/kubernetes#42064", { instead: "--apiserver-advertise-address" }),
  "api-port": kubeadm("1.6", "removed", "kubeadm init", "kubernetes/kubernetes#42064", { instead: "--apiserver-bind-port", unique: false }),
  // kubernetes/kubernetes#73907 (kubeadm 1.14: --certificate-key with --experimental-upload-certs for init and join);
  // #84591 (merged 2019-11, 1.17) gave `kubeadm token create` the flag; labring/sealos#228 ran it on 1.16.7.
  "certificate-key": kubeadm("1.14", "added", "kubeadm init / kubeadm join / kubeadm init phase upload-certs", "kubernetes/kubernetes#73907", {
    alsoSince: [{ command: "kubeadm token create", release: "1.17" }],
  }),
  // kubernetes/kubeadm#1163 (init phases, --skip-phases on `kubeadm init` in 1.13), kubernetes/kubeadm#1204 (join phases and
  // their --skip-phases in 1.14); kubernetes-sigs/kind#1853 (kind v0.9.0 on an older node image), kubespray#5024.
  "skip-phases": kubeadm("1.13", "added", "kubeadm init", "kubernetes/kubeadm#1163, #1204", { alsoSince: [{ command: "kubeadm join", release: "1.14" }] }),
  // CHANGELOG-1.9 (kubeadm): --ignore-preflight-errors added and --skip-preflight-checks deprecated; kubernetes/kubernetes#62727
  // removed --skip-preflight-checks (kubeadm 1.12; kubernetes/website#9808, kata-containers/kata-containers#1919).
  // kubernetes/minikube#6769: minikube passing --ignore-preflight-errors to a kubeadm 1.7.
  "ignore-preflight-errors": kubeadm("1.9", "added", "kubeadm init / kubeadm join", "CHANGELOG-1.9 (kubeadm)", { instead: "--skip-preflight-checks on kubeadm 1.8 and older" }),
  "skip-preflight-checks": kubeadm("1.12", "removed", "kubeadm init / kubeadm join", "kubernetes/kubernetes#62727", { instead: "--ignore-preflight-errors=all" }),
  // Not --experimental-control-plane: kubernetes/kubernetes#78452 (1.15) deprecated it for --control-plane, but kubeadm 1.16
  // still had it (kubernetes/kubeadm#1816, a maintainer checked), and the release that dropped it is not pinned down here.
  // --- kubectl ---
  // kubernetes/kubernetes#68069 added `kubectl apply --server-dry-run` (alpha, 1.12); deprecated in 1.18 for --dry-run=server
  // (#87714) and removed in 1.19 (#91308); jpetazzo/container.training#570, utilitywarehouse/kube-applier#128.
  "server-dry-run": { tool: "kubectl", command: "kubectl apply", change: "removed", release: "1.19", kind: "kubernetes", unique: true, source: "kubernetes/kubernetes#91308", instead: "--dry-run=server" },
  // First (or last) kubernetes/kubectl release tag whose pkg/cmd registers the flag (kubernetes-1.16.0 ... kubernetes-1.36.0,
  // the staging repository that holds every kubectl command since 1.16). kubernetes/kubernetes#95076 (1.20) renamed drain's
  // --delete-local-data to --delete-emptydir-data; the old name is gone at kubernetes-1.31.0 (lensapp/lens#7063: "On
  // Kubernetes version 1.31, the --delete-local-data option no longer works").
  "delete-local-data": kubectl("1.31", "removed", "kubectl drain", { instead: "--delete-emptydir-data (kubectl 1.20 and later)" }),
  "delete-emptydir-data": kubectl("1.20", "added", "kubectl drain", { instead: "--delete-local-data on kubectl 1.19 and older" }),
  "disable-eviction": kubectl("1.18", "added", "kubectl drain"),
  "skip-wait-for-delete-timeout": kubectl("1.18", "added", "kubectl drain"),
  "output-watch-events": kubectl("1.17", "added", "kubectl get --watch"),
  "show-capacity": kubectl("1.23", "added", "kubectl top node"),
  applyset: kubectl("1.27", "added", "kubectl apply --prune (alpha, KUBECTL_APPLYSET=true)"),
  "all-pods": kubectl("1.31", "added", "kubectl logs"),
  "keep-labels": kubectl("1.31", "added", "kubectl debug --copy-to"),
  "keep-annotations": kubectl("1.31", "added", "kubectl debug --copy-to"),
  "keep-liveness": kubectl("1.31", "added", "kubectl debug --copy-to"),
  "keep-readiness": kubectl("1.31", "added", "kubectl debug --copy-to"),
  "keep-startup": kubectl("1.31", "added", "kubectl debug --copy-to"),
  "keep-init-containers": kubectl("1.31", "added", "kubectl debug --copy-to"),
  "show-swap": kubectl("1.34", "added", "kubectl top node / kubectl top pod"),
  // --- clusterctl (cmd/clusterctl flags at each kubernetes-sigs/cluster-api release tag) ---
  // v0.4.0 (v1alpha4) dropped management groups and single-namespace providers.
  "management-group": clusterctl("v0.4.0", "removed", "clusterctl upgrade plan / apply", { instead: "nothing: clusterctl upgrades every provider of the management cluster" }),
  "watching-namespace": clusterctl("v0.4.0", "removed", "clusterctl init", { instead: "nothing: providers watch all namespaces from v1alpha4 on" }),
  "show-conditions": clusterctl("v0.4.0", "added", "clusterctl describe cluster"),
  // v0.4.0 moved `clusterctl config cluster` to `clusterctl generate cluster`; v0.3.x has a `generate` command without it, so
  // v0.4 instructions run with a v0.3 clusterctl stop at --flavor (kubernetes-sigs/cluster-api#4888, clusterctl v0.3.20).
  flavor: clusterctl("v0.4.0", "added", "clusterctl generate cluster", { unique: false, instead: "clusterctl config cluster --flavor on v0.3.x" }),
  "wait-providers": clusterctl("v1.0.0", "added", "clusterctl init / clusterctl upgrade apply"),
  "from-directory": clusterctl("v1.3.0", "added", "clusterctl move"),
  "to-directory": clusterctl("v1.3.0", "added", "clusterctl move"),
  "runtime-extension": clusterctl("v1.3.0", "added", "clusterctl init / clusterctl upgrade apply"),
  "write-to": clusterctl("v1.4.0", "added", "clusterctl generate cluster", { unique: false }),
  "hide-api-warnings": clusterctl("v1.9.0", "added", "clusterctl (global)"),
  "enable-crd-storage-version-migration": clusterctl("v1.10.0", "added", "clusterctl upgrade apply", { removedIn: "v1.13.0" }),
  "disable-grouping": clusterctl("v1.13.0", "removed", "clusterctl describe cluster", { instead: "--grouping=false" }),
  // --- kOps ---
  // kOps 1.26.0 renamed the master flags of `kops create cluster` to control-plane (cmd/kops/create_cluster.go at v1.25.0 has
  // only --master-*, v1.26.0 --control-plane-* and normalises the old names; v1.28.0 keeps both, the old ones deprecated);
  // kubernetes/kops#15724 (upgrade jobs running an older kops with the new flag).
  "control-plane-size": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go"),
  "control-plane-count": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go", { unique: false }),
  "control-plane-zones": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go"),
  "control-plane-volume-size": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go"),
  "control-plane-image": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go", { unique: false }),
  "control-plane-security-groups": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go"),
  "control-plane-tenancy": kops("1.26.0", "kops create cluster", "kops v1.26.0 cmd/kops/create_cluster.go"),
  "control-plane-interval": kops("1.26.0", "kops rolling-update cluster", "kops v1.26.0 cmd/kops/rolling-update_cluster.go"),
  // First kops release tag whose cmd/kops registers the flag: kubernetes/kops#1464 (--topology on kops 1.4.4), #4623 (--subnets
  // on 1.8.1, "the documentation is from master"), #6971 (--etcd-storage-type on 1.11.1, fine on 1.12).
  topology: kops("1.5.0", "kops create cluster", "kops 1.5.0 cmd/kops/create_cluster.go", { unique: false }),
  "api-loadbalancer-type": kops("1.6.0", "kops create cluster", "kops 1.6.0 cmd/kops/create_cluster.go"),
  "cloud-labels": kops("1.6.0", "kops create cluster", "kops 1.6.0 cmd/kops/create_cluster.go"),
  subnets: kops("1.9.0", "kops create cluster", "kops 1.9.0 cmd/kops/create_cluster.go", { unique: false }),
  "utility-subnets": kops("1.9.0", "kops create cluster", "kops 1.9.0 cmd/kops/create_cluster.go"),
  "etcd-storage-type": kops("1.12.0", "kops create cluster", "kops 1.12.0 cmd/kops/create_cluster.go"),
  // kops v1.31.0 (flag diff of cmd/kops between v1.30.0 and v1.31.0).
  "ignore-kubelet-version-skew": kops("1.31.0", "kops update cluster / kops rolling-update cluster", "kops v1.31.0 cmd/kops"),
  // --- Helm (flags of cmd/helm at each release tag: git grep of the flag names in helm/helm v2.17.0, v3.N.0, v4.0.0) ---
  // Helm 3.0.0 dropped Tiller and the Helm 2 flags: install --name (the name became positional: gremlin/helm#12,
  // munnerz/kube-plex#71, seglo/kafka-lag-exporter#473 ran Helm 2 instructions with Helm 3), delete --purge, --tiller-namespace,
  // the --tls* client flags, --home, install --dep-up.
  name: helm("3.0.0", "removed", "helm install", { unique: false, instead: "the release name as the first argument (helm install NAME CHART), or --generate-name" }),
  purge: helm("3.0.0", "removed", "helm delete", { instead: "helm uninstall (it purges; --keep-history keeps the record)" }),
  "tiller-namespace": helm("3.0.0", "removed", "helm (Tiller)", { instead: "nothing: Helm 3 has no Tiller" }),
  "tls-verify": helm("3.0.0", "removed", "helm (Tiller TLS)", { unique: false, instead: "nothing: Helm 3 has no Tiller" }),
  "dep-up": helm("3.0.0", "removed", "helm install", { instead: "--dependency-update" }),
  // Helm 4.0.0 removed helm upgrade --recreate-pods.
  "recreate-pods": helm("4.0.0", "removed", "helm upgrade", { instead: "a rollout restart after the upgrade" }),
  "generate-name": helm("3.0.0", "added", "helm install"),
  "skip-crds": helm("3.0.0", "added", "helm install / helm template"),
  "post-renderer": helm("3.1.0", "added", "helm install / helm upgrade / helm template"),
  "create-namespace": helm("3.2.0", "added", "helm install / helm upgrade --install", { unique: false }),
  "wait-for-jobs": helm("3.5.0", "added", "helm install / helm upgrade"),
  "pass-credentials": helm("3.7.0", "added", "helm install / helm upgrade / helm repo add"),
  "set-json": helm("3.10.0", "added", "helm install / helm upgrade / helm template"),
  "set-literal": helm("3.12.0", "added", "helm install / helm upgrade / helm template"),
  "enable-dns": helm("3.12.0", "added", "helm install / helm upgrade / helm template", { unique: false }),
  "plain-http": helm("3.13.0", "added", "helm install / helm pull / helm push", { unique: false }),
  "reset-then-reuse-values": helm("3.14.0", "added", "helm upgrade"),
  "hide-secret": helm("3.15.0", "added", "helm install / helm upgrade (with --dry-run)"),
  "skip-schema-validation": helm("3.16.0", "added", "helm install / helm upgrade / helm template / helm lint"),
  "hide-notes": helm("3.16.0", "added", "helm install / helm upgrade"),
  "take-ownership": helm("3.17.0", "added", "helm install / helm upgrade"),
  "rollback-on-failure": helm("4.0.0", "added", "helm install / helm upgrade", { instead: "--atomic on Helm 3" }),
  // --- kind (kubernetes-sigs/kind f890ce8c "remove long-deprecated --loglevel flag", v0.26.0; --kube-root left build
  // node-image in the same release, the Kubernetes source became an argument) ---
  loglevel: { tool: "kind", command: "kind", change: "removed", release: "v0.26.0", kind: "component", unique: false, source: "kubernetes-sigs/kind f890ce8c", instead: "-v / --verbosity" },
  "kube-root": { tool: "kind", command: "kind build node-image", change: "removed", release: "v0.26.0", kind: "component", unique: false, source: "kind v0.26.0 pkg/cmd", instead: "the Kubernetes source as the command's argument" },
  // --- minikube (cmd/minikube/cmd at each release tag; kubernetes/minikube#11548: --vm-driver renamed --driver in v1.8.0,
  // e2ce45c6; kubernetes/website#21725 ran an older minikube with --driver) ---
  driver: minikube("1.8.0", "minikube start", { unique: false, instead: "--vm-driver on minikube 1.7 and older" }),
  "extra-disks": minikube("1.23.0", "minikube start"),
  "no-kubernetes": minikube("1.24.0", "minikube start"),
  "cert-expiration": minikube("1.24.0", "minikube start"),
  "static-ip": minikube("1.29.0", "minikube start"),
  // --- kubetest (hack/e2e.go's shim; Go's flag package, so "flag provided but not defined: -x") ---
  // kubernetes/test-infra#3403 (2017-07) gave kubetest --provider instead of KUBERNETES_PROVIDER; kubernetes/kubernetes#52055
  // ran a job passing it to an older kubetest image. A job newer than hack/e2e.go: kubernetes/kubernetes#30390 (-dump).
  provider: { tool: "kubetest", command: "kubetest (hack/e2e.go)", change: "added", release: "test-infra#3403 (2017-07)", kind: "component", unique: false, parser: "goflag", source: "kubernetes/test-infra#3403" },
  dump: { tool: "kubetest", command: "kubetest (hack/e2e.go)", change: "added", release: "hack/e2e.go of 2016-08", kind: "component", unique: false, parser: "goflag", source: "kubernetes/kubernetes#30390" },
};
