import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
