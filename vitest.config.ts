import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "golden/**/*.test.ts", "test/**/*.test.ts"],
    // Browser tests need Chromium and run on their own: npm run test:browser.
    exclude: ["test/browser/**", "**/node_modules/**"],
    // Two test files at a time at least. vitest's default is one fewer than the cores: one file at a
    // time on the 2-core CI machine, which then idles while a file waits for PostgreSQL, a child
    // process (the corpus, the CLI tests) or argon2 (libuv threads). Files are independent: each
    // makes its own stores (a PostgreSQL database of its own), folders under os.tmpdir() and ports.
    maxWorkers: Math.max(2, availableParallelism()),
    // Generous limits: they catch a test that hangs, not a slow machine. On a busy 2-core machine
    // opening PGlite and migrating it in a hook took more than vitest's default 10 s.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
