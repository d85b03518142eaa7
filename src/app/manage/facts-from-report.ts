import { z } from "zod";
import type { MineYearFacts } from "../../domain/manage/evaluation.ts";
import type { ReportFigures } from "../../domain/manage/plausibility.ts";
import { ha, tCO2ePerYr, tonnes, type Hectares } from "../../units/index.ts";
import { parseInventoryInput } from "../../domain/mine/inventory-spec.ts";
import { mineInventory, type MineInventory } from "../../domain/mine/mine-inventory.ts";
import { factorTable } from "../../factors/load-factor-library.ts";

/**
 * A mine-year's facts (evaluation.ts MineYearFacts) from its annual report's content, as
 * docs/performance-evaluation.md says each is computed:
 * - emissions and coal output: the report's `inventory` (a mine-inventory document, computed with
 *   the inventory model exactly as `POST /api/areas/{id}/inventories` computes it): the year's gross
 *   emissions (C_above + C_under, before sinks, CCS and offsets: a cap is on what the mine emits)
 *   and coal output; energy (tce) for the plausibility checks;
 * - methane utilisation: drained methane used / (used + flared), from the inventory's methane
 *   balance (the input records no vented drainage gas, so this is the share of the recovered gas
 *   put to use); null when the mine records none;
 * - reclaimed land: Σ of `reclamation[].areaReclaimedHa` of this and every earlier approved report
 *   (cumulative); disturbed land: reclaimed + the land still industrial and mining land
 *   (the inventory's `miningLandHa`, else the plots' observed mining land);
 * - role areas: the mine's plots as the land-use map of the year sees them (plots.observed whose
 *   later map is of this year), with the inventory's mining land when no plot was observed then;
 * - investments: Σ `measures[].investmentCny` and Σ `reclamation[].investmentCny`.
 * The content is read leniently for what it needs (the annual report's own schema checks it when
 * submitted); anything unreadable is a ReportFactsProblem, never a guessed zero.
 */

const money = z.number().finite().min(0);
const CONTENT = z.looseObject({
  inventory: z.unknown().optional(),
  reclamation: z
    .array(
      z.looseObject({
        areaReclaimedHa: z.number().finite().min(0).optional(),
        investmentCny: money.optional(),
      }),
    )
    .optional()
    .default([]),
  measures: z
    .array(z.looseObject({ investmentCny: money.optional() }))
    .optional()
    .default([]),
});

const OBSERVED = z.looseObject({
  toYear: z.number().int(),
  roleAreaHa: z.record(z.string(), z.number().finite()),
});

export class ReportFactsProblem extends Error {}

/** What one report says of its own year (not cumulative). */
export interface ReportYearFigures extends ReportFigures {
  readonly miningLandHa: number | null;
  readonly methaneUtilisation: number | null;
  readonly reclaimedInYearHa: number;
  readonly measureInvestmentCny: number;
  readonly reclamationInvestmentCny: number;
}

/** The year's figures of a report's content; a ReportFactsProblem names what could not be read. */
export function reportYearFigures(content: unknown, year: number): ReportYearFigures {
  const c = CONTENT.safeParse(content);
  if (!c.success)
    throw new ReportFactsProblem(
      `the report's content cannot be read: ${c.error.issues.map((i) => `${i.path.join(".") || "content"} ${i.message}`).join("; ")}`,
    );
  if (c.data.inventory === undefined || c.data.inventory === null)
    throw new ReportFactsProblem("the report has no inventory");
  // The inventory model as POST /api/areas/{id}/inventories runs it (parseInventoryInput, then
  // mineInventory), without the uncertainty analysis: the facts need the central values only, and
  // its draws would cost most of a supervision run's time.
  let result: MineInventory;
  try {
    const table = factorTable();
    const input = parseInventoryInput(c.data.inventory, "inventory", table);
    result = mineInventory(input, table.fresh(), "inventory", { uncertainty: false });
  } catch (e) {
    throw new ReportFactsProblem(`the report's inventory cannot be computed: ${(e as Error).message}`);
  }
  const inv =
    result.years.find((x) => x.year === year) ?? (result.years.length === 1 ? result.years[0] : undefined);
  if (!inv) throw new ReportFactsProblem(`the report's inventory has no year ${year}`);
  const m = inv.methane;
  const recovered = m.utilisedTCH4 + m.flaredTCH4;
  return {
    year,
    emissionsTCO2ePerYr: inv.totals.grossEmissionTCO2ePerYr,
    coalOutputT: inv.coalOutputT,
    energyTce: inv.totals.energyTce,
    miningLandHa: inv.miningLandHa ?? null,
    methaneUtilisation: recovered > 0 ? m.utilisedTCH4 / recovered : null,
    reclaimedInYearHa: c.data.reclamation.reduce((s, r) => s + (r.areaReclaimedHa ?? 0), 0),
    measureInvestmentCny: c.data.measures.reduce((s, r) => s + (r.investmentCny ?? 0), 0),
    reclamationInvestmentCny: c.data.reclamation.reduce((s, r) => s + (r.investmentCny ?? 0), 0),
  };
}

/** The role areas the plots' observed land use gives for `year` (plots observed on a map of that year). */
export function observedRoleAreas(observed: readonly unknown[], year: number): Record<string, number> | null {
  const seen = observed.flatMap((o) => {
    const r = OBSERVED.safeParse(o);
    return r.success && r.data.toYear === year ? [r.data.roleAreaHa] : [];
  });
  if (seen.length === 0) return null;
  const out: Record<string, number> = {};
  for (const areas of seen) for (const [role, ha] of Object.entries(areas)) out[role] = (out[role] ?? 0) + ha;
  return out;
}

/**
 * The facts of each year of a mine from its approved reports' figures (any order), with the land
 * its plots' maps show. Reclaimed land accumulates over the years reported.
 */
export function mineYearFacts(
  figures: readonly ReportYearFigures[],
  plotsObserved: readonly unknown[] = [],
): MineYearFacts[] {
  let reclaimed = 0;
  return [...figures]
    .sort((a, b) => a.year - b.year)
    .map((f) => {
      reclaimed += f.reclaimedInYearHa;
      const observed = observedRoleAreas(plotsObserved, f.year);
      const areas = observed ?? (f.miningLandHa !== null ? { mining: f.miningLandHa } : {});
      const miningHa = f.miningLandHa ?? areas.mining ?? 0;
      const roleAreaHa: Record<string, Hectares> = Object.fromEntries(
        Object.entries(areas).map(([r, a]) => [r, ha(a)]),
      );
      return {
        year: f.year,
        emissionsTCO2ePerYr: tCO2ePerYr(f.emissionsTCO2ePerYr),
        coalOutputT: tonnes(f.coalOutputT),
        reclaimedHa: ha(reclaimed),
        disturbedHa: ha(reclaimed + miningHa),
        roleAreaHa,
        methaneUtilisation: f.methaneUtilisation,
        measureInvestmentCny: f.measureInvestmentCny,
        reclamationInvestmentCny: f.reclamationInvestmentCny,
      };
    });
}
