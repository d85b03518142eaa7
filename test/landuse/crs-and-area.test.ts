import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { crsFromGeoKeys, knownProjected } from "../../src/raster/crs.ts";
import { ellipsoidSurface, geographicCellArea, rowPixelAreas } from "../../src/domain/landuse/pixel-area.ts";
import { gridDifferences, type RasterGrid } from "../../src/raster/grid.ts";

const WGS84 = { a: 6378137, invF: 298.257223563 };

describe("CRS from GeoTIFF keys", () => {
  it("rebuilds São Lourenço's user-defined UTM 21S on GRS 80 (no EPSG code)", () => {
    const crs = crsFromGeoKeys(
      {
        GTModelTypeGeoKey: 1,
        GeographicTypeGeoKey: 32767,
        GeogEllipsoidGeoKey: 7019,
        ProjectedCSTypeGeoKey: 32767,
        ProjectionGeoKey: 16121,
        ProjLinearUnitsGeoKey: 9001,
      },
      "x.tif",
    );
    expect(crs.kind).toBe("projected");
    expect(crs.proj4).toBe("+proj=utm +zone=21 +south +a=6378137 +rf=298.257222101 +units=m +no_defs");
  });
  it("knows UTM and CGCS2000 Gauss–Krüger codes", () => {
    expect(knownProjected(32650)!.proj4).toContain("+zone=50 +datum=WGS84");
    expect(knownProjected(4546)!.proj4).toContain("+lon_0=111 ");
    expect(knownProjected(4527)!.proj4).toContain("+lon_0=117 +k=1 +x_0=39500000");
  });
  it("refuses files without keys and unknown units, saying what to do", () => {
    expect(() => crsFromGeoKeys({}, "a.tif")).toThrow(/a\.tif: the file has no GeoTIFF keys.*gdal_edit/);
    expect(() => crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjLinearUnitsGeoKey: 9036 }, "b.tif")).toThrow(
      /b\.tif: linear unit 9036/,
    );
  });
});

describe("pixel areas", () => {
  it("sum of 1° cells over the globe = the WGS 84 surface, 510,065,621.7 km²", () => {
    expect(ellipsoidSurface(WGS84) / 100).toBeCloseTo(510_065_621.7, 0);
    let total = 0;
    for (let lat = -90; lat < 90; lat++) total += geographicCellArea(lat + 1, lat, 360, WGS84);
    expect(total / ellipsoidSurface(WGS84)).toBeCloseTo(1, 12);
  });
  it("on a sphere a cell is R² Δλ (sin φ₂ − sin φ₁)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -89, max: 88, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (s, h) => {
          const sphere = { a: 6371000, invF: Infinity };
          // sin φ₂ − sin φ₁ written as 2 cos((φ₁+φ₂)/2) sin(Δφ/2), which loses no digits near the pole.
          const rad = Math.PI / 180;
          const exact =
            (6371000 ** 2 * rad * 2 * Math.cos((s + h / 2) * rad) * Math.sin((h / 2) * rad)) / 1e4;
          // The area is a difference of two zone areas, so up to ~1e-16·sin φ/(cos φ·Δφ) of it is
          // rounding: at most a few 1e-10 for a 0.001° cell at 89° S. Real pixels (≥ 0.0001°,
          // |φ| ≤ 85°) stay below 1e-11.
          expect(geographicCellArea(s + h, s, 1, sphere) / exact).toBeCloseTo(1, 8);
        },
      ),
    );
  });
  it("projected grids: one area for every row; geographic: shrinking towards the pole", () => {
    const g = { height: 3, originY: 40, pixelWidth: 30, pixelHeight: 30 };
    expect([...rowPixelAreas(g, { kind: "projected", unitToMetre: 1, ellipsoid: WGS84 })]).toEqual([
      0.09, 0.09, 0.09,
    ]);
    const geo = rowPixelAreas(
      { height: 3, originY: 40, pixelWidth: 0.00025, pixelHeight: 0.00025 },
      { kind: "geographic", unitToMetre: 1, ellipsoid: WGS84 },
    );
    expect(geo[0]!).toBeLessThan(geo[2]!);
    // A 0.00025° cell at 40° N is about 21.3 m × 27.8 m.
    expect(geo[0]!).toBeCloseTo(0.0592, 3);
  });
});

describe("grid differences", () => {
  const crs = {
    kind: "projected" as const,
    label: "EPSG:32650",
    epsg: 32650,
    ellipsoid: { name: "WGS 84", ...WGS84 },
    unitToMetre: 1,
  };
  const g: RasterGrid = {
    width: 10,
    height: 10,
    originX: 0,
    originY: 300,
    pixelWidth: 30,
    pixelHeight: 30,
    crs,
  };
  it("names each difference", () => {
    expect(gridDifferences(g, g)).toEqual([]);
    expect(gridDifferences(g, { ...g, originX: 15 })).toEqual(["origin (0, 300) vs (15, 300)"]);
    expect(gridDifferences(g, { ...g, width: 11, pixelWidth: 10 })).toEqual([
      "pixel size 30×30 vs 10×30",
      "size 10×10 vs 11×10 pixels",
    ]);
    expect(
      gridDifferences(g, { ...g, crs: { ...crs, kind: "geographic", label: "EPSG:4326", epsg: 4326 } })[0],
    ).toMatch(/one is projected \(EPSG:32650\) and the other geographic \(EPSG:4326\)/);
  });
});
