import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { analyzeLanduse } from "../../src/landuse/analyze-landuse.ts";
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
 * optimisation (forest→urban 5, grassland→arable 10) 15%; emission control (arable→open pit) 15%.
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
        "low-carbon-optimisation": 15,
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
      // emission control (4); (5,0) forest → urban, low-carbon optimisation (3); (2,5) → forest, enhancement (2).
      const z = await openClassRaster(join(out, "zones-2000-2010.tif"));
      const codes = await z.readRows(0, 10);
      await z.close();
      expect([codes[0], codes[20], codes[50], codes[25]]).toEqual([1, 4, 3, 2]);
      expect(z.grid.originX).toBe(500000);
      expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).inputs[0].sha256).toMatch(
        /^[0-9a-f]{64}$/,
      );
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
    ).rejects.toThrow(/--legend: has 300 classes; the engine counts at most 254/);
  });
});
