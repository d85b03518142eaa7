import { availableParallelism } from "node:os";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { totalDensity } from "../domain/landuse/carbon-pools.ts";
import type { StoragePair } from "../domain/landuse/carbon-change.ts";
import type { ValuationInput } from "../domain/landuse/carbon-valuation.ts";
import { accumulatedChangesTable, carbonTables } from "./carbon-tables.ts";
import { NO_CHANGE_COUNT } from "../domain/landuse/change-count.ts";
import { assertFiniteResult } from "../domain/validation/finite-result.ts";
import { changeCountName } from "../presentation/i18n.ts";
import { changeColours } from "./change-colours.ts";
import { CHANGES_FILE, CHORD_FILE } from "./output-names.ts";
import { chooseValuation } from "./valuation-choice.ts";
import { MAX_CLASSES, type BlockCounts, type BlockPlan } from "../domain/landuse/count-block.ts";
import { landChangeTables } from "../domain/landuse/land-change-tables.ts";
import { LEGEND_PRESETS, type Legend } from "../domain/landuse/legend.ts";
import { rowPixelAreas } from "../domain/landuse/pixel-area.ts";
import { CountedMatrices } from "../domain/landuse/counted-matrices.ts";
import { UNCLASSIFIED } from "../domain/landuse/zoning-rules.ts";
import { chooseZoning, transitionZoneTable, zoneColours } from "./zoning-choice.ts";
import type { ZeroChangeRule } from "../domain/landuse/intensity-analysis.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { OUTSIDE_CODE, type EnginePlan, type OutputSpec } from "../engine/engine-plan.ts";
import { runEngine } from "../engine/run-engine.ts";
import { WorkerPool } from "../engine/worker-pool.ts";
import { legendFromArgument } from "../io/read-legend-file.ts";
import { readPoolTable } from "../io/read-pool-table.ts";
import { sha256File } from "../io/sha256-file.ts";
import { writeRows } from "../io/write-csv.ts";
import { outputFolder, partialSuffix, removeDeadPartials } from "../io/output-target.ts";
import { openClassRaster, type ClassRaster } from "../raster/geotiff-source.ts";
import { StreamingTiffWriter } from "../raster/geotiff-writer.ts";
import { describeGrid, gridDifferences } from "../raster/grid.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import type { GridPolygons } from "../io/read-geojson-zones.ts";
import { LANDUSE_RESULT_SCHEMA_VERSION, type LanduseResult } from "../contract/landuse-result.ts";

/**
 * DEFLATE level of written rasters: 1, the fastest. On classified maps level 6 (GDAL's default)
 * makes files about half the size for four times the compression work; `--deflate-level 6` asks for it.
 */
export const DEFAULT_DEFLATE_LEVEL = 1;

/** The zone of pixels outside every --zones polygon (still counted in the whole-area tables). */
export const OUTSIDE_ZONES = "(outside the zones)";

/** One land-use map: its year and file. */
export interface DatedMap {
  readonly year: number;
  readonly path: string;
}

export interface AnalyzeOptions {
  readonly maps: readonly DatedMap[];
  /** A preset id (seed001, gbt21010, clcd, esa-worldcover) or a legend CSV. */
  readonly legend?: string;
  readonly pools?: string;
  readonly rules?: string;
  /** Zoning: rules (given, or seed 001 when the legend fits), data-driven (needs pools), or none. */
  readonly zoning?: "rules" | "data-driven" | "none";
  readonly boundary?: string;
  readonly zones?: string;
  readonly zoneField?: string;
  /** Resample dates whose grid differs onto the first date's grid by nearest neighbour. */
  readonly alignNearest?: boolean;
  readonly out: string;
  readonly workers?: number;
  readonly blockRows?: number;
  readonly zeroRule?: ZeroChangeRule;
  readonly deflateLevel?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Loads the factor library: for the seed 001 stock loss on conversion to mining (when the legend
   * fits) and for a valuation price given as a factor id.
   */
  readonly factors?: () => Promise<FactorTable>;
  /** InVEST's valuation of the storage change (needs `pools`): price, its yearly change, discount rate. */
  readonly valuation?: ValuationInput;
  /** How problems with the valuation's fields are named (the CLI's option names); `valuation.<field>` by default. */
  readonly valuationPaths?: Readonly<Partial<Record<keyof ValuationInput, string>>>;
}

