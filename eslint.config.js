// @ts-check
import { builtinModules } from "node:module";
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const SRC = path.join(import.meta.dirname, "src");

// ---------------------------------------------------------------------------------------------------
// Layers. Dependencies point one way: `units ← domain ← everything else` (STYLE.md, "Layout shows
// the architecture"). Every top-level folder (or file) of src/ has one entry here, and a source file
// in a folder without an entry is itself an error: a new folder must say where it sits.
//
// An entry lists either the folders it may import (`only`: everything else is refused, so a folder
// added later is refused too) or the folders it may not (`not`). Node's built-in modules (`node:*`,
// `fs`, …) are refused where `node: false`; packages are refused by `packagesOnly` (an allow-list)
// or `packagesNot`. `why` is the message: why the rule holds and what to do instead.
// ---------------------------------------------------------------------------------------------------

/** Packages that do I/O or run only in Node: never in the pure core or in browser code. */
const IO_PACKAGES = [
  "pg",
  "@electric-sql/*",
  "kysely",
  "kysely-*",
  "fastify",
  "fastify-*",
  "@fastify/*",
  "hono",
  "yaml",
  "csv-parse",
  "commander",
  "@napi-rs/*",
  "pdfkit",
  "esbuild",
  "highs",
  "tsx",
];
/** Packages that run only in Node (csv-parse and yaml have browser builds; the web app uses them). */
const NODE_ONLY_PACKAGES = IO_PACKAGES.filter((p) => p !== "csv-parse" && p !== "yaml");

const pureCore =
  "the pure core computes from values alone, so that every number it gives can be tested and reproduced: it never reads files, opens sockets or talks to a database. Do the I/O in an adapter (src/factors, src/io, src/raster, src/storage, src/cli, src/server, src/app) and pass the values in";
const browser =
  "it runs in the browser (src/web, and src/presentation which is bundled into it): no node:* and no server-side code. Ask the API for what the server computes, and share only pure code (src/contract, src/domain, src/units, src/presentation)";
const leaf = "src/web, src/cli and src/server are entry points that nothing else imports";
const adapter = `an adapter takes values from the domain and does I/O for the layers above it; it never reaches up into them (${leaf}, src/app and src/storage sit above the adapters): pass what it needs in as values`;

/**
 * @typedef {{
 *   only?: string[], not?: string[], except?: string[], node?: boolean,
 *   packagesOnly?: string[], packagesNot?: string[], why: string
 * }} Layer
 */

