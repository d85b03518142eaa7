import { spawnSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzyMaxMinModel, LAMBDA } from "../../src/domain/optimize/fuzzy-max-min.ts";
import { row } from "../../src/domain/optimize/lp-model.ts";
import { optimizeStructure } from "../../src/domain/optimize/optimize-structure.ts";
import {
  structureRows,
  type StructureClass,
  type StructureProblem,
} from "../../src/domain/optimize/structure-problem.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readStructureProblem } from "../../src/io/read-structure-problem.ts";
import { highsSolver } from "../../src/solver/highs-solver.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { formatOptimize } from "../../src/cli/format/optimize-text.ts";

const cls = (key: string, sink: number, o: Partial<StructureClass> = {}): StructureClass => ({
  key,
  name: key,
  currentHa: 0,
  minHa: 0,
  maxHa: Infinity,
  netSinkTCPerHaYr: sink,
  netSinkSource: "test",
  ...o,
});

/** Hand-worked: forest 3, arable 1, mining −5 t C/ha/yr on 100 ha; arable ≥ 40, mining ≥ 10, forest ≤ 45. */
const hand: StructureProblem = {
  name: "hand-worked",
  totalAreaHa: 100,
  classes: [
    cls("forest", 3, { currentHa: 30 }),
    cls("arable", 1, { currentHa: 50 }),
    cls("mining", -5, { currentHa: 20 }),
  ],
  constraints: [
    { name: "arable floor", terms: [{ key: "arable", coefficient: 1 }], sense: ">=", rhsHa: 40 },
    { name: "mining land", terms: [{ key: "mining", coefficient: 1 }], sense: ">=", rhsHa: 10 },
    { name: "forest cap", terms: [{ key: "forest", coefficient: 1 }], sense: "<=", rhsHa: 45 },
  ],
  objective: { kind: "carbon" },
};

