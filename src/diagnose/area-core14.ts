import { captureRoles, type Diagnoser } from "./context.js";

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

export const core14Diagnosers: Record<string, Diagnoser> = {
  "kubeadm-extra-args-other-api-shape": diagnoseExtraArgsShape,
};
