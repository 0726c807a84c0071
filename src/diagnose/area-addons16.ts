import { parseKubeVersion, toSemver } from "../kube/versions.js";
import { captureRoles, type Diagnoser } from "./context.js";

// Diagnosers for src/signatures/addons16.ts (the eleventh tuning session, area: addons).

/** -1, 0, 1 for two version tokens, undefined when either is not a version. */
function compareVersions(a: string | undefined, b: string | undefined): number | undefined {
  const pa = a ? parseKubeVersion(a) : undefined;
  const pb = b ? parseKubeVersion(b) : undefined;
  const sa = pa ? toSemver(pa) : null;
  const sb = pb ? toSemver(pb) : null;
  if (!sa || !sb) return undefined;
  return sa.compare(sb);
}

const TEKTON_RANK: Record<string, number> = { v1alpha1: 0, v1beta1: 1, v1: 2 };

/**
 * tekton-cli-pipelines-version-mismatch. The API-version form is tkn decoding what the cluster returned at another
 * tekton.dev version: the two versions say which side moved. The tkn hub form compares the catalog resource's minimum
 * with the release found; a build that names no release (devel, a placeholder) is tkn hub failing to read it
 * (tektoncd/hub#312), and a release that meets the minimum is no skew either.
 */
const diagnoseTekton: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const data = input.capture("dataVersion");
  const expected = input.capture("expectedVersion");
  if (data && expected) {
    const d = TEKTON_RANK[data.split("/")[1] ?? ""];
    const e = TEKTON_RANK[expected.split("/")[1] ?? ""];
    const older = d !== undefined && e !== undefined && d > e;
    return {
      verdict: "cause",
      headline: older
        ? `tkn expected ${expected} but the cluster returned ${data}: this tkn release is older than the cluster's Tekton Pipelines, which serves and stores the newer API version.`
        : `tkn expected ${expected} but the cluster returned ${data}: tkn and the cluster's Tekton Pipelines are of different releases (tkn before 0.30 against Pipelines 0.43+, which moved to tekton.dev/v1, is the usual pair).`,
      versions,
      fixes: [
        "Upgrade tkn to the release matching the cluster's Tekton Pipelines (`tkn version` prints both; tkn 0.30+ for Pipelines 0.43+), including any tkn image a Task runs.",
        "Until then, create the runs and install catalog resources with kubectl (kubectl create -f / kubectl apply -f), which does not decode them into tkn's types.",
      ],
    };
  }
  const min = input.capture("minPipelines");
  const found = input.capture("pipelines");
  const resource = `${input.capture("kind") ?? "The catalog resource"} ${input.capture("resource") ?? ""}${input.capture("resourceVersion") ? ` ${input.capture("resourceVersion")}` : ""}`.trim();
  const order = compareVersions(found, min);
  if (order === undefined) {
    return {
      verdict: "not-skew",
      headline: `tkn hub could not read a Tekton Pipelines release from the cluster (it found "${found ?? ""}"): a development build or an unlabelled install, not an older Pipelines (tektoncd/hub#312). Install the resource with kubectl apply, or label the Pipelines install with its release.`,
      versions,
    };
  }
  if (order >= 0) {
    return {
      verdict: "not-skew",
      headline: `tkn hub refused ${resource} although the cluster's Tekton Pipelines ${found} meets its minimum ${min}: a version comparison bug in tkn hub, not a skew. Upgrade tkn or apply the resource with kubectl.`,
      versions,
    };
  }
  return {
    verdict: "cause",
    headline: `${resource} from the Tekton catalog needs Tekton Pipelines ${min} or later, and the cluster runs ${found}: the catalog version is newer than the cluster's Pipelines.`,
    versions,
    fixes: [
      `Install a version of the resource that supports Pipelines ${found} (tkn hub install ${(input.capture("kind") ?? "task").toLowerCase()} ${input.capture("resource") ?? "<name>"} --version <older>), or upgrade Tekton Pipelines to ${min}+.`,
      "Or apply the catalog YAML with kubectl, which skips tkn hub's check (only when the resource does not use newer Pipelines features).",
    ],
  };
};

/**
 * longhorn-upgrade-path-unsupported. A development build on either side ("-dev", master-head) is Longhorn's own
 * labelling (longhorn/longhorn#10143), not a release skew; a real downgrade and a skipped minor are causes.
 */
const diagnoseLonghorn: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const image = input.capture("engineImage");
  if (image) {
    return {
      verdict: "cause",
      headline: `A volume still uses engine image ${image}, whose ${input.capture("api") ?? "client"} API version ${input.capture("found") ?? "?"} is below the ${input.capture("required") ?? "?"} the new Longhorn manager requires: the engines were not upgraded after the previous Longhorn upgrade, and this one skips too far ahead of them.`,
      versions,
      fixes: [
        "Revert to the previous Longhorn release, upgrade every volume's engine to its default engine image (Volume → Upgrade Engine, or detach the volume), delete unused old EngineImages, then upgrade again.",
      ],
    };
  }
  const minMinor = input.capture("minMinor");
  if (minMinor) {
    return {
      verdict: "cause",
      headline: `Longhorn refuses to move to a new major release from a 1.x older than 1.${minMinor}: upgrade to 1.${minMinor} first.`,
      versions,
    };
  }
  const current = input.capture("current") ?? "the installed release";
  const target = input.capture("target") ?? "the new release";
  const dev = /-(?:dev|head)\b/;
  if (input.capture("direction") === "downgrading") {
    if (dev.test(target) || dev.test(current)) {
      return {
        verdict: "not-skew",
        headline: `Longhorn sees ${current} → ${target} as a downgrade because a development build is labelled with an older version than the release installed (longhorn/longhorn#10143): a labelling of the build, not a release skew.`,
        versions,
      };
    }
    return {
      verdict: "cause",
      headline: `The manifest or chart deploys Longhorn ${target}, older than the ${current} already installed, and Longhorn never downgrades: the deployment pins an older release than the cluster has run.`,
      versions,
      fixes: [`Deploy ${current} (or newer) again: a Longhorn downgrade is not possible in place; restore from a system backup if the older release is really needed.`],
    };
  }
  const pc = parseKubeVersion(current);
  const pt = parseKubeVersion(target);
  const skipped = pc && pt && pc.major === pt.major ? pt.minor - pc.minor - 1 : undefined;
  const next = pc ? `${pc.major}.${pc.minor + 1}` : undefined;
  return {
    verdict: "cause",
    headline: `Longhorn ${target} refuses to upgrade the installed ${current}${skipped && skipped > 0 ? `, skipping ${skipped} minor release${skipped === 1 ? "" : "s"}` : ""}: Longhorn upgrades one minor release at a time.`,
    versions,
    fixes: [
      `Upgrade to ${next ? `the latest ${next}.x` : "the next minor release"} first, let it finish, then continue one minor at a time to ${target}.`,
      "Pin the chart or manifest version in Git/Renovate so that it cannot jump more than one minor release.",
    ],
  };
};

export const addons16Diagnosers: Record<string, Diagnoser> = {
  "tekton-cli-pipelines-version-mismatch": diagnoseTekton,
  "longhorn-upgrade-path-unsupported": diagnoseLonghorn,
};
