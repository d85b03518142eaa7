import type { FactorTable } from "../factor/factor-table.ts";
import { assertFiniteResult } from "../validation/finite-result.ts";
import type { FactorOverride, FactorUse } from "../factor/factor.ts";
import { SINK_READING_TEXT, type SinkReading } from "./ecosystems.ts";
import { GWP_SETS, type GwpSetId } from "./gwp-sets.ts";
import type { InventoryInput } from "./inventory-spec.ts";
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
  readonly factors: {
    readonly libraryVersion: string;
    readonly used: readonly FactorUse[];
    readonly overrides: readonly FactorOverride[];
  };
  readonly warnings: readonly string[];
}

/**
 * Computes a mine inventory (seed 002 Eq. 1–12) for every year of the input and the balance of
 * Eq. 1 over them (the integral read as a sum over the listed years), with the GWP set and sink
 * reading stated in the result and every factor it used.
 */
export function mineInventory(input: InventoryInput, table: FactorTable, source: string): MineInventory {
  const gwpSet = input.gwp as GwpSetId;
  const gwpId = GWP_SETS[gwpSet].ch4;
  const gwpCH4 = table.value(gwpId, "t CO2e/t CH4").value;
  const gwpN2OId = GWP_SETS[gwpSet].n2o;
  const gwpN2O = table.value(gwpN2OId, "t CO2e/t N2O").value;
  const years = [...input.years]
    .sort((a, b) => a.year - b.year)
    .map((y) =>
      yearInventory(
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
        `years[${input.years.indexOf(y)}]`,
      ),
    );
  const sum = (f: (y: YearInventory) => number) => years.reduce((s, y) => s + f(y), 0);
  const total = sum((y) => y.totals.balanceTCO2ePerYr);
  const warnings = [...table.unverifiedWarnings()];
  if (input.sinkReading === "seed002-density-as-annual") {
    warnings.push(
      "sinks use seed 002's reading: every carbon density is counted as a yearly sink, i.e. each stock turned into a yearly flux over one year; use --sink-reading ipcc-tier1 (IPCC 2006 Tier 1) or annual-increment for stocks read as stocks",
    );
  }
  for (const y of years) for (const w of y.warnings) warnings.push(years.length > 1 ? `${y.year}: ${w}` : w);
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
      factors: { libraryVersion: table.libraryVersion, used: table.used(), overrides: table.usedOverrides() },
      warnings,
    },
    source,
    "check the largest amounts, areas and --factors values",
  );
}
