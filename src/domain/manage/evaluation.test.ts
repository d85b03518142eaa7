import { describe, expect, it } from "vitest";
import { ha, tCO2ePerYr, type Tonnes } from "../../units/index.ts";
import {
  DEFAULT_TARGET_WEIGHTS,
  dueShare,
  evaluateMine,
  rankMines,
  type MineEvaluation,
  type MineYearFacts,
} from "./evaluation.ts";
import { targetProblems, type Target } from "./target.ts";

const t = (v: number) => v as Tonnes;
const facts = (year: number, o: Partial<MineYearFacts>): MineYearFacts => ({
  year,
  emissionsTCO2ePerYr: tCO2ePerYr(100_000),
  coalOutputT: t(1_000_000),
  reclaimedHa: ha(100),
  disturbedHa: ha(400),
  roleAreaHa: { construction: ha(25) },
  methaneUtilisation: 0.3,
  measureInvestmentCny: 0,
  reclamationInvestmentCny: 0,
  ...o,
});
const common = { baseYear: 2025, targetYear: 2030, setBy: "regulator" as const };
const TARGETS: Target[] = [
  { id: "1", kind: "intensity-reduction", reductionFraction: 0.18, horizon: "short", ...common },
  { id: "2", kind: "emission-cap", capTCO2ePerYr: tCO2ePerYr(90_000), ...common },
  { id: "3", kind: "reclamation-area", areaHa: ha(50), ...common },
  { id: "4", kind: "land-use-cap", role: "construction", capHa: ha(30), ...common },
  { id: "5", kind: "methane-utilisation", rate: 0.5, ...common },
];
const HISTORY = [
  facts(2025, {}),
  facts(2026, { reclaimedHa: ha(105) }),
  facts(2027, {
    emissionsTCO2ePerYr: tCO2ePerYr(85_500),
    coalOutputT: t(950_000),
    reclaimedHa: ha(112),
    roleAreaHa: { construction: ha(40) },
    measureInvestmentCny: 2_000_000,
    reclamationInvestmentCny: 700_000,
  }),
];

