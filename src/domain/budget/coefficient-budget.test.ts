import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ha } from "../../units/area.ts";
import { FactorTable } from "../factor/factor-table.ts";
import type { Factor } from "../factor/factor.ts";
import { coefficientBudget, type AreaEntry } from "./coefficient-budget.ts";

const coef = (id: string, unit: string, value: number, low?: number, high?: number): Factor => ({
  id,
  quantity: id,
  value,
  ...(low !== undefined ? { low } : {}),
  ...(high !== undefined ? { high } : {}),
  unit,
  gas: "C",
  basis: "tC",
  source: "hand-worked",
  table: "-",
  status: "primary",
  region: "-",
  series: "-",
  origin: "test",
});

const table = new FactorTable(
  [
    coef("t.crop.e", "t C/(ha·a)", 2, 1, 3),
    coef("t.crop.s", "t C/(ha·a)", 4, 3, 5),
    coef("t.mine.e", "t C/(ha·a)", 100, 90, 110),
    coef("t.unstated.s", "t/(ha·a) unstated C or CO2", 44, 44, 44),
  ],
  "test",
);
const choices = {
  crop: { emission: "t.crop.e", absorption: "t.crop.s" },
  mine: { emission: "t.mine.e", absorption: null },
  wood: { emission: null, absorption: "t.unstated.s" },
};

describe("coefficientBudget(entries, choices, table, reading)", () => {
  it("sums area × coefficient with low/central/high (hand-worked)", () => {
    const entries: AreaEntry[] = [
      { label: "a", landType: "crop", area: ha(10), stage: "production", zone: "z1" },
      { label: "b", landType: "mine", area: ha(2), stage: "production", zone: "z2" },
    ];
    const b = coefficientBudget(entries, choices, table.fresh(), "tC");
    // E = 10 ha × 2 + 2 ha × 100 = 220 t C/yr (low 10×1 + 2×90 = 190; high 10×3 + 2×110 = 250)
    expect(b.total.emissionTCPerYr).toEqual({ low: 190, central: 220, high: 250 });
    // S = 10 ha × 4 = 40 (30–50); net = E − S = 180, low 190 − 50 = 140, high 250 − 30 = 220
    expect(b.total.absorptionTCPerYr).toEqual({ low: 30, central: 40, high: 50 });
    expect(b.total.netTCPerYr).toEqual({ low: 140, central: 180, high: 220 });
    expect(b.totalCO2e.netTCO2ePerYr.central).toBeCloseTo((180 * 44) / 12, 9);
    expect(b.byZone.map((g) => [g.group, g.netTCPerYr.central])).toEqual([
      ["z1", -20],
      ["z2", 200],
    ]);
    expect(b.byStage).toHaveLength(1);
  });

  it("reads seed 000's unstated t/(ha·a) as t C or as t CO2 (× 12/44) only as told", () => {
    const entries: AreaEntry[] = [{ label: "w", landType: "wood", area: ha(1) }];
    expect(coefficientBudget(entries, choices, table.fresh(), "tC").total.absorptionTCPerYr.central).toBe(44);
    // 44 t CO2 × 12/44 = 12 t C
    expect(
      coefficientBudget(entries, choices, table.fresh(), "tCO2").total.absorptionTCPerYr.central,
    ).toBeCloseTo(12, 12);
  });

  it("keeps low ≤ central ≤ high and net = E − S for any areas (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom("crop", "mine", "wood"), fc.double({ min: 0, max: 1e5, noNaN: true })),
          { minLength: 1, maxLength: 8 },
        ),
        (rows) => {
          const entries = rows.map(([t, a], i) => ({ label: `${i}`, landType: t, area: ha(a) }));
          const b = coefficientBudget(entries, choices, table.fresh(), "tC");
          const n = b.total.netTCPerYr;
          expect(n.low).toBeLessThanOrEqual(n.central + 1e-6);
          expect(n.central).toBeLessThanOrEqual(n.high + 1e-6);
          expect(n.central).toBeCloseTo(
            b.total.emissionTCPerYr.central - b.total.absorptionTCPerYr.central,
            6,
          );
        },
      ),
    );
  });
});
