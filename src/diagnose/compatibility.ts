import type { KubeVersion, VersionRole } from "../model.js";
import { captureRoles, hintRole, type DiagnoseInput, type DiagnosisPart, type Diagnoser } from "./context.js";
import { addMinors, majorMinor, minorDelta, minorsText } from "./versions.js";

// Reasoning for KEP-4330 compatibility-version errors. Three versions per component: binary (the
// build stamp), emulation (--emulated-version, default binary) and min compatibility
// (--min-compatibility-version, default binary − 1, not clamped to the floor). The floors changed
// between code generations: 1.31's alpha allowed exactly binary − 1; code from 1.33 on uses
// max(binary − 3, 1.31) for both floors. See docs in shared/docs/kubernetes-version-skew.md §2.

const HARD_FLOOR = "1.31";
const CAPI_11833 = "https://github.com/kubernetes-sigs/cluster-api/issues/11833";
const CAPI_11836 = "https://github.com/kubernetes-sigs/cluster-api/pull/11836";
const CAPI_11843 = "https://github.com/kubernetes-sigs/cluster-api/pull/11843";

const MIS_STAMP_FIXES = (stamp: string): string[] => [
  `Check out the Kubernetes release branch that matches the version you stamp (release-${stamp} for ${stamp}) before building the node image. Make sure the checkout really has release branches: a tags-only clone followed by \`git fetch --all\` finds none, and a script that then falls back to master builds master (cluster-api PR #11836).`,
  "Verify that the version stamp matches the checkout: compare KUBE_GIT_VERSION (or the version file handed to `kind build node-image`) with `git describe` of the tree you built, and fail the build when they disagree.",
  `Only test Kubernetes versions the branch under test supports (cluster-api PR #11843 capped release-1.7 at 1.30 by testing ci/latest-1.30 instead of ci/latest-1.31).`,
  "If the job passes --min-compatibility-version or --emulated-version, set them within the allowed range [floor, emulation version].",
];

function binaryHint(input: DiagnoseInput): { row: VersionRole; version: KubeVersion } | undefined {
  const h = input.hint("binary", "stamp", "kubernetes", "node-image");
  if (!h) return undefined;
  const what: Record<string, string> = {
    binary: "binary version the component logged at start-up",
    stamp: "version stamped into the build (KUBE_GIT_VERSION)",
    kubernetes: "Kubernetes version the job asked for",
    "node-image": "version in the node image tag",
  };
  return { row: hintRole("binary", h.hint.version, what[h.hint.role] ?? h.hint.role, h.hint), version: h.version };
}

/** The captured value and bounds of a range message, with the binary version seen elsewhere in the job. */
interface RangeReading {
  value: KubeVersion;
  lower: KubeVersion;
  upper: KubeVersion;
  v: string;
  lo: string;
  up: string;
  binary: { row: VersionRole; version: KubeVersion } | undefined;
  versions: VersionRole[];
}

function readRange(input: DiagnoseInput, valueName: string): RangeReading | VersionRole[] {
  const value = input.version(valueName);
  const lower = input.version("lower");
  const upper = input.version("upper");
  const versions = captureRoles(input);
  if (!value || !lower || !upper) return versions;
  const binary = binaryHint(input);
  if (binary) versions.push(binary.row);
  return { value, lower, upper, v: majorMinor(value), lo: majorMinor(lower), up: majorMinor(upper), binary, versions };
}

