import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { createArea, multipart, testApp, waitForJob } from "./test-app.ts";

describe("planning API", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let inventoryId: string;
  beforeAll(async () => {
    t = await testApp("pglite");
    const areaId = await createArea(t.app, "Yongning");
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/inventories`,
      payload: readInputFile(join(PROJECT_ROOT, "examples", "yongning.yaml")) as object,
    });
    inventoryId = r.json()[0].id;
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("answers 404 for names that are keys of every object, not examples", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const r = await t.app.inject({ url: `/api/examples/${name}` });
      expect(r.statusCode, name).toBe(404);
      expect(r.json().error.details).toEqual([
        { path: "name", message: "must be one of yongning-pathway, pingshuo-structure" },
      ]);
    }
  });

  it("projects a scenario on a stored inventory: the example is not neutral by 2060", async () => {
    const example = (await t.app.inject({ url: "/api/examples/yongning-pathway" })).json();
    const scenario = { ...example, baseline: { inventoryId } };
    const r = await t.app.inject({
      method: "POST",
      url: "/api/pathways",
      payload: { scenarios: [scenario, { ...scenario, measures: [] }] },
    });
    expect(r.statusCode).toBe(200);
    const [a, b] = r.json();
    // With stocks read as stocks (IPCC Tier 1: cropland and grassland no net sink) the measures
    // leave 2,374 t CO2e/yr in 2060; seed 002's density-as-yearly-sink reading made it neutral in 2048.
    expect(a.neutralYear).toBeNull();
    expect(a.gapAtEndTCO2e).toBeCloseTo(2374, -1);
    expect(a.economics.mac.length).toBe(7);
    expect(b.neutralYear).toBeNull();
  });

  it("puts a chosen scenario into a report", async () => {
    const example = (await t.app.inject({ url: "/api/examples/yongning-pathway" })).json();
    const r = await t.app.inject({
      method: "POST",
      url: `/api/inventories/${inventoryId}/reports`,
      payload: { format: "html", scenario: { ...example, baseline: { inventoryId } } },
    });
    expect(r.statusCode).toBe(201);
    const html = (await t.app.inject({ url: r.json().url })).body;
    expect(html).toContain("Pathway to neutrality: Yongning — seed 002 measures");
    expect(html).toContain("Not neutral by 2060");
    expect(html).toContain("Marginal abatement cost curve");
    // The pathway's own factors are in the factor table with their sources.
    for (const id of [
      "def.electricity.zero_emission",
      "cn.ets.cea.year4.mean",
      "cn.ccer.price.2025",
      "seed000.carbon_tax.50",
    ])
      expect(html).toContain(`<td>${id}</td>`);
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/inventories/${inventoryId}/reports`,
      payload: { format: "html", scenario: { ...example, endYear: 1800, baseline: { inventoryId } } },
    });
    expect(bad.json().error.details[0].path).toBe("scenario.endYear");
  });

  it("checks reclamation against a stored analysis's land use", async () => {
    const areaId = await createArea(t.app, "Fields");
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "mc-plan-"));
    const codes = new Uint8Array(20 * 20).fill(1);
    writeCodeRaster(join(dir, "a.tif"), codes, 20, 20);
    codes.fill(9, 0, 40); // 40 px of dump = 3.6 ha
    writeCodeRaster(join(dir, "b.tif"), codes, 20, 20);
    for (const [y, f] of [
      ["2000", "a.tif"],
      ["2010", "b.tif"],
    ])
      await t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/maps`,
        ...multipart({ year: y! }, { name: f!, bytes: readFileSync(join(dir, f!)) }),
      });
    const job = (
      await t.app.inject({ method: "POST", url: `/api/areas/${areaId}/analyses`, payload: {} })
    ).json();
    await waitForJob(t.app, job.id);
    const example = (await t.app.inject({ url: "/api/examples/yongning-pathway" })).json();
    const reclaim = {
      kind: "reclamation",
      start: 2025,
      years: 2,
      hectaresPerYear: 2,
      from: "dump",
      to: "forest",
      maxStockTCPerHa: 100,
      source: "t",
    };
    const r = await t.app.inject({
      method: "POST",
      url: "/api/pathways",
      payload: {
        scenarios: [{ ...example, baseline: { inventoryId, analysisId: job.id }, measures: [reclaim] }],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0]).toMatchObject({
      path: "scenarios[0].measures[0].hectaresPerYear",
      message: expect.stringMatching(/4 ha from dump in all, more than its 3.6/),
    });
  });

  it("names each problem with its path", async () => {
    const example = (await t.app.inject({ url: "/api/examples/yongning-pathway" })).json();
    example.measures[2].share = 3;
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/pathways",
      payload: { scenarios: [example] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain(
      "scenarios[0].measures[2].share",
    );
    const noInventory = await t.app.inject({
      method: "POST",
      url: "/api/pathways",
      payload: { scenarios: [{ ...example, measures: [], baseline: { inventoryId: "999" } }] },
    });
    expect(noInventory.statusCode).toBe(404);
    // Reclaiming more than the baseline's mining land (Yongning: 11.1 ha) is the scenario's problem.
    const example2 = (await t.app.inject({ url: "/api/examples/yongning-pathway" })).json();
    const reclaim = example2.measures.findIndex((m: { kind: string }) => m.kind === "reclamation");
    example2.measures[reclaim].hectaresPerYear = 100;
    const tooMuch = await t.app.inject({
      method: "POST",
      url: "/api/pathways",
      payload: { scenarios: [{ ...example2, baseline: { inventoryId } }] },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details).toEqual([
      {
        path: `scenarios[0].measures[${reclaim}].hectaresPerYear`,
        message: expect.stringMatching(/more than the 11\.1 ha of industrial and mining land/),
      },
    ]);
  });

  it("optimizes the demo example and explains an infeasible problem", async () => {
    const problem = (await t.app.inject({ url: "/api/examples/pingshuo-structure" })).json();
    const r = (await t.app.inject({ method: "POST", url: "/api/optimize", payload: problem })).json();
    expect(r.status).toBe("optimal");
    expect(r.criteria[0].change).toBeCloseTo(20_150.89, 1);
    expect(r.factors.used.map((f: { id: string }) => f.id)).toContain(
      "seed000.t1.zhao2013.forest.absorption",
    );
    problem.constraints[0].rhsHa = 60_000; // cropland floor above the whole area
    const inf = (await t.app.inject({ method: "POST", url: "/api/optimize", payload: problem })).json();
    expect(inf.status).toBe("infeasible");
    expect(inf.conflict.constraints.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["total area", "cropland protection floor"]),
    );
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/optimize",
      payload: { kind: "landuse-structure" },
    });
    expect(bad.statusCode).toBe(400);
  });
});
