import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readInputFile } from "../io/read-input-file.ts";
import { writeDemoData } from "../demo/write-demo-data.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { InventoryRepository } from "../storage/inventory-repository.ts";
import { MiningAreaRepository } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import type { AnalysisJobs } from "./analysis-jobs.ts";
import { inventoryYears } from "./area-inventory.ts";
import type { DataFolder } from "./data-folder.ts";
import type { DemoDirectory } from "./demo-directory.ts";
import { SYSTEM_SCOPE } from "../domain/access/policy.ts";
import type { RegionCode } from "../domain/access/region-code.ts";
import { storeUploadedMap } from "./store-map.ts";

/**
 * Loads the demo areas into a store whose demo directory was just loaded: the SYNTHETIC
 * Pingshuo-like area of enterprise A (four maps, mine-field boundaries, a land-use analysis with
 * seed 001's zoning and densities, queued as a job; published on the public portal) and enterprise
 * B's Yongning mine with seed 002's inventory (examples/yongning.yaml), assigned to the
 * verification body. Returns the ids it created.
 */
export async function loadDemoAreas(
  store: Store,
  folder: DataFolder,
  jobs: AnalysisJobs,
  directory: DemoDirectory,
): Promise<string[]> {
  const areas = new MiningAreaRepository(store.db);
  const work = mkdtempSync(join(tmpdir(), "minecarbon-demo-"));
  try {
    const data = writeDemoData(work);
    const pingshuo = await areas.create(
      {
        name: "Pingshuo-like demo area (SYNTHETIC data)",
        nameZh: "平朔式示范矿区（合成数据）",
        crs: "EPSG:4546",
        legend: { preset: "seed001" },
        boundary: JSON.parse(readFileSync(data.zones, "utf8")),
      },
      { organisationId: directory.enterpriseA, regionCode: "140603" as RegionCode },
    );
    await areas.addMine(pingshuo.id, directory.mineA);
    await areas.setPublished(pingshuo.id, true, SYSTEM_SCOPE);
    for (const m of data.maps) {
      const temp = folder.temp(".tif");
      copyFileSync(m.path, temp);
      await storeUploadedMap(store, folder, pingshuo, m.year, temp, basename(m.path));
    }
    await jobs.submit(pingshuo.id, {
      zoning: "rules",
      zonesFromBoundary: true,
      densitySet: "seed001-yang2019",
      zeroRule: "paper",
      valuation: null,
    });
    const yongning = await areas.create(
      {
        name: "Yongning Coal Mine",
        nameZh: "永宁煤矿",
        crs: null,
        legend: { preset: "seed001" },
      },
      { organisationId: directory.enterpriseB, regionCode: "141102" as RegionCode },
    );
    await areas.addMine(yongning.id, directory.mineB);
    await areas.assignVerifier(yongning.id, directory.verifier);
    const file = join(PROJECT_ROOT, "examples", "yongning.yaml");
    const inventories = new InventoryRepository(store.db);
    for (const y of inventoryYears(readInputFile(file), file))
      await inventories.save({
        areaId: yongning.id,
        mine: y.mine,
        year: y.year,
        input: y.input,
        result: y.result,
      });
    return [pingshuo.id, yongning.id];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
