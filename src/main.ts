import { run, type Probot } from "probot";
import { createApp } from "./app.js";
import type { TriageQueue } from "./queue.js";

// `npm start`: the GitHub App as a process. Probot reads APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET,
// GHE_HOST/GHE_PROTOCOL, HOST, PORT, LOG_LEVEL and LOG_FORMAT from the environment.

const DRAIN_MS = Number(process.env["SKEWBOT_DRAIN_TIMEOUT_MS"] ?? 25_000);

const queues: TriageQueue[] = [];
let appLog: Probot["log"] | undefined;
const server = await run(
  createApp({
    onQueue: (q, log) => {
      queues.push(q);
      appLog = log;
    },
  }),
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  const log = (appLog ?? (await import("pino")).pino()).child({ signal });
  log.info("shutting down: no new deliveries, finishing triage in flight");
  // Stop taking deliveries first, then let queued triage finish within the bound.
  const closing = server.stop().catch((err: unknown) => log.error({ err }, "closing the server failed"));
  const left = (await Promise.all(queues.map((q) => q.drain(DRAIN_MS)))).reduce((a, b) => a + b, 0);
  if (left > 0) log.warn({ unfinished: left }, "triage still running at the drain deadline; its deliveries can be redelivered");
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2000))]);
  log.info("stopped");
  process.exit(left > 0 ? 1 : 0);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
