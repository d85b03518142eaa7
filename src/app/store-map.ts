import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sha256File } from "../io/sha256-file.ts";
import { openClassRaster } from "../raster/geotiff-source.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { LanduseMapRepository, type StoredMap } from "../storage/landuse-map-repository.ts";
import type { MiningArea } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema.ts";
import { areaLegend } from "./area-legend.ts";
import { checkUploadedMap, type CheckedMap } from "./check-uploaded-map.ts";
import type { DataFolder } from "./data-folder.ts";

/** An uploaded map checked and moved into the area's folder, not yet recorded. */
export interface PreparedMap {
  readonly areaId: string;
  readonly year: number;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly fileName: string;
  readonly check: CheckedMap;
}

/**
 * Checks an uploaded map (already complete in a temporary file; in a worker thread; at most
 * `maxMapPixels` pixels) against the area's legend and the grid of its other maps, and moves it
 * into the area's folder under a name with its checksum. The slow part of an upload, done before
 * any transaction; `recordUploadedMap` then records it. On failure the temporary file is removed.
 */
export async function prepareUploadedMap(
  db: Kysely<Database>,
  folder: DataFolder,
  area: MiningArea,
  year: number,
  tempPath: string,
  fileName: string,
  o: { maxMapPixels?: number } = {},
): Promise<PreparedMap> {
  const repo = new LanduseMapRepository(db);
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
    const path = join(folder.maps(area.id), `${year}-${sha256.slice(0, 16)}.tif`);
    renameSync(tempPath, path);
    return { areaId: area.id, year, path, sha256, bytes, fileName, check };
  } catch (e) {
    rmSync(tempPath, { force: true });
    throw e;
  }
}

/**
 * Records a prepared map as the area's map of its year (in the caller's transaction, when `db` is
 * one). Answers the map and the one it replaces, whose file the caller removes once this is
 * committed (`removeReplacedFile`).
 */
export async function recordUploadedMap(
  db: Kysely<Database>,
  p: PreparedMap,
): Promise<{ map: StoredMap; previous: StoredMap | undefined }> {
  const repo = new LanduseMapRepository(db);
  const previous = (await repo.forArea(p.areaId)).find((m) => m.year === p.year);
  const map = await repo.put({
    areaId: p.areaId,
    year: p.year,
    path: p.path,
    sha256: p.sha256,
    bytes: p.bytes,
    grid: { ...p.check.grid, nodata: p.check.nodata, fileName: p.fileName, histogram: p.check.histogram },
  });
  return { map, previous };
}

/** Removes the file of a replaced map (after the new one is recorded), unless the new one is it. */
export function removeReplacedFile(previous: StoredMap | undefined, map: StoredMap): void {
  if (previous && previous.path !== map.path) rmSync(previous.path, { force: true });
}

/** Removes a prepared map's file after its recording failed, unless a row points at it (a re-upload of the same bytes). */
export async function discardPreparedMap(db: Kysely<Database>, p: PreparedMap): Promise<void> {
  const kept = (await new LanduseMapRepository(db).forArea(p.areaId).catch(() => [])).some(
    (m) => m.path === p.path,
  );
  if (!kept) rmSync(p.path, { force: true });
}

/**
 * Keeps an uploaded map as the area's map of `year`, outside any request (the demo loader):
 * prepare, record, then remove the file of the map it replaced. If anything fails the temporary
 * file and any moved file are removed and the database is unchanged.
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
  const prepared = await prepareUploadedMap(store.db, folder, area, year, tempPath, fileName, o);
  try {
    const { map, previous } = await recordUploadedMap(store.db, prepared);
    removeReplacedFile(previous, map);
    return { map, check: prepared.check, replaced: previous !== undefined };
  } catch (e) {
    await discardPreparedMap(store.db, prepared);
    throw e;
  }
}
