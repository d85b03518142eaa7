import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBudget } from "../../src/cli/commands/budget-command.ts";
import { formatBudget } from "../../src/cli/format/budget-text.ts";
import { EXAMPLES_DIR } from "../../src/cli/commands/demo-command.ts";

const file = join(EXAMPLES_DIR, "pingshuo-2018-budget.yaml");

describe("golden: seed 000 Table 1 over Pingshuo 2018 areas (examples/pingshuo-2018-budget.yaml)", () => {
  const r = runBudget(file, {});
  if (r.kind !== "land-use-budget") throw new Error("expected a land-use budget");
  const t = r.budget.total;

  it("sums area × coefficient per land type", () => {
    expect(t.areaHa).toBeCloseTo(49_408.27, 9);
    expect(t.emissionTCPerYr.central).toBeCloseTo(2_696_959.80015, 6);
    expect(t.absorptionTCPerYr.central).toBeCloseTo(170_936.1541, 6);
    expect(t.netTCPerYr.central).toBeCloseTo(2_696_959.80015 - 170_936.1541, 6);
    expect(t.netTCPerYr.low).toBeCloseTo(2_315_874.2408, 6);
    const mining = r.budget.byLandType.find((g) => g.group === "urban_industrial_mining")!;
    expect(mining.areaHa).toBeCloseTo(7123.57, 9);
  });

  it("says that the mining land's emission coefficient is energy use: 9.69 Mt CO2/yr, 98 % of E (issue 10, item 2a)", () => {
    const u = r.budget.energyUse!;
    // 7,123.57 ha × 370.995 t/ha·a = 2,642,808.85 t C/yr = 9,690,299.1 t CO2/yr
    expect(u.emissionTCPerYr.central).toBeCloseTo(7123.57 * 370.995, 6);
    expect(u.emissionTCO2ePerYr.central / 1e6).toBeCloseTo(9.69, 2);
    expect(u.shareOfEmission).toBeCloseTo((7123.57 * 370.995) / 2_696_959.80015, 9);
    const mining = r.budget.entries.filter((e) => e.landType === "urban_industrial_mining");
    expect(mining.map((e) => e.emissionIsEnergyUse)).toEqual([true, true, true, true]);
    const text = formatBudget(r);
    expect(text).toMatch(/E = energy use \*/);
    expect(text).toMatch(/\* emission coefficient = energy used on urban, industrial and mining land/);
    expect(text).toMatch(/Of E, 2,642,808\.85 t C\/yr = 9,690,299\.\d\d t CO2e\/yr .* 98\.0 %\)/);
  });

  it("gives reproducible Approach 2 intervals and the file's percentiles (P5/P50/P95) around the central net", () => {
    const again = runBudget(file, {});
    if (again.kind !== "land-use-budget") throw new Error("kind");
    expect(again.uncertainty.rows).toEqual(r.uncertainty.rows);
    const net = r.uncertainty.rows.find((x) => x.key === "net")!;
    const p = net.approach2!.percentiles!;
    expect(Object.keys(p)).toEqual(["P5", "P50", "P95"]);
    expect(p.P5!).toBeLessThan(t.netTCPerYr.central);
    expect(p.P95!).toBeGreaterThan(t.netTCPerYr.central);
    expect(p.P5!).toBeLessThan(p.P50!);
    expect(p.P50!).toBeLessThan(p.P95!);
  });

  it("shows pasture's missing emission coefficient as a warning, not a hidden number", () => {
    expect(r.warnings.join("\n")).toMatch(
      /grassland \(pasture\): the coefficient set gives no emission coefficient/,
    );
  });

  it("--coefficients seed000-national-studies swaps the sink studies (forest 1.03, pasture 0.045, cultivated 0.28)", () => {
    const alt = runBudget(file, { coefficients: "seed000-national-studies" });
    if (alt.kind !== "land-use-budget") throw new Error("kind");
    expect(alt.budget.total.absorptionTCPerYr.central).toBeCloseTo(
      24_191.34 * 0.28 + 9300 * 1.03 + 8793.36 * 0.045 + 7123.57 * 1.99,
      6,
    );
  });
});
