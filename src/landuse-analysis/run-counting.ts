import { join } from "node:path";
import type { BlockCounts } from "../domain/landuse/count-block.ts";
import { NO_CHANGE_COUNT } from "../domain/landuse/change-count.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { runEngine } from "../engine/run-engine.ts";
import type { WorkerPool } from "../engine/worker-pool.ts";
import { StreamingTiffWriter } from "../raster/geotiff-writer.ts";
import type { GeoTags } from "../raster/geotiff-writer.ts";
import type { AnalysisPlan } from "./plan-analysis.ts";

/** Previews (every n-th row and column) of the class-like output rasters: zones and changes. */
export interface Previews {
  readonly width: number;
  readonly height: number;
  /** Per output of the plan: its preview, or undefined for float rasters. */
  readonly values: readonly (Uint8Array | undefined)[];
}

/** Pixels valid at every date (the counts of the first pair). */
export function validPixels(counts: BlockCounts, pairCount: number): number {
  let s = 0;
  for (let i = 0; i < counts.pixels.length / pairCount; i++) s += counts.pixels[i]!;
  return s;
}

/**
 * Streams the maps through the engine block by block: counts, and the output rasters written into
 * `folder` (removed again on failure). Codes not in the legend, or no valid pixel, are bad input.
 */
export async function runCounting(
  plan: AnalysisPlan,
  legend: Legend,
  o: {
    readonly folder: string;
    readonly geo: GeoTags;
    readonly pool: WorkerPool;
    readonly zoneColours: readonly (readonly [number, number, number])[];
    readonly changeColours: readonly (readonly [number, number, number])[];
    readonly onProgress?: ((done: number, total: number) => void) | undefined;
  },
): Promise<{ counts: BlockCounts; previews: Previews }> {
  const { engine, maps } = plan;
  const { grid } = engine;
  const changePalette = Array.from(
    { length: 256 },
    (_, c): readonly [number, number, number] => o.changeColours[c] ?? [255, 255, 255],
  );
  const writers = engine.outputs.map(
    (spec) =>
      new StreamingTiffWriter(join(o.folder, spec.path), {
        grid,
        tileWidth: engine.tileWidth,
        tileHeight: engine.blockRows,
        sample: spec.kind === "zones" || spec.kind === "changes" ? "uint8" : "float32",
        ...(spec.kind === "zones"
          ? { colours: [[255, 255, 255], ...o.zoneColours], nodata: 0 }
          : spec.kind === "changes"
            ? { colours: changePalette, nodata: NO_CHANGE_COUNT }
            : { nodata: NaN }),
        geo: o.geo,
      }),
  );
  const width = Math.ceil(grid.width / engine.previewStep);
  const height = Math.ceil(grid.height / engine.previewStep);
  const values = engine.outputs.map((s) =>
    s.kind === "zones" || s.kind === "changes"
      ? new Uint8Array(width * height).fill(s.kind === "changes" ? NO_CHANGE_COUNT : 0)
      : undefined,
  );
  try {
    const counts = await runEngine(engine, {
      writers,
      pool: o.pool,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      onPreview: (oi, row, v) => values[oi]?.set(v, row * width),
    });
    const unknown = counts.unknownCodes.flatMap((m, d) =>
      [...m].sort((a, b) => a[0] - b[0]).map(([code, px]) => ({ d, code, px })),
    );
    if (unknown.length)
      throw new InputError("landuse analyze", [
        ...maps.flatMap((m, d) => {
          const list = unknown.filter((u) => u.d === d);
          return list.length
            ? [
                {
                  path: m.path,
                  message: `codes not in the legend (${legend.id}): ${list.map((u) => `${u.code} (${u.px.toLocaleString("en-US")} px)`).join(", ")}; add them to the legend or set them as nodata`,
                },
              ]
            : [];
        }),
      ]);
    if (validPixels(counts, plan.pairs.length) === 0) {
      const polygons = plan.boundary ?? plan.zones;
      throw new InputError("landuse analyze", [
        {
          path: polygons?.source ?? maps[0]!.path,
          message: polygons
            ? "no pixel inside the boundary/zones is valid at every date: the polygons do not overlap the maps (check their CRS)"
            : "no pixel is valid at every date (all nodata)",
        },
      ]);
    }
    for (const w of writers) w.finish();
    return { counts, previews: { width, height, values } };
  } catch (e) {
    for (const w of writers) w.abort();
    throw e;
  }
}
