import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { areaKeyFigures } from "../../src/app/area-overview.ts";
import { budgetReport } from "../../src/domain/budget/budget-report.ts";
import { parseBudgetInput } from "../../src/domain/budget/budget-spec.ts";
import { FactorTable } from "../../src/domain/factor/factor-table.ts";
import { checkPolygonGeojson, GEOJSON_BOUNDS } from "../../src/domain/landuse/polygon-geojson.ts";
import { parseInventoryInput } from "../../src/domain/mine/inventory-spec.ts";
import { mineInventory } from "../../src/domain/mine/mine-inventory.ts";
import { optimizeStructure } from "../../src/domain/optimize/optimize-structure.ts";
import { projectPathway } from "../../src/domain/pathway/project-pathway.ts";
import { runScenario } from "../../src/domain/pathway/run-scenario.ts";
import { pathwayWorkProblem } from "../../src/domain/pathway/pathway-work.ts";
import { DRAW_BOUNDS } from "../../src/domain/common/input-bounds.ts";
import { assertFiniteResult } from "../../src/domain/validation/finite-result.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readFactorFile } from "../../src/factors/read-factor-file.ts";
import type { RasterGrid } from "../../src/raster/grid.ts";
import { polygonsFile } from "../../src/landuse-analysis/analysis-files.ts";
import { polygonsOnGrid } from "../../src/landuse-analysis/polygons-on-grid.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { readLegendFile } from "../../src/io/read-legend-file.ts";
import { readPoolTable } from "../../src/io/read-pool-table.ts";
import { readScenarioFile } from "../../src/io/read-scenario.ts";
import { readStructureProblem } from "../../src/io/read-structure-problem.ts";
import { highsSolver } from "../../src/solver/highs-solver.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

/** A GeoJSON file on a grid, the way the CLI's analysis reads a boundary or zones. */
const readGeojsonPolygons = (path: string, grid: RasterGrid, nameField?: string) =>
  polygonsOnGrid(polygonsFile(path, nameField), grid);

const tmp = mkdtempSync(join(tmpdir(), "mc-bounds-"));
const examples = join(PROJECT_ROOT, "examples");
const example = (f: string) => readInputFile(join(examples, f)) as Record<string, unknown>;
const table = factorTable();
/** The library with one factor's value replaced: what no factor file may hold, to reach the last checks. */
const withFactor = (id: string, value: number) =>
  new FactorTable(
    table.all().map((f) => (f.id === id ? { ...f, value, low: value, high: value } : f)),
    table.libraryVersion,
  );
