/**
 * Benchmark of `minecarbon batch` against a rasterio + numpy script (bench/batch_rasterio.py) on the
 * same generated province: annual CLCD-like maps in EPSG:4326 at 0.00025° (patches of about 30
 * pixels that change class over the years, 10 % of pixels a year of classification noise; tiled 256,
 * DEFLATE level 6, GDAL's default) and irregular mine polygons of 1–60 km² (some with holes, some in two parts).
 * Runs the batch with 1 and 2 worker threads and the script, each as a whole command under
 * /usr/bin/time (wall time and peak memory), checks that every count is equal, and prints a table.
 *
 *   npx tsx bench/batch-province.ts                 25 megapixels × 3 years, 200 mines (about a minute)
 *   npx tsx bench/batch-province.ts --full          the sizes: 400 megapixels × 5 years, 1,000 mines
 *   npx tsx bench/batch-province.ts --megapixels 100 --years 4 --mines 500 [--dir D] [--no-rasterio]
 *
 * Generated files are kept in --dir (default /tmp/minecarbon-bench/province2-<size>) and reused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { StreamingTiffWriter } from "../src/raster/geotiff-writer.ts";
import type { RasterGrid } from "../src/raster/grid.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const full = process.argv.includes("--full");
const megapixels = arg("--megapixels", full ? 400 : 25);
const yearCount = arg("--years", full ? 5 : 3);
const mineCount = arg("--mines", full ? 1000 : 200);
const di = process.argv.indexOf("--dir");
const dir =
  di >= 0
    ? process.argv[di + 1]!
    : `/tmp/minecarbon-bench/province2-${megapixels}mp-${yearCount}y-${mineCount}m`;
const withRasterio = !process.argv.includes("--no-rasterio");
mkdirSync(dir, { recursive: true });

const side = Math.round(Math.sqrt(megapixels * 1e6));
const PIXEL = 0.00025;
const grid: RasterGrid = {
  width: side,
  height: side,
  originX: 110,
  originY: 40,
  pixelWidth: PIXEL,
  pixelHeight: PIXEL,
  crs: {
    kind: "geographic",
    label: "EPSG:4326",
    epsg: 4326,
    ellipsoid: { name: "WGS 84", a: 6378137, invF: 298.257223563 },
    unitToMetre: 1,
  },
};
const geo = { geoKeyDirectory: [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326] };
const years = Array.from({ length: yearCount }, (_, i) => 2000 + 5 * i);

const hash = (x: number, y: number, s: number) => {
  let h = (x * 374761393 + y * 668265263 + s * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
};
// CLCD codes by share: cropland, forest, shrub, grassland, water, barren, impervious.
const CODES = [1, 1, 1, 2, 2, 3, 4, 4, 5, 7, 8];

function writeYear(k: number, path: string): void {
  const w = new StreamingTiffWriter(path, { grid, tileWidth: 256, tileHeight: 256, sample: "uint8", geo });
  const tile = new Uint8Array(256 * 256);
  for (let ty = 0; ty < w.tilesDown; ty++)
    for (let tx = 0; tx < w.tilesAcross; tx++) {
      for (let r = 0; r < 256; r++)
        for (let c = 0; c < 256; c++) {
          const x = tx * 256 + c;
          const y = ty * 256 + r;
          const px = Math.floor((x + 6 * hash(y >> 3, 0, 7)) / 30);
          const py = Math.floor((y + 6 * hash(x >> 3, 0, 9)) / 30);
          // Patches change class over the years: a patch's class is drawn anew in the k-th year with 8 % a year.
          let era = 0;
          for (let j = 1; j <= k; j++) if (hash(px, py, 100 + j) < 0.08) era = j;
          // Classification noise, as in real annual maps: 10 % of pixels a year take another class.
          const speckle = hash(x, y, 50 + k) < 0.1;
          const v =
            CODES[
              Math.floor(hash(speckle ? x : px, speckle ? y : py, speckle ? 60 + k : era) * CODES.length)
            ]!;
          tile[r * 256 + c] = x < side && y < side ? v : 0;
        }
      w.writeTile(ty * w.tilesAcross + tx, deflateSync(tile, { level: 6 }));
    }
  w.finish();
}

/** Irregular mines: star-shaped rings of 24–64 vertices, 1–60 km² (log-uniform), 10 % in two parts, 10 % with a hole. */
function writeMines(path: string): void {
  let s = 20260101;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kmPerDegY = 111.32;
  const ring = (cx: number, cy: number, km2: number, reverse = false) => {
    const n = 24 + Math.floor(rnd() * 40);
    const rKm = Math.sqrt(km2 / Math.PI);
    const kmPerDegX = kmPerDegY * Math.cos((cy * Math.PI) / 180);
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const t = ((reverse ? -i : i) / n) * 2 * Math.PI;
      const r = rKm * (0.65 + 0.6 * rnd());
      pts.push([cx + (r * Math.cos(t)) / kmPerDegX, cy + (r * Math.sin(t)) / kmPerDegY]);
    }
    pts.push(pts[0]!);
    return pts;
  };
  const margin = 0.06;
  const span = side * PIXEL;
  const features = Array.from({ length: mineCount }, (_, i) => {
    const cx = 110 + margin + rnd() * (span - 2 * margin);
    const cy = 40 - margin - rnd() * (span - 2 * margin);
    const km2 = Math.exp(Math.log(1) + rnd() * (Math.log(60) - Math.log(1)));
    const kind = rnd();
    const geometry =
      kind < 0.1
        ? {
            type: "MultiPolygon",
            coordinates: [[ring(cx, cy, km2 * 0.6)], [ring(cx + 0.03, cy - 0.02, km2 * 0.4)]],
          }
        : kind < 0.2
          ? { type: "Polygon", coordinates: [ring(cx, cy, km2), ring(cx, cy, km2 * 0.1, true)] }
          : { type: "Polygon", coordinates: [ring(cx, cy, km2)] };
    return { type: "Feature", properties: { mine_id: `M${String(i + 1).padStart(4, "0")}` }, geometry };
  });
  writeFileSync(path, JSON.stringify({ type: "FeatureCollection", features }));
}

