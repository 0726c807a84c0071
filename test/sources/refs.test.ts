import { describe, expect, it } from "vitest";
import { parseLogRef } from "../../src/sources/index.js";

describe("parseLogRef: GitHub Actions", () => {
  it("parses a job URL, ignoring query and step anchor", () => {
    expect(parseLogRef("https://github.com/kubernetes-sigs/kind/actions/runs/123/job/456?pr=7#step:4:10")).toEqual({
      kind: "github-actions-job",
      input: "https://github.com/kubernetes-sigs/kind/actions/runs/123/job/456?pr=7#step:4:10",
      owner: "kubernetes-sigs",
      repo: "kind",
      jobId: 456,
      runId: 123,
    });
  });

  it("parses a run URL and a run attempt URL", () => {
    expect(parseLogRef("https://github.com/o/r/actions/runs/99")).toMatchObject({ kind: "github-actions-run", owner: "o", repo: "r", runId: 99 });
    expect(parseLogRef("https://github.com/o/r/actions/runs/99/attempts/2")).toMatchObject({ kind: "github-actions-run", runId: 99, attempt: 2 });
  });

  it("parses a check-run page as a job (the check run id is the job id)", () => {
    expect(parseLogRef("https://github.com/o/r/runs/31415?check_suite_focus=true")).toMatchObject({ kind: "github-actions-job", jobId: 31415 });
  });

  it("parses API URLs from webhook payloads", () => {
    expect(parseLogRef("https://api.github.com/repos/o/r/actions/jobs/5")).toMatchObject({ kind: "github-actions-job", owner: "o", repo: "r", jobId: 5 });
    expect(parseLogRef("https://api.github.com/repos/o/r/check-runs/6")).toMatchObject({ kind: "github-actions-job", jobId: 6 });
    expect(parseLogRef("https://api.github.com/repos/o/r/actions/runs/7")).toMatchObject({ kind: "github-actions-run", runId: 7 });
    expect(parseLogRef("https://api.github.com/repos/o/r/actions/runs/7/attempts/3")).toMatchObject({ kind: "github-actions-run", attempt: 3 });
  });

  it("parses the github: shorthand for ids taken from events", () => {
    expect(parseLogRef("github:o/r/job/11")).toMatchObject({ kind: "github-actions-job", owner: "o", repo: "r", jobId: 11 });
    expect(parseLogRef("github:o/r/check-run/12")).toMatchObject({ kind: "github-actions-job", jobId: 12 });
    expect(parseLogRef("github:o/r/run/13")).toMatchObject({ kind: "github-actions-run", runId: 13 });
    expect(parseLogRef("github:o/r/run/13/attempt/2")).toMatchObject({ kind: "github-actions-run", runId: 13, attempt: 2 });
  });

  it("parses GitHub Enterprise web and API URLs when configured", () => {
    const settings = { githubUrl: "https://ghe.example.com", githubApiUrl: "https://ghe.example.com/api/v3" };
    expect(parseLogRef("https://ghe.example.com/o/r/actions/runs/1/job/2", settings)).toMatchObject({ kind: "github-actions-job", jobId: 2 });
    expect(parseLogRef("https://ghe.example.com/api/v3/repos/o/r/actions/jobs/3", settings)).toMatchObject({ kind: "github-actions-job", jobId: 3 });
  });

  it.each([
    ["https://github.com/o/r/pull/5", /is a pull request: link a failed job/],
    ["https://github.com/o/r/actions/runs/abc", /run id is not a number/],
    ["https://github.com/o/r/actions/runs/1/job/x", /job id is not a number/],
    ["https://github.com/o/r", /not a GitHub Actions run or job URL/],
    ["https://api.github.com/repos/o/r/issues/1", /not a GitHub API URL of a job or run/],
    ["github:o/r/job/x", /expected github:OWNER\/REPO\/job\/ID/],
  ])("explains why %s is not a reference", (input, reason) => {
    const parsed = parseLogRef(input);
    expect("error" in parsed && parsed.error).toMatch(reason);
  });
});

