import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DATA, shared } from "../helpers/shared-data.ts";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "minecarbon.mjs");
const tmp = mkdtempSync(join(tmpdir(), "mc-landuse-cli-"));
const CROP = shared("sao-lourenco", "crop300");
const LEGEND = shared("sao-lourenco", "legend.csv");
const GRIDS = join(root, "test", "fixtures", "grids");
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "landuse", "analyze", "--no-progress", ...args], {
    encoding: "utf8",
    cwd: root,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const crop = (y: number) => `${y}=${join(CROP, `landscape_${y}.tif`)}`;

describe.skipIf(!SHARED_DATA)("minecarbon landuse analyze: bad input exits 2 with what is wrong", () => {
  it.each([
    [
      "a missing file",
      [`--map`, crop(2002), `--map`, `2014=${join(tmp, "nope.tif")}`, "--legend", LEGEND],
      /nope\.tif: no such file/,
    ],
    [
      "a file that is not a GeoTIFF",
      ["--map", crop(2002), "--map", `2014=${join(GRIDS, "not-a-geotiff.tif")}`, "--legend", LEGEND],
      /not-a-geotiff\.tif: is not a readable GeoTIFF/,
    ],
    [
      "mismatched grids",
      ["--map", crop(2002), "--map", `2014=${join(GRIDS, "shifted-window.tif")}`, "--legend", LEGEND],
      /grids differ: origin \(708007\.5127, 8245223\.8591\) vs \(708307\.5127, 8244623\.8591\); size 300×300 vs 280×270 pixels \(add --align nearest/,
    ],
    [
      "codes not in the legend",
      ["--map", crop(2002), "--map", crop(2014), "--legend", "clcd"],
      /landscape_2002\.tif: codes not in the legend \(clcd\): 10 \(32 px\), 11 \(123 px\)/,
    ],
    [
      "geographic and projected maps mixed",
      [
        "--map",
        crop(2002),
        "--map",
        `2014=${join(GRIDS, "geographic-4326.tif")}`,
        "--legend",
        LEGEND,
        "--align",
        "nearest",
      ],
      /one is projected \(.*\) and the other geographic \(EPSG:4326 \(WGS 84\)\)/,
    ],
    [
      "a map given without its year",
      ["--map", join(CROP, "landscape_2002.tif"), "--map", crop(2014), "--legend", LEGEND],
      /--map #1: must be year=path/,
    ],
    [
      "an unknown legend",
      ["--map", crop(2002), "--map", crop(2014), "--legend", "corine"],
      /"corine" is neither a preset/,
    ],
    [
      "data-driven zoning without densities, named by the options",
      ["--map", crop(2002), "--map", crop(2014), "--legend", LEGEND, "--zoning", "data-driven"],
      /- --zoning: data-driven zoning needs carbon densities \(--pools\)/,
    ],
  ])("%s", (_, args, message) => {
    const r = run(...(args as string[]), "--out", join(tmp, "bad"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });

  it("a boundary that does not overlap the maps", () => {
    const far = join(tmp, "far.geojson");
    writeFileSync(
      far,
      JSON.stringify({
        type: "Feature",
        properties: {},
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [10, 50],
              [10.1, 50],
              [10.1, 50.1],
              [10, 50],
            ],
          ],
        },
      }),
    );
    const r = run(
      "--map",
      crop(2002),
      "--map",
      crop(2014),
      "--legend",
      LEGEND,
      "--boundary",
      far,
      "--out",
      join(tmp, "far"),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/far\.geojson: no pixel inside the boundary\/zones is valid at every date/);
  });
});

describe.skipIf(!SHARED_DATA)("minecarbon landuse analyze: alignment, geographic grids, boundaries", () => {
  it("resamples a shifted window onto the first grid with --align nearest", () => {
    const out = join(tmp, "aligned");
    const r = run(
      "--map",
      crop(2002),
      "--map",
      `2014=${join(GRIDS, "shifted-window.tif")}`,
      "--legend",
      LEGEND,
      "--align",
      "nearest",
      "--out",
      out,
      "--json",
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    // The window is the same map (2002) cut to 280×270 from column 10, row 20: the overlap persists.
    expect(s.pixels.analysed).toBe(280 * 270);
    expect(
      s.transitionsOnestep.every((t: { from_code: number; to_code: number }) => t.from_code === t.to_code),
    ).toBe(true);
    expect(s.warnings.join()).toMatch(/resampled onto the first grid by nearest neighbour/);
  });

  it("gives per-row ellipsoidal areas on a geographic grid", () => {
    const r = run(
      "--map",
      `2002=${join(GRIDS, "geographic-4326.tif")}`,
      "--map",
      `2014=${join(GRIDS, "geographic-4326-2014.tif")}`,
      "--legend",
      LEGEND,
      "--out",
      join(tmp, "geo"),
      "--json",
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.pixelAreaHa.perRow).toBe(true);
    const area = s.classes
      .filter((c: { year: number }) => c.year === 2002)
      .reduce((a: number, c: { area_ha: number }) => a + c.area_ha, 0);
    const px = s.pixels.analysed;
    // The warped map keeps its 30 m cells: about 0.09 ha each (UTM scale error and resampling aside).
    expect(area / px).toBeGreaterThan(0.085);
    expect(area / px).toBeLessThan(0.095);
  });

  it("restricts results to a boundary given in WGS 84 and reports per zone", () => {
    // A box around the crop's centre, in longitude/latitude (UTM 21S ≈ 55.05° W, 15.9° S).
    const box = (x0: number, y0: number, x1: number, y1: number, name: string) => ({
      type: "Feature",
      properties: { name },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0],
          ],
        ],
      },
    });
    const b = join(tmp, "boundary.geojson");
    writeFileSync(
      b,
      JSON.stringify({ type: "FeatureCollection", features: [box(-56, -17, -54, -15, "all")] }),
    );
    const z = join(tmp, "zones.geojson");
    writeFileSync(
      z,
      JSON.stringify({
        type: "FeatureCollection",
        features: [box(-56, -17, -55.04, -15, "west"), box(-55.04, -17, -54, -15, "east")],
      }),
    );
    const out = join(tmp, "zoned");
    const r = run(
      "--map",
      crop(2002),
      "--map",
      crop(2014),
      "--legend",
      LEGEND,
      "--boundary",
      b,
      "--zones",
      z,
      "--out",
      out,
      "--json",
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.pixels.analysed).toBe(90000);
    const zoneTotals = new Map<string, number>();
    for (const row of s.zoneClasses.filter((x: { year: number }) => x.year === 2002))
      zoneTotals.set(row.zone, (zoneTotals.get(row.zone) ?? 0) + row.pixels);
    expect(zoneTotals.get("west")! + zoneTotals.get("east")!).toBe(90000);
    expect(zoneTotals.get("west")).toBeGreaterThan(0);
    expect(zoneTotals.get("east")).toBeGreaterThan(0);
    expect(readFileSync(join(out, "zone-classes.csv"), "utf8")).toMatch(
      /^zone,year,code,class,pixels,area_ha\n/,
    );
  });
});

