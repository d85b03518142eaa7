import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "golden/**/*.test.ts", "test/**/*.test.ts"],
    // Browser tests need Chromium and run on their own: npm run test:browser.
    exclude: ["test/browser/**", "**/node_modules/**"],
    testTimeout: 60_000,
  },
});
