import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addChangeHistogram,
  changeCounts,
  changeCountsRaw8,
  datesWithInvalidCodes,
  NO_CHANGE_COUNT,
  validCodeTables,
} from "./change-count.ts";

const counts = (dates: number, withArea = false) => ({
  changePixels: new Float64Array(dates),
  changeAreaHa: new Float64Array(withArea ? dates : 0),
});

describe("changeCounts(classes, …): class changes per pixel between consecutive dates", () => {
  it("counts A→B→A as two changes and marks pixels not counted (hand-worked, 2 × 3 pixels)", () => {
    // Class indices (3 = invalid) at three dates:
    //   pixel 0: 0 0 0 → 0     pixel 1: 0 1 0 → 2     pixel 2: 1 1 2 → 1
    //   pixel 3: 2 0 1 → 2     pixel 4: invalid → 255  pixel 5: 0 0 1 → 1
    const d = [
      Uint8Array.of(0, 0, 1, 2, 3, 0),
      Uint8Array.of(0, 1, 1, 0, 3, 0),
      Uint8Array.of(0, 0, 2, 1, 3, 1),
    ];
    // Row areas (geographic grid): row 0 is 2 ha a pixel, row 1 is 3 ha.
    const into = counts(3, true);
    const out = changeCounts(d, 3, 3, Float64Array.of(2, 3), into);
    expect([...out]).toEqual([0, 2, 1, 2, NO_CHANGE_COUNT, 1]);
    expect([...into.changePixels]).toEqual([1, 2, 2]);
    // 0 changes: pixel 0 (2 ha); 1: pixels 2 (2 ha) and 5 (3 ha); 2: pixels 1 (2 ha) and 3 (3 ha).
    expect([...into.changeAreaHa]).toEqual([2, 5, 5]);
  });

  it("gives the same counts from raw 8-bit codes as from class indices (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (dates, n, seed) => {
          let s = seed;
          const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
          // Codes 10, 20, 30 are legend classes 0, 1, 2; 0 is nodata; 99 is outside the legend.
          const codeOf = [10, 20, 30];
          const luts = Array.from({ length: dates }, () => {
            const lut = new Uint16Array(65536).fill(4);
            codeOf.forEach((c, i) => (lut[c] = i));
            lut[0] = 3;
            return lut;
          });
          const raw = Array.from({ length: dates }, () =>
            Uint8Array.from({ length: n }, () => {
              const x = rnd();
              return x < 0.05 ? 0 : x < 0.08 ? 99 : codeOf[Math.floor(rnd() * 3)]!;
            }),
          );
          const zone = Uint16Array.from({ length: n }, () => (rnd() < 0.1 ? 0xffff : 0));
          // The class path marks a pixel invalid (3) at every date when any date is invalid or outside.
          const classes = raw.map((r, d) => Uint8Array.from(r, (c) => Math.min(3, luts[d]![c]!)));
          for (let i = 0; i < n; i++)
            if (zone[i] === 0xffff || classes.some((c) => c[i] === 3)) for (const c of classes) c[i] = 3;
          const a = counts(dates);
          const fromClasses = changeCounts(classes, 3, n, null, a);
          const valid = validCodeTables(luts, 3);
          const fromRaw = changeCountsRaw8(raw, valid, zone);
          expect([...fromRaw]).toEqual([...fromClasses]);
          // Skipping the look-up where a date's histogram holds legend codes only changes nothing.
          const pairs = Array.from({ length: dates - 1 }, (_, d) => [d, d + 1] as const);
          const hists = pairs.map(([f, t]) => {
            const h = new Uint32Array(65536);
            for (let i = 0; i < n; i++) h[(raw[f]![i]! << 8) | raw[t]![i]!]!++;
            return h;
          });
          const check = datesWithInvalidCodes(pairs, hists, valid, 1);
          expect(check).toEqual(raw.map((r) => r.some((c) => c === 0 || c === 99)));
          expect([...changeCountsRaw8(raw, valid, zone, check)]).toEqual([...fromClasses]);
          const b = counts(dates);
          addChangeHistogram(fromRaw, n, n, 1, b);
          expect([...b.changePixels]).toEqual([...a.changePixels]);
        },
      ),
    );
  });

  it("addChangeHistogram counts only the columns and rows asked (a tile's padding is left out)", () => {
    // A 4 × 2 tile of which 3 columns and 1 row lie on the raster.
    const tile = Uint8Array.of(0, 1, 1, 0, 2, 2, 2, 2);
    const into = counts(3);
    addChangeHistogram(tile, 4, 3, 1, into);
    expect([...into.changePixels]).toEqual([1, 2, 0]);
  });
});
