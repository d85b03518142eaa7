import { m2, type Hectares } from "../../units/index.ts";

/** An ellipsoid by semi-major axis (m) and inverse flattening. */
export interface EllipsoidShape {
  readonly a: number;
  readonly invF: number;
}

/**
 * Area on the ellipsoid between the equator and latitude φ, per radian of longitude, in m²:
 * b²/2 · [sin φ / (1 − e² sin² φ) + 1/(2e) · ln((1 + e sin φ)/(1 − e sin φ))] (the authalic
 * zone formula; R² sin φ on a sphere).
 */
export function zoneAreaPerRadianM2(latitudeDeg: number, e: EllipsoidShape): number {
  const f = Number.isFinite(e.invF) ? 1 / e.invF : 0;
  const b = e.a * (1 - f);
  const s = Math.sin((latitudeDeg * Math.PI) / 180);
  const e2 = f * (2 - f);
  if (e2 === 0) return e.a * e.a * s;
  const ecc = Math.sqrt(e2);
  return ((b * b) / 2) * (s / (1 - e2 * s * s) + (1 / (2 * ecc)) * Math.log((1 + ecc * s) / (1 - ecc * s)));
}

/** Area of a cell between two latitudes and `widthDeg` degrees of longitude, on the ellipsoid. */
export function geographicCellArea(
  northDeg: number,
  southDeg: number,
  widthDeg: number,
  e: EllipsoidShape,
): Hectares {
  const span = Math.abs(zoneAreaPerRadianM2(northDeg, e) - zoneAreaPerRadianM2(southDeg, e));
  return m2(span * Math.abs((widthDeg * Math.PI) / 180));
}

/**
 * Pixel areas of each row of a grid. Projected grids in metres have one area for every row;
 * geographic grids (degrees) get the ellipsoidal area of each row's cells.
 */
export function rowPixelAreas(
  grid: {
    readonly height: number;
    readonly originY: number;
    readonly pixelWidth: number;
    readonly pixelHeight: number;
  },
  crs: {
    readonly kind: "projected" | "geographic";
    readonly unitToMetre: number;
    readonly ellipsoid: EllipsoidShape;
  },
): Float64Array {
  const areas = new Float64Array(grid.height);
  if (crs.kind === "projected") {
    const sizeM2 = Math.abs(grid.pixelWidth * grid.pixelHeight) * crs.unitToMetre * crs.unitToMetre;
    areas.fill(m2(sizeM2));
    return areas;
  }
  for (let r = 0; r < grid.height; r++) {
    const top = grid.originY - r * Math.abs(grid.pixelHeight);
    const bottom = top - Math.abs(grid.pixelHeight);
    if (top > 90 || bottom < -90)
      throw new RangeError(`row ${r} lies beyond the poles (${bottom}..${top}°); the grid is not in degrees`);
    areas[r] = geographicCellArea(top, bottom, grid.pixelWidth, crs.ellipsoid);
  }
  return areas;
}

/** Total area of an ellipsoid, for checks: 4π × the zone area at 90°. */
export function ellipsoidSurface(e: EllipsoidShape): Hectares {
  return m2(4 * Math.PI * zoneAreaPerRadianM2(90, e));
}
