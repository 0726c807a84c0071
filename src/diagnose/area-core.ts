import { captureRoles, type Diagnoser } from "./context.js";
import { COMPONENT_CONFIG_APIS, CONFIG_FIELD_CHANGES, KUBEADM_CONFIG_FIELDS } from "./tables.js";
import { parseKubeVersion } from "./versions.js";

// Diagnosers for the core signatures added for the recognition-breadth work; merged into DIAGNOSERS in index.ts.

const diagnoseEtcdDowngrade: Diagnoser = (input) => {
  const server = input.capture("server");
  const cluster = input.capture("cluster");
  return {
    headline:
      server && cluster
        ? `etcd ${server} refused to start: its data records cluster version ${cluster}, set by a newer etcd, and etcd never runs a minor older than the cluster version (a rollback or downgrade brought back an older etcd).`
        : "etcd refused to start: its data records a cluster version newer than this etcd binary (a rollback or downgrade brought back an older etcd).",
    versions: captureRoles(input),
  };
};

const diagnoseKubeadmConfigUnknown: Diagnoser = (input) => {
  const group = input.capture("group") ?? "";
  const version = input.capture("configVersion") ?? "";
  const kind = input.capture("kind") ?? "configuration";
  const apiVersion = group ? `${group}/${version}` : version;
  const known = COMPONENT_CONFIG_APIS[apiVersion];
  const versions = captureRoles(input);
  if (known?.removedIn) {
    return {
      headline: `${known.component} ${known.removedIn} and later no longer read ${kind} ${apiVersion}: the configuration was written for an older kubeadm than the one that ran.`,
      versions: [...versions, { name: "apiRemovedIn", version: known.removedIn, role: `release that stopped reading ${apiVersion}`, source: "component-config API table" }],
      fixes: [`Migrate the configuration (\`kubeadm config migrate\` on a kubeadm older than ${known.removedIn}), or write it in the API version this kubeadm prints with \`kubeadm config print init-defaults\`.`],
    };
  }
  if (known?.since) {
    const since = parseKubeVersion(known.since);
    return {
      headline: `${kind} ${apiVersion} is read by ${known.component} ${known.since} and later: the kubeadm that ran is older${since ? ` (${since.major}.${since.minor - 1} or before)` : ""} than the configuration, which was written for a newer release.`,
      versions: [...versions, { name: "apiSince", version: known.since, role: `first release that reads ${apiVersion}`, source: "component-config API table" }],
      fixes: [`Install kubeadm ${known.since} or newer (the release the script targets), or write the configuration in an older API version this kubeadm reads.`],
    };
  }
  return {
    headline: `kubeadm does not register ${kind} ${apiVersion}: the configuration was written for another kubeadm release (or another tool).`,
    versions,
  };
};

const diagnoseDockerVersion: Diagnoser = (input) => ({
  headline: `kubeadm's preflight does not accept Docker ${input.capture("docker") ?? ""}: the node's Docker is newer than the releases this kubeadm validates (or its version string is a vendor's), so init/join stopped.`,
  versions: captureRoles(input),
});

const diagnoseKernelVersion: Diagnoser = (input) => {
  const kernel = input.capture("kernel") ?? "";
  const major = Number.parseInt(kernel, 10);
  const oldKubeadm = /unsupported\s+kernel\s+release/.test(input.finding.text);
  return {
    headline: oldKubeadm && major >= 5
      ? `kubeadm's preflight does not know kernel ${kernel}: kubeadm 1.13 and older only accept 3.10 to 4.x kernels, so this kubeadm is older than the node's kernel (1.14 and later accept 5.x).`
      : oldKubeadm
        ? `kubeadm's preflight rejected kernel ${kernel}: the node's kernel is outside the releases this kubeadm validates.`
        : `kubeadm's preflight rejected kernel ${kernel}: kubeadm 1.31 and later require an upstream LTS kernel (4.19, 5.x, 6.x), and the node's OS is older than this kubeadm supports.`,
    versions: captureRoles(input),
  };
};

