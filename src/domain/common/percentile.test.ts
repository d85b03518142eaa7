import { describe, expect, it } from "vitest";
import { percentileOfSorted } from "./percentile.ts";

describe("percentileOfSorted(sorted, p)", () => {
  it("interpolates between order statistics (Hyndman & Fan type 7, numpy's default)", () => {
    // numpy.percentile([1, 2, 4, 8], [0, 25, 50, 95, 100]) = 1, 1.75, 3, 7.4, 8
    const v = [1, 2, 4, 8];
    expect([0, 25, 50, 95, 100].map((p) => percentileOfSorted(v, p))).toEqual(
      [1, 1.75, 3, 7.4, 8].map((x) => expect.closeTo(x, 12)),
    );
  });

  it("refuses no values and a p outside 0–100", () => {
    expect(() => percentileOfSorted([], 50)).toThrow(/at least one value/);
    expect(() => percentileOfSorted([1], 101)).toThrow(/within 0–100; got 101/);
  });
});