describe("parseLogRef: Prow", () => {
  it("parses a periodic Spyglass view URL", () => {
    expect(parseLogRef("https://prow.k8s.io/view/gs/kubernetes-ci-logs/logs/ci-kubernetes-e2e-kind/1790000000000000000")).toEqual({
      kind: "prow",
      input: "https://prow.k8s.io/view/gs/kubernetes-ci-logs/logs/ci-kubernetes-e2e-kind/1790000000000000000",
      bucket: "kubernetes-ci-logs",
      buildDir: "logs/ci-kubernetes-e2e-kind/1790000000000000000",
      job: "ci-kubernetes-e2e-kind",
      buildId: "1790000000000000000",
      prowUrl: "https://prow.k8s.io",
    });
  });

  it("parses presubmit layouts: kubernetes/kubernetes, other repos, batch", () => {
    expect(parseLogRef("https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/123456/pull-kubernetes-e2e-kind/42")).toMatchObject({
      buildDir: "pr-logs/pull/123456/pull-kubernetes-e2e-kind/42",
      job: "pull-kubernetes-e2e-kind",
      buildId: "42",
      pull: "123456",
    });
    expect(parseLogRef("gs://kubernetes-ci-logs/pr-logs/pull/sigs.k8s.io_kind/3500/pull-kind-e2e/77/")).toMatchObject({
      buildDir: "pr-logs/pull/sigs.k8s.io_kind/3500/pull-kind-e2e/77",
      repoSegment: "sigs.k8s.io_kind",
      pull: "3500",
      job: "pull-kind-e2e",
    });
    expect(parseLogRef("gs://kubernetes-ci-logs/pr-logs/pull/batch/pull-kubernetes-unit/88")).toMatchObject({
      buildDir: "pr-logs/pull/batch/pull-kubernetes-unit/88",
      job: "pull-kubernetes-unit",
    });
  });

  it("parses another Prow deployment's view URL and keeps its origin for links", () => {
    const ref = parseLogRef(
      "https://prow.ci.openshift.org/view/gs/test-platform-results/pr-logs/pull/openshift_release/5/rehearse-5-pull-ci-x-e2e/1800",
    );
    expect(ref).toMatchObject({ kind: "prow", bucket: "test-platform-results", prowUrl: "https://prow.ci.openshift.org", job: "rehearse-5-pull-ci-x-e2e" });
  });

  it("parses gcsweb and storage URLs, and a storage URL naming one file", () => {
    expect(parseLogRef("https://gcsweb.k8s.io/gcs/kubernetes-ci-logs/logs/ci-job/100/")).toMatchObject({ kind: "prow", buildDir: "logs/ci-job/100" });
    expect(parseLogRef("https://storage.googleapis.com/kubernetes-ci-logs/logs/ci-job/100/build-log.txt")).toMatchObject({
      kind: "prow",
      buildDir: "logs/ci-job/100",
      file: "build-log.txt",
    });
    expect(parseLogRef("https://storage.googleapis.com/kubernetes-ci-logs/logs/ci-job/100/artifacts/")).not.toHaveProperty("file");
  });

  it("parses storage URLs under a configured storage endpoint (a test stand-in)", () => {
    expect(parseLogRef("http://127.0.0.1:9000/bucket-a/logs/job-a/5/artifacts/n1/kubelet.log", { storageUrl: "http://127.0.0.1:9000" })).toMatchObject({
      kind: "prow",
      bucket: "bucket-a",
      file: "artifacts/n1/kubelet.log",
    });
  });

  it("treats a storage URL outside any Prow layout as a plain URL", () => {
    expect(parseLogRef("https://storage.googleapis.com/some-bucket/notes.txt")).toMatchObject({ kind: "url" });
  });

  it.each([
    ["gs://kubernetes-ci-logs/logs/ci-job", /no build id/],
    ["gs://kubernetes-ci-logs/pr-logs/directory/pull-job/latest-build.txt", /job's directory, not a build/],
    ["https://prow.k8s.io/view/s3/bucket/logs/j/1", /"s3" storage are not supported/],
    ["gs://X/logs/j/1", /no valid bucket name/],
  ])("explains why %s is not a build", (input, reason) => {
    const parsed = parseLogRef(input);
    expect("error" in parsed && parsed.error).toMatch(reason);
  });
});

describe("parseLogRef: plain URLs and junk", () => {
  it("accepts any other http(s) URL as a plain log", () => {
    expect(parseLogRef("  https://example.com/ci/output.log  ")).toEqual({
      kind: "url",
      input: "https://example.com/ci/output.log",
      url: "https://example.com/ci/output.log",
    });
  });

  it.each([
    ["", /empty log reference/],
    ["file:///etc/passwd", /file: references are not supported/],
    ["ftp://example.com/log.txt", /ftp: references are not supported/],
    ["javascript:alert(1)", /javascript: references are not supported/],
    ["./build-log.txt", /not a URL or a log reference/],
    ["https://user:secret@example.com/log.txt", /credentials are not accepted/],
  ])("refuses %j with a reason", (input, reason) => {
    const parsed = parseLogRef(input);
    expect("error" in parsed && parsed.error).toMatch(reason);
    if ("error" in parsed) expect(parsed.error).not.toContain("secret");
  });
});

describe("parseLogRef: github.com job links while the app talks to another GitHub", () => {
  const ghe = { githubUrl: "http://127.0.0.1:4010", githubApiUrl: "http://127.0.0.1:4010/api/v3" };

  it("still reads github.com Actions job and run links (real payloads replayed against a stand-in)", () => {
    expect(parseLogRef("https://github.com/o/r/actions/runs/1/job/2?pr=5", ghe)).toMatchObject({ kind: "github-actions-job", owner: "o", repo: "r", runId: 1, jobId: 2 });
    expect(parseLogRef("https://github.com/o/r/actions/runs/7", ghe)).toMatchObject({ kind: "github-actions-run", owner: "o", repo: "r", runId: 7 });
    expect(parseLogRef("http://127.0.0.1:4010/o/r/actions/runs/1/job/2", ghe)).toMatchObject({ kind: "github-actions-job", jobId: 2 });
  });

  it("leaves other github.com pages as plain URLs", () => {
    expect(parseLogRef("https://github.com/o/r/pull/5", ghe)).toMatchObject({ kind: "url" });
  });
});
