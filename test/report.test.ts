import { describe, expect, it } from "vitest";
import { analyze } from "../src/pipeline.js";
import { renderMarkdown } from "../src/report/markdown.js";
import { renderText } from "../src/report/text.js";
import { renderJson } from "../src/report/json.js";
import { summaryLine } from "../src/report/common.js";
import { redact } from "../src/scan/redact.js";
import { textSource } from "./helpers/logs.js";

const HEADLINE = 'E0206 22:52:48.682710       1 run.go:72] "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"';

async function markdownFor(lines: string[]): Promise<string> {
  return renderMarkdown(await analyze([textSource("hostile.log", `${lines.join("\n")}\n`)]));
}

/** The lines of the Markdown that are outside fenced code blocks, where GitHub interprets text. */
function outsideFences(md: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of md.split("\n")) {
    const m = /^(`{3,})/.exec(line);
    if (fence) {
      if (m && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
      continue;
    }
    if (m) fence = m[1];
    else out.push(line);
  }
  expect(fence, "every code fence is closed").toBeUndefined();
  return out;
}

describe("markdown report safety", () => {
  it("log text cannot close the code block, whatever backtick runs it holds", async () => {
    const md = await markdownFor(["```", "````````` evil", HEADLINE, "~~~", "``````````````"]);
    const outside = outsideFences(md).join("\n");
    expect(outside).not.toContain("evil");
  });

  it("log text cannot inject HTML or mention anyone outside code blocks", async () => {
    const md = await markdownFor([`<script>alert(1)</script> @kubernetes/sig-release @octocat ${HEADLINE}`, "<img src=x onerror=alert(1)>"]);
    const outside = outsideFences(md).join("\n");
    expect(outside).not.toMatch(/<script|<img|onerror/);
    expect(outside).not.toMatch(/@[A-Za-z]/);
  });

  it("escapes captured values that reach the headline and the versions table", async () => {
    const md = await markdownFor(['Error: chart requires kubeVersion: >= 1.27.0 <b>@admins</b> | x which is incompatible with Kubernetes v1.26.15']);
    const outside = outsideFences(md).join("\n");
    // Inside inline code GitHub renders neither HTML nor mentions; everywhere else it must be escaped.
    const prose = outside.replace(/(`+)[^`]*?\1/g, "");
    expect(prose).not.toMatch(/<b>|@admins/);
    expect(outside).toContain("`>= 1.27.0 <b>@admins</b> \\| x`");
  });

  it("does not cross-link other repositories' issues", async () => {
    const md = await markdownFor([HEADLINE]);
    const outside = outsideFences(md).join("\n");
    expect(outside).not.toMatch(/[\w-]+\/[\w-]+#\d/);
    expect(outside).not.toContain("](https://github.com/");
    expect(outside).toContain("https://redirect.github.com/kubernetes-sigs/cluster-api/issues/11833");
  });

  it("redacts secrets in every output format", async () => {
    const secrets = [
      "ghp_0123456789abcdefghijABCDEFGHIJ012345",
      "AKIAIOSFODNN7EXAMPLE",
      "hunter2hunter2",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "abcdef.0123456789abcdef",
    ];
    const lines = [
      `+ git clone https://x-access-token:${secrets[0]}@github.com/o/r`,
      `export AWS_ACCESS_KEY_ID=${secrets[1]}`,
      `mysql -u root --password=${secrets[2]}`,
      `Authorization: Bearer ${secrets[3]}`,
      `kubeadm join 10.0.0.1:6443 --token ${secrets[4]}`,
      HEADLINE,
    ];
    const report = await analyze([textSource("secrets.log", lines.join("\n"))], { contextLines: 6 });
    for (const out of [renderMarkdown(report), renderText(report), renderJson(report, summaryLine(report))]) {
      for (const s of secrets) expect(out).not.toContain(s);
      expect(out).toContain("[REDACTED]");
    }
  });

  it("redacts kubeconfig keys, private keys and URL passwords", () => {
    expect(redact("    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=")).toBe("    client-key-data: [REDACTED]");
    expect(redact("-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA")).toBe("-----BEGIN RSA PRIVATE KEY----- [REDACTED]");
    expect(redact("https://user:pa55word@registry.example.com/v2/")).toBe("https://user:[REDACTED]@registry.example.com/v2/");
    expect(redact("minCompatibilityVersion version 1.30 is not between [1.31, 1.31]")).toBe("minCompatibilityVersion version 1.30 is not between [1.31, 1.31]");
  });

  it("shows the matched lines with their numbers, and how often the message repeated", async () => {
    const md = await markdownFor(["a", HEADLINE, "b", HEADLINE]);
    expect(md).toContain('> 2  "command failed" err="minCompatibilityVersion version 1.30 is not between [1.31, 1.31]"');
    expect(md).toContain("hostile.log:2 (2 times, last at line 4)");
  });

  it("says what it scanned when it finds nothing", async () => {
    const md = await markdownFor(["all good", "PASS"]);
    expect(md).toMatch(/No version-skew failure found in 1 log, 2 lines/);
  });

  it("notes logs that could not be read completely", async () => {
    const broken = { name: "build-log.txt", open: async () => (async function* () { yield Buffer.from(`${HEADLINE}\n`); throw new Error("connection reset after 1 KiB: partial scan"); })() };
    const report = await analyze([broken]);
    expect(report.causes).toHaveLength(1);
    expect(report.logs[0]).toMatchObject({ partial: true, problems: ["connection reset after 1 KiB: partial scan"] });
    expect(renderMarkdown(report)).toContain("build-log.txt: connection reset after 1 KiB: partial scan");
  });
});
