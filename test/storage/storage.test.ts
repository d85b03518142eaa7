import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisRepository } from "../../src/storage/analysis-repository.ts";
import { InventoryRepository } from "../../src/storage/inventory-repository.ts";
import { LanduseMapRepository } from "../../src/storage/landuse-map-repository.ts";
import { migrate, statementsOf } from "../../src/storage/migrate.ts";
import { MiningAreaRepository } from "../../src/storage/mining-area-repository.ts";
import { openStore, type Store } from "../../src/storage/open-database.ts";
import { StoredRowInvalid } from "../../src/storage/parse-stored.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { analyzeLanduse } from "../../src/landuse-analysis/analyze-landuse.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { freshStore, STORE_KINDS } from "./stores.ts";
import { inventoryYears } from "../../src/app/area-inventory.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/policy.ts";
import { NATION } from "../../src/domain/access/region-code.ts";

const legend = { preset: "seed001" };
/** The owner migration 4 gives areas made before access control: organisation 1, the nation. */
const MIGRATED_OWNER = { organisationId: "1", regionCode: NATION };
const sha = "a".repeat(64);
const grid = (width: number) => ({
  width,
  height: 1,
  originX: 0,
  originY: 0,
  pixelWidth: 30,
  pixelHeight: 30,
  crs: "EPSG:4546",
  crsKind: "projected",
});