const inputError = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
};
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("assertFiniteResult(result) — the last check before a figure is printed or stored", () => {
  it("names the first figure that is ∞ or NaN and what to check; passes finite results through", () => {
    const ok = { a: [1, { b: 2 }], c: null, d: "x" };
    expect(assertFiniteResult(ok, "f.yaml", "check it")).toBe(ok);
    const e = inputError(() =>
      assertFiniteResult({ years: [{ net: 1 }, { net: -Infinity }] }, "f.yaml", "check the areas"),
    );
    expect(e.issues).toEqual([
      {
        path: "years[1].net",
        message: "came out as infinite (-.inf): the inputs are too large to compute with; check the areas",
      },
    ]);
    expect(inputError(() => assertFiniteResult([Number.NaN], "f", "h")).issues[0]!.message).toMatch(
      /^came out as not a number \(\.nan\)/,
    );
  });

  it("an inventory whose amount × factor overflows names the amount's field, not a total", () => {
    const doc = example("yongning.yaml");
    // An amount within its bounds (1e10 × 10^4 kWh is within 1e11 tce) times an absurd emission
    // factor: only the product overflows.
    const huge = withFactor("cn.grid.nbs.2022.prov.shanxi", 1e300);
    (doc.years as { energy: { amount: number }[] }[])[0]!.energy[0]!.amount = 1e10;
    const e = inputError(() => mineInventory(parseInventoryInput(doc, "inv.yaml", huge), huge, "inv.yaml"));
    expect(e.message).toMatch(/^inv\.yaml, year 2024 has 1 problem/);
    expect(e.issues).toEqual([
      {
        path: "years[0].energy[0].amount",
        message: expect.stringMatching(
          /^gives an emission \(electricity 10000000000 10\^4 kWh\) that is not a finite number/,
        ),
      },
    ]);
  });

  it("a budget whose density factor overflows is bad input naming the figure, not ∞ in the report", () => {
    const huge = withFactor("seed001.yang2019.soil_loss.forest", 1e300);
    const doc = example("pingshuo-stock-loss.yaml");
    (doc.conversions as { areaHa: number }[])[2]!.areaHa = 9e8;
    const e = inputError(() => budgetReport(parseBudgetInput(doc, "b.yaml", huge), huge, {}, "b.yaml"));
    expect(e.message).toMatch(/^b\.yaml has 1 problem/);
    expect(e.issues[0]!.message).toMatch(
      /came out as infinite \(\.inf\).*check the largest areas and the coefficient or density factors/,
    );
  });

  it("an optimization gives no ±∞ bound: a side without a bound is null", async () => {
    const { problem } = readStructureProblem(example("pingshuo-structure.yaml"), "s.yaml", table);
    const r = await optimizeStructure(problem, highsSolver, "s.yaml");
    if (r.status !== "optimal") throw new Error(r.status);
    expect(r.binding.length).toBeGreaterThan(0);
    for (const b of r.binding) {
      expect(b.lowerHa === null || Number.isFinite(b.lowerHa)).toBe(true);
      expect(b.upperHa === null || Number.isFinite(b.upperHa)).toBe(true);
    }
    expect(r.binding.some((b) => b.lowerHa === null || b.upperHa === null)).toBe(true);
  });
});

