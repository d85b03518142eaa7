import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { createArea, testApp } from "./test-app.ts";

const YONGNING = join(PROJECT_ROOT, "examples", "yongning.yaml");

describe("inventories: the stored input as its spec reads it, and the list with results", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  let invId: string;
  beforeAll(async () => {
    t = await testApp("pglite");
    areaId = await createArea(t.app, "Yongning");
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/inventories`,
      payload: readInputFile(YONGNING) as object,
    });
    expect(r.statusCode).toBe(201);
    invId = r.json()[0].id;
  }, 120_000);
  afterAll(() => t.close());

  it("answers the input document parsed against the mine-inventory spec (its defaults filled in)", async () => {
    const inv = (await t.app.inject({ url: `/api/inventories/${invId}` })).json();
    expect(inv.input).toMatchObject({ kind: "mine-inventory", mine: "Yongning Coal Mine" });
    expect(inv.input.years).toHaveLength(1);
    // A field the example leaves out comes back with the spec's default, as the computation read it.
    expect(inv.input.years[0].offsets).toEqual({ soldTCO2e: 0, boughtTCO2e: 0 });
    expect(inv.input.years[0].ccsStoredTCO2).toBe(0);
  });

  it("lists summaries, and with withResult=true each inventory's result", async () => {
    const plain = (await t.app.inject({ url: `/api/areas/${areaId}/inventories` })).json();
    expect(plain).toHaveLength(1);
    expect(plain[0]).not.toHaveProperty("result");
    const full = (await t.app.inject({ url: `/api/areas/${areaId}/inventories?withResult=true` })).json();
    expect(full[0]).toMatchObject({ id: invId, year: 2024, resultProblem: null });
    expect(full[0].result.years[0].totals.undergroundTCO2ePerYr).toBeCloseTo(15_810.076, 6);
    const bad = await t.app.inject({ url: `/api/areas/${areaId}/inventories?withResult=yes` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/withResult/);
  });
});
