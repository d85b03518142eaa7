import { createHash } from "node:crypto";
import { asSystem } from "../../src/storage/row-scope.ts";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { CLIENT, createArea, multipart, testApp, waitForJob } from "./test-app.ts";

const W = 40;
const H = 30;
const files = mkdtempSync(join(tmpdir(), "mc-maps-"));
/** 2000: arable (1) with a first row of forest (2). 2010: columns 0–9 opened as open pit (7). */
function rasters() {
  const a = new Uint8Array(W * H).fill(1);
  a.fill(2, 0, W);
  const b = a.slice();
  for (let y = 0; y < H; y++) b.fill(7, y * W, y * W + 10);
  const bad = a.slice();
  bad[5] = 41;
  bad[6] = 41;
  writeCodeRaster(join(files, "2000.tif"), a, W, H);
  writeCodeRaster(join(files, "2010.tif"), b, W, H);
  writeCodeRaster(join(files, "unknown-codes.tif"), bad, W, H);
  writeCodeRaster(join(files, "other-grid.tif"), a.subarray(0, W * (H - 1)), W, H - 1);
}
rasters();
const bytes = (name: string) => readFileSync(join(files, name));
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe.each(STORE_KINDS)("maps and analyses on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  beforeAll(async () => {
    t = await testApp(kind);
    areaId = await createArea(t.app, "Test field");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const upload = (year: string | undefined, name: string, buf?: Buffer) =>
    t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/maps`,
      ...multipart(year === undefined ? {} : { year }, { name, bytes: buf ?? bytes(name) }),
    });

  it("keeps an uploaded map with its checksum, size and grid", async () => {
    const r = await upload("2000", "2000.tif");
    expect(r.statusCode).toBe(201);
    const m = r.json();
    expect(m).toMatchObject({
      year: 2000,
      bytes: bytes("2000.tif").length,
      grid: { width: W, height: H, crs: expect.stringContaining("32650") },
    });
    expect(m.sha256).toBe(createHash("sha256").update(bytes("2000.tif")).digest("hex"));
    const back = await t.app.inject({ url: `/api/areas/${areaId}/maps/2000` });
    expect(back.headers["content-type"]).toBe("image/tiff");
    expect(back.rawPayload.equals(bytes("2000.tif"))).toBe(true);
  });

  it("refuses what is not a fitting GeoTIFF, says why at the field, and keeps nothing", async () => {
    const notTiff = await upload("2010", "notes.tif", Buffer.from("just some text, not a raster"));
    expect(notTiff.statusCode).toBe(400);
    expect(notTiff.json().error).toMatchObject({
      code: "not-a-geotiff",
      details: [{ path: "file", message: expect.stringContaining("notes.tif") }],
    });
    const grid = await upload("2010", "other-grid.tif");
    expect(grid.statusCode).toBe(422);
    expect(grid.json().error.details[0].message).toMatch(
      /grid differs from the 2000 map: size 40×30 vs 40×29/,
    );
    const codes = await upload("2010", "unknown-codes.tif");
    expect(codes.statusCode).toBe(422);
    expect(codes.json().error.details).toEqual([
      { path: "file", message: expect.stringMatching(/^code 41 \(2 px\) is not in the legend/) },
    ]);
    const noYear = await upload(undefined, "2000.tif");
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.details[0].path).toBe("year");
    // Nothing half-kept: only the 2000 map is recorded and on disk; tmp is empty.
    expect(
      (await t.app.inject({ url: `/api/areas/${areaId}/maps` })).json().map((m: { year: number }) => m.year),
    ).toEqual([2000]);
    expect(readdirSync(t.ctx.folder.maps(areaId))).toHaveLength(1);
    expect(readdirSync(join(t.dir, "tmp"))).toEqual([]);
  });

  it("needs two maps, then runs the analysis as a job with progress and results", async () => {
    const tooFew = await t.app.inject({ method: "POST", url: `/api/areas/${areaId}/analyses`, payload: {} });
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json().error.details[0].path).toBe("years");
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "nope", zoning: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["densitySet", "zoning"]);
    expect((await upload("2010", "2010.tif")).statusCode).toBe(201);
    const started = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(started.headers.location).toBe(`/api/jobs/${job.id}`);
    expect(["queued", "running"]).toContain(job.state);
    const end = await waitForJob(t.app, job.id);
    expect(end).toMatchObject({ state: "done", percent: 100, result: `/api/analyses/${job.id}` });

    // Hand-counted: 290 arable and 10 forest pixels (0.09 ha each) became open pit.
    const one = (await t.app.inject({ url: `/api/analyses/${job.id}/tables/transitionsOnestep` })).json();
    const cell = (f: number, to: number) =>
      one.find((r: { from_code: number; to_code: number }) => r.from_code === f && r.to_code === to);
    expect(cell(1, 7).pixels).toBe(290);
    expect(cell(1, 7).area_ha).toBeCloseTo(26.1, 9);
    expect(cell(2, 7).pixels).toBe(10);
    expect(cell(1, 1).pixels).toBe(870);
    // Stocks by seed 001's densities: arable 87.11, forest 108.17, open pit 0 t C/ha.
    const carbon = (await t.app.inject({ url: `/api/analyses/${job.id}/tables/carbon` })).json();
    const total = (y: number) =>
      carbon.find((r: { year: number; pool: string }) => r.year === y && r.pool === "total").total_tC;
    expect(total(2000)).toBeCloseTo(1160 * 0.09 * 87.11 + 40 * 0.09 * 108.17, 6);
    expect(total(2010)).toBeCloseTo(870 * 0.09 * 87.11 + 30 * 0.09 * 108.17, 6);
    const csv = await t.app.inject({ url: `/api/analyses/${job.id}/tables/classes?format=csv` });
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body.split("\n")[0]).toMatch(/^year,code,class,pixels,area_ha/);
    const tif = await t.app.inject({ url: `/api/analyses/${job.id}/files/zones-2000-2010.tif` });
    expect(tif.headers["content-type"]).toBe("image/tiff");
    expect(tif.rawPayload.subarray(0, 2).toString()).toBe("II");
    expect((await t.app.inject({ url: `/api/analyses/${job.id}/files/../../etc/passwd` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: `/api/analyses/${job.id}/tables/nope` })).statusCode).toBe(404);

    const layers = (await t.app.inject({ url: `/api/areas/${areaId}/layers` })).json();
    expect(layers.crs.epsg).toBe(32650);
    expect(layers.layers.map((l: { id: string }) => l.id).sort()).toEqual([
      "accumulated-changes",
      "carbon-change-2000-2010",
      "landuse-2000",
      "landuse-2010",
      "zones-2000-2010",
    ]);
    expect(layers.layers[0].extent).toEqual([500000, 4400000 - H * 30, 500000 + W * 30, 4400000]);
    for (const l of layers.layers) {
      const png = await t.app.inject({ url: l.url });
      expect(png.statusCode, l.url).toBe(200);
      expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    }
    // The pixel at column 3, row 0 was forest and became open pit.
    const px = (
      await t.app.inject({ url: `/api/areas/${areaId}/pixel?x=${500000 + 3.5 * 30}&y=${4400000 - 0.5 * 30}` })
    ).json();
    expect(px.history.map((p: { year: number; code: number }) => [p.year, p.code])).toEqual([
      [2000, 2],
      [2010, 7],
    ]);
    expect(
      (await t.app.inject({ url: `/api/areas/${areaId}/pixel?x=abc` }))
        .json()
        .error.details.map((d: { path: string }) => d.path),
    ).toEqual(["x", "y"]);
    const overview = (await t.app.inject({ url: `/api/areas/${areaId}/overview` })).json();
    const fig = (id: string) => overview.figures.find((f: { id: string }) => f.id === id);
    expect(fig("area").value).toBeCloseTo(W * H * 0.09, 9);
    expect(fig("landuse-budget").value).toBeCloseTo(((total(2010) - total(2000)) / 10) * (44 / 12), 6);
  });

  it("exports the overall change components, the storage change, its value and the accumulated changes", async () => {
    const post = (payload: unknown) =>
      t.app.inject({ method: "POST", url: `/api/areas/${areaId}/analyses`, payload: payload as object });
    const table = async (id: string, name: string) =>
      (await t.app.inject({ url: `/api/analyses/${id}/tables/${name}` })).json();
    // What the valuation needs, refused before a job is queued, each at its field.
    const noDensities = await post({ valuation: { carbonPrice: 50, discountRatePerYear: 0.05 } });
    expect(noDensities.statusCode).toBe(400);
    expect(noDensities.json().error.details).toEqual([
      { path: "valuation", message: expect.stringMatching(/needs a densitySet/) },
    ]);
    const unknownPrice = await post({
      densitySet: "seed001-yang2019",
      valuation: { carbonPrice: "cn.no.such.price", discountRatePerYear: 0.05 },
    });
    expect(unknownPrice.statusCode).toBe(400);
    expect(unknownPrice.json().error.details).toEqual([
      {
        path: "valuation.carbonPrice",
        message: expect.stringMatching(/price factor.*cn\.ets\.cea\.year4\.mean/),
      },
    ]);
    const outOfBounds = await post({
      densitySet: "seed001-yang2019",
      valuation: { carbonPrice: 2e6, priceChangePerYear: 3, discountRatePerYear: -1 },
    });
    expect(outOfBounds.statusCode).toBe(400);
    expect(
      outOfBounds
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["valuation.carbonPrice", "valuation.discountRatePerYear", "valuation.priceChangePerYear"]);

    const started = await post({
      densitySet: "seed001-yang2019",
      valuation: { carbonPrice: "cn.ets.cea.year4.mean", discountRatePerYear: 0.05 },
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id;
    expect((await waitForJob(t.app, id)).state).toBe("done");
    // 300 of the 1,200 px (27 of 108 ha) became open pit: all of it quantity, no exchange or shift.
    const [comp] = await table(id, "componentsOverall");
    expect(comp).toMatchObject({ from_year: 2000, to_year: 2010, exchange_ha: 0, shift_ha: 0 });
    expect(comp.total_change_ha).toBeCloseTo(27, 9);
    expect(comp.quantity_ha).toBeCloseTo(27, 9);
    expect(comp.total_change_percent).toBeCloseTo(25, 9);
    // The change in storage: 290 px of arable (87.11 t C/ha) and 10 of forest (108.17) lost to the pit.
    const change = -(290 * 0.09 * 87.11 + 10 * 0.09 * 108.17);
    const total = (await table(id, "carbonChange")).find((r: { pool: string }) => r.pool === "total");
    expect(total.change_tC).toBeCloseTo(change, 6);
    expect(total.change_tCO2e).toBeCloseTo((change * 44) / 12, 6);
    // Valued at the library's 89.06 CNY/t CO2e, flat, discounted at 5 %/yr over the 10 years.
    let years = 0;
    for (let y = 0; y < 10; y++) years += 1.05 ** -y;
    const [value] = await table(id, "carbonValue");
    expect(value.npv_CNY).toBeCloseTo(89.06 * ((change * 44) / 12 / 10) * years, 4);
    const analysis = (await t.app.inject({ url: `/api/analyses/${id}` })).json();
    expect(analysis.result.valuation.factorsUsed.map((f: { id: string }) => f.id)).toEqual([
      "cn.ets.cea.year4.mean",
    ]);
    expect((await table(id, "accumulatedChanges")).map((r: { pixels: number }) => r.pixels)).toEqual([
      900, 300,
    ]);
    const csv = await t.app.inject({ url: `/api/analyses/${id}/tables/carbonValue?format=csv` });
    expect(csv.body.split("\n")[0]).toMatch(/^kind,from_year,to_year,years,change_tC,change_tCO2e,/);
    // An analysis without a valuation has no value table, and says which tables it has.
    const plain = (await t.app.inject({ url: `/api/areas/${areaId}/analyses` }))
      .json()
      .find((a: { id: string; status: string }) => a.id !== id && a.status === "done").id;
    const none = await t.app.inject({ url: `/api/analyses/${plain}/tables/carbonValue` });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.details[0].message).toMatch(/componentsOverall.*carbonChange/);
    // The accumulated changes are a map layer with a legend per number of changes.
    const layers = (await t.app.inject({ url: `/api/areas/${areaId}/layers` })).json();
    const acc = layers.layers.find((l: { id: string }) => l.id === "accumulated-changes");
    expect(acc.kind).toBe("changes");
    expect(acc.legend.items.map((i: { name: string; nameZh: string }) => [i.name, i.nameZh])).toEqual([
      ["no change", "未变化"],
      ["1 change", "1 次变化"],
    ]);
    const chord = await t.app.inject({ url: `/api/analyses/${id}/files/transitions-chord.svg` });
    expect(chord.headers["content-type"]).toBe("image/svg+xml");
    expect(chord.body).toMatch(/^<svg[^]*arable land 2000/);
    const png = await t.app.inject({ url: acc.url });
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
  });

  it("fails a job whose map file went missing, saying which", async () => {
    const maps = (await t.app.inject({ url: `/api/areas/${areaId}/maps` })).json();
    const stored = await asSystem(() => t.ctx.maps.forArea(areaId));
    rmSync(stored.find((m) => m.year === 2010)!.path);
    const job = (
      await t.app.inject({ method: "POST", url: `/api/areas/${areaId}/analyses`, payload: {} })
    ).json();
    const end = await waitForJob(t.app, job.id);
    expect(end.state).toBe("failed");
    expect(end.error.message).toMatch(/2010 map is missing/);
    expect(existsSync(t.ctx.folder.analysis(job.id))).toBe(false);
    expect(maps).toHaveLength(2);
  });
});

describe.each(STORE_KINDS)("deleting an area on %s", (kind) => {
  it("removes its rows, maps, analysis outputs and reports", async () => {
    const t = await testApp(kind);
    try {
      const areaId = await createArea(t.app, "Short-lived");
      for (const y of ["2000", "2010"])
        await t.app.inject({
          method: "POST",
          url: `/api/areas/${areaId}/maps`,
          ...multipart({ year: y }, { name: `${y}.tif`, bytes: bytes(`${y}.tif`) }),
        });
      const job = (
        await t.app.inject({ method: "POST", url: `/api/areas/${areaId}/analyses`, payload: {} })
      ).json();
      await waitForJob(t.app, job.id);
      const report = (
        await t.app.inject({
          method: "POST",
          url: `/api/analyses/${job.id}/reports`,
          payload: { format: "html" },
        })
      ).json();
      expect((await t.app.inject({ url: report.url })).statusCode).toBe(200);
      expect(existsSync(t.ctx.folder.analysis(job.id))).toBe(true);
      expect(
        (await t.app.inject({ method: "DELETE", url: `/api/areas/${areaId}`, headers: CLIENT })).statusCode,
      ).toBe(204);
      expect(existsSync(join(t.dir, "files", "maps", areaId))).toBe(false);
      expect(existsSync(t.ctx.folder.analysis(job.id))).toBe(false);
      expect(readdirSync(t.ctx.folder.reports())).toEqual([]);
      expect((await t.app.inject({ url: `/api/jobs/${job.id}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/analyses/${job.id}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: report.url })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe("upload limits", () => {
  it("refuses a file over the limit with 413 and keeps nothing", async () => {
    const t = await testApp("pglite", { maxUploadBytes: 500 });
    try {
      const areaId = (
        await t.app.inject({
          method: "POST",
          url: "/api/areas",
          payload: { name: "Small", legend: { preset: "seed001" } },
        })
      ).json().id;
      const r = await t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/maps`,
        ...multipart({ year: "2000" }, { name: "2000.tif", bytes: Buffer.alloc(5000, 1) }),
      });
      expect(r.statusCode).toBe(413);
      expect(r.json().error.details[0].path).toBe("file");
      expect(readdirSync(join(t.dir, "tmp"))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
