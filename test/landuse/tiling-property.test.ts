import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeLanduse } from "../../src/landuse-analysis/analyze-landuse.ts";
import { openClassRaster } from "../../src/raster/geotiff-source.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

/** Patchy random maps: blocks of one class, some pixels changed at the second date, some nodata. */
const maps = fc
  .record({
    width: fc.integer({ min: 5, max: 90 }),
    height: fc.integer({ min: 5, max: 90 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    geographic: fc.boolean(),
  })
  .map(({ width, height, seed, geographic }) => {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const a = Array.from(
      { length: width * height },
      (_, i) => 1 + ((Math.floor((i % width) / 7) + Math.floor(i / width / 5)) % 11),
    );
    const b = a.map((v) => (rnd() < 0.3 ? 1 + Math.floor(rnd() * 11) : v));
    for (let i = 0; i < b.length; i++) if (rnd() < 0.02) b[i] = 0;
    const c = b.map((v) => (v !== 0 && rnd() < 0.2 ? 1 + Math.floor(rnd() * 11) : v));
    return { width, height, a, b, c, geographic, threeDates: rnd() < 0.5 };
  });

describe("results (matrices, zones, accumulated changes) do not depend on tile size, block size or worker count", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-prop-"));
  let n = 0;
  it("holds for random maps, tilings and worker counts", async () => {
    await fc.assert(
      fc.asyncProperty(
        maps,
        fc.constantFrom(16, 32, 64),
        fc.constantFrom(16, 32, 48, 128),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        async (m, tile, blockRows, workers, sameTiles) => {
          const id = n++;
          const a = join(dir, `a${id}.tif`);
          const b = join(dir, `b${id}.tif`);
          writeCodeRaster(a, m.a, m.width, m.height, { tile, nodata: 0, geographic: m.geographic });
          // Same tiles in all maps (and blocks of one tile row) take the tile-by-tile path.
          const tileB = sameTiles ? tile : tile === 16 ? 32 : 16;
          writeCodeRaster(b, m.b, m.width, m.height, { tile: tileB, nodata: 0, geographic: m.geographic });
          const c = join(dir, `c${id}.tif`);
          writeCodeRaster(c, m.c, m.width, m.height, { tile: tileB, nodata: 0, geographic: m.geographic });
          const run = (o: { blockRows?: number; workers: number }, out: string) =>
            analyzeLanduse({
              maps: [
                { year: 2000, path: a },
                { year: 2010, path: b },
                ...(m.threeDates ? [{ year: 2020, path: c }] : []),
              ],
              legend: "seed001",
              out: join(dir, out),
              ...o,
            });
          const base = await run({ workers: 0, blockRows: 16 }, `base${id}`);
          const other = await run({ workers, blockRows: sameTiles ? tile : blockRows }, `other${id}`);
          const strip = (s: typeof base) => ({
            px: s.transitionsOnestep.map((r) => [r.from_code, r.to_code, r.pixels]),
            multi: s.transitionsMultistep.map((r) => [r.from_year, r.from_code, r.to_code, r.pixels]),
            classes: s.classes.map((r) => [r.year, r.code, r.pixels]),
            zones: s.zonesByPeriod.map((r) => [r.zone, r.pixels]),
            changes: s.accumulatedChanges.map((r) => [r.changes, r.pixels]),
          });
          expect(strip(other)).toEqual(strip(base));
          // Areas: exact on projected grids; on geographic grids row sums are added in another order.
          other.transitionsOnestep.forEach((r, i) =>
            expect(r.area_ha).toBeCloseTo(base.transitionsOnestep[i]!.area_ha, 9),
          );
          // The zone rasters hold the same pixels.
          const read = async (p: string) => {
            const r = await openClassRaster(p);
            const v = await r.readRows(0, m.height);
            await r.close();
            return Array.from(v);
          };
          expect(await read(join(dir, `other${id}`, "zones-2000-2010.tif"))).toEqual(
            await read(join(dir, `base${id}`, "zones-2000-2010.tif")),
          );
          // So does the accumulated-changes raster, and its areas agree.
          const changes = await read(join(dir, `other${id}`, "accumulated-changes.tif"));
          expect(changes).toEqual(await read(join(dir, `base${id}`, "accumulated-changes.tif")));
          other.accumulatedChanges.forEach((r, i) =>
            expect(r.area_ha).toBeCloseTo(base.accumulatedChanges[i]!.area_ha, 9),
          );
          // Every analysed pixel has a count (0 … dates − 1), every other pixel is 255.
          const dates = m.threeDates ? 3 : 2;
          expect(changes.filter((v) => v !== 255)).toHaveLength(base.pixels.analysed);
          expect(changes.every((v) => v === 255 || v < dates)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
