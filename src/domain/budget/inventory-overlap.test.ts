import { describe, expect, it } from "vitest";
import { factorTable } from "../../factors/load-factor-library.ts";
import { InputError } from "../validation/input-issue.ts";
import { budgetReport } from "./budget-report.ts";
import { parseBudgetInput } from "./budget-spec.ts";

/**
 * Hand-worked, seed 000 Table 1 (Zhao et al. 2013) read as t C: 10 ha of mining land (emission
 * 370.995, 342.15–399.84; absorption 1.99, 1.93–2.05) in zone "mine", 5 ha of rural settlement
 * (emission 9.245, 7.22–11.27; absorption 2.04, 1.93–2.15) in zone "village", 100 ha of forest
 * (emission 0.10, 0.06–0.14; absorption 3.81) in zone "mine".
 */
const doc = (extra: object = {}) => ({
  kind: "land-use-budget",
  title: "hand-worked",
  coefficients: { set: "seed000-zhao2013", readAs: "tC" },
  areas: [
    { label: "pit", landType: "urban_industrial_mining", areaHa: 10, zone: "mine" },
    { label: "village", landType: "rural_settlement", areaHa: 5, zone: "village" },
    { label: "wood", landType: "forest", areaHa: 100, zone: "mine" },
  ],
  ...extra,
});

const run = (d: object) => {
  const table = factorTable();
  const r = budgetReport(parseBudgetInput(d, "b.yaml", table), table, { draws: 10 });
  if (r.kind !== "land-use-budget") throw new Error(r.kind);
  return r;
};

describe("energy-use coefficients in the land-use budget (issue 10, item 2a)", () => {
  it("marks each row whose emission coefficient is energy use and totals that part", () => {
    const r = run(doc());
    const note = (label: string) => r.budget.entries.find((e) => e.label === label)!;
    expect(note("pit").emissionIsEnergyUse).toBe(true);
    expect(note("pit").note).toMatch(/energy used on urban, industrial and mining land .* P_M/);
    expect(note("village").note).toMatch(/energy used in rural settlements .* P_R/);
    expect(note("wood").emissionIsEnergyUse).toBe(false);
    expect(note("wood").note).toBeUndefined();
    // 10 × 370.995 + 5 × 9.245 = 3,756.175 t C/yr of E = 3,756.175 + 100 × 0.10 = 3,766.175
    const u = r.budget.energyUse!;
    expect(u.areaHa).toBe(15);
    expect(u.emissionTCPerYr.central).toBeCloseTo(3756.175, 9);
    expect(u.emissionTCPerYr.low).toBeCloseTo(10 * 342.15 + 5 * 7.22, 9);
    expect(u.shareOfEmission).toBeCloseTo(3756.175 / 3766.175, 12);
    expect(u.emissionTCO2ePerYr.central).toBeCloseTo((3756.175 * 44) / 12, 6);
    expect(u.note).toMatch(/not carbon given off by the land/);
    expect(r.inventoryOverlap).toBeNull();
    expect(r.warnings.join("\n")).toMatch(
      /100 % of the emission E .* do not add this budget to a mine inventory/,
    );
  });

  it("has no energy-use total when no coefficient is energy use", () => {
    const r = run({ ...doc(), areas: [{ landType: "forest", areaHa: 1 }] });
    expect(r.budget.energyUse).toBeNull();
  });
});

describe("a budget declared inside a mine inventory's boundary (issue 10, item 2b)", () => {
  it("nets the energy-use emission inside the boundary and says so", () => {
    const r = run(doc({ inventory: { mine: "Test mine", zones: ["mine"] } }));
    const o = r.inventoryOverlap!;
    expect(o.treatment).toBe("netted");
    expect(o.nettedAreas).toEqual(["pit"]);
    // netted: 10 × 370.995 = 3,709.95 (3,421.5–3,998.4); the village (outside) and the forest stay.
    expect(o.nettedEmissionTCPerYr.central).toBeCloseTo(3709.95, 9);
    // net = (E − netted) − S = (5 × 9.245 + 100 × 0.10) − (10 × 1.99 + 5 × 2.04 + 100 × 3.81)
    const net = 5 * 9.245 + 10 - (19.9 + 10.2 + 381);
    expect(o.netTCPerYr.central).toBeCloseTo(net, 9);
    // low pairs low emission (5 × 7.22 + 100 × 0.06) with high absorption (10 × 2.05 + 5 × 2.15 + 381)
    expect(o.netTCPerYr.low).toBeCloseTo(5 * 7.22 + 6 - (20.5 + 10.75 + 381), 9);
    expect(o.netTCO2ePerYr.central).toBeCloseTo((net * 44) / 12, 9);
    expect(o.statement).toMatch(/^netted, not refused: the inventory of Test mine measures the energy/);
    // The budget's own total is unchanged: the netted figure is the one to combine.
    expect(r.budget.total.emissionTCPerYr.central).toBeCloseTo(3766.175, 9);
    expect(r.warnings.join("\n")).not.toMatch(/do not add this budget/);
  });

  it("nets every area when no zones are named, and nothing when none is energy use", () => {
    expect(run(doc({ inventory: { mine: "M" } })).inventoryOverlap!.nettedAreas).toEqual(["pit", "village"]);
    const none = run({ ...doc({ inventory: { mine: "M" } }), areas: [{ landType: "forest", areaHa: 1 }] });
    expect(none.inventoryOverlap!.nettedAreas).toEqual([]);
    expect(none.inventoryOverlap!.statement).toMatch(/^nothing to net/);
  });

  it("refuses a zone no area has, naming the field", () => {
    try {
      parseBudgetInput(doc({ inventory: { mine: "M", zones: ["pits"] } }), "b.yaml", factorTable());
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues).toEqual([
        { path: "inventory.zones[0]", message: 'must be the zone of some area (mine, village); got "pits"' },
      ]);
    }
  });
});
