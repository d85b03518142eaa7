import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeLanduse } from "../../src/landuse-analysis/analyze-landuse.ts";

import { SHARED_DATA, shared } from "../helpers/shared-data.ts";

const SL = shared("sao-lourenco");
const W = shared("willamette");
const out = () => mkdtempSync(join(tmpdir(), "mc-real-"));

/** Every matrix's margins must equal the class areas of its two dates, and the total must not change. */
function expectConsistent(s: Awaited<ReturnType<typeof analyzeLanduse>>) {
  const total = s.pixels.analysed;
  const byYear = new Map<number, Map<number, number>>();
  for (const r of s.classes)
    (byYear.get(r.year) ?? byYear.set(r.year, new Map()).get(r.year)!).set(r.code, r.pixels);
  for (const [, m] of byYear) expect([...m.values()].reduce((a, b) => a + b, 0)).toBe(total);
  const pairs = new Set(s.transitionsMultistep.map((r) => `${r.from_year}-${r.to_year}`));
  for (const p of pairs) {
    const rows = s.transitionsMultistep.filter((r) => `${r.from_year}-${r.to_year}` === p);
    const [from, to] = p.split("-").map(Number) as [number, number];
    for (const [code, px] of byYear.get(from)!)
      expect(rows.filter((r) => r.from_code === code).reduce((a, r) => a + r.pixels, 0)).toBe(px);
    for (const [code, px] of byYear.get(to)!)
      expect(rows.filter((r) => r.to_code === code).reduce((a, r) => a + r.pixels, 0)).toBe(px);
  }
}

describe.skipIf(!SHARED_DATA)("real data", () => {
  it("São Lourenço, 300×300 crop, five dates, OpenLand's legend CSV as is", async () => {
    const s = await analyzeLanduse({
      maps: [2002, 2008, 2010, 2012, 2014].map((year) => ({
        year,
        path: join(SL, "crop300", `landscape_${year}.tif`),
      })),
      legend: join(SL, "legend.csv"),
      rules: join(import.meta.dirname, "..", "..", "examples", "sao-lourenco-zoning.csv"),
      out: out(),
      workers: 1,
    });
    expectConsistent(s);
    expect(s.pixels.analysed).toBe(90000);
    // gdalinfo -hist of the 2002 crop: 58,538 px of pasture (code 2).
    expect(s.classes.find((r) => r.year === 2002 && r.code === 2)!.pixels).toBe(58538);
    expect(s.grid.crs).toMatch(/UTM zone 21S on GRS 1980/);
    expect(s.intensityInterval).toHaveLength(4);
    expect(s.zonesByPeriod.filter((z) => z.kind === "onestep")).toHaveLength(5);
  });

  it("São Lourenço, all five full dates (6546×6372)", async () => {
    const s = await analyzeLanduse({
      maps: [2002, 2008, 2010, 2012, 2014].map((year) => ({ year, path: join(SL, `landscape_${year}.tif`) })),
      legend: join(SL, "legend.csv"),
      zoning: "none",
      out: out(),
    });
    expectConsistent(s);
    // Valid pixels at every date: 6546 × 6372 minus the nodata (255) outside the basin.
    expect(s.pixels.analysed).toBe(24_908_860);
    expect(s.pixels.analysed + s.pixels.nodataAtAllDates + s.pixels.excludedNodataAtSomeDates).toBe(
      6546 * 6372,
    );
    // Every cell equals rasterio + numpy's count (golden/sao-lourenco-matrices).
    const golden = join(
      import.meta.dirname,
      "..",
      "..",
      "golden",
      "sao-lourenco-matrices",
      "expected-transitions.csv",
    );
    const expected = readFileSync(golden, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").map(Number));
    const ours = [...s.transitionsMultistep, ...s.transitionsOnestep].map((r) => [
      r.from_year,
      r.to_year,
      r.from_code,
      r.to_code,
      r.pixels,
    ]);
    const key = (r: number[]) => r.slice(0, 4).join("/");
    expect(expected.length).toBe(175);
    expect(new Map(ours.map((r) => [key(r), r[4]]))).toEqual(new Map(expected.map((r) => [key(r), r[4]])));
  }, 120_000);

  it("Willamette with InVEST's own pool table as legend: storage per pool", async () => {
    const s = await analyzeLanduse({
      maps: [
        { year: 2000, path: join(W, "lulc_samp_cur.tif") },
        { year: 2030, path: join(W, "lulc_samp_fut.tif") },
      ],
      pools: join(W, "carbon_pools_samp.csv"),
      out: out(),
    });
    expectConsistent(s);
    // numpy over the same rasters and table (golden/willamette-carbon/SOURCE.md): Σ density × 0.09 ha.
    const total = (y: number) => s.carbon.find((r) => r.year === y && r.pool === "total")!.total_tC;
    expect(total(2000)).toBeCloseTo(41_401_390.815, 3);
    expect(total(2030)).toBeCloseTo(37_875_295.71, 3);
    const pools = s.carbon
      .filter((r) => r.year === 2000 && r.pool !== "total")
      .reduce((a, r) => a + r.total_tC, 0);
    expect(pools).toBeCloseTo(total(2000), 3);
    expect(s.zoning!.id).toBe("data-driven");
    expect(s.outputs).toEqual(
      expect.arrayContaining(["carbon-2000.tif", "carbon-2030.tif", "carbon-change-2000-2030.tif"]),
    );
  });
});
