import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { currentProcessMark, formatMark, removeDeadEntries } from "../io/process-mark.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { TEXT_SOURCES, uiFontFiles } from "./ui-font.ts";

const WEB_SRC = join(PROJECT_ROOT, "src", "web");
/** What the app is bundled from: its own code and the pure code it shares (texts, contract, specs). */
const SOURCES = ["web", "presentation", "contract", "domain", "units"].map((d) =>
  join(PROJECT_ROOT, "src", d),
);
/** The code that cuts the app's font subset (src/server/ui-font.ts over src/report/font-subset.ts). */
const FONT_CODE = [
  join(PROJECT_ROOT, "src", "server", "ui-font.ts"),
  join(PROJECT_ROOT, "src", "report", "font-subset.ts"),
];
const OUT = join(PROJECT_ROOT, "node_modules", ".cache", "minecarbon-web");

/**
 * What the bundle is rebuilt after, when one is newer: the app's sources, and — for the generated
 * font subset — the folders its texts are cut from (TEXT_SOURCES) and the code that cuts it.
 */
export function bundleInputs(): string[] {
  return [...new Set([...SOURCES, ...TEXT_SOURCES, ...FONT_CODE])];
}

/** The newest modification time of a file, or of any file under a folder. */
function newest(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  return newestIn(path);
}

function newestIn(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestIn(p) : statSync(p).mtimeMs);
  }
  return t;
}

let building: Promise<string> | undefined;

/**
 * The web app's folder: bundled from src/web with esbuild (a dependency; no network) on first use
 * and whenever a source is newer, like the CLI itself: index.html, app.js, app.css and the chunks
 * the views load lazily (React, Ant Design; OpenLayers and ECharts only with the views using them).
 */
export function webBundle(): Promise<string> {
  building ??= build().finally(() => {
    building = undefined;
  });
  return building;
}

async function build(): Promise<string> {
  // Build folders of processes killed while bundling; a live one's build is left alone.
  removeDeadEntries(dirname(OUT), { prefix: `${basename(OUT)}.` });
  const stamp = join(OUT, "app.js");
  const changed = Math.max(...bundleInputs().map(newest));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= changed) return OUT;
  const { build: esbuild } = await import("esbuild");
  const tmp = `${OUT}.${formatMark(currentProcessMark())}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  const common: import("esbuild").BuildOptions = {
    outdir: tmp,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    loader: { ".css": "css" },
    // Served by the API at run time, not bundled.
    external: ["/assets/fonts/*"],
    logLevel: "error",
  };
  // Split so that map (OpenLayers) and chart (ECharts) code load only with the views that use them.
  await esbuild({
    ...common,
    entryPoints: { app: join(WEB_SRC, "main.tsx") },
    jsx: "automatic",
    splitting: true,
    chunkNames: "[name]-[hash]",
  });
  copyFileSync(join(WEB_SRC, "index.html"), join(tmp, "index.html"));
  const font = uiFontFiles();
  writeFileSync(join(tmp, "fonts.css"), font.css);
  writeFileSync(join(tmp, "ui-sc.ttf"), font.subset);
  mkdirSync(OUT, { recursive: true });
  const built = new Set(readdirSync(tmp));
  for (const f of built) renameSync(join(tmp, f), join(OUT, f));
  // Chunks of earlier builds (their names carry a hash) are no longer referenced by this build, but
  // a page another server process (or this one, before the rebuild) served may still load them
  // lazily: they go only once a day old.
  const dayAgo = Date.now() - 86_400_000;
  for (const f of readdirSync(OUT))
    if (!built.has(f) && statSync(join(OUT, f)).mtimeMs < dayAgo) rmSync(join(OUT, f), { force: true });
  rmSync(tmp, { recursive: true, force: true });
  return OUT;
}
