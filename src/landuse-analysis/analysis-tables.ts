import type { StoragePair } from "../domain/landuse/carbon-change.ts";
import type { PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { ValuationSpec } from "../domain/landuse/carbon-valuation.ts";
import type { BlockCounts } from "../domain/landuse/count-block.ts";
import { CountedMatrices } from "../domain/landuse/counted-matrices.ts";
import type { ZeroChangeRule } from "../domain/landuse/intensity-analysis.ts";
import { landChangeTables } from "../domain/landuse/land-change-tables.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import { accumulatedChangesTable, carbonTables } from "./carbon-tables.ts";
import type { AnalysisPlan } from "./plan-analysis.ts";
import { validPixels } from "./run-counting.ts";
import { stockLostToMining } from "./stock-lost-to-mining.ts";

const periodKind = (multistep: boolean) => (multistep ? ("multistep" as const) : ("onestep" as const));

/**
 * The tables of the analysis from its counts: land change (classes, transitions, intensity,
 * components) over the whole area, zones per period, carbon stocks with their change and value,
 * accumulated changes, the stock lost to mining and the class areas per zone polygon.
 */
export function analysisTables(
  plan: AnalysisPlan,
  legend: Legend,
  counts: BlockCounts,
  o: {
    readonly pools: PoolTable | undefined;
    readonly valuation: ValuationSpec | undefined;
    readonly factors: FactorTable | undefined;
    readonly zeroRule: ZeroChangeRule;
  },
) {
  const { maps, pairs, multistepCount, zoneTable, zoneNames, zoneList, rowAreaHa } = plan;
  const uniformPixelHa = plan.engine.areaVariesByRow ? null : rowAreaHa[0]!;
  // Matrices: whole area (all zones summed) and per zone, over the classes present at any date.
  const counted = new CountedMatrices(
    counts,
    legend.classes.map((c) => c.code),
    pairs.map(([f, t]) => [maps[f]!.year, maps[t]!.year] as const),
    zoneList.length,
    uniformPixelHa,
  );
  const multistep = Array.from({ length: multistepCount }, (_, p) => counted.matrix(p, null));
  const onestep = maps.length > 2 ? counted.matrix(pairs.length - 1, null) : multistep[0]!;
  const tables = landChangeTables(legend.classes, multistep, onestep, o.zeroRule);

  const zonesByPeriod = zoneTable
    ? pairs.flatMap((pair, p) =>
        counted.zoneTotals(p, zoneTable, zoneNames.length).map((z, zi) => ({
          from_year: maps[pair[0]]!.year,
          to_year: maps[pair[1]]!.year,
          zone: zoneNames[zi]!,
          pixels: z.pixels,
          area_ha: z.areaHa,
          share: z.share,
          kind: periodKind(p < multistepCount),
        })),
      )
    : [];

  // Carbon stocks, their change per pool between the dates (InVEST's "change in carbon storage") and
  // its value.
  const storagePairs: StoragePair[] = pairs.map(([f, t], p) => ({
    kind: periodKind(p < multistepCount),
    fromYear: maps[f]!.year,
    toYear: maps[t]!.year,
  }));
  const carbon = o.pools
    ? carbonTables(
        o.pools,
        tables.classes,
        maps.map((m) => m.year),
        storagePairs,
        o.valuation,
      )
    : { carbon: [], change: [], value: [] };
  const accumulatedChanges = accumulatedChangesTable(
    counts,
    validPixels(counts, pairs.length),
    tables.classes.filter((r) => r.year === maps[0]!.year).reduce((a, r) => a + r.area_ha, 0),
    uniformPixelHa,
  );
  const mining = o.factors ? stockLostToMining(legend, onestep, o.factors) : undefined;

  // Class areas per zone polygon: the first date from the rows of the first pair, then each pair's
  // later date from its columns.
  const zoneClasses = plan.zones
    ? zoneList.flatMap((zone, z) =>
        multistep.flatMap((_, p) => {
          const m = counted.matrix(p, z);
          const n = m.codes.length;
          const rowsFor = (year: number, pick: (i: number) => [number, number]) =>
            m.codes.map((code, i) => {
              const [px, ar] = pick(i);
              const name = legend.classes.find((c) => c.code === code)!.name;
              return { zone, year, code, class: name, pixels: px, area_ha: ar };
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

  return {
    ...tables,
    // The domain's rows type these as string; narrowed here to what they are (same values).
    intensityTransition: tables.intensityTransition.map((r) => ({
      ...r,
      level: r.level === "gain" ? ("gain" as const) : ("loss" as const),
    })),
    components: tables.components.map((r) => ({ ...r, kind: periodKind(r.kind === "multistep") })),
    componentsOverall: tables.componentsOverall.map((r) => ({
      ...r,
      kind: periodKind(r.kind === "multistep"),
    })),
    zonesByPeriod,
    carbon: carbon.carbon,
    carbonChange: carbon.change,
    carbonValue: carbon.value,
    accumulatedChanges,
    stockLostToMining: mining ?? null,
    zoneClasses,
    /** Indices of the legend classes present at any date. */
    present: counted.present,
  };
}

export type AnalysisTables = ReturnType<typeof analysisTables>;
