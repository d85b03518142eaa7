import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/batch/run-batch.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { at, mine, readCsv, writeMines } from "./batch-fixtures.ts";

/** Maps of three years (codes 1–11 of seed001, some nodata 0) and a random tiling of the raster by polygons. */
const cases = fc
  .record({
    width: fc.integer({ min: 4, max: 40 }),
    height: fc.integer({ min: 4, max: 40 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    cutsX: fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { maxLength: 5 }),
    cutsY: fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { maxLength: 5 }),
    triangles: fc.boolean(),
    tile: fc.constantFrom(16, 32),
  })
  .map((c) => {
    let s = c.seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = c.width * c.height;
    const a = Array.from(
      { length: n },
      (_, i) => 1 + ((Math.floor((i % c.width) / 3) + Math.floor(i / c.width / 4)) % 11),
    );
    const b = a.map((v) => (rnd() < 0.3 ? 1 + Math.floor(rnd() * 11) : v));
    for (let i = 0; i < n; i++) if (rnd() < 0.03) b[i] = 0;
    const d = b.map((v) => (rnd() < 0.2 ? Math.floor(rnd() * 12) : v));
    // Cuts across the raster; the outer ones reach beyond it (the edge is crossed).
    const xs = [-0.7, ...c.cutsX.map((f) => f * c.width).sort((p, q) => p - q), c.width + 0.9];
    const ys = [-1.3, ...c.cutsY.map((f) => f * c.height).sort((p, q) => p - q), c.height + 0.4];
    return { ...c, maps: [a, b, d], xs, ys };
  });

describe("runBatch: polygons that tile the raster sum to the whole raster's counts", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-batch-prop-"));
  let run = 0;
  it("holds for random maps, tilings (rectangles and triangles) and tile sizes", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const here = join(dir, `case-${run++}`);
        const paths = c.maps.map((codes, i) => {
          const p = join(dir, `m${run}-${i}.tif`);
          writeCodeRaster(p, codes, c.width, c.height, { tile: c.tile, nodata: 0 });
          return p;
        });
        const features: unknown[] = [];
        for (let i = 0; i + 1 < c.xs.length; i++)
          for (let j = 0; j + 1 < c.ys.length; j++) {
            const [x0, x1, y0, y1] = [c.xs[i]!, c.xs[i + 1]!, c.ys[j]!, c.ys[j + 1]!];
            if (c.triangles) {
              features.push(mine(`t${i}-${j}a`, [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y0)]]));
              features.push(mine(`t${i}-${j}b`, [[at(x0, y0), at(x1, y1), at(x0, y1), at(x0, y0)]]));
            } else
              features.push(
                mine(`r${i}-${j}`, [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]]),
              );
          }
        const minesPath = writeMines(join(dir, `mines${run}.geojson`), features);
        await runBatch({
          maps: paths.map((path, i) => ({ year: 2000 + 5 * i, path })),
          mines: minesPath,
          idField: "mine_id",
          legend: "seed001",
          out: here,
          workers: 1,
          checksum: "size+mtime",
        });
        // The whole raster's counts, directly from the arrays.
        const whole = new Map<string, number>();
        const add = (k: string) => whole.set(k, (whole.get(k) ?? 0) + 1);
        c.maps.forEach((m, y) => m.forEach((code) => code !== 0 && add(`c ${2000 + 5 * y} ${code}`)));
        for (let y = 0; y + 1 < c.maps.length; y++)
          c.maps[y]!.forEach((from, i) => {
            const to = c.maps[y + 1]![i]!;
            if (from !== 0 && to !== 0) add(`t ${2000 + 5 * y} ${from} ${to}`);
          });
        const summed = new Map<string, number>();
        const sum = (k: string, px: string) => summed.set(k, (summed.get(k) ?? 0) + Number(px));
        for (const r of readCsv(readFileSync(join(here, "classes.csv"), "utf8")))
          sum(`c ${r.year} ${r.code}`, r.pixels!);
        for (const r of readCsv(readFileSync(join(here, "transitions.csv"), "utf8")))
          sum(`t ${r.from_year} ${r.from_code} ${r.to_code}`, r.pixels!);
        expect(Object.fromEntries(summed)).toEqual(Object.fromEntries(whole));
        // Every pixel in exactly one mine: the mines' pixels add up to the raster.
        const mines = readCsv(readFileSync(join(here, "mines.csv"), "utf8"));
        expect(mines.reduce((s, r) => s + Number(r.pixels || 0), 0)).toBe(c.width * c.height);
      }),
      { numRuns: 25 },
    );
  });
});