describe("land-use structure optimization (HiGHS)", () => {
  it("finds the hand-worked optimum, its binding constraints and shadow prices", async () => {
    const r = await optimizeStructure(hand, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    expect(Object.fromEntries(r.classes.map((c) => [c.key, c.optimalHa]))).toEqual({
      forest: 45,
      arable: 45,
      mining: 10,
    });
    // 45·3 + 45·1 − 10·5 = 130 t C/yr, against 30·3 + 50 − 100 = 40 now.
    expect(r.criteria[0]).toMatchObject({
      criterion: "carbon",
      unit: "t C/yr",
      current: 40,
      optimal: 130,
      change: 90,
    });
    const price = Object.fromEntries(r.binding.map((b) => [b.name, b.shadowPrice]));
    // One more ha: to arable (+1); a ha of forest cap moved from arable (+3 − 1); a ha of mining from arable (−5 − 1).
    expect(price["total area"]).toBeCloseTo(1, 9);
    expect(price["forest cap"]).toBeCloseTo(2, 9);
    expect(price["mining land"]).toBeCloseTo(-6, 9);
    expect(price["arable floor"]).toBeUndefined();
  });

  it("says which constraints conflict and by how much, not just 'infeasible'", async () => {
    const p: StructureProblem = {
      ...hand,
      classes: [cls("forest", 3, { minHa: 45 }), cls("arable", 1), cls("mining", -5)],
      constraints: [
        ...hand.constraints.filter((c) => c.name !== "arable floor"),
        { name: "arable floor", terms: [{ key: "arable", coefficient: 1 }], sense: ">=", rhsHa: 50 },
      ],
    };
    const r = await optimizeStructure(p, highsSolver);
    if (r.status !== "infeasible") throw new Error(r.status);
    expect(r.conflict.constraints.map((c) => c.name).sort()).toEqual([
      "arable floor",
      "lower bound of forest (45 ha)",
      "mining land",
      "total area",
    ]);
    // 45 + 50 + 10 = 105 ha on 100: 5 ha too many; any three of the four fit.
    expect(r.conflict.relaxation.reduce((s, x) => s + x.byHa, 0)).toBeCloseTo(5, 9);
    expect(r.conflict.explanation).toMatch(/these 4 constraints cannot all hold/);
  });

  it("names the coal-land floor among the conflicting constraints when the land cannot hold it", async () => {
    const { problem } = readStructureProblem(
      {
        kind: "landuse-structure",
        name: "too little land",
        classes: [
          { key: "pit", name: "pit", currentHa: 10, maxHa: 20, netSinkTCPerHaYr: -1, source: "t" },
          { key: "dump", name: "dump", currentHa: 10, netSinkTCPerHaYr: -1, source: "t" },
        ],
        // 10⁶ t/yr × 2 yr × 0.12 ha per 10⁴ t = 24 ha of excavation, more than the pit's 20 ha cap.
        coalLand: { coalOutputT: 1_000_000, years: 2, excavation: ["pit"], dump: ["dump"] },
      },
      "c.yaml",
      factorTable(),
    );
    const r = await optimizeStructure(problem, highsSolver);
    if (r.status !== "infeasible") throw new Error(r.status);
    expect(r.conflict.constraints.map((c) => c.name).sort()).toEqual([
      "land excavated for 1,000,000 t/yr × 2 yr of coal",
      "upper bound of pit (20 ha)",
    ]);
    expect(r.conflict.relaxation.reduce((s, x) => s + x.byHa, 0)).toBeCloseTo(4, 9);
  });

  it("reproduces Zimmermann's (1978) fuzzy max–min example: x = (5.03, 7.32), λ = 0.742", async () => {
    // max z1 = −x1 + 2x2, max z2 = 2x1 + x2 s.t. −x1 + 3x2 ≤ 21, x1 + 3x2 ≤ 27, 4x1 + 3x2 ≤ 45, 3x1 + x2 ≤ 30.
    // Payoff: z1 ∈ [−3, 14], z2 ∈ [7, 21].
    const vars = [
      { name: "x1", lower: 0, upper: Infinity },
      { name: "x2", lower: 0, upper: Infinity },
    ];
    const t = (a: number, b: number) => [
      { variable: "x1", coefficient: a },
      { variable: "x2", coefficient: b },
    ];
    const rows = [
      row("c1", t(-1, 3), "<=", 21),
      row("c2", t(1, 3), "<=", 27),
      row("c3", t(4, 3), "<=", 45),
      row("c4", t(3, 1), "<=", 30),
    ];
    const s = await highsSolver(
      fuzzyMaxMinModel(
        vars,
        rows,
        [],
        [
          { name: "z1", terms: t(-1, 2), worst: -3, best: 14 },
          { name: "z2", terms: t(2, 1), worst: 7, best: 21 },
        ],
      ),
    );
    const x2 = 1135 / 155; // on x1 + 3x2 = 27 where (z1 + 3)/17 = (z2 − 7)/14
    expect(s.values.get("x1")).toBeCloseTo(27 - 3 * x2, 6);
    expect(s.values.get("x2")).toBeCloseTo(x2, 6);
    expect(s.values.get(LAMBDA)).toBeCloseTo((5 * x2 - 24) / 17, 6);
    expect(s.values.get("x1")!.toFixed(2)).toBe("5.03");
    expect(s.values.get("x2")!.toFixed(2)).toBe("7.32");
  });

  it("fuzzy and weighted: carbon against value, hand-worked (λ = 0.5 at a = b = 5 ha)", async () => {
    const p: StructureProblem = {
      name: "two goals",
      totalAreaHa: 10,
      classes: [cls("a", 2, { valueYuanPerHaYr: 1 }), cls("b", 1, { valueYuanPerHaYr: 3 })],
      constraints: [],
      objective: { kind: "fuzzy" },
    };
    const r = await optimizeStructure(p, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    expect(r.fuzzy!.lambda).toBeCloseTo(0.5, 9);
    expect(r.classes.map((c) => c.optimalHa)).toEqual([expect.closeTo(5, 9), expect.closeTo(5, 9)]);
    expect(r.payoff).toEqual([
      { optimized: "carbon", carbon: 20, value: 10 },
      { optimized: "value", carbon: 10, value: 30 },
    ]);
    const w = await optimizeStructure(
      { ...p, objective: { kind: "weighted", carbon: 1, value: 0 } },
      highsSolver,
    );
    if (w.status !== "optimal") throw new Error(w.status);
    expect(w.classes[0]!.optimalHa).toBeCloseTo(10, 9);
  });

  it("never gains from one more constraint, and always keeps the total area and every constraint", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -400, max: 5, noNaN: true }), { minLength: 2, maxLength: 5 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        async (sinks, floor) => {
          const classes = sinks.map((s, i) => cls(`c${i}`, s, { currentHa: 100 / sinks.length }));
          const base: StructureProblem = {
            name: "p",
            totalAreaHa: 100,
            classes,
            constraints: [],
            objective: { kind: "carbon" },
          };
          const more: StructureProblem = {
            ...base,
            constraints: [
              { name: "floor", terms: [{ key: "c0", coefficient: 1 }], sense: ">=", rhsHa: floor },
            ],
          };
          const a = await optimizeStructure(base, highsSolver);
          const b = await optimizeStructure(more, highsSolver);
          if (a.status !== "optimal" || b.status !== "optimal") throw new Error("not optimal");
          expect(b.criteria[0]!.optimal).toBeLessThanOrEqual(a.criteria[0]!.optimal + 1e-6);
          expect(b.classes.reduce((s, c) => s + c.optimalHa, 0)).toBeCloseTo(100, 6);
          expect(b.classes[0]!.optimalHa).toBeGreaterThanOrEqual(floor - 1e-6);
        },
      ),
      { numRuns: 40 },
    );
  });
});

