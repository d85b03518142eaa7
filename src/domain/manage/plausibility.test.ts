import { describe, expect, it } from "vitest";
import { plausibilityWarnings, type ReportFigures } from "./plausibility.ts";

const Y2025: ReportFigures = {
  year: 2025,
  emissionsTCO2ePerYr: 300_000,
  coalOutputT: 1_000_000,
  energyTce: 12_000,
};

describe("plausibility checks before submission (hand-worked)", () => {
  it("says nothing about a year like the one before", () => {
    expect(plausibilityWarnings({ ...Y2025, year: 2026, emissionsTCO2ePerYr: 320_000 }, Y2025)).toEqual([]);
  });

  it("asks about a jump of more than half from the year before", () => {
    expect(plausibilityWarnings({ ...Y2025, year: 2026, coalOutputT: 1_700_000 }, Y2025)).toEqual([
      {
        path: "coalOutputT",
        kind: "jump",
        message: "1,700,000 t is up 70 % from 2025's 1,000,000: explain the change or correct it",
      },
    ]);
  });

  it("recognises a number entered in 10⁴ t instead of t", () => {
    const w = plausibilityWarnings({ ...Y2025, year: 2026, coalOutputT: 102 }, Y2025);
    expect(w[0]).toEqual({
      path: "coalOutputT",
      kind: "unit",
      message: "102 t is about 10⁻⁴ times 2025's 1,000,000: is it in t, not 10⁴ t?",
    });
    // The intensity from 102 t of coal is far outside the range too.
    expect(w.map((x) => x.path)).toEqual(["coalOutputT", "intensity", "energyPerTonne"]);
  });

  it("puts the intensity and energy per tonne against the range of similar mines", () => {
    expect(plausibilityWarnings({ ...Y2025, energyTce: 200_000 }, undefined)).toEqual([
      {
        path: "energyPerTonne",
        kind: "out-of-range",
        message:
          "0.200 tce per t of coal is outside the range of similar mines (0.001–0.1 tce per t of coal; MineCarbon screening defaults (status: assumed; a regulator sets its own from its mines' approved reports))",
      },
    ]);
    // Not compared with a year that is not the one before.
    expect(plausibilityWarnings({ ...Y2025, year: 2027, coalOutputT: 1_700_000 }, Y2025)).toEqual([]);
  });
});
