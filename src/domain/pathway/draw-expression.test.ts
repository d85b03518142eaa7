import { describe, expect, it } from "vitest";
import { DrawExpression, DrawExpressions } from "./draw-expression.ts";

describe("DrawExpressions — hand-worked", () => {
  it("sums coef × monomial × node over the draws, with max(0, ·) nodes, divisors and constants", () => {
    const X = new DrawExpressions(2);
    const a = X.mono([[0, 1]]);
    const ab = X.mono([
      [1, 1],
      [0, 1],
    ]);
    const perB = X.mono([
      [0, 1],
      [1, -1],
    ]);
    expect(X.mono([[0, 1]])).toBe(a); // the same product is one monomial
    expect(X.times(a, X.mono([[1, 1]]))).toBe(ab);
    expect(X.mono([...[[0, 1] as const], [0, -1]])).toBe(0); // a × 1/a is the constant
    // left = 10·a − 4·a·b, taken as max(0, left); out = 2 + 3·a/b + 0.5·max(0, left)
    const left = X.max0(new DrawExpression().add(10, a).add(-4, ab));
    const out = X.constant(2).add(3, perB).plus(left, 0.5);
    const [v] = X.evaluator([out])([Float64Array.of(1, 2, 1), Float64Array.of(1, 1, 4)], 3);
    expect([...v!]).toEqual([2 + 3 + 0.5 * 6, 2 + 6 + 0.5 * 12, 2 + 0.75 + 0]);
  });

  it("adds like terms and drops terms that cancel", () => {
    const X = new DrawExpressions(1);
    const e = new DrawExpression().add(2, X.mono([[0, 1]])).add(-2, X.mono([[0, 1]]));
    const [v] = X.evaluator([e.add(1, 0)])([Float64Array.of(7)], 1);
    expect(v![0]).toBe(1);
  });

  it("evaluates batches of any size with the buffers of the largest", () => {
    const X = new DrawExpressions(1);
    const f = X.evaluator([new DrawExpression().add(3, X.mono([[0, 1]]))]);
    expect([...f([Float64Array.of(1, 2, 3, 4)], 4)[0]!]).toEqual([3, 6, 9, 12]);
    expect([...f([Float64Array.of(5)], 1)[0]!]).toEqual([15]);
    expect(() => f([], 1)).toThrow(/1 drawn inputs/);
  });
});
