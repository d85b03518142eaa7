import { SYSTEM_SCOPE } from "../../src/domain/access/policy.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEGEND_ROLES } from "../../src/contract/area.ts";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { CLIENT, createArea, multipart, testApp, waitForJob } from "./test-app.ts";

const W = 40;
const H = 30;
const files = mkdtempSync(join(tmpdir(), "mc-roles-"));
/** 2000: arable (1) with a first row of forest (2); 2010: columns 0–9 open pit (7). */
const a = new Uint8Array(W * H).fill(1);
a.fill(2, 0, W);
const b = a.slice();
for (let y = 0; y < H; y++) b.fill(7, y * W, y * W + 10);
writeCodeRaster(join(files, "2000.tif"), a, W, H);
writeCodeRaster(join(files, "2010.tif"), b, W, H);
afterAll(() => rmSync(files, { recursive: true, force: true }));

const ROLE_LIST = Object.keys(LEGEND_ROLES).join(", ");
/** Seed 001's classes as a client writes them, each with its role. */
const SEED001 = LEGEND_PRESETS.seed001!.classes.map((c) => ({
  code: c.code,
  name: c.name,
  key: c.key,
  ...(c.group ? { group: c.group } : {}),
  ...(c.colour ? { colour: c.colour } : {}),
}));

