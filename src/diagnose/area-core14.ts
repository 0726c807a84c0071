import { captureRoles, hintRole, type Diagnoser } from "./context.js";
import { minorDelta, minorsText } from "./versions.js";

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

export const core14Diagnosers: Record<string, Diagnoser> = {
  "kubeadm-extra-args-other-api-shape": diagnoseExtraArgsShape,
  "crd-conversion-version-unsupported": diagnoseConversionUnsupported,
  "kubectl-kubeconfig-extension-unreadable": diagnoseKubeconfigExtension,
  "kubelet-services-never-synced": diagnoseServicesNeverSynced,
};
