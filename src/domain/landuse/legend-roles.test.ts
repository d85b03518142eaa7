import { describe, expect, it } from "vitest";
import { LEGEND_ROLES } from "../../contract/area.ts";
import { LEGEND_PRESETS } from "./legend.ts";
import { suggestRole, suggestRoles } from "./legend-roles.ts";

const ROLES = Object.keys(LEGEND_ROLES);

describe("role suggestions (to pre-fill a row the user confirms, never to store)", () => {
  it("suggests seed 001's own roles from its English and Chinese names", () => {
    const seed = LEGEND_PRESETS.seed001!.classes;
    expect(suggestRoles(seed, ROLES)).toEqual(seed.map((c) => c.key));
    expect(
      suggestRoles(
        seed.map((c) => ({ name: c.nameZh! })),
        ROLES,
      ),
    ).toEqual(seed.map((c) => c.key));
  });

  it("suggests a role only from whole words, and none when two roles fit", () => {
    expect(suggestRole({ name: "Water body" }, ROLES)).toBe("water");
    expect(suggestRole({ name: "Pasture" }, ROLES)).toBe("grassland");
    expect(suggestRole({ name: "Zone 3", nameZh: "水库" }, ROLES)).toBe("water");
    expect(suggestRole({ name: "Dumpling" }, ROLES)).toBeUndefined();
    expect(suggestRole({ name: "Waterloo" }, ROLES)).toBeUndefined();
    expect(suggestRole({ name: "industrial, mining and storage land" }, ROLES)).toBeUndefined();
    expect(suggestRole({ name: "class 7" }, ROLES)).toBeUndefined();
  });

  it("suggests only the roles it is given", () => {
    expect(suggestRole({ name: "forest" }, ["arable", "water"])).toBeUndefined();
    expect(suggestRoles([{ name: "forest" }, { name: "lake" }], ["forest", "water"])).toEqual([
      "forest",
      "water",
    ]);
  });
});