/** Resolves the legend: a preset, a CSV, or the pool table's names. */
function resolveLegend(
  o: AnalyzeOptions,
  poolLegend: Legend | undefined,
): { legend: Legend; ignored: string[] } {
  if (o.legend) return legendFromArgument(o.legend);
  if (poolLegend) return { legend: poolLegend, ignored: [] };
  throw new InputError("landuse analyze", [
    {
      path: "--legend",
      message: `is needed: a preset (${Object.keys(LEGEND_PRESETS).join(", ")}), a legend CSV, or a --pools table with a LULC_name column`,
    },
  ]);
}

function chooseBlockRows(first: ClassRaster, asked: number | undefined): number {
  if (asked !== undefined) {
    if (!Number.isInteger(asked) || asked < 16 || asked % 16 !== 0)
      throw new InputError("--block-rows", [{ path: "", message: `must be a multiple of 16; got ${asked}` }]);
    return asked;
  }
  // Tiled maps: one row of tiles per block, so that tiles go through whole (a multiple of 16 by TIFF's rule).
  if (first.tiled && first.blockHeight % 16 === 0) return first.blockHeight;
  // Striped maps: whole strips, at least 16 rows and about a million pixels per block.
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let rows = (first.blockHeight * 16) / gcd(first.blockHeight, 16);
  while (rows * first.grid.width < 1 << 20 && rows < first.grid.height) rows *= 2;
  return rows;
}

/**
 * The land-use change analysis of SPEC M1/M2 and the map side of M3: reads the maps, checks them,
 * streams them block by block through worker threads, and writes the tables, rasters and summary
 * into `out`. Outputs are written to a partial folder and moved into place only when all succeeded.
 */
export async function analyzeLanduse(o: AnalyzeOptions): Promise<LanduseResult> {
  // Workers start loading now, while the inputs are opened and checked; small jobs need none.
  const pool = new WorkerPool(o.workers ?? ((await isSmallJob(o.maps)) ? 0 : availableParallelism()));
  const partial: { dir?: string } = {};
  try {
    return await analyzeWith(o, pool, partial);
  } finally {
    await pool.close();
    // On any failure nothing half-written stays behind in --out.
    if (partial.dir) rmSync(partial.dir, { recursive: true, force: true });
  }
}

/** Pixels below which starting worker threads costs more than it saves (about 0.1 s each). */
const SMALL_JOB_PIXELS = 4_000_000;

/** Whether the maps are small enough to count on this thread (judged from the first one's header). */
async function isSmallJob(maps: readonly DatedMap[]): Promise<boolean> {
  if (!maps[0]) return true;
  try {
    const r = await openClassRaster(maps[0].path);
    await r.close();
    return r.grid.width * r.grid.height * maps.length < SMALL_JOB_PIXELS;
  } catch {
    return true; // the checks that follow report the problem
  }
}