const table = factorTable();
/** The library, which holds the IPCC soil factors (src/factors/data/ipcc-soil.csv). */
const soilTable = () => factorTable();
const issuesOf = (doc: unknown, t = table) => {
  try {
    readStructureProblem(doc, "p.yaml", t);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return [...(e as InputError).issues];
  }
  throw new Error("expected an InputError");
};

describe("structure problem files", () => {
  it("names every problem with its path", () => {
    const bad = {
      kind: "landuse-structure",
      name: "x",
      classes: [
        { key: "a", name: "A", currentHa: 5, absorption: "seed000.t1.zhao2013.forest.absorption" },
        { key: "a", name: "B", currentHa: 5, netSinkTCPerHaYr: 2 },
        { key: "c", name: "C", currentHa: -1 },
      ],
      constraints: [{ name: "k", classes: ["zz"], sense: ">=", rhsHa: 1 }],
    };
    try {
      readStructureProblem(bad, "p.yaml", table);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const paths = (e as InputError).issues.map((i) => i.path);
      expect(paths).toEqual(["classes[2].currentHa"]);
    }
    bad.classes[2]!.currentHa = 1;
    try {
      readStructureProblem(bad, "p.yaml", table);
      throw new Error("no error");
    } catch (e) {
      const issues = (e as InputError).issues;
      expect(issues.map((i) => i.path)).toEqual(
        expect.arrayContaining([
          "classes[1].key",
          "classes[0].absorption",
          "classes[1].source",
          "classes[2]",
          "constraints[0].classes[0]",
        ]),
      );
      expect(issues.find((i) => i.path === "classes[0].absorption")!.message).toMatch(/readAs: tC or tCO2/);
    }
  });

  it("turns coal output into land floors with seed 003's 0.12 + 0.10 ha per 10⁴ t, or seed 001's 0.24 over both", () => {
    const doc = {
      kind: "landuse-structure",
      name: "coal",
      classes: [
        { key: "pit", name: "pit", currentHa: 10, netSinkTCPerHaYr: -1, source: "t" },
        { key: "dump", name: "dump", currentHa: 10, netSinkTCPerHaYr: -1, source: "t" },
      ],
      coalLand: { coalOutputT: 1_000_000, years: 2, excavation: ["pit"], dump: ["dump"] },
    };
    const { problem } = readStructureProblem(doc, "c.yaml", table);
    // The floors are the problem's own, not constraints a file can leave out.
    expect(problem.constraints).toEqual([]);
    expect(problem.coalLand!.floors.map((f) => [f.keys, f.rhsHa, f.factorId])).toEqual([
      [["pit"], expect.closeTo(100 * 2 * 0.12, 9), "seed003.land_per_coal.excavation"],
      [["dump"], expect.closeTo(100 * 2 * 0.1, 9), "seed003.land_per_coal.external_dump"],
    ]);
    expect(structureRows(problem).map((r) => [r.name, r.lower])).toEqual([
      ["total area", 20],
      ["land excavated for 1,000,000 t/yr × 2 yr of coal", expect.closeTo(24, 9)],
      ["external dump for 1,000,000 t/yr × 2 yr of coal", expect.closeTo(20, 9)],
    ]);
    const total = readStructureProblem(
      { ...doc, coalLand: { ...doc.coalLand, totalFactor: "seed001.gao2021.land_per_coal" } },
      "c.yaml",
      table,
    ).problem.coalLand!;
    expect(total.floors.map((f) => [f.keys, f.rhsHa])).toEqual([[["pit", "dump"], expect.closeTo(48, 9)]]);
  });

  it("refuses coal land without its years open, and both kinds of land-per-coal factor at once", () => {
    const doc = (coalLand: object) => ({
      kind: "landuse-structure",
      name: "coal",
      classes: [{ key: "pit", name: "pit", currentHa: 10, netSinkTCPerHaYr: -1, source: "t" }],
      coalLand: { coalOutputT: 1e6, excavation: ["pit"], dump: ["pit"], ...coalLand },
    });
    expect(issuesOf(doc({}))).toEqual([
      { path: "coalLand.years", message: "must be given (number); got nothing" },
    ]);
    expect(
      issuesOf(
        doc({ years: 1, totalFactor: "seed001.gao2021.land_per_coal", excavationFactor: "gwp.sar.ch4" }),
      ).map((i) => i.path),
    ).toEqual(["coalLand", "coalLand.totalFactor"]);
    expect(issuesOf(doc({ years: 1, dump: ["dump"], excavationFactor: "gwp.sar.ch4" }))).toEqual([
      { path: "coalLand.dump[0]", message: '"dump" is not a class key; known: pit' },
      {
        path: "coalLand.excavationFactor",
        message: expect.stringMatching(/^must be a land per coal output in ha\/10\^4 t; got gwp\.sar\.ch4/),
      },
    ]);
  });
});

