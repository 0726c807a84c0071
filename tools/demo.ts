import { spawn } from "node:child_process";
import { ciRobotCommentPayload, JOB, PR, REPO, root, startReplay, VIEW_URL } from "./replay/scenario.js";

// `npm run demo`: the Cluster API incident (kubernetes-sigs/cluster-api#11833) replayed offline. The
// real app process answers a CI-bot failure report on a pull request, fetches the Prow logs from a fake
// GCS and posts to a fake GitHub, both on loopback. `npm run demo -- --cli` runs the plain CLI instead.

// The demo is tooling, outside the product's lib/: it runs the CLI the way a user does, as the process
// lib/cli.js (the package's bin), rather than importing it.
async function cliDemo(): Promise<number> {
  process.stdout.write("$ skewbot analyze samples/capi-11833-kind-bringup.log\n\n");
  const cli = spawn(process.execPath, [root("lib/cli.js"), "analyze", root("samples/capi-11833-kind-bringup.log")], { stdio: "inherit" });
  const code = await new Promise<number | null>((resolve, reject) => cli.on("error", reject).on("exit", resolve));
  // 1 means "findings", the expected outcome of the sample; only 2 (an error) fails the demo.
  return code === 2 || code === null ? 2 : 0;
}

async function replayDemo(): Promise<number> {
  const say = (s = "") => process.stdout.write(`${s}\n`);
  say("skewbot demo: the Cluster API 1.30/1.31 incident, replayed offline (no GitHub account needed)");
  say();
  const replay = await startReplay();
  try {
    say(`1. Started the app as \`npm start\` does (lib/main.js) at ${replay.appUrl},`);
    say("   pointed at a fake GitHub (GHE_HOST) and a fake Prow/GCS (SKEWBOT_STORAGE_URL) on loopback.");
    say(`2. k8s-ci-robot reports on ${REPO}#${PR}: "The following test failed: ${JOB}"`);
    say(`   Details: ${VIEW_URL}`);
    const status = await replay.deliver("issue_comment", ciRobotCommentPayload());
    say(`3. Delivered the signed issue_comment webhook: HTTP ${status}`);
    const { comments, labels } = await replay.settled();
    say(`4. skewbot read the Prow build: ${replay.gcs.requests.length} requests (${replay.gcs.requests.filter((r) => !r.includes("storage/v1")).map((r) => r.split("/").pop()).join(", ")})`);
    if (comments.length === 0) {
      say("   … but posted no comment. App output:");
      say(replay.output.join(""));
      return 2;
    }
    say(`5. skewbot posted ${comments.length} comment on ${REPO}#${PR} and added the labels: ${labels.join(", ")}`);
    say();
    say("----------------------------------------------------------------------------------------------");
    say(comments[0]!.body.trimEnd());
    say("----------------------------------------------------------------------------------------------");
    return 0;
  } finally {
    await replay.stop();
  }
}

process.exitCode = await (process.argv.includes("--cli") ? cliDemo() : replayDemo());
