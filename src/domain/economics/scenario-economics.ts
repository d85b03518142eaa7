import type { FactorTable } from "../factor/factor-table.ts";
import type { PathwayResult } from "../pathway/project-pathway.ts";
import { PRICE_CASES, priceIn, resolvePrice, type PriceCase, type PricePathSpec } from "./carbon-price.ts";
import { capitalRecoveryFactor, presentValue } from "./discounting.ts";

/** What a measure costs: capital spent in its start year, yearly operating cost, and its life. */
export interface MeasureCost {
  readonly capitalCNY: number;
  readonly operatingCNYPerYr: number;
  readonly lifetimeYears: number;
}

export interface EconomicsSpec {
  readonly discountRate: number;
  /** Allowance price (national ETS) paths. */
  readonly carbonPrice: PricePathSpec;
  /** Offset (CCER) price path: what bought offsets cost. */
  readonly offsetPrice: PricePathSpec;
  /** A carbon tax level (CNY/t CO2e), e.g. seed000.carbon_tax.50, charged on positive net emissions. */
  readonly carbonTax?: number | string;
}

/** One bar of the marginal abatement cost curve. */
export interface MacEntry {
  readonly measure: string;
  /** Mean abatement over the measure's years in the horizon, t CO2e/yr. */
  readonly abatementTCO2ePerYr: number;
  /** Levelised: (capital × CRF + operating) ÷ mean abatement, CNY/t CO2e. */
  readonly costCNYPerTCO2e: number;
  /** Cheaper than buying offsets at the central offset price of the measure's first year. */
  readonly cheaperThanOffsets: boolean;
}

/**
 * The economics of a projected scenario: cost per tonne of each measure (levelised with the capital
 * recovery factor) as a marginal abatement cost curve, the net present cost of the measures, and
 * of measures plus paying the carbon price (or tax) on the remaining net emissions, under low,
 * central and high price paths, next to the same for the path without measures; and whether bought
 * offsets are the last resort (seed 002: every own measure cheaper than offsets).
 */
export function scenarioEconomics(
  p: PathwayResult,
  costs: ReadonlyMap<number, MeasureCost>,
  spec: EconomicsSpec,
  table: FactorTable,
) {
  const r = spec.discountRate;
  const carbon = resolvePrice(spec.carbonPrice.start, table, spec.carbonPrice.source);
  const offset = resolvePrice(spec.offsetPrice.start, table, spec.offsetPrice.source);
  const tax = spec.carbonTax === undefined ? undefined : resolvePrice(spec.carbonTax, table);
  const measures = p.years[p.years.length - 1]!.effects.map((e) => e.measure);
  const mac: MacEntry[] = [];
  // Costed measures that abate nothing on average have no cost per tonne (it would be ∞, which is no
  // figure to print or store): they are listed apart, and count as dearer than offsets.
  const notAbating: { measure: string; abatementTCO2ePerYr: number; annualCostCNY: number }[] = [];
  const spending = new Map<number, number>();
  measures.forEach((name, i) => {
    const cost = costs.get(i);
    const active = p.years.filter((y) => (y.effects[i]?.tCO2e ?? 0) !== 0);
    if (!active.length) return;
    const start = active[0]!.year;
    if (!cost && name.includes(" offsets ")) {
      // Bought offsets cost the offset price of each year.
      const mean = active.reduce((s, y) => s + y.effects[i]!.tCO2e, 0) / active.length;
      const price = priceIn(spec.offsetPrice, offset.value, "central", start);
      mac.push({
        measure: name,
        abatementTCO2ePerYr: mean,
        costCNYPerTCO2e: price,
        cheaperThanOffsets: true,
      });
      for (const y of active)
        spending.set(
          y.year,
          (spending.get(y.year) ?? 0) +
            y.effects[i]!.tCO2e * priceIn(spec.offsetPrice, offset.value, "central", y.year),
        );
      return;
    }
    if (!cost) return;
    const mean = active.reduce((s, y) => s + y.effects[i]!.tCO2e, 0) / active.length;
    const annual = cost.capitalCNY * capitalRecoveryFactor(r, cost.lifetimeYears) + cost.operatingCNYPerYr;
    if (mean > 0) {
      const perT = annual / mean;
      mac.push({
        measure: name,
        abatementTCO2ePerYr: mean,
        costCNYPerTCO2e: perT,
        cheaperThanOffsets: perT <= priceIn(spec.offsetPrice, offset.value, "central", start),
      });
    } else notAbating.push({ measure: name, abatementTCO2ePerYr: mean, annualCostCNY: annual });
    // Capital again at the end of each lifetime within the horizon; operating cost every active year.
    for (const y of p.years) {
      if (y.year < start) continue;
      const k = (y.year - start) % cost.lifetimeYears === 0 ? cost.capitalCNY : 0;
      spending.set(y.year, (spending.get(y.year) ?? 0) + k + cost.operatingCNYPerYr);
    }
  });
  mac.sort((a, b) => a.costCNYPerTCO2e - b.costCNYPerTCO2e);
  const npcMeasures = presentValue(spending, r, p.baseYear);
  const carbonCost = (net: (y: PathwayResult["years"][number]) => number, c: PriceCase) =>
    presentValue(
      new Map(p.years.map((y) => [y.year, net(y) * priceIn(spec.carbonPrice, carbon.value, c, y.year)])),
      r,
      p.baseYear,
    );
  const byCase = Object.fromEntries(
    PRICE_CASES.map((c) => {
      const withMeasures = npcMeasures + carbonCost((y) => y.netTCO2e, c);
      const without = carbonCost((y) => y.withoutMeasuresTCO2e, c);
      return [
        c,
        { withMeasuresCNY: withMeasures, withoutMeasuresCNY: without, savingCNY: without - withMeasures },
      ];
    }),
  ) as Record<PriceCase, { withMeasuresCNY: number; withoutMeasuresCNY: number; savingCNY: number }>;
  const taxed = tax
    ? {
        rateCNYPerTCO2e: tax.value,
        source: tax.source,
        withMeasuresCNY:
          npcMeasures +
          presentValue(
            new Map(p.years.map((y) => [y.year, Math.max(0, y.netTCO2e) * tax.value])),
            r,
            p.baseYear,
          ),
        withoutMeasuresCNY: presentValue(
          new Map(p.years.map((y) => [y.year, Math.max(0, y.withoutMeasuresTCO2e) * tax.value])),
          r,
          p.baseYear,
        ),
      }
    : null;
  const own = mac.filter((m) => !m.measure.includes(" offsets "));
  return {
    scenario: p.scenario,
    discountRate: r,
    prices: {
      carbon: { startCNYPerTCO2e: carbon.value, source: carbon.source, path: spec.carbonPrice },
      offset: { startCNYPerTCO2e: offset.value, source: offset.source, path: spec.offsetPrice },
    },
    mac,
    notAbating,
    netPresentCost: { measuresOnlyCNY: npcMeasures, withCarbonPrice: byCase, withCarbonTax: taxed },
    offsetsLastResort: {
      holds: own.length > 0 && own.every((m) => m.cheaperThanOffsets) && notAbating.length === 0,
      dearerThanOffsets: [
        ...own.filter((m) => !m.cheaperThanOffsets).map((m) => m.measure),
        ...notAbating.map((m) => m.measure),
      ],
    },
  };
}

export type ScenarioEconomics = ReturnType<typeof scenarioEconomics>;
