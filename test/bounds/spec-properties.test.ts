import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBudgetInput } from "../../src/domain/budget/budget-spec.ts";
import { budgetReport } from "../../src/domain/budget/budget-report.ts";
import { QUANTITY_BOUNDS, TEXT_BOUNDS } from "../../src/domain/common/input-bounds.ts";
import { parseInventoryInput } from "../../src/domain/mine/inventory-spec.ts";
import { mineInventory } from "../../src/domain/mine/mine-inventory.ts";
import { scenarioProblems } from "../../src/domain/pathway/check-scenario.ts";
import { runScenario } from "../../src/domain/pathway/run-scenario.ts";
import { scenarioSchema } from "../../src/domain/pathway/scenario-spec.ts";
import { describeValue, InputError } from "../../src/domain/validation/input-issue.ts";
import { userText } from "../../src/domain/validation/user-text.ts";
import { zodIssuesToInputIssues } from "../../src/domain/validation/zod-issues.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { readStructureProblem } from "../../src/io/read-structure-problem.ts";
import { optimizeStructure } from "../../src/domain/optimize/optimize-structure.ts";
import { highsSolver } from "../../src/solver/highs-solver.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { energyAmountBound } from "../../src/domain/mine/energy-tce-bound.ts";

const example = (f: string) => readInputFile(join(PROJECT_ROOT, "examples", f)) as Record<string, unknown>;
const table = factorTable();

