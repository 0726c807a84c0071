import type { Signature } from "../model.js";
import { compatibilitySignatures } from "./compatibility.js";
import { featureGateSignatures } from "./feature-gates.js";
import { kubectlSignatures } from "./kubectl.js";
import { kubeadmSignatures } from "./kubeadm.js";
import { apiSignatures } from "./api.js";
import { criSignatures } from "./cri.js";
import { clusterApiSignatures } from "./cluster-api.js";
import { helmSignatures } from "./helm.js";
import { flagSignatures } from "./flags.js";
import { kindSignatures } from "./kind.js";
import { managedSignatures } from "./managed.js";
import { distributionSignatures } from "./distributions.js";
import { addonSignatures } from "./addons.js";
import { containerSignatures } from "./container.js";
import { genericSignatures } from "./generic.js";
import { e2eSignatures } from "./e2e.js";
import { nodeSignatures } from "./node.js";
import { node12Signatures } from "./node12.js";
import { platform12Signatures } from "./platform12.js";
import { api12Signatures } from "./api12.js";
import { toolSchemaSignatures } from "./tool-schemas.js";
import { core13Signatures } from "./core13.js";
import { core14Signatures } from "./core14.js";
import { generic14Signatures } from "./generic14.js";
import { platform13Signatures } from "./platform13.js";
import { f13Signatures } from "./f13.js";
import { addons13Signatures } from "./addons13.js";
import { addons14Signatures } from "./addons14.js";
import { core15Signatures } from "./core15.js";
import { addons15Signatures } from "./addons15.js";
import { platform15Signatures } from "./platform15.js";
import { tools15Signatures } from "./tools15.js";
import { generic15Signatures } from "./generic15.js";
import { core16Signatures } from "./core16.js";
import { addons16Signatures } from "./addons16.js";
import { platform16Signatures } from "./platform16.js";
import { tools16Signatures } from "./tools16.js";
import { node16Signatures } from "./node16.js";
import { f17Signatures } from "./f17.js";
import { core18Signatures } from "./core18.js";
import { addons18Signatures } from "./addons18.js";
import { platform18Signatures } from "./platform18.js";
import { tools18Signatures } from "./tools18.js";
import { node18Signatures } from "./node18.js";
import { generic16Signatures } from "./generic16.js";

export { builtinHints } from "./hints.js";

// The built-in catalog as written. Code reads it through index.ts (which a start reads from the build's JSON
// copy of it, one file instead of these modules); only the build's precompute.ts imports this module.

/** The built-in catalog, the headline minCompatibilityVersion check first. */
export const builtinSignatures: readonly Signature[] = [
  ...compatibilitySignatures,
  ...featureGateSignatures,
  ...kubectlSignatures,
  ...kubeadmSignatures,
  ...apiSignatures,
  ...api12Signatures,
  ...criSignatures,
  ...clusterApiSignatures,
  ...helmSignatures,
  ...flagSignatures,
  ...kindSignatures,
  ...managedSignatures,
  ...distributionSignatures,
  ...addonSignatures,
  ...containerSignatures,
  ...e2eSignatures,
  ...nodeSignatures,
  ...node12Signatures,
  ...platform12Signatures,
  ...toolSchemaSignatures,
  ...core13Signatures,
  ...core14Signatures,
  ...generic14Signatures,
  ...platform13Signatures,
  ...f13Signatures,
  ...addons13Signatures,
  ...addons14Signatures,
  ...core15Signatures,
  ...addons15Signatures,
  ...platform15Signatures,
  ...tools15Signatures,
  ...core16Signatures,
  ...addons16Signatures,
  ...platform16Signatures,
  ...tools16Signatures,
  ...node16Signatures,
  ...f17Signatures,
  ...core18Signatures,
  ...addons18Signatures,
  ...platform18Signatures,
  ...tools18Signatures,
  ...node18Signatures,
  // Last and lowest: wordings no signature above knows.
  ...genericSignatures,
  ...generic15Signatures,
  ...generic16Signatures,
];
