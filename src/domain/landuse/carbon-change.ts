import { carbonToCO2e, tC } from "../../units/carbon.ts";
import { POOL_NAMES, type PoolName } from "./carbon-pools.ts";

/** Carbon stock (t C) of one date, per InVEST pool and in total. */
export type StockByPool = Readonly<Record<PoolName | "total", number>>;

/** A pair of dates whose storage change is reported: consecutive (multistep) or first → last (onestep). */
export interface StoragePair {
  readonly kind: "multistep" | "onestep";
  readonly fromYear: number;
  readonly toYear: number;
}

/** The storage change of one pool (or the total) between two dates (a type, so it is a plain record row). */
export type StorageChangeRow = {
  readonly kind: "multistep" | "onestep";
  readonly from_year: number;
  readonly to_year: number;
  readonly years: number;
  readonly pool: PoolName | "total";
  /** Stock at the first date, t C. */
  readonly start_tC: number;
  /** Stock at the second date, t C. */
  readonly end_tC: number;
  /** end − start, t C: + stored (sequestered), − lost (emitted). */
  readonly change_tC: number;
  /** The same change as CO2, t CO2e (× 44/12): + removed from the atmosphere, − emitted. */
  readonly change_tCO2e: number;
  /** The change spread evenly over the interval, t C/yr (IPCC's annual stock change, ΔC/T). */
  readonly change_tC_per_yr: number;
};

/**
 * The change in carbon storage per pool and in total between pairs of dates, as InVEST's carbon model
 * reports it ("change in carbon storage" = alternate − baseline stock; Sharp et al., InVEST User's
 * Guide, Carbon Storage and Sequestration), with the CO2 equivalent and the yearly mean (t C/yr,
 * IPCC 2006 Vol. 4 Eq. 2.5's stock-difference method, ΔC = (C_t2 − C_t1)/(t2 − t1)).
 * Stocks are t C; a stock density times an area, never a yearly flux.
 */
export function storageChange(
  stocks: ReadonlyMap<number, StockByPool>,
  pairs: readonly StoragePair[],
): StorageChangeRow[] {
  return pairs.flatMap((p) => {
    const a = stocks.get(p.fromYear);
    const b = stocks.get(p.toYear);
    if (!a || !b) throw new Error(`internal: no carbon stock for ${!a ? p.fromYear : p.toYear}`);
    const years = p.toYear - p.fromYear;
    if (!(years > 0)) throw new Error(`internal: ${p.fromYear} → ${p.toYear} is not forward in time`);
    return [...POOL_NAMES, "total" as const].map((pool) => {
      const change = b[pool] - a[pool];
      return {
        kind: p.kind,
        from_year: p.fromYear,
        to_year: p.toYear,
        years,
        pool,
        start_tC: a[pool],
        end_tC: b[pool],
        change_tC: change,
        change_tCO2e: carbonToCO2e(tC(change)),
        change_tC_per_yr: change / years,
      };
    });
  });
}
