import type { ProbotOctokit } from "probot";

/** The installation client the app talks to GitHub with (Probot's octokit: `.rest.*` and `paginate`). */
export type GitHub = InstanceType<typeof ProbotOctokit>;
