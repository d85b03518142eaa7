import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staleReasonCode } from "../../src/contract/analysis-record.ts";
import { translator } from "../../src/presentation/i18n/index.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { CLIENT, createArea, multipart, testApp, waitForJob } from "./test-app.ts";

const W = 40;
const H = 30;
const files = mkdtempSync(join(tmpdir(), "mc-stale-"));
/** 2000: arable (1) with a first row of forest (2). 2010: columns 0–9 open pit (7); 2010b: columns 0–19. */
const a = new Uint8Array(W * H).fill(1);
a.fill(2, 0, W);
const pit = (cols: number) => {
  const b = a.slice();
  for (let y = 0; y < H; y++) b.fill(7, y * W, y * W + cols);
  return b;
};
writeCodeRaster(join(files, "2000.tif"), a, W, H);
writeCodeRaster(join(files, "2010.tif"), pit(10), W, H);
writeCodeRaster(join(files, "2010b.tif"), pit(20), W, H);
const bytes = (name: string) => readFileSync(join(files, name));
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe.each(STORE_KINDS)("replaced maps, stale results and legend roles on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(kind);
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const upload = (areaId: string, year: string, name: string, fields: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/maps`,
      ...multipart({ year, ...fields }, { name, bytes: bytes(name) }),
    });
  const analyse = async (areaId: string) => {
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(r.statusCode, r.body).toBe(202);
    expect((await waitForJob(t.app, r.json().id)).state).toBe("done");
    return r.json().id as string;
  };
  const overview = async (areaId: string) =>
    (await t.app.inject({ url: `/api/areas/${areaId}/overview` })).json();

  it("warns when a map's codes cover the legend badly, and keeps the map", async () => {
    const areaId = await createArea(t.app, "Coverage");
    const r = await upload(areaId, "2000", "2000.tif");
    expect(r.statusCode).toBe(201);
    // 1,160 of 1,200 px arable (96.7 %), 2 of seed 001's 11 classes used.
    // Each warning comes as a code of the `api` catalogue, its params and the English sentence.
    expect(r.json().warnings).toEqual([
      {
        code: "mapFewClassesUsed",
        params: { name: "2000.tif", used: 2, total: 11 },
        message: "2000.tif uses only 2 of the legend's 11 classes; check that it is coded in this legend",
      },
      {
        code: "mapAbsentClasses",
        params: { name: "2000.tif", classes: expect.stringMatching(/^3 \(grassland\), 4 \(urban land\), /) },
        message: expect.stringMatching(
          /^legend classes with no pixel in 2000\.tif: 3 \(grassland\), 4 \(urban land\), /,
        ),
      },
      {
        code: "mapOneClass",
        params: { name: "2000.tif", share: "96.7", code: 1, className: "arable land" },
        message: expect.stringMatching(/^96\.7 % of 2000\.tif's pixels are of one class, 1 \(arable land\)/),
      },
    ]);
    // The English catalogue says the same sentence as the message; the Chinese one says it in Chinese.
    for (const w of r.json().warnings as {
      code: string;
      params: Record<string, string | number>;
      message: string;
    }[]) {
      // No default: a code missing from the catalogue says nothing, and fails here.
      expect(translator("en")(`api:${w.code}`, { ...w.params, defaultValue: "" })).toBe(w.message);
      expect(translator("zh")(`api:${w.code}`, { ...w.params, defaultValue: "" })).toMatch(/2000\.tif/);
    }
    expect(translator("zh")("api:mapFewClassesUsed", r.json().warnings[0].params)).toBe(
      "2000.tif 只用到图例 11 个类别中的 2 个；请检查它是否按此图例编码",
    );
    expect(r.json().staleAnalyses).toEqual([]);
  });

  it("replaces a year's map only when asked; analyses from it become stale, with why, until run again", async () => {
    const areaId = await createArea(t.app, "Replaced");
    expect((await upload(areaId, "2000", "2000.tif")).statusCode).toBe(201);
    expect((await upload(areaId, "2010", "2010.tif")).statusCode).toBe(201);
    const first = await analyse(areaId);
    let o = await overview(areaId);
    expect(o.latestAnalysis).toMatchObject({ id: first, stale: false, staleReason: null });
    expect(o.figures.every((f: { stale: boolean }) => !f.stale)).toBe(true);
    expect(o.map).toMatchObject({ layerId: "landuse-2010", kind: "landuse", year: 2010 });
    expect(o.series.map((p: { year: number }) => p.year)).toEqual([2000, 2010]);
    expect(o.series[1].carbonStockTC).toBeLessThan(o.series[0].carbonStockTC);

    const silent = await upload(areaId, "2010", "2010b.tif");
    expect(silent.statusCode).toBe(409);
    expect(silent.json().error).toMatchObject({
      code: "map-exists",
      details: [{ path: "replace", message: expect.stringMatching(/^must be true to replace the 2010 map/) }],
    });
    const kept = (await t.app.inject({ url: `/api/areas/${areaId}/maps/2010` })).rawPayload;
    expect(kept.equals(bytes("2010.tif"))).toBe(true);

    const replaced = await upload(areaId, "2010", "2010b.tif", { replace: "true" });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ replaced: true, staleAnalyses: [first] });
    const a = (await t.app.inject({ url: `/api/analyses/${first}` })).json();
    expect(a.stale).toBe(true);
    expect(a.staleReason).toMatch(
      /^the 2010 map was replaced on \d{4}-\d\d-\d\d \(\w{8} → \w{8}\); run the analysis again$/,
    );
    o = await overview(areaId);
    expect(o.latestAnalysis).toMatchObject({ id: first, stale: true, staleReason: a.staleReason });
    for (const id of ["area", "landuse-budget"])
      expect(o.figures.find((f: { id: string }) => f.id === id)).toMatchObject({
        stale: true,
        staleReason: a.staleReason,
      });
    const layers = (await t.app.inject({ url: `/api/areas/${areaId}/layers` })).json();
    expect(layers).toMatchObject({ stale: true, staleReason: a.staleReason });
    // The reason also comes as a code of the `api` catalogue and its params, for the web to say
    // it in the asked language; the same sentence is read back from the stored English.
    const code = {
      code: "staleMapReplaced",
      params: {
        year: "2010",
        date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        from: expect.stringMatching(/^\w{8}$/),
        to: expect.stringMatching(/^\w{8}$/),
      },
    };
    expect(o.latestAnalysis.staleReasonCode).toEqual(code);
    expect(o.figures.find((f: { id: string }) => f.id === "area").staleReasonCode).toEqual(code);
    expect(layers.staleReasonCode).toEqual(code);
    expect(staleReasonCode(a.staleReason)).toEqual(code);
    expect(translator("zh")(`api:staleMapReplaced`, o.latestAnalysis.staleReasonCode.params)).toMatch(
      /^2010年的地图已于 \d{4}-\d\d-\d\d 替换（\w{8} → \w{8}）；请重新运行分析$/,
    );

    const again = await analyse(areaId);
    o = await overview(areaId);
    expect(o.latestAnalysis).toMatchObject({ id: again, stale: false });
    expect(o.figures.every((f: { stale: boolean }) => !f.stale)).toBe(true);
    // The older analysis stays marked.
    expect((await t.app.inject({ url: `/api/analyses/${first}` })).json().stale).toBe(true);

    // A legend that drops a code the maps hold is refused, naming the code and the map.
    const csv = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/legend/csv`,
      headers: { "content-type": "text/csv", ...CLIENT },
      payload: "code,name,key\n1,arable land,arable\n2,forest land,forest\n",
    });
    expect(csv.statusCode).toBe(422);
    expect(csv.json().error.details).toEqual([
      { path: "classes", message: expect.stringMatching(/^must keep code 7: the 2010 map has 600 px of it/) },
    ]);

    // A new boundary outdates the analyses (they clip to it); the same boundary again does not.
    // Around the whole 40 × 30 px map (UTM 50N, origin 500000 E 4400000 N, 30 m pixels).
    const boundary = {
      type: "Polygon",
      crs: { type: "name", properties: { name: "EPSG:32650" } },
      coordinates: [
        [
          [499000, 4398000],
          [502000, 4398000],
          [502000, 4401000],
          [499000, 4401000],
          [499000, 4398000],
        ],
      ],
    };
    const patch = (b: unknown) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/areas/${areaId}`,
        headers: CLIENT,
        payload: { boundary: b },
      });
    expect((await patch(boundary)).statusCode).toBe(200);
    const afterBoundary = (await t.app.inject({ url: `/api/analyses/${again}` })).json();
    expect(afterBoundary.staleReason).toMatch(
      /^the boundary was changed on \d{4}-\d\d-\d\d; run the analysis again$/,
    );
    expect((await overview(areaId)).latestAnalysis.staleReasonCode).toEqual({
      code: "staleBoundaryChanged",
      params: { date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) },
    });
    const third = await analyse(areaId);
    expect((await patch(boundary)).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/analyses/${third}` })).json().stale).toBe(false);
  });

  it("writes legend rows whole: a role is never kept from the row written over, and is shown with its densities", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      payload: {
        name: "Roles",
        legend: {
          classes: [
            { code: 1, name: "arable land", key: "arable" },
            { code: 7, name: "open pit", key: "open-pit" },
            { code: 11, name: "water", key: "water" },
          ],
        },
      },
    });
    const areaId = created.json().id;
    const legend = async () => (await t.app.inject({ url: `/api/areas/${areaId}/legend` })).json();
    const byCode = (l: { classes: { code: number }[] }, code: number) =>
      l.classes.find((c) => c.code === code);
    expect(byCode(await legend(), 1)).toMatchObject({
      key: "arable",
      densities: { "seed001-yang2019": { soil: "seed001.yang2019.soil_loss.arable" } },
    });

    // The rows written over: Pasture where arable land was, Water body where the open pit was.
    const put = await t.app.inject({
      method: "PUT",
      url: `/api/areas/${areaId}/legend`,
      payload: {
        classes: [
          { code: 1, name: "Pasture", key: "grassland" },
          { code: 7, name: "Water body", key: "water" },
          { code: 11, name: "River", key: "water" },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const l = await legend();
    expect(byCode(l, 1)).toMatchObject({
      name: "Pasture",
      key: "grassland",
      densities: { "seed001-yang2019": { soil: "seed001.yang2019.soil_loss.grassland" } },
    });
    expect(byCode(l, 7)).toMatchObject({ name: "Water body", key: "water" });
    expect(byCode(l, 7)).not.toHaveProperty("densities");
    expect(l.warnings).toEqual([
      {
        code: "legendRoleTwice",
        params: { first: 7, second: 11, role: "water" },
        message: 'classes 7 and 11 both have the role "water"; zoning and densities read them alike',
      },
    ]);

    // A PUT must state each role.
    const noRole = await t.app.inject({
      method: "PUT",
      url: `/api/areas/${areaId}/legend`,
      payload: { classes: [{ code: 7, name: "Water body" }] },
    });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().error.details).toEqual([
      { path: "classes[0].key", message: expect.stringMatching(/^must be given/) },
    ]);

    // A PATCH without a role is refused, naming the class and the role its name suggests to
    // confirm; it never takes one from its name or from the row it replaces.
    await t.app.inject({
      method: "PUT",
      url: `/api/areas/${areaId}/legend`,
      payload: { classes: [{ code: 7, name: "open pit", key: "open-pit" }] },
    });
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: { legend: { classes: [{ code: 7, name: "Water body" }] } },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.details).toEqual([
      {
        path: "legend.classes[0].key",
        message: expect.stringMatching(
          /^class 7 "Water body" needs its role, one of arable, .*\(its name suggests "water": confirm it by sending it\)$/,
        ),
      },
    ]);
    expect(byCode(await legend(), 7)!).toMatchObject({ name: "open pit", key: "open-pit" });

    // A role no zoning rule or density set knows is kept, with a warning saying so.
    await t.app.inject({
      method: "PUT",
      url: `/api/areas/${areaId}/legend`,
      payload: { classes: [{ code: 7, name: "Water body", key: "water-body" }] },
    });
    const after = await legend();
    expect(byCode(after, 7)!).toMatchObject({ name: "Water body", key: "water-body" });
    expect(after.warnings[0]).toMatchObject({
      code: "legendRoleUnknown",
      params: { code: 7, name: "Water body", role: "water-body" },
      message: expect.stringMatching(
        /^class 7 "Water body" has the role "water-body", which no zoning rule or density set knows/,
      ),
    });
    expect(translator("en")("api:legendRoleUnknown", after.warnings[0].params)).toBe(
      after.warnings[0].message,
    );
  });

  it("imports a legend from CSV as the CLI reads it", async () => {
    const areaId = await createArea(t.app, "CSV legend");
    const post = (payload: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/legend/csv`,
        headers: { "content-type": "text/csv", ...CLIENT },
        payload,
      });
    const r = await post(
      "code,name,name_zh,key,colour,note\n1,Pasture,草地,grassland,#9ccc65,x\n7,Water body,水体,water,#1e88e5,y\n",
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      stored: {
        classes: [
          { code: 1, key: "grassland", nameZh: "草地" },
          { code: 7, key: "water" },
        ],
      },
      ignoredColumns: ["note"],
    });
    const bad = await post("value,colour\n1,#ffffff\n");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: "header" });
  });

  it("gives where each mine's pathway starts: its latest inventory, coal output and the measures its sources allow", async () => {
    const areaId = await createArea(t.app, "Plan");
    const doc = readInputFile(join(PROJECT_ROOT, "examples", "yongning.yaml")) as object;
    const saved = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/inventories`,
      payload: doc,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const last = saved.json().at(-1);
    const d = (await t.app.inject({ url: `/api/areas/${areaId}/scenario-defaults` })).json();
    expect(d.mines).toEqual([
      {
        mine: last.mine,
        inventoryId: last.id,
        baseYear: last.year,
        coalOutputT: last.result.years[0].coalOutputT,
        grossEmissionTCO2ePerYr: last.totals.grossEmissionTCO2ePerYr,
        measures: expect.arrayContaining(["energy-saving", "reclamation", "offsets"]),
        startingMeasures: expect.any(Array),
      },
    ]);
    // Every applicable measure has its starting levels, and only those; CCS where CO2 is capturable.
    const [mine] = d.mines;
    expect(mine.startingMeasures.map((m: { kind: string }) => m.kind)).toEqual(mine.measures);
    expect(mine.measures.includes("ccs")).toBe(last.result.years[0].ccs.capturableTCO2 > 0);
    expect(mine.startingMeasures.find((m: { kind: string }) => m.kind === "energy-saving")).toEqual({
      kind: "energy-saving",
      start: last.year + 2,
      rampYears: 10,
      rate: 0.1,
    });
    // The prices a planner starts from are the library's, with their sources said.
    expect(d.economics.carbonPrice.start).toBe("cn.ets.cea.year4.mean");
    expect(d.economics.carbonPrice.source).toMatch(/planning assumption/);
  });
});
