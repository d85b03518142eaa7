import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sha256File } from "../io/sha256-file.ts";
import { openClassRaster } from "../raster/geotiff-source.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { LanduseMapRepository, type StoredMap } from "../storage/landuse-map-repository.ts";
import type { MiningArea } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { areaLegend } from "./area-legend.ts";
import { checkUploadedMap, type CheckedMap } from "./check-uploaded-map.ts";
import type { DataFolder } from "./data-folder.ts";

/**
 * Keeps an uploaded map (already complete in a temporary file) as the area's map of `year`:
 * checks it (in a worker thread; at most `maxMapPixels` pixels), moves it into the area's folder
 * under a name with its checksum, then records it.
 * If anything fails the temporary file and any moved file are removed and the database is
 * unchanged; a map it replaces is deleted only after the new one is recorded.
 */
export async function storeUploadedMap(
  store: Store,
  folder: DataFolder,
  area: MiningArea,
  year: number,
  tempPath: string,
  fileName: string,
  o: { maxMapPixels?: number } = {},
): Promise<{ map: StoredMap; check: CheckedMap; replaced: boolean }> {
  const repo = new LanduseMapRepository(store.db);
  let finalPath: string | undefined;
  try {
    const others = (await repo.forArea(area.id)).filter((m) => m.year !== year && existsSync(m.path));
    let sameGridAs;
    // The grid of the first stored map that still opens (only its header is read). One that no
    // longer does (kept before the reader checked blocks) is no reason to refuse this upload.
    for (const other of others) {
      const r = await openClassRaster(other.path).catch((e: unknown) => {
        if (e instanceof RasterInputError) return undefined;
        throw e;
      });
      if (!r) continue;
      await r.close();
      sameGridAs = { year: other.year, grid: r.grid };
      break;
    }
    const check = await checkUploadedMap(
      tempPath,
      fileName,
      areaLegend(area.legend),
      sameGridAs,
      o.maxMapPixels !== undefined ? { maxPixels: o.maxMapPixels } : {},
    );
    const sha256 = await sha256File(tempPath);
    const bytes = statSync(tempPath).size;
    finalPath = join(folder.maps(area.id), `${year}-${sha256.slice(0, 16)}.tif`);
    renameSync(tempPath, finalPath);
    const previous = (await repo.forArea(area.id)).find((m) => m.year === year);
    const map = await repo.put({
      areaId: area.id,
      year,
      path: finalPath,
      sha256,
      bytes,
      grid: { ...check.grid, nodata: check.nodata, fileName, histogram: check.histogram },
    });
    if (previous && previous.path !== finalPath) rmSync(previous.path, { force: true });
    return { map, check, replaced: previous !== undefined };
  } catch (e) {
    rmSync(tempPath, { force: true });
    if (finalPath) {
      // Only remove the moved file when no row points at it (a re-upload of the same bytes does).
      const kept = (await repo.forArea(area.id).catch(() => [])).some((m) => m.path === finalPath);
      if (!kept) rmSync(finalPath, { force: true });
    }
    throw e;
  }
}
