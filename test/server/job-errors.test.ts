import { SYSTEM_SCOPE } from "../../src/domain/access/policy.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisRepository } from "../../src/storage/analysis-repository.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { createArea, multipart, testApp, waitForJob } from "./test-app.ts";

const files = mkdtempSync(join(tmpdir(), "mc-job-errors-"));
const codes = new Uint8Array(20 * 20).fill(1);
writeCodeRaster(join(files, "2000.tif"), codes, 20, 20);
codes.fill(2, 0, 100);
writeCodeRaster(join(files, "2010.tif"), codes, 20, 20);
afterAll(() => rmSync(files, { recursive: true, force: true }));

/** The seed 001 legend with its keys, as classes (so that a test can change them). */
const SEED001_CLASSES = [
  ["arable", 1],
  ["forest", 2],
  ["grassland", 3],
  ["water", 4],
  ["urban", 5],
  ["rural", 6],
  ["open-pit", 7],
  ["dump", 8],
  ["stripping", 9],
  ["industrial", 10],
  ["transportation", 11],
  ["unused", 12],
] as const;

/** What a client may see of a failed job: no server paths, file names or CLI flags. */
function expectClientTerms(error: unknown, dataDir: string) {
  const text = JSON.stringify(error);
  expect(text).not.toContain(dataDir);
  expect(text).not.toContain(tmpdir());
  expect(text).not.toMatch(/\/(tmp|files)\/|\.csv|\.geojson|\.tif\b|-inputs/);
  expect(text).not.toMatch(/--[a-z]/);
}