const mapPath = (y: number) => join(dir, `CLCD_like_${y}.tif`);
const minesPath = join(dir, "mines.geojson");
const tGen = performance.now();
years.forEach((y, k) => existsSync(mapPath(y)) || writeYear(k, mapPath(y)));
if (!existsSync(minesPath)) writeMines(minesPath);
console.log(
  `province: ${years.length} maps of ${side} × ${side} = ${megapixels} megapixels (EPSG:4326, 0.00025°, tiled 256, DEFLATE 6), ${mineCount} mines; ready in ${((performance.now() - tGen) / 1000).toFixed(1)} s (${dir})`,
);

/** Runs a command under /usr/bin/time: wall seconds, peak RSS (MB), its stdout. */
function measure(cmd: string, args: string[]): { seconds: number; mb: number; out: string } {
  const log = join(dir, "time.log");
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", log, cmd, ...args], {
    encoding: "utf8",
    maxBuffer: 2 ** 28,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  const [secs, kb] = readFileSync(log, "utf8").trim().split(/\s+/).map(Number);
  return { seconds: secs!, mb: kb! / 1024, out: r.stdout };
}

/** pixels per key ("mine year code" / "mine from to fcode tcode") from a CSV with those columns. */
function pixels(path: string, keyCols: string[]): Map<string, number> {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const cols = head!.split(",");
  const at = keyCols.map((c) => cols.indexOf(c));
  const p = cols.indexOf("pixels");
  return new Map(
    lines.map((l) => {
      const v = l.split(",");
      return [at.map((i) => v[i]).join(" "), Number(v[p])];
    }),
  );
}
const differences = (a: Map<string, number>, b: Map<string, number>) => {
  let d = 0;
  for (const [k, v] of a) if (b.get(k) !== v) d++;
  for (const k of b.keys()) if (!a.has(k)) d++;
  return d;
};

