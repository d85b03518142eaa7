import type { FactorTable } from "../factor/factor-table.ts";
import { assertFiniteResult } from "../validation/finite-result.ts";
import type { FactorOverride, FactorUse } from "../factor/factor.ts";
import { SINK_READING_TEXT, WOODY_MEAN_INCREMENT_NOTE, type SinkReading } from "./ecosystems.ts";
import { GWP_SETS, type GwpSetId } from "./gwp-sets.ts";
import type { UncertaintyAnalysis } from "../factor/uncertainty/uncertainty-analysis.ts";
import type { UncertainInput } from "../factor/uncertainty/uncertain-input.ts";
import { DRAW_BOUNDS } from "../common/input-bounds.ts";
import { InputError } from "../validation/input-issue.ts";
import { INVENTORY_DRAWS_RULE, type InventoryInput } from "./inventory-spec.ts";
import {
  DEFAULT_INVENTORY_DRAWS,
  DEFAULT_INVENTORY_SEED,
  InventoryModel,
  inventoryUncertainty,
} from "./inventory-uncertainty.ts";
import { yearInventory, type YearInventory } from "./year-inventory.ts";

/** A mine's inventory over its years and the neutrality balance of seed 002 Eq. 1 over them. */
export interface MineInventory {
  readonly mine: string;
  readonly location?: string;
  readonly gwp: {
    readonly set: GwpSetId;
    readonly report: string;
    readonly ch4: number;
    readonly factorId: string;
    /** GWP of N2O in the same set (for the N2O of fuel combustion). */
    readonly n2o: number;
    readonly n2oFactorId: string;
  };
  readonly sinkReading: { readonly id: SinkReading; readonly meaning: string };
  readonly combustionMethod: string;
  readonly assumptions: readonly string[];
  readonly years: readonly YearInventory[];
  /** Eq. 1: Σ over the listed years of (C_above + C_under − C_min) + C_S − C_c, t CO2e. */
  readonly balance: {
    readonly years: readonly number[];
    readonly grossEmissionTCO2e: number;
    readonly sinkAndCcsTCO2e: number;
    readonly offsetsSoldTCO2e: number;
    readonly offsetsBoughtTCO2e: number;
    readonly totalTCO2e: number;
    readonly neutral: boolean;
    readonly gapTCO2e: number;
  };
  /**
   * IPCC 2006 Vol. 1 Ch. 3 Approach 1 and Approach 2 for each source category, the gross emissions,
   * sinks and balance (of each year, and of all years together); null when not asked for.
   */
  readonly uncertainty: UncertaintyAnalysis | null;
  readonly factors: {
    readonly libraryVersion: string;
    readonly used: readonly FactorUse[];
    readonly overrides: readonly FactorOverride[];
  };
  readonly warnings: readonly string[];
}

/** Whether and how to compute the uncertainty: false for none (a pathway's many inventories). */
export interface InventoryOptions {
  readonly uncertainty?: false | { readonly draws?: number; readonly seed?: number };
}

/**
 * Computes a mine inventory (seed 002 Eq. 1–12) for every year of the input and the balance of
 * Eq. 1 over them (the integral read as a sum over the listed years), with the GWP set and sink
 * reading stated in the result and every factor it used.
 */
