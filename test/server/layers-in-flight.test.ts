import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { createArea, multipart, testApp, waitForJob } from "./test-app.ts";

/**
 * Every layer rendering the server does (the real renderers, counted when their PNG is not there
 * yet, i.e. when they will draw it). A request that arrives once the shared computation has
 * finished — possible on a busy machine, where the five requests' sign-in and database reads
 * interleave — finds the PNGs and draws nothing, so the count is what sharing must save.
 */
const renders = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/app/map-layers.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/app/map-layers.ts")>();
  const { existsSync } = await import("node:fs");
  return {
    ...real,
    renderClassLayer: (...a: Parameters<typeof real.renderClassLayer>) => {
      if (!existsSync(a[1])) renders.count++;
      return real.renderClassLayer(...a);
    },
    renderChangeLayer: (...a: Parameters<typeof real.renderChangeLayer>) => {
      if (!existsSync(a[1])) renders.count++;
      return real.renderChangeLayer(...a);
    },
  };
});

const W = 40;
const H = 30;
const files = mkdtempSync(join(tmpdir(), "mc-layers-"));
/** 2000: arable (1); 2010: columns 0–9 open pit (7); 2010b: columns 0–19. */
const pit = (cols: number) => {
  const b = new Uint8Array(W * H).fill(1);
  for (let y = 0; y < H; y++) b.fill(7, y * W, y * W + cols);
  return b;
};
writeCodeRaster(join(files, "2000.tif"), pit(0), W, H);
writeCodeRaster(join(files, "2010.tif"), pit(10), W, H);
writeCodeRaster(join(files, "2010b.tif"), pit(20), W, H);
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe.each(STORE_KINDS)("GET /api/areas/{id}/layers, cold, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(kind);
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const upload = async (areaId: string, year: string, name: string, fields: Record<string, string> = {}) => {
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/maps`,
      ...multipart({ year, ...fields }, { name, bytes: readFileSync(join(files, name)) }),
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
  };
  const layersOf = (areaId: string) => t.app.inject({ url: `/api/areas/${areaId}/layers` });

  it("renders each layer once for 5 concurrent requests, and a changed map is never answered from before", async () => {
    const areaId = await createArea(t.app, "Concurrent layers");
    await upload(areaId, "2000", "2000.tif");
    await upload(areaId, "2010", "2010.tif");
    const job = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(job.statusCode, job.body).toBe(202);
    expect((await waitForJob(t.app, job.json().id)).state).toBe("done");

    renders.count = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => layersOf(areaId)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const layers = answers[0]!.json().layers as { id: string; url: string }[];
    // Two land-use maps, accumulated changes, zones and carbon change of the one period: 5 layers.
    expect(layers.length).toBe(5);
    for (const a of answers) expect(a.json()).toEqual(answers[0]!.json());
    // One computation: each layer drawn once (without sharing, the five concurrent computations
    // would each find no PNG and draw all five: 25 renderings).
    expect(renders.count).toBe(layers.length);

    // The shared computation is forgotten once answered: after 2010 is replaced, the next answer
    // shows the new map and the analysis as stale.
    const before = layers.find((l) => l.id === "landuse-2010")!.url;
    await upload(areaId, "2010", "2010b.tif", { replace: "true" });
    const after = (await layersOf(areaId)).json();
    expect(after.stale).toBe(true);
    expect(after.layers.find((l: { id: string }) => l.id === "landuse-2010").url).not.toBe(before);
  }, 120_000);
});
