import { describe, expect, it } from "vitest";
import {
  isRegionCode,
  isWithinRegion,
  NATION,
  regionAncestors,
  regionCode,
  regionLevel,
  regionPrefix,
  type RegionCode,
} from "./region-code.ts";

const rc = (s: string): RegionCode => regionCode(s, "test");

describe("region codes of GB/T 2260", () => {
  it("reads the level from the trailing zeros", () => {
    expect(regionLevel(NATION)).toBe("national");
    expect(regionLevel(rc("140000"))).toBe("province"); // Shanxi
    expect(regionLevel(rc("140600"))).toBe("city"); // Shuozhou
    expect(regionLevel(rc("140602"))).toBe("county"); // Shuocheng district
    expect(regionLevel(rc("419001"))).toBe("county"); // Jiyuan, directly under Henan
  });

  it("lists the ancestors nearest first, ending with the nation", () => {
    expect(regionAncestors(rc("140602"))).toEqual(["140600", "140000", "100000"]);
    expect(regionAncestors(rc("140600"))).toEqual(["140000", "100000"]);
    expect(regionAncestors(rc("140000"))).toEqual(["100000"]);
    expect(regionAncestors(NATION)).toEqual([]);
    // A county directly under its province: the prefix-city code (419000) names no organisation.
    expect(regionAncestors(rc("419001"))).toEqual(["419000", "410000", "100000"]);
  });

  it("places a region within itself and its ancestors only", () => {
    expect(isWithinRegion(rc("140602"), rc("140602"))).toBe(true);
    expect(isWithinRegion(rc("140602"), rc("140600"))).toBe(true);
    expect(isWithinRegion(rc("140602"), rc("140000"))).toBe(true);
    expect(isWithinRegion(rc("140602"), NATION)).toBe(true);
    expect(isWithinRegion(rc("419001"), rc("410000"))).toBe(true);
    expect(isWithinRegion(rc("140600"), rc("140602"))).toBe(false); // the city is not in its county
    expect(isWithinRegion(rc("140212"), rc("140600"))).toBe(false); // Datong's district is not in Shuozhou
    expect(isWithinRegion(rc("150602"), rc("140000"))).toBe(false); // Inner Mongolia is not in Shanxi
    expect(isWithinRegion(NATION, rc("140000"))).toBe(false);
  });

  it("gives the prefix every code within a jurisdiction starts with", () => {
    expect(regionPrefix(NATION)).toBe("");
    expect(regionPrefix(rc("140000"))).toBe("14");
    expect(regionPrefix(rc("140600"))).toBe("1406");
    expect(regionPrefix(rc("140602"))).toBe("140602");
    expect(regionPrefix(rc("410000"))).toBe("41");
    // The prefix and isWithinRegion agree on a sample of codes.
    const codes = ["140000", "140600", "140602", "140212", "150602", "410000", "419001", "419000"].map(rc);
    for (const j of codes)
      for (const c of codes) expect(c.startsWith(regionPrefix(j)), `${c} in ${j}`).toBe(isWithinRegion(c, j));
  });

  it("refuses what is not a six-digit code, naming where and the form", () => {
    for (const bad of ["", "14060", "1406022", "040000", "14060a", " 140602", "140602 ", "１４０６０２"])
      expect(isRegionCode(bad), JSON.stringify(bad)).toBe(false);
    expect(() => regionCode("1406", "organisation.regionCode")).toThrow(
      'organisation.regionCode must be a six-digit region code of GB/T 2260 (e.g. 140600); got "1406"',
    );
    expect(regionCode("140602", "x")).toBe("140602");
  });
});
