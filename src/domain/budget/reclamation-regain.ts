import type { Hectares } from "../../units/area.ts";
import { CO2_PER_C } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { CARBON_POOLS, type DensitySet } from "./density-sets.ts";
import { describeRegainCurve, regainShare, type RegainCurve } from "./regain-curve.ts";
import { classDensityTCPerHa } from "./stock-change.ts";

/** Land reclaimed from one class to another, starting in a given year, regaining carbon along a curve. */
export interface Reclamation {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly area: Hectares;
  readonly startYear: number;
  readonly curve: RegainCurve;
}

/** One year of the regain: carbon regained in that year (a flux) and up to the end of it (a stock). */
export interface RegainYear {
  readonly year: number;
  readonly regainTCPerYr: number;
  readonly cumulativeRegainTC: number;
}

/** The regain of one reclamation, year by year. */
export interface ReclamationRegain {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly areaHa: number;
  readonly startYear: number;
  readonly curve: string;
  /** area × (density(to) − density(from)) summed over pools: the regain once the curve reaches 1, t C. */
  readonly fullRegainTC: number;
  readonly years: readonly RegainYear[];
}

/** Regain of all reclamations and their yearly sum, t C/yr and t CO2e/yr. */
export interface RegainTrajectory {
  readonly reclamations: readonly ReclamationRegain[];
  readonly years: readonly {
    year: number;
    regainTCPerYr: number;
    regainTCO2ePerYr: number;
    cumulativeRegainTC: number;
  }[];
}

/**
 * Carbon regained on reclaimed land, year by year up to `toYear`: the full regain
 * area × (density_to − density_from) is reached along the reclamation's curve; the yearly flux of
 * year y is share(y − start + 1) − share(y − start) of it (the first year of reclamation is year 1).
 */
export function reclamationRegain(
  reclamations: readonly Reclamation[],
  set: DensitySet,
  table: FactorTable,
  toYear: number,
): RegainTrajectory {
  const items = reclamations.map((r): ReclamationRegain => {
    let gainPerHa = 0;
    for (const pool of CARBON_POOLS) {
      gainPerHa +=
        classDensityTCPerHa(set, table, r.to, pool) - classDensityTCPerHa(set, table, r.from, pool);
    }
    const full = gainPerHa * r.area;
    const years: RegainYear[] = [];
    for (let y = r.startYear; y <= toYear; y++) {
      const t = y - r.startYear;
      const before = regainShare(r.curve, t);
      const after = regainShare(r.curve, t + 1);
      years.push({ year: y, regainTCPerYr: full * (after - before), cumulativeRegainTC: full * after });
    }
    return {
      label: r.label,
      from: r.from,
      to: r.to,
      areaHa: r.area,
      startYear: r.startYear,
      curve: describeRegainCurve(r.curve),
      fullRegainTC: full,
      years,
    };
  });
  const first = Math.min(...reclamations.map((r) => r.startYear));
  const years = [];
  for (let y = first; Number.isFinite(first) && y <= toYear; y++) {
    let flux = 0;
    let cumulative = 0;
    for (const item of items) {
      const row = item.years.find((r) => r.year === y);
      if (row) {
        flux += row.regainTCPerYr;
        cumulative += row.cumulativeRegainTC;
      }
    }
    years.push({
      year: y,
      regainTCPerYr: flux,
      regainTCO2ePerYr: flux * CO2_PER_C,
      cumulativeRegainTC: cumulative,
    });
  }
  return { reclamations: items, years };
}
