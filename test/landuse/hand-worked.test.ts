import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLanduseResult } from "../../src/contract/landuse-result.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { analyzeLanduse } from "../../src/landuse-analysis/analyze-landuse.ts";
import { openClassRaster } from "../../src/raster/geotiff-source.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

/**
 * Two 10×10 maps in seed 001 codes (1 arable, 2 forest, 3 grassland, 4 urban, 7 open pit), 30 m
 * pixels (0.09 ha).
 *
 * 2000: rows 0–4 arable (50 px); rows 5–9 forest in columns 0–4 (25 px), grassland in 5–9 (25 px).
 * 2010: rows 0–1 stay arable (20); rows 2–4 become open pit in columns 0–4 (15) and forest in 5–9
 *       (15); row 5 columns 0–4 forest → urban (5), rows 6–9 stay forest (20); rows 5–6 columns 5–9
 *       grassland → arable (10), rows 7–9 stay grassland (15).
 *
 * Transitions (px): arable→arable 20, arable→open pit 15, arable→forest 15, forest→urban 5,
 * forest→forest 20, grassland→arable 10, grassland→grassland 15 — 100 in all, 45 changed.
 * Class areas 2010 (px): arable 30, forest 35, grassland 15, urban 5, open pit 15.
 * Seed 001 zones: invariant 20 + 20 + 15 = 55%; enhancement (arable→forest) 15%; low-carbon
 * optimization (forest→urban 5, grassland→arable 10) 15%; emission control (arable→open pit) 15%.
 * Interval: 45% changed over 10 years → St = U = 4.5 %/yr.
 * Arable: gain 10 px, loss 30 px → G = 10/10/30 × 100 = 3.333 %/yr, L = 30/10/50 × 100 = 6 %/yr;
 * quantity |10 − 30| = 20, exchange 0 (nothing went back to arable from where arable went), shift 20.
 * Stock lost to mining: 15 px = 1.35 ha of arable × (82.11 + 5) t C/ha = 117.5985 t C.
 */
const d2000: number[] = Array.from({ length: 100 }, (_, i) => {
  const r = Math.floor(i / 10);
  const c = i % 10;
  return r < 5 ? 1 : c < 5 ? 2 : 3;
});
const d2010: number[] = Array.from({ length: 100 }, (_, i) => {
  const r = Math.floor(i / 10);
  const c = i % 10;
  if (r < 2) return 1;
  if (r < 5) return c < 5 ? 7 : 2;
  if (c < 5) return r === 5 ? 4 : 2;
  return r < 7 ? 1 : 3;
});