export function mineInventory(
  input: InventoryInput,
  table: FactorTable,
  source: string,
  o: InventoryOptions = {},
): MineInventory {
  const withUncertainty = o.uncertainty !== false;
  const gwpSet = input.gwp as GwpSetId;
  const gwpId = GWP_SETS[gwpSet].ch4;
  const gwpCH4 = table.value(gwpId, "t CO2e/t CH4").value;
  const gwpN2OId = GWP_SETS[gwpSet].n2o;
  const gwpN2O = table.value(gwpN2OId, "t CO2e/t N2O").value;
  const models: InventoryModel[] = [];
  const years = [...input.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      const at = `years[${input.years.indexOf(y)}]`;
      const model = withUncertainty ? new InventoryModel(table, y.year, (p) => `${at}.${p}`) : undefined;
      if (model) models.push(model);
      return yearInventory(
        y,
        {
          gwpCH4,
          gwpFactorId: gwpId,
          gwpN2O,
          gwpN2OFactorId: gwpN2OId,
          combustionMethod: input.combustionMethod,
          sinkReading: input.sinkReading,
        },
        table,
        `${source}, year ${y.year}`,
        at,
        model,
      );
    });
  const sum = (f: (y: YearInventory) => number) => years.reduce((s, y) => s + f(y), 0);
  const total = sum((y) => y.totals.balanceTCO2ePerYr);
  const warnings = [...table.unverifiedWarnings()];
  if (input.sinkReading === "seed002-density-as-annual") {
    warnings.push(
      "sinks use seed 002's reading: every carbon density is counted as a yearly sink, i.e. each stock turned into a yearly flux over one year; use --sink-reading ipcc-tier1 (IPCC 2006 Tier 1) or annual-increment for stocks read as stocks",
    );
  }
  for (const y of years) for (const w of y.warnings) warnings.push(years.length > 1 ? `${y.year}: ${w}` : w);
  // What the woody stands' yearly sink is under the default reading, and what it is not.
  if (input.sinkReading === "ipcc-tier1" && years.some((y) => y.sinks.some((s) => s.woody)))
    warnings.push(WOODY_MEAN_INCREMENT_NOTE);
  const uncertainty = withUncertainty
    ? inventoryUncertainty(
        years.map((y, i) => ({
          figures: {
            year: y.year,
            categories: byCategory(y),
            gross: y.totals.grossEmissionTCO2ePerYr,
            sinks: y.totals.sinkTCO2ePerYr,
            ccs: y.totals.ccsTCO2ePerYr,
            offsetsNet: y.totals.offsetsSoldTCO2e - y.totals.offsetsBoughtTCO2e,
            balance: y.totals.balanceTCO2ePerYr,
          },
          model: models[i]!.build(),
        })),
        drawOptions(input, o, source),
      )
    : null;
  if (uncertainty) warnings.push(...uncertainty.warnings);
  const listed = years.map((y) => y.year);
  const gaps = listed.slice(1).filter((y, i) => y !== listed[i]! + 1);
  if (gaps.length) {
    warnings.push(
      `the years are not consecutive (${listed.join(", ")}): the balance sums the listed years only`,
    );
  }
  return assertFiniteResult<MineInventory>(
    {
      mine: input.mine,
      ...(input.location ? { location: input.location } : {}),
      gwp: {
        set: gwpSet,
        report: GWP_SETS[gwpSet].report,
        ch4: gwpCH4,
        factorId: gwpId,
        n2o: gwpN2O,
        n2oFactorId: gwpN2OId,
      },
      sinkReading: { id: input.sinkReading, meaning: SINK_READING_TEXT[input.sinkReading] },
      combustionMethod: input.combustionMethod,
      assumptions: input.assumptions,
      years,
      balance: {
        years: listed,
        grossEmissionTCO2e: sum((y) => y.totals.grossEmissionTCO2ePerYr),
        sinkAndCcsTCO2e: sum((y) => y.totals.sinkTCO2ePerYr + y.totals.ccsTCO2ePerYr),
        offsetsSoldTCO2e: sum((y) => y.totals.offsetsSoldTCO2e),
        offsetsBoughtTCO2e: sum((y) => y.totals.offsetsBoughtTCO2e),
        totalTCO2e: total,
        neutral: total <= 0,
        gapTCO2e: Math.max(total, 0),
      },
      uncertainty,
      factors: { libraryVersion: table.libraryVersion, used: table.used(), overrides: table.usedOverrides() },
      warnings,
    },
    source,
    "check the largest amounts, areas and --factors values",
  );
}

/** Sum of each source category's lines of a year. */
function byCategory(y: YearInventory): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of y.sources) m.set(s.component, (m.get(s.component) ?? 0) + s.tCO2ePerYr);
  return m;
}

/**
 * The draws and seed: the caller's (--draws, --seed), else the file's, else 10,000 draws a year up to
 * DRAW_BOUNDS in all; draws × years beyond the bound is bad input.
 */
function drawOptions(
  input: InventoryInput,
  o: InventoryOptions,
  source: string,
): { draws: number; seed: number } {
  const given = o.uncertainty ? o.uncertainty : {};
  const n = input.years.length;
  const draws =
    given.draws ??
    input.uncertainty?.draws ??
    Math.min(DEFAULT_INVENTORY_DRAWS, Math.floor(DRAW_BOUNDS.budget / n));
  if (draws * n > DRAW_BOUNDS.budget)
    throw new InputError(source, [
      {
        path: "--draws",
        message: `${INVENTORY_DRAWS_RULE}: at most ${Math.floor(DRAW_BOUNDS.budget / n).toLocaleString("en-US")} for ${n} years; got ${draws}`,
      },
    ]);
  return { draws, seed: given.seed ?? input.uncertainty?.seed ?? DEFAULT_INVENTORY_SEED };
}

/**
 * The uncertain inputs of one year of an inventory — its activity data (keyed by their path within
 * the year, e.g. `activity:energy[0].amount`) and the factors it uses — with the intervals the
 * inventory's uncertainty uses: for drawing the same inputs elsewhere (a pathway's bands).
 */
export function yearUncertainInputs(
  input: InventoryInput,
  year: InventoryInput["years"][number],
  table: FactorTable,
): UncertainInput[] {
  const gwpSet = input.gwp as GwpSetId;
  const model = new InventoryModel(table, year.year, (p) => p);
  yearInventory(
    year,
    {
      gwpCH4: table.value(GWP_SETS[gwpSet].ch4, "t CO2e/t CH4").value,
      gwpFactorId: GWP_SETS[gwpSet].ch4,
      gwpN2O: table.value(GWP_SETS[gwpSet].n2o, "t CO2e/t N2O").value,
      gwpN2OFactorId: GWP_SETS[gwpSet].n2o,
      combustionMethod: input.combustionMethod,
      sinkReading: input.sinkReading,
    },
    table,
    `year ${year.year}`,
    "",
    model,
  );
  return [...model.build().inputs.values()];
}
