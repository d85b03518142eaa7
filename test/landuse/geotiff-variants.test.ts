import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openClassRaster } from "../../src/raster/geotiff-source.ts";

const DIR = join(import.meta.dirname, "..", "fixtures", "geotiff-variants");

/** São Lourenço 2002, 300×300 crop: pixels per code, counted by gdalinfo -hist on the source. */
const REFERENCE: Record<number, number> = {
  2: 58538,
  3: 3098,
  4: 717,
  5: 12117,
  7: 5042,
  8: 10333,
  10: 32,
  11: 123,
};

/** The one assertion every variant must pass: same grid, same codes in the same places. */
async function expectSameMap(path: string, reference: Uint8Array | Uint16Array | undefined) {
  const r = await openClassRaster(path);
  try {
    expect(r.grid.width).toBe(300);
    expect(r.grid.height).toBe(300);
    expect(r.grid.originX).toBeCloseTo(708007.5127, 4);
    expect(r.grid.originY).toBeCloseTo(8245223.8591, 4);
    expect(r.grid.pixelWidth).toBe(30);
    expect(r.grid.crs.kind).toBe("projected");
    expect(r.grid.crs.proj4).toMatch(/\+proj=utm \+zone=21 \+south/);
    // Read in awkward row ranges that cut blocks, to exercise block reuse.
    const parts = [await r.readRows(0, 37), await r.readRows(37, 200), await r.readRows(200, 300)];
    const all = new Uint16Array(300 * 300);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    const hist: Record<number, number> = {};
    for (const v of all) hist[v] = (hist[v] ?? 0) + 1;
    expect(hist).toEqual(REFERENCE);
    if (reference) expect(Array.from(all)).toEqual(Array.from(reference));
    return all;
  } finally {
    await r.close();
  }
}

describe("GeoTIFF variants made by gdal_translate (test/fixtures/make-geotiff-variants.sh)", () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith(".tif"))
    .sort();
  it("has the whole fixture set", () => expect(files.length).toBeGreaterThanOrEqual(12));
  it.each(files)("%s reads as the same map, pixel for pixel", async (f) => {
    const reference = await expectSameMap(join(DIR, "striped-none.tif"), undefined);
    await expectSameMap(join(DIR, f), reference);
  });
  it("reads the layout and compression it reports", async () => {
    const r = await openClassRaster(join(DIR, "uint16-bigendian.tif"));
    expect([r.bits, r.compression, r.tiled]).toEqual([16, "LZW", false]);
    await r.close();
    const c = await openClassRaster(join(DIR, "cog-deflate.tif"));
    expect([c.bits, c.compression, c.tiled, c.blockWidth]).toEqual([8, "DEFLATE", true, 128]);
    await c.close();
    const e = await openClassRaster(join(DIR, "epsg32721-deflate.tif"));
    expect(e.grid.crs.label).toBe("EPSG:32721 (WGS 84 / UTM zone 21S)");
    await e.close();
  });
});
