import { describe, expect, it } from "vitest";
import { approach1 } from "./error-propagation.ts";
import { approach2 } from "./monte-carlo.ts";
import type { UncertainInput } from "./uncertain-input.ts";
import { uncertaintyAnalysis } from "./uncertainty-analysis.ts";
import { ModelBuilder } from "./uncertainty-model.ts";

/** A class area of `value` ha with a 95 % interval of ±pct %. */
const area = (key: string, value: number, pct: number): UncertainInput => ({
  key,
  kind: "activity",
  label: key,
  value,
  unit: "ha",
  lowPct: pct,
  highPct: pct,
  basis: "input",
  source: "test",
});

/**
 * Two classes of one boundary, A1 = 10 ha and A2 = 30 ha, each ±15 %, with coefficients 2 and 4 t/ha:
 * Q = 10·2 + 30·4 = 140 t, and T = A1 + A2 = 40 ha, the boundary's known total.
 */
function twoClasses(fixed: boolean) {
  const b = new ModelBuilder();
  const a1 = b.input(area("A1", 10, 15));
  const a2 = b.input(area("A2", 30, 15));
  b.term("Q", 20, [a1]);
  b.term("Q", 120, [a2]);
  b.term("T", 10, [a1]);
  b.term("T", 30, [a2]);
  b.term("A1", 10, [a1]);
  b.term("A2", 30, [a2]);
  for (const key of ["Q", "T", "A1", "A2"]) b.quantity({ key, label: key, unit: key === "Q" ? "t" : "ha" });
  if (fixed) b.fixedSum([a1, a2], "the two classes (40 ha)");
  return b.build();
}

describe("a fixed-sum group: class areas of one boundary (misclassification moves area between them)", () => {
  it("Approach 1, hand-worked: Q = 140 t ±2.03 % (independent areas would give ±13.0 %), the total exact", () => {
    // Weights wᵢ = (xᵢuᵢ)²/Σ: (10·0.15)² = 2.25, (30·0.15)² = 20.25 → w = 0.1, 0.9.
    // Sensitivities S = 20, 120; weighted mean per ha Σ wᵢSᵢ/xᵢ = 0.1·2 + 0.9·4 = 3.8 t/ha;
    // S' = 20 − 10·3.8 = −18 and 120 − 30·3.8 = 6; half-width √((18·0.15)² + (6·0.15)²) = √8.1 = 2.846 t.
    // The same by hand: given e1 + e2 = 0, e1's half-width is √(1.5²·4.5²/(1.5² + 4.5²)) = 1.423 ha and
    // ΔQ = (2 − 4)·e1, so 2.846 t; 2.846/140 = 2.033 %.
    const a = approach1(twoClasses(true));
    expect(a.get("Q")!.high - 140).toBeCloseTo(Math.sqrt(8.1), 9);
    expect(a.get("Q")!.pct).toBeCloseTo((Math.sqrt(8.1) / 140) * 100, 9);
    expect(a.get("T")!.high - 40).toBeCloseTo(0, 9);
    // No class is made more uncertain than its own ±15 %: A1 ±14.23 %, A2 ±4.74 %.
    expect(a.get("A1")!.pct).toBeCloseTo(Math.sqrt(2.025) * 10, 9);
    expect(a.get("A2")!.pct).toBeCloseTo((Math.sqrt(2.025) / 30) * 100, 9);
    // Without the group: √((20·0.15)² + (120·0.15)²) = 18.25 t = ±13.04 %, and T ±11.86 %.
    const free = approach1(twoClasses(false));
    expect(free.get("Q")!.pct).toBeCloseTo((Math.sqrt(333) / 140) * 100, 9);
    expect(free.get("T")!.pct).toBeGreaterThan(11);
  });

  it("Approach 2 keeps the total in every draw and agrees with Approach 1", () => {
    const run = approach2(twoClasses(true), { draws: 20_000, seed: 11 });
    const T = run.stats.get("T")!;
    expect(T.low).toBeCloseTo(40, 9);
    expect(T.high).toBeCloseTo(40, 9);
    expect(run.stats.get("Q")!.pct!).toBeCloseTo((Math.sqrt(8.1) / 140) * 100, 1);
    expect(run.stats.get("A1")!.pct!).toBeCloseTo(14.23, 0);
    expect(run.stats.get("A2")!.pct!).toBeCloseTo(4.74, 0);
    expect(run.rejected).toBe(0);
  });

  it("leaves an exact member exact and holds the sum of the uncertain ones", () => {
    const b = new ModelBuilder();
    const keys = [b.input(area("A1", 10, 15)), b.input(area("A2", 30, 15)), b.input(area("A3", 5, 0))];
    keys.forEach((k, i) => {
      b.term("T", [10, 30, 5][i]!, [k]);
      b.term(k, [10, 30, 5][i]!, [k]);
    });
    for (const k of ["T", ...keys]) b.quantity({ key: k, label: k, unit: "ha" });
    b.fixedSum(keys, "three classes");
    const model = b.build();
    const run = approach2(model, { draws: 2000, seed: 3 });
    expect([run.stats.get("A3")!.low, run.stats.get("A3")!.high]).toEqual([5, 5]);
    expect(run.stats.get("T")!.high - run.stats.get("T")!.low).toBeLessThan(1e-9);
    expect(approach1(model).get("T")!.pct).toBeCloseTo(0, 9);
  });

  it("draws again a draw that would take an area below zero, and says so", () => {
    // Two classes of 1 ha, each −100 %/+100 %: conditioning 0 and 3 gives −0.5 and 1.5 — redrawn.
    const b = new ModelBuilder();
    const keys = [b.input(area("A1", 1, 100)), b.input(area("A2", 1, 100))];
    keys.forEach((k) => {
      b.term(k, 1, [k]);
      b.quantity({ key: k, label: k, unit: "ha" });
    });
    b.fixedSum(keys, "the two classes");
    const u = uncertaintyAnalysis(b.build(), { draws: 5000, seed: 5 });
    expect(u.rejectedDraws).toBeGreaterThan(0);
    for (const r of u.rows) expect(r.approach2!.low).toBeGreaterThanOrEqual(0);
    expect(u.warnings.join("\n")).toMatch(
      /Monte Carlo draws broke the two classes ≥ 0 each with their total held/,
    );
    expect(u.sampling).toMatch(
      /the two classes: drawn as above, then their errors conditioned on summing to zero/,
    );
  });

  it("reports the percentiles asked for from the same draws", () => {
    const run = approach2(twoClasses(true), { draws: 1000, seed: 1, percentiles: [5, 50, 95] });
    const q = run.stats.get("Q")!;
    expect(Object.keys(q.percentiles!)).toEqual(["P5", "P50", "P95"]);
    expect(q.percentiles!.P50).toBe(q.median);
    expect(q.percentiles!.P5!).toBeGreaterThan(q.low);
    expect(approach2(twoClasses(true), { draws: 1000, seed: 1 }).stats.get("Q")!.percentiles).toBeUndefined();
  });
});
