import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBudget } from "../../src/cli/commands/budget-command.ts";
import { formatBudget } from "../../src/cli/format/budget-text.ts";
import { parseBudgetInput } from "../../src/domain/budget/budget-spec.ts";
import { budgetReport } from "../../src/domain/budget/budget-report.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

const example = (f: string) => join(PROJECT_ROOT, "examples", f);
const coefficientReport = (r: ReturnType<typeof runBudget>) => {
  if (r.kind !== "land-use-budget") throw new Error("expected a land-use budget");
  return r;
};
const stockReport = (r: ReturnType<typeof runBudget>) => {
  if (r.kind !== "stock-change") throw new Error("expected a stock change");
  return r;
};

describe("budget uncertainty: Pingshuo 2018 (examples/pingshuo-2018-budget.yaml)", () => {
  const r = coefficientReport(runBudget(example("pingshuo-2018-budget.yaml"), {}));
  const row = (key: string) => r.uncertainty.rows.find((x) => x.key === key)!;

  it("shows the structural spread across coefficient sets next to the statistical range: absorption 170,936 vs 30,924 t C/yr", () => {
    const s = r.uncertainty.structural;
    const zhao = s.sets.find((x) => x.id === "seed000-zhao2013")!;
    const national = s.sets.find((x) => x.id === "seed000-national-studies")!;
    expect(zhao.absorptionTCPerYr).toBeCloseTo(170_936.15, 2);
    // 24,191.34 × 0.28 + 9,300 × 1.03 + 8,793.36 × 0.045 + 7,123.57 × 1.99 (Xie, Fang, Zhang, Zhao)
    expect(national.absorptionTCPerYr).toBeCloseTo(
      24_191.34 * 0.28 + 9300 * 1.03 + 8793.36 * 0.045 + 7123.57 * 1.99,
      6,
    );
    expect(national.absorptionTCPerYr).toBeCloseTo(30_924.18, 2);
    expect(s.absorptionTCPerYr).toEqual({ min: national.absorptionTCPerYr, max: zhao.absorptionTCPerYr });
    expect(s.chosen).toBe("seed000-zhao2013");
    // The statistical 95 % interval of S is far narrower than the structural spread, and apart from it.
    const S = row("S");
    expect(S.approach2!.low).toBeGreaterThan(national.absorptionTCPerYr * 4);
    // The result's own factors are the chosen set's: the other set is compared, not used.
    expect(r.factors.used.map((f) => f.id)).not.toContain("seed000.t1.fang2018.forest.absorption");
    expect(national.factorIds).toContain("seed000.t1.fang2018.forest.absorption");
    const text = formatBudget(r);
    expect(text).toMatch(/Across coefficient sets/);
    expect(text).toMatch(/seed000-national-studies\s+2,696,959\.80\s+30,924\.18/);
  });

  it("includes the areas' uncertainty with the boundary's total held: net ±11.79 %, S ±3.30 % (Approach 1)", () => {
    const net = row("net");
    expect(net.value).toBeCloseTo(2_526_023.65, 1);
    // Areas drawn independently gave net ±11.82 % and S ±10.58 %: the sum of the areas moved too.
    expect(net.approach1.pct!).toBeCloseTo(11.79, 2);
    expect(net.approach2!.pct!).toBeCloseTo(11.7, 1);
    expect(row("S").approach1.pct!).toBeCloseTo(3.3, 2);
    expect(row("S").approach2!.pct!).toBeCloseTo(3.3, 1);
    // The arable land (49 % of the area) gives up most of its own ±15 %: E of cultivated land ±7.48 %.
    expect(row("E:cultivated").approach1.pct!).toBeCloseTo(7.48, 2);
    expect(r.uncertainty.sampling).toMatch(
      /the areas \(49,408\.27 ha in all, the boundary's total\): drawn as above, then their errors conditioned on summing to zero/,
    );
    expect(r.uncertainty.inputs.filter((i) => i.key.startsWith("activity:areas["))).toHaveLength(7);
  });

  it("has one Monte Carlo: Approach 2, driven by --draws and --seed, with the file's percentiles", () => {
    expect(r).not.toHaveProperty("monteCarlo");
    expect(r.uncertainty).toMatchObject({ draws: 10_000, seed: 42, keptDraws: 10_000 });
    expect(Object.keys(row("net").approach2!.percentiles!)).toEqual(["P5", "P50", "P95"]);
    const b = coefficientReport(runBudget(example("pingshuo-2018-budget.yaml"), { draws: 300, seed: 9 }));
    expect(b.uncertainty).toMatchObject({ draws: 300, seed: 9, keptDraws: 300 });
    const text = formatBudget(b);
    expect(text).toMatch(/Approach 2 percentiles \(the same 300 draws, seed 9\):/);
    expect(text).toMatch(/net E − S\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+t CO2e\/yr/);
    expect(text).not.toMatch(/printed ranges alone/);
  });

  it("holds the total area: areas sharing one coefficient give an exact figure, however uncertain each area is", () => {
    // Two forest areas (Zhao et al. 3.81 t/ha·a, single-valued): S = (600 + 400) × 3.81 = 3,810 t C/yr,
    // exact when the two areas only trade hectares; drawn independently (±15 % each) it was ±10.8 %.
    const doc = {
      kind: "land-use-budget",
      title: "t",
      coefficients: { set: "seed000-zhao2013", readAs: "tC" },
      areas: [
        { landType: "forest", areaHa: 600 },
        { landType: "forest", areaHa: 400 },
      ],
      uncertainty: { draws: 2000 },
    };
    const table = factorTable();
    const b = budgetReport(parseBudgetInput(doc, "b.yaml", table), table);
    if (b.kind !== "land-use-budget") throw new Error("kind");
    const S = b.uncertainty.rows.find((x) => x.key === "S")!;
    expect(S.value).toBeCloseTo(3810, 9);
    expect(S.approach1.pct).toBeCloseTo(0, 9);
    expect(S.approach2!.high - S.approach2!.low).toBeLessThan(1e-6);
  });

  it("names the single-valued coefficients it takes as exact", () => {
    const w = r.warnings.find((x) => x.startsWith("factors taken as exact"))!;
    expect(w).toContain("seed000.t1.zhao2013.forest.absorption");
    expect(w).toContain("seed000.t1.zhao2013.pasture.absorption");
    expect(w).not.toContain("seed000.t1.zhao2013.cultivated.absorption");
  });

  it("takes the areas' uncertainty from the file when it gives one (uncertainty.areas, an area's own)", () => {
    const raw = readInputFile(example("pingshuo-2018-budget.yaml")) as Record<string, unknown> & {
      areas: Record<string, unknown>[];
      uncertainty: Record<string, unknown>;
    };
    raw.uncertainty = { ...raw.uncertainty, areas: { pct: 3, source: "accuracy assessment" } };
    raw.areas[0] = { ...raw.areas[0], uncertainty: { lowPct: 10, highPct: 20 } };
    const table = factorTable();
    const b = budgetReport(parseBudgetInput(raw, "b.yaml", table), table, { draws: 500 });
    if (b.kind !== "land-use-budget") throw new Error("kind");
    const inputs = new Map(b.uncertainty.inputs.map((i) => [i.key, i]));
    expect(inputs.get("activity:areas[0].areaHa")).toMatchObject({ lowPct: 10, highPct: 20, basis: "input" });
    expect(inputs.get("activity:areas[1].areaHa")).toMatchObject({
      lowPct: 3,
      highPct: 3,
      source: "accuracy assessment",
    });
    expect(b.warnings.join("\n")).not.toMatch(/ad\.area/);
  });
});

describe("stock change: uncertainty and the regain's assumptions (examples/pingshuo-stock-loss.yaml)", () => {
  const r = stockReport(runBudget(example("pingshuo-stock-loss.yaml"), {}));

  it("keeps seed 001's loss and propagates the areas' uncertainty to it", () => {
    const loss = r.uncertainty.rows.find((x) => x.key === "loss")!;
    expect(loss.value).toBeCloseTo(
      4482.5 * (82.11 + 5) + 1648.13 * (88.35 + 6.398) + 963.49 * (92.67 + 15.5),
      6,
    );
    expect(loss.value).toBeCloseTo(r.stockChange.totalLossTC, 6);
    const net = r.uncertainty.rows.find((x) => x.key === "net")!;
    expect(net.value).toBeCloseTo(r.netLossAtHorizonTC, 6);
    expect(r.warnings.find((w) => w.startsWith("factors taken as exact"))).toContain(
      "seed001.yang2019.soil_loss.arable",
    );
  });

  it("lists what the regain assumes among the result's warnings and in the text", () => {
    for (const a of r.regain.assumptions) expect(r.warnings).toContain(a);
    expect(r.warnings.join("\n")).toMatch(/the reclaimed soil regains the whole soil-carbon difference/);
    const text = formatBudget(r);
    expect(text).toMatch(/How each pool is regained:/);
    expect(text).toMatch(/! dumps reclaimed to arable: the regain curve/);
  });

  it("says that the dumps reclaimed are declared land whose loss is not in this file's loss", () => {
    expect(r.warnings.join("\n")).toMatch(
      /reclamation from dump draws on 2,340 ha of the 2,554\.3 ha declared as existing \(existingLand\.dump: seed 001 §3\.3.*\): the carbon lost when that land was taken is not in this file's loss/,
    );
  });
});

describe("stock change: area is conserved between conversion and reclamation in every draw", () => {
  // 100 ha of arable turned into dump (loses 87.11 t C/ha) and all of it reclaimed to arable at once
  // (regains 87.11 t C/ha): net = 87.11 × (converted − reclaimed), never below 0 in a draw that keeps area.
  const doc = {
    kind: "stock-change",
    title: "t",
    period: { from: 2000, to: 2010 },
    densities: "seed001-yang2019",
    conversions: [{ from: "arable", to: "dump", areaHa: 100 }],
    reclamation: [{ from: "dump", to: "arable", areaHa: 100, startYear: 2010, curve: { kind: "immediate" } }],
    uncertainty: { draws: 4000, seed: 1 },
  };

  it("draws again a draw reclaiming more dump than was converted into dump", () => {
    const table = factorTable();
    const b = budgetReport(parseBudgetInput(doc, "s.yaml", table), table);
    if (b.kind !== "stock-change") throw new Error("kind");
    const net = b.uncertainty.rows.find((x) => x.key === "net")!;
    expect(net.value).toBeCloseTo(0, 9);
    expect(net.approach2!.low).toBeGreaterThanOrEqual(-1e-6);
    // Half the independent draws reclaim more than was converted: drawn again, and said.
    expect(b.uncertainty.rejectedDraws).toBeGreaterThan(1000);
    expect(b.warnings.join("\n")).toMatch(
      /Monte Carlo draws broke land reclaimed from dump ≤ the dump land there is \(existing \+ converted into it\) and were drawn again/,
    );
    // Existing land declared beside it widens what there is: no draw is sent back any more.
    const wide = { ...doc, existingLand: { dump: { areaHa: 1000, source: "a map of 2000" } } };
    const w = budgetReport(parseBudgetInput(wide, "s.yaml", table), table);
    expect(w.uncertainty.rejectedDraws).toBe(0);
    expect(w.uncertainty.inputs.map((i) => i.key)).toContain("activity:existingLand.dump.areaHa");
  });
});

describe("stock change: curveSource and per-pool regain in the file", () => {
  const doc = {
    kind: "stock-change",
    title: "t",
    period: { from: 2000, to: 2018 },
    densities: "seed001-yang2019",
    conversions: [{ from: "arable", to: "mining", areaHa: 100 }],
    reclamation: [
      {
        from: "mining",
        to: "forest",
        areaHa: 10,
        startYear: 2000,
        curve: { kind: "linear", years: 30 },
        curveSource: "vegetation: plantation survey",
        pools: {
          soil: {
            share: 0.2,
            curve: { kind: "linear", years: 20 },
            source:
              "Zhang P.P. et al. 2020 (PeerJ 8:e8563): reclaimed soils below undisturbed ones after 10–13 years",
          },
        },
      },
    ],
    horizonYear: 2030,
  };

  it("regains each pool by its share and curve and names their sources: no assumption left to warn of", () => {
    const table = factorTable();
    const b = budgetReport(parseBudgetInput(doc, "s.yaml", table), table, { draws: 200 });
    if (b.kind !== "stock-change") throw new Error("kind");
    const rec = b.regain.reclamations[0]!;
    // soil: 10 ha × 0.2 × 92.67 t C/ha, in full after 20 years; vegetation 10 ha × 15.5 over 30 years.
    expect(rec.fullRegainTC).toBeCloseTo(10 * 0.2 * 92.67 + 10 * 15.5, 9);
    expect(rec.pools.find((p) => p.pool === "soil")).toMatchObject({
      share: 0.2,
      source: expect.stringMatching(/^Zhang/),
    });
    expect(rec.pools.find((p) => p.pool === "vegetation")!.source).toBe("vegetation: plantation survey");
    expect(rec.assumptions).toEqual([]);
    const regained = b.uncertainty.rows.find((x) => x.key === "regained")!;
    expect(regained.value).toBeCloseTo(b.regain.years.find((y) => y.year === 2030)!.cumulativeRegainTC, 9);
  });

  it("refuses a pool share above 1 and an unknown pool, naming the field", () => {
    const bad = structuredClone(doc) as { reclamation: Record<string, unknown>[] };
    bad.reclamation[0]!.pools = { soil: { share: 1.5 }, roots: { share: 0.5 } };
    try {
      parseBudgetInput(bad, "s.yaml", factorTable());
      expect.unreachable();
    } catch (e) {
      const paths = (e as InputError).issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining(["reclamation[0].pools.soil.share", "reclamation[0].pools"]),
      );
    }
  });
});