/** @type {Record<string, Layer>} keys are paths relative to the repository ("src/domain") */
const LAYERS = {
  "src/units": {
    only: ["src/units"],
    node: false,
    packagesOnly: [],
    why: "src/units is the base of every quantity: it imports nothing of the project and no package. Put code that needs more in src/domain",
  },
  "src/domain": {
    only: ["src/units", "src/domain"],
    node: false,
    packagesNot: IO_PACKAGES,
    why: `src/domain imports only src/units and src/domain: ${pureCore}`,
  },
  "src/contract": {
    only: ["src/units", "src/domain", "src/contract"],
    node: false,
    packagesOnly: ["zod", "zod/*"],
    why: `src/contract holds the declared schemas that the server and the browser both import, so it is pure like the domain (zod, src/units, src/domain only): ${pureCore}`,
  },
  "src/web": {
    only: ["src/web", "src/presentation", "src/contract", "src/domain", "src/units"],
    node: false,
    packagesNot: NODE_ONLY_PACKAGES,
    why: `src/web is browser code: ${browser}`,
  },
  "src/presentation": {
    only: ["src/presentation", "src/contract", "src/domain", "src/units"],
    node: false,
    packagesNot: NODE_ONLY_PACKAGES,
    why: `src/presentation holds the texts and chart options shared by the reports and the web app; ${browser}`,
  },
  "src/server": {
    not: ["src/web", "src/cli"],
    why: `src/server never imports the web app's code (it serves its bundle, built from the folder by path) nor the CLI: ${leaf}. Share code through src/contract or src/presentation`,
  },
  "src/app": {
    not: ["src/web", "src/cli", "src/server"],
    why: `src/app is the application layer under the HTTP API: it does not import src/web, src/cli or src/server (${leaf}); move what both need into src/app or below`,
  },
  "src/storage": {
    not: ["src/web", "src/cli", "src/server", "src/app"],
    why: `src/storage is the repositories under the application layer: it does not import src/server, src/web, src/cli or src/app (${leaf}); let the caller pass what it needs`,
  },
  "src/cli": {
    not: ["src/web", "src/server"],
    except: ["src/server/serve.ts"],
    why: `src/cli reaches the server only through src/server/serve.ts (the \`serve\` command), never its internals, and never the web app's code: ${leaf}. Share code through src/app, src/contract or the domain`,
  },
  "src/report": {
    not: ["src/web", "src/cli", "src/server"],
    why: `src/report renders reports for the CLI and the server, from what src/app and the domain give it: ${leaf}`,
  },
  "src/landuse-analysis": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/landuse-analysis is an adapter: ${adapter}`,
  },
  "src/engine": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/engine is an adapter: ${adapter}`,
  },
  "src/batch": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/batch is an adapter: ${adapter}`,
  },
  "src/raster": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/raster is an adapter: ${adapter}`,
  },
  "src/io": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/io is an adapter: ${adapter}`,
  },
  "src/factors": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/factors is an adapter: ${adapter}`,
  },
  "src/solver": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/solver is an adapter: ${adapter}`,
  },
  "src/demo": {
    not: ["src/web", "src/cli", "src/server", "src/app", "src/storage", "src/report"],
    why: `src/demo generates example data from the domain and the adapters: ${adapter}`,
  },
  "src/project-root.ts": {
    only: [],
    why: "src/project-root.ts only finds the repository's folder; it imports nothing of the project",
  },
};

const NODE_BUILTINS = new Set(builtinModules);

/** "@scope/name/x" → "@scope/name", "name/x" → "name". */
const packageName = (/** @type {string} */ spec) =>
  spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec);

/** Does a package specifier match a pattern ("zod", "zod/*", "@fastify/*", "kysely-*")? */
function packageMatches(/** @type {string} */ spec, /** @type {string} */ pattern) {
  if (pattern.endsWith("/*")) {
    const base = pattern.slice(0, -2);
    return spec === base || spec.startsWith(`${base}/`);
  }
  if (pattern.endsWith("*")) return packageName(spec).startsWith(pattern.slice(0, -1));
  return packageName(spec) === pattern;
}

/**
 * The layer key of a path under src/: its top-level folder ("src/domain"), or the file itself for
 * a file directly in src/ ("src/project-root.ts"); null outside src/.
 * @param {string} abs
 */
function layerOf(abs) {
  const rel = path.relative(SRC, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return `src/${rel.split(path.sep)[0]}`;
}

/** The repository-relative path of an absolute path, with "/" and without a .ts/.js extension. */
const repoPath = (/** @type {string} */ abs) =>
  path
    .relative(import.meta.dirname, abs)
    .split(path.sep)
    .join("/")
    .replace(/\.(tsx?|mts|jsx?|mjs)$/, "");

/** @type {import("eslint").Rule.RuleModule} */
const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "Each folder of src/ imports only what its layer allows (see LAYERS)." },
    schema: [],
    messages: {
      refused: "{{from}} may not import {{what}} ({{spec}}): {{why}}.",
      unknown:
        "{{from}} has no layer: add it to LAYERS in eslint.config.js, with the folders it may import and why.",
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const layer = LAYERS[from];
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: "unknown", data: { from } });
        },
      };
    }
    /** @param {import("estree").Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== "string" || !layer) return;
      const report = (/** @type {string} */ what) =>
        context.report({ node, messageId: "refused", data: { from, what, spec: source, why: layer.why } });
      if (source.startsWith(".") || source.startsWith("/")) {
        const target = path.resolve(path.dirname(context.filename), source);
        const to = layerOf(target);
        if (to === from) return;
        if (layer.except?.some((e) => repoPath(target) === e.replace(/\.(tsx?|jsx?)$/, ""))) return;
        if (to === null) return report(repoPath(target));
        if (layer.only && !layer.only.includes(to)) return report(to);
        if (layer.not?.includes(to)) return report(to);
        return;
      }
      if (source.startsWith("node:") || NODE_BUILTINS.has(source)) {
        if (layer.node === false) report("Node's built-in modules");
        return;
      }
      if (layer.packagesOnly && !layer.packagesOnly.some((p) => packageMatches(source, p)))
        return report(`the package ${packageName(source)}`);
      if (layer.packagesNot?.some((p) => packageMatches(source, p)))
        return report(`the package ${packageName(source)}`);
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

// ---------------------------------------------------------------------------------------------------
// Units. 44/12 lives in src/units only; numbers get units from its constructors and converters.
// ---------------------------------------------------------------------------------------------------

const co2PerCMessage =
  "44/12 (CO2_PER_C) and 44/16 (CO2_PER_CH4_BURNED) are used only inside src/units: convert with carbonToCO2e / carbonFluxToCO2e / carbonFluxRangeToCO2e (t C → t CO2e), carbonToCO2 (t C oxidised → t CO2) or co2FromBurnedMethane (t CH4 burnt → t CO2) from src/units, so that the type says which tonnes a number holds.";

/** `CO2_PER_C` or `CO2_PER_CH4_BURNED` imported from src/units, by name or with the whole module. */
const noCO2PerC = [
  "error",
  {
    patterns: [
      { regex: "(^|/)units/", importNames: ["CO2_PER_C", "CO2_PER_CH4_BURNED"], message: co2PerCMessage },
    ],
  },
];

const noDefaultUnit = [
  "error",
  {
    selector: "AssignmentPattern[left.name=/unit|measure|basis/i][right.type='Literal']",
    message:
      "No default unit (STYLE.md, 'Units are part of the type'): a caller who forgets the unit must be told by the compiler, not get hectares silently. Make the parameter required and pass the unit at every call.",
  },
];

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
    plugins: { minecarbon: { rules: { layers: layersRule } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": noDefaultUnit,
      "no-restricted-imports": noCO2PerC,
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
      // the one place where 44/12 is written and used
      "no-restricted-imports": "off",
    },
  },
  {
    // tests may read fixtures from disk and reach across layers to set a case up
    files: ["src/**/*.{ts,tsx,js,mjs}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "minecarbon/layers": "error" },
  },
  {
    files: ["src/units/**/*.ts", "src/domain/**/*.ts", "src/contract/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: `${pureCore}.` },
        { name: "fetch", message: `${pureCore}.` },
        {
          name: "console",
          message: "the pure core returns warnings with its results instead of printing them",
        },
      ],
    },
  },
);