describe.each(STORE_KINDS)("legend roles are stated, never guessed; stale marks that hold, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(kind);
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const legend = async (areaId: string) =>
    (await t.app.inject({ url: `/api/areas/${areaId}/legend` })).json();
  const withMapsAndAnalysis = async (name: string) => {
    const areaId = await createArea(t.app, name);
    for (const year of ["2000", "2010"]) {
      const r = await t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/maps`,
        ...multipart({ year }, { name: `${year}.tif`, bytes: readFileSync(join(files, `${year}.tif`)) }),
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(r.statusCode, r.body).toBe(202);
    expect((await waitForJob(t.app, r.json().id)).state).toBe("done");
    return { areaId, analysisId: r.json().id as string };
  };
  const analysis = async (id: string) => (await t.app.inject({ url: `/api/analyses/${id}` })).json();

  it("refuses a PATCH or a new area whose classes lack a role, naming each and the roles to choose", async () => {
    const areaId = await createArea(t.app, "No role by PATCH");
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: {
        legend: {
          classes: [
            { code: 1, name: "Pasture", key: "grassland" },
            { code: 7, name: "Water body" },
            { code: 9, name: "Zone X", key: "  " },
          ],
        },
      },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error).toMatchObject({
      code: "bad-input",
      message: expect.stringMatching(/every legend class needs its role/),
      details: [
        {
          path: "legend.classes[1].key",
          message: `class 7 "Water body" needs its role, one of ${ROLE_LIST} (its name suggests "water": confirm it by sending it)`,
        },
        { path: "legend.classes[2].key", message: `class 9 "Zone X" needs its role, one of ${ROLE_LIST}` },
      ],
    });
    // Nothing was stored: the legend is still seed 001's.
    expect((await legend(areaId)).stored).toEqual({ preset: "seed001" });

    const created = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "No role", legend: { classes: [{ code: 11, name: "Water" }] } },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toEqual([
      {
        path: "legend.classes[0].key",
        message: expect.stringMatching(/^class 11 "Water" needs its role, one of arable, /),
      },
    ]);
  });

  it("imports a CSV legend only when each row gives its role; two classes may share one", async () => {
    const areaId = await createArea(t.app, "CSV roles");
    const post = (payload: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/legend/csv`,
        headers: { "content-type": "text/csv", ...CLIENT },
        payload,
      });
    const bad = await post("code,name,role\n1,Pasture,grassland\n7,Water body,\n9,Dumpling,\n");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      {
        path: "role",
        message: `every class needs its role, written in a role (or key) column: one of ${ROLE_LIST}; 2 classes have none`,
      },
      {
        path: "row 3, role",
        message: 'class 7 "Water body" has no role (its name suggests "water": confirm it by writing it)',
      },
      // "Dumpling" is not a dump: a suggestion needs a whole word.
      { path: "row 4, role", message: 'class 9 "Dumpling" has no role' },
    ]);
    const noColumn = await post("code,name\n1,Pasture\n");
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.json().error.details[1]).toEqual({
      path: "row 2, role",
      message: 'class 1 "Pasture" has no role (its name suggests "grassland": confirm it by writing it)',
    });
    expect((await legend(areaId)).stored).toEqual({ preset: "seed001" });

    // Two forest classes are both forest: accepted, with a warning that zoning and densities read them alike.
    const ok = await post("code,name,role\n1,Pine forest,forest\n2,Oak forest,forest\n7,Pit,open-pit\n");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().stored.classes.map((c: { key: string }) => c.key)).toEqual([
      "forest",
      "forest",
      "open-pit",
    ]);
    expect(ok.json().warnings).toEqual([
      expect.objectContaining({ code: "legendRoleTwice", params: { first: 1, second: 2, role: "forest" } }),
    ]);
    // Two rows may still not share a code.
    const twice = await post("code,name,role\n1,Pine forest,forest\n1,Oak forest,forest\n");
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toEqual([
      { path: "row 3, code", message: "code 1 is already on row 2" },
    ]);
  });

  it("marks results stale when codes, roles or groups change, not when names or colours do", async () => {
    const { areaId, analysisId } = await withMapsAndAnalysis("Relabelled");
    const put = async (classes: unknown) => {
      const r = await t.app.inject({
        method: "PUT",
        url: `/api/areas/${areaId}/legend`,
        payload: { classes },
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    // The preset written out as classes, then renamed and recoloured: the same analysis inputs.
    await put(SEED001);
    await put(SEED001.map((c) => ({ ...c, name: `${c.name} (renamed)`, nameZh: "改名", colour: "#123456" })));
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: { legend: { classes: SEED001.map((c) => ({ ...c, name: `${c.name}!` })) } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await analysis(analysisId)).toMatchObject({ stale: false, staleReason: null });
    expect((await legend(areaId)).classes.find((c: { code: number }) => c.code === 2).name).toBe(
      "forest land!",
    );

    // A role changed (forest land now grassland): its densities and zoning change, so the result is stale.
    await put(SEED001.map((c) => (c.code === 2 ? { ...c, key: "grassland" } : c)));
    expect(await analysis(analysisId)).toMatchObject({
      stale: true,
      staleReasonCode: { code: "staleLegendChanged" },
    });

    // A group changed (data-driven zoning reads it) makes a fresh result stale too.
    const again = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019", zoning: "none" },
    });
    expect((await waitForJob(t.app, again.json().id)).state).toBe("done");
    expect(await analysis(again.json().id)).toMatchObject({ stale: false });
    await put(SEED001.map((c) => (c.code === 2 ? { ...c, key: "grassland", group: "other" } : c)));
    expect(await analysis(again.json().id)).toMatchObject({ stale: true });
  }, 120_000);

  it("clears a resumed job's stale mark when it runs again; an analysis refuses a stored class without a role", async () => {
    const { areaId } = await withMapsAndAnalysis("Resumed");
    // A job that was running when the server stopped, and was marked stale meanwhile.
    const job = await asSystem(() =>
      t.ctx.analyses.create({
        areaId,
        kind: "landuse",
        params: { densitySet: "seed001-yang2019" },
      }),
    );
    await asSystem(() => t.ctx.analyses.progress(job.id, 40));
    expect(
      await asSystem(() =>
        t.ctx.analyses.markAreaStale(areaId, "the legend was changed on 2026-01-01; run the analysis again"),
      ),
    ).toContain(job.id);
    expect(await analysis(job.id)).toMatchObject({ stale: true });
    expect(await t.jobs.resume()).toBe(1);
    await t.jobs.whenIdle();
    expect((await asSystem(() => t.ctx.analyses.get(job.id)))?.status).toBe("done");
    expect(await analysis(job.id)).toMatchObject({ stale: false, staleReason: null });

    // A legend stored before roles were required: its class has no role, and is never given one.
    await asSystem(() =>
      t.ctx.areas.update(
        areaId,
        {
          legend: { classes: SEED001.map((c) => (c.code === 11 ? { code: 11, name: "water" } : c)) },
        },
        SYSTEM_SCOPE,
      ),
    );
    const l = await legend(areaId);
    expect(l.classes.find((c: { code: number }) => c.code === 11).key).toBe("");
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019", zoning: "none" },
    });
    // Refused before anything is queued, naming the class (not "the legend lacks water" of zoning).
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details).toEqual([
      {
        path: "legend.classes[10].key",
        message: expect.stringMatching(
          /^class 11 "water" needs its role, one of arable, .* \(its name suggests "water"/,
        ),
      },
    ]);
  }, 120_000);
});