export const diagnoseMinCompat: Diagnoser = (input) => {
  const range = readRange(input, "minCompatibilityVersion");
  if (Array.isArray(range)) return { headline: "A control-plane component's minimum compatibility version is out of range.", versions: range };
  const { value, lower, upper, v, lo, up, binary, versions } = range;
  const reasoning = [
    `At start-up each control-plane component checks that its minimum compatibility version lies between the floor and its emulation version; here ${v} is not in [${lo}, ${up}], so the component exits and its static pod crash-loops.`,
  ];
  if (binary) {
    reasoning.push(
      minorDelta(binary.version, upper) === 0
        ? `The binary version ${binary.row.version} (${binary.row.source}) has the same minor as the emulation version ${up}: the emulation version is at its default.`
        : `The binary version seen elsewhere is ${binary.row.version} (${binary.row.source}), not ${up}; if that is the failing component, the emulation version was set explicitly.`,
    );
  }

  if (minorDelta(value, lower) < 0) {
    const defaultsFit = minorDelta(upper, value) === 1;
    if (defaultsFit && lo === up && lo === HARD_FLOOR) {
      // The CAPI #11833 shape: a binary stamped 1.31 that carries code from 1.33 or later.
      if (!binary) versions.push({ name: "binary", version: up, role: "binary version (inferred: emulation defaults to it, min compatibility to it − 1)", source: "inferred from the bounds" });
      return {
        headline: `The default minimum compatibility version ${v} (binary ${up} − 1) fell below a ${lo} floor: the binary reports ${up} but was built from newer source, e.g. from master but stamped with a release version.`,
        versions,
        reasoning: [
          ...reasoning,
          `With default flags the emulation version equals the binary version (${up}) and the minimum compatibility version is binary − 1 = ${v}.`,
          `A real ${up} release accepts exactly that: 1.31's rules allow [binary − 1, binary − 1] = [${v}, ${v}]. Only Kubernetes source from 1.33 on computes the floor as max(binary − 3, 1.31) = max(${majorMinor(addMinors(upper, -3))}, 1.31) = ${lo} and applies it to the minimum compatibility version too, which rejects the default ${v}.`,
          `So the binary reports ${up} but contains code newer than ${up}: the source is newer than its version stamp. This is not a cluster/kubelet version skew.`,
          `That is what broke Cluster API's release-1.7 conformance job (kubernetes-sigs/cluster-api#11833): the kindest/node image was built from kubernetes master because the release-1.31 branch was not found, but stamped with the resolved ci/latest-1.31 version.`,
          `Otherwise, with non-default flags, an explicit --min-compatibility-version or --emulated-version outside the allowed range produces the same message.`,
        ],
        causes: [
          `Kubernetes built from master (or another newer branch) but stamped ${up}: the release-branch checkout failed or fell back to master while KUBE_GIT_VERSION was still set to the ${up} version.`,
          "An explicit --min-compatibility-version or --emulated-version outside the allowed range.",
        ],
        fixes: MIS_STAMP_FIXES(up),
        references: [CAPI_11833, CAPI_11836, CAPI_11843],
      };
    }
    if (defaultsFit && lo === up) {
      return {
        headline: `The default minimum compatibility version ${v} (binary ${up} − 1) is below the floor ${lo}: the floor rules of the code do not match the version the binary reports.`,
        versions,
        reasoning: [
          ...reasoning,
          `With default flags the minimum compatibility version is binary − 1 = ${v}, which a binary's own rules always accept; a floor equal to the emulation version means the code's rules were written for a different binary version.`,
          "Suspect a build whose version stamp does not match its source, or an explicit --emulated-version/--min-compatibility-version.",
        ],
        causes: ["The version stamp does not match the source tree.", "Explicit compatibility-version flags out of range."],
        fixes: MIS_STAMP_FIXES(up),
        references: [CAPI_11833],
      };
    }
    return {
      headline: `The minimum compatibility version ${v} is below the floor ${lo} (allowed: ${lo}..${up}); with default flags it would be ${majorMinor(addMinors(upper, -1))}, so it was most likely set explicitly.`,
      versions,
      reasoning: [
        ...reasoning,
        `With default flags the minimum compatibility version is the binary version − 1 (${majorMinor(addMinors(upper, -1))} for emulation ${up}); ${v} is ${minorsText(minorDelta(lower, value))} below the floor.`,
        "The floor is the oldest release this binary can stay compatible with: max(binary − 3, 1.31) in current code, binary − 1 in 1.31.",
      ],
      causes: ["An explicit --min-compatibility-version (flag, kubeadm extraArgs, a Cluster API template) below the floor."],
      fixes: [`Set --min-compatibility-version within [${lo}, ${up}], or drop it to use the default.`, "If the flag is not set anywhere, check that the binary's version stamp matches its source."],
    };
  }
  if (minorDelta(value, upper) > 0) {
    return {
      headline: `The minimum compatibility version ${v} is newer than the emulation version ${up}: a component cannot promise compatibility with a release newer than the one it emulates.`,
      versions,
      reasoning: [
        ...reasoning,
        "The minimum compatibility version must not exceed the emulation version. Defaults never produce this, so one of the flags was set.",
      ],
      causes: [
        "An explicit --min-compatibility-version above --emulated-version.",
        "--emulated-version lowered (e.g. for a downgrade test) without lowering --min-compatibility-version.",
      ],
      fixes: [`Set --min-compatibility-version at or below the emulation version (${up}), or raise --emulated-version.`],
    };
  }
  return {
    headline: `The minimum compatibility version ${v} was rejected for the range [${lo}, ${up}].`,
    versions,
    reasoning: [...reasoning, "The value lies inside the printed range when compared on major.minor, so this generation of the check uses other bounds; compare the binary version with the range."],
  };
};

