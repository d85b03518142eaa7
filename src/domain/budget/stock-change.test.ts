import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ha } from "../../units/area.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { DENSITY_SETS } from "./density-sets.ts";
import { stockChange } from "./stock-change.ts";
import { reclamationRegain } from "./reclamation-regain.ts";
import { regainShare } from "./regain-curve.ts";

const set = DENSITY_SETS["seed001-yang2019"]!;

describe("stockChange(conversions, set, table)", () => {
  it("loses area × (soil + vegetation) when land is taken by mining (hand-worked)", () => {
    // 10 ha of forest → dump: soil 10 × 92.67 = 926.7 t C, vegetation 10 × 15.5 = 155 t C
    const r = stockChange(
      [{ label: "f", from: "forest", to: "dump", area: ha(10), zone: "east" }],
      set,
      factorTable(),
    );
    expect(r.conversions[0]!.lossTC.soil).toBeCloseTo(926.7, 9);
    expect(r.conversions[0]!.lossTC.vegetation).toBeCloseTo(155, 9);
    expect(r.totalLossTC).toBeCloseTo(1081.7, 9);
    expect(r.totalLossTCO2e).toBeCloseTo((1081.7 * 44) / 12, 6);
    expect(r.byZone).toEqual([{ group: "east", lossTC: r.totalLossTC }]);
  });

  it("a conversion and its reverse cancel (property)", () => {
    const classes = Object.keys(set.classes);
    fc.assert(
      fc.property(
        fc.constantFrom(...classes),
        fc.constantFrom(...classes),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (a, b, area) => {
          const r = stockChange(
            [
              { label: "x", from: a, to: b, area: ha(area) },
              { label: "y", from: b, to: a, area: ha(area) },
            ],
            set,
            factorTable(),
          );
          expect(Math.abs(r.totalLossTC)).toBeLessThan(1e-6 * Math.max(1, area));
        },
      ),
    );
  });
});

describe("regain on reclaimed land", () => {
  it("regainShare() rises from 0 to 1 for every curve", () => {
    for (const curve of [
      { kind: "linear", years: 20 },
      { kind: "exponential", halfLifeYears: 10 },
      { kind: "logistic", midpointYears: 15, steepnessPerYear: 0.3 },
      { kind: "immediate" },
    ] as const) {
      expect(regainShare(curve, 0)).toBe(0);
      let prev = 0;
      for (let t = 1; t <= 200; t++) {
        const s = regainShare(curve, t);
        expect(s).toBeGreaterThanOrEqual(prev - 1e-12);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        prev = s;
      }
      expect(prev).toBeGreaterThan(0.999);
    }
    expect(regainShare({ kind: "exponential", halfLifeYears: 10 }, 10)).toBeCloseTo(0.5, 12);
  });

  it("reclamationRegain() spreads the full regain over the years of a linear curve (hand-worked)", () => {
    // 100 ha dump → arable: full regain 100 × (82.11 + 5) = 8,711 t C over 10 years = 871.1 t C/yr
    const r = reclamationRegain(
      [
        {
          label: "r",
          from: "dump",
          to: "arable",
          area: ha(100),
          startYear: 2020,
          curve: { kind: "linear", years: 10 },
        },
      ],
      set,
      factorTable(),
      2034,
    );
    expect(r.reclamations[0]!.fullRegainTC).toBeCloseTo(8711, 9);
    expect(r.years[0]).toMatchObject({ year: 2020 });
    expect(r.years[0]!.regainTCPerYr).toBeCloseTo(871.1, 9);
    expect(r.years.find((y) => y.year === 2029)!.cumulativeRegainTC).toBeCloseTo(8711, 9);
    expect(r.years.find((y) => y.year === 2030)!.regainTCPerYr).toBe(0);
  });
});
