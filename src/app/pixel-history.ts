import { fromFile } from "geotiff";
import { useFastDecoders } from "../raster/fast-decoders.ts";
import type { StoredMap } from "../storage/landuse-map-repository.ts";
import type { MiningArea } from "../storage/mining-area-repository.ts";
import { areaLegend } from "./area-legend.ts";

/**
 * The class of the pixel at (x, y) — map CRS units — on every stored map of an area, oldest first;
 * `code: null` where the point is outside a map or on nodata.
 */
export async function pixelHistory(area: MiningArea, maps: readonly StoredMap[], x: number, y: number) {
  useFastDecoders();
  const legend = areaLegend(area.legend);
  const out = [];
  for (const m of maps) {
    const g = m.grid;
    const col = Math.floor((x - g.originX) / g.pixelWidth);
    const row = Math.floor((g.originY - y) / g.pixelHeight);
    let code: number | null = null;
    if (col >= 0 && row >= 0 && col < g.width && row < g.height) {
      const tiff = await fromFile(m.path);
      try {
        const image = await tiff.getImage(0);
        const r = (await image.readRasters({
          window: [col, row, col + 1, row + 1],
          samples: [0],
          interleave: true,
        })) as unknown as ArrayLike<number>;
        code = r[0] === g.nodata ? null : r[0]!;
      } finally {
        tiff.close();
      }
    }
    const c = code === null ? undefined : legend.classes.find((k) => k.code === code);
    out.push({
      year: m.year,
      col,
      row,
      code,
      class: c?.name ?? null,
      classZh: c?.nameZh ?? null,
      colour: c?.colour ?? null,
    });
  }
  return { x, y, history: out };
}
