import { describe, expect, it } from "vitest";
import { solveUnimodular } from "./integer-solve.ts";

describe("solveUnimodular(a, b, names)", () => {
  it("solves a system with determinant ±1 in whole numbers", () => {
    // x + y = 5, y + z = 7, x + z = 6 has det 2 (not unimodular); x + y = 5, y + z = 7, z = 4 has det 1:
    // z = 4, y = 3, x = 2.
    expect(
      solveUnimodular(
        [
          [1, 1, 0],
          [0, 1, 1],
          [0, 0, 1],
        ],
        [5, 7, 4],
        ["a", "b", "c"],
      ),
    ).toEqual([2, 3, 4]);
    // Pivoting: the first pivot is 0.
    expect(
      solveUnimodular(
        [
          [0, 1],
          [1, 1],
        ],
        [3, 5],
        ["a", "b"],
      ),
    ).toEqual([2, 3]);
  });

  it("refuses a system whose solution is not whole, naming an equation it misses", () => {
    // det 2: x = 2, y = 3, z = 4 ... with 5, 7, 7: x = 2.5, y = 2.5, z = 4.5.
    expect(() =>
      solveUnimodular(
        [
          [1, 1, 0],
          [0, 1, 1],
          [1, 0, 1],
        ],
        [5, 7, 7],
        ["a", "b", "c"],
      ),
    ).toThrow(/equation [abc]: .*not unimodular/);
  });

  it("refuses a singular or non-square system", () => {
    expect(() =>
      solveUnimodular(
        [
          [1, 1],
          [2, 2],
        ],
        [1, 2],
        ["a", "b"],
      ),
    ).toThrow(/singular/);
    expect(() => solveUnimodular([[1, 1]], [1], ["a"])).toThrow(/square/);
  });
});
