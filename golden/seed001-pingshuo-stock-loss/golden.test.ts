import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBudget } from "../../src/cli/commands/budget-command.ts";
import { EXAMPLES_DIR } from "../../src/cli/commands/demo-command.ts";

describe("golden: seed 001 Pingshuo stock loss (examples/pingshuo-stock-loss.yaml)", () => {
  const r = runBudget(join(EXAMPLES_DIR, "pingshuo-stock-loss.yaml"), {});
  if (r.kind !== "stock-change") throw new Error("expected a stock-change report");

  it("loses 4482.5·87.11 + 1648.13·94.748 + 963.49·108.17 t C", () => {
    const expected = 4482.5 * (82.11 + 5) + 1648.13 * (88.35 + 6.398) + 963.49 * (92.67 + 15.5);
    expect(expected).toBeCloseTo(650_848.30954, 5);
    expect(r.stockChange.totalLossTC).toBeCloseTo(expected, 6);
    expect(r.stockChange.lossByPoolTC.soil).toBeCloseTo(4482.5 * 82.11 + 1648.13 * 88.35 + 963.49 * 92.67, 6);
    expect(r.stockChange.totalLossTCO2e).toBeCloseTo((expected * 44) / 12, 4);
  });

  it("regains on the reclaimed dumps along the stated 30-year linear curve (19 of 30 years by 2018)", () => {
    // dumps → forest: 1394 ha × (92.67 + 15.5) t C/ha × 19/30
    const forest = r.regain.reclamations.find((x) => x.to === "forest")!;
    expect(forest.fullRegainTC).toBeCloseTo(1394 * 108.17, 6);
    expect(forest.years.at(-1)!.cumulativeRegainTC).toBeCloseTo((1394 * 108.17 * 19) / 30, 6);
    expect(r.netLossAtHorizonTC).toBeCloseTo(
      r.stockChange.totalLossTC - r.regain.years.at(-1)!.cumulativeRegainTC,
      6,
    );
  });

  it("says that the 30-year curve is the example's assumption and that regaining the pre-mining soil carbon is an upper bound", () => {
    const text = r.regain.assumptions.join("\n");
    expect(text).toMatch(/dumps reclaimed to forest: the regain curve .* is an assumption/);
    expect(text).toMatch(
      /dumps reclaimed to forest: the reclaimed soil regains the whole soil-carbon difference between dump and forest \(92\.67 t C\/ha/,
    );
    expect(text).toMatch(/dumps reclaimed to arable: the reclaimed soil regains .*\(82\.11 t C\/ha/);
    expect(text).toMatch(/Zhang P\.P\. et al\. 2020/);
  });
});
