import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  add,
  carbonFluxRangeToCO2e,
  carbonFluxToCO2e,
  carbonToCO2,
  carbonToCO2e,
  co2eFluxPerCarbonOver,
  co2FromBurnedMethane,
  co2ToCO2e,
  co2eToCarbon,
  ch4ToCO2e,
  densityOverYears,
  gjToTce,
  ha,
  hm2,
  km2,
  m2,
  methaneMass,
  stockOnArea,
  sum,
  tC,
  tCH4,
  tCPerHaStock,
  tCPerYr,
  tce,
  tceToGJ,
  tenThousandKWh,
  years,
  type CarbonFluxDensity,
  type Hectares,
  type TonnesC,
  type TonnesCO2e,
} from "./index.ts";

describe("units", () => {
  it("carbonToCO2e multiplies by 44/12 and co2eToCarbon undoes it", () => {
    // 12 t C × 44/12 = 44 t CO2e
    expect(carbonToCO2e(tC(12))).toBeCloseTo(44, 12);
    expect(co2eToCarbon(carbonToCO2e(tC(3.7)))).toBeCloseTo(3.7, 12);
  });

  it("the converters give exactly x × 44/12, the product the callers wrote before (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        expect(carbonToCO2e(tC(x))).toBe(x * (44 / 12));
        expect(carbonFluxToCO2e(tCPerYr(x))).toBe(x * (44 / 12));
      }),
    );
  });

  it("carbonFluxRangeToCO2e converts each bound: 3 / 6 / 12 t C/yr → 11 / 22 / 44 t CO2e/yr", () => {
    const r = carbonFluxRangeToCO2e({ low: 3, central: 6, high: 12 });
    expect(r.low).toBeCloseTo(11, 12);
    expect(r.central).toBeCloseTo(22, 12);
    expect(r.high).toBeCloseTo(44, 12);
    expect(() => carbonFluxRangeToCO2e({ low: 0, central: Number.NaN, high: 1 })).toThrow(/finite number/);
  });

  it("co2eFluxPerCarbonOver: 44/12 ÷ period, exactly 44/12 over one year", () => {
    expect(co2eFluxPerCarbonOver(years(1))).toBe(44 / 12);
    // 12 t C over 20 years: 12 × 44/12 ÷ 20 = 2.2 t CO2e/yr
    expect(12 * co2eFluxPerCarbonOver(years(20))).toBeCloseTo(2.2, 12);
    expect(() => co2eFluxPerCarbonOver(years(0))).toThrow(/> 0 years/);
  });

  it("area constructors agree: 1 km² = 100 ha = 100 hm², 10,000 m² = 1 ha", () => {
    expect(km2(1)).toBe(100);
    expect(hm2(5)).toBe(ha(5));
    expect(m2(10_000)).toBe(1);
  });

  it("tenThousandKWh gives kWh and tce ↔ GJ round-trips at 29.3076 GJ/tce", () => {
    expect(tenThousandKWh(103.806)).toBeCloseTo(1_038_060, 6);
    expect(tceToGJ(tce(1))).toBeCloseTo(29.3076, 10);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (x) => Math.abs(gjToTce(tceToGJ(tce(x))) - x) <= 1e-9 * Math.max(1, x),
      ),
    );
  });

  it("carbonToCO2 oxidises carbon to CO2 gas (× 44/12) and co2FromBurnedMethane burns CH4 to CO2 (× 44/16)", () => {
    // 12 t C → 44 t CO2; 16 t CH4 → 44 t CO2; CO2 counts 1:1 as CO2e
    expect(carbonToCO2(tC(12))).toBeCloseTo(44, 12);
    expect(co2FromBurnedMethane(tCH4(16))).toBeCloseTo(44, 12);
    expect(co2ToCO2e(co2FromBurnedMethane(tCH4(100)))).toBe(100 * (44 / 16));
    expect(carbonToCO2(tC(3.5))).toBe(carbonToCO2e(tC(3.5)));
  });

  it("ch4ToCO2e weights methane by the GWP: 647.960 t × 21 = 13,607.16 t CO2e", () => {
    expect(ch4ToCO2e(tCH4(647.96), 21)).toBeCloseTo(13_607.16, 9);
  });

  it("methaneMass weighs a volume only with a density at the same conditions", () => {
    // 1,000,000 m³ × 0.67 kg/m³ = 670 t
    expect(
      methaneMass({ m3: 1e6, basis: "ipcc-20C" }, { kgPerM3: 0.67, basis: "ipcc-20C", factorId: "x" }),
    ).toBeCloseTo(670, 9);
    expect(() =>
      methaneMass({ m3: 1, basis: "cn-stp-0C" }, { kgPerM3: 0.67, basis: "ipcc-20C", factorId: "x" }),
    ).toThrow(/cannot be weighed/);
  });

  it("a stock becomes a yearly flux only through densityOverYears", () => {
    const density = tCPerHaStock(30);
    const flux: CarbonFluxDensity = densityOverYears(density, years(15));
    expect(flux).toBe(2);
    // @ts-expect-error a carbon density (stock) is not a yearly flux
    const wrong: CarbonFluxDensity = density;
    expect(wrong).toBe(30);
    expect(() => densityOverYears(density, years(0))).toThrow(/> 0 years/);
  });

  it("quantities of different units cannot be mixed", () => {
    const a: Hectares = ha(1);
    const c: TonnesC = tC(1);
    // @ts-expect-error hectares and tonnes of carbon do not add
    add(a, c);
    // @ts-expect-error t C is not t CO2e without carbonToCO2e
    const e: TonnesCO2e = c;
    expect(e).toBe(1);
    expect(stockOnArea(tCPerHaStock(2), ha(3))).toBe(6);
  });

  it("constructors refuse values that are not finite numbers", () => {
    expect(() => ha(Number.NaN)).toThrow(/finite number/);
    expect(() => tC(Infinity)).toThrow(/finite number/);
  });

  it("sum of quantities equals the sum of their numbers (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true })), (xs) => {
        const total = sum(xs.map((x) => tC(x)));
        expect(total).toBeCloseTo(
          xs.reduce((s, x) => s + x, 0),
          3,
        );
      }),
    );
  });
});
