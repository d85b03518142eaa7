import { zoneAreaPerRadianM2, type EllipsoidShape } from "../../domain/landuse/pixel-area.ts";
import { m2, type Hectares } from "../../units/index.ts";

/** WGS 84 (EPSG:7030): the ellipsoid plots are measured on. */
export const WGS84_ELLIPSOID: EllipsoidShape = { a: 6378137, invF: 298.257223563 };

type Ring = readonly (readonly number[])[];

/**
 * Area of a ring of longitude/latitude positions (degrees) on the ellipsoid, m²: the ring drawn
 * on Lambert's cylindrical equal-area projection of the ellipsoid (x = λ, y = the authalic zone
 * area from the equator to φ, `zoneAreaPerRadianM2`), whose areas are the ellipsoid's, by the
 * shoelace formula. Exact for edges along meridians and parallels (a map's pixels); for other
 * edges the difference from the geodesic is below 10⁻⁶ of the area at the size of a mine's plot.
 */
export function ringAreaM2(ring: Ring, e: EllipsoidShape = WGS84_ELLIPSOID): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [l1, p1] = ring[k]!;
    const [l2, p2] = ring[k + 1]!;
    const dl = ((l2! - l1!) * Math.PI) / 180;
    s += dl * (zoneAreaPerRadianM2(p1!, e) + zoneAreaPerRadianM2(p2!, e));
  }
  return Math.abs(s / 2);
}

/** Area of a GeoJSON Polygon or MultiPolygon in WGS 84 on the ellipsoid: outer rings less holes. */
export function geometryAreaHa(geometry: {
  type: "Polygon" | "MultiPolygon";
  coordinates: unknown;
}): Hectares {
  const polygons = (
    geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates
  ) as readonly (readonly Ring[])[];
  let total = 0;
  for (const p of polygons)
    p.forEach((ring, i) => {
      total += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
    });
  return m2(total);
}