describe("pathway references and work", () => {
  it("a scenario whose baseline is itself, or not an inventory, is refused at baseline.inventory", () => {
    const self = join(tmp, "self.yaml");
    writeFileSync(self, "kind: pathway-scenario\nname: self\nbaseline: { inventory: self.yaml }\n");
    expect(inputError(() => readScenarioFile(self, table)).issues).toEqual([
      {
        path: "baseline.inventory",
        message: 'must name a mine-inventory file, not this scenario itself; got "self.yaml"',
      },
    ]);
    copyFileSync(join(examples, "yongning-pathway-baseline.yaml"), join(tmp, "other.yaml"));
    writeFileSync(
      join(tmp, "chain.yaml"),
      "kind: pathway-scenario\nname: c\nbaseline: { inventory: other.yaml }\n",
    );
    expect(inputError(() => readScenarioFile(join(tmp, "chain.yaml"), table)).issues[0]).toEqual({
      path: "baseline.inventory",
      message: expect.stringMatching(
        /^must name a mine-inventory file \(kind: mine-inventory\); .*other\.yaml is of kind "pathway-scenario"$/,
      ),
    });
    writeFileSync(
      join(tmp, "gone.yaml"),
      "kind: pathway-scenario\nname: g\nbaseline: { inventory: nowhere.yaml }\n",
    );
    expect(inputError(() => readScenarioFile(join(tmp, "gone.yaml"), table)).issues[0]).toEqual({
      path: "baseline.inventory",
      message: expect.stringMatching(/nowhere\.yaml cannot be read: no such file$/),
    });
  });

  it("a baseline that is no inventory, or lacks the year, is named in its own terms — never 'has no year undefined'", () => {
    const scenario = { ...readScenarioFile(join(examples, "yongning-pathway.yaml"), table).scenario };
    const notInventory = inputError(() =>
      projectPathway(scenario, example("yongning-pathway.yaml"), table, "base.yaml"),
    );
    expect(notInventory.message).not.toMatch(/undefined/);
    expect(notInventory.issues.map((i) => i.path)).toContain("kind");
    const missing = inputError(() =>
      projectPathway(
        { ...scenario, baseline: { ...scenario.baseline, year: 2030 } },
        example("yongning.yaml"),
        table,
        "base.yaml",
      ),
    );
    expect(missing.issues).toEqual([
      { path: "years", message: "has no year 2030 (the scenario's baseline.year); its years are 2024" },
    ]);
  });

  it("bounds a pathway's work, rows × years × (1 + measures on activity + 3 + draws ÷ 250), before projecting", () => {
    const { scenario, baseline } = readScenarioFile(join(examples, "yongning-pathway.yaml"), table);
    // Yongning as it is (25 rows, 37 years) takes 50,000 draws: (1 + 4 + 3 + 200) × 925 = 192,400 rows.
    const most = { ...scenario, uncertainty: { draws: DRAW_BOUNDS.pathway, seed: 1 } };
    expect(
      pathwayWorkProblem(most, parseInventoryInput(baseline, "b.yaml", table), DRAW_BOUNDS.pathway),
    ).toBe(undefined);
    // With 600 more energy rows (625 rows, 37 years, 4 measures on activity data): at most
    // (4e6 / 23,125 − 8) × 250 = 41,243 draws.
    const wide = structuredClone(baseline) as { years: { energy: unknown[] }[] };
    for (let i = 0; i < 600; i++) wide.years[0]!.energy.push({ carrier: "diesel", amount: 1, unit: "t" });
    const tooMany = { ...scenario, uncertainty: { draws: 41_244, seed: 1 } };
    expect(inputError(() => runScenario(tooMany, wide, table, "p.yaml")).issues).toEqual([
      {
        path: "uncertainty.draws",
        message:
          "(or --draws) must be ≤ 41,243 for this pathway: 625 rows of the base year × 37 years × 172.976 inventories a year (1 + one per measure on activity data + 3 and 1/250 per draw) = 4,000,070 rows, more than the 4,000,000 a pathway may take (about 20 s); got 41,244",
      },
    ]);
    expect(
      pathwayWorkProblem(
        { ...scenario, uncertainty: { draws: 41_243, seed: 1 } },
        parseInventoryInput(wide, "b.yaml", table),
        41_243,
      ),
    ).toBe(undefined);
    // Each count within its own bound, but 1,000 energy rows × 50 measures × 177 years took 48 s.
    const big = structuredClone(baseline) as { years: { energy: unknown[] }[] };
    for (let i = 0; i < 997; i++) big.years[0]!.energy.push({ carrier: "diesel", amount: 1, unit: "t" });
    const measures = Array.from({ length: 50 }, (_, i) => ({
      kind: "energy-saving" as const,
      start: 2025 + i,
      rampYears: 5,
      rate: 0.01,
    }));
    // Without the example's Monte Carlo draws: here the measures alone make the pathway too large.
    const { uncertainty: _draws, ...noDraws } = scenario;
    const e = inputError(() => runScenario({ ...noDraws, endYear: 2200, measures }, big, table, "p.yaml"));
    expect(e.issues).toEqual([
      {
        path: "measures",
        message: expect.stringMatching(
          /^make the pathway too large to compute: 1,022 rows of the base year × 177 years × 51 inventories/,
        ),
      },
    ]);
  });
});

