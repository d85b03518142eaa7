import type { Hectares } from "../../units/area.ts";
import { carbonToCO2e, tC } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { LifeCycleStage } from "../common/life-cycle-stage.ts";
import { groupBy } from "../common/group-by.ts";
import { CARBON_POOLS, type CarbonPool, type DensitySet } from "./density-sets.ts";

/** Area converted from one class to another over a period. */
export interface Conversion {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly area: Hectares;
  readonly stage?: LifeCycleStage;
  readonly zone?: string;
}

/** The one-time stock change of one conversion, per pool and in total (t C; positive = carbon lost). */
export interface ConversionStockChange {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly areaHa: number;
  readonly stage?: LifeCycleStage;
  readonly zone?: string;
  /** density(from) − density(to) per pool, t C/ha. */
  readonly densityDropTCPerHa: Readonly<Record<CarbonPool, number>>;
  readonly lossTC: Readonly<Record<CarbonPool, number>>;
  readonly totalLossTC: number;
  readonly totalLossTCO2e: number;
}

/** Stock change over all conversions with totals per pool, per stage and per zone. */
export interface StockChange {
  readonly densitySet: string;
  readonly conversions: readonly ConversionStockChange[];
  readonly totalLossTC: number;
  readonly totalLossTCO2e: number;
  readonly lossByPoolTC: Readonly<Record<CarbonPool, number>>;
  readonly byStage: readonly { group: string; lossTC: number }[];
  readonly byZone: readonly { group: string; lossTC: number }[];
}

/** Density of one class in one pool (t C/ha) from a density set, recording the factor used. */
export function classDensityTCPerHa(
  set: DensitySet,
  table: FactorTable,
  cls: string,
  pool: CarbonPool,
): number {
  const entry = set.classes[cls];
  if (!entry) throw new Error(`internal: class ${cls} is not in density set ${set.id}`);
  const ref = entry[pool];
  return ref === 0 ? 0 : table.value(ref, "t C/ha").value;
}

/**
 * One-time carbon stock change of land-use conversions: for each conversion from class i to class j,
 * area × (density_i − density_j) per pool (soil, vegetation), in t C; positive is carbon lost
 * (seed 001 §3.2; IPCC 2006 Vol. 4 Eq. 2.16 without the division by a transition period).
 */
export function stockChange(
  conversions: readonly Conversion[],
  set: DensitySet,
  table: FactorTable,
): StockChange {
  const lines = conversions.map((c): ConversionStockChange => {
    const drop = {} as Record<CarbonPool, number>;
    const loss = {} as Record<CarbonPool, number>;
    let total = 0;
    for (const pool of CARBON_POOLS) {
      drop[pool] =
        classDensityTCPerHa(set, table, c.from, pool) - classDensityTCPerHa(set, table, c.to, pool);
      loss[pool] = c.area * drop[pool];
      total += loss[pool];
    }
    return {
      label: c.label,
      from: c.from,
      to: c.to,
      areaHa: c.area,
      ...(c.stage ? { stage: c.stage } : {}),
      ...(c.zone ? { zone: c.zone } : {}),
      densityDropTCPerHa: drop,
      lossTC: loss,
      totalLossTC: total,
      totalLossTCO2e: carbonToCO2e(tC(total)),
    };
  });
  const lossByPool = Object.fromEntries(
    CARBON_POOLS.map((p) => [p, lines.reduce((s, l) => s + l.lossTC[p], 0)]),
  ) as Record<CarbonPool, number>;
  const totalLossTC = lines.reduce((s, l) => s + l.totalLossTC, 0);
  const sumBy = (key: (l: ConversionStockChange) => string | undefined) =>
    [...groupBy(lines, key)].map(([group, ls]) => ({
      group,
      lossTC: ls.reduce((s, l) => s + l.totalLossTC, 0),
    }));
  return {
    densitySet: set.id,
    conversions: lines,
    totalLossTC,
    totalLossTCO2e: carbonToCO2e(tC(totalLossTC)),
    lossByPoolTC: lossByPool,
    byStage: sumBy((l) => l.stage),
    byZone: sumBy((l) => l.zone),
  };
}
