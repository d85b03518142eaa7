import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { transferMatrix, rowTotals, columnTotals, type TransferMatrix } from "./transfer-matrix.ts";
import { changeComponents } from "./change-components.ts";
import { landChangeTables } from "./land-change-tables.ts";
import { comprehensiveDynamicDegree, singleDynamicDegree } from "./dynamic-degree.ts";
import {
  categoryIntensity,
  gainTransitionIntensity,
  intervalIntensity,
  lossTransitionIntensity,
  stationarity,
} from "./intensity-analysis.ts";

// Hand-worked case: 3 classes, 100 pixels of 1 ha each.
// 2000→2010 (Δ = 10)        2010→2015 (Δ = 5)
//      1   2   3  | row          1   2   3  | row
// 1 [ 50  10   0 ] 60       1 [ 55   0   0 ] 55
// 2 [  5  20   5 ] 30       2 [  0  25   5 ] 30
// 3 [  0   0  10 ] 10       3 [  0   0  15 ] 15
// col 55  30  15            col 55  25  20
const m = (from: number, to: number, cells: number[]): TransferMatrix =>
  transferMatrix(from, to, [1, 2, 3], Float64Array.from(cells), Float64Array.from(cells));
const m1 = m(2000, 2010, [50, 10, 0, 5, 20, 5, 0, 0, 10]);
const m2 = m(2010, 2015, [55, 0, 0, 0, 25, 5, 0, 0, 15]);

describe("transfer matrix margins", () => {
  it("rows are the first date's class areas and columns the second's", () => {
    expect(rowTotals(m1, "areaHa")).toEqual([60, 30, 10]);
    expect(columnTotals(m1, "areaHa")).toEqual([55, 30, 15]);
  });
  it("rejects a wrong shape, negative cells and dates out of order", () => {
    expect(() => transferMatrix(2000, 2010, [1, 2], new Float64Array(3), new Float64Array(4))).toThrow(
      /needs 4 cells/,
    );
    expect(() => transferMatrix(2000, 2010, [1], Float64Array.of(-1), Float64Array.of(1))).toThrow(/≥ 0/);
    expect(() => transferMatrix(2010, 2000, [1], Float64Array.of(1), Float64Array.of(1))).toThrow(
      /after the first/,
    );
  });
});

describe("changeComponents(m)", () => {
  const { classes, overall } = changeComponents(m1, "areaHa");
  it("gives gain, loss, quantity, exchange, shift and swap per class (hand-worked)", () => {
    // class 1: gain 55−50 = 5, loss 60−50 = 10, q = 5, e = 2·min(C21 5, C12 10) = 10, shift = 15 − 5 − 10 = 0
    expect(classes[0]).toMatchObject({
      gain: 5,
      loss: 10,
      netChange: -5,
      quantity: 5,
      exchange: 10,
      shift: 0,
      swap: 10,
    });
    // class 2: gain 10, loss 10, q = 0, e = 2·min(10, 5) + 2·min(C32 0, C23 5) = 10, shift = 20 − 0 − 10 = 10
    expect(classes[1]).toMatchObject({ gain: 10, loss: 10, quantity: 0, exchange: 10, shift: 10, swap: 20 });
    expect(classes[2]).toMatchObject({ gain: 5, loss: 0, quantity: 5, exchange: 0, shift: 0 });
  });
  it("splits the total change D = 20 into Q 5 + E 10 + S 5, allocation 15", () => {
    expect(overall).toMatchObject({
      totalChange: 20,
      quantity: 5,
      exchange: 10,
      shift: 5,
      allocation: 15,
      persistence: 80,
      total: 100,
    });
  });
  it("always has D = Q + E + S and net changes summing to 0 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 16, maxLength: 16 }), (cells) => {
        const x = transferMatrix(1, 2, [1, 2, 3, 4], Float64Array.from(cells), Float64Array.from(cells));
        const c = changeComponents(x, "areaHa");
        expect(c.overall.quantity + c.overall.exchange + c.overall.shift).toBeCloseTo(
          c.overall.totalChange,
          6,
        );
        expect(c.classes.reduce((s, k) => s + k.netChange, 0)).toBeCloseTo(0, 6);
        for (const k of c.classes) expect(k.shift).toBeGreaterThanOrEqual(-1e-9);
      }),
    );
  });
});

describe("dynamic degrees", () => {
  it("single K = (U_b − U_a)/U_a/T × 100: class 1 (55 − 60)/60/10 × 100 = −0.8333 %/yr", () => {
    expect(singleDynamicDegree(m1)[0]!.percentPerYear).toBeCloseTo(-0.833333, 5);
    expect(
      singleDynamicDegree(
        transferMatrix(1, 2, [1, 2], Float64Array.of(0, 0, 0, 1), Float64Array.of(0, 0, 0, 1)),
      )[0]!.percentPerYear,
    ).toBeNull();
  });
  it("comprehensive LC = converted / total / T × 100 = 20/100/10 × 100 = 2 %/yr", () => {
    expect(comprehensiveDynamicDegree(m1)).toBeCloseTo(2, 12);
  });
});

