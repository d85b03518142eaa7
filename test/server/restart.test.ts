import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AnalysisRepository } from "../../src/storage/analysis-repository.ts";
import { serve } from "../../src/server/serve.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { CLIENT } from "./test-app.ts";
import { directoryInDataFolder } from "./test-directory.ts";

const dir = mkdtempSync(join(tmpdir(), "mc-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Enterprise A's editor, written into the data folder before the first start. */
let auth: { authorization: string };

/** GET as JSON (the shapes are the API's; tests read them as plain data). */
async function get<T>(url: string): Promise<T> {
  return (await (await fetch(url, { headers: auth })).json()) as T;
}

async function post(url: string, body: unknown) {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { id: string } };
}

describe("a restart loses nothing acknowledged", () => {
  it("keeps areas and maps in the data folder and runs a job left queued", async () => {
    const data = join(dir, "data");
    const codes = new Uint8Array(20 * 20).fill(1);
    writeCodeRaster(join(dir, "a.tif"), codes, 20, 20);
    codes.fill(3, 0, 100);
    writeCodeRaster(join(dir, "b.tif"), codes, 20, 20);

    auth = await directoryInDataFolder(data);
    const first = await serve({ port: 0, dataDir: data, demo: false, workers: 0 });
    const areaId = (await post(`${first.url}/api/areas`, { name: "Kept", legend: { preset: "seed001" } }))
      .body.id;
    for (const [year, f] of [
      ["2001", "a.tif"],
      ["2011", "b.tif"],
    ] as const) {
      const fd = new FormData();
      fd.set("year", year);
      fd.set("file", new Blob([readFileSync(join(dir, f))]), f);
      expect(
        (
          await fetch(`${first.url}/api/areas/${areaId}/maps`, {
            method: "POST",
            body: fd,
            headers: { ...CLIENT, ...auth },
          })
        ).status,
      ).toBe(201);
    }
    // A job acknowledged but not yet run when the server stops (as if it crashed before running it).
    const queued = await new AnalysisRepository(first.store.db).create({
      areaId,
      kind: "landuse",
      params: { zoning: "rules", zonesFromBoundary: true, densitySet: null, zeroRule: "paper" },
    });
    await first.stop();

    const second = await serve({ port: 0, dataDir: data, demo: false, workers: 0 });
    try {
      expect(second.resumed).toBe(1);
      const maps = await get<{ year: number }[]>(`${second.url}/api/areas/${areaId}/maps`);
      expect(maps.map((m: { year: number }) => m.year)).toEqual([2001, 2011]);
      // The resumed job is the runner's only one: when it is idle, the job has ended.
      await second.ctx.jobs.whenIdle();
      const job = await get<{ state: string }>(`${second.url}/api/jobs/${queued.id}`);
      expect(job.state).toBe("done");
      const one = await get<{ from_code: number; to_code: number; pixels: number }[]>(
        `${second.url}/api/analyses/${queued.id}/tables/transitionsOnestep`,
      );
      expect(one.find((r) => r.from_code === 1 && r.to_code === 3)!.pixels).toBe(100);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