describe("coal output fixed: the energy on its land and the floor (issue 10, item 2c)", () => {
  /**
   * Hand-worked: 100 ha; a pit whose emission is seed 000's energy-use coefficient for mining land
   * (370.995 t/ha·a, read as t C) and grassland (pasture absorption 0.95). Coal output 10⁶ t/yr open
   * 5 yr: excavation floor 100 × 5 × 0.12 = 60 ha, dump floor 50 ha (a dump of 50 ha now).
   */
  const doc = (coalLand: boolean) => ({
    kind: "landuse-structure",
    name: "held",
    readAs: "tC",
    classes: [
      {
        key: "pit",
        name: "pit",
        currentHa: 80,
        emission: "seed000.t1.zhao2013.urban_industrial_mining.emission",
      },
      { key: "dump", name: "dump", currentHa: 50, netSinkTCPerHaYr: 0, source: "t" },
      { key: "grass", name: "grass", currentHa: 70, absorption: "seed000.t1.zhao2013.pasture.absorption" },
    ],
    ...(coalLand
      ? { coalLand: { coalOutputT: 1e6, years: 5, excavation: ["pit"], dump: ["dump"] } }
      : { constraints: [{ name: "pit floor", classes: ["pit"], sense: ">=", rhsHa: 60 }] }),
  });

  it("holds the energy use of the output's land at its current total: shrinking it gains only its other coefficients", async () => {
    const { problem } = readStructureProblem(doc(true), "h.yaml", table);
    expect(problem.classes[0]).toMatchObject({ netSinkTCPerHaYr: 0, heldEnergyTCPerHaYr: 370.995 });
    const r = await optimizeStructure(problem, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    // pit 80 → 60 ha (its floor), grass 70 → 90 ha: the gain is 20 ha × 0.95 = 19 t C/yr, not 20 × 371.945.
    expect(r.classes.map((c) => c.optimalHa)).toEqual([
      expect.closeTo(60, 9),
      expect.closeTo(50, 9),
      expect.closeTo(90, 9),
    ]);
    expect(r.criteria[0]!.current).toBeCloseTo(70 * 0.95 - 80 * 370.995, 9);
    expect(r.criteria[0]!.change).toBeCloseTo(19, 9);
    expect(r.carbonParts.optimal.energyHeld).toBeCloseTo(-80 * 370.995, 9);
    expect(r.notes.join("\n")).toMatch(/energy use of pit held at its current 29,680 t C\/yr/);
    expect(r.binding.find((b) => b.name.startsWith("land excavated"))!.shadowPrice).toBeCloseTo(-0.95, 9);
  });

  it("without coal land, counts that energy per hectare and says so (the old reading)", async () => {
    const { problem } = readStructureProblem(doc(false), "h.yaml", table);
    const r = await optimizeStructure(problem, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    // pit to its 60 ha floor at 370.995 + 0.95 per ha, and the unconstrained dump (0) to grassland.
    expect(r.criteria[0]!.change).toBeCloseTo(20 * (370.995 + 0.95) + 50 * 0.95, 6);
    expect(r.notes.join("\n")).toMatch(
      /pit: the emission coefficient is energy used on construction land .* give coalLand/,
    );
  });
});

describe("soil carbon on conversion, IPCC 2006 Eq. 2.25 over 20 yr (issue 10, item 2c)", () => {
  /**
   * Hand-worked: 100 ha; grassland net 0.8 t C/ha/yr at SOC_REF 38 t C/ha, cropland net 1.0 at
   * 38 × 0.80 (long-term cultivated, temperate dry) = 30.4 t C/ha; cropland ≤ 80 ha. Converting a
   * hectare of grassland to cropland gains 0.2 t C/yr of coefficients but loses (38 − 30.4)/20 =
   * 0.38 t C/yr of soil for 20 years: with the soil counted, grassland stays.
   */
  const doc = (soil: boolean) => ({
    kind: "landuse-structure",
    name: "soil",
    classes: [
      {
        key: "grass",
        name: "grass",
        currentHa: 50,
        netSinkTCPerHaYr: 0.8,
        source: "t",
        ...(soil ? { soilFactors: ["ipcc06.soil.grassland.flu", "ipcc06.soil.grassland.fmg.nominal"] } : {}),
      },
      {
        key: "crop",
        name: "crop",
        currentHa: 50,
        maxHa: 80,
        netSinkTCPerHaYr: 1,
        source: "t",
        ...(soil
          ? {
              soilFactors: [
                "ipcc06.soil.cropland.flu.long_term.temperate_dry",
                "ipcc06.soil.cropland.fmg.full_tillage",
                "ipcc06.soil.cropland.fi.medium",
              ],
            }
          : {}),
      },
    ],
    ...(soil ? { soil: { reference: "ipcc06.soil.socref.warm_temperate_dry.hac" } } : {}),
  });

  it("carries the soil loss of grassland → cropland, so the optimum no longer converts it", async () => {
    const { problem } = readStructureProblem(doc(true), "s.yaml", soilTable());
    expect(problem.soil).toEqual({ transitionYears: 20, source: "ipcc06.afolu.soc_transition" });
    expect(problem.classes.map((c) => c.socTCPerHa)).toEqual([38, expect.closeTo(30.4, 12)]);
    const r = await optimizeStructure(problem, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    // 1.0 + 30.4/20 = 2.52 < 0.8 + 38/20 = 2.70: all cropland back to grassland (cropland ≥ 0).
    expect(r.classes.map((c) => c.optimalHa)).toEqual([expect.closeTo(100, 9), expect.closeTo(0, 9)]);
    // Soil gain 50 ha × 7.6 / 20 = 19 t C/yr for 20 yr; coefficients 100 × 0.8 − (50 × 0.8 + 50) = −10.
    expect(r.carbonParts.optimal.soilChange).toBeCloseTo(19, 9);
    expect(r.criteria[0]!.change).toBeCloseTo(9, 9);
    expect(r.notes.join("\n")).toMatch(/Eq\. 2\.25 .* spread over D = 20 yr/);
    // Without soil, the same problem turns grassland into cropland up to its cap.
    const old = await optimizeStructure(
      readStructureProblem(doc(false), "s.yaml", table).problem,
      highsSolver,
    );
    if (old.status !== "optimal") throw new Error(old.status);
    expect(old.classes[1]!.optimalHa).toBeCloseTo(80, 9);
    expect(old.notes.join("\n")).toMatch(/no soil carbon change on conversion is counted/);
  });

  it("names every soil problem with its path", () => {
    const base = doc(true);
    const issues = issuesOf(
      {
        ...base,
        soil: { reference: "ipcc06.soil.cropland.fi.medium", transitionYears: "seed003.land_per_coal.total" },
        classes: [
          { ...base.classes[0], soilFactors: ["seed000.t1.zhao2013.forest.absorption"] },
          { ...base.classes[1], soilFactors: undefined },
        ],
      },
      soilTable(),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      "classes[0].soilFactors[0]",
      "classes[1].soilFactors",
      "soil.reference",
      "soil.transitionYears",
    ]);
    expect(issuesOf({ ...doc(false), classes: [{ ...doc(true).classes[0] }] }, soilTable())).toEqual([
      { path: "classes[0].soilFactors", message: expect.stringMatching(/needs soil: \{ reference/) },
    ]);
  });
});

describe("shadow prices of class bounds (reduced costs; issue 10, item 9)", () => {
  it("prices a class's maxHa and minHa like the rows they replace (hand-worked)", async () => {
    // The hand-worked problem with forest's cap and mining's floor as class bounds instead of rows.
    const p: StructureProblem = {
      ...hand,
      classes: [
        cls("forest", 3, { currentHa: 30, maxHa: 45 }),
        cls("arable", 1, { currentHa: 50 }),
        cls("mining", -5, { currentHa: 20, minHa: 10 }),
      ],
      constraints: hand.constraints.filter((c) => c.name === "arable floor"),
    };
    const r = await optimizeStructure(p, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    expect(r.binding.map((b) => b.name)).toEqual(["total area"]);
    // Same values as the rows' duals: +2 per ha of forest cap, −6 per ha of mining floor.
    expect(r.boundPrices).toEqual([
      expect.objectContaining({
        key: "forest",
        bound: "max",
        boundHa: 45,
        shadowPrice: expect.closeTo(2, 9),
      }),
      expect.objectContaining({
        key: "mining",
        bound: "min",
        boundHa: 10,
        shadowPrice: expect.closeTo(-6, 9),
      }),
    ]);
    expect(r.boundPrices[0]!.shadowPriceUnit).toBe("t C/yr per ha");
    expect(formatOptimize({ ...r, assumptions: [] })).toMatch(
      /Class bounds that hold .*\n {2}- forest ≤ 45\.00 ha: shadow price 2\.0000 t C\/yr per ha\n {2}- mining ≥ 10\.00 ha: shadow price -6\.0000/,
    );
  });

  it("prices a floor of 0 ha too (what forcing one hectare of a class in would cost)", async () => {
    const r = await optimizeStructure(
      { ...hand, classes: [cls("a", 2), cls("b", 1)], constraints: [], totalAreaHa: 10 },
      highsSolver,
    );
    if (r.status !== "optimal") throw new Error(r.status);
    expect(r.boundPrices).toEqual([
      expect.objectContaining({ key: "b", bound: "min", boundHa: 0, shadowPrice: expect.closeTo(-1, 9) }),
    ]);
  });
});

describe("minecarbon optimize", () => {
  const bin = join(PROJECT_ROOT, "bin", "minecarbon.mjs");
  it("solves the demo area's example: coal land held, soil counted, cropland not grown for carbon (issue 10, item 2c)", () => {
    const r = spawnSync(process.execPath, [
      bin,
      "optimize",
      join(PROJECT_ROOT, "examples", "pingshuo-structure.yaml"),
      "--json",
    ]);
    expect(r.stderr.toString()).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.toString());
    expect(out.status).toBe("optimal");
    const total = out.classes.reduce((s: number, c: { optimalHa: number }) => s + c.optimalHa, 0);
    expect(total).toBeCloseTo(51_696, 6);
    const ha = Object.fromEntries(
      out.classes.map((c: { key: string; optimalHa: number }) => [c.key, c.optimalHa]),
    );
    // Cropland at its protection floor, grassland grows: no grassland → cropland "for carbon".
    expect(ha.arable).toBeCloseTo(22_000, 6);
    expect(ha.grassland).toBeGreaterThan(8793.36);
    // The land the 20 Mt/yr needs for 5 yr: open pit + stripping ≥ 1,200 ha, dump ≥ 1,000 ha.
    expect(ha["open-pit"] + ha.stripping).toBeCloseTo(1200, 6);
    expect(ha.dump).toBeCloseTo(1000, 6);
    // Was −2,941,111.46 → −2,032,070.88 (+909,040.59, 98 % from shrinking mining land at 371 t C/ha/yr).
    // Now: arable without a yearly sink (−112,973.70 now), energy held, soil over 20 yr.
    const c = out.criteria[0];
    expect(c.current).toBeCloseTo(-3_054_085.1622, 3);
    expect(c.optimal).toBeCloseTo(-3_033_934.27355, 3);
    expect(out.carbonParts.optimal.energyHeld).toBeCloseTo(-2_642_782.88, 1);
    expect(out.carbonParts.optimal.soilChange).toBeCloseTo(7142.72, 1);
    // No floor of the output's land is worth the energy coefficient any more.
    for (const b of out.binding) expect(Math.abs(b.shadowPrice)).toBeLessThan(10);
    expect(out.binding.map((b: { name: string }) => b.name)).toContain("total area");
    const forest = out.boundPrices.find((b: { key: string }) => b.key === "forest");
    expect(forest).toMatchObject({ bound: "max", boundHa: 12_299.97 });
    expect(forest.shadowPrice).toBeCloseTo(2.76, 9);
    expect(out.notes.join("\n")).toMatch(
      /energy use of open pit, stripping land, dump, industrial land held/,
    );
    // Pingshuo is cool-temperate dry by IPCC's zones (mean annual temperature 0–10 °C).
    expect(out.factors.used.map((f: { id: string }) => f.id)).toContain(
      "ipcc06.soil.socref.cool_temperate_dry.hac",
    );
  });
  it("exits 2 for a bad problem file", () => {
    const r = spawnSync(process.execPath, [bin, "optimize", join(PROJECT_ROOT, "examples", "yongning.yaml")]);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/kind/);
  });
});
