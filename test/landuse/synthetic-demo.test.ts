import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { syntheticMiningArea, SYNTHETIC_TARGETS_HA } from "../../src/domain/landuse/synthetic-mining-area.ts";

const code = (key: string) => LEGEND_PRESETS.seed001!.classes.find((c) => c.key === key)!.code;

describe("synthetic Pingshuo-like demo area", () => {
  const area = syntheticMiningArea();
  const haOf = (year: number, key: string) => {
    let n = 0;
    for (const v of area.maps.get(year)!) if (v === code(key)) n++;
    return n * 0.09;
  };

  it("has about 51,700 ha and seed 001's published class areas within 1% (here: to the pixel)", () => {
    let valid = 0;
    for (const v of area.maps.get(1986)!) if (v !== 0) valid++;
    expect(valid * 0.09).toBeCloseTo(51696, 0);
    for (const [year, t] of Object.entries(SYNTHETIC_TARGETS_HA))
      for (const key of t.published) {
        const got = haOf(Number(year), key);
        expect(Math.abs(got - t.areas[key]!)).toBeLessThanOrEqual(0.09);
        expect(Math.abs(got / t.areas[key]! - 1)).toBeLessThan(0.01);
      }
  });

  it("is patchy, not noise: most pixels share their class with the pixel to the right", () => {
    const m = area.maps.get(2018)!;
    let same = 0;
    let pairs = 0;
    for (let i = 0; i < m.length - 1; i++)
      if ((i + 1) % area.width !== 0 && m[i] && m[i + 1]) {
        pairs++;
        if (m[i] === m[i + 1]) same++;
      }
    expect(same / pairs).toBeGreaterThan(0.9);
  });

  it("grows open pits and reclaims old dumps to forest, grassland or arable land", () => {
    expect(haOf(2018, "open-pit")).toBeGreaterThan(haOf(2000, "open-pit"));
    const d1986 = area.maps.get(1986)!;
    const d2009 = area.maps.get(2009)!;
    let reclaimed = 0;
    for (let i = 0; i < d1986.length; i++)
      if (
        d1986[i] === code("dump") &&
        [code("forest"), code("grassland"), code("arable")].includes(d2009[i]!)
      )
        reclaimed++;
    expect(reclaimed).toBeGreaterThan(0);
  });

  it("is the same for the same seed", () => {
    expect(syntheticMiningArea().maps.get(2018)).toEqual(area.maps.get(2018));
  });
});
