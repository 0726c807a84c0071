import type { Diagnoser } from "./context.js";
import { captureRoles } from "./context.js";

// Diagnosers for src/signatures/platform15.ts (the tenth tuning session, area: platform).

/** Upgradeable=False reasons that are configuration the administrator set, not versions that do not meet. */
const OPENSHIFT_CONFIG_REASONS: Array<[RegExp, string]> = [
  [/^ClusterVersionOverridesSet$/, "spec.overrides on the ClusterVersion disable CVO ownership of some manifests; remove them (okd-project/okd#1461)"],
  [/^DefaultSecurityContextConstraints_Mutated$/, "a default SecurityContextConstraints object was edited; restore it or copy it to a custom SCC"],
  [/TechPreviewNoUpgrade/, "the TechPreviewNoUpgrade feature set forbids updates by design"],
  [/^UpdateInProgress$/, "an update is already in progress; wait for it, or retarget within its minor (openshift/cluster-version-operator#1080, #1093)"],
  [/^ResourceDeletesInProgress$/, "resource deletions of the current update are still in progress; wait for them"],
];

/** Preconditions about the update graph or cluster state, not about versions that do not meet. */
const OPENSHIFT_NON_VERSION_PRECONDITIONS = /^(?:ClusterVersionRecommendedUpdate|EtcdRecentBackup)$/;

/** Blocks a provider major turned into arguments or removed, with the resource or provider they belong to. */
const TERRAFORM_BLOCK_CHANGES: Array<{ blocks: RegExp; owner: RegExp; bare?: boolean; what: string; fix: string }> = [
  {
    // hashicorp/terraform-provider-helm 3.0.0 (Plugin Framework): #1637, rancher/tf-rancher-up#204, aws-samples/istio-on-eks#118
    blocks: /^(?:kubernetes|registry|experiments)$/,
    owner: /^provider helm$/,
    what: "the helm provider 3.0 (June 2025) made the provider's kubernetes, registry and experiments blocks arguments",
    fix: 'Pin hashicorp/helm to "~> 2.17" until the configuration is migrated, or write kubernetes = { host = …, exec = { … } } as the v3 upgrade guide shows.',
  },
  {
    // terraform-google-modules/terraform-google-github-actions-runners#218
    blocks: /^(?:set|set_sensitive|set_list|postrender)$/,
    owner: /^helm_release$/,
    what: "the helm provider 3.0 made helm_release's set, set_sensitive, set_list and postrender blocks list (or object) arguments",
    fix: 'Pin hashicorp/helm to "~> 2.17", or rewrite the blocks as set = [{ name = …, value = … }, …] (v3 upgrade guide).',
  },
  {
    // Azure-Terraform/terraform-azurerm-kubernetes#86, stormic-nomad-nishant/cloud_native_azure#4, hashicorp/terraform-provider-azurerm#18083
    blocks: /^(?:addon_profile|role_based_access_control)$/,
    owner: /^azurerm_kubernetes_cluster$/,
    bare: true,
    what: "azurerm 3.0 removed azurerm_kubernetes_cluster's addon_profile (its add-ons became top-level blocks) and role_based_access_control (now role_based_access_control_enabled and azure_active_directory_role_based_access_control)",
    fix: 'Pin hashicorp/azurerm to "~> 2.99" for the old schema, or migrate per the azurerm 3.0 upgrade guide (oms_agent {}, key_vault_secrets_provider {}, azure_policy_enabled = true at the top level).',
  },
];

