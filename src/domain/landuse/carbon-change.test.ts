import { describe, expect, it } from "vitest";
import { storageChange, type StockByPool } from "./carbon-change.ts";

const stock = (above: number, below: number, soil: number, dead: number): StockByPool => ({
  above,
  below,
  soil,
  dead,
  total: above + below + soil + dead,
});

describe("storageChange(stocks, pairs): InVEST's change in carbon storage per pool", () => {
  // 2000: 100 / 40 / 500 / 10 t C; 2010: 130 / 50 / 480 / 10; 2020: 90 / 30 / 470 / 5.
  const stocks = new Map([
    [2000, stock(100, 40, 500, 10)],
    [2010, stock(130, 50, 480, 10)],
    [2020, stock(90, 30, 470, 5)],
  ]);
  const rows = storageChange(stocks, [
    { kind: "multistep", fromYear: 2000, toYear: 2010 },
    { kind: "multistep", fromYear: 2010, toYear: 2020 },
    { kind: "onestep", fromYear: 2000, toYear: 2020 },
  ]);
  const at = (from: number, to: number, pool: string) =>
    rows.find((r) => r.from_year === from && r.to_year === to && r.pool === pool)!;

  it("gives later minus earlier stock for each pool and the total, in t C and t CO2e", () => {
    expect(rows).toHaveLength(15);
    // Total 2000 → 2010: 670 − 650 = +20 t C stored = 73.33 t CO2e removed, 2 t C a year.
    expect(at(2000, 2010, "total")).toMatchObject({ start_tC: 650, end_tC: 670, change_tC: 20, years: 10 });
    expect(at(2000, 2010, "total").change_tCO2e).toBeCloseTo((20 * 44) / 12, 12);
    expect(at(2000, 2010, "total").change_tC_per_yr).toBe(2);
    // Soil 2010 → 2020: 470 − 480 = −10 t C lost.
    expect(at(2010, 2020, "soil").change_tC).toBe(-10);
  });

  it("adds up: the pools make the total, and consecutive intervals make the whole span", () => {
    for (const [f, t] of [
      [2000, 2010],
      [2010, 2020],
      [2000, 2020],
    ] as const) {
      const pools = ["above", "below", "soil", "dead"].reduce((s, p) => s + at(f, t, p).change_tC, 0);
      expect(pools).toBeCloseTo(at(f, t, "total").change_tC, 12);
    }
    expect(at(2000, 2010, "total").change_tC + at(2010, 2020, "total").change_tC).toBe(
      at(2000, 2020, "total").change_tC,
    );
  });
});