spawnSync("node", ["bin/minecarbon.mjs", "--version"]); // builds the bundle outside the timings
// The batch's worker threads load a bundle next to the CLI's when there is one of the same build;
// bin/minecarbon.mjs does not build it yet, so the benchmark does (else each thread loads the
// TypeScript sources through tsx, about a second more per thread).
if (!process.argv.includes("--workers-from-sources")) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: { "batch-worker": "src/batch/batch-worker.ts" },
    outdir: "node_modules/.cache/minecarbon",
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    banner: {
      js: 'import { createRequire as __mcRequire } from "node:module"; const require = __mcRequire(import.meta.url);',
    },
    outExtension: { ".js": ".mjs" },
    logLevel: "error",
  });
}
const rows: string[] = [];
const mapArgs = ["--maps", join(dir, "CLCD_like_{year}.tif"), "--years", years.join(",")];
const results: Record<string, { seconds: number; mb: number }> = {};
// 1 and 2 worker threads with the default cache (256 MiB a thread), then 1 with a 64 MiB cache.
for (const [workers, cacheMb] of [
  [1, 256],
  [2, 256],
  [1, 64],
] as const) {
  const out = join(dir, cacheMb === 256 ? `batch-w${workers}` : `batch-w${workers}-c${cacheMb}`);
  spawnSync("rm", ["-rf", out]);
  const m = measure("node", [
    "bin/minecarbon.mjs",
    "batch",
    ...mapArgs,
    "--mines",
    minesPath,
    "--id-field",
    "mine_id",
    "--legend",
    "clcd",
    "--mining-classes",
    "barren,impervious",
    "--out",
    out,
    "--workers",
    String(workers),
    "--cache-mb",
    String(cacheMb),
    "--no-progress",
    "--json",
  ]);
  const s = JSON.parse(m.out) as {
    mines: { counted: number };
    run: { pixelsCounted: number; blockReads: number; blockHits: number };
  };
  if (cacheMb === 256) results[`w${workers}`] = m;
  rows.push(
    `minecarbon batch --workers ${workers} --cache-mb ${cacheMb}: ${m.seconds.toFixed(2)} s, peak ${m.mb.toFixed(0)} MB, ${s.mines.counted} mines, ${((m.seconds / s.mines.counted) * 1000).toFixed(1)} ms a mine, ${(s.run.pixelsCounted / m.seconds / 1e6).toFixed(1)} M mine-pixel-years/s, ${s.run.blockReads} blocks read, ${s.run.blockHits} from the cache`,
  );
  console.log(rows.at(-1));
}
const mc = join(dir, "batch-w1");
if (
  differences(
    pixels(join(mc, "classes.csv"), ["mine_id", "year", "code"]),
    pixels(join(dir, "batch-w2", "classes.csv"), ["mine_id", "year", "code"]),
  )
)
  throw new Error("1 and 2 workers differ");
if (withRasterio) {
  const out = join(dir, "rasterio");
  const m = measure("/usr/bin/python3", [
    "bench/batch_rasterio.py",
    minesPath,
    "mine_id",
    out,
    ...years.map((y) => `${y}=${mapPath(y)}`),
  ]);
  results.rasterio = m;
  rows.push(`rasterio + numpy per polygon window: ${m.seconds.toFixed(2)} s, peak ${m.mb.toFixed(0)} MB`);
  console.log(rows.at(-1));
  const dc = differences(
    pixels(join(mc, "classes.csv"), ["mine_id", "year", "code"]),
    pixels(join(out, "classes.csv"), ["mine_id", "year", "code"]),
  );
  const dt = differences(
    pixels(join(mc, "transitions.csv"), ["mine_id", "from_year", "to_year", "from_code", "to_code"]),
    pixels(join(out, "transitions.csv"), ["mine_id", "from_year", "to_year", "from_code", "to_code"]),
  );
  console.log(`counts that differ, minecarbon vs rasterio: ${dc} class rows, ${dt} transition rows`);
  console.log(
    `wall time, minecarbon / rasterio: ${(results.w1!.seconds / m.seconds).toFixed(2)} (1 worker), ${(results.w2!.seconds / m.seconds).toFixed(2)} (2 workers)`,
  );
}
