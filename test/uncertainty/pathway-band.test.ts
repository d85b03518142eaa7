import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInventory } from "../../src/cli/commands/inventory-command.ts";
import { runPathway } from "../../src/cli/commands/pathway-command.ts";
import { formatPathways } from "../../src/cli/format/pathway-text.ts";
import { pathwayBands } from "../../src/domain/pathway/pathway-uncertainty.ts";
import { projectPathway } from "../../src/domain/pathway/project-pathway.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readScenarioFile } from "../../src/io/read-scenario.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

const scenarioFile = join(PROJECT_ROOT, "examples", "yongning-pathway.yaml");

describe("the Yongning pathway's band (examples/yongning-pathway.yaml, out of the box)", () => {
  const [r] = runPathway([scenarioFile], {});

  it("is real: every year's 95 % interval (P2.5–P97.5) spans several per cent of the net and holds the central path", () => {
    const b = r!.bands!;
    expect(b).not.toBeNull();
    expect(b.draws).toBe(200);
    expect(b.interval).toMatch(/^95 % interval \(P2\.5–P97\.5\)/);
    expect(b.years).toHaveLength(r!.years.length);
    b.years.forEach((y, i) => {
      const central = r!.years[i]!.netTCO2e;
      expect(y.p2_5).toBeLessThan(y.p50);
      expect(y.p50).toBeLessThan(y.p97_5);
      // The measured methane (±17.5 %) alone moves the base year's net by more than ±5 %.
      expect((y.p97_5 - y.p2_5) / Math.abs(y.p50)).toBeGreaterThan(0.1);
      expect(central).toBeGreaterThan(y.p2_5);
      expect(central).toBeLessThan(y.p97_5);
    });
  });

  it("is the same interval as the inventory's: the base year's band agrees with its Approach 2 at 95 %", () => {
    // Inventory: balance ±11.7 % (P2.5–P97.5 of 10,000 draws); the band's base year, 200 draws of the
    // same inputs, ±12.0 %. P5–P95 (a 90 % interval, what the band was) gives ±9.7 %.
    const inv = runInventory(join(PROJECT_ROOT, "examples", "yongning.yaml"), {});
    const a2 = inv.uncertainty!.rows.find((x) => x.key === "2024:balance")!.approach2!.pct!;
    const base = r!.bands!.years[0]!;
    expect(((base.p97_5 - base.p2_5) / 2 / base.p50) * 100).toBeCloseTo(a2, -0.5);
    expect(formatPathways([r!])).toMatch(/Uncertainty band of the net, 95 % interval \(P2\.5–P97\.5\)/);
    expect(formatPathways([r!])).toMatch(/year +P2\.5 net +P50 net +P97\.5 net/);
  });

  it("draws the baseline's activity data and factors, not the coal-output plan, and names what has no range", () => {
    const b = r!.bands!;
    const keys = b.inputs.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "activity:methane.underground[0].massT",
        "activity:energy[0].amount",
        "activity:sinks.forest[0].areaHa",
        "factor:cn.cpertce.rawcoal",
      ]),
    );
    expect(keys).not.toContain("activity:coalOutputT");
    expect(b.takenAsExact).toContain("cn.grid.nbs.2022.prov.shanxi");
    const text = formatPathways([r!]);
    expect(text).toMatch(/Uncertainty band of the net, 95 % interval .*\(IPCC Approach 2: 200 draws, seed 1/);
    expect(text).not.toMatch(/the band is a single line/);
  });

  it("gives the same band for the same seed and draws each input once for the whole pathway", () => {
    const table = factorTable();
    const { scenario, baseline, baselinePath } = readScenarioFile(scenarioFile, table);
    const a = pathwayBands(scenario, baseline, table, baselinePath, { draws: 40, seed: 9 });
    expect(pathwayBands(scenario, baseline, table, baselinePath, { draws: 40, seed: 9 })).toEqual(a);
    // Light projection (the draws) gives the same net as the full one.
    const full = projectPathway(scenario, baseline, table, baselinePath);
    const light = projectPathway(scenario, baseline, table, baselinePath, { effects: false });
    light.years.forEach((y, i) => expect(y.netTCO2e).toBeCloseTo(full.years[i]!.netTCO2e, 6));
  });
});