/** A real land-use result: two 4×4 seed 001 maps analysed (a quarter of the arable becomes open pit). */
let summary: unknown;
const work = mkdtempSync(join(tmpdir(), "mc-storage-"));
beforeAll(async () => {
  const a = Array.from({ length: 16 }, (_, i) => (i < 8 ? 1 : 2));
  writeCodeRaster(join(work, "a.tif"), a, 4, 4);
  writeCodeRaster(
    join(work, "b.tif"),
    a.map((c, i) => (i < 4 ? 7 : c)),
    4,
    4,
  );
  await analyzeLanduse({
    maps: [
      { year: 2000, path: join(work, "a.tif") },
      { year: 2010, path: join(work, "b.tif") },
    ],
    legend: "seed001",
    out: join(work, "out"),
    workers: 0,
    factors: async () => factorTable(),
  });
  summary = JSON.parse(readFileSync(join(work, "out", "summary.json"), "utf8"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(STORE_KINDS)("storage on %s", (kind) => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, drop } = await freshStore(kind));
  });
  afterAll(() => drop());

  it("migrates once: a second run applies nothing", async () => {
    expect(await migrate(store.db)).toEqual([]);
  });

  it("keeps mining areas: create, read, list, update, delete with everything under them", async () => {
    const areas = new MiningAreaRepository(store.db);
    const a = await areas.create(
      {
        name: "Pingshuo (synthetic)",
        nameZh: "平朔（合成）",
        crs: "EPSG:4546",
        legend,
      },
      MIGRATED_OWNER,
    );
    expect(a).toMatchObject({ name: "Pingshuo (synthetic)", nameZh: "平朔（合成）", legend });
    expect((await areas.get(a.id, SYSTEM_SCOPE))?.crs).toBe("EPSG:4546");
    const b = await areas.update(a.id, { boundary: { type: "Polygon", coordinates: [] } }, SYSTEM_SCOPE);
    expect(b?.boundary).toEqual({ type: "Polygon", coordinates: [] });
    expect((await areas.list(SYSTEM_SCOPE)).map((x) => x.id)).toContain(a.id);
    const maps = new LanduseMapRepository(store.db);
    await maps.put({
      areaId: a.id,
      year: 1986,
      path: "/x/1986.tif",
      sha256: sha,
      bytes: 10,
      grid: grid(1),
    });
    await maps.put({
      areaId: a.id,
      year: 1986,
      path: "/x/1986b.tif",
      sha256: sha,
      bytes: 12,
      grid: grid(2),
    });
    expect((await maps.forArea(a.id)).map((m) => [m.year, m.path, m.bytes])).toEqual([
      [1986, "/x/1986b.tif", 12],
    ]);
    expect(await areas.delete(a.id, SYSTEM_SCOPE)).toBe(true);
    expect(await maps.forArea(a.id)).toEqual([]);
    expect(await areas.get(a.id, SYSTEM_SCOPE)).toBeUndefined();
    expect(await areas.delete(a.id, SYSTEM_SCOPE)).toBe(false);
  });

  it("refuses what the schema forbids", async () => {
    const areas = new MiningAreaRepository(store.db);
    await expect(areas.create({ name: "  ", legend }, MIGRATED_OWNER)).rejects.toThrow(
      /mining_areas_name_not_blank/,
    );
    const a = await areas.create({ name: "A", legend }, MIGRATED_OWNER);
    const maps = new LanduseMapRepository(store.db);
    await expect(
      maps.put({ areaId: a.id, year: 1500, path: "p", sha256: sha, bytes: 1, grid: grid(1) }),
    ).rejects.toThrow();
    await expect(
      maps.put({ areaId: a.id, year: 2000, path: "p", sha256: "short", bytes: 1, grid: grid(1) }),
    ).rejects.toThrow();
  });

  it("runs analyses as jobs: queued → running with percent → done or failed", async () => {
    const a = await new MiningAreaRepository(store.db).create({ name: "B", legend }, MIGRATED_OWNER);
    const jobs = new AnalysisRepository(store.db);
    const j = await jobs.create({ areaId: a.id, kind: "landuse", params: { maps: [1986, 2018] } });
    expect([j.status, j.percent]).toEqual(["queued", 0]);
    await jobs.progress(j.id, 42.5);
    expect(await jobs.get(j.id)).toMatchObject({ status: "running", percent: 42.5 });
    await jobs.finish(j.id, summary, "2026.11.0+abc");
    expect(await jobs.get(j.id, { withResult: true })).toMatchObject({
      status: "done",
      percent: 100,
      result: { tool: "minecarbon landuse analyze", inputs: [{ year: 2000 }, { year: 2010 }] },
    });
    // State reads leave the (large) result out.
    expect((await jobs.get(j.id))?.result).toBeNull();
    await jobs.progress(j.id, 10);
    expect((await jobs.get(j.id))?.status).toBe("done");
    const f = await jobs.create({ areaId: a.id, kind: "landuse", params: {} });
    await jobs.fail(f.id, { code: "bad-input", message: "codes not in the legend" });
    expect(await jobs.get(f.id)).toMatchObject({ status: "failed", error: { code: "bad-input" } });
  });

  it("reads a stored result through its declared schema: a row that does not fit names its id and path", async () => {
    const a = await new MiningAreaRepository(store.db).create({ name: "B2", legend }, MIGRATED_OWNER);
    const jobs = new AnalysisRepository(store.db);
    const j = await jobs.create({ areaId: a.id, kind: "landuse", params: {} });
    await jobs.finish(j.id, { ...(summary as object), outputs: "summary.json" }, null);
    const read = jobs.get(j.id, { withResult: true });
    await expect(read).rejects.toThrow(StoredRowInvalid);
    await expect(jobs.get(j.id, { withResult: true })).rejects.toThrow(
      new RegExp(
        `stored analyses row ${j.id} does not fit its schema: result\\.outputs: must be a list; got "summary.json"`,
      ),
    );
    // Without its result the row reads, so its state can still be shown.
    expect((await jobs.get(j.id))?.status).toBe("done");
  });

  it("keeps one inventory per mine and year; saving again replaces it", async () => {
    const a = await new MiningAreaRepository(store.db).create({ name: "C", legend }, MIGRATED_OWNER);
    const inv = new InventoryRepository(store.db);
    const file = join(PROJECT_ROOT, "examples", "yongning.yaml");
    const input = inventoryYears(readInputFile(file), file)[0]!.input;
    await inv.save({ areaId: a.id, mine: "Yongning", year: 2020, input });
    const changed = { ...input, mine: "Yongning (revised)" };
    await inv.save({ areaId: a.id, mine: "Yongning", year: 2020, input: changed, result: { gap: 1 } });
    const all = await inv.forArea(a.id);
    // A result that is not a MineInventory is not read as one: null, with the row and path named.
    expect(all.map((i) => [i.year, i.input.mine, i.result])).toEqual([[2020, "Yongning (revised)", null]]);
    expect(all[0]!.resultProblem).toMatch(
      new RegExp(
        `stored inventories row ${all[0]!.id} does not fit its schema: result\\.mine: must be given`,
      ),
    );
  });

  it("leaves nothing half-written when a transaction fails", async () => {
    const areas = new MiningAreaRepository(store.db);
    const before = (await areas.list(SYSTEM_SCOPE)).length;
    await expect(
      store.db.transaction().execute(async (trx) => {
        const inner = new MiningAreaRepository(trx);
        const a = await inner.create({ name: "D", legend }, MIGRATED_OWNER);
        await new LanduseMapRepository(trx).put({
          areaId: a.id,
          year: 1800,
          path: "p",
          sha256: sha,
          bytes: 1,
          grid: grid(1),
        });
      }),
    ).rejects.toThrow();
    expect((await areas.list(SYSTEM_SCOPE)).length).toBe(before);
  });
});

describe("PGlite in a data folder", () => {
  it("keeps what was written across a restart", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "mc-pglite-")), "data");
    const first = await openStore({ dataDir: dir });
    const a = await new MiningAreaRepository(first.db).create({ name: "Kept", legend }, MIGRATED_OWNER);
    await first.close();
    const second = await openStore({ dataDir: dir });
    expect((await new MiningAreaRepository(second.db).get(a.id, SYSTEM_SCOPE))?.name).toBe("Kept");
    await second.close();
  }, 60_000);

  it("splits migration files into statements", () => {
    expect(statementsOf("-- c\nCREATE TABLE a (x int);\nCREATE TABLE b (y text DEFAULT ';');\n")).toEqual([
      "CREATE TABLE a (x int)",
      "CREATE TABLE b (y text DEFAULT ';')",
    ]);
  });
});
