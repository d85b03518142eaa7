import { defineConfig } from "vitest/config";

/**
 * Browser tests: Debian's Chromium driven by playwright-core against a running server. Each test
 * opens its own browser context; they wait for conditions (expect.poll, waitFor), with limits
 * generous enough for a busy 2-core machine — a limit is there to end a hang, not to time the app.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