const diagnoseConfigField: Diagnoser = (input) => {
  const leaf = input.capture("conntrackField");
  const field = input.capture("field") ?? (leaf ? `conntrack.${leaf}` : "");
  const change = CONFIG_FIELD_CHANGES[field];
  if (!change) return { headline: `The configuration has a field (${field}) of another release than the component reading it.`, versions: captureRoles(input) };
  const row = { name: change.change === "added" ? "fieldAddedIn" : "fieldRemovedIn", version: change.release, role: `release that ${change.change} ${change.kind}.${field}`, source: "component-config field table" };
  return {
    headline:
      change.change === "added"
        ? `${change.kind}.${field} exists from Kubernetes ${change.release} on: the configuration was written for a newer release than the component (or kubeadm) that decoded it, which ignores the field.`
        : `${change.kind}.${field} was removed in Kubernetes ${change.release}: the configuration was written for an older release than the component that decoded it.`,
    versions: [...captureRoles(input), row],
  };
};

// kubeadm.k8s.io versions in release order: v1alpha1 < v1alpha2 < v1alpha3 < v1beta1 < … < v1beta4.
const apiRank = (v: string) => {
  const m = /^v1(alpha|beta)(\d+)$/.exec(v);
  return m ? (m[1] === "beta" ? 10 : 0) + Number(m[2]) : Number.NaN;
};

const diagnoseKubeadmConfigField: Diagnoser = (input) => {
  const field = input.capture("field") ?? "";
  const declared = input.capture("configVersion") ?? "";
  const kind = input.capture("kind") ?? "the kubeadm configuration";
  const change = KUBEADM_CONFIG_FIELDS[field];
  const versions = captureRoles(input);
  const at = declared ? `${kind} ${declared}` : kind;
  if (!change) return { headline: `${at} has a field (${field}) of another kubeadm.k8s.io API version.`, versions };
  if (change.kubeadm) {
    return {
      headline: `${field} exists in ${change.addedIn} from kubeadm ${change.kubeadm} on: the configuration was written for a newer kubeadm than the one that decoded it, which ignores the field.`,
      versions: [...versions, { name: "fieldAddedIn", version: change.kubeadm, role: `kubeadm release that added ${field}`, source: "kubeadm configuration field table" }],
    };
  }
  const d = apiRank(declared);
  const row = (name: string, version: string, what: string) => ({ name, version, role: `kubeadm API version that ${what} ${field}`, source: "kubeadm configuration field table" });
  // A document older than the version that added the field uses a newer schema's field; one at or past the
  // version that removed it keeps an older schema's field. With no declared version, the table's side is taken.
  if (change.addedIn && (Number.isNaN(d) ? !change.removedIn : d < apiRank(change.addedIn))) {
    return {
      headline: `${field} exists from kubeadm.k8s.io ${change.addedIn} on: ${at} uses a field of a newer schema (documentation or a template for a newer kubeadm), and kubeadm ignores it.`,
      versions: [...versions, row("fieldAddedIn", change.addedIn, "added")],
    };
  }
  if (change.removedIn && (Number.isNaN(d) || d >= apiRank(change.removedIn))) {
    return {
      headline: `${field} is a field of the kubeadm.k8s.io API before ${change.removedIn}, which removed it: ${at} keeps a field of the older schema (a template written for an older kubeadm, relabelled), and kubeadm ignores it.`,
      versions: [...versions, row("fieldRemovedIn", change.removedIn, "removed")],
      ...(change.instead ? { fixes: [`Remove ${field} (${change.instead}).`, ...input.signature.fixes] } : {}),
    };
  }
  return {
    verdict: "not-skew",
    headline: `${at} was refused ${field}, which its declared API version has: the field sits at the wrong place or is misspelt, whatever the release.`,
    versions,
  };
};

export const coreDiagnosers: Record<string, Diagnoser> = {
  "kubeadm-config-field-other-api-version": diagnoseKubeadmConfigField,
  "component-config-field-other-release": diagnoseConfigField,
  "kubeadm-docker-version-unsupported": diagnoseDockerVersion,
  "kubeadm-kernel-version-unsupported": diagnoseKernelVersion,
  "etcd-cluster-downgrade-refused": diagnoseEtcdDowngrade,
  "kubeadm-config-api-unknown": diagnoseKubeadmConfigUnknown,
};