export const platform15Diagnosers: Record<string, Diagnoser> = {
  "openshift-update-precondition-failed": (input) => {
    const reason = input.capture("reason");
    const target = input.capture("target");
    const current = input.capture("current");
    const versions = captureRoles(input);
    if (target && current) {
      return {
        verdict: "cause",
        headline: `The cluster-version operator refuses ${target}: it is more than one minor beyond the current ${current}, and OpenShift updates go one minor at a time (a Control Plane Only / EUS update too passes through the odd minor).`,
        versions,
        fixes: [`Update to the latest patch of the next minor first, then to ${target}; pick targets from oc adm upgrade's recommended updates.`],
      };
    }
    const precondition = input.capture("precondition") ?? "";
    if (OPENSHIFT_NON_VERSION_PRECONDITIONS.test(precondition)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: precondition ${precondition} (${reason ?? "failed"}) is about the update graph or the cluster's state (a target outside the recommended updates, an etcd backup not yet taken), not versions that do not meet.`,
        versions,
      };
    }
    const config = reason ? OPENSHIFT_CONFIG_REASONS.find(([re]) => re.test(reason)) : undefined;
    if (reason && config) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the update is blocked by ${reason}, a configuration or state of this cluster: ${config[1]}.`,
        versions,
      };
    }
    const rest = input.finding.text;
    if (reason === "AdminAckRequired" || (reason === "MultipleReasons" && /AdminAckRequired|KubeletMinorVersion/.test(rest)) || /^KubeletMinorVersion/.test(reason ?? "")) {
      return {
        verdict: "cause",
        headline: /KubeletMinorVersion/.test(`${reason} ${rest}`)
          ? "The minor update is blocked on a version gate: kubelets the next OpenShift minor would leave too far behind the API server."
          : "The minor update is blocked on a version gate: the next OpenShift minor's Kubernetes removes APIs, and the cluster administrator has not acknowledged it (AdminAckRequired).",
        versions,
        fixes: [
          "Check oc get apirequestcounts for removed APIs still in use and migrate those clients, then acknowledge the gate: oc -n openshift-config patch cm admin-acks --patch '{\"data\":{\"ack-<current>-kube-<k8s>-api-removals-in-<next>\":\"true\"}}' --type=merge.",
          "For kubelets behind: finish updating the machine config pools to the current minor before the next minor update.",
        ],
      };
    }
    return {
      verdict: "warning",
      headline: reason
        ? `The cluster-version operator refused the update: precondition ${input.capture("precondition") ?? ""} failed because of ${reason}. A version gate (removed APIs, kubelets, operators' max OpenShift version) or a configuration; the condition's message names which.`
        : "The master update was refused because the ClusterVersion reports Upgradeable=False: often a version gate (APIs removed by the next minor awaiting an admin ack, kubelets or operators too old for it), sometimes a configuration; oc adm upgrade shows the reason.",
      versions,
    };
  },
  "terraform-provider-block-not-in-schema": (input) => {
    const block = input.capture("block") ?? "";
    const argument = input.capture("argument");
    const before = input.finding.context.before.slice(-6).map((l) => l.text).join("\n");
    // The error's "on main.tf line N, in resource "x" "y":" / "in provider "helm":" / "in module "m":" line.
    const owners = [...before.matchAll(/\bin\s+(resource|data|provider|module)\s+\\?"([\w-]+)\\?"/g)];
    const last = owners.at(-1);
    const ownerKind = last?.[1] ?? "";
    const owner = last ? (ownerKind === "provider" ? `provider ${last[2] ?? ""}` : (last[2] ?? "")) : "";
    if (ownerKind === "module") {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: the block ${block} {} is written inside a module call, and a module takes only arguments (its variables); pass the values as variables, or write the block in the module's own resource.`,
      };
    }
    // Without the "in …" line, helm's names (kubernetes, set) are common words: only with the framework's hint.
    const known = TERRAFORM_BLOCK_CHANGES.find((c) => c.blocks.test(block) && (owner ? c.owner.test(owner) : c.bare || argument === block));
    if (known) {
      return {
        verdict: "cause",
        headline: `The configuration writes ${block} {} as a block${owner ? ` in ${owner}` : ""}, but the installed provider has no such block: ${known.what}. The configuration (or a module) was written for the previous provider major.`,
        fixes: [known.fix],
      };
    }
    return {
      verdict: "warning",
      headline: argument
        ? `The installed provider has ${argument} as an argument, not a block${owner ? ` (in ${owner})` : ""}: the configuration was likely written for a provider release (or a Terraform language version) where ${block} was a block; pin that release or write ${argument} = { … }.`
        : `The installed provider's schema has no ${block} block${owner ? ` in ${owner}` : ""}: often a provider release other than the one the configuration was written for (a block added in a later release, or removed in a new major), sometimes a misspelt or misplaced block.`,
    };
  },
  "k3s-agent-server-config-other-release": (input) =>
    input.capture("want") === "[]string"
      ? {
          headline: "The k3s agent is older than its server: the server (k3s 1.18 or later) sends Control.Skips as a map, which this agent (1.17 or older) reads as a list, so the agent cannot load the cluster's config and never joins.",
          fixes: ["Upgrade the agent to the server's release (re-run the install script with INSTALL_K3S_VERSION set to the server's version)."],
        }
      : {
          headline: "The k3s agent is newer than its server: this agent (k3s 1.18 or later) expects Control.Skips as a map, but the server (1.17 or older) sends a list; k3s never supports agents ahead of servers.",
          fixes: ["Upgrade the servers first (to the agent's release or later), or reinstall the agent with INSTALL_K3S_VERSION set to the server's version."],
        },
  "eksctl-kubelet-extra-config-field-unknown": (input) => {
    const field = input.capture("field") ?? "";
    // KubeletConfiguration fields are camelCase; a dashed name is a kubelet flag written as a config field.
    if (/-/.test(field) || !/^[a-z][A-Za-z0-9]*$/.test(field)) {
      return {
        verdict: "not-skew",
        headline: `Not a version skew: "${field}" is a kubelet command-line flag, not a KubeletConfiguration field; kubeletExtraConfig takes config-file fields (camelCase, e.g. readOnlyPort), flags go in the bootstrap's --kubelet-extra-args.`,
      };
    }
    return {
      verdict: "warning",
      headline: `eksctl refused kubeletExtraConfig field "${field}": the KubeletConfiguration types eksctl was built with do not have it. If the field is in the kubelet's configuration reference, this eksctl predates it (upgrade eksctl); otherwise the name is misspelt.`,
    };
  },
};
