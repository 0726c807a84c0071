import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Builds lib/ and build/tools/ when they are older than their sources (see the file).
    globalSetup: ["test/helpers/build.ts"],
    testTimeout: 60_000,
  },
});