async function analyzeWith(
  o: AnalyzeOptions,
  pool: WorkerPool,
  temp: { dir?: string },
): Promise<LanduseResult> {
  const started = performance.now();
  const issues: InputIssue[] = [];
  if (o.maps.length < 2)
    issues.push({ path: "--map", message: `needs at least two dates (year=path); got ${o.maps.length}` });
  const years = o.maps.map((m) => m.year);
  if (new Set(years).size !== years.length)
    issues.push({ path: "--map", message: `each year may appear once; got ${years.join(", ")}` });
  if (issues.length) throw new InputError("landuse analyze", issues);
  const maps = [...o.maps].sort((a, b) => a.year - b.year);

  const poolFile = o.pools ? readPoolTable(o.pools) : undefined;
  const { legend, ignored } = resolveLegend(o, poolFile?.legend);
  // The factor library (for the stock lost to mining) loads now, while the worker threads start:
  // later it would hold up this thread while it should be handing blocks to the workers.
  const fitsSeed001 = (await import("./stock-lost-to-mining.ts")).fitsSeed001(legend);
  const priceFactor = typeof o.valuation?.carbonPrice === "string";
  const factors = o.factors && (fitsSeed001 || priceFactor) ? await o.factors() : undefined;
  // The valuation is checked before any block is read: a wrong price is bad input, found at once.
  const valuation = chooseValuation(o.valuation, {
    ...(o.valuationPaths ? { paths: o.valuationPaths } : {}),
    hasPools: poolFile !== undefined,
    baseYear: maps[0]!.year,
    factors,
  });

  const rasters: ClassRaster[] = [];
  try {
    for (const m of maps) rasters.push(await openClassRaster(m.path));
  } finally {
    await Promise.all(rasters.map((r) => r.close()));
  }
  const grid = rasters[0]!.grid;
  const align = rasters.map(() => false);
  const gridProblems: InputIssue[] = [];
  rasters.forEach((r, d) => {
    if (d === 0) return;
    const diff = gridDifferences(grid, r.grid);
    if (!diff.length) return;
    if (r.grid.crs.kind !== grid.crs.kind || diff.some((x) => x.startsWith("CRS")) || !o.alignNearest)
      gridProblems.push({
        path: `${maps[d]!.path} vs ${maps[0]!.path}`,
        message: `grids differ: ${diff.join("; ")}${
          r.grid.crs.kind === grid.crs.kind && !diff.some((x) => x.startsWith("CRS"))
            ? " (add --align nearest to resample onto the first grid)"
            : " (reproject with gdalwarp onto the first map's grid first)"
        }`,
      });
    else align[d] = true;
  });
  if (gridProblems.length) throw new InputError("landuse analyze", gridProblems);
  if (legend.classes.some((c) => c.code > 255) && rasters.every((r) => r.bits === 8))
    issues.push({ path: "--legend", message: "has codes above 255 but every map is 8-bit" });

  // Lookup tables: code → class index; nodata → K; unknown → K + 1.
  const k = legend.classes.length;
  if (k > MAX_CLASSES)
    issues.push({ path: "--legend", message: `has ${k} classes; the engine counts at most ${MAX_CLASSES}` });
  const luts = rasters.map((r) => {
    const lut = new Uint16Array(65536).fill(k + 1);
    legend.classes.forEach((c, i) => (lut[c.code] = i));
    if (r.nodata !== null && r.nodata >= 0 && r.nodata < 65536) lut[r.nodata] = k;
    lut[OUTSIDE_CODE] = k;
    return lut;
  });
  for (const [d, r] of rasters.entries())
    if (r.nodata !== null && legend.classes.some((c) => c.code === r.nodata))
      issues.push({
        path: maps[d]!.path,
        message: `its nodata value ${r.nodata} is also a legend code; nodata wins, so that class would vanish — fix the legend or the nodata value`,
      });
  if (issues.length) throw new InputError("landuse analyze", issues);

  const dates = maps.length;
  const multistepPairs: [number, number][] = Array.from({ length: dates - 1 }, (_, i) => [i, i + 1]);
  const pairs: [number, number][] = dates > 2 ? [...multistepPairs, [0, dates - 1]] : multistepPairs;

  // Zoning.
  const pools = poolFile?.pools;
  if (pools) {
    const known = new Set(pools.classes.map((p) => p.code));
    const missing = legend.classes.filter((c) => !known.has(c.code));
    if (missing.length)
      throw new InputError(o.pools!, [
        {
          path: "lucode",
          message: `has no densities for legend classes ${missing.map((c) => `${c.code} (${c.name})`).join(", ")}; add rows (0 where a class holds no carbon)`,
        },
      ]);
  }
  const rules = await chooseZoning(o, legend, pools);
  const zoneNames = rules ? [...rules.zones, UNCLASSIFIED] : [];
  const zoneTable = rules ? transitionZoneTable(rules, legend, zoneNames) : undefined;

  // Boundary and zones.
  const readPolygons =
    o.boundary || o.zones ? (await import("../io/read-geojson-zones.ts")).readGeojsonPolygons : undefined;
  const boundary = o.boundary ? readPolygons!(o.boundary, grid) : undefined;
  const zones = o.zones ? readPolygons!(o.zones, grid, o.zoneField) : undefined;
  const zoneList = zones ? [...new Set(zones.names), OUTSIDE_ZONES] : ["all"];

  const out = outputFolder(o.out);
  // What runs killed before their end left here goes; what a live run is writing stays.
  removeDeadPartials(out);
  const partial = join(out, partialSuffix());
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  temp.dir = partial;

  const outputs: OutputSpec[] = [];
  const pairName = (p: readonly [number, number]) => `${maps[p[0]]!.year}-${maps[p[1]]!.year}`;
  if (zoneTable)
    for (const p of pairs)
      outputs.push({ kind: "zones", path: `zones-${pairName(p)}.tif`, pair: p, table: zoneTable });
  const densityByIndex = pools
    ? Float64Array.from(legend.classes, (c) => totalDensity(pools.classes.find((p) => p.code === c.code)!))
    : undefined;
  if (densityByIndex) {
    maps.forEach((m, d) =>
      outputs.push({ kind: "carbon", path: `carbon-${m.year}.tif`, date: d, densityTCPerHa: densityByIndex }),
    );
    for (const p of pairs)
      outputs.push({
        kind: "carbon-change",
        path: `carbon-change-${pairName(p)}.tif`,
        pair: p,
        densityTCPerHa: densityByIndex,
      });
  }

  // Accumulated changes (OpenLand's acc_changes): class changes per pixel across all the dates.
  outputs.push({ kind: "changes", path: CHANGES_FILE });

  const rowAreaHa = rowPixelAreas(grid, grid.crs);
  // Output tiles as wide as the input's, so tiles can go from decoder to writer unchanged.
  const first = rasters[0]!;
  const outputTileWidth =
    first.tiled && first.blockWidth % 16 === 0 && first.blockWidth <= 1024 ? first.blockWidth : 256;
  const blockRows = chooseBlockRows(rasters[0]!, o.blockRows);
  const counting: BlockPlan = { classCount: k, luts, pairs, zoneCount: zoneList.length };
  const previewStep = Math.max(1, Math.ceil(Math.max(grid.width, grid.height) / 1000));
  const plan: EnginePlan = {
    paths: maps.map((m) => resolve(m.path)),
    grid,
    align,
    blockRows,
    counting,
    zones: zones
      ? {
          features: zones.features,
          zoneOf: zones.names.map((n) => zoneList.indexOf(n)),
          unzoned: zoneList.length - 1,
        }
      : null,
    boundary: boundary ? boundary.features : null,
    rowAreaHa,
    areaVariesByRow: grid.crs.kind === "geographic",
    outputs,
    tileWidth: outputTileWidth,
    previewStep,
    deflateLevel: o.deflateLevel ?? DEFAULT_DEFLATE_LEVEL,
  };
  const colours = zoneColours(zoneNames);
  const changeColour = changeColours(dates);
  const changePalette = Array.from(
    { length: 256 },
    (_, c): [number, number, number] => changeColour[c] ?? [255, 255, 255],
  );
  const writers = outputs.map(
    (spec) =>
      new StreamingTiffWriter(join(partial, spec.path), {
        grid,
        tileWidth: outputTileWidth,
        tileHeight: blockRows,
        sample: spec.kind === "zones" || spec.kind === "changes" ? "uint8" : "float32",
        ...(spec.kind === "zones"
          ? { colours: [[255, 255, 255], ...colours], nodata: 0 }
          : spec.kind === "changes"
            ? { colours: changePalette, nodata: NO_CHANGE_COUNT }
            : { nodata: NaN }),
        geo: rasters[0]!.geo,
      }),
  );
  const previewW = Math.ceil(grid.width / previewStep);
  const previewH = Math.ceil(grid.height / previewStep);
  const previews = outputs.map((s) =>
    s.kind === "zones" || s.kind === "changes"
      ? new Uint8Array(previewW * previewH).fill(s.kind === "changes" ? NO_CHANGE_COUNT : 0)
      : undefined,
  );

  let counts: BlockCounts;
  // Modules needed after the counting load now, while the workers count.
  const preloads = Promise.all([
    import("../raster/zones-preview.ts"),
    import("./stock-lost-to-mining.ts"),
    import("./transitions-chord.ts"),
  ]);

  try {
    const engine = runEngine(plan, {
      writers,
      pool,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      onPreview: (oi, row, values) => previews[oi]?.set(values, row * previewW),
    });
    counts = await engine;
    const unknown = counts.unknownCodes.flatMap((m, d) =>
      [...m].sort((a, b) => a[0] - b[0]).map(([code, px]) => ({ d, code, px })),
    );
    if (unknown.length)
      throw new InputError("landuse analyze", [
        ...maps.flatMap((m, d) => {
          const list = unknown.filter((u) => u.d === d);
          return list.length
            ? [
                {
                  path: m.path,
                  message: `codes not in the legend (${legend.id}): ${list.map((u) => `${u.code} (${u.px.toLocaleString("en-US")} px)`).join(", ")}; add them to the legend or set them as nodata`,
                },
              ]
            : [];
        }),
      ]);
    if (valid(counts, pairs.length) === 0)
      throw new InputError("landuse analyze", [
        {
          path: o.boundary ?? o.zones ?? maps[0]!.path,
          message:
            o.boundary || o.zones
              ? "no pixel inside the boundary/zones is valid at every date: the polygons do not overlap the maps (check their CRS)"
              : "no pixel is valid at every date (all nodata)",
        },
      ]);
    for (const w of writers) w.finish();
  } catch (e) {
    for (const w of writers) w.abort();
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }

  // Matrices: whole area (all zones summed) and per zone, over the classes present at any date.
  const counted = new CountedMatrices(
    counts,
    legend.classes.map((c) => c.code),
    pairs.map(([f, t]) => [maps[f]!.year, maps[t]!.year] as const),
    zoneList.length,
    plan.areaVariesByRow ? null : rowAreaHa[0]!,
  );
  const matrixOf = (p: number, z: number | null) => counted.matrix(p, z);
  const multistep = multistepPairs.map((_, p) => matrixOf(p, null));
  const onestep = dates > 2 ? matrixOf(pairs.length - 1, null) : multistep[0]!;
  const tables = landChangeTables(legend.classes, multistep, onestep, o.zeroRule ?? "paper");

  // Zones per period.
  const zoneRows = zoneTable
    ? pairs.flatMap((pair, p) =>
        counted.zoneTotals(p, zoneTable, zoneNames.length).map((z, zi) => ({
          from_year: maps[pair[0]]!.year,
          to_year: maps[pair[1]]!.year,
          zone: zoneNames[zi]!,
          pixels: z.pixels,
          area_ha: z.areaHa,
          share: z.share,
          kind: p < multistepPairs.length ? ("multistep" as const) : ("onestep" as const),
        })),
      )
    : [];

  // Carbon stocks, their change per pool between the dates (InVEST's "change in carbon storage") and
  // its value; the accumulated changes per number of changes.
  const storagePairs: StoragePair[] = pairs.map(([f, t], p) => ({
    kind: p < multistepPairs.length ? "multistep" : "onestep",
    fromYear: maps[f]!.year,
    toYear: maps[t]!.year,
  }));
  const carbonResult = pools
    ? carbonTables(
        pools,
        tables.classes,
        maps.map((m) => m.year),
        storagePairs,
        valuation?.spec,
      )
    : { carbon: [], change: [], value: [] };
  const { carbon: carbonRows, change: carbonChangeRows, value: carbonValueRows } = carbonResult;
  const accumulatedRows = accumulatedChangesTable(
    counts,
    valid(counts, pairs.length),
    tables.classes.filter((r) => r.year === maps[0]!.year).reduce((a, r) => a + r.area_ha, 0),
    plan.areaVariesByRow ? null : rowAreaHa[0]!,
  );
  const { stockLostToMining } = await import("./stock-lost-to-mining.ts");
  const mining = factors ? stockLostToMining(legend, onestep, factors) : undefined;

  // Per-zone tables.
  const zoneClassRows = zones
    ? zoneList.flatMap((zname, z) =>
        multistep.flatMap((_, p) => {
          const m = matrixOf(p, z);
          const n = m.codes.length;
          const rowsFor = (year: number, pick: (i: number) => [number, number]) =>
            m.codes.map((code, i) => {
              const [px, ar] = pick(i);
              return {
                zone: zname,
                year,
                code,
                class: legend.classes.find((c) => c.code === code)!.name,
                pixels: px,
                area_ha: ar,
              };
            });
          const sum = (i: number, row: boolean, v: Float64Array) => {
            let s = 0;
            for (let j = 0; j < n; j++) s += row ? v[i * n + j]! : v[j * n + i]!;
            return s;
          };
          const first =
            p === 0 ? rowsFor(m.fromYear, (i) => [sum(i, true, m.pixels), sum(i, true, m.areaHa)]) : [];
          return [...first, ...rowsFor(m.toYear, (i) => [sum(i, false, m.pixels), sum(i, false, m.areaHa)])];
        }),
      )
    : [];

  // Tables into the partial folder, then everything moves into `out`.
  const csv = (name: string, rows: readonly Record<string, unknown>[], cols: string[]) =>
    writeRows(join(partial, name), rows, cols);
  csv("classes.csv", tables.classes, ["year", "code", "class", "pixels", "area_ha", "percent"]);
  const tcols = [
    "from_year",
    "to_year",
    "from_code",
    "to_code",
    "from_class",
    "to_class",
    "pixels",
    "area_ha",
    "percent",
  ];
  csv("transitions-multistep.csv", tables.transitionsMultistep, tcols);
  csv("transitions-onestep.csv", tables.transitionsOnestep, tcols);
  csv("intensity-interval.csv", tables.intensityInterval, []);
  csv("intensity-category.csv", tables.intensityCategory, []);
  csv("intensity-transition.csv", tables.intensityTransition, []);
  csv("components.csv", tables.components, []);
  csv("components-overall.csv", tables.componentsOverall, []);
  csv("accumulated-changes.csv", accumulatedRows, ["changes", "pixels", "area_ha", "percent"]);
  if (pools) csv("carbon-change.csv", carbonChangeRows, []);
  if (valuation) csv("carbon-value.csv", carbonValueRows, []);
  if (zoneTable)
    csv("zones.csv", zoneRows, ["from_year", "to_year", "zone", "pixels", "area_ha", "share", "kind"]);
  if (pools) csv("carbon.csv", carbonRows, ["year", "pool", "total_tC"]);
  if (zones) csv("zone-classes.csv", zoneClassRows, ["zone", "year", "code", "class", "pixels", "area_ha"]);
  const [{ writeZonesPreview }, , { writeTransitionsChord }] = await preloads;
  const span = `${maps[0]!.year}–${maps[dates - 1]!.year}`;
  const pngs = outputs.map((spec, oi) => {
    if (spec.kind === "changes")
      return writeZonesPreview(
        join(partial, spec.path.replace(/\.tif$/, ".png")),
        { width: previewW, height: previewH, values: previews[oi]! },
        `Accumulated changes ${span} (class changes between consecutive dates)`,
        accumulatedRows.map((r) => ({
          code: r.changes,
          name: changeCountName("en", r.changes),
          colour: changeColour[r.changes]!,
          share: r.percent,
        })),
      );
    if (spec.kind !== "zones") return undefined;
    const name = pairName(spec.pair);
    const rows = zoneRows.filter((r) => `${r.from_year}-${r.to_year}` === name);
    return writeZonesPreview(
      join(partial, spec.path.replace(/\.tif$/, ".png")),
      { width: previewW, height: previewH, values: previews[oi]! },
      `Carbon-sink zones ${name.replace("-", "–")} (${rules!.id})`,
      zoneNames.map((z, zi) => ({
        code: zi + 1,
        name: z,
        colour: colours[zi]!,
        share: rows[zi]?.share ?? 0,
      })),
    );
  });
  writeTransitionsChord(join(partial, CHORD_FILE), legend.classes, tables.transitionsOnestep);
  const inputs = await Promise.all(
    maps.map(async (m, d) => ({
      year: m.year,
      path: m.path,
      sha256: await sha256File(m.path),
      grid: describeGrid(rasters[d]!.grid),
      bits: rasters[d]!.bits,
      nodata: rasters[d]!.nodata,
      compression: rasters[d]!.compression,
      layout: rasters[d]!.tiled
        ? `tiled ${rasters[d]!.blockWidth}×${rasters[d]!.blockHeight}`
        : `striped, ${rasters[d]!.blockHeight} rows`,
      alignedNearest: align[d]!,
      nodataPixels: counts.nodataPixels[d]!,
    })),
  );
  const warnings: string[] = rasters.flatMap((r) => r.warnings);
  if (ignored.length) warnings.push(`legend columns not used: ${ignored.join(", ")}`);
  if (valuation) warnings.push(...valuation.warnings);
  if (counts.excludedPixels > 0)
    warnings.push(
      `${counts.excludedPixels.toLocaleString("en-US")} pixels are nodata at some dates (not all) and are left out of every date, so that all matrices cover the same area`,
    );
  if (counts.overlapPixels > 0)
    warnings.push(
      `${counts.overlapPixels.toLocaleString("en-US")} pixels lie in two zones; each counts in the first`,
    );
  if (align.some(Boolean))
    warnings.push(
      `dates ${maps
        .filter((_, d) => align[d])
        .map((m) => m.year)
        .join(", ")} were resampled onto the first grid by nearest neighbour`,
    );
  const absent = legend.classes.filter((_, i) => !counted.present.includes(i));
  const summary: LanduseResult = {
    schemaVersion: LANDUSE_RESULT_SCHEMA_VERSION,
    tool: "minecarbon landuse analyze",
    units: {
      area: "ha (area_ha, pixelAreaHa); percent: % of the analysed area",
      intensity: "% per year (St, U, G, L, R, W, Q, V, dynamic degrees)",
      carbon:
        "t C, stocks (total_tC, carbon-<year>.tif per pixel); carbon-change-*.tif: later minus earlier stock, t C per pixel",
      density: "t C/ha (pool tables)",
      stockLostToMining: "t C and t CO2e, one-time loss over the first → last date",
      componentsOverall:
        "ha and % of the area analysed: total change = quantity + exchange + shift (Pontius & Santacruz 2014)",
      carbonChange:
        "t C (stocks and their change, later minus earlier: + stored, − lost), t CO2e (× 44/12: + removed, − emitted), t C/yr (change / years)",
      carbonValue:
        "CNY: InVEST's net present value of each interval's storage change, in the interval's first year and in the first date's year",
      accumulatedChanges:
        "pixels, ha and % of the area analysed per number of class changes between consecutive dates",
    },
    legend: { id: legend.id, classes: [...legend.classes], absent: absent.map((c) => c.code) },
    grid: describeGrid(grid),
    pixelAreaHa: plan.areaVariesByRow
      ? { min: Math.min(...rowAreaHa), max: Math.max(...rowAreaHa), perRow: true }
      : rowAreaHa[0]!,
    inputs,
    boundary: boundary ? describePolygons(boundary) : null,
    zones: zones ? { ...describePolygons(zones), zones: zoneList } : null,
    zoning: rules
      ? {
          id: rules.id,
          source: rules.source,
          zones: zoneNames,
          rasterCodes: zoneNames.map((z, i) => ({ code: i + 1, zone: z })),
        }
      : null,
    pools: pools ? { source: pools.source, unit: "t C/ha" } : null,
    pixels: {
      analysed: valid(counts, pairs.length),
      excludedNodataAtSomeDates: counts.excludedPixels,
      nodataAtAllDates: counts.emptyPixels,
      outsideBoundary: counts.outsidePixels,
    },
    engine: {
      workers: o.workers ?? "one per core",
      blockRows,
      blocks: Math.ceil(grid.height / blockRows),
      seconds: (performance.now() - started) / 1000,
    },
    zeroChangeRule: o.zeroRule ?? "paper",
    ...tables,
    // The domain's rows type these as string; narrowed here to what they are (same values).
    intensityTransition: tables.intensityTransition.map((r) => ({
      ...r,
      level: r.level === "gain" ? ("gain" as const) : ("loss" as const),
    })),
    components: tables.components.map((r) => ({ ...r, kind: periodKind(r.kind) })),
    componentsOverall: tables.componentsOverall.map((r) => ({ ...r, kind: periodKind(r.kind) })),
    zonesByPeriod: zoneRows,
    carbon: carbonRows,
    stockLostToMining: mining ?? null,
    zoneClasses: zoneClassRows,
    carbonChange: carbonChangeRows,
    valuation: valuation
      ? {
          carbonPriceCNYPerTCO2e: valuation.spec.priceCNYPerTCO2e,
          priceSource: valuation.spec.priceSource,
          priceYear: valuation.spec.baseYear,
          priceChangePerYear: valuation.spec.priceChangePerYear,
          discountRatePerYear: valuation.spec.discountRatePerYear,
          presentValueYear: valuation.spec.baseYear,
          method:
            "InVEST carbon model valuation: each interval's storage change spread evenly over its years, the tonnes of each year valued at that year's price (CNY/t CO2e × 44/12 per t C) and discounted to the interval's first year, Σ_{t=0}^{T−1} ((1+g)/(1+r))^t; npv_CNY further discounted to the first date's year",
          factorsUsed: valuation.factorsUsed,
        }
      : null,
    carbonValue: carbonValueRows,
    accumulatedChanges: accumulatedRows,
    outputs: [
      ...new Set([
        ...readdirSync(partial),
        ...outputs
          .filter((o) => o.kind === "zones" || o.kind === "changes")
          .map((o) => o.path.replace(/\.tif$/, ".png")),
        "summary.json",
      ]),
    ].sort(),
    warnings,
  };
  // The last check before anything is written: no figure may be ∞ or NaN.
  assertFiniteResult(
    summary,
    "landuse analyze",
    "check the carbon densities (--pools) and the valuation's price, price change and discount rate",
  );
  writeFileSync(join(partial, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await Promise.all(pngs);
  for (const f of readdirSync(partial)) renameSync(join(partial, f), join(out, f));
  rmSync(partial, { recursive: true, force: true });
  return summary;
}

const periodKind = (k: string) => (k === "multistep" ? ("multistep" as const) : ("onestep" as const));

function valid(counts: BlockCounts, pairCount: number): number {
  let s = 0;
  for (let i = 0; i < counts.pixels.length / pairCount; i++) s += counts.pixels[i]!;
  return s;
}

function describePolygons(p: GridPolygons) {
  return { path: p.path, features: p.features.length, crs: p.sourceCrs, reprojected: p.reprojected };
}

/** @deprecated the declared result: `LanduseResult` of src/contract/landuse-result.ts. */
export type LanduseSummary = LanduseResult;
