import { fileURLToPath } from "node:url";
import { main } from "./cli.js";

// `npm run demo`: the Cluster API incident (kubernetes-sigs/cluster-api#11833) replayed offline from
// the bundled sample build log.
const sample = fileURLToPath(new URL("../samples/capi-11833-kind-bringup.log", import.meta.url));
const format = process.argv[2] ?? "text";
process.stdout.write(`skewbot analyze samples/capi-11833-kind-bringup.log --format ${format}\n\n`);
const code = await main(["analyze", sample, "--format", format], {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
});
// Finding the cause is the demo's success; only "could not analyse" is a failure.
process.exitCode = code === 2 ? 2 : 0;