export const diagnoseEmulation: Diagnoser = (input) => {
  const range = readRange(input, "emulationVersion");
  if (Array.isArray(range)) return { headline: "A control-plane component's emulation version is out of range.", versions: range };
  const { value, lower, upper, v, lo, up, versions } = range;
  const reasoning = [
    `At start-up each control-plane component checks that its emulation version lies between the emulation floor and its binary version; here ${v} is not in [${lo}, ${upper.raw}].`,
  ];
  if (minorDelta(lower, upper) > 0) {
    return {
      headline: `The binary reports ${upper.raw}, below its own emulation floor ${lo}: the binary was built from newer source than its version stamp says.`,
      versions,
      reasoning: [
        ...reasoning,
        `The range is empty: compatibility versions start at ${HARD_FLOOR}, so a binary honestly stamped ${up} cannot be running code with a ${lo} floor. The stamp is older than the code, as when master is built but stamped with an older release version.`,
      ],
      causes: ["A build from a newer branch stamped with an older release version."],
      fixes: MIS_STAMP_FIXES(up),
      references: [CAPI_11833],
    };
  }
  if (minorDelta(value, upper) > 0) {
    return {
      headline: `The emulation version ${v} is ${minorsText(minorDelta(value, upper))} newer than the binary ${upper.raw}: a binary can only emulate its own or older releases.`,
      versions,
      skew: { minors: minorDelta(value, upper), policy: "emulation version ≤ binary version", supported: false },
      reasoning: [...reasoning, "Defaults never produce this (the emulation version defaults to the binary version), so a flag or a version mapping set it, or the binary is older than the job expected."],
      causes: [
        "An explicit --emulated-version newer than the binary.",
        "A wrong component-version mapping (an aggregated API server's version mapped onto the Kubernetes version; kubernetes/kubernetes#125941).",
        "The binary (node image, package) is older than the job expected.",
      ],
      fixes: ["Set --emulated-version at or below the binary version.", "Check which binary the job really ran (node image tag, package version) against the version it expected."],
    };
  }
  if (minorDelta(value, lower) < 0) {
    return {
      headline: `The emulation version ${v} is too old for a ${up} binary, which can emulate down to ${lo}.`,
      versions,
      skew: { minors: minorDelta(upper, value), policy: `emulation within [floor, binary] = [${lo}, ${up}]`, supported: false },
      reasoning: [...reasoning, "The floor is binary − 1 in 1.31, max(binary − 3, 1.31) from 1.33 on; nothing emulates below 1.31."],
      causes: ["--emulated-version set further back than this binary supports (a skip-version downgrade test, or a stale flag after an upgrade)."],
      fixes: [`Set --emulated-version within [${lo}, ${up}], or use an older binary for the version you need to emulate.`],
    };
  }
  return { headline: `The emulation version ${v} was rejected for the range [${lo}, ${upper.raw}].`, versions, reasoning };
};

export const diagnoseKubeFloor: Diagnoser = (input) => {
  const versions = captureRoles(input);
  const got = input.capture("got");
  const binary = input.capture("binary");
  if (binary) {
    return {
      headline: `Compatibility versions were alpha in 1.31: the emulation version had to equal the binary version ${binary}, but got ${got ?? "another value"}.`,
      versions,
      reasoning: ["In 1.31 --emulated-version could only be the binary's own version; emulating another release needs 1.32 or later."],
      fixes: ["Leave --emulated-version unset on 1.31 binaries, or use a newer binary."],
    };
  }
  const floor = input.capture("floor");
  const field = input.capture("field") === "minCompatibilityVersion" ? "minimum compatibility version" : "emulation version";
  return {
    headline: `The ${field} ${got ?? "?"} is below the hard floor ${floor ?? "?"}: compatibility versions start at 1.31, so nothing older can be emulated.`,
    versions,
    reasoning: ["The release that introduced compatibility versions is a hard floor, independent of the binary version."],
  };
};

export const diagnoseFlagFormat: Diagnoser = (input) => {
  const value = input.version("value");
  const shown = input.capture("value") ?? "?";
  const suggestion = value ? majorMinor(value) : "major.minor";
  const component = input.capture("component");
  return {
    headline: `The compatibility version flag was given ${component ? `${component}=` : ""}${shown}, with a patch level; it takes major.minor only (${component ? `${component}=` : ""}${suggestion}).`,
    versions: captureRoles(input),
    reasoning: ["This is a configuration error at flag parsing, not a version skew between components; it looks like one because the message carries versions."],
    fixes: [`Pass --emulated-version / --min-compatibility-version as ${component ? `${component}=` : ""}${suggestion}.`],
  } satisfies DiagnosisPart;
};
