import { describe, expect, it } from "vitest";
import { priceIn } from "../../src/domain/economics/carbon-price.ts";
import { capitalRecoveryFactor, presentValue } from "../../src/domain/economics/discounting.ts";
import { scenarioEconomics } from "../../src/domain/economics/scenario-economics.ts";
import type { PathwayResult } from "../../src/domain/pathway/project-pathway.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";

describe("discounting", () => {
  it("worked example: 1,000,000 CNY over 10 years at 8% is 149,029.49 CNY a year", () => {
    // CRF = 0.08 × 1.08¹⁰ / (1.08¹⁰ − 1) = 0.149029489…
    expect(1_000_000 * capitalRecoveryFactor(0.08, 10)).toBeCloseTo(149_029.49, 2);
    expect(capitalRecoveryFactor(0, 4)).toBe(0.25);
  });
  it("worked example: 100 a year for 10 years at 5% is worth 772.17 today", () => {
    const flows = new Map(Array.from({ length: 10 }, (_, i) => [2021 + i, 100] as [number, number]));
    expect(presentValue(flows, 0.05, 2020)).toBeCloseTo(772.17, 2);
    // The two agree: the annuity of the present value is the payment.
    expect(presentValue(flows, 0.05, 2020) * capitalRecoveryFactor(0.05, 10)).toBeCloseTo(100, 9);
  });
  it("grows prices from their start year", () => {
    const spec = { start: 100, startYear: 2025, growth: { low: 0, central: 0.1, high: 0.2 } };
    expect(priceIn(spec, 100, "central", 2027)).toBeCloseTo(121, 9);
    expect(priceIn(spec, 100, "high", 2020)).toBe(100);
  });
});

describe("scenario economics", () => {
  /** Hand-made pathway: measure 1 abates 100 t/yr from 2021, offsets 50 t/yr from 2022; net 200 → 100 → 50. */
  const years = [2020, 2021, 2022].map((year) => ({
    year,
    coalOutputT: 1,
    energyTCO2e: 0,
    methaneTCO2e: 0,
    otherTCO2e: 0,
    grossTCO2e: 200,
    sinksTCO2e: 0,
    ccsTCO2e: 0,
    ccsCapturableTCO2: 0,
    offsetsTCO2e: 0,
    netTCO2e: year === 2020 ? 200 : year === 2021 ? 100 : 50,
    withoutMeasuresTCO2e: 200,
    effects: [
      { measure: "1. methane-use from 2021", tCO2e: year >= 2021 ? 100 : 0 },
      { measure: "2. offsets from 2022", tCO2e: year >= 2022 ? 50 : 0 },
    ],
  }));
  const p: PathwayResult = {
    scenario: "hand",
    baseYear: 2020,
    years,
    peakYear: 2020,
    neutralYear: null,
    gapAtEndTCO2e: 50,
    periods: [],
    standGrowth: { k: 0.06, c: 2, source: null },
    reclamation: [],
    assumptions: [],
  };
  const spec = {
    discountRate: 0,
    carbonPrice: { start: 10, startYear: 2020, growth: { low: 0, central: 0, high: 1 } },
    offsetPrice: { start: 20, startYear: 2020, growth: { low: 0, central: 0, high: 0 } },
    carbonTax: "seed000.carbon_tax.50",
  };
  it("levelises each measure's cost per tonne, prices offsets and sorts the curve", () => {
    const e = scenarioEconomics(
      p,
      new Map([[0, { capitalCNY: 1000, operatingCNYPerYr: 500, lifetimeYears: 2 }]]),
      spec,
      factorTable(),
    );
    // (1000 / 2 + 500) CNY/yr ÷ 100 t/yr = 10 CNY/t; offsets at 20 CNY/t.
    expect(e.mac.map((m) => [m.measure, m.costCNYPerTCO2e])).toEqual([
      ["1. methane-use from 2021", 10],
      ["2. offsets from 2022", 20],
    ]);
    expect(e.offsetsLastResort).toEqual({ holds: true, dearerThanOffsets: [] });
    // Spending (r = 0): capital 1000 in 2021, operating 500 in 2021 and 2022, offsets 50 t × 20 in 2022.
    expect(e.netPresentCost.measuresOnlyCNY).toBe(1000 + 500 * 2 + 1000);
    // Central price 10 CNY/t on the net: (200 + 100 + 50) × 10 with measures, 600 × 10 without.
    expect(e.netPresentCost.withCarbonPrice.central).toEqual({
      withMeasuresCNY: 3000 + 3500,
      withoutMeasuresCNY: 6000,
      savingCNY: -500,
    });
    // High case doubles the price each year: 200×10 + 100×20 + 50×40 = 6,000 with measures; 200×(10+20+40) without.
    expect(e.netPresentCost.withCarbonPrice.high.withMeasuresCNY).toBe(3000 + 6000);
    expect(e.netPresentCost.withCarbonPrice.high.withoutMeasuresCNY).toBe(14000);
    expect(e.netPresentCost.withCarbonTax).toMatchObject({
      rateCNYPerTCO2e: 50,
      withMeasuresCNY: 3000 + 350 * 50,
      withoutMeasuresCNY: 600 * 50,
    });
  });
  it("says when offsets are not the last resort", () => {
    const e = scenarioEconomics(
      p,
      new Map([[0, { capitalCNY: 0, operatingCNYPerYr: 3000, lifetimeYears: 1 }]]),
      spec,
      factorTable(),
    );
    expect(e.mac[0]!.measure).toMatch(/offsets/);
    expect(e.offsetsLastResort).toEqual({ holds: false, dearerThanOffsets: ["1. methane-use from 2021"] });
  });
  it("lists a costed measure that abates nothing apart, with no cost per tonne (it was ∞, printed as ∞ and stored as null)", () => {
    const worse: PathwayResult = {
      ...p,
      years: p.years.map((y) => ({
        ...y,
        effects: [{ ...y.effects[0]!, tCO2e: y.year >= 2021 ? -5 : 0 }, y.effects[1]!],
      })),
    };
    const e = scenarioEconomics(
      worse,
      new Map([[0, { capitalCNY: 0, operatingCNYPerYr: 300, lifetimeYears: 1 }]]),
      spec,
      factorTable(),
    );
    expect(e.mac.map((m) => m.measure)).toEqual(["2. offsets from 2022"]);
    expect(e.notAbating).toEqual([
      { measure: "1. methane-use from 2021", abatementTCO2ePerYr: -5, annualCostCNY: 300 },
    ]);
    expect(e.offsetsLastResort).toEqual({ holds: false, dearerThanOffsets: ["1. methane-use from 2021"] });
    expect(JSON.stringify(e)).not.toMatch(/null|Infinity/);
    // Its spending still counts: 300 CNY in 2021 and 2022, offsets 50 t × 20 in 2022.
    expect(e.netPresentCost.measuresOnlyCNY).toBe(600 + 1000);
  });
});
