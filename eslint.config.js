// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// `units` and `domain` are the pure core: they compute, they never read files, open sockets or
// talk to a database, so that every number they produce can be tested and reproduced from
// values alone. Adapters (factors, cli, raster, storage, server) do the I/O and pass values in.
const pureCoreMessage =
  "src/units and src/domain are the pure core and must not do I/O: read files or call services in an adapter (src/factors, src/cli, …) and pass the values in.";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "coverage/**",
      "out/**",
      "tmp/**",
      "scratch/**",
      "minecarbon-demo/**",
      // generated output of the README's examples, the server and the tests
      "minecarbon-data/**",
      "test-results/**",
      "bench/data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // unit brands (`declare const hectareBrand: unique symbol`) exist only in the type system
    files: ["src/units/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_|Brand$" },
      ],
    },
  },
  {
    files: ["src/units/**/*.ts", "src/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: pureCoreMessage },
            {
              group: [
                "fs",
                "fs/*",
                "path",
                "os",
                "child_process",
                "http",
                "https",
                "net",
                "worker_threads",
                "url",
                "stream",
                "readline",
              ],
              message: pureCoreMessage,
            },
            {
              group: [
                "**/factors/**",
                "**/cli/**",
                "**/raster/**",
                "**/storage/**",
                "**/server/**",
                "**/report/**",
              ],
              message: pureCoreMessage,
            },
            {
              group: [
                "pg",
                "@electric-sql/*",
                "kysely",
                "fastify",
                "hono",
                "yaml",
                "csv-parse",
                "csv-parse/*",
                "commander",
              ],
              message: pureCoreMessage,
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: pureCoreMessage },
        { name: "fetch", message: pureCoreMessage },
        {
          name: "console",
          message: "the pure core returns warnings with its results instead of printing them",
        },
      ],
    },
  },
);
