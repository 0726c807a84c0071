import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SourceSettings } from "../../src/sources/index.js";
import { componentOf, hintsFromProwJob, selectComponentLogs } from "../../src/sources/prow.js";
import { readSource, testSettings , resolveRef } from "./helpers.js";

const GCS = "https://storage.googleapis.com";
const BUCKET = "kubernetes-ci-logs";
const DIR = "logs/ci-kubernetes-e2e-kind-skew/1791000000000000001";
const VIEW = `https://prow.k8s.io/view/gs/${BUCKET}/${DIR}`;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/prow/periodic/${name}`, import.meta.url), "utf8");
const prowjob = JSON.parse(fixture("prowjob.json")) as Record<string, unknown>;

type Query = Record<string, string | string[] | undefined>;

function mockMetadata(dir: string, files: { started?: unknown; finished?: unknown; prowjob?: unknown }): void {
  for (const [name, body] of [
    ["started.json", files.started],
    ["finished.json", files.finished],
    ["prowjob.json", files.prowjob],
  ] as const) {
    const scope = nock(GCS).get(`/${BUCKET}/${dir}/${name}`);
    if (body === undefined) scope.reply(404, "No such object");
    else scope.reply(200, body as Record<string, unknown>);
  }
}

function mockListing(dir: string, top: string[], artifacts: { name: string; size: number }[][]): void {
  nock(GCS)
    .get(`/storage/v1/b/${BUCKET}/o`)
    .query((q: Query) => q.prefix === `${dir}/` && q.delimiter === "/")
    .reply(200, { items: top.map((n) => ({ name: `${dir}/${n}`, size: "120" })), prefixes: [`${dir}/artifacts/`] });
  artifacts.forEach((page, i) => {
    nock(GCS)
      .get(`/storage/v1/b/${BUCKET}/o`)
      .query((q: Query) => q.prefix === `${dir}/artifacts/` && q.delimiter === undefined && (q.pageToken ?? "") === (i === 0 ? "" : `p${i}`))
      .reply(200, {
        items: page.map((o) => ({ name: `${dir}/${o.name}`, size: String(o.size) })),
        ...(i < artifacts.length - 1 ? { nextPageToken: `p${i + 1}` } : {}),
      });
  });
}

const resolve = (input: string, s: SourceSettings = testSettings()) => resolveRef(input, s);

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("Prow build", () => {
  const artifactPages = [
    [
      { name: "artifacts/junit_01.xml", size: 5000 },
      { name: "artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1a2b.log", size: 90_000 },
      { name: "artifacts/kind-control-plane/kubelet.log", size: 50_000 },
      { name: "artifacts/kind-control-plane/containerd.log", size: 40_000 },
      { name: "artifacts/kind-control-plane/kube-apiserver-audit.log", size: 9_000_000 },
      { name: "artifacts/kind-control-plane/pods.json", size: 1000 },
    ],
    [
      { name: "artifacts/kind-worker/kubelet.log.gz", size: 3000 },
      { name: "artifacts/kind-worker2/kubelet.log", size: 0 },
      { name: "artifacts/kind-control-plane/containers/kube-scheduler-kind-control-plane_kube-system_kube-scheduler-9f.log", size: 7000 },
      { name: "artifacts/kind-control-plane/kubeadm-init.log", size: 2000 },
    ],
  ];

  it("asks for both listings together with the metadata reads, not after them", async () => {
    let listings = 0;
    let release: () => void = () => undefined;
    const bothListed = new Promise<void>((r) => (release = r));
    const gate = () => Promise.race([bothListed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
    const bodies = { "started.json": JSON.parse(fixture("started.json")) as unknown, "finished.json": JSON.parse(fixture("finished.json")) as unknown, "prowjob.json": prowjob };
    // The metadata answers only once both listings have been asked for; otherwise with an error the report shows.
    for (const [name, body] of Object.entries(bodies)) {
      nock(GCS)
        .get(`/${BUCKET}/${DIR}/${name}`)
        .times(3)
        .reply(async () => ((await gate()) ? [200, body] : [404, "the listings were not asked for"]));
    }
    const listed = (items: { name: string; size: string }[], extra: object = {}) => () => {
      if (++listings === 2) release();
      return [200, { items, ...extra }] as [number, object];
    };
    nock(GCS)
      .get(`/storage/v1/b/${BUCKET}/o`)
      .query((q: Query) => q.prefix === `${DIR}/` && q.delimiter === "/")
      .reply(listed([{ name: `${DIR}/build-log.txt`, size: "120" }], { prefixes: [`${DIR}/artifacts/`] }));
    nock(GCS)
      .get(`/storage/v1/b/${BUCKET}/o`)
      .query((q: Query) => q.prefix === `${DIR}/artifacts/`)
      .reply(listed([{ name: `${DIR}/artifacts/kind-control-plane/kubelet.log`, size: "500" }]));
    const resolved = await resolve(VIEW);
    expect(listings).toBe(2);
    expect(resolved.title).toBe("ci-kubernetes-e2e-kind-skew #1791000000000000001 (FAILURE)");
    expect(resolved.problems).toEqual([]);
    expect(resolved.sources.map((s) => s.name)).toEqual(["build-log.txt", "artifacts/kind-control-plane/kubelet.log"]);
  });

  it("resolves a view URL into the build log and the component logs, with metadata and hints", async () => {
    mockMetadata(DIR, { started: JSON.parse(fixture("started.json")), finished: JSON.parse(fixture("finished.json")), prowjob });
    mockListing(DIR, ["build-log.txt", "started.json", "finished.json", "prowjob.json", "podinfo.json"], artifactPages);

    const resolved = await resolve(VIEW);
    expect(resolved.title).toBe("ci-kubernetes-e2e-kind-skew #1791000000000000001 (FAILURE)");
    expect(resolved.url).toBe(VIEW);
    expect(resolved.skipped).toBeUndefined();
    expect(resolved.problems).toEqual([]);
    expect(resolved.sources.map((s) => s.name)).toEqual([
      "build-log.txt",
      "artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1a2b.log",
      "artifacts/kind-control-plane/kubeadm-init.log",
      "artifacts/kind-control-plane/kubelet.log",
      "artifacts/kind-control-plane/containers/kube-scheduler-kind-control-plane_kube-system_kube-scheduler-9f.log",
      "artifacts/kind-control-plane/containerd.log",
      "artifacts/kind-worker/kubelet.log.gz",
    ]);
    expect(resolved.hints).toEqual([
      { role: "kubernetes", version: "v1.31.0", source: "prowjob.json", rule: "prowjob-env:KUBERNETES_VERSION" },
      { role: "kubectl", version: "v1.28.9", source: "prowjob.json", rule: "prowjob-env:KUBECTL_VERSION" },
      { role: "kubernetes", version: "v1.30.1", source: "prowjob.json", rule: "prowjob-arg:--kubernetes-version" },
      { role: "node-image", version: "v1.29.4", source: "prowjob.json", rule: "prowjob-image:kindest/node" },
      { role: "kubernetes", version: "v1.31.0-alpha.0.812+ab12cd34ef56ab", source: "finished.json", rule: "job-version" },
    ]);

    const [buildLog, apiserver] = resolved.sources;
    expect(buildLog?.url).toBe(VIEW);
    expect(buildLog?.lineLink?.(1234)).toBe(`${VIEW}#1:build-log.txt%3A1234`);
    const apiserverUrl = `${GCS}/${BUCKET}/${DIR}/artifacts/kind-control-plane/containers/kube-apiserver-kind-control-plane_kube-system_kube-apiserver-1a2b.log`;
    expect(apiserver?.url).toBe(apiserverUrl);
    expect(apiserver?.lineLink?.(7)).toBe(apiserverUrl);

    nock(GCS).get(`/${BUCKET}/${DIR}/build-log.txt`).reply(200, gzipSync("+ kind create cluster\nERROR: version skew\n"), {
      "content-encoding": "gzip",
    });
    expect(await readSource(buildLog!)).toBe("+ kind create cluster\nERROR: version skew\n");
    nock(GCS).get(`/${BUCKET}/${DIR}/artifacts/kind-worker/kubelet.log.gz`).reply(200, gzipSync("I0516 kubelet version v1.29.4\n"));
    expect(await readSource(resolved.sources[6]!)).toBe("I0516 kubelet version v1.29.4\n");
  });

  it("does not triage an aborted build, and lists nothing", async () => {
    mockMetadata(DIR, { started: {}, finished: { passed: false, result: "ABORTED" }, prowjob: { ...prowjob, status: { state: "aborted" } } });
    const resolved = await resolve(`gs://${BUCKET}/${DIR}`);
    expect(resolved).toMatchObject({ skipped: "job was ABORTED: not triaged", sources: [] });
    expect(resolved.title).toBe("ci-kubernetes-e2e-kind-skew #1791000000000000001 (ABORTED)");
  });

  it("links each container's build log of a multi-container presubmit", async () => {
    const dir = "pr-logs/pull/sigs.k8s.io_kind/3500/pull-kind-e2e/77";
    const pj = { spec: { refs: { org: "kubernetes-sigs", repo: "kind", pulls: [{ number: 3500 }] } }, status: { state: "failure" } };
    mockMetadata(dir, { started: {}, finished: { result: "FAILURE" }, prowjob: pj });
    mockListing(dir, ["setup-build-log.txt", "test-build-log.txt", "prowjob.json"], [[]]);
    const resolved = await resolve(`https://gcsweb.k8s.io/gcs/${BUCKET}/${dir}/`);
    expect(resolved.title).toBe("pull-kind-e2e #77 · kubernetes-sigs/kind#3500 (FAILURE)");
    expect(resolved.sources.map((s) => s.name)).toEqual(["setup-build-log.txt", "test-build-log.txt"]);
    expect(resolved.sources[1]?.lineLink?.(12)).toBe(`https://prow.k8s.io/view/gs/${BUCKET}/${dir}#1:test-build-log.txt%3A12`);
  });

  it("reports a missing build log when it is opened", async () => {
    mockMetadata(DIR, { finished: { result: "FAILURE" } });
    nock(GCS).get(`/storage/v1/b/${BUCKET}/o`).query(true).times(2).reply(403, "Forbidden");
    nock(GCS).get(`/${BUCKET}/${DIR}/build-log.txt`).reply(404, "No such object");
    const resolved = await resolve(VIEW);
    expect(resolved.problems).toEqual([
      `listing of gs://${BUCKET}/${DIR}/: access denied (403): reading build-log.txt without a listing`,
      `artifacts/ not read: listing of gs://${BUCKET}/${DIR}/artifacts/: access denied (403)`,
    ]);
    expect(resolved.sources.map((s) => s.name)).toEqual(["build-log.txt"]);
    await expect(resolved.sources[0]!.open()).rejects.toThrow("build-log.txt not found (404)");
  });

  it("says so when the listing has no build log", async () => {
    mockMetadata(DIR, { finished: { result: "FAILURE" } });
    mockListing(DIR, ["finished.json"], [[]]);
    expect((await resolve(VIEW)).problems).toEqual(["build-log.txt not found"]);
  });

  it("bounds the number of component logs and says how many were left", async () => {
    mockMetadata(DIR, { finished: { result: "FAILURE" } });
    mockListing(DIR, ["build-log.txt"], artifactPages);
    const resolved = await resolve(VIEW, testSettings({ maxArtifactLogs: 2 }));
    expect(resolved.sources).toHaveLength(3);
    expect(resolved.problems).toEqual(["4 more component logs under artifacts/ not read (limits: 2 files, 1 GB per job)"]);
  });

  it("flags a build that may still be running and reports metadata errors", async () => {
    nock(GCS).get(`/${BUCKET}/${DIR}/started.json`).reply(200, {});
    nock(GCS).get(`/${BUCKET}/${DIR}/finished.json`).reply(404, "");
    nock(GCS).get(`/${BUCKET}/${DIR}/prowjob.json`).times(4).reply(500, "");
    mockListing(DIR, ["build-log.txt"], [[]]);
    const resolved = await resolve(VIEW);
    expect(resolved.problems).toEqual([
      "prowjob.json: server error (500) after 3 retries",
      "finished.json not found: the job may still be running, so its logs may be incomplete",
    ]);
  });

  it("reads just the named file of a storage URL, linking a bucket without a Prow deployment to storage", async () => {
    const dir = "logs/my-job/42";
    nock(GCS).get("/my-bucket/logs/my-job/42/started.json").reply(404, "");
    nock(GCS).get("/my-bucket/logs/my-job/42/finished.json").reply(200, { result: "FAILURE" });
    nock(GCS).get("/my-bucket/logs/my-job/42/prowjob.json").reply(404, "");
    const resolved = await resolve(`${GCS}/my-bucket/${dir}/artifacts/node-1/kubelet.log`);
    expect(resolved.url).toBe(`${GCS}/my-bucket/${dir}/`);
    expect(resolved.sources.map((s) => [s.name, s.url])).toEqual([["artifacts/node-1/kubelet.log", `${GCS}/my-bucket/${dir}/artifacts/node-1/kubelet.log`]]);
  });

  it("refuses a storage stand-in on a private address unless allowed", async () => {
    const s = testSettings({ storageUrl: "https://gcs.internal", gcsApiUrl: "https://gcs.internal" }, { "gcs.internal": "10.9.8.7" });
    const resolved = await resolve(`gs://${BUCKET}/${DIR}`, s);
    expect(resolved.problems[0]).toBe("refused gcs.internal: it resolves to 10.9.8.7, a private address (SKEWBOT_ALLOW_PRIVATE_ADDRESSES)");
  });
});

