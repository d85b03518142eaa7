#!/usr/bin/env node
// Entry point of the `minecarbon` command. The TypeScript sources are bundled with esbuild (a
// dependency, no network) into node_modules/.cache/minecarbon the first time and again whenever a
// source is newer than the bundle, so that `npx minecarbon …` works right after `npm ci` with no
// separate build step and starts fast: loading ~150 modules through a TypeScript loader costs about
// a second, the bundle a tenth of that. Set MINECARBON_NO_BUNDLE=1 to run the sources through tsx.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const cache = join(root, "node_modules", ".cache", "minecarbon");
const entries = {
  main: join(src, "cli", "main.ts"),
  "analysis-worker": join(src, "engine", "analysis-worker.ts"),
  "batch-worker": join(src, "batch", "batch-worker.ts"),
};

/** Newest modification time of the sources (and this file). */
function newestSource(dir = src) {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether a process of this id runs (one we may not signal still runs). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** Removes the private build folders (`minecarbon.<pid>`) of bundling runs that were killed. */
function removeDeadBuilds() {
  const parent = dirname(cache);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const pid = /^minecarbon\.(\d+)$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid)))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
}

async function bundled() {
  removeDeadBuilds();
  const stamp = join(cache, "main.mjs");
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource()) return stamp;
  const { build } = await import("esbuild");
  // Build into a private folder, then move into place: two commands starting at once both work.
  const tmp = `${cache}.${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  try {
    await build({
      entryPoints: entries,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      // Libraries are bundled too (one file to load instead of hundreds), but for those below.
      // Kept outside: native code (canvas, argon2), and packages that load their own files next to them
      // (PGlite's and HiGHS' WebAssembly, pdfkit's font metrics, esbuild's binary, used to bundle the web
      // app) or require optional modules (pg, fastify).
      external: [
        "@napi-rs/canvas",
        "@node-rs/argon2",
        "@electric-sql/pglite",
        "pg",
        "fastify",
        "pdfkit",
        "esbuild",
        "highs",
      ],
      // CommonJS libraries in an ES module bundle call require(): give them one.
      banner: {
        js: 'import { createRequire as __mcRequire } from "node:module"; const require = __mcRequire(import.meta.url);',
      },
      outExtension: { ".js": ".mjs" },
      sourcemap: "linked",
      logLevel: "error",
    });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  mkdirSync(cache, { recursive: true });
  for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(cache, f));
  rmSync(tmp, { recursive: true, force: true });
  return stamp;
}

let main;
if (process.env.MINECARBON_NO_BUNDLE) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
} else {
  ({ main } = await import(pathToFileURL(await bundled()).href));
}
process.exitCode = await main(process.argv);
