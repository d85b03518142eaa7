import type { PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { BlockCounts } from "../domain/landuse/count-block.ts";
import type { ZeroChangeRule } from "../domain/landuse/intensity-analysis.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { LANDUSE_RESULT_SCHEMA_VERSION, type LanduseResult } from "../contract/landuse-result.ts";
import { sha256File } from "../io/sha256-file.ts";
import { describeGrid } from "../raster/grid.ts";
import type { AnalysisTables } from "./analysis-tables.ts";
import type { CheckedMaps } from "./check-inputs.ts";
import type { AnalysisPlan } from "./plan-analysis.ts";
import type { GridPolygons } from "./polygons-on-grid.ts";
import { validPixels } from "./run-counting.ts";
import type { ChosenValuation } from "./valuation-choice.ts";

/** The units of the figures, as text for a reader of summary.json. */
const UNITS = {
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
};

const VALUATION_METHOD =
  "InVEST carbon model valuation: each interval's storage change spread evenly over its years, the tonnes of each year valued at that year's price (CNY/t CO2e × 44/12 per t C) and discounted to the interval's first year, Σ_{t=0}^{T−1} ((1+g)/(1+r))^t; npv_CNY further discounted to the first date's year";

const describePolygons = (p: GridPolygons) => ({
  path: p.source,
  features: p.features.length,
  crs: p.sourceCrs,
  reprojected: p.reprojected,
});

/** What the analysis noticed but could still do, in the order a reader meets it. */
function analysisWarnings(
  plan: AnalysisPlan,
  checked: CheckedMaps,
  counts: BlockCounts,
  inputWarnings: readonly string[],
  valuation: ChosenValuation | undefined,
): string[] {
  const warnings: string[] = checked.rasters.flatMap((r) => r.warnings);
  warnings.push(...inputWarnings);
  if (valuation) warnings.push(...valuation.warnings);
  if (counts.excludedPixels > 0)
    warnings.push(
      `${counts.excludedPixels.toLocaleString("en-US")} pixels are nodata at some dates (not all) and are left out of every date, so that all matrices cover the same area`,
    );
  if (counts.overlapPixels > 0)
    warnings.push(
      `${counts.overlapPixels.toLocaleString("en-US")} pixels lie in two zones; each counts in the first`,
    );
  if (checked.align.some(Boolean))
    warnings.push(
      `dates ${plan.maps
        .filter((_, d) => checked.align[d])
        .map((m) => m.year)
        .join(", ")} were resampled onto the first grid by nearest neighbour`,
    );
  return warnings;
}

/** The result of the analysis (summary.json): its inputs, how it ran, every table, its outputs. */
export async function analysisSummary(a: {
  readonly plan: AnalysisPlan;
  readonly legend: Legend;
  readonly checked: CheckedMaps;
  readonly counts: BlockCounts;
  readonly tables: AnalysisTables;
  readonly pools: PoolTable | undefined;
  readonly valuation: ChosenValuation | undefined;
  readonly zeroRule: ZeroChangeRule;
  readonly workers: number | undefined;
  readonly inputWarnings: readonly string[];
  readonly outputs: readonly string[];
  readonly seconds: number;
}): Promise<LanduseResult> {
  const { plan, legend, checked, counts, tables } = a;
  const { grid, rasters, align } = checked;
  const { rowAreaHa, rules, zoneNames } = plan;
  const inputs = await Promise.all(
    plan.maps.map(async (m, d) => ({
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
  const { present, ...rows } = tables;
  const absent = legend.classes.filter((_, i) => !present.includes(i));
  const v = a.valuation?.spec;
  return {
    schemaVersion: LANDUSE_RESULT_SCHEMA_VERSION,
    tool: "minecarbon landuse analyze",
    units: UNITS,
    legend: { id: legend.id, classes: [...legend.classes], absent: absent.map((c) => c.code) },
    grid: describeGrid(grid),
    pixelAreaHa: plan.engine.areaVariesByRow
      ? { min: Math.min(...rowAreaHa), max: Math.max(...rowAreaHa), perRow: true }
      : rowAreaHa[0]!,
    inputs,
    boundary: plan.boundary ? describePolygons(plan.boundary) : null,
    zones: plan.zones ? { ...describePolygons(plan.zones), zones: [...plan.zoneList] } : null,
    zoning: rules
      ? {
          id: rules.id,
          source: rules.source,
          zones: [...zoneNames],
          rasterCodes: zoneNames.map((z, i) => ({ code: i + 1, zone: z })),
        }
      : null,
    pools: a.pools ? { source: a.pools.source, unit: "t C/ha" } : null,
    pixels: {
      analysed: validPixels(counts, plan.pairs.length),
      excludedNodataAtSomeDates: counts.excludedPixels,
      nodataAtAllDates: counts.emptyPixels,
      outsideBoundary: counts.outsidePixels,
    },
    engine: {
      workers: a.workers ?? "one per core",
      blockRows: plan.engine.blockRows,
      blocks: Math.ceil(grid.height / plan.engine.blockRows),
      seconds: a.seconds,
    },
    zeroChangeRule: a.zeroRule,
    classes: rows.classes,
    transitionsMultistep: rows.transitionsMultistep,
    transitionsOnestep: rows.transitionsOnestep,
    intensityInterval: rows.intensityInterval,
    intensityCategory: rows.intensityCategory,
    intensityTransition: rows.intensityTransition,
    stationarity: rows.stationarity,
    components: rows.components,
    componentsOverall: rows.componentsOverall,
    zonesByPeriod: rows.zonesByPeriod,
    carbon: rows.carbon,
    stockLostToMining: rows.stockLostToMining,
    zoneClasses: rows.zoneClasses,
    carbonChange: rows.carbonChange,
    valuation: v
      ? {
          carbonPriceCNYPerTCO2e: v.priceCNYPerTCO2e,
          priceSource: v.priceSource,
          priceYear: v.baseYear,
          priceChangePerYear: v.priceChangePerYear,
          discountRatePerYear: v.discountRatePerYear,
          presentValueYear: v.baseYear,
          method: VALUATION_METHOD,
          factorsUsed: a.valuation!.factorsUsed,
        }
      : null,
    carbonValue: rows.carbonValue,
    accumulatedChanges: rows.accumulatedChanges,
    outputs: [...a.outputs],
    warnings: analysisWarnings(plan, checked, counts, a.inputWarnings, a.valuation),
  };
}
