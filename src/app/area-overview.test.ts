import { describe, expect, it } from "vitest";
import { areaKeyFigures } from "./area-overview.ts";

const analysis = {
  id: "7",
  result: {
    classes: [
      { year: 2000, area_ha: 100 },
      { year: 2010, area_ha: 100 },
    ],
    carbon: [
      { year: 2000, pool: "total", total_tC: 1000 },
      { year: 2010, pool: "total", total_tC: 800 },
    ],
    densitySet: "x",
  },
};
const inventory = {
  id: "3",
  mine: "M",
  year: 2010,
  result: {
    // Only the fields the figures read; the rest of a YearInventory does not matter here.
    years: [{ totals: { grossEmissionTCO2ePerYr: 500, gapTCO2ePerYr: 100 }, coalOutputT: 1000 }],
  },
};

describe("areaKeyFigures(latest, inventories) — the land-use figure next to an inventory (issue 10, item 2b)", () => {
  it("says the land-use figure holds no energy use, so an inventory's energy is not counted twice", () => {
    const f = areaKeyFigures(analysis, [inventory], "en");
    const land = f.find((x) => x.id === "landuse-budget")!;
    // (800 − 1000) ÷ 10 yr × 44/12: unchanged by the statement.
    expect(land.value).toBeCloseTo((-200 / 10) * (44 / 12), 12);
    expect(land.source).toMatch(
      /land-cover change only, no energy use: the inventory's energy is not counted in it, so nothing is netted$/,
    );
    expect(f.find((x) => x.id === "inventory-total")!.value).toBe(500);
    const zh = areaKeyFigures(analysis, [inventory], "zh").find((x) => x.id === "landuse-budget")!;
    expect(zh.source).toMatch(/不含能源消耗：清单中的能源排放未计入此项，无需扣减$/);
  });

  it("says so without naming an inventory when the area has none", () => {
    const land = areaKeyFigures(analysis, [], "en").find((x) => x.id === "landuse-budget")!;
    expect(land.source).toMatch(/; land-cover change only, no energy use$/);
  });
});
