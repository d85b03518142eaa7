import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { UTM50N_PRJ, zippedShapefile } from "../fixtures/plots/write-shapefile.ts";
import { signIn } from "./actors.ts";
import { CLIENT, multipart, testApp, waitForJob } from "./test-app.ts";

/*
 * Plots over the API (issue 13): import from GeoJSON and a zipped Shapefile, the enterprise's
 * declaration, the regulator's rule, and what the latest land-use analysis sees in each plot on a
 * hand-worked 10 × 10 raster (30 m pixels on UTM 50N: 900 m², 0.09 ha each).
 */

const X0 = 500000;
const Y0 = 4400000;
/** A square of pixels [c0, c1) × [r0, r1) of the test raster, as projected GeoJSON coordinates. */
const pixels = (c0: number, c1: number, r0: number, r1: number) => [
  [
    [X0 + 30 * c0, Y0 - 30 * r1],
    [X0 + 30 * c1, Y0 - 30 * r1],
    [X0 + 30 * c1, Y0 - 30 * r0],
    [X0 + 30 * c0, Y0 - 30 * r0],
    [X0 + 30 * c0, Y0 - 30 * r1],
  ],
];
const utmGeojson = (features: { name: string; coordinates: unknown }[]) =>
  Buffer.from(
    JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "EPSG:32650" } },
      features: features.map((f) => ({
        type: "Feature",
        properties: { name: f.name },
        geometry: { type: "Polygon", coordinates: f.coordinates },
      })),
    }),
  );