describe.each(STORE_KINDS)("analysis job errors on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(kind);
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  /** An area with seed 001's classes (all keys) and both maps. */
  async function areaWithMaps(name: string): Promise<string> {
    const id = await createArea(t.app, name);
    for (const y of ["2000", "2010"]) {
      const r = await t.app.inject({
        method: "POST",
        url: `/api/areas/${id}/maps`,
        ...multipart({ year: y }, { name: `${y}.tif`, bytes: readFileSync(join(files, `${y}.tif`)) }),
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    return id;
  }

  /** Runs a job queued directly in the store (as if queued before the area changed) to its end. */
  async function runQueued(areaId: string, params: Record<string, unknown> = {}) {
    const job = await asSystem(() =>
      new AnalysisRepository(t.ctx.store.db).create({
        areaId,
        kind: "landuse",
        params: { zoning: "rules", zonesFromBoundary: true, densitySet: null, zeroRule: "paper", ...params },
      }),
    );
    await t.jobs.resume();
    return waitForJob(t.app, job.id);
  }

  it("refuses repeated years with 400 naming the year, before any job is queued", async () => {
    const id = await areaWithMaps("Repeated years");
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${id}/analyses`,
      payload: { years: [2000, 2010, 2010] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([
      { path: "years[2]", message: expect.stringMatching(/each year may appear once; 2010 is repeated/) },
    ]);
    const same = await t.app.inject({
      method: "POST",
      url: `/api/areas/${id}/analyses`,
      payload: { years: [2000, 2000] },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details[0].message).toMatch(/2000 is repeated/);
    expect((await t.app.inject({ url: `/api/areas/${id}/analyses` })).json()).toEqual([]);
  });

  it("refuses zoning a job could not do with 4xx at the field, before any job is queued", async () => {
    const id = await areaWithMaps("Zoning that cannot be done");
    const noDensities = await t.app.inject({
      method: "POST",
      url: `/api/areas/${id}/analyses`,
      payload: { zoning: "data-driven" },
    });
    expect(noDensities.statusCode).toBe(400);
    expect(noDensities.json().error.details).toEqual([
      { path: "densitySet", message: expect.stringMatching(/must name a density set .*data-driven/) },
    ]);
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${id}`,
      payload: {
        legend: {
          classes: [
            { code: 1, name: "crop", key: "cropland" },
            { code: 2, name: "wood", key: "forest" },
          ],
        },
      },
    });
    expect(patched.statusCode).toBe(200);
    const rules = await t.app.inject({ method: "POST", url: `/api/areas/${id}/analyses`, payload: {} });
    expect(rules.statusCode).toBe(422);
    expect(rules.json().error.details).toEqual([
      { path: "zoning", message: expect.stringMatching(/keys arable, .*lacks; choose "data-driven"/) },
    ]);
    expect((await t.app.inject({ url: `/api/areas/${id}/analyses` })).json()).toEqual([]);
  });

  it("says in the client's terms why a job failed: the legend, not a CSV path or --rules", async () => {
    const id = await areaWithMaps("Legend changed after queuing");
    await asSystem(() =>
      t.ctx.areas.update(
        id,
        {
          legend: {
            classes: [
              { code: 1, name: "crop", key: "cropland" },
              { code: 2, name: "wood", key: "forest" },
            ],
          },
        },
        SYSTEM_SCOPE,
      ),
    );
    const end = await runQueued(id);
    expect(end.state).toBe("failed");
    expect(end.error.code).toBe("bad-input");
    expect(end.error.details).toEqual([
      {
        path: "zoning",
        message: expect.stringMatching(
          /seed 001's rules do not fit the area's legend; choose zoning "data-driven"/,
        ),
      },
    ]);
    expect(end.error.message).toMatch(/^the analysis cannot run on the area's data: zoning: /);
    expectClientTerms(end.error, t.dir);
  });

  it("names the legend for codes an 8-bit map cannot hold", async () => {
    const id = await areaWithMaps("Wide codes");
    await asSystem(() =>
      t.ctx.areas.update(
        id,
        {
          legend: {
            classes: [
              ...SEED001_CLASSES.map(([key, code]) => ({ code, key, name: key })),
              { code: 300, key: "wide", name: "wide" },
            ],
          },
        },
        SYSTEM_SCOPE,
      ),
    );
    const end = await runQueued(id);
    expect(end.state).toBe("failed");
    expect(end.error.details).toEqual([
      { path: "legend", message: "has codes above 255 but every map is 8-bit" },
    ]);
    expectClientTerms(end.error, t.dir);
  });

  it("names the boundary and the place in it, not the file the job wrote it to", async () => {
    const id = await areaWithMaps("Odd boundary");
    // A boundary stored before boundaries were checked on arrival.
    await asSystem(() => t.ctx.areas.update(id, { boundary: { type: "Banana" } }, SYSTEM_SCOPE));
    const end = await runQueued(id);
    expect(end.state).toBe("failed");
    expect(end.error.details).toEqual([
      { path: "boundary.type", message: expect.stringMatching(/must be a FeatureCollection.*got Banana/) },
    ]);
    expectClientTerms(end.error, t.dir);
  });

  it("analyses an area whose class names hold quotes and markup, with a density set", async () => {
    const id = await areaWithMaps("Quoted names");
    const name = (key: string) => `${key} "quoted", <b>bold</b> & 'single'`;
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${id}`,
      payload: {
        legend: { classes: SEED001_CLASSES.map(([key, code]) => ({ code, key, name: name(key) })) },
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const started = await t.app.inject({
      method: "POST",
      url: `/api/areas/${id}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(started.statusCode, started.body).toBe(202);
    const end = await waitForJob(t.app, started.json().id);
    expect(end.error).toBeNull();
    const classes = (await t.app.inject({ url: `/api/analyses/${end.id}` })).json().result.legend.classes;
    expect(classes[0].name).toBe(name("arable"));
  });

  it("names a stored map by its year when its file is unusable", async () => {
    const id = await areaWithMaps("Broken store");
    const stored = (await asSystem(() => t.ctx.maps.forArea(id))).find((m) => m.year === 2010)!;
    rmSync(stored.path);
    mkdirSync(stored.path); // not a file any more
    const end = await runQueued(id);
    expect(end.state).toBe("failed");
    expect(end.error.details).toEqual([
      { path: "maps.2010", message: expect.stringMatching(/^the 2010 map/) },
    ]);
    expectClientTerms(end.error, t.dir);
    rmSync(stored.path, { recursive: true });
    const gone = await runQueued(id);
    expect(gone.error.details).toEqual([
      { path: "maps.2010", message: "the stored file of the 2010 map is missing; upload it again" },
    ]);
    expectClientTerms(gone.error, t.dir);
  });
});
