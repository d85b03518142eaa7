import { describe, expect, it } from "vitest";
import { InputError } from "../../domain/validation/input-issue.ts";
import { UTM50N_PRJ, zippedShapefile } from "../../../test/fixtures/plots/write-shapefile.ts";
import { importPlots } from "./plot-import.ts";

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const square = (x0: number, y0: number, d: number) => [
  [
    [x0, y0],
    [x0 + d, y0],
    [x0 + d, y0 + d],
    [x0, y0 + d],
    [x0, y0],
  ],
];
const feature = (name: unknown, coordinates: unknown, type = "Polygon") => ({
  type: "Feature",
  properties: { name },
  geometry: { type, coordinates },
});

/**
 * Area of a small lon/lat rectangle by hand: width along the parallel N cos φ Δλ, height along the
 * meridian M Δφ, at the middle latitude (N, M: the WGS 84 radii of curvature).
 */
function handAreaHa(lat0: number, dLatDeg: number, dLonDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const phi = ((lat0 + dLatDeg / 2) * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const N = a / Math.sqrt(w);
  const M = (a * (1 - e2)) / w ** 1.5;
  const rad = Math.PI / 180;
  return (N * Math.cos(phi) * dLonDeg * rad * M * dLatDeg * rad) / 1e4;
}

/** UTM's scale at the central meridian: a square of side s metres on the grid is (s / 0.9996)² on the ground. */
const utmHa = (side: number) => (side / 0.9996) ** 2 / 1e4;

describe("importing plots", () => {
  it("reads GeoJSON in WGS 84 and measures each plot on the ellipsoid (by hand: N cos φ Δλ × M Δφ)", () => {
    const r = importPlots(
      enc({
        type: "FeatureCollection",
        features: [
          feature("P1", square(112, 40, 0.01)),
          feature(7, [square(112.02, 40, 0.01), square(112.04, 40, 0.01)], "MultiPolygon"),
        ],
      }),
      "plots.geojson",
    );
    expect(r.sourceCrs).toBe("EPSG:4326");
    expect(r.plots.map((p) => p.name)).toEqual(["P1", "7"]);
    const one = handAreaHa(40, 0.01, 0.01);
    expect(one).toBeCloseTo(94.8, 0); // ≈ 854 m × 1110 m
    expect(Math.abs(r.plots[0]!.areaHa / one - 1)).toBeLessThan(1e-5);
    expect(Math.abs(r.plots[1]!.areaHa / (2 * one) - 1)).toBeLessThan(1e-5);
    expect(r.plots[1]!.geometry.type).toBe("MultiPolygon");
  });

  it("reprojects GeoJSON with a crs member (UTM 50N) to WGS 84; a 300 m square is 9.0072 ha on the ground", () => {
    const r = importPlots(
      enc({
        type: "FeatureCollection",
        crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::32650" } },
        features: [feature("pit", square(500000, 4400000, 300))],
      }),
      "utm.geojson",
    );
    expect(r.sourceCrs).toBe("EPSG:32650");
    const ring = (r.plots[0]!.geometry.coordinates as number[][][])[0]!;
    expect(ring[0]![0]).toBeCloseTo(117, 6); // the central meridian
    expect(Math.abs(r.plots[0]!.areaHa / utmHa(300) - 1)).toBeLessThan(1e-4);
  });

  it("reads a zipped Shapefile with its .prj, holes and a chosen name field", () => {
    const outer = [
      [500000, 4400000],
      [500000, 4400300],
      [500300, 4400300],
      [500300, 4400000],
      [500000, 4400000],
    ] as const; // clockwise (y up): an outer ring
    const hole = [
      [500100, 4400100],
      [500200, 4400100],
      [500200, 4400200],
      [500100, 4400200],
      [500100, 4400100],
    ] as const; // counter-clockwise: a hole
    const zip = zippedShapefile(
      [
        { rings: [outer, hole], props: { PLOT: "北坑", other: "x" } },
        { rings: [outer.map(([x, y]) => [x + 1000, y] as const)], props: { PLOT: "east" } },
      ],
      { prj: UTM50N_PRJ },
    );
    const r = importPlots(zip, "plots.zip", "PLOT");
    expect(r.format).toBe("shapefile");
    expect(r.plots.map((p) => p.name)).toEqual(["北坑", "east"]);
    expect(Math.abs(r.plots[0]!.areaHa / (utmHa(300) - utmHa(100)) - 1)).toBeLessThan(1e-4);
    expect(Math.abs(r.plots[1]!.areaHa / utmHa(300) - 1)).toBeLessThan(1e-3);
    expect((r.plots[0]!.geometry.coordinates as unknown[]).length).toBe(2); // outer ring and hole
  });

  it("names every bad feature by index and field and drops none", () => {
    const bad = () =>
      importPlots(
        enc({
          type: "FeatureCollection",
          features: [
            feature("ok", square(112, 40, 0.01)),
            feature("", square(112, 40, 0.01)),
            feature("ok", square(113, 40, 0.01)),
          ],
        }),
        "plots.geojson",
      );
    expect(bad).toThrow(InputError);
    try {
      bad();
    } catch (e) {
      expect((e as InputError).issues.map((i) => i.path)).toEqual([
        "features[1].properties.name",
        "features[2].properties.name",
      ]);
    }
    try {
      importPlots(
        enc({
          type: "FeatureCollection",
          features: [{ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [] } }],
        }),
        "l.geojson",
      );
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues[0]!.path).toBe("features[0].geometry.type");
    }
    // A Shapefile of lines, and one without its .dbf's names.
    const line = zippedShapefile([{ rings: [square(0, 0, 1)[0] as never], props: { name: "a" }, type: 3 }]);
    expect(() => importPlots(line, "lines.zip")).toThrow(/features\[0\]: must be a Polygon; got a PolyLine/);
    expect(() => importPlots(new TextEncoder().encode("not json"), "x.geojson")).toThrow(
      /file: x.geojson is not JSON/,
    );
  });

  it("refuses a projected file that names no CRS (RFC 7946 GeoJSON is longitude, latitude)", () => {
    expect(() =>
      importPlots(
        enc({ type: "FeatureCollection", features: [feature("a", square(500000, 4400000, 300))] }),
        "p.geojson",
      ),
    ).toThrow(/features\[0\]\.geometry\.coordinates\[0\]\[0\]: must be longitude, latitude/);
  });
});