type Key = string | number;
const clone = <T>(v: T): T => structuredClone(v);
const setAt = (doc: unknown, path: readonly Key[], value: unknown) => {
  let o = doc as Record<Key, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<Key, unknown>;
  o[path[path.length - 1]!] = value;
};
const dotted = (path: readonly Key[]) =>
  path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${k}` : k), "");

/** Every leaf of a document with its path (the places a mutation can land). */
function leaves(doc: unknown, path: Key[] = []): Key[][] {
  if (doc === null || typeof doc !== "object") return [path];
  const entries: [Key, unknown][] = Array.isArray(doc)
    ? doc.map((v, i) => [i, v])
    : Object.entries(doc as Record<string, unknown>);
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

/** Runs `f` and returns the error it threw (or undefined); anything but InputError fails the test. */
function onlyInputError(f: () => unknown): InputError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e;
  }
}

/** Every number anywhere in a value is finite. */
const allFinite = (v: unknown): boolean =>
  typeof v === "number"
    ? Number.isFinite(v)
    : Array.isArray(v)
      ? v.every(allFinite)
      : v !== null && typeof v === "object"
        ? Object.values(v).every(allFinite)
        : true;

/** Numbers beyond a bound, and the numbers YAML can hold but no quantity may be. */
const beyond = (max: number) =>
  fc.oneof(
    fc.double({ min: max * 1.000001, max: 1e308, noNaN: true }),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1),
  );

describe("parseInventoryInput(raw) with bounded quantities", () => {
  const base = example("yongning.yaml");
  const { areaHa, massT, energyAmount } = QUANTITY_BOUNDS;
  // Fields of the Yongning inventory, the bound each one has, and (for ranges) whether 0 is allowed.
  const fields: { path: Key[]; max: number }[] = [
    // An energy use is bounded in its carrier's unit and, converted, in tce (the tighter one).
    ...[0, 2].map((j) => ({
      path: ["years", 0, "energy", j, "amount"],
      max: Math.min(
        energyAmount.max,
        energyAmountBound(
          (base.years as { energy: Parameters<typeof energyAmountBound>[0][] }[])[0]!.energy[j]!,
          table,
        )!.max,
      ),
    })),
    { path: ["years", 0, "boundaryAreaHa"], max: areaHa.max },
    { path: ["years", 0, "coalOutputT"], max: massT.max },
    { path: ["years", 0, "methane", "underground", 0, "massT"], max: massT.max },
    { path: ["years", 0, "co2Fugitive", 0, "massT"], max: massT.max },
    { path: ["years", 0, "sinks", "forest", 0, "areaHa"], max: areaHa.max },
    { path: ["years", 0, "sinks", "ecosystems", 0, "areaHa"], max: areaHa.max },
  ];

  it("parses any finite values within the bounds, and computes only finite figures", () => {
    fc.assert(
      fc.property(
        fc.tuple(...fields.map((f) => fc.double({ min: 1e-6, max: f.max, noNaN: true }))),
        (values) => {
          const doc = clone(base);
          fields.forEach((f, i) => setAt(doc, f.path, values[i]));
          const inv = mineInventory(parseInventoryInput(doc, "inv.yaml", table), table.fresh(), "inv.yaml");
          expect(allFinite(inv)).toBe(true);
          expect(inv.years[0]!.totals.grossEmissionTCO2ePerYr).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses a value beyond its bound or not finite, at its field, with the bound or 'finite'", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: fields.length - 1 })
          .chain((i) => fc.tuple(fc.constant(i), beyond(fields[i]!.max))),
        ([i, value]) => {
          const doc = clone(base);
          setAt(doc, fields[i]!.path, value);
          const e = onlyInputError(() => parseInventoryInput(doc, "inv.yaml", table));
          expect(e).toBeInstanceOf(InputError);
          const issue = e!.issues.find((x) => x.path === dotted(fields[i]!.path));
          expect(issue, e!.message).toBeDefined();
          if (!Number.isFinite(value))
            expect(issue!.message).toBe(`must be a finite number; got ${describeValue(value)}`);
          else if (value < 0) expect(issue!.message).toMatch(/^must be [≥>] 0; got -1$/);
          else expect(issue!.message).toMatch(/^must be ≤ [\d,.e]+ /);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("reports YAML .nan, .inf and -.inf as such, never as null", () => {
    for (const [value, shown] of [
      [Number.NaN, ".nan"],
      [Infinity, ".inf"],
      [-Infinity, "-.inf"],
    ] as const) {
      const doc = clone(base);
      setAt(doc, ["years", 0, "energy", 0, "amount"], value);
      const e = onlyInputError(() => parseInventoryInput(doc, "inv.yaml", table))!;
      expect(e.issues).toEqual([
        { path: "years[0].energy[0].amount", message: `must be a finite number; got ${shown}` },
      ]);
    }
  });

  it("throws nothing but InputError for any JSON value anywhere in the document", () => {
    const paths = leaves(base);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 3 }),
        (i, value) => {
          const doc = clone(base);
          setAt(doc, paths[i]!, value);
          onlyInputError(() =>
            mineInventory(parseInventoryInput(doc, "inv.yaml", table), table.fresh(), "x"),
          );
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        onlyInputError(() => parseInventoryInput(raw, "inv.yaml", table));
      }),
      { numRuns: 200 },
    );
  });

  it("refuses NUL in any text and text beyond its length, naming the field", () => {
    const doc = clone(base);
    doc.mine = "Yong\u0000ning";
    setAt(doc, ["years", 0, "energy", 0, "note"], "x".repeat(TEXT_BOUNDS.text + 1));
    const e = onlyInputError(() => parseInventoryInput(doc, "inv.yaml", table))!;
    expect(e.issues.map((i) => i.path)).toEqual(["mine", "years[0].energy[0].note"]);
    expect(e.issues[0]!.message).toMatch(/must not contain the NUL character/);
    expect(e.issues[1]!.message).toMatch(/^must be at most 2,000 characters long; got "x{57}"\.\.\.$/);
  });
});

describe("scenarioSchema with bounded quantities", () => {
  const base = example("yongning-pathway.yaml");
  const parse = (raw: unknown) => {
    const r = scenarioSchema.safeParse(raw);
    if (!r.success) throw new InputError("s.yaml", zodIssuesToInputIssues(r.error, raw));
    const problems = scenarioProblems(r.data, table);
    if (problems.length) throw new InputError("s.yaml", problems);
    return r.data;
  };
  const { areaHa, densityTCPerHa, massT, moneyCNY } = QUANTITY_BOUNDS;
  const fields: { path: Key[]; max: number }[] = [
    { path: ["measures", 4, "hectaresPerYear"], max: areaHa.max / 20 },
    { path: ["measures", 4, "maxStockTCPerHa"], max: densityTCPerHa.max },
    { path: ["measures", 6, "tCO2ePerYr"], max: massT.max },
    { path: ["measures", 0, "cost", "capitalCNY"], max: moneyCNY.max },
    { path: ["coalOutput", 0, "t"], max: massT.max },
  ];

  it("parses finite values within the bounds; refuses others at their field", () => {
    fc.assert(
      fc.property(
        fc.tuple(...fields.map((f) => fc.double({ min: 1, max: f.max, noNaN: true }))),
        (values) => {
          const doc = clone(base);
          fields.forEach((f, i) => setAt(doc, f.path, values[i]));
          expect(parse(doc).name).toBe(base.name);
        },
      ),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: fields.length - 1 })
          .chain((i) => fc.tuple(fc.constant(i), beyond(Math.max(fields[i]!.max, 1e12)))),
        ([i, value]) => {
          const doc = clone(base);
          setAt(doc, fields[i]!.path, value);
          const e = onlyInputError(() => parse(doc))!;
          expect(e.issues.map((x) => x.path)).toContain(dotted(fields[i]!.path));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("projects any scenario within the bounds to finite figures (pathway, economics)", () => {
    // Reclamation is capped by the baseline's mining land: give the baseline as much as the bound
    // allows, so that any reclamation within the bounds can run.
    const baseline = example("yongning.yaml") as { years: Record<string, unknown>[] };
    baseline.years[0]!.miningLandHa = QUANTITY_BOUNDS.areaHa.max;
    baseline.years[0]!.boundaryAreaHa = QUANTITY_BOUNDS.areaHa.max;
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: QUANTITY_BOUNDS.areaHa.max / 20, noNaN: true }),
        fc.double({ min: 1e-3, max: densityTCPerHa.max, noNaN: true }),
        fc.double({ min: 0, max: massT.max, noNaN: true }),
        fc.double({ min: 0, max: moneyCNY.max, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (ha, stock, offsets, capital, growth) => {
          const doc = clone(base) as Record<string, unknown> & {
            economics: { carbonPrice: { growth: object } };
          };
          setAt(doc, ["measures", 4, "hectaresPerYear"], ha);
          setAt(doc, ["measures", 4, "maxStockTCPerHa"], stock);
          setAt(doc, ["measures", 6, "tCO2ePerYr"], offsets);
          setAt(doc, ["measures", 0, "cost", "capitalCNY"], capital);
          doc.economics.carbonPrice.growth = { low: growth, central: growth, high: growth };
          const r = runScenario(parse(doc), baseline, table, "base.yaml");
          expect(allFinite(r)).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("refuses a reclamation larger than China in all, though each year's area is in range", () => {
    const doc = clone(base);
    setAt(doc, ["measures", 4, "years"], 20);
    setAt(doc, ["measures", 4, "hectaresPerYear"], 5e8);
    const e = onlyInputError(() => parse(doc))!;
    expect(e.issues).toEqual([
      {
        path: "measures[4].hectaresPerYear",
        message: expect.stringMatching(
          /^× years \(20\) is the area reclaimed in all, which must be ≤ 960,000,000 ha/,
        ),
      },
    ]);
  });

  it("throws nothing but InputError for any JSON value anywhere in the scenario", () => {
    const paths = leaves(base);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 3 }),
        (i, value) => {
          const doc = clone(base);
          setAt(doc, paths[i]!, value);
          onlyInputError(() => parse(doc));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("readStructureProblem(raw) and parseBudgetInput(raw) with bounded quantities", () => {
  const structure = example("pingshuo-structure.yaml");
  const budget = example("pingshuo-2018-budget.yaml");

  it("refuses currentHa 1e308 and friends at the field with the bound", () => {
    for (const [path, value, rule] of [
      [["classes", 0, "currentHa"], 1e308, /^must be ≤ 960,000,000 ha \(the land area of China/],
      [["classes", 1, "maxHa"], Infinity, /^must be a finite number; got \.inf$/],
      [["classes", 0, "currentHa"], Number.NaN, /^must be a finite number; got \.nan$/],
      [["totalAreaHa"], 1e10, /^must be ≤ 960,000,000 ha/],
    ] as const) {
      const doc = clone(structure);
      setAt(doc, path, value);
      const e = onlyInputError(() => readStructureProblem(doc, "s.yaml", table))!;
      expect(e.issues.find((i) => i.path === dotted(path))?.message, e.message).toMatch(rule);
    }
  });

  it("budgets any areas within the bound to finite figures; refuses others at the field", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: QUANTITY_BOUNDS.areaHa.max, noNaN: true }), (a) => {
        const doc = clone(budget);
        setAt(doc, ["areas", 0, "areaHa"], a);
        const report = budgetReport(parseBudgetInput(doc, "b.yaml", table.fresh()), table.fresh(), {
          draws: 50,
        });
        expect(allFinite(report)).toBe(true);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(beyond(QUANTITY_BOUNDS.areaHa.max), (a) => {
        const doc = clone(budget);
        setAt(doc, ["areas", 0, "areaHa"], a);
        const e = onlyInputError(() => parseBudgetInput(doc, "b.yaml", table))!;
        expect(e.issues.map((i) => i.path)).toEqual(["areas[0].areaHa"]);
      }),
      { numRuns: 40 },
    );
  });

  it("optimizes any problem within the bounds to a status or a named problem, never a solver crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: QUANTITY_BOUNDS.areaHa.max, noNaN: true }),
        fc.double({
          min: -QUANTITY_BOUNDS.termCoefficient.max,
          max: QUANTITY_BOUNDS.termCoefficient.max,
          noNaN: true,
        }),
        fc.double({
          min: -QUANTITY_BOUNDS.constraintHa.max,
          max: QUANTITY_BOUNDS.constraintHa.max,
          noNaN: true,
        }),
        fc.double({
          min: -QUANTITY_BOUNDS.fluxTCPerHaYr.max,
          max: QUANTITY_BOUNDS.fluxTCPerHaYr.max,
          noNaN: true,
        }),
        async (areaHa, k, rhsHa, flux) => {
          const doc = clone(structure) as { classes: Record<string, unknown>[]; constraints: unknown[] };
          doc.classes[0]!.currentHa = areaHa;
          doc.classes[2] = {
            ...doc.classes[2],
            absorption: undefined,
            netSinkTCPerHaYr: flux,
            source: "test",
          };
          delete doc.classes[2]!.absorption;
          doc.constraints.push({ name: "random", terms: { arable: k, forest: 1 }, sense: "<=", rhsHa });
          try {
            const { problem } = readStructureProblem(doc, "s.yaml", table);
            const r = await optimizeStructure(problem, highsSolver, "s.yaml");
            expect(["optimal", "infeasible", "unbounded", "other"]).toContain(r.status);
            expect(allFinite(r)).toBe(true);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("throws nothing but InputError for any JSON value in either document", () => {
    for (const [base, parse] of [
      [structure, (d: unknown) => readStructureProblem(d, "s.yaml", table)],
      [budget, (d: unknown) => parseBudgetInput(d, "b.yaml", table)],
    ] as const) {
      const paths = leaves(base);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: paths.length - 1 }),
          fc.jsonValue({ maxDepth: 3 }),
          (i, value) => {
            const doc = clone(base);
            setAt(doc, paths[i]!, value);
            onlyInputError(() => parse(doc));
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});

describe("userText() and describeValue()", () => {
  it("userText refuses exactly the strings with NUL or a lone surrogate half", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 50 }), (s) => {
        const bad =
          s.includes("\u0000") ||
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
        expect(userText().safeParse(s).success).toBe(!bad);
      }),
      { numRuns: 500 },
    );
  });

  it("describeValue is short for any value, however deep", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(describeValue(deep).length).toBeLessThanOrEqual(60);
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(describeValue(v).length).toBeLessThanOrEqual(70);
      }),
      { numRuns: 300 },
    );
  });
});

describe("every number field of every model spec is bounded, as specFields reads it", () => {
  it("has a lower and an upper bound (the bounds CLI help, docs/model-specs.md and the forms show)", async () => {
    const { MODEL_SPECS } = await import("../../src/cli/commands/spec-docs-command.ts");
    const { specFields } = await import("../../src/domain/common/field-meta.ts");
    const unbounded = MODEL_SPECS.flatMap((m) =>
      specFields(m.schema)
        .filter((f) => /\b(number|integer)\b/.test(f.type) && !f.type.endsWith("[]"))
        .filter((f) => f.min === undefined || f.max === undefined)
        .map((f) => `${m.id}: ${f.path}`),
    );
    expect(unbounded).toEqual([]);
  });
});