describe("intensity analysis (Aldwaik & Pontius 2012)", () => {
  it("interval level: S1 = 20%/10 = 2, S2 = 5%/5 = 1, U = 25%/15 = 1.667", () => {
    const iv = intervalIntensity([m1, m2], "areaHa");
    expect(iv.map((x) => x.St)).toEqual([2, 1]);
    expect(iv[0]!.U).toBeCloseTo(1.666667, 5);
    expect(iv.map((x) => x.pace)).toEqual(["fast", "slow"]);
  });
  it("category level: G = gain/Δ/end size, L = loss/Δ/start size, against S_t", () => {
    const c = categoryIntensity(m1, "areaHa");
    expect(c[0]!.G).toBeCloseTo((5 / 10 / 55) * 100, 12); // 0.909 < 2 → dormant
    expect(c[0]!.L).toBeCloseTo((10 / 10 / 60) * 100, 12); // 1.667 < 2 → dormant
    expect(c[1]!.G).toBeCloseTo(3.333333, 5); // active
    expect(c.map((x) => x.gainState)).toEqual(["dormant", "active", "active"]);
    expect(c[2]!.lossState).toBe("dormant"); // L = 0
  });
  it("transition level: n = 2 targets 1 (R 1.667 > W 1.429) and avoids 3; loss of 1 targets 2 (Q 3.333 > V 2.222)", () => {
    const g = gainTransitionIntensity(m1, 2, "areaHa");
    expect(g[0]!.uniform).toBeCloseTo((10 / 10 / 70) * 100, 12);
    expect(g.map((x) => [x.code, x.state])).toEqual([
      [1, "targeted"],
      [3, "avoided"],
    ]);
    const l = lossTransitionIntensity(m1, 1, "areaHa");
    expect(l[0]!.uniform).toBeCloseTo((10 / 10 / 45) * 100, 12);
    expect(l.map((x) => [x.code, x.state])).toEqual([
      [2, "targeted"],
      [3, "avoided"],
    ]);
  });
  it("stationarity: zero gain counts as dormant in the paper, and is skipped in the OpenLand mode", () => {
    const rows = [categoryIntensity(m1, "areaHa"), categoryIntensity(m2, "areaHa")].map((r) =>
      r.map((x) => ({ code: x.code, size: x.gain, state: x.gainState })),
    );
    const paper = stationarity(rows, "active", "dormant", "paper");
    const openland = stationarity(rows, "active", "dormant", "openland");
    // class 1: 0.909 < 2 (dormant), then gain 0 < 1 (dormant) → dormant in both intervals
    expect(paper.find((s) => s.code === 1)).toMatchObject({ dormant: 2, stationary: "dormant" });
    expect(openland.find((s) => s.code === 1)).toMatchObject({ dormant: 1, stationary: null });
    // class 3: 3.333 > 2 and 5/5/20·100 = 5 > 1 → active in both, in both modes
    expect(paper.find((s) => s.code === 3)!.stationary).toBe("active");
    expect(openland.find((s) => s.code === 3)!.stationary).toBe("active");
  });
});

describe("landChangeTables(…).componentsOverall", () => {
  it("holds each interval's total change D = Q + E + S in ha and in % of the area (hand-worked)", () => {
    const classes = [1, 2, 3].map((code) => ({ code, key: `c${code}`, name: `class ${code}` }));
    const t = landChangeTables(
      classes,
      [m1, m2],
      transferMatrix(
        2000,
        2015,
        [1, 2, 3],
        Float64Array.from([50, 10, 0, 5, 15, 10, 0, 0, 10]),
        Float64Array.from([50, 10, 0, 5, 15, 10, 0, 0, 10]),
      ),
      "paper",
    );
    // m1: D 20 = Q 5 + E 10 + S 5 of 100 ha over 10 years.
    expect(t.componentsOverall[0]).toMatchObject({
      kind: "multistep",
      from_year: 2000,
      to_year: 2010,
      years: 10,
      area_ha: 100,
      total_change_ha: 20,
      quantity_ha: 5,
      exchange_ha: 10,
      shift_ha: 5,
      allocation_ha: 15,
      persistence_ha: 80,
      total_change_percent: 20,
      quantity_percent: 5,
      exchange_percent: 10,
      shift_percent: 5,
    });
    // m2: only 2 → 3 (5 ha): all quantity.
    expect(t.componentsOverall[1]).toMatchObject({
      total_change_ha: 5,
      quantity_ha: 5,
      exchange_ha: 0,
      shift_ha: 0,
    });
    // The one-step row comes last, and matches the "all" rows of the per-class table.
    expect(t.componentsOverall.map((r) => r.kind)).toEqual(["multistep", "multistep", "onestep"]);
    const all = t.components.filter((r) => r.code === "all");
    expect(t.componentsOverall.map((r) => [r.quantity_ha, r.exchange_ha, r.shift_ha])).toEqual(
      all.map((r) => [r.quantity_ha, r.exchange_ha, r.shift_ha]),
    );
  });
});
