import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { FIXTURES, textSource } from "./helpers/logs.js";

// The generic layer: wordings no signature knows, reported as "possible version skew" at most.

const run = (text: string) => analyze([textSource("job.log", text)]);

describe("generic layer for unrecognised wordings", () => {
  it("reports an error naming two versions in a skew relation as a warning, with typed versions", async () => {
    const report = await run("step 3\nERROR: the cluster runs v1.28.4, but widget-operator requires Kubernetes 1.30 or newer\nstep 4\n");
    expect(report.causes).toEqual([]);
    const [w] = report.warnings;
    expect(w?.signature.id).toBe("generic-version-skew");
    expect(w?.diagnosis.headline).toMatch(/^Possible version skew \(unrecognised wording\)/);
    expect(w?.diagnosis.versions.map((v) => [v.version, v.typed?.kind])).toEqual([
      ["v1.28.4", "kubernetes"],
      ["1.30", "kubernetes"],
    ]);
  });

  it("stays silent where the line is not an error or the numbers are not versions", async () => {
    const report = await run(
      [
        "INFO: widget-operator v0.9.2 requires Kubernetes 1.30 or newer",
        "error: invalid sampling ratio 1.7: value is not between 0.0 and 1.0",
        "Error: retry budget 2.5 is greater than 1.5",
      ].join("\n") + "\n",
    );
    expect([...report.causes, ...report.warnings]).toEqual([]);
    expect(report.dismissed.map((d) => d.signature.id)).toEqual(["generic-version-skew", "generic-version-skew", "generic-version-skew"]);
  });

  it("reads the wider family of relations, one refused version and unknown API versions, always as a warning", async () => {
    const lines = [
      "Error: widgetctl v0.4.1 only supports Kubernetes 1.26 to 1.29, found v1.31.2",
      "FATAL: agent version 2.1.0 is not supported by server 2.3.4",
      "Error: version mismatch between agent 1.4.2 and controller 1.6.0",
      "failed: control plane version >= 1.19.0 required, current version v1.18.2",
      'error: release version "3.2.1" is unknown to this installer',
      'Error: unsupported API version "widgets.example.io/v2" in config.yaml',
      '{"level":"fatal","msg":"startup check","error":"kubernetes version \\"1.24.3\\" is incompatible with gizmo 0.9.0"}',
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual(["generic-version-skew"]);
      expect(report.warnings[0]!.diagnosis.versions.length, line).toBeGreaterThan(0);
    }
  });

  it("reads a refusal without an error word, and a line under an error header, as an error", async () => {
    const cases = [
      "widgetctl version v2.0.1 can only be used with clusters of version 1.30",
      "[ERROR WidgetVersion]: preflight failed\nthe widget agent version 2.9.4 is older than controller 3.1.0",
    ];
    for (const text of cases) {
      const report = await run(`${text}\n`);
      expect(report.causes, text).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), text).toEqual(["generic-version-skew"]);
    }
  });

  it("stays silent on the same relations where the line is not an error or names no version", async () => {
    const lines = [
      "I1201 10:00:00.000000 1 main.go:1] agent version 2.1.0 is not supported by server 2.3.4, using the legacy protocol",
      "error: retry budget 2.5 must be at least 3.0",
      "error: sha256 mismatch for layer 1.2 (expected 3.4)",
      "[✖]  invalid version auto, supported values: auto, latest, 1.10, 1.11",
      "error: image tag 1.2.3 is invalid",
      "[WARNING SystemVerification]: kernel release 5.14.0-570.el9 is unsupported. Supported versions are 5.4, 5.10 and 5.15",
      "- widgetctl version 1.5 is not compatible with clusters of version 1.7 (see the table below)",
      "I1201 10:00:00.000000 1 main.go:1] widget version 2.0.1 can only be used with clusters of version 1.30",
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("reads one version named by a tool that refuses the others, and what one side supports against what the other uses", async () => {
    // The wordings of clusterctl, eksctl and Cluster API's contract check have specific signatures now; the
    // same relations from tools the catalog does not know.
    const cases: [string, string][] = [
      ["Error: widgetctl is only compatible with widgets.example.io/v1beta2 resources", "widgets.example.io/v1beta2"],
      ['error: cannot find any versions matching contract "gizmos.example.io/v1alpha4" for the installed CRDs', "gizmos.example.io/v1alpha4"],
      ["Error: the gizmo operator supports v1beta3 resources, but the cluster is using v1beta1", "v1beta3"],
    ];
    for (const [line, version] of cases) {
      const report = await run(`${line}\n`);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual(["generic-version-skew"]);
      expect(report.warnings[0]!.diagnosis.versions.map((v) => v.version), line).toContain(version);
    }
  });

  it("stays silent on the same words around versions that are not Kubernetes's, and on a CRD's kind missing from the schema", async () => {
    const lines = [
      "Incompatible TLS version (client wants v1.2, server only supports v1.3)",
      "ValueError: CPU backend only supports V1.",
      "error: error validating data: couldn't find type: v1beta2.kafka",
      'error: error validating "t.yaml": error validating data: couldn\'t find type: v1.Template; if you choose to ignore these errors',
      "error: the chart supports the v1.2 schema, but the parser is running in strict mode",
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("draws no generic warning on the near-misses of the held-out tuning sets (fresh-2b, fresh-4a, fresh-4b)", async () => {
    for (const file of ["fresh-2b.jsonl", "fresh-4a.jsonl", "fresh-4b.jsonl"]) {
      const rows = readFileSync(`${FIXTURES}held-out/${file}`, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { skew: boolean; line: string })
        .filter((r) => !r.skew);
      expect(rows.length).toBeGreaterThan(50);
      for (const r of rows) {
        const report = await run(`${r.line}\n`);
        expect(report.warnings.filter((w) => w.signature.family === "generic").map((w) => w.finding.text), r.line).toEqual([]);
      }
    }
  });

  it("gives way to a specific signature on the same line", async () => {
    const report = await run("Error response from daemon: client version 1.52 is too new. Maximum supported API version is 1.43\n");
    const ids = [...report.causes, ...report.warnings, ...report.dismissed].map((t) => t.signature.id);
    expect(ids).toEqual(["docker-api-version-too-new"]);
  });

  it("does bounded work on a line with hundreds of version tokens", async () => {
    const tokens = Array.from({ length: 600 }, (_, i) => `v1.${i}.0`).join(" ");
    const report = await run(`error: ${tokens} requires ${tokens} not supported ${tokens}\nerror: ${"1.2.3 ".repeat(3000)}requires\n`);
    const generic = [...report.warnings, ...report.dismissed].filter((t) => t.signature.id === "generic-version-skew");
    expect(generic.length).toBeLessThanOrEqual(2);
    expect(report.logs[0]?.stats?.lines).toBe(2);
  });

  it("draws a warning on at most 5% of the real-world near-misses, and never a cause", async () => {
    const dir = `${FIXTURES}real-world/`;
    const nearMisses = readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .flatMap((f) => readFileSync(dir + f, "utf8").split("\n").filter((l) => l.trim()))
      .map((l) => JSON.parse(l) as { expect: string; line: string })
      .filter((e) => e.expect === "none");
    expect(nearMisses.length).toBeGreaterThan(100);
    let warned = 0;
    for (const e of nearMisses) {
      const report = await run(`${e.line}\n`);
      expect(report.causes, e.line).toEqual([]);
      if (report.warnings.length > 0) warned++;
    }
    expect(warned / nearMisses.length).toBeLessThanOrEqual(0.05);
    // Every corpus near-miss through the whole pipeline, one after another: minutes on a loaded machine.
  }, 600_000);
  it("reads the wider relations of unknown tools: a refused version by name, a range, a list, got/want, an old API spec", async () => {
    // Wordings of the same families in tools the catalog does not know (each shape is real: see lines-8generic.jsonl).
    const cases: [string, string[]][] = [
      ["Error: gizmoctl: Unsupported kubernetes version specified: 1.24.3 (FailedCreate)", ["1.24.3"]],
      ["Error: widget-operator requires Kubernetes >= 1.27.0-0", ["1.27.0-0"]],
      ["error: the minimum supported version is v2.4.0", ["v2.4.0"]],
      ["Error: server version `3.1.0` is not in the supported range of the client `>=2.0.0, <3.0.0`", ["3.1.0", "2.0.0"]],
      ["Error: expected cluster_version to be one of [1.29.4-gizmo.1 1.28.9-gizmo.2]", ["1.29.4-gizmo.1"]],
      ["Error: Please select one of the available versions: [1.30.2 1.31.0]", ["1.30.2"]],
      ["FATAL: controller protocol mismatch: expected v1beta2, got v1beta1", ["v1beta2", "v1beta1"]],
      ["Error: gizmo agent version check: got 0.9.1, want 1.2.0 or later", ["1.2.0", "0.9.1"]],
      ['Error: "gadget.example.io/v1alpha1" API v1alpha1 is no longer served', ["v1alpha1"]],
      ['your configuration file uses an old API version: "gizmo.example.io/v1beta1". Please use gizmoctl v2 to migrate it', ["gizmo.example.io/v1beta1"]],
      ['error: status.storedVersions[0]: Invalid value: "v1alpha2": must appear in spec.versions', ["v1alpha2"]],
      ["Error: the gizmo servers must be upgraded to at least v2.7.1", ["v2.7.1"]],
      ["FATA[0002] rpc error: code = FailedPrecondition desc = unsatisfied client version constraint: >= 3.2.0", ["3.2.0"]],
      ["Error: Kubernetes 1.25 is not supported by this release of gizmo", ["1.25"]],
      ["Error: Kubernetes 1.16 or newer is required, found 1.15.3", ["1.16", "1.15.3"]],
      ["Error: gizmo is only supported on Kubernetes 1.27 and later", ["1.27"]],
      ["error: this chart requires Helm version 3.8.0 or later", ["3.8.0"]],
    ];
    for (const [line, versions] of cases) {
      const report = await run(`${line}\n`);
      expect(report.causes, line).toEqual([]);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual(["generic-version-skew"]);
      expect(report.warnings[0]!.diagnosis.versions.map((v) => v.version), line).toEqual(versions);
    }
  });

  it("speaks on a warning line only where the tool says its two versions disagree, and on a level-less line that states it", async () => {
    const speaks = [
      "WARN [cli: v3.0.0] [server: v2.4.1] version mismatch: update the cli",
      "W0101 10:00:00.000000 1 check.go:9] the maximum supported gizmo version is 2.9, but the agent version is v3.0.1",
      // logfmt's level is gone once its msg is taken out: "time=… gizmo version mismatch …".
      'time="2024-01-01T00:00:00Z" level=warning msg="gizmo version mismatch: agent v1.4.0, controller v2.0.1"',
    ];
    for (const line of speaks) {
      const report = await run(`${line}\n`);
      expect(report.warnings.map((w) => w.signature.id), line).toEqual(["generic-version-skew"]);
    }
    const silent = [
      "WARNING: gizmo 2.1.0 requires a restart after 1.9.0 upgrades",
      "W0101 10:00:00.000000 1 check.go:9] cluster version \"1.32.6\" is greater than the desired version \"1.32.4\"",
      "Using version 1.2.0 of the chart, but the latest version is 1.3.0",
    ];
    for (const line of silent) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("stays silent on toolchains, package resolvers, TLS, resources and builds of one minor", async () => {
    const lines = [
      "go: go.mod requires go >= 1.22 (running go 1.21.12; GOTOOLCHAIN=local)",
      "The go.mod file requires version v1.21 of Go, but version v1.20.14 is installed.",
      'npm ERR! peer graphql@"^14.7.0 || ^15.3.0" from express-graphql@0.12.0',
      "ERROR: Could not find a version that satisfies the requirement kubernetes==99.0 (from versions: 28.1.0, 29.0.0)",
      "Error: no available releases match the given constraints 2.7.1, ~> 2.10",
      // (Terraform's required_version refusal has its own rule since the eleventh session: test/signatures-tools16.test.ts.)
      "error: tls: server selected unsupported protocol version 303, expected 1.3",
      "[ERROR NumCPU]: the number of available CPUs 1 is less than the required 2",
      "Error: gizmo version 1.15.11-eks-065dce is not compatible, need at least 1.15.11",
      "E: Version '1.29.1-1.1' for 'kubelet' was not found",
      // The version meets the comparison the line states (cilium-sysdump#7 refused 1.10 for its other bound).
      "ERROR the gizmo-apiserver version is 1.10. We need a version >= 1.7",
      "INFO: gizmo is only supported on Kubernetes 1.27 and later",
      "- Kubernetes 1.25 is not supported",
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("types what the wording tells: another major is a component's release, a daemon's 1.x an API, a stored bare version an API version", async () => {
    const typed = async (line: string) => (await run(`${line}\n`)).warnings[0]?.diagnosis.versions.map((v) => [v.version, v.typed?.kind]);
    expect(await typed("Error: server version v0.2.1 is newer than client version v0.1.43, please upgrade your client")).toEqual([
      ["v0.2.1", "component"],
      ["v0.1.43", "component"],
    ]);
    // (Docker 1.x's own "client and server don't have same version" is docker-api-version-too-new's, a cause.)
    expect(await typed("Error response from daemon: client and server do not have the same version (client : 1.13, server: 1.12)")).toEqual([
      ["1.13", "docker-api"],
      ["1.12", "docker-api"],
    ]);
    expect(await typed('error: status.storedVersions[0]: Invalid value: "v1alpha2": must appear in spec.versions')).toEqual([["v1alpha2", "api-version"]]);
  });

  it("does bounded work on long lines full of the new relation words and version tokens", async () => {
    const tokens = Array.from({ length: 600 }, (_, i) => `v1.${i}.0`).join(" ");
    const words = ["expected", "got", "want", "while", "but the version is", "mismatch", "to be one of", "Invalid value:", "does not match", "or greater", "must be upgraded to", "uses an old API version", "removed", "no longer"];
    const text = [
      `Error: ${words.map((w) => `${w} ${tokens.slice(0, 2000)}`).join(" ")}`,
      `WARN ${Array.from({ length: 400 }, (_, i) => `version v1.${i}.0 but the version is v1.${i + 1}.0 mismatch`).join(" ")}`,
      `error: ${Array.from({ length: 2000 }, (_, i) => `expected v1.${i}.0, got`).join(" ")}`,
    ].join("\n");
    const started = performance.now();
    const report = await run(`${text}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect([...report.warnings, ...report.dismissed].filter((t) => t.signature.id === "generic-version-skew").length).toBeLessThanOrEqual(3);
    expect(report.logs[0]?.stats?.lines).toBe(3);
  });

  it("reads an unknown field of a built-in object against the release that added it, as a warning", async () => {
    const line = String.raw`Error: unable to build kubernetes objects from release manifest: error validating "": error validating data: ValidationError(StatefulSet.spec.template.spec.containers[0]): unknown field "startupProbe" in io.k8s.api.core.v1.Container`;
    const report = await run(`${line}\n`);
    expect(report.causes).toEqual([]);
    const [w] = report.warnings;
    expect(w?.signature.id).toBe("generic-version-skew");
    expect(w?.diagnosis.headline).toMatch(/"startupProbe" \(Container\) was added in Kubernetes 1\.16/);
    expect(w?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["fieldAddedIn", "1.16"]]);
    // The API server's strict decoding: the path names the object, the kind comes from "cannot be handled as".
    const strict = await run(String.raw`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.initContainers[0].restartPolicy"` + "\n");
    expect(strict.warnings[0]?.diagnosis.versions.map((v) => v.version)).toEqual(["1.28"]);
    // kubectl before 1.8.
    const old = await run("error: error validating data: found invalid field backoffLimit for v1.JobSpec; if you choose to ignore these errors, turn validation off with --validate=false\n");
    expect(old.warnings[0]?.diagnosis.versions.map((v) => v.version)).toEqual(["1.8"]);
  });

  it("dismisses an unknown field in the wrong place, a typo, or a custom resource's field", async () => {
    const lines = [
      // The same names in objects that never had them (kubernetes/website#34876, helm/helm#5831, cloudflare/origin-ca-issuer#7).
      String.raw`error: error validating data: ValidationError(CronJob.spec.jobTemplate.spec): unknown field "timeZone" in io.k8s.api.batch.v1.JobSpec;`,
      String.raw`Error: error validating data: ValidationError(Deployment.spec.template.spec.containers[0]): unknown field "restartPolicy" in io.k8s.api.core.v1.Container`,
      String.raw`error: error validating data: ValidationError(Deployment.spec): unknown field "terminationGracePeriodSeconds" in io.k8s.api.apps.v1.DeploymentSpec`,
      String.raw`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.topologySpreadConstraints"`,
      String.raw`strict decoding error: unknown field "spec.template.spec.securityContext.allowPrivilegeEscalation"`,
      // A CRD's schema (actions/actions-runner-controller#984, cloudnative-pg/cloudnative-pg#1931).
      String.raw`error validating data: ValidationError(RunnerDeployment.spec.template.spec): unknown field "topologySpreadConstraints" in dev.summerwind.actions.v1alpha1.RunnerDeployment.spec.template.spec`,
      String.raw`error: error validating data: ValidationError(Cluster.spec): unknown field "seccompProfile" in io.cnpg.postgresql.v1.Cluster.spec`,
      String.raw`Error from server (BadRequest): error when creating "x.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.matchLabels"`,
    ];
    for (const line of lines) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
    // A component's configuration is not an object: left to the specific signatures, the layer says nothing.
    const config = await run(String.raw`error unmarshaling configuration schema.GroupVersionKind{Group:"kubeadm.k8s.io", Version:"v1beta4", Kind:"ClusterConfiguration"}: strict decoding error: unknown field "certSANs"` + "\n");
    expect([...config.causes, ...config.warnings, ...config.dismissed]).toEqual([]);
  });

  it("reads a subcommand a release removed or added, and dismisses a plugin that is not installed", async () => {
    const helm = await run("2020-09-11T15:44:09.3202147Z ##[error]Error: unknown command \"init\" for \"helm\"\n");
    expect(helm.warnings[0]?.diagnosis.headline).toMatch(/helm 3\.0\.0 removed "helm init"/);
    expect(helm.warnings[0]?.diagnosis.versions.map((v) => [v.name, v.version])).toEqual([["commandRemovedIn", "3.0.0"]]);
    const kubeadm = await run('unknown command "certs" for "kubeadm alpha"\n');
    expect(kubeadm.warnings[0]?.diagnosis.versions.map((v) => v.version)).toEqual(["1.21"]);
    for (const line of ['Error: unknown command "krew" for "kubectl"', 'error: unknown command "klock" for "kubectl"', 'Error: unknown command "lsit" for "helm"']) {
      const report = await run(`${line}\n`);
      expect([...report.causes, ...report.warnings], line).toEqual([]);
    }
  });

  it("skips a pattern only where its gate shows it cannot match: the same first match on every corpus line", async () => {
    const { genericSignatures } = await import("../src/signatures/generic.js");
    const sig = genericSignatures[0]!;
    const patterns = sig.patterns.map((p) => new RegExp(p));
    const gates = (sig.patternGates ?? []).map((g) => (g === null ? null : new RegExp(g)));
    const gate = new RegExp(sig.gate!);
    expect(gates.length).toBe(patterns.length);
    const dir = `${FIXTURES}real-world/`;
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .flatMap((f) => readFileSync(dir + f, "utf8").split("\n").filter((l) => l.trim()))
      .map((l) => (JSON.parse(l) as { line: string }).line)
      .concat((sig.examples ?? []).map((e) => e.line), sig.nearMisses ?? []);
    const first = (text: string, gated: boolean) => {
      for (let i = 0; i < patterns.length; i++) {
        if (gated && gates[i] && !gates[i]!.test(text)) continue;
        const m = patterns[i]!.exec(text);
        if (m) return `${i}:${m.index}:${m[0]}`;
      }
      return "";
    };
    let matched = 0;
    for (const line of lines) {
      const found = first(line, false);
      if (found) matched++;
      expect(first(line, true), line).toBe(found);
      if (found) expect(gate.test(line), line).toBe(true);
    }
    expect(matched).toBeGreaterThan(100);
  });
});
