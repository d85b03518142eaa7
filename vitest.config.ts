import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "golden/**/*.test.ts", "test/**/*.test.ts"],
    // Browser tests need Chromium and run on their own: npm run test:browser.
    exclude: ["test/browser/**", "**/node_modules/**"],
    // Generous limits: they catch a test that hangs, not a slow machine. On a busy 2-core machine
    // opening PGlite and migrating it in a hook took more than vitest's default 10 s.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