describe("component log selection", () => {
  it("recognises component logs by name and ignores audit logs and non-logs", () => {
    expect(componentOf("a/b/kube-apiserver.log")).toBe("kube-apiserver");
    expect(componentOf("a/kube-controller-manager-node_kube-system_x.log")).toBe("kube-controller-manager");
    expect(componentOf("machines/m1/cloud-init-output.log")).toBe("cloud-init");
    expect(componentOf("node/crio.log")).toBe("cri-o");
    expect(componentOf("node/kubelet")).toBe("kubelet");
    expect(componentOf("node/kubelet.log.1.gz")).toBe("kubelet");
    expect(componentOf("node/kube-apiserver-audit.log")).toBeUndefined();
    expect(componentOf("node/kubelet-config.yaml")).toBeUndefined();
    expect(componentOf("junit_kubelet.xml")).toBeUndefined();
  });

  it("recognises the kubelet's pod-log layout, where the container names the directory, and node journals", () => {
    expect(componentOf("artifacts/clusters/c1/machines/m1/pods/kube-system_kube-apiserver-m1_4f2a/kube-apiserver/0.log")).toBe("kube-apiserver");
    expect(componentOf("artifacts/clusters/c1/machines/m1/pods/kube-system_kube-scheduler-m1_9c1d/kube-scheduler/3.log.gz")).toBe("kube-scheduler");
    expect(componentOf("artifacts/kind-control-plane/journal.log")).toBe("journal");
    expect(componentOf("artifacts/clusters/c1/machines/m1/pods/default_app_1/app/0.log")).toBeUndefined();
  });

  it("gives every component a share before any gets a second", () => {
    const objects = [
      ...Array.from({ length: 50 }, (_, i) => ({ name: `n${String(i).padStart(2, "0")}/kubelet.log`, size: 10 })),
      { name: "cp/kube-apiserver.log", size: 10 },
      { name: "cp/containerd.log", size: 10 },
    ];
    const { chosen, left } = selectComponentLogs(objects, { maxFiles: 4, maxBytes: 1e9, perFileCap: 1e9 });
    expect(chosen.map((c) => c.name)).toEqual(["cp/kube-apiserver.log", "n00/kubelet.log", "cp/containerd.log", "n01/kubelet.log"]);
    expect(left).toBe(48);
  });

  it("stays within the byte estimate, counting each file at most at the per-file cap", () => {
    const objects = [
      { name: "a/kube-apiserver.log", size: 500 },
      { name: "a/kubelet.log", size: 5000 },
      { name: "a/containerd.log", size: 100 },
    ];
    const { chosen } = selectComponentLogs(objects, { maxFiles: 10, maxBytes: 700, perFileCap: 300 });
    expect(chosen.map((c) => c.name)).toEqual(["a/kube-apiserver.log", "a/kubelet.log", "a/containerd.log"]);
    const tight = selectComponentLogs(objects, { maxFiles: 10, maxBytes: 350, perFileCap: 300 });
    expect(tight.chosen.map((c) => c.name)).toEqual(["a/kube-apiserver.log"]);
  });
});

describe("hintsFromProwJob", () => {
  it("reads versions from env, flags given as separate words, and ignores non-versions", () => {
    const hints = hintsFromProwJob({
      spec: {
        pod_spec: {
          containers: [
            {
              args: ["--kubernetes-version", "v1.27.3", "--extract=ci/latest-1.31"],
              env: [
                { name: "KUBERNETES_VERSION_UPGRADE_TO", value: "v1.30.0" },
                { name: "KUBERNETES_VERSION", value: "$(LATEST)" },
                { name: "KIND_VERSION", value: "v0.23.0" },
              ],
            },
          ],
        },
      },
    });
    expect(hints).toEqual([
      { role: "upgrade-to", version: "v1.30.0", source: "prowjob.json", rule: "prowjob-env:KUBERNETES_VERSION_UPGRADE_TO" },
      { role: "kubernetes", version: "v1.27.3", source: "prowjob.json", rule: "prowjob-arg:--kubernetes-version" },
    ]);
  });

  it("returns nothing for a missing or malformed prowjob.json", () => {
    expect(hintsFromProwJob(undefined)).toEqual([]);
    expect(hintsFromProwJob({ spec: { pod_spec: { containers: "nope" } } })).toEqual([]);
  });
});
