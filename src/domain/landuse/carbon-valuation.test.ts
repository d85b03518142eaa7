import { describe, expect, it } from "vitest";
import { storageChangeValue, valuationInput, type ValuationSpec } from "./carbon-valuation.ts";

const spec = (o: Partial<ValuationSpec> = {}): ValuationSpec => ({
  priceCNYPerTCO2e: 30,
  priceSource: "given",
  priceChangePerYear: 0,
  discountRatePerYear: 0,
  baseYear: 2000,
  ...o,
});

describe("storageChangeValue(ΔC, y0, y1, spec): InVEST's valuation of a storage change", () => {
  it("without discounting is the price × the change in CO2", () => {
    // 120 t C × 44/12 = 440 t CO2e × 30 CNY/t CO2e = 13,200 CNY, whatever the spread over the years.
    const v = storageChangeValue(120, 2000, 2004, spec());
    expect(v.discountedYears).toBe(4);
    expect(v.npvAtIntervalStartCNY).toBeCloseTo(13_200, 9);
    expect(v.npvCNY).toBeCloseTo(13_200, 9);
  });

  it("spreads the change evenly over the years and discounts from the first year (hand-worked)", () => {
    // 120 t C over 4 years = 30 t C/yr = 110 t CO2e/yr × 30 CNY = 3,300 CNY a year, in 2000…2003;
    // at 10 %/yr: 3,300 × (1 + 1/1.1 + 1/1.1² + 1/1.1³) = 3,300 × 3.4868520 = 11,506.6116 CNY.
    const v = storageChangeValue(120, 2000, 2004, spec({ discountRatePerYear: 0.1 }));
    expect(v.discountedYears).toBeCloseTo(1 + 1 / 1.1 + 1 / 1.1 ** 2 + 1 / 1.1 ** 3, 12);
    expect(v.npvAtIntervalStartCNY).toBeCloseTo(11_506.6116, 3);
  });

  it("equals InVEST's closed form with its rate of change c read as a price change of 1/(1 + c) − 1", () => {
    // InVEST (carbon.py, _calculate_valuation_constant): V/T × (1 − q^T)/(1 − q), q = 1/((1 + r)(1 + c)),
    // V per t C. Here r = 7 %, c = 2 %, T = 30: (1 − q^30)/(1 − q) = 11.07491628884685 (numpy).
    const years = 30;
    const q = 1 / (1.07 * 1.02);
    const invest = (30 * (44 / 12) * (600 / years) * (1 - q ** years)) / (1 - q);
    const v = storageChangeValue(
      600,
      2000,
      2030,
      spec({ discountRatePerYear: 0.07, priceChangePerYear: 1 / 1.02 - 1 }),
    );
    expect(v.discountedYears).toBeCloseTo(11.07491628884685, 12);
    expect(v.npvAtIntervalStartCNY).toBeCloseTo(invest, 6);
  });

  it("counts every year in full when the price rises as fast as the discount rate", () => {
    expect(
      storageChangeValue(10, 2000, 2010, spec({ discountRatePerYear: 0.05, priceChangePerYear: 0.05 }))
        .discountedYears,
    ).toBeCloseTo(10, 12);
  });

  it("prices a later interval at that year's price and discounts it to the base year", () => {
    // 2010–2012: price 30 × 1.02^10 = 36.5698 CNY/t CO2e in 2010; −24 t C over 2 years = −44 t CO2e a
    // year; at r = 5 %: −44 × 36.5698 × (1 + 1.02/1.05) = −3,172.34 CNY in 2010, ÷ 1.05^10 in 2000.
    const v = storageChangeValue(
      -24,
      2010,
      2012,
      spec({ discountRatePerYear: 0.05, priceChangePerYear: 0.02 }),
    );
    expect(v.priceAtStartCNYPerTCO2e).toBeCloseTo(30 * 1.02 ** 10, 10);
    const atStart = -44 * 30 * 1.02 ** 10 * (1 + 1.02 / 1.05);
    expect(v.npvAtIntervalStartCNY).toBeCloseTo(atStart, 8);
    expect(v.npvCNY).toBeCloseTo(atStart / 1.05 ** 10, 8);
    expect(v.npvCNY).toBeLessThan(0); // a loss of storage is a cost
  });
});

describe("valuationInput: the valuation's fields and their bounds", () => {
  const ok = { carbonPrice: 89.06, discountRatePerYear: 0.07 };
  it("takes a price or a factor id, with the price change 0 when omitted", () => {
    expect(valuationInput.parse(ok)).toEqual({ ...ok, priceChangePerYear: 0 });
    expect(valuationInput.parse({ ...ok, carbonPrice: "cn.ets.cea.year4.mean" }).carbonPrice).toBe(
      "cn.ets.cea.year4.mean",
    );
  });
  it.each([
    [{ ...ok, carbonPrice: -1 }, "carbonPrice"],
    [{ ...ok, carbonPrice: 2e6 }, "carbonPrice"],
    [{ ...ok, carbonPrice: " " }, "carbonPrice"],
    [{ ...ok, carbonPrice: "a\u0000b" }, "carbonPrice"],
    [{ ...ok, priceChangePerYear: 1.5 }, "priceChangePerYear"],
    [{ ...ok, priceChangePerYear: -2 }, "priceChangePerYear"],
    [{ ...ok, discountRatePerYear: -0.01 }, "discountRatePerYear"],
    [{ ...ok, discountRatePerYear: 1.01 }, "discountRatePerYear"],
    [{ ...ok, discountRatePerYear: Infinity }, "discountRatePerYear"],
    [{ carbonPrice: 10 }, "discountRatePerYear"],
    [{ ...ok, extra: 1 }, ""],
  ])("refuses %j at %s", (input, field) => {
    const r = valuationInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => String(i.path[0] ?? ""))).toContain(field);
  });
});
