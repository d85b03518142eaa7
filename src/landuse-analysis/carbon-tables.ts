import { carbonStock, POOL_NAMES, type PoolTable } from "../domain/landuse/carbon-pools.ts";
import { storageChange, type StockByPool, type StoragePair } from "../domain/landuse/carbon-change.ts";
import { storageChangeValue, type ValuationSpec } from "../domain/landuse/carbon-valuation.ts";

/**
 * The carbon tables of an analysis with a pool table: the stock of each pool at each date
 * (`carbon.csv`), its change over each interval (`carbon-change.csv`) and, when asked, the value of
 * the total change (`carbon-value.csv`). `classAreas` are the analysis's class rows (year, code, ha).
 */
export function carbonTables(
  pools: PoolTable,
  classAreas: readonly { year: number; code: number; area_ha: number }[],
  years: readonly number[],
  pairs: readonly StoragePair[],
  valuation: ValuationSpec | undefined,
) {
  const stocks = new Map<number, StockByPool>();
  const carbon = years.flatMap((year) => {
    const areas = new Map(classAreas.filter((r) => r.year === year).map((r) => [r.code, r.area_ha] as const));
    const stock = carbonStock(pools, areas);
    stocks.set(year, stock);
    return [...POOL_NAMES, "total" as const].map((pool) => ({ year, pool, total_tC: stock[pool] }));
  });
  const change = storageChange(stocks, pairs);
  const value = valuation
    ? change
        .filter((r) => r.pool === "total")
        .map((r) => {
          const v = storageChangeValue(r.change_tC, r.from_year, r.to_year, valuation);
          return {
            kind: r.kind,
            from_year: r.from_year,
            to_year: r.to_year,
            years: r.years,
            change_tC: r.change_tC,
            change_tCO2e: r.change_tCO2e,
            price_at_start_CNY_per_tCO2e: v.priceAtStartCNYPerTCO2e,
            discounted_years: v.discountedYears,
            npv_at_interval_start_CNY: v.npvAtIntervalStartCNY,
            npv_CNY: v.npvCNY,
          };
        })
    : [];
  return { carbon, change, value };
}

/**
 * The accumulated-changes table (OpenLand's acc_changes `PxValue, Qt, Percent`, with areas): pixels,
 * ha and % of the area analysed per number of class changes. Its pixels must add up to the pixels
 * analysed (an invariant of the engine; a break is ours, not the user's).
 */
export function accumulatedChangesTable(
  counts: { changePixels: Float64Array; changeAreaHa: Float64Array },
  analysedPixels: number,
  analysedHa: number,
  pixelAreaHa: number | null,
) {
  const total = counts.changePixels.reduce((a, b) => a + b, 0);
  if (total !== analysedPixels)
    throw new Error(
      `internal: the accumulated-changes raster holds ${total} pixels but ${analysedPixels} were analysed`,
    );
  return Array.from(counts.changePixels, (px, c) => {
    const area = pixelAreaHa === null ? counts.changeAreaHa[c]! : px * pixelAreaHa;
    return { changes: c, pixels: px, area_ha: area, percent: analysedHa > 0 ? (area / analysedHa) * 100 : 0 };
  });
}
