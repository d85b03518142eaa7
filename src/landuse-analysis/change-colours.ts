/** ColorBrewer's 9-class YlOrRd (Brewer 2002, colorbrewer2.org), light to dark. */
const YL_OR_RD: readonly (readonly [number, number, number])[] = [
  [255, 255, 204],
  [255, 237, 160],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [252, 78, 42],
  [227, 26, 28],
  [189, 0, 38],
  [128, 0, 38],
];

/** The colour of pixels that never changed class: a light grey, apart from the ramp of changes. */
const UNCHANGED: [number, number, number] = [232, 232, 232];

/**
 * RGB colours of the accumulated-changes raster for 0 … dates − 1 changes: grey for none, then a
 * sequential yellow → dark red ramp, so that more changes read darker. Shared by the GeoTIFF's
 * colour table, its PNG preview, the web map layer and the reports.
 */
export function changeColours(dates: number): [number, number, number][] {
  const most = Math.max(1, dates - 1);
  return Array.from({ length: most + 1 }, (_, c) => {
    if (c === 0) return UNCHANGED;
    // One change only (two dates): a clear orange; otherwise spread from light yellow-orange to dark red.
    const t = most === 1 ? 0.55 : 0.2 + (0.8 * (c - 1)) / (most - 1);
    const x = t * (YL_OR_RD.length - 1);
    const i = Math.min(YL_OR_RD.length - 2, Math.floor(x));
    const f = x - i;
    const a = YL_OR_RD[i]!;
    const b = YL_OR_RD[i + 1]!;
    return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
  });
}
