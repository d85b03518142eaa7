import { spawnSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzyMaxMinModel, LAMBDA } from "../../src/domain/optimise/fuzzy-max-min.ts";
import { row } from "../../src/domain/optimise/lp-model.ts";
import { optimiseStructure } from "../../src/domain/optimise/optimise-structure.ts";
import type { StructureClass, StructureProblem } from "../../src/domain/optimise/structure-problem.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readStructureProblem } from "../../src/io/read-structure-problem.ts";
import { highsSolver } from "../../src/optimise/highs-solver.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

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

describe("land-use structure optimisation (HiGHS)", () => {
  it("finds the hand-worked optimum, its binding constraints and shadow prices", async () => {
    const r = await optimiseStructure(hand, highsSolver);
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
    const r = await optimiseStructure(p, highsSolver);
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
    const r = await optimiseStructure(p, highsSolver);
    if (r.status !== "optimal") throw new Error(r.status);
    expect(r.fuzzy!.lambda).toBeCloseTo(0.5, 9);
    expect(r.classes.map((c) => c.optimalHa)).toEqual([expect.closeTo(5, 9), expect.closeTo(5, 9)]);
    expect(r.payoff).toEqual([
      { optimised: "carbon", carbon: 20, value: 10 },
      { optimised: "value", carbon: 10, value: 30 },
    ]);
    const w = await optimiseStructure(
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
          const a = await optimiseStructure(base, highsSolver);
          const b = await optimiseStructure(more, highsSolver);
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

describe("structure problem files", () => {
  const table = factorTable();
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

  it("turns coal output into land floors with seed 003's 0.12 + 0.10 ha per 10⁴ t", () => {
    const { problem } = readStructureProblem(
      {
        kind: "landuse-structure",
        name: "coal",
        classes: [
          { key: "pit", name: "pit", currentHa: 10, netSinkTCPerHaYr: -1, source: "t" },
          { key: "dump", name: "dump", currentHa: 10, netSinkTCPerHaYr: -1, source: "t" },
        ],
        coalLand: { coalOutputT: 1_000_000, years: 2, excavation: ["pit"], dump: ["dump"] },
      },
      "c.yaml",
      table,
    );
    expect(problem.constraints.map((c) => [c.sense, c.rhsHa])).toEqual([
      [">=", expect.closeTo(100 * 2 * 0.12, 9)],
      [">=", expect.closeTo(100 * 2 * 0.1, 9)],
    ]);
  });
});

describe("minecarbon optimize", () => {
  const bin = join(PROJECT_ROOT, "bin", "minecarbon.mjs");
  it("solves the demo area's example", () => {
    const r = spawnSync(process.execPath, [
      bin,
      "optimize",
      join(PROJECT_ROOT, "examples", "pingshuo-structure.yaml"),
      "--json",
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.toString());
    expect(out.status).toBe("optimal");
    const total = out.classes.reduce((s: number, c: { optimalHa: number }) => s + c.optimalHa, 0);
    expect(total).toBeCloseTo(51_696, 6);
    expect(out.criteria[0].optimal).toBeGreaterThan(out.criteria[0].current);
    expect(out.binding.map((b: { name: string }) => b.name)).toContain("total area");
  });
  it("exits 2 for a bad problem file", () => {
    const r = spawnSync(process.execPath, [bin, "optimize", join(PROJECT_ROOT, "examples", "yongning.yaml")]);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/kind/);
  });
});
