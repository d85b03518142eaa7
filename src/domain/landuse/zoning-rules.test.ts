import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS, codesNotInLegend } from "./legend.ts";
import { SEED001_ZONING, checkZoningRules, zoneOf } from "./zoning-rules.ts";

const keys = LEGEND_PRESETS.seed001!.classes.map((c) => c.key);

describe("seed 001 zoning rules (Table 1)", () => {
  it("are consistent with the seed 001 legend", () => {
    expect(checkZoningRules(SEED001_ZONING, keys)).toEqual([]);
  });
  it("assign the zones of Table 1", () => {
    expect(zoneOf(SEED001_ZONING, "arable", "arable")).toBe("invariant");
    expect(zoneOf(SEED001_ZONING, "dump", "forest")).toBe("enhancement");
    expect(zoneOf(SEED001_ZONING, "arable", "forest")).toBe("enhancement");
    expect(zoneOf(SEED001_ZONING, "grassland", "arable")).toBe("low-carbon-optimization");
    expect(zoneOf(SEED001_ZONING, "forest", "water")).toBe("low-carbon-optimization");
    expect(zoneOf(SEED001_ZONING, "grassland", "open-pit")).toBe("emission-control");
  });
  it("leave transitions the table does not cover unclassified (e.g. arable → grassland, forest → arable)", () => {
    expect(zoneOf(SEED001_ZONING, "arable", "grassland")).toBe("unclassified");
    expect(zoneOf(SEED001_ZONING, "forest", "arable")).toBe("unclassified");
    expect(zoneOf(SEED001_ZONING, "urban", "urban")).toBe("unclassified");
  });
  it("checkZoningRules() names unknown classes and contradictory rules", () => {
    const bad = {
      ...SEED001_ZONING,
      rules: [...SEED001_ZONING.rules, { zone: "enhancement", from: ["arable"], to: ["arable", "orchard"] }],
    };
    expect(checkZoningRules(bad, keys)).toEqual([
      'rule 9: class "orchard" is not in the legend',
      "rule 9: arable → arable is both invariant and enhancement",
    ]);
  });
});

describe("legend presets", () => {
  it("seed 001 has its 11 classes; GB/T 21010 includes 0602 mining land", () => {
    expect(LEGEND_PRESETS.seed001!.classes).toHaveLength(11);
    expect(LEGEND_PRESETS.gbt21010!.classes.some((c) => c.code === 602)).toBe(true);
    expect(Object.keys(LEGEND_PRESETS)).toEqual(["seed001", "gbt21010", "clcd", "esa-worldcover"]);
  });
  it("codesNotInLegend() lists each unknown code with its pixel count", () => {
    expect(
      codesNotInLegend(
        LEGEND_PRESETS.clcd!,
        new Map([
          [1, 50],
          [41, 1203],
          [200, 12],
          [9, 0],
        ]),
      ),
    ).toEqual([
      { code: 41, pixels: 1203 },
      { code: 200, pixels: 12 },
    ]);
  });
});
