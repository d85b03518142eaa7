import { availableParallelism } from "node:os";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LanduseResult } from "../contract/landuse-result.ts";
import { assertFiniteResult } from "../domain/validation/finite-result.ts";
import { WorkerPool } from "../engine/worker-pool.ts";
import { outputFolder, partialSuffix, removeDeadPartials } from "../io/output-target.ts";
import { openClassRaster } from "../raster/geotiff-source.ts";
import { NEUTRAL_REMEDIES, type DatedMap, type LanduseAnalysisInput } from "./analysis-input.ts";
import { analysisSummary } from "./analysis-summary.ts";
import { analysisTables } from "./analysis-tables.ts";
import { changeColours } from "./change-colours.ts";
import { checkMaps, checkPoolsCoverLegend, datedMaps } from "./check-inputs.ts";
import { CHORD_FILE } from "./output-names.ts";
import { planAnalysis } from "./plan-analysis.ts";
import { polygonsOnGrid } from "./polygons-on-grid.ts";
import { runCounting } from "./run-counting.ts";
import { fitsSeed001 } from "./stock-lost-to-mining.ts";
import { chooseValuation } from "./valuation-choice.ts";
import { chooseZoning, zoneColours } from "./zoning-choice.ts";
import { writePictures, writeTables } from "./write-outputs.ts";

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

/**
 * The land-use change analysis of SPEC M1/M2 and the map side of M3, on values: checks the inputs,
 * plans the counting, streams the maps block by block through worker threads, makes the tables,
 * writes them with the rasters into `out`, and returns the result (also written as summary.json).
 * Outputs are written to a partial folder and moved into place only when all succeeded.
 */
export async function runLanduseAnalysis(input: LanduseAnalysisInput): Promise<LanduseResult> {
  // Workers start loading now, while the inputs are opened and checked; small jobs need none.
  const pool = new WorkerPool(input.workers ?? ((await isSmallJob(input.maps)) ? 0 : availableParallelism()));
  const partial: { dir?: string } = {};
  try {
    return await analyse(input, pool, partial);
  } finally {
    await pool.close();
    // On any failure nothing half-written stays behind in `out`.
    if (partial.dir) rmSync(partial.dir, { recursive: true, force: true });
  }
}

async function analyse(
  input: LanduseAnalysisInput,
  pool: WorkerPool,
  partial: { dir?: string },
): Promise<LanduseResult> {
  const started = performance.now();
  const remedies = { ...NEUTRAL_REMEDIES, ...input.remedies };
  const { legend, pools } = input;

  // Check: the maps, the factor library and the valuation (a wrong price is bad input, found before
  // any block is read), the maps against each other and the legend, the pools against the legend.
  const maps = datedMaps(input.maps);
  const priceFactor = typeof input.valuation?.carbonPrice === "string";
  const factors = input.factors && (fitsSeed001(legend) || priceFactor) ? await input.factors() : undefined;
  const valuation = chooseValuation(input.valuation, {
    hasPools: pools !== undefined,
    densities: remedies.densities,
    baseYear: maps[0]!.year,
    factors,
  });
  const checked = await checkMaps(maps, legend, {
    alignNearest: input.alignNearest ?? false,
    alignRemedy: remedies.alignGrids,
  });
  if (pools) checkPoolsCoverLegend(pools, legend);

  // Plan: zoning, the polygons on the maps' grid, the outputs and blocks.
  const rules = chooseZoning({ rules: input.rules, zoning: input.zoning }, legend, pools, {
    legendName: input.legendName ?? `legend ${legend.id}`,
    remedies,
  });
  const plan = planAnalysis(maps, legend, checked, {
    rules,
    pools,
    boundary: input.boundary ? polygonsOnGrid(input.boundary, checked.grid) : undefined,
    zones: input.zones ? polygonsOnGrid(input.zones, checked.grid) : undefined,
    blockRows: input.blockRows,
    deflateLevel: input.deflateLevel,
  });

  const out = outputFolder(input.out);
  // What runs killed before their end left here goes; what a live run is writing stays.
  removeDeadPartials(out);
  const folder = join(out, partialSuffix());
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  partial.dir = folder;

  // Run.
  const colours = { zones: zoneColours(plan.zoneNames), changes: changeColours(maps.length) };
  const { counts, previews } = await runCounting(plan, legend, {
    folder,
    geo: checked.rasters[0]!.geo,
    pool,
    zoneColours: colours.zones,
    changeColours: colours.changes,
    onProgress: input.onProgress,
  });

  // Tables.
  const zeroRule = input.zeroRule ?? "paper";
  const tables = analysisTables(plan, legend, counts, {
    pools,
    valuation: valuation?.spec,
    factors,
    zeroRule,
  });

  // Write, then the summary.
  writeTables(folder, tables, {
    pools: pools !== undefined,
    valuation: valuation !== undefined,
    zoning: plan.zoneTable !== undefined,
    zones: plan.zones !== undefined,
  });
  const pictures = writePictures(folder, plan, legend, tables, previews, colours);
  const pngs = plan.engine.outputs
    .filter((s) => s.kind === "zones" || s.kind === "changes")
    .map((s) => s.path.replace(/\.tif$/, ".png"));
  const summary = await analysisSummary({
    plan,
    legend,
    checked,
    counts,
    tables,
    pools,
    valuation,
    zeroRule,
    workers: input.workers,
    inputWarnings: input.inputWarnings ?? [],
    // The pictures are still being written: named here, not read from the folder.
    outputs: [...new Set([...readdirSync(folder), ...pngs, CHORD_FILE, "summary.json"])].sort(),
    seconds: (performance.now() - started) / 1000,
  });
  // The last check before anything is written: no figure may be ∞ or NaN.
  assertFiniteResult(
    summary,
    "landuse analyze",
    `check the carbon densities (${remedies.densities}) and the valuation's price, price change and discount rate`,
  );
  writeFileSync(join(folder, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await pictures;
  for (const f of readdirSync(folder)) renameSync(join(folder, f), join(out, f));
  rmSync(folder, { recursive: true, force: true });
  return summary;
}