describe.skipIf(!SHARED_DATA)(
  "minecarbon landuse analyze: storage change and its value (InVEST's carbon model)",
  () => {
    const W = shared("willamette");
    const willamette = [
      "--map",
      `2000=${join(W, "lulc_samp_cur.tif")}`,
      "--map",
      `2030=${join(W, "lulc_samp_fut.tif")}`,
      "--pools",
      join(W, "carbon_pools_samp.csv"),
    ];

    it.each([
      [
        "a discount rate without a price",
        ["--map", crop(2002), "--map", crop(2014), "--legend", LEGEND, "--discount-rate", "0.05"],
        /--discount-rate: values a storage change; give --carbon-price with it/,
      ],
      [
        "a price without carbon densities",
        [
          "--map",
          crop(2002),
          "--map",
          crop(2014),
          "--legend",
          LEGEND,
          "--carbon-price",
          "50",
          "--discount-rate",
          "0.05",
        ],
        /--carbon-price: needs carbon densities \(--pools/,
      ],
      [
        "a price without a discount rate",
        [...willamette, "--carbon-price", "50"],
        /--discount-rate: is needed with --carbon-price/,
      ],
      [
        "every bound at once",
        [...willamette, "--carbon-price", "2e6", "--discount-rate", "1.5", "--price-change", "-3"],
        /--carbon-price: must be ≤ 1,000,000 CNY\/t CO2e[^]*--price-change: must be between −1 and 1[^]*--discount-rate: must be ≤ 1/,
      ],
      [
        "a rate that is no number",
        [...willamette, "--carbon-price", "50", "--discount-rate", "7%"],
        /--discount-rate: must be a decimal number[^]*got "7%"/,
      ],
      [
        "an infinite price",
        [...willamette, "--carbon-price", "1e999", "--discount-rate", "0.05"],
        /--carbon-price: must be a finite number; got "1e999"/,
      ],
      [
        "a price that is no price factor",
        [...willamette, "--carbon-price", "ipcc2006.no.such", "--discount-rate", "0.05"],
        /--carbon-price: must be a number \(CNY per t CO2e\) or the id of a price factor of the library \(cn\.ccer\.price\.2024/,
      ],
    ])("refuses %s (exit 2, nothing written)", (_, args, message) => {
      const out = join(tmp, `valuation-bad-${_.replace(/\W+/g, "-")}`);
      const r = run(...(args as string[]), "--out", out);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(message as RegExp);
      expect(existsSync(join(out, "summary.json"))).toBe(false);
    });

    it("gives the change per pool and InVEST's net present value of it (Willamette sample data)", () => {
      const out = join(tmp, "willamette-value");
      const r = run(...willamette, "--carbon-price", "12", "--discount-rate", "0.07", "--out", out);
      expect(r.code, r.err).toBe(0);
      // numpy over the same rasters and pool table (golden/willamette-carbon/SOURCE.md): 41,401,390.815 t C
      // in 2000 and 37,875,295.71 t C in 2030, so −3,526,095.105 t C.
      const rows = readFileSync(join(out, "carbon-change.csv"), "utf8").trim().split("\n");
      const total = rows.find((l) => l.startsWith("multistep,2000,2030,30,total,"))!.split(",");
      expect(Number(total[7])).toBeCloseTo(-3_526_095.105, 3);
      expect(Number(total[8])).toBeCloseTo((-3_526_095.105 * 44) / 12, 2);
      // InVEST (carbon.py's valuation constant) at V = 12 CNY/t CO2e × 44/12 = 44 per t C, r = 7 %, no
      // price change, 30 years: V/T × (1 − q^T)/(1 − q), q = 1/1.07 → × 13.277674066351269 (Python):
      // 44 × −3,526,095.105 / 30 × 13.2776740663513 = −68,666,900.912 CNY.
      const value = readFileSync(join(out, "carbon-value.csv"), "utf8").trim().split("\n");
      const header = value[0]!.split(",");
      const npv = Number(value[1]!.split(",")[header.indexOf("npv_CNY")]);
      expect(npv).toBeCloseTo(-68_666_900.912, 2);
      expect(r.out).toMatch(/Value of the storage change \(InVEST\): 12\.00 CNY\/t CO2e in 2000/);
      expect(r.out).toMatch(/2000–2030\s+-68,666,901 CNY in 2000/);
      expect(r.out).toMatch(/Storage change \(t C; \+ stored, − lost\)/);
      // The accumulated changes cover every pixel analysed; the overall components split its change.
      const s = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
      expect(s.accumulatedChanges.reduce((a: number, x: { pixels: number }) => a + x.pixels, 0)).toBe(
        s.pixels.analysed,
      );
      const c = s.componentsOverall[0];
      expect(c.quantity_ha + c.exchange_ha + c.shift_ha).toBeCloseTo(c.total_change_ha, 6);
      expect(readdirSync(out)).toEqual(
        expect.arrayContaining([
          "components-overall.csv",
          "carbon-change.csv",
          "carbon-value.csv",
          "accumulated-changes.tif",
          "accumulated-changes.png",
          "accumulated-changes.csv",
          "transitions-chord.svg",
        ]),
      );
      expect(readFileSync(join(out, "transitions-chord.svg"), "utf8")).toMatch(
        /^<svg[^]*Land-use transitions 2000 → 2030 \(ha\)/,
      );
    }, 120_000);
  },
);
