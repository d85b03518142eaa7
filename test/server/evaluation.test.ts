import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mineYearFacts, reportYearFigures } from "../../src/app/manage/facts-from-report.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { signIn } from "./actors.ts";
import { testApp } from "./test-app.ts";

/**
 * A hand-worked mine (docs/performance-evaluation.md, "Worked example through the API"): its
 * inventory is fugitive CO2 and 10 t of underground methane at SAR's GWP of 21, 3 t of it drained
 * and used (burned: 3 × 44/16 = 8.25 t CO2).
 */
const inventory = (year: number, co2T: number) => ({
  kind: "mine-inventory",
  mine: "Hand-worked",
  gwp: "SAR",
  sinkReading: "ipcc-tier1",
  combustionMethod: "carbon-per-tce",
  years: [
    {
      year,
      boundaryAreaHa: 100,
      miningLandHa: 30,
      coalOutputT: 10_000,
      co2Fugitive: [{ label: "fugitive CO2", massT: co2T }],
      methane: { underground: [{ label: "gas", massT: 10 }], utilised: [{ label: "used", massT: 3 }] },
    },
  ],
});
const content = (
  year: number,
  co2T: number,
  reclaimedHa: number,
  reclamationCny: number,
  measuresCny: number,
) => ({
  inventory: inventory(year, co2T),
  reclamation: [
    { plotId: "1", areaReclaimedHa: reclaimedHa, targetRole: "forest", investmentCny: reclamationCny },
  ],
  measures: [
    {
      name: "gas power",
      kind: "other",
      investmentCny: measuresCny,
      expectedAbatementTCO2ePerYr: 0,
      status: "done",
    },
  ],
});

describe("a mine-year's facts from its report", () => {
  it("computes emissions with the inventory model and sums reclamation and investments", () => {
    // 1,000 t CO2 + (10 − 3) t CH4 × 21 + 3 t CH4 × 44/16 burned = 1,155.25 t CO2e.
    const f2024 = reportYearFigures(content(2024, 1000, 2, 20_000, 0), 2024);
    expect(f2024).toMatchObject({
      emissionsTCO2ePerYr: 1155.25,
      coalOutputT: 10_000,
      miningLandHa: 30,
      methaneUtilisation: 1,
    });
    const f2025 = reportYearFigures(content(2025, 800, 3, 30_000, 20_000), 2025);
    expect(f2025.emissionsTCO2ePerYr).toBeCloseTo(955.25, 9);
    const facts = mineYearFacts([f2025, f2024]);
    expect(facts.map((f) => [f.year, f.reclaimedHa, f.disturbedHa])).toEqual([
      [2024, 2, 32],
      [2025, 5, 35],
    ]);
    expect(facts[1]).toMatchObject({
      measureInvestmentCny: 20_000,
      reclamationInvestmentCny: 30_000,
      roleAreaHa: { mining: 30 },
    });
  });

  it("names what it cannot read instead of guessing", () => {
    expect(() => reportYearFigures({}, 2024)).toThrow(/no inventory/);
    expect(() => reportYearFigures({ inventory: { kind: "mine-inventory" } }, 2024)).toThrow(
      /cannot be computed/,
    );
  });
});

describe.each(STORE_KINDS)("evaluation through the API on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let mine: string;
  let regulator: { cookie: string; origin: string };
  beforeAll(async () => {
    t = await testApp(kind);
    const d = t.directory;
    const db = t.ctx.db;
    await asSystem(async () => {
      mine = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Hand-worked",
          stage: "production",
        })
      ).id;
      for (const [year, c] of [
        [2024, content(2024, 1000, 2, 20_000, 0)],
        [2025, content(2025, 800, 3, 30_000, 20_000)],
      ] as const) {
        const r = await db
          .insertInto("annual_reports")
          .values({
            mine_id: mine,
            year,
            organisation_id: d.enterpriseA,
            region_code: "140603",
            state: "approved",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db
          .insertInto("annual_report_versions")
          .values({
            report_id: String(r.id),
            number: 1,
            content: JSON.stringify(c),
            submitted_at: new Date(),
            submitted_by: d.editorA,
          })
          .execute();
      }
      const target = (t: object) =>
        db
          .insertInto("targets")
          .values({
            mine_id: mine,
            set_by: "regulator",
            set_by_organisation_id: d.shanxi,
            target: JSON.stringify(t),
          })
          .execute();
      await target({
        kind: "intensity-reduction",
        baseYear: 2024,
        targetYear: 2026,
        reductionFraction: 0.1,
        horizon: "short",
      });
      await target({ kind: "emission-cap", baseYear: 2024, targetYear: 2030, capTCO2ePerYr: 950 });
    });
    regulator = await signIn(t.app, "regulator");
  }, 300_000);
  afterAll(async () => t.close(), 120_000);

  it("evaluates the mine's year as worked by hand", async () => {
    const r = await t.app.inject({ url: `/api/mines/${mine}/evaluation?year=2025`, headers: regulator });
    expect(r.statusCode, r.body).toBe(200);
    const e = r.json();
    expect(e.factsYears).toEqual([2024, 2025]);
    const [intensity, cap] = e.evaluation.achievements;
    // I₂₀₂₄ = 1,155.25 / 10,000 = 0.115525; I₂₀₂₅ = 0.095525: 17.31 % lower, 5 % due by 2025.
    expect(intensity.expected).toBeCloseTo(0.05, 12);
    expect(intensity.actual).toBeCloseTo(1 - 0.095525 / 0.115525, 12);
    expect(intensity.degree).toBe(1);
    // 955.25 t against a cap of 950: 950 / 955.25.
    expect(cap.degree).toBeCloseTo(950 / 955.25, 12);
    expect(e.evaluation.score).toBeCloseTo(((1 + 950 / 955.25) / 2) * 100, 9);
    // 0.02 t/t × 10,000 t = 200 t CO2e for 2 × 10⁴ CNY; 3 ha for 3 × 10⁴ CNY.
    expect(e.evaluation.abatedTCO2ePer10kCny).toBeCloseTo(100, 9);
    expect(e.evaluation.reclaimedHaPer10kCny).toBeCloseTo(1, 12);
    expect(e.weights).toMatchObject({ status: "assumed" });
    const rank = (
      await t.app.inject({ url: "/api/evaluation?year=2025&fromYear=2024", headers: regulator })
    ).json();
    expect(rank.ranking).toMatchObject([{ mineId: mine, rank: 1 }]);
    expect(rank.trend.map((y: { year: number; mines: number }) => [y.year, y.mines])).toEqual([
      [2024, 1],
      [2025, 1],
    ]);
  });

  it("flags the cap exceeded in supervision from the same facts", async () => {
    const run = await t.app.inject({
      method: "POST",
      url: "/api/supervision/run",
      payload: { year: 2025 },
      headers: regulator,
    });
    expect(run.statusCode, run.body).toBe(200);
    const flags = (
      await t.app.inject({ url: `/api/flags?mineId=${mine}&year=2025`, headers: regulator })
    ).json();
    // And the energy: no energy reported for 10,000 t of coal is below the plausible range.
    expect(flags.map((f: { kind: string }) => f.kind).sort()).toEqual([
      "emission-standard-exceeded",
      "implausible-data",
    ]);
    expect(
      flags.find((f: { kind: string }) => f.kind === "emission-standard-exceeded").numbers,
    ).toMatchObject({ capTCO2ePerYr: 950, emissionsTCO2e: 955.25 });
  });
});
