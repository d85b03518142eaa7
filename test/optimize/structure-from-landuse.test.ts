import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { optimizeStructure } from "../../src/domain/optimize/optimize-structure.ts";
import { structureFromLanduse } from "../../src/domain/optimize/structure-from-landuse.ts";
import { structureProblemSchema } from "../../src/domain/optimize/structure-problem.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { readStructureProblem } from "../../src/io/read-structure-problem.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { highsSolver } from "../../src/solver/highs-solver.ts";

const solve = async (doc: unknown) => {
  const { problem } = readStructureProblem(doc, "test", factorTable());
  return optimizeStructure(problem, highsSolver, "test");
};

describe("a structure problem from an area's land use", () => {
  it("sums classes by role, takes the set's coefficients, scales the example's bounds and holds roles with no place (hand-worked)", () => {
    const { problem, held } = structureFromLanduse({
      areaName: "Small",
      year: 2020,
      classes: [
        { code: 1, role: "arable", name: "dry land", areaHa: 60 },
        { code: 2, role: "forest", name: "forest", areaHa: 50 },
        { code: 3, role: "arable", name: "irrigated land", areaHa: 40 },
        { code: 4, role: "shrub", name: "shrubland", areaHa: 10 },
        { code: 5, role: "open-pit", name: "pit", areaHa: 20 },
        { code: 6, role: "dump", name: "dump", areaHa: 20 },
        { code: 7, role: "industrial", name: "plant", areaHa: 10 },
        { code: 8, role: "unused", name: "bare", areaHa: 0 },
      ],
      coefficientSetId: "seed000-zhao2013",
      densitySetId: "seed001-yang2019",
      coalOutputTPerYr: 100_000,
      coalOutputSource: "test",
      yearsOpen: 5,
    });
    expect(problem.classes.map((c) => [c.key, c.name, c.currentHa])).toEqual([
      ["arable", "dry land, irrigated land", 100],
      ["forest", "forest", 50],
      ["shrub", "shrubland", 10],
      ["open-pit", "pit", 20],
      ["dump", "dump", 20],
      ["industrial", "plant", 10],
    ]);
    const arable = problem.classes[0]!;
    // Annual crops: no yearly sink (IPCC Tier 1); the set's cultivated emission.
    expect(arable.absorption).toBe("ipcc06.afolu.cropland_annual.biomass_change");
    expect(arable.emission).toBe("seed000.t1.zhao2013.cultivated.emission");
    expect(problem.classes[1]).toMatchObject({
      absorption: "seed000.t1.zhao2013.forest.absorption",
      // 50 × 12,299.97 / 9,299.97 = 66.13 ha.
      maxHa: 66.13,
    });
    // Held: at its current area, no coefficient; the bare land of 0 ha is named only.
    expect(problem.classes[2]).toMatchObject({ minHa: 10, maxHa: 10, netSinkTCPerHaYr: 0 });
    expect(held.map((h) => [h.code, h.role])).toEqual([
      [4, "shrub"],
      [8, "unused"],
    ]);
    // Industrial at least 10 × 2,000 / 2,243.25 = 8.92 ha.
    expect(problem.classes[5]).toMatchObject({ minHa: 8.92 });
    expect(problem.constraints?.map((c) => [c.name, c.classes, c.sense, c.rhsHa, c.toleranceHa])).toEqual([
      // 100 × 22,000 / 24,191.37 = 90.94; 100 × 1,000 / 24,191.37 = 4.13.
      ["cropland protection floor", ["arable"], ">=", 90.94, 4.13],
      // Forest only (no grassland, water): 50 × 18,500 / 18,153.36 = 50.95; 2.75.
      ["minimum ecological land (forest, grassland, water)", ["forest"], ">=", 50.95, 2.75],
      // Industrial only: 10 × 4,700 / 4,471.02 = 10.51; 0.67.
      [
        "cap on construction land (urban, rural, transportation, industrial)",
        ["industrial"],
        "<=",
        10.51,
        0.67,
      ],
    ]);
    expect(problem.coalLand).toEqual({
      coalOutputT: 100_000,
      years: 5,
      excavation: ["open-pit"],
      dump: ["dump"],
      operations: ["industrial"],
    });
    expect(problem.assumptions?.join("\n")).toMatch(/shrubland \(shrub, 10 ha\) held at its current area/);
    expect(problem.assumptions?.join("\n")).toMatch(/density set seed001-yang2019 is not used/);
    expect(structureProblemSchema.safeParse(problem).success).toBe(true);
  });

  it("has no coal-land floor without a coal output, and says so", () => {
    const { problem } = structureFromLanduse({
      areaName: "No coal",
      year: 2020,
      classes: [
        { code: 1, role: "forest", name: "forest", areaHa: 5 },
        { code: 2, role: "dump", name: "dump", areaHa: 5 },
        { code: 3, role: "open-pit", name: "pit", areaHa: 5 },
      ],
      coefficientSetId: "seed000-zhao2013",
      densitySetId: null,
      yearsOpen: 5,
    });
    expect(problem.coalLand).toBeUndefined();
    expect(problem.assumptions?.join("\n")).toMatch(/No coal output given/);
  });

  it("gives the demo Pingshuo-like area's 2018 land a problem shaped as the example, which solves as the example does", async () => {
    const example = structureProblemSchema.parse(
      readInputFile(join(PROJECT_ROOT, "examples", "pingshuo-structure.yaml")),
    );
    // The example's current areas are the demo area's 2018 map (its header says so), by legend code.
    const areaOf = new Map(example.classes.map((c) => [c.key, c.currentHa]));
    const { problem: doc, held } = structureFromLanduse({
      areaName: "Pingshuo-like demo area",
      year: 2018,
      classes: LEGEND_PRESETS.seed001!.classes.map((c) => ({
        code: c.code,
        role: c.key,
        name: c.name,
        areaHa: areaOf.get(c.key)!,
      })),
      coefficientSetId: "seed000-zhao2013",
      densitySetId: "seed001-yang2019",
      coalOutputTPerYr: 20_000_000,
      yearsOpen: 5,
    });
    const built = structureProblemSchema.parse(doc);
    expect(held).toEqual([]);
    const shape = (p: typeof built) => ({
      classes: p.classes.map((c) => ({
        key: c.key,
        bounded: [c.minHa > 0, c.maxHa !== undefined],
        coefficients: [c.absorption, c.emission],
        soilFactors: c.soilFactors,
      })),
      constraints: p.constraints.map((c) => [c.name, c.classes, c.sense, c.toleranceHa !== undefined]),
      coalLand: p.coalLand,
      soil: p.soil,
      objective: p.objective,
      readAs: p.readAs,
    });
    expect(shape(built)).toEqual(shape(example));
    // The scaled bounds are the example's own on its own areas (to the hundredth of a hectare).
    built.classes.forEach((c, i) => {
      expect(c.minHa, c.key).toBeCloseTo(example.classes[i]!.minHa, 1);
      expect(c.maxHa ?? 0, c.key).toBeCloseTo(example.classes[i]!.maxHa ?? 0, 1);
    });
    built.constraints.forEach((c, i) =>
      expect(c.rhsHa, c.name).toBeCloseTo(example.constraints[i]!.rhsHa, 1),
    );
    const [ours, theirs] = [await solve(doc), await solve(example)];
    if (ours.status !== "optimal" || theirs.status !== "optimal") throw new Error("not optimal");
    // docs/structure-optimization.md: +20,150.89 t C/yr at the example's optimum.
    expect(ours.criteria[0]!.change).toBeCloseTo(theirs.criteria[0]!.change, 0);
    expect(ours.criteria[0]!.change).toBeCloseTo(20_150.89, 0);
  });
});
