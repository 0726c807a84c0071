// The version vocabulary lives at the bottom of the graph (src/kube/versions.ts); diagnose modules keep
// importing it from here.
export * from "../kube/versions.js";
