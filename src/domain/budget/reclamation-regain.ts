import type { Hectares } from "../../units/area.ts";
import { carbonFluxToCO2e, tCPerYr } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { CARBON_POOLS, type CarbonPool, type DensitySet } from "./density-sets.ts";
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
  /** Where the curve comes from; without it the output calls the curve an assumption. */
  readonly curveSource?: string;
  /**
   * Per pool, the share (0–1) of the density difference regained in full (default 1) and its own
   * curve (default `curve`): reclaimed mine soils need not regain the pre-mining soil carbon, nor at
   * the pace of the vegetation.
   */
  readonly pools?: Partial<
    Record<CarbonPool, { readonly share?: number; readonly curve?: RegainCurve; readonly source?: string }>
  >;
}

/** One year of the regain: carbon regained in that year (a flux) and up to the end of it (a stock). */
export interface RegainYear {
  readonly year: number;
  readonly regainTCPerYr: number;
  readonly cumulativeRegainTC: number;
}

/** How one pool of a reclamation is regained. */
export interface PoolRegain {
  readonly pool: CarbonPool;
  /** density(to) − density(from) of the pool, t C/ha. */
  readonly differenceTCPerHa: number;
  /** The share of it regained in full. */
  readonly share: number;
  readonly curve: string;
  /** Where the share and curve come from, or "assumption (…)". */
  readonly source: string;
}

/** The regain of one reclamation, year by year. */
export interface ReclamationRegain {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly areaHa: number;
  readonly startYear: number;
  readonly curve: string;
  readonly pools: readonly PoolRegain[];
  /** area × Σ_pools share × (density(to) − density(from)): the regain once every curve reaches 1, t C. */
  readonly fullRegainTC: number;
  readonly years: readonly RegainYear[];
  /** What this regain assumes, each in words (curves without a source, a full pre-mining soil regain …). */
  readonly assumptions: readonly string[];
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
  /** Every reclamation's assumptions, labelled, for the report's warnings. */
  readonly assumptions: readonly string[];
}

/**
 * What is known about soil carbon on reclaimed mine land, said wherever a regain assumes the whole
 * pre-mining soil carbon comes back: on the Loess Plateau, reclaimed mine soils still held less soil
 * organic carbon than undisturbed soils 10–13 years after reclamation (Zhang P.P. et al. 2020, PeerJ
 * 8:e8563), and IPCC's default period for soil carbon to reach a new level is 20 years (IPCC 2006
 * Vol. 4 Ch. 2 Eq. 2.25).
 */
export const RECLAIMED_SOIL_EVIDENCE =
  "reclaimed mine soils on the Loess Plateau still held less soil organic carbon than undisturbed soils 10–13 years after reclamation (Zhang P.P. et al. 2020, PeerJ 8:e8563); IPCC's default period for soil carbon to reach a new level is 20 years (IPCC 2006 Vol. 4 Ch. 2 Eq. 2.25)";

const ASSUMED = "assumption (no source given)";

/**
 * Carbon regained on reclaimed land, year by year up to `toYear`: per pool, share × area ×
 * (density_to − density_from) is reached along the pool's curve (the reclamation's curve unless the
 * pool has its own); the yearly flux of year y is share(y − start + 1) − share(y − start) of it (the
 * first year of reclamation is year 1). The result says what it assumes: a curve without a source,
 * and a soil pool regained in full (the whole pre-mining soil carbon).
 */
export function reclamationRegain(
  reclamations: readonly Reclamation[],
  set: DensitySet,
  table: FactorTable,
  toYear: number,
): RegainTrajectory {
  const items = reclamations.map((r): ReclamationRegain => {
    const pools: (PoolRegain & { full: number; regainCurve: RegainCurve })[] = CARBON_POOLS.map((pool) => {
      const own = r.pools?.[pool];
      const difference =
        classDensityTCPerHa(set, table, r.to, pool) - classDensityTCPerHa(set, table, r.from, pool);
      const share = own?.share ?? 1;
      const regainCurve = own?.curve ?? r.curve;
      return {
        pool,
        differenceTCPerHa: difference,
        share,
        curve: describeRegainCurve(regainCurve),
        source: own?.source ?? (own?.curve ? ASSUMED : (r.curveSource ?? ASSUMED)),
        full: difference * share * r.area,
        regainCurve,
      };
    });
    const years: RegainYear[] = [];
    for (let y = r.startYear; y <= toYear; y++) {
      const t = y - r.startYear;
      let flux = 0;
      let cumulative = 0;
      for (const p of pools) {
        const before = regainShare(p.regainCurve, t);
        const after = regainShare(p.regainCurve, t + 1);
        flux += p.full * (after - before);
        cumulative += p.full * after;
      }
      years.push({ year: y, regainTCPerYr: flux, cumulativeRegainTC: cumulative });
    }
    const assumptions: string[] = [];
    if (pools.some((p) => p.source === ASSUMED && p.differenceTCPerHa !== 0))
      assumptions.push(
        `${r.label}: the regain curve (${pools
          .filter((p) => p.source === ASSUMED)
          .map((p) => `${p.pool}: ${p.curve}`)
          .join("; ")}) is an assumption: no source is given for it`,
      );
    const soil = pools.find((p) => p.pool === "soil");
    if (soil && soil.differenceTCPerHa > 0 && soil.share === 1)
      assumptions.push(
        `${r.label}: the reclaimed soil regains the whole soil-carbon difference between ${r.from} and ${r.to} (${round(soil.differenceTCPerHa)} t C/ha, ${soil.curve}), i.e. the pre-mining soil carbon where ${r.from} holds none — an upper bound: ${RECLAIMED_SOIL_EVIDENCE}`,
      );
    return {
      label: r.label,
      from: r.from,
      to: r.to,
      areaHa: r.area,
      startYear: r.startYear,
      curve: describeRegainCurve(r.curve),
      pools: pools.map(({ pool, differenceTCPerHa, share, curve, source }) => ({
        pool,
        differenceTCPerHa,
        share,
        curve,
        source,
      })),
      fullRegainTC: pools.reduce((a, p) => a + p.full, 0),
      years,
      assumptions,
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
      regainTCO2ePerYr: carbonFluxToCO2e(tCPerYr(flux)),
      cumulativeRegainTC: cumulative,
    });
  }
  return { reclamations: items, years, assumptions: items.flatMap((i) => i.assumptions) };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
