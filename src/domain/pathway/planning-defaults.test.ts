import { describe, expect, it } from "vitest";
import { PLANNING_END_YEAR, startingMeasure } from "./planning-defaults.ts";
import { measureSchema, scenarioSchema } from "./scenario-spec.ts";

const KINDS = measureSchema.options.map((o) => o.shape.kind.value);

describe("starting measures", () => {
  it("start no later than the plan's end year: a late one starts at the end year, not after it", () => {
    expect(startingMeasure("offsets", 2040, 2060)).toEqual({ kind: "offsets", start: 2060, tCO2ePerYr: 0 });
    expect(startingMeasure("ccs", 2050, 2060)).toMatchObject({ kind: "ccs", start: 2060, captureRate: 0.3 });
    for (const kind of KINDS)
      for (const base of [2000, 2024, 2050, 2059, 2060])
        expect(startingMeasure(kind, base, 2060).start, `${kind} ${base}`).toBeLessThanOrEqual(2060);
  });

  it("keep their usual start where it is within the plan", () => {
    expect(startingMeasure("energy-saving", 2024, 2060)).toEqual({
      kind: "energy-saving",
      start: 2026,
      rampYears: 10,
      rate: 0.1,
    });
    expect(startingMeasure("ccs", 2024, 2060).start).toBe(2039);
    expect(startingMeasure("offsets", 2024, 2060).start).toBe(2049);
  });

  it("plan to the scenario spec's default end year", () => {
    expect(PLANNING_END_YEAR).toBe(2060);
    expect(scenarioSchema.shape.endYear.parse(undefined)).toBe(PLANNING_END_YEAR);
  });
});