describe("CSV and factor cells: NaN, Infinity, 1e999 and absurd values refused at file, row and column", () => {
  it("pool tables", () => {
    const p = write(
      "pools.csv",
      "lucode,c_above,c_below,c_soil,c_dead\n1,NaN,0,0,0\n2,0,Infinity,0,0\n3,0,0,1e999,0\n4,0,0,0,1e308\n5,1,2,3,4\n",
    );
    const e = inputError(() => readPoolTable(p));
    expect(e.message).toMatch(/pools\.csv has 4 problems/);
    expect(e.issues).toEqual([
      { path: "row 2, c_above", message: 'must be a finite number, a density ≥ 0 in t C/ha; got "NaN"' },
      { path: "row 3, c_below", message: 'must be a finite number, a density ≥ 0 in t C/ha; got "Infinity"' },
      { path: "row 4, c_soil", message: 'must be a finite number, a density ≥ 0 in t C/ha; got "1e999"' },
      {
        path: "row 5, c_dead",
        message: expect.stringMatching(/^must be ≤ 10,000 t C\/ha \(.*\); got "1e308"$/),
      },
    ]);
  });

  it("factor files", () => {
    const header = "id,quantity,value,unit,source,status\n";
    const p = write(
      "factors.csv",
      `${header}a.nan,x,NaN,t C/ha,me,primary\na.inf,x,1e999,t C/ha,me,primary\na.big,x,1e308,t C/ha,me,primary\n`,
    );
    expect(inputError(() => readFactorFile(p)).issues).toEqual([
      { path: "line 2, column value", message: 'value must be a finite number or empty; got "NaN"' },
      { path: "line 3, column value", message: 'value must be a finite number or empty; got "1e999"' },
      {
        path: "line 4, column value",
        message: expect.stringMatching(
          /^value must be between −1,000,000,000 and 1,000,000,000 in the factor's unit .*; got "1e308"$/,
        ),
      },
    ]);
  });

  it("legend names that no database can store", () => {
    const p = write("legend.csv", `code,name\n1,arable\n2,for\u0000est\n3,${"g".repeat(201)}\n`);
    expect(inputError(() => readLegendFile(p)).issues.map((i) => [i.path, i.message.slice(0, 40)])).toEqual([
      ["row 3, name", "must not contain the NUL character (\\u00"],
      ["row 4, name", "must be at most 200 characters long; got"],
    ]);
  });
});

describe("GeoJSON boundaries and zones read from files", () => {
  // The documents below fail before their polygons are put on a grid.
  const grid = { crs: { kind: "geographic", epsg: 4326, label: "WGS 84" } } as unknown as Parameters<
    typeof readGeojsonPolygons
  >[1];

  it("refuses a Banana, a 200,000-deep nesting and a coordinate of 1e999 naming the feature and coordinate", () => {
    const banana = write("banana.geojson", '{"type": "Banana"}');
    expect(inputError(() => readGeojsonPolygons(banana, grid)).issues[0]!.path).toBe("type");
    const deep = write(
      "deep.geojson",
      `{"type": "Polygon", "coordinates": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
    );
    expect(inputError(() => readGeojsonPolygons(deep, grid)).issues[0]!.message).toMatch(
      /^nests deeper than 32 levels/,
    );
    const inf = write(
      "inf.geojson",
      '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[111, 37], [111.1, 37], [1e999, 37.1], [111, 37]]]}}]}',
    );
    expect(inputError(() => readGeojsonPolygons(inf, grid)).issues).toEqual([
      {
        path: "features[0].geometry.coordinates[0][2][0]",
        message: "must be a finite number; got a number beyond ±1.8e308 (it reads as infinity)",
      },
    ]);
  });

  it("bounds the vertices of a document", () => {
    const n = GEOJSON_BOUNDS.vertices + 1;
    const ring = Array.from({ length: n }, (_, i) => [111 + (i / n) * 0.1, 37 + Math.sin(i) * 0.01]);
    ring.push(ring[0]!);
    const r = checkPolygonGeojson({ type: "Polygon", coordinates: [ring] });
    expect(r.issues).toEqual([
      {
        at: ["coordinates"],
        message: expect.stringMatching(/^brings the number of vertices beyond 100,000/),
      },
    ]);
  });
});

describe("areaKeyFigures — a missing figure is missing, never 0", () => {
  it("a stored landuse stock that is null gives no budget figure, with why", () => {
    const figs = areaKeyFigures(
      {
        id: "7",
        result: {
          classes: [
            { year: 2000, area_ha: 10 },
            { year: 2010, area_ha: 10 },
          ],
          carbon: [
            { year: 2000, pool: "total", total_tC: null },
            { year: 2010, pool: "total", total_tC: 5 },
          ],
        },
      },
      [],
      "en",
    );
    const budget = figs.find((f) => f.id === "landuse-budget")!;
    expect(budget.value).toBeNull();
    expect(budget.source).toMatch(/holds no finite carbon stock/);
    expect(figs.find((f) => f.id === "area")!.value).toBe(10);
  });

  it("takes the language from its caller: no default that would answer English unasked", () => {
    // Function.length counts the parameters before the first one with a default.
    expect(areaKeyFigures.length).toBe(3);
  });
});
