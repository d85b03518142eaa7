import { sameCrs, type RasterCrs } from "./crs.ts";

/** Where a raster's pixels are: north-up grid, origin at the outer corner of the top-left pixel. */
export interface RasterGrid {
  readonly width: number;
  readonly height: number;
  /** x of the left edge, CRS units. */
  readonly originX: number;
  /** y of the top edge, CRS units. */
  readonly originY: number;
  /** Pixel width, CRS units (> 0). */
  readonly pixelWidth: number;
  /** Pixel height, CRS units (> 0; rows go south). */
  readonly pixelHeight: number;
  readonly crs: RasterCrs;
}

/**
 * What differs between two grids, one line each; empty when they match. Origins and pixel sizes
 * match within a thousandth of a pixel (GeoTIFF writers round differently).
 */
export function gridDifferences(a: RasterGrid, b: RasterGrid): string[] {
  const out: string[] = [];
  if (a.crs.kind !== b.crs.kind)
    out.push(`one is ${a.crs.kind} (${a.crs.label}) and the other ${b.crs.kind} (${b.crs.label})`);
  else if (!sameCrs(a.crs, b.crs)) out.push(`CRS ${a.crs.label} vs ${b.crs.label}`);
  const tol = Math.min(a.pixelWidth, a.pixelHeight) * 1e-3;
  if (Math.abs(a.pixelWidth - b.pixelWidth) > tol || Math.abs(a.pixelHeight - b.pixelHeight) > tol)
    out.push(`pixel size ${a.pixelWidth}×${a.pixelHeight} vs ${b.pixelWidth}×${b.pixelHeight}`);
  if (Math.abs(a.originX - b.originX) > tol || Math.abs(a.originY - b.originY) > tol)
    out.push(`origin (${a.originX}, ${a.originY}) vs (${b.originX}, ${b.originY})`);
  if (a.width !== b.width || a.height !== b.height)
    out.push(`size ${a.width}×${a.height} vs ${b.width}×${b.height} pixels`);
  return out;
}

/** x, y (CRS units) of the centre of pixel (col, row). */
export function pixelCentre(g: RasterGrid, col: number, row: number): [number, number] {
  return [g.originX + (col + 0.5) * g.pixelWidth, g.originY - (row + 0.5) * g.pixelHeight];
}

/** Column and row of the pixel holding point (x, y); may lie outside the grid. */
export function pixelAt(g: RasterGrid, x: number, y: number): [number, number] {
  return [Math.floor((x - g.originX) / g.pixelWidth), Math.floor((g.originY - y) / g.pixelHeight)];
}

/** The grid as plain numbers for summaries: size, origin, pixel size, CRS label. */
export function describeGrid(g: RasterGrid) {
  return {
    width: g.width,
    height: g.height,
    originX: g.originX,
    originY: g.originY,
    pixelWidth: g.pixelWidth,
    pixelHeight: g.pixelHeight,
    crs: g.crs.label,
    crsKind: g.crs.kind,
    ...(g.crs.epsg !== undefined ? { epsg: g.crs.epsg } : {}),
    ...(g.crs.proj4 ? { proj4: g.crs.proj4 } : {}),
  };
}
