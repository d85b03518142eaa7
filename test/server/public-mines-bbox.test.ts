import { describe, expect, it } from "vitest";
import { geojsonBbox } from "../../src/server/routes/public-mine-routes.ts";

const ring = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

/** A public mine's extent from its boundary, whatever form of polygon GeoJSON the boundary takes. */
describe("geojsonBbox", () => {
  it("reads a Polygon, a MultiPolygon, a Feature and a FeatureCollection", () => {
    expect(geojsonBbox({ type: "Polygon", coordinates: ring(112.3, 39.4, 112.4, 39.5) })).toEqual([
      112.3, 39.4, 112.4, 39.5,
    ]);
    const multi = {
      type: "MultiPolygon",
      coordinates: [ring(112, 39, 112.1, 39.1), ring(112.5, 38.5, 112.6, 38.9)],
    };
    expect(geojsonBbox(multi)).toEqual([112, 38.5, 112.6, 39.1]);
    const feature = { type: "Feature", properties: {}, geometry: multi };
    expect(geojsonBbox(feature)).toEqual([112, 38.5, 112.6, 39.1]);
    expect(
      geojsonBbox({
        type: "FeatureCollection",
        features: [
          feature,
          {
            type: "Feature",
            properties: {},
            geometry: { type: "Polygon", coordinates: ring(111, 40, 111.2, 40.1) },
          },
        ],
      }),
    ).toEqual([111, 38.5, 112.6, 40.1]);
  });
  it("is null without coordinates", () => {
    expect(geojsonBbox(null)).toBeNull();
    expect(geojsonBbox({ type: "FeatureCollection", features: [] })).toBeNull();
  });
});