const csv = (dir: string, name: string) =>
  readFileSync(join(dir, name), "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(","));

describe("hand-worked 10×10 maps", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-hand-"));
  writeCodeRaster(join(dir, "a.tif"), d2000, 10, 10);
  writeCodeRaster(join(dir, "b.tif"), d2010, 10, 10);

  it.each([0, 2])(
    "gives the worked transfer matrix, zones and intensities (workers: %i)",
    async (workers) => {
      const out = join(dir, `out-${workers}`);
      const s = await analyzeLanduse({
        maps: [
          { year: 2010, path: join(dir, "b.tif") },
          { year: 2000, path: join(dir, "a.tif") },
        ],
        legend: "seed001",
        out,
        workers,
        factors: async () => factorTable(),
      });
      const t = Object.fromEntries(
        s.transitionsOnestep.map((r) => [`${r.from_code}>${r.to_code}`, r.pixels]),
      );
      expect(t).toEqual({ "1>1": 20, "1>7": 15, "1>2": 15, "2>4": 5, "2>2": 20, "3>1": 10, "3>3": 15 });
      expect(s.transitionsOnestep.find((r) => r.from_code === 1 && r.to_code === 7)!.area_ha).toBeCloseTo(
        1.35,
        10,
      );
      const areas2010 = Object.fromEntries(
        s.classes.filter((r) => r.year === 2010).map((r) => [r.code, r.pixels]),
      );
      expect(areas2010).toEqual({ 1: 30, 2: 35, 3: 15, 4: 5, 7: 15 });
      const shares = Object.fromEntries(
        s.zonesByPeriod.map((z) => [z.zone, Math.round(z.share * 1e9) / 1e9]),
      );
      expect(shares).toEqual({
        invariant: 55,
        enhancement: 15,
        "low-carbon-optimization": 15,
        "emission-control": 15,
        unclassified: 0,
      });
      expect(s.intensityInterval[0]!.St_percent_per_year).toBeCloseTo(4.5, 12);
      const arable = s.intensityCategory.find((r) => r.code === 1)!;
      expect(arable.G_percent_per_year).toBeCloseTo(10 / 3, 12);
      expect(arable.L_percent_per_year).toBeCloseTo(6, 12);
      const comp = s.components.find((r) => r.code === 1)!;
      expect(
        [comp.quantity_ha, comp.exchange_ha, comp.shift_ha].map((v) => Math.round(v * 1e9) / 1e9),
      ).toEqual([1.8, 0, 1.8]);
      expect(s.stockLostToMining!.totalLossTC).toBeCloseTo(117.5985, 9);

      // The files say the same.
      const rows = csv(out, "transitions-onestep.csv");
      expect(rows[0]).toEqual([
        "from_year",
        "to_year",
        "from_code",
        "to_code",
        "from_class",
        "to_class",
        "pixels",
        "area_ha",
        "percent",
      ]);
      expect(rows).toHaveLength(8);
      expect(csv(out, "zones.csv")[1]!.slice(0, 4)).toEqual(["2000", "2010", "invariant", "55"]);
      // The zone raster holds each pixel's zone: (0,0) arable kept → invariant (1); (2,0) → open pit,
      // emission control (4); (5,0) forest → urban, low-carbon optimization (3); (2,5) → forest, enhancement (2).
      const z = await openClassRaster(join(out, "zones-2000-2010.tif"));
      const codes = await z.readRows(0, 10);
      await z.close();
      expect([codes[0], codes[20], codes[50], codes[25]]).toEqual([1, 4, 3, 2]);
      expect(z.grid.originX).toBe(500000);
      const written = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
      expect(written.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
      // summary.json is the declared result, as the analysis returned it.
      expect(parseLanduseResult(written, "summary.json")).toEqual(s);
    },
  );

  it("leaves out pixels that are nodata at any date and names codes not in the legend", async () => {
    const withNodata = [...d2010];
    withNodata[99] = 0;
    writeCodeRaster(join(dir, "c.tif"), withNodata, 10, 10, { nodata: 0 });
    const s = await analyzeLanduse({
      maps: [
        { year: 2000, path: join(dir, "a.tif") },
        { year: 2010, path: join(dir, "c.tif") },
      ],
      legend: "seed001",
      out: join(dir, "out-nodata"),
      workers: 0,
    });
    expect(s.pixels.analysed).toBe(99);
    expect(s.classes.filter((r) => r.year === 2000).reduce((a, r) => a + r.pixels, 0)).toBe(99);
    const unknown = [...d2010];
    unknown[0] = 41;
    unknown[1] = 41;
    unknown[2] = 200;
    writeCodeRaster(join(dir, "d.tif"), unknown, 10, 10);
    await expect(
      analyzeLanduse({
        maps: [
          { year: 2000, path: join(dir, "a.tif") },
          { year: 2010, path: join(dir, "d.tif") },
        ],
        legend: "seed001",
        out: join(dir, "out-unknown"),
        workers: 0,
      }),
    ).rejects.toThrow(/d\.tif: codes not in the legend \(seed001\): 41 \(2 px\), 200 \(1 px\)/);
  });

  it("says when a nodata value cannot occur, and refuses more classes than the engine counts", async () => {
    writeCodeRaster(join(dir, "e.tif"), d2010, 10, 10, { nodata: -9999 });
    const s = await analyzeLanduse({
      maps: [
        { year: 2000, path: join(dir, "a.tif") },
        { year: 2010, path: join(dir, "e.tif") },
      ],
      legend: "seed001",
      out: join(dir, "out-nodata-9999"),
      workers: 0,
    });
    expect(s.warnings.join("\n")).toMatch(/e\.tif: its nodata value -9999 cannot occur in 8-bit codes/);
    expect(s.pixels.analysed).toBe(100);
    const big = join(dir, "big-legend.csv");
    writeFileSync(big, ["code,name", ...Array.from({ length: 300 }, (_, i) => `${i},class ${i}`)].join("\n"));
    await expect(
      analyzeLanduse({
        maps: [
          { year: 2000, path: join(dir, "a.tif") },
          { year: 2010, path: join(dir, "b.tif") },
        ],
        legend: big,
        out: join(dir, "out-big"),
        workers: 0,
      }),
    ).rejects.toThrow(/- legend: has 300 classes; the engine counts at most 254/);
  });
});

/**
 * A third date, 2020, on top of the 10×10 maps above: rows 0–1, columns 0–4 arable → forest; row 2,
 * columns 5–9 forest → back to arable; pixel (9, 9) nodata; everything else as in 2010.
 *
 * Accumulated changes (class changes between consecutive dates, OpenLand's acc_changes):
 *   rows 0–1 c 0–4 arable→arable→forest 1 (10 px)   rows 0–1 c 5–9 arable throughout 0 (10)
 *   rows 2–4 c 0–4 arable→pit→pit 1 (15)             row 2 c 5–9 arable→forest→arable 2 (5)
 *   rows 3–4 c 5–9 arable→forest→forest 1 (10)       row 5 c 0–4 forest→urban→urban 1 (5)
 *   rows 6–9 c 0–4 forest 0 (20)                      rows 5–6 c 5–9 grass→arable→arable 1 (10)
 *   rows 7–9 c 5–9 grassland 0 (14), nodata at (9, 9) → 255
 * So 0 changes: 44 px, 1: 50 px, 2: 5 px (99 analysed, 0.09 ha each).
 * Inside a boundary of columns 0–7 (columns 8–9 → 255): 0: 35 px, 1: 42 px, 2: 3 px.
 */
const d2020: number[] = d2010.map((v, i) => {
  const r = Math.floor(i / 10);
  const c = i % 10;
  if (r < 2 && c < 5) return 2;
  if (r === 2 && c >= 5) return 1;
  if (r === 9 && c === 9) return 0;
  return v;
});
const expectedChanges = Array.from({ length: 100 }, (_, i) => {
  const r = Math.floor(i / 10);
  const c = i % 10;
  if (r === 9 && c === 9) return 255;
  if (r < 2) return c < 5 ? 1 : 0;
  if (r < 5) return c < 5 ? 1 : r === 2 ? 2 : 1;
  if (c < 5) return r === 5 ? 1 : 0;
  return r < 7 ? 1 : 0;
});

/**
 * Pools (t C/ha above / below / soil / dead): arable 2/0/8/0, forest 30/10/10/0, grassland 0/0/20/0,
 * every other class 0. Stocks 2000: arable 4.5 ha × 10 + forest 2.25 × 50 + grassland 2.25 × 20 =
 * 202.5 t C; 2010: 2.7 × 10 + 3.15 × 50 + 1.35 × 20 = 211.5 t C, so +9 t C: above 76.5 → 99.9
 * (+23.4), below 22.5 → 31.5 (+9), soil 103.5 → 80.1 (−23.4).
 * Valued at 50 CNY/t CO2e, discount 5 %/yr, price flat: 9 t C over 10 years = 0.9 t C/yr = 3.3 t CO2e
 * a year × 50 = 165 CNY a year, × Σ_{t=0}^{9} 1.05^−t (= 8.1078217) = 1,337.79 CNY.
 */
const POOLS = [
  "lucode,c_above,c_below,c_soil,c_dead",
  "1,2,0,8,0",
  "2,30,10,10,0",
  "3,0,0,20,0",
  ...[4, 5, 6, 7, 8, 9, 10, 11].map((c) => `${c},0,0,0,0`),
].join("\n");

describe("hand-worked 10×10 maps: accumulated changes, storage change and its value", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-hand-acc-"));
  writeCodeRaster(join(dir, "a.tif"), d2000, 10, 10, { nodata: 0 });
  writeCodeRaster(join(dir, "b.tif"), d2010, 10, 10, { nodata: 0 });
  writeCodeRaster(join(dir, "c.tif"), d2020, 10, 10, { nodata: 0 });
  writeFileSync(join(dir, "pools.csv"), POOLS);
  // Columns 0–7 of the grid (x 500000–500240 m on EPSG:32650), as a legacy-CRS GeoJSON polygon.
  writeFileSync(
    join(dir, "boundary.geojson"),
    JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "EPSG:32650" } },
      features: [
        {
          type: "Feature",
          properties: {},
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [500000, 4399700],
                [500240, 4399700],
                [500240, 4400000],
                [500000, 4400000],
                [500000, 4399700],
              ],
            ],
          },
        },
      ],
    }),
  );
  const maps = [
    { year: 2000, path: join(dir, "a.tif") },
    { year: 2010, path: join(dir, "b.tif") },
    { year: 2020, path: join(dir, "c.tif") },
  ];
  const readChanges = async (out: string) => {
    const r = await openClassRaster(join(out, "accumulated-changes.tif"));
    const v = await r.readRows(0, 10);
    await r.close();
    return { values: Array.from(v), nodata: r.nodata };
  };

  // The engine's three paths: maps tiled alike, counted tile by tile (no options); 8-bit blocks with a
  // boundary; the general path (carbon outputs need class indices). A pixel that is nodata at one
  // date only sends a block of 8-bit maps down the general path too, so each runs with and without it.
  const full = d2020.map((v, i) => (i === 99 ? 3 : v));
  writeCodeRaster(join(dir, "c-full.tif"), full, 10, 10, { nodata: 0 });
  const mapsFull = [...maps.slice(0, 2), { year: 2020, path: join(dir, "c-full.tif") }];
  const expectedFull = expectedChanges.map((v, i) => (i === 99 ? 0 : v));
  it.each([
    ["tile by tile", {}, 0, true],
    ["tile by tile, 2 workers", {}, 2, true],
    ["tile by tile, one pixel nodata at one date", {}, 0, false],
    ["general path (pools)", { pools: "pools.csv" }, 0, true],
    ["general path (pools), 2 workers, one pixel nodata", { pools: "pools.csv" }, 2, false],
  ])("counts each pixel's class changes across all dates: %s", async (name, extra, workers, whole) => {
    const out = join(dir, `acc-${name.replace(/\W+/g, "-")}`);
    const s = await analyzeLanduse({
      maps: whole ? mapsFull : maps,
      legend: "seed001",
      out,
      workers,
      ...("pools" in extra ? { pools: join(dir, "pools.csv") } : {}),
    });
    const raster = await readChanges(out);
    expect(raster.values).toEqual(whole ? expectedFull : expectedChanges);
    expect(raster.nodata).toBe(255);
    const zero = whole ? 45 : 44;
    const all = whole ? 100 : 99;
    expect(s.accumulatedChanges.map((r) => [r.changes, r.pixels])).toEqual([
      [0, zero],
      [1, 50],
      [2, 5],
    ]);
    expect(s.accumulatedChanges[1]!.area_ha).toBeCloseTo(4.5, 10);
    expect(s.accumulatedChanges[1]!.percent).toBeCloseTo((50 / all) * 100, 10);
    const pct = (px: number) => String(Number(((px / all) * 100).toPrecision(15)));
    expect(csv(out, "accumulated-changes.csv")).toEqual([
      ["changes", "pixels", "area_ha", "percent"],
      ["0", String(zero), String(Number((zero * 0.09).toPrecision(15))), pct(zero)],
      ["1", "50", "4.5", pct(50)],
      ["2", "5", "0.45", pct(5)],
    ]);
    expect(s.outputs).toEqual(
      expect.arrayContaining(["accumulated-changes.tif", "accumulated-changes.png", "transitions-chord.svg"]),
    );
  });

  it.each([
    ["8-bit blocks", true],
    ["general path (one pixel nodata at one date)", false],
  ])("leaves pixels outside the boundary out (255): %s", async (name, whole) => {
    const out = join(dir, `acc-boundary-${whole}`);
    const s = await analyzeLanduse({
      maps: whole ? mapsFull : maps,
      legend: "seed001",
      out,
      workers: 0,
      boundary: join(dir, "boundary.geojson"),
    });
    const inside = (whole ? expectedFull : expectedChanges).map((v, i) => (i % 10 >= 8 ? 255 : v));
    expect((await readChanges(out)).values).toEqual(inside);
    expect(s.accumulatedChanges.map((r) => r.pixels)).toEqual([35, 42, 3]);
  });

  it("reports the storage change per pool and its value (InVEST's valuation)", async () => {
    const out = join(dir, "carbon");
    const s = await analyzeLanduse({
      maps: maps.slice(0, 2),
      legend: "seed001",
      pools: join(dir, "pools.csv"),
      out,
      workers: 0,
      valuation: { carbonPrice: 50, discountRatePerYear: 0.05 },
    });
    const change = Object.fromEntries(
      s.carbonChange.map((r) => [r.pool, Math.round(r.change_tC * 1e9) / 1e9]),
    );
    expect(change).toEqual({ above: 23.4, below: 9, soil: -23.4, dead: 0, total: 9 });
    const total = s.carbonChange.find((r) => r.pool === "total")!;
    expect(total.start_tC).toBeCloseTo(202.5, 9);
    expect(total.end_tC).toBeCloseTo(211.5, 9);
    expect(total.change_tCO2e).toBeCloseTo(33, 9);
    expect(total.change_tC_per_yr).toBeCloseTo(0.9, 12);
    let annuity = 0;
    for (let t = 0; t < 10; t++) annuity += 1.05 ** -t;
    expect(s.carbonValue).toHaveLength(1);
    expect(s.carbonValue[0]!.npv_CNY).toBeCloseTo(165 * annuity, 6);
    expect(s.carbonValue[0]!.npv_CNY).toBeCloseTo(1337.79, 2);
    expect(s.valuation).toMatchObject({
      carbonPriceCNYPerTCO2e: 50,
      priceSource: "given",
      priceYear: 2000,
      priceChangePerYear: 0,
      discountRatePerYear: 0.05,
    });
    expect(csv(out, "carbon-change.csv")[0]).toEqual([
      "kind",
      "from_year",
      "to_year",
      "years",
      "pool",
      "start_tC",
      "end_tC",
      "change_tC",
      "change_tCO2e",
      "change_tC_per_yr",
    ]);
    expect(csv(out, "carbon-value.csv")[1]!.slice(0, 4)).toEqual(["multistep", "2000", "2010", "10"]);
    // The overall components: 45 of the 100 px changed (4.05 ha = 45 %): quantity 30 px, exchange 0, shift 15.
    expect(s.componentsOverall).toHaveLength(1);
    expect(s.componentsOverall[0]!.total_change_percent).toBeCloseTo(45, 10);
    expect(csv(out, "components-overall.csv")[0]!.slice(0, 5)).toEqual([
      "kind",
      "from_year",
      "to_year",
      "years",
      "area_ha",
    ]);
  });

  it("says when a price factor of other years is read as the first date's price", async () => {
    const run = (carbonPrice: number | string, out: string) =>
      analyzeLanduse({
        maps: maps.slice(0, 2),
        legend: "seed001",
        pools: join(dir, "pools.csv"),
        out: join(dir, out),
        workers: 0,
        factors: async () => factorTable(),
        valuation: { carbonPrice, discountRatePerYear: 0.05 },
      });
    const s = await run("cn.ets.cea.year4.mean", "price-factor");
    expect(s.valuation!.carbonPriceCNYPerTCO2e).toBe(89.06);
    expect(s.warnings.join("\n")).toMatch(
      /the carbon price cn\.ets\.cea\.year4\.mean \(89\.06 CNY\/t CO2e\) is for 2024–2025 but is read as the price in 2000/,
    );
    expect(s.valuation!.factorsUsed.map((f) => f.id)).toEqual(["cn.ets.cea.year4.mean"]);
    // A number is the user's price for the first date: nothing to say.
    expect((await run(89.06, "price-number")).warnings.join("\n")).not.toMatch(/carbon price/);
  });

  it("refuses a valuation without densities, or with a price that is no price factor", async () => {
    await expect(
      analyzeLanduse({
        maps: maps.slice(0, 2),
        legend: "seed001",
        out: join(dir, "no-pools"),
        workers: 0,
        valuation: { carbonPrice: 50, discountRatePerYear: 0.05 },
      }),
    ).rejects.toThrow(/valuation\.carbonPrice: needs carbon densities/);
    await expect(
      analyzeLanduse({
        maps: maps.slice(0, 2),
        legend: "seed001",
        pools: join(dir, "pools.csv"),
        out: join(dir, "bad-factor"),
        workers: 0,
        factors: async () => factorTable(),
        valuation: { carbonPrice: "ipcc2006.ef.diesel", discountRatePerYear: 0.05 },
      }),
    ).rejects.toThrow(/valuation\.carbonPrice: must be a (number|price factor)[^]*cn\.ets\.cea\.year4\.mean/);
  });
});