describe("performance evaluation (hand-worked, docs/performance-evaluation.md)", () => {
  it("judges each target against the share due by the year, and weighs them into a score", () => {
    const e = evaluateMine(TARGETS, HISTORY, 2027);
    // Intensity 0.1 → 0.09 t CO2e/t: reduced 10 %; due by 2027: 18 % × 2/5 = 7.2 % → met (1).
    expect(e.achievements[0]!.actual).toBeCloseTo(0.1, 12);
    expect(e.achievements[0]!.expected).toBeCloseTo(0.072, 12);
    expect(e.achievements[0]!.degree).toBe(1);
    // 85,500 t CO2e/yr under the cap of 90,000 → 1.
    expect(e.achievements[1]).toMatchObject({ expected: 90_000, actual: 85_500, degree: 1 });
    // 12 ha reclaimed since 2025 of 50 × 2/5 = 20 ha due → 0.6.
    expect(e.achievements[2]!.actual).toBe(12);
    expect(e.achievements[2]!.expected).toBeCloseTo(20, 12);
    expect(e.achievements[2]!.degree).toBeCloseTo(0.6, 12);
    // 40 ha of construction land against a cap of 30 → 30/40 = 0.75.
    expect(e.achievements[3]).toMatchObject({ expected: 30, actual: 40, degree: 0.75 });
    // 30 % of drained methane used against 50 % → 0.6.
    expect(e.achievements[4]!.degree).toBeCloseTo(0.6, 12);
    // (1 + 1 + 0.6 + 0.75 + 0.6) / 5 × 100 = 79.
    expect(e.score).toBeCloseTo(79, 10);
    // Avoided against 2026's intensity (0.1): (0.1 − 0.09) × 950,000 t = 9,500 t CO2e for 200 × 10⁴ CNY
    // → 47.5 t CO2e per 10⁴ CNY.
    expect(e.abatedTCO2ePer10kCny).toBeCloseTo(47.5, 8);
    // 112 − 105 = 7 ha reclaimed in the year for 70 × 10⁴ CNY → 0.1 ha per 10⁴ CNY.
    expect(e.reclaimedHaPer10kCny).toBeCloseTo(0.1, 12);
  });

  it("judges a reclamation rate on the way from the base year's rate, or as a level to keep", () => {
    // 100/400 = 0.25 in 2025, 112/400 = 0.28 in 2027; 0.45 by 2030 asks 0.25 + 0.20 × 2/5 = 0.33 by 2027:
    // (0.28 − 0.25) / (0.33 − 0.25) = 0.375.
    const rate = (r: number): Target => ({ id: "r", kind: "reclamation-rate", rate: r, ...common });
    const [a] = evaluateMine([rate(0.45)], HISTORY, 2027).achievements;
    expect(a!.expected).toBeCloseTo(0.33, 12);
    expect(a!.actual).toBeCloseTo(0.28, 12);
    expect(a!.degree).toBeCloseTo(0.375, 12);
    // Already at 0.25 ≥ 0.20 in the base year: kept (1); a fall below it would count against.
    expect(evaluateMine([rate(0.2)], HISTORY, 2027).achievements[0]!.degree).toBe(1);
    const fell = [...HISTORY.slice(0, 2), { ...HISTORY[2]!, reclaimedHa: ha(60) }];
    expect(evaluateMine([rate(0.2)], fell, 2027).achievements[0]!.degree).toBeCloseTo(0.15 / 0.2, 12);
  });

  it("weights are data: a regulator that counts intensity three times scores differently", () => {
    const weights = {
      byKind: { ...DEFAULT_TARGET_WEIGHTS.byKind, "intensity-reduction": 3 },
      source: "a provincial bureau's evaluation rules (test)",
      status: "set by the regulator" as const,
    };
    // (3 × 1 + 1 + 0.6 + 0.75 + 0.6) / 7 × 100 = 85
    expect(evaluateMine(TARGETS, HISTORY, 2027, weights).score).toBeCloseTo(85, 10);
    expect(() =>
      evaluateMine(TARGETS, HISTORY, 2027, { ...weights, byKind: { ...weights.byKind, "emission-cap": -1 } }),
    ).toThrow(
      "target weights must be numbers of 0 or more; got emission-cap: -1 (a provincial bureau's evaluation rules (test))",
    );
  });

  it("says why a target cannot be judged instead of guessing, and leaves it out of the score", () => {
    const e = evaluateMine(TARGETS, HISTORY.slice(1), 2027);
    expect(e.achievements[0]).toMatchObject({
      degree: null,
      note: "no approved report for the base year 2025",
    });
    expect(e.achievements[2]!.degree).toBeNull();
    expect(e.score).toBeCloseTo(((1 + 0.75 + 0.6) / 3) * 100, 10);
    expect(evaluateMine(TARGETS, HISTORY, 2028).score).toBeNull();
    expect(evaluateMine(TARGETS, HISTORY, 2028).achievements[1]!.note).toBe("no approved report for 2028");
    // Nothing is due in the base year itself.
    expect(evaluateMine(TARGETS, HISTORY, 2025).achievements[2]!.note).toMatch(/nothing is due yet/);
    expect(dueShare(TARGETS[0]!, 2031)).toBe(1);
  });

  it("ranks by score, then efficiency; equal mines share a rank, unscored ones come last", () => {
    const ev = (score: number | null, eff: number | null): MineEvaluation => ({
      year: 2027,
      achievements: [],
      score,
      abatedTCO2ePer10kCny: eff,
      reclaimedHaPer10kCny: null,
    });
    const ranked = rankMines([
      { mineId: "1", evaluation: ev(79, 10) },
      { mineId: "2", evaluation: ev(null, null) },
      { mineId: "3", evaluation: ev(90, 1) },
      { mineId: "4", evaluation: ev(79, 10) },
      { mineId: "5", evaluation: ev(79, 20) },
    ]);
    expect(ranked.map((r) => [r.mineId, r.rank])).toEqual([
      ["3", 1],
      ["5", 2],
      ["1", 3],
      ["4", 3],
      ["2", 0],
    ]);
  });

  it("checks a target as the regulator enters it, each problem at its field", () => {
    expect(
      targetProblems({
        id: "x",
        kind: "intensity-reduction",
        reductionFraction: 18,
        horizon: "short",
        baseYear: 2025,
        targetYear: 2020,
        setBy: "regulator",
      }),
    ).toEqual([
      { path: "targetYear", message: "must be a year after the base year (2025) and by 2100; got 2020" },
      { path: "reductionFraction", message: "must be a fraction in (0, 1]; got 18" },
    ]);
    expect(TARGETS.flatMap(targetProblems)).toEqual([]);
  });
});