for (const kind of STORE_KINDS)
  describe(`plots (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    const files = mkdtempSync(join(tmpdir(), "mc-plots-"));
    let mineId = "";
    let regulator: Record<string, string>;
    let editorB: Record<string, string>;
    const upload = (fields: Record<string, string>, name: string, bytes: Buffer | Uint8Array, headers = {}) =>
      t.app.inject({
        method: "POST",
        url: `/api/mines/${mineId}/plots/import`,
        ...(() => {
          const m = multipart(fields, { name, bytes: Buffer.from(bytes) });
          return { ...m, headers: { ...m.headers, ...headers } };
        })(),
      });

    beforeAll(async () => {
      t = await testApp(kind);
      regulator = await signIn(t.app, "regulator");
      editorB = await signIn(t.app, "editor-b");
      const mine = await asSystem(() =>
        t.ctx.mines.add({
          organisationId: t.directory.enterpriseA,
          regionCode: "140603",
          name: "Mine A",
          stage: "production",
        }),
      );
      mineId = mine.id;
    }, 120_000);
    afterAll(async () => {
      await t.close();
      rmSync(files, { recursive: true, force: true });
    });

    it("imports projected GeoJSON, stored in WGS 84 with its area; a name that exists is 409 unless replace=true", async () => {
      const file = utmGeojson([
        { name: "pit", coordinates: pixels(0, 5, 0, 5) },
        { name: "field", coordinates: pixels(5, 10, 5, 10) },
      ]);
      const r = await upload({}, "plots.geojson", file);
      expect(r.statusCode, r.body).toBe(201);
      const body = r.json();
      expect(body.sourceCrs).toBe("EPSG:32650");
      expect(body.plots.map((p: { name: string }) => p.name)).toEqual(["pit", "field"]);
      // 150 m × 150 m on the grid is (150 / 0.9996)² m² on the ground near the central meridian.
      for (const p of body.plots)
        expect(Math.abs(p.areaHa / ((150 / 0.9996) ** 2 / 1e4) - 1)).toBeLessThan(2e-3);
      expect(body.plots[0].geometry.coordinates[0][0][0]).toBeCloseTo(117, 3);
      const again = await upload({}, "plots.geojson", file);
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().error.details[0].path).toBe("features[0].properties.name");
      const replaced = await upload({ replace: "true" }, "plots.geojson", file);
      expect(replaced.statusCode, replaced.body).toBe(201);
      expect(replaced.json().replaced).toBe(2);
      expect(replaced.json().plots.map((p: { id: string }) => p.id)).toEqual(
        body.plots.map((p: { id: string }) => p.id),
      );
      const list = await t.app.inject({ url: `/api/mines/${mineId}/plots` });
      expect(list.json()).toHaveLength(2);
    });

    it("imports a zipped Shapefile by a chosen name field, and names each bad feature", async () => {
      const ring = (c0: number) => [...pixels(c0, c0 + 1, 9, 10)[0]!].reverse() as [number, number][]; // clockwise
      const zip = zippedShapefile(
        [
          { rings: [ring(0)], props: { PLOT_NAME: "shp-1" } },
          { rings: [ring(1)], props: { PLOT_NAME: "shp-2" } },
        ],
        { prj: UTM50N_PRJ },
      );
      const r = await upload({ nameField: "PLOT_NAME", stage: "planned" }, "plots.zip", zip);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().plots.map((p: { name: string; stage: string }) => [p.name, p.stage])).toEqual([
        ["shp-1", "planned"],
        ["shp-2", "planned"],
      ]);
      const bad = await upload({ nameField: "NOPE" }, "plots.zip", zip);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
        "features[0].properties.NOPE",
        "features[1].properties.NOPE",
      ]);
      // Another enterprise may not import into A's mine; a regulator reads but may not write plots.
      expect((await upload({}, "plots.zip", zip, editorB)).statusCode).toBe(404);
      expect((await upload({}, "plots.zip", zip, regulator)).statusCode).toBe(403);
    });

    it("sees in each plot what the latest analysis's last two maps show (arable → open pit in 'pit')", async () => {
      // An area holding the mine, with two maps: 2001 all arable (1); 2011 the top-left 5 × 5 open pit (7).
      const area = (
        await t.app.inject({
          method: "POST",
          url: "/api/areas",
          payload: { name: "plots area", legend: { preset: "seed001" } },
        })
      ).json().id;
      await asSystem(() => t.ctx.areas.addMine(area, mineId));
      const codes = new Uint8Array(100).fill(1);
      writeCodeRaster(join(files, "2001.tif"), codes, 10, 10);
      for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) codes[r * 10 + c] = 7;
      writeCodeRaster(join(files, "2011.tif"), codes, 10, 10);
      for (const year of ["2001", "2011"]) {
        const up = await t.app.inject({
          method: "POST",
          url: `/api/areas/${area}/maps`,
          ...multipart({ year }, { name: `${year}.tif`, bytes: readFileSync(join(files, `${year}.tif`)) }),
        });
        expect(up.statusCode, up.body).toBe(201);
      }
      const none = await t.app.inject({
        method: "POST",
        url: `/api/mines/${mineId}/plots/observe`,
        headers: CLIENT,
      });
      expect(none.statusCode, none.body).toBe(409);
      const job = await t.app.inject({ method: "POST", url: `/api/areas/${area}/analyses`, payload: {} });
      expect(job.statusCode, job.body).toBe(202);
      await t.jobs.whenIdle();
      expect((await waitForJob(t.app, job.json().id)).state).toBe("done");

      const r = await t.app.inject({
        method: "POST",
        url: `/api/mines/${mineId}/plots/observe`,
        headers: CLIENT,
      });
      expect(r.statusCode, r.body).toBe(200);
      const o = r.json();
      expect([o.fromYear, o.toYear, o.analysisId]).toEqual([2001, 2011, job.json().id]);
      const byName = Object.fromEntries(
        o.plots.map((p: { name: string; observed: unknown }) => [p.name, p.observed]),
      );
      // 25 pixels of 0.09 ha: 2.25 ha, all arable in 2001 and open pit in 2011.
      expect(byName.pit.roleAreaHa).toEqual({ "open-pit": 2.25 });
      expect(byName.pit.transitionsHa).toEqual([{ fromRole: "arable", toRole: "open-pit", areaHa: 2.25 }]);
      expect(byName.field.roleAreaHa).toEqual({ arable: 2.25 });
      expect(byName.field.transitionsHa).toEqual([{ fromRole: "arable", toRole: "arable", areaHa: 2.25 }]);
      expect(byName.pit.outsideMapHa).toBe(0);
      // One pixel each.
      expect(byName["shp-1"].roleAreaHa).toEqual({ arable: 0.09 });
      // Stored with the plot.
      const pit = o.plots.find((p: { name: string }) => p.name === "pit");
      expect((await t.app.inject({ url: `/api/plots/${pit.id}` })).json().observed.roleAreaHa).toEqual({
        "open-pit": 2.25,
      });
    }, 120_000);

    it("the enterprise declares land use and stage; the regulator puts a plot under a rule in force of its region", async () => {
      const plots = (await t.app.inject({ url: `/api/mines/${mineId}/plots` })).json();
      const pit = plots.find((p: { name: string }) => p.name === "pit");
      const declared = await t.app.inject({
        method: "PATCH",
        url: `/api/plots/${pit.id}`,
        payload: { declaredRole: "open-pit", stage: "disturbed" },
      });
      expect(declared.statusCode, declared.body).toBe(200);
      expect([declared.json().declaredRole, declared.json().stage]).toEqual(["open-pit", "disturbed"]);
      const badRole = await t.app.inject({
        method: "PATCH",
        url: `/api/plots/${pit.id}`,
        payload: { declaredRole: "moon" },
      });
      expect(badRole.json().error.details[0].path).toBe("declaredRole");
      // The enterprise may not choose its rule.
      expect(
        (await t.app.inject({ method: "PUT", url: `/api/plots/${pit.id}/rule`, payload: { ruleId: null } }))
          .statusCode,
      ).toBe(403);
      const rule = await t.app.inject({
        method: "POST",
        url: "/api/control-rules",
        headers: regulator,
        payload: {
          name: "No arable to mining",
          basis: "Land Administration Law art. 30",
          rule: { kind: "no-conversion", fromRoles: ["arable"], toRoles: ["open-pit", "dump"] },
        },
      });
      expect(rule.statusCode, rule.body).toBe(201);
      const put = await t.app.inject({
        method: "PUT",
        url: `/api/plots/${pit.id}/rule`,
        headers: regulator,
        payload: { ruleId: rule.json().id },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().ruleId).toBe(rule.json().id);
      const unknown = await t.app.inject({
        method: "PUT",
        url: `/api/plots/${pit.id}/rule`,
        headers: regulator,
        payload: { ruleId: "999999" },
      });
      expect(unknown.json().error.details[0].path).toBe("ruleId");
    });

    it("keeps a reclamation plan per plot, shows its progress from the map, and refuses to delete a planned plot", async () => {
      const plots = (await t.app.inject({ url: `/api/mines/${mineId}/plots` })).json();
      const id = (n: string) => plots.find((p: { name: string }) => p.name === n).id;
      const plan = await t.app.inject({
        method: "PUT",
        url: `/api/mines/${mineId}/reclamation-plan`,
        payload: {
          items: [
            {
              plotId: id("pit"),
              targetRole: "forest",
              species: "Pinus tabuliformis",
              startYear: 2005,
              dueYear: 2010,
              budgetCny: 1.2e6,
            },
            { plotId: id("field"), targetRole: "arable", startYear: 2012, dueYear: 2015, budgetCny: 3e5 },
            { plotId: id("shp-1"), targetRole: "forest", startYear: 2012, dueYear: 2020, budgetCny: 0 },
          ],
        },
      });
      expect(plan.statusCode, plan.body).toBe(200);
      expect(plan.json().totalBudgetCny).toBe(1.5e6);
      const progress = (await t.app.inject({ url: `/api/mines/${mineId}/reclamation-plan/progress` })).json();
      expect(
        progress.items.map((i: { plotName: string; status: string; targetRoleShare: number }) => [
          i.plotName,
          i.status,
          i.targetRoleShare,
        ]),
      ).toEqual([
        ["pit", "overdue", 0], // open pit in the 2011 map, due 2010
        ["field", "done", 1],
        ["shp-1", "on-schedule", 0],
      ]);
      const bad = await t.app.inject({
        method: "PUT",
        url: `/api/mines/${mineId}/reclamation-plan`,
        payload: {
          items: [{ plotId: "999999", targetRole: "moon", startYear: 2012, dueYear: 2011, budgetCny: 1 }],
        },
      });
      expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
        "items[0].plotId",
        "items[0].targetRole",
        "items[0].dueYear",
      ]);
      const del = await t.app.inject({ method: "DELETE", url: `/api/plots/${id("pit")}`, headers: CLIENT });
      expect(del.statusCode, del.body).toBe(409);
      expect(del.json().error.details[0].message).toMatch(/reclamation plan item/);
      const removed = await t.app.inject({
        method: "DELETE",
        url: `/api/plots/${id("shp-2")}`,
        headers: CLIENT,
      });
      expect(removed.statusCode, removed.body).toBe(204);
      // A re-import with replace=true that leaves out a planned plot is refused too.
      const partial = await upload(
        { replace: "true" },
        "p.geojson",
        utmGeojson([{ name: "field", coordinates: pixels(5, 10, 5, 10) }]),
      );
      expect(partial.statusCode, partial.body).toBe(409);
      expect(
        partial
          .json()
          .error.details.map((d: { message: string }) => d.message)
          .join(" "),
      ).toMatch(/"pit"/);
    });
  });
