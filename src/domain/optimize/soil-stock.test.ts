import { describe, expect, it } from "vitest";
import { FactorTable } from "../factor/factor-table.ts";
import type { Factor } from "../factor/factor.ts";
import { soilStock } from "./soil-stock.ts";

const factor = (id: string, value: number, unit: string): Factor => ({
  id,
  quantity: id,
  value,
  unit,
  gas: "C",
  basis: "-",
  source: "hand-worked",
  table: "-",
  status: "primary",
  region: "-",
  series: "-",
  origin: "test",
});

const table = new FactorTable(
  [
    factor("ref", 38, "t C/ha"),
    factor("flu", 0.8, "ratio"),
    factor("fmg", 1.1, "ratio"),
    factor("loss", 0.8, "fraction"),
    factor("loss.pct", 80, "%"),
    factor("gwp", 21, "t CO2e/t CH4"),
    factor("neg", -0.5, "ratio"),
    factor("too.much", 1.5, "fraction"),
  ],
  "test",
);

describe("soilStock(table, reference, factors) — IPCC 2006 Vol. 4 Eq. 2.25", () => {
  it("multiplies SOC_REF by each stock change factor (hand-worked)", () => {
    // 38 t C/ha × 0.8 × 1.1 = 33.44 t C/ha
    const s = soilStock(table, "ref", ["flu", "fmg"]);
    expect(s.socTCPerHa).toBeCloseTo(33.44, 12);
    expect(s.source).toBe("ref (38 t C/ha) × flu (0.8) × fmg (1.1)");
    expect(soilStock(table, "ref", []).socTCPerHa).toBe(38);
  });

  it("keeps the share left after a loss: 38 × (1 − 0.8) = 7.6 t C/ha, from a fraction or a %", () => {
    expect(soilStock(table, "ref", [{ remainingAfterLoss: "loss" }]).socTCPerHa).toBeCloseTo(7.6, 12);
    expect(soilStock(table, "ref", [{ remainingAfterLoss: "loss.pct" }]).socTCPerHa).toBeCloseTo(7.6, 12);
  });

  it("refuses factors that are not ratios, negative factors and losses above the whole", () => {
    expect(() => soilStock(table, "ref", ["gwp"])).toThrow(
      /is in "t CO2e\/t CH4"; a soil stock change factor is a ratio/,
    );
    expect(() => soilStock(table, "ref", ["neg"])).toThrow(/must be ≥ 0/);
    expect(() => soilStock(table, "ref", [{ remainingAfterLoss: "too.much" }])).toThrow(/must be ≤ 1/);
    expect(() => soilStock(table, "flu", [])).toThrow(/cannot be read as "t C\/ha"/);
  });
});
